//! Base protocol (RFC 6733): the peer commands CER/CEA, DWR/DWA, DPR/DPA and
//! the Grouped AVPs every application shares.

use super::avp::{Address, Avp};
use super::dict::{self, APP_COMMON};
use super::message::{answer_summary, request_summary};
use super::typed::{avp_enum, avp_struct, command};

avp_enum! {
    /// Auth-Session-State (RFC 6733 8.11).
    pub enum AuthSessionState {
        /// The server keeps session state.
        StateMaintained = 0 => "STATE_MAINTAINED",
        /// No session state is kept (S6a and Cx).
        NoStateMaintained = 1 => "NO_STATE_MAINTAINED",
    }
}

avp_enum! {
    /// Disconnect-Cause (RFC 6733 5.4.3).
    pub enum DisconnectCause {
        /// The peer is restarting.
        Rebooting = 0 => "REBOOTING",
        /// The peer is busy; do not reconnect soon.
        Busy = 1 => "BUSY",
        /// The peer does not wish to talk to the receiver.
        DoNotWantToTalkToYou = 2 => "DO_NOT_WANT_TO_TALK_TO_YOU",
    }
}

avp_struct! {
    /// Vendor-Specific-Application-Id (RFC 6733 6.11).
    pub struct VendorSpecificApplicationId {
        /// Vendor-Id.
        vendor_id: one u32 = dict::VENDOR_ID,
        /// Auth-Application-Id (exactly one of the two ids should be present).
        auth_application_id: opt u32 = dict::AUTH_APPLICATION_ID,
        /// Acct-Application-Id.
        acct_application_id: opt u32 = dict::ACCT_APPLICATION_ID,
    }
}

impl VendorSpecificApplicationId {
    /// An authentication application of `vendor`, e.g. (10415, S6a).
    pub fn auth(vendor: u32, application: u32) -> Self {
        Self {
            vendor_id: vendor,
            auth_application_id: Some(application),
            ..Self::default()
        }
    }
}

avp_struct! {
    /// Experimental-Result (RFC 6733 7.6): a vendor's result code.
    pub struct ExperimentalResult {
        /// Vendor-Id of the vendor defining the code.
        vendor_id: one u32 = dict::VENDOR_ID,
        /// Experimental-Result-Code (RFC 6733 7.7).
        experimental_result_code: one u32 = dict::EXPERIMENTAL_RESULT_CODE,
    }
}

impl ExperimentalResult {
    /// Result `code` defined by `vendor`.
    pub fn new(vendor: u32, code: u32) -> Self {
        Self {
            vendor_id: vendor,
            experimental_result_code: code,
            ..Self::default()
        }
    }

    /// (Vendor-Id, code), as
    /// [`Message::experimental_result`](super::Message::experimental_result)
    /// gives them.
    pub fn pair(&self) -> (u32, u32) {
        (self.vendor_id, self.experimental_result_code)
    }
}

avp_struct! {
    /// Proxy-Info (RFC 6733 6.7.2): state a proxy wants back in the answer.
    pub struct ProxyInfo {
        /// Proxy-Host.
        proxy_host: one String = dict::PROXY_HOST,
        /// Proxy-State, opaque to everyone but the proxy.
        proxy_state: one Vec<u8> = dict::PROXY_STATE,
    }
}

avp_struct! {
    /// Supported-Features (TS 29.229 6.3.29): one list of optional features.
    pub struct SupportedFeatures {
        /// Vendor-Id of the vendor defining the list.
        vendor_id: one u32 = dict::VENDOR_ID,
        /// Feature-List-ID.
        feature_list_id: one u32 = dict::FEATURE_LIST_ID,
        /// Feature-List, a bit mask.
        feature_list: one u32 = dict::FEATURE_LIST,
    }
}

command! {
    /// Capabilities-Exchange-Request (RFC 6733 5.3.1).
    pub struct Cer(257, APP_COMMON, request: true, proxiable: false) {
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Host-IP-Address, one or more.
        host_ip_address: some Address = dict::HOST_IP_ADDRESS,
        /// Vendor-Id of the sender's vendor.
        vendor_id: one u32 = dict::VENDOR_ID,
        /// Product-Name.
        product_name: one String = dict::PRODUCT_NAME,
        /// Origin-State-Id.
        origin_state_id: opt u32 = dict::ORIGIN_STATE_ID,
        /// Supported-Vendor-Id.
        supported_vendor_id: many u32 = dict::SUPPORTED_VENDOR_ID,
        /// Auth-Application-Id.
        auth_application_id: many u32 = dict::AUTH_APPLICATION_ID,
        /// Inband-Security-Id.
        inband_security_id: many u32 = dict::INBAND_SECURITY_ID,
        /// Acct-Application-Id.
        acct_application_id: many u32 = dict::ACCT_APPLICATION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: many VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Firmware-Revision.
        firmware_revision: opt u32 = dict::FIRMWARE_REVISION,
    }
}

