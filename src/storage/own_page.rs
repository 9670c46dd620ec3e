//! The applicant's own page: links, what staff did, the full export, withdrawal
//! and erasure.
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::{
        link::{LinkKind, Retired},
        staff::Role,
    },
    sealing::FieldKey,
};

/// Stores a new own-page link (its hash) valid until `expires_at`.
pub async fn create_link(
    conn: &mut PgConnection,
    application_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO applicant_links (application_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(application_id)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct Link {
    pub application_id: i64,
    pub reference: String,
    pub expires_at: DateTime<Utc>,
}

/// The own-page link behind a hash, expired or not.
pub async fn link(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<Link>> {
    sqlx::query_as(
        "SELECT l.application_id, a.reference, l.expires_at FROM applicant_links l
         JOIN applications a ON a.id = l.application_id WHERE l.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

/// An application due for a new link, and where to send it.
#[derive(Debug, sqlx::FromRow)]
pub struct LinkDue {
    pub id: i64,
    pub reference: String,
    pub email: String,
}

/// Applications sent from `email_normalised` that have had no new link since
/// `since` (so asking again and again sends at most one mail a while), locked.
pub async fn due_for_new_link(
    conn: &mut PgConnection,
    email_normalised: &str,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<LinkDue>> {
    sqlx::query_as(
        "SELECT a.id, a.reference, a.email FROM applications a
         WHERE a.email_normalised = $1
           AND NOT EXISTS (SELECT 1 FROM applicant_links l WHERE l.application_id = a.id AND l.created_at > $2)
         ORDER BY a.id FOR UPDATE OF a",
    )
    .bind(email_normalised)
    .bind(since)
    .fetch_all(conn)
    .await
}

/// A staff member's action on the application, from the audit log.
#[derive(Debug, sqlx::FromRow)]
pub struct StaffAction {
    pub at: DateTime<Utc>,
    pub staff_name: String,
    pub role: Role,
    pub action: String,
}

/// The latest 500 staff actions on the application, newest first.
pub async fn staff_actions(pool: &PgPool, application_id: i64) -> sqlx::Result<Vec<StaffAction>> {
    sqlx::query_as(
        "SELECT l.at, u.name AS staff_name, u.role, l.action FROM audit_log l JOIN staff_users u ON u.id = l.actor_id
         WHERE l.application_id = $1 ORDER BY l.at DESC, l.id DESC LIMIT 500",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await
}

/// Every row that refers to the application, per table, as JSON: the
/// application itself (health fields opened), each table with a foreign key to
/// it (found in the catalogue, so a new table is included without a change
/// here), the audit log, the e-mails sent to the address, and the address's
/// info-meeting sign-ups and "let me know" requests. Secrets (hashes of
/// link tokens, sealed bytes) are left out.
pub async fn export(pool: &PgPool, key: &FieldKey, application_id: i64) -> sqlx::Result<Map<String, Value>> {
    let mut out = Map::new();
    let mut conn = pool.acquire().await?;
    let application: Value = sqlx::query_scalar(
        "SELECT to_jsonb(a) - 'facts' - 'answers' - 'eligibility' - 'facts_sealed' - 'answers_sealed'
                - 'eligibility_sealed' - 'submission_key_hash' FROM applications a WHERE id = $1",
    )
    .bind(application_id)
    .fetch_one(&mut *conn)
    .await?;
    out.insert("applications".into(), Value::Array(vec![application]));
    if let Some(health) = super::review::health(pool, key, application_id).await? {
        out.insert(
            "health_and_answers".into(),
            serde_json::json!({ "facts": health.facts, "answers": health.answers, "eligibility": health.eligibility }),
        );
    }
    let referring: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, a.attname::text
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
         WHERE c.contype = 'f' AND c.confrelid = 'applications'::regclass ORDER BY 1",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (table, column) in
        referring.iter().map(|(t, c)| (t.as_str(), c.as_str())).chain([("audit_log", "application_id")])
    {
        // Names come from the catalogue, never from a request.
        let mut rows: Value = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(jsonb_agg(to_jsonb(t) - 'token_hash' - 'feed_token_hash' - 'confirm_token_hash'
                                       - 'participant_token_hash' ORDER BY t), '[]')
             FROM {table} t WHERE {column} = $1"
        )))
        .bind(application_id)
        .persistent(false)
        .fetch_one(&mut *conn)
        .await?;
        super::sealed::open_exported(key, table, &mut rows)?;
        out.insert(table.to_string(), rows);
    }
    let mails: Value = sqlx::query_scalar(
        "SELECT coalesce(jsonb_agg(jsonb_build_object('subject', o.subject, 'status', o.status,
                    'created_at', o.created_at, 'sent_at', o.sent_at) ORDER BY o.id), '[]')
         FROM mail_outbox o JOIN applications a ON a.id = $1
         WHERE lower(o.recipient) = a.email_normalised
            OR right(lower(o.recipient), length(a.email_normalised) + 2) = '<' || a.email_normalised || '>'",
    )
    .bind(application_id)
    .fetch_one(&mut *conn)
    .await?;
    out.insert("mail_outbox".into(), mails);
    // The same address elsewhere: info-meeting sign-ups and "let me know" requests.
    for table in ["info_meeting_signups", "interest_subscribers"] {
        let mut rows: Value = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(jsonb_agg(to_jsonb(t) - 'token_hash' - 'confirm_token_hash' - 'cancel_token_hash'
                                       ORDER BY t), '[]')
             FROM {table} t JOIN applications a ON a.id = $1 WHERE t.email_normalised = a.email_normalised"
        )))
        .bind(application_id)
        .persistent(false)
        .fetch_one(&mut *conn)
        .await?;
        super::sealed::open_exported(key, table, &mut rows)?;
        out.insert(table.to_string(), rows);
    }
    Ok(out)
}

