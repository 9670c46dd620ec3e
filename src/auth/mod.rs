//! Staff authentication: passwords, one-time codes, sessions.
pub mod password;
pub mod session;
pub mod totp;
