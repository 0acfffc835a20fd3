//! SIP plumbing the three CSCFs share on Mw: which node a URI's host is
//! ([`SipDirectory`]), the proxy edits of RFC 3261 16.6 (Via, Route,
//! Max-Forwards), deterministic branches and tags, and the table of
//! forwarded requests waiting for their final response ([`Pending`]).
//!
//! Mw is SIP bytes on [`Iface::Mw`] (the pcap shows
//! them as UDP 5060). The simulated links do not lose messages, so the
//! CSCFs retransmit nothing; a forwarded request that gets no final
//! response is given up after Timer C/F (64*T1 = 32 s, RFC 3261 17.1.2.2)
//! and answered 408 upstream.

use crate::codec::sip::headers::{Header, canonical_name};
use crate::codec::sip::txn::MAGIC_COOKIE;
use crate::codec::sip::{Contacts, NameAddr, SipMessage, Uri, Via};
use crate::nodes::{Iface, NodeEvent, NodeId, Output, Time, Transmit};
use crate::topology::{SipHost, Topology};
use bytes::Bytes;
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::Duration;

/// How long a forwarded request waits for its final response: 64*T1
/// (RFC 3261 17.1.2.2 Timer F, 16.6 step 11 Timer C for non-INVITE).
pub const TRANSACTION_TIMEOUT: Duration = Duration::from_secs(32);

/// The transport word of Via entries on Mw.
pub const MW_TRANSPORT: &str = "UDP";

/// The CSCFs of a topology by SIP host name and by core address, built
/// once when a node starts so that routing a message costs one lookup.
#[derive(Debug, Clone, Default)]
pub struct SipDirectory {
    by_host: HashMap<String, NodeId>,
    by_addr: HashMap<IpAddr, NodeId>,
}

impl SipDirectory {
    /// Every CSCF of `topo`.
    pub fn new(topo: &Topology) -> Self {
        let mut d = Self::default();
        for (i, n) in topo.nodes.iter().enumerate() {
            if let Some(sip) = n.kind.sip_host() {
                let id = NodeId(i as u32);
                d.by_host.insert(sip.host.to_ascii_lowercase(), id);
                d.by_addr.insert(n.addr, id);
            }
        }
        d
    }

    /// The CSCF whose host (name, or core address) is `host`.
    pub fn node_of_host(&self, host: &str) -> Option<NodeId> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(a) = bare.parse::<IpAddr>() {
            return self.by_addr.get(&a).copied();
        }
        self.by_host.get(&bare.to_ascii_lowercase()).copied()
    }

    /// The CSCF a SIP URI points at.
    pub fn node_of(&self, uri: &Uri) -> Option<NodeId> {
        uri.as_sip().and_then(|u| self.node_of_host(&u.host))
    }
}

/// True when `uri` is a SIP URI on `me` (host compared without case; the
/// port must match when the URI gives one, 5060 when it does not).
pub fn is_me(me: &SipHost, uri: &Uri) -> bool {
    uri.as_sip().is_some_and(|u| {
        u.host.eq_ignore_ascii_case(&me.host) && u.port.unwrap_or(SipHost::DEFAULT_PORT) == me.port
    })
}

/// Deterministic branches (RFC 3261 8.1.1.7: they start with the magic
/// cookie and are unique per node) and tags.
#[derive(Debug, Clone)]
pub struct Ids {
    prefix: String,
    next: u64,
}

impl Ids {
    /// Ids of a node called `name`.
    pub fn new(name: &str) -> Self {
        Self {
            prefix: name.to_string(),
            next: 0,
        }
    }

