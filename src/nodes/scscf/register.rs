//! REGISTER at the S-CSCF (TS 24.229 5.4.1): authentication with IMS AKA
//! (TS 33.203 6.1, RFC 3310), the registrar (RFC 3261 10.3, Path RFC 3327,
//! Service-Route RFC 3608), and the end of registrations (de-registration,
//! expiry).

use super::SCscf;
use super::context::{Refusal, Registration, Update, apply_register};
use super::cx::{AfterSar, SarCtx};
use crate::codec::diameter::cx::ServerAssignmentType;
use crate::codec::sip::{DigestCredentials, SipMessage, Uri};
use crate::crypto::aka_digest::{AkaNonce, DigestInput, decode_auts};
use crate::nodes::sip_proxy::{aor, impi_of, reply, set_list};
use crate::nodes::{NodeId, Time};

/// `integrity-protected` values that say the REGISTER came over the
/// security association of a registered UE (TS 24.229 7.2A.2).
const PROTECTED: &[&str] = &["yes", "tls-yes", "ip-assoc-yes"];

/// The Digest credentials of a REGISTER, if any.
fn credentials(msg: &SipMessage) -> Option<DigestCredentials> {
    msg.authorization()
        .ok()?
        .into_iter()
        .find_map(|c| c.digest().cloned())
}

impl SCscf {
    /// REGISTER (TS 24.229 5.4.1.2).
    pub(super) fn handle_register(&mut self, now: Time, from: NodeId, msg: SipMessage) {
        self.out.bump("register");
        let imsi = self.subs.imsi_of(&msg);
        let impu = match msg.to().map(|t| t.uri) {
            Ok(u @ (Uri::Sip(_) | Uri::Tel(_))) => aor(&u),
            _ => {
                self.out.note(
                    imsi,
                    format!(
                        "answered {} with 400: no SIP or tel URI in To",
                        msg.summary()
                    ),
                );
                return self.respond(from, &msg, 400, imsi);
            }
        };
        let Some(impi) = impi_of(&msg) else {
            return self.respond(from, &msg, 400, imsi);
        };
        let creds = credentials(&msg);
        let registered = self
            .by_impu
            .get(&impu)
            .is_some_and(|i| *i == impi && self.regs.contains_key(&impi));
        let protected = creds
            .as_ref()
            .and_then(|c| c.integrity_protected.as_deref())
            .is_some_and(|p| PROTECTED.iter().any(|v| p.eq_ignore_ascii_case(v)));
        let answered = creds
            .as_ref()
            .filter(|c| !c.response.is_empty() || c.auts.is_some());

        // A registered UE re-registering (or de-registering) over its SAs
        // is not challenged again (TS 24.229 5.4.1.2.1, integrity-protected
        // "yes").
        if registered && protected && answered.is_none() {
            self.out.note(
                imsi,
                format!("REGISTER for {impu} came integrity protected from a registered UE: no new challenge (TS 24.229 5.4.1.2.1)"),
            );
            return self.accept_register(now, from, msg, impi, impu);
        }
        // TS 24.229 5.4.1.2.3: an empty response without auts to the
        // challenge this S-CSCF sent means the UE found the AUTN's MAC wrong
        // (5.1.1.5.3): the authentication failed, no new challenge.
        if answered.is_none()
            && let Some(c) = &creds
            && !c.nonce.is_empty()
            && self
                .challenges
                .get(&impi)
                .is_some_and(|ch| ch.nonce == c.nonce)
        {
            self.challenges.remove(&impi);
            self.out.bump("auth_failed");
            self.out.bump("ue_mac_failure");
            self.out.note(
                imsi,
                format!("answered REGISTER for {impu} with 403 Forbidden: the UE answered the challenge with an empty response and no auts, so it found the AUTN's MAC wrong (its key is not the one the HSS holds; TS 24.229 5.4.1.2.3)"),
            );
            self.respond(from, &msg, 403, imsi);
            if !registered {
                self.send_sar(
                    now,
                    SarCtx {
                        impi,
                        impu,
                        kind: ServerAssignmentType::AuthenticationFailure,
                        after: AfterSar::Nothing,
                    },
                );
            }
            return;
        }
        let Some(c) = answered.cloned() else {
            return self.send_mar(now, from, msg, impi, impu, None);
        };
        let pending = self
            .challenges
            .get(&impi)
            .filter(|ch| ch.nonce == c.nonce)
            .cloned();
        // AUTS: the UE found our SQN out of range (RFC 3310 3.4); the RAND
        // is the one of the nonce it answers.
        if let Some(auts) = &c.auts {
            self.challenges.remove(&impi);
            let (Ok(nonce), Ok(auts)) = (AkaNonce::decode(&c.nonce), decode_auts(auts)) else {
                self.out.note(
                    imsi,
                    format!(
                        "REGISTER for {impu} carries an unreadable nonce or auts: challenged again"
                    ),
                );
                return self.send_mar(now, from, msg, impi, impu, None);
            };
            self.out.bump("resync");
            self.out.note(
                imsi,
                format!("REGISTER for {impu} carries AUTS: the USIM rejected our SQN; asking the HSS to resynchronise"),
            );
            let mut resync = nonce.rand.as_bytes().to_vec();
            resync.extend_from_slice(auts.as_bytes());
            return self.send_mar(now, from, msg, impi, impu, Some(resync));
        }
        let Some(ch) = pending else {
            let why = if registered && protected {
                // A refresh over the SAs repeats the last credentials
                // (TS 24.229 5.1.1.4.1); this S-CSCF authenticates every
                // such re-registration anew (a policy 5.4.1.2.1 allows), so
                // the SAs are renewed too.
                format!(
                    "re-registration of {impu} over its SAs repeats the last credentials: authenticated anew with a new challenge (TS 24.229 5.4.1.2.1)"
                )
            } else {
                format!(
                    "REGISTER for {impu} answers a nonce this S-CSCF no longer waits for: challenged again"
                )
            };
            self.out.note(imsi, why);
            return self.send_mar(now, from, msg, impi, impu, None);
        };
        self.challenges.remove(&impi);
        let qop = match (&c.qop, &c.nc, &c.cnonce) {
            (Some(q), Some(nc), Some(cn)) => Some((nc.as_str(), cn.as_str(), q.as_str())),
            _ => None,
        };
        let method = msg.method().map(|m| m.to_string()).unwrap_or_default();
        let input = DigestInput {
            username: &c.username,
            realm: &c.realm,
            password: &ch.xres,
            method: &method,
            uri: &c.uri,
            nonce: &c.nonce,
            qop,
        };
        if input.verify(&c.response) {
            self.out.bump("auth_ok");
            self.out.note(
                imsi,
                format!("AKA response of {impi} matches XRES: authenticated"),
            );
            self.accept_register(now, from, msg, impi, impu);
        } else {
            self.out.bump("auth_failed");
            self.out.note(
                imsi,
                format!("answered REGISTER for {impu} with 403 Forbidden: AKA response does not match XRES"),
            );
            self.respond(from, &msg, 403, imsi);
            if !registered {
                self.send_sar(
                    now,
                    SarCtx {
                        impi,
                        impu,
                        kind: ServerAssignmentType::AuthenticationFailure,
                        after: AfterSar::Nothing,
                    },
                );
            }
        }
    }

