//! UE tests: a fake network built from the codecs and the crypto drives the
//! UE through its procedures; every byte the UE sends is decoded and
//! checked. Also the fixtures shared with the eNB tests (a small topology and
//! a NAS-level network) and the end-to-end runs of UE + eNB with a fake MME.

use super::*;
use crate::codec::nas::emm::{
    AttachAccept, AttachReject, AttachRequest, AuthenticationReject, AuthenticationRequest,
    DetachAccept, DetachRequestUeTerminated, IdentityRequest, SecurityModeCommand,
};
use crate::codec::nas::esm::{
    ActivateDefaultEpsBearerContextRequest, EsmInformationRequest, PdnConnectivityReject,
};
use crate::codec::nas::ie::{
    self, Apn, ApnAmbr, EmmCause, EpsAttachResult, EpsQos, EsmCause, GprsTimer, IdentityType2,
    ImeisvRequest, NasKsi, NasSecurityAlgorithms, NetworkDetachType, PdnAddress, PdnType,
    RequestType, SecurityHeaderType, TaiList, UeSecurityCapability,
};
use crate::codec::nas::pco::{self, Pco};
use crate::codec::nas::{self as nascodec, EmmMessage, EsmBody, EsmMessage, NasMessage};
use crate::codec::plmn::Plmn;
use crate::crypto::auth::{EutranVector, recover_sqn_ms};
use crate::crypto::milenage::Milenage;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::crypto::{Amf, Direction, K, Opc, Rand, Sqn};
use crate::nodes::ue::ims::tests::{FakeLog, FakePcscf, IMPU};
use crate::nodes::ue::ims::{TransportCommand, TransportEvent, UNPLUGGED};
use crate::nodes::{NodeEvent, Outcome, PdnStatus};
use crate::topology::*;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

// ---------------------------------------------------------------------------
// Fixtures shared with the eNB tests
// ---------------------------------------------------------------------------

/// IMSI of the fixtures (tests/fixtures/README.md).
pub(crate) const IMSI: &str = "001010000000001";
/// K of TS 35.208 test set 1.
pub(crate) const KEY: [u8; 16] = [
    0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f, 0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc,
];
/// OPc of TS 35.208 test set 1.
pub(crate) const OPC: [u8; 16] = [
    0xcd, 0x63, 0xcb, 0x71, 0x95, 0x4a, 0x9f, 0x4e, 0x48, 0xa5, 0x99, 0x4e, 0x37, 0xa0, 0x2b, 0xaf,
];
/// RAND of TS 35.208 test set 1.
const RAND: [u8; 16] = [
    0x23, 0x55, 0x3c, 0xbe, 0x96, 0x37, 0xa8, 0x9d, 0x21, 0x8a, 0xe6, 0x4d, 0xae, 0x47, 0xbf, 0x35,
];
/// SQN_MS the USIM starts with.
pub(crate) const USIM_SQN: u64 = 0x20;
pub(crate) const IMEISV: &str = "3534900698733190";

pub(crate) const UE: NodeId = NodeId(0);
pub(crate) const ENB: NodeId = NodeId(1);
pub(crate) const MME: NodeId = NodeId(2);
pub(crate) const GW: NodeId = NodeId(3);

pub(crate) fn v4(a: u8, b: u8, c: u8, d: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(a, b, c, d))
}

pub(crate) fn plmn() -> Plmn {
    Plmn::new("001", "01").unwrap()
}

/// UE (0) on eNB 0x19B (1), MME (2), gateway (3), HSS (4); addresses as in
/// the flow fixtures (eNB 127.0.0.2, SGW 127.0.0.3).
pub(crate) fn topology() -> Topology {
    let ue = UeSpec {
        imsi: IMSI.into(),
        imeisv: IMEISV.into(),
        enb: ENB,
        apns: vec!["internet".into(), "ims".into()],
        ims: ImsMode::Register,
        usim: crate::topology::Usim {
            k: KEY,
            opc: OPC,
            sqn: USIM_SQN,
        },
        isim: None,
        isim_keys: None,
        eea: 0b0111,
        eia: 0b0110,
        requires_ipsec: true,
    };
    let enb = EnbSpec {
        enb_id: 0x19B,
        enb_name: "enb-19b".into(),
        tac: 1,
        cell_id: 0x19B01,
        mme: MME,
        refuse_second_bearer: false,
    };
    let mme = MmeSpec {
        gateway: GW,
        hss: NodeId(4),
        mme_name: "mme01".into(),
        group_id: 1,
        code: 1,
        integrity: vec![NasIntegrity::Eia2],
        ciphering: vec![NasCiphering::Eea2],
        tacs: vec![1],
        relative_capacity: 255,
        diameter: DiameterIdentity {
            host: "mme.localdomain".into(),
            realm: "localdomain".into(),
        },
        t3412: Duration::from_secs(3240),
    };
    let gw = GatewaySpec {
        apns: Vec::new(),
        ims_stack: None,
    };
    let hss = HssSpec {
        db: None,
        s6a: DiameterIdentity {
            host: "hss.localdomain".into(),
            realm: "localdomain".into(),
        },
        cx: DiameterIdentity {
            host: "hss.localdomain".into(),
            realm: "localdomain".into(),
        },
        amf: [0x80, 0x00],
        listen: Default::default(),
    };
    let node = |name: &str, addr: IpAddr, kind| NodeSpec {
        name: name.into(),
        addr,
        kind,
    };
    Topology {
        name: "ran-test".into(),
        source: None,
        plmn: plmn(),
        nodes: vec![
            node("ue-001010000000001", v4(127, 0, 0, 10), NodeKind::Ue(ue)),
            node("enb1", v4(127, 0, 0, 2), NodeKind::Enb(enb)),
            node("mme1", v4(127, 0, 0, 1), NodeKind::Mme(mme)),
            node("gw1", v4(127, 0, 0, 3), NodeKind::Gateway(gw)),
            node("hss1", v4(127, 0, 0, 4), NodeKind::Hss(hss)),
        ],
        subscribers: Vec::new(),
        scenario: Vec::new(),
        latency: Duration::from_millis(1),
        seed: 1,
        show_keys: false,
    }
}

/// Changes the UE spec of a topology.
pub(crate) fn with_ue(mut t: Topology, f: impl FnOnce(&mut UeSpec)) -> Topology {
    if let NodeKind::Ue(u) = &mut t.nodes[UE.0 as usize].kind {
        f(u);
    }
    t
}

/// The network side of NAS: an HSS vector for the fixture keys and an
/// MME-side security context.
pub(crate) struct Net {
    mil: Milenage,
    sn: crate::crypto::kdf::SnId,
    /// SQN of the next vector.
    pub(crate) sqn: u64,
    pub(crate) vector: Option<EutranVector>,
    pub(crate) sec: Option<NasSecurity>,
}

impl Net {
    /// A network that holds `k` for the subscriber and uses `sqn` next.
    pub(crate) fn new(k: [u8; 16], sqn: u64) -> Self {
        Self {
            mil: Milenage::new(K::new(k), Opc::new(OPC)),
            sn: crate::crypto::kdf::SnId::from(&plmn()),
            sqn,
            vector: None,
            sec: None,
        }
    }

    pub(crate) fn milenage(&self) -> &Milenage {
        &self.mil
    }

    /// Authentication Request (KSI 1) with a fresh E-UTRAN vector.
    pub(crate) fn auth_request(&mut self) -> Vec<u8> {
        let v = EutranVector::generate(
            &self.mil,
            Rand::new(RAND),
            Sqn::new(self.sqn).unwrap(),
            Amf::new([0x80, 0x00]),
            &self.sn,
        );
        let m = AuthenticationRequest {
            nas_ksi: NasKsi::native(1),
            rand: ie::Rand(*v.rand.as_bytes()),
            autn: ie::Autn(*v.autn.as_bytes()),
            other_ies: Vec::new(),
        };
        self.vector = Some(v);
        emm(m).encode()
    }

    /// Security Mode Command (EEA2/EIA2, IMEISV requested) replaying `caps`.
    pub(crate) fn smc_with(&mut self, caps: UeSecurityCapability) -> Vec<u8> {
        let v = self.vector.as_ref().expect("authenticated first");
        let mut sec = NasSecurity::new(
            v.kasme.clone(),
            1,
            NasIntegrity::Eia2,
            NasCiphering::Eea2,
            Direction::Downlink,
        );
        let m = SecurityModeCommand {
            selected_algorithms: NasSecurityAlgorithms {
                ciphering: ie::Eea(2),
                integrity: ie::Eia(2),
            },
            nas_ksi: NasKsi::native(1),
            replayed_ue_security_capabilities: caps,
            imeisv_request: Some(ImeisvRequest::Requested),
            other_ies: Vec::new(),
        };
        let b = sec
            .protect(
                &emm(m).encode(),
                SecurityHeaderType::IntegrityProtectedNewContext,
            )
            .unwrap();
        self.sec = Some(sec);
        b
    }

