//! Known answers for the crypto module: every Milenage, 128-EEA2, 128-EIA2 and
//! KDF vector of tests/fixtures/crypto-vectors.json, the fixture AUTN and
//! AUTS, and properties of the AKA and cipher functions.

mod common;

use common::{crypto_vectors, hex_bytes};
use proptest::prelude::*;
use serde_json::Value;
use volte_sim::codec::hex;
use volte_sim::crypto::auth::{
    AuthVector, AutnOutcome, EutranVector, UsimSqn, generate_auts, recover_sqn_ms,
};
use volte_sim::crypto::eea2::eea2;
use volte_sim::crypto::eia2::eia2;
use volte_sim::crypto::kdf::{
    FC_ALGORITHM_KEY, FC_KASME, FC_KENB, KeyUsage, SnId, algorithm_key, kasme, kdf, kdf_input,
    kenb, knas_enc, knas_int,
};
use volte_sim::crypto::milenage::{Milenage, opc_from_op};
use volte_sim::crypto::nas::{NasCiphering, NasIntegrity};
use volte_sim::crypto::{Amf, Autn, Auts, Ck, Direction, Ik, K, Kasme, Key128, Op, Opc, Rand, Sqn};

fn section(name: &str) -> &'static [Value] {
    crypto_vectors()[name]
        .as_array()
        .expect("section is a list")
}

fn s<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("field {field} is a string"))
}

fn arr<const N: usize>(v: &Value, field: &str) -> [u8; N] {
    hex_bytes(s(v, field))
        .try_into()
        .unwrap_or_else(|_| panic!("field {field} has {N} bytes"))
}

fn count(v: &Value) -> u32 {
    u32::from_be_bytes(arr(v, "count"))
}

fn int(v: &Value, field: &str) -> u64 {
    v[field].as_u64().expect("integer field")
}

/// The inputs every EEA2/EIA2 test set has besides its data (TS 33.401 B).
struct NasVector {
    set: u64,
    key: Key128,
    count: u32,
    bearer: u8,
    dir: Direction,
    bits: usize,
}

impl NasVector {
    fn of(v: &Value) -> Self {
        Self {
            set: int(v, "test_set"),
            key: Key128::new(arr(v, "key")),
            count: count(v),
            bearer: u8::try_from(int(v, "bearer")).unwrap(),
            dir: Direction::from_bit(u8::try_from(int(v, "direction")).unwrap()),
            bits: usize::try_from(int(v, "length_bits")).unwrap(),
        }
    }
}

/// Milenage test set 1 (TS 35.208 4.3.1).
fn set1() -> (Milenage, Rand, Sqn, Amf) {
    (
        Milenage::with_op(
            K::from_hex("465b5ce8b199b49faa5f0a2ee238a6bc").unwrap(),
            &Op::from_hex("cdc202d5123e20f62b6d676ac72cb318").unwrap(),
        ),
        Rand::from_hex("23553cbe9637a89d218ae64dae47bf35").unwrap(),
        Sqn::from_hex("ff9bb4d0b607").unwrap(),
        Amf::from_hex("b9b9").unwrap(),
    )
}

const FIXTURE_AUTN: &str = "55f328b43577b9b94a9ffac354dfafb3";
const FIXTURE_AUTS: &str = "ba853f3c123ccf44e93596e355c6";

#[test]
fn milenage_reproduces_all_test_sets() {
    let sets = section("milenage");
    assert_eq!(sets.len(), 6);
    for v in sets {
        let set = int(v, "test_set");
        let k = K::new(arr(v, "k"));
        let op = Op::new(arr(v, "op"));
        let opc = Opc::new(arr(v, "opc"));
        assert_eq!(opc_from_op(&k, &op), opc, "set {set} OPc");
        let mil = Milenage::new(k, opc);
        let rand = Rand::new(arr(v, "rand"));
        let sqn = Sqn::from_bytes(arr(v, "sqn"));
        let amf = Amf::new(arr(v, "amf"));
        assert_eq!(
            hex(&mil.f1(&rand, sqn, amf)),
            s(v, "f1_mac_a"),
            "set {set} f1"
        );
        assert_eq!(
            hex(&mil.f1_star(&rand, sqn, amf)),
            s(v, "f1star_mac_s"),
            "set {set} f1*"
        );
        let out = mil.f2345(&rand);
        assert_eq!(out.res.to_string(), s(v, "f2_res"), "set {set} f2");
        assert_eq!(hex(out.ck.as_bytes()), s(v, "f3_ck"), "set {set} f3");
        assert_eq!(hex(out.ik.as_bytes()), s(v, "f4_ik"), "set {set} f4");
        assert_eq!(hex(out.ak.as_bytes()), s(v, "f5_ak"), "set {set} f5");
        assert_eq!(
            hex(mil.f5_star(&rand).as_bytes()),
            s(v, "f5star_ak_resync"),
            "set {set} f5*"
        );
    }
}

