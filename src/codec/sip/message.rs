//! SIP messages (RFC 3261 7): start line, header lines and body; the
//! tolerant parser (RFC 3261 7.3.1: LWS, folding, case-insensitive and
//! compact names), the canonical serializer, typed header access and the
//! builders.

use super::PROTO;
use super::auth::{Challenge, Credentials};
use super::body::RegInfo;
use super::headers::{
    AccessNetworkInfo, CSeq, ChargingVector, Event, Header, MediaType, Method, SubscriptionState,
    Via, VisitedNetworkId, canonical_name, parse_number, parse_tokens,
};
use super::secagree::SecurityMechanism;
use super::text::{is_lws, is_token, split_list, trim_lws};
use super::uri::{Contacts, NameAddr, Param, Uri};
use crate::codec::DecodeError;
use std::fmt::{self, Write};

/// The first line of a message (RFC 3261 7.1, 7.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartLine {
    /// `Method Request-URI SIP/2.0`.
    Request {
        /// Method.
        method: Method,
        /// Request-URI.
        uri: Uri,
    },
    /// `SIP/2.0 Status-Code Reason-Phrase`.
    Response {
        /// Status code, 100 to 699.
        code: u16,
        /// Reason phrase (may be empty).
        reason: String,
    },
}

/// A SIP request or response (RFC 3261 7). Headers stay in the order they
/// came, names as written; values are unfolded and trimmed. Typed getters
/// parse on demand; [`SipMessage::decode`] has already checked that every
/// header this codec knows parses, so on a decoded message they succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SipMessage {
    /// Request-Line or Status-Line.
    pub start: StartLine,
    /// Header lines in order.
    pub headers: Vec<Header>,
    /// Message body (bytes after the empty line).
    pub body: Vec<u8>,
}

/// Where each part of a message lies in the bytes it was parsed from.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// Start line span.
    pub start_line: (usize, usize),
    /// One span and 1-based line number per header, in order.
    pub headers: Vec<(usize, usize, usize)>,
    /// Line number of the empty line that ends the headers.
    pub blank_line: usize,
    /// Offset of the body.
    pub body_start: usize,
}

/// An error at `line` (1-based) that starts at byte `offset`.
fn line_err(offset: usize, line: usize, what: impl fmt::Display) -> DecodeError {
    DecodeError::new(PROTO, offset, format!("line {line}: {what}"))
}

/// Splits the next line off `bytes` at `pos`: (content end, next line
/// start). `None` when there is no line feed left. Lines end in CRLF; a
/// bare LF is accepted too.
fn next_line(bytes: &[u8], pos: usize) -> Option<(usize, usize)> {
    let rel = bytes.get(pos..)?.iter().position(|&b| b == b'\n')?;
    let nl = pos + rel;
    let end = if nl > pos && bytes.get(nl - 1) == Some(&b'\r') {
        nl - 1
    } else {
        nl
    };
    Some((end, nl + 1))
}

/// Offset just past the empty line that ends the header section, counting
/// from `pos` (after any leading CRLFs); `None` if not yet there.
pub(crate) fn header_section_end(bytes: &[u8], mut pos: usize) -> Option<usize> {
    let mut first = true;
    while let Some((end, next)) = next_line(bytes, pos) {
        if end == pos && !first {
            return Some(next);
        }
        first = false;
        pos = next;
    }
    None
}

