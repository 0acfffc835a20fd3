//! What the MME remembers: per eNB (S1 setup) and per UE (identities, EMM
//! state with the data of the step it is in, security context, subscription,
//! PDN connections and bearers, pending NAS retransmissions).

use crate::codec::gtpv2c::{Fteid, Paa};
use crate::codec::nas::Pco;
use crate::codec::nas::ie::{
    EpsMobileIdentity, Guti, PdnType, SecurityHeaderType, UeNetworkCapability,
};
use crate::codec::s1ap::{Ecgi, EnbUeS1apId, GlobalEnbId, MmeUeS1apId, Tai, TransportAddress};
use crate::nodes::NodeId;
use crate::nodes::nas_security::NasSecurity;
use std::collections::HashSet;
use std::fmt;

use super::timers::TimerKind;

/// The MME's handle of a UE context. It is also the MME's S11 control
/// plane TEID for the UE (TS 29.274 5.5.2: one S11 tunnel per UE), so a
/// GTPv2-C response finds its UE without another table. Never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UeId(pub u32);

impl UeId {
    /// The MME S11 TEID of this UE.
    pub fn s11_teid(self) -> u32 {
        self.0
    }
}

impl fmt::Display for UeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ue#{}", self.0)
    }
}

/// An IMSI: the digits and their value (for `Transmit.imsi`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Imsi {
    /// The digits as the UE sent them.
    pub digits: String,
    /// The digits as a number.
    pub value: u64,
}

impl Imsi {
    /// Parses 6 to 15 decimal digits.
    pub fn parse(digits: &str) -> Option<Self> {
        if !(6..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Self {
            digits: digits.to_owned(),
            value: digits.parse().ok()?,
        })
    }
}

impl fmt::Display for Imsi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

/// An eNB that completed S1 Setup.
#[derive(Debug, Clone)]
pub struct EnbContext {
    /// Its Global eNB ID.
    pub global_id: GlobalEnbId,
    /// Its name, if it sent one.
    pub name: Option<String>,
    /// The TACs it serves that we serve too.
    pub tacs: Vec<u16>,
    /// UEs with a UE-associated S1 connection through it.
    pub ues: HashSet<UeId>,
}

/// A UE-associated logical S1 connection (ECM-CONNECTED).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct S1Conn {
    /// The eNB.
    pub enb: NodeId,
    /// eNB UE S1AP ID.
    pub enb_ue_id: EnbUeS1apId,
    /// MME UE S1AP ID.
    pub mme_ue_id: MmeUeS1apId,
    /// Where the UE is (from the last Initial UE / Uplink NAS Transport).
    pub tai: Tai,
    /// Its cell.
    pub ecgi: Ecgi,
    /// UE Context Release Command sent, waiting for the Complete.
    pub releasing: bool,
}

/// One EPS authentication vector from the HSS (TS 33.401 6.1.2).
#[derive(Clone, PartialEq, Eq)]
pub struct Vector {
    /// RAND.
    pub rand: [u8; 16],
    /// XRES.
    pub xres: Vec<u8>,
    /// AUTN.
    pub autn: [u8; 16],
    /// KASME.
    pub kasme: [u8; 32],
}

impl fmt::Debug for Vector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vector")
            .field("rand", &crate::codec::hex(&self.rand))
            .finish_non_exhaustive()
    }
}

/// What the attach needs to remember of the Attach Request and its PDN
/// Connectivity Request (TS 24.301 8.2.4, 8.3.20).
#[derive(Debug, Clone)]
pub struct AttachRequestInfo {
    /// The identity the UE gave.
    pub identity: EpsMobileIdentity,
    /// UE network capability (algorithms).
    pub ue_net_cap: UeNetworkCapability,
    /// PTI of the PDN Connectivity Request.
    pub pti: u8,
    /// Requested PDN type.
    pub pdn_type: PdnType,
    /// Requested APN (in the request or the ESM Information Response).
    pub apn: Option<String>,
    /// The UE's PCO, forwarded to the gateway as is.
    pub pco: Option<Pco>,
    /// The UE asked to send APN/PCO after security (ESM information
    /// transfer flag).
    pub esm_info_required: bool,
}