    /// Security Mode Command replaying what the fixture UE sends.
    pub(crate) fn smc(&mut self) -> Vec<u8> {
        self.smc_with(UeSecurityCapability {
            eea: 0xE0,
            eia: 0x60,
            rest: Vec::new(),
        })
    }

    /// Protects a downlink message (header type 2).
    pub(crate) fn protect(&mut self, m: &NasMessage) -> Vec<u8> {
        self.sec
            .as_mut()
            .expect("security context")
            .protect(&m.encode(), SecurityHeaderType::IntegrityProtectedCiphered)
            .unwrap()
    }

    /// Decodes an uplink NAS PDU; protected ones must pass the MAC and
    /// COUNT checks of the network's context.
    pub(crate) fn open(&mut self, bytes: &[u8]) -> (SecurityHeaderType, NasMessage) {
        match nascodec::decode_for(bytes, nascodec::Direction::Uplink).unwrap() {
            NasMessage::Protected(p) => {
                let inner = self
                    .sec
                    .as_mut()
                    .expect("security context")
                    .unprotect(&p)
                    .expect("uplink MAC verifies on the network side");
                let m = nascodec::decode_for(&inner, nascodec::Direction::Uplink).unwrap();
                (p.header_type, m)
            }
            m => (SecurityHeaderType::Plain, m),
        }
    }
}

pub(crate) fn emm(m: impl Into<EmmMessage>) -> NasMessage {
    NasMessage::Emm(m.into())
}

/// PCO answer with P-CSCF and DNS addresses.
pub(crate) fn pco_answer(pcscf: &[IpAddr], dns: &[IpAddr]) -> Pco {
    let mut p = Pco::new();
    for a in pcscf {
        match a {
            IpAddr::V4(a) => p.push_pcscf_ipv4(*a),
            IpAddr::V6(a) => p.push_pcscf_ipv6(*a),
        };
    }
    for a in dns {
        match a {
            IpAddr::V4(a) => p.push_dns_ipv4(*a),
            IpAddr::V6(a) => p.push_dns_ipv6(*a),
        };
    }
    p
}

/// Activate Default EPS Bearer Context Request for an IPv4v6 PDN.
pub(crate) fn default_bearer(
    ebi: u8,
    pti: u8,
    apn: &str,
    qci: u8,
    ipv4: Ipv4Addr,
    pco: Pco,
) -> EsmMessage {
    EsmMessage::new(
        ebi,
        pti,
        ActivateDefaultEpsBearerContextRequest {
            eps_qos: EpsQos::qci(qci),
            apn: Apn::new(apn),
            pdn_address: PdnAddress::Ipv4v6 {
                iid: [0, 0, 0, 0, 0, 0, 0, ebi],
                ipv4,
            },
            apn_ambr: Some(ApnAmbr::from_kbps(100_000, 50_000)),
            esm_cause: None,
            pco: Some(pco),
            epco: None,
            extended_apn_ambr: None,
            other_ies: Vec::new(),
        },
    )
}

/// The fixture GUTI.
pub(crate) fn guti() -> ie::Guti {
    ie::Guti {
        plmn: plmn(),
        mme_group_id: 1,
        mme_code: 1,
        m_tmsi: 0xc000_0001,
    }
}

/// Attach Accept (EPS only, T3412 54 min, TAI list 001-01/1, GUTI) around
/// an ESM message.
pub(crate) fn attach_accept(esm: EsmMessage) -> NasMessage {
    emm(AttachAccept {
        eps_attach_result: EpsAttachResult::EpsOnly,
        t3412: GprsTimer { unit: 2, value: 9 },
        tai_list: TaiList::single(ie::Tai {
            plmn: plmn(),
            tac: 1,
        }),
        esm_message_container: esm,
        guti: Some(guti()),
        ms_identity: None,
        emm_cause: None,
        t3402: None,
        t3423: None,
        equivalent_plmns: None,
        eps_network_feature_support: None,
        other_ies: Vec::new(),
    })
}

/// The default bearer of the internet APN in the Attach Accept.
pub(crate) fn internet_bearer() -> EsmMessage {
    default_bearer(
        5,
        1,
        "internet",
        9,
        Ipv4Addr::new(10, 45, 0, 2),
        pco_answer(&[], &[v4(8, 8, 8, 8)]),
    )
}

/// The ims PDN's default bearer with P-CSCF 10.46.0.1 and fd00:46::1.
pub(crate) fn ims_bearer(pti: u8) -> EsmMessage {
    default_bearer(
        6,
        pti,
        "ims",
        5,
        Ipv4Addr::new(10, 46, 0, 2),
        pco_answer(
            &[v4(10, 46, 0, 1), IpAddr::V6("fd00:46::1".parse().unwrap())],
            &[v4(10, 46, 0, 53)],
        ),
    )
}

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

struct Harness {
    ue: Ue,
    now: Time,
    net: Net,
    events: Vec<NodeEvent>,
}

/// The NAS PDU a radio frame carries.
fn nas_of(f: &UuFrame) -> Vec<u8> {
    match f {
        UuFrame::Connect { nas, .. } | UuFrame::Nas(nas) => nas.to_vec(),
        other => panic!("no NAS in {other:?}"),
    }
}

fn one(mut frames: Vec<UuFrame>) -> UuFrame {
    assert_eq!(frames.len(), 1, "expected one frame, got {frames:?}");
    frames.remove(0)
}

impl Harness {
    fn new() -> Self {
        Self::with(topology())
    }

    /// A UE whose IMS client has no IP stack under it ([`Unplugged`]): the
    /// EPS tests see only NAS on the radio; IMS tests plug a fake P-CSCF.
    fn with(topo: Topology) -> Self {
        let mut ue = Ue::new(UE, &topo);
        ue.set_ims_link(Box::new(crate::nodes::ue::ims::Unplugged::default()));
        Self {
            ue,
            now: Time::ZERO,
            net: Net::new(KEY, USIM_SQN + 1),
            events: Vec::new(),
        }
    }

    fn input(&mut self, i: Input) -> Vec<UuFrame> {
        self.ue.handle(self.now, i);
        let mut frames = Vec::new();
        while let Some(o) = self.ue.poll_output() {
            match o {
                Output::Transmit(t) => {
                    assert_eq!(t.iface, Iface::Uu);
                    assert_eq!(t.to, ENB);
                    assert_eq!(t.imsi, Some(1_010_000_000_001));
                    frames.push(UuFrame::decode(&t.bytes).unwrap());
                }
                Output::Event(e) => self.events.push(e),
            }
        }
        frames
    }

    fn command(&mut self, c: UeCommand) -> Vec<UuFrame> {
        self.input(Input::Command(Command::Ue(c)))
    }

    fn down(&mut self, nas: Vec<u8>) -> Vec<UuFrame> {
        self.input(Input::Receive {
            iface: Iface::Uu,
            from: ENB,
            bytes: UuFrame::Nas(Bytes::from(nas)).encode(),
        })
    }

    /// Advances to the UE's next timer and fires it.
    fn fire(&mut self) -> Vec<UuFrame> {
        self.now = self.ue.poll_timeout().expect("a timer runs");
        self.input(Input::Timeout)
    }

