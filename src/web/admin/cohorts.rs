//! Cohorts for staff: create, the cohort page (seats, waiting list, teaching
//! plan, practicum), its calendar feed; offering seats and the waiting list.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use chrono::{NaiveDate, NaiveTime};
use serde_json::json;

use super::{AdminContext, Staff, intakes::status_label};
use crate::{
    domain::{
        local_time::{from_local, parse_date, parse_date_list},
        schedule,
        staff::Permission,
    },
    flows::cohorts::{self as flow, Offered, Waitlisted},
    i18n::{Lang, dates, fill},
    mail::calendar::{self, CalendarEvent, Kind},
    storage::{
        self,
        cohorts::{Cohort, CreateCohortError},
    },
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        notice::NoticePage,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/cohorts", post(create))
        .route("/admin/cohorts/{id}", get(show).post(update))
        .route("/admin/cohorts/{id}/schedule.ics", get(ics))
        .route("/admin/cohorts/{id}/sessions/{number}", get(attendance_form).post(record_attendance))
        .route("/admin/cohorts/{id}/sessions/{number}/change", post(change_session))
        .route("/admin/cohorts/{id}/sessions", post(add_session))
        .route("/admin/cohorts/{id}/waiting/{reference}/{direction}", post(move_waiting))
        .route("/admin/applications/{reference}/offer", post(offer))
        .route("/admin/applications/{reference}/waitlist", post(waitlist))
        .route("/admin/intakes/{id}/release", post(release))
}

