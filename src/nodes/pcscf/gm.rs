//! The P-CSCF's side of Gm as an interface: the proxy core hands SIP to
//! and takes SIP from a [`GmTransport`], and tells it which IPsec SAs to
//! install and remove. The transport owns addresses, TCP, ESP and the
//! security policy (a plain packet to a protected port never reaches the
//! core).
//!
//! The P-CSCF runs on the userspace IP stack (SIP over TCP over IP on
//! [`Iface::SGi`], ESP in transport mode: [`super::ip_gm::IpGm`]);
//! [`SaSet::pcscf_pairs`] gives the SA pairs it installs. The unit tests'
//! stand-in (`DirectGm`, test builds only) carries each SIP message in one
//! frame on [`Iface::Gm`] with its addresses and the SPI it was protected
//! with, and applies the same SA rules, so fake UEs can speak SIP without
//! an IP stack.
//!
//! SAs follow TS 33.203 7.1: each side chooses the SPIs of its inbound SAs.
//! The UE client port talks to the P-CSCF server port (requests from the
//! UE and their responses), the P-CSCF client port to the UE server port
//! (requests to the UE and their responses).

use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
use crate::crypto::{Ck, Ik};
use crate::nodes::ipstack::SaPair;
use crate::nodes::{Iface, NodeId, Output, Time};
#[cfg(test)]
use crate::nodes::{NodeEvent, Transmit};
use crate::topology::{IpsecEncryption, IpsecIntegrity};
use bytes::Bytes;
#[cfg(test)]
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

/// One set of SAs (two pairs, TS 33.203 7.1) at the P-CSCF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SaId(pub u32);

impl std::fmt::Display for SaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SA set {}", self.0)
    }
}

/// A SIP message from a UE, as the transport delivers it: one whole
/// message (the transport frames TCP streams).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromUe {
    /// The UE's address and port.
    pub src: SocketAddr,
    /// The P-CSCF address and port it was sent to.
    pub dst: SocketAddr,
    /// The SA set it came through, when it came protected.
    pub protected: Option<SaId>,
    /// The message bytes.
    pub bytes: Bytes,
}

/// A SIP message for a UE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToUe {
    /// The P-CSCF address and port to send from.
    pub src: SocketAddr,
    /// The UE's address and port.
    pub dst: SocketAddr,
    /// The SA set to protect it with.
    pub via_sa: Option<SaId>,
    /// The message bytes.
    pub bytes: Vec<u8>,
    /// The subscriber (for `Transmit.imsi`).
    pub imsi: Option<u64>,
}

/// One side of an SA set: its protected ports and the SPIs of its
/// inbound SAs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaEnd {
    /// Address.
    pub addr: IpAddr,
    /// Protected client port.
    pub port_c: u16,
    /// Protected server port.
    pub port_s: u16,
    /// SPI of the inbound SA at the client port.
    pub spi_c: u32,
    /// SPI of the inbound SA at the server port.
    pub spi_s: u32,
}

/// Everything the transport needs to install one SA set (TS 33.203 7.1;
/// the ESP keys come from IK and CK, Annex I).
#[derive(Clone, PartialEq, Eq)]
pub struct SaSet {
    /// Its id.
    pub id: SaId,
    /// The UE's end.
    pub ue: SaEnd,
    /// The P-CSCF's end.
    pub pcscf: SaEnd,
    /// Integrity algorithm.
    pub integrity: IpsecIntegrity,
    /// Encryption algorithm.
    pub encryption: IpsecEncryption,
    /// IK of the AKA run (integrity key material).
    pub ik: Ik,
    /// CK of the AKA run (encryption key material).
    pub ck: Ck,
    /// When the SAs expire.
    pub expires: Time,
}

impl std::fmt::Debug for SaSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaSet")
            .field("id", &self.id)
            .field("ue", &self.ue)
            .field("pcscf", &self.pcscf)
            .field("integrity", &self.integrity)
            .field("encryption", &self.encryption)
            .field("expires", &self.expires)
            .finish_non_exhaustive()
    }
}

/// Which way a protected packet goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// UE to P-CSCF.
    Inbound,
    /// P-CSCF to UE.
    Outbound,
}

