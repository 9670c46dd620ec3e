//! Retention: what is due is deleted (applications become anonymous numbers),
//! nothing before its time, and the purge is audited with counts only.
use chrono::Duration;
use reqwest::StatusCode;

use optag::domain::{retention::Periods, staff::Role};

use crate::support::{TestApp, applicant::submit, staff::StaffClient};

#[tokio::test]
async fn the_purge_deletes_exactly_what_is_due_and_audits_the_counts() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let rejected = submit(&app, &demo.intake_slug, "afvist@example.dk", &[]).await;
    let kept = submit(&app, &demo.intake_slug, "optaget@example.dk", &[]).await;
    sqlx::query("UPDATE applications SET status = 'admitted' WHERE reference = $1")
        .bind(&kept)
        .execute(&app.pool)
        .await
        .unwrap();
    let draft = app
        .post_form(
            &format!("/intakes/{}/apply", demo.intake_slug),
            &[("email", "kladde@example.dk"), ("action", "save_draft")],
        )
        .await;
    assert_eq!(draft.status(), StatusCode::SEE_OTHER);
    app.post_form(
        &format!("/info-meetings/{}/signups", demo.info_meeting_id),
        &[("name", "Mette"), ("email", "m@example.dk")],
    )
    .await;

    // Coordinators see when an application will go.
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let page = staff.get(&format!("/admin/applications/{rejected}")).await.text().await.unwrap();
    assert!(page.contains("slettes ansøgningen automatisk mandag den 20. marts 2028"), "{page}");
    let page = staff.get(&format!("/admin/applications/{kept}")).await.text().await.unwrap();
    assert!(page.contains("slettes automatisk 12 måneder efter, at holdets praktik er slut"), "{page}");

    // Six months after the first teaching day (20 September 2027), less a second: nothing of the applications.
    let start_midnight: chrono::DateTime<chrono::Utc> = "2027-09-19T22:00:00Z".parse().unwrap();
    let before =
        optag::jobs::purge(&app.pool, &Periods::default(), start_midnight + Duration::days(183) - Duration::seconds(1))
            .await
            .unwrap();
    assert_eq!(before.applications, 0);
    assert_eq!(
        (before.drafts, before.meeting_signups),
        (1, 1),
        "drafts after 30 days, sign-ups 8 weeks after the meeting"
    );
    let after = optag::jobs::purge(&app.pool, &Periods::default(), start_midnight + Duration::days(183)).await.unwrap();
    assert_eq!(after.applications, 1);

    let left: Vec<String> =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_all(&app.pool).await.unwrap();
    assert_eq!(left, [kept], "the admitted stay");
    let stats: (String, i64) = sqlx::query_as("SELECT outcome, count(*) FROM application_statistics GROUP BY outcome")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stats, ("submitted".to_string(), 1));
    let audits: Vec<serde_json::Value> =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'retention_purge' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(audits.len(), 2);
    assert_eq!(audits[1]["applications"], 1);
    assert!(!audits.iter().any(|a| a.to_string().contains("example.dk")), "counts, never who");
}

#[tokio::test]
async fn participants_are_deleted_a_year_after_their_cohorts_practicum_ends() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let participant = submit(&app, &demo.intake_slug, "deltager@example.dk", &[]).await;
    let offered = staff
        .post(&format!("/admin/applications/{participant}/offer"), &[("cohort", &demo.cohort_id.to_string())])
        .await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let mails = app.smtp.mails_to("deltager@example.dk", 2).await;
    let offer = mails.iter().find_map(|m| m.link("/offers/")).expect("an offer mail");
    let offer = url::Url::parse(&offer).unwrap().path().to_string();
    assert_eq!(app.post_form(&offer, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);

    // Teaching 20 September - 15 December 2027, practicum (after the Christmas break)
    // 3 January - 31 March 2028: due at local midnight starting 1 April 2028, plus 365 days.
    let due: chrono::DateTime<chrono::Utc> = "2029-03-31T22:00:00Z".parse().unwrap();
    let before = optag::jobs::purge(&app.pool, &Periods::default(), due - Duration::minutes(1)).await.unwrap();
    assert_eq!(before.participants, 0);
    let after = optag::jobs::purge(&app.pool, &Periods::default(), due).await.unwrap();
    assert_eq!(after.participants, 1);

    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM applications").fetch_one(&app.pool).await.unwrap();
    let outcome: String =
        sqlx::query_scalar("SELECT outcome FROM application_statistics").fetch_one(&app.pool).await.unwrap();
    assert_eq!((left, outcome.as_str()), (0, "participant"));
    let audited: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'retention_purge' ORDER BY id DESC LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited["participants"], 1);
}
