//! EPS mobility management messages (TS 24.301 8.2), declared once each in
//! spec clause order. The SERVICE REQUEST, which has its own header, lives in
//! [`super::security`].

use super::esm::EsmMessage;
use super::ie::{
    Autn, Auts, DetachType, EmmCause, EpsAttachResult, EpsAttachType, EpsBearerContextStatus,
    EpsMobileIdentity, EpsUpdateResult, EpsUpdateType, GprsTimer, Guti, GutiType, IdentityType2,
    ImeisvRequest, MobileIdentity, NasKsi, NasSecurityAlgorithms, NetworkDetachType, NetworkName,
    Octets, PlmnList, Rand, Res, Tai, TaiList, UeNetworkCapability, UeSecurityCapability,
};
use crate::codec::{DecodeError, Reader};

nas_message! {
    /// Attach Accept (TS 24.301 8.2.1).
    AttachAccept = 0x42, "Attach Accept";
    mandatory {
        lo1 "EPS attach result" eps_attach_result: EpsAttachResult;
        v "T3412 value" t3412: GprsTimer;
        lv "TAI list" tai_list: TaiList;
        lve "ESM message container" esm_message_container: EsmMessage;
    }
    optional {
        "GUTI" 0x50 tlv => guti: Guti;
        "Location area identification" 0x13 tv(5);
        "MS identity" 0x23 tlv => ms_identity: MobileIdentity;
        "EMM cause" 0x53 tv(1) => emm_cause: EmmCause;
        "T3402 value" 0x17 tv(1) => t3402: GprsTimer;
        "T3423 value" 0x59 tv(1) => t3423: GprsTimer;
        "Equivalent PLMNs" 0x4A tlv => equivalent_plmns: PlmnList;
        "Emergency number list" 0x34 tlv;
        "EPS network feature support" 0x64 tlv => eps_network_feature_support: Octets;
        "Additional update result" 0xF tv1;
        "T3412 extended value" 0x5E tlv;
        "T3324 value" 0x6A tlv;
        "Extended DRX parameters" 0x6E tlv;
        "DCN-ID" 0x65 tlv;
        "SMS services status" 0xE tv1;
        "Non-3GPP NW provided policies" 0xD tv1;
        "T3448 value" 0x6B tlv;
        "Network policy" 0xC tv1;
        "T3447 value" 0x6C tlv;
        "Extended emergency number list" 0x7A tlve;
        "Ciphering key data" 0x7C tlve;
        "UE radio capability ID" 0x66 tlv;
        "UE radio capability ID deletion indication" 0xB tv1;
        "Negotiated WUS assistance information" 0x35 tlv;
        "Negotiated DRX parameter in NB-S1 mode" 0x36 tlv;
        "Negotiated IMSI offset" 0x38 tlv;
    }
}

nas_message! {
    /// Attach Complete (TS 24.301 8.2.2).
    AttachComplete = 0x43, "Attach Complete";
    mandatory {
        lve "ESM message container" esm_message_container: EsmMessage;
    }
    optional {}
}

nas_message! {
    /// Attach Reject (TS 24.301 8.2.3).
    AttachReject = 0x44, "Attach Reject";
    mandatory {
        v "EMM cause" emm_cause: EmmCause;
    }
    optional {
        "ESM message container" 0x78 tlve => esm_message_container: EsmMessage;
        "T3346 value" 0x5F tlv => t3346: GprsTimer;
        "T3402 value" 0x16 tlv => t3402: GprsTimer;
        "Extended EMM cause" 0xA tv1;
    }
}

