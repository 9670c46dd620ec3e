//! A fresh database per test: on the server in `DATABASE_URL`, or on a private
//! cluster that lives as long as this test process.
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{
    AssertSqlSafe, ConnectOptions, Connection, PgConnection, PgPool,
    postgres::{PgConnectOptions, PgPoolOptions},
};
use tokio::sync::{Mutex, OnceCell};

use optag::embedded_pg::{Durability, EmbeddedPg};

struct Server {
    options: PgConnectOptions,
    /// Keeps the private cluster's handle alive; its watchdog stops it when
    /// this process ends (`embedded_pg/watchdog.rs`).
    _embedded: Option<EmbeddedPg>,
}

static SERVER: OnceCell<Server> = OnceCell::const_new();
/// Copying the template database needs it idle: one copy at a time.
static CREATE: Mutex<()> = Mutex::const_new(());
static COUNTER: AtomicU32 = AtomicU32::new(0);

async fn server() -> &'static Server {
    SERVER
        .get_or_init(|| async {
            let server = match std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()) {
                Some(url) => Server { options: url.parse().expect("DATABASE_URL parses"), _embedded: None },
                None => {
                    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                        .join(format!("pg-{}", std::process::id()));
                    let pg = tokio::task::spawn_blocking(move || EmbeddedPg::start(&dir, Durability::Disposable))
                        .await
                        .expect("join")
                        .expect("the private PostgreSQL cluster starts (is PostgreSQL installed?)");
                    Server { options: pg.connect_options(), _embedded: Some(pg) }
                }
            };
            prepare_template(&server.options).await;
            server
        })
        .await
}

/// Named after this process, so runs side by side on one server do not collide.
fn template_name() -> String {
    format!("optag_template_{}", std::process::id())
}

async fn prepare_template(options: &PgConnectOptions) {
    let mut admin = options.clone().database("postgres").connect().await.expect("connect to the test server");
    drop_leftovers(&mut admin).await;
    let template = template_name();
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {template}")))
        .execute(&mut admin)
        .await
        .expect("create template");
    let pool = PgPool::connect_with(options.clone().database(&template)).await.expect("connect template");
    optag::storage::migrate(&pool).await.expect("migrations run");
    pool.close().await;
    admin.close().await.ok();
}

/// Databases of earlier runs whose process is gone.
async fn drop_leftovers(admin: &mut PgConnection) {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT datname FROM pg_database WHERE datname LIKE 'optag\\_test\\_%' OR datname LIKE 'optag\\_template\\_%'",
    )
    .fetch_all(&mut *admin)
    .await
    .unwrap_or_default();
    for name in names {
        let pid = name.rsplit('_').nth(if name.starts_with("optag_test_") { 1 } else { 0 });
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            // Names come from pg_database and match optag_test_/optag_template_.
            let _ = sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")))
                .execute(&mut *admin)
                .await;
        }
    }
}

/// A new, migrated, empty database, and its connect options.
pub async fn fresh_database() -> (PgPool, PgConnectOptions) {
    let server = server().await;
    let name = format!("optag_test_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
    {
        let _one_at_a_time = CREATE.lock().await;
        let mut admin =
            server.options.clone().database("postgres").connect().await.expect("connect to the test server");
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name} TEMPLATE {}", template_name())))
            .execute(&mut admin)
            .await
            .expect("create test database");
        admin.close().await.ok();
    }
    let options = server.options.clone().database(&name);
    let pool =
        PgPoolOptions::new().max_connections(8).connect_with(options.clone()).await.expect("connect test database");
    (pool, options)
}

/// A `DATABASE_URL` for `options`, for running the binary against a test database.
pub fn url_of(options: &PgConnectOptions) -> String {
    let db = options.get_database().unwrap_or("postgres");
    if let Some(mut url) = std::env::var("DATABASE_URL").ok().and_then(|u| url::Url::parse(&u).ok()) {
        url.set_path(db);
        return url.to_string();
    }
    let user = options.get_username();
    match options.get_socket() {
        Some(dir) => format!("postgres://{user}@localhost:{}/{db}?host={}", options.get_port(), dir.display()),
        None => format!("postgres://{user}@{}:{}/{db}", options.get_host(), options.get_port()),
    }
}
