//! Where delivered mail goes: an SMTP server, or `.eml` files in development.
use std::{path::PathBuf, time::Duration};

use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    transport::smtp::{
        PoolConfig,
        client::{AsyncSmtpConnection, TlsParameters},
        extension::{ClientId, Extension},
    },
};

use crate::config::MailDelivery;

/// Mails sent at once, each on a connection of lettre's pool; the pool keeps
/// as many connections open between batches, so a batch pays no TCP, TLS or
/// EHLO round trips (this, not the database, bounded the drain rate).
pub const CONCURRENCY: usize = 16;

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
                let pool = PoolConfig::new().max_size(CONCURRENCY as u32).idle_timeout(Duration::from_secs(60));
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())?.pool_config(pool).build();
                Self::Smtp(smtp)
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
            // A 5xx answer is final; so is lettre's own refusal (a client
            // error: e.g. a non-ASCII address for a relay without SMTPUTF8),
            // which no retry can change.
            Self::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError { permanent: e.is_permanent() || e.is_client(), message: e.to_string() }),
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

/// Asks the relay whether it offers SMTPUTF8 (RFC 6531), the only way to a
/// local part beyond ASCII: connects, reads the EHLO answer, says QUIT.
/// `None` when the relay cannot be asked now. Files take any address.
pub async fn offers_smtputf8(delivery: &MailDelivery) -> Option<bool> {
    let url = match delivery {
        MailDelivery::Files(_) => return Some(true),
        MailDelivery::Smtp(url) => url,
    };
    let host = url.host_str()?.to_string();
    let implicit_tls = url.scheme() == "smtps";
    let starttls = url.query_pairs().any(|(k, _)| k == "tls");
    let port = url.port().unwrap_or(if implicit_tls {
        465
    } else if starttls {
        587
    } else {
        25
    });
    let tls = if implicit_tls { Some(TlsParameters::new(host.clone()).ok()?) } else { None };
    let hello = ClientId::default();
    let connect =
        AsyncSmtpConnection::connect_tokio1((host.as_str(), port), Some(Duration::from_secs(5)), &hello, tls, None);
    let mut connection = tokio::time::timeout(Duration::from_secs(6), connect).await.ok()?.ok()?;
    let offered = connection.server_info().supports_feature(Extension::SmtpUtfEight);
    let _ = connection.quit().await;
    Some(offered)
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
