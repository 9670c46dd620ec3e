//! The form for a new meeting of an intake.
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use super::{
    super::{AdminContext, Staff},
    MeetingForm,
};
use crate::{
    domain::{intake::Intake, staff::Permission},
    i18n::Lang,
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
        page::PageContext,
    },
};

#[derive(Template)]
#[template(path = "admin/meeting_new.html")]
struct NewPage {
    ctx: PageContext,
    a: AdminContext,
    action: String,
    starts_at: String,
    ends_at: String,
    place: String,
    directions: String,
    capacity: String,
    error: Option<&'static str>,
}

/// The intake `id`, for someone who may manage intakes. Errors: 403, 404.
async fn intake(state: &AppState, staff: &Staff, id: i64) -> AppResult<Intake> {
    staff.require(Permission::ManageIntakes)?;
    storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)
}

fn render(staff: &Staff, id: i64, lang: Lang, form: MeetingForm, error: Option<&'static str>) -> AppResult<String> {
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/info-meetings"), staff, "intakes");
    let page = NewPage {
        ctx,
        a,
        action: format!("/admin/intakes/{id}/info-meetings"),
        starts_at: form.starts_at,
        ends_at: form.ends_at,
        place: form.place,
        directions: form.directions,
        capacity: form.capacity,
        error,
    };
    Ok(page.render()?)
}

pub async fn new_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
) -> AppResult<Html<String>> {
    let intake = intake(&state, &staff, id).await?;
    let form = MeetingForm { place: intake.programme.place, capacity: "30".into(), ..MeetingForm::default() };
    Ok(Html(render(&staff, id, lang, form, None)?))
}

/// The form again as typed, 422 (the intake must exist).
pub async fn refused(state: &AppState, staff: &Staff, id: i64, lang: Lang, form: MeetingForm) -> AppResult<Response> {
    intake(state, staff, id).await?;
    let html = render(staff, id, lang, form, Some(lang.meeting().err_meeting))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
