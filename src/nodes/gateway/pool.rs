//! UE address pools of one APN (TS 23.401 5.3.1: the PDN GW allocates the
//! UE's IPv4 address and IPv6 interface identifier).
//!
//! - IPv4: from the APN's pool, never the network or broadcast address, and
//!   never the first host address (network + 1), kept for the PDN's gateway
//!   side: in the topologies it is where the P-CSCF sits (10.46.0.1 on the
//!   `ims` APN), so the first UE gets network + 2 (10.46.0.2).
//! - IPv6: the APN's /64 is shared by its UEs (the topology model's choice;
//!   a real PGW hands each PDN connection a /64 of its own, TS 23.401
//!   5.3.1.2.2). Each UE gets an interface identifier from 2 up (0 is the
//!   subnet-router anycast address, 1 the gateway side, e.g. fd00:46::1).
//! - Addresses of the APN's own P-CSCF and DNS servers inside the pool are
//!   never handed out either.
//!
//! Freed addresses are handed out again first (most recently freed first),
//! then the pool is walked upwards once: allocation and release are O(1).

use crate::topology::ApnSpec;
use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A range of host numbers with a cursor and a free list.
#[derive(Debug, Clone)]
struct Range {
    /// Next never-used value.
    next: u64,
    /// Last value that may be handed out.
    last: u64,
    /// Returned values, reused first.
    free: Vec<u64>,
    /// Values inside the range that are never handed out.
    reserved: HashSet<u64>,
    /// Values handed out now.
    used: usize,
}

impl Range {
    fn new(first: u64, last: u64, reserved: HashSet<u64>) -> Self {
        Self {
            next: first,
            last,
            free: Vec::new(),
            reserved,
            used: 0,
        }
    }

    fn alloc(&mut self) -> Option<u64> {
        if let Some(v) = self.free.pop() {
            self.used += 1;
            return Some(v);
        }
        while self.next <= self.last {
            let v = self.next;
            // `last` < u64::MAX always (see the constructors), so no overflow.
            self.next += 1;
            if !self.reserved.contains(&v) {
                self.used += 1;
                return Some(v);
            }
        }
        None
    }

    /// Returns `v` (must come from `alloc`).
    fn free(&mut self, v: u64) {
        self.used = self.used.saturating_sub(1);
        self.free.push(v);
    }
}

/// The IPv4 pool of an APN.
#[derive(Debug, Clone)]
pub(super) struct Ipv4Pool {
    range: Range,
}

impl Ipv4Pool {
    /// The pool `network/prefix_len` (host bits of `network` ignored).
    /// `keep` lists addresses never to hand out.
    pub(super) fn new(network: Ipv4Addr, prefix_len: u8, keep: &[IpAddr]) -> Self {
        let len = u32::from(prefix_len.min(32));
        let host_bits = 32 - len;
        let mask = if len == 0 { 0 } else { u32::MAX << host_bits };
        let base = u64::from(u32::from(network) & mask);
        let size = 1u64 << host_bits;
        // network + 1 is the gateway side; the last address is broadcast.
        let (first, last) = (base + 2, (base + size).saturating_sub(2));
        let reserved = keep
            .iter()
            .filter_map(|a| match a {
                IpAddr::V4(a) => Some(u64::from(u32::from(*a))),
                IpAddr::V6(_) => None,
            })
            .filter(|v| (first..=last).contains(v))
            .collect();
        Self {
            range: Range::new(first, last, reserved),
        }
    }

    /// A free address, or `None` when every one is taken.
    pub(super) fn alloc(&mut self) -> Option<Ipv4Addr> {
        // Values come from a u32 range.
        self.range.alloc().map(|v| Ipv4Addr::from(v as u32))
    }

    /// Gives `a` back.
    pub(super) fn free(&mut self, a: Ipv4Addr) {
        self.range.free(u64::from(u32::from(a)));
    }

    /// Addresses handed out now.
    pub(super) fn used(&self) -> usize {
        self.range.used
    }
}

/// The IPv6 prefix of an APN: interface identifiers inside its /64.
#[derive(Debug, Clone)]
pub(super) struct Ipv6Pool {
    /// The upper 64 bits of every address.
    prefix: u64,
    range: Range,
}

impl Ipv6Pool {
    /// Prefix length of the UE's IPv6 prefix (TS 23.401 5.3.1.2.2; carried
    /// in the PAA, TS 29.274 8.14).
    pub(super) const PREFIX_LEN: u8 = 64;

