//! WWW-Authenticate / Proxy-Authenticate challenges and Authorization /
//! Proxy-Authorization credentials (RFC 3261 20.7, 20.44, 22.4; RFC 2617 3.2)
//! with the AKA additions: `algorithm=AKAv1-MD5` and `auts` (RFC 3310 3.1,
//! 3.4), `integrity-protected` (TS 24.229 7.2A.1) and the `ik`/`ck`
//! parameters the S-CSCF adds for the P-CSCF, which removes them before the
//! 401 reaches the UE (TS 24.229 5.2.2.1 / 5.4.1.2.1).

use super::text::{is_token, quote, split_list, trim_lws, unquote};
use super::uri::Param;
use crate::codec::parse_hex;
use std::fmt;

/// Parses `Scheme name=value, name="value", ...` into the scheme and the
/// raw parameters (values as written).
fn parse_scheme_params(s: &str) -> Result<(String, Vec<Param>), String> {
    let s = trim_lws(s);
    let (scheme, rest) = match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], trim_lws(&s[i..])),
        None => (s, ""),
    };
    if !is_token(scheme) {
        return Err(format!("bad auth scheme '{scheme}'"));
    }
    let mut params = Vec::new();
    for item in split_list(rest) {
        let (name, value) = item
            .split_once('=')
            .ok_or_else(|| format!("auth parameter '{item}' has no value"))?;
        let (name, value) = (trim_lws(name), trim_lws(value));
        if !is_token(name) {
            return Err(format!("bad auth parameter name '{name}'"));
        }
        if unquote(value).is_none() || (!value.starts_with('"') && !is_token(value)) {
            return Err(format!("auth parameter {name}: bad value '{value}'"));
        }
        params.push(Param::new(name, value));
    }
    Ok((scheme.to_string(), params))
}

/// Takes the first parameter called `name` out of `params`, unquoted.
fn take(params: &mut Vec<Param>, name: &str) -> Option<String> {
    let i = params
        .iter()
        .position(|p| p.name.eq_ignore_ascii_case(name))?;
    params.remove(i).text()
}

/// Writes `, name="value"` (or `name="value"` first).
fn put_quoted(out: &mut String, name: &str, value: &Option<String>) {
    if let Some(v) = value {
        put(out, name, &quote(v));
    }
}

fn put(out: &mut String, name: &str, raw: &str) {
    if !out.ends_with(' ') {
        out.push_str(", ");
    }
    out.push_str(name);
    out.push('=');
    out.push_str(raw);
}

/// A 128-bit key carried as 32 hex digits (the `ik` and `ck` parameters).
fn key_bytes(v: &Option<String>) -> Option<[u8; 16]> {
    parse_hex(v.as_deref()?).ok()?.try_into().ok()
}

/// A Digest challenge (RFC 2617 3.2.1, RFC 3310 3.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DigestChallenge {
    /// `realm` (mandatory).
    pub realm: String,
    /// `nonce` (mandatory): base64(RAND || AUTN) for AKA.
    pub nonce: String,
    /// `algorithm`, e.g. `AKAv1-MD5` (MD5 when absent).
    pub algorithm: Option<String>,
    /// `qop` options, e.g. `["auth"]` (written as one quoted list).
    pub qop: Vec<String>,
    /// `opaque`.
    pub opaque: Option<String>,
    /// `stale`.
    pub stale: Option<bool>,
    /// `domain`.
    pub domain: Option<String>,
    /// `ik`: IK in hex, on Mw only (S-CSCF to P-CSCF).
    pub ik: Option<String>,
    /// `ck`: CK in hex, on Mw only.
    pub ck: Option<String>,
    /// Other parameters, as written.
    pub other: Vec<Param>,
}

impl DigestChallenge {
    fn from_params(mut p: Vec<Param>) -> Result<Self, String> {
        let realm = take(&mut p, "realm").ok_or("missing realm")?;
        let nonce = take(&mut p, "nonce").ok_or("missing nonce")?;
        let stale = match take(&mut p, "stale") {
            None => None,
            Some(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Some(s) if s.eq_ignore_ascii_case("false") => Some(false),
            Some(s) => return Err(format!("bad stale '{s}'")),
        };
        Ok(Self {
            realm,
            nonce,
            algorithm: take(&mut p, "algorithm"),
            qop: take(&mut p, "qop")
                .map(|q| split_list(&q).into_iter().map(str::to_string).collect())
                .unwrap_or_default(),
            opaque: take(&mut p, "opaque"),
            stale,
            domain: take(&mut p, "domain"),
            ik: take(&mut p, "ik"),
            ck: take(&mut p, "ck"),
            other: p,
        })
    }

    /// IK from the `ik` parameter, if it holds 16 bytes of hex.
    pub fn ik_bytes(&self) -> Option<[u8; 16]> {
        key_bytes(&self.ik)
    }

    /// CK from the `ck` parameter, if it holds 16 bytes of hex.
    pub fn ck_bytes(&self) -> Option<[u8; 16]> {
        key_bytes(&self.ck)
    }

    /// True for `algorithm=AKAv1-MD5` (RFC 3310).
    pub fn is_aka_v1_md5(&self) -> bool {
        self.algorithm
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("AKAv1-MD5"))
    }

