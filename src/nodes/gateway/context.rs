//! Per-UE state of the gateway: one [`UeContext`] per UE on S11, holding its
//! PDN connections ([`Session`]) and their EPS bearers ([`Bearer`]).
//!
//! The SGW keeps one S11 control TEID per UE (TS 29.274 5.5.2: the MME uses
//! it for every later request, a second PDN connection's Create Session
//! included); each PDN connection is named by its default bearer's EBI (the
//! LBI of Delete Session).

use crate::nodes::NodeId;
use std::collections::HashSet;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A tunnel endpoint identifier this gateway allocated (S11, S5/S8-C, S1-U
/// or S5/S8-U: one number space for all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Teid(pub(super) u32);

impl fmt::Display for Teid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08x}", self.0)
    }
}

/// Hands out TEIDs: counts up from 1, never 0 (TS 29.274 5.5.2 and TS
/// 29.281 5.1 reserve 0), skipping those still in use. Sequential values
/// keep captures readable; nothing random is needed.
#[derive(Debug, Clone)]
pub(super) struct TeidAllocator {
    next: u32,
    in_use: HashSet<u32>,
}

impl TeidAllocator {
    pub(super) fn new() -> Self {
        Self {
            next: 1,
            in_use: HashSet::new(),
        }
    }

    /// A fresh TEID. With 2^32 - 1 values and a few per UE this cannot run
    /// out in practice; the loop ends because `in_use` is never full.
    pub(super) fn alloc(&mut self) -> Teid {
        loop {
            let t = self.next;
            self.next = self.next.wrapping_add(1).max(1);
            if self.in_use.insert(t) {
                return Teid(t);
            }
        }
    }

    pub(super) fn free(&mut self, t: Teid) {
        self.in_use.remove(&t.0);
    }
}

/// Where the MME wants S11 answers: its node and its S11 TEID (from the
/// Sender F-TEID of Create Session, or of a later Modify Bearer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MmeTunnel {
    /// The MME node.
    pub(super) node: NodeId,
    /// The MME's S11 TEID: goes in the header of every answer.
    pub(super) teid: u32,
}

/// The downlink side of an S1-U bearer (TS 23.401 5.3.2.1 step 23: the eNB
/// F-TEID arrives in Modify Bearer Request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Downlink {
    /// Created, no Modify Bearer yet: downlink packets cannot be sent (a
    /// real SGW would buffer them and page; not simulated).
    AwaitingEnb,
    /// The eNB's F-TEID and the node that owns its address.
    Enb {
        /// The eNB node.
        node: NodeId,
        /// The eNB's S1-U address, as the F-TEID gave it.
        addr: IpAddr,
        /// The eNB's downlink TEID.
        teid: u32,
    },
    /// The eNB F-TEID names an address no node of the topology has.
    UnknownPeer {
        /// The address.
        addr: IpAddr,
        /// The eNB's downlink TEID.
        teid: u32,
    },
}

/// One EPS bearer.
#[derive(Debug, Clone)]
pub(super) struct Bearer {
    /// EPS bearer id.
    pub(super) ebi: u8,
    /// Our S1-U TEID (uplink from the eNB arrives on it).
    pub(super) s1u: Teid,
    /// Our S5/S8-U PGW TEID (SGW and PGW are folded: handed out, never used).
    pub(super) s5u: Teid,
    /// Where downlink goes.
    pub(super) downlink: Downlink,
}

/// One PDN connection (TS 23.401 5.3.2.1 / 5.10.2).
#[derive(Debug, Clone)]
pub(super) struct Session {
    /// Index of the APN in the gateway's APN table.
    pub(super) apn: usize,
    /// Default bearer EBI: names the connection (LBI).
    pub(super) default_ebi: u8,
    /// Our S5/S8-C PGW TEID.
    pub(super) s5c: Teid,
    /// IPv4 address given, if any.
    pub(super) ipv4: Option<Ipv4Addr>,
    /// IPv6 address given (APN prefix + interface identifier), if any.
    pub(super) ipv6: Option<Ipv6Addr>,
    /// Bearers; the default bearer first.
    pub(super) bearers: Vec<Bearer>,
    /// A dropped uplink packet was already explained with a Note.
    pub(super) sgi_drop_noted: bool,
}

impl Session {
    /// The addresses of the connection.
    pub(super) fn addresses(&self) -> impl Iterator<Item = IpAddr> + '_ {
        self.ipv4
            .map(IpAddr::V4)
            .into_iter()
            .chain(self.ipv6.map(IpAddr::V6))
    }
}

/// A UE as the gateway knows it on S11.
#[derive(Debug, Clone)]
pub(super) struct UeContext {
    /// IMSI, when Create Session carried one.
    pub(super) imsi: Option<u64>,
    /// Where S11 answers go.
    pub(super) mme: MmeTunnel,
    /// Open PDN connections.
    pub(super) sessions: Vec<Session>,
}

impl UeContext {
    /// The session whose default bearer is `ebi`.
    pub(super) fn session_index(&self, lbi: u8) -> Option<usize> {
        self.sessions.iter().position(|s| s.default_ebi == lbi)
    }

    /// The session and bearer index of bearer `ebi`.
    pub(super) fn bearer_index(&self, ebi: u8) -> Option<(usize, usize)> {
        self.sessions
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.bearers.iter().position(|b| b.ebi == ebi).map(|j| (i, j)))
    }
}

/// Names one bearer of one UE: what the S1-U TEID and UE address indexes
/// point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct BearerKey {
    /// The UE's S11 TEID.
    pub(super) ue: Teid,
    /// The bearer's EBI.
    pub(super) ebi: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teid_allocator_skips_zero_and_used_values() {
        let mut a = TeidAllocator::new();
        assert_eq!(a.alloc(), Teid(1));
        assert_eq!(a.alloc(), Teid(2));
        a.next = u32::MAX;
        assert_eq!(a.alloc(), Teid(u32::MAX));
        // Wraps past 0 and past the TEIDs still in use.
        assert_eq!(a.alloc(), Teid(3));
        a.free(Teid(1));
        a.next = 1;
        assert_eq!(a.alloc(), Teid(1));
        assert_eq!(a.alloc(), Teid(4));
    }
}
