//! The engine under the UI: a [`Sim`] driven in virtual time so that pause
//! and step are exact.
//!
//! - Running: virtual time advances at `speed` times the wall clock (or as
//!   fast as the CPU allows), with a wall-clock deadline per frame so the UI
//!   never waits on the simulation.
//! - Paused: nothing advances.
//! - Step: exactly one more message event is handed out (with the node events
//!   that precede it and those that follow it before the next message).
//!
//! Every event the simulator records is handed to the sink exactly once and
//! in order, whatever the mode: the pcap written from the sink is complete.

use crate::events::event::Event;
use crate::nodes::{Command, NodeId, Time};
use crate::run::build_nodes;
use crate::sim::{Sim, scenario};
use crate::topology::{NodeKind, Subscriber, Target, Topology};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// How fast virtual time runs while not paused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Speed {
    /// Virtual time runs at this multiple of the wall clock.
    Factor(f64),
    /// As fast as the CPU allows (bounded per frame by the deadline).
    Max,
}

/// The speeds `+` and `-` step through, slowest first.
pub const SPEEDS: [Speed; 9] = [
    Speed::Factor(0.001),
    Speed::Factor(0.01),
    Speed::Factor(0.1),
    Speed::Factor(0.5),
    Speed::Factor(1.0),
    Speed::Factor(10.0),
    Speed::Factor(100.0),
    Speed::Factor(1000.0),
    Speed::Max,
];

impl Speed {
    /// Parses `0.01`, `1`, `10x`, `max` or `fast`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase();
        if t == "max" || t == "fast" {
            return Ok(Self::Max);
        }
        let n = t.strip_suffix('x').unwrap_or(&t);
        match n.parse::<f64>() {
            Ok(f) if f.is_finite() && f > 0.0 => Ok(Self::Factor(f)),
            _ => Err(format!(
                "'{s}' is not a speed: give a positive factor (0.01, 1, 10) or 'max'"
            )),
        }
    }

    /// The next faster (`up`) or slower speed of [`SPEEDS`].
    pub fn shifted(self, up: bool) -> Self {
        let rank = |s: Self| match s {
            Self::Factor(f) => f,
            Self::Max => f64::INFINITY,
        };
        let me = rank(self);
        if up {
            SPEEDS
                .iter()
                .copied()
                .find(|s| rank(*s) > me)
                .unwrap_or(Self::Max)
        } else {
            SPEEDS
                .iter()
                .rev()
                .copied()
                .find(|s| rank(*s) < me)
                .unwrap_or(SPEEDS[0])
        }
    }

    /// Short label, e.g. `0.01x`, `1x`, `max`.
    pub fn label(self) -> String {
        match self {
            Self::Max => "max".to_string(),
            Self::Factor(f) => {
                let mut s = format!("{f}");
                if s.ends_with(".0") {
                    s.truncate(s.len() - 2);
                }
                format!("{s}x")
            }
        }
    }
}

/// What one call to [`Engine::advance`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Queue entries processed.
    pub steps: u64,
    /// Events handed to the sink.
    pub events: u64,
    /// True if the deadline cut the work short (the display lags behind).
    pub behind: bool,
}

/// Drives the simulator of one topology.
pub struct Engine {
    topo: Topology,
    sim: Sim,
    backlog: VecDeque<Event>,
    clock: Time,
    skipped: Vec<String>,
}

impl Engine {
    /// An engine at time zero with `topo`'s scenario queued.
    pub fn new(topo: Topology) -> Self {
        let (sim, skipped) = Self::build(&topo);
        Self {
            topo,
            sim,
            backlog: VecDeque::new(),
            clock: Time::ZERO,
            skipped,
        }
    }

    fn build(topo: &Topology) -> (Sim, Vec<String>) {
        let mut sim = Sim::new(topo.latency);
        let (built, skipped) = build_nodes(topo);
        for (id, node) in built {
            sim.add(id, node);
        }
        for (t, node, cmd) in scenario::timetable(topo) {
            sim.schedule(t, node, cmd);
        }
        (sim, skipped)
    }

    /// Starts the scenario again from time zero (new nodes, same topology).
    pub fn restart(&mut self) {
        let (sim, skipped) = Self::build(&self.topo);
        self.sim = sim;
        self.skipped = skipped;
        self.backlog.clear();
        self.clock = Time::ZERO;
    }

    /// Replaces the topology and restarts.
    pub fn set_topology(&mut self, topo: Topology) {
        self.topo = topo;
        self.restart();
    }

    /// The topology being run.
    pub fn topology(&self) -> &Topology {
        &self.topo
    }

    /// Nodes of the topology that have no implementation (left out).
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// The virtual time shown: the time of the last event handed out, or
    /// how far running has advanced.
    pub fn now(&self) -> Time {
        self.clock
    }

    /// Queue entries processed since the start.
    pub fn steps(&self) -> u64 {
        self.sim.steps()
    }

    /// True when nothing is queued or held back: the run cannot go on.
    pub fn idle(&self) -> bool {
        self.backlog.is_empty() && self.sim.next_due().is_none()
    }

