//! What every response and connection gets whatever the page: no caching of
//! personal data, HSTS behind https, a deadline for request headers, and a
//! kind page when a handler panics.
use std::time::{Duration, Instant};

use axum::{Router, routing::get};
use reqwest::StatusCode;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

use optag::domain::staff::Role;

use crate::support::{
    TestApp,
    applicant::{form, post},
    staff::StaffClient,
};

fn cache_control(response: &reqwest::Response) -> String {
    response.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

#[tokio::test]
async fn every_page_with_personal_data_says_no_store_and_only_public_pages_may_be_kept() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let sent = post(&app, &demo.intake_slug, &form("cache@example.dk", "submit")).await;
    assert_eq!(sent.status(), 303);
    let received = sent.headers()["location"].to_str().unwrap().to_string();
    let own_page = app.smtp.mails_to("cache@example.dk", 1).await[0].link_path("/my-application/");
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();

    let unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let anonymous = [
        "/admin/login".to_string(),
        "/admin/mfa/setup".into(),
        "/admin".into(),
        "/admin/applications".into(),
        "/admin/no-such-page".into(),
        received,
        own_page.clone(),
        format!("{own_page}/export.json"),
        "/my-application".into(),
        format!("/my-application/{unknown}"),
        format!("/drafts/{unknown}"),
        format!("/interviews/book/{unknown}"),
        format!("/offers/{unknown}"),
        format!("/enrolments/{unknown}"),
        format!("/enrolments/confirm/{unknown}"),
        format!("/support/{unknown}"),
        format!("/feeds/{unknown}"),
        format!("/info-meetings/confirm/{unknown}"),
        "/no-such-page".into(),
    ];
    for path in &anonymous {
        let response = app.get(path).await;
        assert_eq!(cache_control(&response), "no-store", "{path} ({})", response.status());
    }

    let staff = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let signed_in = [
        "/admin".to_string(),
        "/admin/applications".into(),
        format!("/admin/applications/{reference}"),
        "/admin/applications/export.csv".into(),
        "/admin/intakes".into(),
        format!("/admin/intakes/{}", demo.intake_id),
        format!("/admin/cohorts/{}", demo.cohort_id),
        format!("/admin/info-meetings/{}", demo.info_meeting_id),
        "/admin/users".into(),
        "/admin/audit".into(),
        "/admin/password".into(),
        "/admin/mfa/setup".into(),
    ];
    for path in &signed_in {
        let response = staff.get(path).await;
        assert!(response.status().is_success() || response.status().is_redirection(), "{path}");
        assert_eq!(cache_control(&response), "no-store", "{path} ({})", response.status());
    }

    // The public pages may be kept by a browser or proxy.
    for path in [
        "/",
        "/privacy",
        "/healthz",
        &format!("/intakes/{}", demo.intake_slug),
        &format!("/info-meetings/{}", demo.info_meeting_id),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_ne!(cache_control(&response), "no-store", "{path}");
    }
}

#[tokio::test]
async fn behind_an_https_base_url_every_response_asks_for_https_for_a_year() {
    let app = TestApp::spawn_configured(|s| s.base_url = url::Url::parse("https://optag.example.dk").unwrap()).await;
    for path in ["/", "/admin/login", "/static/app.css", "/no-such-page"] {
        let response = app.get(path).await;
        let hsts = response.headers().get("strict-transport-security").map(|v| v.to_str().unwrap().to_string());
        assert_eq!(hsts.as_deref(), Some("max-age=31536000"), "{path} ({})", response.status());
    }

    let plain = TestApp::spawn().await;
    assert!(!plain.get("/").await.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn a_client_that_trickles_its_headers_is_cut_off_after_the_header_timeout() {
    let app = TestApp::spawn_configured(|s| s.header_read_timeout = Duration::from_secs(1)).await;
    let mut stream = TcpStream::connect(app.base_url.trim_start_matches("http://")).await.unwrap();
    let head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    let started = Instant::now();
    let mut buffer = [0; 1024];
    let mut closed = false;
    for byte in head.bytes().chain(std::iter::repeat(b'a')) {
        if started.elapsed() > Duration::from_secs(8) {
            break;
        }
        if stream.write_all(&[byte]).await.is_err() {
            closed = true;
            break;
        }
        // An end or a reset is the close; an answer (a 408) before it is fine.
        if let Ok(Ok(0) | Err(_)) = tokio::time::timeout(Duration::from_millis(300), stream.read(&mut buffer)).await {
            closed = true;
            break;
        }
    }
    let after = started.elapsed();
    assert!(closed, "the connection is still open after {after:?}");
    assert!(after < Duration::from_secs(4), "closed only after {after:?}");
}

async fn boom() -> &'static str {
    panic!("a bug in a handler")
}

#[tokio::test]
async fn a_panicking_handler_answers_the_kind_500_page_and_keeps_the_security_headers() {
    let app = TestApp::spawn().await;
    let routes = Router::new().route("/boom", get(boom));
    let router = optag::web::with_layers(routes, app.state().clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(optag::web::serve::serve(listener, router, Duration::from_secs(30), std::future::pending()));

    let response =
        app.client.get(format!("http://{address}/boom")).send().await.expect("an answer, not a dropped connection");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(response.headers().contains_key("content-security-policy"));
    assert_eq!(cache_control(&response), "no-store");
    let body = response.text().await.unwrap();
    assert!(body.contains("<html lang=\"da\">") && body.contains("Der skete en fejl hos os"), "{body}");
    assert!(!body.contains("a bug in a handler"));
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_millis(500)).await;
    "done"
}

#[tokio::test]
async fn stopping_lets_a_request_in_progress_finish_and_lets_idle_connections_go() {
    let app = TestApp::spawn().await;
    let router = optag::web::with_layers(Router::new().route("/slow", get(slow)), app.state().clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/slow", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(optag::web::serve::serve(listener, router, Duration::from_secs(30), async {
        let _ = stopped.await;
    }));
    // A first request leaves an idle keep-alive connection in the client's pool.
    assert_eq!(app.client.get(&url).send().await.unwrap().text().await.unwrap(), "done");

    let in_progress = tokio::spawn({
        let (client, url) = (app.client.clone(), url.clone());
        async move { client.get(&url).send().await.unwrap().text().await.unwrap() }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();
    assert_eq!(in_progress.await.unwrap(), "done");
    tokio::time::timeout(Duration::from_secs(3), server)
        .await
        .expect("the server stops despite the idle connection")
        .unwrap()
        .unwrap();
    assert!(reqwest::Client::new().get(&url).send().await.is_err(), "no new connections after the stop");
}
