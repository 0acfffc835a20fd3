//! S1AP codec: the reference encodings of flow-refs.json, hand-built APER
//! bytes for what real eNBs send and hampi 0.7.2 mishandles, round trips of
//! every message volte-sim builds, and decoders fed arbitrary bytes.

mod common;

use common::{flow_bytes, flow_refs_of, hex_bytes, mutate, mutations};
use proptest::prelude::*;
use std::net::Ipv4Addr;
use volte_sim::codec::plmn::Plmn;
use volte_sim::codec::s1ap::*;

fn plmn() -> Plmn {
    Plmn::new("001", "01").unwrap()
}

fn decode(name: &str) -> S1apMessage {
    S1apMessage::decode(&flow_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn s1ap_reference_encodings_reencode_byte_for_byte() {
    let refs = flow_refs_of("s1ap");
    assert_eq!(refs.len(), 14);
    for r in refs {
        let name = r["name"].as_str().unwrap();
        let bytes = hex_bytes(r["hex"].as_str().unwrap());
        let msg = S1apMessage::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !matches!(msg, S1apMessage::Other(_)),
            "{name} decoded as Other"
        );
        assert_eq!(
            msg.encode().unwrap(),
            bytes,
            "{name} re-encodes differently"
        );
        let pdu = decode_pdu(&bytes).unwrap();
        assert_eq!(
            encode_pdu(&pdu).unwrap(),
            bytes,
            "{name} raw PDU round trip"
        );
        let code = r["expect"]["procedureCode"].as_u64().unwrap();
        let text = tree(&bytes).unwrap().render();
        assert!(
            text.contains(&format!("procedureCode: {code}")),
            "{name}: {text}"
        );
    }
}

#[test]
fn s1ap_s1_setup_request_reference_fields() {
    let S1apMessage::S1SetupRequest(m) = decode("s1ap_s1_setup_request") else {
        panic!("not an S1 Setup Request")
    };
    assert_eq!(m.global_enb_id.plmn, plmn());
    assert_eq!(m.global_enb_id.enb_id, EnbId::Macro(411));
    assert_eq!(m.enb_name.as_deref(), Some("enb-19b"));
    assert_eq!(m.supported_tas.len(), 1);
    assert_eq!(m.supported_tas[0].tac, 1);
    assert_eq!(m.supported_tas[0].plmns, vec![plmn()]);
    assert_eq!(m.default_paging_drx, 1, "v64");
}

#[test]
fn s1ap_s1_setup_response_and_failure_reference_fields() {
    let S1apMessage::S1SetupResponse(m) = decode("s1ap_s1_setup_response") else {
        panic!("not an S1 Setup Response")
    };
    assert_eq!(m.mme_name.as_deref(), Some("mme01"));
    assert_eq!(m.served_gummeis[0].plmns, vec![plmn()]);
    assert_eq!(m.served_gummeis[0].group_ids, vec![1]);
    assert_eq!(m.served_gummeis[0].codes, vec![1]);
    assert_eq!(m.relative_capacity, 255);

    let S1apMessage::S1SetupFailure(f) = decode("s1ap_s1_setup_failure") else {
        panic!("not an S1 Setup Failure")
    };
    assert_eq!(f.cause, Cause::MISC_UNKNOWN_PLMN);
    assert_eq!(f.cause.name(), "misc/unknown-PLMN");
    assert_eq!(f.time_to_wait, Some(3), "v10s");
}

#[test]
fn s1ap_initial_ue_message_reference_fields() {
    let msg = decode("s1ap_initial_ue_attach_request");
    let S1apMessage::InitialUeMessage(m) = &msg else {
        panic!("not an Initial UE Message")
    };
    assert_eq!(m.enb_ue_id, EnbUeS1apId(1));
    assert_eq!(
        m.tai,
        Tai {
            plmn: plmn(),
            tac: 1
        }
    );
    assert_eq!(m.ecgi.cell_id, 105_217);
    assert_eq!(m.rrc_cause, asn::RRC_Establishment_Cause::MO_SIGNALLING);
    assert_eq!(m.nas_pdu[..2], [0x07, 0x41], "plain EMM Attach Request");
    assert_eq!(msg.nas_pdu(), Some(&m.nas_pdu[..]));
    assert_eq!(
        msg.summary(),
        "InitialUEMessage eNB-UE=1 TAI=001-01/1 cause=mo-Signalling"
    );
}

#[test]
fn s1ap_nas_transports_reference_fields() {
    let S1apMessage::DownlinkNasTransport(d) = decode("s1ap_dl_nas_auth_request") else {
        panic!("not a Downlink NAS Transport")
    };
    assert_eq!((d.mme_ue_id, d.enb_ue_id), (MmeUeS1apId(1), EnbUeS1apId(1)));
    assert_eq!(d.nas_pdu[1], 0x52, "Authentication Request");
    let S1apMessage::UplinkNasTransport(u) = decode("s1ap_ul_nas_auth_response") else {
        panic!("not an Uplink NAS Transport")
    };
    assert_eq!(u.nas_pdu[1], 0x53, "Authentication Response");
    assert_eq!(u.tai.tac, 1);
    assert_eq!(u.ecgi.cell_id, 0x19B01);
}

#[test]
fn s1ap_initial_context_setup_reference_fields() {
    let S1apMessage::InitialContextSetupRequest(m) = decode("s1ap_initial_context_setup_request")
    else {
        panic!("not an Initial Context Setup Request")
    };
    assert_eq!(
        m.ue_ambr,
        Ambr {
            dl: 1_000_000_000,
            ul: 500_000_000
        }
    );
    assert_eq!(m.erabs.len(), 1);
    let e = &m.erabs[0];
    assert_eq!((e.erab_id, e.qos.qci, e.teid), (5, 9, 0x1001));
    assert_eq!(e.transport.ipv4, Some(Ipv4Addr::new(127, 0, 0, 3)));
    assert_eq!(
        e.nas_pdu.as_ref().unwrap()[0] & 0x0f,
        0x07,
        "EMM in a security header"
    );
    let key: Vec<u8> = (0u8..32).collect();
    assert_eq!(m.security_key.to_vec(), key);

    let S1apMessage::InitialContextSetupResponse(r) = decode("s1ap_initial_context_setup_response")
    else {
        panic!("not an Initial Context Setup Response")
    };
    assert_eq!(r.setup.len(), 1);
    assert_eq!((r.setup[0].erab_id, r.setup[0].teid), (5, 0x2001));
    assert_eq!(r.setup[0].transport.ipv4, Some(Ipv4Addr::new(127, 0, 0, 2)));
    assert!(r.failed.is_empty());
}

#[test]
fn s1ap_erab_setup_reference_fields() {
    let msg = decode("s1ap_erab_setup_request_ims");
    let S1apMessage::ErabSetupRequest(m) = &msg else {
        panic!("not an E-RAB Setup Request")
    };
    let e = &m.erabs[0];
    assert_eq!((e.erab_id, e.qos.qci, e.teid), (6, 5, 0x1002));
    assert_eq!(e.transport.ipv4, Some(Ipv4Addr::new(127, 0, 0, 3)));
    assert_eq!(
        msg.summary(),
        "E-RABSetupRequest MME-UE=1 eNB-UE=1 E-RAB=6 QCI=5"
    );
    let S1apMessage::ErabSetupResponse(r) = decode("s1ap_erab_setup_response_ims") else {
        panic!("not an E-RAB Setup Response")
    };
    assert_eq!((r.setup[0].erab_id, r.setup[0].teid), (6, 0x2002));
}

#[test]
fn s1ap_release_paging_and_error_reference_fields() {
    let S1apMessage::UeContextReleaseCommand(c) = decode("s1ap_ue_context_release_command") else {
        panic!("not a UE Context Release Command")
    };
    assert_eq!(c.ids, UeS1apIds::Pair(MmeUeS1apId(1), EnbUeS1apId(1)));
    assert_eq!(c.cause, Cause::NAS_NORMAL_RELEASE);
    let S1apMessage::UeContextReleaseComplete(r) = decode("s1ap_ue_context_release_complete")
    else {
        panic!("not a UE Context Release Complete")
    };
    assert_eq!((r.mme_ue_id, r.enb_ue_id), (MmeUeS1apId(1), EnbUeS1apId(1)));
    let S1apMessage::Paging(p) = decode("s1ap_paging") else {
        panic!("not a Paging")
    };
    assert_eq!(p.ue_identity_index, 1);
    assert_eq!(
        p.paging_id,
        PagingId::STmsi(STmsi {
            mme_code: 1,
            m_tmsi: 0xc000_0001
        })
    );
    assert!(!p.cs_domain);
    assert_eq!(
        p.tais,
        vec![Tai {
            plmn: plmn(),
            tac: 1
        }]
    );
    let S1apMessage::ErrorIndication(e) = decode("s1ap_error_indication") else {
        panic!("not an Error Indication")
    };
    assert_eq!(e.cause, Some(Cause::PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT));
    assert_eq!(e.mme_ue_id, Some(MmeUeS1apId(1)));
}

/// The reference Initial UE Message with one more IE appended: id 999
/// (unknown in Rel-14), one octet of value. The outer open-type length grows
/// by 5 (0x52 -> 0x57) and the IE count from 5 to 6.
fn initial_ue_with_unknown_ie(criticality: u8) -> Vec<u8> {
    let mut b = flow_bytes("s1ap_initial_ue_attach_request");
    assert_eq!(&b[3..7], &[0x52, 0x00, 0x00, 0x05]);
    b[3] = 0x57;
    b[6] = 0x06;
    b.extend([0x03, 0xe7, criticality << 6, 0x01, 0x00]);
    b
}

#[test]
fn s1ap_skips_unknown_ie_with_criticality_ignore() {
    let bytes = initial_ue_with_unknown_ie(1);
    let msg = S1apMessage::decode(&bytes).unwrap();
    let S1apMessage::InitialUeMessage(m) = &msg else {
        panic!("not an Initial UE Message")
    };
    assert_eq!(m.enb_ue_id, EnbUeS1apId(1));
    assert_eq!(m.tai.tac, 1);
    assert_eq!(m.rrc_cause, asn::RRC_Establishment_Cause::MO_SIGNALLING);
    // The raw PDU keeps the unknown IE, so relaying it loses nothing.
    let pdu = decode_pdu(&bytes).unwrap();
    assert_eq!(encode_pdu(&pdu).unwrap(), bytes);
    // The typed message re-encodes without it: the reference bytes.
    assert_eq!(
        msg.encode().unwrap(),
        flow_bytes("s1ap_initial_ue_attach_request")
    );
}

#[test]
fn s1ap_rejects_unknown_ie_with_criticality_reject() {
    let err = S1apMessage::decode(&initial_ue_with_unknown_ie(0)).unwrap_err();
    assert_eq!(
        err,
        S1apError::UnknownIe {
            message: "Initial UE Message",
            id: 999
        }
    );
    assert_eq!(err.cause(), Cause::PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT);
}

#[test]
fn s1ap_reports_unknown_procedure_code() {
    // initiatingMessage, procedure code 200, criticality reject, empty value.
    let bytes = [0x00, 200, 0x00, 0x01, 0x00];
    assert_eq!(
        S1apMessage::decode(&bytes).unwrap_err(),
        S1apError::UnknownProcedure {
            code: 200,
            criticality: 0
        }
    );
}

#[test]
fn s1ap_mo_voice_call_cause_round_trips() {
    // RRC-Establishment-Cause IE value 0x30 (root value 3, mo-Signalling)
    // replaced by 0x81: extension bit 1, normally-small index 1 = mo-VoiceCall.
    let mut bytes = flow_bytes("s1ap_initial_ue_attach_request");
    let last = bytes.len() - 1;
    assert_eq!(bytes[last], 0x30);
    bytes[last] = 0x81;
    let msg = S1apMessage::decode(&bytes).unwrap();
    let S1apMessage::InitialUeMessage(m) = &msg else {
        panic!("not an Initial UE Message")
    };
    assert_eq!(m.rrc_cause, asn::RRC_Establishment_Cause::MO_VOICE_CALL);
    assert_eq!(
        asn::RRC_Establishment_Cause(m.rrc_cause).name(),
        Some("mo-VoiceCall")
    );
    assert_eq!(msg.encode().unwrap(), bytes);
}

#[test]
fn s1ap_extension_cause_value_round_trips() {
    // Error Indication with Cause radioNetwork, first extension value of
    // CauseRadioNetwork (number 36 here): CHOICE ext bit 0, index 000, ENUM
    // ext bit 1, normally small 0 000000 -> 0x08 0x00.
    let bytes = hex_bytes("000f4009000001000240020800");
    let msg = S1apMessage::decode(&bytes).unwrap();
    let S1apMessage::ErrorIndication(e) = &msg else {
        panic!("not an Error Indication")
    };
    assert_eq!(e.cause, Some(Cause::RadioNetwork(36)));
    assert_eq!(
        e.cause.unwrap().name(),
        format!("radioNetwork/{}", asn::CauseRadioNetwork::NAMES[36])
    );
    assert_eq!(msg.encode().unwrap(), bytes);
}

/// The reference S1 Setup Request with its Global-ENB-ID (macro 0x19B, bytes
/// `00 00f110 00 019b0`) replaced by a long-macroENB-ID 0x0C0FFE: CHOICE ext
/// bit 1 + normally-small index 1 (0x81), open-type length 3, 21 bits + 3 pad.
#[test]
fn s1ap_long_macro_enb_id_decodes_and_reencodes() {
    let reference = flow_bytes("s1ap_s1_setup_request");
    let old_ie = hex_bytes("003b00080000f110000019b0");
    let pos = reference
        .windows(old_ie.len())
        .position(|w| w == old_ie)
        .unwrap();
    let v: u32 = 0x0C0FFE;
    let b = (v << 3).to_be_bytes();
    let mut new_ie = hex_bytes("003b00090000f11081");
    new_ie.extend([0x03, b[1], b[2], b[3]]);
    let mut bytes = reference[..pos].to_vec();
    bytes.extend(&new_ie);
    bytes.extend(&reference[pos + old_ie.len()..]);
    bytes[3] += 1; // outer open-type length grows by one octet
    let msg = S1apMessage::decode(&bytes).unwrap();
    let S1apMessage::S1SetupRequest(m) = &msg else {
        panic!("not an S1 Setup Request")
    };
    assert_eq!(m.global_enb_id.enb_id, EnbId::LongMacro(0x0C0FFE));
    assert_eq!(m.enb_name.as_deref(), Some("enb-19b"));
    assert_eq!(msg.encode().unwrap(), bytes);
}

#[test]
fn s1ap_ie_extensions_of_empty_sets_decode() {
    // TAI with an iE-Extensions container holding one extension (id 300,
    // ignore, one octet) that Rel-14 does not define for TAI: the TAI must
    // still decode, and the raw PDU must round-trip.
    let tai = asn::TAI {
        plm_nidentity: asn::TBCD_STRING(vec![0x00, 0xf1, 0x10]),
        tac: asn::TAC(vec![0, 7]),
        ie_extensions: Some(asn::TAIIE_Extensions(vec![asn::TAIIE_Extensions_Entry {
            id: asn::ProtocolExtensionID(300),
            criticality: asn::Criticality(1),
            extension_value: asn::TAIIE_Extensions_EntryExtensionValue::Unknown(
                asn::ext::UnknownValue(vec![0x42]),
            ),
        }])),
    };
    let S1apMessage::UplinkNasTransport(mut m) = decode("s1ap_ul_nas_auth_response") else {
        panic!("not an Uplink NAS Transport")
    };
    m.tai.tac = 7;
    let mut pdu = S1apMessage::UplinkNasTransport(m).to_pdu();
    if let asn::S1AP_PDU::InitiatingMessage(im) = &mut pdu
        && let asn::InitiatingMessageValue::Id_uplinkNASTransport(u) = &mut im.value
    {
        for ie in &mut u.protocol_i_es.0 {
            if let asn::UplinkNASTransportProtocolIEs_EntryValue::Id_TAI(t) = &mut ie.value {
                *t = tai.clone();
            }
        }
    }
    let bytes = encode_pdu(&pdu).unwrap();
    assert_eq!(decode_pdu(&bytes).unwrap(), pdu);
    let S1apMessage::UplinkNasTransport(back) = S1apMessage::decode(&bytes).unwrap() else {
        panic!()
    };
    assert_eq!(
        back.tai,
        Tai {
            plmn: plmn(),
            tac: 7
        }
    );
    assert_eq!(
        back.ecgi.cell_id, 0x19B01,
        "IEs after the extension still decode"
    );
}

#[test]
fn s1ap_nas_pdu_over_16k_is_fragmented() {
    let big: Vec<u8> = (0..40_000u32).map(|i| (i % 251) as u8).collect();
    let msg = S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
        mme_ue_id: MmeUeS1apId(7),
        enb_ue_id: EnbUeS1apId(9),
        nas_pdu: big.clone(),
    });
    let bytes = msg.encode().unwrap();
    // X.691 11.9.3.8: a 32K fragment (0xC2) of the NAS-PDU octets.
    let frag = bytes.windows(3).position(|w| w == [0xC2, 0x00, 0x01]);
    assert!(frag.is_some(), "no 32K fragment header");
    assert_eq!(S1apMessage::decode(&bytes).unwrap(), msg);
}

