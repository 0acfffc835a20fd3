//! The UE's IMS client (TS 24.229 5.1, TS 33.203): a SIP user agent as a
//! sans-IO sub-machine of the UE, over a transport it only knows through
//! [`TransportCommand`] and [`TransportEvent`].
//!
//! Once the ims PDN is up with P-CSCF addresses ([`ImsClient::bearer_up`])
//! and registration is wanted ([`ImsClient::register`]), the client opens
//! TCP from its IMS PDN address to the first P-CSCF (falling back to the
//! next when that fails or times out) and registers: REGISTER with
//! Security-Client, the 401 with the AKA challenge checked by the USIM (the
//! one EPS AKA uses, on the same SQN sequence), IPsec SAs from IK/CK and the
//! P-CSCF's Security-Server, the second REGISTER through them with the
//! AKAv1-MD5 response, and the 200 with Service-Route and the granted
//! expiry. Then it re-registers before expiry, subscribes to its reg event,
//! follows NOTIFYs (registering again from scratch when the network ends
//! the registration), de-registers on demand, and sends and answers
//! MESSAGEs. Every step is told in a note.
//!
//! Files: `identity.rs` (IMPI/IMPU/domain, instance id, access network),
//! `transport.rs` (the transport interface and the SA sets), `secagree.rs`
//! (Security-Client/-Server, ESP keys), `conn.rs` (TCP connections, P-CSCF
//! fallback, framing), `request.rs` (common headers, client
//! transactions), `register.rs` (registration, AKA, re-registration,
//! de-registration), `reg_event.rs` (SUBSCRIBE/NOTIFY), `message.rs`
//! (MESSAGE both ways, other incoming requests), `link.rs` (the glue to the
//! IP stack under the UE), `stack_link.rs` (that IP stack: the userspace
//! TCP/IP host with its ESP shim), `hooks.rs` (how the UE starts and drives
//! the client), `rng.rs`.

mod conn;
pub(super) mod hooks;
pub mod identity;
pub mod link;
mod message;
mod reg_event;
mod register;
mod request;
mod rng;
pub mod secagree;
pub mod stack_link;
pub mod transport;

#[cfg(test)]
mod e2e_tests;
#[cfg(test)]
pub(super) mod tests;

pub use identity::ImsIdentity;
pub use link::{ImsLink, UNPLUGGED, Unplugged};
pub use register::{MMTEL_ICSI, NO_SECURITY_SERVER, refresh_after};
pub use stack_link::{IpStackLink, ue_host_config};
pub use transport::{
    ConnId, EncryptionAlg, EspKeys, IntegrityAlg, ProtectedPorts, Sa, SaDirection, SaSet, SaSetId,
    TransportCommand, TransportEvent,
};

use super::usim::Usim;
use crate::codec::sip::NameAddr;
use crate::nodes::{ImsStatus, Time};
use conn::Conn;
use request::ClientTxn;
use rng::Rng;
use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

/// The registration expiry the UE asks for (TS 24.229 5.1.1.2.1: 600 000
/// seconds; the network grants less).
pub const DEFAULT_EXPIRES: u32 = 600_000;
/// How long the UE waits for a TCP connection to a P-CSCF before trying
/// the next address.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The port of the P-CSCF for unprotected SIP (RFC 3261 19.1.2).
pub const SIP_PORT: u16 = 5060;

/// What the IMS client is told at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsConfig {
    /// The UE's name, for notes (`ue-001010000000001`).
    pub name: String,
    /// Identities (ISIM or derived).
    pub identity: ImsIdentity,
    /// `+sip.instance` value (`<urn:gsma:imei:...>`), if the IMEI is known.
    pub instance: Option<String>,
    /// P-Access-Network-Info value.
    pub access_network_info: String,
    /// The UE refuses to go on without IPsec.
    pub requires_ipsec: bool,
    /// The registration expiry to ask for, seconds.
    pub expires: u32,
    /// Notes may show CK/IK/RES (teaching topologies only).
    pub show_keys: bool,
    /// Seed of the client's random choices.
    pub seed: u64,
}

/// The ims PDN as the client needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bearer {
    /// The UE's IPv4 address on it.
    pub ipv4: Option<Ipv4Addr>,
    /// The UE's IPv6 address on it.
    pub ipv6: Option<Ipv6Addr>,
    /// P-CSCF addresses from the PCO, in order.
    pub pcscf: Vec<IpAddr>,
}

/// What the client hands to its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImsOutput {
    /// For the transport.
    Transport(TransportCommand),
    /// An explanation in plain words.
    Note(String),
    /// A counter to increment.
    Count(&'static str),
}

