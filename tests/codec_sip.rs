//! SIP codec: the IMS registration ladder (REGISTER, 401, protected
//! REGISTER, 200), reg-event SUBSCRIBE/NOTIFY and MESSAGE parsed header by
//! header; compact and folded forms; round trips; TCP framing split at
//! every byte; malformed input; the AKAv1-MD5 known answers; property
//! tests; and `volte-sim decode --proto sip`.

mod common;

use common::{Mutation, mutate};

use proptest::prelude::*;
use volte_sim::codec::sip::{
    self, Challenge, Contacts, Credentials, Framer, Method, NameAddr, Param, SecurityMechanism,
    SipMessage, StartLine, Uri, Via, decode_datagram,
};
use volte_sim::crypto::aka_digest::{self, AkaNonce, DigestInput};
use volte_sim::crypto::{Autn, Rand};

const REALM: &str = "ims.mnc001.mcc001.3gppnetwork.org";
const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const NONCE: &str = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";

/// Joins header lines with CRLF, adds Content-Length, the empty line and
/// the body.
fn msg(head: &str, body: &str) -> Vec<u8> {
    let mut s = String::new();
    for line in head.lines() {
        s.push_str(line);
        s.push_str("\r\n");
    }
    s.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.into_bytes()
}

fn register() -> Vec<u8> {
    msg(
        "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0
Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport
Max-Forwards: 70
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>
Call-ID: 9b7a1f2e-0001@10.46.0.2
CSeq: 1 REGISTER
Contact: <sip:001010000000001@10.46.0.2:5060;transport=tcp>;expires=600000;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;reg-id=1;q=0.9
Authorization: Digest username=\"001010000000001@ims.mnc001.mcc001.3gppnetwork.org\", realm=\"ims.mnc001.mcc001.3gppnetwork.org\", uri=\"sip:ims.mnc001.mcc001.3gppnetwork.org\", nonce=\"\", response=\"\"
Expires: 600000
Require: sec-agree
Proxy-Require: sec-agree
Supported: path, gruu, sec-agree
Allow: INVITE, ACK, CANCEL, BYE, UPDATE, PRACK, MESSAGE, NOTIFY, OPTIONS
Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3929102;spi-s=3929103;port-c=31100;port-s=31101;prot=esp;mod=trans, ipsec-3gpp;alg=hmac-md5-96;ealg=null;spi-c=3929102;spi-s=3929103;port-c=31100;port-s=31101
P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000119B01
User-Agent: volte-sim UE/0.1",
        "",
    )
}

/// The S-CSCF's 401 on Mw: ik and ck ride along for the P-CSCF.
fn unauthorized_mw() -> Vec<u8> {
    msg(
        "SIP/2.0 401 Unauthorized
Via: SIP/2.0/UDP 10.40.0.3:5060;branch=z9hG4bK-icscf-1
Via: SIP/2.0/UDP 10.46.0.1:5060;branch=z9hG4bK-pcscf-1
Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport=5060;received=10.46.0.2
Path: <sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=scscf-401
Call-ID: 9b7a1f2e-0001@10.46.0.2
CSeq: 1 REGISTER
WWW-Authenticate: Digest realm=\"ims.mnc001.mcc001.3gppnetwork.org\", nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\", algorithm=AKAv1-MD5, qop=\"auth\", ik=\"00112233445566778899aabbccddeeff\", ck=\"b40ba9a3c58b2a05bbf0d987b21bf8cb\"",
        "",
    )
}

/// The P-CSCF's 401 on Gm: keys removed, Security-Server added.
fn unauthorized_gm() -> Vec<u8> {
    msg(
        "SIP/2.0 401 Unauthorized
Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport=5060;received=10.46.0.2
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=scscf-401
Call-ID: 9b7a1f2e-0001@10.46.0.2
CSeq: 1 REGISTER
WWW-Authenticate: Digest realm=\"ims.mnc001.mcc001.3gppnetwork.org\", nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\", algorithm=AKAv1-MD5, qop=\"auth\"
Security-Server: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;spi-c=8000;spi-s=8001;port-c=5100;port-s=6100;prot=esp;mod=trans",
        "",
    )
}

/// The second REGISTER, over the SAs (port-c 31100 to port-s 6100).
fn register_protected() -> Vec<u8> {
    msg(
        "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0
Via: SIP/2.0/TCP 10.46.0.2:31100;branch=z9hG4bK-2-reg;rport
Max-Forwards: 70
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>
Call-ID: 9b7a1f2e-0001@10.46.0.2
CSeq: 2 REGISTER
Contact: <sip:001010000000001@10.46.0.2:31100;transport=tcp>;expires=600000;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";reg-id=1
Authorization: Digest username=\"001010000000001@ims.mnc001.mcc001.3gppnetwork.org\", realm=\"ims.mnc001.mcc001.3gppnetwork.org\", nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\", uri=\"sip:ims.mnc001.mcc001.3gppnetwork.org\", response=\"402ab8df9f3a4d63a9f47c2f90e02938\", algorithm=AKAv1-MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001, integrity-protected=\"ip-assoc-pending\"
Expires: 600000
Require: sec-agree
Proxy-Require: sec-agree
Supported: path, gruu, sec-agree
Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3929102;spi-s=3929103;port-c=31100;port-s=31101;prot=esp;mod=trans
Security-Verify: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;spi-c=8000;spi-s=8001;port-c=5100;port-s=6100;prot=esp;mod=trans
P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000119B01
P-Visited-Network-ID: \"Visited Network Number 1\", ims.mnc001.mcc001.3gppnetwork.org",
        "",
    )
}

fn ok_200() -> Vec<u8> {
    msg(
        "SIP/2.0 200 OK
Via: SIP/2.0/TCP 10.46.0.2:31100;branch=z9hG4bK-2-reg;rport=31100;received=10.46.0.2
Path: <sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr>
Service-Route: <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=scscf-200
Call-ID: 9b7a1f2e-0001@10.46.0.2
CSeq: 2 REGISTER
Contact: <sip:001010000000001@10.46.0.2:31100;transport=tcp>;expires=3600;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\", <sip:001010000000001@10.46.0.9:5060>;expires=120
P-Associated-URI: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>, <tel:+15550001>, \"Alice\" <sip:+15550001@ims.mnc001.mcc001.3gppnetwork.org;user=phone>
P-Charging-Function-Addresses: ccf=192.0.2.10
P-Charging-Vector: icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\";icid-generated-at=10.46.0.1;orig-ioi=ims.mnc001.mcc001.3gppnetwork.org
Date: Thu, 01 Jan 2026 00:00:00 GMT
Allow: INVITE, ACK, CANCEL, BYE, MESSAGE, SUBSCRIBE, NOTIFY
Supported: path",
        "",
    )
}

fn subscribe() -> Vec<u8> {
    msg(
        "SUBSCRIBE sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org SIP/2.0
Via: SIP/2.0/TCP 10.46.0.2:31100;branch=z9hG4bK-3-sub;rport
Max-Forwards: 70
Route: <sip:10.46.0.1:6100;lr>, <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=sub-1
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>
Call-ID: sub-9b7a@10.46.0.2
CSeq: 1 SUBSCRIBE
Contact: <sip:001010000000001@10.46.0.2:31100;transport=tcp>
Event: reg
Accept: application/reginfo+xml
Expires: 600000
P-Preferred-Identity: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>
P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000119B01",
        "",
    )
}

