//! Wire check: messages built by our own encoders (with values that appear in
//! no reference fixture) are written to a pcap in their real transports, and
//! tshark, an independent decoder, must read every value back with no
//! malformed packet and no expert error.

mod common;

use common::{
    assert_no_malformed_or_expert_error, flow_bytes, have_tool, tshark_fields, tshark_text,
};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use volte_sim::codec::diameter::base::ExperimentalResult;
use volte_sim::codec::diameter::cx::{Maa, SipAuthDataItem, Uaa};
use volte_sim::codec::diameter::dict::VENDOR_3GPP;
use volte_sim::codec::nas::esm::EsmBody;
use volte_sim::codec::nas::ie::{Apn, EpsMobileIdentity, SecurityHeaderType};
use volte_sim::codec::nas::pco::Pco;
use volte_sim::codec::nas::security::SecurityProtected;
use volte_sim::codec::nas::{self, NasMessage, emm::EmmMessage};
use volte_sim::codec::s1ap::S1apMessage;
use volte_sim::codec::{gtpu, gtpv2c};
use volte_sim::events::pcap::{Packet, PcapWriter, SctpData};

const PCSCF4: Ipv4Addr = Ipv4Addr::new(10, 99, 0, 7);
const PCSCF6: Ipv6Addr = Ipv6Addr::new(0xfd00, 0x99, 0, 0, 0, 0, 0, 7);
const IMSI: &str = "001010000000099";
const SERVER_NAME: &str = "sip:scscf-test.ims.mnc001.mcc001.3gppnetwork.org:6060";

fn answer_pco() -> Pco {
    let mut p = Pco::new();
    p.push_pcscf_ipv4(PCSCF4)
        .push_pcscf_ipv6(PCSCF6)
        .push_dns_ipv4(Ipv4Addr::new(10, 99, 0, 53))
        .push_im_cn_flag();
    p
}

/// Initial UE Message with an Attach Request whose IMSI and APN we changed.
fn initial_ue_message() -> Vec<u8> {
    let S1apMessage::InitialUeMessage(mut m) =
        S1apMessage::decode(&flow_bytes("s1ap_initial_ue_attach_request")).unwrap()
    else {
        panic!()
    };
    let NasMessage::Emm(EmmMessage::AttachRequest(mut attach)) = nas::decode(&m.nas_pdu).unwrap()
    else {
        panic!("not an attach request")
    };
    attach.eps_mobile_identity = EpsMobileIdentity::Imsi(IMSI.into());
    if let EsmBody::PdnConnectivityRequest(p) = &mut attach.esm_message_container.body {
        p.apn = Some(Apn::new("volte-test"));
    }
    m.nas_pdu = NasMessage::Emm(attach.into()).encode();
    S1apMessage::InitialUeMessage(m).encode().unwrap()
}

/// E-RAB Setup Request carrying a protected Activate Default EPS Bearer
/// Context Request whose PCO answer holds our P-CSCF addresses.
fn erab_setup_request() -> Vec<u8> {
    let S1apMessage::ErabSetupRequest(mut m) =
        S1apMessage::decode(&flow_bytes("s1ap_erab_setup_request_ims")).unwrap()
    else {
        panic!()
    };
    let NasMessage::Protected(p) = nas::decode(m.erabs[0].nas_pdu.as_ref().unwrap()).unwrap()
    else {
        panic!()
    };
    let NasMessage::Esm(mut esm) = p.inner_plain().unwrap() else {
        panic!()
    };
    if let EsmBody::ActivateDefaultEpsBearerContextRequest(a) = &mut esm.body {
        a.pco = Some(answer_pco());
    }
    let wrapped = SecurityProtected::wrap(
        SecurityHeaderType::IntegrityProtectedCiphered,
        9,
        &NasMessage::Esm(esm),
    );
    m.erabs[0].nas_pdu = Some(NasMessage::Protected(wrapped).encode());
    m.erabs[0].teid = 0x0bad_cafe;
    S1apMessage::ErabSetupRequest(m).encode().unwrap()
}

