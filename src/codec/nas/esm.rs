//! EPS session management messages (TS 24.301 8.3), declared once each in
//! spec clause order, and the ESM header (EPS bearer identity, protocol
//! discriminator, PTI, message type).

use super::ie::{
    self, Apn, ApnAmbr, EpsQos, EsmCause, EsmInfoTransferFlag, IeValue, Octets, PdnAddress,
    PdnType, RequestType, Trace, UnknownMessage,
};
use super::pco::Pco;
use crate::codec::{DecodeError, Field, Reader, hex};

nas_message! {
    /// Activate Default EPS Bearer Context Accept (TS 24.301 8.3.4).
    ActivateDefaultEpsBearerContextAccept = 0xC2, "Activate Default EPS Bearer Context Accept";
    mandatory {}
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// Activate Default EPS Bearer Context Reject (TS 24.301 8.3.5).
    ActivateDefaultEpsBearerContextReject = 0xC3, "Activate Default EPS Bearer Context Reject";
    mandatory {
        v "ESM cause" esm_cause: EsmCause;
    }
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// Activate Default EPS Bearer Context Request (TS 24.301 8.3.6).
    ActivateDefaultEpsBearerContextRequest = 0xC1, "Activate Default EPS Bearer Context Request";
    mandatory {
        lv "EPS QoS" eps_qos: EpsQos;
        lv "Access point name" apn: Apn;
        lv "PDN address" pdn_address: PdnAddress;
    }
    optional {
        "Transaction identifier" 0x5D tlv;
        "Negotiated QoS" 0x30 tlv;
        "Negotiated LLC SAPI" 0x32 tv(1);
        "Radio priority" 0x8 tv1;
        "Packet flow Identifier" 0x34 tlv;
        "APN-AMBR" 0x5E tlv => apn_ambr: ApnAmbr;
        "ESM cause" 0x58 tv(1) => esm_cause: EsmCause;
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Connectivity type" 0xB tv1;
        "WLAN offload indication" 0xC tv1;
        "NBIFOM container" 0x33 tlv;
        "Header compression configuration" 0x66 tlv;
        "Control plane only indication" 0x9 tv1;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
        "Serving PLMN rate control" 0x6E tlv;
        "Extended APN-AMBR" 0x5F tlv => extended_apn_ambr: Octets;
    }
}

nas_message! {
    /// Deactivate EPS Bearer Context Accept (TS 24.301 8.3.11).
    DeactivateEpsBearerContextAccept = 0xCE, "Deactivate EPS Bearer Context Accept";
    mandatory {}
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// Deactivate EPS Bearer Context Request (TS 24.301 8.3.12).
    DeactivateEpsBearerContextRequest = 0xCD, "Deactivate EPS Bearer Context Request";
    mandatory {
        v "ESM cause" esm_cause: EsmCause;
    }
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "T3396 value" 0x37 tlv;
        "WLAN offload indication" 0xC tv1;
        "NBIFOM container" 0x33 tlv;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// ESM Information Request (TS 24.301 8.3.13).
    EsmInformationRequest = 0xD9, "ESM Information Request";
    mandatory {}
    optional {}
}

