//! Gm over the real user plane: the P-CSCF's addresses (IPv4 and/or IPv6)
//! hosted on a userspace TCP/IP stack with the ESP shim of TS 33.203.
//!
//! - The gateway hands the UEs' IP packets to the P-CSCF node on
//!   [`Iface::SGi`], as they came out of the GTP-U tunnels; the P-CSCF
//!   sends its own back to the gateway node on SGi, which finds the UE by
//!   destination address.
//! - A [`HostSet`] keeps one small stack per UE address, so the work of a
//!   packet does not grow with the number of UEs (a `HashMap` lookup, then
//!   a stack holding that UE's few sockets). Every stack listens on 5060 and
//!   on the P-CSCF's protected server port; both protected ports drop plain
//!   packets (TS 33.203 7.1: once SAs exist, requests come through them).
//! - An SA set becomes the two [`SaPair`]s of [`SaSet::pcscf_pairs`] on the
//!   UE's stack; a connection on one of their flows is protected by that
//!   set, which the core is told with every message.
//! - SIP is framed per connection (RFC 3261 18.3). A message for the UE goes
//!   on the connection of its flow, or on a new one (the P-CSCF's port-c to
//!   the UE's port-s for requests through the SAs).
//! - Every packet the shim drops (a plain packet to a protected port, an
//!   ESP packet with a bad ICV, a replayed sequence number, an unknown SPI)
//!   is counted and explained in a Note.
//! - When encryption is on, the SAs' Wireshark `esp_sa` lines go out as a
//!   [`NodeEvent::EspSa`] event for the capture (they hold keys: only the
//!   pcap sink writes them, into a file beside the capture).

use super::gm::{FromUe, GmCommand, GmTransport, SaId, SaSet, ToUe};
use crate::codec::esp::{IPPROTO_ESP, peek_spi};
use crate::codec::gtpu::inner_ip;
use crate::codec::sip::Framer;
use crate::nodes::ipstack::{
    ConnId, HostConfig, HostCounters, HostEvent, HostSet, IPPROTO_TCP, SaPairId,
};
use crate::nodes::{EspSaLines, Iface, NodeEvent, NodeId, Output, Time, Transmit};
use crate::topology::IpsecEncryption;
use bytes::Bytes;
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// The unprotected SIP port (RFC 3261 19.1.2).
const SIP_PORT: u16 = 5060;
/// How often stacks that hold nothing any more are looked for.
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// A stack with no socket and no SA is dropped after this long.
const IDLE_FOR: Duration = Duration::from_secs(120);
/// How long the SAs of a removed set still accept packets: the UE resets
/// its connections through them when it removes its own, and those last
/// packets (sent as the P-CSCF removed the set) are taken quietly instead
/// of being dropped as plain or unknown-SPI packets.
const SA_GRACE: Duration = Duration::from_secs(2);

/// The stack sizes of the P-CSCF's per-UE hosts: 2 KiB TCP buffers each
/// way (longer messages stream through), no UDP, and a connection whose
/// data goes unacknowledged for 64 s is given up.
pub fn pcscf_host_config() -> HostConfig {
    HostConfig {
        tcp_rx_buffer: 2048,
        tcp_tx_buffer: 2048,
        udp_buffer: 512,
        udp_packets: 1,
        tcp_timeout: Some(Duration::from_secs(64)),
        ..HostConfig::default()
    }
}

/// One TCP connection with a UE.
#[derive(Debug)]
struct Flow {
    local: SocketAddr,
    remote: SocketAddr,
    framer: Framer,
}

/// One installed SA set.
#[derive(Debug, Clone, Copy)]
struct Installed {
    ue: IpAddr,
    pcscf: IpAddr,
    pairs: [SaPairId; 2],
    /// The (our port, UE address and port) flow of each pair.
    flows: [(u16, SocketAddr); 2],
}

