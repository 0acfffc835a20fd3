//! The IPsec shim of a host: its SA pairs, the protected ports, and the
//! counters of what the shim did (TS 33.203 7.1, RFC 4301 5.1/5.2 reduced to
//! what IMS needs).
//!
//! - Outbound: a packet the stack produced whose (local port, remote
//!   address, remote port, protocol) matches an SA pair leaves ESP-protected
//!   with that pair's outbound SA; the newest matching pair wins (after a
//!   re-registration the new SAs take over, TS 33.203 7.4).
//! - Inbound: an ESP packet is looked up by SPI among the inbound SAs,
//!   checked and decapsulated, and the plain packet must match the pair's
//!   selector; anything else is dropped and counted.
//! - A plain (non-ESP) TCP/UDP packet to a protected local port is dropped
//!   and counted: once SAs exist the P-CSCF takes requests only through them.

use crate::codec::esp::{self, EspError, SaDirection, SecurityAssociation};
use crate::codec::gtpu::inner_ip;
use crate::crypto::ipsec::EspKeys;
use rand::RngCore;
use std::net::{IpAddr, SocketAddr};

/// Transport protocol numbers the selectors use.
pub const IPPROTO_TCP: u8 = 6;
/// UDP.
pub const IPPROTO_UDP: u8 = 17;

/// Identifies an SA pair within one host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SaPairId(pub u32);

/// Two SAs protecting one flow both ways, as TS 33.203 7.1 sets them up:
/// e.g. on the UE, (port-c, P-CSCF port-s) sends with the P-CSCF's spi-s and
/// receives with the UE's spi-c; (port-s, P-CSCF port-c) sends with the
/// P-CSCF's spi-c and receives with the UE's spi-s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaPair {
    /// Our port of the flow.
    pub local_port: u16,
    /// The peer's address and port of the flow.
    pub remote: SocketAddr,
    /// `Some(6)` or `Some(17)` for one transport, `None` for both (TS 33.203
    /// binds the SAs to TCP and UDP alike).
    pub protocol: Option<u8>,
    /// SPI of packets we send (the peer's inbound SA).
    pub spi_out: u32,
    /// SPI of packets we receive (our inbound SA).
    pub spi_in: u32,
    /// Algorithms and keys, the same both ways (TS 33.203 Annex I).
    pub keys: EspKeys,
}

impl SaPair {
    fn matches(&self, protocol: u8, local_port: u16, remote: SocketAddr) -> bool {
        self.protocol.is_none_or(|p| p == protocol)
            && self.local_port == local_port
            && self.remote == remote
    }
}

/// An installed pair.
#[derive(Debug, Clone)]
struct Installed {
    id: SaPairId,
    pair: SaPair,
    outbound: SecurityAssociation,
    inbound: SecurityAssociation,
}

