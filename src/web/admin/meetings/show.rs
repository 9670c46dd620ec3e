//! The meeting's page for staff: its form, the attendees with check-in, and
//! what the last message or invitation reached.
use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};
use serde::Deserialize;

use super::super::{AdminContext, Staff};
use crate::{
    domain::{info_meeting::SignupStatus, local_time::to_local, staff::Permission},
    i18n::{Lang, MeetingStrings, dates, fill},
    storage::{self, info_meetings::SignupRow},
    web::{
        AppState,
        error::{AppError, AppResult},
        page::PageContext,
    },
};

struct Attendee {
    id: i64,
    name: String,
    email: String,
    note: String,
    status: &'static str,
    confirmed: bool,
    checked_in: bool,
}

impl Attendee {
    fn of(t: &'static MeetingStrings, r: SignupRow) -> Self {
        Attendee {
            status: match r.status {
                SignupStatus::Confirmed => t.admin_confirmed,
                SignupStatus::Pending => t.admin_pending,
                SignupStatus::Cancelled => t.admin_cancelled,
            },
            confirmed: r.status == SignupStatus::Confirmed,
            checked_in: r.checked_in_at.is_some(),
            id: r.id,
            name: r.name,
            email: r.email,
            note: r.note.unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/meeting.html")]
struct ShowPage {
    ctx: PageContext,
    a: AdminContext,
    id: i64,
    title: String,
    place: String,
    counts: String,
    cancelled: bool,
    attendees: Vec<Attendee>,
    sent: Option<String>,
    error: Option<&'static str>,
    /// The field the error is about: the message's subject or the meeting's time.
    error_href: &'static str,
    starts_at: String,
    ends_at: String,
    directions: String,
    capacity: i32,
}

#[derive(Deserialize)]
pub struct Sent {
    sent: Option<usize>,
    invited: Option<usize>,
}

/// The page, with a line on what was `sent` or an `error` beside the forms.
async fn show_page(
    state: &AppState,
    staff: &Staff,
    lang: Lang,
    id: i64,
    sent: Option<String>,
    error: Option<&'static str>,
) -> AppResult<String> {
    staff.require(Permission::ManageIntakes)?;
    let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let list = storage::info_meetings::signups(&state.pool, &state.key, id).await?;
    let t = lang.meeting();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/info-meetings/{id}"), staff, "intakes");
    let page = ShowPage {
        ctx,
        a,
        id,
        title: format!("{} {}", t.title, dates::long_span(lang, m.starts_at, m.ends_at)),
        place: m.place.clone(),
        counts: format!("{}: {} / {}", t.admin_confirmed, m.confirmed, m.capacity),
        cancelled: m.cancelled,
        attendees: list.into_iter().map(|r| Attendee::of(t, r)).collect(),
        sent,
        error,
        error_href: if error == Some(t.err_message) { "#msg-subject" } else { "#m-starts" },
        starts_at: to_local(m.starts_at).format("%Y-%m-%dT%H:%M").to_string(),
        ends_at: to_local(m.ends_at).format("%Y-%m-%dT%H:%M").to_string(),
        directions: m.directions.clone().unwrap_or_default(),
        capacity: m.capacity,
    };
    Ok(page.render()?)
}

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Query(q): Query<Sent>,
) -> AppResult<Html<String>> {
    let t = lang.meeting();
    let sent =
        q.sent.map(|n| if n == 1 { t.admin_message_sent_one.to_string() } else { fill(t.admin_message_sent, &[&n]) });
    let invited =
        q.invited.map(|n| if n == 1 { t.admin_invited_one.to_string() } else { fill(t.admin_invited, &[&n]) });
    Ok(Html(show_page(&state, &staff, lang, id, sent.or(invited), None).await?))
}

/// The page again, 422, with `error` (a form that did not parse).
pub async fn refused(state: &AppState, staff: &Staff, lang: Lang, id: i64, error: &'static str) -> AppResult<Response> {
    let html = show_page(state, staff, lang, id, None, Some(error)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
