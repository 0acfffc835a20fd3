//! A sans-IO pcap writer that wraps each payload in Ethernet, IPv4/IPv6 and
//! SCTP/UDP/TCP headers, so that Wireshark dissects the capture as if it had
//! been taken on a real network.
//!
//! The file is a classic pcap (magic `a1b2c3d4`, version 2.4, microsecond
//! timestamps, link type Ethernet). The caller passes every timestamp: there
//! is no clock inside. Sequence state that a real stack would keep lives in
//! the writer, keyed by flow:
//!
//! - TCP: each direction of a 4-tuple gets consecutive sequence numbers and
//!   acknowledges what the other direction has sent, so Wireshark reassembles
//!   Diameter or SIP messages split over several segments.
//! - SCTP: each direction of an association gets consecutive TSNs (unless the
//!   caller gives one) and a stream sequence number per stream.
//!
//! Checksums are real: IPv4 header, UDP, TCP (RFC 1071 over the pseudo
//! header) and the SCTP CRC32c (RFC 9260 6.8 and Appendix A).
//!
//! ```
//! use volte_sim::events::pcap::{Packet, PcapWriter, SctpData};
//!
//! let mut w = PcapWriter::new(Vec::new());
//! w.write_header().unwrap();
//! let s1ap = [0x00, 0x11, 0x00, 0x00];
//! w.write_packet(
//!     1_000_000,
//!     &Packet::Sctp {
//!         src: "127.0.0.2:36412".parse().unwrap(),
//!         dst: "127.0.0.1:36412".parse().unwrap(),
//!         data: SctpData::new(0, 18),
//!         payload: &s1ap,
//!     },
//! )
//! .unwrap();
//! let bytes = w.into_inner();
//! assert_eq!(&bytes[..4], &[0xd4, 0xc3, 0xb2, 0xa1]);
//! ```

use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};

/// Link type of the written file: Ethernet (LINKTYPE_ETHERNET).
pub const LINKTYPE_ETHERNET: u32 = 1;
/// Largest frame a record may hold (the pcap snapshot length).
pub const SNAPLEN: u32 = 262_144;
/// Initial sequence number of every TCP direction.
pub const TCP_INITIAL_SEQ: u32 = 1000;
/// Verification tag used when the caller does not give one.
pub const DEFAULT_VERIFICATION_TAG: u32 = 1;

const ETHERTYPE_IPV4: u16 = 0x0800;
const ETHERTYPE_IPV6: u16 = 0x86dd;
const PROTO_TCP: u8 = 6;
const PROTO_UDP: u8 = 17;
const PROTO_SCTP: u8 = 132;
const ETH_LEN: usize = 14;
const IPV4_LEN: usize = 20;
const IPV6_LEN: usize = 40;
const TTL: u8 = 64;

/// How an SCTP DATA chunk is labelled (RFC 9260 3.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SctpData {
    /// Stream identifier.
    pub stream_id: u16,
    /// Payload protocol identifier (18 for S1AP, 46 for Diameter).
    pub ppid: u32,
    /// TSN; `None` lets the writer number the direction's chunks from 1.
    pub tsn: Option<u32>,
    /// Verification tag of the SCTP common header.
    pub verification_tag: u32,
}

impl SctpData {
    /// A DATA chunk on `stream_id` with `ppid`, TSN chosen by the writer.
    pub const fn new(stream_id: u16, ppid: u32) -> Self {
        Self {
            stream_id,
            ppid,
            tsn: None,
            verification_tag: DEFAULT_VERIFICATION_TAG,
        }
    }
}

