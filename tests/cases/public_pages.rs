//! The front page and an intake's page, over the demo data.
use chrono::Duration;
use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn the_front_page_lists_the_open_demo_intake_and_its_info_meeting() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    assert_eq!(demo.intake_slug, "randers-2027");
    let page = app.get("/").await.text().await.unwrap();
    assert!(page.contains("href=\"/intakes/randers-2027\""), "{page}");
    assert!(page.contains("tirsdag den 17. august 2027 kl. 10.00"));
    assert!(page.contains("tirsdag den 10. august 2027 kl. 16.30-18.00"));
    assert!(page.contains(&format!("/info-meetings/{}", demo.info_meeting_id)));
    assert!(page.contains("lokale 10, indgang B"));
}

#[tokio::test]
async fn the_front_page_says_kindly_when_nothing_is_open() {
    let app = TestApp::spawn().await;
    let page = app.get("/").await.text().await.unwrap();
    assert!(page.contains("Der er ingen hold, du kan søge lige nu"));
    assert!(page.contains("Der er ingen informationsmøder planlagt lige nu"));
}

#[tokio::test]
async fn the_intake_page_shows_the_programme_facts_and_a_way_to_apply() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let response = app.get(&format!("/intakes/{}", demo.intake_slug)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    for fact in [
        "13 uger, mandage og onsdage kl. 09.00-12.00. I alt 78 timer.",
        "13 ugers praktik, 6 timer om ugen",
        "Højst 8 deltagere",
        "Psykiatriens Hus, Randers",
    ] {
        assert!(page.contains(fact), "missing {fact:?}");
    }
    assert!(page.contains(&format!("href=\"/intakes/{}/apply\"", demo.intake_slug)));
}

#[tokio::test]
async fn after_the_deadline_the_intake_page_says_applications_are_closed() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let deadline: chrono::DateTime<chrono::Utc> = sqlx::query_scalar("SELECT deadline FROM intakes WHERE id = $1")
        .bind(demo.intake_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.clock.set(deadline - Duration::seconds(1));
    let open = app.get(&format!("/intakes/{}", demo.intake_slug)).await.text().await.unwrap();
    assert!(open.contains("/apply\""));

    app.clock.set(deadline);
    let closed = app.get(&format!("/intakes/{}", demo.intake_slug)).await.text().await.unwrap();
    assert!(closed.contains("Fristen er gået"));
    assert!(!closed.contains("/apply\""));
    assert!(
        !app.get("/").await.text().await.unwrap().contains(&demo.intake_slug),
        "a closed intake is not listed as open"
    );
}

#[tokio::test]
async fn an_unknown_intake_is_404() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/intakes/findes-ikke").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn loading_the_demo_twice_changes_nothing() {
    let app = TestApp::spawn().await;
    let first = app.load_demo().await;
    let second = app.load_demo().await;
    assert_eq!(
        (first.intake_id, first.info_meeting_id, first.cohort_id),
        (second.intake_id, second.info_meeting_id, second.cohort_id)
    );
    let counts: (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM programmes), (SELECT count(*) FROM intakes), (SELECT count(*) FROM info_meetings), (SELECT count(*) FROM cohorts)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    // Five programmes with an intake each, Randers' info meeting, a cohort for all but the recruitment.
    assert_eq!(counts, (5, 5, 1, 4));
}

#[tokio::test]
async fn every_page_links_to_a_plain_privacy_page_whose_retention_figures_come_from_the_rules() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    for path in
        ["/".to_string(), format!("/intakes/{}", demo.intake_slug), format!("/intakes/{}/apply", demo.intake_slug)]
    {
        let page = app.get(&path).await.text().await.unwrap();
        assert!(page.contains("<a href=\"/privacy\">Sådan passer vi på dine oplysninger</a>"), "{path}");
    }
    let response = app.get("/privacy").await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    for line in [
        "sletter vi din ansøgning 6 måneder efter, at uddannelsen er begyndt",
        "En kladde, du aldrig sender, sletter vi efter 30 dage.",
        "sletter vi 8 uger efter mødet",
        "Datatilsynet",
    ] {
        assert!(page.contains(line), "{line}");
    }
    let english = reqwest::Client::new()
        .get(app.url("/privacy"))
        .header("cookie", "lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("How we look after your information") && english.contains("after 30 days"));
}

/// The text of `path` on the server at `base`, in Danish.
async fn page_at(base: &str, path: &str) -> String {
    reqwest::get(format!("{base}{path}")).await.unwrap().text().await.unwrap()
}