impl SipMessage {
    /// Decodes one whole message. If Content-Length is present the body
    /// must be exactly that long; without it the body is the rest of the
    /// input (allowed for datagrams, RFC 3261 18.3). Leading CRLFs are
    /// ignored (RFC 3261 7.5). Errors name the line and the header.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with_layout(bytes).map(|(m, _)| m)
    }

    pub(crate) fn decode_with_layout(bytes: &[u8]) -> Result<(Self, Layout), DecodeError> {
        let mut pos = 0;
        let mut line = 1;
        // RFC 3261 7.5: ignore CRLFs before the start line.
        while let Some((end, next)) = next_line(bytes, pos) {
            if end != pos {
                break;
            }
            pos = next;
            line += 1;
        }
        let text = |start: usize, end: usize, line: usize| {
            std::str::from_utf8(bytes.get(start..end).unwrap_or_default())
                .map_err(|_| line_err(start, line, "not valid UTF-8"))
        };
        let Some((end, next)) = next_line(bytes, pos) else {
            return Err(line_err(pos, line, "message ends inside the start line"));
        };
        let start_text = text(pos, end, line)?;
        let start = parse_start_line(start_text).map_err(|e| line_err(pos, line, e))?;
        let start_span = (pos, end);
        pos = next;
        line += 1;

        let mut headers: Vec<Header> = Vec::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        let blank_line;
        loop {
            let Some((end, next)) = next_line(bytes, pos) else {
                return Err(line_err(
                    pos,
                    line,
                    "message ends before the empty line that closes the headers",
                ));
            };
            if end == pos {
                blank_line = line;
                pos = next;
                break;
            }
            let l = text(pos, end, line)?;
            if l.starts_with(is_lws) {
                // RFC 3261 7.3.1: a line starting with white space continues
                // the previous header; the fold counts as one SP.
                let (Some(h), Some(span)) = (headers.last_mut(), spans.last_mut()) else {
                    return Err(line_err(pos, line, "continuation line before any header"));
                };
                let cont = trim_lws(l);
                if !cont.is_empty() {
                    if !h.value.is_empty() {
                        h.value.push(' ');
                    }
                    h.value.push_str(cont);
                }
                span.1 = end;
            } else {
                let Some((name, value)) = l.split_once(':') else {
                    return Err(line_err(
                        pos,
                        line,
                        format!("header line without colon: '{l}'"),
                    ));
                };
                let name = trim_lws(name);
                if !is_token(name) {
                    return Err(line_err(pos, line, format!("bad header name '{name}'")));
                }
                headers.push(Header::new(name, trim_lws(value)));
                spans.push((pos, end, line));
            }
            pos = next;
            line += 1;
        }
        let msg = Self {
            start,
            headers,
            body: bytes.get(pos..).unwrap_or_default().to_vec(),
        };
        let layout = Layout {
            start_line: start_span,
            headers: spans,
            blank_line,
            body_start: pos,
        };
        msg.check(&layout)?;
        Ok((msg, layout))
    }

    /// Checks every known header and the mandatory ones (RFC 3261 8.1.1).
    fn check(&self, layout: &Layout) -> Result<(), DecodeError> {
        let mut seen_single: Vec<&str> = Vec::new();
        for (h, &(offset, _, line)) in self.headers.iter().zip(&layout.headers) {
            let canon = canonical_name(&h.name);
            let err = |what: String| line_err(offset, line, format!("header {canon}: {what}"));
            check_value(canon, &h.value).map_err(err)?;
            if SINGLE.iter().any(|s| s.eq_ignore_ascii_case(canon)) {
                if seen_single.iter().any(|s| s.eq_ignore_ascii_case(canon)) {
                    return Err(err("appears more than once".into()));
                }
                seen_single.push(canon);
            }
            if canon == "CSeq"
                && let (StartLine::Request { method, .. }, Ok(c)) =
                    (&self.start, CSeq::parse(&h.value))
                && &c.method != method
            {
                return Err(err(format!(
                    "method {} does not match the request method {method}",
                    c.method
                )));
            }
            if canon == "Content-Length" {
                let n = parse_number(&h.value).map_err(err)? as usize;
                if n != self.body.len() {
                    return Err(err(format!(
                        "says {n} bytes but the body has {}",
                        self.body.len()
                    )));
                }
            }
        }
        // RFC 3261 10.2.2: `*` only alone (and only with Expires: 0, which is
        // the registrar's business, not the codec's).
        let contacts = self.list_values("Contact");
        if contacts.len() > 1 && contacts.contains(&"*") {
            let i = self
                .headers
                .iter()
                .position(|h| h.is("Contact"))
                .unwrap_or(0);
            let (offset, _, line) = layout.headers.get(i).copied().unwrap_or_default();
            return Err(line_err(
                offset,
                line,
                "header Contact: the wildcard '*' must be the only contact",
            ));
        }
        for name in MANDATORY {
            if !self.headers.iter().any(|h| h.is(name)) {
                return Err(line_err(
                    layout.body_start,
                    layout.blank_line,
                    format!("header {name} is missing (RFC 3261 8.1.1)"),
                ));
            }
        }
        Ok(())
    }

    /// Encodes the message: start line, `Name: value` lines, empty line,
    /// body, all CRLF-terminated. Headers are written as stored; set the
    /// body with [`SipMessage::set_body`] so that Content-Length agrees.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + self.body.len());
        self.encode_into(&mut out);
        out
    }

    /// Appends the encoding to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let mut s = String::with_capacity(256);
        let _ = write!(s, "{}\r\n", self.start);
        for h in &self.headers {
            let _ = write!(s, "{}: {}\r\n", h.name, h.value);
        }
        s.push_str("\r\n");
        out.extend_from_slice(s.as_bytes());
        out.extend_from_slice(&self.body);
    }

    /// One line for a ladder: `REGISTER sip:ims.example (CSeq 1)` or
    /// `401 Unauthorized (REGISTER)`.
    pub fn summary(&self) -> String {
        let cseq = self.cseq().ok();
        match &self.start {
            StartLine::Request { method, uri } => match cseq {
                Some(c) => format!("{method} {uri} (CSeq {})", c.seq),
                None => format!("{method} {uri}"),
            },
            StartLine::Response { code, reason } => match cseq {
                Some(c) => format!("{code} {reason} ({})", c.method),
                None => format!("{code} {reason}"),
            },
        }
    }

    // ----- builders -------------------------------------------------------

    /// A request with no headers yet.
    pub fn request(method: Method, uri: Uri) -> Self {
        Self {
            start: StartLine::Request { method, uri },
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A response with no headers yet; an empty `reason` takes the
    /// standard phrase.
    pub fn response(code: u16, reason: &str) -> Self {
        let reason = if reason.is_empty() {
            reason_phrase(code).to_string()
        } else {
            reason.to_string()
        };
        Self {
            start: StartLine::Response { code, reason },
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A response to `req` that copies every Via (in order), From, To,
    /// Call-ID and CSeq (RFC 3261 8.2.6.2), then `Content-Length: 0`. Add a
    /// To tag with [`SipMessage::with_to_tag`] when the request had none.
    pub fn response_to(req: &Self, code: u16, reason: &str) -> Self {
        let mut r = Self::response(code, reason);
        for h in &req.headers {
            if ["Via", "From", "To", "Call-ID", "CSeq"]
                .iter()
                .any(|n| h.is(n))
            {
                r.headers
                    .push(Header::new(canonical_name(&h.name), h.value.clone()));
            }
        }
        r.headers.push(Header::new("Content-Length", "0"));
        r
    }

    /// Adds `;tag=<tag>` to the To header if it has no tag (RFC 3261
    /// 8.2.6.2).
    pub fn with_to_tag(mut self, tag: &str) -> Self {
        if let Some(h) = self.headers.iter_mut().find(|h| h.is("To"))
            && let Ok(mut to) = NameAddr::parse(&h.value)
            && to.tag().is_none()
        {
            to.params.set(Param::new("tag", tag));
            h.value = to.to_string();
        }
        self
    }

    /// Appends a header line.
    pub fn push_header(&mut self, name: &str, value: impl fmt::Display) {
        self.headers.push(Header::new(name, value.to_string()));
    }

    /// Appends a header line (builder form).
    pub fn with_header(mut self, name: &str, value: impl fmt::Display) -> Self {
        self.push_header(name, value);
        self
    }

    /// Replaces the first `name` header in place (removing any others), or
    /// appends one.
    pub fn set_header(&mut self, name: &str, value: impl fmt::Display) {
        let value = value.to_string();
        match self.headers.iter().position(|h| h.is(name)) {
            Some(i) => {
                self.headers[i].value = value;
                let mut n = 0;
                self.headers.retain(|h| {
                    let keep = !h.is(name) || n == i;
                    n += 1;
                    keep
                });
            }
            None => self.headers.push(Header::new(name, value)),
        }
    }

    /// Removes every `name` header; returns how many.
    pub fn remove_header(&mut self, name: &str) -> usize {
        let before = self.headers.len();
        self.headers.retain(|h| !h.is(name));
        before - self.headers.len()
    }

    /// Sets the body, its Content-Type and a matching Content-Length.
    pub fn set_body(&mut self, content_type: &str, body: impl Into<Vec<u8>>) {
        self.body = body.into();
        self.set_header("Content-Type", content_type);
        self.set_header("Content-Length", self.body.len());
    }

    /// Builder form of [`SipMessage::set_body`].
    pub fn with_body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.set_body(content_type, body);
        self
    }

    /// Sets Content-Length to the body's length (mandatory on streams,
    /// RFC 3261 18.3).
    pub fn with_content_length(mut self) -> Self {
        self.set_header("Content-Length", self.body.len());
        self
    }

    // ----- generic access -------------------------------------------------

    /// True for a request.
    pub fn is_request(&self) -> bool {
        matches!(self.start, StartLine::Request { .. })
    }

    /// The method of a request.
    pub fn method(&self) -> Option<&Method> {
        match &self.start {
            StartLine::Request { method, .. } => Some(method),
            StartLine::Response { .. } => None,
        }
    }

    /// The Request-URI of a request.
    pub fn request_uri(&self) -> Option<&Uri> {
        match &self.start {
            StartLine::Request { uri, .. } => Some(uri),
            StartLine::Response { .. } => None,
        }
    }

    /// The status code of a response.
    pub fn status(&self) -> Option<u16> {
        match &self.start {
            StartLine::Response { code, .. } => Some(*code),
            StartLine::Request { .. } => None,
        }
    }

    /// The value of the first `name` header (compact forms match too).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.is(name))
            .map(|h| h.value.as_str())
    }

    /// Every `name` header line, in order.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Header> + 'a {
        self.headers.iter().filter(move |h| h.is(name))
    }

    /// The elements of a comma-list header over all its lines (RFC 3261
    /// 7.3.1), respecting quotes and `<>`.
    pub fn list_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|h| h.is(name))
            .flat_map(|h| split_list(&h.value))
            .collect()
    }

    fn typed_list<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, DecodeError> {
        self.list_values(name)
            .into_iter()
            .map(|v| parse(v).map_err(|e| header_err(name, e)))
            .collect()
    }

    fn typed_one<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, DecodeError> {
        self.header(name)
            .map(|v| parse(v).map_err(|e| header_err(name, e)))
            .transpose()
    }

    fn required<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        self.typed_one(name, parse)?
            .ok_or_else(|| header_err(name, "missing".into()))
    }

    // ----- typed access (RFC 3261 20 and the IMS headers) -----------------

    /// Every Via entry, top first (RFC 3261 20.42).
    pub fn via(&self) -> Result<Vec<Via>, DecodeError> {
        self.typed_list("Via", Via::parse)
    }

    /// The topmost Via.
    pub fn top_via(&self) -> Result<Via, DecodeError> {
        self.via()?
            .into_iter()
            .next()
            .ok_or_else(|| header_err("Via", "missing".into()))
    }

    /// From (RFC 3261 20.20).
    pub fn from(&self) -> Result<NameAddr, DecodeError> {
        self.required("From", NameAddr::parse)
    }

    /// To (RFC 3261 20.39).
    pub fn to(&self) -> Result<NameAddr, DecodeError> {
        self.required("To", NameAddr::parse)
    }

    /// Call-ID (RFC 3261 20.8).
    pub fn call_id(&self) -> Result<&str, DecodeError> {
        self.header("Call-ID")
            .ok_or_else(|| header_err("Call-ID", "missing".into()))
    }

    /// CSeq (RFC 3261 20.16).
    pub fn cseq(&self) -> Result<CSeq, DecodeError> {
        self.required("CSeq", CSeq::parse)
    }

    /// Contact (RFC 3261 20.10): `*` or the listed addresses; an empty list
    /// when absent.
    pub fn contacts(&self) -> Result<Contacts, DecodeError> {
        let values = self.list_values("Contact");
        if values.len() == 1 && values[0] == "*" {
            return Ok(Contacts::Wildcard);
        }
        values
            .into_iter()
            .map(|v| NameAddr::parse(v).map_err(|e| header_err("Contact", e)))
            .collect::<Result<_, _>>()
            .map(Contacts::List)
    }

    /// Expires (RFC 3261 20.19).
    pub fn expires(&self) -> Result<Option<u32>, DecodeError> {
        self.typed_one("Expires", parse_number)
    }

    /// Max-Forwards (RFC 3261 20.22).
    pub fn max_forwards(&self) -> Result<Option<u32>, DecodeError> {
        self.typed_one("Max-Forwards", parse_number)
    }

    /// Content-Length (RFC 3261 20.14).
    pub fn content_length(&self) -> Result<Option<u32>, DecodeError> {
        self.typed_one("Content-Length", parse_number)
    }

    /// Content-Type (RFC 3261 20.15).
    pub fn content_type(&self) -> Result<Option<MediaType>, DecodeError> {
        self.typed_one("Content-Type", MediaType::parse)
    }

    /// The addresses of a name-addr list header: Route, Record-Route, Path
    /// (RFC 3327), Service-Route (RFC 3608), P-Associated-URI,
    /// P-Asserted-Identity, P-Preferred-Identity (RFC 7315, RFC 3325).
    pub fn addresses(&self, name: &str) -> Result<Vec<NameAddr>, DecodeError> {
        self.typed_list(name, NameAddr::parse)
    }

    /// Route (RFC 3261 20.34).
    pub fn route(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("Route")
    }

    /// Record-Route (RFC 3261 20.30).
    pub fn record_route(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("Record-Route")
    }

    /// Path (RFC 3327).
    pub fn path(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("Path")
    }

    /// Service-Route (RFC 3608).
    pub fn service_route(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("Service-Route")
    }

    /// P-Associated-URI (RFC 7315 4.1).
    pub fn p_associated_uri(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("P-Associated-URI")
    }

    /// P-Asserted-Identity (RFC 3325 9.1).
    pub fn p_asserted_identity(&self) -> Result<Vec<NameAddr>, DecodeError> {
        self.addresses("P-Asserted-Identity")
    }

    /// P-Access-Network-Info (RFC 7315 4.4).
    pub fn p_access_network_info(&self) -> Result<Vec<AccessNetworkInfo>, DecodeError> {
        self.typed_list("P-Access-Network-Info", AccessNetworkInfo::parse)
    }

    /// P-Visited-Network-ID (RFC 7315 4.3).
    pub fn p_visited_network_id(&self) -> Result<Vec<VisitedNetworkId>, DecodeError> {
        self.typed_list("P-Visited-Network-ID", VisitedNetworkId::parse)
    }

    /// P-Charging-Vector (RFC 7315 4.6).
    pub fn p_charging_vector(&self) -> Result<Option<ChargingVector>, DecodeError> {
        self.typed_one("P-Charging-Vector", ChargingVector::parse)
    }

    /// The option tags or methods of a token list header: Require,
    /// Supported, Proxy-Require, Unsupported, Allow, Allow-Events.
    pub fn tokens(&self, name: &str) -> Result<Vec<String>, DecodeError> {
        self.typed_list(name, |v| {
            if is_token(v) {
                Ok(v.to_string())
            } else {
                Err(format!("bad token '{v}'"))
            }
        })
    }

    /// Require (RFC 3261 20.32).
    pub fn require(&self) -> Result<Vec<String>, DecodeError> {
        self.tokens("Require")
    }

    /// Supported (RFC 3261 20.37).
    pub fn supported(&self) -> Result<Vec<String>, DecodeError> {
        self.tokens("Supported")
    }

    /// Proxy-Require (RFC 3261 20.29).
    pub fn proxy_require(&self) -> Result<Vec<String>, DecodeError> {
        self.tokens("Proxy-Require")
    }

    /// Allow (RFC 3261 20.5), as methods.
    pub fn allow(&self) -> Result<Vec<Method>, DecodeError> {
        self.typed_list("Allow", Method::parse)
    }

    /// Event (RFC 6665 8.2.1).
    pub fn event(&self) -> Result<Option<Event>, DecodeError> {
        self.typed_one("Event", Event::parse)
    }

    /// Subscription-State (RFC 6665 8.2.3).
    pub fn subscription_state(&self) -> Result<Option<SubscriptionState>, DecodeError> {
        self.typed_one("Subscription-State", SubscriptionState::parse)
    }

    /// User-Agent (RFC 3261 20.41), as text.
    pub fn user_agent(&self) -> Option<&str> {
        self.header("User-Agent")
    }

    /// WWW-Authenticate challenges (RFC 3261 20.44), one per line.
    pub fn www_authenticate(&self) -> Result<Vec<Challenge>, DecodeError> {
        self.per_line("WWW-Authenticate", Challenge::parse)
    }

    /// Proxy-Authenticate challenges (RFC 3261 20.27).
    pub fn proxy_authenticate(&self) -> Result<Vec<Challenge>, DecodeError> {
        self.per_line("Proxy-Authenticate", Challenge::parse)
    }

    /// Authorization credentials (RFC 3261 20.7), one per line.
    pub fn authorization(&self) -> Result<Vec<Credentials>, DecodeError> {
        self.per_line("Authorization", Credentials::parse)
    }

    /// Proxy-Authorization credentials (RFC 3261 20.28).
    pub fn proxy_authorization(&self) -> Result<Vec<Credentials>, DecodeError> {
        self.per_line("Proxy-Authorization", Credentials::parse)
    }

    fn per_line<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, DecodeError> {
        self.headers_named(name)
            .map(|h| parse(&h.value).map_err(|e| header_err(name, e)))
            .collect()
    }

    /// Security-Client mechanisms (RFC 3329 2.2).
    pub fn security_client(&self) -> Result<Vec<SecurityMechanism>, DecodeError> {
        self.typed_list("Security-Client", SecurityMechanism::parse)
    }

    /// Security-Server mechanisms (RFC 3329 2.2).
    pub fn security_server(&self) -> Result<Vec<SecurityMechanism>, DecodeError> {
        self.typed_list("Security-Server", SecurityMechanism::parse)
    }

    /// Security-Verify mechanisms (RFC 3329 2.2).
    pub fn security_verify(&self) -> Result<Vec<SecurityMechanism>, DecodeError> {
        self.typed_list("Security-Verify", SecurityMechanism::parse)
    }

    /// The body as UTF-8 text, if it is.
    pub fn body_text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }

    /// The registration state document (RFC 3680) when Content-Type is
    /// `application/reginfo+xml`; `Ok(None)` for another or no body.
    pub fn reginfo(&self) -> Result<Option<RegInfo>, DecodeError> {
        match self.content_type()? {
            Some(t) if t.essence() == "application/reginfo+xml" => {
                RegInfo::parse(&self.body).map(Some)
            }
            _ => Ok(None),
        }
    }
}

