//! Every ready-made topology, run end to end on the simulator with the real
//! nodes and real bytes: the outcome of each UE (states, PDNs, addresses,
//! causes), the ladder's key messages, and the binary's exit status and
//! summary text.

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::Command;
use volte_sim::codec::display::describe;
use volte_sim::events::event::Event;
use volte_sim::nodes::{NodeEvent, Outcome, UeStatus};
use volte_sim::run::report::Tracker;
use volte_sim::run::{RunOptions, run_sim};
use volte_sim::topology::{Topology, load_from_path};

fn topology(name: &str) -> Topology {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("topologies")
        .join(name);
    load_from_path(&path)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .topology
}

struct Run {
    topo: Topology,
    tracker: Tracker,
    /// (from, to, message name) of every message, in order.
    ladder: Vec<(String, String, String)>,
    notes: Vec<String>,
}

fn run(name: &str) -> Run {
    let topo = topology(name);
    let names: Vec<String> = topo.nodes.iter().map(|n| n.name.clone()).collect();
    let mut ladder = Vec::new();
    let mut notes = Vec::new();
    let tracker = run_sim(&topo, &RunOptions::default(), &mut |e: &Event| match e {
        Event::Message(m) => ladder.push((
            names[m.from.0 as usize].clone(),
            names[m.to.0 as usize].clone(),
            describe(m.iface, &m.bytes).name,
        )),
        Event::Node {
            event: NodeEvent::Note { text, .. },
            ..
        } => notes.push(text.clone()),
        _ => {}
    });
    Run {
        topo,
        tracker,
        ladder,
        notes,
    }
}

impl Run {
    fn ue(&self, name: &str) -> &UeStatus {
        let (id, _) = self
            .topo
            .find(name)
            .unwrap_or_else(|| panic!("no node {name}"));
        self.tracker.status(id).unwrap()
    }

    fn only_ue(&self) -> &UeStatus {
        let (id, _) = self.topo.ues().next().unwrap();
        self.tracker.status(id).unwrap()
    }

    fn counter(&self, node: &str, name: &str) -> u64 {
        self.tracker.counter(self.topo.find(node).unwrap().0, name)
    }

    /// True if the ladder holds these (from, to, name) messages in this order.
    fn has_in_order(&self, expected: &[(&str, &str, &str)]) -> bool {
        let mut i = 0;
        for (f, t, n) in &self.ladder {
            if i < expected.len() && expected[i] == (f.as_str(), t.as_str(), n.as_str()) {
                i += 1;
            }
        }
        i == expected.len()
    }

    fn noted(&self, text: &str) -> bool {
        self.notes.iter().any(|n| n.contains(text))
    }
}

fn failed_reason(s: &UeStatus) -> &str {
    match &s.outcome {
        Outcome::Failed(r) => r,
        o => panic!("expected a failure, got {o:?}"),
    }
}

fn v4(a: u8, b: u8, c: u8, d: u8) -> Option<Ipv4Addr> {
    Some(Ipv4Addr::new(a, b, c, d))
}

fn pcscf_both() -> Vec<IpAddr> {
    vec!["10.46.0.1".parse().unwrap(), "fd00:46::1".parse().unwrap()]
}

const UE: &str = "ue-001010000000001";
const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";