/// Deletes the health facts, the written answers and the eligibility
/// breakdown for good, with the consent to be kept for later.
pub async fn erase_health(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE applications SET facts = NULL, answers = NULL, eligibility = NULL, facts_sealed = NULL,
             answers_sealed = NULL, eligibility_sealed = NULL, keep_text_id = NULL, keep_consented_at = NULL,
             health_erased_at = coalesce(health_erased_at, $2), updated_at = $2, open_verifications = 0
         WHERE id = $1",
    )
    .bind(application_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // Their notes may speak of health too.
    super::verifications::forget(conn, application_id).await
}

/// Takes back the optional consent to be kept for a later intake; the
/// application then follows the normal retention rule.
pub async fn withdraw_keep_consent(
    conn: &mut PgConnection,
    application_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET keep_text_id = NULL, keep_consented_at = NULL, updated_at = $2
         WHERE id = $1 AND keep_text_id IS NOT NULL",
    )
    .bind(application_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the application and everything that refers to it, keeping one
/// anonymous statistics row, as the retention purge does.
pub async fn erase(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    retire_links_of(conn, application_id, now).await?;
    sqlx::query(
        "WITH gone AS (DELETE FROM applications WHERE id = $1 RETURNING intake_id, status, submitted_at)
         INSERT INTO application_statistics (intake_id, outcome, submitted_on, purged_on)
         SELECT intake_id, 'erased_on_request', (submitted_at AT TIME ZONE 'Europe/Copenhagen')::date,
                ($2 AT TIME ZONE 'Europe/Copenhagen')::date FROM gone",
    )
    .bind(application_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Active coordinators' addresses, to tell them what the applicant did.
pub async fn coordinator_addresses(conn: &mut PgConnection) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT email FROM staff_users WHERE role IN ('coordinator', 'admin') AND disabled_at IS NULL")
        .fetch_all(conn)
        .await
}

/// Before an application is deleted, the links that reach it are retired, so
/// they answer "deleted" (410) rather than "never heard of it".
pub async fn retire_links_of(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    let links: Vec<(Vec<u8>, String)> = sqlx::query_as(
        "SELECT token_hash, $2 FROM applicant_links WHERE application_id = $1
         UNION ALL SELECT submission_key_hash, $3 FROM applications WHERE id = $1
         UNION ALL SELECT token_hash, $4 FROM interview_invitations WHERE application_id = $1
         UNION ALL SELECT token_hash, $5 FROM cohort_offers WHERE application_id = $1
         UNION ALL SELECT feed_token_hash, $6 FROM cohort_offers WHERE application_id = $1 AND feed_token_hash IS NOT NULL",
    )
    .bind(application_id)
    .bind(LinkKind::OwnPage.key())
    .bind(LinkKind::Receipt.key())
    .bind(LinkKind::InterviewBooking.key())
    .bind(LinkKind::Offer.key())
    .bind(LinkKind::Feed.key())
    .fetch_all(&mut *conn)
    .await?;
    for (hash, kind) in &links {
        if let Some(kind) = LinkKind::from_key(kind) {
            super::retired_tokens::retire(conn, hash, kind, Retired::Over, now).await?;
        }
    }
    Ok(())
}
