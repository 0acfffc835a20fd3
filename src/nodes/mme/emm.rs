//! EPS mobility management in the MME (TS 24.301 5): attach (5.5.1),
//! identification (5.4.4), authentication (5.4.2), security mode control
//! (5.4.3), detach (5.5.2) and a minimal tracking area update (5.5.3). The
//! messages arrive here already checked by `nas.rs`.

use super::Mme;
use super::context::{
    Attach, AttachRequestInfo, AttachStep, DeleteReason, Detach, EmmState, Imsi, S1Conn, UeId,
};
use super::timers::TimerKind;
use crate::codec::nas::emm::{
    AttachAccept, AttachReject, AuthenticationFailure, AuthenticationReject, AuthenticationRequest,
    AuthenticationResponse, DetachAccept, DetachRequestUeOriginating, DetachRequestUeTerminated,
    EmmStatus, IdentityRequest, IdentityResponse, SecurityModeCommand, SecurityModeComplete,
    SecurityModeReject, TrackingAreaUpdateAccept, TrackingAreaUpdateReject,
    TrackingAreaUpdateRequest,
};
use crate::codec::nas::esm::{EsmBody, EsmMessage, PdnConnectivityReject};
use crate::codec::nas::ie::{
    Autn, EmmCause, EpsAttachResult, EpsBearerContextStatus, EpsMobileIdentity, EpsUpdateResult,
    EsmCause, EsmInfoTransferFlag, GprsTimer, Guti, IdentityType2, ImeisvRequest, MobileIdentity,
    NasKsi, NasSecurityAlgorithms, NetworkDetachType, Octets, Rand, SecurityHeaderType,
    Tai as NasTai, TaiList, UeNetworkCapability, UeSecurityCapability,
};
use crate::codec::nas::{EmmMessage, NasMessage};
use crate::codec::s1ap::Cause;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::crypto::{Direction as KeyDirection, Kasme};
use crate::nodes::Time;
use crate::nodes::nas_security::NasSecurity;
use std::time::Duration;

/// The GPRS timer value closest to `d` (TS 24.008 10.5.7.3): whole minutes
/// when possible, else 2-second steps, else decihours, rounding up.
pub(super) fn gprs_timer(d: Duration) -> GprsTimer {
    let s = d.as_secs();
    let unit = |unit: u8, value: u64| GprsTimer {
        unit,
        value: value.min(31) as u8,
    };
    if s == 0 {
        GprsTimer::DEACTIVATED
    } else if s.is_multiple_of(60) && s / 60 <= 31 {
        unit(1, s / 60)
    } else if s.is_multiple_of(2) && s / 2 <= 31 {
        unit(0, s / 2)
    } else if s.div_ceil(60) <= 31 {
        unit(1, s.div_ceil(60))
    } else {
        unit(2, s.div_ceil(360))
    }
}

/// The algorithm names set in a UE capability octet (bit 8 = algorithm 0).
fn offered(bits: u8, prefix: &str) -> String {
    let v: Vec<String> = (0..8u8)
        .filter(|n| bits & (0x80 >> n) != 0)
        .map(|n| format!("{prefix}{n}"))
        .collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join("/")
    }
}

/// Why no algorithm of one kind (`prefix` EIA or EEA) serves both the UE and
/// the MME: what the UE offers (`offered_bits`, as in its network
/// capability), what the MME implements and what it is configured for.
fn no_common_algorithm(
    prefix: &str,
    offered_bits: u8,
    implemented: impl Iterator<Item = u8>,
    configured: impl Iterator<Item = &'static str>,
) -> String {
    format!(
        "UE offers {} only; this MME implements {} (configured: {})",
        offered(offered_bits, prefix),
        implemented
            .map(|id| format!("{prefix}{id}"))
            .collect::<Vec<_>>()
            .join("/"),
        configured.collect::<Vec<_>>().join("/")
    )
}

/// The replayed UE security capabilities (TS 24.301 5.4.3.2): EEA and EIA
/// octets of the UE network capability, and its UEA and UIA octets when
/// present (the UIA octet's bit 8 is UCS2 there and spare here).
pub(super) fn replayed_capabilities(cap: &UeNetworkCapability) -> UeSecurityCapability {
    let mut rest = Vec::new();
    if let Some(uea) = cap.rest.first() {
        rest.push(*uea);
        if let Some(uia) = cap.rest.get(1) {
            rest.push(uia & 0x7f);
        }
    }
    UeSecurityCapability {
        eea: cap.eea,
        eia: cap.eia,
        rest,
    }
}

