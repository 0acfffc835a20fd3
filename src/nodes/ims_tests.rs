//! The IMS core end to end in a [`Sim`]: P-CSCF, I-CSCF, S-CSCF and the HSS
//! over Cx, with fake UEs that speak SIP straight to the P-CSCF's direct Gm
//! transport (their AKA from Milenage, their SAs by the frames' SPIs).

use crate::codec::diameter::Message;
use crate::codec::diameter::cx::{Maa, Saa};
use crate::codec::sip::{
    Challenge, Contacts, DigestCredentials, Ipsec3gpp, Method, SecurityMechanism, SipMessage, Uri,
};
use crate::crypto::aka_digest::{AkaNonce, DigestInput, encode_auts};
use crate::crypto::auth::{AutnOutcome, UsimSqn};
use crate::crypto::milenage::Milenage;
use crate::crypto::{K, Opc, Sqn};
use crate::events::event::Event;
use crate::nodes::pcscf::gm::GmFrame;
use crate::nodes::{
    Command, HssCommand, Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit, UeCommand,
};
use crate::sim::Sim;
use crate::topology::*;
use bytes::Bytes;
use std::collections::VecDeque;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub(crate) const IMS: &str = "ims.mnc001.mcc001.3gppnetwork.org";
pub(crate) const HSS: NodeId = NodeId(0);
pub(crate) const PCSCF: NodeId = NodeId(1);
pub(crate) const ICSCF: NodeId = NodeId(2);
pub(crate) const SCSCF: NodeId = NodeId(3);
pub(crate) const UE_A: NodeId = NodeId(10);
pub(crate) const UE_B: NodeId = NodeId(11);
pub(crate) const IMSI_A: &str = "001010000000001";
pub(crate) const IMSI_B: &str = "001010000000002";
pub(crate) const K_A: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
pub(crate) const OPC_A: &str = "cd63cb71954a9f4e48a5994e37a02baf";
pub(crate) const K_B: &str = "0396eb317b6d1c36f19c1c84cd6ffd16";
pub(crate) const OPC_B: &str = "53c15671c60a4b731c55b4a441c0bde2";

pub(crate) fn hex16(h: &str) -> [u8; 16] {
    crate::codec::parse_hex(h).unwrap().try_into().unwrap()
}

pub(crate) fn impu(imsi: &str) -> String {
    format!("sip:{imsi}@{IMS}")
}

pub(crate) fn impi(imsi: &str) -> String {
    format!("{imsi}@{IMS}")
}

/// HSS, P-CSCF, I-CSCF and S-CSCF, subscribers A and B.
pub(crate) fn topology(ipsec: IpsecPolicy) -> Topology {
    let node = |name: &str, addr: &str, kind| NodeSpec {
        name: name.into(),
        addr: addr.parse().unwrap(),
        kind,
    };
    let sub = |imsi: &str, k: &str, opc: &str| Subscriber {
        imsi: imsi.into(),
        msisdn: format!("1555{}", &imsi[8..]),
        k: hex16(k),
        opc: hex16(opc),
        sqn: 1,
        apns: vec!["ims".into()],
        ims: Some(Isim {
            impi: impi(imsi),
            impus: vec![impu(imsi)],
            domain: IMS.into(),
        }),
        barred: Vec::new(),
    };
    Topology {
        name: "ims-core".into(),
        source: None,
        plmn: crate::codec::plmn::Plmn::new("001", "01").unwrap(),
        nodes: vec![
            node(
                "hss1",
                "127.0.0.4",
                NodeKind::Hss(HssSpec {
                    db: None,
                    s6a: DiameterIdentity {
                        host: "hss.epc.mnc001.mcc001.3gppnetwork.org".into(),
                        realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
                    },
                    cx: DiameterIdentity {
                        host: format!("hss.{IMS}"),
                        realm: IMS.into(),
                    },
                    amf: [0x80, 0x00],
                    listen: Default::default(),
                }),
            ),
            node(
                "pcscf1",
                "127.0.0.5",
                NodeKind::Pcscf(PcscfSpec {
                    ipv4: Some("10.46.0.1".parse().unwrap()),
                    ipv6: None,
                    ipsec,
                    icscf: Some(ICSCF),
                    sip: SipHost {
                        host: format!("pcscf.{IMS}"),
                        port: 5060,
                    },
                    domain: IMS.into(),
                    port_c: 5100,
                    port_s: 6100,
                    integrity: IpsecIntegrity::HmacSha196,
                    encryption: IpsecEncryption::Null,
                }),
            ),
            node(
                "icscf1",
                "127.0.0.6",
                NodeKind::Icscf(IcscfSpec {
                    hss: Some(HSS),
                    sip: SipHost {
                        host: format!("icscf.{IMS}"),
                        port: 5060,
                    },
                    diameter: DiameterIdentity {
                        host: format!("icscf.{IMS}"),
                        realm: IMS.into(),
                    },
                    scscfs: vec![SCSCF],
                }),
            ),
            node(
                "scscf1",
                "127.0.0.7",
                NodeKind::Scscf(ScscfSpec {
                    hss: Some(HSS),
                    sip: SipHost {
                        host: format!("scscf.{IMS}"),
                        port: 6060,
                    },
                    diameter: DiameterIdentity {
                        host: format!("scscf.{IMS}"),
                        realm: IMS.into(),
                    },
                    domain: IMS.into(),
                    icscf: Some(ICSCF),
                    max_expires: Duration::from_secs(600),
                    min_expires: Duration::from_secs(60),
                }),
            ),
        ],
        subscribers: vec![sub(IMSI_A, K_A, OPC_A), sub(IMSI_B, K_B, OPC_B)],
        scenario: Vec::new(),
        latency: Duration::from_millis(1),
        seed: 5,
        show_keys: false,
    }
}

/// Feeds `input` to `node` at `now` and returns every output.
pub(crate) fn feed(node: &mut dyn Node, now: Time, input: Input) -> Vec<Output> {
    node.handle(now, input);
    std::iter::from_fn(|| node.poll_output()).collect()
}

