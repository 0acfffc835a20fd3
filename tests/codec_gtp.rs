//! GTPv2-C and GTP-U against the reference encodings of flow-refs.json, round
//! trips of messages built in code, and property tests.

mod common;

use common::{flow_bytes, flow_ref, flow_refs_of, mutate, mutations, tshark_fields, tshark_text};
use proptest::prelude::*;
use serde_json::Value;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use volte_sim::codec::gtpu::{self, ExtensionHeader};
use volte_sim::codec::gtpv2c::{
    self, Ambr, Apn, ApnRestriction, BearerContextCreated, BearerContextMarkedForRemoval,
    BearerContextModified, BearerContextToBeCreated, BearerContextToBeModified,
    BearerContextToBeRemoved, BearerQos, Body, Cause, ChargingCharacteristics, ChargingId,
    CreateSessionRequest, CreateSessionResponse, DeleteSessionRequest, DeleteSessionResponse, Ebi,
    Ecgi, EchoRequest, EchoResponse, Fteid, Ie, Imsi, Indication, InterfaceType, Mei, Message,
    ModifyBearerRequest, ModifyBearerResponse, Msisdn, OffendingIe, Paa, Pco, PdnType, Plmn,
    RatType, Recovery, SelectionMode, Tai, Uli, ie::types,
};

// ---------------------------------------------------------------------------
// Helpers

fn expect(name: &str) -> &'static Value {
    &flow_ref(name)["expect"]
}

fn exp_u64(name: &str, key: &str) -> u64 {
    expect(name)[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{name}: expect.{key} is not a number"))
}

fn exp_ip(name: &str, key: &str) -> Ipv4Addr {
    expect(name)[key]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: expect.{key} is not text"))
        .parse()
        .unwrap()
}

/// A tshark field: one string or a list of strings.
fn tshark_list(name: &str, field: &str) -> Vec<String> {
    match &expect(name)["tshark"][field] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        other => panic!("{name}: tshark.{field} is {other}"),
    }
}

