//! The part of the page that tells what staff may do with the application:
//! invite, assess, offer, waitlist, change its status, and the problems of
//! forms just sent.
use super::super::super::{Staff, intakes::status_label};
use crate::{
    domain::{application::Status, cohort::can_be_offered, staff::Permission},
    flows::review::Review,
    i18n::{AdminStrings, Lang, dates},
    storage::{interviews::AssessmentRow, review::Detail},
};

pub struct Actions {
    /// (key, label) of the statuses the application may move to.
    pub next_statuses: Vec<(&'static str, &'static str)>,
    pub note_error: Option<&'static str>,
    pub status_error: Option<&'static str>,
    pub may_invite: bool,
    pub invited: bool,
    /// (when, place, wishes) of the booked interview.
    pub interview: Option<(String, String, String)>,
    pub follow_ups: Vec<&'static str>,
    pub score_rows: Vec<ScoreRow>,
    pub assessors: Vec<Assessor>,
    pub may_assess: bool,
    pub assessment_error: Option<&'static str>,
    /// (id, name) of the intake's cohorts.
    pub cohorts: Vec<(i64, String)>,
    pub may_offer: bool,
    pub may_waitlist: bool,
    pub no_interview: bool,
}

/// One criterion of the interview assessment, with each assessor's score (or `–`).
pub type ScoreRow = (&'static str, &'static str, Vec<String>);

pub struct Assessor {
    pub interviewer: String,
    pub no_show: bool,
    pub notes: String,
}

pub fn actions(lang: Lang, staff: &Staff, d: &Detail, review: Review) -> Actions {
    let s = lang.admin();
    let status = d.status;
    let decides = staff.role.may(Permission::DecideApplications);
    Actions {
        next_statuses: next_statuses(s, status),
        note_error: None,
        status_error: None,
        may_invite: decides && matches!(status, Status::Submitted | Status::Invited),
        invited: status == Status::Invited,
        interview: review
            .booking
            .map(|b| (dates::long_span(lang, b.starts_at, b.ends_at), b.place, b.accommodations.unwrap_or_default())),
        follow_ups: review
            .follow_ups
            .iter()
            .map(|f| match f {
                crate::domain::interview::FollowUp::NoShow => s.follow_up_no_show,
            })
            .collect(),
        score_rows: score_rows(s, &review.assessments),
        assessors: review.assessments.iter().map(assessor).collect(),
        may_assess: decides || (review.on_panel && staff.role.may(Permission::AssessInterviews)),
        assessment_error: None,
        may_offer: decides && can_be_offered(status) && !review.cohorts.is_empty(),
        may_waitlist: decides && status != Status::Waitlisted && status.can_become(Status::Waitlisted),
        no_interview: review.assessments.is_empty(),
        cohorts: review.cohorts,
    }
}

fn next_statuses(s: &AdminStrings, from: Status) -> Vec<(&'static str, &'static str)> {
    Status::ALL
        .iter()
        .filter(|to| from.can_become(**to) && **to != from)
        .map(|to| (to.key(), status_label(s, *to)))
        .collect()
}

fn score_rows(s: &AdminStrings, assessments: &[AssessmentRow]) -> Vec<ScoreRow> {
    [
        ("motivation", s.crit_motivation),
        ("reflection", s.crit_reflection),
        ("distance", s.crit_distance),
        ("competence_building", s.crit_competence_building),
    ]
    .into_iter()
    .map(|(key, label)| {
        let scores = assessments
            .iter()
            .map(|a| {
                let v = match key {
                    "motivation" => a.motivation,
                    "reflection" => a.reflection,
                    "distance" => a.distance,
                    _ => a.competence_building,
                };
                v.map_or_else(|| "–".to_string(), |v| v.to_string())
            })
            .collect();
        (key, label, scores)
    })
    .collect()
}

fn assessor(a: &AssessmentRow) -> Assessor {
    Assessor { interviewer: a.interviewer.clone(), no_show: a.no_show, notes: a.notes.clone().unwrap_or_default() }
}
