//! Journeys in headless Chromium; axe-core and the Nu Html Checker on every page.
use serde_json::json;

use crate::support::{TestApp, browser::run_journey};

#[tokio::test]
async fn public_pages_work_by_mouse_and_keyboard_and_are_accessible_and_valid() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    run_journey(&app, "public", json!({ "intakeSlug": demo.intake_slug })).await;
}
