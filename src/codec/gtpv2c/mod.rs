//! GTPv2-C (TS 29.274): the S11 and S5/S8 control protocol between MME, SGW
//! and PGW.
//!
//! - [`header`]: the common header (5.1).
//! - [`ie`]: the generic TLIV form of an IE ([`Ie`]) and typed values (8.x).
//! - [`group`]: how typed IE lists keep unknown IEs and the wire order.
//! - [`messages`]: Echo, Create Session, Modify Bearer, Delete Session and
//!   their Bearer Context groups (7.x).
//! - [`xact`]: client transactions (sequence numbers, T3/N3 retransmission).
//!
//! [`decode`] gives a [`Message`]; [`Message::encode`] gives the bytes back.
//! A decoded message re-encodes to the bytes it came from, IEs it does not
//! type included. [`tree`] renders any GTPv2-C message for humans.

pub mod group;
pub mod header;
pub mod ie;
pub mod messages;
mod tree;
pub mod xact;

pub use group::{IeGroup, WireOrder};
pub use header::Header;
pub use ie::{
    Ambr, Apn, ApnRestriction, BearerQos, Cause, ChargingCharacteristics, ChargingId, Ebi, Ecgi,
    Fteid, Ie, IeValue, Imsi, Indication, IndicationFlag, InterfaceType, Mei, Msisdn, OffendingIe,
    Paa, Pco, PdnType, Plmn, RatType, Recovery, SelectionMode, Tai, Uli,
};
pub use messages::{
    BearerContextCreated, BearerContextMarkedForRemoval, BearerContextModified,
    BearerContextToBeCreated, BearerContextToBeModified, BearerContextToBeRemoved,
    CreateSessionRequest, CreateSessionResponse, DeleteSessionRequest, DeleteSessionResponse,
    EchoRequest, EchoResponse, ModifyBearerRequest, ModifyBearerResponse,
};
pub use tree::tree;

use super::{DecodeError, Reader};
use ie::PROTO;

/// Message type values (TS 29.274 Table 6.1-1) of the messages typed here.
pub mod message_types {
    /// Echo Request.
    pub const ECHO_REQUEST: u8 = 1;
    /// Echo Response.
    pub const ECHO_RESPONSE: u8 = 2;
    /// Create Session Request.
    pub const CREATE_SESSION_REQUEST: u8 = 32;
    /// Create Session Response.
    pub const CREATE_SESSION_RESPONSE: u8 = 33;
    /// Modify Bearer Request.
    pub const MODIFY_BEARER_REQUEST: u8 = 34;
    /// Modify Bearer Response.
    pub const MODIFY_BEARER_RESPONSE: u8 = 35;
    /// Delete Session Request.
    pub const DELETE_SESSION_REQUEST: u8 = 36;
    /// Delete Session Response.
    pub const DELETE_SESSION_RESPONSE: u8 = 37;
}

/// Name of message type `t` (TS 29.274 Table 6.1-1), or "" when unknown here.
pub fn message_name(t: u8) -> &'static str {
    match t {
        1 => "Echo Request",
        2 => "Echo Response",
        3 => "Version Not Supported Indication",
        32 => "Create Session Request",
        33 => "Create Session Response",
        34 => "Modify Bearer Request",
        35 => "Modify Bearer Response",
        36 => "Delete Session Request",
        37 => "Delete Session Response",
        38 => "Change Notification Request",
        39 => "Change Notification Response",
        64 => "Modify Bearer Command",
        65 => "Modify Bearer Failure Indication",
        66 => "Delete Bearer Command",
        67 => "Delete Bearer Failure Indication",
        68 => "Bearer Resource Command",
        69 => "Bearer Resource Failure Indication",
        70 => "Downlink Data Notification Failure Indication",
        95 => "Create Bearer Request",
        96 => "Create Bearer Response",
        97 => "Update Bearer Request",
        98 => "Update Bearer Response",
        99 => "Delete Bearer Request",
        100 => "Delete Bearer Response",
        101 => "Delete PDN Connection Set Request",
        102 => "Delete PDN Connection Set Response",
        128 => "Identification Request",
        129 => "Identification Response",
        130 => "Context Request",
        131 => "Context Response",
        132 => "Context Acknowledge",
        133 => "Forward Relocation Request",
        134 => "Forward Relocation Response",
        166 => "Create Indirect Data Forwarding Tunnel Request",
        167 => "Create Indirect Data Forwarding Tunnel Response",
        168 => "Delete Indirect Data Forwarding Tunnel Request",
        169 => "Delete Indirect Data Forwarding Tunnel Response",
        170 => "Release Access Bearers Request",
        171 => "Release Access Bearers Response",
        176 => "Downlink Data Notification",
        177 => "Downlink Data Notification Acknowledge",
        179 => "PGW Restart Notification",
        180 => "PGW Restart Notification Acknowledge",
        211 => "Modify Access Bearers Request",
        212 => "Modify Access Bearers Response",
        _ => "",
    }
}

