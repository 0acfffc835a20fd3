//! Lookups over a validated [`Topology`] that several nodes need.

use std::collections::HashMap;
use std::net::IpAddr;

use super::model::Topology;
use crate::nodes::NodeId;

impl Topology {
    /// The node owning each core-network address, e.g. to find the node
    /// behind an F-TEID, which carries only an address. Should two nodes share
    /// an address, the later one wins.
    pub fn node_by_addr(&self) -> HashMap<IpAddr, NodeId> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.addr, NodeId(i as u32)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::load_from_str;

    #[test]
    fn node_by_addr_maps_every_address_to_its_node() {
        let text = include_str!("../../topologies/default.yaml");
        let t = load_from_str(text)
            .expect("default topology loads")
            .topology;
        let map = t.node_by_addr();
        assert_eq!(map.len(), t.nodes.len(), "every node has its own address");
        for (i, n) in t.nodes.iter().enumerate() {
            assert_eq!(map[&n.addr], NodeId(i as u32), "{}", n.name);
        }
        let (mme, spec) = t.find("mme1").expect("mme1");
        assert_eq!(map[&spec.addr], mme);
    }
}
