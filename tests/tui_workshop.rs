//! Every command in docs/workshop.md works: the `sh` blocks are parsed out
//! of the document, each line must be a `volte-sim` command the command
//! line accepts, and the non-interactive ones (`run`, `check`, `decode`,
//! `tui --bench`) run with the exit status the document states (`# exit N`,
//! else 0). The interactive `tui` lines get their topology checked.

use clap::Parser;
use std::path::Path;
use std::process::Command;
use volte_sim::cli::Cli;

/// (line number, command words, expected exit status) of every command.
fn commands(doc: &str) -> Vec<(usize, Vec<String>, i32)> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for (i, line) in doc.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = !in_sh && t == "```sh";
            continue;
        }
        if !in_sh || t.is_empty() || t.starts_with('#') {
            continue;
        }
        let (cmd, comment) = t.split_once(" #").unwrap_or((t, ""));
        let status = comment
            .trim()
            .strip_prefix("exit ")
            .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
            .map_or(0, |n| n.parse().expect("exit status"));
        let words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
        out.push((i + 1, words, status));
    }
    out
}

fn run(bin: &str, dir: &Path, args: &[String]) -> (i32, String) {
    let out = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn workshop_commands_all_work() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/workshop.md")).unwrap();
    let cmds = commands(&doc);
    assert!(cmds.len() >= 15, "only {} commands found", cmds.len());
    // The commands run in a scratch folder (they write pcaps) that sees
    // the repository's topologies.
    let dir = std::env::temp_dir().join(format!("volte-sim-workshop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("topologies");
    if !link.exists() {
        std::os::unix::fs::symlink(root.join("topologies"), &link).unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_volte-sim");
    let mut ran = 0;
    for (line, words, want) in &cmds {
        assert_eq!(
            words.first().map(String::as_str),
            Some("volte-sim"),
            "docs/workshop.md:{line}: not a volte-sim command: {words:?}"
        );
        if let Err(e) = Cli::try_parse_from(words) {
            panic!("docs/workshop.md:{line}: {words:?} does not parse:\n{e}");
        }
        let args = &words[1..];
        let interactive = args[0] == "tui" && !args.iter().any(|a| a == "--bench");
        let (status, out) = if interactive {
            // The UI needs a terminal (tests/tui_tmux.rs drives one): here
            // its topology must load.
            run(bin, &dir, &["check".to_string(), args[1].clone()])
        } else {
            ran += 1;
            run(bin, &dir, args)
        };
        let want = if interactive { 0 } else { *want };
        assert_eq!(
            status, want,
            "docs/workshop.md:{line}: {words:?} exited {status}, the document says {want}:\n{out}"
        );
    }
    assert!(ran >= 10, "only {ran} commands ran");
    let _ = std::fs::remove_dir_all(&dir);
    // Every teaching topology has its exercise.
    for t in [
        "default",
        "no-pcscf",
        "no-second-bearer",
        "missing-ims-apn",
        "wrong-key",
        "sqn-resync",
        "ipv6-only-ims",
        "load-1k",
    ] {
        let file = format!("topologies/{t}.yaml");
        assert!(
            cmds.iter().any(|(_, w, _)| w.contains(&file)),
            "no command runs {file}"
        );
    }
}
