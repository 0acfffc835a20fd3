//! Non-INVITE client and server transactions (RFC 3261 17.1.2, 17.2.2) as
//! sans-IO state machines: fed messages and the current time, they say
//! what to (re)send, what to hand to the transaction user and when they
//! next need to be woken. Time is any instant type that can add a
//! `Duration` (the node `Time`, `std::time::Instant`, or a plain `Duration`
//! since the start in tests).
//!
//! Timers (RFC 3261 Table 4): E (retransmit the request) and F (give up)
//! on the client, K (absorb response retransmissions) after the final
//! response; J (absorb request retransmissions) on the server. On
//! reliable transports there are no retransmissions and K and J are zero.

use super::PROTO;
use super::headers::Method;
use super::message::SipMessage;
use crate::codec::DecodeError;
use std::collections::VecDeque;
use std::fmt;
use std::ops::Add;
use std::time::Duration;

/// A point in time the transactions can use.
pub trait Instant: Copy + Ord + Add<Duration, Output = Self> + fmt::Debug {}
impl<T: Copy + Ord + Add<Duration, Output = T> + fmt::Debug> Instant for T {}

/// The RFC 3261 timer base values (17.1.1.1, Table 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerConfig {
    /// T1, RTT estimate: 500 ms.
    pub t1: Duration,
    /// T2, maximum retransmit interval for non-INVITE requests: 4 s.
    pub t2: Duration,
    /// T4, maximum time a message stays in the network: 5 s.
    pub t4: Duration,
}

impl Default for TimerConfig {
    fn default() -> Self {
        Self {
            t1: Duration::from_millis(500),
            t2: Duration::from_secs(4),
            t4: Duration::from_secs(5),
        }
    }
}

impl TimerConfig {
    /// 64*T1: Timer F and Timer J.
    pub fn timeout(&self) -> Duration {
        self.t1.saturating_mul(64)
    }
}

/// Whether the transport retransmits for us (RFC 3261 17.1.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// TCP, TLS, SCTP: no request retransmissions, K = J = 0.
    Reliable,
    /// UDP: Timers E, K and J run.
    Unreliable,
}

/// What identifies a transaction (RFC 3261 17.1.3, 17.2.3): the branch of
/// the top Via, the method, and on the server side the top Via's sent-by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TxnKey {
    /// Top Via branch (must start with the magic cookie `z9hG4bK`).
    pub branch: String,
    /// Method (from CSeq on responses).
    pub method: Method,
    /// Top Via sent-by, for server transactions; `None` on the client side.
    pub sent_by: Option<String>,
}

/// The magic cookie of RFC 3261 branches (8.1.1.7).
pub const MAGIC_COOKIE: &str = "z9hG4bK";

fn branch_of(msg: &SipMessage) -> Result<(String, String), DecodeError> {
    let via = msg.top_via()?;
    let branch = via
        .branch()
        .filter(|b| b.starts_with(MAGIC_COOKIE))
        .ok_or_else(|| DecodeError::new(PROTO, 0, "top Via has no RFC 3261 branch (z9hG4bK...)"))?;
    Ok((branch, via.sent_by()))
}

impl TxnKey {
    /// The client-side key of a request or response (17.1.3): top Via
    /// branch and CSeq method.
    pub fn client(msg: &SipMessage) -> Result<Self, DecodeError> {
        let (branch, _) = branch_of(msg)?;
        Ok(Self {
            branch,
            method: msg.cseq()?.method,
            sent_by: None,
        })
    }

    /// The server-side key of a request (17.2.3): top Via branch and
    /// sent-by, and the method (an ACK matches its INVITE).
    pub fn server(msg: &SipMessage) -> Result<Self, DecodeError> {
        let (branch, sent_by) = branch_of(msg)?;
        let method = match msg.method() {
            Some(Method::Ack) => Method::Invite,
            Some(m) => m.clone(),
            None => return Err(DecodeError::new(PROTO, 0, "not a request")),
        };
        Ok(Self {
            branch,
            method,
            sent_by: Some(sent_by),
        })
    }
}

/// States of both non-INVITE transactions (RFC 3261 Figures 6 and 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxnState {
    /// Request sent (client) or received (server), no response yet.
    Trying,
    /// A provisional response went by.
    Proceeding,
    /// A final response went by; absorbing retransmissions.
    Completed,
    /// Done; the transaction can be dropped.
    Terminated,
}

