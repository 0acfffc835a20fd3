//! REGISTER at the P-CSCF (TS 24.229 5.2.2, TS 33.203 7): security
//! agreement on the first REGISTER, the SAs at the 401, the protected
//! second REGISTER, and the registration cache at the 200.

use super::PCscf;
use super::context::{AfterSend, Offer, Registered, Sas, UeContext, Upstream};
use super::gm::{FromUe, GmCommand, SaEnd, SaId, SaSet};
use super::secagree::{choose, same_algorithms, same_mechanisms, security_server};
use crate::codec::sip::headers::Header;
use crate::codec::sip::{Challenge, Credentials, SecurityMechanism, SipMessage};
use crate::crypto::{Ck, Ik};
use crate::nodes::Time;
use crate::nodes::sip_proxy::{aor, decrement_max_forwards, impi_of, push_via, set_list};
use crate::topology::IpsecPolicy;
use std::net::SocketAddr;
use std::time::Duration;

/// How long temporary SAs wait for the protected REGISTER: the
/// reg-await-auth timer (TS 24.229 7.7, TS 33.203 7.4).
pub const TEMPORARY_SA_LIFETIME: Duration = Duration::from_secs(240);

/// `integrity-protected` for a REGISTER over the SAs, and without
/// (TS 24.229 5.2.2.1, 7.2A.2).
const PROTECTED_YES: &str = "yes";
const PROTECTED_NO: &str = "no";

/// Removes `tag` from a token list header (Require, Proxy-Require), and
/// the header when nothing is left.
fn remove_tag(msg: &mut SipMessage, name: &str, tag: &str) {
    let Ok(tokens) = msg.tokens(name) else {
        return;
    };
    let kept: Vec<String> = tokens
        .into_iter()
        .filter(|t| !t.eq_ignore_ascii_case(tag))
        .collect();
    set_list(msg, name, &kept);
}

/// Sets `integrity-protected` in the Digest credentials of a REGISTER.
fn mark_integrity(msg: &mut SipMessage, value: &str) {
    for h in msg.headers.iter_mut().filter(|h| h.is("Authorization")) {
        if let Ok(Credentials::Digest(mut d)) = Credentials::parse(&h.value) {
            d.integrity_protected = Some(value.to_string());
            h.value = Credentials::Digest(d).to_string();
        }
    }
}

/// Writes `received` and `rport` into the UE's Via (RFC 3261 18.2.1,
/// RFC 3581 4).
pub(super) fn mark_received(msg: &mut SipMessage, src: SocketAddr) {
    let Some(i) = msg.headers.iter().position(|h| h.is("Via")) else {
        return;
    };
    let line = SipMessage {
        headers: vec![msg.headers[i].clone()],
        ..SipMessage::response(200, "")
    };
    let mut values: Vec<String> = line
        .list_values("Via")
        .iter()
        .map(|v| v.to_string())
        .collect();
    let Some(Ok(mut top)) = values.first().map(|v| crate::codec::sip::Via::parse(v)) else {
        return;
    };
    if top.host.trim_start_matches('[').trim_end_matches(']') != src.ip().to_string() {
        top.params.set(crate::codec::sip::Param::new(
            "received",
            src.ip().to_string(),
        ));
    }
    if top.has_rport() {
        top.params.set(crate::codec::sip::Param::new(
            "rport",
            src.port().to_string(),
        ));
    }
    values[0] = top.to_string();
    msg.headers[i] = Header::new("Via", values.join(", "));
}

