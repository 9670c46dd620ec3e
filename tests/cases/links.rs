//! Every kind of link token answers by the contract's rule: never issued is
//! 404; replaced by a newer one, used, expired or with its purpose over is
//! 410 with a page saying what happened and what to do.
use chrono::Duration;
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::{form, post, submit, with},
    staff::StaffClient,
};

/// The link starting with `prefix`, among the first `count` mails to `email`,
/// that is none of `seen` (mails may arrive in any order).
async fn link(app: &TestApp, email: &str, count: usize, prefix: &str, seen: &[&str]) -> String {
    let mails = app.smtp.mails_to(email, count).await;
    let mut links = mails.iter().filter(|m| m.link(prefix).is_some()).map(|m| m.link_path(prefix));
    links.find(|l| !seen.contains(&l.as_str())).expect(prefix)
}

struct Expect {
    case: String,
    path: String,
    status: StatusCode,
    says: &'static str,
}

fn expect(case: &str, path: String, status: StatusCode, says: &'static str) -> Expect {
    Expect { case: case.into(), path, status, says }
}

async fn check(app: &TestApp, cases: &[Expect]) -> Vec<String> {
    let mut wrong = Vec::new();
    for c in cases {
        let response = app.get(&c.path).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        if status != c.status || !body.contains(c.says) {
            wrong.push(format!("{}: {} (wanted {}, saying {:?})", c.case, status, c.status, c.says));
        }
    }
    wrong
}

const GONE: StatusCode = StatusCode::GONE;
const NEWER: &str = "nyeste e-mail";