#[test]
fn default_topology_attaches_and_learns_pcscf_from_pco() {
    let r = run("default.yaml");
    let s = r.only_ue();
    assert_eq!(s.outcome, Outcome::Reached);
    assert_eq!(s.emm, "EMM-REGISTERED");
    assert_eq!(s.pdns.len(), 2);
    let (internet, ims) = (&s.pdns[0], &s.pdns[1]);
    assert_eq!(
        (internet.apn.as_str(), internet.ebi, internet.qci),
        ("internet", 5, 9)
    );
    assert_eq!(internet.ipv4, v4(10, 45, 0, 2));
    assert_eq!((ims.apn.as_str(), ims.ebi, ims.qci), ("ims", 6, 5));
    assert_eq!(ims.ipv4, v4(10, 46, 0, 2));
    assert!(ims.ipv6.is_some());
    assert_eq!(ims.pcscf, pcscf_both());
    // Steps 1-6 of the flow, in order, on their interfaces.
    assert!(
        r.has_in_order(&[
            ("enb1", "mme1", "S1SetupRequest"),
            ("mme1", "enb1", "S1SetupResponse"),
            ("enb1", "mme1", "InitialUEMessage / Attach Request"),
            ("mme1", "hss1", "Authentication-Information-Request"),
            ("hss1", "mme1", "Authentication-Information-Answer"),
            (
                "mme1",
                "enb1",
                "DownlinkNASTransport / Authentication Request"
            ),
            (
                "enb1",
                "mme1",
                "UplinkNASTransport / Authentication Response"
            ),
            (
                "mme1",
                "enb1",
                "DownlinkNASTransport / Security Mode Command"
            ),
            (
                "enb1",
                "mme1",
                "UplinkNASTransport / Security Mode Complete"
            ),
            ("mme1", "hss1", "Update-Location-Request"),
            ("mme1", "gw1", "Create Session Request"),
            ("gw1", "mme1", "Create Session Response"),
            ("mme1", "enb1", "InitialContextSetupRequest / Attach Accept"),
            ("enb1", "mme1", "InitialContextSetupResponse"),
            ("enb1", "mme1", "UplinkNASTransport / Attach Complete"),
            (
                "enb1",
                "mme1",
                "UplinkNASTransport / PDN Connectivity Request"
            ),
            ("mme1", "gw1", "Modify Bearer Request"),
            ("mme1", "gw1", "Create Session Request"),
            (
                "mme1",
                "enb1",
                "E-RABSetupRequest / Activate Default EPS Bearer Context Request"
            ),
            ("enb1", "mme1", "E-RABSetupResponse"),
            (
                "enb1",
                "mme1",
                "UplinkNASTransport / Activate Default EPS Bearer Context Accept"
            ),
            ("mme1", "gw1", "Modify Bearer Request"),
        ]),
        "{:#?}",
        r.ladder
    );
    assert_eq!(r.counter("mme1", "attach_success"), 1);
    assert_eq!(r.counter("gw1", "sessions_active"), 2);
    // Steps 7-9: the VoLTE goal is the IMS registration.
    let ims_status = s.ims.as_ref().expect("an IMS status");
    assert_eq!(ims_status.state, "registered");
    assert_eq!(ims_status.impu, IMPU);
    assert_eq!(
        ims_status.scscf.as_deref(),
        Some("sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060")
    );
    assert_eq!(ims_status.expires, Some(600));
    let (spi_c, spi_s, port_c, port_s) = ims_status.sa.expect("SAs");
    assert_eq!((spi_s, port_s), (spi_c + 1, port_c + 1));
    assert!(r.has_in_order(&ims_ladder(UE)), "{:#?}", r.ladder);
    assert_eq!(r.counter("pcscf1", "registered"), 1);
    assert_eq!(r.counter("scscf1", "auth_ok"), 1);
    for drop in [
        "plain_to_protected_dropped",
        "esp_bad_icv",
        "esp_replay",
        "esp_unknown_spi",
    ] {
        assert_eq!(r.counter("pcscf1", drop), 0, "{drop}");
    }
}

