//! The P-CSCF driven with Inputs: direct Gm frames as a UE sends them, and
//! SIP on Mw as the I-CSCF and S-CSCF answer.

use super::PCscf;
use super::gm::GmFrame;
use crate::codec::sip::{Challenge, Ipsec3gpp, SipMessage};
use crate::nodes::ims_tests::*;
use crate::nodes::{Iface, Input, NodeId, Output, Time};
use crate::topology::{IpsecEncryption, IpsecPolicy, NodeKind};
use std::net::SocketAddr;

fn pcscf(policy: IpsecPolicy, ealg: IpsecEncryption) -> PCscf {
    let mut topo = topology(policy);
    if let NodeKind::Pcscf(p) = &mut topo.nodes[PCSCF.0 as usize].kind {
        p.encryption = ealg;
    }
    let mut p = PCscf::new_direct(PCSCF, &topo);
    feed(&mut p, Time::ZERO, Input::Timeout);
    p
}

const OFFER: &str = "ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=31100;port-s=31101, ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=1111;spi-s=2222;port-c=31100;port-s=31101";

fn register(cseq: u32, headers: &str) -> SipMessage {
    sip(&format!(
        "REGISTER sip:{IMS} SIP/2.0
        Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-ue-{cseq};rport
        Max-Forwards: 70
        From: <sip:{IMSI_A}@{IMS}>;tag=1
        To: <sip:{IMSI_A}@{IMS}>
        Call-ID: r1
        CSeq: {cseq} REGISTER
        Contact: <sip:{IMSI_A}@10.46.0.2:31101;transport=tcp>;expires=600000
        Authorization: Digest username=\"{}\", realm=\"{IMS}\", nonce=\"\", uri=\"sip:{IMS}\", response=\"\"
        Supported: path, sec-agree
        {headers}",
        impi(IMSI_A)
    ))
}

fn sa(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// `msg` from UE A: `src` to `dst`, protected with `spi`.
fn from_ue(
    p: &mut PCscf,
    now: Time,
    src: &str,
    dst: &str,
    spi: Option<u32>,
    msg: &SipMessage,
) -> Vec<Output> {
    let f = GmFrame {
        src: sa(src),
        dst: sa(dst),
        spi,
        sip: msg.encode(),
    };
    feed(p, now, rx(Iface::Gm, UE_A, f.encode()))
}

/// The frames sent to UE A.
fn to_ue(outs: &[Output]) -> Vec<(GmFrame, SipMessage)> {
    transmits(outs)
        .iter()
        .filter(|t| t.iface == Iface::Gm && t.to == UE_A)
        .map(|t| {
            let f = GmFrame::decode(&t.bytes).unwrap();
            let m = SipMessage::decode(&f.sip).unwrap();
            (f, m)
        })
        .collect()
}

/// The 401 the S-CSCF sends, as the I-CSCF passes it on.
fn challenge(forwarded: &SipMessage) -> SipMessage {
    let mut r = SipMessage::response_to(forwarded, 401, "").with_to_tag("s1");
    r.remove_header("Content-Length");
    r.push_header(
        "WWW-Authenticate",
        format!(
            "Digest realm=\"{IMS}\", nonce=\"AAAA\", algorithm=AKAv1-MD5, qop=\"auth\", ik=\"00112233445566778899aabbccddeeff\", ck=\"ffeeddccbbaa99887766554433221100\""
        ),
    );
    r.with_content_length()
}

/// Runs the first REGISTER and its 401: the Security-Server.
fn challenged(p: &mut PCscf) -> Ipsec3gpp {
    let r = register(
        1,
        &format!("Require: sec-agree\nProxy-Require: sec-agree\nSecurity-Client: {OFFER}"),
    );
    let outs = from_ue(p, Time::ZERO, "10.46.0.2:5060", "10.46.0.1:5060", None, &r);
    let fwd = sip_to(&outs, ICSCF).remove(0);
    let outs = feed(
        p,
        Time::ZERO,
        rx(Iface::Mw, ICSCF, challenge(&fwd).encode()),
    );
    let (f, m) = to_ue(&outs).remove(0);
    assert_eq!(f.spi, None);
    m.security_server().unwrap()[0].ipsec().unwrap().clone()
}

fn protected_register(server: &Ipsec3gpp, cseq: u32) -> SipMessage {
    register_offering(server, cseq, OFFER)
}

#[test]
fn pcscf_requires_sec_agree_on_the_first_register() {
    let mut p = pcscf(IpsecPolicy::Required, IpsecEncryption::Null);
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:5060",
        "10.46.0.1:5060",
        None,
        &register(1, ""),
    );
    let (_, r) = to_ue(&outs).remove(0);
    assert_eq!(r.status(), Some(421));
    assert_eq!(r.header("Require"), Some("sec-agree"));
    let bad = register(
        2,
        "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=des-ede3-cbc;spi-c=1;spi-s=2;port-c=3;port-s=4",
    );
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:5060",
        "10.46.0.1:5060",
        None,
        &bad,
    );
    let (_, r) = to_ue(&outs).remove(0);
    assert_eq!(r.status(), Some(494));
    assert!(r.header("Security-Server").is_some());
    assert_eq!(p.counter("sec_agree_refused"), 2);
    assert!(sip_to(&outs, ICSCF).is_empty());
    // With IPsec optional, a UE without an offer goes on.
    let mut p = pcscf(IpsecPolicy::Optional, IpsecEncryption::Null);
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:5060",
        "10.46.0.1:5060",
        None,
        &register(1, ""),
    );
    let fwd = sip_to(&outs, ICSCF).remove(0);
    let outs = feed(
        &mut p,
        Time::ZERO,
        rx(Iface::Mw, ICSCF, challenge(&fwd).encode()),
    );
    let (_, r) = to_ue(&outs).remove(0);
    assert!(r.security_server().unwrap().is_empty());
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("offered no IPsec"))
    );
}

