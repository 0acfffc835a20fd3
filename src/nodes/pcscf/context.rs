//! What the P-CSCF keeps per UE (TS 24.229 5.2.2): the sec-agree offer of
//! its first REGISTER, the SA sets (a temporary one between the 401 and the
//! 200, then the one in use), and once registered the registration cache:
//! public identities, Service-Route, contact, expiry.

use super::gm::{SaId, SaSet};
use crate::codec::sip::{Ipsec3gpp, NameAddr, SecurityMechanism, SipMessage};
use crate::nodes::NodeId;
use crate::nodes::Time;
use crate::topology::{IpsecEncryption, IpsecIntegrity};
use std::net::{IpAddr, SocketAddr};

/// The UE's ipsec-3gpp offer the P-CSCF took (TS 33.203 7.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The UE's parameters: its SPIs and protected ports.
    pub mechanism: Ipsec3gpp,
    /// Integrity algorithm chosen.
    pub integrity: IpsecIntegrity,
    /// Encryption algorithm chosen.
    pub encryption: IpsecEncryption,
}

/// An SA set and the Security-Server that announced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sas {
    /// The set, as installed.
    pub set: SaSet,
    /// The Security-Server sent in the 401 (the UE echoes it in
    /// Security-Verify).
    pub server: Vec<SecurityMechanism>,
}

impl Sas {
    /// Its id.
    pub fn id(&self) -> SaId {
        self.set.id
    }
}

/// A UE known to the P-CSCF, by private identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeContext {
    /// Private identity.
    pub impi: String,
    /// The public identity it registers.
    pub impu: String,
    /// Its IP address on the IMS PDN.
    pub ue_addr: IpAddr,
    /// The P-CSCF address it talks to.
    pub pcscf_addr: IpAddr,
    /// Its Contact in the REGISTER.
    pub contact: Option<NameAddr>,
    /// Security-Client of its unprotected REGISTER (all mechanisms).
    pub security_client: Vec<SecurityMechanism>,
    /// The ipsec-3gpp offer chosen from it, when IPsec is used with this UE.
    pub offer: Option<Offer>,
    /// SAs created at the 401, waiting for the protected REGISTER.
    pub temporary: Option<Sas>,
    /// SAs in use.
    pub current: Option<Sas>,
    /// The registration, once a 200 came.
    pub registered: Option<Registered>,
}

/// The registration cache entry (TS 24.229 5.2.2.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// Service-Route from the 200 (the preloaded route of the UE's requests).
    pub service_route: Vec<String>,
    /// P-Associated-URI from the 200: the identities it may assert, the
    /// default first.
    pub associated: Vec<String>,
    /// When the registration ends.
    pub expires_at: Time,
}

/// Where a forwarded request came from, for its responses.
#[derive(Debug, Clone)]
pub enum Upstream {
    /// From a UE over Gm.
    Ue {
        /// Its address.
        src: SocketAddr,
        /// The P-CSCF address it used.
        local: SocketAddr,
        /// The SA set it came through.
        sa: Option<SaId>,
        /// The UE.
        impi: Option<String>,
        /// The request as it came.
        request: Box<SipMessage>,
    },
    /// From the core over Mw.
    Core {
        /// The node that sent it.
        from: NodeId,
        /// The UE it went to.
        impi: String,
        /// The request as it came.
        request: Box<SipMessage>,
        /// The UE is gone once this transaction ends (a NOTIFY that
        /// terminated its registration).
        then_forget: bool,
    },
}

/// What the P-CSCF does with its transport once the response it is
/// relaying has gone to the UE.
#[derive(Debug, Clone)]
pub enum AfterSend {
    /// Install the SAs of a new challenge.
    Install(Box<super::gm::SaSet>),
    /// Remove SAs that a new challenge replaced.
    Remove(Sas),
}
