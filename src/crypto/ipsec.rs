//! IMS IPsec: the ESP algorithms of TS 33.203 and their keys from IK/CK.
//!
//! - Integrity (TS 33.203 6.3, RFC 2404/2403): HMAC-SHA-1-96 (the default)
//!   and HMAC-MD5-96, both with a 96-bit ICV.
//! - Confidentiality (TS 33.203 6.3, RFC 3602): NULL (the default) and
//!   AES-CBC with a 128-bit key. DES-EDE3-CBC is recognised and its key is
//!   derived, but packets cannot be protected with it here
//!   ([`EspError::Unsupported`]).
//! - Keys (TS 33.203 Annex I): IK_ESP = IK for HMAC-MD5-96 and IK || 0^32
//!   for HMAC-SHA-1-96; CK_ESP = CK for AES-CBC and CK1 || CK2 || CK1 for
//!   DES-EDE3-CBC (CK = CK1 || CK2, parity bits left as they are).
//!
//! Key material prints as `<redacted>` in `Debug`.

use super::{Ck, Ik};
use crate::codec::hex;
use aes::Aes128;
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use hmac::{Hmac, KeyInit, Mac};
use md5::Md5;
use sha1::Sha1;
use std::fmt;

/// Length of the ICV of both integrity algorithms: 96 bits (RFC 2403, RFC 2404).
pub const ICV_LEN: usize = 12;
/// AES block size, also the length of the AES-CBC IV (RFC 3602 3).
pub const AES_BLOCK: usize = 16;

/// Why a packet could not be protected or accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EspError {
    /// The packet is not a well-formed IP (or ESP) packet.
    Malformed(String),
    /// No inbound SA has this SPI.
    UnknownSpi(u32),
    /// The ICV does not match (RFC 4303 3.4.4.1).
    BadIcv {
        /// SPI of the SA.
        spi: u32,
        /// Sequence number in the packet.
        seq: u32,
    },
    /// The sequence number was already received or is left of the window
    /// (RFC 4303 3.4.3).
    Replay {
        /// SPI of the SA.
        spi: u32,
        /// Sequence number in the packet.
        seq: u32,
    },
    /// Padding, pad length or block alignment is wrong (RFC 4303 2.4, 2.5).
    BadPadding {
        /// SPI of the SA.
        spi: u32,
    },
    /// The outbound sequence number would cycle (RFC 4303 3.3.3: no ESN).
    SequenceExhausted(u32),
    /// The algorithm is known but not implemented.
    Unsupported(&'static str),
}

impl fmt::Display for EspError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(w) => write!(f, "malformed packet: {w}"),
            Self::UnknownSpi(spi) => write!(f, "no SA with SPI {spi}"),
            Self::BadIcv { spi, seq } => write!(f, "ICV check failed (SPI {spi}, seq {seq})"),
            Self::Replay { spi, seq } => write!(f, "replayed sequence number {seq} (SPI {spi})"),
            Self::BadPadding { spi } => write!(f, "bad padding (SPI {spi})"),
            Self::SequenceExhausted(spi) => {
                write!(f, "sequence number space exhausted on SPI {spi}")
            }
            Self::Unsupported(alg) => write!(f, "{alg} is not supported"),
        }
    }
}

impl std::error::Error for EspError {}

/// ESP integrity algorithm (TS 33.203 6.3; `alg` in Security-Client, RFC 3329).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IntegrityAlg {
    /// HMAC-SHA-1-96 (RFC 2404), `hmac-sha-1-96`.
    #[default]
    HmacSha1_96,
    /// HMAC-MD5-96 (RFC 2403), `hmac-md5-96`.
    HmacMd5_96,
}

