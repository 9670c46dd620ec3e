//! Info meetings for the public: the meeting's page and sign-up, the
//! confirmation link (GET shows a button, POST acts), and cancelling.
mod flow;
use crate::mail::messages::meetings as mails;

use askama::Template;
use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};

use self::flow::Outcome;
use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    links,
    notice::NoticePage,
    page::PageContext,
    public_cache,
};
use crate::{
    domain::{
        info_meeting::{SignupFields, SignupProblem, has_room, takes_signups},
        link::{LinkKind, Retired},
    },
    i18n::{Lang, MeetingStrings, dates, fill},
    storage::{self, info_meetings::MeetingPage},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/info-meetings/{id}", get(show))
        .route("/info-meetings/{id}/signups", post(sign_up))
        .route("/info-meetings/{id}/check-email", get(check_email))
        .route("/info-meetings/confirm/{token}", get(confirm_page).post(confirm))
        .route("/info-meetings/cancel/{token}", get(cancel_page).post(cancel))
        .route("/info-meetings/invited/{token}", get(invited_page).post(accept))
}

async fn meeting(state: &AppState, id: i64) -> AppResult<MeetingPage> {
    storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "pages/meetings/show.html")]
struct ShowPage {
    ctx: PageContext,
    t: &'static MeetingStrings,
    heading: String,
    about: String,
    when: String,
    place: String,
    directions: String,
    state_text: Option<&'static str>,
    seats: String,
    action: String,
    fields: SignupFields,
    errors: Vec<(&'static str, &'static str)>,
    intake_href: String,
}

fn show_page(
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
    m: &MeetingPage,
    fields: SignupFields,
    errors: Vec<(&'static str, &'static str)>,
) -> AppResult<String> {
    let t = lang.meeting();
    let state_text = if m.cancelled {
        Some(t.cancelled)
    } else if !takes_signups(m.starts_at, false, now) {
        Some(t.past)
    } else if !has_room(m.confirmed, m.capacity) {
        Some(t.full)
    } else {
        None
    };
    let page = ShowPage {
        ctx: PageContext::new(lang, &format!("/info-meetings/{}", m.id)),
        t,
        heading: format!("{} – {}", t.title, m.programme_name),
        about: fill(t.about, &[&m.programme_name]),
        when: dates::long_span(lang, m.starts_at, m.ends_at),
        place: m.place.clone(),
        directions: m.directions.clone().unwrap_or_default(),
        state_text,
        seats: fill(t.seats_left, &[&(i64::from(m.capacity) - m.confirmed).max(0)]),
        action: format!("/info-meetings/{}/signups", m.id),
        fields,
        errors,
        intake_href: format!("/intakes/{}", m.intake_slug),
    };
    Ok(page.render()?)
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

fn notice(lang: Lang, title: &str, text: String, back: Option<i64>) -> NoticePage {
    let t = lang.meeting();
    let page = NoticePage::new(PageContext::new(lang, "/"), title, vec![text]);
    match back {
        Some(id) => page.link(format!("/info-meetings/{id}"), t.back_to_meeting),
        None => page,
    }
}

async fn sign_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    lang: Lang,
    requester: crate::mail::outbox::Requester,
    form: FormFields,
) -> AppResult<Response> {
    let m = meeting(&state, id).await?;
    let t = lang.meeting();
    let fields = SignupFields { name: form.get("name"), email: form.get("email"), note: form.get("note") };
    let signup = match fields.parse() {
        Ok(s) => s,
        Err(problems) => {
            let errors = problems
                .into_iter()
                .map(|p| match p {
                    SignupProblem::Name => ("name", t.err_name),
                    SignupProblem::Email => ("email", t.err_email),
                    SignupProblem::NoteTooLong => ("note", t.err_note),
                })
                .collect();
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(show_page(state.clock.now(), lang, &m, fields, errors)?),
            )
                .into_response());
        }
    };
    // An address our relay cannot carry mail to is refused here, beside the field.
    if !state.mail_reach.reaches(&signup.email).await {
        let errors = vec![("email", lang.apply().err_email_unreachable)];
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(show_page(state.clock.now(), lang, &m, fields, errors)?))
            .into_response());
    }
    match flow::sign_up(&state, &m, &signup, requester).await? {
        Outcome::Done | Outcome::AlreadyDone => {
            Ok(Redirect::to(&format!("/info-meetings/{id}/check-email")).into_response())
        }
        Outcome::Full => Ok(notice(lang, t.full_title, t.full_text.into(), Some(id)).respond(StatusCode::CONFLICT)),
        Outcome::Closed | Outcome::Expired => {
            Ok(notice(lang, t.closed_title, t.closed_text.into(), Some(id)).respond(StatusCode::CONFLICT))
        }
    }
}

