//! eNB tests: inputs fed directly, outputs decoded with the codecs. The S1
//! Setup Request and the Initial UE Message are compared byte for byte with
//! the independent reference encodings of `tests/fixtures/flow-refs.json`.

use super::*;
use crate::codec::gtpu::{self, Body, Message};
use crate::codec::s1ap::asn::{CauseProtocol, CauseRadioNetwork};
use crate::codec::s1ap::{
    Ambr, Arp, Cause, DownlinkNasTransport, EnbId, ErabCause, ErabQos, ErabReleaseCommand,
    ErabSetupItem, ErabSetupRequest, ErabToSetup, InitialContextSetupRequest, MmeUeS1apId,
    S1SetupFailure, S1SetupResponse, ServedGummei, TransportAddress, UeContextReleaseCommand,
    UeS1apIds, UeSecurityCapabilities,
};
use crate::nodes::ue::tests::{ENB, GW, MME, UE, topology, v4};
use crate::nodes::{NodeEvent, UuFrame};
use std::net::Ipv4Addr;

/// A reference encoding from the flow fixtures.
fn fixture(name: &str) -> Vec<u8> {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/flow-refs.json")).unwrap();
    let hex = all
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))["hex"]
        .as_str()
        .unwrap()
        .to_string();
    crate::codec::parse_hex(&hex).unwrap()
}

const SGW_TEID: u32 = 0x1001;

struct Harness {
    enb: Enb,
    now: Time,
    events: Vec<NodeEvent>,
}

impl Harness {
    fn with(topo: &Topology) -> Self {
        Self {
            enb: Enb::new(ENB, topo),
            now: Time::ZERO,
            events: Vec::new(),
        }
    }

    /// S1 is up.
    fn ready(topo: &Topology) -> Self {
        let mut h = Self::with(topo);
        h.input(Input::Timeout);
        h.s1ap(&S1apMessage::S1SetupResponse(setup_response()));
        assert!(h.enb.is_ready());
        h
    }

    /// S1 up and one UE connected with MME-UE-S1AP-ID 7.
    fn connected(topo: &Topology) -> Self {
        let mut h = Self::ready(topo);
        h.uu(UE, &connect());
        h.s1ap(&dl_nas(vec![0x07, 0x55, 0x01]));
        h
    }

    /// ... with E-RAB 5 set up by Initial Context Setup.
    fn with_bearer(topo: &Topology) -> (Self, u32) {
        let mut h = Self::connected(topo);
        let out = h.s1ap(&ics_request());
        let S1apMessage::InitialContextSetupResponse(r) = s1(&out[1]) else {
            panic!("no ICS response");
        };
        (h, r.setup[0].teid)
    }

    fn input(&mut self, i: Input) -> Vec<Transmit> {
        self.enb.handle(self.now, i);
        let mut out = Vec::new();
        while let Some(o) = self.enb.poll_output() {
            match o {
                Output::Transmit(t) => out.push(t),
                Output::Event(e) => self.events.push(e),
            }
        }
        out
    }

    fn s1ap(&mut self, m: &S1apMessage) -> Vec<Transmit> {
        self.input(Input::Receive {
            iface: Iface::S1Mme,
            from: MME,
            bytes: Bytes::from(m.encode().unwrap()),
        })
    }

    fn uu(&mut self, from: NodeId, f: &UuFrame) -> Vec<Transmit> {
        self.input(Input::Receive {
            iface: Iface::Uu,
            from,
            bytes: f.encode(),
        })
    }

    fn gtpu(&mut self, m: &Message) -> Vec<Transmit> {
        self.input(Input::Receive {
            iface: Iface::S1U,
            from: GW,
            bytes: Bytes::from(m.encode()),
        })
    }

    fn notes(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e {
                NodeEvent::Note { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }
}

/// The S1AP message of a transmit to the MME.
fn s1(t: &Transmit) -> S1apMessage {
    assert_eq!((t.iface, t.to), (Iface::S1Mme, MME));
    S1apMessage::decode(&t.bytes).unwrap()
}

/// The radio frame of a transmit to the UE.
fn radio(t: &Transmit) -> UuFrame {
    assert_eq!((t.iface, t.to), (Iface::Uu, UE));
    UuFrame::decode(&t.bytes).unwrap()
}

fn connect() -> UuFrame {
    UuFrame::Connect {
        cause: 3,
        s_tmsi: None,
        nas: Bytes::from(fixture("nas_attach_request")),
    }
}

fn setup_response() -> S1SetupResponse {
    S1SetupResponse {
        mme_name: Some("mme01".into()),
        served_gummeis: vec![ServedGummei {
            plmns: vec![Plmn::new("001", "01").unwrap()],
            group_ids: vec![1],
            codes: vec![1],
        }],
        relative_capacity: 255,
    }
}

fn dl_nas(nas: Vec<u8>) -> S1apMessage {
    S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
        mme_ue_id: MmeUeS1apId(7),
        enb_ue_id: EnbUeS1apId(1),
        nas_pdu: nas,
    })
}

