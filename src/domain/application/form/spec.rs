//! Which facts a programme's form asks: exactly those its profile's criteria
//! read, by the contract's field names (http-contract.md, Version 2,
//! "Application form fields of the other profiles"). The one place a
//! criterion is mapped to its fields.
use super::{ApplicationFields, Field};
use crate::domain::eligibility::{Criterion, Profile};

/// Every fact field, in the order of the `Field` enum.
pub const FACT_FIELDS: [Field; 19] = [
    Field::LivedExperience,
    Field::Treatment,
    Field::IncomeSupport,
    Field::CaseworkerAgreement,
    Field::ActiveSubstanceAbuse,
    Field::Dementia,
    Field::NeedsInterpreter,
    Field::PeerRole,
    Field::PeerTaskSharePercent,
    Field::WorksInSameTeamAsPeer,
    Field::EducationLevel,
    Field::EducationField,
    Field::WeeklyHoursAvailable,
    Field::InRecoverySince,
    Field::RelatedToPeopleSupported,
    Field::PsychiatricDiagnosis,
    Field::PsychiatricAdmissions,
    Field::OutsideLabourMarket,
    Field::WillingToShare,
];

/// The fields a criterion reads, beyond those every form asks (`birth_date`
/// for the age, `municipality` for the residence).
pub fn fields_of(c: Criterion) -> &'static [Field] {
    match c {
        Criterion::LivedExperience => &[Field::LivedExperience],
        Criterion::TreatmentHistory => &[Field::Treatment],
        Criterion::IncomeSupport => &[Field::IncomeSupport, Field::CaseworkerAgreement],
        Criterion::NoActiveSubstanceAbuse => &[Field::ActiveSubstanceAbuse],
        Criterion::NoDementia => &[Field::Dementia],
        Criterion::NoInterpreterNeeded => &[Field::NeedsInterpreter],
        // The task share is asked of peers only, the team of colleagues only.
        Criterion::PeerEmployment { .. } => &[Field::PeerRole, Field::PeerTaskSharePercent],
        Criterion::ColleagueInSameTeam => &[Field::PeerRole, Field::WorksInSameTeamAsPeer],
        Criterion::MinEducation { .. } => &[Field::EducationLevel],
        Criterion::MinWeeklyHours { .. } => &[Field::WeeklyHoursAvailable],
        Criterion::RecoveryForAtLeast { .. } => &[Field::InRecoverySince],
        Criterion::NoFamilyRelationToPeopleSupported => &[Field::RelatedToPeopleSupported],
        Criterion::PsychiatricDiagnosis => &[Field::PsychiatricDiagnosis],
        Criterion::MinAdmissions { .. } => &[Field::PsychiatricAdmissions],
        Criterion::RelevantEducation => &[Field::EducationField],
        Criterion::OutsideLabourMarketDueToIllness => &[Field::OutsideLabourMarket],
        Criterion::WillingToShare => &[Field::WillingToShare],
        Criterion::MinAge { .. }
        | Criterion::Residence { .. }
        | Criterion::Motivation
        | Criterion::Reflection
        | Criterion::Distance
        | Criterion::CompetenceBuilding => &[],
    }
}

/// The facts one programme's form asks, in page order (the order of the
/// profile's criteria); the fields every form asks are not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSpec {
    facts: Vec<Field>,
}

impl FormSpec {
    /// The form of a profile: each criterion's fields, each field once.
    pub fn of(profile: &Profile) -> Self {
        let mut facts: Vec<Field> = Vec::new();
        for field in profile.criteria.iter().flat_map(|c| fields_of(*c)) {
            if !facts.contains(field) {
                facts.push(*field);
            }
        }
        Self { facts }
    }

    /// The facts asked, in page order.
    pub fn facts(&self) -> &[Field] {
        &self.facts
    }

    /// Whether the form asks `field` (every form asks the fields common to all).
    pub fn asks(&self, field: Field) -> bool {
        field.is_common() || self.facts.contains(&field)
    }
}

