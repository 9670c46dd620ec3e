use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::mail::{Attachment, OutgoingEmail};

/// A claimed outbox row, ready to send.
#[derive(Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub message_id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attachments: sqlx::types::Json<Vec<Attachment>>,
    pub attempts: i32,
}

/// Adds a mail that becomes due at `due_at` (now when `None`; later for reminders).
pub async fn insert(
    conn: &mut PgConnection,
    message_id: &str,
    email: &OutgoingEmail,
    due_at: Option<DateTime<Utc>>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO mail_outbox (message_id, recipient, subject, body_text, body_html, attachments, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now())) RETURNING id",
    )
    .bind(message_id)
    .bind(email.to.as_str())
    .bind(&email.subject)
    .bind(&email.text)
    .bind(&email.html)
    .bind(sqlx::types::Json(&email.attachments))
    .bind(due_at)
    .fetch_one(conn)
    .await
}

/// Claims up to `limit` due rows. A claimed row is `sending` and is never
/// claimed again from that state; other instances skip rows being claimed.
pub async fn claim_due(pool: &PgPool, now: DateTime<Utc>, limit: i64) -> sqlx::Result<Vec<OutboxRow>> {
    sqlx::query_as(
        "UPDATE mail_outbox SET status = 'sending', claimed_at = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, message_id, recipient, subject, body_text, body_html, attachments, attempts",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await
}

pub async fn mark_sent(pool: &PgPool, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1 AND status = 'sending'",
    )
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn retry_at(pool: &PgPool, id: i64, at: DateTime<Utc>, error: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE mail_outbox SET status = 'pending', next_attempt_at = $2, last_error = $3 WHERE id = $1 AND status = 'sending'")
        .bind(id)
        .bind(at)
        .bind(error)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn mark_failed(pool: &PgPool, id: i64, error: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE mail_outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'sending'")
        .bind(id)
        .bind(error)
        .execute(pool)
        .await?;
    Ok(())
}

/// Rows left `sending` by an instance that died mid-send may or may not have
/// gone out; they are marked failed for a person to look at, not resent.
pub async fn fail_interrupted(pool: &PgPool, claimed_before: DateTime<Utc>) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET status = 'failed',
             last_error = 'interrupted during delivery; not retried, so that it is never sent twice'
         WHERE status = 'sending' AND claimed_at < $1",
    )
    .bind(claimed_before)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Counts per status, for the health of the outbox.
pub async fn count_by_status(pool: &PgPool) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as("SELECT status, count(*) FROM mail_outbox GROUP BY status ORDER BY status").fetch_all(pool).await
}

/// Takes back a mail not sent yet (a reminder for a booking that changed).
pub async fn withdraw(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE mail_outbox SET status = 'withdrawn' WHERE id = $1 AND status = 'pending'")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