/// One packet to write. Source and destination must be of one IP family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packet<'a> {
    /// One unfragmented SCTP DATA chunk carrying `payload`.
    Sctp {
        /// Source address and port.
        src: SocketAddr,
        /// Destination address and port.
        dst: SocketAddr,
        /// Chunk labels.
        data: SctpData,
        /// User message (e.g. an S1AP PDU).
        payload: &'a [u8],
    },
    /// A UDP datagram.
    Udp {
        /// Source address and port.
        src: SocketAddr,
        /// Destination address and port.
        dst: SocketAddr,
        /// Datagram payload (e.g. GTPv2-C or GTP-U).
        payload: &'a [u8],
    },
    /// One TCP segment (PSH, ACK) carrying `payload`; sequence and
    /// acknowledgement numbers come from the writer's flow state.
    Tcp {
        /// Source address and port.
        src: SocketAddr,
        /// Destination address and port.
        dst: SocketAddr,
        /// Segment payload: a whole message or part of one.
        payload: &'a [u8],
    },
    /// A complete IPv4 or IPv6 packet written as is behind an Ethernet header.
    Ip(&'a [u8]),
}

/// Sequence state of one TCP direction.
#[derive(Debug, Clone, Copy)]
struct TcpFlow {
    next_seq: u32,
}

/// Sequence state of one SCTP direction.
#[derive(Debug, Clone, Default)]
struct SctpFlow {
    next_tsn: u32,
    next_ssn: HashMap<u16, u16>,
}

/// Writes pcap records to `W`. See the module documentation.
#[derive(Debug)]
pub struct PcapWriter<W: Write> {
    out: W,
    header_written: bool,
    ip_id: u16,
    tcp: HashMap<(SocketAddr, SocketAddr), TcpFlow>,
    sctp: HashMap<(SocketAddr, SocketAddr), SctpFlow>,
    frame: Vec<u8>,
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg.into())
}

impl<W: Write> PcapWriter<W> {
    /// A writer with no flow state; nothing is written yet.
    pub fn new(out: W) -> Self {
        Self {
            out,
            header_written: false,
            ip_id: 0,
            tcp: HashMap::new(),
            sctp: HashMap::new(),
            frame: Vec::with_capacity(2048),
        }
    }

    /// Writes the pcap file header (once; later calls do nothing).
    pub fn write_header(&mut self) -> io::Result<()> {
        if self.header_written {
            return Ok(());
        }
        let mut h = Vec::with_capacity(24);
        h.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
        h.extend_from_slice(&2u16.to_le_bytes());
        h.extend_from_slice(&4u16.to_le_bytes());
        h.extend_from_slice(&0i32.to_le_bytes()); // thiszone: timestamps are UTC
        h.extend_from_slice(&0u32.to_le_bytes()); // sigfigs
        h.extend_from_slice(&SNAPLEN.to_le_bytes());
        h.extend_from_slice(&LINKTYPE_ETHERNET.to_le_bytes());
        self.out.write_all(&h)?;
        self.header_written = true;
        Ok(())
    }

