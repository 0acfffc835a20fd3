//! The S-CSCF's Cx: Multimedia-Auth for the AKA challenge (TS 29.228
//! 6.3.1), Server-Assignment (6.1.2), and the HSS's Registration-
//! Termination (6.1.3).

use super::SCscf;
use super::context::{Challenge, REG_AWAIT_AUTH, Update};
use crate::codec::diameter::Message;
use crate::codec::diameter::base::{AuthSessionState, VendorSpecificApplicationId};
use crate::codec::diameter::cx::{
    Maa, Mar, ReasonCode, Rta, Rtr, Saa, Sar, ServerAssignmentType, SipAuthDataItem,
    UserDataAlreadyAvailable,
};
use crate::codec::diameter::dict::{APP_CX, VENDOR_3GPP};
use crate::codec::diameter::result::{self, cx as cx_result};
use crate::codec::sip::{DigestChallenge, SipMessage};
use crate::crypto::aka_digest::AkaNonce;
use crate::crypto::{Autn, Rand};
use crate::nodes::hss::cx::SCHEME_AKA;
use crate::nodes::sip_proxy::reply;
use crate::nodes::{Iface, NodeId, Time};

/// What a Cx request of the S-CSCF was for.
#[derive(Debug)]
pub(crate) enum CxTag {
    /// A MAR for the REGISTER that waits for its challenge.
    Mar(MarCtx),
    /// A SAR, and what to do once answered.
    Sar(SarCtx),
}

/// The REGISTER a MAR is for.
#[derive(Debug)]
pub(crate) struct MarCtx {
    impi: String,
    impu: String,
    request: Box<SipMessage>,
    from: NodeId,
}

/// A SAR and what follows it.
#[derive(Debug)]
pub(crate) struct SarCtx {
    pub(super) impi: String,
    pub(super) impu: String,
    pub(super) kind: ServerAssignmentType,
    pub(super) after: AfterSar,
}

/// What the SAA unblocks.
#[derive(Debug)]
pub(crate) enum AfterSar {
    /// Answer the REGISTER and commit the bindings.
    Register {
        /// The REGISTER.
        request: Box<SipMessage>,
        /// Who sent it.
        from: NodeId,
        /// The bindings it leads to.
        update: Update,
    },
    /// Nothing waits (timeouts, failures).
    Nothing,
}

/// The SIP answer to a refused MAR or SAR: 403 when the HSS says the user
/// may not be served (unknown, identities that do not match, scheme not
/// supported...), 480 when the HSS could not answer (TS 24.229 5.4.1.2.1
/// leaves the choice; these are the I-CSCF's).
fn refusal_status(code: u32, experimental: bool) -> u16 {
    match (experimental, code) {
        (true, 5000..=5999) => 403,
        (false, result::DIAMETER_AUTHORIZATION_REJECTED) => 403,
        _ => 480,
    }
}

fn vsai() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
}

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

