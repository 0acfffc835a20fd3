//! Cx (TS 29.228 procedures, TS 29.229 messages) on the HSS side:
//! User-Authorization (UAR/UAA), Multimedia-Auth (MAR/MAA), Server-
//! Assignment (SAR/SAA), Location-Info (LIR/LIA), and the administrative
//! de-registration that sends Registration-Termination (RTR/RTA) to the
//! assigned S-CSCF.
//!
//! One subscriber entry feeds both interfaces: the IMS identities and
//! registration state live in the same row as the EPS keys, and MAR takes
//! its SQNs from the same counter as AIR (the S6a code takes them), so a USIM
//! never sees an SQN twice whichever interface the vector came from.

use super::answer::{self, Required, req};
use super::s6a::SqnOutcome;
use super::store::{Impu, ImsState, StoreError, SubscriberRecord};
use super::{Hss, Sent, imsi_number};
use crate::codec::diameter::Message;
use crate::codec::diameter::base::{
    AuthSessionState, ExperimentalResult, VendorSpecificApplicationId,
};
use crate::codec::diameter::cx::{
    DeregistrationReason, Lia, Lir, Maa, Mar, ReasonCode, Rta, Rtr, Saa, Sar, ServerAssignmentType,
    ServerCapabilities, SipAuthDataItem, Uaa, Uar, UserAuthorizationType, UserDataAlreadyAvailable,
};
use crate::codec::diameter::dict::{self, APP_CX, VENDOR_3GPP};
use crate::codec::diameter::result::{self, cx as cx_result};
use crate::crypto::auth::AuthVector;
use crate::crypto::milenage::Milenage;
use crate::nodes::diameter_peer::PeerState;
use crate::nodes::{Iface, NodeId};

/// The authentication scheme of IMS AKA (TS 29.229 6.3.14, TS 33.203).
pub const SCHEME_AKA: &str = "Digest-AKAv1-MD5";

/// The most SIP-Auth-Data-Items one MAA carries (TS 29.228 6.3.1 leaves
/// the number to the HSS).
pub const MAX_AUTH_ITEMS: u32 = 5;

/// AVPs a UAR must have (TS 29.229 6.1.1).
const UAR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::VENDOR_SPECIFIC_APPLICATION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::USER_NAME),
    req(dict::PUBLIC_IDENTITY),
    req(dict::VISITED_NETWORK_IDENTIFIER),
];

/// AVPs a MAR must have (TS 29.229 6.1.7).
const MAR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::VENDOR_SPECIFIC_APPLICATION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::USER_NAME),
    req(dict::PUBLIC_IDENTITY),
    req(dict::SIP_AUTH_DATA_ITEM),
    req(dict::SIP_NUMBER_AUTH_ITEMS),
    req(dict::SERVER_NAME),
];

/// AVPs a SAR must have (TS 29.229 6.1.3).
const SAR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::VENDOR_SPECIFIC_APPLICATION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::SERVER_NAME),
    req(dict::SERVER_ASSIGNMENT_TYPE),
    req(dict::USER_DATA_ALREADY_AVAILABLE),
];

/// AVPs a LIR must have (TS 29.229 6.1.5).
const LIR_REQUIRED: &[Required] = &[
    req(dict::SESSION_ID),
    req(dict::VENDOR_SPECIFIC_APPLICATION_ID),
    req(dict::AUTH_SESSION_STATE),
    req(dict::ORIGIN_HOST),
    req(dict::ORIGIN_REALM),
    req(dict::DESTINATION_REALM),
    req(dict::PUBLIC_IDENTITY),
];

/// An RTR the HSS sent and waits the RTA of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RtrSent {
    imsi: String,
    impi: String,
    impu: String,
    scscf: String,
}

/// The IMS subscription document of TS 29.228 Annex D/E (User-Data): the
/// private identity and one service profile holding the implicit
/// registration set, barred identities marked.
pub fn ims_subscription_xml(impi: &str, impus: &[Impu]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?><IMSSubscription>");
    s.push_str(&format!(
        "<PrivateID>{}</PrivateID><ServiceProfile>",
        xml_escape(impi)
    ));
    for i in impus {
        s.push_str("<PublicIdentity>");
        if i.barred {
            // tPublicIdentity lists BarringIndication before Identity (Annex E).
            s.push_str("<BarringIndication>1</BarringIndication>");
        }
        s.push_str(&format!(
            "<Identity>{}</Identity></PublicIdentity>",
            xml_escape(&i.uri)
        ));
    }
    s.push_str("</ServiceProfile></IMSSubscription>");
    s
}

fn xml_escape(t: &str) -> String {
    let mut o = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c => o.push(c),
        }
    }
    o
}

/// Who the identities of a Cx request belong to.
enum Lookup {
    /// Both known and of one subscriber.
    Found(Box<SubscriberRecord>),
    /// An identity is unknown (5001).
    Unknown(String),
    /// Known, but of two subscribers (5002).
    DontMatch,
    /// The database failed.
    Failed(String),
}

/// The Experimental-Result of a Cx answer.
fn exp(code: u32) -> Option<ExperimentalResult> {
    Some(ExperimentalResult::new(VENDOR_3GPP, code))
}

fn vsai() -> VendorSpecificApplicationId {
    VendorSpecificApplicationId::auth(VENDOR_3GPP, APP_CX)
}

/// A Result-Code or Experimental-Result-Code with its name, for notes.
fn code_text(code: u32, experimental: bool) -> String {
    let name = if experimental {
        cx_result::name(code)
    } else {
        result::result_code_name(code)
    };
    format!("{code} {}", name.unwrap_or(""))
}

impl Hss {
    /// Looks up the subscriber of `impu` and, when given, checks that
    /// `impi` is the same subscriber's (TS 29.228 6.1.1.1 steps 1-2).
    fn lookup(&self, impu: &str, impi: Option<&str>) -> Lookup {
        let store = match self.store.as_ref() {
            Ok(s) => s,
            Err(e) => return Lookup::Failed(e.clone()),
        };
        let by_impu = match store.imsi_for_impu(impu) {
            Ok(Some(i)) => i,
            Ok(None) => return Lookup::Unknown(impu.to_string()),
            Err(e) => return Lookup::Failed(e.to_string()),
        };
        if let Some(impi) = impi {
            match store.imsi_for_impi(impi) {
                Ok(Some(i)) if i == by_impu => {}
                Ok(Some(_)) => return Lookup::DontMatch,
                Ok(None) => return Lookup::Unknown(impi.to_string()),
                Err(e) => return Lookup::Failed(e.to_string()),
            }
        }
        match store.get(&by_impu) {
            Ok(Some(r)) => Lookup::Found(Box::new(r)),
            Ok(None) => Lookup::Unknown(impu.to_string()),
            Err(e) => Lookup::Failed(e.to_string()),
        }
    }

    /// Records the IMS state; a database failure becomes a Note (the
    /// answer already says what the HSS decided).
    fn set_ims(&mut self, imsi: &str, state: ImsState, scscf: Option<&str>) {
        let r: Result<bool, StoreError> = match self.store.as_mut() {
            Ok(s) => s.set_ims_registration(imsi, state, scscf),
            Err(e) => Err(StoreError::Corrupt(e.clone())),
        };
        if let Err(e) = r {
            self.bump("store_errors");
            self.note(
                imsi_number(imsi),
                format!("could not store the IMS state of {imsi}: {e}"),
            );
        }
    }

