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
        let at =
            |date: NaiveDate, h, m| from_local(date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time")));
        let deadline_day = nth_weekday(year, 8, Weekday::Tue, 3).expect("August has three Tuesdays");
        let meeting_day = deadline_day - Duration::days(7);
        Self {
            deadline: at(deadline_day, 10, 0),
            info_meeting: (at(meeting_day, 16, 30), at(meeting_day, 18, 0)),
            interview_days: [10, 13, 14].iter().map(|d| deadline_day + Duration::days(*d)).collect(),
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
        assert_eq!(phase(opens, deadline, local("2027-08-17T09:59:59")), IntakePhase::Open);
        assert_eq!(phase(opens, deadline, local("2027-08-17T10:00:00")), IntakePhase::Closed);
        assert_eq!(phase(opens, deadline, local("2027-05-31T23:59:59")), IntakePhase::NotYetOpen);
        assert_eq!(deadline.to_rfc3339(), "2027-08-17T08:00:00+00:00");
    }

    #[test]
    fn the_deadline_minute_itself_is_closed_in_winter_time() {
        let deadline = local("2027-01-12T10:00:00");
        let opens = local("2026-11-01T00:00:00");
        assert_eq!(deadline.to_rfc3339(), "2027-01-12T09:00:00+00:00");
        assert_eq!(phase(opens, deadline, local("2027-01-12T09:59:00")), IntakePhase::Open);
        assert_eq!(phase(opens, deadline, local("2027-01-12T10:00:00")), IntakePhase::Closed);
    }

    #[test]
    fn the_2021_pattern_reproduces_the_real_2021_dates() {
        let p = IntakePattern::randers(2021);
        assert_eq!(p.deadline, local("2021-08-17T10:00:00"));
        assert_eq!(p.info_meeting, (local("2021-08-10T16:30:00"), local("2021-08-10T18:00:00")));
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
        assert_eq!(p.interview_days, vec![d(8, 27), d(8, 30), d(8, 31)]);
        assert_eq!(p.start_date, d(9, 20));
    }

    #[test]
    fn the_next_pattern_is_the_first_whose_deadline_is_ahead() {
        assert_eq!(IntakePattern::next_randers(local("2026-11-23T12:00:00")).0, 2027);
        assert_eq!(IntakePattern::next_randers(local("2027-08-17T09:59:00")).0, 2027);
        assert_eq!(IntakePattern::next_randers(local("2027-08-17T10:00:00")).0, 2028);
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
    /// How long before an interview booking and changes close.
    pub booking_cutoff_hours: i32,
    /// A freed place goes to the first on the waiting list by itself.
    pub auto_offer: bool,
    pub programme: super::programme::ProgrammeFacts,
}

impl Intake {
    pub fn phase(&self, now: DateTime<Utc>) -> IntakePhase {
        phase(self.opens_at, self.deadline, now)
    }
}

/// An intake as a coordinator types it in (contract: `POST /admin/intakes`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct IntakeFields {
    pub programme: String,
    pub slug: String,
    pub name: String,
    pub opens_at: String,
    pub deadline: String,
    pub start_date: String,
    pub interview_days: String,
    /// Hours before an interview when booking closes; empty means 24.
    pub booking_cutoff_hours: String,
    /// `yes`: a freed place goes to the first on the waiting list by itself.
    pub auto_offer: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeProblem {
    Required,
    Slug,
    Moment,
    Date,
    Dates,
    DeadlineBeforeOpening,
    Hours,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedIntake {
    pub programme_slug: String,
    pub slug: String,
    pub name: String,
    pub opens_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub start_date: NaiveDate,
    pub interview_days: Vec<NaiveDate>,
    pub booking_cutoff_hours: i32,
    pub auto_offer: bool,
}

/// Lower-case letters and digits in groups joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `YYYY-MM-DDTHH:MM` in Danish time (a `datetime-local` field).
pub fn parse_local_moment(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .filter(|m| super::local_time::PLAUSIBLE_YEARS.contains(&chrono::Datelike::year(m)))
        .map(super::local_time::from_local)
}

impl IntakeFields {
    /// Dates in the past are fine: an earlier intake may be recorded.
    pub fn parse(&self) -> Result<ParsedIntake, Vec<(&'static str, IntakeProblem)>> {
        use IntakeProblem::*;
        let mut errors = Vec::new();
        let required = |name: &'static str, text: &str, errors: &mut Vec<_>| {
            if text.trim().is_empty() {
                errors.push((name, Required));
                false
            } else {
                true
            }
        };
        if required("programme", &self.programme, &mut errors) && !is_slug(self.programme.trim()) {
            errors.push(("programme", Slug));
        }
        if required("slug", &self.slug, &mut errors) && !is_slug(self.slug.trim()) {
            errors.push(("slug", Slug));
        }
        let name = self.name.trim();
        if required("name", name, &mut errors) && name.chars().count() > 200 {
            errors.push(("name", Required));
        }
        let mut moment = |field: &'static str, text: &str| {
            let parsed = parse_local_moment(text);
            if parsed.is_none() {
                errors.push((field, if text.trim().is_empty() { Required } else { Moment }));
            }
            parsed
        };
        let opens_at = moment("opens_at", &self.opens_at);
        let deadline = moment("deadline", &self.deadline);
        let start_date = super::local_time::parse_date(&self.start_date);
        if start_date.is_none() {
            errors.push(("start_date", if self.start_date.trim().is_empty() { Required } else { Date }));
        }
        let days = super::local_time::parse_date_list(&self.interview_days).unwrap_or_else(|| {
            errors.push(("interview_days", Dates));
            Vec::new()
        });
        let cutoff = match self.booking_cutoff_hours.trim() {
            "" => Some(24),
            text => text.parse::<i32>().ok().filter(|h| (0..=24 * 14).contains(h)),
        };
        if cutoff.is_none() {
            errors.push(("booking_cutoff_hours", Hours));
        }
        if let (Some(o), Some(d)) = (opens_at, deadline)
            && d <= o
        {
            errors.push(("deadline", DeadlineBeforeOpening));
        }
        match (opens_at, deadline, start_date) {
            (Some(opens_at), Some(deadline), Some(start_date)) if errors.is_empty() => Ok(ParsedIntake {
                programme_slug: self.programme.trim().to_string(),
                slug: self.slug.trim().to_string(),
                name: name.to_string(),
                opens_at,
                deadline,
                start_date,
                interview_days: days,
                booking_cutoff_hours: cutoff.unwrap_or(24),
                auto_offer: self.auto_offer == "yes",
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod fields_tests {
    use super::*;

    fn good() -> IntakeFields {
        IntakeFields {
            programme: "peeruddannelsen-randers".into(),
            slug: "randers-2028".into(),
            name: "Hold 2028".into(),
            opens_at: "2028-05-01T00:00".into(),
            deadline: "2028-08-15T10:00".into(),
            start_date: "2028-09-18".into(),
            interview_days: "2028-08-28, 2028-08-25,2028-08-29".into(),
            booking_cutoff_hours: String::new(),
            auto_offer: String::new(),
        }
    }

    #[test]
    fn a_complete_intake_parses_with_danish_times_and_sorted_days() {
        let p = good().parse().unwrap();
        assert_eq!(p.deadline.to_rfc3339(), "2028-08-15T08:00:00+00:00");
        assert_eq!(p.interview_days.len(), 3);
        assert!(p.interview_days.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(p.booking_cutoff_hours, 24, "empty means the default");
        let bad = IntakeFields { booking_cutoff_hours: "mange".into(), ..good() };
        assert_eq!(bad.parse().unwrap_err(), vec![("booking_cutoff_hours", IntakeProblem::Hours)]);
    }

    #[test]
    fn problems_are_named_per_field() {
        let bad = IntakeFields {
            slug: "Randers 2028".into(),
            deadline: "2028-04-01T10:00".into(),
            interview_days: "28/8".into(),
            ..good()
        };
        let fields: Vec<&str> = bad.parse().unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["slug", "interview_days", "deadline"]);
        assert_eq!(IntakeFields::default().parse().unwrap_err().len(), 6);
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert!(is_slug("randers-2028"));
        for bad in ["", "Randers", "a--b", "-a", "a-", "æble", "a b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
