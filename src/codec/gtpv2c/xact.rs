//! GTPv2-C client transactions (TS 29.274 7.6), sans-IO: sequence numbers,
//! retransmission of a request after T3 up to N3 times, and matching a
//! response to its request by sequence number and message type.
//!
//! The caller owns the clock: it passes `now` in and asks
//! [`Transactions::poll_timeout`] when to call [`Transactions::timeout`].
//! Time is any ordered type that a `Duration` can be added to, so this layer
//! does not depend on a node's clock type.
//!
//! ```
//! use std::time::Duration;
//! use volte_sim::codec::gtpv2c::{EchoRequest, EchoResponse, Message};
//! use volte_sim::codec::gtpv2c::xact::{Expired, Transactions};
//!
//! let mut x: Transactions<Duration, &str> = Transactions::new(1);
//! let wire = x.send(Duration::ZERO, Message::new(None, 0, EchoRequest::default()), "echo");
//! assert_eq!(x.poll_timeout(), Some(Duration::from_secs(3)));
//! // No answer within T3: the same bytes go out again.
//! let e = x.timeout(Duration::from_secs(3));
//! assert!(matches!(&e[..], [Expired::Retransmit { bytes, .. }] if *bytes == wire));
//! let rsp = Message::new(None, 1, EchoResponse::default());
//! assert_eq!(x.response(&rsp), Ok("echo"));
//! assert_eq!(x.pending(), 0);
//! ```

use super::Message;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Add;
use std::time::Duration;

/// T3-RESPONSE: how long to wait for a response before retransmitting
/// (TS 29.274 7.6 leaves the value to configuration; 3 s is common).
pub const T3: Duration = Duration::from_secs(3);

/// N3-REQUESTS: how many times a request is retransmitted before the
/// transaction is given up (TS 29.274 7.6).
pub const N3: u8 = 3;

/// The message type of the response to request type `request`: the next
/// value in TS 29.274 Table 6.1-1 for every request/response pair
/// (Echo 1/2, Create Session 32/33, ..., Create Bearer 95/96, ...).
pub fn response_type(request: u8) -> u8 {
    request.wrapping_add(1)
}

/// Why a response was not matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XactError {
    /// No request with this sequence number is pending (a late duplicate,
    /// or a response to a transaction given up).
    UnknownSequence(u32),
    /// A request with this sequence number is pending, but the response has
    /// the wrong message type. The transaction stays pending.
    WrongType {
        /// Sequence number.
        seq: u32,
        /// The response type the request expects.
        expected: u8,
        /// The type received.
        got: u8,
    },
}

impl fmt::Display for XactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownSequence(s) => write!(f, "no pending request has sequence number {s}"),
            Self::WrongType { seq, expected, got } => write!(
                f,
                "sequence number {seq} waits for message type {expected}, got {got}"
            ),
        }
    }
}

impl std::error::Error for XactError {}

/// What a timeout did to a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expired<T> {
    /// T3 ran out: send these bytes again (the request, unchanged).
    Retransmit {
        /// Sequence number.
        seq: u32,
        /// The request's wire bytes.
        bytes: Vec<u8>,
        /// Which retransmission this is (1..=N3).
        attempt: u8,
        /// The caller's tag.
        tag: T,
    },
    /// T3 ran out after N3 retransmissions: the transaction is over.
    GaveUp {
        /// Sequence number.
        seq: u32,
        /// Message type of the request.
        request_type: u8,
        /// How many times the request was sent in all.
        sent: u8,
        /// The caller's tag.
        tag: T,
    },
}

#[derive(Debug, Clone)]
struct Pending<I, T> {
    request_type: u8,
    bytes: Vec<u8>,
    tag: T,
    deadline: I,
    retransmissions: u8,
}

/// The client transactions of one GTPv2-C endpoint (toward any number of
/// peers: the tag says which).
#[derive(Debug, Clone)]
pub struct Transactions<I, T> {
    next_seq: u32,
    t3: Duration,
    n3: u8,
    pending: HashMap<u32, Pending<I, T>>,
    deadlines: BTreeSet<(I, u32)>,
}

