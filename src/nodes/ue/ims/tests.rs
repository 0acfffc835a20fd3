//! IMS client tests: a fake P-CSCF built from `codec::sip` and a fake
//! S-CSCF/HSS computing vectors with `AuthVector::generate` for the fixture
//! keys drive the client through registration, re-registration, the reg
//! event, de-registration and MESSAGE; every SIP byte the UE sends is
//! decoded and checked. [`FakePcscf`] also plugs under a whole UE (see the
//! UE tests).

use super::*;
use crate::codec::sip::{
    Challenge, DigestChallenge, Method, RegContact, RegInfo, SipMessage, StartLine,
};
use crate::crypto::aka_digest::{AkaNonce, DigestInput, decode_auts};
use crate::crypto::auth::{AuthVector, recover_sqn_ms};
use crate::crypto::milenage::Milenage;
use crate::crypto::{Amf, K, Opc, Rand, Sqn};
use crate::nodes::ue::tests::{IMEISV, IMSI, KEY, OPC, USIM_SQN, plmn};
use crate::topology::{Isim, Usim as UsimSpec};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

pub(crate) const DOMAIN: &str = "ims.mnc001.mcc001.3gppnetwork.org";
pub(crate) const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
pub(crate) const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const SERVICE_ROUTE: &str = "<sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>";
const BOB: &str = "sip:001010000000002@ims.mnc001.mcc001.3gppnetwork.org";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn sock(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

fn config(isim: Option<&Isim>, requires_ipsec: bool) -> ImsConfig {
    let plmn = plmn();
    ImsConfig {
        name: "ue-001010000000001".into(),
        identity: ImsIdentity::new(isim, IMSI, &plmn),
        instance: identity::instance_id(IMEISV),
        access_network_info: identity::access_network_info(&plmn, 1, 0x19B01),
        requires_ipsec,
        expires: DEFAULT_EXPIRES,
        show_keys: false,
        seed: 42,
    }
}

fn bearer() -> Bearer {
    Bearer {
        ipv4: Some("10.46.0.2".parse().unwrap()),
        // The global address the UE forms from the Router Advertisement.
        ipv6: Some("fd00:46::6".parse().unwrap()),
        pcscf: vec![ip("10.46.0.1"), ip("fd00:46::1")],
    }
}

// ---------------------------------------------------------------------------
// The fake network: P-CSCF (sec-agree) + S-CSCF (AKA) + HSS (vectors)
// ---------------------------------------------------------------------------

/// The network side of Gm: challenges with vectors for its K, checks the
/// response against XRES, answers the rest.
pub(crate) struct Net {
    mil: Milenage,
    /// SQN of the next vector.
    pub(crate) sqn: u64,
    rand: [u8; 16],
    pub(crate) vector: Option<AuthVector>,
    /// Security-Server in the 401.
    pub(crate) ipsec: bool,
    /// The P-CSCF's SPIs and ports.
    pub(crate) server: ProtectedPorts,
    /// Expiry granted in the 200.
    pub(crate) expires: u32,
}

impl Net {
    pub(crate) fn new(k: [u8; 16], sqn: u64) -> Self {
        Self {
            mil: Milenage::new(K::new(k), Opc::new(OPC)),
            sqn,
            rand: [0x23; 16],
            vector: None,
            ipsec: true,
            server: ProtectedPorts {
                spi_c: 7000,
                spi_s: 7001,
                port_c: 6100,
                port_s: 6101,
            },
            expires: 3600,
        }
    }

    pub(crate) fn security_server(&self) -> String {
        let s = self.server;
        format!(
            "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c={};spi-s={};port-c={};port-s={}",
            s.spi_c, s.spi_s, s.port_c, s.port_s
        )
    }

    /// A fresh vector and the 401 carrying it (nonce = base64(RAND || AUTN)).
    pub(crate) fn challenge(&mut self, req: &SipMessage) -> SipMessage {
        self.rand[0] = self.rand[0].wrapping_add(1);
        let v = AuthVector::generate(
            &self.mil,
            Rand::new(self.rand),
            Sqn::new(self.sqn).unwrap(),
            Amf::new([0x80, 0x00]),
        );
        self.sqn += 1;
        let ch = DigestChallenge {
            realm: DOMAIN.into(),
            nonce: AkaNonce::new(v.rand, v.autn).encode(),
            algorithm: Some("AKAv1-MD5".into()),
            qop: vec!["auth".into()],
            ..DigestChallenge::default()
        };
        self.vector = Some(v);
        let mut r = SipMessage::response_to(req, 401, "Unauthorized").with_to_tag("sc401");
        r.push_header("WWW-Authenticate", Challenge::Digest(ch));
        if self.ipsec {
            r.push_header("Security-Server", self.security_server());
        }
        r
    }

    /// What the S-CSCF expects in `req`'s Authorization (XRES as password).
    pub(crate) fn expected_response(&self, req: &SipMessage) -> String {
        let d = req.authorization().unwrap()[0].digest().unwrap().clone();
        let xres = self.vector.as_ref().unwrap().xres;
        DigestInput {
            username: &d.username,
            realm: &d.realm,
            password: xres.as_bytes(),
            method: "REGISTER",
            uri: &d.uri,
            nonce: &d.nonce,
            qop: d
                .qop
                .as_deref()
                .map(|q| (d.nc.as_deref().unwrap(), d.cnonce.as_deref().unwrap(), q)),
        }
        .response()
    }

    /// 200 OK with Service-Route, P-Associated-URI and the UE's contact
    /// with the granted expiry.
    pub(crate) fn ok(&self, req: &SipMessage, expires: u32) -> SipMessage {
        let contact = req.contacts().unwrap().list()[0].clone();
        let mut r = SipMessage::response_to(req, 200, "OK").with_to_tag("sc200");
        r.push_header("Service-Route", SERVICE_ROUTE);
        r.push_header("P-Associated-URI", format!("<{IMPU}>, <tel:+15550001>"));
        r.push_header(
            "Contact",
            contact.with_param(crate::codec::sip::Param::new(
                "expires",
                expires.to_string(),
            )),
        );
        r
    }

    /// The S-CSCF's answer to a request.
    pub(crate) fn answer(&mut self, req: &SipMessage) -> SipMessage {
        match req.method() {
            Some(Method::Register) => {
                if req.expires().unwrap() == Some(0) {
                    return SipMessage::response_to(req, 200, "OK").with_to_tag("dereg");
                }
                let d = req.authorization().unwrap()[0].digest().unwrap().clone();
                if let Some(auts) = &d.auts {
                    let rand = self.vector.as_ref().unwrap().rand;
                    let sqn_ms = recover_sqn_ms(&self.mil, &rand, &decode_auts(auts).unwrap())
                        .expect("MAC-S verifies");
                    self.sqn = sqn_ms.value() + 1;
                    return self.challenge(req);
                }
                if d.nonce.is_empty() {
                    return self.challenge(req);
                }
                if !d.response.is_empty() && d.response == self.expected_response(req) {
                    self.ok(req, self.expires)
                } else {
                    SipMessage::response_to(req, 403, "Forbidden").with_to_tag("sc403")
                }
            }
            Some(Method::Subscribe) => SipMessage::response_to(req, 200, "OK")
                .with_to_tag("notifier")
                .with_header("Expires", DEFAULT_EXPIRES),
            Some(Method::Message) => SipMessage::response_to(req, 200, "OK").with_to_tag("bob"),
            _ => SipMessage::response_to(req, 405, ""),
        }
    }
}

/// What [`FakePcscf`] saw, shared with the test.
#[derive(Default)]
pub(crate) struct FakeLog {
    /// Every command of the UE's IMS client.
    pub(crate) commands: Vec<TransportCommand>,
    /// Every SIP message the UE sent.
    pub(crate) received: Vec<SipMessage>,
    /// Events to hand to the UE at its next input.
    pub(crate) inject: VecDeque<TransportEvent>,
}

/// An [`ImsLink`] that is the network: connections open at once, SIP goes
/// to a [`Net`], its answers come back on the same connection.
pub(crate) struct FakePcscf {
    pub(crate) net: Net,
    events: VecDeque<TransportEvent>,
    log: Arc<Mutex<FakeLog>>,
}

impl FakePcscf {
    /// A fake P-CSCF (with IPsec) and the handle to what it sees.
    pub(crate) fn new() -> (Self, Arc<Mutex<FakeLog>>) {
        let log = Arc::new(Mutex::new(FakeLog::default()));
        (
            Self {
                net: Net::new(KEY, USIM_SQN + 100),
                events: VecDeque::new(),
                log: log.clone(),
            },
            log,
        )
    }
}

impl ImsLink for FakePcscf {
    fn command(&mut self, _now: Time, cmd: TransportCommand) {
        let mut log = self.log.lock().unwrap();
        log.commands.push(cmd.clone());
        match cmd {
            TransportCommand::Connect { conn, .. } => {
                self.events.push_back(TransportEvent::Connected { conn });
            }
            TransportCommand::Send { conn, bytes } => {
                let m = SipMessage::decode(&bytes).expect("the UE sends valid SIP");
                log.received.push(m.clone());
                if m.is_request() {
                    let r = self.net.answer(&m);
                    self.events.push_back(TransportEvent::Data {
                        conn,
                        bytes: r.encode(),
                    });
                }
            }
            _ => {}
        }
    }

    fn receive(&mut self, _now: Time, _packet: &[u8]) {}

    fn poll_event(&mut self) -> Option<TransportEvent> {
        self.events
            .pop_front()
            .or_else(|| self.log.lock().unwrap().inject.pop_front())
    }

    fn poll_packet(&mut self) -> Option<Vec<u8>> {
        None
    }

    fn poll_timeout(&self) -> Option<Time> {
        None
    }

    fn handle_timeout(&mut self, _now: Time) {}
}

// ---------------------------------------------------------------------------
// Harness: the client, a USIM, virtual time
// ---------------------------------------------------------------------------

struct H {
    ims: ImsClient,
    usim: Usim,
    now: Time,
    notes: Vec<String>,
    counts: BTreeMap<&'static str, u64>,
}

impl H {
    fn new(cfg: ImsConfig) -> Self {
        Self {
            ims: ImsClient::new(cfg),
            usim: Usim::new(&UsimSpec {
                k: KEY,
                opc: OPC,
                sqn: USIM_SQN,
            }),
            now: Time::from_secs(5),
            notes: Vec::new(),
            counts: BTreeMap::new(),
        }
    }

    fn drain(&mut self) -> Vec<TransportCommand> {
        let mut cmds = Vec::new();
        while let Some(o) = self.ims.poll_output() {
            match o {
                ImsOutput::Transport(c) => cmds.push(c),
                ImsOutput::Note(n) => self.notes.push(n),
                ImsOutput::Count(c) => *self.counts.entry(c).or_default() += 1,
            }
        }
        cmds
    }

    fn count(&self, name: &str) -> u64 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    fn noted(&self, part: &str) -> bool {
        self.notes.iter().any(|n| n.contains(part))
    }

    fn start(&mut self) -> Vec<TransportCommand> {
        self.ims.bearer_up(self.now, bearer());
        self.ims.register(self.now);
        self.drain()
    }

    fn ev(&mut self, ev: TransportEvent) -> Vec<TransportCommand> {
        self.ims.handle_transport(self.now, ev, &mut self.usim);
        self.drain()
    }

    fn connected(&mut self, conn: ConnId) -> Vec<TransportCommand> {
        self.ev(TransportEvent::Connected { conn })
    }

    fn deliver(&mut self, conn: ConnId, m: &SipMessage) -> Vec<TransportCommand> {
        self.ev(TransportEvent::Data {
            conn,
            bytes: m.encode(),
        })
    }

    /// Moves virtual time to the client's next deadline and fires it.
    fn fire(&mut self) -> Vec<TransportCommand> {
        self.now = self.ims.poll_timeout().expect("a timer runs");
        self.ims.handle_timeout(self.now);
        self.drain()
    }

    fn state(&self) -> String {
        self.ims.status().map(|s| s.state).unwrap_or_default()
    }
}

/// The one Connect among `cmds`.
fn connect(cmds: &[TransportCommand]) -> (ConnId, SocketAddr, SocketAddr, Option<SaSetId>) {
    let c: Vec<_> = cmds
        .iter()
        .filter_map(|c| match c {
            TransportCommand::Connect {
                conn,
                local,
                remote,
                sa,
            } => Some((*conn, *local, *remote, *sa)),
            _ => None,
        })
        .collect();
    assert_eq!(c.len(), 1, "one Connect expected in {cmds:?}");
    c[0]
}

/// The SIP messages sent on `conn`.
fn sent_on(cmds: &[TransportCommand], conn: ConnId) -> Vec<SipMessage> {
    cmds.iter()
        .filter_map(|c| match c {
            TransportCommand::Send { conn: c, bytes } if *c == conn => {
                Some(SipMessage::decode(bytes).expect("the UE sends valid SIP"))
            }
            _ => None,
        })
        .collect()
}

fn one_on(cmds: &[TransportCommand], conn: ConnId) -> SipMessage {
    let mut v = sent_on(cmds, conn);
    assert_eq!(v.len(), 1, "one message on {conn} expected in {cmds:?}");
    v.remove(0)
}

fn no_sends(cmds: &[TransportCommand]) -> bool {
    !cmds
        .iter()
        .any(|c| matches!(c, TransportCommand::Send { .. }))
}

fn installed(cmds: &[TransportCommand]) -> SaSet {
    cmds.iter()
        .find_map(|c| match c {
            TransportCommand::InstallSas(s) => Some((**s).clone()),
            _ => None,
        })
        .expect("SAs installed")
}

fn digest(m: &SipMessage) -> crate::codec::sip::DigestCredentials {
    m.authorization().unwrap()[0].digest().unwrap().clone()
}

fn ipsec_client(m: &SipMessage) -> Vec<crate::codec::sip::Ipsec3gpp> {
    m.security_client()
        .unwrap()
        .iter()
        .map(|s| s.ipsec().unwrap().clone())
        .collect()
}

/// Where a registration stands after the 200.
struct Flow {
    plain: ConnId,
    sa_conn: ConnId,
    first: SipMessage,
    second: SipMessage,
    set: SaSet,
    subscribe: SipMessage,
    after_ok: Vec<TransportCommand>,
}

/// Runs the whole registration against `net` (the 200 grants `expires`);
/// the reg-event SUBSCRIBE is answered 200.
fn register(h: &mut H, net: &mut Net, expires: u32) -> Flow {
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let cmds = h.deliver(plain, &net.challenge(&first));
    let set = installed(&cmds);
    let (sa_conn, ..) = connect(&cmds);
    let second = one_on(&h.connected(sa_conn), sa_conn);
    assert_eq!(net.expected_response(&second), digest(&second).response);
    let after_ok = h.deliver(sa_conn, &net.ok(&second, expires));
    let subscribe = one_on(&after_ok, sa_conn);
    let answer = net.answer(&subscribe);
    h.deliver(sa_conn, &answer);
    Flow {
        plain,
        sa_conn,
        first,
        second,
        set,
        subscribe,
        after_ok,
    }
}

// ---------------------------------------------------------------------------
// The first REGISTER
// ---------------------------------------------------------------------------

#[test]
fn ims_first_register_offers_sec_agree_with_derived_identities() {
    let mut h = H::new(config(None, true));
    let cmds = h.start();
    let (plain, local, remote, sa) = connect(&cmds);
    assert_eq!(local.ip(), ip("10.46.0.2"), "from the IMS PDN address");
    assert!(local.port() >= 49152);
    assert_eq!(
        remote,
        sock("10.46.0.1:5060"),
        "the first P-CSCF of the PCO"
    );
    assert_eq!(sa, None);
    assert!(
        h.noted("(the first P-CSCF address of the PCO)"),
        "{:?}",
        h.notes
    );
    assert!(no_sends(&cmds), "nothing before the connection opens");
    assert!(h.noted(&format!(
        "IMS identities derived from the IMSI (no ISIM; TS 23.003 13.3, 13.4B): IMPI {IMPI}, IMPU {IMPU}, home domain {DOMAIN}"
    )));
    assert_eq!(h.state(), "connecting");

    let reg = one_on(&h.connected(plain), plain);
    assert_eq!(h.state(), "registering");
    let StartLine::Request { method, uri } = &reg.start else {
        panic!("not a request");
    };
    assert_eq!(*method, Method::Register);
    assert_eq!(uri.to_string(), format!("sip:{DOMAIN}"));
    assert_eq!(reg.from().unwrap().uri.to_string(), IMPU);
    assert!(reg.from().unwrap().tag().is_some());
    assert_eq!(reg.to().unwrap().uri.to_string(), IMPU);
    assert!(reg.to().unwrap().tag().is_none());
    assert!(!reg.call_id().unwrap().is_empty());
    assert_eq!(reg.cseq().unwrap().method, Method::Register);
    assert_eq!(reg.expires().unwrap(), Some(600_000));
    assert_eq!(reg.max_forwards().unwrap(), Some(70));
    assert_eq!(reg.content_length().unwrap(), Some(0));

    // Security-Client: four ipsec-3gpp offers with the same SPIs and ports.
    let offers = ipsec_client(&reg);
    let pairs: Vec<(&str, Option<&str>)> = offers
        .iter()
        .map(|o| (o.alg.as_str(), o.ealg.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("hmac-sha-1-96", Some("null")),
            ("hmac-sha-1-96", Some("aes-cbc")),
            ("hmac-md5-96", Some("null")),
            ("hmac-md5-96", Some("aes-cbc")),
        ]
    );
    let o = &offers[0];
    assert!(o.spi_c >= 256);
    assert_eq!(o.spi_s, o.spi_c + 1);
    assert!(o.port_c >= 49152);
    assert_eq!(o.port_s, o.port_c + 1);
    assert!(offers.iter().all(|x| (x.spi_c, x.spi_s, x.port_c, x.port_s)
        == (o.spi_c, o.spi_s, o.port_c, o.port_s)
        && x.prot.as_deref() == Some("esp")
        && x.mode.as_deref() == Some("trans")));
    assert_eq!(reg.require().unwrap(), ["sec-agree"]);
    assert_eq!(reg.proxy_require().unwrap(), ["sec-agree"]);
    assert_eq!(reg.supported().unwrap(), ["path"]);

    // Via and Contact carry the protected server port.
    let via = reg.top_via().unwrap();
    assert_eq!(via.transport, "TCP");
    assert_eq!((via.host.as_str(), via.port), ("10.46.0.2", Some(o.port_s)));
    assert!(via.branch().unwrap().starts_with("z9hG4bK"));
    let contacts = reg.contacts().unwrap();
    let c = &contacts.list()[0];
    assert_eq!(c.uri.to_string(), format!("sip:10.46.0.2:{}", o.port_s));
    assert_eq!(
        c.instance().as_deref(),
        Some("<urn:gsma:imei:35349006-987331-0>")
    );
    assert_eq!(
        c.icsi_ref().as_deref(),
        Some("urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel")
    );

    // Authorization: the IMPI, empty nonce and response (TS 24.229 5.1.1.2.1).
    let d = digest(&reg);
    assert_eq!(d.username, IMPI);
    assert_eq!(d.realm, DOMAIN);
    assert_eq!(d.uri, format!("sip:{DOMAIN}"));
    assert_eq!((d.nonce.as_str(), d.response.as_str()), ("", ""));
    assert_eq!(d.auts, None);

    let pani = reg.p_access_network_info().unwrap();
    assert_eq!(pani[0].access_type, "3GPP-E-UTRAN-FDD");
    assert_eq!(pani[0].cell_id().as_deref(), Some("0010100010019B01"));

    let s = h.ims.status().unwrap();
    assert_eq!((s.impu.as_str(), s.sa, s.expires), (IMPU, None, None));
    assert_eq!(h.count("ims_register_sent"), 1);
}

#[test]
fn ims_first_register_uses_the_isim_identities() {
    let isim = Isim {
        impi: "alice.private@ims.example.org".into(),
        impus: vec!["sip:alice@ims.example.org".into()],
        domain: "ims.example.org".into(),
    };
    let mut h = H::new(config(Some(&isim), true));
    let (plain, ..) = connect(&h.start());
    let reg = one_on(&h.connected(plain), plain);
    assert_eq!(
        reg.request_uri().unwrap().to_string(),
        "sip:ims.example.org"
    );
    assert_eq!(
        reg.from().unwrap().uri.to_string(),
        "sip:alice@ims.example.org"
    );
    assert_eq!(
        reg.to().unwrap().uri.to_string(),
        "sip:alice@ims.example.org"
    );
    let d = digest(&reg);
    assert_eq!(d.username, "alice.private@ims.example.org");
    assert_eq!(
        (d.realm.as_str(), d.uri.as_str()),
        ("ims.example.org", "sip:ims.example.org")
    );
    assert_eq!(h.ims.status().unwrap().impu, "sip:alice@ims.example.org");
    assert!(h.noted("IMS identities from the ISIM: IMPI alice.private@ims.example.org, IMPU sip:alice@ims.example.org, home domain ims.example.org"));
}

#[test]
fn ims_falls_back_to_the_next_pcscf_when_tcp_fails_or_times_out() {
    let mut h = H::new(config(None, true));
    h.ims.bearer_up(
        h.now,
        Bearer {
            pcscf: vec![ip("10.46.0.1"), ip("10.46.0.9"), ip("fd00:46::1")],
            ..bearer()
        },
    );
    h.ims.register(h.now);
    let (c1, _, r1, _) = connect(&h.drain());
    assert_eq!(r1, sock("10.46.0.1:5060"));
    let cmds = h.ev(TransportEvent::Failed {
        conn: c1,
        reason: "connection refused".into(),
    });
    let (c2, _, r2, _) = connect(&cmds);
    assert_eq!(r2, sock("10.46.0.9:5060"));
    // No answer: the connect timer moves on to the IPv6 P-CSCF.
    let start = h.now;
    let cmds = h.fire();
    assert_eq!(h.now - start, CONNECT_TIMEOUT);
    assert!(cmds.contains(&TransportCommand::Close { conn: c2 }));
    let (c3, l3, r3, _) = connect(&cmds);
    assert_eq!((l3.ip(), r3), (ip("fd00:46::6"), sock("[fd00:46::1]:5060")));
    let reg = one_on(&h.connected(c3), c3);
    assert_eq!(reg.top_via().unwrap().host, "[fd00:46::6]");
    assert!(
        reg.contacts().unwrap().list()[0]
            .uri
            .to_string()
            .starts_with("sip:[fd00:46::6]:")
    );
    assert_eq!(h.count("ims_tcp_failed"), 2);
}

#[test]
fn ims_fails_when_no_pcscf_answers() {
    let mut h = H::new(config(None, true));
    let (c1, ..) = connect(&h.start());
    let (c2, ..) = connect(&h.ev(TransportEvent::Failed {
        conn: c1,
        reason: "refused".into(),
    }));
    let cmds = h.ev(TransportEvent::Failed {
        conn: c2,
        reason: "unreachable".into(),
    });
    assert!(cmds.is_empty(), "{cmds:?}");
    assert_eq!(
        h.ims.failure(),
        Some(
            "The UE could not open TCP to any P-CSCF from the PCO: 10.46.0.1:5060 (refused); [fd00:46::1]:5060 (unreachable)"
        )
    );
    assert_eq!(h.state(), "failed");
    assert_eq!(h.ims.poll_timeout(), None);
}

#[test]
fn ims_fails_without_a_pcscf_of_the_pdn_ip_version() {
    let mut h = H::new(config(None, true));
    h.ims.bearer_up(
        h.now,
        Bearer {
            ipv4: Some("10.46.0.2".parse().unwrap()),
            ipv6: None,
            pcscf: vec![ip("fd00:46::1")],
        },
    );
    h.ims.register(h.now);
    assert!(h.drain().is_empty());
    assert_eq!(
        h.ims.failure(),
        Some(
            "The UE has no P-CSCF address of its ims PDN's IP version: UE 10.46.0.2, P-CSCF fd00:46::1"
        )
    );
}

// ---------------------------------------------------------------------------
// The 401, the SAs and the second REGISTER
// ---------------------------------------------------------------------------

#[test]
fn ims_second_register_goes_through_the_sas_with_verify_and_the_xres_response() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let offer = ipsec_client(&first)[0].clone();
    let challenge = net.challenge(&first);
    let cmds = h.deliver(plain, &challenge);
    assert!(
        no_sends(&cmds),
        "the REGISTER waits for the protected connection"
    );
    assert!(h.noted("AUTN of the 401 checked: MAC-A is right and SQN 33 is fresh"));
    assert!(!h.noted("RES "), "no keys in notes without show_keys");
    assert_eq!(h.usim.sqn_ms(), USIM_SQN + 1, "the USIM took the SQN");

    // SAs from IK/CK (TS 33.203 Annex I) with the UE's and P-CSCF's values.
    let v = net.vector.clone().unwrap();
    let set = installed(&cmds);
    assert_eq!(
        (set.alg, set.ealg),
        (IntegrityAlg::HmacSha1_96, EncryptionAlg::Null)
    );
    assert_eq!((set.ue, set.pcscf), (ip("10.46.0.2"), ip("10.46.0.1")));
    assert_eq!(
        set.ue_ports,
        ProtectedPorts {
            spi_c: offer.spi_c,
            spi_s: offer.spi_s,
            port_c: offer.port_c,
            port_s: offer.port_s
        }
    );
    assert_eq!(set.pcscf_ports, net.server);
    assert_eq!(set.keys, EspKeys::derive(&v.ik, &v.ck, set.alg, set.ealg));
    // TS 33.203 Annex I: IK_ESP = IK || 0^32 for HMAC-SHA-1-96.
    assert_eq!(set.keys.integrity_key()[..16], *v.ik.as_bytes());
    assert_eq!(set.keys.integrity_key()[16..], [0; 4]);
    assert!(cmds.contains(&TransportCommand::Listen {
        local: SocketAddr::new(ip("10.46.0.2"), offer.port_s),
        sa: Some(set.id),
    }));
    let (sa_conn, local, remote, sa) = connect(&cmds);
    assert_eq!(local, SocketAddr::new(ip("10.46.0.2"), offer.port_c));
    assert_eq!(remote, SocketAddr::new(ip("10.46.0.1"), net.server.port_s));
    assert_eq!(sa, Some(set.id));
    assert_eq!(h.state(), "authenticating");
    assert_eq!(
        h.ims.status().unwrap().sa,
        Some((offer.spi_c, offer.spi_s, offer.port_c, offer.port_s))
    );

    let second = one_on(&h.connected(sa_conn), sa_conn);
    assert_eq!(second.call_id().unwrap(), first.call_id().unwrap());
    assert_eq!(second.cseq().unwrap().seq, first.cseq().unwrap().seq + 1);
    assert_eq!(second.from().unwrap().tag(), first.from().unwrap().tag());
    assert_eq!(
        second.header("Security-Verify"),
        Some(net.security_server().as_str()),
        "Security-Verify echoes the Security-Server"
    );
    assert_eq!(ipsec_client(&second), ipsec_client(&first));
    let d = digest(&second);
    let challenge_nonce = challenge.www_authenticate().unwrap()[0]
        .digest()
        .unwrap()
        .nonce
        .clone();
    assert_eq!(d.nonce, challenge_nonce);
    assert_eq!(d.username, IMPI);
    assert_eq!(d.algorithm.as_deref(), Some("AKAv1-MD5"));
    assert_eq!(d.qop.as_deref(), Some("auth"));
    assert_eq!(d.nc.as_deref(), Some("00000001"));
    let cnonce = d.cnonce.clone().expect("cnonce");
    let expected = DigestInput {
        username: IMPI,
        realm: DOMAIN,
        password: v.xres.as_bytes(),
        method: "REGISTER",
        uri: &format!("sip:{DOMAIN}"),
        nonce: &challenge_nonce,
        qop: Some(("00000001", &cnonce, "auth")),
    }
    .response();
    assert_eq!(d.response, expected, "RES as raw octets (RFC 3310)");
    assert_eq!(
        second.contacts().unwrap().list()[0].uri.to_string(),
        format!("sip:10.46.0.2:{}", offer.port_s)
    );
    assert_eq!(h.count("ims_sa_installed"), 1);
}

