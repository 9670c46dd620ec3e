//! The organisation settings, and a short-lived copy of them for every page and mail.
use std::{
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use sqlx::{PgExecutor, PgPool};

use crate::domain::organisation::{Organisation, OrganisationFields};

#[derive(sqlx::FromRow)]
struct Row {
    name: String,
    address: String,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    dpo_email: Option<String>,
}

/// The saved settings, or `None` before an admin has saved them.
pub async fn load(db: impl PgExecutor<'_>) -> sqlx::Result<Option<Organisation>> {
    let row: Option<Row> =
        sqlx::query_as("SELECT name, address, contact_email, contact_phone, dpo_email FROM organisation")
            .fetch_optional(db)
            .await?;
    Ok(row.and_then(|r| {
        Organisation::parse(&OrganisationFields {
            organisation_name: r.name,
            organisation_address: r.address,
            contact_email: r.contact_email.unwrap_or_default(),
            contact_phone: r.contact_phone.unwrap_or_default(),
            dpo_email: r.dpo_email.unwrap_or_default(),
        })
        .ok()
    }))
}

/// Replaces the settings.
pub async fn save(
    db: impl PgExecutor<'_>,
    org: &Organisation,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO organisation (id, name, address, contact_email, contact_phone, dpo_email, updated_at, updated_by)
         VALUES (true, $1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address,
             contact_email = EXCLUDED.contact_email, contact_phone = EXCLUDED.contact_phone,
             dpo_email = EXCLUDED.dpo_email, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by",
    )
    .bind(org.name())
    .bind(org.address())
    .bind(org.contact_email().map(|e| e.as_str()))
    .bind(org.contact_phone().map(|p| p.as_str()))
    .bind(org.dpo_email().map(|e| e.as_str()))
    .bind(now)
    .bind(actor)
    .execute(db)
    .await?;
    Ok(())
}

/// Saves the settings only if none are saved yet (the demo; an admin's own stay).
pub async fn save_if_missing(db: impl PgExecutor<'_>, org: &Organisation, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO organisation (id, name, address, contact_email, contact_phone, dpo_email, updated_at)
         VALUES (true, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(org.name())
    .bind(org.address())
    .bind(org.contact_email().map(|e| e.as_str()))
    .bind(org.contact_phone().map(|p| p.as_str()))
    .bind(org.dpo_email().map(|e| e.as_str()))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The settings as last read, kept for a short while: every page and every
/// mail shows them, so reading them once per request would be a query per
/// page for a row that changes a few times a year. The instance that saves
/// replaces its copy at once; other instances of the server (several may
/// share the database) see the change when their copy is [`Cached::TTL`] old.
pub struct Cached {
    ttl: Duration,
    slot: RwLock<Option<(Instant, Option<Arc<Organisation>>)>>,
}

impl Default for Cached {
    fn default() -> Self {
        Self { ttl: Self::TTL, slot: RwLock::new(None) }
    }
}

impl Cached {
    pub const TTL: Duration = Duration::from_secs(30);

    /// The settings; a database that cannot answer gives the last copy (or
    /// none), so a page still renders, only without the contact.
    pub async fn get(&self, pool: &PgPool) -> Option<Arc<Organisation>> {
        let stale = {
            let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
            match slot.as_ref() {
                Some((at, org)) if at.elapsed() < self.ttl => return org.clone(),
                Some((_, org)) => org.clone(),
                None => None,
            }
        };
        match load(pool).await {
            Ok(org) => {
                let org = org.map(Arc::new);
                self.put(org.clone());
                org
            }
            Err(err) => {
                tracing::warn!(error = %err, "organisation settings could not be read; pages show the last known");
                stale
            }
        }
    }

    /// Replaces the copy (after a save on this instance).
    pub fn put(&self, org: Option<Arc<Organisation>>) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), org));
    }
}
