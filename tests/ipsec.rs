//! IMS IPsec and the userspace IP layer: the `ipsec_keys` known answers,
//! ESP transport mode for every algorithm pair on IPv4 and IPv6, the
//! anti-replay window, decoders that never panic, two `IpHost`s carrying a
//! SIP REGISTER in the clear and inside the TS 33.203 SA pairs, a `HostSet`
//! of 1,000 UE stacks, and tshark reading (and decrypting) what we send.

mod common;

use common::{crypto_vectors, have_tool, hex_bytes};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use volte_sim::codec::esp::{
    self, EspError, IPPROTO_ESP, SaDirection, SecurityAssociation, ipv4_checksum,
};
use volte_sim::codec::hex;
use volte_sim::crypto::ipsec::{EncryptionAlg, EspKeys, IntegrityAlg, esp_sa_file};
use volte_sim::crypto::{Ck, Ik};
use volte_sim::events::pcap::{Packet, PcapWriter};
use volte_sim::nodes::Time;
use volte_sim::nodes::ipstack::{
    CloseReason, ConnId, HostEvent, HostSet, IPPROTO_TCP, IpHost, SaPair,
};

// ---------------------------------------------------------------- keys

fn fixture_ik_ck() -> (Ik, Ck) {
    let v = &crypto_vectors()["ipsec_keys"][0];
    let ik = Ik::new(hex_bytes(v["ik"].as_str().unwrap()).try_into().unwrap());
    let ck = Ck::new(hex_bytes(v["ck"].as_str().unwrap()).try_into().unwrap());
    (ik, ck)
}

#[test]
fn ipsec_keys_match_known_answers() {
    let vectors = crypto_vectors()["ipsec_keys"].as_array().unwrap();
    assert!(!vectors.is_empty());
    for v in vectors {
        let field = |n: &str| v[n].as_str().unwrap().to_string();
        let ik = Ik::new(hex_bytes(&field("ik")).try_into().unwrap());
        let ck = Ck::new(hex_bytes(&field("ck")).try_into().unwrap());
        let cases = [
            (IntegrityAlg::HmacSha1_96, EncryptionAlg::Null),
            (IntegrityAlg::HmacMd5_96, EncryptionAlg::AesCbc128),
            (IntegrityAlg::HmacSha1_96, EncryptionAlg::DesEde3Cbc),
        ];
        for (i, e) in cases {
            let k = EspKeys::derive(&ik, &ck, i, e);
            let want_i = match i {
                IntegrityAlg::HmacSha1_96 => field("integrity_hmac_sha_1_96"),
                IntegrityAlg::HmacMd5_96 => field("integrity_hmac_md5_96"),
            };
            assert_eq!(hex(k.integrity_key()), want_i, "{}", v["name"]);
            match e {
                EncryptionAlg::Null => assert!(k.encryption_key().is_empty()),
                EncryptionAlg::AesCbc128 => {
                    assert_eq!(hex(k.encryption_key()), field("encryption_aes_cbc"));
                }
                EncryptionAlg::DesEde3Cbc => {
                    assert_eq!(hex(k.encryption_key()), field("encryption_des_ede3_cbc"));
                }
            }
        }
    }
}

#[test]
fn des_ede3_cbc_sa_is_refused_with_a_clear_error() {
    let (ik, ck) = fixture_ik_ck();
    let k = EspKeys::derive(
        &ik,
        &ck,
        IntegrityAlg::HmacSha1_96,
        EncryptionAlg::DesEde3Cbc,
    );
    let err = SecurityAssociation::new(0x1234, SaDirection::Outbound, k).unwrap_err();
    assert_eq!(err.to_string(), "DES-EDE3-CBC encryption is not supported");
}

// ---------------------------------------------------------------- ESP

const ALGS: [(IntegrityAlg, EncryptionAlg); 4] = [
    (IntegrityAlg::HmacSha1_96, EncryptionAlg::Null),
    (IntegrityAlg::HmacSha1_96, EncryptionAlg::AesCbc128),
    (IntegrityAlg::HmacMd5_96, EncryptionAlg::Null),
    (IntegrityAlg::HmacMd5_96, EncryptionAlg::AesCbc128),
];

fn keys(i: IntegrityAlg, e: EncryptionAlg) -> EspKeys {
    let (ik, ck) = fixture_ik_ck();
    EspKeys::derive(&ik, &ck, i, e)
}

fn sa_pair(
    spi: u32,
    i: IntegrityAlg,
    e: EncryptionAlg,
) -> (SecurityAssociation, SecurityAssociation) {
    let k = keys(i, e);
    (
        SecurityAssociation::new(spi, SaDirection::Outbound, k.clone()).unwrap(),
        SecurityAssociation::new(spi, SaDirection::Inbound, k).unwrap(),
    )
}

/// A TCP or UDP packet with a valid IPv4 header (checksum) or IPv6 header.
fn ip_packet(v6: bool, protocol: u8, payload: &[u8]) -> Vec<u8> {
    let transport: Vec<u8> = if protocol == IPPROTO_TCP {
        let mut t = vec![
            0x13, 0xec, 0x17, 0xd5, 0, 0, 0, 1, 0, 0, 0, 1, 0x50, 0x18, 0x10, 0, 0, 0, 0, 0,
        ];
        t.extend_from_slice(payload);
        t
    } else {
        let len = 8 + payload.len();
        let mut t = vec![0x13, 0xec, 0x17, 0xd5, (len >> 8) as u8, len as u8, 0, 0];
        t.extend_from_slice(payload);
        t
    };
    let mut p = if v6 {
        let mut h = vec![0x60, 0, 0, 0];
        h.extend_from_slice(&(transport.len() as u16).to_be_bytes());
        h.extend_from_slice(&[protocol, 64]);
        h.extend_from_slice(
            &"2001:db8:46::2"
                .parse::<std::net::Ipv6Addr>()
                .unwrap()
                .octets(),
        );
        h.extend_from_slice(
            &"2001:db8:46::1"
                .parse::<std::net::Ipv6Addr>()
                .unwrap()
                .octets(),
        );
        h
    } else {
        let total = (20 + transport.len()) as u16;
        let mut h = vec![0x45, 0];
        h.extend_from_slice(&total.to_be_bytes());
        h.extend_from_slice(&[
            0, 7, 0x40, 0, 64, protocol, 0, 0, 10, 46, 0, 2, 10, 46, 0, 1,
        ]);
        let sum = ipv4_checksum(&h);
        h[10..12].copy_from_slice(&sum.to_be_bytes());
        h
    };
    p.extend_from_slice(&transport);
    p
}

