//! NAS for EPS (TS 24.301, with TS 24.007 framing and TS 24.008 IEs such as
//! the PCO): plain EMM and ESM messages, the security protected envelope and
//! the SERVICE REQUEST.
//!
//! ```
//! use volte_sim::codec::nas::{self, NasMessage};
//! let m = nas::decode(&[0x07, 0x44, 0x0f]).unwrap();
//! assert_eq!(m.name(), "Attach Reject");
//! assert_eq!(m.emm_type(), Some(0x44));
//! assert_eq!(m.encode(), [0x07, 0x44, 0x0f]);
//! ```
//!
//! Layout: [`ie`] holds the IE formats and typed values, [`emm`] and [`esm`]
//! declare each message once (via the macros in `macros.rs`) in spec order,
//! [`pco`] the protocol configuration options, [`security`] the header
//! framing. Ciphering and integrity are not done here.

#[macro_use]
mod macros;

pub mod emm;
pub mod esm;
pub mod ie;
pub mod pco;
pub mod security;

pub use emm::{Direction, EmmMessage};
pub use esm::{EsmBody, EsmMessage};
pub use pco::{Pco, PcoContainer};
pub use security::{SecurityProtected, ServiceRequest};

use super::{DecodeError, Field, Reader, hex};
use ie::{SecurityHeaderType, Trace};

/// EPS mobility management protocol discriminator (TS 24.007 11.2.3.1.1).
pub const PD_EMM: u8 = 0x07;
pub use esm::PD_ESM;

/// Any EPS NAS PDU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NasMessage {
    /// Plain EMM message (security header type 0).
    Emm(EmmMessage),
    /// Plain ESM message.
    Esm(EsmMessage),
    /// Security protected NAS message (security header types 1-5).
    Protected(SecurityProtected),
    /// SERVICE REQUEST (security header type 12).
    ServiceRequest(ServiceRequest),
}

impl From<EmmMessage> for NasMessage {
    fn from(m: EmmMessage) -> Self {
        Self::Emm(m)
    }
}

impl From<EsmMessage> for NasMessage {
    fn from(m: EsmMessage) -> Self {
        Self::Esm(m)
    }
}

impl From<SecurityProtected> for NasMessage {
    fn from(m: SecurityProtected) -> Self {
        Self::Protected(m)
    }
}

impl From<ServiceRequest> for NasMessage {
    fn from(m: ServiceRequest) -> Self {
        Self::ServiceRequest(m)
    }
}

/// Decodes a NAS PDU. The direction of a Detach Request is guessed from its
/// contents; use [`decode_for`] when it is known.
pub fn decode(bytes: &[u8]) -> Result<NasMessage, DecodeError> {
    decode_with(bytes, None)
}

/// Decodes a NAS PDU travelling in direction `dir`.
pub fn decode_for(bytes: &[u8], dir: Direction) -> Result<NasMessage, DecodeError> {
    decode_with(bytes, Some(dir))
}

pub(crate) fn decode_with(bytes: &[u8], dir: Option<Direction>) -> Result<NasMessage, DecodeError> {
    decode_traced(bytes, dir, &mut Trace::off())
}

