//! Encode + decode of one large reference message per protocol.
//!
//! Run: `cargo bench --bench codecs`. The messages are the largest reference
//! encodings of each protocol in tests/fixtures/flow-refs.json.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use volte_sim::codec::{diameter, gtpu, gtpv2c, nas, parse_hex, s1ap::S1apMessage};

fn fixture(name: &str) -> Vec<u8> {
    let refs: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../tests/fixtures/flow-refs.json")).unwrap();
    let e = refs.iter().find(|e| e["name"] == name).unwrap();
    parse_hex(e["hex"].as_str().unwrap()).unwrap()
}

fn codecs(c: &mut Criterion) {
    let ics = fixture("s1ap_initial_context_setup_request");
    c.bench_function(
        "s1ap InitialContextSetupRequest decode+encode (170 B)",
        |b| {
            b.iter(|| {
                let m = S1apMessage::decode(black_box(&ics)).unwrap();
                black_box(m.encode().unwrap())
            })
        },
    );
    let act = fixture("nas_act_default_bearer_request_ims");
    c.bench_function(
        "nas ActivateDefaultBearerRequest+PCO decode+encode (88 B)",
        |b| {
            b.iter(|| {
                let m = nas::decode(black_box(&act)).unwrap();
                let inner = match &m {
                    nas::NasMessage::Protected(p) => p.inner_plain().unwrap(),
                    other => other.clone(),
                };
                black_box((m.encode(), inner.encode()))
            })
        },
    );
    let csr = fixture("gtpv2c_create_session_response");
    c.bench_function("gtpv2c CreateSessionResponse decode+encode (214 B)", |b| {
        b.iter(|| black_box(gtpv2c::decode(black_box(&csr)).unwrap().encode()))
    });
    let gpdu = fixture("gtpu_gpdu_sip_syn");
    c.bench_function("gtpu G-PDU decode+encode (48 B)", |b| {
        b.iter(|| black_box(gtpu::decode(black_box(&gpdu)).unwrap().encode()))
    });
    let ula = fixture("s6a_ula");
    c.bench_function("diameter S6a ULA typed decode+encode (736 B)", |b| {
        b.iter(|| {
            let m = diameter::s6a::Ula::decode(black_box(&ula)).unwrap();
            black_box(m.encode(1, 2))
        })
    });
    let saa = fixture("cx_saa");
    c.bench_function("diameter Cx SAA generic decode+encode (584 B)", |b| {
        b.iter(|| black_box(diameter::Message::decode(black_box(&saa)).unwrap().encode()))
    });
}

const REGISTER: &str = "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r
Via: SIP/2.0/TCP 10.46.0.2:5060;branch=z9hG4bK-1-reg;rport\r
Max-Forwards: 70\r
From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=3a4f7b1c\r
To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r
Call-ID: 9b7a1f2e-0001@10.46.0.2\r
CSeq: 1 REGISTER\r
Contact: <sip:001010000000001@10.46.0.2:5060;transport=tcp>;expires=600000;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"\r
Authorization: Digest username=\"001010000000001@ims.mnc001.mcc001.3gppnetwork.org\", realm=\"ims.mnc001.mcc001.3gppnetwork.org\", uri=\"sip:ims.mnc001.mcc001.3gppnetwork.org\", nonce=\"\", response=\"\"\r
Expires: 600000\r
Require: sec-agree\r
Proxy-Require: sec-agree\r
Supported: path, gruu, sec-agree\r
Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3929102;spi-s=3929103;port-c=31100;port-s=31101;prot=esp;mod=trans\r
P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000119B01\r
Content-Length: 0\r
\r
";

fn sip(c: &mut Criterion) {
    let bytes = REGISTER.as_bytes();
    c.bench_function("sip REGISTER decode+encode+typed headers (1 kB)", |b| {
        b.iter(|| {
            let m = volte_sim::codec::sip::decode(black_box(bytes)).unwrap();
            let sec = m.security_client().unwrap();
            let contacts = m.contacts().unwrap();
            black_box((m.encode(), sec, contacts))
        })
    });
}

criterion_group!(benches, codecs, sip);
criterion_main!(benches);
