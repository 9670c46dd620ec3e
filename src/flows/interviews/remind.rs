//! The overview's one-click reminder: everyone invited to interview who has
//! not booked gets a mail with a new booking link, at most once a day.
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::{
    domain::{actor::Actor, reminder::booking_reminder_due, staff::Permission},
    flows::{Context, FlowResult, require},
    mail::{
        messages::interviews::{self as mails, Who},
        outbox,
    },
    storage, tokens,
};

/// Reminds everyone invited and not booked whose link still works and who
/// was not reminded in the last 24 hours; returns how many were reminded.
/// Errors: `Forbidden` without `DecideApplications`.
pub async fn remind_unbooked(ctx: &Context, actor: &Actor) -> FlowResult<usize> {
    require(actor, Permission::DecideApplications)?;
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let due: Vec<_> = storage::interviews::unbooked_invitations(&mut tx, now)
        .await?
        .into_iter()
        .filter(|u| booking_reminder_due(u.reminded_at, now))
        .collect();
    let mut days: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
    for unbooked in &due {
        if let std::collections::hash_map::Entry::Vacant(entry) = days.entry(unbooked.intake_id) {
            let intake = storage::intakes::by_id(&ctx.pool, unbooked.intake_id).await?;
            entry.insert(intake.map(|i| i.interview_days).unwrap_or_default());
        }
        let token = tokens::generate();
        storage::interviews::renew_for_reminder(&mut tx, unbooked.application_id, &tokens::hash(&token), now).await?;
        let who = Who {
            to: unbooked.email.clone(),
            name: &unbooked.full_name,
            reference: &unbooked.reference,
            application_id: unbooked.application_id,
        };
        let intake_days = days.get(&unbooked.intake_id).map(Vec::as_slice).unwrap_or_default();
        let mail = mails::booking_nudge(&ctx.settings, who, &token, intake_days, unbooked.expires_at)?;
        outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    }
    tx.commit().await?;
    ctx.wake_mail();
    for unbooked in &due {
        crate::flows::audit(ctx, actor, "booking_reminded", Some(unbooked.application_id), serde_json::json!({}))
            .await?;
    }
    Ok(due.len())
}