async fn check_email(State(state): State<AppState>, Path(id): Path<i64>, lang: Lang) -> AppResult<Response> {
    meeting(&state, id).await?;
    let t = lang.meeting();
    Ok(notice(lang, t.check_email_title, t.check_email_text.into(), Some(id)).respond(StatusCode::OK))
}

#[derive(Template)]
#[template(path = "pages/meetings/button.html")]
struct ButtonPage {
    ctx: PageContext,
    title: &'static str,
    text: String,
    action: String,
    button: &'static str,
}

/// A page with one button that posts back (GET never changes anything).
pub fn button_page(
    lang: Lang,
    title: &'static str,
    text: String,
    action: String,
    button: &'static str,
) -> AppResult<Response> {
    let page = ButtonPage { ctx: PageContext::new(lang, "/"), title, text, action, button };
    Ok(Html(page.render()?).into_response())
}

fn token_hash(token: &str) -> AppResult<Vec<u8>> {
    links::hash_of(token)
}

/// Shows the button; changes nothing (mail scanners open links).
async fn confirm_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    let t = lang.meeting();
    let mut conn = state.pool.acquire().await?;
    let Some(row) = storage::info_meetings::signup_by_confirm_token(&mut conn, &hash).await? else {
        return links::missing(&state, lang, LinkKind::MeetingConfirm, &hash).await;
    };
    drop(conn);
    if row.status == "cancelled" {
        return Ok(links::gone(lang, LinkKind::MeetingConfirm, Retired::Used));
    }
    if row.status == "confirmed" {
        return Ok(
            notice(lang, t.confirmed_title, t.confirmed_text.into(), Some(row.meeting_id)).respond(StatusCode::OK)
        );
    }
    if row.status != "pending" || row.confirm_expires_at <= state.clock.now() {
        return Ok(notice(lang, t.expired_title, t.expired_text.into(), Some(row.meeting_id)).respond(StatusCode::GONE));
    }
    let m = meeting(&state, row.meeting_id).await?;
    let page = ButtonPage {
        ctx: PageContext::new(lang, "/"),
        title: t.confirm_title,
        text: fill(t.confirm_text, &[&dates::long_span(lang, m.starts_at, m.ends_at)]),
        action: format!("/info-meetings/confirm/{token}"),
        button: t.confirm_button,
    };
    Ok(Html(page.render()?).into_response())
}

async fn confirm(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    let t = lang.meeting();
    let Some((outcome, id)) = flow::confirm(&state, &hash).await? else {
        return links::missing(&state, lang, LinkKind::MeetingConfirm, &hash).await;
    };
    Ok(match outcome {
        Outcome::Done | Outcome::AlreadyDone => {
            Redirect::to(&format!("/info-meetings/confirm/{token}")).into_response()
        }
        Outcome::Expired => notice(lang, t.expired_title, t.expired_text.into(), Some(id)).respond(StatusCode::GONE),
        Outcome::Full => notice(lang, t.full_title, t.full_text.into(), Some(id)).respond(StatusCode::CONFLICT),
        Outcome::Closed => notice(lang, t.closed_title, t.closed_text.into(), Some(id)).respond(StatusCode::CONFLICT),
    })
}

