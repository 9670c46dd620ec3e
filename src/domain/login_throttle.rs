//! How many failed sign-ins are tolerated before a key (an account's address,
//! or a client address) must wait.
use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub max_failures: i32,
    pub window: Duration,
    pub lockout: Duration,
}

/// Per e-mail address: five tries in 15 minutes, then a 15-minute wait.
pub const PER_ACCOUNT: Policy =
    Policy { max_failures: 5, window: Duration::minutes(15), lockout: Duration::minutes(15) };
/// Per client address: generous enough for a shared office, not for a robot.
pub const PER_CLIENT: Policy =
    Policy { max_failures: 30, window: Duration::minutes(15), lockout: Duration::minutes(15) };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub failures: i32,
    pub window_start: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl Policy {
    pub fn is_locked(&self, record: Option<&Record>, now: DateTime<Utc>) -> bool {
        record.and_then(|r| r.locked_until).is_some_and(|until| now < until)
    }

    /// The record after one more failure at `now`.
    pub fn after_failure(&self, record: Option<&Record>, now: DateTime<Utc>) -> Record {
        let fresh = Record { failures: 1, window_start: now, locked_until: None };
        let mut next = match record {
            Some(r) if now - r.window_start < self.window => Record { failures: r.failures + 1, ..*r },
            _ => fresh,
        };
        if next.failures >= self.max_failures {
            next.locked_until = Some(now + self.lockout);
            // The next window starts after the wait.
            next.failures = 0;
            next.window_start = now + self.lockout;
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn the_fifth_failure_within_the_window_locks_for_fifteen_minutes() {
        let mut record = None;
        for i in 0..4 {
            record = Some(PER_ACCOUNT.after_failure(record.as_ref(), t(i)));
            assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(i)));
        }
        record = Some(PER_ACCOUNT.after_failure(record.as_ref(), t(4)));
        assert!(PER_ACCOUNT.is_locked(record.as_ref(), t(4)));
        assert!(PER_ACCOUNT.is_locked(record.as_ref(), t(18)));
        assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(19)));
    }

    #[test]
    fn failures_spread_out_over_time_never_lock() {
        let mut record = None;
        for i in 0..20 {
            record = Some(PER_ACCOUNT.after_failure(record.as_ref(), t(i * 16)));
            assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(i * 16)));
        }
    }
}
