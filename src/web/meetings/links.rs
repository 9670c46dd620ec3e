//! The links in the mails: confirming a sign-up, cancelling it, and a
//! personal invitation. GET shows a button (mail scanners open links); POST acts.
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{
    super::button_page::button_page,
    meeting,
    pages::{invited_page as invitation_form, notice},
};
use crate::{
    domain::{
        application::values::PersonName,
        info_meeting::SignupStatus,
        link::{LinkKind, Retired},
    },
    flows::meetings::{Answer, Outcome, links::Cancelled, signup::Acceptance},
    i18n::{Lang, dates},
    storage,
    web::{
        AppState,
        error::AppResult,
        form::Form,
        links::{self as link, LinkToken},
    },
};

/// The notice for what a confirmation or an invitation came to (not `Done`).
fn answered(lang: Lang, answer: Answer) -> Response {
    let (t, id) = (lang.meeting(), Some(answer.meeting_id));
    match answer.outcome {
        Outcome::Done | Outcome::AlreadyDone => {
            notice(lang, t.confirmed_title, t.confirmed_text.into(), id).respond(StatusCode::OK)
        }
        Outcome::Expired => notice(lang, t.expired_title, t.expired_text.into(), id).respond(StatusCode::GONE),
        Outcome::Full => notice(lang, t.full_title, t.full_text.into(), id).respond(StatusCode::CONFLICT),
        Outcome::Closed => notice(lang, t.closed_title, t.closed_text.into(), id).respond(StatusCode::CONFLICT),
    }
}

/// Shows the button; changes nothing.
pub async fn confirm_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let t = lang.meeting();
    let mut conn = state.pool.acquire().await?;
    let Some(row) = storage::info_meetings::signup_by_confirm_token(&mut conn, &hash).await? else {
        return link::missing(&state, lang, LinkKind::MeetingConfirm, &hash).await;
    };
    drop(conn);
    let back = Some(row.meeting_id);
    match row.status {
        SignupStatus::Cancelled => return Ok(link::gone(lang, LinkKind::MeetingConfirm, Retired::Used)),
        SignupStatus::Confirmed => {
            return Ok(notice(lang, t.confirmed_title, t.confirmed_text.into(), back).respond(StatusCode::OK));
        }
        SignupStatus::Pending if row.confirm_expires_at <= state.now() => {
            return Ok(notice(lang, t.expired_title, t.expired_text.into(), back).respond(StatusCode::GONE));
        }
        SignupStatus::Pending => {}
    }
    let m = meeting(&state, row.meeting_id).await?;
    let text = crate::i18n::fill(t.confirm_text, &[&dates::long_span(lang, m.starts_at, m.ends_at)]);
    button_page(lang, t.confirm_title, text, format!("/info-meetings/confirm/{token}"), t.confirm_button)
}

pub async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let Some(answer) = crate::flows::meetings::links::confirm(&state, &hash).await? else {
        return link::missing(&state, lang, LinkKind::MeetingConfirm, &hash).await;
    };
    Ok(match answer.outcome {
        Outcome::Done | Outcome::AlreadyDone => {
            Redirect::to(&format!("/info-meetings/confirm/{token}")).into_response()
        }
        _ => answered(lang, answer),
    })
}

pub async fn cancel_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let t = lang.meeting();
    let mut conn = state.pool.acquire().await?;
    let Some(row) = storage::info_meetings::signup_by_cancel_token(&mut conn, &hash).await? else {
        return link::missing(&state, lang, LinkKind::MeetingCancel, &hash).await;
    };
    drop(conn);
    if row.status != SignupStatus::Confirmed {
        return Ok(link::gone(lang, LinkKind::MeetingCancel, Retired::Used));
    }
    let m = meeting(&state, row.meeting_id).await?;
    let text = crate::i18n::fill(t.cancel_text, &[&dates::long_span(lang, m.starts_at, m.ends_at)]);
    button_page(lang, t.cancel_title, text, format!("/info-meetings/cancel/{token}"), t.cancel_button)
}

pub async fn cancel(State(state): State<AppState>, LinkToken { hash }: LinkToken, lang: Lang) -> AppResult<Response> {
    match crate::flows::meetings::links::cancel(&state, &hash).await? {
        Some(Cancelled::Done) => Ok(Redirect::to("/done/meeting-cancelled").into_response()),
        Some(Cancelled::NotConfirmed) => Ok(link::gone(lang, LinkKind::MeetingCancel, Retired::Used)),
        None => link::missing(&state, lang, LinkKind::MeetingCancel, &hash).await,
    }
}

pub async fn invited_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
) -> AppResult<Response> {
    let mut conn = state.pool.acquire().await?;
    let Some(storage::interest::Invitation { meeting_id, email, used }) =
        storage::interest::invitation(&mut conn, &hash).await?
    else {
        return link::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await;
    };
    drop(conn);
    if used {
        return Ok(link::gone(lang, LinkKind::MeetingInvitation, Retired::Used));
    }
    let m = meeting(&state, meeting_id).await?;
    invitation_form(lang, &token, email, Some(&dates::long_span(lang, m.starts_at, m.ends_at)))
}

/// The invitation's form, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AcceptForm {
    name: String,
    note: String,
}

impl AcceptForm {
    /// The name, if it is one, and the note (trimmed, at most 1000 characters).
    fn parse(&self) -> (Option<PersonName>, Option<String>) {
        let note = Some(self.note.trim().chars().take(1000).collect::<String>()).filter(|n| !n.is_empty());
        (PersonName::parse(&self.name), note)
    }
}

pub async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
    LinkToken { hash }: LinkToken,
    lang: Lang,
    Form(form): Form<AcceptForm>,
) -> AppResult<Response> {
    let (name, note) = form.parse();
    let Some(name) = name else {
        let mut conn = state.pool.acquire().await?;
        let Some(storage::interest::Invitation { email, .. }) = storage::interest::invitation(&mut conn, &hash).await?
        else {
            return link::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await;
        };
        return invitation_form(lang, &token, email, None);
    };
    let who = Acceptance { name: &name, note: note.as_deref() };
    match crate::flows::meetings::signup::accept_invitation(&state, &hash, &who).await? {
        None => link::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await,
        Some(Answer { outcome: Outcome::AlreadyDone, .. }) => {
            Ok(link::gone(lang, LinkKind::MeetingInvitation, Retired::Used))
        }
        Some(answer) => Ok(answered(lang, answer)),
    }
}
