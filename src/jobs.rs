//! Scheduled work that runs in every instance; each job claims its work in
//! PostgreSQL so that it happens once however many instances run.
use std::{sync::Arc, time::Duration};

use chrono::{NaiveTime, Timelike};
use sqlx::PgPool;
use tokio::sync::{Notify, watch};

use crate::{
    clock::Clock,
    config::Settings,
    domain::{
        email_address::EmailAddress,
        local_time::{from_local, to_local},
        retention::{self, Cutoffs, Periods},
    },
    i18n::{Lang, dates, fill},
    mail::{
        body::{MailBody, MailLink},
        outbox,
    },
    storage,
};

/// The retention rules run this often in each instance (and by `optag purge`).
const PURGE_EVERY: Duration = Duration::from_secs(6 * 60 * 60);

/// Applies the retention rules and audits the counts (never who).
pub async fn purge(
    pool: &PgPool,
    periods: &Periods,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<storage::retention::Purged> {
    let mut purged = storage::retention::purge(pool, &Cutoffs::at(now, periods), now).await?;
    purged.participants = purge_participants(pool, periods, now).await?;
    purged.enrolments = storage::enrolments::purge_expired(pool, now).await?;
    let total = purged.applications
        + purged.enrolments
        + purged.participants
        + purged.drafts
        + purged.meeting_signups
        + purged.interest
        + purged.mails;
    if total > 0 {
        let event = storage::audit::Event {
            at: now,
            actor_id: None,
            action: "retention_purge",
            application_id: None,
            detail: serde_json::json!({
                "applications": purged.applications,
                "participants": purged.participants,
                "drafts": purged.drafts,
                "meeting_signups": purged.meeting_signups,
                "interest": purged.interest,
                "mails": purged.mails,
                "enrolments": purged.enrolments,
            }),
            request_id: None,
        };
        storage::audit::record_now(pool, &event).await?;
    }
    Ok(purged)
}

/// Participants of every cohort whose end (worked out from its plan) is far enough back.
async fn purge_participants(
    pool: &PgPool,
    periods: &Periods,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<u64> {
    let mut gone = 0;
    let started_by = retention::participant_candidates_started_by(now, periods);
    for id in storage::retention::cohorts_started_by(pool, started_by).await? {
        let Some(cohort) = storage::cohorts::get(pool, id).await? else { continue };
        if cohort.ends().is_some_and(|ends| now >= retention::participants_due(ends, periods)) {
            gone += storage::retention::purge_participants(pool, id, now).await?;
        }
    }
    Ok(gone)
}

/// Panel reminders go out from this local hour on the day before.
const PANEL_REMINDER_HOUR: u32 = 16;

pub struct Jobs {
    pub pool: PgPool,
    /// Seals the mails the jobs queue.
    pub key: Arc<crate::sealing::FieldKey>,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    pub mail_wake: Arc<Notify>,
    pub every: Duration,
}

impl Jobs {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut last_purge: Option<std::time::Instant> = None;
        loop {
            if let Err(err) = self.panel_reminders().await {
                tracing::warn!(error = %err, "jobs: panel reminders failed; will try again");
            }
            if last_purge.is_none_or(|t| t.elapsed() >= PURGE_EVERY) {
                match purge(&self.pool, &self.settings.retention, self.clock.now()).await {
                    Ok(p) => tracing::info!(
                        applications = p.applications,
                        participants = p.participants,
                        drafts = p.drafts,
                        signups = p.meeting_signups,
                        "retention purge"
                    ),
                    Err(err) => tracing::warn!(error = %err, "jobs: retention purge failed; will try again"),
                }
                last_purge = Some(std::time::Instant::now());
            }
            tokio::select! {
                _ = tokio::time::sleep(self.every) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    /// From 16:00 the day before, each panel member gets their list for tomorrow.
    pub async fn panel_reminders(&self) -> anyhow::Result<usize> {
        let now = self.clock.now();
        let local = to_local(now);
        if local.hour() < PANEL_REMINDER_HOUR {
            return Ok(0);
        }
        let Some(tomorrow) = local.date_naive().succ_opt() else { return Ok(0) };
        let from = from_local(tomorrow.and_time(NaiveTime::MIN));
        let to = from_local(tomorrow.succ_opt().unwrap_or(tomorrow).and_time(NaiveTime::MIN));
        let mut tx = self.pool.begin().await?;
        let members = storage::interviews::claim_panel_reminders(&mut tx, tomorrow, from, to, now).await?;
        let domain = self.settings.base_url.host_str().unwrap_or("localhost").to_string();
        let s = Lang::MAIL.admin();
        for member in &members {
            let (name, list) = (&member.name, &member.interviews);
            let Ok(to_address) = EmailAddress::parse(&member.email) else { continue };
            let intake = list.first().map(|i| i.intake_id).unwrap_or_default();
            let lines = list
                .iter()
                .map(|i| format!("{} – {}", dates::clock(Lang::MAIL, to_local(i.starts_at).time()), i.reference))
                .collect();
            let mail = MailBody {
                greeting: fill(Lang::MAIL.apply().mail_hello, &[name]),
                paragraphs: vec![fill(s.mail_panel_body, &[&dates::long_date(Lang::MAIL, tomorrow)])],
                link: Some(MailLink {
                    label: s.mail_panel_link.to_string(),
                    url: self.settings.absolute(&format!("/admin/intakes/{intake}/days/{tomorrow}")),
                }),
                list_title: s.slots_title.to_string(),
                list: lines,
                ..MailBody::default()
            }
            .into_email(to_address, s.mail_panel_subject.to_string(), Vec::new())?;
            outbox::queue(&mut tx, &self.key, &mail, &domain).await?;
        }
        tx.commit().await?;
        if !members.is_empty() {
            self.mail_wake.notify_one();
        }
        Ok(members.len())
    }
}
