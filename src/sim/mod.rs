//! A deterministic driver for sans-IO nodes: a virtual clock, a queue of
//! deliveries and timers ordered by (time, sequence), and a fixed latency per
//! hop. Scenario tests, the terminal UI's step mode and the benchmark run on
//! it; the tokio runtime drives the same nodes in real time.
//!
//! Every message and node event is handed to the caller's observer as an
//! [`Event`], in order.

use crate::events::event::{Event, MessageEvent};
use crate::nodes::{Command, Input, Node, NodeId, Output, Time, Transmit};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
pub mod scenario;

use std::time::Duration;

/// What the queue holds.
#[derive(Debug)]
enum Pending {
    Deliver(Transmit, NodeId),
    Timer(NodeId),
    Command(NodeId, Command),
}

#[derive(Debug)]
struct Entry {
    at: Time,
    seq: u64,
    what: Pending,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (self.at, self.seq).cmp(&(o.at, o.seq))
    }
}

struct Slot {
    node: Box<dyn Node>,
    /// The timer currently queued for this node, to skip stale entries.
    timer: Option<Time>,
}

/// The simulator.
pub struct Sim {
    slots: Vec<Option<Slot>>,
    queue: BinaryHeap<Reverse<Entry>>,
    now: Time,
    seq: u64,
    latency: Duration,
    /// Messages for nodes this simulator does not host (the runtime forwards
    /// them), with their sender.
    outbox: Vec<(NodeId, Transmit)>,
    /// Message and node events since the last `drain_events`.
    events: Vec<Event>,
    record: bool,
    steps: u64,
}

impl Sim {
    /// An empty simulator with `latency` per hop.
    pub fn new(latency: Duration) -> Self {
        Self {
            slots: Vec::new(),
            queue: BinaryHeap::new(),
            now: Time::ZERO,
            seq: 0,
            latency,
            outbox: Vec::new(),
            events: Vec::new(),
            record: true,
            steps: 0,
        }
    }

    /// Stops (or restarts) collecting events, e.g. for benchmarks.
    pub fn set_recording(&mut self, on: bool) {
        self.record = on;
    }

    /// The per-hop latency.
    pub fn latency(&self) -> Duration {
        self.latency
    }

    /// Hosts `node` as `id`.
    pub fn add(&mut self, id: NodeId, node: Box<dyn Node>) {
        let i = id.0 as usize;
        if self.slots.len() <= i {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i] = Some(Slot { node, timer: None });
        self.reschedule(id);
    }

    /// True if `id` is hosted here.
    pub fn hosts(&self, id: NodeId) -> bool {
        matches!(self.slots.get(id.0 as usize), Some(Some(_)))
    }

    /// The current virtual time.
    pub fn now(&self) -> Time {
        self.now
    }

    /// Number of queue entries processed so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// When the next entry is due, if any.
    pub fn next_due(&self) -> Option<Time> {
        self.queue.peek().map(|Reverse(e)| e.at)
    }

    fn push(&mut self, at: Time, what: Pending) {
        self.seq += 1;
        self.queue.push(Reverse(Entry {
            at,
            seq: self.seq,
            what,
        }));
    }

    /// Queues a command for `node` at time `at` (not before now).
    pub fn schedule(&mut self, at: Time, node: NodeId, cmd: Command) {
        let at = at.max(self.now);
        self.push(at, Pending::Command(node, cmd));
    }

    /// Delivers bytes that came from outside (another simulator, a real
    /// socket) to a hosted node at `at` (not before now).
    pub fn inject(&mut self, at: Time, from: NodeId, tx: Transmit) {
        let at = at.max(self.now);
        self.push(at, Pending::Deliver(tx, from));
    }

    /// Takes the messages addressed to nodes not hosted here, with their senders.
    pub fn drain_outbox(&mut self) -> Vec<(NodeId, Transmit)> {
        std::mem::take(&mut self.outbox)
    }

    /// Takes the events recorded since the last call.
    pub fn drain_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    fn reschedule(&mut self, id: NodeId) {
        let Some(Some(slot)) = self.slots.get_mut(id.0 as usize) else {
            return;
        };
        let want = slot.node.poll_timeout();
        if want != slot.timer {
            slot.timer = want;
            if let Some(t) = want {
                self.push(t.max(self.now), Pending::Timer(id));
            }
        }
    }

    fn feed(&mut self, id: NodeId, input: Input) {
        let now = self.now;
        let Some(Some(slot)) = self.slots.get_mut(id.0 as usize) else {
            return;
        };
        slot.node.handle(now, input);
        let mut outs = Vec::new();
        while let Some(o) = slot.node.poll_output() {
            outs.push(o);
        }
        for o in outs {
            match o {
                Output::Transmit(tx) => {
                    if self.record {
                        self.events.push(Event::Message(MessageEvent {
                            t: now,
                            from: id,
                            to: tx.to,
                            iface: tx.iface,
                            stream: tx.stream,
                            imsi: tx.imsi,
                            bytes: tx.bytes.clone(),
                        }));
                    }
                    if self.hosts(tx.to) {
                        let at = now + self.latency;
                        self.push(at, Pending::Deliver(tx, id));
                    } else {
                        self.outbox.push((id, tx));
                    }
                }
                Output::Event(event) => {
                    if self.record || matches!(event, crate::nodes::NodeEvent::Ue(_)) {
                        self.events.push(Event::Node {
                            t: now,
                            node: id,
                            event,
                        });
                    }
                }
            }
        }
        self.reschedule(id);
    }

