//! EPS session management, UE side (TS 24.301 6): PDN connections by APN,
//! the UE-requested PDN connectivity and disconnect procedures, default
//! bearer activation and what the PCO answer teaches the UE.

use super::Ue;
use super::emm::{EmmState, cause_words};
use super::timers::{MAX_TRIES, Timer};
use crate::codec::nas::esm::{
    ActivateDefaultEpsBearerContextAccept, ActivateDefaultEpsBearerContextReject,
    ActivateDefaultEpsBearerContextRequest, DeactivateEpsBearerContextAccept,
    EsmInformationResponse, EsmStatus, PdnConnectivityRequest, PdnDisconnectRequest,
};
use crate::codec::nas::ie::{Apn, EsmCause, PdnType, RequestType};
use crate::codec::nas::pco::{self, Pco};
use crate::codec::nas::{EsmBody, EsmMessage, NasMessage};
use crate::nodes::PdnStatus;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// One open PDN connection (TS 24.301 6.1: its default EPS bearer context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pdn {
    /// APN as the UE asked for it.
    pub(super) apn: String,
    /// EPS bearer id of the default bearer.
    pub(super) ebi: u8,
    /// QCI of the default bearer.
    pub(super) qci: u8,
    /// IPv4 address.
    pub(super) ipv4: Option<Ipv4Addr>,
    /// IPv6 interface identifier (TS 24.301 9.9.4.9).
    pub(super) ipv6_iid: Option<[u8; 8]>,
    /// The /64 prefix of the gateway's Router Advertisement, once received
    /// (TS 29.061 11.2.1.3.4).
    pub(super) ipv6_prefix: Option<Ipv6Addr>,
    /// APN-AMBR downlink/uplink in kbps.
    pub(super) ambr_kbps: Option<(u64, u64)>,
    /// P-CSCF addresses from the PCO, in order.
    pub(super) pcscf: Vec<IpAddr>,
    /// DNS servers from the PCO, in order.
    pub(super) dns: Vec<IpAddr>,
}

/// `prefix`'s upper 64 bits followed by interface identifier `iid`
/// (RFC 4291 2.5.1, RFC 4862 5.5.3).
pub(super) fn with_iid(prefix: Ipv6Addr, iid: [u8; 8]) -> Ipv6Addr {
    let mut a = prefix.octets();
    a[8..].copy_from_slice(&iid);
    Ipv6Addr::from(a)
}

impl Pdn {
    /// The link-local address fe80::IID (TS 23.401 5.3.1.2.2).
    pub(super) fn ipv6_link_local(&self) -> Option<Ipv6Addr> {
        self.ipv6_iid
            .map(|iid| with_iid(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), iid))
    }

    /// The global address: the Router Advertisement's prefix + IID.
    pub(super) fn ipv6_global(&self) -> Option<Ipv6Addr> {
        Some(with_iid(self.ipv6_prefix?, self.ipv6_iid?))
    }

    /// The IPv6 address to report: the global one once the Router
    /// Advertisement gave the prefix, the link-local one until then.
    pub(super) fn ipv6(&self) -> Option<Ipv6Addr> {
        self.ipv6_global().or_else(|| self.ipv6_link_local())
    }

    /// The published view.
    pub(super) fn status(&self) -> PdnStatus {
        PdnStatus {
            apn: self.apn.clone(),
            ebi: self.ebi,
            qci: self.qci,
            ipv4: self.ipv4,
            ipv6: self.ipv6(),
            pcscf: self.pcscf.clone(),
            dns: self.dns.clone(),
        }
    }
}

/// A PDN Connectivity Request waiting for its answer.
#[derive(Debug, Clone)]
pub(super) struct ConnectProc {
    /// APN.
    pub(super) apn: String,
    /// Procedure transaction identity.
    pub(super) pti: u8,
    /// Requests sent so far (standalone only; the attach's one rides T3410).
    pub(super) tries: u8,
    /// The request, resent on T3482 expiry.
    pub(super) request: EsmMessage,
    /// Sent inside the Attach Request.
    pub(super) in_attach: bool,
}

