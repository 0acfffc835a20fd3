//! GTP-U (TS 29.281): the user plane tunnel on S1-U and S5/S8-U.
//!
//! - [`header`]: the header with its optional fields and extension headers.
//! - G-PDU (255) carries a user IP packet; Echo Request/Response (1/2), Error
//!   Indication (26) and End Marker (254) are the signalling messages (7.x).
//!
//! [`decode`] gives a [`Message`], [`Message::encode`] the bytes back, and
//! [`tree`] a tree for humans that also summarises the IP packet of a G-PDU.

pub mod header;
mod ip;

pub use header::{ExtensionHeader, Header, ext_types};
pub use ip::{InnerIp, inner_ip};

use super::{DecodeError, Field, Reader, hex};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub(crate) const PROTO: &str = "GTP-U";

/// Message type values (TS 29.281 Table 6.1-1).
pub mod message_types {
    /// Echo Request.
    pub const ECHO_REQUEST: u8 = 1;
    /// Echo Response.
    pub const ECHO_RESPONSE: u8 = 2;
    /// Error Indication.
    pub const ERROR_INDICATION: u8 = 26;
    /// Supported Extension Headers Notification.
    pub const SUPPORTED_EXTENSION_HEADERS_NOTIFICATION: u8 = 31;
    /// Tunnel Status.
    pub const TUNNEL_STATUS: u8 = 253;
    /// End Marker.
    pub const END_MARKER: u8 = 254;
    /// G-PDU (user data).
    pub const G_PDU: u8 = 255;
}

/// Name of message type `t`, or "" when unknown here.
pub fn message_name(t: u8) -> &'static str {
    match t {
        1 => "Echo Request",
        2 => "Echo Response",
        26 => "Error Indication",
        31 => "Supported Extension Headers Notification",
        253 => "Tunnel Status",
        254 => "End Marker",
        255 => "G-PDU",
        _ => "",
    }
}

/// IE types of GTP-U (TS 29.281 8.1).
pub mod ie_types {
    /// Recovery (TV, 1 octet).
    pub const RECOVERY: u8 = 14;
    /// Tunnel Endpoint Identifier Data I (TV, 4 octets).
    pub const TEID_DATA_I: u8 = 16;
    /// GTP-U Peer Address (TLV).
    pub const PEER_ADDRESS: u8 = 133;
    /// Extension Header Type List (TLV with a 1-octet length).
    pub const EXTENSION_HEADER_TYPE_LIST: u8 = 141;
    /// Private Extension (TLV).
    pub const PRIVATE_EXTENSION: u8 = 255;
}

/// Name of GTP-U IE type `t`.
pub fn ie_name(t: u8) -> &'static str {
    match t {
        14 => "Recovery",
        16 => "TEID Data I",
        133 => "GTP-U Peer Address",
        141 => "Extension Header Type List",
        255 => "Private Extension",
        _ => "IE",
    }
}

/// One GTP-U IE (TS 29.281 8): TV for types below 128 (fixed length per
/// type), TLV above (2-octet length; 1 octet for type 141).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Ie {
    /// IE type.
    pub ie_type: u8,
    /// Value octets (a TV value is cut or zero-padded to its fixed length on encoding).
    pub value: Vec<u8>,
}

/// Fixed value length of a TV IE, `None` for TLV types and unknown TV types.
fn tv_len(t: u8) -> Option<usize> {
    match t {
        ie_types::RECOVERY => Some(1),
        ie_types::TEID_DATA_I => Some(4),
        _ => None,
    }
}

impl Ie {
    /// An IE.
    pub fn new(ie_type: u8, value: Vec<u8>) -> Self {
        Self { ie_type, value }
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let at = r.offset();
        let t = r.u8()?;
        let len = if t >= 128 {
            if t == ie_types::EXTENSION_HEADER_TYPE_LIST {
                usize::from(r.u8()?)
            } else {
                usize::from(r.u16()?)
            }
        } else {
            tv_len(t).ok_or_else(|| {
                DecodeError::new(PROTO, at, format!("TV IE type {t} of unknown length"))
            })?
        };
        Ok(Self {
            ie_type: t,
            value: r.take(len)?.to_vec(),
        })
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        out.push(self.ie_type);
        let v = &self.value;
        if let Some(n) = tv_len(self.ie_type).filter(|_| self.ie_type < 128) {
            out.extend_from_slice(&v[..v.len().min(n)]);
            out.resize(out.len() + n.saturating_sub(v.len()), 0);
        } else if self.ie_type < 128 {
            // Unknown TV type: its length cannot be told; write the value as is.
            out.extend_from_slice(v);
        } else if self.ie_type == ie_types::EXTENSION_HEADER_TYPE_LIST {
            let n = v.len().min(255);
            out.push(n as u8);
            out.extend_from_slice(&v[..n]);
        } else {
            let n = v.len().min(usize::from(u16::MAX));
            out.extend_from_slice(&(n as u16).to_be_bytes());
            out.extend_from_slice(&v[..n]);
        }
    }
}

