//! What staff see of enrolments: the enroller on an application's page, and
//! Region H's pairs (a peer and a colleague of one workplace) on a cohort's.
use crate::{
    domain::enrolment::{PairCandidate, PeerRole, organisation_key, pairs},
    flows::{Context, FlowResult},
    storage::{self, enrolments::EnrolmentRow},
};

/// The enrolment application `application_id` came from, if any (the
/// caller has already checked that the actor may see the application).
pub async fn enroller_of(ctx: &Context, application_id: i64) -> FlowResult<Option<EnrolmentRow>> {
    Ok(storage::enrolments::of_application(&ctx.pool, &ctx.key, application_id).await?)
}

/// Two participants of a cohort enrolled together: (reference, name) of the peer, then of the colleague.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub peer: (String, String),
    pub colleague: (String, String),
}

/// The pairs among cohort `cohort_id`'s participants (live offers and
/// accepted places), by `domain::enrolment::pairs`.
pub async fn pairs_in_cohort(ctx: &Context, cohort_id: i64) -> FlowResult<Vec<Pair>> {
    let people = storage::enrolments::enrolled_in_cohort(&ctx.pool, cohort_id).await?;
    let candidates: Vec<PairCandidate> = people
        .iter()
        .filter_map(|p| {
            let role = PeerRole::from_key(&p.peer_role)?;
            Some(PairCandidate { organisation_key: organisation_key(&p.organisation_key), role })
        })
        .collect();
    // Rows with a role we do not know are left out above; keep indices aligned.
    let known: Vec<_> = people.iter().filter(|p| PeerRole::from_key(&p.peer_role).is_some()).collect();
    Ok(pairs(&candidates)
        .into_iter()
        .map(|(i, j)| Pair {
            peer: (known[i].reference.clone(), known[i].full_name.clone()),
            colleague: (known[j].reference.clone(), known[j].full_name.clone()),
        })
        .collect())
}
