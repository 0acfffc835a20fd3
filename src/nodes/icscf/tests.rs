//! The I-CSCF driven with Inputs: REGISTERs and MESSAGEs as a P-CSCF and an
//! S-CSCF would send them, Cx answers as the HSS would.

use super::ICscf;
use super::cx::{lia_error_status, uaa_error_status};
use crate::codec::diameter::Message;
use crate::codec::diameter::base::{
    AuthSessionState, ExperimentalResult, VendorSpecificApplicationId,
};
use crate::codec::diameter::cx::{Lia, Lir, ServerCapabilities, Uaa, Uar, UserAuthorizationType};
use crate::codec::diameter::dict::{APP_CX, VENDOR_3GPP};
use crate::codec::sip::SipMessage;
use crate::nodes::cx_client::CX_TIMEOUT;
use crate::nodes::diameter_peer::DiameterPeer;
use crate::nodes::ims_tests::*;
use crate::nodes::{Iface, Input, Node, Output, Time};
use crate::topology::IpsecPolicy;
use std::time::Duration;

const SCSCF_URI: &str = "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060";

fn icscf() -> (ICscf, DiameterPeer<()>) {
    let topo = topology(IpsecPolicy::Required);
    let mut i = ICscf::new(ICSCF, &topo);
    let mut hss = hss_peer();
    open_cx(&mut i, &mut hss);
    (i, hss)
}

fn register(extra: &str) -> SipMessage {
    sip(&format!(
        "REGISTER sip:{IMS} SIP/2.0
        Via: SIP/2.0/UDP pcscf.{IMS};branch=z9hG4bK-p-1
        Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-ue-1;rport=5060
        Max-Forwards: 69
        From: <sip:{IMSI_A}@{IMS}>;tag=1
        To: <sip:{IMSI_A}@{IMS}>
        Call-ID: r1
        CSeq: 1 REGISTER
        Path: <sip:term@pcscf.{IMS};lr>
        P-Visited-Network-ID: {IMS}
        {extra}"
    ))
}

fn message() -> SipMessage {
    sip(&format!(
        "MESSAGE sip:{IMSI_B}@{IMS} SIP/2.0
        Via: SIP/2.0/UDP scscf.{IMS}:6060;branch=z9hG4bK-s-1
        Max-Forwards: 68
        From: <sip:{IMSI_A}@{IMS}>;tag=1
        To: <sip:{IMSI_B}@{IMS}>
        Call-ID: m1
        CSeq: 1 MESSAGE"
    ))
}

fn vsai() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
}

fn uaa(
    req: &Message,
    exp: Option<u32>,
    result: Option<u32>,
    name: Option<&str>,
    caps: Option<ServerCapabilities>,
) -> Vec<u8> {
    let (h, e) = DiameterPeer::<()>::answer_ids(req);
    Uaa {
        session_id: req.session_id().unwrap().into(),
        vendor_specific_application_id: Some(vsai()),
        result_code: result,
        experimental_result: exp.map(|c| ExperimentalResult::new(VENDOR_3GPP, c)),
        auth_session_state: Some(AuthSessionState::NoStateMaintained),
        origin_host: format!("hss.{IMS}"),
        origin_realm: IMS.into(),
        server_name: name.map(str::to_string),
        server_capabilities: caps,
        ..Default::default()
    }
    .encode(h, e)
}

fn lia(req: &Message, exp: Option<u32>, result: Option<u32>, name: Option<&str>) -> Vec<u8> {
    let (h, e) = DiameterPeer::<()>::answer_ids(req);
    Lia {
        session_id: req.session_id().unwrap().into(),
        vendor_specific_application_id: Some(vsai()),
        result_code: result,
        experimental_result: exp.map(|c| ExperimentalResult::new(VENDOR_3GPP, c)),
        auth_session_state: Some(AuthSessionState::NoStateMaintained),
        origin_host: format!("hss.{IMS}"),
        origin_realm: IMS.into(),
        server_name: name.map(str::to_string),
        ..Default::default()
    }
    .encode(h, e)
}

/// Sends `msg` from `from` and returns the one Cx request it caused.
fn query(i: &mut ICscf, from: crate::nodes::NodeId, msg: &SipMessage) -> Message {
    let outs = feed(i, Time::ZERO, rx(Iface::Mw, from, msg.encode()));
    let cx = cx_out(&outs);
    assert_eq!(cx.len(), 1, "{outs:?}");
    cx[0].clone()
}

