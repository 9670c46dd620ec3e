//! The applicant's booking page: free slots grouped by day, the held booking,
//! change and cancel.
mod booking;
pub mod invite;
use crate::mail::messages::interviews as mails;

use askama::Template;
use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use chrono::Duration;
use serde::Deserialize;

use self::booking::{Booked, Cancelled};
use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        application::Status,
        interview,
        link::{LinkKind, Retired, booking_is_over},
        local_time::local_date,
    },
    i18n::{InterviewStrings, Lang, dates, fill},
    storage::{self, interviews::Invitation},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/interviews/book/{token}", get(page).post(book))
        .route("/interviews/book/{token}/cancel", post(cancel))
}

enum Link {
    Live(Invitation, Duration),
    Spent,
    /// Replaced, or the application has moved past booking.
    Gone(Response),
}

async fn link(state: &AppState, token: &str, lang: Lang) -> AppResult<Link> {
    let hash = super::links::hash_of(token)?;
    let Some(inv) = storage::interviews::invitation(&state.pool, &hash).await? else {
        return Ok(Link::Gone(super::links::missing(state, lang, LinkKind::InterviewBooking, &hash).await?));
    };
    if inv.status.parse::<Status>().is_ok_and(booking_is_over) {
        return Ok(Link::Gone(super::links::gone(lang, LinkKind::InterviewBooking, Retired::Over)));
    }
    if inv.expires_at <= state.clock.now() {
        return Ok(Link::Spent);
    }
    let intake = storage::intakes::by_id(&state.pool, inv.intake_id).await?.ok_or(AppError::NotFound)?;
    Ok(Link::Live(inv, Duration::hours(i64::from(intake.booking_cutoff_hours))))
}

fn spent(lang: Lang) -> Response {
    let t = lang.interview();
    NoticePage::new(PageContext::new(lang, "/"), t.link_spent_title, vec![t.link_spent_text.into()])
        .respond(StatusCode::GONE)
}

struct SlotChoice {
    id: i64,
    label: String,
}

#[derive(Template)]
#[template(path = "pages/interviews/book.html")]
struct BookPage {
    ctx: PageContext,
    t: &'static InterviewStrings,
    action: String,
    held: Option<(String, String)>,
    can_change: bool,
    closed_text: String,
    days: Vec<(String, Vec<SlotChoice>)>,
    notice: Option<&'static str>,
    problem: Option<(&'static str, String)>,
    /// No time was chosen: said in the summary and beside the list of times.
    slot_error: Option<String>,
}

#[derive(Deserialize)]
struct Shown {
    done: Option<String>,
}

async fn render(
    state: &AppState,
    lang: Lang,
    token: &str,
    inv: &Invitation,
    cutoff: Duration,
    notice: Option<&'static str>,
    problem: Option<(&'static str, String)>,
) -> AppResult<String> {
    let t = lang.interview();
    let now = state.clock.now();
    let held = {
        let mut conn = state.pool.acquire().await?;
        storage::interviews::active_booking(&mut conn, &state.key, inv.application_id).await?
    };
    let free = storage::interviews::free_slots(&state.pool, inv.intake_id, now + cutoff).await?;
    let mut days: Vec<(String, Vec<SlotChoice>)> = Vec::new();
    for slot in free {
        let day = dates::long_date(lang, local_date(slot.starts_at));
        let label = format!(
            "{}-{}",
            dates::clock(lang, crate::domain::local_time::to_local(slot.starts_at).time()),
            dates::clock(lang, crate::domain::local_time::to_local(slot.ends_at).time())
        );
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(SlotChoice { id: slot.id, label }),
            _ => days.push((day, vec![SlotChoice { id: slot.id, label }])),
        }
    }
    let page = BookPage {
        ctx: PageContext::new(lang, "/"),
        t,
        action: format!("/interviews/book/{token}"),
        can_change: held.as_ref().is_none_or(|h| interview::is_bookable(h.starts_at, cutoff, now)),
        held: held.map(|h| {
            (fill(t.held_text, &[&dates::long_span(lang, h.starts_at, h.ends_at)]), fill(t.held_place, &[&h.place]))
        }),
        closed_text: fill(t.closed_text, &[&cutoff.num_hours()]),
        days,
        notice,
        slot_error: problem
            .as_ref()
            .filter(|(title, _)| *title == lang.apply().error_summary_title)
            .map(|p| p.1.clone()),
        problem,
    };
    Ok(page.render()?)
}

async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<Shown>,
    lang: Lang,
) -> AppResult<Response> {
    let (inv, cutoff) = match link(&state, &token, lang).await? {
        Link::Live(inv, cutoff) => (inv, cutoff),
        Link::Spent => return Ok(spent(lang)),
        Link::Gone(response) => return Ok(response),
    };
    let t = lang.interview();
    let notice = match q.done.as_deref() {
        Some("booked") => Some(t.booked_notice),
        Some("cancelled") => Some(t.cancelled_notice),
        _ => None,
    };
    Ok(Html(render(&state, lang, &token, &inv, cutoff, notice, None).await?).into_response())
}

async fn book(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    let (inv, cutoff) = match link(&state, &token, lang).await? {
        Link::Live(inv, cutoff) => (inv, cutoff),
        Link::Spent => return Ok(spent(lang)),
        Link::Gone(response) => return Ok(response),
    };
    let t = lang.interview();
    let Ok(slot) = form.get("slot").parse::<i64>() else {
        let html = render(
            &state,
            lang,
            &token,
            &inv,
            cutoff,
            None,
            Some((lang.apply().error_summary_title, t.err_choose_slot.into())),
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    let accommodations = form.get("accommodations");
    let accommodations =
        Some(accommodations.trim()).filter(|a| !a.is_empty()).map(|a| a.chars().take(2000).collect::<String>());
    let problem = match booking::book(&state, &inv, slot, accommodations.as_deref(), cutoff).await? {
        Booked::Done => return Ok(Redirect::to(&format!("/interviews/book/{token}?done=booked")).into_response()),
        Booked::NotInvited => {
            let page =
                NoticePage::new(PageContext::new(lang, "/"), t.not_bookable_title, vec![t.not_bookable_text.into()]);
            return Ok(page.respond(StatusCode::CONFLICT));
        }
        Booked::Taken => (t.taken_title, t.taken_text.to_string()),
        Booked::TooLate => (t.too_late_title, fill(t.closed_text, &[&cutoff.num_hours()])),
    };
    let html = render(&state, lang, &token, &inv, cutoff, None, Some(problem)).await?;
    Ok((StatusCode::CONFLICT, Html(html)).into_response())
}

async fn cancel(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let (inv, cutoff) = match link(&state, &token, lang).await? {
        Link::Live(inv, cutoff) => (inv, cutoff),
        Link::Spent => return Ok(spent(lang)),
        Link::Gone(response) => return Ok(response),
    };
    let t = lang.interview();
    match booking::cancel(&state, &inv, cutoff).await? {
        Cancelled::Done => Ok(Redirect::to(&format!("/interviews/book/{token}?done=cancelled")).into_response()),
        Cancelled::NothingHeld => Ok(Redirect::to(&format!("/interviews/book/{token}")).into_response()),
        Cancelled::TooLate => {
            let problem = (t.too_late_title, fill(t.closed_text, &[&cutoff.num_hours()]));
            let html = render(&state, lang, &token, &inv, cutoff, None, Some(problem)).await?;
            Ok((StatusCode::CONFLICT, Html(html)).into_response())
        }
    }
}
