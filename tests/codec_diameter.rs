//! Diameter codec against the reference encodings of flow-refs.json, round
//! trips of every typed command, and property tests.

mod common;

use common::{mutate, mutations};

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use volte_sim::codec::diameter::dict::{self, APP_CX, APP_S6A, AvpType, VENDOR_3GPP};
use volte_sim::codec::diameter::result::{self, cx as cx_result, s6a as s6a_result};
use volte_sim::codec::diameter::s6a::{tbcd_encode, ulr_flags};
use volte_sim::codec::diameter::*;
use volte_sim::codec::hex;
use volte_sim::codec::plmn::Plmn;

// ---------------------------------------------------------------------------
// Reference encodings
// ---------------------------------------------------------------------------

fn fixtures() -> Vec<(&'static str, Vec<u8>, &'static Value)> {
    let refs = common::flow_refs_of("diameter");
    assert_eq!(refs.len(), 18, "18 Diameter reference encodings");
    refs.iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap();
            (name, common::flow_bytes(name), &e["expect"])
        })
        .collect()
}

/// Expectation keys that are not AVP names.
fn avp_name_of(key: &str) -> &str {
    match key {
        "apn" => "Service-Selection",
        "context_id" => "Context-Identifier",
        "qci" => "QoS-Class-Identifier",
        "pdn_type" => "PDN-Type",
        other => other,
    }
}

/// The text form of an expected value ("2001" for 2001).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Checks `actual` (every occurrence, in order) against one expected value:
/// a list must match all occurrences, a scalar the first one. An occurrence
/// matches if any of its renderings does.
fn check(fixture: &str, key: &str, expected: &Value, actual: &[Vec<String>]) {
    let ok = |want: &Value, got: Option<&Vec<String>>| got.is_some_and(|g| g.contains(&text(want)));
    match expected {
        Value::Array(items) => {
            assert_eq!(items.len(), actual.len(), "{fixture}: {key}: {actual:?}");
            for (want, got) in items.iter().zip(actual) {
                assert!(
                    ok(want, Some(got)),
                    "{fixture}: {key}: want {want}, got {got:?}"
                );
            }
        }
        want => assert!(
            ok(want, actual.first()),
            "{fixture}: {key}: want {want}, got {actual:?}"
        ),
    }
}

/// Every way a test may write the value of a decoded AVP.
fn renderings(avp: &Avp) -> Vec<String> {
    let def = avp.def().expect("dictionary knows every reference AVP");
    match def.ty {
        AvpType::Unsigned32 | AvpType::Enumerated => vec![avp.u32().unwrap().to_string()],
        AvpType::Utf8String | AvpType::DiameterIdentity | AvpType::DiameterUri => {
            vec![avp.utf8().unwrap().to_string()]
        }
        AvpType::Address => vec![avp.address().unwrap().to_string()],
        AvpType::OctetString => {
            let d = avp.octets().unwrap();
            let mut r = vec![hex(d)];
            r.extend(std::str::from_utf8(d).ok().map(str::to_string));
            r
        }
        other => panic!("{}: no rendering for {other:?}", def.name),
    }
}

/// The expected values of a fixture other than the header and code lists,
/// as (key, AVP name, value); tshark's `diameter.X` keys included.
fn value_expectations(expect: &'static Value) -> Vec<(String, &'static Value)> {
    let mut out = Vec::new();
    for (k, v) in expect.as_object().unwrap() {
        if ["cmd", "R", "app", "pycrate.decoded_as", "tshark"].contains(&k.as_str()) {
            continue;
        }
        out.push((k.clone(), v));
    }
    for (k, v) in expect["tshark"].as_object().unwrap() {
        let Some(name) = k.strip_prefix("diameter.") else {
            continue;
        };
        if ["cmd.code", "flags.request", "applicationId", "avp.code"].contains(&name) {
            continue;
        }
        out.push((name.to_string(), v));
    }
    out
}

fn top_level_codes(expect: &Value) -> Vec<u32> {
    let decoded = expect["pycrate.decoded_as"].as_array().unwrap();
    let avps = decoded
        .iter()
        .find_map(|s| s.as_str().unwrap().strip_prefix("avps="))
        .unwrap();
    avps.split(',').map(|c| c.parse().unwrap()).collect()
}

