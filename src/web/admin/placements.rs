//! A participant's practicum site and supervisor; confirming it mails the
//! supervisor the practicum's dates.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

use super::{AdminContext, Staff};
use crate::{
    domain::staff::Permission,
    flows::cohorts::placements::{self as flow, Named, Saved},
    i18n::{Lang, fill},
    storage::cohorts::Placement,
    web::{AppState, error::AppResult, form::Form, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/cohorts/{id}/placements/{reference}", get(form).post(save))
}

#[derive(Template)]
#[template(path = "admin/placement.html")]
struct PlacementPage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    action: String,
    back: String,
    p: Placement,
    error: Option<&'static str>,
}

fn page(
    lang: Lang,
    staff: &Staff,
    id: i64,
    reference: &str,
    n: Named,
    error: Option<&'static str>,
) -> AppResult<String> {
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}/placements/{reference}"), staff, "intakes");
    let page = PlacementPage {
        ctx,
        a,
        title: fill(lang.cohort().placement_title, &[&n.name]),
        action: format!("/admin/cohorts/{id}/placements/{reference}"),
        back: format!("/admin/cohorts/{id}#participants"),
        p: n.placement,
        error,
    };
    Ok(page.render()?)
}

async fn form(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference)): Path<(i64, String)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let named = flow::placement(&state, id, &reference).await?;
    Ok(Html(page(lang, &staff, id, &reference, named, None)?))
}

/// The placement form as typed; `confirm=yes` confirms it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PlacementForm {
    site_name: String,
    site_kind: String,
    address: String,
    contact: String,
    supervisor_name: String,
    supervisor_email: String,
    supervisor_phone: String,
    confirm: String,
}

impl PlacementForm {
    /// Each text trimmed to at most 300 characters; empty optional ones are none.
    fn placement(&self) -> Placement {
        let text = |v: &str| v.trim().chars().take(300).collect::<String>();
        let optional = |v: &str| Some(text(v)).filter(|v| !v.is_empty());
        Placement {
            site_name: text(&self.site_name),
            site_kind: text(&self.site_kind),
            address: text(&self.address),
            contact: optional(&self.contact),
            supervisor_name: text(&self.supervisor_name),
            supervisor_email: text(&self.supervisor_email),
            supervisor_phone: optional(&self.supervisor_phone),
            confirmed_at: None,
        }
    }
}

async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference)): Path<(i64, String)>,
    lang: Lang,
    Form(form): Form<PlacementForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let confirm = form.confirm == "yes";
    match flow::save(&state, &staff.actor(), id, &reference, form.placement(), confirm).await? {
        Saved::Done => {
            let to = crate::web::admin::done::to(
                &format!("/admin/cohorts/{id}"),
                crate::web::admin::done::Kind::Placement,
                1,
                "participants",
            );
            Ok(Redirect::to(&to).into_response())
        }
        Saved::Invalid(named) => {
            let html = page(lang, &staff, id, &reference, *named, Some(lang.cohort().err_placement))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
        }
    }
}
