//! S11 (GTPv2-C, TS 29.274) as the SGW serves it, with the PGW's decisions
//! taken in place (S5/S8 folded): Create Session (7.2.1/7.2.2), Modify
//! Bearer (7.2.7/7.2.8), Delete Session (7.2.9.1/7.2.10.1) and Echo (7.1).
//!
//! Every answer goes back to the node the request came from, with the
//! MME's S11 TEID in the header (from the Sender F-TEID it gave), or 0 when
//! the gateway does not know it (TS 29.274 5.5.2). Answers to requests are
//! kept for retransmissions (`cache.rs`).

use super::context::{Bearer, BearerKey, Downlink, MmeTunnel, Session, Teid, UeContext};
use super::{Gateway, pco};
use crate::codec::Reader;
use crate::codec::gtpv2c::header::Header;
use crate::codec::gtpv2c::ie::{OffendingIe, cause_name, types};
use crate::codec::gtpv2c::{
    self, Ambr, Apn, ApnRestriction, BearerContextCreated, BearerContextMarkedForRemoval,
    BearerContextModified, BearerQos, Body, Cause, CreateSessionRequest, CreateSessionResponse,
    DeleteSessionRequest, DeleteSessionResponse, Ebi, EchoResponse, Fteid, InterfaceType, Message,
    ModifyBearerRequest, ModifyBearerResponse, Paa, PdnType, Recovery,
};
use crate::nodes::{Iface, NodeId, Output, Transmit};
use bytes::Bytes;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// GTPv2-C cause values used here that the codec does not name (TS 29.274
/// Table 8.4-1).
mod causes {
    /// "New PDN type due to network preference".
    pub(super) const NEW_PDN_TYPE_NETWORK_PREFERENCE: u8 = 18;
    /// "Preferred PDN type not supported".
    pub(super) const PREFERRED_PDN_TYPE_NOT_SUPPORTED: u8 = 83;
    /// "All dynamic addresses are occupied".
    pub(super) const ALL_DYNAMIC_ADDRESSES_OCCUPIED: u8 = 84;
}

/// Why a request is refused: the cause sent and the explanation noted.
#[derive(Debug)]
struct Refusal {
    cause: Cause,
    why: String,
}

impl Refusal {
    fn new(value: u8, why: impl Into<String>) -> Self {
        Self {
            cause: Cause::new(value),
            why: why.into(),
        }
    }

    /// "Mandatory IE missing" naming the IE (TS 29.274 8.4: offending IE).
    fn missing(ie_type: u8, instance: u8, why: impl Into<String>) -> Self {
        Self {
            cause: Cause {
                value: Cause::MANDATORY_IE_MISSING,
                offending_ie: Some(OffendingIe { ie_type, instance }),
                ..Cause::default()
            },
            why: why.into(),
        }
    }
}

/// Address families granted to a PDN connection, and the cause that says
/// whether that is what the UE asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Grant {
    v4: bool,
    v6: bool,
    cause: u8,
}

/// The PDN type the PGW grants for `requested` on an APN that has the
/// given families (TS 23.401 5.3.1.1, TS 29.274 8.4 causes 18 and 83).
///
/// A dual-stack request on a dual-stack APN is granted as is: the Dual
/// Address Bearer Flag is not checked (cause 19, "single address bearer
/// only", is for networks with pre-Rel-8 nodes; the reference Create
/// Session exchange asks IPv4v6 without the flag and is answered IPv4v6).
fn grant(requested: PdnType, has_v4: bool, has_v6: bool) -> Result<Grant, u8> {
    let accepted = Cause::REQUEST_ACCEPTED;
    match requested {
        PdnType::IPV4 if has_v4 => Ok(Grant {
            v4: true,
            v6: false,
            cause: accepted,
        }),
        PdnType::IPV6 if has_v6 => Ok(Grant {
            v4: false,
            v6: true,
            cause: accepted,
        }),
        // TS 23.401 5.3.1.1: operator preference for one IP version on
        // this APN changes an IPv4v6 request to a single address type.
        PdnType::IPV4V6 if has_v4 || has_v6 => Ok(Grant {
            v4: has_v4,
            v6: has_v6,
            cause: if has_v4 && has_v6 {
                accepted
            } else {
                causes::NEW_PDN_TYPE_NETWORK_PREFERENCE
            },
        }),
        _ => Err(causes::PREFERRED_PDN_TYPE_NOT_SUPPORTED),
    }
}