/// The IMS registration of `ue` as the ladder shows it: the TCP connect to
/// the P-CSCF, both REGISTERs, UAR/UAA, MAR/MAA, the 401, SAR/SAA and the
/// 200, the second REGISTER and the 200 inside ESP.
fn ims_ladder(ue: &str) -> Vec<(&str, &str, &str)> {
    vec![
        (ue, "enb1", "TCP SYN"),
        ("gw1", "pcscf1", "TCP SYN"),
        ("pcscf1", "gw1", "TCP SYN-ACK"),
        (ue, "enb1", "REGISTER"),
        ("enb1", "gw1", "G-PDU / REGISTER"),
        ("gw1", "pcscf1", "REGISTER"),
        ("pcscf1", "icscf1", "REGISTER"),
        ("icscf1", "hss1", "User-Authorization-Request"),
        ("hss1", "icscf1", "User-Authorization-Answer"),
        ("icscf1", "scscf1", "REGISTER"),
        ("scscf1", "hss1", "Multimedia-Auth-Request"),
        ("hss1", "scscf1", "Multimedia-Auth-Answer"),
        ("scscf1", "icscf1", "401 Unauthorized (REGISTER)"),
        ("pcscf1", "gw1", "401 Unauthorized (REGISTER)"),
        ("gw1", "enb1", "G-PDU / 401 Unauthorized (REGISTER)"),
        ("enb1", ue, "401 Unauthorized (REGISTER)"),
        (ue, "enb1", "ESP / TCP SYN"),
        ("gw1", "pcscf1", "ESP / TCP SYN"),
        ("gw1", "pcscf1", "ESP / REGISTER"),
        ("pcscf1", "icscf1", "REGISTER"),
        ("icscf1", "hss1", "User-Authorization-Request"),
        ("hss1", "icscf1", "User-Authorization-Answer"),
        ("scscf1", "hss1", "Server-Assignment-Request"),
        ("hss1", "scscf1", "Server-Assignment-Answer"),
        ("scscf1", "icscf1", "200 OK (REGISTER)"),
        ("pcscf1", "gw1", "ESP / 200 OK (REGISTER)"),
        ("enb1", ue, "ESP / 200 OK (REGISTER)"),
    ]
}

#[test]
fn two_ues_topology_gives_each_ue_its_own_addresses() {
    let r = run("two-ues.yaml");
    let (a, b) = (r.ue("alice"), r.ue("bob"));
    assert_eq!(a.outcome, Outcome::Reached);
    assert_eq!(b.outcome, Outcome::Reached);
    assert_eq!(a.pdns[1].ipv4, v4(10, 46, 0, 2));
    assert_eq!(b.pdns[1].ipv4, v4(10, 46, 0, 3));
    assert_eq!(a.pdns[1].pcscf, pcscf_both());
    assert_eq!(b.pdns[1].pcscf, pcscf_both());
    assert_eq!(r.counter("mme1", "attach_success"), 2);
    for u in [a, b] {
        assert_eq!(u.ims.as_ref().unwrap().state, "registered");
    }
    assert!(r.has_in_order(&ims_ladder("alice")), "{:#?}", r.ladder);
    assert!(r.has_in_order(&ims_ladder("bob")), "{:#?}", r.ladder);
    assert_eq!(r.counter("pcscf1", "registered"), 2);
    // Alice's MESSAGE to Bob at 5 s, Bob's answer at 7 s: LIR/LIA find the
    // recipient's S-CSCF each time.
    for (from, to) in [("alice", "bob"), ("bob", "alice")] {
        assert!(
            r.has_in_order(&[
                (from, "enb1", "ESP / MESSAGE"),
                ("pcscf1", "scscf1", "MESSAGE"),
                ("icscf1", "hss1", "Location-Info-Request"),
                ("hss1", "icscf1", "Location-Info-Answer"),
                ("scscf1", "pcscf1", "MESSAGE"),
                ("pcscf1", "gw1", "ESP / MESSAGE"),
                ("enb1", to, "ESP / MESSAGE"),
                (to, "enb1", "ESP / 200 OK (MESSAGE)"),
                ("enb1", from, "ESP / 200 OK (MESSAGE)"),
            ]),
            "{from} -> {to}: {:#?}",
            r.ladder
        );
        assert_eq!(r.counter(from, "ims_messages_delivered"), 1, "{from}");
        assert_eq!(r.counter(to, "ims_messages_received"), 1, "{to}");
    }
    assert_eq!(r.counter("hss1", "lir"), 2);
    assert!(r.noted("alice received MESSAGE from sip:001010000000002@"));
    assert!(r.noted("bob received MESSAGE from sip:001010000000001@"));
}

