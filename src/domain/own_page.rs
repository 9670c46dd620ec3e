//! The applicant's own page: how long its links live, how often a new one is sent.
use chrono::Duration;

/// Long enough to follow an application from receipt to decision; a fresh
/// link can always be asked for.
pub const LINK_LIFETIME: Duration = Duration::days(60);

/// "Send me my link again" sends at most one mail per application in this
/// time, so the form cannot be used to flood someone's inbox.
pub const NEW_LINK_PAUSE: Duration = Duration::minutes(10);
