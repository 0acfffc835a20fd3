//! The model: ladder rows, selection, filters, per-UE and per-node state,
//! explanations, run state. No drawing and no simulator here: events come in
//! through [`App::ingest`], user intent through `update`.

use super::engine::Speed;
use super::explain::{Explainer, Facts, Severity};
use super::inspect::Inspected;
use super::rows::{Filter, RowKind, Rows};
use crate::events::event::Event;
use crate::nodes::{Iface, NodeEvent, NodeId, Outcome, Time, UeStatus};
use crate::topology::{NodeKind, Topology};
use std::collections::{BTreeMap, HashMap};

/// Rows kept by default (older ones are dropped; the pcap keeps them all).
pub const DEFAULT_ROWS: usize = 50_000;
/// Notes kept per subscriber for the explanation rules.
const NOTES_PER_UE: usize = 32;

/// A node as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeInfo {
    /// Name from the topology.
    pub name: String,
    /// The `kind:` word.
    pub kind: &'static str,
    /// False for nodes left out of the simulation (no implementation yet)
    /// or played by an external peer.
    pub simulated: bool,
}

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The ladder.
    Ladder,
    /// The detail (tree cursor).
    Detail,
}

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A filter.
    Filter,
    /// A SIP MESSAGE: recipient and text.
    Message,
    /// How many UEs to add.
    AddUes,
    /// The pcap file for the shown messages.
    Export,
}

impl PromptKind {
    /// The prompt's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Filter => "filter (ue:IMSI|IMPU proto:NAME iface:NAME words)",
            Self::Message => "MESSAGE to (IMPU, IMSI or UE name) and text",
            Self::AddUes => "add how many UEs (the scenario restarts)",
            Self::Export => "write the shown messages to pcap file",
        }
    }
}

/// A line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What for.
    pub kind: PromptKind,
    /// What was typed.
    pub input: String,
}

/// The opened message.
#[derive(Debug, Clone)]
pub struct Detail {
    /// Its row.
    pub seq: u64,
    /// Interface.
    pub iface: Iface,
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// When.
    pub t: Time,
    /// One-line summary.
    pub summary: String,
    /// The decoded tree and bytes.
    pub ins: Inspected,
    /// The tree line under the cursor.
    pub cursor: usize,
}

/// The whole UI state.
pub struct App {
    /// Topology name.
    pub topology: String,
    /// Nodes, by id.
    pub nodes: Vec<NodeInfo>,
    /// UE node ids in topology order.
    pub ue_ids: Vec<NodeId>,
    ue_index: HashMap<NodeId, usize>,
    imsi_node: HashMap<u64, NodeId>,
    node_imsi: HashMap<NodeId, u64>,
    synced: Option<u64>,
    /// Default public identity per UE (ISIM, subscriber, or derived).
    pub impus: HashMap<NodeId, String>,
    /// The HSS, if any.
    pub hss: Option<NodeId>,
    /// The ladder.
    pub rows: Rows,
    /// Selected row.
    pub selected: Option<u64>,
    /// Keep the newest message selected.
    pub follow: bool,
    /// First ladder position on screen (kept valid by the drawing code).
    pub offset: usize,
    /// Ladder rows on screen at the last draw.
    pub page: usize,
    /// Tree lines on screen at the last draw.
    pub detail_page: usize,
    /// Which pane has the keys.
    pub focus: Focus,
    /// The detail pane is wanted.
    pub detail_open: bool,
    /// The opened message (follows the selection while open).
    pub detail: Option<Detail>,
    /// Small screens: show the state pane in place of the detail.
    pub side_state: bool,
    /// Last status of every UE.
    pub ues: HashMap<NodeId, UeStatus>,
    /// The UE commands act on (index in `ue_ids`).
    pub ue_cursor: usize,
    /// Node counters.
    pub counters: BTreeMap<NodeId, BTreeMap<&'static str, u64>>,
    /// Messages exchanged, per node and peer.
    pub peers: BTreeMap<NodeId, BTreeMap<NodeId, u64>>,
    notes: HashMap<u64, Vec<String>>,
    /// Why things failed.
    pub explainer: Explainer,
    /// The explanation shown.
    pub explain_at: usize,
    /// The explanation panel is shown.
    pub show_explain: bool,
    jumped: bool,
    jump_pending: Option<usize>,
    /// Paused.
    pub paused: bool,
    /// Speed while running.
    pub speed: Speed,
    /// Speed to go back to from max.
    pub speed_before_max: Option<Speed>,
    /// Virtual time shown.
    pub now: Time,
    /// Messages seen.
    pub messages: u64,
    /// Events seen.
    pub events: u64,
    /// UEs that reached their goal.
    pub reached: usize,
    /// UEs that failed.
    pub failed: usize,
    /// The simulation cannot keep up with the requested speed.
    pub behind: bool,
    /// The run has nothing left to do.
    pub idle: bool,
    /// Help overlay.
    pub help: bool,
    /// Prompt being typed.
    pub prompt: Option<Prompt>,
    /// A one-line message for the user (last action's result).
    pub toast: Option<String>,
    /// Leave.
    pub quit: bool,
    /// Something changed since the last draw.
    pub dirty: bool,
    /// Nodes left out of the simulation.
    pub skipped: Vec<String>,
}