nas_message! {
    /// Attach Request (TS 24.301 8.2.4).
    AttachRequest = 0x41, "Attach Request";
    mandatory {
        lo "EPS attach type" eps_attach_type: EpsAttachType;
        hi "NAS key set identifier" nas_ksi: NasKsi;
        lv "EPS mobile identity" eps_mobile_identity: EpsMobileIdentity;
        lv "UE network capability" ue_network_capability: UeNetworkCapability;
        lve "ESM message container" esm_message_container: EsmMessage;
    }
    optional {
        "Old P-TMSI signature" 0x19 tv(3);
        "Additional GUTI" 0x50 tlv => additional_guti: EpsMobileIdentity;
        "Last visited registered TAI" 0x52 tv(5) => last_visited_tai: Tai;
        "DRX parameter" 0x5C tv(2);
        "MS network capability" 0x31 tlv;
        "Old location area identification" 0x13 tv(5);
        "TMSI status" 0x9 tv1;
        "Mobile station classmark 2" 0x11 tlv;
        "Mobile station classmark 3" 0x20 tlv;
        "Supported Codecs" 0x40 tlv;
        "Additional update type" 0xF tv1;
        "Voice domain preference and UE's usage setting" 0x5D tlv => voice_domain_preference: Octets;
        "Device properties" 0xD tv1;
        "Old GUTI type" 0xE tv1 => old_guti_type: GutiType;
        "MS network feature support" 0xC tv1;
        "TMSI based NRI container" 0x10 tlv;
        "T3324 value" 0x6A tlv;
        "T3412 extended value" 0x5E tlv;
        "Extended DRX parameters" 0x6E tlv;
        "UE additional security capability" 0x6F tlv;
        "UE status" 0x6D tlv;
        "Additional information requested" 0x17 tv(1);
        "N1 UE network capability" 0x32 tlv;
        "Requested WUS assistance information" 0x35 tlv;
        "DRX parameter in NB-S1 mode" 0x36 tlv;
        "Requested IMSI offset" 0x38 tlv;
    }
}

nas_message! {
    /// Authentication Failure (TS 24.301 8.2.5).
    AuthenticationFailure = 0x5C, "Authentication Failure";
    mandatory {
        v "EMM cause" emm_cause: EmmCause;
    }
    optional {
        "Authentication failure parameter" 0x30 tlv => auts: Auts;
    }
}

nas_message! {
    /// Authentication Reject (TS 24.301 8.2.6).
    AuthenticationReject = 0x54, "Authentication Reject";
    mandatory {}
    optional {}
}

nas_message! {
    /// Authentication Request (TS 24.301 8.2.7).
    AuthenticationRequest = 0x52, "Authentication Request";
    mandatory {
        lo1 "NAS key set identifier ASME" nas_ksi: NasKsi;
        v "Authentication parameter RAND" rand: Rand;
        lv "Authentication parameter AUTN" autn: Autn;
    }
    optional {}
}

nas_message! {
    /// Authentication Response (TS 24.301 8.2.8).
    AuthenticationResponse = 0x53, "Authentication Response";
    mandatory {
        lv "Authentication response parameter" res: Res;
    }
    optional {}
}

nas_message! {
    /// Detach Accept (TS 24.301 8.2.10.1 and 8.2.10.2: same format both ways).
    DetachAccept = 0x46, "Detach Accept";
    mandatory {}
    optional {}
}

nas_message! {
    /// Detach Request, UE originating detach (TS 24.301 8.2.11.1).
    DetachRequestUeOriginating = 0x45, "Detach Request";
    mandatory {
        lo "Detach type" detach_type: DetachType;
        hi "NAS key set identifier" nas_ksi: NasKsi;
        lv "EPS mobile identity" eps_mobile_identity: EpsMobileIdentity;
    }
    optional {}
}

nas_message! {
    /// Detach Request, UE terminated detach (TS 24.301 8.2.11.2).
    DetachRequestUeTerminated = 0x45, "Detach Request";
    mandatory {
        lo1 "Detach type" detach_type: NetworkDetachType;
    }
    optional {
        "EMM cause" 0x53 tv(1) => emm_cause: EmmCause;
    }
}

nas_message! {
    /// EMM Information (TS 24.301 8.2.13).
    EmmInformation = 0x61, "EMM Information";
    mandatory {}
    optional {
        "Full name for network" 0x43 tlv => full_name: NetworkName;
        "Short name for network" 0x45 tlv => short_name: NetworkName;
        "Local time zone" 0x46 tv(1);
        "Universal time and local time zone" 0x47 tv(7);
        "Network daylight saving time" 0x49 tlv;
    }
}

nas_message! {
    /// EMM Status (TS 24.301 8.2.14).
    EmmStatus = 0x60, "EMM Status";
    mandatory {
        v "EMM cause" emm_cause: EmmCause;
    }
    optional {}
}

nas_message! {
    /// Identity Request (TS 24.301 8.2.18).
    IdentityRequest = 0x55, "Identity Request";
    mandatory {
        lo1 "Identity type" identity_type: IdentityType2;
    }
    optional {}
}