fn read_ies(r: &mut Reader<'_>) -> Result<Vec<Ie>, DecodeError> {
    let mut ies = Vec::new();
    while !r.is_empty() {
        ies.push(Ie::read(r)?);
    }
    Ok(ies)
}

/// Writes the typed IEs (given in ascending type order, as TS 29.281 7.1
/// asks), then the other IEs as received.
fn write_ies(typed: &[Ie], other: &[Ie], out: &mut Vec<u8>) {
    for ie in typed.iter().chain(other) {
        ie.encode_into(out);
    }
}

/// Echo Request (TS 29.281 7.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EchoRequest {
    /// IEs (Private Extension), as received.
    pub ies: Vec<Ie>,
}

/// Echo Response (TS 29.281 7.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EchoResponse {
    /// Recovery restart counter (sent as 0 in GTP-U, ignored on receipt).
    pub recovery: u8,
    /// Other IEs (Private Extension), as received.
    pub ies: Vec<Ie>,
}

/// Error Indication (TS 29.281 7.3.1): sent back for a G-PDU to an unknown
/// TEID; usually with a UDP Port extension header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorIndication {
    /// TEID Data I: the TEID of the G-PDU that had no context.
    pub teid_data_i: u32,
    /// GTP-U Peer Address: the address the G-PDU was sent to.
    pub peer_address: IpAddr,
    /// Other IEs (Private Extension), as received.
    pub ies: Vec<Ie>,
}

/// End Marker (TS 29.281 7.3.2): the last G-PDU on the old path of a handover.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EndMarker {
    /// IEs (Private Extension), as received.
    pub ies: Vec<Ie>,
}

/// The body of a GTP-U message, by message type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Echo Request (1).
    EchoRequest(EchoRequest),
    /// Echo Response (2).
    EchoResponse(EchoResponse),
    /// Error Indication (26).
    ErrorIndication(ErrorIndication),
    /// End Marker (254).
    EndMarker(EndMarker),
    /// G-PDU (255): the user packet (T-PDU).
    GPdu(Vec<u8>),
    /// Any other message type, payload raw.
    Other {
        /// Message type.
        message_type: u8,
        /// Octets after the header.
        payload: Vec<u8>,
    },
}

impl Body {
    /// The message type.
    pub fn message_type(&self) -> u8 {
        use message_types::*;
        match self {
            Self::EchoRequest(_) => ECHO_REQUEST,
            Self::EchoResponse(_) => ECHO_RESPONSE,
            Self::ErrorIndication(_) => ERROR_INDICATION,
            Self::EndMarker(_) => END_MARKER,
            Self::GPdu(_) => G_PDU,
            Self::Other { message_type, .. } => *message_type,
        }
    }

