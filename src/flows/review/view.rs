//! One application as staff see it: who may open it, and everything its page shows.
use crate::{
    domain::{actor::Actor, staff::Permission},
    flows::{Context, Error, FlowResult, audit},
    storage::{
        self,
        interviews::{AssessmentRow, Booking},
        review::{Detail, Health, HistoryEntry, Note},
        verifications::Verification,
    },
};

/// What the page of one application shows besides its [`Detail`].
pub struct Review {
    pub notes: Vec<Note>,
    pub history: Vec<HistoryEntry>,
    pub assessments: Vec<AssessmentRow>,
    /// Kinds of the follow-up tasks still open.
    pub follow_ups: Vec<crate::domain::interview::FollowUp>,
    /// Whether the actor sits on the application's interview panel.
    pub on_panel: bool,
    pub booking: Option<Booking>,
    pub verifications: Vec<Verification>,
    /// (id, name) of the intake's cohorts.
    pub cohorts: Vec<(i64, String)>,
    /// `None` once the health answers were erased.
    pub health: Option<Health>,
}

/// The application `reference`. Interviewers see only the applications whose
/// interview panel they sit on; any other is `NotFound`, as is a reference
/// that does not exist.
pub async fn load(ctx: &Context, actor: &Actor, reference: &str) -> FlowResult<Detail> {
    let detail = storage::review::detail(&ctx.pool, reference).await?.ok_or(Error::NotFound)?;
    if actor.may(Permission::ReviewAllApplications) {
        return Ok(detail);
    }
    match actor.user_id() {
        Some(user) if storage::interviews::is_on_panel(&ctx.pool, detail.id, user).await? => Ok(detail),
        _ => Err(Error::NotFound),
    }
}

/// [`load`], with the look audited as `application_viewed`.
pub async fn show(ctx: &Context, actor: &Actor, reference: &str) -> FlowResult<Detail> {
    let detail = load(ctx, actor, reference).await?;
    audit(ctx, actor, "application_viewed", Some(detail.id), serde_json::json!({})).await?;
    Ok(detail)
}

/// Everything the page of `d` shows, read outside any transaction; the
/// health part opened with the key.
pub async fn gather(ctx: &Context, actor: &Actor, d: &Detail) -> FlowResult<Review> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let (notes, history, assessments, follow_ups, on_panel) = tokio::try_join!(
        storage::review::notes(&ctx.pool, &ctx.key, d.id),
        storage::review::history(&ctx.pool, &ctx.key, d.id),
        storage::interviews::assessments(&ctx.pool, &ctx.key, d.id),
        storage::interviews::open_follow_ups(&ctx.pool, d.id),
        storage::interviews::is_on_panel(&ctx.pool, d.id, user),
    )?;
    let (booking, verifications) = {
        let mut conn = ctx.pool.acquire().await?;
        let booking = storage::interviews::active_booking(&mut conn, &ctx.key, d.id).await?;
        (booking, storage::verifications::of_application(&mut conn, &ctx.key, d.id).await?)
    };
    let cohorts = storage::cohorts::of_intake(&ctx.pool, d.intake_id).await?;
    let health = storage::review::health(&ctx.pool, &ctx.key, d.id).await?;
    Ok(Review { notes, history, assessments, follow_ups, on_panel, booking, verifications, cohorts, health })
}