#[test]
fn ims_registers_on_200_and_reports_impu_scscf_expiry_and_sas() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let s = h.ims.status().unwrap();
    let u = f.set.ue_ports;
    assert_eq!(
        s,
        ImsStatus {
            state: "registered".into(),
            impu: IMPU.into(),
            impi: h.ims.identity().impi.clone(),
            derived: h.ims.identity().derived,
            scscf: Some("sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060".into()),
            expires: Some(3600),
            sa: Some((u.spi_c, u.spi_s, u.port_c, u.port_s)),
        }
    );
    assert!(h.ims.is_registered());
    assert!(
        f.after_ok
            .contains(&TransportCommand::Close { conn: f.plain }),
        "the unprotected connection is closed once the SAs carry SIP"
    );
    assert!(h.noted(&format!(
        "registered to IMS as {IMPU} (200 OK): S-CSCF sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060, expires in 3600 s (refresh in 3000 s), associated URIs {IMPU}, tel:+15550001, SAs hmac-sha-1-96 / null"
    )), "{:?}", h.notes);

    // SUBSCRIBE to the reg event along the Service-Route, over the SAs.
    let sub = &f.subscribe;
    assert_eq!(sub.method(), Some(&Method::Subscribe));
    assert_eq!(sub.request_uri().unwrap().to_string(), IMPU);
    assert_eq!(sub.from().unwrap().uri.to_string(), IMPU);
    assert_eq!(sub.to().unwrap().uri.to_string(), IMPU);
    assert_eq!(sub.event().unwrap().unwrap().value, "reg");
    assert_eq!(sub.expires().unwrap(), Some(600_000));
    assert_eq!(sub.header("Accept"), Some("application/reginfo+xml"));
    assert_eq!(
        sub.route()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [SERVICE_ROUTE]
    );
    assert_ne!(sub.call_id().unwrap(), f.first.call_id().unwrap());
    assert_eq!(sub.top_via().unwrap().port, Some(f.set.ue_ports.port_s));
    assert_eq!(h.count("ims_registered"), 1);
    assert_eq!(h.count("ims_subscribed"), 1);
    assert!(h.noted("reg-event subscription accepted (200 OK)"));
}

