//! A cohort's teaching sessions as changed by its coordinator, its participants and their attendance.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::PgPool;

use crate::domain::schedule::SessionChange;

/// Moves or cancels one planned session (replacing an earlier change of it).
pub async fn change_session(pool: &PgPool, cohort_id: i64, change: SessionChange) -> sqlx::Result<()> {
    let (number, date, starts, ends, cancelled) = match change {
        SessionChange::Moved { number, date, starts, ends } => (number, Some(date), Some(starts), Some(ends), false),
        SessionChange::Cancelled { number } => (number, None, None, None, true),
    };
    sqlx::query(
        "INSERT INTO session_changes (cohort_id, session_number, new_date, new_starts, new_ends, cancelled)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (cohort_id, session_number) DO UPDATE SET new_date = $3, new_starts = $4, new_ends = $5, cancelled = $6",
    )
    .bind(cohort_id)
    .bind(number as i32)
    .bind(date)
    .bind(starts)
    .bind(ends)
    .bind(cancelled)
    .execute(pool)
    .await?;
    Ok(())
}

/// Adds a session after the planned ones; its number follows the highest so far.
pub async fn add_session(
    pool: &PgPool,
    cohort_id: i64,
    first_free: u32,
    date: NaiveDate,
    starts: NaiveTime,
    ends: NaiveTime,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO extra_sessions (cohort_id, session_number, date, starts, ends)
         SELECT $1, GREATEST($2, COALESCE(max(session_number) + 1, $2)), $3, $4, $5 FROM extra_sessions WHERE cohort_id = $1",
    )
    .bind(cohort_id)
    .bind(first_free as i32)
    .bind(date)
    .bind(starts)
    .bind(ends)
    .execute(pool)
    .await?;
    Ok(())
}

/// An accepted participant of a cohort.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Participant {
    pub application_id: i64,
    pub reference: String,
    pub full_name: String,
}

/// Accepted participants of a cohort, by name.
pub async fn participants(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<Participant>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference, a.full_name FROM cohort_offers o JOIN applications a ON a.id = o.application_id
         WHERE o.cohort_id = $1 AND o.status = 'accepted' ORDER BY lower(a.full_name)",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// Who was present at one session, as application ids.
pub async fn present_at(pool: &PgPool, cohort_id: i64, session: i32) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT application_id FROM attendance WHERE cohort_id = $1 AND session_number = $2 AND present")
        .bind(cohort_id)
        .bind(session)
        .fetch_all(pool)
        .await
}

/// Records one session's attendance for every participant given.
pub async fn record_attendance(
    pool: &PgPool,
    cohort_id: i64,
    session: i32,
    marks: &[(i64, bool)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for (application, present) in marks {
        sqlx::query(
            "INSERT INTO attendance (cohort_id, session_number, application_id, present, recorded_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (cohort_id, session_number, application_id) DO UPDATE SET present = $4, recorded_at = $5",
        )
        .bind(cohort_id)
        .bind(session)
        .bind(application)
        .bind(present)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Sessions recorded for a cohort so far, and per participant the sessions present.
#[derive(Debug)]
pub struct AttendanceSummary {
    pub held: i64,
    pub present: Vec<Presence>,
}

/// How many recorded sessions one participant was present at.
#[derive(Debug, sqlx::FromRow)]
pub struct Presence {
    pub application_id: i64,
    pub sessions: i64,
}

impl AttendanceSummary {
    /// Sessions present for the application (0 when none was recorded).
    pub fn present(&self, application_id: i64) -> i64 {
        self.present.iter().find(|p| p.application_id == application_id).map_or(0, |p| p.sessions)
    }
}

/// What has been recorded of the cohort's attendance.
pub async fn attendance_summary(pool: &PgPool, cohort_id: i64) -> sqlx::Result<AttendanceSummary> {
    let held: i64 = sqlx::query_scalar("SELECT count(DISTINCT session_number) FROM attendance WHERE cohort_id = $1")
        .bind(cohort_id)
        .fetch_one(pool)
        .await?;
    let present: Vec<Presence> = sqlx::query_as(
        "SELECT application_id, count(*) FILTER (WHERE present) AS sessions FROM attendance WHERE cohort_id = $1 GROUP BY application_id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    Ok(AttendanceSummary { held, present })
}

/// The programme's required share of sessions in percent, if it has one.
pub async fn attendance_threshold(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar(
        "SELECT p.attendance_threshold_percent FROM cohorts c JOIN intakes i ON i.id = c.intake_id
         JOIN programmes p ON p.id = i.programme_id WHERE c.id = $1",
    )
    .bind(cohort_id)
    .fetch_one(pool)
    .await
}
