//! Rejection letters held back until a coordinator releases the intake's decisions.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// A rejected application whose letter has not gone out.
#[derive(Debug, sqlx::FromRow)]
pub struct Rejection {
    pub id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: String,
}

/// Rejected applications of an intake whose letter has not gone out, locked, by id.
pub async fn unreleased_rejections(conn: &mut PgConnection, intake_id: i64) -> sqlx::Result<Vec<Rejection>> {
    sqlx::query_as(
        "SELECT id, reference, full_name, email FROM applications
         WHERE intake_id = $1 AND status = 'rejected' AND decision_released_at IS NULL ORDER BY id FOR UPDATE",
    )
    .bind(intake_id)
    .fetch_all(conn)
    .await
}

/// The application's decision letter went out at `now`.
pub async fn mark_released(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE applications SET decision_released_at = $2 WHERE id = $1")
        .bind(application_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many rejected applications of the intake still wait for their letter.
pub async fn count_unreleased(pool: &PgPool, intake_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM applications WHERE intake_id = $1 AND status = 'rejected' AND decision_released_at IS NULL")
        .bind(intake_id)
        .fetch_one(pool)
        .await
}
