use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::{PgConnection, PgPool};

use crate::domain::{
    application::{Reference, ReflectiveAnswers, Submission},
    eligibility::{Assessment, Verify, facts::PeerRole},
};
use crate::sealing::{Field, FieldKey};

pub struct NewApplication<'a> {
    pub intake_id: i64,
    pub submission: &'a Submission,
    pub assessment: &'a Assessment,
    pub consent_version: &'a str,
    pub consent_text_id: i64,
    /// The optional consent to be kept for a later intake, when given.
    pub keep_text_id: Option<i64>,
    pub submission_key_hash: &'a [u8],
    /// `tokens::digest` of the fields under the submission key.
    pub submission_digest: &'a [u8],
    /// Taken beforehand with [`take_reference_number`].
    pub reference: Reference,
    pub now: DateTime<Utc>,
}

/// A new application's row id and reference.
#[derive(Debug)]
pub struct Inserted {
    pub id: i64,
    pub reference: Reference,
}

/// Takes the next reference number of `year` in its own short transaction
/// (autocommit on the pool), so the counter's row lock is not held through a
/// submit's transaction and its commit: every submit of the year would wait
/// for that one row. A submit that then fails or stores nothing leaves a gap.
///
/// The counter commits without waiting for its WAL flush
/// (`synchronous_commit = off` for this transaction only): otherwise each
/// number holds the row lock through a disk flush and numbers are handed out
/// one flush at a time (pgbench, 8 clients, fsync on: 2,900 numbers a second
/// against 12,000). Safe because the submit that uses the number commits
/// later with a flush, which writes the WAL up to and past this commit: a
/// stored application's number is never handed out again after a crash; a
/// number lost in a crash belonged to no stored application.
pub async fn take_reference_number(pool: &PgPool, year: i32) -> sqlx::Result<i32> {
    sqlx::query_scalar(
        "INSERT INTO reference_counters (year, last)
         SELECT $1, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS this_transaction_only
         ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
    )
    .bind(year)
    .fetch_one(pool)
    .await
}

/// Stores a new application as row `id` (taken beforehand, as the sealed
/// fields are bound to it: `submissions::before_storing`) under the
/// reference taken with [`take_reference_number`]; returns both.
pub async fn insert(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    new: &NewApplication<'_>,
) -> sqlx::Result<Inserted> {
    let a = &new.submission.applicant;
    let sealed = Sealed::new(key, id, new);
    let reference = new.reference;
    sqlx::query(
        "INSERT INTO applications (id, intake_id, reference, full_name, email, email_normalised, phone, birth_date,
             municipality_code, facts_sealed, answers_sealed, eligibility_sealed, eligibility_summary,
             consent_version, consented_at, submission_key_hash, submitted_at, updated_at,
             consent_text_id, keep_text_id, keep_consented_at, submission_digest, open_verifications, peer_role)
         OVERRIDING SYSTEM VALUE
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $15, $15, $17, $18,
                CASE WHEN $18::bigint IS NULL THEN NULL ELSE $15 END, $19, $20, $21)",
    )
    .bind(id)
    .bind(new.intake_id)
    .bind(reference.to_string())
    .bind(a.full_name.as_str())
    .bind(a.email.as_str())
    .bind(a.email.normalised())
    .bind(a.phone.as_ref().map(|p| p.as_str()))
    .bind(a.birth_date)
    .bind(a.municipality.code as i16)
    .bind(sealed.facts)
    .bind(sealed.answers)
    .bind(sealed.eligibility)
    .bind(new.assessment.summary.key())
    .bind(new.consent_version)
    .bind(new.now)
    .bind(new.submission_key_hash)
    .bind(new.consent_text_id)
    .bind(new.keep_text_id)
    .bind(new.submission_digest)
    .bind(open_verifications(new.assessment))
    .bind(new.submission.facts.peer_role.map(PeerRole::key))
    .execute(&mut *conn)
    .await?;
    Ok(Inserted { id, reference })
}

/// The special-category fields of one application, sealed for its row.
struct Sealed {
    facts: Vec<u8>,
    answers: Vec<u8>,
    eligibility: Vec<u8>,
}

