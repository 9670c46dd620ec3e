//! What every use case may reach: the database, the clock, the sealing key,
//! the outbox's wake-up, settings and the school's contact. Cheap to clone.
use std::{collections::HashMap, sync::Arc, sync::RwLock};

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::{clock::Clock, config::Settings, mail::reach::MailReach, sealing::FieldKey, storage::organisation};

#[derive(Clone)]
pub struct Context {
    pub pool: sqlx::PgPool,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    /// Wakes the outbox worker after a commit that queued mail.
    pub mail_wake: Arc<Notify>,
    /// Seals and opens the special-category fields.
    pub key: Arc<FieldKey>,
    /// Ids of the consent texts, once known to be stored.
    pub consent_ids: Arc<ConsentIds>,
    /// Whether the relay carries mail to a given address (SMTPUTF8).
    pub mail_reach: Arc<MailReach>,
    /// The school's name and contact, shown on every page and in every mail.
    pub organisation: Arc<organisation::Cached>,
}

impl Context {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The host of `base_url`, the right-hand side of our Message-IDs and iCalendar UIDs.
    pub fn mail_domain(&self) -> &str {
        self.settings.base_url.host_str().unwrap_or("localhost")
    }

    /// Tells the outbox worker that a commit queued mail.
    pub fn wake_mail(&self) {
        self.mail_wake.notify_one();
    }
}

/// The ids of the consent texts, kept once they are known to be committed
/// (start-up stores them), which saves a query per submit. Keyed by purpose and language code.
#[derive(Debug, Default)]
pub struct ConsentIds(pub RwLock<HashMap<(&'static str, &'static str), i64>>);
