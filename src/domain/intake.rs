//! An intake's timeline: when applications open and close.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::local_time::{from_local, nth_weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakePhase {
    NotYetOpen,
    Open,
    Closed,
}

/// Open from `opens_at` up to, not including, the deadline minute's end:
/// a deadline of 10:00 accepts 09:59:59 and refuses 10:00:00.
pub fn phase(opens_at: DateTime<Utc>, deadline: DateTime<Utc>, now: DateTime<Utc>) -> IntakePhase {
    if now < opens_at {
        IntakePhase::NotYetOpen
    } else if now < deadline {
        IntakePhase::Open
    } else {
        IntakePhase::Closed
    }
}

/// The dates of an intake that follows the Randers 2021 pattern in `year`:
/// deadline the third Tuesday of August at 10:00, info meeting a week before
/// at 16:30-18:00, interviews 10, 13 and 14 days after the deadline (Friday,
/// Monday, Tuesday), teaching from the third Monday of September.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakePattern {
    pub deadline: DateTime<Utc>,
    pub info_meeting: (DateTime<Utc>, DateTime<Utc>),
    pub interview_days: Vec<NaiveDate>,
    pub start_date: NaiveDate,
}

impl IntakePattern {
    pub fn randers(year: i32) -> Self {
        let at = |date: NaiveDate, h, m| {
            from_local(date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time")))
        };
        let deadline_day =
            nth_weekday(year, 8, Weekday::Tue, 3).expect("August has three Tuesdays");
        let meeting_day = deadline_day - Duration::days(7);
        Self {
            deadline: at(deadline_day, 10, 0),
            info_meeting: (at(meeting_day, 16, 30), at(meeting_day, 18, 0)),
            interview_days: [10, 13, 14]
                .iter()
                .map(|d| deadline_day + Duration::days(*d))
                .collect(),
            start_date: nth_weekday(year, 9, Weekday::Mon, 3).expect("September has three Mondays"),
        }
    }

    /// The first year whose pattern deadline is still ahead of `now`.
    pub fn next_randers(now: DateTime<Utc>) -> (i32, Self) {
        let mut year = super::local_time::local_date(now).year();
        loop {
            let pattern = Self::randers(year);
            if pattern.deadline > now {
                return (year, pattern);
            }
            year += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn local(s: &str) -> DateTime<Utc> {
        from_local(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap())
    }

    #[test]
    fn the_deadline_minute_itself_is_closed_in_summer_time() {
        let deadline = local("2027-08-17T10:00:00");
        let opens = local("2027-06-01T00:00:00");
        assert_eq!(
            phase(opens, deadline, local("2027-08-17T09:59:59")),
            IntakePhase::Open
        );
        assert_eq!(
            phase(opens, deadline, local("2027-08-17T10:00:00")),
            IntakePhase::Closed
        );
        assert_eq!(
            phase(opens, deadline, local("2027-05-31T23:59:59")),
            IntakePhase::NotYetOpen
        );
        assert_eq!(deadline.to_rfc3339(), "2027-08-17T08:00:00+00:00");
    }

    #[test]
    fn the_deadline_minute_itself_is_closed_in_winter_time() {
        let deadline = local("2027-01-12T10:00:00");
        let opens = local("2026-11-01T00:00:00");
        assert_eq!(deadline.to_rfc3339(), "2027-01-12T09:00:00+00:00");
        assert_eq!(
            phase(opens, deadline, local("2027-01-12T09:59:00")),
            IntakePhase::Open
        );
        assert_eq!(
            phase(opens, deadline, local("2027-01-12T10:00:00")),
            IntakePhase::Closed
        );
    }

    #[test]
    fn the_2021_pattern_reproduces_the_real_2021_dates() {
        let p = IntakePattern::randers(2021);
        assert_eq!(p.deadline, local("2021-08-17T10:00:00"));
        assert_eq!(
            p.info_meeting,
            (local("2021-08-10T16:30:00"), local("2021-08-10T18:00:00"))
        );
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
        assert_eq!(p.interview_days, vec![d(8, 27), d(8, 30), d(8, 31)]);
        assert_eq!(p.start_date, d(9, 20));
    }

    #[test]
    fn the_next_pattern_is_the_first_whose_deadline_is_ahead() {
        assert_eq!(
            IntakePattern::next_randers(local("2026-11-23T12:00:00")).0,
            2027
        );
        assert_eq!(
            IntakePattern::next_randers(local("2027-08-17T09:59:00")).0,
            2027
        );
        assert_eq!(
            IntakePattern::next_randers(local("2027-08-17T10:00:00")).0,
            2028
        );
        let p = IntakePattern::randers(2027);
        assert_eq!(p.deadline, local("2027-08-17T10:00:00"));
        assert_eq!(p.start_date, NaiveDate::from_ymd_opt(2027, 9, 20).unwrap());
    }
}

/// An intake with its programme's facts, as pages need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub opens_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub start_date: NaiveDate,
    pub interview_days: Vec<NaiveDate>,
    pub programme: super::programme::ProgrammeFacts,
}

impl Intake {
    pub fn phase(&self, now: DateTime<Utc>) -> IntakePhase {
        phase(self.opens_at, self.deadline, now)
    }
}
