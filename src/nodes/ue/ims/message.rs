//! SIP MESSAGE in paging mode (RFC 3428, TS 24.229 5.1.2A.1): the UE sends
//! text/plain along its Service-Route over the SAs, and answers the
//! MESSAGEs it receives with 200 OK. Also the other incoming requests:
//! NOTIFY goes to the reg event, OPTIONS gets 200, the rest 405.

use super::reg_event::route_value;
use super::register::words;
use super::request::TxnKind;
use super::{ConnId, ImsClient};
use crate::codec::sip::{Method, SipMessage, Uri};
use crate::nodes::Time;

impl ImsClient {
    /// Sends `text` to `to` in a MESSAGE (TS 24.229 5.1.2A.1.1: Route from
    /// the Service-Route, over the SAs).
    pub fn send_message(&mut self, now: Time, to: &str, text: &str) {
        self.now = now;
        let Some(reg) = self.registration.clone().filter(|_| self.is_registered()) else {
            self.count("ims_message_failures");
            self.note(format!(
                "cannot send MESSAGE to {to}: the UE is not registered to IMS ({})",
                self.phase.name()
            ));
            return;
        };
        let uri = match Uri::parse(to) {
            Ok(u) => u,
            Err(e) => {
                self.count("ims_message_failures");
                self.note(format!("cannot send MESSAGE: {e}"));
                return;
            }
        };
        let Some(conn) = self.request_conn() else {
            return;
        };
        let impu = self.cfg.identity.impu.clone();
        let call_id = self.new_call_id();
        let tag = self.tag();
        let mut m = self.base_request(
            Method::Message,
            uri,
            &impu,
            &tag,
            to,
            &call_id,
            1,
            reg.contact_port,
        );
        if !reg.service_route.is_empty() {
            m.push_header("Route", route_value(&reg.service_route));
        }
        m.push_header(
            "P-Access-Network-Info",
            self.cfg.access_network_info.clone(),
        );
        m.set_body("text/plain", text.as_bytes().to_vec());
        self.note(format!("sending MESSAGE to {to}: {text}"));
        self.start_txn(TxnKind::Message { to: to.to_string() }, &m, conn);
    }

    pub(super) fn on_message_response(&mut self, to: &str, r: &SipMessage) {
        if r.status().is_some_and(|c| (200..300).contains(&c)) {
            self.count("ims_messages_delivered");
            self.note(format!("MESSAGE to {to} delivered ({})", words(r)));
        } else {
            self.count("ims_message_failures");
            self.note(format!("MESSAGE to {to} failed: {}", words(r)));
        }
    }

    /// A request from the network.
    pub(super) fn handle_request(&mut self, conn: ConnId, m: SipMessage) {
        let protected = self.conn(conn).is_some_and(|c| c.sa.is_some());
        if self.sa.is_some() && !protected {
            // With SAs in place, SIP from the P-CSCF must come through them
            // (TS 33.203 7.1).
            self.count("ims_unprotected_request_dropped");
            self.note(format!("dropped {} that came outside the SAs", m.summary()));
            return;
        }
        match m.method() {
            Some(Method::Notify) => self.handle_notify(conn, &m),
            Some(Method::Message) => self.handle_message(conn, &m),
            Some(Method::Options) => self.respond(conn, &m, 200),
            Some(Method::Ack) => {}
            _ => {
                self.count("ims_request_refused");
                self.note(format!(
                    "answered 405 to {}: this UE handles MESSAGE, NOTIFY and OPTIONS",
                    m.summary()
                ));
                let mut r = SipMessage::response_to(&m, 405, "");
                r.set_header("Allow", "MESSAGE, NOTIFY, OPTIONS");
                self.send_response(conn, r);
            }
        }
    }

    fn handle_message(&mut self, conn: ConnId, m: &SipMessage) {
        self.respond(conn, m, 200);
        let from = m
            .p_asserted_identity()
            .ok()
            .and_then(|l| l.into_iter().next())
            .or_else(|| m.from().ok())
            .map_or_else(|| "an unknown sender".to_string(), |a| a.uri.to_string());
        let text = m
            .body_text()
            .map_or_else(|| format!("<{} bytes>", m.body.len()), str::to_string);
        self.count("ims_messages_received");
        self.note(format!(
            "{} received MESSAGE from {from}: {text}",
            self.cfg.name
        ));
    }

    /// Answers `req` with `code` on the connection it came on.
    pub(super) fn respond(&mut self, conn: ConnId, req: &SipMessage, code: u16) {
        let r = SipMessage::response_to(req, code, "");
        self.send_response(conn, r);
    }

    fn send_response(&mut self, conn: ConnId, r: SipMessage) {
        let tag = self.tag();
        let r = r.with_to_tag(&tag);
        self.send_on(conn, r.encode());
    }
}
