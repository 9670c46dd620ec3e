//! A year-programme participant's own calendar: the cohort's schedule (teaching
//! days, the practicum period) and the visits planned to their practicum site.
use chrono::{DateTime, Utc};

use super::cohorts::{at, schedule_events};
use crate::{
    i18n::Lang,
    mail::calendar::{self, CalendarEvent, Kind},
    storage::cohorts::{Cohort, SiteVisit},
};

/// The participant's feed (a schedule, no METHOD): the cohort's events plus
/// one per visit, named by its day and times only (never the staff's note).
/// `host` ends each UID; `stamp` is DTSTAMP.
pub fn participant_schedule(cohort: &Cohort, visits: &[SiteVisit], host: &str, stamp: DateTime<Utc>) -> String {
    let t = Lang::Da.cohort();
    let mut events = schedule_events(cohort, host);
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
