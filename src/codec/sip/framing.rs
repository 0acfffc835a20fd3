//! Finding message boundaries (RFC 3261 18.3): on a stream (TCP, TLS) each
//! message ends Content-Length bytes after the empty line, so the header is
//! mandatory there; in a datagram the datagram is the message, and bytes
//! beyond Content-Length are dropped.
//!
//! [`Framer`] accumulates stream bytes and hands out whole messages; it
//! copes with messages split anywhere, several in one read, and CRLF
//! keep-alives between them (RFC 5626 3.5.1). A missing or bad
//! Content-Length, or a header section over the size limit, is an error
//! after which the stream cannot be resynchronised: close the connection.

use super::PROTO;
use super::headers::canonical_name;
use super::message::{SipMessage, header_section_end};
use super::text::trim_lws;
use crate::codec::DecodeError;

/// Default cap on the header section of one message.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Default cap on the body of one message.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Reads Content-Length from a header section (folded values included).
/// `Ok(None)` when absent. Errors carry (offset, line, what).
fn content_length(section: &[u8], base_line: usize) -> Result<Option<usize>, (usize, String)> {
    let text = String::from_utf8_lossy(section);
    let mut found: Option<usize> = None;
    let mut lines = text.split('\n').enumerate().peekable();
    let mut offset = 0;
    while let Some((i, raw)) = lines.next() {
        let line_no = base_line + i;
        let line_start = offset;
        offset += raw.len() + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '\t'])
            || !canonical_name(trim_lws(name)).eq_ignore_ascii_case("Content-Length")
        {
            continue;
        }
        let mut value = trim_lws(value).to_string();
        while let Some((_, next)) = lines.peek() {
            if !next.starts_with([' ', '\t']) {
                break;
            }
            offset += next.len() + 1;
            value.push_str(trim_lws(next.strip_suffix('\r').unwrap_or(next)));
            lines.next();
        }
        let bad = |what: String| {
            (
                line_start,
                format!("line {line_no}: header Content-Length: {what}"),
            )
        };
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(format!("'{value}' is not a number")));
        }
        let n: usize = value
            .parse()
            .map_err(|_| bad(format!("{value} is too large")))?;
        if found.is_some_and(|f| f != n) {
            return Err(bad("appears twice with different values".into()));
        }
        found = Some(n);
    }
    Ok(found)
}

/// Number of leading CRLF (or LF) line ends at `pos`, and the bytes they
/// take; stops before a lone trailing CR.
fn leading_crlfs(buf: &[u8], mut pos: usize) -> (usize, usize) {
    let start = pos;
    let mut n = 0;
    loop {
        match buf.get(pos..pos + 2) {
            Some(b"\r\n") => pos += 2,
            _ if buf.get(pos) == Some(&b'\n') => pos += 1,
            _ => break,
        }
        n += 1;
    }
    (n, pos - start)
}

/// Splits a byte stream into SIP messages (RFC 3261 18.3).
#[derive(Debug, Clone)]
pub struct Framer {
    buf: Vec<u8>,
    /// Bytes of `buf` already handed out.
    start: usize,
    /// Stream offset of `buf[0]`.
    base: usize,
    /// Lines consumed so far: error line numbers count from the start of
    /// the current message, so this only tracks keep-alive CRLFs.
    crlf_run: usize,
    pings: usize,
    max_header: usize,
    max_body: usize,
    failed: Option<DecodeError>,
}

impl Default for Framer {
    fn default() -> Self {
        Self::new()
    }
}

impl Framer {
    /// A framer with the default limits.
    pub fn new() -> Self {
        Self::with_limits(MAX_HEADER_BYTES, MAX_BODY_BYTES)
    }

    /// A framer with given caps on the header section and the body.
    pub fn with_limits(max_header: usize, max_body: usize) -> Self {
        Self {
            buf: Vec::new(),
            start: 0,
            base: 0,
            crlf_run: 0,
            pings: 0,
            max_header,
            max_body,
            failed: None,
        }
    }

    /// Appends bytes read from the stream.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.base += self.start;
            self.start = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes received but not yet handed out.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// Double-CRLF keep-alive pings seen so far (RFC 5626 3.5.1); a server
    /// answers each with a single CRLF.
    pub fn pings(&self) -> usize {
        self.pings
    }

    fn fail(&mut self, offset: usize, what: String) -> DecodeError {
        let e = DecodeError::new(PROTO, self.base + offset, what);
        self.failed = Some(e.clone());
        e
    }

