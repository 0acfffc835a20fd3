//! ICMPv6 (RFC 4443) as far as the simulated PDN needs it: the Router
//! Advertisement of Neighbor Discovery (RFC 4861 4.2) with its Prefix
//! Information (4.6.2) and MTU (4.6.4) options, and the checksum over the
//! IPv6 pseudo-header (RFC 8200 8.1).
//!
//! On an IPv6 PDN the UE learns only an interface identifier over NAS; the
//! PGW then sends a Router Advertisement with the PDN's /64 prefix, the A
//! flag set and the L flag clear (TS 29.061 11.2.1.3.4, TS 23.401
//! 5.3.1.2.2), and the UE forms its global address as prefix + interface
//! identifier (RFC 4862 5.5.3).
//!
//! - [`Icmpv6Message`]: one ICMPv6 message starting at its type octet
//!   ([`decode`], [`Icmpv6Message::encode`] with a zero checksum,
//!   [`tree`]); other message types are kept whole.
//! - [`Icmpv6Message::encode_packet`]: the whole IPv6 packet with the
//!   checksum filled in; [`decode_packet`]: the reverse, checking the
//!   checksum; [`router_advertisement`]: the validity checks a host applies
//!   to a received Router Advertisement (RFC 4861 6.1.2).

use super::{DecodeError, Field, Reader, hex};
use std::fmt;
use std::net::Ipv6Addr;

const PROTO: &str = "ICMPv6";
/// IPv6 next-header value of ICMPv6.
pub const IPPROTO_ICMPV6: u8 = 58;
/// ICMPv6 type of a Router Solicitation (RFC 4861 4.1).
pub const ROUTER_SOLICITATION: u8 = 133;
/// ICMPv6 type of a Router Advertisement (RFC 4861 4.2).
pub const ROUTER_ADVERTISEMENT: u8 = 134;
/// The hop limit of every Neighbor Discovery message (RFC 4861 6.1.2): a
/// received one with any other value crossed a router and is dropped.
pub const ND_HOP_LIMIT: u8 = 255;
/// Option type of the Source Link-Layer Address option (RFC 4861 4.6.1).
pub const OPT_SOURCE_LINK_LAYER: u8 = 1;
/// Option type of the Prefix Information option (RFC 4861 4.6.2).
pub const OPT_PREFIX_INFORMATION: u8 = 3;
/// Option type of the MTU option (RFC 4861 4.6.4).
pub const OPT_MTU: u8 = 5;
/// A lifetime of all ones means infinity (RFC 4861 4.6.2).
pub const INFINITE_LIFETIME: u32 = u32::MAX;

/// Fixed part of a Router Advertisement after type, code and checksum.
const RA_FIXED: usize = 12;
/// IPv6 fixed header length.
const IPV6_HEADER: usize = 40;

/// Prefix Information option (RFC 4861 4.6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixInformation {
    /// Number of leading bits of `prefix` that are valid (0..=128).
    pub prefix_len: u8,
    /// L: the prefix is on-link. A PGW leaves it clear: the UE sends
    /// everything to the PGW (TS 29.061 11.2.1.3.4).
    pub on_link: bool,
    /// A: the prefix may be used for stateless address autoconfiguration.
    pub autonomous: bool,
    /// The other six flag bits (R of RFC 6275 and reserved), kept as sent.
    pub other_flags: u8,
    /// Valid lifetime in seconds ([`INFINITE_LIFETIME`] = forever).
    pub valid_lifetime: u32,
    /// Preferred lifetime in seconds.
    pub preferred_lifetime: u32,
    /// The prefix (bits past `prefix_len` are zero when sent).
    pub prefix: Ipv6Addr,
}

impl PrefixInformation {
    /// The prefix a PGW advertises for a PDN (TS 29.061 11.2.1.3.4): A
    /// set, L clear, infinite lifetimes.
    pub fn for_pdn(prefix: Ipv6Addr, prefix_len: u8) -> Self {
        Self {
            prefix_len,
            on_link: false,
            autonomous: true,
            other_flags: 0,
            valid_lifetime: INFINITE_LIFETIME,
            preferred_lifetime: INFINITE_LIFETIME,
            prefix: mask(prefix, prefix_len),
        }
    }
}

impl fmt::Display for PrefixInformation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.prefix, self.prefix_len)
    }
}

