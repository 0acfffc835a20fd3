//! Unit tests of the IP host: two hosts wired back to back.

use super::*;
use crate::codec::esp::IPPROTO_ESP;
use crate::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg};
use crate::crypto::{Ck, Ik};

const UE: &str = "10.46.0.2";
const PCSCF: &str = "10.46.0.1";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn sa(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// Two hosts and the packets that crossed between them.
struct Pair {
    a: IpHost,
    b: IpHost,
    now: Time,
    /// (from a to b?, packet) in wire order.
    wire: Vec<(bool, Vec<u8>)>,
    a_events: Vec<HostEvent>,
    b_events: Vec<HostEvent>,
}

impl Pair {
    fn new(a: &str, b: &str) -> Self {
        Self {
            a: IpHost::new(&[ip(a)], 1).unwrap(),
            b: IpHost::new(&[ip(b)], 2).unwrap(),
            now: Time::ZERO,
            wire: Vec::new(),
            a_events: Vec::new(),
            b_events: Vec::new(),
        }
    }

    /// Exchanges packets until both sides are quiet, following timers for
    /// at most `horizon`.
    fn run(&mut self, horizon: Duration) {
        let until = self.now + horizon;
        for _ in 0..10_000 {
            let pa = self.a.poll(self.now);
            let pb = self.b.poll(self.now);
            while let Some(e) = self.a.poll_event() {
                self.a_events.push(e);
            }
            while let Some(e) = self.b.poll_event() {
                self.b_events.push(e);
            }
            if pa.is_empty() && pb.is_empty() {
                let next = [self.a.poll_at(self.now), self.b.poll_at(self.now)]
                    .into_iter()
                    .flatten()
                    .filter(|t| *t > self.now)
                    .min();
                match next {
                    Some(t) if t <= until => self.now = t,
                    _ => return,
                }
                continue;
            }
            for p in pa {
                self.b.ingest(self.now, &p);
                self.wire.push((true, p));
            }
            for p in pb {
                self.a.ingest(self.now, &p);
                self.wire.push((false, p));
            }
        }
        panic!("hosts never went quiet");
    }

    fn settle(&mut self) {
        self.run(Duration::from_millis(100));
    }
}

fn accepted(events: &[HostEvent]) -> Vec<(ConnId, SocketAddr, SocketAddr)> {
    events
        .iter()
        .filter_map(|e| match e {
            HostEvent::Accepted { conn, local, peer } => Some((*conn, *local, *peer)),
            _ => None,
        })
        .collect()
}

#[test]
fn tcp_connect_reaches_listener_and_carries_bytes_both_ways() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(5060).unwrap();
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    assert_eq!(p.a.send(c, b"REGISTER"), 8, "queued before the handshake");
    p.settle();
    assert_eq!(p.a_events[0], HostEvent::Connected(c));
    let acc = accepted(&p.b_events);
    assert_eq!(acc.len(), 1);
    let (s, local, peer) = acc[0];
    assert_eq!(local, sa("10.46.0.1:5060"));
    assert_eq!(peer, sa("10.46.0.2:5100"));
    assert!(p.b_events.contains(&HostEvent::Readable(s)));
    assert_eq!(p.b.recv(s), b"REGISTER");
    p.b.send(s, b"SIP/2.0 200 OK");
    p.settle();
    assert!(p.a_events.contains(&HostEvent::Readable(c)));
    assert_eq!(p.a.recv(c), b"SIP/2.0 200 OK");
    assert_eq!(p.a.endpoints(c), Some((peer, local)));
    // The first packet on the wire is the SYN, from the UE.
    let syn = inner_ip(&p.wire[0].1).unwrap();
    assert_eq!(syn.tcp_flags.map(|f| f & 0x12), Some(0x02));
}

