//! The coordinator's overview at `/admin`: a scripted day of events, and every count.
use std::collections::HashMap;

use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

/// Every `data-todo` on the page with its count and link.
fn todos(page: &str) -> HashMap<String, (i64, String)> {
    page.split("<a ")
        .skip(1)
        .filter_map(|tag| {
            let attr = |name: &str| tag.split(&format!("{name}=\"")).nth(1)?.split('"').next().map(str::to_string);
            Some((attr("data-todo")?, (attr("data-count")?.parse().ok()?, attr("href")?)))
        })
        .collect()
}

fn counts(page: &str) -> Vec<(String, i64)> {
    let mut all: Vec<(String, i64)> = todos(page).into_iter().map(|(k, (n, _))| (k, n)).collect();
    all.sort();
    all
}

fn expected(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    let mut all: Vec<(String, i64)> = pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    all.sort();
    all
}

/// The people of the scripted day, by what happens to them.
pub struct Day {
    pub lone: StaffClient,
    pub cohort: String,
    pub unopened: String,
    pub outside: String,
}

/// Morning: a cohort, interview slots, and a coordinator (Lone) who looks
/// before anything has happened.
pub async fn morning(app: &TestApp) -> (optag::demo::DemoData, StaffClient, String) {
    app.clock.set("2026-11-23T08:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let lone = StaffClient::signed_in(app, "lone@example.dk", Role::Coordinator).await;
    let created = lone
        .post(
            &format!("/admin/intakes/{}/cohorts", demo.intake_id),
            &[("name", "Efterår 2027"), ("start_date", "2027-09-20")],
        )
        .await;
    let cohort = created.headers()["location"].to_str().unwrap().trim_start_matches("/admin/cohorts/").to_string();
    let slots =
        [("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    lone.post(&format!("/admin/intakes/{}/slots", demo.intake_id), &slots).await;
    (demo, lone, cohort)
}

/// Until midday: nine applications; one opened, two invited (one books),
/// three offered a place, one put on the waiting list.
pub async fn until_midday(app: &TestApp, demo: &optag::demo::DemoData, lone: StaffClient, cohort: String) -> Day {
    let slug = &demo.intake_slug;
    let unopened = submit(app, slug, "ny@example.dk", &[]).await;
    let opened = submit(app, slug, "set@example.dk", &[]).await;
    let outside = submit(app, slug, "kbh@example.dk", &[("municipality", "101")]).await;
    let invited = submit(app, slug, "inviteret@example.dk", &[]).await;
    let booked = submit(app, slug, "booket@example.dk", &[]).await;
    let offered = submit(app, slug, "tilbud@example.dk", &[]).await;
    let accepts = submit(app, slug, "ja@example.dk", &[]).await;
    let declines = submit(app, slug, "nej@example.dk", &[]).await;
    let waiting = submit(app, slug, "vent@example.dk", &[]).await;
    lone.get(&format!("/admin/applications/{opened}")).await;
    for r in [&invited, &booked] {
        assert_eq!(lone.post(&format!("/admin/applications/{r}/invite"), &[]).await.status(), StatusCode::SEE_OTHER);
    }
    let invitation = app.smtp.mails_to("booket@example.dk", 2).await;
    let book = invitation.iter().find(|m| m.subject.starts_with("Invitation")).unwrap().link_path("/interviews/book/");
    let slot: i64 = sqlx::query_scalar("SELECT min(id) FROM interview_slots").fetch_one(&app.pool).await.unwrap();
    assert_eq!(app.post_form(&book, &[("slot", &slot.to_string())]).await.status(), StatusCode::SEE_OTHER);
    for r in [&offered, &accepts, &declines] {
        let sent = lone.post(&format!("/admin/applications/{r}/offer"), &[("cohort", cohort.as_str())]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(
        lone.post(&format!("/admin/applications/{waiting}/waitlist"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    Day { lone, cohort, unopened, outside }
}

/// Afternoon: one accepts, one declines, and the item to verify is closed.
pub async fn afternoon(app: &TestApp, day: &Day) {
    app.clock.set("2026-11-23T08:20:00Z".parse().unwrap());
    for (email, decision) in [("ja@example.dk", "accept"), ("nej@example.dk", "decline")] {
        let mails = app.smtp.mails_to(email, 2).await;
        let link = mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).unwrap().link_path("/offers/");
        assert_eq!(app.post_form(&link, &[("decision", decision)]).await.status(), StatusCode::SEE_OTHER);
    }
    let closed = [("criterion", "residence"), ("outcome", "confirmed"), ("note", "Kommunen betaler")];
    let outside = &day.outside;
    assert_eq!(
        day.lone.post(&format!("/admin/applications/{outside}/verifications"), &closed).await.status(),
        StatusCode::SEE_OTHER
    );
    app.clock.set("2026-11-23T08:30:00Z".parse().unwrap());
}

/// What the overview counts after the afternoon, for one who has not
/// looked since the morning.
pub const AFTERNOON: [(&str, i64); 7] = [
    ("new_applications", 2),
    ("to_verify", 0),
    ("invited_not_booked", 1),
    ("offers_awaiting_answer", 1),
    ("answers_since_last_visit", 2),
    ("waiting_list", 1),
    ("placements_missing", 1),
];

#[tokio::test]
async fn the_overview_counts_what_waits_after_a_scripted_day() {
    let app = TestApp::spawn().await;
    let (demo, lone, cohort) = morning(&app).await;
    let empty = lone.get("/admin").await.text().await.unwrap();
    assert!(counts(&empty).iter().all(|(_, n)| *n == 0), "{:?}", counts(&empty));
    assert_eq!(todos(&empty).len(), 7);

    let day = until_midday(&app, &demo, lone, cohort).await;
    // Midday visit: the offers are out, nobody has answered yet.
    app.clock.set("2026-11-23T08:10:00Z".parse().unwrap());
    let midday = day.lone.get("/admin").await.text().await.unwrap();
    assert_eq!(
        counts(&midday),
        expected(&[
            ("new_applications", 2),
            ("to_verify", 1),
            ("invited_not_booked", 1),
            ("offers_awaiting_answer", 3),
            ("answers_since_last_visit", 0),
            ("waiting_list", 1),
            ("placements_missing", 0),
        ])
    );

    afternoon(&app, &day).await;
    let seen = day.lone.get("/admin").await.text().await.unwrap();
    assert_eq!(counts(&seen), expected(&AFTERNOON));
    let links = todos(&seen);
    assert_eq!(links["placements_missing"].1, format!("/admin/cohorts/{}", day.cohort));
    assert_eq!(links["new_applications"].1, "/admin/applications?todo=new");
    let behind = day.lone.get(&links["new_applications"].1).await.text().await.unwrap();
    assert!(behind.contains(&day.unopened));
    // Each item leads to a list of exactly what it counts.
    for (key, (count, href)) in links.iter().filter(|(key, _)| *key != "placements_missing") {
        let list = day.lone.get(&href.replace("&amp;", "&")).await.text().await.unwrap();
        let said = if *count == 1 { "1 ansøgning".to_string() } else { format!("{count} ansøgninger") };
        assert!(list.contains(&format!("<strong>{said}</strong>")), "{key}: {href} should say {said}");
    }

    // The answers were seen; another coordinator has not seen them yet.
    let again = day.lone.get("/admin").await.text().await.unwrap();
    assert_eq!(todos(&again)["answers_since_last_visit"].0, 0);
    let mads = StaffClient::signed_in(&app, "mads@example.dk", Role::Admin).await;
    assert_eq!(todos(&mads.get("/admin").await.text().await.unwrap())["answers_since_last_visit"].0, 2);
}

#[tokio::test]
async fn the_list_behind_to_verify_holds_exactly_those_applications() {
    let app = TestApp::spawn().await;
    let slug = app.load_demo().await.intake_slug;
    let inside = submit(&app, &slug, "mette@example.dk", &[]).await;
    let outside = submit(&app, &slug, "jens@example.dk", &[("municipality", "101")]).await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let href = todos(&lone.get("/admin").await.text().await.unwrap())["to_verify"].1.clone();
    let list = lone.get(&href).await.text().await.unwrap();
    assert!(list.contains(&outside) && !list.contains(&inside), "{href}");
}
