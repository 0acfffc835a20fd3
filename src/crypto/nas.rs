//! NAS security helpers (TS 24.301 4.4.3, 9.9.3.23; TS 33.401 8.1, Annex B):
//! the algorithm identities, the NAS COUNT, NAS-MAC and NAS ciphering.
//!
//! For NAS, BEARER is always 0 (TS 33.401 B.1.1, B.2.1) and COUNT is the
//! 24-bit NAS COUNT padded with 8 zero bits on the left (TS 24.301 4.4.3.1).

use std::fmt;

use super::eea2::eea2;
use super::eia2::eia2;
use super::{CryptoError, Direction, Key128};

/// NAS integrity algorithm (TS 24.301 9.9.3.23, 3-bit identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NasIntegrity {
    /// EIA0, null integrity (emergency calls only; MAC is all zeros).
    Eia0,
    /// 128-EIA1 (SNOW 3G): known but not implemented.
    Eia1,
    /// 128-EIA2 (AES-CMAC).
    Eia2,
    /// 128-EIA3 (ZUC): known but not implemented.
    Eia3,
}

/// NAS ciphering algorithm (TS 24.301 9.9.3.23, 3-bit identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NasCiphering {
    /// EEA0, null ciphering.
    Eea0,
    /// 128-EEA1 (SNOW 3G): known but not implemented.
    Eea1,
    /// 128-EEA2 (AES-CTR).
    Eea2,
    /// 128-EEA3 (ZUC): known but not implemented.
    Eea3,
}

impl NasIntegrity {
    /// Every algorithm this module can name, in identity order.
    pub const ALL: [Self; 4] = [Self::Eia0, Self::Eia1, Self::Eia2, Self::Eia3];

    /// The 3-bit algorithm identity (also the KDF algorithm identity, TS 33.401 A.7).
    pub const fn id(self) -> u8 {
        match self {
            Self::Eia0 => 0,
            Self::Eia1 => 1,
            Self::Eia2 => 2,
            Self::Eia3 => 3,
        }
    }

    /// Algorithm from its identity; `None` for the spare values 4-7.
    pub const fn from_id(id: u8) -> Option<Self> {
        match id {
            0 => Some(Self::Eia0),
            1 => Some(Self::Eia1),
            2 => Some(Self::Eia2),
            3 => Some(Self::Eia3),
            _ => None,
        }
    }

    /// Whether [`nas_mac`] can compute it.
    pub const fn is_implemented(self) -> bool {
        matches!(self, Self::Eia0 | Self::Eia2)
    }

    /// The spec name, e.g. "128-EIA2".
    pub const fn name(self) -> &'static str {
        match self {
            Self::Eia0 => "EIA0",
            Self::Eia1 => "128-EIA1",
            Self::Eia2 => "128-EIA2",
            Self::Eia3 => "128-EIA3",
        }
    }
}

impl NasCiphering {
    /// Every algorithm this module can name, in identity order.
    pub const ALL: [Self; 4] = [Self::Eea0, Self::Eea1, Self::Eea2, Self::Eea3];

    /// The 3-bit algorithm identity (also the KDF algorithm identity, TS 33.401 A.7).
    pub const fn id(self) -> u8 {
        match self {
            Self::Eea0 => 0,
            Self::Eea1 => 1,
            Self::Eea2 => 2,
            Self::Eea3 => 3,
        }
    }

    /// Algorithm from its identity; `None` for the spare values 4-7.
    pub const fn from_id(id: u8) -> Option<Self> {
        match id {
            0 => Some(Self::Eea0),
            1 => Some(Self::Eea1),
            2 => Some(Self::Eea2),
            3 => Some(Self::Eea3),
            _ => None,
        }
    }

    /// Whether [`nas_cipher`] can compute it.
    pub const fn is_implemented(self) -> bool {
        matches!(self, Self::Eea0 | Self::Eea2)
    }

    /// The spec name, e.g. "128-EEA2".
    pub const fn name(self) -> &'static str {
        match self {
            Self::Eea0 => "EEA0",
            Self::Eea1 => "128-EEA1",
            Self::Eea2 => "128-EEA2",
            Self::Eea3 => "128-EEA3",
        }
    }
}

impl fmt::Display for NasIntegrity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for NasCiphering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// NAS COUNT = NAS overflow (16 bits) || NAS sequence number (8 bits)
/// (TS 24.301 4.4.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NasCount {
    /// NAS overflow counter.
    pub overflow: u16,
    /// NAS sequence number, the SN octet of a protected message.
    pub sequence: u8,
}

impl NasCount {
    /// NAS COUNT from its parts.
    pub const fn new(overflow: u16, sequence: u8) -> Self {
        Self { overflow, sequence }
    }

    /// The 32-bit COUNT input of EIA/EEA: 8 zero bits || overflow || SN.
    pub const fn value(self) -> u32 {
        ((self.overflow as u32) << 8) | self.sequence as u32
    }

    /// NAS COUNT from the low 24 bits of `value`.
    pub const fn from_value(value: u32) -> Self {
        Self {
            overflow: (value >> 8) as u16,
            sequence: value as u8,
        }
    }

