//! The second factor: enrolling TOTP (with recovery codes) at the first
//! sign-in, and the code at every sign-in after.
use askama::Template;
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{super::live_session, audit, throttle};
use crate::{
    auth::{session, totp},
    domain::login_throttle::PER_ACCOUNT,
    i18n::{AdminStrings, Lang},
    storage, tokens,
    web::{AppState, error::AppResult, form::Form, page::PageContext},
};

/// A code typed in: TOTP, or a recovery code.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct CodeForm {
    code: String,
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

pub(super) async fn setup_form(State(state): State<AppState>, headers: HeaderMap, lang: Lang) -> AppResult<Response> {
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

pub(super) async fn setup(
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
    let next = super::super::kept::after_sign_in(state, headers, user_id).await?;
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

pub(super) async fn mfa_form(State(state): State<AppState>, headers: HeaderMap, lang: Lang) -> AppResult<Response> {
    match live_session(&state, &headers).await? {
        Some((_, row)) if !row.mfa_done && row.has_totp => mfa_page(lang, StatusCode::OK, None),
        Some((_, row)) if row.mfa_done => Ok(Redirect::to("/admin").into_response()),
        Some(_) => Ok(Redirect::to("/admin/mfa/setup").into_response()),
        None => Ok(Redirect::to("/admin/login").into_response()),
    }
}

pub(super) async fn mfa(
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