async fn cancel_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    let t = lang.meeting();
    let mut conn = state.pool.acquire().await?;
    let Some(row) = storage::info_meetings::signup_by_cancel_token(&mut conn, &hash).await? else {
        return links::missing(&state, lang, LinkKind::MeetingCancel, &hash).await;
    };
    drop(conn);
    if row.status != "confirmed" {
        return Ok(links::gone(lang, LinkKind::MeetingCancel, Retired::Used));
    }
    let m = meeting(&state, row.meeting_id).await?;
    let page = ButtonPage {
        ctx: PageContext::new(lang, "/"),
        title: t.cancel_title,
        text: fill(t.cancel_text, &[&dates::long_span(lang, m.starts_at, m.ends_at)]),
        action: format!("/info-meetings/cancel/{token}"),
        button: t.cancel_button,
    };
    Ok(Html(page.render()?).into_response())
}

async fn cancel(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    match flow::cancel(&state, &hash).await? {
        Some((Outcome::Done, _)) => Ok(Redirect::to("/done/meeting-cancelled").into_response()),
        Some(_) => Ok(links::gone(lang, LinkKind::MeetingCancel, Retired::Used)),
        None => links::missing(&state, lang, LinkKind::MeetingCancel, &hash).await,
    }
}

#[derive(Template)]
#[template(path = "pages/meetings/invited.html")]
struct InvitedPage {
    ctx: PageContext,
    t: &'static MeetingStrings,
    text: String,
    email: String,
    action: String,
    error: Option<&'static str>,
}

async fn invited_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    let t = lang.meeting();
    let mut conn = state.pool.acquire().await?;
    let Some(storage::interest::Invitation { meeting_id, email, used }) =
        storage::interest::invitation(&mut conn, &hash).await?
    else {
        return links::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await;
    };
    drop(conn);
    if used {
        return Ok(links::gone(lang, LinkKind::MeetingInvitation, Retired::Used));
    }
    let m = meeting(&state, meeting_id).await?;
    let page = InvitedPage {
        ctx: PageContext::new(lang, "/"),
        t,
        text: fill(t.invited_text, &[&dates::long_span(lang, m.starts_at, m.ends_at)]),
        email,
        action: format!("/info-meetings/invited/{token}"),
        error: None,
    };
    Ok(Html(page.render()?).into_response())
}

async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    let hash = token_hash(&token)?;
    let t = lang.meeting();
    let name = crate::domain::application::values::PersonName::parse(&form.get("name"));
    let note = Some(form.get("note").trim().chars().take(1000).collect::<String>()).filter(|n| !n.is_empty());
    let Some(name) = name else {
        let mut conn = state.pool.acquire().await?;
        let Some(storage::interest::Invitation { email, .. }) = storage::interest::invitation(&mut conn, &hash).await?
        else {
            return links::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await;
        };
        let page = InvitedPage {
            ctx: PageContext::new(lang, "/"),
            t,
            text: t.signup_intro.into(),
            email,
            action: format!("/info-meetings/invited/{token}"),
            error: Some(t.err_name),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    };
    let Some((outcome, id)) = flow::accept_invitation(&state, &hash, name.as_str(), note.as_deref()).await? else {
        return links::missing(&state, lang, LinkKind::MeetingInvitation, &hash).await;
    };
    Ok(match outcome {
        Outcome::AlreadyDone => links::gone(lang, LinkKind::MeetingInvitation, Retired::Used),
        Outcome::Done => notice(lang, t.confirmed_title, t.confirmed_text.into(), Some(id)).respond(StatusCode::OK),
        Outcome::Full => notice(lang, t.full_title, t.full_text.into(), Some(id)).respond(StatusCode::CONFLICT),
        Outcome::Closed | Outcome::Expired => {
            notice(lang, t.closed_title, t.closed_text.into(), Some(id)).respond(StatusCode::CONFLICT)
        }
    })
}
