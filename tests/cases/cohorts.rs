//! Cohorts of at most eight: offers under concurrency, answers by link, the
//! waiting list, the teaching schedule and its calendar feed.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

struct Setup {
    app: TestApp,
    staff: StaffClient,
    cohort: i64,
}

/// The demo intake with a cohort starting Monday 20 September 2027, created through the contract.
async fn setup() -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let intake = app.load_demo().await.intake_id;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let created = staff
        .post(&format!("/admin/intakes/{intake}/cohorts"), &[("name", "Efterår 2027"), ("start_date", "2027-09-20")])
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let cohort = location.trim_start_matches("/admin/cohorts/").parse().unwrap();
    Setup { app, staff, cohort }
}

async fn applicants(s: &Setup, n: usize) -> Vec<String> {
    let mut refs = Vec::new();
    for i in 0..n {
        refs.push(submit(&s.app, "randers-2027", &format!("p{i}@example.dk"), &[]).await);
    }
    refs
}

async fn offer(s: &Setup, reference: &str) -> StatusCode {
    s.staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &s.cohort.to_string())]).await.status()
}

async fn offer_link(s: &Setup, email: &str) -> String {
    let mails = s.app.smtp.mails_to(email, 2).await;
    mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).expect("an offer").link_path("/offers/")
}

#[tokio::test]
async fn ten_offers_at_once_into_eight_seats_give_eight_on_two_instances() {
    let s = setup().await;
    let refs = applicants(&s, 10).await;
    let second = TestApp::spawn_second_instance(&s.app).await;
    let second_url = format!("http://{}", second.address);
    let mut tasks = tokio::task::JoinSet::new();
    for (i, reference) in refs.iter().enumerate() {
        let client = s.staff.client.clone();
        // The coordinator's session lives in the shared database: either instance serves it.
        let base = if i % 2 == 0 { s.app.base_url.clone() } else { second_url.clone() };
        let (url, cohort) = (format!("{base}/admin/applications/{reference}/offer"), s.cohort.to_string());
        let origin = base.clone();
        tasks.spawn(async move {
            client.post(url).header("origin", origin).form(&[("cohort", cohort)]).send().await.unwrap().status()
        });
    }
    let statuses = tasks.join_all().await;
    assert_eq!(statuses.iter().filter(|st| **st == StatusCode::SEE_OTHER).count(), 8, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|st| **st == StatusCode::CONFLICT).count(), 2, "{statuses:?}");
    let live: i64 = sqlx::query_scalar("SELECT count(*) FROM cohort_offers WHERE status = 'offered'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(live, 8);
}

