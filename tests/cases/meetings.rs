//! Info meetings: double opt-in, seats on confirmed sign-ups only, links that
//! change nothing on GET, cancellation, reminders, the staff list.
use chrono::{DateTime, Utc};
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, staff::StaffClient};

struct Setup {
    app: TestApp,
    meeting: i64,
}

/// The demo's info meeting (10 August 2027, 16:30-18:00), with `capacity` seats.
async fn setup(capacity: i32) -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let meeting = app.load_demo().await.info_meeting_id;
    sqlx::query("UPDATE info_meetings SET capacity = $1").bind(capacity).execute(&app.pool).await.unwrap();
    Setup { app, meeting }
}

async fn sign_up(s: &Setup, name: &str, email: &str) -> reqwest::Response {
    s.app.post_form(&format!("/info-meetings/{}/signups", s.meeting), &[("name", name), ("email", email)]).await
}

async fn confirm_path(s: &Setup, email: &str, nth: usize) -> String {
    let mails = s.app.smtp.mails_to(email, nth).await;
    mails
        .iter()
        .rev()
        .find(|m| m.subject.starts_with("Bekræft"))
        .expect("a confirmation link")
        .link_path("/info-meetings/confirm/")
}

async fn status(s: &Setup, email: &str) -> String {
    sqlx::query_scalar("SELECT status FROM info_meeting_signups WHERE email = $1")
        .bind(email)
        .fetch_one(&s.app.pool)
        .await
        .unwrap()
}

fn ics_field<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.lines().find(|l| l.starts_with(name)).map(|l| l[name.len()..].trim()).unwrap()
}

