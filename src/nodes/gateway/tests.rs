//! The gateway driven like an MME, an eNB and the IMS stack would drive it:
//! every input is real GTPv2-C / GTP-U / IP bytes built with the codecs, and
//! every answer is decoded and checked field by field.

use super::Gateway;
use crate::codec::gtpu;
use crate::codec::gtpv2c::ie::types;
use crate::codec::gtpv2c::{
    self, Ambr, Apn, ApnRestriction, BearerContextToBeCreated, BearerContextToBeModified,
    BearerQos, Body, Cause, CreateSessionRequest, CreateSessionResponse, DeleteSessionRequest, Ebi,
    Ecgi, EchoRequest, Fteid, Imsi, InterfaceType, Message, ModifyBearerRequest, Msisdn, Paa,
    PdnType, RatType, Recovery, SelectionMode, Tai, Uli,
};
use crate::codec::nas::pco::{self, Pco};
use crate::codec::parse_hex;
use crate::codec::plmn::Plmn;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::nodes::{Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit};
use crate::topology::{
    ApnSpec, DiameterIdentity, EnbSpec, GatewaySpec, IpsecEncryption, IpsecIntegrity, IpsecPolicy,
    MmeSpec, NodeKind, NodeSpec, PcscfSpec, SipHost, Topology,
};
use bytes::Bytes;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

const MME: NodeId = NodeId(0);
const ENB: NodeId = NodeId(1);
const GW: NodeId = NodeId(2);
const PCSCF: NodeId = NodeId(3);
const MME2: NodeId = NodeId(4);
const IMSI1: &str = "001010000000001";
const IMSI2: &str = "001010000000002";

