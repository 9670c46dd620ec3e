use chrono::{NaiveTime, Weekday};
use sqlx::{PgConnection, Row, postgres::PgRow};

use crate::domain::{municipality::Region, programme::ProgrammeFacts};

/// Inserts the programme, or updates its facts when the slug exists; returns its id.
pub async fn upsert(conn: &mut PgConnection, p: &ProgrammeFacts) -> sqlx::Result<i64> {
    let weekdays: Vec<i32> = p.teaching_weekdays.iter().map(|d| d.number_from_monday() as i32).collect();
    sqlx::query_scalar(
        "INSERT INTO programmes (slug, name, profile, organiser, place, teaching_weeks, teaching_weekdays,
             session_starts, session_ends, session_count, practicum_weeks, practicum_hours_per_week,
             capacity, home_region, out_of_region_fee_dkk)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, profile = EXCLUDED.profile,
             organiser = EXCLUDED.organiser, place = EXCLUDED.place, teaching_weeks = EXCLUDED.teaching_weeks,
             teaching_weekdays = EXCLUDED.teaching_weekdays, session_starts = EXCLUDED.session_starts,
             session_ends = EXCLUDED.session_ends, session_count = EXCLUDED.session_count,
             practicum_weeks = EXCLUDED.practicum_weeks,
             practicum_hours_per_week = EXCLUDED.practicum_hours_per_week, capacity = EXCLUDED.capacity,
             home_region = EXCLUDED.home_region, out_of_region_fee_dkk = EXCLUDED.out_of_region_fee_dkk
         RETURNING id",
    )
    .bind(&p.slug)
    .bind(&p.name)
    .bind(&p.profile)
    .bind(&p.organiser)
    .bind(&p.place)
    .bind(p.teaching_weeks as i32)
    .bind(weekdays)
    .bind(p.session_starts)
    .bind(p.session_ends)
    .bind(p.session_count as i32)
    .bind(p.practicum_weeks as i32)
    .bind(p.practicum_hours_per_week as i32)
    .bind(p.capacity as i32)
    .bind(p.home_region.key())
    .bind(p.out_of_region_fee_dkk.map(|f| f as i32))
    .fetch_one(conn)
    .await
}

/// The programme columns of a query joining `programmes p`, as [`from_row`] reads them.
macro_rules! programme_columns {
    () => {
        "p.slug AS p_slug, p.name AS p_name, p.profile, p.organiser, p.place,
         p.teaching_weeks, p.teaching_weekdays, p.session_starts, p.session_ends, p.session_count,
         p.practicum_weeks, p.practicum_hours_per_week, p.capacity, p.home_region, p.out_of_region_fee_dkk"
    };
}
pub(crate) use programme_columns;

pub(crate) fn from_row(row: &PgRow) -> sqlx::Result<ProgrammeFacts> {
    let weekdays: Vec<i32> = row.try_get("teaching_weekdays")?;
    let region: String = row.try_get("home_region")?;
    let count = |name: &str| -> sqlx::Result<u32> { Ok(row.try_get::<i32, _>(name)?.max(0) as u32) };
    Ok(ProgrammeFacts {
        slug: row.try_get("p_slug")?,
        name: row.try_get("p_name")?,
        profile: row.try_get("profile")?,
        organiser: row.try_get("organiser")?,
        place: row.try_get("place")?,
        teaching_weeks: count("teaching_weeks")?,
        teaching_weekdays: weekdays.into_iter().filter_map(weekday_from_number).collect(),
        session_starts: row.try_get::<NaiveTime, _>("session_starts")?,
        session_ends: row.try_get::<NaiveTime, _>("session_ends")?,
        session_count: count("session_count")?,
        practicum_weeks: count("practicum_weeks")?,
        practicum_hours_per_week: count("practicum_hours_per_week")?,
        capacity: count("capacity")?,
        home_region: Region::from_key(&region)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown region {region:?}").into()))?,
        out_of_region_fee_dkk: row.try_get::<Option<i32>, _>("out_of_region_fee_dkk")?.map(|f| f.max(0) as u32),
    })
}

fn weekday_from_number(n: i32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// Every programme as (slug, name), for choosing one.
pub async fn names(pool: &sqlx::PgPool) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT slug, name || ' (' || organiser || ')' FROM programmes ORDER BY name, slug")
        .fetch_all(pool)
        .await
}