/// The S1AP UE Security Capabilities (TS 36.413 9.2.1.40: bit 15 = EEA1/EIA1)
/// from a NAS capability octet (bit 8 = EEA0/EIA0).
pub(super) fn s1ap_algorithms(nas_bits: u8) -> u16 {
    u16::from(nas_bits) << 9
}

impl Mme {
    /// An EMM message that passed the checks of `nas.rs`.
    pub(super) fn handle_emm(&mut self, now: Time, id: UeId, m: EmmMessage, verified: bool) {
        match m {
            EmmMessage::IdentityResponse(r) => self.handle_identity_response(now, id, r),
            EmmMessage::AuthenticationResponse(r) => {
                self.handle_authentication_response(now, id, r)
            }
            EmmMessage::AuthenticationFailure(f) => self.handle_authentication_failure(now, id, f),
            EmmMessage::SecurityModeComplete(c) => self.handle_security_mode_complete(now, id, c),
            EmmMessage::SecurityModeReject(r) => self.handle_security_mode_reject(now, id, r),
            EmmMessage::AttachComplete(c) => self.handle_attach_complete(now, id, c),
            EmmMessage::DetachRequestUeOriginating(d) => self.handle_detach_request(now, id, d),
            EmmMessage::DetachAccept(_) => self.handle_detach_accept(now, id),
            EmmMessage::AttachRequest(req) => {
                // The UE started over on the same connection (TS 24.301
                // 5.5.1.2.7 d/e): forget the old context, keep the connection.
                let Some(conn) = self.ues.get(&id).and_then(|u| u.s1) else {
                    return;
                };
                self.drop_s1(id);
                self.discard_ue(now, id);
                self.start_attach(now, conn, req);
            }
            EmmMessage::TrackingAreaUpdateRequest(t) => {
                let Some(conn) = self.ues.get(&id).and_then(|u| u.s1) else {
                    return;
                };
                self.handle_tau_request(now, conn, t, None, verified);
            }
            EmmMessage::EmmStatus(s) => {
                let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
                self.count("emm_status_received");
                self.note(imsi, format!("UE reports EMM Status: {}", s.emm_cause));
            }
            EmmMessage::Unknown(u) => {
                // TS 24.301 7.4: unknown message type -> EMM STATUS #97.
                let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
                self.count("nas_unknown_type");
                self.note(
                    imsi,
                    format!(
                        "EMM message type 0x{:02x} is not implemented: answering EMM Status #97",
                        u.message_type
                    ),
                );
                let st = NasMessage::Emm(EmmMessage::EmmStatus(EmmStatus {
                    emm_cause: EmmCause::MessageTypeNonExistent,
                    other_ies: vec![],
                }));
                let h = self.dl_header(id);
                self.send_nas(now, id, &st, h, None);
            }
            other => self.unexpected(id, other.name()),
        }
    }

    // -----------------------------------------------------------------------
    // Attach

    /// Finds a UE by an EPS mobile identity (IMSI, or a GUTI of ours).
    pub(super) fn find_by_identity(&self, ident: &EpsMobileIdentity) -> Option<UeId> {
        match ident {
            EpsMobileIdentity::Imsi(d) => {
                let v = Imsi::parse(d)?.value;
                self.by_imsi.get(&v).copied()
            }
            EpsMobileIdentity::Guti(g) if self.is_our_guti(g) => {
                self.by_tmsi.get(&g.m_tmsi).copied()
            }
            _ => None,
        }
    }

    fn is_our_guti(&self, g: &Guti) -> bool {
        g.plmn == self.plmn && g.mme_group_id == self.spec.group_id && g.mme_code == self.spec.code
    }

    /// Binds a new S1 connection to a UE context (and indexes it).
    pub(super) fn attach_conn(&mut self, id: UeId, conn: S1Conn) {
        let old = self.ues.get(&id).and_then(|u| u.s1);
        if let Some(old) = old
            && (old.enb, old.enb_ue_id) != (conn.enb, conn.enb_ue_id)
        {
            // A stale connection of the same UE: release it at its eNB.
            self.drop_s1(id);
            self.send_release_for_conn(&old, Cause::RADIO_UNSPECIFIED);
        }
        self.by_mme_ue_id.insert(conn.mme_ue_id, id);
        self.by_enb_ue.insert((conn.enb, conn.enb_ue_id), id);
        if let Some(e) = self.enbs.get_mut(&conn.enb) {
            e.ues.insert(id);
        }
        if let Some(u) = self.ues.get_mut(&id) {
            let same =
                u.s1.is_some_and(|s| (s.enb, s.enb_ue_id) == (conn.enb, conn.enb_ue_id));
            if !same {
                // Secure exchange is per NAS signalling connection.
                u.s1 = Some(conn);
                u.secured = false;
            }
        }
    }