    /// The bytes of the next whole message, `Ok(None)` until one is
    /// complete. After an error every later call returns the same error.
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>, DecodeError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let (n, len) = leading_crlfs(&self.buf, self.start);
        if len > 0 {
            self.start += len;
            self.crlf_run += n;
            self.pings += self.crlf_run / 2;
            self.crlf_run %= 2;
        }
        // Nothing, or only the CR of a line end still to come: wait.
        if self
            .buf
            .get(self.start..)
            .is_none_or(|r| r.is_empty() || r == b"\r")
        {
            return Ok(None);
        }
        self.crlf_run = 0;
        let Some(hend) = header_section_end(&self.buf, self.start) else {
            if self.buffered() > self.max_header {
                let cap = self.max_header;
                return Err(self.fail(
                    self.start,
                    format!("header section longer than {cap} bytes without an empty line"),
                ));
            }
            return Ok(None);
        };
        if hend - self.start > self.max_header {
            let cap = self.max_header;
            return Err(self.fail(
                self.start,
                format!("header section longer than {cap} bytes"),
            ));
        }
        let section = &self.buf[self.start..hend];
        let cl = match content_length(section, 1) {
            Ok(Some(n)) => n,
            Ok(None) => {
                let lines = section.iter().filter(|&&b| b == b'\n').count();
                return Err(self.fail(
                    hend,
                    format!(
                        "line {lines}: header Content-Length is missing (mandatory on streams, RFC 3261 18.3)"
                    ),
                ));
            }
            Err((off, what)) => return Err(self.fail(self.start + off, what)),
        };
        if cl > self.max_body {
            let cap = self.max_body;
            return Err(self.fail(
                self.start,
                format!("header Content-Length: {cl} exceeds the {cap}-byte body limit"),
            ));
        }
        let end = hend + cl;
        if self.buf.len() < end {
            return Ok(None);
        }
        let frame = self.buf[self.start..end].to_vec();
        self.start = end;
        Ok(Some(frame))
    }

    /// The next whole message, decoded; `Ok(None)` until one is complete.
    /// A message that is framed correctly but malformed inside is returned
    /// as an error without breaking the stream (the next call goes on with
    /// the following message).
    pub fn next_message(&mut self) -> Result<Option<SipMessage>, DecodeError> {
        match self.next_frame()? {
            Some(f) => SipMessage::decode(&f).map(Some),
            None => Ok(None),
        }
    }
}

/// Decodes one datagram (RFC 3261 18.3): bytes beyond Content-Length are
/// dropped; a Content-Length larger than the body is an error; without
/// Content-Length the body runs to the end of the datagram.
pub fn decode_datagram(bytes: &[u8]) -> Result<SipMessage, DecodeError> {
    let (_, skip) = leading_crlfs(bytes, 0);
    if let Some(hend) = header_section_end(bytes, skip)
        && let Ok(Some(cl)) = content_length(&bytes[skip..hend], 1)
        && let Some(end) = hend.checked_add(cl).filter(|e| *e < bytes.len())
    {
        return SipMessage::decode(&bytes[..end]);
    }
    SipMessage::decode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MSG: &str = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK2\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: k\r\nCSeq: 2 OPTIONS\r\nl: 3\r\n\r\nabc";

    #[test]
    fn framer_counts_pings_and_skips_keepalives() {
        let mut f = Framer::new();
        f.push(b"\r\n\r\n\r\n");
        assert_eq!(f.next_message().unwrap(), None);
        assert_eq!(f.pings(), 1);
        f.push(b"\r\n");
        f.push(MSG.as_bytes());
        let m = f.next_message().unwrap().unwrap();
        assert_eq!(m.body, b"abc");
        assert_eq!(f.pings(), 2);
        assert_eq!(f.buffered(), 0);
    }

    #[test]
    fn framer_rejects_missing_content_length_and_stays_failed() {
        let mut f = Framer::new();
        f.push(MSG.replace("l: 3\r\n", "").as_bytes());
        let e = f.next_frame().unwrap_err();
        assert!(e.what.contains("Content-Length is missing"), "{e}");
        f.push(MSG.as_bytes());
        assert_eq!(f.next_frame().unwrap_err(), e);
    }

    #[test]
    fn framer_caps_header_section() {
        let mut f = Framer::with_limits(100, 10);
        f.push(&[b'a'; 101]);
        assert!(f.next_frame().unwrap_err().what.contains("100 bytes"));
        let mut f = Framer::with_limits(1000, 2);
        f.push(MSG.as_bytes());
        assert!(f.next_frame().unwrap_err().what.contains("body limit"));
    }

    #[test]
    fn datagram_drops_bytes_beyond_content_length() {
        let m = decode_datagram(format!("{MSG}xyz").as_bytes()).unwrap();
        assert_eq!(m.body, b"abc");
        assert!(decode_datagram(&MSG.as_bytes()[..MSG.len() - 1]).is_err());
    }
}
