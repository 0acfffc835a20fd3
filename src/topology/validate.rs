//! From raw YAML to a validated [`Topology`]: the top-level keys, the
//! network nodes (eNB, MME, gateway, HSS, CSCFs) with their defaults and
//! references, then subscribers and UEs (`subscribers.rs`), addresses, and
//! the scenario (`scenario.rs`). Every problem is reported; a topology is
//! returned only when there is none.

use super::diag::{Report, join, suggestion};
use super::model::*;
use super::names::{Names, a};
use super::read::{self, duration, field_name, key_text, quoted, read_entry, text, uint};
use super::schema::*;
use super::units;
use super::{scenario, subscribers};
use crate::codec::plmn::Plmn;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::nodes::NodeId;
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

    fn dir(&self) -> Option<&Path> {
        self.source.as_ref().and_then(|p| p.parent())
    }
}

/// A placeholder for a reference that failed to resolve (already
/// reported); never reaches a returned topology.
pub(crate) const UNRESOLVED: NodeId = NodeId(u32::MAX);

/// Default one-way latency per hop.
pub(crate) const DEFAULT_LATENCY: Duration = Duration::from_millis(1);
/// Default periodic TAU timer (TS 24.301 10.2).
pub(crate) const DEFAULT_T3412: Duration = Duration::from_secs(54 * 60);
/// Default eNB id of the first eNB (the project's fixture identity).
pub(crate) const DEFAULT_ENB_ID: u32 = 0x19B;
/// Default APN-AMBR, both directions, bits/s.
pub(crate) const DEFAULT_AMBR: u64 = 100_000_000;

/// A node's raw entry, by kind.
enum RawNode {
    Enb(RawEnb),
    Mme(RawMme),
    Gateway(RawGateway),
    Hss(RawHss),
    Pcscf(RawPcscf),
    Icscf(RawCscf),
    Scscf(RawCscf),
}

impl RawNode {
    fn addr(&self) -> Option<&Scalar> {
        match self {
            Self::Enb(r) => r.addr.as_ref(),
            Self::Mme(r) => r.addr.as_ref(),
            Self::Gateway(r) => r.addr.as_ref(),
            Self::Hss(r) => r.addr.as_ref(),
            Self::Pcscf(r) => r.addr.as_ref(),
            Self::Icscf(r) | Self::Scscf(r) => r.addr.as_ref(),
        }
    }
}

/// What the network nodes tell the rest of the checks.
pub(crate) struct Network {
    /// Spec of each network node, by index (None where its entry failed).
    pub(crate) kinds: Vec<Option<NodeKind>>,
    /// Every APN some gateway serves, in file order.
    pub(crate) served: Vec<String>,
    /// The PLMN.
    pub(crate) plmn: Plmn,
}

