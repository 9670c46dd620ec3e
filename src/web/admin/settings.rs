//! The school's own details (admins only): the data controller and how
//! applicants reach it, shown in every footer, every mail and on `/privacy`.
use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde::Deserialize;

use super::{AdminContext, Staff};
use crate::{
    domain::{
        organisation::{Organisation, OrganisationFields, Problem},
        staff::Permission,
    },
    flows,
    i18n::{Lang, SettingsStrings},
    storage,
    web::{AppState, error::AppResult, form::Form, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/settings", get(show).post(save))
}

/// One input of the form, with its problem beside it.
pub struct Input {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub value: String,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    ctx: PageContext,
    a: AdminContext,
    t: &'static SettingsStrings,
    inputs: Vec<Input>,
    /// (link to the field, message) for the summary at the top.
    errors: Vec<(String, &'static str)>,
    saved: bool,
}

fn message(t: &SettingsStrings, field: &str, problem: Problem) -> &'static str {
    match problem {
        Problem::Required if field == "organisation_address" => t.err_address_required,
        Problem::Required => t.err_name_required,
        Problem::TooLong => t.err_too_long,
        Problem::NotAnEmail => t.err_email,
        Problem::NotAPhone => t.err_phone,
        Problem::NoWayToReach => t.err_no_way_to_reach,
    }
}

fn page(lang: Lang, staff: &Staff, f: &OrganisationFields, problems: &[(&str, Problem)], saved: bool) -> SettingsPage {
    let t = lang.settings();
    let (ctx, a) = AdminContext::frame(lang, "/admin/settings", staff, "settings");
    let error = |name: &str| problems.iter().find(|(n, _)| *n == name).map(|(n, p)| message(t, n, *p));
    let input = |name, label, hint, kind, autocomplete, value: &String| Input {
        name,
        label,
        hint,
        kind,
        autocomplete,
        value: value.clone(),
        error: error(name),
    };
    let inputs = vec![
        input("organisation_name", t.name, "", "text", "organization", &f.organisation_name),
        input("organisation_address", t.address, t.address_hint, "text", "street-address", &f.organisation_address),
        input("contact_email", t.contact_email, t.contact_hint, "email", "email", &f.contact_email),
        input("contact_phone", t.contact_phone, t.contact_hint, "tel", "tel", &f.contact_phone),
        input("dpo_email", t.dpo_email, t.dpo_hint, "email", "off", &f.dpo_email),
    ];
    let errors = problems.iter().map(|(n, p)| (format!("#f-{n}"), message(t, n, *p))).collect();
    SettingsPage { ctx, a, t, inputs, errors, saved }
}

#[derive(Deserialize)]
struct Shown {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Query(q): Query<Shown>,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageOrganisation)?;
    let fields = storage::organisation::load(&state.pool).await?.map(|o| o.fields()).unwrap_or_default();
    Ok(Html(page(lang, &staff, &fields, &[], q.saved.is_some()).render()?))
}

async fn save(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Form(fields): Form<OrganisationFields>,
) -> AppResult<Response> {
    staff.require(Permission::ManageOrganisation)?;
    let org = match Organisation::parse(&fields) {
        Ok(org) => org,
        Err(problems) => {
            let html = page(lang, &staff, &fields, &problems, false).render()?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
        }
    };
    flows::settings::save_organisation(&state, &staff.actor(), org).await?;
    Ok(Redirect::to("/admin/settings?saved=1").into_response())
}
