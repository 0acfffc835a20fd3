//! GTPv2-C information elements (TS 29.274 clause 8): the generic TLIV form
//! every IE shares, and typed values for the IEs the EPC uses.
//!
//! Typed decoders read what the spec defines and ignore spare bits and any
//! octets past the defined ones (TS 29.274 8.2: a receiver ignores what it
//! does not understand). The message layer keeps the received bytes of any IE
//! that does not re-encode identically, so nothing is lost on the way back.

use crate::codec::{DecodeError, Reader};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

pub(crate) const PROTO: &str = "GTPv2-C";

/// IE type values (TS 29.274 Table 8.1-1) of the IEs this codec knows by name.
pub mod types {
    /// International Mobile Subscriber Identity (8.3).
    pub const IMSI: u8 = 1;
    /// Cause (8.4).
    pub const CAUSE: u8 = 2;
    /// Recovery (restart counter) (8.5).
    pub const RECOVERY: u8 = 3;
    /// Access Point Name (8.6).
    pub const APN: u8 = 71;
    /// Aggregate Maximum Bit Rate (8.7).
    pub const AMBR: u8 = 72;
    /// EPS Bearer ID (8.8).
    pub const EBI: u8 = 73;
    /// IP Address (8.9).
    pub const IP_ADDRESS: u8 = 74;
    /// Mobile Equipment Identity (8.10).
    pub const MEI: u8 = 75;
    /// MSISDN (8.11).
    pub const MSISDN: u8 = 76;
    /// Indication flags (8.12).
    pub const INDICATION: u8 = 77;
    /// Protocol Configuration Options (8.13).
    pub const PCO: u8 = 78;
    /// PDN Address Allocation (8.14).
    pub const PAA: u8 = 79;
    /// Bearer Level Quality of Service (8.15).
    pub const BEARER_QOS: u8 = 80;
    /// Flow Quality of Service (8.16).
    pub const FLOW_QOS: u8 = 81;
    /// RAT Type (8.17).
    pub const RAT_TYPE: u8 = 82;
    /// Serving Network (8.18).
    pub const SERVING_NETWORK: u8 = 83;
    /// EPS Bearer Level Traffic Flow Template (8.19).
    pub const BEARER_TFT: u8 = 84;
    /// Traffic Aggregate Description (8.20).
    pub const TAD: u8 = 85;
    /// User Location Information (8.21).
    pub const ULI: u8 = 86;
    /// Fully Qualified TEID (8.22).
    pub const FTEID: u8 = 87;
    /// Bearer Context, grouped (8.28).
    pub const BEARER_CONTEXT: u8 = 93;
    /// Charging ID (8.29).
    pub const CHARGING_ID: u8 = 94;
    /// Charging Characteristics (8.30).
    pub const CHARGING_CHARACTERISTICS: u8 = 95;
    /// Bearer Flags (8.32).
    pub const BEARER_FLAGS: u8 = 97;
    /// PDN Type (8.34).
    pub const PDN_TYPE: u8 = 99;
    /// PDN Connection, grouped (8.39).
    pub const PDN_CONNECTION: u8 = 109;
    /// UE Time Zone (8.44).
    pub const UE_TIME_ZONE: u8 = 114;
    /// APN Restriction (8.57).
    pub const APN_RESTRICTION: u8 = 127;
    /// Selection Mode (8.58).
    pub const SELECTION_MODE: u8 = 128;
    /// Fully Qualified PDN Connection Set Identifier (8.62).
    pub const FQ_CSID: u8 = 132;
    /// Fully Qualified Domain Name (8.66).
    pub const FQDN: u8 = 136;
    /// Node Features (8.83).
    pub const NODE_FEATURES: u8 = 152;
    /// Overload Control Information, grouped (8.111).
    pub const OVERLOAD_CONTROL_INFORMATION: u8 = 180;
    /// Load Control Information, grouped (8.112).
    pub const LOAD_CONTROL_INFORMATION: u8 = 181;
    /// Remote UE Context, grouped (8.123).
    pub const REMOTE_UE_CONTEXT: u8 = 191;
    /// SCEF PDN Connection, grouped (8.126).
    pub const SCEF_PDN_CONNECTION: u8 = 195;
    /// Extended Protocol Configuration Options (8.128).
    pub const EPCO: u8 = 197;
    /// Private Extension (8.67).
    pub const PRIVATE_EXTENSION: u8 = 255;
}

/// Name of IE type `t` as TS 29.274 Table 8.1-1 gives it ("IE 42" when unknown here).
pub fn ie_name(t: u8) -> &'static str {
    match t {
        1 => "IMSI",
        2 => "Cause",
        3 => "Recovery",
        51 => "STN-SR",
        71 => "APN",
        72 => "AMBR",
        73 => "EBI",
        74 => "IP Address",
        75 => "MEI",
        76 => "MSISDN",
        77 => "Indication",
        78 => "PCO",
        79 => "PAA",
        80 => "Bearer QoS",
        81 => "Flow QoS",
        82 => "RAT Type",
        83 => "Serving Network",
        84 => "Bearer TFT",
        85 => "TAD",
        86 => "ULI",
        87 => "F-TEID",
        88 => "TMSI",
        89 => "Global CN-Id",
        90 => "S103PDF",
        91 => "S1UDF",
        92 => "Delay Value",
        93 => "Bearer Context",
        94 => "Charging ID",
        95 => "Charging Characteristics",
        96 => "Trace Information",
        97 => "Bearer Flags",
        99 => "PDN Type",
        100 => "Procedure Transaction ID",
        109 => "PDN Connection",
        114 => "UE Time Zone",
        117 => "GUTI",
        120 => "PLMN ID",
        126 => "Port Number",
        127 => "APN Restriction",
        128 => "Selection Mode",
        131 => "Change Reporting Action",
        132 => "FQ-CSID",
        136 => "FQDN",
        145 => "User CSG Information",
        151 => "LDN",
        152 => "Node Features",
        156 => "EPC Timer",
        163 => "APCO",
        170 => "ULI Timestamp",
        172 => "RAN/NAS Cause",
        180 => "Overload Control Information",
        181 => "Load Control Information",
        191 => "Remote UE Context",
        195 => "SCEF PDN Connection",
        197 => "ePCO",
        255 => "Private Extension",
        _ => "IE",
    }
}

/// True for the IE types whose value is itself a list of IEs (TS 29.274 8.2.1).
pub fn is_grouped(t: u8) -> bool {
    matches!(
        t,
        types::BEARER_CONTEXT
            | types::PDN_CONNECTION
            | types::OVERLOAD_CONTROL_INFORMATION
            | types::LOAD_CONTROL_INFORMATION
            | types::REMOTE_UE_CONTEXT
            | types::SCEF_PDN_CONNECTION
    )
}

