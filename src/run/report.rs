//! What a run produced, built from the event stream: the last status of
//! every UE, the notes nodes wrote about each subscriber, node counters; and
//! the summary printed at the end of `volte-sim run`.

use crate::events::event::Event;
use crate::events::names::NodeNames;
use crate::nodes::{NodeEvent, NodeId, Outcome, PdnStatus, Time, UeStatus};
use crate::topology::Topology;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Notes kept per subscriber (the first ones explain a failure best).
const NOTES_PER_UE: usize = 8;
/// Above this many UEs the summary aggregates instead of listing each UE.
pub const LIST_LIMIT: usize = 20;

/// Accumulates a run's events.
#[derive(Debug, Default)]
pub struct Tracker {
    names: NodeNames,
    ue_ids: Vec<NodeId>,
    statuses: HashMap<NodeId, UeStatus>,
    notes: HashMap<u64, Vec<(Time, NodeId, String)>>,
    other_notes: Vec<(Time, NodeId, String)>,
    counters: BTreeMap<(NodeId, &'static str), u64>,
    finished: usize,
    messages: u64,
    last: Time,
    /// Queue entries the driver processed (deliveries, timers, commands).
    pub steps: u64,
    /// The run's time is the wall clock (the actors), not simulated.
    pub wall_clock: bool,
}

impl Tracker {
    /// A tracker for `topo`.
    pub fn new(topo: &Topology) -> Self {
        Self {
            names: NodeNames::of(topo),
            ue_ids: topo.ues().map(|(id, _)| id).collect(),
            ..Self::default()
        }
    }

    /// Takes one event into account.
    pub fn observe(&mut self, e: &Event) {
        self.last = self.last.max(e.time());
        match e {
            Event::Message(_) => self.messages += 1,
            Event::Peer(p) => self.names.add_peer(p),
            Event::Node { t, node, event } => match event {
                NodeEvent::Ue(s) => {
                    let was_final = self
                        .statuses
                        .get(node)
                        .is_some_and(|o| o.outcome != Outcome::Pending);
                    let is_final = s.outcome != Outcome::Pending;
                    match (was_final, is_final) {
                        (false, true) => self.finished += 1,
                        (true, false) => self.finished -= 1,
                        _ => {}
                    }
                    self.statuses.insert(*node, s.clone());
                }
                NodeEvent::Counter { name, value } => {
                    self.counters.insert((*node, name), *value);
                }
                NodeEvent::EspSa(_) => {}
                NodeEvent::Note { imsi, text } => match imsi {
                    Some(i) => {
                        let v = self.notes.entry(*i).or_default();
                        if v.len() < NOTES_PER_UE {
                            v.push((*t, *node, text.clone()));
                        }
                    }
                    None => {
                        if self.other_notes.len() < 100 {
                            self.other_notes.push((*t, *node, text.clone()));
                        }
                    }
                },
            },
        }
    }

    /// Number of UEs in the topology.
    pub fn ues(&self) -> usize {
        self.ue_ids.len()
    }

    /// UEs whose outcome is final (reached or failed).
    pub fn finished(&self) -> usize {
        self.finished
    }

    /// True once every UE reached or failed its goal.
    pub fn all_finished(&self) -> bool {
        self.finished == self.ue_ids.len()
    }

    /// Messages seen.
    pub fn messages(&self) -> u64 {
        self.messages
    }

    /// Time of the last event.
    pub fn last_time(&self) -> Time {
        self.last
    }

    /// The last status of UE `id`.
    pub fn status(&self, id: NodeId) -> Option<&UeStatus> {
        self.statuses.get(&id)
    }

    /// The value of a node's counter.
    pub fn counter(&self, node: NodeId, name: &str) -> u64 {
        self.counters
            .iter()
            .find(|((n, c), _)| *n == node && *c == name)
            .map_or(0, |(_, v)| *v)
    }

    /// Notes written about subscriber `imsi`.
    pub fn notes_for(&self, imsi: u64) -> &[(Time, NodeId, String)] {
        self.notes.get(&imsi).map_or(&[], Vec::as_slice)
    }

    /// How many UEs reached their goal.
    pub fn reached(&self) -> usize {
        self.statuses
            .values()
            .filter(|s| s.outcome == Outcome::Reached)
            .count()
    }

    /// True if every UE reached its goal.
    pub fn success(&self) -> bool {
        !self.ue_ids.is_empty() && self.reached() == self.ue_ids.len()
    }