/// Bytes from `from` on `iface`.
pub(crate) fn rx(iface: Iface, from: NodeId, bytes: Vec<u8>) -> Input {
    Input::Receive {
        iface,
        from,
        bytes: Bytes::from(bytes),
    }
}

/// The transmits among `outs`.
pub(crate) fn transmits(outs: &[Output]) -> Vec<Transmit> {
    outs.iter()
        .filter_map(|o| match o {
            Output::Transmit(t) => Some(t.clone()),
            Output::Event(_) => None,
        })
        .collect()
}

/// The Note texts among `outs`.
pub(crate) fn out_notes(outs: &[Output]) -> Vec<String> {
    outs.iter()
        .filter_map(|o| match o {
            Output::Event(NodeEvent::Note { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The SIP messages among `outs` sent to `to` on Mw.
pub(crate) fn sip_to(outs: &[Output], to: NodeId) -> Vec<SipMessage> {
    transmits(outs)
        .iter()
        .filter(|t| t.iface == Iface::Mw && t.to == to)
        .map(|t| SipMessage::decode(&t.bytes).unwrap())
        .collect()
}

/// The Diameter messages among `outs` on Cx.
pub(crate) fn cx_out(outs: &[Output]) -> Vec<Message> {
    transmits(outs)
        .iter()
        .filter(|t| t.iface == Iface::Cx)
        .map(|t| Message::decode(&t.bytes).unwrap())
        .collect()
}

/// The HSS's side of a Cx connection, for CSCF unit tests.
pub(crate) fn hss_peer() -> crate::nodes::diameter_peer::DiameterPeer<()> {
    use crate::nodes::diameter_peer::{DiameterPeer, LocalIdentity, Role};
    DiameterPeer::new(
        LocalIdentity {
            host: format!("hss.{IMS}"),
            realm: IMS.into(),
            ip: "127.0.0.4".parse().unwrap(),
            product: "test".into(),
            applications: vec![crate::codec::diameter::dict::APP_CX],
        },
        Role::Server,
        9,
    )
}

/// Starts a CSCF and opens its Cx connection with `hss`.
pub(crate) fn open_cx(
    node: &mut dyn Node,
    hss: &mut crate::nodes::diameter_peer::DiameterPeer<()>,
) {
    let outs = feed(node, Time::ZERO, Input::Timeout);
    let cer = transmits(&outs)
        .into_iter()
        .find(|t| t.iface == Iface::Cx)
        .unwrap();
    let crate::nodes::diameter_peer::Received::Base { replies } =
        hss.receive(Time::ZERO, &cer.bytes).unwrap()
    else {
        panic!("no CEA")
    };
    feed(node, Time::ZERO, rx(Iface::Cx, HSS, replies[0].clone()));
}

/// A SIP message from its text lines (CRLF added, Content-Length 0).
pub(crate) fn sip(text: &str) -> SipMessage {
    let mut s = String::new();
    for l in text.lines() {
        s.push_str(l.trim_start());
        s.push_str("\r\n");
    }
    s.push_str("Content-Length: 0\r\n\r\n");
    SipMessage::decode(s.as_bytes()).unwrap()
}

/// What a fake UE does on its next command.
#[derive(Debug, Clone)]
enum Action {
    /// Initial REGISTER (unprotected, Security-Client).
    Register,
    /// A REGISTER over the SAs with these contacts (URI, expires); none is
    /// a query.
    Reregister(Vec<(String, u32)>),
    /// SUBSCRIBE to its own reg event.
    Subscribe,
    /// MESSAGE to a public identity.
    Message(String, String),
    /// A request sent as given, protected or not.
    Raw(SipMessage, bool),
}

/// How a fake UE behaves.
#[derive(Debug, Clone, Copy)]
struct Behaviour {
    /// Offers IPsec and insists on it.
    ipsec: bool,
    /// Answers the challenge with a wrong response.
    wrong_res: bool,
    /// The USIM's SQN_MS (ahead of the HSS: the first AUTN is stale).
    usim_sqn: u64,
    /// The public identity it registers (None: its own).
    unknown_impu: bool,
}

impl Default for Behaviour {
    fn default() -> Self {
        Self {
            ipsec: true,
            wrong_res: false,
            usim_sqn: 0,
            unknown_impu: false,
        }
    }
}

/// What a fake UE saw, shared with the test.
#[derive(Debug, Default)]
struct UeLog {
    /// Every SIP message it received, with the frame's SPI.
    received: Vec<(Option<u32>, SipMessage)>,
    /// Every SIP message it sent, with the SPI used.
    sent: Vec<(Option<u32>, SipMessage)>,
    /// Actions to run, one per command.
    actions: VecDeque<Action>,
    /// Registered (a 200 to a REGISTER with contacts).
    registered: bool,
    /// What it did and did not do, in words.
    notes: Vec<String>,
}

/// A UE that speaks SIP to the P-CSCF over direct Gm frames.
struct FakeUe {
    imsi: String,
    ip: IpAddr,
    mil: Milenage,
    usim: UsimSqn,
    b: Behaviour,
    /// Our inbound SPIs and protected ports.
    spi_c: u32,
    spi_s: u32,
    port_c: u16,
    port_s: u16,
    /// The P-CSCF's Security-Server, once received.
    server: Option<Ipsec3gpp>,
    service_route: Vec<String>,
    cseq: u32,
    log: Arc<Mutex<UeLog>>,
    out: VecDeque<Output>,
}

pub(crate) const PCSCF_IP: &str = "10.46.0.1";

impl FakeUe {
    fn new(imsi: &str, ip: &str, k: &str, opc: &str, b: Behaviour, log: Arc<Mutex<UeLog>>) -> Self {
        let last = ip.rsplit('.').next().unwrap().parse::<u32>().unwrap();
        Self {
            imsi: imsi.into(),
            ip: ip.parse().unwrap(),
            mil: Milenage::new(K::from_hex(k).unwrap(), Opc::from_hex(opc).unwrap()),
            usim: UsimSqn::new(Sqn::new(b.usim_sqn).unwrap()),
            b,
            spi_c: 1000 + last * 10,
            spi_s: 1001 + last * 10,
            port_c: 31100,
            port_s: 31101,
            server: None,
            service_route: Vec::new(),
            cseq: 0,
            log,
            out: VecDeque::new(),
        }
    }

    fn impu(&self) -> String {
        if self.b.unknown_impu {
            format!("sip:999999999999999@{IMS}")
        } else {
            impu(&self.imsi)
        }
    }

    fn contact(&self) -> String {
        let port = if self.server.is_some() {
            self.port_s
        } else {
            5060
        };
        format!("<sip:{}@{}:{port};transport=tcp>", self.imsi, self.ip)
    }

    fn security_client(&self) -> String {
        format!(
            "ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c={};spi-s={};port-c={};port-s={};prot=esp;mod=trans, ipsec-3gpp;alg=hmac-md5-96;ealg=null;spi-c={};spi-s={};port-c={};port-s={}",
            self.spi_c,
            self.spi_s,
            self.port_c,
            self.port_s,
            self.spi_c,
            self.spi_s,
            self.port_c,
            self.port_s
        )
    }

    fn base(&mut self, method: Method, uri: &str, call_id: &str) -> SipMessage {
        self.cseq += 1;
        let port = if self.server.is_some() {
            self.port_c
        } else {
            5060
        };
        let mut m = SipMessage::request(method.clone(), Uri::parse(uri).unwrap());
        m.push_header(
            "Via",
            format!(
                "SIP/2.0/TCP {}:{port};branch=z9hG4bK-ue-{}-{};rport",
                self.ip, self.imsi, self.cseq
            ),
        );
        m.push_header("Max-Forwards", 70);
        m.push_header("From", format!("<{}>;tag=ue-{}", self.impu(), self.imsi));
        let to = if method == Method::Register || method == Method::Subscribe {
            format!("<{}>", self.impu())
        } else {
            format!("<{uri}>")
        };
        m.push_header("To", to);
        m.push_header("Call-ID", format!("{call_id}-{}", self.imsi));
        m.push_header("CSeq", format!("{} {method}", self.cseq));
        m
    }

    /// A REGISTER: unprotected with an empty Authorization, or protected
    /// with the answer to `challenge`.
    fn register(
        &mut self,
        contacts: &[(String, u32)],
        creds: Option<DigestCredentials>,
    ) -> SipMessage {
        let mut m = self.base(Method::Register, &format!("sip:{IMS}"), "reg");
        for (c, e) in contacts {
            m.push_header("Contact", format!("{c};expires={e}"));
        }
        let creds = creds.unwrap_or_else(|| DigestCredentials {
            username: impi(&self.imsi),
            realm: IMS.into(),
            uri: format!("sip:{IMS}"),
            ..Default::default()
        });
        m.push_header("Authorization", &creds);
        m.push_header("Supported", "path, sec-agree");
        if self.b.ipsec {
            m.push_header("Require", "sec-agree");
            m.push_header("Proxy-Require", "sec-agree");
            m.push_header("Security-Client", self.security_client());
            if let Some(s) = &self.server {
                m.push_header("Security-Verify", SecurityMechanism::Ipsec3gpp(s.clone()));
            }
        }
        m.with_content_length()
    }

    /// Sends `m` to the P-CSCF: protected from port-c to its port-s, or to
    /// 5060.
    fn send(&mut self, m: SipMessage, protected: bool) {
        let (src_port, dst_port, spi) = match (&self.server, protected) {
            (Some(s), true) => (self.port_c, s.port_s, Some(s.spi_s)),
            _ => (5060, 5060, None),
        };
        let frame = GmFrame {
            src: SocketAddr::new(self.ip, src_port),
            dst: SocketAddr::new(PCSCF_IP.parse().unwrap(), dst_port),
            spi,
            sip: m.encode(),
        };
        self.log.lock().unwrap().sent.push((spi, m));
        self.out.push_back(Output::Transmit(Transmit {
            iface: Iface::Gm,
            to: PCSCF,
            bytes: Bytes::from(frame.encode()),
            stream: 0,
            imsi: None,
        }));
    }

    fn note(&self, s: String) {
        self.log.lock().unwrap().notes.push(s);
    }

    fn act(&mut self, a: Action) {
        let protected = self.server.is_some();
        match a {
            Action::Register => {
                self.server = None;
                let c = vec![(self.contact(), 600_000)];
                let m = self.register(&c, None);
                self.send(m, false);
            }
            Action::Reregister(contacts) => {
                let creds = DigestCredentials {
                    username: impi(&self.imsi),
                    realm: IMS.into(),
                    uri: format!("sip:{IMS}"),
                    ..Default::default()
                };
                let m = self.register(&contacts, Some(creds));
                self.send(m, protected);
            }
            Action::Subscribe => {
                let uri = self.impu();
                let mut m = self.base(Method::Subscribe, &uri, "sub");
                let mut route = vec![format!("<sip:{PCSCF_IP}:6100;lr>")];
                route.extend(self.service_route.iter().cloned());
                m.push_header("Route", route.join(", "));
                m.push_header("Contact", self.contact());
                m.push_header("Event", "reg");
                m.push_header("Expires", 600_000);
                m.push_header("P-Preferred-Identity", format!("<{uri}>"));
                let m = m.with_content_length();
                self.send(m, protected);
            }
            Action::Message(to, text) => {
                let mut m = self.base(Method::Message, &to, "msg");
                let mut route = vec![format!("<sip:{PCSCF_IP}:6100;lr>")];
                route.extend(self.service_route.iter().cloned());
                m.push_header("Route", route.join(", "));
                m.set_body("text/plain", text.into_bytes());
                self.send(m, protected);
            }
            Action::Raw(m, p) => self.send(m, p),
        }
    }

    fn on_request(&mut self, spi: Option<u32>, m: SipMessage) {
        // Answer 200 on the pair it came on: UE port-s back to P-CSCF port-c.
        let r = SipMessage::response_to(&m, 200, "").with_to_tag("ue");
        let (src_port, dst_port, out_spi) = match (&self.server, spi) {
            (Some(s), Some(_)) => (self.port_s, s.port_c, Some(s.spi_c)),
            _ => (5060, 5060, None),
        };
        let frame = GmFrame {
            src: SocketAddr::new(self.ip, src_port),
            dst: SocketAddr::new(PCSCF_IP.parse().unwrap(), dst_port),
            spi: out_spi,
            sip: r.encode(),
        };
        self.log.lock().unwrap().sent.push((out_spi, r));
        self.out.push_back(Output::Transmit(Transmit {
            iface: Iface::Gm,
            to: PCSCF,
            bytes: Bytes::from(frame.encode()),
            stream: 0,
            imsi: None,
        }));
    }

    fn on_401(&mut self, r: &SipMessage) {
        let Some(Challenge::Digest(d)) = r.www_authenticate().unwrap().into_iter().next() else {
            return self.note("401 without Digest".into());
        };
        let server = r
            .security_server()
            .unwrap()
            .into_iter()
            .find_map(|m| m.ipsec().cloned());
        if self.b.ipsec && server.is_none() {
            // Real handsets: no Security-Server, no second REGISTER.
            return self.note("401 without Security-Server: staying silent".into());
        }
        let nonce = AkaNonce::decode(&d.nonce).unwrap();
        match self.usim.check_autn(&self.mil, &nonce.rand, &nonce.autn) {
            AutnOutcome::Ok { res, .. } => {
                self.server = server;
                let mut password = res.as_bytes().to_vec();
                if self.b.wrong_res {
                    password[0] ^= 0xff;
                }
                let input = DigestInput {
                    username: &impi(&self.imsi),
                    realm: &d.realm,
                    password: &password,
                    method: "REGISTER",
                    uri: &format!("sip:{IMS}"),
                    nonce: &d.nonce,
                    qop: Some(("00000001", "0a4f113b", "auth")),
                };
                let creds = DigestCredentials {
                    username: impi(&self.imsi),
                    realm: d.realm.clone(),
                    nonce: d.nonce.clone(),
                    uri: format!("sip:{IMS}"),
                    response: input.response(),
                    algorithm: Some("AKAv1-MD5".into()),
                    cnonce: Some("0a4f113b".into()),
                    qop: Some("auth".into()),
                    nc: Some("00000001".into()),
                    ..Default::default()
                };
                let c = vec![(self.contact(), 600_000)];
                let m = self.register(&c, Some(creds));
                let protected = self.server.is_some();
                self.send(m, protected);
            }
            AutnOutcome::SynchFailure { auts } => {
                self.note("AUTN SQN out of range: sending AUTS".into());
                let creds = DigestCredentials {
                    username: impi(&self.imsi),
                    realm: d.realm.clone(),
                    nonce: d.nonce.clone(),
                    uri: format!("sip:{IMS}"),
                    algorithm: Some("AKAv1-MD5".into()),
                    auts: Some(encode_auts(&auts)),
                    ..Default::default()
                };
                let c = vec![(self.contact(), 600_000)];
                let m = self.register(&c, Some(creds));
                self.send(m, false);
            }
            AutnOutcome::MacFailure => self.note("AUTN MAC failure".into()),
        }
    }
}

impl Node for FakeUe {
    fn handle(&mut self, _now: Time, input: Input) {
        match input {
            Input::Command(_) => {
                let a = self.log.lock().unwrap().actions.pop_front();
                if let Some(a) = a {
                    self.act(a);
                }
            }
            Input::Receive { bytes, .. } => {
                let f = GmFrame::decode(&bytes).unwrap();
                let m = SipMessage::decode(&f.sip).unwrap();
                self.log.lock().unwrap().received.push((f.spi, m.clone()));
                if m.is_request() {
                    return self.on_request(f.spi, m);
                }
                let is_register = m.cseq().unwrap().method == Method::Register;
                match m.status() {
                    Some(401) if is_register => self.on_401(&m),
                    Some(200) if is_register => {
                        self.service_route = m
                            .service_route()
                            .unwrap()
                            .iter()
                            .map(ToString::to_string)
                            .collect();
                        let any = !m.contacts().unwrap().list().is_empty();
                        self.log.lock().unwrap().registered = any;
                    }
                    _ => {}
                }
            }
            Input::Timeout => {}
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        None
    }
}

/// A simulator with the core and UEs A (and B).
struct Net {
    sim: Sim,
    a: Arc<Mutex<UeLog>>,
    b: Arc<Mutex<UeLog>>,
    events: Vec<Event>,
}

impl Net {
    fn new(ipsec: IpsecPolicy, a: Behaviour, b: Behaviour) -> Self {
        let topo = topology(ipsec);
        let mut sim = Sim::new(Duration::from_millis(1));
        for id in [HSS, ICSCF, SCSCF] {
            sim.add(id, super::build(id, &topo).unwrap());
        }
        // The fake UEs speak the direct Gm frames, not IP.
        sim.add(
            PCSCF,
            Box::new(super::pcscf::PCscf::new_direct(PCSCF, &topo)),
        );
        let la = Arc::new(Mutex::new(UeLog::default()));
        let lb = Arc::new(Mutex::new(UeLog::default()));
        sim.add(
            UE_A,
            Box::new(FakeUe::new(IMSI_A, "10.46.0.2", K_A, OPC_A, a, la.clone())),
        );
        sim.add(
            UE_B,
            Box::new(FakeUe::new(IMSI_B, "10.46.0.3", K_B, OPC_B, b, lb.clone())),
        );
        let mut net = Self {
            sim,
            a: la,
            b: lb,
            events: Vec::new(),
        };
        net.run(Duration::from_millis(100));
        net
    }

    fn run(&mut self, d: Duration) {
        let until = self.sim.now() + d;
        self.sim.run_until_time(until);
        self.events.extend(self.sim.drain_events());
    }

    /// Makes `ue` do `a`, and runs a second.
    fn act(&mut self, ue: NodeId, a: Action) {
        let log = if ue == UE_A { &self.a } else { &self.b };
        log.lock().unwrap().actions.push_back(a);
        let now = self.sim.now();
        self.sim
            .schedule(now, ue, Command::Ue(UeCommand::ImsRegister));
        self.run(Duration::from_secs(1));
    }

    /// Messages on `iface` from `from` to `to`, decoded to their one-line
    /// summaries.
    fn ladder(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some(m),
                _ => None,
            })
            .filter(|m| {
                m.iface != Iface::Cx
                    || !matches!(
                        Message::decode(&m.bytes).map(|d| d.header.command),
                        Ok(257 | 280)
                    )
            })
            .map(|m| {
                let what = match m.iface {
                    Iface::Cx => crate::codec::diameter::Command::decode(&m.bytes)
                        .unwrap()
                        .summary(),
                    Iface::Gm => SipMessage::decode(&GmFrame::decode(&m.bytes).unwrap().sip)
                        .unwrap()
                        .summary(),
                    _ => SipMessage::decode(&m.bytes).unwrap().summary(),
                };
                format!("{}>{} {} {what}", m.from.0, m.to.0, m.iface)
            })
            .collect()
    }

    /// The SIP messages `from` sent to `to` on Mw.
    fn mw(&self, from: NodeId, to: NodeId) -> Vec<SipMessage> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) if m.iface == Iface::Mw && m.from == from && m.to == to => {
                    Some(SipMessage::decode(&m.bytes).unwrap())
                }
                _ => None,
            })
            .collect()
    }

    /// The Diameter messages with command `code` on Cx.
    fn cx(&self, code: u32, request: bool) -> Vec<Message> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) if m.iface == Iface::Cx => Message::decode(&m.bytes).ok(),
                _ => None,
            })
            .filter(|m| m.header.command == code && m.is_request() == request)
            .collect()
    }

    /// Notes of node `id`.
    fn notes(&self, id: NodeId) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Node {
                    node,
                    event: NodeEvent::Note { text, .. },
                    ..
                } if *node == id => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    /// The last value of counter `name` of node `id`.
    fn counter(&self, id: NodeId, name: &str) -> u64 {
        self.events
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::Node {
                    node,
                    event: NodeEvent::Counter { name: n, value },
                    ..
                } if *node == id && *n == name => Some(*value),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// Every message UE `log` received, with the SPI it came with.
    fn got(log: &Arc<Mutex<UeLog>>) -> Vec<(Option<u32>, SipMessage)> {
        log.lock().unwrap().received.clone()
    }

    fn registered(log: &Arc<Mutex<UeLog>>) -> bool {
        log.lock().unwrap().registered
    }
}

