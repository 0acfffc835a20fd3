//! Header names (full and compact forms) and the typed values of the
//! headers that are not addresses or authentication: Via, CSeq, Content-Type,
//! Event, Subscription-State and the 3GPP P-headers (RFC 3261 20, RFC 6665,
//! RFC 7315).

use super::text::{find_unquoted, is_token, quote, split_list, trim_lws, unquote};
use super::uri::{Param, Params, split_host_port};
use std::fmt;

/// One header line as carried: the name as written (a compact form stays
/// compact) and the value with folding undone and outer white space
/// trimmed (RFC 3261 7.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Name as written, e.g. `Via`, `v` or `X-Custom`.
    pub name: String,
    /// Value after the colon.
    pub value: String,
}

impl Header {
    /// A header line.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
        }
    }

    /// True when this header is `name`, comparing case-insensitively and
    /// mapping compact forms (`v` is `Via`).
    pub fn is(&self, name: &str) -> bool {
        if self.name.eq_ignore_ascii_case(name) {
            return true;
        }
        // Only a compact form (one letter) is spelt differently from the
        // full name it stands for; anything else differs for real.
        (self.name.len() == 1 || name.len() == 1)
            && canonical_name(&self.name).eq_ignore_ascii_case(canonical_name(name))
    }
}

/// Compact forms (RFC 3261 7.3.3 and the RFCs that define the others).
const COMPACT: &[(&str, &str)] = &[
    ("a", "Accept-Contact"),
    ("b", "Referred-By"),
    ("c", "Content-Type"),
    ("d", "Request-Disposition"),
    ("e", "Content-Encoding"),
    ("f", "From"),
    ("i", "Call-ID"),
    ("j", "Reject-Contact"),
    ("k", "Supported"),
    ("l", "Content-Length"),
    ("m", "Contact"),
    ("n", "Identity-Info"),
    ("o", "Event"),
    ("r", "Refer-To"),
    ("s", "Subject"),
    ("t", "To"),
    ("u", "Allow-Events"),
    ("v", "Via"),
    ("x", "Session-Expires"),
    ("y", "Identity"),
];

/// Full names this codec knows, in their usual spelling.
const KNOWN: &[&str] = &[
    "Accept",
    "Accept-Contact",
    "Allow",
    "Allow-Events",
    "Authentication-Info",
    "Authorization",
    "Call-ID",
    "Contact",
    "Content-Encoding",
    "Content-Length",
    "Content-Type",
    "CSeq",
    "Date",
    "Event",
    "Expires",
    "From",
    "Max-Forwards",
    "Min-Expires",
    "P-Access-Network-Info",
    "P-Asserted-Identity",
    "P-Associated-URI",
    "P-Called-Party-ID",
    "P-Charging-Function-Addresses",
    "P-Charging-Vector",
    "P-Preferred-Identity",
    "P-Visited-Network-ID",
    "Path",
    "Proxy-Authenticate",
    "Proxy-Authorization",
    "Proxy-Require",
    "Reason",
    "Record-Route",
    "Require",
    "Retry-After",
    "Route",
    "Security-Client",
    "Security-Server",
    "Security-Verify",
    "Server",
    "Service-Route",
    "Subscription-State",
    "Supported",
    "To",
    "Unsupported",
    "User-Agent",
    "Via",
    "Warning",
    "WWW-Authenticate",
];

/// The full, usually spelled name of a header: compact forms expanded,
/// known names in their RFC spelling, others unchanged.
pub fn canonical_name(name: &str) -> &str {
    if name.len() == 1
        && let Some((_, full)) = COMPACT.iter().find(|(c, _)| c.eq_ignore_ascii_case(name))
    {
        return full;
    }
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(name))
        .copied()
        .unwrap_or(name)
}