impl App {
    /// A model for `topo`; `skipped` lists nodes the simulator left out.
    pub fn new(topo: &Topology, skipped: &[String], paused: bool, speed: Speed) -> Self {
        let mut app = Self {
            topology: String::new(),
            nodes: Vec::new(),
            ue_ids: Vec::new(),
            ue_index: HashMap::new(),
            imsi_node: HashMap::new(),
            node_imsi: HashMap::new(),
            synced: None,
            impus: HashMap::new(),
            hss: None,
            rows: Rows::new(DEFAULT_ROWS),
            selected: None,
            follow: true,
            offset: 0,
            page: 10,
            detail_page: 10,
            focus: Focus::Ladder,
            detail_open: false,
            detail: None,
            side_state: false,
            ues: HashMap::new(),
            ue_cursor: 0,
            counters: BTreeMap::new(),
            peers: BTreeMap::new(),
            notes: HashMap::new(),
            explainer: Explainer::new(),
            explain_at: 0,
            show_explain: true,
            jumped: false,
            jump_pending: None,
            paused,
            speed,
            speed_before_max: None,
            now: Time::ZERO,
            messages: 0,
            events: 0,
            reached: 0,
            failed: 0,
            behind: false,
            idle: false,
            help: false,
            prompt: None,
            toast: None,
            quit: false,
            dirty: true,
            skipped: Vec::new(),
        };
        app.load(topo, skipped);
        app
    }

    fn load(&mut self, topo: &Topology, skipped: &[String]) {
        self.topology = topo.name.clone();
        self.skipped = skipped.to_vec();
        let left_out: Vec<&str> = skipped
            .iter()
            .filter_map(|s| s.split(" (").next())
            .collect();
        self.nodes = topo
            .nodes
            .iter()
            .map(|n| NodeInfo {
                name: n.name.clone(),
                kind: n.kind.word(),
                simulated: !left_out.contains(&n.name.as_str()),
            })
            .collect();
        self.ue_ids = topo.ues().map(|(id, _)| id).collect();
        self.ue_index = self
            .ue_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let mcc = topo.plmn.mcc();
        let mnc = format!("{:0>3}", topo.plmn.mnc());
        self.imsi_node.clear();
        self.node_imsi.clear();
        self.impus.clear();
        for (id, ue) in topo.ues() {
            if let Ok(i) = ue.imsi.parse::<u64>() {
                self.imsi_node.insert(i, id);
                self.node_imsi.insert(id, i);
            }
            let from_isim = ue
                .isim
                .as_ref()
                .and_then(|i| i.impus.first().cloned())
                .or_else(|| {
                    topo.subscriber(&ue.imsi)
                        .and_then(|s| s.ims.as_ref())
                        .and_then(|i| i.impus.first().cloned())
                });
            let impu = from_isim.unwrap_or_else(|| {
                format!("sip:{}@ims.mnc{mnc}.mcc{mcc}.3gppnetwork.org", ue.imsi)
            });
            let impu = if impu.contains(':') {
                impu
            } else {
                format!("sip:{impu}")
            };
            self.impus.insert(id, impu);
        }
        self.hss = topo
            .nodes
            .iter()
            .position(|n| matches!(n.kind, NodeKind::Hss(_)))
            .map(|i| NodeId(i as u32));
    }

