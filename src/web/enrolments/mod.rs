//! Enrolment by an employer or a caseworker (http-contract.md, Version 2):
//! the enrol form of an intake, the enroller's confirmation link and the
//! person's link. Every mailed link's GET shows a page and changes nothing.
//! An intake whose programme takes no enrolments (`EnrollerKind::for_profile`)
//! answers 404 at `/intakes/{slug}/enrol`.
mod pages;

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

use self::pages::{answer_page, form_page};
use super::{
    AppState,
    error::{AppError, AppResult},
    form::Form,
    links::{self as link, LinkToken},
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        enrolment::{Decision, EnrollerKind, EnrolmentFields, FieldError, PeerRole, Problem},
        intake::{Intake, IntakePhase},
        link::{LinkKind, Retired},
    },
    flows::enrolments::{self as flow, Answered, ConfirmState, Invitation, Started},
    i18n::{Lang, fill},
    mail::outbox::Requester,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/intakes/{slug}/enrol", get(form).post(enrol))
        .route("/intakes/{slug}/enrol/check-email", get(check_email))
        .route("/enrolments/confirm/{token}", get(confirm_page).post(confirm))
        .route("/enrolments/{token}", get(invitation).post(answer))
}

/// The intake at `slug` and the kind of enroller it takes; 404 when it takes none.
async fn intake(state: &AppState, slug: &str) -> AppResult<(Intake, EnrollerKind)> {
    let intake = crate::flows::apply::intake(state, slug).await?;
    let kind = EnrollerKind::for_profile(&intake.programme.profile).ok_or(AppError::NotFound)?;
    Ok((intake, kind))
}

/// The words for `role` on Region H's course.
pub(crate) fn role_label(lang: Lang, role: PeerRole) -> &'static str {
    let t = lang.enrolment();
    match role {
        PeerRole::PaidPeer => t.role_paid_peer,
        PeerRole::VolunteerPeer => t.role_volunteer_peer,
        PeerRole::Colleague => t.role_colleague,
    }
}

fn notice(lang: Lang, title: &str, text: &str) -> NoticePage {
    NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()])
        .link("/".into(), lang.links().front_page_link)
}

async fn form(State(state): State<AppState>, Path(slug): Path<String>, lang: Lang) -> AppResult<Response> {
    let (intake, kind) = intake(&state, &slug).await?;
    if intake.phase(state.now()) != IntakePhase::Open {
        let t = lang.enrolment();
        return Ok(notice(lang, t.closed_title, t.closed_text).respond(StatusCode::OK));
    }
    form_page(lang, &intake, kind, &EnrolmentFields::default(), &[])
}

async fn enrol(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    lang: Lang,
    requester: Requester,
    Form(fields): Form<EnrolmentFields>,
) -> AppResult<Response> {
    let (intake, kind) = intake(&state, &slug).await?;
    let enrolment = match fields.parse(kind) {
        Ok(e) => e,
        Err(errors) => return form_page(lang, &intake, kind, &fields, &errors),
    };
    match flow::start(&state, &intake, &enrolment, requester).await? {
        Started::Done => Ok(Redirect::to(&format!("/intakes/{slug}/enrol/check-email")).into_response()),
        Started::Unreachable(field) => {
            form_page(lang, &intake, kind, &fields, &[FieldError { field, problem: Problem::Unreachable }])
        }
        Started::Closed => {
            let t = lang.enrolment();
            Ok(notice(lang, t.closed_title, t.closed_text).respond(StatusCode::CONFLICT))
        }
    }
}

async fn check_email(State(state): State<AppState>, Path(slug): Path<String>, lang: Lang) -> AppResult<Response> {
    intake(&state, &slug).await?;
    let t = lang.enrolment();
    Ok(notice(lang, t.check_title, t.check_text).respond(StatusCode::OK))
}

/// The enroller's page for `state` of their link (all but `Ask`).
fn confirm_answer(lang: Lang, state: ConfirmState) -> Response {
    let t = lang.enrolment();
    match state {
        ConfirmState::Expired => notice(lang, t.expired_title, t.expired_text).respond(StatusCode::GONE),
        ConfirmState::Answered => link::gone(lang, LinkKind::EnrolmentConfirm, Retired::Used),
        ConfirmState::Confirmed | ConfirmState::Ask(_) => {
            notice(lang, t.confirmed_title, t.confirmed_text).respond(StatusCode::OK)
        }
    }
}

/// One button; changes nothing.
async fn confirm_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let t = lang.enrolment();
    match flow::confirm_state(&state, &hash).await? {
        None => link::missing(&state, lang, LinkKind::EnrolmentConfirm, &hash).await,
        Some(ConfirmState::Ask(intake)) => {
            let text = fill(t.confirm_text, &[&intake.programme.name]);
            let action = format!("/enrolments/confirm/{token}");
            crate::web::button_page::button_page(lang, t.confirm_title, text, action, t.confirm_button)
        }
        Some(other) => Ok(confirm_answer(lang, other)),
    }
}

async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
    requester: Requester,
) -> AppResult<Response> {
    match flow::confirm(&state, &hash, requester).await? {
        None => link::missing(&state, lang, LinkKind::EnrolmentConfirm, &hash).await,
        Some(ConfirmState::Confirmed) => Ok(Redirect::to(&format!("/enrolments/confirm/{token}")).into_response()),
        Some(other) => Ok(confirm_answer(lang, other)),
    }
}

/// The person's page for a link that cannot be answered now.
fn not_open(lang: Lang, invitation: Invitation) -> Response {
    let t = lang.enrolment();
    match invitation {
        Invitation::Closed(_) => notice(lang, t.closed_title, t.closed_text).respond(StatusCode::CONFLICT),
        Invitation::Expired => link::gone(lang, LinkKind::Enrolment, Retired::Expired),
        Invitation::Answered | Invitation::Open(..) => link::gone(lang, LinkKind::Enrolment, Retired::Used),
    }
}

async fn invitation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    match flow::invitation(&state, &hash).await? {
        None => link::missing(&state, lang, LinkKind::Enrolment, &hash).await,
        Some(Invitation::Open(row, intake)) => answer_page(lang, &token, &row, &intake, None),
        Some(Invitation::Closed(_)) => {
            let t = lang.enrolment();
            Ok(notice(lang, t.closed_title, t.closed_text).respond(StatusCode::OK))
        }
        Some(other) => Ok(not_open(lang, other)),
    }
}

/// The person's answer, as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AnswerForm {
    decision: String,
}

async fn answer(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let Some(decision) = Decision::parse(&form.decision) else {
        return match flow::invitation(&state, &hash).await? {
            None => link::missing(&state, lang, LinkKind::Enrolment, &hash).await,
            Some(Invitation::Open(row, intake)) => {
                answer_page(lang, &token, &row, &intake, Some(lang.enrolment().err_decision))
            }
            Some(other) => Ok(not_open(lang, other)),
        };
    };
    match flow::answer(&state, &hash, decision).await? {
        None => link::missing(&state, lang, LinkKind::Enrolment, &hash).await,
        Some(Answered::Accepted { draft_token }) => Ok(Redirect::to(&format!("/drafts/{draft_token}")).into_response()),
        Some(Answered::Declined) => Ok(Redirect::to("/done/enrolment-declined").into_response()),
        Some(Answered::Not(other)) => Ok(not_open(lang, other)),
    }
}
