//! What every request of the UE shares (RFC 3261 8.1.1, TS 24.229
//! 5.1.2A.1): Via with the protected server port, Max-Forwards, From with a
//! tag, To, Call-ID, CSeq, P-Access-Network-Info; the connection requests
//! go on once registered; and the client transactions (RFC 3261 17.1.2,
//! `codec::sip::txn`) that match responses and time out.

use super::conn::host;
use super::{ConnId, ImsClient, SIP_PORT};
use crate::codec::sip::txn::{ClientOutput, NonInviteClient, TimerConfig, Transport};
use crate::codec::sip::{Method, SipMessage, Uri, Via};
use crate::nodes::Time;
use crate::nodes::ue::usim::Usim;
use std::net::SocketAddr;

/// Which REGISTER (TS 24.229 5.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RegKind {
    /// The initial REGISTER, without credentials (5.1.1.2).
    Initial,
    /// The answer to a valid challenge, with the AKA response (5.1.1.5.1).
    Credentials,
    /// The answer to an invalid challenge: MAC or SQN failure (5.1.1.5.3).
    Failure,
    /// A refresh over the SAs (5.1.1.4).
    Refresh,
    /// De-registration, Expires 0 (5.1.1.6).
    Deregister,
}

/// What a client transaction is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TxnKind {
    /// A REGISTER.
    Register(RegKind),
    /// The reg-event SUBSCRIBE.
    Subscribe,
    /// A MESSAGE to `to`.
    Message {
        /// The recipient.
        to: String,
    },
}

/// A running client transaction.
pub(super) struct ClientTxn {
    pub(super) kind: TxnKind,
    pub(super) txn: NonInviteClient<Time>,
    pub(super) conn: ConnId,
}

/// What one transaction produced.
#[derive(Default)]
struct Drained {
    sends: Vec<Vec<u8>>,
    responses: Vec<SipMessage>,
    failed: Option<&'static str>,
    done: bool,
}

impl ImsClient {
    /// A new Via branch (RFC 3261 8.1.1.7: the magic cookie first).
    pub(super) fn branch(&mut self) -> String {
        format!("z9hG4bK{}", self.rng.hex(8))
    }

    /// A new tag or cnonce.
    pub(super) fn tag(&mut self) -> String {
        self.rng.hex(6)
    }

    /// A new Call-ID.
    pub(super) fn new_call_id(&mut self) -> String {
        self.rng.hex(12)
    }

    /// The UE's address on the ims PDN for the P-CSCF in use.
    pub(super) fn local_ip(&self) -> Option<std::net::IpAddr> {
        self.pair().map(|(l, _)| l)
    }

