use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use super::programmes;
use crate::domain::intake::Intake;

pub struct NewIntake<'a> {
    pub programme_id: i64,
    pub slug: &'a str,
    pub name: &'a str,
    pub opens_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub start_date: NaiveDate,
    pub interview_days: &'a [NaiveDate],
}

/// Inserts the intake unless its slug is taken; returns the id either way.
pub async fn insert_if_missing(conn: &mut PgConnection, new: &NewIntake<'_>) -> sqlx::Result<i64> {
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO intakes (programme_id, slug, name, opens_at, deadline, start_date, interview_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(new.programme_id)
    .bind(new.slug)
    .bind(new.name)
    .bind(new.opens_at)
    .bind(new.deadline)
    .bind(new.start_date)
    .bind(new.interview_days)
    .fetch_optional(&mut *conn)
    .await?;
    match inserted {
        Some(id) => Ok(id),
        None => sqlx::query_scalar("SELECT id FROM intakes WHERE slug = $1").bind(new.slug).fetch_one(conn).await,
    }
}

macro_rules! select_intakes {
    ($($rest:literal),*) => {
        concat!(
            "SELECT i.id, i.slug, i.name, i.opens_at, i.deadline, i.start_date, i.interview_days, i.booking_cutoff_hours, i.auto_offer, ",
            programmes::programme_columns!(),
            " FROM intakes i JOIN programmes p ON p.id = i.programme_id ",
            $($rest),*
        )
    };
}

fn from_row(row: &PgRow) -> sqlx::Result<Intake> {
    Ok(Intake {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        opens_at: row.try_get("opens_at")?,
        deadline: row.try_get("deadline")?,
        start_date: row.try_get("start_date")?,
        interview_days: row.try_get("interview_days")?,
        booking_cutoff_hours: row.try_get("booking_cutoff_hours")?,
        auto_offer: row.try_get("auto_offer")?,
        programme: programmes::from_row(row)?,
    })
}

/// Intakes taking applications at `now`, the nearest deadline first.
pub async fn open_at(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Vec<Intake>> {
    let sql = select_intakes!("WHERE i.opens_at <= $1 AND i.deadline > $1 ORDER BY i.deadline, i.id");
    let rows = sqlx::query(sql).bind(now).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn by_slug(pool: &PgPool, slug: &str) -> sqlx::Result<Option<Intake>> {
    let sql = select_intakes!("WHERE i.slug = $1");
    let row = sqlx::query(sql).bind(slug).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_id(pool: &PgPool, id: i64) -> sqlx::Result<Option<Intake>> {
    let sql = select_intakes!("WHERE i.id = $1");
    let row = sqlx::query(sql).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// An intake in the staff overview, with its applications counted per status.
#[derive(Debug, sqlx::FromRow)]
pub struct IntakeOverview {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub programme_name: String,
    pub opens_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub start_date: NaiveDate,
    pub counts: sqlx::types::Json<std::collections::BTreeMap<String, i64>>,
}

const OVERVIEW: &str = "SELECT i.id, i.slug, i.name, p.name AS programme_name, i.opens_at, i.deadline, i.start_date,
        COALESCE((SELECT jsonb_object_agg(c.status, c.n) FROM
                  (SELECT status, count(*) AS n FROM applications a WHERE a.intake_id = i.id GROUP BY status) c), '{}') AS counts
     FROM intakes i JOIN programmes p ON p.id = i.programme_id";

pub async fn overview(pool: &PgPool) -> sqlx::Result<Vec<IntakeOverview>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{OVERVIEW} ORDER BY i.deadline DESC, i.id DESC"))).fetch_all(pool).await
}

pub async fn overview_of(pool: &PgPool, id: i64) -> sqlx::Result<Option<IntakeOverview>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{OVERVIEW} WHERE i.id = $1"))).bind(id).fetch_optional(pool).await
}

#[derive(Debug, thiserror::Error)]
pub enum CreateIntakeError {
    #[error("the slug is taken")]
    SlugTaken,
    #[error("no such programme")]
    UnknownProgramme,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn create(pool: &PgPool, p: &crate::domain::intake::ParsedIntake) -> Result<i64, CreateIntakeError> {
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO intakes (programme_id, slug, name, opens_at, deadline, start_date, interview_days, booking_cutoff_hours,
             auto_offer)
         SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM programmes WHERE slug = $1 RETURNING id",
    )
    .bind(&p.programme_slug)
    .bind(&p.slug)
    .bind(&p.name)
    .bind(p.opens_at)
    .bind(p.deadline)
    .bind(p.start_date)
    .bind(&p.interview_days)
    .bind(p.booking_cutoff_hours)
    .bind(p.auto_offer)
    .fetch_optional(pool)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("intakes_slug_key") => CreateIntakeError::SlugTaken,
        _ => CreateIntakeError::Database(err),
    })?;
    inserted.ok_or(CreateIntakeError::UnknownProgramme)
}

/// Changes an intake's name, slug and dates (its programme stays).
pub async fn update(
    pool: &PgPool,
    id: i64,
    p: &crate::domain::intake::ParsedIntake,
) -> Result<bool, CreateIntakeError> {
    let done = sqlx::query(
        "UPDATE intakes SET slug = $2, name = $3, opens_at = $4, deadline = $5, start_date = $6, interview_days = $7,
             booking_cutoff_hours = $8, auto_offer = $9
         WHERE id = $1",
    )
    .bind(id)
    .bind(&p.slug)
    .bind(&p.name)
    .bind(p.opens_at)
    .bind(p.deadline)
    .bind(p.start_date)
    .bind(&p.interview_days)
    .bind(p.booking_cutoff_hours)
    .bind(p.auto_offer)
    .execute(pool)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("intakes_slug_key") => CreateIntakeError::SlugTaken,
        _ => CreateIntakeError::Database(err),
    })?;
    Ok(done.rows_affected() == 1)
}

/// Every intake as (id, "programme – intake"), newest first, for choosing one.
pub async fn names(pool: &PgPool) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT i.id, p.name || ' – ' || i.name FROM intakes i JOIN programmes p ON p.id = i.programme_id
         ORDER BY i.deadline DESC, i.id DESC",
    )
    .fetch_all(pool)
    .await
}
