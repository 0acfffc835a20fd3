//! The S1AP messages volte-sim speaks, as typed structs (TS 36.413 9.1), and
//! their conversion to and from the generated PDU types. IEs are emitted in
//! the order of the spec's IE tables, with the criticality the spec assigns
//! (both come from the ASN.1 through the generated `key()`/`criticality()`).

use super::S1apError;
use super::ies::*;
use crate::codec::plmn::Plmn;
use s1ap as asn;

/// Builds a ProtocolIE-Field of type `$entry` around `$value`, taking id and
/// criticality from the value's variant.
macro_rules! ie {
    ($entry:ident, $value:expr) => {{
        let value = $value;
        asn::$entry {
            id: asn::ProtocolIE_ID(value.key().unwrap_or_default()),
            criticality: asn::Criticality(value.criticality().unwrap_or_default()),
            value,
        }
    }};
}

/// Unwraps a mandatory IE or reports it missing.
fn need<T>(v: Option<T>, msg: &'static str, ie: &'static str) -> Result<T, S1apError> {
    v.ok_or(S1apError::MissingIe { message: msg, ie })
}

/// One supported tracking area of an eNB (TS 36.413 9.1.8.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportedTa {
    /// Tracking area code.
    pub tac: u16,
    /// Broadcast PLMNs.
    pub plmns: Vec<Plmn>,
}

/// S1 Setup Request (TS 36.413 9.1.8.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S1SetupRequest {
    /// Global eNB ID.
    pub global_enb_id: GlobalEnbId,
    /// eNB name.
    pub enb_name: Option<String>,
    /// Supported TAs.
    pub supported_tas: Vec<SupportedTa>,
    /// Default paging DRX (0 = v32, 1 = v64, 2 = v128, 3 = v256).
    pub default_paging_drx: u8,
}

/// Served GUMMEIs item (TS 36.413 9.1.8.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedGummei {
    /// Served PLMNs.
    pub plmns: Vec<Plmn>,
    /// Served MME group ids.
    pub group_ids: Vec<u16>,
    /// Served MME codes.
    pub codes: Vec<u8>,
}

/// S1 Setup Response (TS 36.413 9.1.8.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S1SetupResponse {
    /// MME name.
    pub mme_name: Option<String>,
    /// Served GUMMEIs.
    pub served_gummeis: Vec<ServedGummei>,
    /// Relative MME capacity.
    pub relative_capacity: u8,
}

/// S1 Setup Failure (TS 36.413 9.1.8.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S1SetupFailure {
    /// Cause.
    pub cause: Cause,
    /// Time to wait (0 = v1s, 1 = v2s, 2 = v5s, 3 = v10s, 4 = v20s, 5 = v60s).
    pub time_to_wait: Option<u8>,
}

/// Initial UE Message (TS 36.413 9.1.7.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialUeMessage {
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// The UE's first NAS message.
    pub nas_pdu: Vec<u8>,
    /// TAI of the cell.
    pub tai: Tai,
    /// E-UTRAN CGI of the cell.
    pub ecgi: Ecgi,
    /// RRC establishment cause (asn `RRC_Establishment_Cause` values, 6 = mo-VoiceCall).
    pub rrc_cause: u8,
    /// S-TMSI, when the UE has one.
    pub s_tmsi: Option<STmsi>,
    /// GUMMEI, when the UE indicated one.
    pub gummei: Option<Gummei>,
}

/// Downlink NAS Transport (TS 36.413 9.1.7.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownlinkNasTransport {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// NAS PDU.
    pub nas_pdu: Vec<u8>,
}

/// Uplink NAS Transport (TS 36.413 9.1.7.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UplinkNasTransport {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// NAS PDU.
    pub nas_pdu: Vec<u8>,
    /// E-UTRAN CGI.
    pub ecgi: Ecgi,
    /// TAI.
    pub tai: Tai,
}

/// Initial Context Setup Request (TS 36.413 9.1.4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialContextSetupRequest {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// UE aggregate maximum bit rate.
    pub ue_ambr: Ambr,
    /// E-RABs to set up.
    pub erabs: Vec<ErabToSetup>,
    /// UE security capabilities.
    pub security_capabilities: UeSecurityCapabilities,
    /// KeNB (256 bits).
    pub security_key: [u8; 32],
    /// UE radio capability, if the MME has it.
    pub ue_radio_capability: Option<Vec<u8>>,
}

/// Initial Context Setup Response (TS 36.413 9.1.4.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialContextSetupResponse {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// E-RABs set up.
    pub setup: Vec<ErabSetupItem>,
    /// E-RABs that failed.
    pub failed: Vec<ErabCause>,
}

/// Initial Context Setup Failure (TS 36.413 9.1.4.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialContextSetupFailure {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// Cause.
    pub cause: Cause,
}

/// E-RAB Setup Request (TS 36.413 9.1.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErabSetupRequest {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// New UE-AMBR, if it changes.
    pub ue_ambr: Option<Ambr>,
    /// E-RABs to set up; each carries its NAS PDU.
    pub erabs: Vec<ErabToSetup>,
}

/// E-RAB Setup Response (TS 36.413 9.1.3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErabSetupResponse {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// E-RABs set up.
    pub setup: Vec<ErabSetupItem>,
    /// E-RABs that failed to set up.
    pub failed: Vec<ErabCause>,
}

/// E-RAB Release Command (TS 36.413 9.1.3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErabReleaseCommand {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// New UE-AMBR, if it changes.
    pub ue_ambr: Option<Ambr>,
    /// E-RABs to release, with the reason.
    pub erabs: Vec<ErabCause>,
    /// NAS PDU (e.g. Deactivate EPS Bearer Context Request).
    pub nas_pdu: Option<Vec<u8>>,
}

/// E-RAB Release Response (TS 36.413 9.1.3.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErabReleaseResponse {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// Released E-RAB ids.
    pub released: Vec<u8>,
    /// E-RABs that failed to release.
    pub failed: Vec<ErabCause>,
}

/// UE Context Release Request (TS 36.413 9.1.4.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeContextReleaseRequest {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// Cause.
    pub cause: Cause,
}

/// The UE S1AP IDs of a UE Context Release Command (TS 36.413 9.2.3.18).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UeS1apIds {
    /// Both ids.
    Pair(MmeUeS1apId, EnbUeS1apId),
    /// Only the MME's.
    Mme(MmeUeS1apId),
}

/// UE Context Release Command (TS 36.413 9.1.4.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeContextReleaseCommand {
    /// Which UE.
    pub ids: UeS1apIds,
    /// Cause.
    pub cause: Cause,
}

/// UE Context Release Complete (TS 36.413 9.1.4.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeContextReleaseComplete {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
}

/// UE Capability Info Indication (TS 36.413 9.1.10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeCapabilityInfoIndication {
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// UE radio capability (RRC UERadioAccessCapabilityInformation).
    pub ue_radio_capability: Vec<u8>,
}

/// UE identity used for paging (TS 36.413 9.2.3.13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingId {
    /// S-TMSI.
    STmsi(STmsi),
    /// IMSI in TBCD, as TS 24.008 encodes it without the type octet.
    Imsi(Vec<u8>),
}

/// Paging (TS 36.413 9.1.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// UE identity index value: IMSI mod 1024 (TS 36.304 7.1).
    pub ue_identity_index: u16,
    /// Paging identity.
    pub paging_id: PagingId,
    /// CN domain: true for CS, false for PS.
    pub cs_domain: bool,
    /// TAIs to page in.
    pub tais: Vec<Tai>,
}

/// One UE-associated logical S1 connection (TS 36.413 9.1.8.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UeAssociation {
    /// MME UE S1AP ID, if known.
    pub mme_ue_id: Option<MmeUeS1apId>,
    /// eNB UE S1AP ID, if known.
    pub enb_ue_id: Option<EnbUeS1apId>,
}

