//! The application form as typed text (here), its parsing into a
//! submission (`parse`), and what a draft needs (`draft`).
mod draft;
mod parse;

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
