//! The MME: S1-MME toward eNBs (S1AP with NAS inside), S6a toward the HSS
//! (Diameter client), S11 toward the gateway (GTPv2-C client). It attaches
//! UEs (TS 23.401 5.3.2.1), opens further PDN connections (5.10.2), closes
//! them (5.10.3) and detaches UEs (5.3.8).
//!
//! Layout (one idea per file, after Open5GS's `src/mme`):
//! - `mod.rs`: the [`Mme`] core: construction, [`Node`] impl, dispatch by
//!   interface, counters and notes.
//! - [`context`]: eNB and UE contexts, typed EMM/attach/PDN states.
//! - `s1ap.rs`: S1AP `handle_*`/`send_*` (S1 Setup, NAS transport, Initial
//!   Context Setup, E-RAB Setup/Release, UE Context Release, errors).
//! - `nas.rs`: the NAS entry point (integrity and replay checks of TS 24.301
//!   4.4.4.3), protection and retransmission of downlink NAS.
//! - `emm.rs`: EMM procedures: attach, identification, authentication,
//!   security mode control, detach, tracking area update.
//! - `esm.rs`: default bearers, UE-requested PDN connectivity and disconnect.
//! - `s6a.rs`: AIR/ULR and their answers over [`DiameterPeer`].
//! - `s11.rs`: Create Session, Modify Bearer, Delete Session over GTPv2-C
//!   client transactions (`codec::gtpv2c::xact`: T3 = 3 s, N3 = 3).
//! - [`timers`]: the per-UE timer table (T3450, T3460, T3470, ...).
//!
//! Contexts live in maps keyed by the ids messages carry: MME UE S1AP ID,
//! (eNB, eNB UE S1AP ID), IMSI, M-TMSI; the UE handle doubles as the S11
//! TEID and S6a answers come back with their tag, so no message costs a
//! search over UEs.

pub mod context;
mod emm;
mod esm;
mod nas;
mod s11;
mod s1ap;
mod s6a;
pub mod timers;

#[cfg(test)]
mod tests;

use crate::codec::diameter::dict::APP_S6A;
use crate::codec::gtpv2c::xact::Transactions;
use crate::codec::plmn::Plmn;
use crate::codec::s1ap::MmeUeS1apId;
use crate::nodes::diameter_peer::{DiameterPeer, LocalIdentity, Role};
use crate::nodes::{Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit};
use crate::topology::model::{DiameterIdentity, MmeSpec, NodeKind, Topology};
use bytes::Bytes;
use context::{EmmState, EnbContext, MmeUe, UeId};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;
use timers::TimerTable;

pub use s6a::S6aKind;
pub use s11::GtpProc;

/// Tag of an S6a request: which UE and which request (the number guards
/// against answers that arrive after the UE moved on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct S6aTag {
    /// The UE.
    pub ue: UeId,
    /// AIR or ULR.
    pub kind: S6aKind,
    /// Transaction number (matches `MmeUe::s6a_wait`).
    pub xid: u64,
}

/// Tag of an S11 transaction: which UE and what the request was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GtpTag {
    /// The UE.
    pub ue: UeId,
    /// The procedure.
    pub proc: GtpProc,
}

/// The MME node.
pub struct Mme {
    id: NodeId,
    spec: MmeSpec,
    plmn: Plmn,
    /// Our address (S1-MME, S11, S6a).
    addr: IpAddr,
    /// Names of the topology's nodes, for notes.
    names: Vec<String>,
    gateway_addr: IpAddr,
    hss_identity: DiameterIdentity,
    started: bool,
    now: Time,
    rng: ChaCha8Rng,
    enbs: HashMap<NodeId, EnbContext>,
    ues: HashMap<UeId, MmeUe>,
    by_mme_ue_id: HashMap<MmeUeS1apId, UeId>,
    by_enb_ue: HashMap<(NodeId, crate::codec::s1ap::EnbUeS1apId), UeId>,
    by_imsi: HashMap<u64, UeId>,
    by_tmsi: HashMap<u32, UeId>,
    next_ue: u32,
    next_mme_ue_id: u32,
    next_s6a_xid: u64,
    s6a: DiameterPeer<S6aTag>,
    s11: Transactions<Time, GtpTag>,
    timers: TimerTable,
    out: VecDeque<Output>,
    counters: BTreeMap<&'static str, u64>,
}