/// What a Reset resets (TS 36.413 9.1.8.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetKind {
    /// The whole S1 interface.
    All,
    /// Only these UE associations.
    Part(Vec<UeAssociation>),
}

/// Reset (TS 36.413 9.1.8.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reset {
    /// Cause.
    pub cause: Cause,
    /// Scope.
    pub kind: ResetKind,
}

/// Reset Acknowledge (TS 36.413 9.1.8.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetAcknowledge {
    /// The UE associations reset, when the Reset named them.
    pub associations: Vec<UeAssociation>,
}

/// Error Indication (TS 36.413 9.1.8.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorIndication {
    /// MME UE S1AP ID, for a UE-associated error.
    pub mme_ue_id: Option<MmeUeS1apId>,
    /// eNB UE S1AP ID, for a UE-associated error.
    pub enb_ue_id: Option<EnbUeS1apId>,
    /// Cause.
    pub cause: Option<Cause>,
}

/// Every S1AP message volte-sim builds and understands. Other procedures
/// decode to [`S1apMessage::Other`] with the generated PDU.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum S1apMessage {
    S1SetupRequest(S1SetupRequest),
    S1SetupResponse(S1SetupResponse),
    S1SetupFailure(S1SetupFailure),
    InitialUeMessage(InitialUeMessage),
    DownlinkNasTransport(DownlinkNasTransport),
    UplinkNasTransport(UplinkNasTransport),
    InitialContextSetupRequest(InitialContextSetupRequest),
    InitialContextSetupResponse(InitialContextSetupResponse),
    InitialContextSetupFailure(InitialContextSetupFailure),
    ErabSetupRequest(ErabSetupRequest),
    ErabSetupResponse(ErabSetupResponse),
    ErabReleaseCommand(ErabReleaseCommand),
    ErabReleaseResponse(ErabReleaseResponse),
    UeContextReleaseRequest(UeContextReleaseRequest),
    UeContextReleaseCommand(UeContextReleaseCommand),
    UeContextReleaseComplete(UeContextReleaseComplete),
    UeCapabilityInfoIndication(UeCapabilityInfoIndication),
    Paging(Paging),
    Reset(Reset),
    ResetAcknowledge(ResetAcknowledge),
    ErrorIndication(ErrorIndication),
    /// A procedure volte-sim does not model, kept as decoded.
    Other(Box<asn::S1AP_PDU>),
}

fn initiating(value: asn::InitiatingMessageValue) -> asn::S1AP_PDU {
    asn::S1AP_PDU::InitiatingMessage(asn::InitiatingMessage {
        procedure_code: asn::ProcedureCode(value.key().unwrap_or_default() as u8),
        criticality: asn::Criticality(value.criticality().unwrap_or_default()),
        value,
    })
}

fn successful(value: asn::SuccessfulOutcomeValue) -> asn::S1AP_PDU {
    asn::S1AP_PDU::SuccessfulOutcome(asn::SuccessfulOutcome {
        procedure_code: asn::ProcedureCode(value.key().unwrap_or_default() as u8),
        criticality: asn::Criticality(value.criticality().unwrap_or_default()),
        value,
    })
}

fn unsuccessful(value: asn::UnsuccessfulOutcomeValue) -> asn::S1AP_PDU {
    asn::S1AP_PDU::UnsuccessfulOutcome(asn::UnsuccessfulOutcome {
        procedure_code: asn::ProcedureCode(value.key().unwrap_or_default() as u8),
        criticality: asn::Criticality(value.criticality().unwrap_or_default()),
        value,
    })
}

fn erab_to_setup_ctxt(e: &ErabToSetup) -> asn::E_RABToBeSetupListCtxtSUReq_Entry {
    ie!(
        E_RABToBeSetupListCtxtSUReq_Entry,
        asn::E_RABToBeSetupListCtxtSUReq_EntryValue::Id_E_RABToBeSetupItemCtxtSUReq(
            asn::E_RABToBeSetupItemCtxtSUReq {
                e_rab_id: asn::E_RAB_ID(e.erab_id),
                e_ra_blevel_qo_s_parameters: e.qos.to_asn(),
                transport_layer_address: e.transport.to_asn(),
                gtp_teid: teid_to_asn(e.teid),
                nas_pdu: e.nas_pdu.clone().map(asn::NAS_PDU),
                ie_extensions: None,
            }
        )
    )
}

fn erab_to_setup_bearer(e: &ErabToSetup) -> asn::E_RABToBeSetupListBearerSUReq_Entry {
    ie!(
        E_RABToBeSetupListBearerSUReq_Entry,
        asn::E_RABToBeSetupListBearerSUReq_EntryValue::Id_E_RABToBeSetupItemBearerSUReq(
            asn::E_RABToBeSetupItemBearerSUReq {
                e_rab_id: asn::E_RAB_ID(e.erab_id),
                e_ra_blevel_qo_s_parameters: e.qos.to_asn(),
                transport_layer_address: e.transport.to_asn(),
                gtp_teid: teid_to_asn(e.teid),
                nas_pdu: asn::NAS_PDU(e.nas_pdu.clone().unwrap_or_default()),
                ie_extensions: None,
            }
        )
    )
}

fn association_to_asn(a: &UeAssociation) -> asn::UE_associatedLogicalS1_ConnectionItem {
    asn::UE_associatedLogicalS1_ConnectionItem {
        mme_ue_s1ap_id: a.mme_ue_id.map(Into::into),
        enb_ue_s1ap_id: a.enb_ue_id.map(Into::into),
        ie_extensions: None,
    }
}

fn association_from_asn(a: &asn::UE_associatedLogicalS1_ConnectionItem) -> UeAssociation {
    UeAssociation {
        mme_ue_id: a.mme_ue_s1ap_id.as_ref().map(|v| MmeUeS1apId(v.0)),
        enb_ue_id: a.enb_ue_s1ap_id.as_ref().map(|v| EnbUeS1apId(v.0)),
    }
}

