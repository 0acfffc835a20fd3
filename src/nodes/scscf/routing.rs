//! Requests the S-CSCF routes (TS 24.229 5.4.3): originating requests of
//! its users (they arrive on the Service-Route) go to a user served here or
//! to the I-CSCF, which finds the serving S-CSCF with LIR; terminating
//! requests for its users go to the registered contact along the Path
//! stored with it. Responses go back the way the request came.

use super::SCscf;
use crate::codec::sip::{NameAddr, SipMessage, StartLine};
use crate::nodes::sip_proxy::{aor, next_hop, pop_via, push_via, set_list};
use crate::nodes::{NodeId, Time};

/// A proxied request waiting for its final response.
#[derive(Debug, Clone)]
pub(crate) struct Forwarded {
    /// Where it came from.
    pub(super) from: NodeId,
    /// The request as it came (for a 408).
    pub(super) request: SipMessage,
    /// The subscriber, when known.
    pub(super) imsi: Option<u64>,
}

impl SCscf {
    /// A request other than REGISTER and reg event SUBSCRIBE.
    pub(super) fn route_request(
        &mut self,
        now: Time,
        from: NodeId,
        msg: SipMessage,
        originating: bool,
    ) {
        let imsi = self.subs.imsi_of(&msg);
        let target = msg.request_uri().map(aor).unwrap_or_default();
        if originating {
            // TS 24.229 5.4.3.2: the originating user must be registered here.
            let caller = msg
                .p_asserted_identity()
                .ok()
                .and_then(|v| v.first().map(|a| aor(&a.uri)));
            if !caller
                .as_ref()
                .is_some_and(|c| self.by_impu.contains_key(c))
            {
                self.out.note(
                    imsi,
                    format!(
                        "answered {} with 403: the originating identity {} is not registered here",
                        msg.summary(),
                        caller.unwrap_or_else(|| "(none asserted)".into())
                    ),
                );
                return self.respond(from, &msg, 403, imsi);
            }
        }
        // TS 24.229 5.4.3.2: an originating request goes on along its
        // Route, else to the entry point of the target's home network (the
        // I-CSCF, which asks the HSS with LIR), even when the target is
        // served here: its terminating side runs when it comes back.
        let remaining = msg.route().map(|r| !r.is_empty()).unwrap_or(false);
        if !originating || (!remaining && self.icscf.is_none()) {
            if self.by_impu.contains_key(&target) {
                return self.terminate(now, from, msg, &target);
            }
            self.out.bump("not_registered");
            self.out.note(
                imsi,
                format!(
                    "answered {} with 480: {target} is not registered here",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 480, imsi);
        }
        let next = if remaining {
            next_hop(&msg).and_then(|u| self.dir.node_of(&u))
        } else {
            self.icscf
        };
        let Some(node) = next else {
            self.out.note(
                imsi,
                format!(
                    "answered {} with 404: no I-CSCF to find {target}",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 404, imsi);
        };
        self.out.note(
            imsi,
            format!(
                "{} goes to {target} through {}",
                msg.summary(),
                if remaining { "its Route" } else { "the I-CSCF" }
            ),
        );
        self.forward(now, from, msg, node);
    }

    /// A request for a user registered here (TS 24.229 5.4.3.3): to the
    /// most recently refreshed contact, Request-URI replaced by it and
    /// Route set to the Path stored with it.
    fn terminate(&mut self, now: Time, from: NodeId, mut msg: SipMessage, target: &str) {
        let imsi = self.subs.imsi_of(&msg);
        let binding = self
            .by_impu
            .get(target)
            .and_then(|i| self.regs.get(i))
            .and_then(|r| r.bindings.iter().max_by_key(|b| (b.expires_at, b.id)))
            .cloned();
        let Some(b) = binding else {
            self.out.bump("not_registered");
            self.out.note(
                imsi,
                format!(
                    "answered {} with 480: {target} has no contact",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        let first = b.path.first().and_then(|p| NameAddr::parse(p).ok());
        let Some(node) = first.and_then(|p| self.dir.node_of(&p.uri)) else {
            self.out.note(
                imsi,
                format!(
                    "answered {} with 480: no Path to reach {target}",
                    msg.summary()
                ),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        if let StartLine::Request { uri, .. } = &mut msg.start {
            *uri = b.contact.uri.clone();
        }
        set_list(&mut msg, "Route", &b.path);
        self.out.note(
            imsi,
            format!(
                "{} for {target} goes to its contact {}",
                msg.summary(),
                b.contact.uri
            ),
        );
        self.forward(now, from, msg, node);
    }

    fn forward(&mut self, now: Time, from: NodeId, mut msg: SipMessage, to: NodeId) {
        let imsi = self.subs.imsi_of(&msg);
        let original = msg.clone();
        let via = self.via();
        let branch = via.branch().unwrap_or_default();
        push_via(&mut msg, &via);
        self.pending.insert(
            now,
            branch,
            Forwarded {
                from,
                request: original,
                imsi,
            },
        );
        self.out.bump("forwarded");
        self.out.sip(to, &msg, imsi);
    }

    /// A response: to our NOTIFY, or to a request we forwarded.
    pub(super) fn handle_response(&mut self, _now: Time, mut msg: SipMessage) {
        let top = pop_via(&mut msg);
        let branch = top.as_ref().and_then(|v| v.branch()).unwrap_or_default();
        let final_ = msg.status().is_some_and(|c| c >= 200);
        if final_ && let Some(sent) = self.notifies.take(&branch) {
            return self.handle_notify_response(&msg, sent);
        }
        let fwd = if final_ {
            self.pending.take(&branch)
        } else {
            self.pending.get(&branch).cloned()
        };
        let Some(fwd) = fwd else {
            if self.notifies.get(&branch).is_none() {
                self.out.bump("stray_responses");
                self.out.note(
                    None,
                    format!(
                        "dropped {}: it answers nothing this S-CSCF sent",
                        msg.summary()
                    ),
                );
            }
            return;
        };
        self.out.bump("responses");
        self.out.sip(fwd.from, &msg, fwd.imsi);
    }
}
