//! The school's own details, kept by admins.
use std::sync::Arc;

use serde_json::json;

use crate::{
    domain::{actor::Actor, organisation::Organisation, staff::Permission},
    flows::{Context, Error, FlowResult, audit, require},
    storage,
};

/// Stores `org`, puts it in the cache every page and mail reads, and audits
/// `organisation_saved`. `Forbidden` without `ManageOrganisation`.
pub async fn save_organisation(ctx: &Context, actor: &Actor, org: Organisation) -> FlowResult<()> {
    require(actor, Permission::ManageOrganisation)?;
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    storage::organisation::save(&ctx.pool, &org, Some(user), ctx.now()).await?;
    ctx.organisation.put(Some(Arc::new(org)));
    audit(ctx, actor, "organisation_saved", None, json!({})).await
}
