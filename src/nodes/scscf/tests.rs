//! The S-CSCF driven with Inputs: REGISTERs as the I-CSCF forwards them,
//! Cx answers and RTRs as the HSS would send them.

use super::SCscf;
use crate::codec::diameter::Message;
use crate::codec::diameter::base::{
    AuthSessionState, ExperimentalResult, VendorSpecificApplicationId,
};
use crate::codec::diameter::cx::{
    DeregistrationReason, Maa, Mar, ReasonCode, Rta, Rtr, Saa, Sar, ServerAssignmentType,
    SipAuthDataItem,
};
use crate::codec::diameter::dict::{APP_CX, VENDOR_3GPP};
use crate::codec::sip::{Challenge, DigestCredentials, SipMessage};
use crate::crypto::aka_digest::{AkaNonce, DigestInput};
use crate::crypto::auth::AuthVector;
use crate::crypto::milenage::Milenage;
use crate::crypto::{Amf, K, Opc, Rand, Sqn};
use crate::nodes::diameter_peer::{DiameterPeer, Received};
use crate::nodes::hss::cx::ims_subscription_xml;
use crate::nodes::hss::store::Impu;
use crate::nodes::ims_tests::*;
use crate::nodes::{Iface, Input, Node, Output, Time};
use crate::topology::IpsecPolicy;

fn scscf() -> (SCscf, DiameterPeer<()>) {
    let topo = topology(IpsecPolicy::Required);
    let mut s = SCscf::new(SCSCF, &topo);
    let mut hss = hss_peer();
    open_cx(&mut s, &mut hss);
    (s, hss)
}

fn vsai() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
}

fn vector() -> AuthVector {
    let mil = Milenage::new(K::from_hex(K_A).unwrap(), Opc::from_hex(OPC_A).unwrap());
    AuthVector::generate(
        &mil,
        Rand::new([7; 16]),
        Sqn::new(33).unwrap(),
        Amf::new([0x80, 0]),
    )
}

/// A REGISTER as the I-CSCF forwards it.
fn register(cseq: u32, contact: &str, auth: &str) -> SipMessage {
    sip(&format!(
        "REGISTER sip:{IMS} SIP/2.0
        Via: SIP/2.0/UDP icscf.{IMS};branch=z9hG4bK-i-{cseq}
        Via: SIP/2.0/UDP pcscf.{IMS};branch=z9hG4bK-p-{cseq}
        Max-Forwards: 68
        Route: <sip:scscf.{IMS}:6060;lr>
        From: <sip:{IMSI_A}@{IMS}>;tag=1
        To: <sip:{IMSI_A}@{IMS}>
        Call-ID: r1
        CSeq: {cseq} REGISTER
        Contact: {contact}
        Path: <sip:term@pcscf.{IMS};lr>
        {auth}"
    ))
}

fn empty_auth(protected: &str) -> String {
    format!(
        "Authorization: Digest username=\"{}\", realm=\"{IMS}\", nonce=\"\", uri=\"sip:{IMS}\", response=\"\", integrity-protected=\"{protected}\"",
        impi(IMSI_A)
    )
}

fn answer_auth(nonce: &str, password: &[u8]) -> String {
    let uri = format!("sip:{IMS}");
    let user = impi(IMSI_A);
    let response = DigestInput {
        username: &user,
        realm: IMS,
        password,
        method: "REGISTER",
        uri: &uri,
        nonce,
        qop: Some(("00000001", "abc", "auth")),
    }
    .response();
    let c = DigestCredentials {
        username: user.clone(),
        realm: IMS.into(),
        nonce: nonce.into(),
        uri,
        response,
        algorithm: Some("AKAv1-MD5".into()),
        cnonce: Some("abc".into()),
        qop: Some("auth".into()),
        nc: Some("00000001".into()),
        integrity_protected: Some("yes".into()),
        ..Default::default()
    };
    format!("Authorization: {c}")
}

