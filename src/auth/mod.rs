//! Staff authentication: passwords, one-time codes, sessions.
mod argon;
pub mod password;
pub mod session;
pub mod totp;
