//! Info-meeting invitations by mail, and the list of people who want to hear
//! about the next intake.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

pub async fn add_invitation(
    conn: &mut PgConnection,
    hash: &[u8],
    meeting_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO info_meeting_invitations (token_hash, meeting_id, email, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash)
    .bind(meeting_id)
    .bind(email)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// (meeting id, address, used) of an invitation link.
pub async fn invitation(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<(i64, String, bool)>> {
    sqlx::query_as(
        "SELECT meeting_id, email, used_at IS NOT NULL FROM info_meeting_invitations WHERE token_hash = $1 FOR UPDATE",
    )
    .bind(hash)
    .fetch_optional(conn)
    .await
}

pub async fn use_invitation(conn: &mut PgConnection, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE info_meeting_invitations SET used_at = $2 WHERE token_hash = $1")
        .bind(hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Starts (or restarts) a subscription awaiting confirmation; false when the
/// address is subscribed already.
pub async fn subscribe_pending(
    conn: &mut PgConnection,
    email: &str,
    email_normalised: &str,
    hash: &[u8],
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO interest_subscribers (email, email_normalised, status, confirm_token_hash, confirm_expires_at, created_at)
         VALUES ($1, $2, 'pending', $3, $4, $5)
         ON CONFLICT (email_normalised) DO UPDATE SET status = 'pending', confirm_token_hash = $3, confirm_expires_at = $4
           WHERE interest_subscribers.status <> 'subscribed'
         RETURNING id",
    )
    .bind(email)
    .bind(email_normalised)
    .bind(hash)
    .bind(expires)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

pub enum Confirmed {
    Done,
    Expired,
    Unknown,
}

pub async fn confirm_subscription(pool: &PgPool, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<Confirmed> {
    let row: Option<(String, Option<DateTime<Utc>>)> =
        sqlx::query_as("SELECT status, confirm_expires_at FROM interest_subscribers WHERE confirm_token_hash = $1")
            .bind(hash)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        None => Confirmed::Unknown,
        Some((status, _)) if status == "subscribed" => Confirmed::Done,
        Some((_, expires)) if expires.is_none_or(|e| e <= now) => Confirmed::Expired,
        Some(_) => {
            sqlx::query("UPDATE interest_subscribers SET status = 'subscribed', confirmed_at = $2 WHERE confirm_token_hash = $1")
                .bind(hash)
                .bind(now)
                .execute(pool)
                .await?;
            Confirmed::Done
        }
    })
}

/// Everyone subscribed, as (id, address).
pub async fn subscribers(conn: &mut PgConnection) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, email FROM interest_subscribers WHERE status = 'subscribed' ORDER BY id")
        .fetch_all(conn)
        .await
}

pub async fn add_unsubscribe_token(conn: &mut PgConnection, hash: &[u8], subscriber_id: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO unsubscribe_tokens (token_hash, subscriber_id) VALUES ($1, $2)")
        .bind(hash)
        .bind(subscriber_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn unsubscribe_known(pool: &PgPool, hash: &[u8]) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM unsubscribe_tokens WHERE token_hash = $1)")
        .bind(hash)
        .fetch_one(pool)
        .await
}

pub async fn unsubscribe(pool: &PgPool, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE interest_subscribers SET status = 'unsubscribed', unsubscribed_at = $2
         WHERE id = (SELECT subscriber_id FROM unsubscribe_tokens WHERE token_hash = $1)",
    )
    .bind(hash)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
