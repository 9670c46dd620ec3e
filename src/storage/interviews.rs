//! Slots, panels, invitations, bookings and assessments.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::link::{LinkKind, Retired},
    sealing::{Field, FieldKey},
};

use crate::domain::interview::SlotTimes;

/// Adds the slots (skipping any that exist at the same start) with their panel.
pub async fn create_slots(
    pool: &PgPool,
    intake_id: i64,
    slots: &[SlotTimes],
    place: &str,
    panel: &[i64],
) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let mut created = 0;
    for s in slots {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO interview_slots (intake_id, starts_at, ends_at, place) VALUES ($1, $2, $3, $4)
             ON CONFLICT (intake_id, starts_at) DO NOTHING RETURNING id",
        )
        .bind(intake_id)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(place)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(id) = id {
            created += 1;
            for user in panel {
                sqlx::query("INSERT INTO interview_panel (slot_id, user_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(user)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(created)
}

/// A slot as staff see it: who booked it and who sits on the panel.
#[derive(Debug, sqlx::FromRow)]
pub struct SlotView {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub reference: Option<String>,
    pub applicant: Option<String>,
    pub accommodations: Option<String>,
    booking_id: Option<i64>,
    accommodations_sealed: Option<Vec<u8>>,
    pub panel: Vec<String>,
}

pub async fn slots_of_intake(pool: &PgPool, key: &FieldKey, intake_id: i64) -> sqlx::Result<Vec<SlotView>> {
    let mut rows: Vec<SlotView> = sqlx::query_as(
        "SELECT s.id, s.starts_at, s.ends_at, s.place, a.reference, a.full_name AS applicant, b.accommodations, b.id AS booking_id,
                b.accommodations_sealed,
                COALESCE(ARRAY(SELECT u.name FROM interview_panel p JOIN staff_users u ON u.id = p.user_id
                               WHERE p.slot_id = s.id ORDER BY u.name), '{}') AS panel
         FROM interview_slots s
         LEFT JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
         LEFT JOIN applications a ON a.id = b.application_id
         WHERE s.intake_id = $1 ORDER BY s.starts_at",
    )
    .bind(intake_id)
    .fetch_all(pool)
    .await?;
    for r in &mut rows {
        r.accommodations = opened(key, r.booking_id, r.accommodations.take(), r.accommodations_sealed.take())?;
    }
    Ok(rows)
}

/// What helps at the interview, opened from its sealed column (or as written
/// before sealing, until start-up seals it).
fn opened(
    key: &FieldKey,
    booking_id: Option<i64>,
    plain: Option<String>,
    sealed: Option<Vec<u8>>,
) -> sqlx::Result<Option<String>> {
    match (booking_id, sealed) {
        (Some(id), Some(sealed)) => {
            key.open_text(Field::BookingAccommodations, id, Some(&sealed)).map_err(super::sealed::unreadable)
        }
        _ => Ok(plain),
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Slot {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
}

/// Slots of the intake nobody holds, starting after `after`.
pub async fn free_slots(pool: &PgPool, intake_id: i64, after: DateTime<Utc>) -> sqlx::Result<Vec<Slot>> {
    sqlx::query_as(
        "SELECT s.id, s.starts_at, s.ends_at, s.place FROM interview_slots s
         WHERE s.intake_id = $1 AND s.starts_at > $2
           AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.cancelled_at IS NULL)
         ORDER BY s.starts_at",
    )
    .bind(intake_id)
    .bind(after)
    .fetch_all(pool)
    .await
}

pub async fn slot_of_intake(conn: &mut PgConnection, intake_id: i64, slot_id: i64) -> sqlx::Result<Option<Slot>> {
    sqlx::query_as("SELECT id, starts_at, ends_at, place FROM interview_slots WHERE id = $1 AND intake_id = $2")
        .bind(slot_id)
        .bind(intake_id)
        .fetch_optional(conn)
        .await
}

/// Removes a slot nobody holds; false when it is held (or gone).
pub async fn remove_free_slot(pool: &PgPool, intake_id: i64, slot_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "DELETE FROM interview_slots s WHERE s.id = $1 AND s.intake_id = $2
           AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id)",
    )
    .bind(slot_id)
    .bind(intake_id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the booking link of an application, replacing an earlier one.
pub async fn set_invitation(
    conn: &mut PgConnection,
    application_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let old: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT token_hash FROM interview_invitations WHERE application_id = $1 FOR UPDATE")
            .bind(application_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(old) = old {
        super::retired_tokens::retire(conn, &old, LinkKind::InterviewBooking, Retired::Superseded, now).await?;
    }
    sqlx::query(
        "INSERT INTO interview_invitations (application_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id) DO UPDATE SET token_hash = $2, created_at = $3, expires_at = $4",
    )
    .bind(application_id)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The application behind a booking link.
#[derive(Debug, sqlx::FromRow)]
pub struct Invitation {
    pub application_id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: String,
    pub status: String,
    pub intake_id: i64,
    pub expires_at: DateTime<Utc>,
}

pub async fn invitation(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference, a.full_name, a.email, a.status, a.intake_id, i.expires_at
         FROM interview_invitations i JOIN applications a ON a.id = i.application_id WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Booking {
    pub id: i64,
    pub slot_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub accommodations: Option<String>,
    accommodations_sealed: Option<Vec<u8>>,
    pub reminder_outbox_id: Option<i64>,
}

/// The application's live booking, locked for a change when `conn` is in a transaction.
pub async fn active_booking(
    conn: &mut PgConnection,
    key: &FieldKey,
    application_id: i64,
) -> sqlx::Result<Option<Booking>> {
    let row: Option<Booking> = sqlx::query_as(
        "SELECT b.id, b.slot_id, s.starts_at, s.ends_at, s.place, b.accommodations, b.accommodations_sealed,
                b.reminder_outbox_id
         FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
         WHERE b.application_id = $1 AND b.cancelled_at IS NULL FOR UPDATE OF b",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?;
    row.map(|mut b| {
        b.accommodations = opened(key, Some(b.id), b.accommodations.take(), b.accommodations_sealed.take())?;
        Ok(b)
    })
    .transpose()
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("the slot is taken")]
    SlotTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Holds the slot for the application. The partial unique indexes make a
/// second live booking of one slot (or by one application) impossible.
pub async fn book(
    conn: &mut PgConnection,
    key: &FieldKey,
    slot_id: i64,
    application_id: i64,
    accommodations: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    // The id is part of what the sealed text is bound to, so it is taken first.
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('interview_bookings', 'id'))")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query_scalar(
        "INSERT INTO interview_bookings (id, slot_id, application_id, accommodations_sealed, booked_at)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(id)
    .bind(slot_id)
    .bind(application_id)
    .bind(key.seal_text(Field::BookingAccommodations, id, accommodations))
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(|err| match super::violated_constraint(&err) {
        Some("interview_bookings_one_per_slot" | "interview_bookings_one_per_application") => BookError::SlotTaken,
        _ => BookError::Database(err),
    })
}

pub async fn cancel_booking(conn: &mut PgConnection, booking_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE interview_bookings SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
        .bind(booking_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_reminder(conn: &mut PgConnection, booking_id: i64, outbox_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE interview_bookings SET reminder_outbox_id = $2 WHERE id = $1")
        .bind(booking_id)
        .bind(outbox_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Raises and returns the application's calendar sequence number.
pub async fn next_sequence(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<i32> {
    sqlx::query_scalar(
        "UPDATE applications SET interview_sequence = interview_sequence + 1 WHERE id = $1 RETURNING interview_sequence",
    )
    .bind(application_id)
    .fetch_one(conn)
    .await
}

/// Whether the user sits on the panel of the application's live interview.
pub async fn is_on_panel(pool: &PgPool, application_id: i64, user_id: i64) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM interview_bookings b JOIN interview_panel p ON p.slot_id = b.slot_id
                        WHERE b.application_id = $1 AND b.cancelled_at IS NULL AND p.user_id = $2)",
    )
    .bind(application_id)
    .bind(user_id)
    .fetch_one(pool)
    .await
}

/// The staff who can sit on panels, as (id, name).
pub async fn panel_candidates(pool: &PgPool) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, name FROM staff_users WHERE disabled_at IS NULL ORDER BY lower(name)")
        .fetch_all(pool)
        .await
}

pub struct AssessmentInput<'a> {
    pub no_show: bool,
    pub scores: [Option<i16>; 4],
    pub notes: &'a str,
}

pub async fn record_assessment(
    conn: &mut PgConnection,
    application_id: i64,
    interviewer: i64,
    a: &AssessmentInput<'_>,
    key: &FieldKey,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO interview_assessments (application_id, interviewer_id, no_show, motivation, reflection, distance,
             competence_building, notes, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)
         ON CONFLICT (application_id, interviewer_id) DO UPDATE SET no_show = $3, motivation = $4, reflection = $5,
             distance = $6, competence_building = $7, notes = NULL, recorded_at = $8
         RETURNING id",
    )
    .bind(application_id)
    .bind(interviewer)
    .bind(a.no_show)
    .bind(a.scores[0])
    .bind(a.scores[1])
    .bind(a.scores[2])
    .bind(a.scores[3])
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let notes = Some(a.notes).filter(|n| !n.is_empty());
    sqlx::query("UPDATE interview_assessments SET notes_sealed = $2 WHERE id = $1")
        .bind(id)
        .bind(key.seal_text(Field::AssessmentNotes, id, notes))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct AssessmentRow {
    pub interviewer: String,
    pub no_show: bool,
    pub motivation: Option<i16>,
    pub reflection: Option<i16>,
    pub distance: Option<i16>,
    pub competence_building: Option<i16>,
    pub notes: Option<String>,
    id: i64,
    notes_sealed: Option<Vec<u8>>,
}

pub async fn assessments(pool: &PgPool, key: &FieldKey, application_id: i64) -> sqlx::Result<Vec<AssessmentRow>> {
    let mut rows: Vec<AssessmentRow> = sqlx::query_as(
        "SELECT u.name AS interviewer, a.no_show, a.motivation, a.reflection, a.distance, a.competence_building,
                a.notes, a.id, a.notes_sealed
         FROM interview_assessments a JOIN staff_users u ON u.id = a.interviewer_id
         WHERE a.application_id = $1 ORDER BY u.name",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    for r in &mut rows {
        if let Some(sealed) = r.notes_sealed.take() {
            r.notes = key.open_text(Field::AssessmentNotes, r.id, Some(&sealed)).map_err(super::sealed::unreadable)?;
        }
    }
    Ok(rows)
}

pub async fn add_follow_up(
    conn: &mut PgConnection,
    application_id: i64,
    kind: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO follow_up_tasks (application_id, kind, created_at)
         SELECT $1, $2, $3 WHERE NOT EXISTS
           (SELECT 1 FROM follow_up_tasks WHERE application_id = $1 AND kind = $2 AND done_at IS NULL)",
    )
    .bind(application_id)
    .bind(kind)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn open_follow_ups(pool: &PgPool, application_id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT kind FROM follow_up_tasks WHERE application_id = $1 AND done_at IS NULL ORDER BY created_at",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await
}

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
                               WHERE p.slot_id = s.id ORDER BY u.name), '{}') AS panel
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

/// Panel members with booked interviews in `[from, to)`, each with their
/// interviews as (intake id, start, reference), claimed for `day` so that
/// each member is reminded once, whichever instance gets there first.
pub async fn claim_panel_reminders(
    conn: &mut PgConnection,
    day: chrono::NaiveDate,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<(i64, String, String, Vec<(i64, DateTime<Utc>, String)>)>> {
    let members: Vec<(i64, String, String)> = sqlx::query_as(
        "INSERT INTO panel_reminders (user_id, day, sent_at)
         SELECT DISTINCT p.user_id, $1::date, $4 FROM interview_panel p
           JOIN interview_slots s ON s.id = p.slot_id
           JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
           JOIN staff_users u ON u.id = p.user_id AND u.disabled_at IS NULL
         WHERE s.starts_at >= $2 AND s.starts_at < $3
         ON CONFLICT (user_id, day) DO NOTHING
         RETURNING user_id, (SELECT email FROM staff_users WHERE id = user_id), (SELECT name FROM staff_users WHERE id = user_id)",
    )
    .bind(day)
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (user_id, email, name) in members {
        let list: Vec<(i64, DateTime<Utc>, String)> = sqlx::query_as(
            "SELECT s.intake_id, s.starts_at, a.reference FROM interview_panel p
               JOIN interview_slots s ON s.id = p.slot_id
               JOIN interview_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL
               JOIN applications a ON a.id = b.application_id
             WHERE p.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 ORDER BY s.starts_at",
        )
        .bind(user_id)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await?;
        out.push((user_id, email, name, list));
    }
    Ok(out)
}

/// A slot with its panel's user ids and whether it is held.
#[derive(Debug, sqlx::FromRow)]
pub struct SlotEdit {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub panel: Vec<i64>,
    pub held: bool,
}

pub async fn slot_for_edit(pool: &PgPool, intake_id: i64, slot_id: i64) -> sqlx::Result<Option<SlotEdit>> {
    sqlx::query_as(
        "SELECT s.id, s.starts_at, s.ends_at, s.place,
                COALESCE(ARRAY(SELECT p.user_id FROM interview_panel p WHERE p.slot_id = s.id), '{}') AS panel,
                EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.cancelled_at IS NULL) AS held
         FROM interview_slots s WHERE s.id = $1 AND s.intake_id = $2",
    )
    .bind(slot_id)
    .bind(intake_id)
    .fetch_optional(pool)
    .await
}

/// Changes a slot's place and panel; its times too, but only while nobody holds it.
/// False when new times were given for a held slot (or they clash with another slot).
pub async fn edit_slot(
    pool: &PgPool,
    slot_id: i64,
    place: &str,
    panel: &[i64],
    times: Option<SlotTimes>,
) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    if let Some(t) = times {
        let moved = sqlx::query(
            "UPDATE interview_slots s SET starts_at = $2, ends_at = $3 WHERE s.id = $1
               AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.cancelled_at IS NULL)",
        )
        .bind(slot_id)
        .bind(t.starts_at)
        .bind(t.ends_at)
        .execute(&mut *tx)
        .await;
        match moved {
            Ok(done) if done.rows_affected() == 1 => {}
            Ok(_) => return Ok(false),
            Err(err) if super::violated_constraint(&err).is_some() => return Ok(false),
            Err(err) => return Err(err),
        }
    }
    sqlx::query("UPDATE interview_slots SET place = $2 WHERE id = $1")
        .bind(slot_id)
        .bind(place)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM interview_panel WHERE slot_id = $1").bind(slot_id).execute(&mut *tx).await?;
    for user in panel {
        sqlx::query("INSERT INTO interview_panel (slot_id, user_id) VALUES ($1, $2)")
            .bind(slot_id)
            .bind(user)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}
