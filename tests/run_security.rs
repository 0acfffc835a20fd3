//! Security is behaviour: on a whole attach with the real nodes, an uplink
//! NAS message with a wrong MAC is dropped and counted by the MME, a replayed
//! NAS COUNT is rejected and counted, and neither moves the UE's state.

use bytes::Bytes;
use volte_sim::codec::nas::{self, NasMessage};
use volte_sim::codec::s1ap::{S1apMessage, UplinkNasTransport};
use volte_sim::events::event::{Event, MessageEvent};
use volte_sim::nodes::{Iface, NodeEvent, NodeId, Time, Transmit};
use volte_sim::run::build_nodes;
use volte_sim::sim::{Sim, scenario};
use volte_sim::topology::load_from_path;

/// The default topology attached on a simulator, with every event kept.
fn attached() -> (Sim, Vec<Event>, NodeId, NodeId) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("topologies/default.yaml");
    let topo = load_from_path(&path).unwrap().topology;
    let mut sim = Sim::new(topo.latency);
    for (id, node) in build_nodes(&topo).0 {
        sim.add(id, node);
    }
    for (t, node, cmd) in scenario::timetable(&topo) {
        sim.schedule(t, node, cmd);
    }
    sim.run_until_time(Time::from_secs(2));
    let events = sim.drain_events();
    let enb = topo.find("enb1").unwrap().0;
    let mme = topo.find("mme1").unwrap().0;
    (sim, events, enb, mme)
}

/// The last uplink NAS transport the eNB sent the MME.
fn last_uplink(events: &[Event], enb: NodeId) -> (MessageEvent, UplinkNasTransport) {
    events
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Message(m) if m.from == enb && m.iface == Iface::S1Mme => {
                match S1apMessage::decode(&m.bytes) {
                    Ok(S1apMessage::UplinkNasTransport(u)) => Some((m.clone(), u)),
                    _ => None,
                }
            }
            _ => None,
        })
        .expect("an uplink NAS transport")
}

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

fn send(sim: &mut Sim, from: NodeId, to: NodeId, bytes: Vec<u8>) -> Vec<Event> {
    let now = sim.now();
    sim.inject(
        now,
        from,
        Transmit {
            iface: Iface::S1Mme,
            to,
            bytes: Bytes::from(bytes),
            stream: 1,
            imsi: None,
        },
    );
    sim.run_until_time(now + std::time::Duration::from_secs(1));
    sim.drain_events()
}

#[test]
fn mme_drops_and_counts_uplink_nas_with_wrong_mac() {
    let (mut sim, events, enb, mme) = attached();
    let (_, mut ul) = last_uplink(&events, enb);
    let NasMessage::Protected(mut p) = nas::decode(&ul.nas_pdu).unwrap() else {
        panic!("uplink NAS after security mode must be protected")
    };
    // A fresh sequence number (not a replay) but a MAC that is wrong.
    p.seq = p.seq.wrapping_add(7);
    p.mac[0] ^= 0x80;
    ul.nas_pdu = NasMessage::Protected(p).encode();
    let after = send(
        &mut sim,
        enb,
        mme,
        S1apMessage::UplinkNasTransport(ul).encode().unwrap(),
    );
    assert_eq!(counter(&after, mme, "nas_bad_mac"), Some(1), "{after:#?}");
    assert!(
        !after
            .iter()
            .any(|e| matches!(e, Event::Message(m) if m.from == mme)),
        "the MME must not act on it"
    );
}

#[test]
fn mme_rejects_and_counts_a_replayed_nas_count() {
    let (mut sim, events, enb, mme) = attached();
    let (m, _) = last_uplink(&events, enb);
    // The very same bytes again: a valid MAC, an old COUNT.
    let after = send(&mut sim, enb, mme, m.bytes.to_vec());
    assert_eq!(counter(&after, mme, "nas_replay"), Some(1), "{after:#?}");
    assert!(
        !after
            .iter()
            .any(|e| matches!(e, Event::Message(m) if m.from == mme)),
        "the MME must not act on it"
    );
}
