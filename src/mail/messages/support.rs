//! Mails to a support person (issue 19). The invitation goes to an address
//! not yet proven, so it names neither the applicant nor the programme (that
//! someone applies is health data); once proven, mails still carry no
//! answers and no link that decides anything: copies say what happened and
//! when, never how to accept, decline or book.
use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::Lang,
    mail::body::{MailBody, MailLink},
};

const LANG: Lang = Lang::MAIL;

/// "Someone asked for you as their support person": the link proves the address.
pub fn invitation(settings: &Settings, to: EmailAddress, token: &str) -> crate::mail::Rendered {
    let s = LANG.support();
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![s.mail_invite_body.to_string(), s.mail_invite_what.to_string()],
        link: Some(MailLink {
            label: s.mail_invite_button.to_string(),
            url: settings.absolute(&format!("/support/confirm/{token}")),
        }),
        closing: vec![s.mail_invite_not_you.to_string(), LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
    .into_email(to, s.mail_invite_subject.to_string(), Vec::new())
}

/// The applicant took the access back.
pub fn revoked(to: EmailAddress) -> crate::mail::Rendered {
    let s = LANG.support();
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![s.mail_revoked_body.to_string()],
        closing: vec![LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
    .into_email(to, s.mail_revoked_subject.to_string(), Vec::new())
}

/// A copy of what the applicant was told about the interview or the offer:
/// `what` is one plain sentence (a time and place at most); no links.
pub fn copy(to: EmailAddress, what: &str) -> crate::mail::Rendered {
    let s = LANG.support();
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![s.mail_copy_intro.to_string(), what.to_string(), s.mail_copy_no_action.to_string()],
        closing: vec![LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
    .into_email(to, s.mail_copy_subject.to_string(), Vec::new())
}