impl SaSet {
    /// The four SAs: (direction, source, destination, SPI). The SPI of each
    /// is the one its receiver chose.
    pub fn sas(&self) -> [(Direction, SocketAddr, SocketAddr, u32); 4] {
        let (u, p) = (&self.ue, &self.pcscf);
        let sa = |a: IpAddr, port| SocketAddr::new(a, port);
        [
            (
                Direction::Inbound,
                sa(u.addr, u.port_c),
                sa(p.addr, p.port_s),
                p.spi_s,
            ),
            (
                Direction::Inbound,
                sa(u.addr, u.port_s),
                sa(p.addr, p.port_c),
                p.spi_c,
            ),
            (
                Direction::Outbound,
                sa(p.addr, p.port_s),
                sa(u.addr, u.port_c),
                u.spi_c,
            ),
            (
                Direction::Outbound,
                sa(p.addr, p.port_c),
                sa(u.addr, u.port_s),
                u.spi_s,
            ),
        ]
    }

    /// The set as the P-CSCF's IP stack installs it: two [`SaPair`]s, one
    /// per flow, with the ESP keys of TS 33.203 Annex I. The first protects
    /// the UE's requests (UE port-c to our port-s), the second ours (our
    /// port-c to the UE's port-s).
    pub fn pcscf_pairs(&self) -> [SaPair; 2] {
        let integrity = match self.integrity {
            IpsecIntegrity::HmacSha196 => IntegrityAlg::HmacSha1_96,
            IpsecIntegrity::HmacMd596 => IntegrityAlg::HmacMd5_96,
        };
        let encryption = match self.encryption {
            IpsecEncryption::Null => EncryptionAlg::Null,
            IpsecEncryption::AesCbc => EncryptionAlg::AesCbc128,
        };
        let keys = EspKeys::derive(&self.ik, &self.ck, integrity, encryption);
        let (u, p) = (&self.ue, &self.pcscf);
        [
            SaPair {
                local_port: p.port_s,
                remote: SocketAddr::new(u.addr, u.port_c),
                protocol: None,
                spi_out: u.spi_c,
                spi_in: p.spi_s,
                keys: keys.clone(),
            },
            SaPair {
                local_port: p.port_c,
                remote: SocketAddr::new(u.addr, u.port_s),
                protocol: None,
                spi_out: u.spi_s,
                spi_in: p.spi_c,
                keys,
            },
        ]
    }

    /// The SA a packet `src` -> `dst` in `dir` must use, if any.
    pub fn spi_for(&self, dir: Direction, src: SocketAddr, dst: SocketAddr) -> Option<u32> {
        self.sas()
            .into_iter()
            .find(|(d, s, t, _)| *d == dir && *s == src && *t == dst)
            .map(|(_, _, _, spi)| spi)
    }
}

/// What the proxy core asks of its transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GmCommand {
    /// Send a message.
    Send(ToUe),
    /// Install an SA set.
    Install(Box<SaSet>),
    /// Set when an SA set expires (TS 33.203 7.4: with the registration).
    Extend(SaId, Time),
    /// Remove an SA set.
    Remove(SaId),
}

/// The plug between the P-CSCF core and the network under Gm.
pub trait GmTransport: Send {
    /// The interface it receives on.
    fn iface(&self) -> Iface;

    /// Bytes arrived from `from`: the SIP messages they complete. Drops
    /// (a plain packet to a protected port, a bad ICV) become Notes in
    /// `out`.
    fn receive(
        &mut self,
        now: Time,
        from: NodeId,
        bytes: &[u8],
        out: &mut Vec<Output>,
    ) -> Vec<FromUe>;

    /// Carries out a command.
    fn command(&mut self, now: Time, cmd: GmCommand, out: &mut Vec<Output>);

    /// The UE at address `ue` is subscriber `imsi` (so that the packets
    /// to it carry `Transmit.imsi`).
    fn subscriber(&mut self, _ue: IpAddr, _imsi: u64) {}

    /// When it needs [`GmTransport::timeout`].
    fn poll_timeout(&self) -> Option<Time> {
        None
    }

    /// Its timers (TCP retransmissions, idle stacks...): the SIP messages
    /// that completed meanwhile.
    fn timeout(&mut self, _now: Time, _out: &mut Vec<Output>) -> Vec<FromUe> {
        Vec::new()
    }
}

/// The transport of a P-CSCF that has no address of its own: nothing
/// reaches it (the P-CSCF says why at start and for each packet on SGi).
#[derive(Debug, Default)]
pub struct NoStack;

