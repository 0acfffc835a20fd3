//! The IP stack under the UE's IMS client: one userspace [`IpHost`] with
//! its ESP shim per UE, holding the addresses of the ims PDN.
//!
//! - The host is created at the first command that needs it, from the
//!   addresses the UE gave at [`ImsLink::bearer_up`]: a UE that never
//!   registers to IMS holds no stack. It goes with the PDN
//!   ([`ImsLink::bearer_down`]); an address learnt later (the global IPv6
//!   address after the Router Advertisement) is added to it.
//! - The client's [`ConnId`]s map to the host's connection ids; connections
//!   the host accepts get client ids with [`ConnId::ACCEPTED`] set.
//! - [`TransportCommand::InstallSas`] becomes the two SA pairs of TS 33.203
//!   7.1 and protects the UE's two ports: (port-c, P-CSCF port-s) sends
//!   with the P-CSCF's spi-s and receives with the UE's spi-c; (port-s,
//!   P-CSCF port-c) sends with the P-CSCF's spi-c and receives with the
//!   UE's spi-s.
//! - After every command, received packet or timeout the host is polled:
//!   its packets wait in [`ImsLink::poll_packet`] (the UE sends them on the
//!   ims bearer), its events are turned into [`TransportEvent`]s, and its
//!   next deadline is [`ImsLink::poll_timeout`].
//!
//! TCP buffers are small (2 KiB each way, [`ue_host_config`]): SIP
//! messages of a registration fit, longer ones stream through (the host
//! queues what does not fit and the window paces the peer).

use super::link::ImsLink;
use super::transport::{ConnId, SaSet, SaSetId, TransportCommand, TransportEvent};
use crate::nodes::Time;
use crate::nodes::ipstack::{self, CloseReason, HostConfig, HostEvent, IpHost, SaPair, SaPairId};
use std::collections::VecDeque;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// The host sizes of a UE: 2 KiB TCP buffers each way, no UDP to speak
/// of, and a connection whose data goes unacknowledged for 64 s is given
/// up (the client hears `Failed`; SIP's own Timer F is 32 s).
pub fn ue_host_config() -> HostConfig {
    HostConfig {
        tcp_rx_buffer: 2048,
        tcp_tx_buffer: 2048,
        udp_buffer: 512,
        udp_packets: 1,
        tcp_timeout: Some(Duration::from_secs(64)),
        ..HostConfig::default()
    }
}

/// Why a connection the peer reset or that never opened failed.
pub const RESET: &str = "the connection was reset (TCP RST, or retransmissions gave up)";
/// Why a connection attempt failed.
pub const REFUSED: &str = "the P-CSCF refused the connection (TCP RST)";

/// One connection of the client and the host's id for it.
#[derive(Debug, Clone, Copy)]
struct Mapped {
    ua: ConnId,
    host: ipstack::ConnId,
    /// Connected or accepted: a close sends FIN; before, it gives up.
    open: bool,
}

/// One installed SA set: its two pairs and the UE ports they protect.
#[derive(Debug, Clone, Copy)]
struct InstalledSet {
    id: SaSetId,
    pairs: [SaPairId; 2],
    ports: [u16; 2],
}

/// [`ImsLink`] over a userspace TCP/IP stack with an ESP shim.
pub struct IpStackLink {
    seed: u64,
    config: HostConfig,
    /// Hosts created so far (mixed into each host's seed).
    generation: u32,
    /// The ims PDN's addresses (IPv4 and/or IPv6).
    addrs: Vec<IpAddr>,
    host: Option<Box<IpHost>>,
    conns: Vec<Mapped>,
    /// Accepted connections so far.
    accepted: u32,
    sas: Vec<InstalledSet>,
    /// SA sets that could not be installed, and why.
    failed_sas: Vec<(SaSetId, String)>,
    events: VecDeque<TransportEvent>,
    packets: VecDeque<Vec<u8>>,
    next_poll: Option<Time>,
}

impl std::fmt::Debug for IpStackLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IpStackLink")
            .field("addrs", &self.addrs)
            .field("host", &self.host)
            .field("conns", &self.conns)
            .field("sas", &self.sas)
            .finish_non_exhaustive()
    }
}

