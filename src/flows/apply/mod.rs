//! The application journey's use cases: submitting (`submit`, with its
//! stored steps in `store`), saving and opening drafts (`drafts`), the
//! consent texts (`consent`) and the receipt.
mod consent;
mod drafts;
mod store;
mod submit;

use chrono::{DateTime, Duration, Utc};

pub use self::{
    consent::consent_texts,
    drafts::{OpenDraft, Saved, open_draft, save_draft},
    submit::{Submitted, Submitting, submit},
};
use crate::{
    domain::{
        application::{FieldError, form::Field, form::FormSpec, form::Problem},
        eligibility::{self, Assessment, Context as Dates, Profile},
        intake::Intake,
        local_time::local_date,
    },
    flows::{Context, Error, FlowResult},
    storage::{self, drafts::Draft},
    tokens,
};

/// How long a draft (and a held submission) stays open.
pub const DRAFT_LIFETIME: Duration = Duration::days(30);

/// The intake at `slug`; `NotFound` when there is none.
pub async fn intake(ctx: &Context, slug: &str) -> FlowResult<Intake> {
    storage::intakes::by_slug(&ctx.pool, slug).await?.ok_or(Error::NotFound)
}

/// The eligibility profile of the intake's programme (with the programme's
/// home region); `Other` when the programme names a profile we do not know.
pub fn profile(intake: &Intake) -> FlowResult<Profile> {
    Profile::for_programme(&intake.programme)
        .ok_or_else(|| Error::Other(anyhow::anyhow!("programme has unknown profile {:?}", intake.programme.profile)))
}

/// The facts the intake's application form asks (its profile's criteria).
pub fn form_spec(intake: &Intake) -> FlowResult<FormSpec> {
    Ok(FormSpec::of(&profile(intake)?))
}

/// The eligibility assessment of a submission to `intake`, as of `now`;
/// `Other` when the programme names a profile we do not know.
pub fn assess(intake: &Intake, facts: &eligibility::Facts, now: DateTime<Utc>) -> FlowResult<Assessment> {
    let profile = profile(intake)?;
    let dates = Dates { first_teaching_day: intake.start_date, today: local_date(now) };
    Ok(eligibility::assess(&profile, facts, dates))
}

/// A draft link that is well-formed, known, unexpired and for this intake.
pub(crate) async fn live_draft(ctx: &Context, intake_id: i64, token: &str) -> FlowResult<Option<Draft>> {
    if !tokens::is_well_formed(token) {
        return Ok(None);
    }
    let draft = storage::drafts::by_token(&ctx.pool, &ctx.key, &tokens::hash(token)).await?;
    Ok(draft.filter(|d| d.intake_id == intake_id && d.expires_at > ctx.now()))
}

/// What a receipt page shows.
pub struct Receipt {
    pub reference: String,
    pub intake: Intake,
}

/// The receipt behind a submission key's hash: of the application sent with
/// it or of a held submission; `None` when the key is unknown, `NotFound`
/// when its intake is gone.
pub async fn receipt(ctx: &Context, key_hash: &[u8]) -> FlowResult<Option<Receipt>> {
    let Some(found) = storage::applications::receipt_or_held(&ctx.pool, key_hash).await? else {
        return Ok(None);
    };
    let intake = storage::intakes::by_id(&ctx.pool, found.intake_id).await?.ok_or(Error::NotFound)?;
    Ok(Some(Receipt { reference: found.reference, intake }))
}

/// The address is well formed but our relay cannot carry mail to it.
fn unreachable() -> FieldError {
    FieldError { field: Field::Email, problem: Problem::Unreachable }
}
