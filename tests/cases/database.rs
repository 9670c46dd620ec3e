//! The connection to PostgreSQL: the private cluster `optag serve` starts keeps
//! a school's data safe from a crash, and TLS to a server is honoured.
use std::path::PathBuf;

use optag::startup::Database;

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
