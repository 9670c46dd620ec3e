//! One intake for staff: its counts, the form to change it, its interview
//! slots with the form to add some, its meetings and cohorts.
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    super::{AdminContext, done::Done},
    IntakeRow, Staff, problems, row,
};
use crate::{
    domain::{
        intake::{Intake, IntakeFields},
        local_time::{local_date, to_local},
        offer_kind::OfferKind,
        staff::Permission,
    },
    flows::{self, intakes::Saved},
    i18n::{Lang, dates, fill},
    storage::{self, interviews::SlotView},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::{Form, FormFields},
        page::PageContext,
    },
};

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
    /// (day in words, ISO date, the day's slots)
    slot_days: Vec<(String, String, Vec<SlotRow>)>,
    day_options: Vec<(String, String, bool)>,
    panel_options: Vec<(i64, String, bool)>,
    slot_form: SlotForm,
    slot_error: Option<&'static str>,
    meetings: Vec<(i64, String)>,
    cohorts: Vec<(i64, String)>,
    /// A recruitment: one set of positions instead of cohorts.
    job: bool,
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
pub struct SlotForm {
    pub from: String,
    pub to: String,
    pub minutes: String,
    pub buffer_minutes: String,
    pub place: String,
}

/// The slot form as sent: its fields, the chosen day and panel.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct SentSlots {
    from: String,
    to: String,
    minutes: String,
    buffer_minutes: String,
    place: String,
    date: String,
    panel: Vec<String>,
}