/// Fetches `path` until `instance` keeps it (its listener may still be connecting).
async fn kept_by(instance: &optag::web::AppState, base: &str, path: &str, now: chrono::DateTime<chrono::Utc>) {
    for _ in 0..100 {
        page_at(base, path).await;
        if instance.public_cache.get(optag::i18n::Lang::Da, path, now).is_some() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{path} was never kept in the cache");
}

/// `path` on the other instance once its notification has arrived: that is
/// asynchronous (PostgreSQL's LISTEN/NOTIFY), so a little waiting is allowed.
async fn soon_at(base: &str, path: &str, wanted: &str) -> String {
    let mut page = String::new();
    for _ in 0..20 {
        page = page_at(base, path).await;
        if page.contains(wanted) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    page
}

#[tokio::test]
async fn a_change_by_staff_or_a_sign_up_shows_at_once_on_both_instances_despite_the_page_cache() {
    use crate::support::{app::NowUtc, staff::StaffClient};
    use optag::domain::staff::Role;

    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let meeting = app.load_demo().await.info_meeting_id;
    sqlx::query("UPDATE info_meetings SET capacity = 2").execute(&app.pool).await.unwrap();
    let second = TestApp::spawn_second_instance(&app).await;
    let other = format!("http://{}", second.address);
    let path = format!("/info-meetings/{meeting}");
    let now = app.clock.now_utc();
    kept_by(app.state(), &app.base_url, &path, now).await;
    kept_by(&second.state, &other, &path, now).await;
    assert!(page_at(&other, &path).await.contains("2 ledige pladser"));

    // Staff lower the capacity on the first instance.
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let form = [
        ("starts_at", "2027-08-10T16:30"),
        ("ends_at", "2027-08-10T18:00"),
        ("place", "Psykiatriens Hus, lokale 10, indgang B"),
        ("capacity", "1"),
    ];
    let changed = staff.post(&format!("/admin/info-meetings/{meeting}"), &form).await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert!(page_at(&app.base_url, &path).await.contains("1 ledig plads"), "the first instance at once");
    assert!(soon_at(&other, &path, "1 ledig plads").await.contains("1 ledig plads"), "the second instance");

    // Both keep the page again; a confirmed sign-up on the first fills the meeting.
    kept_by(app.state(), &app.base_url, &path, now).await;
    kept_by(&second.state, &other, &path, now).await;
    let signed =
        app.post_form(&format!("{path}/signups"), &[("name", "Mette Holm"), ("email", "mette@example.dk")]).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let mails = app.smtp.mails_to("mette@example.dk", 1).await;
    let confirm = mails.iter().find(|m| m.subject.starts_with("Bekræft")).unwrap().link_path("/info-meetings/confirm/");
    app.post_form(&confirm, &[]).await;
    let first = page_at(&app.base_url, &path).await;
    assert!(
        first.contains("Mødet er fuldt.") && !first.contains("ledige pladser") && !first.contains("ledig plads"),
        "the first instance at once"
    );
    let on_second = soon_at(&other, &path, "Mødet er fuldt.").await;
    assert!(
        on_second.contains("Mødet er fuldt.")
            && !on_second.contains("ledige pladser")
            && !on_second.contains("ledig plads"),
        "the second instance"
    );
    second.stop().await;
}

/// Posts the complete test application from `email` to the instance at `base`.
async fn submit_at(base: &str, slug: &str, email: &str) -> StatusCode {
    let fields = crate::support::applicant::form(email, "submit");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let sent = client
        .post(format!("{base}/intakes/{slug}/apply"))
        .header("origin", base)
        .header("sec-fetch-site", "same-origin")
        .form(&fields)
        .send()
        .await
        .unwrap();
    sent.status()
}

#[tokio::test]
async fn a_submit_reads_its_intake_from_the_cache_until_the_intake_changes_on_any_instance() {
    use crate::support::app::NowUtc;

    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let second = TestApp::spawn_second_instance(&app).await;
    let other = format!("http://{}", second.address);
    let now = app.clock.now_utc();
    let mut kept = false;
    for n in 0..100 {
        assert_eq!(submit_at(&other, &slug, &format!("a{n}@example.dk")).await, StatusCode::SEE_OTHER);
        kept = second.state.public_cache.intake(&slug, now).is_some();
        if kept {
            break;
        }
        // Its listener may still be connecting.
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(kept, "the second instance keeps the intake a submit read");

    // The intake closes, written straight to the database (as from a third instance).
    sqlx::query("UPDATE intakes SET deadline = $1 WHERE slug = $2")
        .bind(now - Duration::hours(1))
        .bind(&slug)
        .execute(&app.pool)
        .await
        .unwrap();
    let mut answer = StatusCode::SEE_OTHER;
    for n in 0..20 {
        answer = submit_at(&other, &slug, &format!("b{n}@example.dk")).await;
        if answer != StatusCode::SEE_OTHER {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(answer, StatusCode::CONFLICT, "once notified, the second instance refuses: the intake has closed");
    assert_eq!(submit_at(&app.base_url, &slug, "c@example.dk").await, StatusCode::CONFLICT, "and the first");
    second.stop().await;
}
