//! Reading raw entries with serde and turning what goes wrong into plain
//! sentences at the right field path; converting [`Scalar`] leaves into
//! typed values with the same care.

use super::diag::{Report, join, suggestion};
use super::schema::{Scalar, fields_of};
use super::units;
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use serde_yaml::Value;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

/// Reads one entry (a node, an APN, a subscriber...) at `path` as `T`.
///
/// Unknown keys are all reported (with the keys `what` accepts) and
/// dropped; then a value of the wrong shape is reported and dropped, and
/// reading goes on, so every problem of the entry is found in one pass.
/// `None` only when the entry itself has the wrong shape.
pub(crate) fn read_entry<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    what: &str,
    report: &mut Report,
) -> Option<T> {
    let mut value = value.clone();
    let fields = fields_of::<T>();
    if let Value::Mapping(m) = &mut value
        && !fields.is_empty()
    {
        let unknown: Vec<Value> = m
            .keys()
            .filter(|k| !k.as_str().is_some_and(|k| fields.contains(&k)))
            .cloned()
            .collect();
        for k in unknown {
            let name = key_text(&k);
            report.error(
                &join(path, &name),
                format!(
                    "unknown key '{name}' for {what}{} (allowed: {})",
                    suggestion(&name, fields),
                    fields.join(", ")
                ),
            );
            m.remove(&k);
        }
    }
    // Each failure removes one key, so this ends.
    loop {
        match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(t) => return Some(t),
            Err(e) => {
                let mut segments = e.path().iter();
                let first = segments.next();
                let mut p = path.to_string();
                for s in e.path().iter() {
                    match s {
                        Segment::Seq { index } => p = format!("{p}[{index}]"),
                        Segment::Map { key } => p = join(&p, key),
                        Segment::Enum { variant } => p = join(&p, variant),
                        Segment::Unknown => {}
                    }
                }
                let msg = friendly(&e.inner().to_string());
                match (first, &mut value) {
                    (Some(Segment::Map { key }), Value::Mapping(m)) => {
                        report.error(&p, msg);
                        m.remove(key.as_str())?;
                    }
                    _ => {
                        let shape = if fields.is_empty() {
                            msg
                        } else {
                            format!(
                                "{what} must be a mapping of keys (key: value), got {}",
                                got_word(&value)
                            )
                        };
                        report.error(&p, shape);
                        return None;
                    }
                }
            }
        }
    }
}

/// A mapping key as text.
pub(crate) fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "~".into(),
        _ => "?".into(),
    }
}

fn got_word(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{s}'"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(t) => format!("a value tagged {}", t.tag),
    }
}

/// serde's messages, in the words of this file format.
pub(crate) fn friendly(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let mut words = rest.split('`').step_by(2);
        let key = words.next().unwrap_or_default();
        let allowed: Vec<&str> = words.filter(|w| !w.trim().is_empty()).collect();
        let list = if allowed.is_empty() {
            "no keys are allowed here".to_string()
        } else {
            format!("allowed: {}", allowed.join(", "))
        };
        return format!("unknown key '{key}'{} ({list})", suggestion(key, &allowed));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((got, expected)) = rest.split_once(", expected ")
    {
        let got = if let Some(s) = got.strip_prefix("string ") {
            s.to_string()
        } else {
            match got {
                "sequence" => "a list".into(),
                "map" => "a mapping".into(),
                "unit value" => "nothing".into(),
                other => other
                    .split_once(' ')
                    .map(|(_, v)| v.trim_matches('`').to_string())
                    .unwrap_or_else(|| other.to_string()),
            }
        };
        let expected = match expected {
            "a boolean" => "true or false".to_string(),
            "a sequence" => "a list".to_string(),
            e if e.starts_with("struct ") || e == "a YAML mapping" => {
                "a mapping of keys (key: value)".to_string()
            }
            e => e.to_string(),
        };
        return format!("expected {expected}, got {got}");
    }
    msg.to_string()
}

/// The last key of a path (`nodes.enb1.tac` -> `tac`), for messages.
pub(crate) fn field_name(path: &str) -> &str {
    let tail = path.rsplit('.').next().unwrap_or(path);
    tail.split('[').next().unwrap_or(tail)
}

/// Text of a scalar; booleans and numbers are turned into text.
pub(crate) fn text(s: &Scalar) -> String {
    s.text()
}

/// An integer in `0..=max`, written as a number or as text (decimal or
/// `0x` hex).
pub(crate) fn uint(report: &mut Report, path: &str, s: &Scalar, max: u64) -> Option<u64> {
    let v = match s {
        Scalar::Int(i) => u64::try_from(*i).ok(),
        Scalar::Text(t) => units::parse_int(t),
        _ => None,
    };
    match v {
        Some(v) if v <= max => Some(v),
        _ => {
            let range = if max > 0xffff {
                format!("0 to {max} (0x{max:X})")
            } else {
                format!("0 to {max}")
            };
            report.error(
                path,
                format!(
                    "{} must be an integer from {range}, got {}",
                    field_name(path),
                    quoted(s)
                ),
            );
            None
        }
    }
}

/// `'text'` for text, the bare value otherwise.
pub(crate) fn quoted(s: &Scalar) -> String {
    match s {
        Scalar::Text(t) => format!("'{t}'"),
        other => other.text(),
    }
}

/// An IPv4 or IPv6 address.
pub(crate) fn ip(report: &mut Report, path: &str, s: &Scalar) -> Option<IpAddr> {
    match text(s).trim().parse() {
        Ok(a) => Some(a),
        Err(_) => {
            report.error(
                path,
                format!("{} is not an IPv4 or IPv6 address", quoted(s)),
            );
            None
        }
    }
}

