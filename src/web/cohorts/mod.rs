//! The applicant's offer page: GET shows the place and two buttons, POST answers.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};

use super::{
    AppState,
    error::{AppError, AppResult},
    form::Form,
    links::{self, LinkToken, hash_of},
    notice::NoticePage,
    page::PageContext,
};
use crate::flows::cohorts::{
    self as flow, Answered,
    links::{self as link_flow, OfferLink},
};
use crate::{
    domain::{
        link::{LinkKind, Retired},
        offer_kind::OfferKind,
    },
    i18n::{CohortStrings, Lang, OfferWords, dates, fill},
    storage,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/offers/{token}", get(page).post(answer))
        .route("/offers/{token}/decline", get(decline_page))
        .route("/feeds/{token}", get(feed))
}

#[derive(Template)]
#[template(path = "pages/offers/offer.html")]
struct OfferPage {
    ctx: PageContext,
    t: &'static CohortStrings,
    /// The place's or the job's wording.
    w: OfferWords,
    text: String,
    answer_by: String,
    /// What the place commits to, from the cohort's plan.
    commitment: Vec<String>,
    action: String,
}

fn notice(lang: Lang, title: &str, text: &str, status: StatusCode) -> Response {
    NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()]).respond(status)
}

/// The offer behind a link while it can still be answered, with its cohort;
/// otherwise the page that says why not (404 never issued, 410 answered or lapsed).
async fn live_offer(
    state: &AppState,
    lang: Lang,
    hash: &[u8],
) -> AppResult<Result<(storage::cohorts::Offer, storage::cohorts::Cohort), Response>> {
    let t = lang.cohort();
    Ok(Err(match link_flow::offer_link(state, hash).await? {
        OfferLink::Live(offer, cohort) => return Ok(Ok((*offer, *cohort))),
        OfferLink::Missing => links::missing(state, lang, LinkKind::Offer, hash).await?,
        OfferLink::Lapsed => notice(lang, t.offer_lapsed_title, t.offer_lapsed_text, StatusCode::GONE),
        OfferLink::Withdrawn => links::gone(lang, LinkKind::Offer, Retired::Over),
        OfferLink::Used => links::gone(lang, LinkKind::Offer, Retired::Used),
    }))
}

async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    link: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let (offer, cohort) = match live_offer(&state, lang, &link.hash).await? {
        Ok(live) => live,
        Err(response) => return Ok(response),
    };
    let (t, kind) = (lang.cohort(), OfferKind::of(cohort.programme.structure));
    let page = OfferPage {
        ctx: PageContext::new(lang, "/"),
        t,
        w: t.offer_words(kind),
        text: offer_text(lang, kind, &cohort),
        answer_by: fill(t.offer_answer_by, &[&dates::answer_by(lang, offer.answer_by)]),
        commitment: cohort
            .commitment()
            .filter(|_| !kind.is_job())
            .map(|c| dates::commitment(lang, &c))
            .unwrap_or_default(),
        action: format!("/offers/{token}"),
    };
    Ok(Html(page.render()?).into_response())
}

/// What is offered: a place on the programme's cohort from its start, or
/// employment as the programme names it from the first working day.
fn offer_text(lang: Lang, kind: OfferKind, cohort: &storage::cohorts::Cohort) -> String {
    let (t, p, start) = (lang.cohort(), &cohort.programme, dates::long_date(lang, cohort.start_date));
    match kind {
        OfferKind::Job => fill(t.job_offer_text, &[&p.name, &p.organiser, &start]),
        OfferKind::Place => fill(t.offer_text, &[&format!("{} – {}", p.name, cohort.name), &start]),
    }
}

#[derive(Template)]
#[template(path = "pages/offers/decline.html")]
struct DeclinePage {
    ctx: PageContext,
    t: &'static CohortStrings,
    w: OfferWords,
    action: String,
}

/// Saying no to a place cannot be undone (the seat goes to the next person),
/// so it is confirmed on a page of its own; opening it changes nothing.
async fn decline_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    link: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let (_, cohort) = match live_offer(&state, lang, &link.hash).await? {
        Ok(live) => live,
        Err(response) => return Ok(response),
    };
    let (t, kind) = (lang.cohort(), OfferKind::of(cohort.programme.structure));
    let page =
        DeclinePage { ctx: PageContext::new(lang, "/"), t, w: t.offer_words(kind), action: format!("/offers/{token}") };
    Ok(Html(page.render()?).into_response())
}

/// The offer form: which button was pressed.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct AnswerForm {
    decision: String,
}

async fn answer(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let hash = hash_of(&token)?;
    let t = lang.cohort();
    let accept = match form.decision.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Ok(notice(lang, t.offer_title, t.offer_answered_text, StatusCode::UNPROCESSABLE_ENTITY)),
    };
    Ok(match flow::answer(&state, &hash, accept).await? {
        None => return Err(AppError::NotFound),
        // The link is spent now: the answer is shown on a page of its own.
        Some(Answered::Accepted(kind)) => Redirect::to(done_path(kind, "accepted")).into_response(),
        Some(Answered::Declined(kind)) => Redirect::to(done_path(kind, "declined")).into_response(),
        Some(Answered::Earlier) => notice(lang, t.offer_answered_title, t.offer_answered_text, StatusCode::CONFLICT),
        Some(Answered::Lapsed) => notice(lang, t.offer_lapsed_title, t.offer_lapsed_text, StatusCode::GONE),
    })
}

/// The page that confirms an answer: `/done/offer-…` for a place, `/done/job-…` for a job.
fn done_path(kind: OfferKind, answer: &str) -> &'static str {
    match (kind, answer) {
        (OfferKind::Job, "accepted") => "/done/job-accepted",
        (OfferKind::Job, _) => "/done/job-declined",
        (OfferKind::Place, "accepted") => "/done/offer-accepted",
        (OfferKind::Place, _) => "/done/offer-declined",
    }
}

/// A participant's own schedule feed, from the secret link in the admission mail.
async fn feed(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let token = token.trim_end_matches(".ics");
    let hash = hash_of(token)?;
    let Some(body) = link_flow::feed(&state, &hash).await? else {
        return links::missing(&state, lang, LinkKind::Feed, &hash).await;
    };
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response())
}
