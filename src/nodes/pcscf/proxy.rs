//! Requests and responses the P-CSCF relays besides REGISTER (TS 24.229
//! 5.2.6, 5.2.7): a registered UE's requests only through its SAs, with
//! P-Asserted-Identity and the Service-Route as their route; requests from
//! the core to the UE's contact through the SAs; responses back the way
//! their request came.

use super::context::Upstream;
use super::gm::{Direction, FromUe};
use super::register::mark_received;
use super::{GM_PORT, GM_TRANSPORT, PCscf};
use crate::codec::sip::{Method, SipMessage, Via};
use crate::nodes::sip_proxy::{
    aor, decrement_max_forwards, next_hop, pop_via, push_via, reply, set_list,
};
use crate::nodes::{NodeId, Time};
use std::net::{IpAddr, SocketAddr};

/// A host as Via and URIs write it (IPv6 in brackets).
fn host_of(a: IpAddr) -> String {
    match a {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// True when a reg event NOTIFY says every registration in it ended
/// (RFC 3680: `<registration state="terminated">`).
fn terminates_registration(msg: &SipMessage) -> bool {
    msg.method() == Some(&Method::Notify)
        && msg.reginfo().ok().flatten().is_some_and(|r| {
            !r.registrations.is_empty() && r.registrations.iter().all(|g| g.state == "terminated")
        })
}

impl PCscf {
    /// A request from a UE.
    pub(super) fn handle_ue_request(&mut self, now: Time, from: FromUe, mut msg: SipMessage) {
        let Some(method) = msg.method().cloned() else {
            return;
        };
        match method {
            Method::Register => return self.handle_ue_register(now, from, msg),
            Method::Ack => return,
            _ => {}
        }
        let imsi = self.subs.imsi_of(&msg);
        // Who sent it: the owner of the SAs, or, without IPsec, the UE at
        // that address.
        let impi = match from.protected {
            Some(sa) => self.by_sa.get(&sa).cloned().filter(|i| {
                self.ues
                    .get(i)
                    .and_then(|u| u.current.as_ref())
                    .is_some_and(|c| {
                        c.id() == sa
                            && c.set.spi_for(Direction::Inbound, from.src, from.dst)
                                == Some(c.set.pcscf.spi_s)
                    })
            }),
            None => match self.by_addr.get(&from.src.ip()).cloned() {
                Some(i) if self.ues.get(&i).is_some_and(|u| u.current.is_some()) => {
                    self.out.bump("unprotected_refused");
                    self.out.note(
                        imsi,
                        format!("refused {} from {} with 403: a UE registered with IPsec must send through its SAs", msg.summary(), from.src),
                    );
                    return self.respond_ue(now, &msg, &from, 403, &[]);
                }
                other => other,
            },
        };
        let Some((impi, reg)) = impi.and_then(|i| {
            let r = self.ues.get(&i)?.registered.clone()?;
            Some((i, r))
        }) else {
            self.out.bump("not_registered");
            self.out.note(
                imsi,
                format!(
                    "refused {} from {} with 403: the UE is not registered",
                    msg.summary(),
                    from.src
                ),
            );
            return self.respond_ue(now, &msg, &from, 403, &[]);
        };
        if !decrement_max_forwards(&mut msg) {
            self.out.bump("too_many_hops");
            return self.respond_ue(now, &msg, &from, 483, &[]);
        }
        let request = msg.clone();
        mark_received(&mut msg, from.src);
        self.pop_own_route(&mut msg);
        // The preloaded route of an initial request is the Service-Route
        // (RFC 3608, TS 24.229 5.2.6.3.1): whatever else the UE wrote is
        // replaced. Requests inside a dialog (To has a tag) follow the
        // dialog's route set.
        let route: Vec<String> = msg
            .route()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        let initial = msg.to().ok().and_then(|t| t.tag()).is_none();
        if initial && route != reg.service_route {
            self.out.bump("route_rewritten");
            self.out.note(
                imsi,
                format!(
                    "{}: Route [{}] replaced by the Service-Route [{}]",
                    msg.summary(),
                    route.join(", "),
                    reg.service_route.join(", ")
                ),
            );
            set_list(&mut msg, "Route", &reg.service_route);
        }
        // The asserted identity (RFC 3325 9.1, TS 24.229 5.2.6.3.1): the
        // preferred one when it is the user's, else the default.
        let preferred = msg
            .addresses("P-Preferred-Identity")
            .ok()
            .and_then(|v| v.first().map(|a| aor(&a.uri)));
        let asserted = preferred
            .filter(|p| reg.associated.contains(p))
            .or_else(|| reg.associated.first().cloned())
            .unwrap_or_default();
        msg.remove_header("P-Preferred-Identity");
        set_list(&mut msg, "P-Asserted-Identity", &[format!("<{asserted}>")]);
        if matches!(method, Method::Subscribe | Method::Invite | Method::Refer) {
            let mut rr = vec![format!("<{};lr>", self.sip.uri())];
            if let Ok(r) = msg.record_route() {
                rr.extend(r.iter().map(ToString::to_string));
            }
            set_list(&mut msg, "Record-Route", &rr);
        }
        self.charging_vector(&mut msg, from.dst);
        let Some(node) = next_hop(&msg).and_then(|u| self.dir.node_of(&u)) else {
            self.out.note(
                imsi,
                format!(
                    "answered {} with 404: its Route leads nowhere known",
                    msg.summary()
                ),
            );
            return self.respond_ue(now, &request, &from, 404, &[]);
        };
        let via = self.mw_via();
        let branch = via.branch().unwrap_or_default();
        push_via(&mut msg, &via);
        self.pending.insert(
            now,
            branch,
            Upstream::Ue {
                src: from.src,
                local: from.dst,
                sa: from.protected,
                impi: Some(impi),
                request: Box::new(request),
            },
        );
        self.out.bump("forwarded");
        self.out.sip(node, &msg, imsi);
    }

    /// A response from a UE (to a request from the core).
    pub(super) fn handle_ue_response(&mut self, now: Time, mut msg: SipMessage) {
        let top = pop_via(&mut msg);
        let branch = top.as_ref().and_then(Via::branch).unwrap_or_default();
        let final_ = msg.status().is_some_and(|c| c >= 200);
        let up = if final_ {
            self.pending.take(&branch)
        } else {
            self.pending.get(&branch).cloned()
        };
        match up {
            Some(Upstream::Core {
                from,
                impi,
                then_forget,
                ..
            }) => {
                self.out.bump("responses");
                self.out.sip(from, &msg, self.subs.imsi_of(&msg));
                if final_ && then_forget {
                    self.out.bump("deregistered");
                    self.forget(now, &impi, "the network ended its registration");
                }
            }
            Some(up @ Upstream::Ue { .. }) => {
                // Not ours to answer: put it back.
                if !final_ {
                    return;
                }
                self.pending.insert(now, branch, up);
            }
            None => {
                self.out.bump("stray_responses");
                self.out.note(
                    None,
                    format!(
                        "dropped {} from a UE: it answers nothing this P-CSCF sent",
                        msg.summary()
                    ),
                );
            }
        }
    }

    /// A request from the core for a UE (TS 24.229 5.2.7): to its contact,
    /// through the SAs (P-CSCF port-c to UE port-s) when it has them.
    pub(super) fn handle_core_request(&mut self, now: Time, from: NodeId, mut msg: SipMessage) {
        let imsi = self.subs.imsi_of(&msg);
        let Some(method) = msg.method().cloned() else {
            return;
        };
        if method == Method::Ack {
            return;
        }
        if !decrement_max_forwards(&mut msg) {
            self.out.bump("too_many_hops");
            let tag = self.ids.tag();
            return self.out.sip(from, &reply(&msg, 483, "", &tag), imsi);
        }
        let request = msg.clone();
        self.pop_own_route(&mut msg);
        let target = msg.request_uri().cloned();
        let by_host = target
            .as_ref()
            .and_then(|u| u.as_sip())
            .and_then(|u| {
                u.host
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<IpAddr>()
                    .ok()
            })
            .and_then(|a| self.by_addr.get(&a).cloned());
        let impi = by_host.or_else(|| {
            target
                .as_ref()
                .and_then(|u| self.by_impu.get(&aor(u)).cloned())
        });
        let ue = impi
            .as_ref()
            .and_then(|i| self.ues.get(i))
            .filter(|u| u.registered.is_some())
            .cloned();
        let (Some(impi), Some(ue)) = (impi, ue) else {
            self.out.bump("not_registered");
            let to = target.map(|t| t.to_string()).unwrap_or_default();
            self.out.note(
                imsi,
                format!(
                    "answered {} with 480: no registered UE at {to}",
                    msg.summary()
                ),
            );
            let tag = self.ids.tag();
            return self.out.sip(from, &reply(&request, 480, "", &tag), imsi);
        };
        let (local, dst, sa) = match &ue.current {
            Some(c) => (
                SocketAddr::new(ue.pcscf_addr, c.set.pcscf.port_c),
                SocketAddr::new(ue.ue_addr, c.set.ue.port_s),
                Some(c.id()),
            ),
            None => {
                let port = ue
                    .contact
                    .as_ref()
                    .and_then(|c| c.uri.as_sip())
                    .and_then(|u| u.port)
                    .unwrap_or(GM_PORT);
                (
                    SocketAddr::new(ue.pcscf_addr, GM_PORT),
                    SocketAddr::new(ue.ue_addr, port),
                    None,
                )
            }
        };
        let branch = self.ids.branch();
        let via = Via::new(
            GM_TRANSPORT,
            &host_of(local.ip()),
            Some(local.port()),
            &branch,
        );
        push_via(&mut msg, &via);
        let then_forget = terminates_registration(&msg);
        if then_forget {
            self.out.note(
                imsi,
                format!(
                    "{} ends the registration of {}: it is forgotten once the UE answers",
                    msg.summary(),
                    ue.impu
                ),
            );
        }
        self.pending.insert(
            now,
            branch,
            Upstream::Core {
                from,
                impi,
                request: Box::new(request),
                then_forget,
            },
        );
        self.out.bump("forwarded");
        self.send_to_ue(now, local, dst, sa, &msg, imsi);
    }

    /// A response from the core (to a UE's request).
    pub(super) fn handle_core_response(&mut self, now: Time, mut msg: SipMessage) {
        let top = pop_via(&mut msg);
        let branch = top.as_ref().and_then(Via::branch).unwrap_or_default();
        let final_ = msg.status().is_some_and(|c| c >= 200);
        let up = if final_ {
            self.pending.take(&branch)
        } else {
            self.pending.get(&branch).cloned()
        };
        let Some(Upstream::Ue {
            src,
            local,
            sa,
            impi,
            request,
        }) = up
        else {
            self.out.bump("stray_responses");
            self.out.note(
                None,
                format!(
                    "dropped {}: it answers nothing this P-CSCF forwarded",
                    msg.summary()
                ),
            );
            return;
        };
        self.out.bump("responses");
        if final_ && request.method() == Some(&Method::Register) {
            return self.handle_register_response(now, msg, &request, src, local, sa, impi);
        }
        let imsi = self.subs.imsi_of(&msg);
        self.send_to_ue(now, local, src, sa, &msg, imsi);
    }
}
