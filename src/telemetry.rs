//! Logging: `RUST_LOG` filters (default `info`); spans carry ids, never personal data.
use tracing_subscriber::{EnvFilter, fmt};

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // A second init (tests) keeps the first subscriber.
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
