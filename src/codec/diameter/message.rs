//! The generic Diameter message: a header and a list of AVPs (RFC 6733 3).

use super::avp::{Avp, AvpValue, decode_avps, find, find_all};
use super::header::{HEADER_LEN, Header};
use super::{PROTO, dict, result};
use crate::codec::{DecodeError, Reader};

/// Any Diameter message, decoded without knowing its command: the header and
/// the AVPs in wire order (Grouped ones nested). Encoding a decoded message
/// gives back its bytes (padding bytes come back as zeros).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Message {
    /// The header.
    pub header: Header,
    /// The AVPs in wire order.
    pub avps: Vec<Avp>,
}

impl Message {
    /// A message with `header` and `avps`.
    pub fn new(header: Header, avps: Vec<Avp>) -> Self {
        Self { header, avps }
    }

    /// Decodes one whole message: `bytes` must be exactly as long as its
    /// Message Length says.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new(PROTO, bytes);
        let (header, length) = Header::read(&mut r)?;
        if length != bytes.len() {
            return Err(DecodeError::new(
                PROTO,
                1,
                format!(
                    "Message Length {length} but {} bytes were given",
                    bytes.len()
                ),
            ));
        }
        let avps = decode_avps(&mut r, 0)?;
        Ok(Self { header, avps })
    }

    /// Bytes the message takes on the wire.
    pub fn encoded_len(&self) -> usize {
        HEADER_LEN + self.avps.iter().map(Avp::encoded_len).sum::<usize>()
    }

    /// Appends the message; the Message Length is written after the AVPs.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let start = out.len();
        self.header.write(0, out);
        for a in &self.avps {
            a.encode_into(out);
        }
        let len = (out.len() - start) as u32;
        out[start + 1..start + 4].copy_from_slice(&len.to_be_bytes()[1..]);
    }

    /// The message's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode_into(&mut out);
        out
    }

    /// True when the R bit is set.
    pub fn is_request(&self) -> bool {
        self.header.is_request()
    }

    /// The first top-level AVP with `code` and `vendor`.
    pub fn avp(&self, code: u32, vendor: impl Into<Option<u32>>) -> Option<&Avp> {
        find(&self.avps, code, vendor.into())
    }

    /// Every top-level AVP with `code` and `vendor`.
    pub fn avps(
        &self,
        code: u32,
        vendor: impl Into<Option<u32>>,
    ) -> impl Iterator<Item = &Avp> + '_ {
        find_all(&self.avps, code, vendor.into())
    }

    /// Every AVP, nested ones included, depth first in wire order (the order
    /// Wireshark lists them in).
    pub fn all_avps(&self) -> Vec<&Avp> {
        fn walk<'a>(avps: &'a [Avp], out: &mut Vec<&'a Avp>) {
            for a in avps {
                out.push(a);
                if let AvpValue::Grouped(inner) = &a.value {
                    walk(inner, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.avps, &mut out);
        out
    }

    /// Session-Id, if present and text.
    pub fn session_id(&self) -> Option<&str> {
        self.text(&dict::SESSION_ID)
    }

    /// Origin-Host, if present and text.
    pub fn origin_host(&self) -> Option<&str> {
        self.text(&dict::ORIGIN_HOST)
    }

    /// Result-Code, if present.
    pub fn result_code(&self) -> Option<u32> {
        self.avp(268, None).and_then(|a| a.u32().ok())
    }

    /// Experimental-Result as (Vendor-Id, Experimental-Result-Code), if present.
    pub fn experimental_result(&self) -> Option<(u32, u32)> {
        let er = self.avp(297, None)?;
        let vendor = er.avp(266, None)?.u32().ok()?;
        let code = er.avp(298, None)?.u32().ok()?;
        Some((vendor, code))
    }

    fn text(&self, def: &dict::AvpDef) -> Option<&str> {
        self.avp(def.code, def.vendor_id())
            .and_then(|a| a.utf8().ok())
    }

    /// One line for a ladder: "MAR (sip:user@realm)", "UAA 2001
    /// DIAMETER_FIRST_REGISTRATION", "CER (mme.example.org)".
    pub fn summary(&self) -> String {
        let name = dict::command_short_name(self.header.command, self.is_request());
        if self.is_request() {
            let ident = self
                .text(&dict::PUBLIC_IDENTITY)
                .or_else(|| self.text(&dict::USER_NAME))
                .or_else(|| self.origin_host());
            request_summary(&name, ident)
        } else {
            answer_summary(
                &name,
                self.header.application,
                self.result_code(),
                self.experimental_result(),
            )
        }
    }
}

/// "NAME (ident)" or "NAME".
pub(crate) fn request_summary(name: &str, ident: Option<&str>) -> String {
    match ident {
        Some(i) => format!("{name} ({i})"),
        None => name.to_string(),
    }
}

/// "NAME code CODE_NAME", preferring the Experimental-Result when present.
pub(crate) fn answer_summary(
    name: &str,
    app: u32,
    result_code: Option<u32>,
    experimental: Option<(u32, u32)>,
) -> String {
    match (experimental, result_code) {
        (Some((vendor, code)), _) => with_name(
            name,
            code,
            result::experimental_result_name(vendor, app, code),
        ),
        (None, Some(code)) => with_name(name, code, result::result_code_name(code)),
        (None, None) => name.to_string(),
    }
}

fn with_name(name: &str, code: u32, code_name: Option<&str>) -> String {
    match code_name {
        Some(n) => format!("{name} {code} {n}"),
        None => format!("{name} {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::header::CommandFlags;
    use crate::codec::{hex, parse_hex};

    // The DWA of the reference flow.
    const DWA: &str = "0100007c000001180000000000000002000000020000010c4000000c000007d1\
        000001084000002d6873732e6570632e6d6e633030312e6d63633030312e336770706e6574776f726b2e6f7267000000\
        00000128400000296570632e6d6e633030312e6d63633030312e336770706e6574776f726b2e6f7267000000";

    #[test]
    fn message_decodes_and_reencodes_dwa() {
        let bytes = parse_hex(DWA).unwrap();
        let m = Message::decode(&bytes).unwrap();
        assert_eq!(m.header.command, 280);
        assert!(!m.is_request());
        assert_eq!(m.result_code(), Some(2001));
        assert_eq!(
            m.origin_host(),
            Some("hss.epc.mnc001.mcc001.3gppnetwork.org")
        );
        assert_eq!(m.avps.len(), 3);
        assert_eq!(m.encode(), bytes);
        assert_eq!(m.summary(), "DWA 2001 DIAMETER_SUCCESS");
    }

    #[test]
    fn message_rejects_length_mismatch() {
        let mut bytes = parse_hex(DWA).unwrap();
        bytes.push(0);
        let e = Message::decode(&bytes).unwrap_err();
        assert!(e.what.contains("Message Length 124"), "{e}");
        assert!(Message::decode(&bytes[..10]).is_err());
    }

    #[test]
    fn message_zeroes_padding_on_reencode() {
        let mut bytes = parse_hex(DWA).unwrap();
        let last = bytes.len() - 1;
        bytes[last] = 0xee;
        let m = Message::decode(&bytes).unwrap();
        assert_eq!(&m.encode()[..last], &bytes[..last]);
        assert_eq!(m.encode()[last], 0);
    }

    #[test]
    fn message_builds_length_from_avps() {
        let h = Header::new(CommandFlags(CommandFlags::REQUEST), 280, 0, 7, 8);
        let m = Message::new(h, vec![dict::ORIGIN_HOST.utf8("a")]);
        assert_eq!(
            hex(&m.encode()),
            "0100002080000118000000000000000700000008000001084000000961000000"
        );
        assert_eq!(m.summary(), "DWR (a)");
    }

    #[test]
    fn summary_prefers_experimental_result() {
        let h = Header::new(CommandFlags(0x40), 300, dict::APP_CX, 1, 1);
        let er = dict::EXPERIMENTAL_RESULT.grouped(vec![
            dict::VENDOR_ID.u32(10415),
            dict::EXPERIMENTAL_RESULT_CODE.u32(2001),
        ]);
        let m = Message::new(h, vec![er]);
        assert_eq!(m.summary(), "UAA 2001 DIAMETER_FIRST_REGISTRATION");
        assert_eq!(m.experimental_result(), Some((10415, 2001)));
    }
}
