//! The session's effects on the simulator and the files: commands reach
//! the UE, added UEs attach, restart starts over (the pcap too), export
//! writes exactly the shown messages, pause stops time.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use volte_sim::nodes::{Iface, Outcome};
use volte_sim::tui::action::{Action, UeAction};
use volte_sim::tui::app::PromptKind;
use volte_sim::tui::engine::Speed;
use volte_sim::tui::session::{Session, SessionOptions};

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("volte-sim-{}-{name}", std::process::id()))
}

fn session(name: &str, pcap: Option<PathBuf>) -> Session {
    let topo = volte_sim::topology::load_from_path(format!("topologies/{name}.yaml"))
        .unwrap()
        .topology;
    Session::new(
        topo,
        &SessionOptions {
            pcap,
            paused: false,
            speed: Speed::Factor(1.0),
        },
    )
    .unwrap()
}

fn run_for(s: &mut Session, secs: u64) {
    s.tick(
        Duration::from_secs(secs),
        Instant::now() + Duration::from_secs(60),
    );
}

fn records(path: &PathBuf) -> usize {
    let b = std::fs::read(path).unwrap();
    let mut at = 24;
    let mut n = 0;
    while at + 16 <= b.len() {
        at += 16 + u32::from_le_bytes(b[at + 8..at + 12].try_into().unwrap()) as usize;
        n += 1;
    }
    n
}

#[test]
fn tui_session_pauses_time_and_sends_a_detach() {
    let mut s = session("default", None);
    s.act(Action::TogglePause);
    assert!(s.app.paused);
    run_for(&mut s, 5);
    assert_eq!(s.app.events, 0);
    s.act(Action::TogglePause);
    run_for(&mut s, 1);
    let ue = s.app.ue_ids[0];
    assert_eq!(s.app.ues[&ue].emm, "EMM-REGISTERED");
    s.act(Action::Ue(UeAction::Detach));
    run_for(&mut s, 1);
    assert_eq!(s.app.ues[&ue].emm, "EMM-DEREGISTERED");
    assert!(s.app.rows.iter().any(|r| {
        r.described()
            .is_some_and(|d| d.name.contains("Detach Request"))
    }));
}

#[test]
fn tui_session_adds_ues_that_attach() {
    let mut s = session("default", None);
    s.act(Action::Prompt(PromptKind::AddUes));
    s.act(Action::Erase);
    s.act(Action::Erase);
    s.act(Action::Input('3'));
    s.act(Action::Submit);
    assert_eq!(s.app.ue_ids.len(), 4);
    assert_eq!(s.engine.topology().subscribers.len(), 4);
    assert!(s.app.toast.as_deref().unwrap().contains("added 3 UEs"));
    run_for(&mut s, 2);
    assert_eq!(s.app.reached, 4);
    assert!(
        s.app
            .ues
            .values()
            .all(|u| u.outcome == Outcome::Reached && u.pdns.len() == 2)
    );
}

#[test]
fn tui_session_restart_starts_over_with_a_new_pcap() {
    let pcap = temp("restart.pcap");
    let mut s = session("default", Some(pcap.clone()));
    run_for(&mut s, 2);
    let first = s.pcap_frames();
    assert_eq!(first, s.non_uu_messages());
    assert!(first > 20);
    s.act(Action::Restart);
    assert_eq!(s.app.messages, 0);
    assert_eq!(s.pcap_frames(), 0);
    s.act(Action::Step);
    s.act(Action::Step);
    assert_eq!(s.app.messages, 2);
    let n = s.pcap_frames();
    s.finish().unwrap();
    assert_eq!(records(&pcap), n as usize);
    let _ = std::fs::remove_file(&pcap);
}

#[test]
fn tui_session_exports_the_shown_messages() {
    let mut s = session("default", None);
    run_for(&mut s, 2);
    s.act(Action::Prompt(PromptKind::Filter));
    for c in "iface:S11".chars() {
        s.act(Action::Input(c));
    }
    s.act(Action::Submit);
    let shown = (0..s.app.rows.len())
        .filter(|i| s.app.rows.at(*i).and_then(|r| r.iface()) == Some(Iface::S11))
        .count();
    assert!(shown >= 8, "{shown}");
    let out = temp("shown.pcap");
    s.act(Action::Prompt(PromptKind::Export));
    s.app.prompt.as_mut().unwrap().input = out.display().to_string();
    s.act(Action::Submit);
    assert!(
        s.app
            .toast
            .as_deref()
            .unwrap()
            .starts_with(&format!("wrote {shown} frames")),
        "{:?}",
        s.app.toast
    );
    assert_eq!(records(&out), shown);
    let _ = std::fs::remove_file(&out);
}
