//! The enrolled person's side: their link shows who enrolled them; they
//! accept (and get a draft filled with name, address and role, never health
//! facts) or decline (the enrolment is erased; the enroller is told, with no
//! reason). Sending the application from that draft tells the enroller too.
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::{
    domain::{
        application::ApplicationFields,
        email_address::EmailAddress,
        enrolment::{Decision, LIFETIME, Status},
        intake::{Intake, IntakePhase},
    },
    flows::{Context, Error, FlowResult, audit_applicant},
    mail::{
        messages::{
            apply as apply_mails,
            enrolments::{self as mails, News},
        },
        outbox,
    },
    storage::{self, enrolments::EnrolmentRow},
    tokens,
};

/// Where the person's link stands.
pub enum Invitation {
    /// Waiting for an answer; the intake takes applications.
    Open(Box<EnrolmentRow>, Box<Intake>),
    /// Waiting, but the intake does not take applications now.
    Closed(Box<Intake>),
    /// Nobody answered in time.
    Expired,
    /// Answered already.
    Answered,
}

/// The person's link `hash`, changing nothing; `None` for an unknown link.
pub async fn invitation(ctx: &Context, hash: &[u8]) -> FlowResult<Option<Invitation>> {
    let mut conn = ctx.pool.acquire().await?;
    let Some(row) = storage::enrolments::by_participant_token(&mut conn, &ctx.key, hash).await? else {
        return Ok(None);
    };
    drop(conn);
    classify(ctx, row).await.map(Some)
}

async fn classify(ctx: &Context, row: EnrolmentRow) -> FlowResult<Invitation> {
    if !row.status.awaits_answer() {
        return Ok(Invitation::Answered);
    }
    if row.expired(ctx.now()) {
        return Ok(Invitation::Expired);
    }
    let intake = storage::intakes::by_id(&ctx.pool, row.intake_id).await?.ok_or(Error::NotFound)?;
    if intake.phase(ctx.now()) != IntakePhase::Open {
        return Ok(Invitation::Closed(Box::new(intake)));
    }
    Ok(Invitation::Open(Box::new(row), Box::new(intake)))
}

/// What the person's answer came to.
pub enum Answered {
    /// Their draft's link (also mailed to them), to open the form at.
    Accepted {
        draft_token: String,
    },
    Declined,
    /// The link cannot be answered (any but [`Invitation::Open`]).
    Not(Invitation),
}

/// Records the person's `decision` on link `hash`; `None` for an unknown link.
pub async fn answer(ctx: &Context, hash: &[u8], decision: Decision) -> FlowResult<Option<Answered>> {
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(row) = storage::enrolments::by_participant_token(&mut tx, &ctx.key, hash).await? else {
        return Ok(None);
    };
    let (row, intake) = match classify(ctx, row).await? {
        Invitation::Open(row, intake) => (row, intake),
        other => return Ok(Some(Answered::Not(other))),
    };
    let enroller = EmailAddress::parse(&row.enroller_email).map_err(|_| Error::stored("enrolment address"))?;
    let (news, outcome, action) = match decision {
        Decision::Accept => {
            let draft_token = prefilled_draft(&mut tx, ctx, &row, &intake, now).await?;
            (News::Accepted, Answered::Accepted { draft_token }, "applicant_enrolment_accepted")
        }
        Decision::Decline => {
            storage::enrolments::delete_declined(&mut tx, row.id, now).await?;
            (News::Declined, Answered::Declined, "applicant_enrolment_declined")
        }
    };
    let mail = mails::news(enroller, &row.enroller_name, &row.participant_name, &intake, news)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    audit_applicant(&mut tx, action, None, now).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Some(outcome))
}

/// A draft bound to the person's address, filled with what the enroller
/// typed about them: name, address and role. Its link is mailed to them (the
/// address proved itself by opening the enrolment link) and returned.
async fn prefilled_draft(
    tx: &mut PgConnection,
    ctx: &Context,
    row: &EnrolmentRow,
    intake: &Intake,
    now: DateTime<Utc>,
) -> FlowResult<String> {
    let to = EmailAddress::parse(&row.participant_email).map_err(|_| Error::stored("enrolment address"))?;
    let fields = ApplicationFields {
        full_name: row.participant_name.clone(),
        email: to.as_str().to_string(),
        peer_role: row.peer_role.map(|r| r.key().to_string()).unwrap_or_default(),
        ..ApplicationFields::default()
    };
    let token = tokens::generate();
    let draft_id =
        storage::drafts::insert(tx, &ctx.key, intake.id, &tokens::hash(&token), &fields, now, now + LIFETIME).await?;
    storage::enrolments::accept(tx, row.id, draft_id, now, now + LIFETIME).await?;
    let mail = apply_mails::draft_link(&ctx.settings, to, &token, intake)?;
    outbox::queue(tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    Ok(token)
}

/// Called in the submit's transaction before draft `draft_id` is deleted:
/// when the draft came from an accepted enrolment, the enrolment now belongs
/// to application `application_id` and the enroller is told it was sent.
pub async fn on_submitted(
    tx: &mut PgConnection,
    ctx: &Context,
    draft_id: i64,
    application_id: i64,
    intake: &Intake,
    now: DateTime<Utc>,
) -> FlowResult<()> {
    let Some(row) = storage::enrolments::submitted(tx, &ctx.key, draft_id, application_id).await? else {
        return Ok(());
    };
    debug_assert_eq!(row.status, Status::Submitted);
    let enroller = EmailAddress::parse(&row.enroller_email).map_err(|_| Error::stored("enrolment address"))?;
    let mail = mails::news(enroller, &row.enroller_name, &row.participant_name, intake, News::Submitted)?;
    outbox::queue(tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    audit_applicant(tx, "applicant_enrolment_submitted", Some(application_id), now).await?;
    Ok(())
}
