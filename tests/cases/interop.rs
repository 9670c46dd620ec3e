//! Mail and calendar files as the clients people use read them (issue 14):
//! iTIP with organizer and attendee, line breaks of any kind, international
//! addresses, mail the relay refuses for good, and mail interrupted by a crash.
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use optag::{
    domain::{email_address::EmailAddress, local_time::from_local, staff::Role},
    mail::{
        Attachment, OutgoingEmail,
        calendar::{self, CalendarEvent, Kind, Parties},
        outbox,
    },
};
use reqwest::StatusCode;

use crate::support::{TestApp, applicant, ics, smtp_sink::SmtpSink, staff::StaffClient};

const FROM: &str = "noreply@optag.test";
/// `mette@æblegård.dk` as relays and calendar clients must see it.
const METTE_WIRE: &str = "mette@xn--blegrd-luad.dk";

#[tokio::test]
async fn meeting_confirmation_change_and_cancellation_are_itip_to_an_idn_address_with_clean_line_breaks() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let meeting = app.load_demo().await.info_meeting_id;
    // Directions typed on two lines before the edge made CRLF into LF.
    sqlx::query("UPDATE info_meetings SET directions = $1")
        .bind("Indgang B ligger bag p-pladsen.\r\nTag elevatoren.\rAnden sal.")
        .execute(&app.pool)
        .await
        .unwrap();
    let signed = app
        .post_form(&format!("/info-meetings/{meeting}/signups"), &[("name", "Mette"), ("email", "mette@æblegård.dk")])
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let confirm = app.smtp.mails_to(METTE_WIRE, 1).await[0].link_path("/info-meetings/confirm/");
    assert_eq!(app.post_form(&confirm, &[]).await.status(), StatusCode::SEE_OTHER);
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let admin_page = format!("/admin/info-meetings/{meeting}");
    let moved = [
        ("starts_at", "2027-08-10T17:00"),
        ("ends_at", "2027-08-10T18:30"),
        ("place", "Lokale 12"),
        ("capacity", "30"),
        ("directions", "Indgang B ligger bag p-pladsen.\r\nTag elevatoren.\rAnden sal."),
    ];
    assert_eq!(staff.post(&admin_page, &moved).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(staff.post(&format!("{admin_page}/cancel"), &[]).await.status(), StatusCode::SEE_OTHER);

    let mails = app.smtp.mails_to(METTE_WIRE, 4).await;
    assert!(mails.iter().all(|m| m.to == [METTE_WIRE]), "the domain went out in punycode");
    let mut calendars: Vec<(String, Option<String>)> = mails
        .iter()
        .flat_map(|m| m.attachments.iter().zip(&m.attachment_methods))
        .map(|(a, method)| (a.2.clone(), method.clone()))
        .collect();
    assert_eq!(calendars.len(), 3, "confirmation, change, cancellation");
    let Some(_) = ics::check(&calendars[0].0) else { return };
    calendars.sort_by_key(|(c, _)| ics::check(c).unwrap().events[0].sequence);
    let mut uids = Vec::new();
    for ((c, mime_method), method) in calendars.iter().zip(["REQUEST", "REQUEST", "CANCEL"]) {
        let read = ics::check(c).unwrap();
        assert_eq!(mime_method.as_deref(), Some(method), "Content-Type method= is the file's METHOD");
        let e = read.assert_itip(method, FROM, METTE_WIRE);
        assert_eq!(e.description, "Indgang B ligger bag p-pladsen.\nTag elevatoren.\nAnden sal.");
        uids.push(e.uid.clone());
    }
    assert!(uids.windows(2).all(|w| w[0] == w[1]), "one event: {uids:?}");
    let confirmed = mails.iter().find(|m| m.subject.starts_with("Din plads er bekræftet")).unwrap();
    let text = confirmed.text.replace("\r\n", "\n");
    assert!(
        !text.contains('\r') && text.contains("Indgang B ligger bag p-pladsen.\nTag elevatoren.\nAnden sal."),
        "{text}"
    );
}

fn local(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    from_local(date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()))
}