    fn bump(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    /// A new branch: `z9hG4bK-<name>-<n>`.
    pub fn branch(&mut self) -> String {
        let n = self.bump();
        format!("{MAGIC_COOKIE}-{}-{n}", self.prefix)
    }

    /// A new tag or identifier: `<name>-<n>`.
    pub fn tag(&mut self) -> String {
        let n = self.bump();
        format!("{}-{n}", self.prefix)
    }
}

/// Replaces every `name` header line with one line listing `values`, where
/// the first of them stood (else after the last Via, else at the end).
pub fn set_list(msg: &mut SipMessage, name: &str, values: &[String]) {
    let pos = msg
        .headers
        .iter()
        .position(|h| h.is(name))
        .or_else(|| msg.headers.iter().rposition(|h| h.is("Via")).map(|i| i + 1));
    msg.headers.retain(|h| !h.is(name));
    if values.is_empty() {
        return;
    }
    let line = Header::new(canonical_name(name), values.join(", "));
    match pos {
        Some(p) if p <= msg.headers.len() => msg.headers.insert(p, line),
        _ => msg.headers.push(line),
    }
}

/// Puts `via` on top (RFC 3261 16.6 step 8), on its own line.
pub fn push_via(msg: &mut SipMessage, via: &Via) {
    let at = msg.headers.iter().position(|h| h.is("Via")).unwrap_or(0);
    msg.headers.insert(at, Header::new("Via", via.to_string()));
}

/// Removes the top Via entry (RFC 3261 16.7 step 3) and returns it.
pub fn pop_via(msg: &mut SipMessage) -> Option<Via> {
    let i = msg.headers.iter().position(|h| h.is("Via"))?;
    let line = SipMessage {
        headers: vec![msg.headers[i].clone()],
        ..SipMessage::response(200, "")
    };
    let mut values: Vec<String> = line
        .list_values("Via")
        .iter()
        .map(|s| s.to_string())
        .collect();
    if values.is_empty() {
        msg.headers.remove(i);
        return None;
    }
    let top = Via::parse(&values.remove(0)).ok();
    if values.is_empty() {
        msg.headers.remove(i);
    } else {
        msg.headers[i].value = values.join(", ");
    }
    top
}

/// Removes the first Route entry when it is `me` (loose routing, RFC 3261
/// 16.4); true when it did.
pub fn pop_own_route(msg: &mut SipMessage, me: &SipHost) -> bool {
    let Ok(mut route) = msg.route() else {
        return false;
    };
    if route.first().is_some_and(|r| is_me(me, &r.uri)) {
        route.remove(0);
        let values: Vec<String> = route.iter().map(NameAddr::to_string).collect();
        set_list(msg, "Route", &values);
        true
    } else {
        false
    }
}

/// Decrements Max-Forwards (70 when absent, RFC 3261 16.6 step 3); false
/// when it was already 0 (the proxy answers 483 Too Many Hops).
pub fn decrement_max_forwards(msg: &mut SipMessage) -> bool {
    match msg.max_forwards() {
        Ok(Some(0)) => false,
        Ok(Some(n)) => {
            msg.set_header("Max-Forwards", n - 1);
            true
        }
        _ => {
            msg.set_header("Max-Forwards", 69);
            true
        }
    }
}

/// A response to `req` with a To tag (RFC 3261 8.2.6).
pub fn reply(req: &SipMessage, code: u16, reason: &str, tag: &str) -> SipMessage {
    SipMessage::response_to(req, code, reason).with_to_tag(tag)
}

/// The URI a request is routed to next: the first Route entry, else the
/// Request-URI (RFC 3261 16.6 step 6-7, 16.12).
pub fn next_hop(msg: &SipMessage) -> Option<Uri> {
    match msg.route() {
        Ok(r) if !r.is_empty() => Some(r[0].uri.clone()),
        _ => msg.request_uri().cloned(),
    }
}

/// The address-of-record form of a URI: `sip:user@host` without port and
/// parameters, `tel:` numbers as written; how the CSCFs key public
/// identities.
pub fn aor(uri: &Uri) -> String {
    match uri {
        Uri::Sip(u) => u.aor(),
        Uri::Tel(t) => format!("tel:{}", t.number),
        Uri::Other(s) => s.clone(),
    }
}

/// The private identity of a REGISTER: the `username` of its Digest
/// credentials, else derived from the public identity in To by dropping the
/// scheme, port and parameters (TS 24.229 5.3.1.2, 5.4.1.2.1).
pub fn impi_of(msg: &SipMessage) -> Option<String> {
    if let Some(d) = msg
        .authorization()
        .ok()
        .and_then(|c| c.into_iter().find_map(|c| c.digest().cloned()))
        && !d.username.is_empty()
    {
        return Some(d.username);
    }
    let to = msg.to().ok()?;
    match &to.uri {
        Uri::Sip(u) => Some(match &u.user {
            Some(user) => format!("{user}@{}", u.host),
            None => u.host.clone(),
        }),
        Uri::Tel(t) => Some(t.number.clone()),
        Uri::Other(_) => None,
    }
}

/// The IMSI a derived identity carries (`001010000000001@ims...`), for
/// `Transmit.imsi` and Notes.
pub fn imsi_hint(identity: &str) -> Option<u64> {
    let id = identity
        .strip_prefix("sip:")
        .or_else(|| identity.strip_prefix("sips:"))
        .unwrap_or(identity);
    let user = id.split('@').next()?;
    if user.is_empty() || user.len() > 15 || !user.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    user.parse().ok()
}

/// Which subscriber (IMSI) an IMS identity belongs to, for
/// `Transmit.imsi` and Notes: the identities of the topology's subscribers
/// and of its UEs' ISIMs (a CSCF of the simulator may know the whole
/// topology; a real one would learn it from the HSS). Derived identities
/// carry their IMSI and need no entry.
#[derive(Debug, Clone, Default)]
pub struct Subscribers {
    by_identity: HashMap<String, u64>,
}

impl Subscribers {
    /// The identities of `topo`.
    pub fn new(topo: &Topology) -> Self {
        let mut by_identity = HashMap::new();
        let mut add = |id: &str, imsi: u64| {
            if imsi_hint(id) != Some(imsi) {
                by_identity.insert(bare(id).to_ascii_lowercase(), imsi);
            }
        };
        for s in &topo.subscribers {
            let (Some(imsi), Some(isim)) = (imsi_hint(&s.imsi), &s.ims) else {
                continue;
            };
            add(&isim.impi, imsi);
            for u in &isim.impus {
                add(u, imsi);
            }
        }
        for (_, ue) in topo.ues() {
            let (Some(imsi), Some(isim)) = (imsi_hint(&ue.imsi), &ue.isim) else {
                continue;
            };
            add(&isim.impi, imsi);
            for u in &isim.impus {
                add(u, imsi);
            }
        }
        Self { by_identity }
    }

