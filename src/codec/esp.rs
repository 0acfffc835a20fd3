//! ESP, the IP Encapsulating Security Payload (RFC 4303), in transport mode
//! as IMS uses it between the UE and the P-CSCF (TS 33.203 7.x).
//!
//! On the wire, after the IP header (protocol / next header 50):
//!
//! ```text
//! SPI (4) | Sequence Number (4) | [IV] | payload | padding | pad length (1) | next header (1) | ICV (12)
//! ```
//!
//! - [`EspPacket`]: the header as seen without keys ([`decode`], [`tree`]).
//! - [`SecurityAssociation`]: one direction of protection with its keys
//!   ([`crate::crypto::ipsec::EspKeys`]), its sequence counter (outbound; 32
//!   bits, no ESN) and its anti-replay window (inbound; 64 packets, RFC 4303
//!   3.4.3 and Appendix A). [`SecurityAssociation::encapsulate`] turns a plain
//!   IPv4/IPv6 packet into an ESP one; [`SecurityAssociation::decapsulate`]
//!   does the reverse after checking the ICV (in constant time), the replay
//!   window and the padding. Every failure is an [`EspError`], never a panic.
//! - [`peek_spi`]: the SPI of a received ESP packet, to find its SA.
//!
//! IPv6 packets are handled when ESP (or the protected transport header)
//! follows the fixed header directly: the stacks that feed this module send
//! no extension headers.

use super::{DecodeError, Field, Reader, hex};
pub use crate::crypto::ipsec::EspError;
use crate::crypto::ipsec::{EncryptionAlg, EspKeys, ICV_LEN};
use rand::RngCore;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

const PROTO: &str = "ESP";
/// IP protocol number of ESP.
pub const IPPROTO_ESP: u8 = 50;
/// Length of the ESP header: SPI and sequence number.
pub const HEADER_LEN: usize = 8;
/// Size of the anti-replay window in packets (RFC 4303 3.4.3: at least 32,
/// 64 recommended).
pub const REPLAY_WINDOW: u32 = 64;

/// IPv6 next-header values that are extension headers (RFC 8200 4).
const IPV6_EXTENSIONS: [u8; 6] = [0, 43, 44, 51, 60, 135];

/// An ESP packet as seen without its SA: header plus opaque rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EspPacket {
    /// Security Parameters Index.
    pub spi: u32,
    /// Sequence number.
    pub seq: u32,
    /// Everything after the header: the IV if any, the (encrypted) payload and
    /// trailer, the ICV.
    pub body: Vec<u8>,
}

impl EspPacket {
    /// The wire bytes (header, then body).
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(HEADER_LEN + self.body.len());
        v.extend_from_slice(&self.spi.to_be_bytes());
        v.extend_from_slice(&self.seq.to_be_bytes());
        v.extend_from_slice(&self.body);
        v
    }

    /// One line for a ladder.
    pub fn summary(&self) -> String {
        format!("ESP (SPI 0x{:08x}, Seq={})", self.spi, self.seq)
    }

    /// Guesses the trailer of a NULL-encrypted packet with a 96-bit ICV, as
    /// Wireshark's heuristic does: (payload length, pad length, next header)
    /// when the padding is the default 1, 2, 3... sequence.
    pub fn null_trailer_guess(&self) -> Option<(usize, u8, u8)> {
        let body_len = self.body.len().checked_sub(ICV_LEN)?;
        let trailer = self.body.get(..body_len)?;
        let (&next, rest) = trailer.split_last()?;
        let (&pad_len, rest) = rest.split_last()?;
        let payload_len = rest.len().checked_sub(usize::from(pad_len))?;
        let pad = rest.get(payload_len..)?;
        let default = pad.iter().zip(1u8..).all(|(b, i)| *b == i);
        (default && (HEADER_LEN + body_len).is_multiple_of(4)).then_some((
            payload_len,
            pad_len,
            next,
        ))
    }
}