impl<I, T> Transactions<I, T>
where
    I: Copy + Ord + Add<Duration, Output = I>,
    T: Clone,
{
    /// Transactions with T3 = 3 s and N3 = 3, numbering from `first_seq`.
    pub fn new(first_seq: u32) -> Self {
        Self::with_timers(first_seq, T3, N3)
    }

    /// Transactions with other T3/N3 values.
    pub fn with_timers(first_seq: u32, t3: Duration, n3: u8) -> Self {
        Self {
            next_seq: first_seq & 0x00ff_ffff,
            t3,
            n3,
            pending: HashMap::new(),
            deadlines: BTreeSet::new(),
        }
    }

    /// Requests sent and neither answered nor given up.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// A fresh 24-bit sequence number not used by a pending request.
    fn allocate_seq(&mut self) -> u32 {
        loop {
            let s = self.next_seq;
            self.next_seq = (self.next_seq + 1) & 0x00ff_ffff;
            if !self.pending.contains_key(&s) {
                return s;
            }
        }
    }

    /// Starts a transaction: gives `request` a sequence number, encodes it
    /// and arms T3. Returns the bytes to send.
    pub fn send(&mut self, now: I, mut request: Message, tag: T) -> Vec<u8> {
        let seq = self.allocate_seq();
        request.seq = seq;
        let bytes = request.encode();
        let deadline = now + self.t3;
        self.pending.insert(
            seq,
            Pending {
                request_type: request.message_type(),
                bytes: bytes.clone(),
                tag,
                deadline,
                retransmissions: 0,
            },
        );
        self.deadlines.insert((deadline, seq));
        bytes
    }

    /// The sequence number the next request will get (unless it is pending).
    pub fn peek_seq(&self) -> u32 {
        self.next_seq
    }

    /// Matches a received response to its request and ends the transaction.
    pub fn response(&mut self, response: &Message) -> Result<T, XactError> {
        let seq = response.seq;
        let Some(p) = self.pending.get(&seq) else {
            return Err(XactError::UnknownSequence(seq));
        };
        let expected = response_type(p.request_type);
        if response.message_type() != expected {
            return Err(XactError::WrongType {
                seq,
                expected,
                got: response.message_type(),
            });
        }
        let p = self
            .pending
            .remove(&seq)
            .ok_or(XactError::UnknownSequence(seq))?;
        self.deadlines.remove(&(p.deadline, seq));
        Ok(p.tag)
    }

    /// Forgets a pending transaction (no retransmission, no give-up).
    pub fn cancel(&mut self, seq: u32) -> Option<T> {
        let p = self.pending.remove(&seq)?;
        self.deadlines.remove(&(p.deadline, seq));
        Some(p.tag)
    }

    /// When T3 of the earliest pending request runs out.
    pub fn poll_timeout(&self) -> Option<I> {
        self.deadlines.first().map(|(t, _)| *t)
    }

    /// Handles every T3 that ran out at or before `now`.
    pub fn timeout(&mut self, now: I) -> Vec<Expired<T>> {
        let mut out = Vec::new();
        while let Some(&(at, seq)) = self.deadlines.first() {
            if at > now {
                break;
            }
            self.deadlines.remove(&(at, seq));
            let Some(p) = self.pending.get_mut(&seq) else {
                continue;
            };
            if p.retransmissions >= self.n3 {
                if let Some(p) = self.pending.remove(&seq) {
                    out.push(Expired::GaveUp {
                        seq,
                        request_type: p.request_type,
                        sent: p.retransmissions.saturating_add(1),
                        tag: p.tag,
                    });
                }
                continue;
            }
            p.retransmissions += 1;
            p.deadline = now + self.t3;
            self.deadlines.insert((p.deadline, seq));
            out.push(Expired::Retransmit {
                seq,
                bytes: p.bytes.clone(),
                attempt: p.retransmissions,
                tag: p.tag.clone(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cause, CreateSessionRequest, CreateSessionResponse, DeleteSessionResponse};
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn csr() -> Message {
        Message::new(Some(0), 0, CreateSessionRequest::default())
    }

    #[test]
    fn xact_numbers_requests_and_matches_responses_by_sequence() {
        let mut x: Transactions<Duration, u32> = Transactions::new(0x00ff_fffe);
        let a = x.send(secs(0), csr(), 1);
        let b = x.send(secs(0), csr(), 2);
        let c = x.send(secs(0), csr(), 3);
        let seq = |w: &[u8]| Message::decode(w).unwrap().seq;
        assert_eq!([seq(&a), seq(&b), seq(&c)], [0x00ff_fffe, 0x00ff_ffff, 0]);
        let rsp = |s| {
            Message::new(
                Some(1),
                s,
                CreateSessionResponse {
                    cause: Some(Cause::new(16)),
                    ..Default::default()
                },
            )
        };
        assert_eq!(x.response(&rsp(0x00ff_ffff)), Ok(2));
        assert_eq!(
            x.response(&rsp(0x00ff_ffff)),
            Err(XactError::UnknownSequence(0x00ff_ffff))
        );
        let wrong = Message::new(Some(1), 0, DeleteSessionResponse::default());
        assert_eq!(
            x.response(&wrong),
            Err(XactError::WrongType {
                seq: 0,
                expected: 33,
                got: 37
            })
        );
        assert_eq!(x.pending(), 2);
        assert_eq!(x.response(&rsp(0)), Ok(3));
    }

    #[test]
    fn xact_retransmits_after_t3_and_gives_up_after_n3() {
        let mut x: Transactions<Duration, &str> = Transactions::new(7);
        let wire = x.send(secs(10), csr(), "csr");
        let mut sent = 1;
        let mut t;
        loop {
            t = x.poll_timeout().unwrap();
            match x.timeout(t).as_slice() {
                [Expired::Retransmit { bytes, attempt, .. }] => {
                    assert_eq!(bytes, &wire);
                    sent += 1;
                    assert_eq!(usize::from(*attempt), sent - 1);
                }
                [Expired::GaveUp { sent: n, tag, .. }] => {
                    assert_eq!(*tag, "csr");
                    assert_eq!(usize::from(*n), sent);
                    break;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(sent, 4, "one send and N3 = 3 retransmissions");
        assert_eq!(t, secs(22), "given up 4 x T3 after the first send");
        assert_eq!(x.poll_timeout(), None);
        assert_eq!(x.pending(), 0);
    }

    #[test]
    fn xact_response_stops_retransmission_and_cancel_forgets() {
        let mut x: Transactions<Duration, ()> = Transactions::new(1);
        x.send(secs(0), csr(), ());
        x.send(secs(1), csr(), ());
        assert!(x.timeout(secs(2)).is_empty());
        assert_eq!(x.cancel(1), Some(()));
        assert_eq!(x.poll_timeout(), Some(secs(4)));
        let r = Message::new(Some(0), 2, CreateSessionResponse::default());
        x.response(&r).unwrap();
        assert_eq!(x.poll_timeout(), None);
        assert!(x.timeout(secs(100)).is_empty());
    }
}
