//! Consent: what an applicant agrees to, in which wording and version.

/// The version of the consent texts on the form; new wording needs a new version.
pub const VERSION: &str = "2026-11-23";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Required: processing the application, health details included.
    Application,
    /// Optional: keeping the application to be considered for a later intake.
    KeepForLater,
    /// Optional: letting a support person help (issue 19; `domain::support`).
    SupportPerson,
}

impl Purpose {
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Application => "application",
            Purpose::KeepForLater => "keep_for_later",
            Purpose::SupportPerson => "support_person",
        }
    }
}

/// Any text but the keys.
#[derive(Debug, thiserror::Error)]
#[error("unknown consent purpose")]
pub struct UnknownPurpose;

impl std::str::FromStr for Purpose {
    type Err = UnknownPurpose;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "application" => Ok(Purpose::Application),
            "keep_for_later" => Ok(Purpose::KeepForLater),
            "support_person" => Ok(Purpose::SupportPerson),
            _ => Err(UnknownPurpose),
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
