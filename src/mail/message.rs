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

pub fn build(row: &OutboxRow, from: &Mailbox) -> Result<Message, BuildError> {
    let to: Mailbox = row.recipient.parse().map_err(|_| BuildError::Recipient)?;
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(row.body_text.clone()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(row.body_html.clone()));
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
