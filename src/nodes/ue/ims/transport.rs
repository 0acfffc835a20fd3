//! The IMS client's transport interface: what the SIP UA asks of the IP
//! layer under it ([`TransportCommand`]) and what it hears back
//! ([`TransportEvent`]). The userspace IP stack of the IMS PDN, with its
//! ESP shim, implements it (see `link.rs`); tests play it by hand.
//!
//! Sec-agree (TS 33.203 7.1) gives two pairs of SAs between the UE's
//! protected client/server ports (port-c, port-s) and the P-CSCF's. An
//! [`SaSet`] carries all four with their keys; the stack protects every
//! packet whose addresses and ports match one of them and drops unprotected
//! packets to the protected ports.
//!
//! The contract, for whoever implements it:
//! - every `Connect` ends in one `Connected` or one `Failed` (the client
//!   also gives up after [`super::CONNECT_TIMEOUT`] and sends `Close`);
//! - `Data` may cut the stream anywhere: the client reassembles SIP
//!   messages itself;
//! - after `Close` the client ignores anything more about that connection;
//!   `Closed` reports a FIN from the peer, `Failed` a reset or a timeout;
//! - `InstallSas` comes before the `Listen` and `Connect` that use the set,
//!   `RemoveSas` after the `Close` of its connections (or when the
//!   registration ends);
//! - connections accepted on a `Listen` address get ids with
//!   [`ConnId::ACCEPTED`] set.

pub use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
use std::fmt;
use std::net::{IpAddr, SocketAddr};

/// A TCP connection of the IMS client. The client numbers the connections
/// it opens from 0 up; the transport numbers the connections it accepts
/// with the high bit set ([`ConnId::accepted`]), so the two never collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnId(pub u32);

impl ConnId {
    /// The bit that marks connections the transport accepted.
    pub const ACCEPTED: u32 = 1 << 31;

    /// The id of the `n`th connection the transport accepted.
    pub const fn accepted(n: u32) -> Self {
        Self(n | Self::ACCEPTED)
    }

    /// True for a connection the transport accepted.
    pub const fn is_accepted(self) -> bool {
        self.0 & Self::ACCEPTED != 0
    }
}

impl fmt::Display for ConnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_accepted() {
            write!(f, "accepted connection {}", self.0 & !Self::ACCEPTED)
        } else {
            write!(f, "connection {}", self.0)
        }
    }
}

/// Identifies one installed [`SaSet`] (the UE's spi-c, unique per set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SaSetId(pub u32);

/// What the IMS client asks of its transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportCommand {
    /// Open a TCP connection from `local` to `remote`; answer with
    /// [`TransportEvent::Connected`] or [`TransportEvent::Failed`]. With
    /// `sa`, the connection runs inside that SA set (from port-c to the
    /// P-CSCF's port-s).
    Connect {
        /// The client's id for it.
        conn: ConnId,
        /// Local address and port (the UE's IMS PDN address).
        local: SocketAddr,
        /// The P-CSCF address and port.
        remote: SocketAddr,
        /// The SA set protecting it, if any.
        sa: Option<SaSetId>,
    },
    /// Accept TCP connections on `local` (the UE's protected server port)
    /// and report each with [`TransportEvent::Accepted`].
    Listen {
        /// Address and port to listen on.
        local: SocketAddr,
        /// The SA set protecting it, if any.
        sa: Option<SaSetId>,
    },
    /// Stop accepting on `local` (connections already accepted stay).
    Unlisten {
        /// Address and port.
        local: SocketAddr,
    },
    /// Send SIP bytes on an open connection.
    Send {
        /// Connection.
        conn: ConnId,
        /// The bytes (one or more whole SIP messages).
        bytes: Vec<u8>,
    },
    /// Close a connection (FIN); no event follows.
    Close {
        /// Connection.
        conn: ConnId,
    },
    /// Install two pairs of SAs (TS 33.203 7.1).
    InstallSas(Box<SaSet>),
    /// Remove the SAs of a set installed before.
    RemoveSas(SaSetId),
}

impl TransportCommand {
    /// One line for notes and test failures (keys never appear).
    pub fn summary(&self) -> String {
        match self {
            Self::Connect {
                conn,
                local,
                remote,
                sa,
            } => format!(
                "connect {conn} {local} -> {remote}{}",
                if sa.is_some() { " (protected)" } else { "" }
            ),
            Self::Listen { local, .. } => format!("listen on {local}"),
            Self::Unlisten { local } => format!("stop listening on {local}"),
            Self::Send { conn, bytes } => format!("send {} bytes on {conn}", bytes.len()),
            Self::Close { conn } => format!("close {conn}"),
            Self::InstallSas(s) => format!("install SAs {}", s.describe()),
            Self::RemoveSas(id) => format!("remove SA set {}", id.0),
        }
    }
}

/// What the transport tells the IMS client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportEvent {
    /// A connection the client asked for is open.
    Connected {
        /// Connection.
        conn: ConnId,
    },
    /// A connection could not be opened, or broke (reset, timeout).
    Failed {
        /// Connection.
        conn: ConnId,
        /// Why, in plain words.
        reason: String,
    },
    /// The peer opened a connection to a port the client listens on.
    Accepted {
        /// The transport's id for it (see [`ConnId::accepted`]).
        conn: ConnId,
        /// The listening address.
        local: SocketAddr,
        /// The peer.
        remote: SocketAddr,
    },
    /// Bytes arrived (any piece of the TCP stream).
    Data {
        /// Connection.
        conn: ConnId,
        /// The bytes.
        bytes: Vec<u8>,
    },
    /// The peer closed the connection.
    Closed {
        /// Connection.
        conn: ConnId,
    },
}