    /// Queues a command for `node` now.
    pub fn command(&mut self, node: NodeId, cmd: Command) {
        self.sim.schedule(self.clock, node, cmd);
    }

    fn pull(&mut self) -> bool {
        if !self.sim.step() {
            return false;
        }
        self.backlog.extend(self.sim.drain_events());
        true
    }

    /// Hands out events up to and including exactly one more message event,
    /// plus the node events that follow it before the next message already
    /// produced. Returns false if no message came (the queue ran dry).
    pub fn step_message(&mut self, sink: &mut dyn FnMut(&Event)) -> bool {
        // A runaway scenario (timers only, no message) must not hang the UI.
        let mut budget = 1_000_000u32;
        loop {
            if let Some(e) = self.backlog.pop_front() {
                self.clock = self.clock.max(e.time());
                sink(&e);
                if matches!(e, Event::Message(_)) {
                    while self
                        .backlog
                        .front()
                        .is_some_and(|n| !matches!(n, Event::Message(_)))
                    {
                        if let Some(n) = self.backlog.pop_front() {
                            sink(&n);
                        }
                    }
                    return true;
                }
                continue;
            }
            budget -= 1;
            if budget == 0 || !self.pull() {
                return false;
            }
        }
    }

    /// Runs for `wall` of wall-clock time at `speed`, stopping early at
    /// `deadline` (the display then lags behind the requested time).
    pub fn advance(
        &mut self,
        wall: Duration,
        speed: Speed,
        deadline: Instant,
        sink: &mut dyn FnMut(&Event),
    ) -> Progress {
        let mut p = Progress::default();
        let target = match speed {
            Speed::Factor(f) => Some(self.clock + wall.mul_f64(f)),
            Speed::Max => None,
        };
        let due = |t: Time| target.is_none_or(|x| t <= x);
        loop {
            while let Some(e) = self.backlog.front() {
                if !due(e.time()) {
                    break;
                }
                let Some(e) = self.backlog.pop_front() else {
                    break;
                };
                self.clock = self.clock.max(e.time());
                sink(&e);
                p.events += 1;
            }
            if !self.backlog.is_empty() {
                break;
            }
            if !self.sim.next_due().is_some_and(due) {
                break;
            }
            if p.steps.is_multiple_of(32) && Instant::now() >= deadline {
                p.behind = true;
                return p;
            }
            self.pull();
            p.steps += 1;
        }
        if let Some(t) = target {
            self.clock = self.clock.max(t);
        }
        p
    }
}

