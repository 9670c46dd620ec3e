use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::{PgConnection, PgPool};

/// One audited event. `detail` holds ids and statuses, never answers.
pub struct Event<'a> {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub application_id: Option<i64>,
    pub detail: Value,
    pub request_id: Option<&'a str>,
}

pub async fn record(conn: &mut PgConnection, e: &Event<'_>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, application_id, detail, request_id) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(e.at)
        .bind(e.actor_id)
        .bind(e.action)
        .bind(e.application_id)
        .bind(&e.detail)
        .bind(e.request_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn record_now(pool: &PgPool, e: &Event<'_>) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    record(&mut conn, e).await
}

#[derive(Debug, sqlx::FromRow)]
pub struct Entry {
    pub at: DateTime<Utc>,
    /// The staff member's name, when a staff member did it.
    pub actor: Option<String>,
    pub action: String,
    pub reference: Option<String>,
    /// Written by the applicant (`detail.by`), not by staff or the system.
    pub by_applicant: bool,
}

/// Which entries to list; `None` is any.
pub struct Filter<'a> {
    pub action: Option<&'a str>,
    pub actor_id: Option<i64>,
    pub reference: Option<&'a str>,
}

/// The newest entries matching `f`, a page at a time.
pub async fn list(pool: &PgPool, f: &Filter<'_>, limit: i64, offset: i64) -> sqlx::Result<Vec<Entry>> {
    sqlx::query_as(
        "SELECT l.at, u.name AS actor, l.action, a.reference,
                coalesce(l.detail->>'by' = 'applicant', false) AS by_applicant
         FROM audit_log l
         LEFT JOIN staff_users u ON u.id = l.actor_id
         LEFT JOIN applications a ON a.id = l.application_id
         WHERE ($1::text IS NULL OR l.action = $1) AND ($2::bigint IS NULL OR l.actor_id = $2)
           AND ($3::text IS NULL OR a.reference = $3)
         ORDER BY l.at DESC, l.id DESC LIMIT $4 OFFSET $5",
    )
    .bind(f.action)
    .bind(f.actor_id)
    .bind(f.reference)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}
