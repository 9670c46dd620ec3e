//! E-mail: messages are written to the outbox with the change that causes
//! them, and a worker delivers them.
pub mod body;
pub mod calendar;
pub mod message;
pub mod messages;
pub mod outbox;
pub mod reach;
pub mod transport;
pub mod worker;

use crate::domain::email_address::EmailAddress;

/// A text attachment such as an `.ics` calendar file; stored with the outbox row.
pub use crate::storage::outbox::Attachment;

/// A rendered e-mail, ready for the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<Attachment>,
}

impl Attachment {
    /// An RFC 5545 calendar file. The MIME type's `method=` is read from the
    /// file's own METHOD line, so the two cannot disagree (RFC 6047 §2.4);
    /// a file without METHOD gets none.
    pub fn calendar(filename: &str, content: String) -> Self {
        let method = content.lines().find_map(|l| l.trim_end_matches('\r').strip_prefix("METHOD:")).map(str::to_string);
        let content_type = match method {
            Some(m) => format!("text/calendar; charset=utf-8; method={m}"),
            None => "text/calendar; charset=utf-8".to_string(),
        };
        Self { filename: filename.to_string(), content_type, content }
    }
}

/// A mail's template failed to render: a fault of ours, never the recipient's.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct RenderError(#[from] askama::Error);

/// What every mail builder returns.
pub type Rendered = Result<OutgoingEmail, RenderError>;