    /// The same challenge without `ik` and `ck`, as the P-CSCF forwards it
    /// to the UE (TS 24.229 5.2.2.1).
    pub fn without_keys(&self) -> Self {
        Self {
            ik: None,
            ck: None,
            ..self.clone()
        }
    }
}

impl fmt::Display for DigestChallenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::from("Digest ");
        put(&mut s, "realm", &quote(&self.realm));
        put(&mut s, "nonce", &quote(&self.nonce));
        if let Some(a) = &self.algorithm {
            put(&mut s, "algorithm", a);
        }
        if !self.qop.is_empty() {
            put(&mut s, "qop", &quote(&self.qop.join(",")));
        }
        put_quoted(&mut s, "opaque", &self.opaque);
        if let Some(st) = self.stale {
            put(&mut s, "stale", if st { "TRUE" } else { "FALSE" });
        }
        put_quoted(&mut s, "domain", &self.domain);
        put_quoted(&mut s, "ik", &self.ik);
        put_quoted(&mut s, "ck", &self.ck);
        for p in &self.other {
            put(&mut s, &p.name, p.value.as_deref().unwrap_or(""));
        }
        f.write_str(&s)
    }
}

/// Digest credentials (RFC 2617 3.2.2, RFC 3310 3.2-3.4, TS 24.229 5.1.1.2).
/// An initial REGISTER carries them with an empty `nonce` and `response`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DigestCredentials {
    /// `username`: the IMPI.
    pub username: String,
    /// `realm`.
    pub realm: String,
    /// `nonce` echoed from the challenge.
    pub nonce: String,
    /// `uri`: the Request-URI.
    pub uri: String,
    /// `response`: 32 hex digits (empty in an initial REGISTER).
    pub response: String,
    /// `algorithm`.
    pub algorithm: Option<String>,
    /// `cnonce`.
    pub cnonce: Option<String>,
    /// `opaque` echoed from the challenge.
    pub opaque: Option<String>,
    /// `qop` chosen (`auth`).
    pub qop: Option<String>,
    /// `nc`: nonce count, 8 hex digits.
    pub nc: Option<String>,
    /// `auts`: base64 AUTS for resynchronisation (RFC 3310 3.4).
    pub auts: Option<String>,
    /// `integrity-protected` (`yes`, `no`, `ip-assoc-pending`, ...).
    pub integrity_protected: Option<String>,
    /// Other parameters, as written.
    pub other: Vec<Param>,
}

impl DigestCredentials {
    fn from_params(mut p: Vec<Param>) -> Result<Self, String> {
        let mut need = |name: &str| take(&mut p, name).ok_or(format!("missing {name}"));
        let username = need("username")?;
        let realm = need("realm")?;
        let nonce = need("nonce")?;
        let uri = need("uri")?;
        let response = need("response")?;
        let c = Self {
            username,
            realm,
            nonce,
            uri,
            response,
            algorithm: take(&mut p, "algorithm"),
            cnonce: take(&mut p, "cnonce"),
            opaque: take(&mut p, "opaque"),
            qop: take(&mut p, "qop"),
            nc: take(&mut p, "nc"),
            auts: take(&mut p, "auts"),
            integrity_protected: take(&mut p, "integrity-protected"),
            other: p,
        };
        if let Some(nc) = &c.nc
            && (nc.len() != 8 || !nc.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(format!("nc '{nc}' is not 8 hex digits"));
        }
        Ok(c)
    }

    /// True for `algorithm=AKAv1-MD5`.
    pub fn is_aka_v1_md5(&self) -> bool {
        self.algorithm
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("AKAv1-MD5"))
    }
}

impl fmt::Display for DigestCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::from("Digest ");
        put(&mut s, "username", &quote(&self.username));
        put(&mut s, "realm", &quote(&self.realm));
        put(&mut s, "nonce", &quote(&self.nonce));
        put(&mut s, "uri", &quote(&self.uri));
        put(&mut s, "response", &quote(&self.response));
        if let Some(a) = &self.algorithm {
            put(&mut s, "algorithm", a);
        }
        put_quoted(&mut s, "cnonce", &self.cnonce);
        put_quoted(&mut s, "opaque", &self.opaque);
        if let Some(q) = &self.qop {
            put(&mut s, "qop", q);
        }
        if let Some(nc) = &self.nc {
            put(&mut s, "nc", nc);
        }
        put_quoted(&mut s, "auts", &self.auts);
        put_quoted(&mut s, "integrity-protected", &self.integrity_protected);
        for p in &self.other {
            put(&mut s, &p.name, p.value.as_deref().unwrap_or(""));
        }
        f.write_str(&s)
    }
}

