//! "Let me know about the next intake": double opt-in, and an unsubscribe
//! link in every mail; plus the announcement sent to everyone subscribed.
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use sqlx::PgConnection;

use super::{
    AppState,
    error::{AppError, AppResult},
    form::FormFields,
    links::{self, hash_of},
    meetings::button_page,
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        email_address::EmailAddress,
        info_meeting::CONFIRM_WINDOW,
        link::{LinkKind, Retired},
    },
    i18n::Lang,
    mail::{
        body::{MailBody, MailLink},
        outbox,
    },
    storage::{self, interest::Confirmed},
    tokens,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/notify", post(subscribe))
        .route("/notify/check-email", get(check_email))
        .route("/notify/confirm/{token}", get(confirm_page).post(confirm))
        .route("/notify/unsubscribe/{token}", get(unsubscribe_page).post(unsubscribe))
}

fn notice(lang: Lang, title: &str, text: &str, status: StatusCode) -> Response {
    NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()])
        .link("/".into(), lang.strings().home_link)
        .respond(status)
}

/// The same answer whatever the address; the mail tells its owner.
async fn subscribe(
    State(state): State<AppState>,
    lang: Lang,
    requester: crate::mail::outbox::Requester,
    form: FormFields,
) -> AppResult<Response> {
    let Ok(email) = EmailAddress::parse(&form.get("email")) else {
        let t = lang.meeting();
        return Ok(notice(lang, t.notify_title, t.err_email, StatusCode::UNPROCESSABLE_ENTITY));
    };
    if !state.mail_reach.reaches(&email).await {
        let (t, a) = (lang.meeting(), lang.apply());
        return Ok(notice(lang, t.notify_title, a.err_email_unreachable, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let now = state.clock.now();
    let token = tokens::generate();
    let mut tx = state.pool.begin().await?;
    let fresh = storage::interest::subscribe_pending(
        &mut tx,
        email.as_str(),
        &email.normalised(),
        &tokens::hash(&token),
        now + CONFIRM_WINDOW,
        now,
    )
    .await?;
    if fresh {
        let t = Lang::MAIL.meeting();
        let mail = MailBody {
            greeting: Lang::MAIL.apply().mail_hello_unnamed.to_string(),
            paragraphs: vec![t.mail_notify_confirm_body.into()],
            link: Some(MailLink {
                label: t.mail_notify_link.into(),
                url: state.settings.absolute(&format!("/notify/confirm/{token}")),
            }),
            closing: vec![Lang::MAIL.apply().mail_not_you.into()],
            ..MailBody::default()
        }
        .into_email(email, t.mail_notify_confirm_subject.into(), Vec::new())?;
        let domain = state.settings.base_url.host_str().unwrap_or("localhost");
        outbox::queue_unproven(&mut tx, &state.key, &mail, domain, requester, now).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(Redirect::to("/notify/check-email").into_response())
}

async fn check_email(lang: Lang) -> Response {
    let t = lang.meeting();
    notice(lang, t.check_email_title, t.notify_check_text, StatusCode::OK)
}

/// Shows the button for a live link; changes nothing.
async fn confirm_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = hash_of(&token)?;
    let t = lang.meeting();
    match storage::interest::subscription_link(&state.pool, &hash, state.clock.now()).await? {
        Confirmed::Done => {}
        Confirmed::Already => return Ok(links::gone(lang, LinkKind::InterestConfirm, Retired::Used)),
        Confirmed::Expired => return Ok(notice(lang, t.expired_title, t.expired_text, StatusCode::GONE)),
        Confirmed::Unknown => return links::missing(&state, lang, LinkKind::InterestConfirm, &hash).await,
    }
    button_page(
        lang,
        t.notify_confirm_title,
        t.notify_intro.into(),
        format!("/notify/confirm/{token}"),
        t.notify_confirm_button,
    )
}

async fn confirm(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let t = lang.meeting();
    let hash = hash_of(&token)?;
    Ok(match storage::interest::confirm_subscription(&state.pool, &hash, state.clock.now()).await? {
        Confirmed::Done => notice(lang, t.notify_done_title, t.notify_done_text, StatusCode::OK),
        Confirmed::Already => links::gone(lang, LinkKind::InterestConfirm, Retired::Used),
        Confirmed::Expired => notice(lang, t.expired_title, t.expired_text, StatusCode::GONE),
        Confirmed::Unknown => return links::missing(&state, lang, LinkKind::InterestConfirm, &hash).await,
    })
}

async fn unsubscribe_page(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    let hash = hash_of(&token)?;
    match storage::interest::unsubscribe_known(&state.pool, &hash).await?.as_deref() {
        None => return links::missing(&state, lang, LinkKind::Unsubscribe, &hash).await,
        Some("unsubscribed") => return Ok(links::gone(lang, LinkKind::Unsubscribe, Retired::Used)),
        Some(_) => {}
    }
    let t = lang.meeting();
    button_page(
        lang,
        t.notify_unsubscribe_title,
        t.notify_intro.into(),
        format!("/notify/unsubscribe/{token}"),
        t.notify_unsubscribe_button,
    )
}

async fn unsubscribe(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    if !storage::interest::unsubscribe(&state.pool, &hash_of(&token)?, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let t = lang.meeting();
    Ok(notice(lang, t.notify_unsubscribed_title, t.notify_unsubscribed_text, StatusCode::OK))
}

/// Mails everyone subscribed, each with an unsubscribe link of their own,
/// inside the caller's transaction. Returns how many.
pub async fn announce(
    conn: &mut PgConnection,
    state: &AppState,
    subject: &str,
    paragraph: String,
    link: MailLink,
) -> AppResult<usize> {
    let subscribers = storage::interest::subscribers(conn).await?;
    let domain = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let t = Lang::MAIL.meeting();
    for (id, email) in &subscribers {
        let Ok(to) = EmailAddress::parse(email) else { continue };
        let token = tokens::generate();
        storage::interest::add_unsubscribe_token(conn, &tokens::hash(&token), *id).await?;
        let unsubscribe =
            format!("{}: {}", t.mail_unsubscribe, state.settings.absolute(&format!("/notify/unsubscribe/{token}")));
        let mail = MailBody {
            greeting: Lang::MAIL.apply().mail_hello_unnamed.to_string(),
            paragraphs: vec![paragraph.clone()],
            link: Some(link.clone()),
            closing: vec![unsubscribe],
            ..MailBody::default()
        }
        .into_email(to, subject.to_string(), Vec::new())?;
        outbox::queue(conn, &state.key, &mail, &domain).await?;
    }
    Ok(subscribers.len())
}
