//! The UE's NAS transport: the receive path (decode, integrity check,
//! replay check, the list of messages a UE may take unprotected) and the
//! send path (protected once a security context exists).

use super::Ue;
use crate::codec::nas::emm::Direction as NasDirection;
use crate::codec::nas::ie::{IdentityType2, SecurityHeaderType};
use crate::codec::nas::{self, EmmMessage, NasMessage, SecurityProtected};
use crate::nodes::nas_security::NasSecurityError;

impl Ue {
    /// Sends a plain NAS message: unprotected before NAS security, then
    /// integrity protected and ciphered (TS 24.301 4.4.5); an initial NAS
    /// message on a new RRC connection is integrity protected only.
    pub(super) fn send_nas(&mut self, plain: NasMessage) {
        let name = plain.name();
        let bytes = match self.sec.as_mut() {
            None => plain.encode(),
            Some(sec) => {
                let header = if self.ecm_connected {
                    SecurityHeaderType::IntegrityProtectedCiphered
                } else {
                    SecurityHeaderType::IntegrityProtected
                };
                match sec.protect(&plain.encode(), header) {
                    Ok(b) => b,
                    Err(e) => {
                        self.count("nas_protect_error");
                        self.note(format!("could not send {name}: {e}"));
                        return;
                    }
                }
            }
        };
        self.send_on_radio(bytes);
    }

    /// A NAS PDU from the network.
    pub(super) fn handle_nas(&mut self, bytes: &[u8]) {
        let msg = match nas::decode_for(bytes, NasDirection::Downlink) {
            Ok(m) => m,
            Err(e) => {
                self.count("nas_decode_error");
                self.note(format!("dropped a downlink NAS message: {e}"));
                return;
            }
        };
        match msg {
            NasMessage::Protected(p) => self.handle_protected(&p),
            NasMessage::Emm(m) => self.handle_plain_emm(m),
            NasMessage::Esm(m) => {
                self.count("nas_unprotected_dropped");
                self.note(format!(
                    "dropped plain {}: ESM messages must be integrity protected (TS 24.301 4.4.4.2)",
                    m.name()
                ));
            }
            NasMessage::ServiceRequest(_) => {
                self.count("nas_unexpected");
                self.note("dropped a Service Request: that is an uplink message");
            }
        }
    }

    fn handle_protected(&mut self, p: &SecurityProtected) {
        let name = p
            .inner_plain()
            .map_or("a ciphered NAS message", |m| m.name());
        if p.header_type == SecurityHeaderType::IntegrityProtectedNewContext
            && let Ok(NasMessage::Emm(EmmMessage::SecurityModeCommand(smc))) =
                p.inner_plain_for(NasDirection::Downlink)
        {
            self.handle_security_mode_command(p, smc);
            return;
        }
        let Some(sec) = self.sec.as_mut() else {
            self.count("nas_no_context");
            self.note(format!(
                "dropped protected {name}: the UE has no NAS security context"
            ));
            return;
        };
        let inner = match sec.unprotect(p) {
            Ok(inner) => inner,
            Err(e) => {
                // TS 24.301 4.4.4.2: discard what fails the integrity check.
                let counter = match e {
                    NasSecurityError::BadMac { .. } => "nas_bad_mac",
                    NasSecurityError::Replay { .. } => "nas_replay",
                    _ => "nas_security_error",
                };
                self.count(counter);
                self.note(format!("dropped {name}: {e}"));
                return;
            }
        };
        match nas::decode_for(&inner, NasDirection::Downlink) {
            Ok(NasMessage::Emm(m)) => self.handle_emm(m),
            Ok(NasMessage::Esm(m)) => self.handle_esm(m),
            Ok(other) => {
                self.count("nas_unexpected");
                self.note(format!(
                    "dropped {}: not a plain message inside protection",
                    other.name()
                ));
            }
            Err(e) => {
                self.count("nas_decode_error");
                self.note(format!(
                    "dropped a protected NAS message: inner message: {e}"
                ));
            }
        }
    }

    /// Plain EMM messages: only those TS 24.301 4.4.4.2 lets a UE process
    /// without integrity protection.
    fn handle_plain_emm(&mut self, m: EmmMessage) {
        let allowed = match &m {
            EmmMessage::AuthenticationRequest(_)
            | EmmMessage::AuthenticationReject(_)
            | EmmMessage::AttachReject(_)
            | EmmMessage::DetachAccept(_)
            | EmmMessage::TrackingAreaUpdateReject(_) => true,
            EmmMessage::IdentityRequest(r) => r.identity_type == IdentityType2::Imsi,
            _ => false,
        };
        if !allowed {
            self.count("nas_unprotected_dropped");
            self.note(format!(
                "dropped plain {}: it must be integrity protected (TS 24.301 4.4.4.2)",
                m.name()
            ));
            return;
        }
        self.handle_emm(m);
    }

    fn handle_emm(&mut self, m: EmmMessage) {
        match m {
            EmmMessage::AuthenticationRequest(r) => self.handle_authentication_request(r),
            EmmMessage::AuthenticationReject(_) => self.handle_authentication_reject(),
            EmmMessage::IdentityRequest(r) => self.handle_identity_request(r),
            EmmMessage::AttachAccept(a) => self.handle_attach_accept(a),
            EmmMessage::AttachReject(r) => self.handle_attach_reject(r),
            EmmMessage::DetachAccept(_) => self.handle_detach_accept(),
            EmmMessage::DetachRequestUeTerminated(d) => self.handle_network_detach(d),
            EmmMessage::EmmInformation(i) => {
                let name = i
                    .full_name
                    .or(i.short_name)
                    .map(|n| n.decode_text())
                    .unwrap_or_default();
                self.note(format!("EMM Information: network name \"{name}\""));
            }
            EmmMessage::EmmStatus(s) => {
                self.count("emm_status_received");
                self.note(format!("the network sent EMM Status {}", s.emm_cause));
            }
            other => {
                self.count("nas_unexpected");
                self.note(format!("ignored {}: not handled by this UE", other.name()));
            }
        }
    }
}
