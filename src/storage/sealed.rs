//! The key registry and the bulk work on sealed columns: sealing rows written
//! before field encryption, and re-sealing everything under a new key.
use serde_json::Value;
use sqlx::{PgConnection, PgPool};

use crate::sealing::{Field, FieldKey, OpenError};

/// A sealed value that will not open is a server fault (wrong key, tampering),
/// reported as a decode error so it surfaces as a 500 with its cause logged.
pub fn unreadable(err: OpenError) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(err))
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(
        "this server's secret key (OPTAG_SECRET_KEY or var/secret.key) is not the one the database's health data \
         is sealed with (key version {0}). Start with that key, or move the data to a new key with \
         `optag rotate-key`, run with the old key in OPTAG_SECRET_KEY and the new key on standard input."
    )]
    Unknown(i16),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The version under which `fingerprint` is registered. An unknown secret is
/// registered as the next version, unless sealed data exists that only another
/// version can open.
pub async fn version_for(pool: &PgPool, fingerprint: &[u8]) -> Result<i16, KeyError> {
    let mut tx = pool.begin().await?;
    // One registration at a time, so two servers starting together agree.
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    if let Some(version) = sqlx::query_scalar("SELECT version FROM field_keys WHERE fingerprint = $1")
        .bind(fingerprint)
        .fetch_optional(&mut *tx)
        .await?
    {
        return Ok(version);
    }
    if let Some(version) = sealed_version_in_use(&mut tx).await? {
        return Err(KeyError::Unknown(version));
    }
    let version: i16 = sqlx::query_scalar(
        "INSERT INTO field_keys (version, fingerprint) SELECT coalesce(max(version), 0) + 1, $1 FROM field_keys
         RETURNING version",
    )
    .bind(fingerprint)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// The version `fingerprint` is registered under, if any.
pub async fn registered_version(pool: &PgPool, fingerprint: &[u8]) -> sqlx::Result<Option<i16>> {
    sqlx::query_scalar("SELECT version FROM field_keys WHERE fingerprint = $1")
        .bind(fingerprint)
        .fetch_optional(pool)
        .await
}

/// Registers the fingerprint of a new secret for `rotate-key` (again: the same version).
pub async fn register_next(pool: &PgPool, fingerprint: &[u8]) -> sqlx::Result<i16> {
    let mut tx = pool.begin().await?;
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    let version: i16 = sqlx::query_scalar(
        "WITH found AS (SELECT version FROM field_keys WHERE fingerprint = $1),
              added AS (INSERT INTO field_keys (version, fingerprint)
                        SELECT coalesce(max(version), 0) + 1, $1 FROM field_keys HAVING NOT EXISTS (SELECT 1 FROM found)
                        RETURNING version)
         SELECT version FROM found UNION ALL SELECT version FROM added",
    )
    .bind(fingerprint)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Forgets every version but `current` once nothing sealed under them is
/// left, so their secrets can no longer start a server. Returns how many went.
pub async fn retire_all_but(pool: &PgPool, current: i16) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    sqlx::query("LOCK TABLE field_keys IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    let left = sealed_version_in_use_other_than(&mut tx, current).await?;
    if left.is_some() {
        return Ok(0);
    }
    let done = sqlx::query("DELETE FROM field_keys WHERE version <> $1").bind(current).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

async fn sealed_version_in_use(conn: &mut PgConnection) -> sqlx::Result<Option<i16>> {
    sealed_version_in_use_other_than(conn, 0).await
}

async fn sealed_version_in_use_other_than(conn: &mut PgConnection, current: i16) -> sqlx::Result<Option<i16>> {
    // The free-text columns come from `SEALED_COLUMNS`, so a column added
    // there is also counted here (a server with the wrong key then refuses to start).
    let version_of = |column: &str| format!("(get_byte({column}, 0) * 256 + get_byte({column}, 1))::smallint");
    let free_text: String = SEALED_COLUMNS
        .iter()
        .map(|c| format!(" UNION ALL SELECT {} FROM {} WHERE {} IS NOT NULL", version_of(c.sealed), c.table, c.sealed))
        .collect();
    // Names come from constants, never from a request.
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT v FROM (
             SELECT {} AS v FROM applications WHERE facts_sealed IS NOT NULL
             UNION ALL SELECT {} FROM applications WHERE answers_sealed IS NOT NULL
             UNION ALL SELECT {} FROM applications WHERE eligibility_sealed IS NOT NULL
             UNION ALL SELECT {} FROM staff_users WHERE length(totp_secret) >= $2
             UNION ALL SELECT {} FROM drafts WHERE fields_sealed IS NOT NULL{free_text}
         ) used WHERE v <> $1 LIMIT 1",
        version_of("facts_sealed"),
        version_of("answers_sealed"),
        version_of("eligibility_sealed"),
        version_of("totp_secret"),
        version_of("fields_sealed"),
    )))
    .persistent(false)
    .bind(current)
    .bind(SEALED_MIN_LEN)
    .fetch_optional(conn)
    .await
}

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
struct SealedColumn {
    table: &'static str,
    plain: Option<&'static str>,
    sealed: &'static str,
    field: Field,
}

const SEALED_COLUMNS: [SealedColumn; 7] = [
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
const SEALED_MIN_LEN: i32 = 2 + 24 + 16 + 1;

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
