//! Whether the database answers, for the health check.

/// `Ok` when the database runs a trivial statement.
pub async fn ping(pool: &sqlx::PgPool) -> sqlx::Result<()> {
    sqlx::query("SELECT 1").execute(pool).await.map(|_| ())
}
