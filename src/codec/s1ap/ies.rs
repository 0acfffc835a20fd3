//! Typed S1AP information elements (TS 36.413 9.2) and their conversion to and
//! from the generated APER types. Node code uses these, never the generated
//! structs.

use super::S1apError;
use crate::codec::plmn::Plmn;
use bitvec::prelude::*;
use s1ap as asn;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// MME UE S1AP ID (TS 36.413 9.2.3.3), allocated by the MME.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MmeUeS1apId(pub u32);

/// eNB UE S1AP ID (TS 36.413 9.2.3.4), 24 bits, allocated by the eNB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnbUeS1apId(pub u32);

impl From<MmeUeS1apId> for asn::MME_UE_S1AP_ID {
    fn from(v: MmeUeS1apId) -> Self {
        Self(v.0)
    }
}

impl From<EnbUeS1apId> for asn::ENB_UE_S1AP_ID {
    fn from(v: EnbUeS1apId) -> Self {
        Self(v.0 & 0x00ff_ffff)
    }
}

pub(super) fn bits(value: u64, n: usize) -> BitVec<u8, Msb0> {
    (0..n).rev().map(|i| (value >> i) & 1 == 1).collect()
}

pub(super) fn bits_value(b: &BitSlice<u8, Msb0>) -> u64 {
    b.iter()
        .take(64)
        .fold(0u64, |acc, bit| acc << 1 | u64::from(*bit))
}

pub(super) fn plmn_to_asn(p: &Plmn) -> asn::PLMNidentity {
    asn::TBCD_STRING(p.to_bytes().to_vec())
}

pub(super) fn plmn_from_asn(p: &asn::PLMNidentity) -> Result<Plmn, S1apError> {
    Plmn::from_slice(&p.0).map_err(|e| S1apError::invalid(format!("PLMN identity: {}", e.what)))
}

fn fixed<const N: usize>(v: &[u8], what: &str) -> Result<[u8; N], S1apError> {
    v.try_into()
        .map_err(|_| S1apError::invalid(format!("{what} must be {N} bytes, got {}", v.len())))
}

/// Tracking Area Identity (TS 36.413 9.2.3.16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tai {
    /// PLMN identity.
    pub plmn: Plmn,
    /// Tracking area code.
    pub tac: u16,
}

impl Tai {
    pub(super) fn to_asn(self) -> asn::TAI {
        asn::TAI {
            plm_nidentity: plmn_to_asn(&self.plmn),
            tac: asn::TAC(self.tac.to_be_bytes().to_vec()),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(t: &asn::TAI) -> Result<Self, S1apError> {
        Ok(Self {
            plmn: plmn_from_asn(&t.plm_nidentity)?,
            tac: u16::from_be_bytes(fixed(&t.tac.0, "TAC")?),
        })
    }
}

impl fmt::Display for Tai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.plmn, self.tac)
    }
}

/// E-UTRAN Cell Global Identifier (TS 36.413 9.2.1.38): PLMN + 28-bit cell id
/// (eNB id in the upper 20 bits for a macro eNB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ecgi {
    /// PLMN identity.
    pub plmn: Plmn,
    /// 28-bit E-UTRAN cell identity.
    pub cell_id: u32,
}

impl Ecgi {
    pub(super) fn to_asn(self) -> asn::EUTRAN_CGI {
        asn::EUTRAN_CGI {
            plm_nidentity: plmn_to_asn(&self.plmn),
            cell_id: asn::CellIdentity(bits(u64::from(self.cell_id), 28)),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(e: &asn::EUTRAN_CGI) -> Result<Self, S1apError> {
        Ok(Self {
            plmn: plmn_from_asn(&e.plm_nidentity)?,
            cell_id: bits_value(&e.cell_id.0) as u32,
        })
    }
}

/// eNB identity (TS 36.413 9.2.1.37): macro (20 bits), home (28 bits), and
/// the Rel-14 extension alternatives short macro (18) and long macro (21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnbId {
    /// Macro eNB id, 20 bits.
    Macro(u32),
    /// Home eNB id, 28 bits.
    Home(u32),
    /// Short macro eNB id, 18 bits (extension alternative).
    ShortMacro(u32),
    /// Long macro eNB id, 21 bits (extension alternative).
    LongMacro(u32),
}

impl EnbId {
    /// The numeric id.
    pub fn value(self) -> u32 {
        match self {
            Self::Macro(v) | Self::Home(v) | Self::ShortMacro(v) | Self::LongMacro(v) => v,
        }
    }
}

impl fmt::Display for EnbId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Macro(v) => write!(f, "macro 0x{v:x}"),
            Self::Home(v) => write!(f, "home 0x{v:x}"),
            Self::ShortMacro(v) => write!(f, "short-macro 0x{v:x}"),
            Self::LongMacro(v) => write!(f, "long-macro 0x{v:x}"),
        }
    }
}

