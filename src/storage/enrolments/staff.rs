//! Enrolments as staff and the retention job reach them.
use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::{COLUMNS, EnrolmentRow, Stored, opened, retire_all};
use crate::{domain::link::Retired, sealing::FieldKey};

/// The enrolment an application came from, for staff.
pub async fn of_application(pool: &PgPool, key: &FieldKey, application_id: i64) -> sqlx::Result<Option<EnrolmentRow>> {
    let sql = format!("SELECT {COLUMNS} FROM enrolments WHERE application_id = $1");
    let row: Option<Stored> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(application_id).fetch_optional(pool).await?;
    row.map(|r| opened(key, r)).transpose()
}

/// A cohort participant (live offer or accepted place) who came by an employer's enrolment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Enrolled {
    pub reference: String,
    pub full_name: String,
    pub organisation_key: String,
    pub peer_role: String,
}

/// The enrolled participants of cohort `cohort_id`, in enrolment order.
pub async fn enrolled_in_cohort(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<Enrolled>> {
    sqlx::query_as(
        "SELECT a.reference, a.full_name, e.organisation_key, e.peer_role
         FROM cohort_offers o JOIN applications a ON a.id = o.application_id
         JOIN enrolments e ON e.application_id = a.id
         WHERE o.cohort_id = $1 AND o.status IN ('offered', 'accepted') AND e.peer_role IS NOT NULL
         ORDER BY e.created_at, e.id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// Erases enrolments whose time ran out unanswered (or accepted and never
/// sent); their links answer "expired". Returns how many went.
pub async fn purge_expired(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let gone: Vec<(Vec<u8>, Option<Vec<u8>>)> = sqlx::query_as(
        "DELETE FROM enrolments WHERE expires_at <= $1 RETURNING confirm_token_hash, participant_token_hash",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    retire_all(&mut tx, &gone, Retired::Expired, now).await?;
    tx.commit().await?;
    Ok(gone.len() as u64)
}
