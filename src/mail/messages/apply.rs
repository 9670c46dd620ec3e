//! The e-mails of the application journey. Neutral subjects; no health answers.
use crate::{
    config::Settings,
    domain::{email_address::EmailAddress, intake::Intake},
    i18n::{Lang, dates, fill},
    mail::body::{MailBody, MailLink},
};

const LANG: Lang = Lang::MAIL;

fn closing() -> Vec<String> {
    let a = LANG.apply();
    vec![a.mail_no_reply.to_string()]
}

fn programme_name(intake: &Intake) -> String {
    format!("{} ({})", intake.programme.name, intake.programme.organiser)
}

/// Sent to an address nobody has proven yet: so no text the sender typed
/// (not even the name) is repeated in it.
pub fn receipt(
    to: EmailAddress,
    reference: &str,
    intake: &Intake,
    updated: bool,
    own_page_url: String,
) -> crate::mail::Rendered {
    let a = LANG.apply();
    let (subject, body) = if updated {
        (a.mail_updated_subject, a.mail_updated_body)
    } else {
        (a.mail_receipt_subject, a.mail_receipt_body)
    };
    MailBody {
        greeting: a.mail_hello_unnamed.to_string(),
        paragraphs: vec![
            fill(body, &[&programme_name(intake), &reference]),
            a.next_text.to_string(),
            fill(LANG.privacy().mail_receipt_own_page, &[&crate::domain::own_page::LINK_LIFETIME.num_days()]),
        ],
        link: Some(MailLink { label: LANG.privacy().mail_link_button.to_string(), url: own_page_url }),
        list_title: a.next_interview_days.to_string(),
        list: intake.interview_days.iter().map(|d| dates::long_date(LANG, *d)).collect(),
        closing: closing(),
    }
    .into_email(to, fill(subject, &[&reference]), Vec::new())
}

pub fn draft_link(settings: &Settings, to: EmailAddress, token: &str, intake: &Intake) -> crate::mail::Rendered {
    let a = LANG.apply();
    let first = fill(a.mail_draft_body, &[&programme_name(intake)]);
    with_draft_link(settings, to, token, intake, a.mail_draft_subject.to_string(), first)
}

pub fn duplicate(
    settings: &Settings,
    to: EmailAddress,
    reference: &str,
    held_reference: &str,
    token: &str,
    intake: &Intake,
) -> crate::mail::Rendered {
    let a = LANG.apply();
    let first = fill(a.mail_duplicate_body, &[&programme_name(intake), &reference, &held_reference]);
    with_draft_link(settings, to, token, intake, fill(a.mail_duplicate_subject, &[&reference]), first)
}

/// A mail whose point is the link back to a draft, with the deadline beside it.
fn with_draft_link(
    settings: &Settings,
    to: EmailAddress,
    token: &str,
    intake: &Intake,
    subject: String,
    first: String,
) -> crate::mail::Rendered {
    let a = LANG.apply();
    MailBody {
        greeting: a.mail_hello_unnamed.to_string(),
        paragraphs: vec![first, fill(a.saved_deadline, &[&dates::long_moment(LANG, intake.deadline)])],
        link: Some(MailLink {
            label: a.mail_draft_link.to_string(),
            url: settings.absolute(&format!("/drafts/{token}")),
        }),
        closing: [vec![a.mail_not_you.to_string()], closing()].concat(),
        ..MailBody::default()
    }
    .into_email(to, subject, Vec::new())
}
