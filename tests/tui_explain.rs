//! Every teaching topology gets its explanation: each runs headless through
//! the UI's session, and the explanation panel must name the right rule and
//! point at the message that shows it (found in the ladder). The ordinary
//! topologies get no failure explanation.

use std::time::{Duration, Instant};
use volte_sim::nodes::Iface;
use volte_sim::tui::action::Action;
use volte_sim::tui::engine::Speed;
use volte_sim::tui::explain::{RULES, Severity};
use volte_sim::tui::session::{Session, SessionOptions};

fn run(name: &str) -> Session {
    let topo = volte_sim::topology::load_from_path(format!("topologies/{name}.yaml"))
        .unwrap()
        .topology;
    let mut s = Session::new(
        topo,
        &SessionOptions {
            speed: Speed::Factor(1000.0),
            ..SessionOptions::default()
        },
    )
    .unwrap();
    let far = || Instant::now() + Duration::from_secs(60);
    for _ in 0..1000 {
        s.tick(Duration::from_millis(100), far());
        if s.tracker.all_finished() {
            break;
        }
    }
    assert!(s.tracker.all_finished(), "{name} did not finish");
    s.app.speed = Speed::Factor(1.0);
    s.tick(Duration::from_secs(1), far());
    s
}

/// The explanation of rule `topic`: its severity, the interface and the
/// summary of the message it points at.
fn explained(s: &Session, topic: &str) -> (Severity, Iface, String) {
    let e = s
        .app
        .explainer
        .list
        .iter()
        .find(|e| e.rule.is_some_and(|r| RULES[r].topic == topic))
        .unwrap_or_else(|| {
            panic!(
                "no '{topic}' explanation; got {:?}",
                s.app
                    .explainer
                    .list
                    .iter()
                    .map(|e| e.rule.map(|r| RULES[r].topic))
                    .collect::<Vec<_>>()
            )
        });
    let row = e
        .target
        .and_then(|q| s.app.rows.get(q))
        .expect("the explanation points at a message");
    let d = row.described().unwrap();
    (e.severity, row.iface().unwrap(), d.summary.clone())
}

#[test]
fn tui_explains_no_pcscf_at_the_ims_bearer_request() {
    let s = run("no-pcscf");
    let (sev, iface, summary) = explained(&s, "no-pcscf");
    assert_eq!((sev, iface), (Severity::Failure, Iface::S1Mme));
    assert!(summary.starts_with("E-RABSetupRequest"), "{summary}");
    assert!(summary.contains("APN ims"), "{summary}");
}

#[test]
fn tui_explains_no_second_bearer_at_the_failed_erab() {
    let s = run("no-second-bearer");
    let (sev, iface, summary) = explained(&s, "no-second-bearer");
    assert_eq!((sev, iface), (Severity::Failure, Iface::S1Mme));
    assert!(summary.starts_with("E-RABSetupResponse"), "{summary}");
    assert!(summary.contains("E-RAB=6 failed"), "{summary}");
    // The specific rule wins over the general T3482 one.
    assert!(
        !s.app
            .explainer
            .list
            .iter()
            .any(|e| e.rule.is_some_and(|r| RULES[r].topic == "T3482"))
    );
}

#[test]
fn tui_explains_a_wrong_key_at_the_mac_failure() {
    let s = run("wrong-key");
    let (sev, iface, summary) = explained(&s, "wrong-key");
    assert_eq!((sev, iface), (Severity::Failure, Iface::S1Mme));
    assert!(
        summary.contains("Authentication Failure (MAC failure (20))"),
        "{summary}"
    );
}

#[test]
fn tui_explains_sqn_resync_at_the_synch_failure() {
    let s = run("sqn-resync");
    let (sev, iface, summary) = explained(&s, "sqn-resync");
    assert_eq!((sev, iface), (Severity::Info, Iface::S1Mme));
    assert!(summary.contains("Authentication Failure"), "{summary}");
    assert!(summary.contains("21"), "{summary}");
    assert_eq!(s.app.failed, 0);
}

#[test]
fn tui_explains_missing_ims_apn_at_the_reject() {
    let s = run("missing-ims-apn");
    let (sev, iface, summary) = explained(&s, "missing-ims-apn");
    assert_eq!((sev, iface), (Severity::Failure, Iface::S1Mme));
    assert!(summary.contains("PDN Connectivity Reject"), "{summary}");
}