impl S1apMessage {
    /// The generated PDU for this message.
    pub fn to_pdu(&self) -> asn::S1AP_PDU {
        use asn::InitiatingMessageValue as I;
        use asn::SuccessfulOutcomeValue as S;
        use asn::UnsuccessfulOutcomeValue as U;
        match self {
            Self::S1SetupRequest(m) => {
                use asn::S1SetupRequestProtocolIEs_EntryValue as V;
                let mut ies = vec![ie!(
                    S1SetupRequestProtocolIEs_Entry,
                    V::Id_Global_ENB_ID(m.global_enb_id.to_asn())
                )];
                if let Some(n) = &m.enb_name {
                    ies.push(ie!(
                        S1SetupRequestProtocolIEs_Entry,
                        V::Id_eNBname(asn::ENBname(n.clone()))
                    ));
                }
                let tas = m
                    .supported_tas
                    .iter()
                    .map(|t| asn::SupportedTAs_Item {
                        tac: asn::TAC(t.tac.to_be_bytes().to_vec()),
                        broadcast_plm_ns: asn::BPLMNs(t.plmns.iter().map(plmn_to_asn).collect()),
                        ie_extensions: None,
                    })
                    .collect();
                ies.push(ie!(
                    S1SetupRequestProtocolIEs_Entry,
                    V::Id_SupportedTAs(asn::SupportedTAs(tas))
                ));
                ies.push(ie!(
                    S1SetupRequestProtocolIEs_Entry,
                    V::Id_DefaultPagingDRX(asn::PagingDRX(m.default_paging_drx))
                ));
                initiating(I::Id_S1Setup(asn::S1SetupRequest {
                    protocol_i_es: asn::S1SetupRequestProtocolIEs(ies),
                }))
            }
            Self::S1SetupResponse(m) => {
                use asn::S1SetupResponseProtocolIEs_EntryValue as V;
                let mut ies = Vec::new();
                if let Some(n) = &m.mme_name {
                    ies.push(ie!(
                        S1SetupResponseProtocolIEs_Entry,
                        V::Id_MMEname(asn::MMEname(n.clone()))
                    ));
                }
                let served = m
                    .served_gummeis
                    .iter()
                    .map(|g| asn::ServedGUMMEIsItem {
                        served_plm_ns: asn::ServedPLMNs(g.plmns.iter().map(plmn_to_asn).collect()),
                        served_group_i_ds: asn::ServedGroupIDs(
                            g.group_ids
                                .iter()
                                .map(|v| asn::MME_Group_ID(v.to_be_bytes().to_vec()))
                                .collect(),
                        ),
                        served_mme_cs: asn::ServedMMECs(
                            g.codes.iter().map(|c| asn::MME_Code(vec![*c])).collect(),
                        ),
                        ie_extensions: None,
                    })
                    .collect();
                ies.push(ie!(
                    S1SetupResponseProtocolIEs_Entry,
                    V::Id_ServedGUMMEIs(asn::ServedGUMMEIs(served))
                ));
                ies.push(ie!(
                    S1SetupResponseProtocolIEs_Entry,
                    V::Id_RelativeMMECapacity(asn::RelativeMMECapacity(m.relative_capacity))
                ));
                successful(S::Id_S1Setup(asn::S1SetupResponse {
                    protocol_i_es: asn::S1SetupResponseProtocolIEs(ies),
                }))
            }
            Self::S1SetupFailure(m) => {
                use asn::S1SetupFailureProtocolIEs_EntryValue as V;
                let mut ies = vec![ie!(
                    S1SetupFailureProtocolIEs_Entry,
                    V::Id_Cause(m.cause.to_asn())
                )];
                if let Some(t) = m.time_to_wait {
                    ies.push(ie!(
                        S1SetupFailureProtocolIEs_Entry,
                        V::Id_TimeToWait(asn::TimeToWait(t))
                    ));
                }
                unsuccessful(U::Id_S1Setup(asn::S1SetupFailure {
                    protocol_i_es: asn::S1SetupFailureProtocolIEs(ies),
                }))
            }
            Self::InitialUeMessage(m) => {
                use asn::InitialUEMessageProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_NAS_PDU(asn::NAS_PDU(m.nas_pdu.clone()))
                    ),
                    ie!(InitialUEMessageProtocolIEs_Entry, V::Id_TAI(m.tai.to_asn())),
                    ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_EUTRAN_CGI(m.ecgi.to_asn())
                    ),
                    ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_RRC_Establishment_Cause(asn::RRC_Establishment_Cause(m.rrc_cause))
                    ),
                ];
                if let Some(s) = m.s_tmsi {
                    ies.push(ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_S_TMSI(s.to_asn())
                    ));
                }
                if let Some(g) = m.gummei {
                    ies.push(ie!(
                        InitialUEMessageProtocolIEs_Entry,
                        V::Id_GUMMEI_ID(g.to_asn())
                    ));
                }
                initiating(I::Id_initialUEMessage(asn::InitialUEMessage {
                    protocol_i_es: asn::InitialUEMessageProtocolIEs(ies),
                }))
            }
            Self::DownlinkNasTransport(m) => {
                use asn::DownlinkNASTransportProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        DownlinkNASTransportProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        DownlinkNASTransportProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        DownlinkNASTransportProtocolIEs_Entry,
                        V::Id_NAS_PDU(asn::NAS_PDU(m.nas_pdu.clone()))
                    ),
                ];
                initiating(I::Id_downlinkNASTransport(asn::DownlinkNASTransport {
                    protocol_i_es: asn::DownlinkNASTransportProtocolIEs(ies),
                }))
            }
            Self::UplinkNasTransport(m) => {
                use asn::UplinkNASTransportProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        UplinkNASTransportProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        UplinkNASTransportProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        UplinkNASTransportProtocolIEs_Entry,
                        V::Id_NAS_PDU(asn::NAS_PDU(m.nas_pdu.clone()))
                    ),
                    ie!(
                        UplinkNASTransportProtocolIEs_Entry,
                        V::Id_EUTRAN_CGI(m.ecgi.to_asn())
                    ),
                    ie!(
                        UplinkNASTransportProtocolIEs_Entry,
                        V::Id_TAI(m.tai.to_asn())
                    ),
                ];
                initiating(I::Id_uplinkNASTransport(asn::UplinkNASTransport {
                    protocol_i_es: asn::UplinkNASTransportProtocolIEs(ies),
                }))
            }
            Self::InitialContextSetupRequest(m) => {
                use asn::InitialContextSetupRequestProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_uEaggregateMaximumBitrate(m.ue_ambr.to_asn())
                    ),
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_E_RABToBeSetupListCtxtSUReq(asn::E_RABToBeSetupListCtxtSUReq(
                            m.erabs.iter().map(erab_to_setup_ctxt).collect()
                        ))
                    ),
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_UESecurityCapabilities(m.security_capabilities.to_asn())
                    ),
                    ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_SecurityKey(asn::SecurityKey(bitvec::vec::BitVec::from_vec(
                            m.security_key.to_vec()
                        )))
                    ),
                ];
                if let Some(cap) = &m.ue_radio_capability {
                    ies.push(ie!(
                        InitialContextSetupRequestProtocolIEs_Entry,
                        V::Id_UERadioCapability(asn::UERadioCapability(cap.clone()))
                    ));
                }
                initiating(I::Id_InitialContextSetup(asn::InitialContextSetupRequest {
                    protocol_i_es: asn::InitialContextSetupRequestProtocolIEs(ies),
                }))
            }
            Self::InitialContextSetupResponse(m) => {
                use asn::InitialContextSetupResponseProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(InitialContextSetupResponseProtocolIEs_Entry, V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())),
                    ie!(InitialContextSetupResponseProtocolIEs_Entry, V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())),
                    ie!(
                        InitialContextSetupResponseProtocolIEs_Entry,
                        V::Id_E_RABSetupListCtxtSURes(asn::E_RABSetupListCtxtSURes(
                            m.setup
                                .iter()
                                .map(|e| ie!(
                                    E_RABSetupListCtxtSURes_Entry,
                                    asn::E_RABSetupListCtxtSURes_EntryValue::Id_E_RABSetupItemCtxtSURes(
                                        asn::E_RABSetupItemCtxtSURes {
                                            e_rab_id: asn::E_RAB_ID(e.erab_id),
                                            transport_layer_address: e.transport.to_asn(),
                                            gtp_teid: teid_to_asn(e.teid),
                                            ie_extensions: None,
                                        }
                                    )
                                ))
                                .collect()
                        ))
                    ),
                ];
                if !m.failed.is_empty() {
                    ies.push(ie!(
                        InitialContextSetupResponseProtocolIEs_Entry,
                        V::Id_E_RABFailedToSetupListCtxtSURes(erab_list_to_asn(&m.failed))
                    ));
                }
                successful(S::Id_InitialContextSetup(
                    asn::InitialContextSetupResponse {
                        protocol_i_es: asn::InitialContextSetupResponseProtocolIEs(ies),
                    },
                ))
            }
            Self::InitialContextSetupFailure(m) => {
                use asn::InitialContextSetupFailureProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        InitialContextSetupFailureProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        InitialContextSetupFailureProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        InitialContextSetupFailureProtocolIEs_Entry,
                        V::Id_Cause(m.cause.to_asn())
                    ),
                ];
                unsuccessful(U::Id_InitialContextSetup(asn::InitialContextSetupFailure {
                    protocol_i_es: asn::InitialContextSetupFailureProtocolIEs(ies),
                }))
            }
            Self::ErabSetupRequest(m) => {
                use asn::E_RABSetupRequestProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        E_RABSetupRequestProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        E_RABSetupRequestProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                ];
                if let Some(a) = m.ue_ambr {
                    ies.push(ie!(
                        E_RABSetupRequestProtocolIEs_Entry,
                        V::Id_uEaggregateMaximumBitrate(a.to_asn())
                    ));
                }
                ies.push(ie!(
                    E_RABSetupRequestProtocolIEs_Entry,
                    V::Id_E_RABToBeSetupListBearerSUReq(asn::E_RABToBeSetupListBearerSUReq(
                        m.erabs.iter().map(erab_to_setup_bearer).collect()
                    ))
                ));
                initiating(I::Id_E_RABSetup(asn::E_RABSetupRequest {
                    protocol_i_es: asn::E_RABSetupRequestProtocolIEs(ies),
                }))
            }
            Self::ErabSetupResponse(m) => {
                use asn::E_RABSetupResponseProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        E_RABSetupResponseProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        E_RABSetupResponseProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                ];
                if !m.setup.is_empty() {
                    ies.push(ie!(
                        E_RABSetupResponseProtocolIEs_Entry,
                        V::Id_E_RABSetupListBearerSURes(asn::E_RABSetupListBearerSURes(
                            m.setup
                                .iter()
                                .map(|e| ie!(
                                    E_RABSetupListBearerSURes_Entry,
                                    asn::E_RABSetupListBearerSURes_EntryValue::Id_E_RABSetupItemBearerSURes(
                                        asn::E_RABSetupItemBearerSURes {
                                            e_rab_id: asn::E_RAB_ID(e.erab_id),
                                            transport_layer_address: e.transport.to_asn(),
                                            gtp_teid: teid_to_asn(e.teid),
                                            ie_extensions: None,
                                        }
                                    )
                                ))
                                .collect()
                        ))
                    ));
                }
                if !m.failed.is_empty() {
                    ies.push(ie!(
                        E_RABSetupResponseProtocolIEs_Entry,
                        V::Id_E_RABFailedToSetupListBearerSURes(erab_list_to_asn(&m.failed))
                    ));
                }
                successful(S::Id_E_RABSetup(asn::E_RABSetupResponse {
                    protocol_i_es: asn::E_RABSetupResponseProtocolIEs(ies),
                }))
            }
            Self::ErabReleaseCommand(m) => {
                use asn::E_RABReleaseCommandProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        E_RABReleaseCommandProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        E_RABReleaseCommandProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                ];
                if let Some(a) = m.ue_ambr {
                    ies.push(ie!(
                        E_RABReleaseCommandProtocolIEs_Entry,
                        V::Id_uEaggregateMaximumBitrate(a.to_asn())
                    ));
                }
                ies.push(ie!(
                    E_RABReleaseCommandProtocolIEs_Entry,
                    V::Id_E_RABToBeReleasedList(erab_list_to_asn(&m.erabs))
                ));
                if let Some(n) = &m.nas_pdu {
                    ies.push(ie!(
                        E_RABReleaseCommandProtocolIEs_Entry,
                        V::Id_NAS_PDU(asn::NAS_PDU(n.clone()))
                    ));
                }
                initiating(I::Id_E_RABRelease(asn::E_RABReleaseCommand {
                    protocol_i_es: asn::E_RABReleaseCommandProtocolIEs(ies),
                }))
            }
            Self::ErabReleaseResponse(m) => {
                use asn::E_RABReleaseResponseProtocolIEs_EntryValue as V;
                let mut ies = vec![
                    ie!(
                        E_RABReleaseResponseProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        E_RABReleaseResponseProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                ];
                if !m.released.is_empty() {
                    ies.push(ie!(
                        E_RABReleaseResponseProtocolIEs_Entry,
                        V::Id_E_RABReleaseListBearerRelComp(asn::E_RABReleaseListBearerRelComp(
                            m.released
                                .iter()
                                .map(|id| ie!(
                                    E_RABReleaseListBearerRelComp_Entry,
                                    asn::E_RABReleaseListBearerRelComp_EntryValue::Id_E_RABReleaseItemBearerRelComp(
                                        asn::E_RABReleaseItemBearerRelComp {
                                            e_rab_id: asn::E_RAB_ID(*id),
                                            ie_extensions: None,
                                        }
                                    )
                                ))
                                .collect()
                        ))
                    ));
                }
                if !m.failed.is_empty() {
                    ies.push(ie!(
                        E_RABReleaseResponseProtocolIEs_Entry,
                        V::Id_E_RABFailedToReleaseList(erab_list_to_asn(&m.failed))
                    ));
                }
                successful(S::Id_E_RABRelease(asn::E_RABReleaseResponse {
                    protocol_i_es: asn::E_RABReleaseResponseProtocolIEs(ies),
                }))
            }
            Self::UeContextReleaseRequest(m) => {
                use asn::UEContextReleaseRequestProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        UEContextReleaseRequestProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        UEContextReleaseRequestProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        UEContextReleaseRequestProtocolIEs_Entry,
                        V::Id_Cause(m.cause.to_asn())
                    ),
                ];
                initiating(I::Id_UEContextReleaseRequest(
                    asn::UEContextReleaseRequest {
                        protocol_i_es: asn::UEContextReleaseRequestProtocolIEs(ies),
                    },
                ))
            }
            Self::UeContextReleaseCommand(m) => {
                use asn::UEContextReleaseCommandProtocolIEs_EntryValue as V;
                let ids = match m.ids {
                    UeS1apIds::Pair(mme, enb) => {
                        asn::UE_S1AP_IDs::UE_S1AP_ID_pair(asn::UE_S1AP_ID_pair {
                            mme_ue_s1ap_id: mme.into(),
                            enb_ue_s1ap_id: enb.into(),
                            ie_extensions: None,
                        })
                    }
                    UeS1apIds::Mme(mme) => asn::UE_S1AP_IDs::MME_UE_S1AP_ID(mme.into()),
                };
                let ies = vec![
                    ie!(
                        UEContextReleaseCommandProtocolIEs_Entry,
                        V::Id_UE_S1AP_IDs(ids)
                    ),
                    ie!(
                        UEContextReleaseCommandProtocolIEs_Entry,
                        V::Id_Cause(m.cause.to_asn())
                    ),
                ];
                initiating(I::Id_UEContextRelease(asn::UEContextReleaseCommand {
                    protocol_i_es: asn::UEContextReleaseCommandProtocolIEs(ies),
                }))
            }
            Self::UeContextReleaseComplete(m) => {
                use asn::UEContextReleaseCompleteProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        UEContextReleaseCompleteProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        UEContextReleaseCompleteProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                ];
                successful(S::Id_UEContextRelease(asn::UEContextReleaseComplete {
                    protocol_i_es: asn::UEContextReleaseCompleteProtocolIEs(ies),
                }))
            }
            Self::UeCapabilityInfoIndication(m) => {
                use asn::UECapabilityInfoIndicationProtocolIEs_EntryValue as V;
                let ies = vec![
                    ie!(
                        UECapabilityInfoIndicationProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(m.mme_ue_id.into())
                    ),
                    ie!(
                        UECapabilityInfoIndicationProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(m.enb_ue_id.into())
                    ),
                    ie!(
                        UECapabilityInfoIndicationProtocolIEs_Entry,
                        V::Id_UERadioCapability(asn::UERadioCapability(
                            m.ue_radio_capability.clone()
                        ))
                    ),
                ];
                initiating(I::Id_UECapabilityInfoIndication(
                    asn::UECapabilityInfoIndication {
                        protocol_i_es: asn::UECapabilityInfoIndicationProtocolIEs(ies),
                    },
                ))
            }
            Self::Paging(m) => {
                use asn::PagingProtocolIEs_EntryValue as V;
                let id = match &m.paging_id {
                    PagingId::STmsi(s) => asn::UEPagingID::S_TMSI(s.to_asn()),
                    PagingId::Imsi(i) => asn::UEPagingID::IMSI(asn::IMSI(i.clone())),
                };
                let tais = m
                    .tais
                    .iter()
                    .map(|t| {
                        ie!(
                            TAIList_Entry,
                            asn::TAIList_EntryValue::Id_TAIItem(asn::TAIItem {
                                tai: t.to_asn(),
                                ie_extensions: None,
                            })
                        )
                    })
                    .collect();
                let ies = vec![
                    ie!(
                        PagingProtocolIEs_Entry,
                        V::Id_UEIdentityIndexValue(asn::UEIdentityIndexValue(bits(
                            u64::from(m.ue_identity_index),
                            10
                        )))
                    ),
                    ie!(PagingProtocolIEs_Entry, V::Id_UEPagingID(id)),
                    ie!(
                        PagingProtocolIEs_Entry,
                        V::Id_CNDomain(asn::CNDomain(u8::from(m.cs_domain)))
                    ),
                    ie!(PagingProtocolIEs_Entry, V::Id_TAIList(asn::TAIList(tais))),
                ];
                initiating(I::Id_Paging(asn::Paging {
                    protocol_i_es: asn::PagingProtocolIEs(ies),
                }))
            }
            Self::Reset(m) => {
                use asn::ResetProtocolIEs_EntryValue as V;
                let kind = match &m.kind {
                    ResetKind::All => asn::ResetType::S1_Interface(asn::ResetAll(asn::ResetAll::RESET_ALL)),
                    ResetKind::Part(list) => asn::ResetType::PartOfS1_Interface(
                        asn::UE_associatedLogicalS1_ConnectionListRes(
                            list.iter()
                                .map(|a| ie!(
                                    UE_associatedLogicalS1_ConnectionListRes_Entry,
                                    asn::UE_associatedLogicalS1_ConnectionListRes_EntryValue::Id_UE_associatedLogicalS1_ConnectionItem(
                                        association_to_asn(a)
                                    )
                                ))
                                .collect(),
                        ),
                    ),
                };
                let ies = vec![
                    ie!(ResetProtocolIEs_Entry, V::Id_Cause(m.cause.to_asn())),
                    ie!(ResetProtocolIEs_Entry, V::Id_ResetType(kind)),
                ];
                initiating(I::Id_Reset(asn::Reset {
                    protocol_i_es: asn::ResetProtocolIEs(ies),
                }))
            }
            Self::ResetAcknowledge(m) => {
                use asn::ResetAcknowledgeProtocolIEs_EntryValue as V;
                let mut ies = Vec::new();
                if !m.associations.is_empty() {
                    ies.push(ie!(
                        ResetAcknowledgeProtocolIEs_Entry,
                        V::Id_UE_associatedLogicalS1_ConnectionListResAck(
                            asn::UE_associatedLogicalS1_ConnectionListResAck(
                                m.associations
                                    .iter()
                                    .map(|a| ie!(
                                        UE_associatedLogicalS1_ConnectionListResAck_Entry,
                                        asn::UE_associatedLogicalS1_ConnectionListResAck_EntryValue::Id_UE_associatedLogicalS1_ConnectionItem(
                                            association_to_asn(a)
                                        )
                                    ))
                                    .collect()
                            )
                        )
                    ));
                }
                successful(S::Id_Reset(asn::ResetAcknowledge {
                    protocol_i_es: asn::ResetAcknowledgeProtocolIEs(ies),
                }))
            }
            Self::ErrorIndication(m) => {
                use asn::ErrorIndicationProtocolIEs_EntryValue as V;
                let mut ies = Vec::new();
                if let Some(id) = m.mme_ue_id {
                    ies.push(ie!(
                        ErrorIndicationProtocolIEs_Entry,
                        V::Id_MME_UE_S1AP_ID(id.into())
                    ));
                }
                if let Some(id) = m.enb_ue_id {
                    ies.push(ie!(
                        ErrorIndicationProtocolIEs_Entry,
                        V::Id_eNB_UE_S1AP_ID(id.into())
                    ));
                }
                if let Some(c) = m.cause {
                    ies.push(ie!(
                        ErrorIndicationProtocolIEs_Entry,
                        V::Id_Cause(c.to_asn())
                    ));
                }
                initiating(I::Id_ErrorIndication(asn::ErrorIndication {
                    protocol_i_es: asn::ErrorIndicationProtocolIEs(ies),
                }))
            }
            Self::Other(pdu) => (**pdu).clone(),
        }
    }

    /// Converts a decoded PDU to the typed message, applying the criticality
    /// rules to IEs this release does not know (TS 36.413 10.3.5).
    pub fn from_pdu(pdu: asn::S1AP_PDU) -> Result<Self, S1apError> {
        use asn::InitiatingMessageValue as I;
        use asn::SuccessfulOutcomeValue as S;
        use asn::UnsuccessfulOutcomeValue as U;
        let typed = match &pdu {
            asn::S1AP_PDU::InitiatingMessage(m) => match &m.value {
                I::Id_S1Setup(x) => Self::S1SetupRequest(s1_setup_request(x)?),
                I::Id_initialUEMessage(x) => Self::InitialUeMessage(initial_ue_message(x)?),
                I::Id_downlinkNASTransport(x) => Self::DownlinkNasTransport(downlink_nas(x)?),
                I::Id_uplinkNASTransport(x) => Self::UplinkNasTransport(uplink_nas(x)?),
                I::Id_InitialContextSetup(x) => Self::InitialContextSetupRequest(ics_request(x)?),
                I::Id_E_RABSetup(x) => Self::ErabSetupRequest(erab_setup_request(x)?),
                I::Id_E_RABRelease(x) => Self::ErabReleaseCommand(erab_release_command(x)?),
                I::Id_UEContextReleaseRequest(x) => {
                    Self::UeContextReleaseRequest(release_request(x)?)
                }
                I::Id_UEContextRelease(x) => Self::UeContextReleaseCommand(release_command(x)?),
                I::Id_UECapabilityInfoIndication(x) => {
                    Self::UeCapabilityInfoIndication(capability_info(x)?)
                }
                I::Id_Paging(x) => Self::Paging(paging(x)?),
                I::Id_Reset(x) => Self::Reset(reset(x)?),
                I::Id_ErrorIndication(x) => Self::ErrorIndication(error_indication(x)?),
                I::Unknown(_) => {
                    return Err(S1apError::UnknownProcedure {
                        code: m.procedure_code.0,
                        criticality: m.criticality.0,
                    });
                }
                _ => Self::Other(Box::new(pdu.clone())),
            },
            asn::S1AP_PDU::SuccessfulOutcome(m) => match &m.value {
                S::Id_S1Setup(x) => Self::S1SetupResponse(s1_setup_response(x)?),
                S::Id_InitialContextSetup(x) => Self::InitialContextSetupResponse(ics_response(x)?),
                S::Id_E_RABSetup(x) => Self::ErabSetupResponse(erab_setup_response(x)?),
                S::Id_E_RABRelease(x) => Self::ErabReleaseResponse(erab_release_response(x)?),
                S::Id_UEContextRelease(x) => Self::UeContextReleaseComplete(release_complete(x)?),
                S::Id_Reset(x) => Self::ResetAcknowledge(reset_ack(x)?),
                S::Unknown(_) => {
                    return Err(S1apError::UnknownProcedure {
                        code: m.procedure_code.0,
                        criticality: m.criticality.0,
                    });
                }
                _ => Self::Other(Box::new(pdu.clone())),
            },
            asn::S1AP_PDU::UnsuccessfulOutcome(m) => match &m.value {
                U::Id_S1Setup(x) => Self::S1SetupFailure(s1_setup_failure(x)?),
                U::Id_InitialContextSetup(x) => Self::InitialContextSetupFailure(ics_failure(x)?),
                U::Unknown(_) => {
                    return Err(S1apError::UnknownProcedure {
                        code: m.procedure_code.0,
                        criticality: m.criticality.0,
                    });
                }
                _ => Self::Other(Box::new(pdu.clone())),
            },
            asn::S1AP_PDU::UnknownExtension(u) => {
                return Err(S1apError::invalid(format!(
                    "S1AP-PDU uses extension alternative {} that Rel-14 does not define",
                    u.index
                )));
            }
        };
        Ok(typed)
    }
}

