//! The words of a field's problem: beside the field, and in the summary at the top.
use super::situation::question;
use crate::{
    domain::application::{Field, Problem},
    i18n::{Lang, fill},
};

/// In the summary a short answer-type message ("Choose yes or no") needs
/// the question it belongs to.
pub(super) fn summary_message(lang: Lang, field: Field, problem: Problem) -> String {
    let a = lang.apply();
    let question = match field {
        Field::Motivation => a.motivation,
        Field::Experience => a.experience,
        Field::Distance => a.distance,
        Field::StrengthsLimits => a.strengths_limits,
        Field::Expectations => a.expectations,
        f if !f.is_common() => question(lang, f),
        _ => return message(lang, field, problem),
    };
    format!("{question} {}", message(lang, field, problem))
}

/// The message shown beside a field.
pub fn message(lang: Lang, field: Field, problem: Problem) -> String {
    let (a, p) = (lang.apply(), lang.profile());
    match problem {
        Problem::TooLong { max, got } => return fill(a.err_too_long, &[&max, &got]),
        Problem::OutOfRange { min, max } => return fill(p.err_out_of_range, &[&min, &max]),
        _ => {}
    }
    if !field.is_common() {
        return fact_message(lang, field, problem).to_string();
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
        (Field::Motivation | Field::Experience | Field::Distance | Field::StrengthsLimits | Field::Expectations, _) => {
            a.err_answer_missing
        }
        // Consent: the only common field left (the facts are worded above).
        _ => a.err_consent,
    };
    text.to_string()
}

/// The message beside a fact field (the situation section).
fn fact_message(lang: Lang, field: Field, problem: Problem) -> &'static str {
    let (a, p) = (lang.apply(), lang.profile());
    let typed_number =
        matches!(field, Field::PeerTaskSharePercent | Field::WeeklyHoursAvailable | Field::PsychiatricAdmissions);
    match (field, problem) {
        (Field::InRecoverySince, Problem::Missing) => p.err_date_missing,
        (Field::InRecoverySince, Problem::InTheFuture) => p.err_date_future,
        (Field::InRecoverySince, Problem::Implausible) => p.err_date_implausible,
        (Field::InRecoverySince, _) => p.err_date_invalid,
        (_, Problem::Missing) if typed_number => p.err_number_missing,
        _ if typed_number => p.err_number_invalid,
        (
            Field::Treatment
            | Field::IncomeSupport
            | Field::CaseworkerAgreement
            | Field::PeerRole
            | Field::EducationLevel
            | Field::EducationField,
            _,
        ) => a.err_choice,
        _ => a.err_yes_no,
    }
}