impl IntegrityAlg {
    /// The name in a Security-Client/Server header.
    pub const fn sip_name(self) -> &'static str {
        match self {
            Self::HmacSha1_96 => "hmac-sha-1-96",
            Self::HmacMd5_96 => "hmac-md5-96",
        }
    }

    /// Parses the `alg` parameter (case-insensitive).
    pub fn from_sip_name(name: &str) -> Option<Self> {
        [Self::HmacSha1_96, Self::HmacMd5_96]
            .into_iter()
            .find(|a| a.sip_name().eq_ignore_ascii_case(name.trim()))
    }

    /// Length of IK_ESP in bytes (TS 33.203 Annex I).
    pub const fn key_len(self) -> usize {
        match self {
            Self::HmacSha1_96 => 20,
            Self::HmacMd5_96 => 16,
        }
    }

    /// The name Wireshark's `esp_sa` table uses.
    pub const fn wireshark_name(self) -> &'static str {
        match self {
            Self::HmacSha1_96 => "HMAC-SHA-1-96 [RFC2404]",
            Self::HmacMd5_96 => "HMAC-MD5-96 [RFC2403]",
        }
    }
}

impl fmt::Display for IntegrityAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sip_name())
    }
}

/// ESP encryption algorithm (TS 33.203 6.3; `ealg` in Security-Client).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EncryptionAlg {
    /// NULL encryption (RFC 2410), `null`.
    #[default]
    Null,
    /// AES-CBC with a 128-bit key (RFC 3602), `aes-cbc`.
    AesCbc128,
    /// DES-EDE3-CBC (RFC 2451), `des-ede3-cbc`: keys derive, packets do not.
    DesEde3Cbc,
}

impl EncryptionAlg {
    /// The name in a Security-Client/Server header.
    pub const fn sip_name(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::AesCbc128 => "aes-cbc",
            Self::DesEde3Cbc => "des-ede3-cbc",
        }
    }

    /// Parses the `ealg` parameter (case-insensitive).
    pub fn from_sip_name(name: &str) -> Option<Self> {
        [Self::Null, Self::AesCbc128, Self::DesEde3Cbc]
            .into_iter()
            .find(|a| a.sip_name().eq_ignore_ascii_case(name.trim()))
    }

    /// Length of CK_ESP in bytes (TS 33.203 Annex I).
    pub const fn key_len(self) -> usize {
        match self {
            Self::Null => 0,
            Self::AesCbc128 => 16,
            Self::DesEde3Cbc => 24,
        }
    }

    /// Length of the IV carried in each packet.
    pub const fn iv_len(self) -> usize {
        match self {
            Self::Null => 0,
            Self::AesCbc128 => AES_BLOCK,
            Self::DesEde3Cbc => 8,
        }
    }

    /// Alignment of payload || padding || pad length || next header: the
    /// cipher block size, at least 4 (RFC 4303 2.4).
    pub const fn block_len(self) -> usize {
        match self {
            Self::Null => 4,
            Self::AesCbc128 => AES_BLOCK,
            Self::DesEde3Cbc => 8,
        }
    }

    /// The name Wireshark's `esp_sa` table uses.
    pub const fn wireshark_name(self) -> &'static str {
        match self {
            Self::Null => "NULL",
            Self::AesCbc128 => "AES-CBC [RFC3602]",
            Self::DesEde3Cbc => "TripleDES-CBC [RFC2451]",
        }
    }

    /// `Err(Unsupported)` for algorithms whose packets we cannot process.
    pub const fn check_supported(self) -> Result<(), EspError> {
        match self {
            Self::Null | Self::AesCbc128 => Ok(()),
            Self::DesEde3Cbc => Err(EspError::Unsupported("DES-EDE3-CBC encryption")),
        }
    }
}

impl fmt::Display for EncryptionAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sip_name())
    }
}

/// The algorithms and keys of one ESP SA (TS 33.203 7.1, Annex I).
#[derive(Clone, PartialEq, Eq)]
pub struct EspKeys {
    integrity: IntegrityAlg,
    encryption: EncryptionAlg,
    ik_esp: [u8; 20],
    ck_esp: [u8; 24],
}

impl fmt::Debug for EspKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "EspKeys({}, {}, <redacted>)",
            self.integrity, self.encryption
        )
    }
}

