//! A cohort (hold): at most its capacity of people holding a seat, counted
//! as accepted offers plus offers still open.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::{
    application::Status,
    local_time::{from_local, local_date},
    programme::{ProgrammeFacts, Structure},
    schedule::{self, Practicum, Session, SessionChange},
    year_programme::{self, YearPlan},
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
    /// Chosen follow-up days and supervisions (the programme's number of
    /// each, see [`chosen_days_fit`]), or empty for the suggested ones.
    pub follow_up_days: Vec<NaiveDate>,
    pub supervision_days: Vec<NaiveDate>,
}

impl Cohort {
    /// The cohort's teaching plan with the coordinator's changes, and the practicum after it.
    pub fn plan(&self) -> (Vec<Session>, Option<Practicum>) {
        let c = self;
        let p = &c.programme;
        // A recruitment has no teaching at all.
        if !p.structure.has_schedule() {
            return (Vec::new(), None);
        }
        // A year programme's practicum runs alongside its teaching days (see `year_plan`).
        if let Some(year) = self.year_plan() {
            return (schedule::with_changes(year.teaching_days, &c.changes, &c.added), None);
        }
        let planned = schedule::teaching_sessions(
            c.start_date,
            &p.teaching_weekdays,
            p.session_count,
            (p.session_starts, p.session_ends),
            &c.school_holidays,
        );
        let sessions = schedule::with_changes(planned, &c.changes, &c.added);
        let pattern = p.practicum_pattern();
        let practicum = sessions.last().filter(|_| p.practicum_weeks > 0).map(|last| {
            let mut pr = schedule::practicum(last.date, pattern);
            if fits(&c.follow_up_days, pattern.follow_up_days) {
                pr.follow_up_days = c.follow_up_days.clone();
            }
            if fits(&c.supervision_days, pattern.supervisions) {
                pr.supervisions = c.supervision_days.clone();
            }
            pr
        });
        (sessions, practicum)
    }

    /// The cohort's last day: the end of the practicum, or the last session.
    pub fn ends(&self) -> Option<NaiveDate> {
        if let Some(year) = self.year_plan() {
            return Some(year.ends);
        }
        let (sessions, practicum) = self.plan();
        practicum.map(|p| p.ends).or_else(|| sessions.last().map(|s| s.date))
    }

    /// A year programme's practicum period, teaching days (as planned, before
    /// the coordinator's changes) and visit rule; none for other structures.
    pub fn year_plan(&self) -> Option<YearPlan> {
        let Structure::YearProgramme(rules) = self.programme.structure else { return None };
        let p = &self.programme;
        let times = (p.session_starts, p.session_ends);
        Some(year_programme::plan(self.start_date, rules, &p.teaching_weekdays, times, &self.school_holidays))
    }
}

/// Whether chosen days replace the suggested ones: exactly the programme's number.
fn fits(days: &[NaiveDate], count: u32) -> bool {
    !days.is_empty() && days.len() == count as usize
}

/// A list of chosen days that is neither empty nor the programme's number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongDayCount {
    /// `follow_up_days` or `supervision_days` (the cohort form's fields).
    pub field: &'static str,
    pub expected: u32,
}

/// The coordinator's own follow-up days and supervisions for a cohort of
/// `programme`: each list empty (the suggestion) or exactly the programme's
/// number of days (Randers: 2 and 2).
pub fn chosen_days_fit(
    programme: &ProgrammeFacts,
    follow_ups: &[NaiveDate],
    supervisions: &[NaiveDate],
) -> Result<(), WrongDayCount> {
    let pattern = programme.practicum_pattern();
    for (field, days, expected) in [
        ("follow_up_days", follow_ups, pattern.follow_up_days),
        ("supervision_days", supervisions, pattern.supervisions),
    ] {
        if !days.is_empty() && days.len() != expected as usize {
            return Err(WrongDayCount { field, expected });
        }
    }
    Ok(())
}

/// What a place commits a participant to, from the cohort's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub sessions: usize,
    /// The weekdays teaching falls on, Monday first.
    pub weekdays: Vec<Weekday>,
    /// The sessions' times when they all share them.
    pub times: Option<(NaiveTime, NaiveTime)>,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub practicum_weeks: u32,
    pub practicum: Option<Practicum>,
    /// A year programme's practicum period and visits.
    pub year: Option<YearPlan>,
}

