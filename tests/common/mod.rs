//! Helpers shared by the integration tests: the reference fixtures.
#![allow(dead_code, unreachable_pub)]

use serde_json::Value;
use std::sync::OnceLock;

/// Parsed `tests/fixtures/flow-refs.json`.
pub fn flow_refs() -> &'static [Value] {
    static REFS: OnceLock<Vec<Value>> = OnceLock::new();
    REFS.get_or_init(|| {
        let text = include_str!("../fixtures/flow-refs.json");
        serde_json::from_str(text).expect("flow-refs.json parses")
    })
}

/// The entry called `name` in flow-refs.json.
pub fn flow_ref(name: &str) -> &'static Value {
    flow_refs()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no flow ref called {name}"))
}

/// The decoded bytes of entry `name`.
pub fn flow_bytes(name: &str) -> Vec<u8> {
    hex_bytes(flow_ref(name)["hex"].as_str().unwrap())
}

/// Every entry of one protocol (`s1ap`, `nas`, `gtpv2c`, `gtpu`, `diameter`).
pub fn flow_refs_of(protocol: &str) -> Vec<&'static Value> {
    flow_refs()
        .iter()
        .filter(|e| e["protocol"] == protocol)
        .collect()
}

/// Parsed `tests/fixtures/crypto-vectors.json`.
pub fn crypto_vectors() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        serde_json::from_str(include_str!("../fixtures/crypto-vectors.json"))
            .expect("crypto-vectors.json parses")
    })
}

/// Hex string to bytes (panics on bad hex: fixtures are trusted).
pub fn hex_bytes(s: &str) -> Vec<u8> {
    volte_sim::codec::parse_hex(s).expect("fixture hex")
}

/// True when tests must fail rather than skip if an outside tool is missing.
pub fn require_tools() -> bool {
    std::env::var("VOLTE_SIM_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

/// Returns true if `tool` can be run; otherwise prints a skip line, or panics
/// under `VOLTE_SIM_REQUIRE_TOOLS=1`.
pub fn have_tool(tool: &str, test: &str) -> bool {
    let ok = std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if require_tools() {
            panic!("{test}: required tool '{tool}' is not installed (VOLTE_SIM_REQUIRE_TOOLS=1)");
        }
        eprintln!("SKIP {test}: '{tool}' is not installed");
    }
    ok
}

/// One edit of a fixture for the decoders' property tests. Indices wrap
/// around the buffer's length, so any value applies to any buffer.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// XOR the byte at an index with a mask (a zero mask counts as 1).
    Flip(usize, u8),
    /// Insert bytes before an index (the end included).
    Insert(usize, Vec<u8>),
    /// Remove up to `n` bytes from an index.
    Delete(usize, usize),
    /// Keep only the first bytes.
    Truncate(usize),
    /// Overwrite the byte at an index.
    Set(usize, u8),
}

/// Applies `ops` to `bytes` in order.
pub fn mutate(mut bytes: Vec<u8>, ops: &[Mutation]) -> Vec<u8> {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
    for op in ops {
        let len = bytes.len();
        match op {
            Mutation::Flip(i, mask) => {
                if let Some(x) = bytes.get_mut(at(*i, len)) {
                    *x ^= (*mask).max(1);
                }
            }
            Mutation::Insert(i, b) => {
                let i = at(*i, len + 1);
                bytes.splice(i..i, b.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let i = at(*i, len);
                bytes.drain(i..i.saturating_add(*n).min(len));
            }
            Mutation::Truncate(n) => bytes.truncate(at(*n, len)),
            Mutation::Set(i, v) => {
                if let Some(x) = bytes.get_mut(at(*i, len)) {
                    *x = *v;
                }
            }
        }
    }
    bytes
}

/// Any one [`Mutation`], flips the most likely.
pub fn mutation() -> impl proptest::strategy::Strategy<Value = Mutation> {
    use proptest::prelude::*;
    prop_oneof![
        3 => (any::<usize>(), 1..=255u8).prop_map(|(i, m)| Mutation::Flip(i, m)),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => (any::<usize>(), 1..8usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
    ]
}

/// One to three [`mutation`]s.
pub fn mutations() -> impl proptest::strategy::Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 1..4)
}

/// Runs `tshark -r pcap -T fields` with one `-e` per field (plus `-o` for each
/// of `prefs`, SCTP TSN analysis always off) and returns one row per frame,
/// one cell per field; repeated occurrences of a field are joined by `,`.
/// Panics with tshark's stderr if it fails.
pub fn tshark_fields(pcap: &std::path::Path, fields: &[&str], prefs: &[&str]) -> Vec<Vec<String>> {
    let mut cmd = std::process::Command::new("tshark");
    cmd.arg("-r")
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
    let out = cmd.output().expect("tshark runs");
    assert!(
        out.status.success(),
        "tshark failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("tshark prints UTF-8")
        .lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}

/// The rows of [`tshark_fields`] as tshark printed them, for failure messages.
pub fn tshark_text(rows: &[Vec<String>]) -> String {
    rows.iter().map(|r| r.join("|") + "\n").collect()
}

/// Asserts that no frame of `rows` (from [`tshark_fields`] with `fields`,
/// which must include `_ws.malformed` and `_ws.expert.severity`) is
/// malformed or carries an expert error (severity PI_ERROR, 0x00800000, or
/// above).
pub fn assert_no_malformed_or_expert_error(rows: &[Vec<String>], fields: &[&str]) {
    let col = |name: &str| {
        fields
            .iter()
            .position(|f| *f == name)
            .unwrap_or_else(|| panic!("field {name} was not asked of tshark"))
    };
    let (malformed, severity) = (col("_ws.malformed"), col("_ws.expert.severity"));
    let text = tshark_text(rows);
    for (i, r) in rows.iter().enumerate() {
        let frame = i + 1;
        assert_eq!(r[malformed], "", "frame {frame} malformed:\n{text}");
        for sev in r[severity].split(',').filter(|s| !s.is_empty()) {
            let sev: u32 = sev.parse().unwrap();
            assert!(
                sev < 0x0080_0000,
                "frame {frame} has an expert error:\n{text}"
            );
        }
    }
}
