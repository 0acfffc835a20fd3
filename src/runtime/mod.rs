//! The only module that imports tokio: node actors driven by the wall clock,
//! and the fabric that routes bytes between them and taps every message.
//!
//! Each actor hosts a group of sans-IO nodes inside a [`Sim`] (one network
//! node, or all the UEs together: a node holds many UE contexts, never one
//! task per UE). The actor feeds the group what arrives in its inbox, sleeps
//! until the group's next timer, maps tokio's clock onto [`Time`], and hands
//! every message for another group to the [`fabric::Fabric`], which delivers
//! it one hop-latency later. Events go to one lossless channel that the
//! caller drains (ladder, pcap, JSON, UI). Shutdown: a watch channel tells
//! every actor to stop; the caller awaits their completion.
//!
//! Real peers plug in through [`diameter_tcp`]: a node's listener accepts
//! TCP connections, each becomes a node id of its own from
//! [`NodeId::FIRST_EXTERNAL`] up, and the fabric routes between it and the
//! simulated node like between two actors.

pub mod actor;
pub mod diameter_tcp;
pub mod fabric;

use crate::events::event::Event;
use crate::nodes::{Command, Node, NodeId, Time};
use crate::sim::Sim;
use actor::{Actor, Envelope};
use diameter_tcp::Listener;
use fabric::Fabric;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// A group of nodes that one actor hosts.
pub type Group = Vec<(NodeId, Box<dyn Node>)>;

/// Running actors, their fabric and the event stream.
pub struct Runtime {
    fabric: Arc<Fabric>,
    events: mpsc::UnboundedReceiver<Vec<Event>>,
    /// For the tasks of real peers' connections.
    event_tx: mpsc::UnboundedSender<Vec<Event>>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    start: tokio::time::Instant,
    /// The id the next real peer gets.
    next_external: Arc<AtomicU32>,
}

