use sqlx::PgPool;

use crate::{
    domain::{
        email_address::EmailAddress,
        staff::{Role, StaffName},
    },
    sealing::{Field, FieldKey},
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

/// The enrolled TOTP secret (opened) and the last step used.
pub async fn totp_of(pool: &PgPool, key: &FieldKey, user_id: i64) -> sqlx::Result<Option<(Vec<u8>, Option<i64>)>> {
    let row: Option<(Vec<u8>, Option<i64>)> =
        sqlx::query_as("SELECT totp_secret, totp_last_step FROM staff_users WHERE id = $1 AND totp_secret IS NOT NULL")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    row.map(|(sealed, step)| {
        let secret = key.open(Field::StaffTotp, user_id, &sealed).map_err(super::sealed::unreadable)?;
        Ok((secret, step))
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

#[derive(Debug, sqlx::FromRow)]
pub struct StaffListRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
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

/// Stores an activation link's hash for the user.
pub async fn add_activation(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
    token_hash: &[u8],
    expires_at: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, 'activation', $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub enum ActivationLink {
    Valid { user_id: i64 },
    Spent,
    Unknown,
}

pub async fn activation(
    pool: &PgPool,
    token_hash: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<ActivationLink> {
    let row: Option<(i64, chrono::DateTime<chrono::Utc>, Option<chrono::DateTime<chrono::Utc>>)> = sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM staff_tokens WHERE token_hash = $1 AND purpose = 'activation'",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        None => ActivationLink::Unknown,
        Some((_, expires, used)) if used.is_some() || expires <= now => ActivationLink::Spent,
        Some((user_id, _, _)) => ActivationLink::Valid { user_id },
    })
}

/// Sets the password from an activation link, spending it; ends every
/// session of the user. False when the link was spent meanwhile.
pub async fn activate(
    pool: &PgPool,
    token_hash: &[u8],
    user_id: i64,
    password_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let spent = sqlx::query(
        "UPDATE staff_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if spent.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE staff_users SET password_hash = $2, password_changed_at = $3 WHERE id = $1")
        .bind(user_id)
        .bind(password_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(true)
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

/// The user's address and name (for the password rules).
pub async fn email_and_name(pool: &PgPool, user_id: i64) -> sqlx::Result<Option<(String, String)>> {
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
