//! The MME driven through its procedures by fake peers built from the
//! codecs and the crypto: an eNB with its UE (USIM AUTN check, UE-side NAS
//! security context), an HSS (Milenage vectors, resynchronisation) and a
//! gateway. Every message the MME sends is decoded and its fields checked.

use super::*;
use crate::codec::diameter::{
    self as dia, AllocationRetentionPriority, ApnConfiguration, ApnConfigurationProfile,
    AuthenticationInfo, EpsSubscribedQosProfile, RequestedEutranAuthenticationInfo,
    SubscriptionData,
};
use crate::codec::gtpv2c::{
    self as gtp, BearerContextCreated, Body, Cause as GtpCause, CreateSessionRequest,
    CreateSessionResponse, DeleteSessionResponse, Fteid, InterfaceType, ModifyBearerResponse, Paa,
};
use crate::codec::nas::emm::{
    AttachComplete, AttachRequest, AuthenticationFailure, AuthenticationResponse,
    DetachRequestUeOriginating, SecurityModeComplete,
};
use crate::codec::nas::esm::{
    ActivateDefaultEpsBearerContextAccept, DeactivateEpsBearerContextAccept, EsmBody, EsmMessage,
    PdnConnectivityRequest, PdnDisconnectRequest,
};
use crate::codec::nas::ie::{
    Apn, Auts, DetachType, EmmCause, EpsAttachType, EpsMobileIdentity, EsmCause, Guti,
    MobileIdentity, NasKsi, PdnAddress, PdnType, RequestType, Res, SecurityHeaderType,
    UeDetachKind, UeNetworkCapability, UnknownMessage,
};
use crate::codec::nas::{self, Direction as NasDir, EmmMessage, NasMessage, Pco};
use crate::codec::s1ap::{
    Cause as S1Cause, Ecgi, EnbId, EnbUeS1apId, ErabCause, ErabSetupItem, ErabSetupResponse,
    GlobalEnbId, InitialContextSetupResponse, InitialUeMessage, S1SetupRequest, S1apMessage,
    SupportedTa, Tai, TransportAddress, UeContextReleaseComplete, UeS1apIds, UplinkNasTransport,
};
use crate::crypto::auth::{AutnOutcome, EutranVector, UsimSqn, recover_sqn_ms};
use crate::crypto::kdf::{SnId, kasme, kenb};
use crate::crypto::milenage::Milenage;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::crypto::{Amf, Autn, Direction, K, Kasme, Opc, Rand, Sqn};
use crate::nodes::nas_security::NasSecurity;
use crate::topology::model::{EnbSpec, GatewaySpec, HssSpec, MmeSpec, NodeSpec, Topology};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;

const ENB: NodeId = NodeId(0);
const MME: NodeId = NodeId(1);
const GW: NodeId = NodeId(2);
const HSS: NodeId = NodeId(3);
const IMSI: &str = "001010000000001";
const K_HEX: &str = "465b5ce8b199b49faa5f0a2ee238a6bc";
const OPC_HEX: &str = "cd63cb71954a9f4e48a5994e37a02baf";
const REALM: &str = "epc.mnc001.mcc001.3gppnetwork.org";
const SGW_S11_TEID: u32 = 0x5000_0001;
const ENB_TEID: u32 = 0x0000_e001;

fn plmn() -> Plmn {
    Plmn::new("001", "01").unwrap()
}

fn topology(integrity: Vec<NasIntegrity>, ciphering: Vec<NasCiphering>) -> Topology {
    let node = |name: &str, last: u8, kind| NodeSpec {
        name: name.into(),
        addr: IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)),
        kind,
    };
    let ident = |h: &str| DiameterIdentity {
        host: format!("{h}.{REALM}"),
        realm: REALM.into(),
    };
    Topology {
        name: "mme-test".into(),
        source: None,
        plmn: plmn(),
        nodes: vec![
            node(
                "enb1",
                2,
                NodeKind::Enb(EnbSpec {
                    enb_id: 0x19B,
                    enb_name: "enb1".into(),
                    tac: 1,
                    cell_id: 0x19B01,
                    mme: MME,
                    refuse_second_bearer: false,
                }),
            ),
            node(
                "mme1",
                1,
                NodeKind::Mme(MmeSpec {
                    gateway: GW,
                    hss: HSS,
                    mme_name: "mme1".into(),
                    group_id: 0x8001,
                    code: 0x1a,
                    integrity,
                    ciphering,
                    tacs: vec![1],
                    relative_capacity: 10,
                    diameter: ident("mme1"),
                    t3412: Duration::from_secs(54 * 60),
                }),
            ),
            node(
                "gw1",
                3,
                NodeKind::Gateway(GatewaySpec {
                    apns: vec![],
                    ims_stack: None,
                }),
            ),
            node(
                "hss1",
                4,
                NodeKind::Hss(HssSpec {
                    db: None,
                    s6a: ident("hss1"),
                    cx: ident("hss1"),
                    amf: [0x80, 0x00],
                    listen: Default::default(),
                }),
            ),
        ],
        subscribers: vec![],
        scenario: vec![],
        latency: Duration::from_millis(1),
        seed: 42,
        show_keys: false,
    }
}

fn default_topology() -> Topology {
    topology(
        vec![NasIntegrity::Eia2],
        vec![NasCiphering::Eea2, NasCiphering::Eea0],
    )
}

fn milenage(k: &str) -> Milenage {
    Milenage::new(K::from_hex(k).unwrap(), Opc::from_hex(OPC_HEX).unwrap())
}

fn sn_id() -> SnId {
    SnId::from(&plmn())
}

/// The PCO the fake gateway answers with: P-CSCF IPv4/IPv6 and DNS.
fn gw_pco() -> Pco {
    let mut p = Pco::new();
    p.push_pcscf_ipv4(Ipv4Addr::new(10, 46, 0, 1))
        .push_pcscf_ipv6("fd00:46::1".parse().unwrap())
        .push_dns_ipv4(Ipv4Addr::new(8, 8, 8, 8));
    p
}

/// What the fake UE supports and asks for.
#[derive(Clone)]
struct UeOpts {
    k: &'static str,
    sqn_ms: u64,
    eea: u8,
    eia: u8,
    apn: Option<&'static str>,
    esm_info: bool,
}

impl Default for UeOpts {
    fn default() -> Self {
        Self {
            k: K_HEX,
            sqn_ms: 0,
            eea: 0xf0,
            eia: 0x70,
            apn: None,
            esm_info: false,
        }
    }
}

/// The test bench: the MME under test and its fake peers.
struct Bench {
    mme: Mme,
    now: Time,
    tx: VecDeque<Transmit>,
    /// Everything the MME sent, in order.
    history: Vec<Transmit>,
    notes: Vec<String>,
    hss_peer: DiameterPeer<()>,
    hss_mil: Milenage,
    hss_sqn: u64,
    ue_mil: Milenage,
    usim: UsimSqn,
    ue_opts: UeOpts,
    ue_sec: Option<NasSecurity>,
    ue_kasme: Option<Kasme>,
    enb_ue_id: EnbUeS1apId,
    mme_ue_id: Option<crate::codec::s1ap::MmeUeS1apId>,
    ue_pco: Pco,
    /// The last vector the fake HSS handed out.
    last_rand: [u8; 16],
    /// Hop-by-hop and end-to-end ids of the last S6a request.
    last_s6a: (u32, u32),
}

impl Bench {
    fn new(topo: &Topology, ue: UeOpts) -> Self {
        let mme = Mme::new(MME, topo);
        let hss_peer = DiameterPeer::new(
            LocalIdentity {
                host: format!("hss1.{REALM}"),
                realm: REALM.into(),
                ip: "127.0.0.4".parse().unwrap(),
                product: "fake-hss".into(),
                applications: vec![APP_S6A],
            },
            Role::Server,
            9,
        );
        let mut ue_pco = Pco::new();
        ue_pco
            .push_request(nas::pco::DNS_IPV4)
            .push_request(nas::pco::PCSCF_IPV4);
        Self {
            mme,
            now: Time::ZERO,
            tx: VecDeque::new(),
            history: Vec::new(),
            notes: Vec::new(),
            hss_peer,
            hss_mil: milenage(K_HEX),
            hss_sqn: 0x20,
            ue_mil: milenage(ue.k),
            usim: UsimSqn::new(Sqn::new(ue.sqn_ms).unwrap()),
            ue_opts: ue,
            ue_sec: None,
            ue_kasme: None,
            enb_ue_id: EnbUeS1apId(7),
            mme_ue_id: None,
            ue_pco,
            last_rand: [0; 16],
            last_s6a: (0, 0),
        }
    }

    /// Runs one input through the MME and collects what it emits.
    fn feed(&mut self, input: Input) {
        self.mme.handle(self.now, input);
        while let Some(o) = self.mme.poll_output() {
            match o {
                Output::Transmit(t) => {
                    self.history.push(t.clone());
                    self.tx.push_back(t);
                }
                Output::Event(NodeEvent::Note { text, .. }) => self.notes.push(text),
                Output::Event(_) => {}
            }
        }
    }

    fn recv(&mut self, iface: Iface, from: NodeId, bytes: Vec<u8>) {
        self.feed(Input::Receive {
            iface,
            from,
            bytes: bytes.into(),
        });
    }

    /// Fires every timer up to `t`.
    fn advance_to(&mut self, t: Time) {
        while let Some(due) = self.mme.poll_timeout().filter(|d| *d <= t) {
            self.now = due.max(self.now);
            self.feed(Input::Timeout);
        }
        self.now = t;
    }

    fn next(&mut self) -> Transmit {
        self.tx
            .pop_front()
            .unwrap_or_else(|| panic!("the MME sent nothing; notes: {:#?}", self.notes))
    }

    fn assert_silent(&self) {
        assert!(
            self.tx.is_empty(),
            "unexpected transmissions: {:?}",
            self.tx.iter().map(|t| t.iface).collect::<Vec<_>>()
        );
    }

