//! The application form as typed text, and its parsing into a submission.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::values::{Answer, PersonName, PhoneNumber};
use crate::domain::{
    eligibility::facts::{CaseworkerAgreement, Facts, IncomeSupport, Treatment},
    email_address::{EmailAddress, EmailAddressError},
    municipality::Municipality,
};

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

struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    fn yes_no(&mut self, field: Field, text: &str) -> Option<bool> {
        match text {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                self.add(field, Problem::Missing);
                None
            }
        }
    }

    fn choice<T>(&mut self, field: Field, text: &str, from_key: fn(&str) -> Option<T>) -> Option<T> {
        let value = from_key(text);
        if value.is_none() {
            self.add(field, if text.is_empty() { Problem::Missing } else { Problem::Invalid });
        }
        value
    }

    fn answer(&mut self, field: Field, text: &str, required: bool) -> Option<Answer> {
        match Answer::parse(text) {
            None => {
                self.add(field, Problem::TooLong { max: Answer::MAX, got: text.trim().chars().count() });
                None
            }
            Some(a) if required && a.is_empty() => {
                self.add(field, Problem::Missing);
                None
            }
            Some(a) => Some(a),
        }
    }
}

fn email_problem(e: EmailAddressError) -> Problem {
    match e {
        EmailAddressError::Empty => Problem::Missing,
        EmailAddressError::TooLong => Problem::TooLong { max: EmailAddress::MAX_LEN, got: 0 },
        EmailAddressError::Invalid => Problem::Invalid,
    }
}

impl ApplicationFields {
    /// Parses a complete application; every problem is reported at once, in page order.
    pub fn parse(&self, today: NaiveDate) -> Result<Submission, Vec<FieldError>> {
        let mut e = Errors(Vec::new());
        let full_name = PersonName::parse(&self.full_name);
        if full_name.is_none() {
            let too_long = self.full_name.trim().chars().count() > PersonName::MAX;
            let got = self.full_name.trim().chars().count();
            e.add(
                Field::FullName,
                if too_long { Problem::TooLong { max: PersonName::MAX, got } } else { Problem::Missing },
            );
        }
        let email = EmailAddress::parse(&self.email).map_err(|err| e.add(Field::Email, email_problem(err))).ok();
        let phone = match self.phone.trim() {
            "" => Some(None),
            text => {
                let phone = PhoneNumber::parse(text);
                if phone.is_none() {
                    e.add(Field::Phone, Problem::Invalid);
                }
                phone.map(Some)
            }
        };
        let birth_date = match super::birth_date::parse(&self.birth_date, today) {
            Ok(date) => Some(date),
            Err(err) => {
                use super::birth_date::BirthDateError as B;
                let problem = match err {
                    B::Missing => Problem::Missing,
                    B::Unreadable => Problem::Invalid,
                    B::NoSuchDate => Problem::NoSuchDate,
                    B::Implausible => Problem::Implausible,
                    B::NotInThePast => Problem::NotInThePast,
                };
                e.add(Field::BirthDate, problem);
                None
            }
        };
        let municipality = e.choice(Field::Municipality, self.municipality.trim(), |k| Municipality::from_code(k).ok());
        let lived_experience = e.yes_no(Field::LivedExperience, &self.lived_experience);
        let mut treatment = Vec::new();
        for key in &self.treatment {
            match Treatment::from_key(key) {
                Some(t) if !treatment.contains(&t) => treatment.push(t),
                Some(_) => {}
                None => e.add(Field::Treatment, Problem::Invalid),
            }
        }
        let income_support = e.choice(Field::IncomeSupport, &self.income_support, IncomeSupport::from_key);
        let caseworker_agreement =
            e.choice(Field::CaseworkerAgreement, &self.caseworker_agreement, CaseworkerAgreement::from_key);
        let active_substance_abuse = e.yes_no(Field::ActiveSubstanceAbuse, &self.active_substance_abuse);
        let dementia = e.yes_no(Field::Dementia, &self.dementia);
        let needs_interpreter = e.yes_no(Field::NeedsInterpreter, &self.needs_interpreter);
        let motivation = e.answer(Field::Motivation, &self.motivation, true);
        let experience = e.answer(Field::Experience, &self.experience, true);
        let distance = e.answer(Field::Distance, &self.distance, true);
        let strengths_limits = e.answer(Field::StrengthsLimits, &self.strengths_limits, true);
        let expectations = e.answer(Field::Expectations, &self.expectations, false);
        if self.consent != "yes" {
            e.add(Field::Consent, Problem::Missing);
        }
        if !e.0.is_empty() {
            return Err(e.0);
        }
        // Each `None` above added an error, so after the check above all are `Some`.
        let (
            Some(full_name),
            Some(email),
            Some(phone),
            Some(birth_date),
            Some(municipality),
            Some(motivation),
            Some(experience),
            Some(distance),
            Some(strengths_limits),
            Some(expectations),
        ) = (
            full_name,
            email,
            phone,
            birth_date,
            municipality,
            motivation,
            experience,
            distance,
            strengths_limits,
            expectations,
        )
        else {
            return Err(e.0);
        };
        Ok(Submission {
            applicant: Applicant { full_name, email, phone, birth_date, municipality },
            facts: Facts {
                birth_date: Some(birth_date),
                lived_experience,
                treatment: Some(treatment),
                income_support,
                caseworker_agreement,
                municipality: Some(municipality),
                active_substance_abuse,
                dementia,
                needs_interpreter,
                ..Facts::default()
            },
            answers: ReflectiveAnswers {
                motivation: motivation.as_str().to_string(),
                experience: experience.as_str().to_string(),
                distance: distance.as_str().to_string(),
                strengths_limits: strengths_limits.as_str().to_string(),
                expectations: expectations.as_str().to_string(),
            },
            keep_for_later: self.keep_for_later == "yes",
        })
    }