/// Where the registration stands (TS 24.229 5.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Never started.
    Idle,
    /// Opening the unprotected TCP connection to a P-CSCF.
    Connecting,
    /// The initial REGISTER is out; waiting for the challenge.
    Registering,
    /// The REGISTER answering the challenge is out.
    Authenticating,
    /// Registered.
    Registered,
    /// Registered, a refreshing REGISTER is out.
    Reregistering,
    /// The de-registering REGISTER is out.
    Deregistering,
    /// De-registered (or the bearer went).
    Deregistered,
    /// Stopped; see `failure`.
    Failed,
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Connecting => "connecting",
            Self::Registering => "registering",
            Self::Authenticating => "authenticating",
            Self::Registered => "registered",
            Self::Reregistering => "reregistering",
            Self::Deregistering => "deregistering",
            Self::Deregistered => "deregistered",
            Self::Failed => "failed",
        }
    }
}

/// The client's timers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ImsTimer {
    /// The TCP connection has not opened in time.
    Connect(ConnId),
    /// Time to refresh the registration.
    Reregister,
    /// Time to refresh the reg-event subscription.
    Resubscribe,
}

/// The Call-ID, From tag and CSeq of the registration (the same Call-ID
/// for every REGISTER of one registration, RFC 3261 10.2).
#[derive(Debug, Clone, Default)]
struct RegDialog {
    call_id: String,
    from_tag: String,
    cseq: u32,
}

/// One set of SAs with the P-CSCF and what goes with it.
#[derive(Debug, Clone)]
struct SecAssoc {
    id: SaSetId,
    ue_ip: IpAddr,
    pcscf_ip: IpAddr,
    ue: ProtectedPorts,
    pcscf: ProtectedPorts,
    alg: IntegrityAlg,
    ealg: EncryptionAlg,
    /// The Security-Server lines of the 401, echoed in Security-Verify.
    verify: Vec<String>,
    /// The connection from port-c to the P-CSCF's port-s.
    client: Option<ConnId>,
}

/// The last Digest credentials (re-used in re-registrations, TS 24.229
/// 5.1.1.4.1).
#[derive(Debug, Clone)]
struct AuthState {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    algorithm: Option<String>,
    /// (nc, cnonce) when qop=auth is used.
    qop: Option<(String, String)>,
    response: String,
}

/// What the 200 OK to REGISTER granted.
#[derive(Debug, Clone)]
struct Registration {
    expires: u32,
    /// Service-Route values, in order: the Route of later requests.
    service_route: Vec<NameAddr>,
    /// P-Associated-URI values.
    associated: Vec<String>,
    /// The S-CSCF (from Service-Route).
    scscf: Option<String>,
    /// The port of the registered contact.
    contact_port: u16,
}

/// The reg-event subscription (TS 24.229 5.1.1.3).
#[derive(Debug, Clone)]
struct Subscription {
    call_id: String,
    from_tag: String,
    /// The notifier's tag, from the 2xx.
    to_tag: Option<String>,
    cseq: u32,
    /// Accepted by the network.
    active: bool,
}

/// The UE's IMS client.
pub struct ImsClient {
    cfg: ImsConfig,
    rng: Rng,
    now: Time,
    phase: Phase,
    failure: Option<String>,
    bearer: Option<Bearer>,
    /// (local, P-CSCF) address pairs to try, in order.
    candidates: Vec<(IpAddr, IpAddr)>,
    /// Index of the one in use.
    candidate: usize,
    /// Why the ones tried so far failed.
    connect_failures: Vec<String>,
    conns: Vec<Conn>,
    next_conn: u32,
    /// The unprotected connection to the P-CSCF's port 5060.
    plain: Option<ConnId>,
    dialog: RegDialog,
    /// The SPIs and ports of the current Security-Client.
    offer: ProtectedPorts,
    /// The SAs in use after a successful registration.
    sa: Option<SecAssoc>,
    /// SAs set up after a 401, until its 200 (TS 33.203 7.4).
    temp_sa: Option<SecAssoc>,
    auth: Option<AuthState>,
    /// Sec-agree is in use (false once the UE goes on without IPsec).
    sec_agree: bool,
    /// Consecutive challenges the UE found invalid (TS 24.229 5.1.1.5.3).
    invalid_challenges: u8,
    /// Challenges since the last 200 (a network that never accepts the
    /// response would loop).
    challenges: u8,
    /// What the UE found wrong in the last challenge, for the reason of a
    /// following 403.
    auth_problem: Option<String>,
    registration: Option<Registration>,
    subscription: Option<Subscription>,
    txns: Vec<ClientTxn>,
    timers: Vec<(Time, ImsTimer)>,
    out: VecDeque<ImsOutput>,
}

