//! The application journey through the contract: form, review, drafts,
//! deadline, idempotent submit, duplicates, receipt.
use chrono::Duration;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::{form, post, submit, with},
};

async fn count(app: &TestApp, table: &str) -> i64 {
    let sql = match table {
        "applications" => "SELECT count(*) FROM applications",
        "drafts" => "SELECT count(*) FROM drafts",
        _ => unreachable!(),
    };
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn open_app() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    (app, demo.intake_slug)
}

#[tokio::test]
async fn the_form_has_every_contract_field() {
    let (app, slug) = open_app().await;
    let page = app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap();
    for name in [
        "full_name",
        "email",
        "phone",
        "birth_date",
        "municipality",
        "lived_experience",
        "treatment",
        "income_support",
        "caseworker_agreement",
        "active_substance_abuse",
        "dementia",
        "needs_interpreter",
        "motivation",
        "experience",
        "distance",
        "strengths_limits",
        "expectations",
        "consent",
        "action",
    ] {
        assert!(page.contains(&format!("name=\"{name}\"")), "missing {name}");
    }
    assert!(page.contains("value=\"save_draft\"") && page.contains("value=\"review\""));
}

#[tokio::test]
async fn a_valid_submission_gets_a_receipt_page_and_a_neutral_receipt_mail() {
    let (app, slug) = open_app().await;
    let response = post(&app, &slug, &form("mette@example.dk", "submit")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let receipt = app.get(&location(&response)).await.text().await.unwrap();
    let (reference, status, consent, summary): (String, String, String, String) =
        sqlx::query_as("SELECT reference, status, consent_version, eligibility_summary FROM applications")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(reference, "2026-0001");
    assert_eq!((status.as_str(), summary.as_str()), ("submitted", "no_concerns"));
    assert!(!consent.is_empty());
    assert!(receipt.contains(&reference));

    let mail = &app.smtp.mails_to("mette@example.dk", 1).await[0];
    assert!(mail.subject.contains(&reference) && mail.text.contains(&reference) && mail.html.contains(&reference));
    for word in ["psykiatri", "psykisk", "misbrug", "recovery"] {
        assert!(!mail.subject.to_lowercase().contains(word), "subject reveals {word}: {}", mail.subject);
    }
    assert!(!mail.text.contains("HEMMELIG-MOTIVATION") && !mail.html.contains("HEMMELIG-MOTIVATION"));
}

#[tokio::test]
async fn an_invalid_form_is_422_keeps_the_input_and_stores_nothing() {
    let (app, slug) = open_app().await;
    let fields =
        with(with(form("mette@", "submit"), "birth_date", "31-13-1990"), "motivation", "Mit svar, som ikke må gå tabt");
    let response = post(&app, &slug, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("error-summary") && page.contains("href=\"#f-email\"") && page.contains("href=\"#f-birth_date\"")
    );
    assert!(page.contains("value=\"Mette Sørensen\"") && page.contains("Mit svar, som ikke må gå tabt"));
    assert!(page.contains("value=\"730\" selected"));
    assert!(page.contains("value=\"municipal_support\" checked"));
    assert_eq!(count(&app, "applications").await, 0);
}

#[tokio::test]
async fn review_shows_the_answers_and_a_gentle_pre_check_and_stores_nothing() {
    let (app, slug) = open_app().await;
    let fields = with(with(form("mette@example.dk", "review"), "municipality", "101"), "needs_interpreter", "yes");
    let response = post(&app, &slug, &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("København Kommune") && page.contains("14.000 kr."), "out-of-region fee named");
    assert!(page.contains("opfylder du måske ikke") && page.contains("uden tolk"));
    assert!(page.contains("name=\"action\" value=\"submit\""));
    assert_eq!(count(&app, "applications").await, 0);
}

#[tokio::test]
async fn a_draft_is_mailed_reopened_updated_and_submitted() {
    let (app, slug) = open_app().await;
    let partial = vec![
        ("email", "mette@example.dk".to_string()),
        ("motivation", "Halvt færdigt svar".to_string()),
        ("action", "save_draft".to_string()),
    ];
    let saved = post(&app, &slug, &partial).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert!(app.get(&location(&saved)).await.text().await.unwrap().contains("Vi har sendt et link"));
    let mail = &app.smtp.mails_to("mette@example.dk", 1).await[0];
    let draft_path = mail.link_path("/drafts/");
    let token = draft_path.trim_start_matches("/drafts/").to_string();

    let reopened = app.get(&draft_path).await.text().await.unwrap();
    assert!(reopened.contains("Halvt færdigt svar") && reopened.contains(&format!("value=\"{token}\"")));
    assert!(app.get(&draft_path).await.text().await.unwrap().contains("Halvt færdigt svar"), "a link works many times");

    let again = with(with(partial.clone(), "motivation", "Nu mere færdigt"), "draft_token", &token);
    assert_eq!(post(&app, &slug, &again).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(count(&app, "drafts").await, 1);
    assert!(app.get(&draft_path).await.text().await.unwrap().contains("Nu mere færdigt"));

    let submit = with(form("mette@example.dk", "submit"), "draft_token", &token);
    assert_eq!(post(&app, &slug, &submit).await.status(), StatusCode::SEE_OTHER);
    assert_eq!((count(&app, "applications").await, count(&app, "drafts").await), (1, 0));
    assert_eq!(app.get(&draft_path).await.status(), StatusCode::GONE, "the application is sent: 410");
}

#[tokio::test]
async fn an_expired_draft_link_is_410_and_an_unknown_one_404() {
    let (app, slug) = open_app().await;
    let partial = vec![("email", "mette@example.dk".to_string()), ("action", "save_draft".to_string())];
    post(&app, &slug, &partial).await;
    let path = app.smtp.mails_to("mette@example.dk", 1).await[0].link_path("/drafts/");
    app.clock.advance(Duration::days(31));
    let expired = app.get(&path).await;
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(expired.text().await.unwrap().contains("udløbet"));
    assert_eq!(app.get(&format!("/drafts/{}", "A".repeat(43))).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/drafts/kort").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_deadline_is_enforced_to_the_minute_and_nothing_is_stored_after_it() {
    let (app, slug) = open_app().await;
    let deadline: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT deadline FROM intakes").fetch_one(&app.pool).await.unwrap();
    // Opened before the deadline, sent after it.
    let page = app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap();
    assert!(page.contains("name=\"submission_key\""));
    app.clock.set(deadline);
    for action in ["submit", "save_draft"] {
        let response = post(&app, &slug, &form("mette@example.dk", action)).await;
        assert_eq!(response.status(), StatusCode::CONFLICT, "{action}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Ansøgningsfristen er gået") && body.contains("HEMMELIG-MOTIVATION"),
            "the text is given back"
        );
    }
    assert_eq!((count(&app, "applications").await, count(&app, "drafts").await), (0, 0));
    assert!(
        app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap().contains("Ansøgningsfristen er gået")
    );

    app.clock.set(deadline - Duration::seconds(1));
    assert_eq!(post(&app, &slug, &form("mette@example.dk", "submit")).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_double_click_makes_one_application_and_one_receipt() {
    let (app, slug) = open_app().await;
    let page = app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap();
    let key = page.split("name=\"submission_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let fields = with(form("mette@example.dk", "submit"), "submission_key", &key);
    let responses = futures_join(&app, &slug, &fields, 8).await;
    let locations: Vec<String> = responses
        .iter()
        .map(|(s, l)| {
            assert_eq!(*s, StatusCode::SEE_OTHER);
            l.clone()
        })
        .collect();
    assert!(locations.windows(2).all(|w| w[0] == w[1]), "{locations:?}");
    assert_eq!(count(&app, "applications").await, 1);
    app.smtp.mails_to("mette@example.dk", 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    assert_eq!(app.smtp.mails().await.len(), 1);
}

async fn futures_join(
    app: &TestApp,
    slug: &str,
    fields: &[(&'static str, String)],
    n: usize,
) -> Vec<(StatusCode, String)> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..n {
        let (client, url, origin) =
            (app.client.clone(), app.url(&format!("/intakes/{slug}/apply")), app.base_url.clone());
        let body: Vec<(&'static str, String)> = fields.to_vec();
        tasks.spawn(async move {
            let r = client.post(url).header("origin", origin).form(&body).send().await.unwrap();
            let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
            (r.status(), location)
        });
    }
    tasks.join_all().await
}

/// Unique and in order; a gap would only follow a submit that failed after taking its number.
#[tokio::test]
async fn references_are_unique_and_count_up_under_concurrent_submissions() {
    let (app, slug) = open_app().await;
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..10 {
        let (client, url, origin) =
            (app.client.clone(), app.url(&format!("/intakes/{slug}/apply")), app.base_url.clone());
        let body = form(&format!("person{n}@example.dk"), "submit");
        tasks
            .spawn(async move { client.post(url).header("origin", origin).form(&body).send().await.unwrap().status() });
    }
    assert!(tasks.join_all().await.iter().all(|s| *s == StatusCode::SEE_OTHER));
    let references: Vec<String> =
        sqlx::query_scalar("SELECT reference FROM applications ORDER BY reference").fetch_all(&app.pool).await.unwrap();
    let expected: Vec<String> = (1..=10).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(references, expected);
}

#[tokio::test]
async fn a_second_application_with_the_same_email_tells_the_owner_and_can_replace_the_first() {
    let (app, slug) = open_app().await;
    post(&app, &slug, &form("mette@example.dk", "submit")).await;
    let second = with(form("Mette@Example.dk", "submit"), "motivation", "Nye tanker");
    let response = post(&app, &slug, &second).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/applications/received/"), "the same answer as a first submit");
    assert_eq!(count(&app, "applications").await, 1);

    // The domain goes out in lower-case IDNA; the local part as typed.
    let mails = app.smtp.mails_to("Mette@example.dk", 1).await;
    let notice = mails.iter().find(|m| m.subject.starts_with("Om din ansøgning")).expect("a notice to the owner");
    assert!(notice.text.contains("2026-0001"));
    let token = notice.link_path("/drafts/").trim_start_matches("/drafts/").to_string();
    assert!(app.get(&format!("/drafts/{token}")).await.text().await.unwrap().contains("Nye tanker"));

    let replace = with(second, "draft_token", &token);
    assert_eq!(post(&app, &slug, &replace).await.status(), StatusCode::SEE_OTHER);
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();
    let health = app.health(&reference).await.expect("answers kept");
    assert_eq!((reference.as_str(), health.answers["motivation"].as_str()), ("2026-0001", Some("Nye tanker")));
    let updated = app.smtp.mails_to("Mette@example.dk", 2).await;
    assert!(updated.iter().any(|m| m.subject.starts_with("Vi har fået dine nye svar")));
}

#[tokio::test]
async fn five_answers_of_5000_danish_characters_are_accepted() {
    let (app, slug) = open_app().await;
    let long = "æøå ".repeat(1250);
    let mut fields = form("mette@example.dk", "submit");
    for name in ["motivation", "experience", "distance", "strengths_limits", "expectations"] {
        fields = with(fields, name, &long);
    }
    assert_eq!(post(&app, &slug, &fields).await.status(), StatusCode::SEE_OTHER);
    let too_long = with(fields, "motivation", &format!("{long}x"));
    assert_eq!(post(&app, &slug, &too_long).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_unknown_receipt_is_404() {
    let (app, _) = open_app().await;
    assert_eq!(app.get(&format!("/applications/received/{}", "B".repeat(43))).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn references_grow_past_four_digits_as_the_domain_prints_them() {
    let (app, slug) = open_app().await;
    submit(&app, &slug, "first@example.dk", &[]).await;
    sqlx::query("UPDATE reference_counters SET last = 9998").execute(&app.pool).await.unwrap();
    let ninth = submit(&app, &slug, "second@example.dk", &[]).await;
    let tenth = submit(&app, &slug, "third@example.dk", &[]).await;
    assert_eq!((ninth.as_str(), tenth.as_str()), ("2026-9999", "2026-10000"));
    let receipt = app.smtp.mails_to("third@example.dk", 1).await;
    assert!(receipt[0].subject.contains("2026-10000"));
}

#[tokio::test]
async fn a_form_sent_again_with_changes_stores_them_or_says_the_first_version_was_kept() {
    let (app, slug) = open_app().await;
    let page = app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap();
    let key = page.split("name=\"submission_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let first = with(form("mette@example.dk", "submit"), "submission_key", &key);
    let sent = post(&app, &slug, &first).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);

    // Back, change an answer, send again with the same key.
    let changed = with(first.clone(), "motivation", "Andre tanker end før");
    let again = post(&app, &slug, &changed).await;
    assert_eq!((again.status(), location(&again)), (StatusCode::SEE_OTHER, location(&sent)));
    let health = app.health("2026-0001").await.unwrap();
    assert_eq!(health.answers["motivation"].as_str(), Some("Andre tanker end før"), "the change is stored");
    let mails = app.smtp.mails_to("mette@example.dk", 2).await;
    assert!(mails.iter().any(|m| m.subject.starts_with("Vi har fået dine nye svar")));
    // A double click changes nothing and sends nothing more.
    assert_eq!(post(&app, &slug, &changed).await.status(), StatusCode::SEE_OTHER);

    // The same form under another address: the first version stands, and the page says so.
    let other = post(&app, &slug, &with(changed.clone(), "email", "anden@example.dk")).await;
    assert_eq!(other.status(), StatusCode::CONFLICT);
    assert!(other.text().await.unwrap().contains("beholdt den første udgave"));
    assert_eq!(count(&app, "applications").await, 1);

    // Once the school has started, a change is refused with a page that says so.
    sqlx::query("UPDATE applications SET status = 'invited'").execute(&app.pool).await.unwrap();
    let late = post(&app, &slug, &with(changed, "motivation", "For sent")).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.smtp.mails().await.len(), 2, "no mail for a double click or a refused change");
}
