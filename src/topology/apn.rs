//! The gateway (SGW+PGW) and its APNs: pools, QoS, and the P-CSCF and DNS
//! addresses the PCO carries.

use super::diag::{Report, join};
use super::model::*;
use super::names::Names;
use super::network::DEFAULT_AMBR;
use super::read::{self, key_text, read_entry, text, uint};
use super::schema::*;
use super::units;
use crate::nodes::NodeId;
use std::net::IpAddr;

/// An APN network identifier (TS 23.003 9.1.1): labels of letters, digits
/// and hyphens joined by dots, at most 63 octets.
fn check_apn_name(report: &mut Report, path: &str, name: &str) {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !ok {
        report.error(
            path,
            format!("'{name}' is not an APN name (labels of letters, digits and '-', joined by dots; at most 63 characters)"),
        );
    }
}

pub(crate) fn gateway(
    report: &mut Report,
    path: &str,
    r: &RawGateway,
    names: &Names,
    kinds: &[Option<NodeKind>],
) -> GatewaySpec {
    let apath = join(path, "apns");
    let mut apns = Vec::new();
    let mut pcscf_nodes: Vec<NodeId> = Vec::new();
    match &r.apns {
        None => report.missing(
            &apath,
            "missing: a gateway serves at least one APN, e.g. apns: { internet: { pool: 10.45.0.0/16 } }",
        ),
        Some(m) if m.is_empty() => report.error(&apath, "a gateway serves at least one APN"),
        Some(m) => {
            for (k, v) in m {
                let name = key_text(k);
                let p = join(&apath, &name);
                check_apn_name(report, &p, &name);
                let Some(raw) = read_entry::<RawApn>(v, &p, "an APN", report) else {
                    continue;
                };
                apns.push(apn(report, &p, &name, &raw, names, kinds, &mut pcscf_nodes));
            }
        }
    }
    let ims_stack = match &r.ims_stack {
        Some(s) => names.resolve(report, &join(path, "ims_stack"), Some(s), "pcscf", false),
        None => {
            let all = names.of_kind("pcscf");
            match all.as_slice() {
                [] => None,
                [(i, _)] => Some(NodeId(*i as u32)),
                many => match pcscf_nodes.first() {
                    Some(first) => Some(*first),
                    None => {
                        let list: Vec<&str> = many.iter().map(|(_, n)| *n).collect();
                        report.missing(
                            &join(path, "ims_stack"),
                            format!(
                                "missing, and there are {} pcscf nodes ({}): say which one hosts the IMS IP stack, e.g. `ims_stack: {}`",
                                many.len(),
                                list.join(", "),
                                list[0]
                            ),
                        );
                        None
                    }
                },
            }
        }
    };
    GatewaySpec { apns, ims_stack }
}

