//! The pcap sink: every message event becomes a frame between the two nodes'
//! addresses from the topology, in its real transport, so Wireshark reads
//! the file like a capture: S1AP in SCTP DATA chunks (PPID 18, port 36412),
//! GTPv2-C in UDP 2123, GTP-U in UDP 2152, Diameter in TCP (the HSS listens on
//! 3868), SIP in UDP 5060, SGi packets as raw IP. The simulated radio (Uu)
//! is not a wire and is not written.
//!
//! A real peer connected over TCP (see [`PeerEvent`]) is written with the
//! real addresses: its socket address and the address it connected to.
//!
//! When IPsec SAs with encryption are set up, the P-CSCF's IP stack reports
//! their keys as a [`NodeEvent::EspSa`] event; the capture keeps those lines
//! and [`Capture::write_esp_sa`] writes them as a Wireshark `esp_sa` file
//! beside the pcap ([`esp_sa_path`]), so the ESP can be decrypted. Nothing
//! else writes the keys.

use super::event::{Event, MessageEvent, PeerEvent};
use super::pcap::{Packet, PcapWriter, SctpData};
use crate::nodes::{EspSaLines, Iface, NodeEvent, NodeId};
use crate::topology::{NodeKind, Topology};
use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

/// Where the `esp_sa` file of the capture `pcap` goes: beside it, with the
/// extension `esp_sa` (`attach.pcap` -> `attach.esp_sa`). Wireshark reads it
/// as the file `esp_sa` of a profile or configuration directory
/// (`WIRESHARK_CONFIG_DIR`), with `esp.enable_encryption_decode: TRUE`.
pub fn esp_sa_path(pcap: &Path) -> PathBuf {
    pcap.with_extension("esp_sa")
}

/// Diameter server port (RFC 6733 2.1).
const DIAMETER_PORT: u16 = 3868;

/// Writes message events to a pcap.
pub struct Capture<W: Write> {
    writer: PcapWriter<W>,
    addrs: Vec<IpAddr>,
    diameter_server: Vec<bool>,
    /// Real peers: their address and the address they connected to.
    external: HashMap<NodeId, (SocketAddr, SocketAddr)>,
    frames: u64,
    esp_sa: Vec<String>,
}

impl<W: Write> Capture<W> {
    /// A capture of `topo`'s traffic into `out`.
    pub fn new(out: W, topo: &Topology) -> io::Result<Self> {
        let mut writer = PcapWriter::new(out);
        writer.write_header()?;
        Ok(Self {
            writer,
            addrs: topo.nodes.iter().map(|n| n.addr).collect(),
            diameter_server: topo
                .nodes
                .iter()
                .map(|n| matches!(n.kind, NodeKind::Hss(_)))
                .collect(),
            external: HashMap::new(),
            frames: 0,
            esp_sa: Vec::new(),
        })
    }

    /// Takes one event: a message is written (see [`Capture::write`]), the
    /// keys of encrypted SAs are kept for [`Capture::write_esp_sa`].
    pub fn observe(&mut self, e: &Event) -> io::Result<bool> {
        match e {
            Event::Message(m) => self.write(m),
            Event::Node {
                event: NodeEvent::EspSa(lines),
                ..
            } => {
                self.esp_sa(lines);
                Ok(false)
            }
            Event::Node { .. } => Ok(false),
            Event::Peer(p) => {
                self.peer(p);
                Ok(false)
            }
        }
    }

    /// Learns the addresses of a real peer, for its messages.
    pub fn peer(&mut self, p: &PeerEvent) {
        self.external.insert(p.id, (p.peer, p.local));
    }

    /// The two ends of a message with a real peer: (source, destination).
    fn external_ends(&self, m: &MessageEvent) -> Option<(SocketAddr, SocketAddr)> {
        if let Some(&(peer, local)) = self.external.get(&m.from) {
            Some((peer, local))
        } else {
            self.external.get(&m.to).map(|&(peer, local)| (local, peer))
        }
    }

    /// Keeps the `esp_sa` lines of SAs set up during the capture.
    pub fn esp_sa(&mut self, lines: &EspSaLines) {
        for l in &lines.0 {
            if !self.esp_sa.contains(l) {
                self.esp_sa.push(l.clone());
            }
        }
    }

    /// The `esp_sa` lines kept so far.
    pub fn esp_sa_lines(&self) -> &[String] {
        &self.esp_sa
    }

    /// Writes the `esp_sa` file of the capture `pcap` (see [`esp_sa_path`])
    /// when encrypted SAs were seen; returns its path.
    pub fn write_esp_sa(&self, pcap: &Path) -> io::Result<Option<PathBuf>> {
        if self.esp_sa.is_empty() {
            return Ok(None);
        }
        let path = esp_sa_path(pcap);
        std::fs::write(&path, crate::crypto::ipsec::esp_sa_file(&self.esp_sa))?;
        Ok(Some(path))
    }

    /// Frames written so far.
    pub fn frames(&self) -> u64 {
        self.frames
    }

