//! The one event type every observer consumes: a message that crossed an
//! interface, or something a node reported about itself.

use crate::nodes::{Iface, NodeEvent, NodeId, Time};
use bytes::Bytes;
use std::net::SocketAddr;

/// A message crossing an interface, exactly as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageEvent {
    /// When it was sent.
    pub t: Time,
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// Interface.
    pub iface: Iface,
    /// SCTP stream (S1AP).
    pub stream: u16,
    /// The subscriber concerned, when the sender knew.
    pub imsi: Option<u64>,
    /// Wire bytes.
    pub bytes: Bytes,
}

/// A real peer connected to a simulated node over TCP (the runtime
/// reports it when it accepts the connection). From then on the peer is
/// node `id` in the stream: its messages are ordinary [`MessageEvent`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerEvent {
    /// When the connection was accepted.
    pub t: Time,
    /// The id the runtime gave the peer (at or above
    /// [`NodeId::FIRST_EXTERNAL`]).
    pub id: NodeId,
    /// The simulated node it talks to.
    pub node: NodeId,
    /// The interface it talks on.
    pub iface: Iface,
    /// The peer's address.
    pub peer: SocketAddr,
    /// Our end of the connection (the listening address, as bound).
    pub local: SocketAddr,
}

impl PeerEvent {
    /// The name the peer goes by in the ladder, the JSON log and the
    /// summary: `ext:` and its socket address.
    pub fn name(&self) -> String {
        external_name(self.peer)
    }
}

/// The name of a real peer at `addr`: `ext:127.0.0.1:51234`.
pub fn external_name(addr: SocketAddr) -> String {
    format!("ext:{addr}")
}

/// Everything observers see.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A message on an interface.
    Message(MessageEvent),
    /// A node reported something.
    Node {
        /// When.
        t: Time,
        /// Which node.
        node: NodeId,
        /// What.
        event: NodeEvent,
    },
    /// A real peer connected.
    Peer(PeerEvent),
}

impl Event {
    /// When the event happened.
    pub fn time(&self) -> Time {
        match self {
            Self::Message(m) => m.t,
            Self::Node { t, .. } => *t,
            Self::Peer(p) => p.t,
        }
    }
}
