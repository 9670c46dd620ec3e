//! Writing e-mails to the outbox, inside the caller's transaction.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::OutgoingEmail;
use crate::{sealing::FieldKey, storage};

pub use storage::outbox::withdraw;

/// Queues the e-mail; it is sent only if the caller's transaction commits.
pub async fn queue(
    conn: &mut PgConnection,
    key: &FieldKey,
    email: &OutgoingEmail,
    mail_domain: &str,
) -> sqlx::Result<i64> {
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), mail_domain);
    storage::outbox::insert(conn, key, &new_mail(&message_id, email), None).await
}

/// [`queue`] as outbox row `id`, taken beforehand (`storage::outbox::NEXT_ID`).
pub async fn queue_as(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    email: &OutgoingEmail,
    mail_domain: &str,
) -> sqlx::Result<i64> {
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), mail_domain);
    storage::outbox::insert_as(conn, key, id, &new_mail(&message_id, email), None).await
}

/// Queues the e-mail to go out at `at` (reminders); `withdraw` takes it back.
pub async fn queue_at(
    conn: &mut PgConnection,
    key: &FieldKey,
    email: &OutgoingEmail,
    mail_domain: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), mail_domain);
    storage::outbox::insert(conn, key, &new_mail(&message_id, email), Some(at)).await
}

fn new_mail<'a>(message_id: &'a str, email: &'a OutgoingEmail) -> storage::outbox::NewMail<'a> {
    storage::outbox::NewMail {
        message_id,
        recipient: email.to.as_str(),
        subject: &email.subject,
        text: &email.text,
        html: &email.html,
        attachments: &email.attachments,
    }
}

/// The visitor a mail to an unproven address is sent for: their network
/// address, counted against `mail_limit::PER_CLIENT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requester(pub std::net::IpAddr);

/// Queues a mail to an address that has not proven itself, unless the
/// address or the requesting client is over its quota
/// (`domain::mail_limit`). Returns whether it was queued; callers answer the
/// same either way, so a visitor cannot tell.
pub async fn queue_unproven(
    conn: &mut PgConnection,
    key: &FieldKey,
    email: &OutgoingEmail,
    mail_domain: &str,
    requester: Requester,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    use crate::domain::mail_limit::{PER_ADDRESS, PER_CLIENT};
    let address_key = crate::tokens::hash(&format!("mail-quota:address:{}", email.to.normalised()));
    let client_key = crate::tokens::hash(&format!("mail-quota:client:{}", requester.0));
    if !storage::mail_quota::take(conn, &address_key, PER_ADDRESS, now).await?
        || !storage::mail_quota::take(conn, &client_key, PER_CLIENT, now).await?
    {
        tracing::info!("mail to an unproven address held back: over its quota");
        return Ok(false);
    }
    queue(conn, key, email, mail_domain).await?;
    Ok(true)
}
