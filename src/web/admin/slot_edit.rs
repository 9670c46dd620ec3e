//! Changing one interview slot: its place and panel always, its times only
//! while nobody holds it. The use cases are in `flows::interviews::slots`.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use chrono::NaiveTime;
use serde::Deserialize;

use super::{AdminContext, Staff};
use crate::{
    domain::local_time::{local_date, to_local},
    flows::interviews::slots::{self, Changed, SlotChange},
    i18n::{Lang, dates},
    storage::{self, interviews::SlotEdit},
    web::{AppState, error::AppResult, form::Form, page::PageContext},
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
        panel: candidates.into_iter().map(|c| (c.id, c.name, slot.panel.contains(&c.id))).collect(),
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
    let slot = slots::for_edit(&state, &staff.actor(), id, slot).await?;
    Ok(Html(render(&state, &staff, lang, id, &slot, None).await?))
}

/// The slot form: new times on the slot's day, place and panel.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SlotForm {
    from: String,
    to: String,
    place: String,
    panel: Vec<String>,
}

impl SlotForm {
    fn parse(self) -> SlotChange {
        let time = |text: &str| NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
        let panel = super::interviews::panel(&self.panel);
        SlotChange { from: time(&self.from), to: time(&self.to), place: self.place.trim().to_string(), panel }
    }
}

async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, slot_id)): Path<(i64, i64)>,
    lang: Lang,
    Form(form): Form<SlotForm>,
) -> AppResult<Response> {
    let s = lang.admin();
    let (slot, error, status) = match slots::change(&state, &staff.actor(), (id, slot_id), form.parse()).await? {
        Changed::Done => {
            let to = crate::web::admin::done::to(
                &format!("/admin/intakes/{id}"),
                crate::web::admin::done::Kind::SlotChanged,
                1,
                "slots",
            );
            return Ok(Redirect::to(&to).into_response());
        }
        Changed::BadTimes(slot) => (slot, s.err_slot_times, StatusCode::UNPROCESSABLE_ENTITY),
        Changed::Held(slot) => (slot, s.slot_held_text, StatusCode::CONFLICT),
    };
    let html = render(&state, &staff, lang, id, &slot, Some(error)).await?;
    Ok((status, Html(html)).into_response())
}
