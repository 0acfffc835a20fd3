//! EPS mobility management, UE side (TS 24.301 5): the EMM states and the
//! attach, authentication, security mode control, identification and detach
//! procedures.

use super::timers::{MAX_TRIES, Timer};
use super::usim::AuthAnswer;
use super::{Goal, Ue};
use crate::codec::hex;
use crate::codec::nas::emm::{
    AttachAccept, AttachComplete, AttachReject, AttachRequest, AuthenticationFailure,
    AuthenticationRequest, AuthenticationResponse, DetachAccept, DetachRequestUeOriginating,
    DetachRequestUeTerminated, IdentityRequest, IdentityResponse, SecurityModeCommand,
    SecurityModeComplete, SecurityModeReject,
};
use crate::codec::nas::ie::{
    self, DetachType, EmmCause, EpsAttachType, EpsMobileIdentity, Guti, IdentityType2,
    ImeisvRequest, MobileIdentity, NasKsi, NetworkDetachType, RawIe, SecurityHeaderType, Tai,
    UeDetachKind,
};
use crate::codec::nas::{EmmMessage, EsmBody, NasMessage, SecurityProtected};
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::crypto::{Autn, Direction, Rand};
use crate::nodes::nas_security::{NasSecurity, NasSecurityError};

/// The UE's EMM state (TS 24.301 5.1.3.2), with what each state needs.
#[derive(Debug, Clone)]
pub(super) enum EmmState {
    /// EMM-DEREGISTERED.
    Deregistered,
    /// EMM-REGISTERED-INITIATED: an attach is running.
    RegisteredInitiated(Attaching),
    /// EMM-REGISTERED.
    Registered(Registration),
    /// EMM-DEREGISTERED-INITIATED: a UE-originated detach is running.
    DeregisteredInitiated {
        /// Detach Requests sent so far.
        tries: u8,
    },
}

impl EmmState {
    /// The state's name as TS 24.301 writes it.
    pub(super) fn name(&self) -> &'static str {
        match self {
            Self::Deregistered => "EMM-DEREGISTERED",
            Self::RegisteredInitiated(_) => "EMM-REGISTERED-INITIATED",
            Self::Registered(_) => "EMM-REGISTERED",
            Self::DeregisteredInitiated { .. } => "EMM-DEREGISTERED-INITIATED",
        }
    }
}

/// A running attach.
#[derive(Debug, Clone)]
pub(super) struct Attaching {
    /// Attach Requests sent so far.
    pub(super) tries: u8,
    /// The plain Attach Request, sent again when T3410 expires.
    pub(super) request: Vec<u8>,
    /// S-TMSI for the RRC connection when attaching with a GUTI.
    pub(super) s_tmsi: Option<(u8, u32)>,
    /// The last step reached, for failure reasons.
    pub(super) step: String,
    /// What the UE last answered to an Authentication Request.
    pub(super) auth_answer: Option<String>,
}

/// What the network gave the UE at attach.
#[derive(Debug, Clone)]
pub(super) struct Registration {
    /// GUTI.
    pub(super) guti: Option<Guti>,
    /// Tracking areas the UE may move in without an update.
    pub(super) tai_list: Vec<Tai>,
    /// Periodic TAU timer, seconds (None = deactivated).
    pub(super) t3412: Option<u32>,
}

/// "#15 no suitable cells in tracking area": the cause number and the
/// spec's words, lower-cased at the start.
pub(super) fn cause_words(value: u8, text: &str) -> String {
    let mut c = text.chars();
    let words = match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    };
    format!("#{value} {words}")
}

fn emm_cause_words(c: EmmCause) -> String {
    cause_words(c.to_u8(), c.text())
}

impl Ue {
    fn attach_step(&mut self, step: impl Into<String>) {
        if let EmmState::RegisteredInitiated(a) = &mut self.emm {
            a.step = step.into();
        }
    }

    /// Sends a plain EMM message (before security) or a protected one.
    fn send_emm(&mut self, m: impl Into<EmmMessage>) {
        self.send_nas(NasMessage::Emm(m.into()));
    }