/// Where an attach stands (TS 23.401 5.3.2.1), each step with its data.
#[derive(Debug, Clone)]
pub enum AttachStep {
    /// Identity Request (IMSI) sent (T3470).
    WaitIdentity,
    /// AIR sent; `resync` when it carried Re-Synchronization-Info.
    WaitAuthInfo {
        /// Whether this AIR is the resynchronisation one.
        resync: bool,
    },
    /// Authentication Request sent (T3460).
    WaitAuthResponse {
        /// The vector in use.
        vector: Vector,
        /// A resynchronisation was already done in this attach.
        resynced: bool,
    },
    /// Security Mode Command sent (T3460).
    WaitSmcComplete,
    /// ESM Information Request sent (T3489).
    WaitEsmInfo,
    /// ULR sent.
    WaitUpdateLocation,
    /// Create Session Request for the default bearer sent.
    WaitCreateSession,
    /// Initial Context Setup Request with Attach Accept sent (T3450),
    /// waiting for Attach Complete. The default bearer's own state tracks
    /// the Initial Context Setup Response: the Modify Bearer Request goes
    /// once both are in (TS 23.401 5.3.2.1 step 23).
    WaitComplete,
}

impl AttachStep {
    /// A short name for notes.
    pub fn name(&self) -> &'static str {
        match self {
            Self::WaitIdentity => "identification",
            Self::WaitAuthInfo { .. } => "authentication info retrieval",
            Self::WaitAuthResponse { .. } => "authentication",
            Self::WaitSmcComplete => "security mode control",
            Self::WaitEsmInfo => "ESM information retrieval",
            Self::WaitUpdateLocation => "update location",
            Self::WaitCreateSession => "session creation",
            Self::WaitComplete => "attach completion",
        }
    }
}

/// An attach in progress.
#[derive(Debug, Clone)]
pub struct Attach {
    /// The request.
    pub request: AttachRequestInfo,
    /// The step.
    pub step: AttachStep,
}

/// A detach in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detach {
    /// Started by the UE (else by the network).
    pub ue_initiated: bool,
    /// The UE switched off: no Detach Accept (TS 24.301 5.5.2.2.2).
    pub switch_off: bool,
    /// Network detach: the UE answered with Detach Accept.
    pub accepted: bool,
}

/// EMM state of a UE, with the data of the procedure it is in
/// (TS 24.301 5.1.3.4).
#[derive(Debug, Clone)]
pub enum EmmState {
    /// EMM-DEREGISTERED: a context that is not (yet) attached.
    Deregistered,
    /// EMM-COMMON-PROCEDURE-INITIATED / attach in progress.
    Attaching(Box<Attach>),
    /// EMM-REGISTERED.
    Registered,
    /// EMM-DEREGISTERED-INITIATED (network) or a UE detach being served.
    Detaching(Detach),
}

impl EmmState {
    /// The state name as TS 24.301 5.1.3.4.2 writes it: a common procedure
    /// (identification, authentication, security mode) or an Attach Accept
    /// waiting for Attach Complete (5.5.1.2.4) is EMM-COMMON-PROCEDURE-
    /// INITIATED; waiting for the HSS or the gateway is still
    /// EMM-DEREGISTERED.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Deregistered => "EMM-DEREGISTERED",
            Self::Attaching(a) => match a.step {
                AttachStep::WaitIdentity
                | AttachStep::WaitAuthResponse { .. }
                | AttachStep::WaitSmcComplete
                | AttachStep::WaitComplete => "EMM-COMMON-PROCEDURE-INITIATED",
                _ => "EMM-DEREGISTERED",
            },
            Self::Registered => "EMM-REGISTERED",
            Self::Detaching(_) => "EMM-DEREGISTERED-INITIATED",
        }
    }
}

/// One subscribed APN (TS 29.272 7.3.35).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApnConfig {
    /// Context-Identifier.
    pub context_id: u32,
    /// The APN.
    pub apn: String,
    /// Subscribed PDN type.
    pub pdn_type: crate::codec::diameter::PdnType,
    /// QCI of the default bearer.
    pub qci: u8,
    /// ARP priority level.
    pub arp_priority: u8,
    /// ARP: the bearer may not pre-empt (GTP PCI bit).
    pub no_pre_emption: bool,
    /// ARP: the bearer cannot be pre-empted (GTP PVI bit).
    pub not_pre_emptable: bool,
    /// APN-AMBR uplink, bit/s.
    pub ambr_ul: u32,
    /// APN-AMBR downlink, bit/s.
    pub ambr_dl: u32,
}

/// What the ULA said (TS 29.272 7.3.2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subscription {
    /// MSISDN digits.
    pub msisdn: Option<String>,
    /// UE-AMBR uplink, bit/s.
    pub ue_ambr_ul: u32,
    /// UE-AMBR downlink, bit/s.
    pub ue_ambr_dl: u32,
    /// Context-Identifier of the default APN.
    pub default_context: u32,
    /// The APN configurations.
    pub apns: Vec<ApnConfig>,
}

impl Subscription {
    /// The configuration of `apn` (APNs compare case-insensitively,
    /// TS 23.003 9.1).
    pub fn apn(&self, apn: &str) -> Option<&ApnConfig> {
        self.apns.iter().find(|a| a.apn.eq_ignore_ascii_case(apn))
    }

