//! The IP-level codecs of the IMS PDN against references and arbitrary
//! input: the ICMPv6 Router Advertisement (known bytes, round trips of
//! generated advertisements, no panic on any input or on mutated packets)
//! and the IP packet descriptions and trees of the ladder (the reference
//! SYN of the fixtures, garbage, mutations).

mod common;

use common::flow_bytes;
use proptest::prelude::*;
use std::net::Ipv6Addr;
use volte_sim::codec::icmpv6::{
    self, Icmpv6Message, NdOption, PrefixInformation, RouterAdvertisement,
};
use volte_sim::codec::{gtpu, ip};

/// The IPv4/TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060 inside the
/// reference G-PDU.
fn reference_syn() -> Vec<u8> {
    match gtpu::decode(&flow_bytes("gtpu_gpdu_sip_syn")).unwrap().body {
        gtpu::Body::GPdu(p) => p,
        other => panic!("not a G-PDU: {other:?}"),
    }
}

fn pgw_ra() -> Vec<u8> {
    Icmpv6Message::RouterAdvertisement(RouterAdvertisement::for_pdn(
        "fd00:46::".parse().unwrap(),
        64,
    ))
    .encode_packet("fe80::1".parse().unwrap(), "ff02::1".parse().unwrap())
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

#[test]
fn ip_describes_and_trees_the_reference_syn() {
    let syn = reference_syn();
    let d = ip::describe(&syn);
    assert_eq!(d.name, "TCP SYN");
    assert_eq!(d.summary, "TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060");
    let t = ip::tree(&syn).unwrap();
    assert_eq!(t.find("Source Port").unwrap().value, "50000");
    assert_eq!(t.find("Source Port").unwrap().span, Some((20, 22)));
    assert_eq!(t.find("Flags").unwrap().value, "SYN");
    assert_eq!(t.find("Protocol").unwrap().value, "TCP (6)");
}

#[test]
fn icmpv6_router_advertisement_of_the_pgw_checks_out() {
    let ra = pgw_ra();
    // IPv6 header: payload 48, next header 58, hop limit 255.
    assert_eq!(&ra[4..8], &[0, 48, 58, 255]);
    let p = icmpv6::decode_packet(&ra).unwrap();
    assert_eq!(p.message.summary(), "Router Advertisement fd00:46::/64");
    let (_, adv) = icmpv6::router_advertisement(&ra).unwrap().unwrap();
    assert_eq!(adv.autoconf_prefix(), Some("fd00:46::".parse().unwrap()));
    // The checksum covers the pseudo-header: another destination breaks it.
    let mut moved = ra.clone();
    moved[39] = 2;
    assert!(icmpv6::decode_packet(&moved).is_err());
}

fn prefix_info() -> impl Strategy<Value = PrefixInformation> {
    (
        0u8..=128,
        any::<bool>(),
        any::<bool>(),
        0u8..0x40,
        any::<u32>(),
        any::<u32>(),
        any::<u128>(),
    )
        .prop_map(|(len, l, a, other, valid, pref, p)| PrefixInformation {
            prefix_len: len,
            on_link: l,
            autonomous: a,
            other_flags: other,
            valid_lifetime: valid,
            preferred_lifetime: pref,
            prefix: Ipv6Addr::from(p),
        })
}

fn nd_option() -> impl Strategy<Value = NdOption> {
    prop_oneof![
        prefix_info().prop_map(NdOption::PrefixInformation),
        any::<u32>().prop_map(NdOption::Mtu),
        // Other options: data already padded to whole 8-octet units.
        (6u8..=255, 0usize..3)
            .prop_filter("not a typed option", |(k, _)| *k != 3 && *k != 5)
            .prop_map(|(kind, units)| NdOption::Other {
                kind,
                data: vec![kind; units * 8 + 6],
            }),
    ]
}

fn router_advertisement() -> impl Strategy<Value = RouterAdvertisement> {
    (
        any::<u8>(),
        any::<bool>(),
        any::<bool>(),
        0u8..0x40,
        any::<u16>(),
        any::<u32>(),
        any::<u32>(),
        proptest::collection::vec(nd_option(), 0..4),
    )
        .prop_map(
            |(hop, m, o, other, life, reach, retrans, options)| RouterAdvertisement {
                cur_hop_limit: hop,
                managed: m,
                other_config: o,
                other_flags: other,
                router_lifetime: life,
                reachable_time: reach,
                retrans_timer: retrans,
                options,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn icmpv6_and_ip_survive_arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = icmpv6::decode(&b);
        let _ = icmpv6::tree(&b);
        let _ = icmpv6::decode_packet(&b);
        let _ = icmpv6::router_advertisement(&b);
        let _ = ip::describe(&b);
        let _ = ip::tree(&b);
        let _ = ip::parse_tcp(&b);
        // The same bytes behind a plausible IPv6 or IPv4 header.
        let mut v6 = vec![0x60, 0, 0, 0, 0, b.len().min(255) as u8, 58, 255];
        v6.extend_from_slice(&[0xfe, 0x80]);
        v6.extend_from_slice(&[0; 30]);
        v6.extend_from_slice(&b);
        let _ = icmpv6::router_advertisement(&v6);
        let _ = ip::describe(&v6);
        let _ = ip::tree(&v6);
        for proto in [6u8, 17, 50] {
            let total = 20 + b.len();
            let mut v4 = vec![0x45, 0, (total >> 8) as u8, total as u8, 0, 0, 0, 0, 64, proto, 0, 0, 10, 46, 0, 2, 10, 46, 0, 1];
            v4.extend_from_slice(&b);
            let _ = ip::describe(&v4);
            let _ = ip::tree(&v4);
        }
    }

    #[test]
    fn icmpv6_router_advertisement_round_trips(ra in router_advertisement()) {
        let m = Icmpv6Message::RouterAdvertisement(ra);
        prop_assert_eq!(icmpv6::decode(&m.encode()).unwrap(), m.clone());
        let p = m.encode_packet("fe80::1".parse().unwrap(), "ff02::1".parse().unwrap());
        let back = icmpv6::decode_packet(&p).unwrap();
        prop_assert_eq!(back.message, m);
        prop_assert!(icmpv6::tree(&p[40..]).is_ok());
    }

    #[test]
    fn mutated_reference_packets_never_panic(
        which in 0usize..2,
        op in any::<u8>(), at in any::<usize>(), byte in any::<u8>(),
    ) {
        let good = if which == 0 { reference_syn() } else { pgw_ra() };
        let bad = mutate(good.clone(), op, at, byte);
        let _ = ip::describe(&bad);
        let _ = ip::tree(&bad);
        // A changed advertisement is either refused or decodes to what
        // its bytes say; it never passes with the original's checksum
        // unless the change kept the sum.
        if let Ok(Some((_, ra))) = icmpv6::router_advertisement(&bad) {
            let _ = ra.autoconf_prefix();
        }
        if let Some(b) = bad.get(40..) {
            let _ = icmpv6::decode(b);
            let _ = icmpv6::tree(b);
        }
    }
}
