//! What the support person does through their link: prove their address,
//! read the application, help write the draft. Each use is recorded for the
//! applicant's page and written to the audit log.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::{
    domain::{
        application::ApplicationFields,
        support::{self as rules, Action, Ended, Refusal},
    },
    flows::{Context, Error, FlowResult},
    storage::{self, support::GrantRow},
    tokens,
};

/// A helper's link, looked up.
pub enum Opened {
    /// Never issued, or its grant is gone (the caller asks `retired_tokens`).
    Unknown,
    /// A confirmation link still waiting to be used.
    Unconfirmed(Box<GrantRow>),
    /// A confirmation link past its time.
    ConfirmExpired,
    /// The helper's own link, access lasting.
    Live(Box<GrantRow>),
    /// Access ended (410).
    Ended(Ended),
}

/// The grant behind `hash` and its state at now.
pub async fn open(ctx: &Context, hash: &[u8]) -> FlowResult<Opened> {
    let Some(g) = storage::support::by_token(&ctx.pool, hash).await? else {
        return Ok(Opened::Unknown);
    };
    let now = ctx.now();
    if let Some(ended) = rules::ended(g.revoked_at, g.subject(), now) {
        return Ok(Opened::Ended(ended));
    }
    Ok(match g.confirmed_at {
        None if g.confirm_expires_at <= now => Opened::ConfirmExpired,
        None => Opened::Unconfirmed(Box::new(g)),
        Some(_) => Opened::Live(Box::new(g)),
    })
}

/// Proves the address: returns the helper's own link's token, or None when
/// the grant was confirmed, revoked or expired meanwhile.
pub async fn confirm(ctx: &Context, grant: &GrantRow, confirm_hash: &[u8]) -> FlowResult<Option<String>> {
    let now = ctx.now();
    let token = tokens::generate();
    let mut tx = ctx.pool.begin().await?;
    if !storage::support::confirm(&mut tx, grant.id, confirm_hash, &tokens::hash(&token), now).await? {
        return Ok(None);
    }
    audit(&mut tx, "support_confirmed", grant, now).await?;
    tx.commit().await?;
    Ok(Some(token))
}

/// What a helper with `read` sees: the application as the applicant sees it
/// on their own page (answers and status), never staff notes or assessments.
pub struct Reading {
    pub detail: storage::review::Detail,
    /// None once erased (withdrawn) or while it is a draft.
    pub health: Option<storage::review::Health>,
    pub booking: Option<storage::interviews::Booking>,
}

/// The application for a helper allowed to read it; `Forbidden` otherwise,
/// `NotFound` for a draft (nothing sent to read yet). The reading is recorded.
pub async fn read(ctx: &Context, grant: &GrantRow) -> FlowResult<Reading> {
    require(grant, Action::ReadApplication)?;
    let reference = grant.reference.as_deref().ok_or(Error::NotFound)?;
    let detail = storage::review::detail(&ctx.pool, reference).await?.ok_or(Error::NotFound)?;
    let health = storage::review::health(&ctx.pool, &ctx.key, detail.id).await?;
    let mut tx = ctx.pool.begin().await?;
    let booking = storage::interviews::active_booking(&mut tx, &ctx.key, detail.id).await?;
    used(&mut tx, grant, "read", ctx.now()).await?;
    tx.commit().await?;
    Ok(Reading { detail, health, booking })
}

/// Why a draft cannot be edited by this helper.
pub enum DraftRefused {
    NotGranted,
    /// It was sent: the form is closed for good.
    Sent,
}

fn require(grant: &GrantRow, action: Action) -> FlowResult<()> {
    rules::allows(&grant.grant(), action, grant.subject()).map_err(|_| Error::Forbidden)
}

fn draft_access(grant: &GrantRow) -> Result<i64, DraftRefused> {
    match rules::allows(&grant.grant(), Action::EditDraft, grant.subject()) {
        Ok(()) => grant.draft_id.ok_or(DraftRefused::Sent),
        Err(Refusal::NotGranted) => Err(DraftRefused::NotGranted),
        Err(Refusal::Sent) => Err(DraftRefused::Sent),
    }
}

/// The draft's form for a helper allowed to edit it; recorded as opened.
pub async fn open_draft(
    ctx: &Context,
    grant: &GrantRow,
) -> FlowResult<Result<storage::support::DraftForm, DraftRefused>> {
    let id = match draft_access(grant) {
        Ok(id) => id,
        Err(refused) => return Ok(Err(refused)),
    };
    let Some(form) = storage::support::draft_form(&ctx.pool, &ctx.key, id).await? else {
        return Ok(Err(DraftRefused::Sent));
    };
    let mut conn = ctx.pool.acquire().await?;
    used(&mut conn, grant, "opened_draft", ctx.now()).await?;
    Ok(Ok(form))
}

/// Saves what the helper typed over the draft (only the intake form's
/// questions). The address, the consents and the draft's lifetime stay the applicant's: a helper cannot move the draft
/// to another address or agree on the applicant's behalf.
pub async fn save_draft(
    ctx: &Context,
    grant: &GrantRow,
    typed: &ApplicationFields,
) -> FlowResult<Result<(), DraftRefused>> {
    let id = match draft_access(grant) {
        Ok(id) => id,
        Err(refused) => return Ok(Err(refused)),
    };
    let Some(current) = storage::support::draft_form(&ctx.pool, &ctx.key, id).await? else {
        return Ok(Err(DraftRefused::Sent));
    };
    // Only the questions of the intake's form are kept, as for the applicant's own saves.
    let intake = storage::intakes::by_slug(&ctx.pool, &current.intake_slug).await?.ok_or(Error::NotFound)?;
    let profile = crate::domain::eligibility::Profile::for_programme(&intake.programme).ok_or(Error::NotFound)?;
    let mut fields = typed.restricted_to(&crate::domain::application::FormSpec::of(&profile));
    fields.email = current.fields.email.clone();
    fields.consent = current.fields.consent.clone();
    fields.keep_for_later = current.fields.keep_for_later.clone();
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    storage::drafts::update(&mut tx, &ctx.key, id, &fields, now, current.expires_at).await?;
    used(&mut tx, grant, "edited_draft", now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records a use for the applicant's page, and the audit row.
async fn used(conn: &mut PgConnection, grant: &GrantRow, what: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    storage::support::record_use(conn, grant.id, grant.application_id, what, now).await?;
    let code = match what {
        "read" => "support_read",
        "opened_draft" => "support_opened_draft",
        _ => "support_edited_draft",
    };
    audit(conn, code, grant, now).await
}

/// An audit row written by a support person: no name, only the grant's id.
pub(super) async fn audit(
    conn: &mut PgConnection,
    action: &str,
    grant: &GrantRow,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let event = storage::audit::Event {
        at: now,
        actor_id: None,
        action,
        application_id: grant.application_id,
        detail: serde_json::json!({ "by": "support_person", "grant": grant.id }),
        request_id: None,
    };
    storage::audit::record(conn, &event).await
}