/// One IE in its generic TLIV form (TS 29.274 8.2): type, length, the four
/// spare bits of octet 4 (the "CR flag" of early releases), instance and value.
/// The length is that of `value`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ie {
    /// IE type (Table 8.1-1).
    pub ie_type: u8,
    /// Instance (0..=15): tells apart IEs of one type within a message.
    pub instance: u8,
    /// The high nibble of octet 4 (spare since Rel-8, sent as 0).
    pub cr: u8,
    /// The value octets.
    pub value: Vec<u8>,
}

impl Ie {
    /// An IE with spare bits 0.
    pub fn new(ie_type: u8, instance: u8, value: Vec<u8>) -> Self {
        Self {
            ie_type,
            instance,
            cr: 0,
            value,
        }
    }

    /// The generic form of a typed value.
    pub fn from_typed<V: IeValue>(ie_type: u8, instance: u8, v: &V) -> Self {
        let mut value = Vec::new();
        v.encode_value(&mut value);
        Self::new(ie_type, instance, value)
    }

    /// Decodes the value as `V`.
    pub fn typed<V: IeValue>(&self) -> Result<V, DecodeError> {
        V::decode_value(&mut Reader::new(PROTO, &self.value))
    }

    /// Reads one IE.
    pub fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let raw = RawIe::read(r)?;
        Ok(raw.to_ie())
    }

    /// Appends the IE. Values longer than 65535 octets (more than the length
    /// field can say) are cut there.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        put_ie(out, self.ie_type, self.instance, self.cr, |o| {
            o.extend_from_slice(&self.value)
        });
    }

    /// Name of the IE type.
    pub fn name(&self) -> &'static str {
        ie_name(self.ie_type)
    }
}

/// Splits `bytes` into IEs (the body of a message or of a grouped IE).
pub fn decode_ies(bytes: &[u8]) -> Result<Vec<Ie>, DecodeError> {
    let mut r = Reader::new(PROTO, bytes);
    let mut out = Vec::new();
    while !r.is_empty() {
        out.push(Ie::decode(&mut r)?);
    }
    Ok(out)
}

/// One IE as found in a buffer: header fields, its exact bytes and a reader
/// over its value (absolute offsets).
#[derive(Debug, Clone)]
pub(crate) struct RawIe<'a> {
    pub(crate) ie_type: u8,
    pub(crate) instance: u8,
    pub(crate) cr: u8,
    /// Offset of the IE's first octet.
    pub(crate) start: usize,
    /// The whole IE: header and value.
    pub(crate) raw: &'a [u8],
    /// Reader over the value only.
    pub(crate) value: Reader<'a>,
}

impl<'a> RawIe<'a> {
    pub(crate) fn read(r: &mut Reader<'a>) -> Result<Self, DecodeError> {
        let start = r.offset();
        let all = r.clone().rest();
        let ie_type = r.u8()?;
        let len = usize::from(r.u16()?);
        let b = r.u8()?;
        let value = r.sub(len).map_err(|_| {
            r.error(format!(
                "{} IE says {len} octets, only {} left",
                ie_name(ie_type),
                r.remaining()
            ))
        })?;
        let raw = all
            .get(..4 + len)
            .ok_or_else(|| DecodeError::new(PROTO, start, "IE overruns its buffer"))?;
        Ok(Self {
            ie_type,
            instance: b & 0x0f,
            cr: b >> 4,
            start,
            raw,
            value,
        })
    }

    pub(crate) fn value_bytes(&self) -> &'a [u8] {
        self.value.clone().rest()
    }

    pub(crate) fn to_ie(&self) -> Ie {
        Ie {
            ie_type: self.ie_type,
            instance: self.instance,
            cr: self.cr,
            value: self.value_bytes().to_vec(),
        }
    }
}

/// Writes an IE header, lets `value` append the value, then fills in the
/// length (cutting the value at 65535 octets).
pub(crate) fn put_ie(
    out: &mut Vec<u8>,
    ie_type: u8,
    instance: u8,
    cr: u8,
    value: impl FnOnce(&mut Vec<u8>),
) {
    let start = out.len();
    out.extend_from_slice(&[ie_type, 0, 0, ((cr & 0x0f) << 4) | (instance & 0x0f)]);
    value(out);
    let max = start + 4 + usize::from(u16::MAX);
    out.truncate(max);
    let len = u16::try_from(out.len() - start - 4).unwrap_or(u16::MAX);
    out[start + 1..start + 3].copy_from_slice(&len.to_be_bytes());
}

/// The value part of an IE, typed.
pub trait IeValue: Sized {
    /// Decodes from a reader spanning exactly the IE's value.
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
    /// Appends the value octets.
    fn encode_value(&self, out: &mut Vec<u8>);
}

// ---------------------------------------------------------------------------
// TBCD digit strings (IMSI, MSISDN, MEI)

/// TBCD (TS 29.002): two digits an octet, first digit in the low nibble, an
/// odd count padded with 0xF in the last high nibble. Digits 0-9, `*`, `#`,
/// `a`, `b`, `c`.
fn tbcd_decode(r: &mut Reader<'_>) -> Result<String, DecodeError> {
    const DIGITS: &[u8; 15] = b"0123456789*#abc";
    let start = r.offset();
    let bytes = r.rest();
    let mut s = String::with_capacity(bytes.len() * 2);
    for (i, b) in bytes.iter().enumerate() {
        for (k, nib) in [b & 0x0f, b >> 4].into_iter().enumerate() {
            match DIGITS.get(usize::from(nib)) {
                Some(&c) => s.push(char::from(c)),
                // Filler only in the very last nibble.
                None if k == 1 && i + 1 == bytes.len() => {}
                None => {
                    return Err(DecodeError::new(
                        PROTO,
                        start + i,
                        "filler 0xF inside a TBCD digit string",
                    ));
                }
            }
        }
    }
    Ok(s)
}

fn tbcd_encode(digits: &str, out: &mut Vec<u8>) {
    let nibbles: Vec<u8> = digits
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c as u8 - b'0'),
            '*' => Some(0xa),
            '#' => Some(0xb),
            'a' => Some(0xc),
            'b' => Some(0xd),
            'c' => Some(0xe),
            _ => None,
        })
        .collect();
    for pair in nibbles.chunks(2) {
        let lo = pair[0];
        let hi = pair.get(1).copied().unwrap_or(0x0f);
        out.push((hi << 4) | lo);
    }
}

