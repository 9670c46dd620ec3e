//! Static files, compiled into the binary and served with long cache lifetimes
//! under a versioned URL.
use std::sync::LazyLock;

use axum::{
    Router,
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};
use sha2::{Digest, Sha256};

use super::{AppState, error::AppError};

const CSS: &str = include_str!("../../static/style.css");

static CSS_HREF: LazyLock<String> = LazyLock::new(|| {
    let digest = Sha256::digest(CSS.as_bytes());
    format!("/static/style.css?v={}", &hex::encode(digest)[..12])
});

pub fn css_href() -> &'static str {
    CSS_HREF.as_str()
}

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{file}", get(serve))
}

async fn serve(Path(file): Path<String>) -> Result<Response, AppError> {
    let (body, content_type) = match file.as_str() {
        "style.css" => (CSS, "text/css; charset=utf-8"),
        _ => return Err(AppError::NotFound),
    };
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], body)
        .into_response())
}