impl IpStackLink {
    /// A link whose hosts draw their randomness (initial sequence numbers,
    /// IVs) from `seed`, with [`ue_host_config`] sizes.
    pub fn new(seed: u64) -> Self {
        Self::with_config(seed, ue_host_config())
    }

    /// A link with explicit host sizes.
    pub fn with_config(seed: u64, config: HostConfig) -> Self {
        Self {
            seed,
            config,
            generation: 0,
            addrs: Vec::new(),
            host: None,
            conns: Vec::new(),
            accepted: 0,
            sas: Vec::new(),
            failed_sas: Vec::new(),
            events: VecDeque::new(),
            packets: VecDeque::new(),
            next_poll: None,
        }
    }

    /// The host, once created.
    pub fn host(&self) -> Option<&IpHost> {
        self.host.as_deref()
    }

    /// The host's id of the client's connection `conn`.
    pub fn host_conn(&self, conn: ConnId) -> Option<ipstack::ConnId> {
        self.conns.iter().find(|m| m.ua == conn).map(|m| m.host)
    }

    /// The SA pairs installed for set `id`.
    pub fn sa_pairs(&self, id: SaSetId) -> Vec<SaPair> {
        let (Some(host), Some(set)) = (self.host(), self.sas.iter().find(|s| s.id == id)) else {
            return Vec::new();
        };
        host.sa_pairs()
            .filter(|(pid, _)| set.pairs.contains(pid))
            .map(|(_, p)| p.clone())
            .collect()
    }

    fn host_seed(&self) -> u64 {
        self.seed
            ^ u64::from(self.generation).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ 0x7565_5f68_6f73_7400
    }

    /// The host, created from the PDN's addresses if it does not exist.
    fn ensure_host(&mut self) -> Result<&mut IpHost, String> {
        if self.host.is_none() {
            if self.addrs.is_empty() {
                return Err("the ims PDN has no address for the UE's IP stack".into());
            }
            let host = IpHost::with_config(&self.addrs, self.host_seed(), self.config)
                .map_err(|e| format!("the UE's IP stack could not start: {e}"))?;
            self.generation = self.generation.wrapping_add(1);
            self.host = Some(Box::new(host));
        }
        self.host
            .as_deref_mut()
            .ok_or_else(|| "the UE has no IP stack".to_string())
    }

    fn index(&self, conn: ConnId) -> Option<usize> {
        self.conns.iter().position(|m| m.ua == conn)
    }

    fn index_of_host(&self, conn: ipstack::ConnId) -> Option<usize> {
        self.conns.iter().position(|m| m.host == conn)
    }

    fn fail(&mut self, conn: ConnId, reason: impl Into<String>) {
        self.events.push_back(TransportEvent::Failed {
            conn,
            reason: reason.into(),
        });
    }

    fn connect(
        &mut self,
        conn: ConnId,
        local: SocketAddr,
        remote: SocketAddr,
        sa: Option<SaSetId>,
    ) -> Result<(), String> {
        if let Some(id) = sa {
            if let Some((_, why)) = self.failed_sas.iter().find(|(s, _)| *s == id) {
                return Err(format!("its SAs could not be installed: {why}"));
            }
            if !self.sas.iter().any(|s| s.id == id) {
                return Err(format!("SA set {} is not installed", id.0));
            }
        }
        if local.is_ipv4() != remote.is_ipv4() {
            return Err(format!("{local} and {remote} are of different IP versions"));
        }
        let host = self.ensure_host()?;
        if !host.has_addr(local.ip()) {
            return Err(format!(
                "{} is not an address of the UE's ims PDN",
                local.ip()
            ));
        }
        let id = host
            .tcp_connect(local.port(), remote)
            .map_err(|e| e.to_string())?;
        self.conns.push(Mapped {
            ua: conn,
            host: id,
            open: false,
        });
        Ok(())
    }

