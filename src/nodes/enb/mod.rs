//! The eNodeB: S1AP towards its MME (TS 36.413), GTP-U towards the gateway
//! on S1-U (TS 29.281) and the abstract radio ([`UuFrame`]) towards the UEs
//! that camp on it.
//!
//! What it does, in flow order: S1 Setup at start (UE messages that arrive
//! before the MME answers are queued), one UE-associated S1 connection per
//! RRC connection (Initial UE Message, NAS relayed both ways), E-RABs from
//! Initial Context Setup and E-RAB Setup with their NAS PDUs delivered to the
//! UE, releases, and the user plane relayed between radio bearers and
//! tunnels.
//!
//! Files: [`context`] (per-UE S1 connections, typed ids), `s1ap.rs` (one
//! `handle_*` / `send_*` pair per elementary procedure), `radio.rs` (the Uu
//! side), `gtpu.rs` (S1-U).

pub mod context;
mod gtpu;
mod radio;
mod s1ap;
#[cfg(test)]
mod tests;

use crate::codec::plmn::Plmn;
use crate::codec::s1ap::{EnbUeS1apId, S1apMessage};
use crate::nodes::Iface;
use crate::nodes::{Input, Node, NodeEvent, NodeId, Output, Time, Transmit, UuFrame};
use crate::topology::{NodeKind, Topology};
use bytes::Bytes;
use context::{Allocator, EnbUe, Teid};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;

/// How many UE messages are kept while S1 Setup is not complete; more are
/// dropped with a note (a real eNB bars its cell until S1 is up).
const MAX_QUEUED: usize = 4096;

/// State of the S1 interface (TS 36.413 8.7.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum S1State {
    /// Not started: S1 Setup goes out at the first timeout (time zero).
    Start,
    /// S1 Setup Request sent.
    AwaitingResponse,
    /// Refused; try again at this time.
    Retry(Time),
    /// S1 Setup Response received.
    Ready,
}

/// An eNodeB.
pub struct Enb {
    id: NodeId,
    enb_id: u32,
    enb_name: String,
    plmn: Plmn,
    tac: u16,
    cell_id: u32,
    mme: NodeId,
    /// Our S1-U address (E-RAB responses, GTP-U Error Indication).
    addr: IpAddr,
    refuse_second_bearer: bool,
    /// IMSIs of the UEs that camp here, by UE node.
    camped: HashMap<NodeId, u64>,
    /// Node owning each core address (to send G-PDUs to the SGW's node).
    peers: HashMap<IpAddr, NodeId>,
    s1: S1State,
    /// Uu frames received before S1 Setup completed.
    queued: VecDeque<(NodeId, Bytes)>,
    ues: HashMap<EnbUeS1apId, EnbUe>,
    /// The live (non-stale) connection of each UE node.
    by_node: HashMap<NodeId, EnbUeS1apId>,
    /// Our downlink TEIDs: which connection and E-RAB each belongs to.
    by_teid: HashMap<Teid, (EnbUeS1apId, u8)>,
    alloc: Allocator,
    counters: BTreeMap<&'static str, u64>,
    out: VecDeque<Output>,
}