macro_rules! tbcd_ie {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        ///
        /// Digits as text; characters outside the TBCD alphabet (0-9 `*` `#`
        /// `a` `b` `c`) are skipped when encoding.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps a digit string.
            pub fn new(digits: impl Into<String>) -> Self {
                Self(digits.into())
            }

            /// The digits.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl IeValue for $name {
            fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                tbcd_decode(r).map(Self)
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                tbcd_encode(&self.0, out)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

tbcd_ie!(
    /// IMSI (TS 29.274 8.3), TBCD-coded.
    Imsi
);
tbcd_ie!(
    /// MSISDN (TS 29.274 8.11): the digits only, without the nature of
    /// address octet of TS 29.002.
    Msisdn
);
tbcd_ie!(
    /// Mobile Equipment Identity (TS 29.274 8.10): IMEI or IMEISV digits.
    Mei
);

// ---------------------------------------------------------------------------
// Small fixed-size values

macro_rules! int_ie {
    ($(#[$m:meta])* $name:ident($int:ty), $read:ident, $mask:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
        pub struct $name(pub $int);

        impl IeValue for $name {
            fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Ok(Self(r.$read()? & $mask))
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&(self.0 & $mask).to_be_bytes());
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

int_ie!(
    /// EPS Bearer ID (TS 29.274 8.8): 4 bits, 5..=15 in use.
    Ebi(u8), u8, 0x0f
);
int_ie!(
    /// Recovery (TS 29.274 8.5): the sender's restart counter.
    Recovery(u8), u8, 0xff
);
int_ie!(
    /// APN Restriction (TS 29.274 8.57): the most restrictive APN type of the
    /// UE's PDN connections (0 = no existing contexts or restriction).
    ApnRestriction(u8), u8, 0xff
);
int_ie!(
    /// Charging Characteristics (TS 29.274 8.30, TS 32.251 A.4): 16 bits.
    ChargingCharacteristics(u16), u16, 0xffff
);
int_ie!(
    /// Charging ID (TS 29.274 8.29).
    ChargingId(u32), u32, 0xffff_ffff
);

/// RAT Type (TS 29.274 8.17).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RatType(pub u8);

impl RatType {
    /// UTRAN.
    pub const UTRAN: Self = Self(1);
    /// GERAN.
    pub const GERAN: Self = Self(2);
    /// WLAN.
    pub const WLAN: Self = Self(3);
    /// E-UTRAN.
    pub const EUTRAN: Self = Self(6);
    /// E-UTRAN NB-IoT.
    pub const EUTRAN_NB_IOT: Self = Self(8);
    /// LTE-M.
    pub const LTE_M: Self = Self(9);
    /// NR.
    pub const NR: Self = Self(10);

    /// The RAT's name.
    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "UTRAN",
            2 => "GERAN",
            3 => "WLAN",
            4 => "GAN",
            5 => "HSPA Evolution",
            6 => "EUTRAN",
            7 => "Virtual",
            8 => "EUTRAN-NB-IoT",
            9 => "LTE-M",
            10 => "NR",
            _ => "unknown",
        }
    }
}

impl IeValue for RatType {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.u8()?))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.0);
    }
}

impl fmt::Display for RatType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// Selection Mode (TS 29.274 8.58): how the APN was chosen (2 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SelectionMode(pub u8);

impl SelectionMode {
    /// MS or network provided APN, subscription verified.
    pub const VERIFIED: Self = Self(0);
    /// MS provided APN, subscription not verified.
    pub const MS_PROVIDED: Self = Self(1);
    /// Network provided APN, subscription not verified.
    pub const NETWORK_PROVIDED: Self = Self(2);

    /// Meaning of the value.
    pub fn name(self) -> &'static str {
        match self.0 {
            0 => "MS or network provided APN, subscription verified",
            1 => "MS provided APN, subscription not verified",
            2 => "Network provided APN, subscription not verified",
            _ => "for future use",
        }
    }
}

impl IeValue for SelectionMode {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.u8()? & 0x03))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.0 & 0x03);
    }
}

impl fmt::Display for SelectionMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// PDN Type (TS 29.274 8.34), also the first octet of the PAA (3 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PdnType(pub u8);

impl PdnType {
    /// IPv4.
    pub const IPV4: Self = Self(1);
    /// IPv6.
    pub const IPV6: Self = Self(2);
    /// IPv4v6.
    pub const IPV4V6: Self = Self(3);
    /// Non-IP.
    pub const NON_IP: Self = Self(4);
    /// Ethernet.
    pub const ETHERNET: Self = Self(5);

    /// The type's name.
    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "IPv4",
            2 => "IPv6",
            3 => "IPv4v6",
            4 => "Non-IP",
            5 => "Ethernet",
            _ => "reserved",
        }
    }
}

impl IeValue for PdnType {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.u8()? & 0x07))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.0 & 0x07);
    }
}

impl fmt::Display for PdnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// Aggregate Maximum Bit Rate (TS 29.274 8.7), in kbit/s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Ambr {
    /// Uplink, kbit/s.
    pub uplink: u32,
    /// Downlink, kbit/s.
    pub downlink: u32,
}

impl IeValue for Ambr {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            uplink: r.u32()?,
            downlink: r.u32()?,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.uplink.to_be_bytes());
        out.extend_from_slice(&self.downlink.to_be_bytes());
    }
}

impl fmt::Display for Ambr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UL {} kbit/s, DL {} kbit/s", self.uplink, self.downlink)
    }
}

// ---------------------------------------------------------------------------
// APN

/// Access Point Name (TS 29.274 8.6, TS 23.003 9.1): label-length encoded on
/// the wire, dotted text here ("ims", "internet.mnc001.mcc001.gprs").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Apn(pub String);

impl Apn {
    /// Wraps dotted text.
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    /// The dotted text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl IeValue for Apn {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let mut s = String::new();
        let mut first = true;
        while !r.is_empty() {
            let n = usize::from(r.u8()?);
            let at = r.offset();
            let label = r.take(n)?;
            let label = std::str::from_utf8(label)
                .map_err(|_| DecodeError::new(PROTO, at, "APN label is not text"))?;
            if !first {
                s.push('.');
            }
            s.push_str(label);
            first = false;
        }
        Ok(Self(s))
    }

    /// Labels longer than 255 octets are cut there.
    fn encode_value(&self, out: &mut Vec<u8>) {
        if self.0.is_empty() {
            return;
        }
        for label in self.0.split('.') {
            let b = label.as_bytes();
            let b = &b[..b.len().min(255)];
            out.push(b.len() as u8);
            out.extend_from_slice(b);
        }
    }
}

impl fmt::Display for Apn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------------------
// PLMN, Serving Network, ULI

/// PLMN identity, coded in 3 octets as TS 24.008 10.5.1.3 (used by Serving
/// Network 8.18 and inside ULI 8.21): the one type every codec shares. Any
/// digits decode and re-encode as received.
pub use crate::codec::plmn::Plmn;

impl IeValue for Plmn {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self::from_bytes(r.array()?))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bytes());
    }
}

