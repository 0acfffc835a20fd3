//! The HSS across restarts (SQNs are never reused) and the `volte-sim hss`
//! command run as a real process.

use bytes::Bytes;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output as ProcessOutput};
use std::sync::atomic::{AtomicU32, Ordering};
use volte_sim::codec::diameter::base::AuthSessionState;
use volte_sim::codec::diameter::s6a::{Aia, Air, RequestedEutranAuthenticationInfo};
use volte_sim::codec::plmn::Plmn;
use volte_sim::crypto::milenage::Milenage;
use volte_sim::crypto::{Amf, Autn, K, Opc, Rand, Sqn};
use volte_sim::nodes::diameter_peer::{DiameterPeer, LocalIdentity, PeerState, Role};
use volte_sim::nodes::hss::Hss;
use volte_sim::nodes::hss::store::{Store, Subscription};
use volte_sim::nodes::{Iface, Input, Node, NodeEvent, NodeId, Output, Time};
use volte_sim::topology::{
    ApnSpec, DiameterIdentity, GatewaySpec, HssSpec, NodeKind, NodeSpec, Subscriber, Topology,
};

const IMSI: &str = "001010000000001";
const K_HEX: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
const OPC_HEX: &str = "cd63cb71954a9f4e48a5994e37a02baf";
const HSS: NodeId = NodeId(1);
const MME: NodeId = NodeId(2);

/// A path in the temp dir no other test uses; removed (with the WAL files)
/// when dropped.
struct TempPath(PathBuf);

impl TempPath {
    fn new(tag: &str) -> Self {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        Self(std::env::temp_dir().join(format!(
            "volte-sim-hss-it-{}-{tag}-{n}.db",
            std::process::id()
        )))
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        for ext in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(ext);
            let _ = std::fs::remove_file(p);
        }
    }
}

fn key(h: &str) -> [u8; 16] {
    *K::from_hex(h).unwrap().as_bytes()
}

fn topology(db: &Path, sqn: u64) -> Topology {
    let realm = "epc.mnc001.mcc001.3gppnetwork.org";
    Topology {
        name: "hss-restart".into(),
        source: None,
        plmn: Plmn::new("001", "01").unwrap(),
        nodes: vec![
            NodeSpec {
                name: "gw1".into(),
                addr: "127.0.0.3".parse().unwrap(),
                kind: NodeKind::Gateway(GatewaySpec {
                    apns: vec![ApnSpec {
                        name: "internet".into(),
                        ipv4_pool: Some((Ipv4Addr::new(10, 45, 0, 0), 16)),
                        ipv6_prefix: None,
                        qci: 9,
                        arp_priority: 8,
                        ambr_ul: 1_000_000,
                        ambr_dl: 1_000_000,
                        pcscf: Vec::new(),
                        dns: Vec::new(),
                        mtu: None,
                    }],
                    ims_stack: None,
                }),
            },
            NodeSpec {
                name: "hss1".into(),
                addr: "127.0.0.4".parse().unwrap(),
                kind: NodeKind::Hss(HssSpec {
                    db: Some(db.to_path_buf()),
                    s6a: DiameterIdentity {
                        host: format!("hss.{realm}"),
                        realm: realm.into(),
                    },
                    cx: DiameterIdentity {
                        host: "hss.ims".into(),
                        realm: "ims".into(),
                    },
                    amf: [0x80, 0x00],
                    listen: Default::default(),
                }),
            },
        ],
        subscribers: vec![Subscriber {
            imsi: IMSI.into(),
            msisdn: "15550001".into(),
            k: key(K_HEX),
            opc: key(OPC_HEX),
            sqn,
            apns: vec!["internet".into()],
            ims: None,
            barred: Vec::new(),
        }],
        scenario: Vec::new(),
        latency: std::time::Duration::from_millis(1),
        seed: 11,
        show_keys: false,
    }
}

fn drain(hss: &mut Hss) -> Vec<Output> {
    std::iter::from_fn(|| hss.poll_output()).collect()
}

fn receive(hss: &mut Hss, bytes: Vec<u8>) -> Vec<Output> {
    hss.handle(
        Time::ZERO,
        Input::Receive {
            iface: Iface::S6a,
            from: MME,
            bytes: Bytes::from(bytes),
        },
    );
    drain(hss)
}

