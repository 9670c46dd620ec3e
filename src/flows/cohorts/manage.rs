//! A coordinator's work on one cohort: creating and changing it, its teaching
//! sessions, attendance, the waiting list's order, and what its page shows.
use chrono::{NaiveDate, NaiveTime};
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        cohort::{WrongDayCount, chosen_days_fit},
        schedule::SessionChange,
    },
    flows::{Context, FlowResult, audit},
    mail::messages::cohorts as mails,
    storage::{
        self,
        cohorts::{
            AttendanceSummary, Candidate, Cohort, CohortEdit, CreateCohortError, Participant, PlacementSite, Seat,
            Waiting,
        },
    },
};

/// What became of creating or changing a cohort.
pub enum Saved {
    /// The cohort's id.
    Done(i64),
    NameTaken,
    /// A recruitment has one set of positions (its programme's capacity).
    PositionsExist,
    NotFound,
    /// Chosen follow-up days or supervisions not matching the programme's number.
    WrongDayCount(WrongDayCount),
}

/// A new cohort of the intake with the programme's capacity; audited.
/// `NameTaken` when the intake has a cohort of that name; `PositionsExist`
/// for a second cohort of a recruitment (the database refuses it).
pub async fn create(ctx: &Context, actor: &Actor, intake_id: i64, name: &str, start: NaiveDate) -> FlowResult<Saved> {
    match storage::cohorts::create(&ctx.pool, intake_id, name, start).await {
        Ok(cohort) => {
            audit(ctx, actor, "cohort_created", None, json!({ "cohort_id": cohort })).await?;
            Ok(Saved::Done(cohort))
        }
        Err(CreateCohortError::NameTaken) => Ok(Saved::NameTaken),
        Err(CreateCohortError::PositionsExist) => Ok(Saved::PositionsExist),
        Err(CreateCohortError::Database(e)) => Err(e.into()),
    }
}

/// Renames the cohort, moves its start and sets its own days (the programme's
/// number of follow-up days and supervisions, or none); audited.
pub async fn update(ctx: &Context, actor: &Actor, id: i64, edit: &CohortEdit<'_>) -> FlowResult<Saved> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(Saved::NotFound) };
    if let Err(wrong) = chosen_days_fit(&cohort.programme, edit.follow_up_days, edit.supervision_days) {
        return Ok(Saved::WrongDayCount(wrong));
    }
    match storage::cohorts::update(&ctx.pool, id, edit).await {
        Ok(true) => {
            audit(ctx, actor, "cohort_changed", None, json!({ "cohort_id": id })).await?;
            Ok(Saved::Done(id))
        }
        Ok(false) => Ok(Saved::NotFound),
        Err(CreateCohortError::NameTaken) => Ok(Saved::NameTaken),
        Err(CreateCohortError::PositionsExist) => Ok(Saved::PositionsExist),
        Err(CreateCohortError::Database(e)) => Err(e.into()),
    }
}

/// Everything the cohort page shows.
pub struct Overview {
    pub cohort: Cohort,
    pub seats: Vec<Seat>,
    pub waiting: Vec<Waiting>,
    /// Interviewed applicants who may be offered a place, with their scores.
    pub candidates: Vec<Candidate>,
    pub participants: Vec<Participant>,
    pub attendance: AttendanceSummary,
    /// The programme's required share of sessions, in percent.
    pub threshold: Option<u32>,
    pub sites: Vec<PlacementSite>,
}

/// The cohort page's facts, or none for an unknown cohort.
pub async fn overview(ctx: &Context, id: i64) -> FlowResult<Option<Overview>> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(None) };
    let now = ctx.now();
    let (seats, waiting, candidates) = tokio::try_join!(
        storage::cohorts::seats(&ctx.pool, id, now),
        storage::cohorts::waiting_list(&ctx.pool, cohort.intake_id),
        storage::cohorts::candidates(&ctx.pool, cohort.intake_id)
    )?;
    let (participants, attendance, threshold, sites) = tokio::try_join!(
        storage::cohorts::participants(&ctx.pool, id),
        storage::cohorts::attendance_summary(&ctx.pool, id),
        storage::cohorts::attendance_threshold(&ctx.pool, id),
        storage::cohorts::placement_sites(&ctx.pool, id),
    )?;
    let threshold = threshold.and_then(|t| u32::try_from(t).ok());
    Ok(Some(Overview { cohort, seats, waiting, candidates, participants, attendance, threshold, sites }))
}