/// GTPv2-C's rendering of a PLMN: `MCC 001 MNC 01`.
pub(crate) fn plmn_text(p: &Plmn) -> String {
    format!("MCC {} MNC {}", p.mcc(), p.mnc())
}

/// Tracking Area Identity (TS 29.274 8.21.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tai {
    /// PLMN.
    pub plmn: Plmn,
    /// Tracking Area Code.
    pub tac: u16,
}

/// E-UTRAN Cell Global Identifier (TS 29.274 8.21.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ecgi {
    /// PLMN.
    pub plmn: Plmn,
    /// E-UTRAN Cell Identifier, 28 bits (eNB ID in the top 20, cell in the low 8).
    pub eci: u32,
}

/// User Location Information (TS 29.274 8.21). TAI and ECGI are typed; the
/// other location kinds are kept as their raw octets. The flags octet follows
/// from which parts are present.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Uli {
    /// CGI (PLMN, LAC, CI), raw 7 octets.
    pub cgi: Option<[u8; 7]>,
    /// SAI (PLMN, LAC, SAC), raw 7 octets.
    pub sai: Option<[u8; 7]>,
    /// RAI (PLMN, LAC, RAC), raw 7 octets.
    pub rai: Option<[u8; 7]>,
    /// TAI.
    pub tai: Option<Tai>,
    /// ECGI.
    pub ecgi: Option<Ecgi>,
    /// LAI (PLMN, LAC), raw 5 octets.
    pub lai: Option<[u8; 5]>,
    /// Macro eNodeB ID (PLMN, 20-bit id), raw 6 octets.
    pub macro_enb: Option<[u8; 6]>,
    /// Extended Macro eNodeB ID, raw 6 octets.
    pub ext_macro_enb: Option<[u8; 6]>,
}

impl Uli {
    /// ULI with TAI and ECGI, as an MME sends for E-UTRAN.
    pub fn tai_ecgi(tai: Tai, ecgi: Ecgi) -> Self {
        Self {
            tai: Some(tai),
            ecgi: Some(ecgi),
            ..Self::default()
        }
    }

    /// The flags octet (bit 1 CGI ... bit 8 Extended Macro eNodeB ID).
    pub fn flags(&self) -> u8 {
        u8::from(self.cgi.is_some())
            | u8::from(self.sai.is_some()) << 1
            | u8::from(self.rai.is_some()) << 2
            | u8::from(self.tai.is_some()) << 3
            | u8::from(self.ecgi.is_some()) << 4
            | u8::from(self.lai.is_some()) << 5
            | u8::from(self.macro_enb.is_some()) << 6
            | u8::from(self.ext_macro_enb.is_some()) << 7
    }
}

impl IeValue for Uli {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let flags = r.u8()?;
        let has = |bit: u8| flags & (1 << bit) != 0;
        let mut u = Self::default();
        if has(0) {
            u.cgi = Some(r.array()?);
        }
        if has(1) {
            u.sai = Some(r.array()?);
        }
        if has(2) {
            u.rai = Some(r.array()?);
        }
        if has(3) {
            u.tai = Some(Tai {
                plmn: Plmn::from_bytes(r.array()?),
                tac: r.u16()?,
            });
        }
        if has(4) {
            u.ecgi = Some(Ecgi {
                plmn: Plmn::from_bytes(r.array()?),
                eci: r.u32()? & 0x0fff_ffff,
            });
        }
        if has(5) {
            u.lai = Some(r.array()?);
        }
        if has(6) {
            u.macro_enb = Some(r.array()?);
        }
        if has(7) {
            u.ext_macro_enb = Some(r.array()?);
        }
        Ok(u)
    }

    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.flags());
        for part in [self.cgi, self.sai, self.rai].iter().flatten() {
            out.extend_from_slice(part);
        }
        if let Some(t) = &self.tai {
            out.extend_from_slice(&t.plmn.to_bytes());
            out.extend_from_slice(&t.tac.to_be_bytes());
        }
        if let Some(e) = &self.ecgi {
            out.extend_from_slice(&e.plmn.to_bytes());
            out.extend_from_slice(&(e.eci & 0x0fff_ffff).to_be_bytes());
        }
        if let Some(l) = &self.lai {
            out.extend_from_slice(l);
        }
        for part in [self.macro_enb, self.ext_macro_enb].iter().flatten() {
            out.extend_from_slice(part);
        }
    }
}

impl fmt::Display for Uli {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(t) = &self.tai {
            parts.push(format!(
                "TAI {}/{} TAC {}",
                t.plmn.mcc(),
                t.plmn.mnc(),
                t.tac
            ));
        }
        if let Some(e) = &self.ecgi {
            parts.push(format!(
                "ECGI {}/{} ECI 0x{:07x}",
                e.plmn.mcc(),
                e.plmn.mnc(),
                e.eci
            ));
        }
        for (name, present) in [
            ("CGI", self.cgi.is_some()),
            ("SAI", self.sai.is_some()),
            ("RAI", self.rai.is_some()),
            ("LAI", self.lai.is_some()),
            ("Macro eNB ID", self.macro_enb.is_some()),
            ("Ext Macro eNB ID", self.ext_macro_enb.is_some()),
        ] {
            if present {
                parts.push(name.to_string());
            }
        }
        f.write_str(&parts.join(", "))
    }
}

// ---------------------------------------------------------------------------
// F-TEID

/// F-TEID interface type (TS 29.274 8.22), 6 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct InterfaceType(pub u8);

impl InterfaceType {
    /// S1-U eNodeB GTP-U.
    pub const S1U_ENB: Self = Self(0);
    /// S1-U SGW GTP-U.
    pub const S1U_SGW: Self = Self(1);
    /// S12 RNC GTP-U.
    pub const S12_RNC: Self = Self(2);
    /// S12 SGW GTP-U.
    pub const S12_SGW: Self = Self(3);
    /// S5/S8 SGW GTP-U.
    pub const S5S8_SGW_GTPU: Self = Self(4);
    /// S5/S8 PGW GTP-U.
    pub const S5S8_PGW_GTPU: Self = Self(5);
    /// S5/S8 SGW GTP-C.
    pub const S5S8_SGW_GTPC: Self = Self(6);
    /// S5/S8 PGW GTP-C.
    pub const S5S8_PGW_GTPC: Self = Self(7);
    /// S5/S8 SGW PMIPv6.
    pub const S5S8_SGW_PMIP: Self = Self(8);
    /// S5/S8 PGW PMIPv6.
    pub const S5S8_PGW_PMIP: Self = Self(9);
    /// S11 MME GTP-C.
    pub const S11_MME: Self = Self(10);
    /// S11/S4 SGW GTP-C.
    pub const S11_SGW: Self = Self(11);
    /// S11-U MME GTP-U.
    pub const S11U_MME: Self = Self(38);
    /// S11-U SGW GTP-U.
    pub const S11U_SGW: Self = Self(39);

