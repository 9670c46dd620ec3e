//! What the cohort page shows of a modular course: each module with its
//! sign-ups, each participant's role, hours and completion with an early
//! warning; and the names the own page shares.
use super::modules::FormView;
use crate::{
    domain::{
        eligibility::facts::PeerRole,
        modular::{self, Completion, Module, Participation},
    },
    flows::modules::Modular,
    i18n::{Lang, dates, fill},
    storage::modules::ModuleParticipant,
};

/// The role as the page names it.
pub(crate) fn role_name(lang: Lang, role: Option<PeerRole>) -> &'static str {
    let t = lang.modules();
    match role {
        Some(PeerRole::PaidPeer) => t.role_paid_peer,
        Some(PeerRole::VolunteerPeer) => t.role_volunteer_peer,
        Some(PeerRole::Colleague) => t.role_colleague,
        None => t.role_unknown,
    }
}

/// The state as the page names it.
pub(crate) fn completion_name(lang: Lang, c: Completion) -> &'static str {
    let t = lang.modules();
    match c {
        Completion::OnTrack => t.state_on_track,
        Completion::AtRisk => t.state_at_risk,
        Completion::Completed => t.state_completed,
        Completion::NotCompleted => t.state_not_completed,
    }
}

/// Hours as people write them: "4", "3,5" (one decimal at most, a Danish comma).
fn hours(lang: Lang, minutes: u64) -> String {
    let text = format!("{:.1}", minutes as f64 / 60.0);
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    if lang == Lang::Da { text.replace('.', ",") } else { text }
}

/// "Monday 4 October 2027, 09.00-13.00".
pub(crate) fn when(lang: Lang, m: &Module) -> String {
    format!("{}, {}-{}", dates::long_date(lang, m.date), dates::clock(lang, m.starts), dates::clock(lang, m.ends))
}

/// What the cohort page shows of a modular course.
pub(super) struct Section {
    pub rule: String,
    pub modules: Vec<ModuleLine>,
    pub people: Vec<PersonLine>,
    pub form: FormView,
}

pub(super) struct ModuleLine {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub places: String,
    pub mandatory: String,
    pub started: bool,
    /// (reference, name, present)
    pub signups: Vec<(String, String, bool)>,
}

pub(super) struct PersonLine {
    pub reference: String,
    pub name: String,
    pub role: String,
    pub hours: String,
    pub completion: &'static str,
    pub state: &'static str,
    pub warning: Option<String>,
}

pub(super) fn section(lang: Lang, m: &Modular) -> Section {
    let t = lang.modules();
    let deadline = dates::long_date(lang, modular::deadline(&m.rules, m.cohort.start_date));
    let r = &m.rules;
    Section {
        rule: fill(t.rule_text, &[&deadline, &r.min_attendance_percent, &r.intro_days_peer, &r.intro_days_colleague]),
        modules: m.modules.iter().map(|x| module_line(lang, m, x)).collect(),
        people: m.participants.iter().map(|p| person_line(lang, m, p, &deadline)).collect(),
        form: FormView::blank(lang),
    }
}

fn module_line(lang: Lang, m: &Modular, x: &Module) -> ModuleLine {
    let t = lang.modules();
    let roles: Vec<&str> = x.mandatory_for.iter().map(|r| role_name(lang, Some(*r))).collect();
    let signups = m
        .participants
        .iter()
        .filter(|p| m.signed_up(p.application_id).contains(&x.id))
        .map(|p| (p.reference.clone(), p.full_name.clone(), m.present(p.application_id).contains(&x.id)));
    ModuleLine {
        id: x.id,
        title: x.title.clone(),
        when: when(lang, x),
        places: fill(t.module_places, &[&m.taken(x.id), &x.capacity]),
        mandatory: if roles.is_empty() {
            t.module_optional.into()
        } else {
            fill(t.module_mandatory_for, &[&roles.join(", ")])
        },
        started: x.has_started(m.now),
        signups: signups.collect(),
    }
}

fn person_line(lang: Lang, m: &Modular, p: &ModuleParticipant, deadline: &str) -> PersonLine {
    let t = lang.modules();
    let (signed_up, present) = (m.signed_up(p.application_id), m.present(p.application_id));
    let who = Participation { role: p.role(), signed_up: &signed_up, present: &present };
    let (attended, held, _) = modular::minutes(&m.course(), &who, m.now);
    let state = m.completion(p);
    let warning = match state {
        Completion::AtRisk => Some(fill(t.warning_at_risk, &[&p.full_name, &m.rules.min_attendance_percent])),
        Completion::NotCompleted => Some(fill(t.warning_not_completed, &[&p.full_name, &deadline])),
        _ => None,
    };
    PersonLine {
        reference: p.reference.clone(),
        name: p.full_name.clone(),
        role: fill(t.intro_days, &[&role_name(lang, p.role()), &modular::intro_days(&m.rules, p.role())]),
        hours: fill(t.hours_attended, &[&hours(lang, attended), &hours(lang, held)]),
        completion: state.key(),
        state: completion_name(lang, state),
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_people_write_them() {
        assert_eq!(hours(Lang::Da, 240), "4");
        assert_eq!(hours(Lang::Da, 210), "3,5");
        assert_eq!(hours(Lang::En, 210), "3.5");
        assert_eq!(hours(Lang::Da, 6000), "100");
    }
}
