//! Submitting the form: checked, assessed, then stored with its receipt mail
//! in one transaction (tried twice when a twin request won a unique constraint).
use super::{assess, live_draft, store, unreachable};
use crate::{
    domain::{
        application::{ApplicationFields, FieldError, reference::Reference},
        intake::{Intake, IntakePhase},
        local_time::local_date,
    },
    flows::{Context, Error, FlowResult},
    i18n::Lang,
    mail::outbox::Requester,
    storage, tokens,
};

/// What submitting did.
pub enum Submitted {
    /// Stored (or found again, for a resent form): show the receipt at this key.
    Received {
        submission_key: String,
    },
    /// The existing application is past `submitted` and cannot be replaced.
    InProgress,
    /// The form was sent before under another address: the first version stands.
    KeptFirst,
    Invalid(Vec<FieldError>),
    Closed,
}

/// A sent form: its fields as typed, its hidden keys, and who sent it.
pub struct Submitting<'a> {
    pub lang: Lang,
    pub intake: &'a Intake,
    pub fields: &'a ApplicationFields,
    pub submission_key: &'a str,
    pub draft_token: &'a str,
    pub requester: Requester,
}

/// Stores an application from `form` (or a held submission, for an address
/// that already applied) and queues its mail; `Closed` outside the intake's
/// open phase, `Invalid` with every field problem (or an address our relay
/// cannot reach).
pub async fn submit(ctx: &Context, form: &Submitting<'_>) -> FlowResult<Submitted> {
    let now = ctx.now();
    if form.intake.phase(now) != IntakePhase::Open {
        return Ok(Submitted::Closed);
    }
    let submission = match form.fields.parse(&super::form_spec(form.intake)?, local_date(now)) {
        Ok(s) => s,
        Err(errors) => return Ok(Submitted::Invalid(errors)),
    };
    if !ctx.mail_reach.reaches(&submission.applicant.email).await {
        return Ok(Submitted::Invalid(vec![unreachable()]));
    }
    let assessment = assess(form.intake, &submission.facts, now)?;
    // A form without our key (a script, an old page) gets a fresh one: it is
    // then simply not protected against being sent twice.
    let key =
        if tokens::is_well_formed(form.submission_key) { form.submission_key.to_string() } else { tokens::generate() };
    let draft = live_draft(ctx, form.intake.id, form.draft_token).await?;
    // Taken apart from the submit's transaction: the counter's row lock would
    // otherwise make every submit of the year wait for the one before it.
    let year = chrono::Datelike::year(&crate::domain::local_time::to_local(now));
    let number = storage::applications::take_reference_number(&ctx.pool, year).await?;
    let reference = Reference { year, number };
    let sending =
        store::Sending { ctx, form, submission: &submission, assessment: &assessment, key: &key, reference, now };
    // Two different forms with one e-mail can race to the unique constraint;
    // the second attempt then sees the first's row and takes the duplicate path.
    let mut attempt = 0;
    loop {
        let mut tx = ctx.pool.begin().await?;
        match store::store_submission(&mut tx, &sending, draft.as_ref()).await {
            Ok(outcome) => {
                tx.commit().await?;
                ctx.wake_mail();
                return Ok(outcome);
            }
            Err(Error::Database(err)) if attempt == 0 && storage::violated_constraint(&err).is_some() => {
                tx.rollback().await?;
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}