#[tokio::test]
async fn calendars_over_easter_and_both_clock_changes_of_2027_and_2028_are_in_utc_for_both_parsers() {
    // Easter week 2027 holds the spring change (28 March); 2028's changes
    // are 26 March and 29 October, Easter Sunday 16 April.
    let weeks = ["2027-03-22", "2027-10-25", "2028-03-20", "2028-04-10", "2028-10-23"];
    let mut events = Vec::new();
    for week in weeks {
        let monday: NaiveDate = week.parse().unwrap();
        for day in 0..7 {
            let date = monday + chrono::Duration::days(day);
            events.push(CalendarEvent {
                uid: format!("session-{date}@optag.test"),
                sequence: 0,
                summary: "Undervisning; modul 1, del 2".into(),
                location: "Psykiatriens Hus\r\nlokale 10".into(),
                description: "Tag elevatoren.\rAnden sal.".into(),
                starts: local(date, 9, 0),
                ends: local(date, 12, 0),
            });
        }
    }
    let stamp = "2026-11-23T12:00:00Z".parse().unwrap();
    let schedule = calendar::render(Kind::Schedule, &events, stamp);
    let parties = Parties::new(
        &"optag <noreply@optag.test>".parse().unwrap(),
        &EmailAddress::parse("søren@æblegård.dk").unwrap(),
    );
    let invitation = calendar::render(Kind::Request(&parties), &events[..1], stamp);
    let Some(read) = ics::check(&schedule) else { return };
    read.assert_plain();
    let start = |uid: &str| read.events.iter().find(|e| e.uid == uid).unwrap().dtstart.clone().unwrap();
    // 09:00 in Copenhagen: 08:00 UTC in winter time, 07:00 UTC in summer time.
    assert_eq!(start("session-2027-03-27@optag.test"), "2027-03-27T08:00:00+00:00");
    assert_eq!(start("session-2027-03-28@optag.test"), "2027-03-28T07:00:00+00:00");
    assert_eq!(start("session-2027-10-30@optag.test"), "2027-10-30T07:00:00+00:00");
    assert_eq!(start("session-2027-10-31@optag.test"), "2027-10-31T08:00:00+00:00");
    assert_eq!(start("session-2028-03-25@optag.test"), "2028-03-25T08:00:00+00:00");
    assert_eq!(start("session-2028-03-26@optag.test"), "2028-03-26T07:00:00+00:00");
    assert_eq!(start("session-2028-04-16@optag.test"), "2028-04-16T07:00:00+00:00");
    assert_eq!(start("session-2028-10-29@optag.test"), "2028-10-29T08:00:00+00:00");
    let e = &read.events[0];
    assert_eq!(e.dtend.as_deref(), Some("2027-03-22T11:00:00+00:00"));
    assert_eq!(
        (e.location.as_str(), e.description.as_str()),
        ("Psykiatriens Hus\nlokale 10", "Tag elevatoren.\nAnden sal.")
    );
    assert_eq!(e.summary, "Undervisning; modul 1, del 2");
    let read = ics::check(&invitation).unwrap();
    read.assert_itip("REQUEST", FROM, "s%c3%b8ren@xn--blegrd-luad.dk");
}