impl ImsClient {
    /// A client that has not started.
    pub fn new(cfg: ImsConfig) -> Self {
        let mut rng = Rng::new(cfg.seed);
        let offer = Self::pick_ports(&mut rng, None);
        Self {
            cfg,
            rng,
            now: Time::ZERO,
            phase: Phase::Idle,
            failure: None,
            bearer: None,
            candidates: Vec::new(),
            candidate: 0,
            connect_failures: Vec::new(),
            conns: Vec::new(),
            next_conn: 0,
            plain: None,
            dialog: RegDialog::default(),
            offer,
            sa: None,
            temp_sa: None,
            auth: None,
            sec_agree: true,
            invalid_challenges: 0,
            challenges: 0,
            auth_problem: None,
            registration: None,
            subscription: None,
            txns: Vec::new(),
            timers: Vec::new(),
            out: VecDeque::new(),
        }
    }

    /// The identities it registers.
    pub fn identity(&self) -> &ImsIdentity {
        &self.cfg.identity
    }

    /// True once registered (also while a refresh is out).
    pub fn is_registered(&self) -> bool {
        matches!(self.phase, Phase::Registered | Phase::Reregistering)
    }

    /// True while the client works toward a registration or holds one.
    pub fn is_active(&self) -> bool {
        !matches!(
            self.phase,
            Phase::Idle | Phase::Deregistered | Phase::Failed
        )
    }

    /// Why the client stopped, if it did.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// The published view; `None` until the client first tried.
    pub fn status(&self) -> Option<ImsStatus> {
        if self.phase == Phase::Idle {
            return None;
        }
        let reg = self.registration.as_ref().filter(|_| self.is_registered());
        let sa = self.sa.as_ref().or(self.temp_sa.as_ref());
        Some(ImsStatus {
            state: self.phase.name().to_string(),
            impu: self.cfg.identity.impu.clone(),
            impi: self.cfg.identity.impi.clone(),
            derived: self.cfg.identity.derived,
            scscf: reg.and_then(|r| r.scscf.clone()),
            expires: reg.map(|r| r.expires),
            sa: sa.map(|s| (s.ue.spi_c, s.ue.spi_s, s.ue.port_c, s.ue.port_s)),
        })
    }

    /// The next output.
    pub fn poll_output(&mut self) -> Option<ImsOutput> {
        self.out.pop_front()
    }

    /// The earliest deadline of its timers and transactions.
    pub fn poll_timeout(&self) -> Option<Time> {
        let timers = self.timers.iter().map(|(at, _)| *at);
        let txns = self.txns.iter().filter_map(|t| t.txn.poll_timeout());
        timers.chain(txns).min()
    }

    /// The ims PDN is up: remember its addresses and P-CSCFs.
    /// Called again when the PDN gains an address (the global IPv6 address
    /// from the Router Advertisement): while the client is still looking
    /// for a P-CSCF, the pairs that address opens are tried after the
    /// others.
    pub fn bearer_up(&mut self, now: Time, bearer: Bearer) {
        self.now = now;
        self.bearer = Some(bearer);
        if self.phase == Phase::Connecting {
            for pair in self.candidate_pairs() {
                if !self.candidates.contains(&pair) {
                    self.candidates.push(pair);
                }
            }
        }
    }

    /// The ims PDN went away: the registration is gone locally, SAs and
    /// connections too (TS 24.229 5.1.1.1: IMS needs its IP-CAN bearer).
    pub fn bearer_down(&mut self, now: Time) {
        self.now = now;
        if self.bearer.take().is_none() {
            return;
        }
        if self.is_active() {
            self.note(
                "the ims PDN went away: the IMS registration ends locally (SAs removed, TCP closed)",
            );
            self.teardown();
            self.phase = Phase::Deregistered;
        }
    }

    /// Asks for a registration: starts one when none is running or held.
    pub fn register(&mut self, now: Time) {
        self.now = now;
        if self.is_active() {
            self.note(format!(
                "ignored the IMS registration request: already {}",
                self.phase.name()
            ));
            return;
        }
        self.start_registration();
    }

    /// De-registers (TS 24.229 5.1.1.6), or drops a registration still
    /// being made.
    pub fn deregister(&mut self, now: Time) {
        self.now = now;
        match self.phase {
            Phase::Registered | Phase::Reregistering => self.send_deregister(),
            Phase::Connecting | Phase::Registering | Phase::Authenticating => {
                self.note(format!(
                    "IMS registration abandoned while {}: nothing to de-register yet",
                    self.phase.name()
                ));
                self.teardown();
                self.phase = Phase::Deregistered;
            }
            p => self.note(format!(
                "ignored the IMS de-registration request: the UE is {}",
                p.name()
            )),
        }
    }

