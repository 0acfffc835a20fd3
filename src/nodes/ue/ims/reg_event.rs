//! The reg event package (RFC 3680, TS 24.229 5.1.1.3): after registering,
//! the UE subscribes to the state of its own registration; NOTIFYs tell it
//! when the network ends it (administrative de-registration: the HSS sends
//! RTR, the S-CSCF notifies), and the UE registers again from scratch.

use super::conn::host;
use super::register::{refresh_after, words};
use super::request::TxnKind;
use super::{ConnId, ImsClient, ImsTimer, Subscription};
use crate::codec::sip::{Method, RegInfo, SipMessage, SipUri, Uri};

impl ImsClient {
    /// SUBSCRIBE to the reg event of the IMPU (TS 24.229 5.1.1.3), along
    /// the Service-Route, over the SAs.
    pub(super) fn send_subscribe(&mut self) {
        let Some(reg) = self.registration.clone() else {
            return;
        };
        let Some(conn) = self.request_conn() else {
            return;
        };
        if self.subscription.is_none() {
            let call_id = self.new_call_id();
            let from_tag = self.tag();
            let cseq = self.rng.range(1, 9999) as u32;
            self.subscription = Some(Subscription {
                call_id,
                from_tag,
                to_tag: None,
                cseq,
                active: false,
            });
        }
        let Some(sub) = self.subscription.as_mut() else {
            return;
        };
        sub.cseq = sub.cseq.wrapping_add(1) & 0x7fff_ffff;
        let sub = sub.clone();
        let impu = self.cfg.identity.impu.clone();
        let uri = Uri::parse(&impu).unwrap_or_else(|_| Uri::Other(impu.clone()));
        let mut m = self.base_request(
            Method::Subscribe,
            uri,
            &impu,
            &sub.from_tag,
            &impu,
            &sub.call_id,
            sub.cseq,
            reg.contact_port,
        );
        if let Some(t) = &sub.to_tag {
            m.set_header("To", format!("<{impu}>;tag={t}"));
        }
        if !reg.service_route.is_empty() {
            m.push_header("Route", route_value(&reg.service_route));
        }
        m.push_header("Event", "reg");
        m.push_header("Expires", self.cfg.expires);
        m.push_header("Accept", "application/reginfo+xml");
        let ip = self.local_ip().map_or_else(|| "0.0.0.0".to_string(), host);
        m.push_header(
            "Contact",
            format!("<{}>", SipUri::new(None, &ip).with_port(reg.contact_port)),
        );
        m.push_header(
            "P-Access-Network-Info",
            self.cfg.access_network_info.clone(),
        );
        m.push_header("Content-Length", 0);
        self.note(format!(
            "subscribing to the reg event of {impu} (SUBSCRIBE, Event: reg; TS 24.229 5.1.1.3)"
        ));
        self.start_txn(TxnKind::Subscribe, &m, conn);
    }

    pub(super) fn on_subscribe_response(&mut self, r: &SipMessage) {
        if !r.status().is_some_and(|c| (200..300).contains(&c)) {
            self.subscription = None;
            self.note(format!("the reg-event SUBSCRIBE was answered {}", words(r)));
            return;
        }
        let expires = r.expires().ok().flatten().unwrap_or(self.cfg.expires);
        let to_tag = r.to().ok().and_then(|t| t.tag());
        if let Some(s) = self.subscription.as_mut() {
            s.active = true;
            if to_tag.is_some() {
                s.to_tag = to_tag;
            }
        }
        self.count("ims_subscribed");
        let refresh = refresh_after(expires);
        self.start_timer(ImsTimer::Resubscribe, refresh);
        self.note(format!(
            "reg-event subscription accepted ({}): expires in {expires} s (refresh in {} s)",
            words(r),
            refresh.as_secs()
        ));
    }

    /// The subscription refresh timer (TS 24.229 5.1.1.3: the same rule as
    /// for registrations).
    pub(super) fn on_resubscribe_timer(&mut self) {
        if self.is_registered() && self.subscription.is_some() {
            self.send_subscribe();
        }
    }

