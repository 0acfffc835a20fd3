//! The IMS user plane end to end: the real UE (with its IP stack), eNB,
//! MME, gateway and HSS on the simulator, and a small fake P-CSCF node
//! behind the gateway's SGi that runs a [`HostSet`] on the P-CSCF's
//! addresses and answers REGISTER with a real AKA challenge (the fixture
//! keys) and then 200. Every packet crosses Uu, S1-U (GTP-U) and SGi as
//! bytes; the second REGISTER arrives inside ESP on the SA ports.

use super::tests::Net;
use crate::codec::display::describe;
use crate::codec::esp::IPPROTO_ESP;
use crate::codec::gtpu::{self, inner_ip};
use crate::codec::plmn::Plmn;
use crate::codec::sip::{Framer, Method, SipMessage};
use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::events::event::Event;
use crate::nodes::ipstack::{self, HostEvent, HostSet, SaPair};
use crate::nodes::ue::Ue;
use crate::nodes::ue::tests::{IMEISV, IMSI, KEY, OPC};
use crate::nodes::{
    Command, Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit, UeCommand, UeStatus,
    UuFrame,
};
use crate::sim::Sim;
use crate::topology::model::{
    ApnSpec, DiameterIdentity, EnbSpec, GatewaySpec, HssSpec, ImsMode, IpsecEncryption,
    IpsecIntegrity, IpsecPolicy, MmeSpec, NodeKind, NodeSpec, PcscfSpec, SipHost, Subscriber,
    Topology, UeSpec, Usim,
};
use bytes::Bytes;
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ENB: NodeId = NodeId(0);
const MME: NodeId = NodeId(1);
const GW: NodeId = NodeId(2);
const HSS: NodeId = NodeId(3);
const PCSCF: NodeId = NodeId(4);
const UE: NodeId = NodeId(5);
const REALM: &str = "epc.mnc001.mcc001.3gppnetwork.org";
/// The P-CSCF's protected ports (the fake network's Security-Server).
const PC_PORT_C: u16 = 6100;
const PC_PORT_S: u16 = 6101;

