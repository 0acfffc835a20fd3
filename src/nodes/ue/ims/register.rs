//! Registration (TS 24.229 5.1.1) with IMS AKA and sec-agree (TS 33.203):
//! the initial REGISTER, the 401 and its AUTN check, the SAs, the REGISTER
//! with the AKAv1-MD5 response (RFC 3310), the 200 OK, refreshes before
//! expiry, the answers to invalid challenges and de-registration.

use super::AuthState;
use super::conn::host;
use super::request::{RegKind, TxnKind};
use super::secagree::{choose, security_client};
use super::transport::{EspKeys, SaSet, SaSetId, TransportCommand};
use super::{ImsClient, ImsTimer, Phase, RegDialog, Registration, SecAssoc};
use crate::codec::hex;
use crate::codec::sip::{
    Credentials, DigestChallenge, DigestCredentials, Method, NameAddr, Param, SipMessage, SipUri,
    Uri, reason_phrase,
};
use crate::crypto::aka_digest::{AkaNonce, DigestInput, encode_auts};
use crate::crypto::auth::AutnOutcome;
use crate::crypto::{Auts, Ck, Ik, Res, Sqn};
use crate::nodes::ue::usim::Usim;
use std::net::SocketAddr;
use std::time::Duration;

/// The MMTel ICSI as a Contact feature tag value (TS 24.173, TS 24.229
/// 7.9.2: percent-encoded URN).
pub const MMTEL_ICSI: &str = "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel";

/// The reason a UE that requires IPsec gives when the 401 has no
/// Security-Server (DESIGN.md field notes: real handsets stay silent).
pub const NO_SECURITY_SERVER: &str = "The UE got a 401 without Security-Server and stopped: it requires IPsec (the P-CSCF has ipsec: off)";

/// Challenges answered in a row before the UE gives up.
const MAX_CHALLENGES: u8 = 4;

/// When to refresh a registration of `expires` seconds (TS 24.229
/// 5.1.1.4.1): 600 s before expiry when it was granted for more than
/// 1200 s, else when half of it has passed.
pub fn refresh_after(expires: u32) -> Duration {
    let secs = if expires > 1200 {
        expires - 600
    } else {
        expires / 2
    };
    Duration::from_secs(u64::from(secs))
}

impl ImsClient {
    /// Starts an initial registration from scratch (TS 24.229 5.1.1.2): new
    /// Call-ID and Security-Client, the first P-CSCF address again.
    pub(super) fn start_registration(&mut self) {
        if self.phase == Phase::Idle {
            let id = &self.cfg.identity;
            let source = if id.derived {
                "derived from the IMSI (no ISIM; TS 23.003 13.3, 13.4B)"
            } else {
                "from the ISIM"
            };
            let text = format!(
                "IMS identities {source}: IMPI {}, IMPU {}, home domain {}",
                id.impi, id.impu, id.domain
            );
            self.note(text);
        }
        self.teardown();
        self.failure = None;
        self.invalid_challenges = 0;
        self.challenges = 0;
        self.auth_problem = None;
        self.sec_agree = true;
        self.connect_failures.clear();
        let Some(b) = self.bearer.clone() else {
            self.note("IMS registration waits for the ims PDN");
            return;
        };
        self.candidates = self.candidate_pairs();
        if self.candidates.is_empty() {
            let list = |v: Vec<String>| {
                if v.is_empty() {
                    "none".to_string()
                } else {
                    v.join(", ")
                }
            };
            let mine = list(
                [b.ipv4.map(|a| a.to_string()), b.ipv6.map(|a| a.to_string())]
                    .into_iter()
                    .flatten()
                    .collect(),
            );
            let theirs = list(b.pcscf.iter().map(ToString::to_string).collect());
            self.phase = Phase::Connecting;
            self.fail(format!(
                "The UE has no P-CSCF address of its ims PDN's IP version: UE {mine}, P-CSCF {theirs}"
            ));
            return;
        }
        let call_id = self.new_call_id();
        let from_tag = self.tag();
        let cseq = self.rng.range(1, 9999) as u32;
        self.dialog = RegDialog {
            call_id,
            from_tag,
            cseq,
        };
        self.new_offer();
        self.connect_candidate(0);
    }

    /// The unprotected connection opened: the initial REGISTER.
    pub(super) fn send_initial_register(&mut self) {
        self.phase = Phase::Registering;
        let creds = self.initial_credentials();
        self.send_register(RegKind::Initial, creds);
    }