#[test]
fn sms_over_ims_topology_sends_a_message_each_way() {
    let r = run("sms-over-ims.yaml");
    for name in ["alice", "bob"] {
        let u = r.ue(name);
        assert_eq!(u.outcome, Outcome::Reached, "{name}");
        assert_eq!(u.ims.as_ref().unwrap().state, "registered", "{name}");
        assert_eq!(r.counter(name, "ims_messages_delivered"), 1, "{name}");
        assert_eq!(r.counter(name, "ims_messages_received"), 1, "{name}");
    }
    assert_eq!(r.counter("hss1", "lir"), 2);
    let message = |from: &'static str, to: &'static str| {
        vec![
            (from, "enb1", "ESP / MESSAGE"),
            ("pcscf1", "scscf1", "MESSAGE"),
            ("scscf1", "icscf1", "MESSAGE"),
            ("icscf1", "hss1", "Location-Info-Request"),
            ("hss1", "icscf1", "Location-Info-Answer"),
            ("icscf1", "scscf1", "MESSAGE"),
            ("scscf1", "pcscf1", "MESSAGE"),
            ("enb1", to, "ESP / MESSAGE"),
            (to, "enb1", "ESP / 200 OK (MESSAGE)"),
            ("enb1", from, "ESP / 200 OK (MESSAGE)"),
        ]
    };
    let mut both = message("alice", "bob");
    both.extend(message("bob", "alice"));
    assert!(r.has_in_order(&both), "{:#?}", r.ladder);
    assert!(r.noted("alice received MESSAGE from sip:001010000000002@ims.mnc001.mcc001.3gppnetwork.org: hello alice"));
    assert!(r.noted(
        "bob received MESSAGE from sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org: hello bob"
    ));
}

#[test]
fn no_ipsec_topology_leaves_the_ue_silent_after_the_401() {
    let r = run("no-ipsec.yaml");
    let s = r.ue(UE);
    assert_eq!(
        failed_reason(s),
        "The UE got a 401 without Security-Server and stopped: it requires IPsec (the P-CSCF has ipsec: off)"
    );
    assert_eq!(s.emm, "EMM-REGISTERED");
    assert!(r.has_in_order(&[
        (UE, "enb1", "REGISTER"),
        ("pcscf1", "gw1", "401 Unauthorized (REGISTER)"),
    ]));
    // One REGISTER only, and nothing in ESP.
    let registers = r
        .ladder
        .iter()
        .filter(|(f, _, n)| f == UE && n.ends_with("REGISTER"))
        .count();
    assert_eq!(registers, 1, "{:#?}", r.ladder);
    assert!(!r.ladder.iter().any(|(_, _, n)| n.starts_with("ESP")));
    assert_eq!(r.counter("pcscf1", "sa_created"), 0);
    assert_eq!(r.counter(UE, "ims_no_security_server"), 1);
    assert!(r.noted("IPsec is off at this P-CSCF: the 401 goes without Security-Server"));
}

#[test]
fn ims_wrong_key_topology_attaches_then_ends_in_403_after_aka() {
    let r = run("ims-wrong-key.yaml");
    let s = r.ue(UE);
    // EPS AKA on the USIM worked: attached with both PDNs.
    assert_eq!(s.emm, "EMM-REGISTERED");
    assert_eq!(s.pdns.len(), 2);
    assert_eq!(r.counter(UE, "auth_mac_failure"), 0);
    assert_eq!(
        failed_reason(s),
        "403 Forbidden after AKA: Forbidden (the UE found the MAC of the 401's AUTN wrong: the network does not hold this USIM's key)"
    );
    assert_eq!(r.counter(UE, "ims_auth_mac_failure"), 1);
    assert_eq!(r.counter("scscf1", "ue_mac_failure"), 1);
    assert_eq!(r.counter("hss1", "mar"), 1, "no second challenge");
    assert!(
        r.has_in_order(&[
            ("scscf1", "hss1", "Multimedia-Auth-Request"),
            ("enb1", UE, "401 Unauthorized (REGISTER)"),
            (UE, "enb1", "REGISTER"),
            ("scscf1", "hss1", "Server-Assignment-Request"),
            ("enb1", UE, "403 Forbidden (REGISTER)"),
        ]),
        "{:#?}",
        r.ladder
    );
    assert!(r.noted("empty response and no auts"));
}