    fn decode(t: u8, r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        use message_types::*;
        Ok(match t {
            G_PDU => Self::GPdu(r.rest().to_vec()),
            ECHO_REQUEST => Self::EchoRequest(EchoRequest { ies: read_ies(r)? }),
            ECHO_RESPONSE => {
                let at = r.offset();
                let mut ies = read_ies(r)?;
                let rec = take_ie(&mut ies, ie_types::RECOVERY, at)?;
                Self::EchoResponse(EchoResponse {
                    recovery: rec.value.first().copied().unwrap_or(0),
                    ies,
                })
            }
            ERROR_INDICATION => {
                let at = r.offset();
                let mut ies = read_ies(r)?;
                let t = take_ie(&mut ies, ie_types::TEID_DATA_I, at)?;
                // A TV IE: read_ies gave it exactly its 4 octets.
                let teid_data_i = t.value.iter().fold(0u32, |n, b| n << 8 | u32::from(*b));
                let p = take_ie(&mut ies, ie_types::PEER_ADDRESS, at)?;
                let peer_address = ip_from(&p.value).ok_or_else(|| {
                    DecodeError::new(PROTO, at, "GTP-U Peer Address is neither 4 nor 16 octets")
                })?;
                Self::ErrorIndication(ErrorIndication {
                    teid_data_i,
                    peer_address,
                    ies,
                })
            }
            END_MARKER => Self::EndMarker(EndMarker { ies: read_ies(r)? }),
            _ => Self::Other {
                message_type: t,
                payload: r.rest().to_vec(),
            },
        })
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        match self {
            Self::GPdu(p) | Self::Other { payload: p, .. } => out.extend_from_slice(p),
            Self::EchoRequest(m) => write_ies(&[], &m.ies, out),
            Self::EndMarker(m) => write_ies(&[], &m.ies, out),
            Self::EchoResponse(m) => {
                let recovery = Ie::new(ie_types::RECOVERY, vec![m.recovery]);
                write_ies(&[recovery], &m.ies, out);
            }
            Self::ErrorIndication(m) => {
                let addr = match m.peer_address {
                    IpAddr::V4(a) => a.octets().to_vec(),
                    IpAddr::V6(a) => a.octets().to_vec(),
                };
                let typed = [
                    Ie::new(ie_types::TEID_DATA_I, m.teid_data_i.to_be_bytes().to_vec()),
                    Ie::new(ie_types::PEER_ADDRESS, addr),
                ];
                write_ies(&typed, &m.ies, out);
            }
        }
    }
}

/// Removes the first IE of type `t` (a mandatory one) from `ies`.
fn take_ie(ies: &mut Vec<Ie>, t: u8, at: usize) -> Result<Ie, DecodeError> {
    let i = ies.iter().position(|ie| ie.ie_type == t).ok_or_else(|| {
        DecodeError::new(PROTO, at, format!("mandatory {} IE missing", ie_name(t)))
    })?;
    Ok(ies.remove(i))
}

fn ip_from(b: &[u8]) -> Option<IpAddr> {
    match b.len() {
        4 => Some(IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))),
        16 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(b);
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

/// A GTP-U message: TEID, optional fields, extension headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Tunnel Endpoint Identifier (0 for Echo).
    pub teid: u32,
    /// Sequence number (S flag).
    pub seq: Option<u16>,
    /// N-PDU number (PN flag).
    pub npdu: Option<u8>,
    /// Extension headers (E flag), in order.
    pub extensions: Vec<ExtensionHeader>,
    /// The body.
    pub body: Body,
}

impl Message {
    /// A message with no optional fields.
    pub fn new(teid: u32, body: Body) -> Self {
        Self {
            teid,
            seq: None,
            npdu: None,
            extensions: Vec::new(),
            body,
        }
    }

    /// A G-PDU carrying `packet` on `teid`.
    pub fn g_pdu(teid: u32, packet: Vec<u8>) -> Self {
        Self::new(teid, Body::GPdu(packet))
    }

    /// The message type.
    pub fn message_type(&self) -> u8 {
        self.body.message_type()
    }

    /// Decodes one UDP payload. Octets after the length field's end are an error.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new(PROTO, bytes);
        let h = Header::decode(&mut r)?;
        // Header::decode read at most the 8 fixed octets plus `length`.
        let body_len = (usize::from(h.length) + 8).saturating_sub(r.offset());
        let mut br = r.sub(body_len)?;
        if !r.is_empty() {
            return Err(r.error(format!(
                "{} octets after the end of the message",
                r.remaining()
            )));
        }
        let body = Body::decode(h.message_type, &mut br)?;
        Ok(Self {
            teid: h.teid,
            seq: h.seq,
            npdu: h.npdu,
            extensions: h.extensions,
            body,
        })
    }

    /// The wire bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        self.encode_into(&mut out);
        out
    }

    /// Appends the wire bytes. What follows the first 8 octets is cut at
    /// 65535 octets (the length field's limit).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let start = out.len();
        Header {
            message_type: self.message_type(),
            length: 0,
            teid: self.teid,
            seq: self.seq,
            npdu: self.npdu,
            extensions: self.extensions.clone(),
        }
        .encode_into(out);
        self.body.encode_into(out);
        out.truncate(start + 8 + usize::from(u16::MAX));
        let len = u16::try_from(out.len() - start - 8).unwrap_or(u16::MAX);
        out[start + 2..start + 4].copy_from_slice(&len.to_be_bytes());
    }

    /// One line for the ladder, e.g. "G-PDU (TEID 0x00001234, 10.46.0.2:50000 ->
    /// 10.46.0.1:5060 TCP)".
    pub fn summary(&self) -> String {
        let seq = self.seq.map(|s| format!(", seq {s}")).unwrap_or_default();
        match &self.body {
            Body::GPdu(p) => match inner_ip(p) {
                Some(ip) => format!("G-PDU (TEID 0x{:08x}, {ip})", self.teid),
                None => format!("G-PDU (TEID 0x{:08x}, {} octets)", self.teid, p.len()),
            },
            Body::EchoRequest(_) => format!("Echo Request (seq {})", self.seq.unwrap_or(0)),
            Body::EchoResponse(m) => format!(
                "Echo Response (seq {}, Recovery {})",
                self.seq.unwrap_or(0),
                m.recovery
            ),
            Body::ErrorIndication(m) => format!(
                "Error Indication (TEID 0x{:08x}, peer {}{seq})",
                m.teid_data_i, m.peer_address
            ),
            Body::EndMarker(_) => format!("End Marker (TEID 0x{:08x})", self.teid),
            Body::Other { message_type, .. } => match message_name(*message_type) {
                "" => format!("GTP-U message type {message_type}"),
                n => n.to_string(),
            },
        }
    }
}