/// The compact form of a full header name, if it has one.
pub fn compact_form(name: &str) -> Option<&'static str> {
    let full = canonical_name(name);
    COMPACT
        .iter()
        .find(|(_, f)| f.eq_ignore_ascii_case(full))
        .map(|(c, _)| *c)
}

/// A request method (RFC 3261 7.1; methods are case-sensitive).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Method {
    /// INVITE (RFC 3261).
    Invite,
    /// ACK (RFC 3261).
    Ack,
    /// BYE (RFC 3261).
    Bye,
    /// CANCEL (RFC 3261).
    Cancel,
    /// REGISTER (RFC 3261 10).
    Register,
    /// OPTIONS (RFC 3261 11).
    Options,
    /// SUBSCRIBE (RFC 6665).
    Subscribe,
    /// NOTIFY (RFC 6665).
    Notify,
    /// MESSAGE (RFC 3428).
    Message,
    /// PUBLISH (RFC 3903).
    Publish,
    /// INFO (RFC 6086).
    Info,
    /// PRACK (RFC 3262).
    Prack,
    /// UPDATE (RFC 3311).
    Update,
    /// REFER (RFC 3515).
    Refer,
    /// Any other token.
    Extension(String),
}

impl Method {
    const NAMES: [(&'static str, Self); 14] = [
        ("INVITE", Self::Invite),
        ("ACK", Self::Ack),
        ("BYE", Self::Bye),
        ("CANCEL", Self::Cancel),
        ("REGISTER", Self::Register),
        ("OPTIONS", Self::Options),
        ("SUBSCRIBE", Self::Subscribe),
        ("NOTIFY", Self::Notify),
        ("MESSAGE", Self::Message),
        ("PUBLISH", Self::Publish),
        ("INFO", Self::Info),
        ("PRACK", Self::Prack),
        ("UPDATE", Self::Update),
        ("REFER", Self::Refer),
    ];

    /// Parses a method token.
    pub fn parse(s: &str) -> Result<Self, String> {
        if !is_token(s) {
            return Err(format!("bad method '{s}'"));
        }
        Ok(Self::NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| Self::Extension(s.to_string())))
    }

    /// The method as written on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Extension(s) => s,
            m => Self::NAMES
                .iter()
                .find(|(_, k)| k == m)
                .map_or("", |(n, _)| n),
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CSeq: sequence number and method (RFC 3261 20.16).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CSeq {
    /// Sequence number (below 2^31, RFC 3261 8.1.1.5).
    pub seq: u32,
    /// Method of the request.
    pub method: Method,
}

impl CSeq {
    /// Parses `1 REGISTER`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut it = trim_lws(s).split_ascii_whitespace();
        let (Some(n), Some(m), None) = (it.next(), it.next(), it.next()) else {
            return Err(format!("expected '<number> <method>', got '{s}'"));
        };
        let seq: u32 = n
            .parse()
            .ok()
            .filter(|v| *v < 1 << 31)
            .ok_or_else(|| format!("bad sequence number '{n}'"))?;
        Ok(Self {
            seq,
            method: Method::parse(m)?,
        })
    }
}

impl fmt::Display for CSeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.seq, self.method)
    }
}

/// One Via entry (RFC 3261 20.42, 18.2.1; rport from RFC 3581).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// Protocol name, `SIP`.
    pub protocol: String,
    /// Protocol version, `2.0`.
    pub version: String,
    /// Transport: `UDP`, `TCP`, `TLS`, `SCTP`, ...
    pub transport: String,
    /// Host of sent-by.
    pub host: String,
    /// Port of sent-by, when given.
    pub port: Option<u16>,
    /// Parameters (`branch`, `received`, `rport`, ...).
    pub params: Params,
}

impl Via {
    /// `SIP/2.0/<transport> host[:port];branch=<branch>`.
    pub fn new(transport: &str, host: &str, port: Option<u16>, branch: &str) -> Self {
        Self {
            protocol: "SIP".into(),
            version: "2.0".into(),
            transport: transport.to_string(),
            host: host.to_string(),
            port,
            params: Params(vec![Param::new("branch", branch)]),
        }
    }

