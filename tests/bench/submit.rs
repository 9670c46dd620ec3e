//! Benchmark: application submits (parse, assess, seal, store, consent record,
//! own-page link, receipt mail in the outbox), plus the cost of sealing alone.
//! Run: `cargo bench --bench submit` (prints figures; no pass/fail).
//! Budget (developers' guide): >= 1,000 submits/s on 2 cores.
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;

use std::time::{Duration, Instant};

use optag::{
    config::SecretKey,
    sealing::{Field, FieldKey},
};
use support::{TestApp, applicant};

const SUBMITS: usize = 2_000;
const CONCURRENCY: usize = 16;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    seal_alone();
    let app = TestApp::spawn().await;
    let slug = app.load_demo().await.intake_slug;
    let forms: Vec<String> = (0..SUBMITS)
        .map(|i| {
            let fields = applicant::form(&format!("bench{i}@example.dk"), "submit");
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            serde_urlencoded_pairs(&pairs)
        })
        .collect();
    let url = app.url(&format!("/intakes/{slug}/apply"));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..CONCURRENCY {
        let client = app.client.clone();
        let (url, origin) = (url.clone(), app.base_url.clone());
        let mine: Vec<String> = forms.iter().skip(worker).step_by(CONCURRENCY).cloned().collect();
        tasks.spawn(async move {
            let mut times = Vec::new();
            for body in mine {
                let t = Instant::now();
                let r = client
                    .post(&url)
                    .header("origin", &origin)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 303);
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
        "submit: {} applications at {CONCURRENCY} connections: {:.0} submits/s, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
        times.len(),
        times.len() as f64 / wall.as_secs_f64(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
    );
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

fn serde_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}