fn header_err(name: &str, what: String) -> DecodeError {
    DecodeError::new(PROTO, 0, format!("header {}: {what}", canonical_name(name)))
}

/// Headers that may appear only once.
const SINGLE: &[&str] = &[
    "From",
    "To",
    "Call-ID",
    "CSeq",
    "Content-Length",
    "Content-Type",
    "Max-Forwards",
    "Expires",
];

/// Headers every message must carry (RFC 3261 8.1.1; Max-Forwards is left
/// out so that responses and lenient peers pass).
const MANDATORY: &[&str] = &["Via", "From", "To", "Call-ID", "CSeq"];

/// Headers whose value is a comma list of name-addr.
pub(crate) const ADDRESS_LISTS: &[&str] = &[
    "Route",
    "Record-Route",
    "Path",
    "Service-Route",
    "P-Associated-URI",
    "P-Asserted-Identity",
    "P-Preferred-Identity",
    "P-Called-Party-ID",
];

/// Headers whose value is a comma list of tokens.
pub(crate) const TOKEN_LISTS: &[&str] = &[
    "Require",
    "Supported",
    "Proxy-Require",
    "Unsupported",
    "Allow",
    "Allow-Events",
];

/// Checks a known header's value; others pass.
fn check_value(canon: &str, v: &str) -> Result<(), String> {
    fn each<T>(v: &str, f: impl Fn(&str) -> Result<T, String>) -> Result<(), String> {
        let items = split_list(v);
        if items.is_empty() {
            return Err("empty value".into());
        }
        items.into_iter().try_for_each(|i| f(i).map(drop))
    }
    match canon {
        "Via" => each(v, Via::parse),
        "From" | "To" => NameAddr::parse(v).map(drop),
        "Call-ID" => {
            if v.is_empty() || v.contains(char::is_whitespace) {
                Err("empty or contains white space".into())
            } else {
                Ok(())
            }
        }
        "CSeq" => CSeq::parse(v).map(drop),
        // A `*` element is checked with the whole list in `check`.
        "Contact" => each(v, |e| {
            if e == "*" {
                Ok(())
            } else {
                NameAddr::parse(e).map(drop)
            }
        }),
        "Expires" | "Max-Forwards" | "Content-Length" | "Min-Expires" => parse_number(v).map(drop),
        "Content-Type" => MediaType::parse(v).map(drop),
        "Event" => Event::parse(v).map(drop),
        "Subscription-State" => SubscriptionState::parse(v).map(drop),
        "P-Access-Network-Info" => each(v, AccessNetworkInfo::parse),
        "P-Visited-Network-ID" => each(v, VisitedNetworkId::parse),
        "P-Charging-Vector" => ChargingVector::parse(v).map(drop),
        "WWW-Authenticate" | "Proxy-Authenticate" => Challenge::parse(v).map(drop),
        "Authorization" | "Proxy-Authorization" => Credentials::parse(v).map(drop),
        "Security-Client" | "Security-Server" | "Security-Verify" => {
            each(v, SecurityMechanism::parse)
        }
        c if ADDRESS_LISTS.contains(&c) => each(v, NameAddr::parse),
        c if TOKEN_LISTS.contains(&c) => parse_tokens(v).map(drop),
        _ => Ok(()),
    }
}

