//! Turns an outbox row into a MIME message: text and HTML alternatives, plus attachments.
use lettre::{
    Message,
    message::{Attachment as MimeAttachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

use crate::storage::outbox::OutboxRow;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("bad recipient address")]
    Recipient,
    #[error("bad attachment content type")]
    ContentType,
    #[error(transparent)]
    Lettre(#[from] lettre::error::Error),
}

/// A link to the privacy page, added to every mail as it is sent, so no mail
/// can lack it (GDPR Art. 13: the information must reach the person).
#[derive(Debug, Clone)]
pub struct Footer {
    pub text: String,
    pub url: String,
}

impl Footer {
    fn append_text(&self, body: &str) -> String {
        format!("{}\n\n--\n{} {}\n", body.trim_end(), self.text, self.url)
    }

    fn append_html(&self, body: &str) -> String {
        let line = format!(
            "<p style=\"font-size:13px;color:#4a5561;\">{} <a href=\"{}\">{}</a></p>\n",
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

pub fn build(row: &OutboxRow, from: &Mailbox, footer: &Footer) -> Result<Message, BuildError> {
    let to: Mailbox = row.recipient.parse().map_err(|_| BuildError::Recipient)?;
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(footer.append_text(&row.body_text)))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(footer.append_html(&row.body_html)));
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
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(row.message_id.clone()))
        .multipart(body)?)
}