fn v4(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

fn v6(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

/// UE, eNB, MME, gateway (internet + ims APNs, the ims one served by the
/// P-CSCF node), HSS, P-CSCF. `ipv4` false makes the ims APN IPv6 only.
fn topology(ipv4: bool) -> Topology {
    let node = |name: &str, last: u8, kind| NodeSpec {
        name: name.into(),
        addr: IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)),
        kind,
    };
    let ident = |h: &str| DiameterIdentity {
        host: format!("{h}.{REALM}"),
        realm: REALM.into(),
    };
    let pcscf_v4 = IpAddr::V4(v4("10.46.0.1"));
    let pcscf_v6 = IpAddr::V6(v6("fd00:46::1"));
    let ims_apn = ApnSpec {
        name: "ims".into(),
        ipv4_pool: ipv4.then(|| (v4("10.46.0.0"), 16)),
        ipv6_prefix: Some((v6("fd00:46::"), 64)),
        qci: 5,
        arp_priority: 1,
        ambr_ul: 50_000_000,
        ambr_dl: 100_000_000,
        pcscf: if ipv4 {
            vec![pcscf_v4, pcscf_v6]
        } else {
            vec![pcscf_v6]
        },
        dns: vec![],
        mtu: None,
    };
    let internet = ApnSpec {
        name: "internet".into(),
        ipv4_pool: Some((v4("10.45.0.0"), 16)),
        ipv6_prefix: None,
        qci: 9,
        arp_priority: 8,
        ambr_ul: 50_000_000,
        ambr_dl: 100_000_000,
        pcscf: vec![],
        dns: vec![IpAddr::V4(v4("10.45.0.53"))],
        mtu: None,
    };
    Topology {
        name: "ims-user-plane".into(),
        source: None,
        plmn: Plmn::new("001", "01").unwrap(),
        nodes: vec![
            node(
                "enb1",
                2,
                NodeKind::Enb(EnbSpec {
                    enb_id: 0x19B,
                    enb_name: "enb1".into(),
                    tac: 1,
                    cell_id: 0x19B01,
                    mme: MME,
                    refuse_second_bearer: false,
                }),
            ),
            node(
                "mme1",
                1,
                NodeKind::Mme(MmeSpec {
                    gateway: GW,
                    hss: HSS,
                    mme_name: "mme1".into(),
                    group_id: 0x8001,
                    code: 0x1a,
                    integrity: vec![NasIntegrity::Eia2],
                    ciphering: vec![NasCiphering::Eea0],
                    tacs: vec![1],
                    relative_capacity: 10,
                    diameter: ident("mme1"),
                    t3412: Duration::from_secs(54 * 60),
                }),
            ),
            node(
                "gw1",
                3,
                NodeKind::Gateway(GatewaySpec {
                    apns: vec![internet, ims_apn],
                    ims_stack: Some(PCSCF),
                }),
            ),
            node(
                "hss1",
                4,
                NodeKind::Hss(HssSpec {
                    db: None,
                    s6a: ident("hss1"),
                    cx: ident("hss1"),
                    amf: [0x80, 0x00],
                    listen: Default::default(),
                }),
            ),
            node(
                "pcscf1",
                5,
                NodeKind::Pcscf(PcscfSpec {
                    ipv4: Some(v4("10.46.0.1")),
                    ipv6: Some(v6("fd00:46::1")),
                    ipsec: IpsecPolicy::Required,
                    icscf: None,
                    sip: SipHost {
                        host: "pcscf.ims.mnc001.mcc001.3gppnetwork.org".into(),
                        port: 5060,
                    },
                    domain: "ims.mnc001.mcc001.3gppnetwork.org".into(),
                    port_c: 5100,
                    port_s: 6100,
                    integrity: IpsecIntegrity::HmacSha196,
                    encryption: IpsecEncryption::Null,
                }),
            ),
            node(
                "ue1",
                10,
                NodeKind::Ue(UeSpec {
                    imsi: IMSI.into(),
                    imeisv: IMEISV.into(),
                    enb: ENB,
                    apns: vec!["internet".into(), "ims".into()],
                    ims: ImsMode::Register,
                    usim: Usim {
                        k: KEY,
                        opc: OPC,
                        sqn: 0,
                    },
                    isim: None,
                    isim_keys: None,
                    eea: 0b0111,
                    eia: 0b0110,
                    requires_ipsec: true,
                }),
            ),
        ],
        subscribers: vec![Subscriber {
            imsi: IMSI.into(),
            msisdn: "15550001".into(),
            k: KEY,
            opc: OPC,
            sqn: 0x20,
            apns: vec!["internet".into(), "ims".into()],
            ims: None,
            barred: Vec::new(),
        }],
        scenario: vec![],
        latency: Duration::from_millis(1),
        seed: 42,
        show_keys: false,
    }
}

/// A SIP message the fake P-CSCF read, and where it came in.
#[derive(Debug, Clone)]
struct Seen {
    msg: SipMessage,
    /// The P-CSCF's address and port of the connection.
    local: SocketAddr,
    /// The UE's.
    peer: SocketAddr,
}

/// What the fake P-CSCF saw.
#[derive(Default)]
struct PcscfLog {
    sip: Vec<Seen>,
    /// Its host set's ESP packets accepted, at the end.
    esp_rx: u32,
    /// Plain packets to its protected ports, dropped.
    plain_dropped: u32,
}

/// The P-CSCF's IP side: a [`HostSet`] on 10.46.0.1 and fd00:46::1
/// listening on 5060 and its protected server port, with a [`Net`] for
/// the answers (401 with a Milenage vector for the fixture K, 200 when the
/// response matches XRES) and the SA pairs of TS 33.203 7.1 installed on
/// the UE's stack after the 401.
struct FakePcscf {
    set: HostSet,
    net: Net,
    framers: HashMap<(IpAddr, ipstack::ConnId), Framer>,
    out: VecDeque<Output>,
    log: Arc<Mutex<PcscfLog>>,
}

impl FakePcscf {
    fn new(log: Arc<Mutex<PcscfLog>>) -> Self {
        let local = [IpAddr::V4(v4("10.46.0.1")), IpAddr::V6(v6("fd00:46::1"))];
        let mut set = HostSet::new(&local, &[5060, PC_PORT_S], 3).unwrap();
        set.protect_port(PC_PORT_C);
        set.protect_port(PC_PORT_S);
        let mut net = Net::new(KEY, 0x40);
        net.server.port_c = PC_PORT_C;
        net.server.port_s = PC_PORT_S;
        Self {
            set,
            net,
            framers: HashMap::new(),
            out: VecDeque::new(),
            log,
        }
    }

