//! The modular course (contract "Modules of a modular course"): the
//! coordinator adds modules and records who was present; each admitted
//! participant signs up from the own page; the cohort page shows where each
//! participant stands (`domain::modular::completion`).
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        eligibility::facts::PeerRole,
        local_time::to_local,
        modular::{self, Completion, Course, Module, Participation},
        programme::{ModularRules, Structure},
    },
    flows::{Context, FlowResult, audit},
    storage::{
        self,
        cohorts::Cohort,
        modules::{Mark, ModuleParticipant, NewModule, SignupSaved},
        own_page::Link,
    },
};

/// A modular cohort with its modules, participants, sign-ups and presences.
pub struct Modular {
    pub cohort: Cohort,
    pub rules: ModularRules,
    pub modules: Vec<Module>,
    pub participants: Vec<ModuleParticipant>,
    pub signups: Vec<Mark>,
    pub presences: Vec<Mark>,
    /// Danish wall-clock time now.
    pub now: NaiveDateTime,
}

impl Modular {
    pub fn course(&self) -> Course<'_> {
        Course { rules: &self.rules, start: self.cohort.start_date, modules: &self.modules }
    }

    /// Module ids the application signed up for.
    pub fn signed_up(&self, application_id: i64) -> Vec<i64> {
        self.signups.iter().filter(|m| m.application_id == application_id).map(|m| m.module_id).collect()
    }

    /// Module ids the application was present at.
    pub fn present(&self, application_id: i64) -> Vec<i64> {
        self.presences.iter().filter(|m| m.application_id == application_id).map(|m| m.module_id).collect()
    }

    /// Sign-ups of one module.
    pub fn taken(&self, module_id: i64) -> usize {
        self.signups.iter().filter(|m| m.module_id == module_id).count()
    }

    /// Where the participant stands now.
    pub fn completion(&self, p: &ModuleParticipant) -> Completion {
        let (signed_up, present) = (self.signed_up(p.application_id), self.present(p.application_id));
        let who = Participation { role: p.role(), signed_up: &signed_up, present: &present };
        modular::completion(&self.course(), &who, self.now)
    }
}

fn local(now: DateTime<Utc>) -> NaiveDateTime {
    to_local(now).naive_local()
}

/// The cohort with everything about its modules; none when it is unknown or
/// its programme is not a modular course.
pub async fn modular(ctx: &Context, cohort_id: i64) -> FlowResult<Option<Modular>> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(None) };
    let Structure::ModularCourse(rules) = cohort.programme.structure else { return Ok(None) };
    let (modules, participants, signups, presences) = tokio::try_join!(
        storage::modules::of_cohort(&ctx.pool, cohort_id),
        storage::modules::participants(&ctx.pool, cohort_id),
        storage::modules::signups(&ctx.pool, cohort_id),
        storage::modules::presences(&ctx.pool, cohort_id),
    )?;
    let now = local(ctx.now());
    Ok(Some(Modular { cohort, rules, modules, participants, signups, presences, now }))
}

/// Adds a module to a modular cohort; audited. False when the cohort is
/// unknown or not of a modular course.
pub async fn add(ctx: &Context, actor: &Actor, cohort_id: i64, module: &NewModule<'_>) -> FlowResult<bool> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(false) };
    if !matches!(cohort.programme.structure, Structure::ModularCourse(_)) {
        return Ok(false);
    }
    let mut conn = ctx.pool.acquire().await?;
    let id = storage::modules::insert(&mut conn, cohort_id, module).await?;
    drop(conn);
    audit(ctx, actor, "module_added", None, json!({ "cohort_id": cohort_id, "module_id": id })).await?;
    Ok(true)
}

/// What became of recording a module's attendance.
#[derive(Debug, PartialEq, Eq)]
pub enum Recorded {
    Done,
    /// No such modular cohort or module.
    NotFound,
    /// The module has not started yet.
    NotStarted,
}

/// Records one module: each participant signed up for it is present when
/// their reference is in `present`, absent otherwise (other references are
/// ignored); audited. Only for a module that has started.
pub async fn record(
    ctx: &Context,
    actor: &Actor,
    cohort_id: i64,
    module_id: i64,
    present: &[String],
) -> FlowResult<Recorded> {
    let Some(m) = modular(ctx, cohort_id).await? else { return Ok(Recorded::NotFound) };
    let Some(module) = m.modules.iter().find(|x| x.id == module_id) else { return Ok(Recorded::NotFound) };
    if !module.has_started(m.now) {
        return Ok(Recorded::NotStarted);
    }
    let marks: Vec<(i64, bool)> = m
        .participants
        .iter()
        .filter(|p| m.signed_up(p.application_id).contains(&module_id))
        .map(|p| (p.application_id, present.contains(&p.reference)))
        .collect();
    storage::modules::record_attendance(&ctx.pool, module_id, &marks, ctx.now()).await?;
    let detail = json!({ "cohort_id": cohort_id, "module_id": module_id });
    audit(ctx, actor, "module_attendance_recorded", None, detail).await?;
    Ok(Recorded::Done)
}