fn s1_setup_request(x: &asn::S1SetupRequest) -> Result<S1SetupRequest, S1apError> {
    use asn::S1SetupRequestProtocolIEs_EntryValue as V;
    const M: &str = "S1 Setup Request";
    let (mut id, mut name, mut tas, mut drx) = (None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_Global_ENB_ID(v) => id = Some(GlobalEnbId::from_asn(v)?),
            V::Id_eNBname(v) => name = Some(v.0.clone()),
            V::Id_SupportedTAs(v) => {
                let mut out = Vec::new();
                for t in &v.0 {
                    out.push(SupportedTa {
                        tac: u16::from_be_bytes(
                            t.tac
                                .0
                                .as_slice()
                                .try_into()
                                .map_err(|_| S1apError::invalid("TAC must be 2 bytes"))?,
                        ),
                        plmns: t
                            .broadcast_plm_ns
                            .0
                            .iter()
                            .map(plmn_from_asn)
                            .collect::<Result<_, _>>()?,
                    });
                }
                tas = Some(out);
            }
            V::Id_DefaultPagingDRX(v) => drx = Some(v.0),
            _ => {}
        }
    }
    Ok(S1SetupRequest {
        global_enb_id: need(id, M, "Global-ENB-ID")?,
        enb_name: name,
        supported_tas: need(tas, M, "SupportedTAs")?,
        default_paging_drx: need(drx, M, "DefaultPagingDRX")?,
    })
}

