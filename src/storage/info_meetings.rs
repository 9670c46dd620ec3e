use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use super::retired_tokens::retire;
use crate::{
    domain::{
        info_meeting::InfoMeeting,
        link::{LinkKind, Retired},
    },
    sealing::{Field, FieldKey},
};

macro_rules! select_meetings {
    ($rest:literal) => {
        concat!(
            "SELECT m.id, m.intake_id, i.name AS intake_name, m.starts_at, m.ends_at, m.place, m.capacity
             FROM info_meetings m JOIN intakes i ON i.id = m.intake_id ",
            $rest
        )
    };
}

fn from_row(row: &PgRow) -> sqlx::Result<InfoMeeting> {
    Ok(InfoMeeting {
        id: row.try_get("id")?,
        intake_id: row.try_get("intake_id")?,
        intake_name: row.try_get("intake_name")?,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        place: row.try_get("place")?,
        capacity: row.try_get("capacity")?,
    })
}

/// Meetings that have not started at `now`, the soonest first.
pub async fn upcoming(pool: &PgPool, now: DateTime<Utc>, limit: i64) -> sqlx::Result<Vec<InfoMeeting>> {
    let sql = select_meetings!("WHERE m.starts_at > $1 ORDER BY m.starts_at, m.id LIMIT $2");
    let rows = sqlx::query(sql).bind(now).bind(limit).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn upcoming_for_intake(pool: &PgPool, intake_id: i64, now: DateTime<Utc>) -> sqlx::Result<Vec<InfoMeeting>> {
    let sql = select_meetings!("WHERE m.intake_id = $1 AND m.starts_at > $2 ORDER BY m.starts_at, m.id");
    let rows = sqlx::query(sql).bind(intake_id).bind(now).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// Adds the meeting unless the intake has one at that time already (keeps the demo idempotent).
pub async fn insert_if_missing(
    conn: &mut PgConnection,
    intake_id: i64,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: &str,
    capacity: i32,
) -> sqlx::Result<i64> {
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM info_meetings WHERE intake_id = $1 AND starts_at = $2")
            .bind(intake_id)
            .bind(starts_at)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    sqlx::query_scalar(
        "INSERT INTO info_meetings (intake_id, starts_at, ends_at, place, capacity) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(intake_id)
    .bind(starts_at)
    .bind(ends_at)
    .bind(place)
    .bind(capacity)
    .fetch_one(conn)
    .await
}

/// A meeting as its pages need it, with confirmed seats counted.
#[derive(Debug, sqlx::FromRow)]
pub struct MeetingPage {
    pub id: i64,
    pub intake_id: i64,
    pub intake_slug: String,
    pub intake_name: String,
    pub programme_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub directions: Option<String>,
    pub capacity: i32,
    pub cancelled: bool,
    pub confirmed: i64,
}

pub async fn page(pool: &PgPool, id: i64) -> sqlx::Result<Option<MeetingPage>> {
    sqlx::query_as(
        "SELECT m.id, m.intake_id, i.slug AS intake_slug, i.name AS intake_name, p.name AS programme_name, m.starts_at,
                m.ends_at, m.place, m.directions, m.capacity, m.cancelled_at IS NOT NULL AS cancelled,
                (SELECT count(*) FROM info_meeting_signups s WHERE s.meeting_id = m.id AND s.status = 'confirmed') AS confirmed
         FROM info_meetings m JOIN intakes i ON i.id = m.intake_id JOIN programmes p ON p.id = i.programme_id
         WHERE m.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub struct NewMeeting<'a> {
    pub intake_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: &'a str,
    pub directions: Option<&'a str>,
    pub capacity: i32,
}

pub async fn create(pool: &PgPool, m: &NewMeeting<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO info_meetings (intake_id, starts_at, ends_at, place, directions, capacity)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(m.intake_id)
    .bind(m.starts_at)
    .bind(m.ends_at)
    .bind(m.place)
    .bind(m.directions)
    .bind(m.capacity)
    .fetch_one(pool)
    .await
}

/// Locks the meeting row: confirmations of one meeting then happen one at a
/// time, so the confirmed count can never pass the capacity.
pub async fn lock(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<(i32, DateTime<Utc>, bool)>> {
    sqlx::query_as("SELECT capacity, starts_at, cancelled_at IS NOT NULL FROM info_meetings WHERE id = $1 FOR UPDATE")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn confirmed_count(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM info_meeting_signups WHERE meeting_id = $1 AND status = 'confirmed'")
        .bind(id)
        .fetch_one(conn)
        .await
}

pub async fn cancel_meeting(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE info_meetings SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignupRow {
    pub id: i64,
    pub meeting_id: i64,
    pub name: String,
    pub email: String,
    /// Opened only by `signups` (the staff's list); `None` elsewhere.
    pub note: Option<String>,
    note_sealed: Option<Vec<u8>>,
    pub status: String,
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
            r.note = key.open_text(Field::SignupNote, r.id, Some(&sealed)).map_err(super::sealed::unreadable)?;
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

pub async fn cancel_signup(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> sqlx::Result<i32> {
    // Both links of the sign-up have done their job; a later sign-up gets new ones.
    let (confirm, cancel): (Vec<u8>, Option<Vec<u8>>) =
        sqlx::query_as("SELECT confirm_token_hash, cancel_token_hash FROM info_meeting_signups WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    retire(conn, &confirm, LinkKind::MeetingConfirm, Retired::Used, now).await?;
    if let Some(cancel) = cancel {
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

/// Every meeting of an intake, past ones too, soonest first.
pub async fn of_intake(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<InfoMeeting>> {
    let sql = select_meetings!("WHERE m.intake_id = $1 ORDER BY m.starts_at, m.id");
    let rows = sqlx::query(sql).bind(intake_id).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn update(pool: &PgPool, id: i64, m: &NewMeeting<'_>) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE info_meetings SET starts_at = $2, ends_at = $3, place = $4, directions = $5, capacity = $6 WHERE id = $1")
        .bind(id)
        .bind(m.starts_at)
        .bind(m.ends_at)
        .bind(m.place)
        .bind(m.directions)
        .bind(m.capacity)
        .execute(&mut *tx)
        .await?;
    // Calendar clients replace an event only when its sequence grows.
    sqlx::query("UPDATE info_meeting_signups SET calendar_sequence = calendar_sequence + 1 WHERE meeting_id = $1 AND status = 'confirmed'")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
