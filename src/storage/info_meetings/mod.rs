//! Info meetings and their sign-ups: the meetings here, the sign-ups and
//! their links in [`signups`].
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use crate::domain::info_meeting::InfoMeeting;

mod signups;
pub use signups::{
    NewSignup, SignupRow, cancel_signup, check_in, confirm, insert_signup, renew_cancel_token, renew_pending, set_note,
    set_reminder, signup_by_cancel_token, signup_by_confirm_token, signup_by_email, signups,
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

/// The meeting's row as a sign-up decides on it, read under its lock.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Locked {
    pub capacity: i32,
    pub starts_at: DateTime<Utc>,
    pub cancelled: bool,
}

/// Locks the meeting row: confirmations of one meeting then happen one at a
/// time, so the confirmed count can never pass the capacity. `None`: no such meeting.
pub async fn lock(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Locked>> {
    sqlx::query_as(
        "SELECT capacity, starts_at, cancelled_at IS NOT NULL AS cancelled FROM info_meetings WHERE id = $1 FOR UPDATE",
    )
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