fn s1_setup_response(x: &asn::S1SetupResponse) -> Result<S1SetupResponse, S1apError> {
    use asn::S1SetupResponseProtocolIEs_EntryValue as V;
    const M: &str = "S1 Setup Response";
    let (mut name, mut served, mut cap) = (None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MMEname(v) => name = Some(v.0.clone()),
            V::Id_ServedGUMMEIs(v) => {
                let mut out = Vec::new();
                for g in &v.0 {
                    out.push(ServedGummei {
                        plmns: g
                            .served_plm_ns
                            .0
                            .iter()
                            .map(plmn_from_asn)
                            .collect::<Result<_, _>>()?,
                        group_ids: g
                            .served_group_i_ds
                            .0
                            .iter()
                            .map(|v| v.0.as_slice().try_into().map(u16::from_be_bytes))
                            .collect::<Result<_, _>>()
                            .map_err(|_| S1apError::invalid("MME group id must be 2 bytes"))?,
                        codes: g
                            .served_mme_cs
                            .0
                            .iter()
                            .map(|c| c.0.first().copied().unwrap_or(0))
                            .collect(),
                    });
                }
                served = Some(out);
            }
            V::Id_RelativeMMECapacity(v) => cap = Some(v.0),
            _ => {}
        }
    }
    Ok(S1SetupResponse {
        mme_name: name,
        served_gummeis: need(served, M, "ServedGUMMEIs")?,
        relative_capacity: need(cap, M, "RelativeMMECapacity")?,
    })
}

