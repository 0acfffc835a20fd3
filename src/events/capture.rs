//! The pcap sink: every message event becomes a frame between the two nodes'
//! addresses from the topology, in its real transport, so Wireshark reads
//! the file like a capture: S1AP in SCTP DATA chunks (PPID 18, port 36412),
//! GTPv2-C in UDP 2123, GTP-U in UDP 2152, Diameter in TCP (the HSS listens on
//! 3868), SIP in UDP 5060, SGi packets as raw IP. The simulated radio (Uu)
//! is not a wire and is not written.
//!
//! When IPsec SAs with encryption are set up, the P-CSCF's IP stack reports
//! their keys as a [`NodeEvent::EspSa`] event; the capture keeps those lines
//! and [`Capture::write_esp_sa`] writes them as a Wireshark `esp_sa` file
//! beside the pcap ([`esp_sa_path`]), so the ESP can be decrypted. Nothing
//! else writes the keys.

use super::event::{Event, MessageEvent};
use super::pcap::{Packet, PcapWriter, SctpData};
use crate::nodes::{EspSaLines, Iface, NodeEvent, NodeId};
use crate::topology::{NodeKind, Topology};
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
            Iface::S6a | Iface::Cx => Packet::Tcp {
                src: sa(src, self.diameter_port(m.from)),
                dst: sa(dst, self.diameter_port(m.to)),
                payload: &m.bytes,
            },
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
