//! How many tries at a secret (a password, a second-factor code) are
//! tolerated for one key (an account, a client address) before it must wait.
//!
//! A try is reserved *before* the secret is checked and given back when the
//! secret was right, so requests arriving at once cannot all slip through
//! between a check and a write: the record counts tries that failed or are
//! still being checked.
use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub max_attempts: i32,
    pub window: Duration,
    pub lockout: Duration,
}

/// Per account (an e-mail address, or a user's second factor or current
/// password): five tries in 15 minutes, then a 15-minute wait.
pub const PER_ACCOUNT: Policy =
    Policy { max_attempts: 5, window: Duration::minutes(15), lockout: Duration::minutes(15) };
/// Per client address: generous enough for a shared office, not for a robot.
pub const PER_CLIENT: Policy =
    Policy { max_attempts: 30, window: Duration::minutes(15), lockout: Duration::minutes(15) };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// Tries in the window that failed or are being checked.
    pub attempts: i32,
    pub window_start: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl Policy {
    /// Reserves one try at `now`: the record to store, and whether this try
    /// may be checked. The try that uses up the window starts the wait at
    /// once; a refund (the secret was right) lifts it again.
    pub fn reserve(&self, record: Option<&Record>, now: DateTime<Utc>) -> (Record, bool) {
        match record {
            Some(r) if r.locked_until.is_some_and(|until| now < until) => (*r, false),
            Some(r) if r.locked_until.is_none() && now - r.window_start < self.window => {
                let attempts = r.attempts + 1;
                let allowed = attempts <= self.max_attempts;
                let locked_until = (attempts >= self.max_attempts).then(|| now + self.lockout);
                (Record { attempts, window_start: r.window_start, locked_until }, allowed)
            }
            // No record, the window is over, or the wait is over: a fresh window.
            _ => {
                let locked_until = (self.max_attempts <= 1).then(|| now + self.lockout);
                (Record { attempts: 1, window_start: now, locked_until }, true)
            }
        }
    }

    /// Gives back a try that was reserved and not used against the secret
    /// (the secret was right, or the check could not run).
    pub fn refund(&self, record: &Record) -> Record {
        let attempts = (record.attempts - 1).max(0);
        let locked_until = record.locked_until.filter(|_| attempts >= self.max_attempts);
        Record { attempts, locked_until, ..*record }
    }

    /// Whether a try at `now` would be refused.
    pub fn is_locked(&self, record: Option<&Record>, now: DateTime<Utc>) -> bool {
        record.and_then(|r| r.locked_until).is_some_and(|until| now < until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    fn tries(policy: &Policy, record: &mut Option<Record>, at: DateTime<Utc>, n: usize) -> usize {
        (0..n)
            .filter(|_| {
                let (next, allowed) = policy.reserve(record.as_ref(), at);
                *record = Some(next);
                allowed
            })
            .count()
    }

    #[test]
    fn five_tries_within_the_window_then_a_fifteen_minute_wait() {
        let mut record = None;
        assert_eq!(tries(&PER_ACCOUNT, &mut record, t(0), 4), 4);
        assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(4)));
        assert_eq!(tries(&PER_ACCOUNT, &mut record, t(4), 1), 1);
        assert!(PER_ACCOUNT.is_locked(record.as_ref(), t(4)));
        assert_eq!(tries(&PER_ACCOUNT, &mut record, t(18), 3), 0);
        assert_eq!(tries(&PER_ACCOUNT, &mut record, t(19), 5), 5, "a fresh window after the wait");
    }

    #[test]
    fn a_burst_at_one_instant_gets_exactly_the_limit() {
        for policy in [PER_ACCOUNT, PER_CLIENT] {
            let mut record = None;
            assert_eq!(tries(&policy, &mut record, t(0), 100) as i32, policy.max_attempts);
        }
    }

    #[test]
    fn tries_spread_out_over_time_never_lock() {
        let mut record = None;
        for i in 0..20 {
            assert_eq!(tries(&PER_ACCOUNT, &mut record, t(i * 16), 1), 1);
            assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(i * 16)));
        }
    }

    #[test]
    fn a_refunded_try_does_not_count_and_lifts_the_wait_it_started() {
        let mut record = None;
        tries(&PER_ACCOUNT, &mut record, t(0), 5);
        // The fifth try turned out right: the wait it started is lifted.
        record = Some(PER_ACCOUNT.refund(&record.unwrap()));
        assert!(!PER_ACCOUNT.is_locked(record.as_ref(), t(1)));
        assert_eq!(tries(&PER_ACCOUNT, &mut record, t(1), 3), 1);
        assert_eq!(PER_ACCOUNT.refund(&Record { attempts: 0, window_start: t(0), locked_until: None }).attempts, 0);
    }
}
