//! S6a toward the HSS (TS 29.272): Authentication-Information and
//! Update-Location as a client over [`crate::nodes::diameter_peer`], and
//! Cancel-Location from the HSS, which detaches the UE.

use super::context::{ApnConfig, AttachStep, Subscription, UeId, Vector};
use super::timers::TimerKind;
use super::{Mme, S6aTag};
use crate::codec::diameter::dict::{APP_S6A, VENDOR_3GPP};
use crate::codec::diameter::result::{self, s6a as s6a_result};
use crate::codec::diameter::{
    Aia, Air, AuthSessionState, CancellationType, Cla, Clr, ExperimentalResult, Message,
    PreemptionCapability, PreemptionVulnerability, RatType, RequestedEutranAuthenticationInfo,
    SubscriptionData, TerminalInformation, Ula, Ulr, VendorSpecificApplicationId, tbcd_digits,
    ulr_flags,
};
use crate::codec::nas::ie::EmmCause;
use crate::nodes::diameter_peer::{DiameterPeer, Received};
use crate::nodes::{Iface, Time};

/// Which S6a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S6aKind {
    /// Authentication-Information-Request.
    Air,
    /// Update-Location-Request.
    Ulr,
}

/// The outcome an answer reports: Ok, or the code and its name.
fn outcome(rc: Option<u32>, er: Option<&ExperimentalResult>) -> Result<(), (u32, String)> {
    match (rc, er) {
        (Some(result::DIAMETER_SUCCESS), _) => Ok(()),
        (_, Some(e)) => {
            let c = e.experimental_result_code;
            Err((
                c,
                s6a_result::name(c).map_or_else(|| format!("{c}"), |n| format!("{c} {n}")),
            ))
        }
        (Some(c), None) => Err((
            c,
            result::result_code_name(c).map_or_else(|| format!("{c}"), |n| format!("{c} {n}")),
        )),
        (None, None) => Err((0, "no Result-Code".into())),
    }
}

/// The EMM cause for an S6a error (after TS 29.272 Annex A).
fn emm_cause_for(code: u32) -> EmmCause {
    match code {
        s6a_result::DIAMETER_ERROR_USER_UNKNOWN => EmmCause::EpsAndNonEpsServicesNotAllowed,
        s6a_result::DIAMETER_ERROR_ROAMING_NOT_ALLOWED => EmmCause::PlmnNotAllowed,
        s6a_result::DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION
        | s6a_result::DIAMETER_ERROR_RAT_NOT_ALLOWED => EmmCause::NoSuitableCellsInTa,
        _ => EmmCause::NetworkFailure,
    }
}

/// The subscription an ULA carries (TS 29.272 7.3.2): APN configurations
/// with their QoS and AMBR; missing QoS defaults to QCI 9, ARP 8.
pub(super) fn subscription_from(sd: &SubscriptionData) -> Subscription {
    let (ue_ul, ue_dl) = sd.ambr.as_ref().map_or((0, 0), |a| {
        (a.max_requested_bandwidth_ul, a.max_requested_bandwidth_dl)
    });
    let mut sub = Subscription {
        msisdn: sd.msisdn.as_deref().map(tbcd_digits),
        ue_ambr_ul: ue_ul,
        ue_ambr_dl: ue_dl,
        ..Subscription::default()
    };
    if let Some(p) = &sd.apn_configuration_profile {
        sub.default_context = p.context_identifier;
        for c in &p.apn_configurations {
            let qos = c.eps_subscribed_qos_profile.as_ref();
            let arp = qos.map(|q| &q.allocation_retention_priority);
            let (ul, dl) = c.ambr.as_ref().map_or((ue_ul, ue_dl), |a| {
                (a.max_requested_bandwidth_ul, a.max_requested_bandwidth_dl)
            });
            sub.apns.push(ApnConfig {
                context_id: c.context_identifier,
                apn: c.service_selection.clone(),
                pdn_type: c.pdn_type,
                qci: qos.map_or(9, |q| q.qos_class_identifier.min(255) as u8),
                arp_priority: arp.map_or(8, |a| a.priority_level.min(15) as u8),
                // TS 29.212 5.3.46/5.3.47 defaults: capability disabled,
                // vulnerability enabled.
                no_pre_emption: arp.and_then(|a| a.pre_emption_capability)
                    != Some(PreemptionCapability::Enabled),
                not_pre_emptable: arp.and_then(|a| a.pre_emption_vulnerability)
                    == Some(PreemptionVulnerability::Disabled),
                ambr_ul: ul,
                ambr_dl: dl,
            });
        }
    }
    sub
}