fn erab(id: u8, qci: u8, teid: u32, nas: &[u8]) -> ErabToSetup {
    ErabToSetup {
        erab_id: id,
        qos: ErabQos {
            qci,
            arp: Arp {
                priority_level: 1,
                may_pre_empt: false,
                pre_emptable: false,
            },
            gbr: None,
        },
        transport: TransportAddress::from(Ipv4Addr::new(127, 0, 0, 3)),
        teid,
        nas_pdu: Some(nas.to_vec()),
    }
}

fn ics_request() -> S1apMessage {
    S1apMessage::InitialContextSetupRequest(InitialContextSetupRequest {
        mme_ue_id: MmeUeS1apId(7),
        enb_ue_id: EnbUeS1apId(1),
        ue_ambr: Ambr {
            dl: 1_000_000_000,
            ul: 500_000_000,
        },
        erabs: vec![erab(5, 9, SGW_TEID, &[0x27, 1, 2, 3, 4, 1, 0x07, 0x42])],
        security_capabilities: UeSecurityCapabilities {
            eea: 0xC000,
            eia: 0xC000,
        },
        security_key: [0x11; 32],
        ue_radio_capability: None,
    })
}

fn erab_setup(nas: &[u8]) -> S1apMessage {
    S1apMessage::ErabSetupRequest(ErabSetupRequest {
        mme_ue_id: MmeUeS1apId(7),
        enb_ue_id: EnbUeS1apId(1),
        ue_ambr: None,
        erabs: vec![erab(6, 5, 0x1002, nas)],
    })
}

// ---------------------------------------------------------------------------
// S1 Setup
// ---------------------------------------------------------------------------

#[test]
fn enb_sends_s1_setup_at_start_as_the_reference_encodes_it() {
    let mut h = Harness::with(&topology());
    assert_eq!(h.enb.poll_timeout(), Some(Time::ZERO));
    let out = h.input(Input::Timeout);
    assert_eq!(out.len(), 1);
    assert_eq!(
        (out[0].to, out[0].iface, out[0].stream),
        (MME, Iface::S1Mme, 0)
    );
    assert_eq!(out[0].bytes[..], fixture("s1ap_s1_setup_request")[..]);
    let S1apMessage::S1SetupRequest(m) = s1(&out[0]) else {
        panic!("not an S1 Setup Request");
    };
    assert_eq!(m.global_enb_id.enb_id, EnbId::Macro(0x19B));
    assert_eq!(m.default_paging_drx, 1, "v64");
    assert_eq!(h.enb.poll_timeout(), None, "waits for the MME");
}

#[test]
fn enb_queues_ue_messages_until_s1_setup_completes() {
    let mut h = Harness::with(&topology());
    h.input(Input::Timeout);
    assert!(h.uu(UE, &connect()).is_empty(), "queued");
    let out = h.s1ap(&S1apMessage::S1SetupResponse(setup_response()));
    assert_eq!(out.len(), 1);
    assert!(matches!(s1(&out[0]), S1apMessage::InitialUeMessage(_)));
    assert!(
        h.notes()
            .iter()
            .any(|n| n.contains("1 UE messages were waiting"))
    );
}

#[test]
fn enb_retries_s1_setup_after_the_mme_refuses() {
    let mut h = Harness::with(&topology());
    h.input(Input::Timeout);
    h.now = Time::from_millis(5);
    let out = h.s1ap(&S1apMessage::S1SetupFailure(S1SetupFailure {
        cause: Cause::MISC_UNKNOWN_PLMN,
        time_to_wait: Some(2),
    }));
    assert!(out.is_empty());
    assert!(
        h.notes()
            .iter()
            .any(|n| n.contains("S1 Setup refused by the MME: misc/unknown-PLMN")),
        "{:?}",
        h.notes()
    );
    assert_eq!(h.enb.poll_timeout(), Some(Time::from_millis(5_005)), "v5s");
    h.now = Time::from_millis(5_005);
    let out = h.input(Input::Timeout);
    assert!(matches!(s1(&out[0]), S1apMessage::S1SetupRequest(_)));
    assert_eq!(h.enb.counter("s1_setup_failure"), 1);
}