/// The typed summary of a Diameter message ("SAR (impu, REGISTRATION)").
fn summary(m: &Message) -> String {
    crate::codec::diameter::Command::decode(&m.encode())
        .unwrap()
        .summary()
}

/// A reference encoding of `tests/fixtures/flow-refs.json`.
fn fixture(name: &str) -> Message {
    let all: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/flow-refs.json"
    )))
    .unwrap();
    let hex = all
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap()["hex"]
        .as_str()
        .unwrap()
        .to_string();
    Message::decode(&crate::codec::parse_hex(&hex).unwrap()).unwrap()
}

/// The AVP codes of a message, sorted.
fn codes(m: &Message) -> Vec<u32> {
    let mut v: Vec<u32> = m.avps.iter().map(|a| a.code).collect();
    v.sort_unstable();
    v
}

fn exp_code(m: &Message) -> Option<u32> {
    m.experimental_result().map(|(_, c)| c).or(m.result_code())
}

#[test]
fn ims_registration_runs_through_every_cscf_with_aka_and_ipsec() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    assert!(Net::registered(&net.a), "{:#?}", net.ladder());
    let ladder = net.ladder();
    let want = [
        "10>1 Gm REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)",
        "1>2 Mw REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)",
        "2>0 Cx UAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        "0>2 Cx UAA 2001 DIAMETER_FIRST_REGISTRATION",
        "2>3 Mw REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)",
        "3>0 Cx MAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        "0>3 Cx MAA 2001 DIAMETER_SUCCESS",
        "3>2 Mw 401 Unauthorized (REGISTER)",
        "2>1 Mw 401 Unauthorized (REGISTER)",
        "1>10 Gm 401 Unauthorized (REGISTER)",
        "10>1 Gm REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 2)",
        "1>2 Mw REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 2)",
        "2>0 Cx UAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        "0>2 Cx UAA 2002 DIAMETER_SUBSEQUENT_REGISTRATION",
        "2>3 Mw REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 2)",
        "3>0 Cx SAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org, REGISTRATION)",
        "0>3 Cx SAA 2001 DIAMETER_SUCCESS",
        "3>2 Mw 200 OK (REGISTER)",
        "2>1 Mw 200 OK (REGISTER)",
        "1>10 Gm 200 OK (REGISTER)",
    ];
    assert_eq!(ladder, want);

    // The 401 on Mw carries ik and ck; on Gm they are gone and
    // Security-Server is there; the nonce is base64(RAND || AUTN) of the
    // vector in the MAA.
    let maa = Maa::from_message(&net.cx(303, false)[0]).unwrap();
    let item = &maa.sip_auth_data_items[0];
    let nonce = crate::crypto::aka_digest::AkaNonce {
        rand: crate::crypto::Rand::new(
            item.sip_authenticate.as_deref().unwrap()[..16]
                .try_into()
                .unwrap(),
        ),
        autn: crate::crypto::Autn::new(
            item.sip_authenticate.as_deref().unwrap()[16..]
                .try_into()
                .unwrap(),
        ),
        server_data: Vec::new(),
    }
    .encode();
    let mw_401 = &net.mw(SCSCF, ICSCF)[0];
    let Challenge::Digest(d) = &mw_401.www_authenticate().unwrap()[0] else {
        panic!()
    };
    assert_eq!(d.nonce, nonce);
    assert_eq!(d.algorithm.as_deref(), Some("AKAv1-MD5"));
    assert_eq!(d.qop, ["auth"]);
    assert_eq!(d.realm, IMS);
    assert_eq!(d.ik_bytes(), item.integrity_key);
    assert_eq!(d.ck_bytes(), item.confidentiality_key);
    let got = Net::got(&net.a);
    let gm_401 = &got[0].1;
    assert_eq!(got[0].0, None, "the 401 goes unprotected");
    let Challenge::Digest(g) = &gm_401.www_authenticate().unwrap()[0] else {
        panic!()
    };
    assert_eq!((g.ik.as_ref(), g.ck.as_ref()), (None, None));
    assert_eq!(g.nonce, nonce);
    let server = gm_401.security_server().unwrap();
    let s = server[0].ipsec().unwrap();
    assert_eq!(
        (s.alg.as_str(), s.ealg.as_deref()),
        ("hmac-sha-1-96", Some("null"))
    );
    assert_eq!((s.port_c, s.port_s), (5100, 6100));
    assert!(s.spi_c > 255 && s.spi_s > 255 && s.spi_c != s.spi_s);

    // The REGISTER on Mw: Path, P-Visited-Network-ID, charging, no
    // sec-agree; the second one integrity protected.
    let to_i = net.mw(PCSCF, ICSCF);
    assert_eq!(
        to_i[0].header("Path"),
        Some("<sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>")
    );
    assert_eq!(to_i[0].header("P-Visited-Network-ID"), Some(IMS));
    assert!(
        to_i[0]
            .header("P-Charging-Vector")
            .unwrap()
            .contains("icid-value=")
    );
    assert_eq!(to_i[0].header("Security-Client"), None);
    assert_eq!(to_i[0].header("Require"), None);
    let cred = |m: &SipMessage| m.authorization().unwrap()[0].digest().unwrap().clone();
    assert_eq!(cred(&to_i[0]).integrity_protected.as_deref(), Some("no"));
    assert_eq!(cred(&to_i[1]).integrity_protected.as_deref(), Some("yes"));
    assert_eq!(to_i[1].header("Security-Verify"), None);
    let ue_sent = net.a.lock().unwrap().sent.clone();
    assert_eq!(
        ue_sent[1].0,
        Some(s.spi_s),
        "second REGISTER protected with the P-CSCF's spi-s"
    );

    // The CSCFs' Cx requests carry the AVPs of the reference encodings.
    assert_eq!(codes(&net.cx(300, true)[0]), codes(&fixture("cx_uar")));
    assert_eq!(codes(&net.cx(303, true)[0]), codes(&fixture("cx_mar")));
    assert_eq!(codes(&net.cx(301, true)[0]), codes(&fixture("cx_sar")));
    assert_eq!(codes(&net.cx(300, false)[0]), codes(&fixture("cx_uaa")));

    // SAR/SAA: the subscription XML.
    let saa = Saa::from_message(&net.cx(301, false)[0]).unwrap();
    assert_eq!(
        String::from_utf8(saa.user_data.unwrap()).unwrap(),
        crate::nodes::hss::cx::ims_subscription_xml(
            &impi(IMSI_A),
            &[crate::nodes::hss::store::Impu::new(impu(IMSI_A))]
        )
    );

    // The 200 at the UE: protected, Service-Route, P-Associated-URI,
    // Contact with the granted expiry, Path.
    let (spi, ok) = got.last().unwrap().clone();
    assert_eq!(spi, Some(1000 + 2 * 10), "through the UE's spi-c");
    assert_eq!(
        ok.header("Service-Route"),
        Some("<sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>")
    );
    assert_eq!(
        ok.header("P-Associated-URI"),
        Some("<sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>")
    );
    assert_eq!(
        ok.header("Path"),
        Some("<sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>")
    );
    let Contacts::List(c) = ok.contacts().unwrap() else {
        panic!()
    };
    assert_eq!(c[0].expires(), Some(600));
    assert_eq!(net.counter(PCSCF, "registered"), 1);
    assert_eq!(net.counter(SCSCF, "registered"), 1);
    assert!(
        net.notes(PCSCF)
            .iter()
            .any(|n| n.contains("registered for 600 s")),
        "{:?}",
        net.notes(PCSCF)
    );
}

