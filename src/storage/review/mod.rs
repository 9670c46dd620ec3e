//! The staff side of applications: the filtered list, one application in
//! full, notes, status changes and their history.
mod changes;
mod detail;

pub use changes::{HistoryEntry, Note, StatusChange, add_note, history, notes, set_status};
pub use detail::{Detail, Health, Locked, detail, detail_in, health, lock};

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::domain::application::Status;

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
    pub status: Status,
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
        let escaped = q.as_deref().map(crate::storage::like_escape);
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

/// How many applications match, counting no further than `at_most` (a
/// separate count is far cheaper than a window over every matching row, and
/// the cap keeps a broad filter from reading every row on every view).
pub async fn count(pool: &PgPool, f: &Filter, at_most: i64) -> sqlx::Result<i64> {
    let t = Terms::of(f);
    sqlx::query_scalar(concat!("SELECT count(*) FROM (SELECT FROM applications a", list_filter!(), " LIMIT $7) c"))
        .persistent(false)
        .bind(t.intake_id)
        .bind(t.status)
        .bind(t.reference)
        .bind(t.email_prefix)
        .bind(t.name_part)
        .bind(f.to_verify)
        .bind(at_most)
        .fetch_one(pool)
        .await
}