    /// The interface's name.
    pub fn name(self) -> &'static str {
        match self.0 {
            0 => "S1-U eNodeB GTP-U",
            1 => "S1-U SGW GTP-U",
            2 => "S12 RNC GTP-U",
            3 => "S12 SGW GTP-U",
            4 => "S5/S8 SGW GTP-U",
            5 => "S5/S8 PGW GTP-U",
            6 => "S5/S8 SGW GTP-C",
            7 => "S5/S8 PGW GTP-C",
            8 => "S5/S8 SGW PMIPv6",
            9 => "S5/S8 PGW PMIPv6",
            10 => "S11 MME GTP-C",
            11 => "S11/S4 SGW GTP-C",
            12 => "S10 MME GTP-C",
            13 => "S3 MME GTP-C",
            14 => "S3 SGSN GTP-C",
            15 => "S4 SGSN GTP-U",
            16 => "S4 SGW GTP-U",
            17 => "S4 SGSN GTP-C",
            38 => "S11 MME GTP-U",
            39 => "S11 SGW GTP-U",
            _ => "other",
        }
    }
}

impl fmt::Display for InterfaceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// Fully Qualified TEID (TS 29.274 8.22): interface type, TEID or GRE key,
/// and an IPv4 and/or IPv6 address (the V4/V6 flags follow from presence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Fteid {
    /// Interface type (6 bits).
    pub interface: InterfaceType,
    /// TEID or GRE key.
    pub teid: u32,
    /// IPv4 address, when V4 is set.
    pub ipv4: Option<Ipv4Addr>,
    /// IPv6 address, when V6 is set.
    pub ipv6: Option<Ipv6Addr>,
}

impl Fteid {
    /// An IPv4 F-TEID.
    pub fn v4(interface: InterfaceType, teid: u32, ipv4: Ipv4Addr) -> Self {
        Self {
            interface,
            teid,
            ipv4: Some(ipv4),
            ipv6: None,
        }
    }
}

impl IeValue for Fteid {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        let teid = r.u32()?;
        let ipv4 = if b & 0x80 != 0 {
            Some(Ipv4Addr::from(r.array::<4>()?))
        } else {
            None
        };
        let ipv6 = if b & 0x40 != 0 {
            Some(Ipv6Addr::from(r.array::<16>()?))
        } else {
            None
        };
        Ok(Self {
            interface: InterfaceType(b & 0x3f),
            teid,
            ipv4,
            ipv6,
        })
    }

    fn encode_value(&self, out: &mut Vec<u8>) {
        let flags = u8::from(self.ipv4.is_some()) << 7 | u8::from(self.ipv6.is_some()) << 6;
        out.push(flags | (self.interface.0 & 0x3f));
        out.extend_from_slice(&self.teid.to_be_bytes());
        if let Some(a) = self.ipv4 {
            out.extend_from_slice(&a.octets());
        }
        if let Some(a) = self.ipv6 {
            out.extend_from_slice(&a.octets());
        }
    }
}

impl fmt::Display for Fteid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, TEID 0x{:08x}", self.interface, self.teid)?;
        if let Some(a) = self.ipv4 {
            write!(f, ", {a}")?;
        }
        if let Some(a) = self.ipv6 {
            write!(f, ", {a}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// PAA

/// PDN Address Allocation (TS 29.274 8.14). The IPv6 address is the prefix
/// plus interface identifier, with its prefix length.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Paa {
    /// PDN type IPv4.
    Ipv4(Ipv4Addr),
    /// PDN type IPv6.
    Ipv6 {
        /// Prefix length (normally 64).
        prefix_len: u8,
        /// Prefix and interface identifier.
        addr: Ipv6Addr,
    },
    /// PDN type IPv4v6: the IPv6 part comes first on the wire.
    Ipv4v6 {
        /// Prefix length (normally 64).
        prefix_len: u8,
        /// Prefix and interface identifier.
        ipv6: Ipv6Addr,
        /// IPv4 address.
        ipv4: Ipv4Addr,
    },
    /// PDN type Non-IP: no address field.
    NonIp,
    /// Any other PDN type, with the octets after the type octet.
    Other {
        /// PDN type (3 bits).
        pdn_type: u8,
        /// Address octets, raw.
        value: Vec<u8>,
    },
}

impl Paa {
    /// The PDN type.
    pub fn pdn_type(&self) -> PdnType {
        PdnType(match self {
            Self::Ipv4(_) => 1,
            Self::Ipv6 { .. } => 2,
            Self::Ipv4v6 { .. } => 3,
            Self::NonIp => 4,
            Self::Other { pdn_type, .. } => *pdn_type & 0x07,
        })
    }

    /// The IPv4 address, if any.
    pub fn ipv4(&self) -> Option<Ipv4Addr> {
        match self {
            Self::Ipv4(a) | Self::Ipv4v6 { ipv4: a, .. } => Some(*a),
            _ => None,
        }
    }

    /// The IPv6 address (prefix + interface identifier) and prefix length, if any.
    pub fn ipv6(&self) -> Option<(Ipv6Addr, u8)> {
        match self {
            Self::Ipv6 { prefix_len, addr } => Some((*addr, *prefix_len)),
            Self::Ipv4v6 {
                prefix_len, ipv6, ..
            } => Some((*ipv6, *prefix_len)),
            _ => None,
        }
    }

    /// The low 64 bits of the IPv6 address: the interface identifier the UE
    /// uses to build its link-local address (TS 23.401 5.3.1.2.2).
    pub fn ipv6_interface_id(&self) -> Option<u64> {
        self.ipv6()
            .map(|(a, _)| (u128::from(a) & u128::from(u64::MAX)) as u64)
    }
}

impl IeValue for Paa {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let t = r.u8()? & 0x07;
        Ok(match t {
            1 => Self::Ipv4(Ipv4Addr::from(r.array::<4>()?)),
            2 => Self::Ipv6 {
                prefix_len: r.u8()?,
                addr: Ipv6Addr::from(r.array::<16>()?),
            },
            3 => Self::Ipv4v6 {
                prefix_len: r.u8()?,
                ipv6: Ipv6Addr::from(r.array::<16>()?),
                ipv4: Ipv4Addr::from(r.array::<4>()?),
            },
            4 => Self::NonIp,
            _ => Self::Other {
                pdn_type: t,
                value: r.rest().to_vec(),
            },
        })
    }

    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.pdn_type().0);
        match self {
            Self::Ipv4(a) => out.extend_from_slice(&a.octets()),
            Self::Ipv6 { prefix_len, addr } => {
                out.push(*prefix_len);
                out.extend_from_slice(&addr.octets());
            }
            Self::Ipv4v6 {
                prefix_len,
                ipv6,
                ipv4,
            } => {
                out.push(*prefix_len);
                out.extend_from_slice(&ipv6.octets());
                out.extend_from_slice(&ipv4.octets());
            }
            Self::NonIp => {}
            Self::Other { value, .. } => out.extend_from_slice(value),
        }
    }
}

