//! Participants' practicum sites and supervisors.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

#[derive(Debug, Default, sqlx::FromRow)]
pub struct Placement {
    pub site_name: String,
    pub site_kind: String,
    pub address: String,
    pub contact: Option<String>,
    pub supervisor_name: String,
    pub supervisor_email: String,
    pub supervisor_phone: Option<String>,
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// The participant's placement in the cohort, if one was saved.
pub async fn placement(pool: &PgPool, cohort_id: i64, application_id: i64) -> sqlx::Result<Option<Placement>> {
    sqlx::query_as(
        "SELECT site_name, site_kind, address, contact, supervisor_name, supervisor_email, supervisor_phone, confirmed_at
         FROM placements WHERE cohort_id = $1 AND application_id = $2",
    )
    .bind(cohort_id)
    .bind(application_id)
    .fetch_optional(pool)
    .await
}

/// A participant's placement site, for the cohort page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlacementSite {
    pub application_id: i64,
    pub site_name: String,
    pub confirmed: bool,
}

/// Placement site names by participant, for the cohort page.
pub async fn placement_sites(pool: &PgPool, cohort_id: i64) -> sqlx::Result<Vec<PlacementSite>> {
    sqlx::query_as(
        "SELECT application_id, site_name, confirmed_at IS NOT NULL AS confirmed FROM placements WHERE cohort_id = $1",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// Inserts or replaces the placement; a confirmation, once made, is kept.
pub async fn save_placement(
    conn: &mut PgConnection,
    cohort_id: i64,
    application_id: i64,
    p: &Placement,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO placements (cohort_id, application_id, site_name, site_kind, address, contact, supervisor_name,
             supervisor_email, supervisor_phone, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (cohort_id, application_id) DO UPDATE SET site_name = $3, site_kind = $4, address = $5, contact = $6,
             supervisor_name = $7, supervisor_email = $8, supervisor_phone = $9,
             confirmed_at = COALESCE($10, placements.confirmed_at)",
    )
    .bind(cohort_id)
    .bind(application_id)
    .bind(&p.site_name)
    .bind(&p.site_kind)
    .bind(&p.address)
    .bind(&p.contact)
    .bind(&p.supervisor_name)
    .bind(&p.supervisor_email)
    .bind(&p.supervisor_phone)
    .bind(p.confirmed_at)
    .execute(conn)
    .await?;
    Ok(())
}
