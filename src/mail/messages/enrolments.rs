//! The e-mails of enrolment by an employer or a caseworker. The first mail to
//! each address (the enroller's confirmation link, the person's link) goes to
//! an address nobody has proven: it repeats nothing anyone typed, no names and
//! no note (http-contract.md, "Rules for every request (added)"). The
//! enroller's later mails go to the address they proved and say only
//! accepted, declined or sent.
use crate::{
    config::Settings,
    domain::{email_address::EmailAddress, intake::Intake},
    i18n::{Lang, fill},
    mail::body::{MailBody, MailLink},
};

const LANG: Lang = Lang::MAIL;

fn programme_name(intake: &Intake) -> String {
    format!("{} ({})", intake.programme.name, intake.programme.organiser)
}

/// A mail with no name in it, for an address nobody has proven.
fn unproven(paragraph: String, link: MailLink) -> MailBody {
    let a = LANG.apply();
    MailBody {
        greeting: a.mail_hello_unnamed.to_string(),
        paragraphs: vec![paragraph],
        link: Some(link),
        closing: vec![a.mail_not_you.to_string(), a.mail_no_reply.to_string()],
        ..MailBody::default()
    }
}

/// To the enroller: the link that proves their address (`/enrolments/confirm/{token}`).
pub fn confirm_link(settings: &Settings, to: EmailAddress, intake: &Intake, token: &str) -> crate::mail::Rendered {
    let t = LANG.enrolment();
    let link =
        MailLink { label: t.mail_confirm_link.into(), url: settings.absolute(&format!("/enrolments/confirm/{token}")) };
    unproven(fill(t.mail_confirm_body, &[&programme_name(intake)]), link).into_email(
        to,
        t.mail_confirm_subject.into(),
        Vec::new(),
    )
}

/// To the enrolled person: their link (`/enrolments/{token}`), which shows
/// who enrolled them; the mail itself names nobody.
pub fn invitation(settings: &Settings, to: EmailAddress, intake: &Intake, token: &str) -> crate::mail::Rendered {
    let t = LANG.enrolment();
    let link = MailLink { label: t.mail_invite_link.into(), url: settings.absolute(&format!("/enrolments/{token}")) };
    unproven(fill(t.mail_invite_body, &[&programme_name(intake)]), link).into_email(
        to,
        t.mail_invite_subject.into(),
        Vec::new(),
    )
}

/// What became of an enrolment, as the enroller may learn it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum News {
    Accepted,
    Declined,
    Submitted,
}

/// To the enroller (a proven address): the person accepted, declined (no
/// reason is ever given) or sent the application. Nothing of the application.
pub fn news(to: EmailAddress, enroller: &str, participant: &str, intake: &Intake, news: News) -> crate::mail::Rendered {
    let (t, a) = (LANG.enrolment(), LANG.apply());
    let (subject, body) = match news {
        News::Accepted => (t.mail_accepted_subject, t.mail_accepted_body),
        News::Declined => (t.mail_declined_subject, t.mail_declined_body),
        News::Submitted => (t.mail_submitted_subject, t.mail_submitted_body),
    };
    MailBody {
        greeting: fill(a.mail_hello, &[&enroller]),
        paragraphs: vec![fill(body, &[&participant, &programme_name(intake)])],
        closing: vec![a.mail_no_reply.to_string()],
        ..MailBody::default()
    }
    .into_email(to, subject.into(), Vec::new())
}
