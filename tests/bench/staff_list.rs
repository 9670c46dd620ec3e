//! Benchmark: the staff application list over 10,000 applications.
//! Run: `cargo bench --bench staff_list` (prints figures; no pass/fail). Needs
//! `wrk` (Debian: `apt-get install -y wrk`), which drives each combination of
//! filter, sort and search from another process: `wrk -t2 -c8 -d3s --latency`,
//! the method of `cargo bench --bench pages` at the list's 8 connections.
//! Goal (issue 18): p99 at most 20 ms for every combination, first page.
//! Before the load, each combination's list, count and page queries are timed on
//! their own (mean of 20 calls), which shows where a slow page spends its time.
#[path = "memory.rs"]
mod memory;
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;
#[path = "wrk.rs"]
mod wrk;

use std::{process::Command, sync::Arc, time::Instant};

use optag::{
    domain::{application::Status, paging, staff::Role},
    storage::review::{self, Filter, Sort, Todo},
};
use reqwest::{Client, cookie::CookieStore, redirect::Policy};
use support::{TestApp, app::NowUtc, staff};

const APPLICATIONS: i64 = 10_000;
const WRK_ARGS: [&str; 3] = ["-t2", "-c8", "--latency"];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("staff_list: wrk is not installed; install it with `sudo apt-get install -y wrk` and run again");
        return;
    }
    let app = TestApp::spawn().await;
    let intake = app.load_demo().await.intake_id;
    seed(&app, intake).await;
    let cookie = signed_in_cookie(&app).await;
    let url = format!("{}/admin/applications", app.base_url);
    let duration = format!("-d{}s", std::env::var("STAFF_LIST_SECONDS").unwrap_or_else(|_| "3".into()));
    println!("staff list over {APPLICATIONS} applications; wrk {} {duration} per combination", WRK_ARGS.join(" "));
    println!(
        "| combination | list query | exact count | page as run | req/s | p50 | p99 |\n|---|---|---|---|---|---|---|"
    );
    let mut worst: f64 = 0.0;
    // `STAFF_LIST_ONLY=q=person` runs the combinations whose query contains it;
    // `STAFF_LIST_SECONDS=30` holds each longer (e.g. to profile one with perf).
    let only = std::env::var("STAFF_LIST_ONLY").unwrap_or_default();
    for (query, filter, sort) in combinations(intake).into_iter().filter(|(q, _, _)| q.contains(&only)) {
        let (list_ms, exact_ms, page_ms) = query_times(&app, &filter, sort).await;
        let target = if query.is_empty() { url.clone() } else { format!("{url}?{query}") };
        // Warm the pools and caches for this page first.
        let _ = Command::new("wrk").args(["-t1", "-c2", "-d1s", "-H", &cookie, &target]).output();
        let shown = if query.is_empty() {
            "(none)".to_string()
        } else {
            query.replace(&format!("intake={intake}"), "intake={id}")
        };
        match wrk::run(&[&WRK_ARGS[..], &[duration.as_str(), "-H", &cookie]].concat(), &target) {
            Some(run) => {
                worst = worst.max(run.p99_ms);
                let errors = if run.errors.is_empty() { String::new() } else { format!(" ({})", run.errors) };
                println!(
                    "| `{shown}` | {list_ms:.2} ms | {exact_ms:.2} ms | {page_ms:.2} ms | {:.0} | {:.1} ms | {:.1} ms{errors} |",
                    run.rate, run.p50_ms, run.p99_ms
                );
            }
            None => println!("| `{shown}` | {list_ms:.2} ms | {exact_ms:.2} ms | {page_ms:.2} ms | wrk failed | | |"),
        }
    }
    println!("worst p99 {worst:.1} ms (goal: at most 20 ms)");
    let (rss, peak) = memory::this_process();
    println!(
        "RSS of this process (the server, its pool and the bench) {rss:.1} MiB, peak {peak:.1} MiB (goal: at most 64 MB)"
    );
}

/// Every filter and sort the page offers, alone and together, and the three
/// kinds of search (a name part, an address prefix, a reference), with the
/// query string the page would send.
fn combinations(intake: i64) -> Vec<(String, Filter, Sort)> {
    let sorts = [("", Sort::Newest), ("oldest", Sort::Oldest), ("name", Sort::Name), ("reference", Sort::Reference)];
    let filters: Vec<(String, Filter)> = vec![
        (String::new(), Filter::default()),
        ("status=invited".into(), Filter { status: Some(Status::Invited), ..Default::default() }),
        (format!("intake={intake}"), Filter { intake_id: Some(intake), ..Default::default() }),
        (
            format!("intake={intake}&status=withdrawn"),
            Filter { intake_id: Some(intake), status: Some(Status::Withdrawn), ..Default::default() },
        ),
        ("todo=to_verify".into(), Filter { todo: Some(Todo::ToVerify), ..Default::default() }),
        // A first name and the start of a surname (about 19 people), a first name
        // (250), and a part nearly every name has (most surnames end in -sen).
        ("q=mette+h".into(), Filter { q: Some("mette h".into()), ..Default::default() }),
        ("q=mette".into(), Filter { q: Some("mette".into()), ..Default::default() }),
        ("q=sen".into(), Filter { q: Some("sen".into()), ..Default::default() }),
        ("q=p77%40".into(), Filter { q: Some("p77@".into()), ..Default::default() }),
        ("q=2026-04242".into(), Filter { q: Some("2026-04242".into()), ..Default::default() }),
    ];
    let mut out = Vec::new();
    for (fq, filter) in &filters {
        for (sq, sort) in sorts {
            // The searches that find one row are the same in every order.
            if (fq.starts_with("q=p77") || fq.starts_with("q=2026")) && !sq.is_empty() {
                continue;
            }
            let sort_q = if sq.is_empty() { String::new() } else { format!("sort={sq}") };
            let query =
                [fq.as_str(), sort_q.as_str()].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join("&");
            out.push((query, filter.clone(), sort));
        }
    }
    out.push((
        format!("intake={intake}&sort=name&page=20"),
        Filter { intake_id: Some(intake), ..Default::default() },
        Sort::Name,
    ));
    out
}

