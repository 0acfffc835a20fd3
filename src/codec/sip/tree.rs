//! The human view of a SIP message: start line, one field per header line
//! with its byte span and typed parts, and the body.

use super::auth::{Challenge, Credentials};
use super::body::RegInfo;
use super::headers::{
    AccessNetworkInfo, CSeq, ChargingVector, MediaType, TokenParams, Via, VisitedNetworkId,
    canonical_name, compact_form,
};
use super::message::{ADDRESS_LISTS, SipMessage, StartLine, TOKEN_LISTS};
use super::secagree::SecurityMechanism;
use super::text::split_list;
use super::uri::{NameAddr, Param, Params, Uri};
use crate::codec::{DecodeError, Field};

fn param_fields(params: &Params) -> Vec<Field> {
    params.iter().map(param_field).collect()
}

fn param_field(p: &Param) -> Field {
    Field::new(p.name.clone(), p.text().unwrap_or_default())
}

fn opt(out: &mut Vec<Field>, name: &str, v: &Option<String>) {
    if let Some(v) = v {
        out.push(Field::new(name, v));
    }
}

fn uri_fields(uri: &Uri) -> Vec<Field> {
    match uri {
        Uri::Sip(s) => {
            let mut f = vec![Field::new("Scheme", if s.secure { "sips" } else { "sip" })];
            opt(&mut f, "User", &s.user);
            f.push(Field::new("Host", &s.host));
            if let Some(p) = s.port {
                f.push(Field::new("Port", p));
            }
            f.extend(param_fields(&s.params));
            for (n, v) in &s.headers {
                f.push(Field::new(format!("?{n}"), v));
            }
            f
        }
        Uri::Tel(t) => {
            let mut f = vec![Field::new("Scheme", "tel"), Field::new("Number", &t.number)];
            f.extend(param_fields(&t.params));
            f
        }
        Uri::Other(s) => vec![Field::new("URI", s)],
    }
}

fn name_addr_fields(a: &NameAddr) -> Vec<Field> {
    let mut f = Vec::new();
    opt(&mut f, "Display-Name", &a.display);
    f.push(Field::group("URI", uri_fields(&a.uri)).with_value(a.uri.to_string()));
    f.extend(param_fields(&a.params));
    f
}

trait WithValue {
    fn with_value(self, v: String) -> Self;
}

impl WithValue for Field {
    fn with_value(mut self, v: String) -> Self {
        self.value = v;
        self
    }
}

fn via_fields(v: &Via) -> Vec<Field> {
    let mut f = vec![
        Field::new("Sent-Protocol", v.sent_protocol()),
        Field::new("Sent-By", v.sent_by()),
    ];
    f.extend(param_fields(&v.params));
    f
}

fn challenge_fields(c: &Challenge) -> Vec<Field> {
    match c {
        Challenge::Digest(d) => {
            let mut f = vec![
                Field::new("Scheme", "Digest"),
                Field::new("realm", &d.realm),
                Field::new("nonce", &d.nonce),
            ];
            opt(&mut f, "algorithm", &d.algorithm);
            if !d.qop.is_empty() {
                f.push(Field::new("qop", d.qop.join(",")));
            }
            opt(&mut f, "opaque", &d.opaque);
            if let Some(s) = d.stale {
                f.push(Field::new("stale", s));
            }
            opt(&mut f, "domain", &d.domain);
            opt(&mut f, "ik", &d.ik);
            opt(&mut f, "ck", &d.ck);
            f.extend(d.other.iter().map(param_field));
            f
        }
        Challenge::Other { scheme, params } => {
            let mut f = vec![Field::new("Scheme", scheme)];
            f.extend(params.iter().map(param_field));
            f
        }
    }
}

fn credential_fields(c: &Credentials) -> Vec<Field> {
    match c {
        Credentials::Digest(d) => {
            let mut f = vec![
                Field::new("Scheme", "Digest"),
                Field::new("username", &d.username),
                Field::new("realm", &d.realm),
                Field::new("nonce", &d.nonce),
                Field::new("uri", &d.uri),
                Field::new("response", &d.response),
            ];
            opt(&mut f, "algorithm", &d.algorithm);
            opt(&mut f, "cnonce", &d.cnonce);
            opt(&mut f, "opaque", &d.opaque);
            opt(&mut f, "qop", &d.qop);
            opt(&mut f, "nc", &d.nc);
            opt(&mut f, "auts", &d.auts);
            opt(&mut f, "integrity-protected", &d.integrity_protected);
            f.extend(d.other.iter().map(param_field));
            f
        }
        Credentials::Other { scheme, params } => {
            let mut f = vec![Field::new("Scheme", scheme)];
            f.extend(params.iter().map(param_field));
            f
        }
    }
}