impl fmt::Display for Paa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ipv4(a) => write!(f, "IPv4 {a}"),
            Self::Ipv6 { prefix_len, addr } => write!(f, "IPv6 {addr}/{prefix_len}"),
            Self::Ipv4v6 {
                prefix_len,
                ipv6,
                ipv4,
            } => write!(f, "IPv4v6 {ipv4}, {ipv6}/{prefix_len}"),
            Self::NonIp => f.write_str("Non-IP"),
            Self::Other { pdn_type, value } => {
                write!(f, "PDN type {pdn_type}, {}", crate::codec::hex(value))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Bearer QoS

/// Largest value a 5-octet bit rate field holds.
pub const MAX_BIT_RATE: u64 = 0xff_ffff_ffff;

/// Bearer Level Quality of Service (TS 29.274 8.15): ARP (PCI, PL, PVI), QCI
/// and the MBR/GBR in kbit/s as 5-octet values (larger values are clamped to
/// [`MAX_BIT_RATE`] on encoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BearerQos {
    /// Pre-emption Capability bit (1 = this bearer may not pre-empt others).
    pub pci: bool,
    /// Priority Level, 1..=15 (4 bits).
    pub pl: u8,
    /// Pre-emption Vulnerability bit (1 = this bearer cannot be pre-empted).
    pub pvi: bool,
    /// QoS Class Identifier.
    pub qci: u8,
    /// Maximum bit rate uplink, kbit/s.
    pub mbr_ul: u64,
    /// Maximum bit rate downlink, kbit/s.
    pub mbr_dl: u64,
    /// Guaranteed bit rate uplink, kbit/s.
    pub gbr_ul: u64,
    /// Guaranteed bit rate downlink, kbit/s.
    pub gbr_dl: u64,
}

fn read_u40(r: &mut Reader<'_>) -> Result<u64, DecodeError> {
    let b = r.array::<5>()?;
    Ok(u64::from_be_bytes([0, 0, 0, b[0], b[1], b[2], b[3], b[4]]))
}

fn put_u40(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.min(MAX_BIT_RATE).to_be_bytes()[3..]);
}

impl IeValue for BearerQos {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let arp = r.u8()?;
        Ok(Self {
            pci: arp & 0x40 != 0,
            pl: (arp >> 2) & 0x0f,
            pvi: arp & 0x01 != 0,
            qci: r.u8()?,
            mbr_ul: read_u40(r)?,
            mbr_dl: read_u40(r)?,
            gbr_ul: read_u40(r)?,
            gbr_dl: read_u40(r)?,
        })
    }

    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.pci) << 6 | (self.pl & 0x0f) << 2 | u8::from(self.pvi));
        out.push(self.qci);
        for v in [self.mbr_ul, self.mbr_dl, self.gbr_ul, self.gbr_dl] {
            put_u40(out, v);
        }
    }
}

impl fmt::Display for BearerQos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "QCI {}, ARP PL {} PCI {} PVI {}, MBR {}/{} GBR {}/{} kbit/s",
            self.qci,
            self.pl,
            u8::from(self.pci),
            u8::from(self.pvi),
            self.mbr_ul,
            self.mbr_dl,
            self.gbr_ul,
            self.gbr_dl
        )
    }
}

// ---------------------------------------------------------------------------
// Cause

/// The IE a Cause blames (TS 29.274 8.4, octets 7-10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OffendingIe {
    /// Type of the offending IE.
    pub ie_type: u8,
    /// Its instance.
    pub instance: u8,
}

/// Cause (TS 29.274 8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cause {
    /// Cause value (Table 8.4-1).
    pub value: u8,
    /// PDN Connection IE Error.
    pub pce: bool,
    /// Bearer Context IE Error.
    pub bce: bool,
    /// Cause Source: 1 = originated by the remote node.
    pub cs: bool,
    /// The IE that caused a rejection, if named.
    pub offending_ie: Option<OffendingIe>,
}

impl Cause {
    /// "Request accepted".
    pub const REQUEST_ACCEPTED: u8 = 16;
    /// "Request accepted partially".
    pub const REQUEST_ACCEPTED_PARTIALLY: u8 = 17;
    /// "Context Not Found".
    pub const CONTEXT_NOT_FOUND: u8 = 64;
    /// "Mandatory IE incorrect".
    pub const MANDATORY_IE_INCORRECT: u8 = 69;
    /// "Mandatory IE missing".
    pub const MANDATORY_IE_MISSING: u8 = 70;
    /// "System failure".
    pub const SYSTEM_FAILURE: u8 = 72;
    /// "No resources available".
    pub const NO_RESOURCES_AVAILABLE: u8 = 73;
    /// "Missing or unknown APN".
    pub const MISSING_OR_UNKNOWN_APN: u8 = 78;
    /// "Request rejected (reason not specified)".
    pub const REQUEST_REJECTED: u8 = 94;

    /// A plain cause value without flags.
    pub fn new(value: u8) -> Self {
        Self {
            value,
            ..Self::default()
        }
    }

    /// True for the acceptance values 16..=63 (Table 8.4-1).
    pub fn is_accepted(&self) -> bool {
        (16..=63).contains(&self.value)
    }

    /// Name of the cause value.
    pub fn name(&self) -> &'static str {
        cause_name(self.value)
    }
}

/// Name of cause value `v` (TS 29.274 Table 8.4-1).
pub fn cause_name(v: u8) -> &'static str {
    match v {
        2 => "Local Detach",
        3 => "Complete Detach",
        4 => "RAT changed from 3GPP to Non-3GPP",
        5 => "ISR deactivation",
        6 => "Error Indication received",
        7 => "IMSI Detach Only",
        8 => "Reactivation Requested",
        9 => "PDN reconnection to this APN disallowed",
        10 => "Access changed from Non-3GPP to 3GPP",
        11 => "PDN connection inactivity timer expires",
        16 => "Request accepted",
        17 => "Request accepted partially",
        18 => "New PDN type due to network preference",
        19 => "New PDN type due to single address bearer only",
        64 => "Context Not Found",
        65 => "Invalid Message Format",
        66 => "Version not supported by next peer",
        67 => "Invalid length",
        68 => "Service not supported",
        69 => "Mandatory IE incorrect",
        70 => "Mandatory IE missing",
        72 => "System failure",
        73 => "No resources available",
        74 => "Semantic error in the TFT operation",
        75 => "Syntactic error in the TFT operation",
        76 => "Semantic errors in packet filter(s)",
        77 => "Syntactic errors in packet filter(s)",
        78 => "Missing or unknown APN",
        80 => "GRE key not found",
        81 => "Relocation failure",
        82 => "Denied in RAT",
        83 => "Preferred PDN type not supported",
        84 => "All dynamic addresses are occupied",
        85 => "UE context without TFT already activated",
        86 => "Protocol type not supported",
        87 => "UE not responding",
        88 => "UE refuses",
        89 => "Service denied",
        90 => "Unable to page UE",
        91 => "No memory available",
        92 => "User authentication failed",
        93 => "APN access denied - no subscription",
        94 => "Request rejected (reason not specified)",
        100 => "Remote peer not responding",
        101 => "Collision with network initiated request",
        103 => "Conditional IE missing",
        110 => "Temporarily rejected due to handover/TAU/RAU procedure in progress",
        113 => "APN Congestion",
        _ => "unknown cause",
    }
}