    /// Parses one Via value.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = trim_lws(s);
        let (head, params) = match s.split_once(';') {
            Some((h, p)) => (h, Params::parse(p)?),
            None => (s, Params::new()),
        };
        let mut parts = head.splitn(3, '/');
        let (Some(protocol), Some(version), Some(rest)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!("bad sent-protocol in '{s}'"));
        };
        let (protocol, version, rest) = (trim_lws(protocol), trim_lws(version), trim_lws(rest));
        let (transport, sent_by) = match rest.find(char::is_whitespace) {
            Some(i) => (&rest[..i], trim_lws(&rest[i..])),
            None => (rest, ""),
        };
        if !is_token(protocol) || !is_token(version) || !is_token(transport) {
            return Err(format!("bad sent-protocol in '{s}'"));
        }
        if sent_by.is_empty() {
            return Err("missing sent-by".into());
        }
        let (host, port) = split_host_port(sent_by).map_err(|e| format!("sent-by: {e}"))?;
        Ok(Self {
            protocol: protocol.to_string(),
            version: version.to_string(),
            transport: transport.to_string(),
            host,
            port,
            params,
        })
    }

    /// `SIP/2.0/TCP`.
    pub fn sent_protocol(&self) -> String {
        format!("{}/{}/{}", self.protocol, self.version, self.transport)
    }

    /// `host[:port]`.
    pub fn sent_by(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }

    /// The branch parameter (RFC 3261 8.1.1.7).
    pub fn branch(&self) -> Option<String> {
        self.params.value("branch")
    }

    /// The `received` parameter (RFC 3261 18.2.1).
    pub fn received(&self) -> Option<String> {
        self.params.value("received")
    }

    /// True when `rport` is present, with or without a value (RFC 3581).
    pub fn has_rport(&self) -> bool {
        self.params.has("rport")
    }

    /// The value of `rport`, once a server filled it in (RFC 3581 4).
    pub fn rport(&self) -> Option<u16> {
        self.params.value("rport")?.parse().ok()
    }
}

impl fmt::Display for Via {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}{}",
            self.sent_protocol(),
            self.sent_by(),
            self.params
        )
    }
}

/// A value made of a leading token and `;` parameters, shared by
/// Content-Type, Event, Subscription-State, P-Access-Network-Info and
/// P-Visited-Network-ID.
fn head_and_params(s: &str) -> Result<(&str, Params), String> {
    let s = trim_lws(s);
    match find_unquoted(s, ';') {
        Some(i) => Ok((trim_lws(&s[..i]), Params::parse(&s[i + 1..])?)),
        None => Ok((s, Params::new())),
    }
}

/// Content-Type (RFC 3261 20.15): `type/subtype;params`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaType {
    /// Top-level type, e.g. `application`.
    pub mtype: String,
    /// Subtype, e.g. `reginfo+xml`.
    pub subtype: String,
    /// Parameters (`charset`, ...).
    pub params: Params,
}

impl MediaType {
    /// `type/subtype` without parameters.
    pub fn new(mtype: &str, subtype: &str) -> Self {
        Self {
            mtype: mtype.to_string(),
            subtype: subtype.to_string(),
            params: Params::new(),
        }
    }

    /// Parses `type/subtype;params`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (head, params) = head_and_params(s)?;
        let (t, st) = head
            .split_once('/')
            .ok_or_else(|| format!("expected type/subtype, got '{head}'"))?;
        let (t, st) = (trim_lws(t), trim_lws(st));
        if !is_token(t) || !is_token(st) {
            return Err(format!("bad media type '{head}'"));
        }
        Ok(Self {
            mtype: t.to_string(),
            subtype: st.to_string(),
            params,
        })
    }

    /// `type/subtype` in lowercase, for comparisons.
    pub fn essence(&self) -> String {
        format!("{}/{}", self.mtype, self.subtype).to_ascii_lowercase()
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}{}", self.mtype, self.subtype, self.params)
    }
}

