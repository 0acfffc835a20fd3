//! The eNB's S1AP procedures (TS 36.413 8), one `handle_*` / `send_*` pair
//! per elementary procedure. `send_*` only queues outputs.

use super::context::{EnbUe, Erab, Teid};
use super::{Enb, S1State};
use crate::codec::s1ap::asn::CauseRadioNetwork;
use crate::codec::s1ap::{
    Cause, Ecgi, EnbId, EnbUeS1apId, ErabCause, ErabReleaseCommand, ErabReleaseResponse,
    ErabSetupItem, ErabSetupRequest, ErabSetupResponse, ErabToSetup, ErrorIndication, GlobalEnbId,
    InitialContextSetupFailure, InitialContextSetupRequest, InitialContextSetupResponse,
    InitialUeMessage, MmeUeS1apId, ResetAcknowledge, ResetKind, S1SetupFailure, S1SetupRequest,
    S1SetupResponse, S1apMessage, STmsi, SupportedTa, Tai, TransportAddress,
    UeContextReleaseCommand, UeContextReleaseComplete, UeContextReleaseRequest, UeS1apIds,
    UplinkNasTransport,
};
use crate::nodes::{NodeId, Time, UuFrame};
use bytes::Bytes;
use std::time::Duration;

/// Default paging DRX sent in S1 Setup: v64 (TS 36.413 9.2.1.16).
const PAGING_DRX_V64: u8 = 1;

/// Wait before retrying an S1 Setup the MME refused without a TimeToWait.
const DEFAULT_RETRY: Duration = Duration::from_secs(10);

/// TimeToWait values (TS 36.413 9.2.1.61) in seconds.
fn time_to_wait(v: u8) -> Duration {
    Duration::from_secs(match v {
        0 => 1,
        1 => 2,
        2 => 5,
        3 => 10,
        4 => 20,
        _ => 60,
    })
}

impl Enb {
    fn tai(&self) -> Tai {
        Tai {
            plmn: self.plmn,
            tac: self.tac,
        }
    }

    fn ecgi(&self) -> Ecgi {
        Ecgi {
            plmn: self.plmn,
            cell_id: self.cell_id,
        }
    }

    // ---------------------------------------------------------------------
    // Dispatch
    // ---------------------------------------------------------------------

