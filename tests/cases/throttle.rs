//! Every check of a secret is throttled, and the throttles hold under a burst
//! of simultaneous requests spread over two instances on one database; the
//! client address is read from `X-Forwarded-For` only behind a trusted proxy.
use chrono::Duration;
use optag::{auth::totp, domain::staff::Role};
use reqwest::{Client, StatusCode, redirect::Policy};

use crate::support::{
    TestApp,
    app::NowUtc,
    staff::{PASSWORD, create_user, secret_on},
};

fn bare() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("optag_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .expect("a session cookie")
}

/// One same-origin form POST to the instance at `base`.
async fn post(base: &str, cookie: Option<&str>, path: &str, form: &[(String, String)]) -> reqwest::Response {
    let mut request = bare().post(format!("{base}{path}")).header("origin", base).form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

/// `n` POSTs sent at once, alternating between the instances; their statuses.
async fn burst(
    bases: &[String; 2],
    n: usize,
    cookie: Option<&str>,
    path: &str,
    form: impl Fn(usize) -> Vec<(String, String)>,
) -> Vec<StatusCode> {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let (base, cookie, path, form) = (bases[i % 2].clone(), cookie.map(str::to_string), path.to_string(), form(i));
        tasks.spawn(async move { post(&base, cookie.as_deref(), &path, &form).await.status() });
    }
    tasks.join_all().await
}

fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Password, then TOTP enrolment; returns the full session and the secret.
async fn enrolled(app: &TestApp, email: &str) -> (String, Vec<u8>) {
    create_user(app, email, Role::Coordinator).await;
    let login = post(&app.base_url, None, "/admin/login", &fields(&[("email", email), ("password", PASSWORD)])).await;
    let pending = session_cookie(&login);
    let setup = bare().get(app.url("/admin/mfa/setup")).header("cookie", &pending).send().await.unwrap();
    let secret = secret_on(&setup.text().await.unwrap());
    let code = totp::code_at(&secret, app.clock.now_utc());
    let done = post(&app.base_url, Some(&pending), "/admin/mfa/setup", &fields(&[("code", &code)])).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    (session_cookie(&done), secret)
}

/// A code that is right at none of the steps accepted now.
fn wrong_code(secret: &[u8], app: &TestApp) -> String {
    let now = app.clock.now_utc();
    let accepted: Vec<String> =
        [-30, 0, 30].iter().map(|s| totp::code_at(secret, now + Duration::seconds(*s))).collect();
    (1..).map(|m| totp::code_at(secret, now + Duration::minutes(10 * m))).find(|c| !accepted.contains(c)).unwrap()
}