/// Decodes an ESP packet starting at the SPI.
pub fn decode(bytes: &[u8]) -> Result<EspPacket, DecodeError> {
    let mut r = Reader::new(PROTO, bytes);
    let spi = r.u32()?;
    let seq = r.u32()?;
    if spi == 0 {
        // RFC 4303 2.1: SPI 0 is reserved for local use and never on the wire.
        return Err(DecodeError::new(PROTO, 0, "SPI 0 is reserved"));
    }
    Ok(EspPacket {
        spi,
        seq,
        body: r.rest().to_vec(),
    })
}

/// A tree for humans of an ESP packet starting at the SPI.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let p = decode(bytes)?;
    let len = bytes.len();
    let mut kids = vec![
        Field::new("SPI", format!("0x{:08x} ({})", p.spi, p.spi)).at(0, 4),
        Field::new("Sequence Number", p.seq).at(4, 8),
    ];
    if let Some((payload_len, pad_len, next)) = p.null_trailer_guess() {
        let pad_at = HEADER_LEN + payload_len;
        let trailer_at = pad_at + usize::from(pad_len);
        kids.push(
            Field::new(
                "Payload (if NULL encryption)",
                format!("{payload_len} bytes"),
            )
            .at(HEADER_LEN, pad_at),
        );
        kids.push(Field::new("Pad Length", pad_len).at(trailer_at, trailer_at + 1));
        kids.push(Field::new("Next Header", next).at(trailer_at + 1, trailer_at + 2));
        kids.push(Field::new("ICV", hex(&bytes[len - ICV_LEN..])).at(len - ICV_LEN, len));
    } else {
        kids.push(
            Field::new("Encrypted Data", format!("{} bytes", p.body.len())).at(HEADER_LEN, len),
        );
    }
    Ok(Field::group("Encapsulating Security Payload", kids).at(0, len))
}

/// The SPI of the ESP packet inside IP packet `ip`.
pub fn peek_spi(ip: &[u8]) -> Result<u32, EspError> {
    let h = IpHeader::parse(ip)?;
    if h.protocol != IPPROTO_ESP {
        return Err(EspError::Malformed(format!(
            "protocol {} is not ESP",
            h.protocol
        )));
    }
    let esp = ip.get(h.header_len..h.total_len).unwrap_or_default();
    match esp.get(..4) {
        Some(s) => Ok(u32::from_be_bytes([s[0], s[1], s[2], s[3]])),
        None => Err(EspError::Malformed("ESP header cut short".into())),
    }
}

/// Which way an SA protects traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaDirection {
    /// Packets we send: [`SecurityAssociation::encapsulate`].
    Outbound,
    /// Packets we receive: [`SecurityAssociation::decapsulate`].
    Inbound,
}

/// The anti-replay window of an inbound SA (RFC 4303 3.4.3, Appendix A):
/// the highest sequence number accepted and a bitmap of the 64 numbers at
/// and below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReplayWindow {
    top: u32,
    bitmap: u64,
}

impl ReplayWindow {
    /// The highest sequence number accepted so far (0 before any).
    pub const fn top(&self) -> u32 {
        self.top
    }

    /// Whether `seq` may be accepted: new, and not left of the window.
    pub fn check(&self, seq: u32) -> bool {
        if seq == 0 {
            // The first packet of an SA carries 1 (RFC 4303 3.3.3).
            return false;
        }
        if seq > self.top {
            return true;
        }
        let behind = self.top - seq;
        behind < REPLAY_WINDOW && self.bitmap & (1u64 << behind) == 0
    }

    /// Records `seq` as received; call only once its ICV is verified
    /// (RFC 4303 3.4.3).
    pub fn accept(&mut self, seq: u32) {
        if seq > self.top {
            let shift = seq - self.top;
            self.bitmap = if shift < REPLAY_WINDOW {
                (self.bitmap << shift) | 1
            } else {
                1
            };
            self.top = seq;
        } else {
            let behind = self.top - seq;
            if behind < REPLAY_WINDOW {
                self.bitmap |= 1u64 << behind;
            }
        }
    }
}