#[test]
fn pcscf_takes_keys_out_of_the_401_and_sets_up_the_sas() {
    let mut p = pcscf(IpsecPolicy::Required, IpsecEncryption::AesCbc);
    let r = register(
        1,
        &format!("Require: sec-agree\nProxy-Require: sec-agree\nSecurity-Client: {OFFER}"),
    );
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:5060",
        "10.46.0.1:5060",
        None,
        &r,
    );
    let fwd = sip_to(&outs, ICSCF).remove(0);
    // RFC 3329 2.3.1 step 5, TS 24.229 5.2.2.1, RFC 3327, RFC 3581.
    assert_eq!(fwd.header("Security-Client"), None);
    assert_eq!(fwd.header("Require"), None);
    assert_eq!(fwd.header("Proxy-Require"), None);
    assert_eq!(
        fwd.header("Path"),
        Some("<sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>")
    );
    assert_eq!(fwd.via().unwrap()[1].rport(), Some(5060));
    assert_eq!(fwd.via().unwrap()[0].host, format!("pcscf.{IMS}"));
    assert!(
        fwd.header("P-Charging-Vector")
            .unwrap()
            .contains("orig-ioi=ims.mnc001.mcc001.3gppnetwork.org")
    );
    let outs = feed(
        &mut p,
        Time::ZERO,
        rx(Iface::Mw, ICSCF, challenge(&fwd).encode()),
    );
    let (_, r401) = to_ue(&outs).remove(0);
    let Challenge::Digest(d) = &r401.www_authenticate().unwrap()[0] else {
        panic!()
    };
    assert_eq!((d.ik.as_ref(), d.ck.as_ref()), (None, None));
    assert_eq!(d.nonce, "AAAA");
    let s = r401.security_server().unwrap()[0].ipsec().unwrap().clone();
    assert_eq!(
        (s.alg.as_str(), s.ealg.as_deref()),
        ("hmac-sha-1-96", Some("aes-cbc"))
    );
    assert_eq!((s.port_c, s.port_s), (5100, 6100));
    assert_eq!(r401.via().unwrap().len(), 1, "our Via is gone");
    let ue = p.ue(&impi(IMSI_A)).unwrap();
    let temp = ue.temporary.as_ref().unwrap();
    assert_eq!(
        (
            temp.set.ue.spi_c,
            temp.set.ue.spi_s,
            temp.set.ue.port_c,
            temp.set.ue.port_s
        ),
        (1111, 2222, 31100, 31101)
    );
    assert_eq!(
        (temp.set.pcscf.spi_c, temp.set.pcscf.spi_s),
        (s.spi_c, s.spi_s)
    );
    assert_eq!(temp.set.ik.as_bytes()[0], 0x00);
    assert_eq!(temp.set.ck.as_bytes()[0], 0xff);
    // The temporary SAs go when no protected REGISTER comes (reg-await-auth).
    let outs = feed(&mut p, Time::from_secs(240), Input::Timeout);
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("no protected REGISTER came"))
    );
    assert!(p.ue(&impi(IMSI_A)).is_none());
    assert_eq!(p.counter("sa_removed"), 1);
}

