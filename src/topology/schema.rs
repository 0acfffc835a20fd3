//! The raw YAML as serde reads it: the shape of the file (which keys exist,
//! what is a list or a mapping), nothing more. Leaves that carry meaning
//! (addresses, durations, keys, names) are read as [`Scalar`] and given
//! their meaning by `validate.rs`, which can then report every problem with
//! its own message instead of stopping at serde's first.
//!
//! Every key is optional here; `validate.rs` says which are required.
//! `docs/topology.md` documents every key.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, de::DeserializeOwned};
use serde_yaml::{Mapping, Value};
use std::fmt;

/// One YAML scalar: text, a number or a boolean, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A string (quoted or not).
    Text(String),
    /// An integer (YAML `0x`/`0o` forms included).
    Int(i128),
    /// A floating-point number.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
}

impl Scalar {
    /// The value as text (numbers in decimal).
    pub fn text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Int(i) => i.to_string(),
            Self::Float(f) => f.to_string(),
            Self::Bool(b) => b.to_string(),
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a single value (text or a number)")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(i128::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Int(i128::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// A list of scalars; a single scalar is read as a list of one
/// (`apns: ims` is `apns: [ims]`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List(pub Vec<Scalar>);

struct ListVisitor;

impl<'de> Visitor<'de> for ListVisitor {
    type Value = List;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of values, e.g. [a, b]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List, A::Error> {
        let mut v = Vec::new();
        while let Some(s) = seq.next_element::<Scalar>()? {
            v.push(s);
        }
        Ok(List(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<List, E> {
        ScalarVisitor.visit_bool(v).map(|s| List(vec![s]))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<List, E> {
        ScalarVisitor.visit_i64(v).map(|s| List(vec![s]))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<List, E> {
        ScalarVisitor.visit_u64(v).map(|s| List(vec![s]))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<List, E> {
        ScalarVisitor.visit_f64(v).map(|s| List(vec![s]))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<List, E> {
        ScalarVisitor.visit_str(v).map(|s| List(vec![s]))
    }
}

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor)
    }
}

/// Algorithm capabilities: a bitmask (`eea: 7`) or algorithm names
/// (`eea: [eea0, eea2]`, `eea: eea2`).
#[derive(Debug, Clone, PartialEq)]
pub enum Bits {
    /// A bitmask, bit n = algorithm n.
    Mask(i128),
    /// Algorithms by name (or number).
    Names(Vec<Scalar>),
}

struct BitsVisitor;

impl<'de> Visitor<'de> for BitsVisitor {
    type Value = Bits;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a bitmask or a list of algorithms, e.g. [eea0, eea2]")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Bits, E> {
        Ok(Bits::Mask(i128::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Bits, E> {
        Ok(Bits::Mask(i128::from(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Bits, E> {
        Ok(Bits::Names(vec![Scalar::Text(v.to_string())]))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Bits, A::Error> {
        ListVisitor.visit_seq(seq).map(|l| Bits::Names(l.0))
    }
}

impl<'de> Deserialize<'de> for Bits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BitsVisitor)
    }
}

/// The whole file. Sections that hold many entries are kept as YAML values
/// and read entry by entry, so one bad entry does not hide the others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopology {
    /// `name:`.
    pub name: Option<Scalar>,
    /// `plmn: { mcc, mnc }`.
    pub plmn: Option<RawPlmn>,
    /// `seed:`.
    pub seed: Option<Scalar>,
    /// `latency:` (duration).
    pub latency: Option<Scalar>,
    /// `show_keys:`.
    pub show_keys: Option<bool>,
    /// `nodes:`: name -> node mapping.
    pub nodes: Option<Mapping>,
    /// `subscribers:`.
    pub subscribers: Option<Vec<Value>>,
    /// `ues:`.
    pub ues: Option<Vec<Value>>,
    /// `scenario:`.
    pub scenario: Option<Vec<Value>>,
}

/// `plmn:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlmn {
    /// 3 digits.
    pub mcc: Option<Scalar>,
    /// 2 or 3 digits.
    pub mnc: Option<Scalar>,
}

/// Node kind words, in the order the docs list them.
pub const KINDS: [&str; 7] = ["enb", "mme", "gateway", "hss", "pcscf", "icscf", "scscf"];

/// `kind: enb`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnb {
    /// `enb`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// Macro eNB id (20 bits).
    pub enb_id: Option<Scalar>,
    /// Name in S1 Setup.
    pub enb_name: Option<Scalar>,
    /// Tracking area code.
    pub tac: Option<Scalar>,
    /// E-UTRAN cell identity (28 bits).
    pub cell_id: Option<Scalar>,
    /// The MME (node name).
    pub mme: Option<Scalar>,
    /// Teaching knob.
    pub refuse_second_bearer: Option<bool>,
}

/// `kind: mme`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMme {
    /// `mme`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// The gateway (node name).
    pub gateway: Option<Scalar>,
    /// The HSS (node name).
    pub hss: Option<Scalar>,
    /// Name in S1 Setup Response.
    pub mme_name: Option<Scalar>,
    /// MME group id.
    pub group_id: Option<Scalar>,
    /// MME code.
    pub code: Option<Scalar>,
    /// NAS security algorithms.
    pub nas: Option<RawNas>,
    /// Served TACs.
    pub tacs: Option<List>,
    /// Relative MME capacity.
    pub relative_capacity: Option<Scalar>,
    /// Diameter identity on S6a.
    pub diameter: Option<RawDiameter>,
    /// T3412 (duration).
    pub t3412: Option<Scalar>,
}

/// `nas: { integrity, ciphering }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNas {
    /// EIA names in order of preference.
    pub integrity: Option<List>,
    /// EEA names in order of preference.
    pub ciphering: Option<List>,
}

/// `{ host, realm }` of a Diameter peer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDiameter {
    /// Origin-Host.
    pub host: Option<Scalar>,
    /// Origin-Realm.
    pub realm: Option<Scalar>,
}

/// `kind: gateway`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGateway {
    /// `gateway`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// APN name -> APN.
    pub apns: Option<Mapping>,
    /// The P-CSCF node hosting the IMS IP stack.
    pub ims_stack: Option<Scalar>,
}

/// One APN of a gateway.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApn {
    /// IPv4 pool prefix.
    pub pool: Option<Scalar>,
    /// IPv6 prefix.
    pub ipv6_pool: Option<Scalar>,
    /// QCI of the default bearer.
    pub qci: Option<Scalar>,
    /// ARP priority level.
    pub arp: Option<Scalar>,
    /// APN-AMBR.
    pub ambr: Option<RawAmbr>,
    /// P-CSCF node names or addresses.
    pub p_cscf: Option<List>,
    /// DNS server addresses.
    pub dns: Option<List>,
    /// IPv4 link MTU.
    pub mtu: Option<Scalar>,
}

/// `ambr: { ul, dl }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAmbr {
    /// Uplink bit rate.
    pub ul: Option<Scalar>,
    /// Downlink bit rate.
    pub dl: Option<Scalar>,
}

