//! The stored steps of one submit, all inside the caller's transaction: a
//! resent form, a resent held submission, a change proven by a draft link, a
//! second application from a known address (held), or a new application.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::{DRAFT_LIFETIME, Submitted, Submitting, consent::consent_id, consent_texts};
use crate::{
    domain::{
        application::{Reference, Submission},
        consent,
        eligibility::Assessment,
    },
    flows::{Context, FlowResult},
    mail::{messages::apply as mails, outbox},
    storage::{
        self,
        applications::NewApplication,
        drafts::Draft,
        submissions::{HeldSent, Receipt, Sent},
    },
    tokens,
};

/// One submit's checked input, shared by both attempts.
pub(super) struct Sending<'a> {
    pub ctx: &'a Context,
    pub form: &'a Submitting<'a>,
    pub submission: &'a Submission,
    pub assessment: &'a Assessment,
    /// The submission key in force (the form's, or a fresh one).
    pub key: &'a str,
    /// The reference a new or held submission gets (taken before the transaction).
    pub reference: Reference,
    pub now: DateTime<Utc>,
}

/// Stores the submission the one way that fits what is already there; errors
/// are the database's (a unique constraint lost to a twin request among them).
pub(super) async fn store_submission(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    draft: Option<&Draft>,
) -> FlowResult<Submitted> {
    let key_hash = tokens::hash(c.key);
    let email = &c.submission.applicant.email;
    // A draft is bound for good to the address its link was mailed to.
    let draft = draft.filter(|d| d.email.eq_ignore_ascii_case(email.as_str()));
    let found = storage::submissions::before_storing(tx, c.form.intake.id, &email.normalised(), &key_hash).await?;
    let digest = tokens::digest(c.key, &serde_json::to_vec(c.form.fields).map_err(anyhow::Error::from)?);
    let (consent_text_id, keep_text_id) = consent_ids(tx, c).await?;
    let new = NewApplication {
        intake_id: c.form.intake.id,
        submission: c.submission,
        assessment: c.assessment,
        consent_version: consent::VERSION,
        consent_text_id,
        keep_text_id,
        submission_key_hash: &key_hash,
        submission_digest: &digest,
        reference: c.reference,
        now: c.now,
    };
    if let Some(sent) = found.sent {
        return resent(tx, c, &new, sent, found.receipt_id).await;
    }
    if let Some(held) = found.held {
        return held_resent(tx, c, held, &digest).await;
    }
    match found.existing {
        Some(existing) if draft.is_some() => replace_proven(tx, c, &new, existing, draft, found.receipt_id).await,
        Some(existing) => hold(tx, c, &existing, &key_hash, &digest).await,
        None => insert_new(tx, c, (found.new_id, found.receipt_id), &new, draft).await,
    }
}

fn received(c: &Sending<'_>) -> Submitted {
    Submitted::Received { submission_key: c.key.to_string() }
}

/// The ids of the consent texts agreed to: the required one, and the
/// keep-for-later one when given.
async fn consent_ids(tx: &mut PgConnection, c: &Sending<'_>) -> sqlx::Result<(i64, Option<i64>)> {
    let (consent_text, keep_text) = consent_texts(c.form.lang);
    let consent_text_id = consent_id(tx, c.ctx, &consent_text, c.now).await?;
    let keep_text_id = match c.submission.keep_for_later {
        true => Some(consent_id(tx, c.ctx, &keep_text, c.now).await?),
        false => None,
    };
    Ok((consent_text_id, keep_text_id))
}

/// The same form sent again (back, change, send): a double click changes
/// nothing; changes are stored while the application can still change.
async fn resent(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    new: &NewApplication<'_>,
    sent: Sent,
    receipt_id: i64,
) -> FlowResult<Submitted> {
    let email = &c.submission.applicant.email;
    if sent.submission_digest.as_deref() == Some(new.submission_digest) {
        return Ok(received(c));
    }
    if sent.email_normalised != email.normalised() {
        return Ok(Submitted::KeptFirst);
    }
    if !storage::applications::replace_answers(tx, &c.ctx.key, sent.id, new).await? {
        return Ok(Submitted::InProgress);
    }
    queue_receipt(tx, c, (sent.id, receipt_id), &sent.reference, true).await?;
    Ok(received(c))
}