fn s1_setup_failure(x: &asn::S1SetupFailure) -> Result<S1SetupFailure, S1apError> {
    use asn::S1SetupFailureProtocolIEs_EntryValue as V;
    const M: &str = "S1 Setup Failure";
    let (mut cause, mut ttw) = (None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_Cause(v) => cause = Some(Cause::from_asn(v)?),
            V::Id_TimeToWait(v) => ttw = Some(v.0),
            _ => {}
        }
    }
    Ok(S1SetupFailure {
        cause: need(cause, M, "Cause")?,
        time_to_wait: ttw,
    })
}

fn initial_ue_message(x: &asn::InitialUEMessage) -> Result<InitialUeMessage, S1apError> {
    use asn::InitialUEMessageProtocolIEs_EntryValue as V;
    const M: &str = "Initial UE Message";
    let (mut enb, mut nas, mut tai, mut ecgi, mut cause, mut stmsi, mut gummei) =
        (None, None, None, None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_NAS_PDU(v) => nas = Some(v.0.clone()),
            V::Id_TAI(v) => tai = Some(Tai::from_asn(v)?),
            V::Id_EUTRAN_CGI(v) => ecgi = Some(Ecgi::from_asn(v)?),
            V::Id_RRC_Establishment_Cause(v) => cause = Some(v.0),
            V::Id_S_TMSI(v) => stmsi = Some(STmsi::from_asn(v)?),
            V::Id_GUMMEI_ID(v) => gummei = Some(Gummei::from_asn(v)?),
            _ => {}
        }
    }
    Ok(InitialUeMessage {
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        nas_pdu: need(nas, M, "NAS-PDU")?,
        tai: need(tai, M, "TAI")?,
        ecgi: need(ecgi, M, "EUTRAN-CGI")?,
        rrc_cause: need(cause, M, "RRC-Establishment-Cause")?,
        s_tmsi: stmsi,
        gummei,
    })
}

fn downlink_nas(x: &asn::DownlinkNASTransport) -> Result<DownlinkNasTransport, S1apError> {
    use asn::DownlinkNASTransportProtocolIEs_EntryValue as V;
    const M: &str = "Downlink NAS Transport";
    let (mut mme, mut enb, mut nas) = (None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_NAS_PDU(v) => nas = Some(v.0.clone()),
            _ => {}
        }
    }
    Ok(DownlinkNasTransport {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        nas_pdu: need(nas, M, "NAS-PDU")?,
    })
}

fn uplink_nas(x: &asn::UplinkNASTransport) -> Result<UplinkNasTransport, S1apError> {
    use asn::UplinkNASTransportProtocolIEs_EntryValue as V;
    const M: &str = "Uplink NAS Transport";
    let (mut mme, mut enb, mut nas, mut ecgi, mut tai) = (None, None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_NAS_PDU(v) => nas = Some(v.0.clone()),
            V::Id_EUTRAN_CGI(v) => ecgi = Some(Ecgi::from_asn(v)?),
            V::Id_TAI(v) => tai = Some(Tai::from_asn(v)?),
            _ => {}
        }
    }
    Ok(UplinkNasTransport {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        nas_pdu: need(nas, M, "NAS-PDU")?,
        ecgi: need(ecgi, M, "EUTRAN-CGI")?,
        tai: need(tai, M, "TAI")?,
    })
}

