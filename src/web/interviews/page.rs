//! The booking page: the held booking, and the free slots grouped by day.
use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use crate::{
    domain::{
        interview::length_minutes,
        local_time::{local_date, to_local},
    },
    flows::interviews::booking::{self, Live},
    i18n::{InterviewStrings, Lang, dates, fill},
    storage::interviews::Slot,
    web::{AppState, error::AppResult, page::PageContext},
};

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
    /// How long the interview takes, from the held or the free slots.
    length: Option<String>,
}

/// What to show on the page besides the slots: a notice after a change, or a problem (title, text).
pub struct View<'a> {
    pub lang: Lang,
    /// The link's token as the applicant has it, for the form's action.
    pub token: &'a str,
    pub live: &'a Live,
    pub notice: Option<&'static str>,
    pub problem: Option<(&'static str, String)>,
}

/// The free slots by local day, each labelled with its times.
fn by_day(lang: Lang, free: Vec<Slot>) -> Vec<(String, Vec<SlotChoice>)> {
    let mut days: Vec<(String, Vec<SlotChoice>)> = Vec::new();
    for slot in free {
        let day = dates::long_date(lang, local_date(slot.starts_at));
        let label = format!(
            "{}-{}",
            dates::clock(lang, to_local(slot.starts_at).time()),
            dates::clock(lang, to_local(slot.ends_at).time())
        );
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(SlotChoice { id: slot.id, label }),
            _ => days.push((day, vec![SlotChoice { id: slot.id, label }])),
        }
    }
    days
}

pub async fn render(state: &AppState, view: View<'_>) -> AppResult<String> {
    let (lang, t) = (view.lang, view.lang.interview());
    let choices = booking::choices(state, view.live).await?;
    let length = match &choices.held {
        Some(h) => length_minutes([(h.starts_at, h.ends_at)]),
        None => length_minutes(choices.free.iter().map(|s| (s.starts_at, s.ends_at))),
    };
    let page = BookPage {
        ctx: PageContext::new(lang, "/"),
        t,
        action: format!("/interviews/book/{}", view.token),
        can_change: choices.can_change,
        held: choices.held.map(|h| {
            (fill(t.held_text, &[&dates::long_span(lang, h.starts_at, h.ends_at)]), fill(t.held_place, &[&h.place]))
        }),
        closed_text: closed_text(lang, view.live),
        days: by_day(lang, choices.free),
        notice: view.notice,
        slot_error: view
            .problem
            .as_ref()
            .filter(|(title, _)| *title == lang.apply().error_summary_title)
            .map(|p| p.1.clone()),
        problem: view.problem,
        length: dates::interview_length(lang, length),
    };
    Ok(page.render()?)
}

/// "Booking closes N hours before".
pub fn closed_text(lang: Lang, live: &Live) -> String {
    fill(lang.interview().closed_text, &[&live.cutoff.num_hours()])
}

/// The page again with its problem, under `status`.
pub async fn again(state: &AppState, view: View<'_>, status: StatusCode) -> AppResult<Response> {
    Ok((status, Html(render(state, view).await?)).into_response())
}