    fn status(&self) -> UeStatus {
        self.events
            .iter()
            .rev()
            .find_map(|e| match e {
                NodeEvent::Ue(s) => Some(s.clone()),
                _ => None,
            })
            .expect("a status was published")
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

    /// Attach Request .. Security Mode Complete; returns the Attach Request.
    fn secure(&mut self) -> AttachRequest {
        let f = one(self.command(UeCommand::Attach));
        let (_, m) = self.net.open(&nas_of(&f));
        let NasMessage::Emm(EmmMessage::AttachRequest(req)) = m else {
            panic!("not an Attach Request: {m:?}");
        };
        let a = self.net.auth_request();
        let f = one(self.down(a));
        assert!(matches!(
            self.net.open(&nas_of(&f)).1,
            NasMessage::Emm(EmmMessage::AuthenticationResponse(_))
        ));
        let smc = self.net.smc();
        let f = one(self.down(smc));
        assert!(matches!(
            self.net.open(&nas_of(&f)).1,
            NasMessage::Emm(EmmMessage::SecurityModeComplete(_))
        ));
        req
    }

    /// The whole attach; returns what the UE sends after the Attach Accept
    /// (Attach Complete, then the PDN Connectivity Request for ims).
    fn attach(&mut self) -> Vec<UuFrame> {
        self.secure();
        let accept = self.net.protect(&attach_accept(internet_bearer()));
        self.down(accept)
    }

    /// Attach, then the ims PDN with P-CSCFs.
    fn attach_with_ims(&mut self) {
        let frames = self.attach();
        let (_, m) = self.net.open(&nas_of(&frames[1]));
        let pti = m.esm_message().unwrap().pti;
        let b = self.net.protect(&NasMessage::Esm(ims_bearer(pti)));
        let f = one(self.down(b));
        self.net.open(&nas_of(&f));
    }
}

// ---------------------------------------------------------------------------
// Attach
// ---------------------------------------------------------------------------

#[test]
fn ue_attaches_and_opens_ims_pdn_with_pcscf() {
    let mut h = Harness::new();
    // Attach Request on a new RRC connection, plain.
    let f = one(h.command(UeCommand::Attach));
    let UuFrame::Connect { cause, s_tmsi, nas } = &f else {
        panic!("not a Connect: {f:?}");
    };
    assert_eq!((*cause, *s_tmsi), (3, None), "mo-Signalling, no S-TMSI");
    assert_eq!(nas[0], 0x07, "plain EMM");
    let NasMessage::Emm(EmmMessage::AttachRequest(req)) = h.net.open(nas).1 else {
        panic!("not an Attach Request");
    };
    assert_eq!(req.eps_attach_type, ie::EpsAttachType::EpsAttach);
    assert_eq!(req.nas_ksi, NasKsi::NO_KEY);
    assert_eq!(
        req.eps_mobile_identity,
        ie::EpsMobileIdentity::Imsi(IMSI.into())
    );
    assert_eq!(
        (req.ue_network_capability.eea, req.ue_network_capability.eia),
        (0xE0, 0x60),
        "EEA0-2, EIA1-2"
    );
    assert_eq!(req.other_ies[0].bytes, [0x5C, 0x00, 0x00], "DRX parameter");
    let esm = &req.esm_message_container;
    assert_eq!((esm.ebi, esm.pti), (0, 1));
    let EsmBody::PdnConnectivityRequest(pdn) = &esm.body else {
        panic!("no PDN Connectivity Request");
    };
    assert_eq!(pdn.request_type, RequestType::InitialRequest);
    assert_eq!(pdn.pdn_type, PdnType::Ipv4v6);
    assert_eq!(pdn.apn.as_ref().unwrap().as_str(), "internet");
    assert_eq!(pdn.esm_info_transfer_flag, None);
    assert_eq!(
        pdn.pco.as_ref().unwrap().ids(),
        [pco::DNS_IPV4, pco::DNS_IPV6]
    );
    assert_eq!(h.status().emm, "EMM-REGISTERED-INITIATED");

    // Authentication: RES is the vector's XRES.
    let a = h.net.auth_request();
    let f = one(h.down(a));
    let raw = nas_of(&f);
    assert_eq!(raw[..2], [0x07, 0x53], "plain Authentication Response");
    let NasMessage::Emm(EmmMessage::AuthenticationResponse(r)) = h.net.open(&raw).1 else {
        panic!("no Authentication Response");
    };
    assert_eq!(r.res.0, h.net.vector.as_ref().unwrap().xres.as_bytes());

    // Security mode: Complete in header type 4, MAC verified by the network.
    let smc = h.net.smc();
    let f = one(h.down(smc));
    let raw = nas_of(&f);
    assert_eq!(raw[0], 0x47, "security header type 4");
    let (ht, m) = h.net.open(&raw);
    assert_eq!(ht, SecurityHeaderType::IntegrityProtectedCipheredNewContext);
    let NasMessage::Emm(EmmMessage::SecurityModeComplete(c)) = m else {
        panic!("no Security Mode Complete");
    };
    assert_eq!(c.imeisv, Some(ie::MobileIdentity::ImeiSv(IMEISV.into())));

    // Attach Accept -> Attach Complete, then the ims PDN request.
    let accept = h.net.protect(&attach_accept(internet_bearer()));
    let frames = h.down(accept);
    assert_eq!(frames.len(), 2, "{frames:?}");
    let raw = nas_of(&frames[0]);
    assert_eq!(raw[0], 0x27, "security header type 2");
    let (_, m) = h.net.open(&raw);
    let NasMessage::Emm(EmmMessage::AttachComplete(c)) = m else {
        panic!("no Attach Complete: {m:?}");
    };
    let acc = &c.esm_message_container;
    assert_eq!((acc.ebi, acc.pti), (5, 0));
    assert!(matches!(
        acc.body,
        EsmBody::ActivateDefaultEpsBearerContextAccept(_)
    ));
    assert_eq!(h.ue.guti(), Some(guti()));
    let (tais, t3412) = h.ue.registration().unwrap();
    assert_eq!(tais.len(), 1);
    assert_eq!(t3412, Some(3240));

    let (ht, m) = h.net.open(&nas_of(&frames[1]));
    assert_eq!(ht, SecurityHeaderType::IntegrityProtectedCiphered);
    let NasMessage::Esm(req) = m else {
        panic!("no ESM message");
    };
    assert_eq!((req.ebi, req.pti), (0, 2));
    let EsmBody::PdnConnectivityRequest(pdn) = &req.body else {
        panic!("not a PDN Connectivity Request");
    };
    assert_eq!(pdn.apn.as_ref().unwrap().as_str(), "ims");
    assert_eq!(pdn.pdn_type, PdnType::Ipv4v6);
    assert_eq!(
        pdn.pco.as_ref().unwrap().ids(),
        [
            pco::PCSCF_IPV4,
            pco::PCSCF_IPV6,
            pco::DNS_IPV4,
            pco::DNS_IPV6,
            pco::IM_CN_SIGNALLING_FLAG
        ]
    );
    assert_eq!(h.status().outcome, Outcome::Pending, "ims not up yet");

    // The ims default bearer via E-RAB Setup -> Accept.
    let b = h.net.protect(&NasMessage::Esm(ims_bearer(2)));
    let f = one(h.down(b));
    let NasMessage::Esm(acc) = h.net.open(&nas_of(&f)).1 else {
        panic!("no ESM answer");
    };
    assert_eq!((acc.ebi, acc.pti), (6, 0));
    assert!(matches!(
        acc.body,
        EsmBody::ActivateDefaultEpsBearerContextAccept(_)
    ));

    let s = h.status();
    assert_eq!(s.emm, "EMM-REGISTERED");
    // The ims PDN is up: the IMS client tries the P-CSCFs, and without an
    // IP stack under it the VoLTE goal (IMS registered) fails, saying why.
    // No Router Advertisement came, so the PDN's IPv6 address is only
    // link-local (fe80::6) and the IPv6 P-CSCF is not tried from it.
    assert_eq!(
        s.outcome,
        Outcome::Failed(format!(
            "The UE could not open TCP to any P-CSCF from the PCO: 10.46.0.1:5060 ({UNPLUGGED})"
        ))
    );
    assert_eq!(s.ims.as_ref().map(|i| i.state.as_str()), Some("failed"));
    assert_eq!(
        s.pdns,
        vec![
            PdnStatus {
                apn: "internet".into(),
                ebi: 5,
                qci: 9,
                ipv4: Some(Ipv4Addr::new(10, 45, 0, 2)),
                ipv6: Some("fe80::5".parse().unwrap()),
                pcscf: vec![],
                dns: vec![v4(8, 8, 8, 8)],
            },
            PdnStatus {
                apn: "ims".into(),
                ebi: 6,
                qci: 5,
                ipv4: Some(Ipv4Addr::new(10, 46, 0, 2)),
                ipv6: Some("fe80::6".parse().unwrap()),
                pcscf: vec![
                    v4(10, 46, 0, 1),
                    IpAddr::V6("fd00:46::1".parse::<Ipv6Addr>().unwrap())
                ],
                dns: vec![v4(10, 46, 0, 53)],
            },
        ]
    );
    assert!(
        h.notes()
            .iter()
            .any(|n| n.starts_with("opening TCP from 10.46.0.2:")
                && n.ends_with(
                    " to 10.46.0.1:5060 (the first P-CSCF address of the PCO) for IMS registration"
                )),
        "{:?}",
        h.notes()
    );
    assert!(h.ue.poll_timeout().is_none(), "no timer left running");
}

#[test]
fn ue_publishes_status_only_on_change() {
    let mut h = Harness::new();
    h.attach_with_ims();
    let n = h
        .events
        .iter()
        .filter(|e| matches!(e, NodeEvent::Ue(_)))
        .count();
    // A command that changes nothing publishes no new status.
    h.command(UeCommand::ImsRegister);
    let m = h
        .events
        .iter()
        .filter(|e| matches!(e, NodeEvent::Ue(_)))
        .count();
    assert_eq!(n, m);
    assert_eq!(
        n, 3,
        "REGISTERED-INITIATED, REGISTERED with internet, ims up"
    );
}

#[test]
fn ue_answers_esm_information_request_with_apn_and_pco() {
    let mut h = Harness::new();
    h.secure();
    let m = h.net.protect(&NasMessage::Esm(EsmMessage::new(
        0,
        1,
        EsmInformationRequest {
            other_ies: Vec::new(),
        },
    )));
    let f = one(h.down(m));
    let NasMessage::Esm(r) = h.net.open(&nas_of(&f)).1 else {
        panic!("no ESM answer");
    };
    assert_eq!(r.pti, 1);
    let EsmBody::EsmInformationResponse(r) = r.body else {
        panic!("not an ESM Information Response");
    };
    assert_eq!(r.apn.unwrap().as_str(), "internet");
    assert_eq!(r.pco.unwrap().ids(), [pco::DNS_IPV4, pco::DNS_IPV6]);
}

#[test]
fn ue_answers_identity_request_for_imsi_in_the_clear() {
    let mut h = Harness::new();
    h.command(UeCommand::Attach);
    let f = one(h.down(
        emm(IdentityRequest {
            identity_type: IdentityType2::Imsi,
            other_ies: Vec::new(),
        })
        .encode(),
    ));
    let NasMessage::Emm(EmmMessage::IdentityResponse(r)) = h.net.open(&nas_of(&f)).1 else {
        panic!("no Identity Response");
    };
    assert_eq!(r.mobile_identity, ie::MobileIdentity::Imsi(IMSI.into()));
    // IMEISV may only be asked under protection.
    let frames = h.down(
        emm(IdentityRequest {
            identity_type: IdentityType2::ImeiSv,
            other_ies: Vec::new(),
        })
        .encode(),
    );
    assert!(frames.is_empty());
    assert_eq!(h.ue.counter("nas_unprotected_dropped"), 1);
}

#[test]
fn ue_attaches_with_stored_guti_and_s_tmsi() {
    let mut h = Harness::new();
    h.attach_with_ims();
    // Network detach without re-attach, then a new attach: GUTI identity.
    let d = h.net.protect(&emm(DetachRequestUeTerminated {
        detach_type: NetworkDetachType::ReattachNotRequired,
        emm_cause: None,
        other_ies: Vec::new(),
    }));
    h.down(d);
    let f = one(h.command(UeCommand::Attach));
    let UuFrame::Connect { s_tmsi, nas, .. } = &f else {
        panic!("not a Connect");
    };
    assert_eq!(*s_tmsi, Some((1, 0xc000_0001)));
    let NasMessage::Emm(EmmMessage::AttachRequest(req)) =
        nascodec::decode_for(nas, nascodec::Direction::Uplink).unwrap()
    else {
        panic!("not an Attach Request");
    };
    assert_eq!(req.eps_mobile_identity, ie::EpsMobileIdentity::Guti(guti()));
    assert_eq!(req.nas_ksi, NasKsi::NO_KEY);
}

// ---------------------------------------------------------------------------
// Authentication failures
// ---------------------------------------------------------------------------

#[test]
fn ue_answers_mac_failure_when_the_network_has_another_k() {
    let mut h = Harness::new();
    let mut wrong = KEY;
    wrong[15] ^= 0x01;
    h.net = Net::new(wrong, USIM_SQN + 1);
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    let f = one(h.down(a));
    assert_eq!(nas_of(&f), [0x07, 0x5C, 20], "Authentication Failure #20");
    assert_eq!(h.ue.counter("auth_mac_failure"), 1);
    assert!(
        h.notes()
            .contains(&"AUTN MAC check failed: the network does not know this USIM's K".into())
    );
    assert_eq!(h.status().outcome, Outcome::Pending);
    h.down(
        emm(AuthenticationReject {
            other_ies: Vec::new(),
        })
        .encode(),
    );
    let s = h.status();
    assert_eq!(s.emm, "EMM-DEREGISTERED");
    assert_eq!(
        s.outcome,
        Outcome::Failed(
            "network sent Authentication Reject after Authentication Failure #20 (MAC failure)"
                .into()
        )
    );
    assert!(h.ue.poll_timeout().is_none(), "T3410 stopped");
}

#[test]
fn ue_answers_synch_failure_with_auts_for_a_stale_sqn() {
    let mut h = Harness::new();
    h.net.sqn = USIM_SQN - 4;
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    let f = one(h.down(a));
    let NasMessage::Emm(EmmMessage::AuthenticationFailure(fail)) = h.net.open(&nas_of(&f)).1 else {
        panic!("no Authentication Failure");
    };
    assert_eq!(fail.emm_cause, EmmCause::SynchFailure);
    let auts = crate::crypto::Auts::new(fail.auts.expect("AUTS").0);
    let rand = Rand::new(RAND);
    assert_eq!(
        recover_sqn_ms(h.net.milenage(), &rand, &auts),
        Sqn::new(USIM_SQN),
        "the HSS recovers SQN_MS from AUTS"
    );
    // After resynchronisation the network's next vector is accepted.
    h.net.sqn = USIM_SQN + 1;
    let a = h.net.auth_request();
    let f = one(h.down(a));
    assert!(matches!(
        h.net.open(&nas_of(&f)).1,
        NasMessage::Emm(EmmMessage::AuthenticationResponse(_))
    ));
}

#[test]
fn ue_fails_on_authentication_reject_after_res() {
    let mut h = Harness::new();
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    h.down(a);
    h.down(
        emm(AuthenticationReject {
            other_ies: Vec::new(),
        })
        .encode(),
    );
    assert_eq!(
        h.status().outcome,
        Outcome::Failed(
            "network sent Authentication Reject after the UE's Authentication Response (RES)"
                .into()
        )
    );
}

#[test]
fn ue_fails_on_attach_reject_with_the_cause_in_words() {
    let mut h = Harness::new();
    h.command(UeCommand::Attach);
    h.down(
        emm(AttachReject {
            emm_cause: EmmCause::NoSuitableCellsInTa,
            esm_message_container: None,
            t3346: None,
            t3402: None,
            other_ies: Vec::new(),
        })
        .encode(),
    );
    let s = h.status();
    assert_eq!(s.emm, "EMM-DEREGISTERED");
    assert_eq!(
        s.outcome,
        Outcome::Failed("Attach Reject #15 no Suitable Cells In tracking area".into())
    );
}

// ---------------------------------------------------------------------------
// Security
// ---------------------------------------------------------------------------

#[test]
fn ue_rejects_smc_with_altered_capabilities() {
    let mut h = Harness::new();
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    h.down(a);
    let smc = h.net.smc_with(UeSecurityCapability {
        eea: 0x80,
        eia: 0x60,
        rest: Vec::new(),
    });
    let f = one(h.down(smc));
    assert_eq!(
        nas_of(&f),
        [0x07, 0x5F, 23],
        "plain Security Mode Reject #23"
    );
    assert_eq!(h.ue.counter("smc_capability_mismatch"), 1);
}

#[test]
fn ue_rejects_smc_with_a_bad_mac() {
    let mut h = Harness::new();
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    h.down(a);
    let mut smc = h.net.smc();
    smc[1] ^= 0xff;
    let f = one(h.down(smc));
    assert_eq!(nas_of(&f), [0x07, 0x5F, 24], "Security Mode Reject #24");
    assert_eq!(h.ue.counter("nas_bad_mac"), 1);
}

#[test]
fn ue_drops_downlink_with_a_wrong_mac_and_counts_it() {
    let mut h = Harness::new();
    h.secure();
    let mut bad = h.net.protect(&attach_accept(internet_bearer()));
    bad[2] ^= 0x01;
    assert!(h.down(bad).is_empty(), "nothing answered");
    assert_eq!(h.ue.counter("nas_bad_mac"), 1);
    assert!(
        h.notes()
            .iter()
            .any(|n| n == "dropped a ciphered NAS message: NAS MAC check failed (COUNT 1)"),
        "{:?}",
        h.notes()
    );
    assert_eq!(h.status().emm, "EMM-REGISTERED-INITIATED");
    // The next, correct message is taken.
    let good = h.net.protect(&attach_accept(internet_bearer()));
    assert_eq!(h.down(good).len(), 2);
    assert_eq!(h.status().emm, "EMM-REGISTERED");
}

#[test]
fn ue_rejects_a_replayed_downlink_count() {
    let mut h = Harness::new();
    h.attach();
    let b = h.net.protect(&NasMessage::Esm(ims_bearer(2)));
    assert_eq!(h.down(b.clone()).len(), 1);
    assert!(h.down(b).is_empty(), "replay dropped");
    assert_eq!(h.ue.counter("nas_replay"), 1);
    assert!(h.notes().iter().any(|n| n.contains("replayed")));
}

#[test]
fn ue_drops_an_unprotected_attach_accept() {
    let mut h = Harness::new();
    h.secure();
    assert!(h.down(attach_accept(internet_bearer()).encode()).is_empty());
    assert_eq!(h.ue.counter("nas_unprotected_dropped"), 1);
    assert_eq!(h.status().emm, "EMM-REGISTERED-INITIATED");
}

// ---------------------------------------------------------------------------
// PDN connectivity failures
// ---------------------------------------------------------------------------

#[test]
fn ue_fails_on_pdn_connectivity_reject_with_the_esm_cause() {
    let mut h = Harness::new();
    h.attach();
    let r = h.net.protect(&NasMessage::Esm(EsmMessage::new(
        0,
        2,
        PdnConnectivityReject {
            esm_cause: EsmCause::MissingOrUnknownApn,
            pco: None,
            epco: None,
            other_ies: Vec::new(),
        },
    )));
    assert!(h.down(r).is_empty());
    let s = h.status();
    assert_eq!(s.emm, "EMM-REGISTERED");
    assert_eq!(
        s.outcome,
        Outcome::Failed("PDN Connectivity Reject for ims: #27 missing or unknown APN".into())
    );
    assert!(h.ue.poll_timeout().is_none(), "T3482 stopped");
}

#[test]
fn ue_fails_when_the_ims_pdn_has_no_pcscf() {
    let mut h = Harness::new();
    h.attach();
    let b = h.net.protect(&NasMessage::Esm(default_bearer(
        6,
        2,
        "ims",
        5,
        Ipv4Addr::new(10, 46, 0, 2),
        pco_answer(&[], &[v4(10, 46, 0, 53)]),
    )));
    assert_eq!(h.down(b).len(), 1, "the bearer is accepted all the same");
    let s = h.status();
    assert_eq!(s.pdns.len(), 2);
    assert_eq!(
        s.outcome,
        Outcome::Failed(
            "The PDN Connectivity Accept for ims carries no P-CSCF address: the gateway's ims APN has no p_cscf list"
                .into()
        )
    );
}

#[test]
fn ue_without_volte_reaches_its_goal_without_pcscf() {
    let mut h = Harness::with(with_ue(topology(), |u| u.ims = ImsMode::None));
    h.attach();
    let b = h.net.protect(&NasMessage::Esm(default_bearer(
        6,
        2,
        "ims",
        5,
        Ipv4Addr::new(10, 46, 0, 2),
        Pco::new(),
    )));
    h.down(b);
    assert_eq!(h.status().outcome, Outcome::Reached);
}

// ---------------------------------------------------------------------------
// Timers in virtual time
// ---------------------------------------------------------------------------

#[test]
fn ue_retransmits_attach_request_on_t3410_then_gives_up() {
    let mut h = Harness::new();
    let first = nas_of(&one(h.command(UeCommand::Attach)));
    for n in 1..5u64 {
        let f = one(h.fire());
        assert_eq!(h.now, Time::from_secs(15 * n));
        assert!(matches!(f, UuFrame::Connect { .. }), "new RRC connection");
        assert_eq!(nas_of(&f), first, "the same Attach Request");
    }
    assert!(h.fire().is_empty());
    assert_eq!(h.now, Time::from_secs(75));
    let s = h.status();
    assert_eq!(s.emm, "EMM-DEREGISTERED");
    assert_eq!(
        s.outcome,
        Outcome::Failed(
            "no Attach Accept after 5 tries (T3410); the attach stopped after the UE sent Attach Request"
                .into()
        )
    );
    assert_eq!(h.ue.counter("t3410_expiry"), 5);
    assert!(h.ue.poll_timeout().is_none());
}

#[test]
fn ue_names_the_last_step_when_t3410_gives_up_after_mac_failure() {
    let mut h = Harness::new();
    h.net = Net::new([0u8; 16], USIM_SQN + 1);
    h.command(UeCommand::Attach);
    let a = h.net.auth_request();
    h.down(a);
    for _ in 0..4 {
        h.fire();
        let a = h.net.auth_request();
        h.down(a);
    }
    h.fire();
    let Outcome::Failed(reason) = h.status().outcome else {
        panic!("not failed");
    };
    assert!(
        reason.ends_with(
            "sent Authentication Failure #20 (AUTN MAC check failed: the network does not know this USIM's K)"
        ),
        "{reason}"
    );
}

#[test]
fn ue_retransmits_pdn_connectivity_request_on_t3482_then_gives_up() {
    let mut h = Harness::new();
    let frames = h.attach();
    let first = h.net.open(&nas_of(&frames[1])).1;
    let start = h.now;
    for n in 1..5u64 {
        let f = one(h.fire());
        assert_eq!(h.now, start + Duration::from_secs(8 * n));
        let (ht, m) = h.net.open(&nas_of(&f));
        assert_eq!(ht, SecurityHeaderType::IntegrityProtectedCiphered);
        assert_eq!(m, first, "same PTI, same request");
    }
    assert!(h.fire().is_empty());
    assert_eq!(h.now, start + Duration::from_secs(40));
    assert_eq!(
        h.status().outcome,
        Outcome::Failed(
            "no answer to PDN Connectivity Request for ims after 5 tries (T3482)".into()
        )
    );
    assert_eq!(h.ue.counter("t3482_expiry"), 5);
}

// ---------------------------------------------------------------------------
// Detach, release, PDN commands
// ---------------------------------------------------------------------------

#[test]
fn ue_detaches_on_command() {
    let mut h = Harness::new();
    h.attach_with_ims();
    let f = one(h.command(UeCommand::Detach));
    let (ht, m) = h.net.open(&nas_of(&f));
    assert_eq!(ht, SecurityHeaderType::IntegrityProtectedCiphered);
    let NasMessage::Emm(EmmMessage::DetachRequestUeOriginating(d)) = m else {
        panic!("no Detach Request: {m:?}");
    };
    assert_eq!(d.detach_type.kind, ie::UeDetachKind::EpsDetach);
    assert!(!d.detach_type.switch_off);
    assert_eq!(d.nas_ksi, NasKsi::native(1));
    assert_eq!(d.eps_mobile_identity, ie::EpsMobileIdentity::Guti(guti()));
    assert_eq!(h.status().emm, "EMM-DEREGISTERED-INITIATED");
    let acc = h.net.protect(&emm(DetachAccept {
        other_ies: Vec::new(),
    }));
    h.down(acc);
    let s = h.status();
    assert_eq!(s.emm, "EMM-DEREGISTERED");
    assert!(s.pdns.is_empty());
    assert_eq!(s.outcome, Outcome::Reached);
}

#[test]
fn ue_accepts_network_detach_and_reattaches_after_release() {
    let mut h = Harness::new();
    h.attach_with_ims();
    let d = h.net.protect(&emm(DetachRequestUeTerminated {
        detach_type: NetworkDetachType::ReattachRequired,
        emm_cause: None,
        other_ies: Vec::new(),
    }));
    let f = one(h.down(d));
    assert!(matches!(
        h.net.open(&nas_of(&f)).1,
        NasMessage::Emm(EmmMessage::DetachAccept(_))
    ));
    assert_eq!(h.status().emm, "EMM-DEREGISTERED");
    let f = one(h.input(Input::Receive {
        iface: Iface::Uu,
        from: ENB,
        bytes: UuFrame::Release.encode(),
    }));
    assert!(matches!(f, UuFrame::Connect { .. }), "re-attach");
    assert_eq!(h.status().emm, "EMM-REGISTERED-INITIATED");
}

#[test]
fn ue_goes_idle_on_release_and_closes_pdn_when_connected() {
    let mut h = Harness::new();
    h.attach_with_ims();
    // PDN Disconnect Request for ims names its default bearer.
    let f = one(h.command(UeCommand::ClosePdn("ims".into())));
    let NasMessage::Esm(m) = h.net.open(&nas_of(&f)).1 else {
        panic!("no ESM message");
    };
    let EsmBody::PdnDisconnectRequest(d) = &m.body else {
        panic!("not a PDN Disconnect Request");
    };
    assert_eq!(d.linked_ebi, 6);
    let deact = h.net.protect(&NasMessage::Esm(EsmMessage::new(
        6,
        m.pti,
        crate::codec::nas::esm::DeactivateEpsBearerContextRequest {
            esm_cause: EsmCause::RegularDeactivation,
            pco: None,
            epco: None,
            other_ies: Vec::new(),
        },
    )));
    let f = one(h.down(deact));
    assert!(matches!(
        h.net.open(&nas_of(&f)).1.esm_message().unwrap().body,
        EsmBody::DeactivateEpsBearerContextAccept(_)
    ));
    let s = h.status();
    assert_eq!(s.pdns.len(), 1);
    assert_eq!(s.outcome, Outcome::Reached, "ims is no longer wanted");
    // Release -> ECM-IDLE: opening a PDN now needs a Service Request.
    h.input(Input::Receive {
        iface: Iface::Uu,
        from: ENB,
        bytes: UuFrame::Release.encode(),
    });
    assert!(h.command(UeCommand::OpenPdn("ims".into())).is_empty());
    assert!(h.notes().iter().any(|n| n.contains("ECM-IDLE")));
    assert_eq!(h.status().emm, "EMM-REGISTERED");
}

#[test]
fn ue_answers_unknown_esm_messages_with_esm_status() {
    let mut h = Harness::new();
    h.attach_with_ims();
    // Activate Dedicated EPS Bearer Context Request (0xC5) is not modelled.
    let unknown = NasMessage::Esm(EsmMessage {
        ebi: 7,
        pti: 0,
        body: EsmBody::Unknown(ie::UnknownMessage {
            message_type: 0xC5,
            body: vec![6, 1, 9],
        }),
    });
    let m = h.net.protect(&unknown);
    let f = one(h.down(m));
    let esm = h.net.open(&nas_of(&f)).1.esm_message().unwrap();
    assert_eq!(esm.ebi, 7);
    let EsmBody::EsmStatus(s) = esm.body else {
        panic!("no ESM Status");
    };
    assert_eq!(s.esm_cause, EsmCause::MessageTypeNonExistent);
}

// ---------------------------------------------------------------------------
// IPv6: the global address from the gateway's Router Advertisement
// ---------------------------------------------------------------------------

/// The ims bearer of an IPv6-only PDN: interface id ::6, P-CSCF fd00:46::1.
fn ims_bearer_v6(pti: u8) -> EsmMessage {
    let mut m = ims_bearer(pti);
    if let EsmBody::ActivateDefaultEpsBearerContextRequest(r) = &mut m.body {
        r.pdn_address = PdnAddress::Ipv6 {
            iid: [0, 0, 0, 0, 0, 0, 0, 6],
        };
        r.pco = Some(pco_answer(
            &[IpAddr::V6("fd00:46::1".parse().unwrap())],
            &[],
        ));
    }
    m
}

/// The gateway's Router Advertisement for fd00:46::/64.
fn router_advertisement() -> Vec<u8> {
    use crate::codec::icmpv6::{Icmpv6Message, RouterAdvertisement};
    Icmpv6Message::RouterAdvertisement(RouterAdvertisement::for_pdn(
        "fd00:46::".parse().unwrap(),
        64,
    ))
    .encode_packet("fe80::1".parse().unwrap(), "ff02::1".parse().unwrap())
}

impl Harness {
    /// Attach, then an IPv6-only ims PDN.
    fn attach_with_ipv6_ims(&mut self) {
        let frames = self.attach();
        let (_, m) = self.net.open(&nas_of(&frames[1]));
        let pti = m.esm_message().unwrap().pti;
        let b = self.net.protect(&NasMessage::Esm(ims_bearer_v6(pti)));
        let f = one(self.down(b));
        self.net.open(&nas_of(&f));
    }