nas_message! {
    /// Identity Response (TS 24.301 8.2.19).
    IdentityResponse = 0x56, "Identity Response";
    mandatory {
        lv "Mobile identity" mobile_identity: MobileIdentity;
    }
    optional {}
}

nas_message! {
    /// Security Mode Command (TS 24.301 8.2.20).
    SecurityModeCommand = 0x5D, "Security Mode Command";
    mandatory {
        v "Selected NAS security algorithms" selected_algorithms: NasSecurityAlgorithms;
        lo1 "NAS key set identifier" nas_ksi: NasKsi;
        lv "Replayed UE security capabilities" replayed_ue_security_capabilities: UeSecurityCapability;
    }
    optional {
        "IMEISV request" 0xC tv1 => imeisv_request: ImeisvRequest;
        "Replayed nonceUE" 0x55 tv(4);
        "NonceMME" 0x56 tv(4);
        "HashMME" 0x4F tlv;
        "Replayed UE additional security capability" 0x6F tlv;
        "UE radio capability ID request" 0xD tv1;
    }
}

nas_message! {
    /// Security Mode Complete (TS 24.301 8.2.21).
    SecurityModeComplete = 0x5E, "Security Mode Complete";
    mandatory {}
    optional {
        "IMEISV" 0x23 tlv => imeisv: MobileIdentity;
        "Replayed NAS message container" 0x79 tlve;
        "UE radio capability ID" 0x66 tlv;
    }
}

nas_message! {
    /// Security Mode Reject (TS 24.301 8.2.22).
    SecurityModeReject = 0x5F, "Security Mode Reject";
    mandatory {
        v "EMM cause" emm_cause: EmmCause;
    }
    optional {}
}

nas_message! {
    /// Tracking Area Update Accept (TS 24.301 8.2.26).
    TrackingAreaUpdateAccept = 0x49, "Tracking Area Update Accept";
    mandatory {
        lo1 "EPS update result" eps_update_result: EpsUpdateResult;
    }
    optional {
        "T3412 value" 0x5A tv(1) => t3412: GprsTimer;
        "GUTI" 0x50 tlv => guti: Guti;
        "TAI list" 0x54 tlv => tai_list: TaiList;
        "EPS bearer context status" 0x57 tlv => eps_bearer_context_status: EpsBearerContextStatus;
        "Location area identification" 0x13 tv(5);
        "MS identity" 0x23 tlv => ms_identity: MobileIdentity;
        "EMM cause" 0x53 tv(1) => emm_cause: EmmCause;
        "T3402 value" 0x17 tv(1) => t3402: GprsTimer;
        "T3423 value" 0x59 tv(1) => t3423: GprsTimer;
        "Equivalent PLMNs" 0x4A tlv => equivalent_plmns: PlmnList;
        "Emergency number list" 0x34 tlv;
        "EPS network feature support" 0x64 tlv => eps_network_feature_support: Octets;
        "Additional update result" 0xF tv1;
        "T3412 extended value" 0x5E tlv;
        "T3324 value" 0x6A tlv;
        "Extended DRX parameters" 0x6E tlv;
        "Header compression configuration status" 0x68 tlv;
        "DCN-ID" 0x65 tlv;
        "SMS services status" 0xE tv1;
        "Non-3GPP NW provided policies" 0xD tv1;
        "T3448 value" 0x6B tlv;
        "Network policy" 0xC tv1;
        "T3447 value" 0x6C tlv;
        "Extended emergency number list" 0x7A tlve;
        "Ciphering key data" 0x7C tlve;
        "UE radio capability ID" 0x66 tlv;
        "UE radio capability ID deletion indication" 0xB tv1;
        "Negotiated WUS assistance information" 0x35 tlv;
        "Negotiated DRX parameter in NB-S1 mode" 0x36 tlv;
        "Negotiated IMSI offset" 0x38 tlv;
    }
}

nas_message! {
    /// Tracking Area Update Complete (TS 24.301 8.2.27).
    TrackingAreaUpdateComplete = 0x4A, "Tracking Area Update Complete";
    mandatory {}
    optional {}
}

