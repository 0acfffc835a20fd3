//! S6a/S6d (TS 29.272): MME <-> HSS. AIR/AIA, ULR/ULA, PUR/PUA, CLR/CLA and
//! the subscription data they carry.

use super::avp::{Address, Avp};
use super::base::{
    AuthSessionState, ExperimentalResult, ProxyInfo, SupportedFeatures, VendorSpecificApplicationId,
};
use super::dict::{self, APP_S6A};
use super::message::request_summary;
use super::typed::{avp_enum, avp_struct, command};
use crate::codec::DecodeError;
use crate::codec::plmn::Plmn;

avp_enum! {
    /// RAT-Type (TS 29.212 5.3.31).
    pub enum RatType {
        /// WLAN.
        Wlan = 0 => "WLAN",
        /// Virtual.
        Virtual = 1 => "VIRTUAL",
        /// UTRAN.
        Utran = 1000 => "UTRAN",
        /// GERAN.
        Geran = 1001 => "GERAN",
        /// GAN.
        Gan = 1002 => "GAN",
        /// HSPA Evolution.
        HspaEvolution = 1003 => "HSPA_EVOLUTION",
        /// E-UTRAN.
        Eutran = 1004 => "EUTRAN",
        /// E-UTRAN NB-IoT.
        EutranNbIot = 1005 => "EUTRAN-NB-IoT",
        /// NR.
        Nr = 1006 => "NR",
        /// CDMA2000 1x.
        Cdma20001x = 2000 => "CDMA2000_1X",
        /// HRPD.
        Hrpd = 2001 => "HRPD",
        /// UMB.
        Umb = 2002 => "UMB",
        /// eHRPD.
        Ehrpd = 2003 => "EHRPD",
    }
}

avp_enum! {
    /// Cancellation-Type (TS 29.272 7.3.24).
    pub enum CancellationType {
        /// The UE moved to another MME.
        MmeUpdateProcedure = 0 => "MME_UPDATE_PROCEDURE",
        /// The UE moved to another SGSN.
        SgsnUpdateProcedure = 1 => "SGSN_UPDATE_PROCEDURE",
        /// The subscription was withdrawn.
        SubscriptionWithdrawal = 2 => "SUBSCRIPTION_WITHDRAWAL",
        /// Update procedure via an IWF.
        UpdateProcedureIwf = 3 => "UPDATE_PROCEDURE_IWF",
        /// The UE attached again elsewhere.
        InitialAttachProcedure = 4 => "INITIAL_ATTACH_PROCEDURE",
    }
}

avp_enum! {
    /// Subscriber-Status (TS 29.272 7.3.29).
    pub enum SubscriberStatus {
        /// Service granted.
        ServiceGranted = 0 => "SERVICE_GRANTED",
        /// Operator determined barring applies.
        OperatorDeterminedBarring = 1 => "OPERATOR_DETERMINED_BARRING",
    }
}

avp_enum! {
    /// Network-Access-Mode (TS 29.272 7.3.21).
    pub enum NetworkAccessMode {
        /// Packet and circuit.
        PacketAndCircuit = 0 => "PACKET_AND_CIRCUIT",
        /// Reserved.
        Reserved = 1 => "Reserved",
        /// Packet only.
        OnlyPacket = 2 => "ONLY_PACKET",
    }
}

avp_enum! {
    /// All-APN-Configurations-Included-Indicator (TS 29.272 7.3.33).
    pub enum AllApnConfigurationsIncludedIndicator {
        /// The profile lists every APN configuration.
        AllApnConfigurationsIncluded = 0 => "All_APN_CONFIGURATIONS_INCLUDED",
        /// Only modified or added configurations are listed.
        ModifiedAddedApnConfigurationsIncluded = 1 => "MODIFIED_ADDED_APN_CONFIGURATIONS_INCLUDED",
    }
}

avp_enum! {
    /// PDN-Type (TS 29.272 7.3.62).
    pub enum PdnType {
        /// IPv4.
        Ipv4 = 0 => "IPv4",
        /// IPv6.
        Ipv6 = 1 => "IPv6",
        /// IPv4v6.
        Ipv4v6 = 2 => "IPv4v6",
        /// IPv4 or IPv6.
        Ipv4OrIpv6 = 3 => "IPv4_OR_IPv6",
    }
}