impl Mme {
    fn s6a_request(
        &mut self,
        now: Time,
        id: UeId,
        kind: S6aKind,
        build: impl FnOnce(u32, u32) -> Vec<u8>,
    ) {
        let xid = self.next_s6a_xid;
        self.next_s6a_xid += 1;
        let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
        if let Some(u) = self.ues.get_mut(&id) {
            u.s6a_wait = Some(xid);
        }
        let tag = S6aTag { ue: id, kind, xid };
        if let Some(bytes) = self.s6a.request(tag, build) {
            self.transmit(Iface::S6a, self.spec.hss, bytes, 0, imsi);
        }
        self.timers.start(now, id, TimerKind::S6aAnswer);
    }

    /// AIR for one E-UTRAN vector (TS 29.272 5.2.3.1); with `resync`
    /// (RAND || AUTS), the Re-Synchronization-Info of TS 29.272 7.3.15.
    pub(super) fn send_air(&mut self, now: Time, id: UeId, resync: Option<[u8; 30]>) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let Some(imsi) = ue.imsi.clone() else {
            return;
        };
        if let Some(a) = ue.attach_mut() {
            a.step = AttachStep::WaitAuthInfo {
                resync: resync.is_some(),
            };
        }
        let air = Air {
            session_id: self.s6a.new_session_id(),
            vendor_specific_application_id: Some(VendorSpecificApplicationId::auth(
                VENDOR_3GPP,
                APP_S6A,
            )),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.spec.diameter.host.clone(),
            origin_realm: self.spec.diameter.realm.clone(),
            destination_host: Some(self.hss_identity.host.clone()),
            destination_realm: self.hss_identity.realm.clone(),
            user_name: imsi.digits,
            requested_eutran_authentication_info: Some(RequestedEutranAuthenticationInfo {
                number_of_requested_vectors: Some(1),
                immediate_response_preferred: Some(1),
                re_synchronization_info: resync,
                ..Default::default()
            }),
            visited_plmn_id: self.plmn.to_bytes(),
            ..Air::default()
        };
        self.s6a_request(now, id, S6aKind::Air, |h, e| air.encode(h, e));
    }

    /// ULR for an initial attach (TS 29.272 5.2.1.1).
    pub(super) fn send_ulr(&mut self, now: Time, id: UeId) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let Some(imsi) = ue.imsi.clone() else {
            return;
        };
        if let Some(a) = ue.attach_mut() {
            a.step = AttachStep::WaitUpdateLocation;
        }
        // IMEISV = TAC (8) + SNR (6) + SVN (2) digits (TS 23.003 6.2.2).
        let terminal = ue
            .imeisv
            .as_ref()
            .filter(|d| d.len() == 16 && d.bytes().all(|b| b.is_ascii_digit()))
            .map(|d| TerminalInformation {
                imei: Some(d[..14].to_string()),
                software_version: Some(d[14..].to_string()),
                ..Default::default()
            });
        let ulr = Ulr {
            session_id: self.s6a.new_session_id(),
            vendor_specific_application_id: Some(VendorSpecificApplicationId::auth(
                VENDOR_3GPP,
                APP_S6A,
            )),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.spec.diameter.host.clone(),
            origin_realm: self.spec.diameter.realm.clone(),
            destination_host: Some(self.hss_identity.host.clone()),
            destination_realm: self.hss_identity.realm.clone(),
            user_name: imsi.digits,
            terminal_information: terminal,
            rat_type: RatType::Eutran,
            ulr_flags: ulr_flags::S6A_S6D_INDICATOR | ulr_flags::INITIAL_ATTACH_INDICATOR,
            visited_plmn_id: self.plmn.to_bytes(),
            ..Ulr::default()
        };
        self.s6a_request(now, id, S6aKind::Ulr, |h, e| ulr.encode(h, e));
    }

    /// Received Diameter bytes.
    pub(super) fn handle_s6a(&mut self, now: Time, bytes: &[u8]) {
        let received = match self.s6a.receive(now, bytes) {
            Ok(r) => r,
            Err(e) => {
                self.count("diameter_decode_errors");
                let hss = self.name(self.spec.hss);
                let what = match bytes.get(4..8) {
                    Some(&[flags, a, b, c]) => format!(
                        "a Diameter {}",
                        crate::codec::diameter::dict::command_short_name(
                            u32::from_be_bytes([0, a, b, c]),
                            flags & 0x80 != 0
                        )
                    ),
                    _ => "a Diameter message".to_string(),
                };
                self.note(None, format!("dropped {what} from {hss}: {e}"));
                return;
            }
        };
        match received {
            Received::Base { replies } => {
                for b in replies {
                    self.transmit(Iface::S6a, self.spec.hss, b, 0, None);
                }
            }
            Received::Request(msg) => self.handle_s6a_request(now, &msg),
            Received::Answer(msg, tag) => {
                let current = self
                    .ues
                    .get(&tag.ue)
                    .is_some_and(|u| u.s6a_wait == Some(tag.xid));
                if !current {
                    self.count("diameter_late_answers");
                    self.note(None, format!("ignored a late {}", msg.summary()));
                    return;
                }
                self.timers.stop(tag.ue, TimerKind::S6aAnswer);
                if let Some(u) = self.ues.get_mut(&tag.ue) {
                    u.s6a_wait = None;
                }
                match tag.kind {
                    S6aKind::Air => self.handle_aia(now, tag.ue, &msg),
                    S6aKind::Ulr => self.handle_ula(now, tag.ue, &msg),
                }
            }
            Received::Unexpected(msg) => {
                self.count("diameter_unmatched");
                self.note(
                    None,
                    format!("ignored {}: no request of ours matches it", msg.summary()),
                );
            }
        }
    }

    fn handle_aia(&mut self, now: Time, id: UeId, msg: &Message) {
        let aia = match Aia::from_message(msg) {
            Ok(a) => a,
            Err(e) => {
                self.count("diameter_decode_errors");
                let text = format!("AIA does not decode: {e}");
                return self.fail_attach(now, id, EmmCause::NetworkFailure, None, text);
            }
        };
        let Some(AttachStep::WaitAuthInfo { resync }) = self
            .ues
            .get(&id)
            .and_then(|u| u.attach())
            .map(|a| a.step.clone())
        else {
            return self.unexpected(id, "AIA");
        };
        if let Err((code, name)) = outcome(aia.result_code, aia.experimental_result.as_ref()) {
            let imsi = self.ues.get(&id).map(|u| u.imsi_text()).unwrap_or_default();
            let text = format!("HSS refused authentication info for IMSI {imsi}: {name}");
            return self.fail_attach(now, id, emm_cause_for(code), None, text);
        }
        let Some(v) = aia
            .authentication_info
            .and_then(|a| a.eutran_vectors.into_iter().next())
        else {
            let text = "AIA carries no E-UTRAN vector".to_string();
            return self.fail_attach(now, id, EmmCause::NetworkFailure, None, text);
        };
        let vector = Vector {
            rand: v.rand,
            xres: v.xres,
            autn: v.autn,
            kasme: v.kasme,
        };
        if let Some(a) = self.ues.get_mut(&id).and_then(|u| u.attach_mut()) {
            a.step = AttachStep::WaitAuthResponse {
                vector,
                resynced: resync,
            };
        }
        self.send_authentication_request(now, id);
    }

    fn handle_ula(&mut self, now: Time, id: UeId, msg: &Message) {
        let ula = match Ula::from_message(msg) {
            Ok(a) => a,
            Err(e) => {
                self.count("diameter_decode_errors");
                let text = format!("ULA does not decode: {e}");
                return self.fail_attach(now, id, EmmCause::NetworkFailure, None, text);
            }
        };
        let waiting = self.attach_at(id, |a| matches!(a.step, AttachStep::WaitUpdateLocation));
        if !waiting {
            return self.unexpected(id, "ULA");
        }
        if let Err((code, name)) = outcome(ula.result_code, ula.experimental_result.as_ref()) {
            let imsi = self.ues.get(&id).map(|u| u.imsi_text()).unwrap_or_default();
            let text = format!("HSS refused the location update for IMSI {imsi}: {name}");
            return self.fail_attach(now, id, emm_cause_for(code), None, text);
        }
        let sub = ula
            .subscription_data
            .as_ref()
            .map(subscription_from)
            .unwrap_or_default();
        if let Some(u) = self.ues.get_mut(&id) {
            u.subscription = Some(sub);
        }
        self.open_attach_pdn(now, id);
    }

    /// A request from the HSS: Cancel-Location is answered and detaches the
    /// UE (TS 29.272 5.2.1.2); anything else is not supported.
    fn handle_s6a_request(&mut self, now: Time, msg: &Message) {
        if msg.header.command != Clr::CODE {
            let b = self.s6a.unsupported(msg);
            self.transmit(Iface::S6a, self.spec.hss, b, 0, None);
            return;
        }
        let clr = match Clr::from_message(msg) {
            Ok(c) => c,
            Err(e) => {
                self.count("diameter_decode_errors");
                let b =
                    self.s6a
                        .error_answer(msg, result::DIAMETER_MISSING_AVP, Some(&e.to_string()));
                self.transmit(Iface::S6a, self.spec.hss, b, 0, None);
                return;
            }
        };
        let (h, e) = DiameterPeer::<S6aTag>::answer_ids(msg);
        let cla = Cla {
            session_id: clr.session_id.clone(),
            vendor_specific_application_id: Some(VendorSpecificApplicationId::auth(
                VENDOR_3GPP,
                APP_S6A,
            )),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.spec.diameter.host.clone(),
            origin_realm: self.spec.diameter.realm.clone(),
            ..Cla::default()
        };
        let imsi_value = clr.user_name.parse::<u64>().ok();
        self.transmit(Iface::S6a, self.spec.hss, cla.encode(h, e), 0, imsi_value);
        let Some(id) = imsi_value.and_then(|v| self.by_imsi.get(&v).copied()) else {
            return;
        };
        match clr.cancellation_type {
            CancellationType::SubscriptionWithdrawal => {
                self.note(
                    imsi_value,
                    "HSS withdrew the subscription (Cancel Location)",
                );
                self.start_network_detach(now, id, false);
            }
            other => {
                // The UE is served elsewhere now: forget it without NAS.
                self.note(
                    imsi_value,
                    format!("HSS cancelled the location ({other}): the UE is served elsewhere"),
                );
                self.discard_ue(now, id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::{
        AllocationRetentionPriority, Ambr, ApnConfiguration, ApnConfigurationProfile,
        EpsSubscribedQosProfile, PdnType,
    };

    #[test]
    fn subscription_reads_apn_qos_and_ambr_with_defaults() {
        let apn = |id, name: &str, qci: Option<u32>| ApnConfiguration {
            context_identifier: id,
            service_selection: name.into(),
            pdn_type: PdnType::Ipv4v6,
            eps_subscribed_qos_profile: qci.map(|q| EpsSubscribedQosProfile {
                qos_class_identifier: q,
                allocation_retention_priority: AllocationRetentionPriority {
                    priority_level: 2,
                    pre_emption_capability: Some(PreemptionCapability::Enabled),
                    ..Default::default()
                },
                ..Default::default()
            }),
            ambr: Some(Ambr::new(1_000_000, 2_000_000)),
            ..Default::default()
        };
        let sd = SubscriptionData {
            msisdn: Some(vec![0x51, 0x55, 0x00, 0x10]),
            ambr: Some(Ambr::new(5, 6)),
            apn_configuration_profile: Some(ApnConfigurationProfile {
                context_identifier: 1,
                apn_configurations: vec![apn(1, "internet", None), apn(2, "ims", Some(5))],
                ..Default::default()
            }),
            ..Default::default()
        };
        let s = subscription_from(&sd);
        assert_eq!(s.msisdn.as_deref(), Some("15550001"));
        assert_eq!((s.ue_ambr_ul, s.ue_ambr_dl), (5, 6));
        let internet = s.default_apn().unwrap();
        assert_eq!(
            (internet.apn.as_str(), internet.qci, internet.arp_priority),
            ("internet", 9, 8)
        );
        assert!(internet.no_pre_emption);
        let ims = s.apn("ims").unwrap();
        assert_eq!(
            (ims.qci, ims.arp_priority, ims.no_pre_emption),
            (5, 2, false)
        );
        assert_eq!((ims.ambr_ul, ims.ambr_dl), (1_000_000, 2_000_000));
        assert_eq!(
            emm_cause_for(5001),
            EmmCause::EpsAndNonEpsServicesNotAllowed
        );
    }
}
