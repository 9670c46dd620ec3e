//! "Let me know about the next intake": a double opt-in subscription, its
//! confirmation and unsubscribe links, and the announcement to everyone subscribed.
use sqlx::PgConnection;

use crate::{
    domain::{email_address::EmailAddress, info_meeting::CONFIRM_WINDOW, interest::SubscriberStatus},
    flows::{Context, FlowResult},
    mail::{
        body::MailLink,
        messages::notify::{self as mails, Announcement},
        outbox::{self, Requester},
    },
    storage, tokens,
};

pub use crate::storage::interest::Confirmed;

/// What subscribing did; the person sees the same answer either way.
pub enum Subscribed {
    /// A confirmation link was mailed, or the address is subscribed already.
    Done,
    /// Our relay cannot carry mail to the address.
    Unreachable,
}

/// Starts (or restarts) a subscription awaiting confirmation and mails its
/// link, counted against `requester`; one transaction.
pub async fn subscribe(ctx: &Context, email: EmailAddress, requester: Requester) -> FlowResult<Subscribed> {
    if !ctx.mail_reach.reaches(&email).await {
        return Ok(Subscribed::Unreachable);
    }
    let now = ctx.now();
    let token = tokens::generate();
    let mut tx = ctx.pool.begin().await?;
    let hash = tokens::hash(&token);
    let fresh = storage::interest::subscribe_pending(
        &mut tx,
        email.as_str(),
        &email.normalised(),
        &hash,
        now + CONFIRM_WINDOW,
        now,
    )
    .await?;
    if fresh {
        let mail = mails::confirm(&ctx.settings, email, &token)?;
        outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Subscribed::Done)
}

/// The state of a confirmation link, without changing it.
pub async fn confirmation(ctx: &Context, hash: &[u8]) -> FlowResult<Confirmed> {
    Ok(storage::interest::subscription_link(&ctx.pool, hash, ctx.now()).await?)
}

/// Confirms the subscription behind a link (once; an old link does not undo
/// an unsubscription).
pub async fn confirm(ctx: &Context, hash: &[u8]) -> FlowResult<Confirmed> {
    Ok(storage::interest::confirm_subscription(&ctx.pool, hash, ctx.now()).await?)
}

/// The subscriber's status behind an unsubscribe link; `None` for an unknown link.
pub async fn unsubscribe_link(ctx: &Context, hash: &[u8]) -> FlowResult<Option<SubscriberStatus>> {
    Ok(storage::interest::unsubscribe_known(&ctx.pool, hash).await?)
}

/// Unsubscribes; false for an unknown link.
pub async fn unsubscribe(ctx: &Context, hash: &[u8]) -> FlowResult<bool> {
    Ok(storage::interest::unsubscribe(&ctx.pool, hash, ctx.now()).await?)
}

/// Mails everyone subscribed, each with an unsubscribe link of their own,
/// inside the caller's transaction; an address that no longer parses is
/// skipped. Returns how many are subscribed.
pub async fn announce(
    conn: &mut PgConnection,
    ctx: &Context,
    subject: &str,
    paragraph: String,
    link: MailLink,
) -> FlowResult<usize> {
    let subscribers = storage::interest::subscribers(conn).await?;
    let news = Announcement { subject, paragraph: &paragraph, link: &link };
    for subscriber in &subscribers {
        let Some(to) = subscriber.address() else { continue };
        let token = tokens::generate();
        storage::interest::add_unsubscribe_token(conn, &tokens::hash(&token), subscriber.id).await?;
        let mail = mails::announcement(&ctx.settings, to, &news, &token)?;
        outbox::queue(conn, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    Ok(subscribers.len())
}