/// The counters of the shim that say a packet was dropped, with the words
/// of their Note.
const DROPS: [(&str, &str); 8] = [
    (
        "plain_to_protected_dropped",
        "a plain packet to a protected port: only ESP is accepted there (TS 33.203 7.1)",
    ),
    (
        "esp_bad_icv",
        "an ESP packet whose ICV does not check (RFC 4303 3.4.4.1): altered or not from the SA's peer",
    ),
    (
        "esp_replay",
        "an ESP packet with a sequence number already received or left of the window (RFC 4303 3.4.3): a replay",
    ),
    ("esp_unknown_spi", "an ESP packet whose SPI matches no SA"),
    ("esp_bad_padding", "an ESP packet with bad padding"),
    ("esp_malformed", "an ESP packet that does not parse"),
    (
        "esp_policy_mismatch",
        "an ESP packet whose inner addresses and ports are not those of its SA",
    ),
    (
        "rx_not_for_us",
        "a packet for an address that is not the P-CSCF's",
    ),
];

/// [`GmTransport`] on a [`HostSet`] behind the gateway's SGi.
pub struct IpGm {
    set: HostSet,
    /// Gateways whose IMS stack this P-CSCF is.
    gateways: Vec<NodeId>,
    /// UE address -> the gateway its packets came from.
    via: HashMap<IpAddr, NodeId>,
    /// UE address -> subscriber, for `Transmit.imsi`.
    imsi: HashMap<IpAddr, u64>,
    flows: HashMap<(IpAddr, ConnId), Flow>,
    /// (our address and port, UE address and port) -> connection.
    by_ends: HashMap<(SocketAddr, SocketAddr), ConnId>,
    sas: HashMap<SaId, Installed>,
    /// (our port, UE address and port) -> the SA set protecting that flow.
    sa_of_flow: HashMap<(u16, SocketAddr), SaId>,
    /// SA pairs of removed sets, taken out for good at the time given.
    retiring: VecDeque<(Time, IpAddr, [SaPairId; 2])>,
    /// Messages framed outside `receive` (handed over at the next call).
    inbox: Vec<FromUe>,
    /// The shim's counters as last reported.
    seen: HostCounters,
    no_stack_seen: u64,
    next_sweep: Option<Time>,
    now: Time,
}

impl std::fmt::Debug for IpGm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IpGm")
            .field("stacks", &self.set.len())
            .field("flows", &self.flows.len())
            .field("sas", &self.sas.len())
            .finish_non_exhaustive()
    }
}

fn note(out: &mut Vec<Output>, imsi: Option<u64>, text: String) {
    out.push(Output::Event(NodeEvent::Note { imsi, text }));
}

impl IpGm {
    /// A transport on `addrs` (the P-CSCF's IPv4 and/or IPv6 address) with
    /// protected ports `port_c` and `port_s` (left open when `protect` is
    /// false: IPsec off), reached through `gateways`; `seed` drives TCP
    /// sequence numbers and IVs.
    pub fn new(
        addrs: &[IpAddr],
        port_c: u16,
        port_s: u16,
        protect: bool,
        gateways: Vec<NodeId>,
        seed: u64,
    ) -> Result<Self, String> {
        let mut listen = vec![SIP_PORT];
        if protect && port_s != SIP_PORT {
            listen.push(port_s);
        }
        let mut set = HostSet::with_config(addrs, &listen, seed, pcscf_host_config())
            .map_err(|e| format!("the P-CSCF's IP stack cannot start on {addrs:?}: {e}"))?;
        if protect {
            set.protect_port(port_c);
            set.protect_port(port_s);
        }
        Ok(Self {
            set,
            gateways,
            via: HashMap::new(),
            imsi: HashMap::new(),
            flows: HashMap::new(),
            by_ends: HashMap::new(),
            sas: HashMap::new(),
            sa_of_flow: HashMap::new(),
            retiring: VecDeque::new(),
            inbox: Vec::new(),
            seen: HostCounters::default(),
            no_stack_seen: 0,
            next_sweep: None,
            now: Time::ZERO,
        })
    }

