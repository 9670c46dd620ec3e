//! Visits to year-programme participants' practicum sites: planned, then
//! recorded as held. The note is sealed (`Field::VisitNote`, row: the visit id).
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::year_programme::Visit,
    sealing::{Field, FieldKey},
};

/// A visit to plan: the participant's cohort and application, its day and
/// times (Danish time), and who plans it when.
pub struct NewVisit<'a> {
    pub cohort_id: i64,
    pub application_id: i64,
    pub day: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub with_supervisor: bool,
    /// Already checked: at most 500 characters; none when empty.
    pub note: Option<&'a str>,
    pub planned_by: Option<i64>,
    pub now: DateTime<Utc>,
}

/// Writes the visit; none when the participant has a visit at that day and
/// start already (the form was sent twice).
pub async fn plan_visit(conn: &mut PgConnection, key: &FieldKey, v: &NewVisit<'_>) -> sqlx::Result<Option<i64>> {
    let id: i64 =
        sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('site_visits', 'id'))").fetch_one(&mut *conn).await?;
    sqlx::query_scalar(
        "INSERT INTO site_visits (id, cohort_id, application_id, day, starts, ends, with_supervisor, note_sealed,
             planned_by, planned_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT ON CONSTRAINT site_visits_once DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(v.cohort_id)
    .bind(v.application_id)
    .bind(v.day)
    .bind(v.starts)
    .bind(v.ends)
    .bind(v.with_supervisor)
    .bind(key.seal_text(Field::VisitNote, id, v.note))
    .bind(v.planned_by)
    .bind(v.now)
    .fetch_optional(conn)
    .await
}

/// A visit as the cohort page and the participant's calendar show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SiteVisit {
    pub id: i64,
    pub application_id: i64,
    pub day: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub with_supervisor: bool,
    pub held_at: Option<DateTime<Utc>>,
    /// The staff member who recorded it as held, while their account exists.
    pub held_by: Option<String>,
    #[sqlx(skip)]
    pub note: Option<String>,
}

impl SiteVisit {
    /// What the visit rule of `domain::year_programme` needs.
    pub fn as_visit(&self) -> Visit {
        Visit { day: self.day, held: self.held_at.is_some() }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    visit: SiteVisit,
    note_sealed: Option<Vec<u8>>,
}

/// The columns `Row` reads, for the queries below.
macro_rules! select_visits {
    () => {
        "SELECT v.id, v.application_id, v.day, v.starts, v.ends, v.with_supervisor, v.held_at,
             u.name AS held_by, v.note_sealed
         FROM site_visits v LEFT JOIN staff_users u ON u.id = v.held_by "
    };
}

/// The cohort's visits with their notes opened, by participant and day.
pub async fn visits(pool: &PgPool, key: &FieldKey, cohort_id: i64) -> sqlx::Result<Vec<SiteVisit>> {
    let sql = concat!(select_visits!(), "WHERE v.cohort_id = $1 ORDER BY v.application_id, v.day, v.starts");
    let rows: Vec<Row> = sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?;
    rows.into_iter()
        .map(|r| {
            let note = key
                .open_text(Field::VisitNote, r.visit.id, r.note_sealed.as_deref())
                .map_err(crate::storage::sealed::unreadable)?;
            Ok(SiteVisit { note, ..r.visit })
        })
        .collect()
}

/// One participant's visits by day, without the staff's notes (for their own calendar).
pub async fn visits_of(pool: &PgPool, cohort_id: i64, application_id: i64) -> sqlx::Result<Vec<SiteVisit>> {
    let sql = concat!(select_visits!(), "WHERE v.cohort_id = $1 AND v.application_id = $2 ORDER BY v.day, v.starts");
    let rows: Vec<Row> = sqlx::query_as(sql).bind(cohort_id).bind(application_id).fetch_all(pool).await?;
    Ok(rows.into_iter().map(|r| r.visit).collect())
}

/// The visit's day, when it belongs to the cohort.
pub async fn visit_day(pool: &PgPool, cohort_id: i64, visit_id: i64) -> sqlx::Result<Option<NaiveDate>> {
    sqlx::query_scalar("SELECT day FROM site_visits WHERE id = $1 AND cohort_id = $2")
        .bind(visit_id)
        .bind(cohort_id)
        .fetch_optional(pool)
        .await
}

/// Records the visit as held by `by` at `now`; a visit recorded before keeps
/// its first record. False when the cohort has no such visit.
pub async fn record_held(
    pool: &PgPool,
    cohort_id: i64,
    visit_id: i64,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE site_visits SET held_at = coalesce(held_at, $3), held_by = CASE WHEN held_at IS NULL THEN $4 ELSE held_by END
         WHERE id = $1 AND cohort_id = $2",
    )
    .bind(visit_id)
    .bind(cohort_id)
    .bind(now)
    .bind(by)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
