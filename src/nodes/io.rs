//! What goes into and comes out of a node: bytes on interfaces, timers,
//! commands, and events.

use super::event::NodeEvent;
use bytes::Bytes;
use std::fmt;

/// A node's index in the topology (and, for real peers that connect at run
/// time, an index the runtime assigns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The first id of real peers: a topology's nodes are numbered from 0
    /// in file order and stay far below it; the runtime numbers each
    /// accepted connection from here up and never reuses an id.
    pub const FIRST_EXTERNAL: u32 = 1 << 31;

    /// True for a real peer connected at run time, not a topology node.
    pub fn is_external(self) -> bool {
        self.0 >= Self::FIRST_EXTERNAL
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// The interfaces between nodes (DESIGN.md "Interfaces").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Iface {
    /// UE - eNB: the simulated radio (see [`UuFrame`]).
    Uu,
    /// eNB - MME: S1AP over SCTP.
    S1Mme,
    /// eNB - SGW: GTP-U over UDP.
    S1U,
    /// MME - gateway: GTPv2-C over UDP (S5 folded in).
    S11,
    /// MME - HSS: Diameter.
    S6a,
    /// UE - P-CSCF: SIP (carried over the IMS bearer).
    Gm,
    /// Between CSCFs: SIP.
    Mw,
    /// I/S-CSCF - HSS: Diameter.
    Cx,
    /// Gateway - IMS core IP network (the P-CSCF's IP stack): raw IP packets.
    SGi,
}

impl Iface {
    /// The interface's name as 3GPP writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Uu => "Uu",
            Self::S1Mme => "S1-MME",
            Self::S1U => "S1-U",
            Self::S11 => "S11",
            Self::S6a => "S6a",
            Self::Gm => "Gm",
            Self::Mw => "Mw",
            Self::Cx => "Cx",
            Self::SGi => "SGi",
        }
    }

    /// The protocol carried on the interface.
    pub fn protocol(self) -> &'static str {
        match self {
            Self::Uu => "Uu",
            Self::S1Mme => "S1AP",
            Self::S1U => "GTP-U",
            Self::S11 => "GTPv2-C",
            Self::S6a | Self::Cx => "Diameter",
            Self::Gm | Self::Mw => "SIP",
            Self::SGi => "IP",
        }
    }
}

impl fmt::Display for Iface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Bytes a node hands to the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmit {
    /// Interface.
    pub iface: Iface,
    /// Receiving node.
    pub to: NodeId,
    /// The wire bytes.
    pub bytes: Bytes,
    /// SCTP stream for S1AP (0 for non-UE-associated signalling).
    pub stream: u16,
    /// The subscriber this message is about, when the node knows it (lets
    /// the UI filter by UE).
    pub imsi: Option<u64>,
}

/// An instruction to a UE, from the scenario or the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UeCommand {
    /// Power on and attach (then open the configured APNs).
    Attach,
    /// Detach (UE-initiated, switch-off = false).
    Detach,
    /// Open a PDN connection to an APN.
    OpenPdn(String),
    /// Close the PDN connection of an APN.
    ClosePdn(String),
    /// Register to IMS.
    ImsRegister,
    /// De-register from IMS.
    ImsDeregister,
    /// Send a SIP MESSAGE (text/plain) to a public identity.
    SendMessage {
        /// Recipient IMPU.
        to: String,
        /// Text.
        text: String,
    },
}

/// An instruction to the HSS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HssCommand {
    /// Administrative de-registration of an IMPU: the HSS sends RTR.
    Deregister {
        /// Public identity.
        impu: String,
    },
    /// The transport to Diameter peer `peer` closed (the runtime says so
    /// when a real peer's TCP connection ends): its connections go back to
    /// Closed (RFC 6733 5.6) and are forgotten, so no watchdog or RTR goes
    /// to it any more.
    ConnectionClosed {
        /// The peer.
        peer: NodeId,
    },
}

/// An instruction to a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// For a UE.
    Ue(UeCommand),
    /// For the HSS.
    Hss(HssCommand),
}