fn round_trip(msg: S1apMessage) {
    let bytes = msg
        .encode()
        .unwrap_or_else(|e| panic!("{}: {e}", msg.name()));
    let back = S1apMessage::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", msg.name()));
    assert_eq!(back, msg, "{}", msg.name());
    assert!(tree(&bytes).unwrap().render().contains(msg.name()));
}

fn erab(id: u8, nas: Option<Vec<u8>>) -> ErabToSetup {
    ErabToSetup {
        erab_id: id,
        qos: ErabQos {
            qci: 5,
            arp: Arp {
                priority_level: 1,
                may_pre_empt: false,
                pre_emptable: true,
            },
            gbr: Some(GbrQos {
                mbr_dl: 128_000,
                mbr_ul: 128_000,
                gbr_dl: 64_000,
                gbr_ul: 64_000,
            }),
        },
        transport: Ipv4Addr::new(10, 0, 0, 3).into(),
        teid: 0x1002,
        nas_pdu: nas,
    }
}

#[test]
fn s1ap_every_message_round_trips() {
    let m = MmeUeS1apId(0xdead_beef);
    let e = EnbUeS1apId(0x00ab_cdef);
    let tai = Tai {
        plmn: plmn(),
        tac: 0x1234,
    };
    let ecgi = Ecgi {
        plmn: plmn(),
        cell_id: 0x0abc_def1,
    };
    let setup = ErabSetupItem {
        erab_id: 6,
        transport: std::net::IpAddr::from([0xfd00, 0, 0, 0, 0, 0, 0, 1]).into(),
        teid: 0x2002,
    };
    let failed = ErabCause {
        erab_id: 7,
        cause: Cause::RADIO_NOT_SUPPORTED_QCI,
    };
    let msgs = vec![
        S1apMessage::S1SetupRequest(S1SetupRequest {
            global_enb_id: GlobalEnbId {
                plmn: plmn(),
                enb_id: EnbId::Home(0x0ab_cdef),
            },
            enb_name: None,
            supported_tas: vec![
                SupportedTa {
                    tac: 1,
                    plmns: vec![plmn()],
                },
                SupportedTa {
                    tac: 2,
                    plmns: vec![plmn(), Plmn::new("310", "410").unwrap()],
                },
            ],
            default_paging_drx: 3,
        }),
        S1apMessage::S1SetupResponse(S1SetupResponse {
            mme_name: None,
            served_gummeis: vec![ServedGummei {
                plmns: vec![plmn()],
                group_ids: vec![1, 2],
                codes: vec![1],
            }],
            relative_capacity: 10,
        }),
        S1apMessage::S1SetupFailure(S1SetupFailure {
            cause: Cause::MISC_UNKNOWN_PLMN,
            time_to_wait: None,
        }),
        S1apMessage::InitialUeMessage(InitialUeMessage {
            enb_ue_id: e,
            nas_pdu: vec![0x17, 0, 0, 0, 0, 1, 0x07, 0x48],
            tai,
            ecgi,
            rrc_cause: asn::RRC_Establishment_Cause::MO_VOICE_CALL,
            s_tmsi: Some(STmsi {
                mme_code: 1,
                m_tmsi: 0xc000_0001,
            }),
            gummei: Some(Gummei {
                plmn: plmn(),
                mme_group_id: 1,
                mme_code: 1,
            }),
        }),
        S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
            mme_ue_id: m,
            enb_ue_id: e,
            nas_pdu: vec![7, 0x55],
        }),
        S1apMessage::UplinkNasTransport(UplinkNasTransport {
            mme_ue_id: m,
            enb_ue_id: e,
            nas_pdu: vec![7, 0x56],
            ecgi,
            tai,
        }),
        S1apMessage::InitialContextSetupRequest(InitialContextSetupRequest {
            mme_ue_id: m,
            enb_ue_id: e,
            ue_ambr: Ambr {
                dl: 10_000_000_000,
                ul: 1,
            },
            erabs: vec![erab(5, None), erab(6, Some(vec![0x27, 1, 2]))],
            security_capabilities: UeSecurityCapabilities {
                eea: 0xe000,
                eia: 0xc000,
            },
            security_key: [0x5a; 32],
            ue_radio_capability: Some(vec![1, 2, 3]),
        }),
        S1apMessage::InitialContextSetupResponse(InitialContextSetupResponse {
            mme_ue_id: m,
            enb_ue_id: e,
            setup: vec![setup],
            failed: vec![failed],
        }),
        S1apMessage::InitialContextSetupFailure(InitialContextSetupFailure {
            mme_ue_id: m,
            enb_ue_id: e,
            cause: Cause::TRANSPORT_RESOURCE_UNAVAILABLE,
        }),
        S1apMessage::ErabSetupRequest(ErabSetupRequest {
            mme_ue_id: m,
            enb_ue_id: e,
            ue_ambr: Some(Ambr { dl: 5, ul: 6 }),
            erabs: vec![erab(6, Some(vec![0x27, 0, 0, 0, 0, 2]))],
        }),
        S1apMessage::ErabSetupResponse(ErabSetupResponse {
            mme_ue_id: m,
            enb_ue_id: e,
            setup: vec![],
            failed: vec![failed],
        }),
        S1apMessage::ErabReleaseCommand(ErabReleaseCommand {
            mme_ue_id: m,
            enb_ue_id: e,
            ue_ambr: None,
            erabs: vec![ErabCause {
                erab_id: 6,
                cause: Cause::NAS_NORMAL_RELEASE,
            }],
            nas_pdu: Some(vec![0x27, 9]),
        }),
        S1apMessage::ErabReleaseResponse(ErabReleaseResponse {
            mme_ue_id: m,
            enb_ue_id: e,
            released: vec![6],
            failed: vec![],
        }),
        S1apMessage::UeContextReleaseRequest(UeContextReleaseRequest {
            mme_ue_id: m,
            enb_ue_id: e,
            cause: Cause::RADIO_USER_INACTIVITY,
        }),
        S1apMessage::UeContextReleaseCommand(UeContextReleaseCommand {
            ids: UeS1apIds::Mme(m),
            cause: Cause::NAS_DETACH,
        }),
        S1apMessage::UeContextReleaseComplete(UeContextReleaseComplete {
            mme_ue_id: m,
            enb_ue_id: e,
        }),
        S1apMessage::UeCapabilityInfoIndication(UeCapabilityInfoIndication {
            mme_ue_id: m,
            enb_ue_id: e,
            ue_radio_capability: vec![0xaa; 300],
        }),
        S1apMessage::Paging(Paging {
            ue_identity_index: 1023,
            paging_id: PagingId::Imsi(vec![0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0xf1]),
            cs_domain: true,
            tais: vec![tai],
        }),
        S1apMessage::Reset(Reset {
            cause: Cause::MISC_OM_INTERVENTION,
            kind: ResetKind::All,
        }),
        S1apMessage::Reset(Reset {
            cause: Cause::MISC_UNSPECIFIED,
            kind: ResetKind::Part(vec![UeAssociation {
                mme_ue_id: Some(m),
                enb_ue_id: None,
            }]),
        }),
        S1apMessage::ResetAcknowledge(ResetAcknowledge {
            associations: vec![],
        }),
        S1apMessage::ResetAcknowledge(ResetAcknowledge {
            associations: vec![UeAssociation {
                mme_ue_id: None,
                enb_ue_id: Some(e),
            }],
        }),
        S1apMessage::ErrorIndication(ErrorIndication {
            mme_ue_id: None,
            enb_ue_id: Some(e),
            cause: Some(Cause::PROTOCOL_TRANSFER_SYNTAX_ERROR),
        }),
    ];
    for msg in msgs {
        round_trip(msg);
    }
}

