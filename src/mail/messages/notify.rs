//! The e-mails of "let me know about the next intake": the confirmation
//! link, and an announcement with an unsubscribe link of its own.
use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::Lang,
    mail::body::{MailBody, MailLink},
};

const LANG: Lang = Lang::MAIL;

/// The double opt-in: a link to `/notify/confirm/{token}`. Nothing the
/// sender typed is repeated (the address is not proven yet).
pub fn confirm(settings: &Settings, to: EmailAddress, token: &str) -> crate::mail::Rendered {
    let t = LANG.meeting();
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![t.mail_notify_confirm_body.into()],
        link: Some(MailLink {
            label: t.mail_notify_link.into(),
            url: settings.absolute(&format!("/notify/confirm/{token}")),
        }),
        closing: vec![LANG.apply().mail_not_you.into()],
        ..MailBody::default()
    }
    .into_email(to, t.mail_notify_confirm_subject.into(), Vec::new())
}

/// What an announcement says: its subject, one paragraph and a link.
pub struct Announcement<'a> {
    pub subject: &'a str,
    pub paragraph: &'a str,
    pub link: &'a MailLink,
}

/// One subscriber's copy of `news`, closing with the unsubscribe link of `token`.
pub fn announcement(
    settings: &Settings,
    to: EmailAddress,
    news: &Announcement<'_>,
    token: &str,
) -> crate::mail::Rendered {
    let t = LANG.meeting();
    let unsubscribe = format!("{}: {}", t.mail_unsubscribe, settings.absolute(&format!("/notify/unsubscribe/{token}")));
    MailBody {
        greeting: LANG.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![news.paragraph.to_string()],
        link: Some(news.link.clone()),
        closing: vec![unsubscribe],
        ..MailBody::default()
    }
    .into_email(to, news.subject.to_string(), Vec::new())
}