    /// The pool in the /64 that starts `prefix` (a longer configured prefix
    /// still yields its /64: the UE always gets a /64). `keep` lists
    /// addresses never to hand out.
    pub(super) fn new(prefix: Ipv6Addr, keep: &[IpAddr]) -> Self {
        let prefix = (u128::from(prefix) >> 64) as u64;
        let reserved = keep
            .iter()
            .filter_map(|a| match a {
                IpAddr::V6(a) => {
                    let v = u128::from(*a);
                    ((v >> 64) as u64 == prefix).then_some(v as u64)
                }
                IpAddr::V4(_) => None,
            })
            .collect();
        Self {
            prefix,
            // Up to u64::MAX - 1 so the cursor never overflows.
            range: Range::new(2, u64::MAX - 1, reserved),
        }
    }

    /// A free address (prefix + interface identifier), or `None`.
    pub(super) fn alloc(&mut self) -> Option<Ipv6Addr> {
        let iid = self.range.alloc()?;
        Some(Ipv6Addr::from(
            u128::from(self.prefix) << 64 | u128::from(iid),
        ))
    }

    /// Gives `a` back.
    pub(super) fn free(&mut self, a: Ipv6Addr) {
        self.range.free(u128::from(a) as u64);
    }

    /// Addresses handed out now.
    pub(super) fn used(&self) -> usize {
        self.range.used
    }
}

/// The pools of one APN.
#[derive(Debug, Clone)]
pub(super) struct ApnPools {
    /// IPv4 pool, if the APN has one.
    pub(super) v4: Option<Ipv4Pool>,
    /// IPv6 prefix, if the APN has one.
    pub(super) v6: Option<Ipv6Pool>,
}

impl ApnPools {
    /// The pools of `apn`; its P-CSCF and DNS addresses (and `own`, the
    /// gateway's address) are never handed out.
    pub(super) fn new(apn: &ApnSpec, own: IpAddr) -> Self {
        let mut keep: Vec<IpAddr> = apn.pcscf.iter().chain(&apn.dns).copied().collect();
        keep.push(own);
        Self {
            v4: apn.ipv4_pool.map(|(n, l)| Ipv4Pool::new(n, l, &keep)),
            v6: apn.ipv6_prefix.map(|(p, _)| Ipv6Pool::new(p, &keep)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(s: &str) -> Ipv4Addr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv4_pool_starts_after_gateway_address_and_skips_reserved() {
        let keep = [IpAddr::V4(v4("10.46.0.3")), IpAddr::V4(v4("192.0.2.1"))];
        let mut p = Ipv4Pool::new(v4("10.46.0.0"), 16, &keep);
        assert_eq!(p.alloc(), Some(v4("10.46.0.2")));
        assert_eq!(p.alloc(), Some(v4("10.46.0.4")));
        assert_eq!(p.used(), 2);
        p.free(v4("10.46.0.2"));
        assert_eq!(p.alloc(), Some(v4("10.46.0.2")));
        assert_eq!(p.alloc(), Some(v4("10.46.0.5")));
    }

    #[test]
    fn ipv4_pool_never_gives_broadcast() {
        // /29: .0 network, .1 gateway side, .7 broadcast: .2 to .6 remain.
        let mut p = Ipv4Pool::new(v4("10.9.0.5"), 29, &[]);
        let got: Vec<_> = std::iter::from_fn(|| p.alloc()).collect();
        assert_eq!(got.first(), Some(&v4("10.9.0.2")));
        assert_eq!(got.last(), Some(&v4("10.9.0.6")));
        assert_eq!(got.len(), 5);
        assert_eq!(p.alloc(), None);
    }

    #[test]
    fn ipv4_pool_tiny_prefixes_are_empty() {
        for len in [31, 32, 40] {
            assert_eq!(Ipv4Pool::new(v4("10.0.0.0"), len, &[]).alloc(), None);
        }
        assert_eq!(
            Ipv4Pool::new(v4("10.0.0.0"), 0, &[]).alloc(),
            Some(v4("0.0.0.2"))
        );
    }

    #[test]
    fn ipv6_pool_gives_interface_ids_inside_the_prefix() {
        let keep = [IpAddr::V6("fd00:46::1".parse().unwrap())];
        let keep2 = [keep[0], IpAddr::V6("fd00:46::2".parse().unwrap())];
        let mut p = Ipv6Pool::new("fd00:46::".parse().unwrap(), &keep);
        assert_eq!(p.alloc(), Some("fd00:46::2".parse().unwrap()));
        let mut q = Ipv6Pool::new("fd00:46::".parse().unwrap(), &keep2);
        assert_eq!(q.alloc(), Some("fd00:46::3".parse().unwrap()));
        p.free("fd00:46::2".parse().unwrap());
        assert_eq!(p.used(), 0);
        assert_eq!(p.alloc(), Some("fd00:46::2".parse().unwrap()));
    }
}
