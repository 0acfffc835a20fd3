//! The dictionary: AVP code and vendor to name, data type and default flags;
//! command and application names.
//!
//! The generic decoder asks it which AVPs are Grouped, [`tree`](super::tree)
//! asks it for names and types, and the typed messages use its constants
//! (e.g. [`ORIGIN_HOST`]) to find and build their AVPs.

use super::avp::{Address, Avp, AvpValue};

/// IANA enterprise number of 3GPP, the vendor of the S6a and Cx AVPs.
pub const VENDOR_3GPP: u32 = 10415;

/// Application-ID of the base protocol's common messages (RFC 6733 2.4).
pub const APP_COMMON: u32 = 0;
/// Application-ID of Cx/Dx (TS 29.229 5.1).
pub const APP_CX: u32 = 16777216;
/// Application-ID of S6a/S6d (TS 29.272 7.1.8).
pub const APP_S6A: u32 = 16777251;

/// AVP data formats (RFC 6733 4.2 and 4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AvpType {
    /// Arbitrary bytes.
    OctetString,
    /// Signed 32-bit integer.
    Integer32,
    /// Signed 64-bit integer.
    Integer64,
    /// Unsigned 32-bit integer.
    Unsigned32,
    /// Unsigned 64-bit integer.
    Unsigned64,
    /// IEEE 754 single precision.
    Float32,
    /// IEEE 754 double precision.
    Float64,
    /// A sequence of AVPs.
    Grouped,
    /// Two-byte IANA address family then the address.
    Address,
    /// NTP seconds since 1900 (four bytes).
    Time,
    /// UTF-8 text.
    Utf8String,
    /// A host or realm name (ASCII).
    DiameterIdentity,
    /// An `aaa://` or `aaas://` URI (ASCII).
    DiameterUri,
    /// Integer32 restricted to named values.
    Enumerated,
}

/// One dictionary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AvpDef {
    /// AVP code.
    pub code: u32,
    /// Vendor-ID, 0 for IETF AVPs (sent without the V bit).
    pub vendor: u32,
    /// Name as the defining spec writes it.
    pub name: &'static str,
    /// Data format.
    pub ty: AvpType,
    /// Flags (M, P) to set when building the AVP; V follows from `vendor`.
    pub flags: u8,
}

impl AvpDef {
    /// The vendor as carried in [`Avp::vendor`]: `None` for IETF AVPs.
    pub const fn vendor_id(&self) -> Option<u32> {
        if self.vendor == 0 {
            None
        } else {
            Some(self.vendor)
        }
    }

    /// True when `avp` has this entry's code and vendor.
    pub fn matches(&self, avp: &Avp) -> bool {
        avp.code == self.code && avp.vendor == self.vendor_id()
    }

    /// An AVP of this kind holding `value`, with the default flags.
    pub fn avp(&self, value: AvpValue) -> Avp {
        Avp {
            code: self.code,
            vendor: self.vendor_id(),
            flags: self.flags,
            value,
        }
    }

    /// An Unsigned32 or Enumerated AVP.
    pub fn u32(&self, v: u32) -> Avp {
        self.avp(AvpValue::Raw(v.to_be_bytes().to_vec()))
    }

    /// An Unsigned64 AVP.
    pub fn u64(&self, v: u64) -> Avp {
        self.avp(AvpValue::Raw(v.to_be_bytes().to_vec()))
    }

    /// An Integer32 AVP.
    pub fn i32(&self, v: i32) -> Avp {
        self.avp(AvpValue::Raw(v.to_be_bytes().to_vec()))
    }

    /// A UTF8String, DiameterIdentity or DiameterURI AVP.
    pub fn utf8(&self, v: &str) -> Avp {
        self.avp(AvpValue::Raw(v.as_bytes().to_vec()))
    }

    /// An OctetString AVP.
    pub fn octets(&self, v: &[u8]) -> Avp {
        self.avp(AvpValue::Raw(v.to_vec()))
    }

