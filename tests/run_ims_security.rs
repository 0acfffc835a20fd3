//! IMS security is behaviour, on a whole run of the default topology with
//! the real nodes and the real user plane: once the SAs exist, the P-CSCF's
//! IP stack drops a plain request to its protected port, an ESP packet with
//! a bad ICV and a replayed ESP packet, and counts each; none reaches SIP.
//! The S-CSCF sends its 200 only for a response that matches XRES: a forged
//! answer to its challenge gets 403, and the UE's real one still registers.

use bytes::Bytes;
use volte_sim::codec::display::describe;
use volte_sim::codec::esp::{self, IPPROTO_ESP};
use volte_sim::codec::gtpu::inner_ip;
use volte_sim::codec::sip::SipMessage;
use volte_sim::events::event::{Event, MessageEvent};
use volte_sim::nodes::{Iface, NodeEvent, NodeId, Time, Transmit};
use volte_sim::run::build_nodes;
use volte_sim::sim::{Sim, scenario};
use volte_sim::topology::{Topology, load_from_path};

struct Net {
    sim: Sim,
    events: Vec<Event>,
    topo: Topology,
}

impl Net {
    /// The default topology on a simulator, run until `until`.
    fn new(until: Time) -> Self {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("topologies/default.yaml");
        let topo = load_from_path(&path).unwrap().topology;
        let mut sim = Sim::new(topo.latency);
        for (id, node) in build_nodes(&topo).0 {
            sim.add(id, node);
        }
        for (t, node, cmd) in scenario::timetable(&topo) {
            sim.schedule(t, node, cmd);
        }
        let mut net = Self {
            sim,
            events: Vec::new(),
            topo,
        };
        net.run_until(until);
        net
    }

    fn id(&self, name: &str) -> NodeId {
        self.topo.find(name).unwrap().0
    }

    fn run_until(&mut self, t: Time) -> Vec<Event> {
        self.sim.run_until_time(t);
        let new = self.sim.drain_events();
        self.events.extend(new.iter().cloned());
        new
    }

    /// Sends `bytes` from `from` to `to` on `iface` now and runs 2 s more;
    /// returns what happened meanwhile.
    fn inject(&mut self, from: &str, to: &str, iface: Iface, bytes: Vec<u8>) -> Vec<Event> {
        let now = self.sim.now();
        let (from, to) = (self.id(from), self.id(to));
        self.sim.inject(
            now,
            from,
            Transmit {
                iface,
                to,
                bytes: Bytes::from(bytes),
                stream: 0,
                imsi: None,
            },
        );
        self.run_until(now + std::time::Duration::from_secs(2))
    }

    /// Messages from `from` to `to` on `iface`, in order.
    fn messages(&self, from: &str, to: &str, iface: Iface) -> Vec<MessageEvent> {
        let (from, to) = (self.id(from), self.id(to));
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) if m.from == from && m.to == to && m.iface == iface => {
                    Some(m.clone())
                }
                _ => None,
            })
            .collect()
    }

    fn registered(&self) -> bool {
        self.events.iter().rev().find_map(|e| match e {
            Event::Node {
                event: NodeEvent::Ue(s),
                ..
            } => Some(s.ims.as_ref().is_some_and(|i| i.state == "registered")),
            _ => None,
        }) == Some(true)
    }
}

/// The last value of counter `name` of `node` among `events`.
fn counter(events: &[Event], node: NodeId, name: &str) -> Option<u64> {
    events.iter().rev().find_map(|e| match e {
        Event::Node {
            node: n,
            event: NodeEvent::Counter { name: c, value },
            ..
        } if *n == node && *c == name => Some(*value),
        _ => None,
    })
}

fn notes(events: &[Event], node: NodeId) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Node {
                node: n,
                event: NodeEvent::Note { text, .. },
                ..
            } if *n == node => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Whether the P-CSCF passed anything on towards the core.
fn pcscf_forwarded(net: &Net, events: &[Event]) -> bool {
    let p = net.id("pcscf1");
    events
        .iter()
        .any(|e| matches!(e, Event::Message(m) if m.from == p && m.iface == Iface::Mw))
}