/// `a` with the bits past `len` cleared.
pub fn mask(a: Ipv6Addr, len: u8) -> Ipv6Addr {
    let len = u32::from(len.min(128));
    let m = if len == 0 {
        0
    } else {
        u128::MAX << (128 - len)
    };
    Ipv6Addr::from(u128::from(a) & m)
}

/// A Neighbor Discovery option (RFC 4861 4.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NdOption {
    /// Prefix Information (type 3).
    PrefixInformation(PrefixInformation),
    /// MTU (type 5): the link MTU in octets.
    Mtu(u32),
    /// Any other option: its type and the octets after the length octet
    /// (a multiple of 8 minus 2).
    Other {
        /// Option type.
        kind: u8,
        /// Option data.
        data: Vec<u8>,
    },
}

impl NdOption {
    fn encode_into(&self, out: &mut Vec<u8>) {
        match self {
            Self::PrefixInformation(p) => {
                out.extend_from_slice(&[OPT_PREFIX_INFORMATION, 4, p.prefix_len]);
                let flags = (u8::from(p.on_link) << 7)
                    | (u8::from(p.autonomous) << 6)
                    | (p.other_flags & 0x3f);
                out.push(flags);
                out.extend_from_slice(&p.valid_lifetime.to_be_bytes());
                out.extend_from_slice(&p.preferred_lifetime.to_be_bytes());
                out.extend_from_slice(&[0; 4]);
                out.extend_from_slice(&p.prefix.octets());
            }
            Self::Mtu(mtu) => {
                out.extend_from_slice(&[OPT_MTU, 1, 0, 0]);
                out.extend_from_slice(&mtu.to_be_bytes());
            }
            Self::Other { kind, data } => {
                // Padded to a whole number of 8-octet units.
                let units = (data.len() + 2).div_ceil(8).clamp(1, 255);
                out.push(*kind);
                out.push(units as u8);
                let mut d = data.clone();
                d.resize(units * 8 - 2, 0);
                out.extend_from_slice(&d);
            }
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let at = r.offset();
        let kind = r.u8()?;
        let units = r.u8()?;
        if units == 0 {
            // RFC 4861 4.6: an option of length 0 makes the packet invalid.
            return Err(DecodeError::new(PROTO, at + 1, "option with length 0"));
        }
        let mut body = r.sub(usize::from(units) * 8 - 2)?;
        match kind {
            OPT_PREFIX_INFORMATION => {
                if units != 4 {
                    return Err(DecodeError::new(
                        PROTO,
                        at + 1,
                        format!("Prefix Information option of length {units}, not 4"),
                    ));
                }
                let prefix_len = body.u8()?;
                if prefix_len > 128 {
                    return Err(DecodeError::new(
                        PROTO,
                        at + 2,
                        format!("prefix length {prefix_len} is over 128"),
                    ));
                }
                let flags = body.u8()?;
                let valid_lifetime = body.u32()?;
                let preferred_lifetime = body.u32()?;
                body.take(4)?;
                let prefix = Ipv6Addr::from(body.array::<16>()?);
                Ok(Self::PrefixInformation(PrefixInformation {
                    prefix_len,
                    on_link: flags & 0x80 != 0,
                    autonomous: flags & 0x40 != 0,
                    other_flags: flags & 0x3f,
                    valid_lifetime,
                    preferred_lifetime,
                    prefix,
                }))
            }
            OPT_MTU if units == 1 => {
                body.take(2)?;
                Ok(Self::Mtu(body.u32()?))
            }
            _ => Ok(Self::Other {
                kind,
                data: body.rest().to_vec(),
            }),
        }
    }

    fn name(&self) -> String {
        match self {
            Self::PrefixInformation(_) => "Prefix Information".into(),
            Self::Mtu(_) => "MTU".into(),
            Self::Other { kind, .. } => match *kind {
                OPT_SOURCE_LINK_LAYER => "Source Link-Layer Address".into(),
                2 => "Target Link-Layer Address".into(),
                k => format!("Option {k}"),
            },
        }
    }
}

/// Router Advertisement (RFC 4861 4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouterAdvertisement {
    /// Hop limit hosts should use (0: unspecified).
    pub cur_hop_limit: u8,
    /// M: addresses come from DHCPv6.
    pub managed: bool,
    /// O: other configuration comes from DHCPv6.
    pub other_config: bool,
    /// The other six flag bits (H, Prf, P and reserved), kept as sent.
    pub other_flags: u8,
    /// Lifetime as a default router, seconds (0: not a default router).
    pub router_lifetime: u16,
    /// Reachable time, milliseconds (0: unspecified).
    pub reachable_time: u32,
    /// Retransmission timer, milliseconds (0: unspecified).
    pub retrans_timer: u32,
    /// Options in wire order.
    pub options: Vec<NdOption>,
}

