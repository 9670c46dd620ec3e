//! Sealing rows written before field encryption, re-sealing everything
//! under a new key, and opening sealed columns for the applicant's export.
use serde_json::Value;
use sqlx::PgPool;

use super::unreadable;
use crate::sealing::{Field, FieldKey};

/// How many rows a pass sealed or re-sealed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Resealed {
    pub applications: u64,
    pub drafts: u64,
    pub staff_totp: u64,
    /// Staff notes, interview accommodations and notes, outbox bodies, verification records.
    pub free_text: u64,
}

/// A sealed column of free text (or, for the outbox, JSON) and the plain
/// column it replaced, whose rows from before sealing are sealed at start.
pub(super) struct SealedColumn {
    pub(super) table: &'static str,
    plain: Option<&'static str>,
    pub(super) sealed: &'static str,
    field: Field,
}

pub(super) const SEALED_COLUMNS: [SealedColumn; 9] = [
    SealedColumn {
        table: "application_status_history",
        plain: Some("reason"),
        sealed: "reason_sealed",
        field: Field::StatusReason,
    },
    SealedColumn {
        table: "info_meeting_signups",
        plain: Some("note"),
        sealed: "note_sealed",
        field: Field::SignupNote,
    },
    SealedColumn { table: "application_notes", plain: Some("body"), sealed: "body_sealed", field: Field::NoteBody },
    SealedColumn {
        table: "interview_bookings",
        plain: Some("accommodations"),
        sealed: "accommodations_sealed",
        field: Field::BookingAccommodations,
    },
    SealedColumn {
        table: "interview_assessments",
        plain: Some("notes"),
        sealed: "notes_sealed",
        field: Field::AssessmentNotes,
    },
    // Bodies queued before sealing are sent from their plain columns and then
    // dropped; only sealed ones move to a new key.
    SealedColumn { table: "mail_outbox", plain: None, sealed: "body_sealed", field: Field::OutboxBody },
    SealedColumn {
        table: "eligibility_verifications",
        plain: None,
        sealed: "record_sealed",
        field: Field::VerificationRecord,
    },
    SealedColumn { table: "enrolments", plain: None, sealed: "note_sealed", field: Field::EnrolmentNote },
    SealedColumn { table: "site_visits", plain: None, sealed: "note_sealed", field: Field::VisitNote },
];

async fn reseal_column(pool: &PgPool, from: Option<&FieldKey>, to: &FieldKey, c: &SealedColumn) -> sqlx::Result<u64> {
    let (table, sealed) = (c.table, c.sealed);
    let plain = c.plain.unwrap_or("NULL::text");
    let mut tx = pool.begin().await?;
    // Names come from the constant above, never from a request.
    let rows: Vec<(i64, Option<String>, Option<Vec<u8>>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, {plain}, {sealed} FROM {table}
         WHERE {plain} IS NOT NULL OR ($3 AND substring({sealed} FROM 1 FOR 2) <> $1)
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED"
    )))
    .bind(to.version().to_be_bytes().to_vec())
    .bind(BATCH)
    .bind(from.is_some())
    .fetch_all(&mut *tx)
    .await?;
    let clear_plain = c.plain.map(|p| format!(", {p} = NULL")).unwrap_or_default();
    for (id, plain_value, sealed_value) in &rows {
        let bytes = match (plain_value, sealed_value) {
            (Some(text), _) => text.as_bytes().to_vec(),
            (None, Some(sealed)) => open_with(from, to, c.field, *id, sealed)?,
            (None, None) => continue,
        };
        sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE {table} SET {sealed} = $2{clear_plain} WHERE id = $1")))
            .bind(id)
            .bind(to.seal(c.field, *id, &bytes))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}

/// Shorter values are TOTP secrets stored before sealing (20 bytes): a sealed
/// one is at least header, tag and one byte long.
pub(super) const SEALED_MIN_LEN: i32 = 2 + 24 + 16 + 1;

const BATCH: i64 = 200;

/// Seals, under `to`, the plaintext rows from before field encryption and,
/// given `from`, every row sealed with another version (which `from` opens).
/// Works in small transactions; rows another pass holds are skipped and taken
/// by the next round.
pub async fn reseal_all(pool: &PgPool, from: Option<&FieldKey>, to: &FieldKey) -> sqlx::Result<Resealed> {
    let mut done = Resealed::default();
    loop {
        let apps = reseal_applications(pool, from, to).await?;
        let drafts = reseal_drafts(pool, from, to).await?;
        let totp = reseal_staff_totp(pool, from, to).await?;
        let mut free_text = 0;
        for column in &SEALED_COLUMNS {
            free_text += reseal_column(pool, from, to, column).await?;
        }
        done.applications += apps;
        done.drafts += drafts;
        done.staff_totp += totp;
        done.free_text += free_text;
        if apps == 0 && drafts == 0 && totp == 0 && free_text == 0 {
            clear_pending_totp(pool, from.is_some(), to).await?;
            return Ok(done);
        }
    }
}

#[derive(sqlx::FromRow)]
struct ApplicationRow {
    id: i64,
    facts: Option<Value>,
    answers: Option<Value>,
    eligibility: Option<Value>,
    facts_sealed: Option<Vec<u8>>,
    answers_sealed: Option<Vec<u8>>,
    eligibility_sealed: Option<Vec<u8>>,
}

const NOT_UNDER: &str = "(facts IS NOT NULL OR answers IS NOT NULL OR eligibility IS NOT NULL
     OR ($3 AND (substring(facts_sealed FROM 1 FOR 2) <> $1 OR substring(answers_sealed FROM 1 FOR 2) <> $1
                 OR substring(eligibility_sealed FROM 1 FOR 2) <> $1)))";