    /// The next COUNT: SN + 1, carrying into the overflow counter (wraps at 2^24).
    pub const fn next(self) -> Self {
        Self::from_value(self.value().wrapping_add(1) & 0x00ff_ffff)
    }
}

/// NAS-MAC (TS 24.301 4.4.3.3) over `bytes`: the sequence number octet
/// followed by the NAS message. EIA0 gives a MAC of all zeros
/// (TS 33.401 5.1.4.1).
pub fn nas_mac(
    alg: NasIntegrity,
    key: &Key128,
    count: u32,
    direction: Direction,
    bytes: &[u8],
) -> Result<[u8; 4], CryptoError> {
    match alg {
        NasIntegrity::Eia0 => Ok([0; 4]),
        NasIntegrity::Eia2 => eia2(key, count, 0, direction, bytes, bit_length(bytes)?),
        NasIntegrity::Eia1 | NasIntegrity::Eia3 => Err(CryptoError::Unsupported(alg.name())),
    }
}

/// Ciphers or deciphers a NAS message in place (TS 24.301 4.4.5). EEA0
/// leaves it unchanged.
pub fn nas_cipher(
    alg: NasCiphering,
    key: &Key128,
    count: u32,
    direction: Direction,
    bytes: &mut [u8],
) -> Result<(), CryptoError> {
    match alg {
        NasCiphering::Eea0 => Ok(()),
        NasCiphering::Eea2 => {
            let bits = bit_length(bytes)?;
            eea2(key, count, 0, direction, bytes, bits)
        }
        NasCiphering::Eea1 | NasCiphering::Eea3 => Err(CryptoError::Unsupported(alg.name())),
    }
}

fn bit_length(bytes: &[u8]) -> Result<usize, CryptoError> {
    bytes
        .len()
        .checked_mul(8)
        .ok_or(CryptoError::LengthMismatch {
            length_bits: usize::MAX,
            bytes: bytes.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nas_count_packs_overflow_and_sequence() {
        let c = NasCount::new(0x0102, 0x03);
        assert_eq!(c.value(), 0x0001_0203);
        assert_eq!(NasCount::from_value(0xff01_0203), c);
    }

    #[test]
    fn nas_count_next_carries_into_overflow() {
        assert_eq!(NasCount::new(0, 255).next(), NasCount::new(1, 0));
        assert_eq!(NasCount::new(u16::MAX, 255).next(), NasCount::new(0, 0));
    }

    #[test]
    fn algorithm_ids_round_trip() {
        for a in NasIntegrity::ALL {
            assert_eq!(NasIntegrity::from_id(a.id()), Some(a));
        }
        for a in NasCiphering::ALL {
            assert_eq!(NasCiphering::from_id(a.id()), Some(a));
        }
        assert_eq!(NasIntegrity::from_id(4), None);
        assert_eq!(NasCiphering::from_id(7), None);
    }

    #[test]
    fn nas_mac_eia0_is_zero() {
        let key = Key128::new([1; 16]);
        let mac = nas_mac(NasIntegrity::Eia0, &key, 7, Direction::Uplink, b"abc").unwrap();
        assert_eq!(mac, [0; 4]);
    }

    #[test]
    fn nas_mac_matches_eia2_with_bearer_zero() {
        let key = Key128::new([2; 16]);
        let msg = [0x05, 0x07, 0x42, 0x01];
        let mac = nas_mac(NasIntegrity::Eia2, &key, 0x0105, Direction::Downlink, &msg).unwrap();
        assert_eq!(
            mac,
            eia2(&key, 0x0105, 0, Direction::Downlink, &msg, 32).unwrap()
        );
    }

    #[test]
    fn nas_mac_refuses_snow3g_and_zuc() {
        let key = Key128::new([0; 16]);
        for alg in [NasIntegrity::Eia1, NasIntegrity::Eia3] {
            assert_eq!(
                nas_mac(alg, &key, 0, Direction::Uplink, b"x"),
                Err(CryptoError::Unsupported(alg.name()))
            );
        }
        let mut buf = [0u8; 1];
        assert!(nas_cipher(NasCiphering::Eea1, &key, 0, Direction::Uplink, &mut buf).is_err());
        assert!(nas_cipher(NasCiphering::Eea3, &key, 0, Direction::Uplink, &mut buf).is_err());
    }

    #[test]
    fn nas_cipher_eea0_leaves_bytes() {
        let key = Key128::new([0; 16]);
        let mut buf = *b"plain";
        nas_cipher(NasCiphering::Eea0, &key, 0, Direction::Uplink, &mut buf).unwrap();
        assert_eq!(&buf, b"plain");
    }

    #[test]
    fn nas_cipher_eea2_round_trips() {
        let key = Key128::new([3; 16]);
        let mut buf = *b"attach accept";
        nas_cipher(NasCiphering::Eea2, &key, 9, Direction::Downlink, &mut buf).unwrap();
        assert_ne!(&buf, b"attach accept");
        nas_cipher(NasCiphering::Eea2, &key, 9, Direction::Downlink, &mut buf).unwrap();
        assert_eq!(&buf, b"attach accept");
    }
}
