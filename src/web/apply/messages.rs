//! The words of a field's problem: beside the field, and in the summary at the top.
use crate::{
    domain::application::{Field, Problem},
    i18n::{ApplyStrings, fill},
};

/// In the summary a short answer-type message ("Choose yes or no") needs
/// the question it belongs to.
pub(super) fn summary_message(a: &ApplyStrings, field: Field, problem: Problem) -> String {
    let question = match field {
        Field::LivedExperience => a.lived_experience,
        Field::Treatment => a.treatment,
        Field::IncomeSupport => a.income_support,
        Field::CaseworkerAgreement => a.caseworker_agreement,
        Field::ActiveSubstanceAbuse => a.active_substance_abuse,
        Field::Dementia => a.dementia,
        Field::NeedsInterpreter => a.needs_interpreter,
        Field::Motivation => a.motivation,
        Field::Experience => a.experience,
        Field::Distance => a.distance,
        Field::StrengthsLimits => a.strengths_limits,
        Field::Expectations => a.expectations,
        _ => return message(a, field, problem),
    };
    format!("{question} {}", message(a, field, problem))
}

/// The message shown beside a field.
pub fn message(a: &ApplyStrings, field: Field, problem: Problem) -> String {
    if let Problem::TooLong { max, got } = problem {
        return fill(a.err_too_long, &[&max, &got]);
    }
    let text = match (field, problem) {
        (Field::FullName, _) => a.err_full_name,
        (Field::Email, Problem::Missing) => a.err_email_missing,
        (Field::Email, Problem::Unreachable) => a.err_email_unreachable,
        (Field::Email, _) => a.err_email_invalid,
        (Field::Phone, _) => a.err_phone,
        (Field::BirthDate, Problem::Missing) => a.err_birth_date_missing,
        (Field::BirthDate, Problem::NotInThePast) => a.err_birth_date_future,
        (Field::BirthDate, Problem::NoSuchDate) => a.err_birth_date_no_such,
        (Field::BirthDate, Problem::Implausible) => a.err_birth_date_implausible,
        (Field::BirthDate, _) => a.err_birth_date_invalid,
        (Field::Municipality, _) => a.err_municipality,
        (Field::LivedExperience | Field::ActiveSubstanceAbuse | Field::Dementia | Field::NeedsInterpreter, _) => {
            a.err_yes_no
        }
        (Field::Treatment | Field::IncomeSupport | Field::CaseworkerAgreement, _) => a.err_choice,
        (Field::Motivation | Field::Experience | Field::Distance | Field::StrengthsLimits | Field::Expectations, _) => {
            a.err_answer_missing
        }
        (Field::Consent, _) => a.err_consent,
    };
    text.to_string()
}
