//! The human view: every AVP by its dictionary name with its decoded value
//! and byte span.

use super::avp::{Avp, AvpValue, NTP_UNIX_OFFSET};
use super::dict::{self, AvpDef, AvpType, VENDOR_3GPP};
use super::{
    AllApnConfigurationsIncludedIndicator, AuthSessionState, CancellationType, DisconnectCause,
    NetworkAccessMode, PdnType, PreemptionCapability, PreemptionVulnerability, RatType, ReasonCode,
    ServerAssignmentType, SubscriberStatus, UserAuthorizationType, UserDataAlreadyAvailable,
};
use super::{Message, result, s6a};
use crate::codec::plmn::Plmn;
use crate::codec::{DecodeError, Field, hex};

/// Decodes `bytes` and renders them as a tree of fields for humans.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let msg = Message::decode(bytes)?;
    let h = &msg.header;
    let request = h.is_request();
    let app = match dict::application_name(h.application) {
        Some(n) => format!("{} ({n})", h.application),
        None => h.application.to_string(),
    };
    let header = Field::group(
        "Header",
        vec![
            Field::new("Version", 1).at(0, 1),
            Field::new("Message Length", bytes.len()).at(1, 4),
            Field::new("Command Flags", h.flags).at(4, 5),
            Field::new(
                "Command Code",
                format!(
                    "{} ({})",
                    h.command,
                    dict::command_long_name(h.command, request)
                ),
            )
            .at(5, 8),
            Field::new("Application-ID", app).at(8, 12),
            Field::new("Hop-by-Hop Identifier", format!("0x{:08x}", h.hop_by_hop)).at(12, 16),
            Field::new("End-to-End Identifier", format!("0x{:08x}", h.end_to_end)).at(16, 20),
        ],
    )
    .at(0, 20);
    let mut root = Field::new("Diameter", msg.summary()).at(0, bytes.len());
    root.children.push(header);
    let ctx = Ctx {
        app: h.application,
        vendor: None,
    };
    root.children.extend(avp_fields(&msg.avps, 20, ctx));
    Ok(root)
}

/// What an AVP's value may depend on: the application, and the Vendor-Id
/// next to an Experimental-Result-Code.
#[derive(Clone, Copy)]
struct Ctx {
    app: u32,
    vendor: Option<u32>,
}

/// Fields for `avps`, the first of which starts at byte `at`. The spans are
/// exact because the decoder only accepts AVPs laid out as they encode.
fn avp_fields(avps: &[Avp], mut at: usize, ctx: Ctx) -> Vec<Field> {
    let mut out = Vec::with_capacity(avps.len());
    for avp in avps {
        let len = avp.header_len() + avp.data_len();
        let mut f = Field::new(avp.name(), render(avp, ctx)).at(at, at + len);
        if let AvpValue::Grouped(inner) = &avp.value {
            let vendor = avp
                .avp(dict::VENDOR_ID.code, None)
                .and_then(|v| v.u32().ok());
            let inner_ctx = Ctx { vendor, ..ctx };
            f.children = avp_fields(inner, at + avp.header_len(), inner_ctx);
        }
        out.push(f);
        at += avp.encoded_len();
    }
    out
}

fn render(avp: &Avp, ctx: Ctx) -> String {
    let data = match &avp.value {
        AvpValue::Grouped(_) => return String::new(),
        AvpValue::Raw(d) => d.as_slice(),
    };
    let Some(def) = avp.def() else {
        return hex(data);
    };
    let bad = |what: &str| format!("{} ({what})", hex(data));
    match def.ty {
        AvpType::OctetString => octets(def, data),
        AvpType::Utf8String | AvpType::DiameterIdentity | AvpType::DiameterUri => {
            match std::str::from_utf8(data) {
                Ok(s) => s.to_string(),
                Err(_) => bad("not UTF-8"),
            }
        }
        AvpType::Unsigned32 => match avp.u32() {
            Ok(v) => unsigned32(def, v, ctx),
            Err(_) => bad("not 4 bytes"),
        },
        AvpType::Enumerated => match avp.u32() {
            Ok(v) => match enum_name(def, v) {
                Some(n) => format!("{n} ({v})"),
                None => v.to_string(),
            },
            Err(_) => bad("not 4 bytes"),
        },
        AvpType::Integer32 => avp
            .i32()
            .map_or_else(|_| bad("not 4 bytes"), |v| v.to_string()),
        AvpType::Integer64 => avp
            .i64()
            .map_or_else(|_| bad("not 8 bytes"), |v| v.to_string()),
        AvpType::Unsigned64 => avp
            .u64()
            .map_or_else(|_| bad("not 8 bytes"), |v| v.to_string()),
        AvpType::Float32 => avp
            .u32()
            .map_or_else(|_| bad("not 4 bytes"), |v| f32::from_bits(v).to_string()),
        AvpType::Float64 => avp
            .u64()
            .map_or_else(|_| bad("not 8 bytes"), |v| f64::from_bits(v).to_string()),
        AvpType::Address => avp
            .address()
            .map_or_else(|e| bad(&e.what), |a| a.to_string()),
        AvpType::Time => avp.time().map_or_else(
            |_| bad("not 4 bytes"),
            |t| utc(t.saturating_sub(NTP_UNIX_OFFSET)),
        ),
        AvpType::Grouped => bad("not Grouped"),
    }
}