/// Global eNB ID (TS 36.413 9.2.1.37).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GlobalEnbId {
    /// PLMN identity.
    pub plmn: Plmn,
    /// eNB id.
    pub enb_id: EnbId,
}

impl GlobalEnbId {
    pub(super) fn to_asn(self) -> asn::Global_ENB_ID {
        let enb_id = match self.enb_id {
            EnbId::Macro(v) => {
                asn::ENB_ID::MacroENB_ID(asn::ENB_ID_macroENB_ID(bits(u64::from(v), 20)))
            }
            EnbId::Home(v) => {
                asn::ENB_ID::HomeENB_ID(asn::ENB_ID_homeENB_ID(bits(u64::from(v), 28)))
            }
            EnbId::ShortMacro(v) => asn::ENB_ID::Short_macroENB_ID(asn::ENB_ID_short_macroENB_ID(
                bits(u64::from(v), 18),
            )),
            EnbId::LongMacro(v) => {
                asn::ENB_ID::Long_macroENB_ID(asn::ENB_ID_long_macroENB_ID(bits(u64::from(v), 21)))
            }
        };
        asn::Global_ENB_ID {
            plm_nidentity: plmn_to_asn(&self.plmn),
            enb_id,
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(g: &asn::Global_ENB_ID) -> Result<Self, S1apError> {
        let enb_id = match &g.enb_id {
            asn::ENB_ID::MacroENB_ID(b) => EnbId::Macro(bits_value(&b.0) as u32),
            asn::ENB_ID::HomeENB_ID(b) => EnbId::Home(bits_value(&b.0) as u32),
            asn::ENB_ID::Short_macroENB_ID(b) => EnbId::ShortMacro(bits_value(&b.0) as u32),
            asn::ENB_ID::Long_macroENB_ID(b) => EnbId::LongMacro(bits_value(&b.0) as u32),
            asn::ENB_ID::UnknownExtension(u) => {
                return Err(S1apError::invalid(format!(
                    "eNB-ID uses extension alternative {} that Rel-14 does not define",
                    u.index
                )));
            }
        };
        Ok(Self {
            plmn: plmn_from_asn(&g.plm_nidentity)?,
            enb_id,
        })
    }
}

/// GUMMEI (TS 36.413 9.2.3.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Gummei {
    /// PLMN identity.
    pub plmn: Plmn,
    /// MME group id.
    pub mme_group_id: u16,
    /// MME code.
    pub mme_code: u8,
}

impl Gummei {
    pub(super) fn to_asn(self) -> asn::GUMMEI {
        asn::GUMMEI {
            plmn_identity: plmn_to_asn(&self.plmn),
            mme_group_id: asn::MME_Group_ID(self.mme_group_id.to_be_bytes().to_vec()),
            mme_code: asn::MME_Code(vec![self.mme_code]),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(g: &asn::GUMMEI) -> Result<Self, S1apError> {
        Ok(Self {
            plmn: plmn_from_asn(&g.plmn_identity)?,
            mme_group_id: u16::from_be_bytes(fixed(&g.mme_group_id.0, "MME group id")?),
            mme_code: fixed::<1>(&g.mme_code.0, "MME code")?[0],
        })
    }
}

/// S-TMSI (TS 36.413 9.2.3.6): MME code and M-TMSI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct STmsi {
    /// MME code.
    pub mme_code: u8,
    /// M-TMSI.
    pub m_tmsi: u32,
}

impl STmsi {
    pub(super) fn to_asn(self) -> asn::S_TMSI {
        asn::S_TMSI {
            mmec: asn::MME_Code(vec![self.mme_code]),
            m_tmsi: asn::M_TMSI(self.m_tmsi.to_be_bytes().to_vec()),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(s: &asn::S_TMSI) -> Result<Self, S1apError> {
        Ok(Self {
            mme_code: fixed::<1>(&s.mmec.0, "MME code")?[0],
            m_tmsi: u32::from_be_bytes(fixed(&s.m_tmsi.0, "M-TMSI")?),
        })
    }
}

/// Cause (TS 36.413 9.2.1.3). The value numbers are those of the ASN.1
/// enumerations, extension values included (see the asn1 crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cause {
    /// Radio network layer cause.
    RadioNetwork(u8),
    /// Transport layer cause.
    Transport(u8),
    /// NAS cause.
    Nas(u8),
    /// Protocol cause.
    Protocol(u8),
    /// Miscellaneous cause.
    Misc(u8),
}

impl Cause {
    /// nas/normal-release.
    pub const NAS_NORMAL_RELEASE: Self = Self::Nas(asn::CauseNas::NORMAL_RELEASE);
    /// nas/detach.
    pub const NAS_DETACH: Self = Self::Nas(asn::CauseNas::DETACH);
    /// misc/unknown-PLMN.
    pub const MISC_UNKNOWN_PLMN: Self = Self::Misc(asn::CauseMisc::UNKNOWN_PLMN);
    /// misc/unspecified.
    pub const MISC_UNSPECIFIED: Self = Self::Misc(asn::CauseMisc::UNSPECIFIED);
    /// misc/om-intervention.
    pub const MISC_OM_INTERVENTION: Self = Self::Misc(asn::CauseMisc::OM_INTERVENTION);
    /// radioNetwork/user-inactivity.
    pub const RADIO_USER_INACTIVITY: Self =
        Self::RadioNetwork(asn::CauseRadioNetwork::USER_INACTIVITY);
    /// radioNetwork/unspecified.
    pub const RADIO_UNSPECIFIED: Self = Self::RadioNetwork(asn::CauseRadioNetwork::UNSPECIFIED);
    /// radioNetwork/unknown-mme-ue-s1ap-id.
    pub const RADIO_UNKNOWN_MME_UE_ID: Self =
        Self::RadioNetwork(asn::CauseRadioNetwork::UNKNOWN_MME_UE_S1AP_ID);
    /// radioNetwork/unknown-enb-ue-s1ap-id.
    pub const RADIO_UNKNOWN_ENB_UE_ID: Self =
        Self::RadioNetwork(asn::CauseRadioNetwork::UNKNOWN_ENB_UE_S1AP_ID);
    /// radioNetwork/not-supported-QCI-value.
    pub const RADIO_NOT_SUPPORTED_QCI: Self =
        Self::RadioNetwork(asn::CauseRadioNetwork::NOT_SUPPORTED_QCI_VALUE);
    /// transport/transport-resource-unavailable.
    pub const TRANSPORT_RESOURCE_UNAVAILABLE: Self =
        Self::Transport(asn::CauseTransport::TRANSPORT_RESOURCE_UNAVAILABLE);
    /// protocol/abstract-syntax-error-reject.
    pub const PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT: Self =
        Self::Protocol(asn::CauseProtocol::ABSTRACT_SYNTAX_ERROR_REJECT);
    /// protocol/transfer-syntax-error.
    pub const PROTOCOL_TRANSFER_SYNTAX_ERROR: Self =
        Self::Protocol(asn::CauseProtocol::TRANSFER_SYNTAX_ERROR);
    /// protocol/message-not-compatible-with-receiver-state.
    pub const PROTOCOL_NOT_COMPATIBLE_WITH_STATE: Self =
        Self::Protocol(asn::CauseProtocol::MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE);

