//! How long personal data is kept. Applications of people not admitted go
//! a while after the intake's first teaching day; participants a while after
//! their cohort's practicum ends; drafts, sign-ups and sent mails on their own
//! clocks.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::{
    application::Status,
    local_time::{from_local, local_date},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// After the intake's decisions (its first teaching day).
    pub not_admitted: Duration,
    /// The same, when the applicant agreed to be considered for a later intake.
    pub kept_for_later: Duration,
    /// Participants (admitted), after the cohort's practicum (or last session).
    pub participant: Duration,
    /// A draft never sent.
    pub draft: Duration,
    /// After the info meeting.
    pub meeting_signup: Duration,
    /// A sent (or given up) e-mail, kept for questions about it.
    pub delivered_mail: Duration,
}

impl Default for Periods {
    fn default() -> Self {
        Self {
            not_admitted: Duration::days(183),
            kept_for_later: Duration::days(548),
            participant: Duration::days(365),
            draft: Duration::days(30),
            meeting_signup: Duration::weeks(8),
            delivered_mail: Duration::days(30),
        }
    }
}

/// The moment an application is due for deletion; admitted people are kept
/// as participants (their own period runs from the practicum's end).
pub fn application_due(
    status: Status,
    first_teaching_day: NaiveDate,
    kept_for_later: bool,
    periods: &Periods,
) -> Option<DateTime<Utc>> {
    if status == Status::Admitted {
        return None;
    }
    let period = if kept_for_later { periods.kept_for_later } else { periods.not_admitted };
    Some(from_local(first_teaching_day.and_time(NaiveTime::MIN)) + period)
}

/// The moment a cohort's participants are due: the period after the local
/// midnight that ends the cohort's last day (the practicum's, or the last
/// session's when there is no practicum).
pub fn participants_due(cohort_ends: NaiveDate, periods: &Periods) -> DateTime<Utc> {
    let day_after = cohort_ends.succ_opt().unwrap_or(cohort_ends);
    from_local(day_after.and_time(NaiveTime::MIN)) + periods.participant
}

/// Cohorts that started on or before this day may be due (a cohort ends after
/// it starts), so only those need their plan worked out.
pub fn participant_candidates_started_by(now: DateTime<Utc>, periods: &Periods) -> NaiveDate {
    local_date(now - periods.participant)
}

/// The limits storage deletes by at `now`: the same rules, in a form one
/// query per kind of data can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    /// Applications not admitted go when their intake started on or before this day.
    pub intakes_started_by: NaiveDate,
    /// The same for applications kept for a later intake.
    pub kept_intakes_started_by: NaiveDate,
    pub drafts_created_by: DateTime<Utc>,
    pub meetings_ended_by: DateTime<Utc>,
    pub mails_created_by: DateTime<Utc>,
}

impl Cutoffs {
    pub fn at(now: DateTime<Utc>, periods: &Periods) -> Self {
        Self {
            // Due when local midnight of the start plus the period has passed, so the
            // latest such start is the local date the period back from now.
            intakes_started_by: local_date(now - periods.not_admitted),
            kept_intakes_started_by: local_date(now - periods.kept_for_later),
            drafts_created_by: now - periods.draft,
            meetings_ended_by: now - periods.meeting_signup,
            mails_created_by: now - periods.delivered_mail,
        }
    }
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
        let due = application_due(Status::Rejected, start, false, &p).unwrap();
        assert_eq!(due.to_rfc3339(), "2028-03-20T22:00:00+00:00");
        assert!(!is_due(Some(due), due - Duration::seconds(1)));
        assert!(is_due(Some(due), due));
        assert_eq!(application_due(Status::Admitted, start, false, &p), None);
        assert!(application_due(Status::Withdrawn, start, false, &p).is_some());
    }

    #[test]
    fn participants_go_a_year_after_the_day_the_practicum_ends() {
        let p = Periods::default();
        let ends: NaiveDate = "2028-03-17".parse().unwrap();
        let due = participants_due(ends, &p);
        // Local midnight starting 18 March 2028 (winter time), plus 365 days.
        assert_eq!(due.to_rfc3339(), "2029-03-17T23:00:00+00:00");
        let start: NaiveDate = "2027-09-20".parse().unwrap();
        assert!(start <= participant_candidates_started_by(due, &p), "its cohort is looked at when due");
    }

    #[test]
    fn applications_kept_for_a_later_intake_go_eighteen_months_after_the_start() {
        let p = Periods::default();
        let start: NaiveDate = "2027-09-20".parse().unwrap();
        let due = application_due(Status::Rejected, start, true, &p).unwrap();
        assert_eq!(due.to_rfc3339(), "2029-03-20T22:00:00+00:00");
        let before = due - Duration::minutes(1);
        assert!(start > Cutoffs::at(before, &p).kept_intakes_started_by);
        assert!(start <= Cutoffs::at(due, &p).kept_intakes_started_by);
        assert!(start <= Cutoffs::at(before, &p).intakes_started_by, "without the consent it would be gone");
    }

    #[test]
    fn the_cutoff_day_agrees_with_each_applications_due_moment_across_summer_and_winter_time() {
        let p = Periods::default();
        // Starts in winter and summer time, and around the switch days.
        for start in ["2027-01-11", "2027-03-29", "2027-06-14", "2027-09-20", "2027-10-25", "2027-04-30"] {
            let start: NaiveDate = start.parse().unwrap();
            let due = application_due(Status::Rejected, start, false, &p).unwrap();
            for (now, expected) in
                [(due - Duration::minutes(1), false), (due, true), (due + Duration::minutes(1), true)]
            {
                let purged = start <= Cutoffs::at(now, &p).intakes_started_by;
                assert_eq!(purged, expected, "start {start}, now {now}");
            }
        }
    }

    #[test]
    fn the_other_cutoffs_are_their_periods_back_from_now() {
        let p = Periods::default();
        let now: DateTime<Utc> = "2027-05-01T10:00:00Z".parse().unwrap();
        let c = Cutoffs::at(now, &p);
        assert_eq!(c.drafts_created_by.to_rfc3339(), "2027-04-01T10:00:00+00:00");
        assert_eq!(c.meetings_ended_by.to_rfc3339(), "2027-03-06T10:00:00+00:00");
        assert_eq!(c.mails_created_by.to_rfc3339(), "2027-04-01T10:00:00+00:00");
    }
}
