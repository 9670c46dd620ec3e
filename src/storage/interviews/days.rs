//! The interviews of one day: the printable plan and the panel's reminders.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::opened;
use crate::sealing::FieldKey;

/// A booked interview of a day, for the day plan and the panel's reminder.
#[derive(Debug, sqlx::FromRow)]
pub struct DayEntry {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub reference: Option<String>,
    pub applicant: Option<String>,
    pub accommodations: Option<String>,
    booking_id: Option<i64>,
    accommodations_sealed: Option<Vec<u8>>,
    pub panel: Vec<String>,
    /// Support persons the applicant allowed to come (issue 19): proven, not revoked.
    pub support_persons: Vec<String>,
}

/// The intake's slots starting in `[from, to)`, booked or not; with
/// `only_panel_of`, just the slots that user sits on.
pub async fn day_plan(
    pool: &PgPool,
    key: &FieldKey,
    intake_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    only_panel_of: Option<i64>,
) -> sqlx::Result<Vec<DayEntry>> {
    let mut rows: Vec<DayEntry> = sqlx::query_as(
        "SELECT s.starts_at, s.ends_at, s.place, a.reference, a.full_name AS applicant, b.accommodations, b.id AS booking_id,
                b.accommodations_sealed,
                COALESCE(ARRAY(SELECT u.name FROM interview_panel p JOIN staff_users u ON u.id = p.user_id
                               WHERE p.slot_id = s.id ORDER BY u.name), '{}') AS panel,
                ARRAY(SELECT g.name FROM support_grants g WHERE g.application_id = a.id AND g.may_attend
                        AND g.confirmed_at IS NOT NULL AND g.revoked_at IS NULL ORDER BY g.id) AS support_persons
         FROM interview_slots s
         LEFT JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
         LEFT JOIN applications a ON a.id = b.application_id
         WHERE s.intake_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
           AND ($4::bigint IS NULL OR EXISTS (SELECT 1 FROM interview_panel p WHERE p.slot_id = s.id AND p.user_id = $4))
         ORDER BY s.starts_at",
    )
    .bind(intake_id)
    .bind(from)
    .bind(to)
    .bind(only_panel_of)
    .fetch_all(pool)
    .await?;
    for r in &mut rows {
        r.accommodations = opened(key, r.booking_id, r.accommodations.take(), r.accommodations_sealed.take())?;
    }
    Ok(rows)
}

/// A panel member to remind of tomorrow's interviews.
#[derive(Debug, sqlx::FromRow)]
pub struct PanelReminder {
    pub user_id: i64,
    /// As stored; the job skips an address it cannot read.
    pub email: String,
    pub name: String,
    #[sqlx(skip)]
    pub interviews: Vec<PanelInterview>,
}

/// One booked interview on a panel member's list.
#[derive(Debug, sqlx::FromRow)]
pub struct PanelInterview {
    pub intake_id: i64,
    pub starts_at: DateTime<Utc>,
    pub reference: String,
}

/// Panel members with booked interviews in `[from, to)`, each with their
/// interviews, claimed for `day` so that
/// each member is reminded once, whichever instance gets there first.
pub async fn claim_panel_reminders(
    conn: &mut PgConnection,
    day: chrono::NaiveDate,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<PanelReminder>> {
    let mut members: Vec<PanelReminder> = sqlx::query_as(
        "INSERT INTO panel_reminders (user_id, day, sent_at)
         SELECT DISTINCT p.user_id, $1::date, $4 FROM interview_panel p
           JOIN interview_slots s ON s.id = p.slot_id
           JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
           JOIN staff_users u ON u.id = p.user_id AND u.disabled_at IS NULL
         WHERE s.starts_at >= $2 AND s.starts_at < $3
         ON CONFLICT (user_id, day) DO NOTHING
         RETURNING user_id, (SELECT email FROM staff_users WHERE id = user_id) AS email,
                   (SELECT name FROM staff_users WHERE id = user_id) AS name",
    )
    .bind(day)
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for member in &mut members {
        member.interviews = sqlx::query_as(
            "SELECT s.intake_id, s.starts_at, a.reference FROM interview_panel p
               JOIN interview_slots s ON s.id = p.slot_id
               JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
               JOIN applications a ON a.id = b.application_id
             WHERE p.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 ORDER BY s.starts_at",
        )
        .bind(member.user_id)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?;
    }
    Ok(members)
}
