//! optag as the benches that give durable figures run it: a private
//! PostgreSQL cluster with fsync on (`Durability::Durable`), kept under the
//! cargo target dir and reused between runs, a fresh migrated database with
//! the demo data, an SMTP sink for the outbox, and the server on a port of
//! its own in this process.
use std::sync::Arc;

use sqlx::{AssertSqlSafe, ConnectOptions, Connection, PgPool};
use tokio::net::TcpListener;

use optag::{
    clock::SystemClock,
    demo::DemoData,
    embedded_pg::{Durability, EmbeddedPg},
    startup::RunningApp,
};

use crate::support::smtp_sink::SmtpSink;

pub struct Server {
    pub pg: EmbeddedPg,
    pub pool: PgPool,
    pub smtp: SmtpSink,
    /// `http://127.0.0.1:{port}`.
    pub base: String,
    pub app: RunningApp,
    pub demo: DemoData,
}

/// Starts (or reuses) the cluster in `{CARGO_TARGET_TMPDIR}/{cluster}`, drops
/// and creates `database` there, loads the demo and starts the server.
/// Panics when any of it fails: a bench has no use for half a server.
pub async fn start(cluster: &str, database: &str) -> Server {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(cluster);
    let pg = tokio::task::spawn_blocking(move || EmbeddedPg::start(&dir, Durability::Durable))
        .await
        .expect("join")
        .expect("the private PostgreSQL cluster starts (is PostgreSQL installed?)");
    let pool = fresh_database(&pg, database).await;
    let smtp = SmtpSink::start().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let settings = crate::support::app::settings(&base, &smtp.url());
    let key = optag::startup::field_key(&settings, &pool).await.expect("the key registers");
    let demo = optag::demo::load(&pool, chrono::Utc::now()).await.expect("demo loads");
    let app = RunningApp::start(settings, pool.clone(), key, Arc::new(SystemClock), listener).expect("app starts");
    Server { pg, pool, smtp, base, app, demo }
}

/// Drops and creates `database`, migrated and empty.
async fn fresh_database(pg: &EmbeddedPg, database: &str) -> PgPool {
    let mut admin = pg.connect_options().connect().await.expect("connect to the cluster");
    for sql in [format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"), format!("CREATE DATABASE {database}")] {
        sqlx::query(AssertSqlSafe(sql)).execute(&mut admin).await.expect("fresh bench database");
    }
    admin.close().await.ok();
    let pool = optag::startup::pool_options()
        .connect_with(pg.connect_options().database(database))
        .await
        .expect("connect to the bench database");
    optag::storage::migrate(&pool).await.expect("migrations run");
    pool
}
