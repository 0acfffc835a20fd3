//! The MME's NAS entry and exit: every uplink NAS message passes the
//! integrity and replay checks of TS 24.301 4.4.4.3 here before EMM or ESM
//! see it; downlink messages are protected, sent in Downlink NAS Transport
//! and kept for retransmission while their timer runs.

use super::Mme;
use super::context::{Attach, EmmState, NasRetx, S1Conn, UeId};
use super::emm::pdn_connectivity_reject;
use super::timers::TimerKind;
use crate::codec::nas::emm::DetachAccept;
use crate::codec::nas::ie::{EmmCause, EsmCause, SecurityHeaderType};
use crate::codec::nas::{self, Direction, EmmMessage, NasMessage};
use crate::codec::s1ap::Cause;
use crate::crypto::nas::NasCiphering;
use crate::nodes::Time;
use crate::nodes::nas_security::NasSecurityError;

/// TS 24.301 4.4.4.3: the only messages the MME processes without
/// integrity protection, before secure exchange of NAS messages exists on
/// the connection.
fn allowed_unprotected(m: &NasMessage) -> bool {
    matches!(
        m,
        NasMessage::Emm(
            EmmMessage::AttachRequest(_)
                | EmmMessage::IdentityResponse(_)
                | EmmMessage::AuthenticationResponse(_)
                | EmmMessage::AuthenticationFailure(_)
                | EmmMessage::SecurityModeReject(_)
                | EmmMessage::DetachRequestUeOriginating(_)
                | EmmMessage::DetachAccept(_)
                | EmmMessage::TrackingAreaUpdateRequest(_)
        )
    )
}

impl Mme {
    // -----------------------------------------------------------------------
    // Sending NAS

    /// The protection downlink messages get: integrity and ciphering once
    /// secure exchange exists (TS 24.301 4.4.4.2), else none.
    pub(super) fn dl_header(&self, id: UeId) -> Option<SecurityHeaderType> {
        self.ues
            .get(&id)
            .filter(|u| u.secured && u.security.is_some())
            .map(|_| SecurityHeaderType::IntegrityProtectedCiphered)
    }

    /// Protects `plain` for the UE with `header` (None: as is).
    pub(super) fn protect(
        &mut self,
        id: UeId,
        plain: &[u8],
        header: Option<SecurityHeaderType>,
    ) -> Option<Vec<u8>> {
        let Some(h) = header else {
            return Some(plain.to_vec());
        };
        let ue = self.ues.get_mut(&id)?;
        let imsi = ue.imsi_value();
        let res = ue.security.as_mut().map(|s| s.protect(plain, h));
        match res {
            Some(Ok(b)) => Some(b),
            Some(Err(e)) => {
                self.note(imsi, format!("cannot protect a NAS message: {e}"));
                None
            }
            None => {
                self.note(imsi, "cannot protect a NAS message: no security context");
                None
            }
        }
    }

    /// Sends a NAS message in a Downlink NAS Transport, protected with
    /// `header`; with `timer`, keeps it for retransmission and starts the
    /// timer.
    pub(super) fn send_nas(
        &mut self,
        now: Time,
        id: UeId,
        plain: &NasMessage,
        header: Option<SecurityHeaderType>,
        timer: Option<TimerKind>,
    ) {
        let plain = plain.encode();
        let Some(wire) = self.protect(id, &plain, header) else {
            return;
        };
        self.send_downlink_nas(id, wire);
        if let Some(kind) = timer {
            self.arm_retx(now, id, kind, plain, header);
        }
    }

    /// Keeps `plain` for retransmission under `kind` and starts the timer.
    pub(super) fn arm_retx(
        &mut self,
        now: Time,
        id: UeId,
        kind: TimerKind,
        plain: Vec<u8>,
        header: Option<SecurityHeaderType>,
    ) {
        if let Some(ue) = self.ues.get_mut(&id) {
            ue.clear_retx(kind);
            ue.retx.push(NasRetx {
                timer: kind,
                plain,
                header,
                sent: 0,
            });
            self.timers.start(now, id, kind);
        }
    }