// ---------------------------------------------------------------------------
// NAS transport
// ---------------------------------------------------------------------------

#[test]
fn enb_sends_initial_ue_message_as_the_reference_encodes_it() {
    let mut h = Harness::ready(&topology());
    let out = h.uu(UE, &connect());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].stream, 1, "UE-associated signalling");
    assert_eq!(out[0].imsi, Some(1_010_000_000_001));
    assert_eq!(
        out[0].bytes[..],
        fixture("s1ap_initial_ue_attach_request")[..]
    );
    let S1apMessage::InitialUeMessage(m) = s1(&out[0]) else {
        panic!("not an Initial UE Message");
    };
    assert_eq!(m.enb_ue_id, EnbUeS1apId(1));
    assert_eq!(m.tai.tac, 1);
    assert_eq!(m.tai.plmn, Plmn::new("001", "01").unwrap());
    assert_eq!(m.ecgi.cell_id, 0x19B01);
    assert_eq!(m.rrc_cause, 3, "mo-Signalling");
    assert_eq!(m.s_tmsi, None);
    assert_eq!(m.nas_pdu, fixture("nas_attach_request"));
}

#[test]
fn enb_passes_the_s_tmsi_of_a_ue_with_a_guti() {
    let mut h = Harness::ready(&topology());
    let out = h.uu(
        UE,
        &UuFrame::Connect {
            cause: 3,
            s_tmsi: Some((1, 0xc000_0001)),
            nas: Bytes::from_static(&[0x07, 0x41]),
        },
    );
    let S1apMessage::InitialUeMessage(m) = s1(&out[0]) else {
        panic!("not an Initial UE Message");
    };
    let s = m.s_tmsi.unwrap();
    assert_eq!((s.mme_code, s.m_tmsi), (1, 0xc000_0001));
}

#[test]
fn enb_relays_nas_both_ways_and_learns_the_mme_ue_id() {
    let mut h = Harness::ready(&topology());
    h.uu(UE, &connect());
    let out = h.s1ap(&dl_nas(vec![0x07, 0x52, 0x01]));
    assert_eq!(out.len(), 1);
    assert_eq!(
        radio(&out[0]),
        UuFrame::Nas(Bytes::from_static(&[0x07, 0x52, 0x01]))
    );
    let out = h.uu(UE, &UuFrame::Nas(Bytes::from_static(&[0x07, 0x53, 0x08])));
    let S1apMessage::UplinkNasTransport(m) = s1(&out[0]) else {
        panic!("not Uplink NAS Transport");
    };
    assert_eq!((m.mme_ue_id, m.enb_ue_id), (MmeUeS1apId(7), EnbUeS1apId(1)));
    assert_eq!(m.nas_pdu, [0x07, 0x53, 0x08]);
    assert_eq!(m.ecgi.cell_id, 0x19B01);
    assert_eq!(m.tai.tac, 1);
    assert_eq!(out[0].stream, 1);
}

#[test]
fn enb_drops_uplink_nas_before_the_mme_answered() {
    let mut h = Harness::ready(&topology());
    h.uu(UE, &connect());
    assert!(
        h.uu(UE, &UuFrame::Nas(Bytes::from_static(&[7, 0x53])))
            .is_empty()
    );
    assert_eq!(h.enb.counter("uu_nas_before_mme_id"), 1);
    assert!(
        h.uu(NodeId(9), &UuFrame::Nas(Bytes::from_static(&[7])))
            .is_empty()
    );
    assert_eq!(h.enb.counter("uu_no_connection"), 1);
}

// ---------------------------------------------------------------------------
// E-RABs
// ---------------------------------------------------------------------------

#[test]
fn enb_answers_initial_context_setup_with_its_address_and_teid() {
    let mut h = Harness::connected(&topology());
    let out = h.s1ap(&ics_request());
    assert_eq!(out.len(), 2, "NAS to the UE, then the response");
    assert_eq!(
        radio(&out[0]),
        UuFrame::Nas(Bytes::from_static(&[0x27, 1, 2, 3, 4, 1, 0x07, 0x42]))
    );
    let S1apMessage::InitialContextSetupResponse(r) = s1(&out[1]) else {
        panic!("no ICS response");
    };
    assert_eq!((r.mme_ue_id, r.enb_ue_id), (MmeUeS1apId(7), EnbUeS1apId(1)));
    assert_eq!(
        r.setup,
        vec![ErabSetupItem {
            erab_id: 5,
            transport: TransportAddress::from(Ipv4Addr::new(127, 0, 0, 2)),
            teid: (1 << 16) | 1,
        }]
    );
    assert!(r.failed.is_empty());
}

