//! `volte-sim decode` run as a user would: one reference message of each
//! protocol, from the command line, stdin and a file; and bad input.

mod common;

use common::flow_ref;
use std::io::Write;
use std::process::{Command, Stdio};

fn volte_sim() -> Command {
    Command::new(env!("CARGO_BIN_EXE_volte-sim"))
}

fn decode(proto: &str, name: &str) -> String {
    let hex = flow_ref(name)["hex"].as_str().unwrap();
    let out = volte_sim()
        .args(["decode", "--proto", proto, hex])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn decode_prints_a_tree_for_every_protocol() {
    let s1ap = decode("s1ap", "s1ap_erab_setup_request_ims");
    assert!(s1ap.contains("S1AP E-RABSetupRequest"), "{s1ap}");
    assert!(s1ap.contains("P-CSCF IPv4 Address: 10.46.0.1"), "{s1ap}");
    let nas = decode("nas", "nas_attach_request");
    assert!(nas.contains("Attach Request"), "{nas}");
    assert!(nas.contains("001010000000001"), "{nas}");
    let gtpc = decode("gtpv2c", "gtpv2c_create_session_response");
    assert!(gtpc.contains("Create Session Response"), "{gtpc}");
    assert!(gtpc.contains("10.46.0.2"), "{gtpc}");
    let gtpu = decode("gtpu", "gtpu_gpdu_sip_syn");
    assert!(gtpu.contains("10.46.0.1"), "{gtpu}");
    let dia = decode("diameter", "cx_maa");
    assert!(dia.contains("SIP-Auth-Data-Item"), "{dia}");
    assert!(dia.contains("Digest-AKAv1-MD5"), "{dia}");
}

#[test]
fn decode_prints_ip_esp_and_icmpv6_trees() {
    // The IP packet inside the reference G-PDU (after its 8-octet header).
    let gpdu = flow_ref("gtpu_gpdu_sip_syn")["hex"].as_str().unwrap();
    let run = |proto: &str, hex: &str| {
        let out = volte_sim()
            .args(["decode", "--proto", proto, hex])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{proto}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let ip = run("ip", &gpdu[16..]);
    assert!(
        ip.contains("TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060"),
        "{ip}"
    );
    assert!(ip.contains("Destination Port: 5060"), "{ip}");
    let esp = run("esp", "00001b590000000100");
    assert!(esp.contains("SPI: 0x00001b59"), "{esp}");
    // Router Advertisement for fd00:46::/64 (checksum for fe80::1 -> ff02::1).
    let ra = run(
        "icmpv6",
        "8600d85b40002328000000000000000003044040ffffffffffffffff00000000fd000046000000000000000000000000",
    );
    assert!(ra.contains("Router Advertisement fd00:46::/64"), "{ra}");
    assert!(ra.contains("Autonomous (A): 1"), "{ra}");
}

#[test]
fn decode_reads_stdin_and_files() {
    let hex = flow_ref("diameter_cer")["hex"].as_str().unwrap();
    let mut child = volte_sim()
        .args(["decode", "--proto", "diameter", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(hex.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("mme.epc.mnc001.mcc001.3gppnetwork.org"));

    let dir = std::env::temp_dir().join(format!("volte-sim-decode-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let raw = dir.join("pdu.bin");
    std::fs::write(&raw, volte_sim::codec::parse_hex(hex).unwrap()).unwrap();
    let out = volte_sim()
        .args(["decode", "--proto", "diameter", "--file"])
        .arg(&raw)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Capabilities-Exchange"));
}

#[test]
fn decode_reports_bad_input_without_panicking() {
    let out = volte_sim()
        .args(["decode", "--proto", "nas", "zz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a hex byte"));
    let out = volte_sim()
        .args(["decode", "--proto", "s1ap", "ff00"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("S1AP"), "{err}");
    assert!(err.contains("bytes: ff00"), "{err}");
}