fn maa(req: &Message, v: Option<&AuthVector>, exp: Option<u32>) -> Vec<u8> {
    let (h, e) = DiameterPeer::<()>::answer_ids(req);
    Maa {
        session_id: req.session_id().unwrap().into(),
        vendor_specific_application_id: Some(vsai()),
        result_code: v.map(|_| 2001),
        experimental_result: exp.map(|c| ExperimentalResult::new(VENDOR_3GPP, c)),
        auth_session_state: Some(AuthSessionState::NoStateMaintained),
        origin_host: format!("hss.{IMS}"),
        origin_realm: IMS.into(),
        sip_auth_data_items: v
            .map(|v| {
                let mut a = v.rand.as_bytes().to_vec();
                a.extend_from_slice(v.autn.as_bytes());
                vec![SipAuthDataItem {
                    sip_item_number: Some(1),
                    sip_authentication_scheme: Some("Digest-AKAv1-MD5".into()),
                    sip_authenticate: Some(a),
                    sip_authorization: Some(v.xres.as_bytes().to_vec()),
                    confidentiality_key: Some(*v.ck.as_bytes()),
                    integrity_key: Some(*v.ik.as_bytes()),
                    ..Default::default()
                }]
            })
            .unwrap_or_default(),
        ..Default::default()
    }
    .encode(h, e)
}

fn saa(req: &Message, user_data: Option<String>) -> Vec<u8> {
    let (h, e) = DiameterPeer::<()>::answer_ids(req);
    Saa {
        session_id: req.session_id().unwrap().into(),
        vendor_specific_application_id: Some(vsai()),
        result_code: Some(2001),
        auth_session_state: Some(AuthSessionState::NoStateMaintained),
        origin_host: format!("hss.{IMS}"),
        origin_realm: IMS.into(),
        user_data: user_data.map(String::into_bytes),
        ..Default::default()
    }
    .encode(h, e)
}

fn mw(s: &mut SCscf, now: Time, m: &SipMessage) -> Vec<Output> {
    feed(s, now, rx(Iface::Mw, ICSCF, m.encode()))
}

fn cx(s: &mut SCscf, now: Time, b: Vec<u8>) -> Vec<Output> {
    feed(s, now, rx(Iface::Cx, HSS, b))
}

const CONTACT: &str = "<sip:001010000000001@10.46.0.2:31101;transport=tcp>;expires=600000";

/// Challenges and registers UE A; returns the 200 and the SAR.
fn registered(s: &mut SCscf, user_data: String) -> (SipMessage, Message) {
    let outs = mw(s, Time::ZERO, &register(1, CONTACT, &empty_auth("no")));
    let mar = cx_out(&outs).remove(0);
    let v = vector();
    let outs = cx(s, Time::ZERO, maa(&mar, Some(&v), None));
    let r401 = &sip_to(&outs, ICSCF)[0];
    let Challenge::Digest(d) = &r401.www_authenticate().unwrap()[0] else {
        panic!()
    };
    let outs = mw(
        s,
        Time::ZERO,
        &register(2, CONTACT, &answer_auth(&d.nonce, v.xres.as_bytes())),
    );
    let sar = cx_out(&outs).remove(0);
    let outs = cx(s, Time::ZERO, saa(&sar, Some(user_data)));
    (sip_to(&outs, ICSCF).remove(0), sar)
}

