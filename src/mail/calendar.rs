//! Calendar files (RFC 5545) for e-mails and feeds. Times are written in UTC,
//! converted from Danish time, so every client shows the right local time in
//! summer and winter without a VTIMEZONE block.
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

#[derive(Debug, Clone)]
pub struct CalendarEvent {
    /// Stable across changes, so an update or cancellation replaces the same event.
    pub uid: String,
    /// Raised with every change of the event.
    pub sequence: u32,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A feed to subscribe to.
    Publish,
    /// An invitation or its update.
    Request,
    /// The event is off.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// Renders the events as one calendar; `stamp` is when it was made (DTSTAMP).
pub fn render(method: Method, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//optag//optag//DA"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    for e in events {
        let mut event = Event::with_uid(&e.uid);
        event
            .sequence(e.sequence)
            .timestamp(stamp)
            .summary(&e.summary)
            .location(&e.location)
            .description(&e.description)
            .starts(e.starts)
            .ends(e.ends)
            .status(if method == Method::Cancel { EventStatus::Cancelled } else { EventStatus::Confirmed });
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::local_time::from_local;
    use chrono::NaiveDateTime;
    use std::str::FromStr;

    fn local(s: &str) -> DateTime<Utc> {
        from_local(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
    }

    fn event(starts: &str, ends: &str) -> CalendarEvent {
        CalendarEvent {
            uid: "info-meeting-1@optag".into(),
            sequence: 2,
            summary: "Informationsmøde".into(),
            location: "Psykiatriens Hus, lokale 10".into(),
            description: "Velkommen".into(),
            starts: local(starts),
            ends: local(ends),
        }
    }

    #[test]
    fn summer_and_winter_times_are_written_in_utc_and_parse_back() {
        let ics = render(
            Method::Request,
            &[event("2027-08-10T16:30", "2027-08-10T18:00"), event("2027-01-12T16:30", "2027-01-12T18:00")],
            local("2026-11-23T12:00"),
        );
        assert!(ics.contains("DTSTART:20270810T143000Z"), "{ics}");
        assert!(ics.contains("DTEND:20270810T160000Z"));
        assert!(ics.contains("DTSTART:20270112T153000Z"));
        assert!(
            ics.contains("METHOD:REQUEST") && ics.contains("SEQUENCE:2") && ics.contains("UID:info-meeting-1@optag")
        );
        assert_eq!(ics.matches("PRODID").count(), 1);
        let parsed = icalendar::Calendar::from_str(&ics).expect("parses as RFC 5545");
        assert_eq!(parsed.components.len(), 2);
    }

    #[test]
    fn a_cancellation_marks_the_event_cancelled() {
        let ics = render(Method::Cancel, &[event("2027-08-10T16:30", "2027-08-10T18:00")], local("2026-11-23T12:00"));
        assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"));
    }
}
