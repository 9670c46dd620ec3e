use chrono::{NaiveTime, Weekday};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use crate::domain::{
    municipality::Region,
    programme::{ModularRules, ProgrammeFacts, Structure, YearRules},
};

/// The programme columns of a query joining `programmes p`, as [`from_row`] reads them;
/// prefixed `p_` where other tables use the same names.
macro_rules! programme_columns {
    () => {
        "p.slug AS p_slug, p.name AS p_name, p.profile, p.organiser, p.place,
         p.teaching_weeks, p.teaching_weekdays, p.session_starts, p.session_ends, p.session_count,
         p.practicum_weeks, p.practicum_hours_per_week, p.capacity, p.home_region, p.out_of_region_fee_dkk,
         p.structure AS p_structure, p.follow_up_days AS p_follow_up_days,
         p.supervisions AS p_supervisions, p.intro_days_peer AS p_intro_days_peer,
         p.intro_days_colleague AS p_intro_days_colleague, p.module_hours AS p_module_hours,
         p.min_attendance_percent AS p_min_attendance_percent,
         p.complete_within_months AS p_complete_within_months, p.months AS p_months,
         p.site_visits AS p_site_visits, p.contact_email AS p_contact_email, p.contact_phone AS p_contact_phone"
    };
}
pub(crate) use programme_columns;

/// Every column a programme writes, in the order [`bind`] binds them ($1 = slug).
macro_rules! written_columns {
    () => {
        "slug, name, profile, organiser, place, teaching_weeks, teaching_weekdays,
         session_starts, session_ends, session_count, practicum_weeks, practicum_hours_per_week,
         capacity, home_region, out_of_region_fee_dkk, structure, follow_up_days, supervisions,
         intro_days_peer, intro_days_colleague, module_hours, min_attendance_percent,
         complete_within_months, months, site_visits, contact_email, contact_phone"
    };
}

/// `SET` of every written column but the slug, from `$2` on (as [`bind`] binds them).
macro_rules! set_columns {
    () => {
        "name = $2, profile = $3, organiser = $4, place = $5, teaching_weeks = $6,
    teaching_weekdays = $7, session_starts = $8, session_ends = $9, session_count = $10,
    practicum_weeks = $11, practicum_hours_per_week = $12, capacity = $13, home_region = $14,
    out_of_region_fee_dkk = $15, structure = $16, follow_up_days = $17, supervisions = $18,
    intro_days_peer = $19, intro_days_colleague = $20, module_hours = $21, min_attendance_percent = $22,
    complete_within_months = $23, months = $24, site_visits = $25, contact_email = $26, contact_phone = $27"
    };
}

type Query<'q> = sqlx::query::QueryScalar<'q, sqlx::Postgres, i64, sqlx::postgres::PgArguments>;

/// Binds the programme's facts as `$1..$27` in the order of `written_columns!`.
fn bind<'q>(query: Query<'q>, p: &'q ProgrammeFacts) -> Query<'q> {
    let weekdays: Vec<i32> = p.teaching_weekdays.iter().map(|d| d.number_from_monday() as i32).collect();
    let modular = match p.structure {
        Structure::ModularCourse(m) => Some(m),
        _ => None,
    };
    let year = match p.structure {
        Structure::YearProgramme(y) => Some(y),
        _ => None,
    };
    query
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
        .bind(p.home_region.map_or("", Region::key))
        .bind(p.out_of_region_fee_dkk.map(|f| f as i32))
        .bind(p.structure.key())
        .bind(p.follow_up_days as i32)
        .bind(p.supervisions as i32)
        .bind(modular.map(|m| m.intro_days_peer as i32))
        .bind(modular.map(|m| m.intro_days_colleague as i32))
        .bind(modular.map(|m| m.module_hours as i32))
        .bind(modular.map(|m| m.min_attendance_percent as i32))
        .bind(modular.map(|m| m.complete_within_months as i32))
        .bind(year.map(|y| y.months as i32))
        .bind(year.map(|y| y.site_visits as i32))
        .bind(&p.contact_email)
        .bind(&p.contact_phone)
}

macro_rules! values {
    () => {
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
            $19, $20, $21, $22, $23, $24, $25, $26, $27)"
    };
}

/// Inserts the programme, or updates its facts when the slug exists; returns its id.
pub async fn upsert(conn: &mut PgConnection, p: &ProgrammeFacts) -> sqlx::Result<i64> {
    let sql = concat!(
        "INSERT INTO programmes (",
        written_columns!(),
        ") ",
        values!(),
        " ON CONFLICT (slug) DO UPDATE SET ",
        set_columns!(),
        " RETURNING id"
    );
    bind(sqlx::query_scalar(sql), p).fetch_one(conn).await
}