fn v4(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

fn v6(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

fn gw_addr() -> Ipv4Addr {
    v4("127.0.0.3")
}

fn internet_apn() -> ApnSpec {
    ApnSpec {
        name: "internet".into(),
        ipv4_pool: Some((v4("10.45.0.0"), 16)),
        ipv6_prefix: None,
        qci: 9,
        arp_priority: 8,
        ambr_ul: 50_000_000,
        ambr_dl: 100_000_000,
        pcscf: Vec::new(),
        dns: vec![IpAddr::V4(v4("10.45.0.53"))],
        mtu: None,
    }
}

fn ims_apn() -> ApnSpec {
    ApnSpec {
        name: "ims".into(),
        ipv4_pool: Some((v4("10.46.0.0"), 16)),
        ipv6_prefix: Some((v6("fd00:46::"), 64)),
        qci: 5,
        arp_priority: 1,
        ambr_ul: 100_000_000,
        ambr_dl: 100_000_000,
        pcscf: vec![IpAddr::V4(v4("10.46.0.1")), IpAddr::V6(v6("fd00:46::1"))],
        dns: vec![IpAddr::V4(v4("10.46.0.53")), IpAddr::V6(v6("fd00:46::53"))],
        mtu: Some(1400),
    }
}

fn node(name: &str, addr: &str, kind: NodeKind) -> NodeSpec {
    NodeSpec {
        name: name.into(),
        addr: addr.parse().unwrap(),
        kind,
    }
}

fn mme_kind() -> NodeKind {
    NodeKind::Mme(MmeSpec {
        gateway: GW,
        hss: NodeId(99),
        mme_name: "mme1".into(),
        group_id: 1,
        code: 1,
        integrity: vec![NasIntegrity::Eia2],
        ciphering: vec![NasCiphering::Eea0],
        tacs: vec![1],
        relative_capacity: 255,
        diameter: DiameterIdentity {
            host: "mme1.epc".into(),
            realm: "epc".into(),
        },
        t3412: Duration::from_secs(3240),
    })
}

/// MME, eNB, the gateway (127.0.0.3, like the reference SGW), the P-CSCF
/// hosting the IMS stack, a second MME.
fn topo(apns: Vec<ApnSpec>, ims_stack: Option<NodeId>) -> Topology {
    Topology {
        name: "gateway-test".into(),
        source: None,
        plmn: Plmn::new("001", "01").unwrap(),
        nodes: vec![
            node("mme1", "127.0.0.1", mme_kind()),
            node(
                "enb1",
                "127.0.0.2",
                NodeKind::Enb(EnbSpec {
                    enb_id: 0x19b,
                    enb_name: "enb1".into(),
                    tac: 1,
                    cell_id: 0x19b01,
                    mme: MME,
                    refuse_second_bearer: false,
                }),
            ),
            node(
                "gw1",
                "127.0.0.3",
                NodeKind::Gateway(GatewaySpec { apns, ims_stack }),
            ),
            node(
                "pcscf1",
                "127.0.0.5",
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
            node("mme2", "127.0.0.6", mme_kind()),
        ],
        subscribers: Vec::new(),
        scenario: Vec::new(),
        latency: Duration::from_millis(1),
        seed: 7,
        show_keys: false,
    }
}

fn default_topo() -> Topology {
    topo(vec![internet_apn(), ims_apn()], Some(PCSCF))
}

/// What one input made the gateway do.
#[derive(Debug, Default)]
struct Outcome {
    sent: Vec<Transmit>,
    events: Vec<NodeEvent>,
}

impl Outcome {
    fn notes(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match e {
                NodeEvent::Note { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn counter(&self, name: &str) -> Option<u64> {
        self.events.iter().rev().find_map(|e| match e {
            NodeEvent::Counter { name: n, value } if *n == name => Some(*value),
            _ => None,
        })
    }

    fn only(&self) -> &Transmit {
        assert_eq!(self.sent.len(), 1, "one message sent: {:?}", self.sent);
        &self.sent[0]
    }
}

struct Harness {
    gw: Gateway,
    now: Time,
    seq: u32,
}

impl Harness {
    fn new(t: &Topology) -> Self {
        Self {
            gw: Gateway::new(GW, t),
            now: Time::ZERO,
            seq: 0,
        }
    }

    fn input(&mut self, iface: Iface, from: NodeId, bytes: Vec<u8>) -> Outcome {
        self.now = self.now + Duration::from_millis(10);
        self.gw.handle(
            self.now,
            Input::Receive {
                iface,
                from,
                bytes: Bytes::from(bytes),
            },
        );
        let mut o = Outcome::default();
        while let Some(out) = self.gw.poll_output() {
            match out {
                Output::Transmit(t) => o.sent.push(t),
                Output::Event(e) => o.events.push(e),
            }
        }
        o
    }

    /// The gateway's indexes agree with its UE contexts and pools.
    fn check_bookkeeping(&self) {
        let g = &self.gw;
        let sessions: Vec<_> = g.ues.values().flat_map(|u| &u.sessions).collect();
        assert_eq!(g.session_count(), sessions.len());
        let bearers: usize = sessions.iter().map(|s| s.bearers.len()).sum();
        assert_eq!(g.by_s1u.len(), bearers);
        let addrs: usize = sessions.iter().map(|s| s.addresses().count()).sum();
        assert_eq!(g.by_ue_addr.len(), addrs);
        let in_pools: usize = g
            .apns
            .iter()
            .map(|a| {
                a.pools.v4.as_ref().map_or(0, |p| p.used())
                    + a.pools.v6.as_ref().map_or(0, |p| p.used())
            })
            .sum();
        assert_eq!(in_pools, addrs);
        for (imsi, t) in &g.by_imsi {
            assert_eq!(g.ues[t].imsi, Some(*imsi));
        }
    }

    fn next_seq(&mut self) -> u32 {
        self.seq += 1;
        self.seq
    }

    /// Sends a GTPv2-C request from the MME; returns the answer decoded.
    /// Only Router Advertisements to eNBs may follow the answer (after a
    /// Modify Bearer of an IPv6 PDN).
    fn s11(&mut self, m: &Message) -> (Message, Outcome) {
        let o = self.input(Iface::S11, MME, m.encode());
        let (t, rest) = o.sent.split_first().expect("an answer");
        for x in rest {
            assert_eq!(x.iface, Iface::S1U, "{:?}", o.sent);
            let Ok(gtpu::Message {
                body: gtpu::Body::GPdu(p),
                ..
            }) = gtpu::decode(&x.bytes)
            else {
                panic!("not a G-PDU: {x:?}");
            };
            assert!(
                crate::codec::icmpv6::router_advertisement(&p)
                    .unwrap()
                    .is_some(),
                "not a Router Advertisement: {p:?}"
            );
        }
        assert_eq!((t.iface, t.to), (Iface::S11, MME));
        let answer = gtpv2c::decode(&t.bytes).unwrap();
        assert_eq!(
            answer.seq, m.seq,
            "the answer carries the request's sequence number"
        );
        (answer, o)
    }

    fn create(
        &mut self,
        teid: u32,
        req: CreateSessionRequest,
    ) -> (Message, CreateSessionResponse, Outcome) {
        let seq = self.next_seq();
        let (m, o) = self.s11(&Message::new(Some(teid), seq, req));
        let Body::CreateSessionResponse(r) = m.body.clone() else {
            panic!("not a Create Session Response: {m:?}");
        };
        (m, r, o)
    }
}

/// A Create Session Request as an MME builds it (TS 29.274 7.2.1).
fn csr(
    imsi: &str,
    apn: &str,
    pdn: PdnType,
    ebi: u8,
    pco: Option<Pco>,
    mme_teid: u32,
) -> CreateSessionRequest {
    let plmn = gtpv2c::Plmn::new("001", "01").unwrap();
    CreateSessionRequest {
        imsi: Some(Imsi::new(imsi)),
        msisdn: Some(Msisdn::new("15550001")),
        uli: Some(Uli::tai_ecgi(
            Tai { plmn, tac: 1 },
            Ecgi { plmn, eci: 0x19b01 },
        )),
        serving_network: Some(plmn),
        rat_type: Some(RatType::EUTRAN),
        sender_fteid: Some(Fteid::v4(InterfaceType::S11_MME, mme_teid, v4("127.0.0.1"))),
        pgw_s5s8_fteid: Some(Fteid::v4(InterfaceType::S5S8_PGW_GTPC, 0, gw_addr())),
        apn: Some(Apn::new(apn)),
        selection_mode: Some(SelectionMode::VERIFIED),
        pdn_type: Some(pdn),
        paa: Some(match pdn {
            PdnType::IPV4 => Paa::Ipv4(Ipv4Addr::UNSPECIFIED),
            PdnType::IPV6 => Paa::Ipv6 {
                prefix_len: 64,
                addr: Ipv6Addr::UNSPECIFIED,
            },
            _ => Paa::Ipv4v6 {
                prefix_len: 64,
                ipv6: Ipv6Addr::UNSPECIFIED,
                ipv4: Ipv4Addr::UNSPECIFIED,
            },
        }),
        max_apn_restriction: Some(ApnRestriction(0)),
        apn_ambr: Some(Ambr {
            uplink: 1000,
            downlink: 1000,
        }),
        pco,
        bearer_contexts: vec![BearerContextToBeCreated {
            ebi: Some(Ebi(ebi)),
            bearer_qos: Some(BearerQos {
                pci: true,
                pl: 9,
                qci: 9,
                ..BearerQos::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn mbr(ebi: u8, enb_teid: u32, enb_addr: &str) -> ModifyBearerRequest {
    ModifyBearerRequest {
        bearer_contexts: vec![BearerContextToBeModified {
            ebi: Some(Ebi(ebi)),
            s1u_enb_fteid: Some(Fteid::v4(InterfaceType::S1U_ENB, enb_teid, v4(enb_addr))),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn our_fteid(f: Option<Fteid>, interface: InterfaceType) -> u32 {
    let f = f.expect("F-TEID present");
    assert_eq!(f.interface, interface);
    assert_eq!(f.ipv4, Some(gw_addr()), "our topology address");
    assert_eq!(f.ipv6, None);
    assert_ne!(f.teid, 0);
    f.teid
}

fn flow_ref_hex(name: &str) -> Vec<u8> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/flow-refs.json")).unwrap();
    let r = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    parse_hex(r["hex"].as_str().unwrap()).unwrap()
}

/// The IPv4/TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060 of the reference G-PDU.
fn sip_syn() -> Vec<u8> {
    let b = flow_ref_hex("gtpu_gpdu_sip_syn");
    let m = gtpu::decode(&b).unwrap();
    let gtpu::Body::GPdu(p) = m.body else {
        panic!()
    };
    p
}

/// A minimal IPv4 header from `src` to `dst` (no checksum: nobody checks).
fn ipv4_packet(src: &str, dst: &str, payload: &[u8]) -> Vec<u8> {
    let mut p = vec![0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 6, 0, 0];
    let len = (20 + payload.len()) as u16;
    p[2..4].copy_from_slice(&len.to_be_bytes());
    p.extend(v4(src).octets());
    p.extend(v4(dst).octets());
    p.extend_from_slice(payload);
    p
}

// ---------------------------------------------------------------------------
// Create Session

#[test]
fn gateway_creates_internet_session_with_first_ipv4_address() {
    let mut h = Harness::new(&default_topo());
    let (m, r, o) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 0x11));
    assert_eq!(m.teid, Some(0x11), "answer goes to the MME's S11 TEID");
    assert_eq!(o.only().imsi, Some(1_010_000_000_001));
    assert_eq!(r.cause, Some(Cause::new(16)));
    // .0 network, .1 gateway side: the first UE gets .2.
    assert_eq!(r.paa, Some(Paa::Ipv4(v4("10.45.0.2"))));
    let s11 = our_fteid(r.sender_fteid, InterfaceType::S11_SGW);
    let s5c = our_fteid(r.pgw_s5s8_fteid, InterfaceType::S5S8_PGW_GTPC);
    assert_eq!(
        r.apn_ambr,
        Some(Ambr {
            uplink: 50_000,
            downlink: 100_000
        })
    );
    assert_eq!(r.apn_restriction, Some(ApnRestriction(0)));
    assert_eq!(r.pco, None, "no PCO asked, none given");
    assert_eq!(r.bearer_contexts.len(), 1);
    let bc = &r.bearer_contexts[0];
    assert_eq!(bc.ebi, Some(Ebi(5)));
    assert_eq!(bc.cause, Some(Cause::new(16)));
    let s1u = our_fteid(bc.s1u_sgw_fteid, InterfaceType::S1U_SGW);
    let s5u = our_fteid(bc.s5s8u_pgw_fteid, InterfaceType::S5S8_PGW_GTPU);
    let mut teids = vec![s11, s5c, s1u, s5u];
    teids.dedup();
    assert_eq!(teids.len(), 4, "four distinct TEIDs");
    let qos = bc.bearer_qos.unwrap();
    assert_eq!((qos.qci, qos.pl, qos.pci, qos.pvi), (9, 8, true, false));
    // Instances on the wire: S11 F-TEID 0, PGW S5/S8 F-TEID 1, in the
    // bearer context S1-U 0 and S5/S8-U 2.
    let body = &o.only().bytes[12..];
    let ies = gtpv2c::ie::decode_ies(body).unwrap();
    let fteids: Vec<u8> = ies
        .iter()
        .filter(|i| i.ie_type == types::FTEID)
        .map(|i| i.instance)
        .collect();
    assert_eq!(fteids, [0, 1]);
    let bc_ie = ies
        .iter()
        .find(|i| i.ie_type == types::BEARER_CONTEXT)
        .unwrap();
    let inner: Vec<(u8, u8)> = gtpv2c::ie::decode_ies(&bc_ie.value)
        .unwrap()
        .iter()
        .map(|i| (i.ie_type, i.instance))
        .collect();
    assert_eq!(inner, [(73, 0), (2, 0), (87, 0), (87, 2), (80, 0)]);
    assert_eq!(o.counter("sessions_created"), Some(1));
    assert_eq!(o.counter("sessions_active"), Some(1));
    assert_eq!(h.gw.session_count(), 1);
    assert_eq!(h.gw.addresses_in_use("internet"), Some((1, 0)));
}

#[test]
fn gateway_answers_ims_pco_with_pcscf_dns_and_im_cn_flag() {
    let mut h = Harness::new(&default_topo());
    let (_, r, o) = h.create(
        0,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            0x12,
        ),
    );
    assert_eq!(r.cause, Some(Cause::new(16)));
    assert_eq!(
        r.paa,
        Some(Paa::Ipv4v6 {
            prefix_len: 64,
            ipv6: v6("fd00:46::2"),
            ipv4: v4("10.46.0.2"),
        })
    );
    assert_eq!(r.paa.as_ref().unwrap().ipv6_interface_id(), Some(2));
    let p = r.pco.unwrap();
    assert_eq!(p.config_protocol, 0x80);
    let got: Vec<(u16, Vec<u8>)> = p
        .containers
        .iter()
        .map(|c| (c.id, c.contents.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (pco::PCSCF_IPV4, v4("10.46.0.1").octets().to_vec()),
            (pco::PCSCF_IPV6, v6("fd00:46::1").octets().to_vec()),
            (pco::DNS_IPV4, v4("10.46.0.53").octets().to_vec()),
            (pco::DNS_IPV6, v6("fd00:46::53").octets().to_vec()),
            (pco::IM_CN_SIGNALLING_FLAG, Vec::new()),
        ]
    );
    let bc = &r.bearer_contexts[0];
    assert_eq!(bc.ebi, Some(Ebi(6)));
    let qos = bc.bearer_qos.unwrap();
    assert_eq!((qos.qci, qos.pl), (5, 1));
    assert!(o.notes().is_empty(), "{:?}", o.notes());
    assert_eq!(h.gw.addresses_in_use("ims"), Some((1, 1)));
}

#[test]
fn gateway_response_matches_reference_create_session_response() {
    // The reference Create Session Request (APN ims, IPv4v6, PCO asking
    // P-CSCF/DNS/IM CN flag, MME S11 TEID 1, seq 1), fed as is.
    let mut h = Harness::new(&default_topo());
    let o = h.input(
        Iface::S11,
        MME,
        flow_ref_hex("gtpv2c_create_session_request"),
    );
    let ours_bytes = o.only().bytes.to_vec();
    let ours = gtpv2c::decode(&ours_bytes).unwrap();
    let reference = gtpv2c::decode(&flow_ref_hex("gtpv2c_create_session_response")).unwrap();
    assert_eq!((ours.teid, ours.seq), (reference.teid, reference.seq));
    let (Body::CreateSessionResponse(a), Body::CreateSessionResponse(b)) =
        (&ours.body, &reference.body)
    else {
        panic!("not two Create Session Responses");
    };
    // Identities that differ: TEIDs, the PGW address (folded here), and the
    // PAA's IPv6 prefix (the reference carries only the interface id).
    let mut expected = b.clone();
    expected.wire_order.clear();
    let ours_teid = |f: Option<Fteid>| f.unwrap().teid;
    let fix = |f: &mut Option<Fteid>, teid: u32| {
        if let Some(f) = f {
            f.teid = teid;
            f.ipv4 = Some(gw_addr());
        }
    };
    fix(&mut expected.sender_fteid, ours_teid(a.sender_fteid));
    fix(&mut expected.pgw_s5s8_fteid, ours_teid(a.pgw_s5s8_fteid));
    let (ea, eb) = (&a.bearer_contexts[0], &mut expected.bearer_contexts[0]);
    eb.wire_order.clear();
    fix(&mut eb.s1u_sgw_fteid, ours_teid(ea.s1u_sgw_fteid));
    fix(&mut eb.s5s8u_pgw_fteid, ours_teid(ea.s5s8u_pgw_fteid));
    assert_eq!(b.paa.as_ref().unwrap().ipv6(), Some((v6("::2"), 64)));
    expected.paa = Some(Paa::Ipv4v6 {
        prefix_len: 64,
        ipv6: v6("fd00:46::2"),
        ipv4: v4("10.46.0.2"),
    });
    // Field by field first (clear messages), then the whole encoding.
    assert_eq!(a.cause, expected.cause);
    assert_eq!(a.sender_fteid, expected.sender_fteid);
    assert_eq!(a.pgw_s5s8_fteid, expected.pgw_s5s8_fteid);
    assert_eq!(a.paa, expected.paa);
    assert_eq!(a.apn_restriction, expected.apn_restriction);
    assert_eq!(a.apn_ambr, expected.apn_ambr);
    assert_eq!(a.pco, expected.pco, "PCO answer identical to the reference");
    assert_eq!(a.bearer_contexts, expected.bearer_contexts);
    assert_eq!(a.other, expected.other);
    let mut exp_msg = reference.clone();
    exp_msg.body = Body::CreateSessionResponse(expected);
    assert_eq!(
        crate::codec::hex(&ours_bytes),
        crate::codec::hex(&exp_msg.encode()),
        "same IEs, instances and order as the reference"
    );
}

#[test]
fn gateway_notes_missing_pcscf_when_ims_apn_has_none() {
    let apn = ApnSpec {
        pcscf: Vec::new(),
        ..ims_apn()
    };
    let mut h = Harness::new(&topo(vec![internet_apn(), apn], Some(PCSCF)));
    let (_, r, o) = h.create(
        0,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            1,
        ),
    );
    assert_eq!(
        r.cause,
        Some(Cause::new(16)),
        "the session is still created"
    );
    let p = r.pco.unwrap();
    assert!(!p.contains(pco::PCSCF_IPV4) && !p.contains(pco::PCSCF_IPV6));
    assert_eq!(
        p.ids(),
        [pco::DNS_IPV4, pco::DNS_IPV6, pco::IM_CN_SIGNALLING_FLAG]
    );
    assert_eq!(
        o.notes(),
        ["ims APN has no p_cscf configured: the PCO answer carries no P-CSCF address"]
    );
    assert_eq!(o.counter("pco_no_pcscf"), Some(1));
}

#[test]
fn gateway_rejects_unknown_apn_with_cause_78() {
    let mut h = Harness::new(&default_topo());
    let (m, r, o) = h.create(0, csr(IMSI1, "corporate", PdnType::IPV4, 5, None, 0x21));
    assert_eq!(m.teid, Some(0x21));
    assert_eq!(r.cause, Some(Cause::new(78)));
    assert_eq!((r.paa, r.sender_fteid), (None, None));
    assert!(r.bearer_contexts.is_empty());
    assert_eq!(
        o.notes(),
        [
            "rejected Create Session Request (APN corporate): Missing or unknown APN (78): \
          the gateway serves APNs internet, ims"
        ]
    );
    assert_eq!(o.counter("create_session_rejected"), Some(1));
    assert_eq!(h.gw.session_count(), 0);
    assert_eq!(h.gw.addresses_in_use("internet"), Some((0, 0)));
}

#[test]
fn gateway_accepts_apn_with_operator_identifier() {
    let mut h = Harness::new(&default_topo());
    let (_, r, _) = h.create(
        0,
        csr(IMSI1, "IMS.mnc001.mcc001.gprs", PdnType::IPV4, 6, None, 1),
    );
    assert_eq!(r.cause, Some(Cause::new(16)));
    assert_eq!(r.paa, Some(Paa::Ipv4(v4("10.46.0.2"))));
}

#[test]
fn gateway_grants_ipv6_only_on_ipv6_apn_with_cause_18() {
    let apn = ApnSpec {
        name: "ims".into(),
        ipv4_pool: None,
        pcscf: vec![IpAddr::V6(v6("fd00:46::1"))],
        ..ims_apn()
    };
    let mut h = Harness::new(&topo(vec![apn], Some(PCSCF)));
    let (_, r, o) = h.create(
        0,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            1,
        ),
    );
    // TS 23.401 5.3.1.1: network preference changes the PDN type.
    assert_eq!(r.cause, Some(Cause::new(18)));
    assert_eq!(
        r.paa,
        Some(Paa::Ipv6 {
            prefix_len: 64,
            addr: v6("fd00:46::2"),
        })
    );
    assert_eq!(r.bearer_contexts[0].cause, Some(Cause::new(16)));
    let p = r.pco.unwrap();
    assert!(p.pcscf_ipv4().is_empty());
    assert_eq!(p.pcscf_ipv6(), [v6("fd00:46::1")]);
    assert_eq!(
        o.notes(),
        [
            "APN ims gives only IPv6: PDN type IPv6 (2) instead of IPv4v6 (3) (New PDN type due \
          to network preference, TS 23.401 5.3.1.1)"
        ]
    );
    // An IPv4-only request cannot be served at all.
    let (_, r, _) = h.create(0, csr(IMSI2, "ims", PdnType::IPV4, 6, None, 2));
    assert_eq!(r.cause, Some(Cause::new(83)));
}

#[test]
fn gateway_rejects_with_cause_84_when_pool_exhausted() {
    let small = ApnSpec {
        ipv4_pool: Some((v4("10.9.0.0"), 29)),
        ..internet_apn()
    };
    let mut h = Harness::new(&topo(vec![small], None));
    let mut got = Vec::new();
    for i in 0..5u32 {
        let (_, r, _) = h.create(
            0,
            csr(
                &format!("00101000000010{i}"),
                "internet",
                PdnType::IPV4,
                5,
                None,
                i + 1,
            ),
        );
        got.push(r.paa.and_then(|p| p.ipv4()).unwrap());
    }
    assert_eq!(got.first(), Some(&v4("10.9.0.2")));
    assert_eq!(got.last(), Some(&v4("10.9.0.6")), "never the broadcast .7");
    let (_, r, o) = h.create(
        0,
        csr("001010000000199", "internet", PdnType::IPV4, 5, None, 9),
    );
    assert_eq!(r.cause, Some(Cause::new(84)));
    assert_eq!(o.counter("pool_exhausted"), Some(1));
    assert!(o.notes()[0].contains("All dynamic addresses are occupied (84)"));
    assert_eq!(h.gw.session_count(), 5);
}

#[test]
fn gateway_rejects_create_session_without_sender_fteid() {
    let mut h = Harness::new(&default_topo());
    let mut req = csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1);
    req.sender_fteid = None;
    let (m, r, _) = h.create(0, req);
    assert_eq!(m.teid, Some(0), "no MME TEID known");
    let c = r.cause.unwrap();
    assert_eq!(c.value, Cause::MANDATORY_IE_MISSING);
    assert_eq!(
        c.offending_ie.map(|o| (o.ie_type, o.instance)),
        Some((87, 0))
    );
    let mut req = csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1);
    req.bearer_contexts.clear();
    let (_, r, _) = h.create(0, req);
    assert_eq!(r.cause.unwrap().value, Cause::MANDATORY_IE_MISSING);
    assert_eq!(h.gw.session_count(), 0);
}

// ---------------------------------------------------------------------------
// Second PDN, Modify Bearer, user plane

#[test]
fn gateway_adds_second_pdn_to_the_ue_on_its_s11_teid() {
    let mut h = Harness::new(&default_topo());
    let (_, r1, _) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 0x31));
    let s11 = r1.sender_fteid.unwrap().teid;
    // TS 29.274 5.5.2: the later Create Session names our S11 TEID.
    let (m2, r2, _) = h.create(
        s11,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            0x31,
        ),
    );
    assert_eq!(m2.teid, Some(0x31));
    assert_eq!(r2.cause, Some(Cause::new(16)));
    assert_eq!(r2.sender_fteid.unwrap().teid, s11, "one S11 TEID per UE");
    assert_ne!(
        r2.pgw_s5s8_fteid.unwrap().teid,
        r1.pgw_s5s8_fteid.unwrap().teid
    );
    assert_eq!(h.gw.ue_count(), 1);
    assert_eq!(h.gw.session_count(), 2);
    // A Create Session with TEID 0 for the same IMSI joins it too.
    let (_, r3, _) = h.create(0, csr(IMSI1, "ims", PdnType::IPV4, 7, None, 0x31));
    assert_eq!(r3.sender_fteid.unwrap().teid, s11);
    assert_eq!(h.gw.ue_count(), 1);
    // An unknown S11 TEID is refused.
    let (_, r4, _) = h.create(0xdead, csr(IMSI1, "ims", PdnType::IPV4, 8, None, 0x31));
    assert_eq!(r4.cause, Some(Cause::new(64)));
}

#[test]
fn gateway_relays_ims_uplink_and_downlink_after_modify_bearer() {
    let mut h = Harness::new(&default_topo());
    let (_, r, _) = h.create(
        0,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            0x41,
        ),
    );
    let s11 = r.sender_fteid.unwrap().teid;
    let s1u = r.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let seq = h.next_seq();
    let (m, o) = h.s11(&Message::new(Some(s11), seq, mbr(6, 0x2002, "127.0.0.2")));
    assert_eq!(m.teid, Some(0x41));
    assert_eq!(o.sent[0].imsi, Some(1_010_000_000_001));
    // Then the Router Advertisement of the IPv6 half, down the new tunnel
    // (TS 29.061 11.2.1.3.4).
    assert_eq!(o.sent.len(), 2);
    assert_eq!(
        (o.sent[1].iface, o.sent[1].to, o.sent[1].imsi),
        (Iface::S1U, ENB, Some(1_010_000_000_001))
    );
    let ra = gtpu::decode(&o.sent[1].bytes).unwrap();
    assert_eq!(ra.teid, 0x2002);
    let gtpu::Body::GPdu(ra) = ra.body else {
        panic!("{ra:?}")
    };
    let (router, ra) = crate::codec::icmpv6::router_advertisement(&ra)
        .unwrap()
        .unwrap();
    assert_eq!(router, v6("fe80::1"));
    let pi = *ra.prefixes().next().unwrap();
    assert_eq!((pi.prefix, pi.prefix_len), (v6("fd00:46::"), 64));
    assert!(pi.autonomous && !pi.on_link, "A set, L clear");
    assert_eq!(o.counter("router_advertisements"), Some(1));
    let Body::ModifyBearerResponse(resp) = m.body else {
        panic!("{m:?}")
    };
    assert_eq!(resp.cause, Some(Cause::new(16)));
    assert_eq!(resp.bearer_contexts.len(), 1);
    let bc = &resp.bearer_contexts[0];
    assert_eq!(bc.ebi, Some(Ebi(6)));
    assert_eq!(bc.cause, Some(Cause::new(16)));
    assert_eq!(our_fteid(bc.s1u_sgw_fteid, InterfaceType::S1U_SGW), s1u);

    // Uplink: the UE's SYN to the P-CSCF reaches the IMS stack unchanged.
    let syn = sip_syn();
    let o = h.input(
        Iface::S1U,
        ENB,
        gtpu::Message::g_pdu(s1u, syn.clone()).encode(),
    );
    let t = o.only();
    assert_eq!(
        (t.iface, t.to, t.imsi),
        (Iface::SGi, PCSCF, Some(1_010_000_000_001))
    );
    assert_eq!(t.bytes.to_vec(), syn);

    // Downlink: the P-CSCF's answer goes in a G-PDU to the eNB's TEID.
    let syn_ack = ipv4_packet("10.46.0.1", "10.46.0.2", &[0x13, 0xc4, 0xc3, 0x50]);
    let o = h.input(Iface::SGi, PCSCF, syn_ack.clone());
    let t = o.only();
    assert_eq!((t.iface, t.to), (Iface::S1U, ENB));
    let g = gtpu::decode(&t.bytes).unwrap();
    assert_eq!(g.teid, 0x2002);
    assert_eq!(g.body, gtpu::Body::GPdu(syn_ack));
    // IPv6 downlink finds the UE by its IPv6 address.
    let mut p6 = vec![0x60, 0, 0, 0, 0, 0, 6, 64];
    p6.extend(v6("fd00:46::1").octets());
    p6.extend(v6("fd00:46::2").octets());
    let o = h.input(Iface::SGi, PCSCF, p6);
    assert_eq!(gtpu::decode(&o.only().bytes).unwrap().teid, 0x2002);
}

#[test]
fn gateway_advertises_the_prefix_of_ipv6_pdns_only_after_modify_bearer() {
    let mut h = Harness::new(&default_topo());
    // IPv4 only: nothing but the answer.
    let (_, r, _) = h.create(0, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1));
    let s11 = r.sender_fteid.unwrap().teid;
    let seq = h.next_seq();
    let (_, o) = h.s11(&Message::new(Some(s11), seq, mbr(6, 0x2002, "127.0.0.2")));
    assert_eq!(o.sent.len(), 1);
    // IPv6 only: the answer, then the RA for the UE's /64 on its tunnel.
    let (_, r, _) = h.create(0, csr("001010000000002", "ims", PdnType::IPV6, 5, None, 2));
    let s11 = r.sender_fteid.unwrap().teid;
    let seq = h.next_seq();
    let (_, o) = h.s11(&Message::new(Some(s11), seq, mbr(5, 0x3003, "127.0.0.2")));
    assert_eq!(o.sent.len(), 2);
    let g = gtpu::decode(&o.sent[1].bytes).unwrap();
    assert_eq!(g.teid, 0x3003);
    let gtpu::Body::GPdu(p) = g.body else {
        panic!()
    };
    assert_eq!(p[7], 255, "hop limit of Neighbor Discovery");
    assert_eq!(&p[24..40], &v6("ff02::1").octets(), "to all nodes");
    let (_, ra) = crate::codec::icmpv6::router_advertisement(&p)
        .unwrap()
        .unwrap();
    assert_eq!(ra.autoconf_prefix(), Some(v6("fd00:46::")));
    // A Modify Bearer without an eNB F-TEID sends none.
    let seq = h.next_seq();
    let mut m = mbr(5, 0x3003, "127.0.0.2");
    m.bearer_contexts[0].s1u_enb_fteid = None;
    let (_, o) = h.s11(&Message::new(Some(s11), seq, m));
    assert_eq!(o.sent.len(), 1);
}

#[test]
fn gateway_drops_downlink_before_modify_bearer_and_for_unknown_ue() {
    let mut h = Harness::new(&default_topo());
    h.create(0, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1));
    let o = h.input(
        Iface::SGi,
        PCSCF,
        ipv4_packet("10.46.0.1", "10.46.0.2", &[]),
    );
    assert!(o.sent.is_empty());
    assert_eq!(o.counter("sgi_no_enb_tunnel"), Some(1));
    let o = h.input(
        Iface::SGi,
        PCSCF,
        ipv4_packet("10.46.0.1", "10.46.0.99", &[]),
    );
    assert!(o.sent.is_empty());
    assert_eq!(o.counter("sgi_unknown_destination"), Some(1));
    assert_eq!(
        o.notes(),
        ["dropped a packet from #3 on SGi for 10.46.0.99: no UE has that address"]
    );
}

#[test]
fn gateway_drops_internet_uplink_and_counts_it() {
    let mut h = Harness::new(&default_topo());
    let (_, r, _) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 1));
    let s1u = r.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let pkt = ipv4_packet("10.45.0.2", "8.8.8.8", &[]);
    let o = h.input(
        Iface::S1U,
        ENB,
        gtpu::Message::g_pdu(s1u, pkt.clone()).encode(),
    );
    assert!(o.sent.is_empty());
    assert_eq!(o.counter("sgi_dropped"), Some(1));
    assert_eq!(
        o.notes(),
        [
            "dropped uplink packets of APN internet (EBI 5): the simulator has no internet \
          behind the PGW (counted in sgi_dropped)"
        ]
    );
    // Counted again, explained once.
    let o = h.input(Iface::S1U, ENB, gtpu::Message::g_pdu(s1u, pkt).encode());
    assert_eq!(o.counter("sgi_dropped"), Some(2));
    assert!(o.notes().is_empty());
}

