//! The part of the page that tells what the application says and what
//! became of it: the person, the criteria, the answers, consent, notes, history.
use serde_json::Value;

use super::{
    super::super::intakes::status_label,
    super::list::summary_label,
    criteria::{CriterionView, criteria},
};
use crate::{
    domain::{
        local_time::{age_on, local_date},
        municipality::Municipality,
        retention::{self, Periods},
    },
    flows::review::Review,
    i18n::{Lang, dates, fill},
    storage::review::Detail,
};

pub struct About {
    pub name: String,
    pub intake: String,
    pub status: &'static str,
    pub status_key: &'static str,
    pub summary: &'static str,
    pub health_erased: Option<String>,
    pub personal: Vec<(&'static str, String)>,
    pub criteria: Vec<CriterionView>,
    pub facts: Vec<(&'static str, String)>,
    pub answers: Vec<(&'static str, String)>,
    pub consent: String,
    pub kept_for_later: &'static str,
    pub retention: String,
    /// (author, when, text)
    pub notes: Vec<(String, String, String)>,
    /// (when, what)
    pub history: Vec<(String, String)>,
}

impl About {
    /// "2 krav skal stadig tjekkes", for the action panel; none when nothing is open.
    pub fn open_checks(&self, lang: Lang) -> Option<String> {
        let s = lang.admin();
        match self.criteria.iter().filter(|c| c.open).count() {
            0 => None,
            1 => Some(s.detail_open_checks_one.to_string()),
            n => Some(fill(s.detail_open_checks_many, &[&n])),
        }
    }
}

pub fn about(lang: Lang, periods: &Periods, d: &Detail, review: &Review) -> About {
    let s = lang.admin();
    let health = review.health.as_ref();
    About {
        name: d.full_name.clone(),
        intake: d.intake_name.clone(),
        status: status_label(s, d.status),
        status_key: d.status.key(),
        summary: summary_label(s, &d.eligibility_summary),
        health_erased: d.health_erased_at.map(|at| fill(s.detail_health_erased, &[&dates::long_moment(lang, at)])),
        personal: personal(lang, d),
        criteria: health.map(|h| criteria(lang, &h.eligibility, &review.verifications)).unwrap_or_default(),
        facts: health.map(|h| crate::web::apply::labels::stored_facts(lang, &h.facts)).unwrap_or_default(),
        answers: answers(lang, health.map(|h| &h.answers)),
        consent: fill(s.detail_consent, &[&d.consent_version, &dates::long_moment(lang, d.consented_at)]),
        kept_for_later: if d.kept_for_later { s.detail_kept_for_later } else { s.detail_not_kept_for_later },
        retention: retention_text(lang, periods, d),
        notes: review
            .notes
            .iter()
            .map(|n| (n.author.clone(), dates::long_moment(lang, n.created_at), n.body.clone()))
            .collect(),
        history: history(lang, d, review),
    }
}

fn personal(lang: Lang, d: &Detail) -> Vec<(&'static str, String)> {
    let s = lang.admin();
    let municipality = Municipality::from_code(&format!("{:03}", d.municipality_code))
        .map(|m| format!("{} ({})", m.name, m.region.name()))
        .unwrap_or_default();
    vec![
        (s.detail_email, d.email.clone()),
        (s.detail_phone, d.phone.clone().unwrap_or_default()),
        (s.detail_birth_date, dates::long_date(lang, d.birth_date)),
        (s.detail_age_at_start, age_on(d.birth_date, d.start_date).to_string()),
        (s.detail_municipality, municipality),
    ]
}

/// The enroller's lines: kind, organisation, name, e-mail and (employer) the role they gave.
pub fn enroller(lang: Lang, e: &crate::storage::enrolments::EnrolmentRow) -> Vec<(&'static str, String)> {
    use crate::domain::enrolment::EnrollerKind;
    let t = lang.enrolment();
    let kind = match e.kind {
        EnrollerKind::Employer => t.staff_employer,
        EnrollerKind::Caseworker => t.staff_caseworker,
    };
    let mut lines = vec![
        (t.staff_kind, kind.to_string()),
        (t.staff_organisation, e.organisation.clone()),
        (t.staff_name, e.enroller_name.clone()),
        (t.staff_email, e.enroller_email.clone()),
    ];
    if let Some(role) = e.peer_role {
        lines.push((t.staff_role, crate::web::enrolments::role_label(lang, role).to_string()));
    }
    lines
}

fn answers(lang: Lang, stored: Option<&Value>) -> Vec<(&'static str, String)> {
    let q = lang.apply();
    let answer = |k: &str| stored.and_then(|a| a.get(k)).and_then(Value::as_str).unwrap_or("").to_string();
    vec![
        (q.motivation, answer("motivation")),
        (q.experience, answer("experience")),
        (q.distance, answer("distance")),
        (q.strengths_limits, answer("strengths_limits")),
        (q.expectations, answer("expectations")),
    ]
}

/// When the application is due for erasure, or that an admitted one is kept as a participant's.
fn retention_text(lang: Lang, periods: &Periods, d: &Detail) -> String {
    let s = lang.admin();
    retention::application_due(d.status, d.start_date, d.kept_for_later, periods).map_or_else(
        || fill(s.detail_retention_admitted, &[&(periods.participant.num_days() / 30)]),
        |due| fill(s.detail_retention, &[&dates::long_date(lang, local_date(due))]),
    )
}

fn history(lang: Lang, d: &Detail, review: &Review) -> Vec<(String, String)> {
    let s = lang.admin();
    let mut rows = vec![(dates::long_moment(lang, d.submitted_at), s.detail_history_submitted.to_string())];
    rows.extend(review.history.iter().map(|h| {
        let line = format!(
            "{} – {}{}",
            status_label(s, h.to_status),
            h.actor.clone().unwrap_or_default(),
            h.reason.as_ref().map(|r| format!(": {r}")).unwrap_or_default()
        );
        (dates::long_moment(lang, h.at), line)
    }));
    rows
}
