//! The rules of optag: pure functions and types, no IO, no clock, no randomness.
pub mod actor;
pub mod application;
pub mod cohort;
pub mod consent;
pub mod eligibility;
pub mod email_address;
pub mod info_meeting;
pub mod intake;
pub mod interest;
pub mod interview;
pub mod link;
pub mod local_time;
pub mod login_throttle;
pub mod mail_limit;
pub mod municipality;
pub mod organisation;
pub mod own_page;
pub mod paging;
pub mod programme;
#[cfg(test)]
mod proptests;
pub mod reminder;
pub mod retention;
pub mod schedule;
pub mod staff;
pub mod support;
pub mod text;
