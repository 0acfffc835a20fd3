//! The S-CSCF (TS 24.229 5.4): registrar and authenticator of its users,
//! and the proxy that routes their requests.
//!
//! - REGISTER ([`register`]): without credentials (or not integrity
//!   protected), MAR to the HSS and a 401 with the AKA challenge (nonce =
//!   base64(RAND || AUTN), ik and ck for the P-CSCF); with an answer, the
//!   response is checked against XRES (RFC 3310), then SAR and 200 OK with
//!   Service-Route, P-Associated-URI, the bindings and the Path. Several
//!   contacts per AoR (RFC 3261 10); expiry, de-registration, and timeout
//!   de-registration when the last binding expires.
//! - The reg event package (RFC 3680, [`reg_event`]): SUBSCRIBE, then a
//!   NOTIFY with the full state on every change.
//! - RTR from the HSS ([`cx`]): RTA, the bindings go, NOTIFY "terminated".
//! - Other requests ([`routing`]): originating ones (they arrive on the
//!   Service-Route) go to a user served here or to the I-CSCF; terminating
//!   ones go to the user's contact along its Path.
//!
//! Counters: `register`, `challenges`, `auth_ok`, `auth_failed`, `ue_mac_failure`, `resync`,
//! `registered`, `deregistered`, `expired`, `rejected`, `subscribe`,
//! `notify`, `rtr`, `forwarded`, `responses`, `not_registered`,
//! `decode_errors`, `cx_errors`, `cx_timeouts`, `timeouts`,
//! `stray_responses`, `too_many_hops`.

pub mod context;
pub mod cx;
pub mod profile;
pub mod reg_event;
pub mod register;
pub mod routing;
#[cfg(test)]
mod tests;

use crate::codec::sip::{Method, SipMessage, Via};
use crate::nodes::cx_client::{CxClient, CxReceived};
use crate::nodes::sip_proxy::{
    Ids, MW_TRANSPORT, Outbox, Pending, SipDirectory, Subscribers, decrement_max_forwards, is_me,
    reply,
};
use crate::nodes::{Iface, Input, Node, NodeId, Output, Time};
use crate::topology::{NodeKind, SipHost, Topology};
use context::{Challenge, Registration};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// The S-CSCF node.
pub struct SCscf {
    id: NodeId,
    sip: SipHost,
    server_name: String,
    domain: String,
    icscf: Option<NodeId>,
    max_expires: u32,
    min_expires: u32,
    dir: SipDirectory,
    /// Subscribers by IMS identity (for `Transmit.imsi` and Notes).
    subs: Subscribers,
    cx: CxClient<cx::CxTag>,
    /// Registered users by private identity.
    regs: HashMap<String, Registration>,
    /// Public identity (AoR) -> private identity, for every registered set.
    by_impu: HashMap<String, String>,
    /// Challenges sent, by private identity.
    challenges: HashMap<String, Challenge>,
    /// Requests proxied and waiting for their final response.
    pending: Pending<routing::Forwarded>,
    /// NOTIFYs sent and waiting for their response.
    notifies: Pending<reg_event::NotifySent>,
    /// When to look at a user again (binding, subscription, challenge expiry).
    timers: BTreeSet<(Time, String)>,
    ids: Ids,
    out: Outbox,
    started: bool,
}

impl std::fmt::Debug for SCscf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SCscf")
            .field("id", &self.id)
            .field("server_name", &self.server_name)
            .field("registered", &self.regs.len())
            .finish_non_exhaustive()
    }
}

