//! What signing in reads and spends: the password hash, the second factor, recovery codes.
use sqlx::PgPool;

use crate::{
    domain::email_address::EmailAddress,
    sealing::{Field, FieldKey},
};

/// A staff user as sign-in needs them.
#[derive(sqlx::FromRow)]
pub struct LoginUser {
    pub id: i64,
    pub password_hash: String,
    pub disabled: bool,
    pub has_totp: bool,
}

pub async fn for_login(pool: &PgPool, email: &EmailAddress) -> sqlx::Result<Option<LoginUser>> {
    sqlx::query_as(
        "SELECT id, password_hash, disabled_at IS NOT NULL AS disabled, totp_secret IS NOT NULL AS has_totp
         FROM staff_users WHERE lower(email) = $1",
    )
    .bind(email.normalised())
    .fetch_optional(pool)
    .await
}

/// An enrolled second factor: the TOTP secret and the last step used.
#[derive(sqlx::FromRow)]
pub struct Totp {
    /// Sealed as read; opened by [`totp_of`].
    #[sqlx(rename = "totp_secret")]
    pub secret: Vec<u8>,
    #[sqlx(rename = "totp_last_step")]
    pub last_step: Option<i64>,
}

/// The enrolled TOTP secret (opened) and the last step used.
pub async fn totp_of(pool: &PgPool, key: &FieldKey, user_id: i64) -> sqlx::Result<Option<Totp>> {
    let row: Option<Totp> =
        sqlx::query_as("SELECT totp_secret, totp_last_step FROM staff_users WHERE id = $1 AND totp_secret IS NOT NULL")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    row.map(|t| {
        let secret = key.open(Field::StaffTotp, user_id, &t.secret).map_err(crate::storage::sealed::unreadable)?;
        Ok(Totp { secret, last_step: t.last_step })
    })
    .transpose()
}

/// Takes the step for the user; false when it (or a later one) was used already.
pub async fn use_totp_step(pool: &PgPool, user_id: i64, step: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE staff_users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(user_id)
    .bind(step)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Enrols TOTP with its first accepted step and the recovery codes, once.
pub async fn enrol_totp(
    pool: &PgPool,
    key: &FieldKey,
    user_id: i64,
    secret: &[u8],
    step: i64,
    recovery_hashes: &[Vec<u8>],
) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query(
        "UPDATE staff_users SET totp_secret = $2, totp_last_step = $3 WHERE id = $1 AND totp_secret IS NULL",
    )
    .bind(user_id)
    .bind(key.seal(Field::StaffTotp, user_id, secret))
    .bind(step)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user_id)
            .bind(hash)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Spends an unused recovery code; false when there is none such.
pub async fn use_recovery_code(
    pool: &PgPool,
    user_id: i64,
    hash: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL")
            .bind(user_id)
            .bind(hash)
            .bind(now)
            .execute(pool)
            .await?;
    Ok(done.rows_affected() == 1)
}
