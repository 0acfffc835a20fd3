//! A node actor: a group of sans-IO nodes in a [`Sim`], driven by tokio's
//! clock. The loop waits for its inbox or its next timer, runs the group up
//! to now, forwards messages for other groups to the fabric and its events to
//! the event channel (the quinn ConnectionDriver pattern).

use super::fabric::Fabric;
use crate::events::event::Event;
use crate::nodes::{Command, NodeId, Time, Transmit};
use crate::sim::Sim;
use std::sync::Arc;
use tokio::sync::{mpsc, watch};

/// What an actor's inbox carries.
#[derive(Debug)]
pub enum Envelope {
    /// Bytes from another group, to deliver at `at`.
    Deliver {
        /// When they arrive.
        at: Time,
        /// Sender.
        from: NodeId,
        /// The message.
        tx: Transmit,
    },
    /// A command for a hosted node.
    Command {
        /// When.
        at: Time,
        /// Which node.
        node: NodeId,
        /// What.
        cmd: Command,
    },
}

/// Time since `start` on tokio's clock.
pub fn elapsed(start: tokio::time::Instant) -> Time {
    Time(
        tokio::time::Instant::now()
            .duration_since(start)
            .as_micros() as u64,
    )
}

/// One actor.
pub struct Actor {
    sim: Sim,
    inbox: mpsc::UnboundedReceiver<Envelope>,
    fabric: Arc<Fabric>,
    events: mpsc::UnboundedSender<Vec<Event>>,
    shutdown: watch::Receiver<bool>,
    start: tokio::time::Instant,
}

impl Actor {
    /// An actor around `sim`.
    pub fn new(
        sim: Sim,
        inbox: mpsc::UnboundedReceiver<Envelope>,
        fabric: Arc<Fabric>,
        events: mpsc::UnboundedSender<Vec<Event>>,
        shutdown: watch::Receiver<bool>,
        start: tokio::time::Instant,
    ) -> Self {
        Self {
            sim,
            inbox,
            fabric,
            events,
            shutdown,
            start,
        }
    }

    fn accept(&mut self, env: Envelope) {
        match env {
            Envelope::Deliver { at, from, tx } => self.sim.inject(at, from, tx),
            Envelope::Command { at, node, cmd } => self.sim.schedule(at, node, cmd),
        }
    }

    /// Runs until shutdown.
    pub async fn run(mut self) {
        loop {
            // Run everything that is due, then publish.
            let now = elapsed(self.start);
            self.sim.run_until_time(now);
            for (from, tx) in self.sim.drain_outbox() {
                self.fabric.forward(now, from, tx);
            }
            let events = self.sim.drain_events();
            if !events.is_empty() && self.events.send(events).is_err() {
                return;
            }
            let wake = self.sim.next_due().map(|t| self.start + t.as_duration());
            tokio::select! {
                biased;
                _ = self.shutdown.changed() => return,
                env = self.inbox.recv() => match env {
                    Some(env) => {
                        self.accept(env);
                        while let Ok(more) = self.inbox.try_recv() {
                            self.accept(more);
                        }
                    }
                    None => return,
                },
                _ = async {
                    match wake {
                        Some(at) => tokio::time::sleep_until(at).await,
                        None => std::future::pending().await,
                    }
                } => {}
            }
        }
    }
}