impl EspKeys {
    /// Derives IK_ESP and CK_ESP from the AKA keys (TS 33.203 Annex I).
    pub fn derive(ik: &Ik, ck: &Ck, integrity: IntegrityAlg, encryption: EncryptionAlg) -> Self {
        let ik = ik.as_bytes();
        let ck = ck.as_bytes();
        let mut ik_esp = [0u8; 20];
        // HMAC-SHA-1-96: IK || 32 zero bits; HMAC-MD5-96: IK (the rest unused).
        ik_esp[..16].copy_from_slice(ik);
        let mut ck_esp = [0u8; 24];
        match encryption {
            EncryptionAlg::Null => {}
            EncryptionAlg::AesCbc128 => ck_esp[..16].copy_from_slice(ck),
            EncryptionAlg::DesEde3Cbc => {
                // CK1 || CK2 || CK1 with CK = CK1 || CK2.
                ck_esp[..16].copy_from_slice(ck);
                ck_esp[16..].copy_from_slice(&ck[..8]);
            }
        }
        Self {
            integrity,
            encryption,
            ik_esp,
            ck_esp,
        }
    }

    /// Keys given directly (e.g. from another implementation's SA); `None`
    /// if a key length does not match its algorithm.
    pub fn from_raw(
        integrity: IntegrityAlg,
        ik_esp: &[u8],
        encryption: EncryptionAlg,
        ck_esp: &[u8],
    ) -> Option<Self> {
        if ik_esp.len() != integrity.key_len() || ck_esp.len() != encryption.key_len() {
            return None;
        }
        let mut k = Self {
            integrity,
            encryption,
            ik_esp: [0; 20],
            ck_esp: [0; 24],
        };
        k.ik_esp[..ik_esp.len()].copy_from_slice(ik_esp);
        k.ck_esp[..ck_esp.len()].copy_from_slice(ck_esp);
        Some(k)
    }

    /// The integrity algorithm.
    pub const fn integrity(&self) -> IntegrityAlg {
        self.integrity
    }

    /// The encryption algorithm.
    pub const fn encryption(&self) -> EncryptionAlg {
        self.encryption
    }

    /// IK_ESP, the integrity key (16 or 20 bytes). Secret.
    pub fn integrity_key(&self) -> &[u8] {
        &self.ik_esp[..self.integrity.key_len()]
    }

    /// CK_ESP, the encryption key (empty for NULL). Secret.
    pub fn encryption_key(&self) -> &[u8] {
        &self.ck_esp[..self.encryption.key_len()]
    }

    /// The 96-bit ICV over `parts` concatenated (RFC 2404 / RFC 2403).
    pub fn icv(&self, parts: &[&[u8]]) -> [u8; ICV_LEN] {
        let full = match self.integrity {
            IntegrityAlg::HmacSha1_96 => mac::<Hmac<Sha1>>(self.integrity_key(), parts),
            IntegrityAlg::HmacMd5_96 => mac::<Hmac<Md5>>(self.integrity_key(), parts),
        };
        let mut out = [0u8; ICV_LEN];
        if let Some(head) = full.get(..ICV_LEN) {
            out.copy_from_slice(head);
        }
        out
    }

    /// Checks `icv` against the ICV over `parts` in constant time.
    pub fn verify_icv(&self, parts: &[&[u8]], icv: &[u8]) -> bool {
        match self.integrity {
            IntegrityAlg::HmacSha1_96 => verify::<Hmac<Sha1>>(self.integrity_key(), parts, icv),
            IntegrityAlg::HmacMd5_96 => verify::<Hmac<Md5>>(self.integrity_key(), parts, icv),
        }
    }

    /// Encrypts `buf` in place with `iv` (AES-CBC without padding: the caller
    /// pads to the block size, RFC 3602 2.4). NULL leaves `buf` as is.
    pub fn encrypt(&self, iv: &[u8], buf: &mut [u8]) -> Result<(), EspError> {
        match self.encryption {
            EncryptionAlg::Null => Ok(()),
            EncryptionAlg::AesCbc128 => {
                let mut enc = cbc::Encryptor::<Aes128>::new_from_slices(self.encryption_key(), iv)
                    .map_err(|_| EspError::Malformed("AES-CBC IV of wrong length".into()))?;
                for block in buf.chunks_exact_mut(AES_BLOCK) {
                    let block = block
                        .try_into()
                        .map_err(|_| EspError::Malformed("partial AES block".into()))?;
                    enc.encrypt_block(block);
                }
                Ok(())
            }
            EncryptionAlg::DesEde3Cbc => self.encryption.check_supported(),
        }
    }

