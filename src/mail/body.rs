//! The shape every e-mail of optag takes: greeting, paragraphs, an optional
//! button link and list, and a closing; rendered as plain text and HTML from
//! one pair of templates, so both parts always say the same.
use askama::Template;

use super::{Attachment, OutgoingEmail};
use crate::domain::email_address::EmailAddress;

#[derive(Debug, Clone)]
pub struct MailLink {
    pub label: String,
    /// Absolute, under `OPTAG_BASE_URL`.
    pub url: String,
}

#[derive(Debug, Clone, Default)]
pub struct MailBody {
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub link: Option<MailLink>,
    pub list_title: String,
    pub list: Vec<String>,
    pub closing: Vec<String>,
}

#[derive(Template)]
#[template(path = "emails/message.txt", escape = "none")]
struct TextPart<'a> {
    m: &'a MailBody,
}

#[derive(Template)]
#[template(path = "emails/message.html")]
struct HtmlPart<'a> {
    m: &'a MailBody,
    subject: &'a str,
}

impl MailBody {
    pub fn into_email(self, to: EmailAddress, subject: String, attachments: Vec<Attachment>) -> super::Rendered {
        use crate::domain::text::normalise;
        // Text from the database or a form may hold CRLF or a bare CR: every
        // part gets LF line breaks and no other control characters.
        let fix = |v: Vec<String>| v.iter().map(|p| normalise(p)).collect::<Vec<_>>();
        let m = MailBody {
            greeting: normalise(&self.greeting),
            paragraphs: fix(self.paragraphs),
            link: self.link.map(|l| MailLink { label: normalise(&l.label), url: l.url }),
            list_title: normalise(&self.list_title),
            list: fix(self.list),
            closing: fix(self.closing),
        };
        let subject = normalise(&subject).replace('\n', " ");
        let text = TextPart { m: &m }.render().map_err(super::RenderError::from)?;
        let html = HtmlPart { m: &m, subject: &subject }.render().map_err(super::RenderError::from)?;
        Ok(OutgoingEmail { to, subject, text, html, attachments })
    }
}
