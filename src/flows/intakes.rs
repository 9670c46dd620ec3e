//! Intakes, for coordinators: creating one and changing one.
use serde_json::json;

use crate::{
    domain::{actor::Actor, intake::ParsedIntake, staff::Permission},
    flows::{Context, Error, FlowResult, audit, require},
    i18n::{Lang, dates, fill},
    mail::body::MailLink,
    storage::{self, intakes::CreateIntakeError},
};

/// What became of a new or changed intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The intake's id.
    Done(i64),
    SlugTaken,
    UnknownProgramme,
}

fn saved(result: Result<i64, CreateIntakeError>) -> FlowResult<Saved> {
    match result {
        Ok(id) => Ok(Saved::Done(id)),
        Err(CreateIntakeError::SlugTaken) => Ok(Saved::SlugTaken),
        Err(CreateIntakeError::UnknownProgramme) => Ok(Saved::UnknownProgramme),
        Err(CreateIntakeError::Database(e)) => Err(e.into()),
    }
}

/// Stores a new intake, tells the "let me know" list when it is still
/// ahead, and audits `intake_created`. `Forbidden` without `ManageIntakes`.
pub async fn create(ctx: &Context, actor: &Actor, intake: &ParsedIntake) -> FlowResult<Saved> {
    require(actor, Permission::ManageIntakes)?;
    let saved = saved(storage::intakes::create(&ctx.pool, intake).await)?;
    if let Saved::Done(id) = saved {
        announce(ctx, id).await?;
        audit(ctx, actor, "intake_created", None, json!({ "intake_id": id })).await?;
    }
    Ok(saved)
}

/// Tells everyone on the "let me know" list about a new intake still ahead,
/// in one transaction.
async fn announce(ctx: &Context, id: i64) -> FlowResult<()> {
    let intake = storage::intakes::by_id(&ctx.pool, id).await?.ok_or(Error::NotFound)?;
    if intake.deadline <= ctx.now() {
        return Ok(());
    }
    let (lang, t) = (Lang::MAIL, Lang::MAIL.meeting());
    let name = format!("{} – {}", intake.programme.name, intake.name);
    let text = fill(
        t.mail_intake_news_body,
        &[&name, &dates::long_moment(lang, intake.opens_at), &dates::long_moment(lang, intake.deadline)],
    );
    let link = MailLink {
        label: t.mail_intake_news_link.into(),
        url: ctx.settings.absolute(&format!("/intakes/{}", intake.slug)),
    };
    let mut tx = ctx.pool.begin().await?;
    super::notify::announce(&mut tx, ctx, t.mail_intake_news_subject, text, link).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(())
}

/// Changes intake `id` (its programme stays); audits `intake_changed`.
/// `Forbidden` without `ManageIntakes`.
pub async fn update(ctx: &Context, actor: &Actor, id: i64, intake: &ParsedIntake) -> FlowResult<Saved> {
    require(actor, Permission::ManageIntakes)?;
    let saved = saved(storage::intakes::update(&ctx.pool, id, intake).await.map(|_| id))?;
    if saved == Saved::Done(id) {
        audit(ctx, actor, "intake_changed", None, json!({ "intake_id": id })).await?;
    }
    Ok(saved)
}
