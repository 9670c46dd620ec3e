//! Deleting what is due; counts only come back.
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use crate::domain::retention::Cutoffs;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub applications: u64,
    pub participants: u64,
    pub drafts: u64,
    pub meeting_signups: u64,
    pub interest: u64,
    pub mails: u64,
    /// Enrolments nobody answered (or accepted and never sent) in time.
    pub enrolments: u64,
}

/// Cohorts that started on or before `day`: those whose participants may be due.
pub async fn cohorts_started_by(pool: &PgPool, day: NaiveDate) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT DISTINCT c.id FROM cohorts c JOIN cohort_offers o ON o.cohort_id = c.id AND o.status = 'accepted'
         WHERE c.start_date <= $1",
    )
    .bind(day)
    .fetch_all(pool)
    .await
}

/// Deletes the participants (admitted through an accepted offer) of a cohort,
/// keeping anonymous statistics rows; returns how many went.
pub async fn purge_participants(pool: &PgPool, cohort_id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let gone: Vec<(i64,)> = sqlx::query_as(
        "WITH due AS (
             SELECT a.id, a.intake_id, a.submitted_at FROM applications a
             JOIN cohort_offers o ON o.application_id = a.id AND o.status = 'accepted' AND o.cohort_id = $1
             WHERE a.status = 'admitted'
             FOR UPDATE OF a SKIP LOCKED),
         stats AS (
             INSERT INTO application_statistics (intake_id, outcome, submitted_on, purged_on)
             SELECT intake_id, 'participant', (submitted_at AT TIME ZONE 'Europe/Copenhagen')::date,
                    ($2 AT TIME ZONE 'Europe/Copenhagen')::date FROM due)
         DELETE FROM applications WHERE id IN (SELECT id FROM due) RETURNING id",
    )
    .bind(cohort_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(gone.len() as u64)
}

/// Applies the retention rules at `now`, in one transaction; safe with
/// several instances (rows are locked and skipped by the others).
pub async fn purge(pool: &PgPool, cutoffs: &Cutoffs, now: DateTime<Utc>) -> sqlx::Result<Purged> {
    let mut tx = pool.begin().await?;
    // Applications not admitted, some time after their intake's first teaching day:
    // reduced to an anonymous statistics row.
    let apps: Vec<(i64,)> = sqlx::query_as(
        "WITH due AS (
             SELECT a.id, a.intake_id, a.status, a.submitted_at FROM applications a JOIN intakes i ON i.id = a.intake_id
             WHERE a.status <> 'admitted'
               AND i.start_date <= CASE WHEN a.keep_text_id IS NULL THEN $1 ELSE $3 END
             FOR UPDATE OF a SKIP LOCKED),
         stats AS (
             INSERT INTO application_statistics (intake_id, outcome, submitted_on, purged_on)
             SELECT intake_id, status, (submitted_at AT TIME ZONE 'Europe/Copenhagen')::date,
                    ($2 AT TIME ZONE 'Europe/Copenhagen')::date FROM due)
         DELETE FROM applications WHERE id IN (SELECT id FROM due) RETURNING id",
    )
    .bind(cutoffs.intakes_started_by)
    .bind(now)
    .bind(cutoffs.kept_intakes_started_by)
    .fetch_all(&mut *tx)
    .await?;
    let drafts = sqlx::query("DELETE FROM drafts WHERE created_at <= $1")
        .bind(cutoffs.drafts_created_by)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let signups = sqlx::query(
        "DELETE FROM info_meeting_signups s USING info_meetings m
         WHERE m.id = s.meeting_id AND m.ends_at <= $1",
    )
    .bind(cutoffs.meetings_ended_by)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // People who asked to hear from us but never confirmed, or who unsubscribed.
    let interest = sqlx::query(
        "DELETE FROM interest_subscribers WHERE status = 'unsubscribed'
            OR (status = 'pending' AND confirm_expires_at <= $1)",
    )
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // Delivered mail carries names and addresses: kept a month for questions, then gone.
    let mails = sqlx::query(
        "DELETE FROM mail_outbox o WHERE o.status IN ('sent', 'failed', 'withdrawn') AND o.created_at <= $1
           AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.reminder_outbox_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM info_meeting_signups s WHERE s.reminder_outbox_id = o.id)",
    )
    .bind(cutoffs.mails_created_by)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // Counters of mail to unproven addresses matter only within their window.
    super::mail_quota::purge(&mut tx, now - chrono::Duration::days(1)).await?;
    sqlx::query("DELETE FROM kept_posts WHERE expires_at <= $1").bind(now).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Purged {
        applications: apps.len() as u64,
        participants: 0,
        drafts,
        meeting_signups: signups,
        interest,
        mails,
        enrolments: 0,
    })
}