/// What a client transaction asks of its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientOutput {
    /// Send these bytes to the server (the request, or a retransmission).
    Transmit(Vec<u8>),
    /// A response for the transaction user.
    Response(SipMessage),
    /// Timer F fired: no final response (the TU treats it as 408).
    Timeout,
    /// The transport reported an error (RFC 3261 17.1.4).
    TransportError,
    /// The transaction has ended.
    Terminated,
}

/// A non-INVITE client transaction (RFC 3261 17.1.2).
#[derive(Debug, Clone)]
pub struct NonInviteClient<I> {
    key: TxnKey,
    request: Vec<u8>,
    state: TxnState,
    transport: Transport,
    timers: TimerConfig,
    /// Current Timer E interval.
    e_interval: Duration,
    timer_e: Option<I>,
    timer_f: Option<I>,
    timer_k: Option<I>,
    out: VecDeque<ClientOutput>,
}

impl<I: Instant> NonInviteClient<I> {
    /// Starts the transaction: the request is queued for transmission,
    /// Timer F (64*T1) starts, and Timer E (T1) on unreliable transports.
    pub fn new(
        now: I,
        request: &SipMessage,
        transport: Transport,
        timers: TimerConfig,
    ) -> Result<Self, DecodeError> {
        if !request.is_request() {
            return Err(DecodeError::new(
                PROTO,
                0,
                "a client transaction starts with a request",
            ));
        }
        if matches!(request.method(), Some(Method::Invite | Method::Ack)) {
            return Err(DecodeError::new(
                PROTO,
                0,
                "INVITE and ACK are not non-INVITE requests",
            ));
        }
        let key = TxnKey::client(request)?;
        let bytes = request.encode();
        let unreliable = transport == Transport::Unreliable;
        let mut out = VecDeque::new();
        out.push_back(ClientOutput::Transmit(bytes.clone()));
        Ok(Self {
            key,
            request: bytes,
            state: TxnState::Trying,
            transport,
            timers,
            e_interval: timers.t1,
            timer_e: unreliable.then(|| now + timers.t1),
            timer_f: Some(now + timers.timeout()),
            timer_k: None,
            out,
        })
    }

    /// The transaction's key.
    pub fn key(&self) -> &TxnKey {
        &self.key
    }

    /// Current state.
    pub fn state(&self) -> TxnState {
        self.state
    }

    /// True when `response` belongs to this transaction (17.1.3).
    pub fn matches(&self, response: &SipMessage) -> bool {
        !response.is_request() && TxnKey::client(response).is_ok_and(|k| k == self.key)
    }

    /// Feeds a response that [`NonInviteClient::matches`].
    pub fn handle_response(&mut self, now: I, response: SipMessage) {
        let Some(code) = response.status() else {
            return;
        };
        match (self.state, code) {
            (TxnState::Trying | TxnState::Proceeding, 100..=199) => {
                self.state = TxnState::Proceeding;
                self.out.push_back(ClientOutput::Response(response));
            }
            (TxnState::Trying | TxnState::Proceeding, _) => {
                self.timer_e = None;
                self.timer_f = None;
                self.out.push_back(ClientOutput::Response(response));
                match self.transport {
                    // Timer K is zero on reliable transports.
                    Transport::Reliable => self.terminate(),
                    Transport::Unreliable => {
                        self.state = TxnState::Completed;
                        self.timer_k = Some(now + self.timers.t4);
                    }
                }
            }
            // Completed: retransmitted responses are absorbed.
            _ => {}
        }
    }

    /// Fires whichever timers are due at `now`.
    pub fn handle_timeout(&mut self, now: I) {
        if self.timer_f.is_some_and(|t| t <= now) {
            self.out.push_back(ClientOutput::Timeout);
            self.terminate();
            return;
        }
        if let Some(t) = self.timer_e.filter(|t| *t <= now) {
            self.out
                .push_back(ClientOutput::Transmit(self.request.clone()));
            // Trying doubles up to T2; Proceeding retransmits every T2.
            self.e_interval = match self.state {
                TxnState::Trying => (self.e_interval * 2).min(self.timers.t2),
                _ => self.timers.t2,
            };
            self.timer_e = Some(t + self.e_interval);
        }
        if self.timer_k.is_some_and(|t| t <= now) {
            self.terminate();
        }
    }