    /// The TS 33.203 7.1 pairs of the P-CSCF side for the UE's offer.
    fn install_sas(&mut self, ue: IpAddr, offer: &SipMessage) {
        let client = offer.security_client().unwrap();
        let i = client[0].ipsec().unwrap().clone();
        let v = self.net.vector.clone().unwrap();
        let keys = EspKeys::derive(&v.ik, &v.ck, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
        let s = self.net.server;
        let host = self.set.host_mut(ue).unwrap();
        for (local_port, ue_port, spi_out, spi_in) in [
            (s.port_s, i.port_c, i.spi_c, s.spi_s),
            (s.port_c, i.port_s, i.spi_s, s.spi_c),
        ] {
            host.add_sa_pair(SaPair {
                local_port,
                remote: SocketAddr::new(ue, ue_port),
                protocol: None,
                spi_out,
                spi_in,
                keys: keys.clone(),
            })
            .unwrap();
        }
    }

    fn handle_sip(&mut self, peer: IpAddr, conn: ipstack::ConnId, m: SipMessage) {
        let (local, remote) = self.set.host(peer).unwrap().endpoints(conn).unwrap();
        self.log.lock().unwrap().sip.push(Seen {
            msg: m.clone(),
            local,
            peer: remote,
        });
        if !m.is_request() {
            return;
        }
        let answer = self.net.answer(&m);
        let challenged = answer.status() == Some(401);
        if challenged && m.method() == Some(&Method::Register) {
            self.install_sas(peer, &m);
        }
        self.set.send(peer, conn, &answer.encode());
    }

    fn drive(&mut self, now: Time) {
        loop {
            let mut moved = false;
            while let Some((peer, e)) = self.set.poll_event() {
                moved = true;
                match e {
                    HostEvent::Accepted { conn, .. } => {
                        self.framers.insert((peer, conn), Framer::new());
                    }
                    HostEvent::Readable(conn) => {
                        let bytes = self.set.recv(peer, conn);
                        let Some(f) = self.framers.get_mut(&(peer, conn)) else {
                            continue;
                        };
                        f.push(&bytes);
                        let mut msgs = Vec::new();
                        while let Ok(Some(m)) = f.next_message() {
                            msgs.push(m);
                        }
                        for m in msgs {
                            self.handle_sip(peer, conn, m);
                        }
                    }
                    HostEvent::PeerClosed(conn) => {
                        // The UE is done with it (its unprotected connection
                        // after the registration): close ours too.
                        self.set.close(peer, conn);
                        self.framers.remove(&(peer, conn));
                    }
                    _ => {}
                }
            }
            for p in self.set.poll(now) {
                moved = true;
                self.out.push_back(Output::Transmit(Transmit {
                    iface: Iface::SGi,
                    to: GW,
                    bytes: Bytes::from(p),
                    stream: 0,
                    imsi: None,
                }));
            }
            if !moved {
                break;
            }
        }
        let mut log = self.log.lock().unwrap();
        log.esp_rx = self.set.counters().esp_rx;
        log.plain_dropped = self.set.counters().plain_to_protected_dropped;
    }
}

impl Node for FakePcscf {
    fn handle(&mut self, now: Time, input: Input) {
        if let Input::Receive {
            iface: Iface::SGi,
            bytes,
            ..
        } = input
        {
            self.set.ingest(now, &bytes);
        }
        self.drive(now);
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        self.set.poll_at()
    }
}

/// The UE, shared so the test can look at it after the run.
struct SharedUe(Arc<Mutex<Ue>>);

impl Node for SharedUe {
    fn handle(&mut self, now: Time, input: Input) {
        self.0.lock().unwrap().handle(now, input);
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.0.lock().unwrap().poll_output()
    }

    fn poll_timeout(&self) -> Option<Time> {
        self.0.lock().unwrap().poll_timeout()
    }
}

struct Run {
    events: Vec<Event>,
    ue: Arc<Mutex<Ue>>,
    log: Arc<Mutex<PcscfLog>>,
}

impl Run {
    fn status(&self) -> UeStatus {
        self.events
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::Node {
                    node: UE,
                    event: NodeEvent::Ue(s),
                    ..
                } => Some(s.clone()),
                _ => None,
            })
            .expect("the UE published a status")
    }

    fn notes(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Node {
                    event: NodeEvent::Note { text, .. },
                    ..
                } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    /// (from, to, iface, bytes) of every message, in order.
    fn messages(&self) -> Vec<(NodeId, NodeId, Iface, Bytes)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some((m.from, m.to, m.iface, m.bytes.clone())),
                _ => None,
            })
            .collect()
    }

    /// Ladder names of the messages from `from` to `to`.
    fn names(&self, from: NodeId, to: NodeId) -> Vec<String> {
        self.messages()
            .iter()
            .filter(|(f, t, _, _)| *f == from && *t == to)
            .map(|(_, _, i, b)| describe(*i, b).name)
            .collect()
    }
}