impl RouterAdvertisement {
    /// The Router Advertisement a PGW sends on a PDN with `prefix`/`len`
    /// (TS 29.061 11.2.1.3.4): a default router, no DHCPv6, one Prefix
    /// Information option with A set and L clear.
    pub fn for_pdn(prefix: Ipv6Addr, prefix_len: u8) -> Self {
        Self {
            cur_hop_limit: 64,
            managed: false,
            other_config: false,
            other_flags: 0,
            // MaxRtrAdvInterval * 3 at its largest (RFC 4861 6.2.1).
            router_lifetime: 9000,
            reachable_time: 0,
            retrans_timer: 0,
            options: vec![NdOption::PrefixInformation(PrefixInformation::for_pdn(
                prefix, prefix_len,
            ))],
        }
    }

    /// The Prefix Information options.
    pub fn prefixes(&self) -> impl Iterator<Item = &PrefixInformation> + '_ {
        self.options.iter().filter_map(|o| match o {
            NdOption::PrefixInformation(p) => Some(p),
            _ => None,
        })
    }

    /// The prefix a host forms its address from (RFC 4862 5.5.3): the
    /// first with the A flag, a /64 (the length of an interface identifier,
    /// RFC 4291 2.5.1) and a valid lifetime.
    pub fn autoconf_prefix(&self) -> Option<Ipv6Addr> {
        self.prefixes()
            .find(|p| p.autonomous && p.prefix_len == 64 && p.valid_lifetime > 0)
            .map(|p| mask(p.prefix, 64))
    }
}

/// One ICMPv6 message, from its type octet on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Icmpv6Message {
    /// Router Advertisement (type 134, code 0).
    RouterAdvertisement(RouterAdvertisement),
    /// Any other message, kept whole after the checksum.
    Other {
        /// Type.
        kind: u8,
        /// Code.
        code: u8,
        /// Everything after the checksum.
        body: Vec<u8>,
    },
}

/// The name of an ICMPv6 message type (RFC 4443, RFC 4861).
pub fn type_name(kind: u8) -> &'static str {
    match kind {
        1 => "Destination Unreachable",
        2 => "Packet Too Big",
        3 => "Time Exceeded",
        4 => "Parameter Problem",
        128 => "Echo Request",
        129 => "Echo Reply",
        ROUTER_SOLICITATION => "Router Solicitation",
        ROUTER_ADVERTISEMENT => "Router Advertisement",
        135 => "Neighbor Solicitation",
        136 => "Neighbor Advertisement",
        137 => "Redirect",
        _ => "",
    }
}

impl Icmpv6Message {
    /// Its type octet.
    pub fn kind(&self) -> u8 {
        match self {
            Self::RouterAdvertisement(_) => ROUTER_ADVERTISEMENT,
            Self::Other { kind, .. } => *kind,
        }
    }

    /// The message name, e.g. "Router Advertisement".
    pub fn name(&self) -> String {
        match type_name(self.kind()) {
            "" => format!("ICMPv6 type {}", self.kind()),
            n => n.to_string(),
        }
    }

    /// One line for a ladder, e.g. "Router Advertisement fd00:46::/64".
    pub fn summary(&self) -> String {
        match self {
            Self::RouterAdvertisement(ra) => {
                let list: Vec<String> = ra.prefixes().map(ToString::to_string).collect();
                if list.is_empty() {
                    "Router Advertisement (no prefix)".into()
                } else {
                    format!("Router Advertisement {}", list.join(", "))
                }
            }
            Self::Other { code, .. } => format!("{} (code {code})", self.name()),
        }
    }

