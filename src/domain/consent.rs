//! Consent: what an applicant agrees to, in which wording and version.

/// The version of the consent texts on the form; new wording needs a new version.
pub const VERSION: &str = "2026-11-23";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Required: processing the application, health details included.
    Application,
    /// Optional: keeping the application to be considered for a later intake.
    KeepForLater,
}

impl Purpose {
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Application => "application",
            Purpose::KeepForLater => "keep_for_later",
        }
    }
}

/// One text as the form showed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentText {
    pub purpose: Purpose,
    pub version: &'static str,
    pub language: &'static str,
    pub body: String,
}
