//! Visits to a year programme's practicum sites: one participant's visits
//! with the form to plan another, planning it, and recording it as held.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    AdminContext, Staff,
    done::{self, Kind},
};
use crate::{
    domain::{
        staff::Permission,
        year_programme::{VisitField, VisitRefused, VisitStatus, YearPlan, parse_visit},
    },
    flows::cohorts::visits::{self as flow, ParticipantVisits, PlannedVisit, VisitDone, YearOverview},
    i18n::{Lang, dates, fill},
    storage::cohorts::SiteVisit,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        notice::NoticePage,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/cohorts/{id}/visits", post(plan))
        .route("/admin/cohorts/{id}/participants/{reference}/visits", get(form))
        .route("/admin/cohorts/{id}/visits/{visit}/held", post(held))
}

/// The visit form as typed; `with_supervisor=yes` when the supervisor takes part.
#[derive(Deserialize, Default)]
#[serde(default)]
struct VisitForm {
    reference: String,
    date: String,
    from: String,
    to: String,
    with_supervisor: String,
    note: String,
}

/// A message beside a field, with the field's id for the summary's link.
struct FieldError {
    id: &'static str,
    message: String,
}

#[derive(Template)]
#[template(path = "admin/visit.html")]
struct VisitPage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    back: String,
    action: String,
    period: String,
    summary: String,
    visits: Vec<String>,
    f: VisitForm,
    errors: Vec<FieldError>,
}

impl VisitPage {
    fn error(&self, id: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.id == id).map(|e| e.message.as_str())
    }
}

fn period_line(lang: Lang, plan: &YearPlan) -> String {
    let (starts, ends) = (dates::long_date(lang, plan.starts), dates::long_date(lang, plan.ends));
    fill(lang.cohort().year_period, &[&plan.months, &starts, &ends, &plan.site_visits])
}

