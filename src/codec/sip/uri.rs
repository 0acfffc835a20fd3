//! SIP, SIPS and tel URIs (RFC 3261 19.1, RFC 3966), their parameters, and
//! the `name-addr` / `addr-spec` forms of From, To, Contact, Route and the
//! other address headers (RFC 3261 20.10, 25.1).

use super::text::{find_unquoted, is_lws, is_token, quote, split_outside, trim_lws, unquote};
use std::fmt;

/// A `;name[=value]` parameter of a URI or a header value. The value is kept
/// as written, quotes included, so that it serializes back unchanged; use
/// [`Param::text`] for the unquoted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Parameter name as written (compared case-insensitively).
    pub name: String,
    /// Value as written, or `None` for a flag such as `lr` or `rport`.
    pub value: Option<String>,
}

impl Param {
    /// `name=value`, with `value` written as is (it must be a token or
    /// already quoted).
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: Some(value.into()),
        }
    }

    /// `name="value"`, quoting and escaping `value`.
    pub fn quoted(name: impl Into<String>, value: &str) -> Self {
        Self {
            name: name.into(),
            value: Some(quote(value)),
        }
    }

    /// A parameter without a value, e.g. `lr`.
    pub fn flag(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: None,
        }
    }

    /// The value with quotes and escapes removed.
    pub fn text(&self) -> Option<String> {
        self.value.as_deref().and_then(unquote)
    }

    /// Parses `name[=value]` (LWS around `=` allowed).
    fn parse(s: &str) -> Result<Self, String> {
        let (name, value) = match s.split_once('=') {
            Some((n, v)) => (trim_lws(n), Some(trim_lws(v))),
            None => (trim_lws(s), None),
        };
        if name.is_empty() || name.contains(is_lws) || name.contains(['"', '<', '>']) {
            return Err(format!("bad parameter '{s}'"));
        }
        if let Some(v) = value
            && v.starts_with('"')
            && unquote(v).is_none()
        {
            return Err(format!("parameter {name}: unterminated quoted string"));
        }
        Ok(Self {
            name: name.to_string(),
            value: value.map(str::to_string),
        })
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(v) => write!(f, "{}={v}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// An ordered list of parameters, written `;a=1;b` (RFC 3261 25.1
/// `generic-param`). Lookups ignore the case of names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params(pub Vec<Param>);

impl Params {
    /// No parameters.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Parses the text after the first `;` of a value: `a=1;b;c="x;y"`.
    pub fn parse(s: &str) -> Result<Self, String> {
        if trim_lws(s).is_empty() {
            return Ok(Self::new());
        }
        split_outside(s, ';')
            .into_iter()
            .map(Param::parse)
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// The parameter called `name`.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// True when a parameter called `name` is present (with or without value).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The unquoted value of `name`, if present with a value.
    pub fn value(&self, name: &str) -> Option<String> {
        self.get(name).and_then(Param::text)
    }

    /// Sets `name` to `param` in place, or appends it.
    pub fn set(&mut self, param: Param) {
        match self
            .0
            .iter_mut()
            .find(|p| p.name.eq_ignore_ascii_case(&param.name))
        {
            Some(p) => *p = param,
            None => self.0.push(param),
        }
    }

    /// Removes every parameter called `name`; returns how many went.
    pub fn remove(&mut self, name: &str) -> usize {
        let before = self.0.len();
        self.0.retain(|p| !p.name.eq_ignore_ascii_case(name));
        before - self.0.len()
    }

    /// True when there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parameters in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Param> {
        self.0.iter()
    }
}

impl fmt::Display for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            write!(f, ";{p}")?;
        }
        Ok(())
    }
}

