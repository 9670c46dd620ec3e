//! Security headers on every response, and the refusal of cross-origin POSTs.
use std::sync::Arc;

use axum::{
    extract::{MatchedPath, Request, State},
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// One year; browsers then refuse plain http to this host for that long.
const HSTS: &str = "max-age=31536000";

/// The only routes a browser or proxy may keep: pages the same for everyone.
/// Every other response says `no-store`. Deny by default: a new page showing
/// personal data (a token page, an admin page, an error on either) is safe
/// without anyone remembering to list it; a public page left off this list
/// only costs a re-fetch.
const CACHEABLE: [&str; 6] = ["/", "/intakes/{slug}", "/info-meetings/{id}", "/privacy", "/healthz", "/static/{file}"];

/// What the headers depend on, decided once from the settings.
#[derive(Clone, Copy)]
pub struct HeaderPolicy {
    /// The base URL is https: ask browsers never to use plain http here.
    pub hsts: bool,
}

/// Sets the security headers on every response, error pages included, and
/// `Cache-Control: no-store` on all but the public pages (see `CACHEABLE`).
pub async fn set_headers(State(policy): State<HeaderPolicy>, request: Request, next: Next) -> Response {
    let cacheable = matches!(*request.method(), Method::GET | Method::HEAD)
        && request.extensions().get::<MatchedPath>().is_some_and(|path| CACHEABLE.contains(&path.as_str()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !cacheable {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if policy.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

/// A state-changing request is refused (403, nothing changed) when the
/// browser says it comes from another site (`Sec-Fetch-Site: cross-site` or
/// `same-site`, whatever the `Origin`: the browser knows better than a header
/// a proxy may rewrite), or when its `Origin` is present and not ours.
///
/// One exception: under our `Referrer-Policy: no-referrer`, browsers send
/// `Origin: null` on their own form posts. `null` names no other site, so
/// it passes when the browser itself vouches `Sec-Fetch-Site: same-origin`.
pub async fn refuse_cross_origin_posts(State(origin): State<Arc<str>>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").map(|v| v.as_bytes());
    let other_site = matches!(fetch_site, Some(b"cross-site" | b"same-site"));
    let allowed = !other_site
        && match headers.get(header::ORIGIN).map(|v| v.as_bytes()) {
            Some(o) if o == origin.as_bytes() => true,
            Some(b"null") => fetch_site == Some(b"same-origin"),
            Some(_) => false,
            None => true,
        };
    if !allowed {
        // Logged and audited by `refusals::audit_forbidden`, as every 403 is.
        return StatusCode::FORBIDDEN.into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{Router, body::Body, http::Request as HttpRequest, middleware, routing::post};
    use tower::ServiceExt;

    async fn status(headers: &[(&str, &str)]) -> StatusCode {
        let app = Router::new()
            .route("/", post(|| async { "ok" }))
            .layer(middleware::from_fn_with_state(Arc::<str>::from("http://optag.test"), refuse_cross_origin_posts));
        let mut request = HttpRequest::post("/");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap().status()
    }

    #[tokio::test]
    async fn only_our_origin_or_the_browsers_same_origin_word_passes() {
        assert_eq!(status(&[("origin", "http://optag.test")]).await, StatusCode::OK);
        assert_eq!(status(&[]).await, StatusCode::OK);
        assert_eq!(status(&[("origin", "null"), ("sec-fetch-site", "same-origin")]).await, StatusCode::OK);
        assert_eq!(status(&[("origin", "http://evil.test")]).await, StatusCode::FORBIDDEN);
        assert_eq!(
            status(&[("origin", "http://evil.test"), ("sec-fetch-site", "same-origin")]).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(status(&[("origin", "null")]).await, StatusCode::FORBIDDEN);
        assert_eq!(status(&[("origin", "null"), ("sec-fetch-site", "cross-site")]).await, StatusCode::FORBIDDEN);
        assert_eq!(status(&[("sec-fetch-site", "cross-site")]).await, StatusCode::FORBIDDEN);
        assert_eq!(status(&[("sec-fetch-site", "same-site")]).await, StatusCode::FORBIDDEN);
        for site in ["cross-site", "same-site"] {
            let ours = [("origin", "http://optag.test"), ("sec-fetch-site", site)];
            assert_eq!(status(&ours).await, StatusCode::FORBIDDEN, "our Origin with {site}");
        }
    }
}
