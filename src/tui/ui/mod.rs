//! Drawing: the model in, a frame out. Panes stack on small terminals
//! (from 80x24) and sit side by side on wide ones.

pub mod detail;
pub mod ladder;
pub mod state;
pub mod theme;

use super::action::KEYS;
use super::app::App;
use super::engine::Speed;
use super::explain::Severity;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Terminals at least this wide put the detail and state beside the ladder.
pub const WIDE: u16 = 150;

/// `s` cut to `w` characters, with an ellipsis when cut.
pub fn fit(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(w - 1).collect();
    out.push('…');
    out
}

/// A pane: a rule on top with the title in it.
pub fn pane_block(title: String, focused: bool) -> Block<'static> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(if focused { theme::FOCUSED } else { theme::DIM })
        .title(Span::styled(
            title,
            if focused {
                theme::FOCUSED
            } else {
                theme::PANE_TITLE
            },
        ))
}

fn title_bar(app: &App, width: usize) -> Line<'static> {
    let (state, style) = if app.paused {
        (" PAUSED ", theme::PAUSED)
    } else if app.idle {
        (" DONE ", theme::RUNNING)
    } else {
        (" RUNNING ", theme::RUNNING)
    };
    let speed = match app.speed {
        Speed::Max => "max".to_string(),
        s => s.label(),
    };
    let mut spans = vec![
        Span::styled(format!(" volte-sim · {} ", app.topology), theme::TITLE),
        Span::styled(state, style),
        Span::styled(
            format!(
                " t={} s · {speed} · {} msgs · {} ",
                app.now,
                app.messages,
                app.ue_summary()
            ),
            theme::TITLE,
        ),
    ];
    if app.behind && !app.paused {
        spans.push(Span::styled(
            " sampling: the simulation is behind ",
            theme::BEHIND,
        ));
    }
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    spans.push(Span::styled(
        " ".repeat(width.saturating_sub(used)),
        theme::TITLE,
    ));
    Line::from(spans)
}

fn footer(app: &App, width: usize) -> Line<'static> {
    if let Some(p) = &app.prompt {
        return Line::from(vec![
            Span::styled(format!(" {}: ", p.kind.label()), theme::KEY),
            Span::raw(format!("{}▏", p.input)),
        ]);
    }
    if let Some(t) = &app.toast {
        return Line::styled(fit(&format!(" {t}"), width), theme::PANE_TITLE);
    }
    let keys: &[(&str, &str)] = if app.detail_open {
        &[
            ("space", "run"),
            ("s", "step"),
            ("tab", "ladder/detail"),
            ("↑↓", "move"),
            ("esc", "back"),
            ("e", "why"),
            ("?", "help"),
            ("q", "quit"),
        ]
    } else {
        &[
            ("space", "run"),
            ("s", "step"),
            ("enter", "open"),
            ("/", "filter"),
            ("e", "why"),
            ("+-", "speed"),
            ("?", "help"),
            ("q", "quit"),
        ]
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, what) in keys {
        let n = k.chars().count() + what.len() + 3;
        if used + n > width {
            break;
        }
        used += n;
        spans.push(Span::styled(format!(" {k}"), theme::KEY));
        spans.push(Span::raw(format!(" {what} ")));
    }
    Line::from(spans)
}

/// Lines the explanation panel needs at `width` (0 when hidden).
fn explain_height(app: &App, width: u16, max: u16) -> u16 {
    if !app.show_explain {
        return 0;
    }
    let Some(e) = app.explainer.list.get(app.explain_at) else {
        return 0;
    };
    let w = usize::from(width.max(20)) - 1;
    let text = e.text.chars().count().div_ceil(w) as u16;
    (text + 2).min(max)
}

fn explain_panel(f: &mut Frame, area: Rect, app: &App) {
    let Some(e) = app.explainer.list.get(app.explain_at) else {
        return;
    };
    let n = app.explainer.list.len();
    let (title, style) = match e.severity {
        Severity::Failure => ("Why it failed", theme::EXPLAIN_FAIL),
        Severity::Info => ("What happened", theme::EXPLAIN_INFO),
    };
    let who = e
        .imsi
        .map(|i| app.ue_label(i))
        .map(|u| {
            if e.count > 1 {
                format!(" · {u} and {} more UEs", e.count - 1)
            } else {
                format!(" · {u}")
            }
        })
        .unwrap_or_default();
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(style)
        .title(Span::styled(
            format!(" {title} ({}/{n}){who} ", app.explain_at + 1),
            style,
        ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let target = match e.target.and_then(|s| app.rows.get(s)) {
        Some(r) => format!(
            "e → #{} at {}: {} (x hides this)",
            r.seq, r.t, e.target_what
        ),
        None => format!("e → {} (not in the ladder yet)", e.target_what),
    };
    let [text_area, target_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    f.render_widget(
        Paragraph::new(e.text.clone()).wrap(Wrap { trim: true }),
        text_area,
    );
    f.render_widget(
        Paragraph::new(fit(&target, inner.width as usize)).style(theme::KEY),
        target_area,
    );
}

fn help(f: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    for (group, keys) in KEYS {
        lines.push(Line::styled(*group, theme::PANE_TITLE));
        for (k, what) in *keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {k:<9}"), theme::KEY),
                Span::raw(*what),
            ]));
        }
    }
    let half = lines.len().div_ceil(2);
    let w = area.width.min(80);
    let h = (half as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + area.width.saturating_sub(w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .title(Span::styled(" Keys (any key closes) ", theme::PANE_TITLE))
        .border_style(theme::FOCUSED);
    let inner = block.inner(r);
    f.render_widget(block, r);
    let right = lines.split_off(half);
    let [a, b] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    f.render_widget(Paragraph::new(lines), a);
    f.render_widget(Paragraph::new(right), b);
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &mut App) {
    let area = f.area();
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(title_bar(app, area.width as usize)), top);
    if area.width >= WIDE {
        let share = if app.detail_open { 50 } else { 62 };
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(share),
            Constraint::Percentage(100 - share),
        ])
        .areas(body);
        let eh = explain_height(app, left.width, left.height / 3);
        let [lad, exp] = Layout::vertical([Constraint::Min(0), Constraint::Length(eh)]).areas(left);
        ladder::render(f, lad, app);
        explain_panel(f, exp, app);
        if app.detail_open {
            let [d, s] = Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)])
                .areas(right);
            detail::render(f, d, app);
            state::render(f, s, app);
        } else {
            state::render(f, right, app);
        }
    } else {
        let eh = explain_height(app, body.width, (body.height / 3).max(3));
        let rest = body.height.saturating_sub(eh);
        let low = if eh > 0 {
            rest / 2
        } else if app.detail_open && !app.side_state {
            rest * 3 / 5
        } else {
            rest * 9 / 20
        };
        let [lad, exp, low_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(eh),
            Constraint::Length(low),
        ])
        .areas(body);
        ladder::render(f, lad, app);
        explain_panel(f, exp, app);
        if app.detail_open && !app.side_state {
            detail::render(f, low_area, app);
        } else {
            state::render(f, low_area, app);
        }
    }
    f.render_widget(
        Paragraph::new(footer(app, area.width as usize)).style(Style::new()),
        bottom,
    );
    if app.help {
        help(f, body);
    }
    app.dirty = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("abc", 0), "");
    }
}
