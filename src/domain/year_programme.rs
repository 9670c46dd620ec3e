//! The year programme (MB-forløbet, seed `003_...`): "Et MB-forløb varer et
//! år og kombinerer praktik med undervisning og personlig sparring" – a
//! practicum of `months` months from the cohort's start with teaching days on
//! the programme's weekdays – and "MB-konsulenterne kommer på opfølgningsbesøg
//! på selve praktikstedet minimum tre gange i praktiktiden som regel sammen med
//! vejlederen": at least `site_visits` visits, planned and then recorded as held.
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveTime, Weekday};

use super::{
    programme::YearRules,
    schedule::{Session, is_public_holiday},
};

/// A year programme's cohort as planned: the practicum period (both days
/// included) and the teaching days inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearPlan {
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub months: u32,
    /// Visits the practicum needs at the least.
    pub site_visits: u32,
    pub teaching_days: Vec<Session>,
}

impl YearPlan {
    /// Whether a day falls in the practicum period.
    pub fn covers(&self, day: NaiveDate) -> bool {
        (self.starts..=self.ends).contains(&day)
    }
}

/// The practicum period: from `start` to the day before the same date
/// `months` later (the month's last day where that date does not exist);
/// 12 months from 3 January 2028 end on 2 January 2029.
pub fn period(start: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    let after = start.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX);
    (start, (after - Duration::days(1)).max(start))
}

/// The plan of a cohort starting on `start`: every `weekdays` day of the
/// period is a teaching day from `times.0` to `times.1`, except Danish public
/// holidays and the school's own days off (not made up: the year is fixed).
pub fn plan(
    start: NaiveDate,
    rules: YearRules,
    weekdays: &[Weekday],
    (starts, ends): (NaiveTime, NaiveTime),
    school_holidays: &[NaiveDate],
) -> YearPlan {
    let (first, last) = period(start, rules.months);
    let teaching_days = first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| weekdays.contains(&d.weekday()) && !is_public_holiday(*d) && !school_holidays.contains(d))
        .enumerate()
        .map(|(n, date)| Session { number: n as u32 + 1, date, starts, ends })
        .collect();
    YearPlan { starts: first, ends: last, months: rules.months, site_visits: rules.site_visits, teaching_days }
}

/// Why a visit cannot be planned or recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitRefused {
    /// The day is before the practicum starts or after it ends.
    OutsidePracticum,
    /// The visit ends before it starts.
    EndsBeforeStart,
    /// A visit cannot be recorded as held before its day.
    NotYetHeld,
}

/// A visit may be planned on any day of the practicum period (sites such as
/// housing services work every day), ending after it starts.
pub fn check_planned(
    plan: &YearPlan,
    day: NaiveDate,
    (starts, ends): (NaiveTime, NaiveTime),
) -> Result<(), VisitRefused> {
    if !plan.covers(day) {
        return Err(VisitRefused::OutsidePracticum);
    }
    if ends <= starts {
        return Err(VisitRefused::EndsBeforeStart);
    }
    Ok(())
}

/// A visit is recorded as held on or after its day (`today`: the Danish date).
pub fn check_held(day: NaiveDate, today: NaiveDate) -> Result<(), VisitRefused> {
    if day > today { Err(VisitRefused::NotYetHeld) } else { Ok(()) }
}

/// One visit as the rule needs it: its day and whether it is recorded as held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub day: NaiveDate,
    pub held: bool,
}

/// A participant's visits counted on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitCount {
    pub required: u32,
    pub held: u32,
    /// Planned for today or later, not yet recorded.
    pub planned: u32,
    /// Planned for a day that has passed, not recorded as held.
    pub unrecorded: u32,
}

/// Where a participant's visits stand, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitStatus {
    /// At least the required number held.
    Done,
    /// The practicum is over with this many visits short.
    EndedShort { missing: u32 },
    /// Even with every planned visit held, this many are missing: plan more.
    TooFewPlanned { missing: u32 },
    /// Enough are planned, but this many whose day passed are not recorded.
    Unrecorded { count: u32 },
    /// Enough are planned.
    OnCourse,
}

impl VisitStatus {
    /// The value of the cohort page's `data-visits` attribute.
    pub fn key(self) -> &'static str {
        match self {
            VisitStatus::Done => "done",
            VisitStatus::EndedShort { .. } => "ended_short",
            VisitStatus::TooFewPlanned { .. } => "too_few_planned",
            VisitStatus::Unrecorded { .. } => "unrecorded",
            VisitStatus::OnCourse => "on_course",
        }
    }

    /// Whether the coordinator should act.
    pub fn is_warning(self) -> bool {
        !matches!(self, VisitStatus::Done | VisitStatus::OnCourse)
    }
}

