//! A coordinator's verdict on a criterion the pre-check left `to verify`.
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::{
    super::{
        Staff,
        done::{self, Kind},
    },
    detail,
};
use crate::{
    domain::staff::Permission,
    flows::{
        self,
        review::{Problem, Verdict, Verified},
    },
    i18n::Lang,
    web::{AppState, error::AppResult, form::Form, notice::NoticePage, page::PageContext},
};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct VerdictForm {
    criterion: String,
    outcome: String,
    note: String,
}

pub async fn verify(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    Form(form): Form<VerdictForm>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let c = lang.coordinator();
    let d = flows::review::load(&state, &staff.actor(), &reference).await?;
    let verdict = Verdict { criterion: &form.criterion, outcome: &form.outcome, note: form.note.trim() };
    let problem = match flows::review::verify(&state, &staff.actor(), &d, &verdict).await? {
        Verified::Done => {
            let back = format!("/admin/applications/{reference}");
            return Ok(Redirect::to(&done::to(&back, Kind::Verified, 1, "eligibility")).into_response());
        }
        Verified::Conflict => return Ok(conflict(lang, &reference)),
        Verified::Invalid(Problem::Outcome) => c.err_verify_outcome,
        Verified::Invalid(Problem::NoteTooLong) => c.err_verify_note,
    };
    detail::page(&state, lang, &staff, &d).await?.with_verdict_error(&form.criterion, problem).refused()
}

/// 409: the criterion is no longer (or never was) to verify.
fn conflict(lang: Lang, reference: &str) -> Response {
    let c = lang.coordinator();
    NoticePage::new(PageContext::new(lang, "/admin"), c.verify_conflict_title, vec![c.verify_conflict_text.to_string()])
        .link(format!("/admin/applications/{reference}#eligibility"), lang.admin().back_to_application)
        .respond(StatusCode::CONFLICT)
}