    /// Feeds a transport event. The USIM answers the AKA challenge.
    pub fn handle_transport(&mut self, now: Time, ev: TransportEvent, usim: &mut Usim) {
        self.now = now;
        match ev {
            TransportEvent::Connected { conn } => self.on_connected(conn),
            TransportEvent::Failed { conn, reason } => self.on_failed(conn, &reason),
            TransportEvent::Accepted {
                conn,
                local,
                remote,
            } => self.on_accepted(conn, local, remote),
            TransportEvent::Data { conn, bytes } => self.on_data(conn, &bytes, usim),
            TransportEvent::Closed { conn } => self.on_closed(conn),
        }
    }

    /// Fires what is due at `now`.
    pub fn handle_timeout(&mut self, now: Time) {
        self.now = now;
        let mut due: Vec<(Time, ImsTimer)> = self
            .timers
            .iter()
            .filter(|(at, _)| *at <= now)
            .copied()
            .collect();
        due.sort_by_key(|(at, _)| *at);
        self.timers.retain(|(at, _)| *at > now);
        for (_, t) in due {
            match t {
                ImsTimer::Connect(c) => self.on_connect_timeout(c),
                ImsTimer::Reregister => self.on_reregister_timer(),
                ImsTimer::Resubscribe => self.on_resubscribe_timer(),
            }
        }
        self.txn_timeouts();
    }

    // ----- small helpers ------------------------------------------------

    fn note(&mut self, text: impl Into<String>) {
        self.out.push_back(ImsOutput::Note(text.into()));
    }

    fn count(&mut self, name: &'static str) {
        self.out.push_back(ImsOutput::Count(name));
    }

    fn command(&mut self, c: TransportCommand) {
        self.out.push_back(ImsOutput::Transport(c));
    }

    fn start_timer(&mut self, t: ImsTimer, after: Duration) {
        self.stop_timer(t);
        self.timers.push((self.now + after, t));
    }

    fn stop_timer(&mut self, t: ImsTimer) {
        self.timers.retain(|(_, x)| *x != t);
    }

    /// Fresh SPIs (above 255, RFC 4303 2.1) and a port pair in the dynamic
    /// range, different from the set in use.
    fn pick_ports(rng: &mut Rng, avoid: Option<&ProtectedPorts>) -> ProtectedPorts {
        loop {
            let spi_c = rng.range(256, u64::from(u32::MAX) - 1) as u32;
            let port_c = rng.range(49152, 65533) as u16;
            let p = ProtectedPorts {
                spi_c,
                spi_s: spi_c + 1,
                port_c,
                port_s: port_c + 1,
            };
            let clash = avoid.is_some_and(|a| {
                [a.spi_c, a.spi_s].contains(&p.spi_c)
                    || [a.spi_c, a.spi_s].contains(&p.spi_s)
                    || [a.port_c, a.port_s].contains(&p.port_c)
                    || [a.port_c, a.port_s].contains(&p.port_s)
            });
            if !clash {
                return p;
            }
        }
    }

    /// A new Security-Client offer, avoiding the SAs in use.
    fn new_offer(&mut self) {
        let avoid = self.sa.as_ref().map(|s| s.ue);
        self.offer = Self::pick_ports(&mut self.rng, avoid.as_ref());
    }

    /// Stops the client's work: transactions, timers, connections, SAs.
    /// Sends no SIP.
    fn teardown(&mut self) {
        self.txns.clear();
        self.timers.clear();
        for sa in [self.temp_sa.take(), self.sa.take()].into_iter().flatten() {
            self.remove_sa(&sa);
        }
        let ids: Vec<ConnId> = self.conns.iter().map(|c| c.id).collect();
        for id in ids {
            self.close_conn(id);
        }
        self.plain = None;
        self.registration = None;
        self.subscription = None;
        self.auth = None;
    }

    /// Stops for good with `reason` (a note and the failure the UE
    /// reports). Nothing more is sent; temporary SAs are removed locally.
    fn fail(&mut self, reason: String) {
        self.note(reason.clone());
        self.count("ims_registration_failed");
        self.txns.clear();
        self.timers.clear();
        if let Some(t) = self.temp_sa.take() {
            self.remove_sa(&t);
        }
        self.failure = Some(reason);
        self.phase = Phase::Failed;
    }

    fn remove_sa(&mut self, sa: &SecAssoc) {
        self.command(TransportCommand::RemoveSas(sa.id));
        self.command(TransportCommand::Unlisten {
            local: std::net::SocketAddr::new(sa.ue_ip, sa.ue.port_s),
        });
    }
}