    /// `Method uri` with Via (TCP, sent-by the UE's address and `port`),
    /// Max-Forwards 70, From `from`;tag, To `to`, Call-ID and CSeq.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn base_request(
        &mut self,
        method: Method,
        uri: Uri,
        from: &str,
        from_tag: &str,
        to: &str,
        call_id: &str,
        cseq: u32,
        port: u16,
    ) -> SipMessage {
        let ip = self.local_ip().map_or_else(|| "0.0.0.0".to_string(), host);
        let branch = self.branch();
        let via = Via::new("TCP", &ip, Some(port), &branch);
        let name = method.to_string();
        SipMessage::request(method, uri)
            .with_header("Via", via)
            .with_header("Max-Forwards", 70)
            .with_header("From", format!("<{from}>;tag={from_tag}"))
            .with_header("To", format!("<{to}>"))
            .with_header("Call-ID", call_id)
            .with_header("CSeq", format!("{cseq} {name}"))
    }

    /// The connection for requests: the SAs' client connection (from
    /// port-c to the P-CSCF's port-s, reopened if it closed), or without
    /// IPsec the unprotected one.
    pub(super) fn request_conn(&mut self) -> Option<ConnId> {
        if let Some(sa) = &self.sa {
            if let Some(c) = sa.client.filter(|c| self.conn(*c).is_some()) {
                return Some(c);
            }
            let local = SocketAddr::new(sa.ue_ip, sa.ue.port_c);
            let remote = SocketAddr::new(sa.pcscf_ip, sa.pcscf.port_s);
            let sa_id = sa.id;
            let id = self.open_conn(local, remote, Some(sa_id));
            if let Some(sa) = self.sa.as_mut() {
                sa.client = Some(id);
            }
            return Some(id);
        }
        if let Some(p) = self.plain.filter(|p| self.conn(*p).is_some()) {
            return Some(p);
        }
        let (local, remote) = self.pair()?;
        let port = self.rng.range(49152, 65535) as u16;
        let id = self.open_conn(
            SocketAddr::new(local, port),
            SocketAddr::new(remote, SIP_PORT),
            None,
        );
        self.plain = Some(id);
        Some(id)
    }

    /// Starts a client transaction for `msg` on `conn` (reliable
    /// transport: no retransmissions, Timer F = 64*T1).
    pub(super) fn start_txn(&mut self, kind: TxnKind, msg: &SipMessage, conn: ConnId) {
        match NonInviteClient::new(self.now, msg, Transport::Reliable, TimerConfig::default()) {
            Ok(txn) => {
                self.txns.push(ClientTxn { kind, txn, conn });
                let i = self.txns.len() - 1;
                self.run_txn(i, None);
            }
            Err(e) => self.note(format!("could not send {}: {}", msg.summary(), e.what)),
        }
    }

    fn drain(&mut self, i: usize) -> Drained {
        let mut d = Drained::default();
        let Some(t) = self.txns.get_mut(i) else {
            return d;
        };
        while let Some(o) = t.txn.poll_output() {
            match o {
                ClientOutput::Transmit(b) => d.sends.push(b),
                ClientOutput::Response(r) => d.responses.push(r),
                ClientOutput::Timeout => d.failed = Some("no final response within 32 s (Timer F)"),
                ClientOutput::TransportError => d.failed = Some("the transport failed"),
                ClientOutput::Terminated => d.done = true,
            }
        }
        d
    }

    /// Moves transaction `i`'s outputs: bytes to its connection,
    /// responses to their handlers.
    fn run_txn(&mut self, i: usize, usim: Option<&mut Usim>) {
        let d = self.drain(i);
        let Some(t) = self.txns.get(i) else {
            return;
        };
        let (kind, conn) = (t.kind.clone(), t.conn);
        if d.done {
            self.txns.remove(i);
        }
        for b in d.sends {
            self.send_on(conn, b);
        }
        let mut usim = usim;
        for r in d.responses {
            self.on_txn_response(&kind, r, usim.as_deref_mut());
        }
        if let Some(why) = d.failed {
            self.txn_failed(kind, why);
        }
    }

    /// A response: to the transaction it belongs to (RFC 3261 17.1.3).
    pub(super) fn handle_response(&mut self, m: SipMessage, usim: &mut Usim) {
        let Some(i) = self.txns.iter().position(|t| t.txn.matches(&m)) else {
            self.count("ims_stray_response");
            self.note(format!(
                "ignored {}: no request of the UE waits for it",
                m.summary()
            ));
            return;
        };
        let now = self.now;
        self.txns[i].txn.handle_response(now, m);
        self.run_txn(i, Some(usim));
    }

    /// Fires the transactions' timers.
    pub(super) fn txn_timeouts(&mut self) {
        let now = self.now;
        let mut i = 0;
        while i < self.txns.len() {
            let due = self.txns[i].txn.poll_timeout().is_some_and(|t| t <= now);
            let before = self.txns.len();
            if due {
                self.txns[i].txn.handle_timeout(now);
                self.run_txn(i, None);
            }
            if self.txns.len() >= before {
                i += 1;
            }
        }
    }

    fn on_txn_response(&mut self, kind: &TxnKind, r: SipMessage, usim: Option<&mut Usim>) {
        if r.status().is_some_and(|c| c < 200) {
            return;
        }
        match kind {
            TxnKind::Register(k) => self.on_register_response(*k, r, usim),
            TxnKind::Subscribe => self.on_subscribe_response(&r),
            TxnKind::Message { to } => self.on_message_response(to, &r),
        }
    }

    /// A transaction ended without a final response.
    pub(super) fn txn_failed(&mut self, kind: TxnKind, why: &str) {
        match kind {
            TxnKind::Register(RegKind::Deregister) => {
                self.note(format!(
                    "no answer to the de-registering REGISTER ({why}): de-registered locally"
                ));
                self.finish_deregistration();
            }
            TxnKind::Register(k) => {
                let what = match k {
                    RegKind::Refresh => "the refreshing REGISTER",
                    _ => "REGISTER",
                };
                self.fail(format!(
                    "IMS registration failed: no answer to {what}: {why}"
                ));
            }
            TxnKind::Subscribe => {
                self.subscription = None;
                self.note(format!("no answer to the reg-event SUBSCRIBE: {why}"));
            }
            TxnKind::Message { to } => {
                self.count("ims_message_failures");
                self.note(format!("MESSAGE to {to} failed: {why}"));
            }
        }
    }
}
