//! The simulated UE: EMM and ESM of TS 24.301 (UE side) over the abstract
//! radio of [`UuFrame`], with a USIM doing EPS AKA (TS 33.102, TS 33.401).
//!
//! On `Attach` it sends an Attach Request carrying a PDN Connectivity Request
//! for its first APN, answers authentication (checking AUTN: mutual
//! authentication), takes the NAS security context of the Security Mode
//! Command, completes the attach and then opens its other APNs one by one,
//! learning addresses, DNS and P-CSCF servers from the PCO. Every change is
//! published as a [`UeStatus`], with the outcome in plain words.
//!
//! Once the ims PDN is up with a P-CSCF, the [`ims`] client registers to
//! IMS (AKA, IPsec sec-agree) over the IP stack plugged under it; a VoLTE
//! UE's goal is then to be registered.
//!
//! Files: `emm.rs` (EMM states and procedures), `esm.rs` (PDN connections),
//! `nas.rs` (receive path: security checks and dispatch; send path),
//! `ipv6.rs` (the global IPv6 address from the Router Advertisement),
//! [`usim`] (AKA), `timers.rs` (T3410, T3421, T3482, T3492, the wait for
//! a Router Advertisement), `status.rs`
//! (the published status and outcome), [`ims`] (the IMS client).

mod emm;
mod esm;
pub mod ims;
mod ipv6;
mod nas;
mod status;
mod timers;
pub mod usim;

#[cfg(test)]
pub(crate) mod tests;

use crate::codec::nas::ie::{Guti, Tai, UeNetworkCapability};
use crate::crypto::Kasme;
use crate::crypto::kdf::SnId;
use crate::nodes::nas_security::NasSecurity;
use crate::nodes::{
    Command, Iface, Input, Node, NodeEvent, NodeId, Output, Time, Transmit, UeCommand, UeStatus,
    UuFrame,
};
use crate::topology::{ImsMode, NodeKind, Topology};
use bytes::Bytes;
use emm::EmmState;
use esm::Esm;
use ims::hooks::ImsGoal;
use ims::{ImsClient, ImsLink};
use std::collections::{BTreeMap, VecDeque};
use timers::{Timer, Timers};
use usim::Usim;

/// RRC establishment cause mo-Signalling (TS 36.331; the S1AP value).
const MO_SIGNALLING: u8 = 3;

/// What the scenario last asked the UE for; decides the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goal {
    /// Nothing yet.
    None,
    /// Registered with every wanted APN open.
    Attached,
    /// Deregistered.
    Detached,
}

/// A simulated UE.
pub struct Ue {
    id: NodeId,
    enb: NodeId,
    imsi: String,
    imsi_num: Option<u64>,
    imeisv: String,
    /// The configured APNs, in order.
    apns: Vec<String>,
    ims: ImsMode,
    /// EEA/EIA support, bit n = algorithm n (topology form).
    eea: u8,
    eia: u8,
    sn_id: SnId,
    show_keys: bool,
    usim: Usim,
    /// The ISIM's own AKA state when its keys differ from the USIM's
    /// (`None`: IMS AKA runs on the USIM, on the same SQN sequence).
    isim: Option<Usim>,
    emm: EmmState,
    /// An RRC connection is up (ECM-CONNECTED).
    ecm_connected: bool,
    /// The GUTI, kept across detach for the next attach.
    guti: Option<Guti>,
    /// The current EPS NAS security context.
    sec: Option<NasSecurity>,
    /// KSI and KASME of the last successful AKA, until a Security Mode
    /// Command takes them into use.
    pending_key: Option<(u8, Kasme)>,
    esm: Esm,
    timers: Timers,
    goal: Goal,
    /// APNs the UE wants open (configured ones, plus OpenPdn, minus ClosePdn).
    wanted: Vec<String>,
    /// Why the UE stopped at EMM level, if it did.
    failure: Option<String>,
    /// The network asked for a re-attach in its Detach Request.
    reattach_on_release: bool,
    now: Time,
    counters: BTreeMap<&'static str, u64>,
    out: VecDeque<Output>,
    last_status: Option<UeStatus>,
    /// The IMS client.
    ims_client: Box<ImsClient>,
    /// The IP stack under it.
    ims_link: Box<dyn ImsLink>,
    /// The bearer the IMS client runs on.
    ims_ebi: Option<u8>,
    /// The addresses and P-CSCFs the client and its link were given.
    ims_bearer: Option<ims::Bearer>,
    /// What the scenario wants of IMS.
    ims_goal: ImsGoal,
}

