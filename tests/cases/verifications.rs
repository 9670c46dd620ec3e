//! Closing what the pre-check left to verify: a verdict with who, when and a
//! sealed note; the breakdown then says `met` or `not_met`.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

const CANARY: &str = "KANARIE-JOBCENTER-55";

/// An applicant from Copenhagen: residence is to verify (the municipality must approve and pay).
async fn outside_applicant() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let slug = app.load_demo().await.intake_slug;
    let reference =
        submit(&app, &slug, "jens@example.dk", &[("full_name", "Jens Holm"), ("municipality", "101")]).await;
    (app, reference)
}

fn holds(raw: &[u8], needle: &str) -> bool {
    raw.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn confirming_residence_records_the_municipality_paying_with_who_when_sealed_and_audited() {
    let (app, reference) = outside_applicant().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let path = format!("/admin/applications/{reference}");
    let before = staff.get(&path).await.text().await.unwrap();
    assert!(before.contains(r#"data-criterion="residence" data-outcome="to_verify""#));
    assert!(before.contains(r#"action="/admin/applications/"#) && before.contains(r#"value="residence""#));

    app.clock.set("2026-11-23T12:20:00Z".parse().unwrap());
    let note = format!("Aftalt med jobcentret {CANARY}");
    let form = [("criterion", "residence"), ("outcome", "confirmed"), ("note", note.as_str())];
    let response = staff.post(&format!("{path}/verifications"), &form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let after = staff.get(&path).await.text().await.unwrap();
    assert!(after.contains(r#"data-criterion="residence" data-outcome="met""#), "{after}");
    assert!(after.contains("Hjemkommunen har sagt ja og betaler. Skrevet af Lone Ravn, "), "{after}");
    assert!(after.contains("23. november 2026 kl. 13.20") && after.contains(CANARY));

    let (summary, open): (String, Option<i16>) =
        sqlx::query_as("SELECT eligibility_summary, open_verifications FROM applications WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((summary.as_str(), open), ("no_concerns", Some(0)));
    let raw: Vec<u8> =
        sqlx::query_scalar("SELECT record_sealed FROM eligibility_verifications").fetch_one(&app.pool).await.unwrap();
    for word in [CANARY, "residence", "confirmed"] {
        assert!(!holds(&raw, word), "{word} readable in the sealed record");
    }
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'eligibility_verified'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn only_a_criterion_still_to_verify_can_be_closed() {
    let (app, reference) = outside_applicant().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let url = format!("/admin/applications/{reference}/verifications");
    for key in ["min_age", "motivation", "no_such_criterion"] {
        let response = staff.post(&url, &[("criterion", key), ("outcome", "confirmed"), ("note", "")]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT, "{key}");
    }
    let unclear = staff.post(&url, &[("criterion", "residence"), ("outcome", "maybe"), ("note", "")]).await;
    assert_eq!(unclear.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unclear.text().await.unwrap().contains(r#"id="v-residence-error""#));

    let refused = staff.post(&url, &[("criterion", "residence"), ("outcome", "not_confirmed"), ("note", "")]).await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(page.contains(r#"data-criterion="residence" data-outcome="not_met""#));
    assert!(page.contains("Tjekket – passer ikke. Skrevet af Lone Ravn"));
    let again = staff.post(&url, &[("criterion", "residence"), ("outcome", "confirmed"), ("note", "")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    let interviewer = StaffClient::signed_in(&app, "samtale@example.dk", Role::Interviewer).await;
    let forbidden = interviewer.post(&url, &[("criterion", "residence"), ("outcome", "confirmed")]).await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}
