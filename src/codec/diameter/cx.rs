//! Cx/Dx (TS 29.229): I-CSCF/S-CSCF <-> HSS. UAR/UAA, SAR/SAA, LIR/LIA,
//! MAR/MAA, RTR/RTA, PPR/PPA.

use super::avp::Avp;
use super::base::{
    AuthSessionState, ExperimentalResult, ProxyInfo, SupportedFeatures, VendorSpecificApplicationId,
};
use super::dict::{self, APP_CX};
use super::message::request_summary;
use super::s6a::answer_summaries;
use super::typed::{avp_enum, avp_struct, command};

avp_enum! {
    /// User-Authorization-Type (TS 29.229 6.3.24). An absent AVP means
    /// REGISTRATION.
    pub enum UserAuthorizationType {
        /// Initial registration or re-registration.
        Registration = 0 => "REGISTRATION",
        /// De-registration.
        DeRegistration = 1 => "DE_REGISTRATION",
        /// Registration, and the HSS should return capabilities.
        RegistrationAndCapabilities = 2 => "REGISTRATION_AND_CAPABILITIES",
    }
}

avp_enum! {
    /// Server-Assignment-Type (TS 29.229 6.3.15; code 614, not RFC 4740's 375).
    pub enum ServerAssignmentType {
        /// Only user data is requested.
        NoAssignment = 0 => "NO_ASSIGNMENT",
        /// First registration.
        Registration = 1 => "REGISTRATION",
        /// Re-registration.
        ReRegistration = 2 => "RE_REGISTRATION",
        /// A request for an unregistered user.
        UnregisteredUser = 3 => "UNREGISTERED_USER",
        /// Registration timed out.
        TimeoutDeregistration = 4 => "TIMEOUT_DEREGISTRATION",
        /// The user de-registered.
        UserDeregistration = 5 => "USER_DEREGISTRATION",
        /// Timed out; keep the S-CSCF name.
        TimeoutDeregistrationStoreServerName = 6 => "TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME",
        /// De-registered; keep the S-CSCF name.
        UserDeregistrationStoreServerName = 7 => "USER_DEREGISTRATION_STORE_SERVER_NAME",
        /// The network de-registered the user.
        AdministrativeDeregistration = 8 => "ADMINISTRATIVE_DEREGISTRATION",
        /// Authentication failed.
        AuthenticationFailure = 9 => "AUTHENTICATION_FAILURE",
        /// Authentication timed out.
        AuthenticationTimeout = 10 => "AUTHENTICATION_TIMEOUT",
        /// The user data was too large.
        DeregistrationTooMuchData = 11 => "DEREGISTRATION_TOO_MUCH_DATA",
        /// AAA user data request.
        AaaUserDataRequest = 12 => "AAA_USER_DATA_REQUEST",
        /// PGW update.
        PgwUpdate = 13 => "PGW_UPDATE",
        /// Restoration.
        Restoration = 14 => "RESTORATION",
    }
}

avp_enum! {
    /// User-Data-Already-Available (TS 29.229 6.3.26).
    pub enum UserDataAlreadyAvailable {
        /// The S-CSCF needs the user data.
        UserDataNotAvailable = 0 => "USER_DATA_NOT_AVAILABLE",
        /// The S-CSCF already has the user data.
        UserDataAlreadyAvailable = 1 => "USER_DATA_ALREADY_AVAILABLE",
    }
}

avp_enum! {
    /// Reason-Code of Deregistration-Reason (TS 29.229 6.3.17).
    pub enum ReasonCode {
        /// The subscription ended.
        PermanentTermination = 0 => "PERMANENT_TERMINATION",
        /// Another S-CSCF was assigned.
        NewServerAssigned = 1 => "NEW_SERVER_ASSIGNED",
        /// The S-CSCF changes.
        ServerChange = 2 => "SERVER_CHANGE",
        /// The S-CSCF is removed.
        RemoveScscf = 3 => "REMOVE_S-CSCF",
    }
}

avp_struct! {
    /// Server-Capabilities (TS 29.229 6.3.4): what the I-CSCF needs to pick
    /// an S-CSCF.
    pub struct ServerCapabilities {
        /// Mandatory-Capability.
        mandatory_capability: many u32 = dict::MANDATORY_CAPABILITY,
        /// Optional-Capability.
        optional_capability: many u32 = dict::OPTIONAL_CAPABILITY,
        /// Server-Name.
        server_name: many String = dict::SERVER_NAME,
    }
}

