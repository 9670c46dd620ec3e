//! Offers of a seat: written, found by their link, answered, given up; and the participant's feed link.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::domain::{
    cohort::OfferStatus,
    link::{LinkKind, Retired},
};

/// An open offer of a seat, answerable by the link whose hash it keeps.
pub struct NewOffer<'a> {
    pub cohort_id: i64,
    pub application_id: i64,
    pub seat: i32,
    pub token_hash: &'a [u8],
    pub now: DateTime<Utc>,
    pub answer_by: DateTime<Utc>,
}

/// Writes the offer as `offered`; returns its id. The caller holds the cohort's lock.
pub async fn insert_offer(conn: &mut PgConnection, o: &NewOffer<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO cohort_offers (cohort_id, application_id, seat, status, token_hash, offered_at, answer_by)
         VALUES ($1, $2, $3, 'offered', $4, $5, $6) RETURNING id",
    )
    .bind(o.cohort_id)
    .bind(o.application_id)
    .bind(o.seat)
    .bind(o.token_hash)
    .bind(o.now)
    .bind(o.answer_by)
    .fetch_one(conn)
    .await
}

/// An offer as its link shows it.
#[derive(Debug, sqlx::FromRow)]
pub struct Offer {
    pub id: i64,
    pub cohort_id: i64,
    pub application_id: i64,
    pub status: OfferStatus,
    pub answer_by: DateTime<Utc>,
    pub reference: String,
    pub full_name: String,
    pub email: String,
}

/// The offer behind a link's hash, whatever its status.
pub async fn offer_by_token(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<Offer>> {
    sqlx::query_as(
        "SELECT o.id, o.cohort_id, o.application_id, o.status, o.answer_by, a.reference, a.full_name, a.email
         FROM cohort_offers o JOIN applications a ON a.id = o.application_id WHERE o.token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(conn)
    .await
}

/// The applicant's answer: the offer becomes `accepted` or `declined` at `now`.
pub async fn answer(conn: &mut PgConnection, offer_id: i64, accepted: bool, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE cohort_offers SET status = $2, answered_at = $3 WHERE id = $1")
        .bind(offer_id)
        .bind(if accepted { OfferStatus::Accepted } else { OfferStatus::Declined })
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The accepted place's calendar feed link (its hash).
pub async fn set_feed_token(conn: &mut PgConnection, offer_id: i64, hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("UPDATE cohort_offers SET feed_token_hash = $2 WHERE id = $1")
        .bind(offer_id)
        .bind(hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// The cohort of an accepted place, found by the participant's feed link.
pub async fn cohort_of_feed(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT cohort_id FROM cohort_offers WHERE feed_token_hash = $1 AND status = 'accepted'")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// The cohort and application of an accepted place, found by the participant's feed link.
pub async fn place_of_feed(pool: &PgPool, hash: &[u8]) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as(
        "SELECT cohort_id, application_id FROM cohort_offers WHERE feed_token_hash = $1 AND status = 'accepted'",
    )
    .bind(hash)
    .fetch_optional(pool)
    .await
}

/// The cohort where the application holds a seat (offered or accepted), if any.
pub async fn cohort_of_live_place(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT cohort_id FROM cohort_offers WHERE application_id = $1 AND status IN ('offered', 'accepted')",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await
}

/// A seat an application holds, offered or accepted.
#[derive(sqlx::FromRow)]
struct LivePlace {
    id: i64,
    cohort_id: i64,
    status: OfferStatus,
    feed_token_hash: Option<Vec<u8>>,
}

/// The applicant withdraws: an open offer is declined, an accepted place
/// becomes `withdrawn` and its calendar feed is retired. Returns the cohort
/// whose seat is free again. The caller holds the cohort's lock.
pub async fn give_up_place(
    conn: &mut PgConnection,
    application_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let place: Option<LivePlace> = sqlx::query_as(
        "SELECT id, cohort_id, status, feed_token_hash FROM cohort_offers
         WHERE application_id = $1 AND status IN ('offered', 'accepted') FOR UPDATE",
    )
    .bind(application_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(LivePlace { id, cohort_id, status, feed_token_hash: feed }) = place else { return Ok(None) };
    let to = if status == OfferStatus::Accepted { OfferStatus::Withdrawn } else { OfferStatus::Declined };
    sqlx::query("UPDATE cohort_offers SET status = $2, answered_at = $3, feed_token_hash = NULL WHERE id = $1")
        .bind(id)
        .bind(to)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    if let Some(feed) = feed {
        crate::storage::retired_tokens::retire(conn, &feed, LinkKind::Feed, Retired::Over, now).await?;
    }
    Ok(Some(cohort_id))
}