#[test]
fn listener_accepts_several_peers_on_one_port() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(5060).unwrap();
    let c1 = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    let c2 = p.a.tcp_connect(0, sa("10.46.0.1:5060")).unwrap();
    p.settle();
    let acc = accepted(&p.b_events);
    assert_eq!(acc.len(), 2);
    assert_ne!(acc[0].0, acc[1].0);
    assert!(p.a_events.contains(&HostEvent::Connected(c1)));
    assert!(p.a_events.contains(&HostEvent::Connected(c2)));
    let eph = p.a.endpoints(c2).unwrap().0.port();
    assert!(eph >= 49152, "ephemeral port {eph}");
    assert_eq!(
        p.a.tcp_connect(5100, sa("10.46.0.1:5060")),
        Err(HostError::PortInUse(5100))
    );
}

#[test]
fn connect_to_port_without_listener_fails() {
    let mut p = Pair::new(UE, PCSCF);
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    p.settle();
    assert_eq!(
        p.a_events,
        vec![HostEvent::Closed {
            conn: c,
            reason: CloseReason::ConnectFailed
        }]
    );
    assert_eq!(p.a.conns().count(), 0);
    assert!(p.a.is_idle());
}

#[test]
fn close_is_graceful_on_both_sides() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(5060).unwrap();
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    p.a.send(c, b"bye");
    p.a.close(c);
    p.settle();
    let s = accepted(&p.b_events)[0].0;
    assert!(p.b_events.contains(&HostEvent::PeerClosed(s)));
    assert_eq!(p.b.recv(s), b"bye");
    p.b.close(s);
    p.settle();
    assert!(p.b_events.contains(&HostEvent::Closed {
        conn: s,
        reason: CloseReason::Graceful
    }));
    assert!(p.a_events.contains(&HostEvent::Closed {
        conn: c,
        reason: CloseReason::Graceful
    }));
    // TIME-WAIT holds the UE's socket for a while, then it goes.
    assert!(!p.a.is_idle());
    p.run(Duration::from_secs(20));
    assert!(p.a.is_idle());
    assert!(p.b.is_idle());
}

#[test]
fn abort_resets_the_peer() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(5060).unwrap();
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    p.settle();
    let s = accepted(&p.b_events)[0].0;
    p.a.abort(c);
    p.settle();
    assert!(p.b_events.contains(&HostEvent::Closed {
        conn: s,
        reason: CloseReason::Reset
    }));
    assert!(p.a_events.contains(&HostEvent::Closed {
        conn: c,
        reason: CloseReason::Reset
    }));
}

#[test]
fn send_larger_than_buffers_arrives_whole() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(5060).unwrap();
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    let data: Vec<u8> = (0..20_000u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(p.a.send(c, &data), data.len());
    let mut got = Vec::new();
    for _ in 0..100 {
        p.settle();
        for (conn, _, _) in accepted(&p.b_events) {
            got.extend(p.b.recv(conn));
        }
        if got.len() == data.len() {
            break;
        }
    }
    assert_eq!(got, data);
    // Segments respect the MTU.
    assert!(p.wire.iter().all(|(_, pk)| pk.len() <= 1400));
}

#[test]
fn ipv6_hosts_connect() {
    let mut p = Pair::new("2001:db8:46::2", "2001:db8:46::1");
    p.b.tcp_listen(5060).unwrap();
    let c = p.a.tcp_connect(5100, sa("[2001:db8:46::1]:5060")).unwrap();
    p.a.send(c, b"OPTIONS");
    p.settle();
    let (s, _, peer) = accepted(&p.b_events)[0];
    assert_eq!(peer, sa("[2001:db8:46::2]:5100"));
    assert_eq!(p.b.recv(s), b"OPTIONS");
    assert_eq!(p.wire[0].1[0] >> 4, 6);
    assert_eq!(
        p.a.tcp_connect(5101, sa("10.46.0.1:5060")),
        Err(HostError::NoAddressOfFamily(ip(PCSCF)))
    );
}

