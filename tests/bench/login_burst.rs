//! Benchmark: 40 staff members sign in at the same moment (through a trusted
//! proxy, so each is its own client), and the server's memory is watched.
//! Run: `cargo bench --bench login_burst` (prints figures; no pass/fail).
//! Budget: peak resident memory under 100 MB. Each argon2id verification
//! holds 19 MiB, so the number running at once must stay bounded.
#[path = "memory.rs"]
mod memory;
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;

use std::time::{Duration, Instant};

use optag::{
    auth::password,
    domain::{
        email_address::EmailAddress,
        staff::{Role, StaffName},
    },
    storage,
};
use secrecy::SecretString;
use support::{TestApp, staff::PASSWORD};

const LOGINS: usize = 40;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // The server runs in this process, so this process's memory is the server's.
    let app = TestApp::spawn_with_env(&[("OPTAG_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let hash = password::hash(SecretString::from(PASSWORD)).await.unwrap();
    let name = StaffName::parse("Bench Bruger").unwrap();
    for i in 0..LOGINS {
        let email = EmailAddress::parse(&format!("staff{i}@example.dk")).unwrap();
        storage::staff::insert(&app.pool, &email, &name, Role::Coordinator, &hash).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = memory();
    // Resets VmHWM to the current RSS, so the peak below is the burst's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..LOGINS {
        let (url, origin) = (app.url("/admin/login"), app.base_url.clone());
        tasks.spawn(async move {
            let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
            let form = [("email", format!("staff{i}@example.dk")), ("password", PASSWORD.to_string())];
            let t = Instant::now();
            let r = client
                .post(url)
                .header("origin", origin)
                .header("x-forwarded-for", format!("203.0.113.{}", i + 1))
                .form(&form)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), t.elapsed())
        });
    }
    let results = tasks.join_all().await;
    let wall = started.elapsed();
    let after = memory();
    let signed_in = results.iter().filter(|(s, _)| *s == 303).count();
    let busy = results.iter().filter(|(s, _)| *s == 429).count();
    let slowest = results.iter().map(|(_, t)| *t).max().unwrap_or_default();
    println!(
        "login_burst: {LOGINS} simultaneous sign-ins on {} cores: {signed_in} signed in, {busy} answered 429, \
         all done in {:.2} s (slowest {:.2} s)",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        wall.as_secs_f64(),
        slowest.as_secs_f64(),
    );
    println!(
        "login_burst: resident memory before {:.1} MiB, peak during the burst {:.1} MiB (budget 100 MB), after {:.1} MiB",
        before.rss_mib, after.peak_mib, after.rss_mib,
    );
}

struct Memory {
    rss_mib: f64,
    peak_mib: f64,
}

/// This process's VmRSS and VmHWM in MiB.
fn memory() -> Memory {
    let (rss_mib, peak_mib) = memory::this_process();
    Memory { rss_mib, peak_mib }
}