    /// What a draft needs: an e-mail address to send the link to, and no
    /// field longer than allowed. Nothing else is checked.
    pub fn parse_draft(&self) -> Result<EmailAddress, Vec<FieldError>> {
        let mut e = Errors(Vec::new());
        let email = EmailAddress::parse(&self.email).map_err(|err| e.add(Field::Email, email_problem(err))).ok();
        let got = self.full_name.trim().chars().count();
        if got > PersonName::MAX {
            e.add(Field::FullName, Problem::TooLong { max: PersonName::MAX, got });
        }
        for (field, text) in self.answers() {
            e.answer(field, text, false);
        }
        for (field, text) in self.short_fields() {
            if text.chars().count() > 100 {
                e.add(field, Problem::Invalid);
            }
        }
        match (email, e.0.is_empty()) {
            (Some(email), true) => Ok(email),
            _ => Err(e.0),
        }
    }

    /// The facts that can be read from whatever is filled in (for a draft's pre-check).
    pub fn partial_facts(&self) -> Facts {
        let yes_no = |t: &str| match t {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        Facts {
            birth_date: super::birth_date::read(&self.birth_date),
            lived_experience: yes_no(&self.lived_experience),
            treatment: Some(self.treatment.iter().filter_map(|k| Treatment::from_key(k)).collect()),
            income_support: IncomeSupport::from_key(&self.income_support),
            caseworker_agreement: CaseworkerAgreement::from_key(&self.caseworker_agreement),
            municipality: Municipality::from_code(&self.municipality).ok(),
            active_substance_abuse: yes_no(&self.active_substance_abuse),
            dementia: yes_no(&self.dementia),
            needs_interpreter: yes_no(&self.needs_interpreter),
            ..Facts::default()
        }
    }

    fn answers(&self) -> [(Field, &str); 5] {
        [
            (Field::Motivation, self.motivation.as_str()),
            (Field::Experience, self.experience.as_str()),
            (Field::Distance, self.distance.as_str()),
            (Field::StrengthsLimits, self.strengths_limits.as_str()),
            (Field::Expectations, self.expectations.as_str()),
        ]
    }

    fn short_fields(&self) -> [(Field, &str); 9] {
        [
            (Field::Phone, self.phone.as_str()),
            (Field::BirthDate, self.birth_date.as_str()),
            (Field::Municipality, self.municipality.as_str()),
            (Field::LivedExperience, self.lived_experience.as_str()),
            (Field::IncomeSupport, self.income_support.as_str()),
            (Field::CaseworkerAgreement, self.caseworker_agreement.as_str()),
            (Field::ActiveSubstanceAbuse, self.active_substance_abuse.as_str()),
            (Field::Dementia, self.dementia.as_str()),
            (Field::NeedsInterpreter, self.needs_interpreter.as_str()),
        ]
    }
}