#[test]
fn ims_wrong_response_gets_403_and_clears_the_hss() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour {
            wrong_res: true,
            ..Default::default()
        },
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    assert!(!Net::registered(&net.a));
    assert_eq!(Net::got(&net.a).last().unwrap().1.status(), Some(403));
    assert!(
        net.notes(SCSCF)
            .iter()
            .any(|n| n.contains("AKA response does not match XRES"))
    );
    assert_eq!(net.counter(SCSCF, "auth_failed"), 1);
    let sar = &net.cx(301, true)[0];
    assert!(
        summary(sar).contains("AUTHENTICATION_FAILURE"),
        "{}",
        summary(sar)
    );
    // The P-CSCF dropped the temporary SAs.
    assert_eq!(net.counter(PCSCF, "sa_removed"), 1);
    // A new try starts with a first registration again.
    net.act(UE_A, Action::Register);
    let uaa = net.cx(300, false);
    assert_eq!(
        exp_code(uaa.last().unwrap()),
        Some(2002),
        "the S-CSCF name is kept while authentication is pending"
    );
}

#[test]
fn ims_sqn_resync_gets_a_new_challenge() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour {
            usim_sqn: 5000,
            ..Default::default()
        },
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    assert!(Net::registered(&net.a), "{:#?}", net.ladder());
    let mars = net.cx(303, true);
    assert_eq!(mars.len(), 2);
    let m2 = crate::codec::diameter::cx::Mar::from_message(&mars[1]).unwrap();
    assert_eq!(
        m2.sip_auth_data_item
            .sip_authorization
            .as_ref()
            .map(Vec::len),
        Some(30)
    );
    let statuses: Vec<u16> = Net::got(&net.a)
        .iter()
        .filter_map(|(_, m)| m.status())
        .collect();
    assert_eq!(statuses, [401, 401, 200]);
    assert_eq!(net.counter(SCSCF, "resync"), 1);
    assert_eq!(net.counter(HSS, "resync"), 1);
}