    pub(super) fn to_asn(self) -> asn::Cause {
        match self {
            Self::RadioNetwork(v) => asn::Cause::RadioNetwork(asn::CauseRadioNetwork(v)),
            Self::Transport(v) => asn::Cause::Transport(asn::CauseTransport(v)),
            Self::Nas(v) => asn::Cause::Nas(asn::CauseNas(v)),
            Self::Protocol(v) => asn::Cause::Protocol(asn::CauseProtocol(v)),
            Self::Misc(v) => asn::Cause::Misc(asn::CauseMisc(v)),
        }
    }

    pub(super) fn from_asn(c: &asn::Cause) -> Result<Self, S1apError> {
        Ok(match c {
            asn::Cause::RadioNetwork(v) => Self::RadioNetwork(v.0),
            asn::Cause::Transport(v) => Self::Transport(v.0),
            asn::Cause::Nas(v) => Self::Nas(v.0),
            asn::Cause::Protocol(v) => Self::Protocol(v.0),
            asn::Cause::Misc(v) => Self::Misc(v.0),
            asn::Cause::UnknownExtension(u) => {
                return Err(S1apError::invalid(format!(
                    "Cause uses extension alternative {} that Rel-14 does not define",
                    u.index
                )));
            }
        })
    }

    /// The value's ASN.1 name, e.g. `nas/normal-release`.
    pub fn name(self) -> String {
        let (group, v, name) = match self {
            Self::RadioNetwork(v) => ("radioNetwork", v, asn::CauseRadioNetwork(v).name()),
            Self::Transport(v) => ("transport", v, asn::CauseTransport(v).name()),
            Self::Nas(v) => ("nas", v, asn::CauseNas(v).name()),
            Self::Protocol(v) => ("protocol", v, asn::CauseProtocol(v).name()),
            Self::Misc(v) => ("misc", v, asn::CauseMisc(v).name()),
        };
        match name {
            Some(n) => format!("{group}/{n}"),
            None => format!("{group}/{v}"),
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// Transport Layer Address (TS 36.413 9.2.2.1): IPv4 (32 bits), IPv6 (128)
/// or both (160).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransportAddress {
    /// IPv4 address, if any.
    pub ipv4: Option<Ipv4Addr>,
    /// IPv6 address, if any.
    pub ipv6: Option<Ipv6Addr>,
}

impl From<IpAddr> for TransportAddress {
    fn from(a: IpAddr) -> Self {
        match a {
            IpAddr::V4(v4) => Self {
                ipv4: Some(v4),
                ipv6: None,
            },
            IpAddr::V6(v6) => Self {
                ipv4: None,
                ipv6: Some(v6),
            },
        }
    }
}

impl From<Ipv4Addr> for TransportAddress {
    fn from(a: Ipv4Addr) -> Self {
        IpAddr::V4(a).into()
    }
}

impl TransportAddress {
    /// The address to use: IPv4 if present, else IPv6.
    pub fn ip(&self) -> Option<IpAddr> {
        self.ipv4
            .map(IpAddr::V4)
            .or_else(|| self.ipv6.map(IpAddr::V6))
    }

    pub(super) fn to_asn(self) -> asn::TransportLayerAddress {
        let mut bytes = Vec::with_capacity(20);
        if let Some(v4) = self.ipv4 {
            bytes.extend(v4.octets());
        }
        if let Some(v6) = self.ipv6 {
            bytes.extend(v6.octets());
        }
        asn::TransportLayerAddress(BitVec::from_vec(bytes))
    }

    pub(super) fn from_asn(t: &asn::TransportLayerAddress) -> Result<Self, S1apError> {
        let b = t.0.as_raw_slice();
        let v4 = |s: &[u8]| Ipv4Addr::new(s[0], s[1], s[2], s[3]);
        let v6 = |s: &[u8]| {
            let mut o = [0u8; 16];
            o.copy_from_slice(&s[..16]);
            Ipv6Addr::from(o)
        };
        match (t.0.len(), b.len()) {
            (32, 4) => Ok(Self {
                ipv4: Some(v4(b)),
                ipv6: None,
            }),
            (128, 16) => Ok(Self {
                ipv4: None,
                ipv6: Some(v6(b)),
            }),
            (160, 20) => Ok(Self {
                ipv4: Some(v4(b)),
                ipv6: Some(v6(&b[4..])),
            }),
            (n, _) => Err(S1apError::invalid(format!(
                "transport layer address of {n} bits is neither IPv4, IPv6 nor both"
            ))),
        }
    }
}

impl fmt::Display for TransportAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.ipv4, self.ipv6) {
            (Some(a), Some(b)) => write!(f, "{a}+{b}"),
            (Some(a), None) => write!(f, "{a}"),
            (None, Some(b)) => write!(f, "{b}"),
            (None, None) => f.write_str("-"),
        }
    }
}

pub(super) fn teid_to_asn(teid: u32) -> asn::GTP_TEID {
    asn::GTP_TEID(teid.to_be_bytes().to_vec())
}

pub(super) fn teid_from_asn(t: &asn::GTP_TEID) -> Result<u32, S1apError> {
    Ok(u32::from_be_bytes(fixed(&t.0, "GTP-TEID")?))
}

/// UE Aggregate Maximum Bit Rate (TS 36.413 9.2.1.20), bits per second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Ambr {
    /// Downlink.
    pub dl: u64,
    /// Uplink.
    pub ul: u64,
}

impl Ambr {
    pub(super) fn to_asn(self) -> asn::UEAggregateMaximumBitrate {
        asn::UEAggregateMaximumBitrate {
            u_eaggregate_maximum_bit_rate_dl: asn::BitRate(self.dl),
            u_eaggregate_maximum_bit_rate_ul: asn::BitRate(self.ul),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(a: &asn::UEAggregateMaximumBitrate) -> Self {
        Self {
            dl: a.u_eaggregate_maximum_bit_rate_dl.0,
            ul: a.u_eaggregate_maximum_bit_rate_ul.0,
        }
    }
}

/// Allocation and Retention Priority (TS 36.413 9.2.1.60).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arp {
    /// Priority level, 1 (highest) to 15; 0 is spare.
    pub priority_level: u8,
    /// Pre-emption capability: may trigger pre-emption.
    pub may_pre_empt: bool,
    /// Pre-emption vulnerability: pre-emptable.
    pub pre_emptable: bool,
}

/// GBR QoS information (TS 36.413 9.2.1.18), bits per second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GbrQos {
    /// Maximum bit rate downlink.
    pub mbr_dl: u64,
    /// Maximum bit rate uplink.
    pub mbr_ul: u64,
    /// Guaranteed bit rate downlink.
    pub gbr_dl: u64,
    /// Guaranteed bit rate uplink.
    pub gbr_ul: u64,
}

/// E-RAB Level QoS Parameters (TS 36.413 9.2.1.15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErabQos {
    /// QoS Class Identifier.
    pub qci: u8,
    /// Allocation and retention priority.
    pub arp: Arp,
    /// GBR parameters for GBR bearers.
    pub gbr: Option<GbrQos>,
}

