//! Booking, changing and cancelling an interview, in one transaction each
//! with its e-mails. The database refuses a second booking of a slot.
use chrono::{DateTime, Duration, Utc};
use sqlx::PgConnection;

use super::mails::{self, Who};
use crate::{
    domain::{application::Status, email_address::EmailAddress, interview},
    mail::outbox,
    storage::{
        self,
        interviews::{BookError, Booking, Invitation, Slot},
    },
    web::{AppState, error::AppError},
};

pub enum Booked {
    Done,
    /// Someone else holds the slot (or it is not one of this intake's).
    Taken,
    /// The chosen slot, or the one held now, is within the cut-off.
    TooLate,
    NotInvited,
}

fn who(inv: &Invitation) -> Result<Who<'_>, AppError> {
    let to =
        EmailAddress::parse(&inv.email).map_err(|_| AppError::Other(anyhow::anyhow!("stored address unreadable")))?;
    Ok(Who { to, name: &inv.full_name, reference: &inv.reference, application_id: inv.application_id })
}

fn mail_domain(state: &AppState) -> String {
    state.settings.base_url.host_str().unwrap_or("localhost").to_string()
}

/// Releases a held booking: cancelled, its reminder withdrawn.
async fn release(tx: &mut PgConnection, held: &Booking, now: DateTime<Utc>) -> sqlx::Result<()> {
    storage::interviews::cancel_booking(tx, held.id, now).await?;
    if let Some(id) = held.reminder_outbox_id {
        outbox::withdraw(tx, id).await?;
    }
    Ok(())
}

pub async fn book(
    state: &AppState,
    inv: &Invitation,
    slot_id: i64,
    accommodations: Option<&str>,
    cutoff: Duration,
) -> Result<Booked, AppError> {
    if inv.status.parse::<Status>() != Ok(Status::Invited) {
        return Ok(Booked::NotInvited);
    }
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(slot) = storage::interviews::slot_of_intake(&mut tx, inv.intake_id, slot_id).await? else {
        return Ok(Booked::Taken);
    };
    if !interview::is_bookable(slot.starts_at, cutoff, now) {
        return Ok(Booked::TooLate);
    }
    let held = storage::interviews::active_booking(&mut tx, &state.key, inv.application_id).await?;
    if let Some(held) = &held {
        if held.slot_id == slot_id {
            return Ok(Booked::Done);
        }
        if !interview::is_bookable(held.starts_at, cutoff, now) {
            return Ok(Booked::TooLate);
        }
        release(&mut tx, held, now).await?;
    }
    // A change keeps what the applicant asked for the first time.
    let accommodations = accommodations.map(str::to_string).or_else(|| held.and_then(|h| h.accommodations));
    let booking = match storage::interviews::book(
        &mut tx,
        &state.key,
        slot_id,
        inv.application_id,
        accommodations.as_deref(),
        now,
    )
    .await
    {
        Ok(id) => id,
        Err(BookError::SlotTaken) => return Ok(Booked::Taken),
        Err(BookError::Database(e)) => return Err(e.into()),
    };
    let sequence = storage::interviews::next_sequence(&mut tx, inv.application_id).await?;
    let domain = mail_domain(state);
    let cutoff_hours = cutoff.num_hours() as i32;
    outbox::queue(
        &mut tx,
        &state.key,
        &mails::booked(&state.settings, who(inv)?, &slot, sequence, cutoff_hours, now)?,
        &domain,
    )
    .await?;
    if let Some(at) = interview::reminder_at(slot.starts_at, now) {
        let id = outbox::queue_at(&mut tx, &state.key, &mails::reminder(who(inv)?, &slot)?, &domain, at).await?;
        storage::interviews::set_reminder(&mut tx, booking, id).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Booked::Done)
}

pub enum Cancelled {
    Done,
    NothingHeld,
    TooLate,
}

pub async fn cancel(state: &AppState, inv: &Invitation, cutoff: Duration) -> Result<Cancelled, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(held) = storage::interviews::active_booking(&mut tx, &state.key, inv.application_id).await? else {
        return Ok(Cancelled::NothingHeld);
    };
    if !interview::is_bookable(held.starts_at, cutoff, now) {
        return Ok(Cancelled::TooLate);
    }
    release(&mut tx, &held, now).await?;
    let sequence = storage::interviews::next_sequence(&mut tx, inv.application_id).await?;
    let slot = Slot { id: held.slot_id, starts_at: held.starts_at, ends_at: held.ends_at, place: held.place.clone() };
    outbox::queue(
        &mut tx,
        &state.key,
        &mails::cancelled(&state.settings, who(inv)?, &slot, sequence, now)?,
        &mail_domain(state),
    )
    .await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Cancelled::Done)
}
