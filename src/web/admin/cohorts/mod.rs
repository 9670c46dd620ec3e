//! Cohorts for staff: create, the cohort page (seats, waiting list, teaching
//! plan, practicum), its calendar feed; offering seats and the waiting list.
pub(crate) mod module_lines;
pub(crate) mod modules;
mod page;
mod sessions;

use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    Staff,
    done::{self, Kind},
    intakes::status_label,
};
use crate::{
    domain::{
        application::Status,
        local_time::{parse_date, parse_date_list},
        staff::Permission,
    },
    flows::cohorts::{
        self as flow, Offered, Waitlisted,
        manage::{self, Saved},
    },
    i18n::{Lang, fill},
    storage::cohorts::CohortEdit,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        notice::NoticePage,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/cohorts", post(create))
        .route("/admin/cohorts/{id}", get(page::show).post(update))
        .route("/admin/cohorts/{id}/schedule.ics", get(ics))
        .route(
            "/admin/cohorts/{id}/sessions/{number}",
            get(sessions::attendance_form).post(sessions::record_attendance),
        )
        .route("/admin/cohorts/{id}/sessions/{number}/change", post(sessions::change_session))
        .route("/admin/cohorts/{id}/sessions", post(sessions::add_session))
        .route("/admin/cohorts/{id}/modules", post(modules::add))
        .route("/admin/cohorts/{id}/modules/{module}/attendance", post(modules::attendance))
        .route("/admin/cohorts/{id}/waiting/{reference}/{direction}", post(move_waiting))
        .route("/admin/applications/{reference}/offer", post(offer))
        .route("/admin/applications/{reference}/waitlist", post(waitlist))
        .route("/admin/intakes/{id}/release", post(release))
}

fn notice(lang: Lang, title: &str, text: String, back: String, status: StatusCode) -> Response {
    NoticePage::new(PageContext::new(lang, "/admin"), title, vec![text])
        .link(back, lang.admin().back_to_application)
        .respond(status)
}

/// A cohort's name and days as typed; `parse` checks them all at once.
#[derive(Deserialize, Default)]
#[serde(default)]
struct CohortForm {
    name: String,
    start_date: String,
    school_holidays: String,
    follow_up_days: String,
    supervision_days: String,
}

/// A cohort's fields once they parse.
struct CohortFields {
    name: String,
    start: NaiveDate,
    holidays: Vec<NaiveDate>,
    follow_ups: Vec<NaiveDate>,
    supervisions: Vec<NaiveDate>,
}

impl CohortForm {
    /// The name and start, when the name has 1 to 100 characters and the start is a date.
    fn name_and_start(&self) -> Option<(&str, NaiveDate)> {
        let name = self.name.trim();
        let start = parse_date(&self.start_date)?;
        (!name.is_empty() && name.chars().count() <= 100).then_some((name, start))
    }

    /// All fields, when the name and start parse and each list is dates
    /// (an empty list is none).
    fn parse(&self) -> Option<CohortFields> {
        let (name, start) = self.name_and_start()?;
        Some(CohortFields {
            name: name.to_string(),
            start,
            holidays: parse_date_list(&self.school_holidays)?,
            follow_ups: parse_date_list(&self.follow_up_days)?,
            supervisions: parse_date_list(&self.supervision_days)?,
        })
    }
}

fn invalid(lang: Lang, text: &str, back: String) -> Response {
    notice(lang, lang.cohort().cohort_new_title, text.into(), back, StatusCode::UNPROCESSABLE_ENTITY)
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<CohortForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let (t, back) = (lang.cohort(), format!("/admin/intakes/{id}#cohorts"));
    let Some((name, start)) = form.name_and_start() else { return Ok(invalid(lang, t.err_cohort, back)) };
    Ok(match manage::create(&state, &staff.actor(), id, name, start).await? {
        // The contract fixes this Location exactly.
        Saved::Done(cohort) => Redirect::to(&format!("/admin/cohorts/{cohort}")).into_response(),
        Saved::NameTaken => invalid(lang, t.err_cohort_taken, back),
        Saved::PositionsExist => invalid(lang, t.err_positions_exist, back),
        Saved::NotFound | Saved::WrongDayCount(_) => return Err(AppError::NotFound),
    })
}

