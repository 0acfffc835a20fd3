//! Screens of the terminal UI drawn into ratatui's `TestBackend` at 80x24
//! and 160x48, from deterministic runs (the simulator's virtual time; no
//! wall-clock text in any frame). Each test asserts what the screen says
//! (ladder lines, the highlighted P-CSCF address and its bytes, the
//! explanation) and keeps an insta snapshot of the whole frame.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use volte_sim::nodes::Iface;
use volte_sim::tui::action::Action;
use volte_sim::tui::rows::Row;
use volte_sim::tui::session::{Session, SessionOptions};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn session(name: &str) -> Session {
    let topo = volte_sim::topology::load_from_path(format!("topologies/{name}.yaml"))
        .unwrap()
        .topology;
    Session::new(
        topo,
        &SessionOptions {
            paused: true,
            ..SessionOptions::default()
        },
    )
    .unwrap()
}

fn summary(r: &Row) -> String {
    r.described().map(|d| d.summary.clone()).unwrap_or_default()
}

/// Steps until the newest message matches; returns how many steps it took.
fn step_until(s: &mut Session, want: impl Fn(&Row) -> bool) -> usize {
    for i in 1..=500 {
        s.act(Action::Step);
        let newest = s
            .app
            .rows
            .iter()
            .rev()
            .find(|r| r.message().is_some())
            .expect("a message");
        if want(newest) {
            return i;
        }
    }
    panic!("no such message within 500 steps");
}

/// Steps until an explanation appears.
fn step_until_explained(s: &mut Session) {
    for _ in 0..500 {
        s.act(Action::Step);
        if !s.app.explainer.list.is_empty() {
            return;
        }
    }
    panic!("no explanation within 500 steps");
}

fn draw(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| s.draw(f)).unwrap();
    t
}

fn lines(t: &Terminal<TestBackend>) -> Vec<String> {
    let b = t.backend().buffer();
    (0..b.area.height)
        .map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect())
        .collect()
}

/// Where `needle` starts on screen (cells hold one character each here).
fn find(t: &Terminal<TestBackend>, needle: &str) -> Option<(u16, u16)> {
    lines(t).iter().enumerate().find_map(|(y, l)| {
        let chars: Vec<char> = l.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        chars
            .windows(n.len())
            .position(|w| w == n.as_slice())
            .map(|x| (x as u16, y as u16))
    })
}

/// The hex pairs drawn with the highlight of the field under the cursor.
fn highlighted_hex(t: &Terminal<TestBackend>) -> String {
    let b = t.backend().buffer();
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            let c = &b[(x, y)];
            if c.bg == Color::LightCyan {
                out.push_str(c.symbol());
            }
        }
    }
    out
}

fn has_line(t: &Terminal<TestBackend>, parts: &[&str]) -> bool {
    let ok = lines(t).iter().any(|l| parts.iter().all(|p| l.contains(p)));
    if !ok {
        eprintln!("no line with {parts:?} in:\n{}", lines(t).join("\n"));
    }
    ok
}

#[test]
fn tui_step_mode_shows_the_ims_bearer_request_with_its_pcscf_highlighted() {
    let mut s = session("default");
    let steps = step_until(&mut s, |r| {
        r.iface() == Some(Iface::S1Mme)
            && summary(r).contains("Activate Default EPS Bearer Context Request")
            && summary(r).contains("APN ims")
    });
    // Step mode hands out exactly one message per step.
    assert_eq!(s.app.messages, steps as u64);
    s.act(Action::Open);
    for (w, h) in SIZES {
        let t = draw(&mut s, w, h);
        // Title: paused, virtual time, message count.
        assert!(has_line(
            &t,
            &["PAUSED", "t=0.023 s", &format!("{steps} msgs")]
        ));
        // Ladder: lanes and the arrow from the MME to the eNB.
        assert!(has_line(&t, &["UE", "mme1", "hss1"]));
        assert!(has_line(
            &t,
            &["│◀", "┤", "[S1-MME] ", "Activate Default EPS Bearer"]
        ));
        assert!(has_line(
            &t,
            &["0.022", "│◀─", "─┤", "Create Session Response"]
        ));
        if h >= 48 {
            assert!(has_line(
                &t,
                &["0.019", "├─", "─▶│", "PDN Connectivity Request"]
            ));
            assert!(has_line(
                &t,
                &["0.003", "├", "▶│", "Authentication-Information-Request"]
            ));
        }
        // The info line names the interface and the peers.
        assert!(has_line(&t, &["mme1 → enb1 S1-MME", "E-RABSetupRequest"]));
        // Detail: the P-CSCF address container, highlighted, under the cursor.
        let (x, y) = find(&t, "P-CSCF IPv4 Address: 10.46.0.1").expect("the P-CSCF line");
        let cell = &t.backend().buffer()[(x + 21, y)];
        assert_eq!(cell.symbol(), "1");
        assert_eq!(cell.bg, Color::Yellow);
        assert!(find(&t, "P-CSCF IPv6 Address: fd00:46::1").is_some());
        // Its bytes in the hex: container 0x000C, length 4, 10.46.0.1.
        assert_eq!(highlighted_hex(&t), "000c040a2e0001");
        assert!(has_line(&t, &["bytes 83..90 of 138"]));
        insta::assert_snapshot!(format!("default_step_{w}x{h}"), t.backend());
    }
}