impl Runtime {
    /// Spawns one actor per group on the current tokio runtime. `latency` is
    /// the one-way delay of every hop.
    pub fn start(groups: Vec<Group>, latency: Duration) -> Self {
        let start = tokio::time::Instant::now();
        let (event_tx, events) = mpsc::unbounded_channel();
        let (shutdown, shutdown_rx) = watch::channel(false);
        let mut routes = Vec::new();
        let mut inboxes = Vec::new();
        let mut receivers = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for (id, _) in group {
                let i = id.0 as usize;
                if routes.len() <= i {
                    routes.resize(i + 1, None);
                }
                routes[i] = Some(g);
            }
            let (tx, rx) = mpsc::unbounded_channel();
            inboxes.push(tx);
            receivers.push(rx);
        }
        let fabric = Arc::new(Fabric::new(routes, inboxes, latency));
        let mut tasks = Vec::new();
        for (group, inbox) in groups.into_iter().zip(receivers) {
            let mut sim = Sim::new(latency);
            for (id, node) in group {
                sim.add(id, node);
            }
            let actor = Actor::new(
                sim,
                inbox,
                Arc::clone(&fabric),
                event_tx.clone(),
                shutdown_rx.clone(),
                start,
            );
            tasks.push(tokio::spawn(actor.run()));
        }
        Self {
            fabric,
            events,
            event_tx,
            shutdown,
            tasks,
            start,
            next_external: Arc::new(AtomicU32::new(NodeId::FIRST_EXTERNAL)),
        }
    }

    /// Accepts real peers on `listener` until shutdown (see
    /// [`diameter_tcp`]): each connection's messages reach the listener's
    /// node as if from a node of their own, and that node's answers go
    /// back on the connection.
    pub fn serve(&mut self, listener: Listener) {
        let shared = diameter_tcp::Shared {
            fabric: Arc::clone(&self.fabric),
            events: self.event_tx.clone(),
            shutdown: self.shutdown.subscribe(),
            start: self.start,
            next_id: Arc::clone(&self.next_external),
        };
        self.tasks
            .push(tokio::spawn(diameter_tcp::accept_loop(listener, shared)));
    }

    /// The run's clock.
    pub fn now(&self) -> Time {
        actor::elapsed(self.start)
    }

    /// Sends `cmd` to `node` at `at`.
    pub fn command(&self, at: Time, node: NodeId, cmd: Command) {
        self.fabric.send(node, Envelope::Command { at, node, cmd });
    }

    /// The next batch of events (waits until there is one).
    pub async fn next_events(&mut self) -> Option<Vec<Event>> {
        self.events.recv().await
    }

    /// Events already waiting, without blocking.
    pub fn try_events(&mut self) -> Option<Vec<Event>> {
        self.events.try_recv().ok()
    }

    /// Stops every actor and waits for them; returns the events still queued.
    pub async fn shutdown(mut self) -> Vec<Event> {
        let _ = self.shutdown.send(true);
        for t in self.tasks.drain(..) {
            let _ = t.await;
        }
        let mut rest = Vec::new();
        while let Ok(batch) = self.events.try_recv() {
            rest.extend(batch);
        }
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::{Iface, Input, Output, Transmit, UeCommand};
    use bytes::Bytes;

    /// Answers every message with "pong"; on a command sends "ping" to `peer`.
    struct Echo {
        peer: NodeId,
        out: Vec<Output>,
    }

    impl Node for Echo {
        fn handle(&mut self, _now: Time, input: Input) {
            let (to, b): (NodeId, &'static [u8]) = match input {
                Input::Command(_) => (self.peer, b"ping"),
                Input::Receive { from, bytes, .. } if &bytes[..] == b"ping" => (from, b"pong"),
                _ => return,
            };
            self.out.push(Output::Transmit(Transmit {
                iface: Iface::S11,
                to,
                bytes: Bytes::from_static(b),
                stream: 0,
                imsi: None,
            }));
        }
        fn poll_output(&mut self) -> Option<Output> {
            self.out.pop()
        }
        fn poll_timeout(&self) -> Option<Time> {
            None
        }
    }

    #[tokio::test(start_paused = true)]
    async fn runtime_routes_between_actors_with_latency_and_taps_every_message() {
        let echo = |peer| -> Box<dyn Node> {
            Box::new(Echo {
                peer: NodeId(peer),
                out: Vec::new(),
            })
        };
        let mut rt = Runtime::start(
            vec![vec![(NodeId(0), echo(1))], vec![(NodeId(1), echo(0))]],
            Duration::from_millis(5),
        );
        rt.command(
            Time::from_millis(100),
            NodeId(0),
            Command::Ue(UeCommand::Attach),
        );
        let mut seen = Vec::new();
        while seen.len() < 2 {
            for e in rt.next_events().await.unwrap() {
                if let Event::Message(m) = e {
                    seen.push((m.t, m.from, m.to, m.bytes));
                }
            }
        }
        assert_eq!(seen[0].1, NodeId(0));
        assert_eq!(&seen[0].3[..], b"ping");
        assert_eq!(seen[1].1, NodeId(1));
        assert_eq!(&seen[1].3[..], b"pong");
        // The ping left at 100 ms; the pong one hop (5 ms) later.
        assert_eq!(seen[0].0, Time::from_millis(100));
        assert_eq!(seen[1].0, Time::from_millis(105));
        assert!(rt.shutdown().await.is_empty());
    }

    /// Sends back whatever it receives; notes the commands it gets.
    struct Mirror {
        out: Vec<Output>,
    }

    impl Node for Mirror {
        fn handle(&mut self, _now: Time, input: Input) {
            match input {
                Input::Receive { iface, from, bytes } => {
                    self.out.push(Output::Transmit(Transmit {
                        iface,
                        to: from,
                        bytes,
                        stream: 0,
                        imsi: None,
                    }))
                }
                Input::Command(c) => self.out.push(Output::Event(crate::nodes::NodeEvent::Note {
                    imsi: None,
                    text: format!("{c:?}"),
                })),
                Input::Timeout => {}
            }
        }
        fn poll_output(&mut self) -> Option<Output> {
            self.out.pop()
        }
        fn poll_timeout(&self) -> Option<Time> {
            None
        }
    }

    #[tokio::test]
    async fn runtime_routes_real_tcp_peers_as_nodes_of_their_own() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut rt = Runtime::start(
            vec![vec![(
                NodeId(0),
                Box::new(Mirror { out: Vec::new() }) as Box<dyn Node>,
            )]],
            Duration::from_millis(1),
        );
        let listener = Listener::bind(NodeId(0), Iface::Cx, "127.0.0.1:0".parse().unwrap())
            .await
            .unwrap();
        let addr = listener.local_addr();
        assert_ne!(addr.port(), 0);
        rt.serve(listener);
        let mut peer = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut msg = vec![1u8, 0, 0, 24];
        msg.resize(24, 7);
        // Sent in two pieces: framed by the header's length.
        peer.write_all(&msg[..10]).await.unwrap();
        peer.flush().await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
        peer.write_all(&msg[10..]).await.unwrap();
        let mut back = vec![0u8; 24];
        peer.read_exact(&mut back).await.unwrap();
        assert_eq!(back, msg);
        // A length no Diameter message has: the connection is closed.
        peer.write_all(&[1, 0, 0, 5]).await.unwrap();
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest).await;
        assert!(rest.is_empty());

        let ext = NodeId(NodeId::FIRST_EXTERNAL);
        let mut seen = Vec::new();
        let until = tokio::time::Instant::now() + Duration::from_secs(5);
        while !seen.iter().any(|e| {
            matches!(e, Event::Node { node, event: crate::nodes::NodeEvent::Note { text, .. }, .. }
                if *node == NodeId(0) && text.contains("ConnectionClosed"))
        }) {
            let batch = tokio::time::timeout_at(until, rt.next_events()).await;
            seen.extend(batch.expect("events in time").unwrap());
        }
        let Event::Peer(p) = &seen[0] else {
            panic!("{seen:?}")
        };
        assert_eq!(
            (p.id, p.node, p.iface, p.local),
            (ext, NodeId(0), Iface::Cx, addr)
        );
        assert_eq!(p.peer, peer.local_addr().unwrap());
        let messages: Vec<(NodeId, NodeId, Iface, usize)> = seen
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some((m.from, m.to, m.iface, m.bytes.len())),
                _ => None,
            })
            .collect();
        assert_eq!(
            messages,
            [
                (ext, NodeId(0), Iface::Cx, 24),
                (NodeId(0), ext, Iface::Cx, 24)
            ]
        );
        assert!(seen.iter().any(|e| matches!(e,
            Event::Node { node, event: crate::nodes::NodeEvent::Note { text, .. }, .. }
                if *node == ext && text.contains("5-byte message"))));
        rt.shutdown().await;
    }
}