nas_message! {
    /// Tracking Area Update Reject (TS 24.301 8.2.28).
    TrackingAreaUpdateReject = 0x4B, "Tracking Area Update Reject";
    mandatory {
        v "EMM cause" emm_cause: EmmCause;
    }
    optional {
        "T3346 value" 0x5F tlv => t3346: GprsTimer;
        "Extended EMM cause" 0xA tv1;
    }
}

nas_message! {
    /// Tracking Area Update Request (TS 24.301 8.2.29).
    TrackingAreaUpdateRequest = 0x48, "Tracking Area Update Request";
    mandatory {
        lo "EPS update type" eps_update_type: EpsUpdateType;
        hi "NAS key set identifier" nas_ksi: NasKsi;
        lv "Old GUTI" old_guti: EpsMobileIdentity;
    }
    optional {
        "Non-current native NAS key set identifier" 0xB tv1 => non_current_native_ksi: NasKsi;
        "GPRS ciphering key sequence number" 0x8 tv1;
        "Old P-TMSI signature" 0x19 tv(3);
        "Additional GUTI" 0x50 tlv => additional_guti: EpsMobileIdentity;
        "NonceUE" 0x55 tv(4);
        "UE network capability" 0x58 tlv => ue_network_capability: UeNetworkCapability;
        "Last visited registered TAI" 0x52 tv(5) => last_visited_tai: Tai;
        "DRX parameter" 0x5C tv(2);
        "UE radio capability information update needed" 0xA tv1;
        "EPS bearer context status" 0x57 tlv => eps_bearer_context_status: EpsBearerContextStatus;
        "MS network capability" 0x31 tlv;
        "Old location area identification" 0x13 tv(5);
        "TMSI status" 0x9 tv1;
        "Mobile station classmark 2" 0x11 tlv;
        "Mobile station classmark 3" 0x20 tlv;
        "Supported Codecs" 0x40 tlv;
        "Additional update type" 0xF tv1;
        "Voice domain preference and UE's usage setting" 0x5D tlv => voice_domain_preference: Octets;
        "Old GUTI type" 0xE tv1 => old_guti_type: GutiType;
        "Device properties" 0xD tv1;
        "MS network feature support" 0xC tv1;
        "TMSI based NRI container" 0x10 tlv;
        "T3324 value" 0x6A tlv;
        "T3412 extended value" 0x5E tlv;
        "Extended DRX parameters" 0x6E tlv;
        "UE additional security capability" 0x6F tlv;
        "UE status" 0x6D tlv;
        "Additional information requested" 0x17 tv(1);
        "N1 UE network capability" 0x32 tlv;
        "Requested WUS assistance information" 0x35 tlv;
        "DRX parameter in NB-S1 mode" 0x36 tlv;
        "Requested IMSI offset" 0x38 tlv;
    }
}

message_enum! {
    /// A plain EMM message (security header type 0), TS 24.301 8.2.
    #[allow(clippy::large_enum_variant)] // short-lived values, moved once per PDU
    EmmMessage {
        AttachAccept,
        AttachComplete,
        AttachReject,
        AttachRequest,
        AuthenticationFailure,
        AuthenticationReject,
        AuthenticationRequest,
        AuthenticationResponse,
        DetachAccept,
        DetachRequestUeOriginating,
        DetachRequestUeTerminated,
        EmmInformation,
        EmmStatus,
        IdentityRequest,
        IdentityResponse,
        SecurityModeCommand,
        SecurityModeComplete,
        SecurityModeReject,
        TrackingAreaUpdateAccept,
        TrackingAreaUpdateComplete,
        TrackingAreaUpdateReject,
        TrackingAreaUpdateRequest,
    }
}

/// Which way a message travels; only needed where one message type has two
/// formats (Detach Request, TS 24.301 8.2.11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// UE to network.
    Uplink,
    /// Network to UE.
    Downlink,
}

/// Guesses the direction of a Detach Request from its body (after the
/// message type): the network's form is one octet, optionally followed by an
/// EMM cause TV (0x53); the UE's form always has an EPS mobile identity LV.
fn detach_request_direction(body: &[u8]) -> Direction {
    match body {
        [_] | [_, 0x53, _] => Direction::Downlink,
        _ => Direction::Uplink,
    }
}

