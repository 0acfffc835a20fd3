//! The simulated HSS serves real Diameter clients over TCP: the binary runs
//! a topology whose HSS has `listen:` addresses, and this test plays a real
//! MME on the S6a port and a real S-CSCF on the Cx port with the crate's
//! own codec, checks the answers of every command the HSS serves (vectors
//! verified with Milenage), throws
//! garbage at a third connection, and reads the JSON log afterwards.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use volte_sim::codec::diameter::avp::Address;
use volte_sim::codec::diameter::base::{
    AuthSessionState, Cea, Cer, Dwa, Dwr, VendorSpecificApplicationId,
};
use volte_sim::codec::diameter::cx::{
    Lia, Lir, Maa, Mar, Saa, Sar, ServerAssignmentType, SipAuthDataItem, Uaa, Uar,
    UserDataAlreadyAvailable,
};
use volte_sim::codec::diameter::dict::{APP_CX, APP_S6A, VENDOR_3GPP};
use volte_sim::codec::diameter::header::message_length;
use volte_sim::codec::diameter::s6a::{
    Aia, Air, Pua, Pur, RequestedEutranAuthenticationInfo, Ula, Ulr, ulr_flags,
};
use volte_sim::crypto::auth::{AutnOutcome, UsimSqn};
use volte_sim::crypto::milenage::Milenage;
use volte_sim::crypto::{Autn, K, Opc, Rand, Sqn};

