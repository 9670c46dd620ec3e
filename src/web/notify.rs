//! "Let me know about the next intake": double opt-in, and an unsubscribe
//! link in every mail; plus the announcement sent to everyone subscribed.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    AppState,
    button_page::button_page,
    error::{AppError, AppResult},
    form::Form,
    links::{self, LinkToken},
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        email_address::EmailAddress,
        interest::SubscriberStatus,
        link::{LinkKind, Retired},
    },
    flows::notify::{self as flow, Confirmed, Subscribed},
    i18n::Lang,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notify", post(subscribe))
        .route("/notify/check-email", get(check_email))
        .route("/notify/confirm/{token}", get(confirm_page).post(confirm))
        .route("/notify/unsubscribe/{token}", get(unsubscribe_page).post(unsubscribe))
}

fn notice(lang: Lang, title: &str, text: &str, status: StatusCode) -> Response {
    NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()])
        .link("/".into(), lang.strings().home_link)
        .respond(status)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SubscribeForm {
    email: String,
}

/// The same answer whatever the address; the mail tells its owner.
async fn subscribe(
    State(state): State<AppState>,
    lang: Lang,
    requester: crate::mail::outbox::Requester,
    Form(form): Form<SubscribeForm>,
) -> AppResult<Response> {
    let Ok(email) = EmailAddress::parse(&form.email) else {
        return form_again(lang, form.email, lang.meeting().err_email);
    };
    match flow::subscribe(&state, email, requester).await? {
        Subscribed::Done => Ok(Redirect::to("/notify/check-email").into_response()),
        Subscribed::Unreachable => form_again(lang, form.email, lang.apply().err_email_unreachable),
    }
}

/// The sign-up again with what was typed, the summary and the message beside the field (422).
#[derive(Template)]
#[template(path = "pages/public/notify.html")]
struct NotifyPage {
    ctx: PageContext,
    t: &'static crate::i18n::MeetingStrings,
    email: String,
    error: &'static str,
}

fn form_again(lang: Lang, email: String, error: &'static str) -> AppResult<Response> {
    let page = NotifyPage { ctx: PageContext::new(lang, "/"), t: lang.meeting(), email, error };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

async fn check_email(lang: Lang) -> Response {
    let t = lang.meeting();
    notice(lang, t.check_email_title, t.notify_check_text, StatusCode::OK)
}

/// Shows the button for a live link; changes nothing.
async fn confirm_page(
    State(state): State<AppState>,
    LinkToken { hash }: LinkToken,
    Path(token): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    let t = lang.meeting();
    match flow::confirmation(&state, &hash).await? {
        Confirmed::Done => {}
        Confirmed::Already => return Ok(links::gone(lang, LinkKind::InterestConfirm, Retired::Used)),
        Confirmed::Expired => return Ok(notice(lang, t.expired_title, t.expired_text, StatusCode::GONE)),
        Confirmed::Unknown => return links::missing(&state, lang, LinkKind::InterestConfirm, &hash).await,
    }
    button_page(
        lang,
        t.notify_confirm_title,
        t.notify_intro.into(),
        format!("/notify/confirm/{token}"),
        t.notify_confirm_button,
    )
}

async fn confirm(State(state): State<AppState>, LinkToken { hash }: LinkToken, lang: Lang) -> AppResult<Response> {
    let t = lang.meeting();
    Ok(match flow::confirm(&state, &hash).await? {
        Confirmed::Done => notice(lang, t.notify_done_title, t.notify_done_text, StatusCode::OK),
        Confirmed::Already => links::gone(lang, LinkKind::InterestConfirm, Retired::Used),
        Confirmed::Expired => notice(lang, t.expired_title, t.expired_text, StatusCode::GONE),
        Confirmed::Unknown => return links::missing(&state, lang, LinkKind::InterestConfirm, &hash).await,
    })
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    LinkToken { hash }: LinkToken,
    Path(token): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    match flow::unsubscribe_link(&state, &hash).await? {
        None => return links::missing(&state, lang, LinkKind::Unsubscribe, &hash).await,
        Some(SubscriberStatus::Unsubscribed) => return Ok(links::gone(lang, LinkKind::Unsubscribe, Retired::Used)),
        Some(_) => {}
    }
    let t = lang.meeting();
    button_page(
        lang,
        t.notify_unsubscribe_title,
        t.notify_intro.into(),
        format!("/notify/unsubscribe/{token}"),
        t.notify_unsubscribe_button,
    )
}

async fn unsubscribe(State(state): State<AppState>, LinkToken { hash }: LinkToken, lang: Lang) -> AppResult<Response> {
    if !flow::unsubscribe(&state, &hash).await? {
        return Err(AppError::NotFound);
    }
    let t = lang.meeting();
    Ok(notice(lang, t.notify_unsubscribed_title, t.notify_unsubscribed_text, StatusCode::OK))
}
