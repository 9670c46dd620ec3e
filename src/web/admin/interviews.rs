//! Staff side of interviews: making slots, inviting, recording assessments.
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use chrono::NaiveTime;
use serde_json::json;

use super::{Staff, intakes::status_label};
use crate::{
    domain::{
        application::Status,
        interview::{SlotPlan, SlotPlanError},
        staff::Permission,
    },
    i18n::{Lang, fill},
    storage::{self, interviews::AssessmentInput},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        interviews::invite::{Invited, invite},
        notice::NoticePage,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/slots", post(make_slots))
        .route("/admin/intakes/{id}/slots/{slot}/remove", post(remove_slot))
        .route("/admin/applications/{reference}/invite", post(invite_one))
        .route("/admin/applications/invite", post(invite_many))
        .route("/admin/applications/{reference}/assessment", post(assess))
}

async fn make_slots(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let s = lang.admin();
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let time = |name: &str| NaiveTime::parse_from_str(form.get(name).trim(), "%H:%M").ok();
    let number = |name: &str| form.get(name).trim().parse::<i64>().ok();
    let buffer = match form.get("buffer_minutes").trim() {
        "" => Some(0),
        text => text.parse::<i64>().ok(),
    };
    let date = crate::domain::local_time::parse_date(&form.get("date"));
    let plan = match (date, time("from"), time("to"), number("minutes"), buffer) {
        (Some(date), Some(from), Some(to), Some(length_minutes), Some(buffer_minutes)) => {
            SlotPlan { date, from, to, length_minutes, buffer_minutes }
        }
        (None, ..) => {
            return super::intakes::slot_error(&state, &staff, id, lang, &form, s.err_not_interview_day).await;
        }
        (_, None, ..) | (_, _, None, ..) => {
            return super::intakes::slot_error(&state, &staff, id, lang, &form, s.err_time).await;
        }
        _ => return super::intakes::slot_error(&state, &staff, id, lang, &form, s.err_number).await,
    };
    let slots = match plan.slots(&intake.interview_days) {
        Ok(slots) => slots,
        Err(e) => {
            let message = match e {
                SlotPlanError::NotAnInterviewDay => s.err_not_interview_day,
                SlotPlanError::BadTimes => s.err_slot_times,
                SlotPlanError::NothingFits => s.err_nothing_fits,
            };
            return super::intakes::slot_error(&state, &staff, id, lang, &form, message).await;
        }
    };
    let place = Some(form.get("place"))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .unwrap_or(intake.programme.place.clone());
    let panel: Vec<i64> = form.all("panel").iter().filter_map(|p| p.parse().ok()).take(2).collect();
    let created = storage::interviews::create_slots(&state.pool, id, &slots, &place, &panel).await?;
    staff.audit(&state, "slots_created", None, json!({ "intake_id": id, "slots": created })).await?;
    Ok(Redirect::to(&format!("/admin/intakes/{id}#slots")).into_response())
}

async fn remove_slot(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, slot)): Path<(i64, i64)>,
    lang: Lang,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    if storage::interviews::remove_free_slot(&state.pool, id, slot).await? {
        staff.audit(&state, "slot_removed", None, json!({ "intake_id": id, "slot_id": slot })).await?;
        return Ok(Redirect::to(&format!("/admin/intakes/{id}#slots")).into_response());
    }
    let s = lang.admin();
    let page = NoticePage::new(PageContext::new(lang, "/admin"), s.slot_held_title, vec![s.slot_held_text.into()])
        .link(format!("/admin/intakes/{id}#slots"), s.nav_intakes);
    Ok(page.respond(StatusCode::CONFLICT))
}

async fn invite_one(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    match invite(&state, &staff, &reference).await? {
        Invited::Done => Ok(Redirect::to(&format!("/admin/applications/{reference}#interview")).into_response()),
        Invited::NotFound => Err(AppError::NotFound),
        Invited::WrongStatus(status) => Ok(wrong_status(lang, &reference, status)),
    }
}

fn wrong_status(lang: Lang, reference: &str, status: Status) -> Response {
    let s = lang.admin();
    let text = fill(s.invite_wrong_status_text, &[&status_label(s, status)]);
    NoticePage::new(PageContext::new(lang, "/admin"), s.invite_wrong_status_title, vec![text])
        .link(format!("/admin/applications/{reference}"), s.back_to_application)
        .respond(StatusCode::CONFLICT)
}

/// Invites every chosen application that can be invited; the others are left as they are.
async fn invite_many(State(state): State<AppState>, staff: Staff, form: FormFields) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    for reference in form.all("reference").iter().take(200) {
        invite(&state, &staff, reference).await?;
    }
    Ok(Redirect::to("/admin/applications?status=invited").into_response())
}

async fn assess(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    let detail = storage::review::detail(&state.pool, &reference).await?.ok_or(AppError::NotFound)?;
    let on_panel = storage::interviews::is_on_panel(&state.pool, detail.id, staff.user_id).await?;
    if !(staff.role.may(Permission::DecideApplications) || (staff.role.may(Permission::AssessInterviews) && on_panel)) {
        return Err(if staff.role.may(Permission::ReviewAllApplications) {
            AppError::Forbidden
        } else {
            AppError::NotFound
        });
    }
    let no_show = form.get("no_show") == "yes";
    let score = |name: &str| form.get(name).parse::<i16>().ok().filter(|v| (1..=4).contains(v));
    let scores = [score("motivation"), score("reflection"), score("distance"), score("competence_building")];
    if !no_show && scores.iter().any(Option::is_none) {
        return super::applications::assessment_error(&state, &staff, &detail, lang, lang.admin().err_score).await;
    }
    let notes = form.get("notes");
    let input = AssessmentInput { no_show, scores: if no_show { [None; 4] } else { scores }, notes: notes.trim() };
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    storage::interviews::record_assessment(&mut tx, detail.id, staff.user_id, &input, &state.key, now).await?;
    if no_show {
        storage::interviews::add_follow_up(&mut tx, detail.id, "no_show", now).await?;
    } else if let Some(storage::review::Locked { id, status: Status::Invited }) =
        storage::review::lock(&mut tx, &reference).await?
    {
        let change = storage::review::StatusChange {
            from: Status::Invited,
            to: Status::Interviewed,
            reason: None,
            actor: Some(staff.user_id),
            now,
        };
        storage::review::set_status(&mut tx, &state.key, id, change).await?;
    }
    tx.commit().await?;
    staff.audit(&state, "assessment_recorded", Some(detail.id), json!({ "no_show": no_show })).await?;
    Ok(Redirect::to(&format!("/admin/applications/{reference}#assessment")).into_response())
}
