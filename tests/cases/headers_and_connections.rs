//! What every response and connection gets whatever the page.
use std::time::{Duration, Instant};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
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
