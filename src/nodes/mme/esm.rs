//! EPS session management in the MME (TS 24.301 6): the default bearer of
//! the attach, UE-requested PDN connectivity (6.5.1, TS 23.401 5.10.2),
//! PDN disconnect (6.5.2, TS 23.401 5.10.3) and bearer deactivation (6.4.4).

use super::Mme;
use super::context::{ApnConfig, AttachStep, DeleteReason, EmmState, Pdn, PdnState, UeId};
use super::emm::pdn_connectivity_reject;
use super::timers::TimerKind;
use crate::codec::gtpv2c::Paa;
use crate::codec::nas::esm::{
    ActivateDefaultEpsBearerContextRequest, DeactivateEpsBearerContextRequest, EsmBody, EsmMessage,
    EsmStatus, PdnConnectivityRequest, PdnDisconnectReject, PdnDisconnectRequest,
};
use crate::codec::nas::ie::{
    Apn, ApnAmbr, EmmCause, EpsQos, EsmCause, PdnAddress, PdnType, SecurityHeaderType,
};
use crate::codec::nas::{NasMessage, Pco};
use crate::codec::s1ap::{Cause, TransportAddress};
use crate::nodes::Time;

/// The PDN address for the UE from the gateway's PAA (TS 24.301 9.9.4.9:
/// IPv6 as the interface identifier only), and the ESM cause that tells the
/// UE the gateway allowed only one family (TS 24.301 6.5.1.3: #50/#51).
pub(super) fn pdn_address(paa: &Paa, requested: PdnType) -> (PdnAddress, Option<EsmCause>) {
    let iid = |a: std::net::Ipv6Addr| {
        let mut iid = [0u8; 8];
        iid.copy_from_slice(&a.octets()[8..]);
        iid
    };
    let dual = requested == PdnType::Ipv4v6;
    match paa {
        Paa::Ipv4(a) => (
            PdnAddress::Ipv4(*a),
            dual.then_some(EsmCause::PdnTypeIpv4OnlyAllowed),
        ),
        Paa::Ipv6 { addr, .. } => (
            PdnAddress::Ipv6 { iid: iid(*addr) },
            dual.then_some(EsmCause::PdnTypeIpv6OnlyAllowed),
        ),
        Paa::Ipv4v6 { ipv6, ipv4, .. } => (
            PdnAddress::Ipv4v6 {
                iid: iid(*ipv6),
                ipv4: *ipv4,
            },
            None,
        ),
        Paa::NonIp => (
            PdnAddress::Other {
                type_octet: 5,
                info: Vec::new(),
            },
            None,
        ),
        Paa::Other { pdn_type, value } => (
            PdnAddress::Other {
                type_octet: *pdn_type,
                info: value.clone(),
            },
            None,
        ),
    }
}

