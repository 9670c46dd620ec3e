//! Info meetings for staff: create, the attendee list with check-in, CSV,
//! a message to everyone confirmed, invitations, and cancelling the meeting.
mod new;
mod show;

use axum::{
    Router,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{Staff, applications::csv_cell};
use crate::{
    domain::{
        email_address::EmailAddress,
        info_meeting::{MeetingMessage, MeetingPlan, PlanFields},
    },
    flows::meetings::staff as flow,
    i18n::Lang,
    web::{AppState, error::AppResult, form::Form},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/info-meetings", get(new::new_form).post(create))
        .route("/admin/info-meetings/{id}", get(show::show).post(update))
        .route("/admin/info-meetings/{id}/export.csv", get(export))
        .route("/admin/info-meetings/{id}/signups/{signup}/check-in", post(check_in))
        .route("/admin/info-meetings/{id}/message", post(message))
        .route("/admin/info-meetings/{id}/cancel", post(cancel))
        .route("/admin/info-meetings/{id}/invite", post(invite))
}

/// The meeting form, as typed (shown again as typed when it does not parse).
#[derive(Deserialize, Default)]
#[serde(default)]
struct MeetingForm {
    starts_at: String,
    ends_at: String,
    place: String,
    directions: String,
    capacity: String,
}

impl MeetingForm {
    fn parse(&self) -> Option<MeetingPlan> {
        MeetingPlan::parse(PlanFields {
            starts_at: &self.starts_at,
            ends_at: &self.ends_at,
            place: &self.place,
            directions: &self.directions,
            capacity: &self.capacity,
        })
    }
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<MeetingForm>,
) -> AppResult<Response> {
    let Some(plan) = form.parse() else {
        return new::refused(&state, &staff, id, lang, form).await;
    };
    let meeting = flow::create(&state, &staff.actor(), id, &plan).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{meeting}")).into_response())
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<MeetingForm>,
) -> AppResult<Response> {
    let Some(plan) = form.parse() else {
        return show::refused(&state, &staff, lang, id, lang.meeting().err_meeting).await;
    };
    flow::update(&state, &staff.actor(), id, &plan).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}")).into_response())
}

async fn check_in(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, signup)): Path<(i64, i64)>,
) -> AppResult<Response> {
    flow::check_in(&state, &staff.actor(), id, signup).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}#attendees")).into_response())
}

async fn export(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    let list = flow::export(&state, &staff.actor(), id).await?;
    let mut csv = String::from("name;email;status;checked_in;note\r\n");
    for r in &list {
        let checked = if r.checked_in_at.is_some() { "yes" } else { "" };
        let cells = [r.name.as_str(), &r.email, r.status.key(), checked, r.note.as_deref().unwrap_or("")];
        csv.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
        csv.push_str("\r\n");
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"informationsmoede.csv\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        format!("\u{feff}{csv}"),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MessageForm {
    subject: String,
    body: String,
}

async fn message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<MessageForm>,
) -> AppResult<Response> {
    let Some(text) = MeetingMessage::parse(&form.subject, &form.body) else {
        return show::refused(&state, &staff, lang, id, lang.meeting().err_message).await;
    };
    let sent = flow::message(&state, &staff.actor(), id, &text).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}?sent={sent}")).into_response())
}

async fn cancel(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    flow::cancel(&state, &staff.actor(), id).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    addresses: String,
}

impl InviteForm {
    /// The addresses that parse, split on commas, semicolons and white space; at most 500.
    fn parse(&self) -> Vec<EmailAddress> {
        self.addresses
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter_map(|a| EmailAddress::parse(a).ok())
            .take(500)
            .collect()
    }
}

/// Personal sign-up links: the link proves the address, so no second confirmation.
async fn invite(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let count = flow::invite(&state, &staff.actor(), id, &form.parse()).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}?invited={count}")).into_response())
}
