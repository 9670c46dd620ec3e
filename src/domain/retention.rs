//! How long personal data is kept. Applications of people not admitted go
//! a while after the intake's decisions; drafts, sign-ups and participants
//! on their own clocks. Every period is a setting with a default.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::{application::Status, local_time::from_local};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// After the intake's decisions (its first teaching day).
    pub not_admitted: Duration,
    /// A draft never sent.
    pub draft: Duration,
    /// After the info meeting.
    pub meeting_signup: Duration,
    /// After the practicum ends.
    pub participant: Duration,
}

impl Default for Periods {
    fn default() -> Self {
        Self {
            not_admitted: Duration::days(183),
            draft: Duration::days(30),
            meeting_signup: Duration::weeks(8),
            participant: Duration::days(365),
        }
    }
}

/// The moment an application is due for deletion; admitted people are kept
/// as participants (their own period runs from the practicum's end).
pub fn application_due(status: Status, first_teaching_day: NaiveDate, periods: &Periods) -> Option<DateTime<Utc>> {
    if status == Status::Admitted {
        return None;
    }
    Some(from_local(first_teaching_day.and_time(NaiveTime::MIN)) + periods.not_admitted)
}

pub fn is_due(due: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    due.is_some_and(|d| now >= d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_admitted_applications_go_six_months_after_the_start_and_admitted_ones_stay() {
        let p = Periods::default();
        let start: NaiveDate = "2027-09-20".parse().unwrap();
        let due = application_due(Status::Rejected, start, &p).unwrap();
        assert_eq!(due.to_rfc3339(), "2028-03-20T22:00:00+00:00");
        assert!(!is_due(Some(due), due - Duration::seconds(1)));
        assert!(is_due(Some(due), due));
        assert_eq!(application_due(Status::Admitted, start, &p), None);
        assert!(application_due(Status::Withdrawn, start, &p).is_some());
    }
}