#[derive(Debug, thiserror::Error)]
pub enum SaveProgrammeError {
    #[error("another programme has that slug")]
    SlugTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A new programme; `SlugTaken` when the slug is in use (the table's UNIQUE).
pub async fn create(pool: &PgPool, p: &ProgrammeFacts) -> Result<i64, SaveProgrammeError> {
    let sql = concat!("INSERT INTO programmes (", written_columns!(), ") ", values!(), " RETURNING id");
    bind(sqlx::query_scalar(sql), p).fetch_one(pool).await.map_err(|err| match super::violated_constraint(&err) {
        Some("programmes_slug_key") => SaveProgrammeError::SlugTaken,
        _ => SaveProgrammeError::Database(err),
    })
}

/// Replaces the facts of the programme `p.slug`; its intakes (and their dates)
/// stay as they are. None for an unknown slug, else the programme's id.
pub async fn update(pool: &PgPool, p: &ProgrammeFacts) -> sqlx::Result<Option<i64>> {
    let sql = concat!("UPDATE programmes SET ", set_columns!(), " WHERE slug = $1 RETURNING id");
    bind(sqlx::query_scalar(sql), p).fetch_optional(pool).await
}

/// A programme in the admin's list: its facts and how many intakes it has.
pub struct Listed {
    pub facts: ProgrammeFacts,
    pub intakes: i64,
}

/// Every programme, by name.
pub async fn list(pool: &PgPool) -> sqlx::Result<Vec<Listed>> {
    let sql = concat!(
        "SELECT ",
        programme_columns!(),
        ", (SELECT count(*) FROM intakes i WHERE i.programme_id = p.id) AS intake_count
         FROM programmes p ORDER BY p.name, p.slug"
    );
    let rows = sqlx::query(sql).fetch_all(pool).await?;
    rows.iter().map(|row| Ok(Listed { facts: from_row(row)?, intakes: row.try_get("intake_count")? })).collect()
}

/// The programme of `slug`, if any.
pub async fn by_slug(pool: &PgPool, slug: &str) -> sqlx::Result<Option<ProgrammeFacts>> {
    let sql = concat!("SELECT ", programme_columns!(), " FROM programmes p WHERE p.slug = $1");
    let row = sqlx::query(sql).bind(slug).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

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
        home_region: match region.as_str() {
            "" => None,
            key => Some(
                Region::from_key(key)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown region {region:?}").into()))?,
            ),
        },
        out_of_region_fee_dkk: row.try_get::<Option<i32>, _>("out_of_region_fee_dkk")?.map(|f| f.max(0) as u32),
        structure: structure_from_row(row)?,
        follow_up_days: count("p_follow_up_days")?,
        supervisions: count("p_supervisions")?,
        contact_email: row.try_get("p_contact_email")?,
        contact_phone: row.try_get("p_contact_phone")?,
    })
}

fn structure_from_row(row: &PgRow) -> sqlx::Result<Structure> {
    let key: String = row.try_get("p_structure")?;
    // The table's CHECKs guarantee these are set for their structure.
    let param =
        |name: &str| -> sqlx::Result<u32> { Ok(row.try_get::<Option<i32>, _>(name)?.unwrap_or(0).max(0) as u32) };
    Ok(match key.as_str() {
        "course_with_practicum" => Structure::CourseWithPracticum,
        "modular_course" => Structure::ModularCourse(ModularRules {
            intro_days_peer: param("p_intro_days_peer")?,
            intro_days_colleague: param("p_intro_days_colleague")?,
            module_hours: param("p_module_hours")?,
            min_attendance_percent: param("p_min_attendance_percent")?,
            complete_within_months: param("p_complete_within_months")?,
        }),
        "year_programme" => {
            Structure::YearProgramme(YearRules { months: param("p_months")?, site_visits: param("p_site_visits")? })
        }
        "recruitment" => Structure::Recruitment,
        other => return Err(sqlx::Error::Decode(format!("unknown structure {other:?}").into())),
    })
}

pub(crate) fn weekday_from_number(n: i32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// Every programme as (slug, name), for choosing one.
pub async fn names(pool: &sqlx::PgPool) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT slug, name || ' (' || organiser || ')' FROM programmes ORDER BY name, slug")
        .fetch_all(pool)
        .await
}
