//! The Diameter base protocol of one peer connection (RFC 6733), sans-IO:
//! capabilities exchange (CER/CEA), watchdog (DWR/DWA), disconnect (DPR/DPA),
//! hop-by-hop and end-to-end identifiers, matching answers to requests, and
//! answering requests nobody handles with DIAMETER_COMMAND_UNSUPPORTED. Nodes
//! (MME, HSS, CSCFs) embed one per peer and only see application messages.

use crate::codec::DecodeError;
use crate::codec::diameter::avp::Address;
use crate::codec::diameter::base::{Cea, Cer, Dpa, Dwa, Dwr, VendorSpecificApplicationId};
use crate::codec::diameter::dict::VENDOR_3GPP;
use crate::codec::diameter::header::CommandFlags;
use crate::codec::diameter::result;
use crate::codec::diameter::{Message, dict};
use crate::nodes::Time;
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::Duration;

/// RFC 6733 2.3.1: Tw, the watchdog interval (30 s, jitter omitted in the
/// simulator so runs repeat).
pub const WATCHDOG_INTERVAL: Duration = Duration::from_secs(30);

/// Who opens the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Sends CER (MME, CSCFs toward the HSS).
    Client,
    /// Answers CER (HSS).
    Server,
}

/// Connection state (RFC 6733 5.6, reduced to what a single connection needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerState {
    /// Nothing exchanged yet.
    Closed,
    /// CER sent, waiting for CEA.
    WaitCea,
    /// Capabilities agreed.
    Open,
}

/// Our side of the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalIdentity {
    /// Origin-Host.
    pub host: String,
    /// Origin-Realm.
    pub realm: String,
    /// Host-IP-Address.
    pub ip: IpAddr,
    /// Product-Name.
    pub product: String,
    /// Applications we support, all of vendor 3GPP (S6a, Cx).
    pub applications: Vec<u32>,
}

/// What a received message means to the node.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<T> {
    /// Handled here (CER/CEA/DWR/DWA/DPR...); send `replies`.
    Base {
        /// Bytes to send back.
        replies: Vec<Vec<u8>>,
    },
    /// An application request for the node to answer (use [`DiameterPeer::answer_ids`]).
    Request(Message),
    /// The answer to one of our requests, with the tag given when sending.
    Answer(Message, T),
    /// An answer matching no request of ours (dropped).
    Unexpected(Message),
}

/// One Diameter connection.
#[derive(Debug)]
pub struct DiameterPeer<T> {
    local: LocalIdentity,
    role: Role,
    state: PeerState,
    /// The peer's Origin-Host and Origin-Realm, learned from CER/CEA.
    pub peer: Option<(String, String)>,
    next_hbh: u32,
    next_e2e: u32,
    pending: HashMap<u32, T>,
    queued: VecDeque<(u32, Vec<u8>)>,
    watchdog_at: Option<Time>,
    session_seq: u64,
}

impl<T> DiameterPeer<T> {
    /// A connection in state Closed. `seed` varies the identifiers between nodes.
    pub fn new(local: LocalIdentity, role: Role, seed: u32) -> Self {
        Self {
            local,
            role,
            state: PeerState::Closed,
            peer: None,
            next_hbh: seed.wrapping_mul(0x9e37_79b9) | 1,
            next_e2e: seed.wrapping_shl(20) | 1,
            pending: HashMap::new(),
            queued: VecDeque::new(),
            watchdog_at: None,
            session_seq: 0,
        }
    }

    /// Current state.
    pub fn state(&self) -> PeerState {
        self.state
    }

    /// Our identity.
    pub fn local(&self) -> &LocalIdentity {
        &self.local
    }