/// One ESP security association in transport mode (RFC 4301 4.1).
#[derive(Debug, Clone)]
pub struct SecurityAssociation {
    spi: u32,
    direction: SaDirection,
    keys: EspKeys,
    /// Outbound: the last sequence number sent.
    seq: u32,
    /// Inbound: the anti-replay window.
    window: ReplayWindow,
}

impl SecurityAssociation {
    /// An SA with `spi` and `keys`; fails for algorithms this module cannot
    /// process (DES-EDE3-CBC) and for the reserved SPIs 0-255 (RFC 4303 2.1).
    pub fn new(spi: u32, direction: SaDirection, keys: EspKeys) -> Result<Self, EspError> {
        keys.encryption().check_supported()?;
        if spi < 256 {
            return Err(EspError::Malformed(format!(
                "SPI {spi} is reserved (1-255 by IANA, 0 local)"
            )));
        }
        Ok(Self {
            spi,
            direction,
            keys,
            seq: 0,
            window: ReplayWindow::default(),
        })
    }

    /// The SPI.
    pub const fn spi(&self) -> u32 {
        self.spi
    }

    /// Inbound or outbound.
    pub const fn direction(&self) -> SaDirection {
        self.direction
    }

    /// Algorithms and keys.
    pub const fn keys(&self) -> &EspKeys {
        &self.keys
    }

    /// Outbound: the last sequence number sent (0 before the first packet).
    pub const fn last_seq(&self) -> u32 {
        self.seq
    }

    /// Inbound: the replay window.
    pub const fn window(&self) -> &ReplayWindow {
        &self.window
    }

    /// Protects `ip`, a whole IPv4 or IPv6 packet, in transport mode: the IP
    /// header stays (protocol 50, lengths and IPv4 checksum fixed), its
    /// payload goes into ESP with the next sequence number, an IV from `rng`
    /// when encrypting, default padding and the ICV (RFC 4303 3.3).
    pub fn encapsulate<R: RngCore + ?Sized>(
        &mut self,
        ip: &[u8],
        rng: &mut R,
    ) -> Result<Vec<u8>, EspError> {
        let h = IpHeader::parse(ip)?;
        if h.fragment {
            return Err(EspError::Malformed("IPv4 fragment".into()));
        }
        if h.protocol == IPPROTO_ESP || (h.v6 && IPV6_EXTENSIONS.contains(&h.protocol)) {
            return Err(EspError::Malformed(format!(
                "next header {} cannot be protected here",
                h.protocol
            )));
        }
        // RFC 4303 3.3.3: the counter must not cycle without ESN.
        let seq = self
            .seq
            .checked_add(1)
            .ok_or(EspError::SequenceExhausted(self.spi))?;
        let enc = self.keys.encryption();
        let payload = ip.get(h.header_len..h.total_len).unwrap_or_default();
        let block = enc.block_len();
        // payload || padding || pad length || next header, aligned (RFC 4303 2.4).
        let pad_len = (block - (payload.len() + 2) % block) % block;
        let iv_len = enc.iv_len();
        let esp_len = HEADER_LEN + iv_len + payload.len() + pad_len + 2 + ICV_LEN;
        let total = h.header_len + esp_len;
        let limit = if h.v6 { 40 + 65535 } else { 65535 };
        if total > limit {
            return Err(EspError::Malformed(format!(
                "ESP packet of {total} bytes exceeds the IP length field"
            )));
        }

        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(&ip[..h.header_len]);
        out.extend_from_slice(&self.spi.to_be_bytes());
        out.extend_from_slice(&seq.to_be_bytes());
        let iv_at = out.len();
        out.resize(iv_at + iv_len, 0);
        rng.fill_bytes(&mut out[iv_at..]);
        let text_at = out.len();
        out.extend_from_slice(payload);
        out.extend((1..=pad_len).map(|i| i as u8));
        out.push(pad_len as u8);
        out.push(h.protocol);
        let (head, text) = out.split_at_mut(text_at);
        self.keys.encrypt(&head[iv_at..], text)?;
        let icv = self.keys.icv(&[&out[h.header_len..]]);
        out.extend_from_slice(&icv);

        h.rewrite(&mut out, IPPROTO_ESP);
        self.seq = seq;
        Ok(out)
    }