#[test]
fn ims_stays_silent_after_a_401_without_security_server() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    net.ipsec = false;
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let cmds = h.deliver(plain, &net.challenge(&first));
    assert!(cmds.is_empty(), "nothing more goes out: {cmds:?}");
    assert_eq!(h.ims.failure(), Some(NO_SECURITY_SERVER));
    assert_eq!(
        NO_SECURITY_SERVER,
        "The UE got a 401 without Security-Server and stopped: it requires IPsec (the P-CSCF has ipsec: off)"
    );
    assert_eq!(h.state(), "failed");
    assert_eq!(h.ims.poll_timeout(), None, "no timer left");
    assert_eq!(h.count("ims_no_security_server"), 1);
    // A later MESSAGE request is refused locally, not sent.
    h.ims.send_message(h.now, BOB, "hello");
    assert!(no_sends(&h.drain()));
}

#[test]
fn ims_without_required_ipsec_registers_unprotected() {
    let mut h = H::new(config(None, false));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    net.ipsec = false;
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let cmds = h.deliver(plain, &net.challenge(&first));
    let second = one_on(&cmds, plain);
    assert!(
        !cmds
            .iter()
            .any(|c| matches!(c, TransportCommand::InstallSas(_)))
    );
    assert_eq!(second.header("Security-Client"), None);
    assert_eq!(second.header("Require"), None);
    assert_eq!(digest(&second).response, net.expected_response(&second));
    let cmds = h.deliver(plain, &net.ok(&second, 600));
    let sub = one_on(&cmds, plain);
    assert_eq!(sub.method(), Some(&Method::Subscribe));
    let s = h.ims.status().unwrap();
    assert_eq!(
        (s.state.as_str(), s.sa, s.expires),
        ("registered", None, Some(600))
    );
}

