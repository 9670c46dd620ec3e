//! Cohorts, their seats (offers) and the waiting list; one submodule per
//! table group, re-exported here so callers name `storage::cohorts::x`.
mod candidates;
mod decisions;
mod offers;
mod placements;
mod seats;
mod sessions;
mod visits;
mod waiting_list;

pub use candidates::*;
use chrono::{NaiveDate, NaiveTime};
pub use decisions::*;
pub use offers::*;
pub use placements::*;
pub use seats::*;
pub use sessions::*;
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};
pub use visits::*;
pub use waiting_list::*;

use super::programmes;
pub use crate::domain::cohort::Cohort;
use crate::domain::{
    cohort::OfferStatus,
    programme::ProgrammeFacts,
    schedule::{Session, SessionChange},
};

super::types::text_column!(OfferStatus, key, |text: &str| text.parse::<OfferStatus>());

/// A new cohort ($1 intake, $2 name, $3 start) with the programme's capacity and
/// its teaching and practicum pattern as they are now: a later edit of the
/// programme leaves the cohort's dates alone.
macro_rules! insert_cohort {
    () => {
        "INSERT INTO cohorts (intake_id, name, start_date, capacity, plan_weekdays, plan_session_starts,
             plan_session_ends, plan_session_count, plan_practicum_weeks, plan_practicum_hours, plan_follow_ups,
             plan_supervisions)
         SELECT $1, $2, $3, p.capacity, p.teaching_weekdays, p.session_starts, p.session_ends, p.session_count,
             p.practicum_weeks, p.practicum_hours_per_week, p.follow_up_days, p.supervisions
         FROM intakes i JOIN programmes p ON p.id = i.programme_id WHERE i.id = $1"
    };
}

/// Adds the cohort unless the intake has one of that name; returns its id.
pub async fn insert_if_missing(
    conn: &mut PgConnection,
    intake_id: i64,
    name: &str,
    start_date: NaiveDate,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(concat!(
        insert_cohort!(),
        " ON CONFLICT (intake_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id"
    ))
    .bind(intake_id)
    .bind(name)
    .bind(start_date)
    .fetch_one(conn)
    .await
}