/// A message of a type not typed here: its IEs in generic form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OtherMessage {
    /// Message type.
    pub message_type: u8,
    /// IEs, in wire order.
    pub ies: Vec<Ie>,
}

/// The body of a GTPv2-C message, by message type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Echo Request (1).
    EchoRequest(EchoRequest),
    /// Echo Response (2).
    EchoResponse(EchoResponse),
    /// Create Session Request (32).
    CreateSessionRequest(CreateSessionRequest),
    /// Create Session Response (33).
    CreateSessionResponse(CreateSessionResponse),
    /// Modify Bearer Request (34).
    ModifyBearerRequest(ModifyBearerRequest),
    /// Modify Bearer Response (35).
    ModifyBearerResponse(ModifyBearerResponse),
    /// Delete Session Request (36).
    DeleteSessionRequest(DeleteSessionRequest),
    /// Delete Session Response (37).
    DeleteSessionResponse(DeleteSessionResponse),
    /// Any other message type.
    Other(OtherMessage),
}

macro_rules! body_from {
    ($($v:ident),*) => {$(
        impl From<$v> for Body {
            fn from(m: $v) -> Self {
                Self::$v(m)
            }
        }
    )*};
}

body_from!(
    EchoRequest,
    EchoResponse,
    CreateSessionRequest,
    CreateSessionResponse,
    ModifyBearerRequest,
    ModifyBearerResponse,
    DeleteSessionRequest,
    DeleteSessionResponse
);

impl From<OtherMessage> for Body {
    fn from(m: OtherMessage) -> Self {
        Self::Other(m)
    }
}

impl Body {
    /// The message type the body is sent with.
    pub fn message_type(&self) -> u8 {
        use message_types::*;
        match self {
            Self::EchoRequest(_) => ECHO_REQUEST,
            Self::EchoResponse(_) => ECHO_RESPONSE,
            Self::CreateSessionRequest(_) => CREATE_SESSION_REQUEST,
            Self::CreateSessionResponse(_) => CREATE_SESSION_RESPONSE,
            Self::ModifyBearerRequest(_) => MODIFY_BEARER_REQUEST,
            Self::ModifyBearerResponse(_) => MODIFY_BEARER_RESPONSE,
            Self::DeleteSessionRequest(_) => DELETE_SESSION_REQUEST,
            Self::DeleteSessionResponse(_) => DELETE_SESSION_RESPONSE,
            Self::Other(m) => m.message_type,
        }
    }

    /// Decodes the IEs of a message of type `t`.
    pub fn decode(t: u8, r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        use message_types::*;
        Ok(match t {
            ECHO_REQUEST => Self::EchoRequest(IeGroup::decode_ies(r)?),
            ECHO_RESPONSE => Self::EchoResponse(IeGroup::decode_ies(r)?),
            CREATE_SESSION_REQUEST => Self::CreateSessionRequest(IeGroup::decode_ies(r)?),
            CREATE_SESSION_RESPONSE => Self::CreateSessionResponse(IeGroup::decode_ies(r)?),
            MODIFY_BEARER_REQUEST => Self::ModifyBearerRequest(IeGroup::decode_ies(r)?),
            MODIFY_BEARER_RESPONSE => Self::ModifyBearerResponse(IeGroup::decode_ies(r)?),
            DELETE_SESSION_REQUEST => Self::DeleteSessionRequest(IeGroup::decode_ies(r)?),
            DELETE_SESSION_RESPONSE => Self::DeleteSessionResponse(IeGroup::decode_ies(r)?),
            _ => {
                let mut ies = Vec::new();
                while !r.is_empty() {
                    ies.push(Ie::decode(r)?);
                }
                Self::Other(OtherMessage {
                    message_type: t,
                    ies,
                })
            }
        })
    }