#[test]
fn gateway_delivers_pcscf_apn_not_named_ims_to_ims_stack() {
    // An APN with another name whose P-CSCF is the IMS stack's address.
    let apn = ApnSpec {
        name: "volte".into(),
        ..ims_apn()
    };
    let mut h = Harness::new(&topo(vec![apn], Some(PCSCF)));
    let (_, r, _) = h.create(0, csr(IMSI1, "volte", PdnType::IPV4, 6, None, 1));
    let s1u = r.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let o = h.input(
        Iface::S1U,
        ENB,
        gtpu::Message::g_pdu(s1u, sip_syn()).encode(),
    );
    assert_eq!(o.only().to, PCSCF);
    // Without an IMS stack in the topology the ims APN's packets are dropped.
    let mut h = Harness::new(&topo(vec![ims_apn()], None));
    let (_, r, _) = h.create(0, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1));
    let s1u = r.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let o = h.input(
        Iface::S1U,
        ENB,
        gtpu::Message::g_pdu(s1u, sip_syn()).encode(),
    );
    assert!(o.sent.is_empty());
    assert!(o.notes()[0].contains("names no IMS IP stack"));
}

#[test]
fn gateway_sends_error_indication_for_unknown_s1u_teid() {
    let mut h = Harness::new(&default_topo());
    let o = h.input(
        Iface::S1U,
        ENB,
        gtpu::Message::g_pdu(0x777, sip_syn()).encode(),
    );
    let t = o.only();
    assert_eq!((t.iface, t.to), (Iface::S1U, ENB));
    let m = gtpu::decode(&t.bytes).unwrap();
    assert_eq!(m.teid, 0);
    let gtpu::Body::ErrorIndication(e) = m.body else {
        panic!("{m:?}")
    };
    assert_eq!(e.teid_data_i, 0x777);
    assert_eq!(e.peer_address, IpAddr::V4(gw_addr()));
    assert_eq!(o.counter("s1u_unknown_teid"), Some(1));
}

