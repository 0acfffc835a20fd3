//! The validated topology: what every node is told, with node names already
//! resolved to [`NodeId`]s and every default filled in. Nodes are built from
//! these structs; the YAML schema and its validation live in `schema.rs`
//! and `validate.rs`.

use crate::codec::plmn::Plmn;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::nodes::NodeId;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

/// A whole network, its subscribers, its UEs and what they do.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Name (from `name:`, else the file stem).
    pub name: String,
    /// The file it was read from, if any.
    pub source: Option<PathBuf>,
    /// The home PLMN.
    pub plmn: Plmn,
    /// Every node, UEs included; `nodes[i]` is `NodeId(i)`.
    pub nodes: Vec<NodeSpec>,
    /// Subscribers the HSS knows.
    pub subscribers: Vec<Subscriber>,
    /// Scenario steps, sorted by time.
    pub scenario: Vec<Step>,
    /// One-way latency of every hop in the simulation.
    pub latency: Duration,
    /// Seed for every random choice (RAND, TEIDs, ...), so runs repeat.
    pub seed: u64,
    /// Teaching topologies may show keys (K, OPc, CK, IK, KASME) in logs
    /// and trees; never otherwise.
    pub show_keys: bool,
}

impl Topology {
    /// The node called `name`.
    pub fn find(&self, name: &str) -> Option<(NodeId, &NodeSpec)> {
        self.nodes
            .iter()
            .enumerate()
            .find(|(_, n)| n.name == name)
            .map(|(i, n)| (NodeId(i as u32), n))
    }

    /// The node with id `id`.
    pub fn node(&self, id: NodeId) -> Option<&NodeSpec> {
        self.nodes.get(id.0 as usize)
    }

    /// Ids and specs of every UE.
    pub fn ues(&self) -> impl Iterator<Item = (NodeId, &UeSpec)> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Ue(u) => Some((NodeId(i as u32), u)),
                _ => None,
            })
    }

    /// Every TCP address an HSS listens on for real Diameter clients:
    /// (the HSS, the interface, the address as written).
    pub fn listeners(&self) -> Vec<(NodeId, crate::nodes::Iface, SocketAddr)> {
        let mut out = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if let NodeKind::Hss(h) = &n.kind {
                let id = NodeId(i as u32);
                out.extend(h.listen.s6a.map(|a| (id, crate::nodes::Iface::S6a, a)));
                out.extend(h.listen.cx.map(|a| (id, crate::nodes::Iface::Cx, a)));
            }
        }
        out
    }

    /// The subscriber with this IMSI.
    pub fn subscriber(&self, imsi: &str) -> Option<&Subscriber> {
        self.subscribers.iter().find(|s| s.imsi == imsi)
    }

    /// The CSCF whose SIP host is `host` (compared without case), or whose
    /// core address is `host` written as an IP address: where a Mw message
    /// for that URI goes.
    pub fn sip_node(&self, host: &str) -> Option<NodeId> {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        self.nodes
            .iter()
            .enumerate()
            .find(|(_, n)| {
                n.kind.sip_host().is_some_and(|sip| {
                    sip.host.eq_ignore_ascii_case(host)
                        || host.parse::<IpAddr>().is_ok_and(|a| a == n.addr)
                })
            })
            .map(|(i, _)| NodeId(i as u32))
    }
}

/// One node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSpec {
    /// Its name in the YAML (UEs: `ue-<imsi>` unless named).
    pub name: String,
    /// Its address on the core network (S1/S11/S6a/Cx/Mw): used in the pcap
    /// and, in issue 6, for real sockets. Auto-assigned 127.0.0.N by default.
    pub addr: IpAddr,
    /// What it is.
    pub kind: NodeKind,
}

/// The kinds of node.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum NodeKind {
    /// A simulated UE.
    Ue(UeSpec),
    /// An eNodeB.
    Enb(EnbSpec),
    /// An MME.
    Mme(MmeSpec),
    /// An SGW+PGW.
    Gateway(GatewaySpec),
    /// An HSS (S6a and Cx).
    Hss(HssSpec),
    /// A P-CSCF.
    Pcscf(PcscfSpec),
    /// An I-CSCF.
    Icscf(IcscfSpec),
    /// An S-CSCF.
    Scscf(ScscfSpec),
}

impl NodeKind {
    /// The `kind:` word of the YAML.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Ue(_) => "ue",
            Self::Enb(_) => "enb",
            Self::Mme(_) => "mme",
            Self::Gateway(_) => "gateway",
            Self::Hss(_) => "hss",
            Self::Pcscf(_) => "pcscf",
            Self::Icscf(_) => "icscf",
            Self::Scscf(_) => "scscf",
        }
    }

    /// The SIP host of a CSCF on Mw.
    pub fn sip_host(&self) -> Option<&SipHost> {
        match self {
            Self::Pcscf(p) => Some(&p.sip),
            Self::Icscf(i) => Some(&i.sip),
            Self::Scscf(s) => Some(&s.sip),
            _ => None,
        }
    }
}