fn run(ipv4: bool) -> Run {
    let topo = topology(ipv4);
    let mut sim = Sim::new(topo.latency);
    for id in [ENB, MME, GW, HSS] {
        sim.add(id, crate::nodes::build(id, &topo).unwrap());
    }
    let log = Arc::new(Mutex::new(PcscfLog::default()));
    sim.add(PCSCF, Box::new(FakePcscf::new(log.clone())));
    let ue = Arc::new(Mutex::new(Ue::new(UE, &topo)));
    sim.add(UE, Box::new(SharedUe(ue.clone())));
    sim.schedule(Time::from_millis(100), UE, Command::Ue(UeCommand::Attach));
    // Past TIME-WAIT of the unprotected connection the UE closed.
    sim.run_until_time(Time::from_secs(40));
    Run {
        events: sim.drain_events(),
        ue,
        log,
    }
}

/// The first TCP SYN the UE sent on the ims bearer, as an IP packet.
fn first_syn(r: &Run) -> Vec<u8> {
    r.messages()
        .iter()
        .find_map(|(f, _, i, b)| match (*f, *i) {
            (UE, Iface::Uu) => match UuFrame::decode(b).ok()? {
                UuFrame::Data { ebi: 6, packet } => {
                    let ip = inner_ip(&packet)?;
                    (ip.tcp_flags? & 0x12 == 0x02).then(|| packet.to_vec())
                }
                _ => None,
            },
            _ => None,
        })
        .expect("a SYN on the ims bearer")
}

/// The SYN crossed Uu, S1-U and SGi unchanged.
fn assert_syn_crossed_every_hop(r: &Run, syn: &[u8]) {
    let msgs = r.messages();
    let gpdu = msgs
        .iter()
        .position(|(f, t, i, b)| {
            (*f, *t, *i) == (ENB, GW, Iface::S1U)
                && matches!(gtpu::decode(b), Ok(m) if m.body == gtpu::Body::GPdu(syn.to_vec()))
        })
        .expect("the SYN in a G-PDU to the gateway");
    let sgi = msgs
        .iter()
        .position(|(f, t, i, b)| (*f, *t, *i) == (GW, PCSCF, Iface::SGi) && b[..] == *syn)
        .expect("the SYN on SGi to the P-CSCF");
    assert!(gpdu < sgi);
}

fn registers(log: &PcscfLog) -> Vec<Seen> {
    log.sip
        .iter()
        .filter(|s| s.msg.method() == Some(&Method::Register))
        .cloned()
        .collect()
}

