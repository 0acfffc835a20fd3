//! The ladder: one lane per node, one arrow per message with its name, the
//! selected row's interface and summary under it. Only the visible window
//! of rows is drawn.

use super::theme;
use super::{fit, pane_block};
use crate::tui::app::{App, Focus};
use crate::tui::rows::{Row, RowKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashSet;

/// Above this many UEs they share one lane.
pub const UE_LANES_MAX: usize = 3;
/// Width of the time column.
const TIME_W: usize = 8;

/// The lanes of the ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lanes {
    /// Lane labels and whether the node is simulated.
    pub labels: Vec<(String, bool)>,
    /// The lane of each node (by id).
    pub of_node: Vec<Option<usize>>,
    /// Width of one lane.
    pub width: usize,
    /// The labels take two header lines.
    pub staggered: bool,
}

fn rank(kind: &str) -> usize {
    match kind {
        "ue" => 0,
        "enb" => 1,
        "mme" => 2,
        "gateway" => 3,
        "hss" => 4,
        "pcscf" => 5,
        "icscf" => 6,
        "scscf" => 7,
        _ => 8,
    }
}

/// Short names of node kinds, longest first, for lanes too narrow for the
/// node's own name.
fn kind_labels(kind: &str) -> &'static [&'static str] {
    match kind {
        "ue" => &["UE"],
        "enb" => &["eNB"],
        "mme" => &["MME"],
        "gateway" => &["GW"],
        "hss" => &["HSS"],
        "pcscf" => &["P-CSCF", "PCSCF", "P"],
        "icscf" => &["I-CSCF", "ICSCF", "I"],
        "scscf" => &["S-CSCF", "SCSCF", "S"],
        _ => &[],
    }
}

/// Lays out the lanes for a ladder `total` columns wide.
pub fn lanes(app: &App, total: usize) -> Lanes {
    let mut order: Vec<usize> = (0..app.nodes.len()).collect();
    order.sort_by_key(|i| (rank(app.nodes[*i].kind), *i));
    let ues = app.nodes.iter().filter(|n| n.kind == "ue").count();
    let non_ue = app.nodes.len() - ues;
    let name_min = (total * 2 / 5).max(24);
    let room = total.saturating_sub(TIME_W + 2 + name_min);
    let collapse = ues > UE_LANES_MAX || (ues > 1 && room / (non_ue + ues).max(1) < 4);
    let count = non_ue + if collapse { usize::from(ues > 0) } else { ues };
    let width = (room / count.max(1)).clamp(3, 10);
    let mut labels = Vec::new();
    let mut of_node = vec![None; app.nodes.len()];
    let mut ue_lane = None;
    let mut ue_no = 0;
    for i in order {
        let n = &app.nodes[i];
        if n.kind == "ue" {
            if collapse {
                let lane = *ue_lane.get_or_insert_with(|| {
                    labels.push(("UEs".to_string(), true));
                    labels.len() - 1
                });
                of_node[i] = Some(lane);
                continue;
            }
            ue_no += 1;
            let label = if n.name.starts_with("ue-") {
                if ues == 1 {
                    "UE".to_string()
                } else {
                    format!("UE{ue_no}")
                }
            } else {
                n.name.clone()
            };
            labels.push((label, n.simulated));
        } else {
            labels.push((n.name.clone(), n.simulated));
        }
        of_node[i] = Some(labels.len() - 1);
    }
    // Labels that do not fit over one lane take two header lines, every
    // other lane on the second; past that, the kind's short name.
    let staggered = labels.iter().any(|(l, _)| l.chars().count() >= width);
    let room_label = if staggered { 2 * width - 1 } else { width - 1 };
    for (i, (label, _)) in labels.iter_mut().enumerate() {
        if label.chars().count() > room_label {
            let kind = order_kind(app, &of_node, i);
            if let Some(short) = kind_labels(kind)
                .iter()
                .find(|s| s.chars().count() <= room_label)
            {
                *label = (*short).to_string();
            }
        }
    }
    Lanes {
        labels,
        of_node,
        width,
        staggered,
    }
}

fn order_kind<'a>(app: &'a App, of_node: &[Option<usize>], lane: usize) -> &'a str {
    of_node
        .iter()
        .position(|l| *l == Some(lane))
        .and_then(|i| app.nodes.get(i))
        .map_or("", |n| n.kind)
}

