//! A refused request (403) leaves an audit row and a warning in the log:
//! who (when known), the method, the path and when; never the body or query.
use std::sync::{Arc, Mutex};

use optag::domain::staff::Role;
use reqwest::{Client, StatusCode, redirect::Policy};
use serde_json::Value;

use crate::support::{TestApp, staff::StaffClient};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn forbidden_rows(app: &TestApp) -> Vec<(Option<i64>, Value)> {
    sqlx::query_as("SELECT actor_id, detail FROM audit_log WHERE action = 'forbidden' ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_forbidden_page_and_a_cross_site_post_are_audited_and_logged_without_body_or_query() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber =
        tracing_subscriber::fmt().with_env_filter("warn").with_writer(move || writer.clone()).with_ansi(false).finish();
    // The test's runtime is single-threaded: the server's tasks log here too.
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = TestApp::spawn().await;
    let interviewer = StaffClient::signed_in(&app, "iv@example.dk", Role::Interviewer).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM staff_users").fetch_one(&app.pool).await.unwrap();

    let page = interviewer.get("/admin/users?q=HEMMELIG-4471").await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let cross_site = Client::builder().redirect(Policy::none()).build().unwrap().post(app.url("/admin/login"));
    let cross_site = cross_site
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "iv@example.dk"), ("password", "KANARIE-9931")])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);

    let rows = forbidden_rows(&app).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, Some(id));
    assert_eq!(rows[0].1["method"], "GET");
    assert_eq!(rows[0].1["path"], "/admin/users");
    assert_eq!(rows[1].0, None, "nobody is signed in on that request");
    assert_eq!(rows[1].1["method"], "POST");
    assert_eq!(rows[1].1["path"], "/admin/login");
    let all: Vec<Value> = sqlx::query_scalar("SELECT detail FROM audit_log").fetch_all(&app.pool).await.unwrap();
    let all = serde_json::to_string(&all).unwrap();
    assert!(!all.contains("HEMMELIG") && !all.contains("KANARIE"), "{all}");

    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    let refusals: Vec<&str> = logs.lines().filter(|l| l.contains("WARN") && l.contains("request refused")).collect();
    assert_eq!(refusals.len(), 2, "{logs}");
    assert!(refusals[0].contains("/admin/users") && refusals[1].contains("/admin/login"), "{logs}");
    for secret in ["HEMMELIG", "KANARIE", "iv@example.dk"] {
        assert!(!logs.contains(secret), "{secret} in the log:\n{logs}");
    }
}
