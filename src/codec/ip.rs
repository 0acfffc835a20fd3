//! IP packets for humans: the IPv4 (RFC 791) and IPv6 (RFC 8200) headers,
//! TCP (RFC 9293) and UDP (RFC 768) headers, and what they carry on the
//! IMS PDN: SIP, ESP (RFC 4303; the SIP inside a NULL-encrypted packet
//! when it can be recognised) and ICMPv6 Router Advertisements.
//!
//! [`describe`] gives the one line of a ladder, led by what matters to a
//! reader: the SIP message ("REGISTER sip:... (CSeq 1) [TCP 10.46.0.2:49152
//! -> 10.46.0.1:5060]"), the TCP handshake ("TCP SYN 10.46.0.2:49152 ->
//! 10.46.0.1:5060"), "TCP ACK", "ESP SPI 0x... seq N", "Router
//! Advertisement fd00:46::/64". [`tree`] gives every header field with its
//! byte span (`volte-sim decode --proto ip`). Neither ever panics: what
//! does not parse is said so.
//!
//! IPv6 extension headers are not followed: the stacks of the simulator
//! send none.

use super::display::Described;
use super::esp::{self, IPPROTO_ESP};
use super::icmpv6::{self, IPPROTO_ICMPV6};
use super::sip::{self, Framer, SipMessage};
use super::{DecodeError, Field, Reader, hex};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

const PROTO: &str = "IP";
/// IP protocol number of TCP.
pub const IPPROTO_TCP: u8 = 6;
/// IP protocol number of UDP.
pub const IPPROTO_UDP: u8 = 17;

/// TCP flag bits (RFC 9293 3.1).
pub mod tcp_flags {
    /// No more data from the sender.
    pub const FIN: u8 = 0x01;
    /// Synchronize sequence numbers.
    pub const SYN: u8 = 0x02;
    /// Reset the connection.
    pub const RST: u8 = 0x04;
    /// Push.
    pub const PSH: u8 = 0x08;
    /// The acknowledgment number is significant.
    pub const ACK: u8 = 0x10;
}

/// The IP header of a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpHeader {
    /// Source address.
    pub src: IpAddr,
    /// Destination address.
    pub dst: IpAddr,
    /// IPv4 protocol or IPv6 next header.
    pub protocol: u8,
    /// IPv4 TTL or IPv6 hop limit.
    pub ttl: u8,
    /// Length of the header (IPv4 with options; 40 for IPv6).
    pub header_len: usize,
    /// Length of the packet per its header (bytes beyond are not part of it).
    pub total_len: usize,
    /// An IPv4 fragment other than the first: no transport header.
    pub later_fragment: bool,
}

impl IpHeader {
    /// The bytes after the header, up to the packet's length.
    pub fn payload<'a>(&self, packet: &'a [u8]) -> &'a [u8] {
        packet
            .get(self.header_len..self.total_len)
            .unwrap_or_default()
    }
}

/// Parses the IP header of `packet`.
pub fn parse(packet: &[u8]) -> Result<IpHeader, DecodeError> {
    let mut r = Reader::new(PROTO, packet);
    let first = r.peek().ok_or_else(|| r.error("empty packet"))?;
    match first >> 4 {
        4 => {
            let vihl = r.u8()?;
            let header_len = usize::from(vihl & 0x0f) * 4;
            if header_len < 20 {
                return Err(DecodeError::new(
                    PROTO,
                    0,
                    format!("IPv4 header length {header_len} is under 20"),
                ));
            }
            r.u8()?;
            let total_len = usize::from(r.u16()?);
            r.u16()?;
            let frag = r.u16()?;
            let ttl = r.u8()?;
            let protocol = r.u8()?;
            r.u16()?;
            let src = Ipv4Addr::from(r.array::<4>()?);
            let dst = Ipv4Addr::from(r.array::<4>()?);
            if total_len < header_len || total_len > packet.len() {
                return Err(DecodeError::new(
                    PROTO,
                    2,
                    format!(
                        "IPv4 total length {total_len} does not fit the {} octets",
                        packet.len()
                    ),
                ));
            }
            Ok(IpHeader {
                src: src.into(),
                dst: dst.into(),
                protocol,
                ttl,
                header_len,
                total_len,
                later_fragment: frag & 0x1fff != 0,
            })
        }
        6 => {
            r.u32()?;
            let payload_len = usize::from(r.u16()?);
            let protocol = r.u8()?;
            let ttl = r.u8()?;
            let src = Ipv6Addr::from(r.array::<16>()?);
            let dst = Ipv6Addr::from(r.array::<16>()?);
            let total_len = 40 + payload_len;
            if total_len > packet.len() {
                return Err(DecodeError::new(
                    PROTO,
                    4,
                    format!(
                        "IPv6 payload length {payload_len} exceeds the {} octets",
                        packet.len() - 40
                    ),
                ));
            }
            Ok(IpHeader {
                src: src.into(),
                dst: dst.into(),
                protocol,
                ttl,
                header_len: 40,
                total_len,
                later_fragment: false,
            })
        }
        v => Err(DecodeError::new(
            PROTO,
            0,
            format!("IP version {v} is neither 4 nor 6"),
        )),
    }
}

