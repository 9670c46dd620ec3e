//! Cohorts, their seats (offers) and the waiting list.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::{PgConnection, PgPool, Row, postgres::PgRow};

use super::programmes;
pub use crate::domain::cohort::Cohort;
use crate::domain::{
    link::{LinkKind, Retired},
    schedule::{Session, SessionChange},
};

/// Adds the cohort unless the intake has one of that name; returns its id.
pub async fn insert_if_missing(
    conn: &mut PgConnection,
    intake_id: i64,
    name: &str,
    start_date: NaiveDate,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO cohorts (intake_id, name, start_date, capacity)
         SELECT $1, $2, $3, p.capacity FROM intakes i JOIN programmes p ON p.id = i.programme_id WHERE i.id = $1
         ON CONFLICT (intake_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
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
    sqlx::query_scalar(
        "INSERT INTO cohorts (intake_id, name, start_date, capacity)
         SELECT $1, $2, $3, p.capacity FROM intakes i JOIN programmes p ON p.id = i.programme_id WHERE i.id = $1
         RETURNING id",
    )
    .bind(intake_id)
    .bind(name)
    .bind(start_date)
    .fetch_one(pool)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("cohorts_intake_id_name_key") => CreateCohortError::NameTaken,
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
        programme: programmes::from_row(row)?,
        changes: Vec::new(),
        added: Vec::new(),
        follow_up_days: row.try_get("follow_up_days")?,
        supervision_days: row.try_get("supervision_days")?,
    })
}