fn parse_start_line(l: &str) -> Result<StartLine, String> {
    if let Some(rest) = strip_version(l) {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
        let rest = rest
            .strip_prefix(' ')
            .ok_or("status line: expected a space after SIP/2.0")?;
        let (code, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        let valid = code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit());
        let code: u16 = code
            .parse()
            .ok()
            .filter(|c| valid && (100..700).contains(c))
            .ok_or_else(|| format!("status line: bad status code '{code}'"))?;
        return Ok(StartLine::Response {
            code,
            reason: reason.to_string(),
        });
    }
    // Request-Line = Method SP Request-URI SP SIP-Version
    let mut parts = l.split(' ');
    let (Some(m), Some(u), Some(v), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("bad start line '{l}'"));
    };
    let method = Method::parse(m).map_err(|e| format!("request line: {e}"))?;
    let uri = Uri::parse(u).map_err(|e| format!("Request-URI: {e}"))?;
    if strip_version(v) != Some("") {
        return Err(format!("request line: unsupported version '{v}'"));
    }
    Ok(StartLine::Request { method, uri })
}

/// Strips a leading `SIP/2.0` (case-insensitive, RFC 3261 7.1).
fn strip_version(s: &str) -> Option<&str> {
    let head = s.get(..7)?;
    head.eq_ignore_ascii_case("SIP/2.0").then(|| &s[7..])
}