impl PCscf {
    /// A REGISTER from a UE (TS 24.229 5.2.2.1).
    pub(super) fn handle_ue_register(&mut self, now: Time, from: FromUe, mut msg: SipMessage) {
        self.out.bump("register");
        let imsi = self.subs.imsi_of(&msg);
        let (Ok(to), Some(impi)) = (msg.to(), impi_of(&msg)) else {
            self.out.note(
                imsi,
                format!(
                    "answered {} with 400: no public or private identity",
                    msg.summary()
                ),
            );
            return self.respond_ue(now, &msg, &from, 400, &[]);
        };
        let impu = aor(&to.uri);
        let offers = msg.security_client().unwrap_or_default();
        let verify = msg.security_verify().unwrap_or_default();
        let integrity = match from.protected {
            None => {
                if !self.register_unprotected(now, &from, &msg, &impi, &impu, offers, &verify) {
                    return;
                }
                PROTECTED_NO
            }
            Some(sa) => {
                if !self.check_protected(now, &from, &msg, sa, &impi, &offers, &verify) {
                    return;
                }
                PROTECTED_YES
            }
        };
        if !decrement_max_forwards(&mut msg) {
            self.out.bump("too_many_hops");
            return self.respond_ue(now, &msg, &from, 483, &[]);
        }
        let request = msg.clone();
        mark_received(&mut msg, from.src);
        // RFC 3329 2.3.1 step 5, TS 24.229 5.2.2.1: sec-agree ends here.
        msg.remove_header("Security-Client");
        msg.remove_header("Security-Verify");
        remove_tag(&mut msg, "Require", "sec-agree");
        remove_tag(&mut msg, "Proxy-Require", "sec-agree");
        mark_integrity(&mut msg, integrity);
        // Path (RFC 3327 4): our entry on top, so that terminating requests
        // come back through us; the UE must support it, else Require: path.
        let mut path = vec![format!("<{};lr>", self.sip.uri_with_user(Some("term")))];
        if let Ok(p) = msg.path() {
            path.extend(p.iter().map(ToString::to_string));
        }
        set_list(&mut msg, "Path", &path);
        let supports_path = msg
            .supported()
            .unwrap_or_default()
            .iter()
            .any(|t| t.eq_ignore_ascii_case("path"));
        if !supports_path {
            let mut req = msg.require().unwrap_or_default();
            req.push("path".into());
            set_list(&mut msg, "Require", &req);
        }
        if msg.header("P-Visited-Network-ID").is_none() {
            msg.push_header("P-Visited-Network-ID", &self.domain);
        }
        self.charging_vector(&mut msg, from.dst);
        let Some(icscf) = self.icscf else {
            self.out.note(
                imsi,
                format!("answered REGISTER of {impu} with 480: this P-CSCF has no I-CSCF"),
            );
            return self.respond_ue(now, &request, &from, 480, &[]);
        };
        let via = self.mw_via();
        let branch = via.branch().unwrap_or_default();
        push_via(&mut msg, &via);
        self.pending.insert(
            now,
            branch,
            Upstream::Ue {
                src: from.src,
                local: from.dst,
                sa: from.protected,
                impi: Some(impi),
                request: Box::new(request),
            },
        );
        self.out.bump("forwarded");
        self.out.sip(icscf, &msg, imsi);
    }

    /// Adds a P-Charging-Vector when the request has none (TS 24.229
    /// 5.2.2.1, RFC 7315 4.6).
    pub(super) fn charging_vector(&mut self, msg: &mut SipMessage, local: SocketAddr) {
        if msg.header("P-Charging-Vector").is_none() {
            let icid = self.ids.tag();
            msg.push_header(
                "P-Charging-Vector",
                format!(
                    "icid-value=\"{icid}\";icid-generated-at={};orig-ioi={}",
                    local.ip(),
                    self.domain
                ),
            );
        }
    }