/// Rename, move the start, and set the school's own holidays (sessions on them move to the end).
async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<CohortForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let (t, back) = (lang.cohort(), format!("/admin/cohorts/{id}"));
    let Some(f) = form.parse() else { return Ok(invalid(lang, t.err_cohort, back)) };
    let edit = CohortEdit {
        name: &f.name,
        start_date: f.start,
        school_holidays: &f.holidays,
        follow_up_days: &f.follow_ups,
        supervision_days: &f.supervisions,
    };
    Ok(match manage::update(&state, &staff.actor(), id, &edit).await? {
        Saved::Done(_) => {
            Redirect::to(&done::to(&format!("/admin/cohorts/{id}"), Kind::CohortSaved, 1, "edit")).into_response()
        }
        Saved::NameTaken => invalid(lang, t.err_cohort_taken, back),
        Saved::WrongDayCount(w) => invalid(lang, &fill(t.err_two_days, &[&w.expected]), back),
        Saved::PositionsExist => invalid(lang, t.err_positions_exist, back),
        Saved::NotFound => return Err(AppError::NotFound),
    })
}

/// A calendar file, never cached (the plan changes).
pub fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

async fn ics(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::ReviewAllApplications)?;
    let body = manage::schedule(&state, id).await?.ok_or(AppError::NotFound)?;
    Ok(calendar_response(body))
}

async fn release(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let sent = flow::release_rejections(&state, &staff.actor(), id).await?;
    Ok(Redirect::to(&done::to(&format!("/admin/intakes/{id}"), Kind::Released, sent, "release")).into_response())
}

fn wrong_status(lang: Lang, status: Status, back: String) -> Response {
    let t = lang.cohort();
    let text = fill(t.wrong_status_text, &[&status_label(lang.admin(), status)]);
    notice(lang, t.wrong_status_title, text, back, StatusCode::CONFLICT)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OfferForm {
    cohort: String,
    /// `cohort`: offered from the cohort page, which is where to return.
    back: String,
}

async fn offer(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    Form(form): Form<OfferForm>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let t = lang.cohort();
    let back = format!("/admin/applications/{reference}");
    let cohort = form.cohort.parse::<i64>().map_err(|_| AppError::NotFound)?;
    Ok(match flow::offer(&state, &staff.actor(), &reference, cohort).await? {
        Offered::Done if form.back == "cohort" => {
            Redirect::to(&done::to(&format!("/admin/cohorts/{cohort}"), Kind::Offered, 1, "candidates")).into_response()
        }
        Offered::Done => Redirect::to(&done::to(&back, Kind::Offered, 1, "")).into_response(),
        Offered::Full(kind) if kind.is_job() => {
            notice(lang, t.job_full_title, t.job_full_text.into(), back, StatusCode::CONFLICT)
        }
        Offered::Full(_) => notice(lang, t.full_title, t.full_text.into(), back, StatusCode::CONFLICT),
        Offered::WrongStatus(s) => wrong_status(lang, s, back),
        Offered::NotFound => return Err(AppError::NotFound),
    })
}

async fn waitlist(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let back = format!("/admin/applications/{reference}");
    Ok(match flow::waitlist(&state, &staff.actor(), &reference).await? {
        Waitlisted::Done => Redirect::to(&done::to(&back, Kind::Waitlisted, 1, "")).into_response(),
        Waitlisted::WrongStatus(s) => wrong_status(lang, s, back),
        Waitlisted::NotFound => return Err(AppError::NotFound),
    })
}

async fn move_waiting(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference, direction)): Path<(i64, String, String)>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    if !manage::move_waiting(&state, id, &reference, direction == "up").await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/admin/cohorts/{id}#waiting")).into_response())
}