    /// Checks Destination-Realm and Destination-Host of a Cx request
    /// against our Cx identity; answers 3003 DIAMETER_REALM_NOT_SERVED or
    /// 3002 DIAMETER_UNABLE_TO_DELIVER (RFC 6733 6.1) and returns false
    /// when they name someone else.
    fn addressed_to_us(&mut self, from: NodeId, msg: &Message) -> bool {
        let realm = msg
            .avp(dict::DESTINATION_REALM.code, None)
            .and_then(|a| a.utf8().ok());
        let host = msg
            .avp(dict::DESTINATION_HOST.code, None)
            .and_then(|a| a.utf8().ok());
        let (code, why) = match (realm, host) {
            (Some(r), _) if !r.eq_ignore_ascii_case(&self.cx.realm) => (
                result::DIAMETER_REALM_NOT_SERVED,
                format!(
                    "Destination-Realm {r} is not the HSS's Cx realm {}",
                    self.cx.realm
                ),
            ),
            (_, Some(h)) if !h.eq_ignore_ascii_case(&self.cx.host) => (
                result::DIAMETER_UNABLE_TO_DELIVER,
                format!(
                    "Destination-Host {h} is not the HSS's Cx host {}",
                    self.cx.host
                ),
            ),
            _ => return true,
        };
        self.bump("wrong_destination");
        let bytes = answer::error_answer(&self.cx, msg, code, None, &why);
        self.send(Iface::Cx, from, bytes, None);
        self.note(
            None,
            format!(
                "answered {} from {from} with {}: {why}",
                msg.summary(),
                code_text(code, false)
            ),
        );
        false
    }

    /// The answer to a lookup that failed, as (result code, experimental?),
    /// with its Note; `None` when the database failed (already answered).
    fn lookup_failure(
        &mut self,
        from: NodeId,
        msg: &Message,
        what: &str,
        lookup: Lookup,
    ) -> Option<(u32, bool)> {
        match lookup {
            Lookup::Found(_) => None,
            Lookup::Unknown(id) => {
                self.bump("unknown_user");
                self.note(
                    None,
                    format!("{what} for unknown identity {id}: answered 5001 DIAMETER_ERROR_USER_UNKNOWN"),
                );
                Some((cx_result::DIAMETER_ERROR_USER_UNKNOWN, true))
            }
            Lookup::DontMatch => {
                self.bump("identities_dont_match");
                self.note(
                    None,
                    format!(
                        "{what}: the private and public identities belong to different subscribers: \
                         answered 5002 DIAMETER_ERROR_IDENTITIES_DONT_MATCH"
                    ),
                );
                Some((cx_result::DIAMETER_ERROR_IDENTITIES_DONT_MATCH, true))
            }
            Lookup::Failed(why) => {
                self.store_failed(Iface::Cx, from, msg, what, "", None, &why);
                None
            }
        }
    }

    /// The S-CSCF a first registration should go to: the name stored from
    /// an earlier registration, else the only S-CSCF this HSS knows (as
    /// Server-Name), else all of them as Server-Capabilities (TS 29.228
    /// 6.1.1.1).
    fn first_registration_target(
        &self,
        stored: Option<&str>,
        capabilities: bool,
    ) -> (Option<String>, Option<ServerCapabilities>) {
        if let (Some(name), false) = (stored, capabilities) {
            return (Some(name.to_string()), None);
        }
        match self.scscfs.as_slice() {
            [(only, _)] if !capabilities => (Some(only.clone()), None),
            all => (
                None,
                Some(ServerCapabilities {
                    server_name: all.iter().map(|(n, _)| n.clone()).collect(),
                    ..Default::default()
                }),
            ),
        }
    }