#[test]
fn enb_refuses_a_second_bearer_when_the_knob_says_so() {
    let mut topo = topology();
    if let NodeKind::Enb(e) = &mut topo.nodes[ENB.0 as usize].kind {
        e.refuse_second_bearer = true;
    }
    let (mut h, _) = Harness::with_bearer(&topo);
    let out = h.s1ap(&erab_setup(&[0x27, 9, 9, 9, 9, 2, 0x02]));
    assert_eq!(out.len(), 1, "the NAS PDU is not delivered: {out:?}");
    let S1apMessage::ErabSetupResponse(r) = s1(&out[0]) else {
        panic!("no E-RAB Setup Response");
    };
    assert!(r.setup.is_empty());
    assert_eq!(
        r.failed,
        vec![ErabCause {
            erab_id: 6,
            cause: Cause::RadioNetwork(CauseRadioNetwork::RADIO_RESOURCES_NOT_AVAILABLE),
        }]
    );
    assert_eq!(
        r.failed[0].cause.name(),
        "radioNetwork/radio-resources-not-available"
    );
    assert!(h.notes().contains(
        &"E-RAB Setup for E-RAB 6 (QCI 5) refused: this eNB does not support a second default bearer"
            .to_string()
    ));
    assert_eq!(h.enb.counter("erab_refused"), 1);
}

#[test]
fn enb_sets_up_a_second_bearer_and_delivers_its_nas() {
    let (mut h, teid5) = Harness::with_bearer(&topology());
    let out = h.s1ap(&erab_setup(&[0x27, 9, 9, 9, 9, 2, 0x02]));
    assert_eq!(out.len(), 2);
    assert_eq!(
        radio(&out[0]),
        UuFrame::Nas(Bytes::from_static(&[0x27, 9, 9, 9, 9, 2, 0x02]))
    );
    let S1apMessage::ErabSetupResponse(r) = s1(&out[1]) else {
        panic!("no E-RAB Setup Response");
    };
    assert_eq!(r.setup.len(), 1);
    assert_eq!(r.setup[0].erab_id, 6);
    assert_ne!(r.setup[0].teid, teid5, "one TEID per E-RAB");
    // The same E-RAB id again fails that E-RAB only.
    let out = h.s1ap(&erab_setup(&[0x27]));
    let S1apMessage::ErabSetupResponse(r) = s1(&out[0]) else {
        panic!("no E-RAB Setup Response");
    };
    assert_eq!(
        r.failed[0].cause,
        Cause::RadioNetwork(CauseRadioNetwork::MULTIPLE_E_RAB_ID_INSTANCES)
    );
}

#[test]
fn enb_releases_erabs_and_the_ue_context() {
    let (mut h, teid5) = Harness::with_bearer(&topology());
    let out = h.s1ap(&S1apMessage::ErabReleaseCommand(ErabReleaseCommand {
        mme_ue_id: MmeUeS1apId(7),
        enb_ue_id: EnbUeS1apId(1),
        ue_ambr: None,
        erabs: vec![
            ErabCause {
                erab_id: 5,
                cause: Cause::NAS_NORMAL_RELEASE,
            },
            ErabCause {
                erab_id: 9,
                cause: Cause::NAS_NORMAL_RELEASE,
            },
        ],
        nas_pdu: Some(vec![0x27, 0, 0, 0, 0, 3, 0x52]),
    }));
    assert_eq!(out.len(), 2);
    assert!(matches!(radio(&out[0]), UuFrame::Nas(_)));
    let S1apMessage::ErabReleaseResponse(r) = s1(&out[1]) else {
        panic!("no E-RAB Release Response");
    };
    assert_eq!(r.released, [5]);
    assert_eq!(
        r.failed,
        vec![ErabCause {
            erab_id: 9,
            cause: Cause::RadioNetwork(CauseRadioNetwork::UNKNOWN_E_RAB_ID),
        }]
    );
    // The released E-RAB's TEID is gone.
    let out = h.gtpu(&Message::g_pdu(teid5, vec![0x45]));
    assert!(matches!(
        gtpu::decode(&out[0].bytes).unwrap().body,
        Body::ErrorIndication(_)
    ));

    let out = h.s1ap(&S1apMessage::UeContextReleaseCommand(
        UeContextReleaseCommand {
            ids: UeS1apIds::Pair(MmeUeS1apId(7), EnbUeS1apId(1)),
            cause: Cause::NAS_NORMAL_RELEASE,
        },
    ));
    assert_eq!(out.len(), 2);
    assert_eq!(radio(&out[0]), UuFrame::Release);
    let S1apMessage::UeContextReleaseComplete(c) = s1(&out[1]) else {
        panic!("no UE Context Release Complete");
    };
    assert_eq!((c.mme_ue_id, c.enb_ue_id), (MmeUeS1apId(7), EnbUeS1apId(1)));
    assert_eq!(h.enb.ue_count(), 0);
}

