//! Closing a criterion the pre-check left `to verify`: a coordinator's
//! verdict (for `residence`: the home municipality approved and pays), with
//! who, when and a note, all sealed but who and when.
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        eligibility::verification::{self, settle},
        staff::Permission,
    },
    flows::{Context, Error, FlowResult, audit, require},
    storage::{self, review::Detail},
};

const NOTE_MAX: usize = 2000;

/// A verdict as sent: the criterion, the outcome's key and the note (trimmed).
pub struct Verdict<'a> {
    pub criterion: &'a str,
    pub outcome: &'a str,
    pub note: &'a str,
}

/// What is wrong with a verdict that was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The outcome is not a verdict's key.
    Outcome,
    /// The note is longer than 2000 characters.
    NoteTooLong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    Done,
    /// The criterion is not open (any more): closed meanwhile, or never to verify.
    Conflict,
    Invalid(Problem),
}

/// Records `verdict` on `application` in one transaction that locks the
/// application, checks the criterion is still open (else `Conflict`), then
/// the verdict itself (else `Invalid`), stores it sealed and the new summary
/// and count of open criteria; audits `eligibility_verified` with the
/// verification's id after the commit. `Forbidden` without
/// `DecideApplications`; `NotFound` if the application is gone.
pub async fn verify(ctx: &Context, actor: &Actor, application: &Detail, verdict: &Verdict<'_>) -> FlowResult<Verified> {
    require(actor, Permission::DecideApplications)?;
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let id = application.id;
    let health = storage::review::health(&ctx.pool, &ctx.key, id).await?;
    let mut tx = ctx.pool.begin().await?;
    storage::review::lock(&mut tx, &application.reference).await?.ok_or(Error::NotFound)?;
    let mut verdicts: Vec<(String, verification::Verdict)> =
        storage::verifications::of_application(&mut tx, &ctx.key, id)
            .await?
            .into_iter()
            .map(|v| (v.criterion, v.verdict))
            .collect();
    let stored = health.as_ref().map(|h| stored_outcomes(&h.eligibility)).unwrap_or_default();
    if settle(&stored, &verdicts).may_close(verdict.criterion).is_err() {
        tx.rollback().await?;
        return Ok(Verified::Conflict);
    }
    let outcome = match verdict.outcome.parse::<verification::Verdict>() {
        Ok(_) if verdict.note.chars().count() > NOTE_MAX => Err(Problem::NoteTooLong),
        Ok(outcome) => Ok(outcome),
        Err(_) => Err(Problem::Outcome),
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(problem) => {
            tx.rollback().await?;
            return Ok(Verified::Invalid(problem));
        }
    };
    let (criterion, note, now) = (verdict.criterion, verdict.note, ctx.now());
    let record = storage::verifications::record(&mut tx, &ctx.key, id, user, criterion, outcome, note, now).await?;
    verdicts.push((criterion.to_string(), outcome));
    let settled = settle(&stored, &verdicts);
    storage::verifications::set_open(&mut tx, id, settled.summary, settled.open).await?;
    tx.commit().await?;
    // The criterion and the note stay in the sealed record; the log points at it.
    audit(ctx, actor, "eligibility_verified", Some(id), json!({ "verification_id": record })).await?;
    Ok(Verified::Done)
}

/// (criterion, outcome) of the breakdown stored at submission.
pub fn stored_outcomes(snapshot: &serde_json::Value) -> Vec<(String, String)> {
    let field = |r: &serde_json::Value, name: &str| r.get(name).and_then(|v| v.as_str()).unwrap_or("").to_string();
    snapshot
        .get("results")
        .and_then(|r| r.as_array())
        .map(|results| results.iter().map(|r| (field(r, "criterion"), field(r, "outcome"))).collect())
        .unwrap_or_default()
}
