//! `volte-sim bench`: run a topology as fast as the simulator goes, without
//! recording messages, and report UEs per second and peak memory.

use crate::cli::run::load;
use crate::run::{RunOptions, run_sim};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `bench`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example (build with --release for meaningful figures):\n  \
    cargo run --release -- bench topologies/load-10k.yaml\n\n\
    Reports the wall time, UEs that reached their goal per second, the\n\
    simulator steps (messages, timers, commands) per second and the peak\n\
    resident memory of the process (VmHWM)."
)]
pub struct BenchArgs {
    /// Topology YAML file (e.g. topologies/load-10k.yaml).
    pub file: PathBuf,
}

/// Peak resident set size in KiB, from /proc (Linux); None elsewhere.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Runs `bench`.
pub fn run(args: &BenchArgs) -> ExitCode {
    let Some(topo) = load(&args.file) else {
        return ExitCode::from(2);
    };
    let ues = topo.ues().count();
    let opts = RunOptions {
        record_messages: false,
        progress: true,
        ..RunOptions::default()
    };
    let start = Instant::now();
    let tracker = run_sim(&topo, &opts, &mut |_| {});
    let wall = start.elapsed().as_secs_f64();
    let reached = tracker.reached();
    println!("topology        {}", topo.name);
    println!("UEs             {reached} of {ues} reached their goal");
    println!("wall time       {wall:.3} s");
    println!("UEs per second  {:.0}", reached as f64 / wall.max(1e-9));
    println!(
        "steps           {} ({:.0} per second)",
        tracker.steps,
        tracker.steps as f64 / wall.max(1e-9)
    );
    println!("simulated time  {} s", tracker.last_time());
    match peak_rss_kib() {
        Some(k) => println!("peak RSS        {:.1} MiB", k as f64 / 1024.0),
        None => println!("peak RSS        unknown (no /proc)"),
    }
    if reached == ues {
        ExitCode::SUCCESS
    } else {
        print!("{}", tracker.summary());
        ExitCode::FAILURE
    }
}