#[test]
fn ims_refuses_a_security_server_it_did_not_offer() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let mut challenge = net.challenge(&first);
    challenge.set_header(
        "Security-Server",
        "ipsec-3gpp;alg=hmac-sha-1-96;ealg=des-ede3-cbc;spi-c=1;spi-s=2;port-c=3;port-s=4",
    );
    let cmds = h.deliver(plain, &challenge);
    assert!(cmds.is_empty(), "{cmds:?}");
    assert_eq!(
        h.ims.failure(),
        Some(
            "The UE stopped: the Security-Server of the 401 does not match its Security-Client: alg=hmac-sha-1-96 ealg=des-ede3-cbc, which the UE did not offer"
        )
    );
}

// ---------------------------------------------------------------------------
// Invalid challenges (TS 24.229 5.1.1.5.3) and error responses
// ---------------------------------------------------------------------------

#[test]
fn ims_answers_a_mac_failure_with_an_empty_response_then_reports_the_403() {
    let mut h = H::new(config(None, true));
    let mut other = KEY;
    other[0] ^= 0xff;
    let mut net = Net::new(other, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let challenge = net.challenge(&first);
    let cmds = h.deliver(plain, &challenge);
    assert!(
        !cmds.iter().any(|c| matches!(
            c,
            TransportCommand::InstallSas(_) | TransportCommand::Connect { .. }
        )),
        "no temporary SAs"
    );
    let answer = one_on(&cmds, plain);
    let d = digest(&answer);
    assert_eq!(d.response, "", "empty response");
    assert_eq!(d.auts, None, "no auts");
    assert_eq!(
        d.nonce,
        challenge.www_authenticate().unwrap()[0]
            .digest()
            .unwrap()
            .nonce
    );
    assert_eq!(d.username, IMPI);
    assert_eq!(answer.call_id().unwrap(), first.call_id().unwrap());
    assert_eq!(answer.cseq().unwrap().seq, first.cseq().unwrap().seq + 1);
    assert_ne!(
        ipsec_client(&answer)[0].spi_c,
        ipsec_client(&first)[0].spi_c,
        "a new Security-Client"
    );
    assert_eq!(answer.header("Security-Verify"), None);
    assert_eq!(h.usim.sqn_ms(), USIM_SQN, "the USIM state is unchanged");
    assert_eq!(h.count("ims_auth_mac_failure"), 1);

    let forbidden = net.answer(&answer);
    assert_eq!(forbidden.status(), Some(403));
    assert!(h.deliver(plain, &forbidden).is_empty());
    assert_eq!(
        h.ims.failure(),
        Some(
            "403 Forbidden after AKA: Forbidden (the UE found the MAC of the 401's AUTN wrong: the network does not hold this USIM's key)"
        )
    );
}

#[test]
fn ims_answers_a_stale_sqn_with_auts_and_registers_after_resync() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, 5);
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let challenge = net.challenge(&first);
    let cmds = h.deliver(plain, &challenge);
    let answer = one_on(&cmds, plain);
    let d = digest(&answer);
    let auts = decode_auts(d.auts.as_deref().expect("auts")).unwrap();
    let rand = net.vector.as_ref().unwrap().rand;
    assert_eq!(
        recover_sqn_ms(&net.mil, &rand, &auts),
        Sqn::new(USIM_SQN),
        "AUTS carries the USIM's SQN_MS"
    );
    // RFC 3310 3.4: the response with an empty password.
    let expected = DigestInput {
        username: IMPI,
        realm: DOMAIN,
        password: b"",
        method: "REGISTER",
        uri: &format!("sip:{DOMAIN}"),
        nonce: &d.nonce,
        qop: Some(("00000001", d.cnonce.as_deref().unwrap(), "auth")),
    }
    .response();
    assert_eq!(d.response, expected);
    assert_eq!(h.count("ims_auth_sync_failure"), 1);
    assert!(h.noted("its SQN_MS is 32"), "{:?}", h.notes);

    // The network resynchronises and challenges again: now it works.
    let again = net.answer(&answer);
    assert_eq!(again.status(), Some(401));
    assert_eq!(net.sqn, USIM_SQN + 2, "HSS moved above SQN_MS");
    let cmds = h.deliver(plain, &again);
    let set = installed(&cmds);
    assert_eq!(set.ue_ports.spi_c, ipsec_client(&answer)[0].spi_c);
    let (sa_conn, ..) = connect(&cmds);
    let second = one_on(&h.connected(sa_conn), sa_conn);
    h.deliver(sa_conn, &net.answer(&second));
    assert_eq!(h.state(), "registered");
    assert_eq!(h.usim.sqn_ms(), USIM_SQN + 1);
}

