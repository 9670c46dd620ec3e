use axum::{Extension, Router, extract::State, http::StatusCode, routing::get};

use super::{AppState, error::KeepBody};

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz))
}

/// 200 `ok` when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> (StatusCode, Extension<KeepBody>, &'static str) {
    match crate::storage::health::ping(&state.pool).await {
        Ok(_) => (StatusCode::OK, Extension(KeepBody), "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, Extension(KeepBody), "database unavailable")
        }
    }
}
