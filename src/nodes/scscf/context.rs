//! What the S-CSCF keeps per user: the pending AKA challenge, and once
//! registered the implicit registration set from the HSS, the contact
//! bindings of the registrar (RFC 3261 10.3) with their Path, and the reg
//! event subscriptions (RFC 3680) with their dialogs.

use crate::codec::sip::{Contacts, NameAddr, SipMessage, Uri};
use crate::nodes::Time;
use crate::nodes::sip_proxy::contact_expires;
use std::time::Duration;

/// How long a challenge waits for its answer: the reg-await-auth timer
/// (TS 24.229 7.7, 4 minutes).
pub const REG_AWAIT_AUTH: Duration = Duration::from_secs(240);

/// The longest reg event subscription granted (TS 24.229 5.4.2.1.1 lets
/// the S-CSCF choose; the UEs ask 600000 s).
pub const MAX_SUBSCRIPTION: u32 = 600_000;

/// An AKA challenge sent in a 401 and not yet answered (TS 33.203 6.1).
#[derive(Clone, PartialEq, Eq)]
pub struct Challenge {
    /// The `nonce`: base64(RAND || AUTN).
    pub nonce: String,
    /// XRES: the password the response must be computed with.
    pub xres: Vec<u8>,
    /// The public identity being registered.
    pub impu: String,
    /// When it is given up.
    pub expires_at: Time,
}

impl std::fmt::Debug for Challenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Challenge")
            .field("nonce", &self.nonce)
            .field("xres", &"<redacted>")
            .field("impu", &self.impu)
            .finish()
    }
}

/// One public identity of the implicit registration set (from User-Data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicIdentity {
    /// SIP or tel URI.
    pub uri: String,
    /// Barred: not listed in P-Associated-URI, not usable.
    pub barred: bool,
}

/// A contact bound to the registration (RFC 3261 10.3 step 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Contact id in reginfo documents (`c<id>`).
    pub id: u32,
    /// The Contact as registered, with its parameters (`+sip.instance`...).
    pub contact: NameAddr,
    /// What identifies the binding: `+sip.instance` when given (RFC 5626),
    /// else the contact URI without parameters.
    pub key: String,
    /// When it expires.
    pub expires_at: Time,
    /// Call-ID of the REGISTER that set it.
    pub call_id: String,
    /// CSeq of that REGISTER.
    pub cseq: u32,
    /// The Path of that REGISTER (RFC 3327): how to reach the contact.
    pub path: Vec<String>,
    /// Its last reg event (`registered`, `refreshed`, `shortened`).
    pub event: &'static str,
}

impl Binding {
    /// Seconds left at `now`, rounded up.
    pub fn remaining(&self, now: Time) -> u32 {
        let us = (self.expires_at - now).as_micros();
        u32::try_from(us.div_ceil(1_000_000)).unwrap_or(u32::MAX)
    }
}

/// A reg event subscription (RFC 6665 dialog, RFC 3680 notifier side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// Call-ID of the dialog.
    pub call_id: String,
    /// Our tag (the SUBSCRIBE's To tag we chose; NOTIFY's From tag).
    pub local_tag: String,
    /// The subscriber's tag.
    pub remote_tag: String,
    /// The subscriber's identity (its From), NOTIFY's To.
    pub remote_uri: String,
    /// The registration's AoR the subscription is for (NOTIFY's From).
    pub aor: String,
    /// Where NOTIFYs go: the SUBSCRIBE's Contact.
    pub target: Uri,
    /// The route set: the SUBSCRIBE's Record-Route entries.
    pub route: Vec<String>,
    /// CSeq of our last NOTIFY.
    pub cseq: u32,
    /// reginfo version of the next NOTIFY (RFC 3680 5.2: 0, 1, 2...).
    pub version: u32,
    /// When it ends.
    pub expires_at: Time,
}

/// A registered user: one implicit registration set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The private identity.
    pub impi: String,
    /// The public identity that registered.
    pub impu: String,
    /// The implicit registration set from the HSS.
    pub profile: Vec<PublicIdentity>,
    /// Contact bindings.
    pub bindings: Vec<Binding>,
    /// Reg event subscriptions.
    pub subscriptions: Vec<Subscription>,
    /// Next binding id.
    pub next_id: u32,
}

impl Registration {
    /// The public identities usable by the user: the registered one first,
    /// then the rest of the set, barred ones left out (TS 24.229
    /// 5.4.1.2.2: P-Associated-URI).
    pub fn associated(&self) -> Vec<String> {
        let mut v = vec![self.impu.clone()];
        v.extend(
            self.profile
                .iter()
                .filter(|p| !p.barred && p.uri != self.impu)
                .map(|p| p.uri.clone()),
        );
        v
    }

