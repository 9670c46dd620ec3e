//! The public pages: the front page and an intake's page.
use askama::Template;
use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    response::Html,
    routing::get,
};

use super::{
    AppState,
    error::{AppError, AppResult},
    intake_info::IntakeInfo,
    page::{ContactView, PageContext},
    public_cache,
};
use crate::{
    domain::{
        info_meeting::InfoMeeting,
        intake::{Intake, IntakePhase},
    },
    i18n::{AccessibilityStrings, Lang, PrivacyStrings, dates, fill},
    storage,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/intakes/{slug}", get(intake_page))
        .route("/privacy", get(privacy))
        .route("/accessibility", get(accessibility))
}

struct IntakeCard {
    href: String,
    name: String,
    organiser: String,
    deadline: String,
}

struct MeetingCard {
    href: String,
    when: String,
    place: String,
    intake_name: String,
}

impl MeetingCard {
    fn new(lang: Lang, m: &InfoMeeting) -> Self {
        Self {
            href: format!("/info-meetings/{}", m.id),
            when: dates::long_span(lang, m.starts_at, m.ends_at),
            place: m.place.clone(),
            intake_name: m.intake_name.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/public/home.html")]
struct HomePage {
    ctx: PageContext,
    intakes: Vec<IntakeCard>,
    meetings: Vec<MeetingCard>,
}

async fn home(State(state): State<AppState>, lang: Lang) -> AppResult<Html<Bytes>> {
    let body = public_cache::cached(&state, lang, "/", async |now| {
        let (intakes, meetings) = tokio::try_join!(
            storage::intakes::open_at(&state.pool, now),
            storage::info_meetings::upcoming(&state.pool, now, 10),
        )?;
        let page = HomePage {
            ctx: PageContext::new(lang, "/"),
            intakes: intakes
                .iter()
                .map(|i| IntakeCard {
                    href: format!("/intakes/{}", i.slug),
                    name: format!("{} – {}", i.programme.name, i.name),
                    organiser: i.programme.organiser.clone(),
                    deadline: dates::long_moment(lang, i.deadline),
                })
                .collect(),
            meetings: meetings.iter().map(|m| MeetingCard::new(lang, m)).collect(),
        };
        Ok(page.render()?)
    })
    .await?;
    Ok(Html(body))
}

#[derive(Template)]
#[template(path = "pages/public/privacy.html")]
struct PrivacyPage {
    ctx: PageContext,
    s: &'static PrivacyStrings,
    retention: Vec<String>,
    /// Who the data controller is (GDPR Art. 13(1)(a)).
    controller: String,
    /// The data-protection officer's address (Art. 13(1)(b)), if given.
    dpo_email: Option<String>,
}

/// The retention figures come from the rules themselves, so the page cannot drift from them.
async fn privacy(State(state): State<AppState>, lang: Lang) -> AppResult<Html<String>> {
    let s = lang.privacy();
    let p = state.settings.retention;
    let org = super::page::organisation();
    let page = PrivacyPage {
        ctx: PageContext::new(lang, "/privacy"),
        s,
        controller: org
            .as_ref()
            .map_or_else(|| s.controller_unknown.to_string(), |o| fill(s.controller_text, &[&o.name(), &o.address()])),
        dpo_email: org.as_ref().and_then(|o| o.dpo_email()).map(|e| e.as_str().to_string()),
        retention: vec![
            fill(s.when_not_admitted, &[&(p.not_admitted.num_days() / 30)]),
            fill(s.when_kept, &[&(p.kept_for_later.num_days() / 30)]),
            fill(s.when_participant, &[&(p.participant.num_days() / 30)]),
            fill(s.when_draft, &[&p.draft.num_days()]),
            fill(lang.enrolment().privacy_when, &[&crate::domain::enrolment::LIFETIME.num_days()]),
            fill(s.when_meeting, &[&p.meeting_signup.num_weeks()]),
            fill(s.when_mail, &[&p.delivered_mail.num_days()]),
        ],
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "pages/public/accessibility.html")]
struct AccessibilityPage {
    ctx: PageContext,
    s: &'static AccessibilityStrings,
    gaps: [&'static str; 4],
}

/// The accessibility statement the web accessibility act asks of public bodies.
async fn accessibility(lang: Lang) -> AppResult<Html<String>> {
    let s = lang.accessibility();
    let page = AccessibilityPage {
        ctx: PageContext::new(lang, "/accessibility"),
        s,
        gaps: [s.gap_narrow, s.gap_error_focus, s.gap_wcag22, s.gap_mail_language],
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "pages/public/intake.html")]
struct IntakePage {
    ctx: PageContext,
    title: String,
    organiser: String,
    /// None for a programme without weekly sessions (modular, year, recruitment).
    teaching: Option<String>,
    /// None for a programme without a practicum after the teaching.
    practicum: Option<String>,
    place: String,
    seats: String,
    start: String,
    interview_days: Vec<String>,
    deadline: String,
    phase: IntakePhase,
    opens: String,
    apply_href: String,
    /// (href, lead, label) of the enrol form, for programmes joined through an enroller.
    enrol: Option<(String, &'static str, &'static str)>,
    meetings: Vec<MeetingCard>,
    /// Who can apply, what it costs, the steps and whom to contact.
    info: IntakeInfo,
    /// A year programme's or a recruitment's facts, in place of a course's.
    structure_facts: Option<Vec<(&'static str, String)>>,
}

async fn intake_page(State(state): State<AppState>, Path(slug): Path<String>, lang: Lang) -> AppResult<Html<Bytes>> {
    let path = format!("/intakes/{slug}");
    let body = public_cache::cached(&state, lang, &path, async |now| {
        let intake = storage::intakes::by_slug(&state.pool, &slug).await?.ok_or(AppError::NotFound)?;
        let meetings = storage::info_meetings::upcoming_for_intake(&state.pool, intake.id, now).await?;
        Ok(intake_view(lang, &intake, intake.phase(now), &meetings).render()?)
    })
    .await?;
    Ok(Html(body))
}

/// The enrol form's link, where the programme is joined through an employer or a caseworker.
fn enrol_link(lang: Lang, intake: &Intake) -> Option<(String, &'static str, &'static str)> {
    use crate::domain::enrolment::EnrollerKind;
    let t = lang.enrolment();
    let href = format!("/intakes/{}/enrol", intake.slug);
    match EnrollerKind::for_profile(&intake.programme.profile)? {
        EnrollerKind::Employer => Some((href, t.link_lead_employer, t.link_employer)),
        EnrollerKind::Caseworker => Some((href, t.link_lead_caseworker, t.link_caseworker)),
    }
}

fn intake_view(lang: Lang, intake: &Intake, phase: IntakePhase, meetings: &[InfoMeeting]) -> IntakePage {
    let t = lang.strings();
    let p = &intake.programme;
    let times = format!("{}-{}", dates::clock(lang, p.session_starts), dates::clock(lang, p.session_ends));
    IntakePage {
        ctx: PageContext::new(lang, &format!("/intakes/{}", intake.slug)),
        title: format!("{} – {}", p.name, intake.name),
        organiser: p.organiser.clone(),
        teaching: (p.session_count > 0).then(|| {
            let days = dates::weekdays(lang, &p.teaching_weekdays);
            fill(t.intake_teaching_text, &[&p.teaching_weeks, &days, &times, &p.teaching_hours()])
        }),
        practicum: (p.practicum_weeks > 0)
            .then(|| fill(t.intake_practicum_text, &[&p.practicum_weeks, &p.practicum_hours_per_week])),
        place: p.place.clone(),
        seats: fill(t.intake_seats_text, &[&p.capacity]),
        start: dates::long_date(lang, intake.start_date),
        interview_days: intake.interview_days.iter().map(|d| dates::long_date(lang, *d)).collect(),
        deadline: fill(t.intake_deadline_text, &[&dates::long_moment(lang, intake.deadline)]),
        phase,
        opens: fill(t.intake_not_open_yet, &[&dates::long_moment(lang, intake.opens_at)]),
        apply_href: format!("/intakes/{}/apply", intake.slug),
        enrol: enrol_link(lang, intake),
        meetings: meetings.iter().map(|m| MeetingCard::new(lang, m)).collect(),
        info: IntakeInfo::new(lang, intake, meetings, super::page::organisation().map(|o| ContactView::of(&o))),
        structure_facts: crate::i18n::structure_facts::intake_facts(lang, p, intake.start_date),
    }
}