    /// The subscriber of a private or public identity (`sip:` URI, bare
    /// `user@host`, or `tel:` URI).
    pub fn imsi(&self, identity: &str) -> Option<u64> {
        imsi_hint(identity).or_else(|| {
            if self.by_identity.is_empty() {
                return None;
            }
            let key = bare(identity).to_ascii_lowercase();
            self.by_identity.get(&key).copied()
        })
    }

    /// The subscriber a message concerns: its To, else its From, else its
    /// Request-URI.
    pub fn imsi_of(&self, msg: &SipMessage) -> Option<u64> {
        let uri = |u: &Uri| self.imsi(&aor(u));
        msg.to()
            .ok()
            .and_then(|t| uri(&t.uri))
            .or_else(|| msg.from().ok().and_then(|f| uri(&f.uri)))
            .or_else(|| msg.request_uri().and_then(uri))
    }
}

/// An identity without `sip:`/`sips:`, port or parameters.
fn bare(identity: &str) -> &str {
    let id = identity
        .strip_prefix("sip:")
        .or_else(|| identity.strip_prefix("sips:"))
        .unwrap_or(identity);
    id.split([';', '>']).next().unwrap_or(id)
}

/// The expiry a REGISTER asks for one contact: its `expires` parameter,
/// else the Expires header, else `default` (RFC 3261 10.2.1.1).
pub fn contact_expires(msg: &SipMessage, contact: &NameAddr, default: u32) -> u32 {
    contact
        .expires()
        .or_else(|| msg.expires().ok().flatten())
        .unwrap_or(default)
}

/// True for a REGISTER that removes bindings only: `Contact: *`, or every
/// contact with expiry 0 (RFC 3261 10.2.2).
pub fn is_deregistration(msg: &SipMessage) -> bool {
    match msg.contacts() {
        Ok(Contacts::Wildcard) => true,
        Ok(Contacts::List(l)) if !l.is_empty() => l.iter().all(|c| contact_expires(msg, c, 1) == 0),
        _ => false,
    }
}

/// What a node has to say: outputs in order, and its counters.
#[derive(Debug, Default)]
pub struct Outbox {
    out: VecDeque<Output>,
    counters: HashMap<&'static str, u64>,
}

impl Outbox {
    /// Counts one more `name` (and tells observers).
    pub fn bump(&mut self, name: &'static str) {
        let v = self.counters.entry(name).or_insert(0);
        *v += 1;
        let value = *v;
        self.out
            .push_back(Output::Event(NodeEvent::Counter { name, value }));
    }

