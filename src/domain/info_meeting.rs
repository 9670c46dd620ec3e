//! Info meetings before an intake's deadline.
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoMeeting {
    pub id: i64,
    pub intake_id: i64,
    pub intake_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub capacity: i32,
}
