//! The audit log reads as sentences about people and applications, includes
//! what applicants did, and is filtered by person, application and kind; a
//! refused page names the role it needs.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::submit,
    staff::{StaffClient, create_user},
};

struct Day {
    /// Kept alive while the clients talk to it.
    _app: TestApp,
    lone: StaffClient,
    per_id: i64,
    /// Offered and accepted; withdrawn.
    eva: String,
    jens: String,
}

/// A scripted day: two applications; Lone opens one and offers it a place,
/// which the applicant accepts; Per opens the other, which its applicant withdraws.
async fn a_day_of_events() -> Day {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let eva = submit(&app, &demo.intake_slug, "eva@example.org", &[]).await;
    let jens = submit(&app, &demo.intake_slug, "jens@example.org", &[]).await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let per_id = create_user(&app, "per@example.dk", Role::Coordinator).await;
    sqlx::query("UPDATE staff_users SET name = 'Per Holm' WHERE id = $1")
        .bind(per_id)
        .execute(&app.pool)
        .await
        .unwrap();
    let per = StaffClient::signed_in_existing(&app, "per@example.dk").await;

    assert_eq!(lone.get(&format!("/admin/applications/{eva}")).await.status(), StatusCode::OK);
    assert_eq!(per.get(&format!("/admin/applications/{jens}")).await.status(), StatusCode::OK);
    let cohort = demo.cohort_id.to_string();
    let offered = lone.post(&format!("/admin/applications/{eva}/offer"), &[("cohort", &cohort)]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let mails = app.smtp.mails_to("eva@example.org", 2).await;
    let offer =
        mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).expect("an offer").link_path("/offers/");
    assert_eq!(app.post_form(&offer, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    let own = app.smtp.mails_to("jens@example.org", 1).await[0].link_path("/my-application/");
    assert_eq!(app.post_form(&format!("{own}/withdraw"), &[]).await.status(), StatusCode::SEE_OTHER);
    Day { _app: app, lone, per_id, eva, jens }
}

async fn log(day: &Day, query: &str) -> String {
    let page = day.lone.get(&format!("/admin/audit{query}")).await;
    assert_eq!(page.status(), StatusCode::OK, "{query}");
    page.text().await.unwrap()
}

#[tokio::test]
async fn the_log_tells_in_plain_sentences_what_staff_and_applicants_did() {
    let day = a_day_of_events().await;
    let (eva, jens) = (&day.eva, &day.jens);
    let all = log(&day, "").await;
    for sentence in [
        format!("Ansøgeren sendte ansøgning {eva}"),
        format!("Lone Ravn åbnede ansøgning {eva}"),
        format!("Per Holm åbnede ansøgning {jens}"),
        format!("Lone Ravn tilbød en plads til ansøgning {eva}"),
        format!("Ansøgeren takkede ja til pladsen for ansøgning {eva}"),
        format!("Ansøgeren trak ansøgning {jens} tilbage"),
        "Lone Ravn slog totrinsbekræftelse til".to_string(),
    ] {
        assert!(all.contains(&sentence), "missing: {sentence}");
    }
    // Codes live only in the filter's option values, never as text to read.
    assert!(!all.contains(">application_viewed<") && !all.contains("<code>"));
    assert!(!all.contains("{&quot;") && !all.contains("{\"by\""), "no JSON on the page");
}

#[tokio::test]
async fn the_log_is_filtered_by_person_application_and_kind() {
    let day = a_day_of_events().await;
    let (eva, jens) = (&day.eva, &day.jens);
    let page = log(&day, "").await;
    assert!(page.contains("<select class=\"input\" id=\"f-person\" name=\"person\">"));
    assert!(page.contains(&format!("<option value=\"{}\">Per Holm</option>", day.per_id)));
    assert!(page.contains("<select class=\"input\" id=\"f-action\" name=\"action\">"));
    assert!(page.contains("<option value=\"applicant_declined\">Nej tak til en plads</option>"));

    let per = log(&day, &format!("?person={}", day.per_id)).await;
    assert!(per.contains(&format!("Per Holm åbnede ansøgning {jens}")));
    assert!(!per.contains(&format!("Lone Ravn åbnede ansøgning {eva}")) && !per.contains("Ansøgeren"));

    let of_eva = log(&day, &format!("?application={eva}")).await;
    assert!(of_eva.contains(&format!("Lone Ravn åbnede ansøgning {eva}")));
    assert!(of_eva.contains(&format!("Ansøgeren takkede ja til pladsen for ansøgning {eva}")));
    assert!(!of_eva.contains(&format!("ansøgning {jens}")));

    let withdrawals = log(&day, "?action=applicant_withdrew").await;
    assert!(withdrawals.contains(&format!("Ansøgeren trak ansøgning {jens} tilbage")));
    assert!(withdrawals.contains("<option value=\"applicant_withdrew\" selected>"));
    assert!(!withdrawals.contains("åbnede ansøgning"));

    let together = log(&day, &format!("?action=application_viewed&person={}&application={eva}", day.per_id)).await;
    assert!(together.contains("Ingen hændelser passer til filteret."));
    let nonsense = log(&day, "?person=abc&application=%3Cb%3E&page=x").await;
    assert!(nonsense.contains("Ingen hændelser passer til filteret."));
}

#[tokio::test]
async fn a_refused_page_names_the_role_it_needs() {
    let app = TestApp::spawn().await;
    let coordinator = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let users = coordinator.get("/admin/users").await;
    assert_eq!(users.status(), StatusCode::FORBIDDEN);
    let users = users.text().await.unwrap();
    assert!(users.contains("Denne side kræver rollen administrator."), "{users}");
    assert!(users.contains("href=\"/admin\""));

    let interviewer = StaffClient::signed_in(&app, "panel@example.dk", Role::Interviewer).await;
    for path in ["/admin/audit", "/admin/applications"] {
        let page = interviewer.get(path).await;
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(page.text().await.unwrap().contains("Denne side kræver rollen koordinator."), "{path}");
    }
}
