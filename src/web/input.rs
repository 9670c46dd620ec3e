//! Control characters in a path or query string, refused before any handler
//! sees them (form bodies are cleaned in `form::FormFields`): a NUL would
//! otherwise reach PostgreSQL, which answers with an error.
use axum::{extract::Request, http::StatusCode, middleware::Next, response::Response};

use crate::domain::text::has_forbidden_control;

/// 404 for such a path (nothing is named like that), 422 for such a query
/// parameter (a text field of a GET form); both as the kind error page.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let path = percent_encoding::percent_decode_str(uri.path()).decode_utf8();
    if path.is_ok_and(|p| has_forbidden_control(&p)) {
        return axum::response::IntoResponse::into_response(StatusCode::NOT_FOUND);
    }
    if let Some(query) = uri.query() {
        let bad = url::form_urlencoded::parse(query.as_bytes())
            .any(|(k, v)| has_forbidden_control(&k) || has_forbidden_control(&v));
        if bad {
            return axum::response::IntoResponse::into_response(StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    next.run(request).await
}