#[test]
fn udp_datagrams_cross() {
    let mut p = Pair::new(UE, PCSCF);
    p.a.udp_bind(5100).unwrap();
    p.b.udp_bind(5060).unwrap();
    p.a.udp_send(5100, sa("10.46.0.1:5060"), b"ping").unwrap();
    p.settle();
    assert!(p.b_events.contains(&HostEvent::UdpReadable { port: 5060 }));
    assert_eq!(
        p.b.udp_recv(5060),
        Some((sa("10.46.0.2:5100"), b"ping".to_vec()))
    );
    assert_eq!(p.b.udp_recv(5060), None);
    assert_eq!(
        p.a.udp_send(9, sa("10.46.0.1:5060"), b"x"),
        Err(HostError::NotBound(9))
    );
}

fn keys() -> EspKeys {
    EspKeys::derive(
        &Ik::new([7; 16]),
        &Ck::new([8; 16]),
        IntegrityAlg::HmacSha1_96,
        EncryptionAlg::Null,
    )
}

#[test]
fn sa_pair_protects_the_flow_and_protected_port_drops_plain() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(6100).unwrap();
    p.b.protect_port(6100);
    let ue_pair = SaPair {
        local_port: 5100,
        remote: sa("10.46.0.1:6100"),
        protocol: None,
        spi_out: 0x2000,
        spi_in: 0x1000,
        keys: keys(),
    };
    let pcscf_pair = SaPair {
        local_port: 6100,
        remote: sa("10.46.0.2:5100"),
        protocol: None,
        spi_out: 0x1000,
        spi_in: 0x2000,
        keys: keys(),
    };
    // A plain SYN to the protected port is dropped and counted.
    let plain = p.a.tcp_connect(5101, sa("10.46.0.1:6100")).unwrap();
    p.run(Duration::from_millis(10));
    assert_eq!(p.b.counters().plain_to_protected_dropped, 1);
    assert!(accepted(&p.b_events).is_empty());
    p.a.abort(plain);
    p.settle();

    p.a.add_sa_pair(ue_pair).unwrap();
    p.b.add_sa_pair(pcscf_pair).unwrap();
    p.wire.clear();
    let c = p.a.tcp_connect(5100, sa("10.46.0.1:6100")).unwrap();
    p.a.send(c, b"REGISTER");
    p.settle();
    let s = accepted(&p.b_events)[0].0;
    assert_eq!(p.b.recv(s), b"REGISTER");
    assert!(!p.wire.is_empty());
    for (ab, pk) in &p.wire {
        assert_eq!(pk[9], IPPROTO_ESP);
        let spi = crate::codec::esp::peek_spi(pk).unwrap();
        assert_eq!(spi, if *ab { 0x2000 } else { 0x1000 });
    }
    assert_eq!(p.b.counters().esp_rx, p.a.counters().esp_tx);
    assert!(p.a.counters().esp_tx >= 2, "SYN, then ACK with data");
    assert_eq!(p.a.esp_sa_lines().len(), 2);
}

#[test]
fn inbound_esp_with_unknown_spi_is_dropped() {
    let mut p = Pair::new(UE, PCSCF);
    p.b.tcp_listen(6100).unwrap();
    p.a.add_sa_pair(SaPair {
        local_port: 5100,
        remote: sa("10.46.0.1:6100"),
        protocol: Some(IPPROTO_TCP),
        spi_out: 0x3000,
        spi_in: 0x1000,
        keys: keys(),
    })
    .unwrap();
    p.a.tcp_connect(5100, sa("10.46.0.1:6100")).unwrap();
    p.run(Duration::from_millis(10));
    assert!(p.b.counters().esp_unknown_spi >= 1);
    assert!(accepted(&p.b_events).is_empty());
}