/// SPIs and protected ports of one side (TS 33.203 7.1): `spi_c` and
/// `spi_s` are the SPIs of the side's inbound SAs at its client and server
/// ports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProtectedPorts {
    /// SPI of the inbound SA at the protected client port.
    pub spi_c: u32,
    /// SPI of the inbound SA at the protected server port.
    pub spi_s: u32,
    /// Protected client port.
    pub port_c: u16,
    /// Protected server port.
    pub port_s: u16,
}

impl fmt::Display for ProtectedPorts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "spi-c {} spi-s {} port-c {} port-s {}",
            self.spi_c, self.spi_s, self.port_c, self.port_s
        )
    }
}

/// Direction of one SA, seen from the UE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaDirection {
    /// UE to P-CSCF.
    Outbound,
    /// P-CSCF to UE.
    Inbound,
}

/// One ESP SA in transport mode: traffic from `src` to `dst` carries `spi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sa {
    /// Seen from the UE.
    pub direction: SaDirection,
    /// The SPI in the ESP header.
    pub spi: u32,
    /// Source address and port.
    pub src: SocketAddr,
    /// Destination address and port.
    pub dst: SocketAddr,
}

/// Two pairs of SAs between the UE and the P-CSCF (TS 33.203 7.1), their
/// algorithms and keys: what [`TransportCommand::InstallSas`] installs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaSet {
    /// Its id (the UE's spi-c).
    pub id: SaSetId,
    /// The UE's IMS PDN address.
    pub ue: IpAddr,
    /// The P-CSCF's address.
    pub pcscf: IpAddr,
    /// The UE's SPIs and ports (its Security-Client).
    pub ue_ports: ProtectedPorts,
    /// The P-CSCF's SPIs and ports (its Security-Server).
    pub pcscf_ports: ProtectedPorts,
    /// Integrity algorithm.
    pub alg: IntegrityAlg,
    /// Encryption algorithm.
    pub ealg: EncryptionAlg,
    /// ESP keys (the same for the four SAs, TS 33.203 7.1).
    pub keys: EspKeys,
}

impl SaSet {
    /// The four SAs (TS 33.203 7.1). The SPI of an SA is the one its
    /// receiver chose: UE port-c -> P-CSCF port-s carries the P-CSCF's
    /// spi-s, P-CSCF port-c -> UE port-s the UE's spi-s, P-CSCF port-s ->
    /// UE port-c the UE's spi-c, UE port-s -> P-CSCF port-c the P-CSCF's
    /// spi-c.
    pub fn sas(&self) -> [Sa; 4] {
        let ue = |port| SocketAddr::new(self.ue, port);
        let pc = |port| SocketAddr::new(self.pcscf, port);
        let (u, p) = (self.ue_ports, self.pcscf_ports);
        [
            Sa {
                direction: SaDirection::Outbound,
                spi: p.spi_s,
                src: ue(u.port_c),
                dst: pc(p.port_s),
            },
            Sa {
                direction: SaDirection::Inbound,
                spi: u.spi_s,
                src: pc(p.port_c),
                dst: ue(u.port_s),
            },
            Sa {
                direction: SaDirection::Inbound,
                spi: u.spi_c,
                src: pc(p.port_s),
                dst: ue(u.port_c),
            },
            Sa {
                direction: SaDirection::Outbound,
                spi: p.spi_c,
                src: ue(u.port_s),
                dst: pc(p.port_c),
            },
        ]
    }

    /// Algorithms, SPIs and ports in words (no keys).
    pub fn describe(&self) -> String {
        format!(
            "ESP {} / {}: UE {} ({}), P-CSCF {} ({})",
            self.alg.sip_name(),
            self.ealg.sip_name(),
            self.ue,
            self.ue_ports,
            self.pcscf,
            self.pcscf_ports
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sa_set_gives_each_sa_its_receivers_spi() {
        let s = SaSet {
            id: SaSetId(1000),
            ue: "10.46.0.2".parse().unwrap(),
            pcscf: "10.46.0.1".parse().unwrap(),
            ue_ports: ProtectedPorts {
                spi_c: 1000,
                spi_s: 1001,
                port_c: 50000,
                port_s: 50001,
            },
            pcscf_ports: ProtectedPorts {
                spi_c: 2000,
                spi_s: 2001,
                port_c: 6100,
                port_s: 6101,
            },
            alg: IntegrityAlg::HmacSha1_96,
            ealg: EncryptionAlg::Null,
            keys: EspKeys::derive(
                &crate::crypto::Ik::new([1; 16]),
                &crate::crypto::Ck::new([2; 16]),
                IntegrityAlg::HmacSha1_96,
                EncryptionAlg::Null,
            ),
        };
        let got: Vec<(SaDirection, u32, String, String)> = s
            .sas()
            .iter()
            .map(|a| (a.direction, a.spi, a.src.to_string(), a.dst.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    SaDirection::Outbound,
                    2001,
                    "10.46.0.2:50000".into(),
                    "10.46.0.1:6101".into()
                ),
                (
                    SaDirection::Inbound,
                    1001,
                    "10.46.0.1:6100".into(),
                    "10.46.0.2:50001".into()
                ),
                (
                    SaDirection::Inbound,
                    1000,
                    "10.46.0.1:6101".into(),
                    "10.46.0.2:50000".into()
                ),
                (
                    SaDirection::Outbound,
                    2000,
                    "10.46.0.2:50001".into(),
                    "10.46.0.1:6100".into()
                ),
            ]
        );
        assert!(format!("{s:?}").contains("<redacted>"), "keys are redacted");
        assert_eq!(ConnId::accepted(3).to_string(), "accepted connection 3");
        assert!(!ConnId(3).is_accepted());
    }
}
