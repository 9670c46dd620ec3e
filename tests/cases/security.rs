//! Issue 12: what a stranger who knows only an address can do. A draft link
//! proves one address for good; the public answers do not tell whether an
//! address has applied; mail to unproven addresses is limited and repeats
//! nothing the visitor typed.
use chrono::Duration;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::{form, post, with},
};

async fn open_app() -> (TestApp, String, i64) {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    (app, demo.intake_slug, demo.info_meeting_id)
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn queued_to(app: &TestApp, address: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower($1)")
        .bind(address)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_draft_link_cannot_be_turned_on_someone_elses_application() {
    let (app, slug, _) = open_app().await;
    let ida = with(form("ida@example.org", "submit"), "full_name", "Ida Berg");
    assert_eq!(post(&app, &slug, &ida).await.status(), StatusCode::SEE_OTHER);

    // Eva saves a draft and gets its link.
    let eva = with(with(form("eva@example.net", "save_draft"), "full_name", "Eva Lund"), "motivation", "EVAS-SVAR");
    assert_eq!(post(&app, &slug, &eva).await.status(), StatusCode::SEE_OTHER);
    let token = app.smtp.mails_to("eva@example.net", 1).await[0]
        .link_path("/drafts/")
        .trim_start_matches("/drafts/")
        .to_string();

    // She points her draft at Ida's address, saves, and submits.
    let aimed = with(with(eva.clone(), "email", "ida@example.org"), "draft_token", &token);
    assert_eq!(post(&app, &slug, &aimed).await.status(), StatusCode::SEE_OTHER);
    let sent = post(&app, &slug, &with(aimed, "action", "submit")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);

    let (name, email): (String, String) =
        sqlx::query_as("SELECT full_name, email FROM applications").fetch_one(&app.pool).await.unwrap();
    assert_eq!((name.as_str(), email.as_str()), ("Ida Berg", "ida@example.org"));
    let health = app.health("2026-0001").await.unwrap();
    assert_ne!(health.answers["motivation"].as_str(), Some("EVAS-SVAR"), "Ida's answers stand");
    let draft_address: String = sqlx::query_scalar("SELECT email FROM drafts WHERE token_hash = sha256($1::bytea)")
        .bind(token.as_bytes())
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(draft_address, "eva@example.net", "the link stays bound to the address it was mailed to");
    let receipt = app.get(&location(&sent)).await.text().await.unwrap();
    assert!(!receipt.contains("2026-0001"), "Eva's receipt does not show Ida's reference");
}

/// Replaces the parts of a page that differ for any two submits.
fn neutral(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find("2026-") {
        out.push_str(&rest[..at]);
        out.push_str("REF");
        rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn a_submit_answers_the_same_whether_or_not_the_address_has_applied() {
    let (app, slug, _) = open_app().await;
    post(&app, &slug, &form("known@example.org", "submit")).await;

    let known = post(&app, &slug, &form("known@example.org", "submit")).await;
    let fresh = post(&app, &slug, &form("fresh@example.org", "submit")).await;
    assert_eq!(known.status(), fresh.status());
    let (known_at, fresh_at) = (location(&known), location(&fresh));
    assert!(known_at.starts_with("/applications/received/") && fresh_at.starts_with("/applications/received/"));
    let known_page = app.get(&known_at).await;
    let fresh_page = app.get(&fresh_at).await;
    assert_eq!(known_page.status(), fresh_page.status());
    let (known_page, fresh_page) = (known_page.text().await.unwrap(), fresh_page.text().await.unwrap());
    assert!(known_page.contains("2026-0002") && fresh_page.contains("2026-0003"), "each gets a number of its own");
    assert_eq!(neutral(&known_page), neutral(&fresh_page));

    // The owner hears of it, and only the owner's link can use the new answers.
    let notice = app.smtp.mails_to("known@example.org", 2).await;
    assert!(notice.iter().any(|m| m.text.contains("2026-0001") && m.text.contains("2026-0002")));
}

/// Every public form that mails an address nobody has proven, as a request.
async fn drive(app: &TestApp, slug: &str, meeting: i64, kind: &str, address: &str) {
    let status = match kind {
        "draft" => post(app, slug, &form(address, "save_draft")).await.status(),
        "duplicate" => post(app, slug, &form(address, "submit")).await.status(),
        "meeting" => {
            let path = format!("/info-meetings/{meeting}/signups");
            app.post_form(&path, &[("name", "Anna"), ("email", address)]).await.status()
        }
        "own_page_link" => {
            app.clock.advance(Duration::minutes(11));
            app.post_form("/my-application", &[("email", address)]).await.status()
        }
        "notify" => app.post_form("/notify", &[("email", address)]).await.status(),
        _ => unreachable!(),
    };
    assert_eq!(status, StatusCode::SEE_OTHER, "{kind}: the page looks the same past the limit");
}

#[tokio::test]
async fn every_public_form_sends_at_most_three_mails_an_hour_to_one_address() {
    let (app, slug, meeting) = open_app().await;
    // An application, so that duplicates and link requests have something to mail about.
    for kind in ["duplicate", "own_page_link"] {
        post(&app, &slug, &form(&format!("{kind}@example.org"), "submit")).await;
    }
    for kind in ["draft", "duplicate", "meeting", "own_page_link", "notify"] {
        let address = format!("{kind}@example.org");
        let before = queued_to(&app, &address).await;
        // Five within the hour (link requests are spaced 11 minutes apart).
        for _ in 0..5 {
            drive(&app, &slug, meeting, kind, &address).await;
        }
        let sent = queued_to(&app, &address).await - before;
        assert!(sent <= 3, "{kind}: {sent} mails to one address");
    }
    // A new hour, a new allowance.
    app.clock.advance(Duration::minutes(61));
    let before = queued_to(&app, "draft@example.org").await;
    drive(&app, &slug, meeting, "draft", "draft@example.org").await;
    assert_eq!(queued_to(&app, "draft@example.org").await - before, 1);
}

#[tokio::test]
async fn one_client_gets_at_most_a_hundred_mails_an_hour_sent_to_strangers() {
    let (app, slug, _) = open_app().await;
    for n in 0..105 {
        drive(&app, &slug, 0, "draft", &format!("person{n}@example.org")).await;
    }
    let queued: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox").fetch_one(&app.pool).await.unwrap();
    assert_eq!(queued, 100);
}

#[tokio::test]
async fn mails_to_unproven_addresses_repeat_no_name_the_visitor_typed() {
    let (app, slug, meeting) = open_app().await;
    let name = "Anna - se https://evil.example/login";
    let path = format!("/info-meetings/{meeting}/signups");
    app.post_form(&path, &[("name", name), ("email", "a@example.org")]).await;
    post(&app, &slug, &with(form("b@example.org", "save_draft"), "full_name", name)).await;
    post(&app, &slug, &with(form("c@example.org", "submit"), "full_name", name)).await;
    for address in ["a@example.org", "b@example.org", "c@example.org"] {
        for mail in app.smtp.mails_to(address, 1).await {
            assert!(!mail.text.contains("evil.example") && !mail.html.contains("evil.example"), "{address}");
        }
    }
}

/// Every row of every table of the database, as text (what a dump or a
/// backup holds).
async fn dump(app: &TestApp) -> String {
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let mut out = String::new();
    for table in tables {
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT t::text FROM {table} t")))
            .fetch_all(&app.pool)
            .await
            .unwrap();
        // bytea columns print as hex: search them as text too.
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out
}

#[tokio::test]
async fn at_rest_the_database_holds_no_free_text_health_data_and_no_live_link() {
    use optag::domain::staff::Role;

    use crate::support::staff::StaffClient;
    const ANSWER: &str = "SVAR-KANARIE-1";
    const NOTE: &str = "NOTE-KANARIE-2";
    const HELPS: &str = "HJAELP-KANARIE-3";
    const ASSESSED: &str = "VURDERING-KANARIE-4";
    const REASON: &str = "GRUND-KANARIE-5";
    const SIGNUP_NOTE: &str = "TILMELDING-KANARIE-6";
    let (app, slug, _) = open_app().await;
    let demo_intake: i64 = sqlx::query_scalar("SELECT id FROM intakes").fetch_one(&app.pool).await.unwrap();
    let cohort: i64 = sqlx::query_scalar("SELECT min(id) FROM cohorts").fetch_one(&app.pool).await.unwrap();
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Admin).await;
    staff
        .post(
            &format!("/admin/intakes/{demo_intake}/slots"),
            &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")],
        )
        .await;
    let meeting: i64 = sqlx::query_scalar("SELECT min(id) FROM info_meetings").fetch_one(&app.pool).await.unwrap();
    let signup = [("name", "Eva Lund"), ("email", "eva@example.org"), ("note", SIGNUP_NOTE)];
    app.post_form(&format!("/info-meetings/{meeting}/signups"), &signup).await;
    post(&app, &slug, &with(form("eva@example.org", "save_draft"), "motivation", ANSWER)).await;
    post(&app, &slug, &with(form("eva@example.org", "submit"), "motivation", ANSWER)).await;
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();
    staff.post(&format!("/admin/applications/{reference}/notes"), &[("body", NOTE)]).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let book = app.smtp.mails_to("eva@example.org", 4).await.iter().find_map(|m| m.link("/interviews/book/")).unwrap();
    let book = url::Url::parse(&book).unwrap().path().to_string();
    let slot: i64 = sqlx::query_scalar("SELECT min(id) FROM interview_slots").fetch_one(&app.pool).await.unwrap();
    let booked = app.post_form(&book, &[("slot", &slot.to_string()), ("accommodations", HELPS)]).await;
    assert_eq!(booked.status(), StatusCode::SEE_OTHER);
    let assessed = staff
        .post(
            &format!("/admin/applications/{reference}/assessment"),
            &[
                ("motivation", "3"),
                ("reflection", "3"),
                ("distance", "3"),
                ("competence_building", "3"),
                ("notes", ASSESSED),
            ],
        )
        .await;
    assert_eq!(assessed.status(), StatusCode::SEE_OTHER);
    staff
        .post(&format!("/admin/applications/{reference}/status"), &[("status", "waitlisted"), ("reason", REASON)])
        .await;
    staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &cohort.to_string())]).await;
    staff.post("/admin/users", &[("email", "ny@example.dk"), ("name", "Ny Kollega"), ("role", "interviewer")]).await;
    app.smtp.mails_to("ny@example.dk", 1).await;
    app.smtp.mails_to("eva@example.org", 6).await;
    // Shown where they belong.
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    for shown in [NOTE, HELPS, ASSESSED, REASON] {
        assert!(page.contains(shown), "{shown} on the application page");
    }

    // Every mail sent by now has left the outbox.
    for _ in 0..50 {
        let waiting: i64 =
            sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE status IN ('pending', 'sending')")
                .fetch_one(&app.pool)
                .await
                .unwrap();
        if waiting == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let dump = dump(&app).await;
    let list = staff.get(&format!("/admin/info-meetings/{meeting}")).await.text().await.unwrap();
    assert!(list.contains(SIGNUP_NOTE), "the sign-up's note on the staff's list");
    for canary in [ANSWER, NOTE, HELPS, ASSESSED, REASON, SIGNUP_NOTE] {
        assert!(!dump.contains(canary), "{canary} readable in the database");
    }
    let mut tokens = Vec::new();
    for mail in app.smtp.mails().await {
        for word in mail.text.split_whitespace().filter(|w| w.starts_with("http")) {
            let path = url::Url::parse(word).unwrap().path().to_string();
            tokens.extend(path.split('/').filter(|part| part.len() == 43).map(str::to_string));
        }
    }
    assert!(tokens.len() >= 5, "links were mailed: {}", tokens.len());
    for token in tokens {
        assert!(!dump.contains(&token), "a live link in the database");
    }
}
