use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use crate::domain::info_meeting::InfoMeeting;

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
