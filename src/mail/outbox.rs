//! Writing e-mails to the outbox, inside the caller's transaction.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::OutgoingEmail;
use crate::storage;

pub use storage::outbox::withdraw;

/// Queues the e-mail; it is sent only if the caller's transaction commits.
pub async fn queue(conn: &mut PgConnection, email: &OutgoingEmail, mail_domain: &str) -> sqlx::Result<i64> {
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), mail_domain);
    storage::outbox::insert(conn, &message_id, email, None).await
}

/// Queues the e-mail to go out at `at` (reminders); `withdraw` takes it back.
pub async fn queue_at(
    conn: &mut PgConnection,
    email: &OutgoingEmail,
    mail_domain: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), mail_domain);
    storage::outbox::insert(conn, &message_id, email, Some(at)).await
}