    /// The stacks, for tests and sizing.
    pub fn hosts(&self) -> &HostSet {
        &self.set
    }

    /// Open connections.
    pub fn connections(&self) -> usize {
        self.flows.len()
    }

    /// Installed SA sets.
    pub fn installed(&self) -> usize {
        self.sas.len()
    }

    /// Approximate bytes held (stacks, connection and SA tables).
    pub fn memory_bytes(&self) -> usize {
        self.set.memory_bytes()
            + self.flows.capacity() * (size_of::<(IpAddr, ConnId)>() + size_of::<Flow>())
            + self
                .flows
                .values()
                .map(|f| f.framer.buffered())
                .sum::<usize>()
            + self.by_ends.capacity() * (size_of::<(SocketAddr, SocketAddr)>() + 4)
            + self.sas.capacity() * (size_of::<SaId>() + size_of::<Installed>())
            + self.sa_of_flow.capacity() * (size_of::<(u16, SocketAddr)>() + 4)
            + (self.via.capacity() + self.imsi.capacity()) * 32
    }

    fn gateway_for(&self, ue: IpAddr) -> Option<NodeId> {
        self.via
            .get(&ue)
            .copied()
            .or_else(|| self.gateways.first().copied())
    }

    /// Counts and explains what the shim dropped since the last look.
    fn report_drops(&mut self, packet: Option<&[u8]>, out: &mut Vec<Output>) {
        let now = *self.set.counters();
        let no_stack = self.set.stats().no_stack;
        if now == self.seen && no_stack == self.no_stack_seen {
            return;
        }
        let before: HashMap<&str, u32> = self.seen.iter().collect();
        let src = packet.and_then(inner_ip).map(|ip| ip.src);
        let imsi = src.and_then(|a| self.imsi.get(&a).copied());
        let what = packet.map(describe_packet).unwrap_or_default();
        for (name, value) in now.iter() {
            let old = before.get(name).copied().unwrap_or(0);
            if value == old {
                continue;
            }
            if let Some((counter, words)) = DROPS.iter().find(|(n, _)| *n == name) {
                out.push(Output::Event(NodeEvent::Counter {
                    name: counter,
                    value: u64::from(value),
                }));
                let from = src.map_or_else(String::new, |a| format!(" from {a}"));
                note(
                    out,
                    imsi,
                    format!("dropped {what}{from} at the P-CSCF's IP stack: {words}"),
                );
            } else if name == "esp_tx_failed" {
                out.push(Output::Event(NodeEvent::Counter {
                    name: "esp_tx_failed",
                    value: u64::from(value),
                }));
            }
        }
        if no_stack != self.no_stack_seen && now == self.seen {
            // A stray segment for a connection the P-CSCF no longer has.
            out.push(Output::Event(NodeEvent::Counter {
                name: "ip_no_connection",
                value: no_stack,
            }));
        }
        self.seen = now;
        self.no_stack_seen = no_stack;
    }

    /// The SA set a connection's flow runs in.
    fn sa_of(&self, local: SocketAddr, remote: SocketAddr) -> Option<SaId> {
        self.sa_of_flow.get(&(local.port(), remote)).copied()
    }

    fn forget_flow(&mut self, peer: IpAddr, conn: ConnId) {
        if let Some(f) = self.flows.remove(&(peer, conn))
            && self.by_ends.get(&(f.local, f.remote)) == Some(&conn)
        {
            self.by_ends.remove(&(f.local, f.remote));
        }
    }