#[test]
fn scscf_challenges_with_aka_then_registers_on_the_right_response() {
    let (mut s, _) = scscf();
    let outs = mw(&mut s, Time::ZERO, &register(1, CONTACT, ""));
    let mar = Mar::from_message(&cx_out(&outs)[0]).unwrap();
    assert_eq!(
        mar.user_name,
        impi(IMSI_A),
        "derived when Authorization is absent"
    );
    assert_eq!(mar.public_identity, impu(IMSI_A));
    assert_eq!(
        mar.server_name,
        "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060"
    );
    assert_eq!(mar.sip_number_auth_items, 1);
    assert_eq!(
        mar.sip_auth_data_item.sip_authentication_scheme.as_deref(),
        Some("Digest-AKAv1-MD5")
    );
    assert_eq!(mar.sip_auth_data_item.sip_authorization, None);
    let v = vector();
    let outs = cx(&mut s, Time::ZERO, maa(&cx_out(&outs)[0], Some(&v), None));
    let r = &sip_to(&outs, ICSCF)[0];
    assert_eq!(r.status(), Some(401));
    assert_eq!(r.via().unwrap().len(), 2);
    let Challenge::Digest(d) = &r.www_authenticate().unwrap()[0] else {
        panic!()
    };
    assert_eq!(d.nonce, AkaNonce::new(v.rand, v.autn).encode());
    assert_eq!(
        (d.realm.as_str(), d.algorithm.as_deref()),
        (IMS, Some("AKAv1-MD5"))
    );
    assert_eq!(d.qop, ["auth"]);
    assert_eq!(d.ik_bytes(), Some(*v.ik.as_bytes()));
    assert_eq!(d.ck_bytes(), Some(*v.ck.as_bytes()));
    let xml = ims_subscription_xml(
        &impi(IMSI_A),
        &[
            Impu::new(impu(IMSI_A)),
            Impu {
                uri: "tel:+15550001".into(),
                barred: true,
            },
        ],
    );
    let (mut s2, _) = scscf();
    let (ok, sar) = registered(&mut s2, xml);
    let sar = Sar::from_message(&sar).unwrap();
    assert_eq!(
        sar.server_assignment_type,
        ServerAssignmentType::Registration
    );
    assert_eq!(ok.status(), Some(200));
    assert_eq!(
        ok.header("Service-Route"),
        Some("<sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>")
    );
    // The barred identity stays out of P-Associated-URI.
    assert_eq!(
        ok.header("P-Associated-URI"),
        Some("<sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>")
    );
    assert_eq!(ok.contacts().unwrap().list()[0].expires(), Some(600));
    assert!(s2.registration(&impu(IMSI_A)).is_some());
    assert!(
        s2.registration("tel:+15550001").is_some(),
        "the whole implicit set is served"
    );
}

#[test]
fn scscf_refuses_a_wrong_response_with_403() {
    let (mut s, _) = scscf();
    let outs = mw(&mut s, Time::ZERO, &register(1, CONTACT, &empty_auth("no")));
    let v = vector();
    let outs = cx(&mut s, Time::ZERO, maa(&cx_out(&outs)[0], Some(&v), None));
    let Challenge::Digest(d) = &sip_to(&outs, ICSCF)[0].www_authenticate().unwrap()[0] else {
        panic!()
    };
    let mut wrong = v.xres.as_bytes().to_vec();
    wrong[3] ^= 1;
    let outs = mw(
        &mut s,
        Time::ZERO,
        &register(2, CONTACT, &answer_auth(&d.nonce, &wrong)),
    );
    assert_eq!(sip_to(&outs, ICSCF)[0].status(), Some(403));
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("AKA response does not match XRES"))
    );
    let sar = Sar::from_message(&cx_out(&outs)[0]).unwrap();
    assert_eq!(
        sar.server_assignment_type,
        ServerAssignmentType::AuthenticationFailure
    );
    // The same answer again: the challenge is gone, a new one starts.
    let outs = mw(
        &mut s,
        Time::ZERO,
        &register(3, CONTACT, &answer_auth(&d.nonce, v.xres.as_bytes())),
    );
    assert!(Mar::from_message(&cx_out(&outs)[0]).is_ok());
}

#[test]
fn scscf_maps_maa_errors_and_silence() {
    let (mut s, _) = scscf();
    let outs = mw(&mut s, Time::ZERO, &register(1, CONTACT, ""));
    let outs = cx(&mut s, Time::ZERO, maa(&cx_out(&outs)[0], None, Some(5001)));
    assert_eq!(sip_to(&outs, ICSCF)[0].status(), Some(403));
    mw(&mut s, Time::ZERO, &register(2, CONTACT, ""));
    let due = s.poll_timeout().unwrap();
    let outs = feed(&mut s, due, Input::Timeout);
    assert_eq!(sip_to(&outs, ICSCF)[0].status(), Some(480));
    assert_eq!(s.counter("cx_timeouts"), 1);
}