    /// UAR -> UAA (TS 29.228 6.1.1.1).
    pub(super) fn handle_uar(&mut self, from: NodeId, msg: &Message) {
        self.bump("uar");
        let Some(uar) = self.decode_request(Iface::Cx, from, msg, UAR_REQUIRED, Uar::from_message)
        else {
            return;
        };
        if !self.addressed_to_us(from, msg) {
            return;
        }
        let kind = uar.authorization_type();
        let mut uaa = Uaa {
            session_id: uar.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.cx.host.clone(),
            origin_realm: self.cx.realm.clone(),
            proxy_info: uar.proxy_info.clone(),
            ..Default::default()
        };
        let lookup = self.lookup(&uar.public_identity, Some(&uar.user_name));
        let rec = match lookup {
            Lookup::Found(r) => r,
            other => {
                let Some((code, _)) = self.lookup_failure(from, msg, "UAR", other) else {
                    return;
                };
                uaa.experimental_result = exp(code);
                return self.answer(
                    from,
                    msg,
                    uaa.encode(msg.header.hop_by_hop, msg.header.end_to_end),
                    None,
                );
            }
        };
        let imsi = rec.subscription.imsi.clone();
        let imsi_n = imsi_number(&imsi);
        let impu = uar.public_identity.clone();
        // Step 3: a barred identity registers only within a set that has a
        // non-barred one (TS 29.228 6.1.1.1, TS 23.228 4.3.3.4).
        let barred = rec
            .subscription
            .impus
            .iter()
            .any(|i| i.uri == impu && i.barred);
        let all_barred = rec.subscription.impus.iter().all(|i| i.barred);
        if barred && all_barred {
            self.bump("authorization_rejected");
            self.note(
                imsi_n,
                format!("UAR for {impu}: the identity is barred and so is every identity of its set: answered 5003 DIAMETER_AUTHORIZATION_REJECTED"),
            );
            uaa.result_code = Some(result::DIAMETER_AUTHORIZATION_REJECTED);
            let bytes = uaa.encode(msg.header.hop_by_hop, msg.header.end_to_end);
            return self.answer(from, msg, bytes, imsi_n);
        }
        // Step 4: roaming. Only the home network may register its users here.
        let visited = String::from_utf8_lossy(&uar.visited_network_identifier).to_string();
        if !self
            .home_networks
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&visited))
        {
            self.bump("roaming_not_allowed");
            self.note(
                imsi_n,
                format!("UAR for {impu} from visited network {visited}: roaming is not allowed there: answered 5004 DIAMETER_ERROR_ROAMING_NOT_ALLOWED"),
            );
            uaa.experimental_result = exp(cx_result::DIAMETER_ERROR_ROAMING_NOT_ALLOWED);
            let bytes = uaa.encode(msg.header.hop_by_hop, msg.header.end_to_end);
            return self.answer(from, msg, bytes, imsi_n);
        }
        let assigned = rec.scscf_name.clone();
        let text = match (kind, rec.ims_state, assigned) {
            (
                UserAuthorizationType::DeRegistration,
                ImsState::Registered | ImsState::Unregistered,
                Some(name),
            ) => {
                uaa.result_code = Some(result::DIAMETER_SUCCESS);
                uaa.server_name = Some(name.clone());
                format!("UAR (de-registration) for {impu}: served by {name}")
            }
            (UserAuthorizationType::DeRegistration, state, _) => {
                uaa.experimental_result = exp(cx_result::DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
                format!(
                    "UAR (de-registration) for {impu}, which is {}: answered 5003 DIAMETER_ERROR_IDENTITY_NOT_REGISTERED",
                    state.name()
                )
            }
            (
                _,
                ImsState::Registered | ImsState::Unregistered | ImsState::AuthPending,
                Some(name),
            ) => {
                uaa.experimental_result = exp(cx_result::DIAMETER_SUBSEQUENT_REGISTRATION);
                uaa.server_name = Some(name.clone());
                format!("UAR for {impu}: 2002 DIAMETER_SUBSEQUENT_REGISTRATION, S-CSCF {name}")
            }
            (kind, _, stored) => {
                let caps = kind == UserAuthorizationType::RegistrationAndCapabilities;
                let (name, capabilities) = self.first_registration_target(stored.as_deref(), caps);
                uaa.experimental_result = exp(cx_result::DIAMETER_FIRST_REGISTRATION);
                let text = match (&name, &capabilities) {
                    (Some(n), _) => format!("S-CSCF {n}"),
                    (None, Some(c)) if !c.server_name.is_empty() => {
                        format!("capabilities naming {}", c.server_name.join(", "))
                    }
                    _ => "empty capabilities (the I-CSCF chooses)".to_string(),
                };
                uaa.server_name = name;
                uaa.server_capabilities = capabilities;
                format!("UAR for {impu}: 2001 DIAMETER_FIRST_REGISTRATION, {text}")
            }
        };
        self.note(imsi_n, text);
        let bytes = uaa.encode(msg.header.hop_by_hop, msg.header.end_to_end);
        self.answer(from, msg, bytes, imsi_n);
    }

    fn answer(&mut self, from: NodeId, _request: &Message, bytes: Vec<u8>, imsi: Option<u64>) {
        self.send(Iface::Cx, from, bytes, imsi);
    }

    /// MAR -> MAA (TS 29.228 6.3.1): Digest-AKAv1-MD5 vectors from the
    /// subscriber's SQN counter, or a resynchronisation first when
    /// SIP-Authorization carries RAND || AUTS.
    pub(super) fn handle_mar(&mut self, from: NodeId, msg: &Message) {
        self.bump("mar");
        let Some(mar) = self.decode_request(Iface::Cx, from, msg, MAR_REQUIRED, Mar::from_message)
        else {
            return;
        };
        if !self.addressed_to_us(from, msg) {
            return;
        }
        let (h, e) = (msg.header.hop_by_hop, msg.header.end_to_end);
        let mut maa = Maa {
            session_id: mar.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.cx.host.clone(),
            origin_realm: self.cx.realm.clone(),
            proxy_info: mar.proxy_info.clone(),
            ..Default::default()
        };
        let rec = match self.lookup(&mar.public_identity, Some(&mar.user_name)) {
            Lookup::Found(r) => r,
            other => {
                let Some((code, _)) = self.lookup_failure(from, msg, "MAR", other) else {
                    return;
                };
                maa.experimental_result = exp(code);
                return self.answer(from, msg, maa.encode(h, e), None);
            }
        };
        let imsi = rec.subscription.imsi.clone();
        let imsi_n = imsi_number(&imsi);
        let item = &mar.sip_auth_data_item;
        let scheme = item
            .sip_authentication_scheme
            .as_deref()
            .unwrap_or(SCHEME_AKA);
        // "Unknown" lets the HSS choose (TS 29.228 6.3.1).
        if !scheme.eq_ignore_ascii_case(SCHEME_AKA) && !scheme.eq_ignore_ascii_case("Unknown") {
            self.bump("auth_scheme_not_supported");
            self.note(
                imsi_n,
                format!("MAR for {} asks for scheme {scheme}; only {SCHEME_AKA} is served: answered 5006 DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED", mar.public_identity),
            );
            maa.experimental_result = exp(cx_result::DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
            return self.answer(from, msg, maa.encode(h, e), imsi_n);
        }
        let resync = match item.sip_authorization.as_deref() {
            None => None,
            Some(b) if b.len() == 30 => {
                let mut rand = [0u8; 16];
                let mut auts = [0u8; 14];
                rand.copy_from_slice(&b[..16]);
                auts.copy_from_slice(&b[16..]);
                Some((rand, auts))
            }
            Some(b) => {
                self.bump("decode_errors");
                let why = format!(
                    "SIP-Authorization of a resynchronisation must be RAND || AUTS (30 bytes), got {}",
                    b.len()
                );
                let failed =
                    dict::SIP_AUTH_DATA_ITEM.grouped(vec![dict::SIP_AUTHORIZATION.octets(b)]);
                let bytes = answer::error_answer(
                    &self.cx,
                    msg,
                    result::DIAMETER_INVALID_AVP_VALUE,
                    Some(failed),
                    &why,
                );
                self.note(
                    imsi_n,
                    format!("answered MAR for {imsi} with 5004 DIAMETER_INVALID_AVP_VALUE: {why}"),
                );
                return self.send(Iface::Cx, from, bytes, imsi_n);
            }
        };
        let n = mar.sip_number_auth_items.clamp(1, MAX_AUTH_ITEMS);
        let grant = match self.take_sqns(&imsi, imsi_n, n, resync) {
            SqnOutcome::Vectors(g) => g,
            SqnOutcome::UnknownUser => {
                maa.experimental_result = exp(cx_result::DIAMETER_ERROR_USER_UNKNOWN);
                return self.answer(from, msg, maa.encode(h, e), imsi_n);
            }
            SqnOutcome::BadMac => {
                // As on S6a: a forged or corrupted AUTS is refused, the SQN
                // stays (RFC 6733 7.1.5 DIAMETER_INVALID_AVP_VALUE).
                self.bump("resync_bad_mac");
                self.note(
                    imsi_n,
                    format!("rejected resynchronisation for {imsi} (MAR): MAC-S of AUTS does not verify (answered 5004 DIAMETER_INVALID_AVP_VALUE); SQN unchanged"),
                );
                let failed = dict::SIP_AUTH_DATA_ITEM.grouped(vec![
                    dict::SIP_AUTHORIZATION
                        .octets(item.sip_authorization.as_deref().unwrap_or_default()),
                ]);
                let bytes = answer::error_answer(
                    &self.cx,
                    msg,
                    result::DIAMETER_INVALID_AVP_VALUE,
                    Some(failed),
                    "MAC-S of AUTS does not verify",
                );
                return self.send(Iface::Cx, from, bytes, imsi_n);
            }
            SqnOutcome::Exhausted(why) => {
                self.bump("sqn_exhausted");
                self.note(imsi_n, format!("no vectors for {imsi} (MAR): {why} (answered 5012 DIAMETER_UNABLE_TO_COMPLY)"));
                maa.result_code = Some(result::DIAMETER_UNABLE_TO_COMPLY);
                return self.answer(from, msg, maa.encode(h, e), imsi_n);
            }
            SqnOutcome::StoreFailed(why) => {
                return self.store_failed(Iface::Cx, from, msg, "MAR", &imsi, imsi_n, &why);
            }
        };
        // The HSS stores the S-CSCF while authentication is pending
        // (TS 29.228 6.3.1), so that the next UAR finds it.
        if matches!(
            rec.ims_state,
            ImsState::NotRegistered | ImsState::AuthPending
        ) {
            self.set_ims(&imsi, ImsState::AuthPending, Some(&mar.server_name));
        }
        self.scscf_peers.insert(mar.server_name.clone(), from);
        let mil = Milenage::new(grant.keys.k.clone(), grant.keys.opc.clone());
        maa.result_code = Some(result::DIAMETER_SUCCESS);
        maa.user_name = Some(mar.user_name.clone());
        maa.public_identity = Some(mar.public_identity.clone());
        maa.sip_number_auth_items = Some(grant.count);
        maa.sip_auth_data_items = (0..grant.count)
            .map(|i| {
                let sqn = grant.first.wrapping_add(u64::from(i));
                let rand = self.rand.for_vector(&imsi, sqn.value());
                let v = AuthVector::generate(&mil, rand, sqn, grant.keys.amf);
                let mut authenticate = v.rand.as_bytes().to_vec();
                authenticate.extend_from_slice(v.autn.as_bytes());
                SipAuthDataItem {
                    sip_item_number: Some(i + 1),
                    sip_authentication_scheme: Some(SCHEME_AKA.into()),
                    sip_authenticate: Some(authenticate),
                    sip_authorization: Some(v.xres.as_bytes().to_vec()),
                    confidentiality_key: Some(*v.ck.as_bytes()),
                    integrity_key: Some(*v.ik.as_bytes()),
                    ..Default::default()
                }
            })
            .collect();
        self.note(
            imsi_n,
            format!(
                "MAR for {}: {} Digest-AKAv1-MD5 vector(s) from SQN {}",
                mar.public_identity,
                grant.count,
                grant.first.value()
            ),
        );
        self.answer(from, msg, maa.encode(h, e), imsi_n);
    }

    /// SAR -> SAA (TS 29.228 6.1.2): records or clears the assignment and
    /// returns the IMS subscription when the S-CSCF needs it.
    pub(super) fn handle_sar(&mut self, from: NodeId, msg: &Message) {
        self.bump("sar");
        let Some(sar) = self.decode_request(Iface::Cx, from, msg, SAR_REQUIRED, Sar::from_message)
        else {
            return;
        };
        if !self.addressed_to_us(from, msg) {
            return;
        }
        let (h, e) = (msg.header.hop_by_hop, msg.header.end_to_end);
        let mut saa = Saa {
            session_id: sar.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.cx.host.clone(),
            origin_realm: self.cx.realm.clone(),
            proxy_info: sar.proxy_info.clone(),
            ..Default::default()
        };
        // The user is named by Public-Identity, or by User-Name alone.
        let lookup = match (sar.public_identity.first(), sar.user_name.as_deref()) {
            (Some(impu), impi) => self.lookup(impu, impi),
            (None, Some(impi)) => match self.store.as_ref().map(|s| s.imsi_for_impi(impi)) {
                Ok(Ok(Some(imsi))) => match self.store.as_ref().map(|s| s.get(&imsi)) {
                    Ok(Ok(Some(r))) => Lookup::Found(Box::new(r)),
                    Ok(Err(e)) => Lookup::Failed(e.to_string()),
                    _ => Lookup::Unknown(impi.to_string()),
                },
                Ok(Ok(None)) => Lookup::Unknown(impi.to_string()),
                Ok(Err(e)) => Lookup::Failed(e.to_string()),
                Err(e) => Lookup::Failed(e.clone()),
            },
            (None, None) => Lookup::Unknown("(no identity)".into()),
        };
        let rec = match lookup {
            Lookup::Found(r) => r,
            other => {
                let Some((code, _)) = self.lookup_failure(from, msg, "SAR", other) else {
                    return;
                };
                saa.experimental_result = exp(code);
                return self.answer(from, msg, saa.encode(h, e), None);
            }
        };
        let imsi = rec.subscription.imsi.clone();
        let imsi_n = imsi_number(&imsi);
        let impi = rec.subscription.impi.clone().unwrap_or_default();
        let who = sar
            .public_identity
            .first()
            .cloned()
            .unwrap_or_else(|| impi.clone());
        let server = sar.server_name.clone();
        let kind = sar.server_assignment_type;
        let kind_name = kind.name().unwrap_or("unknown type").to_string();
        let with_data = |saa: &mut Saa| {
            saa.user_name = Some(impi.clone());
            if sar.user_data_already_available != UserDataAlreadyAvailable::UserDataAlreadyAvailable
            {
                saa.user_data =
                    Some(ims_subscription_xml(&impi, &rec.subscription.impus).into_bytes());
            }
        };
        use ServerAssignmentType as T;
        let text = match kind {
            T::Registration | T::ReRegistration => {
                self.set_ims(&imsi, ImsState::Registered, Some(&server));
                self.scscf_peers.insert(server.clone(), from);
                with_data(&mut saa);
                format!("SAR ({kind_name}) for {who}: registered at {server}")
            }
            T::UnregisteredUser => {
                self.set_ims(&imsi, ImsState::Unregistered, Some(&server));
                self.scscf_peers.insert(server.clone(), from);
                with_data(&mut saa);
                format!("SAR ({kind_name}) for {who}: {server} serves it while unregistered")
            }
            T::NoAssignment => {
                with_data(&mut saa);
                format!("SAR ({kind_name}) for {who}: user data only")
            }
            T::TimeoutDeregistration
            | T::UserDeregistration
            | T::AdministrativeDeregistration
            | T::DeregistrationTooMuchData => {
                self.set_ims(&imsi, ImsState::NotRegistered, None);
                saa.user_name = Some(impi.clone());
                format!("SAR ({kind_name}) for {who}: de-registered, S-CSCF name cleared")
            }
            T::TimeoutDeregistrationStoreServerName | T::UserDeregistrationStoreServerName => {
                self.set_ims(&imsi, ImsState::NotRegistered, Some(&server));
                saa.user_name = Some(impi.clone());
                format!("SAR ({kind_name}) for {who}: de-registered, {server} kept")
            }
            T::AuthenticationFailure | T::AuthenticationTimeout => {
                // Only a pending authentication is undone; a registered user
                // whose re-authentication failed stays registered.
                if rec.ims_state == ImsState::AuthPending {
                    self.set_ims(&imsi, ImsState::NotRegistered, None);
                }
                saa.user_name = Some(impi.clone());
                format!(
                    "SAR ({kind_name}) for {who}: authentication ended, now {}",
                    if rec.ims_state == ImsState::AuthPending {
                        "not registered"
                    } else {
                        rec.ims_state.name()
                    }
                )
            }
            _ => {
                self.bump("assignment_type_errors");
                self.note(
                    imsi_n,
                    format!("SAR for {who} with Server-Assignment-Type {kind_name} ({}): not served: answered 5007 DIAMETER_ERROR_IN_ASSIGNMENT_TYPE", kind.to_u32()),
                );
                saa.experimental_result = exp(cx_result::DIAMETER_ERROR_IN_ASSIGNMENT_TYPE);
                return self.answer(from, msg, saa.encode(h, e), imsi_n);
            }
        };
        saa.result_code = Some(result::DIAMETER_SUCCESS);
        self.note(imsi_n, text);
        self.answer(from, msg, saa.encode(h, e), imsi_n);
    }

    /// LIR -> LIA (TS 29.228 6.1.4): the S-CSCF serving a public identity.
    pub(super) fn handle_lir(&mut self, from: NodeId, msg: &Message) {
        self.bump("lir");
        let Some(lir) = self.decode_request(Iface::Cx, from, msg, LIR_REQUIRED, Lir::from_message)
        else {
            return;
        };
        if !self.addressed_to_us(from, msg) {
            return;
        }
        let (h, e) = (msg.header.hop_by_hop, msg.header.end_to_end);
        let mut lia = Lia {
            session_id: lir.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: self.cx.host.clone(),
            origin_realm: self.cx.realm.clone(),
            proxy_info: lir.proxy_info.clone(),
            ..Default::default()
        };
        let impu = lir.public_identity.clone();
        let rec = match self.lookup(&impu, None) {
            Lookup::Found(r) => r,
            other => {
                let Some((code, _)) = self.lookup_failure(from, msg, "LIR", other) else {
                    return;
                };
                lia.experimental_result = exp(code);
                return self.answer(from, msg, lia.encode(h, e), None);
            }
        };
        let imsi_n = imsi_number(&rec.subscription.imsi);
        match (rec.ims_state, rec.scscf_name.clone()) {
            (ImsState::Registered | ImsState::Unregistered, Some(name)) => {
                self.note(imsi_n, format!("LIR for {impu}: served by {name}"));
                lia.result_code = Some(result::DIAMETER_SUCCESS);
                lia.server_name = Some(name);
            }
            (state, _) => {
                self.bump("not_registered");
                self.note(
                    imsi_n,
                    format!("LIR for {impu}, which is {}: answered 5003 DIAMETER_ERROR_IDENTITY_NOT_REGISTERED", state.name()),
                );
                lia.experimental_result = exp(cx_result::DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
            }
        }
        self.answer(from, msg, lia.encode(h, e), imsi_n);
    }

    /// Administrative de-registration (TS 29.228 6.1.3): sends RTR for every
    /// identity of `impu`'s private identity to the S-CSCF that serves it.
    /// The registration is cleared when the RTA succeeds.
    pub fn deregister(&mut self, impu: &str, reason: ReasonCode) {
        let rec = match self.lookup(impu, None) {
            Lookup::Found(r) => r,
            Lookup::Unknown(_) | Lookup::DontMatch => {
                return self.note(None, format!("no RTR for {impu}: the HSS does not know it"));
            }
            Lookup::Failed(why) => {
                return self.note(None, format!("no RTR for {impu}: {why}"));
            }
        };
        let imsi = rec.subscription.imsi.clone();
        let imsi_n = imsi_number(&imsi);
        let Some(scscf) = rec
            .scscf_name
            .clone()
            .filter(|_| matches!(rec.ims_state, ImsState::Registered | ImsState::Unregistered))
        else {
            return self.note(
                imsi_n,
                format!(
                    "no RTR for {impu}: it is {}, no S-CSCF serves it",
                    rec.ims_state.name()
                ),
            );
        };
        let node = self.scscf_peers.get(&scscf).copied().or_else(|| {
            self.scscfs
                .iter()
                .find(|(n, _)| *n == scscf)
                .map(|(_, id)| *id)
        });
        let Some(node) = node else {
            return self.note(
                imsi_n,
                format!("no RTR for {impu}: no Cx connection to {scscf}"),
            );
        };
        let cx = self.cx.clone();
        let Some(peer) = self
            .peers
            .get_mut(&(node, Iface::Cx))
            .filter(|p| p.state() == PeerState::Open)
        else {
            return self.note(
                imsi_n,
                format!("no RTR for {impu}: the Cx connection to {scscf} ({node}) is not open"),
            );
        };
        let Some((dest_host, dest_realm)) = peer.peer.clone() else {
            return;
        };
        let impi = rec.subscription.impi.clone().unwrap_or_default();
        let rtr = Rtr {
            session_id: peer.new_session_id(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: cx.host,
            origin_realm: cx.realm,
            destination_host: dest_host,
            destination_realm: dest_realm,
            user_name: impi.clone(),
            deregistration_reason: DeregistrationReason {
                reason_code: reason,
                reason_info: Some("administrative deregistration".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let sent = Sent::Rtr(RtrSent {
            imsi: imsi.clone(),
            impi: impi.clone(),
            impu: impu.to_string(),
            scscf: scscf.clone(),
        });
        let bytes = peer.request(sent, |h, e| rtr.encode(h, e));
        self.bump("rtr");
        let reason_name = reason.name().unwrap_or("?");
        self.note(
            imsi_n,
            format!("administrative de-registration of {impu}: RTR ({reason_name}) for {impi} sent to {scscf}"),
        );
        if let Some(b) = bytes {
            self.send(Iface::Cx, node, b, imsi_n);
        }
    }

    /// RTA (TS 29.228 6.1.3): on success the HSS clears the registration.
    pub(super) fn handle_rta(&mut self, from: NodeId, msg: &Message, sent: RtrSent) {
        self.bump("rta");
        let imsi_n = imsi_number(&sent.imsi);
        let ok_origin = self
            .peers
            .get(&(from, Iface::Cx))
            .and_then(|p| p.peer.as_ref())
            .is_some_and(|(h, r)| {
                msg.origin_host() == Some(h.as_str()) && origin_realm(msg) == Some(r.as_str())
            });
        let rta = match Rta::from_message(msg) {
            Ok(r) => r,
            Err(e) => {
                self.bump("decode_errors");
                return self.note(
                    imsi_n,
                    format!("dropped RTA for {} from {from}: {e}", sent.impi),
                );
            }
        };
        if !ok_origin {
            self.bump("wrong_origin");
            return self.note(
                imsi_n,
                format!("dropped RTA for {} from {from}: Origin-Host/Realm {} / {} is not the S-CSCF the RTR went to", sent.impi, rta.origin_host, rta.origin_realm),
            );
        }
        if rta.result_code == Some(result::DIAMETER_SUCCESS) {
            self.set_ims(&sent.imsi, ImsState::NotRegistered, None);
            self.note(
                imsi_n,
                format!(
                    "RTA from {}: {} ({}) de-registered",
                    sent.scscf, sent.impu, sent.impi
                ),
            );
        } else {
            let code = rta
                .result_code
                .map(|c| code_text(c, false))
                .or_else(|| {
                    rta.experimental_result
                        .as_ref()
                        .map(|x| code_text(x.pair().1, true))
                })
                .unwrap_or_else(|| "no result".into());
            self.note(
                imsi_n,
                format!(
                    "RTA from {} for {}: {code}; the registration is kept",
                    sent.scscf, sent.impu
                ),
            );
        }
    }
}

/// Origin-Realm of a message.
pub(super) fn origin_realm(msg: &Message) -> Option<&str> {
    msg.avp(dict::ORIGIN_REALM.code, None)
        .and_then(|a| a.utf8().ok())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::codec::diameter::Avp;
    use crate::codec::diameter::s6a::Aia;
    use crate::crypto::auth::generate_auts;
    use crate::crypto::{Autn, K, Opc, Rand, Sqn};
    use crate::nodes::diameter_peer::{DiameterPeer, LocalIdentity, Received, Role};
    use crate::nodes::{Command, HssCommand, Input, Node, Output, Time};
    use crate::topology::{DiameterIdentity, NodeKind, NodeSpec, ScscfSpec, SipHost, Topology};
    use std::time::Duration;

    const IMS: &str = "ims.mnc001.mcc001.3gppnetwork.org";
    const IMPI: &str = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    const IMPU: &str = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    const SCSCF_URI: &str = "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060";
    /// RAND of TS 35.208 test set 1 (the reference MAA's).
    const RAND_HEX: &str = "23553cbe9637a89d218ae64dae47bf35";
    /// The S-CSCF's node id in [`cx_topology`].
    const SCSCF: NodeId = NodeId(2);
    /// A fake I-CSCF (not in the topology).
    const ICSCF: NodeId = NodeId(8);

    /// The HSS test topology plus the S-CSCF of the reference flow.
    fn cx_topology() -> Topology {
        let mut t = topology(None);
        // As the topology loader writes it: one SIP identity.
        t.subscribers[0].ims = Some(crate::topology::Isim {
            impi: IMPI.into(),
            impus: vec![IMPU.into()],
            domain: IMS.into(),
        });
        t.nodes.push(NodeSpec {
            name: "scscf1".into(),
            addr: "127.0.0.6".parse().unwrap(),
            kind: NodeKind::Scscf(ScscfSpec {
                hss: Some(HSS),
                sip: SipHost {
                    host: format!("scscf.{IMS}"),
                    port: 6060,
                },
                diameter: DiameterIdentity {
                    host: format!("scscf.{IMS}"),
                    realm: IMS.into(),
                },
                domain: IMS.into(),
                icscf: None,
                max_expires: Duration::from_secs(600),
                min_expires: Duration::from_secs(60),
            }),
        });
        t
    }

    fn cx_peer(host: &str, seed: u32) -> DiameterPeer<()> {
        DiameterPeer::new(
            LocalIdentity {
                host: host.into(),
                realm: IMS.into(),
                ip: "127.0.0.9".parse().unwrap(),
                product: "test".into(),
                applications: vec![APP_CX],
            },
            Role::Client,
            seed,
        )
    }

    /// An HSS with open Cx connections from the S-CSCF and the I-CSCF.
    fn cx_connected(topo: &Topology) -> (Hss, DiameterPeer<()>, DiameterPeer<()>) {
        let mut hss = Hss::new(HSS, topo);
        feed(&mut hss, Input::Timeout);
        let mut s = cx_peer(&format!("scscf.{IMS}"), 3);
        let mut i = cx_peer(&format!("icscf.{IMS}"), 4);
        for (peer, id) in [(&mut s, SCSCF), (&mut i, ICSCF)] {
            let cer = peer.start(Time::ZERO).remove(0);
            let outs = feed(&mut hss, rx(Iface::Cx, id, cer));
            let cea = answer(&outs);
            assert_eq!(cea.result_code(), Some(2001));
            assert_eq!(
                cea.origin_host(),
                Some("hss.ims.mnc001.mcc001.3gppnetwork.org")
            );
            peer.receive(Time::ZERO, &transmits(&outs)[0].bytes)
                .unwrap();
            assert_eq!(peer.state(), PeerState::Open);
        }
        (hss, s, i)
    }

    /// The AVP codes of a message, top level, sorted.
    fn codes(m: &Message) -> Vec<u32> {
        let mut v: Vec<u32> = m.avps.iter().map(|a: &Avp| a.code).collect();
        v.sort_unstable();
        v
    }

    fn uar(impi: &str, impu: &str, kind: Option<UserAuthorizationType>) -> Vec<u8> {
        Uar {
            session_id: "icscf;1;uar".into(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("icscf.{IMS}"),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: impi.into(),
            public_identity: impu.into(),
            visited_network_identifier: IMS.as_bytes().to_vec(),
            user_authorization_type: kind,
            ..Default::default()
        }
        .encode(0x10, 0x20)
    }

    fn uaa(outs: &[Output]) -> Uaa {
        Uaa::from_message(&answer(outs)).unwrap()
    }

    fn sar(kind: ServerAssignmentType) -> Vec<u8> {
        Sar {
            session_id: "scscf;1;sar".into(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("scscf.{IMS}"),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: Some(IMPI.into()),
            public_identity: vec![IMPU.into()],
            server_name: SCSCF_URI.into(),
            server_assignment_type: kind,
            user_data_already_available: UserDataAlreadyAvailable::UserDataNotAvailable,
            ..Default::default()
        }
        .encode(0x30, 0x40)
    }

    fn mar(resync: Option<Vec<u8>>) -> Vec<u8> {
        Mar {
            session_id: "scscf;1;mar".into(),
            vendor_specific_application_id: vsai(),
            auth_session_state: AuthSessionState::NoStateMaintained,
            origin_host: format!("scscf.{IMS}"),
            origin_realm: IMS.into(),
            destination_realm: IMS.into(),
            user_name: IMPI.into(),
            public_identity: IMPU.into(),
            sip_auth_data_item: SipAuthDataItem {
                sip_authentication_scheme: Some(SCHEME_AKA.into()),
                sip_authorization: resync,
                ..Default::default()
            },
            sip_number_auth_items: 1,
            server_name: SCSCF_URI.into(),
            ..Default::default()
        }
        .encode(0x50, 0x60)
    }

    fn exp_code(x: &Option<ExperimentalResult>) -> Option<u32> {
        x.as_ref().map(|x| x.pair().1)
    }

    fn state(hss: &Hss) -> (ImsState, Option<String>) {
        let r = hss.store().unwrap().get(IMSI).unwrap().unwrap();
        (r.ims_state, r.scscf_name)
    }

    fn mil() -> Milenage {
        Milenage::new(K::from_hex(K_HEX).unwrap(), Opc::from_hex(OPC_HEX).unwrap())
    }

    fn sqn_of(rand: &[u8], autn: &[u8]) -> u64 {
        let ak = mil().f2345(&Rand::new(rand.try_into().unwrap())).ak;
        let autn = Autn::new(autn.try_into().unwrap());
        Sqn::from_bytes(ak.xor(&autn.concealed_sqn())).value()
    }

    #[test]
    fn hss_cx_cer_opens_with_cx_identity_and_refuses_s6a_offers() {
        let topo = cx_topology();
        let (hss, _, _) = cx_connected(&topo);
        assert_eq!(hss.peer_state(SCSCF, Iface::Cx), Some(PeerState::Open));
        // A client that offers S6a on Cx is refused.
        let mut hss = hss;
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        let outs = feed(&mut hss, rx(Iface::Cx, NodeId(7), cer));
        assert_eq!(answer(&outs).result_code(), Some(5010));
        assert!(notes(&outs)[0].contains("offers no Cx"), "{outs:?}");
    }

    #[test]
    fn hss_uar_reference_request_gets_first_registration_with_server_name() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let outs = feed(&mut hss, rx(Iface::Cx, ICSCF, fixture("cx_uar")));
        let t = transmits(&outs)[0];
        assert_eq!(
            (t.iface, t.to, t.imsi),
            (Iface::Cx, ICSCF, Some(1010000000001))
        );
        let ours = answer(&outs);
        let reference = Message::decode(&fixture("cx_uaa")).unwrap();
        assert_eq!(ours.header, reference.header);
        assert_eq!(codes(&ours), codes(&reference));
        assert_eq!(
            Uaa::from_message(&ours).unwrap(),
            Uaa::from_message(&reference).unwrap()
        );
        assert_eq!(hss.counter("uar"), 1);
    }

    #[test]
    fn hss_uar_after_mar_is_subsequent_and_without_type_means_registration() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let a = uaa(&feed(&mut hss, rx(Iface::Cx, ICSCF, uar(IMPI, IMPU, None))));
        assert_eq!(exp_code(&a.experimental_result), Some(2001));
        assert_eq!(a.server_name.as_deref(), Some(SCSCF_URI));
        feed(&mut hss, rx(Iface::Cx, SCSCF, mar(None)));
        assert_eq!(state(&hss), (ImsState::AuthPending, Some(SCSCF_URI.into())));
        let a = uaa(&feed(&mut hss, rx(Iface::Cx, ICSCF, uar(IMPI, IMPU, None))));
        assert_eq!(exp_code(&a.experimental_result), Some(2002));
        assert_eq!(a.server_name.as_deref(), Some(SCSCF_URI));
        // Capabilities asked: the list of S-CSCFs instead of a name.
        let a = uaa(&feed(
            &mut hss,
            rx(
                Iface::Cx,
                ICSCF,
                uar(
                    IMPI,
                    IMPU,
                    Some(UserAuthorizationType::RegistrationAndCapabilities),
                ),
            ),
        ));
        assert_eq!(
            exp_code(&a.experimental_result),
            Some(2002),
            "already assigned"
        );
    }

    #[test]
    fn hss_uar_errors_name_unknown_mismatched_barred_roaming_and_unregistered() {
        let mut topo = cx_topology();
        topo.subscribers.push(crate::topology::Subscriber {
            imsi: "001010000000002".into(),
            msisdn: "10000000002".into(),
            k: [1; 16],
            opc: [2; 16],
            sqn: 1,
            apns: vec!["ims".into()],
            ims: None,
            barred: vec![
                format!("sip:001010000000002@{IMS}"),
                "tel:+10000000002".into(),
            ],
        });
        let (mut hss, _, _) = cx_connected(&topo);
        let a = uaa(&feed(
            &mut hss,
            rx(
                Iface::Cx,
                ICSCF,
                uar(IMPI, &format!("sip:nobody@{IMS}"), None),
            ),
        ));
        assert_eq!(exp_code(&a.experimental_result), Some(5001));
        assert_eq!(a.result_code, None);
        let b_impu = format!("sip:001010000000002@{IMS}");
        let a = uaa(&feed(
            &mut hss,
            rx(Iface::Cx, ICSCF, uar(IMPI, &b_impu, None)),
        ));
        assert_eq!(exp_code(&a.experimental_result), Some(5002));
        assert_eq!(hss.counter("identities_dont_match"), 1);
        let b_impi = format!("001010000000002@{IMS}");
        let a = uaa(&feed(
            &mut hss,
            rx(Iface::Cx, ICSCF, uar(&b_impi, &b_impu, None)),
        ));
        assert_eq!(a.result_code, Some(result::DIAMETER_AUTHORIZATION_REJECTED));
        // Roaming: a Visited-Network-Identifier that is not the home network.
        let mut m = Message::decode(&uar(IMPI, IMPU, None)).unwrap();
        for a in &mut m.avps {
            if a.code == dict::VISITED_NETWORK_IDENTIFIER.code {
                *a = dict::VISITED_NETWORK_IDENTIFIER.octets(b"ims.mnc099.mcc999.3gppnetwork.org");
            }
        }
        let a = uaa(&feed(&mut hss, rx(Iface::Cx, ICSCF, m.encode())));
        assert_eq!(exp_code(&a.experimental_result), Some(5004));
        // De-registration of a user who is not registered.
        let a = uaa(&feed(
            &mut hss,
            rx(
                Iface::Cx,
                ICSCF,
                uar(IMPI, IMPU, Some(UserAuthorizationType::DeRegistration)),
            ),
        ));
        assert_eq!(exp_code(&a.experimental_result), Some(5003));
        // Missing Public-Identity: 5005 naming it.
        let mut m = Message::decode(&uar(IMPI, IMPU, None)).unwrap();
        m.avps.retain(|a| a.code != dict::PUBLIC_IDENTITY.code);
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, ICSCF, m.encode())));
        assert_eq!(ans.result_code(), Some(5005));
        assert_eq!(
            ans.origin_host(),
            Some("hss.ims.mnc001.mcc001.3gppnetwork.org")
        );
    }

    #[test]
    fn hss_cx_refuses_requests_for_another_realm_or_host() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let mut m = Message::decode(&uar(IMPI, IMPU, None)).unwrap();
        for a in &mut m.avps {
            if a.code == dict::DESTINATION_REALM.code {
                *a = dict::DESTINATION_REALM.utf8("epc.mnc001.mcc001.3gppnetwork.org");
            }
        }
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, ICSCF, m.encode())));
        assert_eq!(ans.result_code(), Some(3003));
        assert!(ans.header.flags.is_error());
        let mut m = Message::decode(&uar(IMPI, IMPU, None)).unwrap();
        m.avps
            .push(dict::DESTINATION_HOST.utf8("hss.epc.mnc001.mcc001.3gppnetwork.org"));
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, ICSCF, m.encode())));
        assert_eq!(ans.result_code(), Some(3002));
        assert_eq!(hss.counter("wrong_destination"), 2);
        // An S6a command on the Cx connection.
        let air = fixture("s6a_air");
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, ICSCF, air)));
        assert_eq!(ans.result_code(), Some(3007));
    }

    #[test]
    fn hss_mar_reproduces_reference_maa() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        hss.fix_rand(Rand::from_hex(RAND_HEX).unwrap());
        let outs = feed(&mut hss, rx(Iface::Cx, SCSCF, fixture("cx_mar")));
        let ours = answer(&outs);
        let reference = Message::decode(&fixture("cx_maa")).unwrap();
        assert_eq!(ours.header, reference.header);
        assert_eq!(codes(&ours), codes(&reference));
        assert_eq!(
            Maa::from_message(&ours).unwrap(),
            Maa::from_message(&reference).unwrap()
        );
        let item = &Maa::from_message(&ours).unwrap().sip_auth_data_items[0];
        assert_eq!(
            crate::codec::hex(item.sip_authenticate.as_deref().unwrap()),
            "23553cbe9637a89d218ae64dae47bf3555f328b43577b9b94a9ffac354dfafb3"
        );
        assert_eq!(
            crate::codec::hex(item.sip_authorization.as_deref().unwrap()),
            "a54211d5e3ba50bf"
        );
        assert_eq!(state(&hss), (ImsState::AuthPending, Some(SCSCF_URI.into())));
    }

    #[test]
    fn hss_mar_after_air_takes_the_next_sqn_of_the_same_counter() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        // AIR on S6a first.
        let mut mme = mme_peer();
        let cer = mme.start(Time::ZERO).remove(0);
        feed(&mut hss, rx(Iface::S6a, MME, cer));
        let outs = feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_air")));
        let aia = Aia::from_message(&answer(&outs)).unwrap();
        let v = &aia.authentication_info.unwrap().eutran_vectors[0];
        let air_sqn = sqn_of(&v.rand, &v.autn);
        assert_eq!(air_sqn, SQN);
        // Then MAR on Cx: the next SQN.
        let outs = feed(&mut hss, rx(Iface::Cx, SCSCF, mar(None)));
        let maa = Maa::from_message(&answer(&outs)).unwrap();
        let auth = maa.sip_auth_data_items[0].sip_authenticate.clone().unwrap();
        assert_eq!(sqn_of(&auth[..16], &auth[16..]), SQN + 1);
        // And an AIR after the MAR continues from there.
        let outs = feed(&mut hss, rx(Iface::S6a, MME, fixture("s6a_air")));
        let aia = Aia::from_message(&answer(&outs)).unwrap();
        let v = &aia.authentication_info.unwrap().eutran_vectors[0];
        assert_eq!(sqn_of(&v.rand, &v.autn), SQN + 2);
        assert_eq!(
            hss.store()
                .unwrap()
                .get(IMSI)
                .unwrap()
                .unwrap()
                .subscription
                .sqn
                .value(),
            SQN + 3
        );
    }

    #[test]
    fn hss_mar_resynchronises_from_rand_and_auts() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let rand = Rand::from_hex(RAND_HEX).unwrap();
        let sqn_ms = Sqn::new(SQN + 1000).unwrap();
        let auts = generate_auts(&mil(), &rand, sqn_ms);
        let mut resync = rand.as_bytes().to_vec();
        resync.extend_from_slice(auts.as_bytes());
        let outs = feed(&mut hss, rx(Iface::Cx, SCSCF, mar(Some(resync.clone()))));
        let maa = Maa::from_message(&answer(&outs)).unwrap();
        assert_eq!(maa.result_code, Some(2001));
        let auth = maa.sip_auth_data_items[0].sip_authenticate.clone().unwrap();
        assert_eq!(sqn_of(&auth[..16], &auth[16..]), SQN + 1001);
        assert_eq!(hss.counter("resync"), 1);
        // A corrupted AUTS is refused and the SQN stays.
        resync[29] ^= 1;
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, SCSCF, mar(Some(resync)))));
        assert_eq!(ans.result_code(), Some(5004));
        assert_eq!(hss.counter("resync_bad_mac"), 1);
        // A SIP-Authorization of the wrong length too.
        let ans = answer(&feed(&mut hss, rx(Iface::Cx, SCSCF, mar(Some(vec![0; 8])))));
        assert_eq!(ans.result_code(), Some(5004));
    }

    #[test]
    fn hss_mar_refuses_other_schemes() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let mut m = Mar::decode(&mar(None)).unwrap();
        m.sip_auth_data_item.sip_authentication_scheme = Some("SIP Digest".into());
        let maa = Maa::from_message(&answer(&feed(
            &mut hss,
            rx(Iface::Cx, SCSCF, m.encode(1, 2)),
        )))
        .unwrap();
        assert_eq!(exp_code(&maa.experimental_result), Some(5006));
    }

    #[test]
    fn hss_sar_registration_returns_reference_subscription_xml() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let outs = feed(&mut hss, rx(Iface::Cx, SCSCF, fixture("cx_sar")));
        let ours = answer(&outs);
        let reference = Message::decode(&fixture("cx_saa")).unwrap();
        assert_eq!(ours.header, reference.header);
        assert_eq!(codes(&ours), codes(&reference));
        let (ours, reference) = (
            Saa::from_message(&ours).unwrap(),
            Saa::from_message(&reference).unwrap(),
        );
        assert_eq!(ours, reference);
        assert_eq!(
            String::from_utf8(ours.user_data.unwrap()).unwrap(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><IMSSubscription><PrivateID>{IMPI}</PrivateID>\
                 <ServiceProfile><PublicIdentity><Identity>{IMPU}</Identity></PublicIdentity>\
                 </ServiceProfile></IMSSubscription>"
            )
        );
        assert_eq!(state(&hss), (ImsState::Registered, Some(SCSCF_URI.into())));
        // De-registration clears; the name goes.
        let saa = Saa::from_message(&answer(&feed(
            &mut hss,
            rx(
                Iface::Cx,
                SCSCF,
                sar(ServerAssignmentType::UserDeregistration),
            ),
        )))
        .unwrap();
        assert_eq!(saa.result_code, Some(2001));
        assert_eq!(saa.user_data, None);
        assert_eq!(state(&hss), (ImsState::NotRegistered, None));
        // A failed authentication while pending clears too.
        feed(&mut hss, rx(Iface::Cx, SCSCF, mar(None)));
        feed(
            &mut hss,
            rx(
                Iface::Cx,
                SCSCF,
                sar(ServerAssignmentType::AuthenticationFailure),
            ),
        );
        assert_eq!(state(&hss), (ImsState::NotRegistered, None));
        // Timeout with the name kept.
        feed(
            &mut hss,
            rx(Iface::Cx, SCSCF, sar(ServerAssignmentType::Registration)),
        );
        feed(
            &mut hss,
            rx(
                Iface::Cx,
                SCSCF,
                sar(ServerAssignmentType::TimeoutDeregistrationStoreServerName),
            ),
        );
        assert_eq!(
            state(&hss),
            (ImsState::NotRegistered, Some(SCSCF_URI.into()))
        );
        let saa = Saa::from_message(&answer(&feed(
            &mut hss,
            rx(Iface::Cx, SCSCF, sar(ServerAssignmentType::PgwUpdate)),
        )))
        .unwrap();
        assert_eq!(exp_code(&saa.experimental_result), Some(5007));
    }

    #[test]
    fn ims_subscription_marks_barred_identities_and_escapes() {
        let xml = ims_subscription_xml(
            "a&b@x",
            &[
                Impu::new("sip:a@x"),
                Impu {
                    uri: "tel:+1<2>".into(),
                    barred: true,
                },
            ],
        );
        assert!(xml.contains("<PrivateID>a&amp;b@x</PrivateID>"));
        assert!(xml.contains(
            "<PublicIdentity><BarringIndication>1</BarringIndication><Identity>tel:+1&lt;2&gt;</Identity></PublicIdentity>"
        ));
    }

    #[test]
    fn hss_lir_names_the_serving_scscf_once_registered() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        let lia = Lia::from_message(&answer(&feed(
            &mut hss,
            rx(Iface::Cx, ICSCF, fixture("cx_lir")),
        )))
        .unwrap();
        assert_eq!(exp_code(&lia.experimental_result), Some(5003));
        assert_eq!(lia.server_name, None);
        feed(&mut hss, rx(Iface::Cx, SCSCF, fixture("cx_sar")));
        let outs = feed(&mut hss, rx(Iface::Cx, ICSCF, fixture("cx_lir")));
        let ours = answer(&outs);
        let reference = Message::decode(&fixture("cx_lia")).unwrap();
        assert_eq!(codes(&ours), codes(&reference));
        assert_eq!(
            Lia::from_message(&ours).unwrap(),
            Lia::from_message(&reference).unwrap()
        );
        let mut m = Message::decode(&fixture("cx_lir")).unwrap();
        for a in &mut m.avps {
            if a.code == dict::PUBLIC_IDENTITY.code {
                *a = dict::PUBLIC_IDENTITY.utf8("tel:+999");
            }
        }
        let lia =
            Lia::from_message(&answer(&feed(&mut hss, rx(Iface::Cx, ICSCF, m.encode())))).unwrap();
        assert_eq!(exp_code(&lia.experimental_result), Some(5001));
    }

    #[test]
    fn hss_deregister_command_sends_rtr_and_clears_on_rta() {
        let topo = cx_topology();
        let (mut hss, mut scscf, _) = cx_connected(&topo);
        // Not registered: no RTR, a Note says why.
        let outs = feed(
            &mut hss,
            Input::Command(Command::Hss(HssCommand::Deregister { impu: IMPU.into() })),
        );
        assert!(transmits(&outs).is_empty());
        assert!(notes(&outs)[0].contains("no S-CSCF serves it"), "{outs:?}");
        feed(&mut hss, rx(Iface::Cx, SCSCF, fixture("cx_sar")));
        let outs = feed(
            &mut hss,
            Input::Command(Command::Hss(HssCommand::Deregister { impu: IMPU.into() })),
        );
        let t = transmits(&outs)[0];
        assert_eq!((t.iface, t.to), (Iface::Cx, SCSCF));
        let rtr_msg = Message::decode(&t.bytes).unwrap();
        let reference = Message::decode(&fixture("cx_rtr")).unwrap();
        assert_eq!(codes(&rtr_msg), codes(&reference));
        let rtr = Rtr::from_message(&rtr_msg).unwrap();
        assert_eq!(rtr.destination_host, format!("scscf.{IMS}"));
        assert_eq!(rtr.user_name, IMPI);
        assert_eq!(
            rtr.deregistration_reason,
            Rtr::from_message(&reference).unwrap().deregistration_reason
        );
        assert_eq!(hss.counter("rtr"), 1);
        // The S-CSCF answers RTA 2001: the HSS clears the registration.
        let Received::Request(req) = scscf.receive(Time::ZERO, &t.bytes).unwrap() else {
            panic!("RTR not a request")
        };
        let (h, e) = DiameterPeer::<()>::answer_ids(&req);
        let rta = Rta {
            session_id: rtr.session_id.clone(),
            vendor_specific_application_id: Some(vsai()),
            result_code: Some(2001),
            auth_session_state: Some(AuthSessionState::NoStateMaintained),
            origin_host: format!("scscf.{IMS}"),
            origin_realm: IMS.into(),
            ..Default::default()
        }
        .encode(h, e);
        let outs = feed(&mut hss, rx(Iface::Cx, SCSCF, rta));
        assert!(transmits(&outs).is_empty());
        assert_eq!(state(&hss), (ImsState::NotRegistered, None));
        assert!(
            notes(&outs).iter().any(|n| n.contains("de-registered")),
            "{outs:?}"
        );
        assert_eq!(hss.counter("rta"), 1);
    }

    #[test]
    fn hss_survives_arbitrary_cx_bytes() {
        let topo = cx_topology();
        let (mut hss, _, _) = cx_connected(&topo);
        for name in ["cx_uar", "cx_mar", "cx_sar", "cx_lir", "cx_rta"] {
            let f = fixture(name);
            for cut in [0, 1, 19, 20, 21, f.len() / 2, f.len() - 1] {
                let mut b = f.clone();
                b.truncate(cut);
                feed(&mut hss, rx(Iface::Cx, ICSCF, b));
            }
            for i in (20..f.len()).step_by(7) {
                let mut b = f.clone();
                b[i] ^= 0xa5;
                feed(&mut hss, rx(Iface::Cx, ICSCF, b));
            }
        }
        let _ = hss.poll_output();
    }
}
