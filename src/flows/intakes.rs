//! Intakes, for coordinators: creating one and changing one.
use serde_json::json;

use crate::{
    domain::{actor::Actor, intake::ParsedIntake, staff::Permission},
    flows::{Context, FlowResult, audit, require},
    storage::{self, intakes::CreateIntakeError},
};

/// What became of a new or changed intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The intake's id.
    Done(i64),
    SlugTaken,
    UnknownProgramme,
}

fn saved(result: Result<i64, CreateIntakeError>) -> FlowResult<Saved> {
    match result {
        Ok(id) => Ok(Saved::Done(id)),
        Err(CreateIntakeError::SlugTaken) => Ok(Saved::SlugTaken),
        Err(CreateIntakeError::UnknownProgramme) => Ok(Saved::UnknownProgramme),
        Err(CreateIntakeError::Database(e)) => Err(e.into()),
    }
}

/// Stores a new intake. Not audited here: the caller announces it first
/// (`web::admin::intakes::announce`) and then audits `intake_created`.
/// `Forbidden` without `ManageIntakes`.
pub async fn create(ctx: &Context, actor: &Actor, intake: &ParsedIntake) -> FlowResult<Saved> {
    require(actor, Permission::ManageIntakes)?;
    saved(storage::intakes::create(&ctx.pool, intake).await)
}

/// Changes intake `id` (its programme stays); audits `intake_changed`.
/// `Forbidden` without `ManageIntakes`.
pub async fn update(ctx: &Context, actor: &Actor, id: i64, intake: &ParsedIntake) -> FlowResult<Saved> {
    require(actor, Permission::ManageIntakes)?;
    let saved = saved(storage::intakes::update(&ctx.pool, id, intake).await.map(|_| id))?;
    if saved == Saved::Done(id) {
        audit(ctx, actor, "intake_changed", None, json!({ "intake_id": id })).await?;
    }
    Ok(saved)
}