nas_message! {
    /// ESM Information Response (TS 24.301 8.3.14).
    EsmInformationResponse = 0xDA, "ESM Information Response";
    mandatory {}
    optional {
        "Access point name" 0x28 tlv => apn: Apn;
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// ESM Status (TS 24.301 8.3.15).
    EsmStatus = 0xE8, "ESM Status";
    mandatory {
        v "ESM cause" esm_cause: EsmCause;
    }
    optional {}
}

nas_message! {
    /// PDN Connectivity Reject (TS 24.301 8.3.19).
    PdnConnectivityReject = 0xD1, "PDN Connectivity Reject";
    mandatory {
        v "ESM cause" esm_cause: EsmCause;
    }
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Back-off timer value" 0x37 tlv;
        "Re-attempt indicator" 0x6B tlv;
        "NBIFOM container" 0x33 tlv;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// PDN Connectivity Request (TS 24.301 8.3.20).
    PdnConnectivityRequest = 0xD0, "PDN Connectivity Request";
    mandatory {
        lo "Request type" request_type: RequestType;
        hi "PDN type" pdn_type: PdnType;
    }
    optional {
        "ESM information transfer flag" 0xD tv1 => esm_info_transfer_flag: EsmInfoTransferFlag;
        "Access point name" 0x28 tlv => apn: Apn;
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Device properties" 0xC tv1;
        "NBIFOM container" 0x33 tlv;
        "Header compression configuration" 0x66 tlv;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// PDN Disconnect Reject (TS 24.301 8.3.21).
    PdnDisconnectReject = 0xD3, "PDN Disconnect Reject";
    mandatory {
        v "ESM cause" esm_cause: EsmCause;
    }
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

nas_message! {
    /// PDN Disconnect Request (TS 24.301 8.3.22).
    PdnDisconnectRequest = 0xD2, "PDN Disconnect Request";
    mandatory {
        lo1 "Linked EPS bearer identity" linked_ebi: u8;
    }
    optional {
        "Protocol configuration options" 0x27 tlv => pco: Pco;
        "Extended protocol configuration options" 0x7B tlve => epco: Pco;
    }
}

message_enum! {
    /// The body of a plain ESM message, TS 24.301 8.3.
    #[allow(clippy::large_enum_variant)] // short-lived values, moved once per PDU
    EsmBody {
        ActivateDefaultEpsBearerContextAccept,
        ActivateDefaultEpsBearerContextReject,
        ActivateDefaultEpsBearerContextRequest,
        DeactivateEpsBearerContextAccept,
        DeactivateEpsBearerContextRequest,
        EsmInformationRequest,
        EsmInformationResponse,
        EsmStatus,
        PdnConnectivityReject,
        PdnConnectivityRequest,
        PdnDisconnectReject,
        PdnDisconnectRequest,
    }
}

/// A plain ESM message (TS 24.301 8.3, header 9.3.2 / 9.4): EPS bearer
/// identity, procedure transaction identity and the message body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EsmMessage {
    /// EPS bearer identity (0 = none assigned, 5..=15 in use).
    pub ebi: u8,
    /// Procedure transaction identity (0 = none, 1..=254).
    pub pti: u8,
    /// The message.
    pub body: EsmBody,
}

/// ESM protocol discriminator (TS 24.007 11.2.3.1.1).
pub const PD_ESM: u8 = 0x02;

impl EsmMessage {
    /// A message with the given EBI and PTI.
    pub fn new(ebi: u8, pti: u8, body: impl Into<EsmBody>) -> Self {
        Self {
            ebi,
            pti,
            body: body.into(),
        }
    }

    /// Message type octet.
    pub fn message_type(&self) -> u8 {
        self.body.message_type()
    }

    /// Message name, e.g. "PDN Connectivity Request".
    pub fn name(&self) -> &'static str {
        self.body.name()
    }

    /// Decodes a whole plain ESM message.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_traced(&mut Reader::new(ie::PROTO, bytes), &mut Trace::off())
    }

    pub(crate) fn decode_traced(r: &mut Reader<'_>, t: &mut Trace) -> Result<Self, DecodeError> {
        let at = r.offset();
        let first = r.u8()?;
        if first & 0x0F != PD_ESM {
            return Err(r.error(format!(
                "protocol discriminator {} is not ESM",
                first & 0x0F
            )));
        }
        let ebi = first >> 4;
        t.add(|| Field::new("EPS bearer identity", ebi).at(at, at + 1));
        t.add(|| Field::new("Protocol discriminator", "EPS session management (2)").at(at, at + 1));
        let pti = r.u8()?;
        t.add(|| Field::new("Procedure transaction identity", pti).at(at + 1, at + 2));
        let mtype = r.u8()?;
        let name = EsmBody::name_for_type(mtype).unwrap_or("Unknown ESM message");
        t.add(|| message_type_field(mtype, name, at + 2));
        let body = match EsmBody::decode_known(mtype, r, t) {
            Some(res) => res?,
            None => EsmBody::Unknown(UnknownMessage {
                message_type: mtype,
                body: r.rest().to_vec(),
            }),
        };
        Ok(Self { ebi, pti, body })
    }

    /// Encodes the whole plain message.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }

    /// Appends the whole plain message to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.push((self.ebi << 4) | PD_ESM);
        out.push(self.pti);
        out.push(self.body.message_type());
        self.body.encode_body(out);
    }

    /// The PCO (or, failing that, the ePCO) the message carries.
    pub fn pco(&self) -> Option<&Pco> {
        let (pco, epco) = match &self.body {
            EsmBody::ActivateDefaultEpsBearerContextAccept(m) => (&m.pco, &m.epco),
            EsmBody::ActivateDefaultEpsBearerContextReject(m) => (&m.pco, &m.epco),
            EsmBody::ActivateDefaultEpsBearerContextRequest(m) => (&m.pco, &m.epco),
            EsmBody::DeactivateEpsBearerContextAccept(m) => (&m.pco, &m.epco),
            EsmBody::DeactivateEpsBearerContextRequest(m) => (&m.pco, &m.epco),
            EsmBody::EsmInformationResponse(m) => (&m.pco, &m.epco),
            EsmBody::PdnConnectivityReject(m) => (&m.pco, &m.epco),
            EsmBody::PdnConnectivityRequest(m) => (&m.pco, &m.epco),
            EsmBody::PdnDisconnectReject(m) => (&m.pco, &m.epco),
            EsmBody::PdnDisconnectRequest(m) => (&m.pco, &m.epco),
            _ => return None,
        };
        pco.as_ref().or(epco.as_ref())
    }

    /// The APN the message names, if any.
    pub fn apn(&self) -> Option<&Apn> {
        match &self.body {
            EsmBody::ActivateDefaultEpsBearerContextRequest(m) => Some(&m.apn),
            EsmBody::PdnConnectivityRequest(m) => m.apn.as_ref(),
            EsmBody::EsmInformationResponse(m) => m.apn.as_ref(),
            _ => None,
        }
    }

    /// The most telling values for a ladder line.
    pub fn detail(&self) -> String {
        let mut s = format!("EBI {}, PTI {}", self.ebi, self.pti);
        let extra = match &self.body {
            EsmBody::PdnConnectivityRequest(m) => Some(format!(
                "{}{}",
                m.pdn_type.text(),
                m.apn
                    .as_ref()
                    .map(|a| format!(", APN {a}"))
                    .unwrap_or_default()
            )),
            EsmBody::ActivateDefaultEpsBearerContextRequest(m) => Some(format!(
                "APN {}, QCI {}, {}",
                m.apn,
                m.eps_qos.qci,
                m.pdn_address.describe()
            )),
            EsmBody::PdnConnectivityReject(m) => Some(m.esm_cause.to_string()),
            EsmBody::ActivateDefaultEpsBearerContextReject(m) => Some(m.esm_cause.to_string()),
            EsmBody::DeactivateEpsBearerContextRequest(m) => Some(m.esm_cause.to_string()),
            EsmBody::PdnDisconnectReject(m) => Some(m.esm_cause.to_string()),
            EsmBody::EsmStatus(m) => Some(m.esm_cause.to_string()),
            EsmBody::PdnDisconnectRequest(m) => Some(format!("linked EBI {}", m.linked_ebi)),
            EsmBody::Unknown(u) => Some(format!("type 0x{:02x}", u.message_type)),
            _ => None,
        };
        if let Some(e) = extra {
            s.push_str(", ");
            s.push_str(&e);
        }
        s
    }
}

