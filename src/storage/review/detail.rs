//! One application in full for staff, its sealed health part, and the lock a change takes.
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::application::Status,
    sealing::{Field, FieldKey},
};

#[derive(Debug, sqlx::FromRow)]
pub struct Detail {
    pub id: i64,
    pub reference: String,
    pub intake_id: i64,
    pub intake_name: String,
    pub start_date: NaiveDate,
    pub status: Status,
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

#[derive(sqlx::FromRow)]
struct SealedHealth {
    facts_sealed: Option<Vec<u8>>,
    answers_sealed: Option<Vec<u8>>,
    eligibility_sealed: Option<Vec<u8>>,
}

/// `None` once the health answers were erased (withdrawal).
pub async fn health(pool: &PgPool, key: &FieldKey, id: i64) -> sqlx::Result<Option<Health>> {
    let row: Option<SealedHealth> =
        sqlx::query_as("SELECT facts_sealed, answers_sealed, eligibility_sealed FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    let Some(SealedHealth {
        facts_sealed: Some(facts),
        answers_sealed: Some(answers),
        eligibility_sealed: Some(eligibility),
    }) = row
    else {
        return Ok(None);
    };
    let open =
        |field, sealed: &[u8]| key.open_json::<Value>(field, id, sealed).map_err(crate::storage::sealed::unreadable);
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
