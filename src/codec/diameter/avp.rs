//! AVPs (RFC 6733 4): header, padding, Grouped nesting and the basic data
//! formats.

use super::{PROTO, dict};
use crate::codec::{DecodeError, Reader};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Deepest nesting of Grouped AVPs the decoder accepts; deeper input is
/// refused rather than recursed into.
pub const MAX_DEPTH: usize = 16;

/// An AVP's data: raw bytes, or the AVPs of a Grouped AVP.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AvpValue {
    /// Any non-Grouped data, exactly as carried (without padding).
    Raw(Vec<u8>),
    /// The AVPs inside a Grouped AVP.
    Grouped(Vec<Avp>),
}

/// One AVP (RFC 6733 4.1). The decoder makes AVPs the dictionary calls
/// Grouped into [`AvpValue::Grouped`] and leaves all others raw, so that
/// encoding a decoded AVP gives back the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Avp {
    /// AVP code.
    pub code: u32,
    /// Vendor-ID; present exactly when the V bit is set.
    pub vendor: Option<u32>,
    /// The M and P bits and the five reserved bits. The V bit is not kept
    /// here: it is set on the wire exactly when `vendor` is `Some`.
    pub flags: u8,
    /// The data.
    pub value: AvpValue,
}

impl Avp {
    /// V bit: a Vendor-ID field follows the length.
    pub const VENDOR: u8 = 0x80;
    /// M bit: the receiver must understand the AVP.
    pub const MANDATORY: u8 = 0x40;
    /// P bit: reserved for end-to-end security (must be 0, RFC 6733 4.1).
    pub const PROTECTED: u8 = 0x20;

    /// A raw AVP.
    pub fn raw(code: u32, vendor: Option<u32>, flags: u8, data: Vec<u8>) -> Self {
        Self {
            code,
            vendor,
            flags: flags & !Self::VENDOR,
            value: AvpValue::Raw(data),
        }
    }

    /// A Grouped AVP.
    pub fn group(code: u32, vendor: Option<u32>, flags: u8, avps: Vec<Self>) -> Self {
        Self {
            code,
            vendor,
            flags: flags & !Self::VENDOR,
            value: AvpValue::Grouped(avps),
        }
    }

    /// True when the M bit is set.
    pub fn is_mandatory(&self) -> bool {
        self.flags & Self::MANDATORY != 0
    }