impl ErabQos {
    pub(super) fn to_asn(self) -> asn::E_RABLevelQoSParameters {
        asn::E_RABLevelQoSParameters {
            qci: asn::QCI(self.qci),
            allocation_retention_priority: asn::AllocationAndRetentionPriority {
                priority_level: asn::PriorityLevel(self.arp.priority_level),
                pre_emption_capability: asn::Pre_emptionCapability(u8::from(self.arp.may_pre_empt)),
                pre_emption_vulnerability: asn::Pre_emptionVulnerability(u8::from(
                    self.arp.pre_emptable,
                )),
                ie_extensions: None,
            },
            gbr_qos_information: self.gbr.map(|g| asn::GBR_QosInformation {
                e_rab_maximum_bitrate_dl: asn::BitRate(g.mbr_dl),
                e_rab_maximum_bitrate_ul: asn::BitRate(g.mbr_ul),
                e_rab_guaranteed_bitrate_dl: asn::BitRate(g.gbr_dl),
                e_rab_guaranteed_bitrate_ul: asn::BitRate(g.gbr_ul),
                ie_extensions: None,
            }),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(q: &asn::E_RABLevelQoSParameters) -> Self {
        let a = &q.allocation_retention_priority;
        Self {
            qci: q.qci.0,
            arp: Arp {
                priority_level: a.priority_level.0,
                may_pre_empt: a.pre_emption_capability.0 == 1,
                pre_emptable: a.pre_emption_vulnerability.0 == 1,
            },
            gbr: q.gbr_qos_information.as_ref().map(|g| GbrQos {
                mbr_dl: g.e_rab_maximum_bitrate_dl.0,
                mbr_ul: g.e_rab_maximum_bitrate_ul.0,
                gbr_dl: g.e_rab_guaranteed_bitrate_dl.0,
                gbr_ul: g.e_rab_guaranteed_bitrate_ul.0,
            }),
        }
    }
}

/// UE Security Capabilities (TS 36.413 9.2.1.40): 16-bit masks, most
/// significant bit first = 128-EEA1/EIA1, then EEA2/EIA2, EEA3/EIA3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UeSecurityCapabilities {
    /// Encryption algorithms bit mask.
    pub eea: u16,
    /// Integrity protection algorithms bit mask.
    pub eia: u16,
}

impl UeSecurityCapabilities {
    pub(super) fn to_asn(self) -> asn::UESecurityCapabilities {
        asn::UESecurityCapabilities {
            encryption_algorithms: asn::EncryptionAlgorithms(bits(u64::from(self.eea), 16)),
            integrity_protection_algorithms: asn::IntegrityProtectionAlgorithms(bits(
                u64::from(self.eia),
                16,
            )),
            ie_extensions: None,
        }
    }