    /// TS 24.229 5.1.1.2.1: username, realm and uri, empty nonce and
    /// response (the P-CSCF adds `integrity-protected`).
    fn initial_credentials(&self) -> DigestCredentials {
        let id = &self.cfg.identity;
        DigestCredentials {
            username: id.impi.clone(),
            realm: id.domain.clone(),
            nonce: String::new(),
            uri: id.registrar(),
            response: String::new(),
            ..DigestCredentials::default()
        }
    }

    /// The last credentials (TS 24.229 5.1.1.4.1: the last nonce and the
    /// last response), for refreshes and de-registration.
    fn last_credentials(&self) -> DigestCredentials {
        let Some(a) = &self.auth else {
            return self.initial_credentials();
        };
        let id = &self.cfg.identity;
        DigestCredentials {
            username: id.impi.clone(),
            realm: a.realm.clone(),
            nonce: a.nonce.clone(),
            uri: id.registrar(),
            response: a.response.clone(),
            algorithm: a.algorithm.clone(),
            cnonce: a.qop.as_ref().map(|(_, c)| c.clone()),
            opaque: a.opaque.clone(),
            qop: a.qop.as_ref().map(|_| "auth".to_string()),
            nc: a.qop.as_ref().map(|(nc, _)| nc.clone()),
            ..DigestCredentials::default()
        }
    }

    /// The contact port of each REGISTER: the port-s just offered for an
    /// initial registration, the port-s of the SAs being set up for the
    /// answer to a challenge, the registered one afterwards.
    fn contact_port(&self, kind: RegKind) -> u16 {
        let registered = self.registration.as_ref().map(|r| r.contact_port);
        match kind {
            RegKind::Initial => self.offer.port_s,
            RegKind::Credentials => self
                .temp_sa
                .as_ref()
                .map_or(self.offer.port_s, |s| s.ue.port_s),
            RegKind::Failure | RegKind::Refresh | RegKind::Deregister => {
                registered.unwrap_or(self.offer.port_s)
            }
        }
    }

    /// Contact (TS 24.229 5.1.1.2.1): the UE's address and port-s, its
    /// instance id and the MMTel ICSI.
    fn contact(&self, port: u16, expires: Option<u32>) -> String {
        let ip = self.local_ip().map_or_else(|| "0.0.0.0".to_string(), host);
        let mut c = NameAddr::new(Uri::Sip(SipUri::new(None, &ip).with_port(port)));
        if let Some(i) = &self.cfg.instance {
            c = c.with_param(Param::quoted("+sip.instance", i));
        }
        c = c.with_param(Param::quoted("+g.3gpp.icsi-ref", MMTEL_ICSI));
        if let Some(e) = expires {
            c = c.with_param(Param::new("expires", e.to_string()));
        }
        c.to_string()
    }

    /// Builds and sends a REGISTER of the registration's Call-ID with the
    /// next CSeq, on the connection `kind` goes on.
    fn send_register(&mut self, kind: RegKind, creds: DigestCredentials) {
        let conn = match kind {
            RegKind::Initial => self.plain,
            RegKind::Credentials => match &self.temp_sa {
                Some(t) => t.client,
                None => self.request_conn(),
            },
            RegKind::Failure | RegKind::Refresh | RegKind::Deregister => self.request_conn(),
        };
        let Some(conn) = conn else {
            self.fail("IMS registration failed: no connection to the P-CSCF is left".into());
            return;
        };
        let port = self.contact_port(kind);
        let verify = match kind {
            RegKind::Initial => Vec::new(),
            RegKind::Credentials => self
                .temp_sa
                .as_ref()
                .map(|s| s.verify.clone())
                .unwrap_or_default(),
            _ => self
                .sa
                .as_ref()
                .map(|s| s.verify.clone())
                .unwrap_or_default(),
        };
        let expires = if kind == RegKind::Deregister {
            0
        } else {
            self.cfg.expires
        };
        self.dialog.cseq = self.dialog.cseq.wrapping_add(1) & 0x7fff_ffff;
        let d = self.dialog.clone();
        let impu = self.cfg.identity.impu.clone();
        let registrar = self.cfg.identity.registrar();
        let uri = Uri::parse(&registrar).unwrap_or(Uri::Other(registrar));
        let mut m = self.base_request(
            Method::Register,
            uri,
            &impu,
            &d.from_tag,
            &impu,
            &d.call_id,
            d.cseq,
            port,
        );
        let contact_expires = (kind == RegKind::Deregister).then_some(0);
        m.push_header("Contact", self.contact(port, contact_expires));
        m.push_header("Expires", expires);
        m.push_header("Authorization", Credentials::Digest(Box::new(creds)));
        if self.sec_agree {
            let offer = security_client(&self.offer)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            m.push_header("Security-Client", offer);
            for v in verify {
                m.push_header("Security-Verify", v);
            }
            m.push_header("Require", "sec-agree");
            m.push_header("Proxy-Require", "sec-agree");
        }
        m.push_header("Supported", "path");
        m.push_header(
            "P-Access-Network-Info",
            self.cfg.access_network_info.clone(),
        );
        m.push_header("Content-Length", 0);
        self.count("ims_register_sent");
        self.start_txn(TxnKind::Register(kind), &m, conn);
    }

