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
use chrono::Duration;
use secrecy::SecretString;
use serde_json::json;

use super::{AdminContext, Staff};
use crate::{
    auth::password::{self, Context, PasswordError},
    domain::{
        email_address::EmailAddress,
        staff::{Permission, Role, StaffName},
    },
    i18n::{AdminStrings, Lang},
    mail::{
        body::{MailBody, MailLink},
        outbox,
    },
    storage::{
        self,
        staff::{ActivationLink, AddUserError},
    },
    tokens,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        notice::NoticePage,
        page::PageContext,
    },
};

const ACTIVATION_LIFETIME: Duration = Duration::days(7);

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

async fn users_page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    form: Option<&FormFields>,
    errors: Vec<(String, &'static str)>,
) -> AppResult<String> {
    let s = lang.admin();
    let (ctx, a) = AdminContext::frame(lang, "/admin/users", staff, "users");
    let chosen = form.map(|f| f.get("role")).unwrap_or_else(|| "coordinator".into());
    let users = storage::staff::list(&state.pool).await?;
    let page = UsersPage {
        ctx,
        a,
        users: users
            .into_iter()
            .map(|u| {
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
                    role: u.role.parse().map_or("", |r| role_label(s, r)),
                    name: u.name,
                    email: u.email,
                    state,
                    disabled: u.disabled,
                }
            })
            .collect(),
        roles: [Role::Coordinator, Role::Interviewer, Role::Admin]
            .iter()
            .map(|r| (r.as_str(), role_label(s, *r), r.as_str() == chosen))
            .collect(),
        email: form.map(|f| f.get("email")).unwrap_or_default(),
        name: form.map(|f| f.get("name")).unwrap_or_default(),
        errors,
    };
    Ok(page.render()?)
}

async fn list(State(state): State<AppState>, staff: Staff, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ManageUsers)?;
    Ok(Html(users_page(&state, lang, &staff, None, Vec::new()).await?))
}

async fn add(State(state): State<AppState>, staff: Staff, lang: Lang, form: FormFields) -> AppResult<Response> {
    staff.require(Permission::ManageUsers)?;
    let s = lang.admin();
    let email = EmailAddress::parse(&form.get("email"));
    let name = StaffName::parse(&form.get("name"));
    let role = form.get("role").parse::<Role>();
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
    if let (Ok(email), Ok(name), Ok(role)) = (email, name, role) {
        let token = tokens::generate();
        let now = state.clock.now();
        let mut tx = state.pool.begin().await?;
        match storage::staff::insert_unactivated(&mut tx, &email, &name, role).await {
            Ok(id) => {
                storage::staff::add_activation(&mut tx, id, &tokens::hash(&token), now + ACTIVATION_LIFETIME).await?;
                let mail = activation_mail(&state, email, &token)?;
                let domain = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
                outbox::queue(&mut tx, &state.key, &mail, &domain).await?;
                tx.commit().await?;
                state.mail_wake.notify_one();
                staff.audit(&state, "user_added", None, json!({ "user_id": id, "role": role.as_str() })).await?;
                return Ok(Redirect::to("/admin/users").into_response());
            }
            Err(AddUserError::EmailTaken) => errors.push(("email".to_string(), s.err_email_taken)),
            Err(AddUserError::Database(e)) => return Err(e.into()),
        }
    }
    let html = users_page(&state, lang, &staff, Some(&form), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

fn activation_mail(state: &AppState, to: EmailAddress, token: &str) -> crate::mail::Rendered {
    let s = Lang::MAIL.admin();
    MailBody {
        greeting: Lang::MAIL.apply().mail_hello_unnamed.to_string(),
        paragraphs: vec![s.mail_activation_body.to_string()],
        link: Some(MailLink {
            label: s.mail_activation_link.into(),
            url: state.settings.absolute(&format!("/admin/activate/{token}")),
        }),
        closing: vec![Lang::MAIL.apply().mail_not_you.to_string()],
        ..MailBody::default()
    }
    .into_email(to, s.mail_activation_subject.to_string(), Vec::new())
}

async fn set_disabled(state: &AppState, staff: &Staff, id: i64, disabled: bool) -> AppResult<Response> {
    staff.require(Permission::ManageUsers)?;
    if disabled && id == staff.user_id {
        return Err(AppError::Forbidden);
    }
    if !storage::staff::set_disabled(&state.pool, id, disabled, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let action = if disabled { "user_disabled" } else { "user_enabled" };
    staff.audit(state, action, None, json!({ "user_id": id })).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

async fn disable(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    set_disabled(&state, &staff, id, true).await
}

async fn enable(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    set_disabled(&state, &staff, id, false).await
}

#[derive(Template)]
#[template(path = "admin/activate.html")]
struct ActivatePage {
    ctx: PageContext,
    s: &'static AdminStrings,
    action: String,
    error: Option<&'static str>,
}

fn spent_page(lang: Lang) -> Response {
    let s = lang.admin();
    NoticePage::new(PageContext::new(lang, "/admin/login"), s.activate_spent_title, vec![s.activate_spent_text.into()])
        .respond(StatusCode::GONE)
}

async fn activate_form(State(state): State<AppState>, Path(token): Path<String>, lang: Lang) -> AppResult<Response> {
    if !tokens::is_well_formed(&token) {
        return Err(AppError::NotFound);
    }
    match storage::staff::activation(&state.pool, &tokens::hash(&token), state.clock.now()).await? {
        ActivationLink::Unknown => Err(AppError::NotFound),
        ActivationLink::Spent => Ok(spent_page(lang)),
        ActivationLink::Valid { .. } => {
            let page = ActivatePage {
                ctx: PageContext::new(lang, "/admin/login"),
                s: lang.admin(),
                action: format!("/admin/activate/{token}"),
                error: None,
            };
            Ok(Html(page.render()?).into_response())
        }
    }
}

async fn activate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    if !tokens::is_well_formed(&token) {
        return Err(AppError::NotFound);
    }
    let s = lang.admin();
    let hash = tokens::hash(&token);
    let now = state.clock.now();
    let user_id = match storage::staff::activation(&state.pool, &hash, now).await? {
        ActivationLink::Unknown => return Err(AppError::NotFound),
        ActivationLink::Spent => return Ok(spent_page(lang)),
        ActivationLink::Valid { user_id } => user_id,
    };
    let new_password = SecretString::from(form.get("password"));
    let (email, name) = storage::staff::email_and_name(&state.pool, user_id).await?.ok_or(AppError::NotFound)?;
    if let Err(err) = password::check_rules(&new_password, &Context { email: &email, name: &name }) {
        let error = match err {
            PasswordError::TooShort { .. } => s.err_password_short,
            PasswordError::TooLong { .. } => s.err_password_long,
            PasswordError::Personal => s.err_password_personal,
            PasswordError::Common | PasswordError::Hashing | PasswordError::Busy(_) => s.err_password_common,
        };
        let page = ActivatePage {
            ctx: PageContext::new(lang, "/admin/login"),
            s,
            action: format!("/admin/activate/{token}"),
            error: Some(error),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
    }
    let phc = password::hash(new_password).await?;
    if !storage::staff::activate(&state.pool, &hash, user_id, &phc, now).await? {
        return Ok(spent_page(lang));
    }
    Ok(Redirect::to("/admin/login?activated=1").into_response())
}
