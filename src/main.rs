//! The `volte-sim` command. All logic lives in the library; see `volte_sim::cli`.

fn main() -> std::process::ExitCode {
    volte_sim::cli::main()
}
