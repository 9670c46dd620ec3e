//! Enrolment by an employer or a caseworker (http-contract.md, Version 2,
//! "Enrolment by an employer or a caseworker"; product.md, "Added
//! 2026-11-30"): Region H's peer course is joined through one's workplace,
//! MB-forløbet through one's municipal caseworker. The enroller types who
//! they are and whom they enrol; the person decides and writes their own answers.
use chrono::Duration;
use serde::Deserialize;

use super::{application::values::PersonName, email_address::EmailAddress};

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

/// The enrol form as typed (contract field names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EnrolmentFields {
    pub enroller_kind: String,
    pub organisation: String,
    pub enroller_name: String,
    pub enroller_email: String,
    pub participant_name: String,
    pub participant_email: String,
    pub peer_role: String,
    pub note: String,
}

/// The form's fields, in page order; `key` is the contract's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    EnrollerKind,
    Organisation,
    EnrollerName,
    EnrollerEmail,
    ParticipantName,
    ParticipantEmail,
    PeerRole,
    Note,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::EnrollerKind => "enroller_kind",
            Field::Organisation => "organisation",
            Field::EnrollerName => "enroller_name",
            Field::EnrollerEmail => "enroller_email",
            Field::ParticipantName => "participant_name",
            Field::ParticipantEmail => "participant_email",
            Field::PeerRole => "peer_role",
            Field::Note => "note",
        }
    }
}

/// Why a field was refused; the page words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Invalid,
    TooLong,
    /// This intake does not take enrolments from this kind of enroller.
    WrongKind,
    /// The person's address is the enroller's own: the person must get a link of their own.
    SameAddress,
    /// Our mail relay cannot carry mail to this address (found when storing, not when parsing).
    Unreachable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// A valid enrolment, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub kind: EnrollerKind,
    pub organisation: String,
    pub enroller_name: PersonName,
    pub enroller_email: EmailAddress,
    pub participant_name: PersonName,
    pub participant_email: EmailAddress,
    /// Always given by an employer, never by a caseworker.
    pub peer_role: Option<PeerRole>,
    pub note: Option<String>,
}

