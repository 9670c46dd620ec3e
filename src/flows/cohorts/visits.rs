//! Visits to a year programme's practicum sites: planning one, recording it
//! as held, and where each participant stands (rule: `domain::year_programme`).
use chrono::{NaiveDate, NaiveTime};
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        local_time::local_date,
        year_programme::{self, VisitCount, VisitRefused, VisitStatus, YearPlan},
    },
    flows::{Context, FlowResult, audit},
    storage::{
        self,
        cohorts::{NewVisit, Participant, PlacementSite, SiteVisit},
    },
};

/// A visit as the coordinator plans it; times are Danish time.
pub struct PlannedVisit<'a> {
    pub reference: &'a str,
    pub day: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub with_supervisor: bool,
    /// At most 500 characters; none when empty.
    pub note: Option<&'a str>,
}

/// What became of planning or recording a visit.
pub enum VisitDone {
    Done,
    /// The rule refused it; the practicum period, for the message.
    Refused(VisitRefused, YearPlan),
    /// No such cohort of a year programme, participant or visit.
    NotFound,
}

/// Plans a visit for an accepted participant of the cohort, inside the
/// practicum period; audited. The same day and start twice is one visit.
pub async fn plan(ctx: &Context, actor: &Actor, cohort_id: i64, v: &PlannedVisit<'_>) -> FlowResult<VisitDone> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(VisitDone::NotFound) };
    let Some(year) = cohort.year_plan() else { return Ok(VisitDone::NotFound) };
    let people = storage::cohorts::participants(&ctx.pool, cohort_id).await?;
    let Some(p) = people.into_iter().find(|p| p.reference == v.reference) else { return Ok(VisitDone::NotFound) };
    if let Err(why) = year_programme::check_planned(&year, v.day, (v.starts, v.ends)) {
        return Ok(VisitDone::Refused(why, year));
    }
    let new = NewVisit {
        cohort_id,
        application_id: p.application_id,
        day: v.day,
        starts: v.starts,
        ends: v.ends,
        with_supervisor: v.with_supervisor,
        note: v.note,
        planned_by: actor.user_id(),
        now: ctx.now(),
    };
    let mut conn = ctx.pool.acquire().await?;
    storage::cohorts::plan_visit(&mut conn, &ctx.key, &new).await?;
    drop(conn);
    audit(ctx, actor, "visit_planned", Some(p.application_id), json!({ "cohort_id": cohort_id })).await?;
    Ok(VisitDone::Done)
}

/// Records the cohort's visit as held (on its day or later, Danish date); audited.
pub async fn record_held(ctx: &Context, actor: &Actor, cohort_id: i64, visit_id: i64) -> FlowResult<VisitDone> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(VisitDone::NotFound) };
    let Some(year) = cohort.year_plan() else { return Ok(VisitDone::NotFound) };
    let Some(day) = storage::cohorts::visit_day(&ctx.pool, cohort_id, visit_id).await? else {
        return Ok(VisitDone::NotFound);
    };
    if let Err(why) = year_programme::check_held(day, local_date(ctx.now())) {
        return Ok(VisitDone::Refused(why, year));
    }
    storage::cohorts::record_held(&ctx.pool, cohort_id, visit_id, actor.user_id(), ctx.now()).await?;
    audit(ctx, actor, "visit_held", None, json!({ "cohort_id": cohort_id, "visit_id": visit_id })).await?;
    Ok(VisitDone::Done)
}

/// One participant's placement and visits, and where they stand today.
pub struct ParticipantVisits {
    pub participant: Participant,
    pub site: Option<PlacementSite>,
    pub visits: Vec<SiteVisit>,
    pub count: VisitCount,
    pub status: VisitStatus,
}

/// The year programme part of a cohort page: the plan and every accepted
/// participant's visits; none unless the cohort is of a year programme.
pub struct YearOverview {
    pub plan: YearPlan,
    pub people: Vec<ParticipantVisits>,
}

/// The cohort's year overview (notes opened for staff), or none.
pub async fn overview(ctx: &Context, cohort: &storage::cohorts::Cohort) -> FlowResult<Option<YearOverview>> {
    let Some(plan) = cohort.year_plan() else { return Ok(None) };
    let (people, sites, visits) = tokio::try_join!(
        storage::cohorts::participants(&ctx.pool, cohort.id),
        storage::cohorts::placement_sites(&ctx.pool, cohort.id),
        storage::cohorts::visits(&ctx.pool, &ctx.key, cohort.id),
    )?;
    let today = local_date(ctx.now());
    let people = people
        .into_iter()
        .map(|participant| {
            let app = participant.application_id;
            let mine: Vec<SiteVisit> = visits.iter().filter(|v| v.application_id == app).cloned().collect();
            let rule: Vec<_> = mine.iter().map(SiteVisit::as_visit).collect();
            let (count, status) = year_programme::status(&plan, &rule, today);
            let site = sites.iter().find(|s| s.application_id == app).cloned();
            ParticipantVisits { participant, site, visits: mine, count, status }
        })
        .collect();
    Ok(Some(YearOverview { plan, people }))
}

/// One participant's part of [`YearOverview`].
pub struct YearPerson {
    pub plan: YearPlan,
    pub person: ParticipantVisits,
}

/// The year overview of one accepted participant of the cohort, or none.
pub async fn overview_of(ctx: &Context, cohort_id: i64, reference: &str) -> FlowResult<Option<YearPerson>> {
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(None) };
    let Some(YearOverview { plan, people }) = overview(ctx, &cohort).await? else { return Ok(None) };
    let person = people.into_iter().find(|p| p.participant.reference == reference);
    Ok(person.map(|person| YearPerson { plan, person }))
}

/// Where an applicant holds a seat (offered or accepted), with their visits
/// there when it is a year programme's (without the staff's notes).
pub struct OwnPlace {
    pub cohort: storage::cohorts::Cohort,
    pub visits: Vec<SiteVisit>,
}

/// The applicant's live place, for their own page; none without one.
pub async fn own_place(ctx: &Context, application_id: i64) -> FlowResult<Option<OwnPlace>> {
    let mut conn = ctx.pool.acquire().await?;
    let Some(cohort_id) = storage::cohorts::cohort_of_live_place(&mut conn, application_id).await? else {
        return Ok(None);
    };
    drop(conn);
    let Some(cohort) = storage::cohorts::get(&ctx.pool, cohort_id).await? else { return Ok(None) };
    let visits = match cohort.year_plan() {
        Some(_) => storage::cohorts::visits_of(&ctx.pool, cohort_id, application_id).await?,
        None => Vec::new(),
    };
    Ok(Some(OwnPlace { cohort, visits }))
}
