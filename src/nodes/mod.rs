//! Network functions as sans-IO state machines.
//!
//! Every node implements [`Node`]: it is fed [`Input`]s (bytes that arrived
//! on an interface, its timer, commands from the scenario or the user) with
//! the current [`Time`], and hands back [`Output`]s (bytes to transmit,
//! events about its state) through `poll_output`. Nothing here touches a
//! socket, a clock or tokio: the deterministic driver in `sim/` and the tokio
//! shells in `runtime/` drive the same cores.
//!
//! Nodes never see each other's Rust structs: every message between two nodes
//! is real wire bytes, encoded by the sender's codec and decoded by the
//! receiver's.

pub mod diameter_peer;
pub mod enb;
pub mod event;
pub mod gateway;
pub mod hss;
pub mod io;
pub mod ipstack;
pub mod mme;
pub mod nas_security;
pub mod time;
pub mod ue;

pub use event::*;
pub use io::*;
pub use time::Time;

/// A sans-IO network function.
pub trait Node: Send {
    /// Feeds one input at time `now`.
    fn handle(&mut self, now: Time, input: Input);

    /// The next output, if any. Call until `None` after every `handle`.
    fn poll_output(&mut self) -> Option<Output>;

    /// When the node next wants `Input::Timeout`, if ever.
    fn poll_timeout(&self) -> Option<Time>;
}

/// Builds the core of node `id` of `topo`; `None` for kinds that have no
/// implementation yet.
pub fn build(id: NodeId, topo: &crate::topology::Topology) -> Option<Box<dyn Node>> {
    use crate::topology::NodeKind;
    match &topo.node(id)?.kind {
        NodeKind::Gateway(_) => Some(Box::new(gateway::Gateway::new(id, topo))),
        NodeKind::Enb(_) => Some(Box::new(enb::Enb::new(id, topo))),
        NodeKind::Ue(_) => Some(Box::new(ue::Ue::new(id, topo))),
        NodeKind::Hss(_) => Some(Box::new(hss::Hss::new(id, topo))),
        NodeKind::Mme(_) => Some(Box::new(mme::Mme::new(id, topo))),
        NodeKind::Pcscf(_) | NodeKind::Icscf(_) | NodeKind::Scscf(_) => None,
    }
}
