//! The glue between the IMS client and the IP stack of the ims PDN: the
//! stack (a userspace TCP/IP stack with an ESP shim) implements
//! [`ImsLink`]; the UE feeds it the client's [`TransportCommand`]s and the
//! downlink packets of the ims bearer, hands its events to the client and
//! sends its uplink packets in `UuFrame::Data` on the ims bearer.
//!
//! A new UE has [`IpStackLink`], the userspace TCP/IP stack with its ESP
//! shim; tests plug their own link with [`Ue::set_ims_link`]. [`Unplugged`]
//! fails every connection and says why.

use super::stack_link::IpStackLink;
use super::{ImsOutput, TransportCommand, TransportEvent};
use crate::nodes::ue::Ue;
use crate::nodes::{Time, UuFrame};
use bytes::Bytes;
use std::collections::VecDeque;
use std::net::IpAddr;

/// The IP transport under the UE's IMS client, sans-IO like the nodes.
pub trait ImsLink: Send {
    /// The ims PDN is up with these addresses of the UE (IPv4 and/or the
    /// global IPv6 address); called again when an address is added.
    fn bearer_up(&mut self, _now: Time, _addrs: &[IpAddr]) {}
    /// The ims PDN went away: connections and SAs are gone.
    fn bearer_down(&mut self, _now: Time) {}
    /// A command of the IMS client.
    fn command(&mut self, now: Time, cmd: TransportCommand);
    /// An IP packet that arrived on the ims bearer (downlink).
    fn receive(&mut self, now: Time, packet: &[u8]);
    /// The next event for the IMS client.
    fn poll_event(&mut self) -> Option<TransportEvent>;
    /// The next IP packet to send on the ims bearer (uplink).
    fn poll_packet(&mut self) -> Option<Vec<u8>>;
    /// When the link next wants [`ImsLink::handle_timeout`].
    fn poll_timeout(&self) -> Option<Time>;
    /// Time has come (TCP retransmissions and the like).
    fn handle_timeout(&mut self, now: Time);
    /// Approximate bytes the link holds (struct and heap), for sizing runs
    /// with many UEs.
    fn memory_bytes(&self) -> usize {
        0
    }
}

/// No IP stack: every connection fails at once, saying so.
#[derive(Debug, Default)]
pub struct Unplugged {
    events: VecDeque<TransportEvent>,
}

/// Why [`Unplugged`] fails connections.
pub const UNPLUGGED: &str = "the UE has no IP stack for its ims PDN";

impl ImsLink for Unplugged {
    fn command(&mut self, _now: Time, cmd: TransportCommand) {
        if let TransportCommand::Connect { conn, .. } = cmd {
            self.events.push_back(TransportEvent::Failed {
                conn,
                reason: UNPLUGGED.into(),
            });
        }
    }

    fn receive(&mut self, _now: Time, _packet: &[u8]) {}

    fn poll_event(&mut self) -> Option<TransportEvent> {
        self.events.pop_front()
    }

    fn poll_packet(&mut self) -> Option<Vec<u8>> {
        None
    }

    fn poll_timeout(&self) -> Option<Time> {
        None
    }

    fn handle_timeout(&mut self, _now: Time) {}
}

/// The link a new UE starts with: the userspace IP stack, seeded from the
/// UE's seed.
pub(in crate::nodes::ue) fn default_link(seed: u64) -> Box<dyn ImsLink> {
    Box::new(IpStackLink::new(seed))
}

impl Ue {
    /// Puts an IP stack under the UE's IMS client.
    pub fn set_ims_link(&mut self, link: Box<dyn ImsLink>) {
        self.ims_link = link;
    }

    /// Approximate bytes held by the IP stack under the IMS client.
    pub fn ims_link_memory(&self) -> usize {
        self.ims_link.memory_bytes()
    }

    /// Moves work between the IMS client, the link and the radio until
    /// all three are quiet.
    pub(in crate::nodes::ue) fn pump_ims(&mut self) {
        let now = self.now;
        loop {
            let mut moved = false;
            while let Some(o) = self.ims_client.poll_output() {
                moved = true;
                match o {
                    ImsOutput::Transport(c) => self.ims_link.command(now, c),
                    ImsOutput::Note(t) => self.note(t),
                    ImsOutput::Count(n) => self.count(n),
                }
            }
            while let Some(ev) = self.ims_link.poll_event() {
                moved = true;
                // IMS AKA runs on the ISIM when it has keys of its own.
                let aka = match &mut self.isim {
                    Some(isim) => isim,
                    None => &mut self.usim,
                };
                self.ims_client.handle_transport(now, ev, aka);
            }
            while let Some(p) = self.ims_link.poll_packet() {
                moved = true;
                match self.ims_ebi {
                    Some(ebi) => self.send_uu(&UuFrame::Data {
                        ebi,
                        packet: Bytes::from(p),
                    }),
                    None => self.count("ims_packets_no_bearer"),
                }
            }
            if !moved {
                break;
            }
        }
    }

    /// A downlink packet on bearer `ebi`: the link's when it is the ims
    /// bearer. Returns whether it was.
    pub(in crate::nodes::ue) fn ims_packet(&mut self, ebi: u8, packet: &[u8]) -> bool {
        if self.ims_ebi != Some(ebi) {
            return false;
        }
        self.ims_link.receive(self.now, packet);
        true
    }

    /// Fires the IMS client's and the link's timers that are due.
    pub(in crate::nodes::ue) fn ims_timeouts(&mut self, now: Time) {
        if self.ims_client.poll_timeout().is_some_and(|t| t <= now) {
            self.ims_client.handle_timeout(now);
        }
        if self.ims_link.poll_timeout().is_some_and(|t| t <= now) {
            self.ims_link.handle_timeout(now);
        }
    }

    /// The earliest deadline of the IMS client and the link.
    pub(in crate::nodes::ue) fn ims_next_timeout(&self) -> Option<Time> {
        [self.ims_client.poll_timeout(), self.ims_link.poll_timeout()]
            .into_iter()
            .flatten()
            .min()
    }
}