/// The mean time of the list query alone (first page), of the exact count
/// (as before issue 18) and of the page as it is now fetched: the rows and
/// the count capped at twenty pages ahead, in one statement.
async fn query_times(app: &TestApp, filter: &Filter, sort: Sort) -> (f64, f64, f64) {
    let mean = |t: Instant| t.elapsed().as_secs_f64() * 1e3 / 20.0;
    let t = Instant::now();
    for _ in 0..20 {
        review::list(&app.pool, filter, sort, 50, 0).await.unwrap();
    }
    let list = mean(t);
    let t = Instant::now();
    for _ in 0..20 {
        review::count(&app.pool, filter, i64::MAX).await.unwrap();
    }
    let exact = mean(t);
    let t = Instant::now();
    for _ in 0..20 {
        review::page(&app.pool, filter, sort, 50, 0, paging::count_limit(0)).await.unwrap();
    }
    (list, exact, mean(t))
}

/// Signs a coordinator in through the real pages and returns the
/// `Cookie: …` header wrk sends.
async fn signed_in_cookie(app: &TestApp) -> String {
    let email = "bench@example.dk";
    staff::create_user(app, email, Role::Coordinator).await;
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder().redirect(Policy::none()).cookie_provider(jar.clone()).build().unwrap();
    let base = &app.base_url;
    let post = |path: &str, form: Vec<(&'static str, String)>| {
        client.post(format!("{base}{path}")).header("origin", base).form(&form).send()
    };
    post("/admin/login", vec![("email", email.into()), ("password", staff::PASSWORD.into())]).await.unwrap();
    let setup = client.get(format!("{base}/admin/mfa/setup")).send().await.unwrap().text().await.unwrap();
    let code = optag::auth::totp::code_at(&staff::secret_on(&setup), app.clock.now_utc());
    let done = post("/admin/mfa/setup", vec![("code", code)]).await.unwrap();
    assert_eq!(done.status(), 303, "enrolment");
    let cookies = jar.cookies(&base.parse().unwrap()).expect("a session cookie");
    let list = client.get(format!("{base}/admin/applications")).send().await.unwrap();
    assert_eq!(list.status(), 200, "the list opens");
    format!("Cookie: {}", cookies.to_str().unwrap())
}

/// Names as an intake's would be: 40 common Danish first names and 40
/// surnames (1,600 pairs, so many people share a name), not `Person 1` to
/// `Person 10000`, where every row shares the trigrams of "person" and a
/// trigram index finds every row for every search.
const FIRST_NAMES: [&str; 40] = [
    "Mette",
    "Anne",
    "Hanne",
    "Susanne",
    "Lene",
    "Kirsten",
    "Maria",
    "Camilla",
    "Louise",
    "Julie",
    "Sofie",
    "Emma",
    "Ida",
    "Line",
    "Marianne",
    "Pia",
    "Tina",
    "Karen",
    "Birgitte",
    "Helle",
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Thomas",
    "Søren",
    "Jesper",
    "Martin",
    "Niels",
    "Anders",
    "Rasmus",
    "Mads",
    "Christian",
    "Jakob",
    "Morten",
    "Kasper",
    "Frederik",
    "Mikkel",
    "Ole",
];
const SURNAMES: [&str; 40] = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Holm",
    "Lund",
    "Schmidt",
    "Eriksen",
    "Simonsen",
    "Clausen",
    "Svendsen",
    "Frederiksen",
    "Laursen",
    "Østergaard",
    "Vestergaard",
    "Bach",
    "Kjær",
    "Dahl",
    "Bruun",
    "Lauridsen",
    "Holst",
];

async fn seed(app: &TestApp, intake: i64) {
    sqlx::query(
        "INSERT INTO applications (intake_id, reference, full_name, email, email_normalised, phone, birth_date,
             municipality_code, eligibility_summary, consent_version, consented_at,
             submission_key_hash, submitted_at, updated_at, status)
         SELECT $1, '2026-' || lpad(g::text, 5, '0'),
                ($3::text[])[1 + g % 40] || ' ' || ($4::text[])[1 + (g / 40) % 40], 'p' || g || '@example.dk', 'p' || g || '@example.dk',
                '+4512345678', date '1980-01-01' + g, 730,
                (array['no_concerns', 'to_verify', 'may_not_meet'])[1 + g % 3], 'bench', now(), sha256(g::text::bytea),
                now() - g * interval '1 minute', now(),
                (array['submitted', 'invited', 'interviewed', 'offered', 'admitted', 'waitlisted', 'declined', 'rejected', 'withdrawn'])[1 + g % 9]
         FROM generate_series(1, $2) g",
    )
    .bind(intake)
    .bind(APPLICATIONS as i32)
    .bind(FIRST_NAMES)
    .bind(SURNAMES)
    .execute(&app.pool)
    .await
    .unwrap();
    // As autovacuum leaves a table in steady state (GIN pending list flushed).
    sqlx::query("VACUUM ANALYZE applications").execute(&app.pool).await.unwrap();
}