fn all_codes(expect: &Value) -> Vec<u32> {
    expect["tshark"]["diameter.avp.code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().parse().unwrap())
        .collect()
}

fn check_header(fixture: &str, expect: &Value, h: &Header) {
    assert_eq!(
        u64::from(h.command),
        expect["cmd"].as_u64().unwrap(),
        "{fixture}"
    );
    assert_eq!(h.is_request(), expect["R"] == 1, "{fixture}");
    assert_eq!(
        u64::from(h.application),
        expect["app"].as_u64().unwrap(),
        "{fixture}"
    );
    let t = &expect["tshark"];
    assert_eq!(
        h.command.to_string(),
        text(&t["diameter.cmd.code"]),
        "{fixture}"
    );
    assert_eq!(
        u8::from(h.is_request()).to_string(),
        text(&t["diameter.flags.request"]),
        "{fixture}"
    );
    assert_eq!(
        h.application.to_string(),
        text(&t["diameter.applicationId"]),
        "{fixture}"
    );
}

#[test]
fn fixtures_decode_to_expected_values_as_generic_messages() {
    for (name, bytes, expect) in fixtures() {
        let msg = Message::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_header(name, expect, &msg.header);
        let top: Vec<u32> = msg.avps.iter().map(|a| a.code).collect();
        assert_eq!(top, top_level_codes(expect), "{name}: top-level AVPs");
        let all: Vec<u32> = msg.all_avps().iter().map(|a| a.code).collect();
        assert_eq!(all, all_codes(expect), "{name}: nested AVPs");
        for (key, want) in value_expectations(expect) {
            let def = dict::by_name(avp_name_of(&key))
                .unwrap_or_else(|| panic!("{name}: dictionary lacks {key}"));
            let found: Vec<Vec<String>> = msg
                .all_avps()
                .into_iter()
                .filter(|a| def.matches(a))
                .map(renderings)
                .collect();
            check(name, &key, want, &found);
        }
    }
}

/// A typed value as the expectation keys see it.
trait Show {
    fn show(&self) -> String;
}

impl Show for String {
    fn show(&self) -> String {
        self.clone()
    }
}

impl Show for u32 {
    fn show(&self) -> String {
        self.to_string()
    }
}

impl Show for Vec<u8> {
    fn show(&self) -> String {
        hex(self)
    }
}

impl<const N: usize> Show for [u8; N] {
    fn show(&self) -> String {
        hex(self)
    }
}

impl Show for Address {
    fn show(&self) -> String {
        self.to_string()
    }
}

/// Key -> every occurrence, filled from typed fields.
#[derive(Default)]
struct View(BTreeMap<&'static str, Vec<Vec<String>>>);

impl View {
    fn put(&mut self, key: &'static str, v: &impl Show) {
        self.0.entry(key).or_default().push(vec![v.show()]);
    }

    fn put_text(&mut self, key: &'static str, v: &[u8]) {
        let t = String::from_utf8(v.to_vec()).unwrap();
        self.0.entry(key).or_default().push(vec![hex(v), t]);
    }

    fn vsai(&mut self, v: &VendorSpecificApplicationId) {
        assert_eq!(v.vendor_id, VENDOR_3GPP);
        if let Some(app) = &v.auth_application_id {
            self.put("Auth-Application-Id", app);
        }
    }

    fn experimental(&mut self, e: &Option<ExperimentalResult>) {
        if let Some(e) = e {
            self.put("Experimental-Result-Code", &e.experimental_result_code);
        }
    }
}

/// Header triple and field view of a typed command.
fn typed_view(cmd: &Command) -> ((u32, bool, u32), View) {
    let mut v = View::default();
    macro_rules! common {
        ($c:expr, $ty:ty) => {{
            v.put("Origin-Host", &$c.origin_host);
            v.put("Origin-Realm", &$c.origin_realm);
            (<$ty>::CODE, <$ty>::REQUEST, <$ty>::APPLICATION)
        }};
    }
    macro_rules! session {
        ($c:expr) => {
            v.put("Session-Id", &$c.session_id);
        };
    }
    let header = match cmd {
        Command::Cer(c) => {
            v.put("Host-IP-Address", &c.host_ip_address[0]);
            v.put("Vendor-Id", &c.vendor_id);
            v.put("Product-Name", &c.product_name);
            c.vendor_specific_application_id
                .iter()
                .for_each(|a| v.vsai(a));
            common!(c, Cer)
        }
        Command::Cea(c) => {
            v.put("Result-Code", &c.result_code);
            v.put("Host-IP-Address", &c.host_ip_address[0]);
            c.vendor_specific_application_id
                .iter()
                .for_each(|a| v.vsai(a));
            common!(c, Cea)
        }
        Command::Dwr(c) => common!(c, Dwr),
        Command::Dwa(c) => {
            v.put("Result-Code", &c.result_code);
            common!(c, Dwa)
        }
        Command::Air(c) => {
            session!(c);
            v.put("User-Name", &c.user_name);
            v.put("Visited-PLMN-Id", &c.visited_plmn_id);
            let req = c.requested_eutran_authentication_info.as_ref().unwrap();
            v.put(
                "Number-Of-Requested-Vectors",
                &req.number_of_requested_vectors.unwrap(),
            );
            common!(c, Air)
        }
        Command::Aia(c) => {
            session!(c);
            v.put("Result-Code", &c.result_code.unwrap());
            let vector = &c.authentication_info.as_ref().unwrap().eutran_vectors[0];
            v.put("RAND", &vector.rand);
            v.put("XRES", &vector.xres);
            v.put("AUTN", &vector.autn);
            v.put("KASME", &vector.kasme);
            common!(c, Aia)
        }
        Command::Ulr(c) => {
            session!(c);
            v.put("User-Name", &c.user_name);
            v.put("RAT-Type", &c.rat_type.to_u32());
            v.put("ULR-Flags", &c.ulr_flags);
            v.put("Visited-PLMN-Id", &c.visited_plmn_id);
            common!(c, Ulr)
        }
        Command::Ula(c) => {
            session!(c);
            v.put("Result-Code", &c.result_code.unwrap());
            let sub = c.subscription_data.as_ref().unwrap();
            let profile = sub.apn_configuration_profile.as_ref().unwrap();
            v.put("Context-Identifier", &profile.context_identifier);
            for apn in &profile.apn_configurations {
                v.put("Context-Identifier", &apn.context_identifier);
                v.put("Service-Selection", &apn.service_selection);
                v.put("PDN-Type", &apn.pdn_type.to_u32());
                let qos = apn.eps_subscribed_qos_profile.as_ref().unwrap();
                v.put("QoS-Class-Identifier", &qos.qos_class_identifier);
            }
            common!(c, Ula)
        }
        Command::Uar(c) => {
            session!(c);
            v.vsai(&c.vendor_specific_application_id);
            v.put("User-Name", &c.user_name);
            v.put("Public-Identity", &c.public_identity);
            common!(c, Uar)
        }
        Command::Uaa(c) => {
            session!(c);
            v.vsai(c.vendor_specific_application_id.as_ref().unwrap());
            v.experimental(&c.experimental_result);
            v.put("Server-Name", c.server_name.as_ref().unwrap());
            common!(c, Uaa)
        }
        Command::Mar(c) => {
            session!(c);
            v.vsai(&c.vendor_specific_application_id);
            v.put("User-Name", &c.user_name);
            v.put("Public-Identity", &c.public_identity);
            v.put("Server-Name", &c.server_name);
            let scheme = c.sip_auth_data_item.sip_authentication_scheme.as_ref();
            v.put("SIP-Authentication-Scheme", scheme.unwrap());
            common!(c, Mar)
        }
        Command::Maa(c) => {
            session!(c);
            v.vsai(c.vendor_specific_application_id.as_ref().unwrap());
            v.put("Result-Code", &c.result_code.unwrap());
            v.put("User-Name", c.user_name.as_ref().unwrap());
            v.put("Public-Identity", c.public_identity.as_ref().unwrap());
            let item = &c.sip_auth_data_items[0];
            v.put("SIP-Authenticate", item.sip_authenticate.as_ref().unwrap());
            v.put(
                "SIP-Authorization",
                item.sip_authorization.as_ref().unwrap(),
            );
            v.put("Confidentiality-Key", &item.confidentiality_key.unwrap());
            v.put("Integrity-Key", &item.integrity_key.unwrap());
            common!(c, Maa)
        }
        Command::Sar(c) => {
            session!(c);
            v.vsai(&c.vendor_specific_application_id);
            v.put("User-Name", c.user_name.as_ref().unwrap());
            v.put("Public-Identity", &c.public_identity[0]);
            v.put("Server-Name", &c.server_name);
            v.put("Server-Assignment-Type", &c.server_assignment_type.to_u32());
            common!(c, Sar)
        }
        Command::Saa(c) => {
            session!(c);
            v.vsai(c.vendor_specific_application_id.as_ref().unwrap());
            v.put("Result-Code", &c.result_code.unwrap());
            v.put("User-Name", c.user_name.as_ref().unwrap());
            v.put_text("User-Data", c.user_data.as_ref().unwrap());
            common!(c, Saa)
        }
        Command::Lir(c) => {
            session!(c);
            v.vsai(&c.vendor_specific_application_id);
            v.put("Public-Identity", &c.public_identity);
            common!(c, Lir)
        }
        Command::Lia(c) => {
            session!(c);
            v.vsai(c.vendor_specific_application_id.as_ref().unwrap());
            v.put("Result-Code", &c.result_code.unwrap());
            v.put("Server-Name", c.server_name.as_ref().unwrap());
            common!(c, Lia)
        }
        Command::Rtr(c) => {
            session!(c);
            v.vsai(&c.vendor_specific_application_id);
            v.put("User-Name", &c.user_name);
            v.put("Reason-Code", &c.deregistration_reason.reason_code.to_u32());
            common!(c, Rtr)
        }
        Command::Rta(c) => {
            session!(c);
            v.vsai(c.vendor_specific_application_id.as_ref().unwrap());
            v.put("Result-Code", &c.result_code.unwrap());
            common!(c, Rta)
        }
        other => panic!("no reference encoding is a {other:?}"),
    };
    (header, v)
}

#[test]
fn fixtures_decode_to_expected_values_as_typed_commands() {
    for (name, bytes, expect) in fixtures() {
        let cmd = Command::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ((code, request, app), view) = typed_view(&cmd);
        let h = Header::new(
            CommandFlags(0).with(CommandFlags::REQUEST, request),
            code,
            app,
            0,
            0,
        );
        check_header(name, expect, &h);
        for (key, want) in value_expectations(expect) {
            let key = avp_name_of(&key);
            let got = view
                .0
                .get(key)
                .unwrap_or_else(|| panic!("{name}: typed view lacks {key}"));
            check(name, key, want, got);
        }
        // The code lists, seen through the typed path's own encoding.
        let msg = cmd.to_message(0, 0);
        let top: Vec<u32> = msg.avps.iter().map(|a| a.code).collect();
        assert_eq!(top, top_level_codes(expect), "{name}: top-level AVPs");
        let all: Vec<u32> = msg.all_avps().iter().map(|a| a.code).collect();
        assert_eq!(all, all_codes(expect), "{name}: nested AVPs");
    }
}

#[test]
fn fixtures_reencode_byte_exact_through_both_paths() {
    for (name, bytes, _) in fixtures() {
        let msg = Message::decode(&bytes).unwrap();
        assert_eq!(hex(&msg.encode()), hex(&bytes), "{name}: generic");
        let cmd = Command::from_message(&msg).unwrap();
        assert!(!matches!(cmd, Command::Other(_)), "{name}: typed");
        let again = cmd.to_message(msg.header.hop_by_hop, msg.header.end_to_end);
        assert_eq!(again.header, msg.header, "{name}: header");
        assert_eq!(hex(&again.encode()), hex(&bytes), "{name}: typed");
    }
}

#[test]
fn fixtures_keep_no_unmodelled_avps() {
    // Every AVP of the reference flow is modelled by its typed command.
    for (name, bytes, _) in fixtures() {
        let extra = match Command::decode(&bytes).unwrap() {
            Command::Cer(c) => c.extra,
            Command::Cea(c) => c.extra,
            Command::Dwr(c) => c.extra,
            Command::Dwa(c) => c.extra,
            Command::Air(c) => c.extra,
            Command::Aia(c) => c.extra,
            Command::Ulr(c) => c.extra,
            Command::Ula(c) => c.extra,
            Command::Uar(c) => c.extra,
            Command::Uaa(c) => c.extra,
            Command::Mar(c) => c.extra,
            Command::Maa(c) => c.extra,
            Command::Sar(c) => c.extra,
            Command::Saa(c) => c.extra,
            Command::Lir(c) => c.extra,
            Command::Lia(c) => c.extra,
            Command::Rtr(c) => c.extra,
            Command::Rta(c) => c.extra,
            other => panic!("{name}: {other:?}"),
        };
        assert!(extra.avps.is_empty(), "{name}: {:?}", extra.avps);
    }
}

#[test]
fn fixtures_summaries_name_identity_or_result() {
    let want = [
        (
            "diameter_cer",
            "CER (mme.epc.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("diameter_cea", "CEA 2001 DIAMETER_SUCCESS"),
        (
            "diameter_dwr",
            "DWR (mme.epc.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("diameter_dwa", "DWA 2001 DIAMETER_SUCCESS"),
        ("s6a_air", "AIR (001010000000001)"),
        ("s6a_aia", "AIA 2001 DIAMETER_SUCCESS"),
        ("s6a_ulr", "ULR (001010000000001)"),
        ("s6a_ula", "ULA 2001 DIAMETER_SUCCESS"),
        (
            "cx_uar",
            "UAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("cx_uaa", "UAA 2001 DIAMETER_FIRST_REGISTRATION"),
        (
            "cx_mar",
            "MAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("cx_maa", "MAA 2001 DIAMETER_SUCCESS"),
        (
            "cx_sar",
            "SAR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org, REGISTRATION)",
        ),
        ("cx_saa", "SAA 2001 DIAMETER_SUCCESS"),
        (
            "cx_lir",
            "LIR (sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("cx_lia", "LIA 2001 DIAMETER_SUCCESS"),
        (
            "cx_rtr",
            "RTR (001010000000001@ims.mnc001.mcc001.3gppnetwork.org)",
        ),
        ("cx_rta", "RTA 2001 DIAMETER_SUCCESS"),
    ];
    for (name, summary) in want {
        let bytes = common::flow_bytes(name);
        assert_eq!(
            Command::decode(&bytes).unwrap().summary(),
            summary,
            "{name}"
        );
        if name != "cx_sar" {
            assert_eq!(
                Message::decode(&bytes).unwrap().summary(),
                summary,
                "{name}"
            );
        }
    }
}

#[test]
fn tree_names_every_fixture_avp_with_its_value() {
    fn walk(f: &volte_sim::codec::Field, fixture: &str, len: usize) {
        assert!(!f.name.starts_with("AVP "), "{fixture}: unnamed {}", f.name);
        let (start, end) = f
            .span
            .unwrap_or_else(|| panic!("{fixture}: {} has no span", f.name));
        assert!(
            start < end && end <= len,
            "{fixture}: {} span {start}..{end}",
            f.name
        );
        assert!(
            !f.value.contains("not "),
            "{fixture}: {}: {}",
            f.name,
            f.value
        );
        for c in &f.children {
            walk(c, fixture, len);
        }
    }
    for (name, bytes, _) in fixtures() {
        let t = tree(&bytes).unwrap();
        walk(&t, name, bytes.len());
    }
    let t = tree(&common::flow_bytes("s6a_ula")).unwrap();
    assert_eq!(t.value, "ULA 2001 DIAMETER_SUCCESS");
    assert_eq!(t.find("PDN-Type").unwrap().value, "IPv4 (0)");
    assert_eq!(t.find("Service-Selection").unwrap().value, "internet");
    assert_eq!(
        t.find("Pre-emption-Capability").unwrap().value,
        "PRE-EMPTION_CAPABILITY_DISABLED (1)"
    );
    let apn = t.find("APN-Configuration").unwrap();
    assert_eq!(apn.children.len(), 5);
    let t = tree(&common::flow_bytes("cx_uaa")).unwrap();
    assert_eq!(
        t.find("Experimental-Result-Code").unwrap().value,
        "2001 DIAMETER_FIRST_REGISTRATION"
    );
    let t = tree(&common::flow_bytes("diameter_cer")).unwrap();
    assert_eq!(t.find("Host-IP-Address").unwrap().value, "127.0.0.1");
    assert_eq!(
        t.find("Auth-Application-Id").unwrap().value,
        "16777251 (3GPP S6a/S6d)"
    );
    let t = tree(&common::flow_bytes("s6a_air")).unwrap();
    assert_eq!(
        t.find("Visited-PLMN-Id").unwrap().value,
        "00f110 (MCC 001, MNC 01)"
    );
    assert_eq!(t.find("Visited-PLMN-Id").unwrap().span, Some((244, 259)));
}

// ---------------------------------------------------------------------------
// Round trips of every command, with realistic values
// ---------------------------------------------------------------------------

const MME: &str = "mme.epc.mnc001.mcc001.3gppnetwork.org";
const HSS: &str = "hss.epc.mnc001.mcc001.3gppnetwork.org";
const EPC: &str = "epc.mnc001.mcc001.3gppnetwork.org";
const IMS: &str = "ims.mnc001.mcc001.3gppnetwork.org";
const SCSCF: &str = "scscf.ims.mnc001.mcc001.3gppnetwork.org";
const IMSI: &str = "001010000000001";
const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const SCSCF_URI: &str = "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060";

/// Encodes, decodes generically and as `Command`, and checks both give `x`
/// back; returns the generic message.
macro_rules! round_trip {
    ($ty:ident, $x:expr) => {{
        let x: $ty = $x;
        let bytes = x.encode(0x1234, 0x5678);
        let back = $ty::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", stringify!($ty)));
        assert_eq!(back, x, "{}", stringify!($ty));
        assert_eq!(back.encode(0x1234, 0x5678), bytes, "{}", stringify!($ty));
        match Command::decode(&bytes).unwrap() {
            Command::$ty(c) => assert_eq!(c, x),
            other => panic!("{} decoded as {other:?}", stringify!($ty)),
        }
        let m = Message::decode(&bytes).unwrap();
        assert_eq!(m.header.hop_by_hop, 0x1234);
        assert_eq!(m.header.end_to_end, 0x5678);
        assert_eq!(m.is_request(), $ty::REQUEST);
        m
    }};
}

fn vsai_s6a() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_S6A)
}

fn vsai_cx() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
}

#[test]
fn base_commands_round_trip() {
    let cer = Cer {
        origin_host: MME.into(),
        origin_realm: EPC.into(),
        host_ip_address: vec![
            Address::V4(Ipv4Addr::new(127, 0, 0, 1)),
            Address::V6("2001:db8::1".parse().unwrap()),
        ],
        vendor_id: VENDOR_3GPP,
        product_name: "volte-sim".into(),
        origin_state_id: Some(1),
        supported_vendor_id: vec![VENDOR_3GPP],
        auth_application_id: vec![APP_S6A],
        vendor_specific_application_id: vec![vsai_s6a(), vsai_cx()],
        firmware_revision: Some(1),
        ..Cer::default()
    };
    let m = round_trip!(Cer, cer.clone());
    assert_eq!(m.header.flags.0, 0x80);
    assert_eq!(m.header.application, 0);
    assert_eq!(m.avps(257, None).count(), 2);
    round_trip!(
        Cea,
        Cea {
            result_code: result::DIAMETER_SUCCESS,
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            host_ip_address: vec![Address::V4(Ipv4Addr::new(127, 0, 0, 5))],
            vendor_id: VENDOR_3GPP,
            product_name: "volte-sim".into(),
            auth_application_id: vec![APP_S6A],
            vendor_specific_application_id: vec![vsai_s6a()],
            ..Cea::default()
        }
    );
    round_trip!(
        Cea,
        Cea {
            result_code: result::DIAMETER_NO_COMMON_APPLICATION,
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            host_ip_address: vec![Address::V4(Ipv4Addr::new(127, 0, 0, 5))],
            vendor_id: VENDOR_3GPP,
            product_name: "volte-sim".into(),
            error_message: Some("no common application".into()),
            failed_avp: Some(vec![dict::AUTH_APPLICATION_ID.u32(4)]),
            ..Cea::default()
        }
    );
    round_trip!(
        Dwr,
        Dwr {
            origin_host: MME.into(),
            origin_realm: EPC.into(),
            origin_state_id: Some(7),
            ..Dwr::default()
        }
    );
    round_trip!(
        Dwa,
        Dwa {
            result_code: result::DIAMETER_SUCCESS,
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            origin_state_id: Some(9),
            ..Dwa::default()
        }
    );
    let m = round_trip!(
        Dpr,
        Dpr {
            origin_host: MME.into(),
            origin_realm: EPC.into(),
            disconnect_cause: DisconnectCause::Rebooting,
            ..Dpr::default()
        }
    );
    assert_eq!(m.avp(273, None).unwrap().u32().unwrap(), 0);
    round_trip!(
        Dpa,
        Dpa {
            result_code: result::DIAMETER_SUCCESS,
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            ..Dpa::default()
        }
    );
}

fn ula_subscription() -> SubscriptionData {
    let arp = AllocationRetentionPriority {
        priority_level: 1,
        pre_emption_capability: Some(PreemptionCapability::Disabled),
        pre_emption_vulnerability: Some(PreemptionVulnerability::Enabled),
        ..Default::default()
    };
    let apn = |ctx: u32, name: &str, qci: u32, pdn: PdnType| ApnConfiguration {
        context_identifier: ctx,
        pdn_type: pdn,
        service_selection: name.into(),
        eps_subscribed_qos_profile: Some(EpsSubscribedQosProfile {
            qos_class_identifier: qci,
            allocation_retention_priority: arp.clone(),
            ..Default::default()
        }),
        ambr: Some(Ambr::new(100_000_000, 100_000_000)),
        ..Default::default()
    };
    let mut internet = apn(1, "internet", 9, PdnType::Ipv4);
    internet.served_party_ip_address = vec![Address::V4(Ipv4Addr::new(10, 45, 0, 2))];
    SubscriptionData {
        subscriber_status: Some(SubscriberStatus::ServiceGranted),
        msisdn: tbcd_encode("10000000001"),
        network_access_mode: Some(NetworkAccessMode::OnlyPacket),
        access_restriction_data: Some(0),
        ambr: Some(Ambr::new(500_000_000, 1_000_000_000)),
        apn_configuration_profile: Some(ApnConfigurationProfile {
            context_identifier: 1,
            all_apn_configurations_included_indicator:
                AllApnConfigurationsIncludedIndicator::AllApnConfigurationsIncluded,
            apn_configurations: vec![internet, apn(2, "ims", 5, PdnType::Ipv4v6)],
            ..Default::default()
        }),
        subscribed_periodic_rau_tau_timer: Some(3240),
        ..Default::default()
    }
}

#[test]
fn s6a_commands_round_trip() {
    let plmn = Plmn::new("001", "01").unwrap().to_bytes();
    let air = Air {
        session_id: format!("{MME};1;air"),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: MME.into(),
        origin_realm: EPC.into(),
        destination_realm: EPC.into(),
        user_name: IMSI.into(),
        requested_eutran_authentication_info: Some(RequestedEutranAuthenticationInfo {
            number_of_requested_vectors: Some(1),
            immediate_response_preferred: Some(1),
            re_synchronization_info: Some(RequestedEutranAuthenticationInfo::resync(
                &[0x23; 16],
                &[0x99; 14],
            )),
            ..Default::default()
        }),
        visited_plmn_id: plmn,
        ..Air::default()
    };
    assert_eq!(air.visited_plmn().unwrap().to_string(), "001-01");
    let m = round_trip!(Air, air);
    assert_eq!(m.header.flags.0, 0xc0);
    assert_eq!(m.header.application, APP_S6A);
    assert_eq!(
        m.avp(1407, VENDOR_3GPP).unwrap().octets().unwrap(),
        [0, 0xf1, 0x10]
    );
    let vector = EutranVector {
        item_number: Some(1),
        rand: [0x23; 16],
        xres: vec![0xa5; 8],
        autn: [0x55; 16],
        kasme: [0x48; 32],
        ..Default::default()
    };
    round_trip!(
        Aia,
        Aia {
            session_id: format!("{MME};1;air"),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            authentication_info: Some(AuthenticationInfo {
                eutran_vectors: vec![
                    vector.clone(),
                    EutranVector {
                        item_number: Some(2),
                        ..vector
                    }
                ],
                ..Default::default()
            }),
            ..Aia::default()
        }
    );
    let m = round_trip!(
        Aia,
        Aia {
            session_id: format!("{MME};1;air"),
            experimental_result: Some(ExperimentalResult::new(
                VENDOR_3GPP,
                s6a_result::DIAMETER_ERROR_USER_UNKNOWN
            )),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            ..Aia::default()
        }
    );
    assert_eq!(m.summary(), "AIA 5001 DIAMETER_ERROR_USER_UNKNOWN");
    let m = round_trip!(
        Ulr,
        Ulr {
            session_id: format!("{MME};2;ulr"),
            vendor_specific_application_id: Some(vsai_s6a()),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: MME.into(),
            origin_realm: EPC.into(),
            destination_host: Some(HSS.into()),
            destination_realm: EPC.into(),
            user_name: IMSI.into(),
            supported_features: vec![SupportedFeatures {
                vendor_id: VENDOR_3GPP,
                feature_list_id: 1,
                feature_list: 0x1c00_0607,
                ..Default::default()
            }],
            terminal_information: Some(TerminalInformation {
                imei: Some("35609204079301".into()),
                software_version: Some("01".into()),
                ..Default::default()
            }),
            rat_type: RatType::Eutran,
            ulr_flags: ulr_flags::S6A_S6D_INDICATOR | ulr_flags::INITIAL_ATTACH_INDICATOR,
            visited_plmn_id: plmn,
            ..Ulr::default()
        }
    );
    assert_eq!(m.avp(1405, VENDOR_3GPP).unwrap().u32().unwrap(), 0x22);
    round_trip!(
        Ula,
        Ula {
            session_id: format!("{MME};2;ulr"),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            ula_flags: Some(1),
            subscription_data: Some(ula_subscription()),
            ..Ula::default()
        }
    );
    round_trip!(
        Pur,
        Pur {
            session_id: format!("{MME};3;pur"),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: MME.into(),
            origin_realm: EPC.into(),
            destination_realm: EPC.into(),
            user_name: IMSI.into(),
            pur_flags: Some(s6a::pur_flags::UE_PURGED_IN_MME),
            ..Pur::default()
        }
    );
    round_trip!(
        Pua,
        Pua {
            session_id: format!("{MME};3;pur"),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            pua_flags: Some(s6a::pua_flags::FREEZE_M_TMSI),
            ..Pua::default()
        }
    );
    let m = round_trip!(
        Clr,
        Clr {
            session_id: format!("{HSS};4;clr"),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: HSS.into(),
            origin_realm: EPC.into(),
            destination_host: MME.into(),
            destination_realm: EPC.into(),
            user_name: IMSI.into(),
            cancellation_type: CancellationType::SubscriptionWithdrawal,
            clr_flags: Some(s6a::clr_flags::REATTACH_REQUIRED),
            ..Clr::default()
        }
    );
    assert_eq!(m.summary(), "CLR (001010000000001)");
    round_trip!(
        Cla,
        Cla {
            session_id: format!("{HSS};4;clr"),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: MME.into(),
            origin_realm: EPC.into(),
            ..Cla::default()
        }
    );
}

fn aka_item() -> SipAuthDataItem {
    SipAuthDataItem {
        sip_item_number: Some(1),
        sip_authentication_scheme: Some("Digest-AKAv1-MD5".into()),
        sip_authenticate: Some([[0x23; 16], [0x55; 16]].concat()),
        sip_authorization: Some(vec![0xa5; 8]),
        confidentiality_key: Some([0xb4; 16]),
        integrity_key: Some([0xf7; 16]),
        ..Default::default()
    }
}

#[test]
fn cx_commands_round_trip() {
    let session = |n: u32, cmd: &str| format!("{SCSCF};{n};{cmd}");
    let m = round_trip!(
        Uar,
        Uar {
            session_id: session(1, "uar"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("icscf.{IMS}"),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: IMPI.into(),
            public_identity: IMPU.into(),
            visited_network_identifier: IMS.as_bytes().to_vec(),
            user_authorization_type: Some(UserAuthorizationType::Registration),
            ..Uar::default()
        }
    );
    assert_eq!(m.header.flags.0, 0xc0);
    assert_eq!(m.header.application, APP_CX);
    round_trip!(
        Uaa,
        Uaa {
            session_id: session(1, "uar"),
            vendor_specific_application_id: Some(vsai_cx()),
            experimental_result: Some(ExperimentalResult::new(
                VENDOR_3GPP,
                cx_result::DIAMETER_FIRST_REGISTRATION
            )),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            server_capabilities: Some(ServerCapabilities {
                mandatory_capability: vec![1],
                optional_capability: vec![2, 3],
                server_name: vec![SCSCF_URI.into()],
                ..Default::default()
            }),
            ..Uaa::default()
        }
    );
    let m = round_trip!(
        Mar,
        Mar {
            session_id: session(2, "mar"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: SCSCF.into(),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: IMPI.into(),
            public_identity: IMPU.into(),
            sip_auth_data_item: SipAuthDataItem {
                sip_authentication_scheme: Some("Digest-AKAv1-MD5".into()),
                sip_authorization: Some(vec![0x11; 30]),
                ..Default::default()
            },
            sip_number_auth_items: 1,
            server_name: SCSCF_URI.into(),
            ..Mar::default()
        }
    );
    assert_eq!(m.summary(), format!("MAR ({IMPU})"));
    round_trip!(
        Maa,
        Maa {
            session_id: session(2, "mar"),
            vendor_specific_application_id: Some(vsai_cx()),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            user_name: Some(IMPI.into()),
            public_identity: Some(IMPU.into()),
            sip_number_auth_items: Some(1),
            sip_auth_data_items: vec![aka_item()],
            ..Maa::default()
        }
    );
    round_trip!(
        Sar,
        Sar {
            session_id: session(3, "sar"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: SCSCF.into(),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: Some(IMPI.into()),
            public_identity: vec![IMPU.into(), "tel:+10000000001".into()],
            server_name: SCSCF_URI.into(),
            server_assignment_type: ServerAssignmentType::Registration,
            user_data_already_available: UserDataAlreadyAvailable::UserDataNotAvailable,
            ..Sar::default()
        }
    );
    round_trip!(
        Saa,
        Saa {
            session_id: session(3, "sar"),
            vendor_specific_application_id: Some(vsai_cx()),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            user_name: Some(IMPI.into()),
            user_data: Some(b"<?xml version=\"1.0\"?><IMSSubscription/>".to_vec()),
            charging_information: Some(ChargingInformation {
                primary_charging_collection_function_name: Some(
                    "aaa://ccf.ims.example:3868".into()
                ),
                ..Default::default()
            }),
            associated_identities: Some(AssociatedIdentities {
                user_name: vec![IMPI.into()],
                ..Default::default()
            }),
            ..Saa::default()
        }
    );
    round_trip!(
        Lir,
        Lir {
            session_id: session(4, "lir"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("icscf.{IMS}"),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            originating_request: Some(0),
            public_identity: IMPU.into(),
            ..Lir::default()
        }
    );
    round_trip!(
        Lia,
        Lia {
            session_id: session(4, "lir"),
            vendor_specific_application_id: Some(vsai_cx()),
            experimental_result: Some(ExperimentalResult::new(
                VENDOR_3GPP,
                cx_result::DIAMETER_UNREGISTERED_SERVICE
            )),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            server_name: Some(SCSCF_URI.into()),
            ..Lia::default()
        }
    );
    round_trip!(
        Rtr,
        Rtr {
            session_id: format!("hss.{IMS};5;rtr"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            destination_host: SCSCF.into(),
            destination_realm: IMS.into(),
            user_name: IMPI.into(),
            public_identity: vec![IMPU.into()],
            deregistration_reason: DeregistrationReason {
                reason_code: ReasonCode::PermanentTermination,
                reason_info: Some("administrative deregistration".into()),
                ..Default::default()
            },
            ..Rtr::default()
        }
    );
    round_trip!(
        Rta,
        Rta {
            session_id: format!("hss.{IMS};5;rtr"),
            vendor_specific_application_id: Some(vsai_cx()),
            result_code: Some(result::DIAMETER_SUCCESS),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: SCSCF.into(),
            origin_realm: IMS.into(),
            ..Rta::default()
        }
    );
    round_trip!(
        Ppr,
        Ppr {
            session_id: format!("hss.{IMS};6;ppr"),
            vendor_specific_application_id: vsai_cx(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("hss.{IMS}"),
            origin_realm: IMS.into(),
            destination_host: SCSCF.into(),
            destination_realm: IMS.into(),
            user_name: IMPI.into(),
            user_data: Some(b"<IMSSubscription/>".to_vec()),
            sip_auth_data_item: Some(aka_item()),
            ..Ppr::default()
        }
    );
    let m = round_trip!(
        Ppa,
        Ppa {
            session_id: format!("hss.{IMS};6;ppr"),
            vendor_specific_application_id: Some(vsai_cx()),
            experimental_result: Some(ExperimentalResult::new(
                VENDOR_3GPP,
                cx_result::DIAMETER_ERROR_USER_UNKNOWN
            )),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: SCSCF.into(),
            origin_realm: IMS.into(),
            ..Ppa::default()
        }
    );
    assert_eq!(m.summary(), "PPA 5001 DIAMETER_ERROR_USER_UNKNOWN");
}

#[test]
fn typed_decode_keeps_unmodelled_avps() {
    // A UAR with an AVP nobody models, between modelled ones.
    let mut msg = Message::decode(&common::flow_bytes("cx_uar")).unwrap();
    let odd = Avp::raw(9000, Some(99), Avp::MANDATORY, b"keep me".to_vec());
    msg.avps.insert(5, odd.clone());
    let bytes = msg.encode();
    let uar = Uar::decode(&bytes).unwrap();
    assert_eq!(uar.extra.avps, vec![odd]);
    assert_eq!(
        uar.encode(msg.header.hop_by_hop, msg.header.end_to_end),
        bytes
    );
}

#[test]
fn typed_decode_names_missing_mandatory_avp() {
    let mut msg = Message::decode(&common::flow_bytes("cx_mar")).unwrap();
    msg.avps.retain(|a| a.code != 602);
    let e = Mar::from_message(&msg).unwrap_err();
    assert_eq!(e.what, "missing mandatory AVP Server-Name (602)");
    let mut msg = Message::decode(&common::flow_bytes("s6a_ula")).unwrap();
    let sub = msg.avps.iter_mut().find(|a| a.code == 1400).unwrap();
    let AvpValue::Grouped(inner) = &mut sub.value else {
        panic!("Subscription-Data is Grouped")
    };
    let profile = inner.iter_mut().find(|a| a.code == 1429).unwrap();
    let AvpValue::Grouped(inner) = &mut profile.value else {
        panic!("APN-Configuration-Profile is Grouped")
    };
    inner.retain(|a| a.code != 1430);
    let e = Ula::decode(&msg.encode()).unwrap_err();
    assert_eq!(e.what, "missing mandatory AVP APN-Configuration (1430)");
}

#[test]
fn uar_without_optional_avps_decodes() {
    let mut msg = Message::decode(&common::flow_bytes("cx_uar")).unwrap();
    msg.avps.retain(|a| a.code != 623 && a.code != 293);
    let uar = Uar::from_message(&msg).unwrap();
    assert_eq!(uar.user_authorization_type, None);
    assert_eq!(
        uar.authorization_type(),
        UserAuthorizationType::Registration
    );
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

/// Everything a hostile peer can reach: decode, the typed path and tree.
/// When decoding succeeds, the message encodes to the same length and
/// decodes again to itself.
fn never_panics(bytes: &[u8]) {
    let generic = Message::decode(bytes);
    let typed = Command::decode(bytes);
    let shown = tree(bytes);
    assert_eq!(generic.is_ok(), shown.is_ok());
    if let Ok(m) = generic {
        let again = m.encode();
        assert_eq!(again.len(), bytes.len());
        assert_eq!(Message::decode(&again).unwrap(), m);
        let _ = m.summary();
        if let Ok(c) = typed {
            let _ = c.summary();
            let _ = c
                .to_message(m.header.hop_by_hop, m.header.end_to_end)
                .encode();
        }
    } else {
        assert!(typed.is_err());
    }
}

fn fixture_bytes() -> &'static [Vec<u8>] {
    static BYTES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        common::flow_refs_of("diameter")
            .iter()
            .map(|e| common::hex_bytes(e["hex"].as_str().unwrap()))
            .collect()
    })
}

/// Rewrites the Message Length to the buffer's length, so mutations reach
/// the AVP decoder instead of stopping at the length check.
fn fix_length(mut b: Vec<u8>) -> Vec<u8> {
    if b.len() >= 4 && b.len() < 1 << 24 {
        let len = (b.len() as u32).to_be_bytes();
        b[1..4].copy_from_slice(&len[1..]);
    }
    b
}

/// AVP codes the dictionary calls Grouped, and some it does not.
fn grouped_defs() -> Vec<&'static dict::AvpDef> {
    dict::ALL
        .iter()
        .filter(|d| d.ty == AvpType::Grouped)
        .collect()
}

fn raw_avp() -> impl Strategy<Value = Avp> {
    let known: Vec<&'static dict::AvpDef> = dict::ALL
        .iter()
        .filter(|d| d.ty != AvpType::Grouped)
        .collect();
    let code = prop_oneof![
        prop::sample::select(known).prop_map(|d| (d.code, d.vendor_id())),
        (5000..6000u32, prop::option::of(1..20000u32)),
    ];
    (code, any::<u8>(), prop::collection::vec(any::<u8>(), 0..24))
        .prop_map(|((code, vendor), flags, data)| Avp::raw(code, vendor, flags, data))
}

fn avp_tree() -> impl Strategy<Value = Avp> {
    raw_avp().prop_recursive(5, 48, 4, |inner| {
        (
            prop::sample::select(grouped_defs()),
            any::<u8>(),
            prop::collection::vec(inner, 0..4),
        )
            .prop_map(|(def, flags, avps)| Avp::group(def.code, def.vendor_id(), flags, avps))
    })
}

fn header() -> impl Strategy<Value = Header> {
    (
        any::<u8>(),
        0..0x100_0000u32,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(f, c, a, h, e)| Header::new(CommandFlags(f), c, a, h, e))
}

fn word() -> impl Strategy<Value = String> {
    "[a-z0-9.;:@-]{1,40}"
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max)
}

fn array<const N: usize>() -> impl Strategy<Value = [u8; N]> {
    prop::collection::vec(any::<u8>(), N).prop_map(|v| v.try_into().unwrap())
}

fn apn_configuration() -> impl Strategy<Value = ApnConfiguration> {
    (
        any::<u32>(),
        0..5u32,
        word(),
        prop::option::of((0..300u32, 1..16u32, 0..3u32, 0..3u32)),
        prop::option::of((any::<u32>(), any::<u32>())),
        prop::collection::vec(any::<[u8; 4]>(), 0..3),
    )
        .prop_map(|(ctx, pdn, apn, qos, ambr, ips)| ApnConfiguration {
            context_identifier: ctx,
            pdn_type: PdnType::from_u32(pdn),
            service_selection: apn,
            served_party_ip_address: ips.into_iter().map(|a| Address::V4(a.into())).collect(),
            eps_subscribed_qos_profile: qos.map(|(qci, level, cap, vul)| EpsSubscribedQosProfile {
                qos_class_identifier: qci,
                allocation_retention_priority: AllocationRetentionPriority {
                    priority_level: level,
                    pre_emption_capability: Some(PreemptionCapability::from_u32(cap)),
                    pre_emption_vulnerability: Some(PreemptionVulnerability::from_u32(vul)),
                    ..Default::default()
                },
                ..Default::default()
            }),
            ambr: ambr.map(|(ul, dl)| Ambr::new(ul, dl)),
            ..Default::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn decoders_survive_arbitrary_bytes(b in bytes(200)) {
        never_panics(&b);
    }

    #[test]
    fn decoders_survive_arbitrary_avps_after_valid_header(
        h in header(),
        body in prop::collection::vec(any::<u8>(), 0..120),
    ) {
        let mut b = Message::new(h, vec![]).encode();
        b.extend_from_slice(&body);
        never_panics(&fix_length(b));
    }

    #[test]
    fn decoders_survive_mutated_fixtures(
        which in any::<prop::sample::Index>(),
        muts in mutations(),
        fix in any::<bool>(),
    ) {
        let all = fixture_bytes();
        let mut b = mutate(all[which.index(all.len())].clone(), &muts);
        if fix {
            b = fix_length(b);
        }
        never_panics(&b);
    }

    #[test]
    fn decoders_survive_arbitrary_avp_values_in_fixtures(
        which in any::<prop::sample::Index>(),
        slot in any::<prop::sample::Index>(),
        data in bytes(40),
    ) {
        // Well-formed framing, hostile contents: the typed decoders see
        // wrong lengths, bad UTF-8 and unknown enumerations.
        let all = fixture_bytes();
        let mut m = Message::decode(&all[which.index(all.len())]).unwrap();
        fn replace_nth(avps: &mut [Avp], n: &mut usize, data: &[u8]) -> bool {
            for a in avps {
                match &mut a.value {
                    AvpValue::Grouped(inner) => {
                        if replace_nth(inner, n, data) {
                            return true;
                        }
                    }
                    AvpValue::Raw(d) if *n == 0 => {
                        *d = data.to_vec();
                        return true;
                    }
                    AvpValue::Raw(_) => *n -= 1,
                }
            }
            false
        }
        let raws = m.all_avps().iter().filter(|a| matches!(a.value, AvpValue::Raw(_))).count();
        let mut n = slot.index(raws);
        prop_assert!(replace_nth(&mut m.avps, &mut n, &data));
        never_panics(&m.encode());
    }

    #[test]
    fn avp_trees_round_trip(h in header(), avps in prop::collection::vec(avp_tree(), 0..6)) {
        let m = Message::new(h, avps);
        let bytes = m.encode();
        prop_assert_eq!(bytes.len(), m.encoded_len());
        prop_assert_eq!(&Message::decode(&bytes).unwrap(), &m);
        let t = tree(&bytes).unwrap();
        prop_assert_eq!(t.children.len(), m.avps.len() + 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn generated_ula_round_trips(
        session in word(),
        host in word(),
        status in 0..3u32,
        msisdn in bytes(9),
        apns in prop::collection::vec(apn_configuration(), 1..4),
        unknown in prop::collection::vec(raw_avp(), 0..3),
    ) {
        let unknown: Vec<Avp> = unknown.into_iter().filter(|a| a.code >= 5000).collect();
        let ula = Ula {
            session_id: session,
            result_code: Some(result::DIAMETER_SUCCESS),
            origin_host: host.clone(),
            origin_realm: host,
            subscription_data: Some(SubscriptionData {
                subscriber_status: Some(SubscriberStatus::from_u32(status)),
                msisdn: Some(msisdn),
                apn_configuration_profile: Some(ApnConfigurationProfile {
                    context_identifier: apns[0].context_identifier,
                    apn_configurations: apns,
                    ..Default::default()
                }),
                ..Default::default()
            }),
            extra: typed::Extra::with_avps(unknown),
            ..Ula::default()
        };
        let bytes = ula.encode(1, 2);
        let back = Ula::decode(&bytes).unwrap();
        prop_assert_eq!(&back, &ula);
        prop_assert_eq!(back.encode(1, 2), bytes);
    }

    #[test]
    fn generated_maa_and_air_round_trip(
        user in word(),
        items in prop::collection::vec(
            (bytes(40), bytes(17), array::<16>(), array::<16>(), prop::option::of(word())),
            0..4,
        ),
        rand in array::<16>(),
        autn in array::<16>(),
        kasme in array::<32>(),
        xres in bytes(17),
        plmn in array::<3>(),
        vectors in 0..6u32,
    ) {
        let maa = Maa {
            session_id: user.clone(),
            result_code: Some(result::DIAMETER_SUCCESS),
            origin_host: user.clone(),
            origin_realm: user.clone(),
            user_name: Some(user.clone()),
            sip_number_auth_items: Some(items.len() as u32),
            sip_auth_data_items: items
                .into_iter()
                .enumerate()
                .map(|(i, (authenticate, authorization, ck, ik, scheme))| SipAuthDataItem {
                    sip_item_number: Some(i as u32 + 1),
                    sip_authentication_scheme: scheme,
                    sip_authenticate: Some(authenticate),
                    sip_authorization: Some(authorization),
                    confidentiality_key: Some(ck),
                    integrity_key: Some(ik),
                    ..Default::default()
                })
                .collect(),
            ..Maa::default()
        };
        prop_assert_eq!(&Maa::decode(&maa.encode(3, 4)).unwrap(), &maa);
        let aia = Aia {
            session_id: user.clone(),
            origin_host: user.clone(),
            origin_realm: user.clone(),
            authentication_info: Some(AuthenticationInfo {
                eutran_vectors: vec![EutranVector { rand, xres, autn, kasme, ..Default::default() }],
                ..Default::default()
            }),
            ..Aia::default()
        };
        prop_assert_eq!(&Aia::decode(&aia.encode(5, 6)).unwrap(), &aia);
        let air = Air {
            session_id: user.clone(),
            origin_host: user.clone(),
            origin_realm: user.clone(),
            destination_realm: user.clone(),
            user_name: user,
            requested_eutran_authentication_info: Some(RequestedEutranAuthenticationInfo {
                number_of_requested_vectors: Some(vectors),
                ..Default::default()
            }),
            visited_plmn_id: plmn,
            ..Air::default()
        };
        prop_assert_eq!(&Air::decode(&air.encode(7, 8)).unwrap(), &air);
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    // 100,000 Failed-AVPs inside each other, built as bytes (innermost last).
    let depth = 100_000usize;
    let mut bytes = Vec::with_capacity(20 + depth * 8);
    bytes.extend_from_slice(&Message::new(Header::default(), vec![]).encode());
    for level in 0..depth {
        let len = ((depth - level) * 8) as u32;
        bytes.extend_from_slice(&279u32.to_be_bytes());
        bytes.push(Avp::MANDATORY);
        bytes.extend_from_slice(&len.to_be_bytes()[1..]);
    }
    let bytes = fix_length(bytes);
    let e = Message::decode(&bytes).unwrap_err();
    assert!(e.what.contains("nested deeper than 16"), "{e}");
    assert!(tree(&bytes).is_err());
    assert!(Command::decode(&bytes).is_err());
}

#[test]
fn summaries_of_unknown_commands_stay_readable() {
    let h = Header::new(CommandFlags(0x80), 319, APP_S6A, 1, 1);
    let m = Message::new(h, vec![dict::USER_NAME.utf8(IMSI)]);
    assert_eq!(
        Command::from_message(&m).unwrap(),
        Command::Other(m.clone())
    );
    assert_eq!(m.summary(), "IDR (001010000000001)");
    let h = Header::new(CommandFlags(0), 9999, 42, 1, 1);
    assert_eq!(Message::new(h, vec![]).summary(), "cmd 9999 A");
}

#[test]
fn experimental_result_names_cover_the_cx_codes() {
    for (code, name) in [
        (2001, "DIAMETER_FIRST_REGISTRATION"),
        (2002, "DIAMETER_SUBSEQUENT_REGISTRATION"),
        (2003, "DIAMETER_UNREGISTERED_SERVICE"),
        (2004, "DIAMETER_SUCCESS_SERVER_NAME_NOT_STORED"),
        (5001, "DIAMETER_ERROR_USER_UNKNOWN"),
        (5002, "DIAMETER_ERROR_IDENTITIES_DONT_MATCH"),
        (5003, "DIAMETER_ERROR_IDENTITY_NOT_REGISTERED"),
        (5004, "DIAMETER_ERROR_ROAMING_NOT_ALLOWED"),
        (5005, "DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED"),
        (5006, "DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED"),
        (5007, "DIAMETER_ERROR_IN_ASSIGNMENT_TYPE"),
        (5008, "DIAMETER_ERROR_TOO_MUCH_DATA"),
        (5009, "DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA"),
        (5011, "DIAMETER_ERROR_FEATURE_UNSUPPORTED"),
    ] {
        assert_eq!(
            result::experimental_result_name(VENDOR_3GPP, APP_CX, code),
            Some(name)
        );
    }
}