    /// An unprotected REGISTER starts a registration: the UE's offer is
    /// taken (or refused); false when it was answered here.
    #[allow(clippy::too_many_arguments)]
    fn register_unprotected(
        &mut self,
        now: Time,
        from: &FromUe,
        msg: &SipMessage,
        impi: &str,
        impu: &str,
        offers: Vec<SecurityMechanism>,
        verify: &[SecurityMechanism],
    ) -> bool {
        let imsi = self.subs.imsi_of(msg);
        let pending_server = self
            .ues
            .get(impi)
            .and_then(|u| u.temporary.as_ref())
            .map(|t| t.server.clone());
        if !verify.is_empty() && self.ipsec != IpsecPolicy::Off {
            self.out.bump("sec_agree_refused");
            self.out.note(
                imsi,
                format!(
                    "refused REGISTER of {impu} with 494: it carries Security-Verify but came outside the SAs ({} to {}); the second REGISTER must come from the UE's port-c to the P-CSCF's port-s",
                    from.src, from.dst
                ),
            );
            let extra: Vec<(&str, String)> = pending_server
                .iter()
                .flatten()
                .map(|m| ("Security-Server", m.to_string()))
                .collect();
            self.respond_ue(now, msg, from, 494, &extra);
            return false;
        }
        let offer = match self.ipsec {
            IpsecPolicy::Off => None,
            _ => self.choose_offer(&offers),
        };
        if self.ipsec == IpsecPolicy::Required && offer.is_none() {
            self.out.bump("sec_agree_refused");
            if offers.is_empty() {
                self.out.note(
                    imsi,
                    format!("refused REGISTER of {impu} with 421 Extension Required: this P-CSCF requires IPsec and the UE offers no Security-Client (RFC 3329 2.3.1)"),
                );
                self.respond_ue(now, msg, from, 421, &[("Require", "sec-agree".into())]);
            } else {
                self.out.note(
                    imsi,
                    format!("refused REGISTER of {impu} with 494: no ipsec-3gpp offer this P-CSCF can run (ESP transport, hmac-sha-1-96 or hmac-md5-96, null or aes-cbc)"),
                );
                let s = security_server(
                    self.integrity,
                    self.encryption,
                    0,
                    0,
                    self.port_c,
                    self.port_s,
                );
                self.respond_ue(now, msg, from, 494, &[("Security-Server", s.to_string())]);
            }
            return false;
        }
        let contact = msg.contacts().ok().and_then(|c| c.list().first().cloned());
        let old_temp = self.ues.get_mut(impi).and_then(|u| u.temporary.take());
        if let Some(t) = old_temp {
            self.remove_sas(now, &t);
        }
        let ue = self
            .ues
            .entry(impi.to_string())
            .or_insert_with(|| UeContext {
                impi: impi.to_string(),
                impu: impu.to_string(),
                ue_addr: from.src.ip(),
                pcscf_addr: from.dst.ip(),
                contact: None,
                security_client: Vec::new(),
                offer: None,
                temporary: None,
                current: None,
                registered: None,
            });
        ue.impu = impu.to_string();
        ue.ue_addr = from.src.ip();
        ue.pcscf_addr = from.dst.ip();
        ue.contact = contact;
        ue.security_client = offers;
        ue.offer = offer;
        true
    }

    /// The UE's offer this P-CSCF runs, with the algorithms it picked.
    fn choose_offer(&self, offers: &[SecurityMechanism]) -> Option<Offer> {
        choose(offers, self.integrity, self.encryption).map(|(mechanism, integrity, encryption)| {
            Offer {
                mechanism,
                integrity,
                encryption,
            }
        })
    }

