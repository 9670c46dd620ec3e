//! Delivers the outbox: claims due rows, sends them, retries with back-off.
use std::{sync::Arc, time::Duration};

use chrono::Utc;
use futures_util::{StreamExt, stream::FuturesUnordered};
use lettre::message::Mailbox;
use sqlx::PgPool;
use tokio::sync::{Notify, watch};

use super::{
    message,
    transport::{CONCURRENCY, Transport},
};
use crate::{config::OutboxPacing, storage::outbox};

/// Rows claimed at once; sent `CONCURRENCY` at a time and marked in one
/// statement when the batch is through.
const BATCH: i64 = 200;
/// A row still `sending` after this long belongs to an instance that died
/// (a batch takes seconds; lettre gives up on a silent relay within minutes).
const INTERRUPTED_AFTER: chrono::Duration = chrono::Duration::minutes(15);

/// What became of one row.
enum Outcome {
    Sent,
    Failed(String),
    Retry(chrono::DateTime<Utc>, String),
}

pub struct Worker {
    pub pool: PgPool,
    /// Opens the sealed bodies.
    pub key: Arc<crate::sealing::FieldKey>,
    pub transport: Transport,
    pub from: Mailbox,
    /// The line every mail ends with: where to read about one's data.
    pub footer: message::Footer,
    /// The school's name and contact, read as each mail is sent.
    pub organisation: Arc<crate::storage::organisation::Cached>,
    pub pacing: OutboxPacing,
    /// Rung after a commit that queued mail, so it leaves at once.
    pub wake: Arc<Notify>,
}

impl Worker {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if *shutdown.borrow() {
                return;
            }
            let busy = match self.deliver_due().await {
                Ok(count) => count > 0,
                Err(err) => {
                    tracing::warn!(error = %err, "outbox: could not read due mail");
                    false
                }
            };
            if busy {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(self.pacing.poll_every) => {}
                _ = self.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
    }

    /// Sends what is due now; returns how many rows it handled.
    pub async fn deliver_due(&self) -> sqlx::Result<usize> {
        let now = Utc::now();
        let (requeued, failed) =
            outbox::requeue_interrupted(&self.pool, now - INTERRUPTED_AFTER, self.pacing.max_attempts).await?;
        if requeued > 0 {
            tracing::warn!(rows = requeued, "outbox: mail interrupted mid-delivery queued again");
        }
        if failed > 0 {
            tracing::error!(rows = failed, "outbox: mail interrupted too often marked failed");
        }
        let rows = outbox::claim_due(&self.pool, &self.key, now, BATCH).await?;
        // At most CONCURRENCY sends in flight; a loop rather than
        // `buffer_unordered` over a closure, which rustc cannot yet prove Send
        // for a spawned task (rust-lang/rust#64552).
        let mut waiting = rows.iter();
        let mut running = FuturesUnordered::new();
        let mut outcomes: Vec<(i64, Outcome)> = Vec::with_capacity(rows.len());
        for row in waiting.by_ref().take(CONCURRENCY) {
            running.push(self.attempt(row));
        }
        while let Some(done) = running.next().await {
            outcomes.push(done);
            if let Some(row) = waiting.next() {
                running.push(self.attempt(row));
            }
        }
        let sent: Vec<i64> = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Sent)).map(|(id, _)| *id).collect();
        outbox::mark_sent_many(&self.pool, &sent, Utc::now()).await?;
        for (id, outcome) in outcomes {
            match outcome {
                Outcome::Sent => {}
                Outcome::Failed(error) => outbox::mark_failed(&self.pool, id, &error).await?,
                Outcome::Retry(at, error) => outbox::retry_at(&self.pool, id, at, &error).await?,
            }
        }
        if !sent.is_empty() {
            tracing::info!(mails = sent.len(), "outbox: mail sent");
        }
        Ok(rows.len())
    }

    async fn attempt(&self, row: &outbox::OutboxRow) -> (i64, Outcome) {
        (row.id, self.outcome(row).await)
    }

    async fn outcome(&self, row: &outbox::OutboxRow) -> Outcome {
        let organisation = self.organisation.get(&self.pool).await;
        let message = match message::build(row, &self.from, &self.footer, organisation.as_deref()) {
            Ok(message) => message,
            Err(err) => {
                tracing::error!(outbox_id = row.id, error = %err, "outbox: message cannot be built; giving up");
                return Outcome::Failed(err.to_string());
            }
        };
        match self.transport.send(message, &row.body_text).await {
            Ok(()) => Outcome::Sent,
            Err(err) if err.permanent || row.attempts >= self.pacing.max_attempts => {
                tracing::error!(outbox_id = row.id, attempts = row.attempts, permanent = err.permanent, error = %err.message, "outbox: giving up on mail");
                Outcome::Failed(err.message)
            }
            Err(err) => {
                let delay = retry_delay(&self.pacing, row.attempts);
                tracing::warn!(outbox_id = row.id, attempts = row.attempts, retry_in_s = delay.as_secs_f32(), error = %err.message, "outbox: send failed; will retry");
                let at = Utc::now() + chrono::Duration::from_std(delay).unwrap_or(INTERRUPTED_AFTER);
                Outcome::Retry(at, err.message)
            }
        }
    }
}

/// Doubles from the first delay with each failed attempt, up to the cap.
pub fn retry_delay(pacing: &OutboxPacing, attempts: i32) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 20) as u32;
    pacing.first_retry_after.saturating_mul(1 << doublings).min(pacing.max_retry_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_stop_growing_at_the_cap() {
        let pacing = OutboxPacing::default();
        let secs: Vec<u64> = (1..=12).map(|a| retry_delay(&pacing, a).as_secs()).collect();
        assert_eq!(&secs[..5], &[5, 10, 20, 40, 80]);
        assert_eq!(secs[11], 30 * 60);
        assert!(secs.windows(2).all(|w| w[0] <= w[1]));
    }
}