impl GmTransport for NoStack {
    fn iface(&self) -> Iface {
        Iface::Gm
    }

    fn receive(
        &mut self,
        _now: Time,
        _from: NodeId,
        _bytes: &[u8],
        _out: &mut Vec<Output>,
    ) -> Vec<FromUe> {
        Vec::new()
    }

    fn command(&mut self, _now: Time, _cmd: GmCommand, _out: &mut Vec<Output>) {}
}

/// One direct Gm frame (test builds): the first line `GM <src> <dst>[ spi=<n>]`, then
/// the SIP message. The SPI is that of the SA that protects the message.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GmFrame {
    /// Sender address and port.
    pub src: SocketAddr,
    /// Receiver address and port.
    pub dst: SocketAddr,
    /// SPI of the protecting SA.
    pub spi: Option<u32>,
    /// The SIP message.
    pub sip: Vec<u8>,
}

#[cfg(test)]
impl GmFrame {
    /// Encodes the frame.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = match self.spi {
            Some(spi) => format!("GM {} {} spi={spi}\r\n", self.src, self.dst),
            None => format!("GM {} {}\r\n", self.src, self.dst),
        }
        .into_bytes();
        v.extend_from_slice(&self.sip);
        v
    }

    /// Decodes a frame.
    pub fn decode(b: &[u8]) -> Result<Self, String> {
        let nl = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("no Gm frame line")?;
        let head = std::str::from_utf8(&b[..nl]).map_err(|_| "Gm frame line is not text")?;
        let mut words = head.split(' ');
        if words.next() != Some("GM") {
            return Err("not a Gm frame".into());
        }
        let addr = |w: Option<&str>| -> Result<SocketAddr, String> {
            w.ok_or("Gm frame: missing address")?
                .parse()
                .map_err(|_| "Gm frame: bad address".to_string())
        };
        let src = addr(words.next())?;
        let dst = addr(words.next())?;
        let spi = match words.next() {
            None => None,
            Some(w) => Some(
                w.strip_prefix("spi=")
                    .and_then(|s| s.parse().ok())
                    .ok_or("Gm frame: bad spi")?,
            ),
        };
        Ok(Self {
            src,
            dst,
            spi,
            sip: b[nl + 2..].to_vec(),
        })
    }
}

/// The stand-in transport of the unit tests: [`GmFrame`]s on
/// [`Iface::Gm`], with the SA rules a kernel SPD would apply.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct DirectGm {
    /// UE address -> the node that sent from it.
    ues: HashMap<IpAddr, NodeId>,
    sas: HashMap<SaId, SaSet>,
    /// Inbound SPI -> SA set.
    by_spi: HashMap<u32, SaId>,
}

#[cfg(test)]
fn note(out: &mut Vec<Output>, text: String) {
    out.push(Output::Event(NodeEvent::Note { imsi: None, text }));
}

#[cfg(test)]
impl DirectGm {
    /// A transport with no SA.
    pub fn new() -> Self {
        Self::default()
    }

    /// The SA sets installed.
    pub fn installed(&self) -> usize {
        self.sas.len()
    }

    /// True when `dst` is a protected port of an SA set of UE `ue`.
    fn protected_port(&self, ue: IpAddr, dst: SocketAddr) -> bool {
        self.sas.values().any(|s| {
            s.ue.addr == ue
                && s.pcscf.addr == dst.ip()
                && (dst.port() == s.pcscf.port_c || dst.port() == s.pcscf.port_s)
        })
    }
}

#[cfg(test)]
impl GmTransport for DirectGm {
    fn iface(&self) -> Iface {
        Iface::Gm
    }

