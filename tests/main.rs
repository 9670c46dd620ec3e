//! The one integration test binary: black-box tests against a real PostgreSQL
//! (a fresh database per test), a real SMTP sink and headless Chromium.
mod cases;
mod support;