    fn noted(&self, needle: &str) -> bool {
        self.notes.iter().any(|n| n.contains(needle))
    }

    fn expect_s1ap(&mut self) -> S1apMessage {
        let t = self.next();
        assert_eq!((t.iface, t.to), (Iface::S1Mme, ENB), "{t:?}");
        S1apMessage::decode(&t.bytes).unwrap()
    }

    fn expect_s6a(&mut self) -> dia::Message {
        let t = self.next();
        assert_eq!((t.iface, t.to), (Iface::S6a, HSS), "{t:?}");
        let m = dia::Message::decode(&t.bytes).unwrap();
        self.last_s6a = (m.header.hop_by_hop, m.header.end_to_end);
        m
    }

    fn expect_s11(&mut self) -> gtp::Message {
        let t = self.next();
        assert_eq!((t.iface, t.to), (Iface::S11, GW), "{t:?}");
        assert_eq!(
            t.imsi,
            Some(1_010_000_000_001),
            "S11 messages carry the IMSI"
        );
        gtp::Message::decode(&t.bytes).unwrap()
    }

    /// The NAS PDU of the next S1AP message, decoded by the UE: the MAC of a
    /// protected one is checked with the UE's context.
    fn expect_nas(&mut self) -> (S1apMessage, NasMessage) {
        let s1 = self.expect_s1ap();
        let pdu = s1.nas_pdu().expect("S1AP message without NAS").to_vec();
        if let S1apMessage::DownlinkNasTransport(d) = &s1 {
            self.mme_ue_id = Some(d.mme_ue_id);
            assert_eq!(d.enb_ue_id, self.enb_ue_id);
        }
        let nas = self.ue_read(&pdu);
        (s1, nas)
    }

    /// The UE reads a downlink NAS PDU.
    fn ue_read(&mut self, pdu: &[u8]) -> NasMessage {
        match nas::decode_for(pdu, NasDir::Downlink).unwrap() {
            NasMessage::Protected(p) => {
                let sec = self
                    .ue_sec
                    .as_mut()
                    .expect("protected NAS but the UE has no context");
                let inner = sec
                    .unprotect(&p)
                    .expect("downlink MAC must verify at the UE");
                nas::decode_for(&inner, NasDir::Downlink).unwrap()
            }
            m => m,
        }
    }

    fn expect_emm(&mut self) -> EmmMessage {
        match self.expect_nas().1 {
            NasMessage::Emm(m) => m,
            other => panic!("expected EMM, got {other:?}"),
        }
    }

    // -- eNB ---------------------------------------------------------------

    fn start(&mut self) {
        assert_eq!(self.mme.poll_timeout(), Some(Time::ZERO));
        self.feed(Input::Timeout);
        let cer = self.expect_s6a();
        assert_eq!(
            (cer.header.command, cer.is_request()),
            (257, true),
            "CER first"
        );
        let Ok(crate::nodes::diameter_peer::Received::Base { replies }) =
            self.hss_peer.receive(self.now, &cer.encode())
        else {
            panic!("CER not handled by the fake HSS")
        };
        for r in replies {
            self.recv(Iface::S6a, HSS, r);
        }
        self.assert_silent();
    }

    fn s1_setup(&mut self, plmn: Plmn) -> S1apMessage {
        self.s1_setup_with_tac(plmn, 1)
    }

    fn s1_setup_with_tac(&mut self, plmn: Plmn, tac: u16) -> S1apMessage {
        let req = S1apMessage::S1SetupRequest(S1SetupRequest {
            global_enb_id: GlobalEnbId {
                plmn,
                enb_id: EnbId::Macro(0x19B),
            },
            enb_name: Some("enb1".into()),
            supported_tas: vec![SupportedTa {
                tac,
                plmns: vec![plmn],
            }],
            default_paging_drx: 1,
        });
        self.recv(Iface::S1Mme, ENB, req.encode().unwrap());
        let t = self.next();
        assert_eq!(t.stream, 0, "non-UE-associated signalling on stream 0");
        S1apMessage::decode(&t.bytes).unwrap()
    }

    fn tai(&self) -> Tai {
        Tai {
            plmn: plmn(),
            tac: 1,
        }
    }

    fn ecgi(&self) -> Ecgi {
        Ecgi {
            plmn: plmn(),
            cell_id: 0x19B01,
        }
    }

    fn initial_ue(&mut self, nas: Vec<u8>) {
        let m = S1apMessage::InitialUeMessage(InitialUeMessage {
            enb_ue_id: self.enb_ue_id,
            nas_pdu: nas,
            tai: self.tai(),
            ecgi: self.ecgi(),
            rrc_cause: 3,
            s_tmsi: None,
            gummei: None,
        });
        self.recv(Iface::S1Mme, ENB, m.encode().unwrap());
    }

    fn uplink(&mut self, nas: Vec<u8>) {
        let m = S1apMessage::UplinkNasTransport(UplinkNasTransport {
            mme_ue_id: self.mme_ue_id.expect("no MME UE S1AP ID yet"),
            enb_ue_id: self.enb_ue_id,
            nas_pdu: nas,
            ecgi: self.ecgi(),
            tai: self.tai(),
        });
        self.recv(Iface::S1Mme, ENB, m.encode().unwrap());
    }

    /// The UE protects a message with its current context (type 2).
    fn ue_protect(&mut self, m: &NasMessage, header: SecurityHeaderType) -> Vec<u8> {
        self.ue_sec
            .as_mut()
            .expect("UE has no context")
            .protect(&m.encode(), header)
            .unwrap()
    }

    fn ue_send(&mut self, m: NasMessage) {
        let wire = self.ue_protect(&m, SecurityHeaderType::IntegrityProtectedCiphered);
        self.uplink(wire);
    }

    // -- UE ----------------------------------------------------------------

    fn attach_request(&self, identity: EpsMobileIdentity) -> NasMessage {
        let o = &self.ue_opts;
        NasMessage::Emm(EmmMessage::AttachRequest(AttachRequest {
            eps_attach_type: EpsAttachType::EpsAttach,
            nas_ksi: NasKsi::NO_KEY,
            eps_mobile_identity: identity,
            ue_network_capability: UeNetworkCapability {
                eea: o.eea,
                eia: o.eia,
                rest: vec![0xc0, 0xc0],
            },
            esm_message_container: EsmMessage::new(
                0,
                1,
                PdnConnectivityRequest {
                    request_type: RequestType::InitialRequest,
                    pdn_type: PdnType::Ipv4v6,
                    esm_info_transfer_flag: o
                        .esm_info
                        .then_some(crate::codec::nas::ie::EsmInfoTransferFlag::Required),
                    apn: if o.esm_info {
                        None
                    } else {
                        o.apn.map(Apn::new)
                    },
                    pco: if o.esm_info {
                        None
                    } else {
                        Some(self.ue_pco.clone())
                    },
                    epco: None,
                    other_ies: vec![],
                },
            ),
            additional_guti: None,
            last_visited_tai: None,
            voice_domain_preference: None,
            old_guti_type: None,
            other_ies: vec![],
        }))
    }

    /// Attach Request with the IMSI; returns the AIR the MME sends.
    fn send_attach(&mut self) -> dia::Air {
        let ar = self.attach_request(EpsMobileIdentity::Imsi(IMSI.into()));
        self.initial_ue(ar.encode());
        let air = self.expect_s6a();
        dia::Air::from_message(&air).unwrap()
    }

    /// Sends a Diameter answer with the ids of the last S6a request.
    fn answer_s6a(&mut self, mut answer: dia::Message) {
        (answer.header.hop_by_hop, answer.header.end_to_end) = self.last_s6a;
        self.recv(Iface::S6a, HSS, answer.encode());
    }

