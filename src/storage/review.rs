//! The staff side of applications: the filtered list, one application in
//! full, notes, status changes and their history.
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::application::Status,
    sealing::{Field, FieldKey},
};

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub intake_id: Option<i64>,
    pub status: Option<Status>,
    /// Matches a reference exactly, an e-mail address from its start, a name anywhere.
    pub q: Option<String>,
    /// Only live applications with a criterion still to verify.
    pub to_verify: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Name,
    Reference,
}

#[derive(Debug, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub intake_name: String,
    pub status: String,
    pub eligibility_summary: String,
    pub submitted_at: DateTime<Utc>,
}

/// The filter of the list on `applications a`, with $1-$5 bound by `bind_filter`.
macro_rules! list_filter {
    () => {
        " WHERE ($1::bigint IS NULL OR a.intake_id = $1)
            AND ($2::text IS NULL OR a.status = $2)
            AND ($3::text IS NULL OR a.reference = $3)
            AND ($4::text IS NULL OR a.email_normalised LIKE $4)
            AND ($5::text IS NULL OR lower(a.full_name) LIKE $5)
            AND (NOT $6 OR (a.status NOT IN ('rejected', 'withdrawn', 'declined')
                 AND coalesce(a.open_verifications, CASE WHEN a.eligibility_summary = 'to_verify' THEN 1 ELSE 0 END) > 0))"
    };
}

macro_rules! list_sql {
    ($order:literal) => {
        concat!(
            "SELECT a.id, a.reference, a.full_name, a.email, a.phone, i.name AS intake_name, a.status,
                    a.eligibility_summary, a.submitted_at
             FROM applications a JOIN intakes i ON i.id = a.intake_id",
            list_filter!(),
            " ORDER BY ",
            $order,
            " LIMIT $7 OFFSET $8"
        )
    };
}

/// The filter's binds: intake, status, exact reference, e-mail prefix, name part.
struct Terms {
    intake_id: Option<i64>,
    status: Option<&'static str>,
    reference: Option<String>,
    email_prefix: Option<String>,
    name_part: Option<String>,
}

impl Terms {
    /// What the search text looks like decides where to look: `2027-0042`
    /// is a reference, text with `@` the start of an address, anything else
    /// part of a name. One condition each, so each can use its index.
    fn of(f: &Filter) -> Self {
        let q = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_lowercase);
        let escaped = q.as_deref().map(super::like_escape);
        let is_reference = q.as_ref().is_some_and(|q| q.parse::<crate::domain::application::Reference>().is_ok());
        let is_email = q.as_ref().is_some_and(|q| q.contains('@'));
        Self {
            intake_id: f.intake_id,
            status: f.status.map(|s| s.key()),
            reference: q.clone().filter(|_| is_reference),
            email_prefix: escaped.as_ref().filter(|_| is_email).map(|q| format!("{q}%")),
            name_part: escaped.filter(|_| !is_reference && !is_email).map(|q| format!("%{q}%")),
        }
    }
}

/// One page of the list.
pub async fn list(pool: &PgPool, f: &Filter, sort: Sort, limit: i64, offset: i64) -> sqlx::Result<Vec<ListRow>> {
    let sql = match sort {
        Sort::Newest => list_sql!("a.submitted_at DESC, a.id DESC"),
        Sort::Oldest => list_sql!("a.submitted_at, a.id"),
        Sort::Name => list_sql!("lower(a.full_name), a.id"),
        Sort::Reference => list_sql!("a.reference"),
    };
    let t = Terms::of(f);
    // Not prepared once for all: a generic plan cannot drop the conditions
    // that are off, and so would scan every row instead of using an index.
    sqlx::query_as(sql)
        .persistent(false)
        .bind(t.intake_id)
        .bind(t.status)
        .bind(t.reference)
        .bind(t.email_prefix)
        .bind(t.name_part)
        .bind(f.to_verify)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await
}

