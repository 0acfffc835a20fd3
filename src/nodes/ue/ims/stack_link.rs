//! The IP stack under the UE's IMS client: one userspace [`IpHost`] with
//! its ESP shim per UE, holding the addresses of the ims PDN.
//!
//! - The host is created at the first command that needs it, from the
//!   addresses the UE gave at [`ImsLink::bearer_up`]: a UE that never
//!   registers to IMS holds no stack. It goes with the PDN
//!   ([`ImsLink::bearer_down`]), and as soon as it holds no socket, SA or
//!   listener; an address learnt later (the global IPv6 address after the
//!   Router Advertisement) is added to it.
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

    /// Removes an SA set. Its connections can carry nothing once the SAs
    /// are gone (both ends drop plain packets to protected ports), so they
    /// are reset first, while the SAs still protect the RST: one packet the
    /// P-CSCF accepts, instead of a FIN retransmitted in the clear.
    fn remove(&mut self, now: Time, id: SaSetId) {
        self.failed_sas.retain(|(s, _)| *s != id);
        let Some(i) = self.sas.iter().position(|s| s.id == id) else {
            return;
        };
        let set = self.sas.remove(i);
        let Some(mut host) = self.host.take() else {
            return;
        };
        let on_set: Vec<usize> = self
            .conns
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                host.endpoints(m.host)
                    .is_some_and(|(l, _)| set.ports.contains(&l.port()))
            })
            .map(|(i, _)| i)
            .collect();
        for i in on_set.into_iter().rev() {
            let m = self.conns.remove(i);
            host.abort(m.host);
            self.fail(m.ua, "its SAs were removed");
        }
        let out = host.poll(now);
        self.packets.extend(out);
        while let Some(e) = host.poll_event() {
            self.host_event(&mut host, e);
        }
        self.host = Some(host);
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

    fn handle_command(&mut self, now: Time, cmd: TransportCommand) {
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
            TransportCommand::RemoveSas(id) => self.remove(now, id),
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
        if host.is_idle() && host.listening().is_empty() {
            // No socket, no SA, no listener: nothing would be lost, so the
            // memory goes back (a UE whose registration ended, or whose
            // P-CSCFs never answered, keeps no stack).
            self.next_poll = None;
            return;
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
        self.handle_command(now, cmd);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
    use crate::crypto::{Ck, Ik};
    use crate::nodes::ue::ims::transport::ProtectedPorts;

    fn sock(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    /// The UE's link and a P-CSCF host wired back to back.
    struct Wire {
        link: IpStackLink,
        pc: IpHost,
        now: Time,
        events: Vec<TransportEvent>,
        pc_events: Vec<HostEvent>,
        /// Packets from the UE, in order.
        uplink: Vec<Vec<u8>>,
    }

    impl Wire {
        fn new(ue: &[&str], pcscf: &[&str]) -> Self {
            let mut link = IpStackLink::new(7);
            let addrs: Vec<IpAddr> = ue.iter().map(|a| ip(a)).collect();
            link.bearer_up(Time::ZERO, &addrs);
            let pc_addrs: Vec<IpAddr> = pcscf.iter().map(|a| ip(a)).collect();
            Self {
                link,
                pc: IpHost::new(&pc_addrs, 9).unwrap(),
                now: Time::ZERO,
                events: Vec::new(),
                pc_events: Vec::new(),
                uplink: Vec::new(),
            }
        }

        fn cmd(&mut self, c: TransportCommand) {
            self.link.command(self.now, c);
        }

        /// Moves packets and fires timers for at most `horizon`.
        fn run(&mut self, horizon: Duration) {
            let until = self.now + horizon;
            for _ in 0..10_000 {
                let mut moved = false;
                while let Some(p) = self.link.poll_packet() {
                    self.pc.ingest(self.now, &p);
                    self.uplink.push(p);
                    moved = true;
                }
                for p in self.pc.poll(self.now) {
                    self.link.receive(self.now, &p);
                    moved = true;
                }
                while let Some(e) = self.pc.poll_event() {
                    self.pc_events.push(e);
                }
                while let Some(e) = self.link.poll_event() {
                    self.events.push(e);
                }
                if moved {
                    continue;
                }
                let next = [self.link.poll_timeout(), self.pc.poll_at(self.now)]
                    .into_iter()
                    .flatten()
                    .filter(|t| *t > self.now)
                    .min();
                match next {
                    Some(t) if t <= until => {
                        self.now = t;
                        if self.link.poll_timeout().is_some_and(|x| x <= t) {
                            self.link.handle_timeout(t);
                        }
                    }
                    _ => return,
                }
            }
            panic!("never went quiet");
        }

        fn settle(&mut self) {
            self.run(Duration::from_millis(200));
        }

        fn accepted_by_pcscf(&self) -> Vec<ipstack::ConnId> {
            self.pc_events
                .iter()
                .filter_map(|e| match e {
                    HostEvent::Accepted { conn, .. } => Some(*conn),
                    _ => None,
                })
                .collect()
        }
    }

    fn connect(conn: u32, local: &str, remote: &str, sa: Option<SaSetId>) -> TransportCommand {
        TransportCommand::Connect {
            conn: ConnId(conn),
            local: sock(local),
            remote: sock(remote),
            sa,
        }
    }

    #[test]
    fn link_creates_no_stack_until_the_client_needs_one() {
        let w = Wire::new(&["10.46.0.2"], &["10.46.0.1"]);
        assert!(w.link.host().is_none());
        assert_eq!(w.link.poll_timeout(), None);
        let idle = w.link.memory_bytes();
        assert!(idle < 512, "an unused link holds {idle} bytes");
        let mut l = IpStackLink::new(1);
        l.command(
            Time::ZERO,
            connect(0, "10.46.0.2:5000", "10.46.0.1:5060", None),
        );
        assert_eq!(
            l.poll_event(),
            Some(TransportEvent::Failed {
                conn: ConnId(0),
                reason: "the ims PDN has no address for the UE's IP stack".into()
            })
        );
    }

    #[test]
    fn link_maps_client_and_accepted_connection_ids_and_carries_bytes() {
        let mut w = Wire::new(&["10.46.0.2"], &["10.46.0.1"]);
        w.pc.tcp_listen(5060).unwrap();
        w.cmd(connect(0, "10.46.0.2:49200", "10.46.0.1:5060", None));
        w.settle();
        assert_eq!(w.events, [TransportEvent::Connected { conn: ConnId(0) }]);
        assert!(w.link.host_conn(ConnId(0)).is_some());
        w.cmd(TransportCommand::Send {
            conn: ConnId(0),
            bytes: b"REGISTER".to_vec(),
        });
        w.settle();
        let s = w.accepted_by_pcscf()[0];
        assert_eq!(w.pc.endpoints(s).unwrap().1, sock("10.46.0.2:49200"));
        assert_eq!(w.pc.recv(s), b"REGISTER");
        w.pc.send(s, b"SIP/2.0 401");
        w.settle();
        assert_eq!(
            w.events[1],
            TransportEvent::Data {
                conn: ConnId(0),
                bytes: b"SIP/2.0 401".to_vec()
            }
        );

        // The UE's server port: the P-CSCF's connections get accepted ids.
        w.cmd(TransportCommand::Listen {
            local: sock("10.46.0.2:50001"),
            sa: None,
        });
        let a = w.pc.tcp_connect(6100, sock("10.46.0.2:50001")).unwrap();
        let b = w.pc.tcp_connect(6102, sock("10.46.0.2:50001")).unwrap();
        w.settle();
        let accepted: Vec<(ConnId, SocketAddr, SocketAddr)> = w
            .events
            .iter()
            .filter_map(|e| match e {
                TransportEvent::Accepted {
                    conn,
                    local,
                    remote,
                } => Some((*conn, *local, *remote)),
                _ => None,
            })
            .collect();
        assert_eq!(
            accepted,
            [
                (
                    ConnId::accepted(0),
                    sock("10.46.0.2:50001"),
                    sock("10.46.0.1:6100")
                ),
                (
                    ConnId::accepted(1),
                    sock("10.46.0.2:50001"),
                    sock("10.46.0.1:6102")
                ),
            ]
        );
        w.pc.send(b, b"NOTIFY");
        w.settle();
        assert_eq!(
            w.events.last(),
            Some(&TransportEvent::Data {
                conn: ConnId::accepted(1),
                bytes: b"NOTIFY".to_vec()
            })
        );
        // The peer closes one: the client hears Closed, the link closes back.
        w.pc.close(a);
        w.run(Duration::from_secs(1));
        assert!(w.events.contains(&TransportEvent::Closed {
            conn: ConnId::accepted(0)
        }));
        assert!(w.link.host_conn(ConnId::accepted(0)).is_none());
        assert!(w.pc_events.contains(&HostEvent::Closed {
            conn: a,
            reason: CloseReason::Graceful
        }));
    }

    fn sa_set() -> SaSet {
        SaSet {
            id: SaSetId(0x1000),
            ue: ip("10.46.0.2"),
            pcscf: ip("10.46.0.1"),
            ue_ports: ProtectedPorts {
                spi_c: 0x1000,
                spi_s: 0x1001,
                port_c: 50000,
                port_s: 50001,
            },
            pcscf_ports: ProtectedPorts {
                spi_c: 0x2000,
                spi_s: 0x2001,
                port_c: 6100,
                port_s: 6101,
            },
            alg: IntegrityAlg::HmacSha1_96,
            ealg: EncryptionAlg::Null,
            keys: EspKeys::derive(
                &Ik::new([7; 16]),
                &Ck::new([8; 16]),
                IntegrityAlg::HmacSha1_96,
                EncryptionAlg::Null,
            ),
        }
    }

    #[test]
    fn link_installs_the_two_sa_pairs_of_ts_33_203_and_protects_the_ue_ports() {
        let mut w = Wire::new(&["10.46.0.2"], &["10.46.0.1"]);
        let set = sa_set();
        w.cmd(TransportCommand::InstallSas(Box::new(set.clone())));
        let pairs: Vec<(u16, SocketAddr, u32, u32)> = w
            .link
            .sa_pairs(set.id)
            .iter()
            .map(|p| (p.local_port, p.remote, p.spi_out, p.spi_in))
            .collect();
        assert_eq!(
            pairs,
            [
                // port-c -> P-CSCF port-s: out with its spi-s, in with our spi-c.
                (50000, sock("10.46.0.1:6101"), 0x2001, 0x1000),
                // port-s <- P-CSCF port-c: out with its spi-c, in with our spi-s.
                (50001, sock("10.46.0.1:6100"), 0x2000, 0x1001),
            ]
        );
        let host = w.link.host().unwrap();
        assert!(host.is_protected(50000) && host.is_protected(50001));

        // The P-CSCF's mirror pairs; the REGISTER goes port-c -> port-s in ESP.
        for (local_port, remote, spi_out, spi_in) in [
            (6101, "10.46.0.2:50000", 0x1000, 0x2001),
            (6100, "10.46.0.2:50001", 0x1001, 0x2000),
        ] {
            w.pc.add_sa_pair(SaPair {
                local_port,
                remote: sock(remote),
                protocol: None,
                spi_out,
                spi_in,
                keys: set.keys.clone(),
            })
            .unwrap();
        }
        w.pc.tcp_listen(6101).unwrap();
        w.cmd(connect(
            1,
            "10.46.0.2:50000",
            "10.46.0.1:6101",
            Some(set.id),
        ));
        w.cmd(TransportCommand::Send {
            conn: ConnId(1),
            bytes: b"REGISTER".to_vec(),
        });
        w.settle();
        assert!(
            w.events
                .contains(&TransportEvent::Connected { conn: ConnId(1) })
        );
        let s = w.accepted_by_pcscf()[0];
        assert_eq!(w.pc.recv(s), b"REGISTER");
        assert!(!w.uplink.is_empty());
        for p in &w.uplink {
            assert_eq!(crate::codec::esp::peek_spi(p), Ok(0x2001), "ESP to port-s");
        }
        assert!(w.pc.counters().esp_rx >= 2);

        // Removing the set resets its connection (through the SAs, so the
        // P-CSCF takes the RST), removes both pairs and unprotects the
        // ports; with nothing left, the stack goes.
        let rx_before = w.pc.counters().esp_rx;
        w.cmd(TransportCommand::RemoveSas(set.id));
        assert!(w.link.sa_pairs(set.id).is_empty());
        if let Some(host) = w.link.host() {
            assert_eq!(host.sa_pairs().count(), 0);
            assert!(!host.is_protected(50000) && !host.is_protected(50001));
        }
        w.settle();
        assert!(w.events.contains(&TransportEvent::Failed {
            conn: ConnId(1),
            reason: "its SAs were removed".into()
        }));
        assert_eq!(w.pc.counters().esp_rx, rx_before + 1, "the RST in ESP");
    }

    #[test]
    fn link_fails_connections_it_cannot_make_and_says_why() {
        let mut w = Wire::new(&["10.46.0.2"], &["10.46.0.1"]);
        w.cmd(connect(0, "10.46.0.9:5000", "10.46.0.1:5060", None));
        w.cmd(connect(
            1,
            "10.46.0.2:5001",
            "10.46.0.1:5060",
            Some(SaSetId(4)),
        ));
        w.cmd(connect(2, "10.46.0.2:5002", "[fd00:46::1]:5060", None));
        // Nobody listens on 5060: the P-CSCF's host answers RST.
        w.cmd(connect(3, "10.46.0.2:5003", "10.46.0.1:5060", None));
        w.settle();
        let failed: Vec<(u32, String)> = w
            .events
            .iter()
            .filter_map(|e| match e {
                TransportEvent::Failed { conn, reason } => Some((conn.0, reason.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            failed,
            [
                (0, "10.46.0.9 is not an address of the UE's ims PDN".into()),
                (1, "SA set 4 is not installed".into()),
                (
                    2,
                    "10.46.0.2:5002 and [fd00:46::1]:5060 are of different IP versions".into()
                ),
                (3, REFUSED.into()),
            ]
        );
        // An SA set that could not be installed fails its connections.
        let mut bad = sa_set();
        bad.ue = ip("10.46.0.99");
        w.cmd(TransportCommand::InstallSas(Box::new(bad)));
        w.cmd(connect(
            4,
            "10.46.0.2:50000",
            "10.46.0.1:6101",
            Some(SaSetId(0x1000)),
        ));
        assert!(matches!(
            w.link.poll_event(),
            Some(TransportEvent::Failed { conn: ConnId(4), reason })
                if reason.starts_with("its SAs could not be installed: 10.46.0.99")
        ));
    }

    #[test]
    fn link_gives_up_a_handshake_the_client_closes() {
        let mut w = Wire::new(&["10.46.0.2"], &["10.46.0.1"]);
        w.cmd(connect(0, "10.46.0.2:5000", "10.46.0.9:5060", None));
        assert_eq!(
            w.link.poll_packet().map(|p| p[33] & 0x12),
            Some(0x02),
            "SYN"
        );
        w.cmd(TransportCommand::Close { conn: ConnId(0) });
        w.run(Duration::from_secs(30));
        assert!(w.events.is_empty(), "no event after Close");
        // Nothing left in it: the stack is dropped, no SYN is resent.
        assert!(w.link.host().is_none());
        assert_eq!(w.link.poll_timeout(), None);
        let flags: Vec<u8> = w.uplink.iter().map(|p| p[33]).collect();
        assert_eq!(flags, [0x14], "one RST, no SYN again");
    }

    #[test]
    fn link_takes_a_later_ipv6_address_and_forgets_all_when_the_pdn_goes() {
        let mut w = Wire::new(&["10.46.0.2"], &["fd00:46::1"]);
        w.cmd(TransportCommand::Listen {
            local: sock("10.46.0.2:50001"),
            sa: None,
        });
        assert!(w.link.host().is_some());
        w.link
            .bearer_up(w.now, &[ip("10.46.0.2"), ip("fd00:46::2")]);
        w.pc.tcp_listen(5060).unwrap();
        w.cmd(connect(0, "[fd00:46::2]:5000", "[fd00:46::1]:5060", None));
        w.settle();
        assert_eq!(w.events, [TransportEvent::Connected { conn: ConnId(0) }]);
        assert_eq!(w.uplink[0][0] >> 4, 6);
        w.link.bearer_down(w.now);
        assert!(w.link.host().is_none());
        assert_eq!(w.link.poll_timeout(), None);
        assert_eq!(w.link.poll_event(), None);
        assert!(w.link.host_conn(ConnId(0)).is_none());
    }
}