/// `kind: hss`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHss {
    /// `hss`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// SQLite file.
    pub db: Option<Scalar>,
    /// AMF (4 hex digits).
    pub amf: Option<Scalar>,
    /// Diameter identity on S6a.
    pub s6a: Option<RawDiameter>,
    /// Diameter identity on Cx.
    pub cx: Option<RawDiameter>,
    /// TCP addresses for real Diameter clients.
    pub listen: Option<RawListen>,
}

/// `listen: { s6a, cx }` of an HSS.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawListen {
    /// `IP:PORT` for S6a clients.
    pub s6a: Option<Scalar>,
    /// `IP:PORT` for Cx clients.
    pub cx: Option<Scalar>,
}

/// `kind: pcscf`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPcscf {
    /// `pcscf`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// IPv4 address on the IMS PDN.
    pub ipv4: Option<Scalar>,
    /// IPv6 address on the IMS PDN.
    pub ipv6: Option<Scalar>,
    /// `required`, `optional` or `off`.
    pub ipsec: Option<Scalar>,
    /// The I-CSCF (node name).
    pub icscf: Option<Scalar>,
    /// SIP host name on Mw.
    pub host: Option<Scalar>,
    /// SIP port on Mw.
    pub port: Option<Scalar>,
    /// Home network domain.
    pub domain: Option<Scalar>,
    /// Protected client port offered in Security-Server.
    pub port_c: Option<Scalar>,
    /// Protected server port offered in Security-Server.
    pub port_s: Option<Scalar>,
    /// Preferred ESP integrity algorithm.
    pub alg: Option<Scalar>,
    /// Preferred ESP encryption algorithm.
    pub ealg: Option<Scalar>,
}

/// `kind: icscf`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIcscf {
    /// `icscf`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// The HSS (node name).
    pub hss: Option<Scalar>,
    /// SIP host name on Mw.
    pub host: Option<Scalar>,
    /// SIP port on Mw.
    pub port: Option<Scalar>,
    /// Diameter identity on Cx.
    pub diameter: Option<RawDiameter>,
    /// The S-CSCFs it may choose (node names).
    pub scscfs: Option<List>,
}

/// `kind: scscf`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScscf {
    /// `scscf`.
    pub kind: Option<Scalar>,
    /// Core network address.
    pub addr: Option<Scalar>,
    /// The HSS (node name).
    pub hss: Option<Scalar>,
    /// SIP host name on Mw.
    pub host: Option<Scalar>,
    /// SIP port on Mw.
    pub port: Option<Scalar>,
    /// Diameter identity on Cx.
    pub diameter: Option<RawDiameter>,
    /// Home network domain (Digest realm).
    pub domain: Option<Scalar>,
    /// The I-CSCF for requests to users it does not serve (node name).
    pub icscf: Option<Scalar>,
    /// Longest registration granted (duration).
    pub max_expires: Option<Scalar>,
    /// Shortest registration accepted (duration).
    pub min_expires: Option<Scalar>,
}

