//! The coordinator's overview at `/admin`: what waits, each with its count
//! and a link to the list behind it.
use askama::Template;
use axum::{
    Router,
    extract::State,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};

use super::{
    AdminContext, Staff,
    done::{self, Done, Kind},
};
use crate::{
    domain::staff::Permission,
    i18n::{CoordinatorStrings, Lang},
    storage::{self, overview::Counts},
    web::{AppState, error::AppResult, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin", get(overview)).route("/admin/overview/remind-unbooked", post(remind_unbooked))
}

pub struct Todo {
    pub key: &'static str,
    pub count: i64,
    pub label: &'static str,
    pub href: String,
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
struct OverviewPage {
    ctx: PageContext,
    a: AdminContext,
    t: &'static CoordinatorStrings,
    todos: Vec<Todo>,
}

/// Each item with the list of exactly what it counts.
fn todos(t: &CoordinatorStrings, c: &Counts) -> Vec<Todo> {
    let list = |pairs: &[(&str, &str)]| {
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        format!("/admin/applications?{query}")
    };
    let since = c.last_visit.map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
    let answered = match &since {
        Some(at) => list(&[("todo", "answered"), ("since", at)]),
        None => list(&[("todo", "answered")]),
    };
    let placements =
        c.placements_cohort_id.map_or_else(|| "/admin/intakes".to_string(), |id| format!("/admin/cohorts/{id}"));
    [
        ("new_applications", c.new_applications, t.todo_new_applications, list(&[("todo", "new")])),
        ("to_verify", c.to_verify, t.todo_to_verify, list(&[("todo", "to_verify")])),
        (
            "invited_not_booked",
            c.invited_not_booked,
            t.todo_invited_not_booked,
            list(&[("todo", "invited_not_booked")]),
        ),
        (
            "offers_awaiting_answer",
            c.offers_awaiting_answer,
            t.todo_offers_awaiting_answer,
            list(&[("status", "offered")]),
        ),
        ("answers_since_last_visit", c.answers_since_last_visit, t.todo_answers_since_last_visit, answered),
        ("waiting_list", c.waiting_list, t.todo_waiting_list, list(&[("status", "waitlisted")])),
        ("placements_missing", c.placements_missing, t.todo_placements_missing, placements),
    ]
    .into_iter()
    .map(|(key, count, label, href)| Todo { key, count, label, href })
    .collect()
}

/// Interviewers have no overview: their work is on the day plans.
async fn overview(State(state): State<AppState>, staff: Staff, lang: Lang, done: Done) -> AppResult<Response> {
    if !staff.role.may(Permission::ReviewAllApplications) {
        return Ok(Redirect::to("/admin/intakes").into_response());
    }
    let counts = storage::overview::counts_and_mark_seen(&state.pool, staff.user_id, state.clock.now()).await?;
    let t = lang.coordinator();
    let (ctx, mut a) = AdminContext::frame(lang, "/admin", &staff, "overview");
    a.done = done.line(lang);
    Ok(Html(OverviewPage { ctx, a, t, todos: todos(t, &counts) }.render()?).into_response())
}

/// Reminds everyone invited and not booked (at most once a day each), then
/// back to the overview with "N påmindelser sendt".
async fn remind_unbooked(State(state): State<AppState>, staff: Staff) -> AppResult<Response> {
    let n = crate::flows::interviews::remind::remind_unbooked(&state, &staff.actor()).await?;
    Ok(Redirect::to(&done::to("/admin", Kind::Reminded, n, "")).into_response())
}
