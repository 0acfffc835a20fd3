//! The HSS: the subscriber database ([`store`]), the S6a server (TS 29.272)
//! the MME talks to, and the Cx server (TS 29.228/29.229) the I-CSCF and
//! S-CSCF talk to ([`cx`]). One subscriber entry feeds both: IMPI, IMPUs,
//! barring, IMS registration state and S-CSCF name sit next to the EPS keys,
//! and AIR and MAR take SQNs from the same counter.
//!
//! Each client gets its own [`DiameterPeer`] in the server role, created when
//! its CER arrives on S6a or Cx. Until then, nothing else from that client is
//! processed: RFC 6733 5.6.1 says a responder cannot tell who is on a new
//! connection until its CER, and only then hands the connection to that
//! peer's state machine, so messages before it have no peer to go to. The
//! HSS drops them with a Note and the `before_cer` counter (a real stack
//! would close the connection).
//!
//! The S6a identity answers S6a and the Cx identity (`hss.ims...` in realm
//! `ims...`) answers Cx: real Cx clients check Origin-Host and realm
//! strictly. A client that offers the wrong application on an interface is
//! refused at CER with DIAMETER_NO_COMMON_APPLICATION.
//!
//! Counters: `cer`, `air`, `ula` (ULRs answered), `pur`, `resync`,
//! `resync_bad_mac`, `unknown_user`, `sqn_exhausted`, `decode_errors`,
//! `unsupported`, `before_cer`, `unexpected_answers`, `store_errors`,
//! `wrong_interface`; on Cx `uar`, `mar`, `sar`, `lir`, `rtr`, `rta`,
//! `identities_dont_match`, `authorization_rejected`, `roaming_not_allowed`,
//! `not_registered`, `auth_scheme_not_supported`, `assignment_type_errors`,
//! `wrong_destination`, `wrong_origin`; `admin_actions` (de-registrations the
//! CLI queued in the database file, looked for every second).
//!
//! Everything is deterministic: RANDs come from ChaCha20 seeded with the
//! topology seed mixed with the node id. The same seed gives the same RANDs
//! after a restart (the SQNs, and so AUTN and KASME, differ).

mod answer;
pub mod cx;
pub mod profile;
mod s6a;
pub mod store;

pub use s6a::MAX_VECTORS;

use crate::codec::diameter::cx::ReasonCode;
use crate::codec::diameter::dict::{APP_CX, APP_S6A};
use crate::codec::diameter::header::Header;
use crate::codec::{DecodeError, Reader};
use crate::crypto::{Amf, K, Opc, Rand, Sqn};
use crate::nodes::diameter_peer::{DiameterPeer, LocalIdentity, PeerState, Received, Role};
use crate::nodes::{
    Command, HssCommand, Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit,
};
use crate::topology::{HssSpec, NodeKind, Topology};
use bytes::Bytes;
use profile::ApnTable;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, VecDeque};
use store::{Impu, Store, StoreError, Subscription};

/// Product-Name in CER/CEA.
const PRODUCT: &str = "volte-sim";

/// Where RANDs come from.
enum RandSource {
    /// Derived from the run's seed, the IMSI and the vector's SQN: a run is
    /// reproducible, and since the store never hands out an SQN twice (it
    /// commits it before the vector leaves), no RAND repeats either, even
    /// when the HSS restarts on the same database with the same seed.
    Seeded(u64),
    /// One RAND for every vector (tests reproduce reference vectors).
    #[cfg(test)]
    Fixed(Rand),
}

impl RandSource {
    /// The RAND of the vector with `sqn` for `imsi`.
    fn for_vector(&self, imsi: &str, sqn: u64) -> Rand {
        match self {
            Self::Seeded(seed) => {
                let mut h = Sha256::new();
                h.update(b"volte-sim HSS RAND");
                h.update(seed.to_be_bytes());
                h.update(imsi.as_bytes());
                h.update(sqn.to_be_bytes());
                let digest = h.finalize();
                let mut r = [0u8; 16];
                r.copy_from_slice(&digest[..16]);
                Rand::new(r)
            }
            #[cfg(test)]
            Self::Fixed(r) => *r,
        }
    }
}

/// A request the HSS sent and waits the answer of.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sent {
    /// A Registration-Termination-Request.
    Rtr(cx::RtrSent),
}

/// The HSS node.
pub struct Hss {
    id: NodeId,
    s6a: LocalIdentity,
    cx: LocalIdentity,
    store: Result<Store, String>,
    apns: ApnTable,
    peers: BTreeMap<(NodeId, Iface), DiameterPeer<Sent>>,
    /// The S-CSCFs of the topology served by this HSS: (Server-Name, node).
    scscfs: Vec<(String, NodeId)>,
    /// The node each Server-Name's requests came from (for RTR).
    scscf_peers: HashMap<String, NodeId>,
    /// Visited-Network-Identifiers allowed to register users: the home
    /// network only (TS 29.228 6.1.1.1 step 4).
    home_networks: Vec<String>,
    rand: RandSource,
    counters: HashMap<&'static str, u64>,
    out: VecDeque<Output>,
    started: bool,
    /// When to look for administrative actions the CLI queued in the
    /// database file next (`None`: an in-memory database nobody else sees).
    admin_poll: Option<Time>,
}

