//! Privacy: health data sealed at rest, bound to its row, re-sealed on key rotation.
use reqwest::StatusCode;
use serde_json::Value;

use optag::{config::SecretKey, domain::staff::Role, startup};

use crate::support::{TestApp, app::settings, applicant::submit, staff::StaffClient};

const CANARY: &str = "KANARIE-7431";

fn holds(raw: &[u8], needle: &str) -> bool {
    raw.windows(needle.len()).any(|w| w == needle.as_bytes())
}

async fn raw_columns(app: &TestApp, reference: &str) -> (Vec<u8>, Vec<u8>, Vec<u8>, Option<Value>, Option<Value>) {
    sqlx::query_as(
        "SELECT facts_sealed, answers_sealed, eligibility_sealed, facts, answers FROM applications WHERE reference = $1",
    )
    .bind(reference)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn health_fields_are_ciphertext_in_the_database_and_readable_on_the_page() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let motivation = format!("{CANARY} jeg vil give håb videre");
    let reference = submit(&app, &demo.intake_slug, "sealed@example.dk", &[("motivation", &motivation)]).await;

    let (facts, answers, eligibility, plain_facts, plain_answers) = raw_columns(&app, &reference).await;
    assert!(plain_facts.is_none() && plain_answers.is_none(), "no plaintext copy is kept");
    for raw in [&facts, &answers, &eligibility] {
        for word in [CANARY, "psychiatric", "lived_experience", "dementia", "motivation", "min_age"] {
            assert!(!holds(raw, word), "{word} readable in a sealed column");
        }
    }

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(page.contains(&motivation), "{page}");
    assert!(page.contains(r#"data-criterion="min_age""#), "{page}");
}

#[tokio::test]
async fn a_sealed_answer_copied_to_another_row_does_not_open() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let first = submit(&app, &demo.intake_slug, "first@example.dk", &[("motivation", CANARY)]).await;
    let second = submit(&app, &demo.intake_slug, "second@example.dk", &[]).await;
    sqlx::query(
        "UPDATE applications SET answers_sealed = (SELECT answers_sealed FROM applications WHERE reference = $1)
         WHERE reference = $2",
    )
    .bind(&first)
    .bind(&second)
    .execute(&app.pool)
    .await
    .unwrap();

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let swapped = staff.get(&format!("/admin/applications/{second}")).await;
    assert_eq!(swapped.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!swapped.text().await.unwrap().contains(CANARY));
    let own = staff.get(&format!("/admin/applications/{first}")).await;
    assert_eq!(own.status(), StatusCode::OK);
    assert!(own.text().await.unwrap().contains(CANARY));
}

#[tokio::test]
async fn rows_stored_before_field_encryption_are_sealed_when_a_server_starts() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let reference = submit(&app, &demo.intake_slug, "old@example.dk", &[]).await;
    let old_answers = format!(
        r#"{{"motivation": "{CANARY} fra før", "experience": "", "distance": "", "strengths_limits": "", "expectations": ""}}"#
    );
    sqlx::query("UPDATE applications SET answers = $2::jsonb, answers_sealed = NULL WHERE reference = $1")
        .bind(&reference)
        .bind(&old_answers)
        .execute(&app.pool)
        .await
        .unwrap();

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    sqlx::query("UPDATE staff_users SET totp_secret = $1").bind(&staff.totp_secret).execute(&app.pool).await.unwrap();

    let key = startup::field_key(&settings(&app.base_url, &app.smtp.url()), &app.pool).await.unwrap();

    let staff_id: i64 = sqlx::query_scalar("SELECT id FROM staff_users").fetch_one(&app.pool).await.unwrap();
    let optag::storage::staff::Totp { secret: totp, .. } =
        optag::storage::staff::totp_of(&app.pool, &key, staff_id).await.unwrap().expect("enrolled");
    assert_eq!(totp, staff.totp_secret, "a plain TOTP secret is sealed and still works");
    let (_, answers, _, _, plain_answers) = raw_columns(&app, &reference).await;
    assert!(plain_answers.is_none());
    assert!(!holds(&answers, CANARY));
    let page = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(page.contains(&format!("{CANARY} fra før")), "{page}");
}