#[tokio::test]
async fn every_link_kind_is_404_when_never_issued_and_410_when_replaced_used_expired_or_over() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let (slug, meeting) = (demo.intake_slug.clone(), demo.info_meeting_id);
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let sign_up = |email: &'static str| {
        let app = &app;
        async move {
            app.post_form(&format!("/info-meetings/{meeting}/signups"), &[("name", "Mette"), ("email", email)]).await
        }
    };
    let mut cases = Vec::new();

    // Never issued: 404 on every route that takes a token.
    for prefix in [
        "/info-meetings/confirm/",
        "/info-meetings/cancel/",
        "/info-meetings/invited/",
        "/notify/confirm/",
        "/notify/unsubscribe/",
        "/drafts/",
        "/applications/received/",
        "/my-application/",
        "/interviews/book/",
        "/offers/",
        "/feeds/",
        "/admin/activate/",
    ] {
        cases.push(expect(
            &format!("unknown {prefix}"),
            format!("{prefix}{}", "A".repeat(43)),
            StatusCode::NOT_FOUND,
            "",
        ));
    }

    // Meeting confirmation: signing up twice replaces the first link.
    sign_up("to-gange@example.dk").await;
    let first = link(&app, "to-gange@example.dk", 1, "/info-meetings/confirm/", &[]).await;
    sign_up("to-gange@example.dk").await;
    let second = link(&app, "to-gange@example.dk", 2, "/info-meetings/confirm/", &[&first]).await;
    cases.push(expect("meeting confirm superseded", first, GONE, NEWER));
    cases.push(expect("meeting confirm newest", second, StatusCode::OK, ""));

    // Meeting cancel: a second sign-up when confirmed mails a new cancel link;
    // cancelling uses it, and the confirm link's sign-up is then cancelled.
    sign_up("afmeld@example.dk").await;
    let confirm = link(&app, "afmeld@example.dk", 1, "/info-meetings/confirm/", &[]).await;
    assert_eq!(app.post_form(&confirm, &[]).await.status(), StatusCode::SEE_OTHER);
    let old_cancel = link(&app, "afmeld@example.dk", 2, "/info-meetings/cancel/", &[]).await;
    sign_up("afmeld@example.dk").await;
    let cancel = link(&app, "afmeld@example.dk", 3, "/info-meetings/cancel/", &[&old_cancel]).await;
    assert_ne!(old_cancel, cancel);
    cases.push(expect("meeting cancel superseded", old_cancel, GONE, NEWER));
    let cancelled = app.post_form(&cancel, &[]).await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let done = cancelled.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(app.get(&done).await.status(), StatusCode::OK, "the redirect after cancelling is a page of its own");
    cases.push(expect("meeting cancel used", cancel, GONE, "allerede meldt fra"));
    cases.push(expect("meeting confirm of a cancelled sign-up", confirm, GONE, "meldt fra"));

    // Personal invitation: a second one replaces the first; accepting uses it.
    let invite = format!("/admin/info-meetings/{meeting}/invite");
    let invitee = [("addresses", "inviteret@example.dk")];
    staff.post(&invite, &invitee).await;
    let first = link(&app, "inviteret@example.dk", 1, "/info-meetings/invited/", &[]).await;
    staff.post(&invite, &invitee).await;
    let second = link(&app, "inviteret@example.dk", 2, "/info-meetings/invited/", &[&first]).await;
    cases.push(expect("invitation superseded", first, GONE, NEWER));
    assert_eq!(app.post_form(&second, &[("name", "Inge")]).await.status(), StatusCode::OK);
    cases.push(expect("invitation used", second.clone(), GONE, "allerede brugt"));

    // "Let me know": asking twice replaces the first link; confirming uses it;
    // unsubscribing uses the unsubscribe link.
    app.post_form("/notify", &[("email", "nysgerrig@example.dk")]).await;
    let first = link(&app, "nysgerrig@example.dk", 1, "/notify/confirm/", &[]).await;
    app.post_form("/notify", &[("email", "nysgerrig@example.dk")]).await;
    let second = link(&app, "nysgerrig@example.dk", 2, "/notify/confirm/", &[&first]).await;
    cases.push(expect("interest confirm superseded", first, GONE, NEWER));
    assert_eq!(app.post_form(&second, &[]).await.status(), StatusCode::OK);
    cases.push(expect("interest confirm used", second, GONE, "allerede tilmeldt"));
    let intake = demo.intake_id;
    let meeting_form = [
        ("starts_at", "2027-06-15T16:30"),
        ("ends_at", "2027-06-15T18:00"),
        ("place", "Lokale 10"),
        ("capacity", "12"),
    ];
    staff.post(&format!("/admin/intakes/{intake}/info-meetings"), &meeting_form).await;
    let unsubscribe = link(&app, "nysgerrig@example.dk", 3, "/notify/unsubscribe/", &[]).await;
    assert_eq!(app.post_form(&unsubscribe, &[]).await.status(), StatusCode::OK);
    cases.push(expect("unsubscribe used", unsubscribe, GONE, "allerede afmeldt"));

    // Draft: its purpose is over once the application is sent.
    let draft = vec![("email", "kladde@example.dk".to_string()), ("action", "save_draft".to_string())];
    post(&app, &slug, &draft).await;
    let draft_path = link(&app, "kladde@example.dk", 1, "/drafts/", &[]).await;
    let token = draft_path.trim_start_matches("/drafts/").to_string();
    let sent = post(&app, &slug, &with(form("kladde@example.dk", "submit"), "draft_token", &token)).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    cases.push(expect("draft after its application was sent", draft_path, GONE, "allerede sendt"));

    // Own page and receipt: over once the applicant has everything erased.
    let erased = post(&app, &slug, &form("slet@example.dk", "submit")).await;
    let receipt = erased.headers()["location"].to_str().unwrap().to_string();
    let own = link(&app, "slet@example.dk", 1, "/my-application/", &[]).await;
    assert_eq!(app.post_form(&format!("{own}/erase"), &[]).await.status(), StatusCode::SEE_OTHER);
    cases.push(expect("own page after erasure", own, GONE, "slettet"));
    cases.push(expect("receipt after erasure", receipt, GONE, "slettet"));

    // Booking link: a new invitation replaces it; an offer ends its purpose.
    let booked = submit(&app, &slug, "samtale@example.dk", &[]).await;
    staff.post(&format!("/admin/applications/{booked}/invite"), &[]).await;
    let first = link(&app, "samtale@example.dk", 2, "/interviews/book/", &[]).await;
    staff.post(&format!("/admin/applications/{booked}/invite"), &[]).await;
    let second = link(&app, "samtale@example.dk", 3, "/interviews/book/", &[&first]).await;
    cases.push(expect("booking superseded", first, GONE, NEWER));
    let cohort = demo.cohort_id.to_string();
    staff.post(&format!("/admin/applications/{booked}/offer"), &[("cohort", &cohort)]).await;
    cases.push(expect("booking after the application was decided", second, GONE, "egen side"));

    // Offer: answered is used.
    let answered = submit(&app, &slug, "svar@example.dk", &[]).await;
    staff.post(&format!("/admin/applications/{answered}/offer"), &[("cohort", &cohort)]).await;
    let offer = link(&app, "svar@example.dk", 2, "/offers/", &[]).await;
    let declined = app.post_form(&offer, &[("decision", "decline")]).await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);
    let done = declined.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(app.get(&done).await.status(), StatusCode::OK, "the redirect after answering is a page of its own");
    cases.push(expect("offer answered", offer.clone(), GONE, "allerede svaret"));
    assert_eq!(app.post_form(&offer, &[("decision", "accept")]).await.status(), StatusCode::CONFLICT);

    // Expired: links still live now, looked at after their time.
    sign_up("sent@example.dk").await;
    let late_confirm = link(&app, "sent@example.dk", 1, "/info-meetings/confirm/", &[]).await;
    app.post_form("/notify", &[("email", "sent@example.dk")]).await;
    let late_notify = link(&app, "sent@example.dk", 2, "/notify/confirm/", &[]).await;
    post(&app, &slug, &[("email", "sent@example.dk".to_string()), ("action", "save_draft".to_string())]).await;
    let late_draft = link(&app, "sent@example.dk", 3, "/drafts/", &[]).await;
    let late = submit(&app, &slug, "sent-ansoeger@example.dk", &[]).await;
    let late_own = link(&app, "sent-ansoeger@example.dk", 1, "/my-application/", &[]).await;
    staff.post(&format!("/admin/applications/{late}/offer"), &[("cohort", &cohort)]).await;
    let late_offer = link(&app, "sent-ansoeger@example.dk", 2, "/offers/", &[]).await;

    let mut wrong = check(&app, &cases).await;
    app.clock.advance(Duration::days(61));
    let expired = [
        expect("meeting confirm expired", late_confirm, GONE, ""),
        expect("interest confirm expired", late_notify, GONE, ""),
        expect("draft expired", late_draft, GONE, ""),
        expect("own page expired", late_own, GONE, ""),
        expect("offer expired", late_offer, GONE, ""),
    ];
    wrong.extend(check(&app, &expired).await);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

