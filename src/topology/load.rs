//! Entry points: YAML text or a file in, a validated [`Topology`] and its
//! warnings out, or every error found.

use super::diag::{Diagnostic, Report, TopologyError};
use super::lines::LineMap;
use super::model::Topology;
use super::validate::{Origin, validate};
use serde_yaml::Value;
use std::path::{Path, PathBuf};

/// A topology that passed validation, with the warnings found on the way
/// (teaching cases show up here: a USIM key that differs, an APN outside the
/// subscription...).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated topology.
    pub topology: Topology,
    /// Warnings, in file order.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and validates a topology file. Messages name the file as given;
/// relative paths inside it (the HSS's `db`) resolve against its folder.
pub fn load_from_path(path: impl AsRef<Path>) -> Result<Loaded, TopologyError> {
    let path = path.as_ref();
    match std::fs::read_to_string(path) {
        Ok(text) => load_from_str_as(&text, path),
        Err(e) => {
            let mut report = Report::new(&path.display().to_string(), LineMap::default());
            report.error_at(None, None, format!("cannot read the file: {e}"));
            Err(report.into_error())
        }
    }
}

/// Validates YAML text that was not read from a file (messages say
/// `<input>`; the name defaults to `topology`).
pub fn load_from_str(text: &str) -> Result<Loaded, TopologyError> {
    load(text, "<input>".into(), None)
}

/// Validates YAML text as if it had been read from `path`: messages name
/// that file, the name defaults to its stem and relative paths resolve
/// against its folder.
pub fn load_from_str_as(text: &str, path: impl AsRef<Path>) -> Result<Loaded, TopologyError> {
    let path = path.as_ref();
    load(text, path.display().to_string(), Some(path.to_path_buf()))
}

fn load(text: &str, label: String, source: Option<PathBuf>) -> Result<Loaded, TopologyError> {
    let lines = LineMap::build(text);
    let duplicate = lines.first_duplicate().cloned();
    let mut report = Report::new(&label, lines);
    let mut doc: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            syntax_error(&mut report, text, &e, duplicate);
            return Err(report.into_error());
        }
    };
    if let Err(e) = doc.apply_merge() {
        report.error_at(None, None, format!("cannot apply a merge key (<<): {e}"));
        return Err(report.into_error());
    }
    let origin = Origin { source };
    match validate(&doc, &mut report, &origin) {
        Some(topology) if !report.has_errors() => Ok(Loaded {
            topology,
            warnings: report.into_warnings(),
        }),
        _ => Err(report.into_error()),
    }
}

/// A YAML syntax error, with serde_yaml's line and column, in plain words.
fn syntax_error(
    report: &mut Report,
    text: &str,
    e: &serde_yaml::Error,
    duplicate: Option<(String, usize, usize)>,
) {
    let full = e.to_string();
    let pos = e.location().map(|l| (l.line(), l.column()));
    let mut msg = match pos {
        Some((line, column)) => full.replacen(&format!(" at line {line} column {column}"), "", 1),
        None => full.clone(),
    };
    if msg.contains("duplicate entry with key")
        && let Some((path, first, second)) = duplicate
    {
        report.error_at(
            Some(second),
            None,
            format!("{path}: appears twice in the same mapping (first on line {first})"),
        );
        return;
    }
    if let Some((path, _)) = msg.split_once(": invalid type: integer")
        && msg.contains("as u128")
    {
        msg = format!(
            "{path}: this number is too large; if it is a key or an identity, write it in quotes"
        );
    }
    let msg = msg.replacen(", while ", " (while ", 1);
    let mut msg = if msg.contains(" (while ") {
        format!("{})", on_line(&msg))
    } else {
        msg
    };
    let line = pos.map(|p| p.0);
    let tab = line
        .and_then(|l| text.lines().nth(l.saturating_sub(1)))
        .is_some_and(|t| t.starts_with('\t') || t.trim_start_matches(' ').starts_with('\t'));
    if tab {
        msg.push_str(" (YAML does not allow tabs for indentation: use spaces)");
    }
    report.error_at(line, pos.map(|p| p.1), format!("syntax error: {msg}"));
}