const REGINFO: &str = "<?xml version=\"1.0\"?>\r\n<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"0\" state=\"full\">\r\n  <registration aor=\"sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org\" id=\"reg1\" state=\"active\">\r\n    <contact id=\"c1\" state=\"active\" event=\"registered\" expires=\"600000\">\r\n      <uri>sip:001010000000001@10.46.0.2:31100;transport=tcp</uri>\r\n    </contact>\r\n  </registration>\r\n  <registration aor=\"tel:+15550001\" id=\"reg2\" state=\"active\">\r\n    <contact id=\"c2\" state=\"terminated\" event=\"expired\">\r\n      <uri>sip:001010000000001@10.46.0.9:5060</uri>\r\n    </contact>\r\n  </registration>\r\n</reginfo>\r\n";

fn notify() -> Vec<u8> {
    msg(
        "NOTIFY sip:001010000000001@10.46.0.2:31100;transport=tcp SIP/2.0
Via: SIP/2.0/TCP 10.46.0.1:6100;branch=z9hG4bK-pcscf-n1
Via: SIP/2.0/UDP 10.40.0.4:6060;branch=z9hG4bK-scscf-n1
Max-Forwards: 69
Record-Route: <sip:10.46.0.1:6100;lr>
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=scscf-n
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=sub-1
Call-ID: sub-9b7a@10.46.0.2
CSeq: 1 NOTIFY
Contact: <sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060>
Event: reg
Subscription-State: active;expires=600000
Content-Type: application/reginfo+xml",
        REGINFO,
    )
}

fn message() -> Vec<u8> {
    msg(
        "MESSAGE tel:+15550002;phone-context=ims.mnc001.mcc001.3gppnetwork.org SIP/2.0
Via: SIP/2.0/UDP 10.46.0.1:5060;branch=z9hG4bK-pcscf-m1
Via: SIP/2.0/TCP 10.46.0.2:31100;branch=z9hG4bK-4-msg;rport=31100;received=10.46.0.2
Max-Forwards: 69
Route: <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>
Record-Route: <sip:10.46.0.1:5060;lr>
From: \"Alice\" <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=msg-1
To: <tel:+15550002;phone-context=ims.mnc001.mcc001.3gppnetwork.org>
Call-ID: msg-1@10.46.0.2
CSeq: 1 MESSAGE
P-Asserted-Identity: <sip:+15550001@ims.mnc001.mcc001.3gppnetwork.org;user=phone>, <tel:+15550001>
P-Charging-Vector: icid-value=\"1234bc9876e\";orig-ioi=ims.mnc001.mcc001.3gppnetwork.org
Content-Type: text/plain;charset=UTF-8",
        "Hello from UE A\r\n",
    )
}

/// Every realistic message, by name.
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("register", register()),
        ("401 mw", unauthorized_mw()),
        ("401 gm", unauthorized_gm()),
        ("register protected", register_protected()),
        ("200", ok_200()),
        ("subscribe", subscribe()),
        ("notify", notify()),
        ("message", message()),
    ]
}

fn dec(b: &[u8]) -> SipMessage {
    sip::decode(b).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(b)))
}

fn uri(s: &str) -> Uri {
    Uri::parse(s).unwrap()
}

// ----- the registration ladder -------------------------------------------

#[test]
fn register_parses_every_header() {
    let m = dec(&register());
    assert_eq!(m.method(), Some(&Method::Register));
    assert_eq!(
        m.request_uri(),
        Some(&uri("sip:ims.mnc001.mcc001.3gppnetwork.org"))
    );
    assert_eq!(
        m.summary(),
        "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)"
    );

    let via = m.via().unwrap();
    assert_eq!(via.len(), 1);
    assert_eq!(via[0].sent_protocol(), "SIP/2.0/TCP");
    assert_eq!(
        (via[0].host.as_str(), via[0].port),
        ("10.46.0.2", Some(5060))
    );
    assert_eq!(via[0].branch().as_deref(), Some("z9hG4bK-1-reg"));
    assert!(via[0].has_rport());
    assert_eq!(via[0].rport(), None);
    assert_eq!(m.max_forwards().unwrap(), Some(70));

    let from = m.from().unwrap();
    assert_eq!(
        from.uri,
        uri("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org")
    );
    assert_eq!(from.tag().as_deref(), Some("3a4f7b1c"));
    let to = m.to().unwrap();
    assert_eq!(to.uri, from.uri);
    assert_eq!(to.tag(), None);
    assert_eq!(m.call_id().unwrap(), "9b7a1f2e-0001@10.46.0.2");
    let cseq = m.cseq().unwrap();
    assert_eq!((cseq.seq, cseq.method), (1, Method::Register));

    let Contacts::List(contacts) = m.contacts().unwrap() else {
        panic!("not a list")
    };
    assert_eq!(contacts.len(), 1);
    let c = &contacts[0];
    assert_eq!(
        c.uri,
        uri("sip:001010000000001@10.46.0.2:5060;transport=tcp")
    );
    assert_eq!(c.expires(), Some(600_000));
    assert_eq!(
        c.instance().as_deref(),
        Some("<urn:gsma:imei:35209900-176148-0>")
    );
    assert_eq!(
        c.icsi_ref().as_deref(),
        Some("urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel")
    );
    assert_eq!(c.reg_id(), Some(1));
    assert_eq!(c.q(), Some(0.9));
    assert!(c.params.has("+g.3gpp.smsip"));

    let auth = m.authorization().unwrap();
    let d = auth[0].digest().unwrap();
    assert_eq!(d.username, IMPI);
    assert_eq!(d.realm, REALM);
    assert_eq!(d.uri, "sip:ims.mnc001.mcc001.3gppnetwork.org");
    assert_eq!((d.nonce.as_str(), d.response.as_str()), ("", ""));
    assert_eq!(d.algorithm, None);

    assert_eq!(m.expires().unwrap(), Some(600_000));
    assert_eq!(m.require().unwrap(), vec!["sec-agree"]);
    assert_eq!(m.proxy_require().unwrap(), vec!["sec-agree"]);
    assert_eq!(m.supported().unwrap(), vec!["path", "gruu", "sec-agree"]);
    let allow = m.allow().unwrap();
    assert_eq!(allow.len(), 9);
    assert_eq!(allow[6], Method::Message);

    let sc = m.security_client().unwrap();
    assert_eq!(sc.len(), 2);
    let i = sc[0].ipsec().unwrap();
    assert_eq!(i.alg, "hmac-sha-1-96");
    assert_eq!(i.ealg.as_deref(), Some("null"));
    assert_eq!((i.spi_c, i.spi_s), (3_929_102, 3_929_103));
    assert_eq!((i.port_c, i.port_s), (31_100, 31_101));
    assert_eq!(
        (i.prot.as_deref(), i.mode.as_deref()),
        (Some("esp"), Some("trans"))
    );
    assert_eq!(sc[1].ipsec().unwrap().alg, "hmac-md5-96");

    let pani = m.p_access_network_info().unwrap();
    assert_eq!(pani[0].access_type, "3GPP-E-UTRAN-FDD");
    assert_eq!(pani[0].cell_id().as_deref(), Some("00101000119B01"));
    assert_eq!(m.user_agent(), Some("volte-sim UE/0.1"));
    assert_eq!(m.content_length().unwrap(), Some(0));
    assert!(m.body.is_empty());
}

