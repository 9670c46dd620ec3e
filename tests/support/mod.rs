pub mod app;
pub mod applicant;
pub mod browser;
pub mod database;
pub mod ics;
pub mod programmes;
pub mod smtp_sink;
pub mod staff;
pub mod structures;

pub use app::TestApp;
