//! The reader's language: a cookie set by the language switch; Danish by default.
use axum::{
    Router,
    extract::{FromRequestParts, Path, Query},
    http::{HeaderMap, HeaderValue, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

use super::{AppState, error::AppError};
use crate::i18n::Lang;

const COOKIE: &str = "lang";

pub fn router() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch))
}

/// The language asked for in the `lang` cookie.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::from_code(value))
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(lang_of(&parts.headers))
    }
}

#[derive(Deserialize)]
struct Back {
    next: Option<String>,
}

/// `GET /lang/en?next=/intakes/x`: remembers the choice for a year and goes back.
async fn switch(Path(code): Path<String>, Query(back): Query<Back>) -> Result<Response, AppError> {
    let lang = Lang::from_code(&code).ok_or(AppError::NotFound)?;
    let target = back.next.filter(|p| is_local_path(p)).unwrap_or_else(|| "/".into());
    let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", lang.code());
    let mut response = Redirect::to(&target).into_response();
    let value = HeaderValue::from_str(&cookie).map_err(|e| AppError::Other(e.into()))?;
    response.headers_mut().insert(header::SET_COOKIE, value);
    Ok(response)
}

/// Only same-site relative paths are followed: `/x`, never `//host` or `/\host`.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_redirect_targets() {
        assert!(is_local_path("/intakes/x?y=1"));
        for bad in ["//evil.dk", "/\\evil.dk", "https://evil.dk", "evil", "/x\n"] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_cookie_picks_the_language() {
        let mut headers = HeaderMap::new();
        assert_eq!(lang_of(&headers), Lang::Da);
        headers.insert(header::COOKIE, HeaderValue::from_static("a=b; lang=en"));
        assert_eq!(lang_of(&headers), Lang::En);
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=xx"));
        assert_eq!(lang_of(&headers), Lang::Da);
    }
}
