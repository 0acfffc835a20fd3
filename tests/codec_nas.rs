//! NAS codec against the reference encodings in flow-refs.json, round trips
//! of every message, PCO cases and property tests.

mod common;

use common::{mutate, mutations};

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;
use serde_json::{Value, json};
use volte_sim::codec::hex;
use volte_sim::codec::nas::emm::*;
use volte_sim::codec::nas::esm::*;
use volte_sim::codec::nas::ie::*;
use volte_sim::codec::nas::pco::{self, Ipcp, Pco, PcoContainer};
use volte_sim::codec::nas::{self, NasMessage, SecurityProtected, ServiceRequest};

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

fn emm_of(m: &NasMessage) -> Option<EmmMessage> {
    match m.plain()? {
        NasMessage::Emm(e) => Some(e),
        _ => None,
    }
}

fn guti_of(e: &EmmMessage) -> Guti {
    match e {
        EmmMessage::AttachAccept(m) => m.guti.unwrap(),
        EmmMessage::TrackingAreaUpdateRequest(m) => *m.old_guti.guti().unwrap(),
        EmmMessage::DetachRequestUeOriginating(m) => *m.eps_mobile_identity.guti().unwrap(),
        other => panic!("no GUTI in {other:?}"),
    }
}

fn ksi_of(e: &EmmMessage) -> u8 {
    match e {
        EmmMessage::AttachRequest(m) => m.nas_ksi.value,
        EmmMessage::AuthenticationRequest(m) => m.nas_ksi.value,
        EmmMessage::SecurityModeCommand(m) => m.nas_ksi.value,
        EmmMessage::TrackingAreaUpdateRequest(m) => m.nas_ksi.value,
        EmmMessage::DetachRequestUeOriginating(m) => m.nas_ksi.value,
        other => panic!("no KSI in {other:?}"),
    }
}

fn emm_cause_of(e: &EmmMessage) -> u8 {
    match e {
        EmmMessage::AuthenticationFailure(m) => m.emm_cause.to_u8(),
        EmmMessage::AttachReject(m) => m.emm_cause.to_u8(),
        other => panic!("no EMM cause in {other:?}"),
    }
}

fn addrs<T: ToString>(v: Vec<T>) -> Value {
    json!(v.iter().map(T::to_string).collect::<Vec<_>>())
}

fn ie_hex<T: IeValue>(v: &T) -> String {
    let mut out = Vec::new();
    v.encode_value(&mut out);
    hex(&out)
}

/// What our decoder reports for one `expect` key of a fixture.
fn actual(m: &NasMessage, key: &str) -> Value {
    let emm = emm_of(m);
    let e = || {
        emm.clone()
            .unwrap_or_else(|| panic!("{key}: no EMM message"))
    };
    let esm = || {
        m.esm_message()
            .unwrap_or_else(|| panic!("{key}: no ESM message"))
    };
    let pco = || {
        esm()
            .pco()
            .cloned()
            .unwrap_or_else(|| panic!("{key}: no PCO"))
    };
    let adr = || match esm().body {
        EsmBody::ActivateDefaultEpsBearerContextRequest(r) => r,
        other => panic!("{key}: not an activate default bearer request: {other:?}"),
    };
    let sr = || match m {
        NasMessage::ServiceRequest(s) => *s,
        other => panic!("{key}: not a service request: {other:?}"),
    };
    let protected = || match m {
        NasMessage::Protected(p) => p.clone(),
        other => panic!("{key}: not protected: {other:?}"),
    };
    let autn = || match e() {
        EmmMessage::AuthenticationRequest(a) => a.autn,
        other => panic!("{key}: {other:?}"),
    };
    let smc = || match e() {
        EmmMessage::SecurityModeCommand(s) => s,
        other => panic!("{key}: {other:?}"),
    };
    match key {
        "nas.security_header_type" => json!(m.security_header_type().to_u8()),
        "nas.emm_type" => json!(format!("0x{:02x}", m.emm_type().unwrap())),
        "nas.mac" => json!(hex(&protected().mac)),
        "nas.seq" => json!(protected().seq),
        "nas_ksi" => json!(ksi_of(&e())),
        "eps_attach_type" => match e() {
            EmmMessage::AttachRequest(a) => json!(a.eps_attach_type.to_u8()),
            other => panic!("{other:?}"),
        },
        "imsi" => match e() {
            EmmMessage::AttachRequest(a) => json!(a.eps_mobile_identity.imsi().unwrap()),
            other => panic!("{other:?}"),
        },
        "ue_net_cap" => match e() {
            EmmMessage::AttachRequest(a) => json!(ie_hex(&a.ue_network_capability)),
            other => panic!("{other:?}"),
        },
        "esm.type" => json!(format!("0x{:02x}", m.esm_type().unwrap())),
        "esm.pti" => json!(esm().pti),
        "esm.ebi" => json!(esm().ebi),
        "pdn_type" => match esm().body {
            EsmBody::PdnConnectivityRequest(p) => json!(p.pdn_type.to_u8()),
            EsmBody::ActivateDefaultEpsBearerContextRequest(a) => json!(a.pdn_address.pdn_type()),
            other => panic!("{other:?}"),
        },
        "request_type" => match esm().body {
            EsmBody::PdnConnectivityRequest(p) => json!(p.request_type.to_u8()),
            other => panic!("{other:?}"),
        },
        "apn" => json!(esm().apn().unwrap().to_string()),
        "pco.ids" => json!(
            pco()
                .ids()
                .iter()
                .map(|i| format!("0x{i:04x}"))
                .collect::<Vec<_>>()
        ),
        "pco.dns_ipv4" => addrs(pco().dns_ipv4()),
        "pco.dns_ipv6" => addrs(pco().dns_ipv6()),
        "pco.pcscf_ipv4" => addrs(pco().pcscf_ipv4()),
        "pco.pcscf_ipv6" => addrs(pco().pcscf_ipv6()),
        "rand" => match e() {
            EmmMessage::AuthenticationRequest(a) => json!(hex(&a.rand.0)),
            other => panic!("{other:?}"),
        },
        "autn" => json!(hex(&autn().0)),
        "autn.sqn_xor_ak" => json!(hex(&autn().sqn_xor_ak())),
        "autn.amf" => json!(hex(&autn().amf())),
        "autn.mac" => json!(hex(&autn().mac())),
        "res" => match e() {
            EmmMessage::AuthenticationResponse(a) => json!(hex(&a.res.0)),
            other => panic!("{other:?}"),
        },
        "emm_cause" => json!(emm_cause_of(&e())),
        "auts" => match e() {
            EmmMessage::AuthenticationFailure(a) => json!(hex(&a.auts.unwrap().0)),
            other => panic!("{other:?}"),
        },
        "ciphering_alg" => json!(smc().selected_algorithms.ciphering.0),
        "integrity_alg" => json!(smc().selected_algorithms.integrity.0),
        "ue_sec_cap" => json!(ie_hex(&smc().replayed_ue_security_capabilities)),
        "eps_attach_result" => match e() {
            EmmMessage::AttachAccept(a) => json!(a.eps_attach_result.to_u8()),
            other => panic!("{other:?}"),
        },
        "tai.tac" => match e() {
            EmmMessage::AttachAccept(a) => json!(a.tai_list.tais()[0].tac),
            other => panic!("{other:?}"),
        },
        "guti.mme_group_id" => json!(guti_of(&e()).mme_group_id),
        "guti.mme_code" => json!(guti_of(&e()).mme_code),
        "guti.m_tmsi" => json!(format!("0x{:08x}", guti_of(&e()).m_tmsi)),
        "qci" => json!(adr().eps_qos.qci),
        "pdn.ipv4" => json!(adr().pdn_address.ipv4().unwrap().to_string()),
        "pdn.ipv6_iid" => json!(hex(&adr().pdn_address.ipv6_iid().unwrap())),
        "esm_cause" => match esm().body {
            EsmBody::PdnConnectivityReject(r) => json!(r.esm_cause.to_u8()),
            other => panic!("{other:?}"),
        },
        "ksi" => json!(sr().ksi),
        "seq_short" => json!(sr().seq),
        "short_mac" => json!(hex(&sr().short_mac)),
        "update_type" => match e() {
            EmmMessage::TrackingAreaUpdateRequest(t) => json!(t.eps_update_type.value.to_u8()),
            other => panic!("{other:?}"),
        },
        "detach_type" => match e() {
            EmmMessage::DetachRequestUeOriginating(d) => json!(d.detach_type.kind.to_u8()),
            other => panic!("{other:?}"),
        },
        "switch_off" => match e() {
            EmmMessage::DetachRequestUeOriginating(d) => json!(u8::from(d.detach_type.switch_off)),
            other => panic!("{other:?}"),
        },
        other => panic!("expect key {other} has no check"),
    }
}