#[tokio::test]
async fn every_secret_check_lets_exactly_its_limit_through_a_burst_across_two_instances() {
    let app = TestApp::spawn().await;
    let second = TestApp::spawn_second_instance(&app).await;
    let bases = [app.base_url.clone(), format!("http://{}", second.address)];

    // One account: 5 tries, however many arrive at once.
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let wrong = |i: usize| fields(&[("email", "lone@example.dk"), ("password", &format!("forkert kode {i}"))]);
    let statuses = burst(&bases, 20, None, "/admin/login", wrong).await;
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), 5, "per account: {statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 15, "{statuses:?}");

    // One client, many addresses: 30 tries.
    app.clock.advance(Duration::minutes(16));
    let many = |i: usize| fields(&[("email", &format!("ghost{i}@example.dk")), ("password", "forkert kode")]);
    let statuses = burst(&bases, 60, None, "/admin/login", many).await;
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), 30, "per client: {statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 30, "{statuses:?}");
    app.clock.advance(Duration::minutes(16));

    // The second factor at sign-in: TOTP codes and recovery codes share 5 tries.
    let (_, secret) = enrolled(&app, "mfa@example.dk").await;
    app.clock.advance(Duration::seconds(30));
    let login =
        post(&app.base_url, None, "/admin/login", &fields(&[("email", "mfa@example.dk"), ("password", PASSWORD)]))
            .await;
    assert_eq!(login.headers()["location"], "/admin/mfa");
    let pending = session_cookie(&login);
    let code = wrong_code(&secret, &app);
    let codes = |i: usize| fields(&[("code", if i.is_multiple_of(2) { code.as_str() } else { "abcd-efgh" })]);
    let statuses = burst(&bases, 20, Some(&pending), "/admin/mfa", codes).await;
    assert_eq!(count(&statuses, StatusCode::UNPROCESSABLE_ENTITY), 5, "/admin/mfa: {statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 15, "{statuses:?}");

    // The code that confirms enrolment.
    create_user(&app, "setup@example.dk", Role::Coordinator).await;
    let login =
        post(&app.base_url, None, "/admin/login", &fields(&[("email", "setup@example.dk"), ("password", PASSWORD)]))
            .await;
    let pending = session_cookie(&login);
    let setup = bare().get(app.url("/admin/mfa/setup")).header("cookie", &pending).send().await.unwrap();
    let code = wrong_code(&secret_on(&setup.text().await.unwrap()), &app);
    let statuses = burst(&bases, 20, Some(&pending), "/admin/mfa/setup", |_| fields(&[("code", &code)])).await;
    assert_eq!(count(&statuses, StatusCode::UNPROCESSABLE_ENTITY), 5, "/admin/mfa/setup: {statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 15, "{statuses:?}");

    // The current password when changing it.
    let (full, _) = enrolled(&app, "pw@example.dk").await;
    let change = |i: usize| fields(&[("current", &format!("forkert kode {i}")), ("password", "et helt nyt kodeord")]);
    let statuses = burst(&bases, 20, Some(&full), "/admin/password", change).await;
    assert_eq!(count(&statuses, StatusCode::UNPROCESSABLE_ENTITY), 5, "/admin/password: {statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 15, "{statuses:?}");
}

/// `n` failed sign-ins at once, each for its own address, with `forwarded_for` as `X-Forwarded-For`.
async fn failures(app: &TestApp, from: usize, n: usize, forwarded_for: &str) -> Vec<StatusCode> {
    let mut tasks = tokio::task::JoinSet::new();
    for i in from..from + n {
        let (url, origin, forwarded_for) = (app.url("/admin/login"), app.base_url.clone(), forwarded_for.to_string());
        tasks.spawn(async move {
            let form = [("email", format!("ghost{i}@example.dk")), ("password", "forkert kode".to_string())];
            let request = bare().post(url).header("origin", origin).header("x-forwarded-for", forwarded_for);
            request.form(&form).send().await.unwrap().status()
        });
    }
    tasks.join_all().await
}

#[tokio::test]
async fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
    // Without trusted proxies, the header is anyone's to write: the socket is the client.
    let direct = TestApp::spawn().await;
    let statuses = failures(&direct, 0, 30, "203.0.113.7").await;
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), 30);
    assert_eq!(failures(&direct, 30, 1, "198.51.100.2").await, [StatusCode::TOO_MANY_REQUESTS]);

    // Behind a trusted proxy, one client's failures do not lock out another.
    let proxied = TestApp::spawn_with_env(&[("OPTAG_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")]).await;
    let statuses = failures(&proxied, 0, 30, "203.0.113.7").await;
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), 30);
    assert_eq!(failures(&proxied, 30, 1, "203.0.113.7").await, [StatusCode::TOO_MANY_REQUESTS]);
    // The client may write the left part; the right-most untrusted address counts.
    assert_eq!(failures(&proxied, 31, 1, "198.51.100.2, 203.0.113.7").await, [StatusCode::TOO_MANY_REQUESTS]);
    assert_eq!(failures(&proxied, 32, 1, "198.51.100.2").await, [StatusCode::UNAUTHORIZED]);
    assert_eq!(failures(&proxied, 33, 1, "203.0.113.7, 198.51.100.3, 10.1.2.3").await, [StatusCode::UNAUTHORIZED]);
}