/// A WWW-Authenticate or Proxy-Authenticate value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Challenge {
    /// `Digest ...`.
    Digest(DigestChallenge),
    /// Another scheme, parameters as written.
    Other {
        /// Scheme name.
        scheme: String,
        /// Its parameters.
        params: Vec<Param>,
    },
}

impl Challenge {
    /// Parses one challenge.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (scheme, params) = parse_scheme_params(s)?;
        if scheme.eq_ignore_ascii_case("Digest") {
            DigestChallenge::from_params(params).map(Self::Digest)
        } else {
            Ok(Self::Other { scheme, params })
        }
    }

    /// The Digest challenge, if it is one.
    pub fn digest(&self) -> Option<&DigestChallenge> {
        match self {
            Self::Digest(d) => Some(d),
            Self::Other { .. } => None,
        }
    }
}

/// An Authorization or Proxy-Authorization value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// `Digest ...` (boxed: it is much larger than the other variant).
    Digest(Box<DigestCredentials>),
    /// Another scheme, parameters as written.
    Other {
        /// Scheme name.
        scheme: String,
        /// Its parameters.
        params: Vec<Param>,
    },
}

impl Credentials {
    /// Parses one credentials value.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (scheme, params) = parse_scheme_params(s)?;
        if scheme.eq_ignore_ascii_case("Digest") {
            DigestCredentials::from_params(params).map(|d| Self::Digest(Box::new(d)))
        } else {
            Ok(Self::Other { scheme, params })
        }
    }

    /// The Digest credentials, if they are.
    pub fn digest(&self) -> Option<&DigestCredentials> {
        match self {
            Self::Digest(d) => Some(d),
            Self::Other { .. } => None,
        }
    }
}

fn fmt_other(f: &mut fmt::Formatter<'_>, scheme: &str, params: &[Param]) -> fmt::Result {
    f.write_str(scheme)?;
    for (i, p) in params.iter().enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        write!(f, "{sep}{}={}", p.name, p.value.as_deref().unwrap_or(""))?;
    }
    Ok(())
}

impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Digest(d) => d.fmt(f),
            Self::Other { scheme, params } => fmt_other(f, scheme, params),
        }
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Digest(d) => d.fmt(f),
            Self::Other { scheme, params } => fmt_other(f, scheme, params),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_reads_aka_params_and_keys() {
        let c = Challenge::parse(
            "Digest realm=\"ims.example\", nonce=\"I1U8vpY3qJ0=\",algorithm=AKAv1-MD5, qop=\"auth,auth-int\", ik=\"00112233445566778899aabbccddeeff\", ck=\"ffeeddccbbaa99887766554433221100\"",
        )
        .unwrap();
        let d = c.digest().unwrap();
        assert_eq!(d.realm, "ims.example");
        assert_eq!(d.nonce, "I1U8vpY3qJ0=");
        assert!(d.is_aka_v1_md5());
        assert_eq!(d.qop, vec!["auth", "auth-int"]);
        assert_eq!(d.ik_bytes().unwrap()[15], 0xff);
        assert_eq!(d.ck_bytes().unwrap()[0], 0xff);
        let stripped = d.without_keys();
        assert!(!stripped.to_string().contains("ik="));
        assert_eq!(Challenge::parse(&c.to_string()).unwrap(), c);
    }

    #[test]
    fn credentials_read_auts_and_require_response() {
        let c = Credentials::parse(
            "Digest username=\"u@ims\", realm=\"ims\", nonce=\"\", uri=\"sip:ims\", response=\"\", auts=\"CjkyMzRfOiwg5CFfJw==\", integrity-protected=\"no\"",
        )
        .unwrap();
        let d = c.digest().unwrap();
        assert_eq!(d.nonce, "");
        assert_eq!(d.auts.as_deref(), Some("CjkyMzRfOiwg5CFfJw=="));
        assert_eq!(d.integrity_protected.as_deref(), Some("no"));
        assert_eq!(Credentials::parse(&c.to_string()).unwrap(), c);
        assert_eq!(
            Credentials::parse("Digest username=\"u\", realm=\"r\", nonce=\"\", uri=\"sip:r\"")
                .unwrap_err(),
            "missing response"
        );
        assert!(Credentials::parse("Digest username").is_err());
        assert!(
            Credentials::parse(
                "Digest username=\"u\", realm=\"r\", nonce=\"\", uri=\"x\", response=\"\", nc=1"
            )
            .unwrap_err()
            .contains("nc")
        );
    }
}
