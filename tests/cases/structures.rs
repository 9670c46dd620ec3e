//! Each structure end to end as a new school would run it, through the admin
//! pages only (issue 16): the programme made at `/admin/programmes`, an intake
//! at `/admin/intakes`, a cohort on the intake page; a person applies with the
//! profile's own questions, is offered a place (or a job) and accepts; what
//! follows fits the structure: modules to choose, a year with visits, or a
//! job with no teaching.
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::submit,
    programmes::{create_programme_ok, programme_fields, with},
    smtp_sink::Mail,
    staff::StaffClient,
    structures::{MB_FIELDS, RECOVERY_MENTOR_FIELDS},
};
use optag::domain::staff::Role;

const REGION_H_FIELDS: [(&str, &str); 3] =
    [("peer_role", "paid_peer"), ("peer_task_share_percent", "80"), ("works_in_same_team_as_peer", "yes")];

/// The programme of `profile` with `structure`, an intake open now until
/// 2030 and a cohort of it starting 16 September 2030; (intake slug, cohort id).
async fn school(staff: &StaffClient, profile: &str, structure: &str) -> (String, i64) {
    let programme = create_programme_ok(staff, &with(programme_fields(profile, structure), "capacity", "2")).await;
    let slug = format!("{profile}-2030");
    let form = [
        ("programme", programme.as_str()),
        ("slug", slug.as_str()),
        ("name", "Hold 2030"),
        ("opens_at", "2020-01-01T00:00"),
        ("deadline", "2030-08-13T10:00"),
        ("start_date", "2030-09-16"),
        ("interview_days", "2030-08-20,2030-08-22"),
    ];
    let intake = staff.post("/admin/intakes", &form).await;
    assert_eq!(intake.status(), StatusCode::SEE_OTHER, "intake of {profile}");
    let intake = intake.headers()["location"].to_str().unwrap().to_string();
    let cohort = staff.post(&format!("{intake}/cohorts"), &[("name", "Hold 2030"), ("start_date", "2030-09-16")]).await;
    assert_eq!(cohort.status(), StatusCode::SEE_OTHER, "cohort of {profile}");
    let cohort = cohort.headers()["location"].to_str().unwrap().trim_start_matches("/admin/cohorts/").parse().unwrap();
    (slug, cohort)
}

/// Applies with the profile's answers, is offered a place in `cohort` and
/// accepts; (reference, the offer mail, the welcome mail).
async fn admitted(
    app: &TestApp,
    staff: &StaffClient,
    slug: &str,
    cohort: i64,
    fields: &[(&'static str, &str)],
) -> (String, Mail, Mail) {
    let email = format!("deltager@{slug}.dk");
    let reference = submit(app, slug, &email, fields).await;
    let offered =
        staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &cohort.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER, "offer in {slug}");
    // The outbox sends in parallel: mails may arrive in any order.
    let before = app.smtp.mails_to(&email, 2).await;
    let offer = before.iter().find(|m| m.link("/offers/").is_some()).expect("an offer with its link").clone();
    let answer = app.post_form(&offer.link_path("/offers/"), &[("decision", "accept")]).await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER, "accept in {slug}");
    let after = app.smtp.mails_to(&email, 3).await;
    let welcome = after.into_iter().find(|m| !before.iter().any(|b| b.subject == m.subject)).expect("a welcome");
    (reference, offer, welcome)
}

#[tokio::test]
async fn a_modular_course_made_in_the_admin_pages_runs_from_application_to_chosen_modules() {
    let app = TestApp::spawn().await;
    let staff = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let (slug, cohort) = school(&staff, "region-h-peer-course", "modular_course").await;
    let module = [
        ("title", "Recovery og håb"),
        ("date", "2030-10-07"),
        ("from", "09:00"),
        ("to", "13:00"),
        ("mandatory_for", "paid_peer"),
        ("capacity", "10"),
    ];
    assert_eq!(staff.post(&format!("/admin/cohorts/{cohort}/modules"), &module).await.status(), StatusCode::SEE_OTHER);
    let (reference, _, welcome) = admitted(&app, &staff, &slug, cohort, &REGION_H_FIELDS).await;
    let modules = welcome.link_path("/my-application/");
    assert!(modules.ends_with("/modules"), "the welcome leads to the modules: {modules}");
    let page = app.get(&modules).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Recovery og håb"));
    let cohort_page = staff.get(&format!("/admin/cohorts/{cohort}")).await.text().await.unwrap();
    assert!(cohort_page.contains(&format!("data-participant=\"{reference}\"")), "the participant's completion shows");
    assert!(cohort_page.contains("data-module=\""), "the module shows");
}

#[tokio::test]
async fn a_year_programme_made_in_the_admin_pages_gives_its_participant_a_year_and_visits() {
    let app = TestApp::spawn().await;
    let staff = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let (slug, cohort) = school(&staff, "mb-forloebet", "year_programme").await;
    let (reference, _, welcome) = admitted(&app, &staff, &slug, cohort, &MB_FIELDS).await;
    let feed = app.get(&welcome.link_path("/feeds/")).await;
    assert_eq!(feed.status(), StatusCode::OK);
    let ics = feed.text().await.unwrap();
    assert!(ics.contains("BEGIN:VCALENDAR") && ics.contains("practicum"), "the year's practicum is in the feed");
    let cohort_page = staff.get(&format!("/admin/cohorts/{cohort}")).await.text().await.unwrap();
    assert!(cohort_page.contains(&format!("data-visits-of=\"{reference}\"")), "the visits show per participant");
}

#[tokio::test]
async fn a_recruitment_made_in_the_admin_pages_offers_a_job_and_no_teaching() {
    let app = TestApp::spawn().await;
    let staff = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let (slug, cohort) = school(&staff, "recovery-mentor", "recruitment").await;
    let (_, offer, welcome) = admitted(&app, &staff, &slug, cohort, &RECOVERY_MENTOR_FIELDS).await;
    assert!(offer.subject.contains("ansættelse") || offer.text.contains("ansættelse"), "{}", offer.subject);
    for mail in [&offer, &welcome] {
        assert!(!mail.text.contains("undervisning") && mail.link("/feeds/").is_none(), "{}", mail.text);
    }
}