    /// Reads whole SIP messages off a connection.
    fn read(&mut self, peer: IpAddr, conn: ConnId, out: &mut Vec<Output>) {
        let bytes = self.set.recv(peer, conn);
        let Some(f) = self.flows.get_mut(&(peer, conn)) else {
            return;
        };
        if !bytes.is_empty() {
            f.framer.push(&bytes);
        }
        let (local, remote) = (f.local, f.remote);
        let mut frames = Vec::new();
        let mut broken = None;
        loop {
            match f.framer.next_frame() {
                Ok(Some(m)) => frames.push(m),
                Ok(None) => break,
                Err(e) => {
                    broken = Some(e);
                    break;
                }
            }
        }
        let protected = self.sa_of(local, remote);
        for m in frames {
            self.inbox.push(FromUe {
                src: remote,
                dst: local,
                protected,
                bytes: Bytes::from(m),
            });
        }
        if let Some(e) = broken {
            // RFC 3261 18.3: a stream that cannot be framed cannot be
            // resynchronised.
            note(
                out,
                self.imsi.get(&peer).copied(),
                format!("closed TCP {remote} -> {local}: its SIP stream cannot be framed ({e})"),
            );
            if let Some(h) = self.set.host_mut(peer) {
                h.abort(conn);
            }
            self.forget_flow(peer, conn);
        }
    }

    fn host_event(&mut self, peer: IpAddr, e: HostEvent, out: &mut Vec<Output>) {
        match e {
            HostEvent::Accepted {
                conn,
                local,
                peer: remote,
            } => {
                self.flows.insert(
                    (peer, conn),
                    Flow {
                        local,
                        remote,
                        framer: Framer::new(),
                    },
                );
                self.by_ends.insert((local, remote), conn);
            }
            HostEvent::Readable(conn) => self.read(peer, conn, out),
            HostEvent::PeerClosed(conn) => {
                self.read(peer, conn, out);
                // The UE is done with it: close ours too.
                self.set.close(peer, conn);
                self.forget_flow(peer, conn);
            }
            HostEvent::Closed { conn, .. } => {
                self.read(peer, conn, out);
                self.forget_flow(peer, conn);
            }
            HostEvent::Connected(_) | HostEvent::UdpReadable { .. } => {}
        }
    }

    /// Runs the stacks until they are quiet: events in, packets out.
    fn drive(&mut self, now: Time, out: &mut Vec<Output>) {
        self.now = self.now.max(now);
        // Bounded: each round moves something or stops.
        for _ in 0..64 {
            let mut moved = false;
            while let Some((peer, e)) = self.set.poll_event() {
                moved = true;
                self.host_event(peer, e, out);
            }
            for p in self.set.poll(now) {
                moved = true;
                self.transmit(p, out);
            }
            if !moved {
                break;
            }
        }
        self.report_drops(None, out);
        if self.next_sweep.is_none() && !self.set.is_empty() {
            self.next_sweep = Some(now + SWEEP_EVERY);
        }
    }

    fn transmit(&mut self, packet: Vec<u8>, out: &mut Vec<Output>) {
        let Some(ue) = inner_ip(&packet).map(|ip| ip.dst) else {
            return;
        };
        let Some(gw) = self.gateway_for(ue) else {
            note(
                out,
                None,
                format!(
                    "dropped a packet for {ue}: no gateway delivers IMS traffic to this P-CSCF"
                ),
            );
            return;
        };
        out.push(Output::Transmit(Transmit {
            iface: Iface::SGi,
            to: gw,
            bytes: Bytes::from(packet),
            stream: 0,
            imsi: self.imsi.get(&ue).copied(),
        }));
    }

