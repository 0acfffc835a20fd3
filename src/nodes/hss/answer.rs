//! Error answers for requests the HSS cannot serve as asked: missing or
//! invalid AVPs (RFC 6733 7.5 Failed-AVP), and requests whose AVPs could not
//! even be parsed.

use crate::codec::diameter::dict::{self, AvpDef, AvpType};
use crate::codec::diameter::header::{CommandFlags, HEADER_LEN, Header};
use crate::codec::diameter::{Avp, AvpValue, Message};
use crate::nodes::diameter_peer::LocalIdentity;

/// A required AVP of a request, with the length of the zero-filled example
/// put in Failed-AVP when it is missing (RFC 6733 7.5: "an example of the
/// missing AVP ... of correct minimum length and contain zeroes").
pub(super) type Required = (AvpDef, usize);

/// Minimum data length of an AVP of type `ty`.
const fn min_len(ty: AvpType) -> usize {
    match ty {
        AvpType::Integer32
        | AvpType::Unsigned32
        | AvpType::Float32
        | AvpType::Enumerated
        | AvpType::Time => 4,
        AvpType::Integer64 | AvpType::Unsigned64 | AvpType::Float64 => 8,
        AvpType::Address => 6,
        _ => 0,
    }
}

/// `def` with its type's minimum length.
pub(super) const fn req(def: AvpDef) -> Required {
    (def, min_len(def.ty))
}

/// The first required AVP absent from the top level of `msg`, as the
/// example AVP Failed-AVP carries.
pub(super) fn missing(msg: &Message, required: &[Required]) -> Option<Avp> {
    required
        .iter()
        .find(|(def, _)| !msg.avps.iter().any(|a| def.matches(a)))
        .map(|(def, len)| example(def, *len))
}

/// A zero-filled AVP with `def`'s code, vendor and flags.
pub(super) fn example(def: &AvpDef, len: usize) -> Avp {
    match def.ty {
        AvpType::Grouped => def.grouped(Vec::new()),
        _ => def.avp(AvpValue::Raw(vec![0; len])),
    }
}

/// The top-level AVP of `msg` that covers byte `offset` of the message (a
/// typed decoder's error offset), for Failed-AVP.
pub(super) fn avp_at(msg: &Message, offset: usize) -> Option<Avp> {
    let mut at = HEADER_LEN;
    for a in &msg.avps {
        let end = at + a.encoded_len();
        if (at..end).contains(&offset) {
            return Some(a.clone());
        }
        at = end;
    }
    None
}

/// The answer header for request header `h`: R cleared, P kept, E set for a
/// protocol error (RFC 6733 3, 7.1.3).
pub(super) fn answer_header(h: &Header, code: u32) -> Header {
    let mut a = *h;
    a.flags = CommandFlags(0)
        .with(CommandFlags::PROXIABLE, h.flags.is_proxiable())
        .with(CommandFlags::ERROR, (3000..4000).contains(&code));
    a
}

/// An answer to `request` with Result-Code `code`: Session-Id (when the
/// request had one), Auth-Session-State NO_STATE_MAINTAINED for
/// application answers (S6a and Cx keep no session state), our identity,
/// Error-Message, Failed-AVP and the request's Proxy-Info AVPs (RFC 6733
/// 6.7.2 wants them back in order).
pub(super) fn error_answer(
    local: &LocalIdentity,
    request: &Message,
    code: u32,
    failed: Option<Avp>,
    text: &str,
) -> Vec<u8> {
    error_answer_for(local, &request.header, Some(request), code, failed, text)
}

/// [`error_answer`] when only the request's header could be read.
pub(super) fn error_answer_for(
    local: &LocalIdentity,
    header: &Header,
    request: Option<&Message>,
    code: u32,
    failed: Option<Avp>,
    text: &str,
) -> Vec<u8> {
    let mut avps = Vec::new();
    if let Some(sid) = request.and_then(Message::session_id) {
        avps.push(dict::SESSION_ID.utf8(sid));
    }
    avps.push(dict::RESULT_CODE.u32(code));
    if header.application != dict::APP_COMMON {
        // Auth-Session-State NO_STATE_MAINTAINED (RFC 6733 8.11).
        avps.push(dict::AUTH_SESSION_STATE.u32(1));
    }
    avps.push(dict::ORIGIN_HOST.utf8(&local.host));
    avps.push(dict::ORIGIN_REALM.utf8(&local.realm));
    avps.push(dict::ERROR_MESSAGE.utf8(text));
    if let Some(f) = failed {
        avps.push(dict::FAILED_AVP.grouped(vec![f]));
    }
    if let Some(req) = request {
        avps.extend(req.avps(dict::PROXY_INFO.code, None).cloned());
    }
    Message::new(answer_header(header, code), avps).encode()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::diameter::result;

    fn local() -> LocalIdentity {
        LocalIdentity {
            host: "hss".into(),
            realm: "realm".into(),
            ip: "127.0.0.2".parse().unwrap(),
            product: "volte-sim".into(),
            applications: vec![dict::APP_S6A],
        }
    }

    #[test]
    fn error_answer_names_missing_avp_and_keeps_ids() {
        let h = Header::new(
            CommandFlags(CommandFlags::REQUEST | CommandFlags::PROXIABLE),
            318,
            dict::APP_S6A,
            7,
            9,
        );
        let req = Message::new(h, vec![dict::SESSION_ID.utf8("mme;1")]);
        let example = missing(
            &req,
            &[req_def(dict::SESSION_ID), (dict::VISITED_PLMN_ID, 3)],
        )
        .unwrap();
        assert_eq!(example.code, 1407);
        assert_eq!(example.vendor, Some(10415));
        let bytes = error_answer(
            &local(),
            &req,
            result::DIAMETER_MISSING_AVP,
            Some(example),
            "missing Visited-PLMN-Id",
        );
        let a = Message::decode(&bytes).unwrap();
        assert!(!a.is_request());
        assert!(!a.header.flags.is_error());
        assert!(a.header.flags.is_proxiable());
        assert_eq!((a.header.hop_by_hop, a.header.end_to_end), (7, 9));
        assert_eq!(a.result_code(), Some(5005));
        assert_eq!(a.session_id(), Some("mme;1"));
        let failed = a.avp(279, None).unwrap().grouped().unwrap();
        assert_eq!(failed[0].code, 1407);
        assert_eq!(failed[0].octets().unwrap(), [0, 0, 0]);
    }

    fn req_def(d: AvpDef) -> Required {
        req(d)
    }

    #[test]
    fn avp_at_finds_the_covering_avp() {
        let m = Message::new(
            Header::default(),
            vec![dict::SESSION_ID.utf8("abc"), dict::USER_NAME.utf8("001")],
        );
        // Session-Id: 8 header + 3 data + 1 pad = 12 bytes from offset 20.
        assert_eq!(avp_at(&m, 20).unwrap().code, 263);
        assert_eq!(avp_at(&m, 31).unwrap().code, 263);
        assert_eq!(avp_at(&m, 32).unwrap().code, 1);
        assert!(avp_at(&m, 500).is_none());
    }
}
