//! The modular course of Region Hovedstaden (seed `001_...`, "Sådan foregik
//! det"): an intro of 3 days for peers and 4 for colleagues, then 4-hour
//! modules; which modules are mandatory depends on the role (paid peer,
//! volunteer peer, colleague). To complete, "samtlige obligatoriske moduler
//! [skal] være gennemført senest ét år efter uddannelsesstart" and "du skal
//! have deltaget 80% af tiden på de moduler du har meldt dig til"; both
//! numbers are the programme's [`ModularRules`].
use chrono::{Months, NaiveDate, NaiveDateTime, NaiveTime};

use super::{eligibility::facts::PeerRole, programme::ModularRules};

/// One module of a cohort (contract: "Modules of a modular course").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub id: i64,
    pub title: String,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    /// The roles that must attend this module (or another occurrence of the same title).
    pub mandatory_for: Vec<PeerRole>,
    /// At most this many sign-ups (> 0).
    pub capacity: u32,
}

impl Module {
    /// Its length in minutes.
    pub fn minutes(&self) -> u32 {
        (self.ends - self.starts).num_minutes().max(0) as u32
    }

    /// Whether `role` must attend it; nobody without a known role must.
    pub fn is_mandatory_for(&self, role: Option<PeerRole>) -> bool {
        role.is_some_and(|r| self.mandatory_for.contains(&r))
    }

    /// Started at local time `now`: attendance can be recorded and the sign-up no longer changes.
    pub fn has_started(&self, now: NaiveDateTime) -> bool {
        self.date.and_time(self.starts) <= now
    }

    /// Over at local time `now`: its hours count towards the attendance share.
    pub fn has_taken_place(&self, now: NaiveDateTime) -> bool {
        self.date.and_time(self.ends) <= now
    }
}

/// Intro days for the role (peers 3, colleagues 4 in Region H); peers when the role is unknown.
pub fn intro_days(rules: &ModularRules, role: Option<PeerRole>) -> u32 {
    match role {
        Some(PeerRole::Colleague) => rules.intro_days_colleague,
        _ => rules.intro_days_peer,
    }
}

/// The last day a mandatory module may fall on: the start plus
/// `complete_within_months` (a start on 31 January ends on the last day of the month).
pub fn deadline(rules: &ModularRules, start: NaiveDate) -> NaiveDate {
    start.checked_add_months(Months::new(rules.complete_within_months)).unwrap_or(NaiveDate::MAX)
}

/// Where a participant stands (contract `data-completion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Still possible and nothing stands in the way so far.
    OnTrack,
    /// Still possible, but attendance so far is below the threshold, or a
    /// mandatory module is not signed up or only after the deadline.
    AtRisk,
    Completed,
    /// Can no longer complete in time.
    NotCompleted,
}

impl Completion {
    pub fn key(self) -> &'static str {
        match self {
            Completion::OnTrack => "on_track",
            Completion::AtRisk => "at_risk",
            Completion::Completed => "completed",
            Completion::NotCompleted => "not_completed",
        }
    }

    /// The coordinator should act: at risk, or no longer able to complete.
    pub fn warns(self) -> bool {
        matches!(self, Completion::AtRisk | Completion::NotCompleted)
    }
}

/// One participant's modules: their role, the modules signed up for and
/// those they were present at (module ids).
#[derive(Debug, Clone, Copy)]
pub struct Participation<'a> {
    pub role: Option<PeerRole>,
    pub signed_up: &'a [i64],
    pub present: &'a [i64],
}

/// The cohort's start, rules and modules.
#[derive(Debug, Clone, Copy)]
pub struct Course<'a> {
    pub rules: &'a ModularRules,
    pub start: NaiveDate,
    pub modules: &'a [Module],
}

/// Minutes of the signed-up modules at `now`: (attended, taken place, still to come).
pub fn minutes(course: &Course<'_>, who: &Participation<'_>, now: NaiveDateTime) -> (u64, u64, u64) {
    let mut totals = (0, 0, 0);
    for m in course.modules.iter().filter(|m| who.signed_up.contains(&m.id)) {
        let length = u64::from(m.minutes());
        if m.has_taken_place(now) {
            totals.1 += length;
            if who.present.contains(&m.id) {
                totals.0 += length;
            }
        } else {
            totals.2 += length;
        }
    }
    totals
}

/// Whether `attended` is at least `percent` of `total` (nothing yet counts as enough).
fn share_reached(attended: u64, total: u64, percent: u32) -> bool {
    attended * 100 >= total * u64::from(percent)
}

/// What one mandatory title looks like for the participant.
#[derive(Debug, PartialEq, Eq)]
enum Mandatory {
    /// Attended an occurrence on or before the deadline.
    Done,
    /// Signed up for an occurrence still to come, on or before the deadline.
    Planned,
    /// Not signed up (or only after the deadline), but an occurrence in time is still to come.
    Open,
    /// No occurrence in time is left.
    Missed,
}