/// USIM contents (TS 31.102) as the UE holds them.
#[derive(Clone, PartialEq, Eq)]
pub struct Usim {
    /// Subscriber key K.
    pub k: [u8; 16],
    /// OPc (derived from OP when the YAML gives OP).
    pub opc: [u8; 16],
    /// The highest SQN the USIM has accepted (SQN_MS), 48 bits.
    pub sqn: u64,
}

impl std::fmt::Debug for Usim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Usim {{ k: <redacted>, opc: <redacted>, sqn: {} }}",
            self.sqn
        )
    }
}

/// Whether and how a UE uses IMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImsMode {
    /// No IMS registration.
    #[default]
    None,
    /// Register to IMS once the `ims` PDN is up.
    Register,
}

/// IMS identities on an ISIM (TS 31.103); absent means derive from the IMSI
/// (TS 23.003 13.3/13.4B).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Isim {
    /// Private identity.
    pub impi: String,
    /// Public identities, the first is the default.
    pub impus: Vec<String>,
    /// Home network domain.
    pub domain: String,
}

/// A simulated UE.
#[derive(Debug, Clone, PartialEq)]
pub struct UeSpec {
    /// IMSI (15 digits).
    pub imsi: String,
    /// IMEISV (16 digits).
    pub imeisv: String,
    /// The eNB it camps on.
    pub enb: NodeId,
    /// APNs in the order it opens them; the first is requested at attach.
    pub apns: Vec<String>,
    /// IMS behaviour.
    pub ims: ImsMode,
    /// USIM (defaults to the subscriber's K/OPc/SQN; a teaching topology may
    /// give different values).
    pub usim: Usim,
    /// ISIM, if the UE has one.
    pub isim: Option<Isim>,
    /// K, OPc and SQN of the ISIM's AKA when they differ from the USIM's
    /// (a teaching topology: EPS AKA succeeds, IMS AKA fails); `None`: the
    /// ISIM authenticates with the USIM's K/OPc on the same SQN sequence.
    pub isim_keys: Option<Usim>,
    /// EEA algorithms the UE supports (bit 0 = EEA0 ... bit 7 = EEA7).
    pub eea: u8,
    /// EIA algorithms the UE supports (bit 0 = EIA0 ... bit 7 = EIA7).
    pub eia: u8,
    /// The UE insists on IPsec for IMS (real handsets do).
    pub requires_ipsec: bool,
}

/// An eNodeB.
#[derive(Debug, Clone, PartialEq)]
pub struct EnbSpec {
    /// Macro eNB id (20 bits).
    pub enb_id: u32,
    /// eNB name sent in S1 Setup.
    pub enb_name: String,
    /// Tracking area code of its cell.
    pub tac: u16,
    /// 28-bit E-UTRAN cell identity (default enb_id << 8 | 1).
    pub cell_id: u32,
    /// The MME it connects to.
    pub mme: NodeId,
    /// Teaching knob: refuse E-RAB Setup for a second bearer.
    pub refuse_second_bearer: bool,
}

/// An MME.
#[derive(Debug, Clone, PartialEq)]
pub struct MmeSpec {
    /// The gateway (S11).
    pub gateway: NodeId,
    /// The HSS (S6a).
    pub hss: NodeId,
    /// MME name in S1 Setup Response.
    pub mme_name: String,
    /// MME group id (GUMMEI).
    pub group_id: u16,
    /// MME code (GUMMEI).
    pub code: u8,
    /// Integrity algorithms in order of preference.
    pub integrity: Vec<NasIntegrity>,
    /// Ciphering algorithms in order of preference.
    pub ciphering: Vec<NasCiphering>,
    /// Tracking area codes it serves; an S1 Setup for another is refused.
    pub tacs: Vec<u16>,
    /// Relative MME capacity.
    pub relative_capacity: u8,
    /// Diameter identity on S6a.
    pub diameter: DiameterIdentity,
    /// Periodic TAU timer T3412 given to UEs.
    pub t3412: Duration,
}

/// Diameter Origin-Host and Origin-Realm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiameterIdentity {
    /// Origin-Host.
    pub host: String,
    /// Origin-Realm.
    pub realm: String,
}

/// PDN types (TS 24.301 9.9.4.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdnTypeSpec {
    /// IPv4 only.
    Ipv4,
    /// IPv6 only.
    Ipv6,
    /// Both.
    Ipv4v6,
}