impl Mme {
    /// The MME `id` of `topo` (its `MmeSpec`, the gateway's address and the
    /// HSS's Diameter identity). Panics if `id` is not an MME: topologies
    /// are validated before nodes are built.
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Mme(spec) = &node.kind else {
            panic!("node {id} ({}) is not an MME", node.name);
        };
        let gateway_addr = topo.node(spec.gateway).map_or(node.addr, |n| n.addr);
        let hss_identity = match topo.node(spec.hss).map(|n| &n.kind) {
            Some(NodeKind::Hss(h)) => h.s6a.clone(),
            _ => DiameterIdentity {
                host: "hss".into(),
                realm: spec.diameter.realm.clone(),
            },
        };
        let seed = topo.seed ^ u64::from(id.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let s6a = DiameterPeer::new(
            LocalIdentity {
                host: spec.diameter.host.clone(),
                realm: spec.diameter.realm.clone(),
                ip: node.addr,
                product: "volte-sim".into(),
                applications: vec![APP_S6A],
            },
            Role::Client,
            rng.random(),
        );
        let s11 = Transactions::new(rng.random::<u32>() & 0x00ff_ffff);
        Self {
            id,
            spec: spec.clone(),
            plmn: topo.plmn,
            addr: node.addr,
            names: topo.nodes.iter().map(|n| n.name.clone()).collect(),
            gateway_addr,
            hss_identity,
            started: false,
            now: Time::ZERO,
            rng,
            enbs: HashMap::new(),
            ues: HashMap::new(),
            by_mme_ue_id: HashMap::new(),
            by_enb_ue: HashMap::new(),
            by_imsi: HashMap::new(),
            by_tmsi: HashMap::new(),
            next_ue: 1,
            next_mme_ue_id: 1,
            next_s6a_xid: 1,
            s6a,
            s11,
            timers: TimerTable::default(),
            out: VecDeque::new(),
            counters: BTreeMap::new(),
        }
    }

    /// The node id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The value of counter `name` (0 if it never moved).
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    /// Number of UE contexts held.
    pub fn ue_count(&self) -> usize {
        self.ues.len()
    }

    /// Number of eNBs that completed S1 Setup.
    pub fn enb_count(&self) -> usize {
        self.enbs.len()
    }

