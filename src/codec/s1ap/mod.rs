//! S1AP (TS 36.413) over the generated APER types of the `asn1/` crate.
//!
//! Node code works with the typed messages of [`messages`] and the IEs of
//! [`ies`]; this module decodes bytes to them (applying the criticality rules
//! of TS 36.413 10.3 to IEs this release does not know), encodes them, and
//! renders summaries and trees for humans.

pub mod ies;
pub mod messages;
mod tree;

pub use ies::*;
pub use messages::*;
/// The generated S1AP types (TS 36.413 Rel-14.4).
pub use s1ap as asn;

use super::{DecodeError, Field};
use s1ap::ext::IeField;
use s1ap::{AperCodec, PerCodecData};
use std::fmt;

/// SCTP payload protocol identifier for S1AP (TS 36.412 7).
pub const SCTP_PPID: u32 = 18;
/// SCTP port the MME listens on (TS 36.412 7).
pub const SCTP_PORT: u16 = 36412;

/// Why an S1AP PDU could not be decoded, encoded or understood. The variants
/// map to the Error Indication causes of TS 36.413 10.3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum S1apError {
    /// The bytes are not a valid APER S1AP-PDU (transfer syntax error).
    Syntax(String),
    /// A procedure code this release does not define.
    UnknownProcedure {
        /// Procedure code.
        code: u8,
        /// Criticality the sender gave it.
        criticality: u8,
    },
    /// An IE this release does not define, sent with criticality `reject`
    /// (TS 36.413 10.3.5: the procedure must not be executed).
    UnknownIe {
        /// Message it arrived in.
        message: &'static str,
        /// IE id.
        id: u16,
    },
    /// A mandatory IE is absent (TS 36.413 10.3.6).
    MissingIe {
        /// Message.
        message: &'static str,
        /// IE name.
        ie: &'static str,
    },
    /// An IE value we cannot use (e.g. a TAC that is not 2 bytes).
    Invalid(String),
}

impl S1apError {
    pub(crate) fn invalid(what: impl Into<String>) -> Self {
        Self::Invalid(what.into())
    }

    /// The Error Indication cause that reports this error (TS 36.413 10.3).
    pub fn cause(&self) -> Cause {
        match self {
            Self::Syntax(_) => Cause::PROTOCOL_TRANSFER_SYNTAX_ERROR,
            Self::UnknownProcedure { .. } | Self::UnknownIe { .. } | Self::MissingIe { .. } => {
                Cause::PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT
            }
            Self::Invalid(_) => Cause::Protocol(s1ap::CauseProtocol::SEMANTIC_ERROR),
        }
    }
}

impl fmt::Display for S1apError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(e) => write!(f, "not a valid S1AP PDU: {e}"),
            Self::UnknownProcedure { code, criticality } => write!(
                f,
                "procedure code {code} is not defined in TS 36.413 Rel-14 (criticality {})",
                criticality_name(*criticality)
            ),
            Self::UnknownIe { message, id } => write!(
                f,
                "{message} carries IE id {id}, unknown in Rel-14, with criticality reject"
            ),
            Self::MissingIe { message, ie } => write!(f, "{message} lacks mandatory IE {ie}"),
            Self::Invalid(e) => write!(f, "invalid IE value: {e}"),
        }
    }
}

impl std::error::Error for S1apError {}

impl From<S1apError> for DecodeError {
    fn from(e: S1apError) -> Self {
        Self::new("S1AP", 0, e.to_string())
    }
}

fn criticality_name(c: u8) -> &'static str {
    match c {
        0 => "reject",
        1 => "ignore",
        _ => "notify",
    }
}

/// Applies TS 36.413 10.3.5 to one IE: an unknown IE with criticality
/// `reject` fails the message; with `ignore` or `notify` it is skipped (the
/// accessors never look at it).
pub(crate) fn check_ie<E: IeField>(message: &'static str, ie: &E) -> Result<(), S1apError> {
    if ie.is_unknown() {
        if ie.ie_criticality() == 0 {
            return Err(S1apError::UnknownIe {
                message,
                id: ie.ie_id(),
            });
        }
        tracing::debug!(
            message,
            id = ie.ie_id(),
            criticality = criticality_name(ie.ie_criticality()),
            "skipping S1AP IE unknown in Rel-14"
        );
    }
    Ok(())
}

