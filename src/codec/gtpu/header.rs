//! The GTP-U header (TS 29.281 5.1) and its extension headers (5.2).
//!
//! ```text
//! octet 1    version(3)=1 | PT=1 | spare | E | S | PN
//! octet 2    message type
//! octet 3-4  length: octets after the first 8 (optional fields included)
//! octet 5-8  TEID
//! when any of E, S, PN is set:
//! octet 9-10 sequence number, 11 N-PDU number, 12 next extension header type
//! then       extension headers: length (in 4 octets), content, next type
//! ```

use super::PROTO;
use crate::codec::{DecodeError, Reader};

/// Extension header types (TS 29.281 Figure 5.2.1-3).
pub mod ext_types {
    /// No more extension headers.
    pub const NO_MORE: u8 = 0x00;
    /// Service Class Indicator.
    pub const SERVICE_CLASS_INDICATOR: u8 = 0x20;
    /// UDP Port (in Error Indication and Echo messages).
    pub const UDP_PORT: u8 = 0x40;
    /// RAN Container.
    pub const RAN_CONTAINER: u8 = 0x81;
    /// Long PDCP PDU Number.
    pub const LONG_PDCP_PDU_NUMBER: u8 = 0x82;
    /// Xw RAN Container.
    pub const XW_RAN_CONTAINER: u8 = 0x83;
    /// NR RAN Container.
    pub const NR_RAN_CONTAINER: u8 = 0x84;
    /// PDU Session Container (TS 38.415).
    pub const PDU_SESSION_CONTAINER: u8 = 0x85;
    /// PDCP PDU Number.
    pub const PDCP_PDU_NUMBER: u8 = 0xc0;
}

/// Name of extension header type `t`.
pub fn ext_name(t: u8) -> &'static str {
    match t {
        0x20 => "Service Class Indicator",
        0x40 => "UDP Port",
        0x81 => "RAN Container",
        0x82 => "Long PDCP PDU Number",
        0x83 => "Xw RAN Container",
        0x84 => "NR RAN Container",
        0x85 => "PDU Session Container",
        0xc0 => "PDCP PDU Number",
        _ => "Extension Header",
    }
}

/// One extension header (TS 29.281 5.2.1): its type (carried in the octet
/// before it) and content. On the wire the content is padded to 4n-2 octets;
/// encoding pads with zeros when it is not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ExtensionHeader {
    /// Extension header type (see [`ext_types`]).
    pub kind: u8,
    /// Content, between the length octet and the next-type octet.
    pub content: Vec<u8>,
}

impl ExtensionHeader {
    /// UDP Port extension header (5.2.2.1): the UDP source port of the
    /// message that triggered an Error Indication.
    pub fn udp_port(port: u16) -> Self {
        Self {
            kind: ext_types::UDP_PORT,
            content: port.to_be_bytes().to_vec(),
        }
    }

    /// PDU Session Container (TS 38.415 5.5.2) with a PDU type (0 = DL, 1 =
    /// UL) and QoS Flow Identifier, the other fields zero.
    pub fn pdu_session(pdu_type: u8, qfi: u8) -> Self {
        Self {
            kind: ext_types::PDU_SESSION_CONTAINER,
            content: vec![(pdu_type & 0x0f) << 4, qfi & 0x3f],
        }
    }

    /// The port of a UDP Port extension header.
    pub fn port(&self) -> Option<u16> {
        match (self.kind, self.content.as_slice()) {
            (ext_types::UDP_PORT, [a, b, ..]) => Some(u16::from_be_bytes([*a, *b])),
            _ => None,
        }
    }

    /// The QFI of a PDU Session Container.
    pub fn qfi(&self) -> Option<u8> {
        match (self.kind, self.content.as_slice()) {
            (ext_types::PDU_SESSION_CONTAINER, [_, b, ..]) => Some(b & 0x3f),
            _ => None,
        }
    }

    /// Value of the length octet: 4-octet units, length and next-type octets included.
    pub fn length_units(&self) -> u8 {
        let units = (self.content.len() + 2).div_ceil(4).max(1);
        u8::try_from(units).unwrap_or(u8::MAX)
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        let units = self.length_units();
        out.push(units);
        let room = usize::from(units) * 4 - 2;
        let n = self.content.len().min(room);
        out.extend_from_slice(&self.content[..n]);
        out.resize(out.len() + room - n, 0);
    }
}

/// A decoded GTP-U header. Optional fields whose flag is clear are sent as 0
/// and ignored on receipt (5.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// Message type (Table 6.1-1).
    pub message_type: u8,
    /// Length field: octets after the first 8.
    pub length: u16,
    /// Tunnel Endpoint Identifier.
    pub teid: u32,
    /// Sequence number, when S is set.
    pub seq: Option<u16>,
    /// N-PDU number, when PN is set.
    pub npdu: Option<u8>,
    /// Extension headers in order (E is set when there is any).
    pub extensions: Vec<ExtensionHeader>,
}

impl Header {
    /// Octets the header takes, extension headers included.
    pub fn len(&self) -> usize {
        if self.has_optional() {
            12 + self
                .extensions
                .iter()
                .map(|e| usize::from(e.length_units()) * 4)
                .sum::<usize>()
        } else {
            8
        }
    }

