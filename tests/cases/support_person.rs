//! A support person at the applicant's side (issue 19): each permission alone
//! grants exactly its action (a table over every helper path and action),
//! revocation is immediate, access ends by each rule, uses show on the own
//! page and in the audit log, and the helper's mails carry no answers.
use chrono::Duration;
use reqwest::StatusCode;

use optag::domain::{retention::Periods, staff::Role};

use crate::support::{
    TestApp,
    app::NowUtc,
    applicant::{form, post, submit, with},
    staff::StaffClient,
};

const CANARY: &str = "HEMMELIG-MOTIVATION";
const PERMISSIONS: [&str; 4] = ["read", "edit_draft", "mail_copies", "attend_interview"];

/// Invites `helper` with exactly `permissions` from `base` (an own-page or
/// draft path), proves the address, and returns the helper's own path.
async fn invite(app: &TestApp, base: &str, helper: &str, permissions: &[&str]) -> String {
    invite_named(app, base, "Hanne Holm", helper, permissions).await
}

async fn invite_named(app: &TestApp, base: &str, name: &str, helper: &str, permissions: &[&str]) -> String {
    let mut pairs = vec![("name", name), ("email", helper)];
    pairs.extend(permissions.iter().map(|p| ("permissions", *p)));
    let invited = app.post_form(&format!("{base}/support"), &pairs).await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER, "invite from {base}");
    let mail = app.smtp.mails_to(helper, 1).await.remove(0);
    assert!(!mail.text.contains("Mette") && !mail.text.contains(CANARY), "no applicant in the invitation");
    let confirm = mail.link_path("/support/confirm/");
    assert_eq!(app.get(&confirm).await.status(), StatusCode::OK, "GET shows one button");
    let confirmed = app.post_form(&confirm, &[]).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&confirm).await.status(), StatusCode::GONE, "the confirmation link is spent");
    confirmed.headers()["location"].to_str().unwrap().to_string()
}

/// An application from `email` and the path of its own page.
async fn applied(app: &TestApp, slug: &str, email: &str) -> (String, String) {
    let reference = submit(app, slug, email, &[]).await;
    let receipt = app.smtp.mails_to(email, 1).await.remove(0);
    (reference, receipt.link_path("/my-application/"))
}

/// A draft from `email` and its path.
async fn drafted(app: &TestApp, slug: &str, email: &str) -> String {
    let saved = post(app, slug, &form(email, "save_draft")).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    app.smtp.mails_to(email, 1).await.remove(0).link_path("/drafts/")
}

fn status_of(code: StatusCode) -> u16 {
    code.as_u16()
}