    /// The two SA pairs of TS 33.203 7.1 on the UE side, and its two
    /// protected ports.
    fn install(&mut self, set: &SaSet) -> Result<(), String> {
        let host = self.ensure_host()?;
        if !host.has_addr(set.ue) {
            return Err(format!("{} is not an address of the UE's ims PDN", set.ue));
        }
        let (u, p) = (set.ue_ports, set.pcscf_ports);
        let client = SaPair {
            local_port: u.port_c,
            remote: SocketAddr::new(set.pcscf, p.port_s),
            protocol: None,
            spi_out: p.spi_s,
            spi_in: u.spi_c,
            keys: set.keys.clone(),
        };
        let server = SaPair {
            local_port: u.port_s,
            remote: SocketAddr::new(set.pcscf, p.port_c),
            protocol: None,
            spi_out: p.spi_c,
            spi_in: u.spi_s,
            keys: set.keys.clone(),
        };
        let a = host.add_sa_pair(client).map_err(|e| e.to_string())?;
        let b = match host.add_sa_pair(server) {
            Ok(b) => b,
            Err(e) => {
                host.remove_sa_pair(a);
                return Err(e.to_string());
            }
        };
        host.protect_port(u.port_c);
        host.protect_port(u.port_s);
        self.sas.push(InstalledSet {
            id: set.id,
            pairs: [a, b],
            ports: [u.port_c, u.port_s],
        });
        Ok(())
    }

    fn remove(&mut self, id: SaSetId) {
        self.failed_sas.retain(|(s, _)| *s != id);
        let Some(i) = self.sas.iter().position(|s| s.id == id) else {
            return;
        };
        let set = self.sas.remove(i);
        let Some(host) = self.host.as_deref_mut() else {
            return;
        };
        for pair in set.pairs {
            host.remove_sa_pair(pair);
        }
        for port in set.ports {
            if !self.sas.iter().any(|s| s.ports.contains(&port)) {
                host.unprotect_port(port);
            }
        }
    }

    fn handle_command(&mut self, cmd: TransportCommand) {
        match cmd {
            TransportCommand::Connect {
                conn,
                local,
                remote,
                sa,
            } => {
                if let Err(reason) = self.connect(conn, local, remote, sa) {
                    self.fail(conn, reason);
                }
            }
            TransportCommand::Listen { local, .. } => {
                // Listening twice on a port is harmless.
                if let Ok(host) = self.ensure_host() {
                    let _ = host.tcp_listen(local.port());
                }
            }
            TransportCommand::Unlisten { local } => {
                if let Some(host) = self.host.as_deref_mut() {
                    host.tcp_unlisten(local.port());
                }
            }
            TransportCommand::Send { conn, bytes } => {
                let (Some(i), Some(host)) = (self.index(conn), self.host.as_deref_mut()) else {
                    return;
                };
                if host.send(self.conns[i].host, &bytes) == 0 && !bytes.is_empty() {
                    let m = self.conns.remove(i);
                    host.abort(m.host);
                    self.fail(conn, "the connection cannot send any more");
                }
            }
            TransportCommand::Close { conn } => {
                let Some(i) = self.index(conn) else {
                    return;
                };
                let m = self.conns.remove(i);
                if let Some(host) = self.host.as_deref_mut() {
                    if m.open {
                        host.close(m.host);
                    } else {
                        // Nothing to FIN: stop the handshake for good.
                        host.abort(m.host);
                    }
                }
            }
            TransportCommand::InstallSas(set) => {
                if let Err(why) = self.install(&set) {
                    self.failed_sas.push((set.id, why));
                }
            }
            TransportCommand::RemoveSas(id) => self.remove(id),
        }
    }

