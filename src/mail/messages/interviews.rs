//! The interview e-mails; calendar files with a stable UID per application.
use chrono::{DateTime, Utc};

use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::{Lang, dates, fill},
    mail::{
        Attachment,
        body::{MailBody, MailLink},
        calendar::{self, CalendarEvent, Kind, Parties},
    },
    storage::interviews::Slot,
};

const LANG: Lang = Lang::MAIL;

pub struct Who<'a> {
    pub to: EmailAddress,
    pub name: &'a str,
    pub reference: &'a str,
    pub application_id: i64,
}

fn greeting(name: &str) -> String {
    fill(LANG.apply().mail_hello, &[&name])
}

fn closing() -> Vec<String> {
    vec![LANG.apply().mail_no_reply.to_string()]
}

pub fn invitation(
    settings: &Settings,
    who: Who<'_>,
    token: &str,
    days: &[chrono::NaiveDate],
    place: &str,
) -> crate::mail::Rendered {
    let t = LANG.interview();
    MailBody {
        greeting: greeting(who.name),
        paragraphs: vec![
            t.mail_invite_body.to_string(),
            fill(t.mail_invite_place, &[&place]),
            t.mail_invite_bring.to_string(),
        ],
        link: Some(MailLink {
            label: t.mail_invite_link.into(),
            url: settings.absolute(&format!("/interviews/book/{token}")),
        }),
        list_title: t.mail_invite_days.to_string(),
        list: days.iter().map(|d| dates::long_date(LANG, *d)).collect(),
        closing: closing(),
    }
    .into_email(who.to, fill(t.mail_invite_subject, &[&who.reference]), Vec::new())
}

/// The reminder to someone invited who has not booked: a new booking link
/// (it replaces the invitation's), the days and until when the link works.
pub fn booking_nudge(
    settings: &Settings,
    who: Who<'_>,
    token: &str,
    days: &[chrono::NaiveDate],
    expires_at: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.interview();
    MailBody {
        greeting: greeting(who.name),
        paragraphs: vec![
            fill(t.mail_nudge_body, &[&dates::long_moment(LANG, expires_at)]),
            t.mail_nudge_new_link.to_string(),
        ],
        link: Some(MailLink {
            label: t.mail_invite_link.into(),
            url: settings.absolute(&format!("/interviews/book/{token}")),
        }),
        list_title: t.mail_invite_days.to_string(),
        list: days.iter().map(|d| dates::long_date(LANG, *d)).collect(),
        closing: closing(),
    }
    .into_email(who.to, fill(t.mail_nudge_subject, &[&who.reference]), Vec::new())
}

/// The calendar event of an application's interview: one UID for its whole life.
fn event(settings: &Settings, who: &Who<'_>, slot: &Slot, sequence: i32) -> CalendarEvent {
    let t = LANG.interview();
    let host = settings.base_url.host_str().unwrap_or("localhost");
    CalendarEvent {
        uid: format!("interview-{}@{host}", who.application_id),
        sequence: u32::try_from(sequence).unwrap_or(0),
        summary: t.calendar_title.to_string(),
        location: slot.place.clone(),
        description: fill(t.calendar_description, &[&who.reference]),
        starts: slot.starts_at,
        ends: slot.ends_at,
    }
}

/// The applicant's booking page, where the time is seen, changed or cancelled.
fn booking_link(settings: &Settings, token: &str, label: &str) -> Option<MailLink> {
    Some(MailLink { label: label.into(), url: settings.absolute(&format!("/interviews/book/{token}")) })
}

/// "Samtalen tager 45 minutter." from the slot itself.
fn length(slot: &Slot) -> String {
    let minutes = crate::domain::interview::length_minutes([(slot.starts_at, slot.ends_at)]);
    dates::interview_length(LANG, minutes).unwrap_or_default()
}

pub fn booked(
    settings: &Settings,
    who: Who<'_>,
    slot: &Slot,
    (sequence, cutoff_hours): (i32, i32),
    token: &str,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.interview();
    let when = dates::long_span(LANG, slot.starts_at, slot.ends_at);
    let parties = Parties::new(&settings.mail_from, &who.to);
    let ics = calendar::render(Kind::Request(&parties), &[event(settings, &who, slot, sequence)], now);
    MailBody {
        greeting: greeting(who.name),
        paragraphs: vec![
            fill(t.mail_booked_body, &[&when, &slot.place]),
            length(slot),
            fill(t.mail_change_hint, &[&cutoff_hours]),
        ],
        link: booking_link(settings, token, t.mail_booking_link),
        closing: closing(),
        ..MailBody::default()
    }
    .into_email(
        who.to,
        fill(t.mail_booked_subject, &[&dates::long_date(LANG, crate::domain::local_time::local_date(slot.starts_at))]),
        vec![Attachment::calendar("samtale.ics", ics)],
    )
}

pub fn cancelled(
    settings: &Settings,
    who: Who<'_>,
    slot: &Slot,
    sequence: i32,
    token: &str,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.interview();
    let when = dates::long_span(LANG, slot.starts_at, slot.ends_at);
    let parties = Parties::new(&settings.mail_from, &who.to);
    let ics = calendar::render(Kind::Cancel(&parties), &[event(settings, &who, slot, sequence)], now);
    MailBody {
        greeting: greeting(who.name),
        paragraphs: vec![fill(t.mail_cancelled_body, &[&when])],
        link: booking_link(settings, token, t.mail_rebook_link),
        closing: closing(),
        ..MailBody::default()
    }
    .into_email(who.to, t.mail_cancelled_subject.to_string(), vec![Attachment::calendar("samtale.ics", ics)])
}

pub fn reminder(settings: &Settings, who: Who<'_>, slot: &Slot, token: &str) -> crate::mail::Rendered {
    let t = LANG.interview();
    let when = dates::long_span(LANG, slot.starts_at, slot.ends_at);
    MailBody {
        greeting: greeting(who.name),
        paragraphs: vec![
            fill(t.mail_reminder_body, &[&when, &slot.place]),
            format!("{} {}", length(slot), t.book_intro),
        ],
        link: booking_link(settings, token, t.mail_booking_link),
        closing: closing(),
        ..MailBody::default()
    }
    .into_email(who.to, t.mail_reminder_subject.to_string(), Vec::new())
}
