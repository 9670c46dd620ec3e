//! The coordinator's bulk work: inviting everyone a filter shows, a line
//! saying what each action did, and a warning before inviting more people
//! than there are free interview times.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

struct Setup {
    app: TestApp,
    staff: StaffClient,
    intake_id: i64,
}

/// The demo intake; `until` ends the 30-minute interview times on 27 August 2027
/// from 09:00 (so 10:00 gives two, 16:00 fourteen).
async fn setup(until: &str) -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let intake_id = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let made = staff
        .post(
            &format!("/admin/intakes/{intake_id}/slots"),
            &[("date", "2027-08-27"), ("from", "09:00"), ("to", until), ("minutes", "30")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    Setup { app, staff, intake_id }
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

/// The confirmation line of the page an action leads to.
async fn confirmation(s: &Setup, r: reqwest::Response) -> String {
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = s.staff.get(&location(&r)).await.text().await.unwrap();
    let at = page.find("data-done").unwrap_or_else(|| panic!("a confirmation line after {}", location(&r)));
    let line = &page[at..];
    let start = line.find("<p>").unwrap() + 3;
    line[start..line.find("</p>").unwrap()].to_string()
}

async fn statuses(s: &Setup, refs: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for r in refs {
        let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
            .bind(r)
            .fetch_one(&s.app.pool)
            .await
            .unwrap();
        out.push(status);
    }
    out
}

/// The values of the hidden `all` fields, i.e. what "invite all" sends.
fn select_all_values(page: &str) -> Vec<String> {
    page.split("<input type=\"hidden\" name=\"all\" value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn invite_all_sends_exactly_the_rows_the_filter_shows_and_says_how_many() {
    let s = setup("16:00").await;
    let mut refs = Vec::new();
    for i in 0..4 {
        refs.push(submit(&s.app, "randers-2027", &format!("b{i}@example.dk"), &[]).await);
    }
    let rejected = s
        .staff
        .post(&format!("/admin/applications/{}/status", refs[3]), &[("status", "rejected"), ("reason", "Nej")])
        .await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);

    let list = s.staff.get(&format!("/admin/applications?intake={}&status=submitted", s.intake_id)).await;
    let page = list.text().await.unwrap();
    assert!(page.contains("Inviter alle 3 på listen, der kan inviteres"), "the button says how many");
    let mut shown = select_all_values(&page);
    shown.sort();
    let mut expected = refs[..3].to_vec();
    expected.sort();
    assert_eq!(shown, expected, "select-all carries the filtered rows and nothing else");

    let mut form: Vec<(&str, &str)> = shown.iter().map(|r| ("all", r.as_str())).collect();
    form.push(("scope", "all"));
    form.push(("reference", &refs[0]));
    let sent = s.staff.post("/admin/applications/invite", &form).await;
    assert_eq!(confirmation(&s, sent).await, "3 invitationer sendt.");
    assert_eq!(statuses(&s, &refs).await, ["invited", "invited", "invited", "rejected"]);
    for i in 0..3 {
        let mails = s.app.smtp.mails_to(&format!("b{i}@example.dk"), 2).await;
        assert_eq!(mails.iter().filter(|m| m.subject.starts_with("Invitation")).count(), 1, "one invitation each");
    }
}

#[tokio::test]
async fn too_few_free_interview_times_are_told_before_anyone_is_invited() {
    let s = setup("10:00").await;
    let mut refs = Vec::new();
    for i in 0..3 {
        refs.push(submit(&s.app, "randers-2027", &format!("w{i}@example.dk"), &[]).await);
    }
    let form: Vec<(&str, &str)> = refs.iter().map(|r| ("reference", r.as_str())).collect();
    let asked = s.staff.post("/admin/applications/invite", &form).await;
    assert_eq!(asked.status(), StatusCode::OK, "a question, not a redirect");
    let page = asked.text().await.unwrap();
    assert!(page.contains("data-slot-warning"), "{page}");
    assert!(
        page.contains("Du er ved at invitere 3 personer, men der er kun 2 ledige samtaletider."),
        "both numbers are stated"
    );
    assert_eq!(statuses(&s, &refs).await, ["submitted"; 3], "nobody is invited before the answer");

    let mut anyway = form.clone();
    anyway.push(("anyway", "yes"));
    let sent = s.staff.post("/admin/applications/invite", &anyway).await;
    assert_eq!(confirmation(&s, sent).await, "3 invitationer sendt.");
    assert_eq!(statuses(&s, &refs).await, ["invited"; 3]);
}

#[tokio::test]
async fn every_staff_action_ends_on_a_line_saying_what_it_did() {
    let s = setup("10:00").await;
    let more = s
        .staff
        .post(
            &format!("/admin/intakes/{}/slots", s.intake_id),
            &[("date", "2027-08-30"), ("from", "09:00"), ("to", "11:00"), ("minutes", "30")],
        )
        .await;
    assert_eq!(confirmation(&s, more).await, "4 samtaletider oprettet.");
    let last: i64 = sqlx::query_scalar("SELECT max(id) FROM interview_slots").fetch_one(&s.app.pool).await.unwrap();
    let removed = s.staff.post(&format!("/admin/intakes/{}/slots/{last}/remove", s.intake_id), &[]).await;
    assert_eq!(confirmation(&s, removed).await, "Samtaletiden er fjernet.");
    let a = submit(&s.app, "randers-2027", "a@example.dk", &[]).await;
    let b = submit(&s.app, "randers-2027", "b@example.dk", &[]).await;
    let path = |r: &str, action: &str| format!("/admin/applications/{r}/{action}");

    let invited = s.staff.post(&path(&a, "invite"), &[]).await;
    assert_eq!(confirmation(&s, invited).await, "1 invitation sendt.");
    let noted = s.staff.post(&path(&a, "notes"), &[("body", "Ringer tirsdag")]).await;
    assert_eq!(confirmation(&s, noted).await, "Noten er gemt.");
    let scores = [("motivation", "4"), ("reflection", "3"), ("distance", "3"), ("competence_building", "4")];
    let assessed = s.staff.post(&path(&a, "assessment"), &scores).await;
    assert_eq!(confirmation(&s, assessed).await, "Vurderingen er gemt.");
    let waitlisted = s.staff.post(&path(&a, "waitlist"), &[]).await;
    assert_eq!(confirmation(&s, waitlisted).await, "Ansøgeren er sat på ventelisten og har fået besked.");
    let changed = s.staff.post(&path(&b, "status"), &[("status", "rejected"), ("reason", "Nej")]).await;
    assert_eq!(confirmation(&s, changed).await, "Status er ændret.");

    let plain = s.staff.get(&format!("/admin/applications/{b}")).await.text().await.unwrap();
    assert!(!plain.contains("data-done"), "no line without an action");
}
