//! Journeys in headless Chromium; axe-core and the Nu Html Checker on every page.
use serde_json::json;

use crate::support::{TestApp, browser::run_journey};

#[tokio::test]
async fn public_pages_work_by_mouse_and_keyboard_and_are_accessible_and_valid() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    run_journey(&app, "public", json!({ "intakeSlug": demo.intake_slug })).await;
}

#[tokio::test]
async fn a_person_applies_with_a_draft_a_mistake_and_a_receipt_by_mouse_and_by_keyboard() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    run_journey(&app, "apply", json!({ "intakeSlug": demo.intake_slug })).await;
}

#[tokio::test]
async fn a_coordinator_signs_in_with_totp_reviews_notes_invites_and_signs_out() {
    use crate::support::{
        app::NowUtc,
        applicant::submit,
        staff::{PASSWORD, create_user},
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let mut users = serde_json::Map::new();
    for who in ["phone", "desktop"] {
        create_user(&app, &format!("{who}@example.dk"), Role::Coordinator).await;
        // From København: the residence (Region Midtjylland) is left to verify.
        let reference = submit(&app, &slug, &format!("applicant-{who}@example.dk"), &[("municipality", "101")]).await;
        users.insert(
            who.into(),
            json!({ "email": format!("{who}@example.dk"), "password": PASSWORD, "reference": reference }),
        );
    }
    let data = json!({ "users": users, "clockEpoch": app.clock.now_utc().timestamp() });
    run_journey(&app, "staff", data).await;
}

#[tokio::test]
async fn a_coordinator_makes_slots_and_invites_and_applicants_book_change_and_find_times_gone() {
    use crate::support::{
        app::NowUtc,
        applicant::submit,
        staff::{PASSWORD, create_user},
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let mut runs = serde_json::Map::new();
    for (who, day, label) in
        [("phone", "2027-08-27", "fredag den 27. august 2027"), ("desktop", "2027-08-30", "mandag den 30. august 2027")]
    {
        create_user(&app, &format!("{who}@example.dk"), Role::Coordinator).await;
        let mut people = Vec::new();
        for n in ["first", "second"] {
            let email = format!("{n}-{who}@example.dk");
            people.push(json!({ "email": email, "reference": submit(&app, &demo.intake_slug, &email, &[]).await }));
        }
        runs.insert(
            who.into(),
            json!({
                "coordinator": format!("{who}@example.dk"), "password": PASSWORD, "intakeId": demo.intake_id,
                "day": day, "dayLabel": label, "first": people[0], "second": people[1],
            }),
        );
    }
    run_journey(&app, "interviews", json!({ "runs": runs, "clockEpoch": app.clock.now_utc().timestamp() })).await;
}

#[tokio::test]
async fn a_person_signs_up_confirms_and_cancels_and_another_takes_the_seat() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    // One seat per run, on a meeting of its own (phone: the demo's; desktop: a second one).
    sqlx::query("UPDATE info_meetings SET capacity = 1").execute(&app.pool).await.unwrap();
    let second: i64 = sqlx::query_scalar(
        "INSERT INTO info_meetings (intake_id, starts_at, ends_at, place, capacity)
         VALUES ($1, '2027-06-15 14:30+00', '2027-06-15 16:00+00', 'Psykiatriens Hus, lokale 12', 1) RETURNING id",
    )
    .bind(demo.intake_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let meetings = json!({
        "phone": { "id": demo.info_meeting_id, "label": "tirsdag den 10. august 2027 kl. 16.30-18.00" },
        "desktop": { "id": second, "label": "tirsdag den 15. juni 2027 kl. 16.30-18.00" },
    });
    run_journey(&app, "meetings", json!({ "meetings": meetings })).await;
}

#[tokio::test]
async fn a_coordinator_fills_a_cohort_of_eight_and_passes_a_declined_place_to_the_waiting_list() {
    use crate::support::{
        app::NowUtc,
        applicant::submit,
        staff::{PASSWORD, create_user},
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let mut runs = serde_json::Map::new();
    for who in ["phone", "desktop"] {
        create_user(&app, &format!("{who}@example.dk"), Role::Coordinator).await;
        let mut people = Vec::new();
        for n in 0..9 {
            let email = format!("{who}-{n}@example.dk");
            people.push(json!({ "email": email, "reference": submit(&app, &demo.intake_slug, &email, &[]).await }));
        }
        runs.insert(
            who.into(),
            json!({
                "coordinator": format!("{who}@example.dk"), "password": PASSWORD, "intakeId": demo.intake_id,
                "cohortName": format!("Hold {who}"), "people": people,
            }),
        );
    }
    run_journey(&app, "cohorts", json!({ "runs": runs, "clockEpoch": app.clock.now_utc().timestamp() })).await;
}

#[tokio::test]
async fn a_person_applies_for_a_peer_support_job_and_to_mb_forloebet_each_with_its_own_questions() {
    use crate::support::programmes::create_programme_for;
    let app = TestApp::spawn().await;
    app.load_demo().await;
    let mut intakes = Vec::new();
    for profile in ["peer-support-worker", "mb-forloebet"] {
        intakes.push(json!({ "profile": profile, "slug": create_programme_for(&app, profile).await }));
    }
    run_journey(&app, "profiles", json!({ "intakes": intakes })).await;
}

#[tokio::test]
async fn an_employer_enrols_a_peer_who_opens_a_prefilled_form_by_mouse_at_both_widths() {
    use crate::support::programmes::{open_intake, region_h};
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    run_journey(&app, "enrolment", json!({ "intakeSlug": "region-h-2027" })).await;
}

#[tokio::test]
async fn an_admin_creates_and_edits_a_programme_by_mouse_accessibly() {
    use crate::support::{
        app::NowUtc,
        staff::{PASSWORD, create_user},
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    let mut users = serde_json::Map::new();
    for who in ["phone", "desktop"] {
        create_user(&app, &format!("{who}@example.dk"), Role::Admin).await;
        users.insert(who.into(), json!({ "email": format!("{who}@example.dk"), "password": PASSWORD }));
    }
    let data = json!({ "users": users, "clockEpoch": app.clock.now_utc().timestamp() });
    run_journey(&app, "programmes", data).await;
}

#[tokio::test]
async fn an_applicant_invites_a_helper_who_edits_the_draft_and_after_revoking_the_link_says_access_ended() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    run_journey(&app, "support", json!({ "intakeSlug": demo.intake_slug })).await;
}

#[tokio::test]
async fn a_coordinator_invites_everyone_a_filter_shows_with_one_press_after_a_warning_about_times() {
    use crate::support::{
        app::NowUtc,
        applicant::submit,
        staff::{PASSWORD, create_user},
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let mut runs = serde_json::Map::new();
    // One intake per width, so each run finds only its own new applications.
    for (who, intake) in ["phone", "desktop"].into_iter().zip(&demo.intakes) {
        create_user(&app, &format!("bulk-{who}@example.dk"), Role::Coordinator).await;
        let mut people = Vec::new();
        for n in 1..=3 {
            let email = format!("bulk-{n}-{who}@example.dk");
            people.push(json!({ "email": email, "reference": submit(&app, &intake.slug, &email, &[]).await }));
        }
        runs.insert(
            who.into(),
            json!({
                "coordinator": format!("bulk-{who}@example.dk"), "password": PASSWORD,
                "intakeId": intake.intake_id, "people": people,
            }),
        );
    }
    run_journey(&app, "bulk_invite", json!({ "runs": runs, "clockEpoch": app.clock.now_utc().timestamp() })).await;
}

#[tokio::test]
async fn a_coordinator_reads_the_overview_after_a_scripted_day_and_every_count_is_right() {
    use crate::{
        cases::overview,
        support::{
            app::NowUtc,
            staff::{PASSWORD, create_user},
        },
    };
    use optag::domain::staff::Role;
    let app = TestApp::spawn().await;
    let (demo, lone, cohort) = overview::morning(&app).await;
    let day = overview::until_midday(&app, &demo, lone, cohort).await;
    overview::afternoon(&app, &day).await;
    let mut users = serde_json::Map::new();
    for who in ["phone", "desktop"] {
        create_user(&app, &format!("overview-{who}@example.dk"), Role::Coordinator).await;
        users.insert(who.into(), json!({ "email": format!("overview-{who}@example.dk"), "password": PASSWORD }));
    }
    let expected: serde_json::Map<String, serde_json::Value> =
        overview::AFTERNOON.iter().map(|(k, n)| (k.to_string(), json!(n))).collect();
    let data = json!({
        "users": users, "expected": expected, "unopened": day.unopened,
        "clockEpoch": app.clock.now_utc().timestamp(),
    });
    run_journey(&app, "overview", data).await;
}