#[test]
fn gateway_rejects_modify_bearer_for_unknown_teid_with_cause_64() {
    let mut h = Harness::new(&default_topo());
    let seq = h.next_seq();
    let (m, o) = h.s11(&Message::new(Some(0x4242), seq, mbr(5, 1, "127.0.0.2")));
    assert_eq!(m.teid, Some(0));
    let Body::ModifyBearerResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause, Some(Cause::new(64)));
    assert_eq!(o.counter("s11_context_not_found"), Some(1));
    // A known UE and an unknown bearer: that bearer is marked for removal.
    let (_, c, _) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 3));
    let s11 = c.sender_fteid.unwrap().teid;
    let mut req = mbr(5, 0x10, "127.0.0.2");
    req.bearer_contexts
        .extend(mbr(9, 0x11, "127.0.0.2").bearer_contexts);
    let seq = h.next_seq();
    let (m, _) = h.s11(&Message::new(Some(s11), seq, req));
    let Body::ModifyBearerResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause, Some(Cause::new(Cause::REQUEST_ACCEPTED_PARTIALLY)));
    assert_eq!(r.bearer_contexts[0].ebi, Some(Ebi(5)));
    assert_eq!(r.bearer_contexts_marked_for_removal[0].ebi, Some(Ebi(9)));
    assert_eq!(
        r.bearer_contexts_marked_for_removal[0].cause,
        Some(Cause::new(64))
    );
}