#[tokio::test]
async fn rotate_key_reseals_everything_and_the_old_key_no_longer_starts() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let reference = submit(&app, &demo.intake_slug, "rotate@example.dk", &[("motivation", CANARY)]).await;
    let draft = app
        .post_form(
            &format!("/intakes/{}/apply", demo.intake_slug),
            &[("email", "kladde@example.dk"), ("motivation", CANARY), ("action", "save_draft")],
        )
        .await;
    assert_eq!(draft.status(), StatusCode::SEE_OTHER);
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let (staff_id, sealed_totp): (i64, Vec<u8>) =
        sqlx::query_as("SELECT id, totp_secret FROM staff_users").fetch_one(&app.pool).await.unwrap();
    assert!(sealed_totp.len() > staff.totp_secret.len());
    assert!(!sealed_totp.windows(staff.totp_secret.len()).any(|w| w == staff.totp_secret.as_slice()));
    let old_settings = settings(&app.base_url, &app.smtp.url());
    let new_secret = || SecretKey::parse(&"cd".repeat(32)).unwrap();

    let done = startup::rotate_key(&old_settings, &app.pool, new_secret()).await.unwrap();

    assert_eq!(done.version, 2);
    assert_eq!((done.resealed.applications, done.resealed.drafts, done.resealed.staff_totp), (1, 1, 1));
    let versions: Vec<Vec<u8>> = sqlx::query_scalar(
        "SELECT substring(facts_sealed FROM 1 FOR 2) FROM applications
         UNION ALL SELECT substring(answers_sealed FROM 1 FOR 2) FROM applications
         UNION ALL SELECT substring(eligibility_sealed FROM 1 FOR 2) FROM applications
         UNION ALL SELECT substring(fields_sealed FROM 1 FOR 2) FROM drafts
         UNION ALL SELECT substring(totp_secret FROM 1 FOR 2) FROM staff_users",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions, vec![vec![0, 2]; 5]);

    let refused = startup::field_key(&old_settings, &app.pool).await.unwrap_err();
    assert!(refused.to_string().contains("rotate-key"), "{refused}");

    let mut new_settings = settings(&app.base_url, &app.smtp.url());
    new_settings.secret_key = Some(new_secret());
    let key = startup::field_key(&new_settings, &app.pool).await.unwrap();
    assert_eq!(key.version(), 2);
    let id: i64 = sqlx::query_scalar("SELECT id FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let health = optag::storage::review::health(&app.pool, &key, id).await.unwrap().expect("answers kept");
    assert_eq!(health.answers["motivation"], CANARY);
    let optag::storage::staff::Totp { secret: totp, .. } =
        optag::storage::staff::totp_of(&app.pool, &key, staff_id).await.unwrap().expect("enrolled");
    assert_eq!(totp, staff.totp_secret, "the TOTP secret survives the rotation");

    let audited: Value = sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'field_key_rotated'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(audited["to_version"], 2);
    assert_eq!(audited["applications"], 1);
}

#[tokio::test]
async fn the_consent_text_agreed_to_is_stored_with_version_language_and_hash_and_shown_to_staff() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let kept = submit(&app, &demo.intake_slug, "keep@example.dk", &[("keep_for_later", "yes")]).await;
    let plain = submit(&app, &demo.intake_slug, "plain@example.dk", &[]).await;

    let rows: Vec<(String, String, String, String, bool)> = sqlx::query_as(
        "SELECT a.reference, c.purpose, c.version, c.language, c.sha256 = sha256(convert_to(c.body, 'UTF8'))
         FROM applications a JOIN consent_texts c ON c.id IN (a.consent_text_id, a.keep_text_id)
         ORDER BY a.reference, c.purpose",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let version = optag::domain::consent::VERSION.to_string();
    assert_eq!(
        rows,
        vec![
            (kept.clone(), "application".into(), version.clone(), "da".into(), true),
            (kept.clone(), "keep_for_later".into(), version.clone(), "da".into(), true),
            (plain.clone(), "application".into(), version.clone(), "da".into(), true),
        ]
    );
    let texts: i64 = sqlx::query_scalar("SELECT count(*) FROM consent_texts").fetch_one(&app.pool).await.unwrap();
    assert_eq!(texts, 2, "one stored text per purpose, version and language");
    let body: String = sqlx::query_scalar("SELECT body FROM consent_texts WHERE purpose = 'application'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(body.contains("Jeg giver samtykke"), "{body}");

    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let page = staff.get(&format!("/admin/applications/{kept}")).await.text().await.unwrap();
    assert!(page.contains(&format!("Samtykke (version {version}) givet")), "{page}");
    assert!(page.contains("komme i betragtning til et senere hold og har givet samtykke"), "{page}");
    assert!(page.contains("slettes ansøgningen automatisk tirsdag den 20. marts 2029"), "{page}");
    let page = staff.get(&format!("/admin/applications/{plain}")).await.text().await.unwrap();
    assert!(page.contains("slettes ansøgningen automatisk mandag den 20. marts 2028"), "{page}");

    let periods = optag::domain::retention::Periods::default();
    let left = || async {
        sqlx::query_scalar::<_, String>("SELECT reference FROM applications ORDER BY reference")
            .fetch_all(&app.pool)
            .await
            .unwrap()
    };
    optag::jobs::purge(&app.pool, &periods, "2028-03-21T00:00:00Z".parse().unwrap()).await.unwrap();
    assert_eq!(left().await, vec![kept.clone()]);
    optag::jobs::purge(&app.pool, &periods, "2029-03-21T00:00:00Z".parse().unwrap()).await.unwrap();
    assert!(left().await.is_empty());
}

#[tokio::test]
async fn a_consent_text_changed_without_a_new_version_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    submit(&app, &demo.intake_slug, "first@example.dk", &[]).await;
    sqlx::query("UPDATE consent_texts SET body = 'En anden tekst', sha256 = sha256('En anden tekst')")
        .execute(&app.pool)
        .await
        .unwrap();

    let fields = crate::support::applicant::form("second@example.dk", "submit");
    let response = crate::support::applicant::post(&app, &demo.intake_slug, &fields).await;

    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM applications").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_key_change_without_downtime_reads_both_keys_until_the_old_data_is_resealed() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    let first = submit(&app, &demo.intake_slug, "before@example.dk", &[("motivation", CANARY)]).await;
    let old = || SecretKey::parse(&"ab".repeat(32)).unwrap();
    let new = || SecretKey::parse(&"cd".repeat(32)).unwrap();
    let mut changing = settings(&app.base_url, &app.smtp.url());
    changing.secret_key = Some(new());
    changing.previous_secret_key = Some(old());

    // A server started with the new key and the old one beside it.
    let key = startup::field_key(&changing, &app.pool).await.unwrap();
    assert_eq!((key.version(), key.previous_version()), (2, Some(1)));
    let first_id: i64 = sqlx::query_scalar("SELECT id FROM applications WHERE reference = $1")
        .bind(&first)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let opened = optag::storage::review::health(&app.pool, &key, first_id).await.unwrap().expect("kept");
    assert_eq!(opened.answers["motivation"], CANARY, "old data opens with the previous key");

    let done = startup::finish_key_change(&changing, &app.pool).await.unwrap();
    assert_eq!((done.version, done.resealed.applications), (2, 1));
    let version: Vec<u8> =
        sqlx::query_scalar("SELECT substring(answers_sealed FROM 1 FOR 2) FROM applications WHERE id = $1")
            .bind(first_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(version, vec![0, 2]);

    let mut after = settings(&app.base_url, &app.smtp.url());
    after.secret_key = Some(new());
    let key = startup::field_key(&after, &app.pool).await.unwrap();
    assert_eq!((key.version(), key.previous_version()), (2, None));
    assert!(optag::storage::review::health(&app.pool, &key, first_id).await.unwrap().is_some());
    assert!(startup::field_key(&settings(&app.base_url, &app.smtp.url()), &app.pool).await.is_err(), "old key retired");
    assert!(startup::finish_key_change(&changing, &app.pool).await.is_err(), "nothing left to re-seal");
}