/// A held submission's form sent again: changes replace the held answers.
async fn held_resent(tx: &mut PgConnection, c: &Sending<'_>, held: HeldSent, digest: &[u8]) -> FlowResult<Submitted> {
    if held.held_submission_digest.as_deref() != Some(digest) {
        if !held.email.eq_ignore_ascii_case(c.submission.applicant.email.as_str()) {
            return Ok(Submitted::KeptFirst);
        }
        storage::drafts::update_held(tx, &c.ctx.key, held.id, c.form.fields, digest, c.now).await?;
    }
    Ok(received(c))
}

/// The draft link proves the address it was mailed to: replace the first application.
async fn replace_proven(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    new: &NewApplication<'_>,
    existing: Receipt,
    draft: Option<&Draft>,
    receipt_id: i64,
) -> FlowResult<Submitted> {
    if !storage::applications::replace_answers(tx, &c.ctx.key, existing.id, new).await? {
        return Ok(Submitted::InProgress);
    }
    if let Some(d) = draft {
        crate::flows::enrolments::on_submitted(tx, c.ctx, d.id, existing.id, c.form.intake, c.now).await?;
        storage::support::move_to_application(tx, d.id, existing.id).await?;
        storage::drafts::delete(tx, d.id, c.now).await?;
    }
    queue_receipt(tx, c, (existing.id, receipt_id), &existing.reference, true).await?;
    Ok(received(c))
}

/// Whoever sent this only knows the address: the answers are held as a
/// draft with a receipt number of their own, and only the link mailed to the
/// address can make them replace the application. The sender sees a receipt
/// like anyone else's (whether someone applied is health data).
async fn hold(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    existing: &Receipt,
    key_hash: &[u8],
    digest: &[u8],
) -> FlowResult<Submitted> {
    let token = tokens::generate();
    let held = storage::drafts::Held {
        intake_id: c.form.intake.id,
        token_hash: &tokens::hash(&token),
        submission_key_hash: key_hash,
        submission_digest: digest,
        reference: c.reference,
        fields: c.form.fields,
        now: c.now,
        expires_at: c.now + DRAFT_LIFETIME,
    };
    let held_reference = storage::drafts::insert_held(tx, &c.ctx.key, &held).await?;
    let to = c.submission.applicant.email.clone();
    let mail = mails::duplicate(&c.ctx.settings, to, &existing.reference, &held_reference, &token, c.form.intake)?;
    outbox::queue_unproven(tx, &c.ctx.key, &mail, c.ctx.mail_domain(), c.form.requester, c.now).await?;
    Ok(received(c))
}

/// A first application from this address.
async fn insert_new(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    (id, receipt_id): (i64, i64),
    new: &NewApplication<'_>,
    draft: Option<&Draft>,
) -> FlowResult<Submitted> {
    let stored = storage::applications::insert(tx, &c.ctx.key, id, new).await?;
    if let Some(d) = draft {
        crate::flows::enrolments::on_submitted(tx, c.ctx, d.id, stored.id, c.form.intake, c.now).await?;
        storage::support::move_to_application(tx, d.id, stored.id).await?;
        storage::drafts::delete(tx, d.id, c.now).await?;
    }
    queue_receipt(tx, c, (stored.id, receipt_id), &stored.reference.to_string(), false).await?;
    crate::flows::audit_applicant(tx, "applicant_applied", Some(stored.id), c.now).await?;
    Ok(received(c))
}

/// The receipt mail, with a fresh link to the own page, as outbox row
/// `receipt_id` (taken with the lookups: `submissions::before_storing`).
async fn queue_receipt(
    tx: &mut PgConnection,
    c: &Sending<'_>,
    (application_id, receipt_id): (i64, i64),
    reference: &str,
    updated: bool,
) -> FlowResult<()> {
    let token = crate::flows::own_page::create_link(tx, application_id, c.now).await?.token;
    let own_page = c.ctx.settings.absolute(&format!("/my-application/{token}"));
    let mail = mails::receipt(c.submission.applicant.email.clone(), reference, c.form.intake, updated, own_page)?;
    outbox::queue_as(tx, &c.ctx.key, receipt_id, &mail, c.ctx.mail_domain()).await?;
    Ok(())
}