    /// The message bytes with a zero checksum (see [`checksum`]).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        match self {
            Self::RouterAdvertisement(ra) => {
                out.extend_from_slice(&[ROUTER_ADVERTISEMENT, 0, 0, 0, ra.cur_hop_limit]);
                out.push(
                    (u8::from(ra.managed) << 7)
                        | (u8::from(ra.other_config) << 6)
                        | (ra.other_flags & 0x3f),
                );
                out.extend_from_slice(&ra.router_lifetime.to_be_bytes());
                out.extend_from_slice(&ra.reachable_time.to_be_bytes());
                out.extend_from_slice(&ra.retrans_timer.to_be_bytes());
                for o in &ra.options {
                    o.encode_into(&mut out);
                }
            }
            Self::Other { kind, code, body } => {
                out.extend_from_slice(&[*kind, *code, 0, 0]);
                out.extend_from_slice(body);
            }
        }
        out
    }

    /// The whole IPv6 packet from `src` to `dst` carrying this message,
    /// checksum filled in. Neighbor Discovery messages go with hop limit
    /// 255 (RFC 4861 6.1.2), others with 64.
    pub fn encode_packet(&self, src: Ipv6Addr, dst: Ipv6Addr) -> Vec<u8> {
        let mut icmp = self.encode();
        let sum = checksum(src, dst, &icmp);
        icmp[2..4].copy_from_slice(&sum.to_be_bytes());
        let hop_limit = if (ROUTER_SOLICITATION..=137).contains(&self.kind()) {
            ND_HOP_LIMIT
        } else {
            64
        };
        // An ICMPv6 message longer than 65535 octets cannot be built from
        // our types (options are at most 2040 octets each, and few).
        let len = u16::try_from(icmp.len()).unwrap_or(u16::MAX);
        let mut p = Vec::with_capacity(IPV6_HEADER + icmp.len());
        p.extend_from_slice(&[0x60, 0, 0, 0]);
        p.extend_from_slice(&len.to_be_bytes());
        p.push(IPPROTO_ICMPV6);
        p.push(hop_limit);
        p.extend_from_slice(&src.octets());
        p.extend_from_slice(&dst.octets());
        p.extend_from_slice(&icmp);
        p
    }
}

/// The ICMPv6 checksum of `icmp` (its checksum field taken as zero) from
/// `src` to `dst` (RFC 4443 2.3, RFC 8200 8.1).
pub fn checksum(src: Ipv6Addr, dst: Ipv6Addr, icmp: &[u8]) -> u16 {
    let mut sum: u64 = 0;
    let mut add = |b: &[u8]| {
        for c in b.chunks(2) {
            sum += u64::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
        }
    };
    add(&src.octets());
    add(&dst.octets());
    add(&(icmp.len() as u32).to_be_bytes());
    add(&[0, 0, 0, IPPROTO_ICMPV6]);
    add(icmp.get(..2).unwrap_or(icmp));
    add(icmp.get(4..).unwrap_or_default());
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// Decodes one ICMPv6 message starting at its type octet (the checksum is
/// not checked here: it needs the addresses, see [`decode_packet`]).
pub fn decode(bytes: &[u8]) -> Result<Icmpv6Message, DecodeError> {
    let mut r = Reader::new(PROTO, bytes);
    let kind = r.u8()?;
    let code = r.u8()?;
    r.u16()?;
    if kind != ROUTER_ADVERTISEMENT {
        return Ok(Icmpv6Message::Other {
            kind,
            code,
            body: r.rest().to_vec(),
        });
    }
    if code != 0 {
        return Err(DecodeError::new(
            PROTO,
            1,
            format!("Router Advertisement with code {code}, not 0"),
        ));
    }
    let cur_hop_limit = r.u8()?;
    let flags = r.u8()?;
    let router_lifetime = r.u16()?;
    let reachable_time = r.u32()?;
    let retrans_timer = r.u32()?;
    let mut options = Vec::new();
    while !r.is_empty() {
        options.push(NdOption::read(&mut r)?);
    }
    Ok(Icmpv6Message::RouterAdvertisement(RouterAdvertisement {
        cur_hop_limit,
        managed: flags & 0x80 != 0,
        other_config: flags & 0x40 != 0,
        other_flags: flags & 0x3f,
        router_lifetime,
        reachable_time,
        retrans_timer,
        options,
    }))
}

/// An ICMPv6 message with the IPv6 header it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icmpv6Packet {
    /// Source address.
    pub src: Ipv6Addr,
    /// Destination address.
    pub dst: Ipv6Addr,
    /// Hop limit of the IPv6 header.
    pub hop_limit: u8,
    /// The message.
    pub message: Icmpv6Message,
}

