//! One error type at the HTTP boundary, and kind error pages for every error status.
use askama::Template;
use axum::{
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};

use super::{lang::lang_of, page::PageContext};
use crate::i18n::{Lang, fill};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// 403 for a role without this permission; the page names the role needed.
    #[error("forbidden: needs {0:?}")]
    Refused(crate::domain::staff::Permission),
    /// Every turn at argon2 stayed taken (`auth::password::WAIT`): 429.
    #[error(transparent)]
    Busy(#[from] crate::auth::password::Busy),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Render(#[from] askama::Error),
    #[error(transparent)]
    Mail(#[from] crate::mail::RenderError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Refused(permission) => {
                let mut response = StatusCode::FORBIDDEN.into_response();
                response.extensions_mut().insert(NeededRole(permission.least_role()));
                return response;
            }
            AppError::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Database(_) | AppError::Render(_) | AppError::Mail(_) | AppError::Other(_) => {
                // The cause chain goes to the log once, here; the person sees a kind page.
                let chain: Vec<String> = anyhow::Chain::new(&self).map(|e| e.to_string()).collect();
                tracing::error!(error = %chain.join(": "), "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        status.into_response()
    }
}

/// Hashing a new password: only a full queue is the visitor's to retry.
impl From<crate::auth::password::PasswordError> for AppError {
    fn from(err: crate::auth::password::PasswordError) -> Self {
        match err {
            crate::auth::password::PasswordError::Busy(busy) => AppError::Busy(busy),
            other => AppError::Other(other.into()),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl From<crate::flows::Error> for AppError {
    fn from(err: crate::flows::Error) -> Self {
        use crate::flows::Error as E;
        match err {
            E::NotFound => AppError::NotFound,
            E::Forbidden => AppError::Forbidden,
            E::Refused(permission) => AppError::Refused(permission),
            E::Busy(busy) => AppError::Busy(busy),
            E::Database(e) => AppError::Database(e),
            E::Mail(e) => AppError::Mail(e),
            E::Other(e) => AppError::Other(e),
        }
    }
}

/// A handler that panicked answers 500, which `render_error_pages` turns into
/// the kind page, instead of a dropped connection. The panic's message is not
/// logged: it may hold whatever the failing code held.
pub fn panicked(_payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// The role a refused request needed, for the 403 page to name.
#[derive(Clone, Copy)]
struct NeededRole(crate::domain::staff::Role);

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageContext,
    title: &'static str,
    text: String,
    /// Where the page sends the reader on: the staff front page for a role refusal.
    back: (&'static str, &'static str),
}

/// Marks an error response whose body is meant as it is (e.g. `/healthz`).
#[derive(Clone, Copy)]
pub struct KeepBody;

/// Gives every error response without a page of its own (from a handler,
/// the body limit, the timeout, the router) our kind error page.
pub async fn render_error_pages(request: Request, next: Next) -> Response {
    // Cheap handles only (no parsing, no copy) until an error needs them.
    let cookies: Vec<header::HeaderValue> = request.headers().get_all(header::COOKIE).iter().cloned().collect();
    let uri = request.uri().clone();
    let response = next.run(request).await;
    let status = response.status();
    let has_page = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() || status.is_server_error())
        || has_page
        || response.extensions().get::<KeepBody>().is_some()
    {
        return response;
    }
    let mut headers = axum::http::HeaderMap::new();
    for cookie in cookies {
        headers.append(header::COOKIE, cookie);
    }
    let lang = lang_of(&headers);
    let (mut parts, _) = response.into_parts();
    let (title, text) = texts(lang, status);
    let t = lang.strings();
    let (text, back) = match parts.extensions.get::<NeededRole>() {
        Some(NeededRole(role)) => (fill(t.error_403_role, &[&role_name(lang, *role)]), ("/admin", t.error_back_admin)),
        None => (text.to_string(), ("/", t.error_back_home)),
    };
    let page = ErrorPage { ctx: PageContext::new(lang, uri.path()), title, text, back };
    match page.render() {
        Ok(html) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            (parts, Html(html)).into_response()
        }
        Err(err) => {
            tracing::error!(error = %err, "error page failed to render");
            (parts, "error").into_response()
        }
    }
}

fn role_name(lang: Lang, role: crate::domain::staff::Role) -> &'static str {
    use crate::domain::staff::Role;
    let t = lang.strings();
    match role {
        Role::Admin => t.role_name_admin,
        Role::Coordinator => t.role_name_coordinator,
        Role::Interviewer => t.role_name_interviewer,
    }
}

fn texts(lang: Lang, status: StatusCode) -> (&'static str, &'static str) {
    let t = lang.strings();
    match status {
        StatusCode::NOT_FOUND => (t.error_404_title, t.error_404_text),
        StatusCode::FORBIDDEN => (t.error_403_title, t.error_403_text),
        StatusCode::PAYLOAD_TOO_LARGE => (t.error_413_title, t.error_413_text),
        StatusCode::TOO_MANY_REQUESTS => (t.error_429_title, t.error_429_text),
        StatusCode::REQUEST_TIMEOUT => (t.error_408_title, t.error_408_text),
        StatusCode::METHOD_NOT_ALLOWED => (t.error_405_title, t.error_405_text),
        s if s.is_server_error() => (t.error_500_title, t.error_500_text),
        _ => (t.error_other_title, t.error_other_text),
    }
}