/// The APN network identifier of `apn` (TS 23.003 9.1): a trailing
/// operator identifier `mncXXX.mccYYY.gprs` is dropped, case is ignored.
fn network_identifier(apn: &Apn) -> String {
    let name = apn.as_str().to_ascii_lowercase();
    let labels: Vec<&str> = name.split('.').collect();
    match labels.as_slice() {
        [ni @ .., mnc, mcc, "gprs"]
            if !ni.is_empty() && mnc.starts_with("mnc") && mcc.starts_with("mcc") =>
        {
            ni.join(".")
        }
        _ => name,
    }
}

/// bit/s to the kbit/s of the AMBR IE (TS 29.274 8.7), rounded up.
fn kbps(bits: u64) -> u32 {
    u32::try_from(bits.div_ceil(1000)).unwrap_or(u32::MAX)
}

fn is_request(body: &Body) -> bool {
    matches!(
        body,
        Body::CreateSessionRequest(_)
            | Body::ModifyBearerRequest(_)
            | Body::DeleteSessionRequest(_)
    )
}

impl Gateway {
    /// A GTPv2-C message from `from` on S11.
    pub(super) fn handle_s11(&mut self, from: NodeId, bytes: &[u8]) {
        let msg = match gtpv2c::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                // Name the message if at least its header reads.
                let what = Header::decode(&mut Reader::new("GTPv2-C", bytes))
                    .ok()
                    .map(|h| match gtpv2c::message_name(h.message_type) {
                        "" => format!("GTPv2-C message type {}", h.message_type),
                        n => n.to_string(),
                    })
                    .unwrap_or_else(|| "a GTPv2-C message".into());
                self.note(None, format!("dropped {what} from {from} on S11: {e}"));
                self.count("s11_undecodable");
                return;
            }
        };
        if is_request(&msg.body) {
            let key = (from, msg.seq, msg.message_type());
            if let Some(t) = self.answered.get(&key).cloned() {
                self.note(
                    t.imsi,
                    format!(
                        "{} seq {} from {from} is a retransmission: sent the same answer again \
                         (TS 29.274 7.6)",
                        msg.summary(),
                        msg.seq
                    ),
                );
                self.count("s11_duplicate");
                self.out.push_back(Output::Transmit(t));
                return;
            }
        }
        let teid = msg.teid.unwrap_or(0);
        let seq = msg.seq;
        match msg.body {
            Body::EchoRequest(_) => self.send_echo_response(from, seq),
            Body::CreateSessionRequest(r) => self.handle_create_session_request(from, teid, seq, r),
            Body::ModifyBearerRequest(r) => self.handle_modify_bearer_request(from, teid, seq, r),
            Body::DeleteSessionRequest(r) => self.handle_delete_session_request(from, teid, seq, r),
            Body::EchoResponse(_) => {}
            body => {
                self.note(
                    None,
                    format!(
                        "ignored {} from {from} on S11: not a request the gateway serves",
                        body.summary()
                    ),
                );
                self.count("s11_unhandled");
            }
        }
    }

    /// Sends an S11 answer to `to` and keeps it for retransmissions of the
    /// request (`request_type`, `seq`).
    fn send_answer(&mut self, to: NodeId, request_type: u8, msg: &Message, imsi: Option<u64>) {
        let t = Transmit {
            iface: Iface::S11,
            to,
            bytes: Bytes::from(msg.encode()),
            stream: 0,
            imsi,
        };
        self.answered
            .put(self.now, (to, msg.seq, request_type), t.clone());
        self.out.push_back(Output::Transmit(t));
    }

    /// An F-TEID of ours.
    fn fteid(&self, interface: InterfaceType, teid: Teid) -> Fteid {
        let (ipv4, ipv6) = match self.addr {
            IpAddr::V4(a) => (Some(a), None),
            IpAddr::V6(a) => (None, Some(a)),
        };
        Fteid {
            interface,
            teid: teid.0,
            ipv4,
            ipv6,
        }
    }

    // -----------------------------------------------------------------------
    // Echo (TS 29.274 7.1)

    fn send_echo_response(&mut self, to: NodeId, seq: u32) {
        let m = Message::new(
            None,
            seq,
            EchoResponse {
                recovery: Some(Recovery(self.recovery)),
                ..Default::default()
            },
        );
        self.transmit(Iface::S11, to, m.encode(), None);
    }

    // -----------------------------------------------------------------------
    // Create Session (TS 29.274 7.2.1 / 7.2.2, TS 23.401 5.3.2.1 step 12-16,
    // 5.10.2 step 3-5)

    fn handle_create_session_request(
        &mut self,
        from: NodeId,
        teid: u32,
        seq: u32,
        req: CreateSessionRequest,
    ) {
        let imsi = req
            .imsi
            .as_ref()
            .and_then(|i| i.as_str().parse::<u64>().ok());
        let reply_teid = req.sender_fteid.map_or(0, |f| f.teid);
        let apn = req
            .apn
            .as_ref()
            .map_or_else(|| "(none)".into(), |a| a.to_string());
        let body = match self.create_session(from, teid, &req, imsi) {
            Ok(resp) => resp,
            Err(r) => {
                self.note(
                    imsi,
                    format!(
                        "rejected Create Session Request (APN {apn}): {} ({}): {}",
                        cause_name(r.cause.value),
                        r.cause.value,
                        r.why
                    ),
                );
                self.count("create_session_rejected");
                CreateSessionResponse {
                    cause: Some(r.cause),
                    ..Default::default()
                }
            }
        };
        let m = Message::new(Some(reply_teid), seq, body);
        self.send_answer(
            from,
            gtpv2c::message_types::CREATE_SESSION_REQUEST,
            &m,
            imsi,
        );
    }

    /// Runs Create Session: the response to send, or why it is refused.
    fn create_session(
        &mut self,
        from: NodeId,
        teid: u32,
        req: &CreateSessionRequest,
        imsi: Option<u64>,
    ) -> Result<CreateSessionResponse, Refusal> {
        let mme = req.sender_fteid.ok_or_else(|| {
            Refusal::missing(types::FTEID, 0, "no Sender F-TEID for Control Plane")
        })?;
        let ebi = req
            .bearer_contexts
            .first()
            .and_then(|b| b.ebi)
            .ok_or_else(|| {
                Refusal::missing(
                    types::BEARER_CONTEXT,
                    0,
                    "no Bearer Context to be created with an EPS bearer id",
                )
            })?
            .0;
        let apn_name = req.apn.as_ref().map(network_identifier);
        let Some(apn_idx) = apn_name.as_ref().and_then(|n| {
            self.apns
                .iter()
                .position(|a| a.spec.name.eq_ignore_ascii_case(n))
        }) else {
            let served: Vec<&str> = self.apns.iter().map(|a| a.spec.name.as_str()).collect();
            return Err(Refusal::new(
                Cause::MISSING_OR_UNKNOWN_APN,
                format!("the gateway serves APNs {}", served.join(", ")),
            ));
        };
        let requested = req
            .pdn_type
            .or_else(|| req.paa.as_ref().map(Paa::pdn_type))
            .ok_or_else(|| Refusal::missing(types::PDN_TYPE, 0, "no PDN Type"))?;
        // An existing UE: a later PDN connection names our S11 TEID; a
        // Create Session with TEID 0 for a known IMSI joins that UE too.
        let ue_teid = if teid != 0 {
            if !self.ues.contains_key(&Teid(teid)) {
                self.count("s11_context_not_found");
                return Err(Refusal::new(
                    Cause::CONTEXT_NOT_FOUND,
                    format!("no UE has S11 TEID 0x{teid:08x}"),
                ));
            }
            Some(Teid(teid))
        } else {
            imsi.and_then(|i| self.by_imsi.get(&i).copied())
        };
        let apn = &self.apns[apn_idx];
        let g = grant(requested, apn.pools.v4.is_some(), apn.pools.v6.is_some()).map_err(|c| {
            Refusal::new(
                c,
                format!(
                    "the UE asks for PDN type {requested}, APN {} has no such addresses",
                    apn.spec.name
                ),
            )
        })?;
        // A session on the same default bearer is stale: the MME reuses
        // the EBI only after it forgot the old one (e.g. a new attach). It
        // goes before allocating, so its addresses can serve the new one.
        if let Some(t) = ue_teid
            && let Some(i) = self.ues.get(&t).and_then(|u| u.session_index(ebi))
        {
            self.note(
                imsi,
                format!("Create Session for EBI {ebi} replaces the PDN connection that had it"),
            );
            self.release_session(t, i);
        }
        let (ipv4, ipv6) = self.allocate(apn_idx, g).map_err(|family| {
            self.count("pool_exhausted");
            Refusal::new(
                causes::ALL_DYNAMIC_ADDRESSES_OCCUPIED,
                format!(
                    "every {family} address of APN {} is in use",
                    self.apns[apn_idx].spec.name
                ),
            )
        })?;

        // From here on the request is accepted.
        let ue_teid = match ue_teid.filter(|t| self.ues.contains_key(t)) {
            Some(t) => t,
            None => {
                let t = self.teids.alloc();
                self.ues.insert(
                    t,
                    UeContext {
                        imsi,
                        mme: MmeTunnel {
                            node: from,
                            teid: mme.teid,
                        },
                        sessions: Vec::new(),
                    },
                );
                if let Some(i) = imsi {
                    self.by_imsi.insert(i, t);
                }
                t
            }
        };
        let s5c = self.teids.alloc();
        let s1u = self.teids.alloc();
        let s5u = self.teids.alloc();
        let key = BearerKey { ue: ue_teid, ebi };
        self.by_s1u.insert(s1u, key);
        let pdn_type = match (ipv4, ipv6) {
            (Some(_), Some(_)) => PdnType::IPV4V6,
            (Some(_), None) => PdnType::IPV4,
            _ => PdnType::IPV6,
        };
        let session = Session {
            apn: apn_idx,
            default_ebi: ebi,
            s5c,
            ipv4,
            ipv6,
            bearers: vec![Bearer {
                ebi,
                s1u,
                s5u,
                downlink: Downlink::AwaitingEnb,
            }],
            sgi_drop_noted: false,
        };
        for a in session.addresses() {
            self.by_ue_addr.insert(a, key);
        }
        if let Some(ue) = self.ues.get_mut(&ue_teid) {
            ue.mme = MmeTunnel {
                node: from,
                teid: mme.teid,
            };
            ue.sessions.push(session);
            if ue.imsi.is_none()
                && let Some(i) = imsi
            {
                ue.imsi = Some(i);
                self.by_imsi.entry(i).or_insert(ue_teid);
            }
        }

        let spec = &self.apns[apn_idx].spec;
        let answer = req.pco.as_ref().map(|p| pco::answer(p, spec));
        let qos = BearerQos {
            // ARP: pre-emption capability disabled, vulnerability enabled,
            // as in the reference Create Session Response.
            pci: true,
            pl: spec.arp_priority,
            pvi: false,
            qci: spec.qci,
            ..BearerQos::default()
        };
        let ambr = Ambr {
            uplink: kbps(spec.ambr_ul),
            downlink: kbps(spec.ambr_dl),
        };
        let apn_label = spec.name.clone();
        let paa = match (ipv4, ipv6) {
            (Some(v4), Some(v6)) => Paa::Ipv4v6 {
                prefix_len: super::pool::Ipv6Pool::PREFIX_LEN,
                ipv6: v6,
                ipv4: v4,
            },
            (Some(v4), None) => Paa::Ipv4(v4),
            (_, v6) => Paa::Ipv6 {
                prefix_len: super::pool::Ipv6Pool::PREFIX_LEN,
                addr: v6.unwrap_or(Ipv6Addr::UNSPECIFIED),
            },
        };
        if g.cause != Cause::REQUEST_ACCEPTED {
            self.note(
                imsi,
                format!(
                    "APN {apn_label} gives only {}: PDN type {pdn_type} instead of {requested} \
                     ({}, TS 23.401 5.3.1.1)",
                    if g.v4 { "IPv4" } else { "IPv6" },
                    cause_name(g.cause)
                ),
            );
        }
        let pco = answer.and_then(|a| {
            if let Some(text) = a.no_pcscf {
                self.note(imsi, text);
                self.count("pco_no_pcscf");
            }
            a.pco
        });
        self.sessions += 1;
        self.count("sessions_created");
        self.set_counter("sessions_active", self.sessions as u64);
        Ok(CreateSessionResponse {
            cause: Some(Cause::new(g.cause)),
            sender_fteid: Some(self.fteid(InterfaceType::S11_SGW, ue_teid)),
            pgw_s5s8_fteid: Some(self.fteid(InterfaceType::S5S8_PGW_GTPC, s5c)),
            paa: Some(paa),
            apn_restriction: Some(ApnRestriction(0)),
            apn_ambr: Some(ambr),
            pco,
            bearer_contexts: vec![BearerContextCreated {
                ebi: Some(Ebi(ebi)),
                cause: Some(Cause::new(Cause::REQUEST_ACCEPTED)),
                s1u_sgw_fteid: Some(self.fteid(InterfaceType::S1U_SGW, s1u)),
                s5s8u_pgw_fteid: Some(self.fteid(InterfaceType::S5S8_PGW_GTPU, s5u)),
                bearer_qos: Some(qos),
                ..Default::default()
            }],
            ..Default::default()
        })
    }

    /// Takes the addresses `g` grants from APN `apn`'s pools; on failure
    /// gives back what it took and names the family that ran out.
    fn allocate(
        &mut self,
        apn: usize,
        g: Grant,
    ) -> Result<(Option<Ipv4Addr>, Option<Ipv6Addr>), &'static str> {
        let pools = &mut self.apns[apn].pools;
        let ipv4 = match (g.v4, pools.v4.as_mut()) {
            (true, Some(p)) => Some(p.alloc().ok_or("IPv4")?),
            _ => None,
        };
        let ipv6 = match (g.v6, pools.v6.as_mut()) {
            (true, Some(p)) => match p.alloc() {
                Some(a) => Some(a),
                None => {
                    if let (Some(a), Some(p4)) = (ipv4, pools.v4.as_mut()) {
                        p4.free(a);
                    }
                    return Err("IPv6");
                }
            },
            _ => None,
        };
        Ok((ipv4, ipv6))
    }

    /// Removes session `idx` of UE `ue`: its addresses, TEIDs and index
    /// entries; the UE itself when it was its last session.
    fn release_session(&mut self, ue: Teid, idx: usize) -> Option<Session> {
        let u = self.ues.get_mut(&ue)?;
        if idx >= u.sessions.len() {
            return None;
        }
        let s = u.sessions.remove(idx);
        let last = u.sessions.is_empty();
        let imsi = u.imsi;
        if let Some(apn) = self.apns.get_mut(s.apn) {
            if let (Some(a), Some(p)) = (s.ipv4, apn.pools.v4.as_mut()) {
                p.free(a);
            }
            if let (Some(a), Some(p)) = (s.ipv6, apn.pools.v6.as_mut()) {
                p.free(a);
            }
        }
        for a in s.addresses() {
            self.by_ue_addr.remove(&a);
        }
        for b in &s.bearers {
            self.by_s1u.remove(&b.s1u);
            self.teids.free(b.s1u);
            self.teids.free(b.s5u);
        }
        self.teids.free(s.s5c);
        if last {
            self.ues.remove(&ue);
            self.teids.free(ue);
            if let Some(i) = imsi
                && self.by_imsi.get(&i) == Some(&ue)
            {
                self.by_imsi.remove(&i);
            }
        }
        self.sessions = self.sessions.saturating_sub(1);
        self.set_counter("sessions_active", self.sessions as u64);
        Some(s)
    }

    // -----------------------------------------------------------------------
    // Modify Bearer (TS 29.274 7.2.7 / 7.2.8, TS 23.401 5.3.2.1 step 23-24)

    fn handle_modify_bearer_request(
        &mut self,
        from: NodeId,
        teid: u32,
        seq: u32,
        req: ModifyBearerRequest,
    ) {
        let request_type = gtpv2c::message_types::MODIFY_BEARER_REQUEST;
        let Some(ue) = self.ues.get_mut(&Teid(teid)) else {
            // TS 29.274 5.5.2: TEID 0 in the answer when the context is unknown.
            let reply = req.sender_fteid.map_or(0, |f| f.teid);
            self.note(
                None,
                format!(
                    "rejected {} from {from}: Context Not Found (64): no UE has S11 TEID 0x{teid:08x}",
                    req.summary()
                ),
            );
            self.count("s11_context_not_found");
            let m = Message::new(
                Some(reply),
                seq,
                ModifyBearerResponse {
                    cause: Some(Cause::new(Cause::CONTEXT_NOT_FOUND)),
                    ..Default::default()
                },
            );
            self.send_answer(from, request_type, &m, None);
            return;
        };
        if let Some(f) = req.sender_fteid {
            // A new MME (TAU/handover with MME change) gives its F-TEID.
            ue.mme = MmeTunnel {
                node: from,
                teid: f.teid,
            };
        }
        let imsi = ue.imsi;
        let reply = ue.mme.teid;
        let mut modified = Vec::new();
        let mut missing = Vec::new();
        let mut unknown_enb = Vec::new();
        // Default bearers of IPv6 PDNs whose downlink tunnel is now known.
        let mut advertise = Vec::new();
        for bc in &req.bearer_contexts {
            let Some(ebi) = bc.ebi.map(|e| e.0) else {
                continue;
            };
            let Some((si, bi)) = ue.bearer_index(ebi) else {
                missing.push(ebi);
                continue;
            };
            let session = &mut ue.sessions[si];
            let v6 = session.ipv6.filter(|_| session.default_ebi == ebi);
            let bearer = &mut session.bearers[bi];
            if let Some(f) = bc.s1u_enb_fteid {
                let addr = f.ipv4.map(IpAddr::V4).or(f.ipv6.map(IpAddr::V6));
                bearer.downlink = match addr.and_then(|a| self.peers.get(&a).map(|n| (a, *n))) {
                    Some((addr, node)) => Downlink::Enb {
                        node,
                        addr,
                        teid: f.teid,
                    },
                    None => {
                        let addr = addr.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
                        unknown_enb.push((ebi, addr));
                        Downlink::UnknownPeer { addr, teid: f.teid }
                    }
                };
                if let (Some(ue_addr), Downlink::Enb { node, teid, .. }) = (v6, bearer.downlink) {
                    advertise.push((node, teid, ue_addr));
                }
            }
            modified.push((ebi, bearer.s1u));
        }
        for (ebi, addr) in unknown_enb {
            self.note(
                imsi,
                format!(
                    "Modify Bearer for EBI {ebi}: eNB address {addr} is no node of the topology: \
                     downlink packets for it will be dropped"
                ),
            );
            self.count("unknown_enb_address");
        }
        let cause = match (modified.is_empty(), missing.is_empty()) {
            (true, false) => Cause::CONTEXT_NOT_FOUND,
            (false, false) => Cause::REQUEST_ACCEPTED_PARTIALLY,
            _ => Cause::REQUEST_ACCEPTED,
        };
        if !missing.is_empty() {
            self.note(
                imsi,
                format!(
                    "Modify Bearer Request names unknown EPS bearer(s) {missing:?}: {} ({cause})",
                    cause_name(cause)
                ),
            );
        }
        let body = ModifyBearerResponse {
            cause: Some(Cause::new(cause)),
            bearer_contexts: modified
                .into_iter()
                .map(|(ebi, s1u)| BearerContextModified {
                    ebi: Some(Ebi(ebi)),
                    cause: Some(Cause::new(Cause::REQUEST_ACCEPTED)),
                    s1u_sgw_fteid: Some(self.fteid(InterfaceType::S1U_SGW, s1u)),
                    ..Default::default()
                })
                .collect(),
            bearer_contexts_marked_for_removal: missing
                .into_iter()
                .map(|ebi| BearerContextMarkedForRemoval {
                    ebi: Some(Ebi(ebi)),
                    cause: Some(Cause::new(Cause::CONTEXT_NOT_FOUND)),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let m = Message::new(Some(reply), seq, body);
        self.send_answer(from, request_type, &m, imsi);
        for (node, teid, ue_addr) in advertise {
            self.send_router_advertisement(node, teid, ue_addr, imsi);
        }
    }

    // -----------------------------------------------------------------------
    // Delete Session (TS 29.274 7.2.9.1 / 7.2.10.1, TS 23.401 5.10.3)

    fn handle_delete_session_request(
        &mut self,
        from: NodeId,
        teid: u32,
        seq: u32,
        req: DeleteSessionRequest,
    ) {
        let request_type = gtpv2c::message_types::DELETE_SESSION_REQUEST;
        let (reply, imsi, result) = match self.ues.get(&Teid(teid)) {
            None => (
                req.sender_fteid.map_or(0, |f| f.teid),
                None,
                Err(Refusal::new(
                    Cause::CONTEXT_NOT_FOUND,
                    format!("no UE has S11 TEID 0x{teid:08x}"),
                )),
            ),
            Some(ue) => {
                // The LBI names the connection; with a single one it may be
                // left out.
                let lbi = req
                    .linked_ebi
                    .map(|e| e.0)
                    .or(match ue.sessions.as_slice() {
                        [only] => Some(only.default_ebi),
                        _ => None,
                    });
                let result = match lbi {
                    None => Err(Refusal::missing(
                        types::EBI,
                        0,
                        "no Linked EPS Bearer ID and the UE has several PDN connections",
                    )),
                    Some(lbi) => ue.session_index(lbi).ok_or_else(|| {
                        Refusal::new(
                            Cause::CONTEXT_NOT_FOUND,
                            format!("the UE has no PDN connection with default bearer {lbi}"),
                        )
                    }),
                };
                (ue.mme.teid, ue.imsi, result)
            }
        };
        let cause = match result {
            Ok(idx) => {
                if let Some(s) = self.release_session(Teid(teid), idx) {
                    let addrs: Vec<String> = s.addresses().map(|a| a.to_string()).collect();
                    let apn = self
                        .apns
                        .get(s.apn)
                        .map_or("?", |a| a.spec.name.as_str())
                        .to_owned();
                    self.note(
                        imsi,
                        format!(
                            "closed PDN connection EBI {} (APN {apn}), freed {}",
                            s.default_ebi,
                            addrs.join(" and ")
                        ),
                    );
                }
                self.count("sessions_deleted");
                Cause::new(Cause::REQUEST_ACCEPTED)
            }
            Err(r) => {
                self.note(
                    imsi,
                    format!(
                        "rejected {} from {from}: {} ({}): {}",
                        req.summary(),
                        cause_name(r.cause.value),
                        r.cause.value,
                        r.why
                    ),
                );
                if r.cause.value == Cause::CONTEXT_NOT_FOUND {
                    self.count("s11_context_not_found");
                }
                r.cause
            }
        };
        let m = Message::new(
            Some(reply),
            seq,
            DeleteSessionResponse {
                cause: Some(cause),
                ..Default::default()
            },
        );
        self.send_answer(from, request_type, &m, imsi);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_follows_apn_families() {
        let ok = Cause::REQUEST_ACCEPTED;
        assert_eq!(
            grant(PdnType::IPV4V6, true, true),
            Ok(Grant {
                v4: true,
                v6: true,
                cause: ok
            })
        );
        assert_eq!(
            grant(PdnType::IPV4V6, false, true),
            Ok(Grant {
                v4: false,
                v6: true,
                cause: 18
            })
        );
        assert_eq!(
            grant(PdnType::IPV4V6, true, false),
            Ok(Grant {
                v4: true,
                v6: false,
                cause: 18
            })
        );
        assert_eq!(grant(PdnType::IPV4, false, true), Err(83));
        assert_eq!(grant(PdnType::IPV6, true, false), Err(83));
        assert_eq!(grant(PdnType::NON_IP, true, true), Err(83));
        assert_eq!(grant(PdnType::IPV4V6, false, false), Err(83));
    }

    #[test]
    fn network_identifier_drops_operator_identifier() {
        assert_eq!(network_identifier(&Apn::new("IMS")), "ims");
        assert_eq!(
            network_identifier(&Apn::new("ims.mnc001.mcc001.gprs")),
            "ims"
        );
        assert_eq!(
            network_identifier(&Apn::new("corp.example.mnc001.mcc001.gprs")),
            "corp.example"
        );
        assert_eq!(
            network_identifier(&Apn::new("mnc001.mcc001.gprs")),
            "mnc001.mcc001.gprs"
        );
        assert_eq!(network_identifier(&Apn::new("")), "");
    }

    #[test]
    fn kbps_rounds_up_and_saturates() {
        assert_eq!(kbps(100_000_000), 100_000);
        assert_eq!(kbps(1), 1);
        assert_eq!(kbps(u64::MAX), u32::MAX);
    }
}