/// Decodes an IPv6 packet carrying ICMPv6 right after its fixed header and
/// checks the checksum.
pub fn decode_packet(ip: &[u8]) -> Result<Icmpv6Packet, DecodeError> {
    let mut r = Reader::new(PROTO, ip);
    let first = r.u8()?;
    if first >> 4 != 6 {
        return Err(DecodeError::new(PROTO, 0, "not an IPv6 packet"));
    }
    r.take(3)?;
    let len = usize::from(r.u16()?);
    let next = r.u8()?;
    let hop_limit = r.u8()?;
    let src = Ipv6Addr::from(r.array::<16>()?);
    let dst = Ipv6Addr::from(r.array::<16>()?);
    if next != IPPROTO_ICMPV6 {
        return Err(DecodeError::new(
            PROTO,
            6,
            format!("next header {next} is not ICMPv6"),
        ));
    }
    let body = r.take(len)?;
    if body.len() < 4 {
        return Err(DecodeError::new(
            PROTO,
            IPV6_HEADER,
            "ICMPv6 message cut short",
        ));
    }
    let sent = u16::from_be_bytes([body[2], body[3]]);
    let want = checksum(src, dst, body);
    if sent != want {
        return Err(DecodeError::new(
            PROTO,
            IPV6_HEADER + 2,
            format!("checksum 0x{sent:04x} is wrong (0x{want:04x})"),
        ));
    }
    let message = decode(body).map_err(|e| shift_error(e, IPV6_HEADER))?;
    Ok(Icmpv6Packet {
        src,
        dst,
        hop_limit,
        message,
    })
}

fn shift_error(mut e: DecodeError, by: usize) -> DecodeError {
    e.offset = e.offset.saturating_add(by);
    e
}

/// True for fe80::/10 (RFC 4291 2.5.6).
pub fn is_link_local(a: Ipv6Addr) -> bool {
    a.segments()[0] & 0xffc0 == 0xfe80
}

/// A received Router Advertisement that passed the host's checks of RFC
/// 4861 6.1.2: IPv6 with ICMPv6 directly after the header, a right
/// checksum, hop limit 255, code 0, a link-local source, well-formed
/// options. Returns the router's address and the advertisement; `Ok(None)`
/// for any packet that is not a Router Advertisement at all.
pub fn router_advertisement(
    ip: &[u8],
) -> Result<Option<(Ipv6Addr, RouterAdvertisement)>, DecodeError> {
    let is_ra = ip.first().is_some_and(|b| b >> 4 == 6)
        && ip.get(6) == Some(&IPPROTO_ICMPV6)
        && ip.get(IPV6_HEADER) == Some(&ROUTER_ADVERTISEMENT);
    if !is_ra {
        return Ok(None);
    }
    let p = decode_packet(ip)?;
    if p.hop_limit != ND_HOP_LIMIT {
        return Err(DecodeError::new(
            PROTO,
            7,
            format!(
                "hop limit {} is not {ND_HOP_LIMIT}: it crossed a router",
                p.hop_limit
            ),
        ));
    }
    if !is_link_local(p.src) {
        return Err(DecodeError::new(
            PROTO,
            8,
            format!("source {} is not link-local", p.src),
        ));
    }
    match p.message {
        Icmpv6Message::RouterAdvertisement(ra) => Ok(Some((p.src, ra))),
        Icmpv6Message::Other { .. } => Ok(None),
    }
}

fn lifetime(s: u32) -> String {
    if s == INFINITE_LIFETIME {
        "infinity".into()
    } else {
        format!("{s} s")
    }
}