    fn packet(&mut self, ebi: u8, packet: Vec<u8>) -> Vec<UuFrame> {
        self.input(Input::Receive {
            iface: Iface::Uu,
            from: ENB,
            bytes: UuFrame::Data {
                ebi,
                packet: Bytes::from(packet),
            }
            .encode(),
        })
    }

    fn ims_pdn(&self) -> PdnStatus {
        self.status()
            .pdns
            .into_iter()
            .find(|p| p.apn == "ims")
            .expect("the ims PDN")
    }
}

#[test]
fn ue_forms_its_global_ipv6_address_from_the_router_advertisement() {
    let mut h = Harness::new();
    let log = h.plug_pcscf(USIM_SQN + 10);
    h.attach_with_ipv6_ims();
    assert_eq!(h.ims_pdn().ipv6, Some("fe80::6".parse().unwrap()));
    assert!(
        log.lock().unwrap().commands.is_empty(),
        "IMS waits for a global address"
    );
    assert!(
        h.notes()
            .iter()
            .any(|n| n.contains("waits for the gateway's Router Advertisement"))
    );

    h.packet(6, router_advertisement());
    assert_eq!(h.ims_pdn().ipv6, Some("fd00:46::6".parse().unwrap()));
    assert_eq!(h.ue.counter("ipv6_ra_received"), 1);
    assert!(h.notes().iter().any(|n| n.contains(
        "global IPv6 address fd00:46::6 (prefix fd00:46::/64 from the Router Advertisement of fe80::1"
    )));
    // IMS then registers from the global address.
    let first = log.lock().unwrap().commands[0].clone();
    let TransportCommand::Connect { local, remote, .. } = first else {
        panic!("not a Connect: {first:?}");
    };
    assert_eq!(local.ip(), "fd00:46::6".parse::<IpAddr>().unwrap());
    assert_eq!(remote.to_string(), "[fd00:46::1]:5060");
    assert_eq!(h.status().outcome, Outcome::Reached);
    // A repeated advertisement changes nothing.
    h.packet(6, router_advertisement());
    assert_eq!(h.ue.counter("ipv6_ra_received"), 2);
    assert_eq!(h.ims_pdn().ipv6, Some("fd00:46::6".parse().unwrap()));
}

#[test]
fn ue_drops_router_advertisements_that_fail_the_checks() {
    let mut h = Harness::new();
    h.attach_with_ipv6_ims();
    let mut routed = router_advertisement();
    routed[7] = 64;
    let mut bad_sum = router_advertisement();
    bad_sum[43] ^= 0xff;
    for p in [routed, bad_sum] {
        assert!(h.packet(6, p).is_empty());
    }
    assert_eq!(h.ue.counter("ipv6_ra_invalid"), 2);
    assert_eq!(h.ims_pdn().ipv6, Some("fe80::6".parse().unwrap()));
    assert!(
        h.notes()
            .iter()
            .any(|n| n.contains("hop limit 64 is not 255"))
    );
    // On a bearer the UE does not have.
    h.packet(9, router_advertisement());
    assert_eq!(h.ue.counter("ue_packets_no_bearer"), 1);
}

#[test]
fn ue_fails_ipv6_only_ims_without_a_router_advertisement() {
    let mut h = Harness::new();
    h.attach_with_ipv6_ims();
    assert_eq!(h.status().outcome, Outcome::Pending);
    h.fire();
    assert_eq!(h.ue.counter("ipv6_ra_missing"), 1);
    assert_eq!(
        h.status().outcome,
        Outcome::Failed(
            "no Router Advertisement on PDN ims within 12 s: the UE has only the link-local address fe80::6 there (TS 29.061 11.2.1.3.4), so IMS cannot reach the P-CSCF".into()
        )
    );
}

#[test]
fn ue_gives_a_later_ipv6_address_to_a_running_ims_client() {
    let mut h = Harness::new();
    let log = h.plug_pcscf(USIM_SQN + 10);
    h.attach_with_ims();
    assert_eq!(h.status().outcome, Outcome::Reached, "registered over IPv4");
    h.packet(6, router_advertisement());
    assert_eq!(h.ims_pdn().ipv6, Some("fd00:46::6".parse().unwrap()));
    assert_eq!(h.ims_pdn().ipv4, Some(Ipv4Addr::new(10, 46, 0, 2)));
    // The registration stays on IPv4: nothing new was opened.
    let connects = log
        .lock()
        .unwrap()
        .commands
        .iter()
        .filter(|c| matches!(c, TransportCommand::Connect { .. }))
        .count();
    h.packet(6, router_advertisement());
    let again = log
        .lock()
        .unwrap()
        .commands
        .iter()
        .filter(|c| matches!(c, TransportCommand::Connect { .. }))
        .count();
    assert_eq!(connects, again);
    assert_eq!(h.status().ims.unwrap().state, "registered");
}

// ---------------------------------------------------------------------------
// IMS: the client runs when the ims PDN is up (fake P-CSCF under it)
// ---------------------------------------------------------------------------

impl Harness {
    /// A fake P-CSCF under the UE whose vectors start at `sqn`.
    fn plug_pcscf(&mut self, sqn: u64) -> Arc<Mutex<FakeLog>> {
        let (mut fake, log) = FakePcscf::new();
        fake.net.sqn = sqn;
        self.ue.set_ims_link(Box::new(fake));
        log
    }
}

/// The SIP requests the fake P-CSCF got, as `METHOD` names.
fn sip_methods(log: &Arc<Mutex<FakeLog>>) -> Vec<String> {
    log.lock()
        .unwrap()
        .received
        .iter()
        .filter_map(|m| m.method().map(ToString::to_string))
        .collect()
}

#[test]
fn ue_registers_to_ims_once_the_ims_pdn_is_up() {
    let mut h = Harness::new();
    let log = h.plug_pcscf(USIM_SQN + 10);
    let frames = h.attach();
    assert_eq!(h.status().outcome, Outcome::Pending, "ims PDN not up yet");
    assert!(
        log.lock().unwrap().commands.is_empty(),
        "no IMS before the PDN"
    );
    let (_, m) = h.net.open(&nas_of(&frames[1]));
    let b = h
        .net
        .protect(&NasMessage::Esm(ims_bearer(m.esm_message().unwrap().pti)));
    let f = one(h.down(b));
    assert!(matches!(
        h.net.open(&nas_of(&f)).1,
        NasMessage::Esm(EsmMessage {
            body: EsmBody::ActivateDefaultEpsBearerContextAccept(_),
            ..
        })
    ));
    let s = h.status();
    assert_eq!(s.outcome, Outcome::Reached, "the VoLTE goal: registered");
    let ims = s.ims.expect("IMS status");
    assert_eq!(ims.state, "registered");
    assert_eq!(ims.impu, IMPU);
    assert_eq!(ims.expires, Some(3600));
    assert!(ims.sa.is_some());
    assert_eq!(sip_methods(&log), ["REGISTER", "REGISTER", "SUBSCRIBE"]);
    let first = log.lock().unwrap().commands[0].clone();
    let TransportCommand::Connect { local, remote, .. } = first else {
        panic!("not a Connect: {first:?}");
    };
    assert_eq!(local.ip(), v4(10, 46, 0, 2), "from the ims PDN address");
    assert_eq!(remote.to_string(), "10.46.0.1:5060");
    assert_eq!(h.ue.counter("ims_registered"), 1);
    assert_eq!(
        h.ue.poll_timeout(),
        Some(h.now + Duration::from_secs(3000)),
        "refresh"
    );
}

#[test]
fn ue_shares_the_sqn_of_eps_aka_with_ims_aka() {
    let mut h = Harness::new();
    // EPS AKA used SQN_MS + 1; the IMS challenge reuses it: synch failure.
    let log = h.plug_pcscf(USIM_SQN + 1);
    h.attach_with_ims();
    let received = log.lock().unwrap().received.clone();
    let auts = received
        .iter()
        .filter_map(|m| m.authorization().ok()?.first()?.digest()?.auts.clone())
        .count();
    assert_eq!(auts, 1, "one REGISTER with auts");
    assert_eq!(h.ue.counter("ims_auth_sync_failure"), 1);
    assert_eq!(h.status().outcome, Outcome::Reached);
    assert_eq!(
        sip_methods(&log),
        ["REGISTER", "REGISTER", "REGISTER", "SUBSCRIBE"]
    );
}

#[test]
fn ue_registers_to_ims_on_command_and_deregisters() {
    let topo = with_ue(topology(), |u| u.ims = ImsMode::None);
    let mut h = Harness::with(topo);
    let log = h.plug_pcscf(USIM_SQN + 10);
    h.attach_with_ims();
    assert_eq!(h.status().ims, None, "no IMS without ims: register");
    assert_eq!(h.status().outcome, Outcome::Reached);
    h.command(UeCommand::ImsRegister);
    assert_eq!(h.status().ims.unwrap().state, "registered");
    assert_eq!(h.status().outcome, Outcome::Reached);

    h.command(UeCommand::SendMessage {
        to: "sip:001010000000002@ims.mnc001.mcc001.3gppnetwork.org".into(),
        text: "hello".into(),
    });
    assert_eq!(h.ue.counter("ims_messages_delivered"), 1);
    let last = log.lock().unwrap().received.last().cloned().unwrap();
    assert_eq!(last.body_text(), Some("hello"));

    h.command(UeCommand::ImsDeregister);
    let s = h.status();
    let ims = s.ims.unwrap();
    assert_eq!((ims.state.as_str(), ims.sa), ("deregistered", None));
    assert_eq!(s.outcome, Outcome::Reached, "the goal is now de-registered");
    let cmds = log.lock().unwrap().commands.clone();
    assert!(
        cmds.iter()
            .any(|c| matches!(c, TransportCommand::RemoveSas(_)))
    );
    assert_eq!(
        sip_methods(&log),
        ["REGISTER", "REGISTER", "SUBSCRIBE", "MESSAGE", "REGISTER"]
    );
}

#[test]
fn ue_notes_an_incoming_message() {
    let mut h = Harness::new();
    let log = h.plug_pcscf(USIM_SQN + 10);
    h.attach_with_ims();
    let set = log
        .lock()
        .unwrap()
        .commands
        .iter()
        .find_map(|c| match c {
            TransportCommand::InstallSas(s) => Some((**s).clone()),
            _ => None,
        })
        .unwrap();
    let msg = crate::codec::sip::SipMessage::request(
        crate::codec::sip::Method::Message,
        format!("sip:10.46.0.2:{}", set.ue_ports.port_s)
            .parse()
            .unwrap(),
    )
    .with_header("Via", "SIP/2.0/TCP 10.46.0.1:6100;branch=z9hG4bKx")
    .with_header("From", "<sip:bob@ims.mnc001.mcc001.3gppnetwork.org>;tag=b")
    .with_header("To", format!("<{IMPU}>"))
    .with_header("Call-ID", "x1")
    .with_header("CSeq", "1 MESSAGE")
    .with_body("text/plain", "hi alice");
    let conn = crate::nodes::ue::ims::ConnId::accepted(0);
    {
        let mut l = log.lock().unwrap();
        l.inject.push_back(TransportEvent::Accepted {
            conn,
            local: std::net::SocketAddr::new(v4(10, 46, 0, 2), set.ue_ports.port_s),
            remote: std::net::SocketAddr::new(v4(10, 46, 0, 1), set.pcscf_ports.port_c),
        });
        l.inject.push_back(TransportEvent::Data {
            conn,
            bytes: msg.encode(),
        });
    }
    h.input(Input::Timeout);
    assert!(h.notes().iter().any(|n| n
        == "ue-001010000000001 received MESSAGE from sip:bob@ims.mnc001.mcc001.3gppnetwork.org: hi alice"));
    assert_eq!(h.ue.counter("ims_messages_received"), 1);
    let answer = log.lock().unwrap().received.last().cloned().unwrap();
    assert_eq!(answer.status(), Some(200));
}

#[test]
fn ue_waits_for_the_ims_pdn_before_registering_on_command() {
    let topo = with_ue(topology(), |u| u.ims = ImsMode::None);
    let mut h = Harness::with(topo);
    h.command(UeCommand::ImsRegister);
    assert!(
        h.notes()
            .iter()
            .any(|n| n == "IMS registration starts once the ims PDN is up with a P-CSCF")
    );
    assert_eq!(h.status().ims, None);
}

// ---------------------------------------------------------------------------
// End to end: UE + eNB in a Sim with a fake MME
// ---------------------------------------------------------------------------

mod end_to_end {
    use super::*;
    use crate::codec::gtpu;
    use crate::codec::s1ap::{
        Ambr, Arp, DownlinkNasTransport, EnbUeS1apId, ErabQos, ErabSetupRequest, ErabToSetup,
        InitialContextSetupRequest, MmeUeS1apId, S1SetupResponse, S1apMessage, ServedGummei,
        TransportAddress, UeSecurityCapabilities,
    };
    use crate::events::event::Event;
    use crate::nodes::enb::Enb;
    use crate::sim::Sim;

