//! 3GPP security functions on RustCrypto primitives: Milenage (TS 35.206),
//! the key derivations of TS 33.401 Annex A, 128-EIA2 and 128-EEA2.
//!
//! - [`milenage`]: f1, f1*, f2-f5, f5* and OP -> OPc on the `milenage` crate.
//! - [`auth`]: authentication vectors (HSS side), the AUTN check (USIM side),
//!   AUTS generation and resynchronisation.
//! - [`kdf`]: the TS 33.220 B.2 KDF and the KASME / KeNB / algorithm keys.
//! - [`eia2`], [`eea2`]: 128-EIA2 (AES-CMAC) and 128-EEA2 (AES-CTR) with bit
//!   lengths.
//! - [`ipsec`]: the IMS ESP algorithms (HMAC-SHA-1-96/MD5-96, NULL and
//!   AES-CBC) and their keys from IK/CK (TS 33.203 Annex I).
//! - [`nas`]: algorithm choice (EIA0/1/2/3, EEA0/1/2/3), NAS COUNT, NAS-MAC and
//!   NAS ciphering.
//!
//! Key material lives in dedicated types whose `Debug` prints `<redacted>`.

use std::fmt;

pub mod aka_digest;
pub mod auth;
pub mod eea2;
pub mod eia2;
pub mod ipsec;
pub mod kdf;
mod keys;
pub mod milenage;
pub mod nas;

pub use keys::{Ak, Amf, Autn, Auts, Ck, Ik, K, Kasme, KeNb, Key128, Op, Opc, Rand, Res, Sqn};

/// Transmission direction, as the DIRECTION input of EIA/EEA (TS 33.401 B.1.1, B.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// UE to network: DIRECTION bit 0.
    Uplink,
    /// Network to UE: DIRECTION bit 1.
    Downlink,
}

impl Direction {
    /// The DIRECTION bit: 0 uplink, 1 downlink.
    pub const fn bit(self) -> u8 {
        match self {
            Self::Uplink => 0,
            Self::Downlink => 1,
        }
    }

    /// Direction from its bit (only the lowest bit is looked at).
    pub const fn from_bit(bit: u8) -> Self {
        if bit & 1 == 0 {
            Self::Uplink
        } else {
            Self::Downlink
        }
    }
}

/// Why a security function could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The algorithm is known but not implemented here (SNOW 3G, ZUC).
    Unsupported(&'static str),
    /// The buffer does not hold exactly ceil(`length_bits` / 8) bytes.
    LengthMismatch {
        /// Length in bits the caller asked for.
        length_bits: usize,
        /// Length of the buffer in bytes.
        bytes: usize,
    },
    /// BEARER is a 5-bit value (TS 33.401 B.1.1).
    InvalidBearer(u8),
    /// A KDF parameter is longer than its 16-bit length field allows.
    KdfParamTooLong(usize),
    /// MCC must be 3 digits and MNC 2 or 3 digits.
    InvalidPlmn(String),
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported(alg) => write!(f, "{alg} is not implemented"),
            Self::LengthMismatch { length_bits, bytes } => write!(
                f,
                "length of {length_bits} bits needs {} bytes, buffer has {bytes}",
                length_bits.div_ceil(8)
            ),
            Self::InvalidBearer(b) => write!(f, "BEARER {b} does not fit in 5 bits"),
            Self::KdfParamTooLong(n) => write!(f, "KDF parameter of {n} bytes exceeds 65535"),
            Self::InvalidPlmn(p) => write!(f, "invalid PLMN {p}"),
        }
    }
}

impl std::error::Error for CryptoError {}

/// Checks that `buf` holds exactly the bytes needed for `length_bits` bits.
fn check_length(buf_len: usize, length_bits: usize) -> Result<(), CryptoError> {
    if buf_len == length_bits.div_ceil(8) {
        Ok(())
    } else {
        Err(CryptoError::LengthMismatch {
            length_bits,
            bytes: buf_len,
        })
    }
}

/// The first 8 bytes shared by the EIA2 message and the EEA2 counter block:
/// COUNT (32) || BEARER (5) || DIRECTION (1) || 0 (26) (TS 33.401 B.1.3, B.2.3).
fn count_bearer_direction(
    count: u32,
    bearer: u8,
    direction: Direction,
) -> Result<[u8; 8], CryptoError> {
    if bearer > 0x1f {
        return Err(CryptoError::InvalidBearer(bearer));
    }
    let mut out = [0u8; 8];
    out[..4].copy_from_slice(&count.to_be_bytes());
    out[4] = (bearer << 3) | (direction.bit() << 2);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_packs_count_bearer_direction() {
        let h = count_bearer_direction(0x398a_59b4, 0x15, Direction::Downlink).unwrap();
        assert_eq!(h, [0x39, 0x8a, 0x59, 0xb4, 0xac, 0, 0, 0]);
    }

    #[test]
    fn header_rejects_wide_bearer() {
        assert_eq!(
            count_bearer_direction(0, 32, Direction::Uplink),
            Err(CryptoError::InvalidBearer(32))
        );
    }

    #[test]
    fn length_check_accepts_partial_last_byte() {
        assert!(check_length(32, 253).is_ok());
        assert!(check_length(31, 253).is_err());
        assert!(check_length(0, 0).is_ok());
    }
}