    pub(super) fn from_asn(u: &asn::UESecurityCapabilities) -> Self {
        Self {
            eea: bits_value(&u.encryption_algorithms.0) as u16,
            eia: bits_value(&u.integrity_protection_algorithms.0) as u16,
        }
    }
}

/// An E-RAB to set up (TS 36.413 9.1.4.1 / 9.1.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErabToSetup {
    /// E-RAB id (= EPS bearer id).
    pub erab_id: u8,
    /// QoS parameters.
    pub qos: ErabQos,
    /// SGW S1-U address.
    pub transport: TransportAddress,
    /// SGW S1-U TEID.
    pub teid: u32,
    /// NAS PDU for the UE (mandatory in E-RAB Setup, optional in Initial Context Setup).
    pub nas_pdu: Option<Vec<u8>>,
}

/// An E-RAB that was set up, with the eNB's S1-U endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErabSetupItem {
    /// E-RAB id.
    pub erab_id: u8,
    /// eNB S1-U address.
    pub transport: TransportAddress,
    /// eNB S1-U TEID.
    pub teid: u32,
}

/// An E-RAB with a cause: failed to set up, or to release (TS 36.413 9.2.1.36).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErabCause {
    /// E-RAB id.
    pub erab_id: u8,
    /// Why.
    pub cause: Cause,
}