    /// The final response to a REGISTER.
    pub(super) fn on_register_response(
        &mut self,
        kind: RegKind,
        r: SipMessage,
        usim: Option<&mut Usim>,
    ) {
        let code = r.status().unwrap_or(0);
        match (code, kind) {
            (200..=299, RegKind::Deregister) => {
                self.note(format!(
                    "de-registered {} ({code} to REGISTER with Expires: 0): SAs removed",
                    self.cfg.identity.impu
                ));
                self.finish_deregistration();
            }
            (200..=299, _) => self.on_registered(kind, &r),
            (_, RegKind::Deregister) => {
                self.note(format!(
                    "de-registration answered {}: de-registered locally",
                    words(&r)
                ));
                self.finish_deregistration();
            }
            (401, _) => match usim {
                Some(usim) => self.on_challenge(&r, usim),
                None => self
                    .fail("IMS registration failed: a 401 came without a USIM to answer it".into()),
            },
            (403, _) => {
                let phrase = phrase(&r);
                let mut reason = if kind == RegKind::Initial {
                    format!("403 Forbidden to the initial REGISTER: {phrase}")
                } else {
                    format!("403 Forbidden after AKA: {phrase}")
                };
                if let Some(p) = &self.auth_problem {
                    reason.push_str(&format!(" ({p})"));
                }
                self.fail(reason);
            }
            _ => {
                let what = if kind == RegKind::Refresh {
                    "the refreshing REGISTER"
                } else {
                    "REGISTER"
                };
                self.fail(format!(
                    "IMS registration failed: {what} answered {}",
                    words(&r)
                ));
            }
        }
    }

    /// A 401 (TS 24.229 5.1.1.5.1): the AKA challenge goes to the USIM.
    fn on_challenge(&mut self, r: &SipMessage, usim: &mut Usim) {
        self.count("ims_challenges");
        self.challenges = self.challenges.saturating_add(1);
        if self.challenges > MAX_CHALLENGES {
            self.fail(format!(
                "IMS registration failed: {} challenges in a row without a 200 OK; the network never accepts the UE's answers",
                self.challenges
            ));
            return;
        }
        let ch = r
            .www_authenticate()
            .ok()
            .and_then(|l| l.into_iter().find_map(|c| c.digest().cloned()))
            .filter(DigestChallenge::is_aka_v1_md5);
        let Some(ch) = ch else {
            self.fail(
                "IMS registration failed: the 401 carries no Digest AKAv1-MD5 challenge".into(),
            );
            return;
        };
        let nonce = match AkaNonce::decode(&ch.nonce) {
            Ok(n) => n,
            Err(e) => {
                self.fail(format!(
                    "IMS registration failed: the 401's nonce is not base64(RAND || AUTN): {e}"
                ));
                return;
            }
        };
        match usim.authenticate_ims(&nonce.rand, &nonce.autn) {
            AutnOutcome::Ok { res, ck, ik, sqn } => {
                self.answer_challenge(&ch, r, &res, &ck, &ik, sqn)
            }
            AutnOutcome::MacFailure => self.answer_invalid_challenge(&ch, None, usim),
            AutnOutcome::SynchFailure { auts } => {
                self.answer_invalid_challenge(&ch, Some(auts), usim);
            }
        }
    }