#[test]
fn unauthorized_on_mw_carries_nonce_ik_ck() {
    let m = dec(&unauthorized_mw());
    assert_eq!(m.status(), Some(401));
    assert_eq!(m.summary(), "401 Unauthorized (REGISTER)");
    let via = m.via().unwrap();
    assert_eq!(via.len(), 3);
    assert_eq!(via[2].rport(), Some(5060));
    assert_eq!(via[2].received().as_deref(), Some("10.46.0.2"));
    assert_eq!(m.to().unwrap().tag().as_deref(), Some("scscf-401"));
    let path = m.path().unwrap();
    assert_eq!(
        path[0].uri,
        uri("sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;lr")
    );

    let ch = m.www_authenticate().unwrap();
    let d = ch[0].digest().unwrap();
    assert_eq!(d.realm, REALM);
    assert_eq!(d.nonce, NONCE);
    assert!(d.is_aka_v1_md5());
    assert_eq!(d.qop, vec!["auth"]);
    assert_eq!(d.ik.as_deref(), Some("00112233445566778899aabbccddeeff"));
    assert_eq!(d.ck_bytes().unwrap()[..2], [0xb4, 0x0b]);

    // The nonce is RAND || AUTN of Milenage test set 1 (RFC 3310 3.2).
    let v = &common::crypto_vectors()["aka_digest"][0];
    let n = AkaNonce::decode(&d.nonce).unwrap();
    assert_eq!(n.rand, Rand::from_hex(v["rand"].as_str().unwrap()).unwrap());
    assert_eq!(n.autn, Autn::from_hex(v["autn"].as_str().unwrap()).unwrap());
    assert!(n.server_data.is_empty());

    // What the P-CSCF forwards: the same challenge without the keys.
    let gm = dec(&unauthorized_gm());
    let forwarded = gm.www_authenticate().unwrap();
    assert_eq!(forwarded[0], Challenge::Digest(d.without_keys()));
}

#[test]
fn unauthorized_on_gm_carries_security_server() {
    let m = dec(&unauthorized_gm());
    let ss = m.security_server().unwrap();
    assert_eq!(ss.len(), 1);
    assert_eq!(ss[0].q(), Some(0.1));
    let i = ss[0].ipsec().unwrap();
    assert_eq!(
        (i.spi_c, i.spi_s, i.port_c, i.port_s),
        (8000, 8001, 5100, 6100)
    );
    assert_eq!(i.q.as_deref(), Some("0.1"));
    assert!(
        m.www_authenticate().unwrap()[0]
            .digest()
            .unwrap()
            .ik
            .is_none()
    );
}

#[test]
fn protected_register_answers_the_challenge() {
    let m = dec(&register_protected());
    assert_eq!(m.top_via().unwrap().port, Some(31_100));
    let auth = m.authorization().unwrap();
    let d = auth[0].digest().unwrap();
    assert_eq!(d.nonce, NONCE);
    assert_eq!(d.response, "402ab8df9f3a4d63a9f47c2f90e02938");
    assert!(d.is_aka_v1_md5());
    assert_eq!(d.cnonce.as_deref(), Some("0a4f113b"));
    assert_eq!(d.qop.as_deref(), Some("auth"));
    assert_eq!(d.nc.as_deref(), Some("00000001"));
    assert_eq!(d.integrity_protected.as_deref(), Some("ip-assoc-pending"));
    assert_eq!(d.auts, None);

    // The S-CSCF's check: recompute the response with XRES as password.
    let input = DigestInput {
        username: &d.username,
        realm: &d.realm,
        password: &common::hex_bytes("a54211d5e3ba50bf"),
        method: m.method().unwrap().as_str(),
        uri: &d.uri,
        nonce: &d.nonce,
        qop: Some(("00000001", "0a4f113b", "auth")),
    };
    assert!(input.verify(&d.response));

    let sv = m.security_verify().unwrap();
    assert_eq!(sv[0].ipsec().unwrap().port_s, 6100);
    assert_eq!(sv[0], dec(&unauthorized_gm()).security_server().unwrap()[0]);
    assert_eq!(
        m.security_client().unwrap()[0].ipsec().unwrap().spi_c,
        3_929_102
    );
    let pvni = m.p_visited_network_id().unwrap();
    assert_eq!(pvni.len(), 2);
    assert_eq!(pvni[0].network, "Visited Network Number 1");
    assert_eq!(pvni[1].network, REALM);
}

#[test]
fn ok_carries_service_route_associated_uris_path_and_contact_expiry() {
    let m = dec(&ok_200());
    assert_eq!(m.summary(), "200 OK (REGISTER)");
    let sr = m.service_route().unwrap();
    assert_eq!(sr.len(), 1);
    let Uri::Sip(s) = &sr[0].uri else { panic!() };
    assert_eq!((s.user.as_deref(), s.port), (Some("orig"), Some(6060)));
    assert!(s.params.has("lr"));
    let pau = m.p_associated_uri().unwrap();
    assert_eq!(pau.len(), 3);
    assert_eq!(pau[1].uri, uri("tel:+15550001"));
    assert_eq!(pau[2].display.as_deref(), Some("Alice"));
    assert_eq!(
        pau[2].uri.params().unwrap().value("user").as_deref(),
        Some("phone")
    );
    assert_eq!(m.path().unwrap().len(), 1);
    let contacts = m.contacts().unwrap();
    let list = contacts.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].expires(), Some(3600));
    assert_eq!(list[1].expires(), Some(120));
    let pcv = m.p_charging_vector().unwrap().unwrap();
    assert_eq!(pcv.icid().as_deref(), Some("AyretyU0dm+6O2IrT5tAFrbHLso="));
    assert_eq!(pcv.orig_ioi().as_deref(), Some(REALM));
    assert_eq!(pcv.term_ioi(), None);
    assert_eq!(m.header("Date"), Some("Thu, 01 Jan 2026 00:00:00 GMT"));
    assert_eq!(
        m.header("P-Charging-Function-Addresses"),
        Some("ccf=192.0.2.10")
    );
}

#[test]
fn subscribe_to_reg_event_parses() {
    let m = dec(&subscribe());
    let ev = m.event().unwrap().unwrap();
    assert_eq!(ev.value, "reg");
    assert!(ev.params.is_empty());
    let route = m.route().unwrap();
    assert_eq!(route.len(), 2);
    assert_eq!(route[0].uri, uri("sip:10.46.0.1:6100;lr"));
    assert_eq!(m.header("Accept"), Some("application/reginfo+xml"));
    assert_eq!(
        m.addresses("P-Preferred-Identity").unwrap()[0].uri,
        uri("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org")
    );
    assert_eq!(m.reginfo().unwrap(), None);
}

#[test]
fn notify_carries_reginfo_of_each_aor() {
    let m = dec(&notify());
    assert_eq!(
        m.summary(),
        "NOTIFY sip:001010000000001@10.46.0.2:31100;transport=tcp (CSeq 1)"
    );
    let ss = m.subscription_state().unwrap().unwrap();
    assert_eq!((ss.value.as_str(), ss.expires()), ("active", Some(600_000)));
    assert_eq!(
        m.record_route().unwrap()[0].uri,
        uri("sip:10.46.0.1:6100;lr")
    );
    assert_eq!(
        m.content_type().unwrap().unwrap().essence(),
        "application/reginfo+xml"
    );
    let r = m.reginfo().unwrap().unwrap();
    assert_eq!((r.version, r.state.as_str()), (0, "full"));
    assert_eq!(r.registrations.len(), 2);
    let a = &r.registrations[0];
    assert_eq!(
        a.aor,
        "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org"
    );
    assert_eq!(a.state, "active");
    assert_eq!(a.contacts.len(), 1);
    assert_eq!(
        a.contacts[0].uri,
        "sip:001010000000001@10.46.0.2:31100;transport=tcp"
    );
    assert_eq!(
        (a.contacts[0].event.as_str(), a.contacts[0].expires),
        ("registered", Some(600_000))
    );
    let b = &r.registrations[1];
    assert_eq!(
        (b.aor.as_str(), b.contacts[0].state.as_str()),
        ("tel:+15550001", "terminated")
    );
    assert_eq!(b.contacts[0].event, "expired");
}

