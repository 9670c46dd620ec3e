//! The e-mails of offers and the waiting list.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::{Lang, dates, fill},
    mail::body::{MailBody, MailLink},
    storage::cohorts::Cohort,
};

const LANG: Lang = Lang::MAIL;

fn body(name: &str, paragraphs: Vec<String>, link: Option<MailLink>) -> MailBody {
    MailBody {
        greeting: fill(LANG.apply().mail_hello, &[&name]),
        paragraphs,
        link,
        closing: vec![LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
}

pub fn offer(
    settings: &Settings,
    to: EmailAddress,
    name: &str,
    reference: &str,
    cohort: &Cohort,
    token: &str,
    answer_by: DateTime<Utc>,
) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let programme = format!("{} – {}", cohort.programme.name, cohort.name);
    let paragraphs = vec![
        fill(t.offer_text, &[&programme, &dates::long_date(LANG, cohort.start_date)]),
        fill(t.offer_place, &[&cohort.programme.place]),
        fill(t.offer_answer_by, &[&dates::long_moment(LANG, answer_by)]),
    ];
    let link = MailLink { label: t.mail_offer_link.into(), url: settings.absolute(&format!("/offers/{token}")) };
    body(name, paragraphs, Some(link)).into_email(to, fill(t.mail_offer_subject, &[&reference]), Vec::new())
}

pub fn accepted(
    to: EmailAddress,
    name: &str,
    cohort: &Cohort,
    first_day: NaiveDate,
    starts: NaiveTime,
    feed_url: &str,
) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let text = fill(
        t.mail_accepted_body,
        &[&dates::long_date(LANG, first_day), &dates::clock(LANG, starts), &cohort.programme.place],
    );
    let link = MailLink { label: t.mail_feed_link.into(), url: feed_url.to_string() };
    body(name, vec![text, t.mail_feed_text.into()], Some(link)).into_email(
        to,
        t.mail_accepted_subject.into(),
        Vec::new(),
    )
}

/// The letter after a rejection, sent only when a coordinator releases decisions.
pub fn rejected(settings: &Settings, to: EmailAddress, name: &str, reference: &str) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let link = MailLink { label: t.mail_rejected_link.into(), url: settings.absolute("/") };
    body(name, vec![t.mail_rejected_body.into(), t.mail_rejected_support.into()], Some(link)).into_email(
        to,
        fill(t.mail_rejected_subject, &[&reference]),
        Vec::new(),
    )
}

pub fn waitlisted(to: EmailAddress, name: &str, reference: &str, position: i32) -> crate::mail::Rendered {
    let t = LANG.cohort();
    body(name, vec![fill(t.mail_waitlisted_body, &[&position])], None).into_email(
        to,
        fill(t.mail_waitlisted_subject, &[&reference]),
        Vec::new(),
    )
}