/// Decodes bytes to the generated PDU, without interpreting it.
pub fn decode_pdu(bytes: &[u8]) -> Result<asn::S1AP_PDU, S1apError> {
    let mut data = PerCodecData::from_slice_aper(bytes);
    asn::S1AP_PDU::aper_decode(&mut data).map_err(|e| S1apError::Syntax(e.to_string()))
}

/// Encodes a generated PDU.
pub fn encode_pdu(pdu: &asn::S1AP_PDU) -> Result<Vec<u8>, S1apError> {
    let mut data = PerCodecData::new_aper();
    pdu.aper_encode(&mut data)
        .map_err(|e| S1apError::Syntax(format!("cannot encode: {e}")))?;
    Ok(data.into_bytes())
}

impl S1apMessage {
    /// Decodes and interprets an S1AP PDU.
    pub fn decode(bytes: &[u8]) -> Result<Self, S1apError> {
        Self::from_pdu(decode_pdu(bytes)?)
    }

    /// Encodes the message (APER).
    pub fn encode(&self) -> Result<Vec<u8>, S1apError> {
        encode_pdu(&self.to_pdu())
    }

    /// The elementary procedure message name, as TS 36.413 9.1 spells it.
    pub fn name(&self) -> &'static str {
        match self {
            Self::S1SetupRequest(_) => "S1SetupRequest",
            Self::S1SetupResponse(_) => "S1SetupResponse",
            Self::S1SetupFailure(_) => "S1SetupFailure",
            Self::InitialUeMessage(_) => "InitialUEMessage",
            Self::DownlinkNasTransport(_) => "DownlinkNASTransport",
            Self::UplinkNasTransport(_) => "UplinkNASTransport",
            Self::InitialContextSetupRequest(_) => "InitialContextSetupRequest",
            Self::InitialContextSetupResponse(_) => "InitialContextSetupResponse",
            Self::InitialContextSetupFailure(_) => "InitialContextSetupFailure",
            Self::ErabSetupRequest(_) => "E-RABSetupRequest",
            Self::ErabSetupResponse(_) => "E-RABSetupResponse",
            Self::ErabReleaseCommand(_) => "E-RABReleaseCommand",
            Self::ErabReleaseResponse(_) => "E-RABReleaseResponse",
            Self::UeContextReleaseRequest(_) => "UEContextReleaseRequest",
            Self::UeContextReleaseCommand(_) => "UEContextReleaseCommand",
            Self::UeContextReleaseComplete(_) => "UEContextReleaseComplete",
            Self::UeCapabilityInfoIndication(_) => "UECapabilityInfoIndication",
            Self::Paging(_) => "Paging",
            Self::Reset(_) => "Reset",
            Self::ResetAcknowledge(_) => "ResetAcknowledge",
            Self::ErrorIndication(_) => "ErrorIndication",
            Self::Other(pdu) => tree::pdu_message_name(pdu),
        }
    }

    /// The NAS PDU the message carries, if any (the first E-RAB's for E-RAB
    /// Setup).
    pub fn nas_pdu(&self) -> Option<&[u8]> {
        match self {
            Self::InitialUeMessage(m) => Some(&m.nas_pdu),
            Self::DownlinkNasTransport(m) => Some(&m.nas_pdu),
            Self::UplinkNasTransport(m) => Some(&m.nas_pdu),
            Self::InitialContextSetupRequest(m) => {
                m.erabs.iter().find_map(|e| e.nas_pdu.as_deref())
            }
            Self::ErabSetupRequest(m) => m.erabs.iter().find_map(|e| e.nas_pdu.as_deref()),
            Self::ErabReleaseCommand(m) => m.nas_pdu.as_deref(),
            _ => None,
        }
    }

    /// One line for a message ladder, e.g.
    /// `InitialUEMessage eNB-UE-S1AP-ID=1 TAI=001-01/1 cause=mo-Signalling`.
    pub fn summary(&self) -> String {
        let name = self.name();
        let ids = |m: MmeUeS1apId, e: EnbUeS1apId| format!("MME-UE={} eNB-UE={}", m.0, e.0);
        let detail = match self {
            Self::S1SetupRequest(m) => format!(
                "eNB {} {}{}",
                m.global_enb_id.plmn,
                m.global_enb_id.enb_id,
                m.supported_tas
                    .iter()
                    .map(|t| format!(" TAC={}", t.tac))
                    .collect::<String>()
            ),
            Self::S1SetupResponse(m) => format!(
                "MME {}{}",
                m.mme_name.as_deref().unwrap_or("-"),
                m.served_gummeis
                    .iter()
                    .flat_map(|g| g.plmns.iter().map(|p| format!(" PLMN={p}")))
                    .collect::<String>()
            ),
            Self::S1SetupFailure(m) => format!("cause={}", m.cause),
            Self::InitialUeMessage(m) => format!(
                "eNB-UE={} TAI={} cause={}",
                m.enb_ue_id.0,
                m.tai,
                asn::RRC_Establishment_Cause(m.rrc_cause)
                    .name()
                    .unwrap_or("?")
            ),
            Self::DownlinkNasTransport(m) => ids(m.mme_ue_id, m.enb_ue_id),
            Self::UplinkNasTransport(m) => ids(m.mme_ue_id, m.enb_ue_id),
            Self::InitialContextSetupRequest(m) => {
                setup_request_summary(ids(m.mme_ue_id, m.enb_ue_id), &m.erabs)
            }
            Self::ErabSetupRequest(m) => {
                setup_request_summary(ids(m.mme_ue_id, m.enb_ue_id), &m.erabs)
            }
            Self::InitialContextSetupResponse(m) => {
                setup_summary(ids(m.mme_ue_id, m.enb_ue_id), &m.setup, &m.failed)
            }
            Self::ErabSetupResponse(m) => {
                setup_summary(ids(m.mme_ue_id, m.enb_ue_id), &m.setup, &m.failed)
            }
            Self::InitialContextSetupFailure(m) => {
                format!("{} cause={}", ids(m.mme_ue_id, m.enb_ue_id), m.cause)
            }
            Self::ErabReleaseCommand(m) => format!(
                "{}{}",
                ids(m.mme_ue_id, m.enb_ue_id),
                m.erabs
                    .iter()
                    .map(|e| format!(" E-RAB={}", e.erab_id))
                    .collect::<String>()
            ),
            Self::ErabReleaseResponse(m) => format!(
                "{} released={:?}",
                ids(m.mme_ue_id, m.enb_ue_id),
                m.released
            ),
            Self::UeContextReleaseRequest(m) => {
                format!("{} cause={}", ids(m.mme_ue_id, m.enb_ue_id), m.cause)
            }
            Self::UeContextReleaseCommand(m) => match m.ids {
                UeS1apIds::Pair(a, b) => format!("{} cause={}", ids(a, b), m.cause),
                UeS1apIds::Mme(a) => format!("MME-UE={} cause={}", a.0, m.cause),
            },
            Self::UeContextReleaseComplete(m) => ids(m.mme_ue_id, m.enb_ue_id),
            Self::UeCapabilityInfoIndication(m) => format!(
                "{} {} bytes",
                ids(m.mme_ue_id, m.enb_ue_id),
                m.ue_radio_capability.len()
            ),
            Self::Paging(m) => match &m.paging_id {
                PagingId::STmsi(s) => format!("S-TMSI={:02x}/{:08x}", s.mme_code, s.m_tmsi),
                PagingId::Imsi(_) => "by IMSI".to_string(),
            },
            Self::Reset(m) => match &m.kind {
                ResetKind::All => format!("all cause={}", m.cause),
                ResetKind::Part(p) => format!("{} UEs cause={}", p.len(), m.cause),
            },
            Self::ResetAcknowledge(m) => format!("{} UEs", m.associations.len()),
            Self::ErrorIndication(m) => format!(
                "cause={}",
                m.cause.map_or_else(|| "-".to_string(), |c| c.name())
            ),
            Self::Other(_) => String::new(),
        };
        if detail.is_empty() {
            name.to_string()
        } else {
            format!("{name} {detail}")
        }
    }
}

fn setup_request_summary(ids: String, erabs: &[ErabToSetup]) -> String {
    let mut s = ids;
    for e in erabs {
        s.push_str(&format!(" E-RAB={} QCI={}", e.erab_id, e.qos.qci));
    }
    s
}

fn setup_summary(ids: String, setup: &[ErabSetupItem], failed: &[ErabCause]) -> String {
    let mut s = ids;
    for e in setup {
        s.push_str(&format!(" E-RAB={} ok", e.erab_id));
    }
    for e in failed {
        s.push_str(&format!(" E-RAB={} failed({})", e.erab_id, e.cause));
    }
    s
}

/// Decodes `bytes` and renders every IE as a tree (NAS PDUs decoded inside).
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let pdu = decode_pdu(bytes)?;
    Ok(tree::pdu_tree(&pdu, bytes.len()))
}
