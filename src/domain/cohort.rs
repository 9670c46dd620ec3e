//! A cohort (hold): at most its capacity of people holding a seat, counted
//! as accepted offers plus offers still open.
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{
    application::Status,
    programme::ProgrammeFacts,
    schedule::{self, Practicum, Session, SessionChange},
};

/// A cohort as planned: the programme's pattern, its start and the coordinator's changes.
#[derive(Debug, Clone)]
pub struct Cohort {
    pub id: i64,
    pub intake_id: i64,
    pub intake_name: String,
    pub name: String,
    pub start_date: NaiveDate,
    pub capacity: i32,
    pub school_holidays: Vec<NaiveDate>,
    pub programme: ProgrammeFacts,
    pub changes: Vec<SessionChange>,
    pub added: Vec<Session>,
    /// Chosen follow-up days and supervisions (two each), or empty for the defaults.
    pub follow_up_days: Vec<NaiveDate>,
    pub supervision_days: Vec<NaiveDate>,
}

impl Cohort {
    /// The cohort's teaching plan with the coordinator's changes, and the practicum after it.
    pub fn plan(&self) -> (Vec<Session>, Option<Practicum>) {
        let c = self;
        let p = &c.programme;
        let planned = schedule::teaching_sessions(
            c.start_date,
            &p.teaching_weekdays,
            p.session_count,
            (p.session_starts, p.session_ends),
            &c.school_holidays,
        );
        let sessions = schedule::with_changes(planned, &c.changes, &c.added);
        let chosen = |days: &[NaiveDate]| <[NaiveDate; 2]>::try_from(days).ok();
        let practicum = sessions
            .last()
            .filter(|_| p.practicum_weeks > 0)
            .map(|last| schedule::practicum(last.date, p.practicum_weeks, p.practicum_hours_per_week))
            .map(|mut pr| {
                if let Some(days) = chosen(&c.follow_up_days) {
                    pr.follow_up_days = days;
                }
                if let Some(days) = chosen(&c.supervision_days) {
                    pr.supervisions = days;
                }
                pr
            });
        (sessions, practicum)
    }

    /// The cohort's last day: the end of the practicum, or the last session.
    pub fn ends(&self) -> Option<NaiveDate> {
        let (sessions, practicum) = self.plan();
        practicum.map(|p| p.ends).or_else(|| sessions.last().map(|s| s.date))
    }
}

/// Where an offered seat stands (`cohort_offers.status`): open, answered
/// either way, lapsed without an answer, or given up after being accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferStatus {
    Offered,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

impl OfferStatus {
    /// The stored text (the migration's check constraint lists the same words).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Offered => "offered",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::Withdrawn => "withdrawn",
        }
    }
}

impl std::str::FromStr for OfferStatus {
    type Err = ();

    /// Errors on any text but the five stored words.
    fn from_str(text: &str) -> Result<Self, ()> {
        [Self::Offered, Self::Accepted, Self::Declined, Self::Expired, Self::Withdrawn]
            .into_iter()
            .find(|s| s.key() == text)
            .ok_or(())
    }
}

/// How long an offered place waits for an answer.
pub const ANSWER_WINDOW: Duration = Duration::days(7);

/// An offer can be made to an application in these states (the interview is
/// the normal path, not a gate).
pub fn can_be_offered(status: Status) -> bool {
    matches!(status, Status::Submitted | Status::Invited | Status::Interviewed | Status::Waitlisted)
}

/// An open offer holds its seat until its answer-by moment.
pub fn holds_seat(accepted: bool, answer_by: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    accepted || now < answer_by
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_follow_the_contract() {
        for s in [Status::Submitted, Status::Invited, Status::Interviewed, Status::Waitlisted] {
            assert!(can_be_offered(s), "{s:?}");
        }
        for s in [Status::Offered, Status::Admitted, Status::Declined, Status::Rejected, Status::Withdrawn] {
            assert!(!can_be_offered(s), "{s:?}");
        }
    }

    #[test]
    fn an_open_offer_lapses_at_its_answer_by_moment() {
        let t: DateTime<Utc> = "2027-09-01T10:00:00Z".parse().unwrap();
        assert!(holds_seat(false, t, t - Duration::seconds(1)));
        assert!(!holds_seat(false, t, t));
        assert!(holds_seat(true, t, t + Duration::days(30)));
    }
}

/// A participant's attendance so far, in whole percent of the sessions held.
pub fn attendance_percent(present: u32, held: u32) -> Option<u32> {
    (held > 0).then(|| present * 100 / held)
}

/// Below the programme's required share (when it has one).
pub fn attendance_too_low(present: u32, held: u32, threshold_percent: Option<u32>) -> bool {
    match (attendance_percent(present, held), threshold_percent) {
        (Some(share), Some(threshold)) => share < threshold,
        _ => false,
    }
}

#[cfg(test)]
mod attendance_tests {
    use super::*;

    #[test]
    fn eighty_percent_is_enough_and_below_is_flagged_only_where_required() {
        assert_eq!(attendance_percent(4, 5), Some(80));
        assert!(!attendance_too_low(4, 5, Some(80)));
        assert!(attendance_too_low(3, 5, Some(80)));
        assert!(!attendance_too_low(0, 5, None), "no requirement, no warning");
        assert_eq!(attendance_percent(0, 0), None);
    }
}