/// Decodes a GTP-U UDP payload.
pub fn decode(bytes: &[u8]) -> Result<Message, DecodeError> {
    Message::decode(bytes)
}

/// Decodes `bytes` and renders them as a tree of fields for humans. For a
/// G-PDU the inner IP header is summarised when it parses; a payload that is
/// not IP never fails the tree.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let msg = Message::decode(bytes)?;
    let mut r = Reader::new(PROTO, bytes);
    let flags = r.clone().u8()?;
    let h = Header::decode(&mut r)?;
    let mut kids = vec![
        Field::new("Flags", format!("0x{flags:02x}"))
            .at(0, 1)
            .child(Field::new("Version", flags >> 5))
            .child(Field::new("Protocol Type (PT)", (flags >> 4) & 1))
            .child(Field::new("Extension Header (E)", (flags >> 2) & 1))
            .child(Field::new("Sequence Number (S)", (flags >> 1) & 1))
            .child(Field::new("N-PDU Number (PN)", flags & 1)),
        Field::new(
            "Message Type",
            match message_name(h.message_type) {
                "" => format!("{}", h.message_type),
                n => format!("{n} ({})", h.message_type),
            },
        )
        .at(1, 2),
        Field::new("Length", h.length).at(2, 4),
        Field::new("TEID", format!("0x{:08x}", h.teid)).at(4, 8),
    ];
    let body_start = r.offset();
    if body_start > 8 {
        let seq = match h.seq {
            Some(s) => s.to_string(),
            None => "(not used)".to_string(),
        };
        kids.push(Field::new("Sequence Number", seq).at(8, 10));
        let npdu = match h.npdu {
            Some(n) => n.to_string(),
            None => "(not used)".to_string(),
        };
        kids.push(Field::new("N-PDU Number", npdu).at(10, 11));
        let first = h.extensions.first().map_or(0, |e| e.kind);
        kids.push(Field::new("Next Extension Header Type", format!("0x{first:02x}")).at(11, 12));
        let mut o = 12;
        for e in &h.extensions {
            let n = usize::from(e.length_units()) * 4;
            let mut f = Field::new(ext_name_for(e), hex(&e.content))
                .at(o, o + n)
                .child(Field::new("Length (4-octet units)", e.length_units()).at(o, o + 1));
            if let Some(p) = e.port() {
                f = f.child(Field::new("UDP Port", p).at(o + 1, o + 3));
            }
            if let Some(q) = e.qfi() {
                f = f.child(Field::new("QFI", q).at(o + 2, o + 3));
            }
            kids.push(f);
            o += n;
        }
    }
    match &msg.body {
        Body::GPdu(p) => {
            let mut f = Field::new("T-PDU", format!("{} octets", p.len()))
                .at(body_start, body_start + p.len());
            if let Some(ip) = inner_ip(p) {
                f.value = ip.to_string();
                f.children = ip.fields(body_start);
            }
            kids.push(f);
        }
        Body::Other { payload, .. } => {
            kids.push(
                Field::new("Payload", hex(payload)).at(body_start, body_start + payload.len()),
            );
        }
        _ => {
            let mut br = Reader::new(PROTO, bytes.get(body_start..).unwrap_or_default());
            while !br.is_empty() {
                let s = body_start + br.offset();
                let ie = Ie::read(&mut br)?;
                let e = body_start + br.offset();
                let value = match ie.ie_type {
                    ie_types::PEER_ADDRESS => {
                        ip_from(&ie.value).map_or_else(|| hex(&ie.value), |a| a.to_string())
                    }
                    ie_types::TEID_DATA_I | ie_types::RECOVERY => {
                        let mut n = 0u64;
                        for b in &ie.value {
                            n = n << 8 | u64::from(*b);
                        }
                        if ie.ie_type == ie_types::TEID_DATA_I {
                            format!("0x{n:08x}")
                        } else {
                            n.to_string()
                        }
                    }
                    _ => hex(&ie.value),
                };
                let name = match ie_name(ie.ie_type) {
                    "IE" => format!("IE {}", ie.ie_type),
                    n => n.to_string(),
                };
                kids.push(Field::new(name, value).at(s, e));
            }
        }
    }
    let mut root = Field::new("GTP-U", msg.summary()).at(0, bytes.len());
    root.children = kids;
    Ok(root)
}

