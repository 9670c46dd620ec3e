//! What submitting and saving do, each in one transaction with its e-mail.
use chrono::{DateTime, Datelike, Duration, Utc};
use sqlx::PgConnection;

use super::mails;
use crate::{
    domain::{
        application::{
            ApplicationFields, FieldError, Submission,
            form::{Field, Problem},
        },
        consent::{self, ConsentText, Purpose},
        eligibility::{self, Assessment, Context, Profile},
        intake::{Intake, IntakePhase},
        local_time::{local_date, to_local},
    },
    i18n::Lang,
    mail::outbox::{self, Requester},
    storage::{self, applications::NewApplication, drafts::Draft},
    tokens,
    web::{AppState, error::AppError},
};

pub const DRAFT_LIFETIME: Duration = Duration::days(30);

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

pub enum Saved {
    LinkSent,
    Updated,
    Invalid(Vec<FieldError>),
    Closed,
}

/// The eligibility assessment of a submission to `intake`, as of `now`.
pub fn assess(intake: &Intake, facts: &eligibility::Facts, now: DateTime<Utc>) -> Result<Assessment, AppError> {
    let profile = Profile::by_key(&intake.programme.profile).ok_or_else(|| {
        AppError::Other(anyhow::anyhow!("programme has unknown profile {:?}", intake.programme.profile))
    })?;
    let ctx = Context { first_teaching_day: intake.start_date, today: local_date(now) };
    Ok(eligibility::assess(&profile, facts, ctx))
}

/// A draft link that is well-formed, known, unexpired and for this intake.
pub async fn live_draft(state: &AppState, intake_id: i64, token: &str) -> Result<Option<Draft>, AppError> {
    if !tokens::is_well_formed(token) {
        return Ok(None);
    }
    let draft = storage::drafts::by_token(&state.pool, &state.key, &tokens::hash(token)).await?;
    Ok(draft.filter(|d| d.intake_id == intake_id && d.expires_at > state.clock.now()))
}

/// The consent texts exactly as the form shows them in `lang`.
pub fn consent_texts(lang: Lang) -> (ConsentText, ConsentText) {
    let a = lang.apply();
    let text = |purpose, body: String| ConsentText { purpose, version: consent::VERSION, language: lang.code(), body };
    (
        text(Purpose::Application, format!("{}\n\n{}", a.privacy_text, a.consent)),
        text(Purpose::KeepForLater, a.keep_for_later.to_string()),
    )
}

/// The ids of the consent texts, kept once they are known to be committed
/// (start-up stores them), which saves a query per submit.
pub use crate::flows::ConsentIds;

async fn consent_id(tx: &mut PgConnection, c: &SubmitCtx<'_>, text: &ConsentText) -> sqlx::Result<i64> {
    let key = (text.purpose.key(), text.language);
    let known = c.state.consent_ids.0.read().ok().and_then(|ids| ids.get(&key).copied());
    if let Some(id) = known {
        return Ok(id);
    }
    let (id, stored_now) = storage::consent::id_of(tx, text, c.now).await?;
    if !stored_now && let Ok(mut ids) = c.state.consent_ids.0.write() {
        ids.insert(key, id);
    }
    Ok(id)
}

