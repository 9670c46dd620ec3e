//! Each programme's own criteria, beside the Randers ones tested above.
use super::*;
use crate::domain::programme::ProgrammeFacts;

#[test]
fn every_profile_exists_and_has_unique_keys() {
    for key in Profile::keys() {
        let p = Profile::by_key(key).unwrap();
        let mut keys: Vec<&str> = p.criteria.iter().map(|c| c.key()).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "{key}");
    }
    assert!(Profile::by_key("unknown").is_none());
}

#[test]
fn viborg_has_the_randers_rules() {
    assert_eq!(Profile::by_key("viborg").unwrap().criteria, randers().criteria);
}

#[test]
fn region_h_course_peers_need_two_thirds_peer_tasks_and_colleagues_the_same_team() {
    let p = Profile::by_key("region-h-peer-course").unwrap();
    let check = |f: &Facts, key| assess(&p, f, ctx()).outcome_of(key).unwrap();
    let mut f = Facts { peer_role: Some(PeerRole::PaidPeer), peer_task_share_percent: Some(67), ..Facts::default() };
    assert_eq!(check(&f, "peer_employment"), Outcome::Met);
    assert_eq!(check(&f, "colleague_same_team"), Outcome::Met);
    f.peer_task_share_percent = Some(66);
    assert_eq!(check(&f, "peer_employment"), Outcome::NotMet);
    f.peer_role = Some(PeerRole::VolunteerPeer);
    assert_eq!(check(&f, "peer_employment"), Outcome::NotMet);
    let mut c =
        Facts { peer_role: Some(PeerRole::Colleague), works_in_same_team_as_peer: Some(true), ..Facts::default() };
    assert_eq!(check(&c, "peer_employment"), Outcome::Met);
    assert_eq!(check(&c, "colleague_same_team"), Outcome::Met);
    c.works_in_same_team_as_peer = Some(false);
    assert_eq!(check(&c, "colleague_same_team"), Outcome::NotMet);
    assert!(assess(&p, &Facts::default(), ctx()).results.iter().all(|r| r.outcome != Outcome::NotMet));
}

#[test]
fn peer_support_worker_needs_ninth_grade_fifteen_hours_a_year_in_recovery_and_no_family_ties() {
    let p = Profile::by_key("peer-support-worker").unwrap();
    let good = Facts {
        lived_experience: Some(true),
        education_level: Some(EducationLevel::NinthGrade),
        weekly_hours_available: Some(15),
        in_recovery_since: Some(d(2026, 8, 1)),
        related_to_people_supported: Some(false),
        ..Facts::default()
    };
    assert_eq!(assess(&p, &good, ctx()).summary, Summary::NoConcerns);
    let check = |f: Facts, key| assess(&p, &f, ctx()).outcome_of(key).unwrap();
    assert_eq!(
        check(Facts { education_level: Some(EducationLevel::BelowNinthGrade), ..good.clone() }, "education_level"),
        Outcome::NotMet
    );
    assert_eq!(
        check(Facts { education_level: Some(EducationLevel::HigherEducation), ..good.clone() }, "education_level"),
        Outcome::Met
    );
    assert_eq!(check(Facts { weekly_hours_available: Some(14), ..good.clone() }, "weekly_hours"), Outcome::NotMet);
    // A year to the day is enough; a day short is not.
    assert_eq!(
        check(Facts { in_recovery_since: Some(d(2026, 8, 2)), ..good.clone() }, "recovery_duration"),
        Outcome::NotMet
    );
    assert_eq!(
        check(Facts { in_recovery_since: Some(d(2028, 1, 1)), ..good.clone() }, "recovery_duration"),
        Outcome::ToVerify(Verify::NotAnswered)
    );
    assert_eq!(check(Facts { related_to_people_supported: Some(true), ..good }, "family_relation"), Outcome::NotMet);
}

