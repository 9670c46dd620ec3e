//! Signing up on the meeting's page, and from a personal invitation.
use crate::{
    domain::{
        application::values::PersonName,
        email_address::EmailAddress,
        info_meeting::{CONFIRM_WINDOW, Signup, SignupStatus, has_room, takes_signups},
        reminder::evening_before,
    },
    flows::{Context, Error, FlowResult},
    mail::{
        messages::meetings::{self as mails, To},
        outbox::{self, Requester},
    },
    storage::{
        self,
        info_meetings::{MeetingPage, NewSignup},
    },
    tokens,
};

use super::{Answer, Outcome, to};

/// What a sign-up on the meeting's page came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedUp {
    /// A mail went out: the confirmation link, or (already confirmed) a new cancel link.
    Done,
    Full,
    /// The meeting has started or is cancelled.
    Closed,
    /// Our relay cannot carry mail to the address; nothing was stored.
    Unreachable,
}

/// The answer is the same whoever the address belongs to; the mail tells its
/// owner. Errors: `NotFound` if the meeting is gone.
pub async fn sign_up(
    ctx: &Context,
    meeting: &MeetingPage,
    signup: &Signup,
    requester: Requester,
) -> FlowResult<SignedUp> {
    if !ctx.mail_reach.reaches(&signup.email).await {
        return Ok(SignedUp::Unreachable);
    }
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(locked) = storage::info_meetings::lock(&mut tx, meeting.id).await? else {
        return Err(Error::NotFound);
    };
    if !takes_signups(locked.starts_at, locked.cancelled, now) {
        return Ok(SignedUp::Closed);
    }
    let existing = storage::info_meetings::signup_by_email(&mut tx, meeting.id, &signup.email.normalised()).await?;
    if let Some(row) = existing.as_ref().filter(|r| r.status == SignupStatus::Confirmed) {
        let cancel = tokens::generate();
        storage::info_meetings::renew_cancel_token(&mut tx, row.id, &tokens::hash(&cancel), now).await?;
        let mail = mails::already(&ctx.settings, to(row)?, meeting, &cancel)?;
        outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
    } else {
        if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting.id).await?, locked.capacity) {
            return Ok(SignedUp::Full);
        }
        let token = tokens::generate();
        let (hash, expires) = (tokens::hash(&token), now + CONFIRM_WINDOW);
        let note = signup.note.as_deref();
        let id = match &existing {
            Some(row) => {
                let name = signup.name.as_str();
                storage::info_meetings::renew_pending(&mut tx, row.id, name, &hash, expires, now).await?;
                storage::info_meetings::set_note(&mut tx, &ctx.key, row.id, note).await?;
                row.id
            }
            None => {
                let new = NewSignup {
                    meeting_id: meeting.id,
                    name: signup.name.as_str(),
                    email: signup.email.as_str(),
                    email_normalised: &signup.email.normalised(),
                    note,
                    confirm_token_hash: &hash,
                    confirm_expires_at: expires,
                    now,
                };
                storage::info_meetings::insert_signup(&mut tx, &ctx.key, &new).await?
            }
        };
        let who = To { address: signup.email.clone(), name: signup.name.as_str(), signup_id: id };
        let mail = mails::confirm_link(&ctx.settings, who, meeting, &token)?;
        outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    Ok(SignedUp::Done)
}

/// What the invited person wrote: a name (required) and a note.
pub struct Acceptance<'a> {
    pub name: &'a PersonName,
    pub note: Option<&'a str>,
}

/// Signs up from a personal invitation: the link proved the address, so the
/// seat is confirmed at once (if there is room). `None`: no such invitation
/// (or its meeting is gone). `AlreadyDone`: the invitation was used, or the
/// address holds a seat already (the invitation is used up then).
pub async fn accept_invitation(ctx: &Context, hash: &[u8], who: &Acceptance<'_>) -> FlowResult<Option<Answer>> {
    let (name, note) = (who.name.as_str(), who.note);
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(storage::interest::Invitation { meeting_id, email, used }) =
        storage::interest::invitation(&mut tx, hash).await?
    else {
        return Ok(None);
    };
    let answer = |outcome| Ok(Some(Answer { outcome, meeting_id }));
    if used {
        return answer(Outcome::AlreadyDone);
    }
    let Some(locked) = storage::info_meetings::lock(&mut tx, meeting_id).await? else {
        return Ok(None);
    };
    if !takes_signups(locked.starts_at, locked.cancelled, now) {
        return answer(Outcome::Closed);
    }
    let address = EmailAddress::parse(&email).map_err(|_| Error::stored("address"))?;
    let existing = storage::info_meetings::signup_by_email(&mut tx, meeting_id, &address.normalised()).await?;
    if existing.as_ref().is_some_and(|r| r.status == SignupStatus::Confirmed) {
        storage::interest::use_invitation(&mut tx, hash, now).await?;
        tx.commit().await?;
        return answer(Outcome::AlreadyDone);
    }
    if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting_id).await?, locked.capacity) {
        return answer(Outcome::Full);
    }
    let placeholder = tokens::hash(&tokens::generate());
    let id = match &existing {
        Some(row) => {
            storage::info_meetings::renew_pending(&mut tx, row.id, name, &placeholder, now, now).await?;
            storage::info_meetings::set_note(&mut tx, &ctx.key, row.id, note).await?;
            row.id
        }
        None => {
            let new = NewSignup {
                meeting_id,
                name,
                email: address.as_str(),
                email_normalised: &address.normalised(),
                note,
                confirm_token_hash: &placeholder,
                confirm_expires_at: now,
                now,
            };
            storage::info_meetings::insert_signup(&mut tx, &ctx.key, &new).await?
        }
    };
    let cancel = tokens::generate();
    let sequence = storage::info_meetings::confirm(&mut tx, id, &tokens::hash(&cancel), now).await?;
    storage::interest::use_invitation(&mut tx, hash, now).await?;
    let meeting = storage::info_meetings::page(&ctx.pool, meeting_id).await?.ok_or(Error::NotFound)?;
    let who = To { address: address.clone(), name, signup_id: id };
    let d = ctx.mail_domain();
    outbox::queue(&mut tx, &ctx.key, &mails::confirmed(&ctx.settings, who, &meeting, &cancel, sequence, now)?, d)
        .await?;
    if let Some(at) = evening_before(meeting.starts_at, now) {
        let who = To { address, name, signup_id: id };
        let reminder = outbox::queue_at(&mut tx, &ctx.key, &mails::reminder(who, &meeting)?, d, at).await?;
        storage::info_meetings::set_reminder(&mut tx, id, Some(reminder)).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    answer(Outcome::Done)
}