impl Ue {
    /// Builds the UE `id` from its spec in `topo`.
    ///
    /// # Panics
    /// If `topo.nodes[id]` is not a UE (the topology is validated).
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo.node(id).expect("UE id is in the topology");
        let NodeKind::Ue(spec) = &node.kind else {
            panic!("node {} is not a UE", node.name);
        };
        let sn_id = SnId::from(&topo.plmn);
        let ims_client = Box::new(ims::hooks::build(id, topo, spec));
        Self {
            id,
            enb: spec.enb,
            imsi: spec.imsi.clone(),
            imsi_num: spec.imsi.parse().ok(),
            imeisv: spec.imeisv.clone(),
            apns: spec.apns.clone(),
            ims: spec.ims,
            eea: spec.eea,
            eia: spec.eia,
            sn_id,
            show_keys: topo.show_keys,
            usim: Usim::new(&spec.usim),
            isim: spec.isim_keys.as_ref().map(Usim::new),
            emm: EmmState::Deregistered,
            ecm_connected: false,
            guti: None,
            sec: None,
            pending_key: None,
            esm: Esm::default(),
            timers: Timers::default(),
            goal: Goal::None,
            wanted: Vec::new(),
            failure: None,
            reattach_on_release: false,
            now: Time::ZERO,
            counters: BTreeMap::new(),
            out: VecDeque::new(),
            last_status: None,
            ims_client,
            ims_link: ims::link::default_link(ims::hooks::seed(id, topo) ^ 0x6970_7374_6163_6b00),
            ims_ebi: None,
            ims_bearer: None,
            ims_goal: if spec.ims == ImsMode::Register {
                ImsGoal::Registered
            } else {
                ImsGoal::None
            },
        }
    }

    /// The node id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The IMSI.
    pub fn imsi(&self) -> &str {
        &self.imsi
    }

    /// The status as it would be published now.
    pub fn status(&self) -> UeStatus {
        self.build_status()
    }

    /// The GUTI the network assigned, if any.
    pub fn guti(&self) -> Option<Guti> {
        self.guti
    }

    /// The TAI list and T3412 (seconds, None = deactivated) of the current
    /// registration, when registered.
    pub fn registration(&self) -> Option<(Vec<Tai>, Option<u32>)> {
        match &self.emm {
            EmmState::Registered(r) => Some((r.tai_list.clone(), r.t3412)),
            _ => None,
        }
    }

    /// The value of a counter (0 if never counted).
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    /// The UE network capability this UE sends (TS 24.301 9.9.3.34): the
    /// topology's bit n = algorithm n becomes EEA0/EIA0 in the top bit.
    pub fn network_capability(&self) -> UeNetworkCapability {
        let octet = |mask: u8| {
            (0..8u8)
                .filter(|n| mask & (1 << n) != 0)
                .fold(0u8, |a, n| a | (0x80 >> n))
        };
        UeNetworkCapability {
            eea: octet(self.eea),
            eia: octet(self.eia),
            rest: Vec::new(),
        }
    }

    fn is_volte(&self) -> bool {
        self.ims == ImsMode::Register
    }

    fn note(&mut self, text: impl Into<String>) {
        let text = text.into();
        tracing::debug!(imsi = %self.imsi, "{text}");
        self.out.push_back(Output::Event(NodeEvent::Note {
            imsi: self.imsi_num,
            text,
        }));
    }

    fn count(&mut self, name: &'static str) {
        let v = self.counters.entry(name).or_insert(0);
        *v += 1;
        let value = *v;
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    /// Sends a frame to the eNB.
    fn send_uu(&mut self, frame: &UuFrame) {
        self.out.push_back(Output::Transmit(Transmit {
            iface: Iface::Uu,
            to: self.enb,
            bytes: frame.encode(),
            stream: 0,
            imsi: self.imsi_num,
        }));
    }

    /// Sends NAS bytes: on the RRC connection, or in a new one (with the
    /// S-TMSI of the GUTI, if any) when the UE is idle.
    fn send_on_radio(&mut self, nas: Vec<u8>) {
        if self.ecm_connected {
            self.send_uu(&UuFrame::Nas(Bytes::from(nas)));
        } else {
            let s_tmsi = self.guti.map(|g| (g.mme_code, g.m_tmsi));
            self.connect(nas, s_tmsi);
        }
    }

    /// Opens an RRC connection with `nas` as the initial NAS message.
    fn connect(&mut self, nas: Vec<u8>, s_tmsi: Option<(u8, u32)>) {
        self.ecm_connected = true;
        self.send_uu(&UuFrame::Connect {
            cause: MO_SIGNALLING,
            s_tmsi,
            nas: Bytes::from(nas),
        });
    }

    fn handle_command(&mut self, c: UeCommand) {
        match c {
            UeCommand::Attach => self.command_attach(),
            UeCommand::Detach => self.command_detach(),
            UeCommand::OpenPdn(apn) => self.command_open_pdn(apn),
            UeCommand::ClosePdn(apn) => self.command_close_pdn(&apn),
            UeCommand::ImsRegister => self.command_ims_register(),
            UeCommand::ImsDeregister => self.command_ims_deregister(),
            UeCommand::SendMessage { to, text } => self.command_send_message(&to, &text),
        }
    }

    fn handle_timeouts(&mut self, now: Time) {
        for t in self.timers.take_due(now) {
            match t {
                Timer::T3410 => self.on_t3410(),
                Timer::T3421 => self.on_t3421(),
                Timer::T3482(pti) => self.on_t3482(pti),
                Timer::T3492(pti) => self.on_t3492(pti),
                Timer::RaWait(ebi) => self.on_ra_wait(ebi),
            }
        }
    }

    fn handle_radio(&mut self, bytes: &Bytes) {
        match UuFrame::decode(bytes) {
            Err(e) => {
                self.count("uu_decode_error");
                self.note(format!("dropped a radio frame: {}", e.what));
            }
            Ok(UuFrame::Nas(nas)) => self.handle_nas(&nas),
            Ok(UuFrame::Release) => self.handle_rrc_release(),
            Ok(UuFrame::Data { ebi, packet }) => {
                if self.router_advertisement(ebi, &packet)
                    || self.ims_packet(ebi, &packet)
                    || self.esm.pdn_by_ebi(ebi).is_some()
                {
                    self.count("ue_packets_received");
                } else {
                    self.count("ue_packets_no_bearer");
                    self.note(format!(
                        "dropped a {} byte packet on bearer {ebi}: no such EPS bearer",
                        packet.len()
                    ));
                }
            }
            Ok(UuFrame::Connect { .. }) => {
                self.note("ignored an RRC connection request from the eNB side");
            }
        }
    }

    /// RRC connection released: ECM-IDLE (the EMM state stays).
    fn handle_rrc_release(&mut self) {
        self.ecm_connected = false;
        if std::mem::take(&mut self.reattach_on_release) {
            self.note("RRC connection released: re-attaching as the network asked");
            self.command_attach();
        }
    }
}

impl Node for Ue {
    fn handle(&mut self, now: Time, input: Input) {
        self.now = now;
        match input {
            Input::Receive {
                iface: Iface::Uu,
                bytes,
                ..
            } => self.handle_radio(&bytes),
            Input::Receive { iface, bytes, .. } => {
                self.count("unexpected_interface");
                self.note(format!(
                    "ignored {} bytes on {iface}: the UE only has the radio",
                    bytes.len()
                ));
            }
            Input::Timeout => {
                self.handle_timeouts(now);
                self.ims_timeouts(now);
            }
            Input::Command(Command::Ue(c)) => self.handle_command(c),
            Input::Command(c) => self.note(format!("ignored {c:?}: not a UE command")),
        }
        self.drive_ims();
        self.publish_status();
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    fn poll_timeout(&self) -> Option<Time> {
        [self.timers.next(), self.ims_next_timeout()]
            .into_iter()
            .flatten()
            .min()
    }
}