fn v4(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

/// Every IE of a message depth-first, grouped IEs opened (tshark's order).
fn flat_ies(bytes: &[u8]) -> Vec<Ie> {
    fn walk(ies: Vec<Ie>, out: &mut Vec<Ie>) {
        for ie in ies {
            let grouped = gtpv2c::ie::is_grouped(ie.ie_type);
            let inner = grouped.then(|| gtpv2c::ie::decode_ies(&ie.value).unwrap());
            out.push(ie);
            if let Some(inner) = inner {
                walk(inner, out);
            }
        }
    }
    let hlen = if bytes[0] & 0x08 != 0 { 12 } else { 8 };
    let mut out = Vec::new();
    walk(gtpv2c::ie::decode_ies(&bytes[hlen..]).unwrap(), &mut out);
    out
}

/// The TS 24.008 10.5.6.3 PCO value, minimally: (container id, contents).
fn pco_containers(pco: &Pco) -> Vec<(u16, Vec<u8>)> {
    let b = pco.encode();
    assert_eq!(b[0] & 0x80, 0x80, "PCO extension bit");
    let mut out = Vec::new();
    let mut i = 1;
    while i < b.len() {
        let id = u16::from_be_bytes([b[i], b[i + 1]]);
        let len = usize::from(b[i + 2]);
        out.push((id, b[i + 3..i + 3 + len].to_vec()));
        i += 3 + len;
    }
    assert_eq!(i, b.len(), "PCO containers fill the value");
    out
}

fn pco_ids_hex(pco: &Pco) -> Vec<String> {
    pco_containers(pco)
        .iter()
        .map(|(id, _)| format!("0x{id:04x}"))
        .collect()
}

fn decode_v2(name: &str) -> (Vec<u8>, Message) {
    let b = flow_bytes(name);
    let m = gtpv2c::decode(&b).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(m.encode(), b, "{name} re-encodes to the same bytes");
    assert_eq!(u64::from(m.message_type()), exp_u64(name, "message_type"));
    assert_eq!(m.teid.map(u64::from), Some(exp_u64(name, "teid")));
    (b, m)
}

// ---------------------------------------------------------------------------
// GTPv2-C fixtures

#[test]
fn gtpv2c_fixtures_match_tshark_ie_lists() {
    let refs = flow_refs_of("gtpv2c");
    assert_eq!(refs.len(), 6);
    for r in refs {
        let name = r["name"].as_str().unwrap();
        let b = flow_bytes(name);
        let m = gtpv2c::decode(&b).unwrap();
        assert_eq!(m.encode(), b, "{name}");
        let seq = tshark_list(name, "gtpv2.seq");
        assert_eq!(format!("0x{:06x}", m.seq), seq[0], "{name}");
        let ies = flat_ies(&b);
        let types: Vec<String> = ies.iter().map(|ie| ie.ie_type.to_string()).collect();
        assert_eq!(types, tshark_list(name, "gtpv2.ie_type"), "{name}");
        // Every F-TEID, depth-first, as tshark saw them.
        let fteids: Vec<Fteid> = ies
            .iter()
            .filter(|ie| ie.ie_type == types::FTEID)
            .map(|ie| ie.typed().unwrap())
            .collect();
        if !fteids.is_empty() {
            let ifs: Vec<String> = fteids.iter().map(|f| f.interface.0.to_string()).collect();
            assert_eq!(
                ifs,
                tshark_list(name, "gtpv2.f_teid_interface_type"),
                "{name}"
            );
            let keys: Vec<String> = fteids.iter().map(|f| format!("0x{:08x}", f.teid)).collect();
            assert_eq!(keys, tshark_list(name, "gtpv2.f_teid_gre_key"), "{name}");
            let addrs: Vec<String> = fteids.iter().map(|f| f.ipv4.unwrap().to_string()).collect();
            assert_eq!(addrs, tshark_list(name, "gtpv2.f_teid_ipv4"), "{name}");
        }
        let tree = gtpv2c::tree(&b).unwrap();
        assert_eq!(tree.span, Some((0, b.len())));
        assert_eq!(tree.value, m.summary());
    }
}

#[test]
fn create_session_request_fixture_decodes_every_ie() {
    let name = "gtpv2c_create_session_request";
    let (_, m) = decode_v2(name);
    assert_eq!(u64::from(m.seq), exp_u64(name, "seq"));
    let Body::CreateSessionRequest(c) = &m.body else {
        panic!("{:?}", m.body)
    };
    let e = expect(name);
    assert_eq!(c.imsi.as_ref().unwrap().as_str(), e["imsi"]);
    assert_eq!(c.msisdn.as_ref().unwrap().as_str(), e["msisdn"]);
    assert_eq!(u64::from(c.rat_type.unwrap().0), exp_u64(name, "rat_type"));
    assert_eq!(c.rat_type, Some(RatType::EUTRAN));
    assert_eq!(c.apn.as_ref().unwrap().as_str(), e["apn"]);
    assert_eq!(u64::from(c.pdn_type.unwrap().0), exp_u64(name, "pdn_type"));

    let s11 = c.sender_fteid.unwrap();
    assert_eq!(
        u64::from(s11.interface.0),
        exp_u64(name, "fteid.s11_mme.if")
    );
    assert_eq!(u64::from(s11.teid), exp_u64(name, "fteid.s11_mme.teid"));
    assert_eq!(s11.ipv4, Some(exp_ip(name, "fteid.s11_mme.ipv4")));
    let s5 = c.pgw_s5s8_fteid.unwrap();
    assert_eq!(u64::from(s5.interface.0), exp_u64(name, "fteid.s5_pgw.if"));
    assert_eq!(u64::from(s5.teid), exp_u64(name, "fteid.s5_pgw.teid"));
    assert_eq!(s5.ipv4, Some(exp_ip(name, "fteid.s5_pgw.ipv4")));

    let paa = c.paa.as_ref().unwrap();
    assert_eq!(paa.ipv4(), Some(exp_ip(name, "paa.ipv4")));
    let (v6, prefix) = paa.ipv6().unwrap();
    assert_eq!(
        v6.to_string(),
        e["tshark"]["gtpv2.pdn_addr_and_prefix.ipv6"]
    );
    assert_eq!(prefix, 64);
    assert_eq!(paa.ipv6_interface_id(), Some(2));

    let plmn = Plmn::new("001", "01").unwrap();
    assert_eq!(c.serving_network, Some(plmn));
    let uli = c.uli.as_ref().unwrap();
    assert_eq!(uli.tai, Some(Tai { plmn, tac: 1 }));
    assert_eq!(uli.ecgi.unwrap().eci >> 8, 0x19b);
    assert_eq!(uli.ecgi.unwrap().eci & 0xff, 1);
    assert_eq!(c.selection_mode, Some(SelectionMode::VERIFIED));
    assert_eq!(c.max_apn_restriction, Some(ApnRestriction(0)));
    assert_eq!(
        c.apn_ambr,
        Some(Ambr {
            uplink: 100_000,
            downlink: 100_000
        })
    );
    assert_eq!(c.linked_ebi, Some(Ebi(6)));

    let pco = c.pco.as_ref().unwrap();
    let ids: Vec<Value> = pco_ids_hex(pco).into_iter().map(Value::from).collect();
    assert_eq!(Value::Array(ids), e["pco.ids"]);
    assert!(pco_containers(pco).iter().all(|(_, v)| v.is_empty()));

    assert_eq!(c.bearer_contexts.len(), 1);
    let bc = &c.bearer_contexts[0];
    assert_eq!(u64::from(bc.ebi.unwrap().0), exp_u64(name, "bearer.ebi"));
    let qos = bc.bearer_qos.unwrap();
    assert_eq!(u64::from(qos.qci), exp_u64(name, "bearer.qci"));
    assert!(qos.pci);
    assert_eq!(qos.pl, 1);
    assert!(!qos.pvi);
    assert!(c.other.is_empty() && bc.other.is_empty());
    assert_eq!(m.summary(), "Create Session Request (APN ims, EBI 6)");
}

#[test]
fn create_session_response_fixture_gives_pcscf_addresses() {
    let name = "gtpv2c_create_session_response";
    let (_, m) = decode_v2(name);
    let Body::CreateSessionResponse(c) = &m.body else {
        panic!("{:?}", m.body)
    };
    let e = expect(name);
    assert_eq!(u64::from(c.cause.unwrap().value), exp_u64(name, "cause"));
    assert!(c.cause.unwrap().is_accepted());
    let s11 = c.sender_fteid.unwrap();
    assert_eq!(s11.interface, InterfaceType::S11_SGW);
    assert_eq!(s11.teid, 0x101);
    assert_eq!(s11.ipv4, Some(v4("127.0.0.3")));
    let s5 = c.pgw_s5s8_fteid.unwrap();
    assert_eq!(s5.interface, InterfaceType::S5S8_PGW_GTPC);
    assert_eq!((s5.teid, s5.ipv4), (0x201, Some(v4("127.0.0.4"))));
    assert_eq!(
        c.paa.as_ref().unwrap().ipv4(),
        Some(exp_ip(name, "paa.ipv4"))
    );
    assert_eq!(c.paa.as_ref().unwrap().pdn_type(), PdnType::IPV4V6);

    let containers = pco_containers(c.pco.as_ref().unwrap());
    let v4s: Vec<Value> = containers
        .iter()
        .filter(|(id, _)| *id == 0x000c)
        .map(|(_, v)| Value::from(Ipv4Addr::from(<[u8; 4]>::try_from(&v[..]).unwrap()).to_string()))
        .collect();
    assert_eq!(Value::Array(v4s), e["pco.pcscf_ipv4"]);
    let v6s: Vec<Value> = containers
        .iter()
        .filter(|(id, _)| *id == 0x0001)
        .map(|(_, v)| {
            Value::from(Ipv6Addr::from(<[u8; 16]>::try_from(&v[..]).unwrap()).to_string())
        })
        .collect();
    assert_eq!(Value::Array(v6s), e["pco.pcscf_ipv6"]);
    let dns4 = containers.iter().find(|(id, _)| *id == 0x000d).unwrap();
    let dns4_expected = v4(e["tshark"]["gsm_a.gm.sm.pco.dns.ipv4"].as_str().unwrap());
    assert_eq!(dns4.1, dns4_expected.octets());

    let bc = &c.bearer_contexts[0];
    assert_eq!(u64::from(bc.ebi.unwrap().0), exp_u64(name, "bearer.ebi"));
    assert_eq!(bc.cause, Some(Cause::new(Cause::REQUEST_ACCEPTED)));
    let s1u = bc.s1u_sgw_fteid.unwrap();
    assert_eq!(
        u64::from(s1u.interface.0),
        exp_u64(name, "fteid.s1u_sgw.if")
    );
    assert_eq!(u64::from(s1u.teid), exp_u64(name, "fteid.s1u_sgw.teid"));
    assert_eq!(s1u.ipv4, Some(exp_ip(name, "fteid.s1u_sgw.ipv4")));
    let pgw_u = bc.s5s8u_pgw_fteid.unwrap();
    assert_eq!(pgw_u.interface, InterfaceType::S5S8_PGW_GTPU);
    assert_eq!(pgw_u.teid, 0x3001);
    assert_eq!(bc.bearer_qos.unwrap().qci, 5);
    assert_eq!(
        m.summary(),
        "Create Session Response (Request accepted, EBI 6, 10.46.0.2)"
    );
}

#[test]
fn modify_bearer_request_fixture_carries_enb_fteid() {
    let name = "gtpv2c_modify_bearer_request";
    let (_, m) = decode_v2(name);
    assert_eq!(m.seq, 2);
    let Body::ModifyBearerRequest(r) = &m.body else {
        panic!("{:?}", m.body)
    };
    let bc = &r.bearer_contexts[0];
    assert_eq!(u64::from(bc.ebi.unwrap().0), exp_u64(name, "bearer.ebi"));
    let enb = bc.s1u_enb_fteid.unwrap();
    assert_eq!(
        u64::from(enb.interface.0),
        exp_u64(name, "fteid.s1u_enb.if")
    );
    assert_eq!(u64::from(enb.teid), exp_u64(name, "fteid.s1u_enb.teid"));
    assert_eq!(enb.ipv4, Some(exp_ip(name, "fteid.s1u_enb.ipv4")));
    assert_eq!(
        m.summary(),
        "Modify Bearer Request (EBI 6, eNB 127.0.0.2 TEID 0x00002002)"
    );
}

#[test]
fn modify_bearer_response_fixture_accepts_bearer() {
    let name = "gtpv2c_modify_bearer_response";
    let (_, m) = decode_v2(name);
    let Body::ModifyBearerResponse(r) = &m.body else {
        panic!("{:?}", m.body)
    };
    assert_eq!(u64::from(r.cause.unwrap().value), exp_u64(name, "cause"));
    let bc = &r.bearer_contexts[0];
    assert_eq!(u64::from(bc.ebi.unwrap().0), exp_u64(name, "bearer.ebi"));
    assert_eq!(bc.cause.unwrap().value, 16);
    let s1u = bc.s1u_sgw_fteid.unwrap();
    assert_eq!(
        s1u,
        Fteid::v4(InterfaceType::S1U_SGW, 0x1002, v4("127.0.0.3"))
    );
}

#[test]
fn delete_session_request_fixture_names_lbi_and_flags() {
    let name = "gtpv2c_delete_session_request";
    let (_, m) = decode_v2(name);
    assert_eq!(m.seq, 3);
    let Body::DeleteSessionRequest(r) = &m.body else {
        panic!("{:?}", m.body)
    };
    assert_eq!(u64::from(r.linked_ebi.unwrap().0), exp_u64(name, "lbi"));
    let ind = r.indication.as_ref().unwrap();
    assert_eq!(ind.octets, [0x00, 0x08, 0x00]);
    // Octet 6 bit 4 is PS (Piggybacking Supported) in TS 29.274 8.12, which
    // is also what tshark reports for these bytes.
    assert_eq!(ind.set_flags(), ["PS"]);
}

#[test]
fn delete_session_response_fixture_accepts() {
    let name = "gtpv2c_delete_session_response";
    let (_, m) = decode_v2(name);
    let Body::DeleteSessionResponse(r) = &m.body else {
        panic!("{:?}", m.body)
    };
    assert_eq!(u64::from(r.cause.unwrap().value), exp_u64(name, "cause"));
    assert_eq!(m.summary(), "Delete Session Response (Request accepted)");
}

// ---------------------------------------------------------------------------
// GTP-U fixtures

#[test]
fn gtpu_gpdu_fixture_shows_inner_tcp_syn() {
    let name = "gtpu_gpdu_sip_syn";
    let b = flow_bytes(name);
    let m = gtpu::decode(&b).unwrap();
    assert_eq!(m.encode(), b);
    assert_eq!(u64::from(m.message_type()), exp_u64(name, "message_type"));
    assert_eq!(u64::from(m.teid), exp_u64(name, "teid"));
    assert_eq!(m.seq, None);
    let gtpu::Body::GPdu(p) = &m.body else {
        panic!("{:?}", m.body)
    };
    let ip = gtpu::inner_ip(p).unwrap();
    assert_eq!(ip.src, IpAddr::V4(exp_ip(name, "inner.ip.src")));
    assert_eq!(ip.dst, IpAddr::V4(exp_ip(name, "inner.ip.dst")));
    let (sp, dp) = ip.ports.unwrap();
    assert_eq!(u64::from(sp), exp_u64(name, "inner.tcp.srcport"));
    assert_eq!(u64::from(dp), exp_u64(name, "inner.tcp.dstport"));
    assert_eq!(
        u64::from(ip.tcp_flags.unwrap() >> 1 & 1),
        exp_u64(name, "inner.tcp.syn")
    );
    let t = gtpu::tree(&b).unwrap();
    assert_eq!(t.find("Source Port").unwrap().value, "50000");
    assert_eq!(t.find("Source Port").unwrap().span, Some((28, 30)));
    assert_eq!(t.find("TCP Flags").unwrap().value, "SYN");
    assert_eq!(
        m.summary(),
        "G-PDU (TEID 0x00001234, 10.46.0.2:50000 -> 10.46.0.1:5060 TCP [SYN])"
    );
}

#[test]
fn gtpu_echo_request_fixture_has_sequence_number() {
    let name = "gtpu_echo_request";
    let b = flow_bytes(name);
    let m = gtpu::decode(&b).unwrap();
    assert_eq!(m.encode(), b);
    assert_eq!(u64::from(m.message_type()), exp_u64(name, "message_type"));
    assert_eq!(u64::from(m.teid), exp_u64(name, "teid"));
    assert_eq!(m.seq.map(u64::from), Some(exp_u64(name, "seq")));
    assert_eq!(
        m.body,
        gtpu::Body::EchoRequest(gtpu::EchoRequest::default())
    );
    assert_eq!(
        gtpu::tree(&b)
            .unwrap()
            .find("Sequence Number")
            .unwrap()
            .value,
        "1"
    );
}

#[test]
fn gtpu_fixtures_all_decode_and_reencode() {
    let refs = flow_refs_of("gtpu");
    assert_eq!(refs.len(), 2);
    for r in refs {
        let b = flow_bytes(r["name"].as_str().unwrap());
        assert_eq!(gtpu::decode(&b).unwrap().encode(), b);
        assert!(gtpu::tree(&b).is_ok());
    }
}

// ---------------------------------------------------------------------------
// GTPv2-C messages built in code

fn plmn() -> Plmn {
    Plmn::new("001", "01").unwrap()
}

fn sample_csr() -> CreateSessionRequest {
    CreateSessionRequest {
        imsi: Some(Imsi::new("001010000000001")),
        msisdn: Some(Msisdn::new("15550001")),
        mei: Some(Mei::new("3534900698733190")),
        uli: Some(Uli::tai_ecgi(
            Tai {
                plmn: plmn(),
                tac: 1,
            },
            Ecgi {
                plmn: plmn(),
                eci: 0x19b01,
            },
        )),
        serving_network: Some(plmn()),
        rat_type: Some(RatType::EUTRAN),
        indication: Some(Indication::default().with(Indication::PS)),
        sender_fteid: Some(Fteid::v4(InterfaceType::S11_MME, 1, v4("127.0.0.1"))),
        pgw_s5s8_fteid: Some(Fteid::v4(InterfaceType::S5S8_PGW_GTPC, 0, v4("127.0.0.4"))),
        apn: Some(Apn::new("ims")),
        selection_mode: Some(SelectionMode::VERIFIED),
        pdn_type: Some(PdnType::IPV4V6),
        paa: Some(Paa::Ipv4v6 {
            prefix_len: 64,
            ipv6: Ipv6Addr::UNSPECIFIED,
            ipv4: Ipv4Addr::UNSPECIFIED,
        }),
        max_apn_restriction: Some(ApnRestriction(0)),
        apn_ambr: Some(Ambr {
            uplink: 50_000,
            downlink: 100_000,
        }),
        linked_ebi: None,
        pco: Some(Pco::decode(&[0x80, 0x00, 0x0c, 0x00, 0x00, 0x01, 0x00]).unwrap()),
        bearer_contexts: vec![BearerContextToBeCreated {
            ebi: Some(Ebi(6)),
            bearer_qos: Some(BearerQos {
                pci: true,
                pl: 2,
                pvi: false,
                qci: 5,
                ..BearerQos::default()
            }),
            ..Default::default()
        }],
        recovery: Some(Recovery(3)),
        charging_characteristics: Some(ChargingCharacteristics(0x0800)),
        other: vec![Ie::new(types::PRIVATE_EXTENSION, 0, vec![0x28, 0xaf, 1, 2])],
        ..Default::default()
    }
}

fn sample_csresp() -> CreateSessionResponse {
    CreateSessionResponse {
        cause: Some(Cause::new(Cause::REQUEST_ACCEPTED)),
        sender_fteid: Some(Fteid::v4(InterfaceType::S11_SGW, 0x101, v4("127.0.0.3"))),
        pgw_s5s8_fteid: Some(Fteid::v4(
            InterfaceType::S5S8_PGW_GTPC,
            0x201,
            v4("127.0.0.4"),
        )),
        paa: Some(Paa::Ipv4v6 {
            prefix_len: 64,
            ipv6: "fd00:46::2".parse().unwrap(),
            ipv4: v4("10.46.0.2"),
        }),
        apn_restriction: Some(ApnRestriction(0)),
        apn_ambr: Some(Ambr {
            uplink: 100_000,
            downlink: 100_000,
        }),
        pco: Some(Pco::decode(&[0x80, 0x00, 0x0c, 0x04, 10, 46, 0, 1]).unwrap()),
        bearer_contexts: vec![BearerContextCreated {
            ebi: Some(Ebi(6)),
            cause: Some(Cause::new(16)),
            s1u_sgw_fteid: Some(Fteid::v4(InterfaceType::S1U_SGW, 0x1002, v4("127.0.0.3"))),
            s5s8u_pgw_fteid: Some(Fteid::v4(
                InterfaceType::S5S8_PGW_GTPU,
                0x3001,
                v4("127.0.0.4"),
            )),
            bearer_qos: Some(BearerQos {
                qci: 5,
                pl: 1,
                pci: true,
                ..BearerQos::default()
            }),
            charging_id: Some(ChargingId(77)),
            ..Default::default()
        }],
        bearer_contexts_marked_for_removal: vec![BearerContextMarkedForRemoval {
            ebi: Some(Ebi(7)),
            cause: Some(Cause::new(Cause::CONTEXT_NOT_FOUND)),
            ..Default::default()
        }],
        recovery: Some(Recovery(1)),
        ..Default::default()
    }
}

fn roundtrip_v2(m: &Message) -> Vec<u8> {
    let b = m.encode();
    let back = gtpv2c::decode(&b).unwrap_or_else(|e| panic!("{e}: {}", volte_sim::codec::hex(&b)));
    assert_eq!(&back, m);
    assert_eq!(back.encode(), b);
    assert!(gtpv2c::tree(&b).is_ok());
    b
}

#[test]
fn echo_messages_roundtrip_without_teid() {
    let req = Message::new(
        None,
        0x00ab_cdef,
        EchoRequest {
            recovery: Some(Recovery(9)),
            ..Default::default()
        },
    );
    let b = roundtrip_v2(&req);
    assert_eq!(b[0], 0x40, "no T flag on Echo");
    assert_eq!(&b[4..7], &[0xab, 0xcd, 0xef]);
    let resp = Message::new(
        None,
        0x00ab_cdef,
        EchoResponse {
            recovery: Some(Recovery(1)),
            other: vec![Ie::new(types::NODE_FEATURES, 0, vec![0x01])],
            ..Default::default()
        },
    );
    roundtrip_v2(&resp);
    assert_eq!(resp.summary(), "Echo Response (Recovery 1)");
}

#[test]
fn create_session_pair_roundtrips() {
    let req = Message::new(Some(0), 1, sample_csr());
    let b = roundtrip_v2(&req);
    // The private extension stays last, after the typed IEs.
    assert_eq!(&b[b.len() - 8..], &[255, 0, 4, 0, 0x28, 0xaf, 1, 2]);
    assert_eq!(req.summary(), "Create Session Request (APN ims, EBI 6)");
    let resp = Message::new(Some(1), 1, sample_csresp());
    roundtrip_v2(&resp);
}

#[test]
fn modify_bearer_pair_roundtrips() {
    let req = Message::new(
        Some(0x101),
        2,
        ModifyBearerRequest {
            uli: Some(Uli::tai_ecgi(
                Tai {
                    plmn: plmn(),
                    tac: 2,
                },
                Ecgi {
                    plmn: plmn(),
                    eci: 0x19b02,
                },
            )),
            rat_type: Some(RatType::EUTRAN),
            bearer_contexts: vec![
                BearerContextToBeModified {
                    ebi: Some(Ebi(5)),
                    s1u_enb_fteid: Some(Fteid::v4(InterfaceType::S1U_ENB, 0x2001, v4("127.0.0.2"))),
                    ..Default::default()
                },
                BearerContextToBeModified {
                    ebi: Some(Ebi(6)),
                    s1u_enb_fteid: Some(Fteid {
                        interface: InterfaceType::S1U_ENB,
                        teid: 0x2002,
                        ipv4: Some(v4("127.0.0.2")),
                        ipv6: Some("fd00::2".parse().unwrap()),
                    }),
                    ..Default::default()
                },
            ],
            bearer_contexts_to_remove: vec![BearerContextToBeRemoved {
                ebi: Some(Ebi(7)),
                ..Default::default()
            }],
            ..Default::default()
        },
    );
    roundtrip_v2(&req);
    let resp = Message::new(
        Some(1),
        2,
        ModifyBearerResponse {
            cause: Some(Cause::new(16)),
            bearer_contexts: vec![BearerContextModified {
                ebi: Some(Ebi(6)),
                cause: Some(Cause::new(16)),
                s1u_sgw_fteid: Some(Fteid::v4(InterfaceType::S1U_SGW, 0x1002, v4("127.0.0.3"))),
                ..Default::default()
            }],
            ..Default::default()
        },
    );
    roundtrip_v2(&resp);
}

#[test]
fn delete_session_pair_roundtrips() {
    let req = Message::new(
        Some(0x101),
        3,
        DeleteSessionRequest {
            linked_ebi: Some(Ebi(6)),
            indication: Some(Indication::default().with(Indication::OI)),
            uli: Some(Uli::tai_ecgi(
                Tai {
                    plmn: plmn(),
                    tac: 1,
                },
                Ecgi {
                    plmn: plmn(),
                    eci: 0x19b01,
                },
            )),
            ..Default::default()
        },
    );
    let b = roundtrip_v2(&req);
    assert!(
        b.windows(6).any(|w| w == [77, 0, 2, 0, 0x08, 0x00]),
        "OI is octet 5 bit 4"
    );
    let resp = Message::new(
        Some(1),
        3,
        DeleteSessionResponse {
            cause: Some(Cause {
                value: Cause::MANDATORY_IE_MISSING,
                offending_ie: Some(OffendingIe {
                    ie_type: types::EBI,
                    instance: 0,
                }),
                ..Cause::default()
            }),
            recovery: Some(Recovery(2)),
            ..Default::default()
        },
    );
    roundtrip_v2(&resp);
    assert_eq!(
        resp.summary(),
        "Delete Session Response (Mandatory IE missing)"
    );
}

#[test]
fn decoded_message_reencodes_foreign_ie_order() {
    // The Delete Session Request fixture with its two IEs swapped and an
    // unknown IE (200) in front: still typed, still the same bytes.
    let b = volte_sim::codec::parse_hex(
        "4824001a00000101000003 00 c8000200beef 4d000300000800 4900010006",
    )
    .unwrap();
    let m = gtpv2c::decode(&b).unwrap();
    let Body::DeleteSessionRequest(r) = &m.body else {
        panic!()
    };
    assert_eq!(r.linked_ebi, Some(Ebi(6)));
    assert_eq!(r.other, vec![Ie::new(200, 0, vec![0xbe, 0xef])]);
    assert_eq!(m.encode(), b);
    // Built from scratch, the same content takes the spec's order.
    let mut fresh = r.clone();
    fresh.wire_order.clear();
    assert_eq!(&fresh, r);
    let again = Message::new(Some(0x101), 3, fresh).encode();
    assert_eq!(&again[12..17], &[0x49, 0, 1, 0, 6]);
}

// ---------------------------------------------------------------------------
// GTP-U messages built in code

fn roundtrip_u(m: &gtpu::Message) -> Vec<u8> {
    let b = m.encode();
    let back = gtpu::decode(&b).unwrap_or_else(|e| panic!("{e}: {}", volte_sim::codec::hex(&b)));
    assert_eq!(&back, m);
    assert_eq!(back.encode(), b);
    assert!(gtpu::tree(&b).is_ok());
    b
}

#[test]
fn gtpu_messages_roundtrip_with_and_without_options() {
    let packet = flow_bytes("gtpu_gpdu_sip_syn")[8..].to_vec();
    let plain = gtpu::Message::g_pdu(0x1234, packet.clone());
    assert_eq!(roundtrip_u(&plain), flow_bytes("gtpu_gpdu_sip_syn"));

    let with_seq = gtpu::Message {
        seq: Some(7),
        npdu: Some(3),
        ..gtpu::Message::g_pdu(0x1234, packet.clone())
    };
    let b = roundtrip_u(&with_seq);
    assert_eq!(b[0], 0x33);

    let with_ext = gtpu::Message {
        extensions: vec![ExtensionHeader::pdu_session(1, 9)],
        ..gtpu::Message::g_pdu(0x1234, packet)
    };
    let b = roundtrip_u(&with_ext);
    assert_eq!(b[0], 0x34);
    assert_eq!(b[11], 0x85);

    let echo_req = gtpu::Message {
        seq: Some(1),
        ..gtpu::Message::new(0, gtpu::Body::EchoRequest(gtpu::EchoRequest::default()))
    };
    assert_eq!(roundtrip_u(&echo_req), flow_bytes("gtpu_echo_request"));
    let echo_resp = gtpu::Message {
        seq: Some(1),
        ..gtpu::Message::new(
            0,
            gtpu::Body::EchoResponse(gtpu::EchoResponse {
                recovery: 0,
                ies: vec![],
            }),
        )
    };
    roundtrip_u(&echo_resp);

    let err = gtpu::Message {
        seq: Some(0),
        extensions: vec![ExtensionHeader::udp_port(2152)],
        ..gtpu::Message::new(
            0,
            gtpu::Body::ErrorIndication(gtpu::ErrorIndication {
                teid_data_i: 0xdead,
                peer_address: IpAddr::V6("fd00::3".parse().unwrap()),
                ies: vec![],
            }),
        )
    };
    roundtrip_u(&err);
    assert_eq!(
        err.summary(),
        "Error Indication (TEID 0x0000dead, peer fd00::3, seq 0)"
    );

    let end = gtpu::Message::new(0x1002, gtpu::Body::EndMarker(gtpu::EndMarker::default()));
    assert_eq!(roundtrip_u(&end), [0x30, 254, 0, 0, 0, 0, 0x10, 0x02]);
}

// ---------------------------------------------------------------------------
// tshark as an independent decoder of what we build

/// A pcap (Ethernet, IPv4, UDP) with one frame per (port, payload).
fn pcap_of(frames: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in [0xa1b2_c3d4u32.to_le_bytes().to_vec(), vec![2, 0, 4, 0]] {
        out.extend_from_slice(&v);
    }
    for v in [0u32, 0, 65535, 1] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (i, (port, payload)) in frames.iter().enumerate() {
        let udp_len = 8 + payload.len();
        let mut ip = vec![0x45, 0];
        ip.extend_from_slice(&((20 + udp_len) as u16).to_be_bytes());
        ip.extend_from_slice(&[0, i as u8, 0, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 2]);
        let sum = ip
            .chunks(2)
            .map(|c| u32::from(u16::from_be_bytes([c[0], c[1]])))
            .sum::<u32>();
        let sum = !((sum & 0xffff) + (sum >> 16)) as u16;
        ip[10..12].copy_from_slice(&sum.to_be_bytes());
        let mut frame = vec![0u8; 12];
        frame.extend_from_slice(&[0x08, 0x00]);
        frame.extend_from_slice(&ip);
        for v in [*port, *port, udp_len as u16, 0] {
            frame.extend_from_slice(&v.to_be_bytes());
        }
        frame.extend_from_slice(payload);
        for v in [i as u32, 0, frame.len() as u32, frame.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&frame);
    }
    out
}

#[test]
fn built_messages_decode_cleanly_in_tshark() {
    if !common::have_tool("tshark", "built_messages_decode_cleanly_in_tshark") {
        return;
    }
    let v2 = [
        Message::new(Some(0), 1, sample_csr()),
        Message::new(Some(1), 1, sample_csresp()),
        Message::new(
            None,
            5,
            EchoRequest {
                recovery: Some(Recovery(9)),
                ..Default::default()
            },
        ),
        Message::new(
            Some(0x101),
            3,
            DeleteSessionRequest {
                linked_ebi: Some(Ebi(6)),
                indication: Some(Indication::default().with(Indication::OI)),
                ..Default::default()
            },
        ),
        Message::new(
            Some(1),
            3,
            DeleteSessionResponse {
                cause: Some(Cause {
                    value: Cause::MANDATORY_IE_MISSING,
                    offending_ie: Some(OffendingIe {
                        ie_type: types::EBI,
                        instance: 0,
                    }),
                    ..Cause::default()
                }),
                ..Default::default()
            },
        ),
    ];
    let packet = flow_bytes("gtpu_gpdu_sip_syn")[8..].to_vec();
    let u = [
        gtpu::Message {
            seq: Some(0),
            extensions: vec![ExtensionHeader::udp_port(2152)],
            ..gtpu::Message::new(
                0,
                gtpu::Body::ErrorIndication(gtpu::ErrorIndication {
                    teid_data_i: 0xdead,
                    peer_address: IpAddr::V4(v4("127.0.0.3")),
                    ies: vec![],
                }),
            )
        },
        gtpu::Message {
            seq: Some(1),
            ..gtpu::Message::new(
                0,
                gtpu::Body::EchoResponse(gtpu::EchoResponse {
                    recovery: 0,
                    ies: vec![],
                }),
            )
        },
        gtpu::Message::new(0x1002, gtpu::Body::EndMarker(gtpu::EndMarker::default())),
        gtpu::Message {
            extensions: vec![ExtensionHeader::pdu_session(1, 9)],
            ..gtpu::Message::g_pdu(0x1234, packet)
        },
    ];
    let mut frames: Vec<(u16, Vec<u8>)> = v2.iter().map(|m| (2123, m.encode())).collect();
    frames.extend(u.iter().map(|m| (2152, m.encode())));
    let path = std::env::temp_dir().join(format!("volte-sim-gtp-{}.pcap", std::process::id()));
    std::fs::write(&path, pcap_of(&frames)).unwrap();
    let fields = [
        "gtpv2.message_type",
        "gtp.message",
        "_ws.expert.severity",
        "_ws.malformed",
    ];
    let rows = tshark_fields(&path, &fields, &[]);
    let _ = std::fs::remove_file(&path);
    let text = tshark_text(&rows);
    assert_eq!(rows.len(), frames.len(), "{text}");
    for (f, (_, bytes)) in rows.iter().zip(&frames) {
        let line = f.join("|");
        let t = if f[0].is_empty() {
            u8::from_str_radix(f[1].trim_start_matches("0x"), 16).unwrap()
        } else {
            f[0].parse().unwrap()
        };
        assert_eq!(t, bytes[1], "{line}");
        // Warning is 0x600000, error 0x800000; "chat" notes (TCP SYN) are fine.
        let worst = f[2].split(',').filter_map(|s| s.parse::<u32>().ok()).max();
        assert!(worst.unwrap_or(0) < 0x60_0000, "expert info in {line}");
        assert!(f[3].is_empty(), "malformed: {line}");
    }
}

// ---------------------------------------------------------------------------
// Property tests

fn all_fixtures() -> Vec<Vec<u8>> {
    flow_refs_of("gtpv2c")
        .into_iter()
        .chain(flow_refs_of("gtpu"))
        .map(|r| flow_bytes(r["name"].as_str().unwrap()))
        .collect()
}

/// Runs all four entry points; whatever decodes must re-encode to something
/// that decodes to the same value.
fn exercise(b: &[u8]) {
    if let Ok(m) = gtpv2c::decode(b) {
        let e = m.encode();
        assert_eq!(e.len(), b.len());
        assert_eq!(gtpv2c::decode(&e).as_ref(), Ok(&m));
        if m.piggybacked.is_none() {
            let h = if m.teid.is_some() { 12 } else { 8 };
            assert_eq!(e[h..], b[h..], "IEs re-encode exactly");
        }
    }
    let _ = gtpv2c::tree(b);
    if let Ok(m) = gtpu::decode(b) {
        let e = m.encode();
        assert_eq!(gtpu::decode(&e).as_ref(), Ok(&m));
    }
    let _ = gtpu::tree(b);
}

fn fteid() -> impl Strategy<Value = Fteid> {
    (
        0u8..64,
        any::<u32>(),
        proptest::option::of(any::<[u8; 4]>()),
        proptest::option::of(any::<[u8; 16]>()),
    )
        .prop_map(|(i, teid, a4, a6)| Fteid {
            interface: InterfaceType(i),
            teid,
            ipv4: a4.map(Ipv4Addr::from),
            ipv6: a6.map(Ipv6Addr::from),
        })
}

fn plmn_s() -> impl Strategy<Value = Plmn> {
    ("[0-9]{3}", "[0-9]{2,3}").prop_map(|(c, n)| Plmn::new(&c, &n).unwrap())
}

fn paa() -> impl Strategy<Value = Paa> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|a| Paa::Ipv4(a.into())),
        (any::<u8>(), any::<[u8; 16]>()).prop_map(|(l, a)| Paa::Ipv6 {
            prefix_len: l,
            addr: a.into()
        }),
        (any::<u8>(), any::<[u8; 16]>(), any::<[u8; 4]>()).prop_map(|(l, a, b)| Paa::Ipv4v6 {
            prefix_len: l,
            ipv6: a.into(),
            ipv4: b.into()
        }),
    ]
}

