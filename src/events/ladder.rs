//! The text ladder: one aligned line per message (time, sender, receiver,
//! interface, summary), and notes from nodes in between.

use super::event::{Event, MessageEvent};
use super::names::NodeNames;
use crate::codec::display::describe;
use crate::nodes::{NodeEvent, NodeId};

/// Formats events as ladder lines for one topology's node names.
#[derive(Debug, Clone)]
pub struct Ladder {
    names: NodeNames,
    width: usize,
}

impl Ladder {
    /// A ladder for nodes named `names` (index = NodeId).
    pub fn new(names: Vec<String>) -> Self {
        let width = names
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(4)
            .clamp(4, 24);
        Self {
            names: NodeNames::new(names),
            width,
        }
    }

    fn name(&self, id: NodeId) -> &str {
        self.names.name(id)
    }

    /// Takes one event in order: learns the names of real peers as they
    /// connect, and returns the event's line, if the ladder shows it.
    pub fn observe(&mut self, e: &Event) -> Option<String> {
        self.names.observe(e);
        self.line(e)
    }

    /// The line for a message.
    pub fn message_line(&self, m: &MessageEvent) -> String {
        let d = describe(m.iface, &m.bytes);
        format!(
            "{:>9}  {:<w$} -> {:<w$}  {:<6}  {}",
            m.t.to_string(),
            self.name(m.from),
            self.name(m.to),
            m.iface.name(),
            d.summary,
            w = self.width
        )
    }

    /// The line for an event, if it is one the ladder shows (messages and notes).
    pub fn line(&self, e: &Event) -> Option<String> {
        match e {
            Event::Message(m) => Some(self.message_line(m)),
            Event::Node {
                t,
                node,
                event: NodeEvent::Note { text, .. },
            } => Some(format!(
                "{:>9}  {:<w$}    * {}",
                t.to_string(),
                self.name(*node),
                text,
                w = self.width
            )),
            Event::Node { .. } => None,
            Event::Peer(p) => Some(format!(
                "{:>9}  {:<w$}    * connected to {} for {} (TCP {} -> {})",
                p.t.to_string(),
                p.name(),
                self.name(p.node),
                p.iface,
                p.peer,
                p.local,
                w = self.width
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::{Iface, Time};
    use bytes::Bytes;

    #[test]
    fn ladder_aligns_names_and_describes_the_message() {
        let l = Ladder::new(vec!["enb1".into(), "mme1".into()]);
        let bytes = crate::codec::parse_hex(
            "0011002c000004003b00080000f110000019b0003c40090300656e622d313962004000070000004000f1100089400120",
        )
        .unwrap();
        let line = l.message_line(&MessageEvent {
            t: Time::from_millis(12),
            from: NodeId(0),
            to: NodeId(1),
            iface: Iface::S1Mme,
            stream: 0,
            imsi: None,
            bytes: Bytes::from(bytes),
        });
        assert_eq!(
            line,
            "    0.012  enb1 -> mme1  S1-MME  S1SetupRequest eNB 001-01 macro 0x19b TAC=1"
        );
        let note = l
            .line(&Event::Node {
                t: Time::from_secs(2),
                node: NodeId(1),
                event: NodeEvent::Note {
                    imsi: None,
                    text: "hello".into(),
                },
            })
            .unwrap();
        assert_eq!(note, "    2.000  mme1    * hello");
    }

    #[test]
    fn ladder_names_real_peers_once_they_connect() {
        let mut l = Ladder::new(vec!["hss1".into()]);
        let ext = NodeId(NodeId::FIRST_EXTERNAL);
        let dwr = MessageEvent {
            t: Time::from_millis(5),
            from: ext,
            to: NodeId(0),
            iface: Iface::S6a,
            stream: 0,
            imsi: None,
            bytes: Bytes::from_static(&[1, 0, 0, 3]),
        };
        // Before the announcement: named, not a panic.
        assert!(l.message_line(&dwr).starts_with("    0.005  ?    -> hss1"));
        let peer = l
            .observe(&Event::Peer(crate::events::event::PeerEvent {
                t: Time::from_millis(4),
                id: ext,
                node: NodeId(0),
                iface: Iface::S6a,
                peer: "127.0.0.1:51234".parse().unwrap(),
                local: "127.0.0.1:3868".parse().unwrap(),
            }))
            .unwrap();
        assert_eq!(
            peer,
            "    0.004  ext:127.0.0.1:51234    * connected to hss1 for S6a (TCP 127.0.0.1:51234 -> 127.0.0.1:3868)"
        );
        let line = l.observe(&Event::Message(dwr)).unwrap();
        assert!(line.contains("ext:127.0.0.1:51234 -> hss1  S6a"), "{line}");
    }
}