/// pycrate's class names for what we decoded, outermost first.
fn decoded_as(m: &NasMessage) -> Vec<String> {
    let mut v = Vec::new();
    if let NasMessage::Protected(_) = m {
        v.push("EMMSecProtNASMessage".to_owned());
    }
    if let NasMessage::ServiceRequest(_) = m {
        v.push("EMMServiceRequest".to_owned());
    }
    if let Some(e) = emm_of(m) {
        v.push(
            match e {
                EmmMessage::AttachRequest(_) => "EMMAttachRequest",
                EmmMessage::AttachAccept(_) => "EMMAttachAccept",
                EmmMessage::AttachComplete(_) => "EMMAttachComplete",
                EmmMessage::AttachReject(_) => "EMMAttachReject",
                EmmMessage::AuthenticationRequest(_) => "EMMAuthenticationRequest",
                EmmMessage::AuthenticationResponse(_) => "EMMAuthenticationResponse",
                EmmMessage::AuthenticationFailure(_) => "EMMAuthenticationFailure",
                EmmMessage::SecurityModeCommand(_) => "EMMSecurityModeCommand",
                EmmMessage::SecurityModeComplete(_) => "EMMSecurityModeComplete",
                EmmMessage::TrackingAreaUpdateRequest(_) => "EMMTrackingAreaUpdateRequest",
                EmmMessage::DetachRequestUeOriginating(_) => "EMMDetachRequestMO",
                EmmMessage::DetachRequestUeTerminated(_) => "EMMDetachRequestMT",
                EmmMessage::DetachAccept(_) => "EMMDetachAccept",
                other => panic!("no pycrate name for {}", other.name()),
            }
            .to_owned(),
        );
    }
    if let Some(s) = m.esm_message() {
        v.push(
            match s.body {
                EsmBody::PdnConnectivityRequest(_) => "ESMPDNConnectivityRequest",
                EsmBody::PdnConnectivityReject(_) => "ESMPDNConnectivityReject",
                EsmBody::ActivateDefaultEpsBearerContextRequest(_) => {
                    "ESMActDefaultEPSBearerCtxtRequest"
                }
                EsmBody::ActivateDefaultEpsBearerContextAccept(_) => {
                    "ESMActDefaultEPSBearerCtxtAccept"
                }
                other => panic!("no pycrate name for {}", other.name()),
            }
            .to_owned(),
        );
    }
    v
}