    /// A valid challenge: the response from RES, the SAs from IK/CK and
    /// the Security-Server, and the REGISTER through them.
    fn answer_challenge(
        &mut self,
        ch: &DigestChallenge,
        r: &SipMessage,
        res: &Res,
        ck: &Ck,
        ik: &Ik,
        sqn: Sqn,
    ) {
        self.invalid_challenges = 0;
        self.auth_problem = None;
        self.count("ims_aka_ok");
        let mut text = format!(
            "AUTN of the 401 checked: MAC-A is right and SQN {} is fresh, so the network is authentic; RES, CK and IK derived",
            sqn.value()
        );
        if self.cfg.show_keys {
            text.push_str(&format!(
                " (RES {}, CK {}, IK {})",
                hex(res.as_bytes()),
                hex(ck.as_bytes()),
                hex(ik.as_bytes())
            ));
        }
        self.note(text);

        let use_qop = ch.qop.iter().any(|q| q.eq_ignore_ascii_case("auth"));
        let qop = use_qop.then(|| ("00000001".to_string(), self.tag()));
        let registrar = self.cfg.identity.registrar();
        let response = DigestInput {
            username: &self.cfg.identity.impi,
            realm: &ch.realm,
            password: res.as_bytes(),
            method: "REGISTER",
            uri: &registrar,
            nonce: &ch.nonce,
            qop: qop
                .as_ref()
                .map(|(nc, c)| (nc.as_str(), c.as_str(), "auth")),
        }
        .response();
        self.auth = Some(AuthState {
            realm: ch.realm.clone(),
            nonce: ch.nonce.clone(),
            opaque: ch.opaque.clone(),
            algorithm: ch.algorithm.clone(),
            qop,
            response,
        });
        let creds = self.last_credentials();

        let server_lines: Vec<String> = r
            .headers_named("Security-Server")
            .map(|h| h.value.clone())
            .collect();
        if server_lines.is_empty() {
            if self.cfg.requires_ipsec {
                self.count("ims_no_security_server");
                self.fail(NO_SECURITY_SERVER.into());
                return;
            }
            self.note("the 401 has no Security-Server: this UE does not require IPsec, so it answers without SAs");
            self.sec_agree = false;
            self.phase = self.answering_phase();
            self.send_register(RegKind::Credentials, creds);
            return;
        }
        let agreed = match r.security_server() {
            Ok(list) => choose(&list),
            Err(e) => Err(e.what),
        };
        let agreed = match agreed {
            Ok(a) => a,
            Err(why) => {
                self.fail(format!(
                    "The UE stopped: the Security-Server of the 401 does not match its Security-Client: {why}"
                ));
                return;
            }
        };
        let Some((ue_ip, pcscf_ip)) = self.pair() else {
            self.fail("IMS registration failed: the P-CSCF address is gone".into());
            return;
        };
        if let Some(old) = self.temp_sa.take() {
            self.remove_sa(&old);
            if let Some(c) = old.client {
                self.close_conn(c);
            }
        }
        let set = SaSet {
            id: SaSetId(self.offer.spi_c),
            ue: ue_ip,
            pcscf: pcscf_ip,
            ue_ports: self.offer,
            pcscf_ports: agreed.pcscf,
            alg: agreed.alg,
            ealg: agreed.ealg,
            keys: EspKeys::derive(ik, ck, agreed.alg, agreed.ealg),
        };
        self.note(format!(
            "IPsec SAs installed, temporary until the 200 OK (TS 33.203 7.4): {}",
            set.describe()
        ));
        self.count("ims_sa_installed");
        let id = set.id;
        self.command(TransportCommand::InstallSas(Box::new(set)));
        self.command(TransportCommand::Listen {
            local: SocketAddr::new(ue_ip, self.offer.port_s),
            sa: Some(id),
        });
        let client = self.open_conn(
            SocketAddr::new(ue_ip, self.offer.port_c),
            SocketAddr::new(pcscf_ip, agreed.pcscf.port_s),
            Some(id),
        );
        self.temp_sa = Some(SecAssoc {
            id,
            ue_ip,
            pcscf_ip,
            ue: self.offer,
            pcscf: agreed.pcscf,
            alg: agreed.alg,
            ealg: agreed.ealg,
            verify: server_lines,
            client: Some(client),
        });
        self.phase = self.answering_phase();
        self.send_register(RegKind::Credentials, creds);
    }

    fn answering_phase(&self) -> Phase {
        if self.registration.is_some() {
            Phase::Reregistering
        } else {
            Phase::Authenticating
        }
    }

