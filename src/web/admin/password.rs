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
use serde_json::json;

use super::{AdminContext, Staff, live_session, throttle};
use crate::{
    auth::password::{self, Context, PasswordError},
    domain::login_throttle::PER_ACCOUNT,
    i18n::Lang,
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
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

async fn change(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    let s = lang.admin();
    let current = storage::staff::password_hash_of(&state.pool, staff.user_id).await?.ok_or(AppError::NotFound)?;
    let refuse = |field, message| -> AppResult<Response> {
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page(lang, &staff, Some((field, message)), false)?)).into_response())
    };
    // The current password is a secret like any other: a stolen session
    // must not become a way to guess it.
    let Some(reserved) = throttle::reserve(&state, &PER_ACCOUNT, "password", &staff.user_id.to_string()).await? else {
        let page = page(lang, &staff, Some(("current", s.login_throttled)), false)?;
        return Ok((StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response());
    };
    let Ok(right) = password::verify(SecretString::from(form.get("current")), current).await else {
        reserved.refund(&state).await?;
        let page = page(lang, &staff, Some(("current", s.login_busy)), false)?;
        return Ok((StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response());
    };
    if !right {
        return refuse("current", s.err_password_current);
    }
    reserved.clear(&state).await?;
    let new_password = SecretString::from(form.get("password"));
    let named = storage::staff::email_and_name(&state.pool, staff.user_id).await?.ok_or(AppError::NotFound)?;
    if let Err(err) = password::check_rules(&new_password, &Context { email: &named.email, name: &named.name }) {
        return refuse(
            "password",
            match err {
                PasswordError::TooShort { .. } => s.err_password_short,
                PasswordError::TooLong { .. } => s.err_password_long,
                PasswordError::Personal => s.err_password_personal,
                PasswordError::Common | PasswordError::Hashing | PasswordError::Busy(_) => s.err_password_common,
            },
        );
    }
    let phc = password::hash(new_password).await?;
    let (keep, _) = live_session(&state, &headers).await?.ok_or(AppError::Forbidden)?;
    storage::staff::change_password(&state.pool, staff.user_id, &phc, &keep, state.clock.now()).await?;
    staff.audit(&state, "password_changed", None, json!({})).await?;
    Ok(Redirect::to("/admin/password?changed=1").into_response())
}
