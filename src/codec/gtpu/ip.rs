//! A look at the user packet inside a G-PDU: IPv4 (RFC 791) or IPv6 (RFC
//! 8200) addresses, protocol, and the TCP/UDP ports. Only for summaries and
//! trees; anything that does not parse is simply not summarised.

use crate::codec::Field;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The headline of an IP packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InnerIp {
    /// Source address.
    pub src: IpAddr,
    /// Destination address.
    pub dst: IpAddr,
    /// IPv4 protocol or IPv6 next header.
    pub protocol: u8,
    /// Offset of the transport header within the packet.
    pub transport_offset: usize,
    /// Source and destination ports for TCP and UDP.
    pub ports: Option<(u16, u16)>,
    /// TCP flags octet (CWR ECE URG ACK PSH RST SYN FIN).
    pub tcp_flags: Option<u8>,
}

const TCP: u8 = 6;
const UDP: u8 = 17;

/// Parses the IP header of `packet`; `None` if it is not IPv4/IPv6 or is cut short.
pub fn inner_ip(packet: &[u8]) -> Option<InnerIp> {
    let version = packet.first()? >> 4;
    let (src, dst, protocol, off, first_fragment) = match version {
        4 => {
            let ihl = usize::from(packet.first()? & 0x0f) * 4;
            if ihl < 20 || packet.len() < ihl {
                return None;
            }
            let frag_offset = u16::from_be_bytes([packet[6], packet[7]]) & 0x1fff;
            let a =
                |i: usize| Ipv4Addr::new(packet[i], packet[i + 1], packet[i + 2], packet[i + 3]);
            (
                IpAddr::V4(a(12)),
                IpAddr::V4(a(16)),
                packet[9],
                ihl,
                frag_offset == 0,
            )
        }
        6 => {
            if packet.len() < 40 {
                return None;
            }
            let a = |i: usize| {
                let mut b = [0u8; 16];
                b.copy_from_slice(&packet[i..i + 16]);
                Ipv6Addr::from(b)
            };
            (IpAddr::V6(a(8)), IpAddr::V6(a(24)), packet[6], 40, true)
        }
        _ => return None,
    };
    let transport = packet.get(off..).unwrap_or_default();
    let ports = match (protocol, transport) {
        (TCP | UDP, [a, b, c, d, ..]) if first_fragment => {
            Some((u16::from_be_bytes([*a, *b]), u16::from_be_bytes([*c, *d])))
        }
        _ => None,
    };
    let tcp_flags = match protocol {
        TCP if first_fragment => transport.get(13).copied(),
        _ => None,
    };
    Some(InnerIp {
        src,
        dst,
        protocol,
        transport_offset: off,
        ports,
        tcp_flags,
    })
}

fn protocol_name(p: u8) -> String {
    match p {
        1 => "ICMP".into(),
        6 => "TCP".into(),
        17 => "UDP".into(),
        50 => "ESP".into(),
        58 => "ICMPv6".into(),
        132 => "SCTP".into(),
        _ => format!("protocol {p}"),
    }
}

fn tcp_flag_names(f: u8) -> String {
    let names = ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"];
    let set: Vec<&str> = names
        .iter()
        .enumerate()
        .filter(|(i, _)| f & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect();
    set.join(" ")
}

impl InnerIp {
    /// Fields for the tree; `base` is the packet's offset in the message.
    pub fn fields(&self, base: usize) -> Vec<Field> {
        let v4 = self.src.is_ipv4();
        let (src_at, dst_at, proto_at, len) = if v4 { (12, 16, 9, 4) } else { (8, 24, 6, 16) };
        let mut kids = vec![
            Field::new("Version", if v4 { 4 } else { 6 }).at(base, base + 1),
            Field::new("Protocol", protocol_name(self.protocol))
                .at(base + proto_at, base + proto_at + 1),
            Field::new("Source", self.src).at(base + src_at, base + src_at + len),
            Field::new("Destination", self.dst).at(base + dst_at, base + dst_at + len),
        ];
        let t = base + self.transport_offset;
        if let Some((s, d)) = self.ports {
            kids.push(Field::new("Source Port", s).at(t, t + 2));
            kids.push(Field::new("Destination Port", d).at(t + 2, t + 4));
        }
        if let Some(f) = self.tcp_flags {
            kids.push(Field::new("TCP Flags", tcp_flag_names(f)).at(t + 13, t + 14));
        }
        kids
    }
}

impl fmt::Display for InnerIp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let proto = protocol_name(self.protocol);
        match self.ports {
            Some((s, d)) if self.src.is_ipv6() => {
                write!(f, "[{}]:{s} -> [{}]:{d} {proto}", self.src, self.dst)?
            }
            Some((s, d)) => write!(f, "{}:{s} -> {}:{d} {proto}", self.src, self.dst)?,
            None => write!(f, "{} -> {} {proto}", self.src, self.dst)?,
        }
        if let Some(flags) = self.tcp_flags {
            write!(f, " [{}]", tcp_flag_names(flags))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    #[test]
    fn inner_ip_reads_ipv4_tcp_syn() {
        let p = parse_hex(
            "4500002800014000400626710a2e00020a2e0001c35013c400000001000000005002ffffc46e0000",
        )
        .unwrap();
        let ip = inner_ip(&p).unwrap();
        assert_eq!(ip.src, IpAddr::V4(Ipv4Addr::new(10, 46, 0, 2)));
        assert_eq!(ip.ports, Some((50000, 5060)));
        assert_eq!(ip.tcp_flags, Some(0x02));
        assert_eq!(
            ip.to_string(),
            "10.46.0.2:50000 -> 10.46.0.1:5060 TCP [SYN]"
        );
    }

    #[test]
    fn inner_ip_reads_ipv6_udp() {
        let mut p = vec![0x60, 0, 0, 0, 0, 8, 17, 64];
        p.extend_from_slice(&"fd00::2".parse::<Ipv6Addr>().unwrap().octets());
        p.extend_from_slice(&"fd00::1".parse::<Ipv6Addr>().unwrap().octets());
        p.extend_from_slice(&[0x13, 0xc4, 0x13, 0xc4, 0, 8, 0, 0]);
        let ip = inner_ip(&p).unwrap();
        assert_eq!(ip.to_string(), "[fd00::2]:5060 -> [fd00::1]:5060 UDP");
        assert_eq!(ip.fields(0).len(), 6);
    }

    #[test]
    fn inner_ip_refuses_short_or_foreign_packets() {
        assert!(inner_ip(&[]).is_none());
        assert!(inner_ip(&[0x45, 0, 0]).is_none());
        assert!(inner_ip(&[0x46; 20]).is_none());
        assert!(inner_ip(&[0x60; 39]).is_none());
        assert!(inner_ip(&[0x10; 40]).is_none());
    }
}
