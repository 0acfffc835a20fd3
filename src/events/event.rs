//! The one event type every observer consumes: a message that crossed an
//! interface, or something a node reported about itself.

use crate::nodes::{Iface, NodeEvent, NodeId, Time};
use bytes::Bytes;

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
}

impl Event {
    /// When the event happened.
    pub fn time(&self) -> Time {
        match self {
            Self::Message(m) => m.t,
            Self::Node { t, .. } => *t,
        }
    }
}
