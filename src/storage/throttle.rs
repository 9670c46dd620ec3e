use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::domain::login_throttle::Record;

pub async fn get(pool: &PgPool, key_hash: &[u8]) -> sqlx::Result<Option<Record>> {
    let row: Option<(i32, DateTime<Utc>, Option<DateTime<Utc>>)> =
        sqlx::query_as("SELECT failures, window_start, locked_until FROM login_throttle WHERE key_hash = $1")
            .bind(key_hash)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(failures, window_start, locked_until)| Record { failures, window_start, locked_until }))
}

pub async fn put(pool: &PgPool, key_hash: &[u8], r: &Record) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO login_throttle (key_hash, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key_hash) DO UPDATE SET failures = $2, window_start = $3, locked_until = $4",
    )
    .bind(key_hash)
    .bind(r.failures)
    .bind(r.window_start)
    .bind(r.locked_until)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn clear(pool: &PgPool, key_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key_hash = $1").bind(key_hash).execute(pool).await?;
    Ok(())
}