#[test]
fn ims_unknown_impu_gets_403_from_the_icscf() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour {
            unknown_impu: true,
            ..Default::default()
        },
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    assert_eq!(exp_code(&net.cx(300, false)[0]), Some(5001));
    assert_eq!(Net::got(&net.a)[0].1.status(), Some(403));
    assert!(net.mw(ICSCF, SCSCF).is_empty());
    assert!(
        net.notes(ICSCF)
            .iter()
            .any(|n| n.contains("5001 DIAMETER_ERROR_USER_UNKNOWN: answered REGISTER with 403"))
    );
}

#[test]
fn ims_pcscf_without_ipsec_sends_401_without_security_server() {
    let mut net = Net::new(
        IpsecPolicy::Off,
        Behaviour::default(),
        Behaviour {
            ipsec: false,
            ..Default::default()
        },
    );
    net.act(UE_A, Action::Register);
    let got = Net::got(&net.a);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.status(), Some(401));
    assert!(got[0].1.security_server().unwrap().is_empty());
    let Challenge::Digest(d) = &got[0].1.www_authenticate().unwrap()[0] else {
        panic!()
    };
    assert_eq!(d.ik, None, "ik/ck still taken out");
    assert_eq!(net.a.lock().unwrap().sent.len(), 1, "the UE stays silent");
    assert!(net.a.lock().unwrap().notes[0].contains("staying silent"));
    assert!(net.notes(PCSCF).iter().any(|n| n.contains("IPsec is off")));
    // A UE that does not insist registers without SAs.
    net.act(UE_B, Action::Register);
    assert!(Net::registered(&net.b));
    assert!(
        net.b
            .lock()
            .unwrap()
            .sent
            .iter()
            .all(|(spi, _)| spi.is_none())
    );
}

