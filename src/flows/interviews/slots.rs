//! Making, changing and removing interview slots (coordinators only).
use chrono::NaiveTime;
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        interview::{SlotFieldError, SlotPlan, SlotPlanError, SlotTimes},
        local_time::{from_local, local_date},
        staff::Permission,
    },
    flows::{Context, Error, FlowResult, audit, require},
    storage::{self, interviews::SlotEdit},
};

/// A request to cut a day into slots, as read from the form.
pub struct SlotRequest {
    pub plan: Result<SlotPlan, SlotFieldError>,
    /// Empty for the programme's usual place.
    pub place: String,
    /// At most two panel members' user ids.
    pub panel: Vec<i64>,
}

pub enum Created {
    /// How many slots were new (those at an existing start are skipped).
    Done(usize),
    BadFields(SlotFieldError),
    BadPlan(SlotPlanError),
}

/// Adds the slots of `request` to the intake. Errors: `Forbidden` without
/// `ManageIntakes`, `NotFound` for an unknown intake.
pub async fn create(ctx: &Context, actor: &Actor, intake_id: i64, request: SlotRequest) -> FlowResult<Created> {
    require(actor, Permission::ManageIntakes)?;
    let intake = storage::intakes::by_id(&ctx.pool, intake_id).await?.ok_or(Error::NotFound)?;
    let plan = match request.plan {
        Ok(plan) => plan,
        Err(e) => return Ok(Created::BadFields(e)),
    };
    let slots = match plan.slots(&intake.interview_days) {
        Ok(slots) => slots,
        Err(e) => return Ok(Created::BadPlan(e)),
    };
    let place = Some(request.place).filter(|p| !p.is_empty()).unwrap_or(intake.programme.place.clone());
    let mut tx = ctx.pool.begin().await?;
    let created = storage::interviews::create_slots(&mut tx, intake_id, &slots, &place, &request.panel).await?;
    tx.commit().await?;
    audit(ctx, actor, "slots_created", None, json!({ "intake_id": intake_id, "slots": created })).await?;
    Ok(Created::Done(created))
}

/// Removes a slot nobody holds; false when it is held (or gone).
/// Errors: `Forbidden` without `ManageIntakes`.
pub async fn remove(ctx: &Context, actor: &Actor, intake_id: i64, slot_id: i64) -> FlowResult<bool> {
    require(actor, Permission::ManageIntakes)?;
    if !storage::interviews::remove_free_slot(&ctx.pool, intake_id, slot_id).await? {
        return Ok(false);
    }
    audit(ctx, actor, "slot_removed", None, json!({ "intake_id": intake_id, "slot_id": slot_id })).await?;
    Ok(true)
}

/// One slot to change. Errors: `Forbidden` without `ManageIntakes`, `NotFound`
/// for a slot not of this intake.
pub async fn for_edit(ctx: &Context, actor: &Actor, intake_id: i64, slot_id: i64) -> FlowResult<SlotEdit> {
    require(actor, Permission::ManageIntakes)?;
    storage::interviews::slot_for_edit(&ctx.pool, intake_id, slot_id).await?.ok_or(Error::NotFound)
}

/// A slot's new times (on its own day), place and panel, as read from the form.
pub struct SlotChange {
    pub from: Option<NaiveTime>,
    pub to: Option<NaiveTime>,
    /// Empty keeps the slot's place.
    pub place: String,
    pub panel: Vec<i64>,
}

pub enum Changed {
    Done,
    /// The times are missing or do not make a span; the slot as it is.
    BadTimes(SlotEdit),
    /// New times for a held slot (or a clash with another slot); the slot as it is.
    Held(SlotEdit),
}

/// Changes place and panel, and the times while nobody holds the slot.
/// Errors: as [`for_edit`].
pub async fn change(
    ctx: &Context,
    actor: &Actor,
    (intake_id, slot_id): (i64, i64),
    change: SlotChange,
) -> FlowResult<Changed> {
    let slot = for_edit(ctx, actor, intake_id, slot_id).await?;
    let date = local_date(slot.starts_at);
    let times = match (change.from, change.to) {
        (Some(from), Some(to)) if from < to => {
            SlotTimes { starts_at: from_local(date.and_time(from)), ends_at: from_local(date.and_time(to)) }
        }
        _ => return Ok(Changed::BadTimes(slot)),
    };
    let moved = (times.starts_at != slot.starts_at || times.ends_at != slot.ends_at).then_some(times);
    let place = Some(change.place).filter(|p| !p.is_empty()).unwrap_or(slot.place.clone());
    let mut tx = ctx.pool.begin().await?;
    if let Some(times) = moved
        && !storage::interviews::move_free_slot(&mut tx, slot_id, times).await?
    {
        return Ok(Changed::Held(slot));
    }
    storage::interviews::restaff_slot(&mut tx, slot_id, &place, &change.panel).await?;
    tx.commit().await?;
    audit(ctx, actor, "slot_changed", None, json!({ "intake_id": intake_id, "slot_id": slot_id })).await?;
    Ok(Changed::Done)
}