    /// Forgets the run (restart), keeping the user's settings.
    pub fn reset(&mut self, topo: &Topology, skipped: &[String]) {
        let filter = self.rows.filter().clone();
        let mut fresh = Self::new(topo, skipped, self.paused, self.speed);
        fresh.rows.set_filter(filter);
        fresh.speed_before_max = self.speed_before_max;
        fresh.side_state = self.side_state;
        fresh.page = self.page;
        fresh.detail_page = self.detail_page;
        fresh.show_explain = self.show_explain;
        fresh.ue_cursor = self.ue_cursor.min(fresh.ue_ids.len().saturating_sub(1));
        *self = fresh;
    }

    /// The node name of `id`.
    pub fn name(&self, id: NodeId) -> &str {
        self.nodes
            .get(id.0 as usize)
            .map_or("?", |n| n.name.as_str())
    }

    /// The UE node of a subscriber.
    pub fn ue_of(&self, imsi: u64) -> Option<NodeId> {
        self.imsi_node.get(&imsi).copied()
    }

    /// The subscriber of UE node `id`.
    pub fn imsi_of(&self, id: NodeId) -> Option<u64> {
        self.node_imsi.get(&id).copied()
    }

    /// The UE commands act on.
    pub fn selected_ue(&self) -> Option<NodeId> {
        self.ue_ids.get(self.ue_cursor).copied()
    }

    /// Resolves a UE written as IMSI, IMPU (with or without `sip:`) or node
    /// name to its subscriber.
    pub fn find_ue(&self, what: &str) -> Option<u64> {
        let w = what.trim();
        if let Ok(i) = w.parse::<u64>()
            && self.imsi_node.contains_key(&i)
        {
            return Some(i);
        }
        let bare = |s: &str| s.strip_prefix("sip:").unwrap_or(s).to_string();
        for (imsi, id) in &self.imsi_node {
            let known = self
                .ues
                .get(id)
                .and_then(|s| s.ims.as_ref())
                .map(|i| i.impu.clone());
            if self.name(*id) == w
                || self.impus.get(id).is_some_and(|i| bare(i) == bare(w))
                || known.is_some_and(|i| bare(&i) == bare(w))
            {
                return Some(*imsi);
            }
        }
        None
    }

    /// The IMPU of a UE: the one it registered, else its default one.
    pub fn impu(&self, id: NodeId) -> Option<String> {
        self.ues
            .get(&id)
            .and_then(|s| s.ims.as_ref())
            .map(|i| i.impu.clone())
            .filter(|i| !i.is_empty())
            .or_else(|| self.impus.get(&id).cloned())
    }

    fn explain(&mut self, imsi: Option<u64>, msg_seq: Option<u64>, at: u64) {
        let notes: &[String] = imsi
            .and_then(|i| self.notes.get(&i))
            .map_or(&[], Vec::as_slice);
        let failed = imsi
            .and_then(|i| self.imsi_node.get(&i))
            .and_then(|id| self.ues.get(id))
            .and_then(|s| match &s.outcome {
                Outcome::Failed(r) => Some(r.as_str()),
                _ => None,
            });
        let facts = Facts {
            imsi,
            failed,
            notes,
        };
        let msg = msg_seq.and_then(|s| self.rows.get(s));
        let created = self
            .explainer
            .check(&self.topology, facts, msg, at, &self.rows);
        if let Some(i) = created {
            self.on_explanation(i);
        }
    }

