//! S6a (TS 29.272) on the HSS side: Authentication Information (AIR/AIA),
//! Update Location (ULR/ULA) and Purge UE (PUR/PUA).

use super::answer::{self, Required, req};
use super::store::{Resync, SqnGrant, TakeSqn};
use super::{Hss, imsi_number};
use crate::codec::DecodeError;
use crate::codec::diameter::base::{AuthSessionState, ExperimentalResult};
use crate::codec::diameter::dict::{self, VENDOR_3GPP};
use crate::codec::diameter::result::{self, s6a as s6a_result};
use crate::codec::diameter::s6a::{
    Aia, Air, AuthenticationInfo, EutranVector as EutranVectorAvp, NetworkAccessMode, Pua, Pur,
    SubscriberStatus, SubscriptionData, Ula, Ulr, pua_flags, tbcd_encode, ula_flags, ulr_flags,
};
use crate::codec::diameter::{Ambr, Message};
use crate::crypto::auth::{EutranVector, recover_sqn_ms};
use crate::crypto::kdf::SnId;
use crate::crypto::milenage::Milenage;
use crate::crypto::{Amf, Auts, Rand};
use crate::nodes::{Iface, NodeId};

/// The most vectors one AIA carries; more asked are capped (TS 29.272
/// 7.3.14 leaves the number to the HSS, which "may" return fewer).
pub const MAX_VECTORS: u32 = 5;

/// AVPs an AIR must have (TS 29.272 7.2.5).
const AIR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::USER_NAME),
    (dict::VISITED_PLMN_ID, 3),
];

/// AVPs a ULR must have (TS 29.272 7.2.3).
const ULR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::USER_NAME),
    req(dict::RAT_TYPE),
    req(dict::ULR_FLAGS),
    (dict::VISITED_PLMN_ID, 3),
];

/// AVPs a PUR must have (TS 29.272 7.2.13).
const PUR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::USER_NAME),
];

/// The AMF for E-UTRAN vectors: the separation bit set (TS 33.401 6.1.1).
fn eutran_amf(amf: Amf) -> Amf {
    let b = amf.as_bytes();
    Amf::new([b[0] | 0x80, b[1]])
}

/// What became of a request for SQNs (an AIR, or a Cx MAR): both
/// interfaces take them from the one counter of the subscriber.
pub(super) enum SqnOutcome {
    Vectors(SqnGrant),
    UnknownUser,
    BadMac,
    Exhausted(String),
    StoreFailed(String),
}

impl Hss {
    /// Checks the required AVPs and decodes a request; on failure answers
    /// 5005 DIAMETER_MISSING_AVP or 5004 DIAMETER_INVALID_AVP_VALUE with
    /// the AVP in Failed-AVP (RFC 6733 7.5) and returns `None`.
    pub(super) fn decode_request<T>(
        &mut self,
        iface: Iface,
        from: NodeId,
        msg: &Message,
        required: &[Required],
        decode: fn(&Message) -> Result<T, DecodeError>,
    ) -> Option<T> {
        let name = dict::command_short_name(msg.header.command, true);
        let imsi = msg
            .avp(dict::USER_NAME.code, None)
            .and_then(|a| a.utf8().ok())
            .and_then(imsi_number);
        let (code, failed, why) = if let Some(example) = answer::missing(msg, required) {
            let why = format!("missing mandatory AVP {}", example.name());
            (result::DIAMETER_MISSING_AVP, Some(example), why)
        } else {
            match decode(msg) {
                Ok(t) => return Some(t),
                Err(e) => (
                    result::DIAMETER_INVALID_AVP_VALUE,
                    answer::avp_at(msg, e.offset),
                    e.what,
                ),
            }
        };
        self.bump("decode_errors");
        let bytes = answer::error_answer(self.local(iface), msg, code, failed, &why);
        self.send(iface, from, bytes, imsi);
        self.note(
            imsi,
            format!(
                "answered {name} from {from} with {code} {}: {why}",
                result::result_code_name(code).unwrap_or("")
            ),
        );
        None
    }

