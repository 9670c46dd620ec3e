use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, PgConnection, PgPool};

use serde::{Deserialize, Serialize};

use crate::sealing::{Field, FieldKey};

/// A text attachment of a queued mail, such as an `.ics` calendar file
/// (`mail::Attachment::calendar` builds one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: String,
}

/// A mail to queue: the envelope and the body, which is sealed.
pub struct NewMail<'a> {
    pub message_id: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    pub attachments: &'a [Attachment],
}

/// A claimed outbox row, ready to send.
#[derive(Debug)]
pub struct OutboxRow {
    pub id: i64,
    pub message_id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attachments: Vec<Attachment>,
    pub attempts: i32,
}

/// What is sealed in `body_sealed`: everything that can carry a live link.
#[derive(Serialize, Deserialize)]
struct Body {
    text: String,
    html: String,
    attachments: Vec<Attachment>,
}

/// [`Body`] as it is written, borrowed from the mail being queued.
#[derive(Serialize)]
struct BodyRef<'a> {
    text: &'a str,
    html: &'a str,
    attachments: &'a [Attachment],
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    id: i64,
    message_id: String,
    recipient: String,
    subject: String,
    body_text: Option<String>,
    body_html: Option<String>,
    attachments: Option<sqlx::types::Json<Vec<Attachment>>>,
    body_sealed: Option<Vec<u8>>,
    attempts: i32,
}

impl StoredRow {
    fn opened(self, key: &FieldKey) -> sqlx::Result<OutboxRow> {
        let body = match &self.body_sealed {
            Some(sealed) => key.open_json(Field::OutboxBody, self.id, sealed).map_err(super::sealed::unreadable)?,
            // Queued before bodies were sealed.
            None => Body {
                text: self.body_text.unwrap_or_default(),
                html: self.body_html.unwrap_or_default(),
                attachments: self.attachments.map(|a| a.0).unwrap_or_default(),
            },
        };
        Ok(OutboxRow {
            id: self.id,
            message_id: self.message_id,
            recipient: self.recipient,
            subject: self.subject,
            body_text: body.text,
            body_html: body.html,
            attachments: body.attachments,
            attempts: self.attempts,
        })
    }
}

/// Adds a mail that becomes due at `due_at` (now when `None`; later for
/// reminders). The body is sealed: it holds live links, which a reader of the
/// database or a backup must not be able to use.
pub async fn insert(
    conn: &mut PgConnection,
    key: &FieldKey,
    mail: &NewMail<'_>,
    due_at: Option<DateTime<Utc>>,
) -> sqlx::Result<i64> {
    // The id is part of what the sealed body is bound to, so it is taken first.
    let id: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT {NEXT_ID}"))).fetch_one(&mut *conn).await?;
    insert_as(conn, key, id, mail, due_at).await
}

/// A new row's id from the outbox's sequence, as SQL: for a statement that
/// reads something else anyway to take it too, saving a round trip
/// (`storage::submissions`); the id then goes to [`insert_as`].
pub const NEXT_ID: &str = "nextval(pg_get_serial_sequence('mail_outbox', 'id'))";

/// [`insert`] as row `id`, taken beforehand with [`NEXT_ID`].
pub async fn insert_as(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    mail: &NewMail<'_>,
    due_at: Option<DateTime<Utc>>,
) -> sqlx::Result<i64> {
    let body = BodyRef { text: mail.text, html: mail.html, attachments: mail.attachments };
    sqlx::query_scalar(
        "INSERT INTO mail_outbox (id, message_id, recipient, subject, body_text, body_html, attachments, body_sealed,
             next_attempt_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, NULL, NULL, NULL, $5, COALESCE($6, now())) RETURNING id",
    )
    .bind(id)
    .bind(mail.message_id)
    .bind(mail.recipient)
    .bind(mail.subject)
    .bind(key.seal_json(Field::OutboxBody, id, &body))
    .bind(due_at)
    .fetch_one(conn)
    .await
}

/// Claims up to `limit` due rows. A claimed row is `sending` and is never
/// claimed again from that state; other instances skip rows being claimed.
pub async fn claim_due(pool: &PgPool, key: &FieldKey, now: DateTime<Utc>, limit: i64) -> sqlx::Result<Vec<OutboxRow>> {
    let rows: Vec<StoredRow> = sqlx::query_as(
        "UPDATE mail_outbox SET status = 'sending', claimed_at = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, message_id, recipient, subject, body_text, body_html, attachments, body_sealed, attempts",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(|r| r.opened(key)).collect()
}

pub async fn mark_sent(pool: &PgPool, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = NULL,
             body_text = NULL, body_html = NULL, attachments = NULL, body_sealed = NULL
         WHERE id = $1 AND status = 'sending'",
    )
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Marks many rows sent in one statement (a batch of the worker).
pub async fn mark_sent_many(pool: &PgPool, ids: &[i64], now: DateTime<Utc>) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = NULL,
             body_text = NULL, body_html = NULL, attachments = NULL, body_sealed = NULL
         WHERE id = ANY($1) AND status = 'sending'",
    )
    .bind(ids)
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

/// Rows left `sending` by an instance that died mid-batch may or may not
/// have gone out. They go back to `pending` and are sent again: at least
/// once, with the row's own Message-ID, so a second copy is recognisably the
/// same mail (clients fold copies with one Message-ID), where marking them
/// failed lost a receipt or an invitation without anyone noticing. A row
/// that has used up its attempts (one that kills the worker every time, say)
/// is marked failed instead, for a coordinator to see. Returns (requeued, failed).
pub async fn requeue_interrupted(
    pool: &PgPool,
    claimed_before: DateTime<Utc>,
    max_attempts: i32,
) -> sqlx::Result<(u64, u64)> {
    let failed = sqlx::query(
        "UPDATE mail_outbox SET status = 'failed', last_error = 'interrupted during delivery too often'
         WHERE status = 'sending' AND claimed_at < $1 AND attempts >= $2",
    )
    .bind(claimed_before)
    .bind(max_attempts)
    .execute(pool)
    .await?;
    let requeued = sqlx::query(
        "UPDATE mail_outbox SET status = 'pending', next_attempt_at = now(),
             last_error = 'interrupted during delivery; sent again with the same Message-ID'
         WHERE status = 'sending' AND claimed_at < $1",
    )
    .bind(claimed_before)
    .execute(pool)
    .await?;
    Ok((requeued.rows_affected(), failed.rows_affected()))
}

/// A mail given up on, for the coordinators' list.
#[derive(Debug, sqlx::FromRow)]
pub struct FailedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The mails that failed for good.
pub struct Failed {
    /// How many there are in all.
    pub count: i64,
    /// The newest of them, newest first.
    pub newest: Vec<FailedMail>,
}

/// How many mails failed for good, and the newest `limit` of them.
pub async fn failed(pool: &PgPool, limit: i64) -> sqlx::Result<Failed> {
    let count = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE status = 'failed'").fetch_one(pool).await?;
    let rows = sqlx::query_as(
        "SELECT id, recipient, subject, last_error, created_at FROM mail_outbox WHERE status = 'failed'
         ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(Failed { count, newest: rows })
}

/// Counts per status, for the health of the outbox.
pub async fn count_by_status(pool: &PgPool) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as("SELECT status, count(*) FROM mail_outbox GROUP BY status ORDER BY status").fetch_all(pool).await
}

/// Takes back a mail not sent yet (a reminder for a booking that changed).
pub async fn withdraw(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mail_outbox SET status = 'withdrawn', body_text = NULL, body_html = NULL, attachments = NULL,
             body_sealed = NULL
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