/// A TCP address, `IP:PORT` (IPv6 in brackets: `[::1]:3868`); port 0
/// means any free port.
pub(crate) fn socket_addr(report: &mut Report, path: &str, s: &Scalar) -> Option<SocketAddr> {
    match text(s).trim().parse() {
        Ok(a) => Some(a),
        Err(_) => {
            report.error(
                path,
                format!(
                    "{} is not an address and port (IP:PORT, e.g. 127.0.0.1:3868, or [::1]:3868 for IPv6)",
                    quoted(s)
                ),
            );
            None
        }
    }
}

/// An IPv4 address.
pub(crate) fn ipv4(report: &mut Report, path: &str, s: &Scalar) -> Option<Ipv4Addr> {
    match text(s).trim().parse() {
        Ok(a) => Some(a),
        Err(_) => {
            report.error(path, format!("{} is not an IPv4 address", quoted(s)));
            None
        }
    }
}

/// An IPv6 address.
pub(crate) fn ipv6(report: &mut Report, path: &str, s: &Scalar) -> Option<Ipv6Addr> {
    match text(s).trim().parse() {
        Ok(a) => Some(a),
        Err(_) => {
            report.error(
                path,
                format!(
                    "{} is not an IPv6 address (write IPv6 addresses in quotes, e.g. \"fd00:46::1\")",
                    quoted(s)
                ),
            );
            None
        }
    }
}

/// A duration (`250ms`); a bare 0 is allowed.
pub(crate) fn duration(report: &mut Report, path: &str, s: &Scalar) -> Option<Duration> {
    match units::parse_duration(&text(s)) {
        Ok(d) => Some(d),
        Err(e) => {
            report.error(path, e);
            None
        }
    }
}

/// A 16-byte key (K, OPc, OP) in hex.
pub(crate) fn key16(report: &mut Report, path: &str, s: &Scalar) -> Option<[u8; 16]> {
    let name = field_name(path);
    let Scalar::Text(t) = s else {
        report.error(
            path,
            format!(
                "{name} must be 32 hex digits (16 bytes) in quotes; YAML read {} as a number",
                s.text()
            ),
        );
        return None;
    };
    match units::parse_hex::<16>(name, t) {
        Ok(k) => Some(k),
        Err(e) => {
            report.error(path, e);
            None
        }
    }
}

/// An SQN: an integer, or hex text.
pub(crate) fn sqn(report: &mut Report, path: &str, s: &Scalar) -> Option<u64> {
    let r = match s {
        Scalar::Int(i) => u64::try_from(*i)
            .map_err(|_| format!("SQN {i} is negative"))
            .and_then(units::check_sqn),
        Scalar::Text(t) => units::parse_sqn_hex(t),
        other => Err(format!(
            "sqn must be an integer or hex text, got {}",
            other.text()
        )),
    };
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            report.error(path, e);
            None
        }
    }
}

/// A string of exactly `len` decimal digits (or between `min` and `len`).
pub(crate) fn digits(
    report: &mut Report,
    path: &str,
    s: &Scalar,
    min: usize,
    len: usize,
) -> Option<String> {
    let t = text(s);
    let ok = t.bytes().all(|b| b.is_ascii_digit()) && (min..=len).contains(&t.len());
    if ok {
        Some(t)
    } else {
        let want = if min == len {
            format!("{len} digits")
        } else {
            format!("{min} to {len} digits")
        };
        let got = if t.bytes().all(|b| b.is_ascii_digit()) {
            format!("{} digits", t.len())
        } else {
            quoted(s)
        };
        let hint = if matches!(s, Scalar::Int(_)) && t.len() < len {
            " (if it starts with 0, write it in quotes)"
        } else {
            ""
        };
        report.error(
            path,
            format!("{} must be {want}, got {got}{hint}", field_name(path)),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::lines::LineMap;

    #[test]
    fn friendly_rewrites_unknown_fields_and_types() {
        assert_eq!(
            friendly("unknown field `mmme`, expected one of `kind`, `mme`"),
            "unknown key 'mmme' (did you mean 'mme'?) (allowed: kind, mme)"
        );
        assert_eq!(
            friendly("unknown field `y`, expected `x`"),
            "unknown key 'y' (allowed: x)"
        );
        assert_eq!(
            friendly("invalid type: string \"maybe\", expected a boolean"),
            "expected true or false, got \"maybe\""
        );
        assert_eq!(
            friendly("invalid type: sequence, expected a single value (text or a number)"),
            "expected a single value (text or a number), got a list"
        );
        assert_eq!(
            friendly("invalid type: integer `5`, expected struct RawNas"),
            "expected a mapping of keys (key: value), got 5"
        );
        assert_eq!(friendly("something else"), "something else");
    }

    #[test]
    fn field_name_is_the_last_key() {
        assert_eq!(field_name("nodes.enb1.tac"), "tac");
        assert_eq!(field_name("ues[0].apns[1]"), "apns");
        assert_eq!(field_name("seed"), "seed");
    }

    #[test]
    fn uint_accepts_numbers_and_hex_text_in_range() {
        let mut r = Report::new("f", LineMap::default());
        assert_eq!(uint(&mut r, "a.tac", &Scalar::Int(7), 0xffff), Some(7));
        assert_eq!(
            uint(&mut r, "a.tac", &Scalar::Text("0x10".into()), 0xffff),
            Some(16)
        );
        assert_eq!(uint(&mut r, "a.tac", &Scalar::Int(70000), 0xffff), None);
        assert_eq!(uint(&mut r, "a.tac", &Scalar::Int(-1), 0xffff), None);
        let e = r.into_error();
        assert_eq!(
            e.errors[0].message,
            "tac must be an integer from 0 to 65535, got 70000"
        );
    }
}