impl fmt::Display for StartLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Request { method, uri } => write!(f, "{method} {uri} SIP/2.0"),
            Self::Response { code, reason } => write!(f, "SIP/2.0 {code} {reason}"),
        }
    }
}

/// The usual reason phrase of a status code (RFC 3261 21 and extensions).
pub fn reason_phrase(code: u16) -> &'static str {
    match code {
        100 => "Trying",
        180 => "Ringing",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        420 => "Bad Extension",
        421 => "Extension Required",
        423 => "Interval Too Brief",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        489 => "Bad Event",
        494 => "Security Agreement Required",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        504 => "Server Time-out",
        600 => "Busy Everywhere",
        603 => "Decline",
        _ => match code / 100 {
            1 => "Provisional",
            2 => "Success",
            3 => "Redirection",
            4 => "Client Error",
            5 => "Server Error",
            _ => "Global Failure",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REG: &str = "REGISTER sip:ims.example SIP/2.0\r\n\
        Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK1\r\n\
        From: <sip:u@ims.example>;tag=a\r\n\
        To: <sip:u@ims.example>\r\n\
        Call-ID: c1\r\n\
        CSeq: 1 REGISTER\r\n\
        Content-Length: 0\r\n\r\n";

    #[test]
    fn decode_reads_start_line_and_headers() {
        let m = SipMessage::decode(REG.as_bytes()).unwrap();
        assert_eq!(m.method(), Some(&Method::Register));
        assert_eq!(m.headers.len(), 6);
        assert_eq!(m.summary(), "REGISTER sip:ims.example (CSeq 1)");
        assert_eq!(m.encode(), REG.as_bytes());
    }

    #[test]
    fn decode_names_line_of_bad_cseq_method() {
        let bad = REG.replace("1 REGISTER", "1 INVITE");
        let e = SipMessage::decode(bad.as_bytes()).unwrap_err();
        assert!(
            e.what.starts_with("line 6: header CSeq: method INVITE"),
            "{e}"
        );
    }

    #[test]
    fn response_to_copies_dialog_headers() {
        let req = SipMessage::decode(REG.as_bytes()).unwrap();
        let r = SipMessage::response_to(&req, 200, "").with_to_tag("t1");
        assert_eq!(r.summary(), "200 OK (REGISTER)");
        assert_eq!(r.to().unwrap().tag().as_deref(), Some("t1"));
        assert_eq!(r.top_via().unwrap().branch().as_deref(), Some("z9hG4bK1"));
        assert_eq!(SipMessage::decode(&r.encode()).unwrap(), r);
    }

    #[test]
    fn set_header_replaces_in_place() {
        let mut m = SipMessage::decode(REG.as_bytes()).unwrap();
        m.push_header("Call-ID", "dup");
        m.set_header("i", "c2");
        assert_eq!(m.list_values("Call-ID"), vec!["c2"]);
        assert_eq!(m.headers[3].value, "c2");
        m.set_body("text/plain", "hi");
        assert_eq!(m.header("l"), Some("2"));
        assert_eq!(SipMessage::decode(&m.encode()).unwrap(), m);
    }
}
