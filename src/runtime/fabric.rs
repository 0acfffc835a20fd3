//! The fabric: routes messages between actors by destination node. The
//! sending actor's simulator has already published each message as an event
//! (the single tap), so the fabric only moves bytes.

use super::actor::Envelope;
use crate::nodes::{NodeId, Time, Transmit};
use std::time::Duration;
use tokio::sync::mpsc;

/// Routes by node id to the inbox of the actor hosting it.
pub struct Fabric {
    routes: Vec<Option<usize>>,
    inboxes: Vec<mpsc::UnboundedSender<Envelope>>,
    latency: Duration,
}

impl Fabric {
    /// A fabric where node `i` lives in actor `routes[i]`.
    pub fn new(
        routes: Vec<Option<usize>>,
        inboxes: Vec<mpsc::UnboundedSender<Envelope>>,
        latency: Duration,
    ) -> Self {
        Self {
            routes,
            inboxes,
            latency,
        }
    }

    /// Sends an envelope to the actor hosting `node`; false if none does.
    pub fn send(&self, node: NodeId, env: Envelope) -> bool {
        match self.routes.get(node.0 as usize).copied().flatten() {
            Some(a) => self.inboxes[a].send(env).is_ok(),
            None => false,
        }
    }

    /// Forwards a message sent at `now` by `from`: it arrives one hop later.
    pub fn forward(&self, now: Time, from: NodeId, tx: Transmit) -> bool {
        let to = tx.to;
        self.send(
            to,
            Envelope::Deliver {
                at: now + self.latency,
                from,
                tx,
            },
        )
    }
}