    /// The default APN configuration.
    pub fn default_apn(&self) -> Option<&ApnConfig> {
        self.apns
            .iter()
            .find(|a| a.context_id == self.default_context)
            .or_else(|| self.apns.first())
    }
}

/// Why a PDN connection is being deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteReason {
    /// UE-requested PDN disconnect with this PTI.
    PdnDisconnect {
        /// PTI of the PDN Disconnect Request.
        pti: u8,
    },
    /// Detach (UE or network).
    Detach,
    /// The eNB refused the E-RAB.
    ErabRefused,
    /// The attach failed after the session was created.
    AttachFailed,
    /// The UE context is discarded (re-attach, lost UE...).
    Discard,
}

/// Where a PDN connection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdnState {
    /// Create Session Request sent.
    Creating,
    /// Bearer being set up: E-RAB (or Initial Context) and the UE's
    /// Activate Default EPS Bearer Context Accept.
    Activating {
        /// The eNB set the E-RAB up.
        erab_ok: bool,
        /// The UE accepted the bearer.
        accepted: bool,
    },
    /// Modify Bearer Request sent.
    Modifying,
    /// Up.
    Active,
    /// Delete Session Request sent.
    Deleting(DeleteReason),
    /// Create Session Request still in flight while the UE went away: the
    /// session is deleted as soon as the gateway answers.
    Abandoned(DeleteReason),
    /// Deleted at the gateway; waiting for the UE's Deactivate EPS Bearer
    /// Context Accept (T3495).
    Deactivating {
        /// PTI of the PDN Disconnect Request.
        pti: u8,
    },
}

/// One PDN connection and its default bearer.
#[derive(Debug, Clone)]
pub struct Pdn {
    /// APN.
    pub apn: String,
    /// EPS bearer id of the default bearer.
    pub ebi: u8,
    /// PTI of the request that opened it.
    pub pti: u8,
    /// QCI.
    pub qci: u8,
    /// ARP priority level.
    pub arp_priority: u8,
    /// ARP PCI bit.
    pub no_pre_emption: bool,
    /// ARP PVI bit.
    pub not_pre_emptable: bool,
    /// APN-AMBR uplink, bit/s.
    pub ambr_ul: u32,
    /// APN-AMBR downlink, bit/s.
    pub ambr_dl: u32,
    /// PDN type the UE asked for.
    pub requested_type: PdnType,
    /// The UE's address(es), from the gateway.
    pub paa: Option<Paa>,
    /// The gateway's PCO for the UE, as received.
    pub gw_pco: Option<Vec<u8>>,
    /// SGW S1-U F-TEID.
    pub sgw_s1u: Option<Fteid>,
    /// eNB S1-U address and TEID.
    pub enb_s1u: Option<(TransportAddress, u32)>,
    /// State.
    pub state: PdnState,
}

/// A NAS message kept for retransmission when its timer runs out.
#[derive(Debug, Clone)]
pub struct NasRetx {
    /// The timer guarding it.
    pub timer: TimerKind,
    /// The plain message.
    pub plain: Vec<u8>,
    /// Protection to apply on each (re)transmission; None = sent plain.
    pub header: Option<SecurityHeaderType>,
    /// Retransmissions so far.
    pub sent: u8,
}

/// One UE as the MME knows it.
#[derive(Debug)]
pub struct MmeUe {
    /// Handle (and S11 TEID).
    pub id: UeId,
    /// IMSI, once known.
    pub imsi: Option<Imsi>,
    /// The GUTI allocated to the UE.
    pub guti: Option<Guti>,
    /// The S1 connection, when ECM-CONNECTED.
    pub s1: Option<S1Conn>,
    /// EMM state.
    pub emm: EmmState,
    /// The current EPS security context.
    pub security: Option<NasSecurity>,
    /// Secure exchange of NAS messages established on this NAS signalling
    /// connection (TS 24.301 4.4.4.3).
    pub secured: bool,
    /// The KSI the next authentication uses.
    pub next_ksi: u8,
    /// UE network capability from the last Attach Request.
    pub ue_net_cap: Option<UeNetworkCapability>,
    /// IMEISV from Security Mode Complete.
    pub imeisv: Option<String>,
    /// Subscription from the ULA.
    pub subscription: Option<Subscription>,
    /// PDN connections.
    pub pdns: Vec<Pdn>,
    /// The SGW's S11 TEID, from the first Create Session Response.
    pub sgw_s11_teid: Option<u32>,
    /// UE radio capability from the eNB.
    pub radio_capability: Option<Vec<u8>>,
    /// NAS messages that may need retransmission.
    pub retx: Vec<NasRetx>,
    /// The S6a request the UE waits for (transaction number).
    pub s6a_wait: Option<u64>,
}

