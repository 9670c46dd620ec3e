//! The support person's pages (issue 19): `/support/confirm/{token}` (one
//! button proves the address), `/support/{token}` (what was granted),
//! `/support/{token}/application` (read) and `/support/{token}/draft`
//! (edit before sending). A token never issued is 404; a retired one or an
//! ended access is 410 with a kind page; an action not granted is 403. The
//! applicant's side is in `manage`.
mod manage;
mod pages;

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};

use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    links::LinkToken,
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{application::ApplicationFields, link::LinkKind, support::Ended},
    flows::support::helper::{self as flow, DraftRefused, Opened},
    i18n::Lang,
    storage::support::GrantRow,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/support/confirm/{token}", get(confirm_page).post(confirm))
        .route("/support/{token}", get(home))
        .route("/support/{token}/application", get(read))
        .route("/support/{token}/draft", get(draft).post(save_draft))
        .merge(manage::router())
}

/// The kind 410 page for an access that has ended, saying `text`.
pub fn ended(lang: Lang, text: &str) -> Response {
    let s = lang.support();
    NoticePage::new(PageContext::new(lang, "/"), s.ended_title, vec![text.into()])
        .link("/".into(), lang.links().front_page_link)
        .respond(StatusCode::GONE)
}

fn notice(lang: Lang, status: StatusCode, title: &str, text: &str, back: Option<String>) -> Response {
    let page = NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()]);
    match back {
        Some(href) => page.link(href, lang.support().back_link),
        None => page,
    }
    .respond(status)
}

/// The live grant behind a helper's own link, or the response refusing it.
async fn live(state: &AppState, lang: Lang, hash: &[u8], kind: LinkKind) -> AppResult<Result<GrantRow, Response>> {
    let s = lang.support();
    Ok(Err(match flow::open(state, hash).await? {
        Opened::Live(g) if kind == LinkKind::Support => return Ok(Ok(*g)),
        Opened::Unconfirmed(g) if kind == LinkKind::SupportConfirm => return Ok(Ok(*g)),
        Opened::Ended(Ended::Revoked) => ended(lang, s.ended_revoked_text),
        Opened::Ended(_) => ended(lang, s.ended_over_text),
        Opened::ConfirmExpired if kind == LinkKind::SupportConfirm => {
            notice(lang, StatusCode::GONE, s.confirm_expired_title, s.confirm_expired_text, None)
        }
        Opened::Unknown => return Ok(Err(super::links::missing(state, lang, kind, hash).await?)),
        // A confirmation token on the helper's pages, or the other way round.
        _ => return Err(AppError::NotFound),
    }))
}

async fn confirm_page(
    State(state): State<AppState>,
    t: LinkToken,
    lang: Lang,
    uri: axum::http::Uri,
) -> AppResult<Response> {
    if let Err(refused) = live(&state, lang, &t.hash, LinkKind::SupportConfirm).await? {
        return Ok(refused);
    }
    let s = lang.support();
    let action = uri.path().to_string();
    super::button_page::button_page(lang, s.confirm_title, s.confirm_text.into(), action, s.confirm_button)
}

async fn confirm(State(state): State<AppState>, t: LinkToken, lang: Lang) -> AppResult<Response> {
    let grant = match live(&state, lang, &t.hash, LinkKind::SupportConfirm).await? {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    match crate::flows::support::helper::confirm(&state, &grant, &t.hash).await? {
        Some(token) => Ok(Redirect::to(&format!("/support/{token}")).into_response()),
        None => Ok(ended(lang, lang.support().ended_over_text)),
    }
}

async fn home(State(state): State<AppState>, t: LinkToken, lang: Lang, uri: axum::http::Uri) -> AppResult<Response> {
    match live(&state, lang, &t.hash, LinkKind::Support).await? {
        Ok(g) => pages::home(lang, uri.path(), &g),
        Err(refused) => Ok(refused),
    }
}

async fn read(State(state): State<AppState>, t: LinkToken, lang: Lang, uri: axum::http::Uri) -> AppResult<Response> {
    let grant = match live(&state, lang, &t.hash, LinkKind::Support).await? {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let home = uri.path().trim_end_matches("/application").to_string();
    if !grant.may_read {
        return Ok(not_granted(lang, home));
    }
    let reading = match flow::read(&state, &grant).await {
        Ok(r) => r,
        Err(crate::flows::Error::NotFound) => {
            let s = lang.support();
            return Ok(notice(lang, StatusCode::OK, s.read_title, s.draft_not_sent, Some(home)));
        }
        Err(e) => return Err(e.into()),
    };
    pages::read(lang, &home, &grant, &reading)
}

fn not_granted(lang: Lang, home: String) -> Response {
    let s = lang.support();
    notice(lang, StatusCode::FORBIDDEN, s.not_granted_title, s.not_granted_text, Some(home))
}

fn refused(lang: Lang, why: DraftRefused, home: String) -> Response {
    let s = lang.support();
    match why {
        DraftRefused::NotGranted => not_granted(lang, home),
        DraftRefused::Sent => notice(lang, StatusCode::GONE, s.sent_title, s.sent_text, Some(home)),
    }
}

async fn draft(State(state): State<AppState>, t: LinkToken, lang: Lang, uri: axum::http::Uri) -> AppResult<Response> {
    let grant = match live(&state, lang, &t.hash, LinkKind::Support).await? {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let home = uri.path().trim_end_matches("/draft").to_string();
    match flow::open_draft(&state, &grant).await? {
        Ok(form) => pages::draft_form(&state, lang, uri.path(), &form, uri.query() == Some("saved=1")).await,
        Err(why) => Ok(refused(lang, why, home)),
    }
}

async fn save_draft(
    State(state): State<AppState>,
    t: LinkToken,
    lang: Lang,
    uri: axum::http::Uri,
    form: FormFields,
) -> AppResult<Response> {
    let grant = match live(&state, lang, &t.hash, LinkKind::Support).await? {
        Ok(g) => g,
        Err(refused) => return Ok(refused),
    };
    let home = uri.path().trim_end_matches("/draft").to_string();
    let Ok(fields) = form.decode::<ApplicationFields>() else {
        return Ok(StatusCode::UNPROCESSABLE_ENTITY.into_response());
    };
    match flow::save_draft(&state, &grant, &fields).await? {
        Ok(()) => Ok(Redirect::to(&format!("{}?saved=1", uri.path())).into_response()),
        Err(why) => Ok(refused(lang, why, home)),
    }
}
