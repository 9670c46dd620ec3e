//! The applicant's own page (`/my-application/{token}`): status, booking,
//! everything stored, who on the staff worked on it, when it goes; download,
//! withdrawal and erasure. Plus "send me my link again", which always answers
//! the same.
mod modules;
pub(crate) mod view;

use axum::{
    Json, Router,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{AppState, error::AppResult, form::Form, notice::NoticePage, page::PageContext};
use crate::{
    domain::{email_address::EmailAddress, link::LinkKind},
    i18n::Lang,
    storage::own_page::Link,
};

use crate::flows::own_page as flow;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/my-application", get(request_page).post(request_link))
        .route("/my-application/sent", get(request_sent))
        .route("/my-application/erased", get(erased_page))
        .route("/my-application/{token}", get(show))
        .route("/my-application/{token}/export.json", get(export))
        .route("/my-application/{token}/withdraw", get(withdraw_page).post(withdraw))
        .route("/my-application/{token}/erase", get(erase_page).post(erase))
        .route("/my-application/{token}/stop-keeping", post(stop_keeping))
        .route("/my-application/{token}/modules", get(modules::show).post(modules::save))
}

enum Access {
    Open(Link),
    Expired,
    /// Retired: erased, for instance.
    Gone(Response),
}

/// The link behind `token`: unknown is 404, expired is answered with a way to
/// get a new one.
async fn access(state: &AppState, token: &str, lang: Lang) -> AppResult<Access> {
    let hash = super::links::hash_of(token)?;
    let Some(link) = flow::link(state, &hash).await? else {
        let gone = super::links::missing(state, lang, LinkKind::OwnPage, &hash).await?;
        return Ok(Access::Gone(gone));
    };
    Ok(if link.expires_at > state.clock.now() { Access::Open(link) } else { Access::Expired })
}

impl Access {
    /// The page for a link that does not open.
    fn refusal(self, lang: Lang) -> Response {
        match self {
            Access::Gone(response) => response,
            _ => expired(lang),
        }
    }
}

fn expired(lang: Lang) -> Response {
    let s = lang.privacy();
    NoticePage::new(PageContext::new(lang, "/my-application"), s.own_expired_title, vec![s.own_expired_text.into()])
        .link("/my-application".into(), s.request_title)
        .respond(StatusCode::GONE)
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(done): Query<Done>,
    lang: Lang,
) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let page = view::page(&state, lang, &token, &link, done.done.as_deref()).await?;
    Ok(Html(page).into_response())
}

async fn export(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let data = flow::export(&state, &link).await?;
    let filename = format!("attachment; filename=\"ansoegning-{}.json\"", link.reference);
    Ok(([(header::CONTENT_DISPOSITION, filename), (header::CACHE_CONTROL, "no-store".into())], Json(data))
        .into_response())
}

async fn withdraw_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let _ = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let s = lang.privacy();
    let page =
        view::confirm(lang, &token, s.own_withdraw_title, s.own_withdraw_confirm, "withdraw", s.own_withdraw_button)?;
    Ok(Html(page).into_response())
}

async fn withdraw(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    flow::withdraw(&state, &link).await?;
    Ok(Redirect::to(&format!("/my-application/{token}?done=withdrawn")).into_response())
}

async fn stop_keeping(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    flow::stop_keeping(&state, &link).await?;
    Ok(Redirect::to(&format!("/my-application/{token}?done=not-kept")).into_response())
}

async fn erase_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let _ = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let s = lang.privacy();
    let page = view::confirm(lang, &token, s.own_erase_title, s.own_erase_confirm, "erase", s.own_erase_button)?;
    Ok(Html(page).into_response())
}

async fn erase(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    flow::erase(&state, &link).await?;
    Ok(Redirect::to("/my-application/erased").into_response())
}

async fn erased_page(lang: Lang) -> Response {
    let s = lang.privacy();
    NoticePage::new(PageContext::new(lang, "/"), s.own_erased_title, vec![s.own_erased_text.into()])
        .link("/".into(), lang.strings().home_link)
        .respond(StatusCode::OK)
}

async fn request_page(lang: Lang) -> AppResult<Response> {
    Ok(Html(view::request(lang, "", None)?).into_response())
}

/// The form asking for a new link.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct RequestForm {
    email: String,
}

/// The same answer whether or not the address has applied.
async fn request_link(
    State(state): State<AppState>,
    lang: Lang,
    requester: crate::mail::outbox::Requester,
    Form(form): Form<RequestForm>,
) -> AppResult<Response> {
    let typed = form.email;
    let Ok(email) = EmailAddress::parse(&typed) else {
        let page = view::request(lang, &typed, Some(lang.privacy().request_err_email))?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response());
    };
    if !state.mail_reach.reaches(&email).await {
        let page = view::request(lang, &typed, Some(lang.apply().err_email_unreachable))?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response());
    }
    flow::send_links(&state, &email, requester).await?;
    Ok(Redirect::to("/my-application/sent").into_response())
}

async fn request_sent(lang: Lang) -> Response {
    let s = lang.privacy();
    NoticePage::new(PageContext::new(lang, "/my-application"), s.request_sent_title, vec![s.request_sent_text.into()])
        .link("/".into(), lang.strings().home_link)
        .respond(StatusCode::OK)
}