/// How often the HSS looks for administrative actions in its database file
/// (`volte-sim hss deregister IMPU --db FILE` while a topology runs).
pub const ADMIN_POLL: std::time::Duration = std::time::Duration::from_secs(1);

impl std::fmt::Debug for Hss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hss")
            .field("id", &self.id)
            .field("s6a", &self.s6a.host)
            .field("peers", &self.peers.len())
            .finish_non_exhaustive()
    }
}

/// The IMSI as the number `Transmit.imsi` and Notes carry.
fn imsi_number(imsi: &str) -> Option<u64> {
    if imsi.is_empty() || imsi.len() > 15 || !imsi.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    imsi.parse().ok()
}

/// The subscriptions the topology provisions, as the store keeps them.
fn subscriptions(topo: &Topology, spec: &HssSpec) -> Vec<Subscription> {
    topo.subscribers
        .iter()
        .map(|s| {
            let (impi, impus) = match &s.ims {
                Some(isim) => (isim.impi.clone(), isim.impus.clone()),
                None => profile::derived_ims_identities(&s.imsi, &s.msisdn, &topo.plmn),
            };
            Subscription {
                imsi: s.imsi.clone(),
                msisdn: s.msisdn.clone(),
                k: K::new(s.k),
                opc: Opc::new(s.opc),
                amf: Amf::new(spec.amf),
                sqn: Sqn::new(s.sqn).unwrap_or(Sqn::MAX),
                apns: s.apns.clone(),
                impi: Some(impi),
                impus: impus
                    .into_iter()
                    .map(|uri| Impu {
                        barred: s.barred.contains(&uri),
                        uri,
                    })
                    .collect(),
            }
        })
        .collect()
}

