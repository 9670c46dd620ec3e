//! Mails of staff accounts: the activation link of a new user.
use crate::{
    config::Settings,
    domain::email_address::EmailAddress,
    i18n::Lang,
    mail::body::{MailBody, MailLink},
};

/// The link a new staff user sets their password from (`/admin/activate/{token}`).
pub fn activation(settings: &Settings, to: EmailAddress, token: &str) -> crate::mail::Rendered {
    let s = Lang::MAIL.admin();
    MailBody {
        greeting: Lang::MAIL.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![s.mail_activation_body.to_string()],
        link: Some(MailLink {
            label: s.mail_activation_link.into(),
            url: settings.absolute(&format!("/admin/activate/{token}")),
        }),
        closing: vec![Lang::MAIL.apply().mail_not_you.to_string()],
        ..MailBody::default()
    }
    .into_email(to, s.mail_activation_subject.to_string(), Vec::new())
}
