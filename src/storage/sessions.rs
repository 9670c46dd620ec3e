use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::{
    domain::staff::Role,
    sealing::{Field, FieldKey},
};

/// A session with the user it belongs to.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub user_disabled: bool,
    pub has_totp: bool,
    pub mfa_done: bool,
    /// Sealed; `pending_totp_secret` opens it.
    pub pending_totp_sealed: Option<Vec<u8>>,
    pub pending_recovery_hashes: Option<Vec<Vec<u8>>>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

type Row = (
    i64,
    String,
    String,
    String,
    bool,
    bool,
    bool,
    Option<Vec<u8>>,
    Option<Vec<Vec<u8>>>,
    DateTime<Utc>,
    DateTime<Utc>,
);

impl SessionRow {
    /// The secret shown during enrolment; `None` when there is none or it was
    /// sealed under a key since rotated (enrolment then shows a new one).
    pub fn pending_totp_secret(&self, key: &FieldKey) -> Option<Vec<u8>> {
        let sealed = self.pending_totp_sealed.as_ref()?;
        key.open(Field::PendingTotp, self.user_id, sealed).ok()
    }
}

pub async fn create(pool: &PgPool, id_hash: &[u8], user_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO staff_sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)")
        .bind(id_hash)
        .bind(user_id)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn load(pool: &PgPool, id_hash: &[u8]) -> sqlx::Result<Option<SessionRow>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.role, u.disabled_at IS NOT NULL, u.totp_secret IS NOT NULL, s.mfa_done,
                s.pending_totp_secret, s.pending_recovery_hashes, s.created_at, s.last_seen_at
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(SessionRow {
            user_id: r.0,
            email: r.1,
            name: r.2,
            role: r.3.parse().ok()?,
            user_disabled: r.4,
            has_totp: r.5,
            mfa_done: r.6,
            pending_totp_sealed: r.7,
            pending_recovery_hashes: r.8,
            created_at: r.9,
            last_seen_at: r.10,
        })
    }))
}

pub async fn touch(pool: &PgPool, id_hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff_sessions SET last_seen_at = $2 WHERE id_hash = $1")
        .bind(id_hash)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

/// Gives the session a new id (after MFA) and marks it fully signed in.
pub async fn complete_mfa(pool: &PgPool, old_hash: &[u8], new_hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE staff_sessions SET id_hash = $2, mfa_done = true, pending_totp_secret = NULL,
             pending_recovery_hashes = NULL, last_seen_at = $3 WHERE id_hash = $1",
    )
    .bind(old_hash)
    .bind(new_hash)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn set_pending_enrolment(
    pool: &PgPool,
    key: &FieldKey,
    session: &SessionRow,
    id_hash: &[u8],
    secret: &[u8],
    recovery_hashes: &[Vec<u8>],
) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff_sessions SET pending_totp_secret = $2, pending_recovery_hashes = $3 WHERE id_hash = $1")
        .bind(id_hash)
        .bind(key.seal(Field::PendingTotp, session.user_id, secret))
        .bind(recovery_hashes)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete(pool: &PgPool, id_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1").bind(id_hash).execute(pool).await?;
    Ok(())
}

/// Ends every session of a user (disabled, or a new password).
pub async fn delete_for_user(pool: &PgPool, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1").bind(user_id).execute(pool).await?;
    Ok(())
}