    /// Starts an attach (TS 23.401 5.3.2.1 step 1-3).
    pub(super) fn start_attach(
        &mut self,
        now: Time,
        conn: S1Conn,
        req: crate::codec::nas::emm::AttachRequest,
    ) {
        self.count("attach_attempts");
        let esm = &req.esm_message_container;
        let EsmBody::PdnConnectivityRequest(pcr) = &esm.body else {
            let id = self.new_ue();
            self.attach_conn(id, conn);
            let text = format!(
                "Attach Request carries {} instead of a PDN Connectivity Request",
                esm.name()
            );
            self.fail_attach(now, id, EmmCause::InvalidMandatoryInformation, None, text);
            return;
        };
        let info = AttachRequestInfo {
            identity: req.eps_mobile_identity.clone(),
            ue_net_cap: req.ue_network_capability.clone(),
            pti: esm.pti,
            pdn_type: pcr.pdn_type,
            apn: pcr.apn.as_ref().map(|a| a.0.clone()),
            pco: pcr.pco.clone(),
            esm_info_required: pcr.esm_info_transfer_flag == Some(EsmInfoTransferFlag::Required),
        };
        // Identity: IMSI, a GUTI we allocated, or ask (TS 24.301 5.5.1.2.3).
        let known_imsi = match &info.identity {
            EpsMobileIdentity::Imsi(d) => Imsi::parse(d),
            EpsMobileIdentity::Guti(g) if self.is_our_guti(g) => self
                .by_tmsi
                .get(&g.m_tmsi)
                .and_then(|id| self.ues.get(id))
                .and_then(|u| u.imsi.clone()),
            _ => None,
        };
        if let Some(imsi) = &known_imsi
            && let Some(&old) = self.by_imsi.get(&imsi.value)
        {
            // A new attach replaces the old context (TS 24.301 5.5.1.2.7 e/f).
            self.discard_ue(now, old);
        }
        if let EpsMobileIdentity::Guti(g) = &info.identity
            && let Some(&old) = self.by_tmsi.get(&g.m_tmsi)
            && self.is_our_guti(g)
        {
            self.discard_ue(now, old);
        }
        let id = self.new_ue();
        self.attach_conn(id, conn);
        if let Some(u) = self.ues.get_mut(&id) {
            u.ue_net_cap = Some(info.ue_net_cap.clone());
            u.emm = EmmState::Attaching(Box::new(Attach {
                request: info,
                step: AttachStep::WaitIdentity,
            }));
        }
        match known_imsi {
            Some(imsi) => {
                self.set_imsi(id, imsi);
                self.send_air(now, id, None);
            }
            None => self.send_identity_request(now, id),
        }
    }

    /// Identity Request for the IMSI (TS 24.301 5.4.4.2), T3470.
    fn send_identity_request(&mut self, now: Time, id: UeId) {
        let m = NasMessage::Emm(EmmMessage::IdentityRequest(IdentityRequest {
            identity_type: IdentityType2::Imsi,
            other_ies: vec![],
        }));
        self.send_nas(now, id, &m, None, Some(TimerKind::T3470));
    }

    fn handle_identity_response(&mut self, now: Time, id: UeId, r: IdentityResponse) {
        let waiting = self.attach_at(id, |a| matches!(a.step, AttachStep::WaitIdentity));
        if !waiting {
            return self.unexpected(id, IdentityResponse::NAME);
        }
        self.stop_retx(id, TimerKind::T3470);
        let imsi = match &r.mobile_identity {
            MobileIdentity::Imsi(d) => Imsi::parse(d),
            _ => None,
        };
        let Some(imsi) = imsi else {
            let text = format!(
                "Identity Response carries {} instead of the IMSI asked for",
                r.mobile_identity
            );
            return self.fail_attach(now, id, EmmCause::UeIdentityCannotBeDerived, None, text);
        };
        if let Some(&old) = self.by_imsi.get(&imsi.value)
            && old != id
        {
            self.discard_ue(now, old);
        }
        self.set_imsi(id, imsi);
        self.send_air(now, id, None);
    }