#[test]
fn message_with_text_plain_parses() {
    let m = dec(&message());
    let Some(Uri::Tel(t)) = m.request_uri() else {
        panic!()
    };
    assert_eq!(t.number, "+15550002");
    assert_eq!(t.params.value("phone-context").as_deref(), Some(REALM));
    assert_eq!(m.from().unwrap().display.as_deref(), Some("Alice"));
    let pai = m.p_asserted_identity().unwrap();
    assert_eq!(pai.len(), 2);
    assert_eq!(pai[1].uri, uri("tel:+15550001"));
    let ct = m.content_type().unwrap().unwrap();
    assert_eq!(ct.essence(), "text/plain");
    assert_eq!(ct.params.value("charset").as_deref(), Some("UTF-8"));
    assert_eq!(m.body_text(), Some("Hello from UE A\r\n"));
    assert_eq!(m.content_length().unwrap(), Some(17));
    assert_eq!(m.via().unwrap()[1].rport(), Some(31_100));
}

#[test]
fn proxy_challenge_and_credentials_parse() {
    let challenge = msg(
        "SIP/2.0 407 Proxy Authentication Required
Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-p1
From: <sip:a@ims.example>;tag=1
To: <sip:b@ims.example>;tag=2
Call-ID: p1
CSeq: 3 MESSAGE
Proxy-Authenticate: Digest realm=\"ims.example\", nonce=\"abc\", opaque=\"op1\", stale=FALSE, domain=\"sip:ims.example\", algorithm=MD5, qop=\"auth,auth-int\", x-extra=tok",
        "",
    );
    let m = dec(&challenge);
    let pa = m.proxy_authenticate().unwrap();
    let d = pa[0].digest().unwrap();
    assert_eq!(d.opaque.as_deref(), Some("op1"));
    assert_eq!(d.stale, Some(false));
    assert_eq!(d.domain.as_deref(), Some("sip:ims.example"));
    assert_eq!(d.qop, vec!["auth", "auth-int"]);
    assert!(!d.is_aka_v1_md5());
    assert_eq!(d.other, vec![Param::new("x-extra", "tok")]);
    assert!(m.www_authenticate().unwrap().is_empty());

    let creds = msg(
        "MESSAGE sip:b@ims.example SIP/2.0
Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-p2
From: <sip:a@ims.example>;tag=1
To: <sip:b@ims.example>
Call-ID: p1
CSeq: 4 MESSAGE
Proxy-Authorization: Digest username=\"a\", realm=\"ims.example\", nonce=\"abc\", uri=\"sip:b@ims.example\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"op1\", qop=auth, nc=0000000a, cnonce=\"c0\"
Proxy-Authorization: Bearer token=\"t\"",
        "",
    );
    let m = dec(&creds);
    let pz = m.proxy_authorization().unwrap();
    assert_eq!(pz.len(), 2);
    let d = pz[0].digest().unwrap();
    assert_eq!(
        (d.username.as_str(), d.opaque.as_deref()),
        ("a", Some("op1"))
    );
    assert_eq!(
        (d.nc.as_deref(), d.cnonce.as_deref()),
        (Some("0000000a"), Some("c0"))
    );
    assert!(matches!(&pz[1], Credentials::Other { scheme, .. } if scheme == "Bearer"));
    assert!(m.authorization().unwrap().is_empty());
}

#[test]
fn every_compact_form_maps_to_its_header() {
    let pairs = [
        ("a", "Accept-Contact"),
        ("b", "Referred-By"),
        ("c", "Content-Type"),
        ("e", "Content-Encoding"),
        ("f", "From"),
        ("i", "Call-ID"),
        ("k", "Supported"),
        ("l", "Content-Length"),
        ("m", "Contact"),
        ("o", "Event"),
        ("r", "Refer-To"),
        ("s", "Subject"),
        ("t", "To"),
        ("u", "Allow-Events"),
        ("v", "Via"),
        ("x", "Session-Expires"),
        ("y", "Identity"),
    ];
    for (c, full) in pairs {
        assert_eq!(sip::canonical_name(c), full);
        assert_eq!(sip::canonical_name(&c.to_uppercase()), full);
        assert!(sip::Header::new(c, "").is(&full.to_lowercase()));
    }
    let b = msg(
        "REFER sip:b@x SIP/2.0
v: SIP/2.0/UDP h;branch=z9hG4bK-r
f: <sip:a@x>;tag=1
t: <sip:b@x>
i: r1
CSeq: 1 REFER
r: <sip:c@x>
b: <sip:a@x>
x: 1800;refresher=uac
a: *;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"
y: abc",
        "",
    );
    let m = dec(&b);
    assert_eq!(m.header("Refer-To"), Some("<sip:c@x>"));
    assert_eq!(m.header("Referred-By"), Some("<sip:a@x>"));
    assert_eq!(m.header("Session-Expires"), Some("1800;refresher=uac"));
    assert!(m.header("Accept-Contact").unwrap().starts_with("*;"));
    assert_eq!(m.header("Identity"), Some("abc"));
}

// ----- tolerance: compact forms, folding, LWS ------------------------------

#[test]
fn compact_and_folded_forms_read_like_full_ones() {
    let compact = "MESSAGE sip:b@ims.example SIP/2.0\r\n\
        v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-c1\r\n\
        V : SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bK-c0 , SIP/2.0/TCP\r\n 10.0.0.3;branch=z9hG4bK-cc\r\n\
        f:\"A\"<sip:a@ims.example>;tag=1\r\n\
        t: <sip:b@ims.example>\r\n\
        i: compact-1\r\n\
        CSEQ:   5   MESSAGE\r\n\
        m: <sip:a@10.0.0.1>\r\n\
        k: path,\r\n\tgruu\r\n\
        o: reg;id=7\r\n\
        u: reg, presence\r\n\
        s: hello\r\n\
        e: identity\r\n\
        max-forwards:\t70\r\n\
        www-authenticate: Digest realm=\"r\",\r\n   nonce=\"n\", algorithm=AKAv1-MD5\r\n\
        c: text/plain\r\n\
        l: 2\r\n\r\nhi";
    let m = dec(compact.as_bytes());
    let via = m.via().unwrap();
    assert_eq!(via.len(), 3);
    assert_eq!(via[1].port, Some(5070));
    assert_eq!(via[2].host, "10.0.0.3");
    assert_eq!(via[2].transport, "TCP");
    assert_eq!(m.from().unwrap().display.as_deref(), Some("A"));
    assert_eq!(m.to().unwrap().uri, uri("sip:b@ims.example"));
    assert_eq!(m.call_id().unwrap(), "compact-1");
    assert_eq!(m.cseq().unwrap().seq, 5);
    assert_eq!(m.contacts().unwrap().list().len(), 1);
    assert_eq!(m.supported().unwrap(), vec!["path", "gruu"]);
    assert_eq!(
        m.event().unwrap().unwrap().params.value("id").as_deref(),
        Some("7")
    );
    assert_eq!(m.tokens("Allow-Events").unwrap(), vec!["reg", "presence"]);
    assert_eq!(m.header("Subject"), Some("hello"));
    assert_eq!(m.header("Content-Encoding"), Some("identity"));
    assert_eq!(m.max_forwards().unwrap(), Some(70));
    let ch = m.www_authenticate().unwrap();
    assert_eq!(ch[0].digest().unwrap().nonce, "n");
    assert_eq!(m.content_type().unwrap().unwrap().essence(), "text/plain");
    assert_eq!(m.body, b"hi");
    // Folds become one space; names stay as written.
    assert_eq!(m.header("Supported"), Some("path, gruu"));
    assert_eq!(m.headers[0].name, "v");
    assert_eq!(m.headers[5].name, "CSEQ");
    // Serialization is canonical and parses back to the same message.
    let again = dec(&m.encode());
    assert_eq!(again, m);
    assert!(
        String::from_utf8(m.encode())
            .unwrap()
            .contains("\r\nk: path, gruu\r\n")
    );
}