/// How many applications match (a separate count is far cheaper than a
/// window over every matching row).
pub async fn count(pool: &PgPool, f: &Filter) -> sqlx::Result<i64> {
    let t = Terms::of(f);
    sqlx::query_scalar(concat!("SELECT count(*) FROM applications a", list_filter!()))
        .persistent(false)
        .bind(t.intake_id)
        .bind(t.status)
        .bind(t.reference)
        .bind(t.email_prefix)
        .bind(t.name_part)
        .bind(f.to_verify)
        .fetch_one(pool)
        .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct Detail {
    pub id: i64,
    pub reference: String,
    pub intake_id: i64,
    pub intake_name: String,
    pub start_date: NaiveDate,
    pub status: String,
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub birth_date: NaiveDate,
    pub municipality_code: i16,
    pub eligibility_summary: String,
    /// When the applicant withdrew and the health answers were erased.
    pub health_erased_at: Option<DateTime<Utc>>,
    pub consent_version: String,
    /// Agreed to be considered for a later intake (and kept longer for it).
    pub kept_for_later: bool,
    pub consented_at: DateTime<Utc>,
    pub submitted_at: DateTime<Utc>,
}

const DETAIL: &str =
    "SELECT a.id, a.reference, a.intake_id, i.name AS intake_name, i.start_date, a.status, a.full_name,
        a.email, a.phone, a.birth_date, a.municipality_code, a.eligibility_summary, a.health_erased_at,
        a.consent_version, a.keep_text_id IS NOT NULL AS kept_for_later, a.consented_at, a.submitted_at
     FROM applications a JOIN intakes i ON i.id = a.intake_id WHERE a.reference = $1";

pub async fn detail(pool: &PgPool, reference: &str) -> sqlx::Result<Option<Detail>> {
    sqlx::query_as(DETAIL).bind(reference).fetch_optional(pool).await
}

/// The same, inside a transaction.
pub async fn detail_in(conn: &mut PgConnection, reference: &str) -> sqlx::Result<Option<Detail>> {
    sqlx::query_as(DETAIL).bind(reference).fetch_optional(conn).await
}

/// The special-category part of an application, opened for a page that shows it.
#[derive(Debug)]
pub struct Health {
    pub facts: Value,
    pub answers: Value,
    pub eligibility: Value,
}

/// `None` once the health answers were erased (withdrawal).
pub async fn health(pool: &PgPool, key: &FieldKey, id: i64) -> sqlx::Result<Option<Health>> {
    type Sealed = Option<Vec<u8>>;
    let row: Option<(Sealed, Sealed, Sealed)> =
        sqlx::query_as("SELECT facts_sealed, answers_sealed, eligibility_sealed FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    let Some((Some(facts), Some(answers), Some(eligibility))) = row else { return Ok(None) };
    let open = |field, sealed: &[u8]| key.open_json::<Value>(field, id, sealed).map_err(super::sealed::unreadable);
    Ok(Some(Health {
        facts: open(Field::ApplicationFacts, &facts)?,
        answers: open(Field::ApplicationAnswers, &answers)?,
        eligibility: open(Field::ApplicationEligibility, &eligibility)?,
    }))
}

/// An application's id and status, read under `FOR UPDATE`.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Locked {
    pub id: i64,
    pub status: Status,
}

/// The id and status of an application, locked for a change.
pub async fn lock(conn: &mut PgConnection, reference: &str) -> sqlx::Result<Option<Locked>> {
    sqlx::query_as("SELECT id, status FROM applications WHERE reference = $1 FOR UPDATE")
        .bind(reference)
        .fetch_optional(conn)
        .await
}

/// A change of an application's status: by whom (`None`: the applicant or
/// the system), when, and the staff's reason if given.
pub struct StatusChange<'a> {
    pub from: Status,
    pub to: Status,
    pub reason: Option<&'a str>,
    pub actor: Option<i64>,
    pub now: DateTime<Utc>,
}

/// Moves the application to `to`, with the history row; the staff's reason,
/// free text that may hold health data, is sealed like a note.
pub async fn set_status(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    change: StatusChange<'_>,
) -> sqlx::Result<()> {
    let StatusChange { from, to, reason, actor, now } = change;
    sqlx::query("UPDATE applications SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(to.key())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let row: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('application_status_history', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO application_status_history (id, application_id, from_status, to_status, reason_sealed, actor_id, at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(row)
    .bind(id)
    .bind(from.key())
    .bind(to.key())
    .bind(key.seal_text(Field::StatusReason, row, reason))
    .bind(actor)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug)]
pub struct Note {
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: i64,
    author: String,
    body: Option<String>,
    body_sealed: Option<Vec<u8>>,
    created_at: DateTime<Utc>,
}

pub async fn notes(pool: &PgPool, key: &FieldKey, application_id: i64) -> sqlx::Result<Vec<Note>> {
    let rows: Vec<NoteRow> = sqlx::query_as(
        "SELECT n.id, u.name AS author, n.body, n.body_sealed, n.created_at
         FROM application_notes n JOIN staff_users u ON u.id = n.author_id
         WHERE n.application_id = $1 ORDER BY n.created_at, n.id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let body = match r.body_sealed {
                Some(s) => key.open_text(Field::NoteBody, r.id, Some(&s)).map_err(super::sealed::unreadable)?,
                None => r.body,
            };
            Ok(Note { author: r.author, body: body.unwrap_or_default(), created_at: r.created_at })
        })
        .collect()
}

pub async fn add_note(
    conn: &mut PgConnection,
    key: &FieldKey,
    application_id: i64,
    author: i64,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('application_notes', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO application_notes (id, application_id, author_id, body_sealed, created_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(application_id)
    .bind(author)
    .bind(key.seal(Field::NoteBody, id, body.as_bytes()))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug)]
pub struct HistoryEntry {
    pub from_status: String,
    pub to_status: String,
    pub reason: Option<String>,
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    from_status: String,
    to_status: String,
    reason: Option<String>,
    reason_sealed: Option<Vec<u8>>,
    actor: Option<String>,
    at: DateTime<Utc>,
}

pub async fn history(pool: &PgPool, key: &FieldKey, application_id: i64) -> sqlx::Result<Vec<HistoryEntry>> {
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT h.id, h.from_status, h.to_status, h.reason, h.reason_sealed, u.name AS actor, h.at
         FROM application_status_history h
         LEFT JOIN staff_users u ON u.id = h.actor_id WHERE h.application_id = $1 ORDER BY h.at, h.id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let reason = match r.reason_sealed {
                Some(s) => key.open_text(Field::StatusReason, r.id, Some(&s)).map_err(super::sealed::unreadable)?,
                None => r.reason,
            };
            Ok(HistoryEntry { from_status: r.from_status, to_status: r.to_status, reason, actor: r.actor, at: r.at })
        })
        .collect()
}
