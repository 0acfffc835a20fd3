//! The UE's NAS timers (TS 24.301 10.2): a small table of deadlines; the
//! node's `poll_timeout` is the earliest.

use crate::nodes::Time;
use std::time::Duration;

/// T3410: attach (TS 24.301 10.2, 15 s).
pub(super) const T3410: Duration = Duration::from_secs(15);
/// T3421: UE-initiated detach (15 s).
pub(super) const T3421: Duration = Duration::from_secs(15);
/// T3482: UE-requested PDN connectivity (8 s).
pub(super) const T3482: Duration = Duration::from_secs(8);
/// T3492: UE-requested PDN disconnect (6 s).
pub(super) const T3492: Duration = Duration::from_secs(6);
/// How long an IPv6-only PDN waits for the gateway's Router Advertisement
/// before the UE gives up on a global address (RFC 4861 6.3.7 would send
/// three Router Solicitations 4 s apart in that time).
pub(super) const RA_WAIT: Duration = Duration::from_secs(12);
/// Transmissions before a procedure is given up: the attach attempt counter
/// limit (TS 24.301 5.5.1.2.6) and the fifth expiry of T3421/T3482/T3492
/// (5.5.2.2.4, 6.5.1.6, 6.5.2.5).
pub(super) const MAX_TRIES: u8 = 5;

/// Which timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Timer {
    /// Attach Request sent.
    T3410,
    /// Detach Request sent.
    T3421,
    /// PDN Connectivity Request with this PTI sent.
    T3482(u8),
    /// PDN Disconnect Request with this PTI sent.
    T3492(u8),
    /// The IPv6-only PDN of this default bearer waits for a Router
    /// Advertisement.
    RaWait(u8),
}

impl Timer {
    /// Its duration.
    pub(super) fn duration(self) -> Duration {
        match self {
            Self::T3410 => T3410,
            Self::T3421 => T3421,
            Self::T3482(_) => T3482,
            Self::T3492(_) => T3492,
            Self::RaWait(_) => RA_WAIT,
        }
    }
}

/// Running timers and their deadlines.
#[derive(Debug, Clone, Default)]
pub(super) struct Timers(Vec<(Time, Timer)>);

impl Timers {
    /// (Re)starts `t` at `now`.
    pub(super) fn start(&mut self, t: Timer, now: Time) {
        self.stop(t);
        self.0.push((now + t.duration(), t));
    }

    /// Stops `t` if it runs.
    pub(super) fn stop(&mut self, t: Timer) {
        self.0.retain(|(_, x)| *x != t);
    }

    /// Stops every timer.
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// The earliest deadline.
    pub(super) fn next(&self) -> Option<Time> {
        self.0.iter().map(|(at, _)| *at).min()
    }

    /// Removes and returns the timers due at `now`, earliest first.
    pub(super) fn take_due(&mut self, now: Time) -> Vec<Timer> {
        let mut due: Vec<(Time, Timer)> = self
            .0
            .iter()
            .filter(|(at, _)| *at <= now)
            .copied()
            .collect();
        due.sort_by_key(|(at, _)| *at);
        self.0.retain(|(at, _)| *at > now);
        due.into_iter().map(|(_, t)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_restart_and_fire_in_order() {
        let mut t = Timers::default();
        t.start(Timer::T3410, Time::ZERO);
        t.start(Timer::T3482(2), Time::ZERO);
        t.start(Timer::T3410, Time::from_secs(1));
        assert_eq!(t.next(), Some(Time::from_secs(8)));
        assert!(t.take_due(Time::from_secs(7)).is_empty());
        assert_eq!(
            t.take_due(Time::from_secs(20)),
            vec![Timer::T3482(2), Timer::T3410]
        );
        assert_eq!(t.next(), None);
    }
}
