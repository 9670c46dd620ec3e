//! The enrol form (http-contract.md, Version 2: `enroller_kind`,
//! `organisation`, `enroller_name`, `enroller_email`, `participant_name`,
//! `participant_email`, `peer_role`, `note`), parsed once at the edge.
use serde::Deserialize;

use super::{EnrollerKind, NOTE_MAX, ORGANISATION_MAX, PeerRole};
use crate::domain::{application::values::PersonName, email_address::EmailAddress};

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
        let organisation = self.organisation.split_whitespace().collect::<Vec<_>>().join(" ");
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
}