#[test]
fn eea2_reproduces_all_test_sets() {
    let sets = section("eea2");
    assert_eq!(sets.len(), 6);
    for v in sets {
        let t = NasVector::of(v);
        let plain = hex_bytes(s(v, "plaintext"));
        let cipher = hex_bytes(s(v, "ciphertext"));

        let mut buf = plain.clone();
        eea2(&t.key, t.count, t.bearer, t.dir, &mut buf, t.bits).unwrap();
        assert_eq!(hex(&buf), hex(&cipher), "set {} encrypt", t.set);

        let mut buf = cipher.clone();
        eea2(&t.key, t.count, t.bearer, t.dir, &mut buf, t.bits).unwrap();
        assert_eq!(hex(&buf), hex(&plain), "set {} decrypt", t.set);
    }
}

#[test]
fn eia2_reproduces_all_test_sets() {
    let sets = section("eia2");
    assert_eq!(sets.len(), 8);
    for v in sets {
        let t = NasVector::of(v);
        let msg = hex_bytes(s(v, "message"));
        let mac = eia2(&t.key, t.count, t.bearer, t.dir, &msg, t.bits).unwrap();
        assert_eq!(hex(&mac), s(v, "mac"), "set {}", t.set);
    }
}

#[test]
fn eia2_detects_a_flipped_message_bit() {
    let v = &section("eia2")[0];
    let key = Key128::new(arr(v, "key"));
    let mut msg = hex_bytes(s(v, "message"));
    msg[0] ^= 0x80;
    let mac = eia2(&key, count(v), 24, Direction::Uplink, &msg, 58).unwrap();
    assert_ne!(hex(&mac), s(v, "mac"));
}

#[test]
fn kdf_reproduces_all_entries() {
    let entries = section("kdf");
    assert_eq!(entries.len(), 15);
    for v in entries {
        let name = s(v, "name");
        let key = hex_bytes(s(v, "key_hex"));
        let fc = u8::from_str_radix(s(v, "fc"), 16).unwrap();
        let (params, typed): (Vec<Vec<u8>>, [u8; 32]) = match fc {
            FC_KASME => {
                let sn = SnId::from_plmn(s(v, "mcc"), s(v, "mnc")).unwrap();
                assert_eq!(hex(sn.as_bytes()), s(v, "sn_id"), "{name} SN id");
                let sqn = Sqn::from_bytes(arr(v, "sqn"));
                let ak = volte_sim::crypto::Ak::new(arr(v, "ak"));
                let concealed = ak.xor(&sqn.to_bytes());
                assert_eq!(hex(&concealed), s(v, "sqn_xor_ak"), "{name} SQN^AK");
                let ck = Ck::new(arr(v, "ck"));
                let ik = Ik::new(arr(v, "ik"));
                assert_eq!(hex(&key), format!("{}{}", s(v, "ck"), s(v, "ik")));
                let k = kasme(&ck, &ik, &sn, &concealed);
                (
                    vec![sn.as_bytes().to_vec(), concealed.to_vec()],
                    *k.as_bytes(),
                )
            }
            FC_KENB => {
                let ul = u32::from_be_bytes(arr(v, "uplink_nas_count"));
                let parent = Kasme::new(key.clone().try_into().unwrap());
                let k = kenb(&parent, ul);
                (vec![ul.to_be_bytes().to_vec()], *k.as_bytes())
            }
            FC_ALGORITHM_KEY => {
                let dist = u8::from_str_radix(s(v, "algorithm_type_distinguisher"), 16).unwrap();
                let alg = u8::from_str_radix(s(v, "algorithm_identity"), 16).unwrap();
                let usage = [
                    KeyUsage::NasEnc,
                    KeyUsage::NasInt,
                    KeyUsage::RrcEnc,
                    KeyUsage::RrcInt,
                    KeyUsage::UpEnc,
                    KeyUsage::UpInt,
                ]
                .into_iter()
                .find(|u| u.value() == dist)
                .unwrap();
                let parent: [u8; 32] = key.clone().try_into().unwrap();
                let k128 = algorithm_key(&parent, usage, alg);
                assert_eq!(hex(k128.as_bytes()), s(v, "key_128"), "{name} key_128");
                let full = volte_sim::crypto::kdf::algorithm_key_256(&parent, usage, alg);
                (vec![vec![dist], vec![alg]], full)
            }
            other => panic!("unexpected FC {other:#x}"),
        };
        let refs: Vec<&[u8]> = params.iter().map(Vec::as_slice).collect();
        assert_eq!(hex(&kdf_input(fc, &refs).unwrap()), s(v, "s"), "{name} S");
        assert_eq!(
            hex(&kdf(&key, fc, &refs).unwrap()),
            s(v, "output"),
            "{name} generic"
        );
        assert_eq!(hex(&typed), s(v, "output"), "{name} typed");
    }
}