    /// The value of counter `name`.
    pub fn counter(&self, name: &str) -> u64 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    /// A Note in plain words.
    pub fn note(&mut self, imsi: Option<u64>, text: impl Into<String>) {
        self.out.push_back(Output::Event(NodeEvent::Note {
            imsi,
            text: text.into(),
        }));
    }

    /// Bytes on `iface` to `to`.
    pub fn send(&mut self, iface: Iface, to: NodeId, bytes: Vec<u8>, imsi: Option<u64>) {
        self.out.push_back(Output::Transmit(Transmit {
            iface,
            to,
            bytes: Bytes::from(bytes),
            stream: 0,
            imsi,
        }));
    }

    /// A SIP message on Mw.
    pub fn sip(&mut self, to: NodeId, msg: &SipMessage, imsi: Option<u64>) {
        self.send(Iface::Mw, to, msg.encode(), imsi);
    }

    /// Any other output.
    pub fn push(&mut self, o: Output) {
        self.out.push_back(o);
    }

    /// The next output.
    pub fn pop(&mut self) -> Option<Output> {
        self.out.pop_front()
    }
}

/// Requests forwarded and waiting for a final response, by the branch
/// this node put in its Via, each with its give-up time.
#[derive(Debug)]
pub struct Pending<T> {
    map: HashMap<String, (Time, T)>,
    order: VecDeque<(Time, String)>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Self {
            map: HashMap::new(),
            order: VecDeque::new(),
        }
    }
}

impl<T> Pending<T> {
    /// Remembers `value` under `branch` until `now` + [`TRANSACTION_TIMEOUT`].
    pub fn insert(&mut self, now: Time, branch: String, value: T) {
        let due = now + TRANSACTION_TIMEOUT;
        self.order.push_back((due, branch.clone()));
        self.map.insert(branch, (due, value));
    }

    /// The entry of `branch`, which stays (provisional responses).
    pub fn get(&self, branch: &str) -> Option<&T> {
        self.map.get(branch).map(|(_, v)| v)
    }

    /// Takes the entry of `branch` (a final response arrived).
    pub fn take(&mut self, branch: &str) -> Option<T> {
        let v = self.map.remove(branch).map(|(_, v)| v);
        self.drop_stale_front();
        v
    }

