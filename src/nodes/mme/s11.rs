//! S11 toward the gateway (SGW with the PGW folded in): GTPv2-C Create
//! Session, Modify Bearer and Delete Session (TS 29.274 7.2) as client
//! transactions, with T3/N3 retransmission in `codec::gtpv2c::xact`.

use super::context::{DeleteReason, PdnState, UeId};
use super::{GtpTag, Mme};
use crate::codec::gtpv2c::xact::Expired;
use crate::codec::gtpv2c::{
    self, Ambr, Apn, BearerContextToBeCreated, BearerContextToBeModified, BearerQos, Body, Cause,
    CreateSessionRequest, CreateSessionResponse, DeleteSessionRequest, Ebi, EchoResponse, Fteid,
    Imsi, InterfaceType, Mei, Message, ModifyBearerRequest, ModifyBearerResponse, Msisdn, Paa,
    PdnType, RatType, Recovery, SelectionMode, Tai, Uli,
};
use crate::codec::nas::ie::{EsmCause, PdnType as NasPdnType};
use crate::nodes::{Iface, Time};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What an S11 transaction is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GtpProc {
    /// Create Session Request for the PDN connection with this default EBI.
    CreateSession {
        /// EBI of the default bearer.
        ebi: u8,
    },
    /// Modify Bearer Request for this bearer.
    ModifyBearer {
        /// EBI.
        ebi: u8,
    },
    /// Delete Session Request for the PDN connection of this default EBI.
    DeleteSession {
        /// Linked EBI.
        ebi: u8,
        /// Why.
        reason: DeleteReason,
    },
}

impl GtpProc {
    fn name(self) -> &'static str {
        match self {
            Self::CreateSession { .. } => "Create Session Request",
            Self::ModifyBearer { .. } => "Modify Bearer Request",
            Self::DeleteSession { .. } => "Delete Session Request",
        }
    }
}

/// The ESM cause for a gateway's rejection (TS 29.274 8.4 causes mapped to
/// TS 24.301 Annex B values; #30 when nothing closer fits).
pub(super) fn esm_cause_for(gtp_cause: u8) -> EsmCause {
    match gtp_cause {
        Cause::MISSING_OR_UNKNOWN_APN => EsmCause::MissingOrUnknownApn,
        Cause::NO_RESOURCES_AVAILABLE => EsmCause::InsufficientResources,
        83 => EsmCause::UnknownPdnType,
        92 => EsmCause::UserAuthenticationFailed,
        Cause::SYSTEM_FAILURE => EsmCause::NetworkFailure,
        _ => EsmCause::RejectedByGateway,
    }
}

/// The PDN type to ask the gateway for: the UE's request narrowed by the
/// subscription (TS 23.401 5.3.1.1).
fn pdn_type_for(requested: NasPdnType, subscribed: crate::codec::diameter::PdnType) -> PdnType {
    use crate::codec::diameter::PdnType as Sub;
    match (requested, subscribed) {
        (NasPdnType::Ipv4, _) | (NasPdnType::Ipv4v6, Sub::Ipv4) => PdnType::IPV4,
        (NasPdnType::Ipv6, _) | (NasPdnType::Ipv4v6, Sub::Ipv6) => PdnType::IPV6,
        (NasPdnType::Ipv4v6, _) => PdnType::IPV4V6,
        _ => PdnType::IPV4,
    }
}

/// An F-TEID of ours or the gateway's for `addr`.
fn fteid(interface: InterfaceType, teid: u32, addr: IpAddr) -> Fteid {
    match addr {
        IpAddr::V4(a) => Fteid::v4(interface, teid, a),
        IpAddr::V6(a) => Fteid {
            interface,
            teid,
            ipv4: None,
            ipv6: Some(a),
        },
    }
}

impl Mme {
    /// Sends a request to the gateway through the transaction layer.
    fn send_s11(&mut self, now: Time, id: UeId, proc: GtpProc, msg: Message) {
        let imsi = self.ues.get(&id).and_then(|u| u.imsi_value());
        let bytes = self.s11.send(now, msg, GtpTag { ue: id, proc });
        self.transmit(Iface::S11, self.spec.gateway, bytes, 0, imsi);
    }