/// A `sip:` or `sips:` URI (RFC 3261 19.1.1). User, password, parameter
/// and header texts are kept escaped, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SipUri {
    /// `sips:` rather than `sip:`.
    pub secure: bool,
    /// User part (may be a telephone-subscriber with its own `;` params).
    pub user: Option<String>,
    /// Password after `user:` (deprecated, RFC 3261 19.1.1).
    pub password: Option<String>,
    /// Host name, IPv4 address or bracketed IPv6 reference.
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
    /// URI parameters (`;transport=tcp;lr`).
    pub params: Params,
    /// Headers after `?`, as (name, value) pairs.
    pub headers: Vec<(String, String)>,
}

impl SipUri {
    /// `sip:[user@]host`.
    pub fn new(user: Option<&str>, host: &str) -> Self {
        Self {
            secure: false,
            user: user.map(str::to_string),
            password: None,
            host: host.to_string(),
            port: None,
            params: Params::new(),
            headers: Vec::new(),
        }
    }

    /// The same URI with `port`.
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// The same URI with one more parameter.
    pub fn with_param(mut self, param: Param) -> Self {
        self.params.set(param);
        self
    }

    /// `host[:port]`.
    pub fn host_port(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }

    /// `user@host` (or `host`), the address-of-record form without params.
    pub fn aor(&self) -> String {
        let scheme = if self.secure { "sips" } else { "sip" };
        match &self.user {
            Some(u) => format!("{scheme}:{u}@{}", self.host),
            None => format!("{scheme}:{}", self.host),
        }
    }

    fn parse(rest: &str, secure: bool) -> Result<Self, String> {
        let (userinfo, hostpart) = match rest.find('@') {
            Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
            None => (None, rest),
        };
        let (user, password) = match userinfo {
            Some(ui) => {
                let (u, p) = match ui.split_once(':') {
                    Some((u, p)) => (u, Some(p.to_string())),
                    None => (ui, None),
                };
                if u.is_empty() {
                    return Err("empty user part before '@'".into());
                }
                if u.contains(|c: char| c.is_ascii_whitespace() || "<>\"".contains(c)) {
                    return Err(format!("bad user part '{u}'"));
                }
                (Some(u.to_string()), p)
            }
            None => (None, None),
        };
        let (hostport, headers) = match hostpart.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (hostpart, None),
        };
        let (hostport, params) = match hostport.split_once(';') {
            Some((h, p)) => (h, Params::parse(p)?),
            None => (hostport, Params::new()),
        };
        let (host, port) = split_host_port(hostport)?;
        let headers = match headers {
            None => Vec::new(),
            Some(q) => q
                .split('&')
                .map(|h| match h.split_once('=') {
                    Some((n, v)) if !n.is_empty() => Ok((n.to_string(), v.to_string())),
                    _ => Err(format!("bad URI header '{h}'")),
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(Self {
            secure,
            user,
            password,
            host,
            port,
            params,
            headers,
        })
    }
}

/// Splits `host[:port]`, checking the host's characters (RFC 3261 25.1
/// `hostport`).
pub(crate) fn split_host_port(s: &str) -> Result<(String, Option<u16>), String> {
    let s = trim_lws(s);
    if s.is_empty() {
        return Err("missing host".into());
    }
    let (host, port) = if s.starts_with('[') {
        let end = s.find(']').ok_or("IPv6 reference without ']'")?;
        let host = &s[..=end];
        let inner = &host[1..end];
        if inner.is_empty()
            || !inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || ":.".contains(c))
        {
            return Err(format!("bad IPv6 reference '{host}'"));
        }
        let after = &s[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err(format!("unexpected '{after}' after host")),
        };
        (host, port)
    } else {
        match s.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    let host = trim_lws(host);
    if host.is_empty() {
        return Err("missing host".into());
    }
    if !host.starts_with('[')
        && !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
    {
        return Err(format!("bad host '{host}'"));
    }
    let port = match port {
        None => None,
        Some(p) => Some(
            trim_lws(p)
                .parse::<u16>()
                .map_err(|_| format!("bad port '{p}'"))?,
        ),
    };
    Ok((host.to_string(), port))
}

/// A `tel:` URI (RFC 3966): the number as written and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelUri {
    /// Global (`+15550001`) or local number, visual separators kept.
    pub number: String,
    /// Parameters (`;phone-context=...`).
    pub params: Params,
}

impl TelUri {
    fn parse(rest: &str) -> Result<Self, String> {
        let (number, params) = match rest.split_once(';') {
            Some((n, p)) => (n, Params::parse(p)?),
            None => (rest, Params::new()),
        };
        let digits = number.strip_prefix('+').unwrap_or(number);
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_hexdigit() || "*#-.()".contains(c))
        {
            return Err(format!("bad telephone number '{number}'"));
        }
        Ok(Self {
            number: number.to_string(),
            params,
        })
    }
}

