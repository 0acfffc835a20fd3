//! The reg event package at the S-CSCF (RFC 3680, TS 24.229 5.4.2.1):
//! SUBSCRIBE from the UE (or its P-CSCF), and a NOTIFY with the full
//! registration state after the subscription and after every change. The
//! NOTIFY travels the subscription dialog's route set (the SUBSCRIBE's
//! Record-Route), else the Path of the registration.

use super::SCscf;
use super::context::{Binding, MAX_SUBSCRIPTION, Subscription};
use crate::codec::sip::{Method, RegContact, RegInfo, Registration as RegEntry, SipMessage, Uri};
use crate::nodes::sip_proxy::{aor, push_via, reply, set_list};
use crate::nodes::{NodeId, Time};
use std::time::Duration;

/// A NOTIFY sent, waiting for its response.
#[derive(Debug, Clone)]
pub(crate) struct NotifySent {
    /// The user.
    pub(super) impi: String,
    /// The AoR notified about.
    pub(super) aor: String,
    /// The dialog.
    pub(super) call_id: String,
    /// Our tag in it.
    pub(super) local_tag: String,
}

/// True for a SUBSCRIBE with `Event: reg`.
pub fn is_reg_event(msg: &SipMessage) -> bool {
    msg.event()
        .ok()
        .flatten()
        .is_some_and(|e| e.value.eq_ignore_ascii_case("reg"))
}

impl SCscf {
    /// SUBSCRIBE to the reg event of a user registered here (TS 24.229
    /// 5.4.2.1.1): only the user itself (P-Asserted-Identity in its set)
    /// may subscribe; 200 OK, then the first NOTIFY.
    pub(super) fn handle_subscribe(&mut self, now: Time, from: NodeId, msg: SipMessage) {
        self.out.bump("subscribe");
        let imsi = self.subs.imsi_of(&msg);
        let target = msg.request_uri().map(aor).unwrap_or_default();
        let Some(impi) = self.by_impu.get(&target).cloned() else {
            self.out.bump("not_registered");
            self.out.note(
                imsi,
                format!(
                    "answered SUBSCRIBE to the reg event of {target} with 480: not registered here"
                ),
            );
            return self.respond(from, &msg, 480, imsi);
        };
        let Some(reg) = self.regs.get(&impi) else {
            return self.respond(from, &msg, 480, imsi);
        };
        let asserted: Vec<String> = msg
            .p_asserted_identity()
            .map(|v| v.iter().map(|a| aor(&a.uri)).collect())
            .unwrap_or_default();
        if !asserted
            .iter()
            .any(|a| reg.profile.iter().any(|p| p.uri == *a))
        {
            self.out.note(
                imsi,
                format!("answered SUBSCRIBE to the reg event of {target} with 403: the subscriber is not that user (P-Asserted-Identity {})", asserted.join(", ")),
            );
            return self.respond(from, &msg, 403, imsi);
        }
        let (Ok(from_h), Ok(call_id)) = (msg.from(), msg.call_id()) else {
            return self.respond(from, &msg, 400, imsi);
        };
        let call_id = call_id.to_string();
        let remote_tag = from_h.tag().unwrap_or_default();
        let expires = msg
            .expires()
            .ok()
            .flatten()
            .unwrap_or(MAX_SUBSCRIPTION)
            .min(MAX_SUBSCRIPTION);
        let existing = msg.to().ok().and_then(|t| t.tag()).and_then(|tag| {
            reg.subscriptions.iter().position(|s| {
                s.call_id == call_id && s.local_tag == tag && s.remote_tag == remote_tag
            })
        });
        let target_uri = msg
            .contacts()
            .ok()
            .and_then(|c| c.list().first().map(|c| c.uri.clone()));
        let index = match existing {
            Some(i) => i,
            None => {
                let Some(target_uri) = target_uri else {
                    self.out.note(
                        imsi,
                        "answered SUBSCRIBE with 400: no Contact to send NOTIFYs to",
                    );
                    return self.respond(from, &msg, 400, imsi);
                };
                let route = msg
                    .record_route()
                    .map(|r| r.iter().map(ToString::to_string).collect())
                    .unwrap_or_default();
                let s = Subscription {
                    call_id: call_id.clone(),
                    local_tag: self.ids.tag(),
                    remote_tag,
                    remote_uri: from_h.uri.to_string(),
                    aor: target.clone(),
                    target: target_uri,
                    route,
                    cseq: 0,
                    version: 0,
                    expires_at: now,
                };
                let Some(reg) = self.regs.get_mut(&impi) else {
                    return;
                };
                reg.subscriptions.push(s);
                reg.subscriptions.len() - 1
            }
        };
        let Some(reg) = self.regs.get_mut(&impi) else {
            return;
        };
        let sub = &mut reg.subscriptions[index];
        sub.expires_at = now + Duration::from_secs(u64::from(expires));
        let local_tag = sub.local_tag.clone();
        let next = reg.next_expiry();
        let mut ok = reply(&msg, 200, "", &local_tag);
        ok.remove_header("Content-Length");
        ok.push_header("Expires", expires);
        ok.push_header("Contact", format!("<{}>", self.server_name));
        let ok = ok.with_content_length();
        self.out.sip(from, &ok, imsi);
        self.out.note(
            imsi,
            format!("{target}'s UE subscribed to its reg event for {expires} s"),
        );
        if expires == 0 {
            self.notify_one(now, &impi, index, &[], None, Some("terminated"));
            if let Some(reg) = self.regs.get_mut(&impi)
                && index < reg.subscriptions.len()
            {
                reg.subscriptions.remove(index);
            }
            return;
        }
        if let Some(at) = next {
            self.wake(at, &impi);
        }
        self.notify_one(now, &impi, index, &[], None, None);
    }