    fn receive(
        &mut self,
        _now: Time,
        from: NodeId,
        bytes: &[u8],
        out: &mut Vec<Output>,
    ) -> Vec<FromUe> {
        let f = match GmFrame::decode(bytes) {
            Ok(f) => f,
            Err(e) => {
                note(
                    out,
                    format!("dropped {} bytes from {from} on Gm: {e}", bytes.len()),
                );
                return Vec::new();
            }
        };
        self.ues.insert(f.src.ip(), from);
        let protected = match f.spi {
            None => {
                if self.protected_port(f.src.ip(), f.dst) {
                    note(
                        out,
                        format!(
                            "dropped a plain packet from {} to protected port {}: only ESP is accepted there (TS 33.203 7.1)",
                            f.src, f.dst
                        ),
                    );
                    return Vec::new();
                }
                None
            }
            Some(spi) => {
                let set = self.by_spi.get(&spi).and_then(|id| self.sas.get(id));
                match set {
                    Some(s) if s.spi_for(Direction::Inbound, f.src, f.dst) == Some(spi) => {
                        Some(s.id)
                    }
                    Some(_) => {
                        note(
                            out,
                            format!(
                                "dropped ESP SPI {spi} from {} to {}: the SA is for other ports",
                                f.src, f.dst
                            ),
                        );
                        return Vec::new();
                    }
                    None => {
                        note(
                            out,
                            format!("dropped ESP from {} with unknown SPI {spi}", f.src),
                        );
                        return Vec::new();
                    }
                }
            }
        };
        vec![FromUe {
            src: f.src,
            dst: f.dst,
            protected,
            bytes: Bytes::from(f.sip),
        }]
    }

