//! Whether there is room to interview the people about to be invited.
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// Of the chosen references, those who can be invited and hold no live booking
/// (`need`), and the free future slots of their intakes (`free`).
#[derive(Debug, sqlx::FromRow)]
pub struct Room {
    pub need: i64,
    pub free: i64,
}

pub async fn room_for(pool: &PgPool, references: &[String], now: DateTime<Utc>) -> sqlx::Result<Room> {
    sqlx::query_as(
        "WITH chosen AS (SELECT a.id, a.intake_id FROM applications a
                         WHERE a.reference = ANY($1) AND a.status IN ('submitted', 'invited')
                           AND NOT EXISTS (SELECT 1 FROM interview_bookings b
                                           WHERE b.application_id = a.id AND b.cancelled_at IS NULL))
         SELECT (SELECT count(*) FROM chosen) AS need,
                (SELECT count(*) FROM interview_slots s
                 WHERE s.intake_id IN (SELECT intake_id FROM chosen) AND s.starts_at > $2
                   AND NOT EXISTS (SELECT 1 FROM interview_bookings b
                                   WHERE b.slot_id = s.id AND b.cancelled_at IS NULL)) AS free",
    )
    .bind(references)
    .bind(now)
    .fetch_one(pool)
    .await
}
