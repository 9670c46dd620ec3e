//! Booking links, and the bookings they make: one live booking per slot and per application.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::opened;
use crate::{
    domain::{
        application::Status,
        email_address::EmailAddress,
        link::{LinkKind, Retired},
    },
    sealing::{Field, FieldKey},
};

/// Sets the booking link of an application, replacing an earlier one.
pub async fn set_invitation(
    conn: &mut PgConnection,
    application_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let old: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT token_hash FROM interview_invitations WHERE application_id = $1 FOR UPDATE")
            .bind(application_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(old) = old {
        crate::storage::retired_tokens::retire(conn, &old, LinkKind::InterviewBooking, Retired::Superseded, now)
            .await?;
    }
    sqlx::query(
        "INSERT INTO interview_invitations (application_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id) DO UPDATE SET token_hash = $2, created_at = $3, expires_at = $4",
    )
    .bind(application_id)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The application behind a booking link.
#[derive(Debug, sqlx::FromRow)]
pub struct Invitation {
    pub application_id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: EmailAddress,
    pub status: Status,
    pub intake_id: i64,
    pub expires_at: DateTime<Utc>,
}

/// The invitation whose link hashes to `token_hash`.
pub async fn invitation(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference, a.full_name, a.email, a.status, a.intake_id, i.expires_at
         FROM interview_invitations i JOIN applications a ON a.id = i.application_id WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

/// A live booking with its slot's times and place, accommodations opened.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Booking {
    pub id: i64,
    pub slot_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub accommodations: Option<String>,
    accommodations_sealed: Option<Vec<u8>>,
    pub reminder_outbox_id: Option<i64>,
}

/// The application's live booking, locked for a change when `conn` is in a transaction.
pub async fn active_booking(
    conn: &mut PgConnection,
    key: &FieldKey,
    application_id: i64,
) -> sqlx::Result<Option<Booking>> {
    let row: Option<Booking> = sqlx::query_as(
        "SELECT b.id, b.slot_id, s.starts_at, s.ends_at, s.place, b.accommodations, b.accommodations_sealed,
                b.reminder_outbox_id
         FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
         WHERE b.application_id = $1 AND b.cancelled_at IS NULL FOR UPDATE OF b",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?;
    row.map(|mut b| {
        b.accommodations = opened(key, Some(b.id), b.accommodations.take(), b.accommodations_sealed.take())?;
        Ok(b)
    })
    .transpose()
}

/// Why [`book`] did not hold the slot.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("the slot is taken")]
    SlotTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Holds the slot for the application. The partial unique indexes make a
/// second live booking of one slot (or by one application) impossible.
pub async fn book(
    conn: &mut PgConnection,
    key: &FieldKey,
    slot_id: i64,
    application_id: i64,
    accommodations: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    // The id is part of what the sealed text is bound to, so it is taken first.
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('interview_bookings', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query_scalar(
        "INSERT INTO interview_bookings (id, slot_id, application_id, accommodations_sealed, booked_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(id)
    .bind(slot_id)
    .bind(application_id)
    .bind(key.seal_text(Field::BookingAccommodations, id, accommodations))
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(|err| match crate::storage::violated_constraint(&err) {
        Some("interview_bookings_one_per_slot" | "interview_bookings_one_per_application") => BookError::SlotTaken,
        _ => BookError::Database(err),
    })
}

/// Marks the booking cancelled (once).
pub async fn cancel_booking(conn: &mut PgConnection, booking_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE interview_bookings SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
        .bind(booking_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Remembers the queued reminder, so a change or cancellation can withdraw it.
pub async fn set_reminder(conn: &mut PgConnection, booking_id: i64, outbox_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE interview_bookings SET reminder_outbox_id = $2 WHERE id = $1")
        .bind(booking_id)
        .bind(outbox_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Raises and returns the application's calendar sequence number.
pub async fn next_sequence(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<i32> {
    sqlx::query_scalar(
        "UPDATE applications SET interview_sequence = interview_sequence + 1 WHERE id = $1 RETURNING interview_sequence",
    )
    .bind(application_id)
    .fetch_one(conn)
    .await
}
