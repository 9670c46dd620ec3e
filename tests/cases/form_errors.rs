//! Issue 17 item 4: every form's errors follow one pattern, a summary that says
//! what to fix (linking to the field) and the message beside the field.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant, staff::StaffClient};

fn follows_the_pattern(page: &str, field_id: &str) -> bool {
    page.contains("Der er noget, du skal rette")
        && page.contains(&format!("href=\"#{field_id}\""))
        && page.contains(&format!("class=\"field-error\" id=\"{field_id}-error\""))
}

#[tokio::test]
async fn a_sign_up_and_a_booking_with_a_mistake_say_what_to_fix_in_a_summary_and_beside_the_field() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;

    let signup = app
        .post_form(&format!("/info-meetings/{}/signups", demo.info_meeting_id), &[("name", "Ib"), ("email", "ib@")])
        .await;
    assert_eq!(signup.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = signup.text().await.unwrap();
    assert!(follows_the_pattern(&page, "f-email"), "sign-up errors beside the field");
    assert!(!page.contains("Noget gik galt"));

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        [("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    staff.post(&format!("/admin/intakes/{}/slots", demo.intake_id), &slots).await;
    let reference = applicant::submit(&app, &demo.intake_slug, "eva@example.org", &[]).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let mails = app.smtp.mails_to("eva@example.org", 2).await;
    let link = mails.iter().find_map(|m| m.link("/interviews/book/")).unwrap();
    let path = url::Url::parse(&link).unwrap().path().to_string();
    let booked = app.post_form(&path, &[("accommodations", "")]).await;
    assert_eq!(booked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = booked.text().await.unwrap();
    assert!(follows_the_pattern(&page, "slots"), "no time chosen: said beside the list of times");
}
