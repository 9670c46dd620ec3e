//! No leaks: a whole journey with canary values, then the captured logs are
//! searched for them, and every mail and calendar file for answers and for
//! words that give away who the programme is for.
use std::sync::{Arc, Mutex};

use chrono::Duration;
use reqwest::StatusCode;

use optag::domain::staff::Role;

use crate::support::{TestApp, app::NowUtc, applicant, staff::StaffClient};

const NAME: &str = "Kanarie Fuglesang";
const EMAIL: &str = "kanarie.fuglesang@example.dk";
const ANSWER: &str = "KANARIESVAR-8812";
const NOTE: &str = "KANARIENOTE-3307";

/// Words that must not stand in a subject or a calendar title: a glance at an
/// inbox or a shared calendar must not tell anyone about mental illness.
const REVEALING: &[&str] = &[
    "psyk",
    "sindsl",
    "mental",
    "misbrug",
    "recovery",
    "diagnos",
    "sygdom",
    "sygdom",
    "helbred",
    "behandling",
    "indlæg",
    "afhængig",
    "peer",
];

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

#[tokio::test]
async fn a_whole_journey_leaves_no_names_addresses_tokens_or_answers_in_the_logs_or_mails() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("debug")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // A second live dispatcher makes tracing judge each callsite against every
    // live dispatcher, not against whichever thread hits it first: a sibling
    // test's thread has no subscriber and would cache "never" for the whole
    // process (tracing-core's one-dispatcher shortcut), blinding this capture.
    let _anchor = tracing::Dispatch::new(tracing_subscriber::registry());
    // The test's runtime is single-threaded: the server's tasks log here too.
    let _guard = tracing::subscriber::set_default(subscriber);
    tracing::callsite::rebuild_interest_cache();

    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    staff
        .post(
            &format!("/admin/intakes/{}/slots", demo.intake_id),
            &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")],
        )
        .await;

    // An info meeting: sign up, confirm.
    let signup = app
        .post_form(&format!("/info-meetings/{}/signups", demo.info_meeting_id), &[("name", NAME), ("email", EMAIL)])
        .await;
    assert_eq!(signup.status(), StatusCode::SEE_OTHER);
    let confirm = app.smtp.mails_to(EMAIL, 1).await[0].link_path("/info-meetings/confirm/");
    assert_eq!(app.post_form(&confirm, &[]).await.status(), StatusCode::SEE_OTHER);

    // A draft, then the application from it.
    let mut fields = applicant::form(EMAIL, "save_draft");
    fields = applicant::with(fields, "full_name", NAME);
    fields = applicant::with(fields, "motivation", ANSWER);
    assert_eq!(applicant::post(&app, &demo.intake_slug, &fields).await.status(), StatusCode::SEE_OTHER);
    let draft = app.smtp.mails_to(EMAIL, 3).await.iter().find_map(|m| m.link("/drafts/")).expect("draft link");
    let draft_path = url::Url::parse(&draft).unwrap().path().to_string();
    assert_eq!(app.get(&draft_path).await.status(), StatusCode::OK);
    let token = draft_path.trim_start_matches("/drafts/").to_string();
    fields = applicant::with(fields, "action", "submit");
    fields = applicant::with(fields, "draft_token", &token);
    assert_eq!(applicant::post(&app, &demo.intake_slug, &fields).await.status(), StatusCode::SEE_OTHER);
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();

    // Staff reads, notes, invites; the applicant books, looks at their page, exports.
    staff.get(&format!("/admin/applications/{reference}")).await;
    staff.post(&format!("/admin/applications/{reference}/notes"), &[("body", NOTE)]).await;
    staff.get(&format!("/admin/applications?q={}", EMAIL)).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let mails = app.smtp.mails_to(EMAIL, 5).await;
    let booking = mails.iter().find_map(|m| m.link("/interviews/book/")).expect("invitation");
    let booking = url::Url::parse(&booking).unwrap().path().to_string();
    let slot: i64 = sqlx::query_scalar("SELECT min(id) FROM interview_slots").fetch_one(&app.pool).await.unwrap();
    assert_eq!(app.post_form(&booking, &[("slot", &slot.to_string())]).await.status(), StatusCode::SEE_OTHER);
    // A place: offered, accepted (welcome mail with the personal calendar feed).
    staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &demo.cohort_id.to_string())]).await;
    let mails = app.smtp.mails_to(EMAIL, 7).await;
    let offer = mails.iter().find_map(|m| m.link("/offers/")).expect("offer");
    let offer = url::Url::parse(&offer).unwrap().path().to_string();
    assert_eq!(app.post_form(&offer, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    let mails = app.smtp.mails_to(EMAIL, 8).await;
    let feed = mails.iter().find_map(|m| m.link("/feeds/")).expect("calendar feed link");
    assert_eq!(app.get(url::Url::parse(&feed).unwrap().path()).await.status(), StatusCode::OK);
    staff.get(&format!("/admin/cohorts/{}", demo.cohort_id)).await;
    let own = mails.iter().find_map(|m| m.link("/my-application/")).expect("own page link");
    let own = url::Url::parse(&own).unwrap().path().to_string();
    assert_eq!(app.get(&own).await.status(), StatusCode::OK);
    assert_eq!(app.get(&format!("{own}/export.json")).await.status(), StatusCode::OK);
    app.clock.set(app.clock.now_utc() + Duration::minutes(11));
    app.post_form("/my-application", &[("email", EMAIL)]).await;
    // Errors on the way: a wrong token, a broken form.
    app.get("/my-application/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    app.post_form(&format!("/intakes/{}/apply", demo.intake_slug), &[("full_name", NAME), ("action", "submit")]).await;
    assert_eq!(app.post_form(&format!("{own}/withdraw"), &[]).await.status(), StatusCode::SEE_OTHER);
    // The answer to the offer, then the withdrawal: both told to the coordinator.
    app.smtp.mails_to("lone@example.dk", 2).await;

    let mails = app.smtp.mails().await;
    // The worker logs "mail sent" just after the sink has the mail: under load, a moment later.
    let mut logs = String::new();
    for _ in 0..100 {
        logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        if logs.contains("outbox: mail sent") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(logs.contains("outbox: mail sent"), "the capture works:\n{logs}");
    assert!(logs.contains("/my-application/{token}"), "requests are logged by their route");

    // Every token that went out in a link.
    let mut secrets: Vec<String> = vec![NAME.into(), "Kanarie".into(), EMAIL.into(), "kanarie.fuglesang".into()];
    secrets.extend([ANSWER.to_string(), NOTE.to_string()]);
    for mail in &mails {
        for word in mail.text.split_whitespace().filter(|w| w.starts_with("http")) {
            let path = url::Url::parse(word).unwrap().path().to_string();
            if let Some(token) = path.split('/').find(|part| part.len() == 43) {
                secrets.push(token.to_string());
            }
        }
    }
    assert!(secrets.len() > 10, "tokens found: {secrets:?}");
    for secret in &secrets {
        assert!(!logs.contains(secret.as_str()), "{secret} in the logs:\n{logs}");
    }

    for mail in &mails {
        for leak in [ANSWER, NOTE] {
            assert!(!mail.raw.contains(leak), "{leak} in the mail {:?}", mail.subject);
        }
        let subject = mail.subject.to_lowercase();
        for word in REVEALING {
            assert!(!subject.contains(word), "subject {:?} reveals {word}", mail.subject);
        }
        for (_, _, ics) in &mail.attachments {
            for line in ics.lines().filter(|l| l.starts_with("SUMMARY") || l.starts_with("DESCRIPTION")) {
                for word in REVEALING {
                    assert!(!line.to_lowercase().contains(word), "calendar line {line:?} reveals {word}");
                }
            }
        }
    }
    assert!(mails.iter().any(|m| !m.attachments.is_empty()), "a calendar file was checked");
}