#[tokio::test]
async fn each_permission_alone_grants_exactly_its_action() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    for (n, permission) in PERMISSIONS.into_iter().enumerate() {
        let (applicant, helper) = (format!("a{n}@example.dk"), format!("hjaelper{n}@example.dk"));
        let draft = drafted(&app, &slug, &applicant).await;
        let me = invite(&app, &draft, &helper, &[permission]).await;
        let token = me.trim_start_matches("/support/").to_string();
        let edit = permission == "edit_draft";
        let read = permission == "read";

        // Before sending: [path, expected status] for this permission alone.
        let draft_rows = [
            (app.get(&me).await.status(), 200),
            (app.get(&format!("{me}/application")).await.status(), if read { 200 } else { 403 }),
            (app.get(&format!("{me}/draft")).await.status(), if edit { 200 } else { 403 }),
            (
                app.post_form(&format!("{me}/draft"), &[("motivation", "Skrevet af hjælperen")]).await.status(),
                if edit { 303 } else { 403 },
            ),
        ];
        for (i, (got, want)) in draft_rows.iter().enumerate() {
            assert_eq!(status_of(*got), *want, "{permission}: draft row {i}");
        }
        let home = app.get(&me).await;
        assert_eq!(home.headers()["cache-control"], "no-store", "{permission}: the helper's pages are not cached");
        let home = home.text().await.unwrap();
        assert_eq!(home.contains("/draft\""), edit, "{permission}: the way to the draft only with edit_draft");
        let opened = app.get(&draft).await.text().await.unwrap();
        assert_eq!(opened.contains("Skrevet af hjælperen"), edit, "{permission}: the applicant sees the helper's text");

        // The applicant sends the draft (with what the helper wrote, if allowed).
        let draft_token = draft.trim_start_matches("/drafts/");
        let sending = with(form(&applicant, "submit"), "draft_token", draft_token);
        let sending = with(sending, "motivation", &format!("Sendt af ansøgeren {CANARY}"));
        assert_eq!(post(&app, &slug, &sending).await.status(), StatusCode::SEE_OTHER);
        let reference: String = sqlx::query_scalar("SELECT reference FROM applications WHERE email_normalised = $1")
            .bind(&applicant)
            .fetch_one(&app.pool)
            .await
            .unwrap();

        // After sending.
        let reading = app.get(&format!("{me}/application")).await;
        assert_eq!(status_of(reading.status()), if read { 200 } else { 403 }, "{permission}: read");
        assert_eq!(reading.text().await.unwrap().contains(CANARY), read, "{permission}: answers only with read");
        assert_eq!(status_of(app.get(&format!("{me}/draft")).await.status()), if edit { 410 } else { 403 });
        assert_eq!(status_of(app.post_form(&format!("{me}/draft"), &[]).await.status()), if edit { 410 } else { 403 });
        // Never anything of the applicant's own links: the token is bound to its purpose.
        for path in [
            format!("/my-application/{token}"),
            format!("/my-application/{token}/export.json"),
            format!("/my-application/{token}/support"),
            format!("/drafts/{token}"),
            format!("/support/confirm/{token}"),
            format!("/offers/{token}"),
            format!("/interviews/book/{token}"),
        ] {
            assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND, "{permission}: GET {path}");
        }
        for path in [
            format!("/my-application/{token}/withdraw"),
            format!("/my-application/{token}/erase"),
            format!("/my-application/{token}/support"),
            format!("/support/{token}/withdraw"),
            format!("/support/{token}/accept"),
        ] {
            let status = app.post_form(&path, &[]).await.status();
            assert!(matches!(status.as_u16(), 404 | 405), "{permission}: POST {path} answered {status}");
        }
        // Coordinators see that a helper exists and what they may do; the address only with copies.
        let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
        assert!(page.contains("Hanne Holm"), "{permission}: {page}");
        assert_eq!(page.contains(&helper), permission == "mail_copies", "{permission}: address");
        assert!(!page.contains("hjaelper") || permission == "mail_copies");
        let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(status, "submitted", "{permission}: the helper decided nothing");
    }
}

#[tokio::test]
async fn revocation_is_immediate_and_the_helper_is_told() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let (_, own) = applied(&app, &slug, "mette@example.dk").await;
    let me = invite(&app, &own, "hanne@example.dk", &["read", "mail_copies"]).await;
    assert_eq!(app.get(&format!("{me}/application")).await.status(), StatusCode::OK);

    let manage = app.get(&format!("{own}/support")).await.text().await.unwrap();
    assert!(manage.contains("Hanne Holm (hanne@example.dk): har adgang"), "{manage}");
    assert!(manage.contains("Hanne Holm læste din ansøgning"), "{manage}");
    let id: i64 = sqlx::query_scalar("SELECT id FROM support_grants").fetch_one(&app.pool).await.unwrap();
    let revoked = app.post_form(&format!("{own}/support/{id}/revoke"), &[]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let location = revoked.headers()["location"].to_str().unwrap().to_string();
    assert!(app.get(&location).await.text().await.unwrap().contains("Adgangen er taget tilbage"));

    for path in [me.clone(), format!("{me}/application"), format!("{me}/draft")] {
        let gone = app.get(&path).await;
        assert_eq!(gone.status(), StatusCode::GONE, "{path}");
        assert!(gone.text().await.unwrap().contains("Din adgang er slut"));
    }
    let told = app.smtp.mails_to("hanne@example.dk", 2).await;
    assert!(told[1].subject.contains("er slut"), "{}", told[1].subject);
    for mail in &told {
        assert!(!mail.text.contains(CANARY) && !mail.html.contains(CANARY), "no answers in helper mails");
    }
}