avp_struct! {
    /// SIP-Auth-Data-Item (TS 29.229 6.3.13): one authentication vector or
    /// a resynchronisation request.
    pub struct SipAuthDataItem {
        /// SIP-Item-Number.
        sip_item_number: opt u32 = dict::SIP_ITEM_NUMBER,
        /// SIP-Authentication-Scheme, e.g. "Digest-AKAv1-MD5".
        sip_authentication_scheme: opt String = dict::SIP_AUTHENTICATION_SCHEME,
        /// SIP-Authenticate: RAND || AUTN for AKA.
        sip_authenticate: opt Vec<u8> = dict::SIP_AUTHENTICATE,
        /// SIP-Authorization: XRES for AKA in an answer, RAND || AUTS in a
        /// resynchronisation request.
        sip_authorization: opt Vec<u8> = dict::SIP_AUTHORIZATION,
        /// SIP-Authentication-Context.
        sip_authentication_context: opt Vec<u8> = dict::SIP_AUTHENTICATION_CONTEXT,
        /// Confidentiality-Key (CK).
        confidentiality_key: opt [u8; 16] = dict::CONFIDENTIALITY_KEY,
        /// Integrity-Key (IK).
        integrity_key: opt [u8; 16] = dict::INTEGRITY_KEY,
        /// Framed-IP-Address (NASS-Bundled authentication).
        framed_ip_address: opt Vec<u8> = dict::FRAMED_IP_ADDRESS,
        /// Framed-IPv6-Prefix.
        framed_ipv6_prefix: opt Vec<u8> = dict::FRAMED_IPV6_PREFIX,
        /// Framed-Interface-Id.
        framed_interface_id: opt u64 = dict::FRAMED_INTERFACE_ID,
    }
}

avp_struct! {
    /// Deregistration-Reason (TS 29.229 6.3.16).
    pub struct DeregistrationReason {
        /// Reason-Code.
        reason_code: one ReasonCode = dict::REASON_CODE,
        /// Reason-Info, text for the user.
        reason_info: opt String = dict::REASON_INFO,
    }
}

avp_struct! {
    /// Charging-Information (TS 29.229 6.3.19): the charging functions.
    pub struct ChargingInformation {
        /// Primary-Event-Charging-Function-Name.
        primary_event_charging_function_name: opt String
            = dict::PRIMARY_EVENT_CHARGING_FUNCTION_NAME,
        /// Secondary-Event-Charging-Function-Name.
        secondary_event_charging_function_name: opt String
            = dict::SECONDARY_EVENT_CHARGING_FUNCTION_NAME,
        /// Primary-Charging-Collection-Function-Name.
        primary_charging_collection_function_name: opt String
            = dict::PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME,
        /// Secondary-Charging-Collection-Function-Name.
        secondary_charging_collection_function_name: opt String
            = dict::SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME,
    }
}

avp_struct! {
    /// Associated-Identities (TS 29.229 6.3.33): the private identities
    /// sharing the public one.
    pub struct AssociatedIdentities {
        /// User-Name.
        user_name: many String = dict::USER_NAME,
    }
}

