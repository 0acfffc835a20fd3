//! SIP (RFC 3261) with the IMS extensions used on Gm and Mw: Path (RFC
//! 3327), Service-Route (RFC 3608), the P-headers (RFC 7315, RFC 3325),
//! sec-agree (RFC 3329, TS 33.203 Annex H), Digest AKA (RFC 3310) and the
//! reg event package (RFC 3680).
//!
//! - [`SipMessage`]: start line, header lines in order, body; `decode`,
//!   `encode`, `summary`, typed getters and builders ([`message`]).
//! - [`uri`]: sip/sips/tel URIs and name-addr; [`headers`]: header names,
//!   Via, CSeq and the other typed values; [`auth`]: Digest challenges and
//!   credentials; [`secagree`]: Security-Client/-Server/-Verify;
//!   [`body`]: reginfo documents.
//! - [`framing`]: message boundaries on streams ([`Framer`]) and datagrams.
//! - [`txn`]: non-INVITE client and server transactions, sans-IO.
//! - [`tree`]: the human view for `volte-sim decode --proto sip`.

pub mod auth;
pub mod body;
pub mod framing;
pub mod headers;
pub mod message;
pub mod secagree;
mod text;
mod tree;
pub mod txn;
pub mod uri;

pub use auth::{Challenge, Credentials, DigestChallenge, DigestCredentials};
pub use body::{RegContact, RegInfo, Registration};
pub use framing::{Framer, decode_datagram};
pub use headers::{
    AccessNetworkInfo, CSeq, ChargingVector, Event, Header, MediaType, Method, SubscriptionState,
    TokenParams, Via, VisitedNetworkId, canonical_name,
};
pub use message::{SipMessage, StartLine, reason_phrase};
pub use secagree::{Ipsec3gpp, SecurityMechanism};
pub use tree::tree;
pub use uri::{Contacts, NameAddr, Param, Params, SipUri, TelUri, Uri};

use super::DecodeError;

/// Protocol name in [`DecodeError`]s.
pub(crate) const PROTO: &str = "SIP";

/// Decodes one whole SIP message (see [`SipMessage::decode`]).
pub fn decode(bytes: &[u8]) -> Result<SipMessage, DecodeError> {
    SipMessage::decode(bytes)
}
