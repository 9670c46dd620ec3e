//! Region H completion over explicit dates (seed `001_...`).
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::domain::eligibility::facts::PeerRole::{Colleague, PaidPeer, VolunteerPeer};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn module(id: i64, title: &str, date: &str, mandatory_for: &[PeerRole]) -> Module {
    Module {
        id,
        title: title.into(),
        date: day(date),
        starts: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        ends: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        mandatory_for: mandatory_for.to_vec(),
        capacity: 20,
    }
}

const START: &str = "2027-01-04";

fn rules() -> ModularRules {
    ModularRules::region_h()
}

fn state(modules: &[Module], role: PeerRole, signed_up: &[i64], present: &[i64], now: &str) -> Completion {
    let rules = rules();
    let course = Course { rules: &rules, start: day(START), modules };
    completion(&course, &Participation { role: Some(role), signed_up, present }, at(now))
}

/// Five optional modules of 4 hours each, and nothing mandatory.
fn five() -> Vec<Module> {
    (1..=5).map(|i| module(i, &format!("Modul {i}"), &format!("2027-0{}-01", i + 1), &[])).collect()
}

#[test]
fn exactly_80_percent_of_the_signed_up_hours_completes_and_just_below_does_not() {
    let modules = five();
    let all = [1, 2, 3, 4, 5];
    assert_eq!(state(&modules, PaidPeer, &all, &[1, 2, 3, 4], "2027-07-01 12:00"), Completion::Completed);
    assert_eq!(state(&modules, PaidPeer, &all, &[1, 2, 3], "2027-07-01 12:00"), Completion::NotCompleted);
    // Just below by minutes: one module 4 h, the other 3 h 59 min less attended.
    let mut two = vec![module(1, "A", "2027-02-01", &[]), module(2, "B", "2027-03-01", &[])];
    two[0].ends = NaiveTime::from_hms_opt(12, 11, 0).unwrap(); // 191 min of 431: 44 %
    assert_eq!(state(&two, PaidPeer, &[1, 2], &[2], "2027-07-01 12:00"), Completion::NotCompleted);
    two[0].ends = NaiveTime::from_hms_opt(9, 59, 0).unwrap(); // 240 of 299 min: 80.27 %
    assert_eq!(state(&two, PaidPeer, &[1, 2], &[2], "2027-07-01 12:00"), Completion::Completed);
    two[0].ends = NaiveTime::from_hms_opt(10, 1, 0).unwrap(); // 240 of 301 min: 79.7 %
    assert_eq!(state(&two, PaidPeer, &[1, 2], &[2], "2027-07-01 12:00"), Completion::NotCompleted);
}

#[test]
fn the_last_mandatory_module_exactly_12_months_after_the_start_counts_and_a_day_later_does_not() {
    assert_eq!(deadline(&rules(), day(START)), day("2028-01-04"));
    let in_time = [module(1, "Peer-rollen", "2028-01-04", &[PaidPeer])];
    assert_eq!(state(&in_time, PaidPeer, &[1], &[1], "2028-01-04 14:00"), Completion::Completed);
    let late = [module(1, "Peer-rollen", "2028-01-05", &[PaidPeer])];
    assert_eq!(state(&late, PaidPeer, &[1], &[1], "2028-01-05 14:00"), Completion::NotCompleted);
    // Before it takes place, a sign-up only after the deadline already warns.
    assert_eq!(state(&late, PaidPeer, &[1], &[], "2027-06-01 12:00"), Completion::NotCompleted);
}

#[test]
fn a_mandatory_module_signed_up_after_the_deadline_is_at_risk_while_an_occurrence_in_time_is_left() {
    let modules =
        [module(1, "Peer-rollen", "2027-11-01", &[PaidPeer]), module(2, "Peer-rollen", "2028-02-01", &[PaidPeer])];
    assert_eq!(state(&modules, PaidPeer, &[2], &[], "2027-06-01 12:00"), Completion::AtRisk);
    assert_eq!(state(&modules, PaidPeer, &[1], &[], "2027-06-01 12:00"), Completion::OnTrack);
    assert_eq!(state(&modules, PaidPeer, &[], &[], "2027-06-01 12:00"), Completion::AtRisk, "not signed up");
}