/// A tree for humans of one ICMPv6 message starting at its type octet.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let m = decode(bytes)?;
    let mut kids = vec![
        Field::new("Type", format!("{} ({})", m.name(), m.kind())).at(0, 1),
        Field::new("Code", bytes[1]).at(1, 2),
        Field::new("Checksum", format!("0x{:02x}{:02x}", bytes[2], bytes[3])).at(2, 4),
    ];
    match &m {
        Icmpv6Message::RouterAdvertisement(ra) => {
            let flag = |b: bool| if b { "1" } else { "0" };
            kids.push(Field::new("Cur Hop Limit", ra.cur_hop_limit).at(4, 5));
            kids.push(
                Field::new("Flags", format!("0x{:02x}", bytes[5]))
                    .at(5, 6)
                    .child(Field::new("Managed (M)", flag(ra.managed)).at(5, 6))
                    .child(Field::new("Other configuration (O)", flag(ra.other_config)).at(5, 6)),
            );
            kids.push(Field::new("Router Lifetime", format!("{} s", ra.router_lifetime)).at(6, 8));
            kids.push(Field::new("Reachable Time", format!("{} ms", ra.reachable_time)).at(8, 12));
            kids.push(Field::new("Retrans Timer", format!("{} ms", ra.retrans_timer)).at(12, 16));
            let mut at = 4 + RA_FIXED;
            for o in &ra.options {
                let len = bytes.get(at + 1).map_or(0, |u| usize::from(*u) * 8);
                let end = at + len;
                let f = match o {
                    NdOption::PrefixInformation(p) => Field::new(o.name(), p)
                        .at(at, end)
                        .child(Field::new("Prefix Length", p.prefix_len).at(at + 2, at + 3))
                        .child(Field::new("On-link (L)", flag(p.on_link)).at(at + 3, at + 4))
                        .child(Field::new("Autonomous (A)", flag(p.autonomous)).at(at + 3, at + 4))
                        .child(
                            Field::new("Valid Lifetime", lifetime(p.valid_lifetime))
                                .at(at + 4, at + 8),
                        )
                        .child(
                            Field::new("Preferred Lifetime", lifetime(p.preferred_lifetime))
                                .at(at + 8, at + 12),
                        )
                        .child(Field::new("Prefix", p.prefix).at(at + 16, at + 32)),
                    NdOption::Mtu(mtu) => Field::new(o.name(), mtu).at(at, end),
                    NdOption::Other { data, .. } => Field::new(o.name(), hex(data)).at(at, end),
                };
                kids.push(f);
                at = end;
            }
        }
        Icmpv6Message::Other { body, .. } => {
            if !body.is_empty() {
                kids.push(Field::new("Body", hex(body)).at(4, bytes.len()));
            }
        }
    }
    Ok(Field::group(format!("ICMPv6 {}", m.summary()), kids).at(0, bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    fn v6(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    /// The PGW's RA for fd00:46::/64 from fe80::1 to all nodes, as bytes.
    const RA_HEX: &str = concat!(
        "6000000000303aff",
        "fe800000000000000000000000000001",
        "ff020000000000000000000000000001",
        // type, code, checksum, hop limit, flags, lifetime, reachable, retrans
        "8600d85b4000232800000000",
        "00000000",
        // Prefix Information: /64, A, infinite lifetimes, fd00:46::
        "03044040ffffffffffffffff00000000",
        "fd000046000000000000000000000000",
    );

    fn ra_bytes() -> Vec<u8> {
        parse_hex(RA_HEX).unwrap()
    }

    #[test]
    fn router_advertisement_encodes_to_known_bytes_with_checksum() {
        let ra =
            Icmpv6Message::RouterAdvertisement(RouterAdvertisement::for_pdn(v6("fd00:46::17"), 64));
        let p = ra.encode_packet(v6("fe80::1"), v6("ff02::1"));
        assert_eq!(hex(&p), hex(&ra_bytes()));
        assert_eq!(p.len(), 40 + 16 + 32);
        assert_eq!(p[7], 255, "hop limit of ND");
        assert_eq!(checksum(v6("fe80::1"), v6("ff02::1"), &p[40..]), 0xd85b);
    }

    #[test]
    fn router_advertisement_decodes_prefix_flags_and_lifetimes() {
        let p = decode_packet(&ra_bytes()).unwrap();
        assert_eq!(
            (p.src, p.dst, p.hop_limit),
            (v6("fe80::1"), v6("ff02::1"), 255)
        );
        let Icmpv6Message::RouterAdvertisement(ra) = &p.message else {
            panic!("not an RA: {:?}", p.message);
        };
        assert_eq!(ra.router_lifetime, 9000);
        let pi = ra.prefixes().next().unwrap();
        assert_eq!(pi.prefix, v6("fd00:46::"));
        assert_eq!(pi.prefix_len, 64);
        assert!(pi.autonomous && !pi.on_link);
        assert_eq!(pi.valid_lifetime, INFINITE_LIFETIME);
        assert_eq!(ra.autoconf_prefix(), Some(v6("fd00:46::")));
        assert_eq!(p.message.summary(), "Router Advertisement fd00:46::/64");
        assert_eq!(decode(&p.message.encode()).unwrap(), p.message);
    }

    #[test]
    fn router_advertisement_is_refused_with_bad_checksum_hop_limit_or_source() {
        let good = ra_bytes();
        let (src, ra) = router_advertisement(&good).unwrap().unwrap();
        assert_eq!(src, v6("fe80::1"));
        assert_eq!(ra.autoconf_prefix(), Some(v6("fd00:46::")));

        let mut bad_sum = good.clone();
        bad_sum[42] ^= 1;
        let e = router_advertisement(&bad_sum).unwrap_err();
        assert!(e.what.contains("checksum"), "{e}");

        let mut routed = good.clone();
        routed[7] = 64;
        let e = router_advertisement(&routed).unwrap_err();
        assert!(e.what.contains("hop limit 64"), "{e}");

        let m = decode_packet(&good).unwrap().message;
        let global = m.encode_packet(v6("fd00:46::1"), v6("ff02::1"));
        let e = router_advertisement(&global).unwrap_err();
        assert!(e.what.contains("not link-local"), "{e}");

        // Not an RA at all: no opinion.
        let echo = Icmpv6Message::Other {
            kind: 128,
            code: 0,
            body: vec![0, 1, 0, 1],
        }
        .encode_packet(v6("fe80::1"), v6("fe80::2"));
        assert_eq!(router_advertisement(&echo).unwrap(), None);
        assert_eq!(router_advertisement(&[0x45, 0, 0]).unwrap(), None);
    }

    #[test]
    fn router_advertisement_options_of_length_zero_or_wrong_size_are_errors() {
        let mut zero = ra_bytes()[40..].to_vec();
        zero[17] = 0;
        assert!(decode(&zero).unwrap_err().what.contains("length 0"));
        let mut short = ra_bytes()[40..].to_vec();
        short[17] = 3;
        assert!(decode(&short).is_err());
        let mut cut = ra_bytes()[40..].to_vec();
        cut.truncate(30);
        assert!(decode(&cut).is_err());
    }

    #[test]
    fn router_advertisement_keeps_mtu_and_unknown_options() {
        let ra = RouterAdvertisement {
            options: vec![
                NdOption::Mtu(1400),
                NdOption::Other {
                    kind: OPT_SOURCE_LINK_LAYER,
                    data: vec![2, 0, 0, 0, 0, 1],
                },
                NdOption::PrefixInformation(PrefixInformation {
                    prefix_len: 48,
                    on_link: true,
                    autonomous: true,
                    other_flags: 0x20,
                    valid_lifetime: 30,
                    preferred_lifetime: 20,
                    prefix: v6("2001:db8:1::"),
                }),
            ],
            ..RouterAdvertisement::for_pdn(v6("fd00::"), 64)
        };
        let m = Icmpv6Message::RouterAdvertisement(ra.clone());
        let back = decode(&m.encode()).unwrap();
        assert_eq!(back, m);
        // A /48 is no address for SLAAC with a 64-bit interface id.
        assert_eq!(ra.autoconf_prefix(), None);
        let t = tree(&m.encode()).unwrap();
        assert_eq!(t.find("MTU").unwrap().value, "1400");
        assert_eq!(t.find("Prefix").unwrap().value, "2001:db8:1::");
        assert_eq!(t.find("Valid Lifetime").unwrap().value, "30 s");
    }

    #[test]
    fn tree_spans_the_prefix_bytes() {
        let b = ra_bytes();
        let t = tree(&b[40..]).unwrap();
        assert_eq!(t.name, "ICMPv6 Router Advertisement fd00:46::/64");
        let p = t.find("Prefix").unwrap();
        assert_eq!(p.span, Some((32, 48)));
        assert_eq!(t.find("Autonomous (A)").unwrap().value, "1");
        assert_eq!(t.find("On-link (L)").unwrap().value, "0");
    }

    #[test]
    fn mask_clears_host_bits() {
        assert_eq!(mask(v6("fd00:46::17"), 64), v6("fd00:46::"));
        assert_eq!(mask(v6("fd00:46::17"), 0), v6("::"));
        assert_eq!(mask(v6("fd00:46::17"), 200), v6("fd00:46::17"));
    }
}