impl Mme {
    pub(super) fn handle_esm(&mut self, now: Time, id: UeId, m: EsmMessage) {
        let (ebi, pti) = (m.ebi, m.pti);
        match m.body {
            EsmBody::PdnConnectivityRequest(r) => {
                self.handle_pdn_connectivity_request(now, id, pti, r);
            }
            EsmBody::EsmInformationResponse(r) => {
                let waiting = self.attach_at(id, |a| {
                    matches!(a.step, AttachStep::WaitEsmInfo) && a.request.pti == pti
                });
                if !waiting {
                    return self.unexpected(id, "ESM Information Response");
                }
                self.stop_retx(id, TimerKind::T3489);
                if let Some(a) = self.ues.get_mut(&id).and_then(|u| u.attach_mut()) {
                    if let Some(apn) = r.apn {
                        a.request.apn = Some(apn.0);
                    }
                    if r.pco.is_some() {
                        a.request.pco = r.pco;
                    }
                }
                self.send_ulr(now, id);
            }
            EsmBody::ActivateDefaultEpsBearerContextAccept(_) => {
                self.handle_default_bearer_accept(now, id, ebi);
            }
            EsmBody::ActivateDefaultEpsBearerContextReject(r) => {
                let text = format!("UE rejected the default bearer EBI {ebi}: {}", r.esm_cause);
                self.stop_retx(id, TimerKind::T3485);
                self.fail_bearer(now, id, ebi, &text);
            }
            EsmBody::PdnDisconnectRequest(r) => self.handle_pdn_disconnect_request(now, id, pti, r),
            EsmBody::DeactivateEpsBearerContextAccept(_) => {
                self.handle_deactivate_accept(id, ebi);
            }
            EsmBody::EsmStatus(s) => {
                let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
                self.count("esm_status_received");
                self.note(
                    imsi,
                    format!("UE reports ESM Status for EBI {ebi}: {}", s.esm_cause),
                );
            }
            EsmBody::Unknown(u) => {
                // TS 24.301 7.4: unknown message type -> ESM STATUS #97.
                let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
                self.count("nas_unknown_type");
                self.note(
                    imsi,
                    format!(
                        "ESM message type 0x{:02x} is not implemented: answering ESM Status #97",
                        u.message_type
                    ),
                );
                let st = NasMessage::Esm(EsmMessage::new(
                    ebi,
                    pti,
                    EsmStatus {
                        esm_cause: EsmCause::MessageTypeNonExistent,
                        other_ies: vec![],
                    },
                ));
                let h = self.dl_header(id);
                self.send_nas(now, id, &st, h, None);
            }
            other => self.unexpected(id, other.name()),
        }
    }

