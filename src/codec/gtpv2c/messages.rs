//! The GTPv2-C messages the EPC exchanges on S11/S5 (TS 29.274 clause 7), and
//! the Bearer Context groups each of them carries (8.28: the content of a
//! Bearer Context depends on the message and instance).
//!
//! Fields are declared in the order of the spec's tables; an instance is the
//! second number of each `(type, instance)`.

use super::group::ie_group;
use super::ie::{
    Ambr, Apn, ApnRestriction, BearerQos, Cause, ChargingCharacteristics, ChargingId, Ebi, Fteid,
    Imsi, Indication, Mei, Msisdn, Paa, Pco, PdnType, Plmn, RatType, Recovery, SelectionMode, Uli,
    types,
};

// ---------------------------------------------------------------------------
// Path management

ie_group! {
    /// Echo Request (TS 29.274 7.1.1).
    pub struct EchoRequest {
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
    }
}

ie_group! {
    /// Echo Response (TS 29.274 7.1.2).
    pub struct EchoResponse {
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
    }
}

// ---------------------------------------------------------------------------
// Bearer Contexts (grouped IE 93)

ie_group! {
    /// Bearer Context to be created, in Create Session Request at instance 0
    /// (TS 29.274 Table 7.2.1-2).
    pub struct BearerContextToBeCreated {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
        /// S1-U eNodeB F-TEID (X2 handover with SGW relocation).
        s1u_enb_fteid: Option<Fteid> = (types::FTEID, 0),
        /// S5/S8-U SGW F-TEID (sent by the SGW to the PGW).
        s5s8u_sgw_fteid: Option<Fteid> = (types::FTEID, 2),
        /// S5/S8-U PGW F-TEID (TAU/handover cases).
        s5s8u_pgw_fteid: Option<Fteid> = (types::FTEID, 3),
        /// Bearer level QoS.
        bearer_qos: Option<BearerQos> = (types::BEARER_QOS, 0),
        /// S11-U MME F-TEID (user data over NAS).
        s11u_mme_fteid: Option<Fteid> = (types::FTEID, 7),
    }
}

ie_group! {
    /// Bearer Context to be removed, in Create Session Request and Modify
    /// Bearer Request at instance 1 (TS 29.274 Tables 7.2.1-3, 7.2.7-3).
    pub struct BearerContextToBeRemoved {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
    }
}

ie_group! {
    /// Bearer Context created, in Create Session Response at instance 0
    /// (TS 29.274 Table 7.2.2-2).
    pub struct BearerContextCreated {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
        /// Whether this bearer was set up.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// S1-U SGW F-TEID: where the eNodeB sends uplink user data.
        s1u_sgw_fteid: Option<Fteid> = (types::FTEID, 0),
        /// S5/S8-U PGW F-TEID.
        s5s8u_pgw_fteid: Option<Fteid> = (types::FTEID, 2),
        /// Bearer level QoS, if the PGW changed it.
        bearer_qos: Option<BearerQos> = (types::BEARER_QOS, 0),
        /// Charging ID.
        charging_id: Option<ChargingId> = (types::CHARGING_ID, 0),
        /// S11-U SGW F-TEID.
        s11u_sgw_fteid: Option<Fteid> = (types::FTEID, 6),
    }
}

ie_group! {
    /// Bearer Context marked for removal, in Create Session Response and
    /// Modify Bearer Response at instance 1 (TS 29.274 Tables 7.2.2-3, 7.2.8-3).
    pub struct BearerContextMarkedForRemoval {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
        /// Outcome for this bearer.
        cause: Option<Cause> = (types::CAUSE, 0),
    }
}

ie_group! {
    /// Bearer Context to be modified, in Modify Bearer Request at instance 0
    /// (TS 29.274 Table 7.2.7-2).
    pub struct BearerContextToBeModified {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
        /// S1-U eNodeB F-TEID: where the SGW sends downlink user data.
        s1u_enb_fteid: Option<Fteid> = (types::FTEID, 0),
        /// S5/S8-U SGW F-TEID.
        s5s8u_sgw_fteid: Option<Fteid> = (types::FTEID, 1),
        /// S11-U MME F-TEID.
        s11u_mme_fteid: Option<Fteid> = (types::FTEID, 4),
    }
}