    /// AIR -> AIA (TS 29.272 5.2.3.1.3). The SQNs the vectors use are
    /// committed to the database before the vectors are computed and long
    /// before the answer is queued.
    pub(super) fn handle_air(&mut self, iface: Iface, from: NodeId, msg: &Message) {
        self.bump("air");
        let Some(air) = self.decode_request(iface, from, msg, AIR_REQUIRED, Air::from_message)
        else {
            return;
        };
        let imsi = air.user_name.clone();
        let imsi_n = imsi_number(&imsi);
        if let Err(e) = air.visited_plmn() {
            self.bump("decode_errors");
            let failed = msg.avp(dict::VISITED_PLMN_ID.code, VENDOR_3GPP).cloned();
            let bytes = answer::error_answer(
                &self.s6a,
                msg,
                result::DIAMETER_INVALID_AVP_VALUE,
                failed,
                &e.what,
            );
            self.send(iface, from, bytes, imsi_n);
            self.note(
                imsi_n,
                format!("answered AIR for {imsi} with 5004 DIAMETER_INVALID_AVP_VALUE: {e}"),
            );
            return;
        }
        // The Visited-PLMN-Id octets are the SN id of TS 33.401 A.2.
        let sn_id = SnId::new(air.visited_plmn_id);
        let info = air
            .requested_eutran_authentication_info
            .clone()
            .unwrap_or_default();
        let asked = info.number_of_requested_vectors.unwrap_or(1);
        let n = asked.clamp(1, MAX_VECTORS);
        if asked != n {
            self.note(
                imsi_n,
                format!("AIR for {imsi} asked for {asked} vectors; sending {n}"),
            );
        }
        let outcome = self.take_sqns(&imsi, imsi_n, n, info.rand_auts());
        let aia = match outcome {
            SqnOutcome::Vectors(grant) => {
                let vectors = self.vectors(&imsi, &grant, &sn_id);
                Aia {
                    session_id: air.session_id.clone(),
                    result_code: Some(result::DIAMETER_SUCCESS),
                    auth_session_state: Some(AuthSessionState::NoStateMaintained),
                    origin_host: self.s6a.host.clone(),
                    origin_realm: self.s6a.realm.clone(),
                    authentication_info: Some(AuthenticationInfo {
                        eutran_vectors: vectors,
                        ..Default::default()
                    }),
                    proxy_info: air.proxy_info.clone(),
                    ..Default::default()
                }
            }
            SqnOutcome::UnknownUser => {
                self.unknown_user("AIR", &imsi, imsi_n);
                Aia {
                    experimental_result: Some(ExperimentalResult::new(
                        VENDOR_3GPP,
                        s6a_result::DIAMETER_ERROR_USER_UNKNOWN,
                    )),
                    ..self.aia_base(&air)
                }
            }
            SqnOutcome::BadMac => {
                // TS 33.102 6.3.5 would answer with vectors at the unchanged
                // SQN_HE; we reject the AUTS instead, so that a forged or
                // corrupted AUTS is visible: 5004 DIAMETER_INVALID_AVP_VALUE
                // (RFC 6733 7.1.5) naming Re-Synchronization-Info (7.5).
                self.bump("resync_bad_mac");
                self.note(
                    imsi_n,
                    format!(
                        "rejected resynchronisation for {imsi}: MAC-S of AUTS does not verify \
                         (answered 5004 DIAMETER_INVALID_AVP_VALUE); SQN unchanged"
                    ),
                );
                let resync = info.re_synchronization_info.unwrap_or([0; 30]);
                let failed = dict::REQUESTED_EUTRAN_AUTHENTICATION_INFO
                    .grouped(vec![dict::RE_SYNCHRONIZATION_INFO.octets(&resync)]);
                let bytes = answer::error_answer(
                    &self.s6a,
                    msg,
                    result::DIAMETER_INVALID_AVP_VALUE,
                    Some(failed),
                    "MAC-S of AUTS does not verify",
                );
                self.send(iface, from, bytes, imsi_n);
                return;
            }
            SqnOutcome::Exhausted(why) => {
                self.bump("sqn_exhausted");
                self.note(
                    imsi_n,
                    format!(
                        "no vectors for {imsi}: {why} (answered 4181 \
                         DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE)"
                    ),
                );
                Aia {
                    experimental_result: Some(ExperimentalResult::new(
                        VENDOR_3GPP,
                        s6a_result::DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE,
                    )),
                    ..self.aia_base(&air)
                }
            }
            SqnOutcome::StoreFailed(why) => {
                self.store_failed(iface, from, msg, "AIR", &imsi, imsi_n, &why);
                return;
            }
        };
        let bytes = aia.encode(msg.header.hop_by_hop, msg.header.end_to_end);
        self.send(iface, from, bytes, imsi_n);
    }

