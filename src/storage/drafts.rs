use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::application::ApplicationFields,
    sealing::{Field, FieldKey},
};

#[derive(Debug)]
pub struct Draft {
    pub id: i64,
    pub intake_id: i64,
    pub intake_slug: String,
    pub email: String,
    pub fields: ApplicationFields,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(
    conn: &mut PgConnection,
    key: &FieldKey,
    intake_id: i64,
    token_hash: &[u8],
    fields: &ApplicationFields,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<i64> {
    // The id is part of what the sealed fields are bound to, so it is taken first.
    let id: i64 =
        sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('drafts', 'id'))").fetch_one(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO drafts (id, intake_id, token_hash, email, fields_sealed, created_at, updated_at, expires_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
    )
    .bind(id)
    .bind(intake_id)
    .bind(token_hash)
    .bind(fields.email.trim())
    .bind(key.seal_json(Field::DraftFields, id, fields))
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Saves the fields over the draft; the link keeps working until `expires_at`.
pub async fn update(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    fields: &ApplicationFields,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE drafts SET email = $2, fields_sealed = $3, fields = NULL, updated_at = $4, expires_at = $5
         WHERE id = $1",
    )
    .bind(id)
    .bind(fields.email.trim())
    .bind(key.seal_json(Field::DraftFields, id, fields))
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    id: i64,
    intake_id: i64,
    intake_slug: String,
    email: String,
    fields_sealed: Vec<u8>,
    expires_at: DateTime<Utc>,
}

/// The draft behind a link, expired or not (the caller tells the two apart).
pub async fn by_token(pool: &PgPool, key: &FieldKey, token_hash: &[u8]) -> sqlx::Result<Option<Draft>> {
    let row: Option<DraftRow> = sqlx::query_as(
        "SELECT d.id, d.intake_id, i.slug AS intake_slug, d.email, d.fields_sealed, d.expires_at
         FROM drafts d JOIN intakes i ON i.id = d.intake_id WHERE d.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let fields = key.open_json(Field::DraftFields, r.id, &r.fields_sealed).map_err(super::sealed::unreadable)?;
    Ok(Some(Draft {
        id: r.id,
        intake_id: r.intake_id,
        intake_slug: r.intake_slug,
        email: r.email,
        fields,
        expires_at: r.expires_at,
    }))
}

pub async fn delete(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM drafts WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}
