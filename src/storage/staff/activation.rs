//! Activation links: a new staff user sets their first password from one.
use sqlx::PgPool;

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

#[derive(sqlx::FromRow)]
struct ActivationRow {
    user_id: i64,
    expires_at: chrono::DateTime<chrono::Utc>,
    used_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn activation(
    pool: &PgPool,
    token_hash: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<ActivationLink> {
    let row: Option<ActivationRow> = sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM staff_tokens WHERE token_hash = $1 AND purpose = 'activation'",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        None => ActivationLink::Unknown,
        Some(r) if r.used_at.is_some() || r.expires_at <= now => ActivationLink::Spent,
        Some(r) => ActivationLink::Valid { user_id: r.user_id },
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
