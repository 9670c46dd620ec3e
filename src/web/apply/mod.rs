//! The application journey: form, review, submit, drafts, receipt.
mod flow;
mod form_page;
pub mod labels;
use crate::mail::messages::apply as mails;
mod review_page;

use askama::Template;
use axum::{
    Router,
    body::Bytes,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

pub use self::{
    flow::{ConsentIds, consent_texts},
    labels::thousands,
};
use self::{
    flow::{Saved, Submitted},
    form_page::{FormPage, FormState},
    review_page::ReviewPage,
};
use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        application::{ApplicationFields, FieldError},
        intake::{Intake, IntakePhase},
        link::LinkKind,
        local_time::local_date,
    },
    i18n::{Lang, dates, fill},
    mail::outbox::Requester,
    storage, tokens,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/intakes/{slug}/apply", get(form).post(post))
        .route("/intakes/{slug}/apply/saved", get(saved))
        .route("/intakes/{slug}/apply/check-email", get(check_email))
        .route("/drafts/{token}", get(draft))
        .route("/applications/received/{key}", get(received))
}

async fn intake(state: &AppState, slug: &str) -> AppResult<Intake> {
    storage::intakes::by_slug(&state.pool, slug).await?.ok_or(AppError::NotFound)
}

/// Each form gets a submission key of its own; the rest of the page is the
/// same for everyone, so it is kept in the public cache with a slot for the key.
const KEY_SLOT: &str = "submission-key-slot-7Q4mZ";

async fn form(State(state): State<AppState>, Path(slug): Path<String>, lang: Lang) -> AppResult<Response> {
    let path = format!("/intakes/{slug}/apply");
    let cache = &state.public_cache;
    let now = state.clock.now();
    let page = match cache.get(lang, &path, now) {
        Some(page) => page,
        None => {
            let ticket = cache.ticket();
            let intake = intake(&state, &slug).await?;
            if let Some(closed) = closed_page(&state, lang, &intake, None) {
                return Ok(closed.respond(StatusCode::OK));
            }
            let state_of_form = FormState { intake: &intake, submission_key: KEY_SLOT, draft_token: "" };
            let page = FormPage::new(lang, &state_of_form, &ApplicationFields::default(), &[]).render()?;
            let page = Bytes::from(page);
            if matches!(intake.phase(now), IntakePhase::Open) {
                cache.put(&state.pool, ticket, lang, &path, page.clone(), now).await;
            }
            page
        }
    };
    let html = std::str::from_utf8(&page).map_err(|e| AppError::Other(e.into()))?;
    Ok(Html(html.replacen(KEY_SLOT, &tokens::generate(), 1)).into_response())
}

pub(crate) fn fields_of(form: &FormFields) -> ApplicationFields {
    ApplicationFields {
        full_name: form.get("full_name"),
        email: form.get("email"),
        phone: form.get("phone"),
        birth_date: form.get("birth_date"),
        municipality: form.get("municipality"),
        lived_experience: form.get("lived_experience"),
        treatment: form.all("treatment"),
        income_support: form.get("income_support"),
        caseworker_agreement: form.get("caseworker_agreement"),
        active_substance_abuse: form.get("active_substance_abuse"),
        dementia: form.get("dementia"),
        needs_interpreter: form.get("needs_interpreter"),
        motivation: form.get("motivation"),
        experience: form.get("experience"),
        distance: form.get("distance"),
        strengths_limits: form.get("strengths_limits"),
        expectations: form.get("expectations"),
        consent: form.get("consent"),
        keep_for_later: form.get("keep_for_later"),
    }
}

