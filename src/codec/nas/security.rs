//! Security header framing (TS 24.301 9.1, 9.3.1): the security protected
//! NAS message (8.2.23) and the SERVICE REQUEST (8.2.25). Only the framing:
//! computing MACs and ciphering is the crypto module's job, fed by
//! [`SecurityProtected::mac_input`] and [`ServiceRequest::mac_input`].

use super::ie::SecurityHeaderType;
use super::{Direction, NasMessage, PD_EMM};
use crate::codec::DecodeError;

/// A security protected NAS message (TS 24.301 8.2.23): header type 1-5,
/// MAC, sequence number and the NAS message (ciphered for types 2, 4, 5
/// unless the algorithm is EEA0).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecurityProtected {
    /// Security header type (1-5).
    pub header_type: SecurityHeaderType,
    /// Message authentication code (TS 24.301 9.5).
    pub mac: [u8; 4],
    /// Sequence number: the 8 least significant bits of the NAS COUNT (9.6).
    pub seq: u8,
    /// The NAS message, possibly ciphered.
    pub inner: Vec<u8>,
}

impl SecurityProtected {
    /// A protected message from its parts.
    pub fn new(header_type: SecurityHeaderType, mac: [u8; 4], seq: u8, inner: Vec<u8>) -> Self {
        Self {
            header_type,
            mac,
            seq,
            inner,
        }
    }

    /// Wraps a plain message with a zero MAC (to be filled in with
    /// [`Self::set_mac`] once computed over [`Self::mac_input`]).
    pub fn wrap(header_type: SecurityHeaderType, seq: u8, plain: &NasMessage) -> Self {
        Self::new(header_type, [0; 4], seq, plain.encode())
    }

    /// Sets the MAC.
    pub fn set_mac(&mut self, mac: [u8; 4]) {
        self.mac = mac;
    }

    /// The octets the MAC covers: the sequence number followed by the NAS
    /// message (TS 24.301 4.4.3.3, 9.2).
    pub fn mac_input(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(1 + self.inner.len());
        v.push(self.seq);
        v.extend_from_slice(&self.inner);
        v
    }

    /// True for header types whose NAS message is ciphered (2, 4, 5).
    pub fn is_ciphered(&self) -> bool {
        matches!(
            self.header_type,
            SecurityHeaderType::IntegrityProtectedCiphered
                | SecurityHeaderType::IntegrityProtectedCipheredNewContext
                | SecurityHeaderType::IntegrityProtectedPartiallyCiphered
        )
    }

    /// Decodes the inner message as plain NAS (works with EEA0 or after
    /// deciphering). Guesses the direction where it matters.
    pub fn inner_plain(&self) -> Result<NasMessage, DecodeError> {
        self.inner_plain_decoded(None)
    }

    /// [`Self::inner_plain`] with a known direction.
    pub fn inner_plain_for(&self, dir: Direction) -> Result<NasMessage, DecodeError> {
        self.inner_plain_decoded(Some(dir))
    }

    fn inner_plain_decoded(&self, dir: Option<Direction>) -> Result<NasMessage, DecodeError> {
        let m = super::decode_with(&self.inner, dir)?;
        match m {
            NasMessage::Emm(_) | NasMessage::Esm(_) => Ok(m),
            _ => Err(DecodeError::new(
                "NAS",
                6,
                "inner message of a protected message is not plain",
            )),
        }
    }

    /// Appends the whole message.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.push((self.header_type.to_u8() << 4) | PD_EMM);
        out.extend_from_slice(&self.mac);
        out.push(self.seq);
        out.extend_from_slice(&self.inner);
    }
}

/// SERVICE REQUEST (TS 24.301 8.2.25), security header type 12: KSI and
/// sequence number (9.9.3.19) and short MAC (9.9.3.28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ServiceRequest {
    /// Key set identifier, 3 bits.
    pub ksi: u8,
    /// The 5 least significant bits of the NAS COUNT.
    pub seq: u8,
    /// The 2 least significant octets of the MAC.
    pub short_mac: [u8; 2],
}

impl ServiceRequest {
    /// Message name.
    pub const NAME: &'static str = "Service Request";

    /// The octets the short MAC covers: the first two octets of the message
    /// (TS 24.301 9.9.3.28).
    pub fn mac_input(&self) -> [u8; 2] {
        [
            (12 << 4) | PD_EMM,
            ((self.ksi & 7) << 5) | (self.seq & 0x1F),
        ]
    }

    /// Appends the whole message.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.mac_input());
        out.extend_from_slice(&self.short_mac);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protected_mac_input_is_seq_then_message() {
        let p = SecurityProtected::new(
            SecurityHeaderType::IntegrityProtected,
            [1, 2, 3, 4],
            9,
            vec![0x07, 0x5e],
        );
        assert_eq!(p.mac_input(), [9, 0x07, 0x5e]);
        let mut out = Vec::new();
        p.encode_into(&mut out);
        assert_eq!(out, [0x17, 1, 2, 3, 4, 9, 0x07, 0x5e]);
        assert!(!p.is_ciphered());
    }

    #[test]
    fn service_request_packs_ksi_and_seq() {
        let s = ServiceRequest {
            ksi: 1,
            seq: 31,
            short_mac: [0xAB, 0xCD],
        };
        let mut out = Vec::new();
        s.encode_into(&mut out);
        assert_eq!(out, [0xC7, 0x3F, 0xAB, 0xCD]);
    }
}
