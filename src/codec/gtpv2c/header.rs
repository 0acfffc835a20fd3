//! The GTPv2-C header (TS 29.274 5.1).
//!
//! ```text
//! octet 1   version(3)=2 | P | T | MP | spare(2)
//! octet 2   message type
//! octet 3-4 length: octets after the first 4 (piggybacked message excluded)
//! octet 5-8 TEID (only when T = 1)
//! then      sequence number (3 octets), then message priority(4) | spare(4)
//! ```

use super::ie::PROTO;
use crate::codec::{DecodeError, Reader};

/// A decoded GTPv2-C header. Spare bits are ignored on decoding and sent as 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Header {
    /// Message type (Table 6.1-1).
    pub message_type: u8,
    /// P flag: another message follows this one in the datagram (5.5.1).
    pub piggyback: bool,
    /// TEID, when the T flag is set (all messages but Echo and Version Not Supported).
    pub teid: Option<u32>,
    /// Sequence number (24 bits).
    pub seq: u32,
    /// Message priority (4 bits), when the MP flag is set (5.4).
    pub priority: Option<u8>,
    /// Length field: octets after the first 4.
    pub length: u16,
}

impl Header {
    /// Octets the header takes: 12 with a TEID, 8 without.
    pub fn len(&self) -> usize {
        if self.teid.is_some() { 12 } else { 8 }
    }

    /// Never empty; here to pair with [`Header::len`].
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Reads a header and checks that the length field fits the buffer.
    pub fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let start = r.offset();
        let flags = r.u8()?;
        let version = flags >> 5;
        if version != 2 {
            return Err(DecodeError::new(
                PROTO,
                start,
                format!("version {version}, expected 2"),
            ));
        }
        let message_type = r.u8()?;
        let length = r.u16()?;
        let t = flags & 0x08 != 0;
        let need = if t { 8 } else { 4 };
        if usize::from(length) < need {
            return Err(DecodeError::new(
                PROTO,
                start + 2,
                format!("length {length} is shorter than the header's {need} octets"),
            ));
        }
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
        let teid = if t { Some(r.u32()?) } else { None };
        let seq = r.u24()?;
        let last = r.u8()?;
        let priority = (flags & 0x04 != 0).then_some(last >> 4);
        Ok(Self {
            message_type,
            piggyback: flags & 0x10 != 0,
            teid,
            seq,
            priority,
            length,
        })
    }

    /// Appends the header as is (the caller sets `length`).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let flags = 0x40
            | u8::from(self.piggyback) << 4
            | u8::from(self.teid.is_some()) << 3
            | u8::from(self.priority.is_some()) << 2;
        out.push(flags);
        out.push(self.message_type);
        out.extend_from_slice(&self.length.to_be_bytes());
        if let Some(teid) = self.teid {
            out.extend_from_slice(&teid.to_be_bytes());
        }
        out.extend_from_slice(&(self.seq & 0x00ff_ffff).to_be_bytes()[1..]);
        out.push(self.priority.map_or(0, |p| (p & 0x0f) << 4));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    #[test]
    fn header_decodes_teid_and_seq() {
        let b = parse_hex("4824001400000101000003 00 49000100064d000300000800").unwrap();
        let h = Header::decode(&mut Reader::new(PROTO, &b)).unwrap();
        assert_eq!(h.message_type, 36);
        assert_eq!(h.teid, Some(0x101));
        assert_eq!(h.seq, 3);
        assert_eq!(h.length, 20);
        assert_eq!(h.len(), 12);
        let mut out = Vec::new();
        h.encode_into(&mut out);
        assert_eq!(out, b[..12]);
    }

    #[test]
    fn header_without_teid_is_eight_octets() {
        let h = Header {
            message_type: 1,
            seq: 0x123456,
            priority: Some(3),
            length: 4,
            ..Header::default()
        };
        let mut out = Vec::new();
        h.encode_into(&mut out);
        assert_eq!(out, [0x44, 1, 0, 4, 0x12, 0x34, 0x56, 0x30]);
        assert_eq!(Header::decode(&mut Reader::new(PROTO, &out)).unwrap(), h);
    }

    #[test]
    fn header_rejects_gtpv1_and_bad_lengths() {
        assert!(Header::decode(&mut Reader::new(PROTO, &[0x32, 1, 0, 4, 0, 0, 0, 0])).is_err());
        // T set but length 4.
        assert!(Header::decode(&mut Reader::new(PROTO, &[0x48, 1, 0, 4, 0, 0, 0, 0])).is_err());
        // Length past the end.
        assert!(Header::decode(&mut Reader::new(PROTO, &[0x40, 1, 0, 9, 0, 0, 0, 0])).is_err());
    }
}