/// What a node receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Bytes arrived on an interface.
    Receive {
        /// Interface.
        iface: Iface,
        /// Sending node.
        from: NodeId,
        /// The wire bytes.
        bytes: Bytes,
    },
    /// The time the node asked for with `poll_timeout` has come.
    Timeout,
    /// A command.
    Command(Command),
}

/// What a node produces.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// Bytes to send.
    Transmit(Transmit),
    /// Something happened that observers may want to know.
    Event(NodeEvent),
}

/// The simulated radio between UE and eNB: no RRC detail, just what the eNB
/// needs to relay NAS and user-plane packets. One byte of channel, then the
/// payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UuFrame {
    /// RRC connection setup with the first NAS message (becomes an S1AP
    /// Initial UE Message): establishment cause, optional S-TMSI, NAS.
    Connect {
        /// RRC establishment cause (TS 36.331; the S1AP values).
        cause: u8,
        /// S-TMSI (MME code, M-TMSI) when the UE has a GUTI.
        s_tmsi: Option<(u8, u32)>,
        /// The NAS PDU.
        nas: Bytes,
    },
    /// NAS on the signalling radio bearer.
    Nas(Bytes),
    /// A user-plane IP packet on the data radio bearer of EPS bearer `ebi`.
    Data {
        /// EPS bearer id.
        ebi: u8,
        /// The IP packet.
        packet: Bytes,
    },
    /// RRC connection release (eNB to UE).
    Release,
}

impl UuFrame {
    /// Encodes the frame.
    pub fn encode(&self) -> Bytes {
        let mut v = Vec::new();
        match self {
            Self::Connect { cause, s_tmsi, nas } => {
                v.push(1);
                v.push(*cause);
                match s_tmsi {
                    Some((c, t)) => {
                        v.push(1);
                        v.push(*c);
                        v.extend(t.to_be_bytes());
                    }
                    None => v.push(0),
                }
                v.extend_from_slice(nas);
            }
            Self::Nas(n) => {
                v.push(2);
                v.extend_from_slice(n);
            }
            Self::Data { ebi, packet } => {
                v.push(3);
                v.push(*ebi);
                v.extend_from_slice(packet);
            }
            Self::Release => v.push(4),
        }
        Bytes::from(v)
    }

    /// Decodes a frame.
    pub fn decode(b: &Bytes) -> Result<Self, crate::codec::DecodeError> {
        let err = |w: &str| crate::codec::DecodeError::new("Uu", 0, w);
        match b.first() {
            Some(1) => {
                let cause = *b.get(1).ok_or_else(|| err("short Connect"))?;
                let (s_tmsi, rest) = match b.get(2) {
                    Some(0) => (None, 3),
                    Some(1) if b.len() >= 8 => (
                        Some((b[3], u32::from_be_bytes([b[4], b[5], b[6], b[7]]))),
                        8,
                    ),
                    _ => return Err(err("bad S-TMSI in Connect")),
                };
                Ok(Self::Connect {
                    cause,
                    s_tmsi,
                    nas: b.slice(rest..),
                })
            }
            Some(2) => Ok(Self::Nas(b.slice(1..))),
            Some(3) => {
                let ebi = *b.get(1).ok_or_else(|| err("short Data"))?;
                Ok(Self::Data {
                    ebi,
                    packet: b.slice(2..),
                })
            }
            Some(4) => Ok(Self::Release),
            _ => Err(err("unknown Uu channel")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uu_frames_round_trip() {
        for f in [
            UuFrame::Connect {
                cause: 3,
                s_tmsi: Some((1, 0xc000_0001)),
                nas: Bytes::from_static(&[7, 0x41]),
            },
            UuFrame::Connect {
                cause: 6,
                s_tmsi: None,
                nas: Bytes::from_static(&[7]),
            },
            UuFrame::Nas(Bytes::from_static(&[0x27, 1])),
            UuFrame::Data {
                ebi: 6,
                packet: Bytes::from_static(&[0x45, 0]),
            },
            UuFrame::Release,
        ] {
            assert_eq!(UuFrame::decode(&f.encode()).unwrap(), f);
        }
        assert!(UuFrame::decode(&Bytes::from_static(&[9])).is_err());
        assert!(UuFrame::decode(&Bytes::from_static(&[1, 3, 1, 0])).is_err());
    }
}