const IMSI: &str = "001010000000001";
const K_HEX: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
const OPC_HEX: &str = "cd63cb71954a9f4e48a5994e37a02baf";
const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
const EPC: &str = "epc.mnc001.mcc001.3gppnetwork.org";
const IMS: &str = "ims.mnc001.mcc001.3gppnetwork.org";
/// The identities the topology gives the HSS.
const S6A_HOST: &str = "hss-s6a.example.net";
const S6A_REALM: &str = "s6a.example.net";
const CX_HOST: &str = "hss-cx.example.net";

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A fresh temp directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let p = std::env::temp_dir().join(format!("volte-sim-hss-tcp-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Kills the process if the test fails before it exits.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn topology(s6a: u16, cx: u16) -> String {
    format!(
        "# A lone HSS for real clients.
name: hss-tcp
plmn: {{ mcc: \"001\", mnc: \"01\" }}
nodes:
  gw1:
    kind: gateway
    apns:
      internet: {{ pool: 10.45.0.0/16 }}
      ims: {{ pool: 10.46.0.0/16, qci: 5 }}
  hss1:
    kind: hss
    s6a: {{ host: {S6A_HOST}, realm: {S6A_REALM} }}
    cx: {{ host: {CX_HOST}, realm: {IMS} }}
    listen: {{ s6a: \"127.0.0.1:{s6a}\", cx: \"127.0.0.1:{cx}\" }}
subscribers:
  - {{ imsi: \"{IMSI}\", k: {K_HEX}, opc: {OPC_HEX}, apns: [internet, ims] }}
"
    )
}

fn connect(addr: SocketAddr) -> TcpStream {
    let until = Instant::now() + Duration::from_secs(5);
    loop {
        match TcpStream::connect(addr) {
            Ok(s) => {
                s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                return s;
            }
            Err(_) if Instant::now() < until => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("nothing listens on {addr}: {e}"),
        }
    }
}

/// Reads one Diameter message (framed by its header's length).
fn read_message(s: &mut TcpStream) -> Vec<u8> {
    let mut head = [0u8; 4];
    s.read_exact(&mut head).expect("an answer");
    let len = message_length(&head).unwrap();
    let mut msg = head.to_vec();
    msg.resize(len, 0);
    s.read_exact(&mut msg[4..]).unwrap();
    msg
}

fn exchange(s: &mut TcpStream, request: &[u8]) -> Vec<u8> {
    s.write_all(request).unwrap();
    read_message(s)
}

fn cer(host: &str, realm: &str, app: u32) -> Vec<u8> {
    Cer {
        origin_host: host.into(),
        origin_realm: realm.into(),
        host_ip_address: vec![Address::from(
            "127.0.0.1".parse::<std::net::IpAddr>().unwrap(),
        )],
        vendor_id: VENDOR_3GPP,
        product_name: "real-peer".into(),
        auth_application_id: vec![app],
        supported_vendor_id: vec![VENDOR_3GPP],
        vendor_specific_application_id: vec![VendorSpecificApplicationId::auth(VENDOR_3GPP, app)],
        ..Cer::default()
    }
    .encode(1, 1)
}

fn milenage() -> Milenage {
    Milenage::new(K::from_hex(K_HEX).unwrap(), Opc::from_hex(OPC_HEX).unwrap())
}

#[test]
fn hss_serves_real_s6a_and_cx_clients_over_tcp() {
    let dir = TempDir::new();
    let (s6a_port, cx_port) = loop {
        let (a, b) = (free_port(), free_port());
        if a != b {
            break (a, b);
        }
    };
    let file = dir.0.join("hss-tcp.yaml");
    std::fs::write(&file, topology(s6a_port, cx_port)).unwrap();
    let log = dir.0.join("run.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .arg("run")
        .arg(&file)
        .args(["--max-time", "8s", "--json"])
        .arg(&log)
        .arg("--quiet")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut run = Running(child);

    // S6a, as a real MME.
    let mut mme = connect(SocketAddr::from(([127, 0, 0, 1], s6a_port)));
    let cea = Cea::decode(&exchange(&mut mme, &cer("mme.real.example", EPC, APP_S6A))).unwrap();
    assert_eq!(cea.result_code, 2001);
    assert_eq!(cea.origin_host, S6A_HOST);
    assert_eq!(cea.origin_realm, S6A_REALM);

    let air = Air {
        session_id: "mme.real.example;1;1".into(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "mme.real.example".into(),
        origin_realm: EPC.into(),
        destination_realm: S6A_REALM.into(),
        user_name: IMSI.into(),
        requested_eutran_authentication_info: Some(RequestedEutranAuthenticationInfo {
            number_of_requested_vectors: Some(1),
            ..Default::default()
        }),
        visited_plmn_id: [0x00, 0xf1, 0x10],
        ..Default::default()
    };
    let aia = Aia::decode(&exchange(&mut mme, &air.encode(2, 2))).unwrap();
    assert_eq!(aia.result_code, Some(2001), "{aia:?}");
    let vectors = aia.authentication_info.unwrap().eutran_vectors;
    assert_eq!(vectors.len(), 1);
    let v = &vectors[0];
    let (rand, autn) = (Rand::new(v.rand), Autn::new(v.autn));
    // The subscriber's USIM accepts it: MAC right with its K and OPc, SQN
    // fresh; and its RES is the XRES the MME got.
    let mut usim = UsimSqn::new(Sqn::new(0).unwrap());
    match usim.check_autn(&milenage(), &rand, &autn) {
        AutnOutcome::Ok { res, .. } => assert_eq!(v.xres, res.as_bytes()),
        other => panic!("the USIM refuses the vector: {other:?}"),
    }

    let ulr = Ulr {
        session_id: "mme.real.example;1;2".into(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "mme.real.example".into(),
        origin_realm: EPC.into(),
        destination_realm: S6A_REALM.into(),
        user_name: IMSI.into(),
        rat_type: volte_sim::codec::diameter::s6a::RatType::Eutran,
        ulr_flags: ulr_flags::S6A_S6D_INDICATOR,
        visited_plmn_id: [0x00, 0xf1, 0x10],
        ..Default::default()
    };
    let ula = Ula::decode(&exchange(&mut mme, &ulr.encode(3, 3))).unwrap();
    assert_eq!(ula.result_code, Some(2001), "{ula:?}");
    let profile = ula
        .subscription_data
        .and_then(|d| d.apn_configuration_profile)
        .expect("an APN-Configuration-Profile");
    let apns: Vec<String> = profile
        .apn_configurations
        .iter()
        .map(|c| c.service_selection.clone())
        .collect();
    assert_eq!(apns, ["internet", "ims"]);
    let pur = Pur {
        session_id: "mme.real.example;1;3".into(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "mme.real.example".into(),
        origin_realm: EPC.into(),
        destination_realm: S6A_REALM.into(),
        user_name: IMSI.into(),
        ..Default::default()
    };
    let pua = Pua::decode(&exchange(&mut mme, &pur.encode(6, 6))).unwrap();
    assert_eq!(pua.result_code, Some(2001), "{pua:?}");

    // Cx, as a real S-CSCF.
    let mut scscf = connect(SocketAddr::from(([127, 0, 0, 1], cx_port)));
    let cea = Cea::decode(&exchange(
        &mut scscf,
        &cer("scscf.real.example", IMS, APP_CX),
    ))
    .unwrap();
    assert_eq!(cea.result_code, 2001);
    assert_eq!(cea.origin_host, CX_HOST);
    assert_eq!(cea.origin_realm, IMS);
    let cx_vsai = VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX);
    let server_name = "sip:scscf.real.example:6060";
    let uar = Uar {
        session_id: "scscf.real.example;1;0".into(),
        vendor_specific_application_id: cx_vsai.clone(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "scscf.real.example".into(),
        origin_realm: IMS.into(),
        destination_realm: IMS.into(),
        user_name: IMPI.into(),
        public_identity: IMPU.into(),
        visited_network_identifier: IMS.as_bytes().to_vec(),
        ..Default::default()
    };
    let uaa = Uaa::decode(&exchange(&mut scscf, &uar.encode(7, 7))).unwrap();
    assert_eq!(
        uaa.experimental_result.as_ref().map(|e| e.pair()),
        Some((VENDOR_3GPP, 2001)),
        "DIAMETER_FIRST_REGISTRATION: {uaa:?}"
    );
    let mar = Mar {
        session_id: "scscf.real.example;1;1".into(),
        vendor_specific_application_id: VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "scscf.real.example".into(),
        origin_realm: IMS.into(),
        destination_realm: IMS.into(),
        user_name: IMPI.into(),
        public_identity: IMPU.into(),
        sip_auth_data_item: SipAuthDataItem {
            sip_authentication_scheme: Some("Digest-AKAv1-MD5".into()),
            ..Default::default()
        },
        sip_number_auth_items: 1,
        server_name: server_name.into(),
        ..Default::default()
    };
    let maa = Maa::decode(&exchange(&mut scscf, &mar.encode(4, 4))).unwrap();
    assert_eq!(maa.result_code, Some(2001), "{maa:?}");
    assert_eq!(maa.sip_auth_data_items.len(), 1);
    let item = &maa.sip_auth_data_items[0];
    assert_eq!(
        item.sip_authentication_scheme.as_deref(),
        Some("Digest-AKAv1-MD5")
    );
    assert_eq!(item.sip_authenticate.as_ref().map(Vec::len), Some(32));
    let sar = Sar {
        session_id: "scscf.real.example;1;2".into(),
        vendor_specific_application_id: cx_vsai.clone(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "scscf.real.example".into(),
        origin_realm: IMS.into(),
        destination_realm: IMS.into(),
        user_name: Some(IMPI.into()),
        public_identity: vec![IMPU.into()],
        server_name: server_name.into(),
        server_assignment_type: ServerAssignmentType::Registration,
        user_data_already_available: UserDataAlreadyAvailable::UserDataNotAvailable,
        ..Default::default()
    };
    let saa = Saa::decode(&exchange(&mut scscf, &sar.encode(8, 8))).unwrap();
    assert_eq!(saa.result_code, Some(2001), "{saa:?}");
    let lir = Lir {
        session_id: "scscf.real.example;1;3".into(),
        vendor_specific_application_id: cx_vsai,
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "scscf.real.example".into(),
        origin_realm: IMS.into(),
        destination_realm: IMS.into(),
        public_identity: IMPU.into(),
        ..Default::default()
    };
    let lia = Lia::decode(&exchange(&mut scscf, &lir.encode(9, 9))).unwrap();
    assert_eq!(lia.result_code, Some(2001), "{lia:?}");
    assert_eq!(lia.server_name.as_deref(), Some(server_name));

    // Garbage on a third connection: closed, and the others go on.
    let mut junk = connect(SocketAddr::from(([127, 0, 0, 1], s6a_port)));
    junk.write_all(b"GET / HTTP/1.1\r\nHost: hss\r\n\r\n")
        .unwrap();
    let mut rest = Vec::new();
    let closed = junk.read_to_end(&mut rest);
    assert!(
        matches!(closed, Ok(0)) || closed.is_err(),
        "the HSS must close a connection it cannot frame: {closed:?} {rest:?}"
    );
    let dwr = Dwr {
        origin_host: "mme.real.example".into(),
        origin_realm: EPC.into(),
        ..Default::default()
    };
    let dwa = Dwa::decode(&exchange(&mut mme, &dwr.encode(5, 5))).unwrap();
    assert_eq!(dwa.result_code, 2001);
    assert_eq!(dwa.origin_host, S6A_HOST);
    drop(mme);
    drop(scscf);

    // The run ends at --max-time, cleanly.
    let until = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = run.0.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < until, "the run did not end at --max-time");
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    run.0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "exit {status:?}; stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "hss1 listens for S6a on 127.0.0.1:{s6a_port} (Diameter over TCP)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "hss1 listens for Cx on 127.0.0.1:{cx_port} (Diameter over TCP)"
        )),
        "{stderr}"
    );

    // Every message in both directions is in the log, the real peers named
    // by their socket address.
    let text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let messages: Vec<(String, String, String)> = events
        .iter()
        .filter(|e| e["type"] == "message")
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (s("from"), s("to"), s("summary"))
        })
        .collect();
    for (cmd, request) in [
        ("CER", true),
        ("CEA", false),
        ("AIR", true),
        ("AIA", false),
        ("ULR", true),
        ("ULA", false),
        ("PUR", true),
        ("PUA", false),
        ("UAR", true),
        ("UAA", false),
        ("MAR", true),
        ("MAA", false),
        ("SAR", true),
        ("SAA", false),
        ("LIR", true),
        ("LIA", false),
        ("DWR", true),
        ("DWA", false),
    ] {
        assert!(
            messages.iter().any(|(from, to, summary)| {
                summary.starts_with(cmd)
                    && if request {
                        from.starts_with("ext:127.0.0.1:") && to == "hss1"
                    } else {
                        from == "hss1" && to.starts_with("ext:127.0.0.1:")
                    }
            }),
            "no {cmd} with the real peer in the log: {messages:#?}"
        );
    }
    let peers: Vec<&serde_json::Value> = events.iter().filter(|e| e["type"] == "peer").collect();
    assert_eq!(peers.len(), 3, "{peers:#?}");
    assert!(
        events.iter().any(|e| e["type"] == "note"
            && e["node"].as_str().is_some_and(|n| n.starts_with("ext:"))
            && e["text"]
                .as_str()
                .is_some_and(|t| t.contains("cannot be framed"))),
        "the garbage connection's end must be noted"
    );
    // The peers that left are forgotten by the HSS (no watchdog to them).
    assert!(
        events.iter().any(|e| e["type"] == "note"
            && e["node"] == "hss1"
            && e["text"]
                .as_str()
                .is_some_and(|t| t.ends_with("closed: its Diameter connection is forgotten"))),
        "the HSS must forget a closed peer"
    );
}