impl Enb {
    /// Builds the eNB `id` from its spec in `topo`.
    ///
    /// # Panics
    /// If `topo.nodes[id]` is not an eNB (the topology is validated).
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo.node(id).expect("eNB id is in the topology");
        let NodeKind::Enb(spec) = &node.kind else {
            panic!("node {} is not an eNB", node.name);
        };
        let camped = topo
            .ues()
            .filter(|(_, u)| u.enb == id)
            .filter_map(|(n, u)| Some((n, u.imsi.parse().ok()?)))
            .collect();
        let peers = topo.node_by_addr();
        Self {
            id,
            enb_id: spec.enb_id,
            enb_name: spec.enb_name.clone(),
            plmn: topo.plmn,
            tac: spec.tac,
            cell_id: spec.cell_id,
            mme: spec.mme,
            addr: node.addr,
            refuse_second_bearer: spec.refuse_second_bearer,
            camped,
            peers,
            s1: S1State::Start,
            queued: VecDeque::new(),
            ues: HashMap::new(),
            by_node: HashMap::new(),
            by_teid: HashMap::new(),
            // Distinct TEID ranges per eNB make captures easier to read.
            alloc: Allocator::new((id.0 << 16) | 1),
            counters: BTreeMap::new(),
            out: VecDeque::new(),
        }
    }

    /// The node id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// True once S1 Setup has completed.
    pub fn is_ready(&self) -> bool {
        self.s1 == S1State::Ready
    }

    /// Number of UE-associated S1 connections.
    pub fn ue_count(&self) -> usize {
        self.ues.len()
    }

    /// The value of a counter (0 if never counted).
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    fn note(&mut self, imsi: Option<u64>, text: impl Into<String>) {
        let text = text.into();
        tracing::debug!(enb = %self.id, "{text}");
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

    fn transmit(
        &mut self,
        iface: Iface,
        to: NodeId,
        bytes: Vec<u8>,
        stream: u16,
        imsi: Option<u64>,
    ) {
        self.out.push_back(Output::Transmit(Transmit {
            iface,
            to,
            bytes: Bytes::from(bytes),
            stream,
            imsi,
        }));
    }

    /// Sends one S1AP message to the MME. UE-associated signalling uses
    /// stream 1, the rest stream 0 (TS 36.412 7).
    fn send_s1ap(&mut self, msg: &S1apMessage, imsi: Option<u64>, ue_associated: bool) {
        match msg.encode() {
            Ok(bytes) => {
                let stream = u16::from(ue_associated);
                self.transmit(Iface::S1Mme, self.mme, bytes, stream, imsi);
            }
            Err(e) => {
                self.count("s1ap_encode_error");
                self.note(imsi, format!("could not encode {}: {e}", msg.name()));
            }
        }
    }

    fn send_uu(&mut self, to: NodeId, frame: &UuFrame, imsi: Option<u64>) {
        self.transmit(Iface::Uu, to, frame.encode().to_vec(), 0, imsi);
    }

    fn imsi_of(&self, ue: EnbUeS1apId) -> Option<u64> {
        self.ues.get(&ue).and_then(|u| u.imsi)
    }

    /// Drops a connection and everything keyed by it.
    fn drop_ue(&mut self, id: EnbUeS1apId) -> Option<EnbUe> {
        let ue = self.ues.remove(&id)?;
        for e in ue.erabs.values() {
            self.by_teid.remove(&e.enb_teid);
        }
        if self.by_node.get(&ue.node) == Some(&id) {
            self.by_node.remove(&ue.node);
        }
        Some(ue)
    }
}

impl Node for Enb {
    fn handle(&mut self, now: Time, input: Input) {
        match input {
            Input::Timeout => match self.s1 {
                S1State::Start => self.send_s1_setup_request(),
                S1State::Retry(at) if now >= at => self.send_s1_setup_request(),
                _ => {}
            },
            Input::Receive { iface, from, bytes } => match iface {
                Iface::S1Mme => self.handle_s1ap(now, from, &bytes),
                Iface::Uu => self.handle_uu(from, bytes),
                Iface::S1U => self.handle_gtpu(from, &bytes),
                other => {
                    self.count("unexpected_interface");
                    self.note(
                        None,
                        format!(
                            "ignored {} bytes on {other}: an eNB has no such interface",
                            bytes.len()
                        ),
                    );
                }
            },
            Input::Command(c) => {
                self.note(
                    None,
                    format!("ignored command {c:?}: eNBs take no commands"),
                );
            }
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        match self.s1 {
            S1State::Start => Some(Time::ZERO),
            S1State::Retry(at) => Some(at),
            S1State::AwaitingResponse | S1State::Ready => None,
        }
    }
}
