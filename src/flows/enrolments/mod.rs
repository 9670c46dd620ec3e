//! Enrolment by an employer or a caseworker (http-contract.md, Version 2):
//! the enroller enrols someone (`start`) and proves their own address
//! (`confirm`); only then does the person get a link of their own, where they
//! accept or decline (`answer`). The enroller learns accepted, declined or
//! sent, nothing more; staff see the enroller on the application (`staff`).
mod answer;
mod staff;

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub use self::{
    answer::{Answered, Invitation, answer, invitation, on_submitted},
    staff::{Pair, enroller_of, pairs_in_cohort},
};
use crate::{
    domain::{
        enrolment::{self, Enrolment, Field, Status},
        intake::{Intake, IntakePhase},
    },
    flows::{Context, Error, FlowResult},
    mail::{
        messages::enrolments as mails,
        outbox::{self, Requester},
    },
    storage::{self, enrolments::NewEnrolment},
    tokens,
};

/// What enrolling came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Started {
    /// Stored; the enroller's confirmation link is mailed (unless over the mail limit: the page looks the same).
    Done,
    /// The intake does not take applications now.
    Closed,
    /// Our relay cannot carry mail to the address in this field; nothing was stored.
    Unreachable(Field),
}

/// Stores `e` for `intake` and mails the enroller their confirmation link;
/// the person hears nothing until the enroller confirms.
pub async fn start(ctx: &Context, intake: &Intake, e: &Enrolment, requester: Requester) -> FlowResult<Started> {
    if intake.phase(ctx.now()) != IntakePhase::Open {
        return Ok(Started::Closed);
    }
    for (field, address) in [(Field::EnrollerEmail, &e.enroller_email), (Field::ParticipantEmail, &e.participant_email)]
    {
        if !ctx.mail_reach.reaches(address).await {
            return Ok(Started::Unreachable(field));
        }
    }
    store(ctx, intake, e, requester).await?;
    Ok(Started::Done)
}

/// The stored part of [`start`], in one transaction.
async fn store(ctx: &Context, intake: &Intake, e: &Enrolment, requester: Requester) -> FlowResult<()> {
    let now = ctx.now();
    let token = tokens::generate();
    let mut tx = ctx.pool.begin().await?;
    let new = NewEnrolment {
        intake_id: intake.id,
        enrolment: e,
        confirm_token_hash: &tokens::hash(&token),
        now,
        expires_at: now + enrolment::LIFETIME,
    };
    storage::enrolments::insert(&mut tx, &ctx.key, &new).await?;
    let mail = mails::confirm_link(&ctx.settings, e.enroller_email.clone(), intake, &token)?;
    outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
    audit_enroller(&mut tx, "enroller_enrolled", now).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(())
}

/// Where the enroller's link stands.
pub enum ConfirmState {
    /// Not yet confirmed: the page asks, for this intake.
    Ask(Box<Intake>),
    /// Confirmed; the person has their link.
    Confirmed,
    /// Never confirmed in time; nothing was sent to the person.
    Expired,
    /// The person has answered: the link has nothing more to show.
    Answered,
}

/// The state of the enroller's link `hash`, changing nothing; `None` for an
/// unknown link (it may have been retired).
pub async fn confirm_state(ctx: &Context, hash: &[u8]) -> FlowResult<Option<ConfirmState>> {
    let mut conn = ctx.pool.acquire().await?;
    let Some(row) = storage::enrolments::by_confirm_token(&mut conn, &ctx.key, hash).await? else {
        return Ok(None);
    };
    drop(conn);
    Ok(Some(match row.status {
        Status::Pending if row.expired(ctx.now()) => ConfirmState::Expired,
        Status::Pending => {
            let intake = storage::intakes::by_id(&ctx.pool, row.intake_id).await?.ok_or(Error::NotFound)?;
            ConfirmState::Ask(Box::new(intake))
        }
        Status::Confirmed => ConfirmState::Confirmed,
        Status::Accepted | Status::Submitted => ConfirmState::Answered,
    }))
}

/// Confirms the enroller's address and mails the person their link, once:
/// a second confirmation sends nothing. `None` for an unknown link.
pub async fn confirm(ctx: &Context, hash: &[u8], requester: Requester) -> FlowResult<Option<ConfirmState>> {
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(row) = storage::enrolments::by_confirm_token(&mut tx, &ctx.key, hash).await? else {
        return Ok(None);
    };
    let state = match row.status {
        Status::Pending if row.expired(now) => ConfirmState::Expired,
        Status::Pending => {
            let intake = storage::intakes::by_id(&ctx.pool, row.intake_id).await?.ok_or(Error::NotFound)?;
            let token = tokens::generate();
            storage::enrolments::confirm(&mut tx, row.id, &tokens::hash(&token), now).await?;
            let to = crate::domain::email_address::EmailAddress::parse(&row.participant_email)
                .map_err(|_| Error::stored("enrolment address"))?;
            let mail = mails::invitation(&ctx.settings, to, &intake, &token)?;
            outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
            audit_enroller(&mut tx, "enroller_confirmed", now).await?;
            ConfirmState::Confirmed
        }
        Status::Confirmed => ConfirmState::Confirmed,
        Status::Accepted | Status::Submitted => ConfirmState::Answered,
    };
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Some(state))
}

/// An audit row for what the enroller did; they are no user, so only the step is kept.
async fn audit_enroller(conn: &mut PgConnection, action: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    let event = storage::audit::Event {
        at: now,
        actor_id: None,
        action,
        application_id: None,
        detail: serde_json::json!({ "by": "enroller" }),
        request_id: None,
    };
    storage::audit::record(conn, &event).await
}
