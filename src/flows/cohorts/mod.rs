//! Offering a seat, answering an offer, and the waiting list; each in one
//! transaction with its e-mail. The cohort row lock plus the unique live-seat
//! index keep a cohort from ever holding more than its capacity. The links
//! the applicant opens, a coordinator's work on a cohort and placements have
//! modules of their own.
pub mod links;
pub mod manage;
pub mod placements;
pub mod visits;

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgConnection;

use crate::{
    domain::actor::Actor,
    domain::{
        application::Status,
        cohort::{Cohort, OfferStatus, can_be_offered},
        email_address::EmailAddress,
        offer_kind::OfferKind,
    },
    flows::{Context, Error, FlowResult},
    mail::messages::{cohorts as mails, jobs},
    mail::outbox,
    storage::{self, cohorts::NewOffer, review},
    tokens,
};

/// What became of an offer of a seat.
pub enum Offered {
    Done,
    /// Every seat (every position of a job) is offered or taken.
    Full(OfferKind),
    WrongStatus(Status),
    NotFound,
}

fn address(text: &str) -> FlowResult<EmailAddress> {
    EmailAddress::parse(text).map_err(|_| Error::stored("address"))
}

/// Offers the application `reference` the lowest free seat of the cohort,
/// mailing the offer link in the same transaction; audited. `Full` when no
/// seat is free, `WrongStatus` unless `domain::cohort::can_be_offered`.
pub async fn offer(ctx: &Context, actor: &Actor, reference: &str, cohort_id: i64) -> FlowResult<Offered> {
    offer_as(ctx, actor, reference, cohort_id).await
}

/// Offers a seat on behalf of a staff member.
async fn offer_as(ctx: &Context, actor: &Actor, reference: &str, cohort_id: i64) -> FlowResult<Offered> {
    let now = ctx.clock.now();
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(Offered::NotFound) };
    let mut tx = ctx.pool.begin().await?;
    let Some(seats) = storage::cohorts::lock_seats(&mut tx, cohort_id, now).await? else {
        return Ok(Offered::NotFound);
    };
    let Some(review::Locked { id: application_id, status }) = review::lock(&mut tx, reference).await? else {
        return Ok(Offered::NotFound);
    };
    if !can_be_offered(status) {
        return Ok(Offered::WrongStatus(status));
    }
    let Some(seat) = seats.free().next() else {
        return Ok(Offered::Full(OfferKind::of(cohort.programme.structure)));
    };
    let to = Place { application_id, reference, status, seat };
    offer_in(&mut tx, ctx, actor.user_id(), &cohort, &to, now).await?;
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    super::audit(ctx, actor, "offered", Some(application_id), json!({ "cohort_id": cohort_id, "seat": seat })).await?;
    Ok(Offered::Done)
}

/// Who gets which seat.
struct Place<'a> {
    application_id: i64,
    reference: &'a str,
    status: Status,
    seat: i32,
}

