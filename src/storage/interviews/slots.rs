//! Making, listing, changing and removing interview slots, and who can sit on their panels.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::opened;
use crate::{domain::interview::SlotTimes, sealing::FieldKey};

/// Adds the slots (skipping any that exist at the same start) with their
/// panel; returns how many were new.
pub async fn create_slots(
    conn: &mut PgConnection,
    intake_id: i64,
    slots: &[SlotTimes],
    place: &str,
    panel: &[i64],
) -> sqlx::Result<usize> {
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
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = id {
            created += 1;
            for user in panel {
                sqlx::query("INSERT INTO interview_panel (slot_id, user_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(user)
                    .execute(&mut *conn)
                    .await?;
            }
        }
    }
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

/// Every slot of the intake, by start, accommodations opened.
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

/// A slot's times and place.
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

/// The slot, if it is one of the intake's.
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

/// The slot to change, if it is one of the intake's.
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

/// Moves a slot nobody holds to new times; false when it is held (or the
/// times clash with another slot of the intake, which aborts the transaction).
pub async fn move_free_slot(conn: &mut PgConnection, slot_id: i64, times: SlotTimes) -> sqlx::Result<bool> {
    let moved = sqlx::query(
        "UPDATE interview_slots s SET starts_at = $2, ends_at = $3 WHERE s.id = $1
           AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.cancelled_at IS NULL)",
    )
    .bind(slot_id)
    .bind(times.starts_at)
    .bind(times.ends_at)
    .execute(conn)
    .await;
    match moved {
        Ok(done) => Ok(done.rows_affected() == 1),
        Err(err) if crate::storage::violated_constraint(&err).is_some() => Ok(false),
        Err(err) => Err(err),
    }
}

/// Sets a slot's place and replaces its panel.
pub async fn restaff_slot(conn: &mut PgConnection, slot_id: i64, place: &str, panel: &[i64]) -> sqlx::Result<()> {
    sqlx::query("UPDATE interview_slots SET place = $2 WHERE id = $1")
        .bind(slot_id)
        .bind(place)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM interview_panel WHERE slot_id = $1").bind(slot_id).execute(&mut *conn).await?;
    for user in panel {
        sqlx::query("INSERT INTO interview_panel (slot_id, user_id) VALUES ($1, $2)")
            .bind(slot_id)
            .bind(user)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A staff member who can sit on a panel.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PanelCandidate {
    pub id: i64,
    pub name: String,
}

/// The staff who can sit on panels, by name.
pub async fn panel_candidates(pool: &PgPool) -> sqlx::Result<Vec<PanelCandidate>> {
    sqlx::query_as("SELECT id, name FROM staff_users WHERE disabled_at IS NULL ORDER BY lower(name)")
        .fetch_all(pool)
        .await
}
