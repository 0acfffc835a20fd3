//! The generic 3GPP KDF (TS 33.220 B.2) and the EPS key derivations of
//! TS 33.401 Annex A: KASME (A.2), KeNB (A.3) and algorithm keys (A.7).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::nas::{NasCiphering, NasIntegrity};
use super::{Ck, CryptoError, Ik, Kasme, KeNb, Key128};
use crate::codec::plmn::Plmn;

/// FC for KASME (TS 33.401 A.2).
pub const FC_KASME: u8 = 0x10;
/// FC for KeNB (TS 33.401 A.3).
pub const FC_KENB: u8 = 0x11;
/// FC for algorithm keys (TS 33.401 A.7).
pub const FC_ALGORITHM_KEY: u8 = 0x15;

/// Builds the KDF input S = FC || P0 || L0 || P1 || L1 ... with 2-byte
/// big-endian lengths (TS 33.220 B.2.0).
pub fn kdf_input(fc: u8, params: &[&[u8]]) -> Result<Vec<u8>, CryptoError> {
    let mut s = Vec::with_capacity(1 + params.iter().map(|p| p.len() + 2).sum::<usize>());
    s.push(fc);
    for p in params {
        let len = u16::try_from(p.len()).map_err(|_| CryptoError::KdfParamTooLong(p.len()))?;
        s.extend_from_slice(p);
        s.extend_from_slice(&len.to_be_bytes());
    }
    Ok(s)
}

/// HMAC-SHA-256(key, S): the 256-bit KDF output for a prepared input S.
pub fn kdf_raw(key: &[u8], s: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length (RFC 2104 2), so this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(s);
    mac.finalize().into_bytes().into()
}

/// KDF(key, FC, P0, P1, ...) = HMAC-SHA-256(key, S) (TS 33.220 B.2).
pub fn kdf(key: &[u8], fc: u8, params: &[&[u8]]) -> Result<[u8; 32], CryptoError> {
    Ok(kdf_raw(key, &kdf_input(fc, params)?))
}

/// The KDF for parameters whose sizes are fixed by the caller (all tiny).
fn kdf_fixed(key: &[u8], fc: u8, params: &[&[u8]]) -> [u8; 32] {
    kdf(key, fc, params).unwrap_or_else(|_| unreachable!("fixed-size KDF parameters"))
}

/// Serving network identity: the PLMN identity as 3 BCD bytes
/// (TS 33.401 A.2, coded as in TS 24.008 10.5.1.13; MCC 001 / MNC 01 is 00 f1 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SnId([u8; 3]);

impl SnId {
    /// Encodes MCC (3 digits) and MNC (2 or 3 digits).
    pub fn from_plmn(mcc: &str, mnc: &str) -> Result<Self, CryptoError> {
        Plmn::new(mcc, mnc)
            .map(|p| Self::from(&p))
            .map_err(|_| CryptoError::InvalidPlmn(format!("{mcc}/{mnc}")))
    }

    /// Wraps already-encoded bytes.
    pub const fn new(bytes: [u8; 3]) -> Self {
        Self(bytes)
    }

    /// The 3 encoded bytes.
    pub const fn as_bytes(&self) -> &[u8; 3] {
        &self.0
    }
}

impl From<&Plmn> for SnId {
    /// The serving network's PLMN identity, its three octets as they are.
    fn from(p: &Plmn) -> Self {
        Self(p.to_bytes())
    }
}

/// KASME = KDF(CK || IK, 0x10, SN id, SQN xor AK) (TS 33.401 A.2).
pub fn kasme(ck: &Ck, ik: &Ik, sn_id: &SnId, sqn_xor_ak: &[u8; 6]) -> Kasme {
    let mut key = [0u8; 32];
    key[..16].copy_from_slice(ck.as_bytes());
    key[16..].copy_from_slice(ik.as_bytes());
    Kasme::new(kdf_fixed(&key, FC_KASME, &[sn_id.as_bytes(), sqn_xor_ak]))
}