    /// Create Session Request for the PDN connection `ebi` (TS 29.274
    /// 7.2.1, TS 23.401 5.3.2.1 step 12): the UE's PCO is forwarded as is.
    pub(super) fn send_create_session(
        &mut self,
        now: Time,
        id: UeId,
        ebi: u8,
        ue_pco: Option<&crate::codec::nas::Pco>,
        subscribed_type: crate::codec::diameter::PdnType,
    ) {
        let Some(ue) = self.ues.get(&id) else {
            return;
        };
        let Some(pdn) = ue.pdn(ebi) else {
            return;
        };
        let uli = ue.s1.map(|s1| {
            Uli::tai_ecgi(
                Tai {
                    plmn: s1.tai.plmn,
                    tac: s1.tai.tac,
                },
                gtpv2c::Ecgi {
                    plmn: s1.ecgi.plmn,
                    eci: s1.ecgi.cell_id & 0x0fff_ffff,
                },
            )
        });
        let pdn_type = pdn_type_for(pdn.requested_type, subscribed_type);
        let paa = match pdn_type {
            PdnType::IPV6 => Paa::Ipv6 {
                prefix_len: 64,
                addr: Ipv6Addr::UNSPECIFIED,
            },
            PdnType::IPV4V6 => Paa::Ipv4v6 {
                prefix_len: 64,
                ipv6: Ipv6Addr::UNSPECIFIED,
                ipv4: Ipv4Addr::UNSPECIFIED,
            },
            _ => Paa::Ipv4(Ipv4Addr::UNSPECIFIED),
        };
        let imeisv = ue.imeisv.clone();
        let req = CreateSessionRequest {
            imsi: ue.imsi.as_ref().map(|i| Imsi::new(i.digits.clone())),
            msisdn: ue
                .subscription
                .as_ref()
                .and_then(|s| s.msisdn.clone())
                .map(Msisdn::new),
            mei: imeisv.map(Mei::new),
            uli,
            serving_network: Some(self.plmn),
            rat_type: Some(RatType::EUTRAN),
            sender_fteid: Some(fteid(InterfaceType::S11_MME, id.s11_teid(), self.addr)),
            // S5 is folded into the gateway: the PGW's S5/S8 address is
            // the gateway's own (TEID 0: not yet known).
            pgw_s5s8_fteid: Some(fteid(InterfaceType::S5S8_PGW_GTPC, 0, self.gateway_addr)),
            apn: Some(Apn::new(pdn.apn.clone())),
            // The APN was checked against the subscription (TS 29.274 8.58).
            selection_mode: Some(SelectionMode::VERIFIED),
            pdn_type: Some(pdn_type),
            paa: Some(paa),
            apn_ambr: Some(Ambr {
                uplink: pdn.ambr_ul / 1000,
                downlink: pdn.ambr_dl / 1000,
            }),
            pco: ue_pco.and_then(|p| gtpv2c::Pco::decode(&p.encode()).ok()),
            bearer_contexts: vec![BearerContextToBeCreated {
                ebi: Some(Ebi(ebi)),
                bearer_qos: Some(BearerQos {
                    pci: pdn.no_pre_emption,
                    pl: pdn.arp_priority,
                    pvi: pdn.not_pre_emptable,
                    qci: pdn.qci,
                    ..BearerQos::default()
                }),
                ..Default::default()
            }],
            ..Default::default()
        };
        let teid = ue.sgw_s11_teid.unwrap_or(0);
        self.send_s11(
            now,
            id,
            GtpProc::CreateSession { ebi },
            Message::new(Some(teid), 0, req),
        );
    }

