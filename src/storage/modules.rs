//! The modules of a modular course's cohort, sign-ups (at most a module's
//! capacity, held by the database) and attendance per module.
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::domain::{eligibility::facts::PeerRole, modular::Module};

/// A module as the coordinator adds it.
#[derive(Debug, Clone)]
pub struct NewModule<'a> {
    pub title: &'a str,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub mandatory_for: &'a [PeerRole],
    pub capacity: u32,
}

/// Adds a module to the cohort; returns its id.
pub async fn insert(conn: &mut PgConnection, cohort_id: i64, m: &NewModule<'_>) -> sqlx::Result<i64> {
    let roles: Vec<&str> = m.mandatory_for.iter().map(|r| r.key()).collect();
    sqlx::query_scalar(
        "INSERT INTO cohort_modules (cohort_id, title, date, starts, ends, mandatory_for, capacity)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cohort_id)
    .bind(m.title)
    .bind(m.date)
    .bind(m.starts)
    .bind(m.ends)
    .bind(roles)
    .bind(m.capacity as i32)
    .fetch_one(conn)
    .await
}

#[derive(sqlx::FromRow)]
struct ModuleRow {
    id: i64,
    title: String,
    date: NaiveDate,
    starts: NaiveTime,
    ends: NaiveTime,
    mandatory_for: Vec<String>,
    capacity: i32,
}

impl From<ModuleRow> for Module {
    fn from(r: ModuleRow) -> Self {
        Module {
            id: r.id,
            title: r.title,
            date: r.date,
            starts: r.starts,
            ends: r.ends,
            mandatory_for: r.mandatory_for.iter().filter_map(|k| PeerRole::from_key(k)).collect(),
            capacity: u32::try_from(r.capacity).unwrap_or(0),
        }
    }
}

/// The cohort's modules by date and time.
pub async fn of_cohort(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<Module>> {
    let rows: Vec<ModuleRow> = sqlx::query_as(
        "SELECT id, title, date, starts, ends, mandatory_for, capacity FROM cohort_modules
         WHERE cohort_id = $1 ORDER BY date, starts, id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Module::from).collect())
}

/// A participant of a modular cohort with their role (`None`: not given).
#[derive(Debug, sqlx::FromRow)]
pub struct ModuleParticipant {
    pub application_id: i64,
    pub reference: String,
    pub full_name: String,
    peer_role: Option<String>,
}

impl ModuleParticipant {
    pub fn role(&self) -> Option<PeerRole> {
        self.peer_role.as_deref().and_then(PeerRole::from_key)
    }
}

/// Accepted participants of the cohort with their role, by name.
pub async fn participants(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<ModuleParticipant>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference, a.full_name, a.peer_role FROM cohort_offers o
         JOIN applications a ON a.id = o.application_id
         WHERE o.cohort_id = $1 AND o.status = 'accepted' ORDER BY lower(a.full_name), a.id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// One (module, application) pair: a sign-up, or a presence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Mark {
    pub module_id: i64,
    pub application_id: i64,
}

/// Every sign-up to the cohort's modules.
pub async fn signups(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<Mark>> {
    sqlx::query_as(
        "SELECT s.module_id, s.application_id FROM module_signups s JOIN cohort_modules m ON m.id = s.module_id
         WHERE m.cohort_id = $1",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// Every recorded presence at the cohort's modules.
pub async fn presences(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<Mark>> {
    sqlx::query_as(
        "SELECT a.module_id, a.application_id FROM module_attendance a JOIN cohort_modules m ON m.id = a.module_id
         WHERE m.cohort_id = $1 AND a.present",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// The cohort where the application has an accepted place, with its role.
pub async fn place_of(pool: &PgPool, application_id: i64) -> sqlx::Result<Option<(i64, Option<String>)>> {
    sqlx::query_as(
        "SELECT o.cohort_id, a.peer_role FROM cohort_offers o JOIN applications a ON a.id = o.application_id
         WHERE o.application_id = $1 AND o.status = 'accepted'",
    )
    .bind(application_id)
    .fetch_optional(pool)
    .await
}

/// The application whose accepted place has this feed link.
pub async fn application_of_feed(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT application_id FROM cohort_offers WHERE feed_token_hash = $1 AND status = 'accepted'")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// What became of saving a participant's sign-ups.
#[derive(Debug, PartialEq, Eq)]
pub enum SignupSaved {
    Done,
    /// This module (newly chosen) has no free place; nothing was changed.
    Full(i64),
}

/// Makes the application's sign-ups among `open` (module ids whose sign-up
/// may still change) exactly those in `keep`, in one transaction. Newly
/// chosen modules are locked in id order and counted first, so two
/// instances cannot both take a module's last place (a trigger holds the
/// same rule).
pub async fn save_signups(
    pool: &PgPool,
    application_id: i64,
    open: &[i64],
    keep: &[i64],
    now: DateTime<Utc>,
) -> sqlx::Result<SignupSaved> {
    let mut tx = pool.begin().await?;
    let added: Vec<i64> = sqlx::query_scalar(
        "SELECT m.id FROM cohort_modules m WHERE m.id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM module_signups s WHERE s.module_id = m.id AND s.application_id = $2)
         ORDER BY m.id FOR UPDATE",
    )
    .bind(keep)
    .bind(application_id)
    .fetch_all(&mut *tx)
    .await?;
    let full: Option<i64> = sqlx::query_scalar(
        "SELECT m.id FROM cohort_modules m WHERE m.id = ANY($1)
         AND (SELECT count(*) FROM module_signups s WHERE s.module_id = m.id) >= m.capacity ORDER BY m.id LIMIT 1",
    )
    .bind(&added)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(module) = full {
        return Ok(SignupSaved::Full(module));
    }
    sqlx::query(
        "DELETE FROM module_signups WHERE application_id = $1 AND module_id = ANY($2) AND NOT module_id = ANY($3)",
    )
    .bind(application_id)
    .bind(open)
    .bind(keep)
    .execute(&mut *tx)
    .await?;
    let inserted = sqlx::query(
        "INSERT INTO module_signups (module_id, application_id, signed_up_at) SELECT unnest($1::bigint[]), $2, $3",
    )
    .bind(&added)
    .bind(application_id)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if super::violated_constraint(&e) == Some("module_signups_within_capacity") => {
            Ok(SignupSaved::Full(added.first().copied().unwrap_or_default()))
        }
        Err(e) => Err(e),
        Ok(_) => tx.commit().await.map(|_| SignupSaved::Done),
    }
}

/// Gives back the application's places on modules that have not started by
/// Danish wall-clock time `now` (a participant leaving); returns how many.
pub async fn release_upcoming(conn: &mut PgConnection, application_id: i64, now: NaiveDateTime) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "DELETE FROM module_signups s USING cohort_modules m
         WHERE s.module_id = m.id AND s.application_id = $1 AND m.date + m.starts > $2",
    )
    .bind(application_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Records one module's attendance: present or absent for each application given.
pub async fn record_attendance(
    pool: &PgPool,
    module_id: i64,
    marks: &[(i64, bool)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for (application, present) in marks {
        sqlx::query(
            "INSERT INTO module_attendance (module_id, application_id, present, recorded_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (module_id, application_id) DO UPDATE SET present = $3, recorded_at = $4",
        )
        .bind(module_id)
        .bind(application)
        .bind(present)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// A few modules for the demo cohort starting `start`: two mandatory for
/// peers, one for colleagues, one for everyone, and two optional; 4 hours
/// each (Region H's module length), a week apart after the intro.
pub async fn add_demo_modules(conn: &mut PgConnection, cohort_id: i64, start: NaiveDate) -> sqlx::Result<()> {
    use PeerRole::{Colleague, PaidPeer, VolunteerPeer};
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM cohort_modules WHERE cohort_id = $1")
        .bind(cohort_id)
        .fetch_one(&mut *conn)
        .await?;
    if count > 0 {
        return Ok(());
    }
    let (nine, one) = (NaiveTime::from_hms_opt(9, 0, 0), NaiveTime::from_hms_opt(13, 0, 0));
    let (Some(starts), Some(ends)) = (nine, one) else { return Ok(()) };
    let plan: [(&str, &[PeerRole]); 6] = [
        ("Peer-rollen i praksis", &[PaidPeer, VolunteerPeer]),
        ("Recovery og håb", &[PaidPeer, VolunteerPeer, Colleague]),
        ("Samarbejde med peers", &[Colleague]),
        ("Individuel peer-støtte", &[PaidPeer]),
        ("Gruppebaseret peer-støtte", &[]),
        ("Egen trivsel i rollen", &[]),
    ];
    for (n, (title, mandatory_for)) in plan.into_iter().enumerate() {
        let date = start.checked_add_days(Days::new(14 + 7 * n as u64)).unwrap_or(start);
        insert(conn, cohort_id, &NewModule { title, date, starts, ends, mandatory_for, capacity: 20 }).await?;
    }
    Ok(())
}
