//! Running a topology: build its nodes, play its scenario, feed every event
//! to the caller's sinks, and stop once every UE reached or failed its goal.
//!
//! Two engines drive the same nodes: [`run_sim`] on the deterministic
//! simulator (virtual time, as fast as the CPU allows: the default), and
//! [`run_realtime`] on the tokio runtime (wall-clock time, one actor per
//! network node and one for all UEs: the shells real sockets plug into).
//! A topology whose HSS listens for real Diameter peers ([`serve`]) always
//! runs on the second, and until its time limit or Ctrl-C rather than until
//! its UEs are done.

pub mod report;

use crate::events::event::Event;
use crate::nodes::{self, NodeId, Time};
use crate::runtime::diameter_tcp::Listener;
use crate::runtime::{Group, Runtime};
use crate::sim::{Sim, scenario};
use crate::topology::{NodeKind, Topology};
use report::Tracker;
use std::time::{Duration, Instant};

/// How to run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Stop at this (simulated) time even if UEs are still pending.
    pub max_time: Duration,
    /// Keep running this long after the last UE finished, so the last
    /// messages (Modify Bearer, ...) are seen.
    pub settle: Duration,
    /// Print a progress line to stderr (runs with many UEs).
    pub progress: bool,
    /// Record every message (off for benchmarks: only UE states are kept).
    pub record_messages: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            max_time: Duration::from_secs(600),
            settle: Duration::from_secs(1),
            progress: false,
            record_messages: true,
        }
    }
}

/// Builds the node cores of `topo`. Kinds not implemented yet are skipped
/// and named in the returned list.
pub fn build_nodes(topo: &Topology) -> (Group, Vec<String>) {
    let mut built: Group = Vec::new();
    let mut skipped = Vec::new();
    for (i, spec) in topo.nodes.iter().enumerate() {
        let id = NodeId(i as u32);
        match nodes::build(id, topo) {
            Some(n) => built.push((id, n)),
            None => skipped.push(format!("{} ({})", spec.name, spec.kind.word())),
        }
    }
    (built, skipped)
}

struct Progress {
    on: bool,
    /// Messages are counted only when they are recorded (not in `bench`);
    /// otherwise the line shows the simulator's steps.
    recording: bool,
    last: Instant,
}

impl Progress {
    fn tick(&mut self, tracker: &Tracker, now: Time, steps: u64, force: bool) {
        if !self.on || (!force && self.last.elapsed() < Duration::from_millis(500)) {
            return;
        }
        self.last = Instant::now();
        let work = if self.recording {
            format!("{} messages", tracker.messages())
        } else {
            format!("{steps} steps")
        };
        eprint!(
            "\r  {}/{} UEs finished ({} reached), {work}, t = {} s   ",
            tracker.finished(),
            tracker.ues(),
            tracker.reached(),
            now
        );
        if force {
            eprintln!();
        }
    }
}

/// Runs `topo` on the simulator; every event goes to `sink`.
pub fn run_sim(topo: &Topology, opts: &RunOptions, sink: &mut dyn FnMut(&Event)) -> Tracker {
    let mut sim = Sim::new(topo.latency);
    sim.set_recording(opts.record_messages);
    let (built, _) = build_nodes(topo);
    for (id, node) in built {
        sim.add(id, node);
    }
    let table = scenario::timetable(topo);
    let last_step = table.last().map_or(Time::ZERO, |(t, _, _)| *t);
    for (t, node, cmd) in table {
        sim.schedule(t, node, cmd);
    }
    let mut tracker = Tracker::new(topo);
    let mut progress = Progress {
        on: opts.progress,
        recording: opts.record_messages,
        last: Instant::now(),
    };
    let limit = Time::ZERO + opts.max_time;
    let mut settle_until: Option<Time> = None;
    let mut steps = 0u64;
    while sim.next_due().is_some_and(|t| t <= limit) {
        if let Some(until) = settle_until
            && sim.next_due().is_some_and(|t| t > until)
        {
            break;
        }
        sim.step();
        steps += 1;
        for e in sim.drain_events() {
            tracker.observe(&e);
            sink(&e);
        }
        // Done once every UE finished and the scenario has nothing left;
        // a UE that goes back to work (a later step, the network ending its
        // registration) puts the end off again.
        if tracker.all_finished() && sim.now() >= last_step {
            settle_until.get_or_insert(sim.now() + opts.settle);
        } else {
            settle_until = None;
        }
        if steps.is_multiple_of(1024) {
            progress.tick(&tracker, sim.now(), steps, false);
        }
    }
    progress.tick(&tracker, sim.now(), steps, true);
    tracker.steps = sim.steps();
    tracker
}

