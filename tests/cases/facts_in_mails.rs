//! Mails and applicant pages state facts from the data: the dates and counts
//! of the cohort's plan, the end of the answer day, the real place on the
//! waiting list, the real length of an interview, and the link they are about.
//! Every mail is read with mail-parser (`support::smtp_sink`).
use optag::{
    domain::{local_time::from_local, staff::Role},
    i18n::{Lang, dates},
};
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, smtp_sink::Mail, staff::StaffClient};

/// The demo intake, a cohort from Monday 20 September 2027, and `n` applicants;
/// the clock at `now`.
async fn cohort_with(now: &str, n: usize) -> (TestApp, StaffClient, i64, Vec<String>) {
    let app = TestApp::spawn().await;
    app.clock.set(now.parse().unwrap());
    let intake = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let created = staff
        .post(&format!("/admin/intakes/{intake}/cohorts"), &[("name", "Efterår 2027"), ("start_date", "2027-09-20")])
        .await;
    let cohort = created.headers()["location"].to_str().unwrap().trim_start_matches("/admin/cohorts/").parse().unwrap();
    let mut refs = Vec::new();
    for i in 0..n {
        refs.push(submit(&app, "randers-2027", &format!("p{i}@example.dk"), &[]).await);
    }
    (app, staff, cohort, refs)
}

async fn mail_to(app: &TestApp, to: &str, count: usize, subject: &str) -> Mail {
    let mails = app.smtp.mails_to(to, count).await;
    mails.into_iter().find(|m| m.subject.starts_with(subject)).unwrap_or_else(|| panic!("no mail {subject}"))
}

