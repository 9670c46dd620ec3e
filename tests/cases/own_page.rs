//! The applicant's own page: what is shown, the export, withdrawal, erasure,
//! and asking for a new link.
use chrono::Duration;
use reqwest::StatusCode;
use serde_json::Value;

use optag::domain::staff::Role;

use crate::support::{TestApp, app::NowUtc, applicant::submit, staff::StaffClient};

const CANARY: &str = "KANARIE-5150";

/// An application and the path of its own page from the receipt mail.
async fn applied(app: &TestApp, email: &str) -> (String, String) {
    let demo = app.load_demo().await;
    let reference = submit(app, &demo.intake_slug, email, &[("motivation", CANARY)]).await;
    let receipt = &app.smtp.mails_to(email, 1).await[0];
    (reference, receipt.link_path("/my-application/"))
}

#[tokio::test]
async fn the_receipt_links_to_a_page_with_status_stored_data_deletion_date_and_staff_views() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let (reference, own) = applied(&app, "mette@example.dk").await;
    let receipt = &app.smtp.mails_to("mette@example.dk", 1).await[0];
    assert!(receipt.text.contains(&format!("{}/privacy", app.base_url)), "privacy link in every mail");
    assert!(receipt.html.contains(&format!("{}/privacy", app.base_url)));
    assert!(!receipt.text.contains(CANARY), "no answers in mails");

    let page = app.get(&own).await.text().await.unwrap();
    assert!(page.contains(&reference) && page.contains(CANARY) && page.contains("Mette Sørensen"), "{page}");
    assert!(page.contains("Vi har fået din ansøgning og læser den"));
    assert!(page.contains("sletter vi din ansøgning automatisk mandag den 20. marts 2028"), "{page}");
    assert!(page.contains("Ingen medarbejdere har åbnet din ansøgning endnu"));
    assert!(page.contains("Du gav samtykke (version") && page.contains("Jeg giver samtykke"), "the words agreed to");

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    assert_eq!(staff.get(&format!("/admin/applications/{reference}")).await.status(), StatusCode::OK);

    let page = app.get(&own).await.text().await.unwrap();
    assert!(page.contains("Lone Ravn (koordinator) åbnede ansøgningen"), "{page}");
}