    /// An invalid challenge (TS 24.229 5.1.1.5.3): a MAC failure is
    /// answered with an empty response and no auts, a SQN failure with the
    /// auts parameter (and, RFC 3310 3.4, a response computed with an empty
    /// password); over the SAs in use if any, with a new Security-Client,
    /// without temporary SAs. The UE answers two invalid challenges in a
    /// row, not a third.
    fn answer_invalid_challenge(&mut self, ch: &DigestChallenge, auts: Option<Auts>, usim: &Usim) {
        self.invalid_challenges = self.invalid_challenges.saturating_add(1);
        let problem = match auts {
            None => {
                self.count("ims_auth_mac_failure");
                "the UE found the MAC of the 401's AUTN wrong: the network does not hold this USIM's key"
                    .to_string()
            }
            Some(_) => {
                self.count("ims_auth_sync_failure");
                format!(
                    "the UE found the SQN of the 401's AUTN out of range (its SQN_MS is {}) and asked for resynchronisation",
                    usim.sqn_ms()
                )
            }
        };
        if self.invalid_challenges > 2 {
            self.fail(format!(
                "The UE stopped after a third invalid challenge in a row (TS 24.229 5.1.1.5.3): {problem}"
            ));
            return;
        }
        let answer = if auts.is_some() {
            "REGISTER with auts (TS 24.229 5.1.1.5.3, TS 33.102 6.3.5)"
        } else {
            "REGISTER with an empty response and no auts (TS 24.229 5.1.1.5.3)"
        };
        self.note(format!("{problem}; it answers with a {answer}"));
        self.auth_problem = Some(problem);
        let registrar = self.cfg.identity.registrar();
        let mut creds = DigestCredentials {
            username: self.cfg.identity.impi.clone(),
            realm: ch.realm.clone(),
            nonce: ch.nonce.clone(),
            uri: registrar.clone(),
            response: String::new(),
            algorithm: ch.algorithm.clone(),
            opaque: ch.opaque.clone(),
            ..DigestCredentials::default()
        };
        if let Some(a) = auts {
            let use_qop = ch.qop.iter().any(|q| q.eq_ignore_ascii_case("auth"));
            let qop = use_qop.then(|| ("00000001".to_string(), self.tag()));
            creds.response = DigestInput {
                username: &creds.username,
                realm: &ch.realm,
                password: b"",
                method: "REGISTER",
                uri: &registrar,
                nonce: &ch.nonce,
                qop: qop
                    .as_ref()
                    .map(|(nc, c)| (nc.as_str(), c.as_str(), "auth")),
            }
            .response();
            if let Some((nc, cnonce)) = qop {
                creds.qop = Some("auth".into());
                creds.nc = Some(nc);
                creds.cnonce = Some(cnonce);
            }
            creds.auts = Some(encode_auts(&a));
        }
        self.new_offer();
        if let Some(old) = self.temp_sa.take() {
            self.remove_sa(&old);
        }
        self.phase = if self.registration.is_some() {
            Phase::Reregistering
        } else {
            Phase::Registering
        };
        self.send_register(RegKind::Failure, creds);
    }

    /// A 2xx to a REGISTER that is not a de-registration.
    fn on_registered(&mut self, kind: RegKind, r: &SipMessage) {
        let port = self.contact_port(kind);
        let first = self.registration.is_none();
        if let Some(t) = self.temp_sa.take() {
            if let Some(old) = self.sa.take() {
                self.remove_sa(&old);
                if let Some(c) = old.client {
                    self.close_conn(c);
                }
                self.note("the old SAs are removed: the new ones carry SIP from now on");
            }
            self.sa = Some(t);
        }
        if self.sa.is_some()
            && let Some(p) = self.plain.take()
        {
            // SIP goes through the SAs from now on (TS 33.203 7.1).
            self.close_conn(p);
        }
        let service_route = r.service_route().unwrap_or_default();
        let associated: Vec<String> = r
            .p_associated_uri()
            .unwrap_or_default()
            .iter()
            .map(|a| a.uri.to_string())
            .collect();
        let expires = self.granted_expires(r, port);
        if expires == 0 {
            self.fail(format!(
                "IMS registration failed: {} to REGISTER granted 0 s",
                words(r)
            ));
            return;
        }
        let scscf = service_route.first().map(|a| match &a.uri {
            Uri::Sip(u) => format!("sip:{}", u.host_port()),
            other => other.to_string(),
        });
        let refresh = refresh_after(expires);
        self.registration = Some(Registration {
            expires,
            service_route,
            associated: associated.clone(),
            scscf: scscf.clone(),
            contact_port: port,
        });
        self.phase = Phase::Registered;
        self.failure = None;
        self.challenges = 0;
        self.start_timer(ImsTimer::Reregister, refresh);
        let sas = self.sa.as_ref().map_or_else(
            || "no IPsec".to_string(),
            |s| {
                format!(
                    "SAs {} / {}, UE spi-c {} spi-s {} port-c {} port-s {}",
                    s.alg.sip_name(),
                    s.ealg.sip_name(),
                    s.ue.spi_c,
                    s.ue.spi_s,
                    s.ue.port_c,
                    s.ue.port_s
                )
            },
        );
        if first {
            self.count("ims_registered");
            self.note(format!(
                "registered to IMS as {} ({}): S-CSCF {}, expires in {expires} s (refresh in {} s), associated URIs {}, {sas}",
                self.cfg.identity.impu,
                words(r),
                scscf.as_deref().unwrap_or("unknown (no Service-Route)"),
                refresh.as_secs(),
                if associated.is_empty() {
                    "none".to_string()
                } else {
                    associated.join(", ")
                }
            ));
            self.send_subscribe();
        } else {
            self.count("ims_reregistered");
            self.note(format!(
                "registration of {} refreshed: expires in {expires} s (next refresh in {} s)",
                self.cfg.identity.impu,
                refresh.as_secs()
            ));
            if self.subscription.is_none() {
                self.send_subscribe();
            }
        }
    }

