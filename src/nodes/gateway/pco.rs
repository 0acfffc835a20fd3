//! The PGW's answer to the UE's Protocol Configuration Options (TS 24.008
//! 10.5.6.3, TS 29.274 8.13; TS 24.229 9.2.1 for the P-CSCF discovery).
//!
//! Only what the UE asked for is answered, in the order it asked, each
//! container ID once:
//!
//! | request | answer |
//! |---|---|
//! | P-CSCF IPv4 Address Request (0x000C) | every IPv4 P-CSCF of the APN |
//! | P-CSCF IPv6 Address Request (0x0001) | every IPv6 P-CSCF of the APN |
//! | DNS Server IPv4 Address Request (0x000D) | every IPv4 DNS server |
//! | DNS Server IPv6 Address Request (0x0003) | every IPv6 DNS server |
//! | IPv4 Link MTU Request (0x0010) | the APN's MTU, if configured |
//! | IM CN Subsystem Signaling Flag (0x0002) | echoed |
//! | IPCP (0x8021) Configure-Request for DNS | Configure-Nak with the IPv4 DNS servers |
//!
//! Anything else (unknown containers, an IPCP packet that does not decode)
//! is left unanswered: never an error.

use crate::codec::nas::pco::{self, IPCP_PRIMARY_DNS, IPCP_SECONDARY_DNS, Ipcp, IpcpOption, Pco};
use crate::topology::ApnSpec;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What the gateway answers, and whether a P-CSCF request went unanswered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PcoAnswer {
    /// The PCO for Create Session Response; `None` when nothing was asked
    /// that the APN can answer.
    pub(super) pco: Option<Pco>,
    /// Set when the UE asked for a P-CSCF and the answer carries none: the
    /// Note explaining it (DESIGN.md field note: such a UE never sends SIP).
    pub(super) no_pcscf: Option<String>,
}

fn v4s(list: &[IpAddr]) -> impl Iterator<Item = Ipv4Addr> + '_ {
    list.iter().filter_map(|a| match a {
        IpAddr::V4(a) => Some(*a),
        IpAddr::V6(_) => None,
    })
}

fn v6s(list: &[IpAddr]) -> impl Iterator<Item = Ipv6Addr> + '_ {
    list.iter().filter_map(|a| match a {
        IpAddr::V6(a) => Some(*a),
        IpAddr::V4(_) => None,
    })
}

/// The answer to `request` from the configuration of `apn`.
pub(super) fn answer(request: &Pco, apn: &ApnSpec) -> PcoAnswer {
    let mut out = Pco::new();
    let mut seen: Vec<u16> = Vec::new();
    let mut asked_pcscf = false;
    let mut gave_pcscf = false;
    for c in &request.containers {
        if seen.contains(&c.id) {
            continue;
        }
        seen.push(c.id);
        match c.id {
            pco::PCSCF_IPV4 => {
                asked_pcscf = true;
                for a in v4s(&apn.pcscf) {
                    out.push_pcscf_ipv4(a);
                    gave_pcscf = true;
                }
            }
            pco::PCSCF_IPV6 => {
                asked_pcscf = true;
                for a in v6s(&apn.pcscf) {
                    out.push_pcscf_ipv6(a);
                    gave_pcscf = true;
                }
            }
            pco::DNS_IPV4 => {
                for a in v4s(&apn.dns) {
                    out.push_dns_ipv4(a);
                }
            }
            pco::DNS_IPV6 => {
                for a in v6s(&apn.dns) {
                    out.push_dns_ipv6(a);
                }
            }
            pco::IPV4_LINK_MTU => {
                if let Some(mtu) = apn.mtu {
                    out.push_ipv4_link_mtu(mtu);
                }
            }
            pco::IM_CN_SIGNALLING_FLAG => {
                out.push_im_cn_flag();
            }
            pco::IPCP => {
                if let Some(nak) = Ipcp::decode(&c.contents)
                    .ok()
                    .and_then(|req| ipcp_dns_answer(&req, apn))
                {
                    out.push_ipcp(&nak);
                }
            }
            _ => {}
        }
    }
    let no_pcscf = (asked_pcscf && !gave_pcscf).then(|| {
        if apn.pcscf.is_empty() {
            format!(
                "{} APN has no p_cscf configured: the PCO answer carries no P-CSCF address",
                apn.name
            )
        } else {
            format!(
                "{} APN has no p_cscf of the IP version the UE asked for: the PCO answer \
                 carries no P-CSCF address",
                apn.name
            )
        }
    });
    PcoAnswer {
        pco: (!out.containers.is_empty()).then_some(out),
        no_pcscf,
    }
}

