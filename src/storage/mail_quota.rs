//! The atomic counters behind `domain::mail_limit`.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::mail_limit::Quota;

/// Counts one mail against `key_hash` (a hash, never an address) and returns
/// whether the quota allows it. One upsert: concurrent requests, on any
/// instance, queue on the row and each sees the count including its own. In
/// the caller's transaction, so a rolled-back change does not use up quota.
pub async fn take(conn: &mut PgConnection, key_hash: &[u8], quota: Quota, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let window_opened_after = now - quota.window;
    let used: i32 = sqlx::query_scalar(
        "INSERT INTO mail_quota (key_hash, window_start, used) VALUES ($1, $2, 1)
         ON CONFLICT (key_hash) DO UPDATE SET
             window_start = CASE WHEN mail_quota.window_start <= $3 THEN $2 ELSE mail_quota.window_start END,
             used = CASE WHEN mail_quota.window_start <= $3 THEN 1 ELSE mail_quota.used + 1 END
         RETURNING used",
    )
    .bind(key_hash)
    .bind(now)
    .bind(window_opened_after)
    .fetch_one(conn)
    .await?;
    Ok(quota.allows(used))
}

/// Forgets windows that are over; counts only.
pub async fn purge(conn: &mut PgConnection, before: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM mail_quota WHERE window_start < $1").bind(before).execute(conn).await?.rows_affected())
}
