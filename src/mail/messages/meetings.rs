//! The info-meeting e-mails; one calendar event per sign-up.
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
    storage::info_meetings::MeetingPage,
};

const LANG: Lang = Lang::MAIL;

pub struct To<'a> {
    pub address: EmailAddress,
    pub name: &'a str,
    pub signup_id: i64,
}

fn when(m: &MeetingPage) -> String {
    dates::long_span(LANG, m.starts_at, m.ends_at)
}

fn body(to: &To<'_>, paragraphs: Vec<String>, link: Option<MailLink>) -> MailBody {
    MailBody { greeting: fill(LANG.apply().mail_hello, &[&to.name]), ..unproven(paragraphs, link) }
}

/// For an address that has not proven itself: no text the visitor typed,
/// not even the name (it could carry a link into the greeting).
fn unproven(paragraphs: Vec<String>, link: Option<MailLink>) -> MailBody {
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs,
        link,
        closing: vec![LANG.apply().mail_not_you.to_string(), LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
}

fn calendar_file(
    settings: &Settings,
    to: &To<'_>,
    m: &MeetingPage,
    sequence: i32,
    cancel: bool,
    now: DateTime<Utc>,
) -> Attachment {
    let host = settings.base_url.host_str().unwrap_or("localhost");
    let event = CalendarEvent {
        uid: format!("info-meeting-{}@{host}", to.signup_id),
        sequence: u32::try_from(sequence).unwrap_or(0),
        summary: LANG.meeting().calendar_title.to_string(),
        location: m.place.clone(),
        description: m.directions.clone().unwrap_or_default(),
        starts: m.starts_at,
        ends: m.ends_at,
    };
    let parties = Parties::new(&settings.mail_from, &to.address);
    let kind = if cancel { Kind::Cancel(&parties) } else { Kind::Request(&parties) };
    Attachment::calendar("informationsmoede.ics", calendar::render(kind, &[event], now))
}

/// The link in every mail to someone confirmed: where they cancel.
fn cancel_link(settings: &Settings, cancel_token: &str) -> MailLink {
    let label = LANG.meeting().mail_cancel_link.into();
    MailLink { label, url: settings.absolute(&format!("/info-meetings/cancel/{cancel_token}")) }
}

pub fn confirm_link(settings: &Settings, to: To<'_>, m: &MeetingPage, token: &str) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let link = MailLink {
        label: t.mail_confirm_link.into(),
        url: settings.absolute(&format!("/info-meetings/confirm/{token}")),
    };
    let address = to.address.clone();
    unproven(vec![fill(t.mail_confirm_body, &[&when(m)])], Some(link)).into_email(
        address,
        t.mail_confirm_subject.into(),
        Vec::new(),
    )
}

pub fn confirmed(
    settings: &Settings,
    to: To<'_>,
    m: &MeetingPage,
    cancel_token: &str,
    sequence: i32,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let link = cancel_link(settings, cancel_token);
    let mut paragraphs = vec![fill(t.mail_confirmed_body, &[&when(m), &m.place])];
    paragraphs.extend(m.directions.clone());
    let ics = calendar_file(settings, &to, m, sequence, false, now);
    let subject =
        fill(t.mail_confirmed_subject, &[&dates::long_date(LANG, crate::domain::local_time::local_date(m.starts_at))]);
    let address = to.address.clone();
    body(&to, paragraphs, Some(link)).into_email(address, subject, vec![ics])
}

pub fn already(settings: &Settings, to: To<'_>, m: &MeetingPage, cancel_token: &str) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let link = cancel_link(settings, cancel_token);
    let address = to.address.clone();
    unproven(vec![fill(t.mail_already_body, &[&when(m)])], Some(link)).into_email(
        address,
        t.mail_already_subject.into(),
        Vec::new(),
    )
}

pub fn cancelled(
    settings: &Settings,
    to: To<'_>,
    m: &MeetingPage,
    sequence: i32,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let ics = calendar_file(settings, &to, m, sequence, true, now);
    let address = to.address.clone();
    body(&to, vec![fill(t.mail_cancelled_body, &[&when(m)])], None).into_email(
        address,
        t.mail_cancelled_subject.into(),
        vec![ics],
    )
}

pub fn meeting_cancelled(
    settings: &Settings,
    to: To<'_>,
    m: &MeetingPage,
    sequence: i32,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let ics = calendar_file(settings, &to, m, sequence, true, now);
    let address = to.address.clone();
    body(&to, vec![fill(t.mail_meeting_cancelled_body, &[&when(m)])], None).into_email(
        address,
        t.mail_meeting_cancelled_subject.into(),
        vec![ics],
    )
}

pub fn reminder(to: To<'_>, m: &MeetingPage) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let address = to.address.clone();
    body(&to, vec![fill(t.mail_reminder_body, &[&when(m), &m.place])], None).into_email(
        address,
        t.mail_reminder_subject.into(),
        Vec::new(),
    )
}

/// A message from staff to everyone confirmed (a room change, say).
pub fn message(to: To<'_>, subject: &str, text: &str) -> crate::mail::Rendered {
    let address = to.address.clone();
    let text = crate::domain::text::normalise(text);
    body(&to, text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(), None).into_email(
        address,
        subject.to_string(),
        Vec::new(),
    )
}

/// The meeting moved or changed place: an updated calendar event.
pub fn changed(
    settings: &Settings,
    to: To<'_>,
    m: &MeetingPage,
    sequence: i32,
    now: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let ics = calendar_file(settings, &to, m, sequence, false, now);
    let address = to.address.clone();
    body(&to, vec![fill(t.mail_changed_body, &[&when(m), &m.place])], None).into_email(
        address,
        t.mail_changed_subject.into(),
        vec![ics],
    )
}

/// A personal sign-up link for a meeting (`/info-meetings/invited/{token}`):
/// no name, since staff typed only the address.
pub fn invitation(settings: &Settings, to: EmailAddress, m: &MeetingPage, token: &str) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let text = fill(t.mail_invited_body, &[&m.programme_name, &when(m), &m.place]);
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![text],
        link: Some(MailLink {
            label: t.mail_invited_link.into(),
            url: settings.absolute(&format!("/info-meetings/invited/{token}")),
        }),
        closing: vec![LANG.apply().mail_no_reply.into()],
        ..MailBody::default()
    }
    .into_email(to, t.mail_invited_subject.into(), Vec::new())
}
