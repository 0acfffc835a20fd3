//! One-line descriptions of any PDU, chosen by the interface it crossed:
//! the protocol, the message name and a summary with the key fields. The text
//! ladder, the JSON log and the terminal UI all describe messages through
//! this one function, so they always agree.
//!
//! IP packets (on Uu, inside G-PDUs, on SGi) are told by what they carry
//! ([`ip::describe`]): the SIP message with its flow, the TCP handshake,
//! ESP with the SIP inside when NULL encryption lets it be read, Router
//! Advertisements with their prefix. SIP on Gm and Mw is told by its
//! summary.

use super::{DecodeError, Field, diameter, gtpu, gtpv2c, ip, nas, s1ap, sip};
use crate::nodes::{Iface, UuFrame};
use bytes::Bytes;

/// What a PDU is, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// Protocol stack as a reader would say it, e.g. "S1AP/NAS".
    pub protocol: &'static str,
    /// Message name, e.g. "InitialUEMessage / Attach Request".
    pub name: String,
    /// Name plus key fields.
    pub summary: String,
}

fn nas_names(bytes: &[u8]) -> (String, String) {
    match nas::decode(bytes) {
        Ok(m) => (m.name().to_string(), m.summary()),
        Err(e) => ("NAS (undecodable)".to_string(), e.to_string()),
    }
}

/// Offset of the packet in an encoded `UuFrame::Data` (tag, EBI).
const UU_DATA_HEADER: usize = 2;

/// SIP bytes as they cross Gm or Mw.
fn describe_sip(bytes: &[u8]) -> Described {
    match sip::decode(bytes) {
        Ok(m) => {
            let (name, summary) = ip::sip_names(&m);
            Described {
                protocol: "SIP",
                name,
                summary,
            }
        }
        Err(e) => Described {
            protocol: "SIP",
            name: "SIP (undecodable)".into(),
            summary: format!("SIP (undecodable): {e}"),
        },
    }
}

/// Describes `bytes` that crossed `iface`. Never fails: undecodable bytes
/// are described as such, with the decoder's error.
pub fn describe(iface: Iface, bytes: &[u8]) -> Described {
    let bad = |protocol: &'static str, e: &dyn std::fmt::Display| Described {
        protocol,
        name: format!("{protocol} (undecodable)"),
        summary: format!("{protocol} (undecodable): {e}"),
    };
    match iface {
        Iface::Uu => match UuFrame::decode(&Bytes::copy_from_slice(bytes)) {
            Ok(UuFrame::Connect { nas, .. }) => {
                let (name, summary) = nas_names(&nas);
                Described {
                    protocol: "RRC/NAS",
                    name: format!("RRC Connection Setup / {name}"),
                    summary: format!("RRC Connection Setup / {summary}"),
                }
            }
            Ok(UuFrame::Nas(n)) => {
                let (name, summary) = nas_names(&n);
                Described {
                    protocol: "NAS",
                    name,
                    summary,
                }
            }
            Ok(UuFrame::Data { ebi, packet }) => {
                let d = ip::describe(&packet);
                Described {
                    summary: format!("EBI {ebi}: {}", d.summary),
                    ..d
                }
            }
            Ok(UuFrame::Release) => Described {
                protocol: "RRC",
                name: "RRC Connection Release".into(),
                summary: "RRC Connection Release".into(),
            },
            Err(e) => bad("Uu", &e),
        },
        Iface::S1Mme => match s1ap::S1apMessage::decode(bytes) {
            Ok(m) => match m.nas_pdu() {
                Some(n) => {
                    let (name, summary) = nas_names(n);
                    Described {
                        protocol: "S1AP/NAS",
                        name: format!("{} / {name}", m.name()),
                        summary: format!("{} / {summary}", m.summary()),
                    }
                }
                None => Described {
                    protocol: "S1AP",
                    name: m.name().to_string(),
                    summary: m.summary(),
                },
            },
            Err(e) => bad("S1AP", &e),
        },
        Iface::S11 => match gtpv2c::decode(bytes) {
            Ok(m) => Described {
                protocol: "GTPv2-C",
                name: gtpv2c::message_name(m.body.message_type()).to_string(),
                summary: m.summary(),
            },
            Err(e) => bad("GTPv2-C", &e),
        },
        Iface::S1U => match gtpu::decode(bytes) {
            Ok(m) => match &m.body {
                gtpu::Body::GPdu(packet) => {
                    let d = ip::describe(packet);
                    Described {
                        protocol: "GTP-U",
                        name: format!("G-PDU / {}", d.name),
                        summary: format!("G-PDU (TEID 0x{:08x}) / {}", m.teid, d.summary),
                    }
                }
                _ => Described {
                    protocol: "GTP-U",
                    name: m
                        .summary()
                        .split(" (")
                        .next()
                        .unwrap_or("GTP-U")
                        .to_string(),
                    summary: m.summary(),
                },
            },
            Err(e) => bad("GTP-U", &e),
        },
        Iface::S6a | Iface::Cx => match diameter::Message::decode(bytes) {
            Ok(m) => Described {
                protocol: "Diameter",
                name: diameter::dict::command_long_name(m.header.command, m.is_request()),
                summary: m.summary(),
            },
            Err(e) => bad("Diameter", &e),
        },
        Iface::SGi => ip::describe(bytes),
        Iface::Gm | Iface::Mw => describe_sip(bytes),
    }
}

