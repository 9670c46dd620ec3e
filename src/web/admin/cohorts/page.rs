//! The cohort page: seats, participants and their attendance and placement,
//! the waiting list, the teaching plan, the practicum and the edit form.
use askama::Template;
use axum::{
    extract::{Path, State},
    response::Html,
};

use super::super::{
    AdminContext, Staff,
    done::Done,
    visits::{YearSection, year_section},
};
use crate::{
    domain::offer_kind::OfferKind,
    domain::{
        cohort::{OfferStatus, attendance_percent, attendance_too_low},
        programme::ProgrammeFacts,
        schedule::{Practicum, Session},
        staff::Permission,
    },
    flows::cohorts::{
        manage::{self as flow, Overview},
        visits as visit_flow,
    },
    i18n::{CohortStrings, Lang, dates, fill},
    storage::cohorts::Cohort,
    storage::cohorts::{Candidate, Seat},
    web::{
        AppState,
        error::{AppError, AppResult},
        page::PageContext,
    },
};

#[derive(Template)]
#[template(path = "admin/cohort.html")]
struct CohortPage {
    ctx: PageContext,
    a: AdminContext,
    id: i64,
    title: String,
    seats_text: String,
    seats: Vec<SeatLine>,
    waiting: Vec<crate::storage::cohorts::Waiting>,
    candidates: Vec<CandidateLine>,
    free: bool,
    sessions: Vec<SessionLine>,
    teaching_total: String,
    practicum: Option<PracticumLines>,
    name: String,
    start_date: String,
    holidays: String,
    follow_up_days: String,
    supervision_days: String,
    hints: DayHints,
    may_edit: bool,
    may_offer: bool,
    participants: Vec<ParticipantLine>,
    structure: StructureSections,
}

/// What only some structures show on the cohort page.
struct StructureSections {
    /// Region H's pairs: a peer and a colleague enrolled by one workplace.
    pairs: Vec<crate::flows::enrolments::Pair>,
    /// A modular course's modules and participants' completion.
    modular: Option<super::module_lines::Section>,
    /// A year programme's practicum period and visits.
    year: Option<YearSection>,
    /// A recruitment: positions, no teaching plan.
    job: bool,
}

impl StructureSections {
    async fn load(state: &AppState, c: &Cohort, lang: Lang) -> AppResult<Self> {
        Ok(Self {
            pairs: crate::flows::enrolments::pairs_in_cohort(state, c.id).await?,
            modular: crate::flows::modules::modular(state, c.id).await?.map(|m| super::module_lines::section(lang, &m)),
            year: visit_flow::overview(state, c).await?.map(|y| year_section(lang, y)),
            job: OfferKind::of(c.programme.structure).is_job(),
        })
    }
}

/// How many follow-up days and supervisions the programme has, said as hints
/// beside the cohort form's fields (no field where the number is 0).
struct DayHints {
    follow_ups: Option<String>,
    supervisions: Option<String>,
}

impl DayHints {
    fn new(t: &CohortStrings, p: &ProgrammeFacts) -> Self {
        let hint = |n: u32| (n > 0).then(|| fill(t.two_days_hint, &[&n]));
        Self { follow_ups: hint(p.follow_up_days), supervisions: hint(p.supervisions) }
    }
}

struct SeatLine {
    seat: i32,
    reference: String,
    name: String,
    state: String,
}

struct CandidateLine {
    reference: String,
    name: String,
    scores: [String; 4],
    total: String,
}

struct SessionLine {
    number: u32,
    day: String,
    time: String,
}

struct PracticumLines {
    period: String,
    follow_ups: Vec<String>,
    supervisions: Vec<String>,
}

struct ParticipantLine {
    reference: String,
    name: String,
    share: String,
    low: Option<String>,
    site: String,
}

pub(super) async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    done: Done,
) -> AppResult<Html<String>> {
    staff.require(Permission::ReviewAllApplications)?;
    let o = flow::overview(&state, id).await?.ok_or(AppError::NotFound)?;
    let (t, c) = (lang.cohort(), &o.cohort);
    let structure = StructureSections::load(&state, c, lang).await?;
    let (sessions, practicum) = c.plan();
    let free = (c.capacity as usize).saturating_sub(o.seats.len());
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}"), &staff, "intakes");
    let page = CohortPage {
        ctx,
        a: AdminContext { done: done.line(lang), ..a },
        id,
        title: title(&c.programme.name, &c.name, &c.intake_name),
        seats_text: fill(if structure.job { t.positions_left } else { t.seats_left }, &[&free, &c.capacity]),
        seats: o.seats.iter().map(|s| seat_line(lang, s)).collect(),
        participants: participant_lines(t, &o),
        candidates: o.candidates.iter().map(|c| candidate_line(lang, c)).collect(),
        free: free > 0,
        sessions: sessions.iter().map(|s| session_line(lang, s)).collect(),
        teaching_total: teaching_total(t, &sessions),
        name: c.name.clone(),
        start_date: c.start_date.to_string(),
        holidays: days(&c.school_holidays),
        follow_up_days: days(&c.follow_up_days),
        supervision_days: days(&c.supervision_days),
        hints: DayHints::new(t, &c.programme),
        may_edit: staff.role.may(Permission::ManageIntakes),
        may_offer: staff.role.may(Permission::DecideApplications),
        practicum: practicum.map(|p| practicum_lines(lang, &p)),
        waiting: o.waiting,
        structure,
    };
    Ok(Html(page.render()?))
}