impl Hss {
    /// Builds the HSS `id` of `topo`: opens its database (a file when the
    /// spec names one, else memory), seeds it with the topology's
    /// subscribers, and reads APN QoS from the gateways. A database that
    /// cannot be opened is reported in a Note and every request is then
    /// answered DIAMETER_UNABLE_TO_COMPLY; use [`Hss::try_new`] to fail
    /// instead.
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not an HSS.
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        Self::build(id, topo).0
    }

    /// Like [`Hss::new`], but fails when the database cannot be opened or seeded.
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not an HSS.
    pub fn try_new(id: NodeId, topo: &Topology) -> Result<Self, StoreError> {
        match Self::build(id, topo) {
            (hss, None) => Ok(hss),
            (_, Some(e)) => Err(e),
        }
    }

    fn build(id: NodeId, topo: &Topology) -> (Self, Option<StoreError>) {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Hss(spec) = &node.kind else {
            panic!("node {id} ({}) is not an HSS", node.name)
        };
        let identity = |d: &crate::topology::DiameterIdentity, apps: Vec<u32>| LocalIdentity {
            host: d.host.clone(),
            realm: d.realm.clone(),
            ip: node.addr,
            product: PRODUCT.into(),
            applications: apps,
        };
        let (apns, apn_notes) = ApnTable::from_topology(topo);
        let seed = topo.seed
            ^ u64::from(id.0)
                .wrapping_add(1)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let scscfs = topo
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Scscf(s) if s.hss.is_none_or(|h| h == id) => {
                    Some((s.sip.uri(), NodeId(i as u32)))
                }
                _ => None,
            })
            .collect();
        let mut home_networks = vec![spec.cx.realm.clone()];
        let plmn_domain = profile::home_domain(&topo.plmn);
        if !home_networks.contains(&plmn_domain) {
            home_networks.push(plmn_domain);
        }
        let mut hss = Self {
            id,
            s6a: identity(&spec.s6a, vec![APP_S6A]),
            cx: identity(&spec.cx, vec![APP_CX]),
            store: Err(String::new()),
            apns,
            peers: BTreeMap::new(),
            scscfs,
            scscf_peers: HashMap::new(),
            home_networks,
            rand: RandSource::Seeded(seed),
            counters: HashMap::new(),
            out: VecDeque::new(),
            started: false,
            admin_poll: None,
        };
        for n in apn_notes {
            hss.note(None, n);
        }
        let opened = match &spec.db {
            Some(path) => Store::open(path),
            None => Store::in_memory(),
        };
        let where_ = spec
            .db
            .as_ref()
            .map_or_else(|| "in memory".to_string(), |p| p.display().to_string());
        let seeded = opened.and_then(|mut store| {
            let report = store.seed(&subscriptions(topo, spec))?;
            Ok((store, report))
        });
        let failure = match seeded {
            Ok((store, r)) => {
                let mut text = format!(
                    "subscriber database {where_}: {} added, {} updated from the topology",
                    r.inserted, r.updated
                );
                if r.sqn_kept > 0 {
                    text.push_str(&format!(
                        ", {} kept their stored SQN (higher than the topology's)",
                        r.sqn_kept
                    ));
                }
                hss.note(None, text);
                hss.admin_poll = store.path().map(|_| Time::ZERO + ADMIN_POLL);
                hss.store = Ok(store);
                None
            }
            Err(e) => {
                let text = format!("subscriber database {where_} unusable: {e}");
                hss.note(None, format!("{text}; every request will be refused"));
                hss.store = Err(text);
                Some(e)
            }
        };
        (hss, failure)
    }

    /// The database, when it could be opened.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref().ok()
    }

    /// The database, for changes (the tests, an admin command).
    pub fn store_mut(&mut self) -> Option<&mut Store> {
        self.store.as_mut().ok()
    }

    /// The value of counter `name` (0 if it never moved).
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    /// State of the connection with `from` on `iface`, once its CER arrived.
    pub fn peer_state(&self, from: NodeId, iface: Iface) -> Option<PeerState> {
        self.peers.get(&(from, iface)).map(DiameterPeer::state)
    }

    /// Makes every vector use `rand` (tests reproduce reference vectors).
    #[cfg(test)]
    pub(crate) fn fix_rand(&mut self, rand: Rand) {
        self.rand = RandSource::Fixed(rand);
    }

    fn bump(&mut self, name: &'static str) {
        let v = self.counters.entry(name).or_insert(0);
        *v += 1;
        let value = *v;
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    fn note(&mut self, imsi: Option<u64>, text: String) {
        self.out
            .push_back(Output::Event(NodeEvent::Note { imsi, text }));
    }

    fn send(&mut self, iface: Iface, to: NodeId, bytes: Vec<u8>, imsi: Option<u64>) {
        self.out.push_back(Output::Transmit(Transmit {
            iface,
            to,
            bytes: Bytes::from(bytes),
            stream: 0,
            imsi,
        }));
    }

    fn local(&self, iface: Iface) -> &LocalIdentity {
        if iface == Iface::Cx {
            &self.cx
        } else {
            &self.s6a
        }
    }

    fn receive(&mut self, now: Time, iface: Iface, from: NodeId, bytes: &[u8]) {
        if !matches!(iface, Iface::S6a | Iface::Cx) {
            self.bump("wrong_interface");
            self.note(
                None,
                format!(
                    "ignored {} bytes from {from} on {iface}: the HSS speaks only S6a and Cx",
                    bytes.len()
                ),
            );
            return;
        }
        let header = peek_header(bytes);
        let key = (from, iface);
        if !self.peers.contains_key(&key) {
            match header {
                Some(h) if h.command == 257 && h.is_request() => {
                    let local = self.local(iface).clone();
                    let seed = (self.id.0 << 16) ^ from.0;
                    self.peers
                        .insert(key, DiameterPeer::new(local, Role::Server, seed));
                }
                _ => {
                    self.drop_before_cer(iface, from, bytes);
                    return;
                }
            }
        }
        let Some(peer) = self.peers.get_mut(&key) else {
            return;
        };
        match peer.receive(now, bytes) {
            Err(e) => self.decode_failure(iface, from, bytes, header, &e),
            Ok(Received::Base { replies }) => {
                let cer = header.is_some_and(|h| h.command == 257 && h.is_request());
                let state = peer.state();
                let host = peer.peer.as_ref().map(|p| p.0.clone()).unwrap_or_default();
                for r in replies {
                    self.send(iface, from, r, None);
                }
                if cer {
                    self.bump("cer");
                    let text = if state == PeerState::Open {
                        format!("{iface} connection with {host} ({from}) open")
                    } else {
                        format!(
                            "refused CER from {host} ({from}) with 5010 \
                             DIAMETER_NO_COMMON_APPLICATION: it offers no {iface}"
                        )
                    };
                    self.note(None, text);
                }
            }
            Ok(Received::Request(msg)) => {
                if peer.state() != PeerState::Open {
                    self.drop_before_cer(iface, from, bytes);
                } else {
                    self.request(iface, from, &msg);
                }
            }
            Ok(Received::Answer(msg, Sent::Rtr(sent))) => self.handle_rta(from, &msg, sent),
            Ok(Received::Unexpected(msg)) => {
                self.bump("unexpected_answers");
                self.note(
                    None,
                    format!(
                        "dropped {} from {from}: the HSS sent no such request",
                        msg.summary()
                    ),
                );
            }
        }
    }

    fn drop_before_cer(&mut self, iface: Iface, from: NodeId, bytes: &[u8]) {
        self.bump("before_cer");
        let what = crate::codec::diameter::decode(bytes)
            .map(|m| m.summary())
            .unwrap_or_else(|_| format!("{} undecodable bytes", bytes.len()));
        self.note(
            None,
            format!(
                "dropped {what} from {from} on {iface}: no capabilities exchange yet \
                 (RFC 6733 5.6.1: only a CER opens a connection to a peer)"
            ),
        );
    }

    /// A message that did not decode. A request whose header could be read
    /// still gets an answer: DIAMETER_INVALID_MESSAGE_LENGTH when the length
    /// does not match, DIAMETER_INVALID_AVP_LENGTH when the AVPs do not parse
    /// (RFC 6733 7.1.5).
    fn decode_failure(
        &mut self,
        iface: Iface,
        from: NodeId,
        bytes: &[u8],
        header: Option<Header>,
        e: &DecodeError,
    ) {
        self.bump("decode_errors");
        let generic = crate::codec::diameter::decode(bytes);
        let name = header.map_or_else(
            || "message".to_string(),
            |h| crate::codec::diameter::dict::command_short_name(h.command, h.is_request()),
        );
        let mut text = format!("dropped {name} from {from} on {iface}: {e}");
        if let (Some(h), Err(_)) = (header, &generic)
            && h.is_request()
            && h.command != 257
        {
            use crate::codec::diameter::result;
            let code = if crate::codec::diameter::header::message_length(bytes) != Some(bytes.len())
            {
                result::DIAMETER_INVALID_MESSAGE_LENGTH
            } else {
                result::DIAMETER_INVALID_AVP_LENGTH
            };
            let answer =
                answer::error_answer_for(self.local(iface), &h, None, code, None, &e.to_string());
            self.send(iface, from, answer, None);
            text = format!(
                "answered {name} from {from} on {iface} with {code} {}: {e}",
                result::result_code_name(code).unwrap_or("")
            );
        }
        self.note(None, text);
    }

    fn request(&mut self, iface: Iface, from: NodeId, msg: &crate::codec::diameter::Message) {
        use crate::codec::diameter::result;
        let app = if iface == Iface::Cx { APP_CX } else { APP_S6A };
        if msg.header.application != app {
            self.bump("unsupported");
            let answer = self.peers.get(&(from, iface)).map(|p| {
                p.error_answer(
                    msg,
                    result::DIAMETER_APPLICATION_UNSUPPORTED,
                    Some(if iface == Iface::Cx {
                        "the HSS serves Cx only on this connection"
                    } else {
                        "the HSS serves S6a only on this connection"
                    }),
                )
            });
            if let Some(a) = answer {
                self.send(iface, from, a, None);
            }
            self.note(
                None,
                format!(
                    "answered {} from {from} with 3007 DIAMETER_APPLICATION_UNSUPPORTED \
                     (application {})",
                    msg.summary(),
                    msg.header.application
                ),
            );
            return;
        }
        match (iface, msg.header.command) {
            (Iface::S6a, 318) => self.handle_air(iface, from, msg),
            (Iface::S6a, 316) => self.handle_ulr(iface, from, msg),
            (Iface::S6a, 321) => self.handle_pur(iface, from, msg),
            (Iface::Cx, 300) => self.handle_uar(from, msg),
            (Iface::Cx, 301) => self.handle_sar(from, msg),
            (Iface::Cx, 302) => self.handle_lir(from, msg),
            (Iface::Cx, 303) => self.handle_mar(from, msg),
            _ => {
                self.bump("unsupported");
                let answer = self.peers.get(&(from, iface)).map(|p| p.unsupported(msg));
                if let Some(a) = answer {
                    self.send(iface, from, a, None);
                }
                self.note(
                    None,
                    format!(
                        "answered {} from {from} with 3001 DIAMETER_COMMAND_UNSUPPORTED",
                        msg.summary()
                    ),
                );
            }
        }
    }

    fn command(&mut self, cmd: Command) {
        match cmd {
            // The command carries no reason: PERMANENT_TERMINATION, with
            // "administrative deregistration" as Reason-Info (TS 29.228 6.1.3).
            Command::Hss(HssCommand::Deregister { impu }) => {
                self.deregister(&impu, ReasonCode::PermanentTermination)
            }
            Command::Hss(HssCommand::ConnectionClosed { peer }) => self.connection_closed(peer),
            Command::Ue(c) => self.note(None, format!("ignored UE command {c:?}: this is the HSS")),
        }
    }
}

