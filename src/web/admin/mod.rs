//! The staff area. Every route but sign-in passes `require_staff`: no session,
//! no page (deny by default), and each handler asks for its permission.
mod applications;
mod audit_page;
pub(crate) mod cohorts;
mod day_plan;
mod done;
mod intakes;
mod interviews;
mod invite_check;
mod kept;
mod login;
mod mail_page;
mod meetings;
mod overview;
mod password;
mod placements;
mod programmes;
mod settings;
mod slot_edit;
mod throttle;
mod users;
pub(crate) mod visits;

use axum::{
    Router,
    extract::{FromRequestParts, Request, State},
    http::{HeaderMap, request::Parts},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};

use super::{AppState, error::AppError, page::PageContext};
use crate::{
    auth::session,
    domain::staff::{Permission, Role},
    i18n::{AdminStrings, Lang, fill},
    storage::{self, sessions::SessionRow},
    tokens,
};

pub fn router(state: AppState) -> Router<AppState> {
    let protected = Router::new()
        .merge(intakes::router())
        .merge(applications::router())
        .merge(audit_page::router())
        .merge(mail_page::router())
        .merge(users::router())
        .merge(password::router())
        .merge(interviews::router())
        .merge(day_plan::router())
        .merge(slot_edit::router())
        .merge(meetings::router())
        .merge(cohorts::router())
        .merge(placements::router())
        .merge(visits::router())
        .merge(kept::router())
        .merge(settings::router())
        .merge(programmes::router())
        .merge(overview::router())
        .route("/admin/{*rest}", get(|| async { AppError::NotFound }))
        .route_layer(middleware::from_fn_with_state(state, require_staff));
    protected.merge(login::router()).merge(users::public_router())
}

/// A fully signed-in staff member (password and second factor).
#[derive(Debug, Clone)]
pub struct Staff {
    pub user_id: i64,
    pub name: String,
    pub role: Role,
    pub request_id: Option<String>,
}

impl Staff {
    /// This staff member as the use cases see them.
    pub fn actor(&self) -> crate::domain::actor::Actor {
        crate::domain::actor::Actor::Staff {
            user_id: self.user_id,
            role: self.role,
            request_id: self.request_id.clone(),
        }
    }

    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.role.may(permission) { Ok(()) } else { Err(AppError::Refused(permission)) }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Staff>().cloned().ok_or_else(|| Redirect::to("/admin/login").into_response())
    }
}

pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// The session behind the request's cookie, if it is live and its user enabled.
pub async fn live_session(state: &AppState, headers: &HeaderMap) -> Result<Option<(Vec<u8>, SessionRow)>, AppError> {
    Ok(match check_session(state, headers).await? {
        SessionCheck::Live(hash, row) => Some((hash, *row)),
        SessionCheck::Ended { .. } => None,
    })
}

/// A session that is live, or none (with the user whose session just ended, if any).
pub enum SessionCheck {
    Live(Vec<u8>, Box<SessionRow>),
    Ended { user_id: Option<i64> },
}

async fn check_session(state: &AppState, headers: &HeaderMap) -> Result<SessionCheck, AppError> {
    let Some(id) = session::read_cookie(headers, state.settings.cookie_secure) else {
        return Ok(SessionCheck::Ended { user_id: None });
    };
    let hash = tokens::hash(&id);
    let Some(row) = storage::sessions::load(&state.pool, &hash).await? else {
        return Ok(SessionCheck::Ended { user_id: None });
    };
    let now = state.clock.now();
    if row.user_disabled || !session::is_live(row.created_at, row.last_seen_at, now) {
        storage::sessions::delete(&state.pool, &hash).await?;
        let user_id = (!row.user_disabled && row.mfa_done).then_some(row.user_id);
        return Ok(SessionCheck::Ended { user_id });
    }
    if now - row.last_seen_at >= session::TOUCH_EVERY {
        storage::sessions::touch(&state.pool, &hash, now).await?;
    }
    Ok(SessionCheck::Live(hash, Box::new(row)))
}

async fn require_staff(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let found = match check_session(&state, request.headers()).await {
        Ok(SessionCheck::Live(_, row)) => Some(*row),
        Ok(SessionCheck::Ended { user_id }) => return kept::keep_and_sign_in(&state, request, user_id).await,
        Err(err) => return err.into_response(),
    };
    match found {
        None => Redirect::to("/admin/login").into_response(),
        Some(row) if !row.mfa_done => {
            Redirect::to(if row.has_totp { "/admin/mfa" } else { "/admin/mfa/setup" }).into_response()
        }
        Some(row) => {
            let staff = Staff {
                user_id: row.user_id,
                name: row.name,
                role: row.role,
                request_id: request_id(request.headers()),
            };
            request.extensions_mut().insert(staff);
            next.run(request).await
        }
    }
}

/// What the frame of every staff page needs besides the common `PageContext`.
pub struct AdminContext {
    pub s: &'static AdminStrings,
    pub signed_in_as: String,
    pub may_audit: bool,
    pub may_manage_users: bool,
    pub may_manage_organisation: bool,
    pub may_overview: bool,
    pub active: &'static str,
    /// The confirmation of the action that led here (see `done`).
    pub done: Option<String>,
}

impl AdminContext {
    /// The page context and the staff frame for a page at `path`.
    pub fn frame(lang: Lang, path: &str, staff: &Staff, active: &'static str) -> (PageContext, Self) {
        let s = lang.admin();
        let frame = Self {
            s,
            signed_in_as: fill(s.nav_signed_in_as, &[&staff.name]),
            may_audit: staff.role.may(Permission::ReadAuditLog),
            may_manage_users: staff.role.may(Permission::ManageUsers),
            may_manage_organisation: staff.role.may(Permission::ManageOrganisation),
            may_overview: staff.role.may(Permission::ReviewAllApplications),
            active,
            done: None,
        };
        (PageContext::new(lang, path), frame)
    }
}
