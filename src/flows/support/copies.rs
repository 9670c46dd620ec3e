//! Copies for helpers allowed `mail_copies`: queued in the transaction that
//! queues the applicant's mail about the interview or the offer. A copy says
//! what happened in one sentence (a time and place at most) and carries no
//! link and no answers, so it can never be used to book, accept or decline.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::{
    domain::email_address::EmailAddress,
    flows::{Context, FlowResult},
    i18n::{Lang, dates, fill},
    mail::{messages::support as mails, outbox},
    storage::{self, interviews::Slot},
};

/// What the applicant's mail was about.
pub enum About<'a> {
    /// Invited to book an interview.
    Invited,
    /// An interview time booked.
    Booked(&'a Slot),
    /// A place offered.
    Offered,
}

fn sentence(about: &About<'_>) -> String {
    let (lang, s) = (Lang::MAIL, Lang::MAIL.support());
    match about {
        About::Invited => s.copy_invited.to_string(),
        About::Booked(slot) => {
            fill(s.copy_booked, &[&dates::long_span(lang, slot.starts_at, slot.ends_at), &slot.place])
        }
        About::Offered => s.copy_offered.to_string(),
    }
}

/// Queues a copy to each helper of application `application_id` who may
/// have copies, and records each as a use.
pub async fn queue(
    tx: &mut PgConnection,
    ctx: &Context,
    application_id: i64,
    about: About<'_>,
    now: DateTime<Utc>,
) -> FlowResult<()> {
    let what = sentence(&about);
    for (grant_id, _name, address) in storage::support::copy_recipients(tx, application_id).await? {
        let Ok(to) = EmailAddress::parse(&address) else { continue };
        outbox::queue(tx, &ctx.key, &mails::copy(to, &what)?, ctx.mail_domain()).await?;
        storage::support::record_use(tx, grant_id, Some(application_id), "mail_copy", now).await?;
    }
    Ok(())
}