impl Hss {
    /// Forgets every connection with `peer` and the S-CSCF names that
    /// pointed at it (an RTR then goes to the topology's S-CSCF of that
    /// name, if any).
    fn connection_closed(&mut self, peer: NodeId) {
        let before = self.peers.len();
        self.peers.retain(|(node, _), _| *node != peer);
        self.scscf_peers.retain(|_, node| *node != peer);
        if self.peers.len() < before {
            self.note(
                None,
                format!("transport to {peer} closed: its Diameter connection is forgotten"),
            );
        }
    }

    /// Carries out the administrative actions the CLI queued in the
    /// database (`volte-sim hss deregister IMPU`).
    fn admin_actions(&mut self) {
        let Some(store) = self.store.as_mut().ok() else {
            return;
        };
        let actions = match store.take_admin_actions() {
            Ok(a) => a,
            Err(e) => {
                self.bump("store_errors");
                return self.note(None, format!("could not read administrative actions: {e}"));
            }
        };
        for a in actions {
            match a {
                store::AdminAction::Deregister { impu } => {
                    self.bump("admin_actions");
                    self.note(
                        None,
                        format!("administrative de-registration of {impu} queued in the database (volte-sim hss deregister)"),
                    );
                    self.deregister(&impu, ReasonCode::PermanentTermination);
                }
            }
        }
    }
}