    /// Keeps the front of the deadline queue live, so that [`Self::next_due`]
    /// looks at one entry.
    fn drop_stale_front(&mut self) {
        while let Some((due, b)) = self.order.front() {
            if self.map.get(b).is_some_and(|(d, _)| d == due) {
                break;
            }
            self.order.pop_front();
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when nothing waits.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Takes every entry whose time is up.
    pub fn expire(&mut self, now: Time) -> Vec<(String, T)> {
        let mut out = Vec::new();
        while let Some((due, _)) = self.order.front() {
            if *due > now {
                break;
            }
            let Some((due, branch)) = self.order.pop_front() else {
                break;
            };
            // Skip entries already answered, or re-inserted later.
            if self.map.get(&branch).is_some_and(|(d, _)| *d == due)
                && let Some((_, v)) = self.map.remove(&branch)
            {
                out.push((branch, v));
            }
        }
        self.drop_stale_front();
        out
    }

    /// When the next entry gives up.
    pub fn next_due(&self) -> Option<Time> {
        self.order.front().map(|(due, _)| *due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::sip::Method;

    fn msg() -> SipMessage {
        SipMessage::decode(
            b"MESSAGE sip:b@ims.example SIP/2.0\r\n\
Via: SIP/2.0/UDP p.ims.example;branch=z9hG4bK-a, SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bK-ue\r\n\
Route: <sip:orig@s.ims.example:6060;lr>, <sip:x.ims.example;lr>\r\n\
Max-Forwards: 1\r\n\
From: <sip:a@ims.example>;tag=1\r\nTo: <sip:b@ims.example>\r\nCall-ID: c\r\nCSeq: 1 MESSAGE\r\n\
Content-Length: 0\r\n\r\n",
        )
        .unwrap()
    }

    fn host(h: &str, port: u16) -> SipHost {
        SipHost {
            host: h.into(),
            port,
        }
    }

    #[test]
    fn proxy_edits_vias_routes_and_max_forwards() {
        let mut m = msg();
        push_via(
            &mut m,
            &Via::new("UDP", "s.ims.example", Some(6060), "z9hG4bK-s-1"),
        );
        assert_eq!(m.via().unwrap().len(), 3);
        assert_eq!(
            m.headers[0].value,
            "SIP/2.0/UDP s.ims.example:6060;branch=z9hG4bK-s-1"
        );
        let top = pop_via(&mut m).unwrap();
        assert_eq!(top.branch().as_deref(), Some("z9hG4bK-s-1"));
        let top = pop_via(&mut m).unwrap();
        assert_eq!(top.host, "p.ims.example");
        assert_eq!(m.via().unwrap()[0].host, "10.0.0.2");
        assert!(!pop_own_route(&mut m, &host("x.ims.example", 5060)));
        assert!(pop_own_route(&mut m, &host("S.IMS.example", 6060)));
        assert_eq!(m.header("Route"), Some("<sip:x.ims.example;lr>"));
        assert!(pop_own_route(&mut m, &host("x.ims.example", 5060)));
        assert_eq!(m.header("Route"), None);
        assert_eq!(next_hop(&m).unwrap().to_string(), "sip:b@ims.example");
        assert!(decrement_max_forwards(&mut m));
        assert!(!decrement_max_forwards(&mut m));
        let r = reply(&m, 483, "", "t1");
        assert_eq!(r.status(), Some(483));
        assert_eq!(r.to().unwrap().tag().as_deref(), Some("t1"));
        assert_eq!(r.cseq().unwrap().method, Method::Message);
    }

    #[test]
    fn pending_expires_in_order_and_skips_answered() {
        let mut p: Pending<u32> = Pending::default();
        p.insert(Time::ZERO, "a".into(), 1);
        p.insert(Time::from_secs(1), "b".into(), 2);
        assert_eq!(p.take("a"), Some(1));
        assert_eq!(p.next_due(), Some(Time::from_secs(33)));
        assert!(p.expire(Time::from_secs(32)).is_empty());
        assert_eq!(p.expire(Time::from_secs(33)), vec![("b".to_string(), 2)]);
        assert!(p.is_empty());
        assert_eq!(p.next_due(), None);
    }

    #[test]
    fn ids_start_with_the_magic_cookie() {
        let mut ids = Ids::new("pcscf");
        assert_eq!(ids.branch(), "z9hG4bK-pcscf-1");
        assert_eq!(ids.tag(), "pcscf-2");
    }

    #[test]
    fn aor_drops_port_and_parameters() {
        let u = Uri::parse("sip:a@h.example:5070;transport=tcp").unwrap();
        assert_eq!(aor(&u), "sip:a@h.example");
        assert_eq!(
            aor(&Uri::parse("tel:+1555;phone-context=x").unwrap()),
            "tel:+1555"
        );
        assert!(is_me(&host("h.example", 5070), &u));
        assert!(!is_me(&host("h.example", 5060), &u));
    }
}