    /// A REGISTER over SAs: they must be this UE's, client port to server
    /// port, with Security-Verify echoing our Security-Server and the same
    /// Security-Client as before (TS 33.203 7.2); false when refused.
    #[allow(clippy::too_many_arguments)]
    fn check_protected(
        &mut self,
        now: Time,
        from: &FromUe,
        msg: &SipMessage,
        sa: SaId,
        impi: &str,
        offers: &[SecurityMechanism],
        verify: &[SecurityMechanism],
    ) -> bool {
        let imsi = self.subs.imsi_of(msg);
        let owner = self.by_sa.get(&sa).cloned();
        // The set it came through, and whether that is the set in use (a
        // refresh or a de-registration, whose Security-Client announces the
        // SPIs and ports of the next SAs, TS 24.229 5.1.1.4.1) rather than
        // the new set of a challenge.
        let found = owner.as_ref().and_then(|o| self.ues.get(o)).and_then(|u| {
            [(&u.temporary, false), (&u.current, true)]
                .into_iter()
                .find_map(|(s, current)| s.as_ref().filter(|s| s.id() == sa).map(|s| (s, current)))
                .map(|(s, current)| (s.clone(), current, u.security_client.clone()))
        });
        let refresh = found.as_ref().is_some_and(|(_, current, _)| *current);
        let sas = found.as_ref().map(|(s, _, _)| s.clone());
        let problem = match (&owner, &found) {
            (Some(o), Some((s, refresh, client))) if o == impi => {
                // The second REGISTER of a challenge repeats the first's
                // Security-Client exactly; a refresh may change SPIs and
                // ports but not the algorithms (bidding down, TS 33.203 7.2).
                let (same_client, differs) = if *refresh {
                    (
                        same_algorithms(client, offers),
                        "its Security-Client offers other algorithms than the registration's",
                    )
                } else {
                    (
                        same_mechanisms(client, offers),
                        "its Security-Client differs from the one of the first REGISTER",
                    )
                };
                if s.set
                    .spi_for(super::gm::Direction::Inbound, from.src, from.dst)
                    != Some(s.set.pcscf.spi_s)
                {
                    Some(format!(
                        "it came from {} to {}, not from the UE's port-c to port-s",
                        from.src, from.dst
                    ))
                } else if !same_mechanisms(&s.server, verify) {
                    Some(
                        "its Security-Verify does not echo the Security-Server this P-CSCF sent"
                            .into(),
                    )
                } else if !same_client {
                    Some(differs.into())
                } else {
                    None
                }
            }
            (Some(o), _) => Some(format!("it came through the SAs of {o}")),
            (None, _) => Some(format!("{sa} belongs to no UE")),
        };
        match problem {
            None => {
                // A challenge to this refresh sets up the next SAs from its
                // offer.
                if refresh && !offers.is_empty() {
                    let offer = self.choose_offer(offers);
                    if let Some(u) = self.ues.get_mut(impi) {
                        if offer.is_some() {
                            u.offer = offer;
                        }
                        u.security_client = offers.to_vec();
                    }
                }
                true
            }
            Some(why) => {
                self.out.bump("sec_agree_refused");
                self.out.note(
                    imsi,
                    format!("refused protected REGISTER of {impi} with 494: {why} (TS 33.203 7.2)"),
                );
                let extra: Vec<(&str, String)> = sas
                    .iter()
                    .flat_map(|s| s.server.iter())
                    .map(|m| ("Security-Server", m.to_string()))
                    .collect();
                self.respond_ue(now, msg, from, 494, &extra);
                false
            }
        }
    }

