//! The layers every request passes: health, errors, security headers, origin
//! check, body limit, language, static files.
use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers_and_503_when_it_does_not() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");

    app.pool.close().await;
    assert_eq!(app.get("/healthz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_404_is_a_kind_danish_page_with_every_security_header() {
    let app = TestApp::spawn().await;
    let response = app.get("/findes/ikke").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let headers = response.headers().clone();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert!(headers.contains_key("x-request-id"));
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    let body = response.text().await.unwrap();
    assert!(body.contains("<html lang=\"da\">") && body.contains("Vi kan ikke finde siden"), "{body}");
}

#[tokio::test]
async fn a_cross_origin_post_is_refused_before_it_reaches_a_handler() {
    let app = TestApp::spawn().await;
    let foreign = app
        .client
        .post(app.url("/intakes/x/apply"))
        .header("origin", "http://evil.example")
        .form(&[("full_name", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    assert!(foreign.headers().contains_key("content-security-policy"));
    assert!(foreign.text().await.unwrap().contains("Vi kunne ikke gøre det, du bad om"));

    let cross_site =
        app.client.post(app.url("/intakes/x/apply")).header("sec-fetch-site", "cross-site").send().await.unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);

    // Our own origin, or a client that sends neither header, passes the check
    // and meets the router (no such intake here).
    assert_eq!(app.post_form("/intakes/x/apply", &[]).await.status(), StatusCode::NOT_FOUND);
    let plain = app.client.post(app.url("/intakes/x/apply")).send().await.unwrap();
    assert_ne!(plain.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_one_mebibyte_body_gets_413_and_a_page_that_says_what_to_do() {
    let app = TestApp::spawn().await;
    let big = "a".repeat(1024 * 1024);
    let response = app
        .client
        .post(app.url("/intakes/x/apply"))
        .header("origin", &app.base_url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("motivation={big}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.headers().contains_key("content-security-policy"));
    assert!(response.text().await.unwrap().contains("fylder for meget"));
}

#[tokio::test]
async fn the_language_switch_remembers_english_and_only_goes_back_to_our_own_pages() {
    let app = TestApp::spawn().await;
    let switched = app.get("/lang/en?next=/findes-ikke").await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(switched.headers()["location"], "/findes-ikke");
    let page = app.get("/findes-ikke").await.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\">") && page.contains("We cannot find that page"));

    let evil = app.get("/lang/da?next=//evil.example/").await;
    assert_eq!(evil.headers()["location"], "/");
    assert_eq!(app.get("/lang/xx").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_stylesheet_is_served_versioned_cached_and_compressed() {
    let app = TestApp::spawn().await;
    let home = app.get("/").await.text().await.unwrap();
    let href = home.split("href=\"/static/style.css").nth(1).and_then(|r| r.split('"').next()).unwrap();
    let response = app
        .client
        .get(app.url(&format!("/static/style.css{href}")))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert_eq!(app.get("/static/nothing.js").await.status(), StatusCode::NOT_FOUND);
}