    /// The fake HSS answers an AIR with one vector, resynchronising first
    /// when the AIR carries RAND || AUTS (TS 33.102 6.3.5). Returns the
    /// Authentication Request the MME then sends, checked against the vector.
    fn answer_air(&mut self, air: &dia::Air) -> crate::codec::nas::emm::AuthenticationRequest {
        if let Some((rand, auts)) = air
            .requested_eutran_authentication_info
            .as_ref()
            .and_then(RequestedEutranAuthenticationInfo::rand_auts)
        {
            let sqn_ms = recover_sqn_ms(
                &self.hss_mil,
                &Rand::new(rand),
                &crate::crypto::Auts::new(auts),
            )
            .expect("AUTS MAC-S must verify at the HSS");
            self.hss_sqn = sqn_ms.value() + 1;
        }
        let mut rand = [0x5au8; 16];
        rand[15] = self.hss_sqn as u8;
        self.last_rand = rand;
        let v = EutranVector::generate(
            &self.hss_mil,
            Rand::new(rand),
            Sqn::new(self.hss_sqn).unwrap(),
            Amf::new([0x80, 0x00]),
            &sn_id(),
        );
        self.hss_sqn += 1;
        let aia = dia::Aia {
            session_id: air.session_id.clone(),
            result_code: Some(2001),
            auth_session_state: Some(dia::AuthSessionState::NoStateMaintained),
            origin_host: format!("hss1.{REALM}"),
            origin_realm: REALM.into(),
            authentication_info: Some(AuthenticationInfo {
                eutran_vectors: vec![dia::EutranVector {
                    rand: *v.rand.as_bytes(),
                    xres: v.xres.as_bytes().to_vec(),
                    autn: *v.autn.as_bytes(),
                    kasme: *v.kasme.as_bytes(),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        };
        self.answer_s6a(aia.to_message(0, 0));
        match self.expect_emm() {
            EmmMessage::AuthenticationRequest(r) => {
                assert_eq!(r.rand.0, *v.rand.as_bytes(), "RAND of the vector");
                assert_eq!(r.autn.0, *v.autn.as_bytes(), "AUTN of the vector");
                r
            }
            other => panic!("expected Authentication Request, got {other:?}"),
        }
    }

    /// The USIM checks AUTN.
    fn ue_check(&mut self, r: &crate::codec::nas::emm::AuthenticationRequest) -> AutnOutcome {
        self.usim
            .check_autn(&self.ue_mil, &Rand::new(r.rand.0), &Autn::new(r.autn.0))
    }

    /// The UE accepts the challenge: derives KASME and answers RES.
    fn ue_authenticate(&mut self, r: &crate::codec::nas::emm::AuthenticationRequest) {
        let AutnOutcome::Ok { res, ck, ik, .. } = self.ue_check(r) else {
            panic!("the USIM refused AUTN")
        };
        self.ue_kasme = Some(kasme(
            &ck,
            &ik,
            &sn_id(),
            &Autn::new(r.autn.0).concealed_sqn(),
        ));
        self.send_auth_response(res.as_bytes());
    }

    fn send_auth_response(&mut self, res: &[u8]) {
        let m = NasMessage::Emm(EmmMessage::AuthenticationResponse(AuthenticationResponse {
            res: Res(res.to_vec()),
            other_ies: vec![],
        }));
        self.uplink(m.encode());
    }

    /// The Security Mode Command: header type 3, MAC verified by a UE-side
    /// context built from the UE's own KASME and the selected algorithms.
    fn expect_smc(&mut self) -> crate::codec::nas::emm::SecurityModeCommand {
        let s1 = self.expect_s1ap();
        let S1apMessage::DownlinkNasTransport(d) = s1 else {
            panic!("expected Downlink NAS Transport, got {s1:?}")
        };
        let NasMessage::Protected(p) = nas::decode_for(&d.nas_pdu, NasDir::Downlink).unwrap()
        else {
            panic!("SMC must be protected")
        };
        assert_eq!(
            p.header_type,
            SecurityHeaderType::IntegrityProtectedNewContext,
            "header type 3"
        );
        assert_eq!(p.seq, 0, "downlink NAS COUNT starts at 0");
        let NasMessage::Emm(EmmMessage::SecurityModeCommand(smc)) =
            p.inner_plain_for(NasDir::Downlink).unwrap()
        else {
            panic!("not a Security Mode Command")
        };
        let int = NasIntegrity::from_id(smc.selected_algorithms.integrity.0).unwrap();
        let enc = NasCiphering::from_id(smc.selected_algorithms.ciphering.0).unwrap();
        let mut sec = NasSecurity::new(
            self.ue_kasme.clone().expect("UE has no KASME"),
            smc.nas_ksi.value,
            int,
            enc,
            Direction::Uplink,
        );
        sec.unprotect(&p)
            .expect("SMC MAC verifies with the UE's KASME");
        self.ue_sec = Some(sec);
        smc
    }

    fn smc_complete(&mut self) -> Vec<u8> {
        let m = NasMessage::Emm(EmmMessage::SecurityModeComplete(SecurityModeComplete {
            imeisv: Some(MobileIdentity::ImeiSv("3534900698733190".into())),
            other_ies: vec![],
        }));
        self.ue_protect(&m, SecurityHeaderType::IntegrityProtectedCipheredNewContext)
    }

    /// The fake HSS's ULA with the given APNs (name, QCI); the first is the
    /// default.
    fn answer_ulr(&mut self, ulr: &dia::Ulr, apns: &[(&str, u32)]) {
        let configs = apns
            .iter()
            .enumerate()
            .map(|(i, (apn, qci))| ApnConfiguration {
                context_identifier: i as u32 + 1,
                pdn_type: dia::PdnType::Ipv4v6,
                service_selection: (*apn).into(),
                eps_subscribed_qos_profile: Some(EpsSubscribedQosProfile {
                    qos_class_identifier: *qci,
                    allocation_retention_priority: AllocationRetentionPriority {
                        priority_level: if *qci == 5 { 2 } else { 8 },
                        pre_emption_capability: Some(dia::PreemptionCapability::Disabled),
                        pre_emption_vulnerability: Some(dia::PreemptionVulnerability::Enabled),
                        ..Default::default()
                    },
                    ..Default::default()
                }),
                ambr: Some(dia::Ambr::new(10_000_000, 20_000_000)),
                ..Default::default()
            })
            .collect();
        let ula = dia::Ula {
            session_id: ulr.session_id.clone(),
            result_code: Some(2001),
            auth_session_state: Some(dia::AuthSessionState::NoStateMaintained),
            origin_host: format!("hss1.{REALM}"),
            origin_realm: REALM.into(),
            ula_flags: Some(1),
            subscription_data: Some(SubscriptionData {
                msisdn: dia::tbcd_encode("15550001"),
                ambr: Some(dia::Ambr::new(50_000_000, 100_000_000)),
                apn_configuration_profile: Some(ApnConfigurationProfile {
                    context_identifier: 1,
                    all_apn_configurations_included_indicator:
                        dia::AllApnConfigurationsIncludedIndicator::AllApnConfigurationsIncluded,
                    apn_configurations: configs,
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        };
        self.answer_s6a(ula.to_message(0, 0));
    }

    fn expect_csr(&mut self) -> (gtp::Message, CreateSessionRequest) {
        let m = self.expect_s11();
        let Body::CreateSessionRequest(r) = m.body.clone() else {
            panic!("expected Create Session Request, got {}", m.summary())
        };
        (m, r)
    }

    /// The fake gateway accepts a Create Session Request.
    fn answer_csr(&mut self, csr: &gtp::Message, paa: Paa, pco: Option<Pco>) {
        let Body::CreateSessionRequest(r) = &csr.body else {
            panic!("not a CSR")
        };
        let mme = r.sender_fteid.unwrap();
        let ebi = r.bearer_contexts[0].ebi.unwrap();
        let gw = Ipv4Addr::new(127, 0, 0, 3);
        let rsp = CreateSessionResponse {
            cause: Some(GtpCause::new(16)),
            sender_fteid: Some(Fteid::v4(InterfaceType::S11_SGW, SGW_S11_TEID, gw)),
            pgw_s5s8_fteid: Some(Fteid::v4(
                InterfaceType::S5S8_PGW_GTPC,
                0x7000 + u32::from(ebi.0),
                gw,
            )),
            paa: Some(paa),
            apn_ambr: Some(gtp::Ambr {
                uplink: 10_000,
                downlink: 20_000,
            }),
            pco: pco.and_then(|p| gtp::Pco::decode(&p.encode()).ok()),
            bearer_contexts: vec![BearerContextCreated {
                ebi: Some(ebi),
                cause: Some(GtpCause::new(16)),
                s1u_sgw_fteid: Some(Fteid::v4(
                    InterfaceType::S1U_SGW,
                    0x6000 + u32::from(ebi.0),
                    gw,
                )),
                ..Default::default()
            }],
            ..Default::default()
        };
        let bytes = gtp::Message::new(Some(mme.teid), csr.seq, rsp).encode();
        self.recv(Iface::S11, GW, bytes);
    }

    fn expect_mbr(&mut self) -> (gtp::Message, gtp::ModifyBearerRequest) {
        let m = self.expect_s11();
        let Body::ModifyBearerRequest(r) = m.body.clone() else {
            panic!("expected Modify Bearer Request, got {}", m.summary())
        };
        (m, r)
    }

    fn answer_mbr(&mut self, mbr: &gtp::Message) {
        let rsp = ModifyBearerResponse {
            cause: Some(GtpCause::new(16)),
            ..Default::default()
        };
        let teid = self.mme_s11_teid();
        self.recv(
            Iface::S11,
            GW,
            gtp::Message::new(Some(teid), mbr.seq, rsp).encode(),
        );
    }

    fn answer_dsr(&mut self, dsr: &gtp::Message) {
        let rsp = DeleteSessionResponse {
            cause: Some(GtpCause::new(16)),
            ..Default::default()
        };
        let teid = self.mme_s11_teid();
        self.recv(
            Iface::S11,
            GW,
            gtp::Message::new(Some(teid), dsr.seq, rsp).encode(),
        );
    }

    fn mme_s11_teid(&self) -> u32 {
        self.mme
            .by_imsi
            .get(&1_010_000_000_001)
            .map_or(0, |id| id.s11_teid())
    }

    fn ics_response(&mut self, ebi: u8) {
        let m = S1apMessage::InitialContextSetupResponse(InitialContextSetupResponse {
            mme_ue_id: self.mme_ue_id.unwrap(),
            enb_ue_id: self.enb_ue_id,
            setup: vec![ErabSetupItem {
                erab_id: ebi,
                transport: TransportAddress::from(Ipv4Addr::new(127, 0, 0, 2)),
                teid: ENB_TEID,
            }],
            failed: vec![],
        });
        self.recv(Iface::S1Mme, ENB, m.encode().unwrap());
    }

    fn attach_complete(&mut self) -> Vec<u8> {
        let m = NasMessage::Emm(EmmMessage::AttachComplete(AttachComplete {
            esm_message_container: EsmMessage::new(
                5,
                0,
                ActivateDefaultEpsBearerContextAccept {
                    pco: None,
                    epco: None,
                    other_ies: vec![],
                },
            ),
            other_ies: vec![],
        }));
        self.ue_protect(&m, SecurityHeaderType::IntegrityProtectedCiphered)
    }

    fn dual_paa(last: u8) -> Paa {
        Paa::Ipv4v6 {
            prefix_len: 64,
            ipv6: Ipv6Addr::new(0xfd00, 0x46, 0, 0, 0, 0, 0, u16::from(last)),
            ipv4: Ipv4Addr::new(10, 45, 0, last),
        }
    }

    /// S1 Setup, then an Attach Request whose AIR the HSS answers; returns
    /// the Authentication Request the MME sent.
    fn attach_until_auth(&mut self) -> crate::codec::nas::emm::AuthenticationRequest {
        self.start();
        assert!(matches!(
            self.s1_setup(plmn()),
            S1apMessage::S1SetupResponse(_)
        ));
        let air = self.send_attach();
        self.answer_air(&air)
    }

    /// [`Self::attach_until_auth`], then the UE authenticates; returns the
    /// Security Mode Command.
    fn attach_until_smc(&mut self) -> crate::codec::nas::emm::SecurityModeCommand {
        let auth = self.attach_until_auth();
        self.ue_authenticate(&auth);
        self.expect_smc()
    }

    /// The UE completes the Security Mode procedure, and the HSS answers the
    /// ULR with these APNs (name, context id).
    fn secure_and_subscribe(&mut self, apns: &[(&str, u32)]) {
        let done = self.smc_complete();
        self.uplink(done);
        let ulr = dia::Ulr::from_message(&self.expect_s6a()).unwrap();
        self.answer_ulr(&ulr, apns);
    }

    /// Runs the whole attach with the default APN "internet" (subscribed
    /// with "ims"); returns the Attach Accept.
    fn attach(&mut self) -> crate::codec::nas::emm::AttachAccept {
        self.attach_until_smc();
        self.secure_and_subscribe(&[("internet", 9), ("ims", 5)]);
        let (csr, _) = self.expect_csr();
        self.answer_csr(&csr, Self::dual_paa(2), Some(gw_pco()));
        let (_, nas) = self.expect_nas();
        let NasMessage::Emm(EmmMessage::AttachAccept(accept)) = nas else {
            panic!("expected Attach Accept in the ICS, got {nas:?}")
        };
        self.ics_response(5);
        let ac = self.attach_complete();
        self.uplink(ac);
        let (mbr, _) = self.expect_mbr();
        self.answer_mbr(&mbr);
        assert_eq!(self.mme.emm_state(IMSI), Some("EMM-REGISTERED"));
        accept
    }

    fn pdn_request(&mut self, pti: u8, apn: &str) {
        let m = NasMessage::Esm(EsmMessage::new(
            0,
            pti,
            PdnConnectivityRequest {
                request_type: RequestType::InitialRequest,
                pdn_type: PdnType::Ipv4v6,
                esm_info_transfer_flag: None,
                apn: Some(Apn::new(apn)),
                pco: Some(Pco::ims_request()),
                epco: None,
                other_ies: vec![],
            },
        ));
        self.ue_send(m);
    }

    fn erab_setup_response(&mut self, ebi: u8, refuse: bool) {
        let (setup, failed) = if refuse {
            (
                vec![],
                vec![ErabCause {
                    erab_id: ebi,
                    cause: S1Cause::RadioNetwork(
                        crate::codec::s1ap::asn::CauseRadioNetwork::RADIO_RESOURCES_NOT_AVAILABLE,
                    ),
                }],
            )
        } else {
            (
                vec![ErabSetupItem {
                    erab_id: ebi,
                    transport: TransportAddress::from(Ipv4Addr::new(127, 0, 0, 2)),
                    teid: ENB_TEID + u32::from(ebi),
                }],
                vec![],
            )
        };
        let m = S1apMessage::ErabSetupResponse(ErabSetupResponse {
            mme_ue_id: self.mme_ue_id.unwrap(),
            enb_ue_id: self.enb_ue_id,
            setup,
            failed,
        });
        self.recv(Iface::S1Mme, ENB, m.encode().unwrap());
    }

    /// Opens the ims PDN after the attach.
    fn open_ims(&mut self) {
        self.pdn_request(2, "ims");
        let (csr, _) = self.expect_csr();
        self.answer_csr(&csr, Self::dual_paa(3), Some(gw_pco()));
        let _ = self.expect_nas();
        self.erab_setup_response(6, false);
        self.ue_send(NasMessage::Esm(EsmMessage::new(
            6,
            0,
            ActivateDefaultEpsBearerContextAccept {
                pco: None,
                epco: None,
                other_ies: vec![],
            },
        )));
        let (mbr, _) = self.expect_mbr();
        self.answer_mbr(&mbr);
    }

    fn release_complete(&mut self) {
        let m = S1apMessage::UeContextReleaseComplete(UeContextReleaseComplete {
            mme_ue_id: self.mme_ue_id.unwrap(),
            enb_ue_id: self.enb_ue_id,
        });
        self.recv(Iface::S1Mme, ENB, m.encode().unwrap());
    }

    fn expect_release_command(&mut self) -> S1Cause {
        match self.expect_s1ap() {
            S1apMessage::UeContextReleaseCommand(c) => {
                assert_eq!(
                    c.ids,
                    UeS1apIds::Pair(self.mme_ue_id.unwrap(), self.enb_ue_id)
                );
                c.cause
            }
            other => panic!("expected UE Context Release Command, got {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Happy path: attach + ims PDN, every message checked

#[test]
fn mme_attaches_ue_and_opens_ims_pdn_with_checked_messages() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();

    // S1 Setup.
    let S1apMessage::S1SetupResponse(rsp) = b.s1_setup(plmn()) else {
        panic!("S1 Setup refused")
    };
    assert_eq!(rsp.mme_name.as_deref(), Some("mme1"));
    assert_eq!(rsp.served_gummeis[0].plmns, vec![plmn()]);
    assert_eq!(rsp.served_gummeis[0].group_ids, vec![0x8001]);
    assert_eq!(rsp.served_gummeis[0].codes, vec![0x1a]);
    assert_eq!(rsp.relative_capacity, 10);
    assert_eq!(b.mme.enb_count(), 1);

    // Attach Request -> AIR.
    let air = b.send_attach();
    assert_eq!(air.user_name, IMSI);
    assert_eq!(air.visited_plmn_id, [0x00, 0xf1, 0x10]);
    assert_eq!(air.destination_realm, REALM);
    assert_eq!(air.origin_host, format!("mme1.{REALM}"));
    let info = air.requested_eutran_authentication_info.clone().unwrap();
    assert_eq!(info.number_of_requested_vectors, Some(1));
    assert_eq!(info.re_synchronization_info, None);
    assert_eq!(b.mme.counter("attach_attempts"), 1);

    // AIA -> Authentication Request (RAND/AUTN checked in answer_air).
    let auth = b.answer_air(&air);
    assert_eq!(auth.nas_ksi, NasKsi::native(0));
    b.ue_authenticate(&auth);

    // Security Mode Command.
    let smc = b.expect_smc();
    assert_eq!(smc.selected_algorithms.integrity.0, 2, "EIA2");
    assert_eq!(smc.selected_algorithms.ciphering.0, 2, "EEA2");
    let r = &smc.replayed_ue_security_capabilities;
    assert_eq!(
        (r.eea, r.eia, r.rest.as_slice()),
        (0xf0, 0x70, &[0xc0, 0x40][..])
    );
    assert_eq!(
        smc.imeisv_request,
        Some(crate::codec::nas::ie::ImeisvRequest::Requested)
    );

    // Security Mode Complete -> ULR.
    let done = b.smc_complete();
    b.uplink(done);
    let ulr = dia::Ulr::from_message(&b.expect_s6a()).unwrap();
    assert_eq!(ulr.user_name, IMSI);
    assert_eq!(ulr.rat_type, dia::RatType::Eutran);
    assert_eq!(
        ulr.ulr_flags,
        dia::ulr_flags::S6A_S6D_INDICATOR | dia::ulr_flags::INITIAL_ATTACH_INDICATOR
    );
    assert_eq!(ulr.visited_plmn_id, [0x00, 0xf1, 0x10]);
    let term = ulr.terminal_information.clone().unwrap();
    assert_eq!(term.imei.as_deref(), Some("35349006987331"));
    assert_eq!(term.software_version.as_deref(), Some("90"));

    // ULA -> Create Session Request (default APN internet).
    b.answer_ulr(&ulr, &[("internet", 9), ("ims", 5)]);
    let (csr_msg, csr) = b.expect_csr();
    assert_eq!(csr_msg.teid, Some(0), "first CSR opens the S11 tunnel");
    assert_eq!(csr.imsi.as_ref().unwrap().as_str(), IMSI);
    assert_eq!(csr.msisdn.as_ref().unwrap().as_str(), "15550001");
    assert_eq!(csr.mei.as_ref().unwrap().as_str(), "3534900698733190");
    let uli = csr.uli.clone().unwrap();
    assert_eq!(uli.tai.unwrap().tac, 1);
    assert_eq!(uli.ecgi.unwrap().eci, 0x19B01);
    assert_eq!(csr.serving_network.unwrap().mnc(), "01");
    assert_eq!(csr.rat_type, Some(gtp::RatType::EUTRAN));
    let s11 = csr.sender_fteid.unwrap();
    assert_eq!(s11.interface, InterfaceType::S11_MME);
    assert_eq!(s11.ipv4, Some(Ipv4Addr::new(127, 0, 0, 1)));
    assert_ne!(s11.teid, 0);
    let pgw = csr.pgw_s5s8_fteid.unwrap();
    assert_eq!(pgw.interface, InterfaceType::S5S8_PGW_GTPC);
    assert_eq!(
        pgw.ipv4,
        Some(Ipv4Addr::new(127, 0, 0, 3)),
        "gateway address"
    );
    assert_eq!(csr.apn.as_ref().unwrap().as_str(), "internet");
    assert_eq!(csr.selection_mode, Some(gtp::SelectionMode::VERIFIED));
    assert_eq!(csr.pdn_type, Some(gtp::PdnType::IPV4V6));
    assert!(matches!(csr.paa, Some(Paa::Ipv4v6 { .. })));
    assert_eq!(
        csr.apn_ambr,
        Some(gtp::Ambr {
            uplink: 10_000,
            downlink: 20_000
        })
    );
    let bc = &csr.bearer_contexts[0];
    assert_eq!(bc.ebi, Some(gtp::Ebi(5)));
    let qos = bc.bearer_qos.unwrap();
    assert_eq!((qos.qci, qos.pl, qos.pci, qos.pvi), (9, 8, true, false));
    assert_eq!(
        csr.pco.as_ref().unwrap().encode(),
        b.ue_pco.encode(),
        "the UE's PCO is forwarded as is"
    );

    // CSR accepted -> Initial Context Setup with the Attach Accept.
    b.answer_csr(&csr_msg, Bench::dual_paa(2), Some(gw_pco()));
    let (s1, nas) = b.expect_nas();
    let S1apMessage::InitialContextSetupRequest(ics) = s1 else {
        panic!("expected ICS")
    };
    b.mme_ue_id = Some(ics.mme_ue_id);
    let count = b.ue_sec.as_ref().unwrap().uplink_count();
    assert_eq!(count, 0, "the Security Mode Complete had COUNT 0");
    assert_eq!(
        ics.security_key,
        *kenb(b.ue_kasme.as_ref().unwrap(), count).as_bytes(),
        "KeNB = KDF(KASME, uplink NAS COUNT)"
    );
    assert_eq!((ics.ue_ambr.ul, ics.ue_ambr.dl), (50_000_000, 100_000_000));
    assert_eq!(ics.security_capabilities.eea, 0xe000);
    assert_eq!(ics.security_capabilities.eia, 0xe000);
    let erab = &ics.erabs[0];
    assert_eq!((erab.erab_id, erab.qos.qci, erab.teid), (5, 9, 0x6005));
    assert_eq!(erab.transport.ipv4, Some(Ipv4Addr::new(127, 0, 0, 3)));
    let NasMessage::Emm(EmmMessage::AttachAccept(accept)) = nas else {
        panic!("expected Attach Accept, got {nas:?}")
    };
    assert_eq!(
        accept.eps_attach_result,
        crate::codec::nas::ie::EpsAttachResult::EpsOnly
    );
    assert_eq!(accept.t3412.seconds(), Some(54 * 60));
    let tais = accept.tai_list.tais();
    assert_eq!(tais.len(), 1);
    assert_eq!(
        (tais[0].plmn.to_bytes(), tais[0].tac),
        ([0x00, 0xf1, 0x10], 1)
    );
    let guti: Guti = accept.guti.unwrap();
    assert_eq!((guti.mme_group_id, guti.mme_code), (0x8001, 0x1a));
    assert_ne!(guti.m_tmsi, 0);
    let esm = &accept.esm_message_container;
    assert_eq!((esm.ebi, esm.pti), (5, 1));
    let EsmBody::ActivateDefaultEpsBearerContextRequest(act) = &esm.body else {
        panic!("expected Activate Default EPS Bearer Context Request")
    };
    assert_eq!(act.eps_qos.qci, 9);
    assert_eq!(act.apn.as_str(), "internet");
    assert_eq!(
        act.pdn_address,
        PdnAddress::Ipv4v6 {
            iid: [0, 0, 0, 0, 0, 0, 0, 2],
            ipv4: Ipv4Addr::new(10, 45, 0, 2)
        }
    );
    assert_eq!(act.esm_cause, None);
    let ambr = act.apn_ambr.unwrap();
    assert_eq!((ambr.uplink_kbps(), ambr.downlink_kbps()), (10_000, 20_000));
    let pco = act.pco.as_ref().unwrap();
    assert_eq!(
        pco.encode(),
        gw_pco().encode(),
        "the gateway's PCO verbatim"
    );
    assert_eq!(pco.pcscf_ipv4(), vec![Ipv4Addr::new(10, 46, 0, 1)]);
    assert_eq!(
        pco.pcscf_ipv6(),
        vec!["fd00:46::1".parse::<Ipv6Addr>().unwrap()]
    );

    // ICS Response alone does not modify the bearer: the UE must answer too.
    b.ics_response(5);
    b.assert_silent();
    assert_eq!(
        b.mme.emm_state(IMSI),
        Some("EMM-COMMON-PROCEDURE-INITIATED")
    );
    let ac = b.attach_complete();
    b.uplink(ac);
    assert_eq!(b.mme.emm_state(IMSI), Some("EMM-REGISTERED"));
    assert_eq!(b.mme.counter("attach_success"), 1);
    let (mbr_msg, mbr) = b.expect_mbr();
    assert_eq!(mbr_msg.teid, Some(SGW_S11_TEID));
    let m = &mbr.bearer_contexts[0];
    assert_eq!(m.ebi, Some(gtp::Ebi(5)));
    let enb = m.s1u_enb_fteid.unwrap();
    assert_eq!(enb.interface, InterfaceType::S1U_ENB);
    assert_eq!(enb.teid, ENB_TEID);
    assert_eq!(enb.ipv4, Some(Ipv4Addr::new(127, 0, 0, 2)));
    b.answer_mbr(&mbr_msg);
    assert_eq!(b.mme.counter("pdn_active"), 1);
    assert_eq!(b.mme.active_pdns(IMSI), vec![(5, "internet".to_string())]);

    // UE-requested PDN connectivity for ims.
    b.pdn_request(2, "ims");
    let (csr_msg, csr) = b.expect_csr();
    assert_eq!(csr_msg.teid, Some(SGW_S11_TEID), "same S11 tunnel");
    assert_eq!(csr.apn.as_ref().unwrap().as_str(), "ims");
    assert_eq!(csr.bearer_contexts[0].ebi, Some(gtp::Ebi(6)));
    assert_eq!(csr.bearer_contexts[0].bearer_qos.unwrap().qci, 5);
    assert_eq!(
        csr.pco.as_ref().unwrap().encode(),
        Pco::ims_request().encode()
    );
    b.answer_csr(&csr_msg, Bench::dual_paa(3), Some(gw_pco()));
    let (s1, nas) = b.expect_nas();
    let S1apMessage::ErabSetupRequest(setup) = s1 else {
        panic!("expected E-RAB Setup Request")
    };
    let erab = &setup.erabs[0];
    assert_eq!(
        (erab.erab_id, erab.qos.qci, erab.qos.arp.priority_level),
        (6, 5, 2)
    );
    assert_eq!(erab.teid, 0x6006);
    let NasMessage::Esm(esm) = nas else {
        panic!("expected an ESM message in the E-RAB")
    };
    assert_eq!((esm.ebi, esm.pti), (6, 2));
    let EsmBody::ActivateDefaultEpsBearerContextRequest(act) = &esm.body else {
        panic!("expected Activate Default EPS Bearer Context Request")
    };
    assert_eq!((act.apn.as_str(), act.eps_qos.qci), ("ims", 5));
    assert_eq!(
        act.pco.as_ref().unwrap().pcscf_ipv4(),
        vec![Ipv4Addr::new(10, 46, 0, 1)]
    );
    b.erab_setup_response(6, false);
    b.assert_silent();
    b.ue_send(NasMessage::Esm(EsmMessage::new(
        6,
        0,
        ActivateDefaultEpsBearerContextAccept {
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    )));
    let (mbr_msg, mbr) = b.expect_mbr();
    let m = &mbr.bearer_contexts[0];
    assert_eq!(m.ebi, Some(gtp::Ebi(6)));
    assert_eq!(m.s1u_enb_fteid.unwrap().teid, ENB_TEID + 6);
    b.answer_mbr(&mbr_msg);
    assert_eq!(b.mme.counter("pdn_active"), 2);
    assert_eq!(
        b.mme.active_pdns(IMSI),
        vec![(5, "internet".to_string()), (6, "ims".to_string())]
    );
    assert_eq!(b.mme.counter("nas_bad_mac"), 0);
    b.assert_silent();
    // Every message about the subscriber carries its IMSI: all UE-associated
    // S1AP (stream 1), every S11 message, every S6a request but CER.
    let about_ue = b.history.iter().filter(|t| match t.iface {
        Iface::S1Mme => t.stream == 1,
        Iface::S6a => dia::Message::decode(&t.bytes).unwrap().header.command != 257,
        _ => true,
    });
    let mut n = 0;
    for t in about_ue {
        assert_eq!(t.imsi, Some(1_010_000_000_001), "{t:?}");
        n += 1;
    }
    assert_eq!(
        n, 10,
        "AIR, Auth Req, SMC, ULR, CSR, ICS, MBR, CSR, E-RAB Setup, MBR"
    );
}

// ---------------------------------------------------------------------------
// Authentication failures

#[test]
fn mme_rejects_authentication_with_wrong_res() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_auth();
    b.send_auth_response(&[0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0]);
    assert!(matches!(
        b.expect_emm(),
        EmmMessage::AuthenticationReject(_)
    ));
    assert_eq!(b.expect_release_command(), S1Cause::Nas(1));
    assert_eq!(b.mme.counter("auth_failures"), 1);
    assert!(b.noted("does not match XRES"));
    b.release_complete();
    assert_eq!(b.mme.ue_count(), 0, "the context is gone");
}

#[test]
fn mme_rejects_ue_reporting_mac_failure_with_note() {
    let ue = UeOpts {
        k: "000102030405060708090a0b0c0d0e0f",
        ..UeOpts::default()
    };
    let mut b = Bench::new(&default_topology(), ue);
    let auth = b.attach_until_auth();
    assert_eq!(b.ue_check(&auth), AutnOutcome::MacFailure);
    let f = NasMessage::Emm(EmmMessage::AuthenticationFailure(AuthenticationFailure {
        emm_cause: EmmCause::MacFailure,
        auts: None,
        other_ies: vec![],
    }));
    b.uplink(f.encode());
    assert!(matches!(
        b.expect_emm(),
        EmmMessage::AuthenticationReject(_)
    ));
    b.expect_release_command();
    assert!(
        b.noted("UE reports MAC failure: the HSS's K (or OPc) for IMSI 001010000000001 differs from the USIM's"),
        "{:?}",
        b.notes
    );
    assert_eq!(b.mme.counter("auth_failures"), 1);
}

#[test]
fn mme_resynchronises_after_synch_failure_then_challenges_again() {
    let ue = UeOpts {
        sqn_ms: 0x1000,
        ..UeOpts::default()
    };
    let mut b = Bench::new(&default_topology(), ue);
    let auth = b.attach_until_auth();
    let AutnOutcome::SynchFailure { auts } = b.ue_check(&auth) else {
        panic!("the USIM should see a stale SQN")
    };
    let f = NasMessage::Emm(EmmMessage::AuthenticationFailure(AuthenticationFailure {
        emm_cause: EmmCause::SynchFailure,
        auts: Some(Auts(*auts.as_bytes())),
        other_ies: vec![],
    }));
    b.uplink(f.encode());
    let air2 = dia::Air::from_message(&b.expect_s6a()).unwrap();
    let resync = air2
        .requested_eutran_authentication_info
        .as_ref()
        .and_then(|i| i.re_synchronization_info)
        .expect("Re-Synchronization-Info");
    assert_eq!(&resync[..16], &auth.rand.0, "RAND of the failed challenge");
    assert_eq!(&resync[16..], auts.as_bytes(), "AUTS from the UE");
    let auth2 = b.answer_air(&air2);
    assert_ne!(auth2.rand.0, auth.rand.0);
    b.ue_authenticate(&auth2);
    b.expect_smc();
    assert!(b.noted("synch failure"));
}

// ---------------------------------------------------------------------------
// NAS security checks

#[test]
fn mme_drops_uplink_with_bad_mac_without_advancing() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_smc();
    let mut done = b.smc_complete();
    done[2] ^= 0x01; // corrupt the MAC
    b.uplink(done);
    b.assert_silent();
    assert_eq!(b.mme.counter("nas_bad_mac"), 1);
    assert!(b.noted("NAS MAC check failed"), "{:?}", b.notes);
    // The UE's next Security Mode Complete (new COUNT) is accepted.
    let done = b.smc_complete();
    b.uplink(done);
    let ulr = b.expect_s6a();
    assert_eq!(ulr.header.command, 316);
}

#[test]
fn mme_drops_replayed_uplink_count() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_smc();
    let done = b.smc_complete();
    b.uplink(done.clone());
    let _ulr = b.expect_s6a();
    b.uplink(done);
    b.assert_silent();
    assert_eq!(b.mme.counter("nas_replay"), 1);
    assert!(b.noted("replayed"), "{:?}", b.notes);
}

#[test]
fn mme_drops_plain_message_once_security_is_established() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    let plain = NasMessage::Esm(EsmMessage::new(
        0,
        3,
        PdnConnectivityRequest {
            request_type: RequestType::InitialRequest,
            pdn_type: PdnType::Ipv4,
            esm_info_transfer_flag: None,
            apn: Some(Apn::new("ims")),
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    ));
    b.uplink(plain.encode());
    b.assert_silent();
    assert_eq!(b.mme.counter("nas_unprotected_dropped"), 1);
}

// ---------------------------------------------------------------------------
// Algorithms, subscription, eNB refusals

#[test]
fn mme_rejects_ue_offering_only_eia1_and_eia3_with_note() {
    let ue = UeOpts {
        eia: 0x50,
        ..UeOpts::default()
    };
    let mut b = Bench::new(&default_topology(), ue);
    let auth = b.attach_until_auth();
    b.ue_authenticate(&auth);
    match b.expect_emm() {
        EmmMessage::AttachReject(r) => {
            assert_eq!(r.emm_cause, EmmCause::UeSecurityCapabilitiesMismatch);
        }
        other => panic!("expected Attach Reject, got {other:?}"),
    }
    b.expect_release_command();
    assert!(
        b.noted("UE offers EIA1/EIA3 only; this MME implements EIA0/EIA2 (configured: 128-EIA2)"),
        "{:?}",
        b.notes
    );
}

#[test]
fn mme_selects_null_algorithms_when_configured() {
    let topo = topology(vec![NasIntegrity::Eia2], vec![NasCiphering::Eea0]);
    let mut b = Bench::new(&topo, UeOpts::default());
    let smc = b.attach_until_smc();
    assert_eq!(
        (
            smc.selected_algorithms.ciphering.0,
            smc.selected_algorithms.integrity.0
        ),
        (0, 2)
    );
}

#[test]
fn mme_rejects_unsubscribed_ims_pdn_with_cause_27() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_smc();
    b.secure_and_subscribe(&[("internet", 9)]);
    let (csr, _) = b.expect_csr();
    b.answer_csr(&csr, Bench::dual_paa(2), None);
    let _ = b.expect_nas();
    b.ics_response(5);
    let ac = b.attach_complete();
    b.uplink(ac);
    let (mbr, _) = b.expect_mbr();
    b.answer_mbr(&mbr);

    b.pdn_request(2, "ims");
    let (s1, nas) = b.expect_nas();
    assert!(matches!(s1, S1apMessage::DownlinkNasTransport(_)));
    let NasMessage::Esm(esm) = nas else {
        panic!("expected ESM")
    };
    assert_eq!((esm.ebi, esm.pti), (0, 2));
    let EsmBody::PdnConnectivityReject(r) = esm.body else {
        panic!("expected PDN Connectivity Reject")
    };
    assert_eq!(r.esm_cause, EsmCause::MissingOrUnknownApn);
    assert!(
        b.noted("APN ims is not in the subscription"),
        "{:?}",
        b.notes
    );
    b.assert_silent();
}

#[test]
fn mme_rejects_attach_to_unsubscribed_apn_with_esm_failure() {
    let ue = UeOpts {
        apn: Some("mms"),
        ..UeOpts::default()
    };
    let mut b = Bench::new(&default_topology(), ue);
    b.attach_until_smc();
    b.secure_and_subscribe(&[("internet", 9), ("ims", 5)]);
    let EmmMessage::AttachReject(r) = b.expect_emm() else {
        panic!("expected Attach Reject")
    };
    assert_eq!(r.emm_cause, EmmCause::EsmFailure);
    let esm = r.esm_message_container.unwrap();
    assert_eq!(esm.pti, 1);
    assert!(matches!(
        esm.body,
        EsmBody::PdnConnectivityReject(ref p) if p.esm_cause == EsmCause::MissingOrUnknownApn
    ));
    assert!(b.noted("APN mms asked for at attach is not in the subscription"));
}

#[test]
fn mme_deletes_session_when_enb_refuses_second_erab() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    b.pdn_request(2, "ims");
    let (csr, _) = b.expect_csr();
    b.answer_csr(&csr, Bench::dual_paa(3), Some(gw_pco()));
    let _ = b.expect_nas();
    b.erab_setup_response(6, true);
    let dsr = b.expect_s11();
    let Body::DeleteSessionRequest(d) = &dsr.body else {
        panic!("expected Delete Session Request, got {}", dsr.summary())
    };
    assert_eq!(d.linked_ebi, Some(gtp::Ebi(6)));
    assert_eq!(dsr.teid, Some(SGW_S11_TEID));
    assert!(
        b.noted("eNB enb1 refused E-RAB 6 for ims: radioNetwork/radio-resources-not-available"),
        "{:?}",
        b.notes
    );
    b.assert_silent();
    b.answer_dsr(&dsr);
    b.assert_silent();
    assert_eq!(b.mme.active_pdns(IMSI), vec![(5, "internet".to_string())]);
    assert_eq!(b.mme.counter("erab_refused"), 1);
}

#[test]
fn mme_refuses_s1_setup_from_foreign_plmn() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    let S1apMessage::S1SetupFailure(f) = b.s1_setup(Plmn::new("310", "410").unwrap()) else {
        panic!("expected S1 Setup Failure")
    };
    assert_eq!(f.cause, S1Cause::MISC_UNKNOWN_PLMN);
    assert_eq!(
        f.time_to_wait,
        Some(crate::codec::s1ap::asn::TimeToWait::V10S)
    );
    assert!(
        b.noted(
            "S1 Setup from enb1 refused (misc/unknown-PLMN): it is eNB macro 0x19b of PLMN 310-410"
        ),
        "{:?}",
        b.notes
    );
    assert!(b.noted("this MME serves PLMN 001-01 TACs [1 (0x0001)]"));
    assert_eq!(b.mme.enb_count(), 0);
    // Anything else from that eNB is dropped.
    let ar = b.attach_request(EpsMobileIdentity::Imsi(IMSI.into()));
    b.initial_ue(ar.encode());
    b.assert_silent();
}

#[test]
fn mme_refuses_s1_setup_for_an_unknown_tac_and_shows_both_encodings() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    // TAC 1 configured the other way round arrives as 0x0100 = 256.
    let S1apMessage::S1SetupFailure(f) = b.s1_setup_with_tac(plmn(), 0x0100) else {
        panic!("expected S1 Setup Failure")
    };
    assert_eq!(f.cause, S1Cause::MISC_UNKNOWN_PLMN);
    assert!(
        b.noted("serving TAC 256 (0x0100) (001-01); this MME serves PLMN 001-01 TACs [1 (0x0001)]; its TAC 256 (0x0100) byte-swapped is 1 (0x0001), which this MME serves"),
        "{:?}",
        b.notes
    );
    assert_eq!(b.mme.counter("s1_setup_failures"), 1);
    assert_eq!(b.mme.enb_count(), 0);
    // The same eNB with the right TAC is accepted.
    let S1apMessage::S1SetupResponse(_) = b.s1_setup(plmn()) else {
        panic!("expected S1 Setup Response")
    };
    assert_eq!(b.mme.enb_count(), 1);
}

// ---------------------------------------------------------------------------
// GTPv2-C retransmission

#[test]
fn mme_retransmits_create_session_after_t3_and_gives_up_after_n3() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_smc();
    b.secure_and_subscribe(&[("internet", 9)]);
    let first = b.next();
    assert_eq!(first.iface, Iface::S11);
    let t0 = b.now;
    for n in 1..=3u64 {
        b.advance_to(t0 + Duration::from_secs(3 * n));
        let again = b.next();
        assert_eq!(
            again.bytes, first.bytes,
            "retransmission {n} is the same request"
        );
        b.assert_silent();
    }
    assert_eq!(b.mme.counter("gtp_retransmissions"), 3);
    b.advance_to(t0 + Duration::from_secs(12));
    let EmmMessage::AttachReject(r) = b.expect_emm() else {
        panic!("expected Attach Reject")
    };
    assert_eq!(r.emm_cause, EmmCause::EsmFailure);
    let EsmBody::PdnConnectivityReject(p) = r.esm_message_container.unwrap().body else {
        panic!("expected PDN Connectivity Reject")
    };
    assert_eq!(p.esm_cause, EsmCause::NetworkFailure);
    b.expect_release_command();
    assert!(
        b.noted("gateway gw1 did not answer Create Session Request after 4 tries (T3 3 s, N3 3)"),
        "{:?}",
        b.notes
    );
    assert_eq!(b.mme.counter("gtp_timeouts"), 1);
}

// ---------------------------------------------------------------------------
// Other procedures

#[test]
fn mme_asks_identity_for_unknown_guti() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    b.s1_setup(plmn());
    let guti = Guti {
        plmn: plmn(),
        mme_group_id: 0x8001,
        mme_code: 0x1a,
        m_tmsi: 0x1234_5678,
    };
    let ar = b.attach_request(EpsMobileIdentity::Guti(guti));
    b.initial_ue(ar.encode());
    let EmmMessage::IdentityRequest(r) = b.expect_emm() else {
        panic!("expected Identity Request")
    };
    assert_eq!(r.identity_type, crate::codec::nas::ie::IdentityType2::Imsi);
    let resp = NasMessage::Emm(EmmMessage::IdentityResponse(
        crate::codec::nas::emm::IdentityResponse {
            mobile_identity: MobileIdentity::Imsi(IMSI.into()),
            other_ies: vec![],
        },
    ));
    b.uplink(resp.encode());
    let air = dia::Air::from_message(&b.expect_s6a()).unwrap();
    assert_eq!(air.user_name, IMSI);
}

#[test]
fn mme_retransmits_identity_request_on_t3470_then_aborts() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    b.s1_setup(plmn());
    let ar = b.attach_request(EpsMobileIdentity::Imei("35349006987331".into()));
    b.initial_ue(ar.encode());
    let first = b.next();
    for n in 1..=4u64 {
        b.advance_to(Time::from_secs(6 * n));
        let again = b.next();
        let m = S1apMessage::decode(&again.bytes).unwrap();
        assert_eq!(
            m.nas_pdu(),
            S1apMessage::decode(&first.bytes).unwrap().nas_pdu()
        );
    }
    b.advance_to(Time::from_secs(30));
    // The Diameter watchdog (Tw = 30 s) fires at the same time.
    b.tx.retain(|t| t.iface != Iface::S6a);
    assert!(matches!(
        b.expect_s1ap(),
        S1apMessage::UeContextReleaseCommand(_)
    ));
    assert!(b.noted("T3470 ran out 5 times"), "{:?}", b.notes);
}

#[test]
fn mme_asks_esm_information_when_the_ue_holds_it_back() {
    let ue = UeOpts {
        esm_info: true,
        ..UeOpts::default()
    };
    let mut b = Bench::new(&default_topology(), ue);
    b.attach_until_smc();
    let done = b.smc_complete();
    b.uplink(done);
    let NasMessage::Esm(req) = b.expect_nas().1 else {
        panic!("expected ESM")
    };
    assert_eq!(req.pti, 1);
    assert!(matches!(req.body, EsmBody::EsmInformationRequest(_)));
    let pco = b.ue_pco.clone();
    b.ue_send(NasMessage::Esm(EsmMessage::new(
        0,
        1,
        crate::codec::nas::esm::EsmInformationResponse {
            apn: Some(Apn::new("ims")),
            pco: Some(pco),
            epco: None,
            other_ies: vec![],
        },
    )));
    let ulr = dia::Ulr::from_message(&b.expect_s6a()).unwrap();
    b.answer_ulr(&ulr, &[("internet", 9), ("ims", 5)]);
    let (_, csr) = b.expect_csr();
    assert_eq!(csr.apn.unwrap().as_str(), "ims");
    assert_eq!(csr.pco.unwrap().encode(), b.ue_pco.encode());
}

#[test]
fn mme_disconnects_pdn_and_refuses_the_last_one() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    b.open_ims();
    b.ue_send(NasMessage::Esm(EsmMessage::new(
        0,
        4,
        PdnDisconnectRequest {
            linked_ebi: 6,
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    )));
    let dsr = b.expect_s11();
    assert!(
        matches!(&dsr.body, Body::DeleteSessionRequest(d) if d.linked_ebi == Some(gtp::Ebi(6)))
    );
    assert_eq!(b.mme.counter("pdn_active"), 1);
    b.answer_dsr(&dsr);
    let (s1, nas) = b.expect_nas();
    let S1apMessage::ErabReleaseCommand(rel) = s1 else {
        panic!("expected E-RAB Release Command")
    };
    assert_eq!(rel.erabs[0].erab_id, 6);
    let NasMessage::Esm(esm) = nas else {
        panic!("expected ESM")
    };
    assert_eq!((esm.ebi, esm.pti), (6, 4));
    assert!(matches!(
        esm.body,
        EsmBody::DeactivateEpsBearerContextRequest(ref d) if d.esm_cause == EsmCause::RegularDeactivation
    ));
    b.ue_send(NasMessage::Esm(EsmMessage::new(
        6,
        4,
        DeactivateEpsBearerContextAccept {
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    )));
    assert_eq!(b.mme.active_pdns(IMSI), vec![(5, "internet".to_string())]);
    // The last PDN connection stays (#49).
    b.ue_send(NasMessage::Esm(EsmMessage::new(
        0,
        5,
        PdnDisconnectRequest {
            linked_ebi: 5,
            pco: None,
            epco: None,
            other_ies: vec![],
        },
    )));
    let NasMessage::Esm(esm) = b.expect_nas().1 else {
        panic!("expected ESM")
    };
    assert!(matches!(
        esm.body,
        EsmBody::PdnDisconnectReject(ref r) if r.esm_cause == EsmCause::LastPdnDisconnectionNotAllowed
    ));
    b.assert_silent();
}

#[test]
fn mme_detaches_ue_deleting_every_session() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    b.open_ims();
    b.ue_send(NasMessage::Emm(EmmMessage::DetachRequestUeOriginating(
        DetachRequestUeOriginating {
            detach_type: DetachType {
                switch_off: false,
                kind: UeDetachKind::EpsDetach,
            },
            nas_ksi: NasKsi::native(0),
            eps_mobile_identity: EpsMobileIdentity::Imsi(IMSI.into()),
            other_ies: vec![],
        },
    )));
    let d1 = b.expect_s11();
    let d2 = b.expect_s11();
    b.assert_silent();
    b.answer_dsr(&d1);
    b.assert_silent();
    b.answer_dsr(&d2);
    assert!(matches!(b.expect_emm(), EmmMessage::DetachAccept(_)));
    assert_eq!(b.expect_release_command(), S1Cause::NAS_DETACH);
    assert_eq!(b.mme.emm_state(IMSI), Some("EMM-DEREGISTERED"));
    assert_eq!(b.mme.counter("pdn_active"), 0);
    b.release_complete();
    assert_eq!(b.mme.ue_count(), 0);
}

#[test]
fn mme_detaches_ue_from_the_network_side() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    assert!(b.mme.detach_ue(b.now, IMSI, true));
    while let Some(t) = b.mme.poll_output() {
        if let Output::Transmit(t) = t {
            b.tx.push_back(t);
        }
    }
    let EmmMessage::DetachRequestUeTerminated(d) = b.expect_emm() else {
        panic!("expected Detach Request")
    };
    assert_eq!(
        d.detach_type,
        crate::codec::nas::ie::NetworkDetachType::ReattachRequired
    );
    let dsr = b.expect_s11();
    b.answer_dsr(&dsr);
    b.assert_silent();
    b.ue_send(NasMessage::Emm(EmmMessage::DetachAccept(
        crate::codec::nas::emm::DetachAccept { other_ies: vec![] },
    )));
    b.expect_release_command();
    b.release_complete();
    assert_eq!(b.mme.ue_count(), 0);
}

#[test]
fn mme_answers_unknown_emm_type_with_status_97() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    b.ue_send(NasMessage::Emm(EmmMessage::Unknown(UnknownMessage {
        message_type: 0x6f,
        body: vec![],
    })));
    let EmmMessage::EmmStatus(s) = b.expect_emm() else {
        panic!("expected EMM Status")
    };
    assert_eq!(s.emm_cause, EmmCause::MessageTypeNonExistent);
}