impl Lanes {
    fn center(&self, lane: usize) -> usize {
        lane * self.width + self.width / 2
    }

    fn span_width(&self) -> usize {
        self.labels.len() * self.width
    }

    /// The header lines: lane labels centred over their lifelines (every
    /// other lane on a second line when labels are wider than a lane).
    pub fn header(&self) -> Vec<Line<'static>> {
        let rows = if self.staggered { 2 } else { 1 };
        (0..rows)
            .map(|r| {
                let mut cells: Vec<(char, Style)> =
                    vec![(' ', Style::new()); self.span_width() + 2 * self.width];
                for (lane, (label, simulated)) in self.labels.iter().enumerate() {
                    if lane % rows != r {
                        continue;
                    }
                    let room = if rows == 2 {
                        2 * self.width - 1
                    } else {
                        self.width - 1
                    };
                    let text = fit(label, room);
                    let len = text.chars().count();
                    let start = self
                        .center(lane)
                        .saturating_sub((len.saturating_sub(1)) / 2);
                    let style = if *simulated {
                        theme::LANE
                    } else {
                        theme::LANE_EXTERNAL
                    };
                    for (k, ch) in text.chars().enumerate() {
                        if let Some(c) = cells.get_mut(start + k) {
                            *c = (ch, style);
                        }
                    }
                }
                let mut spans = vec![Span::raw(" ".repeat(TIME_W + 2))];
                for (ch, st) in cells {
                    spans.push(Span::styled(ch.to_string(), st));
                }
                Line::from(spans)
            })
            .collect()
    }

    /// The lane cells of a row: lifelines, and an arrow from `from` to `to`
    /// (or a note marker at `from`).
    fn cells(&self, from: Option<usize>, to: Option<usize>) -> Vec<char> {
        let mut c = vec![' '; self.span_width()];
        for lane in 0..self.labels.len() {
            c[self.center(lane)] = '│';
        }
        match (from, to) {
            (Some(a), Some(b)) if a != b => {
                let (pa, pb) = (self.center(a), self.center(b));
                let (lo, hi) = (pa.min(pb), pa.max(pb));
                for ch in c.iter_mut().take(hi).skip(lo + 1) {
                    *ch = '─';
                }
                if pb > pa {
                    c[pa] = '├';
                    c[pb - 1] = '▶';
                } else {
                    c[pa] = '┤';
                    c[pb + 1] = '◀';
                }
            }
            (Some(a), Some(_)) => c[self.center(a)] = '↺',
            (Some(a), None) => c[self.center(a)] = '*',
            _ => {}
        }
        c
    }
}

/// The text of a row as the ladder shows it.
pub fn row_text(row: &Row, wide: bool) -> String {
    match &row.kind {
        RowKind::Note { text, .. } => format!("* {text}"),
        RowKind::Message(_) => row
            .described()
            .map(|d| {
                if wide {
                    d.summary.clone()
                } else {
                    d.name.clone()
                }
            })
            .unwrap_or_default(),
    }
}

