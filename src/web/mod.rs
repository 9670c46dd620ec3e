//! The HTTP edge: merges the feature routers and adds the layers every request passes.
pub(crate) mod admin;
pub mod apply;
mod assets;
mod button_page;
pub mod client;
pub(crate) mod cohorts;
pub(crate) mod enrolments;
pub mod error;
pub mod form;
#[cfg(test)]
mod form_fuzz;
mod health;
mod input;
mod intake_info;
mod interviews;
pub mod lang;
pub mod links;
pub(crate) mod meetings;
pub mod notice;
pub(crate) mod notify;
pub(crate) mod own_page;
pub mod page;
mod public;
pub mod public_cache;
mod refusals;
mod requester;
mod security;
pub mod serve;
pub(crate) mod support;
pub(crate) mod support_lines;

use std::{sync::Arc, time::Duration};

use axum::{Router, extract::MatchedPath, http::Request, middleware};
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

/// Everything a handler may need; cheap to clone. Derefs to the use cases'
/// [`Context`](crate::flows::Context), so `state.pool` and a call
/// `flows::x::y(&state, …)` both read naturally.
#[derive(Clone)]
pub struct AppState {
    pub flows: crate::flows::Context,
    /// The rendered public pages, while nothing they show has changed.
    pub public_cache: Arc<public_cache::PublicCache>,
}

impl std::ops::Deref for AppState {
    type Target = crate::flows::Context;

    fn deref(&self) -> &Self::Target {
        &self.flows
    }
}

pub const BODY_LIMIT: usize = 64 * 1024;
/// The application form: five answers of 5000 characters, percent-encoded.
pub const FORM_BODY_LIMIT: usize = 256 * 1024;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub fn router(state: AppState) -> Router {
    // Innermost first: each `layer` call wraps everything before it.
    let limits = |bytes| {
        ServiceBuilder::new()
            .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
            .layer(RequestBodyLimitLayer::new(bytes))
    };
    let routes = Router::new()
        .merge(public::router())
        .merge(health::router())
        .merge(lang::router())
        .merge(assets::router())
        .merge(admin::router(state.clone()))
        .merge(interviews::router())
        .merge(meetings::router())
        .merge(notify::router())
        .merge(cohorts::router())
        .merge(enrolments::router())
        .merge(own_page::router())
        .merge(support::router())
        .merge(links::router())
        .fallback(error::not_found)
        .layer(limits(BODY_LIMIT))
        .merge(apply::router().layer(limits(FORM_BODY_LIMIT)));
    with_layers(routes, state)
}

/// Wraps `routes` in the layers every request passes: request id, trace,
/// security headers, compression, error pages, panics caught, origin check. Public so a
/// test can put a handler of its own behind exactly these layers.
pub fn with_layers(routes: Router<AppState>, state: AppState) -> Router {
    let origin = state.settings.origin();
    let policy = security::HeaderPolicy { hsts: state.settings.base_url.scheme() == "https" };
    let outer = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn_with_state(policy, security::set_headers))
        .layer(CompressionLayer::new().gzip(true));
    routes
        .layer(middleware::from_fn_with_state(state.public_cache.clone(), public_cache::forget_after_writes))
        .layer(middleware::from_fn_with_state(Arc::<str>::from(origin), security::refuse_cross_origin_posts))
        .layer(middleware::from_fn(input::refuse_control_characters))
        // Inside the error pages, so a panic becomes the same kind 500 page as any error.
        .layer(CatchPanicLayer::custom(error::panicked))
        .layer(middleware::from_fn_with_state(state.clone(), refusals::audit_forbidden))
        .layer(middleware::from_fn(error::render_error_pages))
        // Outside the error pages, so they too show the school's contact.
        .layer(middleware::from_fn_with_state(state.clone(), page::with_organisation))
        .layer(outer)
        .with_state(state)
}

/// Spans carry the request id and the route pattern, never the real path:
/// paths hold tokens.
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let route = request.extensions().get::<MatchedPath>().map(MatchedPath::as_str).unwrap_or("-");
    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", id, method = request.method().as_str(), route)
}