    /// A NOTIFY to every subscription of `impi`: the current bindings,
    /// plus `removed` as terminated; `reg_state` "terminated" ends the
    /// subscriptions too.
    pub(super) fn notify_all(
        &mut self,
        now: Time,
        impi: &str,
        removed: &[(Binding, &'static str)],
        reg_state: Option<&'static str>,
    ) {
        let n = self.regs.get(impi).map_or(0, |r| r.subscriptions.len());
        let sub_state = reg_state.map(|_| "terminated;reason=noresource");
        for i in 0..n {
            self.notify_one(now, impi, i, removed, reg_state, sub_state);
        }
    }

    /// One NOTIFY (RFC 6665 4.2.2, RFC 3680 5.2): full state, version
    /// counting up, Subscription-State `active;expires=N` unless `sub_state`
    /// says otherwise.
    pub(super) fn notify_one(
        &mut self,
        now: Time,
        impi: &str,
        index: usize,
        removed: &[(Binding, &'static str)],
        reg_state: Option<&'static str>,
        sub_state: Option<&str>,
    ) {
        let Some(reg) = self.regs.get_mut(impi) else {
            return;
        };
        let associated = reg.associated();
        let bindings = reg.bindings.clone();
        let Some(sub) = reg.subscriptions.get_mut(index) else {
            return;
        };
        sub.cseq += 1;
        let version = sub.version;
        sub.version += 1;
        let sub = sub.clone();
        let path = bindings
            .first()
            .map(|b| b.path.clone())
            .or_else(|| removed.first().map(|(b, _)| b.path.clone()));
        let contacts: Vec<RegContact> = bindings
            .iter()
            .map(|b| RegContact {
                id: format!("c{}", b.id),
                state: "active".into(),
                event: b.event.into(),
                expires: Some(b.remaining(now)),
                uri: b.contact.uri.to_string(),
            })
            .chain(removed.iter().map(|(b, ev)| RegContact {
                id: format!("c{}", b.id),
                state: "terminated".into(),
                event: (*ev).into(),
                expires: None,
                uri: b.contact.uri.to_string(),
            }))
            .collect();
        let state = reg_state.unwrap_or(if bindings.is_empty() {
            "init"
        } else {
            "active"
        });
        let info = RegInfo {
            version,
            state: "full".into(),
            registrations: associated
                .iter()
                .enumerate()
                .map(|(i, a)| RegEntry {
                    aor: a.clone(),
                    id: format!("reg{}", i + 1),
                    state: state.into(),
                    contacts: contacts.clone(),
                })
                .collect(),
        };
        // The route set of the dialog, else the registration's Path.
        let route = if sub.route.is_empty() {
            path.unwrap_or_default()
        } else {
            sub.route.clone()
        };
        let first = route
            .first()
            .and_then(|r| crate::codec::sip::NameAddr::parse(r).ok())
            .map(|n| n.uri);
        let Some(node) = first.as_ref().and_then(|u| self.dir.node_of(u)) else {
            self.out.note(
                self.subs.imsi(impi),
                format!("no route to send the reg event NOTIFY for {} to", sub.aor),
            );
            return;
        };
        let mut n = SipMessage::request(Method::Notify, sub.target.clone());
        let via = self.via();
        let branch = via.branch().unwrap_or_default();
        push_via(&mut n, &via);
        n.push_header("Max-Forwards", 70);
        set_list(&mut n, "Route", &route);
        n.push_header("From", format!("<{}>;tag={}", sub.aor, sub.local_tag));
        let to = Uri::parse(&sub.remote_uri).map_or(sub.remote_uri.clone(), |u| format!("<{u}>"));
        n.push_header("To", format!("{to};tag={}", sub.remote_tag));
        n.push_header("Call-ID", &sub.call_id);
        n.push_header("CSeq", format!("{} NOTIFY", sub.cseq));
        n.push_header("Contact", format!("<{}>", self.server_name));
        n.push_header("Event", "reg");
        let remaining = u32::try_from((sub.expires_at - now).as_secs()).unwrap_or(u32::MAX);
        let state_line =
            sub_state.map_or_else(|| format!("active;expires={remaining}"), str::to_string);
        n.push_header("Subscription-State", &state_line);
        n.set_body("application/reginfo+xml", info.to_xml());
        self.notifies.insert(
            now,
            branch,
            NotifySent {
                impi: impi.to_string(),
                aor: sub.aor.clone(),
                call_id: sub.call_id.clone(),
                local_tag: sub.local_tag.clone(),
            },
        );
        self.out.bump("notify");
        self.out.note(
            self.subs.imsi(impi),
            format!(
                "NOTIFY reg event of {} (version {version}, registration {state}, {state_line})",
                sub.aor
            ),
        );
        self.out.sip(node, &n, self.subs.imsi(impi));
    }

    /// The response to one of our NOTIFYs: a failure ends the subscription
    /// (RFC 6665 4.2.2).
    pub(super) fn handle_notify_response(&mut self, msg: &SipMessage, sent: NotifySent) {
        let code = msg.status().unwrap_or(0);
        if code < 300 {
            return;
        }
        if let Some(reg) = self.regs.get_mut(&sent.impi) {
            reg.subscriptions
                .retain(|s| !(s.call_id == sent.call_id && s.local_tag == sent.local_tag));
        }
        self.out.note(
            self.subs.imsi(&sent.impi),
            format!(
                "the reg event NOTIFY for {} got {code}: subscription removed",
                sent.aor
            ),
        );
    }
}
