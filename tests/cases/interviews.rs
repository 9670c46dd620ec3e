//! Interviews: slots, invitations, self-booking without double bookings,
//! calendar files in summer and winter, reminders, assessments.
use chrono::{DateTime, Utc};
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::submit,
    staff::{StaffClient, create_user},
};

struct Setup {
    app: TestApp,
    staff: StaffClient,
    intake_id: i64,
}

/// The demo intake (deadline 17 August 2027, interviews 27, 30 and 31 August)
/// with 09:00-12:00 slots of 45 minutes on the 27th.
async fn setup() -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let intake_id = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let made = staff
        .post(
            &format!("/admin/intakes/{intake_id}/slots"),
            &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    Setup { app, staff, intake_id }
}

/// An applicant invited by the coordinator; returns the booking page's path.
async fn invited(s: &Setup, email: &str) -> (String, String) {
    let reference = submit(&s.app, "randers-2027", email, &[]).await;
    let r = s.staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to(email, 2).await;
    let invitation = mails.iter().find(|m| m.subject.starts_with("Invitation")).expect("an invitation");
    (reference, invitation.link_path("/interviews/book/"))
}

async fn slot_ids(s: &Setup) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM interview_slots WHERE intake_id = $1 ORDER BY starts_at")
        .bind(s.intake_id)
        .fetch_all(&s.app.pool)
        .await
        .unwrap()
}

async fn book(s: &Setup, path: &str, slot: i64) -> reqwest::Response {
    s.app.post_form(path, &[("slot", &slot.to_string())]).await
}

fn ics_field<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.lines()
        .find(|l| l.starts_with(name))
        .map(|l| l[name.len()..].trim())
        .unwrap_or_else(|| panic!("{name} in {ics}"))
}