#[test]
fn mme_keeps_context_when_enb_releases_idle_ue() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    let req = S1apMessage::UeContextReleaseRequest(crate::codec::s1ap::UeContextReleaseRequest {
        mme_ue_id: b.mme_ue_id.unwrap(),
        enb_ue_id: b.enb_ue_id,
        cause: S1Cause::RADIO_USER_INACTIVITY,
    });
    b.recv(Iface::S1Mme, ENB, req.encode().unwrap());
    assert_eq!(b.expect_release_command(), S1Cause::RADIO_USER_INACTIVITY);
    b.release_complete();
    assert_eq!(b.mme.ue_count(), 1);
    assert_eq!(b.mme.emm_state(IMSI), Some("EMM-REGISTERED"));
    assert_eq!(b.mme.active_pdns(IMSI).len(), 1);
}

#[test]
fn mme_drops_undecodable_s1ap_with_error_indication() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    b.recv(Iface::S1Mme, ENB, vec![0xff, 0x00, 0x01]);
    let S1apMessage::ErrorIndication(e) = b.expect_s1ap() else {
        panic!("expected Error Indication")
    };
    assert!(e.cause.is_some());
    assert_eq!(b.mme.counter("s1ap_decode_errors"), 1);
}

#[test]
fn mme_runs_in_the_simulator_and_starts_with_cer() {
    let topo = default_topology();
    let mut sim = crate::sim::Sim::new(Duration::from_millis(1));
    sim.add(MME, Box::new(Mme::new(MME, &topo)));
    sim.step();
    let out = sim.drain_outbox();
    assert_eq!(out.len(), 1);
    let (from, tx) = &out[0];
    assert_eq!((*from, tx.iface, tx.to), (MME, Iface::S6a, HSS));
    assert_eq!(dia::Message::decode(&tx.bytes).unwrap().header.command, 257);
}

