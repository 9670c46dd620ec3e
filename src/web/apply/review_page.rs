//! "Check your answers": what was typed, the gentle eligibility pre-check,
//! and the whole form again as hidden fields for "send" or "change".
use askama::Template;

use super::labels::{self, thousands};
use crate::{
    domain::{
        application::{ApplicationFields, Field, FormSpec, Submission, form::FACT_FIELDS},
        eligibility::{Assessment, Criterion, Outcome, Verify},
    },
    i18n::{ApplyStrings, Lang, fill},
    web::page::PageContext,
};

#[derive(Template)]
#[template(path = "pages/apply/review.html")]
pub struct ReviewPage {
    pub ctx: PageContext,
    pub a: &'static ApplyStrings,
    pub heading: String,
    pub action: String,
    pub sections: Vec<Section>,
    pub all_fine: bool,
    pub not_met: Vec<String>,
    pub verify: Vec<String>,
    pub hidden: Vec<(&'static str, String)>,
}

/// A section of the review: its heading and (question, answer) rows.
type Section = (&'static str, Vec<(&'static str, String)>);

impl ReviewPage {
    pub fn new(
        lang: Lang,
        slug: &str,
        f: &ApplicationFields,
        s: &Submission,
        assessment: &Assessment,
        keys: [(&'static str, &str); 2],
        spec: &FormSpec,
    ) -> Self {
        let a = lang.apply();
        let not_met: Vec<String> = assessment.not_met().filter_map(|r| not_met_text(lang, r.criterion)).collect();
        let verify: Vec<String> = assessment
            .to_verify()
            .filter_map(|r| match r.outcome {
                Outcome::ToVerify(v) => Some(verify_text(a, v, home_region(r.criterion))),
                _ => None,
            })
            .collect();
        Self {
            ctx: PageContext::new(lang, &format!("/intakes/{slug}/apply")),
            a,
            heading: a.review_title.to_string(),
            action: format!("/intakes/{slug}/apply"),
            sections: vec![about(a, s), situation(lang, s, spec), reflection(a, s), consent(a, s)],
            all_fine: not_met.is_empty() && verify.is_empty(),
            not_met,
            verify,
            hidden: hidden_fields(f, keys),
        }
    }
}

fn about(a: &'static ApplyStrings, s: &Submission) -> Section {
    let p = &s.applicant;
    let rows = vec![
        (a.full_name, p.full_name.as_str().to_string()),
        (a.email, p.email.to_string()),
        (a.phone, p.phone.as_ref().map_or_else(|| a.review_none.to_string(), |ph| ph.to_string())),
        (a.birth_date, p.birth_date.format("%d-%m-%Y").to_string()),
        (a.municipality, p.municipality.name.to_string()),
    ];
    (a.section_about, rows)
}

/// The facts the form asked, in its order.
fn situation(lang: Lang, s: &Submission, spec: &FormSpec) -> Section {
    (lang.apply().section_situation, labels::facts_in_order(lang, &s.facts.to_json(), spec.facts()))
}

fn reflection(a: &'static ApplyStrings, s: &Submission) -> Section {
    let or_none = |text: &str| {
        if text.is_empty() { a.review_none.to_string() } else { text.to_string() }
    };
    let rows = vec![
        (a.motivation, or_none(&s.answers.motivation)),
        (a.experience, or_none(&s.answers.experience)),
        (a.distance, or_none(&s.answers.distance)),
        (a.strengths_limits, or_none(&s.answers.strengths_limits)),
        (a.expectations, or_none(&s.answers.expectations)),
    ];
    (a.section_reflection, rows)
}

fn consent(a: &'static ApplyStrings, s: &Submission) -> Section {
    let keep = if s.keep_for_later { a.review_consent_given } else { a.review_consent_not_given };
    (a.section_consent, vec![(a.consent, a.review_consent_given.to_string()), (a.keep_for_later, keep.to_string())])
}

/// The applicant-facing wording of a criterion that looks unmet (never for
/// the ones that can only be "to verify").
pub fn not_met_text(lang: Lang, c: Criterion) -> Option<String> {
    let (a, p) = (lang.apply(), lang.profile());
    let text = match c {
        Criterion::MinAge { .. } => a.crit_min_age,
        Criterion::LivedExperience => a.crit_lived_experience,
        Criterion::TreatmentHistory => a.crit_treatment_history,
        Criterion::NoActiveSubstanceAbuse => a.crit_substance_abuse,
        Criterion::NoDementia => a.crit_dementia,
        Criterion::NoInterpreterNeeded => a.crit_interpreter,
        Criterion::PeerEmployment { min_share_percent } => {
            return Some(fill(p.crit_peer_employment, &[&min_share_percent]));
        }
        Criterion::ColleagueInSameTeam => p.crit_colleague_same_team,
        Criterion::MinEducation { level } => {
            return Some(fill(p.crit_education_level, &[&labels::education_level(lang, level).to_lowercase()]));
        }
        Criterion::MinWeeklyHours { hours } => return Some(fill(p.crit_weekly_hours, &[&hours])),
        Criterion::RecoveryForAtLeast { months } => return Some(fill(p.crit_recovery_duration, &[&months])),
        Criterion::NoFamilyRelationToPeopleSupported => p.crit_family_relation,
        Criterion::PsychiatricDiagnosis => p.crit_psychiatric_diagnosis,
        Criterion::MinAdmissions { count: 1 } => p.crit_admissions_one,
        Criterion::MinAdmissions { count } => return Some(fill(p.crit_admissions, &[&count])),
        Criterion::RelevantEducation => p.crit_relevant_education,
        Criterion::OutsideLabourMarketDueToIllness => p.crit_outside_labour_market,
        Criterion::WillingToShare => p.crit_willing_to_share,
        _ => return None,
    };
    Some(text.to_string())
}

/// The region a residence criterion names ("Region Midtjylland"), for the
/// sentence that says the applicant lives outside it.
fn home_region(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Residence { region, .. } => region.name(),
        _ => "",
    }
}

/// What is still to be checked, in words; `region` is the programme's home region.
pub fn verify_text(a: &ApplyStrings, v: Verify, region: &str) -> String {
    match v {
        Verify::MunicipalityMustApprove { municipality, fee_dkk: Some(fee) } => {
            fill(a.verify_municipality, &[&municipality, &region, &thousands(fee)])
        }
        Verify::MunicipalityMustApprove { municipality, fee_dkk: None } => {
            fill(a.verify_municipality_no_fee, &[&municipality, &region])
        }
        Verify::CaseworkerMustAgree => a.verify_caseworker_must_agree.to_string(),
        Verify::CaseworkerExpected => a.verify_caseworker_expected.to_string(),
        Verify::IncomeSupportAllowsAttending => a.verify_income_other.to_string(),
        Verify::NotAnswered => a.verify_not_answered.to_string(),
    }
}

/// The facts whose hidden fields are always written (the Randers form as it was).
const RANDERS_FIELDS: [Field; 6] = [
    Field::LivedExperience,
    Field::IncomeSupport,
    Field::CaseworkerAgreement,
    Field::ActiveSubstanceAbuse,
    Field::Dementia,
    Field::NeedsInterpreter,
];

fn hidden_fields(f: &ApplicationFields, keys: [(&'static str, &str); 2]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = vec![
        ("full_name", f.full_name.clone()),
        ("email", f.email.clone()),
        ("phone", f.phone.clone()),
        ("birth_date", f.birth_date.clone()),
        ("municipality", f.municipality.clone()),
        ("lived_experience", f.lived_experience.clone()),
        ("income_support", f.income_support.clone()),
        ("caseworker_agreement", f.caseworker_agreement.clone()),
        ("active_substance_abuse", f.active_substance_abuse.clone()),
        ("dementia", f.dementia.clone()),
        ("needs_interpreter", f.needs_interpreter.clone()),
        ("motivation", f.motivation.clone()),
        ("experience", f.experience.clone()),
        ("distance", f.distance.clone()),
        ("strengths_limits", f.strengths_limits.clone()),
        ("expectations", f.expectations.clone()),
        ("consent", f.consent.clone()),
        ("keep_for_later", f.keep_for_later.clone()),
    ];
    out.extend(f.treatment.iter().map(|t| ("treatment", t.clone())));
    // The other profiles' facts: only those the form asked (the rest are empty).
    let other = FACT_FIELDS.iter().filter(|field| !RANDERS_FIELDS.contains(field));
    out.extend(
        other.filter_map(|field| f.fact_text(*field).filter(|t| !t.is_empty()).map(|t| (field.key(), t.to_string()))),
    );
    out.extend(keys.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.to_string())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::municipality::Region;

    #[test]
    fn living_outside_the_region_names_the_region() {
        let residence = Criterion::Residence { region: Region::Midtjylland, fee_dkk: Some(14_000) };
        let v = Verify::MunicipalityMustApprove { municipality: "København", fee_dkk: Some(14_000) };
        assert_eq!(
            verify_text(Lang::Da.apply(), v, home_region(residence)),
            "Du bor i København Kommune, som ligger uden for Region Midtjylland. Din kommune skal sige ja og betale 14.000 kr."
        );
    }
}