#[tokio::test]
async fn slots_follow_the_arithmetic_and_only_on_interview_days() {
    let s = setup().await;
    let starts: Vec<DateTime<Utc>> = sqlx::query_scalar("SELECT starts_at FROM interview_slots ORDER BY starts_at")
        .fetch_all(&s.app.pool)
        .await
        .unwrap();
    let local: Vec<String> =
        starts.iter().map(|t| optag::domain::local_time::to_local(*t).format("%H:%M").to_string()).collect();
    assert_eq!(local, ["09:00", "10:00", "11:00"]);
    let wrong_day = s
        .staff
        .post(
            &format!("/admin/intakes/{}/slots", s.intake_id),
            &[("date", "2027-08-28"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45")],
        )
        .await;
    assert_eq!(wrong_day.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = s.staff.get(&format!("/admin/intakes/{}", s.intake_id)).await.text().await.unwrap();
    assert!(page.contains("09.00-09.45") && page.contains("11.00-11.45"));
}

#[tokio::test]
async fn an_invitation_sets_the_status_and_the_link_lists_free_slots_by_day() {
    let s = setup().await;
    let (reference, path) = invited(&s, "mette@example.dk").await;
    let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(status, "invited");
    let page = s.app.get(&path).await.text().await.unwrap();
    assert_eq!(page.matches("name=\"slot\"").count(), 3);
    assert!(page.contains("fredag den 27. august 2027"));
}

#[tokio::test]
async fn many_people_booking_one_slot_at_once_get_one_303_and_the_rest_409() {
    let s = setup().await;
    let mut paths = Vec::new();
    for n in 0..8 {
        paths.push(invited(&s, &format!("person{n}@example.dk")).await.1);
    }
    let slot = slot_ids(&s).await[0];
    let mut tasks = tokio::task::JoinSet::new();
    for path in paths {
        let (client, url, origin) = (s.app.client.clone(), s.app.url(&path), s.app.base_url.clone());
        tasks.spawn(async move {
            client.post(url).header("origin", origin).form(&[("slot", slot.to_string())]).send().await.unwrap().status()
        });
    }
    let statuses = tasks.join_all().await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 7, "{statuses:?}");
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM interview_bookings WHERE cancelled_at IS NULL")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(held, 1);
}

#[tokio::test]
async fn a_second_person_finds_the_slot_gone_and_is_offered_the_others() {
    let s = setup().await;
    let (_, first) = invited(&s, "first@example.dk").await;
    let (_, second) = invited(&s, "second@example.dk").await;
    let slot = slot_ids(&s).await[0];
    assert_eq!(book(&s, &first, slot).await.status(), StatusCode::SEE_OTHER);
    let taken = book(&s, &second, slot).await;
    assert_eq!(taken.status(), StatusCode::CONFLICT);
    let page = taken.text().await.unwrap();
    assert!(page.contains("Tiden blev taget lige før dig"));
    assert_eq!(page.matches("name=\"slot\"").count(), 2, "the other free slots are offered");
}

#[tokio::test]
async fn booking_changing_and_cancelling_update_one_calendar_event() {
    let s = setup().await;
    let (_, path) = invited(&s, "mette@example.dk").await;
    let slots = slot_ids(&s).await;
    assert_eq!(book(&s, &path, slots[0]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(book(&s, &path, slots[1]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.app.post_form(&format!("{path}/cancel"), &[]).await.status(), StatusCode::SEE_OTHER);

    let mails = s.app.smtp.mails_to("mette@example.dk", 5).await;
    let mut calendars: Vec<&str> =
        mails.iter().flat_map(|m| m.attachments.iter()).map(|(_, _, c)| c.as_str()).collect();
    assert_eq!(calendars.len(), 3);
    // Mail may arrive in any order; calendar clients order by SEQUENCE.
    calendars.sort_by_key(|c| ics_field(c, "SEQUENCE:").parse::<u32>().unwrap());
    let uids: Vec<&str> = calendars.iter().map(|c| ics_field(c, "UID:")).collect();
    assert!(uids.windows(2).all(|w| w[0] == w[1]), "one event: {uids:?}");
    let sequences: Vec<u32> = calendars.iter().map(|c| ics_field(c, "SEQUENCE:").parse().unwrap()).collect();
    assert_eq!(sequences, [1, 2, 3]);
    assert!(calendars[0].contains("METHOD:REQUEST") && calendars[2].contains("METHOD:CANCEL"));
    for c in &calendars {
        for field in ["SUMMARY:", "DESCRIPTION:"] {
            let text = ics_field(c, field).to_lowercase();
            assert!(
                !text.contains("psyk") && !text.contains("recovery") && !text.contains("peer"),
                "neutral {field} {text}"
            );
        }
    }
    // Summer time: 10:00 in Copenhagen is 08:00 UTC.
    assert_eq!(ics_field(calendars[1], "DTSTART:"), "20270827T080000Z");
    // Booking, change, cancellation: iTIP from the sender to the applicant,
    // as two parsers optag did not write read it; the MIME method matches.
    for (c, method) in calendars.iter().zip(["REQUEST", "REQUEST", "CANCEL"]) {
        if let Some(read) = crate::support::ics::check(c) {
            let e = read.assert_itip(method, "noreply@optag.test", "mette@example.dk");
            assert_eq!(e.uid, uids[0]);
        }
    }
    for m in mails.iter().filter(|m| !m.attachments.is_empty()) {
        let method = ics_field(&m.attachments[0].2, "METHOD:").to_string();
        assert_eq!(m.attachment_methods[0].as_deref(), Some(method.as_str()), "Content-Type method= matches");
    }
    let free: i64 = sqlx::query_scalar("SELECT count(*) FROM interview_bookings WHERE cancelled_at IS NULL")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(free, 0, "cancel frees the slot");
}

#[tokio::test]
async fn winter_slots_have_winter_times_in_the_calendar_file() {
    let s = setup().await;
    sqlx::query("UPDATE intakes SET interview_days = interview_days || date '2027-11-29' WHERE id = $1")
        .bind(s.intake_id)
        .execute(&s.app.pool)
        .await
        .unwrap();
    s.staff
        .post(
            &format!("/admin/intakes/{}/slots", s.intake_id),
            &[("date", "2027-11-29"), ("from", "10:00"), ("to", "11:00"), ("minutes", "60")],
        )
        .await;
    let (_, path) = invited(&s, "mette@example.dk").await;
    let winter = *slot_ids(&s).await.last().unwrap();
    assert_eq!(book(&s, &path, winter).await.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to("mette@example.dk", 3).await;
    let ics = &mails.iter().find(|m| !m.attachments.is_empty()).unwrap().attachments[0].2;
    assert_eq!(ics_field(ics, "DTSTART:"), "20271129T090000Z");
    assert!(ics.parse::<icalendar::Calendar>().is_ok(), "parses as RFC 5545");
}

#[tokio::test]
async fn booking_closes_24_hours_before_the_slot() {
    let s = setup().await;
    let (_, path) = invited(&s, "mette@example.dk").await;
    let slot = slot_ids(&s).await[0];
    s.app.clock.set("2027-08-26T07:00:00Z".parse().unwrap());
    let late = book(&s, &path, slot).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    s.app.clock.set("2027-08-26T06:59:00Z".parse().unwrap());
    assert_eq!(book(&s, &path, slot).await.status(), StatusCode::SEE_OTHER);
    s.app.clock.set("2027-08-26T07:00:00Z".parse().unwrap());
    assert_eq!(s.app.post_form(&format!("{path}/cancel"), &[]).await.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_reminder_is_queued_once_per_booking_for_the_evening_before() {
    let s = setup().await;
    let (_, path) = invited(&s, "mette@example.dk").await;
    let slots = slot_ids(&s).await;
    book(&s, &path, slots[0]).await;
    book(&s, &path, slots[1]).await;
    let rows: Vec<(String, DateTime<Utc>)> =
        sqlx::query_as("SELECT status, next_attempt_at FROM mail_outbox WHERE subject LIKE 'Påmindelse%' ORDER BY id")
            .fetch_all(&s.app.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, "withdrawn", "the first booking's reminder is taken back");
    assert_eq!(rows[1].0, "pending");
    assert_eq!(rows[1].1.to_rfc3339(), "2027-08-26T16:00:00+00:00", "18:00 Danish time the day before");
    // Booked less than a day ahead (the school allows it up to 2 hours before): no reminder.
    sqlx::query("UPDATE intakes SET booking_cutoff_hours = 2").execute(&s.app.pool).await.unwrap();
    let (_, other) = invited(&s, "late@example.dk").await;
    s.app.clock.set("2027-08-26T12:00:00Z".parse().unwrap());
    assert_eq!(book(&s, &other, slots[2]).await.status(), StatusCode::SEE_OTHER);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Påmindelse%'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn the_panel_sees_its_interview_and_records_assessments_and_a_no_show_is_a_task() {
    let s = setup().await;
    let panel_id = create_user(&s.app, "panel@example.dk", Role::Interviewer).await;
    let other = StaffClient::signed_in(&s.app, "other@example.dk", Role::Interviewer).await;
    s.staff
        .post(
            &format!("/admin/intakes/{}/slots", s.intake_id),
            &[
                ("date", "2027-08-30"),
                ("from", "09:00"),
                ("to", "10:00"),
                ("minutes", "60"),
                ("panel", &panel_id.to_string()),
            ],
        )
        .await;
    let (reference, path) = invited(&s, "mette@example.dk").await;
    let panel_slot = *slot_ids(&s).await.last().unwrap();
    assert_eq!(book(&s, &path, panel_slot).await.status(), StatusCode::SEE_OTHER);

    let panel = StaffClient::signed_in_existing(&s.app, "panel@example.dk").await;
    assert_eq!(panel.get(&format!("/admin/applications/{reference}")).await.status(), StatusCode::OK);
    assert_eq!(other.get(&format!("/admin/applications/{reference}")).await.status(), StatusCode::NOT_FOUND);
    let scores = [
        ("motivation", "4"),
        ("reflection", "3"),
        ("distance", "3"),
        ("competence_building", "4"),
        ("notes", "Rolig og reflekteret"),
    ];
    assert_eq!(
        panel.post(&format!("/admin/applications/{reference}/assessment"), &scores).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        panel.post(&format!("/admin/applications/{reference}/status"), &[("status", "offered")]).await.status(),
        StatusCode::FORBIDDEN
    );
    let coordinator_scores =
        [("motivation", "3"), ("reflection", "3"), ("distance", "2"), ("competence_building", "4")];
    s.staff.post(&format!("/admin/applications/{reference}/assessment"), &coordinator_scores).await;
    let page = s.staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(page.contains("Rolig og reflekteret") && page.matches("data-score=").count() == 4);
    let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(status, "interviewed");

    let (other_ref, _) = invited(&s, "jens@example.dk").await;
    s.staff.post(&format!("/admin/applications/{other_ref}/assessment"), &[("no_show", "yes")]).await;
    let (status, tasks): (String, i64) = sqlx::query_as(
        "SELECT a.status, (SELECT count(*) FROM follow_up_tasks f WHERE f.application_id = a.id) FROM applications a WHERE reference = $1",
    )
    .bind(&other_ref)
    .fetch_one(&s.app.pool)
    .await
    .unwrap();
    assert_eq!((status.as_str(), tasks), ("invited", 1), "a no-show is a task, not a rejection");
    let missing = s.staff.post(&format!("/admin/applications/{other_ref}/assessment"), &[("motivation", "9")]).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_panel_gets_its_list_once_the_afternoon_before_and_a_day_plan() {
    let s = setup().await;
    let panel_id = create_user(&s.app, "panel@example.dk", Role::Interviewer).await;
    s.staff
        .post(
            &format!("/admin/intakes/{}/slots", s.intake_id),
            &[
                ("date", "2027-08-30"),
                ("from", "09:00"),
                ("to", "10:00"),
                ("minutes", "60"),
                ("panel", &panel_id.to_string()),
            ],
        )
        .await;
    let (reference, path) = invited(&s, "mette@example.dk").await;
    book(&s, &path, *slot_ids(&s).await.last().unwrap()).await;

    let jobs = optag::jobs::Jobs {
        pool: s.app.pool.clone(),
        key: std::sync::Arc::new(s.app.key().await),
        settings: std::sync::Arc::new(crate::support::app::settings(&s.app.base_url, &s.app.smtp.url())),
        clock: std::sync::Arc::new(s.app.clock.clone()),
        mail_wake: std::sync::Arc::new(tokio::sync::Notify::new()),
        every: std::time::Duration::from_secs(60),
    };
    s.app.clock.set("2027-08-29T13:59:00Z".parse().unwrap());
    assert_eq!(jobs.panel_reminders().await.unwrap(), 0, "not before 16:00 the day before");
    s.app.clock.set("2027-08-29T14:00:00Z".parse().unwrap());
    assert_eq!(jobs.panel_reminders().await.unwrap(), 1);
    assert_eq!(jobs.panel_reminders().await.unwrap(), 0, "once per member and day");
    let mail = &s.app.smtp.mails_to("panel@example.dk", 1).await[0];
    assert!(mail.text.contains(&reference) && !mail.text.contains("Mette"), "references, not names, by mail");

    // The clock moved months: the morning's session is long over; sign in afresh.
    let coordinator = StaffClient::signed_in(&s.app, "anne@example.dk", Role::Coordinator).await;
    let day = coordinator.get(&format!("/admin/intakes/{}/days/2027-08-30", s.intake_id)).await.text().await.unwrap();
    assert!(day.contains(&reference) && day.contains("Mette"), "{day}");
    let ics_path = format!("/admin/intakes/{}/days/2027-08-30/calendar.ics", s.intake_id);
    let ics = coordinator.get(&ics_path).await.text().await.unwrap();
    assert!(ics.parse::<icalendar::Calendar>().is_ok() && ics.contains("DTSTART:20270830T070000Z"));
    if let Some(read) = crate::support::ics::check(&ics) {
        read.assert_plain();
        assert_eq!(read.events.len(), 1);
    }
}

#[tokio::test]
async fn a_free_slot_can_be_moved_and_a_held_one_only_restaffed() {
    let s = setup().await;
    let panel_id = create_user(&s.app, "panel@example.dk", Role::Interviewer).await.to_string();
    let slots = slot_ids(&s).await;
    let (_, path) = invited(&s, "mette@example.dk").await;
    book(&s, &path, slots[0]).await;
    let held = format!("/admin/intakes/{}/slots/{}", s.intake_id, slots[0]);
    let moved = s.staff.post(&held, &[("from", "09:15"), ("to", "10:00"), ("place", "Lokale 10")]).await;
    assert_eq!(moved.status(), StatusCode::CONFLICT);
    let restaffed =
        s.staff.post(&held, &[("from", "09:00"), ("to", "09:45"), ("place", "Lokale 10"), ("panel", &panel_id)]).await;
    assert_eq!(restaffed.status(), StatusCode::SEE_OTHER);
    let free = format!("/admin/intakes/{}/slots/{}", s.intake_id, slots[2]);
    assert_eq!(s.staff.post(&free, &[("from", "11:15"), ("to", "12:00")]).await.status(), StatusCode::SEE_OTHER);
    let (place, panel): (String, i64) = sqlx::query_as(
        "SELECT place, (SELECT count(*) FROM interview_panel WHERE slot_id = $1) FROM interview_slots WHERE id = $1",
    )
    .bind(slots[0])
    .fetch_one(&s.app.pool)
    .await
    .unwrap();
    assert_eq!((place.as_str(), panel), ("Lokale 10", 1));
    let page = s.staff.get(&format!("/admin/intakes/{}", s.intake_id)).await.text().await.unwrap();
    assert!(page.contains("11.15-12.00"));
}
