//! Every user-facing string, in Danish (the default) and English.
//!
//! The catalogue is a struct checked by the compiler: a string missing in one
//! language does not build. Texts with blanks use `{}` and are filled with
//! [`fill`].
mod accessibility;
mod admin;
mod apply;
pub mod audit;
mod catalogue;
mod cohort;
mod coordinator;
pub mod dates;
mod done;
mod enrolment;
mod interview;
mod links;
mod meeting;
mod modules;
mod privacy;
mod profile;
mod programmes;
mod settings;
pub mod structure_facts;
mod support;

pub use accessibility::AccessibilityStrings;
pub use admin::AdminStrings;
pub use apply::ApplyStrings;
pub use catalogue::Catalogue;
pub use cohort::{CohortStrings, OfferWords};
pub use coordinator::CoordinatorStrings;
pub use done::DoneStrings;
pub use enrolment::EnrolmentStrings;
pub use interview::InterviewStrings;
pub use links::LinkStrings;
pub use meeting::MeetingStrings;
pub use modules::ModuleStrings;
pub use privacy::PrivacyStrings;
pub use profile::ProfileStrings;
pub use programmes::ProgrammeStrings;
pub use settings::SettingsStrings;
pub use support::SupportStrings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// Every e-mail is written in Danish (the contract), whatever the page language.
    pub const MAIL: Lang = Lang::Da;

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    pub fn strings(self) -> &'static Catalogue {
        match self {
            Lang::Da => &catalogue::DA,
            Lang::En => &catalogue::EN,
        }
    }

    /// The strings of cohorts and offers.
    pub fn cohort(self) -> &'static CohortStrings {
        match self {
            Lang::Da => &cohort::DA,
            Lang::En => &cohort::EN,
        }
    }

    /// The strings of info meetings.
    pub fn meeting(self) -> &'static MeetingStrings {
        match self {
            Lang::Da => &meeting::DA,
            Lang::En => &meeting::EN,
        }
    }

    /// The strings of interview booking.
    pub fn interview(self) -> &'static InterviewStrings {
        match self {
            Lang::Da => &interview::DA,
            Lang::En => &interview::EN,
        }
    }

    /// The strings of links that no longer work.
    pub fn links(self) -> &'static LinkStrings {
        match self {
            Lang::Da => &links::DA,
            Lang::En => &links::EN,
        }
    }

    /// The strings of the staff pages.
    pub fn admin(self) -> &'static AdminStrings {
        match self {
            Lang::Da => &admin::DA,
            Lang::En => &admin::EN,
        }
    }

    /// The strings of the privacy page.
    pub fn privacy(self) -> &'static PrivacyStrings {
        match self {
            Lang::Da => &privacy::DA,
            Lang::En => &privacy::EN,
        }
    }

    /// The strings of the coordinator's overview and of verifying.
    pub fn coordinator(self) -> &'static CoordinatorStrings {
        match self {
            Lang::Da => &coordinator::DA,
            Lang::En => &coordinator::EN,
        }
    }

    /// The strings confirming staff actions.
    pub fn done(self) -> &'static DoneStrings {
        match self {
            Lang::Da => &done::DA,
            Lang::En => &done::EN,
        }
    }

    /// The strings of the programmes pages.
    pub fn programmes(self) -> &'static ProgrammeStrings {
        match self {
            Lang::Da => &programmes::DA,
            Lang::En => &programmes::EN,
        }
    }

    /// The strings of the organisation settings.
    pub fn settings(self) -> &'static SettingsStrings {
        match self {
            Lang::Da => &settings::DA,
            Lang::En => &settings::EN,
        }
    }

    /// The strings of the accessibility statement.
    pub fn accessibility(self) -> &'static AccessibilityStrings {
        match self {
            Lang::Da => &accessibility::DA,
            Lang::En => &accessibility::EN,
        }
    }

    /// The strings of the programme-specific questions and intake pages.
    pub fn profile(self) -> &'static ProfileStrings {
        match self {
            Lang::Da => &profile::DA,
            Lang::En => &profile::EN,
        }
    }

    /// The strings of enrolment by an employer or a caseworker.
    pub fn enrolment(self) -> &'static EnrolmentStrings {
        match self {
            Lang::Da => &enrolment::DA,
            Lang::En => &enrolment::EN,
        }
    }

    /// The strings of the modular course.
    pub fn modules(self) -> &'static ModuleStrings {
        match self {
            Lang::Da => &modules::DA,
            Lang::En => &modules::EN,
        }
    }

    /// The strings of the support person (issue 19).
    pub fn support(self) -> &'static SupportStrings {
        match self {
            Lang::Da => &support::DA,
            Lang::En => &support::EN,
        }
    }

    /// The strings of the application form and its pages.
    pub fn apply(self) -> &'static ApplyStrings {
        match self {
            Lang::Da => &apply::DA,
            Lang::En => &apply::EN,
        }
    }
}

/// Replaces each `{}` in `text` with the next argument.
pub fn fill(text: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut args = args.iter();
    let mut parts = text.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("{} af {} pladser", &[&3, &8]), "3 af 8 pladser");
        assert_eq!(fill("ingen", &[]), "ingen");
    }

    #[test]
    fn both_catalogues_fill_every_blank_the_same_number_of_times() {
        let all = |l: Lang| {
            [
                l.strings().entries(),
                l.apply().entries(),
                l.admin().entries(),
                l.interview().entries(),
                l.meeting().entries(),
                l.links().entries(),
                l.profile().entries(),
                l.enrolment().entries(),
                l.modules().entries(),
                l.support().entries(),
            ]
            .concat()
        };
        let (da, en) = (all(Lang::Da), all(Lang::En));
        assert_eq!(da.len(), en.len());
        for ((key, d), (_, e)) in da.iter().zip(en.iter()) {
            assert_eq!(d.matches("{}").count(), e.matches("{}").count(), "{key}");
            assert!(!d.trim().is_empty() && !e.trim().is_empty(), "{key} is empty");
        }
    }
}
