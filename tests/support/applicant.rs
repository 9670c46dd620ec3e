//! Applicants for the tests: the application form filled in as the contract names it.
use crate::support::TestApp;

pub fn form(email: &str, action: &str) -> Vec<(&'static str, String)> {
    [
        ("full_name", "Mette Sørensen"),
        ("email", email),
        ("phone", "12 34 56 78"),
        ("birth_date", "1990-05-31"),
        ("municipality", "730"),
        ("lived_experience", "yes"),
        ("treatment", "psychiatric_outpatient"),
        ("treatment", "municipal_support"),
        ("income_support", "cash_benefit"),
        ("caseworker_agreement", "yes"),
        ("active_substance_abuse", "no"),
        ("dementia", "no"),
        ("needs_interpreter", "no"),
        ("motivation", "Jeg vil give håb videre. HEMMELIG-MOTIVATION"),
        ("experience", "Mine egne erfaringer."),
        ("distance", "Jeg har fået afstand."),
        ("strengths_limits", "Jeg kender mine grænser."),
        ("expectations", ""),
        ("consent", "yes"),
        ("action", action),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

pub fn with(mut fields: Vec<(&'static str, String)>, name: &'static str, value: &str) -> Vec<(&'static str, String)> {
    fields.retain(|(k, _)| *k != name);
    fields.push((name, value.to_string()));
    fields
}

pub async fn post(app: &TestApp, slug: &str, fields: &[(&'static str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(&format!("/intakes/{slug}/apply"), &pairs).await
}

/// Submits a complete application for `email`; returns its reference.
pub async fn submit(app: &TestApp, slug: &str, email: &str, changes: &[(&'static str, &str)]) -> String {
    let mut fields = form(email, "submit");
    for (name, value) in changes {
        fields = with(fields, name, value);
    }
    let response = post(app, slug, &fields).await;
    assert_eq!(response.status(), 303, "submit for {email}");
    sqlx::query_scalar("SELECT reference FROM applications WHERE email_normalised = lower($1)")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}