#[test]
fn esp_round_trips_every_algorithm_pair_on_ipv4_and_ipv6() {
    let mut rng = SmallRng::seed_from_u64(7);
    for (i, e) in ALGS {
        for v6 in [false, true] {
            for proto in [6u8, 17] {
                let (mut out, mut inb) = sa_pair(0x0001_0000, i, e);
                for len in [0usize, 1, 13, 14, 15, 16, 17, 500, 1300] {
                    let payload: Vec<u8> = (0..len).map(|x| x as u8).collect();
                    let plain = ip_packet(v6, proto, &payload);
                    let wire = out.encapsulate(&plain, &mut rng).unwrap();
                    let hl = if v6 { 40 } else { 20 };
                    // Header fixed up for ESP.
                    if v6 {
                        assert_eq!(wire[6], IPPROTO_ESP);
                        assert_eq!(
                            usize::from(u16::from_be_bytes([wire[4], wire[5]])),
                            wire.len() - 40
                        );
                    } else {
                        assert_eq!(wire[9], IPPROTO_ESP);
                        assert_eq!(
                            usize::from(u16::from_be_bytes([wire[2], wire[3]])),
                            wire.len()
                        );
                        assert_eq!(ipv4_checksum(&wire[..20]), 0);
                    }
                    assert_eq!(esp::peek_spi(&wire), Ok(0x0001_0000));
                    // ESP body aligned: to 4 bytes (NULL) or the AES block.
                    let esp_len = wire.len() - hl;
                    let iv = e.iv_len();
                    assert_eq!((esp_len - 8 - iv - 12) % e.block_len(), 0, "{i} {e} {len}");
                    assert_eq!(inb.decapsulate(&wire).unwrap(), plain, "{i} {e} v6={v6}");
                }
                assert_eq!(out.last_seq(), 9);
                assert_eq!(inb.window().top(), 9);
            }
        }
    }
}

#[test]
fn esp_aes_cbc_iv_differs_per_packet() {
    let (mut out, _) = sa_pair(0x5000, IntegrityAlg::HmacSha1_96, EncryptionAlg::AesCbc128);
    let mut rng = SmallRng::seed_from_u64(1);
    let plain = ip_packet(false, 17, b"same");
    let a = out.encapsulate(&plain, &mut rng).unwrap();
    let b = out.encapsulate(&plain, &mut rng).unwrap();
    assert_ne!(a[28..44], b[28..44], "IVs");
    assert_ne!(a[44..a.len() - 12], b[44..b.len() - 12], "ciphertexts");
}

#[test]
fn esp_tampered_byte_anywhere_in_esp_is_dropped() {
    for (i, e) in ALGS {
        let (mut out, mut inb) = sa_pair(0x7777, i, e);
        let mut rng = SmallRng::seed_from_u64(2);
        let wire = out
            .encapsulate(&ip_packet(false, 6, b"REGISTER"), &mut rng)
            .unwrap();
        for at in 20..wire.len() {
            let mut bad = wire.clone();
            bad[at] ^= 0x01;
            let err = inb.decapsulate(&bad).unwrap_err();
            let expected = match at {
                20..=23 => EspError::UnknownSpi(0x7777 ^ (1 << (8 * (23 - at)))),
                // Sequence 1 with its low bit flipped is 0, never valid.
                27 => EspError::Replay {
                    spi: 0x7777,
                    seq: 0,
                },
                _ => EspError::BadIcv {
                    spi: 0x7777,
                    seq: if (24..=26).contains(&at) {
                        1 ^ (1 << (8 * (27 - at)))
                    } else {
                        1
                    },
                },
            };
            assert_eq!(err, expected, "{i} {e} byte {at}");
        }
        assert!(inb.decapsulate(&wire).is_ok(), "the original still passes");
    }
}

