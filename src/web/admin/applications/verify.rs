//! Closing a criterion the pre-check left `to verify`: a coordinator's
//! verdict (for `residence`: the home municipality approved and pays), with
//! who, when and a note, all sealed but who and when.
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde_json::json;

use super::{super::Staff, detail};
use crate::{
    domain::{
        eligibility::verification::{Verdict, settle},
        staff::Permission,
    },
    i18n::Lang,
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        notice::NoticePage,
        page::PageContext,
    },
};

const NOTE_MAX: usize = 2000;

pub async fn verify(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let c = lang.coordinator();
    let d = detail::load(&state, &staff, &reference).await?;
    let criterion = form.get("criterion");
    let note = form.get("note");
    let note = note.trim();
    let health = storage::review::health(&state.pool, &state.key, d.id).await?;
    let mut tx = state.pool.begin().await?;
    storage::review::lock(&mut tx, &reference).await?.ok_or(AppError::NotFound)?;
    let mut verdicts: Vec<(String, Verdict)> = storage::verifications::of_application(&mut tx, &state.key, d.id)
        .await?
        .into_iter()
        .map(|v| (v.criterion, v.verdict))
        .collect();
    let stored = health.as_ref().map(|h| stored_outcomes(&h.eligibility)).unwrap_or_default();
    if settle(&stored, &verdicts).may_close(&criterion).is_err() {
        tx.rollback().await?;
        let page = NoticePage::new(
            PageContext::new(lang, "/admin"),
            c.verify_conflict_title,
            vec![c.verify_conflict_text.to_string()],
        )
        .link(format!("/admin/applications/{reference}#eligibility"), lang.admin().back_to_application);
        return Ok(page.respond(StatusCode::CONFLICT));
    }
    let verdict = match form.get("outcome").parse::<Verdict>() {
        Ok(_) if note.chars().count() > NOTE_MAX => Err(c.err_verify_note),
        Ok(verdict) => Ok(verdict),
        Err(_) => Err(c.err_verify_outcome),
    };
    let verdict = match verdict {
        Ok(verdict) => verdict,
        Err(message) => {
            tx.rollback().await?;
            return detail::verification_error(&state, &staff, &d, lang, &criterion, message).await;
        }
    };
    let now = state.clock.now();
    let id = storage::verifications::record(&mut tx, &state.key, d.id, staff.user_id, &criterion, verdict, note, now)
        .await?;
    verdicts.push((criterion, verdict));
    let settled = settle(&stored, &verdicts);
    storage::verifications::set_open(&mut tx, d.id, settled.summary, settled.open).await?;
    tx.commit().await?;
    // The criterion and the note stay in the sealed record; the log points at it.
    staff.audit(&state, "eligibility_verified", Some(d.id), json!({ "verification_id": id })).await?;
    Ok(Redirect::to(&format!("/admin/applications/{reference}#eligibility")).into_response())
}

/// (criterion, outcome) of the breakdown stored at submission.
pub(super) fn stored_outcomes(snapshot: &serde_json::Value) -> Vec<(String, String)> {
    let field = |r: &serde_json::Value, name: &str| r.get(name).and_then(|v| v.as_str()).unwrap_or("").to_string();
    snapshot
        .get("results")
        .and_then(|r| r.as_array())
        .map(|results| results.iter().map(|r| (field(r, "criterion"), field(r, "outcome"))).collect())
        .unwrap_or_default()
}
