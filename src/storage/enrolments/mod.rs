//! Enrolments by an employer or a caseworker (migration `enrolments`). The
//! note is sealed; tokens are kept as hashes, and every one that stops
//! working is written to `retired_tokens` so its link can say why.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

mod staff;

pub use staff::{Enrolled, enrolled_in_cohort, of_application, purge_expired};

use super::retired_tokens::retire;
use crate::{
    domain::{
        enrolment::{EnrollerKind, Enrolment, PeerRole, Status, organisation_key},
        link::{LinkKind, Retired},
    },
    sealing::{Field, FieldKey},
};

/// An enrolment as its links and flows need it, the note opened.
#[derive(Debug, Clone)]
pub struct EnrolmentRow {
    pub id: i64,
    pub intake_id: i64,
    pub kind: EnrollerKind,
    pub organisation: String,
    pub enroller_name: String,
    pub enroller_email: String,
    pub participant_name: String,
    pub participant_email: String,
    pub peer_role: Option<PeerRole>,
    pub note: Option<String>,
    pub status: Status,
    /// `None` once it belongs to an application.
    pub expires_at: Option<DateTime<Utc>>,
}

impl EnrolmentRow {
    /// Whether it ran out unanswered at `now`.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_some_and(|at| at <= now)
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct Stored {
    id: i64,
    intake_id: i64,
    enroller_kind: String,
    organisation: String,
    enroller_name: String,
    enroller_email: String,
    participant_name: String,
    participant_email: String,
    peer_role: Option<String>,
    note_sealed: Option<Vec<u8>>,
    status: String,
    expires_at: Option<DateTime<Utc>>,
}

pub(super) const COLUMNS: &str =
    "id, intake_id, enroller_kind, organisation, enroller_name, enroller_email, participant_name,
     participant_email, peer_role, note_sealed, status, expires_at";

pub(super) fn opened(key: &FieldKey, s: Stored) -> sqlx::Result<EnrolmentRow> {
    let bad = |what: &str| sqlx::Error::Decode(format!("enrolments.{what} holds an unknown value").into());
    Ok(EnrolmentRow {
        id: s.id,
        intake_id: s.intake_id,
        kind: EnrollerKind::from_key(&s.enroller_kind).ok_or_else(|| bad("enroller_kind"))?,
        organisation: s.organisation,
        enroller_name: s.enroller_name,
        enroller_email: s.enroller_email,
        participant_name: s.participant_name,
        participant_email: s.participant_email,
        peer_role: match s.peer_role {
            Some(r) => Some(PeerRole::from_key(&r).ok_or_else(|| bad("peer_role"))?),
            None => None,
        },
        note: key.open_text(Field::EnrolmentNote, s.id, s.note_sealed.as_deref()).map_err(super::sealed::unreadable)?,
        status: Status::from_key(&s.status).ok_or_else(|| bad("status"))?,
        expires_at: s.expires_at,
    })
}

/// A new enrolment and its enroller's confirmation link.
pub struct NewEnrolment<'a> {
    pub intake_id: i64,
    pub enrolment: &'a Enrolment,
    pub confirm_token_hash: &'a [u8],
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Stores `new`, replacing an enrolment of the same person on the same
/// intake that still waits for an answer (its links retire as superseded).
pub async fn insert(conn: &mut PgConnection, key: &FieldKey, new: &NewEnrolment<'_>) -> sqlx::Result<i64> {
    let e = new.enrolment;
    // Enrolments of one person on one intake take turns, so each sees the
    // one it replaces (the unique index of live enrolments stays whole).
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(format!("enrolment:{}:{}", new.intake_id, e.participant_email.normalised()))
        .execute(&mut *conn)
        .await?;
    let replaced: Vec<(Vec<u8>, Option<Vec<u8>>)> = sqlx::query_as(
        "DELETE FROM enrolments WHERE intake_id = $1 AND participant_email_normalised = $2
           AND status IN ('pending', 'confirmed') RETURNING confirm_token_hash, participant_token_hash",
    )
    .bind(new.intake_id)
    .bind(e.participant_email.normalised())
    .fetch_all(&mut *conn)
    .await?;
    retire_all(conn, &replaced, Retired::Superseded, new.now).await?;
    // The id is part of what the sealed note is bound to, so it is taken first.
    let id: i64 =
        sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('enrolments', 'id'))").fetch_one(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO enrolments (id, intake_id, enroller_kind, organisation, organisation_key, enroller_name,
             enroller_email, participant_name, participant_email, participant_email_normalised, peer_role,
             note_sealed, status, confirm_token_hash, created_at, expires_at)
         OVERRIDING SYSTEM VALUE
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $14, $15)",
    )
    .bind(id)
    .bind(new.intake_id)
    .bind(e.kind.key())
    .bind(&e.organisation)
    .bind(organisation_key(&e.organisation))
    .bind(e.enroller_name.as_str())
    .bind(e.enroller_email.as_str())
    .bind(e.participant_name.as_str())
    .bind(e.participant_email.as_str())
    .bind(e.participant_email.normalised())
    .bind(e.peer_role.map(PeerRole::key))
    .bind(key.seal_text(Field::EnrolmentNote, id, e.note.as_deref()))
    .bind(new.confirm_token_hash)
    .bind(new.now)
    .bind(new.expires_at)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Retires both links of each (confirm, participant) pair for `reason`.