#[tokio::test]
async fn the_offer_states_the_plan_and_the_end_of_the_answer_day_that_is_enforced() {
    // Sunday 6 December 2026 at 03.57 in Copenhagen.
    let (app, staff, cohort_id, refs) = cohort_with("2026-12-06T02:57:00Z", 1).await;
    let offered =
        staff.post(&format!("/admin/applications/{}/offer", refs[0]), &[("cohort", &cohort_id.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let cohort = optag::storage::cohorts::get(&app.pool, cohort_id).await.unwrap().unwrap();
    let (sessions, practicum) = cohort.plan();
    let mail = mail_to(&app, "p0@example.dk", 2, "Tilbud om plads").await;
    let by = "søndag den 13. december 2026 kl. 23.59";
    assert!(mail.text.contains(by) && !mail.text.contains("kl. 03.57"), "{}", mail.text);
    assert!(mail.text.contains(&format!("{} undervisningsgange, mandage og onsdage kl. 09.00-12.00", sessions.len())));
    assert!(mail.text.contains("fra mandag den 20. september 2027 til onsdag den 15. december 2027"));
    let practicum = practicum.unwrap();
    assert!(mail.text.contains(&format!(
        "{} ugers praktik med {} timer om ugen, fra {} til {}",
        cohort.programme.practicum_weeks,
        practicum.hours_per_week,
        dates::long_date(Lang::Da, practicum.starts),
        dates::long_date(Lang::Da, practicum.ends)
    )));
    for day in practicum.follow_up_days {
        assert!(mail.text.contains(&dates::long_date(Lang::Da, day)), "follow-up day {day}");
    }
    let link = mail.link_path("/offers/");
    let page = app.get(&link).await.text().await.unwrap();
    assert!(page.contains(by) && page.contains("26 undervisningsgange"), "the page says what the mail says");
    let stored: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT answer_by FROM cohort_offers").fetch_one(&app.pool).await.unwrap();
    let midnight = from_local("2026-12-14T00:00:00".parse().unwrap());
    assert_eq!(stored, midnight, "stored as the end of the day shown");
    app.clock.set(midnight - chrono::Duration::seconds(1));
    assert_eq!(app.get(&link).await.status(), StatusCode::OK, "23.59.59 on the day shown");
    app.clock.set(midnight);
    assert_eq!(app.get(&link).await.status(), StatusCode::GONE);
}

#[tokio::test]
async fn the_welcome_mail_lists_every_date_it_promises() {
    let (app, staff, cohort_id, refs) = cohort_with("2026-11-23T12:00:00Z", 1).await;
    staff.post(&format!("/admin/applications/{}/offer", refs[0]), &[("cohort", &cohort_id.to_string())]).await;
    let link = mail_to(&app, "p0@example.dk", 2, "Tilbud om plads").await.link_path("/offers/");
    // A moved first session: the welcome mail follows the plan, not the pattern.
    let moved = staff
        .post(
            &format!("/admin/cohorts/{cohort_id}/sessions/1/change"),
            &[("date", "2027-09-21"), ("from", "10:00"), ("to", "13:00")],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.post_form(&link, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    let mail = mail_to(&app, "p0@example.dk", 3, "Velkommen").await;
    let cohort = optag::storage::cohorts::get(&app.pool, cohort_id).await.unwrap().unwrap();
    let (sessions, practicum) = cohort.plan();
    assert!(mail.text.contains("begynder tirsdag den 21. september 2027 kl. 10.00"), "{}", mail.text);
    for s in &sessions {
        let span =
            dates::long_span(Lang::Da, from_local(s.date.and_time(s.starts)), from_local(s.date.and_time(s.ends)));
        assert!(mail.text.contains(&span), "session {} on {}", s.number, s.date);
    }
    assert_eq!(mail.text.matches("Undervisning ").count(), sessions.len());
    let p = practicum.unwrap();
    let period =
        format!("Praktik: fra {} til {}", dates::long_date(Lang::Da, p.starts), dates::long_date(Lang::Da, p.ends));
    assert!(mail.text.contains(&period));
    assert!(mail.link("/feeds/").is_some(), "the welcome carries the schedule link");
}

#[tokio::test]
async fn the_waiting_list_mail_states_the_place_on_the_list_and_nothing_untrue() {
    let (app, staff, _, refs) = cohort_with("2026-11-23T12:00:00Z", 2).await;
    for r in &refs {
        staff.post(&format!("/admin/applications/{r}/waitlist"), &[]).await;
    }
    let mail = mail_to(&app, "p1@example.dk", 2, "Du er på ventelisten").await;
    let position: i32 = sqlx::query_scalar(
        "SELECT w.position FROM waiting_list w JOIN applications a ON a.id = w.application_id WHERE a.reference = $1",
    )
    .bind(&refs[1])
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(mail.text.contains(&format!("nummer {position} på ventelisten")), "{}", mail.text);
    assert!(!mail.text.contains("Alle pladser"), "eight seats are free: none is offered");
}

#[tokio::test]
async fn booking_mails_carry_the_booking_link_and_the_real_length() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let intake = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    assert_eq!(staff.post(&format!("/admin/intakes/{intake}/slots"), slots).await.status(), StatusCode::SEE_OTHER);
    let reference = submit(&app, "randers-2027", "mette@example.dk", &[]).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let invitation = mail_to(&app, "mette@example.dk", 2, "Invitation").await;
    let path = invitation.link_path("/interviews/book/");
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("Samtalen tager 45 minutter.") && !page.contains("omkring en time"), "{page}");
    let slot: i64 =
        sqlx::query_scalar("SELECT id FROM interview_slots WHERE intake_id = $1 ORDER BY starts_at LIMIT 1")
            .bind(intake)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let booked = app.post_form(&path, &[("slot", &slot.to_string())]).await;
    assert_eq!(booked.status(), StatusCode::SEE_OTHER);
    let mail = mail_to(&app, "mette@example.dk", 3, "Din samtale").await;
    assert_eq!(mail.link_path("/interviews/book/"), path, "the confirmation carries the booking link");
    assert!(mail.text.contains("fredag den 27. august 2027 kl. 09.00-09.45") && mail.text.contains("45 minutter"));
    assert!(!mail.text.contains("fra din invitation"));
    let page = app.get(&path).await.text().await.unwrap();
    assert!(page.contains("Samtalen tager 45 minutter."), "the held time's length");
    assert_eq!(app.post_form(&format!("{path}/cancel"), &[]).await.status(), StatusCode::SEE_OTHER);
    let cancelled = mail_to(&app, "mette@example.dk", 4, "Din samtale er aflyst").await;
    assert_eq!(cancelled.link_path("/interviews/book/"), path, "the cancellation carries the link to book again");
}

#[tokio::test]
async fn the_evening_before_reminder_carries_the_booking_link_and_the_real_length() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let intake = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    staff.post(&format!("/admin/intakes/{intake}/slots"), slots).await;
    let reference = submit(&app, "randers-2027", "mette@example.dk", &[]).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let path = mail_to(&app, "mette@example.dk", 2, "Invitation").await.link_path("/interviews/book/");
    let slot: i64 =
        sqlx::query_scalar("SELECT id FROM interview_slots WHERE intake_id = $1 ORDER BY starts_at LIMIT 1")
            .bind(intake)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.post_form(&path, &[("slot", &slot.to_string())]).await;
    // The worker sends by the wall clock: bring the evening-before reminder forward.
    sqlx::query("UPDATE mail_outbox SET next_attempt_at = now() WHERE subject LIKE 'Påmindelse%'")
        .execute(&app.pool)
        .await
        .unwrap();
    let reminder = mail_to(&app, "mette@example.dk", 4, "Påmindelse").await;
    assert_eq!(reminder.link_path("/interviews/book/"), path);
    assert!(reminder.text.contains("Samtalen tager 45 minutter.") && !reminder.text.contains("omkring en time"));
}