    /// Decrypts `buf` in place (a whole number of blocks) with `iv`.
    pub fn decrypt(&self, iv: &[u8], buf: &mut [u8]) -> Result<(), EspError> {
        match self.encryption {
            EncryptionAlg::Null => Ok(()),
            EncryptionAlg::AesCbc128 => {
                let mut dec = cbc::Decryptor::<Aes128>::new_from_slices(self.encryption_key(), iv)
                    .map_err(|_| EspError::Malformed("AES-CBC IV of wrong length".into()))?;
                for block in buf.chunks_exact_mut(AES_BLOCK) {
                    let block = block
                        .try_into()
                        .map_err(|_| EspError::Malformed("partial AES block".into()))?;
                    dec.decrypt_block(block);
                }
                Ok(())
            }
            EncryptionAlg::DesEde3Cbc => self.encryption.check_supported(),
        }
    }

    /// One line of Wireshark's `esp_sa` table for an SA with `spi` from
    /// `src` to `dst` (see [`esp_sa_line`]).
    pub fn esp_sa_line(&self, src: std::net::IpAddr, dst: std::net::IpAddr, spi: u32) -> String {
        esp_sa_line(src, dst, spi, self)
    }
}

fn mac<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    // HMAC takes keys of any length, so this never fails.
    let Ok(mut m) = <M as KeyInit>::new_from_slice(key) else {
        return Vec::new();
    };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().to_vec()
}

fn verify<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]], icv: &[u8]) -> bool {
    if icv.len() != ICV_LEN {
        return false;
    }
    let Ok(mut m) = <M as KeyInit>::new_from_slice(key) else {
        return false;
    };
    for p in parts {
        m.update(p);
    }
    // Constant-time comparison of the leftmost 96 bits.
    m.verify_truncated_left(icv).is_ok()
}

/// One record of Wireshark's `esp_sa` UAT ("ESP SAs" in the ESP protocol
/// preferences): protocol, source, destination, SPI, encryption algorithm and
/// key, authentication algorithm and key, each a quoted string, keys as
/// `0x` hex. The same text works as a line of the `esp_sa` file in a
/// Wireshark profile and as the value of `tshark -o "uat:esp_sa:<line>"`
/// (with `-o esp.enable_encryption_decode:TRUE`).
pub fn esp_sa_line(
    src: std::net::IpAddr,
    dst: std::net::IpAddr,
    spi: u32,
    keys: &EspKeys,
) -> String {
    let proto = if src.is_ipv4() { "IPv4" } else { "IPv6" };
    let key = |k: &[u8]| {
        if k.is_empty() {
            String::new()
        } else {
            format!("0x{}", hex(k))
        }
    };
    format!(
        "\"{proto}\",\"{src}\",\"{dst}\",\"0x{spi:08x}\",\"{}\",\"{}\",\"{}\",\"{}\"",
        keys.encryption.wireshark_name(),
        key(keys.encryption_key()),
        keys.integrity.wireshark_name(),
        key(keys.integrity_key()),
    )
}