#[test]
fn pcscf_accepts_the_second_register_only_through_the_sas() {
    let mut p = pcscf(IpsecPolicy::Required, IpsecEncryption::Null);
    let s = challenged(&mut p);
    let good = protected_register(&s, 2);
    // Unprotected: refused.
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:5060",
        "10.46.0.1:5060",
        None,
        &good,
    );
    assert_eq!(to_ue(&outs)[0].1.status(), Some(494));
    // Plain to the protected port: the transport drops it.
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:31100",
        "10.46.0.1:6100",
        None,
        &good,
    );
    assert!(transmits(&outs).is_empty());
    assert!(out_notes(&outs)[0].contains("only ESP is accepted there"));
    // Through the SA with a Security-Verify that is not our Security-Server.
    let mut wrong = s.clone();
    wrong.spi_s ^= 1;
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:31100",
        "10.46.0.1:6100",
        Some(s.spi_s),
        &protected_register(&wrong, 3),
    );
    assert_eq!(to_ue(&outs)[0].1.status(), Some(494));
    assert_eq!(to_ue(&outs)[0].0.spi, Some(1111), "answered through the SA");
    // Right: forwarded with integrity-protected="yes".
    let outs = from_ue(
        &mut p,
        Time::ZERO,
        "10.46.0.2:31100",
        "10.46.0.1:6100",
        Some(s.spi_s),
        &protected_register(&s, 4),
    );
    let fwd = sip_to(&outs, ICSCF).remove(0);
    let c = fwd.authorization().unwrap()[0].digest().unwrap().clone();
    assert_eq!(c.integrity_protected.as_deref(), Some("yes"));
    assert_eq!(fwd.header("Security-Verify"), None);
    // The 200: registered, SAs in use until the registration ends.
    let mut ok = SipMessage::response_to(&fwd, 200, "").with_to_tag("s2");
    ok.remove_header("Content-Length");
    ok.push_header(
        "Contact",
        format!("<sip:{IMSI_A}@10.46.0.2:31101;transport=tcp>;expires=600"),
    );
    ok.push_header("Service-Route", format!("<sip:orig@scscf.{IMS}:6060;lr>"));
    ok.push_header(
        "P-Associated-URI",
        format!("<{}>, <tel:+15550001>", impu(IMSI_A)),
    );
    let outs = feed(
        &mut p,
        Time::from_secs(1),
        rx(Iface::Mw, ICSCF, ok.with_content_length().encode()),
    );
    let (f, m) = to_ue(&outs).remove(0);
    assert_eq!(
        (m.status(), f.spi, f.src, f.dst),
        (
            Some(200),
            Some(1111),
            sa("10.46.0.1:6100"),
            sa("10.46.0.2:31100")
        )
    );
    let ue = p.registered("tel:+15550001").unwrap();
    assert!(ue.temporary.is_none());
    assert_eq!(
        ue.registered.as_ref().unwrap().service_route,
        [format!("<sip:orig@scscf.{IMS}:6060;lr>")]
    );
    assert_eq!(p.counter("registered"), 1);
    // A request from the core goes to the UE's port-s through the SAs.
    let notify = sip(&format!(
        "NOTIFY sip:{IMSI_A}@10.46.0.2:31101;transport=tcp SIP/2.0
        Via: SIP/2.0/UDP scscf.{IMS}:6060;branch=z9hG4bK-n1
        Route: <sip:pcscf.{IMS};lr>
        From: <{}>;tag=n
        To: <{}>;tag=s
        Call-ID: n1
        CSeq: 1 NOTIFY
        Event: reg
        Subscription-State: active;expires=100",
        impu(IMSI_A),
        impu(IMSI_A)
    ));
    let outs = feed(
        &mut p,
        Time::from_secs(2),
        rx(Iface::Mw, SCSCF, notify.encode()),
    );
    let (f, m) = to_ue(&outs).remove(0);
    assert_eq!(
        (f.src, f.dst, f.spi),
        (sa("10.46.0.1:5100"), sa("10.46.0.2:31101"), Some(2222))
    );
    assert_eq!(m.header("Route"), None);
    assert_eq!(m.via().unwrap()[0].sent_by(), "10.46.0.1:5100");
    // At expiry the registration and its SAs go.
    let outs = feed(&mut p, Time::from_secs(601), Input::Timeout);
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("registration expired")),
        "{outs:?}"
    );
    assert!(p.registered(&impu(IMSI_A)).is_none());
    assert_eq!(p.counter("expired"), 1);
}