fn decode_traced(
    bytes: &[u8],
    dir: Option<Direction>,
    t: &mut Trace,
) -> Result<NasMessage, DecodeError> {
    let mut r = Reader::new(ie::PROTO, bytes);
    let Some(&first) = bytes.first() else {
        return Err(r.error("empty NAS message"));
    };
    match first & 0x0F {
        PD_ESM => EsmMessage::decode_traced(&mut r, t).map(NasMessage::Esm),
        PD_EMM => {
            r.u8()?;
            let sht = SecurityHeaderType::from_u8(first >> 4);
            t.add(|| Field::new("Security header type", sht).at(0, 1));
            t.add(|| Field::new("Protocol discriminator", "EPS mobility management (7)").at(0, 1));
            match first >> 4 {
                0 => {
                    let mtype = r.u8()?;
                    let name = EmmMessage::name_for_type(mtype).unwrap_or("Unknown EMM message");
                    t.add(|| esm::message_type_field(mtype, name, 1));
                    EmmMessage::decode_body(mtype, &mut r, dir, t).map(NasMessage::Emm)
                }
                1..=5 => {
                    let mac: [u8; 4] = r.array()?;
                    let seq = r.u8()?;
                    t.add(|| {
                        Field::new("Message authentication code", format!("0x{}", hex(&mac)))
                            .at(1, 5)
                    });
                    t.add(|| Field::new("Sequence number", seq).at(5, 6));
                    let inner = r.rest().to_vec();
                    Ok(NasMessage::Protected(SecurityProtected {
                        header_type: sht,
                        mac,
                        seq,
                        inner,
                    }))
                }
                12 => {
                    let b = r.u8()?;
                    let short_mac: [u8; 2] = r.array()?;
                    if !r.is_empty() {
                        return Err(r.error("octets after the SERVICE REQUEST short MAC"));
                    }
                    let m = ServiceRequest {
                        ksi: b >> 5,
                        seq: b & 0x1F,
                        short_mac,
                    };
                    t.add(|| Field::new("KSI", m.ksi).at(1, 2));
                    t.add(|| Field::new("Sequence number (short)", m.seq).at(1, 2));
                    t.add(|| Field::new("Short MAC", format!("0x{}", hex(&short_mac))).at(2, 4));
                    Ok(NasMessage::ServiceRequest(m))
                }
                other => Err(DecodeError::new(
                    ie::PROTO,
                    0,
                    format!("reserved security header type {other}"),
                )),
            }
        }
        pd => Err(r.error(format!("protocol discriminator {pd} is not EPS NAS"))),
    }
}

/// Decodes `bytes` and renders them as a tree of fields for humans. A
/// protected message shows its header and then the inner message decoded,
/// or "ciphered" when it does not decode.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let mut t = Trace::on();
    let m = decode_traced(bytes, None, &mut t)?;
    let mut root = Field::new("NAS-EPS", m.summary()).at(0, bytes.len());
    root.children = t.take();
    if let NasMessage::Protected(p) = &m {
        let mut inner_t = Trace::on();
        let group = match decode_traced(&p.inner, None, &mut inner_t) {
            Ok(inner @ (NasMessage::Emm(_) | NasMessage::Esm(_))) => {
                let mut g = Field::new("NAS message", inner.name()).at(6, bytes.len());
                g.children = inner_t
                    .take()
                    .into_iter()
                    .map(|f| esm::shift(f, 6))
                    .collect();
                g
            }
            _ => Field::new(
                "NAS message",
                format!("ciphered ({} octets)", p.inner.len()),
            )
            .at(6, bytes.len()),
        };
        root.children.push(group);
    }
    Ok(root)
}

