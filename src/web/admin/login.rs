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

use super::{live_session, request_id, throttle};
use crate::{
    auth::{password, session, totp},
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

/// A code typed in: TOTP, or a recovery code.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    code: String,
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

#[derive(Template)]
#[template(path = "admin/mfa_setup.html")]
struct SetupPage {
    ctx: PageContext,
    s: &'static AdminStrings,
    qr_svg: String,
    secret: String,
    recovery_codes: Vec<String>,
    error: Option<&'static str>,
}

/// A recovery code as people copy it: two groups of four, `k7fq-2mxd`.
fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let bytes: [u8; 8] = rand::random();
    let chars: String = bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

fn recovery_hash(code: &str) -> Vec<u8> {
    tokens::hash(&format!("recovery:{}", code.trim().to_lowercase()))
}

async fn setup_form(State(state): State<AppState>, headers: HeaderMap, lang: Lang) -> AppResult<Response> {
    let Some((hash, row)) = live_session(&state, &headers).await?.filter(|(_, r)| !r.mfa_done && !r.has_totp) else {
        return Ok(Redirect::to("/admin/login").into_response());
    };
    // The secret survives a reload (it may be scanned already); the recovery
    // codes are new each time, and the last ones shown are the ones that count.
    let secret = row.pending_totp_secret(&state.key).unwrap_or_else(totp::new_secret);
    let codes: Vec<String> = (0..8).map(|_| new_recovery_code()).collect();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| recovery_hash(c)).collect();
    storage::sessions::set_pending_enrolment(&state.pool, &state.key, &row, &hash, &secret, &hashes).await?;
    setup_page(lang, StatusCode::OK, &secret, &row.email, codes, None)
}

fn setup_page(
    lang: Lang,
    status: StatusCode,
    secret: &[u8],
    email: &str,
    codes: Vec<String>,
    error: Option<&'static str>,
) -> AppResult<Response> {
    let page = SetupPage {
        ctx: PageContext::new(lang, "/admin/mfa/setup"),
        s: lang.admin(),
        qr_svg: totp::qr_svg(&totp::otpauth_url(secret, email)),
        secret: totp::base32(secret),
        recovery_codes: codes,
        error,
    };
    Ok((status, Html(page.render()?)).into_response())
}

async fn setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let Some((hash, row)) = live_session(&state, &headers).await?.filter(|(_, r)| !r.mfa_done && !r.has_totp) else {
        return Ok(Redirect::to("/admin/login").into_response());
    };
    let (Some(secret), Some(recovery)) = (row.pending_totp_secret(&state.key), row.pending_recovery_hashes.clone())
    else {
        return Ok(Redirect::to("/admin/mfa/setup").into_response());
    };
    let again = |status, error| setup_page(lang, status, &secret, &row.email, Vec::new(), Some(error));
    let Some(reserved) = throttle::reserve(&state, &PER_ACCOUNT, "mfa", &row.user_id.to_string()).await? else {
        return again(StatusCode::TOO_MANY_REQUESTS, lang.admin().login_throttled);
    };
    let step = totp::check(&secret, &form.code, state.clock.now());
    let enrolled = match step {
        Some(step) => {
            storage::staff::enrol_totp(&state.pool, &state.key, row.user_id, &secret, step, &recovery).await?
        }
        None => false,
    };
    if !enrolled {
        // The codes shown before still count; the page says to use those.
        return again(StatusCode::UNPROCESSABLE_ENTITY, lang.admin().mfa_wrong);
    }
    reserved.clear(&state).await?;
    audit(&state, &headers, Some(row.user_id), "mfa_enrolled").await?;
    finish_sign_in(&state, &headers, &hash, row.user_id).await
}

/// The second factor is done: a new session id, fully signed in.
/// Goes back to what the person was doing when an earlier session ended.
async fn finish_sign_in(state: &AppState, headers: &HeaderMap, old_hash: &[u8], user_id: i64) -> AppResult<Response> {
    let id = tokens::generate();
    storage::sessions::complete_mfa(&state.pool, old_hash, &tokens::hash(&id), state.clock.now()).await?;
    let next = super::kept::after_sign_in(state, headers, user_id).await?;
    Ok(([(header::SET_COOKIE, session::set_cookie(&id, state.settings.cookie_secure))], Redirect::to(&next))
        .into_response())
}

#[derive(Template)]
#[template(path = "admin/mfa.html")]
struct MfaPage {
    ctx: PageContext,
    s: &'static AdminStrings,
    error: Option<&'static str>,
}

fn mfa_page(lang: Lang, status: StatusCode, error: Option<&'static str>) -> AppResult<Response> {
    let page = MfaPage { ctx: PageContext::new(lang, "/admin/mfa"), s: lang.admin(), error };
    Ok((status, Html(page.render()?)).into_response())
}

async fn mfa_form(State(state): State<AppState>, headers: HeaderMap, lang: Lang) -> AppResult<Response> {
    match live_session(&state, &headers).await? {
        Some((_, row)) if !row.mfa_done && row.has_totp => mfa_page(lang, StatusCode::OK, None),
        Some((_, row)) if row.mfa_done => Ok(Redirect::to("/admin").into_response()),
        Some(_) => Ok(Redirect::to("/admin/mfa/setup").into_response()),
        None => Ok(Redirect::to("/admin/login").into_response()),
    }
}

async fn mfa(
    State(state): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let Some((hash, row)) = live_session(&state, &headers).await?.filter(|(_, r)| !r.mfa_done && r.has_totp) else {
        return Ok(Redirect::to("/admin/login").into_response());
    };
    // TOTP codes and recovery codes share the user's tries.
    let Some(reserved) = throttle::reserve(&state, &PER_ACCOUNT, "mfa", &row.user_id.to_string()).await? else {
        return mfa_page(lang, StatusCode::TOO_MANY_REQUESTS, Some(lang.admin().login_throttled));
    };
    let code = form.code;
    let now = state.clock.now();
    let accepted = match storage::staff::totp_of(&state.pool, &state.key, row.user_id).await? {
        Some(totp) => match totp::check(&totp.secret, &code, now) {
            Some(step) => storage::staff::use_totp_step(&state.pool, row.user_id, step).await?,
            None => storage::staff::use_recovery_code(&state.pool, row.user_id, &recovery_hash(&code), now).await?,
        },
        None => false,
    };
    if !accepted {
        audit(&state, &headers, Some(row.user_id), "mfa_failed").await?;
        return mfa_page(lang, StatusCode::UNPROCESSABLE_ENTITY, Some(lang.admin().mfa_wrong));
    }
    reserved.clear(&state).await?;
    audit(&state, &headers, Some(row.user_id), "login").await?;
    finish_sign_in(&state, &headers, &hash, row.user_id).await
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some((hash, row)) = live_session(&state, &headers).await? {
        storage::sessions::delete(&state.pool, &hash).await?;
        audit(&state, &headers, Some(row.user_id), "logout").await?;
    }
    Ok(([(header::SET_COOKIE, session::clear_cookie(state.settings.cookie_secure))], Redirect::to("/admin/login"))
        .into_response())
}