/// Any URI a SIP header can carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uri {
    /// `sip:` or `sips:` (RFC 3261 19.1).
    Sip(SipUri),
    /// `tel:` (RFC 3966).
    Tel(TelUri),
    /// Another absolute URI (e.g. `urn:`), kept as text.
    Other(String),
}

impl Uri {
    /// Parses an absolute URI; errors say what is wrong in words.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = trim_lws(s);
        let bad = |why: String| format!("bad URI '{s}': {why}");
        let (scheme, rest) = s.split_once(':').ok_or_else(|| bad("no scheme".into()))?;
        let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !scheme_ok {
            return Err(bad("bad scheme".into()));
        }
        if rest.contains(|c: char| c.is_ascii_whitespace() || c == '<' || c == '>') {
            return Err(bad("contains spaces or angle brackets".into()));
        }
        if scheme.eq_ignore_ascii_case("sip") || scheme.eq_ignore_ascii_case("sips") {
            SipUri::parse(rest, scheme.eq_ignore_ascii_case("sips"))
                .map(Self::Sip)
                .map_err(bad)
        } else if scheme.eq_ignore_ascii_case("tel") {
            TelUri::parse(rest).map(Self::Tel).map_err(bad)
        } else if rest.is_empty() {
            Err(bad("nothing after the scheme".into()))
        } else {
            Ok(Self::Other(s.to_string()))
        }
    }

    /// The SIP URI, if it is one.
    pub fn as_sip(&self) -> Option<&SipUri> {
        match self {
            Self::Sip(u) => Some(u),
            _ => None,
        }
    }

    /// The URI's parameters (empty for `Other`).
    pub fn params(&self) -> Option<&Params> {
        match self {
            Self::Sip(u) => Some(&u.params),
            Self::Tel(t) => Some(&t.params),
            Self::Other(_) => None,
        }
    }
}

impl std::str::FromStr for Uri {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s)
    }
}

impl fmt::Display for SipUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.secure { "sips:" } else { "sip:" })?;
        if let Some(u) = &self.user {
            f.write_str(u)?;
            if let Some(p) = &self.password {
                write!(f, ":{p}")?;
            }
            f.write_str("@")?;
        }
        write!(f, "{}{}", self.host_port(), self.params)?;
        for (i, (n, v)) in self.headers.iter().enumerate() {
            write!(f, "{}{n}={v}", if i == 0 { '?' } else { '&' })?;
        }
        Ok(())
    }
}

impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sip(u) => u.fmt(f),
            Self::Tel(t) => write!(f, "tel:{}{}", t.number, t.params),
            Self::Other(s) => f.write_str(s),
        }
    }
}

/// An address with optional display name and header parameters:
/// `"Alice" <sip:alice@example.com>;tag=1` or `sip:alice@example.com;tag=1`
/// (RFC 3261 20.10: in the bare `addr-spec` form every `;` parameter
/// belongs to the header, not to the URI). Always written back in the
/// `name-addr` form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameAddr {
    /// Display name, unquoted.
    pub display: Option<String>,
    /// The address.
    pub uri: Uri,
    /// Header parameters after the address (`tag`, `expires`, `q`, ...).
    pub params: Params,
}

impl NameAddr {
    /// `<uri>` with no display name or parameters.
    pub fn new(uri: Uri) -> Self {
        Self {
            display: None,
            uri,
            params: Params::new(),
        }
    }