#[test]
fn ue_registers_through_the_real_user_plane_and_the_sas() {
    let r = run(true);
    let s = r.status();
    let notes = r.notes();
    let ims = s
        .ims
        .clone()
        .unwrap_or_else(|| panic!("no IMS status: {notes:#?}"));
    assert_eq!(ims.state, "registered", "{notes:#?}");
    assert_eq!(s.outcome, crate::nodes::Outcome::Reached);

    // The SYN from the UE's IMS PDN address to the first P-CSCF address.
    let syn = first_syn(&r);
    let ip = inner_ip(&syn).unwrap();
    assert_eq!(ip.src, IpAddr::V4(v4("10.46.0.2")));
    assert_eq!(ip.dst, IpAddr::V4(v4("10.46.0.1")));
    assert_eq!(ip.ports.unwrap().1, 5060);
    assert_syn_crossed_every_hop(&r, &syn);

    // Both REGISTERs reached the fake P-CSCF: the first in the clear on
    // 5060, the second on the SA ports (UE port-c -> P-CSCF port-s).
    let log = r.log.lock().unwrap();
    let regs = registers(&log);
    assert_eq!(regs.len(), 2, "{:?}", log.sip);
    assert_eq!(regs[0].local.port(), 5060);
    let offer = regs[0].msg.security_client().unwrap()[0]
        .ipsec()
        .unwrap()
        .clone();
    assert_eq!(regs[1].local.port(), PC_PORT_S);
    assert_eq!(regs[1].peer, SocketAddr::new(ip.src, offer.port_c));
    assert!(regs[1].msg.header("Security-Verify").is_some());
    assert!(log.esp_rx >= 2, "the second REGISTER came in ESP");
    assert_eq!(log.plain_dropped, 0);
    // The UE reports the SPIs and ports of its Security-Client.
    assert_eq!(
        ims.sa,
        Some((offer.spi_c, offer.spi_s, offer.port_c, offer.port_s))
    );
    // Everything on SGi towards the SA port is ESP with the P-CSCF's spi-s.
    let esp_up: Vec<u32> = r
        .messages()
        .iter()
        .filter(|(f, t, i, _)| (*f, *t, *i) == (GW, PCSCF, Iface::SGi))
        .filter(|(_, _, _, b)| b[9] == IPPROTO_ESP)
        .map(|(_, _, _, b)| crate::codec::esp::peek_spi(b).unwrap())
        .collect();
    assert!(!esp_up.is_empty());
    assert!(esp_up.iter().all(|spi| *spi == r_server_spi_s()));

    // The ladder reads as SIP.
    let up = r.names(GW, PCSCF);
    let down = r.names(PCSCF, GW);
    for want in [
        "TCP SYN",
        "REGISTER",
        "TCP ACK",
        "ESP / TCP SYN",
        "ESP / REGISTER",
    ] {
        assert!(up.iter().any(|n| n == want), "{want} missing from {up:#?}");
    }
    for want in [
        "TCP SYN-ACK",
        "401 Unauthorized (REGISTER)",
        "ESP / 200 OK (REGISTER)",
    ] {
        assert!(
            down.iter().any(|n| n == want),
            "{want} missing from {down:#?}"
        );
    }
    assert!(
        r.names(UE, ENB).iter().any(|n| n == "REGISTER"),
        "{:#?}",
        r.names(UE, ENB)
    );
    assert!(r.names(ENB, GW).iter().any(|n| n == "G-PDU / REGISTER"));

    // The IP stack of a registered UE stays small.
    let bytes = r.ue.lock().unwrap().ims_link_memory();
    eprintln!("IMS IP stack of a registered UE: {bytes} bytes");
    assert!(bytes < 10 * 1024, "{bytes} bytes");
}

/// The fake network's spi-s (see [`Net::new`]).
fn r_server_spi_s() -> u32 {
    Net::new(KEY, 0).server.spi_s
}

#[test]
fn ue_registers_over_ipv6_only_from_the_global_address_of_the_router_advertisement() {
    let r = run(false);
    let s = r.status();
    let notes = r.notes();
    let ims_pdn = s.pdns.iter().find(|p| p.apn == "ims").unwrap();
    assert_eq!(ims_pdn.ipv4, None);
    assert_eq!(ims_pdn.ipv6, Some(v6("fd00:46::2")), "{notes:#?}");
    assert_eq!(
        s.ims.as_ref().map(|i| i.state.as_str()),
        Some("registered"),
        "{notes:#?}"
    );
    // The gateway's Router Advertisement went down the ims bearer.
    assert!(
        r.names(GW, ENB)
            .iter()
            .any(|n| n == "G-PDU / Router Advertisement"),
        "{:#?}",
        r.names(GW, ENB)
    );
    let ra_on_uu = r.messages().iter().any(|(f, t, i, b)| {
        (*f, *t, *i) == (ENB, UE, Iface::Uu)
            && describe(*i, b).summary == "EBI 6: Router Advertisement fd00:46::/64"
    });
    assert!(ra_on_uu);
    let syn = first_syn(&r);
    let ip = inner_ip(&syn).unwrap();
    assert_eq!(ip.src, IpAddr::V6(v6("fd00:46::2")));
    assert_eq!(ip.dst, IpAddr::V6(v6("fd00:46::1")));
    assert_syn_crossed_every_hop(&r, &syn);
    let log = r.log.lock().unwrap();
    let regs = registers(&log);
    assert_eq!(regs.len(), 2);
    assert_eq!(regs[1].local, SocketAddr::new(ip.dst, PC_PORT_S));
    assert!(log.esp_rx >= 2);
}
