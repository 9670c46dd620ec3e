//! The application form page: every field with its label, hint, value and error.
use askama::Template;

use super::labels;
use crate::{
    domain::{
        application::{ApplicationFields, Field, FieldError, Problem},
        eligibility::facts::{CaseworkerAgreement, IncomeSupport, Treatment},
        intake::Intake,
        municipality::Municipality,
    },
    i18n::{ApplyStrings, Lang, dates, fill},
    web::page::PageContext,
};

pub struct Input {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub kind: &'static str,
    pub autocomplete: &'static str,
}

pub struct Choice {
    pub id: String,
    pub value: &'static str,
    pub label: &'static str,
    pub checked: bool,
}

pub struct ChoiceGroup {
    pub name: &'static str,
    pub legend: &'static str,
    pub hint: &'static str,
    pub multiple: bool,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

pub struct TextArea {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: Option<String>,
}

pub struct SelectOption {
    pub value: String,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "pages/apply/form.html")]
pub struct FormPage {
    pub ctx: PageContext,
    pub a: &'static ApplyStrings,
    pub heading: String,
    pub action: String,
    pub deadline_note: String,
    pub errors: Vec<(String, String)>,
    pub about: Vec<Input>,
    pub municipality: Vec<SelectOption>,
    pub municipality_error: Option<String>,
    pub situation: Vec<ChoiceGroup>,
    pub reflection: Vec<TextArea>,
    pub consent_checked: bool,
    pub keep_checked: bool,
    pub consent_error: Option<String>,
    pub submission_key: String,
    pub draft_token: String,
}

/// What the form needs besides the fields: where it posts and the hidden keys.
pub struct FormState<'a> {
    pub intake: &'a Intake,
    pub submission_key: &'a str,
    pub draft_token: &'a str,
}

impl FormPage {
    pub fn new(lang: Lang, state: &FormState<'_>, f: &ApplicationFields, errors: &[FieldError]) -> Self {
        let a = lang.apply();
        let err = |field: Field| errors.iter().find(|e| e.field == field).map(|e| message(a, e.field, e.problem));
        let yes_no = |field: Field, legend: &'static str, value: &str| {
            group(field, legend, "", false, &[("yes", a.yes), ("no", a.no)], &[value.to_string()], err(field))
        };
        let income: Vec<(&'static str, &'static str)> =
            IncomeSupport::ALL.iter().map(|i| (i.key(), labels::income(a, *i))).collect();
        let caseworker: Vec<(&'static str, &'static str)> =
            CaseworkerAgreement::ALL.iter().map(|c| (c.key(), labels::caseworker(a, *c))).collect();
        let treatment: Vec<(&'static str, &'static str)> =
            Treatment::ALL.iter().map(|t| (t.key(), labels::treatment(a, *t))).collect();
        let input = |name, label, hint, value: &str, kind, autocomplete, field| Input {
            name,
            label,
            hint,
            value: value.to_string(),
            error: err(field),
            kind,
            autocomplete,
        };
        let area = |field: Field, label, hint, value: &str| TextArea {
            name: field.key(),
            label,
            hint,
            value: value.to_string(),
            error: err(field),
        };
        let slug = &state.intake.slug;
        Self {
            ctx: PageContext::new(lang, &format!("/intakes/{slug}/apply")),
            a,
            heading: format!("{} – {}", a.title, state.intake.programme.name),
            action: format!("/intakes/{slug}/apply"),
            deadline_note: fill(a.deadline_note, &[&dates::long_moment(lang, state.intake.deadline)]),
            errors: errors
                .iter()
                .map(|e| (format!("#f-{}", e.field.key()), summary_message(a, e.field, e.problem)))
                .collect(),
            about: vec![
                input("full_name", a.full_name, "", &f.full_name, "text", "name", Field::FullName),
                input("email", a.email, a.email_hint, &f.email, "email", "email", Field::Email),
                input("phone", a.phone, a.phone_hint, &f.phone, "tel", "tel", Field::Phone),
                input("birth_date", a.birth_date, a.birth_date_hint, &f.birth_date, "text", "bday", Field::BirthDate),
            ],
            municipality: municipality_options(&f.municipality),
            municipality_error: err(Field::Municipality),
            situation: vec![
                yes_no(Field::LivedExperience, a.lived_experience, &f.lived_experience),
                group(
                    Field::Treatment,
                    a.treatment,
                    a.treatment_hint,
                    true,
                    &treatment,
                    &f.treatment,
                    err(Field::Treatment),
                ),
                group(
                    Field::IncomeSupport,
                    a.income_support,
                    "",
                    false,
                    &income,
                    std::slice::from_ref(&f.income_support),
                    err(Field::IncomeSupport),
                ),
                group(
                    Field::CaseworkerAgreement,
                    a.caseworker_agreement,
                    a.caseworker_hint,
                    false,
                    &caseworker,
                    std::slice::from_ref(&f.caseworker_agreement),
                    err(Field::CaseworkerAgreement),
                ),
                yes_no(Field::ActiveSubstanceAbuse, a.active_substance_abuse, &f.active_substance_abuse),
                yes_no(Field::Dementia, a.dementia, &f.dementia),
                yes_no(Field::NeedsInterpreter, a.needs_interpreter, &f.needs_interpreter),
            ],
            reflection: vec![
                area(Field::Motivation, a.motivation, a.motivation_hint, &f.motivation),
                area(Field::Experience, a.experience, a.experience_hint, &f.experience),
                area(Field::Distance, a.distance, a.distance_hint, &f.distance),
                area(Field::StrengthsLimits, a.strengths_limits, a.strengths_limits_hint, &f.strengths_limits),
                area(Field::Expectations, a.expectations, "", &f.expectations),
            ],
            consent_checked: f.consent == "yes",
            keep_checked: f.keep_for_later == "yes",
            consent_error: err(Field::Consent),
            submission_key: state.submission_key.to_string(),
            draft_token: state.draft_token.to_string(),
        }
    }
}