#[test]
fn a_missed_mandatory_module_with_no_later_occurrence_can_no_longer_complete() {
    let modules = [
        module(1, "Peer-rollen", "2027-03-01", &[PaidPeer]),
        module(2, "Peer-rollen", "2027-09-01", &[PaidPeer]),
        module(3, "Valgfrit", "2027-10-01", &[]),
        module(4, "Valgfrit 2", "2027-10-02", &[]),
        module(5, "Valgfrit 3", "2027-10-03", &[]),
    ];
    // Missed the first; the second is still to come and 80 % can still be
    // reached (4 of 5 modules): at risk.
    assert_eq!(state(&modules, PaidPeer, &[1, 2, 3, 4, 5], &[], "2027-04-01 12:00"), Completion::AtRisk);
    // With fewer modules to come, 80 % cannot be reached any more.
    assert_eq!(state(&modules, PaidPeer, &[1, 2, 3], &[], "2027-04-01 12:00"), Completion::NotCompleted);
    // The second occurrence missed too: no occurrence left.
    assert_eq!(state(&modules, PaidPeer, &[2, 3, 4, 5], &[3, 4, 5], "2027-10-04 12:00"), Completion::NotCompleted);
    // Not mandatory for a volunteer: the missed module only counts as hours.
    assert_eq!(state(&modules, VolunteerPeer, &[3, 4, 5], &[3, 4, 5], "2027-10-04 12:00"), Completion::Completed);
}

#[test]
fn the_deadline_passing_ends_it_and_nothing_yet_is_on_track() {
    let modules = [module(1, "Peer-rollen", "2027-03-01", &[Colleague])];
    assert_eq!(state(&modules, Colleague, &[1], &[], "2027-02-01 12:00"), Completion::OnTrack);
    assert_eq!(state(&modules, Colleague, &[1], &[], "2028-01-05 00:00"), Completion::NotCompleted);
    assert_eq!(state(&[], Colleague, &[], &[], "2027-02-01 12:00"), Completion::OnTrack, "nothing yet");
}

#[test]
fn intro_days_depend_on_the_role() {
    assert_eq!(intro_days(&rules(), Some(PaidPeer)), 3);
    assert_eq!(intro_days(&rules(), Some(VolunteerPeer)), 3);
    assert_eq!(intro_days(&rules(), Some(Colleague)), 4);
}

#[test]
fn choosing_keeps_the_past_adds_missing_mandatory_modules_and_ignores_unknown_ids() {
    let modules = [
        module(1, "Intro til peer", "2027-02-01", &[]),
        module(2, "Peer-rollen", "2027-03-01", &[PaidPeer]),
        module(3, "Peer-rollen", "2027-05-01", &[PaidPeer]),
        module(4, "Valgfrit", "2027-06-01", &[]),
    ];
    let rules = rules();
    let course = Course { rules: &rules, start: day(START), modules: &modules };
    let now = at("2027-02-15 12:00");
    // Module 1 has started: it cannot be added now, nor dropped once there.
    assert_eq!(choose(&course, Some(PaidPeer), &[], &[1, 4, 99], now), [2, 4]);
    assert_eq!(choose(&course, Some(PaidPeer), &[1], &[], now), [1, 2]);
    // A later occurrence of the mandatory title is a choice too.
    assert_eq!(choose(&course, Some(PaidPeer), &[], &[3], now), [3]);
    assert_eq!(fixed(&course, Some(PaidPeer), &[3], now), [3]);
    assert_eq!(fixed(&course, Some(PaidPeer), &[], now), [2]);
    assert_eq!(choose(&course, Some(Colleague), &[], &[], now), Vec::<i64>::new());
}
