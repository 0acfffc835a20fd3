//! The tokio shells drive the same nodes as the simulator: the default
//! topology attaches and registers to IMS through actors (one per network node, one for the UEs),
//! on a paused clock here so the test is deterministic and fast, and through
//! the binary's `--realtime` on the wall clock.

use std::process::Command;
use volte_sim::nodes::Outcome;
use volte_sim::run::{RunOptions, run_actors, run_sim};
use volte_sim::topology::load_from_path;

#[tokio::test(start_paused = true)]
async fn actors_attach_the_default_ue_like_the_simulator() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("topologies/default.yaml");
    let topo = load_from_path(&path).unwrap().topology;
    let mut messages = 0;
    let tracker = run_actors(&topo, &RunOptions::default(), &mut |e| {
        if matches!(e, volte_sim::events::event::Event::Message(_)) {
            messages += 1;
        }
    })
    .await;
    let (ue, _) = topo.ues().next().unwrap();
    let s = tracker.status(ue).unwrap();
    assert_eq!(s.outcome, Outcome::Reached);
    assert_eq!(s.pdns[1].pcscf.len(), 2);
    let ims = s.ims.as_ref().expect("an IMS registration");
    assert_eq!(ims.state, "registered");
    // The same messages as on the simulator, in number and in kind: the
    // attach, the IMS PDN, TCP and SIP through GTP-U and ESP, Cx.
    let sim = run_sim(&topo, &RunOptions::default(), &mut |_| {});
    assert_eq!(messages, sim.messages());
    assert!(messages > 100, "{messages}");
}

#[test]
fn realtime_run_command_attaches_on_the_wall_clock() {
    let out = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--realtime", "--quiet", "topologies/two-ues.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Summary: 2 of 2 UEs reached their goal"),
        "{text}"
    );
    assert!(text.contains(" s on the wall clock)"), "{text}");
}