fn sent(outs: &[Output]) -> Vec<Bytes> {
    outs.iter()
        .filter_map(|o| match o {
            Output::Transmit(t) => Some(t.bytes.clone()),
            Output::Event(_) => None,
        })
        .collect()
}

fn notes(outs: &[Output]) -> Vec<String> {
    outs.iter()
        .filter_map(|o| match o {
            Output::Event(NodeEvent::Note { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Starts an HSS on `topo`, connects an MME-like client and returns the
/// HSS with its start notes.
fn start(topo: &Topology) -> (Hss, Vec<String>) {
    let mut hss = Hss::try_new(HSS, topo).unwrap();
    hss.handle(Time::ZERO, Input::Timeout);
    let start_notes = notes(&drain(&mut hss));
    let mut mme: DiameterPeer<()> = DiameterPeer::new(
        LocalIdentity {
            host: "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
            realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            ip: "127.0.0.2".parse().unwrap(),
            product: "test".into(),
            applications: vec![16777251],
        },
        Role::Client,
        3,
    );
    let cer = mme.start(Time::ZERO).remove(0);
    let outs = receive(&mut hss, cer);
    mme.receive(Time::ZERO, &sent(&outs)[0]).unwrap();
    assert_eq!(mme.state(), PeerState::Open);
    (hss, start_notes)
}

/// Sends one AIR and returns the vector's RAND and AUTN.
fn air(hss: &mut Hss) -> ([u8; 16], [u8; 16]) {
    let req = Air {
        session_id: "mme;1;air".into(),
        auth_session_state: AuthSessionState::NoStateMaintained,
        origin_host: "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
        origin_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
        destination_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
        user_name: IMSI.into(),
        requested_eutran_authentication_info: Some(RequestedEutranAuthenticationInfo {
            number_of_requested_vectors: Some(1),
            ..Default::default()
        }),
        visited_plmn_id: [0x00, 0xf1, 0x10],
        ..Default::default()
    };
    let outs = receive(hss, req.encode(1, 1));
    let aia = Aia::decode(&sent(&outs)[0]).unwrap();
    assert_eq!(aia.result_code, Some(2001));
    let v = &aia.authentication_info.unwrap().eutran_vectors[0];
    (v.rand, v.autn)
}

/// SQN = (SQN xor AK) xor AK, with AK = f5(RAND) from the test's K and OPc.
fn sqn_in(rand: &[u8; 16], autn: &[u8; 16]) -> u64 {
    let mil = Milenage::new(K::from_hex(K_HEX).unwrap(), Opc::from_hex(OPC_HEX).unwrap());
    let ak = mil.f2345(&Rand::new(*rand)).ak;
    Sqn::from_bytes(ak.xor(&Autn::new(*autn).concealed_sqn())).value()
}

#[test]
fn hss_restart_on_same_file_never_reuses_sqn() {
    let db = TempPath::new("restart");
    let topo = topology(&db.0, 32);
    let (mut first, _) = start(&topo);
    let (rand1, autn1) = air(&mut first);
    drop(first);
    let (mut second, notes) = start(&topo);
    assert_eq!(
        notes,
        [format!(
            "subscriber database {}: 0 added, 1 updated from the topology, \
             1 kept their stored SQN (higher than the topology's)",
            db.0.display()
        )]
    );
    let (rand2, autn2) = air(&mut second);
    let (sqn1, sqn2) = (sqn_in(&rand1, &autn1), sqn_in(&rand2, &autn2));
    assert_eq!(sqn1, 32);
    assert!(sqn2 > sqn1, "second SQN {sqn2} must be above {sqn1}");
    assert_eq!(sqn2, 33);
    // Same seed, yet a new RAND: it is derived from the seed, the IMSI and
    // the SQN, and the SQN is never reused.
    assert_ne!(rand1, rand2);
    assert_ne!(autn1, autn2);
    drop(second);

    // A run is reproducible: a fresh database with the same seed hands out
    // the first vector again.
    let fresh = TempPath::new("restart-fresh");
    let (mut third, _) = start(&topology(&fresh.0, 32));
    assert_eq!(air(&mut third), (rand1, autn1));
}

#[test]
fn hss_seeding_keeps_a_higher_stored_sqn() {
    let db = TempPath::new("seed");
    {
        let mut store = Store::open(&db.0).unwrap();
        store
            .add(&Subscription {
                imsi: IMSI.into(),
                msisdn: "15550001".into(),
                k: K::from_hex(K_HEX).unwrap(),
                opc: Opc::from_hex(OPC_HEX).unwrap(),
                amf: Amf::new([0x80, 0]),
                sqn: Sqn::new(5000).unwrap(),
                apns: vec!["internet".into()],
                impi: None,
                impus: Vec::new(),
            })
            .unwrap();
    }
    let (mut hss, notes) = start(&topology(&db.0, 32));
    assert!(notes[0].ends_with("1 kept their stored SQN (higher than the topology's)"));
    let (rand, autn) = air(&mut hss);
    assert_eq!(sqn_in(&rand, &autn), 5000);
    // A topology SQN above the stored one wins.
    drop(hss);
    let (mut hss, _) = start(&topology(&db.0, 9000));
    let (rand, autn) = air(&mut hss);
    assert_eq!(sqn_in(&rand, &autn), 9000);
}

fn cli(db: &Path, args: &[&str]) -> ProcessOutput {
    Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .arg("hss")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &ProcessOutput) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &ProcessOutput) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn hss_cli_adds_lists_shows_sets_sqn_and_removes() {
    let db = TempPath::new("cli");
    // Nothing there yet: say so.
    let o = cli(&db.0, &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("no HSS database at {}", db.0.display())),
        "{}",
        stderr(&o)
    );

    let o = cli(
        &db.0,
        &[
            "add",
            "--imsi",
            IMSI,
            "--k",
            K_HEX,
            "--opc",
            OPC_HEX,
            "--msisdn",
            "15550001",
            "--apns",
            "internet,ims",
            "--impi",
            "001010000000001@ims.example",
            "--impu",
            "sip:001010000000001@ims.example",
            "--impu",
            "tel:+15550001",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("added {IMSI} (next SQN 1); created {}\n", db.0.display())
    );
    // OPc from OP (TS 35.208 set 1), SQN in hex.
    let o = cli(
        &db.0,
        &[
            "add",
            "--imsi",
            "001010000000002",
            "--k",
            K_HEX,
            "--op",
            "cdc202d5123e20f62b6d676ac72cb318",
            "--sqn",
            "0x20",
            "--apns",
            "ims",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // --db may also follow the subcommand.
    let o = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["hss", "list", "--db"])
        .arg(&db.0)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["IMSI", "MSISDN", "NEXT", "SQN", "APNS"]
    );
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        [IMSI, "15550001", "1", "internet,ims"]
    );
    assert_eq!(
        lines[2].split_whitespace().collect::<Vec<_>>(),
        ["001010000000002", "-", "32", "ims"]
    );

    let o = cli(&db.0, &["show", IMSI]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("K:          <hidden>\n"), "{text}");
    assert!(text.contains("OPc:        <hidden>\n"), "{text}");
    assert!(!text.contains(K_HEX) && !text.contains(OPC_HEX), "{text}");
    assert!(text.contains("MSISDN:     15550001\n"), "{text}");
    assert!(
        text.contains("APNs:       internet (default), ims\n"),
        "{text}"
    );
    assert!(
        text.contains("IMPI:       001010000000001@ims.example\n"),
        "{text}"
    );
    assert!(
        text.contains("IMPUs:      sip:001010000000001@ims.example\n"),
        "{text}"
    );
    assert!(text.contains("            tel:+15550001\n"), "{text}");
    assert!(text.contains("SQN:        1 (0x000000000001"), "{text}");
    let o = cli(&db.0, &["show", "001010000000002", "--show-keys"]);
    let text = stdout(&o);
    assert!(text.contains(&format!("K:          {K_HEX}\n")), "{text}");
    assert!(text.contains(&format!("OPc:        {OPC_HEX}\n")), "{text}");

    let o = cli(&db.0, &["set-sqn", IMSI, "ff9bb4d0b607"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("next SQN of {IMSI} set to 281044218590727 (0xff9bb4d0b607)\n")
    );
    let o = cli(&db.0, &["set-sqn", IMSI, "1000"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("set to 1000 (0x0000000003e8)"));
    assert_eq!(
        Store::open_existing(&db.0)
            .unwrap()
            .get(IMSI)
            .unwrap()
            .unwrap()
            .subscription
            .sqn
            .value(),
        1000
    );

    let o = cli(&db.0, &["remove", "001010000000002"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "removed 001010000000002\n");
    let o = cli(&db.0, &["list"]);
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn hss_cli_reports_bad_input_and_unknown_imsi() {
    let db = TempPath::new("cli-errors");
    let o = cli(
        &db.0,
        &["add", "--imsi", IMSI, "--k", "465b", "--opc", OPC_HEX],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--k must be 32 hex digits (16 bytes), got 4 characters"),
        "{}",
        stderr(&o)
    );
    assert!(!db.0.exists(), "a refused add creates nothing");
    let o = cli(&db.0, &["add", "--imsi", IMSI, "--k", K_HEX]);
    assert_eq!(o.status.code(), Some(2), "--opc or --op is required");
    let o = cli(
        &db.0,
        &["add", "--imsi", IMSI, "--k", K_HEX, "--opc", OPC_HEX],
    );
    assert!(o.status.success());
    let o = cli(
        &db.0,
        &["add", "--imsi", IMSI, "--k", K_HEX, "--opc", OPC_HEX],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("subscriber {IMSI} already exists")));
    for args in [
        &["show", "001019999999999"][..],
        &["remove", "001019999999999"],
        &["set-sqn", "001019999999999", "5"],
    ] {
        let o = cli(&db.0, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "error: no subscriber 001019999999999 in {}\n",
                db.0.display()
            )
        );
    }
    let o = cli(&db.0, &["set-sqn", IMSI, "0x1000000000000"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does not fit in 48 bits"));
    let o = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["hss", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--db FILE is required"));
}

#[test]
fn hss_never_panics_on_arbitrary_s6a_bytes() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let db = TempPath::new("fuzz");
    let hss = std::cell::RefCell::new(start(&topology(&db.0, 32)).0);
    // Raw bytes, and bytes behind a plausible S6a request header.
    let raw = proptest::collection::vec(any::<u8>(), 0..300);
    let framed =
        (any::<u16>(), proptest::collection::vec(any::<u8>(), 0..300)).prop_map(|(cmd, body)| {
            let len = 20 + body.len();
            let mut m = vec![
                1,
                (len >> 16) as u8,
                (len >> 8) as u8,
                len as u8,
                0xc0,
                0x00,
            ];
            m.extend_from_slice(&[(cmd >> 8) as u8, cmd as u8]);
            m.extend_from_slice(&16777251u32.to_be_bytes());
            m.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 1]);
            m.extend_from_slice(&body);
            m
        });
    let mut runner = TestRunner::new(Config {
        cases: 2000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&prop_oneof![raw, framed], |bytes| {
            let outs = receive(&mut hss.borrow_mut(), bytes);
            // Whatever it answers decodes.
            for b in sent(&outs) {
                prop_assert!(volte_sim::codec::diameter::decode(&b).is_ok());
            }
            Ok(())
        })
        .unwrap();
}

/// A topology file of the default network whose HSS keeps its database in
/// `db`, with a scenario that lasts `secs` seconds.
fn running_topology(dir: &Path, db: &Path, secs: u32) -> PathBuf {
    let yaml = format!(
        r#"name: admin-cli
plmn: {{ mcc: "001", mnc: "01" }}
nodes:
  mme1:   {{ kind: mme, nas: {{ integrity: [eia2], ciphering: [eea0] }} }}
  enb1:   {{ kind: enb, enb_id: 0x19B, tac: 1 }}
  gw1:
    kind: gateway
    apns:
      internet: {{ pool: 10.45.0.0/16 }}
      ims:      {{ pool: 10.46.0.0/16, p_cscf: [pcscf1] }}
  hss1:   {{ kind: hss, db: "{}" }}
  pcscf1: {{ kind: pcscf, ipv4: 10.46.0.1 }}
  icscf1: {{ kind: icscf }}
  scscf1: {{ kind: scscf }}
subscribers:
  - {{ imsi: "{IMSI}", k: {K_HEX}, opc: {OPC_HEX}, msisdn: "15550001" }}
ues:
  - {{ imsi: "{IMSI}", ims: register }}
scenario:
  - {{ at: 0s, ue: all, do: attach }}
  # Keeps the run going while the test talks to the HSS from outside.
  - {{ at: {secs}s, ue: all, do: register }}
"#,
        db.display()
    );
    let path = dir.join("admin-cli.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn hss_deregister_command_makes_the_running_hss_send_rtr() {
    let db = TempPath::new("admin");
    let dir = std::env::temp_dir().join(format!("volte-sim-admin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let topo = running_topology(&dir, &db.0, 8);
    let json = dir.join("run.jsonl");
    let impu = format!("sip:{IMSI}@ims.mnc001.mcc001.3gppnetwork.org");
    // On the wall clock: the HSS looks at its database every second.
    let run = Command::new(env!("CARGO_BIN_EXE_volte-sim"))
        .args(["run", "--realtime", "--quiet"])
        .arg(&topo)
        .arg("--json")
        .arg(&json)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the registration to reach the HSS (its database says so).
    let start = std::time::Instant::now();
    loop {
        let show = cli(&db.0, &["show", IMSI]);
        if stdout(&show).contains("IMS state:  registered") {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(6),
            "never registered: {}{}",
            stdout(&show),
            stderr(&show)
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = cli(&db.0, &["deregister", &impu]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "queued the de-registration of {impu} (IMSI {IMSI})"
        )),
        "{}",
        stdout(&out)
    );
    // An identity nobody has is refused at once.
    let bad = cli(&db.0, &["deregister", "sip:nobody@ims.example"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("no subscriber has public identity sip:nobody@ims.example"));
    let done = run.wait_with_output().unwrap();
    assert!(
        done.status.success(),
        "{}{}",
        String::from_utf8_lossy(&done.stdout),
        String::from_utf8_lossy(&done.stderr)
    );
    let log: Vec<serde_json::Value> = std::fs::read_to_string(&json)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    std::fs::remove_dir_all(&dir).ok();
    let pos = |pred: &dyn Fn(&serde_json::Value) -> bool, from: usize| {
        log.iter()
            .enumerate()
            .skip(from)
            .find(|(_, v)| pred(v))
            .map(|(i, _)| i)
    };
    let msg = |from: &'static str, to: &'static str, name: &'static str| {
        move |v: &serde_json::Value| {
            v["type"] == "message" && v["from"] == from && v["to"] == to && v["name"] == name
        }
    };
    let registered_state =
        |v: &serde_json::Value| v["type"] == "ue" && v["ims"]["state"] == "registered";
    let first = pos(&registered_state, 0).expect("registered once");
    let queued = pos(
        &|v| {
            v["type"] == "note"
                && v["node"] == "hss1"
                && v["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("queued in the database"))
        },
        first,
    )
    .expect("the HSS found the queued action");
    let rtr = pos(
        &msg("hss1", "scscf1", "Registration-Termination-Request"),
        queued,
    )
    .expect("RTR after the action");
    let rta = pos(
        &msg("scscf1", "hss1", "Registration-Termination-Answer"),
        rtr,
    )
    .expect("RTA");
    let notify = pos(&msg("enb1", "ue-001010000000001", "ESP / NOTIFY"), rta).expect("NOTIFY");
    let lost = pos(
        &|v| v["type"] == "ue" && v["ims"]["state"] != "registered",
        notify,
    )
    .expect("the UE saw its registration end");
    let again = pos(&registered_state, lost).expect("registered again");
    let t = |i: usize| log[i]["t"].as_f64().unwrap();
    assert!(t(rtr) > t(first), "the RTR came after the registration");
    assert!(pos(&msg("ue-001010000000001", "enb1", "REGISTER"), notify).is_some_and(|i| i < again));
    assert_eq!(
        log.iter()
            .filter(|v| v["type"] == "counter" && v["node"] == "hss1" && v["counter"] == "rtr")
            .count(),
        1
    );
}