pub(super) async fn retire_all(
    conn: &mut PgConnection,
    tokens: &[(Vec<u8>, Option<Vec<u8>>)],
    reason: Retired,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for (confirm, participant) in tokens {
        retire(conn, confirm, LinkKind::EnrolmentConfirm, reason, now).await?;
        if let Some(p) = participant {
            retire(conn, p, LinkKind::Enrolment, reason, now).await?;
        }
    }
    Ok(())
}

/// The enrolment behind the enroller's link, locked for the caller's transaction.
pub async fn by_confirm_token(
    conn: &mut PgConnection,
    key: &FieldKey,
    hash: &[u8],
) -> sqlx::Result<Option<EnrolmentRow>> {
    let sql = format!("SELECT {COLUMNS} FROM enrolments WHERE confirm_token_hash = $1 FOR UPDATE");
    let row: Option<Stored> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(hash).fetch_optional(conn).await?;
    row.map(|r| opened(key, r)).transpose()
}

/// The enrolment behind the person's link, locked for the caller's transaction.
pub async fn by_participant_token(
    conn: &mut PgConnection,
    key: &FieldKey,
    hash: &[u8],
) -> sqlx::Result<Option<EnrolmentRow>> {
    let sql = format!("SELECT {COLUMNS} FROM enrolments WHERE participant_token_hash = $1 FOR UPDATE");
    let row: Option<Stored> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(hash).fetch_optional(conn).await?;
    row.map(|r| opened(key, r)).transpose()
}

/// The enroller proved their address: the person's link is issued.
pub async fn confirm(
    conn: &mut PgConnection,
    id: i64,
    participant_token_hash: &[u8],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE enrolments SET status = 'confirmed', participant_token_hash = $2, confirmed_at = $3
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(participant_token_hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The person accepted; `draft_id` is their prefilled draft.
pub async fn accept(
    conn: &mut PgConnection,
    id: i64,
    draft_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE enrolments SET status = 'accepted', draft_id = $2, answered_at = $3, expires_at = $4
         WHERE id = $1 AND status = 'confirmed'",
    )
    .bind(id)
    .bind(draft_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The person declined: nothing of the enrolment is kept; its links answer "used".
pub async fn delete_declined(conn: &mut PgConnection, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    let gone: Vec<(Vec<u8>, Option<Vec<u8>>)> =
        sqlx::query_as("DELETE FROM enrolments WHERE id = $1 RETURNING confirm_token_hash, participant_token_hash")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    retire_all(conn, &gone, Retired::Used, now).await
}

/// The application sent from the accepted enrolment's draft `draft_id`: the
/// enrolment now lives and dies with the application. Returns it, if there was one.
pub async fn submitted(
    conn: &mut PgConnection,
    key: &FieldKey,
    draft_id: i64,
    application_id: i64,
) -> sqlx::Result<Option<EnrolmentRow>> {
    let sql = format!(
        "UPDATE enrolments SET status = 'submitted', application_id = $2, draft_id = NULL, expires_at = NULL
         WHERE draft_id = $1 AND status = 'accepted' RETURNING {COLUMNS}"
    );
    let row: Option<Stored> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(draft_id).bind(application_id).fetch_optional(conn).await?;
    row.map(|r| opened(key, r)).transpose()
}