avp_enum! {
    /// Pre-emption-Capability (TS 29.212 5.3.46).
    pub enum PreemptionCapability {
        /// The bearer may pre-empt others.
        Enabled = 0 => "PRE-EMPTION_CAPABILITY_ENABLED",
        /// The bearer may not pre-empt others.
        Disabled = 1 => "PRE-EMPTION_CAPABILITY_DISABLED",
    }
}

avp_enum! {
    /// Pre-emption-Vulnerability (TS 29.212 5.3.47).
    pub enum PreemptionVulnerability {
        /// The bearer may be pre-empted.
        Enabled = 0 => "PRE-EMPTION_VULNERABILITY_ENABLED",
        /// The bearer may not be pre-empted.
        Disabled = 1 => "PRE-EMPTION_VULNERABILITY_DISABLED",
    }
}

/// Bits of ULR-Flags (TS 29.272 7.3.7).
pub mod ulr_flags {
    /// Single-Registration-Indication.
    pub const SINGLE_REGISTRATION_INDICATION: u32 = 1 << 0;
    /// S6a/S6d-Indicator: set when the sender is an MME (S6a).
    pub const S6A_S6D_INDICATOR: u32 = 1 << 1;
    /// Skip-Subscriber-Data.
    pub const SKIP_SUBSCRIBER_DATA: u32 = 1 << 2;
    /// GPRS-Subscription-Data-Indicator.
    pub const GPRS_SUBSCRIPTION_DATA_INDICATOR: u32 = 1 << 3;
    /// Node-Type-Indicator.
    pub const NODE_TYPE_INDICATOR: u32 = 1 << 4;
    /// Initial-Attach-Indicator.
    pub const INITIAL_ATTACH_INDICATOR: u32 = 1 << 5;
    /// PS-LCS-Not-Supported-By-UE.
    pub const PS_LCS_NOT_SUPPORTED_BY_UE: u32 = 1 << 6;
    /// SMS-Only-Indication.
    pub const SMS_ONLY_INDICATION: u32 = 1 << 7;
    /// Bit names, lowest bit first.
    pub const NAMES: &[&str] = &[
        "Single-Registration-Indication",
        "S6a/S6d-Indicator",
        "Skip-Subscriber-Data",
        "GPRS-Subscription-Data-Indicator",
        "Node-Type-Indicator",
        "Initial-Attach-Indicator",
        "PS-LCS-Not-Supported-By-UE",
        "SMS-Only-Indication",
    ];
}

/// Bits of ULA-Flags (TS 29.272 7.3.8).
pub mod ula_flags {
    /// Separation Indication.
    pub const SEPARATION_INDICATION: u32 = 1 << 0;
    /// MME Registered for SMS.
    pub const MME_REGISTERED_FOR_SMS: u32 = 1 << 1;
    /// Bit names, lowest bit first.
    pub const NAMES: &[&str] = &["Separation-Indication", "MME-Registered-for-SMS"];
}

/// Bits of PUR-Flags (TS 29.272 7.3.149).
pub mod pur_flags {
    /// UE Purged in MME.
    pub const UE_PURGED_IN_MME: u32 = 1 << 0;
    /// UE Purged in SGSN.
    pub const UE_PURGED_IN_SGSN: u32 = 1 << 1;
    /// Bit names, lowest bit first.
    pub const NAMES: &[&str] = &["UE-Purged-in-MME", "UE-Purged-in-SGSN"];
}

/// Bits of CLR-Flags (TS 29.272 7.3.152).
pub mod clr_flags {
    /// S6a/S6d-Indicator.
    pub const S6A_S6D_INDICATOR: u32 = 1 << 0;
    /// Reattach-Required.
    pub const REATTACH_REQUIRED: u32 = 1 << 1;
    /// Bit names, lowest bit first.
    pub const NAMES: &[&str] = &["S6a/S6d-Indicator", "Reattach-Required"];
}