#[test]
fn s1ap_names_missing_mandatory_ie() {
    // Downlink NAS Transport with only the two ids (NAS-PDU removed).
    let msg = S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
        mme_ue_id: MmeUeS1apId(1),
        enb_ue_id: EnbUeS1apId(1),
        nas_pdu: vec![1],
    });
    let mut pdu = msg.to_pdu();
    if let asn::S1AP_PDU::InitiatingMessage(im) = &mut pdu
        && let asn::InitiatingMessageValue::Id_downlinkNASTransport(d) = &mut im.value
    {
        d.protocol_i_es.0.pop();
    }
    let err = S1apMessage::from_pdu(pdu).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Downlink NAS Transport lacks mandatory IE NAS-PDU"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn s1ap_decode_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = S1apMessage::decode(&bytes);
        let _ = tree(&bytes);
    }

    #[test]
    fn s1ap_decode_never_panics_on_mutated_references(
        which in 0usize..14,
        ops in mutations(),
    ) {
        let refs = flow_refs_of("s1ap");
        let bytes = hex_bytes(refs[which]["hex"].as_str().unwrap());
        let b = mutate(bytes, &ops);
        if let Ok(m) = S1apMessage::decode(&b) {
            // Whatever decodes must encode again.
            let _ = m.encode();
            let _ = m.summary();
        }
        let _ = tree(&b);
    }
}
