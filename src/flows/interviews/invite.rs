//! Inviting an applicant to interview: status `invited`, a new personal
//! booking link, and the mail carrying it, in one transaction.
use chrono::{Duration, NaiveTime};

use crate::{
    domain::{
        actor::Actor, application::Status, email_address::EmailAddress, local_time::from_local, staff::Permission,
    },
    flows::{Context, Error, FlowResult, require},
    mail::{
        messages::interviews::{self as mails, Who},
        outbox,
    },
    storage::{self, review},
    tokens,
};

pub enum Invited {
    Done,
    NotFound,
    /// Only `submitted` and `invited` applications can be (re-)invited.
    WrongStatus(Status),
}

/// Invites one application (again: a new link replaces the old one).
/// Errors: `Forbidden` without `DecideApplications`.
pub async fn invite(ctx: &Context, actor: &Actor, reference: &str) -> FlowResult<Invited> {
    require(actor, Permission::DecideApplications)?;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(review::Locked { id, status }) = review::lock(&mut tx, reference).await? else {
        return Ok(Invited::NotFound);
    };
    if !matches!(status, Status::Submitted | Status::Invited) {
        return Ok(Invited::WrongStatus(status));
    }
    if status == Status::Submitted {
        let change =
            review::StatusChange { from: status, to: Status::Invited, reason: None, actor: actor.user_id(), now };
        review::set_status(&mut tx, &ctx.key, id, change).await?;
    }
    let detail =
        review::detail_in(&mut tx, reference).await?.ok_or_else(|| Error::Other(anyhow::anyhow!("vanished")))?;
    let intake = storage::intakes::by_id(&ctx.pool, detail.intake_id).await?.ok_or(Error::NotFound)?;
    // The link lives until the end of the last interview day (or 30 days without days).
    let expires = intake
        .interview_days
        .iter()
        .max()
        .map(|d| from_local(d.and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default())))
        .filter(|e| *e > now)
        .unwrap_or(now + Duration::days(30));
    let token = tokens::generate();
    storage::interviews::set_invitation(&mut tx, id, &tokens::hash(&token), now, expires).await?;
    let to = EmailAddress::parse(&detail.email).map_err(|_| Error::stored("address"))?;
    let who = Who { to, name: &detail.full_name, reference, application_id: id };
    let mail = mails::invitation(&ctx.settings, who, &token, &intake.interview_days, &intake.programme.place)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    crate::flows::support::copies::queue(&mut tx, ctx, id, crate::flows::support::copies::About::Invited, now).await?;
    tx.commit().await?;
    ctx.wake_mail();
    crate::flows::audit(ctx, actor, "invited", Some(id), serde_json::json!({})).await?;
    Ok(Invited::Done)
}

/// What became of inviting several at once.
#[derive(Debug, PartialEq)]
pub enum InvitedMany {
    /// How many were invited.
    Done(usize),
    /// Nobody was invited: fewer free interview times than people needing one,
    /// and the coordinator has not said to go on anyway.
    TooFewSlots { need: usize, free: usize },
}

/// Invites every chosen application that can be invited (at most 200); the
/// others are left as they are. Unless `anyway`, first checks there is a free
/// interview time for each. Errors: `Forbidden` without `DecideApplications`.
pub async fn invite_all(ctx: &Context, actor: &Actor, references: &[String], anyway: bool) -> FlowResult<InvitedMany> {
    require(actor, Permission::DecideApplications)?;
    let references = &references[..references.len().min(200)];
    let room = storage::interviews::room_for(&ctx.pool, references, ctx.now()).await?;
    let (need, free) = (room.need as usize, room.free as usize);
    if !anyway && free < need {
        return Ok(InvitedMany::TooFewSlots { need, free });
    }
    let mut invited = 0;
    for reference in references {
        if matches!(invite(ctx, actor, reference).await?, Invited::Done) {
            invited += 1;
        }
    }
    Ok(InvitedMany::Done(invited))
}