#[test]
fn enb_releases_a_ue_context_named_by_the_mme_id_only() {
    let mut h = Harness::connected(&topology());
    let out = h.s1ap(&S1apMessage::UeContextReleaseCommand(
        UeContextReleaseCommand {
            ids: UeS1apIds::Mme(MmeUeS1apId(7)),
            cause: Cause::NAS_DETACH,
        },
    ));
    assert_eq!(radio(&out[0]), UuFrame::Release);
    assert!(matches!(
        s1(&out[1]),
        S1apMessage::UeContextReleaseComplete(_)
    ));
    // A second command for the same UE is ignored (TS 36.413 10.6).
    let out = h.s1ap(&S1apMessage::UeContextReleaseCommand(
        UeContextReleaseCommand {
            ids: UeS1apIds::Mme(MmeUeS1apId(7)),
            cause: Cause::NAS_DETACH,
        },
    ));
    assert!(out.is_empty());
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn enb_answers_unknown_ue_ids_with_error_indication() {
    let mut h = Harness::ready(&topology());
    let out = h.s1ap(&dl_nas(vec![7, 0x52]));
    let S1apMessage::ErrorIndication(e) = s1(&out[0]) else {
        panic!("no Error Indication");
    };
    assert_eq!(e.cause, Some(Cause::RADIO_UNKNOWN_ENB_UE_ID));
    assert_eq!(
        (e.mme_ue_id, e.enb_ue_id),
        (Some(MmeUeS1apId(7)), Some(EnbUeS1apId(1)))
    );
    assert_eq!(h.enb.counter("s1ap_unknown_ue_id"), 1);
}

#[test]
fn enb_releases_locally_when_the_mme_ue_id_changes() {
    let mut h = Harness::connected(&topology());
    let mut m = dl_nas(vec![7, 0x52]);
    if let S1apMessage::DownlinkNasTransport(d) = &mut m {
        d.mme_ue_id = MmeUeS1apId(8);
    }
    let out = h.s1ap(&m);
    assert_eq!(out.len(), 2);
    let S1apMessage::ErrorIndication(e) = s1(&out[0]) else {
        panic!("no Error Indication");
    };
    assert_eq!(
        e.cause,
        Some(Cause::RadioNetwork(
            CauseRadioNetwork::UNKNOWN_PAIR_UE_S1AP_ID
        ))
    );
    assert_eq!(radio(&out[1]), UuFrame::Release);
    assert_eq!(h.enb.ue_count(), 0);
}

#[test]
fn enb_answers_undecodable_s1ap_with_error_indication() {
    let mut h = Harness::ready(&topology());
    let out = h.input(Input::Receive {
        iface: Iface::S1Mme,
        from: MME,
        bytes: Bytes::from_static(&[0xff, 0xff, 0x00]),
    });
    let S1apMessage::ErrorIndication(e) = s1(&out[0]) else {
        panic!("no Error Indication");
    };
    assert_eq!(
        e.cause,
        Some(Cause::Protocol(CauseProtocol::TRANSFER_SYNTAX_ERROR))
    );
    assert_eq!(out[0].stream, 0, "not UE-associated");
    assert_eq!(h.enb.counter("s1ap_decode_error"), 1);
    // A broken radio frame is dropped and counted.
    assert!(
        h.input(Input::Receive {
            iface: Iface::Uu,
            from: UE,
            bytes: Bytes::from_static(&[9]),
        })
        .is_empty()
    );
    assert_eq!(h.enb.counter("uu_decode_error"), 1);
}

#[test]
fn enb_replaces_the_connection_of_a_ue_that_reconnects() {
    let mut h = Harness::connected(&topology());
    let out = h.uu(UE, &connect());
    assert_eq!(out.len(), 2);
    let S1apMessage::UeContextReleaseRequest(r) = s1(&out[0]) else {
        panic!("no UE Context Release Request");
    };
    assert_eq!((r.mme_ue_id, r.enb_ue_id), (MmeUeS1apId(7), EnbUeS1apId(1)));
    assert_eq!(
        r.cause,
        Cause::RadioNetwork(CauseRadioNetwork::RADIO_CONNECTION_WITH_UE_LOST)
    );
    let S1apMessage::InitialUeMessage(m) = s1(&out[1]) else {
        panic!("no Initial UE Message");
    };
    assert_eq!(m.enb_ue_id, EnbUeS1apId(2));
    // NAS for the old connection no longer reaches the UE.
    assert!(h.s1ap(&dl_nas(vec![7, 0x52])).is_empty());
    assert_eq!(h.enb.counter("nas_to_stale_connection"), 1);
    // Its release completes without touching the radio.
    let out = h.s1ap(&S1apMessage::UeContextReleaseCommand(
        UeContextReleaseCommand {
            ids: UeS1apIds::Pair(MmeUeS1apId(7), EnbUeS1apId(1)),
            cause: Cause::RADIO_UNSPECIFIED,
        },
    ));
    assert_eq!(out.len(), 1);
    assert!(matches!(
        s1(&out[0]),
        S1apMessage::UeContextReleaseComplete(_)
    ));
    assert_eq!(h.enb.ue_count(), 1);
}

// ---------------------------------------------------------------------------
// User plane
// ---------------------------------------------------------------------------

#[test]
fn enb_relays_user_plane_both_ways_with_teid_mapping() {
    let (mut h, teid5) = Harness::with_bearer(&topology());
    let packet = Bytes::from_static(&[0x45, 0, 0, 20, 1, 2, 3, 4]);
    let out = h.uu(
        UE,
        &UuFrame::Data {
            ebi: 5,
            packet: packet.clone(),
        },
    );
    assert_eq!((out[0].iface, out[0].to), (Iface::S1U, GW));
    let up = gtpu::decode(&out[0].bytes).unwrap();
    assert_eq!(up.teid, SGW_TEID);
    assert_eq!(up.body, Body::GPdu(packet.to_vec()));

    let out = h.gtpu(&Message::g_pdu(teid5, vec![0x45, 9, 9]));
    assert_eq!(
        radio(&out[0]),
        UuFrame::Data {
            ebi: 5,
            packet: Bytes::from_static(&[0x45, 9, 9])
        }
    );

    let out = h.gtpu(&Message::g_pdu(0xdead_beef, vec![0x45]));
    assert_eq!((out[0].iface, out[0].to), (Iface::S1U, GW));
    let Body::ErrorIndication(e) = gtpu::decode(&out[0].bytes).unwrap().body else {
        panic!("no GTP-U Error Indication");
    };
    assert_eq!(e.teid_data_i, 0xdead_beef);
    assert_eq!(e.peer_address, v4(127, 0, 0, 2));
    assert_eq!(h.enb.counter("gtpu_unknown_teid"), 1);

    assert!(h.uu(UE, &UuFrame::Data { ebi: 6, packet }).is_empty());
    assert_eq!(h.enb.counter("uu_data_no_bearer"), 1);
}

#[test]
fn enb_answers_gtpu_echo_with_the_request_sequence() {
    let mut h = Harness::ready(&topology());
    let out = h.input(Input::Receive {
        iface: Iface::S1U,
        from: GW,
        bytes: Bytes::from(fixture("gtpu_echo_request")),
    });
    let m = gtpu::decode(&out[0].bytes).unwrap();
    assert_eq!(m.seq, Some(1));
    assert!(matches!(m.body, Body::EchoResponse(_)));
}

#[test]
fn enb_acknowledges_a_reset_and_releases_every_ue() {
    let mut h = Harness::connected(&topology());
    let out = h.s1ap(&S1apMessage::Reset(crate::codec::s1ap::Reset {
        cause: Cause::MISC_OM_INTERVENTION,
        kind: crate::codec::s1ap::ResetKind::All,
    }));
    assert_eq!(out.len(), 2);
    assert_eq!(radio(&out[0]), UuFrame::Release);
    assert!(matches!(s1(&out[1]), S1apMessage::ResetAcknowledge(_)));
    assert_eq!(out[1].stream, 0);
    assert_eq!(h.enb.ue_count(), 0);
}