#[tokio::test]
async fn the_export_holds_every_table_that_refers_to_the_application() {
    let app = TestApp::spawn().await;
    let (reference, own) = applied(&app, "mette@example.dk").await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    staff.post(&format!("/admin/applications/{reference}/notes"), &[("body", "Ringede hende op")]).await;
    let meeting = app.load_demo().await.info_meeting_id;
    app.post_form(&format!("/info-meetings/{meeting}/signups"), &[("name", "Mette"), ("email", "Mette@example.dk")])
        .await;

    let response = app.get(&format!("{own}/export.json")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let export: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();

    let referring: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT conrelid::regclass::text FROM pg_constraint
         WHERE contype = 'f' AND confrelid = 'applications'::regclass",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(referring.len() >= 10, "{referring:?}");
    for table in referring.iter().map(String::as_str).chain(["applications", "audit_log", "mail_outbox"]) {
        assert!(export.get(table).is_some(), "{table} missing from the export");
    }
    assert_eq!(export["applications"][0]["reference"], reference.as_str());
    assert_eq!(export["health_and_answers"]["answers"]["motivation"], CANARY);
    assert_eq!(export["application_notes"][0]["body"], "Ringede hende op");
    assert!(export["applicant_links"][0].get("token_hash").is_none(), "no secrets in the export");
    assert!(export["applications"][0].get("answers_sealed").is_none());
    assert!(!export["mail_outbox"].as_array().unwrap().is_empty());
    assert_eq!(export["info_meeting_signups"][0]["name"], "Mette", "the same address's sign-up");
    assert!(export["info_meeting_signups"][0].get("confirm_token_hash").is_none());
    assert!(export["interest_subscribers"].is_array());
}

#[tokio::test]
async fn withdrawal_erases_the_health_answers_at_once_and_tells_the_coordinators() {
    let app = TestApp::spawn().await;
    let (reference, own) = applied(&app, "mette@example.dk").await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;

    let confirm = app.get(&format!("{own}/withdraw")).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    assert!(app.health(&reference).await.is_some(), "opening the page changes nothing");

    let done = app.post_form(&format!("{own}/withdraw"), &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);

    let (status, all_gone): (String, bool) = sqlx::query_as(
        "SELECT status, num_nulls(facts_sealed, answers_sealed, eligibility_sealed, facts, answers, eligibility) = 6
             FROM applications WHERE reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(status, "withdrawn");
    assert!(all_gone, "health fields erased");

    let page = app.get(done.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
    assert!(page.contains("Ansøgningen er trukket tilbage"), "{page}");
    assert!(!page.contains(CANARY));
    let told = &app.smtp.mails_to("lone@example.dk", 1).await[0];
    assert!(told.subject.contains(&reference) && !told.text.contains(CANARY) && !told.text.contains("Mette"));
    let admin_page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(admin_page.contains("Helbredsoplysningerne og de skrevne svar er slettet"), "{admin_page}");
    assert!(!admin_page.contains(CANARY));
}

#[tokio::test]
async fn erasure_deletes_everything_and_keeps_only_an_anonymous_count() {
    let app = TestApp::spawn().await;
    let (reference, own) = applied(&app, "mette@example.dk").await;
    StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;

    let done = app.post_form(&format!("{own}/erase"), &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(done.headers()["location"], "/my-application/erased");

    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM applications").fetch_one(&app.pool).await.unwrap();
    let links: i64 = sqlx::query_scalar("SELECT count(*) FROM applicant_links").fetch_one(&app.pool).await.unwrap();
    let stats: String =
        sqlx::query_scalar("SELECT outcome FROM application_statistics").fetch_one(&app.pool).await.unwrap();
    assert_eq!((left, links, stats.as_str()), (0, 0, "erased_on_request"));
    // The link was issued and its purpose is over: 410, not "never heard of it".
    assert_eq!(app.get(&own).await.status(), StatusCode::GONE);
    let told = &app.smtp.mails_to("lone@example.dk", 1).await[0];
    assert!(told.text.contains(&reference));
}

#[tokio::test]
async fn asking_for_a_new_link_answers_the_same_for_any_address_and_mails_only_the_owner_once_a_while() {
    let app = TestApp::spawn().await;
    let (_, first_link) = applied(&app, "mette@example.dk").await;
    // The receipt's link counts as the latest one sent.
    app.clock.set(app.clock.now_utc() + Duration::minutes(11));

    for email in ["Mette@Example.dk", "ukendt@example.dk", "mette@example.dk"] {
        let response = app.post_form("/my-application", &[("email", email)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/my-application/sent");
    }
    let mails = app.smtp.mails_to("mette@example.dk", 2).await;
    let fresh = mails[1].link_path("/my-application/");
    assert_ne!(fresh, first_link);
    assert_eq!(app.get(&fresh).await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.smtp.mails().await.len(), 2, "one new link in ten minutes, none to the unknown address");

    let bad = app.post_form("/my-application", &[("email", "ikke en adresse")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_expired_link_answers_410_with_the_way_to_a_new_one() {
    let app = TestApp::spawn().await;
    let (_, own) = applied(&app, "mette@example.dk").await;
    app.clock.set(app.clock.now_utc() + Duration::days(61));

    let response = app.get(&own).await;
    assert_eq!(response.status(), StatusCode::GONE);
    assert!(response.text().await.unwrap().contains("href=\"/my-application\""));
    assert_eq!(app.post_form(&format!("{own}/withdraw"), &[]).await.status(), StatusCode::GONE);
    assert_eq!(
        app.get("/my-application/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn withdrawing_with_an_open_offer_gives_the_seat_back_and_passes_it_on() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let (reference, own) = applied(&app, "mette@example.dk").await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let offered =
        staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &demo.cohort_id.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);

    // The intake passes freed places on, and someone is waiting.
    sqlx::query("UPDATE intakes SET auto_offer = true").execute(&app.pool).await.unwrap();
    let waiting = submit(&app, &demo.intake_slug, "venter@example.dk", &[]).await;
    staff.post(&format!("/admin/applications/{waiting}/waitlist"), &[]).await;

    assert_eq!(app.post_form(&format!("{own}/withdraw"), &[]).await.status(), StatusCode::SEE_OTHER);

    let offers: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.reference, o.status FROM cohort_offers o JOIN applications a ON a.id = o.application_id ORDER BY o.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(offers, vec![(reference, "declined".into()), (waiting, "offered".into())]);
}

#[tokio::test]
async fn the_consent_to_be_kept_for_later_can_be_taken_back_on_its_own() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let reference =
        submit(&app, &demo.intake_slug, "keep@example.dk", &[("motivation", CANARY), ("keep_for_later", "yes")]).await;
    let own = app.smtp.mails_to("keep@example.dk", 1).await[0].link_path("/my-application/");
    let page = app.get(&own).await.text().await.unwrap();
    assert!(page.contains("komme i betragtning til et senere hold"), "{page}");
    assert!(page.contains("automatisk tirsdag den 20. marts 2029"), "{page}");

    let done = app.post_form(&format!("{own}/stop-keeping"), &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);

    let page = app.get(done.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
    assert!(page.contains("Vi gemmer ikke længere ansøgningen til et senere hold"), "{page}");
    assert!(page.contains("automatisk mandag den 20. marts 2028"), "{page}");
    assert!(page.contains(CANARY), "the application itself stays");
    let kept: bool = sqlx::query_scalar("SELECT keep_text_id IS NOT NULL FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(!kept);
}