/// The Diameter header of `bytes`, if it can be read.
fn peek_header(bytes: &[u8]) -> Option<Header> {
    let mut r = Reader::new("Diameter", bytes);
    Header::read(&mut r).ok().map(|(h, _)| h)
}

impl Node for Hss {
    fn handle(&mut self, now: Time, input: Input) {
        match input {
            Input::Receive { iface, from, bytes } => self.receive(now, iface, from, &bytes),
            Input::Timeout => {
                self.started = true;
                if self.admin_poll.is_some_and(|t| t <= now) {
                    self.admin_poll = Some(now + ADMIN_POLL);
                    self.admin_actions();
                }
                let mut dwrs = Vec::new();
                for (&(node, iface), peer) in &mut self.peers {
                    for b in peer.timeout(now) {
                        dwrs.push((iface, node, b));
                    }
                }
                for (iface, node, b) in dwrs {
                    self.send(iface, node, b, None);
                }
            }
            Input::Command(cmd) => self.command(cmd),
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.started {
            // Wake once at start so the database notes go out.
            return Some(Time::ZERO);
        }
        self.peers
            .values()
            .filter_map(DiameterPeer::poll_timeout)
            .chain(self.admin_poll)
            .min()
    }
}

/// Shared by the HSS unit tests: a small topology with the reference
/// subscriber, a fake MME and helpers to feed the node.
#[cfg(test)]
pub(super) mod testing {
    use super::*;
    use crate::codec::diameter::Message;
    use crate::codec::plmn::Plmn;
    use crate::topology::{ApnSpec, DiameterIdentity, GatewaySpec, NodeSpec, Subscriber};
    use std::net::Ipv4Addr;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// The HSS's id in [`topology`].
    pub(super) const HSS: NodeId = NodeId(1);
    /// The fake MME's id (not in the topology: the HSS does not need it).
    pub(super) const MME: NodeId = NodeId(9);
    /// The reference subscriber (tests/fixtures/README.md).
    pub(super) const IMSI: &str = "001010000000001";
    /// Its K (TS 35.208 test set 1).
    pub(super) const K_HEX: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
    /// Its OPc.
    pub(super) const OPC_HEX: &str = "cd63cb71954a9f4e48a5994e37a02baf";
    /// The SQN of the reference vector.
    pub(super) const SQN: u64 = 0xff9b_b4d0_b607;

    fn hex16(h: &str) -> [u8; 16] {
        crate::codec::parse_hex(h).unwrap().try_into().unwrap()
    }

    fn apn(name: &str, qci: u8, v6: bool) -> ApnSpec {
        ApnSpec {
            name: name.into(),
            ipv4_pool: Some((Ipv4Addr::new(10, 45, 0, 0), 16)),
            ipv6_prefix: v6.then(|| ("fd00:46::".parse().unwrap(), 64)),
            qci,
            arp_priority: 1,
            ambr_ul: 100_000_000,
            ambr_dl: 100_000_000,
            pcscf: Vec::new(),
            dns: Vec::new(),
            mtu: None,
        }
    }

