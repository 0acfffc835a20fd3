//! The opened message: its decoded tree (PCO containers and P-CSCF
//! addresses highlighted) beside its hex, where the bytes of the field under
//! the cursor are highlighted.

use super::theme;
use super::{fit, pane_block};
use crate::tui::app::{App, Detail, Focus};
use crate::tui::inspect::{Mark, TreeLine};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn tree_text(l: &TreeLine) -> String {
    let indent = " ".repeat(l.depth);
    if l.value.is_empty() {
        format!("{indent}{}", l.name)
    } else {
        format!("{indent}{}: {}", l.name, l.value)
    }
}

fn tree_lines(d: &Detail, width: usize, height: usize) -> Vec<Line<'static>> {
    let n = d.ins.lines.len();
    let top = d
        .cursor
        .saturating_sub(height / 4)
        .min(n.saturating_sub(height));
    d.ins
        .lines
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, l)| {
            let mut style = match l.mark {
                Mark::Pcscf => theme::PCSCF,
                Mark::Pco => theme::PCO,
                Mark::Plain => Style::new(),
            };
            if i == d.cursor {
                style = style.patch(theme::CURSOR);
            }
            Line::styled(fit(&tree_text(l), width), style)
        })
        .collect()
}

fn hex_lines(d: &Detail, per_line: usize, height: usize) -> Vec<Line<'static>> {
    let bytes = &d.ins.bytes;
    let span = d.ins.lines.get(d.cursor).and_then(|l| l.span);
    let pcscf: Vec<(usize, usize)> = d
        .ins
        .lines
        .iter()
        .filter(|l| l.mark == Mark::Pcscf)
        .filter_map(|l| l.span)
        .collect();
    let rows = bytes.len().div_ceil(per_line);
    let first = span.map_or(0, |(a, _)| a / per_line);
    let top = first
        .saturating_sub(height / 3)
        .min(rows.saturating_sub(height));
    (top..rows.min(top + height))
        .map(|r| {
            let mut spans = vec![Span::styled(
                format!("{:04x} ", r * per_line),
                theme::HEX_OFFSET,
            )];
            for i in r * per_line..((r + 1) * per_line).min(bytes.len()) {
                let inside = |s: (usize, usize)| s.0 <= i && i < s.1;
                let style = if span.is_some_and(inside) {
                    theme::HEX_SPAN
                } else if pcscf.iter().any(|s| inside(*s)) {
                    theme::PCO
                } else {
                    Style::new()
                };
                spans.push(Span::raw(" "));
                spans.push(Span::styled(format!("{:02x}", bytes[i]), style));
            }
            Line::from(spans)
        })
        .collect()
}

/// Draws the detail of the opened message into `area`.
pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == Focus::Detail;
    let Some(d) = &app.detail else {
        let block = pane_block(" Detail ".to_string(), focused);
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(
            Paragraph::new("select a message in the ladder and press enter").style(theme::DIM),
            inner,
        );
        return;
    };
    let title = format!(
        " Detail #{} {} {} → {} at {} ",
        d.seq,
        d.iface.name(),
        app.name(d.from),
        app.name(d.to),
        d.t
    );
    let block = pane_block(title, focused);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let head_h = if inner.width >= 100 && inner.height >= 12 {
        2
    } else {
        1
    };
    let [head, body] =
        Layout::vertical([Constraint::Length(head_h), Constraint::Min(0)]).areas(inner);
    f.render_widget(
        Paragraph::new(d.summary.clone())
            .style(theme::PANE_TITLE)
            .wrap(Wrap { trim: true }),
        head,
    );
    let per_line = if body.width >= 110 { 16 } else { 8 };
    let hex_w = (5 + per_line * 3) as u16;
    let [tree_area, _, hex_area] = Layout::horizontal([
        Constraint::Min(20),
        Constraint::Length(1),
        Constraint::Length(hex_w),
    ])
    .areas(body);
    let h = body.height as usize;
    let mut tree = tree_lines(d, tree_area.width as usize, h.saturating_sub(1));
    let pos = match d.ins.lines.get(d.cursor).and_then(|l| l.span) {
        Some((a, b)) => format!("bytes {a}..{b} of {}", d.ins.bytes.len()),
        None => format!("{} bytes; this field has no byte range", d.ins.bytes.len()),
    };
    if let Some(e) = &d.ins.error {
        tree.push(Line::styled(
            fit(&format!("not decoded: {e}"), tree_area.width as usize),
            theme::BAD,
        ));
    }
    let status = format!(
        "field {}/{} · {pos}",
        (d.cursor + 1).min(d.ins.lines.len()),
        d.ins.lines.len()
    );
    let [tree_body, tree_status] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(tree_area);
    f.render_widget(Paragraph::new(tree), tree_body);
    f.render_widget(
        Paragraph::new(fit(&status, tree_area.width as usize)).style(theme::DIM),
        tree_status,
    );
    f.render_widget(Paragraph::new(hex_lines(d, per_line, h)), hex_area);
    app.detail_page = h.saturating_sub(1).max(1);
}
