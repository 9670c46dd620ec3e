//! The binary's subcommands, run as an operator would, against a test database.
use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

use crate::support::{TestApp, database::url_of};

fn optag(app: &TestApp, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_optag"))
        .args(args)
        .env("DATABASE_URL", url_of(&app.db_options))
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the optag binary runs");
    // A command refused on its arguments may exit before reading its input.
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "writing to optag's standard input");
    }
    child.wait_with_output().unwrap()
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[tokio::test]
async fn user_add_creates_a_staff_user_once_with_an_argon2id_hash() {
    let app = TestApp::spawn().await;
    let args = [
        "user",
        "add",
        "--email",
        "lone@example.dk",
        "--name",
        "Lone Ravn",
        "--role",
        "coordinator",
        "--password-stdin",
    ];
    let first = optag(&app, &args, "en lang og god adgangskode\n", &[]);
    assert!(first.status.success(), "{}", text(&first));

    let again = optag(
        &app,
        &["user", "add", "--email", "LONE@example.dk", "--name", "L", "--role", "admin", "--password-stdin"],
        "en anden god kode\n",
        &[],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("exists already"), "{}", text(&again));

    let (role, hash): (String, String) =
        sqlx::query_as("SELECT role, password_hash FROM staff_users").fetch_one(&app.pool).await.unwrap();
    assert_eq!(role, "coordinator");
    assert!(hash.starts_with("$argon2id$") && !hash.contains("god adgangskode"));
}

#[tokio::test]
async fn user_add_refuses_bad_input_and_names_what_is_wrong() {
    let app = TestApp::spawn().await;
    let bad_role = optag(
        &app,
        &["user", "add", "--email", "a@b.dk", "--name", "A", "--role", "boss", "--password-stdin"],
        "langkode123\n",
        &[],
    );
    assert_eq!(bad_role.status.code(), Some(1));
    assert!(text(&bad_role).contains("--role"));
    let short = optag(
        &app,
        &["user", "add", "--email", "a@b.dk", "--name", "A", "--role", "admin", "--password-stdin"],
        "kort\n",
        &[],
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(text(&short).contains("at least 8"));
    let own_address = optag(
        &app,
        &[
            "user",
            "add",
            "--email",
            "lone.ravn@example.dk",
            "--name",
            "Lone Ravn",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "lone.ravn@example.dk\n",
        &[],
    );
    assert_eq!(own_address.status.code(), Some(1));
    assert!(text(&own_address).contains("password"), "{}", text(&own_address));
    assert!(!text(&own_address).contains("Created"), "{}", text(&own_address));
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM staff_users").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_bad_environment_value_stops_start_up_naming_the_variable() {
    let app = TestApp::spawn().await;
    let output = optag(&app, &["migrate"], "", &[("OPTAG_LISTEN", "not-an-address")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("OPTAG_LISTEN"), "{}", text(&output));
    let secret = optag(&app, &["migrate"], "", &[("OPTAG_SECRET_KEY", "too-short-secret")]);
    assert!(text(&secret).contains("OPTAG_SECRET_KEY") && !text(&secret).contains("too-short-secret"));
}

#[tokio::test]
async fn demo_migrate_and_purge_run_and_demo_is_idempotent() {
    let app = TestApp::spawn().await;
    for args in [&["migrate"][..], &["demo"], &["demo"], &["purge"]] {
        let output = optag(&app, args, "", &[]);
        assert!(output.status.success(), "{args:?}: {}", text(&output));
        if args == ["purge"] {
            assert!(text(&output).contains("Deleted: 0 applications"), "{}", text(&output));
        }
        if args == ["demo"] {
            // The intakes it made: slug, name and public page, one of each structure.
            for slug in ["randers-", "viborg-", "region-h-", "mb-forloebet-", "recovery-mentor-"] {
                assert!(text(&output).contains(&format!("/intakes/{slug}")), "{slug}: {}", text(&output));
            }
            assert!(text(&output).contains("MB-forløbet – Hold"), "{}", text(&output));
        }
    }
    let intakes: i64 = sqlx::query_scalar("SELECT count(*) FROM intakes").fetch_one(&app.pool).await.unwrap();
    assert_eq!(intakes, 5, "one of each programme, made once");
}

#[tokio::test]
async fn rotate_key_reseals_with_the_key_from_standard_input_and_the_old_key_then_stops_working() {
    let app = TestApp::spawn().await;
    let demo = app.load_demo().await;
    crate::support::applicant::submit(&app, &demo.intake_slug, "mette@example.dk", &[]).await;
    let old = "ab".repeat(32);
    let new = "cd".repeat(32);

    let short = optag(&app, &["rotate-key"], "abcd\n", &[("OPTAG_SECRET_KEY", &old)]);
    assert_eq!(short.status.code(), Some(1));
    assert!(text(&short).contains("at least 32 bytes"), "{}", text(&short));

    let done = optag(&app, &["rotate-key"], &format!("{new}\n"), &[("OPTAG_SECRET_KEY", &old)]);
    assert!(done.status.success(), "{}", text(&done));
    let out = text(&done);
    assert!(out.contains("Re-sealed 1 applications") && out.contains("key version 2"), "{out}");
    assert!(out.contains("Set OPTAG_SECRET_KEY to the new key"), "{out}");
    assert!(!out.contains(&new) && !out.contains(&old), "keys are never printed");

    let again = optag(&app, &["rotate-key"], &format!("{}\n", "ef".repeat(32)), &[("OPTAG_SECRET_KEY", &old)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("not the one the database's health data is sealed with"), "{}", text(&again));
}

#[tokio::test]
async fn migrate_refuses_a_consent_text_changed_without_a_new_version() {
    let app = TestApp::spawn().await;
    let fine = optag(&app, &["migrate"], "", &[]);
    assert!(fine.status.success(), "{}", text(&fine));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM consent_texts").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 4, "both texts in both languages");

    sqlx::query("UPDATE consent_texts SET body = 'Anden tekst', sha256 = sha256('Anden tekst') WHERE language = 'da'")
        .execute(&app.pool)
        .await
        .unwrap();
    let refused = optag(&app, &["migrate"], "", &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused).contains("give it a new version"), "{}", text(&refused));
}
