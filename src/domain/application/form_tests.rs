use chrono::NaiveDate;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 8, 1).unwrap()
}

/// The Randers form, which every test here fills in.
fn randers() -> FormSpec {
    FormSpec::of(&crate::domain::eligibility::Profile::by_key("randers").unwrap())
}

fn complete() -> ApplicationFields {
    ApplicationFields {
        full_name: "Mette Sørensen".into(),
        email: "mette@example.dk".into(),
        phone: "12 34 56 78".into(),
        birth_date: "1990-05-31".into(),
        municipality: "730".into(),
        lived_experience: "yes".into(),
        treatment: vec!["psychiatric_outpatient".into(), "municipal_support".into()],
        income_support: "cash_benefit".into(),
        caseworker_agreement: "yes".into(),
        active_substance_abuse: "no".into(),
        dementia: "no".into(),
        needs_interpreter: "no".into(),
        motivation: "Jeg vil gerne give noget videre.".into(),
        experience: "Mine erfaringer ...".into(),
        distance: "Jeg har fået afstand ...".into(),
        strengths_limits: "Jeg kender mine grænser ...".into(),
        expectations: String::new(),
        consent: "yes".into(),
        keep_for_later: String::new(),
        ..ApplicationFields::default()
    }
}

fn problems(fields: &ApplicationFields) -> Vec<(&'static str, Problem)> {
    fields.parse(&randers(), today()).unwrap_err().into_iter().map(|e| (e.field.key(), e.problem)).collect()
}

#[test]
fn a_complete_form_parses_into_a_submission() {
    let s = complete().parse(&randers(), today()).unwrap();
    assert_eq!(s.applicant.full_name.as_str(), "Mette Sørensen");
    assert_eq!(s.applicant.phone.unwrap().as_str(), "+4512345678");
    assert_eq!(s.applicant.municipality.name, "Randers");
    assert_eq!(s.facts.treatment.unwrap().len(), 2);
    assert_eq!(s.facts.active_substance_abuse, Some(false));
    assert_eq!(s.answers.expectations, "");
}

#[test]
fn an_empty_form_reports_every_required_field_in_page_order() {
    let got: Vec<&str> = problems(&ApplicationFields::default()).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        got,
        [
            "full_name",
            "email",
            "birth_date",
            "municipality",
            "lived_experience",
            "income_support",
            "caseworker_agreement",
            "active_substance_abuse",
            "dementia",
            "needs_interpreter",
            "motivation",
            "experience",
            "distance",
            "strengths_limits",
            "consent"
        ]
    );
}

#[test]
fn no_treatment_ticked_is_an_answer_not_an_error() {
    let mut f = complete();
    f.treatment.clear();
    assert_eq!(f.parse(&randers(), today()).unwrap().facts.treatment, Some(vec![]));
}

#[test]
fn bad_values_are_named_precisely() {
    let mut f = complete();
    f.email = "mette@".into();
    f.phone = "123".into();
    f.birth_date = "31-13-1990".into();
    f.municipality = "999".into();
    f.treatment = vec!["hospital".into()];
    f.income_support = "lottery".into();
    f.motivation = "x".repeat(5001);
    assert_eq!(
        problems(&f),
        [
            ("email", Problem::Invalid),
            ("phone", Problem::Invalid),
            ("birth_date", Problem::NoSuchDate),
            ("municipality", Problem::Invalid),
            ("treatment", Problem::Invalid),
            ("income_support", Problem::Invalid),
            ("motivation", Problem::TooLong { max: 5000, got: 5001 }),
        ]
    );
}

#[test]
fn a_birth_date_must_lie_in_the_past() {
    let mut f = complete();
    f.birth_date = "2027-08-01".into();
    assert_eq!(problems(&f), [("birth_date", Problem::NotInThePast)]);
    f.birth_date = "2027-07-31".into();
    assert!(f.parse(&randers(), today()).is_ok());
}

#[test]
fn consent_must_be_given() {
    let mut f = complete();
    f.consent = String::new();
    assert_eq!(problems(&f), [("consent", Problem::Missing)]);
}

#[test]
fn a_draft_needs_only_an_email_and_sane_lengths() {
    let draft =
        ApplicationFields {
            email: "mette@example.dk".into(), motivation: "Halvt færdig".into(), ..Default::default()
        };
    assert_eq!(draft.parse_draft().unwrap().as_str(), "mette@example.dk");
    let no_email = ApplicationFields::default();
    assert_eq!(no_email.parse_draft().unwrap_err()[0].field, Field::Email);
    let long = ApplicationFields { email: "a@b.dk".into(), distance: "x".repeat(5001), ..Default::default() };
    assert_eq!(long.parse_draft().unwrap_err()[0].field, Field::Distance);
}

#[test]
fn partial_facts_read_what_is_there() {
    let f = ApplicationFields { municipality: "101".into(), dementia: "no".into(), ..Default::default() };
    let facts = f.partial_facts();
    assert_eq!(facts.municipality.unwrap().name, "København");
    assert_eq!(facts.dementia, Some(false));
    assert_eq!(facts.lived_experience, None);
}

#[test]
fn a_drafts_birth_date_is_read_the_way_people_write_it() {
    let expected = NaiveDate::from_ymd_opt(1990, 5, 31);
    for text in ["1990-05-31", "31-05-1990", "31.05.1990", "31/5/1990", " 31. 5. 1990 ", "31051990"] {
        assert_eq!(super::birth_date::read(text), expected, "{text}");
    }
    for bad in ["", "31-05-90", "1990/31/05", "i går", "30-02-1990"] {
        assert_eq!(super::birth_date::read(bad), None, "{bad}");
    }
}