#[test]
fn gateway_notes_enb_address_outside_topology() {
    let mut h = Harness::new(&default_topo());
    let (_, c, _) = h.create(0, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 3));
    let s11 = c.sender_fteid.unwrap().teid;
    let seq = h.next_seq();
    let (m, o) = h.s11(&Message::new(Some(s11), seq, mbr(6, 0x10, "192.0.2.9")));
    let Body::ModifyBearerResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause, Some(Cause::new(16)));
    assert_eq!(o.counter("unknown_enb_address"), Some(1));
    let o = h.input(
        Iface::SGi,
        PCSCF,
        ipv4_packet("10.46.0.1", "10.46.0.2", &[]),
    );
    assert!(o.sent.is_empty());
    assert_eq!(o.counter("sgi_no_enb_tunnel"), Some(1));
}

// ---------------------------------------------------------------------------
// Delete Session, retransmissions, Echo, garbage

#[test]
fn gateway_frees_address_and_teids_on_delete_session() {
    let mut h = Harness::new(&default_topo());
    let (_, a, _) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 0x51));
    let (_, b, _) = h.create(0, csr(IMSI2, "internet", PdnType::IPV4, 5, None, 0x52));
    assert_eq!(a.paa.as_ref().unwrap().ipv4(), Some(v4("10.45.0.2")));
    assert_eq!(b.paa.as_ref().unwrap().ipv4(), Some(v4("10.45.0.3")));
    let s11 = a.sender_fteid.unwrap().teid;
    let s1u = a.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let seq = h.next_seq();
    let del = DeleteSessionRequest {
        linked_ebi: Some(Ebi(5)),
        ..Default::default()
    };
    let (m, o) = h.s11(&Message::new(Some(s11), seq, del.clone()));
    assert_eq!(m.teid, Some(0x51));
    assert_eq!(
        m.body,
        Body::DeleteSessionResponse(gtpv2c::DeleteSessionResponse {
            cause: Some(Cause::new(16)),
            ..Default::default()
        })
    );
    assert_eq!(o.counter("sessions_active"), Some(1));
    assert_eq!(
        o.notes(),
        ["closed PDN connection EBI 5 (APN internet), freed 10.45.0.2"]
    );
    assert_eq!(h.gw.ue_count(), 1);
    // The freed address goes to the next UE.
    let (_, c, _) = h.create(
        0,
        csr("001010000000003", "internet", PdnType::IPV4, 5, None, 0x53),
    );
    assert_eq!(c.paa.as_ref().unwrap().ipv4(), Some(v4("10.45.0.2")));
    // The old S1-U TEID is gone (or belongs to the new UE).
    if c.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid != s1u {
        let o = h.input(
            Iface::S1U,
            ENB,
            gtpu::Message::g_pdu(s1u, sip_syn()).encode(),
        );
        assert_eq!(o.counter("s1u_unknown_teid"), Some(1));
    }
    // Deleting again: the UE's S11 TEID is unknown now.
    let seq = h.next_seq();
    let (m, _) = h.s11(&Message::new(Some(s11), seq, del));
    let Body::DeleteSessionResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause, Some(Cause::new(64)));
}

