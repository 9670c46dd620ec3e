//! Issue 17 item 4: every form's errors follow one pattern, a summary that says
//! what to fix (linking to the field) and the message beside the field.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp, applicant,
    programmes::{open_intake, region_h},
    staff::StaffClient,
};

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

/// The summary's links (`#id`), each to an element that exists on the page
/// and carries its message beside it (`class="field-error" id="{id}-error"`).
fn assert_one_pattern(form: &str, page: &str) {
    assert!(!page.contains("Noget gik galt"), "{form}: a summary that says what to fix, not that something went wrong");
    let start = page.find("class=\"error-summary\"").unwrap_or_else(|| panic!("{form}: no error summary"));
    let summary = &page[start..start + page[start..].find("</div>").unwrap()];
    assert!(summary.contains("Der er noget, du skal rette"), "{form}: the summary's title\n{summary}");
    let ids: Vec<&str> = summary.split("href=\"#").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(!ids.is_empty(), "{form}: the summary links to the fields\n{summary}");
    for id in ids {
        assert!(page.contains(&format!("id=\"{id}\"")), "{form}: #{id} is on the page");
        assert!(page.contains(&format!("class=\"field-error\" id=\"{id}-error\"")), "{form}: the message beside #{id}");
    }
}

#[tokio::test]
async fn every_public_form_says_what_to_fix_in_a_summary_linking_to_fields_that_carry_the_message() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let slug = &demo.intake_slug;
    let mut pages: Vec<(&str, reqwest::Response)> = Vec::new();

    let signup = format!("/info-meetings/{}/signups", demo.info_meeting_id);
    pages.push(("info-meeting sign-up", app.post_form(&signup, &[("name", ""), ("email", "ib@")]).await));
    pages.push(("notify me", app.post_form("/notify", &[("email", "ikke en adresse")]).await));
    pages.push(("own-page link", app.post_form("/my-application", &[("email", "nej")]).await));
    let bad = applicant::with(applicant::form("mette@", "submit"), "full_name", "");
    pages.push(("apply", applicant::post(&app, slug, &bad).await));

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let slots =
        [("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")];
    staff.post(&format!("/admin/intakes/{}/slots", demo.intake_id), &slots).await;
    let reference = applicant::submit(&app, slug, "eva@example.org", &[]).await;
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let mails = app.smtp.mails_to("eva@example.org", 2).await;
    let book = mails.iter().find_map(|m| m.link("/interviews/book/")).unwrap();
    let book = url::Url::parse(&book).unwrap().path().to_string();
    pages.push(("interview booking without a time", app.post_form(&book, &[("accommodations", "")]).await));

    open_intake(&app, &region_h(), "region-h-2027").await;
    let enrol = [("enroller_kind", "employer"), ("enroller_email", "nej")];
    pages.push(("enrolment", app.post_form("/intakes/region-h-2027/enrol", &enrol).await));

    for (form, response) in pages {
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form}");
        assert_one_pattern(form, &response.text().await.unwrap());
    }
}
