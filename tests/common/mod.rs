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
    flow_refs().iter().filter(|e| e["protocol"] == protocol).collect()
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