    fn host_event(&mut self, host: &mut IpHost, e: HostEvent) {
        match e {
            HostEvent::Connected(h) => {
                if let Some(i) = self.index_of_host(h) {
                    self.conns[i].open = true;
                    let conn = self.conns[i].ua;
                    self.events.push_back(TransportEvent::Connected { conn });
                }
            }
            HostEvent::Accepted { conn, local, peer } => {
                let ua = ConnId::accepted(self.accepted & !ConnId::ACCEPTED);
                self.accepted = self.accepted.wrapping_add(1);
                self.conns.push(Mapped {
                    ua,
                    host: conn,
                    open: true,
                });
                self.events.push_back(TransportEvent::Accepted {
                    conn: ua,
                    local,
                    remote: peer,
                });
            }
            HostEvent::Readable(h) => {
                let bytes = host.recv(h);
                if let Some(i) = self.index_of_host(h)
                    && !bytes.is_empty()
                {
                    let conn = self.conns[i].ua;
                    self.events.push_back(TransportEvent::Data { conn, bytes });
                }
            }
            HostEvent::PeerClosed(h) => {
                let bytes = host.recv(h);
                // The client forgets a connection the peer closed: close
                // ours too (FIN back), so no socket lingers half-open.
                host.close(h);
                if let Some(i) = self.index_of_host(h) {
                    let m = self.conns.remove(i);
                    if !bytes.is_empty() {
                        self.events
                            .push_back(TransportEvent::Data { conn: m.ua, bytes });
                    }
                    self.events.push_back(TransportEvent::Closed { conn: m.ua });
                }
            }
            HostEvent::Closed { conn: h, reason } => {
                let bytes = host.recv(h);
                let Some(i) = self.index_of_host(h) else {
                    return;
                };
                let m = self.conns.remove(i);
                if !bytes.is_empty() {
                    self.events
                        .push_back(TransportEvent::Data { conn: m.ua, bytes });
                }
                match reason {
                    CloseReason::Graceful => {
                        self.events.push_back(TransportEvent::Closed { conn: m.ua })
                    }
                    CloseReason::Reset => self.fail(m.ua, RESET),
                    CloseReason::ConnectFailed => self.fail(m.ua, REFUSED),
                }
            }
            HostEvent::UdpReadable { .. } => {}
        }
    }

    /// Polls the host until it is quiet: packets out, events in, next
    /// deadline.
    fn pump(&mut self, now: Time) {
        let Some(mut host) = self.host.take() else {
            self.next_poll = None;
            return;
        };
        // Bounded: every round either moves something or stops.
        for _ in 0..64 {
            let out = host.poll(now);
            let mut moved = !out.is_empty();
            self.packets.extend(out);
            while let Some(e) = host.poll_event() {
                moved = true;
                self.host_event(&mut host, e);
            }
            if !moved {
                break;
            }
        }
        // Never ask to be woken at `now` again: that would spin.
        self.next_poll = host.poll_at(now).map(|t| {
            if t <= now {
                now + Duration::from_millis(1)
            } else {
                t
            }
        });
        self.host = Some(host);
    }
}

impl ImsLink for IpStackLink {
    fn bearer_up(&mut self, now: Time, addrs: &[IpAddr]) {
        self.addrs = addrs.to_vec();
        if let Some(host) = self.host.as_deref_mut() {
            for a in addrs {
                // One address per family: a second of the same family
                // cannot be added, and the PDN never gives one.
                let _ = host.add_addr(*a);
            }
            self.pump(now);
        }
    }

    fn bearer_down(&mut self, _now: Time) {
        let generation = self.generation;
        let accepted = self.accepted;
        *self = Self::with_config(self.seed, self.config);
        self.generation = generation;
        self.accepted = accepted;
    }

    fn command(&mut self, now: Time, cmd: TransportCommand) {
        self.handle_command(cmd);
        self.pump(now);
    }

    fn receive(&mut self, now: Time, packet: &[u8]) {
        if let Some(host) = self.host.as_deref_mut() {
            host.ingest(now, packet);
            self.pump(now);
        }
    }

    fn poll_event(&mut self) -> Option<TransportEvent> {
        self.events.pop_front()
    }

    fn poll_packet(&mut self) -> Option<Vec<u8>> {
        self.packets.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        self.next_poll
    }

    fn handle_timeout(&mut self, now: Time) {
        self.pump(now);
    }

    fn memory_bytes(&self) -> usize {
        size_of::<Self>()
            + self.addrs.capacity() * size_of::<IpAddr>()
            + self.host.as_deref().map_or(0, IpHost::memory_bytes)
            + self.conns.capacity() * size_of::<Mapped>()
            + self.sas.capacity() * size_of::<InstalledSet>()
            + self.failed_sas.capacity() * size_of::<(SaSetId, String)>()
            + self.events.capacity() * size_of::<TransportEvent>()
            + self.packets.capacity() * size_of::<Vec<u8>>()
            + self.packets.iter().map(Vec::capacity).sum::<usize>()
    }
}