fn answer(i: &mut ICscf, bytes: Vec<u8>) -> Vec<Output> {
    feed(i, Time::ZERO, rx(Iface::Cx, HSS, bytes))
}

#[test]
fn icscf_asks_uar_and_forwards_register_to_the_named_scscf() {
    let (mut i, _) = icscf();
    let req = query(
        &mut i,
        PCSCF,
        &register(
            "Authorization: Digest username=\"alice@ims.example\", realm=\"x\", nonce=\"\", uri=\"sip:x\", response=\"\"",
        ),
    );
    let uar = Uar::from_message(&req).unwrap();
    assert_eq!(uar.user_name, "alice@ims.example");
    assert_eq!(uar.public_identity, format!("sip:{IMSI_A}@{IMS}"));
    assert_eq!(uar.visited_network_identifier, IMS.as_bytes());
    assert_eq!(
        uar.user_authorization_type,
        Some(UserAuthorizationType::Registration)
    );
    assert_eq!(uar.origin_host, format!("icscf.{IMS}"));
    assert_eq!(uar.destination_realm, IMS);
    let outs = answer(&mut i, uaa(&req, Some(2001), None, Some(SCSCF_URI), None));
    let fwd = &sip_to(&outs, SCSCF)[0];
    assert_eq!(
        fwd.header("Route"),
        Some("<sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>")
    );
    let vias = fwd.via().unwrap();
    assert_eq!(
        (vias.len(), vias[0].host.as_str()),
        (3, "icscf.ims.mnc001.mcc001.3gppnetwork.org")
    );
    assert_eq!(fwd.max_forwards().unwrap(), Some(68));
    // The 200 comes back to the P-CSCF without our Via.
    let ok = SipMessage::response_to(fwd, 200, "");
    let outs = feed(&mut i, Time::ZERO, rx(Iface::Mw, SCSCF, ok.encode()));
    let back = &sip_to(&outs, PCSCF)[0];
    assert_eq!(back.via().unwrap().len(), 2);
    assert_eq!(i.pending(), 0);
}

#[test]
fn icscf_derives_impi_and_asks_de_registration_for_expires_zero() {
    let (mut i, _) = icscf();
    let req = query(
        &mut i,
        PCSCF,
        &register(&format!("Contact: <sip:{IMSI_A}@10.46.0.2>;expires=0")),
    );
    let uar = Uar::from_message(&req).unwrap();
    assert_eq!(uar.user_name, format!("{IMSI_A}@{IMS}"), "derived from To");
    assert_eq!(
        uar.user_authorization_type,
        Some(UserAuthorizationType::DeRegistration)
    );
}

#[test]
fn icscf_maps_uaa_errors_to_sip_responses() {
    // TS 24.229 5.3.1.2.
    assert_eq!(uaa_error_status(5001, true), 403);
    assert_eq!(uaa_error_status(5002, true), 403);
    assert_eq!(uaa_error_status(5004, true), 403);
    assert_eq!(uaa_error_status(5003, false), 403);
    assert_eq!(uaa_error_status(5012, false), 480);
    assert_eq!(uaa_error_status(3002, false), 480);
    assert_eq!(lia_error_status(5001, true), 404);
    assert_eq!(lia_error_status(5003, true), 480);
    for (exp, result, status) in [
        (Some(5001), None, 403),
        (Some(5002), None, 403),
        (Some(5004), None, 403),
        (None, Some(5003), 403),
        (None, Some(5012), 480),
    ] {
        let (mut i, _) = icscf();
        let req = query(&mut i, PCSCF, &register(""));
        let outs = answer(&mut i, uaa(&req, exp, result, None, None));
        let r = &sip_to(&outs, PCSCF)[0];
        assert_eq!(r.status(), Some(status), "{exp:?} {result:?}");
        assert_eq!(
            r.via().unwrap().len(),
            2,
            "answered with the P-CSCF's Via on top"
        );
        assert!(sip_to(&outs, SCSCF).is_empty());
        assert_eq!(i.counter("cx_errors"), 1);
    }
}

