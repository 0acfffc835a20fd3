//! S1-MME (TS 36.413): S1 Setup, NAS transport, Initial Context Setup,
//! E-RAB Setup/Release, UE Context Release, Reset and Error Indication,
//! each as a `handle_*` for what the eNB sends and a `send_*` for what the
//! MME sends.

use super::Mme;
use super::context::{EmmState, EnbContext, Pdn, S1Conn, UeId};
use super::emm::s1ap_algorithms;
use crate::codec::gtpv2c::Fteid;
use crate::codec::s1ap::asn::TimeToWait;
use crate::codec::s1ap::{
    Ambr, Arp, Cause, DownlinkNasTransport, EnbUeS1apId, ErabCause, ErabQos, ErabReleaseCommand,
    ErabSetupRequest, ErabSetupResponse, ErabToSetup, ErrorIndication, InitialContextSetupFailure,
    InitialContextSetupRequest, InitialContextSetupResponse, InitialUeMessage, MmeUeS1apId, Reset,
    ResetAcknowledge, ResetKind, S1SetupFailure, S1SetupRequest, S1SetupResponse, S1apMessage,
    ServedGummei, TransportAddress, UeCapabilityInfoIndication, UeContextReleaseCommand,
    UeContextReleaseComplete, UeContextReleaseRequest, UeS1apIds, UplinkNasTransport,
};
use crate::crypto::kdf;
use crate::nodes::{Iface, NodeId, Time};

/// SCTP stream for UE-associated signalling (stream 0 carries the
/// non-UE-associated procedures, TS 36.412 7).
const UE_STREAM: u16 = 1;

/// The E-RAB of bearer `ebi` of PDN connection `pdn`, toward the SGW's S1-U
/// F-TEID `sgw`, carrying `nas` (TS 36.413 9.1.4.1 and 9.1.3.1).
fn erab_to_setup(ebi: u8, pdn: &Pdn, sgw: Fteid, nas: Vec<u8>) -> ErabToSetup {
    ErabToSetup {
        erab_id: ebi,
        qos: ErabQos {
            qci: pdn.qci,
            arp: Arp {
                priority_level: pdn.arp_priority,
                may_pre_empt: !pdn.no_pre_emption,
                pre_emptable: !pdn.not_pre_emptable,
            },
            gbr: None,
        },
        transport: TransportAddress {
            ipv4: sgw.ipv4,
            ipv6: sgw.ipv6,
        },
        teid: sgw.teid,
        nas_pdu: Some(nas),
    }
}