/// A token followed by parameters: Event (RFC 6665 8.2.1) and
/// Subscription-State (RFC 6665 8.2.3) are of this shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenParams {
    /// The leading token: the event package (`reg`) or the state (`active`).
    pub value: String,
    /// Parameters after it (`id`, `expires`, `reason`, ...).
    pub params: Params,
}

impl TokenParams {
    /// A token without parameters.
    pub fn new(value: &str) -> Self {
        Self {
            value: value.to_string(),
            params: Params::new(),
        }
    }

    /// The same value with one more parameter.
    pub fn with_param(mut self, p: Param) -> Self {
        self.params.set(p);
        self
    }

    /// Parses `token;params`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (head, params) = head_and_params(s)?;
        if !is_token(head) {
            return Err(format!("bad token '{head}'"));
        }
        Ok(Self {
            value: head.to_string(),
            params,
        })
    }

    /// The `expires` parameter (Subscription-State).
    pub fn expires(&self) -> Option<u32> {
        self.params.value("expires")?.parse().ok()
    }
}

impl fmt::Display for TokenParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.params)
    }
}

/// Event header: package and `id` (RFC 6665 8.2.1).
pub type Event = TokenParams;
/// Subscription-State header: state, `expires`, `reason` (RFC 6665 8.2.3).
pub type SubscriptionState = TokenParams;

/// One P-Access-Network-Info value (RFC 7315 4.4, TS 24.229 7.2A.4):
/// access type and its information, e.g. `3GPP-E-UTRAN-FDD;
/// utran-cell-id-3gpp=00101000119B01`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessNetworkInfo {
    /// Access type (`3GPP-E-UTRAN-FDD`, `IEEE-802.11`, ...).
    pub access_type: String,
    /// Access information parameters.
    pub params: Params,
}

impl AccessNetworkInfo {
    /// Parses one value.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (head, params) = head_and_params(s)?;
        if !is_token(head) {
            return Err(format!("bad access-type '{head}'"));
        }
        Ok(Self {
            access_type: head.to_string(),
            params,
        })
    }

    /// The E-UTRAN cell identity (`utran-cell-id-3gpp`).
    pub fn cell_id(&self) -> Option<String> {
        self.params.value("utran-cell-id-3gpp")
    }
}

impl fmt::Display for AccessNetworkInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.access_type, self.params)
    }
}

/// One P-Visited-Network-ID value (RFC 7315 4.3): a token or quoted string
/// naming the visited network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitedNetworkId {
    /// The network, unquoted.
    pub network: String,
    /// Parameters.
    pub params: Params,
}

impl VisitedNetworkId {
    /// Parses one value.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (head, params) = head_and_params(s)?;
        let network = unquote(head).ok_or_else(|| format!("bad network '{head}'"))?;
        if network.is_empty() || (!head.starts_with('"') && !is_token(head)) {
            return Err(format!("bad network '{head}'"));
        }
        Ok(Self { network, params })
    }
}

impl fmt::Display for VisitedNetworkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if is_token(&self.network) {
            write!(f, "{}{}", self.network, self.params)
        } else {
            write!(f, "{}{}", quote(&self.network), self.params)
        }
    }
}

/// P-Charging-Vector (RFC 7315 4.6): `icid-value` and the IOIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargingVector {
    /// All parameters, `icid-value` first.
    pub params: Params,
}

impl ChargingVector {
    /// Parses the value; `icid-value` is mandatory.
    pub fn parse(s: &str) -> Result<Self, String> {
        let params = Params::parse(s)?;
        if params.value("icid-value").is_none_or(|v| v.is_empty()) {
            return Err("missing icid-value".into());
        }
        Ok(Self { params })
    }

    /// The IMS charging identifier.
    pub fn icid(&self) -> Option<String> {
        self.params.value("icid-value")
    }

