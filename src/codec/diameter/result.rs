//! Result-Code values (RFC 6733 7.1) and the 3GPP Experimental-Result-Code
//! values of Cx (TS 29.229 6.2) and S6a (TS 29.272 7.4), with their names.

use super::dict::{APP_CX, APP_S6A, VENDOR_3GPP};

/// Declares result-code constants and a name function over them.
macro_rules! codes {
    ($(#[$fdoc:meta])* fn $fname:ident; $( $(#[$doc:meta])* $id:ident = $code:literal; )*) => {
        $( $(#[$doc])* pub const $id: u32 = $code; )*

        $(#[$fdoc])*
        pub fn $fname(code: u32) -> Option<&'static str> {
            match code {
                $( $code => Some(stringify!($id)), )*
                _ => None,
            }
        }
    };
}

/// Experimental-Result-Code constants of Cx/Dx (TS 29.229 6.2).
pub mod cx {
    codes! {
        /// Name of a Cx Experimental-Result-Code.
        fn name;
        /// First registration: the user is not yet registered.
        DIAMETER_FIRST_REGISTRATION = 2001;
        /// The user is already registered.
        DIAMETER_SUBSEQUENT_REGISTRATION = 2002;
        /// The user is unregistered but has services.
        DIAMETER_UNREGISTERED_SERVICE = 2003;
        /// De-registration done; the S-CSCF name was not kept.
        DIAMETER_SUCCESS_SERVER_NAME_NOT_STORED = 2004;
        /// The user is unknown to the HSS.
        DIAMETER_ERROR_USER_UNKNOWN = 5001;
        /// The public and private identities do not belong together.
        DIAMETER_ERROR_IDENTITIES_DONT_MATCH = 5002;
        /// The identity is not registered.
        DIAMETER_ERROR_IDENTITY_NOT_REGISTERED = 5003;
        /// The user may not roam in the visited network.
        DIAMETER_ERROR_ROAMING_NOT_ALLOWED = 5004;
        /// The identity is registered to another S-CSCF.
        DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED = 5005;
        /// The authentication scheme is not supported.
        DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED = 5006;
        /// The Server-Assignment-Type does not fit the state.
        DIAMETER_ERROR_IN_ASSIGNMENT_TYPE = 5007;
        /// The user data is too large for the S-CSCF.
        DIAMETER_ERROR_TOO_MUCH_DATA = 5008;
        /// The S-CSCF does not support the user data.
        DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA = 5009;
        /// A feature the request needs is not supported.
        DIAMETER_ERROR_FEATURE_UNSUPPORTED = 5011;
    }
}

/// Experimental-Result-Code constants of S6a/S6d (TS 29.272 7.4).
pub mod s6a {
    codes! {
        /// Name of an S6a Experimental-Result-Code.
        fn name;
        /// No vectors available right now.
        DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE = 4181;
        /// CAMEL subscription present.
        DIAMETER_ERROR_CAMEL_SUBSCRIPTION_PRESENT = 4182;
        /// The IMSI is unknown.
        DIAMETER_ERROR_USER_UNKNOWN = 5001;
        /// The subscriber may not roam here.
        DIAMETER_ERROR_ROAMING_NOT_ALLOWED = 5004;
        /// No EPS subscription.
        DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION = 5420;
        /// The RAT is not allowed.
        DIAMETER_ERROR_RAT_NOT_ALLOWED = 5421;
        /// The equipment is unknown.
        DIAMETER_ERROR_EQUIPMENT_UNKNOWN = 5422;
        /// The serving node is not known for the user.
        DIAMETER_ERROR_UNKNOWN_SERVING_NODE = 5423;
    }
}

codes! {
    /// Name of a base protocol Result-Code (RFC 6733 7.1).
    fn result_code_name;
    /// More rounds of authentication are needed.
    DIAMETER_MULTI_ROUND_AUTH = 1001;
    /// The request succeeded.
    DIAMETER_SUCCESS = 2001;
    /// Success, with restrictions.
    DIAMETER_LIMITED_SUCCESS = 2002;
    /// The command code is not supported.
    DIAMETER_COMMAND_UNSUPPORTED = 3001;
    /// No route to the destination.
    DIAMETER_UNABLE_TO_DELIVER = 3002;
    /// The realm is not served.
    DIAMETER_REALM_NOT_SERVED = 3003;
    /// The server is too busy.
    DIAMETER_TOO_BUSY = 3004;
    /// A forwarding loop was found.
    DIAMETER_LOOP_DETECTED = 3005;
    /// The request should be redirected.
    DIAMETER_REDIRECT_INDICATION = 3006;
    /// The application is not supported.
    DIAMETER_APPLICATION_UNSUPPORTED = 3007;
    /// Invalid header bits.
    DIAMETER_INVALID_HDR_BITS = 3008;
    /// Invalid AVP bits.
    DIAMETER_INVALID_AVP_BITS = 3009;
    /// The peer is not known.
    DIAMETER_UNKNOWN_PEER = 3010;
    /// Authentication failed.
    DIAMETER_AUTHENTICATION_REJECTED = 4001;
    /// No space to store the request.
    DIAMETER_OUT_OF_SPACE = 4002;
    /// Lost the peer election.
    ELECTION_LOST = 4003;
    /// An M-bit AVP is not supported.
    DIAMETER_AVP_UNSUPPORTED = 5001;
    /// The Session-Id is unknown.
    DIAMETER_UNKNOWN_SESSION_ID = 5002;
    /// The user is not authorized.
    DIAMETER_AUTHORIZATION_REJECTED = 5003;
    /// An AVP has an invalid value.
    DIAMETER_INVALID_AVP_VALUE = 5004;
    /// A required AVP is missing.
    DIAMETER_MISSING_AVP = 5005;
    /// Resources are exhausted.
    DIAMETER_RESOURCES_EXCEEDED = 5006;
    /// AVPs contradict each other.
    DIAMETER_CONTRADICTING_AVPS = 5007;
    /// An AVP is not allowed here.
    DIAMETER_AVP_NOT_ALLOWED = 5008;
    /// An AVP occurs too many times.
    DIAMETER_AVP_OCCURS_TOO_MANY_TIMES = 5009;
    /// No common application with the peer.
    DIAMETER_NO_COMMON_APPLICATION = 5010;
    /// The protocol version is not supported.
    DIAMETER_UNSUPPORTED_VERSION = 5011;
    /// The request cannot be served.
    DIAMETER_UNABLE_TO_COMPLY = 5012;
    /// A reserved header bit is set.
    DIAMETER_INVALID_BIT_IN_HEADER = 5013;
    /// An AVP has an invalid length.
    DIAMETER_INVALID_AVP_LENGTH = 5014;
    /// The message has an invalid length.
    DIAMETER_INVALID_MESSAGE_LENGTH = 5015;
    /// Invalid AVP flag combination.
    DIAMETER_INVALID_AVP_BIT_COMBO = 5016;
    /// No common security mechanism.
    DIAMETER_NO_COMMON_SECURITY = 5017;
}

/// Name of an Experimental-Result-Code from `vendor`, read in the context of
/// application `app` (the 3GPP codes differ between Cx and S6a).
pub fn experimental_result_name(vendor: u32, app: u32, code: u32) -> Option<&'static str> {
    if vendor != VENDOR_3GPP {
        return None;
    }
    match app {
        APP_S6A => s6a::name(code),
        APP_CX => cx::name(code),
        _ => cx::name(code).or_else(|| s6a::name(code)),
    }
}

/// True for the success class (2xxx) of result codes (RFC 6733 7.1: 1xxx
/// informational, 2xxx success, 3xxx protocol error, 4xxx transient and 5xxx
/// permanent failure).
pub fn is_success(code: u32) -> bool {
    (2000..3000).contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_constants() {
        assert_eq!(result_code_name(2001), Some("DIAMETER_SUCCESS"));
        assert_eq!(result_code_name(5012), Some("DIAMETER_UNABLE_TO_COMPLY"));
        assert_eq!(result_code_name(42), None);
        assert_eq!(cx::DIAMETER_ERROR_FEATURE_UNSUPPORTED, 5011);
    }

    #[test]
    fn experimental_names_depend_on_application() {
        assert_eq!(
            experimental_result_name(VENDOR_3GPP, APP_CX, 2001),
            Some("DIAMETER_FIRST_REGISTRATION")
        );
        assert_eq!(
            experimental_result_name(VENDOR_3GPP, APP_S6A, 5420),
            Some("DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION")
        );
        assert_eq!(experimental_result_name(VENDOR_3GPP, APP_S6A, 2001), None);
        assert_eq!(experimental_result_name(1, APP_CX, 2001), None);
        assert!(is_success(2002) && !is_success(5001));
    }
}
