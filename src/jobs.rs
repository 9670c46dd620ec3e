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
    },
    i18n::{Lang, dates, fill},
    mail::{
        body::{MailBody, MailLink},
        outbox,
    },
    storage,
};

/// Panel reminders go out from this local hour on the day before.
const PANEL_REMINDER_HOUR: u32 = 16;

pub struct Jobs {
    pub pool: PgPool,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    pub mail_wake: Arc<Notify>,
    pub every: Duration,
}

impl Jobs {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if let Err(err) = self.panel_reminders().await {
                tracing::warn!(error = %err, "jobs: panel reminders failed; will try again");
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
        let s = Lang::Da.admin();
        for (_, email, name, list) in &members {
            let Ok(to_address) = EmailAddress::parse(email) else { continue };
            let intake = list.first().map(|(i, _, _)| *i).unwrap_or_default();
            let lines = list
                .iter()
                .map(|(_, at, reference)| format!("{} – {reference}", dates::clock(Lang::Da, to_local(*at).time())))
                .collect();
            let mail = MailBody {
                greeting: fill(Lang::Da.apply().mail_hello, &[name]),
                paragraphs: vec![fill(s.mail_panel_body, &[&dates::long_date(Lang::Da, tomorrow)])],
                link: Some(MailLink {
                    label: s.mail_panel_link.to_string(),
                    url: self.settings.absolute(&format!("/admin/intakes/{intake}/days/{tomorrow}")),
                }),
                list_title: s.slots_title.to_string(),
                list: lines,
                ..MailBody::default()
            }
            .into_email(to_address, s.mail_panel_subject.to_string(), Vec::new())?;
            outbox::queue(&mut tx, &mail, &domain).await?;
        }
        tx.commit().await?;
        if !members.is_empty() {
            self.mail_wake.notify_one();
        }
        Ok(members.len())
    }
}