#[test]
fn gateway_keeps_other_pdn_when_one_is_deleted() {
    let mut h = Harness::new(&default_topo());
    let (_, a, _) = h.create(0, csr(IMSI1, "internet", PdnType::IPV4, 5, None, 0x61));
    let s11 = a.sender_fteid.unwrap().teid;
    h.create(s11, csr(IMSI1, "ims", PdnType::IPV4V6, 6, None, 0x61));
    let seq = h.next_seq();
    // Without an LBI and with two connections the request is refused.
    let (m, _) = h.s11(&Message::new(
        Some(s11),
        seq,
        DeleteSessionRequest::default(),
    ));
    let Body::DeleteSessionResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause.unwrap().value, Cause::MANDATORY_IE_MISSING);
    let seq = h.next_seq();
    let del = DeleteSessionRequest {
        linked_ebi: Some(Ebi(6)),
        ..Default::default()
    };
    let (m, _) = h.s11(&Message::new(Some(s11), seq, del));
    let Body::DeleteSessionResponse(r) = m.body else {
        panic!()
    };
    assert_eq!(r.cause, Some(Cause::new(16)));
    assert_eq!(h.gw.session_count(), 1);
    assert_eq!(h.gw.addresses_in_use("ims"), Some((0, 0)));
    assert_eq!(h.gw.addresses_in_use("internet"), Some((1, 0)));
}