    /// A NOTIFY: answered 200 when it belongs to the subscription (481
    /// otherwise, RFC 6665 4.1.3), then read: when the network ended the
    /// registration of the IMPU or of the UE's contact, the UE registers
    /// again from scratch.
    pub(super) fn handle_notify(&mut self, conn: ConnId, m: &SipMessage) {
        let ours = self
            .subscription
            .as_ref()
            .is_some_and(|s| m.call_id().is_ok_and(|c| c == s.call_id));
        if !ours {
            self.count("ims_notify_unknown");
            self.note(format!(
                "answered 481 to {}: no reg-event subscription of the UE has its Call-ID",
                m.summary()
            ));
            self.respond(conn, m, 481);
            return;
        }
        self.respond(conn, m, 200);
        self.count("ims_notify_received");
        let state = m.subscription_state().ok().flatten();
        let sub_over = state
            .as_ref()
            .is_some_and(|s| s.value.eq_ignore_ascii_case("terminated"));
        let info = match m.reginfo() {
            Ok(i) => i,
            Err(e) => {
                self.count("ims_sip_decode_error");
                self.note(format!(
                    "NOTIFY with a reginfo body the UE cannot read: {}",
                    e.what
                ));
                None
            }
        };
        if let Some(info) = info
            && let Some(why) = self.registration_ended(&info)
        {
            if self.is_registered() {
                self.registration_lost(&why);
            } else {
                self.note(format!("{why} (the UE is not registered)"));
            }
            return;
        }
        if sub_over {
            self.subscription = None;
            self.stop_timer(ImsTimer::Resubscribe);
            self.note(
                "the network ended the reg-event subscription (Subscription-State: terminated)",
            );
        } else {
            self.note("NOTIFY of the reg event: the registration is active");
        }
    }

    /// Why `info` says the UE's registration ended, if it does: the IMPU's
    /// registration is terminated, or the UE's own contact is. A contact
    /// that is active with a shorter expiry moves the refresh earlier.
    fn registration_ended(&mut self, info: &RegInfo) -> Option<String> {
        let impu = self.cfg.identity.impu.clone();
        let associated = self
            .registration
            .as_ref()
            .map(|r| r.associated.clone())
            .unwrap_or_default();
        let port = self.registration.as_ref().map(|r| r.contact_port);
        let ip = self.local_ip().map(host);
        for r in &info.registrations {
            let aor = r.aor.trim().trim_start_matches('<').trim_end_matches('>');
            let mine = aor.eq_ignore_ascii_case(&impu)
                || associated.iter().any(|a| a.eq_ignore_ascii_case(aor));
            if !mine {
                continue;
            }
            let contact = r.contacts.iter().find(|c| {
                Uri::parse(c.uri.trim()).ok().is_some_and(|u| {
                    u.as_sip().is_some_and(|s| {
                        Some(&s.host) == ip.as_ref() && s.port.unwrap_or(5060) == port.unwrap_or(0)
                    })
                })
            });
            let event = contact.map_or("", |c| c.event.as_str());
            if r.state.eq_ignore_ascii_case("terminated") {
                return Some(format!(
                    "NOTIFY: the network terminated the registration of {aor}{}",
                    event_words(event)
                ));
            }
            if let Some(c) = contact {
                if c.state.eq_ignore_ascii_case("terminated") {
                    return Some(format!(
                        "NOTIFY: the network terminated the UE's contact {}{}",
                        c.uri.trim(),
                        event_words(event)
                    ));
                }
                if c.event.eq_ignore_ascii_case("shortened")
                    && let Some(e) = c.expires
                {
                    let refresh = refresh_after(e);
                    if let Some(reg) = self.registration.as_mut() {
                        reg.expires = e;
                    }
                    self.start_timer(ImsTimer::Reregister, refresh);
                    self.note(format!(
                        "NOTIFY: the network shortened the registration to {e} s; refresh in {} s",
                        refresh.as_secs()
                    ));
                }
            }
        }
        None
    }
}

/// `, event "deactivated" (...)` for the notes.
fn event_words(event: &str) -> String {
    let meaning = match event.to_ascii_lowercase().as_str() {
        "" => return String::new(),
        "deactivated" => "the network expects the UE to register again",
        "rejected" => {
            "the network does not expect the UE to register again (TS 24.229 5.1.1.3); this UE tries once more anyway"
        }
        "expired" => "the registration expired",
        "unregistered" => "the UE de-registered",
        "probation" => "the UE is asked to register again later",
        _ => "",
    };
    if meaning.is_empty() {
        format!(" (event {event})")
    } else {
        format!(" (event {event}: {meaning})")
    }
}

/// The Route value for requests after registration: the Service-Route
/// (RFC 3608), in order.
pub(super) fn route_value(route: &[crate::codec::sip::NameAddr]) -> String {
    route
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