    fn on_explanation(&mut self, i: usize) {
        self.dirty = true;
        let Some(e) = self.explainer.list.get(i) else {
            return;
        };
        if e.severity != Severity::Failure || self.jumped {
            if self.explainer.list.len() == 1 {
                self.explain_at = 0;
            }
            return;
        }
        if e.target.is_some() {
            self.jumped = true;
            self.jump_to_explanation(i);
        } else {
            self.jump_pending = Some(i);
        }
    }

    /// Shows explanation `i` and selects its message (opening it).
    pub fn jump_to_explanation(&mut self, i: usize) {
        let Some(e) = self.explainer.list.get(i) else {
            return;
        };
        self.explain_at = i;
        self.show_explain = true;
        self.dirty = true;
        let Some(seq) = e.target else {
            self.toast = Some(format!("{} is not in the ladder yet", e.target_what));
            return;
        };
        if self.rows.get(seq).is_none() {
            self.toast =
                Some("that message is no longer held (the ladder keeps the newest rows)".into());
            return;
        }
        if self.rows.position(seq).is_err() {
            self.rows.set_filter(Filter::default());
            self.toast = Some("filter cleared to show the message".into());
        }
        self.selected = Some(seq);
        self.follow = false;
        self.detail_open = true;
        self.side_state = false;
    }

    /// Takes one event from the simulator.
    pub fn ingest(&mut self, e: &Event) {
        self.events += 1;
        self.now = self.now.max(e.time());
        self.dirty = true;
        match e {
            Event::Message(m) => {
                self.messages += 1;
                *self
                    .peers
                    .entry(m.from)
                    .or_default()
                    .entry(m.to)
                    .or_default() += 1;
                *self
                    .peers
                    .entry(m.to)
                    .or_default()
                    .entry(m.from)
                    .or_default() += 1;
                let seq = self.rows.push(m.t, m.imsi, RowKind::Message(m.clone()));
                if self.follow && self.rows.position(seq).is_ok() {
                    self.selected = Some(seq);
                }
                if self.explainer.pending()
                    && let Some(row) = self.rows.get(seq)
                {
                    for i in self.explainer.resolve(row) {
                        if self.jump_pending == Some(i) {
                            self.jump_pending = None;
                            self.jumped = true;
                            self.jump_to_explanation(i);
                        }
                    }
                }
                if self.cheap_message_check(seq) {
                    self.explain(m.imsi, Some(seq), seq);
                }
            }
            // The terminal UI drives the simulator, which has no real peers.
            Event::Peer(_) => {}
            Event::Node { t, node, event } => match event {
                NodeEvent::Ue(s) => {
                    let before = self.ues.get(node).map(|o| o.outcome.clone());
                    let count = |o: &Outcome| match o {
                        Outcome::Reached => (1, 0),
                        Outcome::Failed(_) => (0, 1),
                        Outcome::Pending => (0, 0),
                    };
                    if let Some(b) = &before {
                        let (r, f) = count(b);
                        self.reached -= r;
                        self.failed -= f;
                    }
                    let (r, f) = count(&s.outcome);
                    self.reached += r;
                    self.failed += f;
                    let newly_failed = matches!(s.outcome, Outcome::Failed(_))
                        && !matches!(before, Some(Outcome::Failed(_)));
                    self.ues.insert(*node, s.clone());
                    if newly_failed && let Ok(imsi) = s.imsi.parse::<u64>() {
                        let at = self.rows_next();
                        self.explain(Some(imsi), None, at);
                    }
                }
                NodeEvent::Counter { name, value } => {
                    self.counters.entry(*node).or_default().insert(name, *value);
                }
                // Keys for the capture sink only.
                NodeEvent::EspSa(_) => {}
                NodeEvent::Note { imsi, text } => {
                    let seq = self.rows.push(
                        *t,
                        *imsi,
                        RowKind::Note {
                            node: *node,
                            text: text.clone(),
                        },
                    );
                    if let Some(i) = imsi {
                        let v = self.notes.entry(*i).or_default();
                        if v.len() < NOTES_PER_UE {
                            v.push(text.clone());
                            self.explain(Some(*i), None, seq);
                        }
                    }
                }
            },
        }
    }