/// Bits of PUA-Flags (TS 29.272 7.3.48).
pub mod pua_flags {
    /// Freeze M-TMSI.
    pub const FREEZE_M_TMSI: u32 = 1 << 0;
    /// Freeze P-TMSI.
    pub const FREEZE_P_TMSI: u32 = 1 << 1;
    /// Bit names, lowest bit first.
    pub const NAMES: &[&str] = &["Freeze-M-TMSI", "Freeze-P-TMSI"];
}

/// Digits of a TBCD string (TS 29.002 TBCD-STRING, as MSISDN carries them),
/// stopping at the 0xF filler; other non-digits show as hex.
pub fn tbcd_digits(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for n in [b & 0xf, b >> 4] {
            if n == 0xf {
                return out;
            }
            out.push(char::from_digit(u32::from(n), 16).unwrap_or('?'));
        }
    }
    out
}

/// TBCD bytes of a digit string (odd lengths get a 0xF filler); `None` if
/// `digits` has a non-digit.
pub fn tbcd_encode(digits: &str) -> Option<Vec<u8>> {
    let d: Vec<u8> = digits
        .bytes()
        .map(|c| c.is_ascii_digit().then(|| c - b'0'))
        .collect::<Option<_>>()?;
    Some(
        d.chunks(2)
            .map(|p| p[0] | (p.get(1).copied().unwrap_or(0xf) << 4))
            .collect(),
    )
}

avp_struct! {
    /// Requested-EUTRAN-Authentication-Info (TS 29.272 7.3.11).
    pub struct RequestedEutranAuthenticationInfo {
        /// Number-Of-Requested-Vectors.
        number_of_requested_vectors: opt u32 = dict::NUMBER_OF_REQUESTED_VECTORS,
        /// Immediate-Response-Preferred.
        immediate_response_preferred: opt u32 = dict::IMMEDIATE_RESPONSE_PREFERRED,
        /// Re-Synchronization-Info: RAND (16 bytes) || AUTS (14 bytes)
        /// (TS 29.272 7.3.15).
        re_synchronization_info: opt [u8; 30] = dict::RE_SYNCHRONIZATION_INFO,
    }
}

impl RequestedEutranAuthenticationInfo {
    /// RAND and AUTS of the Re-Synchronization-Info, if present.
    pub fn rand_auts(&self) -> Option<([u8; 16], [u8; 14])> {
        let r = self.re_synchronization_info?;
        let mut rand = [0; 16];
        let mut auts = [0; 14];
        rand.copy_from_slice(&r[..16]);
        auts.copy_from_slice(&r[16..]);
        Some((rand, auts))
    }

    /// Re-Synchronization-Info bytes from RAND and AUTS.
    pub fn resync(rand: &[u8; 16], auts: &[u8; 14]) -> [u8; 30] {
        let mut r = [0; 30];
        r[..16].copy_from_slice(rand);
        r[16..].copy_from_slice(auts);
        r
    }
}

avp_struct! {
    /// E-UTRAN-Vector (TS 29.272 7.3.18): one EPS authentication vector.
    pub struct EutranVector {
        /// Item-Number.
        item_number: opt u32 = dict::ITEM_NUMBER,
        /// RAND.
        rand: one [u8; 16] = dict::RAND,
        /// XRES (4 to 16 bytes).
        xres: one Vec<u8> = dict::XRES,
        /// AUTN.
        autn: one [u8; 16] = dict::AUTN,
        /// KASME.
        kasme: one [u8; 32] = dict::KASME,
    }
}

avp_struct! {
    /// Authentication-Info (TS 29.272 7.3.17). UTRAN and GERAN vectors stay
    /// in `extra`.
    pub struct AuthenticationInfo {
        /// E-UTRAN-Vector.
        eutran_vectors: many EutranVector = dict::E_UTRAN_VECTOR,
    }
}

avp_struct! {
    /// Terminal-Information (TS 29.272 7.3.3).
    pub struct TerminalInformation {
        /// IMEI.
        imei: opt String = dict::IMEI,
        /// Software-Version.
        software_version: opt String = dict::SOFTWARE_VERSION,
    }
}