#[test]
fn host_rejects_bad_address_lists_and_reused_ports() {
    assert_eq!(IpHost::new(&[], 0).unwrap_err(), HostError::NoAddress);
    let three = [ip(UE), ip(PCSCF), ip("10.0.0.9")];
    assert_eq!(
        IpHost::new(&three, 0).unwrap_err(),
        HostError::TooManyAddresses(3)
    );
    let mut h = IpHost::new(&[ip(UE), ip("2001:db8::2")], 0).unwrap();
    assert_eq!(h.addrs().count(), 2);
    h.tcp_listen(5060).unwrap();
    assert_eq!(h.tcp_listen(5060), Err(HostError::PortInUse(5060)));
    assert_eq!(h.tcp_listen(0), Err(HostError::PortInUse(0)));
    assert_eq!(h.send(ConnId(99), b"x"), 0);
    assert!(h.recv(ConnId(99)).is_empty());
}

#[test]
fn ingest_counts_packets_not_for_us() {
    let mut h = IpHost::new(&[ip(UE)], 0).unwrap();
    h.ingest(Time::ZERO, &[1, 2, 3]);
    let mut other = vec![
        0x45, 0, 0, 20, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 9,
    ];
    let sum = crate::codec::esp::ipv4_checksum(&other);
    other[10..12].copy_from_slice(&sum.to_be_bytes());
    h.ingest(Time::ZERO, &other);
    assert_eq!(h.counters().rx_not_for_us, 2);
    assert!(h.poll(Time::ZERO).is_empty());
}

#[test]
fn hostset_routes_by_source_and_creates_stacks_on_syn_only() {
    let mut ues: Vec<IpHost> = (2..5u8)
        .map(|i| IpHost::new(&[IpAddr::from([10, 46, 0, i])], u64::from(i)).unwrap())
        .collect();
    let mut set = HostSet::new(&[ip(PCSCF)], &[5060], 9).unwrap();
    let conns: Vec<ConnId> = ues
        .iter_mut()
        .map(|u| u.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap())
        .collect();
    let mut now = Time::ZERO;
    for _ in 0..20 {
        for u in &mut ues {
            for pk in u.poll(now) {
                set.ingest(now, &pk);
            }
        }
        for pk in set.poll(now) {
            let dst = crate::codec::esp::ip_addresses(&pk).unwrap().1;
            if let Some(u) = ues.iter_mut().find(|u| u.has_addr(dst)) {
                u.ingest(now, &pk);
            }
        }
        now = now + Duration::from_millis(5);
    }
    assert_eq!(set.len(), 3);
    let mut accepted_from = Vec::new();
    while let Some((peer, e)) = set.poll_event() {
        if let HostEvent::Accepted { .. } = e {
            accepted_from.push(peer);
        }
    }
    assert_eq!(accepted_from.len(), 3);
    for (u, c) in ues.iter_mut().zip(&conns) {
        assert!(matches!(u.poll_event(), Some(HostEvent::Connected(x)) if x == *c));
    }
    // A non-SYN from an unknown address creates nothing.
    let mut stray = IpHost::new(&[ip("10.46.0.99")], 5).unwrap();
    stray.udp_bind(5100).unwrap();
    stray.udp_send(5100, sa("10.46.0.1:5060"), b"x").unwrap();
    for pk in stray.poll(now) {
        set.ingest(now, &pk);
    }
    assert_eq!(set.len(), 3);
    assert_eq!(set.stats().no_stack, 1);
}

#[test]
fn close_during_handshake_waits_without_busy_polling() {
    let mut h = IpHost::new(&[ip(UE)], 3).unwrap();
    let c = h.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    h.close(c);
    let syn = h.poll(Time::ZERO);
    assert_eq!(syn.len(), 1);
    // Next wake-up is the SYN retransmission, not "now" again and again.
    let next = h.poll_at(Time::ZERO).unwrap();
    assert!(next > Time::ZERO, "{next}");
    assert_eq!(h.tcp_state(c), tcp::State::SynSent);
}
