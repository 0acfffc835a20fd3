//! Per-UE state of the eNB: one UE-associated logical S1 connection
//! (TS 36.413 3.1) with its E-RABs, keyed by the eNB UE S1AP ID.

use crate::codec::s1ap::{EnbUeS1apId, MmeUeS1apId, TransportAddress};
use crate::nodes::NodeId;
use std::collections::BTreeMap;
use std::fmt;

/// A GTP-U tunnel endpoint identifier (TS 29.281 5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Teid(pub u32);

impl fmt::Display for Teid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08x}", self.0)
    }
}

/// One E-RAB (TS 36.413 3.1): the radio bearer of EPS bearer `erab_id` and
/// its S1-U tunnel, both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erab {
    /// QCI it was set up with.
    pub qci: u8,
    /// The SGW's S1-U endpoint (uplink G-PDUs go there).
    pub sgw: TransportAddress,
    /// The SGW's TEID for uplink.
    pub sgw_teid: Teid,
    /// The node that owns the SGW address, when the topology knows it.
    pub sgw_node: Option<NodeId>,
    /// Our TEID for downlink.
    pub enb_teid: Teid,
}

/// A UE-associated logical S1 connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnbUe {
    /// The UE node on the radio side.
    pub node: NodeId,
    /// Its IMSI, when the topology says which subscriber camps here.
    pub imsi: Option<u64>,
    /// Learned from the first downlink message (TS 36.413 8.6.2.1).
    pub mme_ue_id: Option<MmeUeS1apId>,
    /// E-RABs by E-RAB id.
    pub erabs: BTreeMap<u8, Erab>,
    /// The UE opened a new RRC connection: this one only waits for the
    /// MME's release and no longer talks to the UE.
    pub stale: bool,
}

impl EnbUe {
    /// A fresh connection for `node`.
    pub fn new(node: NodeId, imsi: Option<u64>) -> Self {
        Self {
            node,
            imsi,
            mme_ue_id: None,
            erabs: BTreeMap::new(),
            stale: false,
        }
    }
}

/// Allocates eNB UE S1AP IDs (24 bits, TS 36.413 9.2.3.4) and TEIDs,
/// sequentially and never 0, so runs repeat.
#[derive(Debug, Clone)]
pub struct Allocator {
    next_ue: u32,
    next_teid: u32,
}

impl Allocator {
    /// Starts at 1 for UE ids and at `teid_base` (or 1) for TEIDs.
    pub fn new(teid_base: u32) -> Self {
        Self {
            next_ue: 1,
            next_teid: teid_base.max(1),
        }
    }

    /// The next eNB UE S1AP ID not in use according to `in_use`.
    pub fn ue_id(&mut self, in_use: impl Fn(EnbUeS1apId) -> bool) -> EnbUeS1apId {
        loop {
            let id = EnbUeS1apId(self.next_ue);
            self.next_ue = (self.next_ue + 1) & 0x00ff_ffff;
            if self.next_ue == 0 {
                self.next_ue = 1;
            }
            if !in_use(id) {
                return id;
            }
        }
    }

    /// The next TEID not in use according to `in_use`.
    pub fn teid(&mut self, in_use: impl Fn(Teid) -> bool) -> Teid {
        loop {
            let t = Teid(self.next_teid);
            self.next_teid = self.next_teid.wrapping_add(1).max(1);
            if !in_use(t) {
                return t;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_skips_ids_in_use_and_zero() {
        let mut a = Allocator::new(0);
        assert_eq!(a.ue_id(|id| id.0 == 1), EnbUeS1apId(2));
        assert_eq!(a.teid(|_| false), Teid(1));
        let mut w = Allocator::new(u32::MAX);
        assert_eq!(w.teid(|_| false), Teid(u32::MAX));
        assert_eq!(w.teid(|_| false), Teid(1), "wraps past 0");
    }
}