    /// The earliest binding or subscription expiry.
    pub fn next_expiry(&self) -> Option<Time> {
        self.bindings
            .iter()
            .map(|b| b.expires_at)
            .chain(self.subscriptions.iter().map(|s| s.expires_at))
            .min()
    }
}

/// What a REGISTER does to the bindings (RFC 3261 10.3 steps 6-7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The bindings after the REGISTER.
    pub bindings: Vec<Binding>,
    /// Bindings it removed, with their reg event.
    pub removed: Vec<(Binding, &'static str)>,
    /// The next binding id after it.
    pub next_id: u32,
    /// True when it changed nothing (a query).
    pub query: bool,
}

/// Why a REGISTER cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 423 Interval Too Brief with Min-Expires (RFC 3261 10.3 step 7).
    TooBrief(u32),
    /// 400: `Contact: *` needs Expires: 0 and no other contact (10.3 step 6).
    BadWildcard,
    /// 500: a CSeq not above the stored one for the same Call-ID (10.3 step 7).
    OutOfOrder,
    /// 400: a Contact header that does not parse.
    BadContact(String),
}

/// The key of a contact: its instance id, else its URI without parameters.
pub fn binding_key(c: &NameAddr) -> String {
    if let Some(i) = c.instance() {
        return i;
    }
    match &c.uri {
        Uri::Sip(u) => {
            let port = u.port.unwrap_or(5060);
            let user = u.user.as_deref().unwrap_or("");
            format!("sip:{user}@{}:{port}", u.host.to_ascii_lowercase())
        }
        other => other.to_string(),
    }
}