impl Mme {
    /// Received S1AP bytes from eNB `from`.
    pub(super) fn handle_s1ap(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        let msg = match S1apMessage::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.count("s1ap_decode_errors");
                let enb = self.name(from);
                self.note(None, format!("dropped an S1AP message from {enb}: {e}"));
                // TS 36.413 10.3: report it to the sender.
                let ei = S1apMessage::ErrorIndication(ErrorIndication {
                    mme_ue_id: None,
                    enb_ue_id: None,
                    cause: Some(e.cause()),
                });
                self.send_s1(from, ei, 0, None);
                return;
            }
        };
        if !matches!(msg, S1apMessage::S1SetupRequest(_)) && !self.enbs.contains_key(&from) {
            self.count("s1ap_before_setup");
            let text = format!(
                "dropped {} from {}: it has not completed S1 Setup",
                msg.name(),
                self.name(from)
            );
            self.note(None, text);
            return;
        }
        match msg {
            S1apMessage::S1SetupRequest(m) => self.handle_s1_setup_request(now, from, m),
            S1apMessage::InitialUeMessage(m) => self.handle_initial_ue_message(now, from, m),
            S1apMessage::UplinkNasTransport(m) => self.handle_uplink_nas_transport(now, from, m),
            S1apMessage::InitialContextSetupResponse(m) => {
                self.handle_initial_context_setup_response(now, from, m);
            }
            S1apMessage::InitialContextSetupFailure(m) => {
                self.handle_initial_context_setup_failure(now, from, m);
            }
            S1apMessage::ErabSetupResponse(m) => self.handle_erab_setup_response(now, from, m),
            S1apMessage::ErabReleaseResponse(m) => {
                if self
                    .ue_for(from, m.mme_ue_id, m.enb_ue_id, "E-RAB Release Response")
                    .is_some()
                    && !m.failed.is_empty()
                {
                    self.note(None, format!("eNB could not release E-RABs {:?}", m.failed));
                }
            }
            S1apMessage::UeContextReleaseRequest(m) => {
                self.handle_ue_context_release_request(now, from, m);
            }
            S1apMessage::UeContextReleaseComplete(m) => {
                self.handle_ue_context_release_complete(from, m);
            }
            S1apMessage::UeCapabilityInfoIndication(m) => {
                self.handle_ue_capability_info_indication(from, m);
            }
            S1apMessage::Reset(m) => self.handle_reset(now, from, m),
            S1apMessage::ErrorIndication(m) => {
                self.count("s1ap_error_indications");
                let cause = m.cause.map_or_else(|| "no cause".into(), |c| c.name());
                let text = format!(
                    "eNB {} reports an error{}: {cause}",
                    self.name(from),
                    m.mme_ue_id
                        .map(|i| format!(" for MME-UE-S1AP-ID {}", i.0))
                        .unwrap_or_default()
                );
                let imsi = m
                    .mme_ue_id
                    .and_then(|i| self.by_mme_ue_id.get(&i))
                    .and_then(|id| self.ues.get(id))
                    .and_then(|u| u.imsi_value());
                self.note(imsi, text);
            }
            other => {
                self.count("s1ap_unhandled");
                let text = format!(
                    "{} from {} is not handled by this MME",
                    other.name(),
                    self.name(from)
                );
                self.note(None, text);
            }
        }
    }

    /// Encodes and queues an S1AP message.
    pub(super) fn send_s1(
        &mut self,
        enb: NodeId,
        msg: S1apMessage,
        stream: u16,
        imsi: Option<u64>,
    ) {
        match msg.encode() {
            Ok(b) => self.transmit(Iface::S1Mme, enb, b, stream, imsi),
            Err(e) => {
                self.count("s1ap_encode_errors");
                self.note(imsi, format!("cannot encode {}: {e}", msg.name()));
            }
        }
    }

    /// The UE of a UE-associated message, checking that the eNB's id pair
    /// matches ours (TS 36.413 10.6); else an Error Indication.
    fn ue_for(
        &mut self,
        from: NodeId,
        mme_ue_id: MmeUeS1apId,
        enb_ue_id: EnbUeS1apId,
        what: &str,
    ) -> Option<UeId> {
        let found = self.by_mme_ue_id.get(&mme_ue_id).copied().filter(|id| {
            self.ues
                .get(id)
                .and_then(|u| u.s1)
                .is_some_and(|s| s.enb == from && s.enb_ue_id == enb_ue_id)
        });
        if found.is_none() {
            self.count("s1ap_unknown_ue");
            let text = format!(
                "{what} from {} names MME-UE-S1AP-ID {} / eNB-UE-S1AP-ID {}, which the MME does not know",
                self.name(from),
                mme_ue_id.0,
                enb_ue_id.0
            );
            self.note(None, text);
            let cause = if self.by_mme_ue_id.contains_key(&mme_ue_id) {
                Cause::RadioNetwork(
                    crate::codec::s1ap::asn::CauseRadioNetwork::UNKNOWN_PAIR_UE_S1AP_ID,
                )
            } else {
                Cause::RADIO_UNKNOWN_MME_UE_ID
            };
            let ei = S1apMessage::ErrorIndication(ErrorIndication {
                mme_ue_id: Some(mme_ue_id),
                enb_ue_id: Some(enb_ue_id),
                cause: Some(cause),
            });
            self.send_s1(from, ei, UE_STREAM, None);
        }
        found
    }

    // -----------------------------------------------------------------------
    // S1 Setup (TS 36.413 8.7.3)

    fn handle_s1_setup_request(&mut self, now: Time, from: NodeId, m: S1SetupRequest) {
        let plmn = self.plmn;
        let served: Vec<u16> = m
            .supported_tas
            .iter()
            .filter(|ta| ta.plmns.contains(&plmn) && self.spec.tacs.contains(&ta.tac))
            .map(|ta| ta.tac)
            .collect();
        let name = m.enb_name.clone().unwrap_or_else(|| self.name(from));
        if m.global_enb_id.plmn != plmn || served.is_empty() {
            let tas: Vec<String> = m
                .supported_tas
                .iter()
                .map(|ta| {
                    let plmns: Vec<String> = ta.plmns.iter().map(|p| p.to_string()).collect();
                    format!("TAC {} ({})", tac_both(ta.tac), plmns.join(", "))
                })
                .collect();
            let ours: Vec<String> = self.spec.tacs.iter().map(|t| tac_both(*t)).collect();
            // eNBs differ in how they are configured with a TAC (decimal or
            // hex, byte order): point at a TAC that matches once swapped.
            let swapped = m
                .supported_tas
                .iter()
                .find(|ta| self.spec.tacs.contains(&ta.tac.swap_bytes()) && ta.tac.swap_bytes() != ta.tac)
                .map(|ta| {
                    format!(
                        "; its TAC {} byte-swapped is {}, which this MME serves: check how the eNB is given its TAC",
                        tac_both(ta.tac),
                        tac_both(ta.tac.swap_bytes())
                    )
                })
                .unwrap_or_default();
            let text = format!(
                "S1 Setup from {name} refused (misc/unknown-PLMN): it is eNB {} of PLMN {} serving {}; this MME serves PLMN {} TACs [{}]{swapped}",
                m.global_enb_id.enb_id,
                m.global_enb_id.plmn,
                if tas.is_empty() {
                    "no TA".to_string()
                } else {
                    tas.join(", ")
                },
                plmn,
                ours.join(", ")
            );
            self.count("s1_setup_failures");
            self.note(None, text);
            let f = S1apMessage::S1SetupFailure(S1SetupFailure {
                cause: Cause::MISC_UNKNOWN_PLMN,
                time_to_wait: Some(TimeToWait::V10S),
            });
            self.send_s1(from, f, 0, None);
            return;
        }
        if let Some(old) = self.enbs.remove(&from) {
            // TS 36.413 8.7.3.2: a new S1 Setup clears the eNB's UE-associated
            // signalling connections.
            self.note(
                None,
                format!(
                    "{name} ran S1 Setup again: releasing its {} UE connections",
                    old.ues.len()
                ),
            );
            for id in old.ues {
                self.connection_lost(now, id);
            }
        }
        self.enbs.insert(
            from,
            EnbContext {
                global_id: m.global_enb_id,
                name: m.enb_name,
                tacs: served,
                ues: Default::default(),
            },
        );
        self.count("s1_setup_success");
        let rsp = S1apMessage::S1SetupResponse(S1SetupResponse {
            mme_name: Some(self.spec.mme_name.clone()),
            served_gummeis: vec![ServedGummei {
                plmns: vec![plmn],
                group_ids: vec![self.spec.group_id],
                codes: vec![self.spec.code],
            }],
            relative_capacity: self.spec.relative_capacity,
        });
        self.send_s1(from, rsp, 0, None);
    }

    /// The UE's S1 connection vanished without a release (eNB reset or new
    /// S1 Setup): a registered UE goes ECM-IDLE, any other is forgotten.
    fn connection_lost(&mut self, now: Time, id: UeId) {
        self.drop_s1(id);
        if self.is_registered(id) {
            return;
        }
        if self
            .ues
            .get(&id)
            .is_some_and(|u| matches!(u.emm, EmmState::Detaching(_)))
        {
            if let Some(EmmState::Detaching(d)) = self.ues.get_mut(&id).map(|u| &mut u.emm) {
                d.accepted = true;
            }
            return self.maybe_finish_detach(now, id);
        }
        self.discard_ue(now, id);
    }

    // -----------------------------------------------------------------------
    // NAS transport (TS 36.413 8.6)

    fn handle_initial_ue_message(&mut self, now: Time, from: NodeId, m: InitialUeMessage) {
        if let Some(&old) = self.by_enb_ue.get(&(from, m.enb_ue_id)) {
            self.note(
                self.ues.get(&old).and_then(|u| u.imsi_value()),
                format!(
                    "{} reused eNB-UE-S1AP-ID {} for a new UE: the old connection is gone",
                    self.name(from),
                    m.enb_ue_id.0
                ),
            );
            self.connection_lost(now, old);
        }
        let conn = S1Conn {
            enb: from,
            enb_ue_id: m.enb_ue_id,
            mme_ue_id: self.alloc_mme_ue_id(),
            tai: m.tai,
            ecgi: m.ecgi,
            releasing: false,
        };
        self.handle_initial_nas(now, conn, &m.nas_pdu);
    }

    fn handle_uplink_nas_transport(&mut self, now: Time, from: NodeId, m: UplinkNasTransport) {
        let Some(id) = self.ue_for(from, m.mme_ue_id, m.enb_ue_id, "Uplink NAS Transport") else {
            return;
        };
        if let Some(s1) = self.ues.get_mut(&id).and_then(|u| u.s1.as_mut()) {
            s1.tai = m.tai;
            s1.ecgi = m.ecgi;
        }
        self.handle_uplink_nas(now, id, &m.nas_pdu);
    }

    /// Downlink NAS Transport to the UE's eNB.
    pub(super) fn send_downlink_nas(&mut self, id: UeId, nas: Vec<u8>) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(s1) = ue.s1 else {
            self.note(imsi, "cannot send NAS: the UE has no S1 connection");
            return;
        };
        let m = S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
            mme_ue_id: s1.mme_ue_id,
            enb_ue_id: s1.enb_ue_id,
            nas_pdu: nas,
        });
        self.send_s1(s1.enb, m, UE_STREAM, imsi);
    }

    /// Downlink NAS Transport on a connection no context holds.
    pub(super) fn send_downlink_nas_conn(&mut self, conn: &S1Conn, nas: Vec<u8>) {
        let m = S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
            mme_ue_id: conn.mme_ue_id,
            enb_ue_id: conn.enb_ue_id,
            nas_pdu: nas,
        });
        self.send_s1(conn.enb, m, UE_STREAM, None);
    }

    // -----------------------------------------------------------------------
    // Initial Context Setup (TS 36.413 8.3.1)

    /// Initial Context Setup Request: UE-AMBR, the default bearer's E-RAB
    /// with the Attach Accept, security capabilities and KeNB.
    pub(super) fn send_initial_context_setup(&mut self, id: UeId, ebi: u8, nas: Vec<u8>) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let (Some(s1), Some(sec), Some(pdn), Some(cap)) = (
            ue.s1,
            ue.security.as_ref(),
            ue.pdn(ebi),
            ue.ue_net_cap.as_ref(),
        ) else {
            return;
        };
        let Some(sgw) = pdn.sgw_s1u else {
            return;
        };
        // TS 33.401 A.3: KeNB = KDF(KASME, uplink NAS COUNT), with the COUNT
        // of the last uplink NAS message the MME accepted (here the Security
        // Mode Complete, or the ESM Information Response when there was one),
        // which the UE uses too when it derives KeNB at Attach Accept.
        let kenb = kdf::kenb(sec.kasme(), sec.uplink_count());
        let (ue_ul, ue_dl) = ue
            .subscription
            .as_ref()
            .map_or((0, 0), |s| (s.ue_ambr_ul, s.ue_ambr_dl));
        let msg = S1apMessage::InitialContextSetupRequest(InitialContextSetupRequest {
            mme_ue_id: s1.mme_ue_id,
            enb_ue_id: s1.enb_ue_id,
            ue_ambr: Ambr {
                dl: u64::from(if ue_dl == 0 { pdn.ambr_dl } else { ue_dl }),
                ul: u64::from(if ue_ul == 0 { pdn.ambr_ul } else { ue_ul }),
            },
            erabs: vec![erab_to_setup(ebi, pdn, sgw, nas)],
            security_capabilities: crate::codec::s1ap::UeSecurityCapabilities {
                eea: s1ap_algorithms(cap.eea),
                eia: s1ap_algorithms(cap.eia),
            },
            security_key: *kenb.as_bytes(),
            ue_radio_capability: ue.radio_capability.clone(),
        });
        self.send_s1(s1.enb, msg, UE_STREAM, imsi);
    }

    fn handle_initial_context_setup_response(
        &mut self,
        now: Time,
        from: NodeId,
        m: InitialContextSetupResponse,
    ) {
        let Some(id) = self.ue_for(
            from,
            m.mme_ue_id,
            m.enb_ue_id,
            "Initial Context Setup Response",
        ) else {
            return;
        };
        for e in &m.setup {
            self.erab_set_up(now, id, e.erab_id, e.transport, e.teid);
        }
        if let Some(f) = m.failed.first() {
            let text = format!(
                "eNB {} could not set up the default bearer E-RAB {}: {}",
                self.name(from),
                f.erab_id,
                f.cause
            );
            if self.ues.get(&id).and_then(|u| u.attach()).is_some() {
                self.abort_attach(now, id, text);
            } else {
                let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
                self.note(imsi, text);
            }
        }
    }

    fn handle_initial_context_setup_failure(
        &mut self,
        now: Time,
        from: NodeId,
        m: InitialContextSetupFailure,
    ) {
        let Some(id) = self.ue_for(
            from,
            m.mme_ue_id,
            m.enb_ue_id,
            "Initial Context Setup Failure",
        ) else {
            return;
        };
        self.count("ics_failures");
        let text = format!(
            "eNB {} failed Initial Context Setup: {}",
            self.name(from),
            m.cause
        );
        if self.ues.get(&id).and_then(|u| u.attach()).is_some() {
            self.abort_attach(now, id, text);
        } else {
            let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
            self.note(imsi, text);
            self.send_ue_context_release(id, Cause::Nas(3));
        }
    }

    // -----------------------------------------------------------------------
    // E-RAB management (TS 36.413 8.2)

    /// E-RAB Setup Request for the default bearer `ebi` with its NAS PDU.
    pub(super) fn send_erab_setup(&mut self, id: UeId, ebi: u8, nas: Vec<u8>) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let (Some(s1), Some(pdn)) = (ue.s1, ue.pdn(ebi)) else {
            return;
        };
        let Some(sgw) = pdn.sgw_s1u else {
            return;
        };
        let msg = S1apMessage::ErabSetupRequest(ErabSetupRequest {
            mme_ue_id: s1.mme_ue_id,
            enb_ue_id: s1.enb_ue_id,
            ue_ambr: None,
            erabs: vec![erab_to_setup(ebi, pdn, sgw, nas)],
        });
        self.send_s1(s1.enb, msg, UE_STREAM, imsi);
    }

    fn handle_erab_setup_response(&mut self, now: Time, from: NodeId, m: ErabSetupResponse) {
        let Some(id) = self.ue_for(from, m.mme_ue_id, m.enb_ue_id, "E-RAB Setup Response") else {
            return;
        };
        for e in &m.setup {
            self.erab_set_up(now, id, e.erab_id, e.transport, e.teid);
        }
        for f in &m.failed {
            self.erab_refused(now, id, f.erab_id, f.cause);
        }
    }

    /// E-RAB Release Command for bearer `ebi`, with a NAS PDU if given.
    pub(super) fn send_erab_release(
        &mut self,
        id: UeId,
        ebi: u8,
        nas: Option<Vec<u8>>,
        cause: Cause,
    ) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(s1) = ue.s1 else {
            return;
        };
        let msg = S1apMessage::ErabReleaseCommand(ErabReleaseCommand {
            mme_ue_id: s1.mme_ue_id,
            enb_ue_id: s1.enb_ue_id,
            ue_ambr: None,
            erabs: vec![ErabCause {
                erab_id: ebi,
                cause,
            }],
            nas_pdu: nas,
        });
        self.send_s1(s1.enb, msg, UE_STREAM, imsi);
    }

    // -----------------------------------------------------------------------
    // UE context release (TS 36.413 8.3.2, 8.3.3)

    /// UE Context Release Command for the UE's connection; the connection
    /// goes once the eNB completes.
    pub(super) fn send_ue_context_release(&mut self, id: UeId, cause: Cause) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(s1) = ue.s1.as_mut() else {
            return;
        };
        if s1.releasing {
            return;
        }
        s1.releasing = true;
        let (enb, ids) = (s1.enb, UeS1apIds::Pair(s1.mme_ue_id, s1.enb_ue_id));
        let msg = S1apMessage::UeContextReleaseCommand(UeContextReleaseCommand { ids, cause });
        self.send_s1(enb, msg, UE_STREAM, imsi);
    }

    /// UE Context Release Command for a connection no context holds (its
    /// Complete is then ignored).
    pub(super) fn send_release_for_conn(&mut self, conn: &S1Conn, cause: Cause) {
        let msg = S1apMessage::UeContextReleaseCommand(UeContextReleaseCommand {
            ids: UeS1apIds::Pair(conn.mme_ue_id, conn.enb_ue_id),
            cause,
        });
        self.send_s1(conn.enb, msg, UE_STREAM, None);
    }

    fn handle_ue_context_release_request(
        &mut self,
        now: Time,
        from: NodeId,
        m: UeContextReleaseRequest,
    ) {
        let Some(id) = self.ue_for(from, m.mme_ue_id, m.enb_ue_id, "UE Context Release Request")
        else {
            return;
        };
        let attaching = self.ues.get(&id).and_then(|u| u.attach()).is_some();
        if attaching {
            let text = format!("eNB {} released the UE: {}", self.name(from), m.cause);
            return self.abort_attach(now, id, text);
        }
        // TS 23.401 5.3.5: S1 release, the UE goes ECM-IDLE and keeps its
        // EMM context and PDN connections.
        self.send_ue_context_release(id, m.cause);
    }

    fn handle_ue_context_release_complete(&mut self, from: NodeId, m: UeContextReleaseComplete) {
        let known = self.by_mme_ue_id.get(&m.mme_ue_id).copied().filter(|id| {
            self.ues
                .get(id)
                .and_then(|u| u.s1)
                .is_some_and(|s| s.enb == from && s.enb_ue_id == m.enb_ue_id)
        });
        let Some(id) = known else {
            // The answer to a release of a connection no context held.
            self.count("s1ap_release_complete_unknown");
            return;
        };
        self.drop_s1(id);
        self.maybe_forget(id);
    }

    fn handle_ue_capability_info_indication(
        &mut self,
        from: NodeId,
        m: UeCapabilityInfoIndication,
    ) {
        let Some(id) = self.ue_for(
            from,
            m.mme_ue_id,
            m.enb_ue_id,
            "UE Capability Info Indication",
        ) else {
            return;
        };
        if let Some(u) = self.ues.get_mut(&id) {
            u.radio_capability = Some(m.ue_radio_capability);
        }
    }

    // -----------------------------------------------------------------------
    // Reset (TS 36.413 8.7.1)

    fn handle_reset(&mut self, now: Time, from: NodeId, m: Reset) {
        self.count("s1ap_resets");
        let victims: Vec<UeId> = match &m.kind {
            ResetKind::All => self
                .enbs
                .get(&from)
                .map(|e| e.ues.iter().copied().collect())
                .unwrap_or_default(),
            ResetKind::Part(list) => list
                .iter()
                .filter_map(|a| {
                    a.mme_ue_id
                        .and_then(|i| self.by_mme_ue_id.get(&i).copied())
                        .or_else(|| {
                            a.enb_ue_id
                                .and_then(|e| self.by_enb_ue.get(&(from, e)).copied())
                        })
                })
                .collect(),
        };
        let text = format!(
            "eNB {} reset {} UE connections: {}",
            self.name(from),
            victims.len(),
            m.cause
        );
        self.note(None, text);
        for id in victims {
            self.connection_lost(now, id);
        }
        let associations = match m.kind {
            ResetKind::All => Vec::new(),
            ResetKind::Part(list) => list,
        };
        let ack = S1apMessage::ResetAcknowledge(ResetAcknowledge { associations });
        self.send_s1(from, ack, 0, None);
    }
}

/// A TAC as the two encodings people configure eNBs with: decimal and the
/// two octets of the S1AP TAC (TS 36.413 9.2.3.7), e.g. `1 (0x0001)`.
fn tac_both(tac: u16) -> String {
    format!("{tac} (0x{tac:04x})")
}