impl MmeUe {
    /// A fresh context in EMM-DEREGISTERED.
    pub fn new(id: UeId) -> Self {
        Self {
            id,
            imsi: None,
            guti: None,
            s1: None,
            emm: EmmState::Deregistered,
            security: None,
            secured: false,
            next_ksi: 0,
            ue_net_cap: None,
            imeisv: None,
            subscription: None,
            pdns: Vec::new(),
            sgw_s11_teid: None,
            radio_capability: None,
            retx: Vec::new(),
            s6a_wait: None,
        }
    }

    /// The IMSI as a number, for `Transmit.imsi` and notes.
    pub fn imsi_value(&self) -> Option<u64> {
        self.imsi.as_ref().map(|i| i.value)
    }

    /// The IMSI digits, or a placeholder.
    pub fn imsi_text(&self) -> String {
        self.imsi
            .as_ref()
            .map_or_else(|| format!("unidentified {}", self.id), |i| i.digits.clone())
    }

    /// The attach in progress.
    pub fn attach(&self) -> Option<&Attach> {
        match &self.emm {
            EmmState::Attaching(a) => Some(a),
            _ => None,
        }
    }

    /// The attach in progress, mutable.
    pub fn attach_mut(&mut self) -> Option<&mut Attach> {
        match &mut self.emm {
            EmmState::Attaching(a) => Some(a),
            _ => None,
        }
    }

    /// The PDN connection whose default bearer is `ebi`.
    pub fn pdn(&self, ebi: u8) -> Option<&Pdn> {
        self.pdns.iter().find(|p| p.ebi == ebi)
    }

    /// The PDN connection whose default bearer is `ebi`, mutable.
    pub fn pdn_mut(&mut self, ebi: u8) -> Option<&mut Pdn> {
        self.pdns.iter_mut().find(|p| p.ebi == ebi)
    }

    /// The lowest EPS bearer id (5..=15, TS 24.007 11.2.3.1.5) not in use.
    pub fn free_ebi(&self) -> Option<u8> {
        (5..=15).find(|e| self.pdn(*e).is_none())
    }

    /// Takes the retransmission entry guarded by `timer`.
    pub fn take_retx(&mut self, timer: TimerKind) -> Option<NasRetx> {
        let i = self.retx.iter().position(|r| r.timer == timer)?;
        Some(self.retx.swap_remove(i))
    }

    /// Drops the retransmission entry guarded by `timer`.
    pub fn clear_retx(&mut self, timer: TimerKind) {
        self.retx.retain(|r| r.timer != timer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imsi_parses_digits_only() {
        let i = Imsi::parse("001010000000001").unwrap();
        assert_eq!(i.value, 1_010_000_000_001);
        assert!(Imsi::parse("00101x").is_none());
        assert!(Imsi::parse("1234567890123456").is_none());
    }

    #[test]
    fn mme_ue_allocates_the_lowest_free_ebi() {
        let mut ue = MmeUe::new(UeId(1));
        assert_eq!(ue.free_ebi(), Some(5));
        for ebi in 5..=15 {
            ue.pdns.push(Pdn {
                apn: "x".into(),
                ebi,
                pti: 1,
                qci: 9,
                arp_priority: 9,
                no_pre_emption: true,
                not_pre_emptable: false,
                ambr_ul: 0,
                ambr_dl: 0,
                requested_type: PdnType::Ipv4,
                paa: None,
                gw_pco: None,
                sgw_s1u: None,
                enb_s1u: None,
                state: PdnState::Active,
            });
        }
        assert_eq!(ue.free_ebi(), None);
        ue.pdns.retain(|p| p.ebi != 7);
        assert_eq!(ue.free_ebi(), Some(7));
    }

    #[test]
    fn subscription_finds_apns_case_insensitively() {
        let cfg = |id, apn: &str| ApnConfig {
            context_id: id,
            apn: apn.into(),
            pdn_type: crate::codec::diameter::PdnType::Ipv4,
            qci: 9,
            arp_priority: 8,
            no_pre_emption: true,
            not_pre_emptable: false,
            ambr_ul: 1,
            ambr_dl: 2,
        };
        let s = Subscription {
            default_context: 2,
            apns: vec![cfg(1, "ims"), cfg(2, "internet")],
            ..Subscription::default()
        };
        assert_eq!(s.apn("IMS").unwrap().context_id, 1);
        assert_eq!(s.default_apn().unwrap().apn, "internet");
        assert!(s.apn("mms").is_none());
    }
}