pub(super) fn erab_item_to_asn(e: &ErabCause) -> asn::E_RABItem {
    asn::E_RABItem {
        e_rab_id: asn::E_RAB_ID(e.erab_id),
        cause: e.cause.to_asn(),
        ie_extensions: None,
    }
}

pub(super) fn erab_item_from_asn(e: &asn::E_RABItem) -> Result<ErabCause, S1apError> {
    Ok(ErabCause {
        erab_id: e.e_rab_id.0,
        cause: Cause::from_asn(&e.cause)?,
    })
}

/// Builds an E-RAB List (TS 36.413 9.2.1.36) of single-container items.
pub(super) fn erab_list_to_asn(items: &[ErabCause]) -> asn::E_RABList {
    asn::E_RABList(
        items
            .iter()
            .map(|e| {
                let value = asn::E_RABList_EntryValue::Id_E_RABItem(erab_item_to_asn(e));
                asn::E_RABList_Entry {
                    id: asn::ProtocolIE_ID(value.key().unwrap_or_default()),
                    criticality: asn::Criticality(value.criticality().unwrap_or_default()),
                    value,
                }
            })
            .collect(),
    )
}

pub(super) fn erab_list_from_asn(l: &asn::E_RABList) -> Result<Vec<ErabCause>, S1apError> {
    let mut out = Vec::new();
    for e in &l.0 {
        super::check_ie("E-RAB List", e)?;
        if let asn::E_RABList_EntryValue::Id_E_RABItem(i) = &e.value {
            out.push(erab_item_from_asn(i)?);
        }
    }
    Ok(out)
}
