//! The I-CSCF (TS 24.229 5.3): the home network's entry point on Mw.
//!
//! - A REGISTER from a P-CSCF: UAR to the HSS, then the REGISTER goes to
//!   the S-CSCF the UAA names (Server-Name), or to one it picks from the
//!   Server-Capabilities among the S-CSCFs its topology lists ([`cx`]).
//! - Any other request (a MESSAGE an S-CSCF routes to a user it does not
//!   serve): LIR, then to the S-CSCF serving the user.
//! - Responses go back the way the request came (the I-CSCF is a stateful
//!   proxy: it keeps each forwarded request by the branch of its Via).
//!
//! Counters: `register`, `terminating`, `forwarded`, `responses`,
//! `cx_errors` (a UAA/LIA that refused), `cx_timeouts`, `no_scscf`,
//! `decode_errors`, `timeouts`, `too_many_hops`, `stray_responses`.

pub mod cx;
#[cfg(test)]
mod tests;

use crate::codec::sip::Via;
use crate::codec::sip::{Method, SipMessage};
use crate::nodes::cx_client::{CxClient, CxReceived};
use crate::nodes::sip_proxy::{
    self, Ids, MW_TRANSPORT, Outbox, Pending, SipDirectory, Subscribers, decrement_max_forwards,
    pop_own_route, pop_via, push_via, reply,
};
use crate::nodes::{Iface, Input, Node, NodeId, Output, Time};
use crate::topology::{NodeKind, SipHost, Topology};

/// A forwarded request waiting for its final response.
#[derive(Debug, Clone)]
struct Forwarded {
    /// The node the request came from (its Via is next).
    from: NodeId,
    /// The request as it came, to answer 408 if nothing comes back.
    request: SipMessage,
    /// The subscriber, when known.
    imsi: Option<u64>,
}

/// What a Cx request was for: the SIP request to route once answered.
#[derive(Debug, Clone)]
pub(crate) struct Query {
    /// UAR (a REGISTER) or LIR (anything else).
    kind: QueryKind,
    /// The request as received.
    request: SipMessage,
    /// Where it came from.
    from: NodeId,
    /// The public identity asked about.
    impu: String,
    /// The subscriber, when known.
    imsi: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QueryKind {
    Uar,
    Lir,
}

/// The I-CSCF node.
pub struct ICscf {
    id: NodeId,
    sip: SipHost,
    dir: SipDirectory,
    /// Subscribers by IMS identity (for `Transmit.imsi` and Notes).
    subs: Subscribers,
    /// The S-CSCFs it may choose: (Server-Name, node), in order of preference.
    scscfs: Vec<(String, NodeId)>,
    cx: CxClient<Query>,
    pending: Pending<Forwarded>,
    ids: Ids,
    out: Outbox,
    started: bool,
}

impl std::fmt::Debug for ICscf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ICscf")
            .field("id", &self.id)
            .field("host", &self.sip.host)
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

impl ICscf {
    /// Builds the I-CSCF `id` of `topo`.
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not an I-CSCF.
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Icscf(spec) = &node.kind else {
            panic!("node {id} ({}) is not an I-CSCF", node.name)
        };
        let scscfs = spec
            .scscfs
            .iter()
            .filter_map(|s| match topo.node(*s).map(|n| &n.kind) {
                Some(NodeKind::Scscf(sc)) => Some((sc.sip.uri(), *s)),
                _ => None,
            })
            .collect();
        Self {
            id,
            sip: spec.sip.clone(),
            dir: SipDirectory::new(topo),
            subs: Subscribers::new(topo),
            scscfs,
            cx: CxClient::new(topo, id, &spec.diameter, spec.hss),
            pending: Pending::default(),
            ids: Ids::new(&node.name),
            out: Outbox::default(),
            started: false,
        }
    }

    /// The value of counter `name`.
    pub fn counter(&self, name: &str) -> u64 {
        self.out.counter(name)
    }