    const MME_UE: MmeUeS1apId = MmeUeS1apId(1);

    /// An MME that knows just enough: it answers S1 Setup, authenticates,
    /// secures, attaches with Initial Context Setup and opens every further
    /// PDN with E-RAB Setup (again for each retransmission).
    struct FakeMme {
        net: Net,
        enb_ue: EnbUeS1apId,
        out: VecDeque<Output>,
    }

    impl FakeMme {
        fn new() -> Self {
            Self {
                net: Net::new(KEY, USIM_SQN + 1),
                enb_ue: EnbUeS1apId(0),
                out: VecDeque::new(),
            }
        }

        fn send(&mut self, m: &S1apMessage) {
            self.out.push_back(Output::Transmit(Transmit {
                iface: Iface::S1Mme,
                to: ENB,
                bytes: Bytes::from(m.encode().unwrap()),
                stream: 1,
                imsi: None,
            }));
        }

        fn dl_nas(&mut self, nas: Vec<u8>) {
            let m = S1apMessage::DownlinkNasTransport(DownlinkNasTransport {
                mme_ue_id: MME_UE,
                enb_ue_id: self.enb_ue,
                nas_pdu: nas,
            });
            self.send(&m);
        }

        fn erab(id: u8, qci: u8, teid: u32, nas: Vec<u8>) -> ErabToSetup {
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
                nas_pdu: Some(nas),
            }
        }