pub async fn submit(
    state: &AppState,
    lang: Lang,
    intake: &Intake,
    fields: &ApplicationFields,
    submission_key: &str,
    draft_token: &str,
    requester: Requester,
) -> Result<Submitted, AppError> {
    let now = state.clock.now();
    if intake.phase(now) != IntakePhase::Open {
        return Ok(Submitted::Closed);
    }
    let submission = match fields.parse(local_date(now)) {
        Ok(s) => s,
        Err(errors) => return Ok(Submitted::Invalid(errors)),
    };
    if !state.mail_reach.reaches(&submission.applicant.email).await {
        return Ok(Submitted::Invalid(vec![unreachable()]));
    }
    let assessment = assess(intake, &submission.facts, now)?;
    // A form without our key (a script, an old page) gets a fresh one: it is
    // then simply not protected against being sent twice.
    let key = if tokens::is_well_formed(submission_key) { submission_key.to_string() } else { tokens::generate() };
    let draft = live_draft(state, intake.id, draft_token).await?;
    // Two different forms with one e-mail can race to the unique constraint;
    // the second attempt then sees the first's row and takes the duplicate path.
    let mut attempt = 0;
    loop {
        let mut tx = state.pool.begin().await?;
        let ctx = SubmitCtx {
            state,
            lang,
            intake,
            fields,
            submission: &submission,
            assessment: &assessment,
            key: &key,
            requester,
            now,
        };
        match store_submission(&mut tx, &ctx, draft.as_ref()).await {
            Ok(outcome) => {
                tx.commit().await?;
                state.mail_wake.notify_one();
                return Ok(outcome);
            }
            Err(AppError::Database(err)) if attempt == 0 && storage::violated_constraint(&err).is_some() => {
                tx.rollback().await?;
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

struct SubmitCtx<'a> {
    state: &'a AppState,
    lang: Lang,
    intake: &'a Intake,
    fields: &'a ApplicationFields,
    submission: &'a Submission,
    assessment: &'a Assessment,
    key: &'a str,
    requester: Requester,
    now: DateTime<Utc>,
}

async fn store_submission(
    tx: &mut PgConnection,
    c: &SubmitCtx<'_>,
    draft: Option<&Draft>,
) -> Result<Submitted, AppError> {
    let key_hash = tokens::hash(c.key);
    let email = &c.submission.applicant.email;
    // A draft is bound for good to the address its link was mailed to.
    let draft = draft.filter(|d| d.email.eq_ignore_ascii_case(email.as_str()));
    let proven = draft.is_some();
    let received = Submitted::Received { submission_key: c.key.to_string() };
    // Looked up before the resend check: under READ COMMITTED, a twin request
    // that committed in between is then seen by the resend check too.
    let existing = storage::applications::by_email(tx, c.intake.id, &c.submission.applicant.email.normalised()).await?;
    let digest = tokens::digest(c.key, &serde_json::to_vec(c.fields).map_err(anyhow::Error::from)?);
    let sent = storage::applications::by_submission_key(tx, &key_hash).await?;
    let held = match sent {
        Some(_) => None,
        None => storage::drafts::held_sent(tx, &key_hash).await?,
    };
    let mail_domain = c.state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let (consent_text, keep_text) = consent_texts(c.lang);
    let consent_text_id = consent_id(tx, c, &consent_text).await?;
    let keep_text_id = match c.submission.keep_for_later {
        true => Some(consent_id(tx, c, &keep_text).await?),
        false => None,
    };
    let new = NewApplication {
        intake_id: c.intake.id,
        submission: c.submission,
        assessment: c.assessment,
        consent_version: consent::VERSION,
        consent_text_id,
        keep_text_id,
        submission_key_hash: &key_hash,
        submission_digest: &digest,
        now: c.now,
    };
    // The same form sent again (back, change, send): a double click changes
    // nothing; changes are stored while the application can still change.
    if let Some(sent) = sent {
        if sent.submission_digest.as_deref() == Some(digest.as_slice()) {
            return Ok(received);
        }
        if sent.email_normalised != email.normalised() {
            return Ok(Submitted::KeptFirst);
        }
        if !storage::applications::replace_answers(tx, &c.state.key, sent.id, &new).await? {
            return Ok(Submitted::InProgress);
        }
        let own_page = own_page_url(tx, c, sent.id).await?;
        let mail = mails::receipt(email.clone(), &sent.reference, c.intake, true, own_page)?;
        outbox::queue(tx, &c.state.key, &mail, &mail_domain).await?;
        return Ok(received);
    }
    if let Some(held) = held {
        if held.held_submission_digest.as_deref() != Some(digest.as_slice()) {
            if !held.email.eq_ignore_ascii_case(email.as_str()) {
                return Ok(Submitted::KeptFirst);
            }
            storage::drafts::update_held(tx, &c.state.key, held.id, c.fields, &digest, c.now).await?;
        }
        return Ok(received);
    }
    match existing {
        // The draft link proves the address it was mailed to: replace the first application.
        Some(existing) if proven => {
            if !storage::applications::replace_answers(tx, &c.state.key, existing.id, &new).await? {
                return Ok(Submitted::InProgress);
            }
            if let Some(d) = draft {
                storage::drafts::delete(tx, d.id, c.now).await?;
            }
            let own_page = own_page_url(tx, c, existing.id).await?;
            let mail = mails::receipt(email.clone(), &existing.reference, c.intake, true, own_page)?;
            outbox::queue(tx, &c.state.key, &mail, &mail_domain).await?;
            Ok(received)
        }
        // Whoever sent this only knows the address: the answers are held as a
        // draft with a receipt number of their own, and only the link mailed
        // to the address can make them replace the application. The sender
        // sees a receipt like anyone else's (whether someone applied is
        // health data).
        Some(existing) => {
            let token = tokens::generate();
            let held = storage::drafts::Held {
                intake_id: c.intake.id,
                token_hash: &tokens::hash(&token),
                submission_key_hash: &key_hash,
                submission_digest: &digest,
                year: to_local(c.now).year(),
                fields: c.fields,
                now: c.now,
                expires_at: c.now + DRAFT_LIFETIME,
            };
            let held_reference = storage::drafts::insert_held(tx, &c.state.key, &held).await?;
            let mail = mails::duplicate(
                &c.state.settings,
                email.clone(),
                &existing.reference,
                &held_reference,
                &token,
                c.intake,
            )?;
            outbox::queue_unproven(tx, &c.state.key, &mail, &mail_domain, c.requester, c.now).await?;
            Ok(received)
        }
        None => {
            let (id, reference) = storage::applications::insert(tx, &c.state.key, to_local(c.now).year(), &new).await?;
            if let Some(d) = draft {
                storage::drafts::delete(tx, d.id, c.now).await?;
            }
            let own_page = own_page_url(tx, c, id).await?;
            let mail = mails::receipt(email.clone(), &reference.to_string(), c.intake, false, own_page)?;
            outbox::queue(tx, &c.state.key, &mail, &mail_domain).await?;
            Ok(received)
        }
    }
}

async fn own_page_url(tx: &mut PgConnection, c: &SubmitCtx<'_>, application_id: i64) -> sqlx::Result<String> {
    let token = crate::flows::own_page::create_link(tx, application_id, c.now).await?.token;
    Ok(c.state.settings.absolute(&format!("/my-application/{token}")))
}

pub async fn save_draft(
    state: &AppState,
    intake: &Intake,
    fields: &ApplicationFields,
    draft_token: &str,
    requester: Requester,
) -> Result<Saved, AppError> {
    let now = state.clock.now();
    if intake.phase(now) != IntakePhase::Open {
        return Ok(Saved::Closed);
    }
    let email = match fields.parse_draft() {
        Ok(email) => email,
        Err(errors) => return Ok(Saved::Invalid(errors)),
    };
    if !state.mail_reach.reaches(&email).await {
        return Ok(Saved::Invalid(vec![unreachable()]));
    }
    let mail_domain = state.settings.base_url.host_str().unwrap_or("localhost").to_string();
    let expires = now + DRAFT_LIFETIME;
    let mut tx = state.pool.begin().await?;
    let outcome = match live_draft(state, intake.id, draft_token).await? {
        Some(draft) if draft.email.eq_ignore_ascii_case(email.as_str()) => {
            storage::drafts::update(&mut tx, &state.key, draft.id, fields, now, expires).await?;
            Saved::Updated
        }
        // A new address gets a draft (and link) of its own; the old draft stays
        // bound to the address its link was mailed to.
        _ => {
            let token = tokens::generate();
            storage::drafts::insert(&mut tx, &state.key, intake.id, &tokens::hash(&token), fields, now, expires)
                .await?;
            let mail = mails::draft_link(&state.settings, email, &token, intake)?;
            outbox::queue_unproven(&mut tx, &state.key, &mail, &mail_domain, requester, now).await?;
            Saved::LinkSent
        }
    };
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(outcome)
}

/// The address is well formed but our relay cannot carry mail to it.
fn unreachable() -> FieldError {
    FieldError { field: Field::Email, problem: Problem::Unreachable }
}
