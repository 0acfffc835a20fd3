//! HTTP Digest AKA, AKAv1-MD5 (RFC 3310) over the RFC 2617 digest:
//!
//! - the nonce is base64(RAND || AUTN || server data) (RFC 3310 3.2);
//! - the password is RES used as raw octets, not its hex spelling
//!   (RFC 3310 3.4);
//! - HA1 = MD5(username ":" realm ":" password), HA2 = MD5(method ":" uri)
//!   for qop=auth (MD5(method ":" uri ":" MD5(body)) for auth-int), and the
//!   response = MD5(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2), or
//!   MD5(HA1 ":" nonce ":" HA2) without qop (RFC 2617 3.2.2);
//! - a UE that finds SQN out of range sends AUTS in the `auts` parameter,
//!   base64 (RFC 3310 3.4).

use super::{Autn, Auts, Rand, Res};
use crate::codec::hex;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use md5::{Digest, Md5};
use std::fmt;

/// The nonce of an AKA challenge (RFC 3310 3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AkaNonce {
    /// RAND, 16 bytes.
    pub rand: Rand,
    /// AUTN, 16 bytes.
    pub autn: Autn,
    /// Optional server-specific data after AUTN.
    pub server_data: Vec<u8>,
}

/// Why a nonce or AUTS could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AkaDigestError {
    /// Not valid base64.
    Base64(String),
    /// Decoded to too few (or, for AUTS, the wrong number of) bytes.
    Length {
        /// Bytes needed.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
}

impl fmt::Display for AkaDigestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Base64(e) => write!(f, "not base64: {e}"),
            Self::Length { expected, found } => {
                write!(f, "expected {expected} bytes, found {found}")
            }
        }
    }
}

impl std::error::Error for AkaDigestError {}

fn b64decode(text: &str) -> Result<Vec<u8>, AkaDigestError> {
    STANDARD
        .decode(text.trim())
        .map_err(|e| AkaDigestError::Base64(e.to_string()))
}

impl AkaNonce {
    /// A nonce without server data.
    pub fn new(rand: Rand, autn: Autn) -> Self {
        Self {
            rand,
            autn,
            server_data: Vec::new(),
        }
    }

    /// The raw nonce bytes: RAND || AUTN || server data.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(32 + self.server_data.len());
        v.extend_from_slice(self.rand.as_bytes());
        v.extend_from_slice(self.autn.as_bytes());
        v.extend_from_slice(&self.server_data);
        v
    }

    /// The `nonce` parameter value: base64 of [`AkaNonce::to_bytes`].
    pub fn encode(&self) -> String {
        STANDARD.encode(self.to_bytes())
    }

    /// Reads a `nonce` parameter value.
    pub fn decode(text: &str) -> Result<Self, AkaDigestError> {
        let raw = b64decode(text)?;
        if raw.len() < 32 {
            return Err(AkaDigestError::Length {
                expected: 32,
                found: raw.len(),
            });
        }
        let mut rand = [0u8; 16];
        let mut autn = [0u8; 16];
        rand.copy_from_slice(&raw[..16]);
        autn.copy_from_slice(&raw[16..32]);
        Ok(Self {
            rand: Rand::new(rand),
            autn: Autn::new(autn),
            server_data: raw[32..].to_vec(),
        })
    }
}

/// The `auts` parameter value: base64(AUTS) (RFC 3310 3.4).
pub fn encode_auts(auts: &Auts) -> String {
    STANDARD.encode(auts.as_bytes())
}

/// Reads an `auts` parameter value.
pub fn decode_auts(text: &str) -> Result<Auts, AkaDigestError> {
    let raw = b64decode(text)?;
    let arr: [u8; 14] = raw
        .as_slice()
        .try_into()
        .map_err(|_| AkaDigestError::Length {
            expected: 14,
            found: raw.len(),
        })?;
    Ok(Auts::new(arr))
}

fn md5_hex(parts: &[&[u8]]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    hex(&h.finalize())
}

/// The HA1 input `username ":" realm ":" password` as bytes.
pub fn ha1_input(username: &str, realm: &str, password: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(username.len() + realm.len() + password.len() + 2);
    v.extend_from_slice(username.as_bytes());
    v.push(b':');
    v.extend_from_slice(realm.as_bytes());
    v.push(b':');
    v.extend_from_slice(password);
    v
}