#[test]
fn unknown_impu_topology_gets_uaa_5001_then_403() {
    let r = run("unknown-impu.yaml");
    let s = r.ue(UE);
    assert_eq!(
        failed_reason(s),
        "403 Forbidden to the initial REGISTER: Forbidden"
    );
    assert_eq!(
        s.ims.as_ref().unwrap().impu,
        "sip:alice@ims.mnc001.mcc001.3gppnetwork.org"
    );
    assert!(
        r.has_in_order(&[
            ("icscf1", "hss1", "User-Authorization-Request"),
            ("hss1", "icscf1", "User-Authorization-Answer"),
            ("icscf1", "pcscf1", "403 Forbidden (REGISTER)"),
            ("enb1", UE, "403 Forbidden (REGISTER)"),
        ]),
        "{:#?}",
        r.ladder
    );
    assert_eq!(r.counter("hss1", "unknown_user"), 1);
    assert_eq!(r.counter("hss1", "mar"), 0, "no S-CSCF is asked");
    assert!(r.noted("5001"));
}

#[test]
fn ims_sqn_resync_topology_resynchronises_through_mar_and_registers() {
    let r = run("ims-sqn-resync.yaml");
    let s = r.ue(UE);
    assert_eq!(s.outcome, Outcome::Reached);
    assert_eq!(s.ims.as_ref().unwrap().state, "registered");
    assert_eq!(r.counter(UE, "auth_synch_failure"), 0, "EPS AKA is in step");
    assert_eq!(r.counter(UE, "ims_auth_sync_failure"), 1);
    assert_eq!(r.counter("scscf1", "resync"), 1);
    assert_eq!(r.counter("hss1", "resync"), 1);
    assert_eq!(r.counter("hss1", "mar"), 2);
    assert!(
        r.has_in_order(&[
            ("enb1", UE, "401 Unauthorized (REGISTER)"),
            (UE, "enb1", "REGISTER"),
            ("scscf1", "hss1", "Multimedia-Auth-Request"),
            ("hss1", "scscf1", "Multimedia-Auth-Answer"),
            ("enb1", UE, "401 Unauthorized (REGISTER)"),
            (UE, "enb1", "ESP / REGISTER"),
            ("enb1", UE, "ESP / 200 OK (REGISTER)"),
        ]),
        "{:#?}",
        r.ladder
    );
    assert!(r.noted("asked for resynchronisation"));
}

#[test]
fn admin_deregister_topology_sends_rtr_notify_and_the_ue_registers_again() {
    let r = run("admin-deregister.yaml");
    let s = r.ue(UE);
    assert_eq!(s.outcome, Outcome::Reached);
    assert_eq!(s.ims.as_ref().unwrap().state, "registered");
    assert_eq!(r.counter("hss1", "rtr"), 1);
    assert_eq!(r.counter("hss1", "rta"), 1);
    assert_eq!(r.counter(UE, "ims_registration_lost"), 1);
    assert_eq!(r.counter(UE, "ims_registered"), 2);
    let mut expected = ims_ladder(UE);
    expected.extend([
        ("hss1", "scscf1", "Registration-Termination-Request"),
        ("scscf1", "hss1", "Registration-Termination-Answer"),
        ("scscf1", "pcscf1", "NOTIFY"),
        ("enb1", UE, "ESP / NOTIFY"),
        (UE, "enb1", "ESP / 200 OK (NOTIFY)"),
    ]);
    expected.extend(ims_ladder(UE));
    assert!(r.has_in_order(&expected), "{:#?}", r.ladder);
    assert!(r.noted("the network terminated the registration"));
    // The SAs of the first registration went without a packet in the clear.
    assert_eq!(r.counter("pcscf1", "plain_to_protected_dropped"), 0);
    assert_eq!(r.counter("pcscf1", "esp_unknown_spi"), 0);
}