/// One entry of `subscribers:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubscriber {
    /// IMSI (15 digits).
    pub imsi: Option<Scalar>,
    /// K (32 hex digits).
    pub k: Option<Scalar>,
    /// OPc (32 hex digits).
    pub opc: Option<Scalar>,
    /// OP (32 hex digits), instead of OPc.
    pub op: Option<Scalar>,
    /// Next SQN (hex text or integer).
    pub sqn: Option<Scalar>,
    /// MSISDN.
    pub msisdn: Option<Scalar>,
    /// Allowed APNs.
    pub apns: Option<List>,
    /// IMS private identity.
    pub impi: Option<Scalar>,
    /// IMS public identities.
    pub impu: Option<List>,
    /// Public identities the HSS bars.
    pub barred: Option<List>,
    /// How many consecutive subscribers this entry stands for.
    pub count: Option<Scalar>,
}

/// One entry of `ues:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUe {
    /// IMSI (15 digits).
    pub imsi: Option<Scalar>,
    /// Node name.
    pub name: Option<Scalar>,
    /// Address (like every node).
    pub addr: Option<Scalar>,
    /// The eNB (node name).
    pub enb: Option<Scalar>,
    /// APNs to open.
    pub apns: Option<List>,
    /// `register` or `none`.
    pub ims: Option<Scalar>,
    /// USIM K override.
    pub k: Option<Scalar>,
    /// USIM OPc override.
    pub opc: Option<Scalar>,
    /// USIM OP override.
    pub op: Option<Scalar>,
    /// USIM SQN override.
    pub sqn: Option<Scalar>,
    /// IMEISV (16 digits).
    pub imeisv: Option<Scalar>,
    /// EEA capabilities (bitmask or names).
    pub eea: Option<Bits>,
    /// EIA capabilities (bitmask or names).
    pub eia: Option<Bits>,
    /// Insists on IPsec for IMS.
    pub requires_ipsec: Option<bool>,
    /// How many consecutive UEs this entry stands for.
    pub count: Option<Scalar>,
    /// ISIM identities.
    pub isim: Option<RawIsim>,
}

/// `isim: { impi, impus, domain, k, opc, op, sqn }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIsim {
    /// Private identity.
    pub impi: Option<Scalar>,
    /// Public identities.
    pub impus: Option<List>,
    /// Home network domain.
    pub domain: Option<Scalar>,
    /// ISIM K override (default: the USIM's).
    pub k: Option<Scalar>,
    /// ISIM OPc override.
    pub opc: Option<Scalar>,
    /// ISIM OP override (OPc derived with the ISIM's K).
    pub op: Option<Scalar>,
    /// ISIM SQN override (the highest SQN it accepted).
    pub sqn: Option<Scalar>,
}

/// One entry of `scenario:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// When (duration).
    pub at: Option<Scalar>,
    /// `all`, an IMSI or a UE name.
    pub ue: Option<Scalar>,
    /// An HSS node name.
    pub hss: Option<Scalar>,
    /// The action.
    #[serde(rename = "do")]
    pub action: Option<Scalar>,
    /// UEs per second for `ue: all`.
    pub rate: Option<Scalar>,
    /// APN for `open_pdn` / `close_pdn`.
    pub apn: Option<Scalar>,
    /// Recipient for `message`.
    pub to: Option<Scalar>,
    /// Text for `message`.
    pub text: Option<Scalar>,
    /// Public identity for the HSS's `deregister`.
    pub impu: Option<Scalar>,
}

/// The keys a struct accepts, as serde's derive lists them.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut probe = FieldProbe(None);
    let _ = T::deserialize(&mut probe);
    probe.0.unwrap_or(&[])
}

/// A deserializer that only records the field list a derived struct asks for.
struct FieldProbe(Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for &mut FieldProbe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some(fields);
        Err(de::Error::custom("field probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_lists_struct_keys() {
        assert_eq!(fields_of::<RawAmbr>(), &["ul", "dl"]);
        assert!(fields_of::<RawStep>().contains(&"do"));
        assert!(fields_of::<Scalar>().is_empty());
    }

    #[test]
    fn list_reads_one_value_or_many() {
        let one: List = serde_yaml::from_str("ims").unwrap();
        assert_eq!(one, List(vec![Scalar::Text("ims".into())]));
        let many: List = serde_yaml::from_str("[internet, 5]").unwrap();
        assert_eq!(
            many,
            List(vec![Scalar::Text("internet".into()), Scalar::Int(5)])
        );
        assert!(serde_yaml::from_str::<List>("{a: 1}").is_err());
    }

    #[test]
    fn scalar_keeps_text_numbers_and_booleans() {
        let v: Vec<Scalar> = serde_yaml::from_str("[001010000000001, 0x19B, 1.5, true]").unwrap();
        assert_eq!(
            v,
            vec![
                Scalar::Text("001010000000001".into()),
                Scalar::Int(0x19b),
                Scalar::Float(1.5),
                Scalar::Bool(true)
            ]
        );
    }
}
