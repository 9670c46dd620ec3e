//! An intake's waiting list, in order.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// Puts the application last on its intake's waiting list (once); returns its position.
pub async fn add_to_waiting_list(
    conn: &mut PgConnection,
    intake_id: i64,
    application_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<i32> {
    sqlx::query(
        "INSERT INTO waiting_list (intake_id, application_id, position, added_at)
         SELECT $1, $2, COALESCE(max(position), 0) + 1, $3 FROM waiting_list WHERE intake_id = $1
         ON CONFLICT (application_id) DO NOTHING",
    )
    .bind(intake_id)
    .bind(application_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar(
        "SELECT count(*)::int FROM waiting_list w WHERE w.intake_id = $1
           AND w.position <= (SELECT position FROM waiting_list WHERE application_id = $2)",
    )
    .bind(intake_id)
    .bind(application_id)
    .fetch_one(conn)
    .await
}

/// Takes the application off its waiting list (if it is on one).
pub async fn remove_from_waiting_list(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM waiting_list WHERE application_id = $1").bind(application_id).execute(conn).await?;
    Ok(())
}

/// One person on the waiting list.
#[derive(Debug, sqlx::FromRow)]
pub struct Waiting {
    pub reference: String,
    pub full_name: String,
}

/// The waiting list in order.
pub async fn waiting_list(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<Waiting>> {
    sqlx::query_as(
        "SELECT a.reference, a.full_name FROM waiting_list w JOIN applications a ON a.id = w.application_id
         WHERE w.intake_id = $1 AND a.status = 'waitlisted' ORDER BY w.position",
    )
    .bind(intake_id)
    .fetch_all(pool)
    .await
}

/// Where an application stands on the list.
#[derive(sqlx::FromRow)]
struct Position {
    application_id: i64,
    position: i32,
}

/// Swaps the application with its neighbour above (`up`) or below.
pub async fn move_on_waiting_list(pool: &PgPool, intake_id: i64, reference: &str, up: bool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let mine: Option<Position> = sqlx::query_as(
        "SELECT w.application_id, w.position FROM waiting_list w JOIN applications a ON a.id = w.application_id
         WHERE w.intake_id = $1 AND a.reference = $2 FOR UPDATE",
    )
    .bind(intake_id)
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(Position { application_id: id, position }) = mine else { return Ok(()) };
    let neighbour: Option<Position> = sqlx::query_as(if up {
        "SELECT application_id, position FROM waiting_list WHERE intake_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1 FOR UPDATE"
    } else {
        "SELECT application_id, position FROM waiting_list WHERE intake_id = $1 AND position > $2 ORDER BY position LIMIT 1 FOR UPDATE"
    })
    .bind(intake_id)
    .bind(position)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(Position { application_id: other, position: other_position }) = neighbour {
        for (app, pos) in [(id, other_position), (other, position)] {
            sqlx::query("UPDATE waiting_list SET position = $2 WHERE application_id = $1")
                .bind(app)
                .bind(pos)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await
}

/// The next on a waiting list, to be offered a freed seat.
#[derive(Debug, sqlx::FromRow)]
pub struct NextInLine {
    pub application_id: i64,
    pub reference: String,
}

/// Up to `limit` of the intake's waiting list in order, when the intake offers freed places by itself. Their rows are
/// locked; rows another transaction is offering right now are skipped (a
/// cohort of the same intake passing its own seats on).
pub async fn waiting_for_auto_offer(
    conn: &mut PgConnection,
    cohort_id: i64,
    limit: i64,
) -> sqlx::Result<Vec<NextInLine>> {
    sqlx::query_as(
        "SELECT a.id AS application_id, a.reference FROM cohorts c JOIN intakes i ON i.id = c.intake_id AND i.auto_offer
         JOIN waiting_list w ON w.intake_id = i.id JOIN applications a ON a.id = w.application_id AND a.status = 'waitlisted'
         WHERE c.id = $1 ORDER BY w.position LIMIT $2 FOR UPDATE OF a SKIP LOCKED",
    )
    .bind(cohort_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}