fn qos() -> impl Strategy<Value = BearerQos> {
    let rate = 0..=gtpv2c::ie::MAX_BIT_RATE;
    (
        any::<bool>(),
        0u8..16,
        any::<bool>(),
        any::<u8>(),
        (rate.clone(), rate.clone(), rate.clone(), rate),
    )
        .prop_map(|(pci, pl, pvi, qci, (a, b, c, d))| BearerQos {
            pci,
            pl,
            pvi,
            qci,
            mbr_ul: a,
            mbr_dl: b,
            gbr_ul: c,
            gbr_dl: d,
        })
}

fn csr() -> impl Strategy<Value = CreateSessionRequest> {
    (
        (
            "[0-9]{5,15}",
            "[0-9]{0,15}",
            "[a-z0-9]{1,10}(\\.[a-z0-9]{1,10}){0,3}",
        ),
        (plmn_s(), any::<u16>(), 0u32..0x1000_0000),
        (fteid(), proptest::option::of(fteid()), paa()),
        proptest::collection::vec((0u8..16, qos(), proptest::option::of(fteid())), 0..3),
        proptest::collection::vec(
            (
                any::<u8>(),
                0u8..16,
                proptest::collection::vec(any::<u8>(), 0..8),
            ),
            0..3,
        ),
    )
        .prop_map(
            |((imsi, msisdn, apn), (plmn, tac, eci), (s11, s5, paa), bcs, extra)| {
                CreateSessionRequest {
                    imsi: Some(Imsi::new(imsi)),
                    msisdn: Some(Msisdn::new(msisdn)),
                    uli: Some(Uli::tai_ecgi(Tai { plmn, tac }, Ecgi { plmn, eci })),
                    serving_network: Some(plmn),
                    rat_type: Some(RatType::EUTRAN),
                    sender_fteid: Some(s11),
                    pgw_s5s8_fteid: s5,
                    apn: Some(Apn::new(apn)),
                    pdn_type: Some(paa.pdn_type()),
                    paa: Some(paa),
                    bearer_contexts: bcs
                        .into_iter()
                        .map(|(ebi, q, f)| BearerContextToBeCreated {
                            ebi: Some(Ebi(ebi)),
                            bearer_qos: Some(q),
                            s5s8u_sgw_fteid: f,
                            ..Default::default()
                        })
                        .collect(),
                    // Types no struct field claims (300+ do not exist; 200..250 are unused here).
                    other: extra
                        .into_iter()
                        .map(|(t, inst, v)| Ie::new(200 + t % 50, inst, v))
                        .collect(),
                    ..Default::default()
                }
            },
        )
}

