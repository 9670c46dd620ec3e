//! Programmes as data (`/admin/programmes`, http-contract.md Version 2,
//! "Organisation and programmes"): admins create and edit them with every
//! structure; bad values are 422 with the summary and the input kept; other
//! roles get 403; intakes keep their dates when their programme changes.
use reqwest::StatusCode;
use sqlx::Row;

use chrono::{Datelike, Weekday};
use optag::domain::{
    schedule::{Practicum, Session},
    staff::Role,
};

use crate::support::{
    TestApp,
    programmes::{create_programme, create_programme_ok, programme_fields, with},
    staff::StaffClient,
};

async fn admin(app: &TestApp) -> StaffClient {
    StaffClient::signed_in(app, "admin@example.dk", Role::Admin).await
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// A cohort of the intake at `intake` (its staff page) starting 16 September 2030; its id.
async fn create_cohort(staff: &StaffClient, intake: &str, name: &str) -> i64 {
    let created = staff.post(&format!("{intake}/cohorts"), &[("name", name), ("start_date", "2030-09-16")]).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    location.trim_start_matches("/admin/cohorts/").parse().unwrap()
}

/// The cohort's teaching plan and practicum as the pages and mails compute them.
async fn plan(app: &TestApp, cohort: i64) -> (Vec<Session>, Option<Practicum>) {
    optag::storage::cohorts::get(&app.pool, cohort).await.unwrap().unwrap().plan()
}

/// An intake of `programme` open from 2020 until 2030 (the tests' clock is today).
async fn create_intake(staff: &StaffClient, programme: &str, slug: &str) -> String {
    let form = [
        ("programme", programme),
        ("slug", slug),
        ("name", "Hold 2030"),
        ("opens_at", "2020-01-01T00:00"),
        ("deadline", "2030-08-13T10:00"),
        ("start_date", "2030-09-16"),
        ("interview_days", "2030-08-20,2030-08-22"),
    ];
    let created = staff.post("/admin/intakes", &form).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER, "{}", created.text().await.unwrap());
    created.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn an_admin_creates_a_programme_of_each_structure_and_sees_it_listed_and_shown() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let made = [
        ("viborg", "course_with_practicum"),
        ("region-h-peer-course", "modular_course"),
        ("mb-forloebet", "year_programme"),
        ("recovery-mentor", "recruitment"),
    ];
    for (profile, structure) in made {
        let slug = create_programme_ok(&admin, &programme_fields(profile, structure)).await;
        let row =
            sqlx::query("SELECT profile, structure, session_count, teaching_weekdays FROM programmes WHERE slug = $1")
                .bind(&slug)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(row.get::<String, _>("profile"), profile);
        assert_eq!(row.get::<String, _>("structure"), structure);
        let (count, weekdays): (i32, Vec<i32>) = (row.get("session_count"), row.get("teaching_weekdays"));
        match structure {
            "course_with_practicum" => assert_eq!((count, weekdays), (26, vec![1, 3])),
            "year_programme" => assert_eq!((count, weekdays), (0, vec![2])),
            _ => assert_eq!((count, weekdays), (0, vec![])),
        }
        let page = admin.get(&format!("/admin/programmes/{slug}")).await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(page.contains(&format!("Program {profile}")), "{slug}");
        assert!(page.contains(&format!("action=\"/admin/programmes/{slug}\"")), "the edit form");
    }
    let list = admin.get("/admin/programmes").await.text().await.unwrap();
    for (profile, structure) in made {
        let slug = format!("{profile}-{}", structure.replace('_', "-"));
        assert!(list.contains(&format!("data-programme=\"{slug}\"")), "{slug} listed");
    }
    assert!(list.contains("href=\"/admin/programmes\" aria-current=\"page\""), "in the staff navigation");
    assert_eq!(audit_count(&app, "programme_created").await, 4);
    // Each can have an intake at once, and the intakes page offers it.
    let intakes = admin.get("/admin/intakes").await.text().await.unwrap();
    assert!(intakes.contains("value=\"recovery-mentor-recruitment\""));
}