#[test]
fn mme_retransmits_attach_accept_on_t3450_with_a_new_count() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach_until_smc();
    b.secure_and_subscribe(&[("internet", 9)]);
    let (csr, _) = b.expect_csr();
    b.answer_csr(&csr, Bench::dual_paa(2), None);
    let (_, first) = b.expect_nas();
    b.ics_response(5);
    b.assert_silent();
    b.advance_to(b.now + Duration::from_secs(6));
    let (s1, again) = b.expect_nas();
    assert!(matches!(s1, S1apMessage::DownlinkNasTransport(_)));
    assert_eq!(again, first, "the same Attach Accept");
    assert_eq!(
        b.ue_sec.as_ref().unwrap().rx_count().unwrap().value(),
        2,
        "SMC 0, Accept 1, again 2"
    );
    assert_eq!(b.mme.counter("nas_retransmissions"), 1);
    // The UE answers now: no more retransmissions, Modify Bearer goes.
    let ac = b.attach_complete();
    b.uplink(ac);
    let (mbr, _) = b.expect_mbr();
    b.answer_mbr(&mbr);
    b.advance_to(b.now + Duration::from_secs(20));
    b.tx.retain(|t| t.iface != Iface::S6a);
    b.assert_silent();
}

#[test]
fn mme_releases_connections_when_enb_repeats_s1_setup() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.attach();
    assert!(matches!(
        b.s1_setup(plmn()),
        S1apMessage::S1SetupResponse(_)
    ));
    assert!(b.noted("ran S1 Setup again: releasing its 1 UE connections"));
    // The registered UE is idle now: its context and PDN stay.
    assert_eq!(b.mme.emm_state(IMSI), Some("EMM-REGISTERED"));
    assert_eq!(b.mme.active_pdns(IMSI).len(), 1);
    // Its old S1 ids are gone.
    b.uplink(vec![0x07, 0x60, 0x61]);
    assert!(matches!(b.expect_s1ap(), S1apMessage::ErrorIndication(_)));
}