fn mandatory(course: &Course<'_>, who: &Participation<'_>, title: &str, now: NaiveDateTime) -> Mandatory {
    let last_day = deadline(course.rules, course.start);
    let in_time: Vec<&Module> = course.modules.iter().filter(|m| m.title == title && m.date <= last_day).collect();
    if in_time.iter().any(|m| who.present.contains(&m.id) && who.signed_up.contains(&m.id)) {
        return Mandatory::Done;
    }
    let to_come: Vec<&&Module> = in_time.iter().filter(|m| !m.has_taken_place(now)).collect();
    if to_come.iter().any(|m| who.signed_up.contains(&m.id)) {
        Mandatory::Planned
    } else if to_come.is_empty() {
        Mandatory::Missed
    } else {
        Mandatory::Open
    }
}

/// The participant's state at local time `now`.
///
/// - `Completed`: some signed-up module has taken place, every mandatory
///   title for the role was attended on or before [`deadline`], and the
///   attended minutes are at least
///   `min_attendance_percent` of the signed-up modules' minutes that have
///   taken place.
/// - `NotCompleted`: a mandatory title has no occurrence left in time, or the
///   deadline has passed, or the share cannot be reached even attending
///   every remaining signed-up module.
/// - `AtRisk`: the share so far is below the threshold, or a mandatory title
///   is not signed up in time.
/// - `OnTrack` otherwise.
pub fn completion(course: &Course<'_>, who: &Participation<'_>, now: NaiveDateTime) -> Completion {
    let percent = course.rules.min_attendance_percent;
    let mut titles: Vec<&str> =
        course.modules.iter().filter(|m| m.is_mandatory_for(who.role)).map(|m| m.title.as_str()).collect();
    titles.sort_unstable();
    titles.dedup();
    let states: Vec<Mandatory> = titles.iter().map(|t| mandatory(course, who, t, now)).collect();
    let (attended, held, to_come) = minutes(course, who, now);
    if held > 0 && states.iter().all(|s| *s == Mandatory::Done) && share_reached(attended, held, percent) {
        return Completion::Completed;
    }
    let past_deadline = now.date() > deadline(course.rules, course.start);
    if past_deadline
        || states.contains(&Mandatory::Missed)
        || !share_reached(attended + to_come, held + to_come, percent)
    {
        return Completion::NotCompleted;
    }
    if states.contains(&Mandatory::Open) || !share_reached(attended, held, percent) {
        return Completion::AtRisk;
    }
    Completion::OnTrack
}

/// The sign-ups after the participant's choice at local time `now`: modules
/// that have started keep their sign-up as it was; of those to come, the
/// chosen ones; and for each mandatory title of the role without a sign-up
/// in time, its first occurrence still to come (mandatory modules cannot be
/// dropped). Unknown ids are ignored. Sorted, without repeats.
pub fn choose(
    course: &Course<'_>,
    role: Option<PeerRole>,
    current: &[i64],
    chosen: &[i64],
    now: NaiveDateTime,
) -> Vec<i64> {
    let last_day = deadline(course.rules, course.start);
    let mut kept: Vec<i64> = course
        .modules
        .iter()
        .filter(|m| if m.has_started(now) { current.contains(&m.id) } else { chosen.contains(&m.id) })
        .map(|m| m.id)
        .collect();
    let mut by_date: Vec<&Module> = course.modules.iter().filter(|m| m.is_mandatory_for(role)).collect();
    by_date.sort_by_key(|m| (m.date, m.starts, m.id));
    for m in &by_date {
        let covered = course.modules.iter().any(|o| o.title == m.title && o.date <= last_day && kept.contains(&o.id));
        if !covered && !m.has_started(now) && m.date <= last_day {
            kept.push(m.id);
        }
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// Module ids that are mandatory for the role and cannot be dropped at `now`:
/// of each mandatory title, the first occurrence in time among the sign-ups
/// (or, without one, the first still to come). Shown as fixed on the
/// participant's page.
pub fn fixed(course: &Course<'_>, role: Option<PeerRole>, current: &[i64], now: NaiveDateTime) -> Vec<i64> {
    let kept = choose(course, role, current, current, now);
    let last_day = deadline(course.rules, course.start);
    let mut first: Vec<&Module> = Vec::new();
    let mut in_time: Vec<&Module> = course
        .modules
        .iter()
        .filter(|m| m.is_mandatory_for(role) && m.date <= last_day && kept.contains(&m.id))
        .collect();
    in_time.sort_by_key(|m| (m.date, m.starts, m.id));
    for m in in_time {
        if !first.iter().any(|f| f.title == m.title) {
            first.push(m);
        }
    }
    first.iter().map(|m| m.id).collect()
}

#[cfg(test)]
mod tests;
