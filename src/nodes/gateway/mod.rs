//! The gateway: SGW and PGW folded into one node (DESIGN.md flow steps 4-7).
//!
//! - S11 (GTPv2-C, TS 29.274) towards the MME: Create Session, Modify
//!   Bearer, Delete Session and Echo (`s11.rs`). The S5/S8 interface between
//!   SGW and PGW is internal: its F-TEIDs are handed out (the MME stores
//!   them) but never used.
//! - The PGW's choices: APN, PDN type and addresses (`pool.rs`), the PCO
//!   answer with P-CSCF and DNS addresses (`pco.rs`), bearer QoS and
//!   APN-AMBR from the APN's configuration.
//! - The user plane (TS 29.281): G-PDUs from the eNB on S1-U are unpacked;
//!   the IP packets of IMS APNs go to the node hosting the IMS IP stack on
//!   SGi, everything else is dropped and counted (the simulator has no
//!   internet). Packets from the IMS stack are tunnelled to the UE's eNB
//!   (`user_plane.rs`).
//!
//! Every F-TEID it hands out (S11, S5/S8-C, S1-U, S5/S8-U) carries the
//! node's own topology address. Per-UE state is in `context.rs`; answers to
//! recent requests are kept for retransmissions (`cache.rs`).
//!
//! Counters: `sessions_active`, `sessions_created`, `sessions_deleted`,
//! `create_session_rejected`, `pco_no_pcscf`, `pool_exhausted`,
//! `s11_duplicate`, `s11_undecodable`, `s11_context_not_found`,
//! `s11_unhandled`, `s1u_undecodable`, `s1u_unknown_teid`, `s1u_bad_packet`,
//! `s1u_error_indication`, `s1u_unhandled`, `sgi_dropped`, `sgi_bad_packet`,
//! `sgi_unknown_destination`, `sgi_no_enb_tunnel`, `unknown_enb_address`,
//! `unexpected_input`. Packets relayed are not counted (one event per
//! packet would cost more than the relaying).

mod cache;
mod context;
mod pco;
mod pool;
mod s11;
#[cfg(test)]
mod tests;
mod user_plane;

use crate::nodes::{Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit};
use crate::topology::{ApnSpec, NodeKind, Topology};
use bytes::Bytes;
use cache::ResponseCache;
use context::{BearerKey, Teid, TeidAllocator, UeContext};
use pool::ApnPools;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;

/// One APN as the gateway runs it.
#[derive(Debug, Clone)]
struct Apn {
    /// Its configuration.
    spec: ApnSpec,
    /// Its address pools.
    pools: ApnPools,
    /// Its uplink traffic goes to the IMS IP stack on SGi.
    to_ims: bool,
}

/// An SGW+PGW.
pub struct Gateway {
    id: NodeId,
    /// Our address: in every F-TEID we hand out.
    addr: IpAddr,
    apns: Vec<Apn>,
    /// The node hosting the IMS IP stack (SGi peer of IMS APNs).
    ims_stack: Option<NodeId>,
    /// Node owning each topology address (eNB F-TEIDs carry only addresses).
    peers: HashMap<IpAddr, NodeId>,
    /// UEs by our S11 TEID.
    ues: HashMap<Teid, UeContext>,
    /// S11 TEID of each UE by IMSI.
    by_imsi: HashMap<u64, Teid>,
    /// Bearer of each of our S1-U TEIDs.
    by_s1u: HashMap<Teid, BearerKey>,
    /// Default bearer of each UE address (SGi downlink).
    by_ue_addr: HashMap<IpAddr, BearerKey>,
    /// Open PDN connections, all UEs together.
    sessions: usize,
    teids: TeidAllocator,
    answered: ResponseCache,
    /// Our restart counter (TS 23.007 18; sent in Echo Response).
    recovery: u8,
    now: Time,
    counters: BTreeMap<&'static str, u64>,
    out: VecDeque<Output>,
}

