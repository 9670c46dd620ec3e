//! A programme of each eligibility profile with an open intake, for the tests.
//! For now the programme is written through storage; the merger switches
//! `create_programme_for` to `POST /admin/programmes`.
use chrono::Duration;
use optag::{
    domain::{
        local_time::local_date,
        municipality::Region,
        programme::{ModularRules, ProgrammeFacts, Structure, YearRules},
    },
    storage::{self, intakes::NewIntake},
};

use super::{TestApp, app::NowUtc};

/// The programme facts of `profile` (one of `Profile::keys()`), as the seeds describe it.
pub fn programme_of(profile: &str) -> ProgrammeFacts {
    let base = ProgrammeFacts {
        slug: format!("programme-{profile}"),
        profile: profile.to_string(),
        contact_email: Some(format!("{profile}@example.dk")),
        contact_phone: Some("70 20 30 40".into()),
        ..ProgrammeFacts::randers()
    };
    let (name, structure, home_region, fee) = match profile {
        "randers" => ("Peeruddannelsen", Structure::CourseWithPracticum, Some(Region::Midtjylland), Some(14_000)),
        "viborg" => ("Peeruddannelsen Viborg", Structure::CourseWithPracticum, Some(Region::Midtjylland), Some(14_000)),
        "region-h-peer-course" => {
            ("Peerkurset", Structure::ModularCourse(ModularRules::region_h()), Some(Region::Hovedstaden), None)
        }
        "mb-forloebet" => ("MB-forløbet", Structure::YearProgramme(YearRules::mb_forloebet()), None, None),
        "peer-support-worker" => ("Peer-medarbejder", Structure::Recruitment, None, None),
        _ => ("Recovery-mentor", Structure::Recruitment, None, None),
    };
    ProgrammeFacts { name: name.into(), structure, home_region, out_of_region_fee_dkk: fee, ..base }
}

/// Creates the programme of `profile` and an intake of it open now; returns the intake's slug.
pub async fn create_programme_for(app: &TestApp, profile: &str) -> String {
    let mut conn = app.pool.acquire().await.unwrap();
    let programme_id = storage::programmes::upsert(&mut conn, &programme_of(profile)).await.unwrap();
    let now = app.clock.now_utc();
    let today = local_date(now);
    let slug = format!("hold-{profile}");
    let interview_days = [today + Duration::days(40), today + Duration::days(41)];
    storage::intakes::insert_if_missing(
        &mut conn,
        &NewIntake {
            programme_id,
            slug: &slug,
            name: "Hold 1",
            opens_at: now - Duration::days(1),
            deadline: now + Duration::days(30),
            start_date: today + Duration::days(60),
            interview_days: &interview_days,
        },
    )
    .await
    .unwrap();
    slug
}

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