/// The participant's own view of their modules.
pub struct Own {
    pub modular: Modular,
    pub application_id: i64,
    pub role: Option<PeerRole>,
    /// Their current sign-ups.
    pub signed_up: Vec<i64>,
    /// Mandatory for their role: shown chosen and cannot be dropped.
    pub fixed: Vec<i64>,
    pub completion: Completion,
}

impl Own {
    pub fn intro_days(&self) -> u32 {
        modular::intro_days(&self.modular.rules, self.role)
    }

    /// The last day for the mandatory modules.
    pub fn deadline(&self) -> chrono::NaiveDate {
        modular::deadline(&self.modular.rules, self.modular.cohort.start_date)
    }
}

/// The own page's modules, or none unless the application has an accepted
/// place in a modular course's cohort.
pub async fn own(ctx: &Context, link: &Link) -> FlowResult<Option<Own>> {
    let Some((cohort_id, _)) = storage::modules::place_of(&ctx.pool, link.application_id).await? else {
        return Ok(None);
    };
    let Some(m) = modular(ctx, cohort_id).await? else { return Ok(None) };
    let Some(me) = m.participants.iter().find(|p| p.application_id == link.application_id) else { return Ok(None) };
    let (role, completion) = (me.role(), m.completion(me));
    let signed_up = m.signed_up(link.application_id);
    let fixed = modular::fixed(&m.course(), role, &signed_up, m.now);
    Ok(Some(Own { application_id: link.application_id, role, signed_up, fixed, completion, modular: m }))
}

/// What became of the participant's choice.
#[derive(Debug, PartialEq, Eq)]
pub enum Chosen {
    Saved,
    /// This module has no free place; nothing changed.
    Full(String),
    /// Not a participant of a modular course.
    NotFound,
}

/// Saves the participant's modules (`domain::modular::choose`: started
/// modules stay as they were, mandatory ones are kept); audited as theirs.
pub async fn choose(ctx: &Context, link: &Link, chosen: &[i64]) -> FlowResult<Chosen> {
    let Some(own) = own(ctx, link).await? else { return Ok(Chosen::NotFound) };
    let m = &own.modular;
    let keep = modular::choose(&m.course(), own.role, &own.signed_up, chosen, m.now);
    let open: Vec<i64> = m.modules.iter().filter(|x| !x.has_started(m.now)).map(|x| x.id).collect();
    let saved = storage::modules::save_signups(&ctx.pool, own.application_id, &open, &keep, ctx.now()).await?;
    if let SignupSaved::Full(id) = saved {
        let title = m.modules.iter().find(|x| x.id == id).map(|x| x.title.clone()).unwrap_or_default();
        return Ok(Chosen::Full(title));
    }
    let mut conn = ctx.pool.acquire().await?;
    super::audit_applicant(&mut conn, "applicant_chose_modules", Some(own.application_id), ctx.now()).await?;
    Ok(Chosen::Saved)
}

/// The modules the participant behind a feed link signed up for; none for a
/// cohort that is not of a modular course.
pub async fn of_feed(ctx: &Context, hash: &[u8], cohort: &Cohort) -> FlowResult<Vec<Module>> {
    if !matches!(cohort.programme.structure, Structure::ModularCourse(_)) {
        return Ok(Vec::new());
    }
    let Some(application_id) = storage::modules::application_of_feed(&ctx.pool, hash).await? else {
        return Ok(Vec::new());
    };
    let (modules, signups) = tokio::try_join!(
        storage::modules::of_cohort(&ctx.pool, cohort.id),
        storage::modules::signups(&ctx.pool, cohort.id),
    )?;
    let mine = |m: &Module| signups.iter().any(|s| s.module_id == m.id && s.application_id == application_id);
    Ok(modules.into_iter().filter(|m| mine(m)).collect())
}

/// For a modular course, a fresh own-page link to the page where the new
/// participant chooses modules (contract: the newest link mailed, the
/// welcome); none for other structures.
pub(crate) async fn welcome_link(
    tx: &mut sqlx::PgConnection,
    ctx: &Context,
    cohort: &Cohort,
    application_id: i64,
    now: DateTime<Utc>,
) -> FlowResult<Option<String>> {
    if !matches!(cohort.programme.structure, crate::domain::programme::Structure::ModularCourse(_)) {
        return Ok(None);
    }
    let token = crate::tokens::generate();
    let expires = now + crate::domain::own_page::LINK_LIFETIME;
    crate::storage::own_page::create_link(tx, application_id, &crate::tokens::hash(&token), now, expires).await?;
    Ok(Some(ctx.settings.absolute(&format!("/my-application/{token}/modules"))))
}