impl IeValue for Cause {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let value = r.u8()?;
        let flags = r.u8()?;
        let offending_ie = if r.remaining() >= 4 {
            let ie_type = r.u8()?;
            let _len = r.u16()?;
            let instance = r.u8()? & 0x0f;
            Some(OffendingIe { ie_type, instance })
        } else {
            None
        };
        Ok(Self {
            value,
            pce: flags & 0x04 != 0,
            bce: flags & 0x02 != 0,
            cs: flags & 0x01 != 0,
            offending_ie,
        })
    }

    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.value);
        out.push(u8::from(self.pce) << 2 | u8::from(self.bce) << 1 | u8::from(self.cs));
        if let Some(o) = self.offending_ie {
            // Length 0 and the instance, as 8.4 asks.
            out.extend_from_slice(&[o.ie_type, 0, 0, o.instance & 0x0f]);
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.value)?;
        for (flag, name) in [(self.pce, "PCE"), (self.bce, "BCE"), (self.cs, "CS")] {
            if flag {
                write!(f, " {name}")?;
            }
        }
        if let Some(o) = self.offending_ie {
            write!(
                f,
                ", offending IE {} instance {}",
                ie_name(o.ie_type),
                o.instance
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Indication

/// One flag of the Indication IE: its octet (0 = octet 5) and bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndicationFlag {
    /// Octet index within the value (0 = octet 5 of the IE).
    pub octet: usize,
    /// Bit mask within that octet.
    pub mask: u8,
    /// Short name as in TS 29.274 8.12.
    pub name: &'static str,
}

macro_rules! flags {
    ($($c:ident = ($o:expr, $m:expr, $doc:expr);)*) => {
        impl Indication {
            $(
                #[doc = $doc]
                pub const $c: IndicationFlag = IndicationFlag { octet: $o, mask: $m, name: stringify!($c) };
            )*
            /// Every flag this codec names, octet by octet.
            pub const ALL: &'static [IndicationFlag] = &[$(Self::$c),*];
        }
    };
}

/// Indication flags (TS 29.274 8.12): a variable number of flag octets, kept
/// as received; query and set single flags with [`IndicationFlag`] constants.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Indication {
    /// The flag octets (octet 5 onwards).
    pub octets: Vec<u8>,
}

flags! {
    DAF = (0, 0x80, "Dual Address Bearer Flag.");
    DTF = (0, 0x40, "Direct Tunnel Flag.");
    HI = (0, 0x20, "Handover Indication.");
    DFI = (0, 0x10, "Direct Forwarding Indication.");
    OI = (0, 0x08, "Operation Indication.");
    ISRSI = (0, 0x04, "Idle mode Signalling Reduction Supported Indication.");
    ISRAI = (0, 0x02, "Idle mode Signalling Reduction Activation Indication.");
    SGWCI = (0, 0x01, "SGW Change Indication.");
    SQCI = (1, 0x80, "Subscribed QoS Change Indication.");
    UIMSI = (1, 0x40, "Unauthenticated IMSI.");
    CFSI = (1, 0x20, "Change F-TEID support Indication.");
    CRSI = (1, 0x10, "Change Reporting support Indication.");
    PS = (1, 0x08, "Piggybacking Supported.");
    PT = (1, 0x04, "S5/S8 Protocol Type (1 = PMIP).");
    SI = (1, 0x02, "Scope Indication.");
    MSV = (1, 0x01, "MS Validated.");
    RETLOC = (2, 0x80, "Retrieve Location Indication.");
    PBIC = (2, 0x40, "Propagate BBAI Information Change.");
    SRNI = (2, 0x20, "SGW Restoration Needed Indication.");
    S6AF = (2, 0x10, "Static IPv6 Address Flag.");
    S4AF = (2, 0x08, "Static IPv4 Address Flag.");
    MBMDT = (2, 0x04, "Management Based MDT allowed flag.");
    ISRAU = (2, 0x02, "ISR is activated for the UE.");
    CCRSI = (2, 0x01, "CSG Change Reporting Support Indication.");
}

impl Indication {
    /// True if `flag` is set.
    pub fn has(&self, flag: IndicationFlag) -> bool {
        self.octets
            .get(flag.octet)
            .is_some_and(|o| o & flag.mask != 0)
    }

    /// Sets `flag`, growing the octets as needed, to at least the two octets
    /// of the Rel-8 IE (receivers such as Wireshark flag a shorter one).
    pub fn set(&mut self, flag: IndicationFlag) {
        let need = (flag.octet + 1).max(2);
        if self.octets.len() < need {
            self.octets.resize(need, 0);
        }
        if let Some(o) = self.octets.get_mut(flag.octet) {
            *o |= flag.mask;
        }
    }

    /// Builder form of [`Indication::set`].
    pub fn with(mut self, flag: IndicationFlag) -> Self {
        self.set(flag);
        self
    }

    /// Names of the set flags this codec knows.
    pub fn set_flags(&self) -> Vec<&'static str> {
        Self::ALL
            .iter()
            .filter(|f| self.has(**f))
            .map(|f| f.name)
            .collect()
    }
}

impl IeValue for Indication {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            octets: r.rest().to_vec(),
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.octets);
    }
}

impl fmt::Display for Indication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.set_flags();
        if names.is_empty() {
            f.write_str("no flags")
        } else {
            f.write_str(&names.join(" "))
        }
    }
}

// ---------------------------------------------------------------------------
// PCO

/// Protocol Configuration Options (TS 29.274 8.13): the IE's value is the
/// TS 24.008 10.5.6.3 PCO value (configuration protocol octet, then
/// containers), so the IE carries the NAS codec's typed [`Pco`]. A value that
/// does not decode as a PCO (truncated container...) is kept as a raw IE in
/// the message's `other` list, so the received bytes still re-encode.
pub use crate::codec::nas::pco::Pco;

