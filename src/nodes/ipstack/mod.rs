//! A sans-IO userspace TCP/IP host on smoltcp, with the IMS IPsec shim.
//!
//! The UE and the P-CSCF exchange SIP over TCP over IP inside the simulated
//! network: there is no TUN device and no kernel. An [`IpHost`] is one small
//! smoltcp interface (medium IP: no Ethernet, ARP or NDP) holding one or two
//! addresses (IPv4 and/or IPv6), a device whose queues carry whole IP
//! packets, and a socket set. Between the stack and the wire sits the ESP
//! transport-mode shim of TS 33.203 ([`SaPair`], protected ports).
//!
//! ```text
//!   application: tcp_connect / tcp_listen / send / recv / close, poll_event
//!        |
//!   smoltcp TCP/UDP sockets + Interface
//!        |                      ^
//!   outbound policy: ESP    inbound policy: ESP check + decapsulate,
//!   encapsulate by selector  plain packets to protected ports dropped
//!        v                      |
//!   poll(now) -> IP packets   ingest(now, IP packet)
//! ```
//!
//! Driving a host (all times are the node's virtual [`Time`]):
//! 1. hand every received IP packet to [`IpHost::ingest`];
//! 2. call [`IpHost::poll`] and put the packets it returns on the wire;
//! 3. read [`IpHost::poll_event`] until `None` and act on the events
//!    (`recv` on `Readable`, ...), then `poll` again if you sent anything;
//! 4. arm a timer for [`IpHost::poll_at`] and call `poll` when it fires.
//!
//! Listening ports cost nothing until a SYN arrives: the host creates a
//! socket for each incoming connection just before smoltcp sees the SYN, so
//! any number of peers can connect to one port and an idle host holds no
//! socket buffers. Outgoing data is queued in the host when the socket's
//! buffer is full and flushed as the peer acknowledges, so `send` takes every
//! byte of an open connection.
//!
//! [`HostSet`] keeps one `IpHost` per remote address for the network side
//! (the P-CSCF): per-packet work touches one small stack, whatever the number
//! of UEs (smoltcp's poll visits every socket of its set).

mod conn;
mod device;
mod hostset;
mod policy;

pub use conn::{CloseReason, ConnId, HostEvent};
pub use hostset::{HostSet, HostSetStats};
pub use policy::{HostCounters, IPPROTO_TCP, IPPROTO_UDP, SaPair, SaPairId};

use super::Time;
use crate::codec::esp::EspError;
use crate::codec::gtpu::inner_ip;
use conn::{Conn, Phase, fin_received, synchronized};
use device::QueueDevice;
use policy::{Inbound, Policy};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use smoltcp::iface::{Config, Interface, PollIngressSingleResult, SocketHandle, SocketSet};
use smoltcp::socket::{tcp, udp};
use smoltcp::time::{Duration as SmolDuration, Instant};
use smoltcp::wire::{HardwareAddress, IpAddress, IpCidr, IpEndpoint, IpListenEndpoint};
use std::collections::VecDeque;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// Sizes and TCP options of a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostConfig {
    /// Receive buffer of each TCP connection (also its largest window).
    pub tcp_rx_buffer: usize,
    /// Send buffer of each TCP connection (bytes in flight or unsent).
    pub tcp_tx_buffer: usize,
    /// Payload bytes buffered per bound UDP port, each way.
    pub udp_buffer: usize,
    /// Datagrams buffered per bound UDP port, each way.
    pub udp_packets: usize,
    /// MTU of the interface; leaves room for ESP and GTP-U below 1500.
    pub mtu: u16,
    /// Give up on a connection whose data goes unacknowledged this long
    /// (`None`: retransmit forever, with backoff).
    pub tcp_timeout: Option<Duration>,
    /// Nagle's algorithm (off: SIP messages leave at once).
    pub nagle: bool,
    /// Delayed ACK (`None`: acknowledge at once).
    pub ack_delay: Option<Duration>,
}