    // ---------------------------------------------------------------------
    // Attach (TS 24.301 5.5.1.2)
    // ---------------------------------------------------------------------

    pub(super) fn command_attach(&mut self) {
        match self.emm {
            EmmState::Deregistered => {}
            _ => {
                self.note(format!("ignored Attach: the UE is {}", self.emm.name()));
                return;
            }
        }
        if self.apns.is_empty() {
            self.failure = Some("the UE has no APN to request at attach".into());
            self.goal = Goal::Attached;
            return;
        }
        self.goal = Goal::Attached;
        self.wanted = self.apns.clone();
        self.failure = None;
        self.esm.reset();
        self.timers.clear();
        // A new attach starts without a security context: KSI 7 below.
        self.sec = None;
        self.pending_key = None;
        let first = self.apns[0].clone();
        let pdn_request = self
            .esm
            .start_connect(&first, true, self.pco_request(&first));
        let identity = match self.guti {
            Some(g) => EpsMobileIdentity::Guti(g),
            None => EpsMobileIdentity::Imsi(self.imsi.clone()),
        };
        let s_tmsi = self.guti.map(|g| (g.mme_code, g.m_tmsi));
        let request = AttachRequest {
            eps_attach_type: EpsAttachType::EpsAttach,
            nas_ksi: NasKsi::NO_KEY,
            eps_mobile_identity: identity,
            ue_network_capability: self.network_capability(),
            esm_message_container: pdn_request,
            additional_guti: None,
            last_visited_tai: None,
            voice_domain_preference: None,
            old_guti_type: None,
            // DRX parameter (TS 24.008 10.5.5.6): split PG cycle code 0,
            // DRX value not specified, no non-DRX timer.
            other_ies: vec![RawIe::tv(0, 0x5C, &[0x00, 0x00])],
        };
        let bytes = NasMessage::Emm(request.into()).encode();
        self.emm = EmmState::RegisteredInitiated(Attaching {
            tries: 1,
            request: bytes.clone(),
            s_tmsi,
            step: "sent Attach Request".into(),
            auth_answer: None,
        });
        self.connect(bytes, s_tmsi);
        self.timers.start(Timer::T3410, self.now);
    }

    /// T3410 expired: the attach attempt is aborted and started again on a
    /// new RRC connection, up to the attempt limit (TS 24.301 5.5.1.2.6).
    pub(super) fn on_t3410(&mut self) {
        if !matches!(self.emm, EmmState::RegisteredInitiated(_)) {
            return;
        }
        self.count("t3410_expiry");
        let EmmState::RegisteredInitiated(a) = &mut self.emm else {
            return;
        };
        if a.tries >= MAX_TRIES {
            let reason = format!(
                "no Attach Accept after {} tries (T3410); the attach stopped after the UE {}",
                a.tries, a.step
            );
            self.note(reason.clone());
            self.failure = Some(reason);
            self.abort_to_deregistered();
            return;
        }
        a.tries += 1;
        let (bytes, s_tmsi, tries) = (a.request.clone(), a.s_tmsi, a.tries);
        a.step = "sent Attach Request".into();
        self.sec = None;
        self.pending_key = None;
        self.note(format!(
            "T3410 expired: Attach Request sent again (try {tries} of {MAX_TRIES})"
        ));
        self.connect(bytes, s_tmsi);
        self.timers.start(Timer::T3410, self.now);
    }

    fn abort_to_deregistered(&mut self) {
        self.emm = EmmState::Deregistered;
        self.timers.clear();
        self.esm.reset();
        self.sec = None;
        self.pending_key = None;
    }