#[test]
fn bare_lf_lines_and_leading_crlf_are_accepted() {
    let text = String::from_utf8(register()).unwrap().replace("\r\n", "\n");
    let m = dec(format!("\r\n\r\n{text}").as_bytes());
    assert_eq!(m, dec(&register()));
}

#[test]
fn contact_wildcard_and_unknown_headers_are_kept() {
    let b = msg(
        "REGISTER sip:ims.example SIP/2.0
Via: SIP/2.0/TCP h;branch=z9hG4bK-w
From: <sip:u@ims.example>;tag=1
To: <sip:u@ims.example>
Call-ID: w
CSeq: 9 REGISTER
Contact: *
Expires: 0
X-Custom-Thing: some ; odd = value,,
P-Unknown: \"quoted, stuff\"",
        "",
    );
    let m = dec(&b);
    assert_eq!(m.contacts().unwrap(), Contacts::Wildcard);
    assert_eq!(m.expires().unwrap(), Some(0));
    assert_eq!(m.header("x-custom-thing"), Some("some ; odd = value,,"));
    assert_eq!(m.header("P-Unknown"), Some("\"quoted, stuff\""));
    assert_eq!(m.encode(), b);
}

// ----- round trips -------------------------------------------------------

#[test]
fn encode_reproduces_canonical_fixtures_byte_for_byte() {
    for (name, b) in fixtures() {
        assert_eq!(dec(&b).encode(), b, "{name}");
    }
}

#[test]
fn typed_values_round_trip_through_display() {
    for (name, b) in fixtures() {
        let m = dec(&b);
        for v in m.via().unwrap() {
            assert_eq!(Via::parse(&v.to_string()).unwrap(), v, "{name}");
        }
        for a in m
            .contacts()
            .unwrap()
            .list()
            .iter()
            .chain(&m.route().unwrap())
            .chain(&m.p_associated_uri().unwrap())
            .chain([&m.from().unwrap(), &m.to().unwrap()])
        {
            assert_eq!(NameAddr::parse(&a.to_string()).unwrap(), *a, "{name}");
        }
        for c in m.authorization().unwrap() {
            assert_eq!(Credentials::parse(&c.to_string()).unwrap(), c, "{name}");
        }
        for c in m.www_authenticate().unwrap() {
            assert_eq!(Challenge::parse(&c.to_string()).unwrap(), c, "{name}");
        }
        for s in m
            .security_client()
            .unwrap()
            .into_iter()
            .chain(m.security_server().unwrap())
            .chain(m.security_verify().unwrap())
        {
            assert_eq!(
                SecurityMechanism::parse(&s.to_string()).unwrap(),
                s,
                "{name}"
            );
        }
        if let Some(r) = m.reginfo().unwrap() {
            assert_eq!(
                volte_sim::codec::sip::RegInfo::parse(r.to_xml().as_bytes()).unwrap(),
                r
            );
        }
    }
}