impl Default for HostConfig {
    fn default() -> Self {
        Self {
            tcp_rx_buffer: 4096,
            tcp_tx_buffer: 4096,
            udp_buffer: 2048,
            udp_packets: 4,
            mtu: 1400,
            tcp_timeout: None,
            nagle: false,
            ack_delay: Some(Duration::from_millis(10)),
        }
    }
}

/// Why a host refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// A host needs at least one address.
    NoAddress,
    /// At most two addresses (one IPv4 and one IPv6) fit an interface.
    TooManyAddresses(usize),
    /// The host has no address of the family of this peer.
    NoAddressOfFamily(IpAddr),
    /// The port is 0 or already taken for this purpose.
    PortInUse(u16),
    /// No ephemeral port is free.
    NoFreePort,
    /// No such connection (never existed or already closed).
    UnknownConn(ConnId),
    /// No UDP socket is bound to this port.
    NotBound(u16),
    /// smoltcp refused the operation.
    Stack(String),
    /// The SA pair could not be installed.
    Sa(EspError),
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoAddress => f.write_str("a host needs an address"),
            Self::TooManyAddresses(n) => write!(f, "{n} addresses, at most 2 fit"),
            Self::NoAddressOfFamily(a) => write!(f, "no local address of the family of {a}"),
            Self::PortInUse(p) => write!(f, "port {p} is in use"),
            Self::NoFreePort => f.write_str("no ephemeral port is free"),
            Self::UnknownConn(c) => write!(f, "no connection {c}"),
            Self::NotBound(p) => write!(f, "no UDP socket on port {p}"),
            Self::Stack(e) => write!(f, "TCP/IP stack: {e}"),
            Self::Sa(e) => write!(f, "SA: {e}"),
        }
    }
}

impl std::error::Error for HostError {}

/// A bound UDP port.
#[derive(Debug)]
struct UdpBinding {
    port: u16,
    handle: SocketHandle,
    reported: bool,
}

/// One userspace TCP/IP host. See the module documentation.
pub struct IpHost {
    iface: Interface,
    device: QueueDevice,
    sockets: SocketSet<'static>,
    addrs: [Option<IpAddr>; 2],
    conns: Vec<Conn>,
    listening: Vec<u16>,
    udp: Vec<UdpBinding>,
    next_conn: u32,
    /// Most sockets ever held at once: the slots of the socket set.
    socket_slots: u16,
    events: VecDeque<HostEvent>,
    policy: Policy,
    rng: SmallRng,
    counters: HostCounters,
    config: HostConfig,
}

impl fmt::Debug for IpHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IpHost")
            .field("addrs", &self.addrs)
            .field("conns", &self.conns.len())
            .field("listening", &self.listening)
            .field("counters", &self.counters)
            .finish_non_exhaustive()
    }
}

/// `Time` as smoltcp's clock.
fn instant(t: Time) -> Instant {
    Instant::from_micros(i64::try_from(t.as_micros()).unwrap_or(i64::MAX))
}

/// smoltcp's clock as `Time`.
fn time(i: Instant) -> Time {
    Time(u64::try_from(i.total_micros()).unwrap_or(0))
}