ie_group! {
    /// Bearer Context modified, in Modify Bearer Response at instance 0
    /// (TS 29.274 Table 7.2.8-2).
    pub struct BearerContextModified {
        /// EPS Bearer ID.
        ebi: Option<Ebi> = (types::EBI, 0),
        /// Outcome for this bearer.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// S1-U SGW F-TEID.
        s1u_sgw_fteid: Option<Fteid> = (types::FTEID, 0),
        /// Charging ID.
        charging_id: Option<ChargingId> = (types::CHARGING_ID, 0),
        /// S11-U SGW F-TEID.
        s11u_sgw_fteid: Option<Fteid> = (types::FTEID, 3),
    }
}

// ---------------------------------------------------------------------------
// Tunnel management

ie_group! {
    /// Create Session Request (TS 29.274 7.2.1), MME to SGW (S11) and SGW to
    /// PGW (S5/S8).
    pub struct CreateSessionRequest {
        /// Subscriber IMSI.
        imsi: Option<Imsi> = (types::IMSI, 0),
        /// Subscriber MSISDN.
        msisdn: Option<Msisdn> = (types::MSISDN, 0),
        /// Mobile Equipment Identity.
        mei: Option<Mei> = (types::MEI, 0),
        /// User location (TAI, ECGI).
        uli: Option<Uli> = (types::ULI, 0),
        /// Serving network PLMN.
        serving_network: Option<Plmn> = (types::SERVING_NETWORK, 0),
        /// Radio access type.
        rat_type: Option<RatType> = (types::RAT_TYPE, 0),
        /// Indication flags.
        indication: Option<Indication> = (types::INDICATION, 0),
        /// Sender F-TEID for control plane (the MME's S11 F-TEID on S11).
        sender_fteid: Option<Fteid> = (types::FTEID, 0),
        /// PGW S5/S8 address for control plane (F-TEID, instance 1).
        pgw_s5s8_fteid: Option<Fteid> = (types::FTEID, 1),
        /// Access Point Name.
        apn: Option<Apn> = (types::APN, 0),
        /// Selection mode.
        selection_mode: Option<SelectionMode> = (types::SELECTION_MODE, 0),
        /// PDN type the UE asked for.
        pdn_type: Option<PdnType> = (types::PDN_TYPE, 0),
        /// PDN address allocation (requested/static address).
        paa: Option<Paa> = (types::PAA, 0),
        /// Maximum APN restriction.
        max_apn_restriction: Option<ApnRestriction> = (types::APN_RESTRICTION, 0),
        /// APN-AMBR.
        apn_ambr: Option<Ambr> = (types::AMBR, 0),
        /// Linked EPS bearer ID (the default bearer).
        linked_ebi: Option<Ebi> = (types::EBI, 0),
        /// PCO from the UE (TS 24.008 10.5.6.3 value).
        pco: Option<Pco> = (types::PCO, 0),
        /// Bearer contexts to be created.
        bearer_contexts: Vec<BearerContextToBeCreated> = (types::BEARER_CONTEXT, 0),
        /// Bearer contexts to be removed.
        bearer_contexts_to_remove: Vec<BearerContextToBeRemoved> = (types::BEARER_CONTEXT, 1),
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
        /// Charging characteristics.
        charging_characteristics: Option<ChargingCharacteristics> =
            (types::CHARGING_CHARACTERISTICS, 0),
    }
}

ie_group! {
    /// Create Session Response (TS 29.274 7.2.2).
    pub struct CreateSessionResponse {
        /// Outcome.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// Sender F-TEID for control plane (the SGW's S11 F-TEID on S11).
        sender_fteid: Option<Fteid> = (types::FTEID, 0),
        /// PGW S5/S8 F-TEID for control plane.
        pgw_s5s8_fteid: Option<Fteid> = (types::FTEID, 1),
        /// The UE's address(es).
        paa: Option<Paa> = (types::PAA, 0),
        /// APN restriction.
        apn_restriction: Option<ApnRestriction> = (types::APN_RESTRICTION, 0),
        /// APN-AMBR, if the PCRF changed it.
        apn_ambr: Option<Ambr> = (types::AMBR, 0),
        /// Linked EPS bearer ID.
        linked_ebi: Option<Ebi> = (types::EBI, 0),
        /// PCO for the UE (P-CSCF and DNS addresses...).
        pco: Option<Pco> = (types::PCO, 0),
        /// Bearer contexts created.
        bearer_contexts: Vec<BearerContextCreated> = (types::BEARER_CONTEXT, 0),
        /// Bearer contexts marked for removal.
        bearer_contexts_marked_for_removal: Vec<BearerContextMarkedForRemoval> =
            (types::BEARER_CONTEXT, 1),
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
        /// Indication flags.
        indication: Option<Indication> = (types::INDICATION, 0),
    }
}

