//! What the cache of public pages needs from the database: the channel that
//! says they changed (see the `public_pages_notify` migration) and the next
//! moment they change by the clock alone.
use chrono::{DateTime, Utc};
use sqlx::{PgPool, postgres::PgListener};

/// Notified (by triggers) at the commit of any change to programmes,
/// intakes, info meetings or their sign-ups.
pub const CHANNEL: &str = "optag_public_pages";

/// A connection of its own, listening on `CHANNEL`.
pub async fn listen(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// The first moment after `now` at which a public page changes with no
/// write: an intake opens or closes, or an info meeting starts (and leaves
/// the lists, and stops taking sign-ups). `None`: nothing ahead.
pub async fn next_change(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar(
        "SELECT least((SELECT min(opens_at) FROM intakes WHERE opens_at > $1),
                      (SELECT min(deadline) FROM intakes WHERE deadline > $1),
                      (SELECT min(starts_at) FROM info_meetings WHERE starts_at > $1))",
    )
    .bind(now)
    .fetch_one(pool)
    .await
}