    fn addr(&self, id: NodeId) -> IpAddr {
        self.addrs
            .get(id.0 as usize)
            .copied()
            .unwrap_or(IpAddr::from([127, 0, 0, 254]))
    }

    fn diameter_port(&self, id: NodeId) -> u16 {
        if self
            .diameter_server
            .get(id.0 as usize)
            .copied()
            .unwrap_or(false)
        {
            DIAMETER_PORT
        } else {
            // A stable ephemeral port per client node.
            40_000 + (id.0 % 20_000) as u16
        }
    }

    /// Writes one message; returns false for interfaces that are not written (Uu).
    pub fn write(&mut self, m: &MessageEvent) -> io::Result<bool> {
        let (src, dst) = (self.addr(m.from), self.addr(m.to));
        let sa = |ip, port| SocketAddr::new(ip, port);
        let ts = m.t.as_micros();
        let packet = match m.iface {
            Iface::Uu => return Ok(false),
            Iface::S1Mme => Packet::Sctp {
                src: sa(src, crate::codec::s1ap::SCTP_PORT),
                dst: sa(dst, crate::codec::s1ap::SCTP_PORT),
                data: SctpData::new(m.stream, crate::codec::s1ap::SCTP_PPID),
                payload: &m.bytes,
            },
            Iface::S11 => Packet::Udp {
                src: sa(src, 2123),
                dst: sa(dst, 2123),
                payload: &m.bytes,
            },
            Iface::S1U => Packet::Udp {
                src: sa(src, 2152),
                dst: sa(dst, 2152),
                payload: &m.bytes,
            },
            Iface::S6a | Iface::Cx => {
                let (src, dst) = self.external_ends(m).unwrap_or_else(|| {
                    (
                        sa(src, self.diameter_port(m.from)),
                        sa(dst, self.diameter_port(m.to)),
                    )
                });
                Packet::Tcp {
                    src,
                    dst,
                    payload: &m.bytes,
                }
            }
            Iface::Gm | Iface::Mw => Packet::Udp {
                src: sa(src, 5060),
                dst: sa(dst, 5060),
                payload: &m.bytes,
            },
            Iface::SGi => Packet::Ip(&m.bytes),
        };
        self.writer.write_packet(ts, &packet)?;
        self.frames += 1;
        Ok(true)
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.flush()?;
        Ok(self.writer.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::Time;
    use bytes::Bytes;

    /// TCP ports of each frame (Ethernet + IPv4 frames).
    fn tcp_ports(pcap: &[u8]) -> Vec<(IpAddr, u16, IpAddr, u16)> {
        let mut out = Vec::new();
        let mut at = 24;
        while at + 16 <= pcap.len() {
            let len = u32::from_le_bytes(pcap[at + 8..at + 12].try_into().unwrap()) as usize;
            let f = &pcap[at + 16..at + 16 + len];
            let ip = &f[14..];
            let tcp = &ip[20..];
            let addr = |o: usize| IpAddr::from(<[u8; 4]>::try_from(&ip[o..o + 4]).unwrap());
            let port = |o: usize| u16::from_be_bytes([tcp[o], tcp[o + 1]]);
            out.push((addr(12), port(0), addr(16), port(2)));
            at += 16 + len;
        }
        out
    }

    #[test]
    fn capture_writes_real_peers_with_their_socket_addresses() {
        let topo = crate::topology::load_from_str(
            "nodes:\n  gw1: { kind: gateway, apns: { internet: { pool: 10.45.0.0/16 } } }\n  hss1: { kind: hss, addr: 127.0.0.4 }\n",
        )
        .unwrap()
        .topology;
        let hss = topo.find("hss1").unwrap().0;
        let ext = NodeId(NodeId::FIRST_EXTERNAL);
        let mut c = Capture::new(Vec::new(), &topo).unwrap();
        let peer: SocketAddr = "192.0.2.7:51234".parse().unwrap();
        let local: SocketAddr = "127.0.0.4:3870".parse().unwrap();
        c.observe(&Event::Peer(PeerEvent {
            t: Time::ZERO,
            id: ext,
            node: hss,
            iface: Iface::S6a,
            peer,
            local,
        }))
        .unwrap();
        let msg = |from, to| {
            Event::Message(MessageEvent {
                t: Time::from_millis(1),
                from,
                to,
                iface: Iface::S6a,
                stream: 0,
                imsi: None,
                bytes: Bytes::from_static(&[
                    1, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                ]),
            })
        };
        assert!(c.observe(&msg(ext, hss)).unwrap());
        assert!(c.observe(&msg(hss, ext)).unwrap());
        // An id nobody announced still gets a frame, on a stand-in address.
        assert!(c.observe(&msg(NodeId(ext.0 + 1), hss)).unwrap());
        let ports = tcp_ports(&c.finish().unwrap());
        assert_eq!(ports[0], (peer.ip(), 51234, local.ip(), 3870));
        assert_eq!(ports[1], (local.ip(), 3870, peer.ip(), 51234));
        assert_eq!(ports[2].2, local.ip());
    }
}