#[test]
fn scscf_answers_rtr_and_drops_bindings() {
    let (mut s, mut hss) = scscf();
    registered(
        &mut s,
        ims_subscription_xml(&impi(IMSI_A), &[Impu::new(impu(IMSI_A))]),
    );
    let rtr = |user: &str, reason| Rtr {
        session_id: "hss;1;rtr".into(),
        vendor_specific_application_id: vsai(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: format!("hss.{IMS}"),
        origin_realm: IMS.into(),
        destination_host: format!("scscf.{IMS}"),
        destination_realm: IMS.into(),
        user_name: user.into(),
        deregistration_reason: DeregistrationReason {
            reason_code: reason,
            reason_info: None,
            ..Default::default()
        },
        ..Default::default()
    };
    let bytes = hss
        .request((), |h, e| {
            rtr(&impi(IMSI_A), ReasonCode::ServerChange).encode(h, e)
        })
        .unwrap();
    let outs = cx(&mut s, Time::from_secs(1), bytes);
    let rta_bytes = transmits(&outs)
        .into_iter()
        .find(|t| t.iface == Iface::Cx)
        .unwrap()
        .bytes;
    let Received::Answer(a, ()) = hss.receive(Time::from_secs(1), &rta_bytes).unwrap() else {
        panic!()
    };
    let rta = Rta::from_message(&a).unwrap();
    assert_eq!(rta.result_code, Some(2001));
    assert_eq!(rta.origin_host, format!("scscf.{IMS}"));
    assert!(s.registration(&impu(IMSI_A)).is_none());
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("SERVER_CHANGE") && n.contains("deactivated")),
        "{outs:?}"
    );
    // An RTR for someone not registered: 2001 all the same.
    let bytes = hss
        .request((), |h, e| {
            rtr("nobody@x", ReasonCode::PermanentTermination).encode(h, e)
        })
        .unwrap();
    let outs = cx(&mut s, Time::from_secs(2), bytes);
    let rta = Message::decode(&transmits(&outs)[0].bytes).unwrap();
    assert_eq!(rta.result_code(), Some(2001));
    // An RTR from another host is dropped.
    let mut m =
        Message::decode(&rtr(&impi(IMSI_A), ReasonCode::PermanentTermination).encode(77, 77))
            .unwrap();
    for a in &mut m.avps {
        if a.code == crate::codec::diameter::dict::ORIGIN_HOST.code {
            *a = crate::codec::diameter::dict::ORIGIN_HOST.utf8("evil.example");
        }
    }
    let outs = cx(&mut s, Time::from_secs(2), m.encode());
    assert!(transmits(&outs).is_empty());
}

#[test]
fn scscf_reg_event_needs_the_users_own_identity() {
    let (mut s, _) = scscf();
    let subscribe = |pai: &str| {
        sip(&format!(
            "SUBSCRIBE sip:{IMSI_A}@{IMS} SIP/2.0
            Via: SIP/2.0/UDP pcscf.{IMS};branch=z9hG4bK-sub
            Route: <sip:orig@scscf.{IMS}:6060;lr>
            Record-Route: <sip:pcscf.{IMS};lr>
            From: <sip:{IMSI_A}@{IMS}>;tag=s1
            To: <sip:{IMSI_A}@{IMS}>
            Call-ID: sub1
            CSeq: 1 SUBSCRIBE
            Contact: <sip:{IMSI_A}@10.46.0.2:31101>
            Event: reg
            Expires: 600000
            P-Asserted-Identity: <{pai}>"
        ))
    };
    let outs = feed(
        &mut s,
        Time::ZERO,
        rx(Iface::Mw, PCSCF, subscribe(&impu(IMSI_A)).encode()),
    );
    assert_eq!(
        sip_to(&outs, PCSCF)[0].status(),
        Some(480),
        "not registered yet"
    );
    registered(
        &mut s,
        ims_subscription_xml(&impi(IMSI_A), &[Impu::new(impu(IMSI_A))]),
    );
    let outs = feed(
        &mut s,
        Time::ZERO,
        rx(Iface::Mw, PCSCF, subscribe(&impu(IMSI_B)).encode()),
    );
    assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(403));
    let outs = feed(
        &mut s,
        Time::ZERO,
        rx(Iface::Mw, PCSCF, subscribe(&impu(IMSI_A)).encode()),
    );
    let to_p = sip_to(&outs, PCSCF);
    assert_eq!(to_p[0].status(), Some(200));
    assert_eq!(to_p[0].header("Expires"), Some("600000"));
    let notify = &to_p[1];
    assert_eq!(
        notify.request_uri().unwrap().to_string(),
        "sip:001010000000001@10.46.0.2:31101"
    );
    assert_eq!(
        notify.header("Route"),
        Some("<sip:pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>")
    );
    assert_eq!(
        notify.header("Subscription-State"),
        Some("active;expires=600000")
    );
    let info = notify.reginfo().unwrap().unwrap();
    assert_eq!((info.version, info.state.as_str()), (0, "full"));
    assert_eq!(info.registrations[0].contacts[0].event, "registered");
    // Its 200 is absorbed.
    let ok = SipMessage::response_to(notify, 200, "");
    let outs = feed(&mut s, Time::ZERO, rx(Iface::Mw, PCSCF, ok.encode()));
    assert!(transmits(&outs).is_empty());
    assert_eq!(s.counter("stray_responses"), 0);
}