#[test]
fn ims_stops_after_a_third_invalid_challenge() {
    let mut h = H::new(config(None, true));
    let mut other = KEY;
    other[1] ^= 1;
    let mut net = Net::new(other, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let mut req = one_on(&h.connected(plain), plain);
    for _ in 0..2 {
        req = one_on(&h.deliver(plain, &net.challenge(&req)), plain);
        assert_eq!(digest(&req).response, "");
    }
    assert!(h.deliver(plain, &net.challenge(&req)).is_empty());
    assert!(h.ims.failure().unwrap().starts_with(
        "The UE stopped after a third invalid challenge in a row (TS 24.229 5.1.1.5.3)"
    ));
}

#[test]
fn ims_gives_up_when_the_network_challenges_again_and_again() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let mut conn = plain;
    let mut req = one_on(&h.connected(plain), plain);
    for _ in 0..4 {
        let (c, ..) = connect(&h.deliver(conn, &net.challenge(&req)));
        conn = c;
        req = one_on(&h.connected(c), c);
    }
    let cmds = h.deliver(conn, &net.challenge(&req));
    assert!(no_sends(&cmds));
    assert_eq!(
        h.ims.failure(),
        Some(
            "IMS registration failed: 5 challenges in a row without a 200 OK; the network never accepts the UE's answers"
        )
    );
}