/// OctetString AVPs that usually carry text.
const TEXT_OCTETS: &[AvpDef] = &[
    dict::USER_DATA,
    dict::VISITED_NETWORK_IDENTIFIER,
    dict::PATH,
    dict::CONTACT,
    dict::CALL_ID_SIP_HEADER,
    dict::FROM_SIP_HEADER,
    dict::TO_SIP_HEADER,
    dict::RECORD_ROUTE,
];

fn octets(def: &AvpDef, data: &[u8]) -> String {
    let is = |d: &AvpDef| d == def;
    if is(&dict::VISITED_PLMN_ID)
        && let Ok(plmn) = Plmn::from_slice(data)
    {
        return format!("{} (MCC {}, MNC {})", hex(data), plmn.mcc(), plmn.mnc());
    }
    if is(&dict::MSISDN) || is(&dict::A_MSISDN) || is(&dict::SGSN_NUMBER) {
        return format!("{} ({})", s6a::tbcd_digits(data), hex(data));
    }
    if is(&dict::RE_SYNCHRONIZATION_INFO) && data.len() == 30 {
        return format!("RAND {}, AUTS {}", hex(&data[..16]), hex(&data[16..]));
    }
    if is(&dict::SIP_AUTHENTICATE) && data.len() == 32 {
        return format!("RAND {}, AUTN {}", hex(&data[..16]), hex(&data[16..]));
    }
    if TEXT_OCTETS.iter().any(is)
        && let Ok(text) = std::str::from_utf8(data)
    {
        return text.to_string();
    }
    hex(data)
}

fn unsigned32(def: &AvpDef, v: u32, ctx: Ctx) -> String {
    let is = |d: &AvpDef| d == def;
    let named = |name: Option<&str>| match name {
        Some(n) => format!("{v} {n}"),
        None => v.to_string(),
    };
    let flags = |names: &[&str]| {
        let set: Vec<&str> = (0..32)
            .filter(|b| v & (1 << b) != 0)
            .map(|b| names.get(b).copied().unwrap_or("?"))
            .collect();
        format!("0x{v:08x} ({})", set.join(", "))
    };
    if is(&dict::RESULT_CODE) {
        named(result::result_code_name(v))
    } else if is(&dict::EXPERIMENTAL_RESULT_CODE) {
        let vendor = ctx.vendor.unwrap_or(VENDOR_3GPP);
        named(result::experimental_result_name(vendor, ctx.app, v))
    } else if is(&dict::AUTH_APPLICATION_ID) || is(&dict::ACCT_APPLICATION_ID) {
        with_paren(v, dict::application_name(v))
    } else if is(&dict::VENDOR_ID) || is(&dict::SUPPORTED_VENDOR_ID) {
        with_paren(v, dict::vendor_name(v))
    } else if is(&dict::ULR_FLAGS) {
        flags(s6a::ulr_flags::NAMES)
    } else if is(&dict::ULA_FLAGS) {
        flags(s6a::ula_flags::NAMES)
    } else if is(&dict::PUR_FLAGS) {
        flags(s6a::pur_flags::NAMES)
    } else if is(&dict::PUA_FLAGS) {
        flags(s6a::pua_flags::NAMES)
    } else if is(&dict::CLR_FLAGS) {
        flags(s6a::clr_flags::NAMES)
    } else {
        v.to_string()
    }
}