    /// The same address with one more header parameter.
    pub fn with_param(mut self, param: Param) -> Self {
        self.params.set(param);
        self
    }

    /// The same address with a display name.
    pub fn with_display(mut self, display: &str) -> Self {
        self.display = Some(display.to_string());
        self
    }

    /// Parses a `name-addr` or `addr-spec` with its parameters.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = trim_lws(s);
        if s.is_empty() {
            return Err("empty address".into());
        }
        let (display, rest) = if s.starts_with('"') {
            let end = closing_quote(s).ok_or("display name: unterminated quoted string")?;
            let display = unquote(&s[..=end]).ok_or("display name: bad quoted string")?;
            let rest = trim_lws(&s[end + 1..]);
            if !rest.starts_with('<') {
                return Err("quoted display name must be followed by <URI>".into());
            }
            (Some(display), rest)
        } else if let Some(lt) = find_unquoted(s, '<') {
            let name = trim_lws(&s[..lt]);
            let ok = name.split(is_lws).all(|w| w.is_empty() || is_token(w));
            if !ok {
                return Err(format!("bad display name '{name}'"));
            }
            let display = (!name.is_empty()).then(|| name.to_string());
            (display, &s[lt..])
        } else {
            // addr-spec: the URI ends at the first ';' (RFC 3261 20.10).
            let (uri, params) = match s.split_once(';') {
                Some((u, p)) => (u, Params::parse(p)?),
                None => (s, Params::new()),
            };
            return Ok(Self {
                display: None,
                uri: Uri::parse(uri)?,
                params,
            });
        };
        let inner = rest.strip_prefix('<').ok_or("missing '<'")?;
        let gt = inner.find('>').ok_or("missing '>' after URI")?;
        let uri = Uri::parse(&inner[..gt])?;
        let after = trim_lws(&inner[gt + 1..]);
        let params = if after.is_empty() {
            Params::new()
        } else {
            let p = after
                .strip_prefix(';')
                .ok_or_else(|| format!("unexpected '{after}' after '>'"))?;
            Params::parse(p)?
        };
        Ok(Self {
            display,
            uri,
            params,
        })
    }

    /// The `tag` parameter (From/To, RFC 3261 19.3).
    pub fn tag(&self) -> Option<String> {
        self.params.value("tag")
    }

    /// The `expires` parameter of a Contact (RFC 3261 20.10).
    pub fn expires(&self) -> Option<u32> {
        self.params.value("expires")?.parse().ok()
    }

    /// The `q` preference of a Contact, 0.0 to 1.0.
    pub fn q(&self) -> Option<f32> {
        self.params.value("q")?.parse().ok()
    }

    /// The `+sip.instance` feature tag (RFC 5626 4.1), unquoted, e.g.
    /// `<urn:gsma:imei:35209900-176148-0>`.
    pub fn instance(&self) -> Option<String> {
        self.params.value("+sip.instance")
    }

    /// The `+g.3gpp.icsi-ref` feature tag (TS 24.229 7.9.2), unquoted and
    /// still percent-encoded.
    pub fn icsi_ref(&self) -> Option<String> {
        self.params.value("+g.3gpp.icsi-ref")
    }

    /// The `reg-id` parameter (RFC 5626 4.2).
    pub fn reg_id(&self) -> Option<u32> {
        self.params.value("reg-id")?.parse().ok()
    }
}

/// Index of the quote closing the quoted string that starts at `s[0]`.
fn closing_quote(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return Some(i);
        }
    }
    None
}

impl fmt::Display for NameAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = &self.display {
            write!(f, "{} ", quote(d))?;
        }
        write!(f, "<{}>{}", self.uri, self.params)
    }
}

/// The value of the Contact header (RFC 3261 20.10): `*` (only in a
/// REGISTER that removes every binding) or a list of addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contacts {
    /// `Contact: *`.
    Wildcard,
    /// The listed contacts (empty when the header is absent).
    List(Vec<NameAddr>),
}