    /// Authentication Request with the vector the AIA brought (TS 24.301
    /// 5.4.2.2), T3460.
    pub(super) fn send_authentication_request(&mut self, now: Time, id: UeId) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let Some(AttachStep::WaitAuthResponse { vector, .. }) = ue.attach().map(|a| &a.step) else {
            return;
        };
        let m = NasMessage::Emm(EmmMessage::AuthenticationRequest(AuthenticationRequest {
            nas_ksi: NasKsi::native(ue.next_ksi),
            rand: Rand(vector.rand),
            autn: Autn(vector.autn),
            other_ies: vec![],
        }));
        self.send_nas(now, id, &m, None, Some(TimerKind::T3460));
    }

    fn handle_authentication_response(&mut self, now: Time, id: UeId, r: AuthenticationResponse) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(AttachStep::WaitAuthResponse { vector, .. }) = ue.attach().map(|a| &a.step) else {
            return self.unexpected(id, AuthenticationResponse::NAME);
        };
        let ok = r.res.0 == vector.xres;
        let xres = crate::codec::hex(&vector.xres);
        self.stop_retx(id, TimerKind::T3460);
        if !ok {
            // TS 24.301 5.4.2.4: RES != XRES -> Authentication Reject.
            self.count("auth_failures");
            let text = format!(
                "Authentication Response RES {} does not match XRES {xres} from the HSS: authentication failed",
                crate::codec::hex(&r.res.0)
            );
            return self.authentication_reject(now, id, imsi, text);
        }
        self.send_security_mode_command(now, id);
    }

    fn handle_authentication_failure(&mut self, now: Time, id: UeId, f: AuthenticationFailure) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let imsi_text = ue.imsi_text();
        let Some(AttachStep::WaitAuthResponse { vector, resynced }) = ue.attach().map(|a| &a.step)
        else {
            return self.unexpected(id, AuthenticationFailure::NAME);
        };
        let (rand, resynced) = (vector.rand, *resynced);
        self.stop_retx(id, TimerKind::T3460);
        self.count("auth_failures");
        match (f.emm_cause, f.auts) {
            (EmmCause::SynchFailure, Some(auts)) if !resynced => {
                // TS 24.301 5.4.2.6 d / TS 33.102 6.3.5: ask the HSS to
                // resynchronise with RAND || AUTS, then challenge again.
                self.note(
                    imsi,
                    format!(
                        "UE reports synch failure: the USIM's SQN for IMSI {imsi_text} is ahead of the HSS; resynchronising"
                    ),
                );
                let mut info = [0u8; 30];
                info[..16].copy_from_slice(&rand);
                info[16..].copy_from_slice(&auts.0);
                self.send_air(now, id, Some(info));
            }
            (EmmCause::SynchFailure, _) => {
                let text = if resynced {
                    format!(
                        "UE reports synch failure again after resynchronisation for IMSI {imsi_text}: giving up"
                    )
                } else {
                    "UE reports synch failure without AUTS".to_string()
                };
                self.authentication_reject(now, id, imsi, text);
            }
            (EmmCause::MacFailure, _) => {
                // TS 24.301 5.4.2.6 c: the network "may" identify the UE to
                // check the GUTI-IMSI binding. The challenge here was built
                // for an IMSI the UE sent or that this MME resolved from its
                // own GUTI, so identification would change nothing: the
                // procedure ends with Authentication Reject (5.4.2.5).
                let text = format!(
                    "UE reports MAC failure: the HSS's K (or OPc) for IMSI {imsi_text} differs from the USIM's, so the UE cannot authenticate the network"
                );
                self.authentication_reject(now, id, imsi, text);
            }
            (EmmCause::NonEpsAuthenticationUnacceptable, _) => {
                let text = "UE reports #26 non-EPS authentication unacceptable: the HSS vector's AMF lacks the separation bit (TS 33.401 6.1.1)".to_string();
                self.authentication_reject(now, id, imsi, text);
            }
            (cause, _) => {
                let text = format!("UE reports authentication failure {cause}");
                self.authentication_reject(now, id, imsi, text);
            }
        }
    }

    /// Authentication Reject, then release and forget (TS 24.301 5.4.2.5).
    fn authentication_reject(&mut self, now: Time, id: UeId, imsi: Option<u64>, text: String) {
        self.count("attach_reject");
        self.note(imsi, format!("{text}; sending Authentication Reject"));
        let m = NasMessage::Emm(EmmMessage::AuthenticationReject(AuthenticationReject {
            other_ies: vec![],
        }));
        self.send_nas(now, id, &m, None, None);
        self.end_attach(now, id, Cause::Nas(1));
    }

    /// Security Mode Command (TS 24.301 5.4.3.2): the first algorithms of
    /// our preference lists that the UE supports (and we implement), a new
    /// context from KASME, header type 3, IMEISV requested.
    fn send_security_mode_command(&mut self, now: Time, id: UeId) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let Some(attach) = ue.attach() else {
            return;
        };
        let AttachStep::WaitAuthResponse { vector, .. } = &attach.step else {
            return;
        };
        let kasme = vector.kasme;
        let cap = attach.request.ue_net_cap.clone();
        let ksi = ue.next_ksi;
        let int = self
            .spec
            .integrity
            .iter()
            .copied()
            .find(|a| a.is_implemented() && cap.supports_eia(a.id()));
        let enc = self
            .spec
            .ciphering
            .iter()
            .copied()
            .find(|a| a.is_implemented() && cap.supports_eea(a.id()));
        let (Some(int), Some(enc)) = (int, enc) else {
            let text = if int.is_none() {
                no_common_algorithm(
                    "EIA",
                    cap.eia,
                    NasIntegrity::ALL
                        .iter()
                        .filter(|a| a.is_implemented())
                        .map(|a| a.id()),
                    self.spec.integrity.iter().map(|a| a.name()),
                )
            } else {
                no_common_algorithm(
                    "EEA",
                    cap.eea,
                    NasCiphering::ALL
                        .iter()
                        .filter(|a| a.is_implemented())
                        .map(|a| a.id()),
                    self.spec.ciphering.iter().map(|a| a.name()),
                )
            };
            self.count("security_mismatch");
            return self.fail_attach(
                now,
                id,
                EmmCause::UeSecurityCapabilitiesMismatch,
                None,
                text,
            );
        };
        let sec = NasSecurity::new(Kasme::new(kasme), ksi, int, enc, KeyDirection::Downlink);
        let smc = NasMessage::Emm(EmmMessage::SecurityModeCommand(SecurityModeCommand {
            selected_algorithms: NasSecurityAlgorithms {
                ciphering: crate::codec::nas::ie::Eea(enc.id()),
                integrity: crate::codec::nas::ie::Eia(int.id()),
            },
            nas_ksi: NasKsi::native(ksi),
            replayed_ue_security_capabilities: replayed_capabilities(&cap),
            imeisv_request: Some(ImeisvRequest::Requested),
            other_ies: vec![],
        }));
        if let Some(ue) = self.ues.get_mut(&id) {
            ue.security = Some(sec);
            ue.secured = false;
            if let Some(a) = ue.attach_mut() {
                a.step = AttachStep::WaitSmcComplete;
            }
        }
        self.send_nas(
            now,
            id,
            &smc,
            Some(SecurityHeaderType::IntegrityProtectedNewContext),
            Some(TimerKind::T3460),
        );
    }

    fn handle_security_mode_complete(&mut self, now: Time, id: UeId, c: SecurityModeComplete) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let Some(attach) = ue.attach() else {
            return self.unexpected(id, SecurityModeComplete::NAME);
        };
        if !matches!(attach.step, AttachStep::WaitSmcComplete) {
            return self.unexpected(id, SecurityModeComplete::NAME);
        }
        let esm_info = attach.request.esm_info_required;
        let pti = attach.request.pti;
        ue.secured = true;
        ue.next_ksi = (ue.next_ksi + 1) % 7;
        if let Some(MobileIdentity::ImeiSv(d)) = &c.imeisv {
            ue.imeisv = Some(d.clone());
        }
        self.stop_retx(id, TimerKind::T3460);
        if esm_info {
            // TS 24.301 6.6.1.2: the UE held APN and PCO back until now.
            if let Some(a) = self.ues.get_mut(&id).and_then(|u| u.attach_mut()) {
                a.step = AttachStep::WaitEsmInfo;
            }
            let m = NasMessage::Esm(EsmMessage::new(
                0,
                pti,
                crate::codec::nas::esm::EsmInformationRequest { other_ies: vec![] },
            ));
            let h = self.dl_header(id);
            self.send_nas(now, id, &m, h, Some(TimerKind::T3489));
        } else {
            self.send_ulr(now, id);
        }
    }

    fn handle_security_mode_reject(&mut self, now: Time, id: UeId, r: SecurityModeReject) {
        let in_smc = self.attach_at(id, |a| matches!(a.step, AttachStep::WaitSmcComplete));
        if !in_smc {
            return self.unexpected(id, SecurityModeReject::NAME);
        }
        self.stop_retx(id, TimerKind::T3460);
        // TS 24.301 5.4.3.5: abort the procedure that started the SMC.
        let text = format!("UE rejected the Security Mode Command: {}", r.emm_cause);
        self.abort_attach(now, id, text);
    }

    /// The Attach Accept for the UE, with the default bearer's Activate
    /// Default EPS Bearer Context Request inside (TS 24.301 5.5.1.2.4).
    pub(super) fn build_attach_accept(&mut self, id: UeId, esm: EsmMessage) -> Option<NasMessage> {
        let guti = match self.ues.get(&id)?.guti {
            Some(g) => g,
            None => {
                let g = Guti {
                    plmn: self.plmn,
                    mme_group_id: self.spec.group_id,
                    mme_code: self.spec.code,
                    m_tmsi: self.alloc_m_tmsi(),
                };
                self.by_tmsi.insert(g.m_tmsi, id);
                self.ues.get_mut(&id)?.guti = Some(g);
                g
            }
        };
        let tai = self.ues.get(&id)?.s1.map(|s| NasTai {
            plmn: s.tai.plmn,
            tac: s.tai.tac,
        })?;
        Some(NasMessage::Emm(EmmMessage::AttachAccept(AttachAccept {
            eps_attach_result: EpsAttachResult::EpsOnly,
            t3412: gprs_timer(self.spec.t3412),
            tai_list: TaiList::single(tai),
            esm_message_container: esm,
            guti: Some(guti),
            ms_identity: None,
            emm_cause: None,
            t3402: None,
            t3423: None,
            equivalent_plmns: None,
            // IMS voice over PS session supported (TS 24.301 9.9.3.12A):
            // a VoLTE UE only registers to IMS for voice when it is set.
            eps_network_feature_support: Some(Octets(vec![0x01])),
            other_ies: vec![],
        })))
    }

    fn handle_attach_complete(
        &mut self,
        now: Time,
        id: UeId,
        c: crate::codec::nas::emm::AttachComplete,
    ) {
        let waiting = self.attach_at(id, |a| matches!(a.step, AttachStep::WaitComplete));
        if !waiting {
            return self.unexpected(id, "Attach Complete");
        }
        self.stop_retx(id, TimerKind::T3450);
        let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
        if let Some(u) = self.ues.get_mut(&id) {
            u.emm = EmmState::Registered;
        }
        self.count("attach_success");
        self.note(imsi, "attach complete: EMM-REGISTERED");
        let esm = c.esm_message_container;
        match esm.body {
            EsmBody::ActivateDefaultEpsBearerContextAccept(_) => {
                self.handle_default_bearer_accept(now, id, esm.ebi);
            }
            _ => {
                let text = format!(
                    "Attach Complete carries {} instead of Activate Default EPS Bearer Context Accept",
                    esm.name()
                );
                self.note(imsi, text);
            }
        }
    }

    // -----------------------------------------------------------------------
    // Ending an attach

    /// Rejects the attach: Attach Reject with `cause` (and an ESM message,
    /// e.g. PDN Connectivity Reject with EMM #19), a note, release, forget.
    pub(super) fn fail_attach(
        &mut self,
        now: Time,
        id: UeId,
        cause: EmmCause,
        esm: Option<EsmMessage>,
        text: String,
    ) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        self.count("attach_reject");
        self.note(imsi, format!("{text}; sending Attach Reject {cause}"));
        let m = NasMessage::Emm(EmmMessage::AttachReject(AttachReject {
            emm_cause: cause,
            esm_message_container: esm,
            t3346: None,
            t3402: None,
            other_ies: vec![],
        }));
        let h = self.dl_header(id);
        self.send_nas(now, id, &m, h, None);
        self.end_attach(now, id, Cause::Nas(3));
    }

    /// Aborts the attach without a reject (the UE stopped answering or
    /// refused the security mode): note, release, forget.
    pub(super) fn abort_attach(&mut self, now: Time, id: UeId, text: String) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let step = ue.attach().map_or("attach", |a| a.step.name());
        self.count("attach_aborted");
        self.note(imsi, format!("attach aborted during {step}: {text}"));
        self.end_attach(now, id, Cause::Nas(3));
    }

    /// After a failed attach: delete any session, release the connection,
    /// forget the context once nothing is pending.
    fn end_attach(&mut self, now: Time, id: UeId, cause: Cause) {
        self.timers.stop_all(id);
        if let Some(u) = self.ues.get_mut(&id) {
            u.emm = EmmState::Deregistered;
            u.retx.clear();
            u.s6a_wait = None;
        }
        self.delete_all_sessions(now, id, DeleteReason::AttachFailed);
        self.send_ue_context_release(id, cause);
        self.maybe_forget(id);
    }

    /// Forgets a deregistered context once it has no S1 connection and no
    /// PDN connection left.
    pub(super) fn maybe_forget(&mut self, id: UeId) {
        let done = self.ues.get(&id).is_some_and(|u| {
            matches!(u.emm, EmmState::Deregistered) && u.s1.is_none() && u.pdns.is_empty()
        });
        if done {
            self.remove_ue(id);
        }
    }

    /// Drops a context that a new attach replaces: sessions deleted at the
    /// gateway, connection released, context forgotten now.
    pub(super) fn discard_ue(&mut self, now: Time, id: UeId) {
        if !self.ues.contains_key(&id) {
            return;
        }
        self.delete_all_sessions(now, id, DeleteReason::Discard);
        if let Some(s1) = self.ues.get(&id).and_then(|u| u.s1) {
            self.drop_s1(id);
            self.send_release_for_conn(&s1, Cause::Nas(3));
        }
        self.remove_ue(id);
    }

    // -----------------------------------------------------------------------
    // Detach

    pub(super) fn handle_detach_request(
        &mut self,
        now: Time,
        id: UeId,
        d: DetachRequestUeOriginating,
    ) {
        let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
        self.count("detach_ue_initiated");
        self.note(
            imsi,
            format!(
                "UE detaches ({}{}): deleting its PDN connections",
                d.detach_type.kind,
                if d.detach_type.switch_off {
                    ", switch off"
                } else {
                    ""
                }
            ),
        );
        self.timers.stop_all(id);
        if let Some(u) = self.ues.get_mut(&id) {
            u.retx.clear();
            u.s6a_wait = None;
            u.emm = EmmState::Detaching(Detach {
                ue_initiated: true,
                switch_off: d.detach_type.switch_off,
                accepted: true,
            });
        }
        self.delete_all_sessions(now, id, DeleteReason::Detach);
        self.maybe_finish_detach(now, id);
    }

    /// Network-initiated detach (TS 24.301 5.5.2.3).
    pub(super) fn start_network_detach(&mut self, now: Time, id: UeId, reattach: bool) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let connected = ue.s1.is_some();
        self.count("detach_network_initiated");
        self.note(
            imsi,
            format!(
                "network detaches the UE ({}{})",
                if reattach {
                    "re-attach required"
                } else {
                    "re-attach not required"
                },
                if connected {
                    ""
                } else {
                    ", UE idle: local detach"
                }
            ),
        );
        self.timers.stop_all(id);
        if let Some(u) = self.ues.get_mut(&id) {
            u.retx.clear();
            u.emm = EmmState::Detaching(Detach {
                ue_initiated: false,
                switch_off: false,
                accepted: !connected,
            });
        }
        if connected {
            let m = NasMessage::Emm(EmmMessage::DetachRequestUeTerminated(
                DetachRequestUeTerminated {
                    detach_type: if reattach {
                        NetworkDetachType::ReattachRequired
                    } else {
                        NetworkDetachType::ReattachNotRequired
                    },
                    emm_cause: None,
                    other_ies: vec![],
                },
            ));
            let h = self.dl_header(id);
            self.send_nas(now, id, &m, h, Some(TimerKind::T3422));
        }
        self.delete_all_sessions(now, id, DeleteReason::Detach);
        self.maybe_finish_detach(now, id);
    }

    fn handle_detach_accept(&mut self, now: Time, id: UeId) {
        let Some(EmmState::Detaching(d)) = self.ues.get_mut(&id).map(|u| &mut u.emm) else {
            return self.unexpected(id, "Detach Accept");
        };
        if d.ue_initiated {
            return self.unexpected(id, "Detach Accept");
        }
        d.accepted = true;
        self.stop_retx(id, TimerKind::T3422);
        self.maybe_finish_detach(now, id);
    }

    /// Ends a detach once every PDN connection is deleted and the UE
    /// answered (or need not): Detach Accept unless switch-off, release,
    /// EMM-DEREGISTERED.
    pub(super) fn maybe_finish_detach(&mut self, now: Time, id: UeId) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let EmmState::Detaching(d) = ue.emm else {
            return;
        };
        if !ue.pdns.is_empty() || !d.accepted {
            return;
        }
        let imsi = ue.imsi_value();
        if d.ue_initiated && !d.switch_off && ue.s1.is_some() {
            let m = NasMessage::Emm(EmmMessage::DetachAccept(DetachAccept { other_ies: vec![] }));
            let h = self.dl_header(id);
            self.send_nas(now, id, &m, h, None);
        }
        if let Some(u) = self.ues.get_mut(&id) {
            u.emm = EmmState::Deregistered;
        }
        self.count("detach_complete");
        self.note(imsi, "detached: EMM-DEREGISTERED");
        self.send_ue_context_release(id, Cause::NAS_DETACH);
        self.maybe_forget(id);
    }

    // -----------------------------------------------------------------------
    // Tracking area update (periodic / same MME only)

    /// A Tracking Area Update Request: accepted when it comes from a
    /// registered UE of ours whose security context verifies it, else
    /// rejected with #9 so that the UE attaches again (TS 24.301 5.5.3.2.5).
    pub(super) fn handle_tau_request(
        &mut self,
        now: Time,
        conn: S1Conn,
        t: TrackingAreaUpdateRequest,
        protected: Option<crate::codec::nas::SecurityProtected>,
        verified_on_connection: bool,
    ) {
        let id = self
            .find_by_identity(&t.old_guti)
            .filter(|id| self.is_registered(*id));
        let verified = match (id, &protected) {
            (Some(id), Some(p)) => {
                self.attach_conn(id, conn);
                self.verify_initial(id, p)
            }
            (Some(id), None) => {
                self.attach_conn(id, conn);
                verified_on_connection
            }
            _ => false,
        };
        let Some(id) = id.filter(|_| verified) else {
            self.count("tau_reject");
            self.note(
                None,
                format!(
                    "Tracking Area Update from {} rejected with #9: no verified context for it here",
                    t.old_guti
                ),
            );
            let m = NasMessage::Emm(EmmMessage::TrackingAreaUpdateReject(
                TrackingAreaUpdateReject {
                    emm_cause: EmmCause::UeIdentityCannotBeDerived,
                    t3346: None,
                    other_ies: vec![],
                },
            ));
            if let Some(id) = id {
                self.send_nas(now, id, &m, None, None);
                self.send_ue_context_release(id, Cause::Nas(3));
            } else {
                self.send_downlink_nas_conn(&conn, m.encode());
                self.send_release_for_conn(&conn, Cause::Nas(3));
            }
            return;
        };
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let mut status = [0u8; 2];
        for p in &ue.pdns {
            match p.ebi {
                0..=7 => status[0] |= 1 << p.ebi,
                8..=15 => status[1] |= 1 << (p.ebi - 8),
                _ => {}
            }
        }
        let tai = NasTai {
            plmn: conn.tai.plmn,
            tac: conn.tai.tac,
        };
        let m = NasMessage::Emm(EmmMessage::TrackingAreaUpdateAccept(
            TrackingAreaUpdateAccept {
                eps_update_result: EpsUpdateResult::TaUpdated,
                t3412: Some(gprs_timer(self.spec.t3412)),
                guti: None,
                tai_list: Some(TaiList::single(tai)),
                eps_bearer_context_status: Some(EpsBearerContextStatus(status)),
                ms_identity: None,
                emm_cause: None,
                t3402: None,
                t3423: None,
                equivalent_plmns: None,
                eps_network_feature_support: Some(Octets(vec![0x01])),
                other_ies: vec![],
            },
        ));
        self.count("tau_accept");
        let h = self.dl_header(id);
        self.send_nas(now, id, &m, h, None);
        if !t.eps_update_type.active {
            // TS 24.301 5.5.3.2.4: no bearer establishment asked for, so the
            // NAS signalling connection is released.
            self.send_ue_context_release(id, Cause::NAS_NORMAL_RELEASE);
        }
    }
}