#[test]
fn ims_fails_on_error_responses_with_the_code_in_words() {
    // 403 to the first REGISTER (e.g. an unknown IMPU at the I-CSCF).
    let mut h = H::new(config(None, true));
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    h.deliver(plain, &SipMessage::response_to(&first, 403, "Forbidden"));
    assert_eq!(
        h.ims.failure(),
        Some("403 Forbidden to the initial REGISTER: Forbidden")
    );

    // 403 after a good AKA: the S-CSCF refused the response.
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    let cmds = h.deliver(plain, &net.challenge(&first));
    let (sa_conn, ..) = connect(&cmds);
    let second = one_on(&h.connected(sa_conn), sa_conn);
    let cmds = h.deliver(
        sa_conn,
        &SipMessage::response_to(&second, 403, "Authentication Failed"),
    );
    assert_eq!(
        h.ims.failure(),
        Some("403 Forbidden after AKA: Authentication Failed")
    );
    assert!(
        cmds.iter()
            .any(|c| matches!(c, TransportCommand::RemoveSas(_))),
        "temporary SAs removed: {cmds:?}"
    );

    // Any other code, in words.
    let mut h = H::new(config(None, true));
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    h.deliver(plain, &SipMessage::response_to(&first, 500, ""));
    assert_eq!(
        h.ims.failure(),
        Some("IMS registration failed: REGISTER answered 500 Server Internal Error")
    );
    // A 1xx changes nothing.
    let mut h = H::new(config(None, true));
    let (plain, ..) = connect(&h.start());
    let first = one_on(&h.connected(plain), plain);
    h.deliver(plain, &SipMessage::response_to(&first, 100, "Trying"));
    assert_eq!(h.state(), "registering");
}

#[test]
fn ims_fails_when_register_gets_no_answer() {
    let mut h = H::new(config(None, true));
    let (plain, ..) = connect(&h.start());
    one_on(&h.connected(plain), plain);
    let start = h.now;
    h.fire();
    assert_eq!(h.now - start, Duration::from_secs(32), "Timer F = 64*T1");
    assert_eq!(
        h.ims.failure(),
        Some(
            "IMS registration failed: no answer to REGISTER: no final response within 32 s (Timer F)"
        )
    );
}

// ---------------------------------------------------------------------------
// Re-registration, the reg event, de-registration
// ---------------------------------------------------------------------------

#[test]
fn ims_reregisters_before_expiry_over_the_sas() {
    assert_eq!(refresh_after(3600), Duration::from_secs(3000));
    assert_eq!(refresh_after(1200), Duration::from_secs(600));
    assert_eq!(refresh_after(600), Duration::from_secs(300));
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let registered_at = h.now;
    assert_eq!(
        h.ims.poll_timeout(),
        Some(registered_at + Duration::from_secs(3000)),
        "600 s before expiry (TS 24.229 5.1.1.4.1)"
    );
    let cmds = h.fire();
    assert_eq!(h.state(), "reregistering");
    assert!(h.ims.is_registered());
    let refresh = one_on(&cmds, f.sa_conn);
    assert_eq!(refresh.call_id().unwrap(), f.first.call_id().unwrap());
    assert_eq!(
        refresh.cseq().unwrap().seq,
        f.second.cseq().unwrap().seq + 1
    );
    assert_eq!(
        refresh.header("Security-Verify"),
        Some(net.security_server().as_str())
    );
    let (d2, d3) = (digest(&f.second), digest(&refresh));
    assert_eq!(
        (d3.nonce, d3.response),
        (d2.nonce, d2.response),
        "the last nonce and response"
    );
    assert_ne!(
        ipsec_client(&refresh)[0].spi_c,
        f.set.ue_ports.spi_c,
        "new Security-Client"
    );
    assert_eq!(
        refresh.contacts().unwrap().list()[0].uri.to_string(),
        format!("sip:10.46.0.2:{}", f.set.ue_ports.port_s),
        "the registered contact"
    );
    assert_eq!(refresh.expires().unwrap(), Some(600_000));

    // Granted 600 s this time: the next refresh comes at half of it.
    let cmds = h.deliver(f.sa_conn, &net.ok(&refresh, 600));
    assert!(
        !cmds
            .iter()
            .any(|c| matches!(c, TransportCommand::RemoveSas(_))),
        "same SAs"
    );
    assert_eq!(h.state(), "registered");
    assert_eq!(h.ims.status().unwrap().expires, Some(600));
    assert_eq!(h.ims.status().unwrap().sa.unwrap().0, f.set.ue_ports.spi_c);
    assert_eq!(h.ims.poll_timeout(), Some(h.now + Duration::from_secs(300)));
    assert_eq!(h.count("ims_reregistered"), 1);
    assert!(h.noted("re-registering sip:001010000000001@"));
}

