//! The e-mails of offers, the waiting list and placements, and a cohort's
//! calendar file.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::{
    config::Settings,
    domain::{
        email_address::EmailAddress, local_time::from_local, modular::Module, offer_kind::OfferKind,
        schedule::Practicum,
    },
    i18n::{Lang, dates, fill},
    mail::{
        body::{MailBody, MailLink},
        calendar::{self, CalendarEvent, Kind},
    },
    storage::cohorts::Cohort,
};

const LANG: Lang = Lang::MAIL;

pub(super) fn body(name: &str, paragraphs: Vec<String>, link: Option<MailLink>) -> MailBody {
    MailBody {
        greeting: fill(LANG.apply().mail_hello, &[&name]),
        paragraphs,
        link,
        closing: vec![LANG.apply().mail_no_reply.to_string()],
        ..MailBody::default()
    }
}

/// To coordinators and admins when an applicant answers an offer: only the
/// reference and a link to the application (issue 17, item 9; no names, no
/// health data).
pub fn answered_to_staff(
    settings: &Settings,
    to: EmailAddress,
    reference: &str,
    accepted: bool,
) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let (subject, text) = if accepted {
        (t.mail_staff_accepted_subject, t.mail_staff_accepted_body)
    } else {
        (t.mail_staff_declined_subject, t.mail_staff_declined_body)
    };
    MailBody {
        paragraphs: vec![fill(text, &[&reference])],
        link: Some(MailLink {
            label: LANG.privacy().mail_admin_link.to_string(),
            url: settings.absolute(&format!("/admin/applications/{reference}")),
        }),
        ..MailBody::default()
    }
    .into_email(to, fill(subject, &[&reference]), Vec::new())
}

/// The offer of a seat; a recruitment's is a job offer (`jobs::offer`).
pub fn offer(
    settings: &Settings,
    to: EmailAddress,
    name: &str,
    reference: &str,
    cohort: &Cohort,
    token: &str,
    answer_by: DateTime<Utc>,
) -> crate::mail::Rendered {
    if OfferKind::of(cohort.programme.structure).is_job() {
        return super::jobs::offer(settings, to, name, reference, cohort, token, answer_by);
    }
    let t = LANG.cohort();
    let programme = format!("{} – {}", cohort.programme.name, cohort.name);
    let paragraphs = vec![
        fill(t.offer_text, &[&programme, &dates::long_date(LANG, cohort.start_date)]),
        fill(t.offer_place, &[&cohort.programme.place]),
        fill(t.offer_answer_by, &[&dates::answer_by(LANG, answer_by)]),
    ];
    let link = MailLink { label: t.mail_offer_link.into(), url: settings.absolute(&format!("/offers/{token}")) };
    MailBody {
        list_title: t.commit_title.into(),
        list: cohort.commitment().map(|c| dates::commitment(LANG, &c)).unwrap_or_default(),
        ..body(name, paragraphs, Some(link))
    }
    .into_email(to, fill(t.mail_offer_subject, &[&reference]), Vec::new())
}

/// The welcome letter: the first session, and every date the place promises.
/// The welcome: first day, dates, the feed link; for a modular course also
/// the own page's link where modules are chosen (`modules_url`).
pub fn accepted(
    to: EmailAddress,
    name: &str,
    cohort: &Cohort,
    feed_url: &str,
    modules_url: Option<&str>,
) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let (sessions, practicum) = cohort.plan();
    let (first_day, starts) = sessions.first().map_or((cohort.start_date, NaiveTime::MIN), |s| (s.date, s.starts));
    let text = fill(
        t.mail_accepted_body,
        &[&dates::long_date(LANG, first_day), &dates::clock(LANG, starts), &cohort.programme.place],
    );
    let mut list: Vec<String> = sessions
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let when = dates::long_span(LANG, at(s.date, s.starts), at(s.date, s.ends));
            fill(t.welcome_session, &[&(n + 1), &when])
        })
        .collect();
    if let Some(p) = practicum {
        list.push(fill(t.welcome_practicum, &[&dates::long_date(LANG, p.starts), &dates::long_date(LANG, p.ends)]));
        list.extend(p.follow_up_days.iter().map(|d| fill(t.welcome_follow_up, &[&dates::long_date(LANG, *d)])));
        list.extend(p.supervisions.iter().map(|d| fill(t.welcome_supervision, &[&dates::long_date(LANG, *d)])));
    }
    if let Some(y) = cohort.year_plan() {
        list.push(fill(
            t.commit_year,
            &[&y.months, &dates::long_date(LANG, y.starts), &dates::long_date(LANG, y.ends), &y.site_visits],
        ));
    }
    let link = MailLink { label: t.mail_feed_link.into(), url: feed_url.to_string() };
    let choose: Vec<String> = modules_url.map(|url| fill(LANG.modules().mail_choose, &[&url])).into_iter().collect();
    MailBody {
        list_title: t.welcome_dates_title.into(),
        list,
        ..body(name, [vec![text, t.mail_feed_text.into()], choose].concat(), Some(link))
    }
    .into_email(to, t.mail_accepted_subject.into(), Vec::new())
}