/// A PDN Disconnect Request waiting for its answer.
#[derive(Debug, Clone)]
pub(super) struct DisconnectProc {
    /// APN.
    pub(super) apn: String,
    /// Procedure transaction identity.
    pub(super) pti: u8,
    /// Default bearer of the PDN.
    pub(super) ebi: u8,
    /// Requests sent so far.
    pub(super) tries: u8,
    /// The request, resent on T3492 expiry.
    pub(super) request: EsmMessage,
}

/// The UE's ESM state.
#[derive(Debug, Clone, Default)]
pub(super) struct Esm {
    last_pti: u8,
    /// Open PDN connections, in the order they came up.
    pub(super) pdns: Vec<Pdn>,
    /// Running PDN connectivity procedures.
    pub(super) connects: Vec<ConnectProc>,
    /// Running PDN disconnect procedures.
    pub(super) disconnects: Vec<DisconnectProc>,
    /// Why an APN could not be opened: (APN, reason).
    pub(super) failures: Vec<(String, String)>,
}

impl Esm {
    /// Forgets every PDN and procedure (detach, failed attach). The PTI
    /// sequence goes on.
    pub(super) fn reset(&mut self) {
        *self = Self {
            last_pti: self.last_pti,
            ..Self::default()
        };
    }

    /// A fresh PTI, 1..=254 (TS 24.007 11.2.3.1a).
    fn next_pti(&mut self) -> u8 {
        self.last_pti = if self.last_pti >= 254 {
            1
        } else {
            self.last_pti + 1
        };
        self.last_pti
    }

    /// Starts a PDN connectivity procedure and returns its request
    /// (TS 24.301 6.5.1.2): IPv4v6, initial request, the APN and `pco`.
    pub(super) fn start_connect(&mut self, apn: &str, in_attach: bool, pco: Pco) -> EsmMessage {
        let pti = self.next_pti();
        let request = EsmMessage::new(
            0,
            pti,
            PdnConnectivityRequest {
                request_type: RequestType::InitialRequest,
                pdn_type: PdnType::Ipv4v6,
                esm_info_transfer_flag: None,
                apn: Some(Apn::new(apn)),
                pco: Some(pco),
                epco: None,
                other_ies: Vec::new(),
            },
        );
        self.failures.retain(|(a, _)| a != apn);
        self.connects.push(ConnectProc {
            apn: apn.to_string(),
            pti,
            tries: 1,
            request: request.clone(),
            in_attach,
        });
        request
    }

    /// The open PDN whose default bearer is `ebi`.
    pub(super) fn pdn_by_ebi(&self, ebi: u8) -> Option<&Pdn> {
        self.pdns.iter().find(|p| p.ebi == ebi)
    }

    /// The open PDN for `apn`.
    pub(super) fn pdn_by_apn(&self, apn: &str) -> Option<&Pdn> {
        self.pdns.iter().find(|p| p.apn == apn)
    }

    /// The failure recorded for `apn`.
    pub(super) fn failure(&self, apn: &str) -> Option<&str> {
        self.failures
            .iter()
            .find(|(a, _)| a == apn)
            .map(|(_, r)| r.as_str())
    }

    pub(super) fn record_failure(&mut self, apn: &str, reason: String) {
        self.failures.retain(|(a, _)| a != apn);
        self.failures.push((apn.to_string(), reason));
    }
}

/// True for the IMS well-known APN (TS 23.003 9.1, GSMA IR.92).
pub(super) fn is_ims_apn(apn: &str) -> bool {
    apn.eq_ignore_ascii_case("ims")
}

/// The sentence for an IMS PDN without P-CSCF.
pub(super) fn no_pcscf_reason(apn: &str) -> String {
    format!(
        "The PDN Connectivity Accept for {apn} carries no P-CSCF address: the gateway's {apn} APN has no p_cscf list"
    )
}

