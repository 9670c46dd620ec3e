//! Every refused request (403: a role without the permission, a cross-site
//! POST) leaves an audit row and a warning, whoever refused it: who (when a
//! session is known), the method, the path and when. Never the body or the
//! query string, and never the secret part of a link.
use axum::{
    extract::{MatchedPath, Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};
use serde_json::json;

use super::{AppState, admin::request_id};
use crate::{
    auth::session,
    storage::{self, audit::Event},
    tokens,
};

/// Keeps only cheap handles (reference-counted) before the request runs;
/// the path, cookie and id are read only for a 403, not on every request.
pub async fn audit_forbidden(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let uri = request.uri().clone();
    // Only the headers read below; no allocation when there is no cookie.
    let kept: Vec<(HeaderName, HeaderValue)> = [header::COOKIE, HeaderName::from_static("x-request-id")]
        .into_iter()
        .flat_map(|name| request.headers().get_all(&name).iter().map(move |v| (name.clone(), v.clone())))
        .collect();
    let response = next.run(request).await;
    if response.status() != StatusCode::FORBIDDEN {
        return response;
    }
    let mut headers = HeaderMap::new();
    for (name, value) in kept {
        headers.append(name, value);
    }
    let route = matched.as_ref().map(MatchedPath::as_str);
    let path = audit_path(uri.path(), route);
    let cookie = session::read_cookie(&headers, state.settings.cookie_secure);
    let rid = request_id(&headers);
    // Route templates only in the log: real paths hold tokens.
    tracing::warn!(%method, route = route.unwrap_or("-"), "request refused");
    let actor = match cookie {
        Some(id) => user_of_session(&state, &id).await,
        None => None,
    };
    let event = Event {
        at: state.clock.now(),
        actor_id: actor,
        action: "forbidden",
        application_id: None,
        detail: json!({ "method": method.as_str(), "path": path }),
        request_id: rid.as_deref(),
    };
    if let Err(err) = storage::audit::record_now(&state.pool, &event).await {
        tracing::error!(error = %err, "could not audit a refused request");
    }
    response
}

/// The staff user of session `id`, if it is live; a lookup that fails is logged.
async fn user_of_session(state: &AppState, id: &str) -> Option<i64> {
    match storage::sessions::load(&state.pool, &tokens::hash(id)).await {
        Ok(row) => row.map(|r| r.user_id),
        Err(err) => {
            tracing::error!(error = %err, "could not look up the session of a refused request");
            None
        }
    }
}

/// The path as it was asked for, except that a segment matched by a
/// parameter holding a link secret (`{token}`, `{cancel_token}`, `{key}`,
/// `{submission_key}`, `{feed}`) is kept as its placeholder.
fn audit_path(path: &str, route: Option<&str>) -> String {
    const LIMIT: usize = 200;
    let Some(route) = route else {
        return path.chars().take(LIMIT).collect();
    };
    let mut out = Vec::new();
    let mut real = path.split('/');
    for pattern in route.split('/') {
        if pattern.starts_with("{*") {
            out.extend(real.by_ref().map(str::to_string));
            break;
        }
        let segment = real.next().unwrap_or_default();
        let secret = pattern.starts_with('{') && ["token", "key", "feed"].iter().any(|s| pattern.contains(s));
        out.push(if secret { pattern.to_string() } else { segment.to_string() });
    }
    out.join("/").chars().take(LIMIT).collect()
}

#[cfg(test)]
mod tests {
    use super::audit_path;

    #[test]
    fn link_secrets_stay_placeholders_and_everything_else_is_kept() {
        assert_eq!(audit_path("/admin/users", Some("/admin/users")), "/admin/users");
        let application = Some("/admin/applications/{reference}");
        assert_eq!(audit_path("/admin/applications/2026-0001", application), "/admin/applications/2026-0001");
        assert_eq!(audit_path("/offers/abc123secret", Some("/offers/{token}")), "/offers/{token}");
        let own = Some("/my-application/{token}/{action}");
        assert_eq!(audit_path("/my-application/abc123/withdraw", own), "/my-application/{token}/withdraw");
        assert_eq!(audit_path("/feeds/xyz", Some("/feeds/{feed}")), "/feeds/{feed}");
        assert_eq!(audit_path("/admin/nothing/here", Some("/admin/{*rest}")), "/admin/nothing/here");
        assert_eq!(audit_path("/no/such/page", None), "/no/such/page");
    }
}