#[test]
fn tui_explains_a_missing_pcscf_and_jumps_to_the_bearer_request() {
    let mut s = session("no-pcscf");
    step_until_explained(&mut s);
    // It jumped: the selected message is the S1 E-RAB Setup Request for ims.
    let sel = s.app.selected.and_then(|q| s.app.rows.get(q)).unwrap();
    assert_eq!(sel.iface(), Some(Iface::S1Mme));
    assert!(summary(sel).starts_with("E-RABSetupRequest"));
    assert!(summary(sel).contains("APN ims"));
    assert!(s.app.detail_open);
    for (w, h) in SIZES {
        let t = draw(&mut s, w, h);
        let screen = lines(&t).join("\n");
        assert!(has_line(&t, &["Why it failed (1/1)", "ue-001010000000001"]));
        assert!(has_line(
            &t,
            &["The PDN Connectivity Accept for ims carries no P-CSCF address"]
        ));
        assert!(
            screen.contains("give the ims APN a p_cscf list"),
            "{screen}"
        );
        assert!(has_line(
            &t,
            &["e → #", "the Activate Default EPS Bearer Context Request"]
        ));
        // The detail opens on the PCO, which has DNS but no P-CSCF.
        assert!(has_line(&t, &["Protocol configuration options"]));
        assert!(has_line(&t, &["DNS Server IPv4 Address: 10.46.0.53"]));
        assert!(!screen.contains("P-CSCF IPv4 Address"));
        // The target row is marked in the ladder.
        assert!(has_line(&t, &["!", "0.023", "Activate Default EPS Bearer"]));
        if w >= 120 {
            assert!(has_line(&t, &["P-CSCF none"]));
            assert!(has_line(&t, &["FAILED: The PDN Connectivity Accept"]));
        }
        insta::assert_snapshot!(format!("no_pcscf_{w}x{h}"), t.backend());
    }
}

#[test]
fn tui_explains_a_wrong_key_and_jumps_to_the_authentication_failure() {
    let mut s = session("wrong-key");
    step_until_explained(&mut s);
    let sel = s.app.selected.and_then(|q| s.app.rows.get(q)).unwrap();
    assert_eq!(sel.iface(), Some(Iface::S1Mme));
    assert!(
        summary(sel).contains("Authentication Failure"),
        "{}",
        summary(sel)
    );
    for (w, h) in SIZES {
        let t = draw(&mut s, w, h);
        let screen = lines(&t).join("\n");
        assert!(has_line(&t, &["Why it failed"]));
        assert!(screen.contains("Mutual authentication failed"), "{screen}");
        assert!(screen.contains("EMM cause #20 (MAC failure)"), "{screen}");
        assert!(has_line(&t, &["Detail #", "S1-MME enb1 → mme1"]));
        assert!(has_line(&t, &["Authentication Failure"]));
        assert!(has_line(&t, &["UEs 0/1 ok, 1 failed"]));
        insta::assert_snapshot!(format!("wrong_key_{w}x{h}"), t.backend());
    }
}

#[test]
fn tui_help_overlay_lists_the_keys() {
    let mut s = session("default");
    s.act(Action::Help);
    for (w, h) in SIZES {
        let t = draw(&mut s, w, h);
        assert!(has_line(&t, &["Keys (any key closes)"]));
        assert!(has_line(&t, &["space", "pause / resume"]));
        assert!(has_line(&t, &["s", "step one message"]));
        assert!(has_line(&t, &["h", "HSS de-registers (RTR)"]));
        assert!(has_line(&t, &["?", "this help"]));
    }
}
