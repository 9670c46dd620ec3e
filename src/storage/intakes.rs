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
        None => {
            sqlx::query_scalar("SELECT id FROM intakes WHERE slug = $1")
                .bind(new.slug)
                .fetch_one(conn)
                .await
        }
    }
}

macro_rules! select_intakes {
    ($($rest:literal),*) => {
        concat!(
            "SELECT i.id, i.slug, i.name, i.opens_at, i.deadline, i.start_date, i.interview_days, ",
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
        programme: programmes::from_row(row)?,
    })
}

/// Intakes taking applications at `now`, the nearest deadline first.
pub async fn open_at(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Vec<Intake>> {
    let sql =
        select_intakes!("WHERE i.opens_at <= $1 AND i.deadline > $1 ORDER BY i.deadline, i.id");
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
