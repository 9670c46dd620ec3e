//! What the applicant's offer link and the participant's feed link open.
use crate::{
    domain::cohort::OfferStatus,
    flows::{Context, Error, FlowResult},
    mail::messages::{cohorts as mails, visits as visit_mails},
    storage::{
        self,
        cohorts::{Cohort, Offer},
    },
};

/// What an offer link opens.
pub enum OfferLink {
    /// No offer has this link (it may have been retired).
    Missing,
    /// Still open for an answer.
    Live(Box<Offer>, Box<Cohort>),
    /// Its answer-by moment passed.
    Lapsed,
    /// Accepted, then given up.
    Withdrawn,
    /// Answered already.
    Used,
}

/// The offer behind a link and whether it can still be answered. A live
/// offer whose cohort is gone is `NotFound`.
pub async fn offer_link(ctx: &Context, hash: &[u8]) -> FlowResult<OfferLink> {
    let mut conn = ctx.pool.acquire().await?;
    let Some(offer) = storage::cohorts::offer_by_token(&mut conn, hash).await? else { return Ok(OfferLink::Missing) };
    drop(conn);
    match offer.status {
        OfferStatus::Offered if offer.answer_by > ctx.now() => {}
        OfferStatus::Offered | OfferStatus::Expired => return Ok(OfferLink::Lapsed),
        OfferStatus::Withdrawn => return Ok(OfferLink::Withdrawn),
        _ => return Ok(OfferLink::Used),
    }
    let cohort = storage::cohorts::get(&ctx.pool, offer.cohort_id).await?.ok_or(Error::NotFound)?;
    Ok(OfferLink::Live(Box::new(offer), Box::new(cohort)))
}

/// The calendar file of the cohort whose accepted place has this feed link,
/// or none for an unknown link. A cohort gone since is `NotFound`.
/// A year programme's feed also holds the participant's planned visits.
pub async fn feed(ctx: &Context, hash: &[u8]) -> FlowResult<Option<String>> {
    let Some((cohort_id, application_id)) = storage::cohorts::place_of_feed(&ctx.pool, hash).await? else {
        return Ok(None);
    };
    let cohort = storage::cohorts::get(&ctx.pool, cohort_id).await?.ok_or(Error::NotFound)?;
    if cohort.year_plan().is_some() {
        let visits = storage::cohorts::visits_of(&ctx.pool, cohort_id, application_id).await?;
        return Ok(Some(visit_mails::participant_schedule(&cohort, &visits, ctx.mail_domain(), ctx.now())));
    }
    let modules = crate::flows::modules::of_feed(ctx, hash, &cohort).await?;
    Ok(Some(mails::schedule_with_modules(&cohort, &modules, ctx.mail_domain(), ctx.now())))
}