fn group(
    field: Field,
    legend: &'static str,
    hint: &'static str,
    multiple: bool,
    options: &[(&'static str, &'static str)],
    chosen: &[String],
    error: Option<String>,
) -> ChoiceGroup {
    let name = field.key();
    ChoiceGroup {
        name,
        legend,
        hint,
        multiple,
        choices: options
            .iter()
            .enumerate()
            .map(|(i, (value, label))| Choice {
                // The first choice carries the field's id, so the error summary can link to it.
                id: if i == 0 { format!("f-{name}") } else { format!("f-{name}-{i}") },
                value,
                label,
                checked: chosen.iter().any(|c| c == value),
            })
            .collect(),
        error,
    }
}

/// Municipalities in Danish alphabetical order (Æ, Ø, Å last; a leading Aa as Å).
fn municipality_options(chosen: &str) -> Vec<SelectOption> {
    let mut all: Vec<&'static Municipality> = Municipality::all().iter().collect();
    all.sort_by_cached_key(|m| danish_sort_key(m.name));
    all.into_iter()
        .map(|m| SelectOption {
            value: format!("{:03}", m.code),
            label: m.name,
            selected: chosen.trim() == format!("{:03}", m.code),
        })
        .collect()
}

pub fn danish_sort_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("aa").map(|rest| format!("å{rest}")).unwrap_or(lower);
    lower
        .chars()
        .map(|c| match c {
            'æ' => '{',
            'ø' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

/// In the summary a short answer-type message ("Choose yes or no") needs
/// the question it belongs to.
fn summary_message(a: &ApplyStrings, field: Field, problem: Problem) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_sort_the_danish_way() {
        let names: Vec<&str> = municipality_options("").iter().map(|o| o.label).collect();
        assert_eq!(names.len(), 98);
        assert_eq!(names.first(), Some(&"Albertslund"));
        assert_eq!(&names[names.len() - 4..], ["Ærø", "Aabenraa", "Aalborg", "Aarhus"]);
        assert!(municipality_options("730").iter().any(|o| o.selected && o.label == "Randers"));
    }
}