/// The letter after a rejection, sent only when a coordinator releases decisions.
pub fn rejected(settings: &Settings, to: EmailAddress, name: &str, reference: &str) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let link = MailLink { label: t.mail_rejected_link.into(), url: settings.absolute("/") };
    body(name, vec![t.mail_rejected_body.into(), t.mail_rejected_support.into()], Some(link)).into_email(
        to,
        fill(t.mail_rejected_subject, &[&reference]),
        Vec::new(),
    )
}

pub fn waitlisted(to: EmailAddress, name: &str, reference: &str, position: i32) -> crate::mail::Rendered {
    let t = LANG.cohort();
    body(name, vec![fill(t.mail_waitlisted_body, &[&position])], None).into_email(
        to,
        fill(t.mail_waitlisted_subject, &[&reference]),
        Vec::new(),
    )
}

/// The supervisor's mail when a placement is confirmed: the practicum's
/// period, site and weekly hours, and its follow-up and supervision days.
pub fn supervisor(
    to: EmailAddress,
    participant: &str,
    placement: &crate::storage::cohorts::Placement,
    plan: &Practicum,
) -> crate::mail::Rendered {
    let t = LANG.cohort();
    let text = fill(
        t.mail_supervisor_body,
        &[
            &participant,
            &dates::long_date(LANG, plan.starts),
            &placement.site_name,
            &dates::long_date(LANG, plan.ends),
            &plan.hours_per_week,
        ],
    );
    let days = plan.follow_up_days.iter().chain(plan.supervisions.iter());
    MailBody {
        list_title: t.mail_supervisor_days.into(),
        list: days.map(|d| dates::long_date(LANG, *d)).collect(),
        ..body(&placement.supervisor_name, vec![text], None)
    }
    .into_email(to, fill(t.mail_supervisor_subject, &[&participant]), Vec::new())
}

/// A cohort's plan as a calendar file (a schedule, no METHOD): every teaching
/// session, the practicum period and its follow-up and supervision mornings.
/// `host` ends each UID; `stamp` is DTSTAMP.
pub fn schedule(cohort: &Cohort, host: &str, stamp: DateTime<Utc>) -> String {
    schedule_with_modules(cohort, &[], host, stamp)
}

/// The cohort's plan as [`schedule`] makes it, plus `modules` (a modular
/// course participant's signed-up modules, each its own event).
pub fn schedule_with_modules(cohort: &Cohort, modules: &[Module], host: &str, stamp: DateTime<Utc>) -> String {
    calendar::render(Kind::Schedule, &schedule_events(cohort, modules, host), stamp)
}

/// The events of [`schedule_with_modules`]; a year programme's practicum is one
/// event over its whole period.
pub fn schedule_events(cohort: &Cohort, modules: &[Module], host: &str) -> Vec<CalendarEvent> {
    let (sessions, practicum) = cohort.plan();
    let t = Lang::Da.cohort();
    let id = cohort.id;
    let event = |uid: String, summary: String, (starts, ends)| CalendarEvent {
        uid: format!("{uid}@{host}"),
        sequence: 0,
        summary,
        location: cohort.programme.place.clone(),
        description: cohort.name.clone(),
        starts,
        ends,
    };
    let mut events: Vec<CalendarEvent> = sessions
        .iter()
        .map(|s| {
            let uid = format!("cohort-{id}-session-{}", s.number);
            event(uid, fill(t.calendar_teaching, &[&s.number]), (at(s.date, s.starts), at(s.date, s.ends)))
        })
        .collect();
    if let Some(p) = practicum {
        let whole = (at(p.starts, NaiveTime::MIN), at(p.ends + chrono::Duration::days(1), NaiveTime::MIN));
        events.push(event(format!("cohort-{id}-practicum"), t.calendar_practicum.into(), whole));
        for (n, d) in p.follow_up_days.iter().enumerate() {
            events.push(event(format!("cohort-{id}-follow-up-{n}"), t.calendar_follow_up.into(), morning(*d)));
        }
        for (n, d) in p.supervisions.iter().enumerate() {
            events.push(event(format!("cohort-{id}-supervision-{n}"), t.calendar_supervision.into(), morning(*d)));
        }
    }
    for m in modules {
        let uid = format!("cohort-{id}-module-{}", m.id);
        events.push(event(
            uid,
            fill(LANG.modules().calendar_module, &[&m.title]),
            (at(m.date, m.starts), at(m.date, m.ends)),
        ));
    }
    if let Some(y) = cohort.year_plan() {
        let whole = (at(y.starts, NaiveTime::MIN), at(y.ends + chrono::Duration::days(1), NaiveTime::MIN));
        events.push(event(format!("cohort-{id}-practicum"), t.calendar_practicum.into(), whole));
    }
    events
}

pub(super) fn at(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    from_local(day.and_time(time))
}

/// Follow-up days and supervisions are planned as 9 to 12.
fn morning(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let (nine, noon) =
        (NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(), NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    (at(day, nine), at(day, noon))
}