/// The UE's last SIP request through the SAs, as it crossed SGi (ESP).
fn last_protected_request(net: &Net) -> Vec<u8> {
    net.messages("gw1", "pcscf1", Iface::SGi)
        .into_iter()
        .rev()
        .find(|m| {
            inner_ip(&m.bytes).is_some_and(|ip| ip.protocol == IPPROTO_ESP)
                && describe(Iface::SGi, &m.bytes).name == "ESP / SUBSCRIBE"
        })
        .expect("the SUBSCRIBE through the SAs")
        .bytes
        .to_vec()
}

/// The same packet with the ESP header and trailer taken off (NULL
/// encryption: the body is the TCP segment), as a plain IPv4 packet.
fn strip_esp(packet: &[u8]) -> Vec<u8> {
    let ip = inner_ip(packet).unwrap();
    let p = esp::decode(&packet[ip.transport_offset..]).unwrap();
    let (len, _, next) = p.null_trailer_guess().unwrap();
    assert_eq!(next, 6, "TCP inside");
    let mut out = packet[..ip.transport_offset].to_vec();
    out.extend_from_slice(&p.body[..len]);
    let total = u16::try_from(out.len()).unwrap();
    out[2..4].copy_from_slice(&total.to_be_bytes());
    out[9] = 6;
    out[10..12].copy_from_slice(&[0, 0]);
    let sum = esp::ipv4_checksum(&out[..20]);
    out[10..12].copy_from_slice(&sum.to_be_bytes());
    out
}

#[test]
fn pcscf_drops_a_plain_request_to_its_protected_port() {
    let mut net = Net::new(Time::from_secs(2));
    assert!(net.registered());
    let plain = strip_esp(&last_protected_request(&net));
    // A whole SIP request, in the clear, from the UE's port-c to port-s.
    assert_eq!(describe(Iface::SGi, &plain).name, "SUBSCRIBE");
    let ip = inner_ip(&plain).unwrap();
    assert_eq!(ip.ports.unwrap().1, 6100, "the P-CSCF's port-s");
    let after = net.inject("gw1", "pcscf1", Iface::SGi, plain);
    let p = net.id("pcscf1");
    assert_eq!(
        counter(&after, p, "plain_to_protected_dropped"),
        Some(1),
        "{after:#?}"
    );
    assert!(!pcscf_forwarded(&net, &after), "nothing reached SIP");
    assert!(
        notes(&after, p).iter().any(|n| n.contains(
            "from 10.46.0.2 at the P-CSCF's IP stack: a plain packet to a protected port: only ESP is accepted there (TS 33.203 7.1)"
        )),
        "{:#?}",
        notes(&after, p)
    );
    // A plain SYN from the UE's port-c, as a fresh attempt, is dropped too.
    let mut syn = net
        .messages("gw1", "pcscf1", Iface::SGi)
        .into_iter()
        .find(|m| describe(Iface::SGi, &m.bytes).name == "TCP SYN")
        .unwrap()
        .bytes
        .to_vec();
    let off = inner_ip(&syn).unwrap().transport_offset;
    syn[off + 2..off + 4].copy_from_slice(&6100u16.to_be_bytes());
    let after = net.inject("gw1", "pcscf1", Iface::SGi, syn);
    assert_eq!(counter(&after, p, "plain_to_protected_dropped"), Some(2));
    assert!(
        !after
            .iter()
            .any(|e| matches!(e, Event::Message(m) if m.from == p)),
        "no SYN-ACK, no answer at all"
    );
}

#[test]
fn pcscf_drops_esp_with_a_bad_icv_or_a_replayed_sequence_number() {
    let mut net = Net::new(Time::from_secs(2));
    assert!(net.registered());
    let p = net.id("pcscf1");
    let good = last_protected_request(&net);
    // The very packet again: a replay.
    let after = net.inject("gw1", "pcscf1", Iface::SGi, good.clone());
    assert_eq!(counter(&after, p, "esp_replay"), Some(1), "{after:#?}");
    assert!(!pcscf_forwarded(&net, &after));
    assert!(
        notes(&after, p)
            .iter()
            .any(|n| n.contains("a replay") && n.contains("seq 5"))
    );
    // A fresh sequence number, but the content changed without the key:
    // the ICV does not check.
    let mut forged = good;
    let seq_at = inner_ip(&forged).unwrap().transport_offset + 4;
    forged[seq_at..seq_at + 4].copy_from_slice(&1000u32.to_be_bytes());
    let after = net.inject("gw1", "pcscf1", Iface::SGi, forged);
    assert_eq!(counter(&after, p, "esp_bad_icv"), Some(1), "{after:#?}");
    assert!(!pcscf_forwarded(&net, &after));
    assert!(
        notes(&after, p)
            .iter()
            .any(|n| n.contains("ICV does not check") && n.contains("seq 1000"))
    );
    // The SAs still work: the UE's next request gets through.
    let ue = net.id("ue-001010000000001");
    let now = net.sim.now();
    net.sim.schedule(
        now,
        ue,
        volte_sim::nodes::Command::Ue(volte_sim::nodes::UeCommand::SendMessage {
            to: "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org".into(),
            text: "still here".into(),
        }),
    );
    let after = net.run_until(now + std::time::Duration::from_secs(2));
    assert!(pcscf_forwarded(&net, &after));
    assert_eq!(counter(&after, p, "esp_bad_icv"), None, "no new drop");
}

