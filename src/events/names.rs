//! Node names by id for every sink: the topology's nodes, and the real
//! peers that connect while a topology runs (learned from their
//! [`PeerEvent`]s). Every lookup answers, whatever the id.

use super::event::{Event, PeerEvent};
use crate::nodes::NodeId;
use crate::topology::Topology;
use std::collections::HashMap;

/// What an id nobody named is called.
const UNKNOWN: &str = "?";

/// Names of the nodes a run's events mention.
#[derive(Debug, Clone, Default)]
pub struct NodeNames {
    nodes: Vec<String>,
    external: HashMap<NodeId, String>,
}

impl NodeNames {
    /// Names of nodes `0..names.len()`.
    pub fn new(nodes: Vec<String>) -> Self {
        Self {
            nodes,
            external: HashMap::new(),
        }
    }

    /// The names of `topo`'s nodes.
    pub fn of(topo: &Topology) -> Self {
        Self::new(topo.nodes.iter().map(|n| n.name.clone()).collect())
    }

    /// Learns the name of a peer that connected.
    pub fn observe(&mut self, e: &Event) {
        if let Event::Peer(p) = e {
            self.add_peer(p);
        }
    }

    /// Names a real peer.
    pub fn add_peer(&mut self, p: &PeerEvent) {
        self.external.insert(p.id, p.name());
    }

    /// The name of `id`: the topology's name, `ext:ADDR` for a real peer,
    /// `?` for an id nobody announced.
    pub fn name(&self, id: NodeId) -> &str {
        self.nodes
            .get(id.0 as usize)
            .or_else(|| self.external.get(&id))
            .map_or(UNKNOWN, String::as_str)
    }

    /// The topology's node names, by id.
    pub fn topology_names(&self) -> &[String] {
        &self.nodes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::{Iface, Time};

    #[test]
    fn names_answer_for_topology_nodes_real_peers_and_strangers() {
        let mut n = NodeNames::new(vec!["hss1".into()]);
        let id = NodeId(NodeId::FIRST_EXTERNAL);
        assert_eq!(n.name(id), "?");
        n.observe(&Event::Peer(PeerEvent {
            t: Time::ZERO,
            id,
            node: NodeId(0),
            iface: Iface::S6a,
            peer: "127.0.0.1:51234".parse().unwrap(),
            local: "127.0.0.1:3868".parse().unwrap(),
        }));
        assert_eq!(n.name(NodeId(0)), "hss1");
        assert_eq!(n.name(id), "ext:127.0.0.1:51234");
        assert_eq!(n.name(NodeId(7)), "?");
    }
}