#[derive(Debug, thiserror::Error)]
pub enum CreateCohortError {
    #[error("the intake has a cohort of that name")]
    NameTaken,
    /// A recruitment's intake has its one cohort (its positions) already.
    #[error("the recruitment has its positions already")]
    PositionsExist,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A new cohort with the programme's capacity.
pub async fn create(
    pool: &PgPool,
    intake_id: i64,
    name: &str,
    start_date: NaiveDate,
) -> Result<i64, CreateCohortError> {
    sqlx::query_scalar(concat!(insert_cohort!(), " RETURNING id"))
        .bind(intake_id)
        .bind(name)
        .bind(start_date)
        .fetch_one(pool)
        .await
        .map_err(|err| match super::violated_constraint(&err) {
            Some("cohorts_intake_id_name_key") => CreateCohortError::NameTaken,
            Some("cohorts_one_per_recruitment") => CreateCohortError::PositionsExist,
            _ => CreateCohortError::Database(err),
        })
}

fn cohort_from_row(row: &PgRow) -> sqlx::Result<Cohort> {
    Ok(Cohort {
        id: row.try_get("id")?,
        intake_id: row.try_get("intake_id")?,
        intake_name: row.try_get("intake_name")?,
        name: row.try_get("name")?,
        start_date: row.try_get("start_date")?,
        capacity: row.try_get("capacity")?,
        school_holidays: row.try_get("school_holidays")?,
        programme: with_plan(row, programmes::from_row(row)?)?,
        changes: Vec::new(),
        added: Vec::new(),
        follow_up_days: row.try_get("follow_up_days")?,
        supervision_days: row.try_get("supervision_days")?,
    })
}

/// The programme with the cohort's own teaching and practicum pattern, where
/// the cohort has one (kept when it was made).
fn with_plan(row: &PgRow, mut p: ProgrammeFacts) -> sqlx::Result<ProgrammeFacts> {
    let Some(weekdays) = row.try_get::<Option<Vec<i32>>, _>("plan_weekdays")? else { return Ok(p) };
    let count =
        |name: &str| -> sqlx::Result<u32> { Ok(row.try_get::<Option<i32>, _>(name)?.unwrap_or(0).max(0) as u32) };
    p.teaching_weekdays = weekdays.into_iter().filter_map(programmes::weekday_from_number).collect();
    p.session_starts = row.try_get::<Option<NaiveTime>, _>("plan_session_starts")?.unwrap_or(p.session_starts);
    p.session_ends = row.try_get::<Option<NaiveTime>, _>("plan_session_ends")?.unwrap_or(p.session_ends);
    p.session_count = count("plan_session_count")?;
    p.practicum_weeks = count("plan_practicum_weeks")?;
    p.practicum_hours_per_week = count("plan_practicum_hours")?;
    p.follow_up_days = count("plan_follow_ups")?;
    p.supervisions = count("plan_supervisions")?;
    Ok(p)
}

/// A stored change of one planned session: moved (the new times) or cancelled.
#[derive(sqlx::FromRow)]
struct ChangeRow {
    session_number: i32,
    new_date: Option<NaiveDate>,
    new_starts: Option<NaiveTime>,
    new_ends: Option<NaiveTime>,
    cancelled: bool,
}

/// A session added after the planned ones.
#[derive(sqlx::FromRow)]
struct ExtraRow {
    session_number: i32,
    date: NaiveDate,
    starts: NaiveTime,
    ends: NaiveTime,
}

/// The cohort with its programme, session changes and added sessions; none for an unknown id.
pub async fn get(pool: &PgPool, id: i64) -> sqlx::Result<Option<Cohort>> {
    let sql = concat!(
        "SELECT c.id, c.intake_id, i.name AS intake_name, c.name, c.start_date, c.capacity, c.school_holidays,
            c.follow_up_days, c.supervision_days, c.plan_weekdays, c.plan_session_starts, c.plan_session_ends,
            c.plan_session_count, c.plan_practicum_weeks, c.plan_practicum_hours, c.plan_follow_ups,
            c.plan_supervisions, ",
        programmes::programme_columns!(),
        " FROM cohorts c JOIN intakes i ON i.id = c.intake_id JOIN programmes p ON p.id = i.programme_id WHERE c.id = $1"
    );
    let row = sqlx::query(sql).bind(id).fetch_optional(pool).await?;
    let Some(mut cohort) = row.as_ref().map(cohort_from_row).transpose()? else { return Ok(None) };
    let changes: Vec<ChangeRow> = sqlx::query_as(
        "SELECT session_number, new_date, new_starts, new_ends, cancelled FROM session_changes WHERE cohort_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    cohort.changes = changes
        .into_iter()
        .filter_map(|ChangeRow { session_number, new_date: date, new_starts: starts, new_ends: ends, cancelled }| {
            let number = u32::try_from(session_number).ok()?;
            Some(if cancelled {
                SessionChange::Cancelled { number }
            } else {
                SessionChange::Moved { number, date: date?, starts: starts?, ends: ends? }
            })
        })
        .collect();
    let added: Vec<ExtraRow> = sqlx::query_as(
        "SELECT session_number, date, starts, ends FROM extra_sessions WHERE cohort_id = $1 ORDER BY session_number",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    cohort.added = added
        .into_iter()
        .filter_map(|r| {
            Some(Session {
                number: u32::try_from(r.session_number).ok()?,
                date: r.date,
                starts: r.starts,
                ends: r.ends,
            })
        })
        .collect();
    Ok(Some(cohort))
}

/// The cohorts of an intake as (id, name).
pub async fn of_intake(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, name FROM cohorts WHERE intake_id = $1 ORDER BY start_date, id")
        .bind(intake_id)
        .fetch_all(pool)
        .await
}

/// A cohort's name and days as a coordinator sets them.
pub struct CohortEdit<'a> {
    pub name: &'a str,
    pub start_date: NaiveDate,
    pub school_holidays: &'a [NaiveDate],
    pub follow_up_days: &'a [NaiveDate],
    pub supervision_days: &'a [NaiveDate],
}

/// Saves the edit; false for an unknown cohort, `NameTaken` when the intake has another of that name.
pub async fn update(pool: &PgPool, id: i64, e: &CohortEdit<'_>) -> Result<bool, CreateCohortError> {
    let done = sqlx::query(
        "UPDATE cohorts SET name = $2, start_date = $3, school_holidays = $4, follow_up_days = $5, supervision_days = $6
         WHERE id = $1",
    )
    .bind(id)
    .bind(e.name)
    .bind(e.start_date)
    .bind(e.school_holidays)
    .bind(e.follow_up_days)
    .bind(e.supervision_days)
    .execute(pool)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("cohorts_intake_id_name_key") => CreateCohortError::NameTaken,
        _ => CreateCohortError::Database(err),
    })?;
    Ok(done.rows_affected() == 1)
}