#[test]
fn ims_rtr_removes_the_registration_and_notifies_the_ue() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    net.act(UE_A, Action::Subscribe);
    let got = Net::got(&net.a);
    let sub_ok = got
        .iter()
        .find(|(_, m)| m.status() == Some(200) && m.cseq().unwrap().method == Method::Subscribe);
    assert!(sub_ok.is_some(), "{:#?}", net.ladder());
    let notify = got
        .iter()
        .find(|(_, m)| m.method() == Some(&Method::Notify))
        .unwrap();
    assert!(notify.0.is_some(), "NOTIFY through the SAs");
    let info = notify.1.reginfo().unwrap().unwrap();
    assert_eq!(info.registrations[0].state, "active");
    // The administrative de-registration.
    let now = net.sim.now();
    net.sim.schedule(
        now,
        HSS,
        Command::Hss(HssCommand::Deregister { impu: impu(IMSI_A) }),
    );
    net.run(Duration::from_secs(1));
    let rtr = &net.cx(304, true)[0];
    assert_eq!(codes(rtr), codes(&fixture("cx_rtr")));
    assert_eq!(codes(&net.cx(304, false)[0]), codes(&fixture("cx_rta")));
    assert!(rtr.summary().starts_with("RTR ("), "{}", rtr.summary());
    assert_eq!(net.cx(304, false)[0].result_code(), Some(2001));
    let got = Net::got(&net.a);
    let last = got
        .iter()
        .rev()
        .find(|(_, m)| m.method() == Some(&Method::Notify))
        .unwrap();
    let info = last.1.reginfo().unwrap().unwrap();
    assert_eq!(info.registrations[0].state, "terminated");
    assert_eq!(info.registrations[0].contacts[0].event, "rejected");
    assert_eq!(info.version, 1);
    assert!(
        last.1
            .header("Subscription-State")
            .unwrap()
            .starts_with("terminated")
    );
    // The P-CSCF forgot the UE once it answered; the HSS cleared it.
    assert!(
        net.notes(PCSCF)
            .iter()
            .any(|n| n.contains("the network ended its registration")),
        "{:?}",
        net.notes(PCSCF)
    );
    assert!(net.notes(HSS).iter().any(|n| n.contains("de-registered")));
    // A MESSAGE to it now finds nobody.
    net.act(UE_B, Action::Register);
    net.act(UE_B, Action::Message(impu(IMSI_A), "hello?".into()));
    let got = Net::got(&net.b);
    assert_eq!(got.last().unwrap().1.status(), Some(480));
}

