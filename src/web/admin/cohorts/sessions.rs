//! A cohort's teaching sessions: the attendance register, moving or
//! cancelling a session, and adding one.
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use chrono::NaiveTime;
use serde::Deserialize;

use super::{super::AdminContext, Staff, notice};
use crate::{
    domain::{local_time::parse_date, schedule::SessionChange, staff::Permission},
    flows::cohorts::manage::{self as flow, SessionEdit, SessionTimes},
    i18n::{Lang, dates, fill},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        page::PageContext,
    },
};

#[derive(Template)]
#[template(path = "admin/attendance.html")]
struct AttendancePage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    action: String,
    back: String,
    people: Vec<Mark>,
    change_action: String,
    date: String,
    from: String,
    to: String,
}

/// One participant on the register.
struct Mark {
    application_id: i64,
    name: String,
    present: bool,
}

pub(super) async fn attendance_form(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let r = flow::register(&state, id, number).await?.ok_or(AppError::NotFound)?;
    let people = r.people.into_iter().map(|p| Mark {
        present: r.present.contains(&p.application_id),
        application_id: p.application_id,
        name: p.full_name,
    });
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}/sessions/{number}"), &staff, "intakes");
    let page = AttendancePage {
        ctx,
        a,
        title: fill(lang.cohort().attendance_session, &[&number, &dates::long_date(lang, r.session.date)]),
        action: format!("/admin/cohorts/{id}/sessions/{number}"),
        back: format!("/admin/cohorts/{id}#participants"),
        people: people.collect(),
        change_action: format!("/admin/cohorts/{id}/sessions/{number}/change"),
        date: r.session.date.to_string(),
        from: r.session.starts.format("%H:%M").to_string(),
        to: r.session.ends.format("%H:%M").to_string(),
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AttendanceForm {
    /// Application ids of those present; anything else is ignored.
    present: Vec<String>,
}

pub(super) async fn record_attendance(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    Form(form): Form<AttendanceForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let present: Vec<i64> = form.present.iter().filter_map(|p| p.parse().ok()).collect();
    if !flow::record_attendance(&state, &staff.actor(), id, number, &present).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&crate::web::admin::done::to(
        &format!("/admin/cohorts/{id}"),
        crate::web::admin::done::Kind::Attendance,
        1,
        "teaching",
    ))
    .into_response())
}

/// A session's new day and times (`date`, `from`, `to`), or `cancel=yes`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SessionForm {
    cancel: String,
    date: String,
    from: String,
    to: String,
}

impl SessionForm {
    /// The day and times when all parse and the session ends after it starts.
    fn times(&self) -> Option<SessionTimes> {
        let date = parse_date(&self.date)?;
        let starts = NaiveTime::parse_from_str(self.from.trim(), "%H:%M").ok()?;
        let ends = NaiveTime::parse_from_str(self.to.trim(), "%H:%M").ok().filter(|e| *e > starts)?;
        Some(SessionTimes { date, starts, ends })
    }

    /// The change asked for, or none when the times do not parse.
    fn change(&self, number: u32) -> Option<SessionChange> {
        if self.cancel == "yes" {
            return Some(SessionChange::Cancelled { number });
        }
        let SessionTimes { date, starts, ends } = self.times()?;
        Some(SessionChange::Moved { number, date, starts, ends })
    }
}

/// Move a session (`date`, `from`, `to`) or cancel it (`cancel=yes`).
pub(super) async fn change_session(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    lang: Lang,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let edit = flow::change_session(&state, &staff.actor(), id, number, form.change(number)).await?;
    answer(lang, id, edit)
}

pub(super) async fn add_session(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    answer(lang, id, flow::add_session(&state, &staff.actor(), id, form.times()).await?)
}

fn answer(lang: Lang, id: i64, edit: SessionEdit) -> AppResult<Response> {
    let back = format!("/admin/cohorts/{id}#teaching");
    match edit {
        SessionEdit::Done => Ok(Redirect::to(&crate::web::admin::done::to(
            &format!("/admin/cohorts/{id}"),
            crate::web::admin::done::Kind::Session,
            1,
            "teaching",
        ))
        .into_response()),
        SessionEdit::NotFound => Err(AppError::NotFound),
        SessionEdit::Invalid => {
            let (title, text) = (lang.cohort().teaching_title, lang.admin().err_slot_times);
            Ok(notice(lang, title, text.into(), back, StatusCode::UNPROCESSABLE_ENTITY))
        }
    }
}