impl EmmMessage {
    /// Decodes a plain EMM message body after the message type octet.
    pub(crate) fn decode_body(
        mtype: u8,
        r: &mut Reader<'_>,
        dir: Option<Direction>,
        t: &mut super::ie::Trace,
    ) -> Result<Self, DecodeError> {
        if mtype == DetachRequestUeOriginating::MESSAGE_TYPE {
            let dir = dir.unwrap_or_else(|| detach_request_direction(r.clone().rest()));
            return match dir {
                Direction::Uplink => DetachRequestUeOriginating::decode_body(r, t).map(Self::from),
                Direction::Downlink => DetachRequestUeTerminated::decode_body(r, t).map(Self::from),
            };
        }
        match Self::decode_known(mtype, r, t) {
            Some(res) => res,
            None => Ok(Self::Unknown(super::ie::UnknownMessage {
                message_type: mtype,
                body: r.rest().to_vec(),
            })),
        }
    }

    /// Encodes the whole plain message (header octet, type, body).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.push(0x07);
        out.push(self.message_type());
        self.encode_body(out);
    }

    /// The ESM message this EMM message carries, if any.
    pub fn esm_container(&self) -> Option<&EsmMessage> {
        match self {
            Self::AttachAccept(m) => Some(&m.esm_message_container),
            Self::AttachComplete(m) => Some(&m.esm_message_container),
            Self::AttachRequest(m) => Some(&m.esm_message_container),
            Self::AttachReject(m) => m.esm_message_container.as_ref(),
            _ => None,
        }
    }

    /// The most telling values for a ladder line, if any.
    pub fn detail(&self) -> Option<String> {
        Some(match self {
            Self::AttachRequest(m) => {
                format!("{}, {}", m.eps_mobile_identity, m.eps_attach_type.text())
            }
            Self::AttachAccept(m) => match &m.guti {
                Some(g) => format!(
                    "{}, GUTI M-TMSI 0x{:08x}",
                    m.eps_attach_result.text(),
                    g.m_tmsi
                ),
                None => m.eps_attach_result.text().to_owned(),
            },
            Self::AttachReject(m) => m.emm_cause.to_string(),
            Self::AuthenticationRequest(m) => format!("KSI {}", m.nas_ksi.value),
            Self::AuthenticationFailure(m) => m.emm_cause.to_string(),
            Self::SecurityModeCommand(m) => format!(
                "{}, {}",
                m.selected_algorithms.ciphering, m.selected_algorithms.integrity
            ),
            Self::SecurityModeReject(m) => m.emm_cause.to_string(),
            Self::EmmStatus(m) => m.emm_cause.to_string(),
            Self::IdentityRequest(m) => m.identity_type.text().to_owned(),
            Self::IdentityResponse(m) => m.mobile_identity.to_string(),
            Self::DetachRequestUeOriginating(m) => {
                format!("{}, {}", m.detach_type.kind.text(), m.eps_mobile_identity)
            }
            Self::DetachRequestUeTerminated(m) => m.detach_type.text().to_owned(),
            Self::TrackingAreaUpdateRequest(m) => m.eps_update_type.value.text().to_owned(),
            Self::TrackingAreaUpdateAccept(m) => m.eps_update_result.text().to_owned(),
            Self::TrackingAreaUpdateReject(m) => m.emm_cause.to_string(),
            Self::Unknown(u) => format!("type 0x{:02x}", u.message_type),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_request_direction_follows_body_shape() {
        assert_eq!(detach_request_direction(&[0x02]), Direction::Downlink);
        assert_eq!(
            detach_request_direction(&[0x02, 0x53, 0x11]),
            Direction::Downlink
        );
        assert_eq!(
            detach_request_direction(&[0x01, 0x0B, 0xF6, 0, 0xF1, 0x10]),
            Direction::Uplink
        );
    }

    #[test]
    fn attach_reject_encodes_cause_only() {
        let m = EmmMessage::AttachReject(AttachReject {
            emm_cause: EmmCause::NoSuitableCellsInTa,
            esm_message_container: None,
            t3346: None,
            t3402: None,
            other_ies: vec![],
        });
        let mut out = Vec::new();
        m.encode_into(&mut out);
        assert_eq!(out, [0x07, 0x44, 0x0F]);
        assert_eq!(
            m.detail().unwrap(),
            "No Suitable Cells In tracking area (15)"
        );
    }
}