impl SCscf {
    /// Builds the S-CSCF `id` of `topo`.
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not an S-CSCF.
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Scscf(spec) = &node.kind else {
            panic!("node {id} ({}) is not an S-CSCF", node.name)
        };
        let secs = |d: Duration| u32::try_from(d.as_secs()).unwrap_or(u32::MAX).max(1);
        Self {
            id,
            sip: spec.sip.clone(),
            server_name: spec.sip.uri(),
            domain: spec.domain.clone(),
            icscf: spec.icscf,
            max_expires: secs(spec.max_expires),
            min_expires: secs(spec.min_expires).min(secs(spec.max_expires)),
            dir: SipDirectory::new(topo),
            subs: Subscribers::new(topo),
            cx: CxClient::new(topo, id, &spec.diameter, spec.hss),
            regs: HashMap::new(),
            by_impu: HashMap::new(),
            challenges: HashMap::new(),
            pending: Pending::default(),
            notifies: Pending::default(),
            timers: BTreeSet::new(),
            ids: Ids::new(&node.name),
            out: Outbox::default(),
            started: false,
        }
    }

    /// The value of counter `name`.
    pub fn counter(&self, name: &str) -> u64 {
        self.out.counter(name)
    }

    /// The registration of a public identity, if registered here.
    pub fn registration(&self, impu: &str) -> Option<&Registration> {
        self.by_impu.get(impu).and_then(|i| self.regs.get(i))
    }

    /// The Server-Name (`sip:scscf...:6060`).
    pub fn server_name(&self) -> &str {
        &self.server_name
    }

    fn via(&mut self) -> Via {
        Via::new(
            MW_TRANSPORT,
            &self.sip.host,
            Some(self.sip.port),
            &self.ids.branch(),
        )
    }

    /// Answers `req` (from `to`) with `code`.
    fn respond(&mut self, to: NodeId, req: &SipMessage, code: u16, imsi: Option<u64>) {
        let tag = self.ids.tag();
        self.out.sip(to, &reply(req, code, "", &tag), imsi);
    }

    /// Looks at `impi` again at `at`.
    fn wake(&mut self, at: Time, impi: &str) {
        self.timers.insert((at, impi.to_string()));
    }

    fn receive_mw(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        let mut msg = match crate::codec::sip::decode_datagram(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.out.bump("decode_errors");
                self.out.note(
                    None,
                    format!("dropped undecodable SIP from {from} on Mw: {e}"),
                );
                return;
            }
        };
        if !msg.is_request() {
            return self.handle_response(now, msg);
        }
        let Some(method) = msg.method().cloned() else {
            return;
        };
        if method == Method::Ack {
            return;
        }
        if !decrement_max_forwards(&mut msg) {
            self.out.bump("too_many_hops");
            self.out.note(
                None,
                format!("answered {} with 483 Too Many Hops", msg.summary()),
            );
            return self.respond(from, &msg, 483, None);
        }
        // Our own entry on top of Route: its user part says whether the
        // request is originating (the Service-Route, `orig`) or terminating.
        let mut originating = false;
        if let Ok(route) = msg.route()
            && let Some(first) = route.first()
            && is_me(&self.sip, &first.uri)
        {
            originating = first
                .uri
                .as_sip()
                .and_then(|u| u.user.as_deref())
                .is_some_and(|u| u == "orig");
            crate::nodes::sip_proxy::pop_own_route(&mut msg, &self.sip);
        }
        match method {
            Method::Register => self.handle_register(now, from, msg),
            Method::Subscribe if reg_event::is_reg_event(&msg) => {
                self.handle_subscribe(now, from, msg)
            }
            Method::Invite => {
                self.out.note(
                    self.subs.imsi_of(&msg),
                    format!(
                        "answered {} with 501 Not Implemented: this S-CSCF routes no calls",
                        msg.summary()
                    ),
                );
                self.respond(from, &msg, 501, self.subs.imsi_of(&msg));
            }
            _ => self.route_request(now, from, msg, originating),
        }
    }

    fn receive_cx(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        if Some(from) != self.cx.hss {
            self.out.bump("decode_errors");
            self.out.note(
                None,
                format!("dropped Diameter from {from}: it is not this S-CSCF's HSS"),
            );
            return;
        }
        match self.cx.receive(now, bytes) {
            CxReceived::Base(replies) => {
                for r in replies {
                    self.out.send(Iface::Cx, from, r, None);
                }
            }
            CxReceived::Answer(msg, tag) => self.handle_cx_answer(now, &msg, tag),
            CxReceived::Request(msg) => self.handle_cx_request(now, from, &msg),
            CxReceived::Dropped(why) => {
                self.out.bump("decode_errors");
                self.out.note(None, format!("Cx: {why}"));
            }
        }
    }

    fn timeout(&mut self, now: Time) {
        if !self.started {
            self.started = true;
            match self.cx.hss {
                Some(hss) => {
                    for b in self.cx.start(now) {
                        self.out.send(Iface::Cx, hss, b, None);
                    }
                }
                None => self.out.note(
                    None,
                    "no HSS configured: every REGISTER will be answered 480",
                ),
            }
        }
        let (dwrs, expired) = self.cx.timeout(now);
        if let Some(hss) = self.cx.hss {
            for b in dwrs {
                self.out.send(Iface::Cx, hss, b, None);
            }
        }
        for tag in expired {
            self.cx_timeout(now, tag);
        }
        for (_, f) in self.pending.expire(now) {
            self.out.bump("timeouts");
            self.out.note(
                f.imsi,
                format!("answered {} with 408 Request Timeout: no final response within 32 s (RFC 3261 16.8)", f.request.summary()),
            );
            self.respond(f.from, &f.request, 408, f.imsi);
        }
        for (_, n) in self.notifies.expire(now) {
            self.out.bump("timeouts");
            self.out.note(
                self.subs.imsi(&n.impi),
                format!("NOTIFY to {} got no response within 32 s", n.aor),
            );
        }
        while let Some((at, _)) = self.timers.first() {
            if *at > now {
                break;
            }
            let Some((_, impi)) = self.timers.pop_first() else {
                break;
            };
            self.expire_user(now, &impi);
        }
    }
}

impl Node for SCscf {
    fn handle(&mut self, now: Time, input: Input) {
        match input {
            Input::Receive {
                iface: Iface::Mw,
                from,
                bytes,
            } => self.receive_mw(now, from, &bytes),
            Input::Receive {
                iface: Iface::Cx,
                from,
                bytes,
            } => self.receive_cx(now, from, &bytes),
            Input::Receive { iface, from, .. } => {
                self.out.bump("decode_errors");
                self.out.note(
                    None,
                    format!("ignored bytes from {from} on {iface}: the S-CSCF speaks Mw and Cx"),
                );
            }
            Input::Timeout => self.timeout(now),
            Input::Command(c) => self
                .out
                .note(None, format!("ignored command {c:?}: this is an S-CSCF")),
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop()
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.started {
            return Some(Time::ZERO);
        }
        [
            self.cx.poll_timeout(),
            self.pending.next_due(),
            self.notifies.next_due(),
            self.timers.first().map(|(t, _)| *t),
        ]
        .into_iter()
        .flatten()
        .min()
    }
}