#[tokio::test]
async fn access_ends_thirty_days_after_the_decision() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let (reference, own) = applied(&app, &slug, "mette@example.dk").await;
    let me = invite(&app, &own, "hanne@example.dk", &["read"]).await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let path = format!("/admin/applications/{reference}/status");
    assert_eq!(staff.post(&path, &[("status", "invited")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.post(&path, &[("status", "rejected"), ("reason", "Ikke nu")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let decided = app.clock.now_utc();
    app.clock.set(decided + Duration::days(30) - Duration::minutes(1));
    assert_eq!(app.get(&me).await.status(), StatusCode::OK, "still within 30 days");
    app.clock.set(decided + Duration::days(30));
    let gone = app.get(&me).await;
    assert_eq!(gone.status(), StatusCode::GONE);
    assert!(gone.text().await.unwrap().contains("Din adgang er slut"));
}

#[tokio::test]
async fn access_ends_at_withdrawal_erasure_and_retention() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let mut helpers = Vec::new();
    for who in ["trukket", "slettet", "udloebet"] {
        let (_, own) = applied(&app, &slug, &format!("{who}@example.dk")).await;
        let me = invite(&app, &own, &format!("hjaelper-{who}@example.dk"), &["read"]).await;
        assert_eq!(app.get(&me).await.status(), StatusCode::OK);
        helpers.push((own, me));
    }
    assert_eq!(app.post_form(&format!("{}/withdraw", helpers[0].0), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&helpers[0].1).await.status(), StatusCode::GONE, "withdrawn");
    assert_eq!(app.post_form(&format!("{}/erase", helpers[1].0), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&helpers[1].1).await.status(), StatusCode::GONE, "erased");
    let grants: i64 = sqlx::query_scalar("SELECT count(*) FROM support_grants").fetch_one(&app.pool).await.unwrap();
    assert_eq!(grants, 2, "erasure removed the erased application's grant");
    // Retention: six months after the first teaching day the applications go, grants with them.
    let due: chrono::DateTime<chrono::Utc> = "2027-09-19T22:00:00Z".parse().unwrap();
    optag::jobs::purge(&app.pool, &Periods::default(), due + Duration::days(183)).await.unwrap();
    assert_eq!(app.get(&helpers[2].1).await.status(), StatusCode::GONE, "purged");
    let grants: i64 = sqlx::query_scalar("SELECT count(*) FROM support_grants").fetch_one(&app.pool).await.unwrap();
    assert_eq!(grants, 0);
    assert_eq!(app.get("/support/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn uses_show_on_the_own_page_in_the_audit_log_and_in_the_export() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let (reference, own) = applied(&app, &slug, "mette@example.dk").await;
    let me = invite(&app, &own, "hanne@example.dk", &["read"]).await;
    let page = app.get(&format!("{me}/application")).await.text().await.unwrap();
    assert!(page.contains(&reference) && page.contains("Mette Sørensen"), "{page}");
    assert!(!page.contains("note") || !page.contains("vurdering"), "no staff notes or assessments");

    let own_page = app.get(&own).await.text().await.unwrap();
    assert!(own_page.contains("Hanne Holm læste din ansøgning mandag den 23. november 2026"), "{own_page}");
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT l.action FROM audit_log l JOIN applications a ON a.id = l.application_id
         WHERE a.reference = $1 AND l.detail->>'by' = 'support_person' ORDER BY l.id",
    )
    .bind(&reference)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, ["support_confirmed", "support_read"]);
    let staff = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let log = staff.get("/admin/audit").await.text().await.unwrap();
    assert!(log.contains(&format!("En støtteperson læste ansøgning {reference}")), "{log}");

    let export: serde_json::Value =
        serde_json::from_str(&app.get(&format!("{own}/export.json")).await.text().await.unwrap()).unwrap();
    assert_eq!(export["support_grants"][0]["name"], "Hanne Holm");
    assert!(export["support_grants"][0].get("token_hash").is_none());
    assert_eq!(export["support_uses"][0]["action"], "read");
}

#[tokio::test]
async fn copies_of_interview_mails_go_only_to_helpers_allowed_them_and_carry_no_answers_or_links() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        &[("date", "2027-08-27"), ("from", "09:00"), ("to", "10:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    staff.post(&format!("/admin/intakes/{}/slots", demo.intake_id), slots).await;
    let (reference, own) = applied(&app, &demo.intake_slug, "mette@example.dk").await;
    invite_named(&app, &own, "Hanne Kopi", "kopi@example.dk", &["mail_copies"]).await;
    invite_named(&app, &own, "Bo Med", "med@example.dk", &["attend_interview"]).await;
    invite_named(&app, &own, "Lis Laeser", "laeser@example.dk", &["read"]).await;

    let invited = staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let invitation = app.smtp.mails_to("mette@example.dk", 2).await;
    let booking =
        invitation.iter().find(|m| m.subject.starts_with("Invitation")).unwrap().link_path("/interviews/book/");
    let slot: i64 = sqlx::query_scalar("SELECT id FROM interview_slots ORDER BY starts_at LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let booked = app.post_form(&booking, &[("slot", &slot.to_string()), ("accommodations", "Kørestol")]).await;
    assert_eq!(booked.status(), StatusCode::SEE_OTHER);

    let copies = app.smtp.mails_to("kopi@example.dk", 3).await;
    // The outbox sends in parallel: find each copy by what it says, not by its place.
    assert!(
        copies.iter().any(|m| m.subject.contains("Kopi") && m.text.contains("inviteret ansøgeren til en samtale")),
        "a copy of the invitation: {copies:?}"
    );
    assert!(copies.iter().any(|m| m.text.contains("fredag den 27. august 2027")), "a copy of the booking: {copies:?}");
    for mail in &copies {
        for secret in [CANARY, "Mette", "Kørestol", "/interviews/", "/offers/", "/my-application/"] {
            assert!(!mail.text.contains(secret) && !mail.html.contains(secret), "{secret} in {}", mail.text);
        }
    }
    // The others had only their invitation.
    assert_eq!(
        app.smtp
            .mails()
            .await
            .iter()
            .filter(|m| m.to.iter().any(|t| t.contains("med@") || t.contains("laeser@")))
            .count(),
        2
    );

    // The panel sees who comes along, beside the accommodations.
    let day = staff.get(&format!("/admin/intakes/{}/days/2027-08-27", demo.intake_id)).await.text().await.unwrap();
    assert!(day.contains("Kørestol. Kommer med til samtalen: Bo Med"), "{day}");
    assert!(!day.contains("Hanne Kopi") && !day.contains("Lis Laeser"));
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(
        page.contains("kopi@example.dk") && !page.contains("med@example.dk") && !page.contains("laeser@example.dk")
    );
    let own_page = app.get(&own).await.text().await.unwrap();
    assert!(own_page.contains("Hanne Kopi fik en kopi af en e-mail"), "{own_page}");
}

#[tokio::test]
async fn a_helper_allowed_copies_is_told_of_an_offer_without_its_link_and_others_are_not() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let (reference, own) = applied(&app, &demo.intake_slug, "mette@example.dk").await;
    invite_named(&app, &own, "Hanne Kopi", "kopi@example.dk", &["mail_copies"]).await;
    invite_named(&app, &own, "Lis Laeser", "laeser@example.dk", &["read", "attend_interview"]).await;
    let before = app.smtp.mails().await.len();

    let offered =
        staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &demo.cohort_id.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    // The outbox sends in parallel: find each mail by what it is, not by its place.
    let mails = app.smtp.mails_to("mette@example.dk", 2).await;
    assert!(mails.iter().any(|m| m.link("/offers/").is_some()), "the applicant's offer carries the link");
    let copies = app.smtp.mails_to("kopi@example.dk", 2).await;
    let copy = copies.iter().find(|m| m.subject.contains("Kopi")).expect("a copy of the offer");
    for secret in [CANARY, "Mette", "/offers/", "/my-application/"] {
        assert!(!copy.text.contains(secret) && !copy.html.contains(secret), "{secret} in {}", copy.text);
    }
    let to_reader =
        app.smtp.mails().await[before..].iter().filter(|m| m.to.iter().any(|t| t.contains("laeser@"))).count();
    assert_eq!(to_reader, 0, "a helper without copies hears nothing of the offer");
}
