//! The Cx client side the I-CSCF and S-CSCF share: one Diameter connection
//! to the HSS ([`DiameterPeer`] in the client role), requests tagged with
//! what the CSCF was doing, a give-up time per request, and the strict
//! checks real Cx clients make: an answer (or a request such as RTR) whose
//! Origin-Host or Origin-Realm is not the HSS's Cx identity is dropped.

use crate::codec::diameter::Message;
use crate::codec::diameter::dict::{self, APP_CX};
use crate::nodes::diameter_peer::{DiameterPeer, LocalIdentity, PeerState, Received, Role};
use crate::nodes::{NodeId, Time};
use crate::topology::{DiameterIdentity, NodeKind, Topology};
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

/// How long a Cx request waits for its answer before the CSCF treats the
/// HSS as unreachable (RFC 6733 leaves Tx to the application; 5 s).
pub const CX_TIMEOUT: Duration = Duration::from_secs(5);

/// Product-Name in CER.
const PRODUCT: &str = "volte-sim";

/// What arrived from the HSS.
#[derive(Debug)]
pub enum CxReceived<T> {
    /// Base protocol traffic (CEA, DWA, DWR...): send `replies`.
    Base(Vec<Vec<u8>>),
    /// The answer to a request, with its tag.
    Answer(Message, T),
    /// A request from the HSS (RTR, PPR).
    Request(Message),
    /// Dropped, with the reason in plain words.
    Dropped(String),
}

/// The connection to the HSS.
#[derive(Debug)]
pub struct CxClient<T> {
    peer: DiameterPeer<u64>,
    /// The HSS node, if the topology names one.
    pub hss: Option<NodeId>,
    expected: Option<DiameterIdentity>,
    waiting: HashMap<u64, (Time, T)>,
    order: VecDeque<(Time, u64)>,
    next: u64,
}

impl<T> CxClient<T> {
    /// A client with identity `diameter` at `ip`, toward `hss` (whose Cx
    /// identity is read from the topology).
    pub fn new(
        topo: &Topology,
        me: NodeId,
        diameter: &DiameterIdentity,
        hss: Option<NodeId>,
    ) -> Self {
        let ip = topo
            .node(me)
            .map_or(std::net::IpAddr::from([127, 0, 0, 1]), |n| n.addr);
        let expected = hss.and_then(|h| match topo.node(h).map(|n| &n.kind) {
            Some(NodeKind::Hss(s)) => Some(s.cx.clone()),
            _ => None,
        });
        let local = LocalIdentity {
            host: diameter.host.clone(),
            realm: diameter.realm.clone(),
            ip,
            product: PRODUCT.into(),
            applications: vec![APP_CX],
        };
        Self {
            peer: DiameterPeer::new(local, Role::Client, me.0.wrapping_add(0x4358)),
            hss,
            expected,
            waiting: HashMap::new(),
            order: VecDeque::new(),
            next: 0,
        }
    }

    /// Our identity.
    pub fn local(&self) -> &LocalIdentity {
        self.peer.local()
    }

    /// The HSS's realm (Destination-Realm of requests).
    pub fn hss_realm(&self) -> String {
        self.expected
            .as_ref()
            .map_or_else(|| self.peer.local().realm.clone(), |e| e.realm.clone())
    }

    /// Connection state.
    pub fn state(&self) -> PeerState {
        self.peer.state()
    }

    /// The CER that opens the connection (once).
    pub fn start(&mut self, now: Time) -> Vec<Vec<u8>> {
        if self.hss.is_none() {
            return Vec::new();
        }
        self.peer.start(now)
    }

    /// A new Session-Id.
    pub fn session_id(&mut self) -> String {
        self.peer.new_session_id()
    }

    /// Sends a request built by `build(hop_by_hop, end_to_end)`; the bytes
    /// to send now (`None` while the connection is not open yet: they
    /// leave with the CEA).
    pub fn request(
        &mut self,
        now: Time,
        tag: T,
        build: impl FnOnce(u32, u32) -> Vec<u8>,
    ) -> Option<Vec<u8>> {
        self.next += 1;
        let id = self.next;
        let due = now + CX_TIMEOUT;
        self.waiting.insert(id, (due, tag));
        self.order.push_back((due, id));
        self.peer.request(id, build)
    }

    fn check_origin(&self, msg: &Message) -> Result<(), String> {
        let Some(e) = &self.expected else {
            return Ok(());
        };
        let host = msg.origin_host().unwrap_or("");
        let realm = msg
            .avp(dict::ORIGIN_REALM.code, None)
            .and_then(|a| a.utf8().ok())
            .unwrap_or("");
        if host.eq_ignore_ascii_case(&e.host) && realm.eq_ignore_ascii_case(&e.realm) {
            Ok(())
        } else {
            Err(format!(
                "Origin-Host/Realm {host} / {realm} is not the HSS's Cx identity {} / {}",
                e.host, e.realm
            ))
        }
    }

    /// Handles bytes from the HSS.
    pub fn receive(&mut self, now: Time, bytes: &[u8]) -> CxReceived<T> {
        let r = match self.peer.receive(now, bytes) {
            Ok(r) => r,
            Err(e) => return CxReceived::Dropped(format!("undecodable Diameter: {e}")),
        };
        match r {
            Received::Base { replies } => CxReceived::Base(replies),
            Received::Request(m) => match self.check_origin(&m) {
                Ok(()) => CxReceived::Request(m),
                Err(why) => CxReceived::Dropped(format!("dropped {}: {why}", m.summary())),
            },
            Received::Answer(m, id) => {
                if let Err(why) = self.check_origin(&m) {
                    // The request stays waiting; it times out if no proper
                    // answer comes.
                    return CxReceived::Dropped(format!("dropped {}: {why}", m.summary()));
                }
                let found = self.waiting.remove(&id);
                self.drop_stale_front();
                match found {
                    Some((_, tag)) => CxReceived::Answer(m, tag),
                    None => CxReceived::Dropped(format!(
                        "dropped {}: it came after its request was given up",
                        m.summary()
                    )),
                }
            }
            Received::Unexpected(m) => CxReceived::Dropped(format!(
                "dropped {}: it answers no request of ours",
                m.summary()
            )),
        }
    }

    /// Watchdog requests due now, and the tags of requests whose time is up.
    pub fn timeout(&mut self, now: Time) -> (Vec<Vec<u8>>, Vec<T>) {
        let dwr = self.peer.timeout(now);
        let mut expired = Vec::new();
        while let Some(&(due, id)) = self.order.front() {
            if due > now {
                break;
            }
            self.order.pop_front();
            if let Some((_, tag)) = self.waiting.remove(&id) {
                expired.push(tag);
            }
        }
        (dwr, expired)
    }

    /// Keeps the front of the deadline queue a waiting request.
    fn drop_stale_front(&mut self) {
        while let Some((_, id)) = self.order.front() {
            if self.waiting.contains_key(id) {
                break;
            }
            self.order.pop_front();
        }
    }

    /// The next time [`Self::timeout`] has work.
    pub fn poll_timeout(&self) -> Option<Time> {
        let next_req = self.order.front().map(|(d, _)| *d);
        match (self.peer.poll_timeout(), next_req) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// An answer refusing `request` with DIAMETER_COMMAND_UNSUPPORTED.
    pub fn unsupported(&self, request: &Message) -> Vec<u8> {
        self.peer.unsupported(request)
    }

    /// The ids an answer to `request` carries.
    pub fn answer_ids(request: &Message) -> (u32, u32) {
        DiameterPeer::<u64>::answer_ids(request)
    }
}
