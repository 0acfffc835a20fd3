//! The default run's pcap and JSON log: tshark reads every frame with no
//! malformed packet or expert error, finds the P-CSCF addresses in the
//! Activate Default EPS Bearer Context Request of the ims PDN and the APN ims
//! in the PDN Connectivity Request; the JSON log has one line per event.

mod common;

use common::{assert_no_malformed_or_expert_error, have_tool, tshark_fields, tshark_text};
use std::process::Command;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("volte-sim-run-pcap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run_default(pcap: &std::path::Path, json: &std::path::Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "topologies/default.yaml", "--pcap"])
        .arg(pcap)
        .arg("--json")
        .arg(json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn default_run_pcap_passes_tshark_with_pcscf_and_apn() {
    if !have_tool(
        "tshark",
        "default_run_pcap_passes_tshark_with_pcscf_and_apn",
    ) {
        return;
    }
    let (pcap, json) = (temp("default.pcap"), temp("default.jsonl"));
    run_default(&pcap, &json);
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "nas_eps.nas_msg_esm_type",
        "gsm_a.gm.sm.apn",
        "gsm_a.gm.sm.pco.pcscf.ipv4",
        "gsm_a.gm.sm.pco.pcscf.ipv6",
    ];
    let rows = tshark_fields(&pcap, &fields, &[]);
    let text = tshark_text(&rows);
    assert!(rows.len() >= 28, "{text}");
    assert_no_malformed_or_expert_error(&rows, &fields);
    // Activate Default EPS Bearer Context Request of the ims PDN.
    let act = rows
        .iter()
        .find(|r| r[3].split(',').any(|t| t == "0xc1") && r[4] == "ims")
        .expect("an Activate Default EPS Bearer Context Request for ims");
    assert_eq!(act[5], "10.46.0.1");
    assert_eq!(act[6], "fd00:46::1");
    // The UE's PDN Connectivity Request names the APN ims.
    assert!(
        rows.iter()
            .any(|r| r[3].split(',').any(|t| t == "0xd0") && r[4] == "ims"),
        "{text}"
    );
    // Every message of the run is in the JSON log; every non-radio one in the pcap.
    let log = std::fs::read_to_string(&json).unwrap();
    let messages: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "message")
        .collect();
    let wired = messages.iter().filter(|v| v["iface"] != "Uu").count();
    assert_eq!(
        wired,
        rows.len(),
        "pcap frames = non-radio messages in the log"
    );
    assert!(messages.iter().any(|v| v["name"]
        == "E-RABSetupRequest / Activate Default EPS Bearer Context Request"
        && v["imsi"] == "001010000000001"));
    std::fs::remove_dir_all(pcap.parent().unwrap()).ok();
}
