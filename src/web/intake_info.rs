//! What an intake's page says before anyone applies: who can apply (each
//! fact-based criterion of the programme's profile in plain words), what it
//! costs (the out-of-region fee, where the programme has a home region), the
//! steps with their dates, and how to reach the school. Built from the
//! intake and its programme only, so the cached page follows their changes.
use super::{apply::labels, page::ContactView};
use crate::{
    domain::{
        eligibility::{Criterion, Profile},
        info_meeting::InfoMeeting,
        intake::Intake,
        local_time::local_date,
    },
    i18n::{Lang, ProfileStrings, dates, fill},
};

/// The intake page's "before you apply" sections.
pub struct IntakeInfo {
    pub p: &'static ProfileStrings,
    /// The fact-based criteria, one sentence each.
    pub who: Vec<String>,
    /// The profile also has criteria judged at the interview.
    pub judged: bool,
    pub costs: Vec<String>,
    pub steps: Vec<String>,
    /// (whose, how): the school's contact, then the programme's own where set.
    pub contacts: Vec<(&'static str, ContactView)>,
}

impl IntakeInfo {
    pub fn new(lang: Lang, intake: &Intake, meetings: &[InfoMeeting], school: Option<ContactView>) -> Self {
        let p = lang.profile();
        let profile = Profile::for_programme(&intake.programme);
        let criteria = profile.map(|pr| pr.criteria).unwrap_or_default();
        let mut contacts: Vec<(&'static str, ContactView)> = school.map(|c| (p.reach_school, c)).into_iter().collect();
        contacts.extend(programme_contact(intake).map(|c| (p.reach_programme, c)));
        Self {
            p,
            who: criteria.iter().filter_map(|c| who(lang, *c)).collect(),
            judged: criteria.iter().any(|c| c.is_judged()),
            costs: costs(lang, &criteria),
            steps: steps(lang, intake, meetings),
            contacts,
        }
    }
}

/// The criterion as a sentence about the reader; `None` for those judged at the interview.
fn who(lang: Lang, c: Criterion) -> Option<String> {
    let p = lang.profile();
    let text = match c {
        Criterion::MinAge { years } => return Some(fill(p.who_min_age, &[&years])),
        Criterion::Residence { region, .. } => return Some(fill(p.who_residence, &[&region.name()])),
        Criterion::PeerEmployment { min_share_percent } => {
            return Some(fill(p.who_peer_employment, &[&min_share_percent]));
        }
        Criterion::MinEducation { level } => {
            return Some(fill(p.who_education_level, &[&labels::education_level(lang, level).to_lowercase()]));
        }
        Criterion::MinWeeklyHours { hours } => return Some(fill(p.who_weekly_hours, &[&hours])),
        Criterion::RecoveryForAtLeast { months } => return Some(fill(p.who_recovery_duration, &[&months])),
        Criterion::MinAdmissions { count: 1 } => p.who_admissions_one,
        Criterion::MinAdmissions { count } => return Some(fill(p.who_admissions, &[&count])),
        Criterion::LivedExperience => p.who_lived_experience,
        Criterion::TreatmentHistory => p.who_treatment_history,
        Criterion::IncomeSupport => p.who_income_support,
        Criterion::NoActiveSubstanceAbuse => p.who_substance_abuse,
        Criterion::NoDementia => p.who_dementia,
        Criterion::NoInterpreterNeeded => p.who_interpreter,
        Criterion::ColleagueInSameTeam => p.who_colleague_same_team,
        Criterion::NoFamilyRelationToPeopleSupported => p.who_family_relation,
        Criterion::PsychiatricDiagnosis => p.who_psychiatric_diagnosis,
        Criterion::RelevantEducation => p.who_relevant_education,
        Criterion::OutsideLabourMarketDueToIllness => p.who_outside_labour_market,
        Criterion::WillingToShare => p.who_willing_to_share,
        Criterion::Motivation | Criterion::Reflection | Criterion::Distance | Criterion::CompetenceBuilding => {
            return None;
        }
    };
    Some(text.to_string())
}

/// Applying is free; living outside the home region may need the municipality to pay.
fn costs(lang: Lang, criteria: &[Criterion]) -> Vec<String> {
    let p = lang.profile();
    let mut costs = vec![p.cost_free_to_apply.to_string()];
    costs.extend(criteria.iter().find_map(|c| match *c {
        Criterion::Residence { region, fee_dkk: Some(fee) } => {
            Some(fill(p.cost_out_of_region, &[&region.name(), &labels::thousands(fee)]))
        }
        Criterion::Residence { region, fee_dkk: None } => Some(fill(p.cost_out_of_region_no_fee, &[&region.name()])),
        _ => None,
    }));
    costs
}

/// Deadline, info meetings, interviews, the answer and the start, with their dates.
fn steps(lang: Lang, intake: &Intake, meetings: &[InfoMeeting]) -> Vec<String> {
    let p = lang.profile();
    let mut steps = vec![fill(p.step_deadline, &[&dates::long_moment(lang, intake.deadline)])];
    if !meetings.is_empty() {
        let days: Vec<String> = meetings.iter().map(|m| dates::long_date(lang, local_date(m.starts_at))).collect();
        steps.push(fill(p.step_info_meetings, &[&listed(p, &days)]));
    }
    let days: Vec<String> = intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect();
    match intake.interview_days.iter().max() {
        Some(last) => {
            steps.push(fill(p.step_interviews, &[&listed(p, &days)]));
            steps.push(fill(p.step_answer, &[&dates::long_date(lang, *last)]));
        }
        None => steps.push(p.step_answer_no_interviews.to_string()),
    }
    steps.push(fill(p.step_start, &[&dates::long_date(lang, intake.start_date)]));
    steps
}

/// "a, b og c".
fn listed(p: &ProfileStrings, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), p.list_and),
    }
}

/// The programme's own contact, where it has one.
fn programme_contact(intake: &Intake) -> Option<ContactView> {
    let prog = &intake.programme;
    if prog.contact_email.is_none() && prog.contact_phone.is_none() {
        return None;
    }
    let phone = prog.contact_phone.as_ref().map(|ph| {
        let href: String = ph.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        (href, ph.clone())
    });
    Some(ContactView { name: prog.name.clone(), email: prog.contact_email.clone(), phone })
}
