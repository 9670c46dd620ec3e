//! The school's voice: its settings, shown in every footer, every mail and on
//! `/privacy` as the data controller; the accessibility statement.
use reqwest::StatusCode;

use optag::domain::staff::Role;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

const SCHOOL: [(&str, &str); 5] = [
    ("organisation_name", "Skolen for Recovery Østjylland"),
    ("organisation_address", "Tørvebryggen 7, 8900 Randers C"),
    ("contact_email", "hjaelp@recovery-oest.dk"),
    ("contact_phone", "87 65 43 21"),
    ("dpo_email", "dpo@recovery-oest.dk"),
];

async fn text(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app.get(path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn only_admins_may_see_or_change_the_school_settings() {
    let app = TestApp::spawn().await;
    for (email, role) in [("koord@example.dk", Role::Coordinator), ("samtale@example.dk", Role::Interviewer)] {
        let staff = StaffClient::signed_in(&app, email, role).await;
        assert_eq!(staff.get("/admin/settings").await.status(), StatusCode::FORBIDDEN, "{role}");
        assert_eq!(staff.post("/admin/settings", &SCHOOL).await.status(), StatusCode::FORBIDDEN, "{role}");
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM organisation").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn bad_settings_are_refused_with_a_summary_and_the_message_beside_each_field_keeping_the_input() {
    let app = TestApp::spawn().await;
    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let form = [
        ("organisation_name", "Skolen for Recovery"),
        ("organisation_address", ""),
        ("contact_email", "ikke-en-adresse"),
        ("contact_phone", "12"),
        ("dpo_email", ""),
    ];
    let response = admin.post("/admin/settings", &form).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains(r#"class="error-summary""#), "{page}");
    for field in ["organisation_address", "contact_email", "contact_phone"] {
        assert!(page.contains(&format!(r##"href="#f-{field}""##)), "{field} in the summary");
        assert!(page.contains(&format!(r#"id="f-{field}-error""#)), "{field} message beside it");
    }
    assert!(!page.contains(r#"id="f-organisation_name-error""#));
    assert!(page.contains(r#"value="ikke-en-adresse""#) && page.contains(r#"value="Skolen for Recovery""#));
}

#[tokio::test]
async fn pages_render_before_the_settings_are_saved_and_show_the_school_after() {
    let app = TestApp::spawn().await;
    for path in ["/", "/privacy", "/accessibility", "/findes-ikke"] {
        let (status, page) = text(&app, path).await;
        assert!(status == StatusCode::OK || status == StatusCode::NOT_FOUND, "{path}: {status}");
        assert!(!page.contains("data-contact"), "{path} shows a contact before one is saved");
    }

    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let saved = admin.post("/admin/settings", &SCHOOL).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_string();
    let confirmed = admin.get(&location).await.text().await.unwrap();
    assert!(confirmed.contains("data-confirmation") && confirmed.contains(r#"value="hjaelp@recovery-oest.dk""#));

    for path in ["/", "/privacy", "/accessibility", "/findes-ikke", "/admin/login"] {
        let (_, page) = text(&app, path).await;
        assert!(page.contains("data-contact"), "{path}: {page}");
        assert!(page.contains(r#"href="mailto:hjaelp@recovery-oest.dk""#), "{path}");
        assert!(page.contains(r#"href="tel:+4587654321""#), "{path}");
        assert!(page.contains(r#"href="/accessibility""#), "{path} links the accessibility statement");
    }
    let (_, privacy) = text(&app, "/privacy").await;
    assert!(privacy.contains("Skolen for Recovery Østjylland er dataansvarlig"), "{privacy}");
    assert!(privacy.contains("Tørvebryggen 7, 8900 Randers C"));
    assert!(privacy.contains(r#"href="mailto:dpo@recovery-oest.dk""#));
}

#[tokio::test]
async fn every_mail_names_the_school_and_how_to_reach_it() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    assert_eq!(admin.post("/admin/settings", &SCHOOL).await.status(), StatusCode::SEE_OTHER);

    submit(&app, &demo.intake_slug, "ansoeger@example.dk", &[]).await;
    let mails = app.smtp.mails_to("ansoeger@example.dk", 1).await;
    let mail = &mails[0];
    for part in [&mail.text, &mail.html] {
        assert!(part.contains("Skolen for Recovery Østjylland"), "{part}");
        assert!(part.contains("hjaelp@recovery-oest.dk") && part.contains("+45 87 65 43 21"), "{part}");
        assert!(part.contains("/privacy"));
    }
}

#[tokio::test]
async fn the_demo_names_its_school_and_keeps_what_an_admin_saved() {
    let app = TestApp::spawn().await;
    app.load_demo().await;
    let (_, home) = text(&app, "/").await;
    assert!(home.contains("recoveryskolen@randers.dk") && home.contains("Recoveryskolen Randers"), "{home}");

    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    assert_eq!(admin.post("/admin/settings", &SCHOOL).await.status(), StatusCode::SEE_OTHER);
    app.load_demo().await;
    let name: String = sqlx::query_scalar("SELECT name FROM organisation").fetch_one(&app.pool).await.unwrap();
    assert_eq!(name, "Skolen for Recovery Østjylland");
}

#[tokio::test]
async fn the_accessibility_statement_names_the_target_the_gaps_and_how_to_report_in_danish_then_english() {
    let app = TestApp::spawn().await;
    app.load_demo().await;
    let (status, page) = text(&app, "/accessibility").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<html lang=\"da\">") && page.contains("Tilgængelighedserklæring"));
    assert!(page.contains("WCAG 2.1 på niveau AA") && page.contains("ikke virker godt nok endnu"));
    assert!(page.contains(r#"href="mailto:recoveryskolen@randers.dk""#), "report a barrier to the school");
    assert!(page.contains("Digitaliseringsstyrelsen"));

    app.get("/lang/en?next=/accessibility").await;
    let (_, english) = text(&app, "/accessibility").await;
    assert!(english.contains("<html lang=\"en\">") && english.contains("Accessibility statement"));
    assert!(english.contains("WCAG 2.1 at level AA"));
}