/// A TCP segment's header and payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TcpSegment<'a> {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Sequence number.
    pub seq: u32,
    /// Acknowledgment number.
    pub ack: u32,
    /// Header length with options.
    pub header_len: usize,
    /// Flags (see [`tcp_flags`]).
    pub flags: u8,
    /// Window.
    pub window: u16,
    /// Checksum as sent.
    pub checksum: u16,
    /// The data.
    pub payload: &'a [u8],
}

/// Parses a TCP segment (header at the start of `bytes`).
pub fn parse_tcp(bytes: &[u8]) -> Result<TcpSegment<'_>, DecodeError> {
    let mut r = Reader::new("TCP", bytes);
    let src_port = r.u16()?;
    let dst_port = r.u16()?;
    let seq = r.u32()?;
    let ack = r.u32()?;
    let off = r.u8()?;
    let flags = r.u8()?;
    let window = r.u16()?;
    let checksum = r.u16()?;
    r.u16()?;
    let header_len = usize::from(off >> 4) * 4;
    if header_len < 20 || header_len > bytes.len() {
        return Err(DecodeError::new(
            "TCP",
            12,
            format!(
                "data offset {header_len} does not fit the {} octets",
                bytes.len()
            ),
        ));
    }
    Ok(TcpSegment {
        src_port,
        dst_port,
        seq,
        ack,
        header_len,
        flags,
        window,
        checksum,
        payload: &bytes[header_len..],
    })
}