    /// Takes SQNs (or resynchronises first from RAND and AUTS, TS 33.102
    /// 6.3.5) and commits them; S6a and Cx share it.
    pub(super) fn take_sqns(
        &mut self,
        imsi: &str,
        imsi_n: Option<u64>,
        n: u32,
        resync: Option<([u8; 16], [u8; 14])>,
    ) -> SqnOutcome {
        let store = match self.store.as_mut() {
            Ok(s) => s,
            Err(e) => return SqnOutcome::StoreFailed(e.clone()),
        };
        let Some((rand, auts)) = resync else {
            return match store.take_sqns(imsi, n) {
                Ok(TakeSqn::Granted(g)) => SqnOutcome::Vectors(g),
                Ok(TakeSqn::UnknownUser) => SqnOutcome::UnknownUser,
                Ok(TakeSqn::Exhausted { next }) => SqnOutcome::Exhausted(format!(
                    "its next SQN {} leaves no room for {n} more below 2^48",
                    next.value()
                )),
                Err(e) => SqnOutcome::StoreFailed(e.to_string()),
            };
        };
        let (rand, auts) = (Rand::new(rand), Auts::new(auts));
        let r = store.resync(imsi, n, |keys| {
            recover_sqn_ms(
                &Milenage::new(keys.k.clone(), keys.opc.clone()),
                &rand,
                &auts,
            )
        });
        match r {
            Ok(Resync::Granted { grant, sqn_ms }) => {
                self.bump("resync");
                self.note(
                    imsi_n,
                    format!(
                        "resynchronised SQN for {imsi} from AUTS: SQN_MS {}, next SQN {}",
                        sqn_ms.value(),
                        grant.first.value()
                    ),
                );
                SqnOutcome::Vectors(grant)
            }
            Ok(Resync::UnknownUser) => SqnOutcome::UnknownUser,
            Ok(Resync::BadMac) => SqnOutcome::BadMac,
            Ok(Resync::Exhausted { sqn_ms }) => SqnOutcome::Exhausted(format!(
                "SQN_MS {} from AUTS leaves no room for {n} more below 2^48",
                sqn_ms.value()
            )),
            Err(e) => SqnOutcome::StoreFailed(e.to_string()),
        }
    }

    /// The E-UTRAN vectors for a grant (TS 33.401 6.1.1), each RAND derived
    /// from the seed, the IMSI and its SQN. Item-Number orders them when
    /// there are several (TS 29.272 7.3.23).
    fn vectors(&mut self, imsi: &str, grant: &SqnGrant, sn_id: &SnId) -> Vec<EutranVectorAvp> {
        let mil = Milenage::new(grant.keys.k.clone(), grant.keys.opc.clone());
        let amf = eutran_amf(grant.keys.amf);
        (0..grant.count)
            .map(|i| {
                let sqn = grant.first.wrapping_add(u64::from(i));
                let rand = self.rand.for_vector(imsi, sqn.value());
                let v = EutranVector::generate(&mil, rand, sqn, amf, sn_id);
                EutranVectorAvp {
                    item_number: (grant.count > 1).then_some(i + 1),
                    rand: *v.rand.as_bytes(),
                    xres: v.xres.as_bytes().to_vec(),
                    autn: *v.autn.as_bytes(),
                    kasme: *v.kasme.as_bytes(),
                    ..Default::default()
                }
            })
            .collect()
    }

    fn aia_base(&self, air: &Air) -> Aia {
        Aia {
            session_id: air.session_id.clone(),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.s6a.host.clone(),
            origin_realm: self.s6a.realm.clone(),
            proxy_info: air.proxy_info.clone(),
            ..Default::default()
        }
    }

    fn unknown_user(&mut self, what: &str, imsi: &str, imsi_n: Option<u64>) {
        self.bump("unknown_user");
        self.note(
            imsi_n,
            format!("{what} for unknown IMSI {imsi}: answered 5001 DIAMETER_ERROR_USER_UNKNOWN"),
        );
    }