/// The cohort's plan as a calendar file, or none for an unknown cohort.
pub async fn schedule(ctx: &Context, id: i64) -> FlowResult<Option<String>> {
    let cohort = storage::cohorts::get(&ctx.pool, id).await?;
    Ok(cohort.map(|c| mails::schedule(&c, ctx.mail_domain(), ctx.now())))
}

/// Swaps the reference with its neighbour on the cohort's intake's waiting
/// list; false for an unknown cohort.
pub async fn move_waiting(ctx: &Context, id: i64, reference: &str, up: bool) -> FlowResult<bool> {
    let Some(c) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(false) };
    storage::cohorts::move_on_waiting_list(&ctx.pool, c.intake_id, reference, up).await?;
    Ok(true)
}

/// What became of a change to the teaching plan.
pub enum SessionEdit {
    Done,
    /// No such cohort, or no such session in its plan.
    NotFound,
    /// The form's times did not parse (checked after the session exists).
    Invalid,
}

/// Moves or cancels planned session `number` (`None`: the times did not parse); audited.
pub async fn change_session(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    number: u32,
    change: Option<SessionChange>,
) -> FlowResult<SessionEdit> {
    let Some(c) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(SessionEdit::NotFound) };
    if !c.plan().0.iter().any(|s| s.number == number) {
        return Ok(SessionEdit::NotFound);
    }
    let Some(change) = change else { return Ok(SessionEdit::Invalid) };
    storage::cohorts::change_session(&ctx.pool, id, change).await?;
    audit(ctx, actor, "session_changed", None, json!({ "cohort_id": id, "session": number })).await?;
    Ok(SessionEdit::Done)
}

/// A session's day and times, ends after starts.
#[derive(Debug, Clone, Copy)]
pub struct SessionTimes {
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
}

/// Adds a session after the planned ones (`None`: the times did not parse); audited.
pub async fn add_session(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    times: Option<SessionTimes>,
) -> FlowResult<SessionEdit> {
    let Some(c) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(SessionEdit::NotFound) };
    let Some(SessionTimes { date, starts, ends }) = times else { return Ok(SessionEdit::Invalid) };
    // After every planned number (a year programme plans more than `session_count`).
    let last = c.plan().0.iter().map(|s| s.number).max().unwrap_or(0).max(c.programme.session_count);
    storage::cohorts::add_session(&ctx.pool, id, last + 1, date, starts, ends).await?;
    audit(ctx, actor, "session_added", None, json!({ "cohort_id": id })).await?;
    Ok(SessionEdit::Done)
}

/// One session of a cohort, with its participants and who was present.
pub struct Register {
    pub session: crate::domain::schedule::Session,
    pub people: Vec<Participant>,
    pub present: Vec<i64>,
}

/// The attendance register of session `number`, or none when the cohort or
/// session is unknown.
pub async fn register(ctx: &Context, id: i64, number: u32) -> FlowResult<Option<Register>> {
    let Some(c) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(None) };
    let (sessions, _) = c.plan();
    let Some(session) = sessions.into_iter().find(|s| s.number == number) else { return Ok(None) };
    let (people, present) = tokio::try_join!(
        storage::cohorts::participants(&ctx.pool, id),
        storage::cohorts::present_at(&ctx.pool, id, number as i32)
    )?;
    Ok(Some(Register { session, people, present }))
}

/// Records session `number`: every participant is present when listed in
/// `present`, absent otherwise; audited. False when the cohort or session is unknown.
pub async fn record_attendance(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    number: u32,
    present: &[i64],
) -> FlowResult<bool> {
    let Some(c) = storage::cohorts::get(&ctx.pool, id).await? else { return Ok(false) };
    if !c.plan().0.iter().any(|s| s.number == number) {
        return Ok(false);
    }
    let marks: Vec<(i64, bool)> = storage::cohorts::participants(&ctx.pool, id)
        .await?
        .into_iter()
        .map(|p| (p.application_id, present.contains(&p.application_id)))
        .collect();
    storage::cohorts::record_attendance(&ctx.pool, id, number as i32, &marks, ctx.now()).await?;
    audit(ctx, actor, "attendance_recorded", None, json!({ "cohort_id": id, "session": number })).await?;
    Ok(true)
}