    fn send(&mut self, now: Time, m: ToUe, out: &mut Vec<Output>) {
        let peer = m.dst.ip();
        if let Some(i) = m.imsi {
            self.imsi.insert(peer, i);
        }
        let conn = match self.by_ends.get(&(m.src, m.dst)).copied() {
            Some(c) => c,
            None => {
                // Without SAs, a request may go back on the UE's own
                // connection to 5060 (RFC 3261 18.2.2 reuses connections).
                let reuse = m
                    .via_sa
                    .is_none()
                    .then(|| {
                        self.flows
                            .iter()
                            .find(|((p, _), f)| *p == peer && f.local == m.src)
                            .map(|((_, c), _)| *c)
                    })
                    .flatten();
                match reuse {
                    Some(c) => c,
                    None => match self.set.tcp_connect(m.src.port(), m.dst) {
                        Ok(c) => {
                            self.flows.insert(
                                (peer, c),
                                Flow {
                                    local: m.src,
                                    remote: m.dst,
                                    framer: Framer::new(),
                                },
                            );
                            self.by_ends.insert((m.src, m.dst), c);
                            c
                        }
                        Err(e) => {
                            note(
                                out,
                                m.imsi,
                                format!(
                                    "could not open TCP {} -> {} for a message to the UE: {e}",
                                    m.src, m.dst
                                ),
                            );
                            return;
                        }
                    },
                }
            }
        };
        if self.set.send(peer, conn, &m.bytes) == 0 && !m.bytes.is_empty() {
            note(
                out,
                m.imsi,
                format!(
                    "could not send to {}: the TCP connection from {} is closing",
                    m.dst, m.src
                ),
            );
            self.forget_flow(peer, conn);
        }
        self.drive(now, out);
    }

    fn install(&mut self, now: Time, s: &SaSet, out: &mut Vec<Output>) {
        let pairs = s.pcscf_pairs();
        let flows = [
            (pairs[0].local_port, pairs[0].remote),
            (pairs[1].local_port, pairs[1].remote),
        ];
        let lines = (s.encryption != IpsecEncryption::Null).then(|| {
            pairs
                .iter()
                .flat_map(|p| {
                    [
                        p.keys.esp_sa_line(s.pcscf.addr, p.remote.ip(), p.spi_out),
                        p.keys.esp_sa_line(p.remote.ip(), s.pcscf.addr, p.spi_in),
                    ]
                })
                .collect::<Vec<_>>()
        });
        let host = match self.set.host_or_create(s.ue.addr) {
            Ok(h) => h,
            Err(e) => {
                note(
                    out,
                    None,
                    format!("could not install {} for {}: {e}", s.id, s.ue.addr),
                );
                return;
            }
        };
        let [a, b] = pairs;
        let first = match host.add_sa_pair(a) {
            Ok(id) => id,
            Err(e) => {
                note(out, None, format!("could not install {}: {e}", s.id));
                return;
            }
        };
        let second = match host.add_sa_pair(b) {
            Ok(id) => id,
            Err(e) => {
                host.remove_sa_pair(first);
                note(out, None, format!("could not install {}: {e}", s.id));
                return;
            }
        };
        for f in flows {
            self.sa_of_flow.insert(f, s.id);
        }
        self.sas.insert(
            s.id,
            Installed {
                ue: s.ue.addr,
                pcscf: s.pcscf.addr,
                pairs: [first, second],
                flows,
            },
        );
        if let Some(lines) = lines {
            out.push(Output::Event(NodeEvent::EspSa(EspSaLines(lines))));
        }
        self.drive(now, out);
    }

    /// Removes an SA set. Connections on its flows can carry nothing any
    /// more (both ends drop plain packets on protected ports): they are
    /// reset, through the SAs; the SA pairs go after [`SA_GRACE`].
    fn remove(&mut self, now: Time, id: SaId, out: &mut Vec<Output>) {
        let Some(s) = self.sas.remove(&id) else {
            return;
        };
        let mut reset = false;
        for (port, remote) in s.flows {
            if self.sa_of_flow.get(&(port, remote)) != Some(&id) {
                // A newer set runs on the same flow (the UE answered a new
                // challenge from the same ports): its connection stays.
                continue;
            }
            self.sa_of_flow.remove(&(port, remote));
            let local = SocketAddr::new(s.pcscf, port);
            if let Some(conn) = self.by_ends.get(&(local, remote)).copied() {
                if let Some(h) = self.set.host_mut(s.ue) {
                    h.abort(conn);
                    reset = true;
                }
                self.forget_flow(s.ue, conn);
            }
        }
        if reset {
            self.drive(now, out);
        }
        self.retiring.push_back((now + SA_GRACE, s.ue, s.pairs));
    }