        fn handle_nas(&mut self, nas: &[u8]) {
            match self.net.open(nas).1 {
                NasMessage::Emm(EmmMessage::AttachRequest(_)) => {
                    let a = self.net.auth_request();
                    self.dl_nas(a);
                }
                NasMessage::Emm(EmmMessage::AuthenticationResponse(_)) => {
                    let smc = self.net.smc();
                    self.dl_nas(smc);
                }
                NasMessage::Emm(EmmMessage::SecurityModeComplete(_)) => {
                    let accept = self.net.protect(&attach_accept(internet_bearer()));
                    let kasme = self.net.vector.as_ref().unwrap().kasme.clone();
                    let kenb = crate::crypto::kdf::kenb(&kasme, 0);
                    let m = S1apMessage::InitialContextSetupRequest(InitialContextSetupRequest {
                        mme_ue_id: MME_UE,
                        enb_ue_id: self.enb_ue,
                        ue_ambr: Ambr {
                            dl: 1_000_000_000,
                            ul: 500_000_000,
                        },
                        erabs: vec![Self::erab(5, 9, 0x1001, accept)],
                        security_capabilities: UeSecurityCapabilities {
                            eea: 0xC000,
                            eia: 0xC000,
                        },
                        security_key: *kenb.as_bytes(),
                        ue_radio_capability: None,
                    });
                    self.send(&m);
                }
                NasMessage::Esm(m) if matches!(m.body, EsmBody::PdnConnectivityRequest(_)) => {
                    let nas = self.net.protect(&NasMessage::Esm(ims_bearer(m.pti)));
                    let r = S1apMessage::ErabSetupRequest(ErabSetupRequest {
                        mme_ue_id: MME_UE,
                        enb_ue_id: self.enb_ue,
                        ue_ambr: None,
                        erabs: vec![Self::erab(6, 5, 0x1002, nas)],
                    });
                    self.send(&r);
                }
                _ => {}
            }
        }
    }

