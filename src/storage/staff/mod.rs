//! Staff accounts: adding, listing, disabling, and their passwords.
mod activation;
mod login;

pub use activation::{ActivationLink, activate, activation, add_activation};
pub use login::{LoginUser, Totp, enrol_totp, for_login, totp_of, use_recovery_code, use_totp_step};

use sqlx::PgPool;

use crate::domain::{
    email_address::EmailAddress,
    staff::{Role, StaffName},
};

#[derive(Debug, thiserror::Error)]
pub enum AddUserError {
    #[error("a staff user with that e-mail address exists already")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn insert(
    pool: &PgPool,
    email: &EmailAddress,
    name: &StaffName,
    role: Role,
    password_hash: &str,
) -> Result<i64, AddUserError> {
    sqlx::query_scalar(
        "INSERT INTO staff_users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(email.as_str())
    .bind(name.as_str())
    .bind(role.as_str())
    .bind(password_hash)
    .fetch_one(pool)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("staff_users_email_key") => AddUserError::EmailTaken,
        _ => AddUserError::Database(err),
    })
}

pub async fn count(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM staff_users").fetch_one(pool).await
}

#[derive(Debug, sqlx::FromRow)]
pub struct StaffListRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub has_totp: bool,
    pub activated: bool,
}

pub async fn list(pool: &PgPool) -> sqlx::Result<Vec<StaffListRow>> {
    sqlx::query_as(
        "SELECT id, email, name, role, disabled_at IS NOT NULL AS disabled, totp_secret IS NOT NULL AS has_totp,
                password_hash LIKE '$argon2%' AS activated
         FROM staff_users ORDER BY lower(name), id",
    )
    .fetch_all(pool)
    .await
}

/// Disables or re-enables; a disabled user's sessions end at once.
pub async fn set_disabled(
    pool: &PgPool,
    id: i64,
    disabled: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query("UPDATE staff_users SET disabled_at = CASE WHEN $2 THEN $3 ELSE NULL END WHERE id = $1")
        .bind(id)
        .bind(disabled)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    if disabled {
        sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// A new user who cannot sign in until they set a password from their link.
pub async fn insert_unactivated(
    conn: &mut sqlx::PgConnection,
    email: &EmailAddress,
    name: &StaffName,
    role: Role,
) -> Result<i64, AddUserError> {
    sqlx::query_scalar(
        "INSERT INTO staff_users (email, name, role, password_hash) VALUES ($1, $2, $3, '!') RETURNING id",
    )
    .bind(email.as_str())
    .bind(name.as_str())
    .bind(role.as_str())
    .fetch_one(conn)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("staff_users_email_key") => AddUserError::EmailTaken,
        _ => AddUserError::Database(err),
    })
}

/// A staff user's address and name, as stored.
#[derive(Debug, sqlx::FromRow)]
pub struct Named {
    pub email: String,
    pub name: String,
}

/// The user's address and name (for the password rules).
pub async fn email_and_name(pool: &PgPool, user_id: i64) -> sqlx::Result<Option<Named>> {
    sqlx::query_as("SELECT email, name FROM staff_users WHERE id = $1").bind(user_id).fetch_optional(pool).await
}

pub async fn password_hash_of(pool: &PgPool, user_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT password_hash FROM staff_users WHERE id = $1").bind(user_id).fetch_optional(pool).await
}

/// Sets a new password and ends every session of the user but `keep`.
pub async fn change_password(
    pool: &PgPool,
    user_id: i64,
    password_hash: &str,
    keep: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE staff_users SET password_hash = $2, password_changed_at = $3 WHERE id = $1")
        .bind(user_id)
        .bind(password_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