fn notice(lang: Lang, title: &str, text: String, back: String, status: StatusCode) -> Response {
    NoticePage::new(PageContext::new(lang, "/admin"), title, vec![text])
        .link(back, lang.admin().back_to_application)
        .respond(status)
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let t = lang.cohort();
    let name = form.get("name").trim().to_string();
    let start = parse_date(&form.get("start_date"));
    let back = format!("/admin/intakes/{id}#cohorts");
    let (Some(start), false) = (start, name.is_empty() || name.chars().count() > 100) else {
        return Ok(notice(lang, t.cohort_new_title, t.err_cohort.into(), back, StatusCode::UNPROCESSABLE_ENTITY));
    };
    match storage::cohorts::create(&state.pool, id, &name, start).await {
        Ok(cohort) => {
            staff.audit(&state, "cohort_created", None, json!({ "cohort_id": cohort })).await?;
            Ok(Redirect::to(&format!("/admin/cohorts/{cohort}")).into_response())
        }
        Err(CreateCohortError::NameTaken) => {
            Ok(notice(lang, t.cohort_new_title, t.err_cohort_taken.into(), back, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(CreateCohortError::Database(e)) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/cohort.html")]
struct CohortPage {
    ctx: PageContext,
    a: AdminContext,
    id: i64,
    title: String,
    seats_text: String,
    seats: Vec<(i32, String, String, String)>,
    waiting: Vec<(String, String)>,
    free: bool,
    sessions: Vec<(u32, String, String)>,
    teaching_total: String,
    practicum: Option<(String, Vec<String>, Vec<String>)>,
    name: String,
    start_date: String,
    holidays: String,
    follow_up_days: String,
    supervision_days: String,
    may_edit: bool,
    participants: Vec<(String, String, String, Option<String>, String)>,
}

async fn show(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ReviewAllApplications)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let t = lang.cohort();
    let now = state.clock.now();
    let (seats, waiting) = tokio::try_join!(
        storage::cohorts::seats(&state.pool, id, now),
        storage::cohorts::waiting_list(&state.pool, c.intake_id)
    )?;
    let (sessions, practicum) = c.plan();
    let (participants, (held, present), threshold, sites) = tokio::try_join!(
        storage::cohorts::participants(&state.pool, id),
        storage::cohorts::attendance_summary(&state.pool, id),
        storage::cohorts::attendance_threshold(&state.pool, id),
        storage::cohorts::placement_sites(&state.pool, id),
    )?;
    let threshold = threshold.and_then(|t| u32::try_from(t).ok());
    let participants = participants
        .into_iter()
        .map(|(app, reference, name)| {
            let here = present.iter().find(|(a, _)| *a == app).map_or(0, |(_, n)| *n) as u32;
            let held = held as u32;
            let share = match crate::domain::cohort::attendance_percent(here, held) {
                Some(p) => fill(t.attendance_share, &[&here, &held, &p]),
                None => t.attendance_none.to_string(),
            };
            let low = crate::domain::cohort::attendance_too_low(here, held, threshold)
                .then(|| fill(t.attendance_low, &[&threshold.unwrap_or_default()]));
            let site = sites
                .iter()
                .find(|(a, _, _)| *a == app)
                .map(|(_, site, ok)| if *ok { format!("{site} ({})", t.placement_confirmed) } else { site.clone() })
                .unwrap_or_else(|| t.placement_add.to_string());
            (reference, name, share, low, site)
        })
        .collect();
    let hours: i64 = sessions.iter().map(|s| (s.ends - s.starts).num_minutes()).sum::<i64>() / 60;
    let free = (c.capacity as usize).saturating_sub(seats.len());
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}"), &staff, "intakes");
    let page = CohortPage {
        ctx,
        a,
        id,
        title: format!("{} – {} ({})", c.programme.name, c.name, c.intake_name),
        seats_text: fill(t.seats_left, &[&free, &c.capacity]),
        seats: seats
            .iter()
            .map(|s| {
                let state = if s.status == "accepted" {
                    t.seat_accepted.to_string()
                } else {
                    fill(t.seat_offered, &[&dates::long_moment(lang, s.answer_by)])
                };
                (s.seat, s.reference.clone(), s.full_name.clone(), state)
            })
            .collect(),
        waiting,
        free: free > 0,
        sessions: sessions
            .iter()
            .map(|s| {
                (
                    s.number,
                    dates::long_date(lang, s.date),
                    format!("{}-{}", dates::clock(lang, s.starts), dates::clock(lang, s.ends)),
                )
            })
            .collect(),
        teaching_total: fill(t.teaching_total, &[&sessions.len(), &hours]),
        name: c.name.clone(),
        start_date: c.start_date.to_string(),
        holidays: c.school_holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
        follow_up_days: c.follow_up_days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
        supervision_days: c.supervision_days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
        may_edit: staff.role.may(Permission::ManageIntakes),
        participants,
        practicum: practicum.map(|p| {
            (
                fill(
                    t.practicum_period,
                    &[&dates::long_date(lang, p.starts), &dates::long_date(lang, p.ends), &p.hours_per_week],
                ),
                p.follow_up_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
                p.supervisions.iter().map(|d| dates::long_date(lang, *d)).collect(),
            )
        }),
    };
    Ok(Html(page.render()?))
}

/// Every teaching session, the practicum period and its days; times in UTC.
pub fn cohort_calendar(state: &AppState, c: &Cohort) -> String {
    let (sessions, practicum) = c.plan();
    let t = Lang::Da.cohort();
    let host = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let id = c.id;
    let at = |d: NaiveDate, time: NaiveTime| from_local(d.and_time(time));
    let event = |uid: String, summary: String, starts, ends| CalendarEvent {
        uid: format!("{uid}@{host}"),
        sequence: 0,
        summary,
        location: c.programme.place.clone(),
        description: c.name.clone(),
        starts,
        ends,
    };
    let mut events: Vec<CalendarEvent> = sessions
        .iter()
        .map(|s| {
            event(
                format!("cohort-{id}-session-{}", s.number),
                fill(t.calendar_teaching, &[&s.number]),
                at(s.date, s.starts),
                at(s.date, s.ends),
            )
        })
        .collect();
    if let Some(p) = practicum {
        let (morning, noon) = (
            NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        );
        events.push(event(
            format!("cohort-{id}-practicum"),
            t.calendar_practicum.into(),
            at(p.starts, NaiveTime::MIN),
            at(p.ends + chrono::Duration::days(1), NaiveTime::MIN),
        ));
        for (n, d) in p.follow_up_days.iter().enumerate() {
            events.push(event(
                format!("cohort-{id}-follow-up-{n}"),
                t.calendar_follow_up.into(),
                at(*d, morning),
                at(*d, noon),
            ));
        }
        for (n, d) in p.supervisions.iter().enumerate() {
            events.push(event(
                format!("cohort-{id}-supervision-{n}"),
                t.calendar_supervision.into(),
                at(*d, morning),
                at(*d, noon),
            ));
        }
    }
    calendar::render(Kind::Schedule, &events, state.clock.now())
}

pub fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

async fn ics(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::ReviewAllApplications)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    Ok(calendar_response(cohort_calendar(&state, &c)))
}

async fn release(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let sent = flow::release_rejections(&state, &staff.actor(), id).await?;
    Ok(Redirect::to(&format!("/admin/intakes/{id}?released={sent}#release")).into_response())
}

async fn offer(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let t = lang.cohort();
    let back = format!("/admin/applications/{reference}");
    let cohort = form.get("cohort").parse::<i64>().map_err(|_| AppError::NotFound)?;
    Ok(match flow::offer(&state, &staff.actor(), &reference, cohort).await? {
        Offered::Done => Redirect::to(&back).into_response(),
        Offered::Full => notice(lang, t.full_title, t.full_text.into(), back, StatusCode::CONFLICT),
        Offered::WrongStatus(s) => notice(
            lang,
            t.wrong_status_title,
            fill(t.wrong_status_text, &[&status_label(lang.admin(), s)]),
            back,
            StatusCode::CONFLICT,
        ),
        Offered::NotFound => return Err(AppError::NotFound),
    })
}

async fn waitlist(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let back = format!("/admin/applications/{reference}");
    Ok(match flow::waitlist(&state, &staff.actor(), &reference).await? {
        Waitlisted::Done => Redirect::to(&back).into_response(),
        Waitlisted::WrongStatus(s) => {
            let t = lang.cohort();
            notice(
                lang,
                t.wrong_status_title,
                fill(t.wrong_status_text, &[&status_label(lang.admin(), s)]),
                back,
                StatusCode::CONFLICT,
            )
        }
        Waitlisted::NotFound => return Err(AppError::NotFound),
    })
}

async fn move_waiting(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference, direction)): Path<(i64, String, String)>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    storage::cohorts::move_on_waiting_list(&state.pool, c.intake_id, &reference, direction == "up").await?;
    Ok(Redirect::to(&format!("/admin/cohorts/{id}#waiting")).into_response())
}