#[test]
fn scscf_sends_200_only_for_a_response_that_matches_xres() {
    // Up to the 401 on Mw: the S-CSCF waits for the answer to its challenge.
    let mut net = Net::new(Time::ZERO);
    let (s, i) = (net.id("scscf1"), net.id("icscf1"));
    let challenged = |net: &Net| {
        net.events.iter().any(|e| matches!(e, Event::Message(m)
            if m.from == s && m.to == i && describe(Iface::Mw, &m.bytes).name == "401 Unauthorized (REGISTER)"))
    };
    while !challenged(&net) {
        let t = net.sim.now() + std::time::Duration::from_millis(1);
        net.run_until(t);
        assert!(t < Time::from_secs(1), "no challenge");
    }
    let challenge = net
        .messages("scscf1", "icscf1", Iface::Mw)
        .last()
        .unwrap()
        .bytes
        .clone();
    let nonce = SipMessage::decode(&challenge)
        .unwrap()
        .www_authenticate()
        .unwrap()[0]
        .digest()
        .unwrap()
        .nonce
        .clone();
    // The first REGISTER as the I-CSCF sent it, now "answering" the
    // challenge with a response made without the key.
    let first = net.messages("icscf1", "scscf1", Iface::Mw)[0].bytes.clone();
    let text = String::from_utf8(first.to_vec()).unwrap();
    let forged = text
        .replace("nonce=\"\"", &format!("nonce=\"{nonce}\""))
        .replace(
            "response=\"\"",
            "response=\"00000000000000000000000000000000\"",
        )
        .replace("integrity-protected=\"no\"", "integrity-protected=\"yes\"")
        .replace("z9hG4bK-icscf1-", "z9hG4bK-forged-");
    assert_ne!(forged, text);
    let forged_msg = SipMessage::decode(forged.as_bytes()).unwrap();
    assert_eq!(
        forged_msg.authorization().unwrap()[0]
            .digest()
            .unwrap()
            .response,
        "00000000000000000000000000000000"
    );
    let after = net.inject("icscf1", "scscf1", Iface::Mw, forged.into_bytes());
    let from_scscf: Vec<String> = after
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) if m.from == s && m.iface == Iface::Mw => {
                Some(describe(Iface::Mw, &m.bytes).name)
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        from_scscf.first().map(String::as_str),
        Some("403 Forbidden (REGISTER)"),
        "{from_scscf:?}"
    );
    assert_eq!(counter(&after, s, "auth_failed"), Some(1));
    assert!(
        notes(&after, s)
            .iter()
            .any(|n| n.contains("AKA response does not match XRES"))
    );
    // The UE's own answer came after that challenge was spent: it is
    // challenged again, answers right, and only then gets its 200.
    net.run_until(Time::from_secs(5));
    assert!(net.registered());
    let ok_at = net
        .events
        .iter()
        .position(|e| {
            matches!(e, Event::Message(m)
            if m.from == s && describe(Iface::Mw, &m.bytes).name == "200 OK (REGISTER)")
        })
        .expect("a 200 in the end");
    let matched_at = net
        .events
        .iter()
        .position(|e| {
            matches!(e, Event::Node { node, event: NodeEvent::Note { text, .. }, .. }
            if *node == s && text.contains("matches XRES"))
        })
        .expect("the matching response");
    assert!(matched_at < ok_at);
    assert_eq!(counter(&net.events, s, "auth_ok"), Some(1));
    assert_eq!(counter(&net.events, s, "auth_failed"), Some(1));
}