    /// An Address AVP.
    pub fn address(&self, v: &Address) -> Avp {
        self.avp(AvpValue::Raw(v.to_bytes()))
    }

    /// A Grouped AVP holding `avps`.
    pub fn grouped(&self, avps: Vec<Avp>) -> Avp {
        self.avp(AvpValue::Grouped(avps))
    }
}

/// The M flag as the dictionary lines below write it.
const M: u8 = Avp::MANDATORY;
/// No flag besides the vendor bit.
const X: u8 = 0;

/// Declares the AVP constants, the lookup table and the code list from one
/// list, so that every AVP is written down once.
macro_rules! dictionary {
    ($(
        $vendor:literal, $spec:literal => {
            $( $id:ident = $code:literal, $name:literal, $ty:ident, $flags:ident; )*
        }
    )*) => {
        $($(
            #[doc = concat!("`", $name, "` (code ", stringify!($code), ", ", $spec, ").")]
            pub const $id: AvpDef = AvpDef {
                code: $code,
                vendor: $vendor,
                name: $name,
                ty: AvpType::$ty,
                flags: $flags,
            };
        )*)*

        /// Every AVP the dictionary knows.
        pub static ALL: &[AvpDef] = &[$($($id,)*)*];

        /// The entry for `code` from `vendor` (`None` or `Some(0)` for IETF AVPs).
        pub fn lookup(code: u32, vendor: Option<u32>) -> Option<&'static AvpDef> {
            match (vendor.unwrap_or(0), code) {
                $($( ($vendor, $code) => Some(&$id), )*)*
                _ => None,
            }
        }
    };
}