macro_rules! counters {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub struct $name {
            $($(#[$fm])* pub $field: u32,)*
        }

        impl $name {
            /// Every counter with its name, for Counter events and reports.
            pub fn iter(&self) -> impl Iterator<Item = (&'static str, u32)> {
                [$((stringify!($field), self.$field)),*].into_iter()
            }

            /// Adds `after - before` of every counter to `self` (for totals
            /// over many hosts).
            pub fn add_delta(&mut self, before: &Self, after: &Self) {
                $(self.$field = self.$field.wrapping_add(after.$field.wrapping_sub(before.$field));)*
            }
        }
    };
}

counters!(
    /// What a host's shim and stack did with packets.
    HostCounters {
        /// Packets handed to `ingest`.
        rx_packets,
        /// Packets returned by `poll`.
        tx_packets,
        /// Received packets that are not IP or not for one of our addresses.
        rx_not_for_us,
        /// ESP packets accepted.
        esp_rx,
        /// Packets sent ESP-protected.
        esp_tx,
        /// ESP packets whose SPI matches no inbound SA.
        esp_unknown_spi,
        /// ESP packets dropped for a bad ICV.
        esp_bad_icv,
        /// ESP packets dropped as replays.
        esp_replay,
        /// ESP packets dropped for bad padding.
        esp_bad_padding,
        /// ESP packets that do not parse.
        esp_malformed,
        /// Decapsulated packets that do not match their SA's selector.
        esp_policy_mismatch,
        /// Outbound packets an SA could not protect (dropped).
        esp_tx_failed,
        /// Plain packets to a protected port, dropped.
        plain_to_protected_dropped,
    }
);

/// The SA table and port policy of one host.
#[derive(Debug, Default)]
pub(super) struct Policy {
    pairs: Vec<Installed>,
    protected: Vec<u16>,
    next_id: u32,
}

/// What the inbound check decided.
pub(super) enum Inbound {
    /// Hand this (plain) packet to the stack.
    Accept(Vec<u8>),
    /// Dropped (counted).
    Drop,
}

impl Policy {
    pub(super) fn add_pair(&mut self, pair: SaPair) -> Result<SaPairId, EspError> {
        let outbound =
            SecurityAssociation::new(pair.spi_out, SaDirection::Outbound, pair.keys.clone())?;
        let inbound =
            SecurityAssociation::new(pair.spi_in, SaDirection::Inbound, pair.keys.clone())?;
        if self.pairs.iter().any(|p| p.pair.spi_in == pair.spi_in) {
            return Err(EspError::Malformed(format!(
                "inbound SPI {} is already in use",
                pair.spi_in
            )));
        }
        self.next_id = self.next_id.wrapping_add(1);
        let id = SaPairId(self.next_id);
        self.pairs.push(Installed {
            id,
            pair,
            outbound,
            inbound,
        });
        Ok(id)
    }

    pub(super) fn remove_pair(&mut self, id: SaPairId) -> bool {
        let before = self.pairs.len();
        self.pairs.retain(|p| p.id != id);
        self.pairs.len() != before
    }

    pub(super) fn clear(&mut self) {
        self.pairs.clear();
    }

    pub(super) fn pair(&self, id: SaPairId) -> Option<&SaPair> {
        self.pairs.iter().find(|p| p.id == id).map(|p| &p.pair)
    }

    pub(super) fn pair_ids(&self) -> impl Iterator<Item = SaPairId> + '_ {
        self.pairs.iter().map(|p| p.id)
    }

    pub(super) fn last_seq_out(&self, id: SaPairId) -> Option<u32> {
        self.pairs
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.outbound.last_seq())
    }

    pub(super) fn protect(&mut self, port: u16) {
        if !self.protected.contains(&port) {
            self.protected.push(port);
        }
    }

    pub(super) fn unprotect(&mut self, port: u16) {
        self.protected.retain(|p| *p != port);
    }

    pub(super) fn is_protected(&self, port: u16) -> bool {
        self.protected.contains(&port)
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.pairs.capacity() * size_of::<Installed>() + self.protected.capacity() * 2
    }

    /// Applies the inbound policy to a received packet.
    pub(super) fn inbound(&mut self, packet: Vec<u8>, c: &mut HostCounters) -> Inbound {
        let Some(ip) = inner_ip(&packet) else {
            c.rx_not_for_us += 1;
            return Inbound::Drop;
        };
        if ip.protocol != esp::IPPROTO_ESP {
            if let (IPPROTO_TCP | IPPROTO_UDP, Some((_, dst_port))) = (ip.protocol, ip.ports)
                && self.is_protected(dst_port)
            {
                c.plain_to_protected_dropped += 1;
                return Inbound::Drop;
            }
            return Inbound::Accept(packet);
        }
        let Ok(spi) = esp::peek_spi(&packet) else {
            c.esp_malformed += 1;
            return Inbound::Drop;
        };
        let Some(p) = self.pairs.iter_mut().find(|p| p.pair.spi_in == spi) else {
            c.esp_unknown_spi += 1;
            return Inbound::Drop;
        };
        match p.inbound.decapsulate(&packet) {
            Ok(plain) => {
                let ok = inner_ip(&plain).is_some_and(|i| match i.ports {
                    Some((src_port, dst_port)) => {
                        p.pair
                            .matches(i.protocol, dst_port, SocketAddr::new(i.src, src_port))
                    }
                    None => false,
                });
                if ok {
                    c.esp_rx += 1;
                    Inbound::Accept(plain)
                } else {
                    c.esp_policy_mismatch += 1;
                    Inbound::Drop
                }
            }
            Err(e) => {
                match e {
                    EspError::BadIcv { .. } => c.esp_bad_icv += 1,
                    EspError::Replay { .. } => c.esp_replay += 1,
                    EspError::BadPadding { .. } => c.esp_bad_padding += 1,
                    EspError::UnknownSpi(_) => c.esp_unknown_spi += 1,
                    _ => c.esp_malformed += 1,
                }
                Inbound::Drop
            }
        }
    }

    /// Applies the outbound policy to a packet the stack produced: `None`
    /// if it must be dropped.
    pub(super) fn outbound<R: RngCore + ?Sized>(
        &mut self,
        packet: Vec<u8>,
        rng: &mut R,
        c: &mut HostCounters,
    ) -> Option<Vec<u8>> {
        if self.pairs.is_empty() {
            return Some(packet);
        }
        let Some((protocol, src_port, remote)) = inner_ip(&packet).and_then(|i| {
            i.ports
                .map(|(s, d)| (i.protocol, s, SocketAddr::new(i.dst, d)))
        }) else {
            return Some(packet);
        };
        let Some(p) = self
            .pairs
            .iter_mut()
            .rev()
            .find(|p| p.pair.matches(protocol, src_port, remote))
        else {
            return Some(packet);
        };
        match p.outbound.encapsulate(&packet, rng) {
            Ok(esp) => {
                c.esp_tx += 1;
                Some(esp)
            }
            Err(_) => {
                c.esp_tx_failed += 1;
                None
            }
        }
    }

    /// The `esp_sa` lines (Wireshark) of every installed SA, both ways, as
    /// seen from a host with address `local` of the right family.
    pub(super) fn esp_sa_lines(&self, local: &[IpAddr]) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.pairs {
            let remote = p.pair.remote.ip();
            let Some(me) = local.iter().find(|a| a.is_ipv4() == remote.is_ipv4()) else {
                continue;
            };
            out.push(p.pair.keys.esp_sa_line(*me, remote, p.pair.spi_out));
            out.push(p.pair.keys.esp_sa_line(remote, *me, p.pair.spi_in));
        }
        out
    }
}
