//! The S6a and Cx views of one subscriber share one SQN sequence, kept in
//! the HSS's SQLite file: a UE attaches (AIR: one E-UTRAN vector),
//! registers to IMS with the same USIM (MAR: one SIP-Auth-Data-Item, no
//! ISIM) and refreshes its registration over its SAs, which the S-CSCF
//! authenticates anew (another MAR, then SAR RE_REGISTRATION); the HSS then
//! restarts on the same file and the UE attaches and registers again. One
//! USIM accepts every vector in the order they left (MAC right, SQN above
//! the one before), across both interfaces and the restart, and the file
//! holds the next SQN to issue.

use std::path::PathBuf;
use volte_sim::codec::diameter::cx::{Maa, Sar, ServerAssignmentType};
use volte_sim::codec::diameter::s6a::Aia;
use volte_sim::crypto::auth::{AutnOutcome, UsimSqn};
use volte_sim::crypto::milenage::Milenage;
use volte_sim::crypto::{Autn, K, Opc, Rand, Sqn};
use volte_sim::events::event::{Event, MessageEvent};
use volte_sim::nodes::hss::store::Store;
use volte_sim::nodes::{Iface, NodeId, Time};
use volte_sim::run::build_nodes;
use volte_sim::sim::{Sim, scenario};
use volte_sim::topology::{Topology, load_from_str};

const IMSI: &str = "001010000000001";
const K_HEX: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
const OPC_HEX: &str = "cd63cb71954a9f4e48a5994e37a02baf";

/// A database path of this test alone, removed with its WAL files.
struct TempDb(PathBuf);

impl Drop for TempDb {
    fn drop(&mut self) {
        for ext in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(ext);
            let _ = std::fs::remove_file(p);
        }
    }
}

/// The default topology's nodes with a file database and registrations of
/// 60 s, so the UE refreshes its registration after 30 s.
fn topology(db: &TempDb) -> Topology {
    let yaml = format!(
        r#"
name: hss-ims-sqn
plmn: {{ mcc: "001", mnc: "01" }}
seed: 3
nodes:
  mme1:   {{ kind: mme, nas: {{ integrity: [eia2], ciphering: [eea0] }} }}
  enb1:   {{ kind: enb, enb_id: 0x19B, tac: 1 }}
  gw1:
    kind: gateway
    apns:
      internet: {{ pool: 10.45.0.0/16 }}
      ims:      {{ pool: 10.46.0.0/16, qci: 5, p_cscf: [pcscf1] }}
  hss1:   {{ kind: hss, db: "{db}" }}
  pcscf1: {{ kind: pcscf, ipv4: 10.46.0.1, ipsec: required }}
  icscf1: {{ kind: icscf }}
  scscf1: {{ kind: scscf, max_expires: 60s, min_expires: 60s }}
subscribers:
  - {{ imsi: "{IMSI}", k: {K_HEX}, opc: {OPC_HEX}, sqn: 32, apns: [internet, ims] }}
ues:
  - {{ imsi: "{IMSI}", enb: enb1, apns: [internet, ims], ims: register }}
scenario:
  - {{ at: 0s, ue: all, do: attach }}
"#,
        db = db.0.display()
    );
    load_from_str(&yaml).unwrap().topology
}

/// One HSS lifetime: builds every node afresh (the HSS opens the file
/// again), runs the scenario for `secs` simulated seconds and returns the
/// messages.
fn run(topo: &Topology, secs: u64) -> Vec<MessageEvent> {
    let mut sim = Sim::new(topo.latency);
    for (id, node) in build_nodes(topo).0 {
        sim.add(id, node);
    }
    for (t, node, cmd) in scenario::timetable(topo) {
        sim.schedule(t, node, cmd);
    }
    sim.run_until_time(Time::from_secs(secs));
    sim.drain_events()
        .into_iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m),
            _ => None,
        })
        .collect()
}

