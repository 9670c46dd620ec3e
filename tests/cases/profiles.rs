//! A form per profile (issue 16, item 2): for each of the six eligibility
//! profiles, a programme with an open intake; its form asks exactly the
//! profile's facts (contract, Version 2), applications with met and unmet
//! answers are stored with those facts only, and the coordinator's breakdown
//! shows the profile's criteria with their outcomes.
use std::collections::BTreeSet;

use chrono::Duration;
use optag::domain::{local_time::local_date, staff::Role};
use scraper::{Html, Selector};

use crate::support::{TestApp, app::NowUtc, applicant, programmes::create_programme_for, staff::StaffClient};

const COMMON: [&str; 11] = [
    "full_name",
    "email",
    "phone",
    "birth_date",
    "municipality",
    "motivation",
    "experience",
    "distance",
    "strengths_limits",
    "expectations",
    "consent",
];

const RANDERS_FACTS: [&str; 7] = [
    "lived_experience",
    "treatment",
    "income_support",
    "caseworker_agreement",
    "active_substance_abuse",
    "dementia",
    "needs_interpreter",
];

/// The facts the form of `profile` asks (the contract's table).
fn facts_of(profile: &str) -> Vec<&'static str> {
    match profile {
        "randers" | "viborg" => RANDERS_FACTS.to_vec(),
        "region-h-peer-course" => vec!["peer_role", "peer_task_share_percent", "works_in_same_team_as_peer"],
        "peer-support-worker" => vec![
            "lived_experience",
            "education_level",
            "weekly_hours_available",
            "in_recovery_since",
            "related_to_people_supported",
        ],
        "recovery-mentor" => vec!["psychiatric_diagnosis", "psychiatric_admissions", "lived_experience"],
        _ => vec!["education_field", "outside_labour_market_due_to_illness", "lived_experience", "willing_to_share"],
    }
}

/// The Randers form plus every other profile's facts, all answered so that they are met.
fn everything_met(app: &TestApp, email: &str, action: &str) -> Vec<(&'static str, String)> {
    let two_years_ago = local_date(app.clock.now_utc()) - Duration::days(730);
    let mut fields = applicant::form(email, action);
    fields = applicant::with(fields, "income_support", "employed");
    fields = applicant::with(fields, "caseworker_agreement", "no_caseworker");
    let more = [
        ("peer_role", "paid_peer".to_string()),
        ("peer_task_share_percent", "70".into()),
        ("works_in_same_team_as_peer", "yes".into()),
        ("education_level", "ninth_grade".into()),
        ("education_field", "health".into()),
        ("weekly_hours_available", "20".into()),
        ("in_recovery_since", two_years_ago.format("%Y-%m-%d").to_string()),
        ("related_to_people_supported", "no".into()),
        ("psychiatric_diagnosis", "yes".into()),
        ("psychiatric_admissions", "2".into()),
        ("outside_labour_market_due_to_illness", "yes".into()),
        ("willing_to_share", "yes".into()),
    ];
    fields.extend(more);
    fields
}

type Case = (&'static [(&'static str, &'static str)], &'static [(&'static str, &'static str)]);

const JUDGED_RANDERS: [(&str, &str); 4] = [
    ("motivation", "for_interview"),
    ("reflection", "for_interview"),
    ("distance", "for_interview"),
    ("competence_building", "for_interview"),
];