#[test]
fn nas_fixtures_decode_to_expected_values() {
    let refs = common::flow_refs_of("nas");
    assert_eq!(refs.len(), 18);
    for r in refs {
        let name = r["name"].as_str().unwrap();
        let bytes = common::hex_bytes(r["hex"].as_str().unwrap());
        let m = nas::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut checked = 0;
        for (key, want) in r["expect"].as_object().unwrap() {
            match key.as_str() {
                "tshark" => {}
                "pycrate.decoded_as" => {
                    assert_eq!(json!(decoded_as(&m)), *want, "{name}: {key}");
                    checked += 1;
                }
                k => {
                    assert_eq!(actual(&m, k), *want, "{name}: {k}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 2, "{name}: nothing checked");
    }
}

#[test]
fn nas_fixtures_reencode_byte_identical() {
    for r in common::flow_refs_of("nas") {
        let name = r["name"].as_str().unwrap();
        let hexs = r["hex"].as_str().unwrap();
        let bytes = common::hex_bytes(hexs);
        let m = nas::decode(&bytes).unwrap();
        assert_eq!(hex(&m.encode()), hexs, "{name}");
        if let NasMessage::Protected(p) = &m {
            // The plain inner message is hex[12:] (fixtures README).
            let plain = common::hex_bytes(&hexs[12..]);
            assert_eq!(p.inner, plain, "{name}");
            let inner = nas::decode(&plain).unwrap_or_else(|e| panic!("{name} inner: {e}"));
            assert_eq!(inner.encode(), plain, "{name} inner");
            assert_eq!(p.inner_plain().unwrap(), inner);
            assert_eq!(p.mac_input()[0], p.seq);
            assert_eq!(&p.mac_input()[1..], plain.as_slice());
        }
        let t = nas::tree(&bytes).unwrap();
        assert_eq!(t.span, Some((0, bytes.len())), "{name}");
        assert!(!t.children.is_empty());
    }
}

#[test]
fn attach_request_fixture_exposes_typed_fields() {
    let m = nas::decode(&common::flow_bytes("nas_attach_request")).unwrap();
    let NasMessage::Emm(EmmMessage::AttachRequest(a)) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(a.nas_ksi, NasKsi::NO_KEY);
    assert_eq!(a.eps_attach_type, EpsAttachType::EpsAttach);
    assert!(a.ue_network_capability.supports_eea(2));
    assert!(!a.ue_network_capability.supports_eia(0));
    let esm = &a.esm_message_container;
    let EsmBody::PdnConnectivityRequest(p) = &esm.body else {
        panic!("{esm:?}")
    };
    assert_eq!(p.pdn_type, PdnType::Ipv4);
    assert_eq!(p.request_type, RequestType::InitialRequest);
    let pco = p.pco.as_ref().unwrap();
    assert!(pco.requests(pco::DNS_IPV4) && pco.requests(pco::IP_ALLOCATION_VIA_NAS));
    assert_eq!(
        m.summary(),
        "Attach Request (IMSI 001010000000001, EPS attach, + PDN Connectivity Request)"
    );
}

#[test]
fn ims_bearer_fixture_gives_pcscf_addresses() {
    let m = nas::decode(&common::flow_bytes("nas_act_default_bearer_request_ims")).unwrap();
    let esm = m.esm_message().unwrap();
    let pco = esm.pco().unwrap();
    assert_eq!(pco.pcscf_ipv4(), [Ipv4Addr::new(10, 46, 0, 1)]);
    assert_eq!(
        pco.pcscf_ipv6(),
        ["fd00:46::1".parse::<Ipv6Addr>().unwrap()]
    );
    assert!(pco.im_cn_flag());
    assert!(!pco.requests(pco::PCSCF_IPV4));
    assert_eq!(m.name(), "Activate Default EPS Bearer Context Request");
    let t = nas::tree(&common::flow_bytes("nas_act_default_bearer_request_ims")).unwrap();
    let f = t.find("P-CSCF IPv4 Address").unwrap();
    assert_eq!(f.value, "10.46.0.1");
    // Span points at the container inside the whole protected PDU.
    let (s, e) = f.span.unwrap();
    let bytes = common::flow_bytes("nas_act_default_bearer_request_ims");
    assert_eq!(hex(&bytes[s..e]), "000c040a2e0001");
    assert!(t.render().contains("P-CSCF IPv6 Address: fd00:46::1"));
}

#[test]
fn ims_pdn_request_fixture_matches_pco_ims_request() {
    let m = nas::decode(&common::flow_bytes("nas_pdn_connectivity_request_ims")).unwrap();
    let esm = m.esm_message().unwrap();
    assert_eq!(esm.pco().unwrap(), &Pco::ims_request());
}

#[test]
fn protected_tree_shows_ciphered_when_inner_does_not_decode() {
    // Header type 2 with an inner message that is not plain NAS.
    let bytes = [0x27, 1, 2, 3, 4, 9, 0xAB, 0xCD, 0xEF];
    let t = nas::tree(&bytes).unwrap();
    let inner = t.find("NAS message").unwrap();
    assert_eq!(inner.value, "ciphered (3 octets)");
    assert_eq!(inner.span, Some((6, 9)));
    let m = nas::decode(&bytes).unwrap();
    assert!(m.plain().is_none());
    assert_eq!(m.name(), "Security protected NAS message");
}

#[test]
fn s1ap_fixtures_carry_decodable_nas_pdus() {
    let nas_refs = common::flow_refs_of("nas");
    let mut found = 0;
    for s in common::flow_refs_of("s1ap") {
        let shex = s["hex"].as_str().unwrap();
        for n in &nas_refs {
            let nhex = n["hex"].as_str().unwrap();
            if nhex.len() > 16 && shex.contains(nhex) {
                let m = nas::decode(&common::hex_bytes(nhex)).unwrap();
                if let Some(t) = s["expect"]["nas.emm_type"].as_str() {
                    assert_eq!(format!("0x{:02x}", m.emm_type().unwrap()), t);
                }
                if let Some(p) = s["expect"]["pco.pcscf_ipv4"].as_array() {
                    let got = m.esm_message().unwrap().pco().unwrap().pcscf_ipv4();
                    assert_eq!(got[0].to_string(), p[0].as_str().unwrap());
                }
                found += 1;
            }
        }
    }
    assert_eq!(found, 5);
}

#[test]
fn detach_request_direction_is_guessed_and_can_be_forced() {
    let mo = common::flow_bytes("nas_detach_request_mo");
    let plain = &mo[6..];
    assert!(matches!(
        nas::decode(plain).unwrap(),
        NasMessage::Emm(EmmMessage::DetachRequestUeOriginating(_))
    ));
    let mt = [0x07, 0x45, 0x02, 0x53, 0x11];
    let m = nas::decode(&mt).unwrap();
    let NasMessage::Emm(EmmMessage::DetachRequestUeTerminated(d)) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(d.detach_type, NetworkDetachType::ReattachNotRequired);
    assert_eq!(d.emm_cause, Some(EmmCause::NetworkFailure));
    assert!(nas::decode_for(&[0x07, 0x45, 0x01], nas::Direction::Uplink).is_err());
}

// ---------------------------------------------------------------------------
// Round trips of every message
// ---------------------------------------------------------------------------

fn plmn() -> Plmn {
    Plmn::new("001", "01").unwrap()
}

fn guti() -> Guti {
    Guti {
        plmn: plmn(),
        mme_group_id: 1,
        mme_code: 1,
        m_tmsi: 0xC000_0001,
    }
}

fn tai() -> Tai {
    Tai {
        plmn: plmn(),
        tac: 1,
    }
}

fn ims_answer_pco() -> Pco {
    let mut p = Pco::new();
    p.push_pcscf_ipv4(Ipv4Addr::new(10, 46, 0, 1))
        .push_pcscf_ipv6("fd00:46::1".parse().unwrap())
        .push_dns_ipv4(Ipv4Addr::new(10, 46, 0, 53))
        .push_dns_ipv6("fd00:46::53".parse().unwrap())
        .push_im_cn_flag()
        .push_ipv4_link_mtu(1400);
    p
}

fn pdn_connectivity_request() -> EsmMessage {
    EsmMessage::new(
        0,
        2,
        PdnConnectivityRequest {
            request_type: RequestType::InitialRequest,
            pdn_type: PdnType::Ipv4v6,
            esm_info_transfer_flag: Some(EsmInfoTransferFlag::NotRequired),
            apn: Some(Apn::new("ims")),
            pco: Some(Pco::ims_request()),
            epco: None,
            other_ies: vec![RawIe::tv1(3, 0xC, 1)], // Device properties
        },
    )
}

fn default_bearer_request() -> EsmMessage {
    EsmMessage::new(
        6,
        2,
        ActivateDefaultEpsBearerContextRequest {
            eps_qos: EpsQos::qci(5),
            apn: Apn::new("ims"),
            pdn_address: PdnAddress::Ipv4v6 {
                iid: [0, 0, 0, 0, 0, 0, 0, 2],
                ipv4: Ipv4Addr::new(10, 46, 0, 2),
            },
            apn_ambr: Some(ApnAmbr::from_kbps(100_000, 50_000)),
            esm_cause: Some(EsmCause::SingleAddressBearersOnlyAllowed),
            pco: Some(ims_answer_pco()),
            epco: None,
            extended_apn_ambr: None,
            other_ies: vec![RawIe::tlv(0, 0x5D, &[0x80])], // Transaction identifier
        },
    )
}

fn every_emm_message() -> Vec<EmmMessage> {
    vec![
        AttachAccept {
            eps_attach_result: EpsAttachResult::EpsOnly,
            t3412: GprsTimer { unit: 2, value: 9 },
            tai_list: TaiList::single(tai()),
            esm_message_container: default_bearer_request(),
            guti: Some(guti()),
            ms_identity: Some(MobileIdentity::Tmsi(0x1234_5678)),
            emm_cause: Some(EmmCause::CsDomainNotAvailable),
            t3402: Some(GprsTimer::minutes(12)),
            t3423: Some(GprsTimer::DEACTIVATED),
            equivalent_plmns: Some(PlmnList(vec![
                Plmn::new("001", "02").unwrap(),
                Plmn::new("310", "260").unwrap(),
            ])),
            eps_network_feature_support: Some(Octets(vec![0x01])),
            other_ies: vec![RawIe::tv1(7, 0xF, 2), RawIe::tlv(8, 0x5E, &[0x21])],
        }
        .into(),
        AttachComplete {
            esm_message_container: EsmMessage::new(
                6,
                0,
                ActivateDefaultEpsBearerContextAccept {
                    pco: None,
                    epco: None,
                    other_ies: vec![],
                },
            ),
            other_ies: vec![],
        }
        .into(),
        AttachReject {
            emm_cause: EmmCause::EpsServicesNotAllowed,
            esm_message_container: Some(EsmMessage::new(
                0,
                1,
                PdnConnectivityReject {
                    esm_cause: EsmCause::MissingOrUnknownApn,
                    pco: None,
                    epco: None,
                    other_ies: vec![],
                },
            )),
            t3346: Some(GprsTimer::minutes(5)),
            t3402: Some(GprsTimer::minutes(12)),
            other_ies: vec![RawIe::tv1(3, 0xA, 1)],
        }
        .into(),
        AttachRequest {
            eps_attach_type: EpsAttachType::CombinedAttach,
            nas_ksi: NasKsi::NO_KEY,
            eps_mobile_identity: EpsMobileIdentity::Imsi("001010000000001".into()),
            ue_network_capability: UeNetworkCapability {
                eea: 0xF0,
                eia: 0x70,
                rest: vec![0xC0, 0x40, 0x08],
            },
            esm_message_container: pdn_connectivity_request(),
            additional_guti: Some(EpsMobileIdentity::Guti(guti())),
            last_visited_tai: Some(tai()),
            voice_domain_preference: Some(Octets(vec![0x01])),
            old_guti_type: Some(GutiType::Native),
            other_ies: vec![
                RawIe::tv(2, 0x5C, &[0x00, 0x0A]),
                RawIe::tlv(3, 0x31, &[0x92, 0x60]),
            ],
        }
        .into(),
        AuthenticationFailure {
            emm_cause: EmmCause::SynchFailure,
            auts: Some(Auts([0xBA; 14])),
            other_ies: vec![],
        }
        .into(),
        AuthenticationReject { other_ies: vec![] }.into(),
        AuthenticationRequest {
            nas_ksi: NasKsi::native(3),
            rand: Rand([0x23; 16]),
            autn: Autn([0x55; 16]),
            other_ies: vec![],
        }
        .into(),
        AuthenticationResponse {
            res: Res(vec![0xA5, 0x42, 0x11, 0xD5, 0xE3, 0xBA, 0x50, 0xBF]),
            other_ies: vec![],
        }
        .into(),
        DetachAccept { other_ies: vec![] }.into(),
        DetachRequestUeOriginating {
            detach_type: DetachType {
                switch_off: true,
                kind: UeDetachKind::CombinedDetach,
            },
            nas_ksi: NasKsi::native(1),
            eps_mobile_identity: EpsMobileIdentity::Guti(guti()),
            other_ies: vec![],
        }
        .into(),
        DetachRequestUeTerminated {
            detach_type: NetworkDetachType::ReattachRequired,
            emm_cause: Some(EmmCause::ImplicitlyDetached),
            other_ies: vec![],
        }
        .into(),
        EmmInformation {
            full_name: Some(NetworkName::gsm7("volte-sim network")),
            short_name: Some(NetworkName::gsm7("volte")),
            other_ies: vec![
                RawIe::tv(2, 0x46, &[0x40]),
                RawIe::tv(3, 0x47, &[0x52, 0x30, 0x81, 0x21, 0x43, 0x65, 0x40]),
            ],
        }
        .into(),
        EmmStatus {
            emm_cause: EmmCause::MessageTypeNonExistent,
            other_ies: vec![],
        }
        .into(),
        IdentityRequest {
            identity_type: IdentityType2::ImeiSv,
            other_ies: vec![],
        }
        .into(),
        IdentityResponse {
            mobile_identity: MobileIdentity::Imsi("001010000000001".into()),
            other_ies: vec![],
        }
        .into(),
        SecurityModeCommand {
            selected_algorithms: NasSecurityAlgorithms {
                ciphering: Eea(0),
                integrity: Eia(2),
            },
            nas_ksi: NasKsi::native(0),
            replayed_ue_security_capabilities: UeSecurityCapability::new(&[0, 1, 2], &[1, 2]),
            imeisv_request: Some(ImeisvRequest::Requested),
            other_ies: vec![RawIe::tv(1, 0x55, &[1, 2, 3, 4])],
        }
        .into(),
        SecurityModeComplete {
            imeisv: Some(MobileIdentity::ImeiSv("3534900698733019".into())),
            other_ies: vec![],
        }
        .into(),
        SecurityModeReject {
            emm_cause: EmmCause::UeSecurityCapabilitiesMismatch,
            other_ies: vec![],
        }
        .into(),
        TrackingAreaUpdateAccept {
            eps_update_result: EpsUpdateResult::TaUpdated,
            t3412: Some(GprsTimer { unit: 2, value: 9 }),
            guti: Some(guti()),
            tai_list: Some(TaiList(vec![PartialTaiList::Consecutive {
                plmn: plmn(),
                first_tac: 1,
                count: 3,
            }])),
            eps_bearer_context_status: Some(EpsBearerContextStatus([0x60, 0x00])),
            ms_identity: None,
            emm_cause: None,
            t3402: None,
            t3423: None,
            equivalent_plmns: None,
            eps_network_feature_support: Some(Octets(vec![0x01, 0x00])),
            other_ies: vec![],
        }
        .into(),
        TrackingAreaUpdateComplete { other_ies: vec![] }.into(),
        TrackingAreaUpdateReject {
            emm_cause: EmmCause::TrackingAreaNotAllowed,
            t3346: None,
            other_ies: vec![],
        }
        .into(),
        TrackingAreaUpdateRequest {
            eps_update_type: EpsUpdateType {
                active: true,
                value: EpsUpdateTypeValue::PeriodicUpdating,
            },
            nas_ksi: NasKsi::native(0),
            old_guti: EpsMobileIdentity::Guti(guti()),
            non_current_native_ksi: None,
            additional_guti: None,
            ue_network_capability: Some(UeNetworkCapability::new(&[0, 1, 2], &[1, 2])),
            last_visited_tai: Some(tai()),
            eps_bearer_context_status: Some(EpsBearerContextStatus([0x60, 0x00])),
            voice_domain_preference: None,
            old_guti_type: Some(GutiType::Native),
            other_ies: vec![],
        }
        .into(),
    ]
}

fn every_esm_message() -> Vec<EsmMessage> {
    let cause_pco = || {
        let mut p = Pco::new();
        p.push(0x0023, &[]).push(0xFF00, &[1, 2, 3]);
        p
    };
    vec![
        EsmMessage::new(
            6,
            0,
            ActivateDefaultEpsBearerContextAccept {
                pco: Some(cause_pco()),
                epco: None,
                other_ies: vec![],
            },
        ),
        EsmMessage::new(
            6,
            2,
            ActivateDefaultEpsBearerContextReject {
                esm_cause: EsmCause::InsufficientResources,
                pco: None,
                epco: Some(cause_pco()),
                other_ies: vec![],
            },
        ),
        default_bearer_request(),
        EsmMessage::new(
            6,
            0,
            DeactivateEpsBearerContextAccept {
                pco: None,
                epco: None,
                other_ies: vec![],
            },
        ),
        EsmMessage::new(
            6,
            0,
            DeactivateEpsBearerContextRequest {
                esm_cause: EsmCause::RegularDeactivation,
                pco: Some(cause_pco()),
                epco: None,
                other_ies: vec![RawIe::tlv(1, 0x37, &[0x21])],
            },
        ),
        EsmMessage::new(0, 1, EsmInformationRequest { other_ies: vec![] }),
        EsmMessage::new(
            0,
            1,
            EsmInformationResponse {
                apn: Some(Apn::new("internet")),
                pco: Some(Pco::ims_request()),
                epco: None,
                other_ies: vec![],
            },
        ),
        EsmMessage::new(
            5,
            0,
            EsmStatus {
                esm_cause: EsmCause::InvalidEpsBearerIdentity,
                other_ies: vec![],
            },
        ),
        EsmMessage::new(
            0,
            2,
            PdnConnectivityReject {
                esm_cause: EsmCause::MissingOrUnknownApn,
                pco: None,
                epco: None,
                other_ies: vec![RawIe::tlv(0, 0x37, &[0x21]), RawIe::tlv(1, 0x6B, &[0x00])],
            },
        ),
        pdn_connectivity_request(),
        EsmMessage::new(
            0,
            3,
            PdnDisconnectReject {
                esm_cause: EsmCause::LastPdnDisconnectionNotAllowed,
                pco: None,
                epco: None,
                other_ies: vec![],
            },
        ),
        EsmMessage::new(
            0,
            3,
            PdnDisconnectRequest {
                linked_ebi: 6,
                pco: None,
                epco: Some(Pco::ims_request()),
                other_ies: vec![],
            },
        ),
    ]
}

#[test]
fn every_emm_message_round_trips() {
    let all = every_emm_message();
    assert_eq!(all.len(), 22);
    for m in all {
        let msg = NasMessage::Emm(m);
        let bytes = msg.encode();
        let back = nas::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", msg.name()));
        assert_eq!(back, msg, "{}", msg.name());
        assert_eq!(back.encode(), bytes);
        let t = nas::tree(&bytes).unwrap();
        assert!(t.render().contains(msg.name()), "{}", t.render());
        // And inside a security header, as sent after the SMC.
        let p = SecurityProtected::wrap(SecurityHeaderType::IntegrityProtectedCiphered, 7, &msg);
        let wire = NasMessage::Protected(p.clone()).encode();
        let back = nas::decode(&wire).unwrap();
        assert_eq!(back, NasMessage::Protected(p));
        assert_eq!(back.plain().unwrap(), msg);
    }
}

#[test]
fn every_esm_message_round_trips() {
    let all = every_esm_message();
    assert_eq!(all.len(), 12);
    for m in all {
        let msg = NasMessage::Esm(m);
        let bytes = msg.encode();
        let back = nas::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", msg.name()));
        assert_eq!(back, msg, "{}", msg.name());
        assert_eq!(back.esm_type(), Some(bytes[2]));
        nas::tree(&bytes).unwrap();
    }
}

#[test]
fn service_request_round_trips_and_exposes_mac_input() {
    let s = ServiceRequest {
        ksi: 2,
        seq: 17,
        short_mac: [0x12, 0x34],
    };
    let m = NasMessage::ServiceRequest(s);
    let bytes = m.encode();
    assert_eq!(bytes, [0xC7, 0x51, 0x12, 0x34]);
    assert_eq!(nas::decode(&bytes).unwrap(), m);
    assert_eq!(s.mac_input(), [0xC7, 0x51]);
    assert!(nas::decode(&[0xC7, 0x51, 0x12, 0x34, 0x00]).is_err());
}

#[test]
fn unknown_optional_ies_are_kept_in_place() {
    // PDN Connectivity Request with an unknown TLV (0x4F) between the APN
    // and the PCO, an unknown type 1 IE (0xA5) and an unknown TLV-E (0x7D).
    let bytes = common::hex_bytes(
        "0201d031280403696d734f02abcda5271080000c00000100000d000003000002007d0001ff",
    );
    let m = nas::decode(&bytes).unwrap();
    let esm = m.esm_message().unwrap();
    let EsmBody::PdnConnectivityRequest(p) = &esm.body else {
        panic!()
    };
    assert_eq!(p.apn.as_ref().unwrap().as_str(), "ims");
    assert_eq!(p.pco.as_ref().unwrap(), &Pco::ims_request());
    let raw: Vec<(usize, String)> = p
        .other_ies
        .iter()
        .map(|r| (r.position, hex(&r.bytes)))
        .collect();
    assert_eq!(
        raw,
        [
            (1, "4f02abcd".to_owned()),
            (2, "a5".to_owned()),
            (4, "7d0001ff".to_owned())
        ]
    );
    assert_eq!(m.encode(), bytes);
}

#[test]
fn malformed_optional_ie_is_kept_raw_not_fatal() {
    // PCO with a container length running past its IE: kept raw.
    let bytes = common::hex_bytes("0201d031270480000c09");
    let m = nas::decode(&bytes).unwrap();
    let esm = m.esm_message().unwrap();
    let EsmBody::PdnConnectivityRequest(p) = &esm.body else {
        panic!()
    };
    assert!(p.pco.is_none());
    assert_eq!(p.other_ies.len(), 1);
    assert_eq!(m.encode(), bytes);
}

#[test]
fn decode_rejects_bad_headers() {
    assert!(nas::decode(&[]).is_err());
    assert!(nas::decode(&[0x05, 0x41]).is_err()); // PD 5
    assert!(nas::decode(&[0x97, 0x41]).is_err()); // reserved header type
    assert!(nas::decode(&[0x27, 0, 0, 0]).is_err()); // short header
    assert!(nas::decode(&[0x07]).is_err());
    // Mandatory IE truncated.
    assert!(nas::decode(&[0x07, 0x52, 0x00, 0x23]).is_err());
}

#[test]
fn unknown_message_types_are_kept() {
    let bytes = [0x07, 0x4C, 0x01, 0x02];
    let m = nas::decode(&bytes).unwrap();
    assert!(matches!(&m, NasMessage::Emm(EmmMessage::Unknown(u)) if u.message_type == 0x4C));
    assert_eq!(m.encode(), bytes);
    let esm = [0x62, 0x01, 0xDC];
    assert_eq!(nas::decode(&esm).unwrap().encode(), esm);
}

// ---------------------------------------------------------------------------
// PCO
// ---------------------------------------------------------------------------

#[test]
fn pco_request_and_answer_are_told_apart() {
    let req = Pco::ims_request();
    let ans = ims_answer_pco();
    for id in [
        pco::PCSCF_IPV4,
        pco::PCSCF_IPV6,
        pco::DNS_IPV4,
        pco::DNS_IPV6,
    ] {
        assert!(req.requests(id));
        assert!(!ans.requests(id));
        assert!(ans.contains(id));
    }
    assert!(req.pcscf_ipv4().is_empty() && req.dns_ipv6().is_empty());
    assert_eq!(ans.dns_ipv4(), [Ipv4Addr::new(10, 46, 0, 53)]);
    assert_eq!(ans.ipv4_link_mtu(), Some(1400));
    assert_eq!(Pco::decode(&ans.encode()).unwrap(), ans);
}

#[test]
fn pco_unknown_ids_survive_in_order() {
    let mut p = Pco::new();
    p.push_request(pco::PCSCF_IPV4)
        .push(0x0023, &[])
        .push(0xFF00, &[0xDE, 0xAD])
        .push_pcscf_reselection_support()
        .push_request(pco::DNS_IPV6);
    let bytes = p.encode();
    assert_eq!(hex(&bytes), "80000c00002300ff0002dead001200000300");
    let back = Pco::decode(&bytes).unwrap();
    assert_eq!(back.ids(), [0x000C, 0x0023, 0xFF00, 0x0012, 0x0003]);
    assert!(back.pcscf_reselection_support());
    assert_eq!(back.encode(), bytes);
}

#[test]
fn pco_ipcp_dns_is_decoded() {
    // Configure-Nak, id 1, primary DNS 8.8.8.8, secondary DNS 8.8.4.4.
    let bytes = common::hex_bytes("8080211003010010810608080808830608080404");
    let p = Pco::decode(&bytes).unwrap();
    let ipcp = p.ipcp().unwrap();
    assert_eq!(ipcp.code, Ipcp::CONFIGURE_NAK);
    assert_eq!(ipcp.primary_dns(), Some(Ipv4Addr::new(8, 8, 8, 8)));
    assert_eq!(ipcp.secondary_dns(), Some(Ipv4Addr::new(8, 8, 4, 4)));
    let f = p.fields(0);
    assert_eq!(f[1].name, "IPCP");
    assert!(f[1].value.contains("primary DNS 8.8.8.8"));
    let mut q = Pco::new();
    q.push_ipcp(&Ipcp::dns_nak(
        1,
        Ipv4Addr::new(8, 8, 8, 8),
        Some(Ipv4Addr::new(8, 8, 4, 4)),
    ));
    assert_eq!(q, p);
}

#[test]
fn epco_in_esm_message_round_trips() {
    let mut answer = ims_answer_pco();
    answer.push(0x0023, &[0x01]);
    let m = EsmMessage::new(
        6,
        2,
        ActivateDefaultEpsBearerContextAccept {
            pco: None,
            epco: Some(answer.clone()),
            other_ies: vec![],
        },
    );
    let bytes = m.encode();
    // IEI 0x7B with a two-octet length.
    assert_eq!(bytes[3], 0x7B);
    let len = u16::from_be_bytes([bytes[4], bytes[5]]) as usize;
    assert_eq!(len, bytes.len() - 6);
    assert_eq!(Pco::decode(&bytes[6..]).unwrap(), answer);
    let back = EsmMessage::decode(&bytes).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.pco(), Some(&answer));
}

#[test]
fn pco_malformed_length_is_an_error() {
    for bad in [
        &[][..],
        &[0x80, 0x00, 0x0C, 0x04, 10, 46][..],
        &[0x80, 0x00][..],
        &[0x80, 0x00, 0x0C, 0x00, 0x00][..],
    ] {
        let e = Pco::decode(bad).unwrap_err();
        assert_eq!(e.proto, "PCO");
    }
}

#[test]
fn pco_container_describe_names_addresses() {
    let c = PcoContainer {
        id: pco::DNS_IPV6,
        contents: "fd00:46::53".parse::<Ipv6Addr>().unwrap().octets().to_vec(),
    };
    assert_eq!(c.name(), "DNS Server IPv6 Address");
    assert_eq!(c.describe(), "fd00:46::53");
    assert_eq!(
        PcoContainer::request(pco::DNS_IPV6).name(),
        "DNS Server IPv6 Address Request"
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn fixtures() -> Vec<Vec<u8>> {
    common::flow_refs_of("nas")
        .iter()
        .map(|r| common::hex_bytes(r["hex"].as_str().unwrap()))
        .collect()
}

/// Decodes every way the codec offers; must never panic. When decoding
/// succeeds, decoding the re-encoding gives the same value.
fn exercise(bytes: &[u8]) {
    let _ = nas::tree(bytes);
    let _ = Pco::decode(bytes);
    let _ = EsmMessage::decode(bytes);
    let _ = nas::decode_for(bytes, nas::Direction::Downlink);
    if let Ok(m) = nas::decode(bytes) {
        let _ = m.summary();
        let again = nas::decode(&m.encode()).expect("re-encoding decodes");
        assert_eq!(again, m);
        if let NasMessage::Protected(p) = &m {
            let _ = p.inner_plain();
            let _ = nas::tree(&p.inner);
        }
    }
}

/// Bytes that start like NAS: a plausible first octet and message type.
fn nas_like() -> impl Strategy<Value = Vec<u8>> {
    let first = prop::sample::select(vec![0x07u8, 0x17, 0x27, 0x37, 0x47, 0xC7, 0x02, 0x52, 0x62]);
    let types = prop::sample::select(vec![
        0x41u8, 0x42, 0x43, 0x44, 0x45, 0x46, 0x48, 0x49, 0x4A, 0x4B, 0x52, 0x53, 0x54, 0x55, 0x56,
        0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x61, 0xC1, 0xC2, 0xC3, 0xCD, 0xCE, 0xD0, 0xD1, 0xD2, 0xD3,
        0xD9, 0xDA, 0xE8,
    ]);
    (
        first,
        any::<u8>(),
        types,
        prop::collection::vec(any::<u8>(), 0..48),
    )
        .prop_map(|(f, pti, t, rest)| {
            let mut v = vec![f];
            if f & 0x0F == 2 {
                v.push(pti);
            }
            v.push(t);
            v.extend(rest);
            v
        })
}

fn pco_strategy() -> impl Strategy<Value = Pco> {
    (
        any::<u8>(),
        prop::collection::vec(
            (any::<u16>(), prop::collection::vec(any::<u8>(), 0..24)),
            0..12,
        ),
    )
        .prop_map(|(config_protocol, cs)| Pco {
            config_protocol,
            containers: cs
                .into_iter()
                .map(|(id, contents)| PcoContainer { id, contents })
                .collect(),
        })
}

fn apn_strategy() -> impl Strategy<Value = Apn> {
    prop::collection::vec("[a-z0-9-]{1,12}", 0..4).prop_map(|l| Apn(l.join(".")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn decoders_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        exercise(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_nas_like_bytes(bytes in nas_like()) {
        exercise(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_mutated_fixtures(
        idx in 0usize..18,
        muts in mutations(),
    ) {
        let f = fixtures();
        let b = mutate(f[idx % f.len()].clone(), &muts);
        exercise(&b);
        // The plain inner messages of protected fixtures too.
        if b.len() > 6 && b[0] & 0x0F == 7 && (1..=5).contains(&(b[0] >> 4)) {
            exercise(&b[6..]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn generated_pco_round_trips(p in pco_strategy()) {
        let bytes = p.encode();
        prop_assert_eq!(Pco::decode(&bytes).unwrap(), p);
    }

    #[test]
    fn generated_pdn_connectivity_request_round_trips(
        pti in any::<u8>(),
        rt in 0u8..16,
        pt in 0u8..16,
        apn in proptest::option::of(apn_strategy()),
        pco in proptest::option::of(pco_strategy()),
        epco in proptest::option::of(pco_strategy()),
    ) {
        let m = NasMessage::Esm(EsmMessage::new(0, pti, PdnConnectivityRequest {
            request_type: RequestType::from_u8(rt),
            pdn_type: PdnType::from_u8(pt),
            esm_info_transfer_flag: None,
            apn,
            pco: pco.filter(|p| p.encode().len() <= 255),
            epco,
            other_ies: vec![],
        }));
        prop_assert_eq!(nas::decode(&m.encode()).unwrap(), m);
    }

    #[test]
    fn generated_attach_accept_round_trips(
        t3412 in any::<u8>(),
        tacs in prop::collection::vec(any::<u16>(), 1..16),
        m_tmsi in any::<u32>(),
        qci in any::<u8>(),
        ipv4 in any::<[u8; 4]>(),
        apn in apn_strategy(),
        seq in any::<u8>(),
    ) {
        let accept = AttachAccept {
            eps_attach_result: EpsAttachResult::EpsOnly,
            t3412: GprsTimer { unit: t3412 >> 5, value: t3412 & 0x1F },
            tai_list: TaiList(vec![PartialTaiList::NonConsecutive { plmn: plmn(), tacs }]),
            esm_message_container: EsmMessage::new(5, 1, ActivateDefaultEpsBearerContextRequest {
                eps_qos: EpsQos::qci(qci),
                apn,
                pdn_address: PdnAddress::Ipv4(Ipv4Addr::from(ipv4)),
                apn_ambr: None,
                esm_cause: None,
                pco: None,
                epco: None,
                extended_apn_ambr: None,
                other_ies: vec![],
            }),
            guti: Some(Guti { m_tmsi, ..guti() }),
            ms_identity: None,
            emm_cause: None,
            t3402: None,
            t3423: None,
            equivalent_plmns: None,
            eps_network_feature_support: None,
            other_ies: vec![],
        };
        let plain = NasMessage::Emm(accept.into());
        let p = NasMessage::Protected(SecurityProtected::wrap(
            SecurityHeaderType::IntegrityProtectedCiphered, seq, &plain));
        let back = nas::decode(&p.encode()).unwrap();
        prop_assert_eq!(back.plain().unwrap(), plain);
        prop_assert_eq!(back, p);
    }
}
