//! Runs a journey of `tests/browser/` in headless Chromium against a test app.
use std::path::PathBuf;

use tokio::process::Command;

use super::TestApp;

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Where the journeys' screenshots go: `screenshots/` in cargo's target
/// directory (`CARGO_TARGET_DIR` or `./target`), kept by CI as an artefact.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("screenshots")
}

/// Installs the harness's npm packages from the lockfile on first use.
async fn ensure_packages() {
    let dir = browser_dir();
    if dir.join("node_modules/playwright-core").exists() && dir.join("node_modules/vnu-jar").exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"])
        .current_dir(&dir)
        .status()
        .await
        .expect("npm runs (install Node.js and npm: apt install nodejs npm)");
    assert!(status.success(), "npm ci in tests/browser failed");
}

/// Runs `journeys/{name}.mjs` at phone and desktop width; fails with every
/// problem found (journey steps, axe violations, HTML errors).
pub async fn run_journey(app: &TestApp, name: &str, mut data: serde_json::Value) {
    ensure_packages().await;
    data["mailApi"] = serde_json::Value::String(app.smtp.serve_http().await);
    let output = Command::new("node")
        .arg("run.mjs")
        .args(["--base-url", &app.base_url, "--journey", name, "--data", &data.to_string()])
        .env("SCREENSHOT_DIR", screenshot_dir())
        .current_dir(browser_dir())
        .output()
        .await
        .expect("node runs (install Node.js: apt install nodejs)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "journey {name} failed:\n{stdout}\n{stderr}");
    println!("{stdout}");
}