/// Writes the offer, the status change and the offer mail inside `tx`; the
/// caller holds the cohort's lock and chose a free seat.
async fn offer_in(
    tx: &mut PgConnection,
    ctx: &Context,
    actor: Option<i64>,
    cohort: &Cohort,
    to: &Place<'_>,
    now: DateTime<Utc>,
) -> FlowResult<()> {
    let token = tokens::generate();
    let answer_by = crate::domain::cohort::answer_by(now);
    let new = NewOffer {
        cohort_id: cohort.id,
        application_id: to.application_id,
        seat: to.seat,
        token_hash: &tokens::hash(&token),
        now,
        answer_by,
    };
    storage::cohorts::insert_offer(tx, &new).await?;
    let change = review::StatusChange { from: to.status, to: Status::Offered, reason: None, actor, now };
    review::set_status(tx, &ctx.key, to.application_id, change).await?;
    storage::cohorts::remove_from_waiting_list(tx, to.application_id).await?;
    let detail = review::detail_in(tx, to.reference).await?.ok_or(Error::NotFound)?;
    let address = address(&detail.email)?;
    let mail = mails::offer(&ctx.settings, address, &detail.full_name, to.reference, cohort, &token, answer_by)?;
    outbox::queue(tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    crate::flows::support::copies::queue(
        tx,
        ctx,
        to.application_id,
        crate::flows::support::copies::About::Offered,
        now,
    )
    .await?;
    Ok(())
}

/// What the applicant's answer to an offer did, and what the offer was.
pub enum Answered {
    Accepted(OfferKind),
    Declined(OfferKind),
    /// The offer was answered before.
    Earlier,
    Lapsed,
}

/// Accepts (mailing the first day and a feed link) or declines (passing free
/// seats on) the offer behind `token_hash`, under the cohort's lock; none for
/// an unknown link.
pub async fn answer(ctx: &Context, token_hash: &[u8], accept: bool) -> FlowResult<Option<Answered>> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(found) = storage::cohorts::offer_by_token(&mut tx, token_hash).await? else { return Ok(None) };
    storage::cohorts::lock_seats(&mut tx, found.cohort_id, now).await?;
    let offer = storage::cohorts::offer_by_token(&mut tx, token_hash).await?.unwrap_or(found);
    match offer.status {
        OfferStatus::Offered => {}
        OfferStatus::Expired => return Ok(Some(Answered::Lapsed)),
        _ => return Ok(Some(Answered::Earlier)),
    }
    storage::cohorts::answer(&mut tx, offer.id, accept, now).await?;
    let to = if accept { Status::Admitted } else { Status::Declined };
    let reason = Some("answered by the applicant");
    let change = review::StatusChange { from: Status::Offered, to, reason, actor: None, now };
    review::set_status(&mut tx, &ctx.key, offer.application_id, change).await?;
    let action = if accept { "applicant_accepted" } else { "applicant_declined" };
    super::audit_applicant(&mut tx, action, Some(offer.application_id), now).await?;
    let cohort = storage::cohorts::get(&ctx.pool, offer.cohort_id).await?;
    let kind = cohort.as_ref().map_or(OfferKind::Place, |c| OfferKind::of(c.programme.structure));
    if accept && let Some(cohort) = cohort {
        let (to, name) = (address(&offer.email)?, &offer.full_name);
        // A job has no schedule to subscribe to.
        let mail = if kind.is_job() {
            jobs::accepted(to, name, &cohort)?
        } else {
            let feed = tokens::generate();
            storage::cohorts::set_feed_token(&mut tx, offer.id, &tokens::hash(&feed)).await?;
            let feed_url = ctx.settings.absolute(&format!("/feeds/{feed}"));
            let modules_url =
                crate::flows::modules::welcome_link(&mut tx, ctx, &cohort, offer.application_id, now).await?;
            mails::accepted(to, name, &cohort, &feed_url, modules_url.as_deref())?
        };
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    if !accept {
        pass_on_free_seats(&mut tx, ctx, offer.cohort_id, now).await?;
    }
    tell_staff(&mut tx, ctx, &offer.reference, accept).await?;
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    Ok(Some(if accept { Answered::Accepted(kind) } else { Answered::Declined(kind) }))
}

/// Tells every active coordinator and admin that `reference` answered its
/// offer, in the answer's transaction (the school's choice: the people who
/// decide, not the organisation's public address).
async fn tell_staff(tx: &mut PgConnection, ctx: &Context, reference: &str, accepted: bool) -> FlowResult<()> {
    for address in storage::own_page::coordinator_addresses(tx).await? {
        let Ok(to) = EmailAddress::parse(&address) else { continue };
        let mail = mails::answered_to_staff(&ctx.settings, to, reference, accepted)?;
        outbox::queue(tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    Ok(())
}

/// Where the intake passes freed places on by itself, offers every free seat
/// of the cohort to the next on the waiting list, in order. Runs inside the
/// transaction that freed a seat, under the cohort's row lock, so seats freed
/// at the same moment (on any instance) are each passed on exactly once.
pub async fn pass_on_free_seats(
    tx: &mut PgConnection,
    ctx: &Context,
    cohort_id: i64,
    now: DateTime<Utc>,
) -> FlowResult<()> {
    let Some(seats) = storage::cohorts::lock_seats(tx, cohort_id, now).await? else { return Ok(()) };
    let free: Vec<i32> = seats.free().collect();
    if free.is_empty() {
        return Ok(());
    }
    let waiting = storage::cohorts::waiting_for_auto_offer(tx, cohort_id, free.len() as i64).await?;
    if waiting.is_empty() {
        return Ok(());
    }
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(()) };
    for (next, seat) in waiting.iter().zip(free) {
        let application_id = next.application_id;
        let to = Place { application_id, reference: &next.reference, status: Status::Waitlisted, seat };
        offer_in(tx, ctx, None, &cohort, &to, now).await?;
        let event = storage::audit::Event {
            at: now,
            actor_id: None,
            action: "offered_automatically",
            application_id: Some(application_id),
            detail: json!({ "cohort_id": cohort_id, "seat": seat }),
            request_id: None,
        };
        storage::audit::record(tx, &event).await?;
    }
    Ok(())
}

/// What putting an application on the waiting list did.
pub enum Waitlisted {
    Done,
    WrongStatus(Status),
    NotFound,
}

/// Puts the application last on its intake's waiting list (mailing its
/// position when it was not waitlisted before); audited. `WrongStatus` when
/// its status cannot become `waitlisted`.
pub async fn waitlist(ctx: &Context, actor: &Actor, reference: &str) -> FlowResult<Waitlisted> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(review::Locked { id, status }) = review::lock(&mut tx, reference).await? else {
        return Ok(Waitlisted::NotFound);
    };
    if status != Status::Waitlisted && !status.can_become(Status::Waitlisted) {
        return Ok(Waitlisted::WrongStatus(status));
    }
    if status != Status::Waitlisted {
        review::set_status(
            &mut tx,
            &ctx.key,
            id,
            review::StatusChange { from: status, to: Status::Waitlisted, reason: None, actor: actor.user_id(), now },
        )
        .await?;
    }
    let detail = review::detail_in(&mut tx, reference).await?.ok_or(Error::NotFound)?;
    let position = storage::cohorts::add_to_waiting_list(&mut tx, detail.intake_id, id, now).await?;
    if status != Status::Waitlisted {
        let intake = storage::intakes::by_id(&ctx.pool, detail.intake_id).await?;
        let job = intake.is_some_and(|i| OfferKind::of(i.programme.structure).is_job());
        let waitlisted = if job { jobs::waitlisted } else { mails::waitlisted };
        let mail = waitlisted(address(&detail.email)?, &detail.full_name, reference, position)?;
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    super::audit(ctx, actor, "waitlisted", Some(id), serde_json::json!({ "position": position })).await?;
    Ok(Waitlisted::Done)
}

/// Sends the letter to every rejected applicant of the intake not yet told;
/// returns how many. Rejections are never mailed before this.
pub async fn release_rejections(ctx: &Context, actor: &Actor, intake_id: i64) -> FlowResult<usize> {
    let now = ctx.clock.now();
    let mut tx = ctx.pool.begin().await?;
    let waiting = storage::cohorts::unreleased_rejections(&mut tx, intake_id).await?;
    let intake = storage::intakes::by_id(&ctx.pool, intake_id).await?;
    let job = intake.is_some_and(|i| OfferKind::of(i.programme.structure).is_job());
    let rejected = if job { jobs::rejected } else { mails::rejected };
    for r in &waiting {
        let mail = rejected(&ctx.settings, address(&r.email)?, &r.full_name, &r.reference)?;
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
        storage::cohorts::mark_released(&mut tx, r.id, now).await?;
    }
    tx.commit().await?;
    ctx.mail_wake.notify_one();
    super::audit(
        ctx,
        actor,
        "decisions_released",
        None,
        serde_json::json!({ "intake_id": intake_id, "letters": waiting.len() }),
    )
    .await?;
    Ok(waiting.len())
}
