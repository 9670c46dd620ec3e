//! A form per profile: each asks, parses and keeps exactly the facts its
//! profile's criteria read (contract, Version 2, "Application form fields of
//! the other profiles").
use chrono::NaiveDate;

use super::*;
use crate::domain::eligibility::{Profile, facts::PeerRole};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 8, 1).unwrap()
}

fn spec(profile: &str) -> FormSpec {
    FormSpec::of(&Profile::by_key(profile).unwrap())
}

fn keys(spec: &FormSpec) -> Vec<&'static str> {
    spec.facts().iter().map(|f| f.key()).collect()
}

/// Every field of every profile filled in with a valid answer.
fn everything() -> ApplicationFields {
    let s = |t: &str| t.to_string();
    ApplicationFields {
        full_name: s("Mette Sørensen"),
        email: s("mette@example.dk"),
        birth_date: s("31-05-1990"),
        municipality: s("101"),
        lived_experience: s("yes"),
        treatment: vec![s("psychiatric_outpatient")],
        income_support: s("employed"),
        caseworker_agreement: s("no_caseworker"),
        active_substance_abuse: s("no"),
        dementia: s("no"),
        needs_interpreter: s("no"),
        peer_role: s("paid_peer"),
        peer_task_share_percent: s("70"),
        works_in_same_team_as_peer: s("yes"),
        education_level: s("ninth_grade"),
        education_field: s("health"),
        weekly_hours_available: s("20"),
        in_recovery_since: s("2024-03-01"),
        related_to_people_supported: s("no"),
        psychiatric_diagnosis: s("yes"),
        psychiatric_admissions: s("2"),
        outside_labour_market_due_to_illness: s("yes"),
        willing_to_share: s("yes"),
        motivation: s("Jeg vil give håb videre."),
        experience: s("Mine erfaringer."),
        distance: s("Afstand."),
        strengths_limits: s("Grænser."),
        consent: s("yes"),
        ..ApplicationFields::default()
    }
}

/// The fact keys a parsed submission keeps (as stored).
fn kept(profile: &str, fields: &ApplicationFields) -> Vec<String> {
    let facts = fields.parse(&spec(profile), today()).unwrap().facts.to_json();
    let mut keys: Vec<String> = facts.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

fn problems(profile: &str, fields: &ApplicationFields) -> Vec<(&'static str, Problem)> {
    fields.parse(&spec(profile), today()).unwrap_err().into_iter().map(|e| (e.field.key(), e.problem)).collect()
}

#[test]
fn each_profile_asks_exactly_the_facts_of_its_criteria() {
    let randers = [
        "lived_experience",
        "treatment",
        "income_support",
        "caseworker_agreement",
        "active_substance_abuse",
        "dementia",
        "needs_interpreter",
    ];
    assert_eq!(keys(&spec("randers")), randers, "the Randers form is the form of today");
    assert_eq!(keys(&spec("viborg")), randers);
    assert_eq!(
        keys(&spec("region-h-peer-course")),
        ["peer_role", "peer_task_share_percent", "works_in_same_team_as_peer"]
    );
    assert_eq!(
        keys(&spec("peer-support-worker")),
        [
            "lived_experience",
            "education_level",
            "weekly_hours_available",
            "in_recovery_since",
            "related_to_people_supported"
        ]
    );
    assert_eq!(keys(&spec("recovery-mentor")), ["psychiatric_diagnosis", "psychiatric_admissions", "lived_experience"]);
    assert_eq!(
        keys(&spec("mb-forloebet")),
        ["education_field", "outside_labour_market_due_to_illness", "lived_experience", "willing_to_share"]
    );
    for profile in Profile::keys() {
        let s = spec(profile);
        for common in
            [Field::FullName, Field::Email, Field::Phone, Field::BirthDate, Field::Municipality, Field::Consent]
        {
            assert!(s.asks(common), "{profile} asks {common:?}");
        }
    }
}

#[test]
fn parsing_keeps_only_the_facts_the_profile_asks_even_when_others_are_posted() {
    let all = everything();
    let sorted = |mut v: Vec<&'static str>| {
        v.sort_unstable();
        v
    };
    // Region H's questions depend on the role: checked below.
    for profile in Profile::keys().into_iter().filter(|p| *p != "region-h-peer-course") {
        let expected = sorted(keys(&spec(profile)));
        assert_eq!(kept(profile, &all), expected, "{profile}");
    }
    // The region H peer keeps the share, not the team; a colleague the other way round.
    let colleague = ApplicationFields { peer_role: "colleague".into(), ..everything() };
    assert_eq!(kept("region-h-peer-course", &all), ["peer_role", "peer_task_share_percent"]);
    assert_eq!(kept("region-h-peer-course", &colleague), ["peer_role", "works_in_same_team_as_peer"]);
    let facts = all.parse(&spec("region-h-peer-course"), today()).unwrap().facts;
    assert_eq!((facts.peer_role, facts.peer_task_share_percent), (Some(PeerRole::PaidPeer), Some(70)));
    assert_eq!(facts.lived_experience, None, "a fact the profile does not use is not kept");
}