/// `... at line 2 column 9` -> `... on line 2`.
fn on_line(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        out.push_str(" on line ");
        out.push_str(&digits);
        rest = &after[digits.len()..];
        if let Some(r) = rest.strip_prefix(" column ") {
            rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::nas::{NasCiphering, NasIntegrity};
    use crate::nodes::{Command, NodeId, UeCommand};
    use crate::topology::model::*;
    use std::net::IpAddr;
    use std::time::Duration;

    const K: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
    const OPC: &str = "cd63cb71954a9f4e48a5994e37a02baf";
    /// OP of TS 35.208 test set 1, whose OPc is `OPC` for `K`.
    const OP: &str = "cdc202d5123e20f62b6d676ac72cb318";

    fn short() -> String {
        format!(
            "nodes:
  enb1: {{ kind: enb }}
  mme1: {{ kind: mme }}
  gw1: {{ kind: gateway, apns: {{ internet: {{ pool: 10.45.0.0/16 }} }} }}
  hss1: {{ kind: hss }}
subscribers:
  - {{ imsi: \"001010000000001\", k: {K}, opc: {OPC} }}
ues:
  - {{ imsi: \"001010000000001\" }}
"
        )
    }

    fn hex16(s: &str) -> [u8; 16] {
        crate::topology::units::parse_hex::<16>("x", s).unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn load_ok(text: &str) -> Topology {
        match load_from_str(text) {
            Ok(l) => l.topology,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn defaults_fill_a_short_file() {
        let t = load_ok(&short());
        assert_eq!(t.name, "topology");
        assert_eq!(t.plmn.to_string(), "001-01");
        assert_eq!(
            (t.seed, t.latency, t.show_keys),
            (1, Duration::from_millis(1), false)
        );
        let addrs: Vec<IpAddr> = t.nodes.iter().map(|n| n.addr).collect();
        assert_eq!(
            addrs,
            [
                "127.0.0.1",
                "127.0.0.2",
                "127.0.0.3",
                "127.0.0.4",
                "127.0.0.5"
            ]
            .map(ip)
        );
        let NodeKind::Enb(enb) = &t.nodes[0].kind else {
            panic!()
        };
        assert_eq!(
            *enb,
            EnbSpec {
                enb_id: 0x19B,
                enb_name: "enb-19b".into(),
                tac: 1,
                cell_id: 0x19B01,
                mme: NodeId(1),
                refuse_second_bearer: false,
            }
        );
        let NodeKind::Mme(mme) = &t.nodes[1].kind else {
            panic!()
        };
        assert_eq!(
            *mme,
            MmeSpec {
                gateway: NodeId(2),
                hss: NodeId(3),
                mme_name: "mme01".into(),
                group_id: 1,
                code: 1,
                integrity: vec![NasIntegrity::Eia2],
                ciphering: vec![NasCiphering::Eea0],
                tacs: vec![1],
                relative_capacity: 255,
                diameter: DiameterIdentity {
                    host: "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
                    realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
                },
                t3412: Duration::from_secs(54 * 60),
            }
        );
        let NodeKind::Gateway(gw) = &t.nodes[2].kind else {
            panic!()
        };
        assert_eq!(gw.ims_stack, None);
        assert_eq!(
            gw.apns,
            [ApnSpec {
                name: "internet".into(),
                ipv4_pool: Some(("10.45.0.0".parse().unwrap(), 16)),
                ipv6_prefix: None,
                qci: 9,
                arp_priority: 1,
                ambr_ul: 100_000_000,
                ambr_dl: 100_000_000,
                pcscf: vec![],
                dns: vec![],
                mtu: None,
            }]
        );
        let NodeKind::Hss(hss) = &t.nodes[3].kind else {
            panic!()
        };
        assert_eq!(hss.db, None);
        assert_eq!(hss.amf, [0x80, 0x00]);
        assert_eq!(hss.s6a.host, "hss.epc.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(hss.cx.host, "hss.ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(hss.cx.realm, "ims.mnc001.mcc001.3gppnetwork.org");

        let s = &t.subscribers[0];
        assert_eq!((s.msisdn.as_str(), s.sqn), ("15550000001", 1));
        assert_eq!((s.k, s.opc), (hex16(K), hex16(OPC)));
        assert_eq!(s.apns, ["internet"]);
        assert_eq!(
            s.ims,
            Some(Isim {
                impi: "001010000000001@ims.mnc001.mcc001.3gppnetwork.org".into(),
                impus: vec!["sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org".into()],
                domain: "ims.mnc001.mcc001.3gppnetwork.org".into(),
            })
        );

        assert_eq!(t.nodes[4].name, "ue-001010000000001");
        let NodeKind::Ue(ue) = &t.nodes[4].kind else {
            panic!()
        };
        assert_eq!(
            *ue,
            UeSpec {
                imsi: "001010000000001".into(),
                imeisv: "3569380300000101".into(),
                enb: NodeId(0),
                apns: vec!["internet".into()],
                ims: ImsMode::None,
                usim: Usim {
                    k: hex16(K),
                    opc: hex16(OPC),
                    sqn: 0
                },
                isim: None,
                isim_keys: None,
                eea: 0b111,
                eia: 0b110,
                requires_ipsec: true,
            }
        );
        assert_eq!(
            t.scenario,
            [Step {
                at: Duration::ZERO,
                target: Target::AllUes,
                command: Command::Ue(UeCommand::Attach),
                rate: None,
            }]
        );
    }

    #[test]
    fn name_defaults_to_the_file_stem_and_db_to_its_folder() {
        let text = short().replace("{ kind: hss }", "{ kind: hss, db: hss.sqlite }");
        let t = load_from_str_as(&text, "some/dir/short.yaml")
            .unwrap()
            .topology;
        assert_eq!(t.name, "short");
        assert_eq!(t.source.as_deref(), Some(Path::new("some/dir/short.yaml")));
        let NodeKind::Hss(hss) = &t.nodes[3].kind else {
            panic!()
        };
        assert_eq!(hss.db.as_deref(), Some(Path::new("some/dir/hss.sqlite")));
    }

    #[test]
    fn count_expands_consecutive_imsis_msisdns_names_and_addresses() {
        let text = short()
            .replace(
                "opc: cd63cb71954a9f4e48a5994e37a02baf }",
                "opc: cd63cb71954a9f4e48a5994e37a02baf, count: 3, msisdn: \"15550099\" }",
            )
            .replace(
                "- { imsi: \"001010000000001\" }",
                "- { imsi: \"001010000000002\", count: 2, name: phone, addr: 10.9.0.255 }",
            );
        let t = load_ok(&text);
        let subs: Vec<(&str, &str)> = t
            .subscribers
            .iter()
            .map(|s| (s.imsi.as_str(), s.msisdn.as_str()))
            .collect();
        assert_eq!(
            subs,
            [
                ("001010000000001", "15550099"),
                ("001010000000002", "15550100"),
                ("001010000000003", "15550101"),
            ]
        );
        let ues: Vec<(&str, &str, IpAddr)> = t
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Ue(u) => Some((n.name.as_str(), u.imsi.as_str(), n.addr)),
                _ => None,
            })
            .collect();
        assert_eq!(
            ues,
            [
                ("phone-1", "001010000000002", ip("10.9.0.255")),
                ("phone-2", "001010000000003", ip("10.9.1.0")),
            ]
        );
        let sqns: Vec<u64> = t.ues().map(|(_, u)| u.usim.sqn).collect();
        assert_eq!(sqns, [0, 0]);
    }

    #[test]
    fn op_is_turned_into_opc_for_hss_and_usim() {
        let text = short().replace(&format!("opc: {OPC}"), &format!("op: {OP}"));
        let t = load_ok(&text);
        assert_eq!(t.subscribers[0].opc, hex16(OPC));
        assert_eq!(t.ues().next().unwrap().1.usim.opc, hex16(OPC));
        // A UE with another K but the same operator gets its OPc from OP.
        let other_k = "00112233445566778899aabbccddeeff";
        let text = text.replace(
            "- { imsi: \"001010000000001\" }",
            &format!("- {{ imsi: \"001010000000001\", k: {other_k} }}"),
        );
        let loaded = load_from_str(&text).unwrap();
        let usim = &loaded.topology.ues().next().unwrap().1.usim;
        assert_eq!(usim.k, hex16(other_k));
        let want = crate::crypto::milenage::opc_from_op(
            &crate::crypto::K::new(hex16(other_k)),
            &crate::crypto::Op::new(hex16(OP)),
        );
        assert_eq!(usim.opc, *want.as_bytes());
        assert!(loaded.warnings[0].message.contains("k differs"));
    }

    #[test]
    fn scenario_steps_sort_by_time_and_map_to_commands() {
        let text = format!(
            "{}scenario:
  - {{ at: 30s, ue: \"001010000000001\", do: detach }}
  - {{ at: 5s, ue: all, do: open_pdn, apn: internet, rate: 200/s }}
  - {{ at: 5s, ue: ue-001010000000001, do: message, to: \"001010000000001\" }}
  - {{ at: 1min, hss: hss1, do: deregister, impu: \"sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org\" }}
",
            short()
        );
        let t = load_ok(&text);
        let got: Vec<(Duration, Target, Command, Option<f64>)> = t
            .scenario
            .into_iter()
            .map(|s| (s.at, s.target, s.command, s.rate))
            .collect();
        let impu = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org".to_string();
        assert_eq!(
            got,
            [
                (
                    Duration::from_secs(5),
                    Target::AllUes,
                    Command::Ue(UeCommand::OpenPdn("internet".into())),
                    Some(200.0)
                ),
                (
                    Duration::from_secs(5),
                    Target::Node(NodeId(4)),
                    Command::Ue(UeCommand::SendMessage {
                        to: impu.clone(),
                        text: "hello".into()
                    }),
                    None
                ),
                (
                    Duration::from_secs(30),
                    Target::Node(NodeId(4)),
                    Command::Ue(UeCommand::Detach),
                    None
                ),
                (
                    Duration::from_secs(60),
                    Target::Node(NodeId(3)),
                    Command::Hss(crate::nodes::HssCommand::Deregister { impu }),
                    None
                ),
            ]
        );
    }

    #[test]
    fn several_mmes_get_distinct_diameter_hosts_and_their_enbs_tacs() {
        let text = "nodes:
  enb1: { kind: enb, tac: 7, mme: mme1 }
  enb2: { kind: enb, tac: 8, mme: mme2 }
  enb3: { kind: enb, tac: 9, mme: mme2 }
  mme1: { kind: mme, code: 2 }
  mme2: { kind: mme, code: 3, tacs: [8, 9] }
  gw1: { kind: gateway, apns: { internet: { pool: 10.45.0.0/16 } } }
  hss1: { kind: hss }
";
        let t = load_ok(text);
        let mmes: Vec<(&str, &str, Vec<u16>, &str)> = t
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Mme(m) => Some((
                    n.name.as_str(),
                    m.diameter.host.as_str(),
                    m.tacs.clone(),
                    m.mme_name.as_str(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            mmes,
            [
                (
                    "mme1",
                    "mme1.epc.mnc001.mcc001.3gppnetwork.org",
                    vec![7],
                    "mme02"
                ),
                (
                    "mme2",
                    "mme2.epc.mnc001.mcc001.3gppnetwork.org",
                    vec![8, 9],
                    "mme03"
                ),
            ]
        );
        let ids: Vec<u32> = t
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Enb(e) => Some(e.enb_id),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [0x19B, 0x19C, 0x19D]);
        assert!(t.scenario.is_empty());
    }

    #[test]
    fn ue_capabilities_read_bitmasks_and_names() {
        let text = short().replace(
            "- { imsi: \"001010000000001\" }",
            "- { imsi: \"001010000000001\", eea: [eea0, EEA2], eia: 4 }",
        );
        let ue = load_ok(&text).ues().next().unwrap().1.clone();
        assert_eq!((ue.eea, ue.eia), (0b101, 0b100));
        let text = short().replace(
            "- { imsi: \"001010000000001\" }",
            "- { imsi: \"001010000000001\", eia: [1] }",
        );
        let loaded = load_from_str(&text).unwrap();
        assert_eq!(loaded.topology.ues().next().unwrap().1.eia, 0b10);
        assert_eq!(
            loaded.warnings[0].message,
            "no integrity algorithm in common with its MME (UE: eia1; MME: eia2): the Security Mode Command cannot succeed"
        );
    }

    #[test]
    fn syntax_errors_keep_line_and_column() {
        let e = load_from_str("nodes:\n  enb1: { kind: enb\n").unwrap_err();
        let d = &e.errors[0];
        assert_eq!(d.line, Some(3));
        assert!(d.column.is_some());
        assert!(d.message.starts_with("syntax error: "), "{}", d.message);
        assert_eq!(
            d.message,
            "syntax error: did not find expected ',' or '}' (while parsing a flow mapping on line 2)"
        );
    }

    #[test]
    fn unreadable_file_is_one_error() {
        let e = load_from_path("no/such/file.yaml").unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert!(
            e.to_string()
                .starts_with("no/such/file.yaml: cannot read the file: "),
            "{e}"
        );
    }
}