#[tokio::test]
async fn the_fields_of_other_structures_are_ignored() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let fields = with(programme_fields("recovery-mentor", "recruitment"), "months", "nonsense");
    let fields = with(fields, "teaching_weekdays", "funday");
    create_programme_ok(&admin, &fields).await;
}

#[tokio::test]
async fn bad_values_are_422_with_the_summary_the_message_beside_the_field_and_the_input_kept() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let course = || programme_fields("randers", "course_with_practicum");
    create_programme_ok(&admin, &course()).await;
    let cases: Vec<(&str, Vec<(&'static str, String)>)> = vec![
        ("slug", with(course(), "name", "Et andet navn")),
        ("slug", with(course(), "slug", "Med Store Bogstaver")),
        ("teaching_weekdays", with(course(), "teaching_weekdays", "mon,funday")),
        ("session_starts", with(course(), "session_starts", "9.00")),
        ("session_ends", with(course(), "session_ends", "08:00")),
        ("capacity", with(course(), "capacity", "0")),
        ("capacity", with(course(), "capacity", "999")),
        ("profile", with(course(), "profile", "aarhus")),
        ("structure", with(course(), "structure", "evening_class")),
        ("home_region", with(course(), "home_region", "fyn")),
        ("out_of_region_fee_dkk", with(course(), "out_of_region_fee_dkk", "mange")),
        ("contact_email", with(course(), "contact_email", "ikke-en-adresse")),
        ("session_count", with(course(), "session_count", "")),
        ("module_hours", with(programme_fields("region-h-peer-course", "modular_course"), "module_hours", "0")),
        ("months", with(programme_fields("mb-forloebet", "year_programme"), "months", "")),
        // Control characters are removed at the edge: a name of nothing else is no name.
        ("name", with(with(course(), "slug", "styretegn"), "name", "\u{1}\u{7}\u{1b}")),
    ];
    for (field, fields) in cases {
        let response = create_programme(&admin, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let page = response.text().await.unwrap();
        assert!(page.contains("class=\"error-summary\""), "{field}: summary");
        assert!(page.contains(&format!("href=\"#f-{field}\"")), "{field}: linked from the summary");
        assert!(page.contains(&format!("id=\"f-{field}-error\"")), "{field}: message beside the field");
        let place = &fields.iter().find(|(k, _)| *k == "place").unwrap().1;
        assert!(page.contains(&format!("value=\"{place}\"")), "{field}: input kept");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM programmes").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 1, "nothing but the first was stored");
    // Control characters inside a name are dropped, the rest is kept.
    let fields = with(with(course(), "slug", "ren-tekst"), "name", "Peer\u{0}uddannelsen");
    create_programme_ok(&admin, &fields).await;
    let name: String =
        sqlx::query_scalar("SELECT name FROM programmes WHERE slug = 'ren-tekst'").fetch_one(&app.pool).await.unwrap();
    assert_eq!(name, "Peeruddannelsen");
}

#[tokio::test]
async fn only_admins_may_see_create_or_edit_programmes() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let fields = programme_fields("viborg", "course_with_practicum");
    let slug = create_programme_ok(&admin, &fields).await;
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let renamed: Vec<(&str, &str)> =
        form.iter().map(|(k, v)| if *k == "name" { (*k, "Omdøbt") } else { (*k, *v) }).collect();
    for (email, role) in [("koord@example.dk", Role::Coordinator), ("samtale@example.dk", Role::Interviewer)] {
        let staff = StaffClient::signed_in(&app, email, role).await;
        assert_eq!(staff.get("/admin/programmes").await.status(), StatusCode::FORBIDDEN, "{role}");
        assert_eq!(staff.get(&format!("/admin/programmes/{slug}")).await.status(), StatusCode::FORBIDDEN, "{role}");
        let other = with(fields.clone(), "slug", "andet-program");
        assert_eq!(create_programme(&staff, &other).await.status(), StatusCode::FORBIDDEN, "{role}");
        let edit = staff.post(&format!("/admin/programmes/{slug}"), &renamed).await;
        assert_eq!(edit.status(), StatusCode::FORBIDDEN, "{role}");
        let nav = staff.get("/admin/applications").await.text().await.unwrap();
        assert!(!nav.contains("href=\"/admin/programmes\""), "{role}: no link to a page they may not see");
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM programmes").fetch_all(&app.pool).await.unwrap();
    assert_eq!(names, vec!["Program viborg".to_string()]);
    assert_eq!(admin.get("/admin/programmes/findes-ikke").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_edit_changes_the_programme_and_its_intakes_keep_their_dates() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let fields = programme_fields("viborg", "course_with_practicum");
    let slug = create_programme_ok(&admin, &fields).await;
    let intake = create_intake(&admin, &slug, "viborg-2030").await;
    let running = create_cohort(&admin, &intake, "Efterår 2030").await;
    let dates = "SELECT opens_at::text || deadline::text || start_date::text || interview_days::text FROM intakes";
    let before: String = sqlx::query_scalar(dates).fetch_one(&app.pool).await.unwrap();
    let plan_before = plan(&app, running).await;
    assert_eq!(plan_before.0.len(), 26);

    let changed = with(
        with(with(fields.clone(), "teaching_weekdays", "tue,thu"), "practicum_weeks", "16"),
        "name",
        "Peer-uddannelsen",
    );
    // The slug of the path counts; a different one in the form is ignored.
    let changed = with(changed, "slug", "nyt-navn");
    let form: Vec<(&str, &str)> = changed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = admin.post(&format!("/admin/programmes/{slug}"), &form).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()["location"], format!("/admin/programmes/{slug}").as_str());
    let row = sqlx::query("SELECT name, practicum_weeks, teaching_weekdays FROM programmes WHERE slug = $1")
        .bind(&slug)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>("name"), "Peer-uddannelsen");
    assert_eq!(row.get::<i32, _>("practicum_weeks"), 16);
    assert_eq!(row.get::<Vec<i32>, _>("teaching_weekdays"), vec![2, 4]);
    let after: String = sqlx::query_scalar(dates).fetch_one(&app.pool).await.unwrap();
    assert_eq!(before, after, "the intake keeps its dates");
    assert_eq!(plan(&app, running).await, plan_before, "the running cohort keeps its sessions and practicum");
    // A cohort made after the edit follows the programme as it is now.
    let later = create_cohort(&admin, &intake, "Forår 2031").await;
    let (sessions, practicum) = plan(&app, later).await;
    assert!(sessions.iter().all(|s| matches!(s.date.weekday(), Weekday::Tue | Weekday::Thu)));
    let practicum = practicum.unwrap();
    assert_eq!(practicum.ends - practicum.starts, chrono::Duration::days(16 * 7 - 3), "16 weeks");
    assert_eq!(audit_count(&app, "programme_changed").await, 1);

    let bad = with(changed, "capacity", "0");
    let form: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = admin.post(&format!("/admin/programmes/{slug}"), &form).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("id=\"f-capacity-error\""));
    let capacity: i32 = sqlx::query_scalar("SELECT capacity FROM programmes").fetch_one(&app.pool).await.unwrap();
    assert_eq!(capacity, 8, "unchanged");
    let missing = admin.post("/admin/programmes/findes-ikke", &form).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_intake_of_a_programme_without_sessions_shows_on_the_public_pages() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    for (profile, structure, intake) in [
        ("recovery-mentor", "recruitment", "mentor-2030"),
        ("region-h-peer-course", "modular_course", "region-h-2030"),
        ("mb-forloebet", "year_programme", "mb-2030"),
    ] {
        let slug = create_programme_ok(&admin, &programme_fields(profile, structure)).await;
        let location = create_intake(&admin, &slug, intake).await;
        assert_eq!(admin.get(&location).await.status(), StatusCode::OK, "{intake}: staff page");
        let page = app.get(&format!("/intakes/{intake}")).await;
        assert_eq!(page.status(), StatusCode::OK, "{intake}");
        assert!(page.text().await.unwrap().contains(&format!("Program {profile}")));
    }
    let front = app.get("/").await.text().await.unwrap();
    for intake in ["mentor-2030", "region-h-2030", "mb-2030"] {
        assert!(front.contains(&format!("/intakes/{intake}")), "{intake} on the front page");
    }
}

