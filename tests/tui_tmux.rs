//! The real binary in a real terminal: tmux runs `volte-sim tui` on the
//! default topology, paused; the test steps (send-keys) until the Activate
//! Default EPS Bearer Context Request of the ims PDN, opens it and reads the
//! P-CSCF address off the screen (capture-pane), resumes, waits for the
//! IMS registration to complete, quits, and checks the terminal is restored
//! with the summary and exit status 0.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own (own socket, no user config), one session.
struct Tmux {
    name: String,
}

fn tmux(name: &str) -> Command {
    let mut c = Command::new("tmux");
    c.args(["-L", name, "-f", "/dev/null"]);
    c
}

impl Tmux {
    fn start(width: u16, height: u16) -> Self {
        let name = format!("volte-sim-tui-{}", std::process::id());
        let ok = tmux(&name)
            .args(["new-session", "-d", "-s", &name])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux new-session failed");
        Self { name }
    }

    fn keys(&self, keys: &[&str]) {
        let ok = tmux(&self.name)
            .args(["send-keys", "-t", &self.name])
            .args(keys)
            .status()
            .expect("tmux send-keys")
            .success();
        assert!(ok, "tmux send-keys {keys:?} failed");
    }

    fn screen(&self) -> String {
        let out = tmux(&self.name)
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn display(&self, what: &str) -> String {
        let out = tmux(&self.name)
            .args(["display-message", "-p", "-t", &self.name, what])
            .output()
            .expect("tmux display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `ok`; returns it.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, false, ok)
    }

    /// Like `wait`, and the screen has stopped changing: a capture can catch
    /// a frame half written (its title already new, the lines below still
    /// old). Only for a paused UI, whose screen does settle.
    fn wait_settled(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, true, ok)
    }

    fn wait_for(&self, what: &str, settled: bool, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let s = self.screen();
            if ok(&s) && (!settled || s == last) {
                return s;
            }
            last = s;
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {what}; the screen:\n{last}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = tmux(&self.name).arg("kill-server").status();
    }
}

/// Like `common::have_tool`, which probes with `--version`: tmux only
/// knows `-V`. Skips with a line, or fails under VOLTE_SIM_REQUIRE_TOOLS=1.
fn have_tmux(test: &str) -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if common::require_tools() {
            panic!("{test}: required tool 'tmux' is not installed (VOLTE_SIM_REQUIRE_TOOLS=1)");
        }
        eprintln!("SKIP {test}: 'tmux' is not installed");
    }
    ok
}

#[test]
fn tui_steps_to_the_ims_bearer_shows_the_pcscf_and_restores_the_terminal() {
    if !have_tmux("tui_steps_to_the_ims_bearer_shows_the_pcscf_and_restores_the_terminal") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_volte-sim");
    let dir = env!("CARGO_MANIFEST_DIR");
    let t = Tmux::start(200, 50);
    t.keys(&[
        &format!("cd '{dir}' && '{bin}' tui topologies/default.yaml --paused; echo EXIT=$?"),
        "Enter",
    ]);
    t.wait("the paused UI", |s| {
        s.contains("PAUSED") && s.contains(" 0 msgs ")
    });
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "the UI runs on the alternate screen"
    );

    // Step one message at a time until the S1 E-RAB Setup Request carrying
    // the Activate Default EPS Bearer Context Request for ims is selected.
    let mut found = false;
    for i in 1..=200 {
        t.keys(&["s"]);
        let s = t.wait_settled(&format!("message {i}"), |s| {
            s.contains(&format!(" {i} msgs "))
        });
        let info = s
            .lines()
            .find(|l| l.trim_start().starts_with('#'))
            .unwrap_or_default()
            .to_string();
        // The ims bearer is the one with QCI 5.
        if info.contains("S1-MME")
            && info.contains("E-RABSetupRequest")
            && info.contains("QCI=5")
            && info.contains("Activate Default EPS Bearer Context")
        {
            found = true;
            break;
        }
    }
    assert!(
        found,
        "never stepped onto the ims bearer request:\n{}",
        t.screen()
    );

    // Open it: the PCO's P-CSCF addresses are on screen.
    t.keys(&["Enter"]);
    let s = t.wait("the detail", |s| s.contains("P-CSCF IPv4 Address"));
    assert!(s.contains("P-CSCF IPv4 Address: 10.46.0.1"), "{s}");
    assert!(s.contains("P-CSCF IPv6 Address: fd00:46::1"), "{s}");
    assert!(s.contains("Access point name: ims"), "{s}");
    assert!(s.contains("Detail #"), "{s}");

    // Resume: the ims PDN comes up with its P-CSCF list, then the
    // registration completes.
    t.keys(&["Escape"]);
    t.keys(&["Space"]);
    let s = t.wait("the ims PDN in the state pane", |s| {
        s.contains("PDN ims") && s.contains("P-CSCF 10.46.0.1, fd00:46::1")
    });
    assert!(s.contains("RUNNING") || s.contains("DONE"), "{s}");
    let s = t.wait("IMS registered", |s| {
        s.contains("IMS registered 1") && s.contains("UEs 1/1 ok")
    });
    assert!(
        s.contains("IMS registered sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
        "{s}"
    );

    // Quit: the shell's screen is back, with the summary and exit status.
    t.keys(&["q"]);
    // (The typed command line itself shows "EXIT=$?": wait for a digit.)
    let s = t.wait("the shell", |s| {
        s.lines().any(|l| {
            l.trim()
                .strip_prefix("EXIT=")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
    });
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(s.contains("Summary: 1 of 1 UEs reached their goal"), "{s}");
    assert!(!s.contains("Ladder ("), "the UI is still on screen:\n{s}");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "the alternate screen is left"
    );
    assert_eq!(
        t.display("#{cursor_flag}"),
        "1",
        "the cursor is visible again"
    );
}