/// The text of a Wireshark `esp_sa` file holding `lines` (each from
/// [`esp_sa_line`]), for captures whose ESP is encrypted.
///
/// Wireshark reads it as the "ESP SAs" table of the ESP preferences when it
/// sits in the configuration (or profile) directory, e.g.
/// `WIRESHARK_CONFIG_DIR=<dir>` with `<dir>/esp_sa`, or
/// `~/.config/wireshark/esp_sa`; decryption also needs the preference
/// `esp.enable_encryption_decode: TRUE` (and `esp.enable_authentication_check:
/// TRUE` to check ICVs). Without a file, tshark 4.0 takes the same lines one
/// by one as `-o "uat:esp_sa:<line>"`.
pub fn esp_sa_file<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::from("# ESP SAs (Wireshark UAT esp_sa)\n");
    for l in lines {
        out.push_str(l.as_ref());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ik() -> Ik {
        Ik::from_hex("f769bcd751044604127672711c6d3441").unwrap()
    }
    fn ck() -> Ck {
        Ck::from_hex("b40ba9a3c58b2a05bbf0d987b21bf8cb").unwrap()
    }

    #[test]
    fn keys_derive_sha1_with_zero_tail() {
        let k = EspKeys::derive(&ik(), &ck(), IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
        assert_eq!(
            hex(k.integrity_key()),
            "f769bcd751044604127672711c6d344100000000"
        );
        assert!(k.encryption_key().is_empty());
    }

    #[test]
    fn keys_derive_des_as_ck1_ck2_ck1() {
        let k = EspKeys::derive(
            &ik(),
            &ck(),
            IntegrityAlg::HmacMd5_96,
            EncryptionAlg::DesEde3Cbc,
        );
        assert_eq!(hex(k.integrity_key()), "f769bcd751044604127672711c6d3441");
        assert_eq!(
            hex(k.encryption_key()),
            "b40ba9a3c58b2a05bbf0d987b21bf8cbb40ba9a3c58b2a05"
        );
        assert_eq!(
            k.encrypt(&[0; 8], &mut [0; 8]),
            Err(EspError::Unsupported("DES-EDE3-CBC encryption"))
        );
    }

    #[test]
    fn icv_matches_rfc2202_and_rfc2104_vectors() {
        // RFC 2202 test case 2 (HMAC-SHA-1, key "Jefe"), truncated to 96 bits.
        let sha = mac::<Hmac<Sha1>>(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(hex(&sha[..12]), "effcdf6ae5eb2fa2d27416d5");
        // RFC 2104 / RFC 2202 test case 2 for HMAC-MD5.
        let md5 = mac::<Hmac<Md5>>(b"Jefe", &[b"what do ya want for nothing?"]);
        assert_eq!(hex(&md5), "750c783e6ab0b503eaa86e310a5db738");
    }

    #[test]
    fn icv_verify_rejects_flipped_bit_and_wrong_length() {
        let k = EspKeys::derive(&ik(), &ck(), IntegrityAlg::HmacMd5_96, EncryptionAlg::Null);
        let icv = k.icv(&[b"abc", b"def"]);
        assert!(k.verify_icv(&[b"abcdef"], &icv));
        let mut bad = icv;
        bad[11] ^= 1;
        assert!(!k.verify_icv(&[b"abcdef"], &bad));
        assert!(!k.verify_icv(&[b"abcdef"], &icv[..11]));
    }

    #[test]
    fn aes_cbc_matches_rfc3602_case_2() {
        // RFC 3602 4, Case #2: two blocks.
        let key = crate::codec::parse_hex("c286696d887c9aa0611bbb3e2025a45a").unwrap();
        let iv = crate::codec::parse_hex("562e17996d093d28ddb3ba695a2e6f58").unwrap();
        let pt = crate::codec::parse_hex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        )
        .unwrap();
        let k = EspKeys::from_raw(
            IntegrityAlg::HmacSha1_96,
            &[0; 20],
            EncryptionAlg::AesCbc128,
            &key,
        )
        .unwrap();
        let mut buf = pt.clone();
        k.encrypt(&iv, &mut buf).unwrap();
        assert_eq!(
            hex(&buf),
            "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1"
        );
        k.decrypt(&iv, &mut buf).unwrap();
        assert_eq!(buf, pt);
    }

    #[test]
    fn alg_names_parse_case_insensitively() {
        assert_eq!(
            IntegrityAlg::from_sip_name("HMAC-SHA-1-96"),
            Some(IntegrityAlg::HmacSha1_96)
        );
        assert_eq!(
            EncryptionAlg::from_sip_name("aes-cbc"),
            Some(EncryptionAlg::AesCbc128)
        );
        assert_eq!(EncryptionAlg::from_sip_name("rc4"), None);
    }

    #[test]
    fn esp_sa_line_quotes_every_field() {
        let k = EspKeys::derive(
            &ik(),
            &ck(),
            IntegrityAlg::HmacSha1_96,
            EncryptionAlg::AesCbc128,
        );
        let line = k.esp_sa_line(
            "10.46.0.2".parse().unwrap(),
            "10.46.0.1".parse().unwrap(),
            0x1234,
        );
        assert_eq!(
            line,
            "\"IPv4\",\"10.46.0.2\",\"10.46.0.1\",\"0x00001234\",\"AES-CBC [RFC3602]\",\
             \"0xb40ba9a3c58b2a05bbf0d987b21bf8cb\",\"HMAC-SHA-1-96 [RFC2404]\",\
             \"0xf769bcd751044604127672711c6d344100000000\""
        );
    }
}