#[test]
fn restricting_drops_every_fact_the_form_does_not_ask() {
    let mb = everything().restricted_to(&spec("mb-forloebet"));
    assert_eq!(mb.education_field, "health");
    assert_eq!(mb.willing_to_share, "yes");
    assert!(mb.treatment.is_empty() && mb.income_support.is_empty() && mb.peer_role.is_empty());
    assert!(mb.weekly_hours_available.is_empty() && mb.psychiatric_admissions.is_empty());
    assert_eq!(mb.full_name, "Mette Sørensen", "the common fields stay");
    let randers = everything().restricted_to(&spec("randers"));
    assert_eq!(randers.treatment, ["psychiatric_outpatient"]);
    assert!(randers.peer_role.is_empty() && randers.education_field.is_empty());
}

#[test]
fn numbers_outside_their_range_are_refused() {
    let cases = [
        ("peer-support-worker", Field::WeeklyHoursAvailable, "61", Problem::OutOfRange { min: 0, max: 60 }),
        ("peer-support-worker", Field::WeeklyHoursAvailable, "-1", Problem::OutOfRange { min: 0, max: 60 }),
        (
            "peer-support-worker",
            Field::WeeklyHoursAvailable,
            "99999999999999999999",
            Problem::OutOfRange { min: 0, max: 60 },
        ),
        ("peer-support-worker", Field::WeeklyHoursAvailable, "tyve", Problem::Invalid),
        ("peer-support-worker", Field::WeeklyHoursAvailable, "", Problem::Missing),
        ("recovery-mentor", Field::PsychiatricAdmissions, "100", Problem::OutOfRange { min: 0, max: 99 }),
        ("recovery-mentor", Field::PsychiatricAdmissions, "2.5", Problem::Invalid),
        ("region-h-peer-course", Field::PeerTaskSharePercent, "101", Problem::OutOfRange { min: 0, max: 100 }),
        ("region-h-peer-course", Field::PeerTaskSharePercent, "", Problem::Missing),
    ];
    for (profile, field, text, problem) in cases {
        let mut f = everything();
        match field {
            Field::WeeklyHoursAvailable => f.weekly_hours_available = text.into(),
            Field::PsychiatricAdmissions => f.psychiatric_admissions = text.into(),
            _ => f.peer_task_share_percent = text.into(),
        }
        assert_eq!(problems(profile, &f), [(field.key(), problem)], "{profile} {text:?}");
    }
    // The edges themselves are fine; a percent sign is allowed.
    let edges = ApplicationFields { weekly_hours_available: "60".into(), ..everything() };
    assert!(edges.parse(&spec("peer-support-worker"), today()).is_ok());
    let share = ApplicationFields { peer_task_share_percent: "100 %".into(), ..everything() };
    assert_eq!(share.parse(&spec("region-h-peer-course"), today()).unwrap().facts.peer_task_share_percent, Some(100));
}

#[test]
fn the_start_of_recovery_is_a_real_date_not_in_the_future() {
    let with = |text: &str| ApplicationFields { in_recovery_since: text.into(), ..everything() };
    let p = "peer-support-worker";
    assert_eq!(problems(p, &with("2027-08-02")), [("in_recovery_since", Problem::InTheFuture)]);
    assert_eq!(problems(p, &with("2024-13-01")), [("in_recovery_since", Problem::Invalid)]);
    assert_eq!(problems(p, &with("")), [("in_recovery_since", Problem::Missing)]);
    assert_eq!(problems(p, &with("01-01-1850")), [("in_recovery_since", Problem::Implausible)]);
    let today_is_fine = with("2027-08-01").parse(&spec(p), today()).unwrap();
    assert_eq!(today_is_fine.facts.in_recovery_since, Some(today()));
    let danish = with("01-03-2024").parse(&spec(p), today()).unwrap();
    assert_eq!(danish.facts.in_recovery_since, NaiveDate::from_ymd_opt(2024, 3, 1));
}

#[test]
fn the_conditional_region_h_questions_are_required_only_of_their_role() {
    let p = "region-h-peer-course";
    let peer = ApplicationFields {
        peer_task_share_percent: String::new(),
        works_in_same_team_as_peer: String::new(),
        ..everything()
    };
    assert_eq!(problems(p, &peer), [("peer_task_share_percent", Problem::Missing)]);
    let colleague = ApplicationFields { peer_role: "colleague".into(), ..peer.clone() };
    assert_eq!(problems(p, &colleague), [("works_in_same_team_as_peer", Problem::Missing)]);
    let no_role = ApplicationFields { peer_role: String::new(), ..peer };
    assert_eq!(problems(p, &no_role), [("peer_role", Problem::Missing)]);
    // A colleague's stray share is neither checked nor kept.
    let stray =
        ApplicationFields { peer_role: "colleague".into(), peer_task_share_percent: "500".into(), ..everything() };
    assert_eq!(stray.parse(&spec(p), today()).unwrap().facts.peer_task_share_percent, None);
}

#[test]
fn an_empty_form_of_another_profile_names_its_own_questions_in_page_order() {
    let got: Vec<&str> =
        problems("recovery-mentor", &ApplicationFields::default()).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        got,
        [
            "full_name",
            "email",
            "birth_date",
            "municipality",
            "psychiatric_diagnosis",
            "psychiatric_admissions",
            "lived_experience",
            "motivation",
            "experience",
            "distance",
            "strengths_limits",
            "consent"
        ]
    );
}