    /// Writes one packet stamped `ts_micros` microseconds after the Unix
    /// epoch. Writes the file header first if it is not written yet.
    /// Fails with `InvalidInput` (writing nothing) if the addresses mix IPv4
    /// and IPv6, a raw packet is not IP, or the packet exceeds what its
    /// length fields can express.
    pub fn write_packet(&mut self, ts_micros: u64, packet: &Packet<'_>) -> io::Result<()> {
        let secs = u32::try_from(ts_micros / 1_000_000)
            .map_err(|_| invalid("timestamp past 2106 does not fit classic pcap"))?;
        let micros = (ts_micros % 1_000_000) as u32;
        self.build_frame(packet)?;
        let len = u32::try_from(self.frame.len())
            .ok()
            .filter(|l| *l <= SNAPLEN)
            .ok_or_else(|| invalid("frame longer than the snapshot length"))?;
        self.write_header()?;
        let mut rec = [0u8; 16];
        rec[..4].copy_from_slice(&secs.to_le_bytes());
        rec[4..8].copy_from_slice(&micros.to_le_bytes());
        rec[8..12].copy_from_slice(&len.to_le_bytes());
        rec[12..].copy_from_slice(&len.to_le_bytes());
        self.out.write_all(&rec)?;
        self.out.write_all(&self.frame)
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// The underlying writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Gives back the underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// Builds the Ethernet frame for `packet` into `self.frame`, updating
    /// flow state only once the packet is known to be valid.
    fn build_frame(&mut self, packet: &Packet<'_>) -> io::Result<()> {
        self.frame.clear();
        let (src, dst) = match packet {
            Packet::Ip(ip) => return self.build_raw_ip(ip),
            Packet::Sctp { src, dst, .. }
            | Packet::Udp { src, dst, .. }
            | Packet::Tcp { src, dst, .. } => (*src, *dst),
        };
        let ip_len = match (src.ip(), dst.ip()) {
            (IpAddr::V4(_), IpAddr::V4(_)) => IPV4_LEN,
            (IpAddr::V6(_), IpAddr::V6(_)) => IPV6_LEN,
            _ => return Err(invalid("source and destination mix IPv4 and IPv6")),
        };
        // Transport segment first, behind room for the Ethernet and IP headers.
        let start = ETH_LEN + ip_len;
        self.frame.resize(start, 0);
        let proto = match *packet {
            Packet::Sctp { data, payload, .. } => {
                check_len(12 + 16 + payload.len().next_multiple_of(4), ip_len)?;
                self.push_sctp(src, dst, data, payload);
                PROTO_SCTP
            }
            Packet::Udp { payload, .. } => {
                check_len(8 + payload.len(), ip_len)?;
                push_udp(&mut self.frame, src, dst, payload);
                PROTO_UDP
            }
            Packet::Tcp { payload, .. } => {
                check_len(20 + payload.len(), ip_len)?;
                self.push_tcp(src, dst, payload);
                PROTO_TCP
            }
            Packet::Ip(_) => unreachable!("handled above"),
        };
        let seg_len = self.frame.len() - start;
        // Transport checksums over the pseudo header (SCTP has its own CRC).
        let csum_at = match proto {
            PROTO_UDP => Some(start + 6),
            PROTO_TCP => Some(start + 16),
            _ => None,
        };
        if let Some(at) = csum_at {
            let mut c = checksum(&[
                &pseudo_header(src.ip(), dst.ip(), proto, seg_len),
                &self.frame[start..],
            ]);
            if proto == PROTO_UDP && c == 0 {
                c = 0xffff; // RFC 768: a computed zero is sent as all ones
            }
            self.frame[at..at + 2].copy_from_slice(&c.to_be_bytes());
        }
        self.ip_id = self.ip_id.wrapping_add(1);
        let ip_id = self.ip_id;
        write_ethernet(&mut self.frame[..ETH_LEN], src.ip(), dst.ip());
        match (src.ip(), dst.ip()) {
            (IpAddr::V4(s), IpAddr::V4(d)) => {
                let h = &mut self.frame[ETH_LEN..start];
                let total = (IPV4_LEN + seg_len) as u16; // checked by check_len
                h[0] = 0x45;
                h[2..4].copy_from_slice(&total.to_be_bytes());
                h[4..6].copy_from_slice(&ip_id.to_be_bytes());
                h[6] = 0x40; // DF
                h[8] = TTL;
                h[9] = proto;
                h[12..16].copy_from_slice(&s.octets());
                h[16..20].copy_from_slice(&d.octets());
                let c = checksum(&[h]);
                h[10..12].copy_from_slice(&c.to_be_bytes());
            }
            (IpAddr::V6(s), IpAddr::V6(d)) => {
                let h = &mut self.frame[ETH_LEN..start];
                h[0] = 0x60;
                h[4..6].copy_from_slice(&(seg_len as u16).to_be_bytes());
                h[6] = proto;
                h[7] = TTL;
                h[8..24].copy_from_slice(&s.octets());
                h[24..40].copy_from_slice(&d.octets());
            }
            _ => unreachable!("families checked above"),
        }
        Ok(())
    }

    fn build_raw_ip(&mut self, ip: &[u8]) -> io::Result<()> {
        let ethertype = match ip.first().map(|b| b >> 4) {
            Some(4) => ETHERTYPE_IPV4,
            Some(6) => ETHERTYPE_IPV6,
            _ => return Err(invalid("raw packet is neither IPv4 nor IPv6")),
        };
        self.frame.resize(ETH_LEN, 0);
        let (src, dst) = raw_ip_addrs(ip);
        write_ethernet(&mut self.frame[..ETH_LEN], src, dst);
        self.frame[12..14].copy_from_slice(&ethertype.to_be_bytes());
        self.frame.extend_from_slice(ip);
        Ok(())
    }

    fn push_sctp(&mut self, src: SocketAddr, dst: SocketAddr, data: SctpData, payload: &[u8]) {
        let flow = self.sctp.entry((src, dst)).or_insert_with(|| SctpFlow {
            next_tsn: 1,
            ..SctpFlow::default()
        });
        let tsn = data.tsn.unwrap_or(flow.next_tsn);
        flow.next_tsn = tsn.wrapping_add(1);
        let ssn_slot = flow.next_ssn.entry(data.stream_id).or_insert(0);
        let ssn = *ssn_slot;
        *ssn_slot = ssn.wrapping_add(1);

        let f = &mut self.frame;
        let start = f.len();
        // Common header (RFC 9260 3.1); checksum filled in below.
        f.extend_from_slice(&src.port().to_be_bytes());
        f.extend_from_slice(&dst.port().to_be_bytes());
        f.extend_from_slice(&data.verification_tag.to_be_bytes());
        f.extend_from_slice(&[0; 4]);
        // DATA chunk (3.3.1): type 0, flags B|E (unfragmented), length
        // without padding.
        let chunk_len = (16 + payload.len()) as u16; // checked by check_len
        f.extend_from_slice(&[0, 0x03]);
        f.extend_from_slice(&chunk_len.to_be_bytes());
        f.extend_from_slice(&tsn.to_be_bytes());
        f.extend_from_slice(&data.stream_id.to_be_bytes());
        f.extend_from_slice(&ssn.to_be_bytes());
        f.extend_from_slice(&data.ppid.to_be_bytes());
        f.extend_from_slice(payload);
        // Pad the chunk to a multiple of 4 bytes (3.2); the common header is 12.
        let padded = start + (f.len() - start).next_multiple_of(4);
        f.resize(padded, 0);
        // CRC32c over the whole packet with a zero checksum field, stored
        // least significant byte first (RFC 9260 Appendix A).
        let crc = CRC32C.checksum(&f[start..]);
        f[start + 8..start + 12].copy_from_slice(&crc.to_le_bytes());
    }

    fn push_tcp(&mut self, src: SocketAddr, dst: SocketAddr, payload: &[u8]) {
        let ack = self
            .tcp
            .get(&(dst, src))
            .map_or(TCP_INITIAL_SEQ, |f| f.next_seq);
        let flow = self.tcp.entry((src, dst)).or_insert(TcpFlow {
            next_seq: TCP_INITIAL_SEQ,
        });
        let seq = flow.next_seq;
        flow.next_seq = seq.wrapping_add(payload.len() as u32);

        let f = &mut self.frame;
        f.extend_from_slice(&src.port().to_be_bytes());
        f.extend_from_slice(&dst.port().to_be_bytes());
        f.extend_from_slice(&seq.to_be_bytes());
        f.extend_from_slice(&ack.to_be_bytes());
        f.push(5 << 4); // data offset: 5 words, no options
        f.push(0x18); // PSH, ACK
        f.extend_from_slice(&0xffffu16.to_be_bytes()); // window
        f.extend_from_slice(&[0, 0, 0, 0]); // checksum, urgent pointer
        f.extend_from_slice(payload);
    }
}

/// CRC-32C (Castagnoli), the SCTP checksum.
const CRC32C: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);