fn row_line(lanes: &Lanes, row: &Row, width: usize, selected: bool, marked: bool) -> Line<'static> {
    let (from, to, style) = match &row.kind {
        RowKind::Message(m) => {
            let d = row.described();
            let proto = d.map_or("", |d| d.protocol);
            let mut style = theme::protocol(proto, m.iface);
            if d.is_some_and(|d| theme::looks_bad(&d.name)) {
                style = theme::BAD;
            }
            (
                lanes.of_node.get(m.from.0 as usize).copied().flatten(),
                lanes.of_node.get(m.to.0 as usize).copied().flatten(),
                style,
            )
        }
        RowKind::Note { node, .. } => (
            lanes.of_node.get(node.0 as usize).copied().flatten(),
            None,
            theme::NOTE,
        ),
    };
    let cells = lanes.cells(from, to);
    let (lo, hi) = match (from, to) {
        (Some(a), Some(b)) => {
            let (pa, pb) = (lanes.center(a), lanes.center(b));
            (pa.min(pb), pa.max(pb))
        }
        (Some(a), None) => (lanes.center(a), lanes.center(a)),
        _ => (1, 0),
    };
    let lifeline: String = cells
        .get(..lo.min(cells.len()))
        .unwrap_or(&[])
        .iter()
        .collect();
    let arrow: String = cells
        .get(lo.min(cells.len())..(hi + 1).min(cells.len()))
        .unwrap_or(&[])
        .iter()
        .collect();
    let rest: String = cells
        .get((hi + 1).min(cells.len())..)
        .unwrap_or(&[])
        .iter()
        .collect();
    let text_w = width.saturating_sub(TIME_W + 2 + lanes.span_width() + 1);
    let mut text = row_text(row, text_w >= 70);
    // Too long for the column: the NAS inside an S1AP message says more
    // than the S1AP procedure (the lanes show who talks; the line under
    // the ladder has both).
    if text.chars().count() > text_w.saturating_sub(9)
        && let Some((s1ap, nas)) = text.split_once(" / ")
        && !s1ap.contains(' ')
    {
        text = format!("{nas} ({s1ap})");
    }
    if selected && let Some(i) = row.iface() {
        text = format!("[{}] {text}", i.name());
    }
    let mark = if marked {
        Span::styled("!", theme::MARK)
    } else {
        Span::raw(" ")
    };
    let mut line = Line::from(vec![
        mark,
        Span::styled(
            format!("{:>w$} ", row.t.to_string(), w = TIME_W),
            theme::DIM,
        ),
        Span::styled(lifeline, theme::DIM),
        Span::styled(arrow, style),
        Span::styled(rest, theme::DIM),
        Span::raw(" "),
        Span::styled(fit(&text, text_w), style),
    ]);
    if selected {
        line = line.patch_style(theme::SELECTED);
    }
    line
}

/// The selected row in full: number, time, who to whom, interface, summary.
fn info_line(app: &App, width: usize) -> Line<'static> {
    let Some(row) = app.selected.and_then(|s| app.rows.get(s)) else {
        return Line::styled(
            fit(" no message yet: press space to run or s to step", width),
            theme::DIM,
        );
    };
    let text = match &row.kind {
        RowKind::Message(m) => format!(
            " #{} {} {} → {} {} │ {}",
            row.seq,
            row.t,
            app.name(m.from),
            app.name(m.to),
            m.iface.name(),
            row.described().map_or("", |d| d.summary.as_str())
        ),
        RowKind::Note { node, text } => {
            format!(" #{} {} {}: {text}", row.seq, row.t, app.name(*node))
        }
    };
    Line::styled(fit(&text, width), theme::PANE_TITLE)
}

/// Draws the ladder into `area`.
pub fn render(f: &mut Frame, area: Rect, app: &mut App) {
    let width = area.width as usize;
    let lanes = lanes(app, width);
    let filter = app.rows.filter().describe(|i| app.ue_label(i));
    let mut title = format!(" Ladder ({} rows", app.rows.len());
    if app.rows.dropped() > 0 {
        title.push_str(&format!(", oldest {} dropped", app.rows.dropped()));
    }
    title.push_str(if app.follow { ", following)" } else { ")" });
    if !filter.is_empty() {
        title.push_str(&format!(" filter: {filter}"));
    }
    title.push(' ');
    let block = pane_block(title, app.focus == Focus::Ladder);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let header = lanes.header();
    let visible = (inner.height as usize).saturating_sub(1 + header.len());
    app.page = visible.max(1);
    let n = app.rows.len();
    let sel = app.selected_position();
    let mut offset = app.offset;
    if app.follow {
        offset = n.saturating_sub(visible);
    } else if let Some(s) = sel {
        if s < offset {
            offset = s;
        } else if s >= offset + visible {
            offset = s + 1 - visible;
        }
    }
    offset = offset.min(n.saturating_sub(visible));
    app.offset = offset;
    let targets: HashSet<u64> = app.explainer.list.iter().filter_map(|e| e.target).collect();
    let mut lines = Vec::with_capacity(visible + 2);
    let head_n = header.len();
    lines.extend(header);
    for i in offset..(offset + visible).min(n) {
        let Some(row) = app.rows.at(i) else { continue };
        lines.push(row_line(
            &lanes,
            row,
            width,
            Some(i) == sel,
            targets.contains(&row.seq),
        ));
    }
    while lines.len() < visible + head_n {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(TIME_W + 2)),
            Span::styled(
                lanes.cells(None, None).into_iter().collect::<String>(),
                theme::DIM,
            ),
        ]));
    }
    lines.push(info_line(app, width));
    f.render_widget(Paragraph::new(lines).style(Style::new()), inner);
}