#[test]
fn builders_make_a_register_and_its_challenge() {
    let req_uri = uri("sip:ims.mnc001.mcc001.3gppnetwork.org");
    let impu = uri("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
    let via = Via::new("TCP", "10.46.0.2", Some(5060), "z9hG4bK-b1");
    let contact = NameAddr::new(uri("sip:001010000000001@10.46.0.2:5060"))
        .with_param(Param::new("expires", "600000"))
        .with_param(Param::quoted(
            "+sip.instance",
            "<urn:gsma:imei:35209900-176148-0>",
        ));
    let req = SipMessage::request(Method::Register, req_uri)
        .with_header("Via", &via)
        .with_header("Max-Forwards", 70)
        .with_header(
            "From",
            NameAddr::new(impu.clone()).with_param(Param::new("tag", "b1")),
        )
        .with_header("To", NameAddr::new(impu))
        .with_header("Call-ID", "built-1")
        .with_header("CSeq", "1 REGISTER")
        .with_header("Contact", &contact)
        .with_content_length();
    let wire = req.encode();
    let back = dec(&wire);
    assert_eq!(back, req);
    assert_eq!(back.contacts().unwrap().list()[0], contact);

    let challenge = volte_sim::codec::sip::DigestChallenge {
        realm: REALM.into(),
        nonce: NONCE.into(),
        algorithm: Some("AKAv1-MD5".into()),
        qop: vec!["auth".into()],
        ..Default::default()
    };
    let resp = SipMessage::response_to(&back, 401, "")
        .with_to_tag("t401")
        .with_header("WWW-Authenticate", &challenge);
    let resp = dec(&resp.encode());
    assert_eq!(resp.summary(), "401 Unauthorized (REGISTER)");
    assert_eq!(resp.via().unwrap(), vec![via]);
    assert_eq!(resp.from().unwrap(), back.from().unwrap());
    assert_eq!(resp.to().unwrap().tag().as_deref(), Some("t401"));
    assert_eq!(resp.call_id().unwrap(), "built-1");
    assert_eq!(resp.cseq().unwrap(), back.cseq().unwrap());
    assert_eq!(
        resp.www_authenticate().unwrap()[0],
        Challenge::Digest(challenge)
    );
    assert_eq!(resp.header("Content-Length"), Some("0"));
}

// ----- framing -----------------------------------------------------------

fn two_message_stream() -> (Vec<u8>, Vec<SipMessage>) {
    let a = notify();
    let b = register_protected();
    let mut stream = a.clone();
    stream.extend_from_slice(&b);
    (stream, vec![dec(&a), dec(&b)])
}

fn drain(f: &mut Framer) -> Vec<SipMessage> {
    std::iter::from_fn(|| f.next_message().unwrap()).collect()
}

#[test]
fn framer_yields_same_messages_at_every_split() {
    let (stream, want) = two_message_stream();
    let frames = |f: &mut Framer| -> Vec<Vec<u8>> {
        std::iter::from_fn(|| f.next_frame().unwrap()).collect()
    };
    let want_frames = vec![notify(), register_protected()];
    for cut in 0..=stream.len() {
        let mut f = Framer::new();
        f.push(&stream[..cut]);
        let mut got = frames(&mut f);
        f.push(&stream[cut..]);
        got.extend(frames(&mut f));
        assert_eq!(got, want_frames, "split at {cut}");
        assert_eq!(f.buffered(), 0);
        // Decoding is the same at every cut; check it at a few.
        if cut % 97 == 0 {
            let msgs: Vec<SipMessage> = got.iter().map(|b| dec(b)).collect();
            assert_eq!(msgs, want);
        }
    }
}

#[test]
fn framer_reads_byte_by_byte_with_keepalives() {
    let (stream, want) = two_message_stream();
    let mut with_pings = b"\r\n\r\n".to_vec();
    with_pings.extend_from_slice(&stream[..notify().len()]);
    with_pings.extend_from_slice(b"\r\n\r\n\r\n\r\n");
    with_pings.extend_from_slice(&stream[notify().len()..]);
    let mut f = Framer::new();
    let mut got = Vec::new();
    for b in &with_pings {
        f.push(std::slice::from_ref(b));
        got.extend(drain(&mut f));
    }
    assert_eq!(got, want);
    assert_eq!(f.pings(), 3);
}

#[test]
fn framer_splits_pipelined_messages_in_one_read() {
    let all: Vec<u8> = fixtures().into_iter().flat_map(|(_, b)| b).collect();
    let mut f = Framer::new();
    f.push(&all);
    let got = drain(&mut f);
    let want: Vec<SipMessage> = fixtures().iter().map(|(_, b)| dec(b)).collect();
    assert_eq!(got, want);
}

#[test]
fn framer_reports_bad_content_length_and_oversized_headers() {
    let bad = String::from_utf8(register())
        .unwrap()
        .replace("Content-Length: 0", "Content-Length: x1");
    let mut f = Framer::new();
    f.push(bad.as_bytes());
    let e = f.next_frame().unwrap_err();
    assert!(
        e.what
            .contains("line 18: header Content-Length: 'x1' is not a number"),
        "{e}"
    );
    assert_eq!(f.next_frame().unwrap_err(), e, "the stream stays failed");

    let mut f = Framer::new();
    f.push(b"REGISTER sip:x SIP/2.0\r\n");
    for _ in 0..2000 {
        f.push(b"X-Filler: 0123456789012345678901234567890123456789\r\n");
        if f.next_frame().is_err() {
            break;
        }
    }
    let e = f.next_frame().unwrap_err();
    assert!(e.what.contains("65536 bytes"), "{e}");
    assert!(f.buffered() < 70_000, "stopped soon after the cap");

    let mut f = Framer::new();
    f.push(b"MESSAGE sip:x SIP/2.0\r\nContent-Length: 99999999999999999999999\r\n\r\n");
    assert!(f.next_frame().unwrap_err().what.contains("too large"));
}

#[test]
fn framer_keeps_going_after_a_malformed_but_framed_message() {
    let broken = msg(
        "MESSAGE sip:x@y SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1",
        "",
    );
    let mut stream = broken;
    stream.extend_from_slice(&message());
    let mut f = Framer::new();
    f.push(&stream);
    let e = f.next_message().unwrap_err();
    assert!(e.what.contains("header From is missing"), "{e}");
    assert_eq!(f.next_message().unwrap(), Some(dec(&message())));
}

#[test]
fn datagram_mode_truncates_and_allows_no_content_length() {
    let mut d = message();
    d.extend_from_slice(b"trailing garbage");
    assert_eq!(decode_datagram(&d).unwrap(), dec(&message()));
    let no_cl = String::from_utf8(message())
        .unwrap()
        .replace("Content-Length: 17\r\n", "");
    let m = decode_datagram(no_cl.as_bytes()).unwrap();
    assert_eq!(m.body_text(), Some("Hello from UE A\r\n"));
    assert!(
        sip::decode(&d).is_err(),
        "strict decode refuses extra bytes"
    );
}

// ----- malformed input ---------------------------------------------------

fn err_of(b: &[u8]) -> String {
    sip::decode(b).unwrap_err().what
}

fn register_with(from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(register())
        .unwrap()
        .replacen(from, to, 1)
        .into_bytes()
}

#[test]
fn malformed_inputs_name_line_and_header() {
    let no_cseq = register_with("CSeq: 1 REGISTER\r\n", "");
    assert_eq!(
        err_of(&no_cseq),
        "line 18: header CSeq is missing (RFC 3261 8.1.1)"
    );

    let bad_cl = register_with("Content-Length: 0", "Content-Length: 12");
    assert_eq!(
        err_of(&bad_cl),
        "line 18: header Content-Length: says 12 bytes but the body has 0"
    );
    let bad_cl = register_with("Content-Length: 0", "Content-Length: -1");
    assert_eq!(
        err_of(&bad_cl),
        "line 18: header Content-Length: '-1' is not a number"
    );

    let bad_uri = register_with("To: <sip:001010000000001@", "To: <sip:@");
    assert_eq!(
        err_of(&bad_uri),
        "line 5: header To: bad URI 'sip:@ims.mnc001.mcc001.3gppnetwork.org': empty user part before '@'"
    );
    let bad_ruri = register_with("REGISTER sip:ims", "REGISTER ims");
    assert!(
        err_of(&bad_ruri).starts_with("line 1: Request-URI: bad URI 'ims.mnc001"),
        "{}",
        err_of(&bad_ruri)
    );

    let no_colon = register_with("Max-Forwards: 70", "Max-Forwards 70");
    assert_eq!(
        err_of(&no_colon),
        "line 3: header line without colon: 'Max-Forwards 70'"
    );

    let no_sent_by = register_with("Via: SIP/2.0/TCP 10.46.0.2:5060;", "Via: SIP/2.0/TCP ;");
    assert_eq!(err_of(&no_sent_by), "line 2: header Via: missing sent-by");

    let bad_spi = register_with("spi-c=3929102", "spi-c=99999999999");
    assert!(
        err_of(&bad_spi).starts_with("line 15: header Security-Client: ipsec-3gpp: spi-c"),
        "{}",
        err_of(&bad_spi)
    );

    let unterminated = register_with("response=\"\"", "response=\"");
    assert!(
        err_of(&unterminated).starts_with("line 9: header Authorization:"),
        "{}",
        err_of(&unterminated)
    );

    let twice = register_with("Call-ID: ", "Call-ID: a\r\nCall-ID: ");
    assert_eq!(
        err_of(&twice),
        "line 7: header Call-ID: appears more than once"
    );

    let star = register_with("Contact: <", "Contact: *, <");
    assert_eq!(
        err_of(&star),
        "line 8: header Contact: the wildcard '*' must be the only contact"
    );

    let fold_first = b"REGISTER sip:x SIP/2.0\r\n folded\r\n\r\n";
    assert_eq!(
        err_of(fold_first),
        "line 2: continuation line before any header"
    );

    let truncated = &register()[..200];
    assert!(
        err_of(truncated).contains("ends before the empty line"),
        "{}",
        err_of(truncated)
    );

    assert_eq!(err_of(b""), "line 1: message ends inside the start line");
    assert!(err_of(b"SIP/2.0 99 Low\r\n\r\n").contains("bad status code '99'"));
    assert!(err_of(b"REGISTER sip:x SIP/3.0\r\n\r\n").contains("unsupported version"));
    assert_eq!(
        err_of(b"REGISTER sip:x SIP/2.0\r\nVia: \xff\r\n\r\n"),
        "line 2: not valid UTF-8"
    );
    let e = sip::decode(&no_colon).unwrap_err();
    assert_eq!(
        (e.proto, e.offset),
        (
            "SIP",
            register()
                .windows(12)
                .position(|w| w == b"Max-Forwards")
                .unwrap()
        )
    );
}

// ----- AKAv1-MD5 known answers ---------------------------------------------

#[test]
fn aka_digest_reproduces_fixture_vector() {
    let v = &common::crypto_vectors()["aka_digest"][0];
    let s = |k: &str| v[k].as_str().unwrap();
    let rand = Rand::from_hex(s("rand")).unwrap();
    let autn = Autn::from_hex(s("autn")).unwrap();
    let nonce = AkaNonce::new(rand, autn);
    assert_eq!(common::hex_bytes(s("nonce_raw")), nonce.to_bytes());
    assert_eq!(nonce.encode(), s("nonce"));
    assert_eq!(AkaNonce::decode(s("nonce")).unwrap(), nonce);

    let password = common::hex_bytes(s("password_bytes_hex"));
    assert_eq!(password, common::hex_bytes(s("res_hex")));
    assert_eq!(password.len(), 8, "RES as raw octets");
    assert_eq!(
        aka_digest::ha1_input(s("username"), s("realm"), &password),
        common::hex_bytes(s("ha1_input_hex"))
    );
    let ha1 = aka_digest::ha1(s("username"), s("realm"), &password);
    assert_eq!(ha1, s("ha1"));
    let ha2 = aka_digest::ha2(s("method"), s("uri"));
    assert_eq!(ha2, s("ha2"));
    let qop = Some((s("nc"), s("cnonce"), s("qop")));
    assert_eq!(
        aka_digest::response(&ha1, s("nonce"), qop, &ha2),
        s("response")
    );
    let input = DigestInput {
        username: s("username"),
        realm: s("realm"),
        password: &password,
        method: s("method"),
        uri: s("uri"),
        nonce: s("nonce"),
        qop,
    };
    assert_eq!(input.response(), s("response"));
    assert!(input.verify(&s("response").to_uppercase()));
}

#[test]
fn aka_digest_differs_when_password_is_hex_spelling() {
    let v = &common::crypto_vectors()["aka_digest"][0];
    let s = |k: &str| v[k].as_str().unwrap();
    let wrong = &v["wrong_if_password_is_hex_string"];
    let hex_password = s("res_hex").as_bytes();
    let ha1 = aka_digest::ha1(s("username"), s("realm"), hex_password);
    assert_eq!(ha1, wrong["ha1"].as_str().unwrap());
    let r = aka_digest::response(
        &ha1,
        s("nonce"),
        Some((s("nc"), s("cnonce"), s("qop"))),
        &aka_digest::ha2(s("method"), s("uri")),
    );
    assert_eq!(r, wrong["response"].as_str().unwrap());
    assert_ne!(r, s("response"));
    assert_ne!(ha1, s("ha1"));
}

#[test]
fn auts_parameter_round_trips_through_credentials() {
    let auts = volte_sim::crypto::Auts::new([0x11; 14]);
    let text = aka_digest::encode_auts(&auts);
    let creds = volte_sim::codec::sip::DigestCredentials {
        username: IMPI.into(),
        realm: REALM.into(),
        nonce: NONCE.into(),
        uri: format!("sip:{REALM}"),
        response: String::new(),
        algorithm: Some("AKAv1-MD5".into()),
        auts: Some(text.clone()),
        ..Default::default()
    };
    let parsed = Credentials::parse(&creds.to_string()).unwrap();
    let d = parsed.digest().unwrap();
    assert_eq!(
        aka_digest::decode_auts(d.auts.as_deref().unwrap()).unwrap(),
        auts
    );
}

// ----- tree and CLI ------------------------------------------------------

#[test]
fn tree_spans_cover_each_header_line() {
    let b = register();
    let t = sip::tree(&b).unwrap();
    assert_eq!(
        t.value,
        "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)"
    );
    let line = t.find("Request-Line").unwrap();
    let (s, e) = line.span.unwrap();
    assert_eq!(
        &b[s..e],
        b"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0"
    );
    let (s, e) = t.find("Request-URI").unwrap().span.unwrap();
    assert_eq!(&b[s..e], b"sip:ims.mnc001.mcc001.3gppnetwork.org");
    let via = t.find("Via").unwrap();
    let (s, e) = via.span.unwrap();
    assert_eq!(
        &b[s..e],
        b"Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport"
    );
    assert_eq!(via.find("branch").unwrap().value, "z9hG4bK-1-reg");
    let sc = t.find("Security-Client").unwrap();
    assert_eq!(sc.children.len(), 2);
    assert_eq!(sc.children[0].find("spi-c").unwrap().value, "3929102");
    let headers = t.find("Message-Header").unwrap();
    assert_eq!(headers.children.len(), 17);
    for h in &headers.children {
        let (s, e) = h.span.unwrap();
        let text = std::str::from_utf8(&b[s..e]).unwrap();
        assert!(text.starts_with(&h.name), "{} vs {text}", h.name);
    }

    let n = notify();
    let t = sip::tree(&n).unwrap();
    let body = t.find("Message-Body").unwrap();
    assert_eq!(body.span, Some((n.len() - REGINFO.len(), n.len())));
    assert_eq!(
        body.find("aor").unwrap().value,
        "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org"
    );

    let folded = b"MESSAGE sip:b@x SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nf: <sip:a@x>;tag=1\r\nt: <sip:b@x>\r\ni: 1\r\nCSeq: 1 MESSAGE\r\nSubject: a\r\n b\r\nl: 0\r\n\r\n";
    let t = sip::tree(folded).unwrap();
    let subj = t.find("Subject").unwrap();
    let (s, e) = subj.span.unwrap();
    assert_eq!(&folded[s..e], b"Subject: a\r\n b");
    assert_eq!(
        t.find("Via").unwrap().find("Compact-Form").unwrap().value,
        "v"
    );
}

#[test]
fn cli_decode_prints_a_sip_tree() {
    let hex = volte_sim::codec::hex(&register());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["decode", "--proto", "sip", &hex])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("SIP: REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org (CSeq 1)\n"),
        "{text}"
    );
    assert!(
        text.contains("    Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport\n"),
        "{text}"
    );
    assert!(text.contains("spi-c: 3929102"), "{text}");
    assert!(
        text.contains("+sip.instance: <urn:gsma:imei:35209900-176148-0>"),
        "{text}"
    );

    // A capture saved as text is read raw.
    let path = std::env::temp_dir().join(format!("volte-sim-sip-{}.txt", std::process::id()));
    std::fs::write(&path, notify()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["decode", "--proto", "sip", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Subscription-State: active;expires=600000"),
        "{text}"
    );
    assert!(text.contains("aor: tel:+15550001"), "{text}");

    let bad = volte_sim::codec::hex(&register_with("CSeq: 1 REGISTER\r\n", ""));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["decode", "--proto", "sip", &bad])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 18: header CSeq is missing"));
}

