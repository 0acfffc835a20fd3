//! The terminal UI: a live cross-protocol ladder over a simulator the UI
//! drives itself (so pause and step are exact), the decoded message with its
//! bytes, the state of every UE and node, and plain-words explanations of
//! failures.
//!
//! Laid out as ratatui's templates do, state, input and drawing apart:
//!
//! - [`app`]: the model ([`app::App`]): rows, selection, filters, states.
//! - [`action`]: what the user can ask for, and the keys for it.
//! - [`update`]: `update(&mut App, Action) -> Option<Effect>`, pure.
//! - [`ui`]: drawing the model into a frame.
//! - [`engine`]: the simulator in virtual time (speed, step, restart).
//! - [`session`]: carries out effects and feeds events to the model and the
//!   pcap; the terminal loop here, the tests and [`bench`] all drive one.
//! - [`rows`], [`inspect`], [`explain`]: the ladder's ring and filter, one
//!   message decoded with absolute byte spans, and the failure rules.

pub mod action;
pub mod app;
pub mod bench;
pub mod engine;
pub mod explain;
pub mod inspect;
pub mod rows;
pub mod session;
pub mod ui;
pub mod update;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent};
use session::{Session, SessionOptions};
use std::io;
use std::time::{Duration, Instant};

use crate::topology::Topology;

/// At most this often a frame is drawn while the simulation runs.
const FRAME: Duration = Duration::from_millis(33);
/// Wall-clock time the simulation may take between two looks at the keyboard.
const WORK: Duration = Duration::from_millis(20);
/// How long to wait for a key when nothing runs.
const IDLE_POLL: Duration = Duration::from_millis(250);

/// Runs the UI on the terminal until the user quits; the terminal is
/// restored on the way out, also after a panic. Returns the session (its
/// tracker holds the run's outcome, its pcap is still to be finished).
pub fn run(topo: Topology, opts: &SessionOptions) -> io::Result<Session> {
    let mut session = Session::new(topo, opts)?;
    // try_init enters the alternate screen and raw mode, and installs a
    // panic hook that restores the terminal before the panic is reported.
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut session);
    ratatui::restore();
    result.map(|()| session)
}

fn event_loop(terminal: &mut DefaultTerminal, s: &mut Session) -> io::Result<()> {
    let mut last = Instant::now();
    let mut last_draw: Option<Instant> = None;
    loop {
        let busy = !s.app.paused && !s.app.idle;
        let since = last_draw.map_or(FRAME, |t| t.elapsed());
        let timeout = if s.app.dirty && since >= FRAME {
            Duration::ZERO
        } else if busy || s.app.dirty {
            FRAME.saturating_sub(since).min(Duration::from_millis(10))
        } else {
            IDLE_POLL
        };
        let mut input = false;
        if event::poll(timeout)? {
            loop {
                match event::read()? {
                    TermEvent::Key(k) => s.key(k),
                    TermEvent::Resize(..) => s.app.dirty = true,
                    _ => {}
                }
                input = true;
                if s.app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if s.app.quit {
            return Ok(());
        }
        let now = Instant::now();
        s.tick(now - last, now + WORK);
        last = now;
        let since = last_draw.map_or(FRAME, |t| t.elapsed());
        if input || (s.app.dirty && since >= FRAME) || since >= Duration::from_secs(1) {
            terminal.draw(|f| s.draw(f))?;
            last_draw = Some(Instant::now());
        }
    }
}
