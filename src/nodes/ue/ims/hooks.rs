//! How the UE runs its IMS client: built from the topology, started when
//! the ims PDN is up with a P-CSCF and an address that reaches it (IPv4,
//! or the global IPv6 address once the Router Advertisement came) and
//! registration is wanted (`ims: register`, or `UeCommand::ImsRegister`),
//! told of an address learnt later, stopped when that PDN goes, and
//! counted in the UE's outcome (a VoLTE UE's goal is to be registered).

use super::identity::{ImsIdentity, access_network_info, instance_id};
use super::{Bearer, DEFAULT_EXPIRES, ImsClient, ImsConfig};
use crate::nodes::ue::Ue;
use crate::nodes::ue::esm::is_ims_apn;
use crate::nodes::{NodeId, Outcome};
use crate::topology::{NodeKind, Topology, UeSpec};
use std::net::IpAddr;

/// What the scenario wants of IMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::nodes::ue) enum ImsGoal {
    /// Nothing (not a VoLTE UE, no command).
    None,
    /// Registered.
    Registered,
    /// De-registered.
    Deregistered,
}

/// The UE's addresses on the ims PDN, IPv4 first.
fn bearer_addrs(b: &Bearer) -> Vec<IpAddr> {
    b.ipv4
        .map(IpAddr::V4)
        .into_iter()
        .chain(b.ipv6.map(IpAddr::V6))
        .collect()
}

/// The seed of UE `id`'s IMS randomness (client and IP stack).
pub(in crate::nodes::ue) fn seed(id: NodeId, topo: &Topology) -> u64 {
    topo.seed
        ^ u64::from(id.0)
            .wrapping_add(1)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The IMS client of UE `id`.
pub(in crate::nodes::ue) fn build(id: NodeId, topo: &Topology, spec: &UeSpec) -> ImsClient {
    let name = topo
        .node(id)
        .map_or_else(|| format!("ue-{}", spec.imsi), |n| n.name.clone());
    let (tac, eci) = match topo.node(spec.enb).map(|n| &n.kind) {
        Some(NodeKind::Enb(e)) => (e.tac, e.cell_id),
        _ => (0, 0),
    };
    let seed = seed(id, topo);
    ImsClient::new(ImsConfig {
        name,
        identity: ImsIdentity::new(spec.isim.as_ref(), &spec.imsi, &topo.plmn),
        instance: instance_id(&spec.imeisv),
        access_network_info: access_network_info(&topo.plmn, tac, eci),
        requires_ipsec: spec.requires_ipsec,
        expires: DEFAULT_EXPIRES,
        show_keys: topo.show_keys,
        seed,
    })
}

impl Ue {
    /// After every input: starts or stops the client as the ims PDN comes
    /// and goes, then moves its work to the link and the radio.
    pub(in crate::nodes::ue) fn drive_ims(&mut self) {
        self.sync_ims_bearer();
        self.pump_ims();
    }

    /// Gives the client and its link the ims PDN once it has an address
    /// IMS can use: its IPv4 address, or its global IPv6 address (prefix
    /// from the Router Advertisement + interface identifier; never the
    /// link-local one). An address learnt later is handed on; a PDN that
    /// goes takes the registration with it.
    fn sync_ims_bearer(&mut self) {
        let ready = self
            .esm
            .pdns
            .iter()
            .find(|p| is_ims_apn(&p.apn) && !p.pcscf.is_empty())
            .filter(|p| p.ipv4.is_some() || p.ipv6_global().is_some())
            .map(|p| {
                (
                    p.ebi,
                    Bearer {
                        ipv4: p.ipv4,
                        ipv6: p.ipv6_global(),
                        pcscf: p.pcscf.clone(),
                    },
                )
            });
        let now = self.now;
        match (self.ims_ebi, ready) {
            (Some(old), Some((ebi, bearer))) if old == ebi => {
                if self.ims_bearer.as_ref() != Some(&bearer) {
                    self.ims_link.bearer_up(now, &bearer_addrs(&bearer));
                    self.ims_client.bearer_up(now, bearer.clone());
                    self.ims_bearer = Some(bearer);
                }
            }
            (None, None) => {}
            (old, new) => {
                if old.is_some() {
                    self.ims_ebi = None;
                    self.ims_bearer = None;
                    self.ims_client.bearer_down(now);
                    self.ims_link.bearer_down(now);
                }
                if let Some((ebi, bearer)) = new {
                    self.ims_ebi = Some(ebi);
                    self.ims_link.bearer_up(now, &bearer_addrs(&bearer));
                    self.ims_client.bearer_up(now, bearer.clone());
                    self.ims_bearer = Some(bearer);
                    if self.ims_goal == ImsGoal::Registered {
                        self.ims_client.register(now);
                    }
                }
            }
        }
    }

    /// `UeCommand::ImsRegister`.
    pub(in crate::nodes::ue) fn command_ims_register(&mut self) {
        self.ims_goal = ImsGoal::Registered;
        if self.ims_ebi.is_some() {
            self.ims_client.register(self.now);
        } else {
            self.note("IMS registration starts once the ims PDN is up with a P-CSCF");
        }
    }

    /// `UeCommand::ImsDeregister`.
    pub(in crate::nodes::ue) fn command_ims_deregister(&mut self) {
        self.ims_goal = ImsGoal::Deregistered;
        self.ims_client.deregister(self.now);
    }

    /// `UeCommand::SendMessage`.
    pub(in crate::nodes::ue) fn command_send_message(&mut self, to: &str, text: &str) {
        self.ims_client.send_message(self.now, to, text);
    }

    /// The IMS part of the outcome: `None` when IMS is not part of the
    /// goal (no IMS goal, or no IMS APN wanted any more).
    pub(in crate::nodes::ue) fn ims_outcome(&self) -> Option<Outcome> {
        if !self.wanted.iter().any(|a| is_ims_apn(a)) {
            return None;
        }
        match self.ims_goal {
            ImsGoal::None => None,
            ImsGoal::Registered => Some(match self.ims_client.failure() {
                Some(f) => Outcome::Failed(f.to_string()),
                None if self.ims_client.is_registered() => Outcome::Reached,
                None => Outcome::Pending,
            }),
            ImsGoal::Deregistered => Some(if self.ims_client.is_active() {
                Outcome::Pending
            } else {
                Outcome::Reached
            }),
        }
    }
}
