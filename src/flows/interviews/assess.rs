//! A panel member's assessment of an interview: recorded with its status
//! change (invited to interviewed) or no-show task in one transaction.
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        application::Status,
        interview::{Assessment, FollowUp},
        staff::Permission,
    },
    flows::{Context, Error, FlowResult, audit},
    storage::{self, review},
};

pub enum Assessed {
    Done,
    /// Scores are missing; the application, to show the form again.
    Incomplete(Box<review::Detail>),
}

/// Records `assessment` for the application. Coordinators may always; an
/// interviewer only when on the interview's panel. Errors: `NotFound` for an
/// unknown application or one the actor may not see, `Forbidden` for one they
/// may see but not assess.
pub async fn assess(ctx: &Context, actor: &Actor, reference: &str, assessment: &Assessment) -> FlowResult<Assessed> {
    let detail = review::detail(&ctx.pool, reference).await?.ok_or(Error::NotFound)?;
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let on_panel = storage::interviews::is_on_panel(&ctx.pool, detail.id, user_id).await?;
    if !(actor.may(Permission::DecideApplications) || (actor.may(Permission::AssessInterviews) && on_panel)) {
        return Err(if actor.may(Permission::ReviewAllApplications) { Error::Forbidden } else { Error::NotFound });
    }
    if !assessment.is_complete() {
        return Ok(Assessed::Incomplete(Box::new(detail)));
    }
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    storage::interviews::record_assessment(&mut tx, detail.id, user_id, assessment, &ctx.key, now).await?;
    if assessment.no_show {
        storage::interviews::add_follow_up(&mut tx, detail.id, FollowUp::NoShow, now).await?;
    } else if let Some(review::Locked { id, status: Status::Invited }) = review::lock(&mut tx, reference).await? {
        let change = review::StatusChange {
            from: Status::Invited,
            to: Status::Interviewed,
            reason: None,
            actor: Some(user_id),
            now,
        };
        review::set_status(&mut tx, &ctx.key, id, change).await?;
    }
    tx.commit().await?;
    audit(ctx, actor, "assessment_recorded", Some(detail.id), json!({ "no_show": assessment.no_show })).await?;
    Ok(Assessed::Done)
}
