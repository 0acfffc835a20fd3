//! Colours and styles, in one place.

use crate::nodes::Iface;
use ratatui::style::{Color, Modifier, Style};

/// The title bar.
pub const TITLE: Style = Style::new().fg(Color::White).bg(Color::Blue);
/// "PAUSED".
pub const PAUSED: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// "RUNNING".
pub const RUNNING: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Green)
    .add_modifier(Modifier::BOLD);
/// The simulation lags behind the requested speed.
pub const BEHIND: Style = Style::new().fg(Color::White).bg(Color::Red);
/// Pane titles.
pub const PANE_TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// The pane with the keys.
pub const FOCUSED: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Lifelines and other furniture.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// Node names over the lanes.
pub const LANE: Style = Style::new().add_modifier(Modifier::BOLD);
/// Nodes that are not simulated here.
pub const LANE_EXTERNAL: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
/// The selected ladder row.
pub const SELECTED: Style = Style::new()
    .bg(Color::Rgb(50, 50, 80))
    .add_modifier(Modifier::BOLD);
/// Notes.
pub const NOTE: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
/// Failures in names and explanations.
pub const BAD: Style = Style::new().fg(Color::LightRed);
/// A row an explanation points at.
pub const MARK: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
/// The tree line under the cursor.
pub const CURSOR: Style = Style::new().add_modifier(Modifier::REVERSED);
/// PCO containers.
pub const PCO: Style = Style::new().fg(Color::Yellow);
/// P-CSCF addresses.
pub const PCSCF: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// Bytes of the field under the cursor.
pub const HEX_SPAN: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightCyan)
    .add_modifier(Modifier::BOLD);
/// Offsets in the hex view.
pub const HEX_OFFSET: Style = Style::new().fg(Color::DarkGray);
/// Key names in the footer and help.
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Failure explanation title.
pub const EXPLAIN_FAIL: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
/// Informative explanation title.
pub const EXPLAIN_INFO: Style = Style::new()
    .fg(Color::LightBlue)
    .add_modifier(Modifier::BOLD);
/// Goal reached.
pub const GOOD: Style = Style::new().fg(Color::LightGreen);

/// The colour of a message, by the protocol it shows.
pub fn protocol(proto: &str, iface: Iface) -> Style {
    let c = match proto {
        "SIP" => Color::LightGreen,
        "Diameter" => Color::LightMagenta,
        "GTPv2-C" => Color::Yellow,
        "GTP-U" | "IP" => Color::Gray,
        "S1AP" | "S1AP/NAS" => Color::Cyan,
        "NAS" | "RRC/NAS" | "RRC" => Color::LightBlue,
        _ => match iface {
            Iface::Gm | Iface::Mw => Color::LightGreen,
            Iface::S6a | Iface::Cx => Color::LightMagenta,
            _ => Color::White,
        },
    };
    Style::new().fg(c)
}

/// True if a message name reads like a failure.
pub fn looks_bad(name: &str) -> bool {
    ["Reject", "Failure", "failed", "undecodable"]
        .iter()
        .any(|w| name.contains(w))
        || name
            .strip_prefix("SIP/2.0 ")
            .is_some_and(|s| s.starts_with('4') || s.starts_with('5') || s.starts_with('6'))
}
