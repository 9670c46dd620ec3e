//! Staff accounts, for admins: add (with an activation link by mail), disable,
//! re-enable; and the activation page where a new user sets a password.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use secrecy::SecretString;

use super::{AdminContext, Staff};
use crate::{
    domain::{
        email_address::EmailAddress,
        staff::{Permission, Role, StaffName},
    },
    flows::{
        self,
        users::{Activated, Added, Link, NewUser},
    },
    i18n::{AdminStrings, Lang},
    storage::{self, staff::StaffListRow},
    web::{AppState, error::AppResult, form::Form, links::hash_of, notice::NoticePage, page::PageContext},
};

/// Routes for admins (behind the staff check).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list).post(add))
        .route("/admin/users/{id}/disable", post(disable))
        .route("/admin/users/{id}/enable", post(enable))
}

/// The activation page, reached without a session.
pub fn public_router() -> Router<AppState> {
    Router::new().route("/admin/activate/{token}", get(activate_form).post(activate))
}

pub fn role_label(s: &AdminStrings, role: Role) -> &'static str {
    match role {
        Role::Admin => s.role_admin,
        Role::Coordinator => s.role_coordinator,
        Role::Interviewer => s.role_interviewer,
    }
}

struct UserRow {
    id: i64,
    name: String,
    email: String,
    role: &'static str,
    state: String,
    disabled: bool,
    is_me: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: PageContext,
    a: AdminContext,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, &'static str, bool)>,
    email: String,
    name: String,
    errors: Vec<(String, &'static str)>,
}

/// The form that adds a user.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct UserForm {
    email: String,
    name: String,
    role: String,
}

/// The page with the list and the form (as sent, when refused).
async fn users_page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    form: Option<&UserForm>,
    errors: Vec<(String, &'static str)>,
) -> AppResult<String> {
    let s = lang.admin();
    let (ctx, a) = AdminContext::frame(lang, "/admin/users", staff, "users");
    let chosen = form.map_or("coordinator", |f| f.role.as_str());
    let users = storage::staff::list(&state.pool).await?;
    let page = UsersPage {
        ctx,
        a,
        users: users.into_iter().map(|u| user_row(s, staff, u)).collect(),
        roles: [Role::Coordinator, Role::Interviewer, Role::Admin]
            .iter()
            .map(|r| (r.as_str(), role_label(s, *r), r.as_str() == chosen))
            .collect(),
        email: form.map(|f| f.email.clone()).unwrap_or_default(),
        name: form.map(|f| f.name.clone()).unwrap_or_default(),
        errors,
    };
    Ok(page.render()?)
}

fn user_row(s: &AdminStrings, staff: &Staff, u: StaffListRow) -> UserRow {
    let state = if u.disabled {
        s.users_disabled.to_string()
    } else if !u.activated {
        s.users_not_activated.to_string()
    } else if !u.has_totp {
        format!("{} ({})", s.users_active, s.users_no_totp)
    } else {
        s.users_active.to_string()
    };
    UserRow {
        is_me: u.id == staff.user_id,
        id: u.id,
        role: role_label(s, u.role),
        name: u.name,
        email: u.email,
        state,
        disabled: u.disabled,
    }
}

async fn list(State(state): State<AppState>, staff: Staff, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ManageUsers)?;
    Ok(Html(users_page(&state, lang, &staff, None, Vec::new()).await?))
}

/// The user the form names when its fields parse, and the problems by field
/// (an address the relay does not reach is one, yet does not hold the user back).
async fn parse(state: &AppState, lang: Lang, form: &UserForm) -> (Option<NewUser>, Vec<(String, &'static str)>) {
    let s = lang.admin();
    let email = EmailAddress::parse(&form.email);
    let name = StaffName::parse(&form.name);
    let role = form.role.parse::<Role>();
    let mut errors = Vec::new();
    match &email {
        Err(_) => errors.push(("email".to_string(), s.err_email)),
        Ok(address) if !state.mail_reach.reaches(address).await => {
            errors.push(("email".to_string(), lang.apply().err_email_unreachable))
        }
        Ok(_) => {}
    }
    if name.is_err() {
        errors.push(("name".to_string(), s.err_name));
    }
    if role.is_err() {
        errors.push(("role".to_string(), s.err_role));
    }
    match (email, name, role) {
        (Ok(email), Ok(name), Ok(role)) => (Some(NewUser { email, name, role }), errors),
        _ => (None, errors),
    }
}

async fn add(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Form(form): Form<UserForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageUsers)?;
    let (user, mut errors) = parse(&state, lang, &form).await;
    if let Some(user) = user {
        match flows::users::add(&state, &staff.actor(), user).await? {
            Added::Done => return Ok(Redirect::to("/admin/users").into_response()),
            Added::EmailTaken => errors.push(("email".to_string(), lang.admin().err_email_taken)),
        }
    }
    let html = users_page(&state, lang, &staff, Some(&form), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

async fn disable(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    flows::users::set_disabled(&state, &staff.actor(), id, true).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

async fn enable(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    flows::users::set_disabled(&state, &staff.actor(), id, false).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Template)]
#[template(path = "admin/activate.html")]
struct ActivatePage {
    ctx: PageContext,
    s: &'static AdminStrings,
    action: String,
    error: Option<&'static str>,
}

impl ActivatePage {
    fn new(lang: Lang, token: &str, error: Option<&'static str>) -> Self {
        let ctx = PageContext::new(lang, "/admin/login");
        Self { ctx, s: lang.admin(), action: format!("/admin/activate/{token}"), error }
    }
}

fn spent_page(lang: Lang) -> Response {
    let s = lang.admin();
    NoticePage::new(PageContext::new(lang, "/admin/login"), s.activate_spent_title, vec![s.activate_spent_text.into()])
        .respond(StatusCode::GONE)
}

async fn activate_form(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    match flows::users::link(&state, &hash_of(&token)?).await? {
        Link::Spent => Ok(spent_page(lang)),
        Link::Valid => Ok(Html(ActivatePage::new(lang, &token, None).render()?).into_response()),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    password: String,
}

async fn activate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let hash = hash_of(&token)?;
    let s = lang.admin();
    let error = match flows::users::activate(&state, &hash, SecretString::from(form.password)).await? {
        Activated::Done => return Ok(Redirect::to("/admin/login?activated=1").into_response()),
        Activated::Spent => return Ok(spent_page(lang)),
        Activated::Refused(err) => super::password::rule_message(s, &err),
    };
    let page = ActivatePage::new(lang, &token, Some(error));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}
