//! A staff note on an application, sealed like the health answers.
use crate::{
    domain::{actor::Actor, staff::Permission},
    flows::{Context, FlowResult, audit, require},
    storage,
};

/// Adds `body` (already checked: 1 to 5000 characters) as the actor's note on
/// application `application_id` in one transaction, then audits `note_added`.
/// `Forbidden` without `DecideApplications`.
pub async fn add_note(ctx: &Context, actor: &Actor, application_id: i64, body: &str) -> FlowResult<()> {
    require(actor, Permission::DecideApplications)?;
    let author = actor.user_id().ok_or(crate::flows::Error::Forbidden)?;
    let mut tx = ctx.pool.begin().await?;
    storage::review::add_note(&mut tx, &ctx.key, application_id, author, body, ctx.now()).await?;
    tx.commit().await?;
    audit(ctx, actor, "note_added", Some(application_id), serde_json::json!({})).await
}