/// Counts the visits on `today` (visits outside the period never count: they
/// cannot be planned there).
pub fn count(plan: &YearPlan, visits: &[Visit], today: NaiveDate) -> VisitCount {
    let inside = || visits.iter().filter(|v| plan.covers(v.day));
    let n = |f: &dyn Fn(&Visit) -> bool| inside().filter(|v| f(v)).count() as u32;
    VisitCount {
        required: plan.site_visits,
        held: n(&|v| v.held),
        planned: n(&|v| !v.held && v.day >= today),
        unrecorded: n(&|v| !v.held && v.day < today),
    }
}

/// The rule: done once `required` are held; after the practicum's last day
/// anything less is short; before it, held plus planned (and passed but not
/// yet recorded) must reach `required`, else more must be planned.
pub fn status(plan: &YearPlan, visits: &[Visit], today: NaiveDate) -> (VisitCount, VisitStatus) {
    let c = count(plan, visits, today);
    let status = if c.held >= c.required {
        VisitStatus::Done
    } else if today > plan.ends {
        VisitStatus::EndedShort { missing: c.required - c.held }
    } else if c.held + c.planned + c.unrecorded < c.required {
        VisitStatus::TooFewPlanned { missing: c.required - c.held - c.planned - c.unrecorded }
    } else if c.unrecorded > 0 {
        VisitStatus::Unrecorded { count: c.unrecorded }
    } else {
        VisitStatus::OnCourse
    };
    (c, status)
}

/// A visit's fields once they parse (the form's `date`, `from`, `to`, `note`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitInput {
    pub day: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    /// Control characters removed; none when empty.
    pub note: Option<String>,
}

/// A visit field that did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitField {
    /// Not a `YYYY-MM-DD` date in `PLAUSIBLE_YEARS`.
    Date,
    /// Not two `HH:MM` times, the second after the first.
    Times,
    /// Over `NOTE_MAX` characters.
    Note,
}

/// The longest note on a visit, in characters (after CRLF becomes LF).
pub const NOTE_MAX: usize = 500;