    /// A gateway serving `internet` (IPv4, QCI 9) and `ims` (IPv4v6,
    /// QCI 5), the HSS (database `db`, AMF b9b9) and the reference
    /// subscriber at SQN ff9bb4d0b607, as in the reference flow.
    pub(super) fn topology(db: Option<PathBuf>) -> Topology {
        let realm = "epc.mnc001.mcc001.3gppnetwork.org";
        Topology {
            name: "hss-test".into(),
            source: None,
            plmn: Plmn::new("001", "01").unwrap(),
            nodes: vec![
                NodeSpec {
                    name: "gw1".into(),
                    addr: "127.0.0.3".parse().unwrap(),
                    kind: NodeKind::Gateway(GatewaySpec {
                        apns: vec![apn("internet", 9, false), apn("ims", 5, true)],
                        ims_stack: None,
                    }),
                },
                NodeSpec {
                    name: "hss1".into(),
                    addr: "127.0.0.4".parse().unwrap(),
                    kind: NodeKind::Hss(HssSpec {
                        db,
                        s6a: DiameterIdentity {
                            host: format!("hss.{realm}"),
                            realm: realm.into(),
                        },
                        cx: DiameterIdentity {
                            host: "hss.ims.mnc001.mcc001.3gppnetwork.org".into(),
                            realm: "ims.mnc001.mcc001.3gppnetwork.org".into(),
                        },
                        amf: [0xb9, 0xb9],
                        listen: Default::default(),
                    }),
                },
            ],
            subscribers: vec![Subscriber {
                imsi: IMSI.into(),
                msisdn: "10000000001".into(),
                k: hex16(K_HEX),
                opc: hex16(OPC_HEX),
                sqn: SQN,
                apns: vec!["internet".into(), "ims".into()],
                ims: None,
                barred: Vec::new(),
            }],
            scenario: Vec::new(),
            latency: std::time::Duration::from_millis(1),
            seed: 7,
            show_keys: false,
        }
    }

    /// A database file name no other test uses; the files go when dropped.
    pub(super) struct TempDb(pub(super) PathBuf);

    impl TempDb {
        /// A fresh path.
        pub(super) fn new(tag: &str) -> Self {
            static N: AtomicU32 = AtomicU32::new(0);
            let n = N.fetch_add(1, Ordering::Relaxed);
            Self(std::env::temp_dir().join(format!(
                "volte-sim-hss-unit-{}-{tag}-{n}.db",
                std::process::id()
            )))
        }
    }

    impl Drop for TempDb {
        fn drop(&mut self) {
            for ext in ["", "-wal", "-shm"] {
                let mut p = self.0.clone().into_os_string();
                p.push(ext);
                let _ = std::fs::remove_file(p);
            }
        }
    }

    /// Feeds `input` and returns every output.
    pub(super) fn feed(hss: &mut Hss, input: Input) -> Vec<Output> {
        hss.handle(Time::ZERO, input);
        std::iter::from_fn(|| hss.poll_output()).collect()
    }

    /// Bytes from `from` on `iface`.
    pub(super) fn rx(iface: Iface, from: NodeId, bytes: Vec<u8>) -> Input {
        Input::Receive {
            iface,
            from,
            bytes: Bytes::from(bytes),
        }
    }

    /// The transmits among `outs`.
    pub(super) fn transmits(outs: &[Output]) -> Vec<&Transmit> {
        outs.iter()
            .filter_map(|o| match o {
                Output::Transmit(t) => Some(t),
                Output::Event(_) => None,
            })
            .collect()
    }