avp_struct! {
    /// AMBR (TS 29.272 7.3.41), in bits per second.
    pub struct Ambr {
        /// Max-Requested-Bandwidth-UL.
        max_requested_bandwidth_ul: one u32 = dict::MAX_REQUESTED_BANDWIDTH_UL,
        /// Max-Requested-Bandwidth-DL.
        max_requested_bandwidth_dl: one u32 = dict::MAX_REQUESTED_BANDWIDTH_DL,
    }
}

impl Ambr {
    /// Uplink and downlink maximum bit rates.
    pub fn new(ul: u32, dl: u32) -> Self {
        Self {
            max_requested_bandwidth_ul: ul,
            max_requested_bandwidth_dl: dl,
            ..Self::default()
        }
    }
}

avp_struct! {
    /// Allocation-Retention-Priority (TS 29.212 5.3.32).
    pub struct AllocationRetentionPriority {
        /// Priority-Level (1 highest to 15).
        priority_level: one u32 = dict::PRIORITY_LEVEL,
        /// Pre-emption-Capability.
        pre_emption_capability: opt PreemptionCapability = dict::PRE_EMPTION_CAPABILITY,
        /// Pre-emption-Vulnerability.
        pre_emption_vulnerability: opt PreemptionVulnerability = dict::PRE_EMPTION_VULNERABILITY,
    }
}

avp_struct! {
    /// EPS-Subscribed-QoS-Profile (TS 29.272 7.3.37).
    pub struct EpsSubscribedQosProfile {
        /// QoS-Class-Identifier (QCI).
        qos_class_identifier: one u32 = dict::QOS_CLASS_IDENTIFIER,
        /// Allocation-Retention-Priority.
        allocation_retention_priority: one AllocationRetentionPriority
            = dict::ALLOCATION_RETENTION_PRIORITY,
    }
}

avp_struct! {
    /// APN-Configuration (TS 29.272 7.3.35): one subscribed APN.
    pub struct ApnConfiguration {
        /// Context-Identifier.
        context_identifier: one u32 = dict::CONTEXT_IDENTIFIER,
        /// Served-Party-IP-Address: static addresses (at most two).
        served_party_ip_address: many Address = dict::SERVED_PARTY_IP_ADDRESS,
        /// PDN-Type.
        pdn_type: one PdnType = dict::PDN_TYPE,
        /// Service-Selection: the APN.
        service_selection: one String = dict::SERVICE_SELECTION,
        /// EPS-Subscribed-QoS-Profile.
        eps_subscribed_qos_profile: opt EpsSubscribedQosProfile = dict::EPS_SUBSCRIBED_QOS_PROFILE,
        /// 3GPP-Charging-Characteristics.
        charging_characteristics: opt String = dict::TGPP_CHARGING_CHARACTERISTICS,
        /// AMBR for this APN.
        ambr: opt Ambr = dict::AMBR,
        /// APN-OI-Replacement.
        apn_oi_replacement: opt String = dict::APN_OI_REPLACEMENT,
    }
}

avp_struct! {
    /// APN-Configuration-Profile (TS 29.272 7.3.34).
    pub struct ApnConfigurationProfile {
        /// Context-Identifier of the default APN.
        context_identifier: one u32 = dict::CONTEXT_IDENTIFIER,
        /// All-APN-Configurations-Included-Indicator.
        all_apn_configurations_included_indicator: one AllApnConfigurationsIncludedIndicator
            = dict::ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR,
        /// APN-Configuration, one or more.
        apn_configurations: some ApnConfiguration = dict::APN_CONFIGURATION,
    }
}

