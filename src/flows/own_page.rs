//! What the applicant's actions change: links, withdrawal, erasure; each in one
//! transaction with the mails it causes.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::{
    config::Settings,
    domain::{
        application::Status,
        email_address::EmailAddress,
        link::can_withdraw,
        own_page::{LINK_LIFETIME, NEW_LINK_PAUSE},
    },
    flows::{Context, Error, FlowResult},
    mail::messages::own_page as mails,
    mail::outbox::{self, Requester},
    storage::{self, own_page::Link},
    tokens,
};

/// A new own-page link: the token for the mail that carries it (only its
/// hash is stored) and when it expires.
pub struct NewLink {
    pub token: String,
    pub expires: DateTime<Utc>,
}

/// A fresh link to the own page, valid for `LINK_LIFETIME` from `now`.
pub async fn create_link(conn: &mut PgConnection, application_id: i64, now: DateTime<Utc>) -> sqlx::Result<NewLink> {
    let token = tokens::generate();
    let expires = now + LINK_LIFETIME;
    storage::own_page::create_link(conn, application_id, &tokens::hash(&token), now, expires).await?;
    Ok(NewLink { token, expires })
}

fn mail_domain(settings: &Settings) -> String {
    settings.base_url.host_str().unwrap_or("localhost").to_string()
}

/// Mails a new link for each application from `email`, unless one was sent a
/// moment ago.
pub async fn send_links(ctx: &Context, email: &EmailAddress, requester: Requester) -> FlowResult<()> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    let due = storage::own_page::due_for_new_link(&mut tx, &email.normalised(), now - NEW_LINK_PAUSE).await?;
    for d in &due {
        let NewLink { token, expires } = create_link(&mut tx, d.id, now).await?;
        let to = EmailAddress::parse(&d.email).map_err(|e| Error::Other(anyhow::anyhow!("stored address: {e}")))?;
        let mail = mails::link(&ctx.settings, to, &d.reference, &token, expires)?;
        outbox::queue_unproven(&mut tx, &ctx.key, &mail, &mail_domain(&ctx.settings), requester, now).await?;
    }
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    Ok(())
}

/// The link behind a token's hash, if any (expired ones too).
pub async fn link(ctx: &Context, hash: &[u8]) -> FlowResult<Option<Link>> {
    Ok(storage::own_page::link(&ctx.pool, hash).await?)
}

/// Everything stored about the application, as JSON by table; the download is audited.
pub async fn export(ctx: &Context, link: &Link) -> FlowResult<serde_json::Map<String, serde_json::Value>> {
    let data = storage::own_page::export(&ctx.pool, &ctx.key, link.application_id).await?;
    audit(ctx, "applicant_downloaded", Some(link.application_id)).await?;
    Ok(data)
}

/// What the own page shows about the application.
pub struct Facts {
    pub detail: storage::review::Detail,
    /// None once erased.
    pub health: Option<storage::review::Health>,
    pub booking: Option<storage::interviews::Booking>,
    pub consents: Vec<storage::consent::Agreed>,
    pub actions: Vec<storage::own_page::StaffAction>,
}

/// The own page's facts; `NotFound` when the application is gone.
pub async fn facts(ctx: &Context, link: &Link) -> FlowResult<Facts> {
    let detail = storage::review::detail(&ctx.pool, &link.reference).await?.ok_or(Error::NotFound)?;
    let health = storage::review::health(&ctx.pool, &ctx.key, detail.id).await?;
    let mut conn = ctx.pool.acquire().await?;
    let booking = storage::interviews::active_booking(&mut conn, &ctx.key, detail.id).await?;
    let consents = storage::consent::of_application(&mut conn, detail.id).await?;
    drop(conn);
    let actions = storage::own_page::staff_actions(&ctx.pool, detail.id).await?;
    Ok(Facts { detail, health, booking, consents, actions })
}

