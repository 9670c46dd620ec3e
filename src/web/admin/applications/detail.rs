use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use serde_json::{Value, json};

use super::{
    super::{AdminContext, Staff, intakes::status_label},
    list::summary_label,
};
use crate::{
    domain::{
        application::Status,
        eligibility::verification::{Verdict, settle},
        local_time::{age_on, local_date},
        municipality::Municipality,
        retention,
        staff::Permission,
    },
    i18n::{AdminStrings, CoordinatorStrings, Lang, dates, fill},
    storage::{self, review::Detail, verifications::Verification},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        notice::NoticePage,
        page::PageContext,
    },
};

pub struct CriterionView {
    pub key: String,
    pub outcome: String,
    pub label: &'static str,
    pub outcome_label: &'static str,
    pub verify: Option<String>,
    /// Who closed it, when, and the note.
    pub verified: Option<(String, String)>,
    /// Still to verify: the form to close it is shown.
    pub open: bool,
    pub confirm_label: &'static str,
    /// The problem with a verdict just sent on this criterion.
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "admin/application.html")]
struct DetailPage {
    ctx: PageContext,
    a: AdminContext,
    reference: String,
    name: String,
    intake: String,
    status: &'static str,
    status_key: String,
    summary: &'static str,
    personal: Vec<(&'static str, String)>,
    criteria: Vec<CriterionView>,
    facts: Vec<(&'static str, String)>,
    answers: Vec<(&'static str, String)>,
    consent: String,
    retention: String,
    notes: Vec<(String, String, String)>,
    history: Vec<(String, String)>,
    next_statuses: Vec<(&'static str, &'static str)>,
    may_decide: bool,
    note_error: Option<&'static str>,
    status_error: Option<&'static str>,
    may_invite: bool,
    invited: bool,
    interview: Option<(String, String, String)>,
    follow_ups: Vec<&'static str>,
    score_rows: Vec<(&'static str, &'static str, Vec<String>)>,
    assessors: Vec<(String, bool, String)>,
    may_assess: bool,
    assessment_error: Option<&'static str>,
    cohorts: Vec<(i64, String)>,
    may_offer: bool,
    may_waitlist: bool,
    no_interview: bool,
    health_erased: Option<String>,
    kept_for_later: &'static str,
    co: &'static crate::i18n::CoordinatorStrings,
}

/// Interviewers see only the applications whose interview panel they sit on.
pub(super) async fn load(state: &AppState, staff: &Staff, reference: &str) -> AppResult<Detail> {
    let detail = storage::review::detail(&state.pool, reference).await?.ok_or(AppError::NotFound)?;
    if staff.role.may(Permission::ReviewAllApplications)
        || storage::interviews::is_on_panel(&state.pool, detail.id, staff.user_id).await?
    {
        Ok(detail)
    } else {
        Err(AppError::NotFound)
    }
}

/// The page again, with a problem in the verdict on `criterion`.
pub(super) async fn verification_error(
    state: &AppState,
    staff: &Staff,
    d: &Detail,
    lang: Lang,
    criterion: &str,
    error: &'static str,
) -> AppResult<Response> {
    let mut page = page(state, lang, staff, d, None, None).await?;
    for c in page.criteria.iter_mut().filter(|c| c.key == criterion) {
        c.error = Some(error);
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The page again, with a problem in the assessment form.
pub async fn assessment_error(
    state: &AppState,
    staff: &Staff,
    d: &Detail,
    lang: Lang,
    error: &'static str,
) -> AppResult<Response> {
    let mut page = page(state, lang, staff, d, None, None).await?;
    page.assessment_error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
) -> AppResult<Html<String>> {
    let detail = load(&state, &staff, &reference).await?;
    staff.audit(&state, "application_viewed", Some(detail.id), json!({})).await?;
    Ok(Html(page(&state, lang, &staff, &detail, None, None).await?.render()?))
}

async fn page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    d: &Detail,
    note_error: Option<&'static str>,
    status_error: Option<&'static str>,
) -> AppResult<DetailPage> {
    let s = lang.admin();
    let q = lang.apply();
    let (notes, history, assessments, follow_ups, on_panel) = tokio::try_join!(
        storage::review::notes(&state.pool, &state.key, d.id),
        storage::review::history(&state.pool, &state.key, d.id),
        storage::interviews::assessments(&state.pool, &state.key, d.id),
        storage::interviews::open_follow_ups(&state.pool, d.id),
        storage::interviews::is_on_panel(&state.pool, d.id, staff.user_id),
    )?;
    let (booking, verifications) = {
        let mut conn = state.pool.acquire().await?;
        let booking = storage::interviews::active_booking(&mut conn, &state.key, d.id).await?;
        (booking, storage::verifications::of_application(&mut conn, &state.key, d.id).await?)
    };
    let cohorts = storage::cohorts::of_intake(&state.pool, d.intake_id).await?;
    let status: Option<Status> = d.status.parse().ok();
    let municipality = Municipality::from_code(&format!("{:03}", d.municipality_code))
        .map(|m| format!("{} ({})", m.name, m.region.name()))
        .unwrap_or_default();
    let health = storage::review::health(&state.pool, &state.key, d.id).await?;
    let answer =
        |k: &str| health.as_ref().and_then(|h| h.answers.get(k)).and_then(Value::as_str).unwrap_or("").to_string();
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/applications/{}", d.reference), staff, "applications");
    let mut history_rows = vec![(dates::long_moment(lang, d.submitted_at), s.detail_history_submitted.to_string())];
    history_rows.extend(history.iter().map(|h| {
        let to = h.to_status.parse().map_or("", |st| status_label(s, st));
        let line = format!(
            "{to} – {}{}",
            h.actor.clone().unwrap_or_default(),
            h.reason.as_ref().map(|r| format!(": {r}")).unwrap_or_default()
        );
        (dates::long_moment(lang, h.at), line)
    }));
    Ok(DetailPage {
        ctx,
        a,
        reference: d.reference.clone(),
        name: d.full_name.clone(),
        intake: d.intake_name.clone(),
        status: status.map_or("", |st| status_label(s, st)),
        status_key: d.status.clone(),
        summary: summary_label(s, &d.eligibility_summary),
        personal: vec![
            (s.detail_email, d.email.clone()),
            (s.detail_phone, d.phone.clone().unwrap_or_default()),
            (s.detail_birth_date, dates::long_date(lang, d.birth_date)),
            (s.detail_age_at_start, age_on(d.birth_date, d.start_date).to_string()),
            (s.detail_municipality, municipality),
        ],
        criteria: health.as_ref().map(|h| criteria(lang, &h.eligibility, &verifications)).unwrap_or_default(),
        facts: health.as_ref().map(|h| crate::web::apply::labels::stored_facts(lang, &h.facts)).unwrap_or_default(),
        health_erased: d.health_erased_at.map(|at| fill(s.detail_health_erased, &[&dates::long_moment(lang, at)])),
        answers: vec![
            (q.motivation, answer("motivation")),
            (q.experience, answer("experience")),
            (q.distance, answer("distance")),
            (q.strengths_limits, answer("strengths_limits")),
            (q.expectations, answer("expectations")),
        ],
        consent: fill(s.detail_consent, &[&d.consent_version, &dates::long_moment(lang, d.consented_at)]),
        kept_for_later: if d.kept_for_later { s.detail_kept_for_later } else { s.detail_not_kept_for_later },
        retention: status
            .and_then(|st| retention::application_due(st, d.start_date, d.kept_for_later, &state.settings.retention))
            .map_or_else(
                || fill(s.detail_retention_admitted, &[&(state.settings.retention.participant.num_days() / 30)]),
                |due| fill(s.detail_retention, &[&dates::long_date(lang, local_date(due))]),
            ),
        notes: notes
            .iter()
            .map(|n| (n.author.clone(), dates::long_moment(lang, n.created_at), n.body.clone()))
            .collect(),
        history: history_rows,
        next_statuses: status
            .map(|from| {
                Status::ALL
                    .iter()
                    .filter(|to| from.can_become(**to) && **to != from)
                    .map(|to| (to.key(), status_label(s, *to)))
                    .collect()
            })
            .unwrap_or_default(),
        may_decide: staff.role.may(Permission::DecideApplications),
        note_error,
        status_error,
        may_invite: staff.role.may(Permission::DecideApplications)
            && matches!(status, Some(Status::Submitted | Status::Invited)),
        invited: status == Some(Status::Invited),
        interview: booking.map(|b| {
            let panel = String::new();
            (dates::long_span(lang, b.starts_at, b.ends_at), b.place, b.accommodations.unwrap_or(panel))
        }),
        follow_ups: follow_ups.iter().map(|_| s.follow_up_no_show).collect(),
        score_rows: [
            ("motivation", s.crit_motivation),
            ("reflection", s.crit_reflection),
            ("distance", s.crit_distance),
            ("competence_building", s.crit_competence_building),
        ]
        .into_iter()
        .map(|(key, label)| {
            let scores = assessments
                .iter()
                .map(|a| {
                    let v = match key {
                        "motivation" => a.motivation,
                        "reflection" => a.reflection,
                        "distance" => a.distance,
                        _ => a.competence_building,
                    };
                    v.map_or_else(|| "–".to_string(), |v| v.to_string())
                })
                .collect();
            (key, label, scores)
        })
        .collect(),
        assessors: assessments
            .iter()
            .map(|a| (a.interviewer.clone(), a.no_show, a.notes.clone().unwrap_or_default()))
            .collect(),
        may_assess: staff.role.may(Permission::DecideApplications)
            || (on_panel && staff.role.may(Permission::AssessInterviews)),
        assessment_error: None,
        may_offer: staff.role.may(Permission::DecideApplications)
            && status.is_some_and(crate::domain::cohort::can_be_offered)
            && !cohorts.is_empty(),
        may_waitlist: staff.role.may(Permission::DecideApplications)
            && status.is_some_and(|st| st != Status::Waitlisted && st.can_become(Status::Waitlisted)),
        no_interview: assessments.is_empty(),
        cohorts,
        co: lang.coordinator(),
    })
}

/// The stored breakdown with the coordinators' verdicts laid over it.
fn criteria(lang: Lang, snapshot: &Value, verifications: &[Verification]) -> Vec<CriterionView> {
    let (s, c) = (lang.admin(), lang.coordinator());
    let results = snapshot.get("results").and_then(Value::as_array).cloned().unwrap_or_default();
    let stored = super::verify::stored_outcomes(snapshot);
    let verdicts: Vec<(String, Verdict)> = verifications.iter().map(|v| (v.criterion.clone(), v.verdict)).collect();
    let settled = settle(&stored, &verdicts);
    results
        .iter()
        .zip(settled.outcomes)
        .map(|(r, (key, outcome))| {
            let was_open = r.get("outcome").and_then(Value::as_str) == Some("to_verify");
            let closed_by = was_open.then(|| verifications.iter().rev().find(|v| v.criterion == key)).flatten();
            CriterionView {
                label: criterion_label(s, &key),
                outcome_label: match outcome {
                    "met" => s.outcome_met,
                    "not_met" => s.outcome_not_met,
                    "to_verify" => s.outcome_to_verify,
                    _ => s.outcome_for_interview,
                },
                verify: r.get("verify").filter(|v| !v.is_null()).map(|v| verify_text(s, v)),
                verified: closed_by.map(|v| verified_text(lang, c, &key, v)),
                open: outcome == "to_verify",
                confirm_label: if key == "residence" { c.verify_confirmed_residence } else { c.verify_confirmed },
                error: None,
                outcome: outcome.to_string(),
                key,
            }
        })
        .collect()
}

/// "Checked ... Recorded by Lone Ravn, 3 December 2026 10:00", and the note.
fn verified_text(lang: Lang, c: &CoordinatorStrings, key: &str, v: &Verification) -> (String, String) {
    let text = match v.verdict {
        Verdict::Confirmed if key == "residence" => c.verified_residence,
        Verdict::Confirmed => c.verified_confirmed,
        Verdict::NotConfirmed => c.verified_not_confirmed,
    };
    let by = v.actor.clone().unwrap_or_else(|| c.verified_by_unknown.to_string());
    (fill(text, &[&by, &dates::long_moment(lang, v.at)]), v.note.clone())
}

fn verify_text(s: &AdminStrings, v: &Value) -> String {
    let municipality = v.get("municipality").and_then(Value::as_str).unwrap_or("");
    match v.get("kind").and_then(Value::as_str).unwrap_or("") {
        "municipality_must_approve" => match v.get("fee_dkk").and_then(Value::as_u64) {
            Some(fee) => fill(s.verify_municipality, &[&municipality, &crate::web::apply::thousands(fee as u32)]),
            None => fill(s.verify_municipality_no_fee, &[&municipality]),
        },
        "caseworker_must_agree" => s.verify_caseworker_must_agree.to_string(),
        "caseworker_expected" => s.verify_caseworker_expected.to_string(),
        "income_support_allows_attending" => s.verify_income_other.to_string(),
        _ => s.verify_not_answered.to_string(),
    }
}

pub fn criterion_label(s: &AdminStrings, key: &str) -> &'static str {
    match key {
        "min_age" => s.crit_min_age,
        "lived_experience" => s.crit_lived_experience,
        "treatment_history" => s.crit_treatment_history,
        "income_support" => s.crit_income_support,
        "residence" => s.crit_residence,
        "substance_abuse" => s.crit_substance_abuse,
        "dementia" => s.crit_dementia,
        "interpreter" => s.crit_interpreter,
        "peer_employment" => s.crit_peer_employment,
        "colleague_same_team" => s.crit_colleague_same_team,
        "education_level" => s.crit_education_level,
        "weekly_hours" => s.crit_weekly_hours,
        "recovery_duration" => s.crit_recovery_duration,
        "family_relation" => s.crit_family_relation,
        "psychiatric_diagnosis" => s.crit_psychiatric_diagnosis,
        "admissions" => s.crit_admissions,
        "relevant_education" => s.crit_relevant_education,
        "outside_labour_market" => s.crit_outside_labour_market,
        "motivation" => s.crit_motivation,
        "reflection" => s.crit_reflection,
        "distance" => s.crit_distance,
        "competence_building" => s.crit_competence_building,
        _ => s.crit_willing_to_share,
    }
}

pub async fn add_note(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let detail = load(&state, &staff, &reference).await?;
    let body = form.get("body");
    let body = body.trim();
    if body.is_empty() || body.chars().count() > 5000 {
        let html = page(&state, lang, &staff, &detail, Some(lang.admin().err_note_empty), None).await?.render()?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    let mut tx = state.pool.begin().await?;
    storage::review::add_note(&mut tx, &state.key, detail.id, staff.user_id, body, state.clock.now()).await?;
    tx.commit().await?;
    staff.audit(&state, "note_added", Some(detail.id), json!({})).await?;
    Ok(Redirect::to(&format!("/admin/applications/{reference}#notes")).into_response())
}

pub async fn change_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let s = lang.admin();
    let detail = load(&state, &staff, &reference).await?;
    let reason = form.get("reason");
    let reason = Some(reason.trim()).filter(|r| !r.is_empty());
    let Ok(to) = form.get("status").parse::<Status>() else {
        let html = page(&state, lang, &staff, &detail, None, Some(s.err_status)).await?.render()?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    if to == Status::Rejected && reason.is_none() {
        let html = page(&state, lang, &staff, &detail, None, Some(s.err_reason_required)).await?.render()?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    // The cohort first, then the application: the order an offer takes them in.
    let ends = matches!(to, Status::Withdrawn | Status::Rejected | Status::Declined);
    if ends && let Some(cohort_id) = storage::cohorts::cohort_of_live_place(&mut tx, detail.id).await? {
        storage::cohorts::lock_seats(&mut tx, cohort_id, now).await?;
    }
    let storage::review::Locked { id, status: from } =
        storage::review::lock(&mut tx, &reference).await?.ok_or(AppError::NotFound)?;
    if !from.can_become(to) || from == to {
        tx.rollback().await?;
        let text = fill(s.conflict_status_text, &[&status_label(s, from), &status_label(s, to)]);
        let page = NoticePage::new(PageContext::new(lang, "/admin"), s.conflict_status_title, vec![text])
            .link(format!("/admin/applications/{reference}"), s.back_to_application);
        return Ok(page.respond(StatusCode::CONFLICT));
    }
    storage::review::set_status(
        &mut tx,
        &state.key,
        id,
        storage::review::StatusChange { from, to, reason, actor: Some(staff.user_id), now },
    )
    .await?;
    if ends {
        crate::flows::own_page::release_place(&mut tx, &state, id, now).await?;
    }
    tx.commit().await?;
    staff.audit(&state, "status_changed", Some(id), json!({ "from": from.key(), "to": to.key() })).await?;
    Ok(Redirect::to(&format!("/admin/applications/{reference}")).into_response())
}
