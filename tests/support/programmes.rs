//! Programmes other than Randers, stored as the admin pages would store
//! them, and an intake of each open now.
use chrono::Duration;
use optag::{
    domain::{
        municipality::Region,
        programme::{ModularRules, ProgrammeFacts, Structure, YearRules},
    },
    storage::{self, intakes::NewIntake},
};

use super::{TestApp, app::NowUtc};

/// Region Hovedstaden's modular peer course (seed `001_...`), joined through the workplace.
pub fn region_h() -> ProgrammeFacts {
    ProgrammeFacts {
        slug: "peeruddannelsen-region-h".into(),
        name: "Peeruddannelsen i Region Hovedstaden".into(),
        profile: "region-h-peer-course".into(),
        organiser: "Region Hovedstaden".into(),
        place: "Recoveryskolen, København".into(),
        home_region: Some(Region::Hovedstaden),
        out_of_region_fee_dkk: None,
        structure: Structure::ModularCourse(ModularRules::region_h()),
        ..ProgrammeFacts::randers()
    }
}

/// MB-forløbet (seed `003_...`), joined through the municipal caseworker.
pub fn mb_forloebet() -> ProgrammeFacts {
    ProgrammeFacts {
        slug: "mb-forloebet".into(),
        name: "MB-forløbet".into(),
        profile: "mb-forloebet".into(),
        organiser: "Center for Mestring og Beskæftigelse".into(),
        place: "Aarhus".into(),
        home_region: None,
        out_of_region_fee_dkk: None,
        structure: Structure::YearProgramme(YearRules::mb_forloebet()),
        ..ProgrammeFacts::randers()
    }
}

/// Stores `programme` and an intake `slug` of it that opened yesterday and
/// closes in 30 days; returns the intake's id.
pub async fn open_intake(app: &TestApp, programme: &ProgrammeFacts, slug: &str) -> i64 {
    let now = app.clock.now_utc();
    let mut tx = app.pool.begin().await.unwrap();
    let programme_id = storage::programmes::upsert(&mut tx, programme).await.unwrap();
    let new = NewIntake {
        programme_id,
        slug,
        name: "Hold 2027",
        opens_at: now - Duration::days(1),
        deadline: now + Duration::days(30),
        start_date: (now + Duration::days(90)).date_naive(),
        interview_days: &[],
    };
    let id = storage::intakes::insert_if_missing(&mut tx, &new).await.unwrap();
    tx.commit().await.unwrap();
    id
}