#[test]
fn ims_message_between_two_registered_ues_uses_lir() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    net.act(UE_B, Action::Register);
    let before = net.events.len();
    net.act(
        UE_A,
        Action::Message(impu(IMSI_B), "Hello from UE A".into()),
    );
    let ladder: Vec<String> = {
        let all = net.ladder();
        let skip = net.events[..before].iter().filter(|e| matches!(e, Event::Message(m) if m.iface != Iface::Cx || !matches!(Message::decode(&m.bytes).map(|d| d.header.command), Ok(257 | 280)))).count();
        all[skip..].to_vec()
    };
    let b = impu(IMSI_B);
    assert_eq!(
        ladder,
        [
            format!("10>1 Gm MESSAGE {b} (CSeq 3)"),
            format!("1>3 Mw MESSAGE {b} (CSeq 3)"),
            format!("3>2 Mw MESSAGE {b} (CSeq 3)"),
            format!("2>0 Cx LIR ({b})"),
            "0>2 Cx LIA 2001 DIAMETER_SUCCESS".into(),
            format!("2>3 Mw MESSAGE {b} (CSeq 3)"),
            "3>1 Mw MESSAGE sip:001010000000002@10.46.0.3:31101;transport=tcp (CSeq 3)".into(),
            "1>11 Gm MESSAGE sip:001010000000002@10.46.0.3:31101;transport=tcp (CSeq 3)".into(),
            "11>1 Gm 200 OK (MESSAGE)".into(),
            "1>3 Mw 200 OK (MESSAGE)".into(),
            "3>2 Mw 200 OK (MESSAGE)".into(),
            "2>3 Mw 200 OK (MESSAGE)".into(),
            "3>1 Mw 200 OK (MESSAGE)".into(),
            "1>10 Gm 200 OK (MESSAGE)".into(),
        ]
    );
    assert_eq!(codes(&net.cx(302, true)[0]), codes(&fixture("cx_lir")));
    assert_eq!(codes(&net.cx(302, false)[0]), codes(&fixture("cx_lia")));
    let at_b = Net::got(&net.b);
    let (spi, msg) = at_b
        .iter()
        .find(|(_, m)| m.method() == Some(&Method::Message))
        .unwrap();
    assert!(spi.is_some());
    assert_eq!(msg.body_text(), Some("Hello from UE A"));
    assert_eq!(
        msg.header("P-Asserted-Identity"),
        Some("<sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>")
    );
}

