//! `volte-sim run`: play a topology, print the ladder and a summary per UE;
//! exit 0 only if every UE reached its goal.

use crate::events::capture::Capture;
use crate::events::event::Event;
use crate::events::json::event_json_with;
use crate::events::ladder::Ladder;
use crate::events::names::NodeNames;
use crate::run::report::{LIST_LIMIT, Tracker};
use crate::run::{RunOptions, build_nodes, run_realtime, run_sim};
use crate::topology::{self, Topology};
use clap::Args;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `run`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    volte-sim run topologies/default.yaml\n  \
    volte-sim run topologies/default.yaml --pcap attach.pcap --json attach.jsonl\n  \
    volte-sim run topologies/load-1k.yaml --quiet\n\n\
    A topology whose HSS has `listen:` addresses runs in real time and serves real MMEs and\n\
    CSCFs (Diameter over TCP) until --max-time or Ctrl-C.\n\n\
    Exit status: 0 when every UE reached its goal (a listening run: when none failed), 1 when\n\
    one did not, 2 for a bad topology or file.")]
pub struct RunArgs {
    /// Topology YAML file.
    pub file: PathBuf,
    /// Write every message to this pcap (Wireshark reads it like a capture).
    #[arg(long)]
    pub pcap: Option<PathBuf>,
    /// Write every event as one JSON object per line to this file.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Print only the summary, not the ladder.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the ladder even for runs with many UEs.
    #[arg(long, conflicts_with = "quiet")]
    pub ladder: bool,
    /// Drive the nodes with tokio actors on the wall clock instead of the
    /// simulator's virtual clock (same nodes, same bytes; runs in real time).
    #[arg(long)]
    pub realtime: bool,
    /// Show the run in the terminal UI (as `volte-sim tui FILE`; --pcap applies).
    #[arg(long, conflicts_with_all = ["realtime", "json", "quiet", "ladder"])]
    pub tui: bool,
    /// Stop at this simulated time even if UEs are still pending (e.g. 120s);
    /// a topology that listens for real peers runs until then (wall clock).
    #[arg(long, value_parser = parse_duration, default_value = "600s")]
    pub max_time: std::time::Duration,
}

fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    topology::units::parse_duration(s).map_err(|e| e.to_string())
}

/// Loads a topology, printing errors and warnings; `None` means exit 2.
pub fn load(file: &std::path::Path) -> Option<Topology> {
    match topology::load_from_path(file) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            Some(loaded.topology)
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

struct Sinks {
    ladder: Option<Ladder>,
    stdout: std::io::StdoutLock<'static>,
    capture: Option<Capture<BufWriter<File>>>,
    json: Option<BufWriter<File>>,
    names: NodeNames,
    show_keys: bool,
    error: Option<String>,
}

impl Sinks {
    fn event(&mut self, e: &Event) {
        self.names.observe(e);
        if let Some(l) = &self.ladder
            && let Some(line) = l.line(e, &self.names)
        {
            let _ = writeln!(self.stdout, "{line}");
        }
        if let Some(c) = &mut self.capture
            && let Err(err) = c.observe(e)
        {
            self.error
                .get_or_insert(format!("writing the pcap failed: {err}"));
        }
        if let Some(j) = &mut self.json
            && let Err(err) = writeln!(j, "{}", event_json_with(e, &self.names, self.show_keys))
        {
            self.error
                .get_or_insert(format!("writing the JSON log failed: {err}"));
        }
    }
}

fn create(path: &PathBuf, what: &str) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| format!("cannot create {what} {}: {e}", path.display()))
}

/// Runs `run`.
pub fn run(args: &RunArgs) -> ExitCode {
    if args.tui {
        let speed = crate::tui::engine::Speed::Factor(1.0);
        return crate::cli::tui::run_ui(&args.file, args.pcap.clone(), false, speed);
    }
    let Some(topo) = load(&args.file) else {
        return ExitCode::from(2);
    };
    let (_, skipped) = build_nodes(&topo);
    if !skipped.is_empty() {
        eprintln!(
            "note: not simulated yet, left out of this run: {}",
            skipped.join(", ")
        );
    }
    let ues = topo.ues().count();
    let show_ladder = !args.quiet && (args.ladder || ues <= LIST_LIMIT);
    if !args.quiet && !show_ladder {
        eprintln!("note: the ladder is not printed for {ues} UEs (use --ladder to print it)");
    }
    let capture = match &args.pcap {
        Some(p) => match create(p, "pcap").and_then(|w| {
            Capture::new(w, &topo).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let json = match &args.json {
        Some(p) => match create(p, "JSON log") {
            Ok(w) => Some(w),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let names = NodeNames::of(&topo);
    let mut sinks = Sinks {
        ladder: show_ladder.then(|| Ladder::new(&names)),
        stdout: std::io::stdout().lock(),
        capture,
        json,
        names,
        show_keys: topo.show_keys,
        error: None,
    };
    let opts = RunOptions {
        max_time: args.max_time,
        progress: ues > LIST_LIMIT && !show_ladder,
        ..RunOptions::default()
    };
    let listening = !topo.listeners().is_empty();
    if listening && !args.realtime {
        eprintln!(
            "note: the HSS listens for real Diameter peers (listen:), so this run is in real time, until --max-time ({} s) or Ctrl-C",
            args.max_time.as_secs_f64()
        );
    }
    let mut sink = |e: &Event| sinks.event(e);
    let tracker: Tracker = if args.realtime || listening {
        match run_realtime(&topo, &opts, &mut sink) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        run_sim(&topo, &opts, &mut sink)
    };
    if let Some(c) = sinks.capture.take() {
        let frames = c.frames();
        if let Some(p) = &args.pcap {
            match c.write_esp_sa(p) {
                Ok(Some(sa)) => eprintln!(
                    "wrote the keys of {} encrypted ESP SAs to {} (Wireshark: copy it as esp_sa into a profile folder, or set WIRESHARK_CONFIG_DIR to its folder with the file named esp_sa, and enable ESP decryption)",
                    c.esp_sa_lines().len(),
                    sa.display()
                ),
                Ok(None) => {}
                Err(e) => {
                    sinks
                        .error
                        .get_or_insert(format!("writing the esp_sa file failed: {e}"));
                }
            }
        }
        match c.finish() {
            Ok(_) => eprintln!(
                "wrote {frames} frames to {}",
                args.pcap
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            ),
            Err(e) => {
                sinks
                    .error
                    .get_or_insert(format!("writing the pcap failed: {e}"));
            }
        }
    }
    if let Some(mut j) = sinks.json.take()
        && let Err(e) = j.flush()
    {
        sinks
            .error
            .get_or_insert(format!("writing the JSON log failed: {e}"));
    }
    let _ = writeln!(sinks.stdout);
    let _ = write!(sinks.stdout, "{}", tracker.summary());
    let _ = sinks.stdout.flush();
    if let Some(e) = sinks.error {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    // A listening run serves real peers; with no UEs there is no goal to miss.
    let ok = if listening {
        tracker.reached() == tracker.ues()
    } else {
        tracker.success()
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