    /// Never empty; here to pair with [`Header::len`].
    pub fn is_empty(&self) -> bool {
        false
    }

    fn has_optional(&self) -> bool {
        self.seq.is_some() || self.npdu.is_some() || !self.extensions.is_empty()
    }

    /// Reads a header, extension headers included, and checks that the
    /// length field fits the buffer.
    pub fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = r.offset();
        let flags = r.u8()?;
        if flags >> 5 != 1 || flags & 0x10 == 0 {
            return Err(DecodeError::new(
                PROTO,
                start,
                format!(
                    "flags 0x{flags:02x}: not GTP-U (version {}, PT {})",
                    flags >> 5,
                    (flags >> 4) & 1
                ),
            ));
        }
        let message_type = r.u8()?;
        let length = r.u16()?;
        let teid = r.u32()?;
        if usize::from(length) > r.remaining() {
            return Err(DecodeError::new(
                PROTO,
                start + 2,
                format!(
                    "length {length} runs past the end ({} octets left)",
                    r.remaining()
                ),
            ));
        }
        let (e, s, pn) = (flags & 0x04 != 0, flags & 0x02 != 0, flags & 0x01 != 0);
        let mut h = Self {
            message_type,
            length,
            teid,
            ..Self::default()
        };
        if e || s || pn {
            let mut opt = r.clone().sub(usize::from(length)).map_err(|_| {
                DecodeError::new(PROTO, start + 2, "length too short for optional fields")
            })?;
            let seq = opt.u16()?;
            let npdu = opt.u8()?;
            let mut next = opt.u8()?;
            h.seq = s.then_some(seq);
            h.npdu = pn.then_some(npdu);
            // A next-type octet without the E flag is ignored (5.1).
            if !e {
                next = ext_types::NO_MORE;
            }
            while next != ext_types::NO_MORE {
                let at = opt.offset();
                let units = usize::from(opt.u8()?);
                if units == 0 {
                    return Err(DecodeError::new(PROTO, at, "extension header of length 0"));
                }
                let content = opt.take(units * 4 - 2)?.to_vec();
                h.extensions.push(ExtensionHeader {
                    kind: next,
                    content,
                });
                next = opt.u8()?;
            }
            let used = usize::from(length) - opt.remaining();
            r.take(used)?;
        }
        Ok(h)
    }

    /// Appends the header as is (the caller sets `length`).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let flags = 0x30
            | u8::from(!self.extensions.is_empty()) << 2
            | u8::from(self.seq.is_some()) << 1
            | u8::from(self.npdu.is_some());
        out.push(flags);
        out.push(self.message_type);
        out.extend_from_slice(&self.length.to_be_bytes());
        out.extend_from_slice(&self.teid.to_be_bytes());
        if self.has_optional() {
            out.extend_from_slice(&self.seq.unwrap_or(0).to_be_bytes());
            out.push(self.npdu.unwrap_or(0));
            let mut kinds = self.extensions.iter().map(|e| e.kind);
            out.push(kinds.next().unwrap_or(ext_types::NO_MORE));
            for ext in &self.extensions {
                ext.encode_into(out);
                out.push(kinds.next().unwrap_or(ext_types::NO_MORE));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    #[test]
    fn header_decodes_sequence_number() {
        let b = parse_hex("320100040000000000010000").unwrap();
        let mut r = Reader::new(PROTO, &b);
        let h = Header::decode(&mut r).unwrap();
        assert_eq!(h.message_type, 1);
        assert_eq!(h.seq, Some(1));
        assert_eq!(h.npdu, None);
        assert!(r.is_empty());
        let mut out = Vec::new();
        h.encode_into(&mut out);
        assert_eq!(out, b);
    }

    #[test]
    fn header_chains_extension_headers() {
        let h = Header {
            message_type: 255,
            length: 12,
            teid: 7,
            extensions: vec![
                ExtensionHeader::pdu_session(1, 9),
                ExtensionHeader::udp_port(2152),
            ],
            ..Header::default()
        };
        let mut out = Vec::new();
        h.encode_into(&mut out);
        assert_eq!(
            out,
            parse_hex("34ff000c00000007 0000 00 85 01 1009 40 01 0868 00").unwrap()
        );
        assert_eq!(h.len(), out.len());
        let back = Header::decode(&mut Reader::new(PROTO, &out)).unwrap();
        assert_eq!(back, h);
        assert_eq!(back.extensions[0].qfi(), Some(9));
        assert_eq!(back.extensions[1].port(), Some(2152));
    }

    #[test]
    fn header_pads_odd_extension_content() {
        let e = ExtensionHeader {
            kind: 0x81,
            content: vec![1, 2, 3],
        };
        assert_eq!(e.length_units(), 2);
        let mut out = Vec::new();
        e.encode_into(&mut out);
        assert_eq!(out, [2, 1, 2, 3, 0, 0, 0]);
    }

    #[test]
    fn header_rejects_gtp_prime_and_zero_length_extension() {
        assert!(Header::decode(&mut Reader::new(PROTO, &[0x20, 1, 0, 0, 0, 0, 0, 0])).is_err());
        let b = parse_hex("34ff000800000007 0000 00 85 00 000000").unwrap();
        assert!(Header::decode(&mut Reader::new(PROTO, &b)).is_err());
    }
}