    /// One S1AP PDU from the MME. Undecodable PDUs are answered with an
    /// Error Indication (TS 36.413 10.2, 10.3).
    pub(super) fn handle_s1ap(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        if from != self.mme {
            self.note(
                None,
                format!(
                    "S1AP from {from}, which is not this eNB's MME {}: handled anyway",
                    self.mme
                ),
            );
        }
        let msg = match S1apMessage::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.count("s1ap_decode_error");
                self.note(None, format!("dropped an S1AP PDU from the MME: {e}"));
                self.send_error_indication(None, None, e.cause());
                return;
            }
        };
        match msg {
            S1apMessage::S1SetupResponse(m) => self.handle_s1_setup_response(m),
            S1apMessage::S1SetupFailure(m) => self.handle_s1_setup_failure(now, m),
            S1apMessage::DownlinkNasTransport(m) => {
                if let Some(id) = self.check_ids("Downlink NAS Transport", m.mme_ue_id, m.enb_ue_id)
                {
                    self.deliver_nas(id, m.nas_pdu);
                }
            }
            S1apMessage::InitialContextSetupRequest(m) => {
                self.handle_initial_context_setup_request(m);
            }
            S1apMessage::ErabSetupRequest(m) => self.handle_erab_setup_request(m),
            S1apMessage::ErabReleaseCommand(m) => self.handle_erab_release_command(m),
            S1apMessage::UeContextReleaseCommand(m) => self.handle_ue_context_release_command(m),
            S1apMessage::ErrorIndication(m) => self.handle_error_indication(&m),
            S1apMessage::Reset(m) => self.handle_reset(m.kind),
            S1apMessage::Paging(p) => {
                self.count("paging_not_relayed");
                self.note(
                    None,
                    format!(
                        "Paging ({}) not relayed: the simulated radio has no paging channel yet",
                        S1apMessage::Paging(p).summary()
                    ),
                );
            }
            other => {
                self.count("s1ap_unhandled");
                self.note(
                    None,
                    format!("ignored {}: not a message an eNB handles", other.name()),
                );
            }
        }
    }

    /// Finds the connection a UE-associated message names and learns the
    /// MME UE S1AP ID from the first downlink message. Unknown or
    /// mismatching ids get an Error Indication and a local release
    /// (TS 36.413 10.6).
    fn check_ids(
        &mut self,
        what: &str,
        mme_ue_id: MmeUeS1apId,
        enb_ue_id: EnbUeS1apId,
    ) -> Option<EnbUeS1apId> {
        let Some(ue) = self.ues.get_mut(&enb_ue_id) else {
            self.count("s1ap_unknown_ue_id");
            self.note(
                None,
                format!(
                    "{what} names eNB-UE-S1AP-ID {} that this eNB does not know",
                    enb_ue_id.0
                ),
            );
            self.send_error_indication(
                Some(mme_ue_id),
                Some(enb_ue_id),
                Cause::RADIO_UNKNOWN_ENB_UE_ID,
            );
            return None;
        };
        match ue.mme_ue_id {
            None => {
                ue.mme_ue_id = Some(mme_ue_id);
                Some(enb_ue_id)
            }
            Some(known) if known == mme_ue_id => Some(enb_ue_id),
            Some(known) => {
                let imsi = ue.imsi;
                self.count("s1ap_unknown_ue_id");
                self.note(
                    imsi,
                    format!(
                        "{what} for eNB-UE-S1AP-ID {} carries MME-UE-S1AP-ID {}, but the MME gave {} before: \
                         releasing the connection locally",
                        enb_ue_id.0, mme_ue_id.0, known.0
                    ),
                );
                self.send_error_indication(
                    Some(mme_ue_id),
                    Some(enb_ue_id),
                    Cause::RadioNetwork(CauseRadioNetwork::UNKNOWN_PAIR_UE_S1AP_ID),
                );
                if let Some(ue) = self.drop_ue(enb_ue_id)
                    && !ue.stale
                {
                    self.send_uu(ue.node, &UuFrame::Release, ue.imsi);
                }
                None
            }
        }
    }

    /// Sends a NAS PDU to the UE of connection `id` on the radio.
    fn deliver_nas(&mut self, id: EnbUeS1apId, nas: Vec<u8>) {
        let Some(ue) = self.ues.get(&id) else { return };
        let (node, imsi, stale) = (ue.node, ue.imsi, ue.stale);
        if stale {
            self.count("nas_to_stale_connection");
            self.note(
                imsi,
                "dropped a downlink NAS PDU for an RRC connection the UE has since replaced",
            );
            return;
        }
        self.send_uu(node, &UuFrame::Nas(Bytes::from(nas)), imsi);
    }

    // ---------------------------------------------------------------------
    // S1 Setup (TS 36.413 8.7.3)
    // ---------------------------------------------------------------------

    pub(super) fn send_s1_setup_request(&mut self) {
        let m = S1SetupRequest {
            global_enb_id: GlobalEnbId {
                plmn: self.plmn,
                enb_id: EnbId::Macro(self.enb_id & 0x000f_ffff),
            },
            enb_name: Some(self.enb_name.clone()),
            supported_tas: vec![SupportedTa {
                tac: self.tac,
                plmns: vec![self.plmn],
            }],
            default_paging_drx: PAGING_DRX_V64,
        };
        self.s1 = S1State::AwaitingResponse;
        self.send_s1ap(&S1apMessage::S1SetupRequest(m), None, false);
    }

    fn handle_s1_setup_response(&mut self, m: S1SetupResponse) {
        if self.s1 == S1State::Ready {
            self.note(None, "S1 Setup Response while S1 is already up: ignored");
            return;
        }
        self.s1 = S1State::Ready;
        self.note(
            None,
            format!(
                "S1 is up with MME {} ({} UE messages were waiting)",
                m.mme_name.as_deref().unwrap_or("(no name)"),
                self.queued.len()
            ),
        );
        self.flush_queue();
    }

    fn handle_s1_setup_failure(&mut self, now: Time, m: S1SetupFailure) {
        let wait = m.time_to_wait.map_or(DEFAULT_RETRY, time_to_wait);
        self.count("s1_setup_failure");
        let hint = if m.cause == Cause::MISC_UNKNOWN_PLMN {
            " (the MME does not serve this PLMN)"
        } else {
            ""
        };
        self.note(
            None,
            format!(
                "S1 Setup refused by the MME: {}{hint}; retrying in {} s",
                m.cause,
                wait.as_secs()
            ),
        );
        self.s1 = S1State::Retry(now + wait);
    }

    // ---------------------------------------------------------------------
    // NAS transport (TS 36.413 8.6)
    // ---------------------------------------------------------------------

    pub(super) fn send_initial_ue_message(
        &mut self,
        id: EnbUeS1apId,
        rrc_cause: u8,
        s_tmsi: Option<(u8, u32)>,
        nas: Vec<u8>,
    ) {
        let m = InitialUeMessage {
            enb_ue_id: id,
            nas_pdu: nas,
            tai: self.tai(),
            ecgi: self.ecgi(),
            rrc_cause,
            s_tmsi: s_tmsi.map(|(mme_code, m_tmsi)| STmsi { mme_code, m_tmsi }),
            gummei: None,
        };
        let imsi = self.imsi_of(id);
        self.send_s1ap(&S1apMessage::InitialUeMessage(m), imsi, true);
    }

    pub(super) fn send_uplink_nas_transport(
        &mut self,
        mme_ue_id: MmeUeS1apId,
        enb_ue_id: EnbUeS1apId,
        nas: Vec<u8>,
    ) {
        let m = UplinkNasTransport {
            mme_ue_id,
            enb_ue_id,
            nas_pdu: nas,
            ecgi: self.ecgi(),
            tai: self.tai(),
        };
        let imsi = self.imsi_of(enb_ue_id);
        self.send_s1ap(&S1apMessage::UplinkNasTransport(m), imsi, true);
    }

    // ---------------------------------------------------------------------
    // E-RABs (TS 36.413 8.2, 8.3.1)
    // ---------------------------------------------------------------------

    /// Sets up one E-RAB: remembers the SGW endpoint, allocates our TEID.
    fn setup_erab(&mut self, id: EnbUeS1apId, e: &ErabToSetup) -> Result<ErabSetupItem, Cause> {
        let sgw_node = e.transport.ip().and_then(|a| self.peers.get(&a).copied());
        let by_teid = &self.by_teid;
        let Some(ue) = self.ues.get(&id) else {
            return Err(Cause::RADIO_UNKNOWN_ENB_UE_ID);
        };
        if ue.erabs.contains_key(&e.erab_id) {
            // TS 36.413 8.2.1.4: an E-RAB id already in use fails that E-RAB.
            return Err(Cause::RadioNetwork(
                CauseRadioNetwork::MULTIPLE_E_RAB_ID_INSTANCES,
            ));
        }
        let teid = self.alloc.teid(|t| by_teid.contains_key(&t));
        let imsi = ue.imsi;
        if sgw_node.is_none() {
            self.note(
                imsi,
                format!(
                    "E-RAB {}: SGW address {} belongs to no node of the topology; uplink data will be dropped",
                    e.erab_id, e.transport
                ),
            );
        }
        let erab = Erab {
            qci: e.qos.qci,
            sgw: e.transport,
            sgw_teid: Teid(e.teid),
            sgw_node,
            enb_teid: teid,
        };
        if let Some(ue) = self.ues.get_mut(&id) {
            ue.erabs.insert(e.erab_id, erab);
        }
        self.by_teid.insert(teid, (id, e.erab_id));
        Ok(ErabSetupItem {
            erab_id: e.erab_id,
            transport: TransportAddress::from(self.addr),
            teid: teid.0,
        })
    }

    fn handle_initial_context_setup_request(&mut self, m: InitialContextSetupRequest) {
        let Some(id) = self.check_ids("Initial Context Setup Request", m.mme_ue_id, m.enb_ue_id)
        else {
            return;
        };
        let mut setup = Vec::new();
        let mut failed = Vec::new();
        let mut nas = Vec::new();
        for e in &m.erabs {
            match self.setup_erab(id, e) {
                Ok(item) => {
                    setup.push(item);
                    nas.extend(e.nas_pdu.clone());
                }
                Err(cause) => failed.push(ErabCause {
                    erab_id: e.erab_id,
                    cause,
                }),
            }
        }
        let imsi = self.imsi_of(id);
        if setup.is_empty() && !m.erabs.is_empty() {
            // TS 36.413 8.3.1.3: no E-RAB could be set up.
            let cause = failed.first().map_or(Cause::RADIO_UNSPECIFIED, |f| f.cause);
            self.note(
                imsi,
                format!("Initial Context Setup failed: no E-RAB could be set up ({cause})"),
            );
            let f = InitialContextSetupFailure {
                mme_ue_id: m.mme_ue_id,
                enb_ue_id: m.enb_ue_id,
                cause,
            };
            self.send_s1ap(&S1apMessage::InitialContextSetupFailure(f), imsi, true);
            return;
        }
        // The RRC Connection Reconfiguration carries the NAS PDUs to the UE.
        for n in nas {
            self.deliver_nas(id, n);
        }
        let r = InitialContextSetupResponse {
            mme_ue_id: m.mme_ue_id,
            enb_ue_id: m.enb_ue_id,
            setup,
            failed,
        };
        self.send_s1ap(&S1apMessage::InitialContextSetupResponse(r), imsi, true);
    }

    fn handle_erab_setup_request(&mut self, m: ErabSetupRequest) {
        let Some(id) = self.check_ids("E-RAB Setup Request", m.mme_ue_id, m.enb_ue_id) else {
            return;
        };
        let imsi = self.imsi_of(id);
        let mut setup = Vec::new();
        let mut failed = Vec::new();
        for e in &m.erabs {
            if self.refuse_second_bearer {
                // Teaching knob. A cell short of radio resources answers with
                // radioNetwork/radio-resources-not-available (TS 36.413
                // 9.2.1.3) and, since the radio bearer is never set up, the
                // NAS PDU never reaches the UE (TS 36.413 8.2.1.2).
                self.count("erab_refused");
                self.note(
                    imsi,
                    format!(
                        "E-RAB Setup for E-RAB {} (QCI {}) refused: this eNB does not support a second default bearer",
                        e.erab_id, e.qos.qci
                    ),
                );
                failed.push(ErabCause {
                    erab_id: e.erab_id,
                    cause: Cause::RadioNetwork(CauseRadioNetwork::RADIO_RESOURCES_NOT_AVAILABLE),
                });
                continue;
            }
            match self.setup_erab(id, e) {
                Ok(item) => {
                    setup.push(item);
                    if let Some(n) = &e.nas_pdu {
                        self.deliver_nas(id, n.clone());
                    }
                }
                Err(cause) => failed.push(ErabCause {
                    erab_id: e.erab_id,
                    cause,
                }),
            }
        }
        let r = ErabSetupResponse {
            mme_ue_id: m.mme_ue_id,
            enb_ue_id: m.enb_ue_id,
            setup,
            failed,
        };
        self.send_s1ap(&S1apMessage::ErabSetupResponse(r), imsi, true);
    }

    fn handle_erab_release_command(&mut self, m: ErabReleaseCommand) {
        let Some(id) = self.check_ids("E-RAB Release Command", m.mme_ue_id, m.enb_ue_id) else {
            return;
        };
        if let Some(n) = m.nas_pdu {
            self.deliver_nas(id, n);
        }
        let mut released = Vec::new();
        let mut failed = Vec::new();
        for e in &m.erabs {
            let gone = self
                .ues
                .get_mut(&id)
                .and_then(|u| u.erabs.remove(&e.erab_id));
            match gone {
                Some(erab) => {
                    self.by_teid.remove(&erab.enb_teid);
                    released.push(e.erab_id);
                }
                None => failed.push(ErabCause {
                    erab_id: e.erab_id,
                    cause: Cause::RadioNetwork(CauseRadioNetwork::UNKNOWN_E_RAB_ID),
                }),
            }
        }
        let imsi = self.imsi_of(id);
        let r = ErabReleaseResponse {
            mme_ue_id: m.mme_ue_id,
            enb_ue_id: m.enb_ue_id,
            released,
            failed,
        };
        self.send_s1ap(&S1apMessage::ErabReleaseResponse(r), imsi, true);
    }

    // ---------------------------------------------------------------------
    // UE context release (TS 36.413 8.3.2, 8.3.3)
    // ---------------------------------------------------------------------

    fn handle_ue_context_release_command(&mut self, m: UeContextReleaseCommand) {
        let found = match m.ids {
            UeS1apIds::Pair(mme, enb) => self
                .ues
                .get(&enb)
                .filter(|u| u.mme_ue_id.is_none_or(|k| k == mme))
                .map(|_| (mme, enb)),
            UeS1apIds::Mme(mme) => self
                .ues
                .iter()
                .find(|(_, u)| u.mme_ue_id == Some(mme))
                .map(|(e, _)| (mme, *e)),
        };
        let Some((mme_ue_id, enb_ue_id)) = found else {
            // TS 36.413 10.6: the last message of a connection we do not
            // know is ignored.
            self.count("s1ap_unknown_ue_id");
            self.note(
                None,
                format!(
                    "ignored UE Context Release Command for unknown UE ({})",
                    S1apMessage::UeContextReleaseCommand(m).summary()
                ),
            );
            return;
        };
        let Some(ue) = self.drop_ue(enb_ue_id) else {
            return;
        };
        if !ue.stale {
            self.send_uu(ue.node, &UuFrame::Release, ue.imsi);
        }
        self.send_s1ap(
            &S1apMessage::UeContextReleaseComplete(UeContextReleaseComplete {
                mme_ue_id,
                enb_ue_id,
            }),
            ue.imsi,
            true,
        );
    }

    /// Asks the MME to release a connection (TS 36.413 8.3.2).
    pub(super) fn send_ue_context_release_request(&mut self, id: EnbUeS1apId, cause: Cause) {
        let Some(ue) = self.ues.get(&id) else { return };
        let Some(mme_ue_id) = ue.mme_ue_id else {
            return;
        };
        let imsi = ue.imsi;
        let m = UeContextReleaseRequest {
            mme_ue_id,
            enb_ue_id: id,
            cause,
        };
        self.send_s1ap(&S1apMessage::UeContextReleaseRequest(m), imsi, true);
    }

    // ---------------------------------------------------------------------
    // Error handling, reset (TS 36.413 8.7.1, 8.7.4)
    // ---------------------------------------------------------------------

    pub(super) fn send_error_indication(
        &mut self,
        mme_ue_id: Option<MmeUeS1apId>,
        enb_ue_id: Option<EnbUeS1apId>,
        cause: Cause,
    ) {
        let imsi = enb_ue_id.and_then(|e| self.imsi_of(e));
        let m = ErrorIndication {
            mme_ue_id,
            enb_ue_id,
            cause: Some(cause),
        };
        let ue_associated = mme_ue_id.is_some() || enb_ue_id.is_some();
        self.send_s1ap(&S1apMessage::ErrorIndication(m), imsi, ue_associated);
    }

    fn handle_error_indication(&mut self, m: &ErrorIndication) {
        let imsi = m.enb_ue_id.and_then(|e| self.imsi_of(e));
        self.count("error_indication_received");
        let ids = match (m.mme_ue_id, m.enb_ue_id) {
            (None, None) => String::new(),
            (a, b) => format!(
                " about MME-UE-S1AP-ID {} / eNB-UE-S1AP-ID {}",
                a.map_or("-".into(), |v| v.0.to_string()),
                b.map_or("-".into(), |v| v.0.to_string())
            ),
        };
        self.note(
            imsi,
            format!(
                "the MME sent Error Indication{ids}: {}",
                m.cause.map_or_else(|| "no cause".to_string(), |c| c.name())
            ),
        );
    }

    fn handle_reset(&mut self, kind: ResetKind) {
        let ids: Vec<EnbUeS1apId> = match &kind {
            ResetKind::All => self.ues.keys().copied().collect(),
            ResetKind::Part(list) => list
                .iter()
                .filter_map(|a| {
                    a.enb_ue_id.or_else(|| {
                        self.ues
                            .iter()
                            .find(|(_, u)| u.mme_ue_id.is_some() && u.mme_ue_id == a.mme_ue_id)
                            .map(|(e, _)| *e)
                    })
                })
                .collect(),
        };
        self.note(
            None,
            format!("the MME reset {} UE connection(s)", ids.len()),
        );
        for id in ids {
            if let Some(EnbUe {
                node,
                imsi,
                stale: false,
                ..
            }) = self.drop_ue(id)
            {
                self.send_uu(node, &UuFrame::Release, imsi);
            }
        }
        let associations = match kind {
            ResetKind::All => Vec::new(),
            ResetKind::Part(list) => list,
        };
        self.send_s1ap(
            &S1apMessage::ResetAcknowledge(ResetAcknowledge { associations }),
            None,
            false,
        );
    }
}
