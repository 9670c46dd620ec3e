//! Staff sign-in, sessions, roles, the review pages and the audit trail.
use chrono::Duration;
use optag::{auth::totp, domain::staff::Role};
use reqwest::{Client, StatusCode, redirect::Policy};

use crate::support::{
    TestApp,
    app::NowUtc,
    staff::{PASSWORD, StaffClient, create_user, secret_on},
};

/// A client without a cookie jar, to handle session cookies by hand.
fn bare() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("optag_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
}

async fn post_as(app: &TestApp, cookie: Option<&str>, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let mut r = bare().post(app.url(path)).header("origin", &app.base_url).form(form);
    if let Some(c) = cookie {
        r = r.header("cookie", c);
    }
    r.send().await.unwrap()
}

async fn get_as(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    bare().get(app.url(path)).header("cookie", cookie).send().await.unwrap()
}

/// Signs in by hand: returns the cookie after the password and after the code.
async fn sign_in_by_hand(app: &TestApp, email: &str) -> (String, String, Vec<u8>) {
    let login = post_as(app, None, "/admin/login", &[("email", email), ("password", PASSWORD)]).await;
    let first = session_cookie(&login).expect("a session cookie at sign-in");
    let setup = get_as(app, &first, "/admin/mfa/setup").await.text().await.unwrap();
    let secret = secret_on(&setup);
    let code = totp::code_at(&secret, app.clock.now_utc());
    let done = post_as(app, Some(&first), "/admin/mfa/setup", &[("code", &code)]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    (first, session_cookie(&done).expect("a new cookie after the code"), secret)
}

/// Signs in again after enrolment: password, then a code from a later step.
async fn sign_in_again(app: &TestApp, email: &str, secret: &[u8]) -> String {
    app.clock.advance(Duration::seconds(30));
    let login = post_as(app, None, "/admin/login", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(login.headers()["location"], "/admin/mfa");
    let pending = session_cookie(&login).unwrap();
    let code = totp::code_at(secret, app.clock.now_utc());
    let done = post_as(app, Some(&pending), "/admin/mfa", &[("code", &code)]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    session_cookie(&done).unwrap()
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn admin_pages_without_a_session_redirect_to_sign_in() {
    let app = TestApp::spawn().await;
    for path in [
        "/admin",
        "/admin/applications",
        "/admin/intakes",
        "/admin/audit",
        "/admin/nothing/here",
        "/admin/applications/2026-0001",
    ] {
        let r = bare().get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.headers()["location"], "/admin/login", "{path}");
    }
    let post = post_as(&app, None, "/admin/intakes", &[("name", "x")]).await;
    assert_eq!(post.headers()["location"], "/admin/login");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_401() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let wrong =
        post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", "forkert kode")]).await;
    let unknown =
        post_as(&app, None, "/admin/login", &[("email", "nobody@example.dk"), ("password", "forkert kode")]).await;
    assert_eq!((wrong.status(), unknown.status()), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
    assert!(session_cookie(&wrong).is_none());
    let a = wrong.text().await.unwrap().replace("lone@example.dk", "X");
    let b = unknown.text().await.unwrap().replace("nobody@example.dk", "X");
    assert_eq!(a, b);
    assert!(!a.contains("forkert kode"), "the password is never echoed");
    assert_eq!(audit_count(&app, "login_failed").await, 2);
}

#[tokio::test]
async fn repeated_failures_answer_429_for_a_while_even_for_an_unknown_address() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    for email in ["lone@example.dk", "ghost@example.dk"] {
        for _ in 0..5 {
            post_as(&app, None, "/admin/login", &[("email", email), ("password", "forkert")]).await;
        }
        let locked = post_as(&app, None, "/admin/login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS, "{email}");
    }
    app.clock.advance(Duration::minutes(16));
    let later = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(later.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in_and_after_the_code_and_dies_at_sign_out() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (after_password, after_code, _) = sign_in_by_hand(&app, "lone@example.dk").await;
    assert_ne!(after_password, after_code);
    // Until the code, every staff page sends the person to the code page.
    assert_eq!(get_as(&app, &after_password, "/admin/applications").await.headers()["location"], "/admin/login");
    assert_eq!(get_as(&app, &after_code, "/admin/applications").await.status(), StatusCode::OK);

    let out = post_as(&app, Some(&after_code), "/admin/logout", &[]).await;
    assert_eq!(out.headers()["location"], "/admin/login");
    let old = get_as(&app, &after_code, "/admin/applications").await;
    assert_eq!(old.headers()["location"], "/admin/login", "the old cookie is dead server-side");
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM staff_sessions").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_pending_second_factor_keeps_other_pages_closed() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (_, done, _) = sign_in_by_hand(&app, "lone@example.dk").await;
    post_as(&app, Some(&done), "/admin/logout", &[]).await;
    let login = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(login.headers()["location"], "/admin/mfa");
    let pending = session_cookie(&login).unwrap();
    assert_eq!(get_as(&app, &pending, "/admin/intakes").await.headers()["location"], "/admin/mfa");
}

#[tokio::test]
async fn a_totp_code_works_once() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (_, done, secret) = sign_in_by_hand(&app, "lone@example.dk").await;
    post_as(&app, Some(&done), "/admin/logout", &[]).await;
    // The enrolment code's step is used; the same code again is refused.
    let login = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    let pending = session_cookie(&login).unwrap();
    let same = totp::code_at(&secret, app.clock.now_utc());
    let reused = post_as(&app, Some(&pending), "/admin/mfa", &[("code", &same)]).await;
    assert_eq!(reused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.clock.advance(Duration::seconds(30));
    let fresh = totp::code_at(&secret, app.clock.now_utc());
    let ok = post_as(&app, Some(&pending), "/admin/mfa", &[("code", &fresh)]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let again = post_as(&app, Some(&pending), "/admin/mfa", &[("code", &fresh)]).await;
    assert_eq!(again.headers()["location"], "/admin/login", "the pre-code session id is gone");
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let login = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    let pending = session_cookie(&login).unwrap();
    let setup = get_as(&app, &pending, "/admin/mfa/setup").await.text().await.unwrap();
    let recovery =
        setup.split("<ul class=\"recovery-codes\"><li><code>").nth(1).unwrap().split('<').next().unwrap().to_string();
    let code = totp::code_at(&secret_on(&setup), app.clock.now_utc());
    let done = post_as(&app, Some(&pending), "/admin/mfa/setup", &[("code", &code)]).await;
    post_as(&app, Some(&session_cookie(&done).unwrap()), "/admin/logout", &[]).await;
    for expected in [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY] {
        let login = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
        let pending = session_cookie(&login).unwrap();
        let r = post_as(&app, Some(&pending), "/admin/mfa", &[("code", &recovery.to_uppercase())]).await;
        assert_eq!(r.status(), expected);
    }
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_and_after_12_hours_however_busy() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (_, cookie, secret) = sign_in_by_hand(&app, "lone@example.dk").await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(get_as(&app, &cookie, "/admin/intakes").await.status(), StatusCode::OK);
    app.clock.advance(Duration::minutes(31));
    assert_eq!(get_as(&app, &cookie, "/admin/intakes").await.headers()["location"], "/admin/login");

    let busy = sign_in_again(&app, "lone@example.dk", &secret).await;
    for _ in 0..(12 * 3 - 1) {
        app.clock.advance(Duration::minutes(20));
        assert_eq!(get_as(&app, &busy, "/admin/intakes").await.status(), StatusCode::OK);
    }
    app.clock.advance(Duration::minutes(20));
    assert_eq!(get_as(&app, &busy, "/admin/intakes").await.headers()["location"], "/admin/login");
}

#[tokio::test]
async fn a_disabled_user_is_signed_out_and_cannot_sign_in() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (_, cookie, _) = sign_in_by_hand(&app, "lone@example.dk").await;
    sqlx::query("UPDATE staff_users SET disabled_at = now()").execute(&app.pool).await.unwrap();
    assert_eq!(get_as(&app, &cookie, "/admin/intakes").await.headers()["location"], "/admin/login");
    let login = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_coordinator_creates_an_intake_and_a_taken_slug_is_422() {
    let app = TestApp::spawn().await;
    app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let form = [
        ("programme", "peeruddannelsen-randers"),
        ("slug", "randers-2021"),
        ("name", "Hold 2021"),
        ("opens_at", "2021-06-01T00:00"),
        ("deadline", "2021-08-17T10:00"),
        ("start_date", "2021-09-20"),
        ("interview_days", "2021-08-27,2021-08-30,2021-08-31"),
    ];
    let created = staff.post("/admin/intakes", &form).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/admin/intakes/"));
    let page = staff.get(&location).await.text().await.unwrap();
    assert!(page.contains("tirsdag den 17. august 2021 kl. 10.00"));
    let taken = staff.post("/admin/intakes", &form).await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.text().await.unwrap().contains("value=\"Hold 2021\""), "input kept");
    assert_eq!(audit_count(&app, "intake_created").await, 1);
}

#[tokio::test]
async fn an_admin_adds_a_user_who_activates_once_and_can_be_disabled() {
    let app = TestApp::spawn().await;
    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let added = admin
        .post("/admin/users", &[("name", "Ny Koordinator"), ("email", "ny@example.dk"), ("role", "coordinator")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let again =
        admin.post("/admin/users", &[("name", "Igen"), ("email", "NY@example.dk"), ("role", "coordinator")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let mail = &app.smtp.mails_to("ny@example.dk", 1).await[0];
    let path = mail.link_path("/admin/activate/");
    assert_eq!(bare().get(app.url(&path)).send().await.unwrap().status(), StatusCode::OK);
    let common = post_as(&app, None, &path, &[("password", "Password123")]).await;
    assert_eq!(common.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = post_as(&app, None, &path, &[("password", PASSWORD)]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(post_as(&app, None, &path, &[("password", PASSWORD)]).await.status(), StatusCode::GONE);

    let (_, cookie, _) = sign_in_by_hand(&app, "ny@example.dk").await;
    assert_eq!(get_as(&app, &cookie, "/admin/intakes").await.status(), StatusCode::OK);
    assert_eq!(
        get_as(&app, &cookie, "/admin/users").await.status(),
        StatusCode::FORBIDDEN,
        "coordinators do not manage users"
    );

    let id: i64 = sqlx::query_scalar("SELECT id FROM staff_users WHERE email = 'ny@example.dk'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(admin.post(&format!("/admin/users/{id}/disable"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(get_as(&app, &cookie, "/admin/intakes").await.headers()["location"], "/admin/login");
    let refused = post_as(&app, None, "/admin/login", &[("email", "ny@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(admin.post(&format!("/admin/users/{id}/enable"), &[]).await.status(), StatusCode::SEE_OTHER);
    let back = post_as(&app, None, "/admin/login", &[("email", "ny@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_and_keeps_this_one() {
    let app = TestApp::spawn().await;
    create_user(&app, "lone@example.dk", Role::Coordinator).await;
    let (_, first, secret) = sign_in_by_hand(&app, "lone@example.dk").await;
    let second = sign_in_again(&app, "lone@example.dk", &secret).await;
    let wrong =
        post_as(&app, Some(&second), "/admin/password", &[("current", "forkert"), ("password", "et helt nyt kodeord")])
            .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let changed =
        post_as(&app, Some(&second), "/admin/password", &[("current", PASSWORD), ("password", "et helt nyt kodeord")])
            .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(get_as(&app, &second, "/admin/intakes").await.status(), StatusCode::OK);
    assert_eq!(get_as(&app, &first, "/admin/intakes").await.headers()["location"], "/admin/login");
    let old = post_as(&app, None, "/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
}

/// Issue 13: a coordinator idle past the timeout who saves a long note is
/// asked to sign in again, and then sees the note with a button to send it;
/// a page asked for after the timeout is where the sign-in returns to.
#[tokio::test]
async fn a_note_sent_after_the_session_ended_is_kept_and_sent_after_signing_in_again() {
    use crate::support::{
        app::NowUtc,
        applicant,
        staff::{PASSWORD, StaffClient},
    };
    use optag::auth::totp;
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let reference = applicant::submit(&app, &demo.intake_slug, "eva@example.org", &[]).await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let sign_in_again = async |staff: &StaffClient| {
        let login = staff.post("/admin/login", &[("email", "lone@example.dk"), ("password", PASSWORD)]).await;
        assert_eq!(login.headers()["location"], "/admin/mfa");
        let code = totp::code_at(&staff.totp_secret, app.clock.now_utc());
        let done = staff.post("/admin/mfa", &[("code", &code)]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        done.headers()["location"].to_str().unwrap().to_string()
    };

    app.clock.advance(chrono::Duration::minutes(31));
    let note = format!("Ringede til Eva. {}", "Hun vil gerne have samtalen om formiddagen. ".repeat(45));
    let path = format!("/admin/applications/{reference}/notes");
    let sent = staff.post(&path, &[("body", &note)]).await;
    assert_eq!(sent.headers()["location"], "/admin/login");
    assert_eq!(sign_in_again(&staff).await, "/admin/kept");
    let kept = staff.get("/admin/kept").await.text().await.unwrap();
    assert!(
        kept.contains("Hun vil gerne have samtalen om formiddagen.") && kept.contains(&format!("action=\"{path}\""))
    );
    assert!(kept.contains("Det, du skrev") && !kept.contains(">body<"), "labelled in Danish, not by the field's name");
    // Sent from the page, as the browser would.
    let again = staff.post(&path, &[("body", &note)]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(page.contains("Ringede til Eva."), "the note is stored");
    assert_eq!(staff.get("/admin/kept").await.headers()["location"], "/admin", "kept only once");

    // A page asked for after the timeout is where signing in returns to.
    app.clock.advance(chrono::Duration::minutes(31));
    let asked = staff.get(&format!("/admin/applications/{reference}")).await;
    assert_eq!(asked.headers()["location"], "/admin/login");
    assert_eq!(sign_in_again(&staff).await, format!("/admin/applications/{reference}"));
}