impl Network {
    /// The spec of node `id`, if it is a network node that was built.
    pub(crate) fn kind(&self, id: NodeId) -> Option<&NodeKind> {
        self.kinds.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// The gateway a UE on eNB `enb` reaches (eNB -> MME -> gateway).
    pub(crate) fn gateway_of_enb(&self, enb: NodeId) -> Option<(NodeId, &GatewaySpec)> {
        let Some(NodeKind::Enb(e)) = self.kind(enb) else {
            return None;
        };
        let Some(NodeKind::Mme(m)) = self.kind(e.mme) else {
            return None;
        };
        match self.kind(m.gateway) {
            Some(NodeKind::Gateway(g)) => Some((m.gateway, g)),
            _ => None,
        }
    }

    /// The P-CSCFs' specs, for IPsec checks.
    pub(crate) fn pcscfs(&self) -> impl Iterator<Item = &PcscfSpec> {
        self.kinds.iter().filter_map(|k| match k {
            Some(NodeKind::Pcscf(p)) => Some(p),
            _ => None,
        })
    }
}

/// The IMS home domain, `ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org` (TS 23.003
/// 13.2; a 2-digit MNC gets a leading 0).
pub(crate) fn ims_domain(plmn: &Plmn) -> String {
    format!(
        "ims.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

/// The EPC realm, `epc.mnc<MNC>.mcc<MCC>.3gppnetwork.org` (TS 23.003 19.2).
pub(crate) fn epc_realm(plmn: &Plmn) -> String {
    format!(
        "epc.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

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

/// Builds every network node's spec. The order matters: the MME's default
/// TACs come from its eNBs, the gateway's P-CSCF addresses from the P-CSCFs.
fn build_network(
    report: &mut Report,
    raws: &[Option<RawNode>],
    names: &Names,
    plmn: Plmn,
    origin: &Origin,
) -> Network {
    let mut kinds: Vec<Option<NodeKind>> = (0..raws.len()).map(|_| None).collect();
    let path_of = |i: usize| names.at(i).map(|n| n.path.clone()).unwrap_or_default();
    let count = |k: &str| names.of_kind(k).len();

    // eNBs, P-CSCFs, HSSs, I-/S-CSCFs: they need only names.
    let mut enb_ordinal = 0u32;
    let mut enb_ids: HashMap<u32, String> = HashMap::new();
    for (i, raw) in raws.iter().enumerate() {
        let path = path_of(i);
        kinds[i] = match raw {
            Some(RawNode::Enb(r)) => {
                let spec = enb(report, &path, r, names, enb_ordinal);
                enb_ordinal += 1;
                if let Some(other) = enb_ids.insert(spec.enb_id, path.clone()) {
                    report.error(
                        &join(&path, "enb_id"),
                        format!(
                            "enb_id 0x{:X} is already used by {other}{}",
                            spec.enb_id,
                            line_note(report, &other)
                        ),
                    );
                }
                Some(NodeKind::Enb(spec))
            }
            Some(RawNode::Pcscf(r)) => Some(NodeKind::Pcscf(pcscf(report, &path, r, names))),
            Some(RawNode::Hss(r)) => {
                let several = count("hss") > 1;
                let name = names.at(i).map(|n| n.name.as_str()).unwrap_or("hss");
                Some(NodeKind::Hss(hss(
                    report, &path, r, &plmn, several, name, origin,
                )))
            }
            Some(RawNode::Icscf(r)) => Some(NodeKind::Icscf(IcscfSpec {
                hss: names.resolve(report, &join(&path, "hss"), r.hss.as_ref(), "hss", false),
            })),
            Some(RawNode::Scscf(r)) => Some(NodeKind::Scscf(ScscfSpec {
                hss: names.resolve(report, &join(&path, "hss"), r.hss.as_ref(), "hss", false),
            })),
            _ => None,
        };
    }

    // MMEs: their TACs default to those of the eNBs pointing at them.
    let several_mmes = count("mme") > 1;
    for (i, raw) in raws.iter().enumerate() {
        let Some(RawNode::Mme(r)) = raw else { continue };
        let path = path_of(i);
        let me = NodeId(i as u32);
        let mut enb_tacs: Vec<(u16, String)> = Vec::new();
        for (j, k) in kinds.iter().enumerate() {
            if let Some(NodeKind::Enb(e)) = k
                && e.mme == me
            {
                enb_tacs.push((e.tac, path_of(j)));
            }
        }
        let name = names.at(i).map(|n| n.name.as_str()).unwrap_or("mme");
        let spec = mme(
            report,
            &path,
            r,
            names,
            &plmn,
            several_mmes,
            name,
            &enb_tacs,
        );
        kinds[i] = Some(NodeKind::Mme(spec));
    }

    // Gateways: P-CSCF names become that node's addresses.
    let mut served: Vec<String> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let Some(RawNode::Gateway(r)) = raw else {
            continue;
        };
        let path = path_of(i);
        let spec = gateway(report, &path, r, names, &kinds);
        for apn in &spec.apns {
            if !served.contains(&apn.name) {
                served.push(apn.name.clone());
            }
        }
        kinds[i] = Some(NodeKind::Gateway(spec));
    }

    Network {
        kinds,
        served,
        plmn,
    }
}

/// ` (line N)` for the place `path` is declared, or nothing.
pub(crate) fn line_note(report: &Report, path: &str) -> String {
    report
        .line_of(path)
        .map(|l| format!(" (line {l})"))
        .unwrap_or_default()
}

/// S1AP names are PrintableString (TS 36.413 9.2.1.37, ITU-T X.680 41.4),
/// 1 to 150 characters.
fn check_printable(report: &mut Report, path: &str, name: &str) {
    let printable = |c: char| c.is_ascii_alphanumeric() || " '()+,-./:=?".contains(c);
    if name.is_empty() || name.len() > 150 {
        report.error(
            path,
            format!("{} must be 1 to 150 characters", field_name(path)),
        );
    } else if let Some(c) = name.chars().find(|c| !printable(*c)) {
        report.error(
            path,
            format!(
                "'{c}' cannot appear in an S1AP name (PrintableString: letters, digits, space and '()+,-./:=?)"
            ),
        );
    }
}

fn enb(report: &mut Report, path: &str, r: &RawEnb, names: &Names, ordinal: u32) -> EnbSpec {
    let f = |k: &str| join(path, k);
    let enb_id = r
        .enb_id
        .as_ref()
        .and_then(|s| uint(report, &f("enb_id"), s, 0xF_FFFF))
        .map_or(DEFAULT_ENB_ID + ordinal, |v| v as u32);
    let tac = r
        .tac
        .as_ref()
        .and_then(|s| uint(report, &f("tac"), s, 0xFFFF))
        .map_or(1, |v| v as u16);
    let default_cell = (enb_id << 8) | 1;
    let cell_id = match &r.cell_id {
        Some(s) => {
            let c = uint(report, &f("cell_id"), s, 0xFFF_FFFF).map_or(default_cell, |v| v as u32);
            if c >> 8 != enb_id {
                report.warn(
                    &f("cell_id"),
                    format!(
                        "cell_id 0x{c:07X} does not start with enb_id 0x{enb_id:05X}: a macro cell's identity is enb_id << 8 | cell (TS 36.413 9.2.1.38)"
                    ),
                );
            }
            c
        }
        None => default_cell,
    };
    let enb_name = r
        .enb_name
        .as_ref()
        .map_or_else(|| format!("enb-{enb_id:x}"), text);
    check_printable(report, &f("enb_name"), &enb_name);
    let mme = names
        .resolve(report, &f("mme"), r.mme.as_ref(), "mme", true)
        .unwrap_or(UNRESOLVED);
    let refuse_second_bearer = r.refuse_second_bearer.unwrap_or(false);
    if refuse_second_bearer {
        report.warn(
            &f("refuse_second_bearer"),
            "this eNB refuses E-RAB Setup for a second bearer: UEs on it cannot open their second PDN (e.g. ims)",
        );
    }
    EnbSpec {
        enb_id,
        enb_name,
        tac,
        cell_id,
        mme,
        refuse_second_bearer,
    }
}

fn diameter_identity(
    report: &mut Report,
    path: &str,
    raw: Option<&RawDiameter>,
    default_host: String,
    default_realm: String,
) -> DiameterIdentity {
    let fqdn = |report: &mut Report, p: &str, s: &Scalar| {
        let t = text(s);
        let ok = !t.is_empty()
            && t.len() <= 255
            && t.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !ok {
            report.error(
                p,
                format!(
                    "{} is not a domain name (labels of letters, digits and '-', joined by dots)",
                    quoted(s)
                ),
            );
        }
        t
    };
    let (host, realm) = match raw {
        Some(d) => (
            d.host
                .as_ref()
                .map(|s| fqdn(report, &join(path, "host"), s)),
            d.realm
                .as_ref()
                .map(|s| fqdn(report, &join(path, "realm"), s)),
        ),
        None => (None, None),
    };
    DiameterIdentity {
        host: host.unwrap_or(default_host),
        realm: realm.unwrap_or(default_realm),
    }
}

fn nas_algorithms(
    report: &mut Report,
    path: &str,
    list: Option<&List>,
    prefix: &str,
) -> Option<Vec<u8>> {
    let list = list?;
    if list.0.is_empty() {
        report.error(
            path,
            format!("needs at least one algorithm, e.g. [{prefix}2]"),
        );
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for (i, s) in list.0.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match algorithm_id(s, prefix) {
            Some(id) => out.push(id),
            None => report.error(
                &p,
                format!(
                    "unknown algorithm {} (use {prefix}0, {prefix}1, {prefix}2 or {prefix}3)",
                    quoted(s)
                ),
            ),
        }
    }
    Some(out)
}

/// `eia2`, `EIA2`, `128-EIA2` or `2` -> 2.
pub(crate) fn algorithm_id(s: &Scalar, prefix: &str) -> Option<u8> {
    match s {
        Scalar::Int(i) if (0..=7).contains(i) => Some(*i as u8),
        Scalar::Text(t) => {
            let t = t.trim().to_ascii_lowercase();
            let t = t.strip_prefix("128-").unwrap_or(&t);
            let d = t.strip_prefix(prefix)?;
            match d.parse::<u8>() {
                Ok(v) if v <= 7 => Some(v),
                _ => None,
            }
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn mme(
    report: &mut Report,
    path: &str,
    r: &RawMme,
    names: &Names,
    plmn: &Plmn,
    several: bool,
    name: &str,
    enb_tacs: &[(u16, String)],
) -> MmeSpec {
    let f = |k: &str| join(path, k);
    let gateway = names
        .resolve(report, &f("gateway"), r.gateway.as_ref(), "gateway", true)
        .unwrap_or(UNRESOLVED);
    let hss = names
        .resolve(report, &f("hss"), r.hss.as_ref(), "hss", true)
        .unwrap_or(UNRESOLVED);
    let group_id = r
        .group_id
        .as_ref()
        .and_then(|s| uint(report, &f("group_id"), s, 0xFFFF))
        .map_or(1, |v| v as u16);
    let code = r
        .code
        .as_ref()
        .and_then(|s| uint(report, &f("code"), s, 0xFF))
        .map_or(1, |v| v as u8);
    let mme_name = r
        .mme_name
        .as_ref()
        .map_or_else(|| format!("mme{code:02}"), text);
    check_printable(report, &f("mme_name"), &mme_name);

    let nas = r.nas.as_ref();
    let npath = f("nas");
    let integrity = match nas_algorithms(
        report,
        &join(&npath, "integrity"),
        nas.and_then(|n| n.integrity.as_ref()),
        "eia",
    ) {
        None => vec![NasIntegrity::Eia2],
        Some(ids) => {
            let mut v = Vec::new();
            for (i, id) in ids.into_iter().enumerate() {
                let p = format!("{}[{i}]", join(&npath, "integrity"));
                match NasIntegrity::from_id(id) {
                    Some(a) if a.is_implemented() => {
                        if a == NasIntegrity::Eia0 {
                            report.warn(&p, "EIA0 (no integrity) is allowed only for unauthenticated emergency sessions (TS 33.401 5.1.4.2): UEs reject a Security Mode Command that selects it");
                        }
                        v.push(a);
                    }
                    Some(_) => report.error(&p, format!("eia{id} is not implemented here; use eia2 (or eia0 to show a rejected Security Mode Command)")),
                    None => report.error(&p, format!("eia{id} is not a defined algorithm (eia0 to eia3)")),
                }
            }
            v
        }
    };
    let ciphering = match nas_algorithms(
        report,
        &join(&npath, "ciphering"),
        nas.and_then(|n| n.ciphering.as_ref()),
        "eea",
    ) {
        None => vec![NasCiphering::Eea0],
        Some(ids) => {
            let mut v = Vec::new();
            for (i, id) in ids.into_iter().enumerate() {
                let p = format!("{}[{i}]", join(&npath, "ciphering"));
                match NasCiphering::from_id(id) {
                    Some(a) if a.is_implemented() => v.push(a),
                    Some(_) => report.error(
                        &p,
                        format!(
                            "eea{id} is not implemented here; use eea0 (readable pcaps) or eea2"
                        ),
                    ),
                    None => report.error(
                        &p,
                        format!("eea{id} is not a defined algorithm (eea0 to eea3)"),
                    ),
                }
            }
            v
        }
    };

    let tacs: Vec<u16> = match &r.tacs {
        Some(list) => {
            let mut v = Vec::new();
            for (i, s) in list.0.iter().enumerate() {
                if let Some(t) = uint(report, &format!("{}[{i}]", f("tacs")), s, 0xFFFF) {
                    v.push(t as u16);
                }
            }
            for (tac, enb_path) in enb_tacs {
                if !v.contains(tac) {
                    report.warn(
                        &join(enb_path, "tac"),
                        format!(
                            "TAC {tac} is not among the TACs of its MME ({}): the MME will refuse its S1 Setup",
                            v.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
            }
            v
        }
        None => {
            let mut v: Vec<u16> = Vec::new();
            for (tac, _) in enb_tacs {
                if !v.contains(tac) {
                    v.push(*tac);
                }
            }
            v
        }
    };
    let relative_capacity = r
        .relative_capacity
        .as_ref()
        .and_then(|s| uint(report, &f("relative_capacity"), s, 255))
        .map_or(255, |v| v as u8);
    let realm = epc_realm(plmn);
    let host = if several {
        format!("{name}.{realm}")
    } else {
        format!("mme.{realm}")
    };
    let diameter = diameter_identity(report, &f("diameter"), r.diameter.as_ref(), host, realm);
    // GPRS Timer 3 (TS 24.008 10.5.7.4a) reaches 31 x 320 h.
    let t3412 = match &r.t3412 {
        Some(s) => match duration(report, &f("t3412"), s) {
            Some(d) if d <= Duration::from_secs(31 * 320 * 3600) => d,
            Some(_) => {
                report.error(
                    &f("t3412"),
                    "t3412 can be at most 9920h (GPRS Timer 3, TS 24.008 10.5.7.4a)",
                );
                DEFAULT_T3412
            }
            None => DEFAULT_T3412,
        },
        None => DEFAULT_T3412,
    };
    MmeSpec {
        gateway,
        hss,
        mme_name,
        group_id,
        code,
        integrity,
        ciphering,
        tacs,
        relative_capacity,
        diameter,
        t3412,
    }
}

/// An APN network identifier (TS 23.003 9.1.1): labels of letters, digits
/// and hyphens joined by dots, at most 63 octets.
fn check_apn_name(report: &mut Report, path: &str, name: &str) {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !ok {
        report.error(
            path,
            format!("'{name}' is not an APN name (labels of letters, digits and '-', joined by dots; at most 63 characters)"),
        );
    }
}

fn gateway(
    report: &mut Report,
    path: &str,
    r: &RawGateway,
    names: &Names,
    kinds: &[Option<NodeKind>],
) -> GatewaySpec {
    let apath = join(path, "apns");
    let mut apns = Vec::new();
    let mut pcscf_nodes: Vec<NodeId> = Vec::new();
    match &r.apns {
        None => report.missing(
            &apath,
            "missing: a gateway serves at least one APN, e.g. apns: { internet: { pool: 10.45.0.0/16 } }",
        ),
        Some(m) if m.is_empty() => report.error(&apath, "a gateway serves at least one APN"),
        Some(m) => {
            for (k, v) in m {
                let name = key_text(k);
                let p = join(&apath, &name);
                check_apn_name(report, &p, &name);
                let Some(raw) = read_entry::<RawApn>(v, &p, "an APN", report) else {
                    continue;
                };
                apns.push(apn(report, &p, &name, &raw, names, kinds, &mut pcscf_nodes));
            }
        }
    }
    let ims_stack = match &r.ims_stack {
        Some(s) => names.resolve(report, &join(path, "ims_stack"), Some(s), "pcscf", false),
        None => {
            let all = names.of_kind("pcscf");
            match all.as_slice() {
                [] => None,
                [(i, _)] => Some(NodeId(*i as u32)),
                many => match pcscf_nodes.first() {
                    Some(first) => Some(*first),
                    None => {
                        let list: Vec<&str> = many.iter().map(|(_, n)| *n).collect();
                        report.missing(
                            &join(path, "ims_stack"),
                            format!(
                                "missing, and there are {} pcscf nodes ({}): say which one hosts the IMS IP stack, e.g. `ims_stack: {}`",
                                many.len(),
                                list.join(", "),
                                list[0]
                            ),
                        );
                        None
                    }
                },
            }
        }
    };
    GatewaySpec { apns, ims_stack }
}

fn apn(
    report: &mut Report,
    path: &str,
    name: &str,
    r: &RawApn,
    names: &Names,
    kinds: &[Option<NodeKind>],
    pcscf_nodes: &mut Vec<NodeId>,
) -> ApnSpec {
    let f = |k: &str| join(path, k);
    let ipv4_pool = r.pool.as_ref().and_then(|s| {
        units::parse_ipv4_prefix(&text(s))
            .map_err(|e| report.error(&f("pool"), e))
            .ok()
    });
    if let Some((_, len)) = ipv4_pool
        && len > 30
    {
        report.error(
            &f("pool"),
            format!("a /{len} pool leaves no address for a UE (the first and last addresses are not handed out); use /30 or shorter"),
        );
    }
    let ipv6_prefix = r.ipv6_pool.as_ref().and_then(|s| {
        units::parse_ipv6_prefix(&text(s))
            .map_err(|e| report.error(&f("ipv6_pool"), e))
            .ok()
    });
    if let Some((_, len)) = ipv6_prefix
        && len != 64
    {
        report.error(
            &f("ipv6_pool"),
            format!(
                "ipv6_pool must be a /64 (each UE gets an interface identifier in it), got /{len}"
            ),
        );
    }
    if r.pool.is_none() && r.ipv6_pool.is_none() {
        report.error(
            path,
            "an APN needs a pool (IPv4, e.g. pool: 10.45.0.0/16) or an ipv6_pool (e.g. \"fd00:45::/64\"), or both",
        );
    }
    let qci = match &r.qci {
        Some(s) => uint(report, &f("qci"), s, 254).map_or(9, |v| v as u8),
        None if name.eq_ignore_ascii_case("ims") => 5,
        None => 9,
    };
    // TS 23.203 6.1.7.2: a default bearer is non-GBR.
    if qci == 0 {
        report.error(&f("qci"), "QCI 0 is reserved; use 1 to 254");
    } else if !matches!(qci, 5..=9 | 69 | 70 | 79 | 80 | 128..=254) {
        report.warn(
            &f("qci"),
            format!("QCI {qci} is not a standard non-GBR QCI (5-9, 69, 70, 79, 80): a default bearer is non-GBR (TS 23.401 4.7.2)"),
        );
    }
    let arp_priority = match &r.arp {
        Some(s) => match uint(report, &f("arp"), s, 15) {
            Some(0) => {
                report.error(
                    &f("arp"),
                    "arp priority level is 1 (highest) to 15 (TS 23.203 6.1.7.3)",
                );
                1
            }
            Some(v) => v as u8,
            None => 1,
        },
        None => 1,
    };
    let rate = |report: &mut Report, s: Option<&Scalar>, key: &str| match s {
        None => DEFAULT_AMBR,
        Some(Scalar::Int(i)) => match u64::try_from(*i) {
            Ok(v) => v,
            Err(_) => {
                report.error(&join(&f("ambr"), key), "a bit rate cannot be negative");
                DEFAULT_AMBR
            }
        },
        Some(s) => units::parse_bit_rate(&text(s))
            .map_err(|e| report.error(&join(&f("ambr"), key), e))
            .unwrap_or(DEFAULT_AMBR),
    };
    let ambr = r.ambr.as_ref();
    let ambr_ul = rate(report, ambr.and_then(|a| a.ul.as_ref()), "ul");
    let ambr_dl = rate(report, ambr.and_then(|a| a.dl.as_ref()), "dl");
    let mtu = r.mtu.as_ref().and_then(|s| {
        let v = uint(report, &f("mtu"), s, 0xFFFF)?;
        if v < 576 {
            report.error(
                &f("mtu"),
                format!("mtu {v} is too small (at least 576, the IPv4 minimum datagram)"),
            );
        }
        Some(v as u16)
    });
    let mut dns = Vec::new();
    for (i, s) in r.dns.iter().flat_map(|l| l.0.iter()).enumerate() {
        if let Some(a) = read::ip(report, &format!("{}[{i}]", f("dns")), s) {
            dns.push(a);
        }
    }

    // P-CSCF addresses: literal addresses, or pcscf nodes (IPv4 then IPv6).
    let mut pcscf = Vec::new();
    for (i, s) in r.p_cscf.iter().flat_map(|l| l.0.iter()).enumerate() {
        let p = format!("{}[{i}]", f("p_cscf"));
        if let Ok(a) = text(s).trim().parse::<IpAddr>() {
            pcscf.push(a);
            continue;
        }
        let Some(id) = names.resolve(report, &p, Some(s), "pcscf", true) else {
            continue;
        };
        if !pcscf_nodes.contains(&id) {
            pcscf_nodes.push(id);
        }
        if let Some(Some(NodeKind::Pcscf(spec))) = kinds.get(id.0 as usize) {
            let before = pcscf.len();
            pcscf.extend(spec.ipv4.map(IpAddr::V4));
            pcscf.extend(spec.ipv6.map(IpAddr::V6));
            if pcscf.len() == before {
                report.error(
                    &p,
                    format!(
                        "{} has neither ipv4 nor ipv6, so it gives no address for the PCO",
                        text(s)
                    ),
                );
            }
        }
    }
    if pcscf.is_empty() && name.eq_ignore_ascii_case("ims") {
        report.warn(
            path,
            "APN ims has no p_cscf: the PCO answer carries no P-CSCF address and UEs never send SIP",
        );
    }
    let v4_ok = ipv4_pool.is_some() || r.pool.is_some();
    let v6_ok = ipv6_prefix.is_some() || r.ipv6_pool.is_some();
    if !pcscf.is_empty()
        && !pcscf
            .iter()
            .any(|a| (a.is_ipv4() && v4_ok) || (a.is_ipv6() && v6_ok))
    {
        report.warn(
            &f("p_cscf"),
            format!(
                "no P-CSCF address of APN {name} has the IP version of its pool{}: UEs cannot reach the P-CSCF",
                if v4_ok { "" } else { " (IPv6 only)" }
            ),
        );
    }
    ApnSpec {
        name: name.to_string(),
        ipv4_pool,
        ipv6_prefix,
        qci,
        arp_priority,
        ambr_ul,
        ambr_dl,
        pcscf,
        dns,
        mtu,
    }
}

fn hss(
    report: &mut Report,
    path: &str,
    r: &RawHss,
    plmn: &Plmn,
    several: bool,
    name: &str,
    origin: &Origin,
) -> HssSpec {
    let f = |k: &str| join(path, k);
    let db = r.db.as_ref().map(|s| {
        let p = PathBuf::from(text(s));
        match origin.dir() {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p,
        }
    });
    let amf = match &r.amf {
        None => [0x80, 0x00],
        Some(s) => {
            let t = match s {
                Scalar::Int(i) => format!("{i:04}"),
                other => text(other),
            };
            match units::parse_hex::<2>("amf", &t) {
                Ok(a) => a,
                Err(e) => {
                    report.error(&f("amf"), e);
                    [0x80, 0x00]
                }
            }
        }
    };
    if amf[0] & 0x80 == 0 {
        report.warn(
            &f("amf"),
            "the AMF separation bit (0x8000) is not set: UEs reject E-UTRAN vectors without it (TS 33.401 6.1.1)",
        );
    }
    let prefix = if several { name } else { "hss" };
    let realm = epc_realm(plmn);
    let s6a = diameter_identity(
        report,
        &f("s6a"),
        r.s6a.as_ref(),
        format!("{prefix}.{realm}"),
        realm,
    );
    let domain = ims_domain(plmn);
    let cx = diameter_identity(
        report,
        &f("cx"),
        r.cx.as_ref(),
        format!("{prefix}.{domain}"),
        domain,
    );
    HssSpec { db, s6a, cx, amf }
}

fn pcscf(report: &mut Report, path: &str, r: &RawPcscf, names: &Names) -> PcscfSpec {
    let f = |k: &str| join(path, k);
    let ipv4 = r
        .ipv4
        .as_ref()
        .and_then(|s| read::ipv4(report, &f("ipv4"), s));
    let ipv6 = r
        .ipv6
        .as_ref()
        .and_then(|s| read::ipv6(report, &f("ipv6"), s));
    if r.ipv4.is_none() && r.ipv6.is_none() {
        report.warn(
            path,
            "this P-CSCF has neither ipv4 nor ipv6: no UE can reach it",
        );
    }
    let ipsec = match &r.ipsec {
        None => IpsecPolicy::Required,
        Some(Scalar::Bool(true)) => IpsecPolicy::Required,
        Some(Scalar::Bool(false)) => IpsecPolicy::Off,
        Some(s) => match text(s).as_str() {
            "required" => IpsecPolicy::Required,
            "optional" => IpsecPolicy::Optional,
            "off" | "none" => IpsecPolicy::Off,
            other => {
                report.error(
                    &f("ipsec"),
                    format!(
                        "ipsec is required, optional or off, got '{other}'{}",
                        suggestion(other, &["required", "optional", "off"])
                    ),
                );
                IpsecPolicy::Required
            }
        },
    };
    let icscf = names.resolve(report, &f("icscf"), r.icscf.as_ref(), "icscf", false);
    PcscfSpec {
        ipv4,
        ipv6,
        ipsec,
        icscf,
    }
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

    #[test]
    fn algorithm_names_parse_loosely() {
        assert_eq!(algorithm_id(&Scalar::Text("eia2".into()), "eia"), Some(2));
        assert_eq!(
            algorithm_id(&Scalar::Text("128-EEA2".into()), "eea"),
            Some(2)
        );
        assert_eq!(algorithm_id(&Scalar::Int(1), "eea"), Some(1));
        assert_eq!(algorithm_id(&Scalar::Text("eea2".into()), "eia"), None);
        assert_eq!(algorithm_id(&Scalar::Text("eia9".into()), "eia"), None);
    }

    #[test]
    fn domains_pad_two_digit_mncs() {
        let p = Plmn::new("001", "01").unwrap();
        assert_eq!(ims_domain(&p), "ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(epc_realm(&p), "epc.mnc001.mcc001.3gppnetwork.org");
        let p = Plmn::new("310", "410").unwrap();
        assert_eq!(ims_domain(&p), "ims.mnc410.mcc310.3gppnetwork.org");
    }
}
