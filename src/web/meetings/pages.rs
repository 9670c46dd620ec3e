//! The public meeting pages: the meeting with its sign-up form, the one-button
//! pages of the mail links, the invitation form, and the notices.
use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use crate::{
    domain::info_meeting::{SignupFields, has_room, takes_signups},
    i18n::{Lang, MeetingStrings, dates, fill},
    storage::info_meetings::MeetingPage,
    web::{error::AppResult, notice::NoticePage, page::PageContext},
};

#[derive(Template)]
#[template(path = "pages/meetings/show.html")]
struct ShowPage {
    ctx: PageContext,
    t: &'static MeetingStrings,
    heading: String,
    about: String,
    when: String,
    place: String,
    directions: String,
    state_text: Option<&'static str>,
    seats: String,
    action: String,
    fields: SignupFields,
    errors: Vec<(&'static str, &'static str)>,
    intake_href: String,
}

/// Why the meeting takes no sign-ups now, if it does not.
fn state_text(t: &'static MeetingStrings, m: &MeetingPage, now: chrono::DateTime<chrono::Utc>) -> Option<&'static str> {
    if m.cancelled {
        Some(t.cancelled)
    } else if !takes_signups(m.starts_at, false, now) {
        Some(t.past)
    } else if !has_room(m.confirmed, m.capacity) {
        Some(t.full)
    } else {
        None
    }
}

/// The meeting's page with its sign-up form, `errors` beside their fields.
pub fn show_page(
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
    m: &MeetingPage,
    fields: SignupFields,
    errors: Vec<(&'static str, &'static str)>,
) -> AppResult<String> {
    let t = lang.meeting();
    let page = ShowPage {
        ctx: PageContext::new(lang, &format!("/info-meetings/{}", m.id)),
        t,
        heading: format!("{} – {}", t.title, m.programme_name),
        about: fill(t.about, &[&m.programme_name]),
        when: dates::long_span(lang, m.starts_at, m.ends_at),
        place: m.place.clone(),
        directions: m.directions.clone().unwrap_or_default(),
        state_text: state_text(t, m, now),
        seats: match (i64::from(m.capacity) - m.confirmed).max(0) {
            1 => t.seats_left_one.to_string(),
            left => fill(t.seats_left, &[&left]),
        },
        action: format!("/info-meetings/{}/signups", m.id),
        fields,
        errors,
        intake_href: format!("/intakes/{}", m.intake_slug),
    };
    Ok(page.render()?)
}

/// A notice, linking back to meeting `back` when given.
pub fn notice(lang: Lang, title: &str, text: String, back: Option<i64>) -> NoticePage {
    let t = lang.meeting();
    let page = NoticePage::new(PageContext::new(lang, "/"), title, vec![text]);
    match back {
        Some(id) => page.link(format!("/info-meetings/{id}"), t.back_to_meeting),
        None => page,
    }
}

#[derive(Template)]
#[template(path = "pages/meetings/invited.html")]
struct InvitedPage {
    ctx: PageContext,
    t: &'static MeetingStrings,
    text: String,
    email: String,
    action: String,
    error: Option<&'static str>,
}

/// The invitation's form for `email`; with `error`, 422 and the sign-up intro
/// instead of the meeting's time (`when`).
pub fn invited_page(lang: Lang, token: &str, email: String, when: Option<&str>) -> AppResult<Response> {
    let t = lang.meeting();
    let page = InvitedPage {
        ctx: PageContext::new(lang, "/"),
        t,
        text: when.map_or_else(|| t.signup_intro.into(), |when| fill(t.invited_text, &[&when])),
        email,
        action: format!("/info-meetings/invited/{token}"),
        error: when.is_none().then_some(t.err_name),
    };
    let html = Html(page.render()?);
    Ok(if when.is_some() { html.into_response() } else { (StatusCode::UNPROCESSABLE_ENTITY, html).into_response() })
}