    /// Appends the IEs.
    pub fn encode_ies(&self, out: &mut Vec<u8>) {
        match self {
            Self::EchoRequest(m) => m.encode_ies(out),
            Self::EchoResponse(m) => m.encode_ies(out),
            Self::CreateSessionRequest(m) => m.encode_ies(out),
            Self::CreateSessionResponse(m) => m.encode_ies(out),
            Self::ModifyBearerRequest(m) => m.encode_ies(out),
            Self::ModifyBearerResponse(m) => m.encode_ies(out),
            Self::DeleteSessionRequest(m) => m.encode_ies(out),
            Self::DeleteSessionResponse(m) => m.encode_ies(out),
            Self::Other(m) => m.ies.iter().for_each(|ie| ie.encode_into(out)),
        }
    }

    /// One line for the ladder.
    pub fn summary(&self) -> String {
        match self {
            Self::EchoRequest(m) => m.summary(),
            Self::EchoResponse(m) => m.summary(),
            Self::CreateSessionRequest(m) => m.summary(),
            Self::CreateSessionResponse(m) => m.summary(),
            Self::ModifyBearerRequest(m) => m.summary(),
            Self::ModifyBearerResponse(m) => m.summary(),
            Self::DeleteSessionRequest(m) => m.summary(),
            Self::DeleteSessionResponse(m) => m.summary(),
            Self::Other(m) => match message_name(m.message_type) {
                "" => format!("GTPv2-C message type {}", m.message_type),
                name => name.to_string(),
            },
        }
    }
}

/// A GTPv2-C message: header fields, body and an optional piggybacked
/// message (TS 29.274 5.5.1; the P flag follows from `piggybacked`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// TEID (T flag set when present). Echo messages carry none.
    pub teid: Option<u32>,
    /// Sequence number (24 bits).
    pub seq: u32,
    /// Message priority (4 bits; MP flag set when present).
    pub priority: Option<u8>,
    /// The message's IEs.
    pub body: Body,
    /// A message carried after this one in the same datagram. Only one level:
    /// a piggybacked message's own `piggybacked` is not encoded.
    pub piggybacked: Option<Box<Self>>,
}

impl Message {
    /// A message without priority or piggybacked message.
    pub fn new(teid: Option<u32>, seq: u32, body: impl Into<Body>) -> Self {
        Self {
            teid,
            seq,
            priority: None,
            body: body.into(),
            piggybacked: None,
        }
    }

    /// The message type.
    pub fn message_type(&self) -> u8 {
        self.body.message_type()
    }