impl Field {
    /// Asked on every form, whatever the profile: who the person is, the
    /// written answers and the consent.
    pub fn is_common(self) -> bool {
        matches!(
            self,
            Field::FullName
                | Field::Email
                | Field::Phone
                | Field::BirthDate
                | Field::Municipality
                | Field::Motivation
                | Field::Experience
                | Field::Distance
                | Field::StrengthsLimits
                | Field::Expectations
                | Field::Consent
        )
    }
}

impl ApplicationFields {
    /// The typed text of a single-valued fact field; `None` for the fields
    /// every form asks and for `treatment` (which has many values).
    pub fn fact_text(&self, field: Field) -> Option<&str> {
        let text = match field {
            Field::LivedExperience => &self.lived_experience,
            Field::IncomeSupport => &self.income_support,
            Field::CaseworkerAgreement => &self.caseworker_agreement,
            Field::ActiveSubstanceAbuse => &self.active_substance_abuse,
            Field::Dementia => &self.dementia,
            Field::NeedsInterpreter => &self.needs_interpreter,
            Field::PeerRole => &self.peer_role,
            Field::PeerTaskSharePercent => &self.peer_task_share_percent,
            Field::WorksInSameTeamAsPeer => &self.works_in_same_team_as_peer,
            Field::EducationLevel => &self.education_level,
            Field::EducationField => &self.education_field,
            Field::WeeklyHoursAvailable => &self.weekly_hours_available,
            Field::InRecoverySince => &self.in_recovery_since,
            Field::RelatedToPeopleSupported => &self.related_to_people_supported,
            Field::PsychiatricDiagnosis => &self.psychiatric_diagnosis,
            Field::PsychiatricAdmissions => &self.psychiatric_admissions,
            Field::OutsideLabourMarket => &self.outside_labour_market_due_to_illness,
            Field::WillingToShare => &self.willing_to_share,
            _ => return None,
        };
        Some(text)
    }

    /// The fields without any fact the form does not ask: a fact a profile
    /// does not use is dropped even when posted, so it is neither kept in a
    /// draft nor stored.
    pub fn restricted_to(&self, spec: &FormSpec) -> ApplicationFields {
        let mut f = self.clone();
        let asks = |field: Field| spec.asks(field);
        let slots: [(Field, &mut String); 18] = [
            (Field::LivedExperience, &mut f.lived_experience),
            (Field::IncomeSupport, &mut f.income_support),
            (Field::CaseworkerAgreement, &mut f.caseworker_agreement),
            (Field::ActiveSubstanceAbuse, &mut f.active_substance_abuse),
            (Field::Dementia, &mut f.dementia),
            (Field::NeedsInterpreter, &mut f.needs_interpreter),
            (Field::PeerRole, &mut f.peer_role),
            (Field::PeerTaskSharePercent, &mut f.peer_task_share_percent),
            (Field::WorksInSameTeamAsPeer, &mut f.works_in_same_team_as_peer),
            (Field::EducationLevel, &mut f.education_level),
            (Field::EducationField, &mut f.education_field),
            (Field::WeeklyHoursAvailable, &mut f.weekly_hours_available),
            (Field::InRecoverySince, &mut f.in_recovery_since),
            (Field::RelatedToPeopleSupported, &mut f.related_to_people_supported),
            (Field::PsychiatricDiagnosis, &mut f.psychiatric_diagnosis),
            (Field::PsychiatricAdmissions, &mut f.psychiatric_admissions),
            (Field::OutsideLabourMarket, &mut f.outside_labour_market_due_to_illness),
            (Field::WillingToShare, &mut f.willing_to_share),
        ];
        for (field, text) in slots {
            if !asks(field) {
                text.clear();
            }
        }
        if !spec.asks(Field::Treatment) {
            f.treatment.clear();
        }
        f
    }
}
