//! E-mail: messages are written to the outbox with the change that causes
//! them, and a worker delivers them.
pub mod body;
pub mod calendar;
pub mod message;
pub mod outbox;
pub mod transport;
pub mod worker;

use serde::{Deserialize, Serialize};

use crate::domain::email_address::EmailAddress;

/// A rendered e-mail, ready for the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<Attachment>,
}

/// A text attachment such as an `.ics` calendar file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: String,
}

impl Attachment {
    /// An RFC 5545 calendar file; `method` is the iTIP method (REQUEST, CANCEL).
    pub fn calendar(filename: &str, method: &str, content: String) -> Self {
        Self {
            filename: filename.to_string(),
            content_type: format!("text/calendar; charset=utf-8; method={method}"),
            content,
        }
    }
}
