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
