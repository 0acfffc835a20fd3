//! Command-line front end (clap). Each subcommand lives in its own file and
//! returns the process exit code.

pub mod bench;
pub mod check;
pub mod decode;
pub mod hss;
pub mod run;
pub mod tui;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// volte-sim: simulate an LTE core with IMS, message by message, on real wire bytes.
#[derive(Debug, Parser)]
#[command(name = "volte-sim", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a topology: print the ladder of every message and a summary per UE.
    Run(run::RunArgs),
    /// Decode one message (hex, or a file) into a readable tree.
    Decode(decode::DecodeArgs),
    /// Validate a topology file and summarise it.
    Check(check::CheckArgs),
    /// Manage the HSS subscriber database.
    Hss(hss::HssArgs),
    /// Measure: run a topology without recording and report UEs/s and peak memory.
    Bench(bench::BenchArgs),
    /// Run a topology in the terminal UI: ladder, step mode, decoded messages, explanations.
    Tui(tui::TuiArgs),
}

/// Parses the command line and runs the chosen subcommand.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run::run(&args),
        Command::Decode(args) => decode::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Hss(args) => hss::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Tui(args) => tui::run(&args),
    }
}