#[test]
fn ims_registrar_keeps_several_contacts_per_aor() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    let first = "<sip:001010000000001@10.46.0.2:31101;transport=tcp>".to_string();
    let second = "<sip:001010000000001@10.46.0.2:5070>".to_string();
    let contacts = |net: &Net| -> Vec<(String, u32)> {
        let got = Net::got(&net.a);
        let ok = &got.last().unwrap().1;
        assert_eq!(ok.status(), Some(200), "{ok:?}");
        ok.contacts()
            .unwrap()
            .list()
            .iter()
            .map(|c| (c.uri.to_string(), c.expires().unwrap()))
            .collect()
    };
    // Add a second contact (over the SAs: no new challenge).
    net.act(UE_A, Action::Reregister(vec![(second.clone(), 300)]));
    assert_eq!(
        contacts(&net),
        [
            (
                "sip:001010000000001@10.46.0.2:31101;transport=tcp".into(),
                600
            ),
            ("sip:001010000000001@10.46.0.2:5070".into(), 300)
        ]
    );
    assert_eq!(net.counter(SCSCF, "challenges"), 1, "no new challenge");
    let sar = net.cx(301, true);
    assert!(summary(sar.last().unwrap()).contains("RE_REGISTRATION"));
    // Refresh the first.
    net.act(UE_A, Action::Reregister(vec![(first.clone(), 600_000)]));
    assert_eq!(contacts(&net)[0].1, 600);
    // Remove the second.
    net.act(UE_A, Action::Reregister(vec![(second, 0)]));
    assert_eq!(contacts(&net).len(), 1);
    // Query.
    net.act(UE_A, Action::Reregister(Vec::new()));
    assert_eq!(
        contacts(&net),
        [(
            "sip:001010000000001@10.46.0.2:31101;transport=tcp".into(),
            598
        )]
    );
    // Too brief.
    net.act(UE_A, Action::Reregister(vec![(first.clone(), 10)]));
    let got = Net::got(&net.a);
    assert_eq!(got.last().unwrap().1.status(), Some(423));
    assert_eq!(got.last().unwrap().1.header("Min-Expires"), Some("60"));
    // De-register: SAR USER_DEREGISTRATION, 200, the P-CSCF drops the SAs.
    net.act(UE_A, Action::Reregister(vec![(first, 0)]));
    let got = Net::got(&net.a);
    assert_eq!(got.last().unwrap().1.status(), Some(200));
    assert!(summary(net.cx(301, true).last().unwrap()).contains("USER_DEREGISTRATION"));
    assert_eq!(net.counter(PCSCF, "deregistered"), 1);
    assert_eq!(net.counter(SCSCF, "deregistered"), 1);
}

#[test]
fn ims_registration_times_out_everywhere() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    net.run(Duration::from_secs(601));
    assert!(
        summary(net.cx(301, true).last().unwrap()).contains("TIMEOUT_DEREGISTRATION"),
        "{:#?}",
        net.ladder()
    );
    assert_eq!(net.counter(SCSCF, "expired"), 1);
    assert_eq!(net.counter(PCSCF, "expired"), 1);
    assert!(
        net.notes(HSS)
            .iter()
            .any(|n| n.contains("TIMEOUT_DEREGISTRATION") && n.contains("de-registered"))
    );
}

#[test]
fn ims_pcscf_enforces_sas_route_and_identity() {
    let mut net = Net::new(
        IpsecPolicy::Required,
        Behaviour::default(),
        Behaviour::default(),
    );
    net.act(UE_A, Action::Register);
    net.act(UE_B, Action::Register);
    // A request outside the SAs of a registered UE: refused.
    let mut m = SipMessage::request(Method::Message, Uri::parse(&impu(IMSI_B)).unwrap());
    for (n, v) in [
        (
            "Via",
            "SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-x1".to_string(),
        ),
        ("From", format!("<{}>;tag=x", impu(IMSI_A))),
        ("To", format!("<{}>", impu(IMSI_B))),
        ("Call-ID", "x1".into()),
        ("CSeq", "1 MESSAGE".into()),
        ("Route", "<sip:orig@evil.example;lr>".into()),
        (
            "P-Preferred-Identity",
            "<sip:someone-else@ims.example>".into(),
        ),
    ] {
        m.push_header(n, v);
    }
    let m = m.with_content_length();
    net.act(UE_A, Action::Raw(m.clone(), false));
    assert_eq!(Net::got(&net.a).last().unwrap().1.status(), Some(403));
    assert_eq!(net.counter(PCSCF, "unprotected_refused"), 1);
    // Through the SAs: the Route becomes the Service-Route, the asserted
    // identity the UE's default one.
    net.act(UE_A, Action::Raw(m, true));
    let to_s = net.mw(PCSCF, SCSCF);
    let fwd = to_s
        .iter()
        .rev()
        .find(|m| m.method() == Some(&Method::Message))
        .unwrap();
    assert_eq!(
        fwd.header("Route"),
        Some("<sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>")
    );
    assert_eq!(
        fwd.header("P-Asserted-Identity"),
        Some("<sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>")
    );
    assert_eq!(fwd.header("P-Preferred-Identity"), None);
    assert_eq!(net.counter(PCSCF, "route_rewritten"), 1);
    assert_eq!(Net::got(&net.a).last().unwrap().1.status(), Some(200));
    // A REGISTER with Security-Verify outside the SAs: 494.
    let mut r = SipMessage::request(Method::Register, Uri::parse(&format!("sip:{IMS}")).unwrap());
    for (n, v) in [
        (
            "Via",
            "SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-x2".to_string(),
        ),
        ("From", format!("<{}>;tag=x", impu(IMSI_A))),
        ("To", format!("<{}>", impu(IMSI_A))),
        ("Call-ID", "x2".into()),
        ("CSeq", "1 REGISTER".into()),
        (
            "Security-Verify",
            "ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5100;port-s=6100".into(),
        ),
    ] {
        r.push_header(n, v);
    }
    net.act(UE_A, Action::Raw(r.with_content_length(), false));
    assert_eq!(Net::got(&net.a).last().unwrap().1.status(), Some(494));
    assert_eq!(net.counter(PCSCF, "sec_agree_refused"), 1);
}