    /// Processes the next queue entry. Returns false when the queue is empty.
    pub fn step(&mut self) -> bool {
        let Some(Reverse(entry)) = self.queue.pop() else {
            return false;
        };
        self.now = self.now.max(entry.at);
        self.steps += 1;
        match entry.what {
            Pending::Deliver(tx, from) => {
                let input = Input::Receive {
                    iface: tx.iface,
                    from,
                    bytes: tx.bytes,
                };
                self.feed(tx.to, input);
            }
            Pending::Timer(id) => {
                let current = match self.slots.get_mut(id.0 as usize) {
                    Some(Some(slot)) if slot.timer == Some(entry.at) => {
                        slot.timer = None;
                        true
                    }
                    _ => false,
                };
                if current {
                    self.feed(id, Input::Timeout);
                }
            }
            Pending::Command(id, cmd) => self.feed(id, Input::Command(cmd)),
        }
        true
    }

    /// Steps until nothing is queued before `deadline` (inclusive) and sets
    /// the clock to `deadline`.
    pub fn run_until_time(&mut self, deadline: Time) {
        while self.next_due().is_some_and(|t| t <= deadline) {
            self.step();
        }
        self.now = self.now.max(deadline);
    }

    /// Steps until `done` holds (checked after every step) or the queue is
    /// empty or `limit` is passed. Returns true if `done` held.
    pub fn run_until(&mut self, limit: Time, mut done: impl FnMut(&mut Self) -> bool) -> bool {
        loop {
            if done(self) {
                return true;
            }
            match self.next_due() {
                Some(t) if t <= limit => {
                    self.step();
                }
                _ => return done(self),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::{Iface, NodeEvent, UeCommand};
    use bytes::Bytes;

    /// Sends "ping" to its peer on command, answers pings with pongs, and
    /// counts pongs; pings again after a 1 s timer.
    struct Pinger {
        peer: NodeId,
        out: Vec<Output>,
        pongs: u64,
        timer: Option<Time>,
    }

    impl Node for Pinger {
        fn handle(&mut self, now: Time, input: Input) {
            let tx = |b: &'static [u8], to| {
                Output::Transmit(Transmit {
                    iface: Iface::S11,
                    to,
                    bytes: Bytes::from_static(b),
                    stream: 0,
                    imsi: None,
                })
            };
            match input {
                Input::Command(_) | Input::Timeout => {
                    self.timer = None;
                    self.out.push(tx(b"ping", self.peer));
                }
                Input::Receive { bytes, from, .. } if &bytes[..] == b"ping" => {
                    self.out.push(tx(b"pong", from));
                }
                Input::Receive { .. } => {
                    self.pongs += 1;
                    self.out.push(Output::Event(NodeEvent::Counter {
                        name: "pongs",
                        value: self.pongs,
                    }));
                    if self.pongs < 3 {
                        self.timer = Some(now + Duration::from_secs(1));
                    }
                }
            }
        }
        fn poll_output(&mut self) -> Option<Output> {
            if self.out.is_empty() {
                None
            } else {
                Some(self.out.remove(0))
            }
        }
        fn poll_timeout(&self) -> Option<Time> {
            self.timer
        }
    }

    fn pinger(peer: u32) -> Box<Pinger> {
        Box::new(Pinger {
            peer: NodeId(peer),
            out: Vec::new(),
            pongs: 0,
            timer: None,
        })
    }

    #[test]
    fn sim_delivers_with_latency_and_fires_timers_in_order() {
        let mut sim = Sim::new(Duration::from_millis(2));
        sim.add(NodeId(0), pinger(1));
        sim.add(NodeId(1), pinger(0));
        sim.schedule(Time::ZERO, NodeId(0), Command::Ue(UeCommand::Attach));
        while sim.step() {}
        let events = sim.drain_events();
        let msgs: Vec<(u64, u32, &[u8])> = events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some((m.t.as_micros(), m.from.0, &m.bytes[..])),
                _ => None,
            })
            .collect();
        assert_eq!(
            msgs,
            vec![
                (0, 0, &b"ping"[..]),
                (2_000, 1, b"pong"),
                (1_004_000, 0, b"ping"),
                (1_006_000, 1, b"pong"),
                (2_008_000, 0, b"ping"),
                (2_010_000, 1, b"pong"),
            ]
        );
        let last = events.iter().rev().find_map(|e| match e {
            Event::Node {
                event: NodeEvent::Counter { value, .. },
                ..
            } => Some(*value),
            _ => None,
        });
        assert_eq!(last, Some(3));
        assert_eq!(sim.now(), Time(2_012_000));
    }

    #[test]
    fn sim_sends_messages_for_unhosted_nodes_to_the_outbox() {
        let mut sim = Sim::new(Duration::ZERO);
        sim.add(NodeId(0), pinger(7));
        sim.schedule(
            Time::from_secs(5),
            NodeId(0),
            Command::Ue(UeCommand::Attach),
        );
        assert!(sim.run_until(Time::from_secs(10), |s| !s.outbox.is_empty()));
        let out = sim.drain_outbox();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, NodeId(0));
        assert_eq!(out[0].1.to, NodeId(7));
        assert_eq!(sim.now(), Time::from_secs(5));
    }
}
