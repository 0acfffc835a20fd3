//! The I-CSCF's Cx queries: User-Authorization for REGISTER (TS 24.229
//! 5.3.1.2, TS 29.228 6.1.1) and Location-Info for other requests
//! (TS 24.229 5.3.2.1, TS 29.228 6.1.4), and what their answers mean for
//! the SIP request waiting on them.

use super::{ICscf, Query, QueryKind};
use crate::codec::diameter::Message;
use crate::codec::diameter::base::{AuthSessionState, VendorSpecificApplicationId};
use crate::codec::diameter::cx::{Lia, Lir, ServerCapabilities, Uaa, Uar, UserAuthorizationType};
use crate::codec::diameter::dict::{APP_CX, VENDOR_3GPP};
use crate::codec::diameter::result::{self, cx as cx_result};
use crate::codec::sip::SipMessage;
use crate::nodes::sip_proxy::{aor, impi_of, is_deregistration};
use crate::nodes::{Iface, NodeId, Time};

/// The SIP answer to a refused UAR (TS 24.229 5.3.1.2): 403 (Forbidden)
/// when the HSS says the user may not register here (unknown user,
/// identities that do not match, roaming not allowed, authorization
/// rejected); 480 (Temporarily Unavailable) when the HSS could not answer
/// (any other error, or no answer at all).
pub fn uaa_error_status(code: u32, experimental: bool) -> u16 {
    match (experimental, code) {
        (true, cx_result::DIAMETER_ERROR_USER_UNKNOWN)
        | (true, cx_result::DIAMETER_ERROR_IDENTITIES_DONT_MATCH)
        | (true, cx_result::DIAMETER_ERROR_ROAMING_NOT_ALLOWED)
        | (true, cx_result::DIAMETER_ERROR_IDENTITY_NOT_REGISTERED)
        | (false, result::DIAMETER_AUTHORIZATION_REJECTED) => 403,
        _ => 480,
    }
}

/// The SIP answer to a refused LIR (TS 24.229 5.3.2.1): 404 (Not Found)
/// for a user the HSS does not know, 480 (Temporarily Unavailable) for one
/// that is not registered or when the HSS could not answer.
pub fn lia_error_status(code: u32, experimental: bool) -> u16 {
    match (experimental, code) {
        (true, cx_result::DIAMETER_ERROR_USER_UNKNOWN) => 404,
        _ => 480,
    }
}

/// Result-Code or Experimental-Result-Code of an answer, with its name.
fn outcome(msg: &Message) -> (u32, bool, String) {
    match (msg.result_code(), msg.experimental_result()) {
        (Some(c), _) => (
            c,
            false,
            result::result_code_name(c).unwrap_or("").to_string(),
        ),
        (None, Some((_, c))) => (c, true, cx_result::name(c).unwrap_or("").to_string()),
        (None, None) => (0, false, "no result code".into()),
    }
}

impl ICscf {
    fn vsai() -> VendorSpecificApplicationId {
        VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
    }

