//! The pcap writer: header and checksum checks by an independent reader in
//! this file, payload recovery, and tshark dissecting fixture payloads.

mod common;

use std::net::{IpAddr, SocketAddr};

use common::{
    assert_no_malformed_or_expert_error, flow_bytes, have_tool, tshark_fields, tshark_text,
};
use proptest::prelude::*;
use volte_sim::events::pcap::{Packet, PcapWriter, SctpData, TCP_INITIAL_SEQ};

// ---------------------------------------------------------------------------
// An independent reader: pcap records, Ethernet, IPv4/IPv6, SCTP/UDP/TCP.
// It recomputes every checksum and panics on a wrong one.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Transport {
    Udp {
        sport: u16,
        dport: u16,
    },
    Tcp {
        sport: u16,
        dport: u16,
        seq: u32,
        ack: u32,
        flags: u8,
    },
    Sctp {
        sport: u16,
        dport: u16,
        vtag: u32,
        tsn: u32,
        sid: u16,
        ssn: u16,
        ppid: u32,
    },
}

#[derive(Debug)]
struct Frame {
    ts_sec: u32,
    ts_usec: u32,
    src: IpAddr,
    dst: IpAddr,
    transport: Transport,
    payload: Vec<u8>,
    raw: Vec<u8>,
}

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// RFC 1071 sum, folded, not complemented.
fn ones_sum(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for (i, b) in data.iter().enumerate() {
        sum += if i % 2 == 0 {
            u32::from(*b) << 8
        } else {
            u32::from(*b)
        };
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum as u16
}

/// Bitwise CRC-32C (reflected polynomial 0x82f63b78).
fn crc32c(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0x82f6_3b78
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn read_pcap(bytes: &[u8]) -> Vec<Frame> {
    assert!(bytes.len() >= 24, "pcap header");
    assert_eq!(le32(bytes, 0), 0xa1b2_c3d4, "magic");
    assert_eq!(&bytes[4..8], &[2, 0, 4, 0], "version 2.4");
    assert_eq!(le32(bytes, 20), 1, "LINKTYPE_ETHERNET");
    let mut at = 24;
    let mut frames = Vec::new();
    while at < bytes.len() {
        let ts_sec = le32(bytes, at);
        let ts_usec = le32(bytes, at + 4);
        let incl = le32(bytes, at + 8) as usize;
        assert_eq!(le32(bytes, at + 12) as usize, incl, "orig_len == incl_len");
        assert!(ts_usec < 1_000_000);
        let raw = bytes[at + 16..at + 16 + incl].to_vec();
        at += 16 + incl;
        frames.push(parse_frame(ts_sec, ts_usec, raw));
    }
    frames
}

fn parse_frame(ts_sec: u32, ts_usec: u32, raw: Vec<u8>) -> Frame {
    let ethertype = be16(&raw, 12);
    let ip = &raw[14..];
    let (src, dst, proto, seg, pseudo) = match ethertype {
        0x0800 => {
            assert_eq!(ip[0], 0x45, "IPv4, 20-byte header");
            let total = be16(ip, 2) as usize;
            assert_eq!(total, ip.len(), "IPv4 total length");
            assert_eq!(ones_sum(&ip[..20]), 0xffff, "IPv4 header checksum");
            assert_eq!(ip[8], 64, "TTL");
            let src = IpAddr::from(<[u8; 4]>::try_from(&ip[12..16]).unwrap());
            let dst = IpAddr::from(<[u8; 4]>::try_from(&ip[16..20]).unwrap());
            let seg = &ip[20..];
            let mut pseudo = ip[12..20].to_vec();
            pseudo.extend_from_slice(&[0, ip[9]]);
            pseudo.extend_from_slice(&(seg.len() as u16).to_be_bytes());
            (src, dst, ip[9], seg, pseudo)
        }
        0x86dd => {
            assert_eq!(ip[0] >> 4, 6);
            assert_eq!(be16(ip, 4) as usize, ip.len() - 40, "IPv6 payload length");
            let src = IpAddr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap());
            let dst = IpAddr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap());
            let seg = &ip[40..];
            let mut pseudo = ip[8..40].to_vec();
            pseudo.extend_from_slice(&(seg.len() as u32).to_be_bytes());
            pseudo.extend_from_slice(&[0, 0, 0, ip[6]]);
            (src, dst, ip[6], seg, pseudo)
        }
        other => panic!("unexpected ethertype {other:#06x}"),
    };
    let transport_sum = |seg: &[u8]| {
        let mut all = pseudo.clone();
        all.extend_from_slice(seg);
        ones_sum(&all)
    };
    let (transport, payload) = match proto {
        17 => {
            assert_eq!(be16(seg, 4) as usize, seg.len(), "UDP length");
            assert_ne!(be16(seg, 6), 0, "UDP checksum is filled in");
            assert_eq!(transport_sum(seg), 0xffff, "UDP checksum");
            (
                Transport::Udp {
                    sport: be16(seg, 0),
                    dport: be16(seg, 2),
                },
                seg[8..].to_vec(),
            )
        }
        6 => {
            assert_eq!(seg[12] >> 4, 5, "TCP data offset");
            assert_eq!(transport_sum(seg), 0xffff, "TCP checksum");
            (
                Transport::Tcp {
                    sport: be16(seg, 0),
                    dport: be16(seg, 2),
                    seq: be32(seg, 4),
                    ack: be32(seg, 8),
                    flags: seg[13],
                },
                seg[20..].to_vec(),
            )
        }
        132 => {
            let mut zeroed = seg.to_vec();
            zeroed[8..12].fill(0);
            assert_eq!(le32(seg, 8), crc32c(&zeroed), "SCTP CRC32c");
            assert_eq!(seg.len() % 4, 0, "SCTP packet padded to 4 bytes");
            assert_eq!(seg[12], 0, "DATA chunk");
            assert_eq!(seg[13], 0x03, "B and E flags");
            let chunk_len = be16(seg, 14) as usize;
            assert_eq!(seg.len(), 12 + chunk_len.next_multiple_of(4), "one chunk");
            assert!(
                seg[12 + chunk_len..].iter().all(|b| *b == 0),
                "zero padding"
            );
            (
                Transport::Sctp {
                    sport: be16(seg, 0),
                    dport: be16(seg, 2),
                    vtag: be32(seg, 4),
                    tsn: be32(seg, 16),
                    sid: be16(seg, 20),
                    ssn: be16(seg, 22),
                    ppid: be32(seg, 24),
                },
                seg[28..12 + chunk_len].to_vec(),
            )
        }
        other => panic!("unexpected IP protocol {other}"),
    };
    Frame {
        ts_sec,
        ts_usec,
        src,
        dst,
        transport,
        payload,
        raw,
    }
}

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