    /// The database failed: 5012 DIAMETER_UNABLE_TO_COMPLY, and no vector
    /// leaves without its SQN stored.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn store_failed(
        &mut self,
        iface: Iface,
        from: NodeId,
        msg: &Message,
        what: &str,
        imsi: &str,
        imsi_n: Option<u64>,
        why: &str,
    ) {
        self.bump("store_errors");
        self.note(
            imsi_n,
            format!("answered {what} for {imsi} with 5012 DIAMETER_UNABLE_TO_COMPLY: {why}"),
        );
        let bytes = answer::error_answer(
            self.local(iface),
            msg,
            result::DIAMETER_UNABLE_TO_COMPLY,
            None,
            "subscriber database unavailable",
        );
        self.send(iface, from, bytes, imsi_n);
    }

    /// ULR -> ULA (TS 29.272 5.2.1.1.3): stores the MME, answers with the
    /// subscription unless the MME asked to skip it.
    pub(super) fn handle_ulr(&mut self, iface: Iface, from: NodeId, msg: &Message) {
        self.bump("ula");
        let Some(ulr) = self.decode_request(iface, from, msg, ULR_REQUIRED, Ulr::from_message)
        else {
            return;
        };
        let imsi = ulr.user_name.clone();
        let imsi_n = imsi_number(&imsi);
        let located = match self.store.as_mut() {
            Ok(s) => s
                .update_location(&imsi, &ulr.origin_host, &ulr.origin_realm)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.clone()),
        };
        let base = Ula {
            session_id: ulr.session_id.clone(),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.s6a.host.clone(),
            origin_realm: self.s6a.realm.clone(),
            proxy_info: ulr.proxy_info.clone(),
            ..Default::default()
        };
        let ula = match located {
            Err(why) => {
                self.store_failed(iface, from, msg, "ULR", &imsi, imsi_n, &why);
                return;
            }
            Ok(None) => {
                self.unknown_user("ULR", &imsi, imsi_n);
                Ula {
                    experimental_result: Some(ExperimentalResult::new(
                        VENDOR_3GPP,
                        s6a_result::DIAMETER_ERROR_USER_UNKNOWN,
                    )),
                    ..base
                }
            }
            Ok(Some(profile)) => {
                let skip = ulr.ulr_flags & ulr_flags::SKIP_SUBSCRIBER_DATA != 0;
                let subscription_data = if skip {
                    None
                } else {
                    Some(self.subscription_data(&imsi, imsi_n, &profile.msisdn, &profile.apns))
                };
                Ula {
                    result_code: Some(result::DIAMETER_SUCCESS),
                    // The HSS keeps MME and SGSN registrations apart (TS 29.272 7.3.8).
                    ula_flags: Some(ula_flags::SEPARATION_INDICATION),
                    subscription_data,
                    ..base
                }
            }
        };
        let bytes = ula.encode(msg.header.hop_by_hop, msg.header.end_to_end);
        self.send(iface, from, bytes, imsi_n);
    }

    /// Subscription-Data (TS 29.272 7.3.2) for an EPS attach.
    fn subscription_data(
        &mut self,
        imsi: &str,
        imsi_n: Option<u64>,
        msisdn: &str,
        apns: &[String],
    ) -> SubscriptionData {
        let profile = self.apns.configuration_profile(apns);
        match &profile {
            None => self.note(
                imsi_n,
                format!("ULA for {imsi} carries no APN configuration: no APN is subscribed"),
            ),
            Some((_, unknown)) if !unknown.is_empty() => self.note(
                imsi_n,
                format!(
                    "ULA for {imsi}: no gateway serves {}; sent with QCI {} ARP {} defaults",
                    unknown.join(", "),
                    super::profile::FALLBACK.qci,
                    super::profile::FALLBACK.arp_priority
                ),
            ),
            Some(_) => {}
        }
        SubscriptionData {
            subscriber_status: Some(SubscriberStatus::ServiceGranted),
            msisdn: tbcd_encode(msisdn).filter(|m| !m.is_empty()),
            network_access_mode: Some(NetworkAccessMode::OnlyPacket),
            ambr: Some(Ambr::new(
                super::profile::UE_AMBR_UL,
                super::profile::UE_AMBR_DL,
            )),
            apn_configuration_profile: profile.map(|(p, _)| p),
            ..Default::default()
        }
    }

    /// PUR -> PUA (TS 29.272 5.2.1.3.3): when the purging MME is the stored
    /// one, "UE purged in MME" is set and Freeze-M-TMSI returned.
    pub(super) fn handle_pur(&mut self, iface: Iface, from: NodeId, msg: &Message) {
        self.bump("pur");
        let Some(pur) = self.decode_request(iface, from, msg, PUR_REQUIRED, Pur::from_message)
        else {
            return;
        };
        let imsi = pur.user_name.clone();
        let imsi_n = imsi_number(&imsi);
        let purged = match self.store.as_mut() {
            Ok(s) => s.purge(&imsi, &pur.origin_host).map_err(|e| e.to_string()),
            Err(e) => Err(e.clone()),
        };
        let base = Pua {
            session_id: pur.session_id.clone(),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.s6a.host.clone(),
            origin_realm: self.s6a.realm.clone(),
            proxy_info: pur.proxy_info.clone(),
            ..Default::default()
        };
        let pua = match purged {
            Err(why) => {
                self.store_failed(iface, from, msg, "PUR", &imsi, imsi_n, &why);
                return;
            }
            Ok(None) => {
                self.unknown_user("PUR", &imsi, imsi_n);
                Pua {
                    experimental_result: Some(ExperimentalResult::new(
                        VENDOR_3GPP,
                        s6a_result::DIAMETER_ERROR_USER_UNKNOWN,
                    )),
                    ..base
                }
            }
            Ok(Some(same_mme)) => {
                if !same_mme {
                    self.note(
                        imsi_n,
                        format!(
                            "PUR for {imsi} from {}, which is not the MME the HSS has stored: \
                             nothing purged",
                            pur.origin_host
                        ),
                    );
                }
                Pua {
                    result_code: Some(result::DIAMETER_SUCCESS),
                    pua_flags: Some(if same_mme {
                        pua_flags::FREEZE_M_TMSI
                    } else {
                        0
                    }),
                    ..base
                }
            }
        };
        let bytes = pua.encode(msg.header.hop_by_hop, msg.header.end_to_end);
        self.send(iface, from, bytes, imsi_n);
    }
}