#[test]
fn pcscf_answers_480_for_unknown_ues_and_notes_packets_it_cannot_read() {
    let mut p = pcscf(IpsecPolicy::Required, IpsecEncryption::Null);
    let m = sip(&format!(
        "MESSAGE sip:{IMSI_B}@10.46.0.3:31101 SIP/2.0
        Via: SIP/2.0/UDP scscf.{IMS}:6060;branch=z9hG4bK-m1
        From: <{}>;tag=m
        To: <{}>
        Call-ID: m1
        CSeq: 1 MESSAGE",
        impu(IMSI_A),
        impu(IMSI_B)
    ));
    let outs = feed(&mut p, Time::ZERO, rx(Iface::Mw, SCSCF, m.encode()));
    assert_eq!(sip_to(&outs, SCSCF)[0].status(), Some(480));
    let outs = feed(
        &mut p,
        Time::ZERO,
        rx(Iface::SGi, NodeId(7), vec![0x45, 0, 0, 20]),
    );
    assert!(out_notes(&outs)[0].contains("has no IP stack"));
    assert_eq!(p.counter("no_ip_stack"), 1);
    let outs = feed(
        &mut p,
        Time::ZERO,
        rx(Iface::Gm, UE_A, b"not a frame".to_vec()),
    );
    assert!(out_notes(&outs)[0].contains("dropped 11 bytes"));
}

/// The 200 the S-CSCF sends for `fwd`, as the I-CSCF passes it on.
fn registered_ok(fwd: &SipMessage) -> SipMessage {
    let mut ok = SipMessage::response_to(fwd, 200, "").with_to_tag("s2");
    ok.remove_header("Content-Length");
    ok.push_header(
        "Contact",
        format!("<sip:{IMSI_A}@10.46.0.2:31101;transport=tcp>;expires=600"),
    );
    ok.push_header("Service-Route", format!("<sip:orig@scscf.{IMS}:6060;lr>"));
    ok.push_header("P-Associated-URI", format!("<{}>", impu(IMSI_A)));
    ok.with_content_length()
}

/// A REGISTER through the SAs with `client` as its Security-Client.
fn register_offering(server: &Ipsec3gpp, cseq: u32, client: &str) -> SipMessage {
    let mut verify = server.clone();
    verify.q = Some("0.1".into());
    register(
        cseq,
        &format!(
            "Require: sec-agree\nProxy-Require: sec-agree\nSecurity-Client: {client}\nSecurity-Verify: {}",
            crate::codec::sip::SecurityMechanism::Ipsec3gpp(verify)
        ),
    )
}

#[test]
fn pcscf_lets_a_refresh_announce_new_spis_but_not_other_algorithms() {
    let mut p = pcscf(IpsecPolicy::Required, IpsecEncryption::Null);
    let s = challenged(&mut p);
    let through_sa = |p: &mut PCscf, msg: &SipMessage| {
        from_ue(
            p,
            Time::from_secs(2),
            "10.46.0.2:31100",
            "10.46.0.1:6100",
            Some(s.spi_s),
            msg,
        )
    };
    // The second REGISTER of the challenge must repeat the first's
    // Security-Client exactly: new SPIs there are refused.
    let moved = OFFER.replace("spi-c=1111", "spi-c=3333");
    let outs = through_sa(&mut p, &register_offering(&s, 2, &moved));
    assert_eq!(to_ue(&outs)[0].1.status(), Some(494));
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("differs from the one of the first REGISTER")),
        "{outs:?}"
    );
    // The right one registers.
    let outs = through_sa(&mut p, &protected_register(&s, 3));
    let fwd = sip_to(&outs, ICSCF).remove(0);
    feed(
        &mut p,
        Time::from_secs(2),
        rx(Iface::Mw, ICSCF, registered_ok(&fwd).encode()),
    );
    assert_eq!(p.counter("registered"), 1);

    // A refresh over the SAs in use announces the SPIs and ports of the
    // next SAs (TS 24.229 5.1.1.4.1): forwarded, and kept for a challenge.
    let next = OFFER
        .replace("spi-c=1111", "spi-c=5555")
        .replace("spi-s=2222", "spi-s=6666")
        .replace("port-c=31100", "port-c=32100")
        .replace("port-s=31101", "port-s=32101");
    let outs = through_sa(&mut p, &register_offering(&s, 4, &next));
    assert_eq!(sip_to(&outs, ICSCF).len(), 1, "{outs:?}");
    let ue = p.registered(&impu(IMSI_A)).unwrap();
    let offer = ue.offer.as_ref().unwrap();
    assert_eq!((offer.mechanism.spi_c, offer.mechanism.spi_s), (5555, 6666));
    assert_eq!(offer.mechanism.port_c, 32100);

    // Other algorithms in a refresh would be bidding down: refused.
    let md5 =
        "ipsec-3gpp;alg=hmac-md5-96;ealg=null;spi-c=7777;spi-s=8888;port-c=33100;port-s=33101";
    let outs = through_sa(&mut p, &register_offering(&s, 5, md5));
    assert_eq!(to_ue(&outs)[0].1.status(), Some(494));
    assert!(
        out_notes(&outs)
            .iter()
            .any(|n| n.contains("offers other algorithms than the registration's")),
        "{outs:?}"
    );
    assert_eq!(p.counter("sec_agree_refused"), 2);
}