// ----- property tests ----------------------------------------------------

fn never_panics(b: &[u8]) {
    let _ = sip::decode(b);
    let _ = sip::tree(b);
    let _ = decode_datagram(b);
    let mut f = Framer::with_limits(4096, 4096);
    for chunk in b.chunks(7) {
        f.push(chunk);
        while let Ok(Some(_)) = f.next_frame() {}
    }
    let _ = f.next_message();
    if let Ok(m) = sip::decode(b) {
        // Whatever decodes re-encodes to something that decodes the same.
        assert_eq!(sip::decode(&m.encode()).as_ref(), Ok(&m));
        let _ = m.summary();
        let _ = (
            m.via(),
            m.contacts(),
            m.authorization(),
            m.www_authenticate(),
        );
        let _ = (m.security_client(), m.reginfo(), m.p_charging_vector());
    }
}

/// A shared mutation, or an insert of one of SIP's own separators so that
/// mutations reach deep.
fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(vec![
        b";".to_vec(),
        b",".to_vec(),
        b"\"".to_vec(),
        b"<".to_vec(),
        b">".to_vec(),
        b":".to_vec(),
        b"\r\n".to_vec(),
        b"\r\n ".to_vec(),
        b"=".to_vec(),
        b"@".to_vec(),
        b" ".to_vec(),
        b"\xc3".to_vec(),
    ]);
    prop_oneof![
        4 => common::mutation(),
        1 => (any::<usize>(), interesting).prop_map(|(i, b)| Mutation::Insert(i, b)),
    ]
}

fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9.!%*_+`'~-]{0,10}"
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,8}(\\.[a-z][a-z0-9]{0,6}){0,3}",
        (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>())
            .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}")),
        "\\[fd00(:[0-9a-f]{1,4}){1,3}::[0-9a-f]{1,4}\\]",
    ]
}

fn param() -> impl Strategy<Value = Param> {
    prop_oneof![
        token().prop_map(Param::flag),
        (token(), token()).prop_map(|(n, v)| Param::new(n, v)),
        (token(), "[ -~&&[^\"\\\\]]{0,12}").prop_map(|(n, v)| Param::quoted(n, &v)),
    ]
}

fn sip_uri() -> impl Strategy<Value = Uri> {
    (
        any::<bool>(),
        prop::option::of("[a-z0-9+][a-z0-9.+_-]{0,12}"),
        host(),
        prop::option::of(any::<u16>()),
        prop::collection::vec((token(), prop::option::of(token())), 0..3),
    )
        .prop_map(|(secure, user, host, port, params)| {
            let mut s = format!("{}:", if secure { "sips" } else { "sip" });
            if let Some(u) = user {
                s.push_str(&u);
                s.push('@');
            }
            s.push_str(&host);
            if let Some(p) = port {
                s.push_str(&format!(":{p}"));
            }
            for (n, v) in params {
                match v {
                    Some(v) => s.push_str(&format!(";{n}={v}")),
                    None => s.push_str(&format!(";{n}")),
                }
            }
            Uri::parse(&s).unwrap()
        })
}

fn any_uri() -> impl Strategy<Value = Uri> {
    prop_oneof![
        3 => sip_uri(),
        1 => ("\\+[0-9]{4,12}", prop::collection::vec((token(), token()), 0..2)).prop_map(|(n, ps)| {
            let mut s = format!("tel:{n}");
            for (k, v) in ps {
                s.push_str(&format!(";{k}={v}"));
            }
            Uri::parse(&s).unwrap()
        }),
    ]
}

fn name_addr() -> impl Strategy<Value = NameAddr> {
    (
        prop::option::of("[ -~&&[^\"\\\\]]{0,12}"),
        any_uri(),
        prop::collection::vec(param(), 0..4),
    )
        .prop_map(|(display, uri, params)| {
            let mut a = NameAddr::new(uri);
            a.display = display;
            for p in params {
                a = a.with_param(p);
            }
            a
        })
}

fn via() -> impl Strategy<Value = Via> {
    (
        prop::sample::select(vec!["UDP", "TCP", "TLS", "SCTP"]),
        host(),
        prop::option::of(any::<u16>()),
        "[a-zA-Z0-9-]{1,16}",
        prop::collection::vec(param(), 0..3),
    )
        .prop_map(|(t, h, port, branch, params)| {
            let mut v = Via::new(t, &h, port, &format!("z9hG4bK{branch}"));
            for p in params {
                v.params.set(p);
            }
            v
        })
}

fn ipsec() -> impl Strategy<Value = SecurityMechanism> {
    (
        prop::sample::select(vec!["hmac-sha-1-96", "hmac-md5-96"]),
        prop::option::of(prop::sample::select(vec!["null", "aes-cbc"])),
        any::<u32>(),
        any::<u32>(),
        any::<u16>(),
        any::<u16>(),
        prop::option::of("0\\.[0-9]"),
    )
        .prop_map(|(alg, ealg, spi_c, spi_s, port_c, port_s, q)| {
            SecurityMechanism::Ipsec3gpp(volte_sim::codec::sip::Ipsec3gpp {
                q,
                alg: alg.into(),
                ealg: ealg.map(str::to_string),
                prot: Some("esp".into()),
                mode: Some("trans".into()),
                spi_c,
                spi_s,
                port_c,
                port_s,
                other: Default::default(),
            })
        })
}

fn generated_message() -> impl Strategy<Value = SipMessage> {
    let method = prop::sample::select(vec![
        Method::Register,
        Method::Subscribe,
        Method::Notify,
        Method::Message,
        Method::Options,
        Method::Extension("PUBLISH2".into()),
    ]);
    (
        prop::option::of(100u16..700),
        method,
        any_uri(),
        prop::collection::vec(via(), 1..3),
        name_addr(),
        name_addr(),
        "[a-zA-Z0-9@.-]{1,20}",
        0u32..(1 << 31),
        prop::collection::vec(name_addr(), 0..3),
        prop::collection::vec(ipsec(), 0..2),
        prop::collection::vec(("X-[A-Za-z]{1,8}", "[ -~]{0,20}"), 0..3),
        prop::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(
            |(status, method, ruri, vias, from, to, call_id, seq, contacts, sec, extra, body)| {
                let mut m = match status {
                    Some(code) => SipMessage::response(code, "Some Reason"),
                    None => SipMessage::request(method.clone(), ruri),
                };
                for v in &vias {
                    m.push_header("Via", v);
                }
                m.push_header("From", &from);
                m.push_header("To", &to);
                m.push_header("Call-ID", &call_id);
                m.push_header("CSeq", format!("{seq} {method}"));
                if !contacts.is_empty() {
                    let list: Vec<String> = contacts.iter().map(ToString::to_string).collect();
                    m.push_header("Contact", list.join(", "));
                }
                for s in &sec {
                    m.push_header("Security-Client", s);
                }
                for (n, v) in &extra {
                    m.push_header(n, v.trim());
                }
                m.set_body("application/octet-stream", body);
                m
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decoders_survive_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..300)) {
        never_panics(&b);
    }

    #[test]
    fn decoders_survive_arbitrary_text_lines(
        lines in prop::collection::vec("[ -~\t]{0,40}", 0..12),
        crlf in any::<bool>(),
    ) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let mut s = String::from("MESSAGE sip:a@b SIP/2.0");
        for l in &lines {
            s.push_str(sep);
            s.push_str(l);
        }
        s.push_str(sep);
        s.push_str(sep);
        never_panics(s.as_bytes());
    }

    #[test]
    fn decoders_survive_mutated_fixtures(
        which in 0usize..8,
        muts in prop::collection::vec(mutation(), 1..4),
    ) {
        let b = mutate(fixtures()[which].1.clone(), &muts);
        never_panics(&b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_messages_round_trip(m in generated_message()) {
        let wire = m.encode();
        let back = sip::decode(&wire);
        prop_assert_eq!(back.as_ref(), Ok(&m), "{}", String::from_utf8_lossy(&wire));
        let back = back.unwrap();
        prop_assert_eq!(back.via().unwrap().len(), m.list_values("Via").len());
        prop_assert_eq!(back.from().unwrap(), NameAddr::parse(m.header("From").unwrap()).unwrap());
        // Framed as a stream, split in two anywhere.
        let cut = wire.len() / 3;
        let mut f = Framer::new();
        f.push(&wire[..cut]);
        let first = f.next_message().unwrap();
        f.push(&wire[cut..]);
        let got = match first { Some(x) => x, None => f.next_message().unwrap().unwrap() };
        prop_assert_eq!(got, m);
    }

    #[test]
    fn generated_typed_values_round_trip(a in name_addr(), v in via(), s in ipsec()) {
        prop_assert_eq!(NameAddr::parse(&a.to_string()), Ok(a));
        prop_assert_eq!(Via::parse(&v.to_string()), Ok(v));
        prop_assert_eq!(SecurityMechanism::parse(&s.to_string()), Ok(s));
    }
}

#[test]
fn start_line_displays_canonically() {
    let m = dec(&ok_200());
    assert_eq!(
        m.start,
        StartLine::Response {
            code: 200,
            reason: "OK".into()
        }
    );
    assert_eq!(m.start.to_string(), "SIP/2.0 200 OK");
}