async fn status_of(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(reference)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn withdrawing_from_every_status_frees_the_seat_passes_it_on_and_closes_the_links() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let cohort = demo.cohort_id.to_string();
    sqlx::query("UPDATE cohorts SET capacity = 2").execute(&app.pool).await.unwrap();
    sqlx::query("UPDATE intakes SET auto_offer = true").execute(&app.pool).await.unwrap();
    let apply = |email: &'static str| {
        let (app, slug) = (&app, demo.intake_slug.clone());
        async move {
            let reference = submit(app, &slug, email, &[]).await;
            (reference, link(app, email, 1, "/my-application/", &[]).await)
        }
    };
    let act = |path: String, form: Vec<(&'static str, String)>| {
        let staff = &staff;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(staff.post(&path, &pairs).await.status(), StatusCode::SEE_OTHER, "{path}");
        }
    };

    let mut people = Vec::new();
    for (email, to) in [
        ("indsendt@example.dk", "submitted"),
        ("inviteret@example.dk", "invited"),
        ("samtalt@example.dk", "interviewed"),
        ("venteliste@example.dk", "waitlisted"),
        ("tilbudt@example.dk", "offered"),
        ("optaget@example.dk", "admitted"),
    ] {
        let (reference, own) = apply(email).await;
        let base = format!("/admin/applications/{reference}");
        if matches!(to, "invited" | "interviewed") {
            act(format!("{base}/invite"), vec![]).await;
        }
        if to == "interviewed" {
            act(format!("{base}/status"), vec![("status", "interviewed".into()), ("reason", String::new())]).await;
        }
        if to == "waitlisted" {
            act(format!("{base}/waitlist"), vec![]).await;
        }
        let (mut offer, mut feed) = (None, None);
        if matches!(to, "offered" | "admitted") {
            act(format!("{base}/offer"), vec![("cohort", cohort.clone())]).await;
            offer = Some(link(&app, email, 2, "/offers/", &[]).await);
        }
        if to == "admitted" {
            let answered = app.post_form(offer.as_ref().unwrap(), &[("decision", "accept")]).await;
            assert_eq!(answered.status(), StatusCode::SEE_OTHER);
            feed = Some(link(&app, email, 3, "/feeds/", &[]).await);
            assert_eq!(app.get(feed.as_ref().unwrap()).await.status(), StatusCode::OK);
        }
        assert_eq!(status_of(&app, &reference).await, to, "{email}");
        people.push((reference, own, to, offer, feed));
    }
    // Two people wait for a seat in the full cohort of two.
    let mut waiting = Vec::new();
    for email in ["venter-1@example.dk", "venter-2@example.dk"] {
        let (reference, _) = apply(email).await;
        act(format!("/admin/applications/{reference}/waitlist"), vec![]).await;
        waiting.push(reference);
    }

    for (reference, own, from, offer, feed) in &people {
        assert_eq!(app.post_form(&format!("{own}/withdraw"), &[]).await.status(), StatusCode::SEE_OTHER, "{from}");
        assert_eq!(status_of(&app, reference).await, "withdrawn", "from {from}");
        let live: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM cohort_offers o JOIN applications a ON a.id = o.application_id
             WHERE a.reference = $1 AND o.status IN ('offered', 'accepted')",
        )
        .bind(reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(live, 0, "no seat held after withdrawing from {from}");
        if let Some(offer) = offer {
            assert_eq!(app.get(offer).await.status(), StatusCode::GONE, "offer link after withdrawing from {from}");
        }
        if let Some(feed) = feed {
            let closed = app.get(feed).await;
            assert_eq!(closed.status(), StatusCode::GONE, "feed after withdrawing from {from}");
            assert!(closed.text().await.unwrap().contains("kalenderen er lukket"));
        }
        let own_page = app.get(own).await;
        assert_eq!(own_page.status(), StatusCode::OK, "the own page still shows the withdrawn application");
    }
    // Each freed seat went to the next waiting, in order.
    assert_eq!(status_of(&app, &waiting[0]).await, "offered");
    assert_eq!(status_of(&app, &waiting[1]).await, "offered");
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM cohort_offers WHERE status IN ('offered', 'accepted')")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(held, 2);
}