    pub(super) fn handle_attach_accept(&mut self, m: AttachAccept) {
        if !matches!(self.emm, EmmState::RegisteredInitiated(_)) {
            self.count("nas_unexpected");
            self.note(format!(
                "ignored Attach Accept: the UE is {}",
                self.emm.name()
            ));
            return;
        }
        self.timers.stop(Timer::T3410);
        let esm = m.esm_message_container;
        let reply = match &esm.body {
            EsmBody::ActivateDefaultEpsBearerContextRequest(r) => {
                self.activate_default_bearer(esm.ebi, esm.pti, r, true)
            }
            _ => None,
        };
        let Some(reply) = reply else {
            let reason = format!(
                "Attach Accept carried {} instead of an Activate Default EPS Bearer Context Request for the attach",
                esm.name()
            );
            self.note(reason.clone());
            self.failure = Some(reason);
            self.abort_to_deregistered();
            return;
        };
        if let Some(g) = m.guti {
            self.guti = Some(g);
        }
        let reg = Registration {
            guti: self.guti,
            tai_list: m.tai_list.tais(),
            t3412: m.t3412.seconds(),
        };
        self.note(format!(
            "attached: {}, TAI list [{}], T3412 {}",
            reg.guti
                .map_or_else(|| "no GUTI".to_string(), |g| format!("GUTI {g}")),
            reg.tai_list
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            reg.t3412
                .map_or_else(|| "deactivated".to_string(), |s| format!("{s} s"))
        ));
        self.emm = EmmState::Registered(reg);
        let accepted = matches!(
            reply.body,
            EsmBody::ActivateDefaultEpsBearerContextAccept(_)
        );
        self.send_emm(AttachComplete {
            esm_message_container: reply,
            other_ies: Vec::new(),
        });
        if accepted {
            self.open_next_apn();
        }
    }

    pub(super) fn handle_attach_reject(&mut self, m: AttachReject) {
        if !matches!(self.emm, EmmState::RegisteredInitiated(_)) {
            self.count("nas_unexpected");
            self.note(format!(
                "ignored Attach Reject: the UE is {}",
                self.emm.name()
            ));
            return;
        }
        let mut reason = format!("Attach Reject {}", emm_cause_words(m.emm_cause));
        if let Some(esm) = &m.esm_message_container
            && let EsmBody::PdnConnectivityReject(r) = &esm.body
        {
            let apn = self.apns.first().cloned().unwrap_or_default();
            reason.push_str(&format!(
                ": PDN Connectivity Reject for {apn}: {}",
                cause_words(r.esm_cause.to_u8(), r.esm_cause.text())
            ));
        }
        self.note(reason.clone());
        self.failure = Some(reason);
        self.abort_to_deregistered();
    }

    // ---------------------------------------------------------------------
    // Authentication (TS 24.301 5.4.2, TS 33.401 6.1)
    // ---------------------------------------------------------------------

    pub(super) fn handle_authentication_request(&mut self, m: AuthenticationRequest) {
        if matches!(self.emm, EmmState::Deregistered) {
            self.count("nas_unexpected");
            self.note("ignored Authentication Request: the UE is not attaching");
            return;
        }
        let rand = Rand::new(m.rand.0);
        let autn = Autn::new(m.autn.0);
        let ksi = m.nas_ksi.value;
        match self.usim.authenticate(&rand, &autn, &self.sn_id) {
            AuthAnswer::Accepted { res, kasme } => {
                if self.show_keys {
                    self.note(format!(
                        "AKA: RES {} and KASME {} for KSI {ksi}",
                        hex(res.as_bytes()),
                        hex(kasme.as_bytes())
                    ));
                }
                self.pending_key = Some((ksi, kasme));
                self.attach_step("answered Authentication Request with RES");
                self.set_auth_answer("the UE's Authentication Response (RES)");
                self.send_emm(AuthenticationResponse {
                    res: ie::Res(res.as_bytes().to_vec()),
                    other_ies: Vec::new(),
                });
            }
            AuthAnswer::MacFailure => {
                self.count("auth_mac_failure");
                let why = "AUTN MAC check failed: the network does not know this USIM's K";
                self.note(why);
                self.attach_step(format!("sent Authentication Failure #20 ({why})"));
                self.set_auth_answer("Authentication Failure #20 (MAC failure)");
                self.send_emm(AuthenticationFailure {
                    emm_cause: EmmCause::MacFailure,
                    auts: None,
                    other_ies: Vec::new(),
                });
            }
            AuthAnswer::SynchFailure { auts } => {
                self.count("auth_synch_failure");
                self.note(format!(
                    "AUTN SQN is not fresh for this USIM (SQN_MS {}): asking the network to resynchronise with AUTS",
                    self.usim.sqn_ms()
                ));
                self.attach_step("sent Authentication Failure #21 (synch failure)");
                self.set_auth_answer("Authentication Failure #21 (synch failure)");
                self.send_emm(AuthenticationFailure {
                    emm_cause: EmmCause::SynchFailure,
                    auts: Some(ie::Auts(*auts.as_bytes())),
                    other_ies: Vec::new(),
                });
            }
            AuthAnswer::NotEutran => {
                self.count("auth_amf_not_eutran");
                let why = "AUTN's AMF separation bit is 0: the vector was not made for E-UTRAN (TS 33.401 6.1.1)";
                self.note(why);
                self.attach_step(format!("sent Authentication Failure #26 ({why})"));
                self.set_auth_answer(
                    "Authentication Failure #26 (non-EPS authentication unacceptable)",
                );
                self.send_emm(AuthenticationFailure {
                    emm_cause: EmmCause::NonEpsAuthenticationUnacceptable,
                    auts: None,
                    other_ies: Vec::new(),
                });
            }
        }
    }

