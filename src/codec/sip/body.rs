//! Message bodies this codec reads: the registration state document
//! `application/reginfo+xml` (RFC 3680 5). SDP and text bodies stay text.
//!
//! The XML reader is deliberately small: elements, attributes, text,
//! comments, processing instructions and CDATA, enough for reginfo; it
//! never panics and rejects what it cannot read.

use super::PROTO;
use crate::codec::DecodeError;
use std::fmt::Write;

/// A reginfo document (RFC 3680 5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegInfo {
    /// `version` attribute, incremented per NOTIFY.
    pub version: u32,
    /// `state`: `full` or `partial`.
    pub state: String,
    /// One entry per address-of-record.
    pub registrations: Vec<Registration>,
}

/// The `<registration>` of one AoR (RFC 3680 5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// `aor`: the address-of-record (IMPU).
    pub aor: String,
    /// `id`.
    pub id: String,
    /// `state`: `init`, `active` or `terminated`.
    pub state: String,
    /// Its contacts.
    pub contacts: Vec<RegContact>,
}

/// A `<contact>` of a registration (RFC 3680 5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegContact {
    /// `id`.
    pub id: String,
    /// `state`: `active` or `terminated`.
    pub state: String,
    /// `event`: `registered`, `created`, `refreshed`, `shortened`,
    /// `expired`, `deactivated`, `probation`, `unregistered`, `rejected`.
    pub event: String,
    /// `expires`, seconds left.
    pub expires: Option<u32>,
    /// The contact address (`<uri>` element).
    pub uri: String,
}

impl RegInfo {
    /// Parses the document.
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| DecodeError::new(PROTO, e.valid_up_to(), "reginfo: not UTF-8"))?;
        let mut info: Option<Self> = None;
        let mut stack: Vec<String> = Vec::new();
        let mut x = Xml { s: text, pos: 0 };
        while let Some(ev) = x.next()? {
            match ev {
                XmlEvent::Start { name, attrs, empty } => {
                    let parent = stack.last().map(String::as_str);
                    match (parent, name.as_str()) {
                        (None, "reginfo") => {
                            info = Some(Self {
                                version: attr(&attrs, "version")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(0),
                                state: attr(&attrs, "state").unwrap_or_default(),
                                registrations: Vec::new(),
                            });
                        }
                        (None, other) => {
                            return Err(x.err(format!("reginfo: root element is <{other}>")));
                        }
                        (Some("reginfo"), "registration") => {
                            if let Some(i) = info.as_mut() {
                                i.registrations.push(Registration {
                                    aor: attr(&attrs, "aor").unwrap_or_default(),
                                    id: attr(&attrs, "id").unwrap_or_default(),
                                    state: attr(&attrs, "state").unwrap_or_default(),
                                    contacts: Vec::new(),
                                });
                            }
                        }
                        (Some("registration"), "contact") => {
                            if let Some(r) = info.as_mut().and_then(|i| i.registrations.last_mut())
                            {
                                r.contacts.push(RegContact {
                                    id: attr(&attrs, "id").unwrap_or_default(),
                                    state: attr(&attrs, "state").unwrap_or_default(),
                                    event: attr(&attrs, "event").unwrap_or_default(),
                                    expires: attr(&attrs, "expires").and_then(|v| v.parse().ok()),
                                    uri: String::new(),
                                });
                            }
                        }
                        _ => {}
                    }
                    if !empty {
                        stack.push(name);
                    }
                }
                XmlEvent::End(name) => {
                    if stack.pop().as_deref() != Some(name.as_str()) {
                        return Err(x.err(format!("reginfo: unexpected </{name}>")));
                    }
                }
                XmlEvent::Text(t) => {
                    let n = stack.len();
                    let in_uri = n >= 2 && stack[n - 1] == "uri" && stack[n - 2] == "contact";
                    if in_uri
                        && let Some(c) = info
                            .as_mut()
                            .and_then(|i| i.registrations.last_mut())
                            .and_then(|r| r.contacts.last_mut())
                    {
                        c.uri.push_str(t.trim());
                    }
                }
            }
        }
        if !stack.is_empty() {
            return Err(x.err("reginfo: document ends inside an element"));
        }
        info.ok_or_else(|| x.err("reginfo: no <reginfo> element"))
    }

    /// Writes the document (RFC 3680 5.1, as in its 6 example).
    pub fn to_xml(&self) -> String {
        let mut s = String::from("<?xml version=\"1.0\"?>\r\n");
        let _ = write!(
            s,
            "<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"{}\" state=\"{}\">\r\n",
            self.version,
            esc(&self.state)
        );
        for r in &self.registrations {
            let _ = write!(
                s,
                "  <registration aor=\"{}\" id=\"{}\" state=\"{}\">\r\n",
                esc(&r.aor),
                esc(&r.id),
                esc(&r.state)
            );
            for c in &r.contacts {
                let _ = write!(
                    s,
                    "    <contact id=\"{}\" state=\"{}\" event=\"{}\"",
                    esc(&c.id),
                    esc(&c.state),
                    esc(&c.event)
                );
                if let Some(e) = c.expires {
                    let _ = write!(s, " expires=\"{e}\"");
                }
                let _ = write!(
                    s,
                    ">\r\n      <uri>{}</uri>\r\n    </contact>\r\n",
                    esc(&c.uri)
                );
            }
            s.push_str("  </registration>\r\n");
        }
        s.push_str("</reginfo>\r\n");
        s
    }
}

fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            _ => o.push(c),
        }
    }
    o
}

