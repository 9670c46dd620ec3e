//! Benchmark: the public pages against "the limit", a bare axum + askama page
//! of one 12-row query served from the same process and the same database.
//! Run: `cargo bench --bench pages` (prints figures; no pass/fail). Needs
//! `wrk` (Debian: `apt-get install -y wrk`), which drives each page from
//! another process: `wrk -t2 -c64 -d10s --latency`.
//! Goal (issue 18): each page at least 0.8 of the limit's req/s, p99 at most 10 ms.
//! PostgreSQL runs with fsync on, in a cluster kept under the cargo target
//! dir and reused between runs; the database is fresh (`durable.rs`).
//! Last, the release binary `optag serve` is started five times on that
//! database and timed to its first `/healthz` 200 (goal: at most 1 s).
#[path = "durable.rs"]
mod durable;
#[path = "memory.rs"]
mod memory;
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;
#[path = "wrk.rs"]
mod wrk;

use std::process::Command;

use askama::Template;
use axum::{Router, extract::State, response::Html, routing::get};
use sqlx::PgPool;
use tokio::net::TcpListener;

use optag::embedded_pg::EmbeddedPg;

const DATABASE: &str = "optag_bench_pages";
const WRK_ARGS: [&str; 4] = ["-t2", "-c64", "-d10s", "--latency"];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("pages: wrk is not installed; install it with `sudo apt-get install -y wrk` and run again");
        return;
    }
    let durable::Server { pg, pool, smtp, base, app, demo } = durable::start("bench-pages-pg", DATABASE).await;
    limit_rows(&pool).await;
    let limit = serve_limit(pool.clone()).await;

    let pages = [
        ("the limit (12 rows + template)", format!("{limit}/")),
        ("/", format!("{base}/")),
        ("/intakes/{slug}", format!("{base}/intakes/{}", demo.intake_slug)),
        ("/intakes/{slug}/apply", format!("{base}/intakes/{}/apply", demo.intake_slug)),
        ("/info-meetings/{id}", format!("{base}/info-meetings/{}", demo.info_meeting_id)),
    ];
    // Warm both servers (pools, caches) before anything is measured.
    for (_, url) in &pages {
        let _ = Command::new("wrk").args(["-t1", "-c8", "-d1s", url]).output();
    }
    println!("wrk {} against each page; PostgreSQL with fsync on", WRK_ARGS.join(" "));
    println!("| page | req/s | p50 | p99 | of the limit |\n|---|---|---|---|---|");
    let mut limit_rate = None;
    for (name, url) in &pages {
        let Some(run) = wrk::run(&WRK_ARGS, url) else {
            println!("| {name} | wrk failed | | | |");
            continue;
        };
        let ratio = limit_rate.map_or(1.0, |l: f64| run.rate / l);
        limit_rate.get_or_insert(run.rate);
        let errors = if run.errors.is_empty() { String::new() } else { format!(" ({})", run.errors) };
        println!("| `{name}` | {:.0} | {:.1} ms | {:.1} ms | {ratio:.2}{errors} |", run.rate, run.p50_ms, run.p99_ms);
    }
    let (rss, peak) = memory::this_process();
    println!("server RSS (this process: optag and the limit page) {rss:.1} MiB, peak {peak:.1} MiB");
    app.stop().await;
    cold_start(&pg, &smtp.url()).await;
    pool.close().await;
    pg.stop();
}

/// Cold start: the release binary `optag serve` started on the bench's
/// database (migrated, so "a ready database"), timed from spawn to the first
/// 200 from `/healthz`; five runs. Goal (issue 18): at most 1 s.
async fn cold_start(pg: &EmbeddedPg, smtp_url: &str) {
    let options = pg.connect_options();
    // The socket's directory as the URL's host, percent-encoded (libpq's and sqlx's form).
    let socket: String =
        options
            .get_socket()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-._~".contains(c) {
                    c.to_string()
                } else {
                    format!("%{:02X}", c as u32)
                }
            })
            .collect();
    let database_url = format!("postgres://{}@{socket}:{}/{DATABASE}", options.get_username(), options.get_port());
    let client = reqwest::Client::new();
    let mut runs = Vec::new();
    for _ in 0..5 {
        let port = TcpListener::bind("127.0.0.1:0").await.expect("bind").local_addr().expect("address").port();
        let started = std::time::Instant::now();
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_optag"))
            .arg("serve")
            .env("DATABASE_URL", &database_url)
            .env("OPTAG_LISTEN", format!("127.0.0.1:{port}"))
            .env("OPTAG_SMTP_URL", smtp_url)
            .env("OPTAG_MAIL_FROM", "optag <noreply@optag.test>")
            .env("OPTAG_SECRET_KEY", "ab".repeat(32))
            .current_dir(env!("CARGO_TARGET_TMPDIR"))
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("optag starts");
        let url = format!("http://127.0.0.1:{port}/healthz");
        let ready = loop {
            if let Ok(r) = client.get(&url).send().await
                && r.status() == 200
            {
                let rss = child.id().map_or(0.0, |pid| memory::of(&format!("/proc/{pid}/status")).0);
                break Some((started.elapsed(), rss));
            }
            if started.elapsed() > std::time::Duration::from_secs(30) || child.try_wait().ok().flatten().is_some() {
                break None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        };
        child.kill().await.ok();
        runs.push(ready);
    }
    let shown: Vec<String> = runs
        .iter()
        .map(|r| r.map_or("did not start".into(), |(d, rss)| format!("{:.0} ms ({rss:.1} MiB)", d.as_secs_f64() * 1e3)))
        .collect();
    println!(
        "cold start of `optag serve` to /healthz 200 (ready, migrated database; its RSS then): {} (goal: at most 1 s)",
        shown.join(", ")
    );
}

/// The limit page's table: 40 rows, of which it shows 12.
async fn limit_rows(pool: &PgPool) {
    sqlx::query("CREATE TABLE bench_limit_rows (id bigint PRIMARY KEY, name text NOT NULL, place text NOT NULL)")
        .execute(pool)
        .await
        .expect("limit table");
    sqlx::query(
        "INSERT INTO bench_limit_rows SELECT g, 'Forløb nummer ' || g, 'Mødelokale ' || g FROM generate_series(1, 40) g",
    )
    .execute(pool)
    .await
    .expect("limit rows");
}

#[derive(Template)]
#[template(
    ext = "html",
    source = "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Grænsen</title></head><body>\
<h1>Forløb</h1><ul>{% for r in rows %}<li><a href=\"/x/{{ r.0 }}\">{{ r.1 }}</a> – {{ r.2 }}</li>{% endfor %}</ul>\
</body></html>"
)]
struct LimitPage {
    rows: Vec<(i64, String, String)>,
}

async fn limit_page(State(pool): State<PgPool>) -> Result<Html<String>, axum::http::StatusCode> {
    let rows = sqlx::query_as("SELECT id, name, place FROM bench_limit_rows ORDER BY id LIMIT 12")
        .fetch_all(&pool)
        .await
        .map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)?;
    LimitPage { rows }.render().map(Html).map_err(|_| axum::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The bare stack on a port of its own, with a pool of its own the app's size.
async fn serve_limit(pool: PgPool) -> String {
    let pool = optag::startup::pool_options().connect_with((*pool.connect_options()).clone()).await.unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let router = Router::new().route("/", get(limit_page)).with_state(pool);
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}
