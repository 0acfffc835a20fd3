//! The state pane: the selected UE (EMM, PDNs with addresses and QCI, the
//! P-CSCF list, IMS registration and SAs), all UEs in numbers, and every
//! node's peers and counters.

use super::theme;
use super::{fit, pane_block};
use crate::nodes::{NodeId, Outcome, UeStatus};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn ue_lines(app: &App, id: NodeId, s: Option<&UeStatus>, out: &mut Vec<Line<'static>>) {
    let n = app.ue_ids.len();
    let imsi = app
        .imsi_of(id)
        .map(|i| format!("{i:015}"))
        .unwrap_or_default();
    out.push(Line::from(vec![
        Span::styled(format!("UE {}/{n} ", app.ue_cursor + 1), theme::KEY),
        Span::styled(app.name(id).to_string(), theme::PANE_TITLE),
        Span::raw(format!("  IMSI {imsi}")),
    ]));
    let Some(s) = s else {
        out.push(Line::styled("  no state yet (not started)", theme::DIM));
        return;
    };
    let (verdict, style) = match &s.outcome {
        Outcome::Reached => ("goal reached".to_string(), theme::GOOD),
        Outcome::Pending => ("pending".to_string(), Style::new()),
        Outcome::Failed(r) => (format!("FAILED: {r}"), theme::BAD),
    };
    out.push(Line::from(vec![
        Span::raw(format!("  {}  ", s.emm)),
        Span::styled(verdict, style),
    ]));
    if s.pdns.is_empty() {
        out.push(Line::styled("  ESM: no PDN connection", theme::DIM));
    }
    for p in &s.pdns {
        let v4 = p.ipv4.map(|a| a.to_string());
        let v6 = p.ipv6.map(|a| a.to_string());
        let addrs: Vec<String> = [v4, v6].into_iter().flatten().collect();
        out.push(Line::raw(format!(
            "  PDN {:<9} EBI {} QCI {}  {}",
            p.apn,
            p.ebi,
            p.qci,
            addrs.join(" ")
        )));
        if p.apn == "ims" || !p.pcscf.is_empty() {
            if p.pcscf.is_empty() {
                out.push(Line::styled("      P-CSCF none", theme::BAD));
            } else {
                let list: Vec<String> = p.pcscf.iter().map(ToString::to_string).collect();
                out.push(Line::from(vec![
                    Span::raw("      P-CSCF "),
                    Span::styled(list.join(", "), theme::PCO),
                ]));
            }
        }
    }
    match &s.ims {
        Some(ims) => {
            let mut line = format!("  IMS {} {}", ims.state, ims.impu);
            if let Some(c) = &ims.scscf {
                line.push_str(&format!(" via {c}"));
            }
            if let Some(e) = ims.expires {
                line.push_str(&format!(", {e} s"));
            }
            let style = if ims.state == "registered" {
                theme::GOOD
            } else {
                Style::new()
            };
            out.push(Line::styled(line, style));
            if let Some((spi_c, spi_s, port_c, port_s)) = ims.sa {
                out.push(Line::raw(format!(
                    "      SAs spi-c {spi_c} spi-s {spi_s} port-c {port_c} port-s {port_s}"
                )));
            }
        }
        None => out.push(Line::styled(
            format!(
                "  IMS not registered ({})",
                app.impus.get(&id).map_or("", String::as_str)
            ),
            theme::DIM,
        )),
    }
}

/// Draws the state pane into `area`.
pub fn render(f: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(" State ".to_string(), false);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    match app.selected_ue() {
        Some(id) => ue_lines(app, id, app.ues.get(&id), &mut lines),
        None => lines.push(Line::styled("no UE in this topology", theme::DIM)),
    }
    let registered = app
        .ues
        .values()
        .filter(|s| s.ims.as_ref().is_some_and(|i| i.state == "registered"))
        .count();
    lines.push(Line::styled(
        format!("{} · IMS registered {registered}", app.ue_summary()),
        theme::PANE_TITLE,
    ));
    for (i, n) in app.nodes.iter().enumerate() {
        if n.kind == "ue" {
            continue;
        }
        let id = NodeId(i as u32);
        let peers: Vec<&str> = app
            .peers
            .get(&id)
            .map(|p| {
                p.keys()
                    .filter(|p| app.nodes.get(p.0 as usize).is_some_and(|n| n.kind != "ue"))
                    .map(|p| app.name(*p))
                    .collect()
            })
            .unwrap_or_default();
        let ue_peers = app
            .peers
            .get(&id)
            .map_or(0, |p| p.keys().filter(|p| app.ue_ids.contains(p)).count());
        let mut peer_text = peers.join(" ");
        if ue_peers > 0 {
            peer_text.push_str(&format!(" +{ue_peers} UE"));
        }
        let counters: Vec<String> = app
            .counters
            .get(&id)
            .map(|c| {
                c.iter()
                    .filter(|(_, v)| **v > 0)
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect()
            })
            .unwrap_or_default();
        let mut spans = vec![Span::styled(
            format!("{:<7}", fit(&n.name, 7)),
            if n.simulated {
                theme::LANE
            } else {
                theme::LANE_EXTERNAL
            },
        )];
        if !n.simulated {
            spans.push(Span::styled(" not simulated", theme::LANE_EXTERNAL));
        } else {
            if !peer_text.trim().is_empty() {
                spans.push(Span::styled(format!(" ⇄ {}", peer_text.trim()), theme::DIM));
            }
            if !counters.is_empty() {
                spans.push(Span::raw(format!(" · {}", counters.join(" "))));
            }
        }
        lines.push(Line::from(spans));
    }
    let _ = width;
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