impl IeValue for Pco {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        <Self as crate::codec::nas::ie::IeValue>::decode_value(r)
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        self.encode_into(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    fn roundtrip<V: IeValue + PartialEq + fmt::Debug>(v: &V) -> Vec<u8> {
        let mut out = Vec::new();
        v.encode_value(&mut out);
        let back = V::decode_value(&mut Reader::new(PROTO, &out)).unwrap();
        assert_eq!(&back, v);
        out
    }

    #[test]
    fn imsi_encodes_tbcd_with_filler() {
        let b = roundtrip(&Imsi::new("001010000000001"));
        assert_eq!(b, parse_hex("00 01 01 00 00 00 00 f1").unwrap());
    }

    #[test]
    fn tbcd_rejects_filler_in_the_middle() {
        assert!(Imsi::decode_value(&mut Reader::new(PROTO, &[0xf1, 0x00])).is_err());
        assert!(Imsi::decode_value(&mut Reader::new(PROTO, &[0x1f])).is_err());
    }

    #[test]
    fn apn_encodes_labels() {
        let b = roundtrip(&Apn::new("ims.mnc001.mcc001.gprs"));
        assert_eq!(&b[..4], &[3, b'i', b'm', b's']);
        assert_eq!(b.len(), 23);
        assert!(roundtrip(&Apn::new("")).is_empty());
    }

    #[test]
    fn plmn_encodes_two_and_three_digit_mnc() {
        let p = Plmn::new("001", "01").unwrap();
        assert_eq!(p.to_bytes(), [0x00, 0xf1, 0x10]);
        let p3 = Plmn::new("310", "410").unwrap();
        assert_eq!(p3.to_bytes(), [0x13, 0x00, 0x14]);
        assert_eq!(Plmn::from_bytes(p3.to_bytes()), p3);
        assert_eq!(p3.mnc(), "410");
        assert!(Plmn::new("01", "01").is_err());
        assert!(!Plmn::from_bytes([0xaa, 0xf1, 0x10]).is_bcd());
    }

    #[test]
    fn fteid_sets_v4_v6_flags() {
        let f = Fteid {
            interface: InterfaceType::S1U_SGW,
            teid: 0x1002,
            ipv4: Some(Ipv4Addr::new(127, 0, 0, 3)),
            ipv6: Some("fd00::3".parse().unwrap()),
        };
        let b = roundtrip(&f);
        assert_eq!(b[0], 0xc1);
        assert_eq!(b.len(), 1 + 4 + 4 + 16);
    }

    #[test]
    fn paa_ipv4v6_puts_ipv6_first() {
        let p = Paa::Ipv4v6 {
            prefix_len: 64,
            ipv6: "::2".parse().unwrap(),
            ipv4: Ipv4Addr::new(10, 46, 0, 2),
        };
        let b = roundtrip(&p);
        assert_eq!(b[..2], [3, 64]);
        assert_eq!(b[18..], [10, 46, 0, 2]);
        assert_eq!(p.ipv6_interface_id(), Some(2));
    }

    #[test]
    fn bearer_qos_packs_arp_and_clamps_rates() {
        let q = BearerQos {
            pci: true,
            pl: 1,
            pvi: false,
            qci: 5,
            mbr_ul: 1,
            mbr_dl: MAX_BIT_RATE,
            ..BearerQos::default()
        };
        let b = roundtrip(&q);
        assert_eq!(b[..2], [0x44, 5]);
        assert_eq!(b.len(), 22);
        let mut out = Vec::new();
        BearerQos {
            gbr_ul: u64::MAX,
            ..q
        }
        .encode_value(&mut out);
        assert_eq!(out[12..17], [0xff; 5]);
    }

    #[test]
    fn cause_carries_offending_ie() {
        let c = Cause {
            value: Cause::MANDATORY_IE_MISSING,
            cs: true,
            offending_ie: Some(OffendingIe {
                ie_type: types::APN,
                instance: 0,
            }),
            ..Cause::default()
        };
        assert_eq!(roundtrip(&c), [70, 0x01, 71, 0, 0, 0]);
        assert_eq!(roundtrip(&Cause::new(16)), [16, 0]);
    }

    #[test]
    fn uli_flags_follow_present_parts() {
        let plmn = Plmn::new("001", "01").unwrap();
        let u = Uli::tai_ecgi(
            Tai { plmn, tac: 1 },
            Ecgi {
                plmn,
                eci: 0x0019b01,
            },
        );
        let b = roundtrip(&u);
        assert_eq!(b, parse_hex("18 00f110 0001 00f110 00019b01").unwrap());
    }

    #[test]
    fn indication_sets_and_reads_flags() {
        let i = Indication::default().with(Indication::PS);
        assert_eq!(i.octets, [0x00, 0x08]);
        assert!(i.has(Indication::PS));
        assert!(!i.has(Indication::OI));
        assert!(!i.has(Indication::CCRSI));
        assert_eq!(i.set_flags(), ["PS"]);
        let oi = Indication::default().with(Indication::OI);
        assert_eq!(oi.octets, [0x08, 0x00]);
        assert_eq!(
            Indication::default().with(Indication::CCRSI).octets,
            [0, 0, 1]
        );
    }

    #[test]
    fn pco_ie_value_is_the_nas_pco() {
        let b = roundtrip(&Pco::ims_request());
        assert_eq!(b, parse_hex("80000c00000100000d00000300000200").unwrap());
        let p = Pco::decode_value(&mut Reader::new(
            PROTO,
            &[0x80, 0x00, 0x0c, 0x04, 10, 46, 0, 1],
        ))
        .unwrap();
        assert_eq!(p.pcscf_ipv4(), [Ipv4Addr::new(10, 46, 0, 1)]);
        // Truncated container: an error here, so the message keeps the raw IE.
        assert!(Pco::decode_value(&mut Reader::new(PROTO, &[0x80, 0x00, 0x0c, 0x05, 1])).is_err());
        assert!(Pco::decode_value(&mut Reader::new(PROTO, &[])).is_err());
    }

    #[test]
    fn ie_header_cuts_oversized_values() {
        let ie = Ie::new(types::PCO, 0, vec![0; 70_000]);
        let mut out = Vec::new();
        ie.encode_into(&mut out);
        assert_eq!(out.len(), 4 + 65_535);
        assert_eq!(out[1..3], [0xff, 0xff]);
    }

    #[test]
    fn raw_ie_reports_overrun() {
        let mut r = Reader::new(PROTO, &[73, 0, 5, 0, 6]);
        let e = Ie::decode(&mut r).unwrap_err();
        assert!(e.what.contains("EBI"), "{e}");
    }
}