command! {
    /// User-Authorization-Request (TS 29.229 6.1.1), I-CSCF to HSS.
    pub struct Uar(300, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Host.
        destination_host: opt String = dict::DESTINATION_HOST,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// User-Name: the private identity.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: one String = dict::PUBLIC_IDENTITY,
        /// Visited-Network-Identifier.
        visited_network_identifier: one Vec<u8> = dict::VISITED_NETWORK_IDENTIFIER,
        /// User-Authorization-Type; absent means REGISTRATION.
        user_authorization_type: opt UserAuthorizationType = dict::USER_AUTHORIZATION_TYPE,
        /// UAR-Flags.
        uar_flags: opt u32 = dict::UAR_FLAGS,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

impl Uar {
    /// The User-Authorization-Type, REGISTRATION when absent (TS 29.229 6.3.24).
    pub fn authorization_type(&self) -> UserAuthorizationType {
        self.user_authorization_type.unwrap_or_default()
    }
}

command! {
    /// User-Authorization-Answer (TS 29.229 6.1.2). Vendor-Specific-
    /// Application-Id and Auth-Session-State are optional here because
    /// protocol-error answers (RFC 6733 7.2) omit them.
    pub struct Uaa(300, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Server-Name: the assigned S-CSCF.
        server_name: opt String = dict::SERVER_NAME,
        /// Server-Capabilities, to pick an S-CSCF.
        server_capabilities: opt ServerCapabilities = dict::SERVER_CAPABILITIES,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Server-Assignment-Request (TS 29.229 6.1.3), S-CSCF to HSS.
    pub struct Sar(301, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Host.
        destination_host: opt String = dict::DESTINATION_HOST,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// User-Name: the private identity.
        user_name: opt String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: many String = dict::PUBLIC_IDENTITY,
        /// Wildcarded-Public-Identity.
        wildcarded_public_identity: opt String = dict::WILDCARDED_PUBLIC_IDENTITY,
        /// Server-Name: this S-CSCF.
        server_name: one String = dict::SERVER_NAME,
        /// Server-Assignment-Type.
        server_assignment_type: one ServerAssignmentType = dict::SERVER_ASSIGNMENT_TYPE,
        /// User-Data-Already-Available.
        user_data_already_available: one UserDataAlreadyAvailable
            = dict::USER_DATA_ALREADY_AVAILABLE,
        /// SAR-Flags.
        sar_flags: opt u32 = dict::SAR_FLAGS,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Server-Assignment-Answer (TS 29.229 6.1.4). Vendor-Specific-
    /// Application-Id and Auth-Session-State are optional here because
    /// protocol-error answers (RFC 6733 7.2) omit them.
    pub struct Saa(301, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// User-Name.
        user_name: opt String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// User-Data: the IMS subscription XML (TS 29.228 Annex E).
        user_data: opt Vec<u8> = dict::USER_DATA,
        /// Charging-Information.
        charging_information: opt ChargingInformation = dict::CHARGING_INFORMATION,
        /// Associated-Identities.
        associated_identities: opt AssociatedIdentities = dict::ASSOCIATED_IDENTITIES,
        /// Server-Name.
        server_name: opt String = dict::SERVER_NAME,
        /// Wildcarded-Public-Identity.
        wildcarded_public_identity: opt String = dict::WILDCARDED_PUBLIC_IDENTITY,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Location-Info-Request (TS 29.229 6.1.5), I-CSCF to HSS.
    pub struct Lir(302, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Host.
        destination_host: opt String = dict::DESTINATION_HOST,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// Originating-Request (0 = ORIGINATING).
        originating_request: opt u32 = dict::ORIGINATING_REQUEST,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: one String = dict::PUBLIC_IDENTITY,
        /// User-Authorization-Type.
        user_authorization_type: opt UserAuthorizationType = dict::USER_AUTHORIZATION_TYPE,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Location-Info-Answer (TS 29.229 6.1.6). Vendor-Specific-Application-Id
    /// and Auth-Session-State are optional here because protocol-error
    /// answers (RFC 6733 7.2) omit them.
    pub struct Lia(302, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Server-Name: the S-CSCF serving the user.
        server_name: opt String = dict::SERVER_NAME,
        /// Server-Capabilities.
        server_capabilities: opt ServerCapabilities = dict::SERVER_CAPABILITIES,
        /// Wildcarded-Public-Identity.
        wildcarded_public_identity: opt String = dict::WILDCARDED_PUBLIC_IDENTITY,
        /// LIA-Flags.
        lia_flags: opt u32 = dict::LIA_FLAGS,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Multimedia-Auth-Request (TS 29.229 6.1.7), S-CSCF to HSS.
    pub struct Mar(303, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// Destination-Host.
        destination_host: opt String = dict::DESTINATION_HOST,
        /// User-Name: the private identity.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: one String = dict::PUBLIC_IDENTITY,
        /// SIP-Auth-Data-Item: the scheme, and RAND || AUTS to resynchronise.
        sip_auth_data_item: one SipAuthDataItem = dict::SIP_AUTH_DATA_ITEM,
        /// SIP-Number-Auth-Items.
        sip_number_auth_items: one u32 = dict::SIP_NUMBER_AUTH_ITEMS,
        /// Server-Name: this S-CSCF.
        server_name: one String = dict::SERVER_NAME,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Multimedia-Auth-Answer (TS 29.229 6.1.8). Vendor-Specific-Application-
    /// Id and Auth-Session-State are optional here because protocol-error
    /// answers (RFC 6733 7.2) omit them.
    pub struct Maa(303, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// User-Name.
        user_name: opt String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: opt String = dict::PUBLIC_IDENTITY,
        /// SIP-Number-Auth-Items.
        sip_number_auth_items: opt u32 = dict::SIP_NUMBER_AUTH_ITEMS,
        /// SIP-Auth-Data-Item: the vectors.
        sip_auth_data_items: many SipAuthDataItem = dict::SIP_AUTH_DATA_ITEM,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Registration-Termination-Request (TS 29.229 6.1.9), HSS to S-CSCF.
    pub struct Rtr(304, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Host.
        destination_host: one String = dict::DESTINATION_HOST,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// User-Name: the private identity.
        user_name: one String = dict::USER_NAME,
        /// Associated-Identities.
        associated_identities: opt AssociatedIdentities = dict::ASSOCIATED_IDENTITIES,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Public-Identity.
        public_identity: many String = dict::PUBLIC_IDENTITY,
        /// Deregistration-Reason.
        deregistration_reason: one DeregistrationReason = dict::DEREGISTRATION_REASON,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Registration-Termination-Answer (TS 29.229 6.1.10).
    pub struct Rta(304, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Associated-Identities.
        associated_identities: opt AssociatedIdentities = dict::ASSOCIATED_IDENTITIES,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Push-Profile-Request (TS 29.229 6.1.11), HSS to S-CSCF.
    pub struct Ppr(305, APP_CX, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: one VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Auth-Session-State.
        auth_session_state: one AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Destination-Host.
        destination_host: one String = dict::DESTINATION_HOST,
        /// Destination-Realm.
        destination_realm: one String = dict::DESTINATION_REALM,
        /// User-Name: the private identity.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// User-Data.
        user_data: opt Vec<u8> = dict::USER_DATA,
        /// Charging-Information.
        charging_information: opt ChargingInformation = dict::CHARGING_INFORMATION,
        /// SIP-Auth-Data-Item.
        sip_auth_data_item: opt SipAuthDataItem = dict::SIP_AUTH_DATA_ITEM,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Push-Profile-Answer (TS 29.229 6.1.12).
    pub struct Ppa(305, APP_CX, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Result-Code.
        result_code: opt u32 = dict::RESULT_CODE,
        /// Experimental-Result.
        experimental_result: opt ExperimentalResult = dict::EXPERIMENTAL_RESULT,
        /// Auth-Session-State.
        auth_session_state: opt AuthSessionState = dict::AUTH_SESSION_STATE,
        /// Origin-Host.
        origin_host: one String = dict::ORIGIN_HOST,
        /// Origin-Realm.
        origin_realm: one String = dict::ORIGIN_REALM,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

impl Uar {
    /// One line for a ladder: "UAR (public identity)".
    pub fn summary(&self) -> String {
        request_summary("UAR", Some(&self.public_identity))
    }
}

impl Sar {
    /// One line for a ladder: "SAR (public identity, REGISTRATION)".
    pub fn summary(&self) -> String {
        let ident = self
            .public_identity
            .first()
            .or(self.user_name.as_ref())
            .map_or(String::new(), |i| format!("{i}, "));
        let kind = self.server_assignment_type;
        let kind = kind
            .name()
            .map_or(kind.to_u32().to_string(), str::to_string);
        format!("SAR ({ident}{kind})")
    }
}

impl Lir {
    /// One line for a ladder: "LIR (public identity)".
    pub fn summary(&self) -> String {
        request_summary("LIR", Some(&self.public_identity))
    }
}

impl Mar {
    /// One line for a ladder: "MAR (public identity)".
    pub fn summary(&self) -> String {
        request_summary("MAR", Some(&self.public_identity))
    }
}

impl Rtr {
    /// One line for a ladder: "RTR (private identity)".
    pub fn summary(&self) -> String {
        request_summary("RTR", Some(&self.user_name))
    }
}

impl Ppr {
    /// One line for a ladder: "PPR (private identity)".
    pub fn summary(&self) -> String {
        request_summary("PPR", Some(&self.user_name))
    }
}

answer_summaries!(APP_CX;
    Uaa => "UAA", Saa => "SAA", Lia => "LIA", Maa => "MAA", Rta => "RTA", Ppa => "PPA");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uar_without_authorization_type_means_registration() {
        let uar = Uar::default();
        assert_eq!(
            uar.authorization_type(),
            UserAuthorizationType::Registration
        );
    }

    #[test]
    fn server_assignment_type_uses_cx_code_614() {
        assert_eq!(dict::SERVER_ASSIGNMENT_TYPE.code, 614);
        let sar = Sar {
            server_assignment_type: ServerAssignmentType::UserDeregistration,
            public_identity: vec!["sip:a@b".into()],
            ..Sar::default()
        };
        let m = sar.to_message(1, 2);
        assert_eq!(m.avp(614, dict::VENDOR_3GPP).unwrap().u32().unwrap(), 5);
        assert_eq!(sar.summary(), "SAR (sip:a@b, USER_DEREGISTRATION)");
    }

    #[test]
    fn maa_summary_names_experimental_results() {
        let maa = Maa {
            experimental_result: Some(ExperimentalResult::new(
                dict::VENDOR_3GPP,
                super::super::result::cx::DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED,
            )),
            ..Maa::default()
        };
        assert_eq!(
            maa.summary(),
            "MAA 5006 DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED"
        );
    }
}
