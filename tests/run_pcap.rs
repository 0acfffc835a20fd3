//! The default run's pcap and JSON log: tshark reads every frame with no
//! malformed packet or expert error, finds the P-CSCF addresses in the
//! Activate Default EPS Bearer Context Request of the ims PDN and the APN ims
//! in the PDN Connectivity Request, SIP inside GTP-U, ESP with NULL
//! encryption down to SIP, and Diameter Cx with its AVPs by name; the JSON
//! log has one line per event. With AES-CBC the run writes an `esp_sa` file
//! beside the pcap with which tshark decrypts the ESP; the keys appear
//! nowhere else.

mod common;

use common::{assert_no_malformed_or_expert_error, have_tool, tshark_fields, tshark_text};
use std::process::Command;

/// A file in a folder of its own per test (named after the file's stem):
/// tests run in parallel and each removes its folder.
fn temp(name: &str) -> std::path::PathBuf {
    let stem = name.split('.').next().unwrap_or(name);
    let dir =
        std::env::temp_dir().join(format!("volte-sim-run-pcap-{}-{stem}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run_default(pcap: &std::path::Path, json: &std::path::Path) {
    run_file(
        std::path::Path::new("topologies/default.yaml"),
        pcap,
        json,
        false,
    );
}

/// Runs a topology file; returns (stdout, stderr).
fn run_file(
    file: &std::path::Path,
    pcap: &std::path::Path,
    json: &std::path::Path,
    ladder: bool,
) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_volte-sim"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).arg("run");
    if !ladder {
        cmd.arg("--quiet");
    }
    let out = cmd
        .arg(file)
        .arg("--pcap")
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
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// Cells of column `i` that are not empty.
fn column(rows: &[Vec<String>], i: usize) -> impl Iterator<Item = &str> {
    rows.iter()
        .map(move |r| r[i].as_str())
        .filter(|c| !c.is_empty())
}

#[test]
fn default_run_pcap_shows_sip_in_gtpu_null_esp_and_cx_by_avp_name() {
    if !have_tool(
        "tshark",
        "default_run_pcap_shows_sip_in_gtpu_null_esp_and_cx_by_avp_name",
    ) {
        return;
    }
    let (pcap, json) = (temp("ims.pcap"), temp("ims.jsonl"));
    run_default(&pcap, &json);
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "sip.Method",
        "sip.Status-Code",
        "esp.spi",
        "diameter.cmd.code",
        "diameter.flags.request",
        "diameter.applicationId",
        "diameter.Public-Identity",
        "diameter.User-Name",
        "diameter.Server-Name",
        "diameter.3GPP-SIP-Authentication-Scheme",
        "diameter.3GPP-SIP-Number-Auth-Items",
        "diameter.Server-Assignment-Type",
        "diameter.Experimental-Result-Code",
        "diameter.Result-Code",
    ];
    let rows = tshark_fields(
        &pcap,
        &fields,
        &["esp.enable_null_encryption_decode_heuristic:TRUE"],
    );
    let text = tshark_text(&rows);
    assert_no_malformed_or_expert_error(&rows, &fields);
    let has = |stack: &str, method: &str, status: &str| {
        rows.iter().any(|r| {
            r[0].ends_with(stack)
                && (method.is_empty() || r[3] == method)
                && (status.is_empty() || r[4] == status)
        })
    };
    // SIP inside GTP-U (S1-U), plain and in ESP. (Each user-plane packet
    // is captured twice, in GTP-U on S1-U and raw on SGi; tshark's TCP
    // analysis calls the second copy a retransmission and leaves its SIP
    // undissected, so each message reads as SIP on its first hop.)
    assert!(has("udp:gtp:ip:tcp:sip", "REGISTER", ""), "{text}");
    assert!(has("ip:tcp:sip", "", "401"), "{text}");
    assert!(has("udp:gtp:ip:esp:tcp:sip", "REGISTER", ""), "{text}");
    // ESP with NULL encryption read down to SIP, on SGi and on S1-U.
    assert!(has("ip:esp:tcp:sip", "", "200"), "{text}");
    assert!(has("ip:esp:tcp:sip:xml", "NOTIFY", ""), "{text}");
    let spis: std::collections::BTreeSet<&str> = column(&rows, 5).collect();
    assert_eq!(spis.len(), 4, "two SA pairs: {spis:?}");
    // Mw as SIP over UDP.
    assert!(has("ip:udp:sip", "REGISTER", ""), "{text}");
    // Cx: every message of application 16777216 (3GPP Cx).
    let cx: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[8] == "16777216" && r[6] != "257" && r[6] != "280")
        .collect();
    let cmd = |code: &str, request: bool| {
        cx.iter()
            .find(|r| r[6] == code && (r[7] == "1") == request)
            .unwrap_or_else(|| panic!("no Cx {code} request={request}:\n{text}"))
    };
    const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    const SCSCF: &str = "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060";
    let uar = cmd("300", true);
    assert_eq!((uar[9].as_str(), uar[10].as_str()), (IMPU, IMPI));
    let uaa = cmd("300", false);
    assert_eq!(uaa[11], SCSCF);
    assert_eq!(uaa[15], "2001", "DIAMETER_FIRST_REGISTRATION: {text}");
    let mar = cmd("303", true);
    assert_eq!(mar[12], "Digest-AKAv1-MD5");
    assert_eq!(mar[13], "1");
    assert_eq!(mar[11], SCSCF);
    let maa = cmd("303", false);
    assert_eq!(maa[12], "Digest-AKAv1-MD5");
    let sar = cmd("301", true);
    assert_eq!(sar[14], "1", "Server-Assignment-Type REGISTRATION");
    assert_eq!(sar[9], IMPU);
    assert_eq!(cmd("301", false)[16], "2001");
    std::fs::remove_dir_all(pcap.parent().unwrap()).ok();
}