/// One APN served by a gateway.
#[derive(Debug, Clone, PartialEq)]
pub struct ApnSpec {
    /// The APN name (e.g. `ims`).
    pub name: String,
    /// IPv4 pool (network address, prefix length); the first and last
    /// addresses are not handed out.
    pub ipv4_pool: Option<(Ipv4Addr, u8)>,
    /// IPv6 prefix for the UEs (/64): each UE gets an interface id in it.
    pub ipv6_prefix: Option<(Ipv6Addr, u8)>,
    /// QCI of the default bearer.
    pub qci: u8,
    /// ARP priority level.
    pub arp_priority: u8,
    /// APN-AMBR uplink, bits/s.
    pub ambr_ul: u64,
    /// APN-AMBR downlink, bits/s.
    pub ambr_dl: u64,
    /// P-CSCF addresses returned in the PCO, in order (may be empty: teaching).
    pub pcscf: Vec<IpAddr>,
    /// DNS servers returned in the PCO.
    pub dns: Vec<IpAddr>,
    /// IPv4 link MTU returned in the PCO, if any.
    pub mtu: Option<u16>,
}

/// An SGW+PGW.
#[derive(Debug, Clone, PartialEq)]
pub struct GatewaySpec {
    /// APNs, in YAML order.
    pub apns: Vec<ApnSpec>,
    /// The node hosting the IMS IP stack that traffic of IMS APNs is
    /// delivered to (the P-CSCF; issue 4).
    pub ims_stack: Option<NodeId>,
}

/// An HSS.
#[derive(Debug, Clone, PartialEq)]
pub struct HssSpec {
    /// SQLite file; `None` keeps the database in memory.
    pub db: Option<PathBuf>,
    /// Diameter identity on S6a.
    pub s6a: DiameterIdentity,
    /// Diameter identity on Cx.
    pub cx: DiameterIdentity,
    /// AMF used in vectors (E-UTRAN: separation bit set).
    pub amf: [u8; 2],
    /// TCP addresses where real Diameter clients (an MME, I/S-CSCFs) reach
    /// this HSS; none by default.
    pub listen: HssListen,
}

/// Where an HSS accepts Diameter over TCP from real peers (`listen:`).
/// Port 0 asks the system for a free port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HssListen {
    /// For S6a clients (a real MME).
    pub s6a: Option<SocketAddr>,
    /// For Cx clients (a real I-CSCF or S-CSCF).
    pub cx: Option<SocketAddr>,
}

impl HssListen {
    /// True when the HSS listens on nothing.
    pub fn is_empty(&self) -> bool {
        self.s6a.is_none() && self.cx.is_none()
    }
}

/// IPsec policy of a P-CSCF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IpsecPolicy {
    /// IPsec is required (sec-agree mandatory).
    #[default]
    Required,
    /// Used if the UE offers it.
    Optional,
    /// Never offered.
    Off,
}

/// Where a CSCF listens for SIP on Mw: its host name and port. Path,
/// Record-Route, Service-Route and the Cx Server-Name are built from it, and
/// the CSCFs map a URI's host back to the node with
/// [`Topology::sip_node`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SipHost {
    /// Host name, e.g. `scscf.ims.mnc001.mcc001.3gppnetwork.org`.
    pub host: String,
    /// UDP/TCP port.
    pub port: u16,
}

impl SipHost {
    /// The SIP default port (RFC 3261 19.1.2), left out of URIs.
    pub const DEFAULT_PORT: u16 = 5060;

    /// `sip:<host>[:<port>]` (the port left out when it is 5060), e.g. the
    /// S-CSCF's Server-Name `sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060`.
    pub fn uri(&self) -> String {
        self.uri_with_user(None)
    }

    /// `sip:[<user>@]<host>[:<port>]`.
    pub fn uri_with_user(&self, user: Option<&str>) -> String {
        let user = user.map_or(String::new(), |u| format!("{u}@"));
        if self.port == Self::DEFAULT_PORT {
            format!("sip:{user}{}", self.host)
        } else {
            format!("sip:{user}{}:{}", self.host, self.port)
        }
    }
}

/// ESP integrity algorithms of sec-agree (TS 33.203 H.2, `alg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IpsecIntegrity {
    /// `hmac-sha-1-96` (RFC 2404).
    #[default]
    HmacSha196,
    /// `hmac-md5-96` (RFC 2403).
    HmacMd596,
}

impl IpsecIntegrity {
    /// Every algorithm, in the order a P-CSCF prefers them by default.
    pub const ALL: [Self; 2] = [Self::HmacSha196, Self::HmacMd596];

    /// The `alg` parameter value.
    pub fn name(self) -> &'static str {
        match self {
            Self::HmacSha196 => "hmac-sha-1-96",
            Self::HmacMd596 => "hmac-md5-96",
        }
    }

    /// The algorithm an `alg` value names (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// ESP encryption algorithms of sec-agree (TS 33.203 H.2, `ealg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IpsecEncryption {
    /// `null`: no encryption (RFC 2410); keeps pcaps readable.
    #[default]
    Null,
    /// `aes-cbc` with a 128-bit key (RFC 3602).
    AesCbc,
}

