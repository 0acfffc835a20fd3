//! What the user can ask for, and the keys that ask for it.

use super::app::{App, PromptKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// An action on the selected UE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UeAction {
    /// Attach.
    Attach,
    /// Detach.
    Detach,
    /// Open the ims PDN.
    OpenIms,
    /// Close the ims PDN.
    CloseIms,
    /// Register to IMS.
    Register,
    /// De-register from IMS.
    Deregister,
}

/// Everything the model reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave.
    Quit,
    /// Pause or resume.
    TogglePause,
    /// Hand out one more message (pauses).
    Step,
    /// Faster.
    Faster,
    /// Slower.
    Slower,
    /// Toggle between the chosen speed and as fast as possible.
    ToggleMax,
    /// Start the scenario again.
    Restart,
    /// Move up `n` lines (ladder rows or tree lines, by focus).
    Up(usize),
    /// Move down `n` lines.
    Down(usize),
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first line.
    Top,
    /// To the last line (the ladder then follows the newest message).
    Bottom,
    /// Open the selected message.
    Open,
    /// Close the detail, a prompt, the help; or back to the ladder.
    Back,
    /// Switch focus between the ladder and the detail.
    SwitchFocus,
    /// On small terminals: show the state pane instead of the detail, or back.
    ToggleSide,
    /// Cycle the protocol filter.
    CycleProto,
    /// Filter on the selected UE, or stop.
    ToggleUeFilter,
    /// Hide or show the nodes' notes.
    ToggleNotes,
    /// Drop every filter.
    ClearFilter,
    /// Open a prompt.
    Prompt(PromptKind),
    /// A character typed into the prompt.
    Input(char),
    /// Backspace in the prompt.
    Erase,
    /// Enter in the prompt.
    Submit,
    /// The next UE.
    NextUe,
    /// The previous UE.
    PrevUe,
    /// Act on the selected UE.
    Ue(UeAction),
    /// The HSS de-registers the selected UE's IMPU (RTR).
    HssDeregister,
    /// Jump to the message the current explanation points at (again: the
    /// next explanation's).
    Explain,
    /// Hide or show the explanation panel.
    ToggleExplain,
    /// Show or hide the keys.
    Help,
}

/// The action a key press asks for in the current state of `app`.
pub fn from_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Quit);
    }
    if app.prompt.is_some() {
        return match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Backspace => Some(Action::Erase),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => None,
        };
    }
    if app.help {
        return match key.code {
            KeyCode::Char('q') => Some(Action::Quit),
            _ => Some(Action::Help),
        };
    }
    Some(match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char(' ') => Action::TogglePause,
        KeyCode::Char('s') => Action::Step,
        KeyCode::Char('+') | KeyCode::Char('=') => Action::Faster,
        KeyCode::Char('-') => Action::Slower,
        KeyCode::Char('f') => Action::ToggleMax,
        KeyCode::Char('R') => Action::Restart,
        KeyCode::Up | KeyCode::Char('k') => Action::Up(1),
        KeyCode::Down | KeyCode::Char('j') => Action::Down(1),
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Enter => Action::Open,
        KeyCode::Esc => Action::Back,
        KeyCode::Tab => Action::SwitchFocus,
        KeyCode::Char('v') => Action::ToggleSide,
        KeyCode::Char('/') => Action::Prompt(PromptKind::Filter),
        KeyCode::Char('p') => Action::CycleProto,
        KeyCode::Char('U') => Action::ToggleUeFilter,
        KeyCode::Char('n') => Action::ToggleNotes,
        KeyCode::Char('C') => Action::ClearFilter,
        KeyCode::Char('>') | KeyCode::Char('.') => Action::NextUe,
        KeyCode::Char('<') | KeyCode::Char(',') => Action::PrevUe,
        KeyCode::Char('a') => Action::Ue(UeAction::Attach),
        KeyCode::Char('d') => Action::Ue(UeAction::Detach),
        KeyCode::Char('o') => Action::Ue(UeAction::OpenIms),
        KeyCode::Char('O') => Action::Ue(UeAction::CloseIms),
        KeyCode::Char('r') => Action::Ue(UeAction::Register),
        KeyCode::Char('u') => Action::Ue(UeAction::Deregister),
        KeyCode::Char('m') => Action::Prompt(PromptKind::Message),
        KeyCode::Char('h') => Action::HssDeregister,
        KeyCode::Char('A') => Action::Prompt(PromptKind::AddUes),
        KeyCode::Char('w') => Action::Prompt(PromptKind::Export),
        KeyCode::Char('e') => Action::Explain,
        KeyCode::Char('x') => Action::ToggleExplain,
        KeyCode::Char('?') => Action::Help,
        _ => return None,
    })
}

/// The keys, for the help overlay: (keys, what they do), grouped.
pub const KEYS: &[(&str, &[(&str, &str)])] = &[
    (
        "Run",
        &[
            ("space", "pause / resume"),
            ("s", "step one message"),
            ("+ -", "faster / slower"),
            ("f", "max speed / back"),
            ("R", "restart the scenario"),
            ("q", "quit"),
        ],
    ),
    (
        "Ladder",
        &[
            ("↑↓ j k", "select a message"),
            ("PgUp/Dn", "page up / down"),
            ("g G", "first / newest (follow)"),
            ("enter", "open: tree + hex"),
            ("tab", "ladder <-> detail"),
            ("esc", "back / close the detail"),
            ("v", "detail <-> state pane"),
        ],
    ),
    (
        "Filter",
        &[
            ("/", "ue: proto: iface: words"),
            ("p", "cycle the protocol"),
            ("U", "selected UE only / all"),
            ("n", "hide / show notes"),
            ("C", "clear every filter"),
        ],
    ),
    (
        "Selected UE",
        &[
            ("< >", "previous / next UE"),
            ("a d", "attach / detach"),
            ("o O", "open / close ims PDN"),
            ("r u", "IMS register / de-reg."),
            ("m", "send a SIP MESSAGE"),
            ("h", "HSS de-registers (RTR)"),
            ("A", "add N UEs (restarts)"),
        ],
    ),
    (
        "More",
        &[
            ("e", "jump to the explanation"),
            ("x", "hide / show explanation"),
            ("w", "write shown rows to pcap"),
            ("?", "this help"),
        ],
    ),
];