#[test]
fn ims_reauthenticates_on_a_401_to_a_refresh_and_swaps_the_sas() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let refresh = one_on(&h.fire(), f.sa_conn);
    let new_offer = ipsec_client(&refresh)[0].clone();
    net.server.spi_c = 8000;
    net.server.spi_s = 8001;
    let cmds = h.deliver(f.sa_conn, &net.challenge(&refresh));
    let set = installed(&cmds);
    assert_eq!(set.ue_ports.spi_c, new_offer.spi_c, "the refresh's offer");
    let (new_conn, local, ..) = connect(&cmds);
    assert_eq!(local.port(), new_offer.port_c);
    let second = one_on(&h.connected(new_conn), new_conn);
    let cmds = h.deliver(new_conn, &net.answer(&second));
    assert!(cmds.contains(&TransportCommand::RemoveSas(f.set.id)));
    assert!(cmds.contains(&TransportCommand::Close { conn: f.sa_conn }));
    assert_eq!(h.ims.status().unwrap().sa.unwrap().0, new_offer.spi_c);
    assert_eq!(h.state(), "registered");
}

fn notify(f: &Flow, state: &str, contact_state: &str, event: &str) -> SipMessage {
    let port = f.set.ue_ports.port_s;
    let info = RegInfo {
        version: 1,
        state: "full".into(),
        registrations: vec![crate::codec::sip::Registration {
            aor: IMPU.into(),
            id: "a7".into(),
            state: state.into(),
            contacts: vec![RegContact {
                id: "76".into(),
                state: contact_state.into(),
                event: event.into(),
                expires: None,
                uri: format!("sip:10.46.0.2:{port}"),
            }],
        }],
    };
    let sub = &f.subscribe;
    SipMessage::request(
        Method::Notify,
        format!("sip:10.46.0.2:{port}").parse().unwrap(),
    )
    .with_header("Via", "SIP/2.0/TCP 10.46.0.1:6100;branch=z9hG4bKn1")
    .with_header("Max-Forwards", 70)
    .with_header("From", format!("<{IMPU}>;tag=notifier"))
    .with_header(
        "To",
        format!("<{IMPU}>;tag={}", sub.from().unwrap().tag().unwrap()),
    )
    .with_header("Call-ID", sub.call_id().unwrap())
    .with_header("CSeq", "1 NOTIFY")
    .with_header("Event", "reg")
    .with_header(
        "Subscription-State",
        if state == "terminated" {
            "terminated;reason=deactivated"
        } else {
            "active;expires=600000"
        },
    )
    .with_body("application/reginfo+xml", info.to_xml())
}

/// The P-CSCF opens a connection from its port-c to the UE's port-s.
fn accept(h: &mut H, f: &Flow) -> ConnId {
    let conn = ConnId::accepted(0);
    h.ev(TransportEvent::Accepted {
        conn,
        local: SocketAddr::new(ip("10.46.0.2"), f.set.ue_ports.port_s),
        remote: SocketAddr::new(ip("10.46.0.1"), f.set.pcscf_ports.port_c),
    });
    conn
}

#[test]
fn ims_registers_again_from_scratch_after_notify_terminated() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let conn = accept(&mut h, &f);

    // An active NOTIFY changes nothing.
    let cmds = h.deliver(conn, &notify(&f, "active", "active", "registered"));
    let ok = one_on(&cmds, conn);
    assert_eq!(
        (ok.status(), ok.cseq().unwrap().method),
        (Some(200), Method::Notify)
    );
    assert_eq!(h.state(), "registered");

    // The network ends the registration (RTR -> NOTIFY).
    let cmds = h.deliver(conn, &notify(&f, "terminated", "terminated", "deactivated"));
    let ok = sent_on(&cmds, conn);
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].status(), Some(200), "the NOTIFY is answered first");
    assert!(ok[0].to().unwrap().tag().is_some());
    assert!(cmds.contains(&TransportCommand::RemoveSas(f.set.id)));
    assert!(cmds.contains(&TransportCommand::Close { conn: f.sa_conn }));
    let (plain2, _, remote, sa) = connect(&cmds);
    assert_eq!((remote, sa), (sock("10.46.0.1:5060"), None));
    assert_ne!(plain2, f.plain);
    assert_eq!(h.state(), "connecting");
    assert_eq!(h.ims.status().unwrap().sa, None);
    assert_eq!(h.count("ims_registration_lost"), 1);
    assert!(
        h.noted("NOTIFY: the network terminated the registration of"),
        "{:?}",
        h.notes
    );

    // From scratch: empty credentials, a new Call-ID, a new challenge.
    let first = one_on(&h.connected(plain2), plain2);
    assert_eq!(digest(&first).nonce, "");
    assert_ne!(first.call_id().unwrap(), f.first.call_id().unwrap());
    let cmds = h.deliver(plain2, &net.challenge(&first));
    let set = installed(&cmds);
    assert_ne!(set.id, f.set.id);
    let (sa2, ..) = connect(&cmds);
    let second = one_on(&h.connected(sa2), sa2);
    h.deliver(sa2, &net.answer(&second));
    assert_eq!(h.state(), "registered");
    assert_eq!(h.count("ims_registered"), 2);
}

#[test]
fn ims_answers_481_to_a_notify_of_no_subscription() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let conn = accept(&mut h, &f);
    let mut n = notify(&f, "terminated", "terminated", "rejected");
    n.set_header("Call-ID", "someone-else");
    let r = one_on(&h.deliver(conn, &n), conn);
    assert_eq!(r.status(), Some(481));
    assert_eq!(h.state(), "registered");
}

#[test]
fn ims_deregisters_with_expires_zero_and_removes_the_sas() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    h.ims.deregister(h.now);
    let cmds = h.drain();
    assert_eq!(h.state(), "deregistering");
    let dereg = one_on(&cmds, f.sa_conn);
    assert_eq!(dereg.expires().unwrap(), Some(0));
    let c = dereg.contacts().unwrap().list()[0].clone();
    assert_eq!(c.expires(), Some(0));
    assert_eq!(dereg.call_id().unwrap(), f.first.call_id().unwrap());
    assert_eq!(dereg.cseq().unwrap().seq, f.second.cseq().unwrap().seq + 1);
    assert_eq!(
        dereg.header("Security-Verify"),
        Some(net.security_server().as_str())
    );
    assert_eq!(digest(&dereg).response, digest(&f.second).response);

    let cmds = h.deliver(f.sa_conn, &net.answer(&dereg));
    assert!(cmds.contains(&TransportCommand::RemoveSas(f.set.id)));
    assert!(cmds.contains(&TransportCommand::Close { conn: f.sa_conn }));
    assert!(cmds.contains(&TransportCommand::Unlisten {
        local: SocketAddr::new(ip("10.46.0.2"), f.set.ue_ports.port_s)
    }));
    let s = h.ims.status().unwrap();
    assert_eq!(
        (s.state.as_str(), s.sa, s.expires),
        ("deregistered", None, None)
    );
    assert_eq!(h.ims.poll_timeout(), None, "no refresh left");
    assert_eq!(h.count("ims_deregistered"), 1);
    // And it can register again.
    h.ims.register(h.now);
    let (_, _, remote, _) = connect(&h.drain());
    assert_eq!(remote, sock("10.46.0.1:5060"));
}