#[tokio::test]
async fn the_demo_shows_an_open_intake_of_every_structure_on_the_front_page() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let again = app.load_demo().await;
    assert_eq!(demo.intakes, again.intakes, "idempotent");
    assert_eq!((demo.intakes[0].slug.as_str(), demo.intakes[0].intake_id), (demo.intake_slug.as_str(), demo.intake_id));
    let structures: Vec<&str> = demo.intakes.iter().map(|i| i.structure).collect();
    assert_eq!(
        structures,
        ["course_with_practicum", "course_with_practicum", "modular_course", "year_programme", "recruitment"]
    );
    let front = app.get("/").await.text().await.unwrap();
    for intake in &demo.intakes {
        assert!(front.contains(&format!("href=\"{}\"", intake.path())), "{} on the front page", intake.slug);
        let page = app.get(&intake.path()).await;
        assert_eq!(page.status(), StatusCode::OK, "{}", intake.slug);
        assert!(
            page.text().await.unwrap().contains(&format!("/intakes/{}/apply", intake.slug)),
            "open: {}",
            intake.slug
        );
        assert_eq!(intake.cohort_id.is_some(), intake.structure != "recruitment", "{}", intake.slug);
    }
    let viborg: i32 = sqlx::query_scalar("SELECT practicum_weeks FROM programmes WHERE profile = 'viborg'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(viborg, 16);
    // Each cohort page renders, whatever the structure.
    let admin = admin(&app).await;
    for cohort in demo.intakes.iter().filter_map(|i| i.cohort_id) {
        assert_eq!(admin.get(&format!("/admin/cohorts/{cohort}")).await.status(), StatusCode::OK, "cohort {cohort}");
    }
}