    /// Stops `kind` and forgets what it guarded.
    pub(super) fn stop_retx(&mut self, id: UeId, kind: TimerKind) {
        self.timers.stop(id, kind);
        if let Some(ue) = self.ues.get_mut(&id) {
            ue.clear_retx(kind);
        }
    }

    /// A timer of the table ran out.
    pub(super) fn handle_ue_timer(&mut self, now: Time, id: UeId, kind: TimerKind) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        if kind == TimerKind::S6aAnswer {
            ue.s6a_wait = None;
            let text = format!(
                "HSS {} did not answer within {} s",
                self.name(self.spec.hss),
                kind.duration().as_secs()
            );
            self.count("s6a_timeouts");
            self.fail_attach(now, id, EmmCause::NetworkFailure, None, text);
            return;
        }
        let Some(mut r) = ue.take_retx(kind) else {
            return;
        };
        if r.sent < kind.retransmissions() {
            r.sent += 1;
            let (plain, header) = (r.plain.clone(), r.header);
            ue.retx.push(r);
            self.count("nas_retransmissions");
            if let Some(wire) = self.protect(id, &plain, header) {
                self.send_downlink_nas(id, wire);
            }
            self.timers.start(now, id, kind);
            return;
        }
        let what = nas::decode_for(&r.plain, Direction::Downlink)
            .map(|m| m.name())
            .unwrap_or("NAS message");
        let text = format!(
            "{} ran out {} times: the UE never answered the {what}",
            kind.name(),
            u16::from(r.sent) + 1
        );
        self.count("nas_timeouts");
        match kind {
            TimerKind::T3489 => {
                // TS 24.301 6.6.1.2.6: third expiry aborts the attach with
                // #53 "ESM information not received".
                let pti = self
                    .ues
                    .get(&id)
                    .and_then(|u| u.attach())
                    .map_or(0, |a| a.request.pti);
                let esm = pdn_connectivity_reject(pti, EsmCause::EsmInformationNotReceived);
                self.fail_attach(now, id, EmmCause::EsmFailure, Some(esm), text);
            }
            TimerKind::T3485 => self.abort_bearer_activation(now, id, &text),
            TimerKind::T3495 => self.deactivated_locally(id, &text),
            TimerKind::T3422 => {
                self.note(imsi, format!("{text}; detaching locally"));
                if let Some(EmmState::Detaching(d)) = self.ues.get_mut(&id).map(|u| &mut u.emm) {
                    d.accepted = true;
                }
                self.maybe_finish_detach(now, id);
            }
            _ => self.abort_attach(now, id, text),
        }
    }

    // -----------------------------------------------------------------------
    // Receiving NAS

    /// The first NAS message of a new NAS signalling connection (Initial UE
    /// Message).
    pub(super) fn handle_initial_nas(&mut self, now: Time, conn: S1Conn, nas_pdu: &[u8]) {
        let msg = match nas::decode_for(nas_pdu, Direction::Uplink) {
            Ok(m) => m,
            Err(e) => {
                self.count("nas_decode_errors");
                let enb = self.name(conn.enb);
                self.note(
                    None,
                    format!(
                        "dropped the NAS message ({}) of an Initial UE Message from {enb}: {e}",
                        nas_head(nas_pdu)
                    ),
                );
                self.send_release_for_conn(&conn, Cause::Nas(3));
                return;
            }
        };
        let (plain, protected) = match &msg {
            NasMessage::Emm(_) | NasMessage::Esm(_) => (msg.clone(), None),
            NasMessage::Protected(p) => match p.inner_plain_for(Direction::Uplink) {
                Ok(m) => (m, Some(p.clone())),
                Err(_) => {
                    self.count("nas_decode_errors");
                    self.note(
                        None,
                        "dropped a ciphered initial NAS message: an initial message must be readable (TS 24.301 4.4.6)",
                    );
                    self.send_release_for_conn(&conn, Cause::Nas(3));
                    return;
                }
            },
            NasMessage::ServiceRequest(sr) => {
                self.count("service_request_unsupported");
                self.note(
                    None,
                    format!(
                        "Service Request (KSI {}, seq {}) not supported by this MME: releasing the connection; the UE re-attaches or stays idle",
                        sr.ksi, sr.seq
                    ),
                );
                self.send_release_for_conn(&conn, Cause::Nas(3));
                return;
            }
        };
        match plain {
            NasMessage::Emm(EmmMessage::AttachRequest(req)) => {
                self.start_attach(now, conn, req);
            }
            NasMessage::Emm(EmmMessage::DetachRequestUeOriginating(d)) => {
                let Some(id) = self.find_by_identity(&d.eps_mobile_identity) else {
                    self.note(
                        None,
                        format!(
                            "Detach Request from unknown UE {}: nothing to detach",
                            d.eps_mobile_identity
                        ),
                    );
                    if !d.detach_type.switch_off {
                        let acc = NasMessage::Emm(EmmMessage::DetachAccept(DetachAccept {
                            other_ies: vec![],
                        }));
                        self.send_downlink_nas_conn(&conn, acc.encode());
                    }
                    self.send_release_for_conn(&conn, Cause::NAS_DETACH);
                    return;
                };
                self.attach_conn(id, conn);
                if let Some(p) = protected
                    && !self.verify_initial(id, &p)
                {
                    return;
                }
                self.handle_detach_request(now, id, d);
            }
            NasMessage::Emm(EmmMessage::TrackingAreaUpdateRequest(t)) => {
                self.handle_tau_request(now, conn, t, protected, false);
            }
            other => {
                self.count("nas_unexpected");
                self.note(
                    None,
                    format!(
                        "{} cannot open a NAS signalling connection; releasing it",
                        other.name()
                    ),
                );
                self.send_release_for_conn(&conn, Cause::Nas(3));
            }
        }
    }

    /// Verifies an integrity protected initial message with the UE's
    /// current context; on success secure exchange exists on the new
    /// connection (TS 24.301 4.4.4.3).
    pub(super) fn verify_initial(
        &mut self,
        id: UeId,
        p: &crate::codec::nas::SecurityProtected,
    ) -> bool {
        let Some(ue) = self.ues.get_mut(&id) else {
            return false;
        };
        let imsi = ue.imsi_value();
        let Some(sec) = ue.security.as_mut() else {
            return true;
        };
        match sec.unprotect(p) {
            Ok(_) => {
                ue.secured = true;
                true
            }
            Err(e) => {
                self.security_drop(imsi, "the initial NAS message", &e);
                false
            }
        }
    }

    /// Counts and explains a message dropped by the security checks.
    fn security_drop(&mut self, imsi: Option<u64>, what: &str, e: &NasSecurityError) {
        let who = imsi.map_or_else(
            || "an unidentified UE".to_string(),
            |i| format!("IMSI {i:015}"),
        );
        match e {
            NasSecurityError::BadMac { .. } => self.count("nas_bad_mac"),
            NasSecurityError::Replay { .. } => self.count("nas_replay"),
            _ => self.count("nas_security_errors"),
        }
        self.note(imsi, format!("dropped {what} from {who}: {e}"));
    }

    /// An uplink NAS message on an existing connection (Uplink NAS
    /// Transport). Every protected message is verified (MAC, then replay);
    /// plain ones are only accepted as TS 24.301 4.4.4.3 allows.
    pub(super) fn handle_uplink_nas(&mut self, now: Time, id: UeId, bytes: &[u8]) {
        let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
        let msg = match nas::decode_for(bytes, Direction::Uplink) {
            Ok(m) => m,
            Err(e) => {
                self.count("nas_decode_errors");
                self.note(
                    imsi,
                    format!("dropped an uplink NAS message ({}): {e}", nas_head(bytes)),
                );
                return;
            }
        };
        let (plain, verified) = match msg {
            NasMessage::Protected(p) => {
                let name = match p.inner_plain_for(Direction::Uplink) {
                    Ok(m) if !p.is_ciphered() || self.is_eea0(id) => m.name(),
                    _ => "a protected NAS message",
                };
                let Some(ue) = self.ues.get_mut(&id) else {
                    return;
                };
                let Some(sec) = ue.security.as_mut() else {
                    self.count("nas_security_errors");
                    self.note(
                        imsi,
                        format!(
                            "dropped {name}: it is protected but no security context exists yet"
                        ),
                    );
                    return;
                };
                let inner = match sec.unprotect(&p) {
                    Ok(inner) => inner,
                    Err(e) => {
                        self.security_drop(imsi, name, &e);
                        return;
                    }
                };
                match nas::decode_for(&inner, Direction::Uplink) {
                    Ok(m @ (NasMessage::Emm(_) | NasMessage::Esm(_))) => (m, true),
                    Ok(_) => {
                        self.count("nas_decode_errors");
                        self.note(
                            imsi,
                            "dropped a protected message nesting another protected one",
                        );
                        return;
                    }
                    Err(e) => {
                        self.count("nas_decode_errors");
                        self.note(imsi, format!("dropped a protected NAS message: {e}"));
                        return;
                    }
                }
            }
            NasMessage::ServiceRequest(_) => {
                self.count("service_request_unsupported");
                self.note(imsi, "Service Request on an existing connection ignored");
                return;
            }
            m => (m, false),
        };
        if !verified {
            let secured = self.ues.get(&id).is_some_and(|u| u.secured);
            if secured || !allowed_unprotected(&plain) {
                self.count("nas_unprotected_dropped");
                let why = if secured {
                    "secure exchange of NAS messages is established, so only integrity protected messages count (TS 24.301 4.4.4.3)"
                } else {
                    "TS 24.301 4.4.4.3 does not allow it without integrity protection"
                };
                self.note(imsi, format!("dropped plain {}: {why}", plain.name()));
                return;
            }
        }
        match plain {
            NasMessage::Emm(m) => self.handle_emm(now, id, m, verified),
            NasMessage::Esm(m) => self.handle_esm(now, id, m),
            _ => {}
        }
    }

    fn is_eea0(&self, id: UeId) -> bool {
        self.ues
            .get(&id)
            .and_then(|u| u.security.as_ref())
            .is_some_and(|s| s.ciphering == NasCiphering::Eea0)
    }

    /// Notes a message that does not fit the UE's state.
    pub(super) fn unexpected(&mut self, id: UeId, what: &str) {
        let (imsi, state) = self
            .ues
            .get(&id)
            .map_or((None, "no context"), |u| (u.imsi_value(), u.emm.name()));
        self.count("nas_unexpected");
        self.note(imsi, format!("ignored {what}: unexpected in {state}"));
    }

    /// Whether UE `id` is attaching and its attach is where `at` says.
    pub(super) fn attach_at(&self, id: UeId, at: impl FnOnce(&Attach) -> bool) -> bool {
        self.ues.get(&id).and_then(|u| u.attach()).is_some_and(at)
    }
}

/// What a NAS PDU that does not decode looks like: its message type when
/// the header says, and its first octets.
fn nas_head(b: &[u8]) -> String {
    let name = match b {
        [h, t, ..] if h & 0x0f == nas::PD_EMM && h >> 4 == 0 => {
            EmmMessage::name_for_type(*t).unwrap_or("unknown EMM message")
        }
        [h, _, t, ..] if h & 0x0f == nas::PD_ESM => {
            crate::codec::nas::EsmBody::name_for_type(*t).unwrap_or("unknown ESM message")
        }
        _ => "NAS",
    };
    let head = &b[..b.len().min(8)];
    format!(
        "{name}, {}{}",
        crate::codec::hex(head),
        if b.len() > 8 { "..." } else { "" }
    )
}