/// The names of the flags set in `f`, e.g. "SYN ACK".
pub fn flag_names(f: u8) -> String {
    ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"]
        .iter()
        .enumerate()
        .filter(|(i, _)| f & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `a:p` or `[a]:p`.
fn endpoint(a: IpAddr, port: u16) -> String {
    SocketAddr::new(a, port).to_string()
}

fn flow(h: &IpHeader, src_port: u16, dst_port: u16) -> String {
    format!(
        "{} -> {}",
        endpoint(h.src, src_port),
        endpoint(h.dst, dst_port)
    )
}

/// (name, summary) of a SIP message for a ladder: the method of a
/// request, code, reason and method of a response.
pub fn sip_names(m: &SipMessage) -> (String, String) {
    let name = match m.method() {
        Some(method) if m.is_request() => method.to_string(),
        _ => m.summary(),
    };
    (name, m.summary())
}

/// Leading CR/LF bytes (keep-alives between SIP messages on a stream).
fn crlf_prefix(b: &[u8]) -> usize {
    b.iter().take_while(|c| matches!(c, b'\r' | b'\n')).count()
}

/// A SIP message seen in a payload.
struct SipSeen {
    name: String,
    summary: String,
    /// Offset and length of the first whole message, if there is one.
    span: Option<(usize, usize)>,
}

/// The SIP message(s) a stream segment or datagram carries; `None` when
/// the bytes do not start a SIP message. A message cut by the segment end
/// is named by its start line.
fn sip_in(payload: &[u8]) -> Option<SipSeen> {
    let skip = crlf_prefix(payload);
    let body = payload.get(skip..)?;
    if body.is_empty() {
        return None;
    }
    let mut framer = Framer::new();
    framer.push(body);
    if let Ok(Some(first)) = framer.next_frame() {
        let m = sip::decode(&first).ok()?;
        let (name, mut summary) = sip_names(&m);
        let mut more = 0;
        while let Ok(Some(_)) = framer.next_frame() {
            more += 1;
        }
        if more > 0 {
            summary.push_str(&format!(" (+{more} more)"));
        }
        return Some(SipSeen {
            name,
            summary,
            span: Some((skip, first.len())),
        });
    }
    // No whole message: a datagram (no Content-Length needed), or the first
    // part of a message longer than the segment.
    if let Ok(m) = sip::decode_datagram(body) {
        let (name, summary) = sip_names(&m);
        return Some(SipSeen {
            name,
            summary,
            span: Some((skip, body.len())),
        });
    }
    let line_end = body.iter().position(|b| *b == b'\r' || *b == b'\n')?;
    let line = std::str::from_utf8(&body[..line_end]).ok()?;
    let is_start = line.starts_with("SIP/2.0 ")
        || (line.ends_with(" SIP/2.0") && line.split(' ').count() == 3);
    if !is_start {
        return None;
    }
    let name = if line.starts_with("SIP/2.0 ") {
        line.trim_start_matches("SIP/2.0 ").to_string()
    } else {
        line.split(' ').next().unwrap_or(line).to_string()
    };
    Some(SipSeen {
        name,
        summary: format!("{line} (first part)"),
        span: None,
    })
}

/// What a TCP segment says, inside whatever carries it.
fn describe_tcp(h: &IpHeader, seg: &[u8], carrier: Option<&str>) -> Described {
    let (proto_sip, proto_tcp) = if carrier.is_some() {
        ("ESP/TCP/SIP", "ESP/TCP")
    } else {
        ("TCP/SIP", "TCP")
    };
    let lead = |name: &str| match carrier {
        Some(c) => format!("{c} / {name}"),
        None => name.to_string(),
    };
    let prefix = carrier.map(|c| format!("{c}: ")).unwrap_or_default();
    let t = match parse_tcp(seg) {
        Ok(t) => t,
        Err(e) => {
            return Described {
                protocol: proto_tcp,
                name: lead("TCP (undecodable)"),
                summary: format!("{prefix}TCP {} -> {}: {}", h.src, h.dst, e.what),
            };
        }
    };
    let f = flow(h, t.src_port, t.dst_port);
    let control = |word: &str| Described {
        protocol: proto_tcp,
        name: lead(&format!("TCP {word}")),
        summary: format!("{prefix}TCP {word} {f}"),
    };
    use tcp_flags::{ACK, FIN, RST, SYN};
    if t.flags & SYN != 0 {
        return control(if t.flags & ACK != 0 { "SYN-ACK" } else { "SYN" });
    }
    if t.flags & RST != 0 {
        return control("RST");
    }
    if !t.payload.is_empty() {
        let fin = if t.flags & FIN != 0 { " FIN" } else { "" };
        if let Some(sip) = sip_in(t.payload) {
            let carrier = carrier.map(|c| format!("{c}, ")).unwrap_or_default();
            return Described {
                protocol: proto_sip,
                name: lead(&sip.name),
                summary: format!("{} [{carrier}TCP{fin} {f}]", sip.summary),
            };
        }
        return Described {
            protocol: proto_tcp,
            name: lead("TCP data"),
            summary: format!("{prefix}TCP{fin} {f}: {} octets", t.payload.len()),
        };
    }
    if t.flags & FIN != 0 {
        return control("FIN");
    }
    control("ACK")
}

fn describe_udp(h: &IpHeader, seg: &[u8]) -> Described {
    let mut r = Reader::new("UDP", seg);
    let (Ok(sp), Ok(dp), Ok(_), Ok(_)) = (r.u16(), r.u16(), r.u16(), r.u16()) else {
        return Described {
            protocol: "UDP",
            name: "UDP (undecodable)".into(),
            summary: format!("UDP {} -> {}: header cut short", h.src, h.dst),
        };
    };
    let f = flow(h, sp, dp);
    let payload = r.rest();
    match sip_in(payload) {
        Some(sip) => Described {
            protocol: "UDP/SIP",
            name: sip.name,
            summary: format!("{} [UDP {f}]", sip.summary),
        },
        None => Described {
            protocol: "UDP",
            name: "UDP datagram".into(),
            summary: format!("UDP {f}: {} octets", payload.len()),
        },
    }
}

/// The TCP segment inside a NULL-encrypted ESP packet, when the trailer
/// looks like one (RFC 4303 2.4-2.6; a guess, as Wireshark makes it).
fn esp_null_tcp(p: &esp::EspPacket) -> Option<&[u8]> {
    let (len, _, next) = p.null_trailer_guess()?;
    if next != IPPROTO_TCP {
        return None;
    }
    let seg = p.body.get(..len)?;
    parse_tcp(seg).ok()?;
    Some(seg)
}

fn describe_esp(h: &IpHeader, payload: &[u8]) -> Described {
    let p = match esp::decode(payload) {
        Ok(p) => p,
        Err(e) => {
            return Described {
                protocol: "ESP",
                name: "ESP (undecodable)".into(),
                summary: format!("ESP {} -> {}: {}", h.src, h.dst, e.what),
            };
        }
    };
    let carrier = format!("ESP SPI 0x{:08x} seq {}", p.spi, p.seq);
    match esp_null_tcp(&p) {
        Some(seg) => {
            let mut d = describe_tcp(h, seg, Some(&carrier));
            // Names say "ESP / ..." without the numbers.
            d.name = d.name.replacen(&carrier, "ESP", 1);
            d
        }
        None => Described {
            protocol: "ESP",
            name: "ESP".into(),
            summary: format!("{carrier} {} -> {}", h.src, h.dst),
        },
    }
}

/// Describes an IP packet. Never fails: what does not parse is said so.
pub fn describe(packet: &[u8]) -> Described {
    let Ok(h) = parse(packet) else {
        return Described {
            protocol: "IP",
            name: "IP packet".into(),
            summary: format!("{} octets (not IP)", packet.len()),
        };
    };
    let payload = h.payload(packet);
    if h.later_fragment {
        return Described {
            protocol: "IP",
            name: "IP fragment".into(),
            summary: format!("IP fragment {} -> {}", h.src, h.dst),
        };
    }
    match h.protocol {
        IPPROTO_TCP => describe_tcp(&h, payload, None),
        IPPROTO_UDP => describe_udp(&h, payload),
        IPPROTO_ESP => describe_esp(&h, payload),
        IPPROTO_ICMPV6 if h.src.is_ipv6() => match icmpv6::decode(payload) {
            Ok(m) => Described {
                protocol: "ICMPv6",
                name: m.name(),
                summary: m.summary(),
            },
            Err(e) => Described {
                protocol: "ICMPv6",
                name: "ICMPv6 (undecodable)".into(),
                summary: format!("ICMPv6 {} -> {}: {}", h.src, h.dst, e.what),
            },
        },
        p => Described {
            protocol: "IP",
            name: "IP packet".into(),
            summary: format!("{} -> {} protocol {p}", h.src, h.dst),
        },
    }
}

/// `f` with every span moved `by` bytes later (for a tree nested inside a
/// larger buffer).
pub fn shift(mut f: Field, by: usize) -> Field {
    f.span = f.span.map(|(s, e)| (s + by, e + by));
    f.children = f.children.into_iter().map(|c| shift(c, by)).collect();
    f
}

fn protocol_name(p: u8) -> String {
    match p {
        1 => "ICMP (1)".into(),
        IPPROTO_TCP => "TCP (6)".into(),
        IPPROTO_UDP => "UDP (17)".into(),
        IPPROTO_ESP => "ESP (50)".into(),
        IPPROTO_ICMPV6 => "ICMPv6 (58)".into(),
        p => p.to_string(),
    }
}

/// The SIP tree of a payload at `base`, if it starts a SIP message.
fn sip_tree(payload: &[u8], base: usize) -> Option<Field> {
    let (at, len) = sip_in(payload)?.span?;
    let bytes = payload.get(at..at + len)?;
    sip::tree(bytes).ok().map(|t| shift(t, base + at))
}

/// The tree of a TCP segment at `base`.
fn tcp_tree(seg: &[u8], base: usize) -> Field {
    let t = match parse_tcp(seg) {
        Ok(t) => t,
        Err(e) => {
            return Field::new("TCP", format!("undecodable: {}", e.what))
                .at(base, base + seg.len());
        }
    };
    let b = base;
    let mut f = Field::new(
        "TCP",
        format!("{} -> {} [{}]", t.src_port, t.dst_port, flag_names(t.flags)),
    )
    .at(b, b + seg.len())
    .child(Field::new("Source Port", t.src_port).at(b, b + 2))
    .child(Field::new("Destination Port", t.dst_port).at(b + 2, b + 4))
    .child(Field::new("Sequence Number", t.seq).at(b + 4, b + 8))
    .child(Field::new("Acknowledgment Number", t.ack).at(b + 8, b + 12))
    .child(Field::new("Header Length", t.header_len).at(b + 12, b + 13))
    .child(Field::new("Flags", flag_names(t.flags)).at(b + 13, b + 14))
    .child(Field::new("Window", t.window).at(b + 14, b + 16))
    .child(Field::new("Checksum", format!("0x{:04x}", t.checksum)).at(b + 16, b + 18));
    if t.header_len > 20 {
        f = f
            .child(Field::new("Options", hex(&seg[20..t.header_len])).at(b + 20, b + t.header_len));
    }
    if !t.payload.is_empty() {
        let at = b + t.header_len;
        f = f.child(match sip_tree(t.payload, at) {
            Some(s) => s,
            None => Field::new("Data", format!("{} octets", t.payload.len()))
                .at(at, at + t.payload.len()),
        });
    }
    f
}

fn udp_tree(seg: &[u8], b: usize) -> Field {
    let mut r = Reader::new("UDP", seg);
    let (Ok(sp), Ok(dp), Ok(len), Ok(sum)) = (r.u16(), r.u16(), r.u16(), r.u16()) else {
        return Field::new("UDP", "header cut short").at(b, b + seg.len());
    };
    let payload = r.rest();
    let mut f = Field::new("UDP", format!("{sp} -> {dp}"))
        .at(b, b + seg.len())
        .child(Field::new("Source Port", sp).at(b, b + 2))
        .child(Field::new("Destination Port", dp).at(b + 2, b + 4))
        .child(Field::new("Length", len).at(b + 4, b + 6))
        .child(Field::new("Checksum", format!("0x{sum:04x}")).at(b + 6, b + 8));
    if !payload.is_empty() {
        f = f.child(match sip_tree(payload, b + 8) {
            Some(s) => s,
            None => {
                Field::new("Data", format!("{} octets", payload.len())).at(b + 8, b + seg.len())
            }
        });
    }
    f
}

fn esp_tree(payload: &[u8], b: usize) -> Field {
    let mut f = match esp::tree(payload) {
        Ok(t) => shift(t, b),
        Err(e) => {
            return Field::new("ESP", format!("undecodable: {}", e.what)).at(b, b + payload.len());
        }
    };
    if let Ok(p) = esp::decode(payload)
        && let Some(seg) = esp_null_tcp(&p)
    {
        f = f.child(tcp_tree(seg, b + esp::HEADER_LEN));
    }
    f
}

/// The tree of an IP packet: header fields, then the transport and what it
/// carries (SIP, ESP, ICMPv6), every field with its byte span.
pub fn tree(packet: &[u8]) -> Result<Field, DecodeError> {
    let h = parse(packet)?;
    let v4 = h.src.is_ipv4();
    let mut kids = vec![Field::new("Version", if v4 { 4 } else { 6 }).at(0, 1)];
    if v4 {
        kids.extend([
            Field::new("Header Length", h.header_len).at(0, 1),
            Field::new("Total Length", h.total_len).at(2, 4),
            Field::new("TTL", h.ttl).at(8, 9),
            Field::new("Protocol", protocol_name(h.protocol)).at(9, 10),
            Field::new(
                "Header Checksum",
                format!("0x{:02x}{:02x}", packet[10], packet[11]),
            )
            .at(10, 12),
            Field::new("Source", h.src).at(12, 16),
            Field::new("Destination", h.dst).at(16, 20),
        ]);
    } else {
        kids.extend([
            Field::new("Payload Length", h.total_len - 40).at(4, 6),
            Field::new("Next Header", protocol_name(h.protocol)).at(6, 7),
            Field::new("Hop Limit", h.ttl).at(7, 8),
            Field::new("Source", h.src).at(8, 24),
            Field::new("Destination", h.dst).at(24, 40),
        ]);
    }
    let payload = h.payload(packet);
    let b = h.header_len;
    if !h.later_fragment && !payload.is_empty() {
        kids.push(match h.protocol {
            IPPROTO_TCP => tcp_tree(payload, b),
            IPPROTO_UDP => udp_tree(payload, b),
            IPPROTO_ESP => esp_tree(payload, b),
            IPPROTO_ICMPV6 if !v4 => match icmpv6::tree(payload) {
                Ok(t) => shift(t, b),
                Err(e) => Field::new("ICMPv6", format!("undecodable: {}", e.what))
                    .at(b, b + payload.len()),
            },
            _ => {
                Field::new("Payload", format!("{} octets", payload.len())).at(b, b + payload.len())
            }
        });
    }
    let name = if v4 { "IPv4" } else { "IPv6" };
    let mut root = Field::new(name, describe(packet).summary).at(0, h.total_len);
    root.children = kids;
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::esp::SecurityAssociation;
    use crate::codec::parse_hex;
    use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
    use crate::crypto::{Ck, Ik};

    /// The reference SYN 10.46.0.2:50000 -> 10.46.0.1:5060 (flow-refs).
    const SYN: &str =
        "4500002800014000400626710a2e00020a2e0001c35013c400000001000000005002ffffc46e0000";

    const REGISTER: &str = "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n\
Via: SIP/2.0/TCP 10.46.0.2:50000;branch=z9hG4bK1\r\n\
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=a\r\n\
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\n\
Call-ID: c1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    /// An IPv4/TCP packet with `flags` and `data` (checksums left 0: the
    /// descriptions do not check them).
    fn tcp4(flags: u8, data: &[u8]) -> Vec<u8> {
        let total = 40 + data.len();
        let mut p = vec![
            0x45,
            0,
            (total >> 8) as u8,
            total as u8,
            0,
            1,
            0x40,
            0,
            64,
            6,
            0,
            0,
        ];
        p.extend_from_slice(&[10, 46, 0, 2, 10, 46, 0, 1]);
        p.extend_from_slice(&[0xc0, 0x00, 0x13, 0xc4, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags]);
        p.extend_from_slice(&[0xff, 0xff, 0, 0, 0, 0]);
        p.extend_from_slice(data);
        p
    }

    #[test]
    fn describe_names_the_handshake_and_pure_acks() {
        let d = describe(&parse_hex(SYN).unwrap());
        assert_eq!(d.name, "TCP SYN");
        assert_eq!(d.summary, "TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060");
        assert_eq!(describe(&tcp4(0x12, b"")).name, "TCP SYN-ACK");
        let ack = describe(&tcp4(0x10, b""));
        assert_eq!(ack.name, "TCP ACK");
        assert_eq!(ack.summary, "TCP ACK 10.46.0.2:49152 -> 10.46.0.1:5060");
        assert_eq!(describe(&tcp4(0x11, b"")).name, "TCP FIN");
        assert_eq!(describe(&tcp4(0x14, b"")).name, "TCP RST");
    }

    #[test]
    fn describe_leads_with_the_sip_message_and_the_flow() {
        let d = describe(&tcp4(0x18, REGISTER.as_bytes()));
        assert_eq!(d.protocol, "TCP/SIP");
        assert_eq!(d.name, "REGISTER");
        assert_eq!(
            d.summary,
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1) [TCP 10.46.0.2:49152 -> 10.46.0.1:5060]"
        );
        let ok = REGISTER.replace(
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0",
            "SIP/2.0 401 Unauthorized",
        );
        let d = describe(&tcp4(0x18, ok.as_bytes()));
        assert_eq!(d.name, "401 Unauthorized (REGISTER)");
        // Two messages in one segment, and a message cut by the segment end.
        let two = format!("{REGISTER}{REGISTER}");
        assert!(
            describe(&tcp4(0x18, two.as_bytes()))
                .summary
                .contains("(+1 more)")
        );
        let cut = &REGISTER.as_bytes()[..90];
        let d = describe(&tcp4(0x18, cut));
        assert_eq!(d.name, "REGISTER");
        assert!(
            d.summary
                .starts_with("REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0 (first part)"),
            "{}",
            d.summary
        );
        // The rest of it.
        let d = describe(&tcp4(0x18, &REGISTER.as_bytes()[90..]));
        assert_eq!(d.name, "TCP data");
    }

    fn keys() -> EspKeys {
        EspKeys::derive(
            &Ik::new([7; 16]),
            &Ck::new([8; 16]),
            IntegrityAlg::HmacSha1_96,
            EncryptionAlg::Null,
        )
    }

    #[test]
    fn describe_sees_sip_inside_null_esp_but_not_inside_aes() {
        let plain = tcp4(0x18, REGISTER.as_bytes());
        let mut sa = SecurityAssociation::new(0x1b59, esp::SaDirection::Outbound, keys()).unwrap();
        let mut rng = <rand::rngs::SmallRng as rand::SeedableRng>::seed_from_u64(1);
        let p = sa.encapsulate(&plain, &mut rng).unwrap();
        let d = describe(&p);
        assert_eq!(d.protocol, "ESP/TCP/SIP");
        assert_eq!(d.name, "ESP / REGISTER");
        assert_eq!(
            d.summary,
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1) [ESP SPI 0x00001b59 seq 1, TCP 10.46.0.2:49152 -> 10.46.0.1:5060]"
        );
        let syn = sa.encapsulate(&tcp4(0x02, b""), &mut rng).unwrap();
        assert_eq!(
            describe(&syn).summary,
            "ESP SPI 0x00001b59 seq 2: TCP SYN 10.46.0.2:49152 -> 10.46.0.1:5060"
        );
        let aes = EspKeys::derive(
            &Ik::new([7; 16]),
            &Ck::new([8; 16]),
            IntegrityAlg::HmacSha1_96,
            EncryptionAlg::AesCbc128,
        );
        let mut sa = SecurityAssociation::new(0x1b5a, esp::SaDirection::Outbound, aes).unwrap();
        let d = describe(&sa.encapsulate(&plain, &mut rng).unwrap());
        assert_eq!(d.name, "ESP");
        assert_eq!(d.summary, "ESP SPI 0x00001b5a seq 1 10.46.0.2 -> 10.46.0.1");
        let t = tree(&sa.encapsulate(&plain, &mut rng).unwrap()).unwrap();
        assert!(t.find("Encrypted Data").is_some());
    }

    #[test]
    fn tree_nests_tcp_and_sip_with_spans_in_the_packet() {
        let p = tcp4(0x18, REGISTER.as_bytes());
        let t = tree(&p).unwrap();
        assert_eq!(t.name, "IPv4");
        assert_eq!(t.find("Source").unwrap().value, "10.46.0.2");
        assert_eq!(t.find("Flags").unwrap().value, "PSH ACK");
        let tcp = t.find("TCP").unwrap();
        assert_eq!(tcp.span, Some((20, p.len())));
        // The SIP tree's spans point into the packet.
        let cseq = t.find("CSeq").expect("SIP header in the tree");
        let (s, e) = cseq.span.unwrap();
        assert!(
            String::from_utf8_lossy(&p[s..e]).contains("CSeq"),
            "{cseq:?}"
        );
    }

    #[test]
    fn tree_and_describe_show_a_router_advertisement() {
        let ra = icmpv6::Icmpv6Message::RouterAdvertisement(icmpv6::RouterAdvertisement::for_pdn(
            "fd00:46::".parse().unwrap(),
            64,
        ))
        .encode_packet("fe80::1".parse().unwrap(), "ff02::1".parse().unwrap());
        let d = describe(&ra);
        assert_eq!(
            (d.protocol, d.name.as_str()),
            ("ICMPv6", "Router Advertisement")
        );
        assert_eq!(d.summary, "Router Advertisement fd00:46::/64");
        let t = tree(&ra).unwrap();
        assert_eq!(t.name, "IPv6");
        assert_eq!(t.find("Prefix").unwrap().span, Some((72, 88)));
    }

    #[test]
    fn describe_and_tree_survive_garbage() {
        assert_eq!(describe(&[]).summary, "0 octets (not IP)");
        assert!(tree(&[0x45, 0, 0]).is_err());
        assert!(tree(&[0x10; 40]).is_err());
        let mut bad_off = tcp4(0x18, b"xx");
        bad_off[32] = 0xf0;
        assert_eq!(describe(&bad_off).name, "TCP (undecodable)");
        assert!(
            tree(&bad_off)
                .unwrap()
                .find("TCP")
                .unwrap()
                .value
                .contains("undecodable")
        );
        for n in 0..60 {
            let p = tcp4(0x18, REGISTER.as_bytes());
            let _ = describe(&p[..n.min(p.len())]);
            let _ = tree(&p[..n.min(p.len())]);
        }
    }
}
