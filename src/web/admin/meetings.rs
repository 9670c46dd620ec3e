//! Info meetings for staff: create, the attendee list with check-in, CSV,
//! a message to everyone confirmed, and cancelling the meeting.
use askama::Template;
use axum::{
    Router,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;
use serde_json::json;

use super::{AdminContext, Staff, applications::csv_cell};
use crate::{
    domain::{email_address::EmailAddress, intake::parse_local_moment, local_time::to_local, staff::Permission},
    i18n::{Lang, dates, fill},
    mail::{
        messages::meetings::{self as mails, To},
        outbox,
    },
    storage::{self, info_meetings::NewMeeting},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/info-meetings", get(new_form).post(create))
        .route("/admin/info-meetings/{id}", get(show).post(update))
        .route("/admin/info-meetings/{id}/export.csv", get(export))
        .route("/admin/info-meetings/{id}/signups/{signup}/check-in", post(check_in))
        .route("/admin/info-meetings/{id}/message", post(message))
        .route("/admin/info-meetings/{id}/cancel", post(cancel))
        .route("/admin/info-meetings/{id}/invite", post(invite))
}

#[derive(Template)]
#[template(path = "admin/meeting_new.html")]
struct NewPage {
    ctx: PageContext,
    a: AdminContext,
    action: String,
    starts_at: String,
    ends_at: String,
    place: String,
    directions: String,
    capacity: String,
    error: Option<&'static str>,
}

async fn new_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/info-meetings"), &staff, "intakes");
    let page = NewPage {
        ctx,
        a,
        action: format!("/admin/intakes/{id}/info-meetings"),
        starts_at: String::new(),
        ends_at: String::new(),
        place: intake.programme.place,
        directions: String::new(),
        capacity: "30".into(),
        error: None,
    };
    Ok(Html(page.render()?))
}

/// The meeting form's values, when they make sense together.
struct MeetingInput {
    starts_at: chrono::DateTime<chrono::Utc>,
    ends_at: chrono::DateTime<chrono::Utc>,
    place: String,
    directions: String,
    capacity: i32,
}

impl MeetingInput {
    fn parse(form: &FormFields) -> Option<Self> {
        let starts_at = parse_local_moment(&form.get("starts_at"))?;
        let ends_at = parse_local_moment(&form.get("ends_at")).filter(|e| *e > starts_at)?;
        let capacity = form.get("capacity").trim().parse::<i32>().ok().filter(|c| (1..=1000).contains(c))?;
        let place = Some(form.get("place").trim().to_string()).filter(|p| !p.is_empty())?;
        Some(Self { starts_at, ends_at, place, directions: form.get("directions").trim().to_string(), capacity })
    }

