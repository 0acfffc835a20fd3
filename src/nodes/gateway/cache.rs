//! Answers to recent GTPv2-C requests, so that a retransmitted request gets
//! the same answer again instead of being executed twice (TS 29.274 7.6: a
//! request is a retransmission when it comes from the same peer with the
//! same sequence number; the receiver answers it with the response it sent).
//!
//! Entries live [`ResponseCache::KEEP`]: longer than the MME keeps
//! retransmitting (T3 3 s x N3 3 retries in the nodes brief). They are
//! dropped lazily when the gateway next handles an input, so the cache needs
//! no timer of its own.

use crate::nodes::{NodeId, Time, Transmit};
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

/// Identifies a request: the peer node, its sequence number and its message
/// type (a peer that reused a sequence number for another kind of request
/// is not answered with the old response).
pub(super) type RequestKey = (NodeId, u32, u8);

/// Recent answers by request.
#[derive(Debug, Default)]
pub(super) struct ResponseCache {
    answers: HashMap<RequestKey, Transmit>,
    /// Keys in the order they were stored, with their expiry time.
    order: VecDeque<(Time, RequestKey)>,
}

impl ResponseCache {
    /// How long an answer is kept.
    pub(super) const KEEP: Duration = Duration::from_secs(12);

    /// The answer already sent to `key`, if still kept.
    pub(super) fn get(&self, key: &RequestKey) -> Option<&Transmit> {
        self.answers.get(key)
    }

    /// Keeps `answer` for `key` until `now + KEEP`.
    pub(super) fn put(&mut self, now: Time, key: RequestKey, answer: Transmit) {
        if self.answers.insert(key, answer).is_none() {
            self.order.push_back((now + Self::KEEP, key));
        }
    }

    /// Forgets the answers whose time is over.
    pub(super) fn expire(&mut self, now: Time) {
        while let Some(&(at, key)) = self.order.front() {
            if at > now {
                break;
            }
            self.order.pop_front();
            self.answers.remove(&key);
        }
    }

    /// Answers kept now.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.answers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::Iface;
    use bytes::Bytes;

    fn tx(b: u8) -> Transmit {
        Transmit {
            iface: Iface::S11,
            to: NodeId(1),
            bytes: Bytes::from(vec![b]),
            stream: 0,
            imsi: None,
        }
    }

    #[test]
    fn response_cache_keeps_answers_until_they_expire() {
        let mut c = ResponseCache::default();
        c.put(Time::ZERO, (NodeId(1), 7, 32), tx(1));
        c.put(Time::from_secs(5), (NodeId(1), 8, 32), tx(2));
        assert_eq!(c.get(&(NodeId(1), 7, 32)), Some(&tx(1)));
        assert_eq!(c.get(&(NodeId(2), 7, 32)), None);
        assert_eq!(c.get(&(NodeId(1), 7, 34)), None);
        c.expire(Time::from_secs(11));
        assert_eq!(c.len(), 2);
        c.expire(Time::from_secs(12));
        assert_eq!(c.get(&(NodeId(1), 7, 32)), None);
        assert_eq!(c.len(), 1);
        c.expire(Time::from_secs(17));
        assert_eq!(c.len(), 0);
    }
}
