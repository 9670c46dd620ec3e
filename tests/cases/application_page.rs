//! The application page (issue 17, item 12): what can be done now comes
//! first, in one panel, before the long answers; the offer reads as a sentence.
use optag::domain::staff::Role;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

#[tokio::test]
async fn the_actions_come_first_in_one_panel_and_the_offer_reads_as_a_sentence() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T08:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let outside = submit(&app, &demo.intake_slug, "kbh@example.dk", &[("municipality", "101")]).await;
    let page = lone.get(&format!("/admin/applications/{outside}")).await.text().await.unwrap();

    let at = |needle: &str| page.find(needle).unwrap_or_else(|| panic!("{needle} on the page"));
    let panel = at("data-actions");
    let panel_end = panel + page[panel..].find("</aside>").unwrap();
    for action in ["/invite\"", "/offer\"", "/waitlist\"", "/status\""] {
        let form = at(&format!("action=\"/admin/applications/{outside}{action}"));
        assert!(panel < form && form < panel_end, "{action} is in the panel");
    }
    assert!(
        panel_end < at("id=\"answers\"") && panel_end < at("id=\"notes\""),
        "the panel comes before the long parts"
    );
    assert!(page.contains(">Tilbyd en plads på det valgte hold</button>"));
    assert!(page[panel..panel_end].contains("href=\"#eligibility\">1 krav skal stadig tjekkes"));
    for hook in ["name=\"cohort\"", "name=\"status\"", "name=\"reason\"", "data-criterion=\"residence\""] {
        assert!(page.contains(hook), "{hook} kept");
    }
}

#[tokio::test]
async fn a_form_on_the_application_page_sent_with_a_mistake_says_it_in_the_summary_and_beside_the_field() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let lone = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let outside = submit(&app, &demo.intake_slug, "kbh@example.dk", &[("municipality", "101")]).await;
    let base = format!("/admin/applications/{outside}");
    for (path, form, id) in [
        ("/notes", vec![("body", "")], "f-body"),
        ("/verifications", vec![("criterion", "residence"), ("note", "")], "v-residence"),
    ] {
        let r = lone.post(&format!("{base}{path}"), &form).await;
        assert_eq!(r.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let page = r.text().await.unwrap();
        let summary = &page[page.find("class=\"error-summary\"").expect("a summary")..];
        assert!(summary.contains("Der er noget, du skal rette") && summary.contains(&format!("href=\"#{id}\"")));
        assert!(page.contains(&format!("id=\"{id}\"")), "#{id} exists");
        assert!(page.contains(&format!("class=\"field-error\" id=\"{id}-error\"")), "{path}: beside the field");
    }
}
