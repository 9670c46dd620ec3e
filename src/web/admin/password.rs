//! A signed-in staff member changes their own password; their other sessions end.
use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use secrecy::SecretString;

use super::{AdminContext, Staff, live_session, throttle};
use crate::{
    auth::password::{self, Context, PasswordError},
    domain::login_throttle::PER_ACCOUNT,
    flows,
    i18n::{AdminStrings, Lang},
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/password", get(form).post(change))
}

#[derive(Template)]
#[template(path = "admin/password.html")]
struct PasswordPage {
    ctx: PageContext,
    a: AdminContext,
    error: Option<(&'static str, &'static str)>,
    done: bool,
}

#[derive(serde::Deserialize)]
struct Done {
    changed: Option<String>,
}

fn page(lang: Lang, staff: &Staff, error: Option<(&'static str, &'static str)>, done: bool) -> AppResult<String> {
    let (ctx, a) = AdminContext::frame(lang, "/admin/password", staff, "password");
    Ok(PasswordPage { ctx, a, error, done }.render()?)
}

async fn form(staff: Staff, lang: Lang, Query(q): Query<Done>) -> AppResult<Html<String>> {
    Ok(Html(page(lang, &staff, None, q.changed.is_some())?))
}

/// The form: the current password and the new one.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PasswordChange {
    current: String,
    password: String,
}

/// What to tell about a new password that breaks a rule.
pub(super) fn rule_message(s: &AdminStrings, err: &PasswordError) -> &'static str {
    match err {
        PasswordError::TooShort { .. } => s.err_password_short,
        PasswordError::TooLong { .. } => s.err_password_long,
        PasswordError::Personal => s.err_password_personal,
        PasswordError::Common | PasswordError::Hashing | PasswordError::Busy(_) => s.err_password_common,
    }
}

/// The page again with a problem in `field`, as `status`.
fn refuse(
    lang: Lang,
    staff: &Staff,
    status: StatusCode,
    field: &'static str,
    message: &'static str,
) -> AppResult<Response> {
    Ok((status, Html(page(lang, staff, Some((field, message)), false)?)).into_response())
}

async fn change(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    lang: Lang,
    Form(form): Form<PasswordChange>,
) -> AppResult<Response> {
    let (s, wrong) = (lang.admin(), StatusCode::UNPROCESSABLE_ENTITY);
    let current = storage::staff::password_hash_of(&state.pool, staff.user_id).await?.ok_or(AppError::NotFound)?;
    // The current password is a secret like any other: a stolen session
    // must not become a way to guess it.
    let Some(reserved) = throttle::reserve(&state, &PER_ACCOUNT, "password", &staff.user_id.to_string()).await? else {
        return refuse(lang, &staff, StatusCode::TOO_MANY_REQUESTS, "current", s.login_throttled);
    };
    let Ok(right) = password::verify(SecretString::from(form.current), current).await else {
        reserved.refund(&state).await?;
        return refuse(lang, &staff, StatusCode::TOO_MANY_REQUESTS, "current", s.login_busy);
    };
    if !right {
        return refuse(lang, &staff, wrong, "current", s.err_password_current);
    }
    reserved.clear(&state).await?;
    let new_password = SecretString::from(form.password);
    let named = storage::staff::email_and_name(&state.pool, staff.user_id).await?.ok_or(AppError::NotFound)?;
    if let Err(err) = password::check_rules(&new_password, &Context { email: &named.email, name: &named.name }) {
        return refuse(lang, &staff, wrong, "password", rule_message(s, &err));
    }
    let phc = password::hash(new_password).await?;
    let (keep, _) = live_session(&state, &headers).await?.ok_or(AppError::Forbidden)?;
    flows::users::set_password(&state, &staff.actor(), &phc, &keep).await?;
    Ok(Redirect::to("/admin/password?changed=1").into_response())
}
