//! Copies for helpers allowed `mail_copies`: queued in the transaction that
//! queues the applicant's mail about the interview or the offer. A copy says
//! what happened in one sentence and carries no link and no answers.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::{
    domain::email_address::EmailAddress, flows::Context, mail::messages::support as mails, mail::outbox, storage,
};

/// Queues a copy of `what` to each helper of application `application_id`
/// who may have copies, and records each as a use.
pub async fn queue(
    tx: &mut PgConnection,
    ctx: &Context,
    application_id: i64,
    what: &str,
    now: DateTime<Utc>,
) -> crate::flows::FlowResult<()> {
    for (grant_id, _name, address) in storage::support::copy_recipients(tx, application_id).await? {
        let Ok(to) = EmailAddress::parse(&address) else { continue };
        outbox::queue(tx, &ctx.key, &mails::copy(to, what)?, ctx.mail_domain()).await?;
        storage::support::record_use(tx, grant_id, Some(application_id), "mail_copy", now).await?;
    }
    Ok(())
}
