//! The pcap sink: every message event becomes a frame between the two nodes'
//! addresses from the topology, in its real transport, so Wireshark reads
//! the file like a capture: S1AP in SCTP DATA chunks (PPID 18, port 36412),
//! GTPv2-C in UDP 2123, GTP-U in UDP 2152, Diameter in TCP (the HSS listens on
//! 3868), SIP in UDP 5060, SGi packets as raw IP. The simulated radio (Uu)
//! is not a wire and is not written.

use super::event::MessageEvent;
use super::pcap::{Packet, PcapWriter, SctpData};
use crate::nodes::{Iface, NodeId};
use crate::topology::{NodeKind, Topology};
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};

/// Diameter server port (RFC 6733 2.1).
const DIAMETER_PORT: u16 = 3868;

/// Writes message events to a pcap.
pub struct Capture<W: Write> {
    writer: PcapWriter<W>,
    addrs: Vec<IpAddr>,
    diameter_server: Vec<bool>,
    frames: u64,
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
        })
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