    fn name(&self, id: NodeId) -> &str {
        self.names.name(id)
    }

    fn pdn_lines(out: &mut String, p: &PdnStatus) {
        let v4 = p.ipv4.map_or("-".to_string(), |a| a.to_string());
        let v6 = p.ipv6.map_or("-".to_string(), |a| a.to_string());
        let _ = writeln!(
            out,
            "    PDN {:<10} EBI {:<2} QCI {:<2} IPv4 {:<15} IPv6 {}",
            p.apn, p.ebi, p.qci, v4, v6
        );
        if p.apn == "ims" || !p.pcscf.is_empty() {
            let list = if p.pcscf.is_empty() {
                "none".to_string()
            } else {
                p.pcscf
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(out, "        P-CSCF {list}");
        }
    }

    fn ue_block(&self, out: &mut String, id: NodeId) {
        let name = self.name(id);
        let Some(s) = self.statuses.get(&id) else {
            let _ = writeln!(out, "  {name}: never reported a state (not started?)");
            return;
        };
        let verdict = match &s.outcome {
            Outcome::Reached => "goal reached".to_string(),
            Outcome::Pending => "still pending when the run ended".to_string(),
            Outcome::Failed(r) => format!("FAILED: {r}"),
        };
        let _ = writeln!(out, "  {name} (IMSI {}): {}, {verdict}", s.imsi, s.emm);
        for p in &s.pdns {
            Self::pdn_lines(out, p);
        }
        if let Some(ims) = &s.ims {
            let _ = writeln!(
                out,
                "    IMS {} as {}{}{}",
                ims.state,
                ims.impu,
                ims.scscf
                    .as_ref()
                    .map(|c| format!(" via {c}"))
                    .unwrap_or_default(),
                ims.expires
                    .map(|e| format!(", expires in {e} s"))
                    .unwrap_or_default()
            );
            let source = if ims.derived {
                "derived from the IMSI: no ISIM"
            } else {
                "from the ISIM"
            };
            let _ = writeln!(out, "        IMPI {} ({source})", ims.impi);
            if let Some((spi_c, spi_s, port_c, port_s)) = ims.sa {
                let _ = writeln!(
                    out,
                    "        IPsec SAs: spi-c {spi_c} spi-s {spi_s} port-c {port_c} port-s {port_s}"
                );
            }
        }
        if s.outcome != Outcome::Reached
            && let Ok(imsi) = s.imsi.parse::<u64>()
        {
            for (t, node, text) in self.notes_for(imsi) {
                let _ = writeln!(out, "    {t} {}: {text}", self.name(*node));
            }
        }
    }

    /// The end-of-run summary.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let n = self.ue_ids.len();
        let _ = writeln!(
            out,
            "Summary: {} of {n} UEs reached their goal ({} messages, {} s {})",
            self.reached(),
            self.messages,
            self.last,
            if self.wall_clock {
                "on the wall clock"
            } else {
                "simulated"
            }
        );
        if n <= LIST_LIMIT {
            for id in &self.ue_ids {
                self.ue_block(&mut out, *id);
            }
        } else {
            let failed: Vec<NodeId> = self
                .ue_ids
                .iter()
                .copied()
                .filter(|id| {
                    self.statuses
                        .get(id)
                        .is_none_or(|s| s.outcome != Outcome::Reached)
                })
                .collect();
            let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
            for id in &failed {
                let r = match self.statuses.get(id).map(|s| &s.outcome) {
                    Some(Outcome::Failed(r)) => r.clone(),
                    Some(Outcome::Pending) => "still pending when the run ended".into(),
                    _ => "never reported a state".into(),
                };
                *reasons.entry(r).or_default() += 1;
            }
            for (r, c) in &reasons {
                let _ = writeln!(out, "  {c} UEs: {r}");
            }
            for id in failed.iter().take(3) {
                self.ue_block(&mut out, *id);
            }
        }
        if !self.counters.is_empty() && n <= LIST_LIMIT {
            let mut by_node: BTreeMap<NodeId, Vec<String>> = BTreeMap::new();
            for ((node, name), v) in &self.counters {
                if *v > 0 {
                    by_node
                        .entry(*node)
                        .or_default()
                        .push(format!("{name}={v}"));
                }
            }
            if !by_node.is_empty() {
                let _ = writeln!(out, "Counters:");
                for (node, list) in by_node {
                    let _ = writeln!(out, "  {}: {}", self.name(node), list.join(" "));
                }
            }
        }
        out
    }
}
