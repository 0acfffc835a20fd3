//! The text ladder: one aligned line per message (time, sender, receiver,
//! interface, summary), and notes from nodes in between.

use super::event::{Event, MessageEvent};
use super::names::NodeNames;
use crate::codec::display::describe;
use crate::nodes::NodeEvent;

/// Formats events as ladder lines, with names from the run's
/// [`NodeNames`] (which the caller keeps up to date with real peers).
#[derive(Debug, Clone)]
pub struct Ladder {
    width: usize,
}

impl Ladder {
    /// A ladder whose name columns fit the topology's node names.
    pub fn new(names: &NodeNames) -> Self {
        let width = names
            .topology_names()
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(4)
            .clamp(4, 24);
        Self { width }
    }

    /// The line for a message.
    pub fn message_line(&self, m: &MessageEvent, names: &NodeNames) -> String {
        let d = describe(m.iface, &m.bytes);
        format!(
            "{:>9}  {:<w$} -> {:<w$}  {:<6}  {}",
            m.t.to_string(),
            names.name(m.from),
            names.name(m.to),
            m.iface.name(),
            d.summary,
            w = self.width
        )
    }

    /// The line for an event, if it is one the ladder shows (messages,
    /// notes, real peers connecting).
    pub fn line(&self, e: &Event, names: &NodeNames) -> Option<String> {
        match e {
            Event::Message(m) => Some(self.message_line(m, names)),
            Event::Node {
                t,
                node,
                event: NodeEvent::Note { text, .. },
            } => Some(format!(
                "{:>9}  {:<w$}    * {}",
                t.to_string(),
                names.name(*node),
                text,
                w = self.width
            )),
            Event::Node { .. } => None,
            Event::Peer(p) => Some(format!(
                "{:>9}  {:<w$}    * connected to {} for {} (TCP {} -> {})",
                p.t.to_string(),
                p.name(),
                names.name(p.node),
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
    use crate::nodes::{Iface, NodeId, Time};
    use bytes::Bytes;

    #[test]
    fn ladder_aligns_names_and_describes_the_message() {
        let names = NodeNames::new(vec!["enb1".into(), "mme1".into()]);
        let l = Ladder::new(&names);
        let bytes = crate::codec::parse_hex(
            "0011002c000004003b00080000f110000019b0003c40090300656e622d313962004000070000004000f1100089400120",
        )
        .unwrap();
        let line = l.message_line(
            &MessageEvent {
                t: Time::from_millis(12),
                from: NodeId(0),
                to: NodeId(1),
                iface: Iface::S1Mme,
                stream: 0,
                imsi: None,
                bytes: Bytes::from(bytes),
            },
            &names,
        );
        assert_eq!(
            line,
            "    0.012  enb1 -> mme1  S1-MME  S1SetupRequest eNB 001-01 macro 0x19b TAC=1"
        );
        let note = l
            .line(
                &Event::Node {
                    t: Time::from_secs(2),
                    node: NodeId(1),
                    event: NodeEvent::Note {
                        imsi: None,
                        text: "hello".into(),
                    },
                },
                &names,
            )
            .unwrap();
        assert_eq!(note, "    2.000  mme1    * hello");
    }

    #[test]
    fn ladder_names_real_peers_once_they_connect() {
        let mut names = NodeNames::new(vec!["hss1".into()]);
        let l = Ladder::new(&names);
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
        assert!(
            l.message_line(&dwr, &names)
                .starts_with("    0.005  ?    -> hss1")
        );
        let connected = Event::Peer(crate::events::event::PeerEvent {
            t: Time::from_millis(4),
            id: ext,
            node: NodeId(0),
            iface: Iface::S6a,
            peer: "127.0.0.1:51234".parse().unwrap(),
            local: "127.0.0.1:3868".parse().unwrap(),
        });
        names.observe(&connected);
        let peer = l.line(&connected, &names).unwrap();
        assert_eq!(
            peer,
            "    0.004  ext:127.0.0.1:51234    * connected to hss1 for S6a (TCP 127.0.0.1:51234 -> 127.0.0.1:3868)"
        );
        let line = l.line(&Event::Message(dwr), &names).unwrap();
        assert!(line.contains("ext:127.0.0.1:51234 -> hss1  S6a"), "{line}");
    }
}
