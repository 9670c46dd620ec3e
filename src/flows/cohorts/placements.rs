//! A participant's practicum site and supervisor; confirming it mails the
//! supervisor the practicum's dates.
use serde_json::json;

use crate::{
    domain::{actor::Actor, email_address::EmailAddress},
    flows::{Context, Error, FlowResult, audit},
    mail::{
        messages::{cohorts as mails, visits as visit_mails},
        outbox,
    },
    storage::{
        self,
        cohorts::{Participant, Placement},
    },
};

/// The participant (accepted in cohort `id`) behind a reference.
async fn participant(ctx: &Context, id: i64, reference: &str) -> FlowResult<Participant> {
    let people = storage::cohorts::participants(&ctx.pool, id).await?;
    people.into_iter().find(|p| p.reference == reference).ok_or(Error::NotFound)
}

/// The participant's name and placement so far (empty when none was saved);
/// `NotFound` unless the reference holds an accepted place in the cohort.
pub async fn placement(ctx: &Context, id: i64, reference: &str) -> FlowResult<Named> {
    let p = participant(ctx, id, reference).await?;
    let placement = storage::cohorts::placement(&ctx.pool, id, p.application_id).await?.unwrap_or_default();
    Ok(Named { name: p.full_name, placement })
}

/// A placement with its participant's name, for the placement page.
pub struct Named {
    pub name: String,
    pub placement: Placement,
}

/// What became of saving a placement.
pub enum Saved {
    Done,
    /// Incomplete, or the supervisor's address is not one: the participant's
    /// name and what was entered, to show again.
    Invalid(Box<Named>),
}

/// Saves the placement (`confirm`: and marks it confirmed now, mailing the
/// supervisor the practicum's dates in the same transaction); audited.
/// `NotFound` unless the reference holds an accepted place in the cohort.
pub async fn save(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    reference: &str,
    mut p: Placement,
    confirm: bool,
) -> FlowResult<Saved> {
    let participant = participant(ctx, id, reference).await?;
    p.confirmed_at = confirm.then(|| ctx.now());
    let Some(supervisor) = complete(&p) else {
        return Ok(Saved::Invalid(Box::new(Named { name: participant.full_name, placement: p })));
    };
    let app = participant.application_id;
    let mut tx = ctx.pool.begin().await?;
    storage::cohorts::save_placement(&mut tx, id, app, &p).await?;
    if confirm {
        let cohort = storage::cohorts::get(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
        if let (_, Some(plan)) = cohort.plan() {
            let mail = mails::supervisor(supervisor, &participant.full_name, &p, &plan)?;
            outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
        } else if let Some(year) = cohort.year_plan() {
            let mail = visit_mails::supervisor(supervisor, &participant.full_name, &p, &year)?;
            outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
        }
    }
    tx.commit().await?;
    ctx.wake_mail();
    audit(ctx, actor, "placement_saved", Some(app), json!({ "cohort_id": id, "confirmed": confirm })).await?;
    Ok(Saved::Done)
}

/// The supervisor's address when the placement names a site of a known
/// kind, its address and its supervisor.
fn complete(p: &Placement) -> Option<EmailAddress> {
    let supervisor = EmailAddress::parse(&p.supervisor_email).ok()?;
    let complete = !p.site_name.is_empty()
        && matches!(p.site_kind.as_str(), "regional" | "municipal")
        && !p.address.is_empty()
        && !p.supervisor_name.is_empty();
    complete.then_some(supervisor)
}
