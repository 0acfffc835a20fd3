//! From raw YAML to a validated [`Topology`]: the top-level keys, node
//! names and kinds, then the network nodes (`network.rs`, `apn.rs`),
//! subscribers and UEs (`subscribers.rs`), addresses, and the scenario
//! (`scenario.rs`). Every problem is reported; a topology is returned only
//! when there is none.

use super::diag::{Report, join, suggestion};
use super::model::*;
use super::names::{Names, a};
use super::network::{RawNode, build_network};
use super::read::{self, duration, key_text, read_entry, text, uint};
use super::schema::*;
use super::{scenario, subscribers};
use crate::codec::plmn::Plmn;
use serde_yaml::Value;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where the text came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origin {
    /// The file, if the text was read from one.
    pub(crate) source: Option<PathBuf>,
}

impl Origin {
    fn stem(&self) -> Option<String> {
        self.source
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
    }

    pub(crate) fn dir(&self) -> Option<&Path> {
        self.source.as_ref().and_then(|p| p.parent())
    }
}

/// Default one-way latency per hop.
pub(crate) const DEFAULT_LATENCY: Duration = Duration::from_millis(1);

/// Checks `doc` (the parsed YAML) and builds the topology.
pub(crate) fn validate(doc: &Value, report: &mut Report, origin: &Origin) -> Option<Topology> {
    let top: RawTopology = match doc {
        Value::Null => {
            report.error(
                "",
                "the file is empty: a topology needs at least `nodes:` (see docs/topology.md)",
            );
            return None;
        }
        Value::Mapping(m) => {
            // `x-...` keys are free for the user (e.g. to hold YAML anchors).
            let mut m = m.clone();
            m.retain(|k, _| !k.as_str().is_some_and(|k| k.starts_with("x-")));
            read_entry(&Value::Mapping(m), "", "the top level", report)?
        }
        other => {
            report.error(
                "",
                format!(
                    "a topology is a mapping of keys (name:, plmn:, nodes:, ...), got {}",
                    kind_of(other)
                ),
            );
            return None;
        }
    };

    let name = match &top.name {
        Some(s) if !text(s).trim().is_empty() => text(s),
        Some(_) => {
            report.error("name", "name must not be empty");
            String::new()
        }
        None => origin.stem().unwrap_or_else(|| "topology".into()),
    };
    let plmn = read_plmn(report, top.plmn.as_ref());
    let seed = top
        .seed
        .as_ref()
        .and_then(|s| uint(report, "seed", s, u64::MAX))
        .unwrap_or(1);
    let latency = top
        .latency
        .as_ref()
        .and_then(|s| duration(report, "latency", s))
        .unwrap_or(DEFAULT_LATENCY);
    let show_keys = top.show_keys.unwrap_or(false);

    // Network nodes.
    let mut names = Names::default();
    let raws = read_nodes(report, top.nodes.as_ref(), &mut names);
    let network = build_network(report, &raws, &names, plmn, origin);

    // Subscribers and UEs.
    let empty = Vec::new();
    let subs =
        subscribers::subscribers(report, top.subscribers.as_ref().unwrap_or(&empty), &network);
    let ues = subscribers::ues(
        report,
        top.ues.as_ref().unwrap_or(&empty),
        &network,
        &subs,
        &mut names,
    );

    // Addresses: explicit ones first, then 127.0.0.N for the rest.
    let mut explicit: Vec<Option<IpAddr>> = Vec::with_capacity(names.len());
    for (i, raw) in raws.iter().enumerate() {
        let path = names
            .at(i)
            .map(|n| join(&n.path, "addr"))
            .unwrap_or_default();
        let a = raw
            .as_ref()
            .and_then(RawNode::addr)
            .and_then(|s| read::ip(report, &path, s));
        explicit.push(a);
    }
    explicit.extend(ues.iter().map(|u| u.addr));
    let addrs = assign_addresses(report, &names, &explicit);

    let steps = scenario::steps(report, top.scenario.as_deref(), &names, &ues, &network);

    if report.has_errors() {
        return None;
    }
    let mut nodes = Vec::with_capacity(names.len());
    for (i, kind) in network.kinds.into_iter().enumerate() {
        nodes.push(NodeSpec {
            name: names.at(i)?.name.clone(),
            addr: *addrs.get(i)?,
            kind: kind?,
        });
    }
    let first_ue = nodes.len();
    for (j, ue) in ues.into_iter().enumerate() {
        nodes.push(NodeSpec {
            name: ue.name,
            addr: *addrs.get(first_ue + j)?,
            kind: NodeKind::Ue(ue.spec),
        });
    }
    Some(Topology {
        name,
        source: origin.source.clone(),
        plmn,
        nodes,
        subscribers: subs.list,
        scenario: steps,
        latency,
        seed,
        show_keys,
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) | Value::Number(_) | Value::String(_) => "a single value",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn read_plmn(report: &mut Report, raw: Option<&RawPlmn>) -> Plmn {
    let default = Plmn::new("001", "01").expect("valid default PLMN");
    let Some(raw) = raw else { return default };
    let mut part = |key: &str, v: Option<&Scalar>| -> Option<String> {
        let path = join("plmn", key);
        match v {
            None => {
                report.missing(
                    &path,
                    "missing: write e.g. plmn: { mcc: \"001\", mnc: \"01\" }",
                );
                None
            }
            Some(s) => Some(text(s)),
        }
    };
    let (Some(mcc), Some(mnc)) = (part("mcc", raw.mcc.as_ref()), part("mnc", raw.mnc.as_ref()))
    else {
        return default;
    };
    match Plmn::new(&mcc, &mnc) {
        Ok(p) => p,
        Err(e) => {
            let field = if e.what.starts_with("MCC") {
                "mcc"
            } else {
                "mnc"
            };
            let numeric = matches!(
                if field == "mcc" { &raw.mcc } else { &raw.mnc },
                Some(Scalar::Int(_))
            );
            let hint = if numeric {
                " (write it in quotes to keep leading zeros, e.g. \"01\")"
            } else {
                ""
            };
            report.error(&join("plmn", field), format!("{}{hint}", e.what));
            default
        }
    }
}

/// A node name: letters, digits, `-` and `_` (names appear in paths,
/// pcaps and commands); `all` is reserved for the scenario.
pub(crate) fn check_name(report: &mut Report, path: &str, name: &str) {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        report.error(
            path,
            format!("'{name}' is not a usable name: use letters, digits, '-' and '_' (at most 64)"),
        );
    } else if name == "all" {
        report.error(path, "'all' is reserved (the scenario's `ue: all`)");
    }
}

fn read_nodes(
    report: &mut Report,
    nodes: Option<&serde_yaml::Mapping>,
    names: &mut Names,
) -> Vec<Option<RawNode>> {
    let Some(nodes) = nodes else {
        report.missing(
            "nodes",
            "missing: a topology needs nodes (an enb, an mme, a gateway and an hss at least)",
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(nodes.len());
    for (k, v) in nodes {
        let name = key_text(k);
        let path = join("nodes", &name);
        check_name(report, &path, &name);
        let kind = node_kind(report, &path, v);
        names.add(report, &name, kind, &path);
        let what = format!("{} node", kind.map_or("this".into(), a));
        let raw = match kind {
            Some("enb") => read_entry(v, &path, &what, report).map(RawNode::Enb),
            Some("mme") => read_entry(v, &path, &what, report).map(RawNode::Mme),
            Some("gateway") => read_entry(v, &path, &what, report).map(RawNode::Gateway),
            Some("hss") => read_entry(v, &path, &what, report).map(RawNode::Hss),
            Some("pcscf") => read_entry(v, &path, &what, report).map(RawNode::Pcscf),
            Some("icscf") => read_entry(v, &path, &what, report).map(RawNode::Icscf),
            Some("scscf") => read_entry(v, &path, &what, report).map(RawNode::Scscf),
            _ => None,
        };
        out.push(raw);
    }
    out
}

/// The `kind:` of a node entry, reported when missing or unknown.
fn node_kind(report: &mut Report, path: &str, v: &Value) -> Option<&'static str> {
    let valid = KINDS.join(", ");
    let Value::Mapping(m) = v else {
        report.error(
            path,
            format!(
                "a node is a mapping with a kind, e.g. {{ kind: enb, ... }}; got {}",
                kind_of(v)
            ),
        );
        return None;
    };
    let kpath = join(path, "kind");
    let Some(k) = m.get("kind") else {
        report.missing(
            &kpath,
            format!("missing: every node needs a kind (one of: {valid})"),
        );
        return None;
    };
    let word = key_text(k);
    if let Some(found) = KINDS.iter().find(|w| **w == word) {
        return Some(found);
    }
    let hint = match word.as_str() {
        "ue" => " (UEs are listed under `ues:`, not under `nodes:`)".to_string(),
        "sgw" | "pgw" | "spgw" | "sgw-pgw" | "sgwpgw" | "pgw-sgw" => {
            " (the SGW and PGW are one node here: kind: gateway)".to_string()
        }
        "enodeb" | "enodeB" | "eNB" | "eNodeB" => " (did you mean 'enb'?)".to_string(),
        "p-cscf" | "i-cscf" | "s-cscf" => {
            format!(" (did you mean '{}'?)", word.replace('-', ""))
        }
        _ => suggestion(&word, &KINDS),
    };
    report.error(
        &kpath,
        format!("unknown kind '{word}'{hint} (valid kinds: {valid})"),
    );
    None
}

/// ` (line N)` for the place `path` is declared, or nothing.
pub(crate) fn line_note(report: &Report, path: &str) -> String {
    report
        .line_of(path)
        .map(|l| format!(" (line {l})"))
        .unwrap_or_default()
}

/// Gives every node an address: explicit ones are checked for clashes, the
/// rest get 127.0.0.N, N = 1, 2, ... in declaration order, skipping taken
/// addresses.
fn assign_addresses(
    report: &mut Report,
    names: &Names,
    explicit: &[Option<IpAddr>],
) -> Vec<IpAddr> {
    let mut taken: HashMap<IpAddr, usize> = HashMap::new();
    for (i, a) in explicit.iter().enumerate() {
        let Some(a) = a else { continue };
        if let Some(&other) = taken.get(a) {
            let (Some(me), Some(them)) = (names.at(i), names.at(other)) else {
                continue;
            };
            let line = line_note(report, &them.path);
            report.error(
                &join(&me.path, "addr"),
                format!("address {a} is already used by {}{line}", them.name),
            );
        } else {
            taken.insert(*a, i);
        }
    }
    let base = u32::from(Ipv4Addr::new(127, 0, 0, 0));
    let mut n: u32 = 1;
    let mut out = Vec::with_capacity(explicit.len());
    for a in explicit {
        if let Some(a) = a {
            out.push(*a);
            continue;
        }
        loop {
            let cand = IpAddr::V4(Ipv4Addr::from(base.saturating_add(n)));
            n = n.saturating_add(1);
            if !taken.contains_key(&cand) {
                out.push(cand);
                break;
            }
            if n >= 0x00FF_FFFF {
                out.push(cand);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::lines::LineMap;

    #[test]
    fn addresses_auto_assign_around_explicit_ones() {
        let mut r = Report::new("f", LineMap::default());
        let mut names = Names::default();
        for n in ["a", "b", "c", "d"] {
            names.add(&mut r, n, Some("hss"), &format!("nodes.{n}"));
        }
        let two: IpAddr = "127.0.0.2".parse().unwrap();
        let far: IpAddr = "10.0.0.9".parse().unwrap();
        let got = assign_addresses(&mut r, &names, &[None, Some(two), None, Some(far)]);
        let want: Vec<IpAddr> = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "10.0.0.9"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(got, want);
        assert!(!r.has_errors());
    }

    #[test]
    fn addresses_clash_is_an_error_naming_both() {
        let mut r = Report::new("f", LineMap::default());
        let mut names = Names::default();
        names.add(&mut r, "a", Some("hss"), "nodes.a");
        names.add(&mut r, "b", Some("hss"), "nodes.b");
        let x: IpAddr = "127.0.0.9".parse().unwrap();
        assign_addresses(&mut r, &names, &[Some(x), Some(x)]);
        let e = r.into_error();
        assert_eq!(e.errors[0].path, "nodes.b.addr");
        assert_eq!(
            e.errors[0].message,
            "address 127.0.0.9 is already used by a"
        );
    }

    #[test]
    fn addresses_run_past_the_last_octet() {
        let mut r = Report::new("f", LineMap::default());
        let names = Names::default();
        let got = assign_addresses(&mut r, &names, &vec![None; 300]);
        assert_eq!(got[254], "127.0.0.255".parse::<IpAddr>().unwrap());
        assert_eq!(got[255], "127.0.1.0".parse::<IpAddr>().unwrap());
        assert_eq!(got[299], "127.0.1.44".parse::<IpAddr>().unwrap());
    }
}