    impl Node for FakeMme {
        fn handle(&mut self, _now: Time, input: Input) {
            let Input::Receive { bytes, .. } = input else {
                return;
            };
            match S1apMessage::decode(&bytes).unwrap() {
                S1apMessage::S1SetupRequest(_) => {
                    self.send(&S1apMessage::S1SetupResponse(S1SetupResponse {
                        mme_name: Some("mme01".into()),
                        served_gummeis: vec![ServedGummei {
                            plmns: vec![plmn()],
                            group_ids: vec![1],
                            codes: vec![1],
                        }],
                        relative_capacity: 255,
                    }));
                }
                S1apMessage::InitialUeMessage(m) => {
                    self.enb_ue = m.enb_ue_id;
                    self.handle_nas(&m.nas_pdu);
                }
                S1apMessage::UplinkNasTransport(m) => self.handle_nas(&m.nas_pdu),
                _ => {}
            }
        }

        fn poll_output(&mut self) -> Option<Output> {
            self.out.pop_front()
        }

        fn poll_timeout(&self) -> Option<Time> {
            None
        }
    }

    fn sim(topo: &Topology) -> Sim {
        let mut sim = Sim::new(Duration::from_millis(1));
        let mut ue = Ue::new(UE, topo);
        let (pcscf, _) = FakePcscf::new();
        ue.set_ims_link(Box::new(pcscf));
        sim.add(UE, Box::new(ue));
        sim.add(ENB, Box::new(Enb::new(ENB, topo)));
        sim.add(MME, Box::new(FakeMme::new()));
        sim.schedule(Time::from_millis(100), UE, Command::Ue(UeCommand::Attach));
        sim
    }

