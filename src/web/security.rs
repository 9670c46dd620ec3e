//! Security headers on every response, and the refusal of cross-origin POSTs.
use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower::ServiceBuilder;
use tower::layer::util::{Identity, Stack};
use tower_http::set_header::SetResponseHeaderLayer;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

type H = SetResponseHeaderLayer<HeaderValue>;

pub fn headers() -> ServiceBuilder<Stack<H, Stack<H, Stack<H, Stack<H, Stack<H, Identity>>>>>> {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    ServiceBuilder::new()
        .layer(set(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ))
}

/// A state-changing request is refused (403, nothing changed) when its
/// `Origin` is present and not ours, or when the browser says it is cross-site.
pub async fn refuse_cross_origin_posts(
    State(origin): State<Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let foreign_origin = headers
        .get(header::ORIGIN)
        .is_some_and(|o| o.as_bytes() != origin.as_bytes());
    let cross_site = headers
        .get("sec-fetch-site")
        .is_some_and(|s| s.as_bytes() == b"cross-site" || s.as_bytes() == b"same-site");
    let our_origin = headers
        .get(header::ORIGIN)
        .is_some_and(|o| o.as_bytes() == origin.as_bytes());
    if foreign_origin || (cross_site && !our_origin) {
        tracing::warn!("refused a cross-origin request");
        return StatusCode::FORBIDDEN.into_response();
    }
    next.run(request).await
}