async fn reseal_applications(pool: &PgPool, from: Option<&FieldKey>, to: &FieldKey) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let rows: Vec<ApplicationRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, facts, answers, eligibility, facts_sealed, answers_sealed, eligibility_sealed
         FROM applications WHERE {NOT_UNDER} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED"
    )))
    .bind(to.version().to_be_bytes().to_vec())
    .bind(BATCH)
    .bind(from.is_some())
    .fetch_all(&mut *tx)
    .await?;
    for r in &rows {
        let move_field = |field, plain: &Option<Value>, sealed: &Option<Vec<u8>>| -> sqlx::Result<Option<Vec<u8>>> {
            let bytes = match (plain, sealed) {
                (Some(value), _) => serde_json::to_vec(value).expect("JSON from the database serialises"),
                (None, Some(sealed)) => open_with(from, to, field, r.id, sealed)?,
                (None, None) => return Ok(None),
            };
            Ok(Some(to.seal(field, r.id, &bytes)))
        };
        let facts = move_field(Field::ApplicationFacts, &r.facts, &r.facts_sealed)?;
        let answers = move_field(Field::ApplicationAnswers, &r.answers, &r.answers_sealed)?;
        let eligibility = move_field(Field::ApplicationEligibility, &r.eligibility, &r.eligibility_sealed)?;
        sqlx::query(
            "UPDATE applications SET facts = NULL, answers = NULL, eligibility = NULL,
                 facts_sealed = $2, answers_sealed = $3, eligibility_sealed = $4 WHERE id = $1",
        )
        .bind(r.id)
        .bind(facts)
        .bind(answers)
        .bind(eligibility)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}

async fn reseal_drafts(pool: &PgPool, from: Option<&FieldKey>, to: &FieldKey) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let rows: Vec<(i64, Option<Value>, Option<Vec<u8>>)> = sqlx::query_as(
        "SELECT id, fields, fields_sealed FROM drafts
         WHERE fields IS NOT NULL OR ($3 AND substring(fields_sealed FROM 1 FOR 2) <> $1)
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED",
    )
    .bind(to.version().to_be_bytes().to_vec())
    .bind(BATCH)
    .bind(from.is_some())
    .fetch_all(&mut *tx)
    .await?;
    for (id, plain, sealed) in &rows {
        let bytes = match (plain, sealed) {
            (Some(value), _) => serde_json::to_vec(value).expect("JSON from the database serialises"),
            (None, Some(sealed)) => open_with(from, to, Field::DraftFields, *id, sealed)?,
            (None, None) => continue,
        };
        sqlx::query("UPDATE drafts SET fields = NULL, fields_sealed = $2 WHERE id = $1")
            .bind(id)
            .bind(to.seal(Field::DraftFields, *id, &bytes))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}

async fn reseal_staff_totp(pool: &PgPool, from: Option<&FieldKey>, to: &FieldKey) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let rows: Vec<(i64, Vec<u8>)> = sqlx::query_as(
        "SELECT id, totp_secret FROM staff_users
         WHERE length(totp_secret) < $3 OR ($4 AND substring(totp_secret FROM 1 FOR 2) <> $1)
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED",
    )
    .bind(to.version().to_be_bytes().to_vec())
    .bind(BATCH)
    .bind(SEALED_MIN_LEN)
    .bind(from.is_some())
    .fetch_all(&mut *tx)
    .await?;
    for (id, stored) in &rows {
        let secret = if stored.len() < SEALED_MIN_LEN as usize {
            stored.clone()
        } else {
            open_with(from, to, Field::StaffTotp, *id, stored)?
        };
        sqlx::query("UPDATE staff_users SET totp_secret = $2 WHERE id = $1")
            .bind(id)
            .bind(to.seal(Field::StaffTotp, *id, &secret))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}

/// Enrolments under way start over with a fresh secret: their secret was shown
/// minutes ago and is not worth carrying across a key change.
async fn clear_pending_totp(pool: &PgPool, rotating: bool, to: &FieldKey) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE staff_sessions SET pending_totp_secret = NULL, pending_recovery_hashes = NULL
         WHERE length(pending_totp_secret) < $2 OR ($3 AND substring(pending_totp_secret FROM 1 FOR 2) <> $1)",
    )
    .bind(to.version().to_be_bytes().to_vec())
    .bind(SEALED_MIN_LEN)
    .bind(rotating)
    .execute(pool)
    .await?;
    Ok(())
}

fn open_with(from: Option<&FieldKey>, to: &FieldKey, field: Field, id: i64, sealed: &[u8]) -> sqlx::Result<Vec<u8>> {
    let key = from.unwrap_or(to);
    key.open(field, id, sealed).map_err(unreadable)
}

/// Replaces, in rows of `table` as `to_jsonb` gives them, each sealed column
/// with its opened text under the plain column's name (the applicant's
/// export shows what is stored, readable).
pub fn open_exported(key: &FieldKey, table: &str, rows: &mut Value) -> sqlx::Result<()> {
    let Some(rows) = rows.as_array_mut() else { return Ok(()) };
    for c in SEALED_COLUMNS.iter().filter(|c| c.table == table) {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            let sealed = row.remove(c.sealed);
            let Some(hex_text) = sealed.as_ref().and_then(Value::as_str).and_then(|s| s.strip_prefix("\\x")) else {
                continue;
            };
            let bytes = hex::decode(hex_text).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            let id = row.get("id").and_then(Value::as_i64).unwrap_or_default();
            let text = key.open_text(c.field, id, Some(&bytes)).map_err(unreadable)?;
            row.insert(c.plain.unwrap_or(c.sealed).to_string(), text.map(Value::String).unwrap_or(Value::Null));
        }
    }
    Ok(())
}