fn ics_request(
    x: &asn::InitialContextSetupRequest,
) -> Result<InitialContextSetupRequest, S1apError> {
    use asn::InitialContextSetupRequestProtocolIEs_EntryValue as V;
    const M: &str = "Initial Context Setup Request";
    let (mut mme, mut enb, mut ambr, mut erabs, mut caps, mut key, mut radio) =
        (None, None, None, None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_uEaggregateMaximumBitrate(v) => ambr = Some(Ambr::from_asn(v)),
            V::Id_E_RABToBeSetupListCtxtSUReq(v) => {
                let mut out = Vec::new();
                for item in &v.0 {
                    super::check_ie(M, item)?;
                    if let asn::E_RABToBeSetupListCtxtSUReq_EntryValue::Id_E_RABToBeSetupItemCtxtSUReq(i) =
                        &item.value
                    {
                        out.push(ErabToSetup {
                            erab_id: i.e_rab_id.0,
                            qos: ErabQos::from_asn(&i.e_ra_blevel_qo_s_parameters),
                            transport: TransportAddress::from_asn(&i.transport_layer_address)?,
                            teid: teid_from_asn(&i.gtp_teid)?,
                            nas_pdu: i.nas_pdu.as_ref().map(|n| n.0.clone()),
                        });
                    }
                }
                erabs = Some(out);
            }
            V::Id_UESecurityCapabilities(v) => caps = Some(UeSecurityCapabilities::from_asn(v)),
            V::Id_SecurityKey(v) => {
                let raw = v.0.as_raw_slice();
                key = Some(
                    <[u8; 32]>::try_from(raw)
                        .map_err(|_| S1apError::invalid("SecurityKey must be 256 bits"))?,
                );
            }
            V::Id_UERadioCapability(v) => radio = Some(v.0.clone()),
            _ => {}
        }
    }
    Ok(InitialContextSetupRequest {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        ue_ambr: need(ambr, M, "UEAggregateMaximumBitrate")?,
        erabs: need(erabs, M, "E-RABToBeSetupListCtxtSUReq")?,
        security_capabilities: need(caps, M, "UESecurityCapabilities")?,
        security_key: need(key, M, "SecurityKey")?,
        ue_radio_capability: radio,
    })
}

fn setup_items<'a>(
    items: impl Iterator<
        Item = (
            &'a asn::E_RAB_ID,
            &'a asn::TransportLayerAddress,
            &'a asn::GTP_TEID,
        ),
    >,
) -> Result<Vec<ErabSetupItem>, S1apError> {
    items
        .map(|(id, addr, teid)| {
            Ok(ErabSetupItem {
                erab_id: id.0,
                transport: TransportAddress::from_asn(addr)?,
                teid: teid_from_asn(teid)?,
            })
        })
        .collect()
}

fn ics_response(
    x: &asn::InitialContextSetupResponse,
) -> Result<InitialContextSetupResponse, S1apError> {
    use asn::InitialContextSetupResponseProtocolIEs_EntryValue as V;
    const M: &str = "Initial Context Setup Response";
    let (mut mme, mut enb, mut setup, mut failed) = (None, None, None, Vec::new());
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_E_RABSetupListCtxtSURes(v) => {
                for item in &v.0 {
                    super::check_ie(M, item)?;
                }
                setup = Some(setup_items(v.0.iter().filter_map(
                    |item| match &item.value {
                        asn::E_RABSetupListCtxtSURes_EntryValue::Id_E_RABSetupItemCtxtSURes(i) => {
                            Some((&i.e_rab_id, &i.transport_layer_address, &i.gtp_teid))
                        }
                        _ => None,
                    },
                ))?);
            }
            V::Id_E_RABFailedToSetupListCtxtSURes(v) => failed = erab_list_from_asn(v)?,
            _ => {}
        }
    }
    Ok(InitialContextSetupResponse {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        setup: need(setup, M, "E-RABSetupListCtxtSURes")?,
        failed,
    })
}

fn ics_failure(
    x: &asn::InitialContextSetupFailure,
) -> Result<InitialContextSetupFailure, S1apError> {
    use asn::InitialContextSetupFailureProtocolIEs_EntryValue as V;
    const M: &str = "Initial Context Setup Failure";
    let (mut mme, mut enb, mut cause) = (None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_Cause(v) => cause = Some(Cause::from_asn(v)?),
            _ => {}
        }
    }
    Ok(InitialContextSetupFailure {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        cause: need(cause, M, "Cause")?,
    })
}

fn erab_setup_request(x: &asn::E_RABSetupRequest) -> Result<ErabSetupRequest, S1apError> {
    use asn::E_RABSetupRequestProtocolIEs_EntryValue as V;
    const M: &str = "E-RAB Setup Request";
    let (mut mme, mut enb, mut ambr, mut erabs) = (None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_uEaggregateMaximumBitrate(v) => ambr = Some(Ambr::from_asn(v)),
            V::Id_E_RABToBeSetupListBearerSUReq(v) => {
                let mut out = Vec::new();
                for item in &v.0 {
                    super::check_ie(M, item)?;
                    if let asn::E_RABToBeSetupListBearerSUReq_EntryValue::Id_E_RABToBeSetupItemBearerSUReq(i) =
                        &item.value
                    {
                        out.push(ErabToSetup {
                            erab_id: i.e_rab_id.0,
                            qos: ErabQos::from_asn(&i.e_ra_blevel_qo_s_parameters),
                            transport: TransportAddress::from_asn(&i.transport_layer_address)?,
                            teid: teid_from_asn(&i.gtp_teid)?,
                            nas_pdu: Some(i.nas_pdu.0.clone()),
                        });
                    }
                }
                erabs = Some(out);
            }
            _ => {}
        }
    }
    Ok(ErabSetupRequest {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        ue_ambr: ambr,
        erabs: need(erabs, M, "E-RABToBeSetupListBearerSUReq")?,
    })
}

fn erab_setup_response(x: &asn::E_RABSetupResponse) -> Result<ErabSetupResponse, S1apError> {
    use asn::E_RABSetupResponseProtocolIEs_EntryValue as V;
    const M: &str = "E-RAB Setup Response";
    let (mut mme, mut enb, mut setup, mut failed) = (None, None, Vec::new(), Vec::new());
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_E_RABSetupListBearerSURes(v) => {
                for item in &v.0 {
                    super::check_ie(M, item)?;
                }
                setup = setup_items(v.0.iter().filter_map(|item| match &item.value {
                    asn::E_RABSetupListBearerSURes_EntryValue::Id_E_RABSetupItemBearerSURes(i) => {
                        Some((&i.e_rab_id, &i.transport_layer_address, &i.gtp_teid))
                    }
                    _ => None,
                }))?;
            }
            V::Id_E_RABFailedToSetupListBearerSURes(v) => failed = erab_list_from_asn(v)?,
            _ => {}
        }
    }
    Ok(ErabSetupResponse {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        setup,
        failed,
    })
}

fn erab_release_command(x: &asn::E_RABReleaseCommand) -> Result<ErabReleaseCommand, S1apError> {
    use asn::E_RABReleaseCommandProtocolIEs_EntryValue as V;
    const M: &str = "E-RAB Release Command";
    let (mut mme, mut enb, mut ambr, mut erabs, mut nas) = (None, None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_uEaggregateMaximumBitrate(v) => ambr = Some(Ambr::from_asn(v)),
            V::Id_E_RABToBeReleasedList(v) => erabs = Some(erab_list_from_asn(v)?),
            V::Id_NAS_PDU(v) => nas = Some(v.0.clone()),
            _ => {}
        }
    }
    Ok(ErabReleaseCommand {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        ue_ambr: ambr,
        erabs: need(erabs, M, "E-RABToBeReleasedList")?,
        nas_pdu: nas,
    })
}

fn erab_release_response(x: &asn::E_RABReleaseResponse) -> Result<ErabReleaseResponse, S1apError> {
    use asn::E_RABReleaseResponseProtocolIEs_EntryValue as V;
    const M: &str = "E-RAB Release Response";
    let (mut mme, mut enb, mut released, mut failed) = (None, None, Vec::new(), Vec::new());
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_E_RABReleaseListBearerRelComp(v) => {
                for item in &v.0 {
                    super::check_ie(M, item)?;
                    if let asn::E_RABReleaseListBearerRelComp_EntryValue::Id_E_RABReleaseItemBearerRelComp(i) =
                        &item.value
                    {
                        released.push(i.e_rab_id.0);
                    }
                }
            }
            V::Id_E_RABFailedToReleaseList(v) => failed = erab_list_from_asn(v)?,
            _ => {}
        }
    }
    Ok(ErabReleaseResponse {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        released,
        failed,
    })
}

