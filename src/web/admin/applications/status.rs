//! A staff member moves an application to another status.
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::{
    super::{
        Staff,
        done::{self, Kind},
        intakes::status_label,
    },
    detail,
};
use crate::{
    domain::{application::Status, staff::Permission},
    flows::{self, review::StatusChanged},
    i18n::{Lang, fill},
    web::{AppState, error::AppResult, form::Form, notice::NoticePage, page::PageContext},
};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    reason: String,
}

/// What is wrong with a status change as sent.
enum Refused {
    UnknownStatus,
    /// A rejection needs a reason.
    NoReason,
}

impl StatusForm {
    /// The new status and the reason (trimmed, `None` when empty).
    fn parse(&self) -> Result<(Status, Option<&str>), Refused> {
        let reason = Some(self.reason.trim()).filter(|r| !r.is_empty());
        let to = self.status.parse::<Status>().map_err(|_| Refused::UnknownStatus)?;
        if to == Status::Rejected && reason.is_none() {
            return Err(Refused::NoReason);
        }
        Ok((to, reason))
    }
}

pub async fn change_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let s = lang.admin();
    let detail = flows::review::load(&state, &staff.actor(), &reference).await?;
    let (to, reason) = match form.parse() {
        Ok(change) => change,
        Err(refused) => {
            let error = match refused {
                Refused::UnknownStatus => s.err_status,
                Refused::NoReason => s.err_reason_required,
            };
            return detail::page(&state, lang, &staff, &detail).await?.with_status_error(error).refused();
        }
    };
    match flows::review::change_status(&state, &staff.actor(), &detail, to, reason).await? {
        StatusChanged::Done => {
            let back = format!("/admin/applications/{reference}");
            Ok(Redirect::to(&done::to(&back, Kind::Status, 1, "")).into_response())
        }
        StatusChanged::Conflict { from, to } => Ok(conflict(lang, &reference, from, to)),
    }
}

/// 409: the application cannot go from `from` to `to` (any more).
fn conflict(lang: Lang, reference: &str, from: Status, to: Status) -> Response {
    let s = lang.admin();
    let text = fill(s.conflict_status_text, &[&status_label(s, from), &status_label(s, to)]);
    NoticePage::new(PageContext::new(lang, "/admin"), s.conflict_status_title, vec![text])
        .link(format!("/admin/applications/{reference}"), s.back_to_application)
        .respond(StatusCode::CONFLICT)
}