/// KeNB = KDF(KASME, 0x11, uplink NAS COUNT) (TS 33.401 A.3).
pub fn kenb(kasme: &Kasme, uplink_nas_count: u32) -> KeNb {
    KeNb::new(kdf_fixed(
        kasme.as_bytes(),
        FC_KENB,
        &[&uplink_nas_count.to_be_bytes()],
    ))
}

/// Algorithm type distinguisher (TS 33.401 A.7, table A.7-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyUsage {
    /// NAS-enc-alg, 0x01.
    NasEnc = 0x01,
    /// NAS-int-alg, 0x02.
    NasInt = 0x02,
    /// RRC-enc-alg, 0x03.
    RrcEnc = 0x03,
    /// RRC-int-alg, 0x04.
    RrcInt = 0x04,
    /// UP-enc-alg, 0x05.
    UpEnc = 0x05,
    /// UP-int-alg, 0x06.
    UpInt = 0x06,
}

impl KeyUsage {
    /// The distinguisher value.
    pub const fn value(self) -> u8 {
        self as u8
    }
}

/// The full 256-bit output for an algorithm key:
/// KDF(parent, 0x15, distinguisher, algorithm identity) (TS 33.401 A.7).
/// The parent is KASME for NAS keys and KeNB for RRC and UP keys.
pub fn algorithm_key_256(parent: &[u8; 32], usage: KeyUsage, algorithm_id: u8) -> [u8; 32] {
    kdf_fixed(
        parent,
        FC_ALGORITHM_KEY,
        &[&[usage.value()], &[algorithm_id]],
    )
}

/// A 128-bit algorithm key: the 128 least significant bits of
/// [`algorithm_key_256`] (TS 33.401 A.7).
pub fn algorithm_key(parent: &[u8; 32], usage: KeyUsage, algorithm_id: u8) -> Key128 {
    let full = algorithm_key_256(parent, usage, algorithm_id);
    let mut k = [0u8; 16];
    k.copy_from_slice(&full[16..]);
    Key128::new(k)
}

/// KNASenc for the chosen ciphering algorithm.
pub fn knas_enc(kasme: &Kasme, alg: NasCiphering) -> Key128 {
    algorithm_key(kasme.as_bytes(), KeyUsage::NasEnc, alg.id())
}

/// KNASint for the chosen integrity algorithm.
pub fn knas_int(kasme: &Kasme, alg: NasIntegrity) -> Key128 {
    algorithm_key(kasme.as_bytes(), KeyUsage::NasInt, alg.id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sn_id_encodes_two_digit_mnc() {
        assert_eq!(
            SnId::from_plmn("001", "01").unwrap().as_bytes(),
            &[0x00, 0xf1, 0x10]
        );
    }

    #[test]
    fn sn_id_encodes_three_digit_mnc() {
        // MCC 310, MNC 410 -> 13 00 14 (TS 24.008 10.5.1.13 digit order).
        assert_eq!(
            SnId::from_plmn("310", "410").unwrap().as_bytes(),
            &[0x13, 0x00, 0x14]
        );
    }

    #[test]
    fn sn_id_rejects_bad_digits() {
        assert!(SnId::from_plmn("01", "01").is_err());
        assert!(SnId::from_plmn("001", "1").is_err());
        assert!(SnId::from_plmn("00a", "01").is_err());
        assert!(SnId::from_plmn("001", "0123").is_err());
    }

    #[test]
    fn kdf_input_appends_two_byte_lengths() {
        assert_eq!(
            kdf_input(0x15, &[&[0x02], &[0x01]]).unwrap(),
            vec![0x15, 0x02, 0x00, 0x01, 0x01, 0x00, 0x01]
        );
    }

    #[test]
    fn kdf_input_rejects_oversized_param() {
        let big = vec![0u8; 65536];
        assert_eq!(
            kdf_input(0x10, &[&big]),
            Err(CryptoError::KdfParamTooLong(65536))
        );
    }
}
