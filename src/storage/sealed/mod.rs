//! The key registry and the bulk work on sealed columns: sealing rows written
//! before field encryption, and re-sealing everything under a new key.
use sqlx::{PgConnection, PgPool};

mod reseal;

pub use reseal::{Resealed, open_exported, reseal_all};

use reseal::{SEALED_COLUMNS, SEALED_MIN_LEN};

use crate::sealing::OpenError;

/// A sealed value that will not open is a server fault (wrong key, tampering),
/// reported as a decode error so it surfaces as a 500 with its cause logged.
pub fn unreadable(err: OpenError) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(err))
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(
        "this server's secret key (OPTAG_SECRET_KEY or var/secret.key) is not the one the database's health data \
         is sealed with (key version {0}). Start with that key, or move the data to a new key with \
         `optag rotate-key`, run with the old key in OPTAG_SECRET_KEY and the new key on standard input."
    )]
    Unknown(i16),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The version under which `fingerprint` is registered. An unknown secret is
/// registered as the next version, unless sealed data exists that only another
/// version can open.
pub async fn version_for(pool: &PgPool, fingerprint: &[u8]) -> Result<i16, KeyError> {
    let mut tx = pool.begin().await?;
    // One registration at a time, so two servers starting together agree.
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    if let Some(version) = sqlx::query_scalar("SELECT version FROM field_keys WHERE fingerprint = $1")
        .bind(fingerprint)
        .fetch_optional(&mut *tx)
        .await?
    {
        return Ok(version);
    }
    if let Some(version) = sealed_version_in_use(&mut tx).await? {
        return Err(KeyError::Unknown(version));
    }
    let version: i16 = sqlx::query_scalar(
        "INSERT INTO field_keys (version, fingerprint) SELECT coalesce(max(version), 0) + 1, $1 FROM field_keys
         RETURNING version",
    )
    .bind(fingerprint)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// The version `fingerprint` is registered under, if any.
pub async fn registered_version(pool: &PgPool, fingerprint: &[u8]) -> sqlx::Result<Option<i16>> {
    sqlx::query_scalar("SELECT version FROM field_keys WHERE fingerprint = $1")
        .bind(fingerprint)
        .fetch_optional(pool)
        .await
}

/// Registers the fingerprint of a new secret for `rotate-key` (again: the same version).
pub async fn register_next(pool: &PgPool, fingerprint: &[u8]) -> sqlx::Result<i16> {
    let mut tx = pool.begin().await?;
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    let version: i16 = sqlx::query_scalar(
        "WITH found AS (SELECT version FROM field_keys WHERE fingerprint = $1),
              added AS (INSERT INTO field_keys (version, fingerprint)
                        SELECT coalesce(max(version), 0) + 1, $1 FROM field_keys HAVING NOT EXISTS (SELECT 1 FROM found)
                        RETURNING version)
         SELECT version FROM found UNION ALL SELECT version FROM added",
    )
    .bind(fingerprint)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Forgets every version but `current` once nothing sealed under them is
/// left, so their secrets can no longer start a server. Returns how many went.
pub async fn retire_all_but(pool: &PgPool, current: i16) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    let left = sealed_version_in_use_other_than(&mut tx, current).await?;
    if left.is_some() {
        return Ok(0);
    }
    let done = sqlx::query("DELETE FROM field_keys WHERE version <> $1").bind(current).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

async fn sealed_version_in_use(conn: &mut PgConnection) -> sqlx::Result<Option<i16>> {
    sealed_version_in_use_other_than(conn, 0).await
}

async fn sealed_version_in_use_other_than(conn: &mut PgConnection, current: i16) -> sqlx::Result<Option<i16>> {
    // The free-text columns come from `SEALED_COLUMNS`, so a column added
    // there is also counted here (a server with the wrong key then refuses to start).
    let version_of = |column: &str| format!("(get_byte({column}, 0) * 256 + get_byte({column}, 1))::smallint");
    let free_text: String = SEALED_COLUMNS
        .iter()
        .map(|c| format!(" UNION ALL SELECT {} FROM {} WHERE {} IS NOT NULL", version_of(c.sealed), c.table, c.sealed))
        .collect();
    // Names come from constants, never from a request.
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT v FROM (
             SELECT {} AS v FROM applications WHERE facts_sealed IS NOT NULL
             UNION ALL SELECT {} FROM applications WHERE answers_sealed IS NOT NULL
             UNION ALL SELECT {} FROM applications WHERE eligibility_sealed IS NOT NULL
             UNION ALL SELECT {} FROM staff_users WHERE length(totp_secret) >= $2
             UNION ALL SELECT {} FROM drafts WHERE fields_sealed IS NOT NULL{free_text}
         ) used WHERE v <> $1 LIMIT 1",
        version_of("facts_sealed"),
        version_of("answers_sealed"),
        version_of("eligibility_sealed"),
        version_of("totp_secret"),
        version_of("fields_sealed"),
    )))
    .persistent(false)
    .bind(current)
    .bind(SEALED_MIN_LEN)
    .fetch_optional(conn)
    .await
}
