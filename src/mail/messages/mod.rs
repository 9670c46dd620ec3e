//! The e-mails optag sends, one module per feature: each builder takes the
//! facts the mail states and returns a rendered [`OutgoingEmail`](super::OutgoingEmail).
pub mod apply;
pub mod cohorts;
pub mod enrolments;
pub mod interviews;
pub mod jobs;
pub mod meetings;
pub mod notify;
pub mod own_page;
pub mod support;
pub mod users;
pub mod visits;