    /// The dictionary entry for this AVP, if any.
    pub fn def(&self) -> Option<&'static dict::AvpDef> {
        dict::lookup(self.code, self.vendor)
    }

    /// The dictionary name, or "AVP 1234" / "AVP 10415:1234" for AVPs it does not know.
    pub fn name(&self) -> String {
        dict::avp_name(self.code, self.vendor)
    }

    /// Length of the AVP header: 12 with a Vendor-ID, else 8.
    pub fn header_len(&self) -> usize {
        if self.vendor.is_some() { 12 } else { 8 }
    }

    /// Length of the data (for Grouped, of the encoded inner AVPs).
    pub fn data_len(&self) -> usize {
        match &self.value {
            AvpValue::Raw(d) => d.len(),
            AvpValue::Grouped(avps) => avps.iter().map(Self::encoded_len).sum(),
        }
    }

    /// Bytes the AVP takes on the wire, padding included.
    pub fn encoded_len(&self) -> usize {
        padded(self.header_len() + self.data_len())
    }

    /// Appends the AVP, padded to a multiple of four bytes. The AVP Length
    /// counts header and data but not the padding (RFC 6733 4.1); it is
    /// written once the data is in place. Lengths beyond 24 bits cannot be
    /// represented and are truncated.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&self.code.to_be_bytes());
        let v = if self.vendor.is_some() {
            Self::VENDOR
        } else {
            0
        };
        out.push((self.flags & !Self::VENDOR) | v);
        out.extend_from_slice(&[0, 0, 0]);
        if let Some(vendor) = self.vendor {
            out.extend_from_slice(&vendor.to_be_bytes());
        }
        match &self.value {
            AvpValue::Raw(d) => out.extend_from_slice(d),
            AvpValue::Grouped(avps) => {
                for a in avps {
                    a.encode_into(out);
                }
            }
        }
        let len = (out.len() - start) as u32;
        out[start + 5..start + 8].copy_from_slice(&len.to_be_bytes()[1..]);
        out.resize(start + padded(len as usize), 0);
    }

    /// The AVP's bytes, padding included.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode_into(&mut out);
        out
    }

    /// Decodes one AVP from `bytes` (which must hold exactly one padded AVP).
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut avps = decode_avps(&mut Reader::new(PROTO, bytes), 0)?;
        match (avps.pop(), avps.is_empty()) {
            (Some(a), true) => Ok(a),
            _ => Err(DecodeError::new(PROTO, 0, "expected exactly one AVP")),
        }
    }

    fn error(&self, what: impl fmt::Display) -> DecodeError {
        DecodeError::new(PROTO, 0, format!("{}: {what}", self.name()))
    }

    /// The raw data; an error for a Grouped AVP.
    pub fn octets(&self) -> Result<&[u8], DecodeError> {
        match &self.value {
            AvpValue::Raw(d) => Ok(d),
            AvpValue::Grouped(_) => Err(self.error("is Grouped, not raw data")),
        }
    }

    fn fixed<const N: usize>(&self) -> Result<[u8; N], DecodeError> {
        let d = self.octets()?;
        d.try_into()
            .map_err(|_| self.error(format!("expected {N} bytes of data, got {}", d.len())))
    }

    /// The data as Unsigned32 (also Enumerated values).
    pub fn u32(&self) -> Result<u32, DecodeError> {
        self.fixed().map(u32::from_be_bytes)
    }

    /// The data as Unsigned64.
    pub fn u64(&self) -> Result<u64, DecodeError> {
        self.fixed().map(u64::from_be_bytes)
    }

    /// The data as Integer32.
    pub fn i32(&self) -> Result<i32, DecodeError> {
        self.fixed().map(i32::from_be_bytes)
    }

    /// The data as Integer64.
    pub fn i64(&self) -> Result<i64, DecodeError> {
        self.fixed().map(i64::from_be_bytes)
    }

    /// The data as UTF8String, DiameterIdentity or DiameterURI.
    pub fn utf8(&self) -> Result<&str, DecodeError> {
        std::str::from_utf8(self.octets()?).map_err(|e| self.error(format!("not UTF-8 ({e})")))
    }

    /// The data as Address (RFC 6733 4.3.1).
    pub fn address(&self) -> Result<Address, DecodeError> {
        Address::from_bytes(self.octets()?).map_err(|what| self.error(what))
    }

    /// The data as Time: seconds since 1900-01-01 00:00 UTC, unwrapped past
    /// 2036 as RFC 6733 4.3.1 allows (via RFC 4330 3).
    pub fn time(&self) -> Result<u64, DecodeError> {
        self.u32().map(ntp_seconds)
    }

    /// The inner AVPs of a Grouped AVP.
    pub fn grouped(&self) -> Result<&[Self], DecodeError> {
        match &self.value {
            AvpValue::Grouped(avps) => Ok(avps),
            AvpValue::Raw(_) => Err(self.error("is not Grouped")),
        }
    }

    /// The first inner AVP with `code` and `vendor` (none for raw AVPs).
    pub fn avp(&self, code: u32, vendor: impl Into<Option<u32>>) -> Option<&Self> {
        find(self.grouped().unwrap_or(&[]), code, vendor.into())
    }

    /// Every inner AVP with `code` and `vendor`.
    pub fn avps(
        &self,
        code: u32,
        vendor: impl Into<Option<u32>>,
    ) -> impl Iterator<Item = &Self> + '_ {
        find_all(self.grouped().unwrap_or(&[]), code, vendor.into())
    }
}

/// Rounds `n` up to a multiple of four.
pub(crate) fn padded(n: usize) -> usize {
    n.div_ceil(4) * 4
}

/// The first AVP in `avps` with `code` and `vendor`.
pub(crate) fn find(avps: &[Avp], code: u32, vendor: Option<u32>) -> Option<&Avp> {
    avps.iter().find(|a| a.code == code && a.vendor == vendor)
}

/// Every AVP in `avps` with `code` and `vendor`.
pub(crate) fn find_all(
    avps: &[Avp],
    code: u32,
    vendor: Option<u32>,
) -> impl Iterator<Item = &Avp> + '_ {
    avps.iter()
        .filter(move |a| a.code == code && a.vendor == vendor)
}

/// Decodes AVPs until `r` is empty. `depth` counts the Grouped AVPs around
/// them; past [`MAX_DEPTH`] the input is refused.
pub(crate) fn decode_avps(r: &mut Reader<'_>, depth: usize) -> Result<Vec<Avp>, DecodeError> {
    let mut avps = Vec::new();
    while !r.is_empty() {
        avps.push(decode_one(r, depth)?);
    }
    Ok(avps)
}

