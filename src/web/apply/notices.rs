//! The short pages of the journey: closed intake (keeping what was written),
//! saved draft, check your e-mail, expired draft.
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;

use crate::{
    domain::{
        application::ApplicationFields,
        intake::{Intake, IntakePhase},
    },
    flows::apply as flow,
    i18n::{Lang, dates, fill},
    web::{AppState, error::AppResult, notice::NoticePage, page::PageContext},
};

/// The page for an intake that does not take applications now; with the
/// person's text kept on it when they had written something.
pub(super) fn closed_page(
    state: &AppState,
    lang: Lang,
    intake: &Intake,
    fields: Option<&ApplicationFields>,
) -> Option<NoticePage> {
    let a = lang.apply();
    let ctx = PageContext::new(lang, &format!("/intakes/{}/apply", intake.slug));
    let mut page = match intake.phase(state.clock.now()) {
        IntakePhase::Open => return None,
        IntakePhase::Closed => NoticePage::new(
            ctx,
            a.closed_title,
            vec![fill(a.closed_text, &[&dates::long_moment(lang, intake.deadline)])],
        ),
        IntakePhase::NotYetOpen => NoticePage::new(
            ctx,
            a.not_open_title,
            vec![fill(lang.strings().intake_not_open_yet, &[&dates::long_moment(lang, intake.opens_at)])],
        ),
    };
    if let Some(f) = fields {
        page.kept_text = kept_text(lang, f);
        page.kept_hint = a.closed_copy_hint.to_string();
    }
    Some(page.link(format!("/intakes/{}", intake.slug), lang.strings().home_link))
}

/// The reflective answers that were written, labelled, to copy elsewhere.
fn kept_text(lang: Lang, f: &ApplicationFields) -> Vec<(String, String)> {
    let a = lang.apply();
    let texts = [
        (a.motivation, &f.motivation),
        (a.experience, &f.experience),
        (a.distance, &f.distance),
        (a.strengths_limits, &f.strengths_limits),
        (a.expectations, &f.expectations),
    ];
    texts.iter().filter(|(_, t)| !t.trim().is_empty()).map(|(l, t)| (l.to_string(), t.to_string())).collect()
}

/// A draft past its lifetime: 410, with a way to start again.
pub(super) fn draft_expired(lang: Lang, intake: &Intake) -> Response {
    let a = lang.apply();
    NoticePage::new(PageContext::new(lang, "/"), a.draft_expired_title, vec![a.draft_expired_text.into()])
        .link(format!("/intakes/{}/apply", intake.slug), a.start_again)
        .respond(StatusCode::GONE)
}

#[derive(Deserialize)]
pub(super) struct SavedQuery {
    sent: Option<String>,
}

pub(super) async fn saved(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<SavedQuery>,
    lang: Lang,
) -> AppResult<Response> {
    let intake = flow::intake(&state, &slug).await?;
    let a = lang.apply();
    let first = if q.sent.is_some() { a.saved_sent } else { a.saved_again };
    let deadline = fill(a.saved_deadline, &[&dates::long_moment(lang, intake.deadline)]);
    let page = NoticePage::new(
        PageContext::new(lang, &format!("/intakes/{slug}/apply/saved")),
        a.saved_title,
        vec![first.into(), deadline],
    );
    Ok(page.respond(StatusCode::OK))
}

pub(super) async fn check_email(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    flow::intake(&state, &slug).await?;
    let a = lang.apply();
    let page = NoticePage::new(PageContext::new(lang, "/"), a.check_email_title, vec![a.check_email_text.into()]);
    Ok(page.respond(StatusCode::OK))
}