    fn set_auth_answer(&mut self, what: &str) {
        if let EmmState::RegisteredInitiated(a) = &mut self.emm {
            a.auth_answer = Some(what.to_string());
        }
    }

    /// The network does not accept the UE (TS 24.301 5.4.2.5): the USIM is
    /// considered invalid; EMM-DEREGISTERED.
    pub(super) fn handle_authentication_reject(&mut self) {
        let after = match &self.emm {
            EmmState::RegisteredInitiated(a) => a
                .auth_answer
                .clone()
                .unwrap_or_else(|| "the Attach Request, before any authentication".into()),
            other => format!("nothing the UE sent (the UE was {})", other.name()),
        };
        let reason = format!("network sent Authentication Reject after {after}");
        self.note(reason.clone());
        self.failure = Some(reason);
        self.guti = None;
        self.abort_to_deregistered();
    }

    // ---------------------------------------------------------------------
    // Identification (TS 24.301 5.4.4)
    // ---------------------------------------------------------------------

    pub(super) fn handle_identity_request(&mut self, m: IdentityRequest) {
        let identity = match m.identity_type {
            IdentityType2::Imsi => MobileIdentity::Imsi(self.imsi.clone()),
            IdentityType2::ImeiSv => MobileIdentity::ImeiSv(self.imeisv.clone()),
            IdentityType2::Imei => MobileIdentity::Imei(imei_from_imeisv(&self.imeisv)),
            IdentityType2::Tmsi => match self.guti {
                Some(g) => MobileIdentity::Tmsi(g.m_tmsi),
                // "No identity" (TS 24.008 10.5.1.4, type 0).
                None => MobileIdentity::Other(vec![0xF0]),
            },
            IdentityType2::Other(_) => MobileIdentity::Other(vec![0xF0]),
        };
        self.attach_step(format!(
            "answered Identity Request ({})",
            m.identity_type.text()
        ));
        self.send_emm(IdentityResponse {
            mobile_identity: identity,
            other_ies: Vec::new(),
        });
    }

    // ---------------------------------------------------------------------
    // Security mode control (TS 24.301 5.4.3, TS 33.401 7.2.4.4)
    // ---------------------------------------------------------------------

