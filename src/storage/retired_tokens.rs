//! The one record of link tokens that stopped working (see the migration
//! `retired_tokens`): every place that replaces, uses up or deletes a link
//! token writes here, and every link handler looks here on a miss.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::link::{LinkKind, Retired};

/// Records `hash` as retired; the first reason recorded stays.
pub async fn retire(
    conn: &mut PgConnection,
    hash: &[u8],
    kind: LinkKind,
    reason: Retired,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO retired_tokens (token_hash, purpose, reason, retired_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(hash)
    .bind(kind.key())
    .bind(reason.key())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Why a token of `kind` stopped working, if it was ever issued as one.
pub async fn find(conn: &mut PgConnection, hash: &[u8], kind: LinkKind) -> sqlx::Result<Option<Retired>> {
    let reason: Option<String> =
        sqlx::query_scalar("SELECT reason FROM retired_tokens WHERE token_hash = $1 AND purpose = $2")
            .bind(hash)
            .bind(kind.key())
            .fetch_optional(conn)
            .await?;
    Ok(reason.as_deref().and_then(Retired::from_key))
}
