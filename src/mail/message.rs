//! Turns an outbox row into a MIME message: text and HTML alternatives, plus attachments.
use lettre::{
    Message,
    message::{Attachment as MimeAttachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

use crate::{
    domain::{email_address::EmailAddress, organisation::Organisation, text},
    storage::outbox::OutboxRow,
};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("bad recipient address")]
    Recipient,
    #[error("bad attachment content type")]
    ContentType,
    #[error(transparent)]
    Lettre(#[from] lettre::error::Error),
}

/// What every mail ends with, added as it is sent so no mail can lack it and
/// a change of the school's contact reaches mail already queued: who sends it
/// and how to reach them, and where to read about one's data (GDPR Art. 13:
/// the information must reach the person).
#[derive(Debug, Clone)]
pub struct Footer {
    pub text: String,
    pub url: String,
    /// Leads the school's e-mail address and phone number.
    pub contact_label: String,
}

impl Footer {
    /// The school's name and its contact line, when the settings are saved.
    fn contact_lines(&self, org: Option<&Organisation>) -> Vec<String> {
        let Some(org) = org else { return Vec::new() };
        let ways: Vec<String> = org
            .contact_email()
            .map(|e| e.as_str().to_string())
            .into_iter()
            .chain(org.contact_phone().map(ToString::to_string))
            .collect();
        vec![org.name().to_string(), format!("{} {}", self.contact_label, ways.join(" · "))]
    }

    fn append_text(&self, body: &str, org: Option<&Organisation>) -> String {
        let contact: String = self.contact_lines(org).iter().map(|l| format!("{l}\n")).collect();
        format!("{}\n\n--\n{contact}{} {}\n", body.trim_end(), self.text, self.url)
    }

    fn append_html(&self, body: &str, org: Option<&Organisation>) -> String {
        let contact: String = self.contact_lines(org).iter().map(|l| format!("{}<br>", escape(l))).collect();
        let line = format!(
            "<p style=\"font-size:13px;color:#4a5561;\">{contact}{} <a href=\"{}\">{}</a></p>\n",
            escape(&self.text),
            escape(&self.url),
            escape(&self.url)
        );
        match body.rfind("</div>") {
            Some(at) => format!("{}{line}{}", &body[..at], &body[at..]),
            None => format!("{body}{line}"),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An address as it goes on the wire: the domain in IDNA (punycode), so
/// neither the relay nor the `To:` header needs SMTPUTF8 for an
/// international domain; a local part beyond ASCII still does, and lettre
/// then asks the relay for SMTPUTF8 (or refuses, which fails the mail).
pub fn wire_address(address: &str) -> Result<lettre::Address, BuildError> {
    let parsed = EmailAddress::parse(address).map_err(|_| BuildError::Recipient)?;
    parsed.for_transport().parse().map_err(|_| BuildError::Recipient)
}

pub fn build(
    row: &OutboxRow,
    from: &Mailbox,
    footer: &Footer,
    org: Option<&Organisation>,
) -> Result<Message, BuildError> {
    let to = Mailbox::new(None, wire_address(&row.recipient)?);
    let from = Mailbox::new(from.name.clone(), wire_address(from.email.as_ref()).unwrap_or(from.email.clone()));
    // Line breaks as LF only and no other control characters, whatever a
    // stored text held; lettre then writes CRLF on the wire.
    let (plain, html) = (text::normalise(&row.body_text), text::normalise(&row.body_html));
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(footer.append_text(&plain, org)))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(footer.append_html(&html, org)));
    let body = if row.attachments.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for a in row.attachments.iter() {
            let content_type = ContentType::parse(&a.content_type).map_err(|_| BuildError::ContentType)?;
            mixed = mixed.singlepart(MimeAttachment::new(a.filename.clone()).body(a.content.clone(), content_type));
        }
        mixed
    };
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(text::normalise(&row.subject).replace('\n', " "))
        .message_id(Some(row.message_id.clone()))
        .multipart(body)?)
}