dictionary! {
    0, "RFC 6733" => {
        USER_NAME = 1, "User-Name", Utf8String, M;
        CLASS = 25, "Class", OctetString, M;
        SESSION_TIMEOUT = 27, "Session-Timeout", Unsigned32, M;
        PROXY_STATE = 33, "Proxy-State", OctetString, M;
        ACCT_SESSION_ID = 44, "Acct-Session-Id", OctetString, M;
        ACCT_MULTI_SESSION_ID = 50, "Acct-Multi-Session-Id", Utf8String, M;
        EVENT_TIMESTAMP = 55, "Event-Timestamp", Time, M;
        ACCT_INTERIM_INTERVAL = 85, "Acct-Interim-Interval", Unsigned32, M;
        HOST_IP_ADDRESS = 257, "Host-IP-Address", Address, M;
        AUTH_APPLICATION_ID = 258, "Auth-Application-Id", Unsigned32, M;
        ACCT_APPLICATION_ID = 259, "Acct-Application-Id", Unsigned32, M;
        VENDOR_SPECIFIC_APPLICATION_ID = 260, "Vendor-Specific-Application-Id", Grouped, M;
        REDIRECT_HOST_USAGE = 261, "Redirect-Host-Usage", Enumerated, M;
        REDIRECT_MAX_CACHE_TIME = 262, "Redirect-Max-Cache-Time", Unsigned32, M;
        SESSION_ID = 263, "Session-Id", Utf8String, M;
        ORIGIN_HOST = 264, "Origin-Host", DiameterIdentity, M;
        SUPPORTED_VENDOR_ID = 265, "Supported-Vendor-Id", Unsigned32, M;
        VENDOR_ID = 266, "Vendor-Id", Unsigned32, M;
        FIRMWARE_REVISION = 267, "Firmware-Revision", Unsigned32, X;
        RESULT_CODE = 268, "Result-Code", Unsigned32, M;
        PRODUCT_NAME = 269, "Product-Name", Utf8String, X;
        SESSION_BINDING = 270, "Session-Binding", Unsigned32, M;
        SESSION_SERVER_FAILOVER = 271, "Session-Server-Failover", Enumerated, M;
        MULTI_ROUND_TIME_OUT = 272, "Multi-Round-Time-Out", Unsigned32, M;
        DISCONNECT_CAUSE = 273, "Disconnect-Cause", Enumerated, M;
        AUTH_REQUEST_TYPE = 274, "Auth-Request-Type", Enumerated, M;
        AUTH_GRACE_PERIOD = 276, "Auth-Grace-Period", Unsigned32, M;
        AUTH_SESSION_STATE = 277, "Auth-Session-State", Enumerated, M;
        ORIGIN_STATE_ID = 278, "Origin-State-Id", Unsigned32, M;
        FAILED_AVP = 279, "Failed-AVP", Grouped, M;
        PROXY_HOST = 280, "Proxy-Host", DiameterIdentity, M;
        ERROR_MESSAGE = 281, "Error-Message", Utf8String, X;
        ROUTE_RECORD = 282, "Route-Record", DiameterIdentity, M;
        DESTINATION_REALM = 283, "Destination-Realm", DiameterIdentity, M;
        PROXY_INFO = 284, "Proxy-Info", Grouped, M;
        RE_AUTH_REQUEST_TYPE = 285, "Re-Auth-Request-Type", Enumerated, M;
        ACCOUNTING_SUB_SESSION_ID = 287, "Accounting-Sub-Session-Id", Unsigned64, M;
        AUTHORIZATION_LIFETIME = 291, "Authorization-Lifetime", Unsigned32, M;
        REDIRECT_HOST = 292, "Redirect-Host", DiameterUri, M;
        DESTINATION_HOST = 293, "Destination-Host", DiameterIdentity, M;
        ERROR_REPORTING_HOST = 294, "Error-Reporting-Host", DiameterIdentity, X;
        TERMINATION_CAUSE = 295, "Termination-Cause", Enumerated, M;
        ORIGIN_REALM = 296, "Origin-Realm", DiameterIdentity, M;
        EXPERIMENTAL_RESULT = 297, "Experimental-Result", Grouped, M;
        EXPERIMENTAL_RESULT_CODE = 298, "Experimental-Result-Code", Unsigned32, M;
        INBAND_SECURITY_ID = 299, "Inband-Security-Id", Unsigned32, M;
        ACCOUNTING_RECORD_TYPE = 480, "Accounting-Record-Type", Enumerated, M;
        ACCOUNTING_REALTIME_REQUIRED = 483, "Accounting-Realtime-Required", Enumerated, M;
        ACCOUNTING_RECORD_NUMBER = 485, "Accounting-Record-Number", Unsigned32, M;
    }
    0, "IETF, RFC 7155/4590/5447/5778/7683/7944" => {
        FRAMED_IP_ADDRESS = 8, "Framed-IP-Address", OctetString, M;
        FRAMED_INTERFACE_ID = 96, "Framed-Interface-Id", Unsigned64, M;
        FRAMED_IPV6_PREFIX = 97, "Framed-IPv6-Prefix", OctetString, M;
        DIGEST_REALM = 104, "Digest-Realm", Utf8String, M;
        DIGEST_QOP = 110, "Digest-QoP", Utf8String, M;
        DIGEST_ALGORITHM = 111, "Digest-Algorithm", Utf8String, M;
        DIGEST_HA1 = 121, "Digest-HA1", Utf8String, M;
        DRMP = 301, "DRMP", Enumerated, X;
        MIP6_AGENT_INFO = 486, "MIP6-Agent-Info", Grouped, M;
        SERVICE_SELECTION = 493, "Service-Selection", Utf8String, M;
        OC_SUPPORTED_FEATURES = 621, "OC-Supported-Features", Grouped, X;
        OC_FEATURE_VECTOR = 622, "OC-Feature-Vector", Unsigned64, X;
        OC_OLR = 623, "OC-OLR", Grouped, X;
        OC_SEQUENCE_NUMBER = 624, "OC-Sequence-Number", Unsigned64, X;
        OC_VALIDITY_DURATION = 625, "OC-Validity-Duration", Unsigned32, X;
        OC_REPORT_TYPE = 626, "OC-Report-Type", Enumerated, X;
        OC_REDUCTION_PERCENTAGE = 627, "OC-Reduction-Percentage", Unsigned32, X;
    }
    10415, "TS 29.061/29.212/29.214/29.329/32.299" => {
        TGPP_CHARGING_CHARACTERISTICS = 13, "3GPP-Charging-Characteristics", Utf8String, M;
        MAX_REQUESTED_BANDWIDTH_DL = 515, "Max-Requested-Bandwidth-DL", Unsigned32, M;
        MAX_REQUESTED_BANDWIDTH_UL = 516, "Max-Requested-Bandwidth-UL", Unsigned32, M;
        MSISDN = 701, "MSISDN", OctetString, M;
        SERVED_PARTY_IP_ADDRESS = 848, "Served-Party-IP-Address", Address, M;
        QOS_CLASS_IDENTIFIER = 1028, "QoS-Class-Identifier", Enumerated, M;
        RAT_TYPE = 1032, "RAT-Type", Enumerated, M;
        ALLOCATION_RETENTION_PRIORITY = 1034, "Allocation-Retention-Priority", Grouped, M;
        PRIORITY_LEVEL = 1046, "Priority-Level", Unsigned32, M;
        PRE_EMPTION_CAPABILITY = 1047, "Pre-emption-Capability", Enumerated, M;
        PRE_EMPTION_VULNERABILITY = 1048, "Pre-emption-Vulnerability", Enumerated, M;
    }
    10415, "TS 29.229" => {
        VISITED_NETWORK_IDENTIFIER = 600, "Visited-Network-Identifier", OctetString, M;
        PUBLIC_IDENTITY = 601, "Public-Identity", Utf8String, M;
        SERVER_NAME = 602, "Server-Name", Utf8String, M;
        SERVER_CAPABILITIES = 603, "Server-Capabilities", Grouped, M;
        MANDATORY_CAPABILITY = 604, "Mandatory-Capability", Unsigned32, M;
        OPTIONAL_CAPABILITY = 605, "Optional-Capability", Unsigned32, M;
        USER_DATA = 606, "User-Data", OctetString, M;
        SIP_NUMBER_AUTH_ITEMS = 607, "SIP-Number-Auth-Items", Unsigned32, M;
        SIP_AUTHENTICATION_SCHEME = 608, "SIP-Authentication-Scheme", Utf8String, M;
        SIP_AUTHENTICATE = 609, "SIP-Authenticate", OctetString, M;
        SIP_AUTHORIZATION = 610, "SIP-Authorization", OctetString, M;
        SIP_AUTHENTICATION_CONTEXT = 611, "SIP-Authentication-Context", OctetString, M;
        SIP_AUTH_DATA_ITEM = 612, "SIP-Auth-Data-Item", Grouped, M;
        SIP_ITEM_NUMBER = 613, "SIP-Item-Number", Unsigned32, M;
        SERVER_ASSIGNMENT_TYPE = 614, "Server-Assignment-Type", Enumerated, M;
        DEREGISTRATION_REASON = 615, "Deregistration-Reason", Grouped, M;
        REASON_CODE = 616, "Reason-Code", Enumerated, M;
        REASON_INFO = 617, "Reason-Info", Utf8String, M;
        CHARGING_INFORMATION = 618, "Charging-Information", Grouped, M;
        PRIMARY_EVENT_CHARGING_FUNCTION_NAME = 619, "Primary-Event-Charging-Function-Name", DiameterUri, M;
        SECONDARY_EVENT_CHARGING_FUNCTION_NAME = 620, "Secondary-Event-Charging-Function-Name", DiameterUri, M;
        PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME = 621, "Primary-Charging-Collection-Function-Name", DiameterUri, M;
        SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME = 622, "Secondary-Charging-Collection-Function-Name", DiameterUri, M;
        USER_AUTHORIZATION_TYPE = 623, "User-Authorization-Type", Enumerated, M;
        USER_DATA_ALREADY_AVAILABLE = 624, "User-Data-Already-Available", Enumerated, M;
        CONFIDENTIALITY_KEY = 625, "Confidentiality-Key", OctetString, M;
        INTEGRITY_KEY = 626, "Integrity-Key", OctetString, M;
        SUPPORTED_FEATURES = 628, "Supported-Features", Grouped, X;
        FEATURE_LIST_ID = 629, "Feature-List-ID", Unsigned32, X;
        FEATURE_LIST = 630, "Feature-List", Unsigned32, X;
        SUPPORTED_APPLICATIONS = 631, "Supported-Applications", Grouped, X;
        ASSOCIATED_IDENTITIES = 632, "Associated-Identities", Grouped, X;
        ORIGINATING_REQUEST = 633, "Originating-Request", Enumerated, M;
        WILDCARDED_PUBLIC_IDENTITY = 634, "Wildcarded-Public-Identity", Utf8String, X;
        SIP_DIGEST_AUTHENTICATE = 635, "SIP-Digest-Authenticate", Grouped, X;
        UAR_FLAGS = 637, "UAR-Flags", Unsigned32, X;
        LOOSE_ROUTE_INDICATION = 638, "Loose-Route-Indication", Enumerated, X;
        SCSCF_RESTORATION_INFO = 639, "SCSCF-Restoration-Info", Grouped, X;
        PATH = 640, "Path", OctetString, X;
        CONTACT = 641, "Contact", OctetString, X;
        SUBSCRIPTION_INFO = 642, "Subscription-Info", Grouped, X;
        CALL_ID_SIP_HEADER = 643, "Call-ID-SIP-Header", OctetString, X;
        FROM_SIP_HEADER = 644, "From-SIP-Header", OctetString, X;
        TO_SIP_HEADER = 645, "To-SIP-Header", OctetString, X;
        RECORD_ROUTE = 646, "Record-Route", OctetString, X;
        ASSOCIATED_REGISTERED_IDENTITIES = 647, "Associated-Registered-Identities", Grouped, X;
        MULTIPLE_REGISTRATION_INDICATION = 648, "Multiple-Registration-Indication", Enumerated, X;
        RESTORATION_INFO = 649, "Restoration-Info", Grouped, X;
        SESSION_PRIORITY = 650, "Session-Priority", Enumerated, X;
        LIA_FLAGS = 653, "LIA-Flags", Unsigned32, X;
        INITIAL_CSEQ_SEQUENCE_NUMBER = 654, "Initial-CSeq-Sequence-Number", Unsigned32, X;
        SAR_FLAGS = 655, "SAR-Flags", Unsigned32, X;
    }
    10415, "TS 29.272" => {
        SUBSCRIPTION_DATA = 1400, "Subscription-Data", Grouped, M;
        TERMINAL_INFORMATION = 1401, "Terminal-Information", Grouped, M;
        IMEI = 1402, "IMEI", Utf8String, M;
        SOFTWARE_VERSION = 1403, "Software-Version", Utf8String, M;
        QOS_SUBSCRIBED = 1404, "QoS-Subscribed", OctetString, M;
        ULR_FLAGS = 1405, "ULR-Flags", Unsigned32, M;
        ULA_FLAGS = 1406, "ULA-Flags", Unsigned32, M;
        VISITED_PLMN_ID = 1407, "Visited-PLMN-Id", OctetString, M;
        REQUESTED_EUTRAN_AUTHENTICATION_INFO = 1408, "Requested-EUTRAN-Authentication-Info", Grouped, M;
        REQUESTED_UTRAN_GERAN_AUTHENTICATION_INFO = 1409, "Requested-UTRAN-GERAN-Authentication-Info", Grouped, M;
        NUMBER_OF_REQUESTED_VECTORS = 1410, "Number-Of-Requested-Vectors", Unsigned32, M;
        RE_SYNCHRONIZATION_INFO = 1411, "Re-Synchronization-Info", OctetString, M;
        IMMEDIATE_RESPONSE_PREFERRED = 1412, "Immediate-Response-Preferred", Unsigned32, M;
        AUTHENTICATION_INFO = 1413, "Authentication-Info", Grouped, M;
        E_UTRAN_VECTOR = 1414, "E-UTRAN-Vector", Grouped, M;
        UTRAN_VECTOR = 1415, "UTRAN-Vector", Grouped, M;
        GERAN_VECTOR = 1416, "GERAN-Vector", Grouped, M;
        NETWORK_ACCESS_MODE = 1417, "Network-Access-Mode", Enumerated, M;
        HPLMN_ODB = 1418, "HPLMN-ODB", Unsigned32, M;
        ITEM_NUMBER = 1419, "Item-Number", Unsigned32, M;
        CANCELLATION_TYPE = 1420, "Cancellation-Type", Enumerated, M;
        DSR_FLAGS = 1421, "DSR-Flags", Unsigned32, M;
        DSA_FLAGS = 1422, "DSA-Flags", Unsigned32, M;
        CONTEXT_IDENTIFIER = 1423, "Context-Identifier", Unsigned32, M;
        SUBSCRIBER_STATUS = 1424, "Subscriber-Status", Enumerated, M;
        OPERATOR_DETERMINED_BARRING = 1425, "Operator-Determined-Barring", Unsigned32, M;
        ACCESS_RESTRICTION_DATA = 1426, "Access-Restriction-Data", Unsigned32, M;
        APN_OI_REPLACEMENT = 1427, "APN-OI-Replacement", Utf8String, M;
        ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR = 1428, "All-APN-Configurations-Included-Indicator", Enumerated, M;
        APN_CONFIGURATION_PROFILE = 1429, "APN-Configuration-Profile", Grouped, M;
        APN_CONFIGURATION = 1430, "APN-Configuration", Grouped, M;
        EPS_SUBSCRIBED_QOS_PROFILE = 1431, "EPS-Subscribed-QoS-Profile", Grouped, M;
        VPLMN_DYNAMIC_ADDRESS_ALLOWED = 1432, "VPLMN-Dynamic-Address-Allowed", Enumerated, M;
        STN_SR = 1433, "STN-SR", OctetString, M;
        ALERT_REASON = 1434, "Alert-Reason", Enumerated, M;
        AMBR = 1435, "AMBR", Grouped, M;
        CSG_SUBSCRIPTION_DATA = 1436, "CSG-Subscription-Data", Grouped, M;
        CSG_ID = 1437, "CSG-Id", Unsigned32, M;
        PDN_GW_ALLOCATION_TYPE = 1438, "PDN-GW-Allocation-Type", Enumerated, M;
        EXPIRATION_DATE = 1439, "Expiration-Date", Time, M;
        RAT_FREQUENCY_SELECTION_PRIORITY_ID = 1440, "RAT-Frequency-Selection-Priority-ID", Unsigned32, M;
        IDA_FLAGS = 1441, "IDA-Flags", Unsigned32, M;
        PUA_FLAGS = 1442, "PUA-Flags", Unsigned32, M;
        NOR_FLAGS = 1443, "NOR-Flags", Unsigned32, M;
        USER_ID = 1444, "User-Id", Utf8String, X;
        EQUIPMENT_STATUS = 1445, "Equipment-Status", Enumerated, M;
        REGIONAL_SUBSCRIPTION_ZONE_CODE = 1446, "Regional-Subscription-Zone-Code", OctetString, M;
        RAND = 1447, "RAND", OctetString, M;
        XRES = 1448, "XRES", OctetString, M;
        AUTN = 1449, "AUTN", OctetString, M;
        KASME = 1450, "KASME", OctetString, M;
        TRACE_COLLECTION_ENTITY = 1452, "Trace-Collection-Entity", Address, M;
        KC = 1453, "Kc", OctetString, M;
        SRES = 1454, "SRES", OctetString, M;
        PDN_TYPE = 1456, "PDN-Type", Enumerated, M;
        ROAMING_RESTRICTED_DUE_TO_UNSUPPORTED_FEATURE = 1457, "Roaming-Restricted-Due-To-Unsupported-Feature", Enumerated, M;
        TRACE_DATA = 1458, "Trace-Data", Grouped, M;
        TRACE_REFERENCE = 1459, "Trace-Reference", OctetString, M;
        GPRS_SUBSCRIPTION_DATA = 1467, "GPRS-Subscription-Data", Grouped, M;
        SPECIFIC_APN_INFO = 1472, "Specific-APN-Info", Grouped, M;
        SGSN_NUMBER = 1489, "SGSN-Number", OctetString, M;
        IDR_FLAGS = 1490, "IDR-Flags", Unsigned32, M;
        EPS_LOCATION_INFORMATION = 1496, "EPS-Location-Information", Grouped, M;
        ERROR_DIAGNOSTIC = 1614, "Error-Diagnostic", Enumerated, X;
        UE_SRVCC_CAPABILITY = 1615, "UE-SRVCC-Capability", Enumerated, X;
        SUBSCRIBED_PERIODIC_RAU_TAU_TIMER = 1619, "Subscribed-Periodic-RAU-TAU-Timer", Unsigned32, X;
        PUR_FLAGS = 1635, "PUR-Flags", Unsigned32, X;
        CLR_FLAGS = 1638, "CLR-Flags", Unsigned32, X;
        A_MSISDN = 1643, "A-MSISDN", OctetString, X;
        AIR_FLAGS = 1679, "AIR-Flags", Unsigned32, X;
    }
}