fn decode_one(r: &mut Reader<'_>, depth: usize) -> Result<Avp, DecodeError> {
    let start = r.offset();
    let code = r.u32()?;
    let flags = r.u8()?;
    let length = r.u24()? as usize;
    let vendor = if flags & Avp::VENDOR != 0 {
        Some(r.u32()?)
    } else {
        None
    };
    let header = if vendor.is_some() { 12 } else { 8 };
    let Some(data_len) = length.checked_sub(header) else {
        return Err(DecodeError::new(
            PROTO,
            start,
            format!("AVP {code}: length {length} is shorter than its {header}-byte header"),
        ));
    };
    let mut data = r.sub(data_len).map_err(|e| {
        DecodeError::new(
            PROTO,
            start,
            format!("AVP {code}: length {length} runs past the end ({})", e.what),
        )
    })?;
    // Padding is required even after the last AVP (RFC 6733 4.1: the
    // enclosing lengths are multiples of four); its value is not checked.
    let pad = padded(length) - length;
    if r.remaining() < pad {
        return Err(DecodeError::new(
            PROTO,
            r.offset(),
            format!("AVP {code}: {pad} padding bytes missing"),
        ));
    }
    r.take(pad)?;
    let grouped = dict::lookup(code, vendor).is_some_and(|d| d.ty == dict::AvpType::Grouped);
    let value = if grouped {
        if depth >= MAX_DEPTH {
            return Err(DecodeError::new(
                PROTO,
                start,
                format!("Grouped AVPs nested deeper than {MAX_DEPTH}"),
            ));
        }
        AvpValue::Grouped(decode_avps(&mut data, depth + 1)?)
    } else {
        AvpValue::Raw(data.rest().to_vec())
    };
    Ok(Avp {
        code,
        vendor,
        flags: flags & !Avp::VENDOR,
        value,
    })
}

/// Unwraps an NTP seconds field: values with the top bit clear are taken to
/// be after 2036-02-07 06:28:16 UTC (RFC 4330 3).
fn ntp_seconds(v: u32) -> u64 {
    if v & 0x8000_0000 != 0 {
        u64::from(v)
    } else {
        u64::from(v) + (1 << 32)
    }
}

/// Seconds between 1900-01-01 and 1970-01-01.
pub(crate) const NTP_UNIX_OFFSET: u64 = 2_208_988_800;

/// An Address value (RFC 6733 4.3.1): an IANA address family and the address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Address {
    /// Family 1.
    V4(Ipv4Addr),
    /// Family 2.
    V6(Ipv6Addr),
    /// Any other family (e.g. 8, E.164), bytes as carried.
    Other {
        /// IANA address family number (never 1 or 2).
        family: u16,
        /// The address bytes.
        bytes: Vec<u8>,
    },
}

impl Default for Address {
    fn default() -> Self {
        Self::V4(Ipv4Addr::UNSPECIFIED)
    }
}

impl From<std::net::IpAddr> for Address {
    fn from(ip: std::net::IpAddr) -> Self {
        match ip {
            std::net::IpAddr::V4(a) => Self::V4(a),
            std::net::IpAddr::V6(a) => Self::V6(a),
        }
    }
}

