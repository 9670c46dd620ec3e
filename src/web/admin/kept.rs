//! Nothing is lost when a staff session ends mid-work: the page asked for,
//! or the form sent (a 2,000-character note after 31 idle minutes), is kept
//! for an hour under a cookie; after signing in again the person returns to
//! the page, or sees what they wrote with a button to send it.
use askama::Template;
use axum::{
    Router,
    body::to_bytes,
    extract::{Request, State},
    http::{HeaderMap, Method, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use chrono::Duration;

use super::{AdminContext, Staff};
use crate::{
    auth::session,
    i18n::Lang,
    storage::{self, kept_posts::Kept},
    tokens,
    web::{AppState, error::AppResult, form::FormFields, page::PageContext},
};

const COOKIE: &str = "optag_kept";
const KEPT_FOR: Duration = Duration::hours(1);
/// A kept form is at most this large (the largest staff form is far smaller).
const MAX_BODY: usize = 256 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/kept", get(show))
}

/// Pages the person may be sent back to: staff pages, never the sign-in
/// steps themselves, and only as a path of ours (no `//host`).
fn returnable(path: &str) -> bool {
    path.starts_with("/admin")
        && !path.starts_with("//")
        && !["/admin/login", "/admin/logout", "/admin/mfa", "/admin/kept"].iter().any(|p| path.starts_with(p))
}

/// Called instead of a plain redirect to the sign-in page when a request
/// comes without a live session; `user_id` is the owner of the session that
/// just ended, when known, so only they get the kept form back.
pub async fn keep_and_sign_in(state: &AppState, request: Request, user_id: Option<i64>) -> Response {
    let to_login = Redirect::to("/admin/login");
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"));
    let kept = match *request.method() {
        Method::GET => request.uri().path_and_query().map(|p| Kept { path: p.as_str().to_string(), fields: None }),
        Method::POST if is_form => {
            let path = request.uri().path().to_string();
            match to_bytes(request.into_body(), MAX_BODY).await {
                Ok(body) => Some(Kept { path, fields: Some(FormFields::parse(&body).pairs().to_vec()) }),
                Err(_) => None,
            }
        }
        _ => None,
    };
    let Some(kept) = kept.filter(|k| returnable(&k.path) && k.path.len() <= 2000) else {
        return to_login.into_response();
    };
    let token = tokens::generate();
    let now = state.clock.now();
    let stored = storage::kept_posts::insert(
        &state.pool,
        &state.key,
        &tokens::hash(&token),
        user_id,
        &kept,
        now,
        now + KEPT_FOR,
    )
    .await;
    if let Err(err) = stored {
        tracing::warn!(error = %err, "could not keep the request of an ended session");
        return to_login.into_response();
    }
    let cookie = session::admin_cookie(COOKIE, &token, state.settings.cookie_secure, KEPT_FOR.num_seconds());
    ([(header::SET_COOKIE, cookie)], to_login).into_response()
}

/// Where a completed sign-in goes: the kept form's page, the kept page, or `/admin`.
pub async fn after_sign_in(state: &AppState, headers: &HeaderMap, user_id: i64) -> AppResult<String> {
    let Some(token) = session::read_named(headers, COOKIE) else { return Ok("/admin".into()) };
    let hash = tokens::hash(&token);
    match storage::kept_posts::holds_form(&state.pool, &hash).await? {
        Some(true) => Ok("/admin/kept".into()),
        Some(false) => {
            let kept = storage::kept_posts::take(&state.pool, &state.key, &hash, user_id, state.clock.now()).await?;
            Ok(kept.map(|k| k.path).unwrap_or_else(|| "/admin".into()))
        }
        None => Ok("/admin".into()),
    }
}

#[derive(Template)]
#[template(path = "admin/kept.html")]
struct KeptPage {
    ctx: PageContext,
    a: AdminContext,
    action: String,
    /// Every field, sent again as it was.
    fields: Vec<(String, String)>,
    /// The fields a person typed text into, shown so they can see them.
    shown: Vec<(String, String)>,
}

async fn show(State(state): State<AppState>, staff: Staff, headers: HeaderMap, lang: Lang) -> AppResult<Response> {
    let clear = session::admin_cookie(COOKIE, "", state.settings.cookie_secure, 0);
    let kept = match session::read_named(&headers, COOKIE) {
        Some(token) => {
            let hash = tokens::hash(&token);
            storage::kept_posts::take(&state.pool, &state.key, &hash, staff.user_id, state.clock.now()).await?
        }
        None => None,
    };
    let Some(Kept { path, fields: Some(fields) }) = kept else {
        return Ok(([(header::SET_COOKIE, clear)], Redirect::to("/admin")).into_response());
    };
    let shown = fields.iter().filter(|(_, v)| v.chars().count() > 2 && !v.chars().all(|c| c.is_ascii_digit())).cloned();
    let (ctx, a) = AdminContext::frame(lang, "/admin/kept", &staff, "");
    let page = KeptPage { ctx, a, action: path, shown: shown.collect(), fields };
    Ok(([(header::SET_COOKIE, clear)], Html(page.render()?)).into_response())
}