    /// Requests forwarded and not yet answered.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    fn via(&mut self) -> Via {
        Via::new(
            MW_TRANSPORT,
            &self.sip.host,
            Some(self.sip.port),
            &self.ids.branch(),
        )
    }

    /// Answers `req` (which came from `to`) with `code`.
    fn respond(&mut self, to: NodeId, req: &SipMessage, code: u16, imsi: Option<u64>) {
        let tag = self.ids.tag();
        self.out.sip(to, &reply(req, code, "", &tag), imsi);
    }

    fn receive_mw(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        let msg = match sip_proxy_decode(bytes) {
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
        if msg.is_request() {
            self.handle_request(now, from, msg);
        } else {
            self.handle_response(msg);
        }
    }

    fn handle_request(&mut self, now: Time, from: NodeId, mut msg: SipMessage) {
        let Some(method) = msg.method().cloned() else {
            return;
        };
        if method == Method::Ack {
            // No INVITE transactions here: an ACK has nothing to follow.
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
        pop_own_route(&mut msg, &self.sip);
        if method == Method::Register {
            self.out.bump("register");
            self.send_uar(now, from, msg);
        } else {
            self.out.bump("terminating");
            self.send_lir(now, from, msg);
        }
    }

    /// Sends `msg` on to the S-CSCF `server` at `node` (TS 24.229 5.3.1.2,
    /// 5.3.2.1: the S-CSCF's URI goes on top of Route).
    fn forward(&mut self, now: Time, q: Query, server: &str, node: NodeId) {
        let original = q.request.clone();
        let mut msg = q.request;
        let mut route = vec![format!("<{server};lr>")];
        if let Ok(r) = msg.route() {
            route.extend(r.iter().map(ToString::to_string));
        }
        sip_proxy::set_list(&mut msg, "Route", &route);
        let via = self.via();
        let branch = via.branch().unwrap_or_default();
        push_via(&mut msg, &via);
        self.pending.insert(
            now,
            branch,
            Forwarded {
                from: q.from,
                request: original,
                imsi: q.imsi,
            },
        );
        self.out.bump("forwarded");
        self.out.sip(node, &msg, q.imsi);
    }

    fn handle_response(&mut self, mut msg: SipMessage) {
        let top = pop_via(&mut msg);
        let branch = top.as_ref().and_then(Via::branch).unwrap_or_default();
        let final_ = msg.status().is_some_and(|c| c >= 200);
        let fwd = if final_ {
            self.pending.take(&branch)
        } else {
            self.pending.get(&branch).cloned()
        };
        let Some(fwd) = fwd else {
            self.out.bump("stray_responses");
            self.out.note(
                None,
                format!(
                    "dropped {}: it answers no request this I-CSCF forwarded",
                    msg.summary()
                ),
            );
            return;
        };
        self.out.bump("responses");
        self.out.sip(fwd.from, &msg, fwd.imsi);
    }

    fn receive_cx(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        if Some(from) != self.cx.hss {
            self.out.bump("decode_errors");
            self.out.note(
                None,
                format!("dropped Diameter from {from}: it is not this I-CSCF's HSS"),
            );
            return;
        }
        match self.cx.receive(now, bytes) {
            CxReceived::Base(replies) => {
                for r in replies {
                    self.out.send(Iface::Cx, from, r, None);
                }
            }
            CxReceived::Answer(msg, q) => match q.kind {
                QueryKind::Uar => self.handle_uaa(now, &msg, q),
                QueryKind::Lir => self.handle_lia(now, &msg, q),
            },
            CxReceived::Request(msg) => {
                let a = self.cx.unsupported(&msg);
                self.out.send(Iface::Cx, from, a, None);
                self.out.note(
                    None,
                    format!(
                        "answered {} with 3001: the I-CSCF serves no Cx requests",
                        msg.summary()
                    ),
                );
            }
            CxReceived::Dropped(why) => {
                self.out.bump("decode_errors");
                self.out.note(None, format!("Cx: {why}"));
            }
        }
    }
}

/// Decodes a SIP message from Mw (a datagram: no Content-Length needed).
fn sip_proxy_decode(bytes: &[u8]) -> Result<SipMessage, crate::codec::DecodeError> {
    crate::codec::sip::decode_datagram(bytes)
}

impl Node for ICscf {
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
                    format!("ignored bytes from {from} on {iface}: the I-CSCF speaks Mw and Cx"),
                );
            }
            Input::Timeout => {
                if !self.started {
                    self.started = true;
                    if let Some(hss) = self.cx.hss {
                        for b in self.cx.start(now) {
                            self.out.send(Iface::Cx, hss, b, None);
                        }
                    } else {
                        self.out.note(
                            None,
                            "no HSS configured: every REGISTER will be answered 480",
                        );
                    }
                }
                let (dwrs, expired) = self.cx.timeout(now);
                if let Some(hss) = self.cx.hss {
                    for b in dwrs {
                        self.out.send(Iface::Cx, hss, b, None);
                    }
                }
                for q in expired {
                    self.cx_timeout(q);
                }
                for (_, f) in self.pending.expire(now) {
                    self.out.bump("timeouts");
                    self.out.note(
                        f.imsi,
                        format!(
                            "answered {} with 408 Request Timeout: the S-CSCF gave no final response within 32 s (RFC 3261 16.8)",
                            f.request.summary()
                        ),
                    );
                    self.respond(f.from, &f.request, 408, f.imsi);
                }
            }
            Input::Command(c) => self
                .out
                .note(None, format!("ignored command {c:?}: this is an I-CSCF")),
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop()
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.started {
            return Some(Time::ZERO);
        }
        [self.cx.poll_timeout(), self.pending.next_due()]
            .into_iter()
            .flatten()
            .min()
    }
}