#[test]
fn mme_notes_undecodable_gtp_and_diameter_by_name() {
    let mut b = Bench::new(&default_topology(), UeOpts::default());
    b.start();
    b.recv(Iface::S11, GW, vec![0x48, 0x21, 0x00, 0x40, 0, 0, 0, 1]);
    assert_eq!(b.mme.counter("gtp_decode_errors"), 1);
    assert!(
        b.noted("dropped a Create Session Response from gw1"),
        "{:?}",
        b.notes
    );
    b.recv(
        Iface::S6a,
        HSS,
        vec![0x01, 0x00, 0x00, 0x40, 0x00, 0x00, 0x01, 0x3e, 0],
    );
    assert_eq!(b.mme.counter("diameter_decode_errors"), 1);
    assert!(b.noted("dropped a Diameter AIA from hss1"), "{:?}", b.notes);
    b.assert_silent();
}

// ---------------------------------------------------------------------------
// With the real UE, eNB, gateway and HSS

/// The default topology with a UE, two gateway APNs and a subscriber.
fn full_topology() -> Topology {
    use crate::topology::model::{ApnSpec, ImsMode, Subscriber, UeSpec, Usim};
    let mut t = default_topology();
    let k: [u8; 16] = crate::codec::parse_hex(K_HEX).unwrap().try_into().unwrap();
    let opc: [u8; 16] = crate::codec::parse_hex(OPC_HEX)
        .unwrap()
        .try_into()
        .unwrap();
    let apn = |name: &str, net: u8, qci, pcscf: Vec<IpAddr>| ApnSpec {
        name: name.into(),
        ipv4_pool: Some((Ipv4Addr::new(10, net, 0, 0), 16)),
        ipv6_prefix: Some((Ipv6Addr::new(0xfd00, u16::from(net), 0, 0, 0, 0, 0, 0), 64)),
        qci,
        arp_priority: if qci == 5 { 1 } else { 8 },
        ambr_ul: 50_000_000,
        ambr_dl: 100_000_000,
        pcscf,
        dns: vec![IpAddr::V4(Ipv4Addr::new(10, net, 0, 53))],
        mtu: None,
    };
    t.nodes[GW.0 as usize].kind = NodeKind::Gateway(GatewaySpec {
        apns: vec![
            apn("internet", 45, 9, vec![]),
            apn(
                "ims",
                46,
                5,
                vec![
                    IpAddr::V4(Ipv4Addr::new(10, 46, 0, 1)),
                    IpAddr::V6("fd00:46::1".parse().unwrap()),
                ],
            ),
        ],
        ims_stack: None,
    });
    t.nodes.push(NodeSpec {
        name: format!("ue-{IMSI}"),
        addr: IpAddr::V4(Ipv4Addr::new(127, 0, 0, 10)),
        kind: NodeKind::Ue(UeSpec {
            imsi: IMSI.into(),
            imeisv: "3534900698733190".into(),
            enb: ENB,
            apns: vec!["internet".into(), "ims".into()],
            ims: ImsMode::None,
            usim: Usim { k, opc, sqn: 0 },
            isim: None,
            isim_keys: None,
            eea: 0b0111,
            eia: 0b0110,
            requires_ipsec: false,
        }),
    });
    t.subscribers = vec![Subscriber {
        imsi: IMSI.into(),
        msisdn: "15550001".into(),
        k,
        opc,
        sqn: 0x20,
        apns: vec!["internet".into(), "ims".into()],
        ims: None,
        barred: Vec::new(),
    }];
    t
}

