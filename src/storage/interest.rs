//! Info-meeting invitations by mail, and the list of people who want to hear
//! about the next intake.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::{retired_tokens::retire, types::text_column};
use crate::domain::{
    email_address::EmailAddress,
    interest::SubscriberStatus,
    link::{LinkKind, Retired},
};

text_column!(SubscriberStatus, key, |t: &str| t.parse::<SubscriberStatus>());

pub async fn add_invitation(
    conn: &mut PgConnection,
    hash: &[u8],
    meeting_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    // A new invitation to the same address replaces an unused earlier one.
    let older: Vec<Vec<u8>> = sqlx::query_scalar(
        "DELETE FROM info_meeting_invitations WHERE meeting_id = $1 AND lower(email) = lower($2) AND used_at IS NULL
         RETURNING token_hash",
    )
    .bind(meeting_id)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    for old in &older {
        retire(conn, old, LinkKind::MeetingInvitation, Retired::Superseded, now).await?;
    }
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

/// An invitation to an info meeting, as its link finds it.
#[derive(Debug, sqlx::FromRow)]
pub struct Invitation {
    pub meeting_id: i64,
    /// The address it was sent to, as stored.
    pub email: String,
    pub used: bool,
}

/// The invitation behind a link, locked for the caller's transaction.
pub async fn invitation(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(
        "SELECT meeting_id, email, used_at IS NOT NULL AS used FROM info_meeting_invitations WHERE token_hash = $1 FOR UPDATE",
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
    let old: Option<Option<Vec<u8>>> = sqlx::query_scalar(
        "SELECT confirm_token_hash FROM interest_subscribers WHERE email_normalised = $1 AND status <> 'subscribed' FOR UPDATE",
    )
    .bind(email_normalised)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(Some(old)) = old {
        retire(conn, &old, LinkKind::InterestConfirm, Retired::Superseded, now).await?;
    }
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
    /// Confirmed before, with this link.
    Already,
    Expired,
    Unknown,
}

/// The status and link expiry of the subscription behind a confirmation link.
#[derive(sqlx::FromRow)]
struct SubscriptionRow {
    status: SubscriberStatus,
    confirm_expires_at: Option<DateTime<Utc>>,
}

async fn subscription_row(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<SubscriptionRow>> {
    sqlx::query_as("SELECT status, confirm_expires_at FROM interest_subscribers WHERE confirm_token_hash = $1")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// Whether a confirmation link is known, and its state, without changing it.
pub async fn subscription_link(pool: &PgPool, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<Confirmed> {
    let row = subscription_row(pool, hash).await?;
    Ok(match row {
        None => Confirmed::Unknown,
        // Confirmed before (and perhaps unsubscribed since): the link is used.
        Some(r) if r.status != SubscriberStatus::Pending => Confirmed::Already,
        Some(r) if r.confirm_expires_at.is_none_or(|e| e <= now) => Confirmed::Expired,
        Some(_) => Confirmed::Done,
    })
}

pub async fn confirm_subscription(pool: &PgPool, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<Confirmed> {
    let row = subscription_row(pool, hash).await?;
    Ok(match row {
        None => Confirmed::Unknown,
        Some(r) if r.status == SubscriberStatus::Subscribed => Confirmed::Done,
        // An old confirmation link does not undo an unsubscription.
        Some(r) if r.status != SubscriberStatus::Pending => Confirmed::Already,
        Some(r) if r.confirm_expires_at.is_none_or(|e| e <= now) => Confirmed::Expired,
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

/// Someone subscribed; an address that no longer parses is `None` (skipped).
#[derive(Debug, sqlx::FromRow)]
pub struct Subscriber {
    pub id: i64,
    pub email: String,
}

impl Subscriber {
    /// The address, when it still parses.
    pub fn address(&self) -> Option<EmailAddress> {
        EmailAddress::parse(&self.email).ok()
    }
}

/// Everyone subscribed, in the order they came.
pub async fn subscribers(conn: &mut PgConnection) -> sqlx::Result<Vec<Subscriber>> {
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

/// The subscriber's status behind an unsubscribe link, if the link is known.
pub async fn unsubscribe_known(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<SubscriberStatus>> {
    sqlx::query_scalar(
        "SELECT s.status FROM unsubscribe_tokens t JOIN interest_subscribers s ON s.id = t.subscriber_id WHERE t.token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(pool)
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