#[test]
fn no_isim_topology_registers_with_identities_derived_from_the_imsi() {
    let r = run("no-isim.yaml");
    let s = r.ue(UE);
    assert_eq!(s.outcome, Outcome::Reached);
    let ims = s.ims.as_ref().unwrap();
    assert_eq!(ims.state, "registered");
    assert!(ims.derived);
    assert_eq!(ims.impu, IMPU);
    assert_eq!(
        ims.impi,
        "001010000000001@ims.mnc001.mcc001.3gppnetwork.org"
    );
    assert!(r.noted("IMS identities derived from the IMSI (no ISIM; TS 23.003 13.3, 13.4B)"));
    let summary = r.tracker.summary();
    assert!(
        summary.contains("IMPI 001010000000001@ims.mnc001.mcc001.3gppnetwork.org (derived from the IMSI: no ISIM)"),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("IMS registered as {IMPU} via")),
        "{summary}"
    );
}

#[test]
fn no_pcscf_topology_opens_ims_pdn_but_says_no_pcscf() {
    let r = run("no-pcscf.yaml");
    let s = r.ue(UE);
    assert_eq!(
        failed_reason(s),
        "The PDN Connectivity Accept for ims carries no P-CSCF address: the gateway's ims APN has no p_cscf list"
    );
    let ims = s.pdns.iter().find(|p| p.apn == "ims").unwrap();
    assert!(ims.pcscf.is_empty());
    assert_eq!(ims.ipv4, v4(10, 46, 0, 2));
    assert!(r.noted("ims APN has no p_cscf configured"));
}

#[test]
fn no_second_bearer_topology_fails_the_ims_pdn() {
    let r = run("no-second-bearer.yaml");
    let s = r.ue(UE);
    assert_eq!(
        failed_reason(s),
        "no answer to PDN Connectivity Request for ims after 5 tries (T3482)"
    );
    assert_eq!(s.pdns.len(), 1, "only the default PDN is up");
    assert!(r.noted("refused: this eNB does not support a second default bearer"));
    assert!(r.has_in_order(&[
        (
            "mme1",
            "enb1",
            "E-RABSetupRequest / Activate Default EPS Bearer Context Request"
        ),
        ("enb1", "mme1", "E-RABSetupResponse"),
        ("mme1", "gw1", "Delete Session Request"),
    ]));
}

#[test]
fn wrong_key_topology_ends_in_authentication_reject() {
    let r = run("wrong-key.yaml");
    let s = r.ue(UE);
    assert_eq!(s.emm, "EMM-DEREGISTERED");
    assert_eq!(
        failed_reason(s),
        "network sent Authentication Reject after Authentication Failure #20 (MAC failure)"
    );
    assert_eq!(r.counter(UE, "auth_mac_failure"), 1);
    assert!(r.has_in_order(&[
        (
            "enb1",
            "mme1",
            "UplinkNASTransport / Authentication Failure"
        ),
        (
            "mme1",
            "enb1",
            "DownlinkNASTransport / Authentication Reject"
        ),
    ]));
    assert!(r.noted("differs from the USIM's"));
}

#[test]
fn sqn_resync_topology_resynchronises_and_attaches() {
    let r = run("sqn-resync.yaml");
    assert_eq!(r.only_ue().outcome, Outcome::Reached);
    assert_eq!(r.counter(UE, "auth_synch_failure"), 1);
    assert_eq!(r.counter("hss1", "resync"), 1);
    assert!(r.has_in_order(&[
        (
            "enb1",
            "mme1",
            "UplinkNASTransport / Authentication Failure"
        ),
        ("mme1", "hss1", "Authentication-Information-Request"),
        (
            "mme1",
            "enb1",
            "DownlinkNASTransport / Authentication Request"
        ),
        (
            "enb1",
            "mme1",
            "UplinkNASTransport / Authentication Response"
        ),
    ]));
}

