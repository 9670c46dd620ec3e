//! Intakes for staff: the overview with counts per status, and creating one.
mod show;

pub use show::slot_error;

use askama::Template;
use axum::{
    Router,
    extract::State,
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};

use super::{AdminContext, Staff};
use crate::{
    domain::{
        application::Status,
        intake::{IntakeFields, IntakeProblem},
        staff::Permission,
    },
    flows::{self, intakes::Saved},
    i18n::{AdminStrings, Lang, dates},
    storage,
    web::{AppState, error::AppResult, form::Form, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes", get(list).post(create))
        .route("/admin/intakes/{id}", get(show::show).post(show::update))
}

pub struct IntakeRow {
    pub href: String,
    pub name: String,
    pub programme: String,
    pub deadline: String,
    pub start: String,
    /// (status label, count, link to the filtered list)
    pub counts: Vec<(&'static str, i64, String)>,
    pub total: i64,
}

pub fn status_label(s: &AdminStrings, status: Status) -> &'static str {
    match status {
        Status::Submitted => s.status_submitted,
        Status::Invited => s.status_invited,
        Status::Interviewed => s.status_interviewed,
        Status::Offered => s.status_offered,
        Status::Admitted => s.status_admitted,
        Status::Waitlisted => s.status_waitlisted,
        Status::Declined => s.status_declined,
        Status::Rejected => s.status_rejected,
        Status::Withdrawn => s.status_withdrawn,
    }
}

fn row(lang: Lang, o: &storage::intakes::IntakeOverview) -> IntakeRow {
    let s = lang.admin();
    IntakeRow {
        href: format!("/admin/intakes/{}", o.id),
        name: o.name.clone(),
        programme: o.programme_name.clone(),
        deadline: dates::long_moment(lang, o.deadline),
        start: dates::long_date(lang, o.start_date),
        counts: Status::ALL
            .iter()
            .map(|st| {
                let n = o.counts.get(st.key()).copied().unwrap_or(0);
                (status_label(s, *st), n, format!("/admin/applications?intake={}&status={}", o.id, st.key()))
            })
            .collect(),
        total: o.counts.values().sum(),
    }
}

#[derive(Template)]
#[template(path = "admin/intakes.html")]
struct ListPage {
    ctx: PageContext,
    a: AdminContext,
    intakes: Vec<IntakeRow>,
    programmes: Vec<(String, String)>,
    fields: IntakeFields,
    errors: Vec<(String, String)>,
    may_create: bool,
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    fields: IntakeFields,
    errors: Vec<(String, String)>,
) -> AppResult<String> {
    let (ctx, a) = AdminContext::frame(lang, "/admin/intakes", staff, "intakes");
    let intakes = storage::intakes::overview(&state.pool).await?;
    let page = ListPage {
        ctx,
        a,
        intakes: intakes.iter().map(|o| row(lang, o)).collect(),
        programmes: storage::programmes::names(&state.pool).await?,
        fields,
        errors,
        may_create: staff.role.may(Permission::ManageIntakes),
    };
    Ok(page.render()?)
}

async fn list(State(state): State<AppState>, staff: Staff, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ReviewAllApplications)?;
    Ok(Html(list_page(&state, lang, &staff, IntakeFields::default(), Vec::new()).await?))
}

fn message(s: &AdminStrings, problem: IntakeProblem, field: &str) -> &'static str {
    match (problem, field) {
        (IntakeProblem::Required, "programme") => s.err_programme,
        (IntakeProblem::Required, _) => s.err_required,
        (IntakeProblem::Slug, "programme") => s.err_programme,
        (IntakeProblem::Slug, _) => s.err_slug,
        (IntakeProblem::Moment, _) => s.err_moment,
        (IntakeProblem::Date, _) => s.err_date,
        (IntakeProblem::Dates, _) => s.err_dates,
        (IntakeProblem::DeadlineBeforeOpening, _) => s.err_deadline_order,
        (IntakeProblem::Hours, _) => s.err_number,
    }
}

/// The problems of a refused intake, by field.
fn problems(s: &AdminStrings, saved: Result<Saved, Vec<(&'static str, IntakeProblem)>>) -> Vec<(String, String)> {
    match saved {
        Ok(Saved::Done(_)) => Vec::new(),
        Ok(Saved::SlugTaken) => vec![("slug".into(), s.err_slug_taken.into())],
        Ok(Saved::UnknownProgramme) => vec![("programme".into(), s.err_programme.into())],
        Err(problems) => problems.into_iter().map(|(f, p)| (f.to_string(), message(s, p, f).to_string())).collect(),
    }
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Form(fields): Form<IntakeFields>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let saved = match fields.parse() {
        Ok(parsed) => Ok(flows::intakes::create(&state, &staff.actor(), &parsed).await?),
        Err(problems) => Err(problems),
    };
    if let Ok(Saved::Done(id)) = saved {
        return Ok(Redirect::to(&format!("/admin/intakes/{id}")).into_response());
    }
    let errors = problems(lang.admin(), saved);
    let html = list_page(&state, lang, &staff, fields, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