/// The vectors the HSS handed out, in order: ("S6a"|"Cx", RAND, AUTN).
fn vectors(msgs: &[MessageEvent], hss: NodeId) -> Vec<(&'static str, Rand, Autn)> {
    let vector = |iface, rand: &[u8], autn: &[u8]| {
        (
            iface,
            Rand::new(rand.try_into().unwrap()),
            Autn::new(autn.try_into().unwrap()),
        )
    };
    let mut out = Vec::new();
    for m in msgs.iter().filter(|m| m.from == hss) {
        match m.iface {
            Iface::S6a => {
                if let Ok(aia) = Aia::decode(&m.bytes) {
                    for v in aia
                        .authentication_info
                        .map(|i| i.eutran_vectors)
                        .unwrap_or_default()
                    {
                        out.push(vector("S6a", &v.rand, &v.autn));
                    }
                }
            }
            Iface::Cx => {
                if let Ok(maa) = Maa::decode(&m.bytes) {
                    for item in maa.sip_auth_data_items {
                        let ra = item.sip_authenticate.expect("SIP-Authenticate");
                        assert_eq!(ra.len(), 32, "RAND || AUTN");
                        out.push(vector("Cx", &ra[..16], &ra[16..]));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn assignments(msgs: &[MessageEvent], hss: NodeId) -> Vec<ServerAssignmentType> {
    msgs.iter()
        .filter(|m| m.to == hss && m.iface == Iface::Cx)
        .filter_map(|m| Sar::decode(&m.bytes).ok())
        .map(|s| s.server_assignment_type)
        .collect()
}

#[test]
fn s6a_and_cx_share_one_sqn_sequence_across_an_hss_restart() {
    let db = TempDb(
        std::env::temp_dir().join(format!("volte-sim-hss-ims-sqn-{}.db", std::process::id())),
    );
    let topo = topology(&db);
    let hss = topo.find("hss1").unwrap().0;

    // First lifetime: attach, register, refresh at 30 s.
    let first = run(&topo, 45);
    let v1 = vectors(&first, hss);
    assert_eq!(
        v1.iter().map(|(i, _, _)| *i).collect::<Vec<_>>(),
        ["S6a", "Cx", "Cx"],
        "one vector for the attach, one for the registration, one for the refresh: {v1:?}"
    );
    assert_eq!(
        assignments(&first, hss),
        [
            ServerAssignmentType::Registration,
            ServerAssignmentType::ReRegistration
        ],
        "the refresh is a re-registration"
    );

    // Second lifetime on the same file: the HSS starts again from what it
    // stored, the UE (a fresh USIM with SQN 32 again) attaches and
    // registers again.
    let second = run(&topo, 10);
    let v2 = vectors(&second, hss);
    assert_eq!(
        v2.iter().map(|(i, _, _)| *i).collect::<Vec<_>>(),
        ["S6a", "Cx"],
        "{v2:?}"
    );
    assert_eq!(
        assignments(&second, hss),
        [ServerAssignmentType::Registration]
    );

    // One USIM checks every vector in the order they left, whichever
    // interface carried it: each AUTN's MAC verifies and each SQN is fresh,
    // i.e. above the one before (TS 33.102 6.3.3), across the restart.
    let mil = Milenage::new(K::from_hex(K_HEX).unwrap(), Opc::from_hex(OPC_HEX).unwrap());
    let mut usim = UsimSqn::new(Sqn::new(31).unwrap());
    let sqns: Vec<u64> = v1
        .iter()
        .chain(&v2)
        .map(
            |(iface, rand, autn)| match usim.check_autn(&mil, rand, autn) {
                AutnOutcome::Ok { sqn, .. } => sqn.value(),
                other => panic!(
                    "{iface} vector after SQN {}: {other:?}",
                    usim.highest().value()
                ),
            },
        )
        .collect();
    assert_eq!(sqns, [32, 33, 34, 35, 36], "from the seeded next SQN on");

    // The file holds the next SQN after the last one issued, so a third
    // start goes on from there.
    let store = Store::open_existing(&db.0).unwrap();
    let rec = store.get(IMSI).unwrap().unwrap();
    assert_eq!(rec.subscription.sqn.value(), sqns.last().unwrap() + 1);
}