impl Gateway {
    /// Builds the gateway `id` from its spec in `topo`.
    ///
    /// # Panics
    /// If `topo.nodes[id]` is not a gateway (the topology is validated).
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo.node(id).expect("gateway id is in the topology");
        let NodeKind::Gateway(spec) = &node.kind else {
            panic!("node {} is not a gateway", node.name);
        };
        let ims_addrs: Vec<IpAddr> = spec
            .ims_stack
            .and_then(|n| topo.node(n))
            .map(|n| {
                let mut v = vec![n.addr];
                if let NodeKind::Pcscf(p) = &n.kind {
                    v.extend(p.ipv4.map(IpAddr::V4));
                    v.extend(p.ipv6.map(IpAddr::V6));
                }
                v
            })
            .unwrap_or_default();
        let apns = spec
            .apns
            .iter()
            .map(|a| Apn {
                pools: ApnPools::new(a, node.addr),
                // An APN named ims, or one whose P-CSCFs the IMS stack serves.
                to_ims: spec.ims_stack.is_some()
                    && (a.name.eq_ignore_ascii_case("ims")
                        || a.pcscf.iter().any(|p| ims_addrs.contains(p))),
                spec: a.clone(),
            })
            .collect();
        let peers = topo.node_by_addr();
        Self {
            id,
            addr: node.addr,
            apns,
            ims_stack: spec.ims_stack,
            peers,
            ues: HashMap::new(),
            by_imsi: HashMap::new(),
            by_s1u: HashMap::new(),
            by_ue_addr: HashMap::new(),
            sessions: 0,
            teids: TeidAllocator::new(),
            answered: ResponseCache::default(),
            recovery: 1,
            now: Time::ZERO,
            counters: BTreeMap::new(),
            out: VecDeque::new(),
        }
    }

    /// The node id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The value of a counter (0 if never counted).
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    /// Number of UEs with at least one PDN connection.
    pub fn ue_count(&self) -> usize {
        self.ues.len()
    }

    /// Number of open PDN connections.
    pub fn session_count(&self) -> usize {
        self.sessions
    }

    /// Addresses of APN `apn` handed out now: (IPv4, IPv6), `None` for an
    /// APN the gateway does not serve.
    pub fn addresses_in_use(&self, apn: &str) -> Option<(usize, usize)> {
        let a = self
            .apns
            .iter()
            .find(|a| a.spec.name.eq_ignore_ascii_case(apn))?;
        Some((
            a.pools.v4.as_ref().map_or(0, |p| p.used()),
            a.pools.v6.as_ref().map_or(0, |p| p.used()),
        ))
    }

    fn note(&mut self, imsi: Option<u64>, text: impl Into<String>) {
        let text = text.into();
        tracing::debug!(gateway = %self.id, "{text}");
        self.out
            .push_back(Output::Event(NodeEvent::Note { imsi, text }));
    }

    fn count(&mut self, name: &'static str) {
        let v = self.counters.entry(name).or_insert(0);
        *v += 1;
        let value = *v;
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    fn set_counter(&mut self, name: &'static str, value: u64) {
        self.counters.insert(name, value);
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    fn transmit(&mut self, iface: Iface, to: NodeId, bytes: Vec<u8>, imsi: Option<u64>) {
        self.out.push_back(Output::Transmit(Transmit {
            iface,
            to,
            bytes: Bytes::from(bytes),
            stream: 0,
            imsi,
        }));
    }
}

impl Node for Gateway {
    fn handle(&mut self, now: Time, input: Input) {
        self.now = now;
        self.answered.expire(now);
        match input {
            Input::Receive {
                iface: Iface::S11,
                from,
                bytes,
            } => self.handle_s11(from, &bytes),
            Input::Receive {
                iface: Iface::S1U,
                from,
                bytes,
            } => self.handle_s1u(from, &bytes),
            Input::Receive {
                iface: Iface::SGi,
                from,
                bytes,
            } => self.handle_sgi(from, bytes),
            Input::Receive { iface, from, .. } => {
                self.note(
                    None,
                    format!("dropped a message from {from} on {iface}: the gateway has no {iface} interface"),
                );
                self.count("unexpected_input");
            }
            Input::Timeout => {}
            Input::Command(c) => {
                self.note(
                    None,
                    format!("ignored command {c:?}: the gateway takes no commands"),
                );
                self.count("unexpected_input");
            }
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        // The gateway sends no requests, so it retransmits nothing; the
        // response cache expires lazily.
        None
    }
}
