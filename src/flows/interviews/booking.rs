//! The applicant's booking link: opening it, the free slots, and booking,
//! changing and cancelling, in one transaction each with its e-mails. The
//! database refuses a second booking of a slot.
use crate::flows::support::copies::About;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgConnection;

use super::who;
use crate::{
    domain::{application::Status, interview, link::booking_is_over},
    flows::{Context, Error, FlowResult},
    mail::{messages::interviews as mails, outbox},
    storage::{
        self,
        interviews::{BookError, Booking, Invitation, Slot},
    },
};

/// What a booking link opens to.
pub enum Link {
    /// The invitation, and how long before a slot booking closes (the intake's cut-off).
    Live(Box<Live>),
    /// Past the link's expiry.
    Spent,
    /// The application has moved past booking.
    Over,
    /// No live link has this hash (it may have been replaced: ask `retired_tokens`).
    Unknown,
}

pub struct Live {
    pub invitation: Invitation,
    pub cutoff: Duration,
}

/// Finds the link by its token's hash. Errors: `NotFound` when the intake is gone.
pub async fn open(ctx: &Context, token_hash: &[u8]) -> FlowResult<Link> {
    let Some(invitation) = storage::interviews::invitation(&ctx.pool, token_hash).await? else {
        return Ok(Link::Unknown);
    };
    if booking_is_over(invitation.status) {
        return Ok(Link::Over);
    }
    if invitation.expires_at <= ctx.now() {
        return Ok(Link::Spent);
    }
    let intake = storage::intakes::by_id(&ctx.pool, invitation.intake_id).await?.ok_or(Error::NotFound)?;
    let cutoff = Duration::hours(i64::from(intake.booking_cutoff_hours));
    Ok(Link::Live(Box::new(Live { invitation, cutoff })))
}

/// What the booking page shows: the held booking and the slots still free.
pub struct Choices {
    pub held: Option<Booking>,
    /// Free slots starting after the cut-off, by start.
    pub free: Vec<Slot>,
    /// Whether the held booking (if any) may still be changed or cancelled.
    pub can_change: bool,
}

pub async fn choices(ctx: &Context, live: &Live) -> FlowResult<Choices> {
    let now = ctx.now();
    let held = {
        let mut conn = ctx.pool.acquire().await?;
        storage::interviews::active_booking(&mut conn, &ctx.key, live.invitation.application_id).await?
    };
    let free = storage::interviews::free_slots(&ctx.pool, live.invitation.intake_id, now + live.cutoff).await?;
    let can_change = held.as_ref().is_none_or(|h| interview::is_bookable(h.starts_at, live.cutoff, now));
    Ok(Choices { held, free, can_change })
}

pub enum Booked {
    Done,
    /// Someone else holds the slot (or it is not one of this intake's).
    Taken,
    /// The chosen slot, or the one held now, is within the cut-off.
    TooLate,
    NotInvited,
}

/// Releases a held booking: cancelled, its reminder withdrawn.
async fn release(tx: &mut PgConnection, held: &Booking, now: DateTime<Utc>) -> sqlx::Result<()> {
    storage::interviews::cancel_booking(tx, held.id, now).await?;
    if let Some(id) = held.reminder_outbox_id {
        outbox::withdraw(tx, id).await?;
    }
    Ok(())
}

/// Books `slot_id` (releasing a held booking), queueing the confirmation with
/// its calendar request and the evening-before reminder; both carry the link
/// whose `token` opened the page.
pub async fn book(
    ctx: &Context,
    (live, token): (&Live, &str),
    slot_id: i64,
    accommodations: Option<&str>,
) -> FlowResult<Booked> {
    let (inv, cutoff) = (&live.invitation, live.cutoff);
    if inv.status != Status::Invited {
        return Ok(Booked::NotInvited);
    }
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(slot) = storage::interviews::slot_of_intake(&mut tx, inv.intake_id, slot_id).await? else {
        return Ok(Booked::Taken);
    };
    if !interview::is_bookable(slot.starts_at, cutoff, now) {
        return Ok(Booked::TooLate);
    }
    let held = storage::interviews::active_booking(&mut tx, &ctx.key, inv.application_id).await?;
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
    let booked =
        storage::interviews::book(&mut tx, &ctx.key, slot_id, inv.application_id, accommodations.as_deref(), now);
    let booking = match booked.await {
        Ok(id) => id,
        Err(BookError::SlotTaken) => return Ok(Booked::Taken),
        Err(BookError::Database(e)) => return Err(e.into()),
    };
    crate::flows::audit_applicant(&mut tx, "applicant_booked", Some(inv.application_id), now).await?;
    let sequence = storage::interviews::next_sequence(&mut tx, inv.application_id).await?;
    let cutoff_hours = cutoff.num_hours() as i32;
    let mail = mails::booked(&ctx.settings, who(inv), &slot, (sequence, cutoff_hours), token, now)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    crate::flows::support::copies::queue(&mut tx, ctx, inv.application_id, About::Booked(&slot), now).await?;
    if let Some(at) = interview::reminder_at(slot.starts_at, now) {
        let id = outbox::queue_at(
            &mut tx,
            &ctx.key,
            &mails::reminder(&ctx.settings, who(inv), &slot, token)?,
            ctx.mail_domain(),
            at,
        )
        .await?;
        storage::interviews::set_reminder(&mut tx, booking, id).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Booked::Done)
}

pub enum Cancelled {
    Done,
    NothingHeld,
    TooLate,
}

/// Cancels the held booking before the cut-off, with a calendar cancellation
/// and the link (by its `token`) to book again.
pub async fn cancel(ctx: &Context, live: &Live, token: &str) -> FlowResult<Cancelled> {
    let inv = &live.invitation;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(held) = storage::interviews::active_booking(&mut tx, &ctx.key, inv.application_id).await? else {
        return Ok(Cancelled::NothingHeld);
    };
    if !interview::is_bookable(held.starts_at, live.cutoff, now) {
        return Ok(Cancelled::TooLate);
    }
    release(&mut tx, &held, now).await?;
    crate::flows::audit_applicant(&mut tx, "applicant_cancelled_booking", Some(inv.application_id), now).await?;
    let sequence = storage::interviews::next_sequence(&mut tx, inv.application_id).await?;
    let slot = Slot { id: held.slot_id, starts_at: held.starts_at, ends_at: held.ends_at, place: held.place.clone() };
    let mail = mails::cancelled(&ctx.settings, who(inv), &slot, sequence, token, now)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Cancelled::Done)
}
