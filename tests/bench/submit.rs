//! Benchmark: application submits (parse, assess, seal, store, consent record,
//! own-page link, receipt mail in the outbox, all in one transaction), plus
//! the cost of sealing alone.
//! Run: `cargo bench --bench submit` (prints figures; no pass/fail). Needs
//! `wrk` (Debian: `apt-get install -y wrk`), which posts complete forms from
//! another process, each with an address of its own (a Lua script):
//! `wrk -t2 -c16 -d10s --latency` (`SUBMIT_SECONDS` sets the duration). PostgreSQL runs with fsync on (`durable.rs`).
//! Goal (issue 18): at least 1,000 submits a second, p99 at most 50 ms.
//! After the run, the applications and receipts stored are counted against
//! the requests wrk sent, so a submit refused with a 200 form is not counted
//! as one done.
#[path = "durable.rs"]
mod durable;
#[path = "memory.rs"]
mod memory;
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;
#[path = "wrk.rs"]
mod wrk;

use std::{process::Command, time::Instant};

use optag::{
    config::SecretKey,
    sealing::{Field, FieldKey},
};
use sqlx::PgPool;
use support::applicant;

const WRK_ARGS: [&str; 3] = ["-t2", "-c16", "--latency"];
/// Stands for each request's own number in the address (`bench-2-417@example.dk`).
const SEQUENCE: &str = "BENCHSEQ";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    seal_alone();
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("submit: wrk is not installed; install it with `sudo apt-get install -y wrk` and run again");
        return;
    }
    let server = durable::start("bench-submit-pg", "optag_bench_submit").await;
    let url = format!("{}/intakes/{}/apply", server.base, server.demo.intake_slug);
    // Warm the pool and the caches with a short run first.
    let warm = script("warm", &server.base);
    let _ = Command::new("wrk").args(["-t1", "-c2", "-d1s", "-s", &warm, &url]).output();
    let script = script("run", &server.base);
    let before = stored(&server.pool).await;
    // `SUBMIT_SECONDS=30` holds the load longer (e.g. to profile it with perf).
    let duration = format!("-d{}s", std::env::var("SUBMIT_SECONDS").unwrap_or_else(|_| "10".into()));
    let started = Instant::now();
    let run = wrk::run(&[&WRK_ARGS[..], &[duration.as_str(), "-s", &script]].concat(), &url);
    let wall = started.elapsed().as_secs_f64();
    let (rss, peak) = memory::this_process();
    let after = stored(&server.pool).await;
    let (applications, receipts) = (after.0 - before.0, after.1 - before.1);
    println!("wrk {} {duration} posting complete application forms; PostgreSQL with fsync on", WRK_ARGS.join(" "));
    match run {
        Some(run) => {
            let errors = if run.errors.is_empty() { String::new() } else { format!(" ({})", run.errors) };
            println!(
                "submit: {:.0} submits/s, p50 {:.1} ms, p99 {:.1} ms{errors} (goal: at least 1,000/s, p99 at most 50 ms)",
                run.rate, run.p50_ms, run.p99_ms
            );
            println!(
                "{} requests sent; {applications} applications and {receipts} receipts stored ({:.0} stored/s over the run)",
                run.requests,
                applications as f64 / wall
            );
        }
        None => println!("submit: wrk failed"),
    }
    // The outbox sends while submits arrive, as it would on the day an intake opens.
    println!("receipts delivered to the SMTP sink by the end of the run: {}", server.smtp.mails().await.len());
    println!(
        "RSS of this process (the server, and the SMTP sink holding every mail delivered) at the end of the run \
         {rss:.1} MiB, peak {peak:.1} MiB (goal: at most 64 MB)"
    );
    server.app.stop().await;
    server.pool.close().await;
    server.pg.stop();
}

/// Applications and receipt mails stored so far.
async fn stored(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as("SELECT (SELECT count(*) FROM applications), (SELECT count(*) FROM mail_outbox)")
        .fetch_one(pool)
        .await
        .expect("count what is stored")
}

/// Writes a wrk script that posts the test applicant's complete form, each
/// request with an address of its own (`bench-{run}-{thread}-{n}@example.dk`),
/// and returns its path.
fn script(run: &str, origin: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-submit-{run}.lua"));
    std::fs::write(&path, lua_script(run, origin)).expect("write the wrk script");
    path.display().to_string()
}

fn lua_script(run: &str, origin: &str) -> String {
    let fields = applicant::form(&format!("bench-{run}-{SEQUENCE}@example.dk"), "submit");
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter().map(|(k, v)| (*k, v.as_str())))
        .finish();
    format!(
        r#"wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "{origin}"
local template = [[{body}]]
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
local sent = 0
function request()
  sent = sent + 1
  local body = string.gsub(template, "{SEQUENCE}", thread_number .. "-" .. sent)
  return wrk.format(nil, nil, nil, body)
end
"#
    )
}

/// What sealing and opening the three health values of one application cost.
fn seal_alone() {
    let key = FieldKey::derive(&SecretKey::from_bytes(vec![7; 32]).unwrap(), 1);
    let answers = "æøå ".repeat(1250);
    let started = Instant::now();
    const ROUNDS: u32 = 10_000;
    for row in 0..i64::from(ROUNDS) {
        let sealed = key.seal(Field::ApplicationAnswers, row, answers.as_bytes());
        std::hint::black_box(key.open(Field::ApplicationAnswers, row, &sealed).unwrap());
    }
    println!("seal + open of a 5,000-character answer: {:.1} µs", (started.elapsed() / ROUNDS).as_secs_f64() * 1e6);
}