fn ext_name_for(e: &ExtensionHeader) -> String {
    match header::ext_name(e.kind) {
        "Extension Header" => format!("Extension Header 0x{:02x}", e.kind),
        n => format!("{n} (0x{:02x})", e.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    #[test]
    fn echo_response_carries_recovery() {
        let m = Message {
            seq: Some(9),
            ..Message::new(
                0,
                Body::EchoResponse(EchoResponse {
                    recovery: 0,
                    ies: vec![],
                }),
            )
        };
        let b = m.encode();
        assert_eq!(b, parse_hex("32020006 00000000 0009 0000 0e00").unwrap());
        assert_eq!(decode(&b).unwrap(), m);
    }

    #[test]
    fn error_indication_orders_ies_by_type() {
        let m = Message {
            seq: Some(0),
            extensions: vec![ExtensionHeader::udp_port(2152)],
            ..Message::new(
                0,
                Body::ErrorIndication(ErrorIndication {
                    teid_data_i: 0x1234,
                    peer_address: IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3)),
                    ies: vec![Ie::new(ie_types::PRIVATE_EXTENSION, vec![0, 1, 0xaa])],
                }),
            )
        };
        let b = m.encode();
        assert_eq!(
            b,
            parse_hex(
                "361a001a 00000000 0000 00 40 01 0868 00 \
                 10 00001234 85 0004 7f000003 ff 0003 0001aa"
            )
            .unwrap()
        );
        assert_eq!(decode(&b).unwrap(), m);
        let t = tree(&b).unwrap();
        assert_eq!(t.find("GTP-U Peer Address").unwrap().value, "127.0.0.3");
        assert_eq!(t.find("UDP Port").unwrap().value, "2152");
    }

    #[test]
    fn error_indication_without_peer_address_fails() {
        let b = parse_hex("301a0005 00000000 10 00001234").unwrap();
        assert!(decode(&b).is_err());
    }

    #[test]
    fn g_pdu_tree_survives_non_ip_payload() {
        let m = Message::g_pdu(5, vec![0x00, 0x01, 0x02]);
        let t = tree(&m.encode()).unwrap();
        assert_eq!(t.find("T-PDU").unwrap().value, "3 octets");
        assert_eq!(m.summary(), "G-PDU (TEID 0x00000005, 3 octets)");
    }

    #[test]
    fn message_with_e_flag_but_no_extension_decodes() {
        // E set, next extension header type 0: the optional octets are there
        // but carry nothing; re-encoding drops them.
        let b = parse_hex("34ff0005 00000005 0000 00 00 aa").unwrap();
        let m = decode(&b).unwrap();
        assert_eq!(m.body, Body::GPdu(vec![0xaa]));
        assert!(m.extensions.is_empty());
        assert_eq!(m.encode(), parse_hex("30ff0001 00000005 aa").unwrap());
        assert_eq!(
            tree(&b).unwrap().find("T-PDU").unwrap().span,
            Some((12, 13))
        );
    }

    #[test]
    fn message_rejects_trailing_octets() {
        let mut b = Message::g_pdu(5, vec![1]).encode();
        b.push(0);
        assert!(decode(&b).is_err());
    }
}
