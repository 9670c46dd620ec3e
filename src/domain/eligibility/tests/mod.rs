//! The eligibility rules over explicit dates and every criterion both ways.
use chrono::NaiveDate;

use super::{
    facts::{CaseworkerAgreement as Cw, EducationField, EducationLevel, IncomeSupport as Inc, PeerRole, Treatment},
    *,
};
use crate::domain::municipality::{Municipality, Region};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Teaching starts Monday 20 September 2027; assessed in August 2027.
fn ctx() -> Context {
    Context { first_teaching_day: d(2027, 9, 20), today: d(2027, 8, 1) }
}

/// A Randers applicant who meets every fact-based criterion.
fn randers_facts() -> Facts {
    Facts {
        birth_date: Some(d(1990, 5, 1)),
        lived_experience: Some(true),
        treatment: Some(vec![Treatment::PsychiatricOutpatient]),
        income_support: Some(Inc::CashBenefit),
        caseworker_agreement: Some(Cw::Yes),
        municipality: Some(Municipality::from_code("730").unwrap()),
        active_substance_abuse: Some(false),
        dementia: Some(false),
        needs_interpreter: Some(false),
        ..Facts::default()
    }
}

fn randers() -> Profile {
    Profile::by_key("randers").unwrap()
}

fn outcome(facts: &Facts, key: &str) -> Outcome {
    assess(&randers(), facts, ctx()).outcome_of(key).unwrap()
}

#[test]
fn the_randers_profile_has_exactly_the_contract_keys_in_order() {
    let keys: Vec<&str> = randers().criteria.iter().map(|c| c.key()).collect();
    assert_eq!(
        keys,
        [
            "min_age",
            "lived_experience",
            "treatment_history",
            "income_support",
            "residence",
            "substance_abuse",
            "dementia",
            "interpreter",
            "motivation",
            "reflection",
            "distance",
            "competence_building"
        ]
    );
}

#[test]
fn a_fully_eligible_applicant_has_no_concerns_and_four_things_for_the_interview() {
    let a = assess(&randers(), &randers_facts(), ctx());
    assert_eq!(a.summary, Summary::NoConcerns);
    assert_eq!(a.results.iter().filter(|r| r.outcome == Outcome::Met).count(), 8);
    for key in ["motivation", "reflection", "distance", "competence_building"] {
        assert_eq!(a.outcome_of(key), Some(Outcome::ForInterview), "{key}");
    }
}

#[test]
fn eighteenth_birthday_on_the_first_teaching_day_is_met_and_the_day_after_is_not() {
    let mut f = randers_facts();
    f.birth_date = Some(d(2009, 9, 20));
    assert_eq!(outcome(&f, "min_age"), Outcome::Met);
    f.birth_date = Some(d(2009, 9, 21));
    assert_eq!(outcome(&f, "min_age"), Outcome::NotMet);
    f.birth_date = Some(d(2009, 9, 19));
    assert_eq!(outcome(&f, "min_age"), Outcome::Met);
}

#[test]
fn someone_born_on_29_february_turns_18_on_1_march_in_a_common_year() {
    let mut f = randers_facts();
    f.birth_date = Some(d(2008, 2, 29));
    let on = |day| Context { first_teaching_day: day, today: d(2026, 1, 1) };
    let age_outcome = |f: &Facts, day| assess(&randers(), f, on(day)).outcome_of("min_age").unwrap();
    assert_eq!(age_outcome(&f, d(2026, 2, 28)), Outcome::NotMet);
    assert_eq!(age_outcome(&f, d(2026, 3, 1)), Outcome::Met);
}