impl Cohort {
    /// None when the plan has no teaching sessions.
    pub fn commitment(&self) -> Option<Commitment> {
        let (sessions, practicum) = self.plan();
        let (first, last) = (sessions.first()?, sessions.last()?);
        let mut weekdays: Vec<Weekday> = sessions.iter().map(|s| s.date.weekday()).collect();
        weekdays.sort_by_key(|d| d.num_days_from_monday());
        weekdays.dedup();
        let same = sessions.iter().all(|s| (s.starts, s.ends) == (first.starts, first.ends));
        Some(Commitment {
            sessions: sessions.len(),
            weekdays,
            times: same.then_some((first.starts, first.ends)),
            first: first.date,
            last: last.date,
            practicum_weeks: self.programme.practicum_weeks,
            practicum,
            year: self.year_plan(),
        })
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

/// The answer-by moment of an offer made at `offered`: the end of the Danish
/// day `ANSWER_WINDOW` after it, so people are given a day and not a clock
/// time; stored as the next local midnight, which the lapse job and the answer
/// flow compare against (`holds_seat`).
pub fn answer_by(offered: DateTime<Utc>) -> DateTime<Utc> {
    let last = local_date(offered) + ANSWER_WINDOW;
    from_local((last + Duration::days(1)).and_time(NaiveTime::MIN))
}

/// The last Danish day on which an offer with this answer-by moment can be answered.
pub fn last_answer_day(answer_by: DateTime<Utc>) -> NaiveDate {
    local_date(answer_by - Duration::nanoseconds(1))
}

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

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_offer_can_be_answered_until_the_end_of_the_seventh_danish_day() {
        // Sunday 6 December 2026 at 03.57 in Copenhagen (winter time, UTC+1).
        let by = answer_by(utc("2026-12-06T02:57:00Z"));
        assert_eq!(by, utc("2026-12-13T23:00:00Z"), "midnight after Sunday 13 December, Danish time");
        assert_eq!(last_answer_day(by), day("2026-12-13"));
        assert!(holds_seat(false, by, utc("2026-12-13T22:59:59Z")), "23.59 on the last day still holds");
        assert!(!holds_seat(false, by, by), "00.00 the next day does not");
    }

    #[test]
    fn the_danish_day_counts_not_the_utc_day() {
        // 00.30 on 7 December in Copenhagen is still 6 December in UTC.
        let by = answer_by(utc("2026-12-06T23:30:00Z"));
        assert_eq!(last_answer_day(by), day("2026-12-14"));
        // 23.30 on 6 December in Copenhagen.
        assert_eq!(last_answer_day(answer_by(utc("2026-12-06T22:30:00Z"))), day("2026-12-13"));
    }

    #[test]
    fn the_commitment_follows_the_plan_with_its_changes() {
        let mut cohort = Cohort {
            id: 1,
            intake_id: 1,
            intake_name: "Optag 2027".into(),
            name: "Hold 2027".into(),
            start_date: day("2027-09-20"),
            capacity: 8,
            school_holidays: Vec::new(),
            programme: ProgrammeFacts::randers(),
            changes: Vec::new(),
            added: Vec::new(),
            follow_up_days: Vec::new(),
            supervision_days: Vec::new(),
        };
        let c = cohort.commitment().unwrap();
        assert_eq!((c.sessions, c.first, c.last), (26, day("2027-09-20"), day("2027-12-15")));
        assert_eq!(c.weekdays, [Weekday::Mon, Weekday::Wed]);
        assert_eq!(c.times.map(|(s, e)| (e - s).num_hours()), Some(3));
        let p = c.practicum.unwrap();
        // The practicum would start on 20 December: after Christmas instead.
        assert_eq!((c.practicum_weeks, p.starts, p.ends), (13, day("2028-01-03"), day("2028-03-31")));
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        cohort.changes = vec![
            SessionChange::Moved { number: 1, date: day("2027-09-21"), starts: ten, ends: ten + Duration::hours(3) },
            SessionChange::Cancelled { number: 2 },
        ];
        let c = cohort.commitment().unwrap();
        assert_eq!((c.sessions, c.first), (25, day("2027-09-21")));
        assert_eq!(c.weekdays, [Weekday::Mon, Weekday::Tue, Weekday::Wed]);
        assert_eq!(c.times, None, "one session moved to other times");
    }

    #[test]
    fn chosen_days_are_none_or_the_programmes_number_and_replace_the_suggestion() {
        let viborg = ProgrammeFacts { follow_up_days: 3, supervisions: 1, ..ProgrammeFacts::viborg() };
        let days = |list: &[&str]| list.iter().map(|d| day(d)).collect::<Vec<_>>();
        assert_eq!(chosen_days_fit(&viborg, &[], &[]), Ok(()));
        let three = days(&["2028-01-24", "2028-02-21", "2028-03-20"]);
        assert_eq!(chosen_days_fit(&viborg, &three, &days(&["2028-02-23"])), Ok(()));
        assert_eq!(
            chosen_days_fit(&viborg, &three[..2], &[]),
            Err(WrongDayCount { field: "follow_up_days", expected: 3 })
        );
        assert_eq!(
            chosen_days_fit(&ProgrammeFacts::randers(), &[], &three),
            Err(WrongDayCount { field: "supervision_days", expected: 2 })
        );
        let cohort = Cohort {
            id: 1,
            intake_id: 1,
            intake_name: "Optag".into(),
            name: "Hold".into(),
            start_date: day("2027-09-20"),
            capacity: 8,
            school_holidays: Vec::new(),
            programme: viborg,
            changes: Vec::new(),
            added: Vec::new(),
            follow_up_days: three.clone(),
            supervision_days: Vec::new(),
        };
        let p = cohort.plan().1.unwrap();
        assert_eq!(p.follow_up_days, three);
        assert_eq!(p.supervisions.len(), 1, "the suggestion, one supervision");
        assert_eq!((p.starts, p.ends), (day("2028-01-03"), day("2028-04-21")), "Viborg: 16 weeks after Christmas");
    }

    #[test]
    fn the_end_of_the_day_holds_across_a_change_of_clocks() {
        // Summer time begins on Sunday 28 March 2027: the last day ends at 22.00 UTC.
        let spring = answer_by(utc("2027-03-22T09:00:00Z"));
        assert_eq!(spring, utc("2027-03-29T22:00:00Z"));
        assert_eq!(last_answer_day(spring), day("2027-03-29"));
        // Winter time begins on Sunday 31 October 2027: the last day ends at 23.00 UTC.
        let autumn = answer_by(utc("2027-10-27T21:30:00Z"));
        assert_eq!(autumn, utc("2027-11-03T23:00:00Z"));
        assert_eq!(last_answer_day(autumn), day("2027-11-03"));
        // Offered in summer time late in the evening, answered by in winter time.
        let across = answer_by(utc("2027-10-26T22:30:00Z"));
        assert_eq!(last_answer_day(across), day("2027-11-03"), "00.30 on 27 October, Danish time");
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