    fn new_meeting(&self, intake_id: i64) -> NewMeeting<'_> {
        NewMeeting {
            intake_id,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: &self.place,
            directions: Some(self.directions.as_str()).filter(|d| !d.is_empty()),
            capacity: self.capacity,
        }
    }
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    if let Some(input) = MeetingInput::parse(&form) {
        let meeting = storage::info_meetings::create(&state.pool, &input.new_meeting(id)).await?;
        announce_meeting(&state, meeting).await?;
        staff.audit(&state, "info_meeting_created", None, json!({ "meeting_id": meeting })).await?;
        return Ok(Redirect::to(&format!("/admin/info-meetings/{meeting}")).into_response());
    }
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/intakes/{id}/info-meetings"), &staff, "intakes");
    let page = NewPage {
        ctx,
        error: Some(lang.meeting().err_meeting),
        a,
        action: format!("/admin/intakes/{id}/info-meetings"),
        starts_at: form.get("starts_at"),
        ends_at: form.get("ends_at"),
        place: form.get("place"),
        directions: form.get("directions"),
        capacity: form.get("capacity"),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let before = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let Some(input) = MeetingInput::parse(&form) else {
        let html = show_page(&state, &staff, lang, id, None, Some(lang.meeting().err_meeting)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    storage::info_meetings::update(&state.pool, id, &input.new_meeting(before.intake_id)).await?;
    let moved = before.starts_at != input.starts_at || before.ends_at != input.ends_at || before.place != input.place;
    if moved && !before.cancelled {
        let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
        let (settings, now) = (state.settings.clone(), state.clock.now());
        // `to_confirmed` offers the next sequence; the update has already raised it.
        to_confirmed(&state, id, |to, next| mails::changed(&settings, to, &m, next - 1, now)).await?;
    }
    staff.audit(&state, "info_meeting_changed", None, json!({ "meeting_id": id })).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}")).into_response())
}

struct Attendee {
    id: i64,
    name: String,
    email: String,
    note: String,
    status: &'static str,
    confirmed: bool,
    checked_in: bool,
}

#[derive(Template)]
#[template(path = "admin/meeting.html")]
struct ShowPage {
    ctx: PageContext,
    a: AdminContext,
    id: i64,
    title: String,
    place: String,
    counts: String,
    cancelled: bool,
    attendees: Vec<Attendee>,
    sent: Option<String>,
    error: Option<&'static str>,
    starts_at: String,
    ends_at: String,
    directions: String,
    capacity: i32,
}

#[derive(Deserialize)]
struct Sent {
    sent: Option<usize>,
    invited: Option<usize>,
}

async fn show_page(
    state: &AppState,
    staff: &Staff,
    lang: Lang,
    id: i64,
    sent: Option<String>,
    error: Option<&'static str>,
) -> AppResult<String> {
    staff.require(Permission::ManageIntakes)?;
    let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let list = storage::info_meetings::signups(&state.pool, &state.key, id).await?;
    let t = lang.meeting();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/info-meetings/{id}"), staff, "intakes");
    let page = ShowPage {
        ctx,
        a,
        id,
        title: format!("{} {}", t.title, dates::long_span(lang, m.starts_at, m.ends_at)),
        place: m.place.clone(),
        counts: format!("{}: {} / {}", t.admin_confirmed, m.confirmed, m.capacity),
        cancelled: m.cancelled,
        attendees: list
            .into_iter()
            .map(|r| Attendee {
                status: match r.status.as_str() {
                    "confirmed" => t.admin_confirmed,
                    "pending" => t.admin_pending,
                    _ => t.admin_cancelled,
                },
                confirmed: r.status == "confirmed",
                checked_in: r.checked_in_at.is_some(),
                id: r.id,
                name: r.name,
                email: r.email,
                note: r.note.unwrap_or_default(),
            })
            .collect(),
        sent,
        error,
        starts_at: to_local(m.starts_at).format("%Y-%m-%dT%H:%M").to_string(),
        ends_at: to_local(m.ends_at).format("%Y-%m-%dT%H:%M").to_string(),
        directions: m.directions.clone().unwrap_or_default(),
        capacity: m.capacity,
    };
    Ok(page.render()?)
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Query(q): Query<Sent>,
) -> AppResult<Html<String>> {
    let sent = q.sent.map(|n| fill(lang.meeting().admin_message_sent, &[&n]));
    let invited = q.invited.map(|n| fill(lang.meeting().admin_invited, &[&n]));
    Ok(Html(show_page(&state, &staff, lang, id, sent.or(invited), None).await?))
}

async fn check_in(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, signup)): Path<(i64, i64)>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    if !storage::info_meetings::check_in(&state.pool, id, signup, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}#attendees")).into_response())
}

async fn export(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::ExportApplications)?;
    let list = storage::info_meetings::signups(&state.pool, &state.key, id).await?;
    let mut csv = String::from("name;email;status;checked_in;note\r\n");
    for r in &list {
        let checked = if r.checked_in_at.is_some() { "yes" } else { "" };
        let cells = [r.name.as_str(), &r.email, &r.status, checked, r.note.as_deref().unwrap_or("")];
        csv.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
        csv.push_str("\r\n");
    }
    staff.audit(&state, "info_meeting_exported", None, json!({ "meeting_id": id, "rows": list.len() })).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"informationsmoede.csv\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        format!("\u{feff}{csv}"),
    )
        .into_response())
}