fn ext_header() -> impl Strategy<Value = ExtensionHeader> {
    (1u8..=255, 0usize..4).prop_flat_map(|(kind, units)| {
        proptest::collection::vec(any::<u8>(), units * 4 + 2)
            .prop_map(move |content| ExtensionHeader { kind, content })
    })
}

fn gtpu_message() -> impl Strategy<Value = gtpu::Message> {
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(gtpu::Body::GPdu),
        Just(gtpu::Body::EchoRequest(gtpu::EchoRequest::default())),
        any::<u8>().prop_map(|r| gtpu::Body::EchoResponse(gtpu::EchoResponse {
            recovery: r,
            ies: vec![]
        })),
        (any::<u32>(), any::<[u8; 4]>()).prop_map(|(t, a)| gtpu::Body::ErrorIndication(
            gtpu::ErrorIndication {
                teid_data_i: t,
                peer_address: IpAddr::V4(a.into()),
                ies: vec![]
            }
        )),
        Just(gtpu::Body::EndMarker(gtpu::EndMarker::default())),
    ];
    (
        any::<u32>(),
        proptest::option::of(any::<u16>()),
        proptest::option::of(any::<u8>()),
        proptest::collection::vec(ext_header(), 0..3),
        body,
    )
        .prop_map(|(teid, seq, npdu, extensions, body)| gtpu::Message {
            teid,
            seq,
            npdu,
            extensions,
            body,
        })
}

