//! Programmes as data (admins only): create and edit a programme's facts,
//! its profile and structure (http-contract.md, Version 2, "Organisation and
//! programmes"). Intakes keep their own dates whatever the programme becomes.
use serde_json::json;

use crate::{
    domain::{actor::Actor, programme::ProgrammeFacts, staff::Permission},
    flows::{Context, FlowResult, audit, require},
    storage::{
        self,
        programmes::{Listed, SaveProgrammeError},
    },
};

/// What became of saving a programme.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// Saved under this slug.
    Done(String),
    /// Another programme has the slug (create only).
    SlugTaken,
    /// No programme has the slug (edit only).
    NotFound,
}

/// Every programme with its number of intakes. `Forbidden` without `ManageOrganisation`.
pub async fn list(ctx: &Context, actor: &Actor) -> FlowResult<Vec<Listed>> {
    require(actor, Permission::ManageOrganisation)?;
    Ok(storage::programmes::list(&ctx.pool).await?)
}

/// The programme of `slug`, if any. `Forbidden` without `ManageOrganisation`.
pub async fn get(ctx: &Context, actor: &Actor, slug: &str) -> FlowResult<Option<ProgrammeFacts>> {
    require(actor, Permission::ManageOrganisation)?;
    Ok(storage::programmes::by_slug(&ctx.pool, slug).await?)
}

/// Stores a new programme and audits `programme_created`.
pub async fn create(ctx: &Context, actor: &Actor, facts: &ProgrammeFacts) -> FlowResult<Saved> {
    require(actor, Permission::ManageOrganisation)?;
    match storage::programmes::create(&ctx.pool, facts).await {
        Ok(id) => {
            audit(ctx, actor, "programme_created", None, json!({ "programme_id": id, "slug": facts.slug })).await?;
            Ok(Saved::Done(facts.slug.clone()))
        }
        Err(SaveProgrammeError::SlugTaken) => Ok(Saved::SlugTaken),
        Err(SaveProgrammeError::Database(e)) => Err(e.into()),
    }
}

/// Replaces the facts of programme `slug` (the slug itself stays) and audits
/// `programme_changed`; its intakes keep their dates.
pub async fn update(ctx: &Context, actor: &Actor, slug: &str, facts: ProgrammeFacts) -> FlowResult<Saved> {
    require(actor, Permission::ManageOrganisation)?;
    let facts = ProgrammeFacts { slug: slug.to_string(), ..facts };
    match storage::programmes::update(&ctx.pool, &facts).await? {
        Some(id) => {
            audit(ctx, actor, "programme_changed", None, json!({ "programme_id": id, "slug": facts.slug })).await?;
            Ok(Saved::Done(facts.slug))
        }
        None => Ok(Saved::NotFound),
    }
}
