//! A year-programme participant's own calendar: the cohort's schedule (teaching
//! days, the practicum period) and the visits planned to their practicum site.
use chrono::{DateTime, Utc};

use super::cohorts::{at, schedule_events};
use crate::{
    i18n::{Lang, dates, fill},
    mail::calendar::{self, CalendarEvent, Kind},
    storage::cohorts::{Cohort, SiteVisit},
};

/// The participant's feed (a schedule, no METHOD): the cohort's events plus
/// one per visit, named by its day and times only (never the staff's note).
/// `host` ends each UID; `stamp` is DTSTAMP.
pub fn participant_schedule(cohort: &Cohort, visits: &[SiteVisit], host: &str, stamp: DateTime<Utc>) -> String {
    let t = Lang::Da.cohort();
    let mut events = schedule_events(cohort, &[], host);
    events.extend(visits.iter().map(|v| CalendarEvent {
        uid: format!("cohort-{}-visit-{}@{host}", cohort.id, v.id),
        sequence: 0,
        summary: t.calendar_visit.into(),
        location: String::new(),
        description: cohort.name.clone(),
        starts: at(v.day, v.starts),
        ends: at(v.day, v.ends),
    }));
    calendar::render(Kind::Schedule, &events, stamp)
}

/// The supervisor's mail when a year programme's placement is confirmed: the
/// practicum period and the visits to expect (MB: at least three, with them).
pub fn supervisor(
    to: crate::domain::email_address::EmailAddress,
    participant: &str,
    placement: &crate::storage::cohorts::Placement,
    plan: &crate::domain::year_programme::YearPlan,
) -> crate::mail::Rendered {
    let (lang, t) = (Lang::MAIL, Lang::MAIL.cohort());
    let (starts, ends) = (dates::long_date(lang, plan.starts), dates::long_date(lang, plan.ends));
    let text =
        fill(t.mail_year_supervisor_body, &[&participant, &placement.site_name, &starts, &ends, &plan.site_visits]);
    super::cohorts::body(&placement.supervisor_name, vec![text], None).into_email(
        to,
        fill(t.mail_supervisor_subject, &[&participant]),
        Vec::new(),
    )
}