impl IpsecEncryption {
    /// Every algorithm.
    pub const ALL: [Self; 2] = [Self::Null, Self::AesCbc];

    /// The `ealg` parameter value.
    pub fn name(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::AesCbc => "aes-cbc",
        }
    }

    /// The algorithm an `ealg` value names (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A P-CSCF (issue 4).
#[derive(Debug, Clone, PartialEq)]
pub struct PcscfSpec {
    /// Its IPv4 address on the IMS PDN.
    pub ipv4: Option<Ipv4Addr>,
    /// Its IPv6 address on the IMS PDN.
    pub ipv6: Option<Ipv6Addr>,
    /// IPsec policy.
    pub ipsec: IpsecPolicy,
    /// The I-CSCF it forwards REGISTERs to.
    pub icscf: Option<NodeId>,
    /// Its SIP host on Mw (default `pcscf.<domain>`, port 5060): its Path
    /// and Record-Route entries.
    pub sip: SipHost,
    /// The home network domain (P-Visited-Network-ID, orig-ioi).
    pub domain: String,
    /// Protected client port it offers in Security-Server (`port-c`,
    /// TS 33.203 7.1).
    pub port_c: u16,
    /// Protected server port it offers in Security-Server (`port-s`).
    pub port_s: u16,
    /// Integrity algorithm it prefers when the UE offers several.
    pub integrity: IpsecIntegrity,
    /// Encryption algorithm it prefers when the UE offers it (else `null`).
    pub encryption: IpsecEncryption,
}

/// An I-CSCF (issue 4).
#[derive(Debug, Clone, PartialEq)]
pub struct IcscfSpec {
    /// The HSS (Cx).
    pub hss: Option<NodeId>,
    /// Its SIP host on Mw (default `icscf.<domain>`, port 5060).
    pub sip: SipHost,
    /// Its Diameter identity on Cx (default `icscf.<domain>` in realm
    /// `<domain>`).
    pub diameter: DiameterIdentity,
    /// The S-CSCFs it may choose when the HSS answers with
    /// Server-Capabilities (TS 29.228 6.1.1.1), in order of preference;
    /// default every S-CSCF.
    pub scscfs: Vec<NodeId>,
}

/// An S-CSCF (issue 4).
#[derive(Debug, Clone, PartialEq)]
pub struct ScscfSpec {
    /// The HSS (Cx).
    pub hss: Option<NodeId>,
    /// Its SIP host on Mw (default `scscf.<domain>`, port 6060); its
    /// Server-Name is `sip:<host>:<port>`.
    pub sip: SipHost,
    /// Its Diameter identity on Cx (default `scscf.<domain>` in realm
    /// `<domain>`).
    pub diameter: DiameterIdentity,
    /// The home network domain: the Digest realm of its challenges.
    pub domain: String,
    /// The I-CSCF it sends requests for users it does not serve to.
    pub icscf: Option<NodeId>,
    /// The longest registration it grants (RFC 3261 10.3; default 600 s).
    pub max_expires: Duration,
    /// The shortest registration it accepts; shorter asks get 423 Interval
    /// Too Brief with Min-Expires (default 60 s).
    pub min_expires: Duration,
}

/// A subscriber in the HSS.
#[derive(Clone, PartialEq, Eq)]
pub struct Subscriber {
    /// IMSI.
    pub imsi: String,
    /// MSISDN.
    pub msisdn: String,
    /// K.
    pub k: [u8; 16],
    /// OPc.
    pub opc: [u8; 16],
    /// The next SQN the HSS uses, 48 bits.
    pub sqn: u64,
    /// APNs the subscription allows; the first is the default.
    pub apns: Vec<String>,
    /// IMS identities (derived from the IMSI when not given).
    pub ims: Option<Isim>,
    /// Public identities the HSS bars (TS 29.228 6.1.1.1, TS 23.228
    /// 4.3.3.4): usable only to register alongside a non-barred one.
    pub barred: Vec<String>,
}

impl std::fmt::Debug for Subscriber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscriber")
            .field("imsi", &self.imsi)
            .field("msisdn", &self.msisdn)
            .field("sqn", &self.sqn)
            .field("apns", &self.apns)
            .finish_non_exhaustive()
    }
}

/// Who a scenario step addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One node (a UE, the HSS).
    Node(NodeId),
    /// Every UE.
    AllUes,
}

/// One scenario step: at `at`, send `command` to `target`. A step for many
/// UEs may be spread at `rate` UEs per second.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// When (from the start of the run).
    pub at: Duration,
    /// To whom.
    pub target: Target,
    /// What.
    pub command: crate::nodes::Command,
    /// For `AllUes`: UEs per second (None = all at once).
    pub rate: Option<f64>,
}
