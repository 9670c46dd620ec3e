use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool, types::Json};

use crate::domain::application::ApplicationFields;

#[derive(Debug, sqlx::FromRow)]
pub struct Draft {
    pub id: i64,
    pub intake_id: i64,
    pub intake_slug: String,
    pub email: String,
    pub fields: Json<ApplicationFields>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(
    conn: &mut PgConnection,
    intake_id: i64,
    token_hash: &[u8],
    fields: &ApplicationFields,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO drafts (intake_id, token_hash, email, fields, created_at, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id",
    )
    .bind(intake_id)
    .bind(token_hash)
    .bind(fields.email.trim())
    .bind(Json(fields))
    .bind(now)
    .bind(expires_at)
    .fetch_one(conn)
    .await
}

/// Saves the fields over the draft; the link keeps working until `expires_at`.
pub async fn update(
    conn: &mut PgConnection,
    id: i64,
    fields: &ApplicationFields,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE drafts SET email = $2, fields = $3, updated_at = $4, expires_at = $5 WHERE id = $1")
        .bind(id)
        .bind(fields.email.trim())
        .bind(Json(fields))
        .bind(now)
        .bind(expires_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// The draft behind a link, expired or not (the caller tells the two apart).
pub async fn by_token(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<Draft>> {
    sqlx::query_as(
        "SELECT d.id, d.intake_id, i.slug AS intake_slug, d.email, d.fields, d.expires_at
         FROM drafts d JOIN intakes i ON i.id = d.intake_id WHERE d.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

pub async fn delete(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM drafts WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}