    /// Takes out the SA pairs whose grace is over.
    fn retire(&mut self, now: Time) {
        while self.retiring.front().is_some_and(|(t, _, _)| *t <= now) {
            let Some((_, ue, pairs)) = self.retiring.pop_front() else {
                break;
            };
            if let Some(h) = self.set.host_mut(ue) {
                for p in pairs {
                    h.remove_sa_pair(p);
                }
            }
        }
    }
}

/// A few words on what a dropped packet was, for its Note.
fn describe_packet(p: &[u8]) -> String {
    match inner_ip(p) {
        Some(ip) if ip.protocol == IPPROTO_ESP => match (peek_spi(p), esp_seq(p)) {
            (Ok(spi), Some(seq)) => format!("ESP (SPI {spi}, seq {seq})"),
            _ => "an ESP packet".into(),
        },
        Some(ip) if ip.protocol == IPPROTO_TCP => match ip.ports {
            Some((s, d)) => format!("TCP {s} -> {d}"),
            None => "a TCP segment".into(),
        },
        Some(ip) => format!("an IP packet (protocol {})", ip.protocol),
        None => "a packet".into(),
    }
}

/// The sequence number of an ESP packet (RFC 4303 2.2), after the SPI.
fn esp_seq(p: &[u8]) -> Option<u32> {
    let start = inner_ip(p)?.transport_offset;
    let b = p.get(start + 4..start + 8)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl GmTransport for IpGm {
    fn iface(&self) -> Iface {
        Iface::SGi
    }

    fn receive(
        &mut self,
        now: Time,
        from: NodeId,
        bytes: &[u8],
        out: &mut Vec<Output>,
    ) -> Vec<FromUe> {
        if let Some(ip) = inner_ip(bytes)
            && self.via.get(&ip.src) != Some(&from)
        {
            self.via.insert(ip.src, from);
        }
        self.set.ingest(now, bytes);
        self.report_drops(Some(bytes), out);
        self.drive(now, out);
        std::mem::take(&mut self.inbox)
    }

    fn command(&mut self, now: Time, cmd: GmCommand, out: &mut Vec<Output>) {
        match cmd {
            GmCommand::Send(m) => self.send(now, m, out),
            GmCommand::Install(s) => self.install(now, &s, out),
            // The core keeps the lifetime (TS 33.203 7.4) and removes them.
            GmCommand::Extend(..) => {}
            GmCommand::Remove(id) => self.remove(now, id, out),
        }
    }

    fn subscriber(&mut self, ue: IpAddr, imsi: u64) {
        self.imsi.insert(ue, imsi);
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.inbox.is_empty() {
            return Some(self.now);
        }
        [
            self.set.poll_at(),
            self.next_sweep,
            self.retiring.front().map(|(t, _, _)| *t),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    fn timeout(&mut self, now: Time, out: &mut Vec<Output>) -> Vec<FromUe> {
        self.retire(now);
        if self.next_sweep.is_some_and(|t| t <= now) {
            self.next_sweep = None;
            self.set.drop_idle(now, IDLE_FOR);
            let live: std::collections::HashSet<IpAddr> = self
                .flows
                .keys()
                .map(|(p, _)| *p)
                .filter(|p| self.set.host(*p).is_some())
                .collect();
            self.flows.retain(|(p, _), _| live.contains(p));
            self.by_ends.retain(|(_, r), _| live.contains(&r.ip()));
            self.via.retain(|a, _| self.set.host(*a).is_some());
            self.imsi.retain(|a, _| self.set.host(*a).is_some());
        }
        self.drive(now, out);
        std::mem::take(&mut self.inbox)
    }
}