fn smol_duration(d: Duration) -> SmolDuration {
    SmolDuration::from_micros(u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
}

fn smol_addr(a: IpAddr) -> IpAddress {
    match a {
        IpAddr::V4(v4) => IpAddress::Ipv4(v4),
        IpAddr::V6(v6) => IpAddress::Ipv6(v6),
    }
}

fn std_addr(a: IpAddress) -> IpAddr {
    match a {
        IpAddress::Ipv4(v4) => IpAddr::V4(v4),
        IpAddress::Ipv6(v6) => IpAddr::V6(v6),
    }
}

fn std_endpoint(e: IpEndpoint) -> SocketAddr {
    SocketAddr::new(std_addr(e.addr), e.port)
}

fn smol_endpoint(s: SocketAddr) -> IpEndpoint {
    IpEndpoint::new(smol_addr(s.ip()), s.port())
}

const TCP_SYN: u8 = 0x02;
const TCP_ACK: u8 = 0x10;

impl IpHost {
    /// A host with `addrs` (one IPv4 and/or one IPv6) and default sizes;
    /// `seed` drives TCP initial sequence numbers, ephemeral ports and IVs.
    pub fn new(addrs: &[IpAddr], seed: u64) -> Result<Self, HostError> {
        Self::with_config(addrs, seed, HostConfig::default())
    }

    /// A host with explicit sizes and TCP options.
    pub fn with_config(addrs: &[IpAddr], seed: u64, config: HostConfig) -> Result<Self, HostError> {
        if addrs.is_empty() {
            return Err(HostError::NoAddress);
        }
        if addrs.len() > 2 {
            return Err(HostError::TooManyAddresses(addrs.len()));
        }
        let mut device = QueueDevice::new(config.mtu);
        let mut cfg = Config::new(HardwareAddress::Ip);
        cfg.random_seed = seed;
        let mut iface = Interface::new(cfg, &mut device, Instant::ZERO);
        iface.update_ip_addrs(|list| {
            for a in addrs {
                let prefix = if a.is_ipv4() { 32 } else { 128 };
                // Capacity is 2 and we checked the count.
                let _ = list.push(IpCidr::new(smol_addr(*a), prefix));
            }
        });
        // Every peer is off-link: a default route per family, through
        // ourselves (medium IP has no next-hop resolution).
        for a in addrs {
            let added = match a {
                IpAddr::V4(v4) => iface.routes_mut().add_default_ipv4_route(*v4),
                IpAddr::V6(v6) => iface.routes_mut().add_default_ipv6_route(*v6),
            };
            added.map_err(|_| HostError::TooManyAddresses(addrs.len()))?;
        }
        let mut own = [None, None];
        for (slot, a) in own.iter_mut().zip(addrs) {
            *slot = Some(*a);
        }
        Ok(Self {
            iface,
            device,
            sockets: SocketSet::new(Vec::new()),
            addrs: own,
            conns: Vec::new(),
            listening: Vec::new(),
            udp: Vec::new(),
            next_conn: 0,
            socket_slots: 0,
            events: VecDeque::new(),
            policy: Policy::default(),
            rng: SmallRng::seed_from_u64(seed ^ 0x6573_705f_6976_7321),
            counters: HostCounters::default(),
            config,
        })
    }

    /// The host's addresses.
    pub fn addrs(&self) -> impl Iterator<Item = IpAddr> + '_ {
        self.addrs.iter().flatten().copied()
    }

    /// Whether `a` is one of the host's addresses.
    pub fn has_addr(&self, a: IpAddr) -> bool {
        self.addrs().any(|x| x == a)
    }

    /// Our address of the family of `peer`.
    pub fn addr_for(&self, peer: IpAddr) -> Result<IpAddr, HostError> {
        self.addrs()
            .find(|a| a.is_ipv4() == peer.is_ipv4())
            .ok_or(HostError::NoAddressOfFamily(peer))
    }

    /// The configuration.
    pub const fn config(&self) -> &HostConfig {
        &self.config
    }

    /// What the host and its IPsec shim did with packets so far.
    pub const fn counters(&self) -> &HostCounters {
        &self.counters
    }

    // ----- TCP -----

    /// Opens a TCP connection from `local_port` (0: an ephemeral port) to
    /// `remote`. Bytes sent before [`HostEvent::Connected`] are queued.
    pub fn tcp_connect(
        &mut self,
        local_port: u16,
        remote: SocketAddr,
    ) -> Result<ConnId, HostError> {
        let local = self.addr_for(remote.ip())?;
        let port = if local_port == 0 {
            self.ephemeral_port()?
        } else {
            local_port
        };
        if self.find_flow(port, remote).is_some() {
            return Err(HostError::PortInUse(port));
        }
        let mut s = self.new_tcp_socket();
        let local_ep = IpListenEndpoint {
            addr: Some(smol_addr(local)),
            port,
        };
        s.connect(self.iface.context(), smol_endpoint(remote), local_ep)
            .map_err(|e| HostError::Stack(e.to_string()))?;
        Ok(self.add_conn(s, true, Phase::Opening))
    }

    /// Accepts connections to `port` from now on; each one is reported as
    /// [`HostEvent::Accepted`] once established.
    pub fn tcp_listen(&mut self, port: u16) -> Result<(), HostError> {
        if port == 0 || self.listening.contains(&port) {
            return Err(HostError::PortInUse(port));
        }
        self.listening.push(port);
        Ok(())
    }

    /// Stops accepting on `port` (established connections stay).
    pub fn tcp_unlisten(&mut self, port: u16) {
        self.listening.retain(|p| *p != port);
        let waiting: Vec<ConnId> = self
            .conns
            .iter()
            .filter(|c| {
                c.phase == Phase::Listening
                    && self
                        .sockets
                        .get::<tcp::Socket>(c.handle)
                        .listen_endpoint()
                        .port
                        == port
            })
            .map(|c| c.id)
            .collect();
        for id in waiting {
            if let Some(i) = self.conn_index(id) {
                let c = self.conns.remove(i);
                self.sockets.remove(c.handle);
            }
        }
    }

    /// The ports accepting connections.
    pub fn listening(&self) -> &[u16] {
        &self.listening
    }

    /// Queues `data` on `conn`; returns the bytes taken: all of them while
    /// the connection is opening or open and not closing, else 0.
    pub fn send(&mut self, conn: ConnId, data: &[u8]) -> usize {
        let Some(i) = self.conn_index(conn) else {
            return 0;
        };
        let c = &mut self.conns[i];
        if c.released || c.close_requested || c.phase == Phase::Done {
            return 0;
        }
        let s = self.sockets.get_mut::<tcp::Socket>(c.handle);
        let open = matches!(
            s.state(),
            tcp::State::SynSent
                | tcp::State::SynReceived
                | tcp::State::Established
                | tcp::State::CloseWait
        );
        if !open {
            return 0;
        }
        let mut taken = 0;
        if c.pending.is_empty() && s.may_send() {
            taken = s.send_slice(data).unwrap_or(0);
        }
        c.pending.extend_from_slice(&data[taken..]);
        data.len()
    }

    /// Takes every byte received on `conn` so far.
    pub fn recv(&mut self, conn: ConnId) -> Vec<u8> {
        let Some(i) = self.conn_index(conn) else {
            return Vec::new();
        };
        let c = &mut self.conns[i];
        if c.released {
            let out = std::mem::take(&mut c.leftover);
            if c.phase == Phase::Done {
                self.conns.remove(i);
            }
            return out;
        }
        let s = self.sockets.get_mut::<tcp::Socket>(c.handle);
        let mut out = vec![0; s.recv_queue()];
        let n = s.recv_slice(&mut out).unwrap_or(0);
        out.truncate(n);
        c.rx_seen = s.recv_queue();
        out
    }

    /// Bytes waiting to be read on `conn`.
    pub fn recv_queue(&self, conn: ConnId) -> usize {
        self.conns.iter().find(|c| c.id == conn).map_or(0, |c| {
            if c.released {
                c.leftover.len()
            } else {
                self.sockets.get::<tcp::Socket>(c.handle).recv_queue()
            }
        })
    }

    /// Bytes sent on `conn` but not yet acknowledged, plus those queued.
    pub fn send_queue(&self, conn: ConnId) -> usize {
        self.conns
            .iter()
            .find(|c| c.id == conn && !c.released)
            .map_or(0, |c| {
                self.sockets.get::<tcp::Socket>(c.handle).send_queue() + c.pending.len()
            })
    }

    /// Closes `conn` gracefully: FIN after every queued byte (and after the
    /// handshake, if it is still under way; use [`IpHost::abort`] to give up
    /// a connection attempt).
    pub fn close(&mut self, conn: ConnId) {
        if let Some(i) = self.conn_index(conn) {
            self.conns[i].close_requested = true;
        }
    }

    /// Resets `conn` at once (RST), dropping queued bytes.
    pub fn abort(&mut self, conn: ConnId) {
        if let Some(i) = self.conn_index(conn) {
            let c = &mut self.conns[i];
            c.pending = Vec::new();
            if !c.released {
                self.sockets.get_mut::<tcp::Socket>(c.handle).abort();
            }
        }
    }

    /// The local and remote ends of `conn`, while it has a socket.
    pub fn endpoints(&self, conn: ConnId) -> Option<(SocketAddr, SocketAddr)> {
        let c = self.conns.iter().find(|c| c.id == conn && !c.released)?;
        let s = self.sockets.get::<tcp::Socket>(c.handle);
        Some((
            std_endpoint(s.local_endpoint()?),
            std_endpoint(s.remote_endpoint()?),
        ))
    }

    /// The smoltcp state of `conn` (`Closed` once it is gone).
    pub fn tcp_state(&self, conn: ConnId) -> tcp::State {
        self.conns
            .iter()
            .find(|c| c.id == conn && !c.released)
            .map_or(tcp::State::Closed, |c| {
                self.sockets.get::<tcp::Socket>(c.handle).state()
            })
    }

    /// Connections the application can still use (not yet reported closed).
    pub fn conns(&self) -> impl Iterator<Item = ConnId> + '_ {
        self.conns
            .iter()
            .filter(|c| matches!(c.phase, Phase::Opening | Phase::Open))
            .map(|c| c.id)
    }

    // ----- UDP -----

    /// Binds a UDP socket to `port`.
    pub fn udp_bind(&mut self, port: u16) -> Result<(), HostError> {
        if port == 0 || self.udp.iter().any(|u| u.port == port) {
            return Err(HostError::PortInUse(port));
        }
        let buf = || {
            udp::PacketBuffer::new(
                vec![udp::PacketMetadata::EMPTY; self.config.udp_packets],
                vec![0u8; self.config.udp_buffer],
            )
        };
        let mut s = udp::Socket::new(buf(), buf());
        s.bind(port).map_err(|e| HostError::Stack(e.to_string()))?;
        let handle = self.add_socket(s);
        self.udp.push(UdpBinding {
            port,
            handle,
            reported: false,
        });
        Ok(())
    }

    /// Sends one datagram from bound `port` to `remote`.
    pub fn udp_send(
        &mut self,
        port: u16,
        remote: SocketAddr,
        data: &[u8],
    ) -> Result<(), HostError> {
        self.addr_for(remote.ip())?;
        let u = self
            .udp
            .iter()
            .find(|u| u.port == port)
            .ok_or(HostError::NotBound(port))?;
        self.sockets
            .get_mut::<udp::Socket>(u.handle)
            .send_slice(data, smol_endpoint(remote))
            .map_err(|e| HostError::Stack(e.to_string()))
    }

    /// The next datagram received on `port`, with its sender.
    pub fn udp_recv(&mut self, port: u16) -> Option<(SocketAddr, Vec<u8>)> {
        let u = self.udp.iter_mut().find(|u| u.port == port)?;
        let s = self.sockets.get_mut::<udp::Socket>(u.handle);
        let (data, meta) = s.recv().ok()?;
        let out = (std_endpoint(meta.endpoint), data.to_vec());
        u.reported = s.can_recv();
        Some(out)
    }

    /// Closes the UDP socket on `port`.
    pub fn udp_unbind(&mut self, port: u16) {
        if let Some(i) = self.udp.iter().position(|u| u.port == port) {
            let u = self.udp.remove(i);
            self.sockets.remove(u.handle);
        }
    }

    // ----- IPsec -----

    /// Installs an SA pair; its outbound SA protects matching packets from
    /// now on and its inbound SA accepts packets with its SPI.
    pub fn add_sa_pair(&mut self, pair: SaPair) -> Result<SaPairId, HostError> {
        self.policy.add_pair(pair).map_err(HostError::Sa)
    }

    /// Removes one SA pair; false if it was not installed.
    pub fn remove_sa_pair(&mut self, id: SaPairId) -> bool {
        self.policy.remove_pair(id)
    }

    /// Removes every SA pair (e.g. when the registration ends).
    pub fn remove_sas(&mut self) {
        self.policy.clear();
    }

    /// The installed SA pairs.
    pub fn sa_pairs(&self) -> impl Iterator<Item = (SaPairId, &SaPair)> + '_ {
        self.policy
            .pair_ids()
            .filter_map(|id| self.policy.pair(id).map(|p| (id, p)))
    }

    /// The last sequence number sent on the outbound SA of `id`.
    pub fn sa_last_seq_out(&self, id: SaPairId) -> Option<u32> {
        self.policy.last_seq_out(id)
    }

    /// Drops plain (non-ESP) TCP/UDP packets to local `port` from now on.
    pub fn protect_port(&mut self, port: u16) {
        self.policy.protect(port);
    }

    /// Accepts plain packets to `port` again.
    pub fn unprotect_port(&mut self, port: u16) {
        self.policy.unprotect(port);
    }

    /// Whether plain packets to `port` are dropped.
    pub fn is_protected(&self, port: u16) -> bool {
        self.policy.is_protected(port)
    }

    /// Wireshark `esp_sa` lines for every installed SA, both directions
    /// (see [`crate::crypto::ipsec::esp_sa_line`]).
    pub fn esp_sa_lines(&self) -> Vec<String> {
        let own: Vec<IpAddr> = self.addrs().collect();
        self.policy.esp_sa_lines(&own)
    }

    // ----- driving -----

    /// Feeds one IP packet from the wire at `now`: the IPsec shim checks
    /// it, then the stack processes it at once.
    pub fn ingest(&mut self, now: Time, packet: &[u8]) {
        self.counters.rx_packets = self.counters.rx_packets.wrapping_add(1);
        match inner_ip(packet) {
            Some(ip) if self.has_addr(ip.dst) => {}
            _ => {
                self.counters.rx_not_for_us += 1;
                return;
            }
        }
        let plain = match self.policy.inbound(packet.to_vec(), &mut self.counters) {
            Inbound::Accept(p) => p,
            Inbound::Drop => return,
        };
        if let Some(ip) = inner_ip(&plain)
            && ip.protocol == IPPROTO_TCP
            && let (Some((src_port, dst_port)), Some(flags)) = (ip.ports, ip.tcp_flags)
            && flags & (TCP_SYN | TCP_ACK) == TCP_SYN
        {
            self.arm_listener(dst_port, SocketAddr::new(ip.src, src_port));
        }
        self.device.rx.push_back(plain);
        let at = instant(now);
        while self
            .iface
            .poll_ingress_single(at, &mut self.device, &mut self.sockets)
            != PollIngressSingleResult::None
        {}
        self.update();
    }

    /// Runs the stack at `now` (timers, queued data, acknowledgements) and
    /// returns the IP packets to put on the wire, ESP-protected where an SA
    /// says so.
    pub fn poll(&mut self, now: Time) -> Vec<Vec<u8>> {
        self.flush_pending();
        self.iface
            .poll(instant(now), &mut self.device, &mut self.sockets);
        self.update();
        let produced = std::mem::take(&mut self.device.tx);
        let mut out = Vec::with_capacity(produced.len());
        for p in produced {
            if let Some(p) = self.policy.outbound(p, &mut self.rng, &mut self.counters) {
                self.counters.tx_packets = self.counters.tx_packets.wrapping_add(1);
                out.push(p);
            }
        }
        out
    }

    /// When `poll` must next run (never before `now`), if the stack has a
    /// timer or queued work.
    pub fn poll_at(&mut self, now: Time) -> Option<Time> {
        let queued = self.conns.iter().any(|c| {
            if c.released {
                return false;
            }
            let s = self.sockets.get::<tcp::Socket>(c.handle);
            // A close waits for the handshake; queued bytes for buffer room.
            (c.close_requested && c.pending.is_empty() && s.state() != tcp::State::SynSent)
                || (!c.pending.is_empty() && s.can_send())
        });
        if queued {
            return Some(now);
        }
        self.iface
            .poll_at(instant(now), &self.sockets)
            .map(|t| time(t).max(now))
    }

    /// The next event, oldest first.
    pub fn poll_event(&mut self) -> Option<HostEvent> {
        self.events.pop_front()
    }

    /// True when the host holds no socket and no SA: nothing would be lost
    /// by dropping it.
    pub fn is_idle(&self) -> bool {
        self.conns.is_empty() && self.udp.is_empty() && self.policy.pair_ids().next().is_none()
    }

    /// Approximate bytes this host occupies (struct plus heap: socket slots,
    /// socket buffers, queues, SAs), for sizing runs with many hosts.
    pub fn memory_bytes(&self) -> usize {
        let sockets = usize::from(self.socket_slots) * size_of::<smoltcp::iface::SocketStorage>();
        let tcp_buffers: usize = self
            .conns
            .iter()
            .filter(|c| !c.released)
            .map(|c| {
                let s = self.sockets.get::<tcp::Socket>(c.handle);
                s.recv_capacity() + s.send_capacity()
            })
            .sum();
        let udp_buffers: usize = self
            .udp
            .iter()
            .map(|u| {
                let s = self.sockets.get::<udp::Socket>(u.handle);
                s.payload_recv_capacity()
                    + s.payload_send_capacity()
                    + (s.packet_recv_capacity() + s.packet_send_capacity()) * 32
            })
            .sum();
        size_of::<Self>()
            + sockets
            + tcp_buffers
            + udp_buffers
            + self.conns.capacity() * size_of::<Conn>()
            + self.conns.iter().map(Conn::heap_bytes).sum::<usize>()
            + self.listening.capacity() * 2
            + self.udp.capacity() * size_of::<UdpBinding>()
            + self.events.capacity() * size_of::<HostEvent>()
            + self.device.heap_bytes()
            + self.policy.heap_bytes()
    }

    // ----- internals -----

    fn new_tcp_socket(&self) -> tcp::Socket<'static> {
        let mut s = tcp::Socket::new(
            tcp::SocketBuffer::new(vec![0u8; self.config.tcp_rx_buffer]),
            tcp::SocketBuffer::new(vec![0u8; self.config.tcp_tx_buffer]),
        );
        s.set_nagle_enabled(self.config.nagle);
        s.set_ack_delay(self.config.ack_delay.map(smol_duration));
        s.set_timeout(self.config.tcp_timeout.map(smol_duration));
        s
    }

    fn add_socket<T: smoltcp::socket::AnySocket<'static>>(&mut self, s: T) -> SocketHandle {
        let h = self.sockets.add(s);
        let count = self.sockets.iter().count();
        self.socket_slots = self
            .socket_slots
            .max(u16::try_from(count).unwrap_or(u16::MAX));
        h
    }

    fn add_conn(&mut self, s: tcp::Socket<'static>, outbound: bool, phase: Phase) -> ConnId {
        let handle = self.add_socket(s);
        self.next_conn = self.next_conn.wrapping_add(1);
        let id = ConnId(self.next_conn);
        self.conns.push(Conn::new(id, handle, outbound, phase));
        id
    }

    fn conn_index(&self, id: ConnId) -> Option<usize> {
        self.conns.iter().position(|c| c.id == id)
    }

    /// The live connection with this local port and peer.
    fn find_flow(&self, local_port: u16, remote: SocketAddr) -> Option<ConnId> {
        self.conns
            .iter()
            .filter(|c| !c.released && c.phase != Phase::Listening)
            .find(|c| {
                let s = self.sockets.get::<tcp::Socket>(c.handle);
                s.local_endpoint().is_some_and(|l| l.port == local_port)
                    && s.remote_endpoint().map(std_endpoint) == Some(remote)
            })
            .map(|c| c.id)
    }

    fn port_used(&self, port: u16) -> bool {
        self.listening.contains(&port)
            || self.udp.iter().any(|u| u.port == port)
            || self.conns.iter().any(|c| {
                !c.released
                    && self
                        .sockets
                        .get::<tcp::Socket>(c.handle)
                        .local_endpoint()
                        .is_some_and(|l| l.port == port)
            })
    }

    fn ephemeral_port(&mut self) -> Result<u16, HostError> {
        // IANA dynamic range (RFC 6335 6).
        for _ in 0..64 {
            let p = self.rng.random_range(49152..=65535u16);
            if !self.port_used(p) {
                return Ok(p);
            }
        }
        Err(HostError::NoFreePort)
    }

    /// Makes sure a socket listens on `port` for this SYN from `remote`.
    fn arm_listener(&mut self, port: u16, remote: SocketAddr) {
        if !self.listening.contains(&port) || self.find_flow(port, remote).is_some() {
            return;
        }
        let waiting = self.conns.iter().any(|c| {
            c.phase == Phase::Listening
                && self
                    .sockets
                    .get::<tcp::Socket>(c.handle)
                    .listen_endpoint()
                    .port
                    == port
        });
        if waiting {
            return;
        }
        let mut s = self.new_tcp_socket();
        if s.listen(port).is_ok() {
            self.add_conn(s, false, Phase::Listening);
        }
    }

    /// Moves queued bytes into socket buffers and sends deferred FINs.
    fn flush_pending(&mut self) {
        for c in &mut self.conns {
            if c.released {
                continue;
            }
            let s = self.sockets.get_mut::<tcp::Socket>(c.handle);
            if !c.pending.is_empty() && s.may_send() {
                let n = s.send_slice(&c.pending).unwrap_or(0);
                c.pending.drain(..n);
                if c.pending.is_empty() {
                    c.pending = Vec::new();
                }
            }
            if c.close_requested && c.pending.is_empty() && s.state() != tcp::State::SynSent {
                s.close();
                c.close_requested = false;
            }
        }
    }

    /// Turns socket state changes into events and frees finished sockets.
    fn update(&mut self) {
        let Self {
            conns,
            sockets,
            events,
            udp,
            ..
        } = self;
        for c in conns.iter_mut() {
            if c.released {
                continue;
            }
            let s = sockets.get_mut::<tcp::Socket>(c.handle);
            let state = s.state();
            if state == tcp::State::Listen {
                // Waiting for a SYN, or back to listening after a reset
                // handshake (RFC 9293 3.10.7.4).
                c.phase = Phase::Listening;
                continue;
            }
            if c.phase == Phase::Listening {
                c.phase = Phase::Opening;
            }
            if c.phase == Phase::Opening && synchronized(state) {
                c.phase = Phase::Open;
                if c.outbound {
                    events.push_back(HostEvent::Connected(c.id));
                } else if let (Some(l), Some(r)) = (s.local_endpoint(), s.remote_endpoint()) {
                    events.push_back(HostEvent::Accepted {
                        conn: c.id,
                        local: std_endpoint(l),
                        peer: std_endpoint(r),
                    });
                }
            }
            let queued = s.recv_queue();
            if c.phase == Phase::Open && queued > c.rx_seen {
                events.push_back(HostEvent::Readable(c.id));
            }
            c.rx_seen = queued;
            if c.phase == Phase::Open && !c.peer_fin_reported && fin_received(state) {
                c.peer_fin_reported = true;
                events.push_back(HostEvent::PeerClosed(c.id));
            }
            let finished = matches!(state, tcp::State::Closed | tcp::State::TimeWait);
            if finished && c.phase != Phase::Done {
                let reason = match c.phase {
                    Phase::Open
                        if state == tcp::State::TimeWait
                            || matches!(
                                c.last_state,
                                tcp::State::LastAck | tcp::State::Closing | tcp::State::TimeWait
                            ) =>
                    {
                        Some(CloseReason::Graceful)
                    }
                    Phase::Open => Some(CloseReason::Reset),
                    _ if c.outbound => Some(CloseReason::ConnectFailed),
                    // An incoming handshake that failed was never reported.
                    _ => None,
                };
                if let Some(reason) = reason {
                    events.push_back(HostEvent::Closed { conn: c.id, reason });
                }
                c.phase = Phase::Done;
                c.pending = Vec::new();
            }
            c.last_state = state;
            if state == tcp::State::Closed {
                let mut rest = vec![0; s.recv_queue()];
                let n = s.recv_slice(&mut rest).unwrap_or(0);
                rest.truncate(n);
                c.leftover = rest;
                sockets.remove(c.handle);
                c.released = true;
            }
        }
        conns.retain(|c| !(c.released && c.leftover.is_empty()));
        for u in udp.iter_mut() {
            let s = sockets.get::<udp::Socket>(u.handle);
            if s.can_recv() && !u.reported {
                u.reported = true;
                events.push_back(HostEvent::UdpReadable { port: u.port });
            }
        }
    }
}

#[cfg(test)]
mod tests;
