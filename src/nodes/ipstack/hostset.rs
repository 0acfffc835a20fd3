//! Many small hosts behind one set of addresses: the network side of the
//! IMS user plane (the P-CSCF), one [`IpHost`] per remote UE address.
//!
//! smoltcp's `Interface::poll` visits every socket of its set, so one stack
//! holding the sockets of 100,000 UEs would make every packet cost 100,000
//! visits. Here a packet is routed by its source address (a `HashMap`) to
//! the UE's own stack, which holds only that UE's few sockets; `poll` visits
//! only stacks that received something, were used by the application, or
//! whose timer is due (a min-heap of deadlines). A stack is created when the
//! first SYN from a new address reaches a listening port, and can be dropped
//! when idle.

use super::conn::{ConnId, HostEvent};
use super::policy::{HostCounters, IPPROTO_TCP};
use super::{HostConfig, HostError, IpHost, TCP_ACK, TCP_SYN};
use crate::codec::esp::IPPROTO_ESP;
use crate::codec::gtpu::inner_ip;
use crate::nodes::Time;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// One stack and its scheduling state.
#[derive(Debug)]
struct Slot {
    host: IpHost,
    dirty: bool,
    /// The deadline last pushed on the timer heap.
    scheduled: Option<Time>,
    last_active: Time,
}

/// How the set has been used, for tests and run summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HostSetStats {
    /// Stacks created so far.
    pub created: u64,
    /// Stacks dropped (idle or removed).
    pub dropped: u64,
    /// Times any stack was run (ingest or poll): grows with the packets and
    /// timers handled, not with the number of stacks.
    pub stack_visits: u64,
    /// Packets dropped because no stack exists for their source and they do
    /// not open a connection.
    pub no_stack: u64,
}

/// One [`IpHost`] per remote address, all with the same local addresses.
#[derive(Debug)]
pub struct HostSet {
    local: Vec<IpAddr>,
    listen: Vec<u16>,
    protected: Vec<u16>,
    config: HostConfig,
    seed: u64,
    hosts: HashMap<IpAddr, Slot>,
    dirty: Vec<IpAddr>,
    timers: BinaryHeap<Reverse<(Time, IpAddr)>>,
    events: VecDeque<(IpAddr, HostEvent)>,
    counters: HostCounters,
    stats: HostSetStats,
    now: Time,
}