fn mechanism_fields(m: &SecurityMechanism) -> Vec<Field> {
    let mut f = vec![Field::new("Mechanism", m.name())];
    match m {
        SecurityMechanism::Ipsec3gpp(i) => {
            opt(&mut f, "q", &i.q);
            f.push(Field::new("alg", &i.alg));
            opt(&mut f, "ealg", &i.ealg);
            opt(&mut f, "prot", &i.prot);
            opt(&mut f, "mod", &i.mode);
            f.push(Field::new("spi-c", i.spi_c));
            f.push(Field::new("spi-s", i.spi_s));
            f.push(Field::new("port-c", i.port_c));
            f.push(Field::new("port-s", i.port_s));
            f.extend(param_fields(&i.other));
        }
        SecurityMechanism::Other { params, .. } => f.extend(param_fields(params)),
    }
    f
}

fn token_params_fields(head: &str, t: &TokenParams) -> Vec<Field> {
    let mut f = vec![Field::new(head, &t.value)];
    f.extend(param_fields(&t.params));
    f
}

/// Typed parts of a list header: one group per element when there are
/// several, the element's fields directly when there is one.
fn list<T>(
    v: &str,
    label: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    fields: impl Fn(&T) -> Vec<Field>,
) -> Vec<Field> {
    let items: Vec<&str> = split_list(v);
    let parsed: Vec<(String, Vec<Field>)> = items
        .iter()
        .filter_map(|i| parse(i).ok().map(|t| (i.to_string(), fields(&t))))
        .collect();
    if parsed.len() == 1 {
        return parsed
            .into_iter()
            .next()
            .map(|(_, f)| f)
            .unwrap_or_default();
    }
    parsed
        .into_iter()
        .map(|(raw, f)| Field::group(label, f).with_value(raw))
        .collect()
}

fn header_children(canon: &str, v: &str) -> Vec<Field> {
    fn one<T>(
        v: &str,
        p: impl Fn(&str) -> Result<T, String>,
        f: impl Fn(&T) -> Vec<Field>,
    ) -> Vec<Field> {
        p(v).map(|t| f(&t)).unwrap_or_default()
    }
    match canon {
        "Via" => list(v, "Via", Via::parse, via_fields),
        "From" | "To" => one(v, NameAddr::parse, name_addr_fields),
        "Contact" if v == "*" => vec![Field::new("Wildcard", "*")],
        "Contact" => list(v, "Contact", NameAddr::parse, name_addr_fields),
        "CSeq" => one(v, CSeq::parse, |c| {
            vec![
                Field::new("Sequence-Number", c.seq),
                Field::new("Method", &c.method),
            ]
        }),
        "Content-Type" => one(v, MediaType::parse, |m| {
            let mut f = vec![Field::new("Media-Type", m.essence())];
            f.extend(param_fields(&m.params));
            f
        }),
        "Event" => one(v, TokenParams::parse, |t| token_params_fields("Package", t)),
        "Subscription-State" => one(v, TokenParams::parse, |t| token_params_fields("State", t)),
        "P-Access-Network-Info" => list(v, "Access-Info", AccessNetworkInfo::parse, |a| {
            let mut f = vec![Field::new("Access-Type", &a.access_type)];
            f.extend(param_fields(&a.params));
            f
        }),
        "P-Visited-Network-ID" => list(v, "Network", VisitedNetworkId::parse, |n| {
            let mut f = vec![Field::new("Network", &n.network)];
            f.extend(param_fields(&n.params));
            f
        }),
        "P-Charging-Vector" => one(v, ChargingVector::parse, |c| param_fields(&c.params)),
        "WWW-Authenticate" | "Proxy-Authenticate" => one(v, Challenge::parse, challenge_fields),
        "Authorization" | "Proxy-Authorization" => one(v, Credentials::parse, credential_fields),
        "Security-Client" | "Security-Server" | "Security-Verify" => {
            list(v, "Mechanism", SecurityMechanism::parse, mechanism_fields)
        }
        c if ADDRESS_LISTS.contains(&c) => list(v, "Address", NameAddr::parse, name_addr_fields),
        c if TOKEN_LISTS.contains(&c) => split_list(v)
            .into_iter()
            .map(|t| Field::new("Tag", t))
            .collect(),
        _ => Vec::new(),
    }
}