/// Rename, move the start, and set the school's own holidays (sessions on them move to the end).
async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let t = lang.cohort();
    let back = format!("/admin/cohorts/{id}");
    let name = form.get("name").trim().to_string();
    let start = parse_date(&form.get("start_date"));
    let dates_of = |field: &str| parse_date_list(&form.get(field)).ok_or(());
    let (Some(start), Ok(holidays), Ok(follow_ups), Ok(supervisions), false) = (
        start,
        dates_of("school_holidays"),
        dates_of("follow_up_days"),
        dates_of("supervision_days"),
        name.is_empty() || name.chars().count() > 100,
    ) else {
        return Ok(notice(lang, t.cohort_new_title, t.err_cohort.into(), back, StatusCode::UNPROCESSABLE_ENTITY));
    };
    // Two days each, or none for the suggested ones.
    if ![&follow_ups, &supervisions].iter().all(|d| d.is_empty() || d.len() == 2) {
        return Ok(notice(lang, t.cohort_new_title, t.err_two_days.into(), back, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let edit = storage::cohorts::CohortEdit {
        name: &name,
        start_date: start,
        school_holidays: &holidays,
        follow_up_days: &follow_ups,
        supervision_days: &supervisions,
    };
    match storage::cohorts::update(&state.pool, id, &edit).await {
        Ok(true) => {
            staff.audit(&state, "cohort_changed", None, json!({ "cohort_id": id })).await?;
            Ok(Redirect::to(&back).into_response())
        }
        Ok(false) => Err(AppError::NotFound),
        Err(CreateCohortError::NameTaken) => {
            Ok(notice(lang, t.cohort_new_title, t.err_cohort_taken.into(), back, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(CreateCohortError::Database(e)) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/attendance.html")]
struct AttendancePage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    action: String,
    back: String,
    people: Vec<(i64, String, bool)>,
    change_action: String,
    date: String,
    from: String,
    to: String,
}

async fn attendance_form(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let (sessions, _) = c.plan();
    let session = sessions.iter().find(|s| s.number == number).ok_or(AppError::NotFound)?;
    let (people, present) = tokio::try_join!(
        storage::cohorts::participants(&state.pool, id),
        storage::cohorts::present_at(&state.pool, id, number as i32)
    )?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}/sessions/{number}"), &staff, "intakes");
    let page = AttendancePage {
        ctx,
        a,
        title: fill(lang.cohort().attendance_session, &[&number, &dates::long_date(lang, session.date)]),
        action: format!("/admin/cohorts/{id}/sessions/{number}"),
        back: format!("/admin/cohorts/{id}#participants"),
        people: people.into_iter().map(|(app, _, name)| (app, name, present.contains(&app))).collect(),
        change_action: format!("/admin/cohorts/{id}/sessions/{number}/change"),
        date: session.date.to_string(),
        from: session.starts.format("%H:%M").to_string(),
        to: session.ends.format("%H:%M").to_string(),
    };
    Ok(Html(page.render()?))
}

async fn record_attendance(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    if !c.plan().0.iter().any(|s| s.number == number) {
        return Err(AppError::NotFound);
    }
    let present: Vec<i64> = form.all("present").iter().filter_map(|p| p.parse().ok()).collect();
    let marks: Vec<(i64, bool)> = storage::cohorts::participants(&state.pool, id)
        .await?
        .into_iter()
        .map(|(app, _, _)| (app, present.contains(&app)))
        .collect();
    storage::cohorts::record_attendance(&state.pool, id, number as i32, &marks, state.clock.now()).await?;
    staff.audit(&state, "attendance_recorded", None, json!({ "cohort_id": id, "session": number })).await?;
    Ok(Redirect::to(&format!("/admin/cohorts/{id}#participants")).into_response())
}

/// Move a session (`date`, `from`, `to`) or cancel it (`cancel=yes`).
async fn change_session(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, number)): Path<(i64, u32)>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    if !c.plan().0.iter().any(|s| s.number == number) {
        return Err(AppError::NotFound);
    }
    let back = format!("/admin/cohorts/{id}#teaching");
    let change = if form.get("cancel") == "yes" {
        schedule::SessionChange::Cancelled { number }
    } else {
        match session_times(&form) {
            Some((date, starts, ends)) => schedule::SessionChange::Moved { number, date, starts, ends },
            None => {
                return Ok(notice(
                    lang,
                    lang.cohort().teaching_title,
                    lang.admin().err_slot_times.into(),
                    back,
                    StatusCode::UNPROCESSABLE_ENTITY,
                ));
            }
        }
    };
    storage::cohorts::change_session(&state.pool, id, change).await?;
    staff.audit(&state, "session_changed", None, json!({ "cohort_id": id, "session": number })).await?;
    Ok(Redirect::to(&back).into_response())
}

fn session_times(form: &FormFields) -> Option<(NaiveDate, NaiveTime, NaiveTime)> {
    let date = parse_date(&form.get("date"))?;
    let starts = NaiveTime::parse_from_str(form.get("from").trim(), "%H:%M").ok()?;
    let ends = NaiveTime::parse_from_str(form.get("to").trim(), "%H:%M").ok().filter(|e| *e > starts)?;
    Some((date, starts, ends))
}

async fn add_session(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let c = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let back = format!("/admin/cohorts/{id}#teaching");
    let Some((date, starts, ends)) = session_times(&form) else {
        return Ok(notice(
            lang,
            lang.cohort().teaching_title,
            lang.admin().err_slot_times.into(),
            back,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    storage::cohorts::add_session(&state.pool, id, c.programme.session_count + 1, date, starts, ends).await?;
    staff.audit(&state, "session_added", None, json!({ "cohort_id": id })).await?;
    Ok(Redirect::to(&back).into_response())
}