    /// Modify Bearer Request with the eNB's S1-U F-TEID (TS 29.274 7.2.7,
    /// TS 23.401 5.3.2.1 step 23).
    pub(super) fn send_modify_bearer(&mut self, now: Time, id: UeId, ebi: u8) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let teid = ue.sgw_s11_teid.unwrap_or(0);
        let Some(pdn) = ue.pdn_mut(ebi) else {
            return;
        };
        let Some((addr, enb_teid)) = pdn.enb_s1u else {
            return;
        };
        pdn.state = PdnState::Modifying;
        let req = ModifyBearerRequest {
            bearer_contexts: vec![BearerContextToBeModified {
                ebi: Some(Ebi(ebi)),
                s1u_enb_fteid: Some(Fteid {
                    interface: InterfaceType::S1U_ENB,
                    teid: enb_teid,
                    ipv4: addr.ipv4,
                    ipv6: addr.ipv6,
                }),
                ..Default::default()
            }],
            ..Default::default()
        };
        self.send_s11(
            now,
            id,
            GtpProc::ModifyBearer { ebi },
            Message::new(Some(teid), 0, req),
        );
    }

    /// Delete Session Request for the PDN connection `ebi` (TS 29.274 7.2.9.1).
    pub(super) fn send_delete_session(
        &mut self,
        now: Time,
        id: UeId,
        ebi: u8,
        reason: DeleteReason,
    ) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let teid = ue.sgw_s11_teid.unwrap_or(0);
        let Some(pdn) = ue.pdn_mut(ebi) else {
            return;
        };
        let was_active = pdn.state == PdnState::Active;
        pdn.state = PdnState::Deleting(reason);
        if was_active {
            self.add("pdn_active", -1);
        }
        let req = DeleteSessionRequest {
            linked_ebi: Some(Ebi(ebi)),
            sender_fteid: Some(fteid(InterfaceType::S11_MME, id.s11_teid(), self.addr)),
            ..Default::default()
        };
        self.send_s11(
            now,
            id,
            GtpProc::DeleteSession { ebi, reason },
            Message::new(Some(teid), 0, req),
        );
    }

    /// Received GTPv2-C bytes.
    pub(super) fn handle_s11(&mut self, now: Time, bytes: &[u8]) {
        let msg = match gtpv2c::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.count("gtp_decode_errors");
                let gw = self.name(self.spec.gateway);
                let what = match bytes.get(1).map(|t| gtpv2c::message_name(*t)) {
                    Some("") | None => "a GTPv2-C message".to_string(),
                    Some(n) => format!("a {n}"),
                };
                self.note(None, format!("dropped {what} from {gw}: {e}"));
                return;
            }
        };
        if let Body::EchoRequest(_) = msg.body {
            // TS 29.274 7.1.2: path management, answered at once.
            let rsp = Message::new(
                None,
                msg.seq,
                EchoResponse {
                    recovery: Some(Recovery(0)),
                    ..Default::default()
                },
            );
            self.transmit(Iface::S11, self.spec.gateway, rsp.encode(), 0, None);
            return;
        }
        let tag = match self.s11.response(&msg) {
            Ok(t) => t,
            Err(e) => {
                self.count("gtp_unmatched");
                self.note(None, format!("ignored GTPv2-C {}: {e}", msg.summary()));
                return;
            }
        };
        match (tag.proc, msg.body) {
            (GtpProc::CreateSession { ebi }, Body::CreateSessionResponse(r)) => {
                self.handle_create_session_response(now, tag.ue, ebi, r);
            }
            (GtpProc::ModifyBearer { ebi }, Body::ModifyBearerResponse(r)) => {
                self.handle_modify_bearer_response(now, tag.ue, ebi, r);
            }
            (GtpProc::DeleteSession { ebi, reason }, Body::DeleteSessionResponse(r)) => {
                let accepted = r.cause.as_ref().is_some_and(Cause::is_accepted);
                if !accepted {
                    let imsi = self.ues.get(&tag.ue).and_then(|u| u.imsi_value());
                    let c = r.cause.map_or(0, |c| c.value);
                    self.note(
                        imsi,
                        format!(
                            "gateway answered Delete Session for EBI {ebi} with cause {c} ({}); the MME forgets the PDN connection anyway",
                            gtpv2c::ie::cause_name(c)
                        ),
                    );
                }
                self.session_deleted(now, tag.ue, ebi, reason);
            }
            (p, body) => {
                self.count("gtp_unmatched");
                let name = gtpv2c::message_name(body.message_type());
                self.note(None, format!("{name} does not answer a {}", p.name()));
            }
        }
    }

    /// An S11 timer event.
    pub(super) fn handle_s11_expired(&mut self, now: Time, e: Expired<GtpTag>) {
        match e {
            Expired::Retransmit {
                bytes,
                attempt,
                tag,
                ..
            } => {
                let imsi = self.ues.get(&tag.ue).and_then(|u| u.imsi_value());
                self.count("gtp_retransmissions");
                self.note(
                    imsi,
                    format!(
                        "no answer to {} within T3: retransmission {attempt}",
                        tag.proc.name()
                    ),
                );
                self.transmit(Iface::S11, self.spec.gateway, bytes, 0, imsi);
            }
            Expired::GaveUp { sent, tag, .. } => {
                let imsi = self.ues.get(&tag.ue).and_then(|u| u.imsi_value());
                self.count("gtp_timeouts");
                let text = format!(
                    "gateway {} did not answer {} after {sent} tries (T3 {} s, N3 {})",
                    self.name(self.spec.gateway),
                    tag.proc.name(),
                    gtpv2c::xact::T3.as_secs(),
                    gtpv2c::xact::N3
                );
                match tag.proc {
                    GtpProc::CreateSession { ebi } => {
                        self.pdn_creation_failed(now, tag.ue, ebi, EsmCause::NetworkFailure, text);
                    }
                    GtpProc::ModifyBearer { .. } => self.note(imsi, text),
                    GtpProc::DeleteSession { ebi, reason } => {
                        self.note(imsi, format!("{text}; forgetting the PDN connection"));
                        self.session_deleted(now, tag.ue, ebi, reason);
                    }
                }
            }
        }
    }

    fn handle_create_session_response(
        &mut self,
        now: Time,
        id: UeId,
        ebi: u8,
        r: CreateSessionResponse,
    ) {
        let cause = r.cause.map_or(0, |c| c.value);
        let accepted = r.cause.as_ref().is_some_and(Cause::is_accepted);
        let Some(ue) = self.ues.get_mut(&id) else {
            return self.delete_orphan(now, &r);
        };
        if ue.sgw_s11_teid.is_none() {
            ue.sgw_s11_teid = r.sender_fteid.map(|f| f.teid);
        }
        let imsi = ue.imsi_value();
        let Some(pdn) = ue.pdn_mut(ebi) else {
            return self.delete_orphan(now, &r);
        };
        match pdn.state {
            PdnState::Creating => {}
            PdnState::Abandoned(reason) => {
                // The UE went away while the request was in flight.
                if accepted {
                    pdn.state = PdnState::Creating;
                    return self.send_delete_session(now, id, ebi, reason);
                }
                return self.session_deleted(now, id, ebi, reason);
            }
            _ => return self.unexpected(id, "Create Session Response"),
        }
        let apn = pdn.apn.clone();
        let bearer = r
            .bearer_contexts
            .iter()
            .find(|b| b.ebi == Some(Ebi(ebi)))
            .or(r.bearer_contexts.first());
        let bearer_ok = bearer.is_some_and(|b| b.cause.is_none_or(|c| c.is_accepted()));
        let s1u = bearer.and_then(|b| b.s1u_sgw_fteid);
        if !accepted || !bearer_ok || s1u.is_none() || r.paa.is_none() {
            let gw = self.name(self.spec.gateway);
            let text = if accepted {
                format!(
                    "gateway {gw} accepted Create Session for APN {apn} but gave no {}",
                    if s1u.is_none() {
                        "S1-U SGW F-TEID for the bearer"
                    } else if r.paa.is_none() {
                        "PDN address (PAA)"
                    } else {
                        "accepted bearer"
                    }
                )
            } else {
                format!(
                    "gateway {gw} rejected Create Session for APN {apn}: cause {cause} ({})",
                    gtpv2c::ie::cause_name(cause)
                )
            };
            if accepted {
                // A session exists at the gateway: delete it.
                self.send_delete_session(now, id, ebi, DeleteReason::Discard);
            }
            let esm = if accepted {
                EsmCause::NetworkFailure
            } else {
                esm_cause_for(cause)
            };
            return self.pdn_creation_failed(now, id, ebi, esm, text);
        }
        pdn.paa = r.paa.clone();
        pdn.gw_pco = r.pco.as_ref().map(gtpv2c::Pco::encode);
        pdn.sgw_s1u = s1u;
        if let Some(a) = r.apn_ambr {
            pdn.ambr_ul = a.uplink.saturating_mul(1000);
            pdn.ambr_dl = a.downlink.saturating_mul(1000);
        }
        if let Some(q) = bearer.and_then(|b| b.bearer_qos) {
            pdn.qci = q.qci;
            pdn.arp_priority = q.pl;
            pdn.no_pre_emption = q.pci;
            pdn.not_pre_emptable = q.pvi;
        }
        pdn.state = PdnState::Activating {
            erab_ok: false,
            accepted: false,
        };
        if cause != Cause::REQUEST_ACCEPTED {
            self.note(
                imsi,
                format!(
                    "gateway created the session for APN {apn} with cause {cause} ({})",
                    gtpv2c::ie::cause_name(cause)
                ),
            );
        }
        self.default_bearer_created(now, id, ebi);
    }

    /// A Create Session Response for a UE or PDN the MME no longer has:
    /// delete the session it created.
    fn delete_orphan(&mut self, now: Time, r: &CreateSessionResponse) {
        self.count("gtp_orphan_sessions");
        let (Some(sgw), true) = (
            r.sender_fteid,
            r.cause.as_ref().is_some_and(Cause::is_accepted),
        ) else {
            return;
        };
        let Some(ebi) = r.bearer_contexts.first().and_then(|b| b.ebi) else {
            return;
        };
        let req = DeleteSessionRequest {
            linked_ebi: Some(ebi),
            ..Default::default()
        };
        // Tagged for a UE that does not exist: the answer is dropped.
        let bytes = self.s11.send(
            now,
            Message::new(Some(sgw.teid), 0, req),
            GtpTag {
                ue: UeId(0),
                proc: GtpProc::DeleteSession {
                    ebi: ebi.0,
                    reason: DeleteReason::Discard,
                },
            },
        );
        self.transmit(Iface::S11, self.spec.gateway, bytes, 0, None);
    }

    fn handle_modify_bearer_response(
        &mut self,
        _now: Time,
        id: UeId,
        ebi: u8,
        r: ModifyBearerResponse,
    ) {
        let Some(ue) = self.ues.get_mut(&id) else {
            return;
        };
        let imsi = ue.imsi_value();
        let Some(pdn) = ue.pdn_mut(ebi) else {
            return;
        };
        if pdn.state != PdnState::Modifying {
            return self.unexpected(id, "Modify Bearer Response");
        }
        let cause = r.cause.map_or(0, |c| c.value);
        if !r.cause.as_ref().is_some_and(Cause::is_accepted) {
            let text = format!(
                "gateway refused Modify Bearer for EBI {ebi} (APN {}): cause {cause} ({}); downlink data cannot reach the UE",
                pdn.apn,
                gtpv2c::ie::cause_name(cause)
            );
            self.count("modify_bearer_failures");
            return self.note(imsi, text);
        }
        pdn.state = PdnState::Active;
        let addr = pdn.paa.as_ref().map_or_else(String::new, |p| match p {
            Paa::Ipv4(a) => format!(", {a}"),
            Paa::Ipv6 { addr, prefix_len } => format!(", {addr}/{prefix_len}"),
            Paa::Ipv4v6 {
                ipv4,
                ipv6,
                prefix_len,
            } => format!(", {ipv4} and {ipv6}/{prefix_len}"),
            _ => String::new(),
        });
        let text = format!("PDN connection {} up on EBI {ebi}{addr}", pdn.apn);
        self.add("pdn_active", 1);
        self.note(imsi, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::PdnType as Sub;

    #[test]
    fn pdn_type_is_narrowed_by_the_subscription() {
        assert_eq!(pdn_type_for(NasPdnType::Ipv4v6, Sub::Ipv4), PdnType::IPV4);
        assert_eq!(
            pdn_type_for(NasPdnType::Ipv4v6, Sub::Ipv4v6),
            PdnType::IPV4V6
        );
        assert_eq!(pdn_type_for(NasPdnType::Ipv6, Sub::Ipv4v6), PdnType::IPV6);
        assert_eq!(esm_cause_for(78), EsmCause::MissingOrUnknownApn);
        assert_eq!(esm_cause_for(94), EsmCause::RejectedByGateway);
    }
}
