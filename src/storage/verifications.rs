//! Coordinators' verdicts on the criteria the pre-check left to verify,
//! sealed (criterion, verdict and note together), and the application's
//! count of criteria still open.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

use crate::{
    domain::eligibility::{Summary, verification::Verdict},
    sealing::{Field, FieldKey},
};

/// One verdict, opened.
#[derive(Debug, Clone)]
pub struct Verification {
    pub criterion: String,
    pub verdict: Verdict,
    pub note: String,
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct Record {
    criterion: String,
    verdict: String,
    note: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    actor: Option<String>,
    at: DateTime<Utc>,
    record_sealed: Vec<u8>,
}

/// The verdicts on an application, oldest first.
pub async fn of_application(
    conn: &mut PgConnection,
    key: &FieldKey,
    application_id: i64,
) -> sqlx::Result<Vec<Verification>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT v.id, u.name AS actor, v.at, v.record_sealed FROM eligibility_verifications v
         LEFT JOIN staff_users u ON u.id = v.actor_id WHERE v.application_id = $1 ORDER BY v.at, v.id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let record: Record =
                key.open_json(Field::VerificationRecord, r.id, &r.record_sealed).map_err(super::sealed::unreadable)?;
            let verdict = record.verdict.parse().map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            Ok(Verification { criterion: record.criterion, verdict, note: record.note, actor: r.actor, at: r.at })
        })
        .collect()
}

/// A coordinator's verdict on `criterion`; returns the new row's id.
#[expect(clippy::too_many_arguments, reason = "one row's columns")]
pub async fn record(
    conn: &mut PgConnection,
    key: &FieldKey,
    application_id: i64,
    actor: i64,
    criterion: &str,
    verdict: Verdict,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    // The id is part of what the record is sealed to, so it is taken first.
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('eligibility_verifications', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    let record =
        Record { criterion: criterion.to_string(), verdict: verdict.key().to_string(), note: note.to_string() };
    sqlx::query(
        "INSERT INTO eligibility_verifications (id, application_id, actor_id, at, record_sealed)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(application_id)
    .bind(actor)
    .bind(now)
    .bind(key.seal_json(Field::VerificationRecord, id, &record))
    .execute(conn)
    .await?;
    Ok(id)
}

/// The summary and the count of criteria still to verify, after a verdict.
pub async fn set_open(conn: &mut PgConnection, application_id: i64, summary: Summary, open: usize) -> sqlx::Result<()> {
    sqlx::query("UPDATE applications SET eligibility_summary = $2, open_verifications = $3 WHERE id = $1")
        .bind(application_id)
        .bind(summary.key())
        .bind(i16::try_from(open).unwrap_or(i16::MAX))
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets the verdicts on an application whose answers were replaced or erased:
/// they were about answers that are gone.
pub async fn forget(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM eligibility_verifications WHERE application_id = $1")
        .bind(application_id)
        .execute(conn)
        .await?;
    Ok(())
}
