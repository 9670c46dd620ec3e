//! What staff do to a meeting: create and change it, check people in, export
//! the list, message everyone confirmed, invite, cancel. Each needs
//! `ManageIntakes` (the export `ExportApplications`) and leaves an audit row.
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        email_address::EmailAddress,
        info_meeting::{MeetingMessage, MeetingPlan, SignupStatus},
        staff::Permission,
    },
    flows::{Context, Error, FlowResult, audit, require},
    i18n::{Lang, dates, fill},
    mail::body::MailLink,
    mail::{
        Rendered,
        messages::meetings::{self as mails, To},
        outbox,
    },
    storage::{
        self,
        info_meetings::{NewMeeting, SignupRow},
    },
    tokens,
};

fn new_meeting(plan: &MeetingPlan, intake_id: i64) -> NewMeeting<'_> {
    NewMeeting {
        intake_id,
        starts_at: plan.starts_at,
        ends_at: plan.ends_at,
        place: &plan.place,
        directions: Some(plan.directions.as_str()).filter(|d| !d.is_empty()),
        capacity: plan.capacity,
    }
}

/// Stores a new meeting of intake `intake_id`, tells the "let me know" list
/// and writes the audit row; returns its id. Errors: `Forbidden`, `NotFound` (no such intake).
pub async fn create(ctx: &Context, actor: &Actor, intake_id: i64, plan: &MeetingPlan) -> FlowResult<i64> {
    require(actor, Permission::ManageIntakes)?;
    storage::intakes::by_id(&ctx.pool, intake_id).await?.ok_or(Error::NotFound)?;
    let meeting = storage::info_meetings::create(&ctx.pool, &new_meeting(plan, intake_id)).await?;
    announce(ctx, meeting).await?;
    audit(ctx, actor, "info_meeting_created", None, json!({ "meeting_id": meeting })).await?;
    Ok(meeting)
}