/// Fails unless a transport segment of `seg_len` bytes fits the IP length
/// fields (IPv4 total length, IPv6 payload length; both 16 bits).
fn check_len(seg_len: usize, ip_len: usize) -> io::Result<()> {
    let limit = if ip_len == IPV4_LEN {
        0xffff - IPV4_LEN
    } else {
        0xffff
    };
    if seg_len <= limit {
        Ok(())
    } else {
        Err(invalid(format!(
            "segment of {seg_len} bytes does not fit in one IP packet"
        )))
    }
}

fn push_udp(f: &mut Vec<u8>, src: SocketAddr, dst: SocketAddr, payload: &[u8]) {
    let len = (8 + payload.len()) as u16; // checked by check_len
    f.extend_from_slice(&src.port().to_be_bytes());
    f.extend_from_slice(&dst.port().to_be_bytes());
    f.extend_from_slice(&len.to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    f.extend_from_slice(payload);
}

/// The TCP/UDP pseudo header (RFC 9293 3.1 for IPv4, RFC 8200 8.1 for IPv6).
fn pseudo_header(src: IpAddr, dst: IpAddr, proto: u8, len: usize) -> Vec<u8> {
    let mut p = Vec::with_capacity(40);
    match (src, dst) {
        (IpAddr::V4(s), IpAddr::V4(d)) => {
            p.extend_from_slice(&s.octets());
            p.extend_from_slice(&d.octets());
            p.extend_from_slice(&[0, proto]);
            p.extend_from_slice(&(len as u16).to_be_bytes());
        }
        _ => {
            p.extend_from_slice(&ip_octets16(src));
            p.extend_from_slice(&ip_octets16(dst));
            p.extend_from_slice(&(len as u32).to_be_bytes());
            p.extend_from_slice(&[0, 0, 0, proto]);
        }
    }
    p
}

fn ip_octets16(ip: IpAddr) -> [u8; 16] {
    match ip {
        IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
        IpAddr::V6(v6) => v6.octets(),
    }
}

/// The Internet checksum (RFC 1071) over the concatenation of `parts`; every
/// part but the last must have an even length.
fn checksum(parts: &[&[u8]]) -> u16 {
    let mut sum: u64 = 0;
    for part in parts {
        let mut words = part.chunks_exact(2);
        for w in &mut words {
            sum += u64::from(u16::from_be_bytes([w[0], w[1]]));
        }
        if let [last] = words.remainder() {
            sum += u64::from(*last) << 8;
        }
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// A locally administered MAC per IP address: 02:00 followed by the last
/// four bytes of the address, so that each node has its own.
fn mac_for(ip: IpAddr) -> [u8; 6] {
    let o = ip_octets16(ip);
    [0x02, 0x00, o[12], o[13], o[14], o[15]]
}

fn write_ethernet(h: &mut [u8], src: IpAddr, dst: IpAddr) {
    h[..6].copy_from_slice(&mac_for(dst));
    h[6..12].copy_from_slice(&mac_for(src));
    let ethertype = if src.is_ipv4() {
        ETHERTYPE_IPV4
    } else {
        ETHERTYPE_IPV6
    };
    h[12..14].copy_from_slice(&ethertype.to_be_bytes());
}

/// Source and destination of a raw IP packet, or unspecified addresses when
/// it is too short to hold them.
fn raw_ip_addrs(ip: &[u8]) -> (IpAddr, IpAddr) {
    let v4 = |r: std::ops::Range<usize>| -> Option<IpAddr> {
        let b: [u8; 4] = ip.get(r)?.try_into().ok()?;
        Some(IpAddr::from(b))
    };
    let v6 = |r: std::ops::Range<usize>| -> Option<IpAddr> {
        let b: [u8; 16] = ip.get(r)?.try_into().ok()?;
        Some(IpAddr::from(b))
    };
    let unspecified = IpAddr::from([0u8; 4]);
    let pair = if ip.first().is_some_and(|b| b >> 4 == 4) {
        v4(12..16).zip(v4(16..20))
    } else {
        v6(8..24).zip(v6(24..40))
    };
    pair.unwrap_or((unspecified, unspecified))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_matches_rfc1071_example() {
        // RFC 1071 1.2: 0001 f203 f4f5 f6f7 sums to ddf2, complement 220d.
        assert_eq!(
            checksum(&[&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]]),
            0x220d
        );
        // Odd length pads with a zero byte.
        assert_eq!(checksum(&[&[0x01]]), !0x0100);
    }

    #[test]
    fn crc32c_matches_known_check_value() {
        assert_eq!(CRC32C.checksum(b"123456789"), 0xe306_9283);
    }

    #[test]
    fn write_header_writes_once() {
        let mut w = PcapWriter::new(Vec::new());
        w.write_header().unwrap();
        w.write_header().unwrap();
        let b = w.into_inner();
        assert_eq!(b.len(), 24);
        assert_eq!(b[..8], [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]);
        assert_eq!(b[20..24], [1, 0, 0, 0]);
    }

    #[test]
    fn write_packet_rejects_mixed_families() {
        let mut w = PcapWriter::new(Vec::new());
        let err = w
            .write_packet(
                0,
                &Packet::Udp {
                    src: "127.0.0.1:1".parse().unwrap(),
                    dst: "[::1]:2".parse().unwrap(),
                    payload: b"x",
                },
            )
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(w.into_inner().is_empty());
    }

    #[test]
    fn write_packet_rejects_non_ip_raw_packet() {
        let mut w = PcapWriter::new(Vec::new());
        assert!(w.write_packet(0, &Packet::Ip(&[0x50, 0])).is_err());
        assert!(w.write_packet(0, &Packet::Ip(&[])).is_err());
    }

    #[test]
    fn write_packet_rejects_oversized_udp() {
        let mut w = PcapWriter::new(Vec::new());
        let big = vec![0u8; 65536];
        let p = Packet::Udp {
            src: "127.0.0.1:1".parse().unwrap(),
            dst: "127.0.0.2:2".parse().unwrap(),
            payload: &big,
        };
        assert!(w.write_packet(0, &p).is_err());
    }

    #[test]
    fn write_packet_rejects_timestamp_past_2106() {
        let mut w = PcapWriter::new(Vec::new());
        assert!(w.write_packet(u64::MAX, &Packet::Ip(&[0x45; 20])).is_err());
    }

    #[test]
    fn tcp_failed_write_leaves_sequence_untouched() {
        let mut w = PcapWriter::new(Vec::new());
        let a: SocketAddr = "127.0.0.1:3868".parse().unwrap();
        let b: SocketAddr = "127.0.0.5:40000".parse().unwrap();
        let big = vec![0u8; 70_000];
        assert!(
            w.write_packet(
                0,
                &Packet::Tcp {
                    src: a,
                    dst: b,
                    payload: &big
                }
            )
            .is_err()
        );
        assert!(!w.tcp.contains_key(&(a, b)));
    }

    #[test]
    fn mac_derives_from_address() {
        assert_eq!(mac_for("127.0.0.5".parse().unwrap()), [2, 0, 127, 0, 0, 5]);
    }

    #[test]
    fn raw_ip_addrs_reads_ipv4_header() {
        let mut p = [0u8; 20];
        p[0] = 0x45;
        p[12..16].copy_from_slice(&[10, 46, 0, 2]);
        p[16..20].copy_from_slice(&[10, 46, 0, 1]);
        let (s, d) = raw_ip_addrs(&p);
        assert_eq!(s, IpAddr::from([10, 46, 0, 2]));
        assert_eq!(d, IpAddr::from([10, 46, 0, 1]));
        assert_eq!(raw_ip_addrs(&[0x45]).0, IpAddr::from([0u8; 4]));
    }
}