/// A per-address seed, the same on every run.
fn mix_seed(seed: u64, addr: IpAddr) -> u64 {
    let bytes: Vec<u8> = match addr {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    };
    bytes.iter().fold(seed ^ 0x9e37_79b9_7f4a_7c15, |h, b| {
        let x = (h ^ u64::from(*b)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^ (x >> 31)
    })
}

impl HostSet {
    /// A set whose stacks own `local` (one IPv4 and/or one IPv6 address) and
    /// accept TCP connections on `listen`.
    pub fn new(local: &[IpAddr], listen: &[u16], seed: u64) -> Result<Self, HostError> {
        Self::with_config(local, listen, seed, HostConfig::default())
    }

    /// A set with explicit stack sizes.
    pub fn with_config(
        local: &[IpAddr],
        listen: &[u16],
        seed: u64,
        config: HostConfig,
    ) -> Result<Self, HostError> {
        // Validates the addresses the way every stack will use them.
        IpHost::with_config(local, seed, config)?;
        Ok(Self {
            local: local.to_vec(),
            listen: listen.to_vec(),
            protected: Vec::new(),
            config,
            seed,
            hosts: HashMap::new(),
            dirty: Vec::new(),
            timers: BinaryHeap::new(),
            events: VecDeque::new(),
            counters: HostCounters::default(),
            stats: HostSetStats::default(),
            now: Time::ZERO,
        })
    }

    /// The local addresses.
    pub fn local_addrs(&self) -> &[IpAddr] {
        &self.local
    }

    /// Number of stacks.
    pub fn len(&self) -> usize {
        self.hosts.len()
    }

    /// True when there is no stack.
    pub fn is_empty(&self) -> bool {
        self.hosts.is_empty()
    }

    /// Totals of every stack's counters (including dropped stacks), plus
    /// packets refused before reaching a stack.
    pub const fn counters(&self) -> &HostCounters {
        &self.counters
    }

    /// Usage statistics.
    pub const fn stats(&self) -> &HostSetStats {
        &self.stats
    }

    /// The stack of `peer`.
    pub fn host(&self, peer: IpAddr) -> Option<&IpHost> {
        self.hosts.get(&peer).map(|s| &s.host)
    }

    /// The stack of `peer`, marked for the next `poll` (use it to send,
    /// close, install SAs...).
    pub fn host_mut(&mut self, peer: IpAddr) -> Option<&mut IpHost> {
        let slot = self.hosts.get_mut(&peer)?;
        if !slot.dirty {
            slot.dirty = true;
            self.dirty.push(peer);
        }
        Some(&mut slot.host)
    }

    /// The stack of `peer`, created if missing (e.g. to connect to the UE).
    pub fn host_or_create(&mut self, peer: IpAddr) -> Result<&mut IpHost, HostError> {
        if !self.hosts.contains_key(&peer) {
            self.create(peer)?;
        }
        self.host_mut(peer)
            .ok_or(HostError::NoAddressOfFamily(peer))
    }

    /// Drops plain packets to `port` on every stack, present and future.
    pub fn protect_port(&mut self, port: u16) {
        if !self.protected.contains(&port) {
            self.protected.push(port);
        }
        for slot in self.hosts.values_mut() {
            slot.host.protect_port(port);
        }
    }

    /// Queues `data` on connection `conn` of `peer`'s stack.
    pub fn send(&mut self, peer: IpAddr, conn: ConnId, data: &[u8]) -> usize {
        self.host_mut(peer).map_or(0, |h| h.send(conn, data))
    }

    /// Takes the bytes received on `conn` of `peer`'s stack.
    pub fn recv(&mut self, peer: IpAddr, conn: ConnId) -> Vec<u8> {
        self.host_mut(peer).map_or_else(Vec::new, |h| h.recv(conn))
    }

    /// Closes `conn` of `peer`'s stack gracefully.
    pub fn close(&mut self, peer: IpAddr, conn: ConnId) {
        if let Some(h) = self.host_mut(peer) {
            h.close(conn);
        }
    }

    /// Opens a connection from our `local_port` to `remote` (e.g. the
    /// P-CSCF's port-c to the UE's port-s), creating the stack if needed.
    pub fn tcp_connect(
        &mut self,
        local_port: u16,
        remote: SocketAddr,
    ) -> Result<ConnId, HostError> {
        self.host_or_create(remote.ip())?
            .tcp_connect(local_port, remote)
    }

    /// Removes `peer`'s stack (its connections vanish without a FIN).
    pub fn remove(&mut self, peer: IpAddr) -> Option<IpHost> {
        let slot = self.hosts.remove(&peer)?;
        self.stats.dropped += 1;
        Some(slot.host)
    }

    /// Drops every stack that holds no socket and no SA and saw nothing for
    /// `idle_for`; returns how many. Walks all stacks: call it rarely.
    pub fn drop_idle(&mut self, now: Time, idle_for: Duration) -> usize {
        let before = self.hosts.len();
        self.hosts
            .retain(|_, s| !(s.host.is_idle() && s.last_active + idle_for <= now));
        let dropped = before - self.hosts.len();
        self.stats.dropped += dropped as u64;
        dropped
    }

    /// Approximate bytes held by all stacks (walks all of them).
    pub fn memory_bytes(&self) -> usize {
        size_of::<Self>()
            + self.hosts.capacity() * (size_of::<IpAddr>() + size_of::<Slot>())
            + self
                .hosts
                .values()
                .map(|s| s.host.memory_bytes() - size_of::<IpHost>())
                .sum::<usize>()
    }

    /// Feeds one IP packet arriving from the UEs' side.
    pub fn ingest(&mut self, now: Time, packet: &[u8]) {
        self.now = self.now.max(now);
        let Some(ip) = inner_ip(packet) else {
            self.counters.rx_not_for_us += 1;
            return;
        };
        if !self.local.contains(&ip.dst) {
            self.counters.rx_not_for_us += 1;
            return;
        }
        if !self.hosts.contains_key(&ip.src) {
            let syn_to_listener = ip.protocol == IPPROTO_TCP
                && ip
                    .tcp_flags
                    .is_some_and(|f| f & (TCP_SYN | TCP_ACK) == TCP_SYN)
                && ip.ports.is_some_and(|(_, d)| self.listen.contains(&d));
            let to_protected = ip.ports.is_some_and(|(_, d)| self.protected.contains(&d));
            if !syn_to_listener || to_protected {
                if to_protected && ip.protocol != IPPROTO_ESP {
                    self.counters.plain_to_protected_dropped += 1;
                } else if ip.protocol == IPPROTO_ESP {
                    self.counters.esp_unknown_spi += 1;
                }
                self.stats.no_stack += 1;
                return;
            }
            if self.create(ip.src).is_err() {
                self.stats.no_stack += 1;
                return;
            }
        }
        let Some(slot) = self.hosts.get_mut(&ip.src) else {
            return;
        };
        self.stats.stack_visits += 1;
        let before = *slot.host.counters();
        slot.host.ingest(now, packet);
        self.counters.add_delta(&before, slot.host.counters());
        slot.last_active = now;
        while let Some(e) = slot.host.poll_event() {
            self.events.push_back((ip.src, e));
        }
        if !slot.dirty {
            slot.dirty = true;
            self.dirty.push(ip.src);
        }
    }

    /// Runs the stacks that have work at `now` and returns the packets to
    /// send towards the UEs.
    pub fn poll(&mut self, now: Time) -> Vec<Vec<u8>> {
        self.now = self.now.max(now);
        while let Some(Reverse((t, peer))) = self.timers.peek().copied() {
            if t > now {
                break;
            }
            self.timers.pop();
            if let Some(slot) = self.hosts.get_mut(&peer)
                && slot.scheduled == Some(t)
            {
                slot.scheduled = None;
                if !slot.dirty {
                    slot.dirty = true;
                    self.dirty.push(peer);
                }
            }
        }
        let mut out = Vec::new();
        for peer in std::mem::take(&mut self.dirty) {
            let Some(slot) = self.hosts.get_mut(&peer) else {
                continue;
            };
            slot.dirty = false;
            self.stats.stack_visits += 1;
            let before = *slot.host.counters();
            out.extend(slot.host.poll(now));
            self.counters.add_delta(&before, slot.host.counters());
            while let Some(e) = slot.host.poll_event() {
                self.events.push_back((peer, e));
            }
            let next = slot.host.poll_at(now);
            if next != slot.scheduled {
                slot.scheduled = next;
                if let Some(t) = next {
                    self.timers.push(Reverse((t, peer)));
                }
            }
        }
        out
    }

    /// When `poll` must next run: `Some(now)` while a stack has unpolled
    /// work, else the earliest stack timer.
    pub fn poll_at(&self) -> Option<Time> {
        if !self.dirty.is_empty() {
            return Some(self.now);
        }
        self.timers.peek().map(|Reverse((t, _))| *t)
    }

    /// The next event of any stack with the peer it concerns, oldest first.
    pub fn poll_event(&mut self) -> Option<(IpAddr, HostEvent)> {
        self.events.pop_front()
    }

    fn create(&mut self, peer: IpAddr) -> Result<(), HostError> {
        let mut host = IpHost::with_config(&self.local, mix_seed(self.seed, peer), self.config)?;
        host.addr_for(peer)?;
        for p in &self.listen {
            host.tcp_listen(*p)?;
        }
        for p in &self.protected {
            host.protect_port(*p);
        }
        self.hosts.insert(
            peer,
            Slot {
                host,
                dirty: false,
                scheduled: None,
                last_active: self.now,
            },
        );
        self.stats.created += 1;
        Ok(())
    }
}