avp_struct! {
    /// Subscription-Data (TS 29.272 7.3.2), the parts an EPS attach uses;
    /// the rest stays in `extra`.
    pub struct SubscriptionData {
        /// Subscriber-Status.
        subscriber_status: opt SubscriberStatus = dict::SUBSCRIBER_STATUS,
        /// MSISDN, TBCD digits (see [`tbcd_digits`]).
        msisdn: opt Vec<u8> = dict::MSISDN,
        /// STN-SR.
        stn_sr: opt Vec<u8> = dict::STN_SR,
        /// Network-Access-Mode.
        network_access_mode: opt NetworkAccessMode = dict::NETWORK_ACCESS_MODE,
        /// Operator-Determined-Barring.
        operator_determined_barring: opt u32 = dict::OPERATOR_DETERMINED_BARRING,
        /// HPLMN-ODB.
        hplmn_odb: opt u32 = dict::HPLMN_ODB,
        /// Access-Restriction-Data.
        access_restriction_data: opt u32 = dict::ACCESS_RESTRICTION_DATA,
        /// APN-OI-Replacement.
        apn_oi_replacement: opt String = dict::APN_OI_REPLACEMENT,
        /// 3GPP-Charging-Characteristics.
        charging_characteristics: opt String = dict::TGPP_CHARGING_CHARACTERISTICS,
        /// AMBR of the subscriber.
        ambr: opt Ambr = dict::AMBR,
        /// APN-Configuration-Profile.
        apn_configuration_profile: opt ApnConfigurationProfile = dict::APN_CONFIGURATION_PROFILE,
        /// RAT-Frequency-Selection-Priority-ID.
        rat_frequency_selection_priority_id: opt u32 = dict::RAT_FREQUENCY_SELECTION_PRIORITY_ID,
        /// Subscribed-Periodic-RAU-TAU-Timer, seconds.
        subscribed_periodic_rau_tau_timer: opt u32 = dict::SUBSCRIBED_PERIODIC_RAU_TAU_TIMER,
    }
}

