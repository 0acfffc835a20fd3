//! Time as the nodes see it: microseconds since the start of the run. The
//! simulator advances it virtually; the runtime maps the wall clock onto it.

use std::fmt;
use std::ops::{Add, Sub};
use std::time::Duration;

/// A point in time, in microseconds since the run started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Time(pub u64);

impl Time {
    /// The start of the run.
    pub const ZERO: Self = Self(0);

    /// `ms` milliseconds after the start.
    pub const fn from_millis(ms: u64) -> Self {
        Self(ms * 1000)
    }

    /// `s` seconds after the start.
    pub const fn from_secs(s: u64) -> Self {
        Self(s * 1_000_000)
    }

    /// Microseconds since the start.
    pub const fn as_micros(self) -> u64 {
        self.0
    }

    /// The time as a duration since the start.
    pub const fn as_duration(self) -> Duration {
        Duration::from_micros(self.0)
    }
}

impl Add<Duration> for Time {
    type Output = Self;
    fn add(self, d: Duration) -> Self {
        Self(
            self.0
                .saturating_add(d.as_micros().min(u128::from(u64::MAX)) as u64),
        )
    }
}

impl Sub for Time {
    type Output = Duration;
    fn sub(self, earlier: Self) -> Duration {
        Duration::from_micros(self.0.saturating_sub(earlier.0))
    }
}

impl fmt::Display for Time {
    /// Seconds with millisecond precision, e.g. `1.250`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}", self.0 / 1_000_000, (self.0 / 1000) % 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_adds_durations_and_prints_seconds() {
        let t = Time::from_millis(1250) + Duration::from_millis(5);
        assert_eq!(t, Time(1_255_000));
        assert_eq!(t.to_string(), "1.255");
        assert_eq!(t - Time::from_secs(1), Duration::from_millis(255));
        assert_eq!(Time::ZERO - t, Duration::ZERO);
    }
}