fn write_all(packets: &[(u64, Packet<'_>)]) -> Vec<u8> {
    let mut w = PcapWriter::new(Vec::new());
    w.write_header().unwrap();
    for (ts, p) in packets {
        w.write_packet(*ts, p).unwrap();
    }
    w.into_inner()
}

// ---------------------------------------------------------------------------
// Header and checksum checks
// ---------------------------------------------------------------------------

#[test]
fn pcap_header_has_magic_version_and_ethernet() {
    let bytes = write_all(&[]);
    assert_eq!(
        bytes,
        [
            0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0
        ]
    );
}

#[test]
fn write_packet_writes_header_when_missing() {
    let mut w = PcapWriter::new(Vec::new());
    w.write_packet(
        0,
        &Packet::Udp {
            src: addr("127.0.0.1:1"),
            dst: addr("127.0.0.2:2"),
            payload: b"x",
        },
    )
    .unwrap();
    assert_eq!(read_pcap(&w.into_inner()).len(), 1);
}

#[test]
fn udp_frame_has_exact_headers() {
    let bytes = write_all(&[(
        1_700_000_000_123_456,
        Packet::Udp {
            src: addr("127.0.0.1:2123"),
            dst: addr("127.0.0.3:2123"),
            payload: &[0x48, 0x20, 0x00, 0x04],
        },
    )]);
    let f = &read_pcap(&bytes)[0];
    assert_eq!((f.ts_sec, f.ts_usec), (1_700_000_000, 123_456));
    // Ethernet: MACs derived from the addresses, IPv4 ethertype.
    assert_eq!(
        &f.raw[..14],
        &[2, 0, 127, 0, 0, 3, 2, 0, 127, 0, 0, 1, 0x08, 0x00]
    );
    // IPv4: version/IHL, length 20+8+4, id 1, DF, TTL 64, UDP.
    assert_eq!(&f.raw[14..24], &[0x45, 0, 0, 32, 0, 1, 0x40, 0, 64, 17]);
    assert_eq!(
        f.transport,
        Transport::Udp {
            sport: 2123,
            dport: 2123
        }
    );
    assert_eq!(f.payload, [0x48, 0x20, 0x00, 0x04]);
}

#[test]
fn sctp_frames_number_tsn_and_ssn_per_direction() {
    let enb = addr("127.0.0.2:36412");
    let mme = addr("127.0.0.1:36412");
    let d = SctpData::new(1, 18);
    let bytes = write_all(&[
        (
            0,
            Packet::Sctp {
                src: enb,
                dst: mme,
                data: d,
                payload: &[1, 2, 3],
            },
        ),
        (
            1,
            Packet::Sctp {
                src: mme,
                dst: enb,
                data: d,
                payload: &[4; 8],
            },
        ),
        (
            2,
            Packet::Sctp {
                src: enb,
                dst: mme,
                data: d,
                payload: &[5; 5],
            },
        ),
        (
            3,
            Packet::Sctp {
                src: enb,
                dst: mme,
                data: SctpData {
                    stream_id: 0,
                    tsn: Some(100),
                    verification_tag: 0x0a0b_0c0d,
                    ..d
                },
                payload: &[6],
            },
        ),
        (
            4,
            Packet::Sctp {
                src: enb,
                dst: mme,
                data: d,
                payload: &[7],
            },
        ),
    ]);
    let got: Vec<_> = read_pcap(&bytes)
        .into_iter()
        .map(|f| match f.transport {
            Transport::Sctp {
                vtag,
                tsn,
                sid,
                ssn,
                ppid,
                sport,
                dport,
            } => {
                assert_eq!((sport, dport, ppid), (36412, 36412, 18));
                (vtag, tsn, sid, ssn, f.payload)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, 1, 1, 0, vec![1, 2, 3]),
            (1, 1, 1, 0, vec![4; 8]),
            (1, 2, 1, 1, vec![5; 5]),
            (0x0a0b_0c0d, 100, 0, 0, vec![6]),
            (1, 101, 1, 2, vec![7]),
        ]
    );
}

#[test]
fn tcp_flows_get_consecutive_seq_and_ack() {
    let mme = addr("127.0.0.1:40000");
    let hss = addr("127.0.0.5:3868");
    let bytes = write_all(&[
        (
            0,
            Packet::Tcp {
                src: mme,
                dst: hss,
                payload: &[0xaa; 100],
            },
        ),
        (
            1,
            Packet::Tcp {
                src: mme,
                dst: hss,
                payload: &[0xbb; 50],
            },
        ),
        (
            2,
            Packet::Tcp {
                src: hss,
                dst: mme,
                payload: &[0xcc; 30],
            },
        ),
        (
            3,
            Packet::Tcp {
                src: mme,
                dst: hss,
                payload: &[0xdd; 7],
            },
        ),
    ]);
    let isn = TCP_INITIAL_SEQ;
    let got: Vec<_> = read_pcap(&bytes)
        .into_iter()
        .map(|f| match f.transport {
            Transport::Tcp {
                seq, ack, flags, ..
            } => (f.src, seq, ack, flags, f.payload.len()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (mme.ip(), isn, isn, 0x18, 100),
            (mme.ip(), isn + 100, isn, 0x18, 50),
            (hss.ip(), isn, isn + 150, 0x18, 30),
            (mme.ip(), isn + 150, isn + 30, 0x18, 7),
        ]
    );
}

#[test]
fn ipv6_udp_and_tcp_checksums_verify() {
    let ue = addr("[fd00:46::2]:5060");
    let pcscf = addr("[fd00:46::1]:5060");
    let bytes = write_all(&[
        (
            0,
            Packet::Udp {
                src: ue,
                dst: pcscf,
                payload: b"REGISTER sip:x SIP/2.0\r\n\r\n",
            },
        ),
        (
            1,
            Packet::Tcp {
                src: ue,
                dst: pcscf,
                payload: b"OPTIONS",
            },
        ),
        (
            2,
            Packet::Sctp {
                src: ue,
                dst: pcscf,
                data: SctpData::new(0, 46),
                payload: b"dia",
            },
        ),
    ]);
    let frames = read_pcap(&bytes);
    assert_eq!(frames.len(), 3);
    for f in &frames {
        assert_eq!(&f.raw[12..14], &[0x86, 0xdd]);
        assert_eq!((f.src, f.dst), (ue.ip(), pcscf.ip()));
        assert_eq!(f.raw[14 + 7], 64, "hop limit");
    }
    assert_eq!(frames[1].payload, b"OPTIONS");
}

#[test]
fn raw_ip_packet_is_written_as_is() {
    let inner = &flow_bytes("gtpu_gpdu_sip_syn")[8..]; // the IPv4 packet inside the G-PDU
    let bytes = write_all(&[(0, Packet::Ip(inner))]);
    let f = &read_pcap(&bytes)[0];
    assert_eq!(&f.raw[14..], inner);
    assert_eq!(f.src, IpAddr::from([10, 46, 0, 2]));
    assert_eq!(&f.raw[..6], &[2, 0, 10, 46, 0, 1]);
}

#[test]
fn reader_recovers_every_payload() {
    let s1ap = flow_bytes("s1ap_initial_ue_attach_request");
    let gtpc = flow_bytes("gtpv2c_create_session_request");
    let maa = flow_bytes("cx_maa");
    let packets = [
        (
            10,
            Packet::Sctp {
                src: addr("127.0.0.2:36412"),
                dst: addr("127.0.0.1:36412"),
                data: SctpData::new(1, 18),
                payload: &s1ap,
            },
        ),
        (
            20,
            Packet::Udp {
                src: addr("127.0.0.1:2123"),
                dst: addr("127.0.0.3:2123"),
                payload: &gtpc,
            },
        ),
        (
            30,
            Packet::Tcp {
                src: addr("127.0.0.5:3868"),
                dst: addr("127.0.0.6:40001"),
                payload: &maa,
            },
        ),
    ];
    let frames = read_pcap(&write_all(&packets));
    let payloads: Vec<_> = frames.iter().map(|f| f.payload.clone()).collect();
    assert_eq!(payloads, vec![s1ap, gtpc, maa]);
    assert_eq!(
        frames.iter().map(|f| f.ts_usec).collect::<Vec<_>>(),
        [10, 20, 30]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_packet_reads_back_with_valid_checksums(
        kind in 0u8..3,
        v6 in any::<bool>(),
        a in any::<[u8; 16]>(),
        b in any::<[u8; 16]>(),
        sport in any::<u16>(),
        dport in any::<u16>(),
        ppid in any::<u32>(),
        payload in proptest::collection::vec(any::<u8>(), 0..1500),
        ts in 0u64..4_000_000_000_000_000,
    ) {
        let (sa, sb) = if v6 {
            (IpAddr::from(a), IpAddr::from(b))
        } else {
            (IpAddr::from([a[0], a[1], a[2], a[3]]), IpAddr::from([b[0], b[1], b[2], b[3]]))
        };
        let src = SocketAddr::new(sa, sport);
        let dst = SocketAddr::new(sb, dport);
        let p = match kind {
            0 => Packet::Udp { src, dst, payload: &payload },
            1 => Packet::Tcp { src, dst, payload: &payload },
            _ => Packet::Sctp { src, dst, data: SctpData::new(3, ppid), payload: &payload },
        };
        let frames = read_pcap(&write_all(&[(ts, p)]));
        prop_assert_eq!(frames.len(), 1);
        prop_assert_eq!(&frames[0].payload, &payload);
        prop_assert_eq!((frames[0].src, frames[0].dst), (sa, sb));
        prop_assert_eq!(u64::from(frames[0].ts_sec) * 1_000_000 + u64::from(frames[0].ts_usec), ts);
    }
}

// ---------------------------------------------------------------------------
// tshark
// ---------------------------------------------------------------------------

#[test]
fn tshark_dissects_s1ap_gtp_and_split_diameter() {
    if !have_tool("tshark", "tshark_dissects_s1ap_gtp_and_split_diameter") {
        return;
    }
    let s1ap = flow_bytes("s1ap_initial_ue_attach_request");
    let gtpc = flow_bytes("gtpv2c_create_session_request");
    let gtpu = flow_bytes("gtpu_gpdu_sip_syn");
    let maa = flow_bytes("cx_maa");
    let (maa1, maa2) = maa.split_at(100);
    let hss = addr("127.0.0.5:3868");
    let scscf = addr("127.0.0.6:40001");
    let bytes = write_all(&[
        (
            1_000_000,
            Packet::Sctp {
                src: addr("127.0.0.2:36412"),
                dst: addr("127.0.0.1:36412"),
                data: SctpData::new(1, 18),
                payload: &s1ap,
            },
        ),
        (
            1_000_100,
            Packet::Udp {
                src: addr("127.0.0.1:2123"),
                dst: addr("127.0.0.3:2123"),
                payload: &gtpc,
            },
        ),
        (
            1_000_200,
            Packet::Udp {
                src: addr("127.0.0.2:2152"),
                dst: addr("127.0.0.3:2152"),
                payload: &gtpu,
            },
        ),
        (
            1_000_300,
            Packet::Tcp {
                src: hss,
                dst: scscf,
                payload: maa1,
            },
        ),
        (
            1_000_400,
            Packet::Tcp {
                src: hss,
                dst: scscf,
                payload: maa2,
            },
        ),
    ]);
    let dir = std::env::temp_dir().join(format!("volte-sim-pcap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("writer.pcap");
    std::fs::write(&path, &bytes).unwrap();

    let fields = [
        "frame.number",
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "s1ap.procedureCode",
        "nas_eps.nas_msg_emm_type",
        "gtpv2.message_type",
        "gtp.teid",
        "tcp.dstport",
        "diameter.cmd.code",
        "diameter.Result-Code",
        "sctp.checksum.status",
        "ip.checksum.status",
        "udp.checksum.status",
        "tcp.checksum.status",
    ];
    let rows = tshark_fields(
        &path,
        &fields,
        &[
            "sctp.checksum:CRC-32C",
            "ip.check_checksum:TRUE",
            "udp.check_checksum:TRUE",
            "tcp.check_checksum:TRUE",
            "tcp.desegment_tcp_streams:TRUE",
        ],
    );
    std::fs::remove_dir_all(&dir).ok();
    let text = tshark_text(&rows);
    assert_eq!(rows.len(), 5, "five frames:\n{text}");
    for r in &rows {
        assert_eq!(r.len(), 15, "{r:?}");
        // Checksum status 1 is "Good" (a wrong one is 0).
        for (i, name) in [(11, "sctp"), (12, "ip"), (13, "udp"), (14, "tcp")] {
            for status in r[i].split(',').filter(|s| !s.is_empty()) {
                assert_eq!(status, "1", "frame {} {name} checksum:\n{text}", r[0]);
            }
        }
        assert!(
            r[12].starts_with('1'),
            "frame {} IPv4 checksum checked",
            r[0]
        );
    }
    assert_no_malformed_or_expert_error(&rows, &fields);
    // Every transport checksum was checked, not just absent.
    assert_eq!(rows[0][11], "1", "SCTP CRC32c");
    assert_eq!(rows[1][13], "1", "UDP");
    assert_eq!(rows[2][13], "1", "UDP");
    assert_eq!(rows[3][14], "1", "TCP");
    assert_eq!(rows[4][14], "1", "TCP");
    assert!(
        rows[0][1].ends_with("ip:sctp:s1ap:nas-eps"),
        "{}",
        rows[0][1]
    );
    assert_eq!(rows[0][4], "12", "InitialUEMessage");
    assert_eq!(rows[0][5], "0x41", "Attach Request");
    assert!(
        rows[1][1].ends_with("ip:udp:gtp:gtpv2") || rows[1][1].ends_with("ip:udp:gtpv2"),
        "{}",
        rows[1][1]
    );
    assert_eq!(rows[1][6], "32", "Create Session Request");
    assert!(rows[2][1].ends_with("ip:udp:gtp:ip:tcp"), "{}", rows[2][1]);
    assert_eq!(rows[2][7], "0x00001234");
    assert_eq!(rows[2][8], "5060", "inner TCP SYN to the P-CSCF");
    // The Diameter answer is split: the first segment alone is plain TCP,
    // the second completes the reassembled message.
    assert!(rows[3][1].ends_with("ip:tcp"), "{}", rows[3][1]);
    assert!(rows[4][1].ends_with("ip:tcp:diameter"), "{}", rows[4][1]);
    assert_eq!(rows[4][9], "303", "Multimedia-Auth Answer");
    assert_eq!(rows[4][10], "2001");
}
