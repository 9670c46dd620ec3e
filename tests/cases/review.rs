//! Coordinators review applications: the list, one application with its
//! eligibility breakdown, notes, status changes, export; all audited.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

async fn with_applications() -> (TestApp, String, String) {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let inside = submit(&app, &slug, "mette@example.dk", &[("motivation", "HEMMELIG-SVAR")]).await;
    let outside = submit(
        &app,
        &slug,
        "jens@example.dk",
        &[("full_name", "Jens Holm"), ("municipality", "101"), ("needs_interpreter", "yes")],
    )
    .await;
    (app, inside, outside)
}

async fn audit_rows(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_list_filters_by_status_and_free_text() {
    let (app, inside, outside) = with_applications().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let all = staff.get("/admin/applications").await.text().await.unwrap();
    assert!(all.contains(&inside) && all.contains(&outside) && all.contains("2 ansøgninger"));
    let jens = staff.get("/admin/applications?q=holm").await.text().await.unwrap();
    assert!(jens.contains(&outside) && !jens.contains(&inside));
    let by_ref = staff.get(&format!("/admin/applications?q={inside}")).await.text().await.unwrap();
    assert!(by_ref.contains(&inside) && !by_ref.contains(&outside));
    let invited = staff.get("/admin/applications?status=invited").await.text().await.unwrap();
    assert!(invited.contains("0 ansøgninger"));
    assert!(!all.contains("HEMMELIG-SVAR"), "no answers in the list");
}

#[tokio::test]
async fn the_detail_shows_the_breakdown_with_contract_attributes_and_one_audit_row() {
    let (app, _, outside) = with_applications().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let page = staff.get(&format!("/admin/applications/{outside}")).await.text().await.unwrap();
    for (key, outcome) in [
        ("min_age", "met"),
        ("residence", "to_verify"),
        ("interpreter", "not_met"),
        ("motivation", "for_interview"),
        ("competence_building", "for_interview"),
    ] {
        assert!(page.contains(&format!("data-criterion=\"{key}\" data-outcome=\"{outcome}\"")), "{key} {outcome}");
    }
    assert!(page.contains("København Kommune: kommunen skal godkende og betale 14.000 kr."));
    assert_eq!(page.matches("data-criterion=").count(), 12);
    assert_eq!(audit_rows(&app, "application_viewed").await, 1);
}

#[tokio::test]
async fn notes_are_appended_and_status_changes_follow_the_workflow() {
    let (app, inside, _) = with_applications().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let path = format!("/admin/applications/{inside}");
    assert_eq!(
        staff.post(&format!("{path}/notes"), &[("body", "Ringede – god samtale")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        staff.post(&format!("{path}/notes"), &[("body", "  ")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let no_reason = staff.post(&format!("{path}/status"), &[("status", "rejected"), ("reason", "")]).await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let forbidden = staff.post(&format!("{path}/status"), &[("status", "admitted")]).await;
    assert_eq!(forbidden.status(), StatusCode::CONFLICT);
    assert!(forbidden.text().await.unwrap().contains("kan den ikke blive"));
    assert_eq!(staff.post(&format!("{path}/status"), &[("status", "invited")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.post(&format!("{path}/status"), &[("status", "rejected"), ("reason", "Passer ikke")]).await.status(),
        StatusCode::SEE_OTHER
    );

    let page = staff.get(&path).await.text().await.unwrap();
    assert!(page.contains("Ringede – god samtale") && page.contains("Passer ikke"));
    let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(&inside)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "rejected");
    assert_eq!(audit_rows(&app, "status_changed").await, 2);
    assert_eq!(audit_rows(&app, "note_added").await, 1);
    assert!(
        app.smtp.mails().await.iter().all(|m| !m.subject.contains("Afslag")),
        "no rejection is mailed automatically"
    );
}

#[tokio::test]
async fn the_csv_export_has_contacts_but_no_health_answers_and_is_audited() {
    let (app, inside, outside) = with_applications().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let csv = staff.get("/admin/applications/export.csv").await;
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert!(body.contains(&inside) && body.contains(&outside) && body.contains("mette@example.dk"));
    assert!(!body.contains("HEMMELIG-SVAR") && !body.contains("psychiatric"));
    assert_eq!(audit_rows(&app, "applications_exported").await, 1);
}

#[tokio::test]
async fn an_interviewer_gets_403_on_coordinator_actions_and_404_on_applications() {
    let (app, inside, _) = with_applications().await;
    let interviewer = StaffClient::signed_in(&app, "panel@example.dk", Role::Interviewer).await;
    assert_eq!(interviewer.get(&format!("/admin/applications/{inside}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(interviewer.get("/admin/applications").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(interviewer.get("/admin/audit").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        interviewer.post(&format!("/admin/applications/{inside}/status"), &[("status", "invited")]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(interviewer.post("/admin/intakes", &[("name", "x")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(audit_rows(&app, "application_viewed").await, 0);
}

#[tokio::test]
async fn the_audit_log_lists_sign_ins_and_views_for_those_allowed() {
    let (app, inside, _) = with_applications().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    staff.get(&format!("/admin/applications/{inside}")).await;
    let log = staff.get("/admin/audit").await.text().await.unwrap();
    let viewed = format!("Lone Ravn åbnede ansøgning {inside}");
    assert!(log.contains(&viewed) && log.contains("Lone Ravn slog totrinsbekræftelse til"));
    let only_views = staff.get("/admin/audit?action=application_viewed").await.text().await.unwrap();
    assert!(only_views.contains(&viewed) && !only_views.contains("slog totrinsbekræftelse til"));
    let update = sqlx::query("UPDATE audit_log SET action = 'x'").execute(&app.pool).await;
    assert!(update.is_err(), "the audit log is append-only");
    assert!(sqlx::query("DELETE FROM audit_log").execute(&app.pool).await.is_err());
}

/// Many applications, inserted directly (submitting each would take minutes).
async fn seed_many(app: &TestApp, intake: i64, n: i32) {
    sqlx::query(
        "INSERT INTO applications (intake_id, reference, full_name, email, email_normalised, phone, birth_date,
             municipality_code, eligibility_summary, consent_version, consented_at,
             submission_key_hash, submitted_at, updated_at, status)
         SELECT $1, '2026-' || lpad(g::text, 5, '0'), 'Person ' || g, 'p' || g || '@example.dk', 'p' || g || '@example.dk',
                '+4512345678', date '1980-01-01' + g, 730, 'to_verify', 'test', now(), sha256(g::text::bytea),
                now() - g * interval '1 minute', now(), 'submitted'
         FROM generate_series(1, $2) g",
    )
    .bind(intake)
    .bind(n)
    .execute(&app.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_long_list_is_counted_twenty_pages_ahead_and_says_there_are_more() {
    let app = TestApp::spawn().await;
    let intake = app.load_demo().await.intake_id;
    seed_many(&app, intake, 1_060).await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    for path in ["/admin/applications", "/admin/applications?todo=to_verify", "/admin/applications?q=person"] {
        let first = staff.get(path).await.text().await.unwrap();
        assert!(first.contains("Mere end 1000 ansøgninger"), "{path}");
        assert!(first.contains("Side 1 af mindst 21") && first.contains("page=2"), "{path}");
    }
    let ahead = staff.get("/admin/applications?page=21").await.text().await.unwrap();
    assert!(ahead.contains("1060 ansøgninger") && ahead.contains("Side 21 af 22") && ahead.contains("page=22"));
    let last = staff.get("/admin/applications?page=22").await.text().await.unwrap();
    assert!(last.contains("1060 ansøgninger") && last.contains("Side 22 af 22") && !last.contains("page=23"));
    // Past the last page: still counted, with the way back.
    let beyond = staff.get("/admin/applications?page=30").await.text().await.unwrap();
    assert!(beyond.contains("1060 ansøgninger") && beyond.contains("page=29"), "past the end");
    // A page that is not full is counted in the same statement as its rows.
    let few = staff.get("/admin/applications?q=person+105").await.text().await.unwrap();
    assert!(few.contains("11 ansøgninger") && few.contains("Side 1 af 1"), "a short search");
}

/// The references a list page shows, in its order.
fn shown_references(page: &str) -> Vec<String> {
    page.split("href=\"/admin/applications/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn a_search_shows_the_same_rows_in_each_order_whether_it_finds_few_or_many() {
    let app = TestApp::spawn().await;
    let intake = app.load_demo().await.intake_id;
    seed_many(&app, intake, 1_060).await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    // 'person 10': Person 10, 100-109 and 1000-1060, 72 rows, read from its
    // matches; 'person': all 1,060, read by walking the order's index.
    for (q, like) in [("person+10", "%person 10%"), ("person", "%person%")] {
        for (sort, order) in [
            ("newest", "submitted_at DESC, id DESC"),
            ("oldest", "submitted_at, id"),
            ("name", "lower(full_name), id"),
            ("reference", "reference"),
        ] {
            let page = staff.get(&format!("/admin/applications?q={q}&sort={sort}")).await.text().await.unwrap();
            let expected: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT reference FROM applications WHERE lower(full_name) LIKE $1 ORDER BY {order} LIMIT 50"
            )))
            .bind(like)
            .fetch_all(&app.pool)
            .await
            .unwrap();
            assert_eq!(shown_references(&page), expected, "q={q} sort={sort}");
        }
    }
    let few = staff.get("/admin/applications?q=person+10&sort=name&page=2").await.text().await.unwrap();
    assert!(few.contains("72 ansøgninger") && few.contains("Side 2 af 2"), "the second page of a few");
    assert_eq!(shown_references(&few).len(), 22);
}