    /// The note texts among `outs`.
    pub(super) fn notes(outs: &[Output]) -> Vec<String> {
        outs.iter()
            .filter_map(|o| match o {
                Output::Event(NodeEvent::Note { text, .. }) => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    /// The single message the HSS sent in `outs`, decoded.
    pub(super) fn answer(outs: &[Output]) -> Message {
        let t = transmits(outs);
        assert_eq!(t.len(), 1, "expected one message, got {outs:?}");
        Message::decode(&t[0].bytes).unwrap()
    }

    /// A client peer like the MME's.
    pub(super) fn mme_peer() -> DiameterPeer<()> {
        DiameterPeer::new(
            LocalIdentity {
                host: "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
                realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
                ip: "127.0.0.2".parse().unwrap(),
                product: "test".into(),
                applications: vec![APP_S6A],
            },
            Role::Client,
            1,
        )
    }

    /// An HSS built from [`topology`] with an open S6a connection from
    /// [`MME`] (start notes and CEA consumed), and the MME's peer.
    pub(super) fn connected(db: Option<PathBuf>) -> (Hss, DiameterPeer<()>) {
        let mut hss = Hss::new(HSS, &topology(db));
        feed(&mut hss, Input::Timeout);
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        let outs = feed(&mut hss, rx(Iface::S6a, MME, cer));
        let cea = &transmits(&outs)[0].bytes;
        mme.receive(Time::ZERO, cea).unwrap();
        assert_eq!(mme.state(), PeerState::Open);
        (hss, mme)
    }

    /// A reference fixture's bytes, by name.
    pub(super) fn fixture(name: &str) -> Vec<u8> {
        let all: serde_json::Value = serde_json::from_str(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/flow-refs.json"
        )))
        .unwrap();
        let hex = all
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap()["hex"]
            .as_str()
            .unwrap()
            .to_string();
        crate::codec::parse_hex(&hex).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::codec::diameter::avp::Address;
    use crate::codec::diameter::base::Cer;
    use crate::codec::diameter::dict::{self, APP_CX, VENDOR_3GPP};
    use crate::codec::diameter::header::CommandFlags;
    use crate::codec::diameter::{Message, Pur, VendorSpecificApplicationId};

    #[test]
    fn hss_notes_database_seeding_at_start() {
        let mut hss = Hss::new(HSS, &topology(None));
        assert_eq!(hss.poll_timeout(), Some(Time::ZERO));
        let outs = feed(&mut hss, Input::Timeout);
        assert_eq!(
            notes(&outs),
            ["subscriber database in memory: 1 added, 0 updated from the topology"]
        );
        assert_eq!(hss.poll_timeout(), None, "no peer, no watchdog");
        let rec = hss.store().unwrap().get(IMSI).unwrap().unwrap();
        assert_eq!(rec.subscription.sqn.value(), SQN);
        assert_eq!(
            rec.subscription.impi.as_deref(),
            Some("001010000000001@ims.mnc001.mcc001.3gppnetwork.org")
        );
        assert_eq!(rec.subscription.impus.len(), 2);
        assert_eq!(rec.subscription.amf, Amf::new([0xb9, 0xb9]));
    }

    #[test]
    fn hss_cer_through_node_opens_s6a_and_runs_watchdog() {
        let mut hss = Hss::new(HSS, &topology(None));
        feed(&mut hss, Input::Timeout);
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        let outs = feed(&mut hss, rx(Iface::S6a, MME, cer));
        let cea = answer(&outs);
        assert_eq!(cea.header.command, 257);
        assert_eq!(cea.result_code(), Some(2001));
        assert_eq!(
            cea.origin_host(),
            Some("hss.epc.mnc001.mcc001.3gppnetwork.org")
        );
        let t = transmits(&outs)[0];
        assert_eq!((t.iface, t.to), (Iface::S6a, MME));
        assert_eq!(
            notes(&outs),
            ["S6a connection with mme.epc.mnc001.mcc001.3gppnetwork.org (#9) open"]
        );
        assert_eq!(hss.peer_state(MME, Iface::S6a), Some(PeerState::Open));
        assert_eq!(hss.counter("cer"), 1);
        // Watchdog: the HSS sends DWR after 30 s of silence; the MME answers.
        assert_eq!(hss.poll_timeout(), Some(Time::from_secs(30)));
        hss.handle(Time::from_secs(30), Input::Timeout);
        let outs: Vec<_> = std::iter::from_fn(|| hss.poll_output()).collect();
        let dwr = answer(&outs);
        assert_eq!((dwr.header.command, dwr.is_request()), (280, true));
        let mut mme_side = mme;
        let Received::Base { replies } = mme_side
            .receive(Time::from_secs(30), &transmits(&outs)[0].bytes)
            .unwrap()
        else {
            panic!()
        };
        mme_side.receive(Time::ZERO, &replies[0]).unwrap();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, replies[0].clone()));
        assert!(transmits(&outs).is_empty(), "DWA needs no answer");
    }

    #[test]
    fn hss_forgets_a_peer_whose_transport_closed() {
        let mut hss = Hss::new(HSS, &topology(None));
        feed(&mut hss, Input::Timeout);
        // A real MME: an id no topology node has.
        let ext = NodeId(NodeId::FIRST_EXTERNAL);
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        let cea = answer(&feed(&mut hss, rx(Iface::S6a, ext, cer)));
        assert_eq!(cea.result_code(), Some(2001));
        assert_eq!(hss.peer_state(ext, Iface::S6a), Some(PeerState::Open));
        assert_eq!(hss.poll_timeout(), Some(Time::from_secs(30)));
        let outs = feed(
            &mut hss,
            Input::Command(Command::Hss(HssCommand::ConnectionClosed { peer: ext })),
        );
        assert!(transmits(&outs).is_empty());
        assert_eq!(
            notes(&outs),
            ["transport to #2147483648 closed: its Diameter connection is forgotten"]
        );
        assert_eq!(hss.peer_state(ext, Iface::S6a), None);
        assert_eq!(hss.poll_timeout(), None, "no watchdog toward a closed peer");
        // A peer the HSS never heard of: nothing to say.
        let outs = feed(
            &mut hss,
            Input::Command(Command::Hss(HssCommand::ConnectionClosed { peer: MME })),
        );
        assert!(outs.is_empty());
    }

    #[test]
    fn hss_drops_requests_before_cer() {
        let mut hss = Hss::new(HSS, &topology(None));
        feed(&mut hss, Input::Timeout);
        let pur = Pur {
            session_id: "mme;1".into(),
            user_name: IMSI.into(),
            ..Pur::default()
        }
        .encode(1, 1);
        let outs = feed(&mut hss, rx(Iface::S6a, MME, pur));
        assert!(transmits(&outs).is_empty());
        assert_eq!(
            notes(&outs),
            [format!(
                "dropped PUR ({IMSI}) from #9 on S6a: no capabilities exchange yet \
                 (RFC 6733 5.6.1: only a CER opens a connection to a peer)"
            )]
        );
        assert_eq!(hss.counter("before_cer"), 1);
        assert_eq!(hss.peer_state(MME, Iface::S6a), None);
        // Garbage from a stranger: same, no panic.
        let outs = feed(&mut hss, rx(Iface::S6a, MME, vec![1, 2, 3]));
        assert!(transmits(&outs).is_empty());
        assert_eq!(hss.counter("before_cer"), 2);
    }

