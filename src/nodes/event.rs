//! Events nodes emit about themselves: state snapshots of UEs, counters and
//! notes that explain what happened. The wire messages themselves are not
//! events of the node: the fabric taps them.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Whether a UE reached what its scenario asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Outcome {
    /// Still working on it.
    #[default]
    Pending,
    /// Done.
    Reached,
    /// Stopped; the reason in plain words (shown in the run summary and the UI).
    Failed(String),
}

/// One PDN connection as the UE sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdnStatus {
    /// Access point name.
    pub apn: String,
    /// EPS bearer id of the default bearer.
    pub ebi: u8,
    /// QCI of the default bearer.
    pub qci: u8,
    /// IPv4 address, if any.
    pub ipv4: Option<Ipv4Addr>,
    /// IPv6 address (prefix + interface id once known, else link-local).
    pub ipv6: Option<Ipv6Addr>,
    /// P-CSCF addresses learned from the PCO, in order.
    pub pcscf: Vec<IpAddr>,
    /// DNS servers learned from the PCO.
    pub dns: Vec<IpAddr>,
}

/// IMS registration as the UE sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImsStatus {
    /// Registration state, e.g. "registered".
    pub state: String,
    /// Public identity registered.
    pub impu: String,
    /// Private identity.
    pub impi: String,
    /// The identities were derived from the IMSI (no ISIM; TS 23.003 13.3,
    /// 13.4B).
    pub derived: bool,
    /// S-CSCF that serves the UE, when known.
    pub scscf: Option<String>,
    /// Registration expiry in seconds.
    pub expires: Option<u32>,
    /// IPsec SAs: (spi-c, spi-s, port-c, port-s) of the UE side.
    pub sa: Option<(u32, u32, u16, u16)>,
}

/// A snapshot of one UE, emitted whenever it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UeStatus {
    /// IMSI.
    pub imsi: String,
    /// EMM state, e.g. "EMM-REGISTERED".
    pub emm: String,
    /// Open PDN connections.
    pub pdns: Vec<PdnStatus>,
    /// IMS registration, once the UE tried.
    pub ims: Option<ImsStatus>,
    /// Progress toward the scenario's goal.
    pub outcome: Outcome,
}

/// Wireshark `esp_sa` lines of IPsec SAs with encryption on (see
/// [`crate::crypto::ipsec::esp_sa_line`]), for the capture to write beside
/// the pcap so Wireshark can decrypt the ESP. They hold keys: `Debug`
/// prints only how many there are, and only the pcap sink writes them
/// (the ladder never shows them; the JSON log only with `show_keys`).
#[derive(Clone, PartialEq, Eq)]
pub struct EspSaLines(pub Vec<String>);

impl std::fmt::Debug for EspSaLines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EspSaLines({} SAs, keys redacted)", self.0.len())
    }
}

/// Something a node wants observers to know.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeEvent {
    /// A UE's state changed.
    Ue(UeStatus),
    /// A counter of the node changed to `value` (e.g. "nas_bad_mac").
    Counter {
        /// Counter name.
        name: &'static str,
        /// New value.
        value: u64,
    },
    /// An explanation of a decision, in plain words, possibly about one UE.
    Note {
        /// The subscriber concerned.
        imsi: Option<u64>,
        /// What happened and why.
        text: String,
    },
    /// ESP SAs with encryption were installed: their keys for the capture.
    EspSa(EspSaLines),
}