ie_group! {
    /// Modify Bearer Request (TS 29.274 7.2.7).
    pub struct ModifyBearerRequest {
        /// Mobile Equipment Identity.
        mei: Option<Mei> = (types::MEI, 0),
        /// User location.
        uli: Option<Uli> = (types::ULI, 0),
        /// Serving network PLMN.
        serving_network: Option<Plmn> = (types::SERVING_NETWORK, 0),
        /// Radio access type.
        rat_type: Option<RatType> = (types::RAT_TYPE, 0),
        /// Indication flags.
        indication: Option<Indication> = (types::INDICATION, 0),
        /// Sender F-TEID for control plane.
        sender_fteid: Option<Fteid> = (types::FTEID, 0),
        /// APN-AMBR.
        apn_ambr: Option<Ambr> = (types::AMBR, 0),
        /// Bearer contexts to be modified.
        bearer_contexts: Vec<BearerContextToBeModified> = (types::BEARER_CONTEXT, 0),
        /// Bearer contexts to be removed.
        bearer_contexts_to_remove: Vec<BearerContextToBeRemoved> = (types::BEARER_CONTEXT, 1),
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
    }
}

ie_group! {
    /// Modify Bearer Response (TS 29.274 7.2.8).
    pub struct ModifyBearerResponse {
        /// Outcome.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// Subscriber MSISDN.
        msisdn: Option<Msisdn> = (types::MSISDN, 0),
        /// Linked EPS bearer ID.
        linked_ebi: Option<Ebi> = (types::EBI, 0),
        /// APN restriction.
        apn_restriction: Option<ApnRestriction> = (types::APN_RESTRICTION, 0),
        /// PCO.
        pco: Option<Pco> = (types::PCO, 0),
        /// Bearer contexts modified.
        bearer_contexts: Vec<BearerContextModified> = (types::BEARER_CONTEXT, 0),
        /// Bearer contexts marked for removal.
        bearer_contexts_marked_for_removal: Vec<BearerContextMarkedForRemoval> =
            (types::BEARER_CONTEXT, 1),
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
        /// Indication flags.
        indication: Option<Indication> = (types::INDICATION, 0),
    }
}

ie_group! {
    /// Delete Session Request (TS 29.274 7.2.9.1).
    pub struct DeleteSessionRequest {
        /// Why (e.g. ISR deactivation), when given.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// Linked EPS bearer ID: the default bearer of the PDN connection.
        linked_ebi: Option<Ebi> = (types::EBI, 0),
        /// User location.
        uli: Option<Uli> = (types::ULI, 0),
        /// Indication flags (e.g. OI).
        indication: Option<Indication> = (types::INDICATION, 0),
        /// PCO from the UE.
        pco: Option<Pco> = (types::PCO, 0),
        /// Sender F-TEID for control plane.
        sender_fteid: Option<Fteid> = (types::FTEID, 0),
    }
}

ie_group! {
    /// Delete Session Response (TS 29.274 7.2.10.1).
    pub struct DeleteSessionResponse {
        /// Outcome.
        cause: Option<Cause> = (types::CAUSE, 0),
        /// The sender's restart counter.
        recovery: Option<Recovery> = (types::RECOVERY, 0),
        /// PCO for the UE.
        pco: Option<Pco> = (types::PCO, 0),
        /// Indication flags.
        indication: Option<Indication> = (types::INDICATION, 0),
    }
}

// ---------------------------------------------------------------------------
// One-line summaries

fn with_parts(name: &str, parts: Vec<String>) -> String {
    if parts.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", parts.join(", "))
    }
}

fn cause_part(c: Option<&Cause>) -> Option<String> {
    c.map(|c| c.name().to_string())
}

impl EchoRequest {
    /// One line for the ladder.
    pub fn summary(&self) -> String {
        with_parts(
            "Echo Request",
            self.recovery
                .iter()
                .map(|r| format!("Recovery {r}"))
                .collect(),
        )
    }
}

impl EchoResponse {
    /// One line for the ladder.
    pub fn summary(&self) -> String {
        with_parts(
            "Echo Response",
            self.recovery
                .iter()
                .map(|r| format!("Recovery {r}"))
                .collect(),
        )
    }
}

impl CreateSessionRequest {
    /// One line for the ladder, e.g. "Create Session Request (APN ims, EBI 6)".
    pub fn summary(&self) -> String {
        let ebi = self
            .bearer_contexts
            .first()
            .and_then(|b| b.ebi)
            .or(self.linked_ebi);
        let parts = [
            self.apn.as_ref().map(|a| format!("APN {a}")),
            ebi.map(|e| format!("EBI {e}")),
        ];
        with_parts(
            "Create Session Request",
            parts.into_iter().flatten().collect(),
        )
    }
}

