//! The e-mails of a job offer (a recruitment, `domain::offer_kind::OfferKind::Job`):
//! "tilbud om ansættelse som …" with the first working day, never teaching
//! dates or a cohort ("hold").
use chrono::{DateTime, Utc};

use super::cohorts::body;
use crate::{
    config::Settings,
    domain::{email_address::EmailAddress, offer_kind::OfferKind},
    i18n::{Lang, dates, fill},
    mail::body::MailLink,
    storage::cohorts::Cohort,
};

const LANG: Lang = Lang::MAIL;

/// The offer of employment as the programme names it, at its organiser, from
/// the cohort's start date (the first working day), answered by `answer_by`.
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
    let p = &cohort.programme;
    let paragraphs = vec![
        fill(t.job_offer_text, &[&p.name, &p.organiser, &dates::long_date(LANG, cohort.start_date)]),
        fill(t.job_offer_place, &[&p.place]),
        fill(t.offer_answer_by, &[&dates::answer_by(LANG, answer_by)]),
    ];
    let link = MailLink { label: t.mail_offer_link.into(), url: settings.absolute(&format!("/offers/{token}")) };
    let subject = fill(t.offer_words(OfferKind::Job).mail_subject, &[&reference]);
    body(name, paragraphs, Some(link)).into_email(to, subject, Vec::new())
}

/// The welcome after saying yes: the first working day; no schedule to subscribe to.
pub fn accepted(to: EmailAddress, name: &str, cohort: &Cohort) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let p = &cohort.programme;
    let text = fill(t.mail_job_accepted_body, &[&p.name, &p.organiser, &dates::long_date(LANG, cohort.start_date)]);
    body(name, vec![text], None).into_email(to, fill(t.mail_job_accepted_subject, &[&p.name]), Vec::new())
}

/// On the waiting list for the position: its place in the line.
pub fn waitlisted(to: EmailAddress, name: &str, reference: &str, position: i32) -> crate::mail::Rendered {
    let t = LANG.cohort();
    body(name, vec![fill(t.mail_job_waitlisted_body, &[&position])], None).into_email(
        to,
        fill(t.mail_waitlisted_subject, &[&reference]),
        Vec::new(),
    )
}

/// The letter after a rejection for the position, sent only when a coordinator releases decisions.
pub fn rejected(settings: &Settings, to: EmailAddress, name: &str, reference: &str) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let link = MailLink { label: t.mail_job_rejected_link.into(), url: settings.absolute("/") };
    body(name, vec![t.mail_job_rejected_body.into()], Some(link)).into_email(
        to,
        fill(t.mail_rejected_subject, &[&reference]),
        Vec::new(),
    )
}
