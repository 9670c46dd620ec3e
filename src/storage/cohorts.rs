use chrono::NaiveDate;
use sqlx::PgConnection;

/// Adds the cohort unless the intake has one of that name; returns its id.
pub async fn insert_if_missing(
    conn: &mut PgConnection,
    intake_id: i64,
    name: &str,
    start_date: NaiveDate,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO cohorts (intake_id, name, start_date) VALUES ($1, $2, $3)
         ON CONFLICT (intake_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(intake_id)
    .bind(name)
    .bind(start_date)
    .fetch_one(conn)
    .await
}