impl Contacts {
    /// The listed contacts; empty for the wildcard.
    pub fn list(&self) -> &[NameAddr] {
        match self {
            Self::Wildcard => &[],
            Self::List(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sip_uri_parses_every_part() {
        let u = Uri::parse("sips:alice:pw@[fd00::1]:5061;transport=tcp;lr?subject=x&h=y").unwrap();
        let Uri::Sip(s) = &u else { panic!() };
        assert!(s.secure);
        assert_eq!(s.user.as_deref(), Some("alice"));
        assert_eq!(s.password.as_deref(), Some("pw"));
        assert_eq!(s.host, "[fd00::1]");
        assert_eq!(s.port, Some(5061));
        assert_eq!(s.params.value("transport").as_deref(), Some("tcp"));
        assert!(s.params.has("lr"));
        assert_eq!(
            s.headers,
            vec![("subject".into(), "x".into()), ("h".into(), "y".into())]
        );
        assert_eq!(
            u.to_string(),
            "sips:alice:pw@[fd00::1]:5061;transport=tcp;lr?subject=x&h=y"
        );
    }

    #[test]
    fn tel_uri_keeps_number_and_params() {
        let u = Uri::parse("tel:+1-555-0001;phone-context=ims.example").unwrap();
        let Uri::Tel(t) = &u else { panic!() };
        assert_eq!(t.number, "+1-555-0001");
        assert_eq!(
            t.params.value("phone-context").as_deref(),
            Some("ims.example")
        );
        assert_eq!(u.to_string(), "tel:+1-555-0001;phone-context=ims.example");
        assert!(Uri::parse("tel:;x").is_err());
    }

    #[test]
    fn uri_rejects_missing_host_and_scheme() {
        assert!(Uri::parse("sip:").unwrap_err().contains("missing host"));
        assert!(
            Uri::parse("sip:alice@")
                .unwrap_err()
                .contains("missing host")
        );
        assert!(Uri::parse("alice").unwrap_err().contains("no scheme"));
        assert!(
            Uri::parse("sip:a@h:99999")
                .unwrap_err()
                .contains("bad port")
        );
        assert_eq!(
            Uri::parse("urn:gsma:imei:1").unwrap(),
            Uri::Other("urn:gsma:imei:1".into())
        );
    }

    #[test]
    fn name_addr_parses_both_forms() {
        let a = NameAddr::parse(r#""Alice \"A\"" <sip:alice@x;lr>;tag=12"#).unwrap();
        assert_eq!(a.display.as_deref(), Some("Alice \"A\""));
        assert_eq!(a.tag().as_deref(), Some("12"));
        assert!(a.uri.params().unwrap().has("lr"));
        let b = NameAddr::parse("sip:bob@y;tag=9").unwrap();
        assert_eq!(b.tag().as_deref(), Some("9"));
        assert!(b.uri.params().unwrap().is_empty());
        let c = NameAddr::parse("Bob Smith <tel:+1555>").unwrap();
        assert_eq!(c.display.as_deref(), Some("Bob Smith"));
        assert_eq!(NameAddr::parse(&a.to_string()).unwrap(), a);
        assert!(NameAddr::parse("<sip:x@y").is_err());
        assert!(NameAddr::parse("\"x\" sip:y").is_err());
    }

    #[test]
    fn contact_params_read_ims_feature_tags() {
        let c = NameAddr::parse(
            "<sip:u@10.0.0.1:5060>;expires=600;q=0.5;+sip.instance=\"<urn:gsma:imei:1-2-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";reg-id=1;video",
        )
        .unwrap();
        assert_eq!(c.expires(), Some(600));
        assert_eq!(c.q(), Some(0.5));
        assert_eq!(c.instance().as_deref(), Some("<urn:gsma:imei:1-2-0>"));
        assert_eq!(
            c.icsi_ref().as_deref(),
            Some("urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel")
        );
        assert_eq!(c.reg_id(), Some(1));
        assert!(c.params.has("video"));
    }
}