command! {
    /// Authentication-Information-Request (TS 29.272 7.2.5).
    pub struct Air(318, APP_S6A, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
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
        /// User-Name: the IMSI.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Requested-EUTRAN-Authentication-Info.
        requested_eutran_authentication_info: opt RequestedEutranAuthenticationInfo
            = dict::REQUESTED_EUTRAN_AUTHENTICATION_INFO,
        /// Visited-PLMN-Id, as [`Plmn::to_bytes`] writes it.
        visited_plmn_id: one [u8; 3] = dict::VISITED_PLMN_ID,
        /// AIR-Flags.
        air_flags: opt u32 = dict::AIR_FLAGS,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Authentication-Information-Answer (TS 29.272 7.2.6). Auth-Session-State
    /// is optional here because protocol-error answers (RFC 6733 7.2) omit it.
    pub struct Aia(318, APP_S6A, request: false, proxiable: true) {
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
        /// Authentication-Info.
        authentication_info: opt AuthenticationInfo = dict::AUTHENTICATION_INFO,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Update-Location-Request (TS 29.272 7.2.3).
    pub struct Ulr(316, APP_S6A, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
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
        /// User-Name: the IMSI.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Terminal-Information.
        terminal_information: opt TerminalInformation = dict::TERMINAL_INFORMATION,
        /// RAT-Type.
        rat_type: one RatType = dict::RAT_TYPE,
        /// ULR-Flags (see [`ulr_flags`]).
        ulr_flags: one u32 = dict::ULR_FLAGS,
        /// Visited-PLMN-Id, as [`Plmn::to_bytes`] writes it.
        visited_plmn_id: one [u8; 3] = dict::VISITED_PLMN_ID,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Update-Location-Answer (TS 29.272 7.2.4). Auth-Session-State is
    /// optional here because protocol-error answers (RFC 6733 7.2) omit it.
    pub struct Ula(316, APP_S6A, request: false, proxiable: true) {
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
        /// ULA-Flags (see [`ula_flags`]).
        ula_flags: opt u32 = dict::ULA_FLAGS,
        /// Subscription-Data.
        subscription_data: opt SubscriptionData = dict::SUBSCRIPTION_DATA,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Cancel-Location-Request (TS 29.272 7.2.7), HSS to MME.
    pub struct Clr(317, APP_S6A, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
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
        /// User-Name: the IMSI.
        user_name: one String = dict::USER_NAME,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Cancellation-Type.
        cancellation_type: one CancellationType = dict::CANCELLATION_TYPE,
        /// CLR-Flags (see [`clr_flags`]).
        clr_flags: opt u32 = dict::CLR_FLAGS,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Cancel-Location-Answer (TS 29.272 7.2.8).
    pub struct Cla(317, APP_S6A, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
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
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Purge-UE-Request (TS 29.272 7.2.13).
    pub struct Pur(321, APP_S6A, request: true, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
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
        /// User-Name: the IMSI.
        user_name: one String = dict::USER_NAME,
        /// PUR-Flags (see [`pur_flags`]).
        pur_flags: opt u32 = dict::PUR_FLAGS,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

command! {
    /// Purge-UE-Answer (TS 29.272 7.2.14).
    pub struct Pua(321, APP_S6A, request: false, proxiable: true) {
        /// Session-Id.
        session_id: one String = dict::SESSION_ID,
        /// Vendor-Specific-Application-Id.
        vendor_specific_application_id: opt VendorSpecificApplicationId
            = dict::VENDOR_SPECIFIC_APPLICATION_ID,
        /// Supported-Features.
        supported_features: many SupportedFeatures = dict::SUPPORTED_FEATURES,
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
        /// PUA-Flags (see [`pua_flags`]).
        pua_flags: opt u32 = dict::PUA_FLAGS,
        /// Failed-AVP.
        failed_avp: opt Vec<Avp> = dict::FAILED_AVP,
        /// Proxy-Info.
        proxy_info: many ProxyInfo = dict::PROXY_INFO,
        /// Route-Record.
        route_record: many String = dict::ROUTE_RECORD,
    }
}

macro_rules! request_summaries {
    ($($ty:ident => $name:literal),*) => {$(
        impl $ty {
            #[doc = concat!("One line for a ladder: \"", $name, " (IMSI)\".")]
            pub fn summary(&self) -> String {
                request_summary($name, Some(&self.user_name))
            }
        }
    )*};
}

request_summaries!(Air => "AIR", Ulr => "ULR", Pur => "PUR", Clr => "CLR");

macro_rules! visited_plmn {
    ($($ty:ident),*) => {$(
        impl $ty {
            /// The Visited-PLMN-Id as MCC and MNC.
            pub fn visited_plmn(&self) -> Result<Plmn, DecodeError> {
                Plmn::from_bcd(self.visited_plmn_id)
            }
        }
    )*};
}

visited_plmn!(Air, Ulr);

/// Implements `summary()` for answers that carry Result-Code and
/// Experimental-Result as optional fields.
macro_rules! answer_summaries {
    ($app:expr; $($ty:ident => $name:literal),*) => {$(
        impl $ty {
            #[doc = concat!("One line for a ladder: \"", $name, " 2001 DIAMETER_SUCCESS\".")]
            pub fn summary(&self) -> String {
                $crate::codec::diameter::message::answer_summary(
                    $name,
                    $app,
                    self.result_code,
                    self.experimental_result
                        .as_ref()
                        .map($crate::codec::diameter::ExperimentalResult::pair),
                )
            }
        }
    )*};
}
pub(crate) use answer_summaries;

answer_summaries!(APP_S6A; Aia => "AIA", Ula => "ULA", Pua => "PUA", Cla => "CLA");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tbcd_round_trips_odd_lengths() {
        assert_eq!(
            tbcd_digits(&[0x01, 0x00, 0x00, 0x00, 0x00, 0xf1]),
            "10000000001"
        );
        assert_eq!(
            tbcd_encode("10000000001").unwrap(),
            [0x01, 0, 0, 0, 0, 0xf1]
        );
        assert_eq!(tbcd_encode("12").unwrap(), [0x21]);
        assert!(tbcd_encode("1a").is_none());
    }

    #[test]
    fn resync_info_splits_rand_and_auts() {
        let info = RequestedEutranAuthenticationInfo {
            re_synchronization_info: Some(RequestedEutranAuthenticationInfo::resync(
                &[1; 16], &[2; 14],
            )),
            ..Default::default()
        };
        assert_eq!(info.rand_auts(), Some(([1; 16], [2; 14])));
    }
}