/// The form's text for an existing intake, in the contract's formats.
fn fields_of(intake: &Intake) -> IntakeFields {
    let moment = |m| to_local(m).format("%Y-%m-%dT%H:%M").to_string();
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

/// The intake form as sent, and its problems.
struct Edit {
    fields: IntakeFields,
    errors: Vec<(String, String)>,
}

/// The slot form sent back with a problem.
struct SlotRetry {
    sent: SentSlots,
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
    let sent = form.decode().unwrap_or_default();
    let html = show_page(state, staff, id, lang, None, Some(SlotRetry { sent, error }), None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

/// The slots by day, in the order stored.
fn slot_days(lang: Lang, slots: Vec<SlotView>) -> Vec<(String, String, Vec<SlotRow>)> {
    let mut days: Vec<(String, String, Vec<SlotRow>)> = Vec::new();
    for slot in slots {
        let date = local_date(slot.starts_at);
        let day = dates::long_date(lang, date);
        let (from, to) = (to_local(slot.starts_at), to_local(slot.ends_at));
        let row = SlotRow {
            id: slot.id,
            time: format!("{}-{}", dates::clock(lang, from.time()), dates::clock(lang, to.time())),
            place: slot.place,
            panel: slot.panel.join(", "),
            booked: slot.reference.map(|r| (r, slot.applicant.unwrap_or_default())),
            accommodations: slot.accommodations.unwrap_or_default(),
        };
        match days.last_mut() {
            Some((d, _, rows)) if *d == day => rows.push(row),
            _ => days.push((day, date.to_string(), vec![row])),
        }
    }
    days
}

/// The slot form as sent, or its defaults with the programme's place.
fn slot_form(retry: Option<&SlotRetry>, intake: &Intake) -> SlotForm {
    match retry {
        Some(r) => SlotForm {
            from: r.sent.from.clone(),
            to: r.sent.to.clone(),
            minutes: r.sent.minutes.clone(),
            buffer_minutes: r.sent.buffer_minutes.clone(),
            place: r.sent.place.clone(),
        },
        None => SlotForm {
            from: "09:00".into(),
            to: "12:00".into(),
            minutes: "45".into(),
            buffer_minutes: "15".into(),
            place: intake.programme.place.clone(),
        },
    }
}

/// What the page of one intake reads.
struct Stored {
    overview: storage::intakes::IntakeOverview,
    intake: Intake,
    slots: Vec<SlotView>,
    candidates: Vec<storage::interviews::PanelCandidate>,
    meetings: Vec<crate::domain::info_meeting::InfoMeeting>,
    cohorts: Vec<(i64, String)>,
    unreleased: i64,
}

async fn stored(state: &AppState, id: i64) -> AppResult<Stored> {
    let overview = storage::intakes::overview_of(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let (slots, candidates, meetings) = tokio::try_join!(
        storage::interviews::slots_of_intake(&state.pool, &state.key, id),
        storage::interviews::panel_candidates(&state.pool),
        storage::info_meetings::of_intake(&state.pool, id),
    )?;
    let cohorts = storage::cohorts::of_intake(&state.pool, id).await?;
    let unreleased = storage::cohorts::count_unreleased(&state.pool, id).await?;
    Ok(Stored { overview, intake, slots, candidates, meetings, cohorts, unreleased })
}

/// (value, label, chosen) of each interview day in the slot form.
fn day_options(lang: Lang, days: &[chrono::NaiveDate], chosen: &str) -> Vec<(String, String, bool)> {
    days.iter().map(|d| (d.to_string(), dates::long_date(lang, *d), d.to_string() == chosen)).collect()
}

async fn show_page(
    state: &AppState,
    staff: &Staff,
    id: i64,
    lang: Lang,
    edit: Option<Edit>,
    retry: Option<SlotRetry>,
    done: Option<String>,
) -> AppResult<String> {
    let Stored { overview, intake, slots, candidates, meetings, cohorts, unreleased } = stored(state, id).await?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}"), staff, "intakes");
    let edit = edit.unwrap_or_else(|| Edit { fields: fields_of(&intake), errors: Vec::new() });
    let day = retry.as_ref().map(|r| r.sent.date.clone()).unwrap_or_default();
    let panel = retry.as_ref().map(|r| r.sent.panel.clone()).unwrap_or_default();
    let page = ShowPage {
        ctx,
        a: AdminContext { done, ..a },
        id,
        intake: row(lang, &overview),
        opens: dates::long_moment(lang, intake.opens_at),
        interview_days: intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
        public_href: format!("/intakes/{}", intake.slug),
        fields: edit.fields,
        errors: edit.errors,
        may_edit: staff.role.may(Permission::ManageIntakes),
        slot_days: slot_days(lang, slots),
        day_options: day_options(lang, &intake.interview_days, &day),
        panel_options: candidates.into_iter().map(|c| (c.id, c.name, panel.contains(&c.id.to_string()))).collect(),
        slot_form: slot_form(retry.as_ref(), &intake),
        slot_error: retry.map(|r| r.error),
        meetings: meetings.iter().map(|m| (m.id, dates::long_span(lang, m.starts_at, m.ends_at))).collect(),
        cohorts,
        job: OfferKind::of(intake.programme.structure).is_job(),
        release_text: fill(lang.cohort().release_text, &[&unreleased]),
        may_release: unreleased > 0 && staff.role.may(Permission::DecideApplications),
    };
    Ok(page.render()?)
}

pub(super) async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    done: Done,
) -> AppResult<Html<String>> {
    staff.require(Permission::ReviewAllApplications)?;
    Ok(Html(show_page(&state, &staff, id, lang, None, None, done.line(lang)).await?))
}

pub(super) async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(sent): Form<IntakeFields>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let current = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    // The programme is not the form's to change.
    let fields = IntakeFields { programme: current.programme.slug.clone(), ..sent };
    let saved = match fields.parse() {
        Ok(parsed) => Ok(flows::intakes::update(&state, &staff.actor(), id, &parsed).await?),
        Err(problems) => Err(problems),
    };
    if let Ok(Saved::Done(_)) = saved {
        return Ok(Redirect::to(&crate::web::admin::done::to(
            &format!("/admin/intakes/{id}"),
            crate::web::admin::done::Kind::IntakeSaved,
            1,
            "",
        ))
        .into_response());
    }
    let errors = problems(lang.admin(), saved);
    let html = show_page(&state, &staff, id, lang, Some(Edit { fields, errors }), None, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