/// The entry called `name`, if the dictionary has one (names are unique).
pub fn by_name(name: &str) -> Option<&'static AvpDef> {
    ALL.iter().find(|d| d.name == name)
}

/// Name of `code` from `vendor`, or a made-up one ("AVP 1234", "AVP 10415:1234").
pub fn avp_name(code: u32, vendor: Option<u32>) -> String {
    match (lookup(code, vendor), vendor) {
        (Some(d), _) => d.name.to_string(),
        (None, Some(v)) if v != 0 => format!("AVP {v}:{code}"),
        (None, _) => format!("AVP {code}"),
    }
}

/// A Diameter command: its code, the short names of its request and answer
/// and its long name without "-Request"/"-Answer".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandDef {
    /// Command code.
    pub code: u32,
    /// Short name of the request, e.g. "ULR".
    pub request: &'static str,
    /// Short name of the answer, e.g. "ULA".
    pub answer: &'static str,
    /// Long name, e.g. "Update-Location".
    pub name: &'static str,
}

const COMMANDS: &[CommandDef] = &[
    cmd(257, "CER", "CEA", "Capabilities-Exchange"),
    cmd(258, "RAR", "RAA", "Re-Auth"),
    cmd(271, "ACR", "ACA", "Accounting"),
    cmd(274, "ASR", "ASA", "Abort-Session"),
    cmd(275, "STR", "STA", "Session-Termination"),
    cmd(280, "DWR", "DWA", "Device-Watchdog"),
    cmd(282, "DPR", "DPA", "Disconnect-Peer"),
    cmd(300, "UAR", "UAA", "User-Authorization"),
    cmd(301, "SAR", "SAA", "Server-Assignment"),
    cmd(302, "LIR", "LIA", "Location-Info"),
    cmd(303, "MAR", "MAA", "Multimedia-Auth"),
    cmd(304, "RTR", "RTA", "Registration-Termination"),
    cmd(305, "PPR", "PPA", "Push-Profile"),
    cmd(316, "ULR", "ULA", "Update-Location"),
    cmd(317, "CLR", "CLA", "Cancel-Location"),
    cmd(318, "AIR", "AIA", "Authentication-Information"),
    cmd(319, "IDR", "IDA", "Insert-Subscriber-Data"),
    cmd(320, "DSR", "DSA", "Delete-Subscriber-Data"),
    cmd(321, "PUR", "PUA", "Purge-UE"),
    cmd(322, "RSR", "RSA", "Reset"),
    cmd(323, "NOR", "NOA", "Notify"),
];

