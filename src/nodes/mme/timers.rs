//! The MME's timer table: one entry per running (UE, timer), ordered by
//! deadline, so that `poll_timeout` is the first entry and a UE costs no
//! more than the entries it has running. GTPv2-C T3 lives in the S11
//! transaction layer and the Diameter watchdog in the peer; the node's
//! `poll_timeout` is the earliest of the three.

use super::context::UeId;
use crate::nodes::Time;
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// The MME's per-UE timers (TS 24.301 10.2, Tables 10.2.2 and 10.3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimerKind {
    /// T3450: Attach Accept (and GUTI reallocation, TAU Accept) sent.
    T3450,
    /// T3460: Authentication Request or Security Mode Command sent.
    T3460,
    /// T3470: Identity Request sent.
    T3470,
    /// T3422: network-initiated Detach Request sent.
    T3422,
    /// T3485: stand-alone Activate Default EPS Bearer Context Request sent
    /// (TS 24.301 6.4.1.2).
    T3485,
    /// T3495: Deactivate EPS Bearer Context Request sent.
    T3495,
    /// T3489: ESM Information Request sent.
    T3489,
    /// Waiting for an S6a answer (Diameter runs over a reliable transport
    /// and is not retransmitted; this bounds the wait, RFC 6733 Tx).
    S6aAnswer,
}

impl TimerKind {
    /// Every kind, for stopping all of a UE's timers.
    pub const ALL: [Self; 8] = [
        Self::T3450,
        Self::T3460,
        Self::T3470,
        Self::T3422,
        Self::T3485,
        Self::T3495,
        Self::T3489,
        Self::S6aAnswer,
    ];

    /// The timer's value.
    pub fn duration(self) -> Duration {
        match self {
            Self::T3450 | Self::T3460 | Self::T3470 | Self::T3422 => Duration::from_secs(6),
            Self::T3485 | Self::T3495 => Duration::from_secs(8),
            Self::T3489 => Duration::from_secs(4),
            Self::S6aAnswer => Duration::from_secs(10),
        }
    }

    /// How many times the message is retransmitted on expiry before the
    /// procedure is aborted (TS 24.301: "on the fifth expiry" for the EMM
    /// timers and T3485/T3495, "on the third expiry" for T3489).
    pub fn retransmissions(self) -> u8 {
        match self {
            Self::T3489 => 2,
            Self::S6aAnswer => 0,
            _ => 4,
        }
    }

    /// The timer's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::T3450 => "T3450",
            Self::T3460 => "T3460",
            Self::T3470 => "T3470",
            Self::T3422 => "T3422",
            Self::T3485 => "T3485",
            Self::T3495 => "T3495",
            Self::T3489 => "T3489",
            Self::S6aAnswer => "S6a answer timer",
        }
    }
}

/// Running timers, by (UE, kind) and by deadline.
#[derive(Debug, Default)]
pub struct TimerTable {
    by_key: HashMap<(UeId, TimerKind), Time>,
    queue: BTreeSet<(Time, UeId, TimerKind)>,
}

impl TimerTable {
    /// (Re)starts `kind` for `ue` to run out at `now` + its duration.
    pub fn start(&mut self, now: Time, ue: UeId, kind: TimerKind) {
        self.start_at(now + kind.duration(), ue, kind);
    }

    /// (Re)starts `kind` for `ue` to run out at `at`.
    pub fn start_at(&mut self, at: Time, ue: UeId, kind: TimerKind) {
        if let Some(old) = self.by_key.insert((ue, kind), at) {
            self.queue.remove(&(old, ue, kind));
        }
        self.queue.insert((at, ue, kind));
    }

    /// Stops `kind` for `ue`; true if it was running.
    pub fn stop(&mut self, ue: UeId, kind: TimerKind) -> bool {
        match self.by_key.remove(&(ue, kind)) {
            Some(at) => self.queue.remove(&(at, ue, kind)),
            None => false,
        }
    }

    /// Stops every timer of `ue`.
    pub fn stop_all(&mut self, ue: UeId) {
        for k in TimerKind::ALL {
            self.stop(ue, k);
        }
    }

    /// Whether `kind` runs for `ue`.
    pub fn is_running(&self, ue: UeId, kind: TimerKind) -> bool {
        self.by_key.contains_key(&(ue, kind))
    }

    /// The earliest deadline.
    pub fn earliest(&self) -> Option<Time> {
        self.queue.first().map(|(t, _, _)| *t)
    }

    /// Removes and returns one timer that ran out at or before `now`.
    pub fn pop_expired(&mut self, now: Time) -> Option<(UeId, TimerKind)> {
        let &(at, ue, kind) = self.queue.first()?;
        if at > now {
            return None;
        }
        self.queue.remove(&(at, ue, kind));
        self.by_key.remove(&(ue, kind));
        Some((ue, kind))
    }

    /// Number of running timers.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// True when no timer runs.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timer_table_orders_by_deadline_and_restarts_replace() {
        let mut t = TimerTable::default();
        t.start(Time::ZERO, UeId(1), TimerKind::T3460);
        t.start(Time::ZERO, UeId(2), TimerKind::T3489);
        assert_eq!(t.earliest(), Some(Time::from_secs(4)));
        // Restarting moves the entry instead of adding one.
        t.start(Time::from_secs(1), UeId(2), TimerKind::T3489);
        assert_eq!(t.len(), 2);
        assert_eq!(t.earliest(), Some(Time::from_secs(5)));
        assert_eq!(t.pop_expired(Time::from_secs(4)), None);
        assert_eq!(
            t.pop_expired(Time::from_secs(6)),
            Some((UeId(2), TimerKind::T3489))
        );
        assert_eq!(
            t.pop_expired(Time::from_secs(6)),
            Some((UeId(1), TimerKind::T3460))
        );
        assert!(t.is_empty());
    }

    #[test]
    fn timer_table_stops_one_or_all_of_a_ue() {
        let mut t = TimerTable::default();
        t.start(Time::ZERO, UeId(1), TimerKind::T3450);
        t.start(Time::ZERO, UeId(1), TimerKind::T3485);
        t.start(Time::ZERO, UeId(3), TimerKind::T3470);
        assert!(t.stop(UeId(1), TimerKind::T3450));
        assert!(!t.stop(UeId(1), TimerKind::T3450));
        assert!(t.is_running(UeId(1), TimerKind::T3485));
        t.stop_all(UeId(1));
        assert_eq!(t.len(), 1);
        assert_eq!(t.earliest(), Some(Time::from_secs(6)));
        assert_eq!(TimerKind::T3450.retransmissions(), 4);
    }
}