    /// Checks and removes the ESP protection of `ip` (RFC 4303 3.4): the SPI
    /// must be this SA's, the sequence number new to the window, the ICV
    /// right and the padding the default; gives back the plain IP packet.
    /// The window only moves once all of that holds.
    pub fn decapsulate(&mut self, ip: &[u8]) -> Result<Vec<u8>, EspError> {
        let h = IpHeader::parse(ip)?;
        if h.protocol != IPPROTO_ESP {
            return Err(EspError::Malformed(format!(
                "protocol {} is not ESP",
                h.protocol
            )));
        }
        if h.fragment {
            return Err(EspError::Malformed("IPv4 fragment".into()));
        }
        let esp = ip.get(h.header_len..h.total_len).unwrap_or_default();
        let enc = self.keys.encryption();
        let iv_len = enc.iv_len();
        let min = HEADER_LEN + iv_len + 2 + ICV_LEN;
        if esp.len() < min {
            return Err(EspError::Malformed(format!(
                "ESP of {} bytes is shorter than the {min} its SA needs",
                esp.len()
            )));
        }
        let spi = u32::from_be_bytes([esp[0], esp[1], esp[2], esp[3]]);
        let seq = u32::from_be_bytes([esp[4], esp[5], esp[6], esp[7]]);
        if spi != self.spi {
            return Err(EspError::UnknownSpi(spi));
        }
        // RFC 4303 3.4.3: a duplicate is rejected before the ICV is computed.
        if !self.window.check(seq) {
            return Err(EspError::Replay { spi, seq });
        }
        let (covered, icv) = esp.split_at(esp.len() - ICV_LEN);
        if !self.keys.verify_icv(&[covered], icv) {
            return Err(EspError::BadIcv { spi, seq });
        }
        let iv = &covered[HEADER_LEN..HEADER_LEN + iv_len];
        let mut text = covered[HEADER_LEN + iv_len..].to_vec();
        if !text.len().is_multiple_of(enc.block_len()) && enc != EncryptionAlg::Null {
            return Err(EspError::BadPadding { spi });
        }
        self.keys.decrypt(iv, &mut text)?;
        let (next, pad_len) = match text.as_slice() {
            [.., p, n] => (*n, usize::from(*p)),
            _ => return Err(EspError::BadPadding { spi }),
        };
        let payload_len = text
            .len()
            .checked_sub(2 + pad_len)
            .ok_or(EspError::BadPadding { spi })?;
        // RFC 4303 2.4: default padding is 1, 2, 3, ...
        let pad = &text[payload_len..payload_len + pad_len];
        if !pad.iter().zip(1u8..).all(|(b, i)| *b == i) {
            return Err(EspError::BadPadding { spi });
        }
        self.window.accept(seq);

        let mut out = Vec::with_capacity(h.header_len + payload_len);
        out.extend_from_slice(&ip[..h.header_len]);
        out.extend_from_slice(&text[..payload_len]);
        h.rewrite(&mut out, next);
        Ok(out)
    }
}

/// What encapsulation needs from an IP header.
#[derive(Debug, Clone, Copy)]
struct IpHeader {
    v6: bool,
    header_len: usize,
    /// Length of the packet per its header (trailing bytes beyond are ignored).
    total_len: usize,
    protocol: u8,
    fragment: bool,
}