impl Sealed {
    fn new(key: &FieldKey, id: i64, new: &NewApplication<'_>) -> Self {
        Self {
            facts: key.seal_json(Field::ApplicationFacts, id, &new.submission.facts.to_json()),
            answers: key.seal_json(Field::ApplicationAnswers, id, &answers_json(&new.submission.answers)),
            eligibility: key.seal_json(Field::ApplicationEligibility, id, &assessment_json(new.assessment)),
        }
    }
}

/// Replaces what the applicant answered, keeping reference and status; only
/// while the application is still `submitted`. Returns whether it changed.
pub async fn replace_answers(
    conn: &mut PgConnection,
    key: &FieldKey,
    id: i64,
    new: &NewApplication<'_>,
) -> sqlx::Result<bool> {
    let a = &new.submission.applicant;
    let sealed = Sealed::new(key, id, new);
    let done = sqlx::query(
        "UPDATE applications SET full_name = $2, phone = $3, birth_date = $4, municipality_code = $5,
             facts_sealed = $6, answers_sealed = $7, eligibility_sealed = $8, eligibility_summary = $9,
             consent_version = $10, consented_at = $11, submission_key_hash = $12, updated_at = $11,
             consent_text_id = $13, keep_text_id = $14,
             keep_consented_at = CASE WHEN $14::bigint IS NULL THEN NULL ELSE $11 END, submission_digest = $15,
             open_verifications = $16, peer_role = $17
         WHERE id = $1 AND status = 'submitted'",
    )
    .bind(id)
    .bind(a.full_name.as_str())
    .bind(a.phone.as_ref().map(|p| p.as_str()))
    .bind(a.birth_date)
    .bind(a.municipality.code as i16)
    .bind(sealed.facts)
    .bind(sealed.answers)
    .bind(sealed.eligibility)
    .bind(new.assessment.summary.key())
    .bind(new.consent_version)
    .bind(new.now)
    .bind(new.submission_key_hash)
    .bind(new.consent_text_id)
    .bind(new.keep_text_id)
    .bind(new.submission_digest)
    .bind(open_verifications(new.assessment))
    .bind(new.submission.facts.peer_role.map(PeerRole::key))
    .execute(&mut *conn)
    .await?;
    let changed = done.rows_affected() == 1;
    if changed {
        super::verifications::forget(conn, id).await?;
    }
    Ok(changed)
}

/// The reference and intake a receipt page shows.
#[derive(Debug, sqlx::FromRow)]
pub struct ReceiptOf {
    pub reference: String,
    pub intake_id: i64,
}

/// The reference and intake a receipt page shows: of the application sent
/// with this submission key, or of a held submission (`drafts::Held`); the
/// keys are unique in each table and a key is in at most one of them.
pub async fn receipt_or_held(pool: &PgPool, key_hash: &[u8]) -> sqlx::Result<Option<ReceiptOf>> {
    sqlx::query_as(
        "SELECT reference, intake_id FROM applications WHERE submission_key_hash = $1
         UNION ALL
         SELECT held_reference, intake_id FROM drafts WHERE held_submission_key_hash = $1
         LIMIT 1",
    )
    .bind(key_hash)
    .fetch_optional(pool)
    .await
}

fn answers_json(a: &ReflectiveAnswers) -> Value {
    serde_json::to_value(a).unwrap_or(Value::Null)
}

/// How many criteria the coordinator must still verify (the overview counts them).
fn open_verifications(a: &Assessment) -> i16 {
    i16::try_from(a.to_verify().count()).unwrap_or(i16::MAX)
}

fn assessment_json(a: &Assessment) -> Value {
    let results: Vec<Value> = a
        .results
        .iter()
        .map(|r| {
            let verify = match r.outcome {
                crate::domain::eligibility::Outcome::ToVerify(v) => Some(verify_json(v)),
                _ => None,
            };
            json!({ "criterion": r.criterion.key(), "outcome": r.outcome.key(), "verify": verify })
        })
        .collect();
    json!({ "summary": a.summary.key(), "results": results })
}

fn verify_json(v: Verify) -> Value {
    match v {
        Verify::MunicipalityMustApprove { municipality, fee_dkk } => {
            json!({ "kind": v.key(), "municipality": municipality, "fee_dkk": fee_dkk })
        }
        _ => json!({ "kind": v.key() }),
    }
}
