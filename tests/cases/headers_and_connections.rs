//! What every response and connection gets whatever the page: a deadline
//! for request headers, and a kind page when a handler panics.
use std::time::{Duration, Instant};

use axum::{Router, routing::get};
use reqwest::StatusCode;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

use crate::support::TestApp;

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
    let body = response.text().await.unwrap();
    assert!(body.contains("<html lang=\"da\">") && body.contains("Der skete en fejl hos os"), "{body}");
    assert!(!body.contains("a bug in a handler"));
}