fn with_paren(v: u32, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{v} ({n})"),
        None => v.to_string(),
    }
}

/// Names of Enumerated values without a typed enum here.
const OTHER_ENUMS: &[(AvpDef, u32, &str)] = &[
    (dict::AUTH_REQUEST_TYPE, 0, "AUTHENTICATE_ONLY"),
    (dict::AUTH_REQUEST_TYPE, 1, "AUTHORIZE_ONLY"),
    (dict::AUTH_REQUEST_TYPE, 2, "AUTHORIZE_AUTHENTICATE"),
    (dict::RE_AUTH_REQUEST_TYPE, 0, "AUTHORIZE_ONLY"),
    (dict::RE_AUTH_REQUEST_TYPE, 1, "AUTHORIZE_AUTHENTICATE"),
    (dict::TERMINATION_CAUSE, 1, "DIAMETER_LOGOUT"),
    (dict::TERMINATION_CAUSE, 2, "DIAMETER_SERVICE_NOT_PROVIDED"),
    (dict::TERMINATION_CAUSE, 3, "DIAMETER_BAD_ANSWER"),
    (dict::TERMINATION_CAUSE, 4, "DIAMETER_ADMINISTRATIVE"),
    (dict::TERMINATION_CAUSE, 5, "DIAMETER_LINK_BROKEN"),
    (dict::TERMINATION_CAUSE, 6, "DIAMETER_AUTH_EXPIRED"),
    (dict::TERMINATION_CAUSE, 7, "DIAMETER_USER_MOVED"),
    (dict::TERMINATION_CAUSE, 8, "DIAMETER_SESSION_TIMEOUT"),
    (dict::ACCOUNTING_RECORD_TYPE, 1, "EVENT_RECORD"),
    (dict::ACCOUNTING_RECORD_TYPE, 2, "START_RECORD"),
    (dict::ACCOUNTING_RECORD_TYPE, 3, "INTERIM_RECORD"),
    (dict::ACCOUNTING_RECORD_TYPE, 4, "STOP_RECORD"),
    (dict::VPLMN_DYNAMIC_ADDRESS_ALLOWED, 0, "NOTALLOWED"),
    (dict::VPLMN_DYNAMIC_ADDRESS_ALLOWED, 1, "ALLOWED"),
    (dict::PDN_GW_ALLOCATION_TYPE, 0, "STATIC"),
    (dict::PDN_GW_ALLOCATION_TYPE, 1, "DYNAMIC"),
    (dict::UE_SRVCC_CAPABILITY, 0, "UE-SRVCC-NOT-SUPPORTED"),
    (dict::UE_SRVCC_CAPABILITY, 1, "UE-SRVCC-SUPPORTED"),
    (dict::ORIGINATING_REQUEST, 0, "ORIGINATING"),
    (dict::LOOSE_ROUTE_INDICATION, 0, "LOOSE_ROUTE_NOT_REQUIRED"),
    (dict::LOOSE_ROUTE_INDICATION, 1, "LOOSE_ROUTE_REQUIRED"),
    (
        dict::MULTIPLE_REGISTRATION_INDICATION,
        0,
        "NOT_MULTIPLE_REGISTRATION",
    ),
    (
        dict::MULTIPLE_REGISTRATION_INDICATION,
        1,
        "MULTIPLE_REGISTRATION",
    ),
];

/// The name of Enumerated value `v` of `def`, if known.
fn enum_name(def: &AvpDef, v: u32) -> Option<&'static str> {
    macro_rules! typed {
        ($($d:ident => $ty:ty),* $(,)?) => {
            $( if *def == dict::$d { return <$ty>::from_u32(v).name(); } )*
        };
    }
    typed!(
        AUTH_SESSION_STATE => AuthSessionState,
        DISCONNECT_CAUSE => DisconnectCause,
        RAT_TYPE => RatType,
        CANCELLATION_TYPE => CancellationType,
        SUBSCRIBER_STATUS => SubscriberStatus,
        NETWORK_ACCESS_MODE => NetworkAccessMode,
        ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR => AllApnConfigurationsIncludedIndicator,
        PDN_TYPE => PdnType,
        PRE_EMPTION_CAPABILITY => PreemptionCapability,
        PRE_EMPTION_VULNERABILITY => PreemptionVulnerability,
        USER_AUTHORIZATION_TYPE => UserAuthorizationType,
        SERVER_ASSIGNMENT_TYPE => ServerAssignmentType,
        USER_DATA_ALREADY_AVAILABLE => UserDataAlreadyAvailable,
        REASON_CODE => ReasonCode,
    );
    OTHER_ENUMS
        .iter()
        .find(|(d, value, _)| d == def && *value == v)
        .map(|(_, _, name)| *name)
}

