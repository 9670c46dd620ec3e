//! Consent texts as agreed to: stored once per purpose, version and language.
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

use super::types::text_column;
use crate::domain::consent::{ConsentText, Purpose};

text_column!(Purpose, key, |t: &str| t.parse::<Purpose>());

#[derive(Debug, thiserror::Error)]
#[error(
    "the {purpose} consent text of version {version} ({language}) differs from the stored one; give it a new version"
)]
pub struct ChangedWithoutNewVersion {
    purpose: &'static str,
    version: &'static str,
    language: &'static str,
}

/// A consent text's id, and whether this call stored it.
#[derive(Debug, Clone, Copy)]
pub struct StoredText {
    pub id: i64,
    /// Stored by this call, so the id is not committed yet.
    pub inserted_now: bool,
}

/// A consent text's row as read back, to compare its digest.
#[derive(sqlx::FromRow)]
struct TextRow {
    id: i64,
    sha256: Vec<u8>,
    inserted: bool,
}

/// The id of `text`, stored the first time anyone agrees to it; a protocol
/// error when the stored words under its version differ.
pub async fn id_of(conn: &mut PgConnection, text: &ConsentText, now: DateTime<Utc>) -> sqlx::Result<StoredText> {
    let hash = Sha256::digest(text.body.as_bytes()).to_vec();
    let found: Option<TextRow> = sqlx::query_as(
        "WITH added AS (
             INSERT INTO consent_texts (purpose, version, language, body, sha256, published_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (purpose, version, language) DO NOTHING
             RETURNING id, sha256)
         SELECT id, sha256, true AS inserted FROM added
         UNION ALL
         SELECT id, sha256, false AS inserted FROM consent_texts WHERE purpose = $1 AND version = $2 AND language = $3
         LIMIT 1",
    )
    .bind(text.purpose.key())
    .bind(text.version)
    .bind(text.language)
    .bind(&text.body)
    .bind(&hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let row = match found {
        Some(row) => row,
        // Another transaction added it while this statement ran; its snapshot
        // could not see the row, a new statement can.
        None => {
            sqlx::query_as(
                "SELECT id, sha256, false AS inserted FROM consent_texts WHERE purpose = $1 AND version = $2 AND language = $3",
            )
            .bind(text.purpose.key())
            .bind(text.version)
            .bind(text.language)
            .fetch_one(conn)
            .await?
        }
    };
    if row.sha256 != hash {
        let err =
            ChangedWithoutNewVersion { purpose: text.purpose.key(), version: text.version, language: text.language };
        return Err(sqlx::Error::Protocol(err.to_string()));
    }
    Ok(StoredText { id: row.id, inserted_now: row.inserted })
}

/// A consent the application records, with the words agreed to.
#[derive(Debug, sqlx::FromRow)]
pub struct Agreed {
    pub purpose: Purpose,
    pub version: String,
    pub body: String,
    pub agreed_at: DateTime<Utc>,
}

/// The consents an application records, the required one first.
pub async fn of_application(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<Vec<Agreed>> {
    sqlx::query_as(
        "SELECT c.purpose, c.version, c.body,
                CASE WHEN c.id = a.consent_text_id THEN a.consented_at ELSE a.keep_consented_at END AS agreed_at
         FROM applications a JOIN consent_texts c ON c.id IN (a.consent_text_id, a.keep_text_id)
         WHERE a.id = $1 ORDER BY c.purpose = 'keep_for_later', c.id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await
}
