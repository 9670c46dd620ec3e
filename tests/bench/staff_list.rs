//! Benchmark: the staff application list over 10,000 applications.
//! Run: `cargo bench --bench staff_list` (prints figures; no pass/fail).
//! Budget (developers' guide): p99 <= 20 ms on 2 cores.
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;

use std::time::{Duration, Instant};

use optag::domain::staff::Role;
use support::{TestApp, staff::StaffClient};

const APPLICATIONS: i64 = 10_000;
const REQUESTS: usize = 400;
const CONCURRENCY: usize = 8;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let app = TestApp::spawn().await;
    let intake = app.load_demo().await.intake_id;
    seed(&app, intake).await;
    let staff = StaffClient::signed_in(&app, "bench@example.dk", Role::Coordinator).await;
    let paths = [
        "/admin/applications".to_string(),
        "/admin/applications?status=invited".to_string(),
        format!("/admin/applications?intake={intake}&sort=name&page=20"),
        "/admin/applications?q=person 77".to_string(),
        "/admin/applications?q=2026-04242".to_string(),
    ];
    for q in ["person 77", "2026-04242"] {
        let filter = optag::storage::review::Filter { q: Some(q.into()), ..Default::default() };
        let t = Instant::now();
        for _ in 0..20 {
            optag::storage::review::list(&app.pool, &filter, Default::default(), 50, 0).await.unwrap();
        }
        let list = t.elapsed() / 20;
        let t = Instant::now();
        for _ in 0..20 {
            optag::storage::review::count(&app.pool, &filter).await.unwrap();
        }
        println!(
            "  query: {q:<20} list {:.2} ms, count {:.2} ms",
            list.as_secs_f64() * 1e3,
            (t.elapsed() / 20).as_secs_f64() * 1e3
        );
    }
    // One at a time first: what each kind of request costs on its own.
    for path in &paths {
        let mut times = Vec::new();
        for _ in 0..40 {
            let t = Instant::now();
            let r = staff.get(path).await;
            assert_eq!(r.status(), 200, "{path}");
            r.bytes().await.unwrap();
            times.push(t.elapsed());
        }
        times.sort_unstable();
        println!(
            "  alone: {path:<60} p50 {:.1} ms, max {:.1} ms",
            times[20].as_secs_f64() * 1e3,
            times[39].as_secs_f64() * 1e3
        );
    }
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..CONCURRENCY {
        let client = staff.client.clone();
        let base = app.base_url.clone();
        let paths = paths.clone();
        tasks.spawn(async move {
            let mut times = Vec::new();
            for i in 0..REQUESTS / CONCURRENCY {
                let path = &paths[(i + worker) % paths.len()];
                let t = Instant::now();
                let r = client.get(format!("{base}{path}")).send().await.unwrap();
                assert_eq!(r.status(), 200);
                r.bytes().await.unwrap();
                times.push(t.elapsed());
            }
            times
        });
    }
    let mut times: Vec<Duration> = tasks.join_all().await.into_iter().flatten().collect();
    let wall = started.elapsed();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).min(times.len()) - 1];
    println!(
        "staff list over {APPLICATIONS} applications, {} requests at {CONCURRENCY} connections: {:.0} req/s, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        times.len() as f64 / wall.as_secs_f64(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
}

async fn seed(app: &TestApp, intake: i64) {
    sqlx::query(
        "INSERT INTO applications (intake_id, reference, full_name, email, email_normalised, phone, birth_date,
             municipality_code, eligibility_summary, consent_version, consented_at,
             submission_key_hash, submitted_at, updated_at, status)
         SELECT $1, '2026-' || lpad(g::text, 5, '0'), 'Person ' || g, 'p' || g || '@example.dk', 'p' || g || '@example.dk',
                '+4512345678', date '1980-01-01' + g, 730,
                (array['no_concerns', 'to_verify', 'may_not_meet'])[1 + g % 3], 'bench', now(), sha256(g::text::bytea),
                now() - g * interval '1 minute', now(),
                (array['submitted', 'invited', 'interviewed', 'offered', 'admitted', 'waitlisted', 'declined', 'rejected', 'withdrawn'])[1 + g % 9]
         FROM generate_series(1, $2) g",
    )
    .bind(intake)
    .bind(APPLICATIONS as i32)
    .execute(&app.pool)
    .await
    .unwrap();
    // As autovacuum leaves a table in steady state (GIN pending list flushed).
    sqlx::query("VACUUM ANALYZE applications").execute(&app.pool).await.unwrap();
}
