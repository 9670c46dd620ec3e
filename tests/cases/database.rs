//! The connection to PostgreSQL: the private cluster `optag serve` starts keeps
//! a school's data safe from a crash, and TLS to a server is honoured.
use std::path::PathBuf;

use optag::{
    embedded_pg::{Durability, EmbeddedPg, Listen},
    startup::Database,
};

use crate::support::app::settings;

/// A directory of its own under the target dir, removed first if a run left it.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[tokio::test]
async fn the_cluster_optag_serve_starts_by_default_writes_with_fsync_on() {
    let var = scratch("serve-var");
    let mut settings = settings("http://127.0.0.1:3000", "smtp://127.0.0.1:2525");
    settings.database_url = None;
    settings.var_dir = var.clone();

    let database = Database::connect(&settings).await.expect("the private cluster starts");
    let fsync: String = sqlx::query_scalar("SHOW fsync").fetch_one(&database.pool).await.unwrap();
    database.close().await;
    let _ = std::fs::remove_dir_all(&var);

    assert_eq!(fsync, "on", "a crash with fsync off can corrupt the school's data");
}

/// `openssl` with `args`, in `dir`; panics with its message when it fails.
fn openssl(dir: &std::path::Path, args: &[&str]) {
    let output = std::process::Command::new("openssl").args(args).current_dir(dir).output().expect("openssl runs");
    assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A private CA and a server certificate it signed for the name `localhost`
/// (not for 127.0.0.1): `(ca.crt, server.crt, server.key)` in `dir`.
fn certificates(dir: &std::path::Path) -> (PathBuf, PathBuf, PathBuf) {
    std::fs::create_dir_all(dir).unwrap();
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    openssl(
        dir,
        &[
            &["req", "-x509"],
            &ec[..],
            &["-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=optag test CA"],
        ]
        .concat(),
    );
    openssl(
        dir,
        &[&["req", "-new"], &ec[..], &["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]]
            .concat(),
    );
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "server.ext",
            "-out",
            "server.crt",
        ],
    );
    (dir.join("ca.crt"), dir.join("server.crt"), dir.join("server.key"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Connects as `optag serve` does, with `DATABASE_URL` = `url`; `Ok(true)`
/// when the session is encrypted.
async fn connect(url: String) -> Result<bool, String> {
    let mut settings = settings("http://127.0.0.1:3000", "smtp://127.0.0.1:2525");
    settings.database_url = Some(url);
    let database = Database::connect(&settings).await.map_err(|e| format!("{e:#}"))?;
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&database.pool)
        .await
        .unwrap();
    database.close().await;
    Ok(ssl)
}

#[tokio::test]
async fn tls_to_postgresql_is_used_with_sslmode_and_the_certificate_verified_as_asked() {
    let dir = scratch("tls-pg");
    let (ca, cert, key) = certificates(&dir.join("certs"));
    let port = free_port();
    let listen = Listen { tcp_port: Some(port), tls: Some((cert, key)) };
    let data = dir.join("data");
    let pg = tokio::task::spawn_blocking(move || EmbeddedPg::start_listening(&data, Durability::Disposable, &listen))
        .await
        .unwrap()
        .expect("a cluster with TLS starts");
    let ca = ca.display().to_string();
    let url = |host: &str, query: &str| format!("postgres://postgres@{host}:{port}/postgres?{query}");

    // require: encrypted, the certificate not checked (libpq's meaning).
    assert_eq!(connect(url("127.0.0.1", "sslmode=require")).await, Ok(true));
    // verify-full: our CA and the name in the certificate.
    assert_eq!(connect(url("localhost", &format!("sslmode=verify-full&sslrootcert={ca}"))).await, Ok(true));
    // verify-ca: our CA, whatever the name.
    assert_eq!(connect(url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}"))).await, Ok(true));

    // verify-full refuses a certificate from a CA it was not given, and a name
    // the certificate does not carry.
    assert!(connect(url("localhost", "sslmode=verify-full")).await.is_err());
    assert!(connect(url("127.0.0.1", &format!("sslmode=verify-full&sslrootcert={ca}"))).await.is_err());
    assert!(connect(url("localhost", "sslmode=verify-ca")).await.is_err());

    tokio::task::spawn_blocking(move || pg.stop()).await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A newcomer who clones as root into a folder only root may enter (root's
/// home, a `mktemp -d` folder) still gets a private cluster: PostgreSQL's
/// user cannot enter the folder, so the cluster lives where it can, and the
/// folder's own protection is left as it was.
#[tokio::test]
async fn as_root_in_a_folder_of_mode_700_the_private_cluster_still_starts() {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !is_root {
        eprintln!("skipped: only root hands the cluster to another user");
        return;
    }
    let private = scratch("mode-700");
    std::fs::create_dir_all(&private).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let data = private.join("var").join("postgres");
    let pg = tokio::task::spawn_blocking(move || EmbeddedPg::start(&data, Durability::Disposable))
        .await
        .unwrap()
        .expect("the cluster starts although its user cannot enter the folder");
    let pool = sqlx::PgPool::connect_with(pg.connect_options()).await.expect("connect");
    let one: i32 = sqlx::query_scalar("SELECT 1").fetch_one(&pool).await.unwrap();
    pool.close().await;
    pg.stop();
    let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
    let _ = std::fs::remove_dir_all(&private);
    assert_eq!((one, mode), (1, 0o700), "the folder keeps its protection");
}

/// The reference counter commits without waiting for its flush; that must end
/// with its own transaction, or every later commit on the same pooled
/// connection (an application, a decision) would be as easy to lose.
#[tokio::test]
async fn the_reference_counters_quick_commit_ends_with_its_own_transaction() {
    let app = crate::support::TestApp::spawn().await;
    let one =
        sqlx::postgres::PgPoolOptions::new().max_connections(1).connect_with(app.db_options.clone()).await.unwrap();
    let first = optag::storage::applications::take_reference_number(&one, 2031).await.unwrap();
    let second = optag::storage::applications::take_reference_number(&one, 2031).await.unwrap();
    assert_eq!((first, second), (1, 2), "numbers follow each other");
    let setting: String = sqlx::query_scalar("SHOW synchronous_commit").fetch_one(&one).await.unwrap();
    assert_eq!(setting, "on", "the next transaction on the connection waits for its flush again");
}

/// Sealed values are ciphertext; compressing them is wasted work on every write.
#[tokio::test]
async fn every_sealed_column_is_stored_without_a_try_at_compression() {
    let app = crate::support::TestApp::spawn().await;
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT r.relname::text, a.attname::text, a.attstorage::text FROM pg_attribute a
         JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace
         WHERE n.nspname = current_schema() AND r.relkind = 'r' AND NOT a.attisdropped AND a.attname LIKE '%\\_sealed'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(columns.len() >= 10, "the sealed columns are found: {columns:?}");
    let compressed: Vec<_> = columns.iter().filter(|(_, _, storage)| storage != "e").collect();
    assert!(compressed.is_empty(), "stored with compression: {compressed:?}");
}