impl EnrolmentFields {
    /// Parses the form for an intake that takes enrolments from `accepted`;
    /// an empty `enroller_kind` means that kind. Every problem is returned.
    pub fn parse(&self, accepted: EnrollerKind) -> Result<Enrolment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, problem| errors.push(FieldError { field, problem });
        let kind = match self.enroller_kind.trim() {
            "" => Some(accepted),
            k => EnrollerKind::from_key(k),
        };
        if kind != Some(accepted) {
            fail(Field::EnrollerKind, Problem::WrongKind);
        }
        let organisation = self.organisation.trim().split_whitespace().collect::<Vec<_>>().join(" ");
        match organisation.chars().count() {
            0 => fail(Field::Organisation, Problem::Missing),
            n if n > ORGANISATION_MAX => fail(Field::Organisation, Problem::TooLong),
            _ => {}
        }
        let name = |field, text: &str, fail: &mut dyn FnMut(Field, Problem)| {
            let parsed = PersonName::parse(text);
            if parsed.is_none() {
                fail(field, if text.trim().is_empty() { Problem::Missing } else { Problem::Invalid });
            }
            parsed
        };
        let email = |field, text: &str, fail: &mut dyn FnMut(Field, Problem)| {
            let parsed = EmailAddress::parse(text).ok();
            if parsed.is_none() {
                fail(field, if text.trim().is_empty() { Problem::Missing } else { Problem::Invalid });
            }
            parsed
        };
        let enroller_name = name(Field::EnrollerName, &self.enroller_name, &mut fail);
        let enroller_email = email(Field::EnrollerEmail, &self.enroller_email, &mut fail);
        let participant_name = name(Field::ParticipantName, &self.participant_name, &mut fail);
        let participant_email = email(Field::ParticipantEmail, &self.participant_email, &mut fail);
        if let (Some(a), Some(b)) = (&enroller_email, &participant_email)
            && a.normalised() == b.normalised()
        {
            fail(Field::ParticipantEmail, Problem::SameAddress);
        }
        let peer_role = match (accepted, self.peer_role.trim()) {
            (EnrollerKind::Caseworker, _) => None,
            (EnrollerKind::Employer, "") => {
                fail(Field::PeerRole, Problem::Missing);
                None
            }
            (EnrollerKind::Employer, role) => {
                let parsed = PeerRole::from_key(role);
                if parsed.is_none() {
                    fail(Field::PeerRole, Problem::Invalid);
                }
                parsed
            }
        };
        let note = self.note.trim();
        if note.chars().count() > NOTE_MAX {
            fail(Field::Note, Problem::TooLong);
        }
        match (enroller_name, enroller_email, participant_name, participant_email) {
            (Some(enroller_name), Some(enroller_email), Some(participant_name), Some(participant_email))
                if errors.is_empty() =>
            {
                Ok(Enrolment {
                    kind: accepted,
                    organisation,
                    enroller_name,
                    enroller_email,
                    participant_name,
                    participant_email,
                    peer_role,
                    note: Some(note.to_string()).filter(|n| !n.is_empty()),
                })
            }
            _ => Err(errors),
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

    fn employer_form() -> EnrolmentFields {
        EnrolmentFields {
            enroller_kind: "employer".into(),
            organisation: "  Bostedet   Lyngly ".into(),
            enroller_name: "Lone Leder".into(),
            enroller_email: "leder@lyngly.dk".into(),
            participant_name: "Peter Peer".into(),
            participant_email: "peter@example.dk".into(),
            peer_role: "paid_peer".into(),
            note: " Peter starter hos os i august. ".into(),
        }
    }

    fn problems(f: &EnrolmentFields, kind: EnrollerKind) -> Vec<(Field, Problem)> {
        f.parse(kind).unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn region_h_takes_employers_and_mb_forloebet_caseworkers_and_the_rest_no_one() {
        assert_eq!(EnrollerKind::for_profile("region-h-peer-course"), Some(EnrollerKind::Employer));
        assert_eq!(EnrollerKind::for_profile("mb-forloebet"), Some(EnrollerKind::Caseworker));
        for p in ["randers", "viborg", "peer-support-worker", "recovery-mentor", ""] {
            assert_eq!(EnrollerKind::for_profile(p), None, "{p}");
        }
    }

    #[test]
    fn an_employer_form_parses_with_the_role_and_a_tidy_organisation() {
        let e = employer_form().parse(EnrollerKind::Employer).unwrap();
        assert_eq!(e.organisation, "Bostedet Lyngly");
        assert_eq!(e.peer_role, Some(PeerRole::PaidPeer));
        assert_eq!(e.note.as_deref(), Some("Peter starter hos os i august."));
        assert_eq!(e.participant_name.as_str(), "Peter Peer");
    }

    #[test]
    fn a_caseworker_needs_no_role_and_any_role_sent_is_not_kept() {
        let f = EnrolmentFields { enroller_kind: "caseworker".into(), note: "".into(), ..employer_form() };
        let e = f.parse(EnrollerKind::Caseworker).unwrap();
        assert_eq!((e.kind, e.peer_role, e.note), (EnrollerKind::Caseworker, None, None));
    }

    #[test]
    fn the_wrong_kind_of_enroller_is_refused_and_an_empty_kind_is_the_intakes() {
        assert_eq!(problems(&employer_form(), EnrollerKind::Caseworker), [(Field::EnrollerKind, Problem::WrongKind)]);
        let f = EnrolmentFields { enroller_kind: "".into(), ..employer_form() };
        assert_eq!(f.parse(EnrollerKind::Employer).unwrap().kind, EnrollerKind::Employer);
    }

    #[test]
    fn every_problem_is_named_beside_its_field() {
        let f = EnrolmentFields {
            enroller_kind: "employer".into(),
            organisation: "x".repeat(ORGANISATION_MAX + 1),
            enroller_name: "".into(),
            enroller_email: "not an address".into(),
            participant_name: " ".into(),
            participant_email: "".into(),
            peer_role: "boss".into(),
            note: "y".repeat(NOTE_MAX + 1),
        };
        assert_eq!(
            problems(&f, EnrollerKind::Employer),
            [
                (Field::Organisation, Problem::TooLong),
                (Field::EnrollerName, Problem::Missing),
                (Field::EnrollerEmail, Problem::Invalid),
                (Field::ParticipantName, Problem::Missing),
                (Field::ParticipantEmail, Problem::Missing),
                (Field::PeerRole, Problem::Invalid),
                (Field::Note, Problem::TooLong),
            ]
        );
        let f = EnrolmentFields { peer_role: "".into(), organisation: " ".into(), ..employer_form() };
        assert_eq!(
            problems(&f, EnrollerKind::Employer),
            [(Field::Organisation, Problem::Missing), (Field::PeerRole, Problem::Missing)]
        );
    }

    #[test]
    fn the_enroller_cannot_enrol_their_own_address() {
        let f = EnrolmentFields { participant_email: "Leder@Lyngly.dk".into(), ..employer_form() };
        assert_eq!(problems(&f, EnrollerKind::Employer), [(Field::ParticipantEmail, Problem::SameAddress)]);
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