/// Dates as the edit form takes them: ISO, separated by commas.
fn days(d: &[chrono::NaiveDate]) -> String {
    d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// "26 gange, 78 timer i alt."
fn teaching_total(t: &CohortStrings, sessions: &[Session]) -> String {
    let hours: i64 = sessions.iter().map(|s| (s.ends - s.starts).num_minutes()).sum::<i64>() / 60;
    fill(t.teaching_total, &[&sessions.len(), &hours])
}

/// The intake's name only where it says more than the cohort's own.
fn title(programme: &str, cohort: &str, intake: &str) -> String {
    if intake.trim() == cohort.trim() {
        format!("{programme} – {cohort}")
    } else {
        format!("{programme} – {cohort} ({intake})")
    }
}

/// A mean score as people write it: one decimal at most, a Danish comma.
fn score(lang: Lang, value: Option<f64>) -> String {
    let Some(value) = value else { return lang.cohort().score_missing.to_string() };
    let text = format!("{:.1}", value);
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    if lang == Lang::Da { text.replace('.', ",") } else { text }
}

fn candidate_line(lang: Lang, c: &Candidate) -> CandidateLine {
    let scores = [c.motivation, c.reflection, c.distance, c.competence_building].map(|v| score(lang, v));
    CandidateLine { reference: c.reference.clone(), name: c.full_name.clone(), scores, total: score(lang, c.total) }
}

fn seat_line(lang: Lang, s: &Seat) -> SeatLine {
    let t = lang.cohort();
    let state = if s.status == OfferStatus::Accepted {
        t.seat_accepted.to_string()
    } else {
        fill(t.seat_offered, &[&dates::answer_by(lang, s.answer_by)])
    };
    SeatLine { seat: s.seat, reference: s.reference.clone(), name: s.full_name.clone(), state }
}

fn participant_lines(t: &CohortStrings, o: &Overview) -> Vec<ParticipantLine> {
    let held = o.attendance.held as u32;
    o.participants
        .iter()
        .map(|p| {
            let app = p.application_id;
            let here = o.attendance.present(app) as u32;
            let share = match attendance_percent(here, held) {
                Some(share) => fill(t.attendance_share, &[&here, &held, &share]),
                None => t.attendance_none.to_string(),
            };
            let low = attendance_too_low(here, held, o.threshold)
                .then(|| fill(t.attendance_low, &[&o.threshold.unwrap_or_default()]));
            let site = o
                .sites
                .iter()
                .find(|s| s.application_id == app)
                .map(|s| {
                    if s.confirmed {
                        format!("{} ({})", s.site_name, t.placement_confirmed)
                    } else {
                        s.site_name.clone()
                    }
                })
                .unwrap_or_else(|| t.placement_add.to_string());
            ParticipantLine { reference: p.reference.clone(), name: p.full_name.clone(), share, low, site }
        })
        .collect()
}

fn session_line(lang: Lang, s: &Session) -> SessionLine {
    let time = format!("{}-{}", dates::clock(lang, s.starts), dates::clock(lang, s.ends));
    SessionLine { number: s.number, day: dates::long_date(lang, s.date), time }
}

fn practicum_lines(lang: Lang, p: &Practicum) -> PracticumLines {
    let t = lang.cohort();
    let (starts, ends) = (dates::long_date(lang, p.starts), dates::long_date(lang, p.ends));
    PracticumLines {
        period: fill(t.practicum_period, &[&starts, &ends, &p.hours_per_week]),
        follow_ups: p.follow_up_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
        supervisions: p.supervisions.iter().map(|d| dates::long_date(lang, *d)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_intake_only_when_it_differs() {
        assert_eq!(title("Peeruddannelsen", "Hold 2027", "Hold 2027"), "Peeruddannelsen – Hold 2027");
        assert_eq!(title("Peeruddannelsen", "Hold A", "Forår 2027"), "Peeruddannelsen – Hold A (Forår 2027)");
    }

    #[test]
    fn scores_read_as_people_write_them() {
        assert_eq!(score(Lang::Da, Some(3.5)), "3,5");
        assert_eq!(score(Lang::Da, Some(3.0)), "3");
        assert_eq!(score(Lang::En, Some(13.25)), "13.2");
        assert_eq!(score(Lang::Da, None), "ikke vurderet");
    }
}