const fn cmd(
    code: u32,
    request: &'static str,
    answer: &'static str,
    name: &'static str,
) -> CommandDef {
    CommandDef {
        code,
        request,
        answer,
        name,
    }
}

/// The command with `code`, if known.
pub fn command(code: u32) -> Option<&'static CommandDef> {
    COMMANDS.iter().find(|c| c.code == code)
}

/// Short name of a request or answer ("MAR", "UAA"), or "cmd 1234 R"/"cmd 1234 A".
pub fn command_short_name(code: u32, request: bool) -> String {
    match (command(code), request) {
        (Some(c), true) => c.request.to_string(),
        (Some(c), false) => c.answer.to_string(),
        (None, true) => format!("cmd {code} R"),
        (None, false) => format!("cmd {code} A"),
    }
}

/// Long name of a request or answer ("Multimedia-Auth-Request").
pub fn command_long_name(code: u32, request: bool) -> String {
    let suffix = if request { "Request" } else { "Answer" };
    match command(code) {
        Some(c) => format!("{}-{suffix}", c.name),
        None => format!("Command {code} {suffix}"),
    }
}

/// Name of a Diameter application.
pub fn application_name(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "Diameter Common Messages",
        3 => "Diameter Base Accounting",
        4 => "Diameter Credit Control",
        APP_CX => "3GPP Cx",
        16777217 => "3GPP Sh",
        16777236 => "3GPP Rx",
        16777238 => "3GPP Gx",
        APP_S6A => "3GPP S6a/S6d",
        16777252 => "3GPP S13/S13'",
        0xffff_ffff => "Relay",
        _ => return None,
    })
}

