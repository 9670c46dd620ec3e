//! The words for the form's answer options, shared by the form, the review
//! page and the staff pages.
use crate::{
    domain::eligibility::facts::{CaseworkerAgreement, IncomeSupport, Treatment},
    i18n::ApplyStrings,
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

/// The facts as the applicant answered them, in the form's words.
pub fn stored_facts(lang: crate::i18n::Lang, f: &serde_json::Value) -> Vec<(&'static str, String)> {
    use serde_json::Value;
    let q = lang.apply();
    let yes_no = |k: &str| match f.get(k).and_then(Value::as_bool) {
        Some(true) => q.yes.to_string(),
        Some(false) => q.no.to_string(),
        None => q.review_none.to_string(),
    };
    let key = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let treatment: Vec<String> = f
        .get("treatment")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter_map(Treatment::from_key)
                .map(|t| treatment(q, t).to_string())
                .collect()
        })
        .unwrap_or_default();
    vec![
        (q.lived_experience, yes_no("lived_experience")),
        (q.treatment, if treatment.is_empty() { q.review_treatment_none.to_string() } else { treatment.join("\n") }),
        (
            q.income_support,
            IncomeSupport::from_key(&key("income_support")).map_or_else(String::new, |i| income(q, i).to_string()),
        ),
        (
            q.caseworker_agreement,
            CaseworkerAgreement::from_key(&key("caseworker_agreement"))
                .map_or_else(String::new, |c| caseworker(q, c).to_string()),
        ),
        (q.active_substance_abuse, yes_no("active_substance_abuse")),
        (q.dementia, yes_no("dementia")),
        (q.needs_interpreter, yes_no("needs_interpreter")),
    ]
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
