//! The seats of a cohort: who holds one, and the lock under which seats are given.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::domain::cohort::OfferStatus;

/// A seat holder: an accepted place or an offer still open.
#[derive(Debug, sqlx::FromRow)]
pub struct Seat {
    pub seat: i32,
    pub reference: String,
    pub full_name: String,
    pub status: OfferStatus,
    pub answer_by: DateTime<Utc>,
}

/// Accepted places and offers still open at `now`, by seat.
pub async fn seats(pool: &PgPool, cohort_id: i64, now: DateTime<Utc>) -> sqlx::Result<Vec<Seat>> {
    sqlx::query_as(
        "SELECT o.seat, a.reference, a.full_name, o.status, o.answer_by FROM cohort_offers o
         JOIN applications a ON a.id = o.application_id
         WHERE o.cohort_id = $1 AND (o.status = 'accepted' OR (o.status = 'offered' AND o.answer_by > $2))
         ORDER BY o.seat",
    )
    .bind(cohort_id)
    .bind(now)
    .fetch_all(pool)
    .await
}

/// A locked cohort's capacity and the seat numbers held in it.
#[derive(Debug)]
pub struct SeatLock {
    pub capacity: i32,
    /// In seat order.
    pub held: Vec<i32>,
}

impl SeatLock {
    /// The seat numbers not held, lowest first.
    pub fn free(&self) -> impl Iterator<Item = i32> + '_ {
        (1..=self.capacity).filter(|s| !self.held.contains(s))
    }
}

/// Locks the cohort, lapses its offers past their answer-by, and returns its
/// capacity and the seat numbers held (none for an unknown cohort). The
/// caller offers within this lock.
pub async fn lock_seats(conn: &mut PgConnection, cohort_id: i64, now: DateTime<Utc>) -> sqlx::Result<Option<SeatLock>> {
    let Some(capacity): Option<i32> = sqlx::query_scalar("SELECT capacity FROM cohorts WHERE id = $1 FOR UPDATE")
        .bind(cohort_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    lapse(conn, Some(cohort_id), now).await?;
    let held: Vec<i32> = sqlx::query_scalar(
        "SELECT seat FROM cohort_offers WHERE cohort_id = $1 AND status IN ('offered', 'accepted') ORDER BY seat",
    )
    .bind(cohort_id)
    .fetch_all(conn)
    .await?;
    Ok(Some(SeatLock { capacity, held }))
}

/// Offers past their answer-by are expired and their applications declined.
pub async fn lapse(conn: &mut PgConnection, cohort_id: Option<i64>, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let lapsed: Vec<i64> = sqlx::query_scalar(
        "UPDATE cohort_offers SET status = 'expired', answered_at = $2
         WHERE status = 'offered' AND answer_by <= $2 AND ($1::bigint IS NULL OR cohort_id = $1) RETURNING application_id",
    )
    .bind(cohort_id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for id in &lapsed {
        sqlx::query(
            "WITH changed AS (UPDATE applications SET status = 'declined', updated_at = $2 WHERE id = $1 AND status = 'offered' RETURNING id)
             INSERT INTO application_status_history (application_id, from_status, to_status, reason, at)
             SELECT id, 'offered', 'declined', 'no answer by the answer-by date', $2 FROM changed",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(lapsed.len() as u64)
}
