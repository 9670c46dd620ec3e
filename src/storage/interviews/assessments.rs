//! What panel members record after an interview, and the tasks a no-show leaves.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::interview::{Assessment, FollowUp},
    sealing::{Field, FieldKey},
    storage::types::text_column,
};

text_column!(FollowUp, key, |text: &str| text.parse::<FollowUp>());

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

/// Records (or replaces) one panel member's assessment; the notes are sealed.
pub async fn record_assessment(
    conn: &mut PgConnection,
    application_id: i64,
    interviewer: i64,
    a: &Assessment,
    key: &FieldKey,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let scores = a.stored_scores();
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
    .bind(scores[0])
    .bind(scores[1])
    .bind(scores[2])
    .bind(scores[3])
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let notes = Some(a.notes.as_str()).filter(|n| !n.is_empty());
    sqlx::query("UPDATE interview_assessments SET notes_sealed = $2 WHERE id = $1")
        .bind(id)
        .bind(key.seal_text(Field::AssessmentNotes, id, notes))
        .execute(conn)
        .await?;
    Ok(())
}

/// One panel member's assessment, notes opened.
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

/// The application's assessments, by interviewer name.
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
            r.notes = key
                .open_text(Field::AssessmentNotes, r.id, Some(&sealed))
                .map_err(crate::storage::sealed::unreadable)?;
        }
    }
    Ok(rows)
}

/// Opens a follow-up task unless one of that kind is open already.
pub async fn add_follow_up(
    conn: &mut PgConnection,
    application_id: i64,
    kind: FollowUp,
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

/// The application's open follow-up tasks, oldest first.
pub async fn open_follow_ups(pool: &PgPool, application_id: i64) -> sqlx::Result<Vec<FollowUp>> {
    sqlx::query_scalar(
        "SELECT kind FROM follow_up_tasks WHERE application_id = $1 AND done_at IS NULL ORDER BY created_at",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await
}