/// A Configure-Nak carrying the DNS servers the Configure-Request asked for
/// (RFC 1332 5.3, RFC 1877 1.1/1.3): primary from the first IPv4 DNS server,
/// secondary from the second. `None` if it asks for no DNS option we can
/// fill.
fn ipcp_dns_answer(req: &Ipcp, apn: &ApnSpec) -> Option<Ipcp> {
    if req.code != Ipcp::CONFIGURE_REQUEST {
        return None;
    }
    let dns: Vec<Ipv4Addr> = v4s(&apn.dns).collect();
    let mut options = Vec::new();
    for kind in [IPCP_PRIMARY_DNS, IPCP_SECONDARY_DNS] {
        let slot = usize::from(kind == IPCP_SECONDARY_DNS);
        if let (true, Some(a)) = (req.options.iter().any(|o| o.kind == kind), dns.get(slot)) {
            options.push(IpcpOption {
                kind,
                data: a.octets().to_vec(),
            });
        }
    }
    (!options.is_empty()).then_some(Ipcp {
        code: Ipcp::CONFIGURE_NAK,
        identifier: req.identifier,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::hex;

    fn ims_apn() -> ApnSpec {
        ApnSpec {
            name: "ims".into(),
            ipv4_pool: Some(("10.46.0.0".parse().unwrap(), 16)),
            ipv6_prefix: Some(("fd00:46::".parse().unwrap(), 64)),
            qci: 5,
            arp_priority: 1,
            ambr_ul: 100_000_000,
            ambr_dl: 100_000_000,
            pcscf: vec!["10.46.0.1".parse().unwrap(), "fd00:46::1".parse().unwrap()],
            dns: vec![
                "10.46.0.53".parse().unwrap(),
                "fd00:46::53".parse().unwrap(),
            ],
            mtu: Some(1400),
        }
    }

    #[test]
    fn pco_answer_matches_reference_encoding_for_ims_request() {
        let a = answer(&Pco::ims_request(), &ims_apn());
        assert_eq!(a.no_pcscf, None);
        // The PCO value of the reference Create Session Response.
        assert_eq!(
            hex(&a.pco.unwrap().encode()),
            "80000c040a2e0001000110fd000046000000000000000000000001\
             000d040a2e0035000310fd000046000000000000000000000053000200"
        );
    }

    #[test]
    fn pco_answer_gives_only_what_was_asked() {
        let mut req = Pco::new();
        req.push_request(pco::PCSCF_IPV6)
            .push_request(pco::IPV4_LINK_MTU)
            .push_request(0x0023)
            .push_request(pco::PCSCF_IPV6);
        let p = answer(&req, &ims_apn()).pco.unwrap();
        assert_eq!(p.ids(), [pco::PCSCF_IPV6, pco::IPV4_LINK_MTU]);
        assert_eq!(p.pcscf_ipv6(), ["fd00:46::1".parse::<Ipv6Addr>().unwrap()]);
        assert_eq!(p.ipv4_link_mtu(), Some(1400));
        assert!(p.pcscf_ipv4().is_empty() && !p.im_cn_flag());
        // Nothing answerable: no PCO at all.
        let mut unknown = Pco::new();
        unknown.push_request(0x0023);
        assert_eq!(answer(&unknown, &ims_apn()).pco, None);
    }

    #[test]
    fn pco_answer_without_pcscf_explains_why() {
        let apn = ApnSpec {
            pcscf: Vec::new(),
            ..ims_apn()
        };
        let a = answer(&Pco::ims_request(), &apn);
        let p = a.pco.unwrap();
        assert!(!p.contains(pco::PCSCF_IPV4) && !p.contains(pco::PCSCF_IPV6));
        assert_eq!(p.ids(), [pco::DNS_IPV4, pco::DNS_IPV6, 0x0002]);
        assert_eq!(
            a.no_pcscf.as_deref(),
            Some("ims APN has no p_cscf configured: the PCO answer carries no P-CSCF address")
        );
        // Only an IPv6 P-CSCF, and the UE asks for IPv4 only.
        let v6_only = ApnSpec {
            pcscf: vec!["fd00:46::1".parse().unwrap()],
            ..ims_apn()
        };
        let mut req = Pco::new();
        req.push_request(pco::PCSCF_IPV4);
        let a = answer(&req, &v6_only);
        assert_eq!(a.pco, None);
        assert!(a.no_pcscf.unwrap().contains("IP version"));
    }

    #[test]
    fn pco_answer_naks_ipcp_dns_request() {
        let mut req = Pco::new();
        req.push_ipcp(&Ipcp::dns_request(7));
        let p = answer(&req, &ims_apn()).pco.unwrap();
        let ipcp = p.ipcp().unwrap();
        assert_eq!(ipcp.code, Ipcp::CONFIGURE_NAK);
        assert_eq!(ipcp.identifier, 7);
        assert_eq!(ipcp.primary_dns(), Some("10.46.0.53".parse().unwrap()));
        assert_eq!(ipcp.secondary_dns(), None);
        // Broken IPCP contents and a Configure-Ack are ignored.
        let mut bad = Pco::new();
        bad.push(pco::IPCP, &[1, 1, 0, 99]);
        let mut ack = Ipcp::dns_request(1);
        ack.code = Ipcp::CONFIGURE_ACK;
        bad.push_ipcp(&ack);
        assert_eq!(answer(&bad, &ims_apn()).pco, None);
    }
}