/// The participant's page with `f` in the form and `errors` beside its fields.
async fn render(
    state: &AppState,
    (lang, staff): (Lang, &Staff),
    id: i64,
    f: VisitForm,
    errors: Vec<FieldError>,
) -> AppResult<String> {
    let Some(y) = flow::overview_of(state, id, &f.reference).await? else { return Err(AppError::NotFound) };
    let path = format!("/admin/cohorts/{id}/participants/{}/visits", f.reference);
    let (ctx, a) = AdminContext::frame(lang, &path, staff, "intakes");
    let page = VisitPage {
        ctx,
        a,
        title: fill(lang.cohort().visit_plan_title, &[&y.person.participant.full_name]),
        back: format!("/admin/cohorts/{id}#visits"),
        action: format!("/admin/cohorts/{id}/visits"),
        period: period_line(lang, &y.plan),
        summary: visit_summary(lang, &y.person),
        visits: y.person.visits.iter().map(|v| visit_line(lang, v)).collect(),
        f,
        errors,
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
    let f = VisitForm { reference, from: "10:00".into(), to: "11:00".into(), ..VisitForm::default() };
    Ok(Html(render(&state, (lang, &staff), id, f, Vec::new()).await?))
}

/// The messages for fields that did not parse, or the rule's refusal.
fn field_errors(lang: Lang, wrong: &[VisitField]) -> Vec<FieldError> {
    let t = lang.cohort();
    let on = |field, id, message: &str| wrong.contains(&field).then(|| FieldError { id, message: message.into() });
    [
        on(VisitField::Date, "v-date", t.err_visit_date),
        on(VisitField::Times, "v-from", t.err_visit_times),
        on(VisitField::Note, "v-note", t.err_visit_note),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn refused(lang: Lang, why: VisitRefused, plan: &YearPlan) -> FieldError {
    let t = lang.cohort();
    let (starts, ends) = (dates::long_date(lang, plan.starts), dates::long_date(lang, plan.ends));
    match why {
        VisitRefused::OutsidePracticum => {
            FieldError { id: "v-date", message: fill(t.err_visit_outside, &[&starts, &ends]) }
        }
        VisitRefused::EndsBeforeStart => FieldError { id: "v-from", message: t.err_visit_times.into() },
        VisitRefused::NotYetHeld => FieldError { id: "v-date", message: t.err_visit_not_yet.into() },
    }
}

async fn plan(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(f): Form<VisitForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let errors = match parse_visit(&f.date, &f.from, &f.to, &f.note) {
        Err(wrong) => field_errors(lang, &wrong),
        Ok(v) => {
            let (with_supervisor, note) = (f.with_supervisor == "yes", v.note.as_deref());
            let planned = PlannedVisit {
                reference: &f.reference,
                day: v.day,
                starts: v.starts,
                ends: v.ends,
                with_supervisor,
                note,
            };
            match flow::plan(&state, &staff.actor(), id, &planned).await? {
                VisitDone::Done => {
                    let to = done::to(&format!("/admin/cohorts/{id}"), Kind::VisitPlanned, 1, "visits");
                    return Ok(Redirect::to(&to).into_response());
                }
                VisitDone::Refused(why, plan) => vec![refused(lang, why, &plan)],
                VisitDone::NotFound => return Err(AppError::NotFound),
            }
        }
    };
    let html = render(&state, (lang, &staff), id, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

async fn held(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, visit)): Path<(i64, i64)>,
    lang: Lang,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    Ok(match flow::record_held(&state, &staff.actor(), id, visit).await? {
        VisitDone::Done => {
            Redirect::to(&done::to(&format!("/admin/cohorts/{id}"), Kind::VisitHeld, 1, "visits")).into_response()
        }
        VisitDone::Refused(why, plan) => {
            let t = lang.cohort();
            NoticePage::new(PageContext::new(lang, "/admin"), t.visits_title, vec![refused(lang, why, &plan).message])
                .link(format!("/admin/cohorts/{id}#visits"), t.visits_title)
                .respond(StatusCode::CONFLICT)
        }
        VisitDone::NotFound => return Err(AppError::NotFound),
    })
}

/// The year programme's part of the cohort page: the period and each
/// participant's placement, visits and warning.
pub struct YearSection {
    pub period: String,
    pub people: Vec<PersonVisits>,
}

pub struct PersonVisits {
    pub reference: String,
    pub name: String,
    pub site: String,
    /// `domain::year_programme::VisitStatus::key`, for `data-visits`.
    pub status: &'static str,
    /// "2 af 3 besøg holdt, 1 planlagt".
    pub counts: String,
    pub state: String,
    pub warning: bool,
    pub visits: Vec<VisitRow>,
}

pub struct VisitRow {
    pub id: i64,
    pub line: String,
    /// Not yet recorded as held.
    pub open: bool,
}

fn counts(lang: Lang, p: &ParticipantVisits) -> String {
    let c = p.count;
    fill(lang.cohort().visits_count, &[&c.held, &c.required, &(c.planned + c.unrecorded)])
}

/// "2 af 3 besøg holdt, 1 planlagt" and what the rule says about it.
fn visit_summary(lang: Lang, p: &ParticipantVisits) -> String {
    format!("{}. {}", counts(lang, p), status_text(lang, p.status))
}

fn status_text(lang: Lang, status: VisitStatus) -> String {
    let t = lang.cohort();
    match status {
        VisitStatus::Done => t.visits_done.into(),
        VisitStatus::OnCourse => t.visits_on_course.into(),
        VisitStatus::TooFewPlanned { missing } => fill(t.visits_too_few, &[&missing]),
        VisitStatus::Unrecorded { count } => fill(t.visits_unrecorded, &[&count]),
        VisitStatus::EndedShort { missing } => fill(t.visits_ended_short, &[&missing]),
    }
}

/// A visit's day, times, company, state and note, in one line.
fn visit_line(lang: Lang, v: &SiteVisit) -> String {
    let t = lang.cohort();
    let mut line =
        format!("{} {}-{}", dates::long_date(lang, v.day), dates::clock(lang, v.starts), dates::clock(lang, v.ends));
    if !v.with_supervisor {
        line = format!("{line}, {}", t.visit_without_supervisor);
    }
    let state = match (v.held_at, &v.held_by) {
        (Some(at), by) => fill(t.visit_held, &[&dates::long_moment(lang, at), &by.as_deref().unwrap_or("–")]),
        (None, _) => t.visit_planned.into(),
    };
    line = format!("{line}: {state}");
    match &v.note {
        Some(note) => format!("{line} ({note})"),
        None => line,
    }
}

/// The section, from the flow's overview.
pub(super) fn year_section(lang: Lang, o: YearOverview) -> YearSection {
    let t = lang.cohort();
    let people = o
        .people
        .iter()
        .map(|p| PersonVisits {
            reference: p.participant.reference.clone(),
            name: p.participant.full_name.clone(),
            site: p.site.as_ref().map_or_else(|| t.placement_add.to_string(), |s| s.site_name.clone()),
            status: p.status.key(),
            counts: counts(lang, p),
            state: status_text(lang, p.status),
            warning: p.status.is_warning(),
            visits: p
                .visits
                .iter()
                .map(|v| VisitRow { id: v.id, line: visit_line(lang, v), open: v.held_at.is_none() })
                .collect(),
        })
        .collect();
    YearSection { period: period_line(lang, &o.plan), people }
}
