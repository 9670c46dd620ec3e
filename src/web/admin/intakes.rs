//! Intakes for staff: the overview with counts per status, and creating one.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde_json::json;

use super::{AdminContext, Staff};
use crate::{
    domain::{
        application::Status,
        intake::{IntakeFields, IntakeProblem},
        staff::Permission,
    },
    i18n::{AdminStrings, Lang, dates},
    storage::{self, intakes::CreateIntakeError},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/intakes", get(list).post(create)).route("/admin/intakes/{id}", get(show).post(update))
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

async fn create(State(state): State<AppState>, staff: Staff, lang: Lang, form: FormFields) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let s = lang.admin();
    let fields = IntakeFields {
        programme: form.get("programme"),
        slug: form.get("slug"),
        name: form.get("name"),
        opens_at: form.get("opens_at"),
        deadline: form.get("deadline"),
        start_date: form.get("start_date"),
        interview_days: form.get("interview_days"),
        booking_cutoff_hours: form.get("booking_cutoff_hours"),
        auto_offer: form.get("auto_offer"),
    };
    let errors: Vec<(String, String)> = match fields.parse() {
        Ok(parsed) => match storage::intakes::create(&state.pool, &parsed).await {
            Ok(id) => {
                announce_intake(&state, id).await?;
                staff.audit(&state, "intake_created", None, json!({ "intake_id": id })).await?;
                return Ok(Redirect::to(&format!("/admin/intakes/{id}")).into_response());
            }
            Err(CreateIntakeError::SlugTaken) => vec![("slug".into(), s.err_slug_taken.into())],
            Err(CreateIntakeError::UnknownProgramme) => {
                vec![("programme".into(), s.err_programme.into())]
            }
            Err(CreateIntakeError::Database(e)) => return Err(e.into()),
        },
        Err(problems) => problems.into_iter().map(|(f, p)| (f.to_string(), message(s, p, f).to_string())).collect(),
    };
    let html = list_page(&state, lang, &staff, fields, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

#[derive(Template)]
#[template(path = "admin/intake.html")]
struct ShowPage {
    ctx: PageContext,
    a: AdminContext,
    id: i64,
    intake: IntakeRow,
    opens: String,
    interview_days: Vec<String>,
    public_href: String,
    fields: IntakeFields,
    errors: Vec<(String, String)>,
    may_edit: bool,
    slot_days: Vec<(String, String, Vec<SlotRow>)>,
    day_options: Vec<(String, String, bool)>,
    panel_options: Vec<(i64, String, bool)>,
    slot_form: SlotForm,
    slot_error: Option<&'static str>,
    meetings: Vec<(i64, String)>,
    cohorts: Vec<(i64, String)>,
    release_text: String,
    may_release: bool,
}

pub struct SlotRow {
    pub id: i64,
    pub time: String,
    pub place: String,
    pub panel: String,
    pub booked: Option<(String, String)>,
    pub accommodations: String,
}

/// What the slot form was sent with, to show it again.
#[derive(Default)]
pub struct SlotForm {
    pub from: String,
    pub to: String,
    pub minutes: String,
    pub buffer_minutes: String,
    pub place: String,
}

/// The form's text for an existing intake, in the contract's formats.
fn fields_of(intake: &crate::domain::intake::Intake) -> IntakeFields {
    let moment = |m| crate::domain::local_time::to_local(m).format("%Y-%m-%dT%H:%M").to_string();
    IntakeFields {
        programme: intake.programme.slug.clone(),
        slug: intake.slug.clone(),
        name: intake.name.clone(),
        opens_at: moment(intake.opens_at),
        deadline: moment(intake.deadline),
        start_date: intake.start_date.to_string(),
        interview_days: intake.interview_days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
        booking_cutoff_hours: intake.booking_cutoff_hours.to_string(),
        auto_offer: if intake.auto_offer { "yes".into() } else { String::new() },
    }
}

type Edit = (IntakeFields, Vec<(String, String)>);

/// The slot form sent back with a problem.
pub struct SlotRetry<'a> {
    form: &'a FormFields,
    error: &'static str,
}

pub async fn slot_error(
    state: &AppState,
    staff: &Staff,
    id: i64,
    lang: Lang,
    form: &FormFields,
    error: &'static str,
) -> AppResult<Response> {
    let html = show_page(state, staff, id, lang, None, Some(SlotRetry { form, error })).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

async fn show_page(
    state: &AppState,
    staff: &Staff,
    id: i64,
    lang: Lang,
    edit: Option<Edit>,
    retry: Option<SlotRetry<'_>>,
) -> AppResult<String> {
    let overview = storage::intakes::overview_of(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}"), staff, "intakes");
    let (fields, errors) = edit.unwrap_or_else(|| (fields_of(&intake), Vec::new()));
    let (slots, candidates, meetings) = tokio::try_join!(
        storage::interviews::slots_of_intake(&state.pool, &state.key, id),
        storage::interviews::panel_candidates(&state.pool),
        storage::info_meetings::of_intake(&state.pool, id),
    )?;
    let cohorts = storage::cohorts::of_intake(&state.pool, id).await?;
    let unreleased = storage::cohorts::count_unreleased(&state.pool, id).await?;
    let mut slot_days: Vec<(String, String, Vec<SlotRow>)> = Vec::new();
    for slot in slots {
        let date = crate::domain::local_time::local_date(slot.starts_at);
        let day = dates::long_date(lang, date);
        let (from, to) =
            (crate::domain::local_time::to_local(slot.starts_at), crate::domain::local_time::to_local(slot.ends_at));
        let row = SlotRow {
            id: slot.id,
            time: format!("{}-{}", dates::clock(lang, from.time()), dates::clock(lang, to.time())),
            place: slot.place,
            panel: slot.panel.join(", "),
            booked: slot.reference.map(|r| (r, slot.applicant.unwrap_or_default())),
            accommodations: slot.accommodations.unwrap_or_default(),
        };
        match slot_days.last_mut() {
            Some((d, _, rows)) if *d == day => rows.push(row),
            _ => slot_days.push((day, date.to_string(), vec![row])),
        }
    }
    let chosen_day = retry.as_ref().map(|r| r.form.get("date")).unwrap_or_default();
    let chosen_panel = retry.as_ref().map(|r| r.form.all("panel")).unwrap_or_default();
    let slot_form = retry
        .as_ref()
        .map(|r| SlotForm {
            from: r.form.get("from"),
            to: r.form.get("to"),
            minutes: r.form.get("minutes"),
            buffer_minutes: r.form.get("buffer_minutes"),
            place: r.form.get("place"),
        })
        .unwrap_or_else(|| SlotForm {
            from: "09:00".into(),
            to: "12:00".into(),
            minutes: "45".into(),
            buffer_minutes: "15".into(),
            place: intake.programme.place.clone(),
        });
    let page = ShowPage {
        ctx,
        a,
        id,
        intake: row(lang, &overview),
        opens: dates::long_moment(lang, intake.opens_at),
        interview_days: intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
        public_href: format!("/intakes/{}", intake.slug),
        fields,
        errors,
        may_edit: staff.role.may(Permission::ManageIntakes),
        slot_days,
        day_options: intake
            .interview_days
            .iter()
            .map(|d| (d.to_string(), dates::long_date(lang, *d), d.to_string() == chosen_day))
            .collect(),
        panel_options: candidates
            .into_iter()
            .map(|c| (c.id, c.name, chosen_panel.contains(&c.id.to_string())))
            .collect(),
        slot_form,
        slot_error: retry.map(|r| r.error),
        meetings: meetings.iter().map(|m| (m.id, dates::long_span(lang, m.starts_at, m.ends_at))).collect(),
        cohorts,
        release_text: crate::i18n::fill(lang.cohort().release_text, &[&unreleased]),
        may_release: unreleased > 0 && staff.role.may(Permission::DecideApplications),
    };
    Ok(page.render()?)
}

async fn show(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ReviewAllApplications)?;
    Ok(Html(show_page(&state, &staff, id, lang, None, None).await?))
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let s = lang.admin();
    let current = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let fields = IntakeFields {
        programme: current.programme.slug.clone(),
        slug: form.get("slug"),
        name: form.get("name"),
        opens_at: form.get("opens_at"),
        deadline: form.get("deadline"),
        start_date: form.get("start_date"),
        interview_days: form.get("interview_days"),
        booking_cutoff_hours: form.get("booking_cutoff_hours"),
        auto_offer: form.get("auto_offer"),
    };
    let errors: Vec<(String, String)> = match fields.parse() {
        Ok(parsed) => match storage::intakes::update(&state.pool, id, &parsed).await {
            Ok(_) => {
                staff.audit(&state, "intake_changed", None, json!({ "intake_id": id })).await?;
                return Ok(Redirect::to(&format!("/admin/intakes/{id}")).into_response());
            }
            Err(CreateIntakeError::SlugTaken) => vec![("slug".into(), s.err_slug_taken.into())],
            Err(CreateIntakeError::UnknownProgramme) => {
                vec![("programme".into(), s.err_programme.into())]
            }
            Err(CreateIntakeError::Database(e)) => return Err(e.into()),
        },
        Err(problems) => problems.into_iter().map(|(f, p)| (f.to_string(), message(s, p, f).to_string())).collect(),
    };
    let html = show_page(&state, &staff, id, lang, Some((fields, errors)), None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

/// Tells everyone on the "let me know" list about a new intake still ahead.
async fn announce_intake(state: &AppState, id: i64) -> AppResult<()> {
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    if intake.deadline <= state.clock.now() {
        return Ok(());
    }
    let (lang, t) = (Lang::MAIL, Lang::MAIL.meeting());
    let name = format!("{} – {}", intake.programme.name, intake.name);
    let text = crate::i18n::fill(
        t.mail_intake_news_body,
        &[&name, &dates::long_moment(lang, intake.opens_at), &dates::long_moment(lang, intake.deadline)],
    );
    let link = crate::mail::body::MailLink {
        label: t.mail_intake_news_link.into(),
        url: state.settings.absolute(&format!("/intakes/{}", intake.slug)),
    };
    let mut tx = state.pool.begin().await?;
    crate::web::notify::announce(&mut tx, state, t.mail_intake_news_subject, text, link).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}