#[test]
fn nas_keys_follow_chosen_algorithms() {
    // KDF entries 2 and 3: KNASenc (EEA0) and KNASint (EIA1) from the same KASME.
    let v = &section("kdf")[1];
    let parent = Kasme::new(arr(v, "key_hex"));
    assert_eq!(
        hex(knas_enc(&parent, NasCiphering::Eea0).as_bytes()),
        s(v, "key_128")
    );
    let v = &section("kdf")[2];
    assert_eq!(
        hex(knas_int(&parent, NasIntegrity::Eia1).as_bytes()),
        s(v, "key_128")
    );
}

#[test]
fn eutran_vector_reproduces_fixture_autn_and_kasme() {
    let (mil, rand, sqn, amf) = set1();
    let sn = SnId::from_plmn("001", "01").unwrap();
    let v = EutranVector::generate(&mil, rand, sqn, amf, &sn);
    assert_eq!(v.autn.to_string(), FIXTURE_AUTN);
    assert_eq!(v.xres.to_string(), "a54211d5e3ba50bf");
    assert_eq!(hex(v.ck.as_bytes()), "b40ba9a3c58b2a05bbf0d987b21bf8cb");
    assert_eq!(hex(v.ik.as_bytes()), "f769bcd751044604127672711c6d3441");
    // The KASME entry of the KDF chain from test set 1.
    assert_eq!(
        hex(v.kasme.as_bytes()),
        "48579af8781c742d5120e6ed8ccac13193f38c53ab7aa69396f49ca6e1b0562d"
    );
    let q = AuthVector::generate(&mil, rand, sqn, amf);
    assert_eq!(q.autn, v.autn);
}

#[test]
fn auts_reproduces_fixture_and_recovers_sqn_ms() {
    let (mil, rand, sqn, _) = set1();
    let auts = generate_auts(&mil, &rand, sqn);
    assert_eq!(auts.to_string(), FIXTURE_AUTS);
    let fixture = Auts::from_hex(FIXTURE_AUTS).unwrap();
    assert_eq!(recover_sqn_ms(&mil, &rand, &fixture), Some(sqn));
}

#[test]
fn usim_accepts_fixture_autn() {
    let (mil, rand, sqn, _) = set1();
    let autn = Autn::from_hex(FIXTURE_AUTN).unwrap();
    let mut usim = UsimSqn::new(Sqn::new(sqn.value() - 1).unwrap());
    match usim.check_autn(&mil, &rand, &autn) {
        AutnOutcome::Ok {
            res,
            ck,
            ik,
            sqn: got,
        } => {
            assert_eq!(res.to_string(), "a54211d5e3ba50bf");
            assert_eq!(hex(ck.as_bytes()), "b40ba9a3c58b2a05bbf0d987b21bf8cb");
            assert_eq!(hex(ik.as_bytes()), "f769bcd751044604127672711c6d3441");
            assert_eq!(got, sqn);
        }
        other => panic!("expected Ok, got {other:?}"),
    }
    assert_eq!(usim.highest(), sqn);
}

#[test]
fn usim_reports_mac_failure_for_any_flipped_bit() {
    let (mil, rand, sqn, _) = set1();
    let good = Autn::from_hex(FIXTURE_AUTN).unwrap();
    for bit in 0..128 {
        let mut b = *good.as_bytes();
        b[bit / 8] ^= 0x80 >> (bit % 8);
        let mut usim = UsimSqn::new(Sqn::new(sqn.value() - 1).unwrap());
        let before = usim;
        assert_eq!(
            usim.check_autn(&mil, &rand, &Autn::new(b)),
            AutnOutcome::MacFailure,
            "bit {bit}"
        );
        assert_eq!(usim, before, "state unchanged after MAC failure");
    }
}

