//! The words for the form's answer options, shared by the form, the review
//! page and the staff pages.
use chrono::NaiveDate;
use serde_json::Value;

use crate::{
    domain::{
        application::{Field, form::FACT_FIELDS},
        eligibility::facts::{CaseworkerAgreement, EducationField, EducationLevel, IncomeSupport, PeerRole, Treatment},
    },
    i18n::{ApplyStrings, Lang, dates},
};

pub fn income(a: &'static ApplyStrings, i: IncomeSupport) -> &'static str {
    match i {
        IncomeSupport::Employed => a.income_employed,
        IncomeSupport::UnemploymentBenefit => a.income_unemployment_benefit,
        IncomeSupport::CashBenefit => a.income_cash_benefit,
        IncomeSupport::SicknessBenefit => a.income_sickness_benefit,
        IncomeSupport::ResourceProcess => a.income_resource_process,
        IncomeSupport::FlexJob => a.income_flex_job,
        IncomeSupport::DisabilityPension => a.income_disability_pension,
        IncomeSupport::EducationGrant => a.income_education_grant,
        IncomeSupport::Other => a.income_other,
        IncomeSupport::None => a.income_none,
    }
}

pub fn caseworker(a: &'static ApplyStrings, c: CaseworkerAgreement) -> &'static str {
    match c {
        CaseworkerAgreement::Yes => a.caseworker_yes,
        CaseworkerAgreement::No => a.caseworker_no,
        CaseworkerAgreement::NoCaseworker => a.caseworker_none,
    }
}

pub fn treatment(a: &'static ApplyStrings, t: Treatment) -> &'static str {
    match t {
        Treatment::PsychiatricAdmission => a.treatment_psychiatric_admission,
        Treatment::PsychiatricOutpatient => a.treatment_psychiatric_outpatient,
        Treatment::MunicipalSupport => a.treatment_municipal_support,
    }
}

/// 14000 -> "14.000", the Danish way.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A `peer_role` answer in words.
pub fn peer_role(lang: Lang, r: PeerRole) -> &'static str {
    let p = lang.profile();
    match r {
        PeerRole::PaidPeer => p.peer_role_paid_peer,
        PeerRole::VolunteerPeer => p.peer_role_volunteer_peer,
        PeerRole::Colleague => p.peer_role_colleague,
    }
}

/// An `education_level` answer in words (also used inside sentences, lower-cased).
pub fn education_level(lang: Lang, l: EducationLevel) -> &'static str {
    let p = lang.profile();
    match l {
        EducationLevel::BelowNinthGrade => p.education_below_ninth_grade,
        EducationLevel::NinthGrade => p.education_ninth_grade,
        EducationLevel::YouthEducation => p.education_youth_education,
        EducationLevel::HigherEducation => p.education_higher_education,
    }
}

/// An `education_field` answer in words.
pub fn education_field(lang: Lang, e: EducationField) -> &'static str {
    let p = lang.profile();
    match e {
        EducationField::Social => p.field_social,
        EducationField::Health => p.field_health,
        EducationField::Pedagogical => p.field_pedagogical,
        EducationField::Other => p.field_other,
        EducationField::None => p.field_none,
    }
}

/// The facts as the applicant answered them, in the form's words: each fact
/// the stored application has (those its programme's form asked), in page order.
pub fn stored_facts(lang: Lang, f: &Value) -> Vec<(&'static str, String)> {
    facts_in_order(lang, f, &FACT_FIELDS)
}

/// The facts of `f` (stored form: `Facts::to_json`) as (question, answer), in `order`.
pub fn facts_in_order(lang: Lang, f: &Value, order: &[Field]) -> Vec<(&'static str, String)> {
    order
        .iter()
        .filter_map(|field| {
            f.get(field.key()).map(|v| (super::situation::question(lang, *field), answer(lang, *field, v)))
        })
        .collect()
}

/// One stored answer in words.
fn answer(lang: Lang, field: Field, v: &Value) -> String {
    let q = lang.apply();
    let key = v.as_str().unwrap_or("");
    let words = match field {
        Field::Treatment => {
            let list: Vec<&str> = v
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .filter_map(Treatment::from_key)
                        .map(|t| treatment(q, t))
                        .collect()
                })
                .unwrap_or_default();
            return if list.is_empty() { q.review_treatment_none.to_string() } else { list.join("\n") };
        }
        Field::IncomeSupport => IncomeSupport::from_key(key).map(|i| income(q, i)),
        Field::CaseworkerAgreement => CaseworkerAgreement::from_key(key).map(|c| caseworker(q, c)),
        Field::PeerRole => PeerRole::from_key(key).map(|r| peer_role(lang, r)),
        Field::EducationLevel => EducationLevel::from_key(key).map(|l| education_level(lang, l)),
        Field::EducationField => EducationField::from_key(key).map(|e| education_field(lang, e)),
        Field::InRecoverySince => {
            return NaiveDate::parse_from_str(key, "%Y-%m-%d")
                .map_or_else(|_| String::new(), |d| dates::long_date(lang, d));
        }
        _ => match v {
            Value::Bool(true) => Some(q.yes),
            Value::Bool(false) => Some(q.no),
            Value::Number(n) => return n.to_string(),
            _ => Some(q.review_none),
        },
    };
    words.unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(thousands(14_000), "14.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1.234.567");
    }
}