async fn post(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    lang: Lang,
    requester: Requester,
    form: FormFields,
) -> AppResult<Response> {
    let intake = intake(&state, &slug).await?;
    let fields = fields_of(&form);
    let (key, draft_token) = (form.get("submission_key"), form.get("draft_token"));
    let form_page = |errors: &[FieldError]| -> AppResult<Response> {
        let page = FormPage::new(
            lang,
            &FormState { intake: &intake, submission_key: &key, draft_token: &draft_token },
            &fields,
            errors,
        );
        let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        Ok((status, Html(page.render()?)).into_response())
    };
    if let Some(closed) = closed_page(&state, lang, &intake, Some(&fields)) {
        return Ok(closed.respond(StatusCode::CONFLICT));
    }
    match form.get("action").as_str() {
        "submit" => match flow::submit(&state, lang, &intake, &fields, &key, &draft_token, requester).await? {
            Submitted::Received { submission_key } => {
                Ok(Redirect::to(&format!("/applications/received/{submission_key}")).into_response())
            }
            Submitted::InProgress => {
                let a = lang.apply();
                Ok(NoticePage::new(PageContext::new(lang, "/"), a.in_progress_title, vec![a.in_progress_text.into()])
                    .respond(StatusCode::CONFLICT))
            }
            Submitted::KeptFirst => {
                let a = lang.apply();
                Ok(NoticePage::new(PageContext::new(lang, "/"), a.kept_first_title, vec![a.kept_first_text.into()])
                    .respond(StatusCode::CONFLICT))
            }
            Submitted::Invalid(errors) => form_page(&errors),
            Submitted::Closed => Ok(StatusCode::CONFLICT.into_response()),
        },
        "save_draft" => match flow::save_draft(&state, &intake, &fields, &draft_token, requester).await? {
            Saved::LinkSent => Ok(Redirect::to(&format!("/intakes/{slug}/apply/saved?sent=1")).into_response()),
            Saved::Updated => Ok(Redirect::to(&format!("/intakes/{slug}/apply/saved")).into_response()),
            Saved::Invalid(errors) => form_page(&errors),
            Saved::Closed => Ok(StatusCode::CONFLICT.into_response()),
        },
        "edit" => form_page(&[]),
        _ => match fields.parse(local_date(state.clock.now())) {
            Err(errors) => form_page(&errors),
            Ok(submission) => {
                let assessment = flow::assess(&intake, &submission.facts, state.clock.now())?;
                let keys = [("submission_key", key.as_str()), ("draft_token", draft_token.as_str())];
                let page = ReviewPage::new(lang, &slug, &fields, &submission, &assessment, keys);
                Ok(Html(page.render()?).into_response())
            }
        },
    }
}

/// The page for an intake that does not take applications now; with the
/// person's text kept on it when they had written something.
fn closed_page(
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
        let texts = [
            (a.motivation, &f.motivation),
            (a.experience, &f.experience),
            (a.distance, &f.distance),
            (a.strengths_limits, &f.strengths_limits),
            (a.expectations, &f.expectations),
        ];
        page.kept_text =
            texts.iter().filter(|(_, t)| !t.trim().is_empty()).map(|(l, t)| (l.to_string(), t.to_string())).collect();
        page.kept_hint = a.closed_copy_hint.to_string();
    }
    Some(page.link(format!("/intakes/{}", intake.slug), lang.strings().home_link))
}

#[derive(Deserialize)]
struct SavedQuery {
    sent: Option<String>,
}

async fn saved(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<SavedQuery>,
    lang: Lang,
) -> AppResult<Response> {
    let intake = intake(&state, &slug).await?;
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

async fn check_email(State(state): State<AppState>, Path(slug): Path<String>, lang: Lang) -> AppResult<Response> {
    intake(&state, &slug).await?;
    let a = lang.apply();
    let page = NoticePage::new(PageContext::new(lang, "/"), a.check_email_title, vec![a.check_email_text.into()]);
    Ok(page.respond(StatusCode::OK))
}

async fn draft(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = super::links::hash_of(&token)?;
    let Some(draft) = storage::drafts::by_token(&state.pool, &state.key, &hash).await? else {
        return super::links::missing(&state, lang, LinkKind::Draft, &hash).await;
    };
    let intake = intake(&state, &draft.intake_slug).await?;
    let a = lang.apply();
    if draft.expires_at <= state.clock.now() {
        let page =
            NoticePage::new(PageContext::new(lang, "/"), a.draft_expired_title, vec![a.draft_expired_text.into()])
                .link(format!("/intakes/{}/apply", intake.slug), a.start_again);
        return Ok(page.respond(StatusCode::GONE));
    }
    if let Some(closed) = closed_page(&state, lang, &intake, Some(&draft.fields)) {
        return Ok(closed.respond(StatusCode::OK));
    }
    let key = tokens::generate();
    let page = FormPage::new(
        lang,
        &FormState { intake: &intake, submission_key: &key, draft_token: &token },
        &draft.fields,
        &[],
    );
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "pages/apply/received.html")]
struct ReceivedPage {
    ctx: PageContext,
    a: &'static crate::i18n::ApplyStrings,
    reference: String,
    interview_days: Vec<String>,
}

async fn received(State(state): State<AppState>, Path(key): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = super::links::hash_of(&key)?;
    let Some((reference, intake_id)) = storage::applications::receipt_or_held(&state.pool, &hash).await? else {
        return super::links::missing(&state, lang, LinkKind::Receipt, &hash).await;
    };
    let intake = storage::intakes::by_id(&state.pool, intake_id).await?.ok_or(AppError::NotFound)?;
    let page = ReceivedPage {
        ctx: PageContext::new(lang, "/"),
        a: lang.apply(),
        reference,
        interview_days: intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
    };
    Ok(Html(page.render()?).into_response())
}