#[test]
fn recovery_mentor_needs_a_diagnosis_and_an_admission() {
    let p = Profile::by_key("recovery-mentor").unwrap();
    let good = Facts {
        psychiatric_diagnosis: Some(true),
        psychiatric_admissions: Some(1),
        lived_experience: Some(true),
        ..Facts::default()
    };
    assert_eq!(assess(&p, &good, ctx()).summary, Summary::NoConcerns);
    let none = Facts { psychiatric_admissions: Some(0), ..good.clone() };
    assert_eq!(assess(&p, &none, ctx()).outcome_of("admissions"), Some(Outcome::NotMet));
    let no_diagnosis = Facts { psychiatric_diagnosis: Some(false), ..good };
    assert_eq!(assess(&p, &no_diagnosis, ctx()).outcome_of("psychiatric_diagnosis"), Some(Outcome::NotMet));
}

#[test]
fn mb_forloebet_needs_a_relevant_education_and_time_outside_the_labour_market() {
    let p = Profile::by_key("mb-forloebet").unwrap();
    for (field, expected) in [
        (EducationField::Social, Outcome::Met),
        (EducationField::Health, Outcome::Met),
        (EducationField::Pedagogical, Outcome::Met),
        (EducationField::Other, Outcome::NotMet),
        (EducationField::None, Outcome::NotMet),
    ] {
        let f = Facts { education_field: Some(field), ..Facts::default() };
        assert_eq!(assess(&p, &f, ctx()).outcome_of("relevant_education"), Some(expected), "{field:?}");
    }
    let f = Facts { outside_labour_market_due_to_illness: Some(false), ..Facts::default() };
    assert_eq!(assess(&p, &f, ctx()).outcome_of("outside_labour_market"), Some(Outcome::NotMet));
    assert_eq!(assess(&p, &f, ctx()).outcome_of("willing_to_share"), Some(Outcome::ToVerify(Verify::NotAnswered)));
    // Willingness to share is asked on the form: yes is met, no is not.
    let share = |v| assess(&p, &Facts { willing_to_share: Some(v), ..Facts::default() }, ctx());
    assert_eq!(share(true).outcome_of("willing_to_share"), Some(Outcome::Met));
    assert_eq!(share(false).outcome_of("willing_to_share"), Some(Outcome::NotMet));
}

#[test]
fn profiles_differ_where_the_programmes_differ() {
    let randers_keys: Vec<&str> = randers().criteria.iter().map(|c| c.key()).collect();
    for key in ["region-h-peer-course", "peer-support-worker", "recovery-mentor", "mb-forloebet"] {
        let other: Vec<&str> = Profile::by_key(key).unwrap().criteria.iter().map(|c| c.key()).collect();
        assert_ne!(other, randers_keys, "{key}");
        assert!(!other.contains(&"residence"), "{key} has no residence rule");
    }
}

fn programme(profile: &str, home_region: Option<Region>, fee: Option<u32>) -> ProgrammeFacts {
    ProgrammeFacts { profile: profile.into(), home_region, out_of_region_fee_dkk: fee, ..ProgrammeFacts::randers() }
}

#[test]
fn residence_follows_the_programmes_home_region_and_fee() {
    let randers = Profile::for_programme(&ProgrammeFacts::randers()).unwrap();
    assert_eq!(randers, Profile::by_key("randers").unwrap(), "Randers stays exactly as it was");
    let viborg = Profile::for_programme(&programme("viborg", Some(Region::Nordjylland), None)).unwrap();
    assert!(viborg.criteria.contains(&Criterion::Residence { region: Region::Nordjylland, fee_dkk: None }));
    assert_eq!(viborg.criteria.len(), randers.criteria.len());
    let open = Profile::for_programme(&programme("viborg", None, Some(14_000))).unwrap();
    assert!(open.criteria.iter().all(|c| c.key() != "residence"), "no home region: no residence rule");
    assert_eq!(open.criteria.len(), randers.criteria.len() - 1);
    // A profile without a residence rule does not get one from the programme.
    let mentor = Profile::for_programme(&programme("recovery-mentor", Some(Region::Hovedstaden), Some(1))).unwrap();
    assert_eq!(mentor, Profile::by_key("recovery-mentor").unwrap());
    assert!(Profile::for_programme(&programme("unknown", None, None)).is_none());
}