impl Address {
    /// The value bytes: family then address.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (family, addr): (u16, &[u8]) = match self {
            Self::V4(a) => (1, &a.octets()),
            Self::V6(a) => (2, &a.octets()),
            Self::Other { family, bytes } => (*family, bytes),
        };
        let mut out = family.to_be_bytes().to_vec();
        out.extend_from_slice(addr);
        out
    }

    /// Parses value bytes; IPv4 and IPv6 must have their exact lengths.
    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        let [f0, f1, addr @ ..] = b else {
            return Err(format!("Address needs 2 bytes of family, got {}", b.len()));
        };
        match u16::from_be_bytes([*f0, *f1]) {
            1 => <[u8; 4]>::try_from(addr)
                .map(|a| Self::V4(a.into()))
                .map_err(|_| format!("IPv4 address of {} bytes", addr.len())),
            2 => <[u8; 16]>::try_from(addr)
                .map(|a| Self::V6(a.into()))
                .map_err(|_| format!("IPv6 address of {} bytes", addr.len())),
            family => Ok(Self::Other {
                family,
                bytes: addr.to_vec(),
            }),
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::V4(a) => a.fmt(f),
            Self::V6(a) => a.fmt(f),
            Self::Other { family, bytes } => {
                write!(f, "family {family}: {}", crate::codec::hex(bytes))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{hex, parse_hex};

    #[test]
    fn avp_encodes_padding_outside_length() {
        // Product-Name "mme": length 11, padded to 12.
        let a = dict::PRODUCT_NAME.utf8("mme");
        assert_eq!(hex(&a.encode()), "0000010d0000000b6d6d6500");
        assert_eq!(a.encoded_len(), 12);
    }

    #[test]
    fn avp_encodes_vendor_bit_from_vendor() {
        let a = Avp::raw(1407, Some(10415), 0xc0, vec![0x00, 0xf1, 0x10]);
        assert_eq!(a.flags, 0x40);
        assert_eq!(hex(&a.encode()), "0000057fc000000f000028af00f11000");
    }

    #[test]
    fn grouped_length_counts_inner_padding() {
        // Deregistration-Reason from the Cx RTR reference: 72 bytes.
        let bytes = parse_hex(
            "00000267c0000048000028af00000268c0000010000028af0000000000000269c0000029000028af\
             61646d696e697374726174697665206465726567697374726174696f6e000000",
        )
        .unwrap();
        let a = Avp::decode(&bytes).unwrap();
        let inner = a.grouped().unwrap();
        assert_eq!(inner.len(), 2);
        assert_eq!(inner[0].u32().unwrap(), 0);
        assert_eq!(
            a.avp(617, 10415).unwrap().utf8().unwrap(),
            "administrative deregistration"
        );
        assert_eq!(a.encode(), bytes);
    }

    #[test]
    fn decode_rejects_length_shorter_than_header() {
        let e = Avp::decode(&parse_hex("0000010880000008000028af").unwrap()).unwrap_err();
        assert!(e.what.contains("shorter than its 12-byte header"), "{e}");
    }

    #[test]
    fn decode_rejects_length_past_end() {
        let e = Avp::decode(&parse_hex("0000010840000010aabbccdd").unwrap()).unwrap_err();
        assert!(e.what.contains("runs past the end"), "{e}");
    }

    #[test]
    fn decode_rejects_missing_padding() {
        let e = Avp::decode(&parse_hex("0000010d0000000b6d6d65").unwrap()).unwrap_err();
        assert!(e.what.contains("padding"), "{e}");
    }

    #[test]
    fn decode_refuses_grouped_nesting_past_limit() {
        let mut a = dict::FAILED_AVP.grouped(vec![]);
        for _ in 0..MAX_DEPTH {
            a = dict::FAILED_AVP.grouped(vec![a]);
        }
        let e = Avp::decode(&a.encode()).unwrap_err();
        assert!(e.what.contains("nested deeper"), "{e}");
        let mut ok = dict::FAILED_AVP.grouped(vec![]);
        for _ in 0..MAX_DEPTH - 1 {
            ok = dict::FAILED_AVP.grouped(vec![ok]);
        }
        assert_eq!(Avp::decode(&ok.encode()).unwrap(), ok);
    }

    #[test]
    fn getters_check_lengths() {
        let a = dict::RESULT_CODE.u32(2001);
        assert_eq!(a.u32().unwrap(), 2001);
        assert!(a.u64().is_err());
        let bad = Avp::raw(268, None, 0x40, vec![1, 2, 3]);
        let e = bad.u32().unwrap_err();
        assert_eq!(e.what, "Result-Code: expected 4 bytes of data, got 3");
        assert!(a.grouped().is_err());
        assert!(dict::FAILED_AVP.grouped(vec![]).octets().is_err());
        assert!(Avp::raw(1, None, 0, vec![0xff]).utf8().is_err());
    }

    #[test]
    fn address_reads_families() {
        let v4 = dict::HOST_IP_ADDRESS.address(&Address::V4(Ipv4Addr::new(127, 0, 0, 1)));
        assert_eq!(hex(v4.octets().unwrap()), "00017f000001");
        assert_eq!(v4.address().unwrap().to_string(), "127.0.0.1");
        let v6 =
            Address::from_bytes(&parse_hex("00022001 0db8 0000 0000 0000 0000 0000 0001").unwrap());
        assert_eq!(v6.unwrap().to_string(), "2001:db8::1");
        let e164 = Address::from_bytes(&[0, 8, 0x31, 0x32]).unwrap();
        assert_eq!(e164.to_string(), "family 8: 3132");
        assert!(Address::from_bytes(&[0, 1, 1, 2, 3]).is_err());
        assert!(Address::from_bytes(&[0]).is_err());
    }

    #[test]
    fn time_unwraps_after_2036() {
        // 2024-01-01T00:00:00Z is 3913056000 NTP seconds.
        let a = dict::EVENT_TIMESTAMP.u32(3_913_056_000);
        assert_eq!(a.time().unwrap() - NTP_UNIX_OFFSET, 1_704_067_200);
        let late = dict::EVENT_TIMESTAMP.u32(1);
        assert_eq!(late.time().unwrap(), (1 << 32) + 1);
    }
}