#[tokio::test]
async fn the_link_confirms_only_on_post_once_and_the_mail_carries_a_calendar_and_a_cancel_link() {
    let s = setup(30).await;
    assert_eq!(sign_up(&s, "Mette", "mette@example.dk").await.status(), StatusCode::SEE_OTHER);
    let path = confirm_path(&s, "mette@example.dk", 1).await;
    let page = s.app.get(&path).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Bekræft min plads"));
    assert_eq!(status(&s, "mette@example.dk").await, "pending", "GET changes nothing");
    assert_eq!(s.app.post_form(&path, &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.app.post_form(&path, &[]).await.status(), StatusCode::SEE_OTHER, "pressing twice is harmless");
    assert_eq!(status(&s, "mette@example.dk").await, "confirmed");
    let mails = s.app.smtp.mails_to("mette@example.dk", 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(s.app.smtp.mails_to("mette@example.dk", 2).await.len(), 2, "one confirmation mail");
    let confirmed = mails.iter().find(|m| m.subject.starts_with("Din plads er bekræftet")).unwrap();
    let ics = &confirmed.attachments[0].2;
    assert_eq!(ics_field(ics, "DTSTART:"), "20270810T143000Z", "16:30 summer time");
    assert!(ics.parse::<icalendar::Calendar>().is_ok());
    assert!(confirmed.link("/info-meetings/cancel/").is_some());
}

#[tokio::test]
async fn signing_up_again_gives_the_same_answer_no_second_seat_and_tells_the_owner() {
    let s = setup(30).await;
    sign_up(&s, "Mette", "mette@example.dk").await;
    let path = confirm_path(&s, "mette@example.dk", 1).await;
    s.app.post_form(&path, &[]).await;
    let again = sign_up(&s, "Mette", "Mette@Example.dk").await;
    let stranger = sign_up(&s, "Jens", "jens@example.dk").await;
    assert_eq!(again.headers()["location"], stranger.headers()["location"], "the same answer either way");
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM info_meeting_signups WHERE email_normalised = 'mette@example.dk'")
            .fetch_one(&s.app.pool)
            .await
            .unwrap();
    assert_eq!(rows, 1);
    // The owner hears about it at the address we already know.
    let mails = s.app.smtp.mails_to("mette@example.dk", 3).await;
    assert!(mails.iter().any(|m| m.subject == "Du er allerede tilmeldt"));
}

#[tokio::test]
async fn seats_count_only_confirmed_sign_ups_even_when_confirmations_arrive_at_once() {
    let s = setup(3).await;
    let mut paths = Vec::new();
    for n in 0..6 {
        let email = format!("p{n}@example.dk");
        assert_eq!(
            sign_up(&s, "Person", &email).await.status(),
            StatusCode::SEE_OTHER,
            "pending sign-ups take no seat"
        );
        paths.push(confirm_path(&s, &email, 1).await);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for path in paths {
        let (client, url, origin) = (s.app.client.clone(), s.app.url(&path), s.app.base_url.clone());
        tasks.spawn(async move { client.post(url).header("origin", origin).send().await.unwrap().status() });
    }
    let statuses = tasks.join_all().await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 3, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 3, "{statuses:?}");
    let confirmed: i64 = sqlx::query_scalar("SELECT count(*) FROM info_meeting_signups WHERE status = 'confirmed'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(confirmed, 3);
    let full = sign_up(&s, "Sidst", "last@example.dk").await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    assert!(full.text().await.unwrap().contains("fuldt"));
}

#[tokio::test]
async fn expired_and_unknown_links_answer_410_and_404() {
    let s = setup(30).await;
    sign_up(&s, "Mette", "mette@example.dk").await;
    let path = confirm_path(&s, "mette@example.dk", 1).await;
    s.app.clock.advance(chrono::Duration::hours(49));
    assert_eq!(s.app.get(&path).await.status(), StatusCode::GONE);
    assert_eq!(s.app.post_form(&path, &[]).await.status(), StatusCode::GONE);
    assert_eq!(s.app.get(&format!("/info-meetings/confirm/{}", "C".repeat(43))).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.app.get(&format!("/info-meetings/cancel/{}", "C".repeat(43))).await.status(), StatusCode::NOT_FOUND);
    // Signing up again gives a fresh link that works.
    sign_up(&s, "Mette", "mette@example.dk").await;
    let fresh = confirm_path(&s, "mette@example.dk", 2).await;
    assert_eq!(s.app.post_form(&fresh, &[]).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn cancelling_frees_the_seat_withdraws_the_reminder_and_cancels_the_calendar_event() {
    let s = setup(1).await;
    sign_up(&s, "Mette", "mette@example.dk").await;
    s.app.post_form(&confirm_path(&s, "mette@example.dk", 1).await, &[]).await;
    let reminder: (String, DateTime<Utc>) =
        sqlx::query_as("SELECT status, next_attempt_at FROM mail_outbox WHERE subject LIKE 'Påmindelse%'")
            .fetch_one(&s.app.pool)
            .await
            .unwrap();
    assert_eq!((reminder.0.as_str(), reminder.1.to_rfc3339().as_str()), ("pending", "2027-08-09T16:00:00+00:00"));
    assert_eq!(sign_up(&s, "Jens", "jens@example.dk").await.status(), StatusCode::CONFLICT, "full");

    let mails = s.app.smtp.mails_to("mette@example.dk", 2).await;
    let cancel = mails
        .iter()
        .find_map(|m| m.link("/info-meetings/cancel/"))
        .map(|l| url::Url::parse(&l).unwrap().path().to_string())
        .unwrap();
    assert!(s.app.get(&cancel).await.text().await.unwrap().contains("Afmeld mig"));
    assert_eq!(status(&s, "mette@example.dk").await, "confirmed", "GET changes nothing");
    assert_eq!(s.app.post_form(&cancel, &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status(&s, "mette@example.dk").await, "cancelled");
    let withdrawn: String = sqlx::query_scalar("SELECT status FROM mail_outbox WHERE subject LIKE 'Påmindelse%'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(withdrawn, "withdrawn");
    let mails = s.app.smtp.mails_to("mette@example.dk", 3).await;
    let cancelled = mails.iter().find(|m| m.subject == "Du er afmeldt").unwrap();
    assert!(cancelled.attachments[0].2.contains("METHOD:CANCEL"));
    assert_eq!(sign_up(&s, "Jens", "jens@example.dk").await.status(), StatusCode::SEE_OTHER, "the seat is free again");
}

#[tokio::test]
async fn staff_create_a_meeting_see_the_list_check_in_export_write_and_cancel() {
    let s = setup(30).await;
    let staff = StaffClient::signed_in(&s.app, "lone@example.dk", Role::Coordinator).await;
    let intake: i64 = sqlx::query_scalar("SELECT id FROM intakes").fetch_one(&s.app.pool).await.unwrap();
    let created = staff
        .post(
            &format!("/admin/intakes/{intake}/info-meetings"),
            &[
                ("starts_at", "2027-06-15T16:30"),
                ("ends_at", "2027-06-15T18:00"),
                ("place", "Lokale 10"),
                ("capacity", "12"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let id = location.trim_start_matches("/admin/info-meetings/");
    assert!(s.app.get(&format!("/info-meetings/{id}")).await.text().await.unwrap().contains("Lokale 10"));
    let bad = staff
        .post(&format!("/admin/intakes/{intake}/info-meetings"), &[("starts_at", "i morgen"), ("place", "x")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    sign_up(&s, "Mette Holm", "mette@example.dk").await;
    s.app.post_form(&confirm_path(&s, "mette@example.dk", 1).await, &[]).await;
    let admin_page = format!("/admin/info-meetings/{}", s.meeting);
    assert!(staff.get(&admin_page).await.text().await.unwrap().contains("Mette Holm"));
    let signup: i64 = sqlx::query_scalar("SELECT id FROM info_meeting_signups").fetch_one(&s.app.pool).await.unwrap();
    assert_eq!(
        staff.post(&format!("{admin_page}/signups/{signup}/check-in"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let csv = staff.get(&format!("{admin_page}/export.csv")).await.text().await.unwrap();
    assert!(csv.contains("Mette Holm;mette@example.dk;confirmed;yes"));
    let sent = staff
        .post(&format!("{admin_page}/message"), &[("subject", "Nyt lokale"), ("body", "Vi er flyttet til lokale 12.")])
        .await;
    assert_eq!(sent.headers()["location"].to_str().unwrap(), format!("{admin_page}?sent=1"));
    let moved = [
        ("starts_at", "2027-08-10T17:00"),
        ("ends_at", "2027-08-10T18:30"),
        ("place", "Lokale 12"),
        ("capacity", "30"),
    ];
    assert_eq!(staff.post(&admin_page, &moved).await.status(), StatusCode::SEE_OTHER);
    let changed = s.app.smtp.mails_to("mette@example.dk", 4).await;
    let update = changed.iter().find(|m| m.subject == "Informationsmødet er ændret").expect("an update mail");
    let ics = &update.attachments[0].2;
    assert_eq!((ics_field(ics, "SEQUENCE:"), ics_field(ics, "DTSTART:")), ("2", "20270810T150000Z"));
    assert_eq!(staff.post(&admin_page, &[("starts_at", "x")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(staff.post(&format!("{admin_page}/cancel"), &[]).await.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to("mette@example.dk", 5).await;
    assert!(mails.iter().any(|m| m.subject == "Nyt lokale"));
    assert!(
        mails
            .iter()
            .any(|m| m.subject == "Informationsmødet er aflyst" && m.attachments[0].2.contains("METHOD:CANCEL"))
    );
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'info_meeting_exported'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    assert_eq!(
        sign_up(&s, "Jens", "jens@example.dk").await.status(),
        StatusCode::CONFLICT,
        "a cancelled meeting takes no sign-ups"
    );
}

#[tokio::test]
async fn an_invitation_link_signs_up_without_a_second_confirmation_once() {
    let s = setup(30).await;
    let staff = StaffClient::signed_in(&s.app, "lone@example.dk", Role::Coordinator).await;
    let sent = staff
        .post(
            &format!("/admin/info-meetings/{}/invite", s.meeting),
            &[("addresses", "ny@example.dk, ikke-en-adresse\nanden@example.dk")],
        )
        .await;
    assert_eq!(sent.headers()["location"].to_str().unwrap(), format!("/admin/info-meetings/{}?invited=2", s.meeting));
    let mail = &s.app.smtp.mails_to("ny@example.dk", 1).await[0];
    let path = mail.link_path("/info-meetings/invited/");
    assert!(s.app.get(&path).await.text().await.unwrap().contains("ny@example.dk"), "GET shows the form");
    let none: i64 =
        sqlx::query_scalar("SELECT count(*) FROM info_meeting_signups").fetch_one(&s.app.pool).await.unwrap();
    assert_eq!(none, 0, "GET changes nothing");
    assert_eq!(s.app.post_form(&path, &[("name", "")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(s.app.post_form(&path, &[("name", "Ny Person")]).await.status(), StatusCode::OK);
    assert_eq!(status(&s, "ny@example.dk").await, "confirmed");
    let mails = s.app.smtp.mails_to("ny@example.dk", 2).await;
    assert!(mails.iter().any(|m| m.subject.starts_with("Din plads er bekræftet") && !m.attachments.is_empty()));
    assert_eq!(
        s.app.post_form(&path, &[("name", "Ny Person")]).await.status(),
        StatusCode::GONE,
        "used again: 410, nothing changes"
    );
    let seats: i64 =
        sqlx::query_scalar("SELECT count(*) FROM info_meeting_signups").fetch_one(&s.app.pool).await.unwrap();
    assert_eq!(seats, 1);
}

#[tokio::test]
async fn people_who_asked_to_hear_get_news_of_meetings_with_a_way_to_unsubscribe() {
    let s = setup(30).await;
    let asked = s.app.post_form("/notify", &[("email", "nysgerrig@example.dk")]).await;
    assert_eq!(asked.headers()["location"], "/notify/check-email");
    let confirm = s.app.smtp.mails_to("nysgerrig@example.dk", 1).await[0].link_path("/notify/confirm/");
    assert!(s.app.get(&confirm).await.text().await.unwrap().contains("Ja, giv mig besked"));
    assert_eq!(s.app.post_form(&confirm, &[]).await.status(), StatusCode::OK);

    let staff = StaffClient::signed_in(&s.app, "lone@example.dk", Role::Coordinator).await;
    let intake: i64 = sqlx::query_scalar("SELECT id FROM intakes").fetch_one(&s.app.pool).await.unwrap();
    staff
        .post(
            &format!("/admin/intakes/{intake}/info-meetings"),
            &[
                ("starts_at", "2027-06-15T16:30"),
                ("ends_at", "2027-06-15T18:00"),
                ("place", "Lokale 10"),
                ("capacity", "12"),
            ],
        )
        .await;
    let news = s.app.smtp.mails_to("nysgerrig@example.dk", 2).await;
    let news = news.iter().find(|m| m.subject == "Nyt informationsmøde").expect("news of the meeting");
    let unsubscribe = news.link_path("/notify/unsubscribe/");
    assert!(s.app.get(&unsubscribe).await.text().await.unwrap().contains("Frameld mig"));
    assert_eq!(s.app.post_form(&unsubscribe, &[]).await.status(), StatusCode::OK);
    let state: String =
        sqlx::query_scalar("SELECT status FROM interest_subscribers").fetch_one(&s.app.pool).await.unwrap();
    assert_eq!(state, "unsubscribed");
    // Asking again with an unconfirmed or known address looks the same from outside.
    let again = s.app.post_form("/notify", &[("email", "nysgerrig@example.dk")]).await;
    assert_eq!(again.headers()["location"], "/notify/check-email");
}
