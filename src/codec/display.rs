//! One-line descriptions of any PDU, chosen by the interface it crossed:
//! the protocol, the message name and a summary with the key fields. The text
//! ladder, the JSON log and the terminal UI all describe messages through
//! this one function, so they always agree.

use super::{DecodeError, Field, diameter, gtpu, gtpv2c, nas, s1ap};
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

fn ip_summary(packet: &[u8]) -> String {
    match gtpu::inner_ip(packet) {
        Some(ip) => ip.to_string(),
        None => format!("{} octets (not IP)", packet.len()),
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
            Ok(UuFrame::Data { ebi, packet }) => Described {
                protocol: "IP",
                name: "IP packet".into(),
                summary: format!("IP on EBI {ebi}: {}", ip_summary(&packet)),
            },
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
            Ok(m) => Described {
                protocol: "GTP-U",
                name: match m.body {
                    gtpu::Body::GPdu(_) => "G-PDU".to_string(),
                    _ => m
                        .summary()
                        .split(" (")
                        .next()
                        .unwrap_or("GTP-U")
                        .to_string(),
                },
                summary: m.summary(),
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
        Iface::SGi => Described {
            protocol: "IP",
            name: "IP packet".into(),
            summary: ip_summary(bytes),
        },
        Iface::Gm | Iface::Mw => {
            let text = String::from_utf8_lossy(bytes);
            let first = text.lines().next().unwrap_or("").trim().to_string();
            Described {
                protocol: "SIP",
                name: first.clone(),
                summary: first,
            }
        }
    }
}

/// The full tree of `bytes` that crossed `iface` (the detail views).
pub fn tree(iface: Iface, bytes: &[u8]) -> Result<Field, DecodeError> {
    match iface {
        Iface::S1Mme => s1ap::tree(bytes),
        Iface::S11 => gtpv2c::tree(bytes),
        Iface::S1U => gtpu::tree(bytes),
        Iface::S6a | Iface::Cx => diameter::tree(bytes),
        Iface::Uu => match UuFrame::decode(&Bytes::copy_from_slice(bytes))? {
            UuFrame::Connect { nas, cause, .. } => Ok(Field::group(
                "RRC Connection Setup",
                vec![Field::new("establishment cause", cause), nas::tree(&nas)?],
            )),
            UuFrame::Nas(n) => nas::tree(&n),
            UuFrame::Data { ebi, packet } => Ok(Field::group(
                format!("IP on EBI {ebi}"),
                vec![Field::new("packet", ip_summary(&packet))],
            )),
            UuFrame::Release => Ok(Field::new("RRC Connection Release", "")),
        },
        Iface::SGi | Iface::Gm | Iface::Mw => {
            Ok(Field::new(iface.protocol(), describe(iface, bytes).summary))
        }
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
        assert_eq!(d.name, "G-PDU");
        assert!(d.summary.contains("10.46.0.1"), "{}", d.summary);
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
}
