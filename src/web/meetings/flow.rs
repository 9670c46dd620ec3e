//! Signing up, confirming and cancelling, one transaction each with its
//! e-mails. The meeting row is locked while seats are counted.
use sqlx::PgConnection;

use super::mails::{self, To};
use crate::{
    domain::{
        email_address::EmailAddress,
        info_meeting::{CONFIRM_WINDOW, Signup, has_room, takes_signups},
        reminder::evening_before,
    },
    mail::outbox::{self, Requester},
    storage::{
        self,
        info_meetings::{MeetingPage, NewSignup, SignupRow},
    },
    tokens,
    web::{AppState, error::AppError},
};

pub enum Outcome {
    Done,
    /// Confirming again: nothing changes, nothing is sent.
    AlreadyDone,
    Full,
    Closed,
    Expired,
}

fn domain(state: &AppState) -> String {
    state.settings.base_url.host_str().unwrap_or("localhost").to_string()
}

fn to(row: &SignupRow) -> Result<To<'_>, AppError> {
    let address =
        EmailAddress::parse(&row.email).map_err(|_| AppError::Other(anyhow::anyhow!("stored address unreadable")))?;
    Ok(To { address, name: &row.name, signup_id: row.id })
}

/// The answer is the same whoever the address belongs to; the mail tells its owner.
pub async fn sign_up(
    state: &AppState,
    meeting: &MeetingPage,
    signup: &Signup,
    requester: Requester,
) -> Result<Outcome, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some((capacity, starts_at, cancelled)) = storage::info_meetings::lock(&mut tx, meeting.id).await? else {
        return Err(AppError::NotFound);
    };
    if !takes_signups(starts_at, cancelled, now) {
        return Ok(Outcome::Closed);
    }
    let existing = storage::info_meetings::signup_by_email(&mut tx, meeting.id, &signup.email.normalised()).await?;
    if let Some(row) = existing.as_ref().filter(|r| r.status == "confirmed") {
        let cancel = tokens::generate();
        storage::info_meetings::renew_cancel_token(&mut tx, row.id, &tokens::hash(&cancel), now).await?;
        let mail = mails::already(&state.settings, to(row)?, meeting, &cancel)?;
        outbox::queue_unproven(&mut tx, &state.key, &mail, &domain(state), requester, now).await?;
    } else {
        if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting.id).await?, capacity) {
            return Ok(Outcome::Full);
        }
        let token = tokens::generate();
        let (hash, expires) = (tokens::hash(&token), now + CONFIRM_WINDOW);
        let note = signup.note.as_deref();
        let id = match &existing {
            Some(row) => {
                let name = signup.name.as_str();
                storage::info_meetings::renew_pending(&mut tx, row.id, name, &hash, expires, now).await?;
                storage::info_meetings::set_note(&mut tx, &state.key, row.id, note).await?;
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
                storage::info_meetings::insert_signup(&mut tx, &state.key, &new).await?
            }
        };
        let who = To { address: signup.email.clone(), name: signup.name.as_str(), signup_id: id };
        let mail = mails::confirm_link(&state.settings, who, meeting, &token)?;
        outbox::queue_unproven(&mut tx, &state.key, &mail, &domain(state), requester, now).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Outcome::Done)
}

async fn lock_signup(
    tx: &mut PgConnection,
    row: &SignupRow,
) -> Result<Option<(i32, chrono::DateTime<chrono::Utc>, bool)>, AppError> {
    Ok(storage::info_meetings::lock(tx, row.meeting_id).await?)
}

pub async fn confirm(state: &AppState, token_hash: &[u8]) -> Result<Option<(Outcome, i64)>, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(found) = storage::info_meetings::signup_by_confirm_token(&mut tx, token_hash).await? else {
        return Ok(None);
    };
    let Some((capacity, starts_at, cancelled)) = lock_signup(&mut tx, &found).await? else {
        return Ok(None);
    };
    // Read again under the meeting's lock: a twin request may have confirmed it.
    let row = storage::info_meetings::signup_by_confirm_token(&mut tx, token_hash).await?.unwrap_or(found);
    let meeting_id = row.meeting_id;
    let outcome = match row.status.as_str() {
        "confirmed" => Outcome::AlreadyDone,
        "pending" if row.confirm_expires_at <= now => Outcome::Expired,
        "pending" if !takes_signups(starts_at, cancelled, now) => Outcome::Closed,
        "pending" if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting_id).await?, capacity) => {
            Outcome::Full
        }
        "pending" => {
            let cancel = tokens::generate();
            let sequence = storage::info_meetings::confirm(&mut tx, row.id, &tokens::hash(&cancel), now).await?;
            let meeting = storage::info_meetings::page(&state.pool, meeting_id).await?.ok_or(AppError::NotFound)?;
            let d = domain(state);
            outbox::queue(
                &mut tx,
                &state.key,
                &mails::confirmed(&state.settings, to(&row)?, &meeting, &cancel, sequence, now)?,
                &d,
            )
            .await?;
            let reminder = match evening_before(meeting.starts_at, now) {
                Some(at) => {
                    Some(outbox::queue_at(&mut tx, &state.key, &mails::reminder(to(&row)?, &meeting)?, &d, at).await?)
                }
                None => None,
            };
            storage::info_meetings::set_reminder(&mut tx, row.id, reminder).await?;
            Outcome::Done
        }
        _ => Outcome::Expired,
    };
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Some((outcome, meeting_id)))
}