command! {
    /// Capabilities-Exchange-Answer (RFC 6733 5.3.2).
    pub struct Cea(257, APP_COMMON, request: false, proxiable: false) {
        /// Result-Code.
        result_code: one u32 = dict::RESULT_CODE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Host-IP-Address, one or more.
        host_ip_address: some Address = dict::HOST_IP_ADDRESS,
        /// Vendor-Id of the sender's vendor.
        vendor_id: one u32 = dict::VENDOR_ID,
        /// Product-Name.
        product_name: one String = dict::PRODUCT_NAME,
        /// Origin-State-Id.
        origin_state_id: opt u32 = dict::ORIGIN_STATE_ID,
        /// Error-Message.
        error_message: opt String = dict::ERROR_MESSAGE,
        /// Failed-AVP: the offending AVPs.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Supported-Vendor-Id.
        supported_vendor_id: many u32 = dict::SUPPORTED_VENDOR_ID,
        /// Auth-Application-Id.
        auth_application_id: many u32 = dict::AUTH_APPLICATION_ID,
        /// Inband-Security-Id.
        inband_security_id: many u32 = dict::INBAND_SECURITY_ID,
        /// Acct-Application-Id.
        acct_application_id: many u32 = dict::ACCT_APPLICATION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: many VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Firmware-Revision.
        firmware_revision: opt u32 = dict::FIRMWARE_REVISION,
    }
}

command! {
    /// Device-Watchdog-Request (RFC 6733 5.5.1).
    pub struct Dwr(280, APP_COMMON, request: true, proxiable: false) {
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Origin-State-Id.
        origin_state_id: opt u32 = dict::ORIGIN_STATE_ID,
    }
}

command! {
    /// Device-Watchdog-Answer (RFC 6733 5.5.2).
    pub struct Dwa(280, APP_COMMON, request: false, proxiable: false) {
        /// Result-Code.
        result_code: one u32 = dict::RESULT_CODE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Error-Message.
        error_message: opt String = dict::ERROR_MESSAGE,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Origin-State-Id.
        origin_state_id: opt u32 = dict::ORIGIN_STATE_ID,
    }
}

command! {
    /// Disconnect-Peer-Request (RFC 6733 5.4.1).
    pub struct Dpr(282, APP_COMMON, request: true, proxiable: false) {
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Disconnect-Cause.
        disconnect_cause: one DisconnectCause = dict::DISCONNECT_CAUSE,
    }
}

command! {
    /// Disconnect-Peer-Answer (RFC 6733 5.4.2).
    pub struct Dpa(282, APP_COMMON, request: false, proxiable: false) {
        /// Result-Code.
        result_code: one u32 = dict::RESULT_CODE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Error-Message.
        error_message: opt String = dict::ERROR_MESSAGE,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
    }
}

impl Cer {
    /// One line for a ladder: "CER (origin-host)".
    pub fn summary(&self) -> String {
        request_summary("CER", Some(&self.origin_host))
    }
}

impl Dwr {
    /// One line for a ladder: "DWR (origin-host)".
    pub fn summary(&self) -> String {
        request_summary("DWR", Some(&self.origin_host))
    }
}

impl Dpr {
    /// One line for a ladder: "DPR (origin-host)".
    pub fn summary(&self) -> String {
        request_summary("DPR", Some(&self.origin_host))
    }
}

macro_rules! base_answer_summary {
    ($($ty:ident => $name:literal),*) => {$(
        impl $ty {
            #[doc = concat!("One line for a ladder: \"", $name, " 2001 DIAMETER_SUCCESS\".")]
            pub fn summary(&self) -> String {
                answer_summary($name, APP_COMMON, Some(self.result_code), None)
            }
        }
    )*};
}

base_answer_summary!(Cea => "CEA", Dwa => "DWA", Dpa => "DPA");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::Message;

    #[test]
    fn dpr_round_trips_with_disconnect_cause() {
        let dpr = Dpr {
            origin_host: "mme.example.org".into(),
            origin_realm: "example.org".into(),
            disconnect_cause: DisconnectCause::DoNotWantToTalkToYou,
            ..Dpr::default()
        };
        let bytes = dpr.encode(5, 6);
        let m = Message::decode(&bytes).unwrap();
        assert_eq!(m.header.flags.0, 0x80);
        assert_eq!(m.avp(273, None).unwrap().u32().unwrap(), 2);
        assert_eq!(Dpr::decode(&bytes).unwrap(), dpr);
        assert_eq!(dpr.summary(), "DPR (mme.example.org)");
    }

    #[test]
    fn from_message_refuses_other_commands() {
        let dwr = Dwr {
            origin_host: "a".into(),
            origin_realm: "b".into(),
            ..Dwr::default()
        };
        let e = Dwa::decode(&dwr.encode(1, 1)).unwrap_err();
        assert!(e.what.contains("expected DWA"), "{e}");
    }

    #[test]
    fn cer_requires_a_host_ip_address() {
        let mut m = Cer {
            origin_host: "a".into(),
            origin_realm: "b".into(),
            host_ip_address: vec![Address::default()],
            product_name: "p".into(),
            ..Cer::default()
        }
        .to_message(1, 1);
        m.avps.retain(|a| a.code != 257);
        let e = Cer::from_message(&m).unwrap_err();
        assert_eq!(e.what, "missing mandatory AVP Host-IP-Address (257)");
    }

    #[test]
    fn answer_with_protocol_error_sets_e_bit() {
        let dwa = Dwa {
            result_code: 3004,
            origin_host: "a".into(),
            origin_realm: "b".into(),
            ..Dwa::default()
        };
        assert!(dwa.to_message(1, 1).header.flags.is_error());
        assert_eq!(dwa.summary(), "DWA 3004 DIAMETER_TOO_BUSY");
    }
}
