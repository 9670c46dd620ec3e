//! "Your situation": the questions the eligibility pre-check reads, exactly
//! those of the programme's form (`FormSpec`), each with its words.
use super::{
    form_page::{ChoiceGroup, Errors, group},
    labels,
};
use crate::{
    domain::{
        application::{ApplicationFields, Field, FormSpec},
        eligibility::facts::{CaseworkerAgreement, EducationField, EducationLevel, IncomeSupport, PeerRole, Treatment},
    },
    i18n::Lang,
};

/// A one-line answer (a number or a date) in the situation section.
pub struct TextQuestion {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: Option<String>,
}

/// One question: answered by choosing (`group`) or by typing (`input`).
pub struct Question {
    pub group: Option<ChoiceGroup>,
    pub input: Option<TextQuestion>,
}

/// The questions of the form `spec`, in its order, with what was typed and the problems.
pub(super) fn situation(lang: Lang, spec: &FormSpec, f: &ApplicationFields, err: &Errors<'_>) -> Vec<Question> {
    spec.facts().iter().map(|&field| question_of(lang, field, f, err)).collect()
}

fn question_of(lang: Lang, field: Field, f: &ApplicationFields, err: &Errors<'_>) -> Question {
    let (label, hint) = (question(lang, field), hint(lang, field));
    let value = f.fact_text(field).unwrap_or("").to_string();
    if is_typed(field) {
        let input = TextQuestion { name: field.key(), label, hint, value, error: err.of(field) };
        return Question { group: None, input: Some(input) };
    }
    let (multiple, chosen) = if field == Field::Treatment { (true, f.treatment.clone()) } else { (false, vec![value]) };
    let g = group(field, label, hint, multiple, &options(lang, field), &chosen, err.of(field));
    Question { group: Some(g), input: None }
}

/// Answered by typing a number or a date rather than by choosing.
fn is_typed(field: Field) -> bool {
    matches!(
        field,
        Field::PeerTaskSharePercent
            | Field::WeeklyHoursAvailable
            | Field::PsychiatricAdmissions
            | Field::InRecoverySince
    )
}

/// The question a fact field asks (its legend or label).
pub fn question(lang: Lang, field: Field) -> &'static str {
    let (a, p) = (lang.apply(), lang.profile());
    match field {
        Field::LivedExperience => a.lived_experience,
        Field::Treatment => a.treatment,
        Field::IncomeSupport => a.income_support,
        Field::CaseworkerAgreement => a.caseworker_agreement,
        Field::ActiveSubstanceAbuse => a.active_substance_abuse,
        Field::Dementia => a.dementia,
        Field::NeedsInterpreter => a.needs_interpreter,
        Field::PeerRole => p.peer_role,
        Field::PeerTaskSharePercent => p.peer_task_share_percent,
        Field::WorksInSameTeamAsPeer => p.works_in_same_team_as_peer,
        Field::EducationLevel => p.education_level,
        Field::EducationField => p.education_field,
        Field::WeeklyHoursAvailable => p.weekly_hours_available,
        Field::InRecoverySince => p.in_recovery_since,
        Field::RelatedToPeopleSupported => p.related_to_people_supported,
        Field::PsychiatricDiagnosis => p.psychiatric_diagnosis,
        Field::PsychiatricAdmissions => p.psychiatric_admissions,
        Field::OutsideLabourMarket => p.outside_labour_market,
        Field::WillingToShare => p.willing_to_share,
        _ => "",
    }
}

fn hint(lang: Lang, field: Field) -> &'static str {
    let (a, p) = (lang.apply(), lang.profile());
    match field {
        Field::Treatment => a.treatment_hint,
        Field::CaseworkerAgreement => a.caseworker_hint,
        Field::PeerTaskSharePercent => p.peer_task_share_percent_hint,
        Field::WorksInSameTeamAsPeer => p.works_in_same_team_as_peer_hint,
        Field::EducationField => p.education_field_hint,
        Field::WeeklyHoursAvailable => p.weekly_hours_available_hint,
        Field::InRecoverySince => p.in_recovery_since_hint,
        Field::PsychiatricAdmissions => p.psychiatric_admissions_hint,
        _ => "",
    }
}

/// The answers to choose from, as (value, words).
fn options(lang: Lang, field: Field) -> Vec<(&'static str, &'static str)> {
    let a = lang.apply();
    match field {
        Field::Treatment => Treatment::ALL.iter().map(|t| (t.key(), labels::treatment(a, *t))).collect(),
        Field::IncomeSupport => IncomeSupport::ALL.iter().map(|i| (i.key(), labels::income(a, *i))).collect(),
        Field::CaseworkerAgreement => {
            CaseworkerAgreement::ALL.iter().map(|c| (c.key(), labels::caseworker(a, *c))).collect()
        }
        Field::PeerRole => PeerRole::ALL.iter().map(|r| (r.key(), labels::peer_role(lang, *r))).collect(),
        Field::EducationLevel => {
            EducationLevel::ALL.iter().map(|l| (l.key(), labels::education_level(lang, *l))).collect()
        }
        Field::EducationField => {
            EducationField::ALL.iter().map(|e| (e.key(), labels::education_field(lang, *e))).collect()
        }
        _ => vec![("yes", a.yes), ("no", a.no)],
    }
}