    /// The EMM state of the UE with this IMSI, as TS 24.301 names it.
    pub fn emm_state(&self, imsi: &str) -> Option<&'static str> {
        let v: u64 = imsi.parse().ok()?;
        let ue = self.ues.get(self.by_imsi.get(&v)?)?;
        Some(ue.emm.name())
    }

    /// The EBIs and APNs of the UE's PDN connections that are up.
    pub fn active_pdns(&self, imsi: &str) -> Vec<(u8, String)> {
        let Some(ue) = imsi
            .parse::<u64>()
            .ok()
            .and_then(|v| self.by_imsi.get(&v))
            .and_then(|id| self.ues.get(id))
        else {
            return Vec::new();
        };
        ue.pdns
            .iter()
            .filter(|p| p.state == context::PdnState::Active)
            .map(|p| (p.ebi, p.apn.clone()))
            .collect()
    }

    /// The name of node `id` in the topology.
    fn name(&self, id: NodeId) -> String {
        self.names
            .get(id.0 as usize)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn start(&mut self, now: Time) {
        if self.started {
            return;
        }
        self.started = true;
        // The Diameter connection to the HSS is opened first, so CER/CEA
        // head the ladder (RFC 6733 5.3).
        for bytes in self.s6a.start(now) {
            self.transmit(Iface::S6a, self.spec.hss, bytes, 0, None);
        }
    }

    /// Queues bytes for a peer.
    fn transmit(
        &mut self,
        iface: Iface,
        to: NodeId,
        bytes: impl Into<Bytes>,
        stream: u16,
        imsi: Option<u64>,
    ) {
        self.out.push_back(Output::Transmit(Transmit {
            iface,
            to,
            bytes: bytes.into(),
            stream,
            imsi,
        }));
    }

    /// Emits a note.
    fn note(&mut self, imsi: Option<u64>, text: impl Into<String>) {
        let text = text.into();
        tracing::debug!(node = %self.id, ?imsi, "{text}");
        self.out
            .push_back(Output::Event(NodeEvent::Note { imsi, text }));
    }

    /// Adds one to counter `name`.
    fn count(&mut self, name: &'static str) {
        self.add(name, 1);
    }

    /// Moves counter `name` by `delta` (gauges such as `pdn_active`).
    fn add(&mut self, name: &'static str, delta: i64) {
        let v = self.counters.entry(name).or_insert(0);
        *v = v.saturating_add_signed(delta);
        let value = *v;
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    /// A new UE context.
    fn new_ue(&mut self) -> UeId {
        let id = UeId(self.next_ue);
        self.next_ue = self.next_ue.wrapping_add(1).max(1);
        self.ues.insert(id, MmeUe::new(id));
        id
    }

    /// A fresh MME UE S1AP ID.
    fn alloc_mme_ue_id(&mut self) -> MmeUeS1apId {
        loop {
            let v = MmeUeS1apId(self.next_mme_ue_id);
            self.next_mme_ue_id = self.next_mme_ue_id.wrapping_add(1).max(1);
            if !self.by_mme_ue_id.contains_key(&v) {
                return v;
            }
        }
    }

    /// A fresh M-TMSI, unique among our UEs (TS 23.003 2.4).
    fn alloc_m_tmsi(&mut self) -> u32 {
        loop {
            let t: u32 = self.rng.random();
            if t != 0 && t != u32::MAX && !self.by_tmsi.contains_key(&t) {
                return t;
            }
        }
    }

    /// Records the IMSI of a UE and indexes it.
    fn set_imsi(&mut self, ue: UeId, imsi: context::Imsi) {
        self.by_imsi.insert(imsi.value, ue);
        if let Some(u) = self.ues.get_mut(&ue) {
            u.imsi = Some(imsi);
        }
    }

    /// Removes a UE context and every index to it (the S1 connection must
    /// have been dealt with by the caller).
    fn remove_ue(&mut self, id: UeId) {
        self.timers.stop_all(id);
        let Some(ue) = self.ues.remove(&id) else {
            return;
        };
        if let Some(i) = &ue.imsi
            && self.by_imsi.get(&i.value) == Some(&id)
        {
            self.by_imsi.remove(&i.value);
        }
        if let Some(g) = &ue.guti
            && self.by_tmsi.get(&g.m_tmsi) == Some(&id)
        {
            self.by_tmsi.remove(&g.m_tmsi);
        }
        if let Some(s1) = &ue.s1 {
            self.unindex_s1(id, s1);
        }
        let active = ue
            .pdns
            .iter()
            .filter(|p| p.state == context::PdnState::Active)
            .count();
        if active > 0 {
            self.add("pdn_active", -(active as i64));
        }
    }

    /// Forgets the S1 indexes of a connection.
    fn unindex_s1(&mut self, id: UeId, s1: &context::S1Conn) {
        if self.by_mme_ue_id.get(&s1.mme_ue_id) == Some(&id) {
            self.by_mme_ue_id.remove(&s1.mme_ue_id);
        }
        if self.by_enb_ue.get(&(s1.enb, s1.enb_ue_id)) == Some(&id) {
            self.by_enb_ue.remove(&(s1.enb, s1.enb_ue_id));
        }
        if let Some(e) = self.enbs.get_mut(&s1.enb) {
            e.ues.remove(&id);
        }
    }

    /// The UE's S1 connection goes away (ECM-IDLE); the EMM context stays.
    fn drop_s1(&mut self, id: UeId) {
        let Some(s1) = self.ues.get_mut(&id).and_then(|u| u.s1.take()) else {
            return;
        };
        self.unindex_s1(id, &s1);
        if let Some(u) = self.ues.get_mut(&id) {
            u.secured = false;
        }
    }

    fn handle_timeout(&mut self, now: Time) {
        for bytes in self.s6a.timeout(now) {
            self.transmit(Iface::S6a, self.spec.hss, bytes, 0, None);
        }
        for e in self.s11.timeout(now) {
            self.handle_s11_expired(now, e);
        }
        while let Some((ue, kind)) = self.timers.pop_expired(now) {
            self.handle_ue_timer(now, ue, kind);
        }
    }

    /// Network-initiated detach (TS 23.401 5.3.8.3, TS 24.301 5.5.2.3), for
    /// the HSS's Cancel Location or an operator: a connected UE gets a
    /// Detach Request; an idle one is detached locally (no paging here).
    /// Every PDN connection is deleted. Returns false if the IMSI is unknown.
    pub fn detach_ue(&mut self, now: Time, imsi: &str, reattach_required: bool) -> bool {
        self.now = now;
        let Some(id) = imsi
            .parse::<u64>()
            .ok()
            .and_then(|v| self.by_imsi.get(&v).copied())
        else {
            return false;
        };
        self.start_network_detach(now, id, reattach_required);
        true
    }

    fn is_registered(&self, id: UeId) -> bool {
        self.ues
            .get(&id)
            .is_some_and(|u| matches!(u.emm, EmmState::Registered))
    }
}

impl Node for Mme {
    fn handle(&mut self, now: Time, input: Input) {
        self.now = now;
        self.start(now);
        match input {
            Input::Receive { iface, from, bytes } => match iface {
                Iface::S1Mme => self.handle_s1ap(now, from, &bytes),
                Iface::S6a => self.handle_s6a(now, &bytes),
                Iface::S11 => self.handle_s11(now, &bytes),
                other => {
                    self.count("unexpected_interface");
                    let text = format!(
                        "dropped {} bytes from {} on {other}: an MME has no such interface",
                        bytes.len(),
                        self.name(from)
                    );
                    self.note(None, text);
                }
            },
            Input::Timeout => self.handle_timeout(now),
            Input::Command(_) => {}
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.started {
            return Some(Time::ZERO);
        }
        [
            self.timers.earliest(),
            self.s11.poll_timeout(),
            self.s6a.poll_timeout(),
        ]
        .into_iter()
        .flatten()
        .min()
    }
}