#[test]
fn scscf_expires_bindings_and_refuses_brief_ones() {
    let (mut s, _) = scscf();
    registered(
        &mut s,
        ims_subscription_xml(&impi(IMSI_A), &[Impu::new(impu(IMSI_A))]),
    );
    let r = register(
        3,
        "<sip:001010000000001@10.46.0.2:31101;transport=tcp>;expires=5",
        &empty_auth("yes"),
    );
    let outs = mw(&mut s, Time::from_secs(1), &r);
    let resp = &sip_to(&outs, ICSCF)[0];
    assert_eq!(resp.status(), Some(423));
    assert_eq!(resp.header("Min-Expires"), Some("60"));
    let outs = feed(&mut s, Time::from_secs(599), Input::Timeout);
    assert!(
        cx_out(&outs).iter().all(|m| m.header.command != 301),
        "not yet"
    );
    let outs = feed(&mut s, Time::from_secs(600), Input::Timeout);
    let sar = cx_out(&outs)
        .into_iter()
        .find(|m| m.header.command == 301)
        .unwrap();
    let sar = Sar::from_message(&sar).unwrap();
    assert_eq!(
        sar.server_assignment_type,
        ServerAssignmentType::TimeoutDeregistration
    );
    assert!(s.registration(&impu(IMSI_A)).is_none());
    assert_eq!(s.counter("expired"), 1);
}

#[test]
fn scscf_routes_originating_requests_to_the_icscf_and_refuses_strangers() {
    let (mut s, _) = scscf();
    registered(
        &mut s,
        ims_subscription_xml(&impi(IMSI_A), &[Impu::new(impu(IMSI_A))]),
    );
    let message = |pai: &str| {
        sip(&format!(
            "MESSAGE sip:{IMSI_B}@{IMS} SIP/2.0
            Via: SIP/2.0/UDP pcscf.{IMS};branch=z9hG4bK-m1
            Route: <sip:orig@scscf.{IMS}:6060;lr>
            From: <sip:{IMSI_A}@{IMS}>;tag=m
            To: <sip:{IMSI_B}@{IMS}>
            Call-ID: m1
            CSeq: 1 MESSAGE
            P-Asserted-Identity: <{pai}>"
        ))
    };
    let outs = feed(
        &mut s,
        Time::ZERO,
        rx(Iface::Mw, PCSCF, message(&impu(IMSI_A)).encode()),
    );
    let fwd = &sip_to(&outs, ICSCF)[0];
    assert_eq!(fwd.header("Route"), None);
    assert_eq!(fwd.via().unwrap()[0].host, format!("scscf.{IMS}"));
    let outs = feed(
        &mut s,
        Time::ZERO,
        rx(
            Iface::Mw,
            PCSCF,
            message("sip:stranger@ims.example").encode(),
        ),
    );
    assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(403));
    // Terminating for a user not registered here: 480.
    let mut t = message(&impu(IMSI_A));
    t.set_header("Route", format!("<sip:scscf.{IMS}:6060;lr>"));
    let outs = feed(&mut s, Time::ZERO, rx(Iface::Mw, ICSCF, t.encode()));
    assert_eq!(sip_to(&outs, ICSCF)[0].status(), Some(480));
}