    /// The REGISTER is authenticated: apply it to the bindings, then SAR
    /// (REGISTRATION, RE_REGISTRATION or USER_DEREGISTRATION) before the
    /// 200 (TS 24.229 5.4.1.2.2, 5.4.1.4).
    fn accept_register(
        &mut self,
        now: Time,
        from: NodeId,
        msg: SipMessage,
        impi: String,
        impu: String,
    ) {
        let imsi = self.subs.imsi_of(&msg);
        let registered = self.regs.contains_key(&impi);
        let (current, next_id) = self
            .regs
            .get(&impi)
            .map(|r| (r.bindings.clone(), r.next_id))
            .unwrap_or_default();
        let update = match apply_register(
            &current,
            next_id,
            &msg,
            now,
            self.min_expires,
            self.max_expires,
        ) {
            Ok(u) => u,
            Err(r) => return self.refuse(from, &msg, r, imsi),
        };
        if update.query {
            self.out.note(
                imsi,
                format!("REGISTER for {impu} without Contact: the bindings are listed"),
            );
            let reg = self.regs.get(&impi).cloned();
            let ok = self.ok_for(&msg, reg.as_ref(), now);
            return self.out.sip(from, &ok, imsi);
        }
        let kind = match (registered, update.bindings.is_empty()) {
            (false, true) => {
                // Nothing was bound and nothing is: a plain 200.
                let ok = self.ok_for(&msg, None, now);
                return self.out.sip(from, &ok, imsi);
            }
            (true, true) => ServerAssignmentType::UserDeregistration,
            (true, false) => ServerAssignmentType::ReRegistration,
            (false, false) => ServerAssignmentType::Registration,
        };
        self.send_sar(
            now,
            SarCtx {
                impi,
                impu,
                kind,
                after: AfterSar::Register {
                    request: Box::new(msg),
                    from,
                    update,
                },
            },
        );
    }

