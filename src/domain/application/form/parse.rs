//! A complete application parsed from the form, every problem at once.
use chrono::NaiveDate;

use super::{Applicant, ApplicationFields, Field, FieldError, FormSpec, Problem, ReflectiveAnswers, Submission};
use crate::domain::{
    application::values::{Answer, PersonName, PhoneNumber},
    eligibility::facts::Facts,
    email_address::{EmailAddress, EmailAddressError},
    municipality::Municipality,
};

pub(super) struct Errors(pub(super) Vec<FieldError>);

impl Errors {
    pub(super) fn add(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    pub(super) fn yes_no(&mut self, field: Field, text: &str) -> Option<bool> {
        match text {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                self.add(field, Problem::Missing);
                None
            }
        }
    }

    pub(super) fn choice<T>(&mut self, field: Field, text: &str, from_key: fn(&str) -> Option<T>) -> Option<T> {
        let value = from_key(text);
        if value.is_none() {
            self.add(field, if text.is_empty() { Problem::Missing } else { Problem::Invalid });
        }
        value
    }

    pub(super) fn answer(&mut self, field: Field, text: &str, required: bool) -> Option<Answer> {
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

pub(super) fn email_problem(e: EmailAddressError) -> Problem {
    match e {
        EmailAddressError::Empty => Problem::Missing,
        EmailAddressError::TooLong => Problem::TooLong { max: EmailAddress::MAX_LEN, got: 0 },
        EmailAddressError::Invalid => Problem::Invalid,
    }
}

impl ApplicationFields {
    /// Parses a complete application to a programme whose form is `spec`
    /// (facts it does not ask are ignored, even when posted); every problem is
    /// reported at once, in page order.
    pub fn parse(&self, spec: &FormSpec, today: NaiveDate) -> Result<Submission, Vec<FieldError>> {
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
        let birth_date = match crate::domain::application::birth_date::parse(&self.birth_date, today) {
            Ok(date) => Some(date),
            Err(err) => {
                use crate::domain::application::birth_date::BirthDateError as B;
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
        let facts = self.facts(spec, today, &mut e);
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
            facts: Facts { birth_date: Some(birth_date), municipality: Some(municipality), ..facts },
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
}
