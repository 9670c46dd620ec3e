//! Where delivered mail goes: an SMTP server, or `.eml` files in development.
use std::path::PathBuf;

use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailDelivery;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// A failed send; permanent ones are not retried.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl Transport {
    pub fn new(delivery: &MailDelivery) -> anyhow::Result<Self> {
        Ok(match delivery {
            MailDelivery::Smtp(url) => {
                Self::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())?.build())
            }
            MailDelivery::Files(dir) => {
                std::fs::create_dir_all(dir)?;
                Self::Files(AsyncFileTransport::new(dir), dir.clone())
            }
        })
    }

    /// `text_body` is the plain-text part, from which development logs read links.
    pub async fn send(&self, message: Message, text_body: &str) -> Result<(), SendError> {
        match self {
            Self::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError { permanent: e.is_permanent(), message: e.to_string() }),
            Self::Files(files, dir) => {
                let links = links_in(text_body);
                let id =
                    files.send(message).await.map_err(|e| SendError { permanent: false, message: e.to_string() })?;
                // Development only (no SMTP server configured): the links are how
                // a developer follows a mail's journey.
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), links = ?links, "mail written to file");
                Ok(())
            }
        }
    }
}

fn links_in(text: &str) -> Vec<String> {
    let mut links: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_string)
        .collect();
    links.sort();
    links.dedup();
    links
}
