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
    assert!(page[panel..panel_end].contains("href=\"#eligibility\">1 krav mangler at blive kontrolleret"));
    for hook in ["name=\"cohort\"", "name=\"status\"", "name=\"reason\"", "data-criterion=\"residence\""] {
        assert!(page.contains(hook), "{hook} kept");
    }
}