fn create_session_response() -> Vec<u8> {
    let mut msg = gtpv2c::decode(&flow_bytes("gtpv2c_create_session_response")).unwrap();
    msg.seq = 0x00_4242;
    if let gtpv2c::Body::CreateSessionResponse(r) = &mut msg.body {
        r.pco = Some(answer_pco());
    }
    msg.encode()
}

fn gpdu() -> Vec<u8> {
    let inner = flow_bytes("gtpu_gpdu_sip_syn");
    let orig = gtpu::decode(&inner).unwrap();
    let gtpu::Body::GPdu(ip) = orig.body else {
        panic!()
    };
    gtpu::Message::g_pdu(0xabcd_ef01, ip).encode()
}

fn uaa() -> Vec<u8> {
    Uaa {
        session_id: "icscf.test;1;77".into(),
        experimental_result: Some(ExperimentalResult::new(VENDOR_3GPP, 2002)),
        origin_host: "hss.ims.mnc001.mcc001.3gppnetwork.org".into(),
        origin_realm: "ims.mnc001.mcc001.3gppnetwork.org".into(),
        server_name: Some(SERVER_NAME.into()),
        ..Uaa::default()
    }
    .encode(0x1111, 0x2222)
}

fn maa() -> Vec<u8> {
    Maa {
        session_id: "scscf.test;1;78".into(),
        result_code: Some(2001),
        origin_host: "hss.ims.mnc001.mcc001.3gppnetwork.org".into(),
        origin_realm: "ims.mnc001.mcc001.3gppnetwork.org".into(),
        user_name: Some(format!("{IMSI}@ims.mnc001.mcc001.3gppnetwork.org")),
        public_identity: Some(format!("sip:{IMSI}@ims.mnc001.mcc001.3gppnetwork.org")),
        sip_number_auth_items: Some(1),
        sip_auth_data_items: vec![SipAuthDataItem {
            sip_item_number: Some(1),
            sip_authentication_scheme: Some("Digest-AKAv1-MD5".into()),
            sip_authenticate: Some(vec![0x42; 32]),
            sip_authorization: Some(vec![0x24; 8]),
            confidentiality_key: Some([0xcc; 16]),
            integrity_key: Some([0x11; 16]),
            ..SipAuthDataItem::default()
        }],
        ..Maa::default()
    }
    .encode(0x3333, 0x4444)
}

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