/// HA1 = MD5(username ":" realm ":" password), lowercase hex (RFC 2617
/// 3.2.2.2). For AKAv1-MD5 `password` is RES as raw octets.
pub fn ha1(username: &str, realm: &str, password: &[u8]) -> String {
    md5_hex(&[&ha1_input(username, realm, password)])
}

/// HA2 for qop=auth or no qop: MD5(method ":" uri) (RFC 2617 3.2.2.3).
pub fn ha2(method: &str, uri: &str) -> String {
    md5_hex(&[method.as_bytes(), b":", uri.as_bytes()])
}

/// HA2 for qop=auth-int: MD5(method ":" uri ":" MD5(body)).
pub fn ha2_auth_int(method: &str, uri: &str, body: &[u8]) -> String {
    let hbody = md5_hex(&[body]);
    md5_hex(&[
        method.as_bytes(),
        b":",
        uri.as_bytes(),
        b":",
        hbody.as_bytes(),
    ])
}

/// The request-digest from HA1 and HA2 (RFC 2617 3.2.2.1). With `qop`
/// the value is MD5(HA1:nonce:nc:cnonce:qop:HA2); without it (RFC 2069
/// compatibility) MD5(HA1:nonce:HA2).
pub fn response(ha1: &str, nonce: &str, qop: Option<(&str, &str, &str)>, ha2: &str) -> String {
    match qop {
        Some((nc, cnonce, qop)) => md5_hex(&[
            ha1.as_bytes(),
            b":",
            nonce.as_bytes(),
            b":",
            nc.as_bytes(),
            b":",
            cnonce.as_bytes(),
            b":",
            qop.as_bytes(),
            b":",
            ha2.as_bytes(),
        ]),
        None => md5_hex(&[ha1.as_bytes(), b":", nonce.as_bytes(), b":", ha2.as_bytes()]),
    }
}

/// Everything needed to compute or check one AKAv1-MD5 response.
#[derive(Debug, Clone)]
pub struct DigestInput<'a> {
    /// `username` (the IMPI).
    pub username: &'a str,
    /// `realm`.
    pub realm: &'a str,
    /// The password: RES (or XRES on the network side) as raw octets.
    pub password: &'a [u8],
    /// Request method, e.g. `REGISTER`.
    pub method: &'a str,
    /// `uri` parameter (the Request-URI).
    pub uri: &'a str,
    /// `nonce` parameter as sent (base64 text).
    pub nonce: &'a str,
    /// (nc, cnonce, qop) when qop is used; `None` for no qop.
    pub qop: Option<(&'a str, &'a str, &'a str)>,
}

impl DigestInput<'_> {
    /// The `response` value (qop=auth or none).
    pub fn response(&self) -> String {
        let h1 = ha1(self.username, self.realm, self.password);
        let h2 = ha2(self.method, self.uri);
        response(&h1, self.nonce, self.qop, &h2)
    }

    /// True when `got` equals the expected response (case-insensitive hex).
    pub fn verify(&self, got: &str) -> bool {
        self.response().eq_ignore_ascii_case(got)
    }
}

/// RES as the digest password (a convenience for 8-byte Milenage RES).
pub fn password_from_res(res: &Res) -> &[u8] {
    res.as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonce_round_trips_with_server_data() {
        let n = AkaNonce {
            rand: Rand::new([1; 16]),
            autn: Autn::new([2; 16]),
            server_data: vec![9, 9],
        };
        let text = n.encode();
        assert_eq!(AkaNonce::decode(&text).unwrap(), n);
        assert_eq!(
            AkaNonce::decode("AAAA").unwrap_err(),
            AkaDigestError::Length {
                expected: 32,
                found: 3
            }
        );
        assert!(matches!(
            AkaNonce::decode("***"),
            Err(AkaDigestError::Base64(_))
        ));
    }

    #[test]
    fn auts_round_trips() {
        let a = Auts::new([7; 14]);
        assert_eq!(decode_auts(&encode_auts(&a)).unwrap(), a);
        assert!(decode_auts("AAAA").is_err());
    }

    #[test]
    fn rfc2617_example_response_matches() {
        // RFC 2617 3.5: Mufasa / "Circle Of Life".
        let h1 = ha1("Mufasa", "testrealm@host.com", b"Circle Of Life");
        let h2 = ha2("GET", "/dir/index.html");
        let r = response(
            &h1,
            "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            Some(("00000001", "0a4f113b", "auth")),
            &h2,
        );
        assert_eq!(r, "6629fae49393a05397450978507c4ef1");
    }
}
