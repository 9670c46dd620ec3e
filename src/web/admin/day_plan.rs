//! The printable plan of one interview day, and the same day as a calendar file.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::header,
    response::{Html, IntoResponse, Response},
    routing::get,
};
use chrono::NaiveDate;

use super::{AdminContext, Staff};
use crate::{
    domain::local_time::to_local,
    flows::interviews::days,
    i18n::{AdminStrings, Lang, dates, fill},
    mail::calendar::{self, CalendarEvent, Kind},
    storage::interviews::DayEntry,
    web::{AppState, error::AppResult, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/days/{date}", get(page))
        .route("/admin/intakes/{id}/days/{date}/calendar.ics", get(ics))
}

#[derive(Template)]
#[template(path = "admin/day_plan.html")]
struct DayPage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    calendar_href: String,
    rows: Vec<DayRow>,
}

/// One line of the printed plan.
struct DayRow {
    time: String,
    who: String,
    wishes: String,
    panel: String,
    place: String,
}

impl DayRow {
    fn new(lang: Lang, s: &AdminStrings, e: DayEntry) -> Self {
        let time = format!(
            "{}-{}",
            dates::clock(lang, to_local(e.starts_at).time()),
            dates::clock(lang, to_local(e.ends_at).time())
        );
        let who = match (e.reference, e.applicant) {
            (Some(r), Some(n)) => format!("{n} ({r})"),
            _ => s.slots_free.to_string(),
        };
        let mut wishes = e.accommodations.unwrap_or_default();
        if !e.support_persons.is_empty() {
            let with = fill(lang.support().staff_attends, &[&e.support_persons.join(", ")]);
            wishes = if wishes.is_empty() { with } else { format!("{wishes}. {with}") };
        }
        DayRow { time, who, wishes, panel: e.panel.join(", "), place: e.place }
    }
}

async fn page(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, date)): Path<(i64, NaiveDate)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    let list = days::plan(&state, &staff.actor(), id, date).await?;
    let s = lang.admin();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/days/{date}"), &staff, "intakes");
    let page = DayPage {
        ctx,
        a,
        title: fill(s.day_plan_title, &[&dates::long_date(lang, date)]),
        calendar_href: format!("/admin/intakes/{id}/days/{date}/calendar.ics"),
        rows: list.into_iter().map(|e| DayRow::new(lang, s, e)).collect(),
    };
    Ok(Html(page.render()?))
}

/// Booked interviews only, titled by reference (no names in calendar apps).
async fn ics(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, date)): Path<(i64, NaiveDate)>,
) -> AppResult<Response> {
    let list = days::plan(&state, &staff.actor(), id, date).await?;
    let host = state.mail_domain();
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