#[test]
fn gateway_answers_retransmitted_create_session_from_cache() {
    let mut h = Harness::new(&default_topo());
    let req = Message::new(Some(0), 77, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 0x71));
    let first = h.input(Iface::S11, MME, req.encode());
    let again = h.input(Iface::S11, MME, req.encode());
    assert_eq!(again.only().bytes, first.only().bytes, "the same answer");
    assert_eq!(again.counter("s11_duplicate"), Some(1));
    assert_eq!(again.counter("sessions_created"), None);
    assert_eq!(h.gw.session_count(), 1);
    assert_eq!(h.gw.addresses_in_use("ims"), Some((1, 0)));
    // Same sequence number from another MME: a new request.
    let other = h.input(Iface::S11, MME2, req.encode());
    assert_eq!(other.only().to, MME2);
    assert_eq!(other.counter("sessions_created"), Some(2));
    // After the cache time the sequence number is free again.
    h.now = h.now + Duration::from_secs(13);
    let later = h.input(Iface::S11, MME, req.encode());
    assert_eq!(later.counter("s11_duplicate"), None);
}

#[test]
fn gateway_answers_echo_on_s11_and_s1u() {
    let mut h = Harness::new(&default_topo());
    let (m, _) = h.s11(&Message::new(
        None,
        0x1234,
        EchoRequest {
            recovery: Some(Recovery(4)),
            ..Default::default()
        },
    ));
    assert_eq!(m.teid, None);
    let Body::EchoResponse(e) = m.body else {
        panic!()
    };
    assert_eq!(e.recovery, Some(Recovery(1)));
    let o = h.input(Iface::S1U, ENB, flow_ref_hex("gtpu_echo_request"));
    let r = gtpu::decode(&o.only().bytes).unwrap();
    assert_eq!((r.teid, r.seq), (0, Some(1)));
    assert!(matches!(r.body, gtpu::Body::EchoResponse(ref e) if e.recovery == 0));
}

#[test]
fn gateway_notes_and_counts_undecodable_input() {
    let mut h = Harness::new(&default_topo());
    let o = h.input(Iface::S11, MME, vec![0x48, 0x20, 0x00]);
    assert!(o.sent.is_empty());
    assert_eq!(o.counter("s11_undecodable"), Some(1));
    assert!(o.notes()[0].starts_with("dropped a GTPv2-C message from #0 on S11"));
    // A Create Session Request whose IE overruns the message.
    let mut b = Message::new(Some(0), 1, csr(IMSI1, "ims", PdnType::IPV4, 6, None, 1)).encode();
    let n = b.len();
    b[n - 34] = 0xff;
    b[n - 33] = 0xff;
    let o = h.input(Iface::S11, MME, b);
    assert!(
        o.notes()[0].starts_with("dropped Create Session Request from #0 on S11"),
        "{:?}",
        o.notes()
    );
    let o = h.input(Iface::S1U, ENB, vec![0x30, 0xff, 0, 9]);
    assert_eq!(o.counter("s1u_undecodable"), Some(1));
    let o = h.input(Iface::SGi, PCSCF, vec![0x99; 3]);
    assert_eq!(o.counter("sgi_bad_packet"), Some(1));
    let o = h.input(Iface::Cx, PCSCF, vec![1]);
    assert_eq!(o.counter("unexpected_input"), Some(1));
    assert_eq!(h.gw.session_count(), 0);
}

