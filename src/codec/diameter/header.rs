//! The 20-byte Diameter header (RFC 6733 3).

use super::PROTO;
use crate::codec::{DecodeError, Reader};
use std::fmt;

/// Length of the Diameter header in bytes.
pub const HEADER_LEN: usize = 20;

/// The only protocol version RFC 6733 defines.
pub const VERSION: u8 = 1;

/// Command flags (RFC 6733 3): R, P, E, T and the four reserved bits, kept as
/// received so that re-encoding reproduces them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CommandFlags(pub u8);

impl CommandFlags {
    /// R: the message is a request.
    pub const REQUEST: u8 = 0x80;
    /// P: the message may be proxied, relayed or redirected.
    pub const PROXIABLE: u8 = 0x40;
    /// E: the answer carries a protocol error (3xxx Result-Code).
    pub const ERROR: u8 = 0x20;
    /// T: the request may be a retransmission.
    pub const RETRANSMIT: u8 = 0x10;

    /// True when the R bit is set.
    pub fn is_request(self) -> bool {
        self.0 & Self::REQUEST != 0
    }

    /// True when the P bit is set.
    pub fn is_proxiable(self) -> bool {
        self.0 & Self::PROXIABLE != 0
    }

    /// True when the E bit is set.
    pub fn is_error(self) -> bool {
        self.0 & Self::ERROR != 0
    }

    /// True when the T bit is set.
    pub fn is_retransmit(self) -> bool {
        self.0 & Self::RETRANSMIT != 0
    }

    /// The same flags with `bit` set or cleared.
    pub fn with(self, bit: u8, on: bool) -> Self {
        if on {
            Self(self.0 | bit)
        } else {
            Self(self.0 & !bit)
        }
    }
}

impl fmt::Display for CommandFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = [
            (Self::REQUEST, "Request"),
            (Self::PROXIABLE, "Proxiable"),
            (Self::ERROR, "Error"),
            (Self::RETRANSMIT, "Retransmit"),
        ]
        .iter()
        .filter(|(bit, _)| self.0 & bit != 0)
        .map(|(_, name)| *name)
        .collect();
        write!(f, "0x{:02x}", self.0)?;
        if !names.is_empty() {
            write!(f, " ({})", names.join(", "))?;
        }
        Ok(())
    }
}

/// Diameter header (RFC 6733 3) without the version and length, which the
/// codec derives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Header {
    /// Command flags.
    pub flags: CommandFlags,
    /// Command code (24 bits).
    pub command: u32,
    /// Application-ID (0 for the base protocol).
    pub application: u32,
    /// Hop-by-Hop Identifier: matches an answer to its request on one hop.
    pub hop_by_hop: u32,
    /// End-to-End Identifier: detects duplicate requests.
    pub end_to_end: u32,
}

impl Header {
    /// A header for `command` in `application` with the given flags.
    pub fn new(
        flags: CommandFlags,
        command: u32,
        application: u32,
        hop_by_hop: u32,
        end_to_end: u32,
    ) -> Self {
        Self {
            flags,
            command,
            application,
            hop_by_hop,
            end_to_end,
        }
    }

    /// True when the R bit is set.
    pub fn is_request(&self) -> bool {
        self.flags.is_request()
    }

    /// Reads a header and returns it with the Message Length it announces.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<(Self, usize), DecodeError> {
        let version = r.u8()?;
        if version != VERSION {
            return Err(DecodeError::new(
                PROTO,
                0,
                format!("version {version}, only version 1 is defined"),
            ));
        }
        let length = r.u24()? as usize;
        let flags = CommandFlags(r.u8()?);
        let command = r.u24()?;
        let application = r.u32()?;
        let hop_by_hop = r.u32()?;
        let end_to_end = r.u32()?;
        let header = Self::new(flags, command, application, hop_by_hop, end_to_end);
        Ok((header, length))
    }

    /// Writes the header with `length` as Message Length.
    pub(crate) fn write(&self, length: u32, out: &mut Vec<u8>) {
        out.push(VERSION);
        out.extend_from_slice(&length.to_be_bytes()[1..]);
        out.push(self.flags.0);
        out.extend_from_slice(&self.command.to_be_bytes()[1..]);
        out.extend_from_slice(&self.application.to_be_bytes());
        out.extend_from_slice(&self.hop_by_hop.to_be_bytes());
        out.extend_from_slice(&self.end_to_end.to_be_bytes());
    }
}

/// The Message Length announced by the header at the start of `buf`, once
/// `buf` holds at least the first four bytes; for framing a byte stream.
pub fn message_length(buf: &[u8]) -> Option<usize> {
    match buf {
        [_, a, b, c, ..] => Some(u32::from_be_bytes([0, *a, *b, *c]) as usize),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_writes_and_reads_back() {
        let h = Header::new(CommandFlags(0xc0), 318, 16777251, 0x01000023, 0x101);
        let mut out = Vec::new();
        h.write(20, &mut out);
        assert_eq!(
            crate::codec::hex(&out),
            "01000014c000013e010000230100002300000101"
        );
        let (back, len) = Header::read(&mut Reader::new(PROTO, &out)).unwrap();
        assert_eq!((back, len), (h, 20));
    }

    #[test]
    fn header_rejects_version_2() {
        let mut bytes = vec![0u8; 20];
        bytes[0] = 2;
        let e = Header::read(&mut Reader::new(PROTO, &bytes)).unwrap_err();
        assert!(e.what.contains("version 2"), "{e}");
    }

    #[test]
    fn command_flags_render_names() {
        assert_eq!(CommandFlags(0xc0).to_string(), "0xc0 (Request, Proxiable)");
        assert_eq!(CommandFlags(0).to_string(), "0x00");
        assert!(CommandFlags(0x20).is_error());
        assert_eq!(CommandFlags(0).with(CommandFlags::RETRANSMIT, true).0, 0x10);
    }

    #[test]
    fn message_length_reads_24_bit_length() {
        assert_eq!(message_length(&[1, 0, 1, 0x30, 0xc0]), Some(0x130));
        assert_eq!(message_length(&[1, 0, 1]), None);
    }
}