    fn command(&mut self, _now: Time, cmd: GmCommand, out: &mut Vec<Output>) {
        match cmd {
            GmCommand::Send(m) => {
                let Some(&node) = self.ues.get(&m.dst.ip()) else {
                    note(out, format!("no UE known at {}: message not sent", m.dst));
                    return;
                };
                let spi = match m.via_sa {
                    None => None,
                    Some(id) => match self
                        .sas
                        .get(&id)
                        .and_then(|s| s.spi_for(Direction::Outbound, m.src, m.dst))
                    {
                        Some(spi) => Some(spi),
                        None => {
                            note(
                                out,
                                format!(
                                    "no outbound SA of {id} from {} to {}: message not sent",
                                    m.src, m.dst
                                ),
                            );
                            return;
                        }
                    },
                };
                let frame = GmFrame {
                    src: m.src,
                    dst: m.dst,
                    spi,
                    sip: m.bytes,
                };
                out.push(Output::Transmit(Transmit {
                    iface: Iface::Gm,
                    to: node,
                    bytes: Bytes::from(frame.encode()),
                    stream: 0,
                    imsi: m.imsi,
                }));
            }
            GmCommand::Install(s) => {
                self.by_spi.insert(s.pcscf.spi_c, s.id);
                self.by_spi.insert(s.pcscf.spi_s, s.id);
                self.sas.insert(s.id, *s);
            }
            GmCommand::Extend(id, t) => {
                if let Some(s) = self.sas.get_mut(&id) {
                    s.expires = t;
                }
            }
            GmCommand::Remove(id) => {
                if let Some(s) = self.sas.remove(&id) {
                    self.by_spi.remove(&s.pcscf.spi_c);
                    self.by_spi.remove(&s.pcscf.spi_s);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> SaSet {
        SaSet {
            id: SaId(1),
            ue: SaEnd {
                addr: "10.46.0.2".parse().unwrap(),
                port_c: 31100,
                port_s: 31101,
                spi_c: 1000,
                spi_s: 1001,
            },
            pcscf: SaEnd {
                addr: "10.46.0.1".parse().unwrap(),
                port_c: 5100,
                port_s: 6100,
                spi_c: 2000,
                spi_s: 2001,
            },
            integrity: IpsecIntegrity::HmacSha196,
            encryption: IpsecEncryption::Null,
            ik: Ik::new([1; 16]),
            ck: Ck::new([2; 16]),
            expires: Time::from_secs(600),
        }
    }

    fn sa(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn sa_set_uses_the_receivers_spis() {
        let s = set();
        assert_eq!(
            s.spi_for(
                Direction::Inbound,
                sa("10.46.0.2:31100"),
                sa("10.46.0.1:6100")
            ),
            Some(2001)
        );
        assert_eq!(
            s.spi_for(
                Direction::Inbound,
                sa("10.46.0.2:31101"),
                sa("10.46.0.1:5100")
            ),
            Some(2000)
        );
        assert_eq!(
            s.spi_for(
                Direction::Outbound,
                sa("10.46.0.1:6100"),
                sa("10.46.0.2:31100")
            ),
            Some(1000)
        );
        assert_eq!(
            s.spi_for(
                Direction::Outbound,
                sa("10.46.0.1:5100"),
                sa("10.46.0.2:31101")
            ),
            Some(1001)
        );
        assert_eq!(
            s.spi_for(
                Direction::Inbound,
                sa("10.46.0.2:31100"),
                sa("10.46.0.1:5100")
            ),
            None
        );
        assert!(!format!("{s:?}").contains("ik"), "keys stay out of Debug");
        // The IP stack's view: two pairs, SPIs in and out per flow.
        let [a, b] = s.pcscf_pairs();
        assert_eq!(
            (a.local_port, a.remote, a.spi_in, a.spi_out),
            (6100, sa("10.46.0.2:31100"), 2001, 1000)
        );
        assert_eq!(
            (b.local_port, b.remote, b.spi_in, b.spi_out),
            (5100, sa("10.46.0.2:31101"), 2000, 1001)
        );
        assert_eq!(
            a.keys.integrity_key().len(),
            20,
            "IK_ESP for HMAC-SHA-1-96 (TS 33.203 Annex I)"
        );
    }

    #[test]
    fn gm_frames_round_trip_and_reject_garbage() {
        let f = GmFrame {
            src: sa("10.46.0.2:31100"),
            dst: sa("[fd00:46::1]:6100"),
            spi: Some(77),
            sip: b"REGISTER sip:x SIP/2.0\r\n\r\n".to_vec(),
        };
        assert_eq!(GmFrame::decode(&f.encode()).unwrap(), f);
        assert!(
            f.encode()
                .starts_with(b"GM 10.46.0.2:31100 [fd00:46::1]:6100 spi=77\r\n")
        );
        for bad in [
            &b""[..],
            b"GM\r\n",
            b"GM 1.2.3.4:5 x\r\n",
            b"XX 1.2.3.4:5 1.2.3.4:6\r\n",
            b"GM 1.2.3.4:5 1.2.3.4:6 spi=x\r\n",
        ] {
            assert!(GmFrame::decode(bad).is_err());
        }
    }

    #[test]
    fn direct_gm_applies_sa_rules() {
        let mut gm = DirectGm::new();
        let mut out = Vec::new();
        let frame = |src: &str, dst: &str, spi| {
            GmFrame {
                src: sa(src),
                dst: sa(dst),
                spi,
                sip: b"x".to_vec(),
            }
            .encode()
        };
        // Plain to 5060: fine.
        let got = gm.receive(
            Time::ZERO,
            NodeId(9),
            &frame("10.46.0.2:5060", "10.46.0.1:5060", None),
            &mut out,
        );
        assert_eq!(got[0].protected, None);
        gm.command(Time::ZERO, GmCommand::Install(Box::new(set())), &mut out);
        // Protected through the right SA.
        let got = gm.receive(
            Time::ZERO,
            NodeId(9),
            &frame("10.46.0.2:31100", "10.46.0.1:6100", Some(2001)),
            &mut out,
        );
        assert_eq!(got[0].protected, Some(SaId(1)));
        // Plain to a protected port, wrong ports for the SPI, unknown SPI.
        assert!(
            gm.receive(
                Time::ZERO,
                NodeId(9),
                &frame("10.46.0.2:31100", "10.46.0.1:6100", None),
                &mut out
            )
            .is_empty()
        );
        assert!(
            gm.receive(
                Time::ZERO,
                NodeId(9),
                &frame("10.46.0.2:31100", "10.46.0.1:5100", Some(2001)),
                &mut out
            )
            .is_empty()
        );
        assert!(
            gm.receive(
                Time::ZERO,
                NodeId(9),
                &frame("10.46.0.2:31100", "10.46.0.1:6100", Some(5)),
                &mut out
            )
            .is_empty()
        );
        assert_eq!(out.len(), 3, "three notes");
        // Sending through the SA uses the UE's SPI.
        out.clear();
        gm.command(
            Time::ZERO,
            GmCommand::Send(ToUe {
                src: sa("10.46.0.1:5100"),
                dst: sa("10.46.0.2:31101"),
                via_sa: Some(SaId(1)),
                bytes: b"NOTIFY".to_vec(),
                imsi: None,
            }),
            &mut out,
        );
        let Output::Transmit(t) = &out[0] else {
            panic!()
        };
        assert_eq!((t.iface, t.to), (Iface::Gm, NodeId(9)));
        assert_eq!(GmFrame::decode(&t.bytes).unwrap().spi, Some(1001));
        gm.command(Time::ZERO, GmCommand::Remove(SaId(1)), &mut out);
        assert_eq!(gm.installed(), 0);
    }
}