/// The full tree of `bytes` that crossed `iface` (the detail views).
pub fn tree(iface: Iface, bytes: &[u8]) -> Result<Field, DecodeError> {
    match iface {
        Iface::S1Mme => s1ap::tree(bytes),
        Iface::S11 => gtpv2c::tree(bytes),
        Iface::S1U => {
            let mut t = gtpu::tree(bytes)?;
            // The T-PDU in full: IP, transport and what they carry.
            if let Ok(m) = gtpu::decode(bytes)
                && let gtpu::Body::GPdu(packet) = &m.body
                && let Ok(inner) = ip::tree(packet)
                && let Some(tpdu) = t.children.iter_mut().find(|c| c.name == "T-PDU")
            {
                let at = tpdu.span.map_or(0, |(s, _)| s);
                tpdu.children = vec![ip::shift(inner, at)];
            }
            Ok(t)
        }
        Iface::S6a | Iface::Cx => diameter::tree(bytes),
        Iface::Uu => match UuFrame::decode(&Bytes::copy_from_slice(bytes))? {
            UuFrame::Connect { nas, cause, .. } => Ok(Field::group(
                "RRC Connection Setup",
                vec![Field::new("establishment cause", cause), nas::tree(&nas)?],
            )),
            UuFrame::Nas(n) => nas::tree(&n),
            UuFrame::Data { ebi, packet } => {
                let inner = match ip::tree(&packet) {
                    Ok(t) => ip::shift(t, UU_DATA_HEADER),
                    Err(e) => Field::new("packet", format!("{} octets: {e}", packet.len()))
                        .at(UU_DATA_HEADER, bytes.len()),
                };
                Ok(Field::group(
                    format!("IP on EBI {ebi}"),
                    vec![Field::new("EBI", ebi).at(1, 2), inner],
                ))
            }
            UuFrame::Release => Ok(Field::new("RRC Connection Release", "")),
        },
        Iface::SGi => ip::tree(bytes),
        Iface::Gm | Iface::Mw => sip::tree(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    fn fixture(name: &str) -> Vec<u8> {
        let refs: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/flow-refs.json")).unwrap();
        let e = refs.iter().find(|e| e["name"] == name).unwrap();
        parse_hex(e["hex"].as_str().unwrap()).unwrap()
    }

    #[test]
    fn describe_names_s1ap_with_the_nas_inside() {
        let d = describe(Iface::S1Mme, &fixture("s1ap_initial_ue_attach_request"));
        assert_eq!(d.protocol, "S1AP/NAS");
        assert_eq!(d.name, "InitialUEMessage / Attach Request");
        assert!(d.summary.contains("IMSI 001010000000001"), "{}", d.summary);
    }

    #[test]
    fn describe_covers_every_interface_and_survives_garbage() {
        let d = describe(Iface::S6a, &fixture("s6a_aia"));
        assert_eq!(d.protocol, "Diameter");
        assert!(d.name.contains("Authentication-Information"), "{}", d.name);
        let d = describe(Iface::S11, &fixture("gtpv2c_create_session_request"));
        assert_eq!(d.name, "Create Session Request");
        let d = describe(Iface::S1U, &fixture("gtpu_gpdu_sip_syn"));
        assert_eq!(d.name, "G-PDU / TCP SYN");
        assert_eq!(
            d.summary,
            "G-PDU (TEID 0x00001234) / TCP SYN 10.46.0.2:50000 -> 10.46.0.1:5060"
        );
        let uu = UuFrame::Nas(Bytes::from(fixture("nas_auth_response"))).encode();
        assert_eq!(describe(Iface::Uu, &uu).name, "Authentication Response");
        for iface in [
            Iface::Uu,
            Iface::S1Mme,
            Iface::S11,
            Iface::S1U,
            Iface::S6a,
            Iface::SGi,
        ] {
            let d = describe(iface, &[0xff, 0x00, 0x13]);
            assert!(!d.summary.is_empty());
        }
    }

    const REGISTER: &str = "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n\
Via: SIP/2.0/TCP 10.46.0.2:50000;branch=z9hG4bK1\r\n\
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=a\r\n\
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\n\
Call-ID: c1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    /// The reference SYN's IP header with REGISTER as data (PSH ACK).
    fn register_packet() -> Vec<u8> {
        let syn = fixture("gtpu_gpdu_sip_syn");
        let mut p = syn[8..48].to_vec();
        p[33] = 0x18;
        p.extend_from_slice(REGISTER.as_bytes());
        let total = p.len() as u16;
        p[2..4].copy_from_slice(&total.to_be_bytes());
        p
    }

    #[test]
    fn describe_tells_ip_by_the_sip_it_carries_on_every_hop() {
        let packet = register_packet();
        let flow = "[TCP 10.46.0.2:50000 -> 10.46.0.1:5060]";
        let sip = "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)";
        let uu = UuFrame::Data {
            ebi: 6,
            packet: Bytes::from(packet.clone()),
        }
        .encode();
        let d = describe(Iface::Uu, &uu);
        assert_eq!((d.protocol, d.name.as_str()), ("TCP/SIP", "REGISTER"));
        assert_eq!(d.summary, format!("EBI 6: {sip} {flow}"));
        let g = gtpu::Message::g_pdu(0x1234, packet.clone()).encode();
        let d = describe(Iface::S1U, &g);
        assert_eq!(d.name, "G-PDU / REGISTER");
        assert_eq!(d.summary, format!("G-PDU (TEID 0x00001234) / {sip} {flow}"));
        let d = describe(Iface::SGi, &packet);
        assert_eq!(d.summary, format!("{sip} {flow}"));
        let d = describe(Iface::Mw, REGISTER.as_bytes());
        assert_eq!((d.protocol, d.name.as_str()), ("SIP", "REGISTER"));
        assert_eq!(d.summary, sip);
        let challenge = REGISTER.replace(
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0",
            "SIP/2.0 401 Unauthorized",
        );
        let d = describe(Iface::Gm, challenge.as_bytes());
        assert_eq!(d.name, "401 Unauthorized (REGISTER)");
        assert_eq!(
            describe(Iface::Mw, b"\x00garbage").name,
            "SIP (undecodable)"
        );
    }

    #[test]
    fn tree_opens_ip_tcp_and_sip_inside_uu_gtpu_and_sgi() {
        let packet = register_packet();
        let uu = UuFrame::Data {
            ebi: 6,
            packet: Bytes::from(packet.clone()),
        }
        .encode();
        let t = tree(Iface::Uu, &uu).unwrap();
        // Spans count from the start of the Uu frame (2 octets before the packet).
        assert_eq!(t.find("Source").unwrap().span, Some((14, 18)));
        let cseq = t.find("CSeq").unwrap().span.unwrap();
        assert!(String::from_utf8_lossy(&uu[cseq.0..cseq.1]).starts_with("CSeq"));
        let g = gtpu::Message::g_pdu(0x1234, packet.clone()).encode();
        let t = tree(Iface::S1U, &g).unwrap();
        let tpdu = t.find("T-PDU").unwrap();
        assert_eq!(tpdu.children[0].name, "IPv4");
        assert_eq!(
            t.find("Destination Port").unwrap().span,
            Some((8 + 22, 8 + 24))
        );
        assert!(t.find("CSeq").is_some());
        let t = tree(Iface::SGi, &packet).unwrap();
        assert_eq!(t.find("TCP").unwrap().span, Some((20, packet.len())));
        let t = tree(Iface::Gm, REGISTER.as_bytes()).unwrap();
        assert!(t.find("CSeq").is_some());
    }
}
