//! One wrk run in another process and its figures, for the benches that drive
//! the server over HTTP (`pages`, `staff_list`, `submit`).
use std::process::Command;

/// What wrk printed: requests a second, requests in all, and the 50th and 99th percentile in milliseconds.
pub struct Run {
    pub rate: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Requests completed in the run.
    #[allow(dead_code, reason = "each bench includes this file; only `submit` counts what was stored against it")]
    pub requests: u64,
    pub errors: String,
}

/// One wrk run in another process; `None` when it does not run or its output does not read.
pub fn run(args: &[&str], url: &str) -> Option<Run> {
    let out = Command::new("wrk").args(args).arg(url).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |prefix: &str| {
        text.lines().map(str::trim).find(|l| l.starts_with(prefix)).and_then(|l| l.split_whitespace().nth(1))
    };
    let errors: Vec<&str> =
        text.lines().map(str::trim).filter(|l| l.starts_with("Non-2xx") || l.starts_with("Socket errors")).collect();
    Some(Run {
        rate: field("Requests/sec:")?.parse().ok()?,
        p50_ms: millis(field("50%")?)?,
        p99_ms: millis(field("99%")?)?,
        requests: text.lines().find(|l| l.contains(" requests in "))?.split_whitespace().next()?.parse().ok()?,
        errors: errors.join("; "),
    })
}

/// wrk's `812.00us`, `4.60ms`, `1.02s` in milliseconds.
fn millis(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let n: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => n / 1e3,
        "ms" => n,
        "s" => n * 1e3,
        "m" => n * 60e3,
        _ => return None,
    })
}
