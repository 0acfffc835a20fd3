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

criterion_group!(benches, codecs);
criterion_main!(benches);