#[tokio::test]
async fn a_cohort_takes_the_programmes_number_of_follow_up_days_and_supervisions() {
    let app = TestApp::spawn().await;
    let admin = admin(&app).await;
    let fields =
        with(with(programme_fields("viborg", "course_with_practicum"), "follow_up_days", "3"), "supervisions", "1");
    let slug = create_programme_ok(&admin, &fields).await;
    let intake = create_intake(&admin, &slug, "viborg-2030").await;
    let cohort = create_cohort(&admin, &intake, "Efterår 2030").await;
    let (_, practicum) = plan(&app, cohort).await;
    let practicum = practicum.unwrap();
    assert_eq!((practicum.follow_up_days.len(), practicum.supervisions.len()), (3, 1), "the suggestion");
    let page = admin.get(&format!("/admin/cohorts/{cohort}")).await.text().await.unwrap();
    assert!(page.contains("3 datoer adskilt af komma"), "the hint names the programme's number");

    let edit = |follow_ups: &'static str, supervisions: &'static str| {
        [
            ("name", "Efterår 2030"),
            ("start_date", "2030-09-16"),
            ("school_holidays", ""),
            ("follow_up_days", follow_ups),
            ("supervision_days", supervisions),
        ]
    };
    let two = admin.post(&format!("/admin/cohorts/{cohort}"), &edit("2031-01-20, 2031-02-17", "")).await;
    assert_eq!(two.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(two.text().await.unwrap().contains("Skriv præcis 3 datoer"));
    let three = admin
        .post(&format!("/admin/cohorts/{cohort}"), &edit("2031-01-20, 2031-02-17, 2031-03-17", "2031-02-19"))
        .await;
    assert_eq!(three.status(), StatusCode::SEE_OTHER);
    let practicum = plan(&app, cohort).await.1.unwrap();
    assert_eq!(practicum.follow_up_days.len(), 3);
    assert_eq!(practicum.supervisions, vec!["2031-02-19".parse().unwrap()]);
    let ics = admin.get(&format!("/admin/cohorts/{cohort}/schedule.ics")).await.text().await.unwrap();
    assert_eq!(ics.matches("-follow-up-").count(), 3, "three follow-up days in the calendar");
}