/// Addresses of the containers `v4` / `v6` of `pco`, in wire order.
fn addresses(pco: &Pco, v4: u16, v6: u16) -> Vec<IpAddr> {
    pco.containers
        .iter()
        .filter_map(|c| match c.id {
            id if id == v4 => c.ipv4().map(IpAddr::V4),
            id if id == v6 => c.ipv6().map(IpAddr::V6),
            _ => None,
        })
        .collect()
}

fn list(a: &[IpAddr]) -> String {
    if a.is_empty() {
        "none".into()
    } else {
        a.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Ue {
    /// The PCO the UE sends for `apn` (TS 24.008 10.5.6.3): the full IMS
    /// request on the IMS APN, DNS servers elsewhere.
    pub(super) fn pco_request(&self, apn: &str) -> Pco {
        if is_ims_apn(apn) {
            Pco::ims_request()
        } else {
            let mut p = Pco::new();
            p.push_request(pco::DNS_IPV4).push_request(pco::DNS_IPV6);
            p
        }
    }

    fn send_esm(&mut self, m: EsmMessage) {
        self.send_nas(NasMessage::Esm(m));
    }

    /// Opens the next wanted APN that is neither open, failed nor being
    /// opened, one at a time, once registered and connected.
    pub(super) fn open_next_apn(&mut self) {
        if !matches!(self.emm, EmmState::Registered(_))
            || !self.ecm_connected
            || !self.esm.connects.is_empty()
        {
            return;
        }
        let next = self
            .wanted
            .iter()
            .find(|a| self.esm.pdn_by_apn(a).is_none() && self.esm.failure(a).is_none());
        if let Some(apn) = next.cloned() {
            self.open_pdn(&apn);
        }
    }

    fn open_pdn(&mut self, apn: &str) {
        let request = self.esm.start_connect(apn, false, self.pco_request(apn));
        let pti = request.pti;
        self.send_esm(request);
        self.timers.start(Timer::T3482(pti), self.now);
    }

    pub(super) fn command_open_pdn(&mut self, apn: String) {
        if !matches!(self.emm, EmmState::Registered(_)) {
            self.note(format!(
                "ignored OpenPdn {apn}: the UE is {}",
                self.emm.name()
            ));
            return;
        }
        if self.esm.pdn_by_apn(&apn).is_some() || self.esm.connects.iter().any(|c| c.apn == apn) {
            self.note(format!("ignored OpenPdn {apn}: already open or opening"));
            return;
        }
        if !self.wanted.contains(&apn) {
            self.wanted.push(apn.clone());
        }
        self.esm.failures.retain(|(a, _)| *a != apn);
        if !self.ecm_connected {
            self.note(format!(
                "cannot open {apn} now: the UE is in ECM-IDLE and Service Request is not implemented"
            ));
            return;
        }
        self.open_next_apn();
    }

    pub(super) fn command_close_pdn(&mut self, apn: &str) {
        let Some(ebi) = self.esm.pdn_by_apn(apn).map(|p| p.ebi) else {
            self.note(format!("ignored ClosePdn {apn}: no PDN connection to it"));
            return;
        };
        self.wanted.retain(|a| a != apn);
        if !self.ecm_connected {
            self.note(format!(
                "cannot close {apn} now: the UE is in ECM-IDLE and Service Request is not implemented"
            ));
            return;
        }
        // TS 24.301 6.5.2.2: PDN Disconnect Request with the default bearer.
        let pti = self.esm.next_pti();
        let request = EsmMessage::new(
            0,
            pti,
            PdnDisconnectRequest {
                linked_ebi: ebi,
                pco: None,
                epco: None,
                other_ies: Vec::new(),
            },
        );
        self.esm.disconnects.push(DisconnectProc {
            apn: apn.to_string(),
            pti,
            ebi,
            tries: 1,
            request: request.clone(),
        });
        self.send_esm(request);
        self.timers.start(Timer::T3492(pti), self.now);
    }

    /// T3482 expired (TS 24.301 6.5.1.6): resend, or give up on the fifth.
    pub(super) fn on_t3482(&mut self, pti: u8) {
        let Some(i) = self
            .esm
            .connects
            .iter()
            .position(|c| c.pti == pti && !c.in_attach)
        else {
            return;
        };
        self.count("t3482_expiry");
        let c = &mut self.esm.connects[i];
        if c.tries >= MAX_TRIES {
            let c = self.esm.connects.remove(i);
            let reason = format!(
                "no answer to PDN Connectivity Request for {} after {} tries (T3482)",
                c.apn, c.tries
            );
            self.note(reason.clone());
            self.esm.record_failure(&c.apn, reason);
            self.open_next_apn();
            return;
        }
        c.tries += 1;
        let (request, tries, apn) = (c.request.clone(), c.tries, c.apn.clone());
        self.note(format!(
            "T3482 expired: PDN Connectivity Request for {apn} sent again (try {tries} of {MAX_TRIES})"
        ));
        self.send_esm(request);
        self.timers.start(Timer::T3482(pti), self.now);
    }

    /// T3492 expired (TS 24.301 6.5.2.5): resend, or release locally on the
    /// fifth.
    pub(super) fn on_t3492(&mut self, pti: u8) {
        let Some(i) = self.esm.disconnects.iter().position(|d| d.pti == pti) else {
            return;
        };
        self.count("t3492_expiry");
        let d = &mut self.esm.disconnects[i];
        if d.tries >= MAX_TRIES {
            let d = self.esm.disconnects.remove(i);
            self.esm.pdns.retain(|p| p.ebi != d.ebi);
            self.note(format!(
                "no answer to PDN Disconnect Request for {} after {} tries (T3492): released locally",
                d.apn, d.tries
            ));
            return;
        }
        d.tries += 1;
        let (request, tries, apn) = (d.request.clone(), d.tries, d.apn.clone());
        self.note(format!(
            "T3492 expired: PDN Disconnect Request for {apn} sent again (try {tries} of {MAX_TRIES})"
        ));
        self.send_esm(request);
        self.timers.start(Timer::T3492(pti), self.now);
    }

    /// A plain ESM message that arrived integrity protected.
    pub(super) fn handle_esm(&mut self, m: EsmMessage) {
        if !matches!(
            self.emm,
            EmmState::Registered(_) | EmmState::RegisteredInitiated(_)
        ) {
            self.count("nas_unexpected");
            self.note(format!(
                "ignored {}: the UE is {}",
                m.name(),
                self.emm.name()
            ));
            return;
        }
        let (ebi, pti) = (m.ebi, m.pti);
        match m.body {
            EsmBody::ActivateDefaultEpsBearerContextRequest(r) => {
                if let Some(reply) = self.activate_default_bearer(ebi, pti, &r, false) {
                    self.send_esm(reply);
                }
                self.open_next_apn();
            }
            EsmBody::PdnConnectivityReject(r) => {
                let Some(i) = self.esm.connects.iter().position(|c| c.pti == pti) else {
                    self.count("nas_unexpected");
                    self.note(format!(
                        "ignored PDN Connectivity Reject with unknown PTI {pti}"
                    ));
                    return;
                };
                let c = self.esm.connects.remove(i);
                self.timers.stop(Timer::T3482(pti));
                let reason = format!(
                    "PDN Connectivity Reject for {}: {}",
                    c.apn,
                    cause_words(r.esm_cause.to_u8(), r.esm_cause.text())
                );
                self.note(reason.clone());
                self.esm.record_failure(&c.apn, reason);
                self.open_next_apn();
            }
            EsmBody::DeactivateEpsBearerContextRequest(r) => {
                self.handle_deactivate_bearer(ebi, pti, r.esm_cause);
            }
            EsmBody::PdnDisconnectReject(r) => {
                if let Some(i) = self.esm.disconnects.iter().position(|d| d.pti == pti) {
                    let d = self.esm.disconnects.remove(i);
                    self.timers.stop(Timer::T3492(pti));
                    self.note(format!(
                        "PDN Disconnect Reject for {}: {}; the PDN stays open",
                        d.apn,
                        cause_words(r.esm_cause.to_u8(), r.esm_cause.text())
                    ));
                }
            }
            EsmBody::EsmInformationRequest(_) => self.handle_esm_information_request(pti),
            EsmBody::EsmStatus(r) => {
                self.count("esm_status_received");
                self.note(format!(
                    "the network sent ESM Status {} (EBI {ebi}, PTI {pti})",
                    cause_words(r.esm_cause.to_u8(), r.esm_cause.text())
                ));
            }
            other => {
                // TS 24.301 7.4: a message type the UE does not implement.
                self.count("esm_unhandled");
                self.note(format!(
                    "answered {} with ESM Status #97: not implemented in this UE",
                    other.name()
                ));
                self.send_esm(EsmMessage::new(
                    ebi,
                    pti,
                    EsmStatus {
                        esm_cause: EsmCause::MessageTypeNonExistent,
                        other_ies: Vec::new(),
                    },
                ));
            }
        }
    }

    /// Default EPS bearer context activation (TS 24.301 6.4.1.3): the PDN
    /// comes up with what the request carries. Returns the Accept (or a
    /// Reject) to send; `None` when there is nothing to answer.
    pub(super) fn activate_default_bearer(
        &mut self,
        ebi: u8,
        pti: u8,
        r: &ActivateDefaultEpsBearerContextRequest,
        in_attach: bool,
    ) -> Option<EsmMessage> {
        let accept = |ebi| {
            EsmMessage::new(
                ebi,
                0,
                ActivateDefaultEpsBearerContextAccept {
                    pco: None,
                    epco: None,
                    other_ies: Vec::new(),
                },
            )
        };
        let reject = |cause: EsmCause| {
            EsmMessage::new(
                ebi,
                pti,
                ActivateDefaultEpsBearerContextReject {
                    esm_cause: cause,
                    pco: None,
                    epco: None,
                    other_ies: Vec::new(),
                },
            )
        };
        let Some(i) = self
            .esm
            .connects
            .iter()
            .position(|c| c.pti == pti && c.in_attach == in_attach)
        else {
            if self.esm.pdn_by_ebi(ebi).is_some() {
                // The MME resent it (T3485): answer again.
                return Some(accept(ebi));
            }
            self.count("nas_unexpected");
            self.note(format!(
                "rejected Activate Default EPS Bearer Context Request with PTI {pti}: no PDN connectivity request of the UE has it"
            ));
            return Some(reject(EsmCause::PtiMismatch));
        };
        if !(5..=15).contains(&ebi) || self.esm.pdn_by_ebi(ebi).is_some() {
            self.count("nas_unexpected");
            self.note(format!(
                "rejected Activate Default EPS Bearer Context Request: EBI {ebi} is not free"
            ));
            return Some(reject(EsmCause::InvalidEpsBearerIdentity));
        }
        let c = self.esm.connects.remove(i);
        self.timers.stop(Timer::T3482(pti));
        let pco = r.epco.as_ref().or(r.pco.as_ref());
        let pdn = Pdn {
            apn: c.apn.clone(),
            ebi,
            qci: r.eps_qos.qci,
            ipv4: r.pdn_address.ipv4(),
            ipv6_iid: r.pdn_address.ipv6_iid(),
            ipv6_prefix: None,
            ambr_kbps: r
                .apn_ambr
                .as_ref()
                .map(|a| (a.downlink_kbps(), a.uplink_kbps())),
            pcscf: pco.map_or_else(Vec::new, |p| addresses(p, pco::PCSCF_IPV4, pco::PCSCF_IPV6)),
            dns: pco.map_or_else(Vec::new, |p| addresses(p, pco::DNS_IPV4, pco::DNS_IPV6)),
        };
        self.note(format!(
            "PDN {} up: EBI {}, QCI {}, IPv4 {}, IPv6 {}, P-CSCF {}, DNS {}",
            pdn.apn,
            pdn.ebi,
            pdn.qci,
            pdn.ipv4.map_or_else(|| "none".into(), |a| a.to_string()),
            pdn.ipv6().map_or_else(|| "none".into(), |a| a.to_string()),
            list(&pdn.pcscf),
            list(&pdn.dns)
        ));
        if is_ims_apn(&pdn.apn) && pdn.pcscf.is_empty() {
            if self.is_volte() {
                self.note(format!(
                    "{}; a VoLTE UE never sends SIP without one",
                    no_pcscf_reason(&pdn.apn)
                ));
            } else {
                self.note(no_pcscf_reason(&pdn.apn));
            }
        }
        if pdn.ipv4.is_none() && pdn.ipv6_iid.is_some() {
            // IPv6 only: nothing but link-local until the gateway's Router
            // Advertisement (TS 29.061 11.2.1.3.4).
            self.note(format!(
                "PDN {} has only an IPv6 interface identifier: the UE waits for the gateway's Router Advertisement for its prefix",
                pdn.apn
            ));
            self.timers.start(Timer::RaWait(ebi), self.now);
        }
        self.esm.pdns.push(pdn);
        Some(accept(ebi))
    }

    fn handle_deactivate_bearer(&mut self, ebi: u8, pti: u8, cause: EsmCause) {
        let ours = self
            .esm
            .disconnects
            .iter()
            .position(|d| d.pti == pti || d.ebi == ebi);
        if let Some(i) = ours {
            let d = self.esm.disconnects.remove(i);
            self.timers.stop(Timer::T3492(d.pti));
        }
        let gone = self.esm.pdns.iter().position(|p| p.ebi == ebi);
        let apn = gone.map(|i| self.esm.pdns.remove(i).apn);
        // TS 24.301 6.4.4.3: the UE answers even for a bearer it lacks.
        self.send_esm(EsmMessage::new(
            ebi,
            0,
            DeactivateEpsBearerContextAccept {
                pco: None,
                epco: None,
                other_ies: Vec::new(),
            },
        ));
        let Some(apn) = apn else {
            self.note(format!(
                "deactivated EPS bearer {ebi}, which the UE did not have"
            ));
            return;
        };
        let words = cause_words(cause.to_u8(), cause.text());
        if ours.is_some() {
            self.note(format!("PDN {apn} closed ({words})"));
        } else if self.wanted.contains(&apn) && cause == EsmCause::ReactivationRequested {
            self.note(format!(
                "the network released PDN {apn} ({words}): opening it again"
            ));
            self.open_next_apn();
        } else {
            let reason = format!("the network released PDN {apn}: {words}");
            self.note(reason.clone());
            if self.wanted.contains(&apn) {
                self.esm.record_failure(&apn, reason);
            }
        }
    }

    /// ESM information request (TS 24.301 6.6.1.2): the APN and PCO of the
    /// attach's PDN connectivity request, now under NAS security.
    fn handle_esm_information_request(&mut self, pti: u8) {
        let Some(apn) = self
            .esm
            .connects
            .iter()
            .find(|c| c.pti == pti)
            .map(|c| c.apn.clone())
        else {
            self.count("nas_unexpected");
            self.note(format!(
                "ignored ESM Information Request with unknown PTI {pti}"
            ));
            return;
        };
        let pco = self.pco_request(&apn);
        self.send_esm(EsmMessage::new(
            0,
            pti,
            EsmInformationResponse {
                apn: Some(Apn::new(&apn)),
                pco: Some(pco),
                epco: None,
                other_ies: Vec::new(),
            },
        ));
    }
}
