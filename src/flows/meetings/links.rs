//! The links of a sign-up's mails: confirming the seat and cancelling it.
use crate::{
    domain::{
        info_meeting::{SignupStatus, has_room, takes_signups},
        reminder::evening_before,
    },
    flows::{Context, Error, FlowResult},
    mail::{messages::meetings as mails, outbox},
    storage, tokens,
};

use super::{Answer, Outcome, to};

/// Confirms the sign-up of the confirmation link `token_hash`, queueing the
/// calendar invitation and the evening-before reminder. `None`: no sign-up
/// has that link (or its meeting is gone).
pub async fn confirm(ctx: &Context, token_hash: &[u8]) -> FlowResult<Option<Answer>> {
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(found) = storage::info_meetings::signup_by_confirm_token(&mut tx, token_hash).await? else {
        return Ok(None);
    };
    let Some(locked) = storage::info_meetings::lock(&mut tx, found.meeting_id).await? else {
        return Ok(None);
    };
    // Read again under the meeting's lock: a twin request may have confirmed it.
    let row = storage::info_meetings::signup_by_confirm_token(&mut tx, token_hash).await?.unwrap_or(found);
    let meeting_id = row.meeting_id;
    let pending = row.status == SignupStatus::Pending;
    let outcome = if row.status == SignupStatus::Confirmed {
        Outcome::AlreadyDone
    } else if !pending || row.confirm_expires_at <= now {
        Outcome::Expired
    } else if !takes_signups(locked.starts_at, locked.cancelled, now) {
        Outcome::Closed
    } else if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting_id).await?, locked.capacity) {
        Outcome::Full
    } else {
        let cancel = tokens::generate();
        let sequence = storage::info_meetings::confirm(&mut tx, row.id, &tokens::hash(&cancel), now).await?;
        let meeting = storage::info_meetings::page(&ctx.pool, meeting_id).await?.ok_or(Error::NotFound)?;
        let d = ctx.mail_domain();
        let mail = mails::confirmed(&ctx.settings, to(&row)?, &meeting, &cancel, sequence, now)?;
        outbox::queue(&mut tx, &ctx.key, &mail, d).await?;
        let reminder = match evening_before(meeting.starts_at, now) {
            Some(at) => Some(outbox::queue_at(&mut tx, &ctx.key, &mails::reminder(to(&row)?, &meeting)?, d, at).await?),
            None => None,
        };
        storage::info_meetings::set_reminder(&mut tx, row.id, reminder).await?;
        Outcome::Done
    };
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Some(Answer { outcome, meeting_id }))
}

/// What following a cancel link came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    /// The seat is given back; the calendar cancellation is queued.
    Done,
    /// The sign-up holds no seat (cancelled before): nothing changes.
    NotConfirmed,
}

/// Cancels the confirmed sign-up of the cancel link `token_hash` and withdraws
/// its reminder. `None`: no sign-up has that link.
pub async fn cancel(ctx: &Context, token_hash: &[u8]) -> FlowResult<Option<Cancelled>> {
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(found) = storage::info_meetings::signup_by_cancel_token(&mut tx, token_hash).await? else {
        return Ok(None);
    };
    storage::info_meetings::lock(&mut tx, found.meeting_id).await?;
    let row = storage::info_meetings::signup_by_cancel_token(&mut tx, token_hash).await?.unwrap_or(found);
    if row.status != SignupStatus::Confirmed {
        return Ok(Some(Cancelled::NotConfirmed));
    }
    let sequence = storage::info_meetings::cancel_signup(&mut tx, row.id, now).await?;
    if let Some(id) = row.reminder_outbox_id {
        outbox::withdraw(&mut tx, id).await?;
    }
    let meeting = storage::info_meetings::page(&ctx.pool, row.meeting_id).await?.ok_or(Error::NotFound)?;
    let mail = mails::cancelled(&ctx.settings, to(&row)?, &meeting, sequence, now)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Some(Cancelled::Done))
}