    /// The expiry the 200 grants: the `expires` of the UE's own Contact,
    /// else the Expires header, else what the UE asked for (RFC 3261
    /// 10.2.4).
    fn granted_expires(&self, r: &SipMessage, port: u16) -> u32 {
        let ip = self.local_ip().map(host);
        let mine = r.contacts().ok().and_then(|c| {
            c.list()
                .iter()
                .find(|a| {
                    a.uri.as_sip().is_some_and(|u| {
                        Some(&u.host) == ip.as_ref() && u.port.unwrap_or(5060) == port
                    })
                })
                .and_then(NameAddr::expires)
        });
        mine.or_else(|| r.expires().ok().flatten())
            .unwrap_or(self.cfg.expires)
    }

    /// The refresh timer fired (TS 24.229 5.1.1.4.1): REGISTER over the
    /// SAs with the last credentials and a new Security-Client.
    pub(super) fn on_reregister_timer(&mut self) {
        if self.phase != Phase::Registered {
            return;
        }
        self.phase = Phase::Reregistering;
        self.new_offer();
        self.note(format!(
            "re-registering {} before its registration expires (TS 24.229 5.1.1.4.1)",
            self.cfg.identity.impu
        ));
        let creds = self.last_credentials();
        self.send_register(RegKind::Refresh, creds);
    }

    /// De-registration (TS 24.229 5.1.1.6): REGISTER with Expires 0 over
    /// the SAs.
    pub(super) fn send_deregister(&mut self) {
        self.phase = Phase::Deregistering;
        // A refresh still out would register again when answered.
        self.txns
            .retain(|t| !matches!(t.kind, TxnKind::Register(_)));
        self.stop_timer(ImsTimer::Reregister);
        self.stop_timer(ImsTimer::Resubscribe);
        self.note(format!(
            "de-registering {} (REGISTER with Expires: 0)",
            self.cfg.identity.impu
        ));
        let creds = self.last_credentials();
        self.send_register(RegKind::Deregister, creds);
    }

    /// The registration is over: SAs removed, connections closed.
    pub(super) fn finish_deregistration(&mut self) {
        self.count("ims_deregistered");
        self.teardown();
        self.phase = Phase::Deregistered;
    }

    /// The network ended the registration: register again from scratch
    /// (TS 24.229 5.1.1.3: new initial registration, so a new challenge).
    pub(super) fn registration_lost(&mut self, why: &str) {
        self.count("ims_registration_lost");
        self.note(format!(
            "{why}: the registration of {} is over; the UE removes its SAs and registers again from scratch",
            self.cfg.identity.impu
        ));
        self.start_registration();
    }
}

/// `code phrase` of a response (the standard phrase when it has none).
pub(super) fn words(r: &SipMessage) -> String {
    let code = r.status().unwrap_or(0);
    format!("{code} {}", phrase(r))
}

fn phrase(r: &SipMessage) -> String {
    match &r.start {
        crate::codec::sip::StartLine::Response { code, reason } if reason.is_empty() => {
            reason_phrase(*code).to_string()
        }
        crate::codec::sip::StartLine::Response { reason, .. } => reason.clone(),
        crate::codec::sip::StartLine::Request { .. } => String::new(),
    }
}
