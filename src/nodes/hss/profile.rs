//! What the HSS knows about APNs and identities beyond the database: the QoS
//! and PDN type of each APN, taken from the gateway that serves it, and the
//! IMS identities a subscriber without an ISIM gets.

use crate::codec::diameter::s6a::{
    AllApnConfigurationsIncludedIndicator, AllocationRetentionPriority, Ambr, ApnConfiguration,
    ApnConfigurationProfile, EpsSubscribedQosProfile, PdnType, PreemptionCapability,
    PreemptionVulnerability,
};
use crate::codec::plmn::Plmn;
use crate::topology::{ApnSpec, NodeKind, Topology};
use std::collections::HashMap;

/// UE-AMBR sent in Subscription-Data, uplink (bits/s). The topology has no
/// per-subscriber AMBR; these are the reference flow's values.
pub const UE_AMBR_UL: u32 = 500_000_000;
/// UE-AMBR sent in Subscription-Data, downlink (bits/s).
pub const UE_AMBR_DL: u32 = 1_000_000_000;

/// QoS of an APN the topology's gateways do not serve (QCI 9, ARP 8,
/// 100 Mbit/s): the MME still gets a configuration, and the HSS says so.
pub const FALLBACK: ApnProfile = ApnProfile {
    pdn_type: PdnType::Ipv4,
    qci: 9,
    arp_priority: 8,
    ambr_ul: 100_000_000,
    ambr_dl: 100_000_000,
};

/// The subscription side of one APN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApnProfile {
    /// PDN type allowed.
    pub pdn_type: PdnType,
    /// QCI of the default bearer.
    pub qci: u8,
    /// ARP priority level.
    pub arp_priority: u8,
    /// APN-AMBR uplink, bits/s (at most 2^32 - 1 on the wire).
    pub ambr_ul: u32,
    /// APN-AMBR downlink, bits/s.
    pub ambr_dl: u32,
}

impl ApnProfile {
    /// From a gateway's APN: IPv4v6 when it has both pools, else the one it
    /// has. AMBRs above 2^32 - 1 bits/s are clamped (the Extended-Max-
    /// Requested-BW AVPs of TS 29.272 7.3.41 are not in the dictionary).
    pub fn from_spec(spec: &ApnSpec) -> Self {
        let pdn_type = match (spec.ipv4_pool.is_some(), spec.ipv6_prefix.is_some()) {
            (true, true) => PdnType::Ipv4v6,
            (false, true) => PdnType::Ipv6,
            _ => PdnType::Ipv4,
        };
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        Self {
            pdn_type,
            qci: spec.qci,
            arp_priority: spec.arp_priority,
            ambr_ul: clamp(spec.ambr_ul),
            ambr_dl: clamp(spec.ambr_dl),
        }
    }

    /// The APN-Configuration (TS 29.272 7.3.35) for `apn` with context `ctx`.
    /// Pre-emption is disabled both ways, as in the reference flow.
    pub fn configuration(&self, ctx: u32, apn: &str) -> ApnConfiguration {
        ApnConfiguration {
            context_identifier: ctx,
            pdn_type: self.pdn_type,
            service_selection: apn.to_string(),
            eps_subscribed_qos_profile: Some(EpsSubscribedQosProfile {
                qos_class_identifier: u32::from(self.qci),
                allocation_retention_priority: AllocationRetentionPriority {
                    priority_level: u32::from(self.arp_priority),
                    pre_emption_capability: Some(PreemptionCapability::Disabled),
                    pre_emption_vulnerability: Some(PreemptionVulnerability::Disabled),
                    ..Default::default()
                },
                ..Default::default()
            }),
            ambr: Some(Ambr::new(self.ambr_ul, self.ambr_dl)),
            ..Default::default()
        }
    }
}

/// The APN profiles of a topology, by APN name.
#[derive(Debug, Clone, Default)]
pub struct ApnTable {
    by_name: HashMap<String, ApnProfile>,
}

impl ApnTable {
    /// Collects every gateway's APNs; when two gateways serve the same name
    /// the first (in node order) wins. Returns the table and notes about
    /// what was adjusted.
    pub fn from_topology(topo: &Topology) -> (Self, Vec<String>) {
        let mut by_name = HashMap::new();
        let mut first_gateway: HashMap<&str, &str> = HashMap::new();
        let mut notes = Vec::new();
        for node in &topo.nodes {
            let NodeKind::Gateway(gw) = &node.kind else {
                continue;
            };
            for spec in &gw.apns {
                let p = ApnProfile::from_spec(spec);
                if u64::from(p.ambr_ul) != spec.ambr_ul || u64::from(p.ambr_dl) != spec.ambr_dl {
                    notes.push(format!(
                        "APN {}: AMBR above 4294967295 bit/s sent as 4294967295 in ULA",
                        spec.name
                    ));
                }
                match by_name.get(&spec.name) {
                    None => {
                        by_name.insert(spec.name.clone(), p);
                        first_gateway.insert(&spec.name, &node.name);
                    }
                    Some(first) if *first != p => notes.push(format!(
                        "APN {} is served by {} and {} with different settings; ULA uses {}'s",
                        spec.name,
                        first_gateway.get(spec.name.as_str()).unwrap_or(&"?"),
                        node.name,
                        first_gateway.get(spec.name.as_str()).unwrap_or(&"?"),
                    )),
                    Some(_) => {}
                }
            }
        }
        (Self { by_name }, notes)
    }

