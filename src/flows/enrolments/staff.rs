//! What staff see of enrolments: the enroller on an application's page, and
//! Region H's pairs (a peer and a colleague of one workplace) on a cohort's.
use crate::{
    domain::enrolment::{PairCandidate, PeerRole, pairs},
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
    let known: Vec<(&storage::enrolments::Enrolled, PeerRole)> =
        people.iter().filter_map(|p| Some((p, PeerRole::from_key(&p.peer_role)?))).collect();
    let candidates: Vec<PairCandidate> = known
        .iter()
        .map(|(p, role)| PairCandidate { organisation_key: p.organisation_key.clone(), role: *role })
        .collect();
    Ok(pairs(&candidates)
        .into_iter()
        .map(|(i, j)| Pair {
            peer: (known[i].0.reference.clone(), known[i].0.full_name.clone()),
            colleague: (known[j].0.reference.clone(), known[j].0.full_name.clone()),
        })
        .collect())
}
