//! A process's memory as Linux reports it, for the benches' RSS figures.

/// VmRSS and VmHWM (peak) in MiB from a `/proc/{pid}/status` file; 0 where
/// it cannot be read (not Linux, the process gone).
pub fn of(status_path: &str) -> (f64, f64) {
    let status = std::fs::read_to_string(status_path).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// This process's VmRSS and VmHWM in MiB.
pub fn this_process() -> (f64, f64) {
    of("/proc/self/status")
}
