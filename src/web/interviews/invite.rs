//! Inviting an applicant to interview: status `invited`, a new personal
//! booking link, and the mail carrying it, in one transaction.
use chrono::{Duration, NaiveTime};

use super::mails::{self, Who};
use crate::{
    domain::{application::Status, email_address::EmailAddress, local_time::from_local},
    mail::outbox,
    storage::{self, review},
    tokens,
    web::{AppState, admin::Staff, error::AppError},
};

pub enum Invited {
    Done,
    NotFound,
    /// Only `submitted` and `invited` applications can be (re-)invited.
    WrongStatus(Status),
}

pub async fn invite(state: &AppState, staff: &Staff, reference: &str) -> Result<Invited, AppError> {
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(review::Locked { id, status }) = review::lock(&mut tx, reference).await? else {
        return Ok(Invited::NotFound);
    };
    if !matches!(status, Status::Submitted | Status::Invited) {
        return Ok(Invited::WrongStatus(status));
    }
    if status == Status::Submitted {
        review::set_status(
            &mut tx,
            &state.key,
            id,
            review::StatusChange { from: status, to: Status::Invited, reason: None, actor: Some(staff.user_id), now },
        )
        .await?;
    }
    let detail = storage::review::detail_in(&mut tx, reference)
        .await?
        .ok_or_else(|| AppError::Other(anyhow::anyhow!("vanished")))?;
    let intake = storage::intakes::by_id(&state.pool, detail.intake_id).await?.ok_or(AppError::NotFound)?;
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
    let to = EmailAddress::parse(&detail.email)
        .map_err(|_| AppError::Other(anyhow::anyhow!("stored address unreadable")))?;
    let who = Who { to, name: &detail.full_name, reference, application_id: id };
    let mail = mails::invitation(&state.settings, who, &token, &intake.interview_days, &intake.programme.place)?;
    outbox::queue(&mut tx, &state.key, &mail, state.settings.base_url.host_str().unwrap_or("localhost")).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    staff.audit(state, "invited", Some(id), serde_json::json!({})).await?;
    Ok(Invited::Done)
}