impl IpHeader {
    fn parse(ip: &[u8]) -> Result<Self, EspError> {
        let bad = |w: &str| EspError::Malformed(w.to_string());
        match ip.first().map(|b| b >> 4) {
            Some(4) => {
                let ihl = usize::from(ip[0] & 0x0f) * 4;
                if ihl < 20 || ip.len() < ihl {
                    return Err(bad("IPv4 header cut short"));
                }
                let total = usize::from(u16::from_be_bytes([ip[2], ip[3]]));
                if total < ihl || total > ip.len() {
                    return Err(bad("IPv4 total length does not match the packet"));
                }
                let frag = u16::from_be_bytes([ip[6], ip[7]]);
                Ok(Self {
                    v6: false,
                    header_len: ihl,
                    total_len: total,
                    protocol: ip[9],
                    fragment: frag & 0x3fff != 0,
                })
            }
            Some(6) => {
                if ip.len() < 40 {
                    return Err(bad("IPv6 header cut short"));
                }
                let total = 40 + usize::from(u16::from_be_bytes([ip[4], ip[5]]));
                if total > ip.len() {
                    return Err(bad("IPv6 payload length exceeds the packet"));
                }
                Ok(Self {
                    v6: true,
                    header_len: 40,
                    total_len: total,
                    protocol: ip[6],
                    fragment: false,
                })
            }
            _ => Err(bad("not an IPv4 or IPv6 packet")),
        }
    }

    /// Sets the protocol and length fields of the header at the start of
    /// `packet` for its new length, and the IPv4 header checksum.
    fn rewrite(&self, packet: &mut [u8], protocol: u8) {
        if self.v6 {
            let payload = (packet.len() - 40) as u16;
            packet[4..6].copy_from_slice(&payload.to_be_bytes());
            packet[6] = protocol;
        } else {
            let total = packet.len() as u16;
            packet[2..4].copy_from_slice(&total.to_be_bytes());
            packet[9] = protocol;
            packet[10..12].copy_from_slice(&[0, 0]);
            let sum = ipv4_checksum(&packet[..self.header_len]);
            packet[10..12].copy_from_slice(&sum.to_be_bytes());
        }
    }
}

/// The RFC 1071 checksum of an IPv4 header (checksum field zeroed).
pub fn ipv4_checksum(header: &[u8]) -> u16 {
    let mut sum: u32 = header
        .chunks(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])))
        .sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// Source and destination addresses of an IP packet, if it has a header.
pub fn ip_addresses(ip: &[u8]) -> Option<(IpAddr, IpAddr)> {
    match ip.first()? >> 4 {
        4 if ip.len() >= 20 => {
            let a = |i: usize| Ipv4Addr::new(ip[i], ip[i + 1], ip[i + 2], ip[i + 3]);
            Some((a(12).into(), a(16).into()))
        }
        6 if ip.len() >= 40 => {
            let a = |i: usize| {
                let mut b = [0u8; 16];
                b.copy_from_slice(&ip[i..i + 16]);
                Ipv6Addr::from(b)
            };
            Some((a(8).into(), a(24).into()))
        }
        _ => None,
    }
}