/// Parses the typed fields, reporting every field that fails at once.
pub fn parse_visit(date: &str, from: &str, to: &str, note: &str) -> Result<VisitInput, Vec<VisitField>> {
    let day = super::local_time::parse_date(date);
    let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let times = time(from).zip(time(to)).filter(|(s, e)| e > s);
    let note = super::text::normalise(note).trim().to_string();
    let mut wrong = Vec::new();
    if day.is_none() {
        wrong.push(VisitField::Date);
    }
    if times.is_none() {
        wrong.push(VisitField::Times);
    }
    if note.chars().count() > NOTE_MAX {
        wrong.push(VisitField::Note);
    }
    match (day, times) {
        (Some(day), Some((starts, ends))) if wrong.is_empty() => {
            Ok(VisitInput { day, starts, ends, note: Some(note).filter(|n| !n.is_empty()) })
        }
        _ => Err(wrong),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    /// MB-forløbet from Monday 3 January 2028, teaching on Thursdays 9-15.
    fn mb() -> YearPlan {
        plan(d("2028-01-03"), YearRules::mb_forloebet(), &[Weekday::Thu], (t(9), t(15)), &[])
    }

    fn planned(day: &str) -> Visit {
        Visit { day: d(day), held: false }
    }

    fn held(day: &str) -> Visit {
        Visit { day: d(day), held: true }
    }

    #[test]
    fn mb_is_twelve_months_of_practicum_with_teaching_on_its_weekday() {
        let p = mb();
        assert_eq!((p.starts, p.ends), (d("2028-01-03"), d("2029-01-02")));
        assert_eq!(p.teaching_days[0].date, d("2028-01-06"));
        assert!(p.teaching_days.iter().all(|s| s.date.weekday() == Weekday::Thu && p.covers(s.date)));
        // 2028 has 52 Thursdays from 6 January to 28 December; Maundy Thursday
        // (13 April), Ascension (25 May) and none else fall on a Thursday.
        assert!(!p.teaching_days.iter().any(|s| s.date == d("2028-04-13") || s.date == d("2028-05-25")));
        assert_eq!(p.teaching_days.len(), 50);
        assert_eq!(p.teaching_days.last().unwrap().date, d("2028-12-28"));
        assert_eq!(p.teaching_days.last().unwrap().number, 50);
    }

    #[test]
    fn a_period_ends_the_day_before_the_same_date_and_at_a_month_end_where_needed() {
        assert_eq!(period(d("2027-08-15"), 12), (d("2027-08-15"), d("2028-08-14")));
        assert_eq!(period(d("2028-01-31"), 1).1, d("2028-02-28"), "29 February 2028 is the day before 1 March");
        assert_eq!(period(d("2027-03-01"), 6).1, d("2027-08-31"));
    }

    #[test]
    fn school_days_off_are_not_teaching_days() {
        let off = [d("2028-02-17")];
        let p = plan(d("2028-01-03"), YearRules::mb_forloebet(), &[Weekday::Thu], (t(9), t(15)), &off);
        assert_eq!(p.teaching_days.len(), 49);
        assert!(!p.teaching_days.iter().any(|s| s.date == off[0]));
    }

    #[test]
    fn a_visit_outside_the_practicum_is_refused() {
        let p = mb();
        assert_eq!(check_planned(&p, d("2028-01-02"), (t(10), t(11))), Err(VisitRefused::OutsidePracticum));
        assert_eq!(check_planned(&p, d("2029-01-03"), (t(10), t(11))), Err(VisitRefused::OutsidePracticum));
        assert_eq!(check_planned(&p, d("2029-01-02"), (t(10), t(11))), Ok(()), "the last day is in");
        assert_eq!(check_planned(&p, d("2028-01-03"), (t(10), t(11))), Ok(()), "the first day is in");
        assert_eq!(check_planned(&p, d("2028-05-01"), (t(11), t(10))), Err(VisitRefused::EndsBeforeStart));
    }

    #[test]
    fn a_visit_is_recorded_as_held_on_its_day_or_later() {
        assert_eq!(check_held(d("2028-03-01"), d("2028-02-29")), Err(VisitRefused::NotYetHeld));
        assert_eq!(check_held(d("2028-03-01"), d("2028-03-01")), Ok(()));
    }

    #[test]
    fn two_planned_of_three_warns_that_one_more_must_be_planned() {
        let (c, s) = status(&mb(), &[planned("2028-03-01"), planned("2028-07-01")], d("2028-02-01"));
        assert_eq!((c.held, c.planned, c.required), (0, 2, 3));
        assert_eq!(s, VisitStatus::TooFewPlanned { missing: 1 });
        assert!(s.is_warning());
    }

    #[test]
    fn two_held_and_one_planned_is_on_course() {
        let visits = [held("2028-03-01"), held("2028-07-01"), planned("2028-11-01")];
        let (c, s) = status(&mb(), &visits, d("2028-08-01"));
        assert_eq!((c.held, c.planned, c.unrecorded), (2, 1, 0));
        assert_eq!(s, VisitStatus::OnCourse);
        assert!(!s.is_warning());
    }

    #[test]
    fn three_held_is_done() {
        let visits = [held("2028-03-01"), held("2028-07-01"), held("2028-11-01")];
        assert_eq!(status(&mb(), &visits, d("2028-11-02")).1, VisitStatus::Done);
        assert_eq!(status(&mb(), &visits, d("2029-06-01")).1, VisitStatus::Done, "and stays done");
    }

    #[test]
    fn a_passed_visit_not_recorded_is_flagged_and_still_counts_towards_the_plan() {
        let visits = [held("2028-03-01"), planned("2028-07-01"), planned("2028-11-01")];
        let (c, s) = status(&mb(), &visits, d("2028-08-01"));
        assert_eq!((c.held, c.planned, c.unrecorded), (1, 1, 1));
        assert_eq!(s, VisitStatus::Unrecorded { count: 1 });
    }

    #[test]
    fn after_the_practicum_fewer_than_three_held_is_short() {
        let visits = [held("2028-03-01"), held("2028-07-01"), planned("2028-12-01")];
        assert_eq!(status(&mb(), &visits, d("2029-01-03")).1, VisitStatus::EndedShort { missing: 1 });
        assert_eq!(
            status(&mb(), &visits, d("2029-01-02")).1,
            VisitStatus::Unrecorded { count: 1 },
            "last day still open"
        );
    }

    #[test]
    fn visits_outside_the_period_do_not_count() {
        let visits = [held("2027-12-01"), held("2028-03-01"), held("2028-07-01")];
        let (c, s) = status(&mb(), &visits, d("2028-08-01"));
        assert_eq!(c.held, 2);
        assert_eq!(s, VisitStatus::TooFewPlanned { missing: 1 });
    }

    #[test]
    fn typed_visit_fields_parse_once_and_every_problem_is_reported() {
        let v = parse_visit("2028-03-01", "10:00", "11:30", " Mødes i receptionen\r\n ").unwrap();
        assert_eq!((v.day, v.starts, v.ends), (d("2028-03-01"), t(10), NaiveTime::from_hms_opt(11, 30, 0).unwrap()));
        assert_eq!(v.note.as_deref(), Some("Mødes i receptionen"));
        assert_eq!(parse_visit("2028-03-01", "10:00", "11:00", "  ").unwrap().note, None);
        assert_eq!(
            parse_visit("1. marts", "11:00", "10:00", &"x".repeat(501)),
            Err(vec![VisitField::Date, VisitField::Times, VisitField::Note])
        );
        assert_eq!(parse_visit("2028-03-01", "", "11:00", "\u{7}"), Err(vec![VisitField::Times]));
        assert!(parse_visit("2028-03-01", "10:00", "11:00", &"æ".repeat(500)).is_ok());
    }
}
