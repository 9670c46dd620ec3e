//! A meeting's sign-ups: sealed notes, confirmation and cancel links (each
//! retired into `retired_tokens` when replaced or used), check-in.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::{
        info_meeting::SignupStatus,
        link::{LinkKind, Retired},
    },
    sealing::{Field, FieldKey},
    storage::{retired_tokens::retire, types::text_column},
};

text_column!(SignupStatus, key, |text: &str| text.parse::<SignupStatus>());

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignupRow {
    pub id: i64,
    pub meeting_id: i64,
    pub name: String,
    pub email: String,
    /// Opened only by `signups` (the staff's list); `None` elsewhere.
    pub note: Option<String>,
    note_sealed: Option<Vec<u8>>,
    pub status: SignupStatus,
    pub confirm_expires_at: DateTime<Utc>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub calendar_sequence: i32,
    pub reminder_outbox_id: Option<i64>,
}

const SIGNUP: &str = "SELECT id, meeting_id, name, email, note, note_sealed, status, confirm_expires_at, checked_in_at,
        calendar_sequence, reminder_outbox_id FROM info_meeting_signups";

pub async fn signup_by_email(
    conn: &mut PgConnection,
    meeting_id: i64,
    email_normalised: &str,
) -> sqlx::Result<Option<SignupRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SIGNUP} WHERE meeting_id = $1 AND email_normalised = $2 FOR UPDATE")))
        .bind(meeting_id)
        .bind(email_normalised)
        .fetch_optional(conn)
        .await
}

pub async fn signup_by_confirm_token(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<SignupRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SIGNUP} WHERE confirm_token_hash = $1")))
        .bind(hash)
        .fetch_optional(conn)
        .await
}

pub async fn signup_by_cancel_token(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<SignupRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SIGNUP} WHERE cancel_token_hash = $1")))
        .bind(hash)
        .fetch_optional(conn)
        .await
}

/// A meeting's sign-ups with their notes opened, for the staff's list.
pub async fn signups(pool: &PgPool, key: &FieldKey, meeting_id: i64) -> sqlx::Result<Vec<SignupRow>> {
    let mut rows: Vec<SignupRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SIGNUP} WHERE meeting_id = $1 ORDER BY status, lower(name), id")))
            .bind(meeting_id)
            .fetch_all(pool)
            .await?;
    for r in &mut rows {
        if let Some(sealed) = r.note_sealed.take() {
            r.note =
                key.open_text(Field::SignupNote, r.id, Some(&sealed)).map_err(crate::storage::sealed::unreadable)?;
        }
    }
    Ok(rows)
}

/// Seals what the person wrote on the sign-up (it can hold health data).
pub async fn set_note(conn: &mut PgConnection, key: &FieldKey, id: i64, note: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE info_meeting_signups SET note = NULL, note_sealed = $2 WHERE id = $1")
        .bind(id)
        .bind(key.seal_text(Field::SignupNote, id, note))
        .execute(conn)
        .await?;
    Ok(())
}

pub struct NewSignup<'a> {
    pub meeting_id: i64,
    pub name: &'a str,
    pub email: &'a str,
    pub email_normalised: &'a str,
    pub note: Option<&'a str>,
    pub confirm_token_hash: &'a [u8],
    pub confirm_expires_at: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

pub async fn insert_signup(conn: &mut PgConnection, key: &FieldKey, s: &NewSignup<'_>) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO info_meeting_signups (meeting_id, name, email, email_normalised, note, status, confirm_token_hash,
             confirm_expires_at, created_at)
         VALUES ($1, $2, $3, $4, NULL, 'pending', $5, $6, $7) RETURNING id",
    )
    .bind(s.meeting_id)
    .bind(s.name)
    .bind(s.email)
    .bind(s.email_normalised)
    .bind(s.confirm_token_hash)
    .bind(s.confirm_expires_at)
    .bind(s.now)
    .fetch_one(&mut *conn)
    .await?;
    set_note(conn, key, id, s.note).await?;
    Ok(id)
}

/// A fresh confirmation link for a sign-up that is pending (or was cancelled).
/// The note is set apart with `set_note`.
pub async fn renew_pending(
    conn: &mut PgConnection,
    id: i64,
    name: &str,
    hash: &[u8],
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let old: Vec<u8> = sqlx::query_scalar("SELECT confirm_token_hash FROM info_meeting_signups WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    retire(conn, &old, LinkKind::MeetingConfirm, Retired::Superseded, now).await?;
    sqlx::query(
        "UPDATE info_meeting_signups SET status = 'pending', name = $2, confirm_token_hash = $3,
             confirm_expires_at = $4, cancelled_at = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(name)
    .bind(hash)
    .bind(expires)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Confirms; returns the new calendar sequence. A cancel link of an earlier
/// confirmation of the same sign-up is replaced.
pub async fn confirm(conn: &mut PgConnection, id: i64, cancel_hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<i32> {
    let old: Option<Vec<u8>> = sqlx::query_scalar("SELECT cancel_token_hash FROM info_meeting_signups WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    if let Some(old) = old {
        retire(conn, &old, LinkKind::MeetingCancel, Retired::Superseded, now).await?;
    }
    sqlx::query_scalar(
        "UPDATE info_meeting_signups SET status = 'confirmed', confirmed_at = $3, cancel_token_hash = $2,
             calendar_sequence = calendar_sequence + 1 WHERE id = $1 RETURNING calendar_sequence",
    )
    .bind(id)
    .bind(cancel_hash)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// A new cancel link for a confirmed sign-up (the old one stops working).
pub async fn renew_cancel_token(
    conn: &mut PgConnection,
    id: i64,
    cancel_hash: &[u8],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let old: Option<Vec<u8>> = sqlx::query_scalar("SELECT cancel_token_hash FROM info_meeting_signups WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    if let Some(old) = old {
        retire(conn, &old, LinkKind::MeetingCancel, Retired::Superseded, now).await?;
    }
    sqlx::query("UPDATE info_meeting_signups SET cancel_token_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(cancel_hash)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Links {
    confirm_token_hash: Vec<u8>,
    cancel_token_hash: Option<Vec<u8>>,
}

/// Cancels; returns the new calendar sequence.
pub async fn cancel_signup(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> sqlx::Result<i32> {
    // Both links of the sign-up have done their job; a later sign-up gets new ones.
    let links: Links =
        sqlx::query_as("SELECT confirm_token_hash, cancel_token_hash FROM info_meeting_signups WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    retire(conn, &links.confirm_token_hash, LinkKind::MeetingConfirm, Retired::Used, now).await?;
    if let Some(cancel) = links.cancel_token_hash {
        retire(conn, &cancel, LinkKind::MeetingCancel, Retired::Used, now).await?;
    }
    sqlx::query_scalar(
        "UPDATE info_meeting_signups SET status = 'cancelled', cancelled_at = $2, calendar_sequence = calendar_sequence + 1
         WHERE id = $1 RETURNING calendar_sequence",
    )
    .bind(id)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn set_reminder(conn: &mut PgConnection, id: i64, outbox_id: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE info_meeting_signups SET reminder_outbox_id = $2 WHERE id = $1")
        .bind(id)
        .bind(outbox_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn check_in(pool: &PgPool, meeting_id: i64, signup_id: i64, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE info_meeting_signups SET checked_in_at = CASE WHEN checked_in_at IS NULL THEN $3 ELSE NULL END
         WHERE id = $1 AND meeting_id = $2 AND status = 'confirmed'",
    )
    .bind(signup_id)
    .bind(meeting_id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