impl CreateSessionResponse {
    /// One line for the ladder, e.g.
    /// "Create Session Response (Request accepted, EBI 6, 10.46.0.2)".
    pub fn summary(&self) -> String {
        let addr = self.paa.as_ref().and_then(|p| {
            p.ipv4()
                .map(|a| a.to_string())
                .or_else(|| p.ipv6().map(|(a, l)| format!("{a}/{l}")))
        });
        let parts = [
            cause_part(self.cause.as_ref()),
            self.bearer_contexts
                .first()
                .and_then(|b| b.ebi)
                .map(|e| format!("EBI {e}")),
            addr,
        ];
        with_parts(
            "Create Session Response",
            parts.into_iter().flatten().collect(),
        )
    }
}

impl ModifyBearerRequest {
    /// One line for the ladder, e.g.
    /// "Modify Bearer Request (EBI 6, eNB 127.0.0.2 TEID 0x00002002)".
    pub fn summary(&self) -> String {
        let b = self.bearer_contexts.first();
        let enb = b.and_then(|b| b.s1u_enb_fteid).map(|f| match f.ipv4 {
            Some(a) => format!("eNB {a} TEID 0x{:08x}", f.teid),
            None => format!("eNB TEID 0x{:08x}", f.teid),
        });
        let parts = [b.and_then(|b| b.ebi).map(|e| format!("EBI {e}")), enb];
        with_parts(
            "Modify Bearer Request",
            parts.into_iter().flatten().collect(),
        )
    }
}

impl ModifyBearerResponse {
    /// One line for the ladder, e.g. "Modify Bearer Response (Request accepted, EBI 6)".
    pub fn summary(&self) -> String {
        let parts = [
            cause_part(self.cause.as_ref()),
            self.bearer_contexts
                .first()
                .and_then(|b| b.ebi)
                .map(|e| format!("EBI {e}")),
        ];
        with_parts(
            "Modify Bearer Response",
            parts.into_iter().flatten().collect(),
        )
    }
}

impl DeleteSessionRequest {
    /// One line for the ladder, e.g. "Delete Session Request (LBI 6)".
    pub fn summary(&self) -> String {
        let parts = [
            self.linked_ebi.map(|e| format!("LBI {e}")),
            cause_part(self.cause.as_ref()),
        ];
        with_parts(
            "Delete Session Request",
            parts.into_iter().flatten().collect(),
        )
    }
}

impl DeleteSessionResponse {
    /// One line for the ladder, e.g. "Delete Session Response (Request accepted)".
    pub fn summary(&self) -> String {
        with_parts(
            "Delete Session Response",
            cause_part(self.cause.as_ref()).into_iter().collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::group::IeGroup;
    use super::super::ie::InterfaceType;
    use super::*;
    use crate::codec::parse_hex;
    use std::net::Ipv4Addr;

    #[test]
    fn bearer_context_created_decodes_fteid_instances() {
        let b = parse_hex(
            "49000100060200020010005700090081000010027f000003\
             570009028500003001 7f000004",
        )
        .unwrap();
        let bc = BearerContextCreated::from_ie_bytes(&b).unwrap();
        assert_eq!(bc.ebi, Some(Ebi(6)));
        assert_eq!(bc.cause, Some(Cause::new(16)));
        let s1u = bc.s1u_sgw_fteid.unwrap();
        assert_eq!(s1u.interface, InterfaceType::S1U_SGW);
        assert_eq!(s1u.teid, 0x1002);
        assert_eq!(s1u.ipv4, Some(Ipv4Addr::new(127, 0, 0, 3)));
        assert_eq!(
            bc.s5s8u_pgw_fteid.unwrap().interface,
            InterfaceType::S5S8_PGW_GTPU
        );
        assert!(bc.other.is_empty());
        assert_eq!(bc.to_ie_bytes(), b);
    }

    #[test]
    fn create_session_request_summary_names_apn_and_ebi() {
        let m = CreateSessionRequest {
            apn: Some(Apn::new("ims")),
            bearer_contexts: vec![BearerContextToBeCreated {
                ebi: Some(Ebi(6)),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(m.summary(), "Create Session Request (APN ims, EBI 6)");
        assert_eq!(
            DeleteSessionResponse::default().summary(),
            "Delete Session Response"
        );
    }
}