impl fmt::Display for SaDirection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Outbound => "outbound",
            Self::Inbound => "inbound",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::ipsec::IntegrityAlg;
    use crate::crypto::{Ck, Ik};
    use rand::SeedableRng;
    use rand::rngs::SmallRng;

    fn keys(i: IntegrityAlg, e: EncryptionAlg) -> EspKeys {
        EspKeys::derive(&Ik::new([0x11; 16]), &Ck::new([0x22; 16]), i, e)
    }

    /// IPv4 UDP packet 10.46.0.2:5100 -> 10.46.0.1:6100 with `payload`.
    fn udp4(payload: &[u8]) -> Vec<u8> {
        let total = 28 + payload.len();
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
            17,
            0,
            0,
            10,
            46,
            0,
            2,
            10,
            46,
            0,
            1,
        ];
        let sum = ipv4_checksum(&p);
        p[10..12].copy_from_slice(&sum.to_be_bytes());
        let ulen = 8 + payload.len();
        p.extend_from_slice(&[0x13, 0xec, 0x17, 0xd4, (ulen >> 8) as u8, ulen as u8, 0, 0]);
        p.extend_from_slice(payload);
        p
    }

    fn pair(e: EncryptionAlg) -> (SecurityAssociation, SecurityAssociation) {
        let k = keys(IntegrityAlg::HmacSha1_96, e);
        (
            SecurityAssociation::new(0x1000, SaDirection::Outbound, k.clone()).unwrap(),
            SecurityAssociation::new(0x1000, SaDirection::Inbound, k).unwrap(),
        )
    }

    #[test]
    fn window_accepts_new_and_unseen_old_rejects_seen_and_too_old() {
        let mut w = ReplayWindow::default();
        assert!(!w.check(0));
        for s in [1, 2, 5, 100] {
            assert!(w.check(s));
            w.accept(s);
        }
        assert!(!w.check(100));
        assert!(!w.check(5), "5 is still inside the window and was seen");
        assert!(w.check(37), "unseen, 63 behind the top");
        assert!(!w.check(36), "64 behind the top: left of the window");
        w.accept(37);
        assert!(!w.check(37));
        w.accept(300);
        assert_eq!(w.top(), 300);
        assert!(!w.check(100));
        assert!(w.check(299));
    }

    #[test]
    fn window_jump_beyond_width_clears_bitmap() {
        let mut w = ReplayWindow::default();
        w.accept(1);
        w.accept(1 + 64);
        assert!(w.check(2));
        assert!(!w.check(1));
        w.accept(u32::MAX);
        assert!(!w.check(u32::MAX));
        assert!(w.check(u32::MAX - 1));
    }

    #[test]
    fn encapsulate_null_layout_is_header_payload_pad_trailer_icv() {
        let (mut out, mut inb) = pair(EncryptionAlg::Null);
        let plain = udp4(b"abcde");
        let mut rng = SmallRng::seed_from_u64(1);
        let esp = out.encapsulate(&plain, &mut rng).unwrap();
        // 20 IP + 8 ESP + 13 UDP + pad 1 + 2 + 12 ICV.
        assert_eq!(esp.len(), 20 + 8 + 13 + 1 + 2 + 12);
        assert_eq!(esp[9], IPPROTO_ESP);
        assert_eq!(u16::from_be_bytes([esp[2], esp[3]]) as usize, esp.len());
        assert_eq!(ipv4_checksum(&esp[..20]), 0, "header checksum verifies");
        assert_eq!(&esp[20..28], &[0, 0, 0x10, 0, 0, 0, 0, 1]);
        assert_eq!(&esp[28..41], &plain[20..]);
        assert_eq!(
            &esp[41..44],
            &[1, 1, 17],
            "padding, pad length, next header"
        );
        assert_eq!(inb.decapsulate(&esp).unwrap(), plain);
        let p = decode(&esp[20..]).unwrap();
        assert_eq!(p.null_trailer_guess(), Some((13, 1, 17)));
        assert_eq!(p.summary(), "ESP (SPI 0x00001000, Seq=1)");
        assert_eq!(p.encode(), esp[20..]);
    }

    #[test]
    fn encapsulate_aes_aligns_to_blocks_and_hides_payload() {
        let (mut out, mut inb) = pair(EncryptionAlg::AesCbc128);
        let plain = udp4(b"REGISTER sip:ims SIP/2.0\r\n");
        let mut rng = SmallRng::seed_from_u64(2);
        let esp = out.encapsulate(&plain, &mut rng).unwrap();
        let text_len = esp.len() - 20 - 8 - 16 - 12;
        assert_eq!(text_len % 16, 0);
        assert!(!esp.windows(8).any(|w| w == b"REGISTER"));
        assert_eq!(inb.decapsulate(&esp).unwrap(), plain);
    }

    #[test]
    fn decapsulate_rejects_tamper_replay_and_wrong_spi() {
        let (mut out, mut inb) = pair(EncryptionAlg::Null);
        let mut rng = SmallRng::seed_from_u64(3);
        let esp = out.encapsulate(&udp4(b"x"), &mut rng).unwrap();
        let mut bad = esp.clone();
        bad[30] ^= 0x40;
        assert_eq!(
            inb.decapsulate(&bad),
            Err(EspError::BadIcv {
                spi: 0x1000,
                seq: 1
            })
        );
        assert!(inb.decapsulate(&esp).is_ok());
        assert_eq!(
            inb.decapsulate(&esp),
            Err(EspError::Replay {
                spi: 0x1000,
                seq: 1
            })
        );
        let mut other = SecurityAssociation::new(
            0x2000,
            SaDirection::Inbound,
            keys(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null),
        )
        .unwrap();
        assert_eq!(other.decapsulate(&esp), Err(EspError::UnknownSpi(0x1000)));
    }

    #[test]
    fn decapsulate_rejects_bad_padding_even_with_good_icv() {
        let (mut out, mut inb) = pair(EncryptionAlg::Null);
        let mut rng = SmallRng::seed_from_u64(4);
        let mut esp = out.encapsulate(&udp4(b"abc"), &mut rng).unwrap();
        // Break the padding byte, then recompute a valid ICV.
        let icv_at = esp.len() - ICV_LEN;
        esp[icv_at - 3] = 9;
        let icv = out.keys().icv(&[&esp[20..icv_at]]);
        esp[icv_at..].copy_from_slice(&icv);
        assert_eq!(
            inb.decapsulate(&esp),
            Err(EspError::BadPadding { spi: 0x1000 })
        );
        assert!(inb.window().check(1), "a rejected packet leaves the window");
    }

    #[test]
    fn encapsulate_stops_before_sequence_wraps() {
        let (mut out, _) = pair(EncryptionAlg::Null);
        out.seq = u32::MAX - 1;
        let mut rng = SmallRng::seed_from_u64(5);
        assert!(out.encapsulate(&udp4(b""), &mut rng).is_ok());
        assert_eq!(
            out.encapsulate(&udp4(b""), &mut rng),
            Err(EspError::SequenceExhausted(0x1000))
        );
    }

    #[test]
    fn sa_new_refuses_des_and_reserved_spi() {
        let k = keys(IntegrityAlg::HmacMd5_96, EncryptionAlg::DesEde3Cbc);
        assert_eq!(
            SecurityAssociation::new(0x1000, SaDirection::Outbound, k).unwrap_err(),
            EspError::Unsupported("DES-EDE3-CBC encryption")
        );
        let k = keys(IntegrityAlg::HmacMd5_96, EncryptionAlg::Null);
        assert!(SecurityAssociation::new(255, SaDirection::Outbound, k).is_err());
    }

    #[test]
    fn tree_shows_spi_sequence_and_null_trailer() {
        let (mut out, _) = pair(EncryptionAlg::Null);
        let mut rng = SmallRng::seed_from_u64(6);
        let esp = out.encapsulate(&udp4(b"hello"), &mut rng).unwrap();
        let t = tree(&esp[20..]).unwrap();
        assert_eq!(t.find("SPI").unwrap().value, "0x00001000 (4096)");
        assert_eq!(t.find("Next Header").unwrap().value, "17");
        assert_eq!(t.find("Sequence Number").unwrap().span, Some((4, 8)));
        assert!(decode(&[0, 0, 0, 0, 0, 0, 0, 1]).is_err());
    }
}
