//! The application journey: form, review, submit, drafts, receipt.
pub(crate) mod form_page;
pub mod labels;
mod messages;
mod notices;
mod review_page;
mod situation;

use askama::Template;
use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

pub use self::labels::thousands;
use self::{
    form_page::{FormPage, FormState},
    notices::closed_page,
    review_page::ReviewPage,
};
use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    links::LinkToken,
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        application::{ApplicationFields, FieldError, FormSpec},
        intake::{Intake, IntakePhase},
        link::LinkKind,
        local_time::local_date,
    },
    flows::apply::{self as flow, OpenDraft, Saved, Submitted, Submitting},
    i18n::{Lang, dates},
    mail::outbox::Requester,
    tokens,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/intakes/{slug}/apply", get(form).post(post))
        .route("/intakes/{slug}/apply/saved", get(notices::saved))
        .route("/intakes/{slug}/apply/check-email", get(notices::check_email))
        .route("/drafts/{token}", get(draft))
        .route("/applications/received/{token}", get(received))
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
            let intake = flow::intake(&state, &slug).await?;
            if let Some(closed) = closed_page(&state, lang, &intake, None) {
                return Ok(closed.respond(StatusCode::OK));
            }
            let spec = flow::form_spec(&intake)?;
            let state_of_form = FormState { intake: &intake, spec: &spec, submission_key: KEY_SLOT, draft_token: "" };
            let page = Bytes::from(FormPage::new(lang, &state_of_form, &ApplicationFields::default(), &[]).render()?);
            if matches!(intake.phase(now), IntakePhase::Open) {
                cache.put(&state.pool, ticket, lang, &path, page.clone(), now).await;
            }
            page
        }
    };
    let html = std::str::from_utf8(&page).map_err(|e| AppError::Other(e.into()))?;
    Ok(Html(html.replacen(KEY_SLOT, &tokens::generate(), 1)).into_response())
}

/// The form's hidden keys and the button pressed, beside its fields.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PostKeys {
    submission_key: String,
    draft_token: String,
    action: String,
}

/// A posted form, decoded once.
struct Posted {
    lang: Lang,
    intake: Intake,
    /// The facts the intake's form asks; `fields` holds no others.
    spec: FormSpec,
    fields: ApplicationFields,
    keys: PostKeys,
}

impl Posted {
    /// The form again, with what was typed and `errors` (422 when there are any).
    fn form_page(&self, errors: &[FieldError]) -> AppResult<Response> {
        let keys = &self.keys;
        let state = FormState {
            intake: &self.intake,
            spec: &self.spec,
            submission_key: &keys.submission_key,
            draft_token: &keys.draft_token,
        };
        let page = FormPage::new(self.lang, &state, &self.fields, errors);
        let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        Ok((status, Html(page.render()?)).into_response())
    }
}

async fn post(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    lang: Lang,
    requester: Requester,
    form: FormFields,
) -> AppResult<Response> {
    let intake = super::public_cache::cached_intake(&state, &slug).await?;
    let (Ok(fields), Ok(keys)) = (form.decode::<ApplicationFields>(), form.decode::<PostKeys>()) else {
        return Ok(StatusCode::UNPROCESSABLE_ENTITY.into_response());
    };
    let spec = flow::form_spec(&intake)?;
    let posted = Posted { lang, fields: fields.restricted_to(&spec), spec, intake, keys };
    if let Some(closed) = closed_page(&state, lang, &posted.intake, Some(&posted.fields)) {
        return Ok(closed.respond(StatusCode::CONFLICT));
    }
    match posted.keys.action.as_str() {
        "submit" => submit(&state, &posted, requester).await,
        "save_draft" => save_draft(&state, &posted, &slug, requester).await,
        "edit" => posted.form_page(&[]),
        _ => review(&state, &posted, &slug),
    }
}

async fn submit(state: &AppState, p: &Posted, requester: Requester) -> AppResult<Response> {
    let form = Submitting {
        lang: p.lang,
        intake: &p.intake,
        fields: &p.fields,
        submission_key: &p.keys.submission_key,
        draft_token: &p.keys.draft_token,
        requester,
    };
    let a = p.lang.apply();
    let conflict = |title: &str, text: &str| {
        Ok(NoticePage::new(PageContext::new(p.lang, "/"), title, vec![text.into()]).respond(StatusCode::CONFLICT))
    };
    match flow::submit(state, &form).await? {
        Submitted::Received { submission_key } => {
            Ok(Redirect::to(&format!("/applications/received/{submission_key}")).into_response())
        }
        Submitted::InProgress => conflict(a.in_progress_title, a.in_progress_text),
        Submitted::KeptFirst => conflict(a.kept_first_title, a.kept_first_text),
        Submitted::Invalid(errors) => p.form_page(&errors),
        Submitted::Closed => Ok(StatusCode::CONFLICT.into_response()),
    }
}

async fn save_draft(state: &AppState, p: &Posted, slug: &str, requester: Requester) -> AppResult<Response> {
    match flow::save_draft(state, &p.intake, &p.fields, &p.keys.draft_token, requester).await? {
        Saved::LinkSent => Ok(Redirect::to(&format!("/intakes/{slug}/apply/saved?sent=1")).into_response()),
        Saved::Updated => Ok(Redirect::to(&format!("/intakes/{slug}/apply/saved")).into_response()),
        Saved::Invalid(errors) => p.form_page(&errors),
        Saved::Closed => Ok(StatusCode::CONFLICT.into_response()),
    }
}

/// "Check your answers", or the form again with its problems.
fn review(state: &AppState, p: &Posted, slug: &str) -> AppResult<Response> {
    match p.fields.parse(&p.spec, local_date(state.clock.now())) {
        Err(errors) => p.form_page(&errors),
        Ok(submission) => {
            let assessment = flow::assess(&p.intake, &submission.facts, state.clock.now())?;
            let keys =
                [("submission_key", p.keys.submission_key.as_str()), ("draft_token", p.keys.draft_token.as_str())];
            let page = ReviewPage::new(p.lang, slug, &p.fields, &submission, &assessment, keys, &p.spec);
            Ok(Html(page.render()?).into_response())
        }
    }
}

async fn draft(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = super::links::hash_of(&token)?;
    let (draft, intake) = match flow::open_draft(&state, &hash).await? {
        OpenDraft::Unknown => return super::links::missing(&state, lang, LinkKind::Draft, &hash).await,
        OpenDraft::Expired(intake) => return Ok(notices::draft_expired(lang, &intake)),
        OpenDraft::Live(draft, intake) => (draft, intake),
    };
    if let Some(closed) = closed_page(&state, lang, &intake, Some(&draft.fields)) {
        return Ok(closed.respond(StatusCode::OK));
    }
    let key = tokens::generate();
    let spec = flow::form_spec(&intake)?;
    let page = FormPage::new(
        lang,
        &FormState { intake: &intake, spec: &spec, submission_key: &key, draft_token: &token },
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

async fn received(State(state): State<AppState>, LinkToken { hash }: LinkToken, lang: Lang) -> AppResult<Response> {
    let Some(receipt) = flow::receipt(&state, &hash).await? else {
        return super::links::missing(&state, lang, LinkKind::Receipt, &hash).await;
    };
    let page = ReceivedPage {
        ctx: PageContext::new(lang, "/"),
        a: lang.apply(),
        reference: receipt.reference,
        interview_days: receipt.intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
    };
    Ok(Html(page.render()?).into_response())
}
