//! `volte-sim tui`: run a topology in the terminal UI (ladder, step mode,
//! decoded messages, explanations); `--bench` measures the UI instead.

use crate::cli::run::load;
use crate::tui::bench::measure;
use crate::tui::engine::Speed;
use crate::tui::session::SessionOptions;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `tui`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    volte-sim tui topologies/default.yaml --paused\n  \
    volte-sim tui topologies/no-pcscf.yaml --speed 0.01\n  \
    volte-sim tui topologies/load-1k.yaml --pcap load.pcap\n  \
    volte-sim tui topologies/load-1k.yaml --bench --pcap load.pcap\n\n\
    Keys: space run/pause, s step, enter open, / filter, e why, ? all keys, q quit.\n\
    Exit status: 0 when every UE reached its goal by the time you quit, 1 when\n\
    one did not, 2 for a bad topology or file.")]
pub struct TuiArgs {
    /// Topology YAML file.
    pub file: PathBuf,
    /// Write every message to this pcap (all of them, whatever the UI shows).
    #[arg(long)]
    pub pcap: Option<PathBuf>,
    /// Start paused (step with s, run with space).
    #[arg(long)]
    pub paused: bool,
    /// Simulated time per wall-clock time: 0.01 is slow motion, 1 real time,
    /// max as fast as possible.
    #[arg(long, value_parser = Speed::parse, default_value = "1")]
    pub speed: Speed,
    /// Measure instead of showing: run as fast as the CPU allows (at most
    /// 1000x), draw every frame off screen at --size, report frame times,
    /// events per second and whether the pcap is complete.
    #[arg(long)]
    pub bench: bool,
    /// Terminal size for --bench, e.g. 160x48.
    #[arg(long, value_parser = parse_size, default_value = "160x48")]
    pub size: (u16, u16),
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let bad = || format!("'{s}' is not a size: give WIDTHxHEIGHT, at least 80x24");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h) = (
        w.trim().parse::<u16>().map_err(|_| bad())?,
        h.trim().parse::<u16>().map_err(|_| bad())?,
    );
    if w < 80 || h < 24 {
        return Err(bad());
    }
    Ok((w, h))
}

/// Runs `tui`.
pub fn run(args: &TuiArgs) -> ExitCode {
    if args.bench {
        return bench(args);
    }
    run_ui(&args.file, args.pcap.clone(), args.paused, args.speed)
}

/// Runs the UI on `file` (also `volte-sim run FILE --tui`); prints the
/// summary once the user quits.
pub fn run_ui(file: &Path, pcap: Option<PathBuf>, paused: bool, speed: Speed) -> ExitCode {
    let Some(topo) = load(file) else {
        return ExitCode::from(2);
    };
    let opts = SessionOptions {
        pcap: pcap.clone(),
        paused,
        speed,
    };
    let session = match crate::tui::run(topo, &opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: the terminal UI cannot run: {e}");
            return ExitCode::from(2);
        }
    };
    let success = session.tracker.success();
    let summary = session.tracker.summary();
    match session.finish() {
        Ok(Some((path, n))) => eprintln!("wrote {n} frames to {}", path.display()),
        Ok(None) => {}
        Err(e) => {
            eprintln!("error: writing the pcap failed: {e}");
            return ExitCode::from(2);
        }
    }
    print!("{summary}");
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn bench(args: &TuiArgs) -> ExitCode {
    let Some(topo) = load(&args.file) else {
        return ExitCode::from(2);
    };
    let (w, h) = args.size;
    let run = measure(
        topo,
        args.pcap.clone(),
        w,
        h,
        Duration::from_millis(16),
        Duration::from_secs(600),
    );
    let (m, session) = match run {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = session.finish() {
        eprintln!("error: writing the pcap failed: {e}");
        return ExitCode::from(2);
    }
    print!("{m}");
    let complete = m.pcap_frames.is_none_or(|n| n == m.non_uu);
    if complete && m.reached == m.ues {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
