//! Topology YAML: every ready-made file in `topologies/` loads to the model
//! values it promises; every validation error names file, line and field
//! in plain words; arbitrary text never panics the loader.

use proptest::prelude::*;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use volte_sim::crypto::nas::{NasCiphering, NasIntegrity};
use volte_sim::nodes::{Command, NodeId, UeCommand};
use volte_sim::topology::{
    self, ImsMode, IpsecPolicy, Loaded, NodeKind, Target, Topology, TopologyError,
};

const K: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
const OPC: &str = "cd63cb71954a9f4e48a5994e37a02baf";
const IMSI: &str = "001010000000001";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("topologies")
}

fn load(file: &str) -> Loaded {
    match topology::load_from_path(dir().join(file)) {
        Ok(l) => l,
        Err(e) => panic!("{file} does not load:\n{e}"),
    }
}

fn hex16(s: &str) -> [u8; 16] {
    topology::units::parse_hex::<16>("key", s).unwrap()
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn id(t: &Topology, name: &str) -> NodeId {
    t.find(name).unwrap_or_else(|| panic!("no node {name}")).0
}

fn kinds(t: &Topology) -> Vec<(&str, &str)> {
    t.nodes
        .iter()
        .map(|n| (n.name.as_str(), n.kind.word()))
        .collect()
}

macro_rules! spec {
    ($t:expr, $name:expr, $kind:ident) => {
        match &$t.find($name).expect($name).1.kind {
            NodeKind::$kind(s) => s,
            other => panic!("{} is a {}", $name, other.word()),
        }
    };
}

fn warnings(l: &Loaded) -> Vec<String> {
    l.warnings.iter().map(|w| w.to_string()).collect()
}

// ---------------------------------------------------------------------------
// Ready-made topologies

#[test]
fn every_topology_file_loads() {
    let mut n = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            if let Err(e) = topology::load_from_path(&path) {
                panic!("{} does not load:\n{e}", path.display());
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with('#') && text.contains("Run:") && text.contains("Look:"),
                "{} needs a comment header (what, Run:, Look:)",
                path.display()
            );
            n += 1;
        }
    }
    assert!(n >= 10, "only {n} topology files");
}

#[test]
fn default_topology_has_fixture_identities_and_pcscf_addresses() {
    let l = load("default.yaml");
    assert!(l.warnings.is_empty(), "{:?}", warnings(&l));
    let t = &l.topology;
    assert_eq!(t.name, "default");
    assert_eq!(t.plmn.to_string(), "001-01");
    assert_eq!(
        (t.seed, t.latency, t.show_keys),
        (1, Duration::from_millis(1), false)
    );
    assert_eq!(
        kinds(t),
        [
            ("mme1", "mme"),
            ("enb1", "enb"),
            ("gw1", "gateway"),
            ("hss1", "hss"),
            ("pcscf1", "pcscf"),
            ("icscf1", "icscf"),
            ("scscf1", "scscf"),
            ("ue-001010000000001", "ue"),
        ]
    );
    let addrs: Vec<IpAddr> = t.nodes.iter().map(|n| n.addr).collect();
    assert_eq!(
        addrs[..3],
        [ip("127.0.0.1"), ip("127.0.0.2"), ip("127.0.0.3")]
    );

    let enb = spec!(t, "enb1", Enb);
    assert_eq!((enb.enb_id, enb.tac, enb.cell_id), (0x19B, 1, 0x19B01));
    assert_eq!(enb.enb_name, "enb-19b");
    assert_eq!(enb.mme, id(t, "mme1"));
    assert!(!enb.refuse_second_bearer);

    let mme = spec!(t, "mme1", Mme);
    assert_eq!((mme.gateway, mme.hss), (id(t, "gw1"), id(t, "hss1")));
    assert_eq!(mme.integrity, [NasIntegrity::Eia2]);
    assert_eq!(mme.ciphering, [NasCiphering::Eea0]);
    assert_eq!(mme.tacs, [1]);
    assert_eq!(mme.mme_name, "mme01");
    assert_eq!((mme.group_id, mme.code, mme.relative_capacity), (1, 1, 255));
    assert_eq!(mme.diameter.host, "mme.epc.mnc001.mcc001.3gppnetwork.org");

    let gw = spec!(t, "gw1", Gateway);
    assert_eq!(gw.ims_stack, Some(id(t, "pcscf1")));
    let names: Vec<&str> = gw.apns.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["internet", "ims"]);
    let internet = &gw.apns[0];
    assert_eq!(internet.ipv4_pool, Some(("10.45.0.0".parse().unwrap(), 16)));
    assert_eq!((internet.qci, internet.arp_priority), (9, 1));
    assert_eq!(internet.dns, [ip("10.45.0.1")]);
    assert!(internet.pcscf.is_empty());
    let ims = &gw.apns[1];
    assert_eq!(ims.ipv4_pool, Some(("10.46.0.0".parse().unwrap(), 16)));
    assert_eq!(ims.ipv6_prefix, Some(("fd00:46::".parse().unwrap(), 64)));
    assert_eq!(ims.qci, 5);
    assert_eq!(ims.pcscf, [ip("10.46.0.1"), ip("fd00:46::1")]);
    assert_eq!(ims.dns, [ip("10.46.0.53"), ip("fd00:46::53")]);
    assert_eq!(
        (ims.ambr_ul, ims.ambr_dl, ims.mtu),
        (100_000_000, 100_000_000, None)
    );

    let hss = spec!(t, "hss1", Hss);
    assert_eq!(hss.db, None);
    assert_eq!(hss.amf, [0x80, 0]);
    assert_eq!(hss.s6a.host, "hss.epc.mnc001.mcc001.3gppnetwork.org");

    let pcscf = spec!(t, "pcscf1", Pcscf);
    assert_eq!(pcscf.ipv4, Some("10.46.0.1".parse().unwrap()));
    assert_eq!(pcscf.ipv6, Some("fd00:46::1".parse().unwrap()));
    assert_eq!(pcscf.ipsec, IpsecPolicy::Required);
    assert_eq!(pcscf.icscf, Some(id(t, "icscf1")));
    assert_eq!(spec!(t, "icscf1", Icscf).hss, Some(id(t, "hss1")));
    assert_eq!(spec!(t, "scscf1", Scscf).hss, Some(id(t, "hss1")));

    let sub = t.subscriber(IMSI).unwrap();
    assert_eq!((sub.k, sub.opc), (hex16(K), hex16(OPC)));
    assert_eq!((sub.msisdn.as_str(), sub.sqn), ("15550001", 1));
    assert_eq!(sub.apns, ["internet", "ims"]);

    let (ue_id, ue) = t.ues().next().unwrap();
    assert_eq!(ue_id, NodeId(7));
    assert_eq!(ue.imsi, IMSI);
    assert_eq!(ue.enb, id(t, "enb1"));
    assert_eq!(ue.apns, ["internet", "ims"]);
    assert_eq!(ue.ims, ImsMode::Register);
    assert_eq!(
        (ue.usim.k, ue.usim.opc, ue.usim.sqn),
        (hex16(K), hex16(OPC), 0)
    );
    assert_eq!((ue.eea, ue.eia, ue.requires_ipsec), (0b111, 0b110, true));

    assert_eq!(t.scenario.len(), 1);
    assert_eq!(t.scenario[0].target, Target::AllUes);
    assert_eq!(t.scenario[0].command, Command::Ue(UeCommand::Attach));
}

