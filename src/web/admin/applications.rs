//! Applications for staff: the filtered list, one application, notes,
//! status changes, verdicts and the CSV export. Every look and change is audited.
mod detail;
mod list;
mod notes;
mod status;
mod verify;

pub use detail::assessment_error;
pub use list::csv_cell;

use axum::{
    Router,
    routing::{get, post},
};

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/applications", get(list::list))
        .route("/admin/applications/export.csv", get(list::export))
        .route("/admin/applications/{reference}", get(detail::show))
        .route("/admin/applications/{reference}/notes", post(notes::add_note))
        .route("/admin/applications/{reference}/status", post(status::change_status))
        .route("/admin/applications/{reference}/verifications", post(verify::verify))
}
