//! Drafts: saving the form for later (a link by mail), and opening one again.
use super::{DRAFT_LIFETIME, live_draft, unreachable};
use crate::{
    domain::{
        application::{ApplicationFields, FieldError},
        intake::{Intake, IntakePhase},
    },
    flows::{Context, Error, FlowResult},
    mail::{
        messages::apply as mails,
        outbox::{self, Requester},
    },
    storage::{self, drafts::Draft},
    tokens,
};

/// What saving a draft did.
pub enum Saved {
    /// A new draft: its link was mailed.
    LinkSent,
    /// The draft of the link in the form was updated.
    Updated,
    Invalid(Vec<FieldError>),
    Closed,
}

/// Saves `fields` as a draft: the live draft of `draft_token` when its
/// address is the one typed, else a new draft whose link is mailed (queued
/// unproven, counted against `requester`). `Closed` outside the open phase,
/// `Invalid` for a missing, malformed or unreachable address.
pub async fn save_draft(
    ctx: &Context,
    intake: &Intake,
    fields: &ApplicationFields,
    draft_token: &str,
    requester: Requester,
) -> FlowResult<Saved> {
    let now = ctx.now();
    if intake.phase(now) != IntakePhase::Open {
        return Ok(Saved::Closed);
    }
    let email = match fields.parse_draft() {
        Ok(email) => email,
        Err(errors) => return Ok(Saved::Invalid(errors)),
    };
    if !ctx.mail_reach.reaches(&email).await {
        return Ok(Saved::Invalid(vec![unreachable()]));
    }
    let expires = now + DRAFT_LIFETIME;
    let mut tx = ctx.pool.begin().await?;
    let outcome = match live_draft(ctx, intake.id, draft_token).await? {
        Some(draft) if draft.email.eq_ignore_ascii_case(email.as_str()) => {
            storage::drafts::update(&mut tx, &ctx.key, draft.id, fields, now, expires).await?;
            Saved::Updated
        }
        // A new address gets a draft (and link) of its own; the old draft stays
        // bound to the address its link was mailed to.
        _ => {
            let token = tokens::generate();
            storage::drafts::insert(&mut tx, &ctx.key, intake.id, &tokens::hash(&token), fields, now, expires).await?;
            let mail = mails::draft_link(&ctx.settings, email, &token, intake)?;
            outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
            Saved::LinkSent
        }
    };
    tx.commit().await?;
    ctx.wake_mail();
    Ok(outcome)
}

/// A draft link, opened.
pub enum OpenDraft {
    /// No draft has this link (it may have been retired).
    Unknown,
    /// The draft is past its lifetime; it was for this intake.
    Expired(Intake),
    Live(Box<Draft>, Intake),
}

/// The draft behind a link's hash, with its intake (`NotFound` when the
/// intake is gone).
pub async fn open_draft(ctx: &Context, hash: &[u8]) -> FlowResult<OpenDraft> {
    let Some(draft) = storage::drafts::by_token(&ctx.pool, &ctx.key, hash).await? else {
        return Ok(OpenDraft::Unknown);
    };
    let intake = storage::intakes::by_slug(&ctx.pool, &draft.intake_slug).await?.ok_or(Error::NotFound)?;
    if draft.expires_at <= ctx.now() {
        return Ok(OpenDraft::Expired(intake));
    }
    Ok(OpenDraft::Live(Box::new(draft), intake))
}