    /// The profile of `apn`, if a gateway serves it.
    pub fn get(&self, apn: &str) -> Option<&ApnProfile> {
        self.by_name.get(apn)
    }

    /// The APN-Configuration-Profile (TS 29.272 7.3.34) for the subscribed
    /// `apns`: context identifiers 1, 2, ... in subscription order, the
    /// first APN the default. Also returns the APNs no gateway serves (sent
    /// with [`FALLBACK`]). `None` when there is no APN at all.
    pub fn configuration_profile(
        &self,
        apns: &[String],
    ) -> Option<(ApnConfigurationProfile, Vec<String>)> {
        if apns.is_empty() {
            return None;
        }
        let mut unknown = Vec::new();
        let configs = apns
            .iter()
            .zip(1u32..)
            .map(|(apn, ctx)| {
                let p = self.get(apn).copied().unwrap_or_else(|| {
                    unknown.push(apn.clone());
                    FALLBACK
                });
                p.configuration(ctx, apn)
            })
            .collect();
        Some((
            ApnConfigurationProfile {
                context_identifier: 1,
                all_apn_configurations_included_indicator:
                    AllApnConfigurationsIncludedIndicator::AllApnConfigurationsIncluded,
                apn_configurations: configs,
                ..Default::default()
            },
            unknown,
        ))
    }
}

/// The home network domain `ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org`, MNC on
/// three digits (TS 23.003 13.2).
pub fn home_domain(plmn: &Plmn) -> String {
    format!(
        "ims.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

/// IMS identities of a subscriber without an ISIM (TS 23.003 13.3, 13.4B):
/// IMPI `<imsi>@<domain>`, IMPUs `sip:<imsi>@<domain>` and, with an MSISDN,
/// `tel:+<msisdn>`.
pub fn derived_ims_identities(imsi: &str, msisdn: &str, plmn: &Plmn) -> (String, Vec<String>) {
    let domain = home_domain(plmn);
    let mut impus = vec![format!("sip:{imsi}@{domain}")];
    if !msisdn.is_empty() {
        impus.push(format!("tel:+{msisdn}"));
    }
    (format!("{imsi}@{domain}"), impus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn spec(name: &str, v6: bool) -> ApnSpec {
        ApnSpec {
            name: name.into(),
            ipv4_pool: Some((Ipv4Addr::new(10, 45, 0, 0), 16)),
            ipv6_prefix: v6.then(|| ("fd00:46::".parse::<Ipv6Addr>().unwrap(), 64)),
            qci: 5,
            arp_priority: 2,
            ambr_ul: 1 << 33,
            ambr_dl: 7,
            pcscf: vec![],
            dns: vec![],
            mtu: None,
        }
    }

    #[test]
    fn apn_profile_takes_pdn_type_from_pools_and_clamps_ambr() {
        let p = ApnProfile::from_spec(&spec("ims", true));
        assert_eq!(p.pdn_type, PdnType::Ipv4v6);
        assert_eq!((p.ambr_ul, p.ambr_dl), (u32::MAX, 7));
        assert_eq!(
            ApnProfile::from_spec(&spec("internet", false)).pdn_type,
            PdnType::Ipv4
        );
        let mut v6 = spec("v6", true);
        v6.ipv4_pool = None;
        assert_eq!(ApnProfile::from_spec(&v6).pdn_type, PdnType::Ipv6);
        let c = p.configuration(2, "ims");
        assert_eq!(c.context_identifier, 2);
        assert_eq!(c.service_selection, "ims");
        let qos = c.eps_subscribed_qos_profile.unwrap();
        assert_eq!(qos.qos_class_identifier, 5);
        assert_eq!(qos.allocation_retention_priority.priority_level, 2);
    }

    #[test]
    fn derived_identities_follow_ts_23_003() {
        let plmn = Plmn::new("001", "01").unwrap();
        let (impi, impus) = derived_ims_identities("001010000000001", "15550001", &plmn);
        assert_eq!(impi, "001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(
            impus,
            [
                "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org",
                "tel:+15550001"
            ]
        );
        let (_, impus) =
            derived_ims_identities("310150123456789", "", &Plmn::new("310", "150").unwrap());
        assert_eq!(
            impus,
            ["sip:310150123456789@ims.mnc150.mcc310.3gppnetwork.org"]
        );
    }
}