#[test]
fn tshark_reads_our_encodings_of_every_protocol() {
    if !have_tool("tshark", "tshark_reads_our_encodings_of_every_protocol") {
        return;
    }
    let frames: Vec<(&str, Vec<u8>)> = vec![
        ("s1ap", initial_ue_message()),
        ("s1ap", erab_setup_request()),
        ("gtpv2c", create_session_response()),
        ("gtpu", gpdu()),
        ("diameter", uaa()),
        ("diameter", maa()),
    ];
    let mut w = PcapWriter::new(Vec::new());
    w.write_header().unwrap();
    for (i, (proto, bytes)) in frames.iter().enumerate() {
        let t = 1_000_000 + i as u64 * 1000;
        let p = match *proto {
            "s1ap" => Packet::Sctp {
                src: addr("127.0.0.1:36412"),
                dst: addr("127.0.0.2:36412"),
                data: SctpData::new(1, 18),
                payload: bytes,
            },
            "gtpv2c" => Packet::Udp {
                src: addr("127.0.0.3:2123"),
                dst: addr("127.0.0.1:2123"),
                payload: bytes,
            },
            "gtpu" => Packet::Udp {
                src: addr("127.0.0.2:2152"),
                dst: addr("127.0.0.3:2152"),
                payload: bytes,
            },
            _ => Packet::Tcp {
                src: addr("127.0.0.5:3868"),
                dst: addr("127.0.0.6:40000"),
                payload: bytes,
            },
        };
        w.write_packet(t, &p).unwrap();
    }
    let dir = std::env::temp_dir().join(format!("volte-sim-wire-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("wire.pcap");
    std::fs::write(&path, w.into_inner()).unwrap();
    let fields = [
        "frame.protocols",
        "_ws.malformed",
        "_ws.expert.severity",
        "s1ap.procedureCode",
        "nas_eps.nas_msg_emm_type",
        "nas_eps.nas_msg_esm_type",
        "e212.imsi",
        "gsm_a.gm.sm.apn",
        "gsm_a.gm.sm.pco.pcscf.ipv4",
        "gsm_a.gm.sm.pco.pcscf.ipv6",
        "gtpv2.message_type",
        "gtpv2.seq",
        "gtp.teid",
        "diameter.cmd.code",
        "diameter.Experimental-Result-Code",
        "diameter.Server-Name",
        "diameter.3GPP-SIP-Authentication-Scheme",
        "diameter.Public-Identity",
        "s1ap.gTP_TEID",
    ];
    let rows = tshark_fields(&path, &fields, &[]);
    std::fs::remove_dir_all(&dir).ok();
    let text = tshark_text(&rows);
    assert_eq!(rows.len(), frames.len(), "{text}");
    let col = |r: &Vec<String>, name: &str| -> String {
        r[fields.iter().position(|f| *f == name).unwrap()].clone()
    };
    assert_no_malformed_or_expert_error(&rows, &fields);
    // S1AP Initial UE Message with our Attach Request.
    assert!(col(&rows[0], "frame.protocols").ends_with("sctp:s1ap:nas-eps"));
    assert_eq!(col(&rows[0], "s1ap.procedureCode"), "12");
    assert_eq!(col(&rows[0], "nas_eps.nas_msg_emm_type"), "0x41");
    assert_eq!(col(&rows[0], "nas_eps.nas_msg_esm_type"), "0xd0");
    assert_eq!(col(&rows[0], "e212.imsi"), IMSI);
    assert_eq!(col(&rows[0], "gsm_a.gm.sm.apn"), "volte-test");
    // E-RAB Setup with the protected ESM message and our P-CSCF addresses.
    assert_eq!(col(&rows[1], "s1ap.procedureCode"), "5");
    assert_eq!(col(&rows[1], "nas_eps.nas_msg_esm_type"), "0xc1");
    assert_eq!(
        col(&rows[1], "gsm_a.gm.sm.pco.pcscf.ipv4"),
        PCSCF4.to_string()
    );
    assert_eq!(
        col(&rows[1], "gsm_a.gm.sm.pco.pcscf.ipv6"),
        PCSCF6.to_string()
    );
    assert_eq!(col(&rows[1], "s1ap.gTP_TEID"), "0badcafe");
    // GTPv2-C Create Session Response with the same PCO answer.
    assert_eq!(col(&rows[2], "gtpv2.message_type"), "33");
    assert_eq!(col(&rows[2], "gtpv2.seq"), "0x004242");
    assert_eq!(
        col(&rows[2], "gsm_a.gm.sm.pco.pcscf.ipv4"),
        PCSCF4.to_string()
    );
    assert_eq!(
        col(&rows[2], "gsm_a.gm.sm.pco.pcscf.ipv6"),
        PCSCF6.to_string()
    );
    // GTP-U G-PDU.
    assert_eq!(col(&rows[3], "gtp.teid"), "0xabcdef01");
    // Cx UAA and MAA.
    assert!(col(&rows[4], "frame.protocols").ends_with("tcp:diameter"));
    assert_eq!(col(&rows[4], "diameter.cmd.code"), "300");
    assert_eq!(col(&rows[4], "diameter.Experimental-Result-Code"), "2002");
    assert_eq!(col(&rows[4], "diameter.Server-Name"), SERVER_NAME);
    assert_eq!(col(&rows[5], "diameter.cmd.code"), "303");
    assert_eq!(
        col(&rows[5], "diameter.3GPP-SIP-Authentication-Scheme"),
        "Digest-AKAv1-MD5"
    );
    assert_eq!(
        col(&rows[5], "diameter.Public-Identity"),
        format!("sip:{IMSI}@ims.mnc001.mcc001.3gppnetwork.org")
    );
}
