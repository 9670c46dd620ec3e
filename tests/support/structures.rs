//! Programmes of the other structures, inserted with `storage::programmes::upsert`
//! (the year programme MB-forløbet and a recovery-mentor recruitment), each with
//! an intake open at the test clock's now and one cohort.
use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use optag::{
    domain::programme::{ProgrammeFacts, Structure, YearRules},
    storage::{self, intakes::NewIntake},
};

use crate::support::{TestApp, app::NowUtc};

/// The intake to apply to and the cohort offers are made in.
pub struct Made {
    pub slug: String,
    pub intake_id: i64,
    pub cohort_id: i64,
}

/// MB-forløbet (seed `003_...`): 12 months of practicum with teaching on
/// Thursdays 9-15 and at least three site visits.
pub fn mb_forloebet() -> ProgrammeFacts {
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    ProgrammeFacts {
        slug: "mb-forloebet".into(),
        name: "MB-forløbet".into(),
        profile: "mb-forloebet".into(),
        organiser: "Det Sociale Netværk".into(),
        place: "Jægersborgvej 19, 2800 Lyngby".into(),
        teaching_weekdays: vec![Weekday::Thu],
        session_starts: t(9),
        session_ends: t(15),
        structure: Structure::YearProgramme(YearRules::mb_forloebet()),
        home_region: None,
        out_of_region_fee_dkk: None,
        practicum_weeks: 0,
        ..ProgrammeFacts::randers()
    }
}

/// Recovery-mentor in Region Hovedstadens Psykiatri (seed `003_...`): a job
/// with `positions` positions; no teaching.
pub fn recovery_mentor(positions: u32) -> ProgrammeFacts {
    ProgrammeFacts {
        slug: "recovery-mentor".into(),
        name: "recovery-mentor".into(),
        profile: "recovery-mentor".into(),
        organiser: "Region Hovedstadens Psykiatri".into(),
        place: "Psykiatrisk Center Amager".into(),
        teaching_weekdays: Vec::new(),
        structure: Structure::Recruitment,
        capacity: positions,
        home_region: None,
        out_of_region_fee_dkk: None,
        practicum_weeks: 0,
        follow_up_days: 0,
        supervisions: 0,
        ..ProgrammeFacts::randers()
    }
}

/// The programme, an intake open from now for 30 days, and a cohort starting on `start`.
pub async fn create(app: &TestApp, p: &ProgrammeFacts, start: NaiveDate) -> Made {
    let now = app.clock.now_utc();
    let mut tx = app.pool.begin().await.unwrap();
    let programme_id = storage::programmes::upsert(&mut tx, p).await.unwrap();
    let slug = format!("{}-optag", p.slug);
    let new = NewIntake {
        programme_id,
        slug: &slug,
        name: "Optag 2028",
        opens_at: now - Duration::hours(1),
        deadline: now + Duration::days(30),
        start_date: start,
        interview_days: &[],
    };
    let intake_id = storage::intakes::insert_if_missing(&mut tx, &new).await.unwrap();
    let cohort_id = storage::cohorts::insert_if_missing(&mut tx, intake_id, "Start 2028", start).await.unwrap();
    tx.commit().await.unwrap();
    Made { slug, intake_id, cohort_id }
}

/// The answers each profile's own criteria use, on top of the common form
/// (fields of other profiles are not stored).
pub const MB_FIELDS: [(&str, &str); 3] =
    [("education_field", "social"), ("outside_labour_market_due_to_illness", "yes"), ("willing_to_share", "yes")];
pub const RECOVERY_MENTOR_FIELDS: [(&str, &str); 2] =
    [("psychiatric_diagnosis", "yes"), ("psychiatric_admissions", "2")];
