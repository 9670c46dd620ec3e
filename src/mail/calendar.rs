//! Calendar files (RFC 5545) for e-mails and feeds. Times are written in UTC,
//! converted from Danish time, so every client shows the right local time in
//! summer and winter without a VTIMEZONE block.
//!
//! Which kind of file each message gets, and why:
//! - A schedule (cohort plan, participant feed, interview day plan) is a
//!   plain calendar with no METHOD: it is something to subscribe to or
//!   import, not a scheduling message (RFC 5546 §1.4), so it names no
//!   organizer or attendees and nobody is asked to answer.
//! - A confirmation, change or cancellation mailed to one person is iTIP
//!   (RFC 5546): REQUEST files the event under its UID and replaces it when
//!   SEQUENCE rises; CANCEL removes it. PUBLISH would not do: clients do not
//!   reliably let a later message cancel a published event. iTIP requires
//!   ORGANIZER (the sender address of `OPTAG_MAIL_FROM`) and ATTENDEE (the
//!   recipient) in both; without them Outlook shows "unsupported calendar
//!   message". The attendee signed up or booked themselves, so PARTSTAT is
//!   ACCEPTED and RSVP=FALSE: no reply is wanted, and a no-reply sender
//!   would not read one.
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use crate::domain::{email_address::EmailAddress, text};

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

/// Who an iTIP message is from and to (RFC 5546 §3.2.2, §3.2.5).
#[derive(Debug, Clone)]
pub struct Parties {
    /// `mailto:` URI of the sender (`OPTAG_MAIL_FROM`), its domain in IDNA.
    organizer: String,
    organizer_name: Option<String>,
    /// `mailto:` URI of the recipient, its domain in IDNA.
    attendee: String,
}

impl Parties {
    pub fn new(from: &lettre::message::Mailbox, to: &EmailAddress) -> Self {
        let organizer = EmailAddress::parse(from.email.as_ref())
            .map(|a| a.mailto())
            .unwrap_or_else(|_| format!("mailto:{}", from.email));
        Self { organizer, organizer_name: from.name.clone().filter(|n| !n.is_empty()), attendee: to.mailto() }
    }
}

/// What the file is for; decides METHOD and who is named in it.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    /// A schedule to subscribe to or import: no METHOD, nobody invited.
    Schedule,
    /// A booking or sign-up confirmed, or its change (iTIP REQUEST).
    Request(&'a Parties),
    /// The event is off (iTIP CANCEL).
    Cancel(&'a Parties),
}

impl Kind<'_> {
    /// The iTIP method, which the MIME type's `method=` parameter repeats.
    pub fn method(self) -> Option<&'static str> {
        match self {
            Kind::Schedule => None,
            Kind::Request(_) => Some("REQUEST"),
            Kind::Cancel(_) => Some("CANCEL"),
        }
    }
}

/// A text value as calendars need it: line breaks as LF only (a bare CR
/// inside a value makes strict parsers refuse the whole file) and no other
/// control characters; icalendar then escapes LF, `,`, `;` and `\`.
fn clean(value: &str) -> String {
    text::normalise(value)
}

/// Renders the events as one calendar; `stamp` is when it was made (DTSTAMP).
pub fn render(kind: Kind<'_>, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//optag//optag//DA"))
        .append_property(("CALSCALE", "GREGORIAN"));
    if let Some(method) = kind.method() {
        calendar.append_property(("METHOD", method));
    }
    for e in events {
        let mut event = Event::with_uid(&clean(&e.uid));
        event
            .sequence(e.sequence)
            .timestamp(stamp)
            .summary(&clean(&e.summary))
            .location(&clean(&e.location))
            .description(&clean(&e.description))
            .starts(e.starts)
            .ends(e.ends)
            .status(if matches!(kind, Kind::Cancel(_)) { EventStatus::Cancelled } else { EventStatus::Confirmed });
        if let Kind::Request(p) | Kind::Cancel(p) = kind {
            let mut organizer = Property::new("ORGANIZER", &p.organizer);
            if let Some(name) = &p.organizer_name {
                organizer.add_parameter("CN", &clean(name));
            }
            event.append_property(organizer.done());
            event.append_property(
                Property::new("ATTENDEE", &p.attendee)
                    .add_parameter("ROLE", "REQ-PARTICIPANT")
                    .add_parameter("PARTSTAT", "ACCEPTED")
                    .add_parameter("RSVP", "FALSE")
                    .done(),
            );
        }
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

    fn parties() -> Parties {
        Parties::new(&"optag <noreply@optag.test>".parse().unwrap(), &EmailAddress::parse("anna@æblegård.dk").unwrap())
    }

    #[test]
    fn summer_and_winter_times_are_written_in_utc_and_parse_back() {
        let ics = render(
            Kind::Request(&parties()),
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
        let ics = render(
            Kind::Cancel(&parties()),
            &[event("2027-08-10T16:30", "2027-08-10T18:00")],
            local("2026-11-23T12:00"),
        );
        assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"));
    }

    #[test]
    fn invitations_name_organizer_and_attendee_in_ascii_and_schedules_name_nobody() {
        let ics = render(Kind::Request(&parties()), &[event("2027-08-10T16:30", "2027-08-10T18:00")], Utc::now());
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("ORGANIZER;CN=optag:mailto:noreply@optag.test\r\n"), "{ics}");
        assert!(
            unfolded.contains(
                "ATTENDEE;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:anna@xn--blegrd-luad.dk\r\n"
            ),
            "{ics}"
        );
        let plain = render(Kind::Schedule, &[event("2027-08-10T16:30", "2027-08-10T18:00")], Utc::now());
        assert!(!plain.contains("METHOD") && !plain.contains("ORGANIZER") && !plain.contains("ATTENDEE"), "{plain}");
    }

    #[test]
    fn line_breaks_of_any_kind_become_escaped_newlines_and_controls_go() {
        let mut e = event("2027-08-10T16:30", "2027-08-10T18:00");
        e.description = "Indgang B ligger bag p-pladsen.\r\nTag elevatoren.\rSal 2\u{7}".into();
        e.location = "Lokale 10\r".into();
        let ics = render(Kind::Schedule, &[e], Utc::now());
        let body = ics.replace("\r\n", "");
        assert!(!body.contains(['\r', '\n', '\u{7}']), "{ics:?}");
        assert!(
            ics.replace("\r\n ", "")
                .contains("DESCRIPTION:Indgang B ligger bag p-pladsen.\\nTag elevatoren.\\nSal 2\r\n")
        );
    }
}
