//! The fabric: routes messages between actors by destination node, and to
//! the real peers connected over TCP. The sending actor's simulator has
//! already published each message as an event (the single tap), so the
//! fabric only moves bytes.
//!
//! Topology nodes are found by index (`routes[id]`, fixed at start). Real
//! peers have ids from [`NodeId::FIRST_EXTERNAL`] up, one per accepted
//! connection; their connection task registers a channel to its socket
//! writer with [`Fabric::connect`] and removes it when the connection ends,
//! after which messages for that id are dropped.

use super::actor::Envelope;
use crate::nodes::{NodeId, Time, Transmit};
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::mpsc;

/// Routes by node id to the inbox of the actor hosting it, or to the
/// socket of a real peer.
pub struct Fabric {
    routes: Vec<Option<usize>>,
    inboxes: Vec<mpsc::UnboundedSender<Envelope>>,
    latency: Duration,
    external: Mutex<HashMap<NodeId, mpsc::UnboundedSender<Bytes>>>,
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
            external: Mutex::new(HashMap::new()),
        }
    }

    /// Sends an envelope to the actor hosting `node`; false if none does.
    pub fn send(&self, node: NodeId, env: Envelope) -> bool {
        match self.routes.get(node.0 as usize).copied().flatten() {
            Some(a) => self.inboxes[a].send(env).is_ok(),
            None => false,
        }
    }

    /// Forwards a message sent at `now` by `from`: it arrives one hop later,
    /// or, for a real peer, is written to its socket now. False when nobody
    /// takes it (a peer that went away).
    pub fn forward(&self, now: Time, from: NodeId, tx: Transmit) -> bool {
        let to = tx.to;
        if to.is_external() {
            return self
                .externals()
                .get(&to)
                .is_some_and(|w| w.send(tx.bytes).is_ok());
        }
        self.send(
            to,
            Envelope::Deliver {
                at: now + self.latency,
                from,
                tx,
            },
        )
    }

    /// Routes messages for the real peer `id` to `writer` (its socket).
    pub fn connect(&self, id: NodeId, writer: mpsc::UnboundedSender<Bytes>) {
        self.externals().insert(id, writer);
    }

    /// Forgets the real peer `id`.
    pub fn disconnect(&self, id: NodeId) {
        self.externals().remove(&id);
    }

    fn externals(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<NodeId, mpsc::UnboundedSender<Bytes>>> {
        // A panic elsewhere cannot leave the map half-changed: keep going.
        self.external
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