impl SCscf {
    /// MAR for the REGISTER `msg` (TS 24.229 5.4.1.2.1): one
    /// Digest-AKAv1-MD5 vector; `resync` carries RAND || AUTS.
    pub(super) fn send_mar(
        &mut self,
        now: Time,
        from: NodeId,
        msg: SipMessage,
        impi: String,
        impu: String,
        resync: Option<Vec<u8>>,
    ) {
        let imsi = self.subs.imsi_of(&msg);
        let Some(hss) = self.cx.hss else {
            self.out.bump("cx_errors");
            self.out.note(
                imsi,
                format!("answered REGISTER for {impu} with 480: this S-CSCF has no HSS"),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        let mar = Mar {
            session_id: self.cx.session_id(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.cx.local().host.clone(),
            origin_realm: self.cx.local().realm.clone(),
            destination_realm: self.cx.hss_realm(),
            user_name: impi.clone(),
            public_identity: impu.clone(),
            sip_auth_data_item: SipAuthDataItem {
                sip_authentication_scheme: Some(SCHEME_AKA.into()),
                sip_authorization: resync,
                ..Default::default()
            },
            sip_number_auth_items: 1,
            server_name: self.server_name.clone(),
            ..Default::default()
        };
        let tag = CxTag::Mar(MarCtx {
            impi,
            impu,
            request: Box::new(msg),
            from,
        });
        if let Some(b) = self.cx.request(now, tag, |h, e| mar.encode(h, e)) {
            self.out.send(Iface::Cx, hss, b, imsi);
        }
    }

    /// MAA: the 401 with the challenge (TS 24.229 5.4.1.2.1, RFC 3310 3.1):
    /// nonce = base64(RAND || AUTN), algorithm AKAv1-MD5, qop auth, and ik
    /// and ck for the P-CSCF (TS 33.203 7.1).
    fn handle_maa(&mut self, now: Time, msg: &Message, ctx: MarCtx) {
        let imsi = self.subs.imsi_of(&ctx.request);
        let (code, experimental, name) = outcome(msg);
        let maa = Maa::from_message(msg);
        let item = maa
            .as_ref()
            .ok()
            .filter(|_| result::is_success(code))
            .and_then(|m| m.sip_auth_data_items.first().cloned());
        let vector = item.as_ref().and_then(|i| {
            let auth = i.sip_authenticate.as_deref()?;
            let rand: [u8; 16] = auth.get(..16)?.try_into().ok()?;
            let autn: [u8; 16] = auth.get(16..32)?.try_into().ok()?;
            Some((
                rand,
                autn,
                i.sip_authorization.clone()?,
                i.confidentiality_key?,
                i.integrity_key?,
            ))
        });
        let Some((rand, autn, xres, ck, ik)) = vector else {
            let status = if result::is_success(code) {
                480
            } else {
                refusal_status(code, experimental)
            };
            self.out.bump("cx_errors");
            self.out.note(
                imsi,
                format!(
                    "MAA for {} said {code} {name}{}: answered REGISTER with {status}",
                    ctx.impu,
                    if result::is_success(code) {
                        " without a usable vector"
                    } else {
                        ""
                    }
                ),
            );
            return self.respond(ctx.from, &ctx.request, status, imsi);
        };
        let nonce = AkaNonce::new(Rand::new(rand), Autn::new(autn)).encode();
        let challenge = DigestChallenge {
            realm: self.domain.clone(),
            nonce: nonce.clone(),
            algorithm: Some("AKAv1-MD5".into()),
            qop: vec!["auth".into()],
            ik: Some(crate::codec::hex(&ik)),
            ck: Some(crate::codec::hex(&ck)),
            ..Default::default()
        };
        let expires_at = now + REG_AWAIT_AUTH;
        self.challenges.insert(
            ctx.impi.clone(),
            Challenge {
                nonce,
                xres,
                impu: ctx.impu.clone(),
                expires_at,
            },
        );
        self.wake(expires_at, &ctx.impi);
        let tag = self.ids.tag();
        let mut r = reply(&ctx.request, 401, "", &tag);
        r.remove_header("Content-Length");
        r.push_header("WWW-Authenticate", challenge);
        let r = r.with_content_length();
        self.out.bump("challenges");
        self.out.note(
            imsi,
            format!(
                "challenged {} with AKA (401, nonce = base64(RAND || AUTN))",
                ctx.impu
            ),
        );
        self.out.sip(ctx.from, &r, imsi);
    }

    /// SAR (TS 29.228 6.1.2).
    pub(super) fn send_sar(&mut self, now: Time, ctx: SarCtx) {
        let imsi = self.subs.imsi(&ctx.impi);
        let Some(hss) = self.cx.hss else {
            return self.sar_failed(ctx, 480, "this S-CSCF has no HSS".into());
        };
        let already = if self.regs.contains_key(&ctx.impi) {
            UserDataAlreadyAvailable::UserDataAlreadyAvailable
        } else {
            UserDataAlreadyAvailable::UserDataNotAvailable
        };
        let sar = Sar {
            session_id: self.cx.session_id(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: self.cx.local().host.clone(),
            origin_realm: self.cx.local().realm.clone(),
            destination_realm: self.cx.hss_realm(),
            user_name: Some(ctx.impi.clone()),
            public_identity: vec![ctx.impu.clone()],
            server_name: self.server_name.clone(),
            server_assignment_type: ctx.kind,
            user_data_already_available: already,
            ..Default::default()
        };
        if let Some(b) = self
            .cx
            .request(now, CxTag::Sar(ctx), |h, e| sar.encode(h, e))
        {
            self.out.send(Iface::Cx, hss, b, imsi);
        }
    }

    fn sar_failed(&mut self, ctx: SarCtx, status: u16, why: String) {
        let imsi = self.subs.imsi(&ctx.impi);
        self.out.bump("cx_errors");
        let kind = ctx.kind.name().unwrap_or("?");
        match ctx.after {
            AfterSar::Register { request, from, .. } => {
                self.out.note(
                    imsi,
                    format!(
                        "SAR ({kind}) for {} failed ({why}): answered REGISTER with {status}",
                        ctx.impu
                    ),
                );
                self.respond(from, &request, status, imsi);
            }
            AfterSar::Nothing => {
                self.out
                    .note(imsi, format!("SAR ({kind}) for {} failed: {why}", ctx.impu));
            }
        }
    }

    fn handle_saa(&mut self, now: Time, msg: &Message, ctx: SarCtx) {
        let (code, experimental, name) = outcome(msg);
        if !result::is_success(code) {
            let status = refusal_status(code, experimental);
            return self.sar_failed(ctx, status, format!("{code} {name}"));
        }
        let user_data = Saa::from_message(msg).ok().and_then(|s| s.user_data);
        let SarCtx {
            impi,
            impu,
            kind,
            after,
        } = ctx;
        match after {
            AfterSar::Register {
                request,
                from,
                update,
            } => {
                let ctx = SarCtx {
                    impi,
                    impu,
                    kind,
                    after: AfterSar::Nothing,
                };
                self.finish_register(now, ctx, *request, from, update, user_data);
            }
            AfterSar::Nothing => {}
        }
    }

    pub(super) fn handle_cx_answer(&mut self, now: Time, msg: &Message, tag: CxTag) {
        match tag {
            CxTag::Mar(ctx) => self.handle_maa(now, msg, ctx),
            CxTag::Sar(ctx) => self.handle_saa(now, msg, ctx),
        }
    }

    /// The HSS did not answer in time.
    pub(super) fn cx_timeout(&mut self, _now: Time, tag: CxTag) {
        self.out.bump("cx_timeouts");
        match tag {
            CxTag::Mar(ctx) => {
                let imsi = self.subs.imsi_of(&ctx.request);
                self.out.note(
                    imsi,
                    format!(
                        "the HSS did not answer the MAR for {}: answered REGISTER with 480",
                        ctx.impu
                    ),
                );
                self.respond(ctx.from, &ctx.request, 480, imsi);
            }
            CxTag::Sar(ctx) => self.sar_failed(ctx, 480, "no answer from the HSS".into()),
        }
    }

    /// A request from the HSS: RTR (TS 29.228 6.1.3); anything else 3001.
    pub(super) fn handle_cx_request(&mut self, now: Time, from: NodeId, msg: &Message) {
        if msg.header.command != Rtr::CODE || msg.header.application != APP_CX {
            let a = self.cx.unsupported(msg);
            self.out.send(Iface::Cx, from, a, None);
            self.out.note(
                None,
                format!(
                    "answered {} with 3001 DIAMETER_COMMAND_UNSUPPORTED",
                    msg.summary()
                ),
            );
            return;
        }
        let (h, e) = crate::nodes::cx_client::CxClient::<CxTag>::answer_ids(msg);
        let rtr = match Rtr::from_message(msg) {
            Ok(r) => r,
            Err(err) => {
                self.out.bump("decode_errors");
                let a = Rta {
                    session_id: msg.session_id().unwrap_or("").to_string(),
                    vendor_specific_application_id: Some(vsai()),
                    result_code: Some(result::DIAMETER_MISSING_AVP),
                    auth_session_state: Some(AuthSessionState::NoStateMaintained),
                    origin_host: self.cx.local().host.clone(),
                    origin_realm: self.cx.local().realm.clone(),
                    ..Default::default()
                };
                self.out.send(Iface::Cx, from, a.encode(h, e), None);
                self.out
                    .note(None, format!("answered RTR with 5005: {err}"));
                return;
            }
        };
        self.out.bump("rtr");
        let impi = rtr.user_name.clone();
        let imsi = self.subs.imsi(&impi);
        let reason = rtr.deregistration_reason.reason_code;
        let rta = Rta {
            session_id: rtr.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.cx.local().host.clone(),
            origin_realm: self.cx.local().realm.clone(),
            proxy_info: rtr.proxy_info.clone(),
            ..Default::default()
        };
        self.out.send(Iface::Cx, from, rta.encode(h, e), imsi);
        self.challenges.remove(&impi);
        if !self.regs.contains_key(&impi) {
            self.out.note(
                imsi,
                format!(
                    "RTR for {impi}, who is not registered here: answered 2001, nothing to remove"
                ),
            );
            return;
        }
        // TS 24.229 5.4.1.5: "rejected" when the UE should not register
        // again (the subscription ended), "deactivated" when it should.
        let event = if reason == ReasonCode::PermanentTermination {
            "rejected"
        } else {
            "deactivated"
        };
        let why = rtr
            .deregistration_reason
            .reason_info
            .clone()
            .unwrap_or_default();
        self.out.note(
            imsi,
            format!(
                "RTR from the HSS ({}{}): {impi} de-registered, its UE told \"{event}\"",
                reason.name().unwrap_or("?"),
                if why.is_empty() {
                    String::new()
                } else {
                    format!(", {why}")
                }
            ),
        );
        self.out.bump("deregistered");
        self.end_registration(now, &impi, Vec::new(), event, "terminated");
    }
}
