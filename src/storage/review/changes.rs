//! What staff change on an application: its status (with the history row) and notes.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::application::Status,
    sealing::{Field, FieldKey},
};

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
                Some(s) => {
                    key.open_text(Field::NoteBody, r.id, Some(&s)).map_err(crate::storage::sealed::unreadable)?
                }
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
    pub from_status: Status,
    pub to_status: Status,
    pub reason: Option<String>,
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    from_status: Status,
    to_status: Status,
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
                Some(s) => {
                    key.open_text(Field::StatusReason, r.id, Some(&s)).map_err(crate::storage::sealed::unreadable)?
                }
                None => r.reason,
            };
            Ok(HistoryEntry { from_status: r.from_status, to_status: r.to_status, reason, actor: r.actor, at: r.at })
        })
        .collect()
}