pub(crate) fn message_type_field(mtype: u8, name: &str, at: usize) -> Field {
    Field::new("Message type", format!("{name} (0x{mtype:02x})")).at(at, at + 1)
}

/// The ESM message container value (TS 24.301 9.9.3.15) is a whole ESM
/// message.
impl IeValue for EsmMessage {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Self::decode_traced(r, &mut Trace::off())
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        self.encode_into(out);
    }
    fn describe(&self) -> String {
        format!("{} ({})", self.name(), self.detail())
    }
    fn children(&self, start: usize) -> Vec<Field> {
        // Encoding is exact, so the spans of a fresh decode of our own bytes
        // are those of the received ones, shifted to where the value sits.
        let bytes = self.encode();
        let mut t = Trace::on();
        match Self::decode_traced(&mut Reader::new(ie::PROTO, &bytes), &mut t) {
            Ok(_) => t.take().into_iter().map(|f| shift(f, start)).collect(),
            Err(_) => vec![Field::new("ESM message", hex(&bytes))],
        }
    }
}

/// Moves every span of `f` (and its children) by `by` octets.
pub(crate) fn shift(mut f: Field, by: usize) -> Field {
    f.span = f.span.map(|(s, e)| (s + by, e + by));
    f.children = f.children.into_iter().map(|c| shift(c, by)).collect();
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esm_header_packs_ebi_pd_pti_type() {
        let m = EsmMessage::new(
            6,
            2,
            EsmStatus {
                esm_cause: EsmCause::InvalidEpsBearerIdentity,
                other_ies: vec![],
            },
        );
        assert_eq!(m.encode(), [0x62, 0x02, 0xE8, 43]);
        assert_eq!(EsmMessage::decode(&m.encode()).unwrap(), m);
        assert!(EsmMessage::decode(&[0x67, 0x02, 0xE8, 43]).is_err());
    }

    #[test]
    fn esm_container_children_are_shifted_to_the_container() {
        let m = EsmMessage::new(5, 1, EsmInformationRequest { other_ies: vec![] });
        let f = m.children(10);
        assert_eq!(f[0].span, Some((10, 11)));
        assert_eq!(f[3].value, "ESM Information Request (0xd9)");
        assert_eq!(f[3].span, Some((12, 13)));
    }
}