    /// The transport failed to send (17.1.4).
    pub fn transport_error(&mut self) {
        if self.state != TxnState::Terminated {
            self.out.push_back(ClientOutput::TransportError);
            self.terminate();
        }
    }

    fn terminate(&mut self) {
        self.state = TxnState::Terminated;
        self.timer_e = None;
        self.timer_f = None;
        self.timer_k = None;
        self.out.push_back(ClientOutput::Terminated);
    }

    /// The next output, if any.
    pub fn poll_output(&mut self) -> Option<ClientOutput> {
        self.out.pop_front()
    }

    /// When [`NonInviteClient::handle_timeout`] should next be called.
    pub fn poll_timeout(&self) -> Option<I> {
        [self.timer_e, self.timer_f, self.timer_k]
            .into_iter()
            .flatten()
            .min()
    }
}

/// What a server transaction asks of its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerOutput {
    /// Send these bytes to the client (a response or its retransmission).
    Transmit(Vec<u8>),
    /// The transport reported an error (RFC 3261 17.2.4).
    TransportError,
    /// The transaction has ended.
    Terminated,
}

/// A non-INVITE server transaction (RFC 3261 17.2.2). The owner hands the
/// request that created it to the transaction user itself; retransmissions
/// of that request go to [`NonInviteServer::handle_request`].
#[derive(Debug, Clone)]
pub struct NonInviteServer<I> {
    key: TxnKey,
    state: TxnState,
    transport: Transport,
    timers: TimerConfig,
    last_response: Option<Vec<u8>>,
    timer_j: Option<I>,
    out: VecDeque<ServerOutput>,
}

impl<I: Instant> NonInviteServer<I> {
    /// Creates the transaction for `request` in Trying.
    pub fn new(
        request: &SipMessage,
        transport: Transport,
        timers: TimerConfig,
    ) -> Result<Self, DecodeError> {
        if matches!(request.method(), Some(Method::Invite | Method::Ack)) {
            return Err(DecodeError::new(
                PROTO,
                0,
                "INVITE and ACK are not non-INVITE requests",
            ));
        }
        Ok(Self {
            key: TxnKey::server(request)?,
            state: TxnState::Trying,
            transport,
            timers,
            last_response: None,
            timer_j: None,
            out: VecDeque::new(),
        })
    }

    /// The transaction's key.
    pub fn key(&self) -> &TxnKey {
        &self.key
    }

    /// Current state.
    pub fn state(&self) -> TxnState {
        self.state
    }

    /// True when `request` belongs to this transaction (17.2.3).
    pub fn matches(&self, request: &SipMessage) -> bool {
        TxnKey::server(request).is_ok_and(|k| k == self.key)
    }

    /// A retransmission of the request: absorbed in Trying, answered with
    /// the last response in Proceeding and Completed.
    pub fn handle_request(&mut self, _now: I, _request: &SipMessage) {
        if matches!(self.state, TxnState::Proceeding | TxnState::Completed)
            && let Some(r) = &self.last_response
        {
            self.out.push_back(ServerOutput::Transmit(r.clone()));
        }
    }

    /// The transaction user answers. Returns false (and sends nothing) when
    /// the transaction already sent its final response or ended.
    pub fn send_response(&mut self, now: I, response: &SipMessage) -> bool {
        let Some(code) = response.status() else {
            return false;
        };
        if !matches!(self.state, TxnState::Trying | TxnState::Proceeding) {
            return false;
        }
        let bytes = response.encode();
        self.out.push_back(ServerOutput::Transmit(bytes.clone()));
        self.last_response = Some(bytes);
        if code < 200 {
            self.state = TxnState::Proceeding;
        } else {
            match self.transport {
                // Timer J is zero on reliable transports.
                Transport::Reliable => self.terminate(),
                Transport::Unreliable => {
                    self.state = TxnState::Completed;
                    self.timer_j = Some(now + self.timers.timeout());
                }
            }
        }
        true
    }

    /// Fires Timer J when due.
    pub fn handle_timeout(&mut self, now: I) {
        if self.timer_j.is_some_and(|t| t <= now) {
            self.terminate();
        }
    }

    /// The transport failed to send (17.2.4).
    pub fn transport_error(&mut self) {
        if self.state != TxnState::Terminated {
            self.out.push_back(ServerOutput::TransportError);
            self.terminate();
        }
    }

    fn terminate(&mut self) {
        self.state = TxnState::Terminated;
        self.timer_j = None;
        self.out.push_back(ServerOutput::Terminated);
    }