fn release_request(x: &asn::UEContextReleaseRequest) -> Result<UeContextReleaseRequest, S1apError> {
    use asn::UEContextReleaseRequestProtocolIEs_EntryValue as V;
    const M: &str = "UE Context Release Request";
    let (mut mme, mut enb, mut cause) = (None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_Cause(v) => cause = Some(Cause::from_asn(v)?),
            _ => {}
        }
    }
    Ok(UeContextReleaseRequest {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        cause: need(cause, M, "Cause")?,
    })
}

fn release_command(x: &asn::UEContextReleaseCommand) -> Result<UeContextReleaseCommand, S1apError> {
    use asn::UEContextReleaseCommandProtocolIEs_EntryValue as V;
    const M: &str = "UE Context Release Command";
    let (mut ids, mut cause) = (None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_UE_S1AP_IDs(v) => {
                ids = Some(match v {
                    asn::UE_S1AP_IDs::UE_S1AP_ID_pair(p) => UeS1apIds::Pair(
                        MmeUeS1apId(p.mme_ue_s1ap_id.0),
                        EnbUeS1apId(p.enb_ue_s1ap_id.0),
                    ),
                    asn::UE_S1AP_IDs::MME_UE_S1AP_ID(m) => UeS1apIds::Mme(MmeUeS1apId(m.0)),
                    asn::UE_S1AP_IDs::UnknownExtension(_) => {
                        return Err(S1apError::invalid(
                            "UE-S1AP-IDs uses an unknown extension alternative",
                        ));
                    }
                })
            }
            V::Id_Cause(v) => cause = Some(Cause::from_asn(v)?),
            _ => {}
        }
    }
    Ok(UeContextReleaseCommand {
        ids: need(ids, M, "UE-S1AP-IDs")?,
        cause: need(cause, M, "Cause")?,
    })
}

fn release_complete(
    x: &asn::UEContextReleaseComplete,
) -> Result<UeContextReleaseComplete, S1apError> {
    use asn::UEContextReleaseCompleteProtocolIEs_EntryValue as V;
    const M: &str = "UE Context Release Complete";
    let (mut mme, mut enb) = (None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            _ => {}
        }
    }
    Ok(UeContextReleaseComplete {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
    })
}

fn capability_info(
    x: &asn::UECapabilityInfoIndication,
) -> Result<UeCapabilityInfoIndication, S1apError> {
    use asn::UECapabilityInfoIndicationProtocolIEs_EntryValue as V;
    const M: &str = "UE Capability Info Indication";
    let (mut mme, mut enb, mut cap) = (None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => mme = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => enb = Some(EnbUeS1apId(v.0)),
            V::Id_UERadioCapability(v) => cap = Some(v.0.clone()),
            _ => {}
        }
    }
    Ok(UeCapabilityInfoIndication {
        mme_ue_id: need(mme, M, "MME-UE-S1AP-ID")?,
        enb_ue_id: need(enb, M, "eNB-UE-S1AP-ID")?,
        ue_radio_capability: need(cap, M, "UERadioCapability")?,
    })
}

fn paging(x: &asn::Paging) -> Result<Paging, S1apError> {
    use asn::PagingProtocolIEs_EntryValue as V;
    const M: &str = "Paging";
    let (mut index, mut id, mut domain, mut tais) = (None, None, None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_UEIdentityIndexValue(v) => index = Some(bits_value(&v.0) as u16),
            V::Id_UEPagingID(v) => {
                id = Some(match v {
                    asn::UEPagingID::S_TMSI(s) => PagingId::STmsi(STmsi::from_asn(s)?),
                    asn::UEPagingID::IMSI(i) => PagingId::Imsi(i.0.clone()),
                    asn::UEPagingID::UnknownExtension(_) => {
                        return Err(S1apError::invalid(
                            "UEPagingID uses an unknown extension alternative",
                        ));
                    }
                })
            }
            V::Id_CNDomain(v) => domain = Some(v.0 == asn::CNDomain::CS),
            V::Id_TAIList(v) => {
                let mut out = Vec::new();
                for item in &v.0 {
                    super::check_ie(M, item)?;
                    if let asn::TAIList_EntryValue::Id_TAIItem(t) = &item.value {
                        out.push(Tai::from_asn(&t.tai)?);
                    }
                }
                tais = Some(out);
            }
            _ => {}
        }
    }
    Ok(Paging {
        ue_identity_index: need(index, M, "UEIdentityIndexValue")?,
        paging_id: need(id, M, "UEPagingID")?,
        cs_domain: need(domain, M, "CNDomain")?,
        tais: need(tais, M, "TAIList")?,
    })
}

fn reset(x: &asn::Reset) -> Result<Reset, S1apError> {
    use asn::ResetProtocolIEs_EntryValue as V;
    const M: &str = "Reset";
    let (mut cause, mut kind) = (None, None);
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_Cause(v) => cause = Some(Cause::from_asn(v)?),
            V::Id_ResetType(v) => {
                kind = Some(match v {
                    asn::ResetType::S1_Interface(_) => ResetKind::All,
                    asn::ResetType::PartOfS1_Interface(l) => {
                        let mut out = Vec::new();
                        for item in &l.0 {
                            super::check_ie(M, item)?;
                            if let asn::UE_associatedLogicalS1_ConnectionListRes_EntryValue::Id_UE_associatedLogicalS1_ConnectionItem(a) = &item.value {
                                out.push(association_from_asn(a));
                            }
                        }
                        ResetKind::Part(out)
                    }
                    asn::ResetType::UnknownExtension(_) => {
                        return Err(S1apError::invalid(
                            "ResetType uses an unknown extension alternative",
                        ));
                    }
                })
            }
            _ => {}
        }
    }
    Ok(Reset {
        cause: need(cause, M, "Cause")?,
        kind: need(kind, M, "ResetType")?,
    })
}

fn reset_ack(x: &asn::ResetAcknowledge) -> Result<ResetAcknowledge, S1apError> {
    use asn::ResetAcknowledgeProtocolIEs_EntryValue as V;
    const M: &str = "Reset Acknowledge";
    let mut associations = Vec::new();
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        if let V::Id_UE_associatedLogicalS1_ConnectionListResAck(l) = &e.value {
            for item in &l.0 {
                super::check_ie(M, item)?;
                if let asn::UE_associatedLogicalS1_ConnectionListResAck_EntryValue::Id_UE_associatedLogicalS1_ConnectionItem(a) = &item.value {
                    associations.push(association_from_asn(a));
                }
            }
        }
    }
    Ok(ResetAcknowledge { associations })
}

fn error_indication(x: &asn::ErrorIndication) -> Result<ErrorIndication, S1apError> {
    use asn::ErrorIndicationProtocolIEs_EntryValue as V;
    const M: &str = "Error Indication";
    let mut out = ErrorIndication {
        mme_ue_id: None,
        enb_ue_id: None,
        cause: None,
    };
    for e in &x.protocol_i_es.0 {
        super::check_ie(M, e)?;
        match &e.value {
            V::Id_MME_UE_S1AP_ID(v) => out.mme_ue_id = Some(MmeUeS1apId(v.0)),
            V::Id_eNB_UE_S1AP_ID(v) => out.enb_ue_id = Some(EnbUeS1apId(v.0)),
            V::Id_Cause(v) => out.cause = Some(Cause::from_asn(v)?),
            _ => {}
        }
    }
    Ok(out)
}
