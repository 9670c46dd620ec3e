//! Enrolment by an employer or a caseworker (http-contract.md, Version 2,
//! "Enrolment by an employer or a caseworker"; product.md, "Added
//! 2026-11-30"): Region H's peer course is joined through one's workplace,
//! MB-forløbet through one's municipal caseworker. The enroller types who
//! they are and whom they enrol; the person decides and writes their own answers.
use chrono::Duration;

mod form;

pub use form::{Enrolment, EnrolmentFields, Field, FieldError, Problem};

/// An enrolment nobody answered is erased this long after it was made (the
/// enroller never confirmed, or the person never answered); an accepted one
/// this long after accepting, unless an application was sent.
pub const LIFETIME: Duration = Duration::days(30);

/// The longest organisation name and note we keep, in characters.
pub const ORGANISATION_MAX: usize = 200;
pub const NOTE_MAX: usize = 1000;

/// Who enrols (contract field `enroller_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrollerKind {
    /// The workplace (Region H's peer course, seed `001_...`).
    Employer,
    /// The municipal caseworker, usually at the job centre (MB-forløbet, seed `003_...`).
    Caseworker,
}

impl EnrollerKind {
    pub fn key(self) -> &'static str {
        match self {
            EnrollerKind::Employer => "employer",
            EnrollerKind::Caseworker => "caseworker",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [EnrollerKind::Employer, EnrollerKind::Caseworker].into_iter().find(|k| k.key() == key)
    }

    /// Which kind of enroller a programme of eligibility profile `profile`
    /// takes: the workplace for `region-h-peer-course`, the caseworker for
    /// `mb-forloebet`; the other programmes are applied to directly (`None`:
    /// their `/intakes/{slug}/enrol` is 404).
    pub fn for_profile(profile: &str) -> Option<Self> {
        match profile {
            "region-h-peer-course" => Some(EnrollerKind::Employer),
            "mb-forloebet" => Some(EnrollerKind::Caseworker),
            _ => None,
        }
    }
}

/// The role on Region H's course (contract field `peer_role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerRole {
    PaidPeer,
    VolunteerPeer,
    Colleague,
}

impl PeerRole {
    pub const ALL: [PeerRole; 3] = [PeerRole::PaidPeer, PeerRole::VolunteerPeer, PeerRole::Colleague];

    pub fn key(self) -> &'static str {
        match self {
            PeerRole::PaidPeer => "paid_peer",
            PeerRole::VolunteerPeer => "volunteer_peer",
            PeerRole::Colleague => "colleague",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn is_peer(self) -> bool {
        !matches!(self, PeerRole::Colleague)
    }
}

/// Where an enrolment stands. A declined one is erased, so it has no state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The enroller has not yet followed the link mailed to them; nothing went to the person.
    Pending,
    /// The enroller's address is proven and the person has their link.
    Confirmed,
    /// The person accepted and has a prefilled draft.
    Accepted,
    /// The person sent the application.
    Submitted,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Accepted => "accepted",
            Status::Submitted => "submitted",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Status::Pending, Status::Confirmed, Status::Accepted, Status::Submitted].into_iter().find(|s| s.key() == key)
    }

    /// Whether the person may still answer.
    pub fn awaits_answer(self) -> bool {
        self == Status::Confirmed
    }
}

/// The person's answer (contract field `decision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Decline,
}

impl Decision {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "accept" => Some(Decision::Accept),
            "decline" => Some(Decision::Decline),
            _ => None,
        }
    }
}

/// The organisation as pairs are matched: lower case, single spaces.
pub fn organisation_key(organisation: &str) -> String {
    organisation.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// One enrolled participant of a cohort, as pairs are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairCandidate {
    pub organisation_key: String,
    pub role: PeerRole,
}

/// Region H encourages a peer and a colleague from one workplace to take the
/// course together (seed `001_...`): within one organisation, peers and
/// colleagues are paired in the order given (enrolment order). Returns the
/// index pairs (peer, colleague); anyone left over stands alone.
pub fn pairs(people: &[PairCandidate]) -> Vec<(usize, usize)> {
    let mut taken = vec![false; people.len()];
    let mut out = Vec::new();
    for (i, peer) in people.iter().enumerate().filter(|(_, p)| p.role.is_peer()) {
        let colleague = people
            .iter()
            .enumerate()
            .find(|(j, c)| !taken[*j] && !c.role.is_peer() && c.organisation_key == peer.organisation_key);
        if let Some((j, _)) = colleague {
            taken[i] = true;
            taken[j] = true;
            out.push((i, j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_h_takes_employers_and_mb_forloebet_caseworkers_and_the_rest_no_one() {
        assert_eq!(EnrollerKind::for_profile("region-h-peer-course"), Some(EnrollerKind::Employer));
        assert_eq!(EnrollerKind::for_profile("mb-forloebet"), Some(EnrollerKind::Caseworker));
        for p in ["randers", "viborg", "peer-support-worker", "recovery-mentor", ""] {
            assert_eq!(EnrollerKind::for_profile(p), None, "{p}");
        }
    }

    #[test]
    fn keys_round_trip() {
        for r in PeerRole::ALL {
            assert_eq!(PeerRole::from_key(r.key()), Some(r));
        }
        for s in [Status::Pending, Status::Confirmed, Status::Accepted, Status::Submitted] {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
        assert_eq!(Decision::parse("accept"), Some(Decision::Accept));
        assert_eq!(Decision::parse("decline"), Some(Decision::Decline));
        assert_eq!(Decision::parse("maybe"), None);
        assert!(Status::Confirmed.awaits_answer() && !Status::Pending.awaits_answer());
    }

    #[test]
    fn a_peer_and_a_colleague_of_one_workplace_are_a_pair_and_others_stand_alone() {
        let p = |org: &str, role| PairCandidate { organisation_key: organisation_key(org), role };
        let people = [
            p("Bostedet Lyngly", PeerRole::PaidPeer),
            p("Café Vita", PeerRole::VolunteerPeer),
            p("Café Vita", PeerRole::PaidPeer),
            p("bostedet  lyngly", PeerRole::Colleague),
            p("Café Vita", PeerRole::Colleague),
            p("Værestedet", PeerRole::Colleague),
        ];
        assert_eq!(pairs(&people), [(0, 3), (1, 4)]);
        assert!(pairs(&people[1..3]).is_empty(), "two peers are no pair");
    }
}