    /// Requests sent and not yet answered.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    fn ids(&mut self) -> (u32, u32) {
        let ids = (self.next_hbh, self.next_e2e);
        self.next_hbh = self.next_hbh.wrapping_add(1);
        self.next_e2e = self.next_e2e.wrapping_add(1);
        ids
    }

    /// A new Session-Id: `<host>;<high>;<low>` (RFC 6733 8.8).
    pub fn new_session_id(&mut self) -> String {
        self.session_seq += 1;
        format!(
            "{};{};{}",
            self.local.host,
            self.session_seq >> 32,
            self.session_seq & 0xffff_ffff
        )
    }

    fn vsais(&self) -> Vec<VendorSpecificApplicationId> {
        self.local
            .applications
            .iter()
            .map(|a| VendorSpecificApplicationId::auth(VENDOR_3GPP, *a))
            .collect()
    }

    /// Client: the CER that opens the connection. Server: nothing.
    pub fn start(&mut self, now: Time) -> Vec<Vec<u8>> {
        if self.role == Role::Server || self.state != PeerState::Closed {
            return Vec::new();
        }
        self.state = PeerState::WaitCea;
        self.watchdog_at = Some(now + WATCHDOG_INTERVAL);
        let (h, e) = self.ids();
        let cer = Cer {
            origin_host: self.local.host.clone(),
            origin_realm: self.local.realm.clone(),
            host_ip_address: vec![Address::from(self.local.ip)],
            vendor_id: VENDOR_3GPP,
            product_name: self.local.product.clone(),
            auth_application_id: self.local.applications.clone(),
            supported_vendor_id: vec![VENDOR_3GPP],
            vendor_specific_application_id: self.vsais(),
            ..Cer::default()
        };
        vec![cer.encode(h, e)]
    }

    /// Sends an application request built by `build(hop_by_hop, end_to_end)`;
    /// queued until the connection is open. Returns the bytes to send now.
    pub fn request(&mut self, tag: T, build: impl FnOnce(u32, u32) -> Vec<u8>) -> Option<Vec<u8>> {
        let (h, e) = self.ids();
        let bytes = build(h, e);
        self.pending.insert(h, tag);
        if self.state == PeerState::Open {
            Some(bytes)
        } else {
            self.queued.push_back((h, bytes));
            None
        }
    }

    /// The header ids an answer to `request` must carry.
    pub fn answer_ids(request: &Message) -> (u32, u32) {
        (request.header.hop_by_hop, request.header.end_to_end)
    }

    /// An answer to `request` saying the command is not supported
    /// (RFC 6733 7.1.5, 3001 with the E bit).
    pub fn unsupported(&self, request: &Message) -> Vec<u8> {
        self.error_answer(request, result::DIAMETER_COMMAND_UNSUPPORTED, None)
    }

    /// A protocol or permanent error answer carrying only the base AVPs.
    pub fn error_answer(&self, request: &Message, code: u32, message: Option<&str>) -> Vec<u8> {
        let mut avps = Vec::new();
        if let Some(sid) = request.session_id() {
            avps.push(dict::SESSION_ID.utf8(sid));
        }
        avps.push(dict::RESULT_CODE.u32(code));
        avps.push(dict::ORIGIN_HOST.utf8(&self.local.host));
        avps.push(dict::ORIGIN_REALM.utf8(&self.local.realm));
        if let Some(m) = message {
            avps.push(dict::ERROR_MESSAGE.utf8(m));
        }
        // RFC 6733 7.2: answers keep the request's P bit; protocol errors set E.
        let flags = CommandFlags(0)
            .with(CommandFlags::ERROR, (3000..4000).contains(&code))
            .with(CommandFlags::PROXIABLE, request.header.flags.is_proxiable());
        let mut header = request.header;
        header.flags = flags;
        Message { header, avps }.encode()
    }

    /// Handles received bytes.
    pub fn receive(&mut self, now: Time, bytes: &[u8]) -> Result<Received<T>, DecodeError> {
        let msg = Message::decode(bytes)?;
        let code = msg.header.command;
        let request = msg.header.flags.is_request();
        self.watchdog_at = Some(now + WATCHDOG_INTERVAL);
        Ok(match (code, request) {
            (257, true) => {
                let cer = Cer::from_message(&msg)?;
                self.peer = Some((cer.origin_host.clone(), cer.origin_realm.clone()));
                let offered: Vec<u32> = cer
                    .auth_application_id
                    .iter()
                    .copied()
                    .chain(
                        cer.vendor_specific_application_id
                            .iter()
                            .filter_map(|v| v.auth_application_id),
                    )
                    .collect();
                let common = self.local.applications.iter().any(|a| offered.contains(a));
                let code = if common {
                    self.state = PeerState::Open;
                    result::DIAMETER_SUCCESS
                } else {
                    result::DIAMETER_NO_COMMON_APPLICATION
                };
                let (h, e) = Self::answer_ids(&msg);
                let cea = Cea {
                    result_code: code,
                    origin_host: self.local.host.clone(),
                    origin_realm: self.local.realm.clone(),
                    host_ip_address: vec![Address::from(self.local.ip)],
                    vendor_id: VENDOR_3GPP,
                    product_name: self.local.product.clone(),
                    auth_application_id: self.local.applications.clone(),
                    supported_vendor_id: vec![VENDOR_3GPP],
                    vendor_specific_application_id: self.vsais(),
                    ..Cea::default()
                };
                Received::Base {
                    replies: vec![cea.encode(h, e)],
                }
            }
            (257, false) => {
                let cea = Cea::from_message(&msg)?;
                self.peer = Some((cea.origin_host.clone(), cea.origin_realm.clone()));
                let mut replies = Vec::new();
                if cea.result_code == result::DIAMETER_SUCCESS {
                    self.state = PeerState::Open;
                    replies.extend(self.queued.drain(..).map(|(_, b)| b));
                } else {
                    self.state = PeerState::Closed;
                }
                Received::Base { replies }
            }
            (280, true) => {
                let (h, e) = Self::answer_ids(&msg);
                let dwa = Dwa {
                    result_code: result::DIAMETER_SUCCESS,
                    origin_host: self.local.host.clone(),
                    origin_realm: self.local.realm.clone(),
                    ..Dwa::default()
                };
                Received::Base {
                    replies: vec![dwa.encode(h, e)],
                }
            }
            (280, false) => Received::Base {
                replies: Vec::new(),
            },
            (282, true) => {
                let (h, e) = Self::answer_ids(&msg);
                self.state = PeerState::Closed;
                let dpa = Dpa {
                    result_code: result::DIAMETER_SUCCESS,
                    origin_host: self.local.host.clone(),
                    origin_realm: self.local.realm.clone(),
                    ..Dpa::default()
                };
                Received::Base {
                    replies: vec![dpa.encode(h, e)],
                }
            }
            (282, false) => {
                self.state = PeerState::Closed;
                Received::Base {
                    replies: Vec::new(),
                }
            }
            (_, true) => Received::Request(msg),
            (_, false) => match self.pending.remove(&msg.header.hop_by_hop) {
                Some(tag) => Received::Answer(msg, tag),
                None => Received::Unexpected(msg),
            },
        })
    }

    /// When the watchdog wants to run.
    pub fn poll_timeout(&self) -> Option<Time> {
        if self.state == PeerState::Open {
            self.watchdog_at
        } else {
            None
        }
    }

    /// The watchdog fired: a DWR to send (RFC 3539 3.4.1).
    pub fn timeout(&mut self, now: Time) -> Vec<Vec<u8>> {
        match self.watchdog_at {
            Some(t) if t <= now && self.state == PeerState::Open => {
                self.watchdog_at = Some(now + WATCHDOG_INTERVAL);
                let (h, e) = self.ids();
                let dwr = Dwr {
                    origin_host: self.local.host.clone(),
                    origin_realm: self.local.realm.clone(),
                    ..Dwr::default()
                };
                vec![dwr.encode(h, e)]
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::dict::{APP_CX, APP_S6A};
    use crate::codec::diameter::s6a::Pur;

    fn local(host: &str, apps: Vec<u32>) -> LocalIdentity {
        LocalIdentity {
            host: host.into(),
            realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            ip: "127.0.0.1".parse().unwrap(),
            product: "volte-sim".into(),
            applications: apps,
        }
    }

    #[test]
    fn diameter_peer_exchanges_capabilities_then_flushes_queued_requests() {
        let mut mme: DiameterPeer<&str> =
            DiameterPeer::new(local("mme", vec![APP_S6A]), Role::Client, 1);
        let mut hss: DiameterPeer<()> =
            DiameterPeer::new(local("hss", vec![APP_S6A, APP_CX]), Role::Server, 2);
        // A request before the connection is open waits.
        let queued = mme.request("pur", |h, e| {
            Pur {
                session_id: "mme;1;1".into(),
                ..Pur::default()
            }
            .encode(h, e)
        });
        assert!(queued.is_none());
        let cer = mme.start(Time::ZERO);
        assert_eq!(mme.state(), PeerState::WaitCea);
        let Received::Base { replies } = hss.receive(Time::ZERO, &cer[0]).unwrap() else {
            panic!("CER not handled")
        };
        assert_eq!(hss.state(), PeerState::Open);
        assert_eq!(hss.peer.as_ref().unwrap().0, "mme");
        let cea = Message::decode(&replies[0]).unwrap();
        assert_eq!(cea.result_code(), Some(2001));
        let Received::Base { replies } = mme.receive(Time::ZERO, &replies[0]).unwrap() else {
            panic!("CEA not handled")
        };
        assert_eq!(mme.state(), PeerState::Open);
        assert_eq!(replies.len(), 1, "queued PUR flushed");
        let Received::Request(pur) = hss.receive(Time::ZERO, &replies[0]).unwrap() else {
            panic!("PUR not passed up")
        };
        assert_eq!(pur.header.command, 321);
        // The HSS does not handle PUR here: 3001 with the E bit, matched by the MME.
        let ans = hss.unsupported(&pur);
        let Received::Answer(a, tag) = mme.receive(Time::ZERO, &ans).unwrap() else {
            panic!("answer not matched")
        };
        assert_eq!(tag, "pur");
        assert_eq!(a.result_code(), Some(3001));
        assert!(a.header.flags.is_error());
        assert_eq!(mme.pending(), 0);
    }

    #[test]
    fn diameter_peer_refuses_peer_without_common_application_and_runs_watchdog() {
        let mut cx_only: DiameterPeer<()> =
            DiameterPeer::new(local("scscf", vec![APP_CX]), Role::Client, 3);
        let mut s6a_only: DiameterPeer<()> =
            DiameterPeer::new(local("hss", vec![APP_S6A]), Role::Server, 4);
        let cer = cx_only.start(Time::ZERO);
        let Received::Base { replies } = s6a_only.receive(Time::ZERO, &cer[0]).unwrap() else {
            panic!()
        };
        assert_eq!(
            Message::decode(&replies[0]).unwrap().result_code(),
            Some(5010)
        );
        assert_eq!(s6a_only.state(), PeerState::Closed);

        let mut a: DiameterPeer<()> = DiameterPeer::new(local("a", vec![APP_S6A]), Role::Client, 5);
        let mut b: DiameterPeer<()> = DiameterPeer::new(local("b", vec![APP_S6A]), Role::Server, 6);
        let cer = a.start(Time::ZERO);
        let Received::Base { replies } = b.receive(Time::ZERO, &cer[0]).unwrap() else {
            panic!()
        };
        a.receive(Time::ZERO, &replies[0]).unwrap();
        let due = a.poll_timeout().unwrap();
        assert_eq!(due, Time::from_secs(30));
        let dwr = a.timeout(due);
        let Received::Base { replies } = b.receive(due, &dwr[0]).unwrap() else {
            panic!()
        };
        assert_eq!(Message::decode(&replies[0]).unwrap().header.command, 280);
    }
}