/// Runs `topo` on tokio actors in real time; every event goes to `sink`.
///
/// A topology whose HSS has `listen:` addresses gets them bound first (one
/// line per listener on stderr, with the port actually bound) and then
/// serves real Diameter peers there until `max_time` or Ctrl-C, UEs or not.
pub fn run_realtime(
    topo: &Topology,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
) -> std::io::Result<Tracker> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot start the runtime: {e}")))?;
    rt.block_on(async {
        let listeners = bind_listeners(topo).await?;
        for l in &listeners {
            let name = topo.node(l.node).map_or("?", |n| n.name.as_str());
            eprintln!(
                "{name} listens for {} on {} (Diameter over TCP)",
                l.iface,
                l.local_addr()
            );
        }
        Ok(serve(topo, opts, sink, listeners).await)
    })
}

/// Binds every `listen:` address of `topo`'s HSSs.
pub async fn bind_listeners(topo: &Topology) -> std::io::Result<Vec<Listener>> {
    let mut out = Vec::new();
    for (node, iface, addr) in topo.listeners() {
        match Listener::bind(node, iface, addr).await {
            Ok(l) => out.push(l),
            Err(e) => {
                let name = topo.node(node).map_or("?", |n| n.name.as_str());
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("{name} cannot listen for {iface} on {addr}: {e}"),
                ));
            }
        }
    }
    Ok(out)
}

/// The actor engine itself (runs on the caller's tokio runtime; tests use a
/// paused clock). Opens no listeners: see [`serve`].
pub async fn run_actors(
    topo: &Topology,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
) -> Tracker {
    serve(topo, opts, sink, Vec::new()).await
}

/// [`run_actors`], also accepting real peers on `listeners`. With any
/// listener the run does not end when the UEs are done: it lasts until
/// `max_time` or Ctrl-C, so real peers can come and go.
pub async fn serve(
    topo: &Topology,
    opts: &RunOptions,
    sink: &mut dyn FnMut(&Event),
    listeners: Vec<Listener>,
) -> Tracker {
    let (built, _) = build_nodes(topo);
    let mut ues: Group = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for (id, node) in built {
        match topo.node(id).map(|n| &n.kind) {
            Some(NodeKind::Ue(_)) => ues.push((id, node)),
            _ => groups.push(vec![(id, node)]),
        }
    }
    if !ues.is_empty() {
        groups.push(ues);
    }
    let mut rt = Runtime::start(groups, topo.latency);
    let serving = !listeners.is_empty();
    for l in listeners {
        rt.serve(l);
    }
    // Only a serving run waits for Ctrl-C (others keep the default: exit).
    let interrupted = async {
        if serving {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::pin!(interrupted);
    let table = scenario::timetable(topo);
    let last_step = table.last().map_or(Duration::ZERO, |(t, _, _)| {
        Duration::from_micros(t.as_micros())
    });
    let started = tokio::time::Instant::now();
    for (t, node, cmd) in table {
        rt.command(t, node, cmd);
    }
    let mut tracker = Tracker::new(topo);
    tracker.wall_clock = true;
    let mut progress = Progress {
        on: opts.progress,
        // The actors always report their messages.
        recording: true,
        last: Instant::now(),
    };
    let deadline = tokio::time::Instant::now() + opts.max_time;
    let mut settle: Option<tokio::time::Instant> = None;
    loop {
        let stop_at = settle.unwrap_or(deadline).min(deadline);
        // Wake when the last scenario step is due, to start settling.
        let steps_done = started + last_step;
        let wake = if steps_done > tokio::time::Instant::now() {
            stop_at.min(steps_done)
        } else {
            stop_at
        };
        tokio::select! {
            batch = rt.next_events() => match batch {
                Some(batch) => {
                    for e in &batch {
                        tracker.observe(e);
                        sink(e);
                    }
                }
                None => break,
            },
            _ = tokio::time::sleep_until(wake) => {
                if wake == stop_at {
                    break;
                }
            }
            _ = &mut interrupted => {
                eprintln!();
                eprintln!("interrupted: stopping");
                break;
            }
        }
        if !serving && tracker.all_finished() && started.elapsed() >= last_step {
            settle.get_or_insert(tokio::time::Instant::now() + opts.settle);
        } else {
            settle = None;
        }
        progress.tick(&tracker, rt.now(), 0, false);
    }
    let now = rt.now();
    for e in rt.shutdown().await {
        tracker.observe(&e);
        sink(&e);
    }
    progress.tick(&tracker, now, 0, true);
    tracker
}