    fn last_status(events: &[Event]) -> UeStatus {
        events
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::Node {
                    node: UE,
                    event: NodeEvent::Ue(s),
                    ..
                } => Some(s.clone()),
                _ => None,
            })
            .expect("the UE published a status")
    }

    /// S1AP message names on S1-MME, in order.
    fn s1ap_ladder(events: &[Event]) -> Vec<&'static str> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) if m.iface == Iface::S1Mme => {
                    Some(S1apMessage::decode(&m.bytes).unwrap().name())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ue_and_enb_attach_and_open_ims_through_a_fake_mme() {
        let topo = topology();
        let mut sim = sim(&topo);
        sim.run_until_time(Time::from_secs(1));
        let events = sim.drain_events();
        assert_eq!(
            s1ap_ladder(&events),
            [
                "S1SetupRequest",
                "S1SetupResponse",
                "InitialUEMessage",
                "DownlinkNASTransport",
                "UplinkNASTransport",
                "DownlinkNASTransport",
                "UplinkNASTransport",
                "InitialContextSetupRequest",
                "InitialContextSetupResponse",
                "UplinkNASTransport",
                "UplinkNASTransport",
                "E-RABSetupRequest",
                "E-RABSetupResponse",
                "UplinkNASTransport",
            ]
        );
        let s = last_status(&events);
        assert_eq!(s.emm, "EMM-REGISTERED");
        assert_eq!(s.outcome, Outcome::Reached);
        assert_eq!(s.ims.unwrap().state, "registered");
        assert_eq!(s.pdns.len(), 2);
        assert_eq!(
            s.pdns[1].pcscf,
            [v4(10, 46, 0, 1), IpAddr::V6("fd00:46::1".parse().unwrap())]
        );

        // The eNB's downlink TEID of E-RAB 5, from its ICS response.
        let teid = events
            .iter()
            .find_map(|e| match e {
                Event::Message(m) if m.iface == Iface::S1Mme => {
                    match S1apMessage::decode(&m.bytes).unwrap() {
                        S1apMessage::InitialContextSetupResponse(r) => Some(r.setup[0].teid),
                        _ => None,
                    }
                }
                _ => None,
            })
            .unwrap();

        // Uplink: the UE's packet leaves the eNB in the SGW's tunnel.
        let now = sim.now();
        sim.inject(
            now,
            UE,
            Transmit {
                iface: Iface::Uu,
                to: ENB,
                bytes: UuFrame::Data {
                    ebi: 5,
                    packet: Bytes::from_static(&[0x45, 0, 0, 1]),
                }
                .encode(),
                stream: 0,
                imsi: None,
            },
        );
        sim.run_until_time(Time::from_secs(2));
        let out: Vec<Transmit> = sim.drain_outbox().into_iter().map(|(_, t)| t).collect();
        assert_eq!((out[0].iface, out[0].to), (Iface::S1U, GW));
        let g = gtpu::decode(&out[0].bytes).unwrap();
        assert_eq!(g.teid, 0x1001);
        assert_eq!(g.body, gtpu::Body::GPdu(vec![0x45, 0, 0, 1]));

        // Downlink: a G-PDU on the eNB's TEID reaches the UE on bearer 5.
        let now = sim.now();
        sim.inject(
            now,
            GW,
            Transmit {
                iface: Iface::S1U,
                to: ENB,
                bytes: Bytes::from(gtpu::Message::g_pdu(teid, vec![0x45, 1]).encode()),
                stream: 0,
                imsi: None,
            },
        );
        sim.run_until_time(Time::from_secs(3));
        let events = sim.drain_events();
        assert!(events.iter().any(|e| matches!(
            e,
            Event::Node {
                node: UE,
                event: NodeEvent::Counter {
                    name: "ue_packets_received",
                    value: 1
                },
                ..
            }
        )));
    }

    #[test]
    fn ue_gives_up_on_ims_when_the_enb_refuses_a_second_bearer() {
        let mut topo = topology();
        if let NodeKind::Enb(e) = &mut topo.nodes[ENB.0 as usize].kind {
            e.refuse_second_bearer = true;
        }
        let mut sim = sim(&topo);
        sim.run_until_time(Time::from_secs(120));
        let events = sim.drain_events();
        let s = last_status(&events);
        assert_eq!(s.emm, "EMM-REGISTERED");
        assert_eq!(s.pdns.len(), 1, "only internet");
        assert_eq!(
            s.outcome,
            Outcome::Failed(
                "no answer to PDN Connectivity Request for ims after 5 tries (T3482)".into()
            )
        );
        let refusals = events
            .iter()
            .filter(|e| {
                matches!(e, Event::Node { node: ENB, event: NodeEvent::Note { text, .. }, .. }
                if text.starts_with("E-RAB Setup for E-RAB 6 (QCI 5) refused"))
            })
            .count();
        assert_eq!(refusals, 5, "one per PDN Connectivity Request");
    }
}