fn body_children(msg: &SipMessage) -> Vec<Field> {
    let essence = msg
        .content_type()
        .ok()
        .flatten()
        .map(|t| t.essence())
        .unwrap_or_default();
    if essence == "application/reginfo+xml" {
        return match RegInfo::parse(&msg.body) {
            Ok(r) => {
                let mut f = vec![
                    Field::new("version", r.version),
                    Field::new("state", &r.state),
                ];
                for reg in &r.registrations {
                    let mut g = Field::group(
                        "Registration",
                        vec![
                            Field::new("aor", &reg.aor),
                            Field::new("id", &reg.id),
                            Field::new("state", &reg.state),
                        ],
                    )
                    .with_value(reg.aor.clone());
                    for c in &reg.contacts {
                        let mut cf = vec![
                            Field::new("id", &c.id),
                            Field::new("state", &c.state),
                            Field::new("event", &c.event),
                        ];
                        if let Some(e) = c.expires {
                            cf.push(Field::new("expires", e));
                        }
                        cf.push(Field::new("uri", &c.uri));
                        g = g.child(Field::group("Contact", cf).with_value(c.uri.clone()));
                    }
                    f.push(g);
                }
                f
            }
            Err(e) => vec![Field::new("Error", e.what)],
        };
    }
    match msg.body_text() {
        Some(t) => t
            .lines()
            .map(|l| Field::new("Line", l.trim_end_matches('\r')))
            .collect(),
        None => vec![Field::new("Bytes", crate::codec::hex(&msg.body))],
    }
}

/// Decodes `bytes` as one SIP message and renders it for humans, with byte
/// spans for the start line, every header line and the body.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let (msg, layout) = SipMessage::decode_with_layout(bytes)?;
    let (ls, le) = layout.start_line;
    let start = match &msg.start {
        StartLine::Request { method, uri } => {
            // The request line is `Method SP Request-URI SP SIP/2.0`.
            let line = bytes.get(ls..le).unwrap_or_default();
            let mut spaces = line.iter().enumerate().filter(|(_, b)| **b == b' ');
            let m_end = ls + spaces.next().map_or(0, |(i, _)| i);
            let u_start = m_end + 1;
            let u_end = ls + spaces.next().map_or(line.len(), |(i, _)| i);
            Field::group(
                "Request-Line",
                vec![
                    Field::new("Method", method).at(ls, m_end),
                    Field::group("Request-URI", uri_fields(uri))
                        .with_value(uri.to_string())
                        .at(u_start, u_end.min(le)),
                ],
            )
            .with_value(msg.start.to_string())
            .at(ls, le)
        }
        StartLine::Response { code, reason } => Field::group(
            "Status-Line",
            vec![
                Field::new("Status-Code", code),
                Field::new("Reason-Phrase", reason),
            ],
        )
        .with_value(msg.start.to_string())
        .at(ls, le),
    };
    let mut headers = Vec::with_capacity(msg.headers.len());
    for (h, &(s, e, _)) in msg.headers.iter().zip(&layout.headers) {
        let canon = canonical_name(&h.name);
        let mut f = Field::group(canon, header_children(canon, &h.value))
            .with_value(h.value.clone())
            .at(s, e);
        if h.name.len() == 1 && compact_form(canon).is_some() {
            f.children.insert(0, Field::new("Compact-Form", &h.name));
        }
        headers.push(f);
    }
    let mut root = Field::group("SIP", vec![start, Field::group("Message-Header", headers)])
        .with_value(msg.summary());
    if !msg.body.is_empty() {
        root = root.child(
            Field::group("Message-Body", body_children(&msg))
                .with_value(format!("{} bytes", msg.body.len()))
                .at(layout.body_start, bytes.len()),
        );
    }
    Ok(root)
}
