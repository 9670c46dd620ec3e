pub mod app;
pub mod browser;
pub mod database;
pub mod smtp_sink;

pub use app::TestApp;
