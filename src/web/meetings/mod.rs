//! Info meetings for the public: the meeting's page and sign-up, the
//! confirmation link (GET shows a button, POST acts), and cancelling.
mod links;
mod pages;

use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use self::pages::{notice, show_page};
use super::{
    AppState,
    error::{AppError, AppResult},
    form::Form,
    public_cache,
};
use crate::{
    domain::info_meeting::{SignupFields, SignupProblem},
    flows::meetings::signup::SignedUp,
    i18n::Lang,
    storage::{self, info_meetings::MeetingPage},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/info-meetings/{id}", get(show))
        .route("/info-meetings/{id}/signups", post(sign_up))
        .route("/info-meetings/{id}/check-email", get(check_email))
        .route("/info-meetings/confirm/{token}", get(links::confirm_page).post(links::confirm))
        .route("/info-meetings/cancel/{token}", get(links::cancel_page).post(links::cancel))
        .route("/info-meetings/invited/{token}", get(links::invited_page).post(links::accept))
}

async fn meeting(state: &AppState, id: i64) -> AppResult<MeetingPage> {
    storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)
}

/// Kept in the public cache: sign-ups and changes to the meeting notify it,
/// so "seats left" is never stale.
async fn show(State(state): State<AppState>, Path(id): Path<i64>, lang: Lang) -> AppResult<Html<Bytes>> {
    let path = format!("/info-meetings/{id}");
    let body = public_cache::cached(&state, lang, &path, async |now| {
        let m = meeting(&state, id).await?;
        show_page(now, lang, &m, SignupFields::default(), Vec::new())
    })
    .await?;
    Ok(Html(body))
}

/// The sign-up form, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SignupForm {
    name: String,
    email: String,
    note: String,
}

impl SignupForm {
    fn fields(self) -> SignupFields {
        SignupFields { name: self.name, email: self.email, note: self.note }
    }
}

/// The form again, 422, with `errors` beside their fields.
fn refused(
    state: &AppState,
    lang: Lang,
    m: &MeetingPage,
    fields: SignupFields,
    errors: Vec<(&'static str, &'static str)>,
) -> AppResult<Response> {
    let html = show_page(state.now(), lang, m, fields, errors)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

fn problem_text(lang: Lang, p: SignupProblem) -> (&'static str, &'static str) {
    let t = lang.meeting();
    match p {
        SignupProblem::Name => ("name", t.err_name),
        SignupProblem::Email => ("email", t.err_email),
        SignupProblem::NoteTooLong => ("note", t.err_note),
    }
}

async fn sign_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    lang: Lang,
    requester: crate::mail::outbox::Requester,
    Form(form): Form<SignupForm>,
) -> AppResult<Response> {
    let m = meeting(&state, id).await?;
    let t = lang.meeting();
    let fields = form.fields();
    let signup = match fields.parse() {
        Ok(s) => s,
        Err(problems) => {
            let errors = problems.into_iter().map(|p| problem_text(lang, p)).collect();
            return refused(&state, lang, &m, fields, errors);
        }
    };
    match crate::flows::meetings::signup::sign_up(&state, &m, &signup, requester).await? {
        SignedUp::Done => Ok(Redirect::to(&format!("/info-meetings/{id}/check-email")).into_response()),
        // An address our relay cannot carry mail to is refused here, beside the field.
        SignedUp::Unreachable => refused(&state, lang, &m, fields, vec![("email", lang.apply().err_email_unreachable)]),
        SignedUp::Full => Ok(notice(lang, t.full_title, t.full_text.into(), Some(id)).respond(StatusCode::CONFLICT)),
        SignedUp::Closed => {
            Ok(notice(lang, t.closed_title, t.closed_text.into(), Some(id)).respond(StatusCode::CONFLICT))
        }
    }
}

async fn check_email(State(state): State<AppState>, Path(id): Path<i64>, lang: Lang) -> AppResult<Response> {
    meeting(&state, id).await?;
    let t = lang.meeting();
    Ok(notice(lang, t.check_email_title, t.check_email_text.into(), Some(id)).respond(StatusCode::OK))
}