fn apn(
    report: &mut Report,
    path: &str,
    name: &str,
    r: &RawApn,
    names: &Names,
    kinds: &[Option<NodeKind>],
    pcscf_nodes: &mut Vec<NodeId>,
) -> ApnSpec {
    let f = |k: &str| join(path, k);
    let ipv4_pool = r.pool.as_ref().and_then(|s| {
        units::parse_ipv4_prefix(&text(s))
            .map_err(|e| report.error(&f("pool"), e))
            .ok()
    });
    if let Some((_, len)) = ipv4_pool
        && len > 30
    {
        report.error(
            &f("pool"),
            format!("a /{len} pool leaves no address for a UE (the first and last addresses are not handed out); use /30 or shorter"),
        );
    }
    let ipv6_prefix = r.ipv6_pool.as_ref().and_then(|s| {
        units::parse_ipv6_prefix(&text(s))
            .map_err(|e| report.error(&f("ipv6_pool"), e))
            .ok()
    });
    if let Some((_, len)) = ipv6_prefix
        && len != 64
    {
        report.error(
            &f("ipv6_pool"),
            format!(
                "ipv6_pool must be a /64 (each UE gets an interface identifier in it), got /{len}"
            ),
        );
    }
    if r.pool.is_none() && r.ipv6_pool.is_none() {
        report.error(
            path,
            "an APN needs a pool (IPv4, e.g. pool: 10.45.0.0/16) or an ipv6_pool (e.g. \"fd00:45::/64\"), or both",
        );
    }
    let qci = match &r.qci {
        Some(s) => uint(report, &f("qci"), s, 254).map_or(9, |v| v as u8),
        None if name.eq_ignore_ascii_case("ims") => 5,
        None => 9,
    };
    // TS 23.203 6.1.7.2: a default bearer is non-GBR.
    if qci == 0 {
        report.error(&f("qci"), "QCI 0 is reserved; use 1 to 254");
    } else if !matches!(qci, 5..=9 | 69 | 70 | 79 | 80 | 128..=254) {
        report.warn(
            &f("qci"),
            format!("QCI {qci} is not a standard non-GBR QCI (5-9, 69, 70, 79, 80): a default bearer is non-GBR (TS 23.401 4.7.2)"),
        );
    }
    let arp_priority = match &r.arp {
        Some(s) => match uint(report, &f("arp"), s, 15) {
            Some(0) => {
                report.error(
                    &f("arp"),
                    "arp priority level is 1 (highest) to 15 (TS 23.203 6.1.7.3)",
                );
                1
            }
            Some(v) => v as u8,
            None => 1,
        },
        None => 1,
    };
    let rate = |report: &mut Report, s: Option<&Scalar>, key: &str| match s {
        None => DEFAULT_AMBR,
        Some(Scalar::Int(i)) => match u64::try_from(*i) {
            Ok(v) => v,
            Err(_) => {
                report.error(&join(&f("ambr"), key), "a bit rate cannot be negative");
                DEFAULT_AMBR
            }
        },
        Some(s) => units::parse_bit_rate(&text(s))
            .map_err(|e| report.error(&join(&f("ambr"), key), e))
            .unwrap_or(DEFAULT_AMBR),
    };
    let ambr = r.ambr.as_ref();
    let ambr_ul = rate(report, ambr.and_then(|a| a.ul.as_ref()), "ul");
    let ambr_dl = rate(report, ambr.and_then(|a| a.dl.as_ref()), "dl");
    let mtu = r.mtu.as_ref().and_then(|s| {
        let v = uint(report, &f("mtu"), s, 0xFFFF)?;
        if v < 576 {
            report.error(
                &f("mtu"),
                format!("mtu {v} is too small (at least 576, the IPv4 minimum datagram)"),
            );
        }
        Some(v as u16)
    });
    let mut dns = Vec::new();
    for (i, s) in r.dns.iter().flat_map(|l| l.0.iter()).enumerate() {
        if let Some(a) = read::ip(report, &format!("{}[{i}]", f("dns")), s) {
            dns.push(a);
        }
    }

    // P-CSCF addresses: literal addresses, or pcscf nodes (IPv4 then IPv6).
    let mut pcscf = Vec::new();
    for (i, s) in r.p_cscf.iter().flat_map(|l| l.0.iter()).enumerate() {
        let p = format!("{}[{i}]", f("p_cscf"));
        if let Ok(a) = text(s).trim().parse::<IpAddr>() {
            pcscf.push(a);
            continue;
        }
        let Some(id) = names.resolve(report, &p, Some(s), "pcscf", true) else {
            continue;
        };
        if !pcscf_nodes.contains(&id) {
            pcscf_nodes.push(id);
        }
        if let Some(Some(NodeKind::Pcscf(spec))) = kinds.get(id.0 as usize) {
            let before = pcscf.len();
            pcscf.extend(spec.ipv4.map(IpAddr::V4));
            pcscf.extend(spec.ipv6.map(IpAddr::V6));
            if pcscf.len() == before {
                report.error(
                    &p,
                    format!(
                        "{} has neither ipv4 nor ipv6, so it gives no address for the PCO",
                        text(s)
                    ),
                );
            }
        }
    }
    if pcscf.is_empty() && name.eq_ignore_ascii_case("ims") {
        report.warn(
            path,
            "APN ims has no p_cscf: the PCO answer carries no P-CSCF address and UEs never send SIP",
        );
    }
    let v4_ok = ipv4_pool.is_some() || r.pool.is_some();
    let v6_ok = ipv6_prefix.is_some() || r.ipv6_pool.is_some();
    if !pcscf.is_empty()
        && !pcscf
            .iter()
            .any(|a| (a.is_ipv4() && v4_ok) || (a.is_ipv6() && v6_ok))
    {
        report.warn(
            &f("p_cscf"),
            format!(
                "no P-CSCF address of APN {name} has the IP version of its pool{}: UEs cannot reach the P-CSCF",
                if v4_ok { "" } else { " (IPv6 only)" }
            ),
        );
    }
    ApnSpec {
        name: name.to_string(),
        ipv4_pool,
        ipv6_prefix,
        qci,
        arp_priority,
        ambr_ul,
        ambr_dl,
        pcscf,
        dns,
        mtu,
    }
}