/// Mails everyone confirmed; returns how many.
async fn to_confirmed<F>(state: &AppState, id: i64, make: F) -> AppResult<usize>
where
    F: Fn(To<'_>, i32) -> crate::mail::Rendered,
{
    let list = storage::info_meetings::signups(&state.pool, &state.key, id).await?;
    let domain = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let mut tx = state.pool.begin().await?;
    let mut count = 0;
    for r in list.iter().filter(|r| r.status == "confirmed") {
        let Ok(address) = EmailAddress::parse(&r.email) else { continue };
        let mail = make(To { address, name: &r.name, signup_id: r.id }, r.calendar_sequence + 1)?;
        outbox::queue(&mut tx, &state.key, &mail, &domain).await?;
        count += 1;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(count)
}

async fn message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let (subject, body) = (form.get("subject").trim().to_string(), form.get("body").trim().to_string());
    if subject.is_empty() || body.is_empty() || subject.chars().count() > 200 || body.chars().count() > 5000 {
        let html = show_page(&state, &staff, lang, id, None, Some(lang.meeting().err_message)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    let sent = to_confirmed(&state, id, |to, _| mails::message(to, &subject, &body)).await?;
    staff.audit(&state, "info_meeting_message", None, json!({ "meeting_id": id, "recipients": sent })).await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}?sent={sent}")).into_response())
}

async fn cancel(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let cancelled = storage::info_meetings::cancel_meeting(&mut tx, id, now).await?;
    tx.commit().await?;
    if cancelled {
        let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
        let settings = state.settings.clone();
        let sent =
            to_confirmed(&state, id, |to, sequence| mails::meeting_cancelled(&settings, to, &m, sequence, now)).await?;
        for r in storage::info_meetings::signups(&state.pool, &state.key, id).await? {
            if let Some(reminder) = r.reminder_outbox_id {
                let mut conn = state.pool.acquire().await?;
                outbox::withdraw(&mut conn, reminder).await?;
            }
        }
        staff.audit(&state, "info_meeting_cancelled", None, json!({ "meeting_id": id, "recipients": sent })).await?;
    }
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}")).into_response())
}

/// Tells everyone on the "let me know" list about a new meeting.
async fn announce_meeting(state: &AppState, id: i64) -> AppResult<()> {
    let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let t = Lang::MAIL.meeting();
    let text = fill(
        t.mail_meeting_news_body,
        &[&m.programme_name, &dates::long_span(Lang::MAIL, m.starts_at, m.ends_at), &m.place],
    );
    let link = crate::mail::body::MailLink {
        label: t.mail_meeting_news_link.into(),
        url: state.settings.absolute(&format!("/info-meetings/{id}")),
    };
    let mut tx = state.pool.begin().await?;
    crate::web::notify::announce(&mut tx, state, t.mail_meeting_news_subject, text, link).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Personal sign-up links: the link proves the address, so no second confirmation.
async fn invite(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let addresses: Vec<EmailAddress> = form
        .get("addresses")
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter_map(|a| EmailAddress::parse(a).ok())
        .take(500)
        .collect();
    let t = Lang::MAIL.meeting();
    let now = state.clock.now();
    let domain = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let mut tx = state.pool.begin().await?;
    for address in &addresses {
        let token = crate::tokens::generate();
        storage::interest::add_invitation(&mut tx, &crate::tokens::hash(&token), id, address.as_str(), now).await?;
        let text = fill(
            t.mail_invited_body,
            &[&m.programme_name, &dates::long_span(Lang::MAIL, m.starts_at, m.ends_at), &m.place],
        );
        let mail = crate::mail::body::MailBody {
            greeting: Lang::MAIL.apply().mail_hello_unnamed.to_string(),
            paragraphs: vec![text],
            link: Some(crate::mail::body::MailLink {
                label: t.mail_invited_link.into(),
                url: state.settings.absolute(&format!("/info-meetings/invited/{token}")),
            }),
            closing: vec![Lang::MAIL.apply().mail_no_reply.into()],
            ..crate::mail::body::MailBody::default()
        }
        .into_email(address.clone(), t.mail_invited_subject.into(), Vec::new())?;
        outbox::queue(&mut tx, &state.key, &mail, &domain).await?;
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    staff
        .audit(&state, "info_meeting_invitations", None, json!({ "meeting_id": id, "count": addresses.len() }))
        .await?;
    Ok(Redirect::to(&format!("/admin/info-meetings/{id}?invited={}", addresses.len())).into_response())
}