/// Re-Synchronization-Info for tests that build AIRs.
#[cfg(test)]
pub(super) fn resync_info(
    rand: &Rand,
    auts: &Auts,
) -> crate::codec::diameter::s6a::RequestedEutranAuthenticationInfo {
    use crate::codec::diameter::s6a::RequestedEutranAuthenticationInfo;
    RequestedEutranAuthenticationInfo {
        number_of_requested_vectors: Some(1),
        re_synchronization_info: Some(RequestedEutranAuthenticationInfo::resync(
            rand.as_bytes(),
            auts.as_bytes(),
        )),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::crypto::{Autn, K, Opc, Sqn};
    use crate::nodes::hss::store::Store;
    use crate::nodes::{Node, Output, Time};

    const RAND_HEX: &str = "23553cbe9637a89d218ae64dae47bf35";
    const AUTS_HEX: &str = "ba853f3c123ccf44e93596e355c6";

    fn mil() -> Milenage {
        Milenage::new(K::from_hex(K_HEX).unwrap(), Opc::from_hex(OPC_HEX).unwrap())
    }

    /// The SQN inside `autn`, revealed with AK = f5(`rand`).
    fn sqn_of(rand: &[u8; 16], autn: &[u8; 16]) -> u64 {
        let ak = mil().f2345(&Rand::new(*rand)).ak;
        Sqn::from_bytes(ak.xor(&Autn::new(*autn).concealed_sqn())).value()
    }

    fn air(n: u32, resync: Option<(Rand, Auts)>) -> Vec<u8> {
        let info = match resync {
            Some((r, a)) => resync_info(&r, &a),
            None => crate::codec::diameter::s6a::RequestedEutranAuthenticationInfo {
                number_of_requested_vectors: Some(n),
                ..Default::default()
            },
        };
        Air {
            session_id: "mme;1;air".into(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
            origin_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            destination_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            user_name: IMSI.into(),
            requested_eutran_authentication_info: Some(info),
            visited_plmn_id: [0x00, 0xf1, 0x10],
            ..Default::default()
        }
        .encode(0x77, 0x88)
    }

    fn stored_sqn(hss: &Hss) -> u64 {
        hss.store()
            .unwrap()
            .get(IMSI)
            .unwrap()
            .unwrap()
            .subscription
            .sqn
            .value()
    }

    fn aia(outs: &[Output]) -> Aia {
        Aia::from_message(&answer(outs)).unwrap()
    }

    #[test]
    fn hss_air_reproduces_reference_aia() {
        let (mut hss, _) = connected(None);
        hss.fix_rand(Rand::from_hex(RAND_HEX).unwrap());
        let outs = feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_air")));
        let t = transmits(&outs)[0];
        assert_eq!(
            (t.iface, t.to, t.imsi),
            (Iface::S6a, MME, Some(1010000000001))
        );
        let ours = Message::decode(&t.bytes).unwrap();
        let reference = Message::decode(&fixture("s6a_aia")).unwrap();
        assert_eq!(ours.header, reference.header);
        // Same AVPs and values (the reference lists Auth-Session-State
        // before Result-Code; we follow the ABNF of TS 29.272 7.2.6).
        assert_eq!(
            Aia::from_message(&ours).unwrap(),
            Aia::from_message(&reference).unwrap()
        );
        let v = &Aia::from_message(&ours)
            .unwrap()
            .authentication_info
            .unwrap()
            .eutran_vectors[0];
        assert_eq!(
            crate::codec::hex(&v.autn),
            "55f328b43577b9b94a9ffac354dfafb3"
        );
        assert_eq!(crate::codec::hex(&v.xres), "a54211d5e3ba50bf");
        assert_eq!(
            crate::codec::hex(&v.kasme),
            "48579af8781c742d5120e6ed8ccac13193f38c53ab7aa69396f49ca6e1b0562d"
        );
        assert_eq!(stored_sqn(&hss), SQN + 1);
        assert_eq!(hss.counter("air"), 1);
    }

    #[test]
    fn hss_air_commits_sqn_before_answer_leaves() {
        let db = TempDb::new("commit");
        let (mut hss, _) = connected(Some(db.0.clone()));
        hss.handle(Time::ZERO, rx(Iface::S6a, MME, air(1, None)));
        // The answer is still queued; another connection already sees the
        // new SQN, so it was committed first.
        let other = Store::open_existing(&db.0).unwrap();
        assert_eq!(
            other.get(IMSI).unwrap().unwrap().subscription.sqn.value(),
            SQN + 1
        );
        let outs: Vec<_> = std::iter::from_fn(|| hss.poll_output()).collect();
        let v = &aia(&outs).authentication_info.unwrap().eutran_vectors[0];
        assert_eq!(sqn_of(&v.rand, &v.autn), SQN);
        assert_eq!(v.item_number, None);
        // AMF keeps the separation bit.
        assert_eq!(&v.autn[6..8], &[0xb9, 0xb9]);
        // Three vectors: consecutive SQNs, numbered, one UPDATE of +3.
        let outs = feed(&mut hss, rx(Iface::S6a, MME, air(3, None)));
        let vs = aia(&outs).authentication_info.unwrap().eutran_vectors;
        let sqns: Vec<u64> = vs.iter().map(|v| sqn_of(&v.rand, &v.autn)).collect();
        assert_eq!(sqns, [SQN + 1, SQN + 2, SQN + 3]);
        assert_eq!(
            vs.iter().map(|v| v.item_number).collect::<Vec<_>>(),
            [Some(1), Some(2), Some(3)]
        );
        assert_ne!(vs[0].rand, vs[1].rand, "fresh RAND per vector");
        assert_eq!(
            other.get(IMSI).unwrap().unwrap().subscription.sqn.value(),
            SQN + 4
        );
        // More than MAX_VECTORS asked: capped, and said so.
        let outs = feed(&mut hss, rx(Iface::S6a, MME, air(9, None)));
        assert_eq!(
            aia(&outs).authentication_info.unwrap().eutran_vectors.len(),
            MAX_VECTORS as usize
        );
        assert_eq!(
            notes(&outs),
            ["AIR for 001010000000001 asked for 9 vectors; sending 5"]
        );
    }

    #[test]
    fn hss_air_resynchronises_from_reference_auts() {
        let (mut hss, _) = connected(None);
        let rand = Rand::from_hex(RAND_HEX).unwrap();
        let auts = Auts::from_hex(AUTS_HEX).unwrap();
        let sqn_ms = SQN;
        assert_eq!(
            recover_sqn_ms(&mil(), &rand, &auts).unwrap().value(),
            sqn_ms
        );
        // Move the HSS far ahead first: the UE would not accept its SQN.
        hss.store_mut()
            .unwrap()
            .set_sqn(IMSI, Sqn::new(SQN + 1_000_000).unwrap())
            .unwrap();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, air(1, Some((rand, auts)))));
        assert_eq!(
            notes(&outs),
            [format!(
                "resynchronised SQN for 001010000000001 from AUTS: SQN_MS {sqn_ms}, next SQN {}",
                sqn_ms + 1
            )]
        );
        let a = aia(&outs);
        assert_eq!(a.result_code, Some(2001));
        let v = &a.authentication_info.unwrap().eutran_vectors[0];
        assert_eq!(sqn_of(&v.rand, &v.autn), sqn_ms + 1);
        assert_eq!(stored_sqn(&hss), sqn_ms + 2);
        assert_eq!(hss.counter("resync"), 1);
        // The USIM accepts the new vector.
        let mut usim = crate::crypto::auth::UsimSqn::new(Sqn::new(sqn_ms).unwrap());
        assert!(matches!(
            usim.check_autn(&mil(), &Rand::new(v.rand), &Autn::new(v.autn)),
            crate::crypto::auth::AutnOutcome::Ok { .. }
        ));
    }

    #[test]
    fn hss_air_rejects_auts_with_bad_mac_s() {
        let (mut hss, _) = connected(None);
        let rand = Rand::from_hex(RAND_HEX).unwrap();
        let mut bytes = *Auts::from_hex(AUTS_HEX).unwrap().as_bytes();
        bytes[13] ^= 0x01;
        let outs = feed(
            &mut hss,
            rx(Iface::S6a, MME, air(1, Some((rand, Auts::new(bytes))))),
        );
        let a = answer(&outs);
        assert_eq!(a.result_code(), Some(5004));
        assert!(!a.header.flags.is_error());
        assert_eq!((a.header.hop_by_hop, a.header.end_to_end), (0x77, 0x88));
        let failed = a.avp(279, None).unwrap().grouped().unwrap();
        assert_eq!(failed[0].code, 1408);
        assert_eq!(failed[0].grouped().unwrap()[0].code, 1411);
        assert!(a.avp(dict::AUTHENTICATION_INFO.code, VENDOR_3GPP).is_none());
        assert_eq!(stored_sqn(&hss), SQN, "SQN unchanged");
        assert_eq!(hss.counter("resync_bad_mac"), 1);
        assert!(notes(&outs)[0].contains("MAC-S of AUTS does not verify"));
    }

    #[test]
    fn hss_unknown_imsi_gets_5001_on_air_ulr_and_pur() {
        let (mut hss, _) = connected(None);
        let mut req = Air::decode(&fixture("s6a_air")).unwrap();
        req.user_name = "001019999999999".into();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, req.encode(1, 2)));
        let a = aia(&outs);
        assert_eq!(a.result_code, None);
        assert_eq!(a.experimental_result.unwrap().pair(), (VENDOR_3GPP, 5001));
        assert_eq!(
            a.auth_session_state,
            Some(AuthSessionState::NoStateMaintained)
        );
        assert!(a.authentication_info.is_none());
        assert_eq!(
            notes(&outs),
            ["AIR for unknown IMSI 001019999999999: answered 5001 DIAMETER_ERROR_USER_UNKNOWN"]
        );
        assert_eq!(transmits(&outs)[0].imsi, Some(1019999999999));

        let mut ulr = Ulr::decode(&fixture("s6a_ulr")).unwrap();
        ulr.user_name = "001019999999999".into();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, ulr.encode(3, 4)));
        let a = Ula::from_message(&answer(&outs)).unwrap();
        assert_eq!(a.experimental_result.unwrap().pair(), (VENDOR_3GPP, 5001));
        assert!(a.subscription_data.is_none());

        let pur = Pur {
            session_id: "mme;3".into(),
            origin_host: "mme".into(),
            origin_realm: "r".into(),
            destination_realm: "r".into(),
            user_name: "001019999999999".into(),
            ..Default::default()
        };
        let outs = feed(&mut hss, rx(Iface::S6a, MME, pur.encode(5, 6)));
        let a = Pua::from_message(&answer(&outs)).unwrap();
        assert_eq!(a.experimental_result.unwrap().pair(), (VENDOR_3GPP, 5001));
        assert_eq!(hss.counter("unknown_user"), 3);
    }

    #[test]
    fn hss_ulr_answers_reference_subscription_data() {
        let (mut hss, _) = connected(None);
        let outs = feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_ulr")));
        let ours = answer(&outs);
        let reference = Message::decode(&fixture("s6a_ula")).unwrap();
        assert_eq!(ours.header, reference.header);
        let ula = Ula::from_message(&ours).unwrap();
        assert_eq!(ula, Ula::from_message(&reference).unwrap());
        // Spelled out: default context 1; internet ctx 1 IPv4 QCI 9; ims ctx 2
        // IPv4v6 QCI 5.
        let sd = ula.subscription_data.unwrap();
        assert_eq!(
            crate::codec::diameter::s6a::tbcd_digits(&sd.msisdn.unwrap()),
            "10000000001"
        );
        let p = sd.apn_configuration_profile.unwrap();
        assert_eq!(p.context_identifier, 1);
        let rows: Vec<_> = p
            .apn_configurations
            .iter()
            .map(|c| {
                (
                    c.context_identifier,
                    c.service_selection.as_str(),
                    c.pdn_type,
                    c.eps_subscribed_qos_profile
                        .as_ref()
                        .unwrap()
                        .qos_class_identifier,
                )
            })
            .collect();
        use crate::codec::diameter::s6a::PdnType;
        assert_eq!(
            rows,
            [
                (1, "internet", PdnType::Ipv4, 9),
                (2, "ims", PdnType::Ipv4v6, 5)
            ]
        );
        assert_eq!(ula.ula_flags, Some(ula_flags::SEPARATION_INDICATION));
        let rec = hss.store().unwrap().get(IMSI).unwrap().unwrap();
        assert_eq!(
            rec.mme,
            Some((
                "mme.epc.mnc001.mcc001.3gppnetwork.org".into(),
                "epc.mnc001.mcc001.3gppnetwork.org".into()
            ))
        );
        assert_eq!(hss.counter("ula"), 1);
    }

    #[test]
    fn hss_ulr_skips_data_on_request_and_defaults_unserved_apns() {
        let (mut hss, _) = connected(None);
        let mut ulr = Ulr::decode(&fixture("s6a_ulr")).unwrap();
        ulr.ulr_flags |= ulr_flags::SKIP_SUBSCRIBER_DATA;
        let outs = feed(&mut hss, rx(Iface::S6a, MME, ulr.encode(1, 1)));
        let a = Ula::from_message(&answer(&outs)).unwrap();
        assert_eq!(a.result_code, Some(2001));
        assert!(a.subscription_data.is_none());

        let mut sub = hss
            .store()
            .unwrap()
            .get(IMSI)
            .unwrap()
            .unwrap()
            .subscription;
        sub.imsi = "001010000000002".into();
        sub.apns = vec!["corp".into()];
        sub.impi = None;
        sub.impus.clear();
        hss.store_mut().unwrap().add(&sub).unwrap();
        let mut ulr = Ulr::decode(&fixture("s6a_ulr")).unwrap();
        ulr.user_name = sub.imsi.clone();
        let outs = feed(&mut hss, rx(Iface::S6a, MME, ulr.encode(2, 2)));
        let a = Ula::from_message(&answer(&outs)).unwrap();
        let c = &a
            .subscription_data
            .unwrap()
            .apn_configuration_profile
            .unwrap()
            .apn_configurations[0];
        assert_eq!(c.service_selection, "corp");
        assert_eq!(
            c.eps_subscribed_qos_profile
                .as_ref()
                .unwrap()
                .qos_class_identifier,
            9
        );
        assert_eq!(
            notes(&outs),
            ["ULA for 001010000000002: no gateway serves corp; sent with QCI 9 ARP 8 defaults"]
        );
    }

    #[test]
    fn hss_pur_purges_only_for_the_stored_mme() {
        let (mut hss, _) = connected(None);
        let pur = |host: &str| Pur {
            session_id: "mme;4".into(),
            origin_host: host.into(),
            origin_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            destination_realm: "epc.mnc001.mcc001.3gppnetwork.org".into(),
            user_name: IMSI.into(),
            ..Default::default()
        };
        feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_ulr")));
        let outs = feed(&mut hss, rx(Iface::S6a, MME, pur("other-mme").encode(1, 1)));
        let a = Pua::from_message(&answer(&outs)).unwrap();
        assert_eq!((a.result_code, a.pua_flags), (Some(2001), Some(0)));
        assert!(!hss.store().unwrap().get(IMSI).unwrap().unwrap().purged);
        let outs = feed(
            &mut hss,
            rx(
                Iface::S6a,
                MME,
                pur("mme.epc.mnc001.mcc001.3gppnetwork.org").encode(2, 2),
            ),
        );
        let a = Pua::from_message(&answer(&outs)).unwrap();
        assert_eq!(a.pua_flags, Some(pua_flags::FREEZE_M_TMSI));
        assert!(hss.store().unwrap().get(IMSI).unwrap().unwrap().purged);
        assert_eq!(hss.counter("pur"), 2);
    }

    #[test]
    fn hss_air_with_missing_or_invalid_avp_answers_5005_or_5004() {
        let (mut hss, _) = connected(None);
        let mut m = Message::decode(&fixture("s6a_air")).unwrap();
        m.avps.retain(|a| a.code != dict::VISITED_PLMN_ID.code);
        let outs = feed(&mut hss, rx(Iface::S6a, MME, m.encode()));
        let a = answer(&outs);
        assert_eq!(a.result_code(), Some(5005));
        let failed = &a.avp(279, None).unwrap().grouped().unwrap()[0];
        assert_eq!((failed.code, failed.vendor), (1407, Some(VENDOR_3GPP)));
        assert_eq!(failed.octets().unwrap(), [0, 0, 0]);
        assert_eq!(
            notes(&outs),
            [
                "answered AIR from #9 with 5005 DIAMETER_MISSING_AVP: missing mandatory AVP Visited-PLMN-Id"
            ]
        );
        // A Visited-PLMN-Id of two bytes: 5004 naming it.
        let mut m = Message::decode(&fixture("s6a_air")).unwrap();
        for a in &mut m.avps {
            if a.code == dict::VISITED_PLMN_ID.code {
                *a = dict::VISITED_PLMN_ID.octets(&[0x00, 0xf1]);
            }
        }
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, m.encode())));
        assert_eq!(a.result_code(), Some(5004));
        let failed = &a.avp(279, None).unwrap().grouped().unwrap()[0];
        assert_eq!(failed.octets().unwrap(), [0x00, 0xf1]);
        // Not BCD: 5004 too.
        let mut req = Air::decode(&fixture("s6a_air")).unwrap();
        req.visited_plmn_id = [0xaa, 0xf1, 0x10];
        let a = answer(&feed(&mut hss, rx(Iface::S6a, MME, req.encode(1, 1))));
        assert_eq!(a.result_code(), Some(5004));
        assert_eq!(hss.counter("decode_errors"), 3);
        assert_eq!(stored_sqn(&hss), SQN, "no SQN spent on refused requests");
    }

    #[test]
    fn hss_survives_mutated_requests() {
        let (mut hss, _) = connected(None);
        for name in ["s6a_air", "s6a_ulr"] {
            let base = fixture(name);
            for i in 0..base.len() {
                let mut b = base.clone();
                b[i] ^= 0xff;
                hss.handle(Time::ZERO, rx(Iface::S6a, MME, b));
                let mut t = base.clone();
                t.truncate(i);
                hss.handle(Time::ZERO, rx(Iface::S6a, MME, t));
                while hss.poll_output().is_some() {}
            }
        }
        assert!(hss.counter("decode_errors") > 0);
    }

    #[test]
    fn eutran_amf_sets_the_separation_bit() {
        assert_eq!(eutran_amf(Amf::new([0x00, 0x01])), Amf::new([0x80, 0x01]));
        assert_eq!(eutran_amf(Amf::new([0xb9, 0xb9])), Amf::new([0xb9, 0xb9]));
    }

    #[test]
    fn hss_rands_repeat_for_the_same_seed() {
        let run = || {
            let (mut hss, _) = connected(None);
            let outs = feed(&mut hss, rx(Iface::S6a, MME, air(2, None)));
            aia(&outs)
                .authentication_info
                .unwrap()
                .eutran_vectors
                .iter()
                .map(|v| v.rand)
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }
}
