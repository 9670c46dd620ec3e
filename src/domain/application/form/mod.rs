//! The application form as typed text (here), which facts a programme's
//! form asks (`spec`), its parsing into a submission (`parse`, the facts in
//! `facts`), and what a draft needs (`draft`).
mod draft;
mod facts;
mod parse;
mod spec;

pub use spec::{FACT_FIELDS, FormSpec, fields_of};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::values::{PersonName, PhoneNumber};
use crate::domain::{eligibility::facts::Facts, email_address::EmailAddress, municipality::Municipality};

/// Exactly what the person typed, kept for re-showing the form and in drafts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationFields {
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub birth_date: String,
    pub municipality: String,
    pub lived_experience: String,
    pub treatment: Vec<String>,
    pub income_support: String,
    pub caseworker_agreement: String,
    pub active_substance_abuse: String,
    pub dementia: String,
    pub needs_interpreter: String,
    // The facts of the other profiles (contract, Version 2).
    pub peer_role: String,
    pub peer_task_share_percent: String,
    pub works_in_same_team_as_peer: String,
    pub education_level: String,
    pub education_field: String,
    pub weekly_hours_available: String,
    pub in_recovery_since: String,
    pub related_to_people_supported: String,
    pub psychiatric_diagnosis: String,
    pub psychiatric_admissions: String,
    pub outside_labour_market_due_to_illness: String,
    pub willing_to_share: String,
    pub motivation: String,
    pub experience: String,
    pub distance: String,
    pub strengths_limits: String,
    pub expectations: String,
    pub consent: String,
    /// `yes`: consider me for a later intake too (optional).
    pub keep_for_later: String,
}

/// The form's fields, in page order; `key` is the contract's field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    FullName,
    Email,
    Phone,
    BirthDate,
    Municipality,
    LivedExperience,
    Treatment,
    IncomeSupport,
    CaseworkerAgreement,
    ActiveSubstanceAbuse,
    Dementia,
    NeedsInterpreter,
    PeerRole,
    PeerTaskSharePercent,
    WorksInSameTeamAsPeer,
    EducationLevel,
    EducationField,
    WeeklyHoursAvailable,
    InRecoverySince,
    RelatedToPeopleSupported,
    PsychiatricDiagnosis,
    PsychiatricAdmissions,
    OutsideLabourMarket,
    WillingToShare,
    Motivation,
    Experience,
    Distance,
    StrengthsLimits,
    Expectations,
    Consent,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::FullName => "full_name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::BirthDate => "birth_date",
            Field::Municipality => "municipality",
            Field::LivedExperience => "lived_experience",
            Field::Treatment => "treatment",
            Field::IncomeSupport => "income_support",
            Field::CaseworkerAgreement => "caseworker_agreement",
            Field::ActiveSubstanceAbuse => "active_substance_abuse",
            Field::Dementia => "dementia",
            Field::NeedsInterpreter => "needs_interpreter",
            Field::PeerRole => "peer_role",
            Field::PeerTaskSharePercent => "peer_task_share_percent",
            Field::WorksInSameTeamAsPeer => "works_in_same_team_as_peer",
            Field::EducationLevel => "education_level",
            Field::EducationField => "education_field",
            Field::WeeklyHoursAvailable => "weekly_hours_available",
            Field::InRecoverySince => "in_recovery_since",
            Field::RelatedToPeopleSupported => "related_to_people_supported",
            Field::PsychiatricDiagnosis => "psychiatric_diagnosis",
            Field::PsychiatricAdmissions => "psychiatric_admissions",
            Field::OutsideLabourMarket => "outside_labour_market_due_to_illness",
            Field::WillingToShare => "willing_to_share",
            Field::Motivation => "motivation",
            Field::Experience => "experience",
            Field::Distance => "distance",
            Field::StrengthsLimits => "strengths_limits",
            Field::Expectations => "expectations",
            Field::Consent => "consent",
        }
    }
}

/// Why a field was not accepted; the page words it kindly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Missing,
    TooLong {
        max: usize,
        got: usize,
    },
    Invalid,
    /// An address our mail relay cannot reach (a local part beyond ASCII
    /// where the relay has no SMTPUTF8).
    Unreachable,
    /// A birth date today or later.
    NotInThePast,
    /// Written as a date, but no such day exists (31-02-1990).
    NoSuchDate,
    /// A birth year no living applicant has (1850).
    Implausible,
    /// A whole number outside `min..=max` (contract: numbers out of range are 422).
    OutOfRange {
        min: u16,
        max: u16,
    },
    /// A date after today where only the past makes sense (`in_recovery_since`).
    InTheFuture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The reflective answers; all but `expectations` are required on submit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectiveAnswers {
    pub motivation: String,
    pub experience: String,
    pub distance: String,
    pub strengths_limits: String,
    pub expectations: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub full_name: PersonName,
    pub email: EmailAddress,
    pub phone: Option<PhoneNumber>,
    pub birth_date: NaiveDate,
    pub municipality: &'static Municipality,
}

/// A complete, valid application, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub applicant: Applicant,
    pub facts: Facts,
    pub answers: ReflectiveAnswers,
    /// The optional consent to be kept for a later intake.
    pub keep_for_later: bool,
}