    /// REGISTER -> UAR (TS 24.229 5.3.1.2): the public identity in To, the
    /// private one from Authorization (or derived), the visited network from
    /// P-Visited-Network-ID, and DE_REGISTRATION when the REGISTER removes
    /// every binding.
    pub(super) fn send_uar(&mut self, now: Time, from: NodeId, msg: SipMessage) {
        let imsi = self.subs.imsi_of(&msg);
        let (Ok(to), Some(impi)) = (msg.to(), impi_of(&msg)) else {
            self.out.note(
                imsi,
                format!(
                    "answered {} with 400: no public or private identity",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 400, imsi);
        };
        let impu = aor(&to.uri);
        let Some(hss) = self.cx.hss else {
            self.out.bump("cx_errors");
            self.out.note(
                imsi,
                format!("answered REGISTER for {impu} with 480: this I-CSCF has no HSS"),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        let visited = msg
            .p_visited_network_id()
            .ok()
            .and_then(|v| v.into_iter().next())
            .map(|v| v.network)
            .or_else(|| to.uri.as_sip().map(|u| u.host.clone()))
            .unwrap_or_default();
        let kind = if is_deregistration(&msg) {
            UserAuthorizationType::DeRegistration
        } else {
            UserAuthorizationType::Registration
        };
        let uar = Uar {
            session_id: self.cx.session_id(),
            vendor_specific_application_id: Self::vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.cx.local().host.clone(),
            origin_realm: self.cx.local().realm.clone(),
            destination_realm: self.cx.hss_realm(),
            user_name: impi,
            public_identity: impu.clone(),
            visited_network_identifier: visited.into_bytes(),
            user_authorization_type: Some(kind),
            ..Default::default()
        };
        let q = Query {
            kind: QueryKind::Uar,
            request: msg,
            from,
            impu,
            imsi,
        };
        if let Some(b) = self.cx.request(now, q, |h, e| uar.encode(h, e)) {
            self.out.send(Iface::Cx, hss, b, imsi);
        }
    }

    /// UAA: forward the REGISTER to the S-CSCF, or answer it.
    pub(super) fn handle_uaa(&mut self, now: Time, msg: &Message, q: Query) {
        let uaa = match Uaa::from_message(msg) {
            Ok(u) => u,
            Err(e) => {
                self.out.bump("decode_errors");
                self.out.note(
                    q.imsi,
                    format!(
                        "answered REGISTER for {} with 480: undecodable UAA ({e})",
                        q.impu
                    ),
                );
                return self.respond(q.from, &q.request, 480, q.imsi);
            }
        };
        let (code, experimental, name) = outcome(msg);
        if !result::is_success(code) {
            let status = uaa_error_status(code, experimental);
            self.out.bump("cx_errors");
            self.out.note(
                q.imsi,
                format!(
                    "UAA for {} said {code} {name}: answered REGISTER with {status} {}",
                    q.impu,
                    crate::codec::sip::reason_phrase(status)
                ),
            );
            return self.respond(q.from, &q.request, status, q.imsi);
        }
        match self.choose(uaa.server_name.as_deref(), uaa.server_capabilities.as_ref()) {
            Some((server, node)) => {
                self.out.note(
                    q.imsi,
                    format!(
                        "UAA for {} ({code} {name}): REGISTER goes to {server}",
                        q.impu
                    ),
                );
                self.forward(now, q, &server, node);
            }
            None => self.no_scscf(q),
        }
    }

    /// The S-CSCF for a UAA/LIA: the Server-Name when it is a known CSCF,
    /// else the first of our S-CSCFs the capabilities name, else our first
    /// S-CSCF when the capabilities name none (TS 24.229 5.3.1.2).
    fn choose(
        &self,
        name: Option<&str>,
        caps: Option<&ServerCapabilities>,
    ) -> Option<(String, NodeId)> {
        if let Some(n) = name {
            let uri = crate::codec::sip::Uri::parse(n).ok()?;
            return self.dir.node_of(&uri).map(|node| (n.to_string(), node));
        }
        let names = caps.map(|c| c.server_name.as_slice()).unwrap_or_default();
        if names.is_empty() {
            return self.scscfs.first().cloned();
        }
        self.scscfs
            .iter()
            .find(|(n, _)| names.iter().any(|c| c.eq_ignore_ascii_case(n)))
            .cloned()
    }

    /// No S-CSCF to send to: 600 (Busy Everywhere) (TS 24.229 5.3.1.2).
    fn no_scscf(&mut self, q: Query) {
        self.out.bump("no_scscf");
        self.out.note(
            q.imsi,
            format!(
                "no S-CSCF can serve {}: answered {} with 600 Busy Everywhere",
                q.impu,
                q.request.summary()
            ),
        );
        self.respond(q.from, &q.request, 600, q.imsi);
    }

    /// A request for a user of this network -> LIR (TS 24.229 5.3.2.1): the
    /// public identity is the Request-URI.
    pub(super) fn send_lir(&mut self, now: Time, from: NodeId, msg: SipMessage) {
        let imsi = self.subs.imsi_of(&msg);
        let Some(uri) = msg.request_uri().cloned() else {
            return;
        };
        let impu = aor(&uri);
        let Some(hss) = self.cx.hss else {
            self.out.bump("cx_errors");
            self.out.note(
                imsi,
                format!(
                    "answered {} with 480: this I-CSCF has no HSS",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        let lir = Lir {
            session_id: self.cx.session_id(),
            vendor_specific_application_id: Self::vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.cx.local().host.clone(),
            origin_realm: self.cx.local().realm.clone(),
            destination_realm: self.cx.hss_realm(),
            public_identity: impu.clone(),
            ..Default::default()
        };
        let q = Query {
            kind: QueryKind::Lir,
            request: msg,
            from,
            impu,
            imsi,
        };
        if let Some(b) = self.cx.request(now, q, |h, e| lir.encode(h, e)) {
            self.out.send(Iface::Cx, hss, b, imsi);
        }
    }

    /// LIA: forward the request to the serving S-CSCF, or answer it.
    pub(super) fn handle_lia(&mut self, now: Time, msg: &Message, q: Query) {
        let lia = match Lia::from_message(msg) {
            Ok(l) => l,
            Err(e) => {
                self.out.bump("decode_errors");
                self.out.note(
                    q.imsi,
                    format!(
                        "answered {} with 480: undecodable LIA ({e})",
                        q.request.summary()
                    ),
                );
                return self.respond(q.from, &q.request, 480, q.imsi);
            }
        };
        let (code, experimental, name) = outcome(msg);
        // 2003 DIAMETER_UNREGISTERED_SERVICE would need unregistered-state
        // services, which this network does not run.
        if !result::is_success(code)
            || (experimental && code == cx_result::DIAMETER_UNREGISTERED_SERVICE)
        {
            let status = lia_error_status(code, experimental);
            self.out.bump("cx_errors");
            self.out.note(
                q.imsi,
                format!(
                    "LIA for {} said {code} {name}: answered {} with {status} {}",
                    q.impu,
                    q.request.summary(),
                    crate::codec::sip::reason_phrase(status)
                ),
            );
            return self.respond(q.from, &q.request, status, q.imsi);
        }
        match self.choose(lia.server_name.as_deref(), lia.server_capabilities.as_ref()) {
            Some((server, node)) => {
                self.out.note(
                    q.imsi,
                    format!(
                        "LIA for {}: {} goes to {server}",
                        q.impu,
                        q.request.summary()
                    ),
                );
                self.forward(now, q, &server, node);
            }
            None => self.no_scscf(q),
        }
    }

    /// The HSS did not answer in time: 480 (TS 24.229 5.3.1.2).
    pub(super) fn cx_timeout(&mut self, q: Query) {
        self.out.bump("cx_timeouts");
        let what = if q.kind == QueryKind::Uar {
            "UAR"
        } else {
            "LIR"
        };
        self.out.note(
            q.imsi,
            format!("the HSS did not answer the {what} for {}: answered {} with 480 Temporarily Unavailable", q.impu, q.request.summary()),
        );
        self.respond(q.from, &q.request, 480, q.imsi);
    }
}
