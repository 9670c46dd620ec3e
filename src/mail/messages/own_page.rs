//! Mails of the own page: the link, and the coordinators' notice of a
//! withdrawal or erasure (reference only, never answers).
use chrono::{DateTime, Utc};

use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::{Lang, dates, fill},
    mail::body::{MailBody, MailLink},
};

const LANG: Lang = Lang::MAIL;

pub fn link(
    settings: &Settings,
    to: EmailAddress,
    reference: &str,
    token: &str,
    expires_at: DateTime<Utc>,
) -> crate::mail::Rendered {
    let s = LANG.privacy();
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![fill(s.mail_link_body, &[&reference, &dates::long_moment(LANG, expires_at)])],
        link: Some(MailLink {
            label: s.mail_link_button.to_string(),
            url: settings.absolute(&format!("/my-application/{token}")),
        }),
        closing: vec![s.mail_not_you.to_string(), LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
    .into_email(to, fill(s.mail_link_subject, &[&reference]), Vec::new())
}

pub fn withdrawn(settings: &Settings, to: EmailAddress, reference: &str) -> crate::mail::Rendered {
    let s = LANG.privacy();
    MailBody {
        paragraphs: vec![fill(s.mail_withdrawn_body, &[&reference])],
        link: Some(MailLink {
            label: s.mail_admin_link.to_string(),
            url: settings.absolute(&format!("/admin/applications/{reference}")),
        }),
        ..MailBody::default()
    }
    .into_email(to, fill(s.mail_withdrawn_subject, &[&reference]), Vec::new())
}

pub fn erased(to: EmailAddress, reference: &str) -> crate::mail::Rendered {
    let s = LANG.privacy();
    MailBody { paragraphs: vec![fill(s.mail_erased_body, &[&reference])], ..MailBody::default() }.into_email(
        to,
        s.mail_erased_subject.to_string(),
        Vec::new(),
    )
}