/// The topology with `n` more UEs cloned from UE `template` (or the first
/// UE): new consecutive IMSIs after the highest one in use, subscribers the
/// HSS will know (identities derived from the IMSI), and the template's
/// scenario steps. Returns the new topology and the new IMSIs.
pub fn add_ues(
    topo: &Topology,
    template: Option<NodeId>,
    n: usize,
) -> Result<(Topology, Vec<String>), String> {
    let (tid, tspec) = match template.and_then(|t| topo.node(t).map(|s| (t, s))) {
        Some((id, s)) if matches!(s.kind, NodeKind::Ue(_)) => (id, s.clone()),
        _ => {
            let Some((id, _)) = topo.ues().next() else {
                return Err("the topology has no UE to copy".into());
            };
            let Some(s) = topo.node(id) else {
                return Err("the topology has no UE to copy".into());
            };
            (id, s.clone())
        }
    };
    let NodeKind::Ue(tue) = &tspec.kind else {
        return Err("the template is not a UE".into());
    };
    let Some(tsub) = topo.subscriber(&tue.imsi).cloned() else {
        return Err(format!(
            "UE {} has no subscriber in the HSS to copy",
            tue.imsi
        ));
    };
    let highest = topo
        .subscribers
        .iter()
        .map(|s| s.imsi.as_str())
        .chain(topo.ues().map(|(_, u)| u.imsi.as_str()))
        .filter_map(|i| i.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let width = tue.imsi.len().max(15);
    let mut out = topo.clone();
    let mut imsis = Vec::with_capacity(n);
    let steps: Vec<_> = topo
        .scenario
        .iter()
        .filter(|s| s.target == Target::Node(tid))
        .cloned()
        .collect();
    for k in 1..=n as u64 {
        let imsi = format!("{:0width$}", highest + k);
        if imsi.len() > 15 {
            return Err("no IMSI left after the highest one in use".into());
        }
        let mut spec = tspec.clone();
        spec.name = format!("ue-{imsi}");
        if let NodeKind::Ue(u) = &mut spec.kind {
            u.imsi = imsi.clone();
            u.isim = None;
        }
        let id = NodeId(out.nodes.len() as u32);
        out.nodes.push(spec);
        let msisdn = match tsub.msisdn.parse::<u64>() {
            Ok(m) => format!("{:0w$}", m + k, w = tsub.msisdn.len()),
            Err(_) => tsub.msisdn.clone(),
        };
        out.subscribers.push(Subscriber {
            imsi: imsi.clone(),
            msisdn,
            ims: None,
            ..tsub.clone()
        });
        for s in &steps {
            let mut s = s.clone();
            s.target = Target::Node(id);
            out.scenario.push(s);
        }
        imsis.push(imsi);
    }
    out.scenario.sort_by_key(|s| s.at);
    Ok((out, imsis))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::load_from_str;

    fn default_topo() -> Topology {
        load_from_str(include_str!("../../topologies/default.yaml"))
            .unwrap()
            .topology
    }

    fn messages(events: &[Event]) -> usize {
        events
            .iter()
            .filter(|e| matches!(e, Event::Message(_)))
            .count()
    }

    #[test]
    fn engine_steps_exactly_one_message_at_a_time() {
        let mut e = Engine::new(default_topo());
        let mut seen = Vec::new();
        for i in 1..=10 {
            assert!(e.step_message(&mut |ev| seen.push(ev.clone())));
            assert_eq!(messages(&seen), i);
            assert!(matches!(
                seen.iter().rev().find(|x| matches!(x, Event::Message(_))),
                Some(Event::Message(_))
            ));
        }
    }

    #[test]
    fn engine_hands_out_the_same_events_stepping_or_running() {
        let mut a = Engine::new(default_topo());
        let mut stepped = Vec::new();
        while stepped.len() < 2000 && a.step_message(&mut |ev| stepped.push(ev.clone())) {
            if a.now() > Time::from_secs(1) {
                break;
            }
        }
        let mut b = Engine::new(default_topo());
        let mut run = Vec::new();
        let far = Instant::now() + Duration::from_secs(60);
        b.advance(Duration::from_secs(1), Speed::Factor(1.0), far, &mut |ev| {
            run.push(ev.clone())
        });
        let n = messages(&run);
        assert!(n >= 38, "{n}");
        let firsts: Vec<_> = stepped
            .iter()
            .filter(|e| matches!(e, Event::Message(_)))
            .take(n)
            .collect();
        let runs: Vec<_> = run
            .iter()
            .filter(|e| matches!(e, Event::Message(_)))
            .collect();
        assert_eq!(firsts, runs);
    }

    #[test]
    fn engine_runs_in_virtual_time_at_the_chosen_speed() {
        let mut e = Engine::new(default_topo());
        let far = Instant::now() + Duration::from_secs(60);
        let mut n = 0;
        // 1 s of wall clock at 0.01x = 10 ms of virtual time.
        e.advance(
            Duration::from_secs(1),
            Speed::Factor(0.01),
            far,
            &mut |ev| {
                assert!(ev.time() <= Time::from_millis(10));
                n += 1;
            },
        );
        assert_eq!(e.now(), Time::from_millis(10));
        assert!(n > 0);
        // A deadline in the past stops the work at once.
        let p = e.advance(
            Duration::from_secs(1),
            Speed::Max,
            Instant::now(),
            &mut |_| {},
        );
        assert!(p.behind);
        assert_eq!(p.steps, 0);
    }

    #[test]
    fn speed_parses_and_shifts() {
        assert_eq!(Speed::parse("0.01").unwrap(), Speed::Factor(0.01));
        assert_eq!(Speed::parse("10x").unwrap(), Speed::Factor(10.0));
        assert_eq!(Speed::parse("max").unwrap(), Speed::Max);
        assert!(Speed::parse("-1").is_err());
        assert_eq!(Speed::Factor(1.0).shifted(true), Speed::Factor(10.0));
        assert_eq!(Speed::Factor(1.0).shifted(false), Speed::Factor(0.5));
        assert_eq!(Speed::Factor(2.0).shifted(false), Speed::Factor(1.0));
        assert_eq!(Speed::Max.shifted(true), Speed::Max);
        assert_eq!(SPEEDS[0].shifted(false), SPEEDS[0]);
        assert_eq!(Speed::Factor(0.01).label(), "0.01x");
        assert_eq!(Speed::Factor(1.0).label(), "1x");
    }

    #[test]
    fn add_ues_clones_the_template_with_new_subscribers() {
        let topo = default_topo();
        let (t, imsis) = add_ues(&topo, None, 3).unwrap();
        assert_eq!(
            imsis,
            vec!["001010000000002", "001010000000003", "001010000000004"]
        );
        assert_eq!(t.ues().count(), 4);
        assert_eq!(t.subscribers.len(), 4);
        assert_eq!(t.subscriber("001010000000004").unwrap().msisdn, "15550004");
        assert!(t.find("ue-001010000000003").is_some());
        // The whole thing still attaches.
        let mut e = Engine::new(t);
        let mut reached = std::collections::HashSet::new();
        let far = Instant::now() + Duration::from_secs(60);
        e.advance(Duration::from_secs(2), Speed::Factor(1.0), far, &mut |ev| {
            if let Event::Node {
                node,
                event: crate::nodes::NodeEvent::Ue(s),
                ..
            } = ev
                && s.outcome != crate::nodes::Outcome::Pending
            {
                reached.insert(*node);
            }
        });
        assert_eq!(reached.len(), 4);
    }
}