/// PDN Connectivity Reject for the attach's PDN Connectivity Request.
pub(super) fn pdn_connectivity_reject(pti: u8, cause: EsmCause) -> EsmMessage {
    EsmMessage::new(
        0,
        pti,
        PdnConnectivityReject {
            esm_cause: cause,
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gprs_timer_prefers_minutes_then_two_seconds_then_decihours() {
        assert_eq!(
            gprs_timer(Duration::from_secs(54 * 60)),
            GprsTimer { unit: 2, value: 9 }
        );
        assert_eq!(
            gprs_timer(Duration::from_secs(30 * 60)),
            GprsTimer::minutes(30)
        );
        assert_eq!(gprs_timer(Duration::from_secs(600)).seconds(), Some(600));
        assert_eq!(gprs_timer(Duration::from_secs(10)).seconds(), Some(10));
        assert_eq!(gprs_timer(Duration::from_secs(3240)).seconds(), Some(3240));
        assert_eq!(gprs_timer(Duration::ZERO), GprsTimer::DEACTIVATED);
    }

    #[test]
    fn replayed_capabilities_copy_eea_eia_uea_and_uia_without_ucs2() {
        let cap = UeNetworkCapability {
            eea: 0xf0,
            eia: 0x70,
            rest: vec![0xc0, 0xc0, 0x08],
        };
        let r = replayed_capabilities(&cap);
        assert_eq!((r.eea, r.eia), (0xf0, 0x70));
        assert_eq!(r.rest, [0xc0, 0x40]);
        assert_eq!(s1ap_algorithms(0xf0), 0xe000);
        assert_eq!(s1ap_algorithms(0x20), 0x4000);
        assert_eq!(offered(0x50, "EIA"), "EIA1/EIA3");
    }
}