#[tokio::test]
async fn accept_admits_decline_frees_the_seat_and_answering_twice_is_409() {
    let s = setup().await;
    let refs = applicants(&s, 9).await;
    for r in &refs[..8] {
        assert_eq!(offer(&s, r).await, StatusCode::SEE_OTHER);
    }
    let full =
        s.staff.post(&format!("/admin/applications/{}/offer", refs[8]), &[("cohort", &s.cohort.to_string())]).await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    assert!(full.text().await.unwrap().contains("venteliste"), "suggests the waiting list");

    let accept = offer_link(&s, "p0@example.dk").await;
    assert!(s.app.get(&accept).await.text().await.unwrap().contains("jeg tager pladsen"));
    assert_eq!(s.app.post_form(&accept, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.app.post_form(&accept, &[("decision", "decline")]).await.status(), StatusCode::CONFLICT);
    let decline = offer_link(&s, "p1@example.dk").await;
    assert_eq!(s.app.post_form(&decline, &[("decision", "decline")]).await.status(), StatusCode::SEE_OTHER);

    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM applications WHERE reference = ANY($1) ORDER BY reference")
            .bind(&refs[..2])
            .fetch_all(&s.app.pool)
            .await
            .unwrap();
    assert_eq!(statuses, ["admitted", "declined"]);
    assert!(s.app.smtp.mails_to("p0@example.dk", 3).await.iter().any(|m| m.subject == "Velkommen på holdet"));
    assert_eq!(offer(&s, &refs[8]).await, StatusCode::SEE_OTHER, "the declined seat is free again");
}

#[tokio::test]
async fn an_unanswered_offer_lapses_at_the_end_of_the_seventh_day_and_frees_its_seat() {
    let s = setup().await;
    let refs = applicants(&s, 2).await;
    offer(&s, &refs[0]).await;
    let link = offer_link(&s, "p0@example.dk").await;
    s.app.clock.advance(chrono::Duration::days(7));
    assert_eq!(s.app.get(&link).await.status(), StatusCode::OK, "the seventh day is whole");
    // Midnight after Monday 30 November 2026, Danish time.
    s.app.clock.set("2026-11-30T23:00:00Z".parse().unwrap());
    assert_eq!(s.app.get(&link).await.status(), StatusCode::GONE);
    let staff = StaffClient::signed_in(&s.app, "anne@example.dk", Role::Coordinator).await;
    let r = staff.post(&format!("/admin/applications/{}/offer", refs[1]), &[("cohort", &s.cohort.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.app.post_form(&link, &[("decision", "accept")]).await.status(), StatusCode::GONE);
}

#[tokio::test]
async fn offers_only_from_the_statuses_the_contract_names() {
    let s = setup().await;
    let refs = applicants(&s, 1).await;
    s.staff
        .post(&format!("/admin/applications/{}/status", refs[0]), &[("status", "rejected"), ("reason", "Nej")])
        .await;
    assert_eq!(offer(&s, &refs[0]).await, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_waiting_list_is_ordered_and_tells_people_where_they_stand() {
    let s = setup().await;
    let refs = applicants(&s, 3).await;
    for r in &refs {
        assert_eq!(
            s.staff.post(&format!("/admin/applications/{r}/waitlist"), &[]).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    let mail = s.app.smtp.mails_to("p2@example.dk", 2).await;
    assert!(mail.iter().any(|m| m.subject.starts_with("Du er på ventelisten") && m.text.contains("nummer 3")));
    s.staff.post(&format!("/admin/cohorts/{}/waiting/{}/up", s.cohort, refs[2]), &[]).await;
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    let (a, b) = (page.find(&refs[2]).unwrap(), page.find(&refs[1]).unwrap());
    assert!(a < b, "moved up past the second");
    assert_eq!(offer(&s, &refs[2]).await, StatusCode::SEE_OTHER, "a waitlisted applicant can be offered the place");
}

#[tokio::test]
async fn the_schedule_has_26_sessions_to_15_december_and_a_calendar_in_local_time() {
    let s = setup().await;
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    assert!(page.contains("26 gange, 78 timer i alt.") && page.contains("onsdag den 15. december 2027"));
    let ics = s.staff.get(&format!("/admin/cohorts/{}/schedule.ics", s.cohort)).await.text().await.unwrap();
    let calendar: icalendar::Calendar = ics.parse().expect("RFC 5545");
    assert!(calendar.components.len() >= 26 + 5);
    // 09:00 Copenhagen is 07:00 UTC in summer time and 08:00 UTC in winter time.
    assert!(ics.contains("DTSTART:20270920T070000Z") && ics.contains("DTEND:20270920T100000Z"));
    assert!(ics.contains("DTSTART:20271215T080000Z") && ics.contains("DTEND:20271215T110000Z"));
    // Across the autumn clock change (31 October 2027), read by two parsers.
    if let Some(read) = crate::support::ics::check(&ics) {
        read.assert_plain();
        let starts: Vec<&str> = read.events.iter().filter_map(|e| e.dtstart.as_deref()).collect();
        assert!(
            starts.contains(&"2027-10-27T07:00:00+00:00") && starts.contains(&"2027-11-01T08:00:00+00:00"),
            "{starts:?}"
        );
    }
}

#[tokio::test]
async fn school_holidays_move_sessions_to_the_end_and_the_cohort_can_be_renamed() {
    let s = setup().await;
    let path = format!("/admin/cohorts/{}", s.cohort);
    let edit = [("name", "Hold A"), ("start_date", "2027-09-20"), ("school_holidays", "2027-10-18, 2027-10-20")];
    assert_eq!(s.staff.post(&path, &edit).await.status(), StatusCode::SEE_OTHER);
    let page = s.staff.get(&path).await.text().await.unwrap();
    assert!(page.contains("Hold A") && page.contains("26 gange") && page.contains("onsdag den 22. december 2027"));
    assert!(!page.contains("mandag den 18. oktober 2027"));
    let bad =
        s.staff.post(&path, &[("name", "Hold A"), ("start_date", "2027-09-20"), ("school_holidays", "18/10")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn attendance_is_recorded_per_session_and_a_low_share_is_flagged_where_required() {
    let s = setup().await;
    let refs = applicants(&s, 1).await;
    offer(&s, &refs[0]).await;
    s.app.post_form(&offer_link(&s, "p0@example.dk").await, &[("decision", "accept")]).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM applications").fetch_one(&s.app.pool).await.unwrap();
    let session = |n: u32| format!("/admin/cohorts/{}/sessions/{n}", s.cohort);
    assert!(
        s.staff
            .get(&session(1))
            .await
            .text()
            .await
            .unwrap()
            .contains("Fremmøde 1. gang, mandag den 20. september 2027")
    );
    assert_eq!(s.staff.post(&session(1), &[("present", &id.to_string())]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.staff.post(&session(2), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.staff.post(&session(27), &[]).await.status(), StatusCode::NOT_FOUND, "there are 26 sessions");
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    assert!(page.contains("1 af 2 gange (50 %)") && !page.contains("Under kravet"));
    sqlx::query("UPDATE programmes SET attendance_threshold_percent = 80").execute(&s.app.pool).await.unwrap();
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    assert!(page.contains("Under kravet på 80 %"));
}

#[tokio::test]
async fn rejections_are_mailed_only_when_released_and_admission_brings_a_personal_feed() {
    let s = setup().await;
    let refs = applicants(&s, 2).await;
    s.staff
        .post(&format!("/admin/applications/{}/status", refs[0]), &[("status", "rejected"), ("reason", "Intern grund")])
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        !s.app.smtp.mails().await.iter().any(|m| m.subject.starts_with("Svar på din ansøgning")),
        "nothing before release"
    );
    let intake: i64 = sqlx::query_scalar("SELECT id FROM intakes").fetch_one(&s.app.pool).await.unwrap();
    assert_eq!(s.staff.post(&format!("/admin/intakes/{intake}/release"), &[]).await.status(), StatusCode::SEE_OTHER);
    let letter = s
        .app
        .smtp
        .mails_to("p0@example.dk", 2)
        .await
        .into_iter()
        .find(|m| m.subject.starts_with("Svar på din ansøgning"))
        .unwrap();
    assert!(!letter.text.contains("Intern grund"), "the reason stays internal");
    s.staff.post(&format!("/admin/intakes/{intake}/release"), &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(s.app.smtp.mails_to("p0@example.dk", 2).await.len(), 2, "released once");

    offer(&s, &refs[1]).await;
    s.app.post_form(&offer_link(&s, "p1@example.dk").await, &[("decision", "accept")]).await;
    let welcome =
        s.app.smtp.mails_to("p1@example.dk", 3).await.into_iter().find(|m| m.subject == "Velkommen på holdet").unwrap();
    let feed = s.app.get(&welcome.link_path("/feeds/")).await;
    assert_eq!(feed.status(), StatusCode::OK);
    let feed = feed.text().await.unwrap();
    assert!(feed.parse::<icalendar::Calendar>().is_ok());
    if let Some(read) = crate::support::ics::check(&feed) {
        read.assert_plain();
        assert!(!read.events.is_empty());
    }
    assert_eq!(s.app.get(&format!("/feeds/{}", "F".repeat(43))).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_confirmed_placement_mails_the_supervisor_the_practicum_dates() {
    let s = setup().await;
    let refs = applicants(&s, 1).await;
    offer(&s, &refs[0]).await;
    s.app.post_form(&offer_link(&s, "p0@example.dk").await, &[("decision", "accept")]).await;
    let path = format!("/admin/cohorts/{}/placements/{}", s.cohort, refs[0]);
    let incomplete = s.staff.post(&path, &[("site_name", "Bostedet Solhøj"), ("supervisor_email", "nej")]).await;
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(incomplete.text().await.unwrap().contains("Bostedet Solhøj"), "input kept");
    let form = [
        ("site_name", "Bostedet Solhøj"),
        ("site_kind", "municipal"),
        ("address", "Solvej 1, Randers"),
        ("supervisor_name", "Karen Vejleder"),
        ("supervisor_email", "karen@example.dk"),
        ("confirm", "yes"),
    ];
    assert_eq!(s.staff.post(&path, &form).await.status(), StatusCode::SEE_OTHER);
    let mail = &s.app.smtp.mails_to("karen@example.dk", 1).await[0];
    assert!(
        // Due on 20 December 2027, the practicum starts after the Christmas break instead.
        mail.text.contains("mandag den 3. januar 2028") && mail.text.contains("6 timer om ugen"),
        "{}",
        mail.text
    );
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    assert!(page.contains("Bostedet Solhøj (aftalt)"));
    assert_eq!(
        s.staff.get(&format!("/admin/cohorts/{}/placements/2099-0001", s.cohort)).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_coordinator_moves_cancels_and_adds_single_sessions_and_sees_the_hours() {
    let s = setup().await;
    let base = format!("/admin/cohorts/{}", s.cohort);
    let moved = s
        .staff
        .post(&format!("{base}/sessions/1/change"), &[("date", "2027-09-21"), ("from", "10:00"), ("to", "13:00")])
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        s.staff.post(&format!("{base}/sessions/2/change"), &[("cancel", "yes")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = s.staff.get(&base).await.text().await.unwrap();
    assert!(page.contains("25 gange, 75 timer i alt.") && page.contains("tirsdag den 21. september 2027"));
    assert_eq!(
        s.staff
            .post(&format!("{base}/sessions"), &[("date", "2027-12-17"), ("from", "09:00"), ("to", "12:00")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let page = s.staff.get(&base).await.text().await.unwrap();
    assert!(page.contains("26 gange, 78 timer i alt.") && page.contains("fredag den 17. december 2027"));
    let ics = s.staff.get(&format!("{base}/schedule.ics")).await.text().await.unwrap();
    assert!(ics.contains("DTSTART:20270921T080000Z") && !ics.contains("DTSTART:20270922T070000Z"));
    let bad = s
        .staff
        .post(&format!("{base}/sessions/3/change"), &[("date", "2027-09-29"), ("from", "12:00"), ("to", "09:00")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn where_the_intake_wants_it_a_declined_place_goes_to_the_first_waiting_by_itself() {
    let s = setup().await;
    sqlx::query("UPDATE cohorts SET capacity = 1").execute(&s.app.pool).await.unwrap();
    sqlx::query("UPDATE intakes SET auto_offer = true").execute(&s.app.pool).await.unwrap();
    let refs = applicants(&s, 2).await;
    offer(&s, &refs[0]).await;
    s.staff.post(&format!("/admin/applications/{}/waitlist", refs[1]), &[]).await;
    s.app.post_form(&offer_link(&s, "p0@example.dk").await, &[("decision", "decline")]).await;
    let status: String = sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(&refs[1])
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(status, "offered");
    let mails = s.app.smtp.mails_to("p1@example.dk", 3).await;
    assert!(mails.iter().any(|m| m.subject.starts_with("Tilbud om plads")));
}

#[tokio::test]
async fn the_coordinator_chooses_the_follow_up_days_and_supervisions() {
    let s = setup().await;
    let path = format!("/admin/cohorts/{}", s.cohort);
    let edit = [
        ("name", "Hold A"),
        ("start_date", "2027-09-20"),
        ("follow_up_days", "2028-01-24, 2028-02-21"),
        ("supervision_days", "2028-01-26, 2028-02-23"),
    ];
    assert_eq!(s.staff.post(&path, &edit).await.status(), StatusCode::SEE_OTHER);
    let page = s.staff.get(&path).await.text().await.unwrap();
    let days: Vec<chrono::NaiveDate> =
        sqlx::query_scalar("SELECT unnest(follow_up_days) FROM cohorts").fetch_all(&s.app.pool).await.unwrap();
    assert_eq!(days.len(), 2, "stored");
    assert!(
        page.contains("mandag den 24. januar 2028") && page.contains("onsdag den 23. februar 2028"),
        "{}",
        &page[page.find("id=\"practicum\"").unwrap_or(0)..]
    );
    let one = [("name", "Hold A"), ("start_date", "2027-09-20"), ("follow_up_days", "2028-01-24")];
    assert_eq!(s.staff.post(&path, &one).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn two_declines_at_the_same_moment_on_two_instances_offer_both_freed_seats() {
    let s = setup().await;
    sqlx::query("UPDATE intakes SET auto_offer = true").execute(&s.app.pool).await.unwrap();
    let refs = applicants(&s, 10).await;
    for reference in &refs[..8] {
        assert_eq!(offer(&s, reference).await, StatusCode::SEE_OTHER);
    }
    for reference in &refs[8..] {
        s.staff.post(&format!("/admin/applications/{reference}/waitlist"), &[]).await;
    }
    let second = TestApp::spawn_second_instance(&s.app).await;
    let bases = [s.app.base_url.clone(), format!("http://{}", second.address)];
    let links = [offer_link(&s, "p0@example.dk").await, offer_link(&s, "p1@example.dk").await];
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(2));
    let mut tasks = tokio::task::JoinSet::new();
    for (base, link) in bases.into_iter().zip(links) {
        let start = start.clone();
        tasks.spawn(async move {
            let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
            let request = client.post(format!("{base}{link}")).header("origin", base).form(&[("decision", "decline")]);
            start.wait().await;
            request.send().await.unwrap().status()
        });
    }
    let statuses = tasks.join_all().await;
    assert!(statuses.iter().all(|st| *st == StatusCode::SEE_OTHER), "{statuses:?}");
    let waiting: Vec<String> =
        sqlx::query_scalar("SELECT status FROM applications WHERE reference = ANY($1) ORDER BY reference")
            .bind(&refs[8..])
            .fetch_all(&s.app.pool)
            .await
            .unwrap();
    assert_eq!(waiting, ["offered", "offered"], "both waiting got a freed seat");
    let live: i64 = sqlx::query_scalar("SELECT count(*) FROM cohort_offers WHERE status IN ('offered', 'accepted')")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(live, 8, "no seat empty, none over");
}

/// Issue 13: staff ending an application that holds an offer (withdrawn on
/// the person's behalf, or rejected) frees the seat like the applicant's own
/// withdrawal does, and it is passed on where the intake passes places on.
#[tokio::test]
async fn staff_withdrawing_an_offered_person_passes_the_seat_on() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    sqlx::query("UPDATE cohorts SET capacity = 1").execute(&app.pool).await.unwrap();
    sqlx::query("UPDATE intakes SET auto_offer = true").execute(&app.pool).await.unwrap();
    let staff = crate::support::staff::StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let first = crate::support::applicant::submit(&app, &demo.intake_slug, "foerst@example.dk", &[]).await;
    let next = crate::support::applicant::submit(&app, &demo.intake_slug, "naest@example.dk", &[]).await;
    let cohort = demo.cohort_id.to_string();
    let offered = staff.post(&format!("/admin/applications/{first}/offer"), &[("cohort", &cohort)]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    assert_eq!(staff.post(&format!("/admin/applications/{next}/waitlist"), &[]).await.status(), StatusCode::SEE_OTHER);

    let ended = staff
        .post(&format!("/admin/applications/{first}/status"), &[("status", "withdrawn"), ("reason", "ringede")])
        .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let statuses: Vec<(String, String)> =
        sqlx::query_as("SELECT reference, status FROM applications ORDER BY reference")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(statuses, [(first, "withdrawn".to_string()), (next, "offered".to_string())]);
}

/// Issue 17 item 3: declining a place is confirmed on a page of its own;
/// opening that page changes nothing, and once answered it says so (410).
#[tokio::test]
async fn declining_a_place_is_confirmed_on_its_own_page_first() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let reference = submit(&app, &demo.intake_slug, "eva@example.org", &[]).await;
    let cohort = demo.cohort_id.to_string();
    staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &cohort)]).await;
    let mails = app.smtp.mails_to("eva@example.org", 2).await;
    let link = mails.iter().find_map(|m| m.link("/offers/")).unwrap();
    let offer = url::Url::parse(&link).unwrap().path().to_string();

    let page = app.get(&offer).await.text().await.unwrap();
    assert!(
        page.contains(&format!("formmethod=\"get\" formaction=\"{offer}/decline\"")),
        "the decline button leads to the confirmation, it does not answer"
    );
    let confirm = app.get(&format!("{offer}/decline")).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let confirm = confirm.text().await.unwrap();
    assert!(confirm.contains("du kan ikke fortryde det") && confirm.contains("name=\"decision\" value=\"decline\""));
    let status: String = sqlx::query_scalar("SELECT status FROM applications").fetch_one(&app.pool).await.unwrap();
    assert_eq!(status, "offered", "opening the confirmation changes nothing");

    assert_eq!(app.post_form(&offer, &[("decision", "decline")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&format!("{offer}/decline")).await.status(), StatusCode::GONE);
    assert_eq!(app.get(&format!("/offers/{}/decline", "A".repeat(43))).await.status(), StatusCode::NOT_FOUND);
}

/// An applicant invited and assessed by the coordinator, so `interviewed`.
async fn interviewed(s: &Setup, reference: &str, scores: [&str; 4]) {
    let path = |action: &str| format!("/admin/applications/{reference}/{action}");
    assert_eq!(s.staff.post(&path("invite"), &[]).await.status(), StatusCode::SEE_OTHER);
    let names = ["motivation", "reflection", "distance", "competence_building"];
    let form: Vec<(&str, &str)> = names.into_iter().zip(scores).collect();
    assert_eq!(s.staff.post(&path("assessment"), &form).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_cohort_page_shows_interviewed_candidates_with_scores_and_offers_from_there() {
    let s = setup().await;
    let page_path = format!("/admin/cohorts/{}", s.cohort);
    let empty = s.staff.get(&page_path).await.text().await.unwrap();
    assert!(empty.contains("Ingen har fået tilbudt en plads endnu."), "an empty seat table says so");
    assert!(empty.contains("Ingen har sagt ja til en plads endnu."), "no participants says so");
    assert!(empty.contains("Ingen, der har været til samtale, venter på et svar."));
    assert!(!empty.contains("<th scope=\"col\">Første undervisningsdag</th>"), "the dates column is not the first day");
    assert!(empty.contains("<th scope=\"col\">Dato</th>"));

    let refs = applicants(&s, 3).await;
    interviewed(&s, &refs[0], ["2", "2", "3", "2"]).await;
    interviewed(&s, &refs[1], ["4", "3", "3", "4"]).await;
    let page = s.staff.get(&page_path).await.text().await.unwrap();
    let row = |r: &str| {
        page.find(&format!("data-candidate=\"{r}\"")).map(|at| &page[at..at + page[at..].find("</tr>").unwrap()])
    };
    let (best, other) = (row(&refs[1]).expect("a candidate"), row(&refs[0]).expect("a candidate"));
    assert!(page.find(best).unwrap() < page.find(other).unwrap(), "highest total first");
    assert!(best.contains("<td class=\"num\" data-total>14</td>") && other.contains("data-total>9</td>"), "{best}");
    assert!(row(&refs[2]).is_none(), "only interviewed applicants are candidates");
    assert!(best.contains(&format!("action=\"/admin/applications/{}/offer\"", refs[1])), "an offer button each");

    let offered = s
        .staff
        .post(
            &format!("/admin/applications/{}/offer", refs[1]),
            &[("cohort", &s.cohort.to_string()), ("back", "cohort")],
        )
        .await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let back = offered.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&format!("{page_path}?")), "back on the cohort page: {back}");
    let after = s.staff.get(&back).await.text().await.unwrap();
    assert!(after.contains("Pladsen er tilbudt, og tilbuddet er sendt."));
    assert!(!after.contains(&format!("data-candidate=\"{}\"", refs[1])), "offered: no longer a candidate");
    let seats = &after[after.find("id=\"seats\"").unwrap()..after.find("id=\"candidates\"").unwrap()];
    assert!(seats.contains(&refs[1]), "the offer holds a seat");
    assert!(s.app.smtp.mails_to("p1@example.dk", 3).await.iter().any(|m| m.subject.starts_with("Tilbud om plads")));
}