/// Health answers go at once; the application becomes `withdrawn` from every
/// status still in play (admitted too); a held seat is given back and passed
/// on as a declined offer's is, inside this transaction; the calendar feed is
/// closed; an interview booking is cancelled and its reminder withdrawn;
/// coordinators hear.
pub async fn withdraw(ctx: &Context, link: &Link) -> FlowResult<()> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    // The cohort first, then the application: the order an offer takes them in.
    let cohort = storage::cohorts::cohort_of_live_place(&mut tx, link.application_id).await?;
    if let Some(cohort_id) = cohort {
        storage::cohorts::lock_seats(&mut tx, cohort_id, now).await?;
    }
    let Some(storage::review::Locked { id, status: from }) = storage::review::lock(&mut tx, &link.reference).await?
    else {
        return Err(Error::NotFound);
    };
    if can_withdraw(from) {
        storage::review::set_status(
            &mut tx,
            &ctx.key,
            id,
            storage::review::StatusChange { from, to: Status::Withdrawn, reason: None, actor: None, now },
        )
        .await?;
    }
    release_place(&mut tx, ctx, id, now).await?;
    storage::own_page::erase_health(&mut tx, id, now).await?;
    record(&mut tx, "applicant_withdrew", Some(id), now).await?;
    tell_coordinators(&mut tx, ctx, |to| mails::withdrawn(&ctx.settings, to, &link.reference)).await?;
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    Ok(())
}

/// Whoever ends an application (the applicant withdrawing, staff rejecting or
/// marking it withdrawn): it leaves the waiting list, its places on modules
/// still to come are given back, a held seat is given back and passed on
/// inside this transaction, an interview booking is
/// cancelled with its reminder. The caller holds the cohort's lock first
/// (`cohorts::cohort_of_live_place` + `lock_seats`), then the application's.
pub async fn release_place(tx: &mut PgConnection, ctx: &Context, id: i64, now: DateTime<Utc>) -> FlowResult<()> {
    storage::cohorts::remove_from_waiting_list(tx, id).await?;
    storage::modules::release_upcoming(tx, id, crate::domain::local_time::to_local(now).naive_local()).await?;
    if let Some(cohort_id) = storage::cohorts::give_up_place(tx, id, now).await? {
        super::cohorts::pass_on_free_seats(tx, ctx, cohort_id, now).await?;
    }
    if let Some(booking) = storage::interviews::active_booking(tx, &ctx.key, id).await? {
        storage::interviews::cancel_booking(tx, booking.id, now).await?;
        if let Some(reminder) = booking.reminder_outbox_id {
            storage::outbox::withdraw(tx, reminder).await?;
        }
    }
    Ok(())
}

/// The application stops being kept for a later intake.
pub async fn stop_keeping(ctx: &Context, link: &Link) -> FlowResult<()> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    if storage::own_page::withdraw_keep_consent(&mut tx, link.application_id, now).await? {
        record(&mut tx, "applicant_withdrew_keep_consent", Some(link.application_id), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Everything goes now, as the retention purge would take it; coordinators
/// hear the reference, so they can clear papers kept outside optag.
pub async fn erase(ctx: &Context, link: &Link) -> FlowResult<()> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(storage::review::Locked { id, .. }) = storage::review::lock(&mut tx, &link.reference).await? else {
        return Err(Error::NotFound);
    };
    if let Some(booking) = storage::interviews::active_booking(&mut tx, &ctx.key, id).await?
        && let Some(reminder) = booking.reminder_outbox_id
    {
        storage::outbox::withdraw(&mut tx, reminder).await?;
    }
    storage::own_page::erase(&mut tx, id, now).await?;
    // The audit row keeps no link to the person: the application id is gone.
    record(&mut tx, "applicant_erased", None, now).await?;
    tell_coordinators(&mut tx, ctx, |to| mails::erased(to, &link.reference)).await?;
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    Ok(())
}

/// Queues `mail` to every active coordinator and admin.
async fn tell_coordinators(
    tx: &mut PgConnection,
    ctx: &Context,
    mail: impl Fn(EmailAddress) -> crate::mail::Rendered,
) -> FlowResult<()> {
    for address in storage::own_page::coordinator_addresses(tx).await? {
        let Ok(to) = EmailAddress::parse(&address) else { continue };
        outbox::queue(tx, &ctx.key, &mail(to)?, &mail_domain(&ctx.settings)).await?;
    }
    Ok(())
}

async fn record(
    conn: &mut PgConnection,
    action: &str,
    application_id: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    super::audit_applicant(conn, action, application_id, now).await
}

/// Writes an audit row for what the applicant did.
pub async fn audit(ctx: &Context, action: &str, application_id: Option<i64>) -> FlowResult<()> {
    let mut conn = ctx.pool.acquire().await?;
    record(&mut conn, action, application_id, ctx.clock.now()).await?;
    Ok(())
}