pub async fn get(pool: &PgPool, id: i64) -> sqlx::Result<Option<Cohort>> {
    let sql = concat!(
        "SELECT c.id, c.intake_id, i.name AS intake_name, c.name, c.start_date, c.capacity, c.school_holidays,
            c.follow_up_days, c.supervision_days, ",
        programmes::programme_columns!(),
        " FROM cohorts c JOIN intakes i ON i.id = c.intake_id JOIN programmes p ON p.id = i.programme_id WHERE c.id = $1"
    );
    let row = sqlx::query(sql).bind(id).fetch_optional(pool).await?;
    let Some(mut cohort) = row.as_ref().map(cohort_from_row).transpose()? else { return Ok(None) };
    type ChangeRow = (i32, Option<NaiveDate>, Option<NaiveTime>, Option<NaiveTime>, bool);
    let changes: Vec<ChangeRow> = sqlx::query_as(
        "SELECT session_number, new_date, new_starts, new_ends, cancelled FROM session_changes WHERE cohort_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    cohort.changes = changes
        .into_iter()
        .filter_map(|(n, date, starts, ends, cancelled)| {
            let number = u32::try_from(n).ok()?;
            Some(if cancelled {
                SessionChange::Cancelled { number }
            } else {
                SessionChange::Moved { number, date: date?, starts: starts?, ends: ends? }
            })
        })
        .collect();
    let added: Vec<(i32, NaiveDate, NaiveTime, NaiveTime)> = sqlx::query_as(
        "SELECT session_number, date, starts, ends FROM extra_sessions WHERE cohort_id = $1 ORDER BY session_number",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    cohort.added = added
        .into_iter()
        .filter_map(|(n, date, starts, ends)| Some(Session { number: u32::try_from(n).ok()?, date, starts, ends }))
        .collect();
    Ok(Some(cohort))
}

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

/// The cohorts of an intake as (id, name).
pub async fn of_intake(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, name FROM cohorts WHERE intake_id = $1 ORDER BY start_date, id")
        .bind(intake_id)
        .fetch_all(pool)
        .await
}

/// A seat holder: an accepted place or an offer still open.
#[derive(Debug, sqlx::FromRow)]
pub struct Seat {
    pub seat: i32,
    pub reference: String,
    pub full_name: String,
    pub status: String,
    pub answer_by: DateTime<Utc>,
}

pub async fn seats(pool: &PgPool, cohort_id: i64, now: DateTime<Utc>) -> sqlx::Result<Vec<Seat>> {
    sqlx::query_as(
        "SELECT o.seat, a.reference, a.full_name, o.status, o.answer_by FROM cohort_offers o
         JOIN applications a ON a.id = o.application_id
         WHERE o.cohort_id = $1 AND (o.status = 'accepted' OR (o.status = 'offered' AND o.answer_by > $2))
         ORDER BY o.seat",
    )
    .bind(cohort_id)
    .bind(now)
    .fetch_all(pool)
    .await
}

/// Locks the cohort, lapses its offers past their answer-by, and returns its
/// capacity and the seat numbers held. The caller offers within this lock.
pub async fn lock_seats(
    conn: &mut PgConnection,
    cohort_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<(i32, Vec<i32>)>> {
    let Some(capacity): Option<i32> = sqlx::query_scalar("SELECT capacity FROM cohorts WHERE id = $1 FOR UPDATE")
        .bind(cohort_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    lapse(conn, Some(cohort_id), now).await?;
    let held: Vec<i32> = sqlx::query_scalar(
        "SELECT seat FROM cohort_offers WHERE cohort_id = $1 AND status IN ('offered', 'accepted') ORDER BY seat",
    )
    .bind(cohort_id)
    .fetch_all(conn)
    .await?;
    Ok(Some((capacity, held)))
}

/// Offers past their answer-by are expired and their applications declined.
pub async fn lapse(conn: &mut PgConnection, cohort_id: Option<i64>, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let lapsed: Vec<i64> = sqlx::query_scalar(
        "UPDATE cohort_offers SET status = 'expired', answered_at = $2
         WHERE status = 'offered' AND answer_by <= $2 AND ($1::bigint IS NULL OR cohort_id = $1) RETURNING application_id",
    )
    .bind(cohort_id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for id in &lapsed {
        sqlx::query(
            "WITH changed AS (UPDATE applications SET status = 'declined', updated_at = $2 WHERE id = $1 AND status = 'offered' RETURNING id)
             INSERT INTO application_status_history (application_id, from_status, to_status, reason, at)
             SELECT id, 'offered', 'declined', 'no answer by the answer-by date', $2 FROM changed",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(lapsed.len() as u64)
}

pub struct NewOffer<'a> {
    pub cohort_id: i64,
    pub application_id: i64,
    pub seat: i32,
    pub token_hash: &'a [u8],
    pub now: DateTime<Utc>,
    pub answer_by: DateTime<Utc>,
}

pub async fn insert_offer(conn: &mut PgConnection, o: &NewOffer<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO cohort_offers (cohort_id, application_id, seat, status, token_hash, offered_at, answer_by)
         VALUES ($1, $2, $3, 'offered', $4, $5, $6) RETURNING id",
    )
    .bind(o.cohort_id)
    .bind(o.application_id)
    .bind(o.seat)
    .bind(o.token_hash)
    .bind(o.now)
    .bind(o.answer_by)
    .fetch_one(conn)
    .await
}

/// An offer as its link shows it.
#[derive(Debug, sqlx::FromRow)]
pub struct Offer {
    pub id: i64,
    pub cohort_id: i64,
    pub application_id: i64,
    pub status: String,
    pub answer_by: DateTime<Utc>,
    pub reference: String,
    pub full_name: String,
    pub email: String,
}

pub async fn offer_by_token(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<Offer>> {
    sqlx::query_as(
        "SELECT o.id, o.cohort_id, o.application_id, o.status, o.answer_by, a.reference, a.full_name, a.email
         FROM cohort_offers o JOIN applications a ON a.id = o.application_id WHERE o.token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(conn)
    .await
}

pub async fn answer(conn: &mut PgConnection, offer_id: i64, accepted: bool, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE cohort_offers SET status = $2, answered_at = $3 WHERE id = $1")
        .bind(offer_id)
        .bind(if accepted { "accepted" } else { "declined" })
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Puts the application last on its intake's waiting list (once); returns its position.
pub async fn add_to_waiting_list(
    conn: &mut PgConnection,
    intake_id: i64,
    application_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<i32> {
    sqlx::query(
        "INSERT INTO waiting_list (intake_id, application_id, position, added_at)
         SELECT $1, $2, COALESCE(max(position), 0) + 1, $3 FROM waiting_list WHERE intake_id = $1
         ON CONFLICT (application_id) DO NOTHING",
    )
    .bind(intake_id)
    .bind(application_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar(
        "SELECT count(*)::int FROM waiting_list w WHERE w.intake_id = $1
           AND w.position <= (SELECT position FROM waiting_list WHERE application_id = $2)",
    )
    .bind(intake_id)
    .bind(application_id)
    .fetch_one(conn)
    .await
}

pub async fn remove_from_waiting_list(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM waiting_list WHERE application_id = $1").bind(application_id).execute(conn).await?;
    Ok(())
}

/// The waiting list in order, as (reference, name).
pub async fn waiting_list(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT a.reference, a.full_name FROM waiting_list w JOIN applications a ON a.id = w.application_id
         WHERE w.intake_id = $1 AND a.status = 'waitlisted' ORDER BY w.position",
    )
    .bind(intake_id)
    .fetch_all(pool)
    .await
}

/// Swaps the application with its neighbour above (`up`) or below.
pub async fn move_on_waiting_list(pool: &PgPool, intake_id: i64, reference: &str, up: bool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let mine: Option<(i64, i32)> = sqlx::query_as(
        "SELECT w.application_id, w.position FROM waiting_list w JOIN applications a ON a.id = w.application_id
         WHERE w.intake_id = $1 AND a.reference = $2 FOR UPDATE",
    )
    .bind(intake_id)
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, position)) = mine else { return Ok(()) };
    let neighbour: Option<(i64, i32)> = sqlx::query_as(if up {
        "SELECT application_id, position FROM waiting_list WHERE intake_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1 FOR UPDATE"
    } else {
        "SELECT application_id, position FROM waiting_list WHERE intake_id = $1 AND position > $2 ORDER BY position LIMIT 1 FOR UPDATE"
    })
    .bind(intake_id)
    .bind(position)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((other, other_position)) = neighbour {
        for (app, pos) in [(id, other_position), (other, position)] {
            sqlx::query("UPDATE waiting_list SET position = $2 WHERE application_id = $1")
                .bind(app)
                .bind(pos)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await
}

pub struct CohortEdit<'a> {
    pub name: &'a str,
    pub start_date: NaiveDate,
    pub school_holidays: &'a [NaiveDate],
    pub follow_up_days: &'a [NaiveDate],
    pub supervision_days: &'a [NaiveDate],
}

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

/// Accepted participants of a cohort as (application id, reference, name).
pub async fn participants(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<(i64, String, String)>> {
    sqlx::query_as(
        "SELECT a.id, a.reference, a.full_name FROM cohort_offers o JOIN applications a ON a.id = o.application_id
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

/// Per participant: sessions present, and the sessions recorded for the cohort so far.
pub async fn attendance_summary(pool: &PgPool, cohort_id: i64) -> sqlx::Result<(i64, Vec<(i64, i64)>)> {
    let held: i64 = sqlx::query_scalar("SELECT count(DISTINCT session_number) FROM attendance WHERE cohort_id = $1")
        .bind(cohort_id)
        .fetch_one(pool)
        .await?;
    let per: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT application_id, count(*) FILTER (WHERE present) FROM attendance WHERE cohort_id = $1 GROUP BY application_id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    Ok((held, per))
}

pub async fn attendance_threshold(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar(
        "SELECT p.attendance_threshold_percent FROM cohorts c JOIN intakes i ON i.id = c.intake_id
         JOIN programmes p ON p.id = i.programme_id WHERE c.id = $1",
    )
    .bind(cohort_id)
    .fetch_one(pool)
    .await
}

pub async fn set_feed_token(conn: &mut PgConnection, offer_id: i64, hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("UPDATE cohort_offers SET feed_token_hash = $2 WHERE id = $1")
        .bind(offer_id)
        .bind(hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// The cohort of an accepted place, found by the participant's feed link.
pub async fn cohort_of_feed(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT cohort_id FROM cohort_offers WHERE feed_token_hash = $1 AND status = 'accepted'")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// Rejected applications of an intake whose letter has not gone out, as (id, reference, name, e-mail).
pub async fn unreleased_rejections(
    conn: &mut PgConnection,
    intake_id: i64,
) -> sqlx::Result<Vec<(i64, String, String, String)>> {
    sqlx::query_as(
        "SELECT id, reference, full_name, email FROM applications
         WHERE intake_id = $1 AND status = 'rejected' AND decision_released_at IS NULL ORDER BY id FOR UPDATE",
    )
    .bind(intake_id)
    .fetch_all(conn)
    .await
}

pub async fn mark_released(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE applications SET decision_released_at = $2 WHERE id = $1")
        .bind(application_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn count_unreleased(pool: &PgPool, intake_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM applications WHERE intake_id = $1 AND status = 'rejected' AND decision_released_at IS NULL")
        .bind(intake_id)
        .fetch_one(pool)
        .await
}

#[derive(Debug, Default, sqlx::FromRow)]
pub struct Placement {
    pub site_name: String,
    pub site_kind: String,
    pub address: String,
    pub contact: Option<String>,
    pub supervisor_name: String,
    pub supervisor_email: String,
    pub supervisor_phone: Option<String>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

pub async fn placement(pool: &PgPool, cohort_id: i64, application_id: i64) -> sqlx::Result<Option<Placement>> {
    sqlx::query_as(
        "SELECT site_name, site_kind, address, contact, supervisor_name, supervisor_email, supervisor_phone, confirmed_at
         FROM placements WHERE cohort_id = $1 AND application_id = $2",
    )
    .bind(cohort_id)
    .bind(application_id)
    .fetch_optional(pool)
    .await
}

/// Placement site names by participant, for the cohort page.
pub async fn placement_sites(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<(i64, String, bool)>> {
    sqlx::query_as("SELECT application_id, site_name, confirmed_at IS NOT NULL FROM placements WHERE cohort_id = $1")
        .bind(cohort_id)
        .fetch_all(pool)
        .await
}

pub async fn save_placement(
    conn: &mut PgConnection,
    cohort_id: i64,
    application_id: i64,
    p: &Placement,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO placements (cohort_id, application_id, site_name, site_kind, address, contact, supervisor_name,
             supervisor_email, supervisor_phone, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (cohort_id, application_id) DO UPDATE SET site_name = $3, site_kind = $4, address = $5, contact = $6,
             supervisor_name = $7, supervisor_email = $8, supervisor_phone = $9,
             confirmed_at = COALESCE($10, placements.confirmed_at)",
    )
    .bind(cohort_id)
    .bind(application_id)
    .bind(&p.site_name)
    .bind(&p.site_kind)
    .bind(&p.address)
    .bind(&p.contact)
    .bind(&p.supervisor_name)
    .bind(&p.supervisor_email)
    .bind(&p.supervisor_phone)
    .bind(p.confirmed_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Up to `limit` of the intake's waiting list in order, as (application id,
/// reference), when the intake offers freed places by itself. Their rows are
/// locked; rows another transaction is offering right now are skipped (a
/// cohort of the same intake passing its own seats on).
pub async fn waiting_for_auto_offer(
    conn: &mut PgConnection,
    cohort_id: i64,
    limit: i64,
) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT a.id, a.reference FROM cohorts c JOIN intakes i ON i.id = c.intake_id AND i.auto_offer
         JOIN waiting_list w ON w.intake_id = i.id JOIN applications a ON a.id = w.application_id AND a.status = 'waitlisted'
         WHERE c.id = $1 ORDER BY w.position LIMIT $2 FOR UPDATE OF a SKIP LOCKED",
    )
    .bind(cohort_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The cohort where the application holds a seat (offered or accepted), if any.
pub async fn cohort_of_live_place(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT cohort_id FROM cohort_offers WHERE application_id = $1 AND status IN ('offered', 'accepted')",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await
}

/// The applicant withdraws: an open offer is declined, an accepted place
/// becomes `withdrawn` and its calendar feed is retired. Returns the cohort
/// whose seat is free again. The caller holds the cohort's lock.
pub async fn give_up_place(
    conn: &mut PgConnection,
    application_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let place: Option<(i64, i64, String, Option<Vec<u8>>)> = sqlx::query_as(
        "SELECT id, cohort_id, status, feed_token_hash FROM cohort_offers
         WHERE application_id = $1 AND status IN ('offered', 'accepted') FOR UPDATE",
    )
    .bind(application_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, cohort_id, status, feed)) = place else { return Ok(None) };
    let to = if status == "accepted" { "withdrawn" } else { "declined" };
    sqlx::query("UPDATE cohort_offers SET status = $2, answered_at = $3, feed_token_hash = NULL WHERE id = $1")
        .bind(id)
        .bind(to)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    if let Some(feed) = feed {
        super::retired_tokens::retire(conn, &feed, LinkKind::Feed, Retired::Over, now).await?;
    }
    Ok(Some(cohort_id))
}
