//! The overview's actions (issue 17, item 9): one click reminds everyone
//! invited and not booked, at most once a day; staff hear of every answer
//! to an offer, by reference and link only.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

#[tokio::test]
async fn one_click_reminds_the_invited_who_have_not_booked_once_a_day() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T08:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        [("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    lone.post(&format!("/admin/intakes/{}/slots", demo.intake_id), &slots).await;
    let slug = &demo.intake_slug;
    let booked = submit(&app, slug, "booket@example.dk", &[]).await;
    let waiting = submit(&app, slug, "venter@example.dk", &[]).await;
    submit(&app, slug, "ny@example.dk", &[]).await;
    for r in [&booked, &waiting] {
        assert_eq!(lone.post(&format!("/admin/applications/{r}/invite"), &[]).await.status(), StatusCode::SEE_OTHER);
    }
    let invitation = app.smtp.mails_to("booket@example.dk", 2).await;
    let book = invitation.iter().find(|m| m.subject.starts_with("Invitation")).unwrap().link_path("/interviews/book/");
    let slot: i64 = sqlx::query_scalar("SELECT min(id) FROM interview_slots").fetch_one(&app.pool).await.unwrap();
    assert_eq!(app.post_form(&book, &[("slot", &slot.to_string())]).await.status(), StatusCode::SEE_OTHER);
    let before = app.smtp.mails_to("venter@example.dk", 2).await;
    let old_link = before.iter().find(|m| m.subject.starts_with("Invitation")).unwrap().link_path("/interviews/book/");

    // The button is beside the count, and one click reminds the one who has not booked.
    let overview = lone.get("/admin").await.text().await.unwrap();
    assert!(overview.contains("action=\"/admin/overview/remind-unbooked\""), "{overview}");
    let sent = lone.post("/admin/overview/remind-unbooked", &[]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let to = sent.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, "/admin?done=reminded&n=1");
    assert!(lone.get(&to).await.text().await.unwrap().contains("1 påmindelse sendt."));

    let mails = app.smtp.mails_to("venter@example.dk", 3).await;
    let nudge = mails.iter().find(|m| m.subject.starts_with("Husk at vælge en tid")).expect("a reminder");
    assert!(nudge.subject.contains(&waiting), "{}", nudge.subject);
    assert!(nudge.text.contains("27. august 2027"), "{}", nudge.text);
    let new_link = nudge.link_path("/interviews/book/");
    assert_ne!(new_link, old_link);
    assert_eq!(app.get(&new_link).await.status(), StatusCode::OK);
    assert_ne!(app.get(&old_link).await.status(), StatusCode::OK, "the old link is superseded");

    // Again at once, and 23 hours later: nobody is reminded twice within a day.
    let again = lone.post("/admin/overview/remind-unbooked", &[]).await;
    assert_eq!(again.headers()["location"], "/admin?done=reminded&n=0");
    assert!(lone.get("/admin?done=reminded&n=0").await.text().await.unwrap().contains("Ingen påmindelser sendt"));
    app.clock.set("2026-11-24T07:59:00Z".parse().unwrap());
    // (A colleague signs in: the morning's session has ended.)
    let lone = StaffClient::signed_in(&app, "mads@example.dk", Role::Coordinator).await;
    let early = lone.post("/admin/overview/remind-unbooked", &[]).await;
    assert_eq!(early.headers()["location"], "/admin?done=reminded&n=0");
    app.clock.set("2026-11-24T08:01:00Z".parse().unwrap());
    let next_day = lone.post("/admin/overview/remind-unbooked", &[]).await;
    assert_eq!(next_day.headers()["location"], "/admin?done=reminded&n=1");
    app.smtp.mails_to("venter@example.dk", 4).await;

    // The one who booked and the one never invited heard nothing more.
    let count =
        |to: &str, all: &[crate::support::smtp_sink::Mail]| all.iter().filter(|m| m.to.iter().any(|t| t == to)).count();
    let all = app.smtp.mails().await;
    assert_eq!(count("booket@example.dk", &all), 3, "receipt, invitation, booking");
    assert_eq!(count("ny@example.dk", &all), 1, "the receipt only");

    // Interviewers may not remind.
    let ida = StaffClient::signed_in(&app, "ida@example.dk", Role::Interviewer).await;
    assert_eq!(ida.post("/admin/overview/remind-unbooked", &[]).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn coordinators_and_admins_hear_of_each_answer_by_reference_only() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T08:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    StaffClient::signed_in(&app, "mads@example.dk", Role::Admin).await;
    StaffClient::signed_in(&app, "ida@example.dk", Role::Interviewer).await;
    let created = lone
        .post(
            &format!("/admin/intakes/{}/cohorts", demo.intake_id),
            &[("name", "Efterår 2027"), ("start_date", "2027-09-20")],
        )
        .await;
    let cohort = created.headers()["location"].to_str().unwrap().trim_start_matches("/admin/cohorts/").to_string();
    let slug = &demo.intake_slug;
    let yes = submit(&app, slug, "ja@example.dk", &[]).await;
    let no = submit(&app, slug, "nej@example.dk", &[]).await;
    for r in [&yes, &no] {
        let sent = lone.post(&format!("/admin/applications/{r}/offer"), &[("cohort", cohort.as_str())]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    }
    for (email, decision) in [("ja@example.dk", "accept"), ("nej@example.dk", "decline")] {
        let mails = app.smtp.mails_to(email, 2).await;
        let link = mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).unwrap().link_path("/offers/");
        assert_eq!(app.post_form(&link, &[("decision", decision)]).await.status(), StatusCode::SEE_OTHER);
    }

    for staff in ["lone@example.dk", "mads@example.dk"] {
        let mails = app.smtp.mails_to(staff, 2).await;
        for (reference, subject) in [(&yes, "Ja tak til pladsen"), (&no, "Nej tak til pladsen")] {
            let mail = mails
                .iter()
                .find(|m| m.subject == format!("{subject} – ansøgning {reference}"))
                .unwrap_or_else(|| panic!("{staff}: {subject}"));
            assert_eq!(mail.link_path("/admin/applications/"), format!("/admin/applications/{reference}"));
            for private in ["Mette", "Sørensen", "@example.dk", "helbred", "misbrug"] {
                assert!(!mail.text.contains(private) && !mail.html.contains(private), "{private} in {}", mail.text);
            }
        }
    }
    let all = app.smtp.mails().await;
    assert!(!all.iter().any(|m| m.to.iter().any(|t| t == "ida@example.dk")), "interviewers are not told");
}