#[test]
fn esp_replay_window_accepts_unseen_old_and_rejects_seen_and_too_old() {
    let (mut out, mut inb) = sa_pair(0x4242, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let mut rng = SmallRng::seed_from_u64(3);
    let packets: Vec<Vec<u8>> = (0..100)
        .map(|n| {
            out.encapsulate(&ip_packet(false, 17, &[n as u8]), &mut rng)
                .unwrap()
        })
        .collect();
    // Sequence numbers 1..=100; deliver 100 first.
    assert!(inb.decapsulate(&packets[99]).is_ok());
    // 40 is 60 behind: inside the window, unseen: accepted.
    assert!(inb.decapsulate(&packets[39]).is_ok());
    // 37 is exactly 63 behind: the last slot of the window.
    assert!(inb.decapsulate(&packets[36]).is_ok());
    // 36 is 64 behind: left of the window.
    assert_eq!(
        inb.decapsulate(&packets[35]),
        Err(EspError::Replay {
            spi: 0x4242,
            seq: 36
        })
    );
    // Seen ones are replays.
    for n in [100u32, 40, 37] {
        assert_eq!(
            inb.decapsulate(&packets[n as usize - 1]),
            Err(EspError::Replay {
                spi: 0x4242,
                seq: n
            })
        );
    }
    // The rest of the window still takes unseen numbers, in any order.
    for n in (41..100).rev() {
        assert!(inb.decapsulate(&packets[n - 1]).is_ok(), "seq {n}");
    }
    assert_eq!(inb.window().top(), 100);
}

#[test]
fn esp_with_unknown_spi_or_not_esp_is_refused() {
    let (mut out, _) = sa_pair(0x1111, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let (_, mut other) = sa_pair(0x2222, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let mut rng = SmallRng::seed_from_u64(4);
    let wire = out
        .encapsulate(&ip_packet(true, 6, b"x"), &mut rng)
        .unwrap();
    assert_eq!(other.decapsulate(&wire), Err(EspError::UnknownSpi(0x1111)));
    let plain = ip_packet(false, 6, b"x");
    assert!(matches!(
        other.decapsulate(&plain),
        Err(EspError::Malformed(_))
    ));
    assert!(matches!(esp::peek_spi(&plain), Err(EspError::Malformed(_))));
    // ESP inside ESP is not something transport mode does here.
    assert!(matches!(
        out.encapsulate(&wire, &mut rng),
        Err(EspError::Malformed(_))
    ));
}

#[test]
fn esp_with_wrong_keys_fails_icv() {
    let (mut out, _) = sa_pair(0x1111, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let mut md5 = SecurityAssociation::new(
        0x1111,
        SaDirection::Inbound,
        keys(IntegrityAlg::HmacMd5_96, EncryptionAlg::Null),
    )
    .unwrap();
    let mut rng = SmallRng::seed_from_u64(5);
    let wire = out
        .encapsulate(&ip_packet(false, 6, b"x"), &mut rng)
        .unwrap();
    assert_eq!(
        md5.decapsulate(&wire),
        Err(EspError::BadIcv {
            spi: 0x1111,
            seq: 1
        })
    );
}

fn mutate(mut b: Vec<u8>, op: u8, at: usize, byte: u8) -> Vec<u8> {
    if b.is_empty() {
        return vec![byte];
    }
    let at = at % b.len();
    match op % 4 {
        0 => b[at] ^= byte | 1,
        1 => b.insert(at, byte),
        2 => {
            b.remove(at);
        }
        _ => b.truncate(at),
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn esp_decoders_survive_arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = esp::decode(&b);
        let _ = esp::tree(&b);
        let _ = esp::peek_spi(&b);
        for (i, e) in ALGS {
            let (mut out, mut inb) = sa_pair(0x1000, i, e);
            let _ = inb.decapsulate(&b);
            let mut rng = SmallRng::seed_from_u64(0);
            let _ = out.encapsulate(&b, &mut rng);
        }
    }

    #[test]
    fn esp_decapsulate_survives_ip_esp_headers_with_arbitrary_bodies(
        v6 in any::<bool>(),
        body in proptest::collection::vec(any::<u8>(), 0..120),
    ) {
        // A valid IP header claiming ESP with the SA's SPI, then random bytes.
        let mut esp = 0x1000u32.to_be_bytes().to_vec();
        esp.extend_from_slice(&body);
        let mut p = ip_packet(v6, 6, &[]);
        let hl = if v6 { 40 } else { 20 };
        p.truncate(hl);
        p.extend_from_slice(&esp);
        if v6 {
            let l = (p.len() - 40) as u16;
            p[4..6].copy_from_slice(&l.to_be_bytes());
            p[6] = IPPROTO_ESP;
        } else {
            let l = p.len() as u16;
            p[2..4].copy_from_slice(&l.to_be_bytes());
            p[9] = IPPROTO_ESP;
        }
        for (i, e) in ALGS {
            let (_, mut inb) = sa_pair(0x1000, i, e);
            prop_assert!(inb.decapsulate(&p).is_err(), "random body accepted");
        }
    }

    #[test]
    fn esp_mutated_packets_never_panic_and_never_pass_changed(
        alg in 0usize..4,
        v6 in any::<bool>(),
        payload in proptest::collection::vec(any::<u8>(), 0..64),
        op in any::<u8>(), at in any::<usize>(), byte in any::<u8>(),
    ) {
        let (i, e) = ALGS[alg];
        let (mut out, mut inb) = sa_pair(0x1000, i, e);
        let mut rng = SmallRng::seed_from_u64(9);
        let plain = ip_packet(v6, 17, &payload);
        let wire = out.encapsulate(&plain, &mut rng).unwrap();
        let bad = mutate(wire.clone(), op, at, byte);
        let hl = if v6 { 40 } else { 20 };
        // Bytes past the datagram's total length are not part of it (link
        // padding): inserting a copy of the last byte before it, or
        // appending, leaves the datagram as it was.
        let esp_changed = bad.get(hl..wire.len()) != wire.get(hl..);
        // Only header bytes outside ESP's protection may change (transport
        // mode does not cover the IP header, RFC 4303 3.1.1).
        if let Ok(p) = inb.decapsulate(&bad) {
            prop_assert!(!esp_changed && p[hl..] == plain[hl..]);
        }
    }

}

proptest! {
    // Up to 1,400-byte packets through HMAC and AES: fewer cases suffice.
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn esp_round_trips_generated_packets(
        alg in 0usize..4,
        v6 in any::<bool>(),
        udp in any::<bool>(),
        payload in proptest::collection::vec(any::<u8>(), 0..1400),
        seed in any::<u64>(),
    ) {
        let (i, e) = ALGS[alg];
        let (mut out, mut inb) = sa_pair(0xabcd, i, e);
        let mut rng = SmallRng::seed_from_u64(seed);
        let plain = ip_packet(v6, if udp { 17 } else { 6 }, &payload);
        let wire = out.encapsulate(&plain, &mut rng).unwrap();
        prop_assert_eq!(inb.decapsulate(&wire).unwrap(), plain);
    }
}

// ---------------------------------------------------------------- two hosts

const UE_ADDR: &str = "10.46.0.2";
const PCSCF_ADDR: &str = "10.46.0.1";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn sa(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// A UE host and a P-CSCF host joined by a loopback "wire" with 1 ms latency
/// each way; every packet that crosses is kept with its time.
struct Loop {
    ue: IpHost,
    pcscf: IpHost,
    now: Time,
    /// (time, from the UE?, packet).
    wire: Vec<(Time, bool, Vec<u8>)>,
    in_flight: Vec<(Time, bool, Vec<u8>)>,
    ue_events: Vec<HostEvent>,
    pcscf_events: Vec<HostEvent>,
}

const LATENCY: Duration = Duration::from_millis(1);

impl Loop {
    fn new() -> Self {
        Self {
            ue: IpHost::new(&[ip(UE_ADDR)], 11).unwrap(),
            pcscf: IpHost::new(&[ip(PCSCF_ADDR)], 12).unwrap(),
            now: Time::ZERO,
            wire: Vec::new(),
            in_flight: Vec::new(),
            ue_events: Vec::new(),
            pcscf_events: Vec::new(),
        }
    }

    /// Runs until nothing is in flight and no timer is due within `horizon`.
    fn run(&mut self, horizon: Duration) {
        let until = self.now + horizon;
        for _ in 0..100_000 {
            for p in self.ue.poll(self.now) {
                self.wire.push((self.now, true, p.clone()));
                self.in_flight.push((self.now + LATENCY, true, p));
            }
            for p in self.pcscf.poll(self.now) {
                self.wire.push((self.now, false, p.clone()));
                self.in_flight.push((self.now + LATENCY, false, p));
            }
            while let Some(e) = self.ue.poll_event() {
                self.ue_events.push(e);
            }
            while let Some(e) = self.pcscf.poll_event() {
                self.pcscf_events.push(e);
            }
            let next = self
                .in_flight
                .iter()
                .map(|f| f.0)
                .chain(self.ue.poll_at(self.now))
                .chain(self.pcscf.poll_at(self.now))
                .min();
            match next {
                Some(t) if t <= until => self.now = self.now.max(t),
                _ => return,
            }
            let (due, later): (Vec<_>, Vec<_>) =
                self.in_flight.drain(..).partition(|f| f.0 <= self.now);
            self.in_flight = later;
            for (_, from_ue, p) in due {
                if from_ue {
                    self.pcscf.ingest(self.now, &p);
                } else {
                    self.ue.ingest(self.now, &p);
                }
            }
        }
        panic!("the loop never went quiet");
    }

    fn settle(&mut self) {
        self.run(Duration::from_millis(200));
    }

    fn accepted(&self) -> Vec<(ConnId, SocketAddr, SocketAddr)> {
        accepted(&self.pcscf_events)
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

fn register() -> Vec<u8> {
    let mut m = String::new();
    m.push_str("REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n");
    m.push_str("Via: SIP/2.0/TCP 10.46.0.2:5100;branch=z9hG4bK-ipsec-1\r\n");
    m.push_str("Max-Forwards: 70\r\n");
    m.push_str("From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=ue1\r\n");
    m.push_str("To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\n");
    m.push_str("Call-ID: reg-ipsec-1@10.46.0.2\r\n");
    m.push_str("CSeq: 2 REGISTER\r\n");
    m.push_str("Contact: <sip:001010000000001@10.46.0.2:5101>;expires=600000\r\n");
    m.push_str("Security-Verify: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=33333;spi-s=44444;port-c=6100;port-s=6101\r\n");
    m.push_str("Expires: 600000\r\n");
    m.push_str("Content-Length: 0\r\n\r\n");
    m.into_bytes()
}

const OK_200: &[u8] = b"SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 10.46.0.2:5100;branch=z9hG4bK-ipsec-1\r\nFrom: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=ue1\r\nTo: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=pc1\r\nCall-ID: reg-ipsec-1@10.46.0.2\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n";

/// Sends `data` on `conn` of the UE (or P-CSCF) in `pieces` parts, letting
/// each part leave before the next.
fn send_in_pieces(l: &mut Loop, from_ue: bool, conn: ConnId, data: &[u8], pieces: usize) {
    for chunk in data.chunks(data.len().div_ceil(pieces)) {
        let host = if from_ue { &mut l.ue } else { &mut l.pcscf };
        assert_eq!(host.send(conn, chunk), chunk.len());
        l.run(Duration::from_millis(20));
    }
}

/// Data segments (TCP with payload) seen on the wire from one side.
fn data_segments(l: &Loop, from_ue: bool) -> usize {
    l.wire
        .iter()
        .filter(|(_, u, p)| *u == from_ue && p[9] == 6)
        .filter(|(_, _, p)| {
            let ihl = usize::from(p[0] & 0x0f) * 4;
            let data_off = usize::from(p[ihl + 12] >> 4) * 4;
            p.len() > ihl + data_off
        })
        .count()
}

#[test]
fn sip_register_crosses_two_hosts_in_segments_both_ways_then_closes() {
    let mut l = Loop::new();
    l.pcscf.tcp_listen(5060).unwrap();
    let c = l.ue.tcp_connect(5100, sa("10.46.0.1:5060")).unwrap();
    l.settle();
    assert_eq!(l.ue_events, vec![HostEvent::Connected(c)]);
    let (s, local, peer) = l.accepted()[0];
    assert_eq!((local, peer), (sa("10.46.0.1:5060"), sa("10.46.0.2:5100")));

    let reg = register();
    send_in_pieces(&mut l, true, c, &reg, 3);
    assert_eq!(l.pcscf.recv(s), reg);
    send_in_pieces(&mut l, false, s, OK_200, 4);
    assert_eq!(l.ue.recv(c), OK_200);
    assert_eq!(data_segments(&l, true), 3);
    assert_eq!(data_segments(&l, false), 4);

    l.ue.close(c);
    l.settle();
    assert!(l.pcscf_events.contains(&HostEvent::PeerClosed(s)));
    l.pcscf.close(s);
    l.settle();
    let closed = HostEvent::Closed {
        conn: s,
        reason: CloseReason::Graceful,
    };
    assert!(l.pcscf_events.contains(&closed), "{:?}", l.pcscf_events);
    assert!(l.ue_events.contains(&HostEvent::Closed {
        conn: c,
        reason: CloseReason::Graceful
    }));
    // No packet was ESP: no SA was installed.
    assert!(l.wire.iter().all(|(_, _, p)| p[9] == IPPROTO_TCP));
}

// TS 33.203 7.1 parameters: the UE's Security-Client and the P-CSCF's
// Security-Server.
const UE_SPI_C: u32 = 11111;
const UE_SPI_S: u32 = 22222;
const UE_PORT_C: u16 = 5100;
const UE_PORT_S: u16 = 5101;
const PC_SPI_C: u32 = 33333;
const PC_SPI_S: u32 = 44444;
const PC_PORT_C: u16 = 6100;
const PC_PORT_S: u16 = 6101;

/// Installs the two SA pairs on each side and the protected ports.
fn install_sas(l: &mut Loop, i: IntegrityAlg, e: EncryptionAlg) {
    let k = keys(i, e);
    let ue = ip(UE_ADDR);
    let pc = ip(PCSCF_ADDR);
    // UE port-c <-> P-CSCF port-s: UE sends with spi-s of the P-CSCF and
    // receives with its own spi-c.
    l.ue.add_sa_pair(SaPair {
        local_port: UE_PORT_C,
        remote: SocketAddr::new(pc, PC_PORT_S),
        protocol: None,
        spi_out: PC_SPI_S,
        spi_in: UE_SPI_C,
        keys: k.clone(),
    })
    .unwrap();
    // UE port-s <-> P-CSCF port-c.
    l.ue.add_sa_pair(SaPair {
        local_port: UE_PORT_S,
        remote: SocketAddr::new(pc, PC_PORT_C),
        protocol: None,
        spi_out: PC_SPI_C,
        spi_in: UE_SPI_S,
        keys: k.clone(),
    })
    .unwrap();
    l.pcscf
        .add_sa_pair(SaPair {
            local_port: PC_PORT_S,
            remote: SocketAddr::new(ue, UE_PORT_C),
            protocol: None,
            spi_out: UE_SPI_C,
            spi_in: PC_SPI_S,
            keys: k.clone(),
        })
        .unwrap();
    l.pcscf
        .add_sa_pair(SaPair {
            local_port: PC_PORT_C,
            remote: SocketAddr::new(ue, UE_PORT_S),
            protocol: None,
            spi_out: UE_SPI_S,
            spi_in: PC_SPI_C,
            keys: k,
        })
        .unwrap();
    for p in [PC_PORT_C, PC_PORT_S] {
        l.pcscf.protect_port(p);
    }
    for p in [UE_PORT_C, UE_PORT_S] {
        l.ue.protect_port(p);
    }
    l.pcscf.tcp_listen(PC_PORT_S).unwrap();
    l.ue.tcp_listen(UE_PORT_S).unwrap();
}

/// Runs the protected exchange: REGISTER UE port-c -> P-CSCF port-s, 200
/// back on that connection, then a request P-CSCF port-c -> UE port-s.
fn protected_exchange(i: IntegrityAlg, e: EncryptionAlg) -> Loop {
    let mut l = Loop::new();
    install_sas(&mut l, i, e);
    let c =
        l.ue.tcp_connect(UE_PORT_C, SocketAddr::new(ip(PCSCF_ADDR), PC_PORT_S))
            .unwrap();
    l.settle();
    let (s, _, peer) = l.accepted()[0];
    assert_eq!(peer, SocketAddr::new(ip(UE_ADDR), UE_PORT_C));
    let reg = register();
    send_in_pieces(&mut l, true, c, &reg, 3);
    assert_eq!(l.pcscf.recv(s), reg, "{i} {e}");
    send_in_pieces(&mut l, false, s, OK_200, 2);
    assert_eq!(l.ue.recv(c), OK_200, "{i} {e}");

    // The P-CSCF opens its own connection to the UE's protected server port.
    let n = l
        .pcscf
        .tcp_connect(PC_PORT_C, SocketAddr::new(ip(UE_ADDR), UE_PORT_S))
        .unwrap();
    l.pcscf
        .send(n, b"NOTIFY sip:ue SIP/2.0\r\nContent-Length: 0\r\n\r\n");
    l.settle();
    let (u, local, _) = accepted(&l.ue_events)[0];
    assert_eq!(local.port(), UE_PORT_S);
    assert_eq!(
        l.ue.recv(u),
        b"NOTIFY sip:ue SIP/2.0\r\nContent-Length: 0\r\n\r\n"
    );
    l
}

/// (SPI, inner source port, inner destination port) of a NULL-encrypted
/// ESP packet carrying TCP.
fn spi_and_ports(p: &[u8]) -> (u32, u16, u16) {
    let spi = esp::peek_spi(p).unwrap();
    let tcp = &p[20 + 8..];
    (
        spi,
        u16::from_be_bytes([tcp[0], tcp[1]]),
        u16::from_be_bytes([tcp[2], tcp[3]]),
    )
}

#[test]
fn sa_pairs_carry_register_in_esp_with_ts33203_spis_and_ports() {
    let l = protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    assert!(l.wire.len() >= 10);
    let mut seen = std::collections::BTreeSet::new();
    for (_, from_ue, p) in &l.wire {
        assert_eq!(p[9], IPPROTO_ESP, "every packet is ESP");
        let (spi, sport, dport) = spi_and_ports(p);
        let expected = match (from_ue, sport, dport) {
            (true, UE_PORT_C, PC_PORT_S) => PC_SPI_S,
            (true, UE_PORT_S, PC_PORT_C) => PC_SPI_C,
            (false, PC_PORT_S, UE_PORT_C) => UE_SPI_C,
            (false, PC_PORT_C, UE_PORT_S) => UE_SPI_S,
            other => panic!("unexpected flow {other:?}"),
        };
        assert_eq!(spi, expected);
        seen.insert(spi);
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        vec![UE_SPI_C, UE_SPI_S, PC_SPI_C, PC_SPI_S]
    );
    let (ue, pc) = (l.ue.counters(), l.pcscf.counters());
    assert_eq!(ue.esp_tx, pc.esp_rx);
    assert_eq!(pc.esp_tx, ue.esp_rx);
    assert_eq!(ue.esp_bad_icv + ue.esp_replay + ue.esp_unknown_spi, 0);
    assert_eq!(pc.esp_bad_icv + pc.esp_replay + pc.esp_unknown_spi, 0);
}

#[test]
fn sa_pairs_work_for_every_algorithm_pair() {
    for (i, e) in ALGS {
        let l = protected_exchange(i, e);
        assert!(l.wire.iter().all(|(_, _, p)| p[9] == IPPROTO_ESP));
        if e == EncryptionAlg::AesCbc128 {
            assert!(
                !l.wire
                    .iter()
                    .any(|(_, _, p)| p.windows(8).any(|w| w == b"REGISTER")),
                "the REGISTER is encrypted"
            );
        }
    }
}

#[test]
fn plain_syn_to_protected_port_is_dropped_and_counted() {
    let mut l = Loop::new();
    install_sas(&mut l, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    // From a port without an SA: the SYN leaves in the clear.
    let c =
        l.ue.tcp_connect(5200, SocketAddr::new(ip(PCSCF_ADDR), PC_PORT_S))
            .unwrap();
    l.run(Duration::from_millis(50));
    assert_eq!(l.wire.len(), 1);
    assert_eq!(l.wire[0].2[9], IPPROTO_TCP);
    assert_eq!(l.pcscf.counters().plain_to_protected_dropped, 1);
    assert!(l.accepted().is_empty());
    // The SYN is retransmitted and dropped again.
    l.run(Duration::from_secs(2));
    assert!(l.pcscf.counters().plain_to_protected_dropped >= 2);
    assert!(!l.ue_events.contains(&HostEvent::Connected(c)));
}

#[test]
fn tampered_and_replayed_esp_packets_are_dropped_by_the_host() {
    let mut l = protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let data: Vec<Vec<u8>> = l
        .wire
        .iter()
        .filter(|(_, from_ue, p)| *from_ue && p.len() > 200)
        .map(|(_, _, p)| p.clone())
        .collect();
    assert!(!data.is_empty());
    let before = *l.pcscf.counters();
    // Replay a REGISTER segment.
    l.pcscf.ingest(l.now, &data[0]);
    // A new sequence number (so the window lets it through) and one
    // payload byte flipped: the ICV check fails.
    let mut bad = data[data.len() - 1].clone();
    bad[24..28].copy_from_slice(&1000u32.to_be_bytes());
    let at = bad.len() - 30;
    bad[at] ^= 0x20;
    l.pcscf.ingest(l.now, &bad);
    // An SPI nobody installed.
    let mut stranger = data[0].clone();
    stranger[20..24].copy_from_slice(&0x0bad_0bad_u32.to_be_bytes());
    l.pcscf.ingest(l.now, &stranger);
    let after = *l.pcscf.counters();
    assert_eq!(after.esp_replay, before.esp_replay + 1);
    assert_eq!(after.esp_bad_icv, before.esp_bad_icv + 1);
    assert_eq!(after.esp_unknown_spi, before.esp_unknown_spi + 1);
    assert_eq!(after.esp_rx, before.esp_rx);
}

#[test]
fn removed_sas_stop_protection() {
    let mut l = protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let ids: Vec<_> = l.ue.sa_pairs().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), 2);
    assert!(l.ue.remove_sa_pair(ids[0]));
    assert!(!l.ue.remove_sa_pair(ids[0]));
    l.pcscf.remove_sas();
    assert_eq!(l.pcscf.sa_pairs().count(), 0);
    assert_eq!(l.ue.esp_sa_lines().len(), 2);
}

/// The wire of one protected exchange (NULL encryption), made once.
fn sample_wire() -> &'static [(Time, bool, Vec<u8>)] {
    static WIRE: std::sync::OnceLock<Vec<(Time, bool, Vec<u8>)>> = std::sync::OnceLock::new();
    WIRE.get_or_init(|| protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null).wire)
}

/// A P-CSCF host with its listener, protected ports and SAs, as in the
/// protected exchange.
fn pcscf_with_sas() -> IpHost {
    let mut l = Loop::new();
    install_sas(&mut l, IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    l.pcscf.tcp_listen(5060).unwrap();
    l.pcscf
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn host_survives_arbitrary_packets(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut h = pcscf_with_sas();
        h.ingest(Time::ZERO, &b);
        let _ = h.poll(Time::from_millis(1));
        while h.poll_event().is_some() {}
    }

    #[test]
    fn host_survives_mutated_wire_packets(
        n in any::<prop::sample::Index>(),
        op in any::<u8>(), at in any::<usize>(), byte in any::<u8>(),
    ) {
        let wire = sample_wire();
        let (_, from_ue, p) = &wire[n.index(wire.len())];
        let mut h = pcscf_with_sas();
        let bad = mutate(p.clone(), op, at, byte);
        if *from_ue {
            h.ingest(Time::ZERO, &bad);
        }
        let _ = h.poll(Time::from_millis(1));
        let c = h.counters();
        prop_assert!(c.esp_rx <= 1);
    }
}

// ---------------------------------------------------------------- many UEs

/// Resident set size of this process, where /proc tells it.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn hostset_of_1000_ues_touches_one_stack_per_packet() {
    const N: u16 = 1000;
    let pcscf = ip(PCSCF_ADDR);
    let mut set = HostSet::new(&[pcscf], &[5060], 99).unwrap();
    let ue_addr = |i: u16| {
        let n = i + 2;
        IpAddr::from([10, 46, (n >> 8) as u8, (n & 0xff) as u8])
    };
    let rss_before = rss_kib();
    let mut ues: Vec<(IpHost, ConnId)> = (0..N)
        .map(|i| {
            let mut h = IpHost::new(&[ue_addr(i)], u64::from(i)).unwrap();
            let c = h.tcp_connect(5100, SocketAddr::new(pcscf, 5060)).unwrap();
            (h, c)
        })
        .collect();
    let mut now = Time::ZERO;
    // Exchange until every handshake is done.
    let deliver = |set: &mut HostSet, ues: &mut Vec<(IpHost, ConnId)>, now: Time| -> usize {
        let mut packets = 0;
        for (h, _) in ues.iter_mut() {
            for p in h.poll(now) {
                set.ingest(now, &p);
                packets += 1;
            }
        }
        for p in set.poll(now) {
            let dst = esp::ip_addresses(&p).unwrap().1;
            let i = match dst {
                IpAddr::V4(a) => ((u16::from(a.octets()[2]) << 8) | u16::from(a.octets()[3])) - 2,
                IpAddr::V6(_) => unreachable!(),
            };
            ues[usize::from(i)].0.ingest(now, &p);
            packets += 1;
        }
        packets
    };
    for _ in 0..5 {
        deliver(&mut set, &mut ues, now);
        now = now + Duration::from_millis(20);
    }
    assert_eq!(set.len(), usize::from(N));
    assert_eq!(set.stats().created, u64::from(N));
    if let (Some(a), Some(b)) = (rss_before, rss_kib()) {
        // Meaningful when this test runs alone: both ends of each flow.
        eprintln!(
            "RSS growth for {N} UE stacks + {N} P-CSCF stacks: {} KiB ({} bytes per stack)",
            b.saturating_sub(a),
            b.saturating_sub(a) * 1024 / (2 * u64::from(N))
        );
    }
    let mut accepted = Vec::new();
    while let Some((peer, e)) = set.poll_event() {
        if let HostEvent::Accepted { conn, .. } = e {
            accepted.push((peer, conn));
        }
    }
    assert_eq!(accepted.len(), usize::from(N));
    // Let delayed ACKs and timers settle, then measure one UE's request.
    for _ in 0..3 {
        deliver(&mut set, &mut ues, now);
        now = now + Duration::from_millis(50);
    }
    let visits = set.stats().stack_visits;
    let (h, c) = &mut ues[500];
    h.send(*c, &register());
    let mut packets = 0;
    for _ in 0..4 {
        packets += deliver(&mut set, &mut ues, now);
        now = now + Duration::from_millis(20);
    }
    let visits = set.stats().stack_visits - visits;
    // The REGISTER segment in, the ACK out: each packet visits one stack (at
    // most twice: ingest, then poll), whatever the number of stacks.
    assert!(packets >= 2, "{packets}");
    assert!(
        visits <= 2 * packets as u64,
        "{visits} visits for {packets} packets"
    );
    let (peer, conn) = accepted
        .iter()
        .copied()
        .find(|(p, _)| *p == ue_addr(500))
        .unwrap();
    assert_eq!(set.recv(peer, conn), register());

    // Memory: an idle stack with its one established connection.
    let per_stack = set.memory_bytes() / usize::from(N);
    eprintln!(
        "HostSet: {} stacks, {} bytes each (one established TCP connection, 4+4 KiB buffers)",
        set.len(),
        per_stack
    );
    assert!(per_stack < 16 * 1024, "{per_stack} bytes per stack");
    let empty = IpHost::new(&[pcscf], 0).unwrap();
    eprintln!("IpHost without sockets: {} bytes", empty.memory_bytes());
    assert!(empty.memory_bytes() < 2048);
}

#[test]
fn hostset_drops_idle_stacks_and_refuses_strangers() {
    let pcscf = ip(PCSCF_ADDR);
    let mut set = HostSet::new(&[pcscf], &[5060], 1).unwrap();
    set.protect_port(6101);
    let mut ue = IpHost::new(&[ip(UE_ADDR)], 2).unwrap();
    // A plain SYN to a protected port from an unknown UE creates nothing.
    ue.tcp_connect(5100, SocketAddr::new(pcscf, 6101)).unwrap();
    for p in ue.poll(Time::ZERO) {
        set.ingest(Time::ZERO, &p);
    }
    assert!(set.is_empty());
    assert_eq!(set.counters().plain_to_protected_dropped, 1);
    // A connection that comes and goes leaves an idle stack to drop.
    let c = ue.tcp_connect(5102, SocketAddr::new(pcscf, 5060)).unwrap();
    let mut now = Time::ZERO;
    for step in 0..60 {
        if step == 5 {
            ue.close(c);
        }
        for p in ue.poll(now) {
            set.ingest(now, &p);
        }
        for p in set.poll(now) {
            ue.ingest(now, &p);
        }
        while let Some((peer, e)) = set.poll_event() {
            if let HostEvent::PeerClosed(conn) = e {
                set.close(peer, conn);
            }
        }
        now = now + Duration::from_millis(500);
    }
    assert_eq!(set.len(), 1);
    assert_eq!(
        set.drop_idle(now, Duration::from_secs(60)),
        0,
        "not idle long enough"
    );
    assert_eq!(
        set.drop_idle(now + Duration::from_secs(60), Duration::from_secs(60)),
        1
    );
    assert!(set.is_empty());
    assert_eq!(set.stats().dropped, 1);
}

// ---------------------------------------------------------------- tshark

const PCAP_EPOCH_US: u64 = 1_700_000_000_000_000;

fn write_pcap(path: &Path, wire: &[(Time, bool, Vec<u8>)]) {
    let mut w = PcapWriter::new(Vec::new());
    for (t, _, p) in wire {
        w.write_packet(PCAP_EPOCH_US + t.as_micros(), &Packet::Ip(p))
            .unwrap();
    }
    std::fs::write(path, w.into_inner()).unwrap();
}

fn tshark_fields(
    pcap: &Path,
    prefs: &[String],
    fields: &[&str],
    config_dir: Option<&Path>,
) -> Vec<Vec<String>> {
    let mut cmd = Command::new("tshark");
    if let Some(d) = config_dir {
        cmd.env("WIRESHARK_CONFIG_DIR", d);
    }
    cmd.arg("-r").arg(pcap).args(["-n"]);
    for p in prefs {
        cmd.args(["-o", p]);
    }
    cmd.args([
        "-T",
        "fields",
        "-E",
        "separator=|",
        "-E",
        "occurrence=a",
        "-E",
        "aggregator=,",
    ]);
    for f in fields {
        cmd.args(["-e", f]);
    }
    let out = cmd.output().expect("tshark runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("volte-sim-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// No malformed frame and no expert info of severity error.
fn assert_clean(rows: &[Vec<String>], malformed: usize, severity: usize) {
    for r in rows {
        assert_eq!(r[malformed], "", "malformed frame: {r:?}");
        for sev in r[severity].split(',').filter(|s| !s.is_empty()) {
            let sev: u32 = sev.parse().unwrap();
            assert!(sev < 0x0080_0000, "expert error: {r:?}");
        }
    }
}

#[test]
fn tshark_decodes_null_esp_down_to_sip_register() {
    if !have_tool("tshark", "tshark_decodes_null_esp_down_to_sip_register") {
        return;
    }
    let l = protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::Null);
    let dir = temp_dir("esp-null");
    let pcap = dir.join("esp-null.pcap");
    write_pcap(&pcap, &l.wire);
    let prefs = ["esp.enable_null_encryption_decode_heuristic:TRUE".to_string()];
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "esp.spi",
        "sip.Method",
        "sip.Status-Code",
    ];
    let rows = tshark_fields(&pcap, &prefs, &fields, None);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(rows.len(), l.wire.len());
    assert_clean(&rows, 1, 2);
    assert!(rows.iter().all(|r| r[0].contains("esp:tcp")), "{rows:?}");
    let methods: Vec<&str> = rows
        .iter()
        .map(|r| r[4].as_str())
        .filter(|m| !m.is_empty())
        .collect();
    assert_eq!(methods, ["REGISTER", "NOTIFY"], "{rows:?}");
    assert!(rows.iter().any(|r| r[5] == "200"));
    let spis: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(spis.len(), 4, "{spis:?}");
}

#[test]
fn tshark_decrypts_aes_cbc_with_our_esp_sa_lines() {
    if !have_tool("tshark", "tshark_decrypts_aes_cbc_with_our_esp_sa_lines") {
        return;
    }
    let l = protected_exchange(IntegrityAlg::HmacSha1_96, EncryptionAlg::AesCbc128);
    let dir = temp_dir("esp-aes");
    let pcap = dir.join("esp-aes.pcap");
    write_pcap(&pcap, &l.wire);
    let lines = l.ue.esp_sa_lines();
    assert_eq!(lines.len(), 4);
    let mut prefs = vec![
        "esp.enable_encryption_decode:TRUE".to_string(),
        "esp.enable_authentication_check:TRUE".to_string(),
    ];
    prefs.extend(lines.iter().map(|line| format!("uat:esp_sa:{line}")));
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "sip.Method",
        "esp.icv_good",
    ];
    let check = |rows: Vec<Vec<String>>| {
        assert_eq!(rows.len(), l.wire.len());
        assert_clean(&rows, 1, 2);
        let methods: Vec<&str> = rows
            .iter()
            .map(|r| r[3].as_str())
            .filter(|m| !m.is_empty())
            .collect();
        assert_eq!(methods, ["REGISTER", "NOTIFY"], "{rows:?}");
        assert!(
            rows.iter().all(|r| r[4] == "1"),
            "every ICV checks: {rows:?}"
        );
    };
    // The SAs given on the command line...
    check(tshark_fields(&pcap, &prefs, &fields, None));
    // ... or as an esp_sa file in the configuration directory; without it
    // nothing inside ESP is readable.
    let conf = dir.join("conf");
    std::fs::create_dir_all(&conf).unwrap();
    let blind = tshark_fields(&pcap, &prefs[..2], &fields, Some(&conf));
    assert!(blind.iter().all(|r| r[3].is_empty()), "{blind:?}");
    std::fs::write(conf.join("esp_sa"), esp_sa_file(&lines)).unwrap();
    check(tshark_fields(&pcap, &prefs[..2], &fields, Some(&conf)));
    std::fs::remove_dir_all(&dir).ok();
}