#[test]
fn every_region_midt_municipality_is_met_and_every_other_must_approve_and_pay() {
    for m in Municipality::all() {
        let mut f = randers_facts();
        f.municipality = Some(m);
        let got = outcome(&f, "residence");
        if m.region == Region::Midtjylland {
            assert_eq!(got, Outcome::Met, "{}", m.name);
        } else {
            assert_eq!(
                got,
                Outcome::ToVerify(Verify::MunicipalityMustApprove { municipality: m.name, fee_dkk: Some(14_000) }),
                "{}",
                m.name
            );
        }
    }
    let mut f = randers_facts();
    f.municipality = Some(Municipality::from_code("101").unwrap());
    assert_eq!(assess(&randers(), &f, ctx()).summary, Summary::ToVerify);
}

#[test]
fn each_yes_no_fact_both_ways() {
    type Set = fn(&mut Facts, bool);
    let cases: [(&str, Set, bool); 4] = [
        ("lived_experience", |f, v| f.lived_experience = Some(v), true),
        ("substance_abuse", |f, v| f.active_substance_abuse = Some(v), false),
        ("dementia", |f, v| f.dementia = Some(v), false),
        ("interpreter", |f, v| f.needs_interpreter = Some(v), false),
    ];
    for (key, set, good) in cases {
        let mut f = randers_facts();
        set(&mut f, good);
        assert_eq!(outcome(&f, key), Outcome::Met, "{key} = {good}");
        set(&mut f, !good);
        assert_eq!(outcome(&f, key), Outcome::NotMet, "{key} = {}", !good);
        assert_eq!(assess(&randers(), &f, ctx()).summary, Summary::MayNotMeet);
    }
}

#[test]
fn treatment_history_needs_one_kind_at_least() {
    let mut f = randers_facts();
    for t in Treatment::ALL {
        f.treatment = Some(vec![*t]);
        assert_eq!(outcome(&f, "treatment_history"), Outcome::Met, "{t:?}");
    }
    f.treatment = Some(Treatment::ALL.to_vec());
    assert_eq!(outcome(&f, "treatment_history"), Outcome::Met);
    f.treatment = Some(vec![]);
    assert_eq!(outcome(&f, "treatment_history"), Outcome::NotMet);
    f.treatment = None;
    assert_eq!(outcome(&f, "treatment_history"), Outcome::ToVerify(Verify::NotAnswered));
}

#[test]
fn income_support_is_never_unmet_only_checked() {
    for support in Inc::ALL {
        for agreement in Cw::ALL {
            let mut f = randers_facts();
            f.income_support = Some(*support);
            f.caseworker_agreement = Some(*agreement);
            let got = outcome(&f, "income_support");
            let expected = match (agreement, support) {
                (Cw::Yes, _) => Outcome::Met,
                (Cw::No, _) => Outcome::ToVerify(Verify::CaseworkerMustAgree),
                (Cw::NoCaseworker, s) if s.comes_with_caseworker() => Outcome::ToVerify(Verify::CaseworkerExpected),
                (Cw::NoCaseworker, Inc::Other) => Outcome::ToVerify(Verify::IncomeSupportAllowsAttending),
                (Cw::NoCaseworker, _) => Outcome::Met,
            };
            assert_eq!(got, expected, "{support:?} {agreement:?}");
            assert_ne!(got, Outcome::NotMet);
        }
    }
    let mut f = randers_facts();
    f.income_support = Some(Inc::DisabilityPension);
    f.caseworker_agreement = Some(Cw::NoCaseworker);
    assert_eq!(outcome(&f, "income_support"), Outcome::Met);
    f.income_support = Some(Inc::SicknessBenefit);
    assert_eq!(outcome(&f, "income_support"), Outcome::ToVerify(Verify::CaseworkerExpected));
}

#[test]
fn an_empty_draft_is_all_to_verify_and_never_not_met() {
    let a = assess(&randers(), &Facts::default(), ctx());
    assert_eq!(a.summary, Summary::ToVerify);
    assert_eq!(a.not_met().count(), 0);
    assert_eq!(a.to_verify().count(), 8);
}

/// The five profiles beside Randers.
mod profiles;
