//! Changing one interview slot: its place and panel always, its times only
//! while nobody holds it.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use chrono::NaiveTime;
use serde_json::json;

use super::{AdminContext, Staff};
use crate::{
    domain::{
        interview::SlotTimes,
        local_time::{from_local, local_date, to_local},
        staff::Permission,
    },
    i18n::{Lang, dates},
    storage::{self, interviews::SlotEdit},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/intakes/{id}/slots/{slot}", get(form).post(save))
}

#[derive(Template)]
#[template(path = "admin/slot.html")]
struct SlotPage {
    ctx: PageContext,
    a: AdminContext,
    action: String,
    back: String,
    day: String,
    from: String,
    to: String,
    place: String,
    held: bool,
    panel: Vec<(i64, String, bool)>,
    error: Option<&'static str>,
}

async fn render(
    state: &AppState,
    staff: &Staff,
    lang: Lang,
    id: i64,
    slot: &SlotEdit,
    error: Option<&'static str>,
) -> AppResult<String> {
    let candidates = storage::interviews::panel_candidates(&state.pool).await?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/slots/{}", slot.id), staff, "intakes");
    let page = SlotPage {
        ctx,
        a,
        action: format!("/admin/intakes/{id}/slots/{}", slot.id),
        back: format!("/admin/intakes/{id}#slots"),
        day: dates::long_date(lang, local_date(slot.starts_at)),
        from: to_local(slot.starts_at).format("%H:%M").to_string(),
        to: to_local(slot.ends_at).format("%H:%M").to_string(),
        place: slot.place.clone(),
        held: slot.held,
        panel: candidates.into_iter().map(|(uid, name)| (uid, name, slot.panel.contains(&uid))).collect(),
        error,
    };
    Ok(page.render()?)
}

async fn form(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, slot)): Path<(i64, i64)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let slot = storage::interviews::slot_for_edit(&state.pool, id, slot).await?.ok_or(AppError::NotFound)?;
    Ok(Html(render(&state, &staff, lang, id, &slot, None).await?))
}

async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, slot_id)): Path<(i64, i64)>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let s = lang.admin();
    let slot = storage::interviews::slot_for_edit(&state.pool, id, slot_id).await?.ok_or(AppError::NotFound)?;
    let time = |name: &str| NaiveTime::parse_from_str(form.get(name).trim(), "%H:%M").ok();
    let date = local_date(slot.starts_at);
    let times = match (time("from"), time("to")) {
        (Some(from), Some(to)) if from < to => {
            Some(SlotTimes { starts_at: from_local(date.and_time(from)), ends_at: from_local(date.and_time(to)) })
        }
        _ => None,
    };
    let Some(times) = times else {
        let html = render(&state, &staff, lang, id, &slot, Some(s.err_slot_times)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    let moved = (times.starts_at != slot.starts_at || times.ends_at != slot.ends_at).then_some(times);
    let place = Some(form.get("place").trim().to_string()).filter(|p| !p.is_empty()).unwrap_or(slot.place.clone());
    let panel: Vec<i64> = form.all("panel").iter().filter_map(|p| p.parse().ok()).take(2).collect();
    if !storage::interviews::edit_slot(&state.pool, slot_id, &place, &panel, moved).await? {
        let html = render(&state, &staff, lang, id, &slot, Some(s.slot_held_text)).await?;
        return Ok((StatusCode::CONFLICT, Html(html)).into_response());
    }
    staff.audit(&state, "slot_changed", None, json!({ "intake_id": id, "slot_id": slot_id })).await?;
    Ok(Redirect::to(&format!("/admin/intakes/{id}#slots")).into_response())
}