#[test]
fn icscf_picks_an_scscf_from_capabilities_or_answers_600() {
    let caps = |names: &[&str]| ServerCapabilities {
        server_name: names.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    for (c, to_scscf) in [
        (caps(&["sip:other.example", SCSCF_URI]), true),
        (caps(&[]), true),
        (caps(&["sip:other.example"]), false),
    ] {
        let (mut i, _) = icscf();
        let req = query(&mut i, PCSCF, &register(""));
        let outs = answer(&mut i, uaa(&req, Some(2001), None, None, Some(c)));
        if to_scscf {
            assert_eq!(sip_to(&outs, SCSCF).len(), 1);
        } else {
            assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(600));
            assert_eq!(i.counter("no_scscf"), 1);
        }
    }
}

#[test]
fn icscf_answers_480_when_the_hss_is_silent_or_answers_as_someone_else() {
    let (mut i, _) = icscf();
    let req = query(&mut i, PCSCF, &register(""));
    // An answer from the S6a identity is not the HSS's Cx identity.
    let mut m = Message::decode(&uaa(&req, Some(2001), None, Some(SCSCF_URI), None)).unwrap();
    for a in &mut m.avps {
        if a.code == crate::codec::diameter::dict::ORIGIN_HOST.code {
            *a = crate::codec::diameter::dict::ORIGIN_HOST
                .utf8("hss.epc.mnc001.mcc001.3gppnetwork.org");
        }
    }
    let outs = answer(&mut i, m.encode());
    assert!(transmits(&outs).is_empty());
    assert!(
        out_notes(&outs)[0].contains("is not the HSS's Cx identity"),
        "{outs:?}"
    );
    let due = i.poll_timeout().unwrap();
    assert_eq!(due, Time::ZERO + CX_TIMEOUT);
    let outs = feed(&mut i, due, Input::Timeout);
    assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(480));
    assert_eq!(i.counter("cx_timeouts"), 1);
}

#[test]
fn icscf_routes_terminating_requests_with_lir() {
    for (exp, result, name, status) in [
        (None, Some(2001), Some(SCSCF_URI), None),
        (Some(5001), None, None, Some(404)),
        (Some(5003), None, None, Some(480)),
        (Some(2003), None, None, Some(480)),
    ] {
        let (mut i, _) = icscf();
        let req = query(&mut i, SCSCF, &message());
        let lir = Lir::from_message(&req).unwrap();
        assert_eq!(lir.public_identity, format!("sip:{IMSI_B}@{IMS}"));
        let outs = answer(&mut i, lia(&req, exp, result, name));
        let to_s = sip_to(&outs, SCSCF);
        match status {
            None => {
                assert!(to_s[0].is_request());
                assert_eq!(
                    to_s[0].header("Route"),
                    Some("<sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>")
                );
            }
            Some(s) => assert_eq!(to_s[0].status(), Some(s)),
        }
    }
}

#[test]
fn icscf_answers_408_when_the_scscf_is_silent_and_483_without_hops() {
    let (mut i, mut hss) = icscf();
    let req = query(&mut i, PCSCF, &register(""));
    let _ = &mut hss;
    feed(
        &mut i,
        Time::ZERO,
        rx(
            Iface::Cx,
            HSS,
            uaa(&req, Some(2001), None, Some(SCSCF_URI), None),
        ),
    );
    let outs = feed(&mut i, Time::ZERO + Duration::from_secs(32), Input::Timeout);
    assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(408));
    let mut r = register("");
    r.set_header("Max-Forwards", 0);
    let outs = feed(&mut i, Time::ZERO, rx(Iface::Mw, PCSCF, r.encode()));
    assert_eq!(sip_to(&outs, PCSCF)[0].status(), Some(483));
    // Garbage and stray responses are dropped with a Note.
    let outs = feed(
        &mut i,
        Time::ZERO,
        rx(Iface::Mw, PCSCF, b"\x00\x01garbage".to_vec()),
    );
    assert_eq!(i.counter("decode_errors"), 1);
    assert!(transmits(&outs).is_empty());
    let stray = SipMessage::response_to(&register(""), 200, "");
    feed(&mut i, Time::ZERO, rx(Iface::Mw, SCSCF, stray.encode()));
    assert_eq!(i.counter("stray_responses"), 1);
}