    /// Originating inter-operator identifier.
    pub fn orig_ioi(&self) -> Option<String> {
        self.params.value("orig-ioi")
    }

    /// Terminating inter-operator identifier.
    pub fn term_ioi(&self) -> Option<String> {
        self.params.value("term-ioi")
    }
}

impl fmt::Display for ChargingVector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.params.to_string();
        f.write_str(s.strip_prefix(';').unwrap_or(&s))
    }
}

/// Parses a comma list of tokens (Require, Supported, Proxy-Require,
/// Unsupported, Allow, Allow-Events).
pub fn parse_tokens(s: &str) -> Result<Vec<String>, String> {
    split_list(s)
        .into_iter()
        .map(|t| {
            if is_token(t) {
                Ok(t.to_string())
            } else {
                Err(format!("bad token '{t}'"))
            }
        })
        .collect()
}

/// Parses a decimal header value (Expires, Max-Forwards, Content-Length,
/// Min-Expires).
pub fn parse_number(s: &str) -> Result<u32, String> {
    let t = trim_lws(s);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{t}' is not a number"));
    }
    t.parse().map_err(|_| format!("{t} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_name_expands_compact_forms() {
        assert_eq!(canonical_name("v"), "Via");
        assert_eq!(canonical_name("I"), "Call-ID");
        assert_eq!(canonical_name("www-authenticate"), "WWW-Authenticate");
        assert_eq!(canonical_name("X-Foo"), "X-Foo");
        assert_eq!(compact_form("content-length"), Some("l"));
        assert!(Header::new("o", "reg").is("Event"));
    }

    #[test]
    fn via_parses_lws_and_params() {
        let v =
            Via::parse("SIP / 2.0 / TCP  [fd00::2]:5060 ;branch=z9hG4bK1;rport;received=1.2.3.4")
                .unwrap();
        assert_eq!(v.sent_protocol(), "SIP/2.0/TCP");
        assert_eq!(v.host, "[fd00::2]");
        assert_eq!(v.port, Some(5060));
        assert_eq!(v.branch().as_deref(), Some("z9hG4bK1"));
        assert!(v.has_rport());
        assert_eq!(v.rport(), None);
        assert_eq!(v.received().as_deref(), Some("1.2.3.4"));
        assert_eq!(Via::parse(&v.to_string()).unwrap(), v);
        assert_eq!(Via::parse("SIP/2.0/UDP").unwrap_err(), "missing sent-by");
        assert_eq!(
            Via::parse("SIP/2.0/UDP ;branch=1").unwrap_err(),
            "missing sent-by"
        );
    }

    #[test]
    fn cseq_rejects_bad_numbers() {
        let c = CSeq::parse(" 12  MESSAGE ").unwrap();
        assert_eq!((c.seq, c.method), (12, Method::Message));
        assert!(CSeq::parse("x REGISTER").is_err());
        assert!(CSeq::parse("2147483648 REGISTER").is_err());
        assert!(CSeq::parse("1").is_err());
        assert_eq!(Method::parse("FOO").unwrap().as_str(), "FOO");
    }

    #[test]
    fn p_headers_parse() {
        let a = AccessNetworkInfo::parse("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=00101000119B01")
            .unwrap();
        assert_eq!(a.cell_id().as_deref(), Some("00101000119B01"));
        let v = VisitedNetworkId::parse("\"Visited network number 1\"").unwrap();
        assert_eq!(v.network, "Visited network number 1");
        let c =
            ChargingVector::parse("icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\";orig-ioi=home1.net")
                .unwrap();
        assert_eq!(c.icid().as_deref(), Some("AyretyU0dm+6O2IrT5tAFrbHLso="));
        assert_eq!(c.orig_ioi().as_deref(), Some("home1.net"));
        assert!(ChargingVector::parse("orig-ioi=x").is_err());
    }
}