/// Tells everyone on the "let me know" list about meeting `id`, in one
/// transaction. Errors: `NotFound`.
async fn announce(ctx: &Context, id: i64) -> FlowResult<()> {
    let m = storage::info_meetings::page(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
    let t = Lang::MAIL.meeting();
    let text = fill(
        t.mail_meeting_news_body,
        &[&m.programme_name, &dates::long_span(Lang::MAIL, m.starts_at, m.ends_at), &m.place],
    );
    let link = MailLink {
        label: t.mail_meeting_news_link.into(),
        url: ctx.settings.absolute(&format!("/info-meetings/{id}")),
    };
    let mut tx = ctx.pool.begin().await?;
    crate::flows::notify::announce(&mut tx, ctx, t.mail_meeting_news_subject, text, link).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(())
}

/// Changes the meeting; if it moved in time or place (and is not cancelled)
/// everyone confirmed gets an updated calendar event. Errors: `Forbidden`, `NotFound`.
pub async fn update(ctx: &Context, actor: &Actor, id: i64, plan: &MeetingPlan) -> FlowResult<()> {
    require(actor, Permission::ManageIntakes)?;
    let before = storage::info_meetings::page(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
    storage::info_meetings::update(&ctx.pool, id, &new_meeting(plan, before.intake_id)).await?;
    let moved = before.starts_at != plan.starts_at || before.ends_at != plan.ends_at || before.place != plan.place;
    if moved && !before.cancelled {
        let m = storage::info_meetings::page(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
        let now = ctx.now();
        // `to_confirmed` offers the next sequence; the update has already raised it.
        to_confirmed(ctx, id, |to, next| mails::changed(&ctx.settings, to, &m, next - 1, now)).await?;
    }
    audit(ctx, actor, "info_meeting_changed", None, json!({ "meeting_id": id })).await
}

/// Checks a confirmed sign-up in, or back out. Errors: `Forbidden`,
/// `NotFound` (no confirmed sign-up `signup` of meeting `id`).
pub async fn check_in(ctx: &Context, actor: &Actor, id: i64, signup: i64) -> FlowResult<()> {
    require(actor, Permission::ManageIntakes)?;
    if !storage::info_meetings::check_in(&ctx.pool, id, signup, ctx.now()).await? {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// The sign-ups with their notes opened, for the CSV; the export is audited.
/// Errors: `Forbidden` (needs `ExportApplications`).
pub async fn export(ctx: &Context, actor: &Actor, id: i64) -> FlowResult<Vec<SignupRow>> {
    require(actor, Permission::ExportApplications)?;
    let list = storage::info_meetings::signups(&ctx.pool, &ctx.key, id).await?;
    audit(ctx, actor, "info_meeting_exported", None, json!({ "meeting_id": id, "rows": list.len() })).await?;
    Ok(list)
}

/// Mails everyone confirmed, in one transaction; returns how many. `make`
/// gets the recipient and the next calendar sequence. A stored address that
/// no longer parses is skipped.
async fn to_confirmed<F>(ctx: &Context, id: i64, make: F) -> FlowResult<usize>
where
    F: Fn(To<'_>, i32) -> Rendered,
{
    let list = storage::info_meetings::signups(&ctx.pool, &ctx.key, id).await?;
    let mut tx = ctx.pool.begin().await?;
    let mut count = 0;
    for r in list.iter().filter(|r| r.status == SignupStatus::Confirmed) {
        let Ok(address) = EmailAddress::parse(&r.email) else { continue };
        let mail = make(To { address, name: &r.name, signup_id: r.id }, r.calendar_sequence + 1)?;
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
        count += 1;
    }
    tx.commit().await?;
    ctx.wake_mail();
    Ok(count)
}

/// Mails `message` to everyone confirmed; returns how many. Errors: `Forbidden`.
pub async fn message(ctx: &Context, actor: &Actor, id: i64, message: &MeetingMessage) -> FlowResult<usize> {
    require(actor, Permission::ManageIntakes)?;
    let sent = to_confirmed(ctx, id, |to, _| mails::message(to, &message.subject, &message.body)).await?;
    audit(ctx, actor, "info_meeting_message", None, json!({ "meeting_id": id, "recipients": sent })).await?;
    Ok(sent)
}

/// Cancels the meeting: everyone confirmed gets a calendar cancellation and
/// their reminders are withdrawn. Cancelling twice does nothing. Errors:
/// `Forbidden`, `NotFound` (the meeting vanished meanwhile).
pub async fn cancel(ctx: &Context, actor: &Actor, id: i64) -> FlowResult<()> {
    require(actor, Permission::ManageIntakes)?;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let cancelled = storage::info_meetings::cancel_meeting(&mut tx, id, now).await?;
    tx.commit().await?;
    if !cancelled {
        return Ok(());
    }
    let m = storage::info_meetings::page(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
    let sent =
        to_confirmed(ctx, id, |to, sequence| mails::meeting_cancelled(&ctx.settings, to, &m, sequence, now)).await?;
    for r in storage::info_meetings::signups(&ctx.pool, &ctx.key, id).await? {
        if let Some(reminder) = r.reminder_outbox_id {
            let mut conn = ctx.pool.acquire().await?;
            outbox::withdraw(&mut conn, reminder).await?;
        }
    }
    audit(ctx, actor, "info_meeting_cancelled", None, json!({ "meeting_id": id, "recipients": sent })).await
}

/// Personal sign-up links to `addresses`, in one transaction: the link proves
/// the address, so no second confirmation. Returns how many went out.
/// Errors: `Forbidden`, `NotFound`.
pub async fn invite(ctx: &Context, actor: &Actor, id: i64, addresses: &[EmailAddress]) -> FlowResult<usize> {
    require(actor, Permission::ManageIntakes)?;
    let m = storage::info_meetings::page(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    for address in addresses {
        let token = tokens::generate();
        storage::interest::add_invitation(&mut tx, &tokens::hash(&token), id, address.as_str(), now).await?;
        let mail = mails::invitation(&ctx.settings, address.clone(), &m, &token)?;
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    let count = addresses.len();
    audit(ctx, actor, "info_meeting_invitations", None, json!({ "meeting_id": id, "count": count })).await?;
    Ok(count)
}