    /// The next output, if any.
    pub fn poll_output(&mut self) -> Option<ServerOutput> {
        self.out.pop_front()
    }

    /// When [`NonInviteServer::handle_timeout`] should next be called.
    pub fn poll_timeout(&self) -> Option<I> {
        self.timer_j
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type T = Duration;
    const MS: fn(u64) -> Duration = Duration::from_millis;

    fn request() -> SipMessage {
        SipMessage::decode(
            b"MESSAGE sip:b@ims SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKm1\r\n\
              From: <sip:a@ims>;tag=1\r\nTo: <sip:b@ims>\r\nCall-ID: m1\r\nCSeq: 7 MESSAGE\r\n\
              Content-Length: 0\r\n\r\n",
        )
        .unwrap()
    }

    fn drain_c(t: &mut NonInviteClient<T>) -> Vec<ClientOutput> {
        std::iter::from_fn(|| t.poll_output()).collect()
    }

    fn drain_s(t: &mut NonInviteServer<T>) -> Vec<ServerOutput> {
        std::iter::from_fn(|| t.poll_output()).collect()
    }

    /// Runs `t` until `until`, returning the times of retransmissions.
    fn retransmit_times(t: &mut NonInviteClient<T>, until: T) -> Vec<u64> {
        let mut times = Vec::new();
        while let Some(at) = t.poll_timeout().filter(|at| *at <= until) {
            t.handle_timeout(at);
            for o in drain_c(t) {
                if let ClientOutput::Transmit(_) = o {
                    times.push(at.as_millis() as u64);
                }
            }
        }
        times
    }

    #[test]
    fn client_retransmits_with_backoff_then_times_out_on_udp() {
        let req = request();
        let mut t =
            NonInviteClient::new(T::ZERO, &req, Transport::Unreliable, TimerConfig::default())
                .unwrap();
        assert_eq!(drain_c(&mut t), vec![ClientOutput::Transmit(req.encode())]);
        let times = retransmit_times(&mut t, MS(31_999));
        // E: 0.5, 1.5, 3.5, 7.5, then every T2 = 4 s.
        assert_eq!(
            times,
            vec![
                500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500
            ]
        );
        assert_eq!(t.poll_timeout(), Some(MS(32_000)));
        t.handle_timeout(MS(32_000));
        assert_eq!(
            drain_c(&mut t),
            vec![ClientOutput::Timeout, ClientOutput::Terminated]
        );
        assert_eq!(t.state(), TxnState::Terminated);
        assert_eq!(t.poll_timeout(), None);
    }

    #[test]
    fn client_proceeding_retransmits_every_t2_and_completes() {
        let req = request();
        let mut t =
            NonInviteClient::new(T::ZERO, &req, Transport::Unreliable, TimerConfig::default())
                .unwrap();
        drain_c(&mut t);
        let trying = SipMessage::response_to(&req, 100, "");
        assert!(t.matches(&trying));
        t.handle_response(MS(100), trying.clone());
        assert_eq!(t.state(), TxnState::Proceeding);
        assert_eq!(drain_c(&mut t), vec![ClientOutput::Response(trying)]);
        // E was armed at 0.5 s; in Proceeding the next interval is T2.
        assert_eq!(retransmit_times(&mut t, MS(5000)), vec![500, 4500]);
        let ok = SipMessage::response_to(&req, 200, "").with_to_tag("x");
        t.handle_response(MS(5000), ok.clone());
        assert_eq!(t.state(), TxnState::Completed);
        assert_eq!(drain_c(&mut t), vec![ClientOutput::Response(ok.clone())]);
        // Retransmitted final responses are absorbed; K = T4 = 5 s.
        t.handle_response(MS(6000), ok);
        assert!(drain_c(&mut t).is_empty());
        assert_eq!(t.poll_timeout(), Some(MS(10_000)));
        t.handle_timeout(MS(10_000));
        assert_eq!(drain_c(&mut t), vec![ClientOutput::Terminated]);
    }

    #[test]
    fn client_on_tcp_has_no_retransmissions_and_no_timer_k() {
        let req = request();
        let mut t =
            NonInviteClient::new(T::ZERO, &req, Transport::Reliable, TimerConfig::default())
                .unwrap();
        drain_c(&mut t);
        assert_eq!(t.poll_timeout(), Some(MS(32_000)));
        let ok = SipMessage::response_to(&req, 202, "");
        t.handle_response(MS(10), ok.clone());
        assert_eq!(
            drain_c(&mut t),
            vec![ClientOutput::Response(ok), ClientOutput::Terminated]
        );
        assert_eq!(t.poll_timeout(), None);
    }

    #[test]
    fn client_ignores_responses_of_other_transactions() {
        let req = request();
        let t = NonInviteClient::new(T::ZERO, &req, Transport::Reliable, TimerConfig::default())
            .unwrap();
        let mut other = SipMessage::response_to(&req, 200, "");
        other.set_header("CSeq", "7 OPTIONS");
        assert!(!t.matches(&other));
        let mut other = SipMessage::response_to(&req, 200, "");
        other.set_header("Via", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKzz");
        assert!(!t.matches(&other));
        assert!(!t.matches(&req));
    }

    #[test]
    fn server_absorbs_then_replays_and_times_out_with_timer_j() {
        let req = request();
        let mut s: NonInviteServer<T> =
            NonInviteServer::new(&req, Transport::Unreliable, TimerConfig::default()).unwrap();
        assert!(s.matches(&req));
        s.handle_request(MS(400), &req);
        assert!(drain_s(&mut s).is_empty(), "Trying absorbs retransmissions");
        let trying = SipMessage::response_to(&req, 100, "");
        assert!(s.send_response(MS(450), &trying));
        assert_eq!(s.state(), TxnState::Proceeding);
        s.handle_request(MS(900), &req);
        assert_eq!(
            drain_s(&mut s),
            vec![
                ServerOutput::Transmit(trying.encode()),
                ServerOutput::Transmit(trying.encode())
            ]
        );
        let ok = SipMessage::response_to(&req, 200, "").with_to_tag("t");
        assert!(s.send_response(MS(1000), &ok));
        assert_eq!(s.state(), TxnState::Completed);
        assert!(!s.send_response(MS(1001), &ok), "a second final is refused");
        s.handle_request(MS(1500), &req);
        assert_eq!(
            drain_s(&mut s),
            vec![
                ServerOutput::Transmit(ok.encode()),
                ServerOutput::Transmit(ok.encode())
            ]
        );
        assert_eq!(s.poll_timeout(), Some(MS(33_000)));
        s.handle_timeout(MS(32_999));
        assert_eq!(s.state(), TxnState::Completed);
        s.handle_timeout(MS(33_000));
        assert_eq!(drain_s(&mut s), vec![ServerOutput::Terminated]);
    }

    #[test]
    fn server_on_tcp_terminates_at_final_response() {
        let req = request();
        let mut s: NonInviteServer<T> =
            NonInviteServer::new(&req, Transport::Reliable, TimerConfig::default()).unwrap();
        let ok = SipMessage::response_to(&req, 200, "");
        assert!(s.send_response(MS(1), &ok));
        assert_eq!(
            drain_s(&mut s),
            vec![
                ServerOutput::Transmit(ok.encode()),
                ServerOutput::Terminated
            ]
        );
        assert_eq!(s.poll_timeout(), None);
    }

    #[test]
    fn server_key_includes_sent_by_and_maps_ack_to_invite() {
        let req = request();
        let k = TxnKey::server(&req).unwrap();
        assert_eq!(k.sent_by.as_deref(), Some("10.0.0.1:5060"));
        let mut moved = req.clone();
        moved.set_header("Via", "SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKm1");
        assert_ne!(TxnKey::server(&moved).unwrap(), k);
        let mut no_cookie = req;
        no_cookie.set_header("Via", "SIP/2.0/UDP h;branch=old1");
        assert!(TxnKey::client(&no_cookie).is_err());
    }

    #[test]
    fn transport_error_terminates_both() {
        let req = request();
        let mut c =
            NonInviteClient::new(T::ZERO, &req, Transport::Reliable, TimerConfig::default())
                .unwrap();
        drain_c(&mut c);
        c.transport_error();
        assert_eq!(
            drain_c(&mut c),
            vec![ClientOutput::TransportError, ClientOutput::Terminated]
        );
        let mut s: NonInviteServer<T> =
            NonInviteServer::new(&req, Transport::Reliable, TimerConfig::default()).unwrap();
        s.transport_error();
        assert_eq!(
            drain_s(&mut s),
            vec![ServerOutput::TransportError, ServerOutput::Terminated]
        );
    }
}
