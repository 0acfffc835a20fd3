//! `volte-sim check FILE`: validate a topology and say what is in it.

use crate::topology::{self, NodeKind, Topology};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  volte-sim check topologies/default.yaml")]
pub struct CheckArgs {
    /// The topology YAML file.
    pub file: PathBuf,
}

/// Validates the file: prints "FILE: OK", a summary and the warnings, or
/// every error (exit code 2).
pub fn run(args: &CheckArgs) -> ExitCode {
    match topology::load_from_path(&args.file) {
        Ok(loaded) => {
            println!("{}: OK", args.file.display());
            println!("{}", summary(&loaded.topology));
            for w in &loaded.warnings {
                println!("{w}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            for d in e.errors.iter().chain(&e.warnings) {
                eprintln!("{d}");
            }
            let n = e.errors.len();
            eprintln!(
                "{}: {n} error{} found",
                args.file.display(),
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(2)
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One paragraph: name and PLMN, nodes by kind, subscribers, UEs, scenario.
pub fn summary(t: &Topology) -> String {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for n in &t.nodes {
        if matches!(n.kind, NodeKind::Ue(_)) {
            continue;
        }
        let w = n.kind.word();
        match kinds.iter_mut().find(|(k, _)| *k == w) {
            Some((_, c)) => *c += 1,
            None => kinds.push((w, 1)),
        }
    }
    let network: usize = kinds.iter().map(|(_, c)| c).sum();
    let by_kind: Vec<String> = kinds.iter().map(|(k, c)| format!("{c} {k}")).collect();
    let ues = t.ues().count();
    let ims = t
        .ues()
        .filter(|(_, u)| u.ims == topology::ImsMode::Register)
        .count();
    let apns: Vec<String> = t
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Gateway(g) => Some(g.apns.iter().map(|a| a.name.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    format!(
        "Topology '{}' (PLMN {}): {} ({}); APNs {}; {}; {}{}; {}. Latency {:?} per hop, seed {}.",
        t.name,
        t.plmn,
        plural(network, "network node", "network nodes"),
        by_kind.join(", "),
        if apns.is_empty() {
            "none".into()
        } else {
            apns.join(", ")
        },
        plural(t.subscribers.len(), "subscriber", "subscribers"),
        plural(ues, "UE", "UEs"),
        if ims > 0 {
            format!(" ({ims} registering to IMS)")
        } else {
            String::new()
        },
        plural(t.scenario.len(), "scenario step", "scenario steps"),
        t.latency,
        t.seed,
    )
}
