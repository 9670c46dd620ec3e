//! The application form page: every field with its label, hint, value and error.
use askama::Template;

use super::{
    messages::{message, summary_message},
    situation::{Question, situation},
};
use crate::{
    domain::{
        application::{ApplicationFields, Field, FieldError, FormSpec},
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
    pub situation: Vec<Question>,
    pub reflection: Vec<TextArea>,
    pub consent_checked: bool,
    pub keep_checked: bool,
    pub consent_error: Option<String>,
    pub submission_key: String,
    pub draft_token: String,
    /// Set when a support person edits the draft (issue 19): no consent, no sending.
    pub helper: Option<HelperMode>,
    /// The way from a draft to inviting a support person.
    pub support_link: &'static str,
}

/// The draft form as a support person sees it: a note, one save button, and
/// the confirmation line after saving.
pub struct HelperMode {
    pub note: &'static str,
    pub button: &'static str,
    pub done: Option<&'static str>,
}

/// What the form needs besides the fields: where it posts and the hidden keys.
pub struct FormState<'a> {
    pub intake: &'a Intake,
    /// The facts the programme's form asks.
    pub spec: &'a FormSpec,
    pub submission_key: &'a str,
    pub draft_token: &'a str,
}

impl FormPage {
    pub fn new(lang: Lang, state: &FormState<'_>, f: &ApplicationFields, errors: &[FieldError]) -> Self {
        let a = lang.apply();
        let err = Errors { lang, errors };
        let slug = &state.intake.slug;
        Self {
            ctx: PageContext::new(lang, &format!("/intakes/{slug}/apply")),
            a,
            heading: format!("{} – {}", a.title, state.intake.programme.name),
            action: format!("/intakes/{slug}/apply"),
            deadline_note: fill(a.deadline_note, &[&dates::long_moment(lang, state.intake.deadline)]),
            errors: errors
                .iter()
                .map(|e| (format!("#f-{}", e.field.key()), summary_message(lang, e.field, e.problem)))
                .collect(),
            about: about(a, f, &err),
            municipality: municipality_options(&f.municipality),
            municipality_error: err.of(Field::Municipality),
            situation: situation(lang, state.spec, f, &err),
            reflection: reflection(a, f, &err),
            consent_checked: f.consent == "yes",
            keep_checked: f.keep_for_later == "yes",
            consent_error: err.of(Field::Consent),
            submission_key: state.submission_key.to_string(),
            draft_token: state.draft_token.to_string(),
            helper: None,
            support_link: lang.support().manage_link,
        }
    }
}

/// The problems found, shown beside their fields.
pub(super) struct Errors<'a> {
    lang: Lang,
    errors: &'a [FieldError],
}

impl Errors<'_> {
    /// The message beside `field`, when it has a problem.
    pub(super) fn of(&self, field: Field) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| message(self.lang, e.field, e.problem))
    }
}

/// Name, address, phone and birth date.
fn about(a: &'static ApplyStrings, f: &ApplicationFields, err: &Errors<'_>) -> Vec<Input> {
    let input = |field: Field, label, hint, value: &str, kind, autocomplete| Input {
        name: field.key(),
        label,
        hint,
        value: value.to_string(),
        error: err.of(field),
        kind,
        autocomplete,
    };
    vec![
        input(Field::FullName, a.full_name, "", &f.full_name, "text", "name"),
        input(Field::Email, a.email, a.email_hint, &f.email, "email", "email"),
        input(Field::Phone, a.phone, a.phone_hint, &f.phone, "tel", "tel"),
        input(Field::BirthDate, a.birth_date, a.birth_date_hint, &f.birth_date, "text", "bday"),
    ]
}

/// The written answers.
fn reflection(a: &'static ApplyStrings, f: &ApplicationFields, err: &Errors<'_>) -> Vec<TextArea> {
    let area = |field: Field, label, hint, value: &str| TextArea {
        name: field.key(),
        label,
        hint,
        value: value.to_string(),
        error: err.of(field),
    };
    vec![
        area(Field::Motivation, a.motivation, a.motivation_hint, &f.motivation),
        area(Field::Experience, a.experience, a.experience_hint, &f.experience),
        area(Field::Distance, a.distance, a.distance_hint, &f.distance),
        area(Field::StrengthsLimits, a.strengths_limits, a.strengths_limits_hint, &f.strengths_limits),
        area(Field::Expectations, a.expectations, "", &f.expectations),
    ]
}

pub(super) fn group(
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