    /// The final response to a REGISTER, on its way to the UE.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn handle_register_response(
        &mut self,
        now: Time,
        mut resp: SipMessage,
        request: &SipMessage,
        src: SocketAddr,
        local: SocketAddr,
        sa: Option<SaId>,
        impi: Option<String>,
    ) {
        let imsi = self.subs.imsi_of(&resp);
        let code = resp.status().unwrap_or(0);
        let Some(impi) = impi.filter(|i| self.ues.contains_key(i)) else {
            return self.send_to_ue(now, local, src, sa, &resp, imsi);
        };
        let mut forget = false;
        let mut drop_temporary = None;
        match code {
            401 => self.on_challenge(now, &mut resp, &impi),
            200..=299 => forget = !self.on_registered(now, &resp, request, &impi, sa),
            300.. => {
                let temp = self.ues.get(&impi).and_then(|u| u.temporary.clone());
                drop_temporary = temp.filter(|t| Some(t.id()) == sa);
            }
            _ => {}
        }
        self.send_to_ue(now, local, src, sa, &resp, imsi);
        // A new challenge's SAs come in only now: a 401 to a REGISTER that
        // came through temporary SAs goes through them, not through the
        // new ones the UE cannot know yet; the old temporary set goes.
        for a in std::mem::take(&mut self.after_send) {
            match a {
                AfterSend::Install(set) => self.gm(now, GmCommand::Install(set)),
                AfterSend::Remove(old) => self.remove_sas(now, &old),
            }
        }
        // The answer went through the SAs; now they may go.
        if let Some(t) = drop_temporary {
            if let Some(u) = self.ues.get_mut(&impi) {
                u.temporary = None;
            }
            self.remove_sas(now, &t);
            self.out.note(
                imsi,
                format!(
                    "REGISTER of {impi} failed with {code}: its temporary {} removed",
                    t.id()
                ),
            );
        }
        if forget {
            self.out.bump("deregistered");
            self.forget(now, &impi, "it de-registered");
        }
    }

    /// The 401: ik and ck out of WWW-Authenticate (TS 24.229 5.2.2.1), the
    /// temporary SAs in, Security-Server added (TS 33.203 7.1, 7.2).
    fn on_challenge(&mut self, now: Time, resp: &mut SipMessage, impi: &str) {
        let imsi = self.subs.imsi_of(resp);
        let mut keys: Option<(Ik, Ck)> = None;
        for h in resp.headers.iter_mut().filter(|h| h.is("WWW-Authenticate")) {
            if let Ok(Challenge::Digest(d)) = Challenge::parse(&h.value) {
                if keys.is_none()
                    && let (Some(ik), Some(ck)) = (d.ik_bytes(), d.ck_bytes())
                {
                    keys = Some((Ik::new(ik), Ck::new(ck)));
                }
                h.value = Challenge::Digest(d.without_keys()).to_string();
            }
        }
        let Some(ue) = self.ues.get(impi) else {
            return;
        };
        let impu = ue.impu.clone();
        let (offer, ue_addr, pcscf_addr) = (ue.offer.clone(), ue.ue_addr, ue.pcscf_addr);
        let had_keys = keys.is_some();
        let (Some(offer), Some((ik, ck))) = (offer, keys) else {
            let why = match (self.ipsec, had_keys) {
                (IpsecPolicy::Off, _) => "IPsec is off at this P-CSCF: the 401 goes without Security-Server; a UE that requires IPsec will not send the second REGISTER".to_string(),
                (_, false) => "the 401 carries no ik/ck: no SAs can be made".to_string(),
                (_, true) => "the UE offered no IPsec (policy optional): no SAs".to_string(),
            };
            self.out.note(imsi, format!("401 for {impu}: {why}"));
            return;
        };
        let (spi_c, spi_s) = (self.new_spi(), self.new_spi());
        let id = self.new_sa_id();
        let set = SaSet {
            id,
            ue: SaEnd {
                addr: ue_addr,
                port_c: offer.mechanism.port_c,
                port_s: offer.mechanism.port_s,
                spi_c: offer.mechanism.spi_c,
                spi_s: offer.mechanism.spi_s,
            },
            pcscf: SaEnd {
                addr: pcscf_addr,
                port_c: self.port_c,
                port_s: self.port_s,
                spi_c,
                spi_s,
            },
            integrity: offer.integrity,
            encryption: offer.encryption,
            ik,
            ck,
            expires: now + TEMPORARY_SA_LIFETIME,
        };
        let server = vec![security_server(
            offer.integrity,
            offer.encryption,
            spi_c,
            spi_s,
            self.port_c,
            self.port_s,
        )];
        resp.remove_header("Content-Length");
        for m in &server {
            resp.push_header("Security-Server", m);
        }
        *resp = std::mem::replace(resp, SipMessage::response(200, "")).with_content_length();
        self.after_send
            .push(AfterSend::Install(Box::new(set.clone())));
        self.by_sa.insert(id, impi.to_string());
        let expires = set.expires;
        if let Some(ue) = self.ues.get_mut(impi) {
            let old = ue.temporary.replace(Sas {
                set: set.clone(),
                server,
            });
            if let Some(old) = old {
                self.after_send.push(AfterSend::Remove(old));
            }
        }
        self.wake(expires, impi);
        self.out.bump("sa_created");
        self.out.note(
            imsi,
            format!(
                "401 for {impu}: ik/ck taken out, temporary {id} created ({}/{}; UE port-c {} spi-c {} port-s {} spi-s {}; P-CSCF port-c {} spi-c {spi_c} port-s {} spi-s {spi_s}), Security-Server added",
                offer.integrity.name(),
                offer.encryption.name(),
                set.ue.port_c,
                set.ue.spi_c,
                set.ue.port_s,
                set.ue.spi_s,
                self.port_c,
                self.port_s
            ),
        );
    }

    /// The 200: the registration cache entry (TS 24.229 5.2.2.1), the SAs
    /// it came over become the ones in use, living as long as the
    /// registration. False for a de-registration (expiry 0).
    fn on_registered(
        &mut self,
        now: Time,
        resp: &SipMessage,
        request: &SipMessage,
        impi: &str,
        sa: Option<SaId>,
    ) -> bool {
        use crate::nodes::scscf::context::binding_key;
        let imsi = self.subs.imsi_of(resp);
        let asked = request
            .contacts()
            .map(|c| c.list().to_vec())
            .unwrap_or_default();
        if asked.is_empty()
            && !matches!(
                request.contacts(),
                Ok(crate::codec::sip::Contacts::Wildcard)
            )
        {
            // A query changes nothing here.
            return true;
        }
        let bound: Vec<(u32, crate::codec::sip::NameAddr)> = resp
            .contacts()
            .map(|c| c.list().to_vec())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|b| b.expires().filter(|e| *e > 0).map(|e| (e, b)))
            .collect();
        // No binding left: the user is de-registered. Else the expiry of
        // the UE's own contact, or of the longest binding when it removed
        // its own and others stay.
        let mine = bound
            .iter()
            .filter(|(_, b)| asked.iter().any(|a| binding_key(a) == binding_key(b)))
            .max_by_key(|(e, _)| *e)
            .or_else(|| bound.iter().max_by_key(|(e, _)| *e))
            .cloned();
        let Some((expires, contact)) = mine else {
            return false;
        };
        let Some(ue) = self.ues.get_mut(impi) else {
            return true;
        };
        ue.contact = Some(contact);
        let service_route: Vec<String> = resp
            .service_route()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        let mut associated: Vec<String> = resp
            .p_associated_uri()
            .map(|r| r.iter().map(|a| aor(&a.uri)).collect())
            .unwrap_or_default();
        let impu = ue.impu.clone();
        if associated.is_empty() {
            associated.push(impu.clone());
        }
        let expires_at = now + Duration::from_secs(u64::from(expires));
        let newly = ue.registered.is_none();
        // The SAs the 200 goes through become the ones in use; older ones go.
        let promote = ue.temporary.as_ref().is_some_and(|t| Some(t.id()) == sa);
        let mut old = None;
        if promote && let Some(ue) = self.ues.get_mut(impi) {
            let temp = ue.temporary.take();
            old = std::mem::replace(&mut ue.current, temp);
        }
        if let Some(o) = old {
            self.remove_sas(now, &o);
        }
        let current = self
            .ues
            .get(impi)
            .and_then(|u| u.current.as_ref().map(|c| (c.id(), c.set.clone())));
        if let Some((id, _)) = &current {
            self.gm(now, GmCommand::Extend(*id, expires_at));
        }
        let ue_addr = match self.ues.get_mut(impi) {
            Some(ue) => {
                if let Some(c) = ue.current.as_mut() {
                    c.set.expires = expires_at;
                }
                ue.registered = Some(Registered {
                    service_route: service_route.clone(),
                    associated: associated.clone(),
                    expires_at,
                });
                ue.ue_addr
            }
            None => return true,
        };
        for a in &associated {
            self.by_impu.insert(a.clone(), impi.to_string());
        }
        self.by_impu.insert(impu.clone(), impi.to_string());
        self.by_addr.insert(ue_addr, impi.to_string());
        self.wake(expires_at, impi);
        if newly {
            self.out.bump("registered");
        }
        let sas = match &current {
            Some((id, s)) => format!(
                "{id} in use (UE spi-c {} spi-s {} port-c {} port-s {}), expiring with it",
                s.ue.spi_c, s.ue.spi_s, s.ue.port_c, s.ue.port_s
            ),
            None => "no IPsec".to_string(),
        };
        self.out.note(
            imsi,
            format!(
                "{impu} {} for {expires} s; Service-Route {}; associated {}; {sas}",
                if newly { "registered" } else { "re-registered" },
                service_route.join(", "),
                associated.join(", ")
            ),
        );
        true
    }
}