/// Resolves the five predefined entities and numeric references.
fn unesc(s: &str) -> Option<String> {
    let mut o = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        o.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let semi = after.find(';')?;
        let ent = &after[..semi];
        let c = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = if let Some(h) = ent.strip_prefix("#x") {
                    u32::from_str_radix(h, 16).ok()?
                } else {
                    ent.strip_prefix('#')?.parse().ok()?
                };
                char::from_u32(n)?
            }
        };
        o.push(c);
        rest = &after[semi + 1..];
    }
    o.push_str(rest);
    Some(o)
}

enum XmlEvent {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    End(String),
    Text(String),
}

/// A pull reader over XML text. Names lose their namespace prefix.
struct Xml<'a> {
    s: &'a str,
    pos: usize,
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

impl<'a> Xml<'a> {
    fn err(&self, what: impl Into<String>) -> DecodeError {
        DecodeError::new(PROTO, self.pos, what)
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or_default()
    }

    /// Skips past `end`, or fails.
    fn skip_past(&mut self, end: &str) -> Result<(), DecodeError> {
        let i = self
            .rest()
            .find(end)
            .ok_or_else(|| self.err(format!("reginfo: missing '{end}'")))?;
        self.pos += i + end.len();
        Ok(())
    }

    fn next(&mut self) -> Result<Option<XmlEvent>, DecodeError> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = &rest[..end];
                self.pos += end;
                if raw.trim().is_empty() {
                    continue;
                }
                let t = unesc(raw).ok_or_else(|| self.err("reginfo: bad entity"))?;
                return Ok(Some(XmlEvent::Text(t)));
            }
            if rest.starts_with("<?") {
                self.skip_past("?>")?;
            } else if rest.starts_with("<!--") {
                self.skip_past("-->")?;
            } else if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
                let end = cdata
                    .find("]]>")
                    .ok_or_else(|| self.err("reginfo: unterminated CDATA"))?;
                let t = cdata[..end].to_string();
                self.pos += 9 + end + 3;
                return Ok(Some(XmlEvent::Text(t)));
            } else if rest.starts_with("<!") {
                self.skip_past(">")?;
            } else if let Some(close) = rest.strip_prefix("</") {
                let end = close
                    .find('>')
                    .ok_or_else(|| self.err("reginfo: unterminated end tag"))?;
                let name = local(close[..end].trim());
                self.pos += 2 + end + 1;
                return Ok(Some(XmlEvent::End(name)));
            } else {
                return self.start_tag().map(Some);
            }
        }
    }

    fn start_tag(&mut self) -> Result<XmlEvent, DecodeError> {
        let rest = self.rest();
        // Find the closing '>' outside attribute quotes.
        let mut quote: Option<char> = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '>' => {
                    end = Some(i);
                    break;
                }
                None => {}
            }
        }
        let end = end.ok_or_else(|| self.err("reginfo: unterminated tag"))?;
        let mut inner = &rest[1..end];
        let empty = inner.ends_with('/');
        if empty {
            inner = &inner[..inner.len() - 1];
        }
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = &inner[..name_end];
        if name.is_empty() {
            return Err(self.err("reginfo: empty tag name"));
        }
        let mut attrs = Vec::new();
        let mut a = inner[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or_else(|| self.err("reginfo: attribute without value"))?;
            let aname = a[..eq].trim();
            let v = a[eq + 1..].trim_start();
            let q = v
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
                .ok_or_else(|| self.err("reginfo: unquoted attribute"))?;
            let vend = v[1..]
                .find(q)
                .ok_or_else(|| self.err("reginfo: unterminated attribute"))?;
            let value = unesc(&v[1..1 + vend]).ok_or_else(|| self.err("reginfo: bad entity"))?;
            attrs.push((local(aname), value));
            a = v[1 + vend + 1..].trim_start();
        }
        let name = local(name);
        self.pos += end + 1;
        Ok(XmlEvent::Start { name, attrs, empty })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0"?>
<!-- RFC 3680 style -->
<reginfo xmlns="urn:ietf:params:xml:ns:reginfo" version="1" state="full">
  <registration aor="sip:user@example.com" id="a7" state="active">
    <contact id="76" state="active" event="registered" expires="600">
      <uri>sip:user@10.46.0.2:5060</uri>
      <unknown-element a='b'/>
    </contact>
    <contact id="77" state="terminated" event="expired"><uri><![CDATA[sip:old@x]]></uri></contact>
  </registration>
  <registration aor="tel:+15550001" id="a8" state="init"/>
</reginfo>"#;

    #[test]
    fn reginfo_reads_states_and_contacts() {
        let r = RegInfo::parse(DOC.as_bytes()).unwrap();
        assert_eq!((r.version, r.state.as_str()), (1, "full"));
        assert_eq!(r.registrations.len(), 2);
        let a = &r.registrations[0];
        assert_eq!(
            (a.aor.as_str(), a.state.as_str()),
            ("sip:user@example.com", "active")
        );
        assert_eq!(a.contacts[0].uri, "sip:user@10.46.0.2:5060");
        assert_eq!(a.contacts[0].expires, Some(600));
        assert_eq!(a.contacts[1].uri, "sip:old@x");
        assert_eq!(a.contacts[1].event, "expired");
        assert_eq!(r.registrations[1].state, "init");
        assert_eq!(RegInfo::parse(r.to_xml().as_bytes()).unwrap(), r);
    }

    #[test]
    fn reginfo_rejects_broken_documents() {
        assert!(RegInfo::parse(b"<reginfo><registration></reginfo>").is_err());
        assert!(RegInfo::parse(b"<other/>").is_err());
        assert!(RegInfo::parse(b"<reginfo a=\"1").is_err());
        assert!(RegInfo::parse(b"").is_err());
        assert!(RegInfo::parse(b"<reginfo>&bogus;</reginfo>").is_err());
    }
}