    fn rows_next(&self) -> u64 {
        self.rows
            .iter()
            .next_back()
            .map_or(0, |r| r.seq.saturating_add(1))
    }

    /// Only messages that some message rule could match are checked (no
    /// decoding of every NAS message for nothing).
    fn cheap_message_check(&self, seq: u64) -> bool {
        let Some(row) = self.rows.get(seq) else {
            return false;
        };
        let Some(m) = row.message() else {
            return false;
        };
        match m.iface {
            Iface::Cx | Iface::Gm | Iface::Mw | Iface::SGi => true,
            Iface::Uu => m.bytes.first() == Some(&3),
            _ => false,
        }
    }

    /// Per-frame upkeep: the detail follows the selection, the UE cursor
    /// follows the selected row's subscriber.
    pub fn sync(&mut self) {
        if self.follow {
            let n = self.rows.len();
            if let Some(i) = n
                .checked_sub(1)
                .and_then(|i| self.rows.message_at_or_before(i))
            {
                self.selected = self.rows.seq_at(i);
            }
        }
        if self.selected != self.synced
            && let Some(ue) = self
                .selected
                .and_then(|s| self.rows.get(s))
                .and_then(|r| r.imsi)
                .and_then(|i| self.ue_of(i))
                .and_then(|id| self.ue_index.get(&id).copied())
        {
            self.ue_cursor = ue;
        }
        self.synced = self.selected;
        if !self.detail_open {
            self.detail = None;
            if self.focus == Focus::Detail {
                self.focus = Focus::Ladder;
            }
            return;
        }
        let want = self.selected;
        if self.detail.as_ref().map(|d| d.seq) == want {
            return;
        }
        self.detail = want.and_then(|seq| {
            let row = self.rows.get(seq)?;
            let m = row.message()?;
            let ins = Inspected::new(m.iface, m.bytes.clone());
            let cursor = ins.start();
            Some(Detail {
                seq,
                iface: m.iface,
                from: m.from,
                to: m.to,
                t: m.t,
                summary: row
                    .described()
                    .map(|d| d.summary.clone())
                    .unwrap_or_default(),
                ins,
                cursor,
            })
        });
    }

    /// Position of the selected row among the rows shown.
    pub fn selected_position(&self) -> Option<usize> {
        self.selected.and_then(|s| self.rows.position(s).ok())
    }

    /// The title bar's summary of the UEs.
    pub fn ue_summary(&self) -> String {
        let n = self.ue_ids.len();
        let pending = n.saturating_sub(self.reached + self.failed);
        format!(
            "UEs {}/{n} ok, {} failed, {pending} pending",
            self.reached, self.failed
        )
    }

    /// IMS registration state of UE `id`, if it has one.
    pub fn ims_state(&self, id: NodeId) -> Option<&str> {
        self.ues
            .get(&id)
            .and_then(|s| s.ims.as_ref())
            .map(|i| i.state.as_str())
    }

    /// The subscriber name used in the filter title.
    pub fn ue_label(&self, imsi: u64) -> String {
        self.ue_of(imsi)
            .map_or_else(|| imsi.to_string(), |id| self.name(id).to_string())
    }
}