#[tokio::test]
async fn a_local_part_beyond_ascii_is_refused_beside_the_field_when_the_relay_lacks_smtputf8() {
    let sink = SmtpSink::start_without_smtputf8().await;
    let url = sink.url();
    let app = TestApp::spawn_with(sink, &url).await;
    let slug = app.load_demo().await.intake_slug;
    let refused = applicant::post(&app, &slug, &applicant::form("søren@example.dk", "submit")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Vi kan desværre ikke sende e-mails til en adresse med æ, ø, å"), "{page}");
    // An international domain is fine there: it goes out in punycode.
    let ok = applicant::post(&app, &slug, &applicant::form("anna@æblegård.dk", "submit")).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let receipt = &app.smtp.mails_to("anna@xn--blegrd-luad.dk", 1).await[0];
    assert!(receipt.raw.contains("To: anna@xn--blegrd-luad.dk"), "{}", receipt.raw);
}

#[tokio::test]
async fn a_local_part_beyond_ascii_gets_its_receipt_through_a_relay_with_smtputf8() {
    let app = TestApp::spawn().await;
    let slug = app.load_demo().await.intake_slug;
    let sent = applicant::post(&app, &slug, &applicant::form("søren@example.dk", "submit")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.smtp.mails_to("søren@example.dk", 1).await.len(), 1);
}

fn email(to: &str, subject: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: EmailAddress::parse(to).unwrap(),
        subject: subject.to_string(),
        text: "Hej\n\nhttps://optag.test/x\n".into(),
        html: "<div><p>Hej</p><p><a href=\"https://optag.test/x\">x</a></p></div>".into(),
        attachments: vec![Attachment::calendar("x.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into())],
    }
}

#[tokio::test]
async fn a_mail_the_relay_refuses_for_good_fails_at_once_and_coordinators_see_it() {
    let app = TestApp::spawn().await;
    let mut tx = app.pool.begin().await.unwrap();
    let id = outbox::queue(&mut tx, &app.key().await, &email("unknown-mailbox@example.dk", "Kvittering"), "optag.test")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut state = (String::new(), 0);
    for _ in 0..50 {
        state = sqlx::query_as("SELECT status, attempts FROM mail_outbox WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        if state.0 == "failed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(state, ("failed".to_string(), 1), "a 5xx is final: one attempt");
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let page = staff.get("/admin/mail").await.text().await.unwrap();
    assert!(page.contains("data-failed-mails=\"1\"") && page.contains(&format!("data-failed-mail=\"{id}\"")), "{page}");
    assert!(page.contains("unknown-mailbox@example.dk") && page.contains("Kvittering"));
}

async fn statuses(app: &TestApp) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT id, status FROM mail_outbox ORDER BY id").fetch_all(&app.pool).await.unwrap()
}

#[tokio::test]
async fn rows_left_sending_by_a_dead_instance_are_sent_again_with_their_message_id_and_never_lost() {
    let app = TestApp::spawn().await;
    let key = app.key().await;
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..5 {
        outbox::queue(&mut tx, &key, &email(&format!("p{i}@example.dk"), &format!("Mail {i}")), "optag.test")
            .await
            .unwrap();
    }
    // As a worker that claimed the batch and died 16 minutes ago left them.
    sqlx::query("UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_at = now() - interval '16 minutes'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mails = app.smtp.wait_for(5).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids: Vec<(String, String)> =
        sqlx::query_as("SELECT message_id, status FROM mail_outbox ORDER BY id").fetch_all(&app.pool).await.unwrap();
    assert!(ids.iter().all(|(_, s)| s == "sent"), "{ids:?}");
    let mut arrived: Vec<String> = app.smtp.mails().await.iter().map(|m| format!("<{}>", m.message_id)).collect();
    arrived.sort();
    let mut expected: Vec<String> = ids.into_iter().map(|(m, _)| m).collect();
    expected.sort();
    assert_eq!(arrived, expected, "each row once, with its own Message-ID");
    assert_eq!(mails.len(), 5);
}

#[tokio::test]
async fn an_instance_that_dies_mid_batch_loses_no_mail_and_another_sends_each_once() {
    // The first instance's relay accepts the connection and never answers:
    // its worker claims the batch and hangs there, as one killed mid-send.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("smtp://{}", silent.local_addr().unwrap());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            open.push(stream);
        }
    });
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with(SmtpSink::start().await, &silent_url).await;
    let key = app.key().await;
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..30 {
        outbox::queue(&mut tx, &key, &email(&format!("p{i}@example.dk"), &format!("Mail {i}")), "optag.test")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    app.state().mail_wake.notify_one();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while statuses(&app).await.iter().any(|(_, s)| s != "sending") {
        assert!(tokio::time::Instant::now() < deadline, "the first worker claims the batch");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // 15 minutes pass; a second instance with a working relay takes over.
    sqlx::query("UPDATE mail_outbox SET claimed_at = claimed_at - interval '16 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    let _second = TestApp::spawn_instance_mailing_to(&app, &sink.url()).await;
    let mails = sink.wait_for(30).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.mails().await.len(), 30, "each once");
    let mut ids: Vec<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30, "distinct Message-IDs, one per row");
    assert!(statuses(&app).await.iter().all(|(_, s)| s == "sent"));
    held.abort();
}