/// Per profile: (changes to the all-met answers, the breakdown expected) — met first, then unmet.
fn cases(profile: &str) -> Vec<Case> {
    match profile {
        "randers" | "viborg" => vec![
            (
                &[],
                &[
                    ("min_age", "met"),
                    ("lived_experience", "met"),
                    ("treatment_history", "met"),
                    ("income_support", "met"),
                    ("residence", "met"),
                    ("substance_abuse", "met"),
                    ("dementia", "met"),
                    ("interpreter", "met"),
                ],
            ),
            (
                &[("needs_interpreter", "yes"), ("municipality", "101")],
                &[
                    ("min_age", "met"),
                    ("lived_experience", "met"),
                    ("treatment_history", "met"),
                    ("income_support", "met"),
                    ("residence", "to_verify"),
                    ("substance_abuse", "met"),
                    ("dementia", "met"),
                    ("interpreter", "not_met"),
                ],
            ),
        ],
        "region-h-peer-course" => vec![
            (&[], &[("peer_employment", "met"), ("colleague_same_team", "met"), ("motivation", "for_interview")]),
            (
                &[("peer_task_share_percent", "50")],
                &[("peer_employment", "not_met"), ("colleague_same_team", "met"), ("motivation", "for_interview")],
            ),
            (
                &[("peer_role", "colleague"), ("works_in_same_team_as_peer", "no")],
                &[("peer_employment", "met"), ("colleague_same_team", "not_met"), ("motivation", "for_interview")],
            ),
        ],
        "peer-support-worker" => vec![
            (
                &[],
                &[
                    ("lived_experience", "met"),
                    ("education_level", "met"),
                    ("weekly_hours", "met"),
                    ("recovery_duration", "met"),
                    ("family_relation", "met"),
                    ("motivation", "for_interview"),
                    ("reflection", "for_interview"),
                ],
            ),
            (
                &[("weekly_hours_available", "10"), ("education_level", "below_ninth_grade")],
                &[
                    ("lived_experience", "met"),
                    ("education_level", "not_met"),
                    ("weekly_hours", "not_met"),
                    ("recovery_duration", "met"),
                    ("family_relation", "met"),
                    ("motivation", "for_interview"),
                    ("reflection", "for_interview"),
                ],
            ),
        ],
        "recovery-mentor" => vec![
            (
                &[],
                &[
                    ("psychiatric_diagnosis", "met"),
                    ("admissions", "met"),
                    ("lived_experience", "met"),
                    ("motivation", "for_interview"),
                ],
            ),
            (
                &[("psychiatric_admissions", "0")],
                &[
                    ("psychiatric_diagnosis", "met"),
                    ("admissions", "not_met"),
                    ("lived_experience", "met"),
                    ("motivation", "for_interview"),
                ],
            ),
        ],
        _ => vec![
            (
                &[],
                &[
                    ("relevant_education", "met"),
                    ("outside_labour_market", "met"),
                    ("lived_experience", "met"),
                    ("willing_to_share", "met"),
                    ("motivation", "for_interview"),
                ],
            ),
            (
                &[("education_field", "other"), ("willing_to_share", "no")],
                &[
                    ("relevant_education", "not_met"),
                    ("outside_labour_market", "met"),
                    ("lived_experience", "met"),
                    ("willing_to_share", "not_met"),
                    ("motivation", "for_interview"),
                ],
            ),
        ],
    }
}

/// The names of the fields a person fills in on the form page.
fn form_field_names(page: &str) -> BTreeSet<String> {
    let html = Html::parse_document(page);
    let selector = Selector::parse("form input, form select, form textarea").unwrap();
    html.select(&selector)
        .filter(|e| e.value().attr("type") != Some("hidden"))
        .filter_map(|e| e.value().attr("name").map(str::to_string))
        .filter(|name| name != "keep_for_later")
        .collect()
}

/// The breakdown on the coordinator's application page, in order.
fn breakdown(page: &str) -> Vec<(String, String)> {
    let html = Html::parse_document(page);
    let selector = Selector::parse("[data-criterion]").unwrap();
    html.select(&selector)
        .map(|e| {
            let attr = |name| e.value().attr(name).unwrap_or("").to_string();
            (attr("data-criterion"), attr("data-outcome"))
        })
        .collect()
}

async fn check_profile(app: &TestApp, staff: &StaffClient, profile: &str) {
    let slug = create_programme_for(app, profile).await;
    let form = app.get(&format!("/intakes/{slug}/apply")).await.text().await.unwrap();
    let expected: BTreeSet<String> = COMMON.iter().chain(facts_of(profile).iter()).map(|s| s.to_string()).collect();
    assert_eq!(form_field_names(&form), expected, "{profile}: the form asks exactly its profile's facts");

    for (i, (changes, outcomes)) in cases(profile).into_iter().enumerate() {
        let email = format!("{}-{i}@example.dk", profile.replace('-', "."));
        let mut fields = everything_met(app, &email, "submit");
        for (name, value) in changes {
            fields = applicant::with(fields, name, value);
        }
        let review = applicant::post(app, &slug, &applicant::with(fields.clone(), "action", "review")).await;
        assert_eq!(review.status(), 200, "{profile} case {i}: the review page");
        let review = review.text().await.unwrap();
        let unmet = outcomes.iter().any(|(_, o)| *o == "not_met");
        assert_eq!(review.contains("opfylder du måske ikke alle krav"), unmet, "{profile} case {i}: {review}");

        let sent = applicant::post(app, &slug, &fields).await;
        assert_eq!(sent.status(), 303, "{profile} case {i}: {}", sent.text().await.unwrap());
        let reference: String = sqlx::query_scalar("SELECT reference FROM applications WHERE email_normalised = $1")
            .bind(&email)
            .fetch_one(&app.pool)
            .await
            .unwrap();

        let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
        let mut want: Vec<(String, String)> = outcomes.iter().map(|(k, o)| (k.to_string(), o.to_string())).collect();
        if matches!(profile, "randers" | "viborg") {
            want.extend(JUDGED_RANDERS.iter().map(|(k, o)| (k.to_string(), o.to_string())));
        }
        assert_eq!(breakdown(&page), want, "{profile} case {i}");
        if profile == "peer-support-worker" {
            // The answers in the form's words: this profile's questions, not the Randers ones.
            assert!(page.contains("Hvor mange timer om ugen kan du arbejde?"), "{page}");
            assert!(!page.contains("Har du brug for tolk?"), "{page}");
        }

        let stored = app.health(&reference).await.expect("the health part is kept").facts;
        let stored: Vec<&String> = stored.as_object().unwrap().keys().collect();
        let asked = facts_of(profile);
        assert!(stored.iter().all(|k| asked.contains(&k.as_str())), "{profile}: stored only asked facts: {stored:?}");
        assert!(stored.len() + 1 >= asked.len(), "{profile}: stored the asked facts: {stored:?}");
    }
}