    /// A Security Mode Command in header type 3: checked with the context it
    /// creates, then taken into use.
    pub(super) fn handle_security_mode_command(
        &mut self,
        p: &SecurityProtected,
        smc: SecurityModeCommand,
    ) {
        if matches!(self.emm, EmmState::Deregistered) {
            self.count("nas_unexpected");
            self.note("ignored Security Mode Command: the UE is not attached or attaching");
            return;
        }
        let alg = smc.selected_algorithms;
        let integrity = NasIntegrity::from_id(alg.integrity.0)
            .filter(|a| self.eia & (1 << a.id()) != 0 && a.is_implemented());
        let ciphering = NasCiphering::from_id(alg.ciphering.0)
            .filter(|a| self.eea & (1 << a.id()) != 0 && a.is_implemented());
        let (Some(integrity), Some(ciphering)) = (integrity, ciphering) else {
            return self.reject_security_mode(
                EmmCause::SecurityModeRejected,
                format!(
                    "Security Mode Command selects {} / {}, which this UE does not support",
                    alg.ciphering, alg.integrity
                ),
            );
        };
        let ksi = smc.nas_ksi.value;
        let kasme = match (&self.pending_key, &self.sec) {
            (Some((k, kasme)), _) if *k == ksi => kasme.clone(),
            (_, Some(s)) if s.ksi == ksi => s.kasme().clone(),
            _ => {
                return self.reject_security_mode(
                    EmmCause::SecurityModeRejected,
                    format!("Security Mode Command names KSI {ksi}, for which the UE has no KASME"),
                );
            }
        };
        let mut ctx = NasSecurity::new(kasme, ksi, integrity, ciphering, Direction::Uplink);
        if let Err(e) = ctx.unprotect(p) {
            if matches!(e, NasSecurityError::BadMac { .. }) {
                self.count("nas_bad_mac");
            }
            return self.reject_security_mode(
                EmmCause::SecurityModeRejected,
                format!("Security Mode Command not accepted: {e}"),
            );
        }
        let sent = self.network_capability();
        let replayed = &smc.replayed_ue_security_capabilities;
        if replayed.eea != sent.eea || replayed.eia != sent.eia || replayed.rest != sent.rest {
            self.count("smc_capability_mismatch");
            return self.reject_security_mode(
                EmmCause::UeSecurityCapabilitiesMismatch,
                format!(
                    "Security Mode Command replays UE security capabilities EEA 0x{:02x} EIA 0x{:02x}, but the UE sent EEA 0x{:02x} EIA 0x{:02x}",
                    replayed.eea, replayed.eia, sent.eea, sent.eia
                ),
            );
        }
        let imeisv = (smc.imeisv_request == Some(ImeisvRequest::Requested))
            .then(|| MobileIdentity::ImeiSv(self.imeisv.clone()));
        let complete = NasMessage::Emm(
            SecurityModeComplete {
                imeisv,
                other_ies: Vec::new(),
            }
            .into(),
        );
        let bytes = match ctx.protect(
            &complete.encode(),
            SecurityHeaderType::IntegrityProtectedCipheredNewContext,
        ) {
            Ok(b) => b,
            Err(e) => {
                return self.reject_security_mode(
                    EmmCause::SecurityModeRejected,
                    format!("cannot protect Security Mode Complete: {e}"),
                );
            }
        };
        self.note(format!(
            "NAS security on: {integrity} / {ciphering}, KSI {ksi}"
        ));
        self.sec = Some(ctx);
        self.pending_key = None;
        self.attach_step("completed Security Mode Command");
        self.send_on_radio(bytes);
    }

    fn reject_security_mode(&mut self, cause: EmmCause, why: String) {
        self.count("smc_rejected");
        self.note(format!(
            "{why}: Security Mode Reject {}",
            emm_cause_words(cause)
        ));
        self.attach_step(format!("rejected the Security Mode Command ({why})"));
        // The reject goes out unprotected: the command's context was not
        // taken into use (TS 24.301 5.4.3.5).
        let m = NasMessage::Emm(
            SecurityModeReject {
                emm_cause: cause,
                other_ies: Vec::new(),
            }
            .into(),
        );
        self.send_on_radio(m.encode());
    }

    // ---------------------------------------------------------------------
    // Detach (TS 24.301 5.5.2)
    // ---------------------------------------------------------------------

