//! The printable plan of one interview day, and the same day as a calendar file.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::header,
    response::{Html, IntoResponse, Response},
    routing::get,
};
use chrono::{NaiveDate, NaiveTime};

use super::{AdminContext, Staff};
use crate::{
    domain::{
        local_time::{from_local, to_local},
        staff::Permission,
    },
    i18n::{Lang, dates, fill},
    mail::calendar::{self, CalendarEvent, Kind},
    storage::{self, interviews::DayEntry},
    web::{
        AppState,
        error::{AppError, AppResult},
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/days/{date}", get(page))
        .route("/admin/intakes/{id}/days/{date}/calendar.ics", get(ics))
}

/// The day's slots: all of them for coordinators, an interviewer's own otherwise.
async fn entries(state: &AppState, staff: &Staff, id: i64, date: NaiveDate) -> AppResult<Vec<DayEntry>> {
    let only = if staff.role.may(Permission::ReviewAllApplications) {
        None
    } else if staff.role.may(Permission::AssessInterviews) {
        Some(staff.user_id)
    } else {
        return Err(AppError::Forbidden);
    };
    let (from, to) = (
        from_local(date.and_time(NaiveTime::MIN)),
        from_local(date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN)),
    );
    Ok(storage::interviews::day_plan(&state.pool, &state.key, id, from, to, only).await?)
}

#[derive(Template)]
#[template(path = "admin/day_plan.html")]
struct DayPage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    calendar_href: String,
    rows: Vec<(String, String, String, String, String)>,
}

async fn page(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, date)): Path<(i64, NaiveDate)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    let list = entries(&state, &staff, id, date).await?;
    let s = lang.admin();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/days/{date}"), &staff, "intakes");
    let page = DayPage {
        ctx,
        a,
        title: fill(s.day_plan_title, &[&dates::long_date(lang, date)]),
        calendar_href: format!("/admin/intakes/{id}/days/{date}/calendar.ics"),
        rows: list
            .into_iter()
            .map(|e| {
                let time = format!(
                    "{}-{}",
                    dates::clock(lang, to_local(e.starts_at).time()),
                    dates::clock(lang, to_local(e.ends_at).time())
                );
                let who = match (e.reference, e.applicant) {
                    (Some(r), Some(n)) => format!("{n} ({r})"),
                    _ => s.slots_free.to_string(),
                };
                (time, who, e.accommodations.unwrap_or_default(), e.panel.join(", "), e.place)
            })
            .collect(),
    };
    Ok(Html(page.render()?))
}

/// Booked interviews only, titled by reference (no names in calendar apps).
async fn ics(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, date)): Path<(i64, NaiveDate)>,
) -> AppResult<Response> {
    let list = entries(&state, &staff, id, date).await?;
    let host = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let events: Vec<CalendarEvent> = list
        .into_iter()
        .filter_map(|e| {
            let reference = e.reference?;
            Some(CalendarEvent {
                uid: format!("panel-{reference}-{}@{host}", e.starts_at.timestamp()),
                sequence: 0,
                summary: format!("{} {reference}", Lang::Da.interview().calendar_title),
                location: e.place,
                description: e.panel.join(", "),
                starts: e.starts_at,
                ends: e.ends_at,
            })
        })
        .collect();
    let body = calendar::render(Kind::Schedule, &events, state.clock.now());
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response())
}