/// Applies a REGISTER to `current` at `now` (RFC 3261 10.3 steps 6-7):
/// expiry per contact from its `expires` parameter or the Expires header,
/// clamped to `max`; shorter than `min` but not 0 is refused; 0 removes.
pub fn apply_register(
    current: &[Binding],
    next_id: u32,
    req: &SipMessage,
    now: Time,
    min: u32,
    max: u32,
) -> Result<Update, Refusal> {
    let contacts = req
        .contacts()
        .map_err(|e| Refusal::BadContact(e.what.clone()))?;
    let call_id = req.call_id().unwrap_or("").to_string();
    let cseq = req.cseq().map(|c| c.seq).unwrap_or(0);
    let path: Vec<String> = req
        .path()
        .map(|p| p.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    let mut bindings = current.to_vec();
    let mut removed = Vec::new();
    let mut next_id = next_id;
    let list = match contacts {
        Contacts::Wildcard => {
            if req.expires().ok().flatten() != Some(0) {
                return Err(Refusal::BadWildcard);
            }
            for b in bindings.drain(..) {
                if b.call_id == call_id && cseq <= b.cseq {
                    return Err(Refusal::OutOfOrder);
                }
                removed.push((b, "unregistered"));
            }
            return Ok(Update {
                bindings,
                removed,
                next_id,
                query: false,
            });
        }
        Contacts::List(l) => l,
    };
    if list.is_empty() {
        return Ok(Update {
            bindings,
            removed,
            next_id,
            query: true,
        });
    }
    for c in &list {
        let e = contact_expires(req, c, max);
        if e != 0 && e < min {
            return Err(Refusal::TooBrief(min));
        }
    }
    for c in list {
        let asked = contact_expires(req, &c, max);
        let granted = asked.min(max);
        let key = binding_key(&c);
        let mut contact = c.clone();
        contact.params.remove("expires");
        match bindings.iter().position(|b| b.key == key) {
            Some(i) => {
                if bindings[i].call_id == call_id && cseq <= bindings[i].cseq {
                    return Err(Refusal::OutOfOrder);
                }
                if granted == 0 {
                    let b = bindings.remove(i);
                    removed.push((b, "unregistered"));
                } else {
                    let b = &mut bindings[i];
                    let at = now + Duration::from_secs(u64::from(granted));
                    b.event = if at < b.expires_at {
                        "shortened"
                    } else {
                        "refreshed"
                    };
                    b.contact = contact;
                    b.expires_at = at;
                    b.call_id = call_id.clone();
                    b.cseq = cseq;
                    b.path = path.clone();
                }
            }
            None if granted == 0 => {}
            None => {
                next_id += 1;
                bindings.push(Binding {
                    id: next_id,
                    contact,
                    key,
                    expires_at: now + Duration::from_secs(u64::from(granted)),
                    call_id: call_id.clone(),
                    cseq,
                    path: path.clone(),
                    event: "registered",
                });
            }
        }
    }
    Ok(Update {
        bindings,
        removed,
        next_id,
        query: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register(contacts: &str, expires: Option<u32>, call_id: &str, cseq: u32) -> SipMessage {
        let mut s = format!(
            "REGISTER sip:ims.example SIP/2.0\r\nVia: SIP/2.0/UDP p.example;branch=z9hG4bK-1\r\n\
             From: <sip:a@ims.example>;tag=1\r\nTo: <sip:a@ims.example>\r\nCall-ID: {call_id}\r\n\
             CSeq: {cseq} REGISTER\r\nPath: <sip:term@p.example;lr>\r\n"
        );
        if !contacts.is_empty() {
            s.push_str(&format!("Contact: {contacts}\r\n"));
        }
        if let Some(e) = expires {
            s.push_str(&format!("Expires: {e}\r\n"));
        }
        s.push_str("Content-Length: 0\r\n\r\n");
        SipMessage::decode(s.as_bytes()).unwrap()
    }

    fn keys(u: &Update) -> Vec<(String, u32)> {
        u.bindings
            .iter()
            .map(|b| (b.key.clone(), b.remaining(Time::from_secs(10))))
            .collect()
    }

    #[test]
    fn registrar_adds_refreshes_removes_and_queries_contacts() {
        let now = Time::from_secs(10);
        let r = register("<sip:a@10.0.0.1:5060>", Some(600_000), "c1", 1);
        let u = apply_register(&[], 0, &r, now, 60, 600).unwrap();
        assert_eq!(keys(&u), [("sip:a@10.0.0.1:5060".to_string(), 600)]);
        assert_eq!(u.bindings[0].event, "registered");
        assert_eq!(u.bindings[0].path, ["<sip:term@p.example;lr>"]);
        // A second contact, with its own expiry parameter.
        let r = register("<sip:a@10.0.0.9>;expires=120", None, "c2", 1);
        let u = apply_register(&u.bindings, u.next_id, &r, now, 60, 600).unwrap();
        assert_eq!(
            keys(&u),
            [
                ("sip:a@10.0.0.1:5060".to_string(), 600),
                ("sip:a@10.0.0.9:5060".to_string(), 120)
            ]
        );
        assert_eq!(u.bindings[1].id, 2);
        // Refresh the first, shorter: "shortened".
        let r = register("<sip:a@10.0.0.1>;expires=300", None, "c1", 2);
        let u = apply_register(&u.bindings, u.next_id, &r, now, 60, 600).unwrap();
        assert_eq!(u.bindings[0].remaining(now), 300);
        assert_eq!(u.bindings[0].event, "shortened");
        // A query changes nothing.
        let q = apply_register(
            &u.bindings,
            u.next_id,
            &register("", None, "c3", 1),
            now,
            60,
            600,
        )
        .unwrap();
        assert!(q.query);
        assert_eq!(q.bindings, u.bindings);
        // Remove the second one.
        let r = register("<sip:a@10.0.0.9>", Some(0), "c2", 2);
        let u = apply_register(&u.bindings, u.next_id, &r, now, 60, 600).unwrap();
        assert_eq!(keys(&u), [("sip:a@10.0.0.1:5060".to_string(), 300)]);
        assert_eq!(u.removed[0].0.key, "sip:a@10.0.0.9:5060");
        assert_eq!(u.removed[0].1, "unregistered");
        // Wildcard with Expires: 0 removes all.
        let r = register("*", Some(0), "c9", 1);
        let u = apply_register(&u.bindings, u.next_id, &r, now, 60, 600).unwrap();
        assert!(u.bindings.is_empty());
        assert_eq!(u.removed.len(), 1);
    }

    #[test]
    fn registrar_refuses_brief_expiry_bad_wildcard_and_old_cseq() {
        let now = Time::ZERO;
        let r = register("<sip:a@10.0.0.1>;expires=30", None, "c1", 1);
        assert_eq!(
            apply_register(&[], 0, &r, now, 60, 600),
            Err(Refusal::TooBrief(60))
        );
        let r = register("*", Some(5), "c1", 1);
        assert_eq!(
            apply_register(&[], 0, &r, now, 60, 600),
            Err(Refusal::BadWildcard)
        );
        let r = register("<sip:a@10.0.0.1>", None, "c1", 5);
        let u = apply_register(&[], 0, &r, now, 60, 600).unwrap();
        assert_eq!(
            u.bindings[0].remaining(now),
            600,
            "no expiry asked: the maximum"
        );
        let r = register("<sip:a@10.0.0.1>", None, "c1", 5);
        assert_eq!(
            apply_register(&u.bindings, 1, &r, now, 60, 600),
            Err(Refusal::OutOfOrder)
        );
    }

    #[test]
    fn binding_key_prefers_the_instance_id() {
        let c = NameAddr::parse(
            "<sip:a@10.0.0.1:5070;transport=tcp>;+sip.instance=\"<urn:gsma:imei:1>\"",
        )
        .unwrap();
        assert_eq!(binding_key(&c), "<urn:gsma:imei:1>");
        let c = NameAddr::parse("<sip:a@HOST.example;transport=tcp>").unwrap();
        assert_eq!(binding_key(&c), "sip:a@host.example:5060");
    }
}