    pub(super) fn command_detach(&mut self) {
        if !matches!(self.emm, EmmState::Registered(_)) {
            self.note(format!("ignored Detach: the UE is {}", self.emm.name()));
            return;
        }
        self.goal = Goal::Detached;
        self.wanted.clear();
        self.emm = EmmState::DeregisteredInitiated { tries: 1 };
        self.send_detach_request();
    }

    fn send_detach_request(&mut self) {
        let identity = match self.guti {
            Some(g) => EpsMobileIdentity::Guti(g),
            None => EpsMobileIdentity::Imsi(self.imsi.clone()),
        };
        let ksi = self
            .sec
            .as_ref()
            .map_or(NasKsi::NO_KEY, |s| NasKsi::native(s.ksi));
        self.send_emm(DetachRequestUeOriginating {
            detach_type: DetachType {
                switch_off: false,
                kind: UeDetachKind::EpsDetach,
            },
            nas_ksi: ksi,
            eps_mobile_identity: identity,
            other_ies: Vec::new(),
        });
        self.timers.start(Timer::T3421, self.now);
    }

    /// T3421 expired: Detach Request again; on the fifth expiry the UE
    /// detaches locally (TS 24.301 5.5.2.2.4).
    pub(super) fn on_t3421(&mut self) {
        if !matches!(self.emm, EmmState::DeregisteredInitiated { .. }) {
            return;
        }
        self.count("t3421_expiry");
        let EmmState::DeregisteredInitiated { tries } = &mut self.emm else {
            return;
        };
        if *tries >= MAX_TRIES {
            let n = *tries;
            self.note(format!(
                "no Detach Accept after {n} tries (T3421): detached locally"
            ));
            self.abort_to_deregistered();
            return;
        }
        *tries += 1;
        let n = *tries;
        self.note(format!(
            "T3421 expired: Detach Request sent again (try {n} of {MAX_TRIES})"
        ));
        self.send_detach_request();
    }

    pub(super) fn handle_detach_accept(&mut self) {
        if !matches!(self.emm, EmmState::DeregisteredInitiated { .. }) {
            self.count("nas_unexpected");
            self.note(format!(
                "ignored Detach Accept: the UE is {}",
                self.emm.name()
            ));
            return;
        }
        self.note("detached");
        self.abort_to_deregistered();
    }

    /// Network-initiated detach (TS 24.301 5.5.2.3): accept, then
    /// EMM-DEREGISTERED; re-attach after the release if asked to.
    pub(super) fn handle_network_detach(&mut self, m: DetachRequestUeTerminated) {
        if matches!(self.emm, EmmState::Deregistered) {
            self.count("nas_unexpected");
            self.note("ignored the network's Detach Request: the UE is not attached");
            return;
        }
        let cause = m
            .emm_cause
            .map(|c| format!(", {}", emm_cause_words(c)))
            .unwrap_or_default();
        self.send_emm(DetachAccept {
            other_ies: Vec::new(),
        });
        let reattach = m.detach_type == NetworkDetachType::ReattachRequired;
        let text = format!("network detached the UE ({}{cause})", m.detach_type.text());
        self.note(text.clone());
        let goal = self.goal;
        self.abort_to_deregistered();
        if reattach && goal == Goal::Attached {
            self.reattach_on_release = true;
        } else if goal == Goal::Attached {
            self.failure = Some(text);
        }
    }
}

/// The IMEI (14 digits and the Luhn check digit, TS 23.003 6.2.1) of an
/// IMEISV (TAC, SNR, SVN).
fn imei_from_imeisv(imeisv: &str) -> String {
    let body: String = imeisv.chars().take(14).collect();
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap_or(0);
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cause_words_lowercase_the_first_letter() {
        assert_eq!(
            cause_words(27, "Missing or unknown APN"),
            "#27 missing or unknown APN"
        );
        assert_eq!(
            emm_cause_words(EmmCause::NoSuitableCellsInTa),
            "#15 no Suitable Cells In tracking area"
        );
    }

    #[test]
    fn imei_check_digit_follows_luhn() {
        assert_eq!(imei_from_imeisv("4901542032375101"), "490154203237518");
    }
}