#[test]
fn two_ues_topology_has_named_ues_and_a_message_step() {
    let t = load("two-ues.yaml").topology;
    let ues: Vec<(&str, &str)> = t
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Ue(u) => Some((n.name.as_str(), u.imsi.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(ues, [("alice", IMSI), ("bob", "001010000000002")]);
    let msisdns: Vec<&str> = t.subscribers.iter().map(|s| s.msisdn.as_str()).collect();
    assert_eq!(msisdns, ["15550001", "15550002"]);
    for (_, u) in t.ues() {
        assert_eq!(u.enb, id(&t, "enb1"));
        assert_eq!(u.apns, ["internet", "ims"]);
    }
    let step = &t.scenario[1];
    assert_eq!(step.at, Duration::from_secs(5));
    assert_eq!(step.target, Target::Node(id(&t, "alice")));
    assert_eq!(
        step.command,
        Command::Ue(UeCommand::SendMessage {
            to: "sip:001010000000002@ims.mnc001.mcc001.3gppnetwork.org".into(),
            text: "hello bob".into(),
        })
    );
    let answer = &t.scenario[2];
    assert_eq!(answer.at, Duration::from_secs(7));
    assert_eq!(answer.target, Target::Node(id(&t, "bob")));
    assert_eq!(
        answer.command,
        Command::Ue(UeCommand::SendMessage {
            to: "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org".into(),
            text: "hello alice".into(),
        })
    );
}

#[test]
fn no_pcscf_topology_has_an_ims_apn_without_pcscf_and_says_so() {
    let l = load("no-pcscf.yaml");
    let gw = spec!(l.topology, "gw1", Gateway);
    let ims = gw.apns.iter().find(|a| a.name == "ims").unwrap();
    assert!(ims.pcscf.is_empty());
    assert_eq!(ims.dns, [ip("10.46.0.53")]);
    assert_eq!(
        warnings(&l),
        [format!(
            "{}:24: nodes.gw1.apns.ims: warning: APN ims has no p_cscf: the PCO answer carries no P-CSCF address and UEs never send SIP",
            dir().join("no-pcscf.yaml").display()
        )]
    );
}

#[test]
fn no_second_bearer_topology_sets_the_enb_knob() {
    let l = load("no-second-bearer.yaml");
    assert!(spec!(l.topology, "enb1", Enb).refuse_second_bearer);
    assert!(warnings(&l)[0].contains("nodes.enb1.refuse_second_bearer: warning: "));
}

#[test]
fn wrong_key_topology_gives_the_usim_another_k() {
    let l = load("wrong-key.yaml");
    let t = &l.topology;
    assert!(t.show_keys);
    let ue = t.ues().next().unwrap().1;
    assert_eq!(ue.usim.k, hex16("465b5ce8b199b49faa5f0a2ee238a6bd"));
    assert_eq!(ue.usim.opc, hex16(OPC));
    assert_eq!(t.subscriber(IMSI).unwrap().k, hex16(K));
    assert!(warnings(&l)[0].contains("ues[0].k: warning: the USIM's k differs"));
}

#[test]
fn sqn_resync_topology_puts_the_usim_ahead_of_the_hss() {
    let l = load("sqn-resync.yaml");
    let t = &l.topology;
    assert_eq!(t.subscriber(IMSI).unwrap().sqn, 32);
    assert_eq!(t.ues().next().unwrap().1.usim.sqn, 1000);
    assert!(warnings(&l)[0].contains("ues[0].sqn: warning: the USIM's SQN 1000"));
}

#[test]
fn missing_ims_apn_topology_lets_the_ue_ask_outside_its_subscription() {
    let l = load("missing-ims-apn.yaml");
    let t = &l.topology;
    assert_eq!(t.subscriber(IMSI).unwrap().apns, ["internet"]);
    assert_eq!(t.ues().next().unwrap().1.apns, ["internet", "ims"]);
    let w = warnings(&l);
    assert_eq!(w.len(), 1);
    assert!(
        w[0].ends_with(
            ":35: ues[0].apns: warning: APN 'ims' is not in the subscription of 001010000000001 (apns: internet): the network rejects that PDN connection"
        ),
        "{}",
        w[0]
    );
}

#[test]
fn ipv6_only_ims_topology_has_ipv6_pool_and_pcscf_only() {
    let l = load("ipv6-only-ims.yaml");
    assert!(l.warnings.is_empty(), "{:?}", warnings(&l));
    let t = &l.topology;
    let gw = spec!(t, "gw1", Gateway);
    let ims = gw.apns.iter().find(|a| a.name == "ims").unwrap();
    assert_eq!(ims.ipv4_pool, None);
    assert_eq!(ims.ipv6_prefix, Some(("fd00:46::".parse().unwrap(), 64)));
    assert_eq!(ims.pcscf, [ip("fd00:46::1")]);
    assert_eq!(ims.dns, [ip("fd00:46::53")]);
    let pcscf = spec!(t, "pcscf1", Pcscf);
    assert_eq!(
        (pcscf.ipv4, pcscf.ipv6),
        (None, Some("fd00:46::1".parse().unwrap()))
    );
}

fn check_load(file: &str, n: usize, rate: f64) {
    let t = load(file).topology;
    assert_eq!(t.subscribers.len(), n);
    assert_eq!(t.ues().count(), n);
    let last = format!("{:015}", 1_010_000_000_000u64 + n as u64);
    let (last_id, last_ue) = t.ues().last().unwrap();
    assert_eq!(last_ue.imsi, last);
    assert_eq!(last_id, NodeId(7 + n as u32 - 1));
    assert_eq!(t.nodes[last_id.0 as usize].name, format!("ue-{last}"));
    assert_eq!(last_ue.ims, ImsMode::Register);
    assert_eq!(
        t.subscriber(&last).unwrap().msisdn,
        format!("{}", 15_550_000 + n)
    );
    let addrs: std::collections::HashSet<IpAddr> = t.nodes.iter().map(|n| n.addr).collect();
    assert_eq!(addrs.len(), t.nodes.len(), "addresses are unique");
    assert_eq!(t.scenario[0].target, Target::AllUes);
    assert_eq!(t.scenario[0].rate, Some(rate));
    assert_eq!(t.seed, 7);
}

#[test]
fn load_1k_topology_expands_1000_ues() {
    check_load("load-1k.yaml", 1000, 200.0);
}

#[test]
fn load_10k_topology_expands_10000_ues() {
    check_load("load-10k.yaml", 10_000, 1000.0);
}

// ---------------------------------------------------------------------------
// Validation errors

/// Loads `text` as `bad.yaml` and returns every error, one per line.
fn errors(text: &str) -> String {
    match topology::load_from_str_as(text, "bad.yaml") {
        Ok(_) => panic!("loaded:\n{text}"),
        Err(e) => e.to_string(),
    }
}

fn warns(text: &str) -> Vec<String> {
    match topology::load_from_str_as(text, "ok.yaml") {
        Ok(l) => warnings(&l),
        Err(e) => panic!("{e}"),
    }
}

fn has(all: &str, want: &str) {
    assert!(
        all.lines().any(|l| l == want),
        "missing line:\n{want}\nin:\n{all}"
    );
}

/// A valid file; tests change one thing. Lines:
/// 1 nodes, 2 enb1, 3 mme1, 4 gw1, 5 hss1, 6 subscribers, 7 sub,
/// 8 ues, 9 ue.
fn base() -> String {
    format!(
        "nodes:
  enb1: {{ kind: enb, enb_id: 0x19B, tac: 1, mme: mme1 }}
  mme1: {{ kind: mme, gateway: gw1, hss: hss1 }}
  gw1: {{ kind: gateway, apns: {{ internet: {{ pool: 10.45.0.0/16 }}, ims: {{ pool: 10.46.0.0/16, p_cscf: [10.46.0.1] }} }} }}
  hss1: {{ kind: hss }}
subscribers:
  - {{ imsi: \"{IMSI}\", k: {K}, opc: {OPC} }}
ues:
  - {{ imsi: \"{IMSI}\", enb: enb1 }}
"
    )
}

fn with(from: &str, to: &str) -> String {
    let b = base();
    assert!(b.contains(from), "{from}");
    b.replacen(from, to, 1)
}

#[test]
fn base_topology_is_valid() {
    assert_eq!(warns(&base()), Vec::<String>::new());
}

#[test]
fn loader_reports_reference_to_missing_node_with_the_list() {
    has(
        &errors(&with("mme: mme1", "mme: mme9")),
        "bad.yaml:2: nodes.enb1.mme: node 'mme9' does not exist (did you mean 'mme1'?) (nodes: enb1, mme1, gw1, hss1)",
    );
}

#[test]
fn loader_reports_reference_to_node_of_wrong_kind() {
    has(
        &errors(&with("mme: mme1", "mme: gw1")),
        "bad.yaml:2: nodes.enb1.mme: gw1 is a gateway, not an mme (mme nodes: mme1)",
    );
}

#[test]
fn loader_reports_missing_reference_without_a_default() {
    let text = with("  mme1: { kind: mme, gateway: gw1, hss: hss1 }\n", "");
    has(
        &errors(&text.replace("mme: mme1", "cell_id: 0x19B01")),
        "bad.yaml:2: nodes.enb1.mme: missing: there is no mme node to default to; add one under nodes:",
    );
}

#[test]
fn loader_asks_which_mme_or_hss_when_there_are_several() {
    let text = with("tac: 1, mme: mme1", "tac: 1").replace(
        "  hss1: { kind: hss }\n",
        "  hss1: { kind: hss }\n  hss2: { kind: hss }\n  mme2: { kind: mme, hss: hss2 }\n",
    );
    let text = text.replace("hss: hss1 }", "}");
    let e = errors(&text);
    has(
        &e,
        "bad.yaml:2: nodes.enb1.mme: missing, and there are 2 mme nodes (mme1, mme2): say which one, e.g. `mme: mme1`",
    );
    has(
        &e,
        "bad.yaml:3: nodes.mme1.hss: missing, and there are 2 hss nodes (hss1, hss2): say which one, e.g. `hss: hss1`",
    );
}

#[test]
fn loader_reports_missing_subscriber_k() {
    has(
        &errors(&with(&format!("k: {K}, "), "")),
        "bad.yaml:7: subscribers[0].k: missing: every subscriber needs k (32 hex digits)",
    );
}

#[test]
fn loader_reports_unknown_kind_with_valid_kinds() {
    has(
        &errors(&with("kind: hss", "kind: hs")),
        "bad.yaml:5: nodes.hss1.kind: unknown kind 'hs' (did you mean 'hss'?) (valid kinds: enb, mme, gateway, hss, pcscf, icscf, scscf)",
    );
    has(
        &errors(&with("kind: gateway", "kind: spgw")),
        "bad.yaml:4: nodes.gw1.kind: unknown kind 'spgw' (the SGW and PGW are one node here: kind: gateway) (valid kinds: enb, mme, gateway, hss, pcscf, icscf, scscf)",
    );
}

#[test]
fn loader_reports_unknown_keys_with_allowed_keys() {
    let e = errors(&with("tac: 1,", "tac: 1, colour: red, tacc: 2,"));
    has(
        &e,
        "bad.yaml:2: nodes.enb1.colour: unknown key 'colour' for an enb node (allowed: kind, addr, enb_id, enb_name, tac, cell_id, mme, refuse_second_bearer)",
    );
    has(
        &e,
        "bad.yaml:2: nodes.enb1.tacc: unknown key 'tacc' for an enb node (did you mean 'tac'?) (allowed: kind, addr, enb_id, enb_name, tac, cell_id, mme, refuse_second_bearer)",
    );
    has(
        &errors(&with(
            "hss: hss1 }",
            "hss: hss1, nas: { integrity: [eia2], cipher: [eea0] } }",
        )),
        "bad.yaml:3: nodes.mme1.nas.cipher: unknown key 'cipher' (allowed: integrity, ciphering)",
    );
    has(
        &errors(&format!("colour: red\n{}", base())),
        "bad.yaml:1: colour: unknown key 'colour' for the top level (allowed: name, plmn, seed, latency, show_keys, nodes, subscribers, ues, scenario)",
    );
}

#[test]
fn loader_reports_bad_addresses_and_prefixes() {
    has(
        &errors(&with("10.45.0.0/16", "10.45.0.0/33")),
        "bad.yaml:4: nodes.gw1.apns.internet.pool: '10.45.0.0/33': an IPv4 prefix length is 0 to 32, got 33",
    );
    has(
        &errors(&with(
            "10.46.0.0/16, p_cscf",
            "10.46.0.0/16, ipv6_pool: \"fd00:46::1/64\", p_cscf",
        )),
        "bad.yaml:4: nodes.gw1.apns.ims.ipv6_pool: 'fd00:46::1/64' has host bits set: the network is fd00:46::/64",
    );
    has(
        &errors(&with("kind: hss }", "kind: hss, addr: 127.0.0.300 }")),
        "bad.yaml:5: nodes.hss1.addr: '127.0.0.300' is not an IPv4 or IPv6 address",
    );
    has(
        &errors(&with("p_cscf: [10.46.0.1]", "dns: [10.46.0.x]")),
        "bad.yaml:4: nodes.gw1.apns.ims.dns[0]: '10.46.0.x' is not an IPv4 or IPv6 address",
    );
}

#[test]
fn loader_reports_duplicate_imsi_naming_both_lines() {
    let text = with(
        "ues:",
        &format!("  - {{ imsi: \"{IMSI}\", k: {K}, opc: {OPC} }}\nues:"),
    );
    has(
        &errors(&text),
        "bad.yaml:8: subscribers[1].imsi: IMSI 001010000000001 is already used by subscribers[0] (line 7)",
    );
}

#[test]
fn loader_reports_imsi_of_wrong_length() {
    let e = errors(&base().replace(IMSI, "00101000000001"));
    has(
        &e,
        "bad.yaml:7: subscribers[0].imsi: imsi must be 15 digits, got 14 digits",
    );
    has(
        &e,
        "bad.yaml:9: ues[0].imsi: imsi must be 15 digits, got 14 digits",
    );
}

#[test]
fn loader_warns_about_imsi_outside_the_plmn() {
    let w = warns(&base().replace(IMSI, "208930000000001"));
    assert!(w.contains(&"ok.yaml:7: subscribers[0].imsi: warning: IMSI 208930000000001 does not start with the PLMN's MCC+MNC 00101: it belongs to another network (roaming is not simulated)".to_string()), "{w:?}");
}

#[test]
fn loader_reports_keys_of_wrong_length_or_not_hex() {
    has(
        &errors(&with(K, &K[..30])),
        "bad.yaml:7: subscribers[0].k: k must be 32 hex digits (16 bytes), got 30",
    );
    has(
        &errors(&with(OPC, &format!("x{}", &OPC[1..]))),
        "bad.yaml:7: subscribers[0].opc: opc must be 32 hex digits (16 bytes); 'x' at position 1 is not a hex digit",
    );
}

#[test]
fn loader_reports_apns_no_gateway_serves() {
    let e = errors(
        &with(
            &format!("opc: {OPC} }}"),
            &format!("opc: {OPC}, apns: [internet, imss] }}"),
        )
        .replace("enb: enb1 }", "enb: enb1, apns: [web] }"),
    );
    has(
        &e,
        "bad.yaml:7: subscribers[0].apns[1]: no gateway serves APN 'imss' (did you mean 'ims'?) (served: internet, ims)",
    );
    has(
        &e,
        "bad.yaml:9: ues[0].apns[0]: no gateway serves APN 'web' (served: internet, ims)",
    );
}

#[test]
fn loader_reports_ue_without_subscriber() {
    has(
        &errors(&with(
            &format!("imsi: \"{IMSI}\", enb"),
            "imsi: \"001010000000002\", enb",
        )),
        "bad.yaml:9: ues[0].imsi: no subscriber has IMSI 001010000000002: add it under subscribers: (or give the UE its own k and opc)",
    );
}

#[test]
fn loader_allows_ue_apn_outside_subscription_with_a_warning() {
    let text = with(
        &format!("opc: {OPC} }}"),
        &format!("opc: {OPC}, apns: [internet] }}"),
    )
    .replace("enb: enb1 }", "enb: enb1, apns: [internet, ims] }");
    assert_eq!(
        warns(&text),
        [
            "ok.yaml:9: ues[0].apns: warning: APN 'ims' is not in the subscription of 001010000000001 (apns: internet): the network rejects that PDN connection"
        ]
    );
}

#[test]
fn loader_reports_duplicate_node_addresses() {
    let text = with("kind: hss }", "kind: hss, addr: 127.0.0.7 }")
        .replace("kind: mme,", "kind: mme, addr: 127.0.0.7,");
    has(
        &errors(&text),
        "bad.yaml:5: nodes.hss1.addr: address 127.0.0.7 is already used by mme1 (line 3)",
    );
}

#[test]
fn loader_warns_when_a_pool_is_too_small_for_count_ues() {
    let text = with("10.45.0.0/16", "10.45.0.0/29")
        .replace(
            &format!("opc: {OPC} }}"),
            &format!("opc: {OPC}, count: 10 }}"),
        )
        .replace("enb: enb1 }", "enb: enb1, count: 10, apns: [internet] }");
    assert_eq!(
        warns(&text),
        [
            "ok.yaml:9: ues[0].apns[0]: warning: 10 UEs open APN 'internet' but its pool /29 has 6 addresses: the rest are refused"
        ]
    );
}

#[test]
fn loader_keeps_syntax_error_line_and_column() {
    let e = errors("nodes:\n  enb1: { kind: enb\n  mme1: { kind: mme }\n");
    assert!(e.starts_with("bad.yaml:3:"), "{e}");
    assert!(e.contains(": syntax error: "), "{e}");
    let e = errors("nodes:\n\tenb1: { kind: enb }\n");
    assert!(e.starts_with("bad.yaml:2:"), "{e}");
    assert!(
        e.ends_with("(YAML does not allow tabs for indentation: use spaces)"),
        "{e}"
    );
    has(
        &errors("nodes:\n  enb1: { kind: enb }\n  mme1: { kind: mme }\n  enb1: { kind: enb }\n"),
        "bad.yaml:4: nodes.enb1: appears twice in the same mapping (first on line 2)",
    );
}

#[test]
fn loader_reports_bad_values_in_durations_rates_and_numbers() {
    let e = errors(&format!(
        "latency: 5\n{}scenario:\n  - {{ at: 1m, ue: all, do: attach, rate: fast }}\n",
        base().replace("tac: 1", "tac: 70000")
    ));
    has(
        &e,
        "bad.yaml:1: latency: '5' needs a unit: us, ms, s, min or h (e.g. 5ms or 5s)",
    );
    has(
        &e,
        "bad.yaml:3: nodes.enb1.tac: tac must be an integer from 0 to 65535, got 70000",
    );
    has(
        &e,
        "bad.yaml:12: scenario[0].at: '1m': 'm' is ambiguous, write 1min (minutes) or 1ms (milliseconds)",
    );
}

#[test]
fn loader_reports_scenario_mistakes() {
    let e = errors(&format!(
        "{}scenario:\n  - {{ at: 1s, ue: nobody, do: attach }}\n  - {{ at: 2s, do: atach }}\n  - {{ at: 3s, do: open_pdn }}\n  - {{ at: 4s, hss: enb1, do: deregister, impu: \"sip:x@y\" }}\n",
        base()
    ));
    has(
        &e,
        "bad.yaml:11: scenario[0].ue: no UE is called or has the IMSI 'nobody' (UEs: ue-001010000000001)",
    );
    has(
        &e,
        "bad.yaml:12: scenario[1].do: unknown action 'atach' (did you mean 'attach'?) (actions: attach, detach, open_pdn, close_pdn, register, deregister, message; for the HSS: deregister)",
    );
    has(
        &e,
        "bad.yaml:13: scenario[2].apn: missing: do: open_pdn needs an apn, e.g. apn: ims",
    );
    has(
        &e,
        "bad.yaml:14: scenario[3].hss: enb1 is an enb, not an hss (hss nodes: hss1)",
    );
}

#[test]
fn loader_collects_every_error_not_just_the_first() {
    let text = base()
        .replace("mme: mme1", "mme: mme9")
        .replace("kind: hss", "kind: hss, amf: \"8\"")
        .replace(K, "00")
        .replace("enb: enb1", "enb: enb2");
    let e = errors(&text);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 4, "{e}");
    assert!(lines[0].starts_with("bad.yaml:2: nodes.enb1.mme: "));
    assert!(lines[1].starts_with("bad.yaml:5: nodes.hss1.amf: amf must be 4 hex digits (2 bytes)"));
    assert!(lines[2].starts_with("bad.yaml:7: subscribers[0].k: "));
    assert!(lines[3].starts_with("bad.yaml:9: ues[0].enb: node 'enb2' does not exist"));
}

#[test]
fn loader_reports_empty_and_non_mapping_files() {
    has(
        &errors(""),
        "bad.yaml: the file is empty: a topology needs at least `nodes:` (see docs/topology.md)",
    );
    has(
        &errors("- a\n- b\n"),
        "bad.yaml:1: a topology is a mapping of keys (name:, plmn:, nodes:, ...), got a list",
    );
}

#[test]
fn loader_accepts_anchors_merge_keys_and_x_keys() {
    let text = with("nodes:", "x-apn: &apn { pool: 10.45.0.0/16, dns: [10.45.0.1] }\nnodes:").replace(
        "apns: { internet: { pool: 10.45.0.0/16 }, ims: { pool: 10.46.0.0/16, p_cscf: [10.46.0.1] } }",
        "apns: { internet: *apn, ims: { <<: *apn, pool: 10.46.0.0/16, p_cscf: [10.46.0.1] } }",
    );
    let t = topology::load_from_str(&text).unwrap().topology;
    let gw = spec!(t, "gw1", Gateway);
    assert_eq!(gw.apns[0].dns, [ip("10.45.0.1")]);
    assert_eq!(gw.apns[1].dns, [ip("10.45.0.1")]);
    assert_eq!(
        gw.apns[1].ipv4_pool,
        Some(("10.46.0.0".parse().unwrap(), 16))
    );
}

// ---------------------------------------------------------------------------
// volte-sim check

#[test]
fn check_command_prints_ok_and_a_summary() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .arg("check")
        .arg(dir().join("missing-ims-apn.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].ends_with("missing-ims-apn.yaml: OK"), "{stdout}");
    assert_eq!(
        lines[1],
        "Topology 'missing-ims-apn' (PLMN 001-01): 7 network nodes (1 mme, 1 enb, 1 gateway, 1 hss, 1 pcscf, 1 icscf, 1 scscf); APNs internet, ims; 1 subscriber; 1 UE (1 registering to IMS); 1 scenario step. Latency 1ms per hop, seed 1."
    );
    assert!(lines[2].contains(":35: ues[0].apns: warning: "), "{stdout}");
}

#[test]
fn check_command_prints_every_error_and_exits_2() {
    let path = std::env::temp_dir().join(format!("volte-sim-check-{}.yaml", std::process::id()));
    std::fs::write(
        &path,
        base().replace("mme: mme1", "mme: mme9").replace(K, "00"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains(":2: nodes.enb1.mme: node 'mme9' does not exist"));
    assert!(lines[1].contains(":7: subscribers[0].k: k must be 32 hex digits (16 bytes), got 2"));
    assert!(lines[2].ends_with(": 2 errors found"));
}

// ---------------------------------------------------------------------------
// Property tests: the loader returns Ok or Err, never panics.

fn check_no_panic(text: &str) {
    match topology::load_from_str_as(text, "p.yaml") {
        Ok(_) => {}
        Err(TopologyError { errors, .. }) => assert!(!errors.is_empty()),
    }
}

/// Pieces of YAML and of this file format, glued at random.
const YAML_TOKENS: &[&str] = &[
    "nodes:",
    "subscribers:",
    "ues:",
    "scenario:",
    "plmn:",
    "kind: ",
    "enb",
    "mme",
    "gateway",
    "hss",
    "pcscf",
    "apns:",
    "pool: ",
    "10.45.0.0/16",
    "\"fd00::/64\"",
    "imsi: ",
    "\"001010000000001\"",
    "k: ",
    "465b5ce8b199b49faa5f0a2ee238a6bc",
    "count: ",
    "1000000",
    "at: ",
    "5s",
    "do: ",
    "attach",
    "rate: ",
    "200/s",
    "mme1",
    "enb1",
    "- ",
    "{",
    "}",
    "[",
    "]",
    ", ",
    ": ",
    "\n",
    "\n  ",
    "\n    ",
    "\"",
    "'",
    "&a ",
    "*a",
    "<<: ",
    "!t ",
    "~",
    "0x19B",
    "-1",
    "1e999",
    "? ",
    "|\n",
    "#",
    "---\n",
    "...\n",
    "\t",
];

fn default_text() -> String {
    std::fs::read_to_string(dir().join("default.yaml")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn loader_never_panics_on_arbitrary_text(s in "\\PC{0,300}") {
        check_no_panic(&s);
    }

    #[test]
    fn loader_never_panics_on_yaml_like_text(
        tokens in proptest::collection::vec(proptest::sample::select(YAML_TOKENS), 0..80)
    ) {
        check_no_panic(&tokens.concat());
    }

    #[test]
    fn loader_never_panics_on_mutated_default_topology(
        cut in 0usize..4000,
        len in 0usize..40,
        insert in "[ -~\n\t]{0,12}",
    ) {
        let text = default_text();
        let mut bytes: Vec<char> = text.chars().collect();
        let at = cut % (bytes.len() + 1);
        let end = (at + len).min(bytes.len());
        bytes.splice(at..end, insert.chars());
        let mutated: String = bytes.into_iter().collect();
        check_no_panic(&mutated);
    }

    #[test]
    fn loader_never_panics_on_shuffled_default_lines(swaps in proptest::collection::vec((0usize..80, 0usize..80), 1..6)) {
        let text = default_text();
        let mut lines: Vec<&str> = text.lines().collect();
        for (a, b) in swaps {
            let n = lines.len();
            lines.swap(a % n, b % n);
        }
        check_no_panic(&lines.join("\n"));
    }
}

// ---------------------------------------------------------------------------
// CSCFs

#[test]
fn default_topology_gives_cscfs_their_reference_identities() {
    let t = load("default.yaml").topology;
    let ims = "ims.mnc001.mcc001.3gppnetwork.org";
    let p = spec!(t, "pcscf1", Pcscf);
    assert_eq!(
        (p.sip.host.as_str(), p.sip.port),
        ("pcscf.ims.mnc001.mcc001.3gppnetwork.org", 5060)
    );
    assert_eq!((p.port_c, p.port_s), (5100, 6100));
    assert_eq!(p.domain, ims);
    assert_eq!(
        (p.integrity, p.encryption),
        (
            topology::IpsecIntegrity::HmacSha196,
            topology::IpsecEncryption::Null
        )
    );
    let i = spec!(t, "icscf1", Icscf);
    assert_eq!(i.sip.uri(), "sip:icscf.ims.mnc001.mcc001.3gppnetwork.org");
    assert_eq!(i.diameter.host, "icscf.ims.mnc001.mcc001.3gppnetwork.org");
    assert_eq!(i.diameter.realm, ims);
    assert_eq!(i.scscfs, [id(&t, "scscf1")]);
    let s = spec!(t, "scscf1", Scscf);
    assert_eq!(
        s.sip.uri(),
        "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060"
    );
    assert_eq!(
        s.sip.uri_with_user(Some("orig")),
        "sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060"
    );
    assert_eq!(s.diameter.host, "scscf.ims.mnc001.mcc001.3gppnetwork.org");
    assert_eq!(s.icscf, Some(id(&t, "icscf1")));
    assert_eq!(
        (s.max_expires, s.min_expires),
        (Duration::from_secs(600), Duration::from_secs(60))
    );
    assert_eq!(s.domain, ims);
    // Mw finds each CSCF by its host, or its core address.
    assert_eq!(
        t.sip_node("SCSCF.ims.mnc001.mcc001.3gppnetwork.org"),
        Some(id(&t, "scscf1"))
    );
    let addr = t.find("icscf1").unwrap().1.addr.to_string();
    assert_eq!(t.sip_node(&addr), Some(id(&t, "icscf1")));
    assert_eq!(t.sip_node("hss.ims.mnc001.mcc001.3gppnetwork.org"), None);
}

#[test]
fn cscf_keys_set_hosts_ports_algorithms_and_limits() {
    let text = format!(
        "{}  pcscf1: {{ kind: pcscf, ipv4: 10.46.0.1, host: p.example.org, port: 5070, port_c: 7100, port_s: 7200, alg: hmac-md5-96, ealg: aes-cbc }}
  icscf1: {{ kind: icscf, host: i.example.org, diameter: {{ host: i.example.org, realm: example.org }}, scscfs: [scscf2, scscf1] }}
  scscf1: {{ kind: scscf, host: s1.example.org }}
  scscf2: {{ kind: scscf, host: s2.example.org, port: 7060, max_expires: 1h, min_expires: 30s, icscf: icscf1, domain: example.org }}
",
        base().split("subscribers:").next().unwrap()
    ) + "subscribers:" + base().split("subscribers:").nth(1).unwrap();
    let t = topology::load_from_str(&text).unwrap().topology;
    let p = spec!(t, "pcscf1", Pcscf);
    assert_eq!(
        (p.sip.uri(), p.port_c, p.port_s),
        ("sip:p.example.org:5070".to_string(), 7100, 7200)
    );
    assert_eq!(
        (p.integrity, p.encryption),
        (
            topology::IpsecIntegrity::HmacMd596,
            topology::IpsecEncryption::AesCbc
        )
    );
    assert_eq!(p.icscf, Some(id(&t, "icscf1")));
    let i = spec!(t, "icscf1", Icscf);
    assert_eq!(i.scscfs, [id(&t, "scscf2"), id(&t, "scscf1")]);
    assert_eq!(
        (i.diameter.host.as_str(), i.diameter.realm.as_str()),
        ("i.example.org", "example.org")
    );
    let s2 = spec!(t, "scscf2", Scscf);
    assert_eq!(s2.sip.uri(), "sip:s2.example.org:7060");
    assert_eq!(
        (s2.max_expires, s2.min_expires),
        (Duration::from_secs(3600), Duration::from_secs(30))
    );
    assert_eq!(s2.domain, "example.org");
    // Two S-CSCFs: default Diameter names start with the node name.
    assert_eq!(s2.diameter.host, "scscf2.ims.mnc001.mcc001.3gppnetwork.org");
}

#[test]
fn cscf_errors_name_the_field() {
    let nodes = |extra: &str| {
        with(
            "  hss1: { kind: hss }\n",
            &format!("  hss1: {{ kind: hss }}\n{extra}"),
        )
    };
    let e = errors(&nodes(
        "  pcscf1: { kind: pcscf, ipv4: 10.46.0.1, port_c: 6100, port_s: 6100, alg: sha256 }\n",
    ));
    has(
        &e,
        "bad.yaml:6: nodes.pcscf1.port_s: port_s must differ from port_c (6100): each SA pair needs its own protected port (TS 33.203 7.1)",
    );
    has(
        &e,
        "bad.yaml:6: nodes.pcscf1.alg: unknown ESP integrity algorithm 'sha256' (use hmac-sha-1-96 or hmac-md5-96)",
    );
    let e = errors(&nodes(
        "  pcscf1: { kind: pcscf, ipv4: 10.46.0.1, port_c: 5060, ealg: des }\n",
    ));
    has(
        &e,
        "bad.yaml:6: nodes.pcscf1.port_c: 5060 is the unprotected SIP port: protected ports must be others (TS 33.203 7.1)",
    );
    has(
        &e,
        "bad.yaml:6: nodes.pcscf1.ealg: unknown ESP encryption algorithm 'des' (use null or aes-cbc)",
    );
    let e = errors(&nodes(
        "  scscf1: { kind: scscf, min_expires: 10min, max_expires: 5min }\n  scscf2: { kind: scscf, host: scscf1.ims.mnc001.mcc001.3gppnetwork.org }\n",
    ));
    has(
        &e,
        "bad.yaml:6: nodes.scscf1.min_expires: min_expires (600s) is longer than max_expires (300s)",
    );
    assert!(e.contains("nodes.scscf2.host: SIP host scscf1.ims.mnc001.mcc001.3gppnetwork.org is already used by nodes.scscf1"), "{e}");
    let e = errors(&nodes("  icscf1: { kind: icscf, scscfs: [hss1] }\n"));
    assert!(
        e.contains("nodes.icscf1.scscfs[0]: hss1 is an hss, not an scscf"),
        "{e}"
    );
    let e = errors(&with(
        &format!("opc: {OPC} }}"),
        &format!("opc: {OPC}, barred: [\"sip:x@y\"] }}"),
    ));
    assert!(
        e.contains(
            "subscribers[0].barred[0]: 'sip:x@y' is not a public identity of this subscriber"
        ),
        "{e}"
    );
    let w = warns(&with(
        &format!("opc: {OPC} }}"),
        &format!("opc: {OPC}, barred: [\"sip:{IMSI}@ims.mnc001.mcc001.3gppnetwork.org\"] }}"),
    ));
    assert!(
        w.iter()
            .any(|w| w.contains("every public identity is barred")),
        "{w:?}"
    );
    let t = topology::load_from_str(&with(
        &format!("opc: {OPC} }}"),
        &format!("opc: {OPC}, impu: [\"sip:{IMSI}@ims.mnc001.mcc001.3gppnetwork.org\", \"tel:+15550001\"], barred: [\"tel:+15550001\"] }}"),
    ))
    .unwrap()
    .topology;
    assert_eq!(t.subscriber(IMSI).unwrap().barred, ["tel:+15550001"]);
}

// ---------------------------------------------------------------------------
// listen: real Diameter peers of the HSS

#[test]
fn hss_listen_reads_tcp_addresses_for_s6a_and_cx() {
    let t = topology::load_from_str(&with(
        "kind: hss }",
        "kind: hss, listen: { s6a: \"127.0.0.1:3868\", cx: \"[::1]:0\" } }",
    ))
    .unwrap()
    .topology;
    let hss = spec!(t, "hss1", Hss);
    assert_eq!(hss.listen.s6a, Some("127.0.0.1:3868".parse().unwrap()));
    assert_eq!(hss.listen.cx, Some("[::1]:0".parse().unwrap()));
    assert_eq!(
        t.listeners(),
        vec![
            (
                id(&t, "hss1"),
                volte_sim::nodes::Iface::S6a,
                "127.0.0.1:3868".parse().unwrap()
            ),
            (
                id(&t, "hss1"),
                volte_sim::nodes::Iface::Cx,
                "[::1]:0".parse().unwrap()
            ),
        ]
    );
    // Absent: listens nowhere.
    let t = load("default.yaml").topology;
    assert!(spec!(t, "hss1", Hss).listen.is_empty());
    assert!(t.listeners().is_empty());
    // Port 0 twice is two free ports, not a clash.
    assert!(
        topology::load_from_str(&with(
            "kind: hss }",
            "kind: hss, listen: { s6a: \"127.0.0.1:0\", cx: \"127.0.0.1:0\" } }",
        ))
        .is_ok()
    );
}

#[test]
fn loader_reports_bad_listen_addresses_and_keys() {
    let e = errors(&with(
        "kind: hss }",
        "kind: hss, listen: { s6a: \"127.0.0.1\", cx: 3869 } }",
    ));
    has(
        &e,
        "bad.yaml:5: nodes.hss1.listen.s6a: '127.0.0.1' is not an address and port (IP:PORT, e.g. 127.0.0.1:3868, or [::1]:3868 for IPv6)",
    );
    has(
        &e,
        "bad.yaml:5: nodes.hss1.listen.cx: 3869 is not an address and port (IP:PORT, e.g. 127.0.0.1:3868, or [::1]:3868 for IPv6)",
    );
    has(
        &errors(&with(
            "kind: hss }",
            "kind: hss, listen: { s6a: \"127.0.0.1:70000\" } }",
        )),
        "bad.yaml:5: nodes.hss1.listen.s6a: '127.0.0.1:70000' is not an address and port (IP:PORT, e.g. 127.0.0.1:3868, or [::1]:3868 for IPv6)",
    );
    has(
        &errors(&with(
            "kind: hss }",
            "kind: hss, listen: { s6b: \"127.0.0.1:3868\" } }",
        )),
        "bad.yaml:5: nodes.hss1.listen.s6b: unknown key 's6b' (did you mean 's6a'?) (allowed: s6a, cx)",
    );
    has(
        &errors(&with("kind: hss }", "kind: hss, listn: {} }")),
        "bad.yaml:5: nodes.hss1.listn: unknown key 'listn' for an hss node (did you mean 'listen'?) (allowed: kind, addr, db, amf, s6a, cx, listen)",
    );
}

#[test]
fn loader_reports_listen_address_used_twice() {
    has(
        &errors(&with(
            "kind: hss }",
            "kind: hss, listen: { s6a: \"127.0.0.1:3868\", cx: \"127.0.0.1:3868\" } }",
        )),
        "bad.yaml:5: nodes.hss1.listen.cx: address 127.0.0.1:3868 is already used by nodes.hss1.listen.s6a: S6a and Cx clients need an address each",
    );
    let text = with("tac: 1, mme: mme1", "tac: 1, mme: mme1").replace(
        "  hss1: { kind: hss }\n",
        "  hss1: { kind: hss, listen: { cx: \"127.0.0.1:3869\" } }\n  hss2: { kind: hss, listen: { s6a: \"127.0.0.1:3869\" } }\n",
    );
    has(
        &errors(&text),
        "bad.yaml:6: nodes.hss2.listen.s6a: address 127.0.0.1:3869 is already used by nodes.hss1.listen.cx (line 5)",
    );
}