fn message_type() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(vec![1u8, 2, 26, 32, 33, 34, 35, 36, 37, 254, 255]),
        1 => any::<u8>(),
    ]
}

/// IE types worth aiming at: every typed one, grouped ones, and any.
fn ie_type() -> impl Strategy<Value = u8> + Clone {
    prop_oneof![
        3 => prop::sample::select(vec![
            1u8, 2, 3, 71, 72, 73, 75, 76, 77, 78, 79, 80, 82, 83, 86, 87, 93, 94, 95, 99, 127,
            128, 109, 180,
        ]),
        1 => any::<u8>(),
    ]
}

fn frame(t: u8, inst: u8, v: &[u8], out: &mut Vec<u8>) {
    out.push(t);
    out.extend_from_slice(&(v.len() as u16).to_be_bytes());
    out.push(inst);
    out.extend_from_slice(v);
}

/// Well-framed IEs with random values, one level of them inside Bearer Contexts.
fn framed_ies() -> impl Strategy<Value = Vec<u8>> {
    let leaf = (
        ie_type(),
        0u8..4,
        proptest::collection::vec(any::<u8>(), 0..24),
    );
    proptest::collection::vec(
        (
            leaf.clone(),
            proptest::option::of(proptest::collection::vec(leaf, 0..5)),
        ),
        0..8,
    )
    .prop_map(|ies| {
        let mut out = Vec::new();
        for ((t, inst, v), inner) in ies {
            match inner {
                Some(inner) => {
                    let mut value = Vec::new();
                    for (t, i, v) in inner {
                        frame(t, i, &v, &mut value);
                    }
                    frame(93, inst % 2, &value, &mut out);
                }
                None => frame(t, inst, &v, &mut out),
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn decoders_survive_arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        exercise(&b);
    }

    #[test]
    fn decoders_survive_arbitrary_bodies_behind_valid_headers(
        teid in any::<bool>(),
        t in message_type(),
        body in prop_oneof![proptest::collection::vec(any::<u8>(), 0..160), framed_ies()],
    ) {
        // A GTPv2-C header whose length matches, then random IEs.
        let mut b = vec![if teid { 0x48 } else { 0x40 }, t, 0, 0];
        if teid {
            b.extend_from_slice(&[0, 0, 0, 1]);
        }
        b.extend_from_slice(&[0, 0, 1, 0]);
        b.extend_from_slice(&body);
        let len = (b.len() - 4) as u16;
        b[2..4].copy_from_slice(&len.to_be_bytes());
        exercise(&b);
        // The same body as a GTP-U message, with or without a sequence number.
        let mut u = vec![if teid { 0x32 } else { 0x30 }, t, 0, 0, 0, 0, 0, 1];
        if teid {
            u.extend_from_slice(&[0, 1, 0, 0]);
        }
        u.extend_from_slice(&body);
        let len = (u.len() - 8) as u16;
        u[2..4].copy_from_slice(&len.to_be_bytes());
        exercise(&u);
    }

    #[test]
    fn decoders_survive_mutated_fixtures(
        which in any::<usize>(),
        muts in mutations(),
    ) {
        let fixtures = all_fixtures();
        let b = mutate(fixtures[which % fixtures.len()].clone(), &muts);
        exercise(&b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn create_session_request_roundtrips_generated(c in csr(), seq in 0u32..0x100_0000) {
        let m = Message::new(Some(0), seq, c);
        let b = m.encode();
        prop_assert_eq!(gtpv2c::decode(&b).unwrap(), m);
        prop_assert!(gtpv2c::tree(&b).is_ok());
    }

    #[test]
    fn create_session_response_roundtrips_generated(
        f in fteid(), p in paa(), q in qos(), cause in any::<u8>(), ebi in 0u8..16,
    ) {
        let m = Message::new(Some(7), 1, CreateSessionResponse {
            cause: Some(Cause::new(cause)),
            sender_fteid: Some(f),
            paa: Some(p),
            bearer_contexts: vec![BearerContextCreated {
                ebi: Some(Ebi(ebi)),
                cause: Some(Cause { value: cause, cs: true, ..Cause::default() }),
                s1u_sgw_fteid: Some(f),
                bearer_qos: Some(q),
                ..Default::default()
            }],
            ..Default::default()
        });
        prop_assert_eq!(gtpv2c::decode(&m.encode()).unwrap(), m);
    }

    #[test]
    fn gtpu_message_roundtrips_generated(m in gtpu_message()) {
        let b = m.encode();
        prop_assert_eq!(gtpu::decode(&b).unwrap(), m);
        prop_assert!(gtpu::tree(&b).is_ok());
    }
}
