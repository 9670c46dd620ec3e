//! Throttle records, changed atomically: the row is locked from the read to
//! the write, so simultaneous requests on any number of instances each see
//! the tries reserved before them. The rule itself is `domain::login_throttle`.
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, Transaction};

use crate::domain::login_throttle::{Policy, Record};

/// The record for `key_hash`, created empty if missing, locked until the
/// transaction ends (the no-op update takes the row lock and returns the
/// newest committed values).
async fn lock(tx: &mut Transaction<'_, Postgres>, key_hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<Record> {
    let (attempts, window_start, locked_until): (i32, DateTime<Utc>, Option<DateTime<Utc>>) = sqlx::query_as(
        "INSERT INTO login_throttle (key_hash, attempts, window_start, locked_until) VALUES ($1, 0, $2, NULL)
         ON CONFLICT (key_hash) DO UPDATE SET key_hash = login_throttle.key_hash
         RETURNING attempts, window_start, locked_until",
    )
    .bind(key_hash)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Record { attempts, window_start, locked_until })
}

async fn write(tx: &mut Transaction<'_, Postgres>, key_hash: &[u8], r: &Record) -> sqlx::Result<()> {
    sqlx::query("UPDATE login_throttle SET attempts = $2, window_start = $3, locked_until = $4 WHERE key_hash = $1")
        .bind(key_hash)
        .bind(r.attempts)
        .bind(r.window_start)
        .bind(r.locked_until)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Reserves one try for `key_hash` at `now`; false when it must wait.
pub async fn reserve(pool: &PgPool, key_hash: &[u8], policy: &Policy, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let current = lock(&mut tx, key_hash, now).await?;
    let (next, allowed) = policy.reserve(Some(&current), now);
    if next != current {
        write(&mut tx, key_hash, &next).await?;
    }
    tx.commit().await?;
    Ok(allowed)
}

/// Gives back a reserved try that was not spent against the secret.
pub async fn refund(pool: &PgPool, key_hash: &[u8], policy: &Policy, now: DateTime<Utc>) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let current = lock(&mut tx, key_hash, now).await?;
    write(&mut tx, key_hash, &policy.refund(&current)).await?;
    tx.commit().await
}

/// Forgets the key's tries (the secret was right).
pub async fn clear(pool: &PgPool, key_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key_hash = $1").bind(key_hash).execute(pool).await?;
    Ok(())
}
