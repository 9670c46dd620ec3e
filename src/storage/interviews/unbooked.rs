//! Invitations to interview that have not led to a booking, for the
//! overview's reminder.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::{email_address::EmailAddress, link::LinkKind, link::Retired};

/// An invited applicant with a live booking link and no live booking.
#[derive(Debug, sqlx::FromRow)]
pub struct Unbooked {
    pub application_id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: EmailAddress,
    pub intake_id: i64,
    pub expires_at: DateTime<Utc>,
    /// When the last reminder to book went, if any.
    pub reminded_at: Option<DateTime<Utc>>,
}

/// Everyone invited and not booked whose link still works at `now`, the
/// invitations locked until the transaction ends (two clicks remind once).
pub async fn unbooked_invitations(conn: &mut PgConnection, now: DateTime<Utc>) -> sqlx::Result<Vec<Unbooked>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference, a.full_name, a.email, a.intake_id, i.expires_at, i.reminded_at
         FROM interview_invitations i JOIN applications a ON a.id = i.application_id
         WHERE a.status = 'invited' AND i.expires_at > $1
           AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.application_id = a.id AND b.cancelled_at IS NULL)
         ORDER BY a.id
         FOR UPDATE OF i",
    )
    .bind(now)
    .fetch_all(conn)
    .await
}

/// Gives the invitation a new link (the old one is retired as superseded,
/// since only its hash is kept) and records the reminder at `now`.
pub async fn renew_for_reminder(
    conn: &mut PgConnection,
    application_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let old: Vec<u8> =
        sqlx::query_scalar("SELECT token_hash FROM interview_invitations WHERE application_id = $1 FOR UPDATE")
            .bind(application_id)
            .fetch_one(&mut *conn)
            .await?;
    crate::storage::retired_tokens::retire(conn, &old, LinkKind::InterviewBooking, Retired::Superseded, now).await?;
    sqlx::query("UPDATE interview_invitations SET token_hash = $2, reminded_at = $3 WHERE application_id = $1")
        .bind(application_id)
        .bind(token_hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}
