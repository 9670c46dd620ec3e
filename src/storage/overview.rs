//! The coordinator's overview: how many things wait, each counted here.
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// What waits, as the overview counts it (keys of the contract's `data-todo`).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Counts {
    /// Submitted and not yet opened by any staff member (the audit log records each view).
    pub new_applications: i64,
    /// Live applications with a criterion still to verify.
    pub to_verify: i64,
    pub invited_not_booked: i64,
    pub offers_awaiting_answer: i64,
    /// Accepts and declines since this staff member last opened the overview.
    pub answers_since_last_visit: i64,
    pub waiting_list: i64,
    /// Admitted participants of a cohort with a practicum and no placement.
    pub placements_missing: i64,
    /// The first cohort with a placement missing, for the link.
    pub placements_cohort_id: Option<i64>,
    /// This staff member's visit before this one (none: never).
    pub last_visit: Option<DateTime<Utc>>,
}

/// The conditions on `applications a` behind the overview's items: its
/// counts and the list each item links to use the same text.
pub const NEW_APPLICATION: &str = "a.status = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.application_id = a.id AND l.action = 'application_viewed')";
/// Word for word the predicate of applications_to_verify_idx (so the index
/// serves it); applications from before the count was kept are counted by
/// their summary.
pub const TO_VERIFY: &str = "a.status NOT IN ('rejected', 'withdrawn', 'declined')
    AND coalesce(a.open_verifications, CASE WHEN a.eligibility_summary = 'to_verify' THEN 1 ELSE 0 END) > 0";
pub const INVITED_NOT_BOOKED: &str = "a.status = 'invited'
    AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.application_id = a.id AND b.cancelled_at IS NULL)";
/// An offer of `o` answered after the moment bound next.
pub const ANSWERED_AFTER: &str = "o.status IN ('accepted', 'declined') AND o.answered_at > ";

static COUNTS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT
      (SELECT count(*) FROM applications a WHERE {NEW_APPLICATION}) AS new_applications,
      (SELECT count(*) FROM applications a WHERE {TO_VERIFY}) AS to_verify,
      (SELECT count(*) FROM applications a WHERE {INVITED_NOT_BOOKED}) AS invited_not_booked,
      (SELECT count(*) FROM cohort_offers o WHERE o.status = 'offered') AS offers_awaiting_answer,
      (SELECT count(*) FROM cohort_offers o WHERE {ANSWERED_AFTER} coalesce($1, '-infinity'::timestamptz))
        AS answers_since_last_visit,
      (SELECT count(*) FROM waiting_list w JOIN applications a ON a.id = w.application_id
         WHERE a.status = 'waitlisted') AS waiting_list,
      m.placements_missing, m.placements_cohort_id, $1 AS last_visit
    FROM (SELECT count(*) AS placements_missing, min(o.cohort_id) AS placements_cohort_id
          FROM cohort_offers o
          JOIN applications a ON a.id = o.application_id AND a.status = 'admitted'
          JOIN cohorts c ON c.id = o.cohort_id
          JOIN intakes i ON i.id = c.intake_id
          JOIN programmes p ON p.id = i.programme_id AND p.practicum_weeks > 0
          WHERE o.status = 'accepted'
            AND NOT EXISTS (SELECT 1 FROM placements pl
                            WHERE pl.cohort_id = o.cohort_id AND pl.application_id = o.application_id)) m"
    )
});

/// The counts for `user_id`, whose visit is then recorded as at `now`.
pub async fn counts_and_mark_seen(pool: &PgPool, user_id: i64, now: DateTime<Utc>) -> sqlx::Result<Counts> {
    let mut tx = pool.begin().await?;
    let last_seen: Option<DateTime<Utc>> = sqlx::query_scalar(
        "WITH before AS (SELECT overview_seen_at FROM staff_users WHERE id = $1 FOR UPDATE),
              seen AS (UPDATE staff_users SET overview_seen_at = $2 WHERE id = $1)
         SELECT overview_seen_at FROM before",
    )
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?
    .flatten();
    let counts = sqlx::query_as(sqlx::AssertSqlSafe(COUNTS.as_str())).bind(last_seen).fetch_one(&mut *tx).await?;
    tx.commit().await?;
    Ok(counts)
}