/// "YYYY-MM-DD hh:mm:ss UTC" for seconds since 1970 (civil-from-days, the
/// proleptic Gregorian calendar).
fn utc(secs: u64) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::{Header, header::CommandFlags};

    #[test]
    fn utc_formats_known_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(1_704_067_200), "2024-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400 + 3_661), "2000-02-29 01:01:01 UTC");
    }

    fn tree_of(avps: Vec<Avp>, app: u32) -> Field {
        let h = Header::new(CommandFlags(0x40), 316, app, 1, 2);
        tree(&Message::new(h, avps).encode()).unwrap()
    }

    #[test]
    fn tree_names_values_and_spans() {
        let t = tree_of(
            vec![
                dict::RESULT_CODE.u32(2001),
                dict::RAT_TYPE.u32(1004),
                dict::VISITED_PLMN_ID.octets(&[0x00, 0xf1, 0x10]),
                dict::ULR_FLAGS.u32(0x22),
                Avp::raw(4242, Some(99), 0, vec![0xab]),
                dict::EVENT_TIMESTAMP.u32(3_913_056_000),
                dict::MSISDN.octets(&[0x01, 0x00, 0x00, 0x00, 0x00, 0xf1]),
            ],
            dict::APP_S6A,
        );
        assert_eq!(t.value, "ULA 2001 DIAMETER_SUCCESS");
        let f = |n: &str| t.find(n).unwrap();
        assert_eq!(f("Result-Code").value, "2001 DIAMETER_SUCCESS");
        assert_eq!(f("Result-Code").span, Some((20, 32)));
        assert_eq!(f("RAT-Type").value, "EUTRAN (1004)");
        assert_eq!(f("RAT-Type").span, Some((32, 48)));
        assert_eq!(f("Visited-PLMN-Id").value, "00f110 (MCC 001, MNC 01)");
        assert_eq!(f("Visited-PLMN-Id").span, Some((48, 63)));
        assert_eq!(
            f("ULR-Flags").value,
            "0x00000022 (S6a/S6d-Indicator, Initial-Attach-Indicator)"
        );
        assert_eq!(f("AVP 99:4242").value, "ab");
        assert_eq!(f("Event-Timestamp").value, "2024-01-01 00:00:00 UTC");
        assert_eq!(f("MSISDN").value, "10000000001 (0100000000f1)");
        assert_eq!(f("Application-ID").value, "16777251 (3GPP S6a/S6d)");
        assert_eq!(f("Command Code").value, "316 (Update-Location-Answer)");
    }

    #[test]
    fn tree_nests_grouped_avps_with_vendor_context() {
        let er = dict::EXPERIMENTAL_RESULT.grouped(vec![
            dict::VENDOR_ID.u32(VENDOR_3GPP),
            dict::EXPERIMENTAL_RESULT_CODE.u32(5001),
        ]);
        let t = tree_of(vec![er], dict::APP_CX);
        let er = t.find("Experimental-Result").unwrap();
        assert_eq!(er.span, Some((20, 52)));
        assert_eq!(er.children[0].value, "10415 (3GPP)");
        assert_eq!(er.children[0].span, Some((28, 40)));
        assert_eq!(er.children[1].value, "5001 DIAMETER_ERROR_USER_UNKNOWN");
    }

    #[test]
    fn tree_shows_malformed_values_as_hex() {
        let t = tree_of(
            vec![
                Avp::raw(268, None, 0x40, vec![1, 2]),
                Avp::raw(1, None, 0x40, vec![0xff]),
                Avp::raw(257, None, 0x40, vec![0, 1, 1]),
            ],
            0,
        );
        assert_eq!(t.find("Result-Code").unwrap().value, "0102 (not 4 bytes)");
        assert_eq!(t.find("User-Name").unwrap().value, "ff (not UTF-8)");
        assert!(
            t.find("Host-IP-Address")
                .unwrap()
                .value
                .starts_with("000101 (")
        );
    }
}