/// Name of a vendor (SMI network management private enterprise code).
pub fn vendor_name(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "IETF",
        VENDOR_3GPP => "3GPP",
        13019 => "ETSI",
        5535 => "3GPP2",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn dictionary_has_unique_codes_and_names() {
        let mut keys = HashSet::new();
        let mut names = HashSet::new();
        for d in ALL {
            assert!(keys.insert((d.vendor, d.code)), "duplicate {}", d.name);
            assert!(names.insert(d.name), "duplicate name {}", d.name);
            assert_eq!(lookup(d.code, d.vendor_id()), Some(d));
        }
    }

    #[test]
    fn lookup_keeps_vendors_apart() {
        // 621 is OC-Supported-Features for the IETF and a charging name for 3GPP.
        assert_eq!(lookup(621, None).unwrap().name, "OC-Supported-Features");
        assert_eq!(
            lookup(621, Some(VENDOR_3GPP)).unwrap().name,
            "Primary-Charging-Collection-Function-Name"
        );
        // Cx's Server-Assignment-Type is 614; 375 is RFC 4740's.
        assert_eq!(
            lookup(614, Some(VENDOR_3GPP)).unwrap(),
            &SERVER_ASSIGNMENT_TYPE
        );
        assert!(lookup(375, Some(VENDOR_3GPP)).is_none());
        assert!(lookup(264, Some(VENDOR_3GPP)).is_none());
        assert_eq!(lookup(264, Some(0)), Some(&ORIGIN_HOST));
    }

    #[test]
    fn avp_name_makes_up_names_for_unknown_codes() {
        assert_eq!(avp_name(1, None), "User-Name");
        assert_eq!(avp_name(9999, None), "AVP 9999");
        assert_eq!(avp_name(9999, Some(10415)), "AVP 10415:9999");
    }

    #[test]
    fn command_names_cover_requests_and_answers() {
        assert_eq!(command_short_name(303, true), "MAR");
        assert_eq!(command_short_name(300, false), "UAA");
        assert_eq!(
            command_long_name(318, true),
            "Authentication-Information-Request"
        );
        assert_eq!(command_short_name(999, false), "cmd 999 A");
        assert_eq!(application_name(APP_S6A), Some("3GPP S6a/S6d"));
    }

    #[test]
    fn builders_set_vendor_and_flags() {
        let a = PUBLIC_IDENTITY.utf8("sip:a@b");
        assert_eq!((a.code, a.vendor, a.flags), (601, Some(10415), 0x40));
        let b = PRODUCT_NAME.utf8("mme");
        assert_eq!((b.vendor, b.flags), (None, 0));
    }
}