#[test]
fn ims_deregisters_while_a_refresh_is_out() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let refresh = one_on(&h.fire(), f.sa_conn);
    h.ims.deregister(h.now);
    let dereg = one_on(&h.drain(), f.sa_conn);
    assert_eq!(dereg.expires().unwrap(), Some(0));
    // The late 200 to the refresh registers nothing again.
    h.deliver(f.sa_conn, &net.ok(&refresh, 3600));
    assert_eq!(h.count("ims_stray_response"), 1);
    assert_eq!(h.state(), "deregistering");
    h.deliver(f.sa_conn, &net.answer(&dereg));
    assert_eq!(h.state(), "deregistered");
}

#[test]
fn ims_drops_the_registration_when_the_bearer_goes() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    h.ims.bearer_down(h.now);
    let cmds = h.drain();
    assert!(no_sends(&cmds));
    assert!(cmds.contains(&TransportCommand::RemoveSas(f.set.id)));
    assert_eq!(h.state(), "deregistered");
}

// ---------------------------------------------------------------------------
// MESSAGE
// ---------------------------------------------------------------------------

#[test]
fn ims_sends_a_message_along_the_service_route() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    // Not registered yet: refused locally.
    h.ims.send_message(h.now, BOB, "too early");
    assert!(h.drain().is_empty());
    assert_eq!(h.count("ims_message_failures"), 1);

    let f = register(&mut h, &mut net, 3600);
    h.ims.send_message(h.now, BOB, "hello");
    let m = one_on(&h.drain(), f.sa_conn);
    assert_eq!(m.method(), Some(&Method::Message));
    assert_eq!(m.request_uri().unwrap().to_string(), BOB);
    assert_eq!(m.to().unwrap().uri.to_string(), BOB);
    assert_eq!(m.from().unwrap().uri.to_string(), IMPU);
    assert_eq!(
        m.route()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [SERVICE_ROUTE]
    );
    assert_eq!(m.content_type().unwrap().unwrap().essence(), "text/plain");
    assert_eq!(m.body_text(), Some("hello"));
    assert_eq!(m.content_length().unwrap(), Some(5));
    assert_eq!(m.top_via().unwrap().port, Some(f.set.ue_ports.port_s));
    h.deliver(f.sa_conn, &net.answer(&m));
    assert_eq!(h.count("ims_messages_delivered"), 1);
    assert!(h.noted(&format!("MESSAGE to {BOB} delivered (200 OK)")));

    h.ims.send_message(h.now, BOB, "again");
    let m = one_on(&h.drain(), f.sa_conn);
    h.deliver(f.sa_conn, &SipMessage::response_to(&m, 404, "Not Found"));
    assert!(h.noted(&format!("MESSAGE to {BOB} failed: 404 Not Found")));
    assert_eq!(h.count("ims_message_failures"), 2);
}

fn incoming_message(f: &Flow, text: &str) -> SipMessage {
    SipMessage::request(
        Method::Message,
        format!("sip:10.46.0.2:{}", f.set.ue_ports.port_s)
            .parse()
            .unwrap(),
    )
    .with_header("Via", "SIP/2.0/TCP 10.46.0.1:6100;branch=z9hG4bKm1")
    .with_header("Max-Forwards", 68)
    .with_header("From", format!("<{BOB}>;tag=b1"))
    .with_header("To", format!("<{IMPU}>"))
    .with_header("Call-ID", "m1@bob")
    .with_header("CSeq", "1 MESSAGE")
    .with_header("P-Asserted-Identity", format!("<{BOB}>"))
    .with_body("text/plain", text)
}

#[test]
fn ims_answers_an_incoming_message_and_notes_its_text() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let conn = accept(&mut h, &f);
    let cmds = h.deliver(conn, &incoming_message(&f, "hello"));
    let r = one_on(&cmds, conn);
    assert_eq!(r.status(), Some(200));
    assert_eq!(r.call_id().unwrap(), "m1@bob");
    assert_eq!(r.cseq().unwrap().method, Method::Message);
    assert!(r.to().unwrap().tag().is_some());
    assert!(h.noted(&format!(
        "ue-001010000000001 received MESSAGE from {BOB}: hello"
    )));
    assert_eq!(h.count("ims_messages_received"), 1);

    // Outside the SAs (on an unprotected connection) it is dropped.
    let bare = ConnId::accepted(1);
    h.ev(TransportEvent::Accepted {
        conn: bare,
        local: sock("10.46.0.2:5060"),
        remote: sock("10.46.0.1:5060"),
    });
    let cmds = h.deliver(bare, &incoming_message(&f, "sneaky"));
    assert!(cmds.is_empty(), "{cmds:?}");
    assert_eq!(h.count("ims_unprotected_request_dropped"), 1);
    assert_eq!(h.count("ims_messages_received"), 1);
}

#[test]
fn ims_refuses_other_requests_and_survives_garbage() {
    let mut h = H::new(config(None, true));
    let mut net = Net::new(KEY, USIM_SQN + 1);
    let f = register(&mut h, &mut net, 3600);
    let conn = accept(&mut h, &f);
    let mut info = incoming_message(&f, "x");
    info.start = StartLine::Request {
        method: Method::Info,
        uri: "sip:10.46.0.2".parse().unwrap(),
    };
    info.set_header("CSeq", "2 INFO");
    let r = one_on(&h.deliver(conn, &info), conn);
    assert_eq!(r.status(), Some(405));
    assert_eq!(r.header("Allow"), Some("MESSAGE, NOTIFY, OPTIONS"));

    // Bytes that are not SIP: the stream is closed, nothing panics.
    let cmds = h.ev(TransportEvent::Data {
        conn,
        bytes: b"\x00\x01garbage\r\n\r\n".to_vec(),
    });
    assert!(cmds.contains(&TransportCommand::Close { conn }));
    assert_eq!(h.count("ims_sip_decode_error"), 1);
    // Data on an unknown connection and a stray response are counted.
    h.ev(TransportEvent::Data {
        conn: ConnId(99),
        bytes: b"x".to_vec(),
    });
    h.deliver(f.sa_conn, &SipMessage::response_to(&f.second, 200, "OK"));
    assert_eq!(h.count("ims_stray_response"), 1);
    assert_eq!(h.state(), "registered");
}

#[test]
fn ims_tries_an_ipv6_address_learnt_while_connecting() {
    let mut h = H::new(config(None, true));
    // IPv4 first; the Router Advertisement has not come yet.
    h.ims.bearer_up(
        h.now,
        Bearer {
            ipv6: None,
            ..bearer()
        },
    );
    h.ims.register(h.now);
    let (c1, l1, _, _) = connect(&h.drain());
    assert_eq!(l1.ip(), ip("10.46.0.2"));
    // Then the global IPv6 address: its P-CSCF joins the list, after the
    // IPv4 one being tried.
    h.ims.bearer_up(h.now, bearer());
    assert!(h.drain().is_empty(), "nothing new is opened");
    let cmds = h.ev(TransportEvent::Failed {
        conn: c1,
        reason: "refused".into(),
    });
    let (_, l2, r2, _) = connect(&cmds);
    assert_eq!((l2.ip(), r2), (ip("fd00:46::6"), sock("[fd00:46::1]:5060")));
}
