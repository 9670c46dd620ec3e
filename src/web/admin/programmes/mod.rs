//! Programmes as data (admins only; others 403, like `/admin/settings`): the
//! list with a form for a new one, and each programme with its edit form
//! (http-contract.md, Version 2, "Organisation and programmes").
mod view;

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};

use super::{AdminContext, Staff};
use crate::{
    domain::{
        programme::{Problem, ProgrammeFacts, ProgrammeFields},
        staff::Permission,
    },
    flows::programmes::{self as flow, Saved},
    i18n::{Lang, ProgrammeStrings},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        page::PageContext,
    },
};
use view::FormView;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/programmes", get(list).post(create))
        .route("/admin/programmes/{slug}", get(show).post(update))
}

/// One programme in the list.
struct Row {
    slug: String,
    name: String,
    organiser: String,
    structure: &'static str,
    profile: &'static str,
    capacity: u32,
    intakes: i64,
}

#[derive(Template)]
#[template(path = "admin/programmes.html")]
struct ListPage {
    ctx: PageContext,
    a: AdminContext,
    t: &'static ProgrammeStrings,
    rows: Vec<Row>,
    form: FormView,
}

#[derive(Template)]
#[template(path = "admin/programme.html")]
struct ShowPage {
    ctx: PageContext,
    a: AdminContext,
    t: &'static ProgrammeStrings,
    title: String,
    /// (label, value) of the programme as stored.
    facts: Vec<(&'static str, String)>,
    form: FormView,
}

type Problems = [(&'static str, Problem)];

async fn list_page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    f: &ProgrammeFields,
    problems: &Problems,
) -> AppResult<ListPage> {
    let t = lang.programmes();
    let listed = flow::list(state, &staff.actor()).await?;
    let rows = listed
        .into_iter()
        .map(|l| Row {
            structure: view::structure_words(t, l.facts.structure.key()).0,
            profile: view::profile_words(t, &l.facts.profile),
            capacity: l.facts.capacity,
            intakes: l.intakes,
            slug: l.facts.slug,
            name: l.facts.name,
            organiser: l.facts.organiser,
        })
        .collect();
    let (ctx, a) = AdminContext::frame(lang, "/admin/programmes", staff, "programmes");
    Ok(ListPage { ctx, a, t, rows, form: view::form(lang, f, problems, None) })
}

fn show_page(lang: Lang, staff: &Staff, p: &ProgrammeFacts, f: &ProgrammeFields, problems: &Problems) -> ShowPage {
    let t = lang.programmes();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/programmes/{}", p.slug), staff, "programmes");
    let (structure, meaning) = view::structure_words(t, p.structure.key());
    let facts = vec![
        (t.structure, format!("{structure}: {meaning}")),
        (t.profile, view::profile_words(t, &p.profile).to_string()),
        (t.organiser, p.organiser.clone()),
        (t.place, p.place.clone()),
        (t.capacity, p.capacity.to_string()),
        (t.home_region, p.home_region.map_or(t.no_region, |r| r.name()).to_string()),
        (t.fee, p.out_of_region_fee_dkk.map(|f| f.to_string()).unwrap_or_else(|| "–".into())),
    ];
    let form = view::form(lang, f, problems, Some(&p.slug));
    ShowPage { ctx, a, t, title: p.name.clone(), facts, form }
}

fn unprocessable(html: String) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response()
}

fn to_programme(slug: &str) -> Response {
    Redirect::to(&format!("/admin/programmes/{slug}")).into_response()
}

async fn list(State(state): State<AppState>, staff: Staff, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ManageOrganisation)?;
    Ok(Html(list_page(&state, lang, &staff, &view::new_fields(), &[]).await?.render()?))
}

/// 303 to the new programme; a bad value or a taken slug: 422 with the form as sent.
async fn create(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Form(fields): Form<ProgrammeFields>,
) -> AppResult<Response> {
    staff.require(Permission::ManageOrganisation)?;
    let problems = match fields.parse() {
        Ok(facts) => match flow::create(&state, &staff.actor(), &facts).await? {
            Saved::Done(slug) => return Ok(to_programme(&slug)),
            Saved::SlugTaken | Saved::NotFound => vec![("slug", Problem::SlugTaken)],
        },
        Err(problems) => problems,
    };
    Ok(unprocessable(list_page(&state, lang, &staff, &fields, &problems).await?.render()?))
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Path(slug): Path<String>,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageOrganisation)?;
    let p = flow::get(&state, &staff.actor(), &slug).await?.ok_or(AppError::NotFound)?;
    Ok(Html(show_page(lang, &staff, &p, &p.fields(), &[]).render()?))
}

/// 303 back to the programme; a bad value: 422 with the form as sent. The
/// slug is the path's.
async fn update(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Path(slug): Path<String>,
    Form(fields): Form<ProgrammeFields>,
) -> AppResult<Response> {
    staff.require(Permission::ManageOrganisation)?;
    let current = flow::get(&state, &staff.actor(), &slug).await?.ok_or(AppError::NotFound)?;
    let fields = ProgrammeFields { slug: current.slug.clone(), ..fields };
    let problems = match fields.parse() {
        Ok(facts) => match flow::update(&state, &staff.actor(), &slug, facts).await? {
            Saved::Done(slug) => return Ok(to_programme(&slug)),
            Saved::SlugTaken | Saved::NotFound => return Err(AppError::NotFound),
        },
        Err(problems) => problems,
    };
    Ok(unprocessable(show_page(lang, &staff, &current, &fields, &problems).render()?))
}