#[tokio::test]
async fn each_profile_has_its_own_form_and_breakdown() {
    let app = TestApp::spawn().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    for profile in
        ["randers", "viborg", "region-h-peer-course", "peer-support-worker", "recovery-mentor", "mb-forloebet"]
    {
        check_profile(&app, &staff, profile).await;
    }
}

#[tokio::test]
async fn numbers_out_of_range_and_future_dates_are_422_with_the_message_beside_the_field() {
    let app = TestApp::spawn().await;
    let slug = create_programme_for(&app, "peer-support-worker").await;
    for (name, value, message) in [
        ("weekly_hours_available", "61", "Skriv et tal fra 0 til 60."),
        ("weekly_hours_available", "-3", "Skriv et tal fra 0 til 60."),
        ("in_recovery_since", "2999-01-01", "Datoen må ikke ligge efter i dag."),
    ] {
        let fields = applicant::with(everything_met(&app, "ole@example.dk", "submit"), name, value);
        let response = applicant::post(&app, &slug, &fields).await;
        assert_eq!(response.status(), 422, "{name}={value}");
        let page = response.text().await.unwrap();
        assert!(page.contains(&format!("id=\"f-{name}-error\"")) && page.contains(message), "{name}: {page}");
        assert!(page.contains(&format!("href=\"#f-{name}\"")), "the summary links to {name}");
    }
    let slug = create_programme_for(&app, "recovery-mentor").await;
    let fields = applicant::with(everything_met(&app, "ole@example.dk", "review"), "psychiatric_admissions", "100");
    assert_eq!(applicant::post(&app, &slug, &fields).await.status(), 422);
}

#[tokio::test]
async fn the_intake_page_says_who_can_apply_what_it_costs_the_steps_and_whom_to_ask() {
    let app = TestApp::spawn().await;
    app.load_demo().await;
    let randers = create_programme_for(&app, "randers").await;
    let page = app.get(&format!("/intakes/{randers}")).await.text().await.unwrap();
    for text in [
        "Hvem kan søge?",
        "Du er fyldt 18 år ved første undervisningsdag.",
        "Du bor i Region Midtjylland.",
        "Bor du uden for Region Midtjylland, skal din kommune sige ja og betale 14.000 kr. for din plads.",
        "Send din ansøgning senest",
        "Vi holder samtaler",
        "Du får svar, når alle samtaler er holdt",
        "Vi begynder",
        "randers@example.dk",
        "recoveryskolen@randers.dk",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let mentor = create_programme_for(&app, "recovery-mentor").await;
    let page = app.get(&format!("/intakes/{mentor}")).await.text().await.unwrap();
    assert!(page.contains("Du har en psykiatrisk diagnose.") && page.contains("Det koster ikke noget at søge."));
    assert!(!page.contains("Du bor i Region"), "no home region: no residence rule");
    assert!(!page.contains("Du er fyldt 18 år"), "not a criterion of the recovery mentor");
    let course = create_programme_for(&app, "region-h-peer-course").await;
    let page = app.get(&format!("/intakes/{course}")).await.text().await.unwrap();
    assert!(page.contains("mindst 67 % af dine opgaver er peer-opgaver"), "{page}");
}

#[tokio::test]
async fn a_draft_keeps_the_profiles_answers_and_drops_facts_the_form_does_not_ask() {
    let app = TestApp::spawn().await;
    let slug = create_programme_for(&app, "peer-support-worker").await;
    let fields = everything_met(&app, "ole@example.dk", "save_draft");
    assert_eq!(applicant::post(&app, &slug, &fields).await.status(), 303);
    let mail = &app.smtp.mails_to("ole@example.dk", 1).await[0];
    let draft_path = mail.link_path("/drafts/");
    let reopened = app.get(&draft_path).await.text().await.unwrap();
    assert!(reopened.contains(r#"name="weekly_hours_available" type="text" value="20""#), "{reopened}");
    assert!(!reopened.contains(r#"name="dementia""#), "not a question of this form");

    let token = draft_path.trim_start_matches("/drafts/");
    let draft = optag::storage::drafts::by_token(&app.pool, &app.key().await, &optag::tokens::hash(token))
        .await
        .unwrap()
        .expect("the draft");
    assert_eq!(draft.fields.weekly_hours_available, "20");
    assert_eq!(draft.fields.related_to_people_supported, "no");
    assert!(draft.fields.dementia.is_empty() && draft.fields.treatment.is_empty(), "unasked facts are not kept");
    assert!(draft.fields.peer_role.is_empty() && draft.fields.willing_to_share.is_empty());
}
