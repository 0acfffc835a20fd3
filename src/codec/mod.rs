//! Wire codecs: bytes in, typed values out, and back. Nothing here knows about
//! nodes, sockets or clocks.
//!
//! Every protocol module offers the same three things:
//! - `decode(&[u8]) -> Result<Msg, DecodeError>` that never panics,
//! - `Msg::encode(&self) -> Vec<u8>` that reproduces the wire bytes,
//! - `Msg::summary(&self) -> String`, a one-line description for the ladder,
//!   and a [`Field`] tree for `volte-sim decode` and the detail views.
//!
//! The helpers in this file ([`Reader`], [`DecodeError`], [`Field`]) are shared
//! by all of them.

pub mod diameter;
pub mod display;
pub mod esp;
pub mod gtpu;
pub mod gtpv2c;
pub mod nas;
pub mod plmn;
pub mod s1ap;
pub mod sip;

use std::fmt;

/// Why a decoder refused its input: the protocol, where it stopped and what it
/// expected. Offsets count bytes from the start of the buffer handed to the
/// decoder that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Protocol (or protocol element) being decoded, e.g. `"GTPv2-C"`, `"NAS IE APN"`.
    pub proto: &'static str,
    /// Byte offset at which decoding failed.
    pub offset: usize,
    /// What was wrong, in plain words.
    pub what: String,
}

impl DecodeError {
    /// Builds an error for `proto` at `offset`.
    pub fn new(proto: &'static str, offset: usize, what: impl Into<String>) -> Self {
        Self {
            proto,
            offset,
            what: what.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (at byte {})", self.proto, self.what, self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// A bounds-checked cursor over a byte slice. Every read either succeeds or
/// returns a [`DecodeError`] naming the protocol and offset; it never panics.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Offset of `buf[0]` within the outermost message, so nested readers
    /// report absolute offsets.
    base: usize,
    proto: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader over `buf` that reports errors as `proto`.
    pub fn new(proto: &'static str, buf: &'a [u8]) -> Self {
        Self {
            buf,
            pos: 0,
            base: 0,
            proto,
        }
    }

    /// Absolute offset of the next byte to be read.
    pub fn offset(&self) -> usize {
        self.base + self.pos
    }

    /// Bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// True when every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// An error at the current offset.
    pub fn error(&self, what: impl Into<String>) -> DecodeError {
        DecodeError::new(self.proto, self.offset(), what)
    }

    /// Reads `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.remaining() {
            return Err(self.error(format!(
                "needs {n} more bytes, only {} left",
                self.remaining()
            )));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// Reads exactly `N` bytes into an array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    /// Reads everything that is left.
    pub fn rest(&mut self) -> &'a [u8] {
        let s = &self.buf[self.pos..];
        self.pos = self.buf.len();
        s
    }

    /// Looks at the next byte without consuming it.
    pub fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    /// Reads one byte.
    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    /// Reads a big-endian u16.
    pub fn u16(&mut self) -> Result<u16, DecodeError> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    /// Reads a big-endian 24-bit integer.
    pub fn u24(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(3)?;
        Ok(u32::from_be_bytes([0, b[0], b[1], b[2]]))
    }

    /// Reads a big-endian u32.
    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// Reads a big-endian u64.
    pub fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_be_bytes(self.array()?))
    }

    /// Splits off a sub-reader over the next `n` bytes (for length-prefixed
    /// elements); offsets reported by the sub-reader stay absolute.
    pub fn sub(&mut self, n: usize) -> Result<Self, DecodeError> {
        let base = self.offset();
        let buf = self.take(n)?;
        Ok(Reader {
            buf,
            pos: 0,
            base,
            proto: self.proto,
        })
    }

    /// The same reader reporting errors under another protocol name.
    pub fn with_proto(mut self, proto: &'static str) -> Self {
        self.proto = proto;
        self
    }
}

/// One node of a decoded message, for humans: `volte-sim decode`, the TUI
/// detail pane and logs. `span` is the byte range (start, end) of the field in
/// the buffer that was decoded, when the codec can tell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Field {
    /// Field or IE name, as the spec names it.
    pub name: String,
    /// Its value rendered for reading ("" for pure containers).
    pub value: String,
    /// Byte range in the decoded buffer, if known.
    pub span: Option<(usize, usize)>,
    /// Nested fields.
    pub children: Vec<Self>,
}

impl Field {
    /// A leaf field.
    pub fn new(name: impl Into<String>, value: impl fmt::Display) -> Self {
        Self {
            name: name.into(),
            value: value.to_string(),
            span: None,
            children: Vec::new(),
        }
    }

    /// A container field with no value of its own.
    pub fn group(name: impl Into<String>, children: Vec<Self>) -> Self {
        Self {
            name: name.into(),
            value: String::new(),
            span: None,
            children,
        }
    }

    /// Sets the byte range.
    pub fn at(mut self, start: usize, end: usize) -> Self {
        self.span = Some((start, end));
        self
    }

    /// Adds a child.
    pub fn child(mut self, f: Self) -> Self {
        self.children.push(f);
        self
    }

    /// Renders the tree as indented text, one field per line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out, 0);
        out
    }

    fn render_into(&self, out: &mut String, depth: usize) {
        use fmt::Write;
        let indent = "  ".repeat(depth);
        if self.value.is_empty() {
            let _ = writeln!(out, "{indent}{}", self.name);
        } else {
            let _ = writeln!(out, "{indent}{}: {}", self.name, self.value);
        }
        for c in &self.children {
            c.render_into(out, depth + 1);
        }
    }

    /// Depth-first search for the first field called `name`.
    pub fn find(&self, name: &str) -> Option<&Self> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }
}

/// Lowercase hex without separators.
pub fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Parses hex, ignoring whitespace, colons and a leading `0x`.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, DecodeError> {
    let t = text.trim();
    let t = t.strip_prefix("0x").unwrap_or(t);
    let digits: Vec<u8> = t
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b':')
        .collect();
    if !digits.len().is_multiple_of(2) {
        return Err(DecodeError::new(
            "hex",
            digits.len(),
            "odd number of hex digits",
        ));
    }
    digits
        .chunks(2)
        .enumerate()
        .map(|(i, p)| {
            let s = std::str::from_utf8(p).map_err(|_| DecodeError::new("hex", i, "not ASCII"))?;
            u8::from_str_radix(s, 16)
                .map_err(|_| DecodeError::new("hex", i, format!("'{s}' is not a hex byte")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_reports_offset_of_short_read() {
        let mut r = Reader::new("T", &[1, 2, 3]);
        assert_eq!(r.u16().unwrap(), 0x0102);
        let mut sub = r.sub(1).unwrap();
        let e = sub.u16().unwrap_err();
        assert_eq!(e.offset, 2);
        assert_eq!(e.proto, "T");
        assert!(r.is_empty());
    }

    #[test]
    fn parse_hex_accepts_spaces_and_prefix() {
        assert_eq!(parse_hex("0x0a 0B:ff").unwrap(), vec![0x0a, 0x0b, 0xff]);
        assert!(parse_hex("abc").is_err());
        assert!(parse_hex("zz").is_err());
    }

    #[test]
    fn field_renders_indented_tree() {
        let f = Field::group("Msg", vec![Field::new("a", 1), Field::new("b", "x")]);
        assert_eq!(f.render(), "Msg\n  a: 1\n  b: x\n");
        assert_eq!(f.find("b").unwrap().value, "x");
    }
}
