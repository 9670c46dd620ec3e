//! The pages of the own page, built from storage rows into plain text lines.
use askama::Template;
use serde_json::Value;

use crate::{
    domain::{
        application::Status,
        local_time::{from_local, local_date},
        municipality::Municipality,
        offer_kind::OfferKind,
        retention,
        staff::Role,
    },
    flows::{
        cohorts::visits::{self as visit_flow, OwnPlace},
        own_page as flow,
    },
    i18n::{Lang, PrivacyStrings, dates, fill},
    storage::{
        consent::Agreed,
        own_page::{Link, StaffAction},
        review::{Detail, Health},
    },
    web::{AppState, apply::labels::stored_facts, error::AppError, page::PageContext},
};

#[derive(Template)]
#[template(path = "pages/own/page.html")]
struct OwnPage {
    ctx: PageContext,
    s: &'static PrivacyStrings,
    token: String,
    reference: String,
    intake: String,
    status: &'static str,
    interview: Option<String>,
    done: Option<&'static str>,
    may_withdraw: bool,
    kept_for_later: bool,
    personal: Vec<(&'static str, String)>,
    /// An admitted participant's year programme: its dates and their visits.
    year: Option<OwnYear>,
    facts: Vec<(&'static str, String)>,
    answers: Vec<(&'static str, String)>,
    health_erased: Option<String>,
    /// What the consent was, and its words.
    consents: Vec<(String, String)>,
    staff_actions: Vec<(String, String)>,
    deletion: String,
    link_valid: String,
    /// An admitted participant of a modular course: a link to choose modules.
    modules: bool,
    /// Support persons and what they did (issue 19).
    support: crate::web::support_lines::OwnSection,
}

/// `done` names the action just taken, for its confirmation line.
pub async fn page(
    state: &AppState,
    lang: Lang,
    token: &str,
    link: &Link,
    done: Option<&str>,
) -> Result<String, AppError> {
    let (s, f) = (lang.privacy(), flow::facts(state, link).await?);
    let d = &f.detail;
    let place = visit_flow::own_place(state, d.id).await?;
    let modules = crate::flows::modules::own(state, link).await?.is_some();
    let support = crate::web::support_lines::own_section(state, lang, link.application_id).await?;
    let page = OwnPage {
        ctx: PageContext::new(lang, &format!("/my-application/{token}")),
        s,
        token: token.to_string(),
        reference: d.reference.clone(),
        intake: d.intake_name.clone(),
        status: own_status(s, d.status, place.as_ref()),
        year: place.as_ref().filter(|_| d.status == Status::Admitted).and_then(|p| own_year(lang, p)),
        interview: f
            .booking
            .as_ref()
            .map(|b| fill(s.own_interview, &[&dates::long_span(lang, b.starts_at, b.ends_at), &b.place])),
        done: done_line(s, done),
        may_withdraw: d.health_erased_at.is_none(),
        kept_for_later: d.kept_for_later,
        personal: personal(lang, d),
        facts: f.health.as_ref().map(|h| stored_facts(lang, &h.facts)).unwrap_or_default(),
        answers: f.health.as_ref().map(|h| answers(lang, h)).unwrap_or_default(),
        health_erased: d.health_erased_at.map(|at| fill(s.own_health_erased, &[&dates::long_moment(lang, at)])),
        consents: f.consents.iter().map(|c| consent_line(lang, c)).collect(),
        staff_actions: f.actions.iter().map(|a| action_line(lang, a)).collect(),
        deletion: deletion(state, lang, Some(d.status), d),
        link_valid: fill(s.own_link_valid, &[&dates::long_moment(lang, link.expires_at)]),
        modules,
        support,
    };
    Ok(page.render()?)
}

/// The confirmation line of the action just taken.
fn done_line(s: &'static PrivacyStrings, done: Option<&str>) -> Option<&'static str> {
    match done {
        Some("withdrawn") => Some(s.own_withdrawn_done),
        Some("not-kept") => Some(s.own_not_kept_done),
        _ => None,
    }
}

/// A year programme as its participant sees it.
struct OwnYear {
    lines: Vec<String>,
    visits: Vec<String>,
}

fn own_year(lang: Lang, p: &OwnPlace) -> Option<OwnYear> {
    p.cohort.year_plan()?;
    let lines = p.cohort.commitment().map(|c| dates::commitment(lang, &c)).unwrap_or_default();
    let visits = p
        .visits
        .iter()
        .map(|v| dates::long_span(lang, from_local(v.day.and_time(v.starts)), from_local(v.day.and_time(v.ends))))
        .collect();
    Some(OwnYear { lines, visits })
}

/// The status in words; an offer of a job says so.
fn own_status(s: &PrivacyStrings, status: Status, place: Option<&OwnPlace>) -> &'static str {
    let job = place.is_some_and(|p| OfferKind::of(p.cohort.programme.structure).is_job());
    match status {
        Status::Offered if job => s.own_status_offered_job,
        Status::Admitted if job => s.own_status_admitted_job,
        _ => status_text(s, status),
    }
}

pub(crate) fn personal(lang: Lang, d: &Detail) -> Vec<(&'static str, String)> {
    let q = lang.apply();
    let municipality = Municipality::from_code(&format!("{:03}", d.municipality_code)).map(|m| m.name.to_string());
    vec![
        (q.full_name, d.full_name.clone()),
        (q.email, d.email.clone()),
        (q.phone, d.phone.clone().unwrap_or_default()),
        (q.birth_date, dates::long_date(lang, d.birth_date)),
        (q.municipality, municipality.unwrap_or_default()),
    ]
}

pub(crate) fn answers(lang: Lang, health: &Health) -> Vec<(&'static str, String)> {
    let q = lang.apply();
    let answer = |k: &str| health.answers.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    vec![
        (q.motivation, answer("motivation")),
        (q.experience, answer("experience")),
        (q.distance, answer("distance")),
        (q.strengths_limits, answer("strengths_limits")),
        (q.expectations, answer("expectations")),
    ]
}

/// What the consent was, and its words.
fn consent_line(lang: Lang, c: &Agreed) -> (String, String) {
    let s = lang.privacy();
    let what = match c.purpose {
        crate::domain::consent::Purpose::KeepForLater => s.own_kept.to_string(),
        _ => fill(s.own_consent, &[&c.version, &dates::long_moment(lang, c.agreed_at)]),
    };
    (what, c.body.clone())
}

/// When, and who did what.
fn action_line(lang: Lang, a: &StaffAction) -> (String, String) {
    let s = lang.privacy();
    let who = format!("{} ({})", a.staff_name, role_text(s, a.role));
    (dates::long_moment(lang, a.at), format!("{who} {}", action_text(s, &a.action)))
}

/// When the application is deleted, by the retention rules.
fn deletion(state: &AppState, lang: Lang, status: Option<Status>, d: &Detail) -> String {
    let s = lang.privacy();
    let retention = &state.settings.retention;
    status.and_then(|st| retention::application_due(st, d.start_date, d.kept_for_later, retention)).map_or_else(
        || fill(s.own_deletion_admitted, &[&(retention.participant.num_days() / 30)]),
        |due| fill(s.own_deletion, &[&dates::long_date(lang, local_date(due))]),
    )
}

pub(crate) fn status_text(s: &PrivacyStrings, status: Status) -> &'static str {
    match status {
        Status::Submitted => s.own_status_submitted,
        Status::Invited => s.own_status_invited,
        Status::Interviewed => s.own_status_interviewed,
        Status::Offered => s.own_status_offered,
        Status::Admitted => s.own_status_admitted,
        Status::Waitlisted => s.own_status_waitlisted,
        Status::Declined => s.own_status_declined,
        Status::Rejected => s.own_status_rejected,
        Status::Withdrawn => s.own_status_withdrawn,
    }
}

fn role_text(s: &PrivacyStrings, role: Role) -> &'static str {
    match role {
        Role::Coordinator => s.role_coordinator,
        Role::Interviewer => s.role_interviewer,
        Role::Admin => s.role_admin,
    }
}

fn action_text(s: &PrivacyStrings, action: &str) -> &'static str {
    match action {
        "application_viewed" => s.own_view_opened,
        "applications_exported" => s.own_view_exported,
        _ => s.own_view_worked,
    }
}

