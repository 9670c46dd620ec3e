//! Forms and pages kept across the end of a staff session (`web::admin::kept`).
use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::sealing::{Field, FieldKey};

/// What was kept: the path, and the fields of a form (`None` for a page).
#[derive(Debug)]
pub struct Kept {
    pub path: String,
    pub fields: Option<Vec<(String, String)>>,
}

pub async fn insert(
    pool: &PgPool,
    key: &FieldKey,
    token_hash: &[u8],
    user_id: Option<i64>,
    kept: &Kept,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    let id: i64 =
        sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('kept_posts', 'id'))").fetch_one(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO kept_posts (id, token_hash, user_id, path, fields_sealed, created_at, expires_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(token_hash)
    .bind(user_id)
    .bind(&kept.path)
    .bind(kept.fields.as_ref().map(|f| key.seal_json(Field::KeptPost, id, f)))
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct KeptRow {
    id: i64,
    user_id: Option<i64>,
    path: String,
    fields_sealed: Option<Vec<u8>>,
    expires_at: DateTime<Utc>,
}

/// Takes (reads and deletes) what was kept under the token for `user_id`;
/// something kept for another user, expired, or sealed under a retired key
/// is gone.
pub async fn take(
    pool: &PgPool,
    key: &FieldKey,
    token_hash: &[u8],
    user_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Kept>> {
    let row: Option<KeptRow> = sqlx::query_as(
        "DELETE FROM kept_posts WHERE token_hash = $1 RETURNING id, user_id, path, fields_sealed, expires_at",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    let Some(KeptRow { id, user_id: owner, path, fields_sealed: sealed, expires_at }) = row else { return Ok(None) };
    if owner.is_some_and(|o| o != user_id) || expires_at <= now {
        return Ok(None);
    }
    let fields = match sealed {
        Some(s) => match key.open_json(Field::KeptPost, id, &s) {
            Ok(f) => Some(f),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    Ok(Some(Kept { path, fields }))
}

/// Whether something is kept under the token (and is a form).
pub async fn holds_form(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<bool>> {
    sqlx::query_scalar("SELECT fields_sealed IS NOT NULL FROM kept_posts WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(pool)
        .await
}