#[test]
fn usim_reports_synch_failure_for_stale_sqn_and_hss_resyncs() {
    let (mil, rand, sqn, _) = set1();
    let autn = Autn::from_hex(FIXTURE_AUTN).unwrap();
    // The USIM has already seen this SQN: it is stale.
    let mut usim = UsimSqn::new(sqn);
    let AutnOutcome::SynchFailure { auts } = usim.check_autn(&mil, &rand, &autn) else {
        panic!("expected synch failure");
    };
    assert_eq!(auts.to_string(), FIXTURE_AUTS);
    // The HSS recovers SQN_MS and its next vector is accepted.
    let sqn_ms = recover_sqn_ms(&mil, &rand, &auts).expect("MAC-S verifies");
    assert_eq!(sqn_ms, sqn);
    let next = AuthVector::generate(
        &mil,
        rand,
        sqn_ms.wrapping_add(32),
        Amf::from_hex("8000").unwrap(),
    );
    assert!(matches!(
        usim.check_autn(&mil, &rand, &next.autn),
        AutnOutcome::Ok { .. }
    ));
}

#[test]
fn key_types_never_print_their_bytes() {
    let (mil, rand, sqn, amf) = set1();
    let sn = SnId::from_plmn("001", "01").unwrap();
    let v = EutranVector::generate(&mil, rand, sqn, amf, &sn);
    let text = format!("{v:?} {mil:?}");
    assert!(text.contains("<redacted>"));
    for secret in ["b40ba9a3", "f769bcd7", "48579af8", "465b5ce8", "cd63cb71"] {
        assert!(!text.contains(secret), "{secret} leaked in {text}");
    }
    // RAND, AUTN and XRES travel in clear and are shown.
    assert!(text.contains(FIXTURE_AUTN));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn auts_round_trips_any_sqn(sqn in 0u64..(1 << 48), rand in any::<[u8; 16]>()) {
        let (mil, _, _, _) = set1();
        let rand = Rand::new(rand);
        let sqn = Sqn::new(sqn).unwrap();
        let auts = generate_auts(&mil, &rand, sqn);
        prop_assert_eq!(recover_sqn_ms(&mil, &rand, &auts), Some(sqn));
    }

    #[test]
    fn usim_accepts_sqn_inside_window(base in 0u64..(1 << 47), step in 1u64..(1 << 28)) {
        let (mil, rand, _, amf) = set1();
        let sqn = Sqn::new(base + step).unwrap();
        let v = AuthVector::generate(&mil, rand, sqn, amf);
        let mut usim = UsimSqn::new(Sqn::new(base).unwrap());
        let ok = matches!(usim.check_autn(&mil, &rand, &v.autn), AutnOutcome::Ok { sqn: got, .. } if got == sqn);
        prop_assert!(ok);
    }

    #[test]
    fn eea2_is_an_involution(
        key in any::<[u8; 16]>(),
        count in any::<u32>(),
        bearer in 0u8..32,
        down in any::<bool>(),
        data in proptest::collection::vec(any::<u8>(), 0..100),
        cut in 0usize..8,
    ) {
        let key = Key128::new(key);
        let dir = if down { Direction::Downlink } else { Direction::Uplink };
        let bits = (data.len() * 8).saturating_sub(cut);
        let mut plain = data[..bits.div_ceil(8)].to_vec();
        if bits % 8 != 0 {
            let last = plain.len() - 1;
            plain[last] &= !(0xffu8 >> (bits % 8));
        }
        let mut buf = plain.clone();
        eea2(&key, count, bearer, dir, &mut buf, bits).unwrap();
        eea2(&key, count, bearer, dir, &mut buf, bits).unwrap();
        prop_assert_eq!(buf, plain);
    }

    #[test]
    fn eia2_depends_on_every_covered_bit(
        key in any::<[u8; 16]>(),
        data in proptest::collection::vec(any::<u8>(), 1..40),
        cut in 0usize..8,
        pick in any::<usize>(),
    ) {
        let key = Key128::new(key);
        let bits = data.len() * 8 - cut;
        let msg = &data[..bits.div_ceil(8)];
        let base = eia2(&key, 1, 0, Direction::Uplink, msg, bits).unwrap();
        let bit = pick % bits;
        let mut flipped = msg.to_vec();
        flipped[bit / 8] ^= 0x80 >> (bit % 8);
        let other = eia2(&key, 1, 0, Direction::Uplink, &flipped, bits).unwrap();
        prop_assert_ne!(base, other);
    }
}
