//! The applicant's booking page: free slots grouped by day, the held booking,
//! change and cancel. The use cases are in `flows::interviews::booking`.
mod page;

use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use self::page::{View, again, closed_text, render};
use super::{
    AppState,
    error::AppResult,
    form::Form,
    links::{self, LinkToken},
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::link::{LinkKind, Retired},
    flows::interviews::booking::{self, Booked, Cancelled, Link, Live},
    i18n::Lang,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/interviews/book/{token}", get(show).post(book))
        .route("/interviews/book/{token}/cancel", post(cancel))
}

/// The live link, or the page that says why it does not open.
async fn live(state: &AppState, token: &LinkToken, lang: Lang) -> AppResult<Result<Box<Live>, Response>> {
    let kind = LinkKind::InterviewBooking;
    Ok(Err(match booking::open(state, &token.hash).await? {
        Link::Live(live) => return Ok(Ok(live)),
        Link::Spent => spent(lang),
        Link::Over => links::gone(lang, kind, Retired::Over),
        Link::Unknown => links::missing(state, lang, kind, &token.hash).await?,
    }))
}

fn spent(lang: Lang) -> Response {
    let t = lang.interview();
    NoticePage::new(PageContext::new(lang, "/"), t.link_spent_title, vec![t.link_spent_text.into()])
        .respond(StatusCode::GONE)
}

#[derive(Deserialize)]
struct Shown {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<Shown>,
    link: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let live = match live(&state, &link, lang).await? {
        Ok(live) => live,
        Err(response) => return Ok(response),
    };
    let t = lang.interview();
    let notice = match q.done.as_deref() {
        Some("booked") => Some(t.booked_notice),
        Some("cancelled") => Some(t.cancelled_notice),
        _ => None,
    };
    let view = View { lang, token: &token, live: &live, notice, problem: None };
    Ok(Html(render(&state, view).await?).into_response())
}

/// The booking form: the chosen slot's id and what would help at the interview.
#[derive(Deserialize, Default)]
#[serde(default)]
struct BookForm {
    slot: String,
    accommodations: String,
}

impl BookForm {
    fn slot(&self) -> Option<i64> {
        self.slot.parse().ok()
    }

    /// Trimmed, at most 2000 characters; none when empty.
    fn accommodations(&self) -> Option<String> {
        Some(self.accommodations.trim()).filter(|a| !a.is_empty()).map(|a| a.chars().take(2000).collect())
    }
}

async fn book(
    State(state): State<AppState>,
    Path(token): Path<String>,
    link: LinkToken,
    lang: Lang,
    Form(form): Form<BookForm>,
) -> AppResult<Response> {
    let live = match live(&state, &link, lang).await? {
        Ok(live) => live,
        Err(response) => return Ok(response),
    };
    let t = lang.interview();
    let view = |problem| View { lang, token: &token, live: &live, notice: None, problem: Some(problem) };
    let Some(slot) = form.slot() else {
        let problem = (lang.apply().error_summary_title, t.err_choose_slot.into());
        return again(&state, view(problem), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let problem = match booking::book(&state, (&live, &token), slot, form.accommodations().as_deref()).await? {
        Booked::Done => return Ok(Redirect::to(&format!("/interviews/book/{token}?done=booked")).into_response()),
        Booked::NotInvited => {
            let page =
                NoticePage::new(PageContext::new(lang, "/"), t.not_bookable_title, vec![t.not_bookable_text.into()]);
            return Ok(page.respond(StatusCode::CONFLICT));
        }
        Booked::Taken => (t.taken_title, t.taken_text.to_string()),
        Booked::TooLate => (t.too_late_title, closed_text(lang, &live)),
    };
    again(&state, view(problem), StatusCode::CONFLICT).await
}

async fn cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
    link: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let live = match live(&state, &link, lang).await? {
        Ok(live) => live,
        Err(response) => return Ok(response),
    };
    match booking::cancel(&state, &live, &token).await? {
        Cancelled::Done => Ok(Redirect::to(&format!("/interviews/book/{token}?done=cancelled")).into_response()),
        Cancelled::NothingHeld => Ok(Redirect::to(&format!("/interviews/book/{token}")).into_response()),
        Cancelled::TooLate => {
            let problem = (lang.interview().too_late_title, closed_text(lang, &live));
            let view = View { lang, token: &token, live: &live, notice: None, problem: Some(problem) };
            again(&state, view, StatusCode::CONFLICT).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_booking_form_reads_the_slot_and_trims_the_accommodations() {
        let form: BookForm = crate::web::form::FormFields::parse(b"slot=12&accommodations=++").decode().unwrap();
        assert_eq!((form.slot(), form.accommodations()), (Some(12), None));
        let long = format!("slot=x&accommodations={}", "a".repeat(2100));
        let form: BookForm = crate::web::form::FormFields::parse(long.as_bytes()).decode().unwrap();
        assert_eq!(form.slot(), None);
        assert_eq!(form.accommodations().map(|a| a.chars().count()), Some(2000));
    }
}