#[test]
fn missing_ims_apn_topology_is_rejected_with_cause_27() {
    let r = run("missing-ims-apn.yaml");
    let s = r.ue(UE);
    assert_eq!(
        failed_reason(s),
        "PDN Connectivity Reject for ims: #27 missing or unknown APN"
    );
    assert_eq!(s.emm, "EMM-REGISTERED");
    assert!(r.has_in_order(&[(
        "mme1",
        "enb1",
        "DownlinkNASTransport / PDN Connectivity Reject"
    )]));
}

#[test]
fn ipv6_only_ims_topology_gets_ipv6_and_the_ipv6_pcscf_only() {
    let r = run("ipv6-only-ims.yaml");
    let s = r.only_ue();
    assert_eq!(s.outcome, Outcome::Reached);
    let ims = s.pdns.iter().find(|p| p.apn == "ims").unwrap();
    assert_eq!(ims.ipv4, None);
    assert!(ims.ipv6.is_some());
    assert_eq!(ims.pcscf, vec!["fd00:46::1".parse::<IpAddr>().unwrap()]);
}

#[test]
fn load_1k_topology_attaches_every_ue() {
    let r = run("load-1k.yaml");
    assert_eq!(r.tracker.ues(), 1000);
    assert_eq!(r.tracker.reached(), 1000);
    assert_eq!(r.counter("gw1", "sessions_active"), 2000);
}

#[test]
fn load_10k_topology_attaches_every_ue() {
    let topo = topology("load-10k.yaml");
    let opts = RunOptions {
        record_messages: false,
        ..RunOptions::default()
    };
    let tracker = run_sim(&topo, &opts, &mut |_| {});
    assert_eq!(tracker.ues(), 10_000);
    assert_eq!(tracker.reached(), 10_000);
}

#[test]
fn every_topology_file_has_a_test_here() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("topologies");
    let tested = [
        "default.yaml",
        "two-ues.yaml",
        "no-pcscf.yaml",
        "no-second-bearer.yaml",
        "wrong-key.yaml",
        "sqn-resync.yaml",
        "missing-ims-apn.yaml",
        "ipv6-only-ims.yaml",
        "load-1k.yaml",
        "load-10k.yaml",
        "no-ipsec.yaml",
        "ims-wrong-key.yaml",
        "unknown-impu.yaml",
        "ims-sqn-resync.yaml",
        "admin-deregister.yaml",
        "no-isim.yaml",
        "sms-over-ims.yaml",
    ];
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".yaml") {
            assert!(
                tested.contains(&name.as_str()),
                "{name} has no outcome test"
            );
        }
    }
}

fn volte_sim(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn run_command_prints_ladder_and_summary_and_exits_0_on_default() {
    let (code, out) = volte_sim(&["run", "topologies/default.yaml"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("enb1               -> mme1                S1-MME  S1SetupRequest"),
        "{out}"
    );
    assert!(out.contains("E-RABSetupRequest MME-UE=1 eNB-UE=1 E-RAB=6 QCI=5 / Activate Default EPS Bearer Context Request"));
    assert!(out.contains("Summary: 1 of 1 UEs reached their goal"));
    assert!(
        out.contains("        P-CSCF 10.46.0.1, fd00:46::1"),
        "{out}"
    );
}

#[test]
fn run_command_names_the_reason_and_exits_1_on_failure() {
    for (file, reason) in [
        ("topologies/no-pcscf.yaml", "carries no P-CSCF address"),
        ("topologies/no-second-bearer.yaml", "after 5 tries (T3482)"),
        ("topologies/wrong-key.yaml", "Authentication Reject"),
        (
            "topologies/missing-ims-apn.yaml",
            "#27 missing or unknown APN",
        ),
    ] {
        let (code, out) = volte_sim(&["run", "--quiet", file]);
        assert_eq!(code, Some(1), "{file}: {out}");
        assert!(out.contains("FAILED"), "{file}: {out}");
        assert!(out.contains(reason), "{file}: {out}");
        assert!(!out.contains(" -> "), "--quiet prints no ladder");
    }
}

#[test]
fn run_command_rejects_a_bad_topology_with_exit_2() {
    let (code, _) = volte_sim(&["run", "no-such-file.yaml"]);
    assert_eq!(code, Some(2));
}