impl NasMessage {
    /// Decodes a NAS PDU (same as [`decode`]).
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        decode(bytes)
    }

    /// Encodes the PDU.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }

    /// Appends the PDU to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        match self {
            Self::Emm(m) => m.encode_into(out),
            Self::Esm(m) => m.encode_into(out),
            Self::Protected(p) => p.encode_into(out),
            Self::ServiceRequest(s) => s.encode_into(out),
        }
    }

    /// Security header type (0 for plain EMM and for ESM).
    pub fn security_header_type(&self) -> SecurityHeaderType {
        match self {
            Self::Emm(_) | Self::Esm(_) => SecurityHeaderType::Plain,
            Self::Protected(p) => p.header_type,
            Self::ServiceRequest(_) => SecurityHeaderType::ServiceRequest,
        }
    }

    /// The plain message: itself, or a protected message's inner message
    /// when it decodes (EEA0 or deciphered). None for a Service Request or
    /// a ciphered message.
    pub fn plain(&self) -> Option<Self> {
        match self {
            Self::Emm(_) | Self::Esm(_) => Some(self.clone()),
            Self::Protected(p) => p.inner_plain().ok(),
            Self::ServiceRequest(_) => None,
        }
    }

    /// The EMM message type, looking through protection (e.g. 0x41).
    pub fn emm_type(&self) -> Option<u8> {
        match self.plain()? {
            Self::Emm(m) => Some(m.message_type()),
            _ => None,
        }
    }

    /// The ESM message, looking through protection and EMM containers.
    pub fn esm_message(&self) -> Option<EsmMessage> {
        match self.plain()? {
            Self::Esm(m) => Some(m),
            Self::Emm(m) => m.esm_container().cloned(),
            _ => None,
        }
    }

    /// The ESM message type, looking through protection and EMM containers
    /// (e.g. 0xd0).
    pub fn esm_type(&self) -> Option<u8> {
        self.esm_message().map(|m| m.message_type())
    }

    /// Message name, e.g. "Attach Request"; a protected message gives its
    /// inner message's name when it decodes.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Emm(m) => m.name(),
            Self::Esm(m) => m.name(),
            Self::ServiceRequest(_) => ServiceRequest::NAME,
            Self::Protected(p) => match p.inner_plain() {
                Ok(inner) => inner.name(),
                Err(_) => "Security protected NAS message",
            },
        }
    }

    /// One line for the ladder, e.g. "Attach Request (IMSI 001010000000001,
    /// EPS attach)".
    pub fn summary(&self) -> String {
        match self {
            Self::Emm(m) => {
                let mut s = m.name().to_owned();
                let mut parts: Vec<String> = m.detail().into_iter().collect();
                if let Some(esm) = m.esm_container() {
                    parts.push(format!("+ {}", esm.name()));
                }
                if !parts.is_empty() {
                    s.push_str(&format!(" ({})", parts.join(", ")));
                }
                s
            }
            Self::Esm(m) => format!("{} ({})", m.name(), m.detail()),
            Self::ServiceRequest(s) => {
                format!("Service Request (KSI {}, seq {})", s.ksi, s.seq)
            }
            Self::Protected(p) => {
                let shown = match p.inner_plain() {
                    Ok(inner) => inner.summary(),
                    Err(_) => format!("ciphered NAS message, {} octets", p.inner.len()),
                };
                format!(
                    "{shown} [protected {}, seq {}]",
                    p.header_type.to_u8(),
                    p.seq
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_marks_protection_and_ciphering() {
        let plain = NasMessage::Emm(EmmMessage::DetachAccept(emm::DetachAccept {
            other_ies: vec![],
        }));
        let p = SecurityProtected::wrap(SecurityHeaderType::IntegrityProtectedCiphered, 3, &plain);
        let m = NasMessage::Protected(p);
        assert_eq!(m.summary(), "Detach Accept [protected 2, seq 3]");
        assert_eq!(m.emm_type(), Some(0x46));
        let ciphered = NasMessage::Protected(SecurityProtected::new(
            SecurityHeaderType::IntegrityProtectedCiphered,
            [0; 4],
            4,
            vec![0x99, 0x12],
        ));
        assert_eq!(
            ciphered.summary(),
            "ciphered NAS message, 2 octets [protected 2, seq 4]"
        );
        assert_eq!(ciphered.emm_type(), None);
    }

    #[test]
    fn service_request_decodes_ksi_seq_and_short_mac() {
        let m = NasMessage::decode(&[0xC7, 0x05, 0x00, 0x00]).unwrap();
        assert_eq!(
            m,
            NasMessage::ServiceRequest(ServiceRequest {
                ksi: 0,
                seq: 5,
                short_mac: [0, 0]
            })
        );
        assert_eq!(m.summary(), "Service Request (KSI 0, seq 5)");
        let t = tree(&[0xC7, 0x05, 0x00, 0x00]).unwrap();
        assert_eq!(t.find("Short MAC").unwrap().span, Some((2, 4)));
    }

    #[test]
    fn tree_spans_cover_plain_ies() {
        let bytes = [
            0x07, 0x5C, 0x15, 0x30, 0x0E, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        ];
        let t = tree(&bytes).unwrap();
        assert_eq!(t.find("EMM cause").unwrap().span, Some((2, 3)));
        let auts = t.find("Authentication failure parameter").unwrap();
        assert_eq!(auts.span, Some((3, 19)));
        assert_eq!(auts.value, "0102030405060708090a0b0c0d0e");
    }
}