#[derive(Template)]
#[template(path = "pages/own/confirm.html")]
struct ConfirmPage {
    ctx: PageContext,
    title: &'static str,
    text: &'static str,
    action: String,
    button: &'static str,
    back: String,
    back_label: &'static str,
}

/// Asks once more before an action that cannot be undone.
pub fn confirm(
    lang: Lang,
    token: &str,
    title: &'static str,
    text: &'static str,
    action: &str,
    button: &'static str,
) -> Result<String, AppError> {
    let page = ConfirmPage {
        ctx: PageContext::new(lang, &format!("/my-application/{token}/{action}")),
        title,
        text,
        action: format!("/my-application/{token}/{action}"),
        button,
        back: format!("/my-application/{token}"),
        back_label: lang.privacy().own_back,
    };
    Ok(page.render()?)
}

#[derive(Template)]
#[template(path = "pages/own/request.html")]
struct RequestPage {
    ctx: PageContext,
    s: &'static PrivacyStrings,
    email: String,
    error: Option<&'static str>,
}

pub fn request(lang: Lang, email: &str, error: Option<&'static str>) -> Result<String, AppError> {
    let page = RequestPage {
        ctx: PageContext::new(lang, "/my-application"),
        s: lang.privacy(),
        email: email.to_string(),
        error,
    };
    Ok(page.render()?)
}