    /// After the ULA: the attach's PDN connection. The APN is the one the UE
    /// asked for if subscribed, else (none asked) the subscription's
    /// default (TS 23.401 5.3.2.1 step 12). An APN outside the subscription
    /// is refused inside the attach: Attach Reject #19 "ESM failure" with
    /// PDN Connectivity Reject #27 "missing or unknown APN" (TS 24.301
    /// 5.5.1.2.5, 6.5.1.4).
    pub(super) fn open_attach_pdn(&mut self, now: Time, id: UeId) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let (Some(attach), Some(sub)) = (ue.attach(), ue.subscription.as_ref()) else {
            return;
        };
        let req = attach.request.clone();
        let cfg = match &req.apn {
            Some(a) => sub.apn(a).cloned(),
            None => sub.default_apn().cloned(),
        };
        let Some(cfg) = cfg else {
            let subscribed: Vec<&str> = sub.apns.iter().map(|a| a.apn.as_str()).collect();
            let text = match &req.apn {
                Some(a) => format!(
                    "APN {a} asked for at attach is not in the subscription of IMSI {} (subscribed: {})",
                    ue.imsi_text(),
                    subscribed.join(", ")
                ),
                None => format!("the subscription of IMSI {} has no APN", ue.imsi_text()),
            };
            let esm = pdn_connectivity_reject(req.pti, EsmCause::MissingOrUnknownApn);
            return self.fail_attach(now, id, EmmCause::EsmFailure, Some(esm), text);
        };
        if let Some(a) = self.ues.get_mut(&id).and_then(|u| u.attach_mut()) {
            a.step = AttachStep::WaitCreateSession;
        }
        if let Err(cause) = self.open_pdn(now, id, &cfg, req.pti, req.pdn_type, req.pco.as_ref()) {
            let esm = pdn_connectivity_reject(req.pti, cause);
            self.fail_attach(
                now,
                id,
                EmmCause::EsmFailure,
                Some(esm),
                format!("no EPS bearer identity left for APN {}", cfg.apn),
            );
        }
    }

    /// Adds a PDN connection for `cfg` and sends its Create Session Request.
    fn open_pdn(
        &mut self,
        now: Time,
        id: UeId,
        cfg: &ApnConfig,
        pti: u8,
        requested_type: PdnType,
        pco: Option<&Pco>,
    ) -> Result<u8, EsmCause> {
        let ue = self.ues.get_mut(&id).ok_or(EsmCause::NetworkFailure)?;
        let ebi = ue
            .free_ebi()
            .ok_or(EsmCause::MaximumNumberOfBearersReached)?;
        ue.pdns.push(Pdn {
            apn: cfg.apn.clone(),
            ebi,
            pti,
            qci: cfg.qci,
            arp_priority: cfg.arp_priority,
            no_pre_emption: cfg.no_pre_emption,
            not_pre_emptable: cfg.not_pre_emptable,
            ambr_ul: cfg.ambr_ul,
            ambr_dl: cfg.ambr_dl,
            requested_type,
            paa: None,
            gw_pco: None,
            sgw_s1u: None,
            enb_s1u: None,
            state: PdnState::Creating,
        });
        self.send_create_session(now, id, ebi, pco, cfg.pdn_type);
        Ok(ebi)
    }

    /// Activate Default EPS Bearer Context Request for the PDN connection
    /// `ebi` (TS 24.301 8.3.6): QoS, APN, address, APN-AMBR, and the
    /// gateway's PCO as the gateway wrote it.
    fn build_activate_default(&mut self, id: UeId, ebi: u8) -> Option<EsmMessage> {
        let ue = self.ues.get(&id)?;
        let imsi = ue.imsi_value();
        let pdn = ue.pdn(ebi)?;
        let (pdn_address, esm_cause) = pdn_address(pdn.paa.as_ref()?, pdn.requested_type);
        let pco = match pdn.gw_pco.as_deref().map(Pco::decode) {
            Some(Ok(p)) => Some(p),
            Some(Err(e)) => {
                let text = format!(
                    "the gateway's PCO for APN {} does not decode ({e}); not forwarded",
                    pdn.apn
                );
                self.note(imsi, text);
                None
            }
            None => None,
        };
        let pdn = self.ues.get(&id)?.pdn(ebi)?;
        Some(EsmMessage::new(
            ebi,
            pdn.pti,
            ActivateDefaultEpsBearerContextRequest {
                eps_qos: EpsQos::qci(pdn.qci),
                apn: Apn::new(&pdn.apn),
                pdn_address,
                apn_ambr: Some(ApnAmbr::from_kbps(
                    u64::from(pdn.ambr_dl / 1000),
                    u64::from(pdn.ambr_ul / 1000),
                )),
                esm_cause,
                pco,
                epco: None,
                extended_apn_ambr: None,
                other_ies: vec![],
            },
        ))
    }

    /// The gateway created the session: the attach's default bearer goes to
    /// the eNB in Initial Context Setup with the Attach Accept, any later
    /// one in E-RAB Setup.
    pub(super) fn default_bearer_created(&mut self, now: Time, id: UeId, ebi: u8) {
        let in_attach = self.attach_at(id, |a| matches!(a.step, AttachStep::WaitCreateSession));
        let Some(esm) = self.build_activate_default(id, ebi) else {
            return;
        };
        let enc = Some(SecurityHeaderType::IntegrityProtectedCiphered);
        if in_attach {
            let Some(accept) = self.build_attach_accept(id, esm) else {
                return;
            };
            let plain = accept.encode();
            let Some(wire) = self.protect(id, &plain, enc) else {
                return;
            };
            if let Some(a) = self.ues.get_mut(&id).and_then(|u| u.attach_mut()) {
                a.step = AttachStep::WaitComplete;
            }
            self.send_initial_context_setup(id, ebi, wire);
            self.arm_retx(now, id, TimerKind::T3450, plain, enc);
        } else {
            let plain = NasMessage::Esm(esm).encode();
            let Some(wire) = self.protect(id, &plain, enc) else {
                return;
            };
            self.send_erab_setup(id, ebi, wire);
            // TS 24.301 6.4.1.2: T3485 guards a stand-alone activation.
            self.arm_retx(now, id, TimerKind::T3485, plain, enc);
        }
    }

    /// Creating the PDN connection `ebi` failed: reject toward the UE.
    pub(super) fn pdn_creation_failed(
        &mut self,
        now: Time,
        id: UeId,
        ebi: u8,
        cause: EsmCause,
        text: String,
    ) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let Some(i) = ue.pdns.iter().position(|p| p.ebi == ebi) else {
            return;
        };
        if let PdnState::Abandoned(reason) = ue.pdns[i].state {
            return self.session_deleted(now, id, ebi, reason);
        }
        let pdn = ue.pdns.remove(i);
        let imsi = ue.imsi_value();
        let in_attach = ue.attach().is_some();
        if in_attach {
            let esm = pdn_connectivity_reject(pdn.pti, cause);
            return self.fail_attach(now, id, EmmCause::EsmFailure, Some(esm), text);
        }
        self.count("pdn_reject");
        self.note(
            imsi,
            format!("{text}; sending PDN Connectivity Reject {cause}"),
        );
        self.send_pdn_connectivity_reject(now, id, pdn.pti, cause);
        self.maybe_finish_detach(now, id);
    }

    fn send_pdn_connectivity_reject(&mut self, now: Time, id: UeId, pti: u8, cause: EsmCause) {
        let m = NasMessage::Esm(pdn_connectivity_reject(pti, cause));
        let h = self.dl_header(id);
        self.send_nas(now, id, &m, h, None);
    }

    /// A stand-alone PDN Connectivity Request (TS 24.301 6.5.1.3): the APN
    /// must be subscribed (#27), not already connected (#55), and a bearer
    /// id free (#65).
    fn handle_pdn_connectivity_request(
        &mut self,
        now: Time,
        id: UeId,
        pti: u8,
        r: PdnConnectivityRequest,
    ) {
        if !self.is_registered(id) {
            return self.unexpected(id, PdnConnectivityRequest::NAME);
        }
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(sub) = ue.subscription.as_ref() else {
            return;
        };
        let apn = r.apn.as_ref().map(|a| a.0.clone());
        let cfg = match &apn {
            Some(a) => sub.apn(a).cloned(),
            None => sub.default_apn().cloned(),
        };
        let Some(cfg) = cfg else {
            let subscribed: Vec<&str> = sub.apns.iter().map(|a| a.apn.as_str()).collect();
            let text = format!(
                "APN {} is not in the subscription of IMSI {} (subscribed: {})",
                apn.as_deref().unwrap_or("(default)"),
                ue.imsi_text(),
                subscribed.join(", ")
            );
            self.count("pdn_reject");
            self.note(
                imsi,
                format!("{text}; sending PDN Connectivity Reject #27 (TS 24.301 6.5.1.4)"),
            );
            return self.send_pdn_connectivity_reject(now, id, pti, EsmCause::MissingOrUnknownApn);
        };
        if ue.pdns.iter().any(|p| p.apn.eq_ignore_ascii_case(&cfg.apn)) {
            let text = format!(
                "the UE already has a PDN connection to {}; sending PDN Connectivity Reject #55",
                cfg.apn
            );
            self.count("pdn_reject");
            self.note(imsi, text);
            return self.send_pdn_connectivity_reject(
                now,
                id,
                pti,
                EsmCause::MultiplePdnConnectionsNotAllowed,
            );
        }
        if let Err(cause) = self.open_pdn(now, id, &cfg, pti, r.pdn_type, r.pco.as_ref()) {
            self.count("pdn_reject");
            self.note(
                imsi,
                format!("no EPS bearer identity left: PDN Connectivity Reject {cause}"),
            );
            self.send_pdn_connectivity_reject(now, id, pti, cause);
        }
    }

    /// The UE accepted the default bearer `ebi`.
    pub(super) fn handle_default_bearer_accept(&mut self, now: Time, id: UeId, ebi: u8) {
        let Some(pdn) = self.ues.get_mut(&id).and_then(|u| u.pdn_mut(ebi)) else {
            return self.unexpected(id, "Activate Default EPS Bearer Context Accept");
        };
        let PdnState::Activating { erab_ok, .. } = pdn.state else {
            return self.unexpected(id, "Activate Default EPS Bearer Context Accept");
        };
        pdn.state = PdnState::Activating {
            erab_ok,
            accepted: true,
        };
        self.stop_retx(id, TimerKind::T3485);
        if erab_ok {
            // TS 23.401 5.3.2.1 step 23 / 5.10.2 step 11: both the eNB and
            // the UE answered.
            self.send_modify_bearer(now, id, ebi);
        }
    }

    /// The eNB set up the E-RAB of default bearer `ebi`.
    pub(super) fn erab_set_up(
        &mut self,
        now: Time,
        id: UeId,
        ebi: u8,
        addr: TransportAddress,
        teid: u32,
    ) {
        let Some(pdn) = self.ues.get_mut(&id).and_then(|u| u.pdn_mut(ebi)) else {
            return self.unexpected(id, "E-RAB set up");
        };
        let PdnState::Activating { accepted, .. } = pdn.state else {
            return self.unexpected(id, "E-RAB set up");
        };
        pdn.enb_s1u = Some((addr, teid));
        pdn.state = PdnState::Activating {
            erab_ok: true,
            accepted,
        };
        if accepted {
            self.send_modify_bearer(now, id, ebi);
        }
    }

    /// The eNB refused the E-RAB of a stand-alone default bearer. The
    /// session is deleted. The UE is not told: the eNB does not deliver the
    /// NAS-PDU of an E-RAB it fails (TS 36.413 8.2.1.2), so the UE never saw
    /// the Activate Default EPS Bearer Context Request, and TS 23.401 5.10.2
    /// has no step that answers its PDN Connectivity Request in this case:
    /// its T3482 runs out (TS 24.301 6.5.1.6 a), as with real networks.
    pub(super) fn erab_refused(&mut self, now: Time, id: UeId, ebi: u8, cause: Cause) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(pdn) = ue.pdn(ebi) else {
            return self.unexpected(id, "failed E-RAB");
        };
        let s1 = ue
            .s1
            .map_or_else(|| "eNB".to_string(), |s| self.name(s.enb));
        let text = format!(
            "eNB {s1} refused E-RAB {ebi} for {}: {cause}; deleting the session; the UE's T3482 will run out (no second bearer on this eNB)",
            pdn.apn
        );
        self.count("erab_refused");
        self.note(imsi, text);
        self.stop_retx(id, TimerKind::T3485);
        self.send_delete_session(now, id, ebi, DeleteReason::ErabRefused);
    }

    /// A stand-alone default bearer that did not come up (UE reject, T3485):
    /// release its E-RAB if any and delete the session.
    fn fail_bearer(&mut self, now: Time, id: UeId, ebi: u8, text: &str) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(PdnState::Activating { erab_ok, .. }) = ue.pdn(ebi).map(|p| p.state) else {
            return self.unexpected(id, "bearer failure");
        };
        self.count("bearer_activation_failures");
        self.note(imsi, format!("{text}; deleting the session"));
        if erab_ok {
            self.send_erab_release(id, ebi, None, Cause::Nas(3));
        }
        self.send_delete_session(now, id, ebi, DeleteReason::ErabRefused);
    }

    /// T3485 ran out for good: give up the bearers still waiting for the UE.
    pub(super) fn abort_bearer_activation(&mut self, now: Time, id: UeId, text: &str) {
        let waiting: Vec<u8> = self.ues.get(&id).map_or_else(Vec::new, |u| {
            u.pdns
                .iter()
                .filter(|p| {
                    matches!(
                        p.state,
                        PdnState::Activating {
                            accepted: false,
                            ..
                        }
                    )
                })
                .map(|p| p.ebi)
                .collect()
        });
        for ebi in waiting {
            self.fail_bearer(now, id, ebi, text);
        }
    }

    /// PDN Disconnect Request (TS 24.301 6.5.2): the last PDN connection
    /// cannot go (#49), an unknown one is #43.
    fn handle_pdn_disconnect_request(
        &mut self,
        now: Time,
        id: UeId,
        pti: u8,
        r: PdnDisconnectRequest,
    ) {
        if !self.is_registered(id) {
            return self.unexpected(id, PdnDisconnectRequest::NAME);
        }
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let ebi = r.linked_ebi;
        let live = ue
            .pdns
            .iter()
            .filter(|p| {
                !matches!(
                    p.state,
                    PdnState::Deleting(_) | PdnState::Deactivating { .. }
                )
            })
            .count();
        let cause = match ue.pdn(ebi) {
            None => Some(EsmCause::InvalidEpsBearerIdentity),
            Some(p) if p.state != PdnState::Active => Some(EsmCause::InvalidEpsBearerIdentity),
            Some(_) if live <= 1 => Some(EsmCause::LastPdnDisconnectionNotAllowed),
            Some(_) => None,
        };
        if let Some(cause) = cause {
            self.count("pdn_disconnect_reject");
            self.note(
                imsi,
                format!("PDN Disconnect Request for EBI {ebi} refused: {cause}"),
            );
            let m = NasMessage::Esm(EsmMessage::new(
                0,
                pti,
                PdnDisconnectReject {
                    esm_cause: cause,
                    pco: None,
                    epco: None,
                    other_ies: vec![],
                },
            ));
            let h = self.dl_header(id);
            return self.send_nas(now, id, &m, h, None);
        }
        self.send_delete_session(now, id, ebi, DeleteReason::PdnDisconnect { pti });
    }

    /// The gateway deleted the session of PDN connection `ebi`.
    pub(super) fn session_deleted(&mut self, now: Time, id: UeId, ebi: u8, reason: DeleteReason) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        if ue.pdn(ebi).is_none() {
            return;
        }
        if let DeleteReason::PdnDisconnect { pti } = reason
            && ue.s1.is_some()
        {
            // TS 23.401 5.10.3 step 5-7: E-RAB Release with the Deactivate
            // EPS Bearer Context Request; T3495 waits for the UE.
            if let Some(p) = self.ues.get_mut(&id).and_then(|u| u.pdn_mut(ebi)) {
                p.state = PdnState::Deactivating { pti };
            }
            let plain = NasMessage::Esm(EsmMessage::new(
                ebi,
                pti,
                DeactivateEpsBearerContextRequest {
                    esm_cause: EsmCause::RegularDeactivation,
                    pco: None,
                    epco: None,
                    other_ies: vec![],
                },
            ))
            .encode();
            let enc = Some(SecurityHeaderType::IntegrityProtectedCiphered);
            let Some(wire) = self.protect(id, &plain, enc) else {
                return;
            };
            self.send_erab_release(id, ebi, Some(wire), Cause::NAS_NORMAL_RELEASE);
            self.arm_retx(now, id, TimerKind::T3495, plain, enc);
            return;
        }
        self.remove_pdn(id, ebi);
        self.maybe_finish_detach(now, id);
        self.maybe_forget(id);
    }

    /// Deactivate EPS Bearer Context Accept: the PDN connection is gone.
    fn handle_deactivate_accept(&mut self, id: UeId, ebi: u8) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(pdn) = ue.pdn(ebi) else {
            return self.unexpected(id, "Deactivate EPS Bearer Context Accept");
        };
        if !matches!(pdn.state, PdnState::Deactivating { .. }) {
            return self.unexpected(id, "Deactivate EPS Bearer Context Accept");
        }
        let text = format!("PDN connection {} closed (EBI {ebi})", pdn.apn);
        self.stop_retx(id, TimerKind::T3495);
        self.remove_pdn(id, ebi);
        self.note(imsi, text);
    }

    /// T3495 ran out for good: deactivate locally (TS 24.301 6.4.4.6 a).
    pub(super) fn deactivated_locally(&mut self, id: UeId, text: &str) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let gone: Vec<u8> = ue
            .pdns
            .iter()
            .filter(|p| matches!(p.state, PdnState::Deactivating { .. }))
            .map(|p| p.ebi)
            .collect();
        for ebi in gone {
            self.remove_pdn(id, ebi);
        }
        self.note(imsi, format!("{text}; bearer deactivated locally"));
    }

    /// Forgets PDN connection `ebi` (adjusting the `pdn_active` gauge).
    fn remove_pdn(&mut self, id: UeId, ebi: u8) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let before = ue.pdns.len();
        let was_active = ue.pdn(ebi).is_some_and(|p| p.state == PdnState::Active);
        ue.pdns.retain(|p| p.ebi != ebi);
        if was_active && ue.pdns.len() < before {
            self.add("pdn_active", -1);
        }
    }

    /// Deletes every PDN connection of the UE at the gateway (detach, failed
    /// or replaced attach). Requests in flight are deleted when answered.
    pub(super) fn delete_all_sessions(&mut self, now: Time, id: UeId, reason: DeleteReason) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let has_tunnel = ue.sgw_s11_teid.is_some();
        let mut send = Vec::new();
        let mut drop = Vec::new();
        for p in &mut ue.pdns {
            match p.state {
                PdnState::Creating => p.state = PdnState::Abandoned(reason),
                PdnState::Abandoned(_) | PdnState::Deleting(_) => {}
                PdnState::Deactivating { .. } => drop.push(p.ebi),
                _ if has_tunnel => send.push(p.ebi),
                _ => drop.push(p.ebi),
            }
        }
        if matches!(ue.emm, EmmState::Detaching(_) | EmmState::Deregistered) {
            ue.clear_retx(TimerKind::T3485);
            ue.clear_retx(TimerKind::T3495);
        }
        for ebi in drop {
            self.remove_pdn(id, ebi);
        }
        for ebi in send {
            self.send_delete_session(now, id, ebi, reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn pdn_address_takes_the_interface_id_and_flags_a_narrowed_type() {
        let v6: Ipv6Addr = "fd00:46::1:2:3:4".parse().unwrap();
        let (a, c) = pdn_address(
            &Paa::Ipv4v6 {
                prefix_len: 64,
                ipv6: v6,
                ipv4: Ipv4Addr::new(10, 46, 0, 2),
            },
            PdnType::Ipv4v6,
        );
        assert_eq!(
            a,
            PdnAddress::Ipv4v6 {
                iid: [0, 1, 0, 2, 0, 3, 0, 4],
                ipv4: Ipv4Addr::new(10, 46, 0, 2)
            }
        );
        assert_eq!(c, None);
        let (a, c) = pdn_address(&Paa::Ipv4(Ipv4Addr::new(10, 45, 0, 2)), PdnType::Ipv4v6);
        assert_eq!(a, PdnAddress::Ipv4(Ipv4Addr::new(10, 45, 0, 2)));
        assert_eq!(c, Some(EsmCause::PdnTypeIpv4OnlyAllowed));
        let (_, c) = pdn_address(
            &Paa::Ipv6 {
                prefix_len: 64,
                addr: v6,
            },
            PdnType::Ipv4v6,
        );
        assert_eq!(c, Some(EsmCause::PdnTypeIpv6OnlyAllowed));
        let (_, c) = pdn_address(&Paa::Ipv4(Ipv4Addr::LOCALHOST), PdnType::Ipv4);
        assert_eq!(c, None);
    }
}
