//! Sign-in: password, then a TOTP code (enrolled at the first sign-in), and sign-out.
use askama::Template;
use axum::{
    Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use secrecy::SecretString;
use serde_json::json;

mod mfa;

use mfa::{mfa, mfa_form, setup, setup_form};

use super::{live_session, request_id, throttle};
use crate::{
    auth::{password, session},
    domain::{
        email_address::EmailAddress,
        login_throttle::{PER_ACCOUNT, PER_CLIENT},
    },
    i18n::{AdminStrings, Lang},
    storage::{self, audit::Event, staff::LoginUser},
    tokens,
    web::{AppState, client::ClientAddr, error::AppResult, form::Form, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/login", get(login_form).post(login))
        .route("/admin/mfa/setup", get(setup_form).post(setup))
        .route("/admin/mfa", get(mfa_form).post(mfa))
        .route("/admin/logout", post(logout))
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    ctx: PageContext,
    s: &'static AdminStrings,
    email: String,
    error: Option<&'static str>,
    notice: Option<&'static str>,
}

fn login_page(lang: Lang, status: StatusCode, email: String, error: Option<&'static str>) -> AppResult<Response> {
    let page = LoginPage { ctx: PageContext::new(lang, "/admin/login"), s: lang.admin(), email, error, notice: None };
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(serde::Deserialize)]
struct LoginQuery {
    activated: Option<String>,
}

async fn login_form(lang: Lang, axum::extract::Query(q): axum::extract::Query<LoginQuery>) -> AppResult<Response> {
    let s = lang.admin();
    let notice = q.activated.is_some().then_some(s.activate_done);
    let page = LoginPage { ctx: PageContext::new(lang, "/admin/login"), s, email: String::new(), error: None, notice };
    Ok(Html(page.render()?).into_response())
}

async fn audit(state: &AppState, headers: &HeaderMap, actor: Option<i64>, action: &str) -> AppResult<()> {
    let rid = request_id(headers);
    let event = Event {
        at: state.clock.now(),
        actor_id: actor,
        action,
        application_id: None,
        detail: json!({}),
        request_id: rid.as_deref(),
    };
    storage::audit::record_now(&state.pool, &event).await?;
    Ok(())
}

/// The sign-in form.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct Credentials {
    email: String,
    password: String,
}

/// The account behind `email_text` when `password` is right for it and it
/// is not disabled; `Err` when argon2 had no turn in time. Unknown, disabled
/// and wrong all cost one argon2 verification and look alike.
async fn check_password(
    state: &AppState,
    email_text: &str,
    password: SecretString,
) -> AppResult<Result<Option<LoginUser>, password::Busy>> {
    let user = match EmailAddress::parse(email_text) {
        Ok(email) => storage::staff::for_login(&state.pool, &email).await?,
        Err(_) => None,
    };
    let ok = match &user {
        Some(u) => password::verify(password, u.password_hash.clone()).await.map(|right| right && !u.disabled),
        None => password::verify_dummy(password).await.map(|()| false),
    };
    Ok(ok.map(|ok| user.filter(|_| ok)))
}

async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    lang: Lang,
    Form(form): Form<Credentials>,
) -> AppResult<Response> {
    let s = lang.admin();
    let email_text = form.email;
    // A try is reserved for the account and for the client before the
    // password is checked; a refused client gives the account's try back.
    let throttled = || login_page(lang, StatusCode::TOO_MANY_REQUESTS, email_text.clone(), Some(s.login_throttled));
    let Some(account) = throttle::reserve(&state, &PER_ACCOUNT, "account", &email_text.trim().to_lowercase()).await?
    else {
        audit(&state, &headers, None, "login_throttled").await?;
        return throttled();
    };
    let Some(from_client) = throttle::reserve(&state, &PER_CLIENT, "client", &client.to_string()).await? else {
        account.refund(&state).await?;
        audit(&state, &headers, None, "login_throttled").await?;
        return throttled();
    };
    // No turn at argon2 in time: the tries were not spent.
    let Ok(user) = check_password(&state, &email_text, SecretString::from(form.password)).await? else {
        account.refund(&state).await?;
        from_client.refund(&state).await?;
        return login_page(lang, StatusCode::TOO_MANY_REQUESTS, email_text, Some(s.login_busy));
    };
    let Some(user) = user else {
        tracing::warn!("sign-in failed");
        audit(&state, &headers, None, "login_failed").await?;
        return login_page(lang, StatusCode::UNAUTHORIZED, email_text, Some(s.login_failed));
    };
    account.clear(&state).await?;
    from_client.refund(&state).await?;
    start_session(&state, &headers, &user).await
}

/// The password is right: a session waiting for the second factor.
async fn start_session(state: &AppState, headers: &HeaderMap, user: &LoginUser) -> AppResult<Response> {
    // A fresh session id at every sign-in; any old session is ended.
    if let Some((old, _)) = live_session(state, headers).await? {
        storage::sessions::delete(&state.pool, &old).await?;
    }
    let id = tokens::generate();
    storage::sessions::create(&state.pool, &tokens::hash(&id), user.id, state.clock.now()).await?;
    audit(state, headers, Some(user.id), "login_password").await?;
    let next = if user.has_totp { "/admin/mfa" } else { "/admin/mfa/setup" };
    Ok(([(header::SET_COOKIE, session::set_cookie(&id, state.settings.cookie_secure))], Redirect::to(next))
        .into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some((hash, row)) = live_session(&state, &headers).await? {
        storage::sessions::delete(&state.pool, &hash).await?;
        audit(&state, &headers, Some(row.user_id), "logout").await?;
    }
    Ok(([(header::SET_COOKIE, session::clear_cookie(state.settings.cookie_secure))], Redirect::to("/admin/login"))
        .into_response())
}
