use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::{
        application::ApplicationFields,
        link::{LinkKind, Retired},
    },
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
/// The address the link was mailed to stays: the link proves only that one.
pub async fn update(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    fields: &ApplicationFields,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE drafts SET fields_sealed = $2, fields = NULL, updated_at = $3, expires_at = $4
         WHERE id = $1",
    )
    .bind(id)
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
    opened(key, r)
}

fn opened(key: &FieldKey, r: DraftRow) -> sqlx::Result<Option<Draft>> {
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

/// A submit from an address that already has an application, kept as a draft
/// under its own receipt number (`held_reference`, taken from the same
/// counter as references) and the form's submission key, so the sender sees
/// the same receipt as anyone else. Only a link mailed to the address can turn
/// it into a change of the application.
pub struct Held<'a> {
    pub intake_id: i64,
    pub token_hash: &'a [u8],
    pub submission_key_hash: &'a [u8],
    pub submission_digest: &'a [u8],
    /// Taken beforehand with `applications::take_reference_number`.
    pub reference: crate::domain::application::reference::Reference,
    pub fields: &'a ApplicationFields,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Stores a held submission; returns its receipt number.
pub async fn insert_held(conn: &mut PgConnection, key: &FieldKey, held: &Held<'_>) -> sqlx::Result<String> {
    let id = insert(conn, key, held.intake_id, held.token_hash, held.fields, held.now, held.expires_at).await?;
    sqlx::query_scalar(
        "UPDATE drafts SET held_submission_key_hash = $2, held_submission_digest = $4, held_reference = $3
         WHERE id = $1 RETURNING held_reference",
    )
    .bind(id)
    .bind(held.submission_key_hash)
    .bind(held.reference.to_string())
    .bind(held.submission_digest)
    .fetch_one(conn)
    .await
}

/// The held submission's answers replaced by what was resent under its key.
pub async fn update_held(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    fields: &ApplicationFields,
    digest: &[u8],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE drafts SET fields_sealed = $2, held_submission_digest = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(key.seal_json(Field::DraftFields, id, fields))
        .bind(digest)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The draft's application was sent: the draft goes, its link is retired.
pub async fn delete(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    let hash: Option<Vec<u8>> = sqlx::query_scalar("DELETE FROM drafts WHERE id = $1 RETURNING token_hash")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(hash) = hash {
        super::retired_tokens::retire(conn, &hash, LinkKind::Draft, Retired::Over, now).await?;
    }
    Ok(())
}