    /// Decodes one UDP payload: a message and, if its P flag is set, the
    /// message piggybacked on it. Octets after the message(s) are an error.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new(PROTO, bytes);
        let m = Self::read(&mut r, false)?;
        if !r.is_empty() {
            return Err(r.error(format!(
                "{} octets after the end of the message",
                r.remaining()
            )));
        }
        Ok(m)
    }

    fn read(r: &mut Reader<'_>, nested: bool) -> Result<Self, DecodeError> {
        let start = r.offset();
        let h = Header::decode(r)?;
        // Header::decode checked length >= the header's own octets after the first 4.
        let body_len = usize::from(h.length) + 4 - h.len();
        let mut body_r = r.sub(body_len)?;
        let body = Body::decode(h.message_type, &mut body_r)?;
        let piggybacked = if h.piggyback {
            if nested {
                return Err(DecodeError::new(
                    PROTO,
                    start,
                    "a piggybacked message has the P flag set",
                ));
            }
            if r.is_empty() {
                return Err(r.error("P flag set but no message follows"));
            }
            Some(Box::new(Self::read(r, true)?))
        } else {
            None
        };
        Ok(Self {
            teid: h.teid,
            seq: h.seq,
            priority: h.priority,
            body,
            piggybacked,
        })
    }

    /// The wire bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        self.encode_into(&mut out);
        out
    }

    /// Appends the wire bytes. A body over 65527 octets (more than the
    /// length field can say) is cut there.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        self.encode_one(out, self.piggybacked.is_some());
        if let Some(p) = &self.piggybacked {
            p.encode_one(out, false);
        }
    }

    fn encode_one(&self, out: &mut Vec<u8>, piggyback: bool) {
        let start = out.len();
        Header {
            message_type: self.message_type(),
            piggyback,
            teid: self.teid,
            seq: self.seq,
            priority: self.priority,
            length: 0,
        }
        .encode_into(out);
        self.body.encode_ies(out);
        out.truncate(start + 4 + usize::from(u16::MAX));
        let len = u16::try_from(out.len() - start - 4).unwrap_or(u16::MAX);
        out[start + 2..start + 4].copy_from_slice(&len.to_be_bytes());
    }

    /// One line for the ladder, e.g. "Create Session Request (APN ims, EBI 6)".
    pub fn summary(&self) -> String {
        match &self.piggybacked {
            Some(p) => format!("{} + {}", self.body.summary(), p.body.summary()),
            None => self.body.summary(),
        }
    }
}

/// Decodes a GTPv2-C UDP payload.
pub fn decode(bytes: &[u8]) -> Result<Message, DecodeError> {
    Message::decode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    #[test]
    fn message_decodes_delete_session_request() {
        let b = parse_hex("48240014000001010000030049000100064d000300000800").unwrap();
        let m = decode(&b).unwrap();
        assert_eq!(m.teid, Some(0x101));
        assert_eq!(m.seq, 3);
        let Body::DeleteSessionRequest(d) = &m.body else {
            panic!("wrong body {:?}", m.body);
        };
        assert_eq!(d.linked_ebi, Some(Ebi(6)));
        assert!(d.indication.as_ref().unwrap().has(Indication::PS));
        assert_eq!(m.summary(), "Delete Session Request (LBI 6)");
        assert_eq!(m.encode(), b);
    }

    #[test]
    fn message_keeps_piggybacked_message() {
        let mut m = Message::new(
            Some(1),
            7,
            CreateSessionResponse {
                cause: Some(Cause::new(16)),
                ..Default::default()
            },
        );
        m.piggybacked = Some(Box::new(Message::new(
            Some(1),
            8,
            OtherMessage {
                message_type: 95,
                ies: vec![Ie::new(ie::types::EBI, 0, vec![5])],
            },
        )));
        let b = m.encode();
        assert_eq!(b[0], 0x58);
        let back = decode(&b).unwrap();
        assert_eq!(back, m);
        assert_eq!(
            back.summary(),
            "Create Session Response (Request accepted) + Create Bearer Request"
        );
    }

    #[test]
    fn message_rejects_trailing_octets_and_missing_piggyback() {
        let mut b = parse_hex("4825000e0000000100000300020002001000").unwrap();
        b.push(0);
        assert!(decode(&b).is_err());
        let mut p = parse_hex("4825000e0000000100000300020002001000").unwrap();
        p[0] |= 0x10;
        assert!(decode(&p).is_err());
    }

    #[test]
    fn echo_request_has_no_teid() {
        let m = Message::new(
            None,
            0x10,
            EchoRequest {
                recovery: Some(Recovery(4)),
                ..Default::default()
            },
        );
        let b = m.encode();
        assert_eq!(b, parse_hex("4001 0009 000010 00 03000100 04").unwrap());
        assert_eq!(decode(&b).unwrap(), m);
        assert_eq!(m.summary(), "Echo Request (Recovery 4)");
    }
}
