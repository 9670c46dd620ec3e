//! A programme of each eligibility profile with an open intake, for the tests.
//! The programme is made through `POST /admin/programmes`; the intake is stored directly.
use chrono::Duration;
use optag::{
    domain::{
        local_time::local_date,
        municipality::Region,
        programme::{ModularRules, ProgrammeFacts, Structure, YearRules},
    },
    storage::{self, intakes::NewIntake},
};

use reqwest::Response;

use super::{
    TestApp,
    app::NowUtc,
    staff::{StaffClient, create_user},
};
use optag::domain::staff::Role;

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

/// Creates the programme of `profile` as an admin would (POST `/admin/programmes`,
/// the facts of [`programme_of`]) and an intake of it open now; returns the intake's slug.
pub async fn create_programme_for(app: &TestApp, profile: &str) -> String {
    let p = programme_of(profile);
    let email = format!("admin-{profile}@example.dk");
    create_user(app, &email, Role::Admin).await;
    let admin = StaffClient::signed_in_existing(app, &email).await;
    let mut fields = programme_fields(profile, p.structure.key());
    for (name, value) in [
        ("slug", p.slug.clone()),
        ("name", p.name.clone()),
        ("home_region", p.home_region.map_or(String::new(), |r| r.key().to_string())),
        ("out_of_region_fee_dkk", p.out_of_region_fee_dkk.map_or(String::new(), |f| f.to_string())),
        ("contact_email", p.contact_email.clone().unwrap_or_default()),
        ("contact_phone", p.contact_phone.clone().unwrap_or_default()),
    ] {
        fields = with(fields, name, &value);
    }
    create_programme_ok(&admin, &fields).await;
    let mut conn = app.pool.acquire().await.unwrap();
    let programme_id: i64 = sqlx::query_scalar("SELECT id FROM programmes WHERE slug = $1")
        .bind(&p.slug)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
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

/// Valid fields of a programme of `profile` and `structure` (a contract key),
/// slug `{profile}-{structure}` with `_` as `-`; each structure's own fields
/// as the seeds have them (Randers, Region H, MB-forløbet), recruitment none.
pub fn programme_fields(profile: &str, structure: &str) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("slug", format!("{profile}-{}", structure.replace('_', "-"))),
        ("name", format!("Program {profile}")),
        ("profile", profile.into()),
        ("structure", structure.into()),
        ("organiser", "Recoveryskolen".into()),
        ("place", "Skolevej 1, 8900 Randers".into()),
        ("capacity", "8".into()),
        ("home_region", String::new()),
        ("out_of_region_fee_dkk", String::new()),
        ("contact_email", "program@skolen.dk".into()),
        ("contact_phone", String::new()),
    ];
    let extra: &[(&'static str, &str)] = match structure {
        "course_with_practicum" => &[
            ("teaching_weekdays", "mon,wed"),
            ("session_starts", "09:00"),
            ("session_ends", "12:00"),
            ("session_count", "26"),
            ("practicum_weeks", "13"),
            ("practicum_hours_per_week", "6"),
            ("follow_up_days", "2"),
            ("supervisions", "2"),
        ],
        "modular_course" => &[
            ("intro_days_peer", "3"),
            ("intro_days_colleague", "4"),
            ("module_hours", "4"),
            ("min_attendance_percent", "80"),
            ("complete_within_months", "12"),
        ],
        "year_programme" => &[
            ("months", "12"),
            ("teaching_weekdays", "tue"),
            ("session_starts", "10:00"),
            ("session_ends", "14:00"),
            ("site_visits", "3"),
        ],
        _ => &[],
    };
    fields.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    fields
}

/// `fields` with `name` set to `value` (added when missing).
pub fn with(mut fields: Vec<(&'static str, String)>, name: &'static str, value: &str) -> Vec<(&'static str, String)> {
    match fields.iter_mut().find(|(k, _)| *k == name) {
        Some(field) => field.1 = value.to_string(),
        None => fields.push((name, value.to_string())),
    }
    fields
}

/// POSTs the programme form as `staff` (an admin, for it to work); the raw
/// response (303 to `/admin/programmes/{slug}` when created).
pub async fn create_programme(staff: &StaffClient, fields: &[(&'static str, String)]) -> Response {
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff.post("/admin/programmes", &form).await
}

/// Creates the programme and returns its slug; panics unless it was created.
pub async fn create_programme_ok(staff: &StaffClient, fields: &[(&'static str, String)]) -> String {
    let response = create_programme(staff, fields).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_string());
    assert_eq!(status, 303, "created: {}", response.text().await.unwrap_or_default());
    let slug = &fields.iter().find(|(k, _)| *k == "slug").expect("a slug").1;
    assert_eq!(location.as_deref(), Some(format!("/admin/programmes/{slug}").as_str()));
    slug.clone()
}