pub async fn cancel(state: &AppState, token_hash: &[u8]) -> Result<Option<(Outcome, i64)>, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(found) = storage::info_meetings::signup_by_cancel_token(&mut tx, token_hash).await? else {
        return Ok(None);
    };
    lock_signup(&mut tx, &found).await?;
    let row = storage::info_meetings::signup_by_cancel_token(&mut tx, token_hash).await?.unwrap_or(found);
    if row.status != "confirmed" {
        return Ok(Some((Outcome::AlreadyDone, row.meeting_id)));
    }
    let sequence = storage::info_meetings::cancel_signup(&mut tx, row.id, now).await?;
    if let Some(id) = row.reminder_outbox_id {
        outbox::withdraw(&mut tx, id).await?;
    }
    let meeting = storage::info_meetings::page(&state.pool, row.meeting_id).await?.ok_or(AppError::NotFound)?;
    outbox::queue(
        &mut tx,
        &state.key,
        &mails::cancelled(&state.settings, to(&row)?, &meeting, sequence, now)?,
        &domain(state),
    )
    .await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Some((Outcome::Done, row.meeting_id)))
}

/// Signs up from a personal invitation: the link proved the address, so the
/// seat is confirmed at once (if there is room).
pub async fn accept_invitation(
    state: &AppState,
    hash: &[u8],
    name: &str,
    note: Option<&str>,
) -> Result<Option<(Outcome, i64)>, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(storage::interest::Invitation { meeting_id, email, used }) =
        storage::interest::invitation(&mut tx, hash).await?
    else {
        return Ok(None);
    };
    if used {
        return Ok(Some((Outcome::AlreadyDone, meeting_id)));
    }
    let Some((capacity, starts_at, cancelled)) = storage::info_meetings::lock(&mut tx, meeting_id).await? else {
        return Ok(None);
    };
    if !takes_signups(starts_at, cancelled, now) {
        return Ok(Some((Outcome::Closed, meeting_id)));
    }
    let address =
        EmailAddress::parse(&email).map_err(|_| AppError::Other(anyhow::anyhow!("stored address unreadable")))?;
    let existing = storage::info_meetings::signup_by_email(&mut tx, meeting_id, &address.normalised()).await?;
    if existing.as_ref().is_some_and(|r| r.status == "confirmed") {
        storage::interest::use_invitation(&mut tx, hash, now).await?;
        tx.commit().await?;
        return Ok(Some((Outcome::AlreadyDone, meeting_id)));
    }
    if !has_room(storage::info_meetings::confirmed_count(&mut tx, meeting_id).await?, capacity) {
        return Ok(Some((Outcome::Full, meeting_id)));
    }
    let placeholder = tokens::hash(&tokens::generate());
    let id = match &existing {
        Some(row) => {
            storage::info_meetings::renew_pending(&mut tx, row.id, name, &placeholder, now, now).await?;
            storage::info_meetings::set_note(&mut tx, &state.key, row.id, note).await?;
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
            storage::info_meetings::insert_signup(&mut tx, &state.key, &new).await?
        }
    };
    let cancel = tokens::generate();
    let sequence = storage::info_meetings::confirm(&mut tx, id, &tokens::hash(&cancel), now).await?;
    storage::interest::use_invitation(&mut tx, hash, now).await?;
    let meeting = storage::info_meetings::page(&state.pool, meeting_id).await?.ok_or(AppError::NotFound)?;
    let who = To { address: address.clone(), name, signup_id: id };
    let d = domain(state);
    outbox::queue(&mut tx, &state.key, &mails::confirmed(&state.settings, who, &meeting, &cancel, sequence, now)?, &d)
        .await?;
    if let Some(at) = evening_before(meeting.starts_at, now) {
        let who = To { address, name, signup_id: id };
        let reminder = outbox::queue_at(&mut tx, &state.key, &mails::reminder(who, &meeting)?, &d, at).await?;
        storage::info_meetings::set_reminder(&mut tx, id, Some(reminder)).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Some((Outcome::Done, meeting_id)))
}