#[test]
fn gateway_survives_mutated_messages() {
    // Every reference GTP message and our own requests, cut, flipped and
    // padded, on every interface: the gateway answers or drops, never panics.
    let mut seeds: Vec<Vec<u8>> = [
        "gtpv2c_create_session_request",
        "gtpv2c_modify_bearer_request",
        "gtpv2c_delete_session_request",
        "gtpu_gpdu_sip_syn",
        "gtpu_echo_request",
    ]
    .iter()
    .map(|n| flow_ref_hex(n))
    .collect();
    seeds.push(
        Message::new(
            Some(0),
            1,
            csr(
                IMSI1,
                "ims",
                PdnType::IPV4V6,
                6,
                Some(Pco::ims_request()),
                1,
            ),
        )
        .encode(),
    );
    let mut h = Harness::new(&default_topo());
    let mut x: u32 = 0x1234_5678;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    for _ in 0..3000 {
        let mut b = seeds[rnd() as usize % seeds.len()].clone();
        match rnd() % 4 {
            0 => b.truncate(rnd() as usize % (b.len() + 1)),
            1 if !b.is_empty() => {
                let i = rnd() as usize % b.len();
                b[i] ^= 1 << (rnd() % 8);
            }
            2 => b.insert(rnd() as usize % (b.len() + 1), rnd() as u8),
            _ if !b.is_empty() => {
                b.remove(rnd() as usize % b.len());
            }
            _ => {}
        }
        let iface = [Iface::S11, Iface::S1U, Iface::SGi][rnd() as usize % 3];
        let from = [MME, ENB, PCSCF][rnd() as usize % 3];
        h.input(iface, from, b);
    }
    h.check_bookkeeping();
}

#[test]
fn gateway_bookkeeping_holds_over_random_procedures() {
    // Random Create / Modify / Delete Session for a few UEs and EBIs.
    let mut h = Harness::new(&default_topo());
    let mut x: u32 = 0x9e37_79b9;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    let mut s11: std::collections::HashMap<u32, u32> = Default::default();
    for _ in 0..600 {
        let ue = rnd() % 6;
        let imsi = format!("00101000000{ue:04}");
        let ebi = 5 + (rnd() % 3) as u8;
        let teid = s11.get(&ue).copied().unwrap_or(0);
        match rnd() % 3 {
            0 => {
                let apn = ["internet", "ims"][rnd() as usize % 2];
                let pdn = [PdnType::IPV4, PdnType::IPV6, PdnType::IPV4V6][rnd() as usize % 3];
                let (_, r, _) = h.create(teid, csr(&imsi, apn, pdn, ebi, None, ue + 1));
                if let Some(f) = r.sender_fteid {
                    s11.insert(ue, f.teid);
                } else if r.cause == Some(Cause::new(Cause::CONTEXT_NOT_FOUND)) {
                    // Its last PDN connection was deleted: start again.
                    s11.remove(&ue);
                }
            }
            1 => {
                let seq = h.next_seq();
                h.s11(&Message::new(Some(teid), seq, mbr(ebi, rnd(), "127.0.0.2")));
            }
            _ => {
                let seq = h.next_seq();
                let del = DeleteSessionRequest {
                    linked_ebi: Some(Ebi(ebi)),
                    ..Default::default()
                };
                h.s11(&Message::new(Some(teid), seq, del));
            }
        }
        h.check_bookkeeping();
    }
    assert!(h.gw.session_count() > 0);
    assert!(h.gw.counter("sessions_deleted") > 20);
    assert!(h.gw.counter("create_session_rejected") > 20);
}

#[test]
fn gateway_runs_ims_pdn_and_sip_packet_under_sim() {
    // The gateway hosted by the simulator; MME, eNB and P-CSCF are outside
    // and talk through inject / the outbox, as the runtime would.
    let t = default_topo();
    let mut sim = crate::sim::Sim::new(t.latency);
    sim.add(GW, Box::new(Gateway::new(GW, &t)));
    let tx = |iface, bytes: Vec<u8>| Transmit {
        iface,
        to: GW,
        bytes: Bytes::from(bytes),
        stream: 0,
        imsi: None,
    };
    let run = |sim: &mut crate::sim::Sim| {
        let limit = sim.now() + Duration::from_secs(1);
        sim.run_until_time(limit);
        sim.drain_outbox()
            .into_iter()
            .map(|(from, t)| {
                assert_eq!(from, GW);
                t
            })
            .collect::<Vec<_>>()
    };
    let req = Message::new(
        Some(0),
        1,
        csr(
            IMSI1,
            "ims",
            PdnType::IPV4V6,
            6,
            Some(Pco::ims_request()),
            0x99,
        ),
    );
    sim.inject(sim.now(), MME, tx(Iface::S11, req.encode()));
    let out = run(&mut sim);
    assert_eq!(out.len(), 1);
    let Body::CreateSessionResponse(r) = gtpv2c::decode(&out[0].bytes).unwrap().body else {
        panic!()
    };
    assert_eq!(r.pco.unwrap().pcscf_ipv4(), [v4("10.46.0.1")]);
    let s11 = r.sender_fteid.unwrap().teid;
    let s1u = r.bearer_contexts[0].s1u_sgw_fteid.unwrap().teid;
    let m = Message::new(Some(s11), 2, mbr(6, 0x2002, "127.0.0.2"));
    sim.inject(sim.now(), MME, tx(Iface::S11, m.encode()));
    let out = run(&mut sim);
    assert_eq!(out.len(), 2, "Modify Bearer Response, Router Advertisement");
    assert_eq!((out[1].iface, out[1].to), (Iface::S1U, ENB));
    sim.inject(
        sim.now(),
        ENB,
        tx(Iface::S1U, gtpu::Message::g_pdu(s1u, sip_syn()).encode()),
    );
    let out = run(&mut sim);
    assert_eq!((out[0].iface, out[0].to), (Iface::SGi, PCSCF));
    assert_eq!(out[0].bytes.to_vec(), sip_syn());
    assert_eq!(sim.next_due(), None, "the gateway sets no timer");
}