    fn refuse(&mut self, from: NodeId, msg: &SipMessage, r: Refusal, imsi: Option<u64>) {
        let tag = self.ids.tag();
        let (code, why) = match &r {
            Refusal::TooBrief(min) => (423, format!("expiry below the minimum of {min} s")),
            Refusal::BadWildcard => (400, "Contact: * needs Expires: 0".to_string()),
            Refusal::OutOfOrder => (
                500,
                "CSeq not above the one stored for this Call-ID".to_string(),
            ),
            Refusal::BadContact(e) => (400, format!("bad Contact: {e}")),
        };
        let mut resp = reply(msg, code, "", &tag);
        if let Refusal::TooBrief(min) = r {
            resp.push_header("Min-Expires", min);
        }
        let resp = resp.with_content_length();
        self.out.note(
            imsi,
            format!(
                "answered {} with {code}: {why} (RFC 3261 10.3)",
                msg.summary()
            ),
        );
        self.out.sip(from, &resp, imsi);
    }

    /// The 200 to a REGISTER (RFC 3261 10.3 step 8, TS 24.229 5.4.1.2.2):
    /// every binding with its expiry, the Path echoed (RFC 3327 5.3), the
    /// Service-Route (RFC 3608) and the non-barred identities of the set in
    /// P-Associated-URI.
    pub(super) fn ok_for(
        &mut self,
        req: &SipMessage,
        reg: Option<&Registration>,
        now: Time,
    ) -> SipMessage {
        let tag = self.ids.tag();
        let mut ok = reply(req, 200, "", &tag);
        ok.remove_header("Content-Length");
        if let Some(reg) = reg {
            let contacts: Vec<String> = reg
                .bindings
                .iter()
                .map(|b| format!("{};expires={}", b.contact, b.remaining(now)))
                .collect();
            set_list(&mut ok, "Contact", &contacts);
        }
        let path: Vec<String> = req
            .path()
            .map(|p| p.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        if !path.is_empty() {
            ok.push_header("Path", path.join(", "));
        }
        if let Some(reg) = reg {
            ok.push_header(
                "Service-Route",
                format!("<{};lr>", self.sip.uri_with_user(Some("orig"))),
            );
            let assoc: Vec<String> = reg.associated().iter().map(|u| format!("<{u}>")).collect();
            ok.push_header("P-Associated-URI", assoc.join(", "));
        }
        ok.with_content_length()
    }

    /// SAA after an authenticated REGISTER: commit the bindings and answer.
    pub(super) fn finish_register(
        &mut self,
        now: Time,
        ctx: SarCtx,
        request: SipMessage,
        from: NodeId,
        update: Update,
        user_data: Option<Vec<u8>>,
    ) {
        let imsi = self.subs.imsi(&ctx.impi);
        let Update {
            bindings,
            removed,
            next_id,
            ..
        } = update;
        if bindings.is_empty() {
            // De-registration (TS 24.229 5.4.1.4): the 200, then the final
            // NOTIFYs, then the user goes.
            let ok = self.ok_for(&request, None, now);
            self.out.sip(from, &ok, imsi);
            self.out.bump("deregistered");
            self.out
                .note(imsi, format!("{} de-registered (Expires: 0)", ctx.impu));
            return self.end_registration(now, &ctx.impi, removed, "unregistered", "terminated");
        }
        let new = !self.regs.contains_key(&ctx.impi);
        let profile = match (new, user_data.as_deref().map(super::profile::parse)) {
            (true, Some(Ok(p))) => Some(p.public),
            (true, Some(Err(e))) => {
                self.out.note(
                    imsi,
                    format!(
                        "User-Data for {} unreadable ({e}): only the registered identity is used",
                        ctx.impi
                    ),
                );
                None
            }
            _ => None,
        };
        let reg = self
            .regs
            .entry(ctx.impi.clone())
            .or_insert_with(|| Registration {
                impi: ctx.impi.clone(),
                impu: ctx.impu.clone(),
                profile: Vec::new(),
                bindings: Vec::new(),
                subscriptions: Vec::new(),
                next_id: 0,
            });
        if let Some(p) = profile {
            reg.profile = p;
        }
        if reg.profile.is_empty() {
            reg.profile.push(super::context::PublicIdentity {
                uri: ctx.impu.clone(),
                barred: false,
            });
        }
        reg.bindings = bindings;
        reg.next_id = next_id;
        let ids: Vec<String> = reg.profile.iter().map(|p| p.uri.clone()).collect();
        let next = reg.next_expiry();
        let n = reg.bindings.len();
        let reg_snapshot = reg.clone();
        for i in ids {
            self.by_impu.insert(i, ctx.impi.clone());
        }
        if let Some(at) = next {
            self.wake(at, &ctx.impi);
        }
        let ok = self.ok_for(&request, Some(&reg_snapshot), now);
        self.out.sip(from, &ok, imsi);
        if new {
            self.out.bump("registered");
        }
        let expiry = reg_snapshot
            .bindings
            .iter()
            .map(|b| b.remaining(now))
            .max()
            .unwrap_or(0);
        self.out.note(
            imsi,
            format!(
                "{} {} at {} with {n} contact(s), expires in {expiry} s",
                ctx.impu,
                if new { "registered" } else { "re-registered" },
                self.server_name
            ),
        );
        self.notify_all(now, &ctx.impi, &removed, None);
    }

    /// Ends a registration: final NOTIFYs (registration `reg_state`,
    /// contacts terminated with `event`), then the user is forgotten.
    pub(super) fn end_registration(
        &mut self,
        now: Time,
        impi: &str,
        mut removed: Vec<(super::context::Binding, &'static str)>,
        event: &'static str,
        reg_state: &'static str,
    ) {
        if let Some(reg) = self.regs.get_mut(impi) {
            for b in reg.bindings.drain(..) {
                removed.push((b, event));
            }
        }
        self.notify_all(now, impi, &removed, Some(reg_state));
        if let Some(reg) = self.regs.remove(impi) {
            for p in &reg.profile {
                if self.by_impu.get(&p.uri).is_some_and(|i| i == impi) {
                    self.by_impu.remove(&p.uri);
                }
            }
        }
    }

    /// A user's timer: expired bindings and subscriptions, a challenge
    /// never answered (TS 24.229 5.4.1.2.1: reg-await-auth).
    pub(super) fn expire_user(&mut self, now: Time, impi: &str) {
        let imsi = self.subs.imsi(impi);
        if let Some(ch) = self.challenges.get(impi)
            && ch.expires_at <= now
        {
            let impu = ch.impu.clone();
            self.challenges.remove(impi);
            self.out.note(
                imsi,
                format!("the challenge to {impi} was not answered within reg-await-auth"),
            );
            if !self.regs.contains_key(impi) {
                self.send_sar(
                    now,
                    SarCtx {
                        impi: impi.to_string(),
                        impu,
                        kind: ServerAssignmentType::AuthenticationTimeout,
                        after: AfterSar::Nothing,
                    },
                );
            }
        }
        let Some(reg) = self.regs.get_mut(impi) else {
            return;
        };
        let mut removed = Vec::new();
        reg.bindings.retain(|b| {
            if b.expires_at <= now {
                removed.push((b.clone(), "expired"));
                false
            } else {
                true
            }
        });
        let ended_subs: Vec<usize> = reg
            .subscriptions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.expires_at <= now)
            .map(|(i, _)| i)
            .collect();
        let impu = reg.impu.clone();
        let empty = reg.bindings.is_empty();
        let next = reg.next_expiry();
        for i in ended_subs.into_iter().rev() {
            self.notify_one(now, impi, i, &[], None, Some("terminated;reason=timeout"));
            if let Some(reg) = self.regs.get_mut(impi)
                && i < reg.subscriptions.len()
            {
                reg.subscriptions.remove(i);
            }
        }
        if empty {
            self.out.bump("expired");
            self.out.note(
                imsi,
                format!("registration of {impu} expired: timeout de-registration"),
            );
            self.send_sar(
                now,
                SarCtx {
                    impi: impi.to_string(),
                    impu,
                    kind: ServerAssignmentType::TimeoutDeregistration,
                    after: AfterSar::Nothing,
                },
            );
            return self.end_registration(now, impi, removed, "expired", "terminated");
        }
        if !removed.is_empty() {
            self.out.note(
                imsi,
                format!("{} contact(s) of {impu} expired", removed.len()),
            );
            self.notify_all(now, impi, &removed, None);
        }
        if let Some(at) = next {
            self.wake(at, impi);
        }
    }
}
