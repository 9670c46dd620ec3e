//! A staff member moves an application to another status; ending it gives a
//! held seat back.
use serde_json::json;

use crate::{
    domain::{actor::Actor, application::Status, staff::Permission},
    flows::{Context, Error, FlowResult, audit, require},
    storage::{self, review::Detail},
};

/// What became of a status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChanged {
    Done,
    /// `from` (the status found under the lock) cannot become `to`, or already is it.
    Conflict {
        from: Status,
        to: Status,
    },
}

/// Moves `application` (as [`super::load`] read it) to `to` with the staff's `reason`, in one
/// transaction: an ending status (withdrawn, rejected, declined) locks the
/// cohort's seats first, then the application, and releases its place
/// (`flows::own_page::release_place`). Audits `status_changed` after the
/// commit. `Forbidden` without `DecideApplications`; `NotFound` if the
/// application is gone.
pub async fn change_status(
    ctx: &Context,
    actor: &Actor,
    application: &Detail,
    to: Status,
    reason: Option<&str>,
) -> FlowResult<StatusChanged> {
    require(actor, Permission::DecideApplications)?;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    // The cohort first, then the application: the order an offer takes them in.
    let ends = matches!(to, Status::Withdrawn | Status::Rejected | Status::Declined);
    if ends && let Some(cohort_id) = storage::cohorts::cohort_of_live_place(&mut tx, application.id).await? {
        storage::cohorts::lock_seats(&mut tx, cohort_id, now).await?;
    }
    let storage::review::Locked { id, status: from } =
        storage::review::lock(&mut tx, &application.reference).await?.ok_or(Error::NotFound)?;
    if !from.can_become(to) || from == to {
        tx.rollback().await?;
        return Ok(StatusChanged::Conflict { from, to });
    }
    let change = storage::review::StatusChange { from, to, reason, actor: actor.user_id(), now };
    storage::review::set_status(&mut tx, &ctx.key, id, change).await?;
    if ends {
        crate::flows::own_page::release_place(&mut tx, ctx, id, now).await?;
    }
    tx.commit().await?;
    audit(ctx, actor, "status_changed", Some(id), json!({ "from": from.key(), "to": to.key() })).await?;
    Ok(StatusChanged::Done)
}