/// Runs every node of `topo` for 3 s with the UE (node 4) told to attach
/// at 100 ms; what happened.
fn attach_everything(topo: &Topology) -> Vec<crate::events::event::Event> {
    use crate::nodes::{Command, UeCommand};
    let mut sim = crate::sim::Sim::new(topo.latency);
    for i in 0..topo.nodes.len() {
        let id = NodeId(i as u32);
        sim.add(
            id,
            crate::nodes::build(id, topo).expect("node kind is built"),
        );
    }
    let ue = NodeId(4);
    sim.schedule(Time::from_millis(100), ue, Command::Ue(UeCommand::Attach));
    sim.run_until_time(Time::from_secs(3));
    sim.drain_events()
}

/// One line per message crossing S1-MME, S6a or S11, in order.
fn ladder(events: &[crate::events::event::Event]) -> Vec<String> {
    use crate::events::event::Event;
    events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => match m.iface {
                Iface::S1Mme => Some(format!(
                    "S1AP {}",
                    S1apMessage::decode(&m.bytes).unwrap().name()
                )),
                Iface::S6a => Some(format!(
                    "S6a {}",
                    dia::Message::decode(&m.bytes).unwrap().summary()
                )),
                Iface::S11 => Some(format!(
                    "S11 {}",
                    gtp::Message::decode(&m.bytes).unwrap().summary()
                )),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[test]
fn mme_attaches_the_real_ue_through_real_enb_gateway_and_hss() {
    use crate::events::event::Event;
    let topo = full_topology();
    let events = attach_everything(&topo);
    let lines = ladder(&events);
    let notes: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Node {
                event: NodeEvent::Note { text, .. },
                ..
            } => Some(text.clone()),
            _ => None,
        })
        .collect();
    let status = events
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Node {
                event: NodeEvent::Ue(s),
                ..
            } => Some(s.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no UE status; ladder {lines:#?}; notes {notes:#?}"));
    assert_eq!(status.emm, "EMM-REGISTERED", "{lines:#?}\n{notes:#?}");
    assert_eq!(status.pdns.len(), 2, "{lines:#?}\n{notes:#?}");
    assert_eq!(status.pdns[1].apn, "ims");
    assert_eq!(status.pdns[1].qci, 5);
    assert_eq!(
        status.pdns[1].pcscf,
        vec![
            IpAddr::V4(Ipv4Addr::new(10, 46, 0, 1)),
            IpAddr::V6("fd00:46::1".parse().unwrap())
        ]
    );
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l.split(" (").next().unwrap_or(l))
        .collect();
    // The MME's first message is its CER, sent at start (the eNB's S1 Setup
    // Request, also at t = 0, may come before it).
    let mme_first = names
        .iter()
        .position(|n| n.starts_with("S6a") || n.starts_with("S11") || *n == "S1AP S1SetupResponse")
        .unwrap();
    assert_eq!(names[mme_first], "S6a CER", "{lines:#?}");
    assert_eq!(
        names[mme_first + 1..]
            .iter()
            .filter(|n| **n == "S6a CER")
            .count(),
        0
    );
    for expected in [
        "S1AP S1SetupRequest",
        "S1AP S1SetupResponse",
        "S1AP InitialUEMessage",
        "S6a AIR",
        "S6a ULR",
        "S11 Create Session Request",
        "S1AP InitialContextSetupRequest",
        "S11 Modify Bearer Request",
        "S1AP E-RABSetupRequest",
        "S1AP E-RABSetupResponse",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "{expected} missing from {lines:#?}"
        );
    }
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("S11 Modify Bearer Response"))
            .count(),
        2,
        "{lines:#?}"
    );
}

#[test]
fn mme_deletes_the_ims_session_when_the_real_enb_refuses_a_second_bearer() {
    use crate::events::event::Event;
    let mut topo = full_topology();
    if let NodeKind::Enb(e) = &mut topo.nodes[ENB.0 as usize].kind {
        e.refuse_second_bearer = true;
    }
    let events = attach_everything(&topo);
    let lines = ladder(&events);
    let mme_notes: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Node {
                node: MME,
                event: NodeEvent::Note { text, .. },
                ..
            } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        mme_notes
            .iter()
            .any(|n| n.contains("eNB enb1 refused E-RAB 6 for ims")),
        "{mme_notes:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("S11 Delete Session Request (LBI 6")),
        "{lines:#?}"
    );
    // The default PDN stays up.
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("S11 Modify Bearer Response"))
            .count(),
        1,
        "{lines:#?}"
    );
}