#[test]
fn tui_explains_ipv6_only_ims_at_the_bearer_request() {
    let s = run("ipv6-only-ims");
    let (sev, iface, summary) = explained(&s, "ipv6-only-ims");
    assert_eq!((sev, iface), (Severity::Info, Iface::S1Mme));
    assert!(summary.contains("APN ims"), "{summary}");
    assert!(summary.contains("IPv6"), "{summary}");
}

#[test]
fn tui_finds_nothing_to_explain_in_ordinary_runs() {
    for name in ["default", "two-ues"] {
        let s = run(name);
        assert_eq!(s.app.failed, 0, "{name}");
        assert!(
            s.app
                .explainer
                .list
                .iter()
                .all(|e| e.severity == Severity::Info),
            "{name}: {:?}",
            s.app.explainer.list
        );
    }
}

#[test]
fn tui_explain_key_jumps_to_the_message_and_opens_it() {
    let mut s = run("missing-ims-apn");
    // The first failure already jumped once; move away and jump again.
    s.act(Action::Top);
    s.act(Action::Back);
    s.act(Action::Back);
    assert!(!s.app.detail_open);
    s.act(Action::Explain);
    let target = s.app.explainer.list[s.app.explain_at].target;
    assert_eq!(s.app.selected, target);
    assert!(s.app.detail_open);
    assert!(!s.app.follow);
}

/// The SIP or Diameter message an IMS explanation points at: (interface,
/// summary), for the teaching topologies of the IMS registration.
fn ims_case(name: &str, topic: &str, severity: Severity) -> (Session, Iface, String) {
    let s = run(name);
    let (sev, iface, summary) = explained(&s, topic);
    assert_eq!(sev, severity, "{name}");
    (s, iface, summary)
}

#[test]
fn tui_explains_no_ipsec_at_the_401_without_security_server() {
    let (s, iface, summary) = ims_case("no-ipsec", "no-ipsec", Severity::Failure);
    assert_eq!(iface, Iface::Mw);
    assert!(
        summary.starts_with("401 Unauthorized (REGISTER)"),
        "{summary}"
    );
    assert_eq!(s.app.failed, 1);
}

#[test]
fn tui_explains_an_ims_wrong_key_at_the_403_after_the_challenge() {
    let (s, iface, summary) = ims_case("ims-wrong-key", "ims-wrong-key", Severity::Failure);
    assert_eq!(iface, Iface::Mw);
    assert!(summary.starts_with("403 Forbidden (REGISTER)"), "{summary}");
    let e = s
        .app
        .explainer
        .list
        .iter()
        .find(|e| e.severity == Severity::Failure)
        .unwrap();
    assert!(e.text.contains("found it wrong"), "{}", e.text);
    assert!(e.text.contains("ISIM"), "{}", e.text);
}

#[test]
fn tui_explains_an_unknown_impu_at_the_uaa_with_5001() {
    let (_, iface, summary) = ims_case("unknown-impu", "unknown-impu", Severity::Failure);
    assert_eq!(iface, Iface::Cx);
    assert!(summary.starts_with("UAA"), "{summary}");
    assert!(summary.contains("5001"), "{summary}");
}

#[test]
fn tui_explains_an_ims_resync_at_the_register_with_auts() {
    let (s, iface, summary) = ims_case("ims-sqn-resync", "ims-sqn-resync", Severity::Info);
    assert_eq!(iface, Iface::Mw);
    assert!(summary.contains("REGISTER"), "{summary}");
    assert_eq!(s.app.failed, 0);
}

#[test]
fn tui_explains_an_administrative_deregistration_at_the_rtr() {
    let (s, iface, summary) = ims_case("admin-deregister", "admin-deregister", Severity::Info);
    assert_eq!(iface, Iface::Cx);
    assert!(summary.starts_with("RTR"), "{summary}");
    assert_eq!(s.app.failed, 0);
}

#[test]
fn tui_explains_derived_identities_at_the_first_register() {
    let (_, iface, summary) = ims_case("no-isim", "no-isim", Severity::Info);
    assert_eq!(iface, Iface::Mw);
    assert!(
        summary.contains("REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org"),
        "{summary}"
    );
}

#[test]
fn tui_explains_sms_over_ims_at_the_message() {
    let (s, iface, summary) = ims_case("sms-over-ims", "sms-over-ims", Severity::Info);
    assert_eq!(iface, Iface::Mw);
    assert!(
        summary.contains("MESSAGE sip:001010000000002@"),
        "{summary}"
    );
    assert_eq!(s.app.failed, 0);
}