#[test]
fn aes_cbc_run_writes_an_esp_sa_file_that_tshark_decrypts_with() {
    if !have_tool(
        "tshark",
        "aes_cbc_run_writes_an_esp_sa_file_that_tshark_decrypts_with",
    ) {
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("topologies/default.yaml"))
        .unwrap()
        .replace(
            "ipsec: required, icscf: icscf1",
            "ipsec: required, ealg: aes-cbc, icscf: icscf1",
        );
    assert!(yaml.contains("ealg: aes-cbc"));
    let file = temp("aes.yaml");
    std::fs::write(&file, yaml).unwrap();
    let (pcap, json) = (temp("aes.pcap"), temp("aes.jsonl"));
    let (ladder, stderr) = run_file(&file, &pcap, &json, true);
    let sa_file = pcap.with_extension("esp_sa");
    assert!(
        stderr.contains(&format!(
            "wrote the keys of 4 encrypted ESP SAs to {}",
            sa_file.display()
        )),
        "{stderr}"
    );
    let sa_text = std::fs::read_to_string(&sa_file).unwrap();
    let lines: Vec<&str> = sa_text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 4, "{sa_text}");
    assert!(lines.iter().all(|l| l.contains("\"AES-CBC [RFC3602]\"")));
    // The keys are in that file only: not in the ladder, nor in the log
    // but for the wire bytes of the messages that carry CK and IK by
    // design (the MAA's Confidentiality-Key, the 401 on Mw).
    let key = lines[0]
        .split(',')
        .nth(5)
        .unwrap()
        .trim_matches('"')
        .trim_start_matches("0x")
        .to_string();
    assert_eq!(key.len(), 32);
    assert!(!ladder.contains(&key), "the ladder shows an ESP key");
    let log: Vec<serde_json::Value> = std::fs::read_to_string(&json)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for v in &log {
        let mut v = v.clone();
        v.as_object_mut().unwrap().remove("bytes");
        assert!(
            !v.to_string().contains(&key),
            "the JSON log shows an ESP key: {v}"
        );
    }
    let sa_events: Vec<&serde_json::Value> = log.iter().filter(|v| v["type"] == "esp_sa").collect();
    assert_eq!(sa_events.len(), 1);
    assert_eq!(sa_events[0]["sas"], 4);
    assert!(
        sa_events[0].get("lines").is_none(),
        "no lines without show_keys"
    );
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "sip.Method",
        "sip.Status-Code",
        "esp.icv_good",
    ];
    let prefs = [
        "esp.enable_encryption_decode:TRUE",
        "esp.enable_authentication_check:TRUE",
    ];
    // Without the file nothing inside the ESP reads.
    let conf = pcap.parent().unwrap().join("wireshark");
    std::fs::create_dir_all(&conf).unwrap();
    let blind = tshark_in(&conf, &pcap, &fields, &prefs);
    assert!(
        !blind.iter().any(|r| r[0].contains("esp:tcp:sip")),
        "{}",
        tshark_text(&blind)
    );
    std::fs::copy(&sa_file, conf.join("esp_sa")).unwrap();
    let rows = tshark_in(&conf, &pcap, &fields, &prefs);
    let text = tshark_text(&rows);
    assert_no_malformed_or_expert_error(&rows, &fields);
    let esp: Vec<&Vec<String>> = rows.iter().filter(|r| r[0].contains(":esp")).collect();
    assert!(!esp.is_empty());
    assert!(esp.iter().all(|r| r[5] == "1"), "every ICV checks: {text}");
    assert!(
        esp.iter()
            .any(|r| r[0].ends_with("esp:tcp:sip") && r[3] == "REGISTER"),
        "{text}"
    );
    assert!(
        esp.iter()
            .any(|r| r[0].contains("esp:tcp:sip") && r[4] == "200"),
        "{text}"
    );
    std::fs::remove_dir_all(pcap.parent().unwrap()).ok();
}

/// `tshark_fields` with `conf` as Wireshark's configuration folder (where
/// it reads `esp_sa`).
fn tshark_in(
    conf: &std::path::Path,
    pcap: &std::path::Path,
    fields: &[&str],
    prefs: &[&str],
) -> Vec<Vec<String>> {
    let mut cmd = Command::new("tshark");
    cmd.env("WIRESHARK_CONFIG_DIR", conf)
        .arg("-r")
        .arg(pcap)
        .args(["-n", "-o", "sctp.tsn_analysis:FALSE"]);
    for p in prefs {
        cmd.args(["-o", p]);
    }
    cmd.args([
        "-T",
        "fields",
        "-E",
        "separator=|",
        "-E",
        "occurrence=a",
        "-E",
        "aggregator=,",
    ]);
    for f in fields {
        cmd.args(["-e", f]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}
