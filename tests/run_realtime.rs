//! The tokio shells drive the same nodes as the simulator: the default
//! topology attaches through actors (one per network node, one for the UEs),
//! on a paused clock here so the test is deterministic and fast, and through
//! the binary's `--realtime` on the wall clock.

use std::process::Command;
use volte_sim::nodes::Outcome;
use volte_sim::run::{RunOptions, run_actors};
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
    // The same 42 messages as on the simulator (the attach, and the Cx
    // capabilities exchanges of the I-CSCF and S-CSCF).
    assert_eq!(messages, 42);
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
}
