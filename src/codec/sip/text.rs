//! Lexical helpers shared by the SIP header parsers (RFC 3261 25.1): tokens,
//! quoted strings, and splitting on separators that are not inside quotes or
//! angle brackets.

/// True for the characters of `token` (RFC 3261 25.1).
pub(crate) fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-.!%*_+`'~".contains(c)
}

/// True when `s` is a non-empty `token`.
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_token_char)
}

/// Linear white space as RFC 3261 uses it (after unfolding: SP and HTAB).
pub(crate) fn is_lws(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Trims SP and HTAB on both sides.
pub(crate) fn trim_lws(s: &str) -> &str {
    s.trim_matches(is_lws)
}

/// Splits `s` on `sep` where it is outside double quotes (with backslash
/// escapes) and outside `<...>`. Pieces are trimmed; empty pieces are kept so
/// that callers can decide (RFC 3261 7.3.1 comma lists skip them).
pub(crate) fn split_outside(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_quotes = false;
    let mut escaped = false;
    let mut angle = false;
    let mut start = 0;
    // Every delimiter is ASCII, and no byte of a multi-byte UTF-8 sequence
    // is, so scanning bytes finds the same boundaries as scanning chars.
    debug_assert!(sep.is_ascii(), "separators are ASCII");
    let sep = sep as u32;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if in_quotes {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_quotes = false;
            }
            continue;
        }
        match b {
            b'"' => in_quotes = true,
            b'<' => angle = true,
            b'>' => angle = false,
            _ if u32::from(b) == sep && b.is_ascii() && !angle => {
                out.push(trim_lws(&s[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(trim_lws(&s[start..]));
    out
}

/// The comma-separated elements of a list header value (RFC 3261 7.3.1),
/// skipping empty ones.
pub(crate) fn split_list(s: &str) -> Vec<&str> {
    split_outside(s, ',')
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect()
}

/// Removes the surrounding quotes of a `quoted-string` and its backslash
/// escapes; a value without quotes is returned as is. `None` when it opens a
/// quote that it never closes.
pub(crate) fn unquote(s: &str) -> Option<String> {
    let s = trim_lws(s);
    let Some(inner) = s.strip_prefix('"') else {
        return Some(s.to_string());
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => {
                // Only the closing quote may end the string.
                return chars.as_str().is_empty().then_some(out);
            }
            _ => out.push(c),
        }
    }
    None
}

/// Writes `s` as a `quoted-string`.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Index of the first `c` outside double quotes.
pub(crate) fn find_unquoted(s: &str, c: char) -> Option<usize> {
    let mut in_quotes = false;
    let mut escaped = false;
    for (i, ch) in s.char_indices() {
        if in_quotes {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_quotes = false;
            }
        } else if ch == '"' {
            in_quotes = true;
        } else if ch == c {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_list_respects_quotes_and_angles() {
        let v = split_list(r#""A, \"B\"" <sip:a@x;p=1,2>;q=1 , <sip:b@y>,,"#);
        assert_eq!(v, vec![r#""A, \"B\"" <sip:a@x;p=1,2>;q=1"#, "<sip:b@y>"]);
    }

    #[test]
    fn unquote_handles_escapes_and_rejects_open_quotes() {
        assert_eq!(unquote(r#""a\"b""#).as_deref(), Some("a\"b"));
        assert_eq!(unquote("tok").as_deref(), Some("tok"));
        assert_eq!(unquote("\"open"), None);
        assert_eq!(unquote("\"a\"b"), None);
        assert_eq!(quote("a\"b"), r#""a\"b""#);
    }

    #[test]
    fn token_rejects_separators() {
        assert!(is_token("AKAv1-MD5"));
        assert!(!is_token("a b"));
        assert!(!is_token(""));
    }
}