    #[test]
    fn hss_answers_unsupported_command_3001_and_foreign_application_3007() {
        let (mut hss, _) = connected(None);
        // An Insert-Subscriber-Data request (319) is HSS -> MME, not ours.
        let h = crate::codec::diameter::Header::new(
            CommandFlags(CommandFlags::REQUEST | CommandFlags::PROXIABLE),
            319,
            APP_S6A,
            0x55,
            0x66,
        );
        let idr = Message::new(h, vec![dict::SESSION_ID.utf8("mme;9")]).encode();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, idr));
        let a = answer(&outs);
        assert_eq!(a.result_code(), Some(3001));
        assert!(a.header.flags.is_error());
        assert_eq!((a.header.hop_by_hop, a.header.end_to_end), (0x55, 0x66));
        assert_eq!(a.session_id(), Some("mme;9"));
        assert_eq!(hss.counter("unsupported"), 1);
        // A Cx command on the S6a connection.
        let h = crate::codec::diameter::Header::new(
            CommandFlags(CommandFlags::REQUEST),
            300,
            APP_CX,
            1,
            2,
        );
        let uar = Message::new(h, vec![dict::SESSION_ID.utf8("x")]).encode();
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, uar)));
        assert_eq!(a.result_code(), Some(3007));
        assert!(a.header.flags.is_error());
    }

    #[test]
    fn hss_refuses_cer_without_the_interface_application() {
        let mut hss = Hss::new(HSS, &topology(None));
        feed(&mut hss, Input::Timeout);
        let cer = Cer {
            origin_host: "scscf.ims".into(),
            origin_realm: "ims".into(),
            host_ip_address: vec![Address::from(
                "127.0.0.9".parse::<std::net::IpAddr>().unwrap(),
            )],
            vendor_id: VENDOR_3GPP,
            product_name: "x".into(),
            vendor_specific_application_id: vec![VendorSpecificApplicationId::auth(
                VENDOR_3GPP,
                APP_S6A,
            )],
            ..Cer::default()
        }
        .encode(1, 1);
        let outs = feed(&mut hss, rx(Iface::Cx, NodeId(5), cer));
        let cea = answer(&outs);
        assert_eq!(cea.result_code(), Some(5010));
        assert_eq!(
            cea.origin_host(),
            Some("hss.ims.mnc001.mcc001.3gppnetwork.org")
        );
        assert!(notes(&outs)[0].contains("it offers no Cx"), "{outs:?}");
        assert_eq!(
            hss.peer_state(NodeId(5), Iface::Cx),
            Some(PeerState::Closed)
        );
    }

    #[test]
    fn hss_answers_undecodable_request_with_length_errors() {
        let (mut hss, _) = connected(None);
        let mut air = fixture("s6a_air");
        // Claim 4 more bytes than there are: 5015.
        let len = air.len() + 4;
        air[1..4].copy_from_slice(&(len as u32).to_be_bytes()[1..]);
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, air.clone())));
        assert_eq!(a.result_code(), Some(5015));
        assert_eq!(a.header.command, 318);
        // Break an AVP length inside a correctly framed message: 5014.
        let mut air = fixture("s6a_air");
        air[20 + 5..20 + 8].copy_from_slice(&[0xff, 0xff, 0xff]);
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, air)));
        assert_eq!(a.result_code(), Some(5014));
        assert_eq!(hss.counter("decode_errors"), 2);
        // Bytes on an interface the HSS does not serve.
        let outs = feed(&mut hss, rx(Iface::S11, MME, vec![0x48]));
        assert!(transmits(&outs).is_empty());
        assert_eq!(hss.counter("wrong_interface"), 1);
    }

    #[test]
    fn hss_with_unusable_database_refuses_requests() {
        let bad = std::env::temp_dir()
            .join("volte-sim-no-such-dir")
            .join("x")
            .join("hss.db");
        let topo = topology(Some(bad));
        assert!(Hss::try_new(HSS, &topo).is_err());
        let mut hss = Hss::new(HSS, &topo);
        let outs = feed(&mut hss, Input::Timeout);
        assert!(notes(&outs)[0].contains("unusable"), "{outs:?}");
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        feed(&mut hss, rx(Iface::S6a, MME, cer));
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_air"))));
        assert_eq!(a.result_code(), Some(5012));
        assert_eq!(hss.counter("store_errors"), 1);
    }
}
