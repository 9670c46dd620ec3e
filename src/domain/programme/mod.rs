//! A programme's fixed facts: how teaching and practicum are laid out, and
//! which of the four structures of `product.md` ("Added 2026-11-30") it has.
use chrono::{NaiveTime, Weekday};

use super::municipality::Region;

mod examples;
mod fill;
pub mod form;
mod text;

pub use form::{Problem, Problems, ProgrammeFields};

/// Region Hovedstaden's modular peer course (seed `001_...`): an intro per
/// role, then modules each participant signs up for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModularRules {
    pub intro_days_peer: u32,
    pub intro_days_colleague: u32,
    /// Length of every module, in hours (Region H: 4).
    pub module_hours: u32,
    /// Share of the signed-up modules' hours that must be attended (Region H: 80).
    pub min_attendance_percent: u32,
    /// Every mandatory module within this many months of the start (Region H: 12).
    pub complete_within_months: u32,
}

impl ModularRules {
    pub fn region_h() -> Self {
        Self {
            intro_days_peer: 3,
            intro_days_colleague: 4,
            module_hours: 4,
            min_attendance_percent: 80,
            complete_within_months: 12,
        }
    }
}

/// MB-forløbet (seed `003_...`): a year of practicum with teaching days and
/// visits to the practicum site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRules {
    pub months: u32,
    /// At least this many visits with the supervisor during the practicum (MB: 3).
    pub site_visits: u32,
}

impl YearRules {
    pub fn mb_forloebet() -> Self {
        Self { months: 12, site_visits: 3 }
    }
}

/// How a programme runs once people are admitted (contract field `structure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structure {
    /// Weekly sessions, then a practicum with follow-up days and supervisions (Randers, Viborg).
    CourseWithPracticum,
    ModularCourse(ModularRules),
    YearProgramme(YearRules),
    /// A job: application, interview, decision; no teaching (peer-support worker, recovery mentor).
    Recruitment,
}

impl Structure {
    pub const KEYS: [&'static str; 4] = ["course_with_practicum", "modular_course", "year_programme", "recruitment"];

    /// The contract's value of `structure`.
    pub fn key(self) -> &'static str {
        match self {
            Structure::CourseWithPracticum => "course_with_practicum",
            Structure::ModularCourse(_) => "modular_course",
            Structure::YearProgramme(_) => "year_programme",
            Structure::Recruitment => "recruitment",
        }
    }

    /// Whether admitted people form a cohort with a schedule (all but recruitment).
    pub fn has_schedule(self) -> bool {
        !matches!(self, Structure::Recruitment)
    }

    /// Whether admitted people are placed at a practicum site.
    pub fn has_practicum(self) -> bool {
        matches!(self, Structure::CourseWithPracticum | Structure::YearProgramme(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeFacts {
    pub slug: String,
    pub name: String,
    pub profile: String,
    pub organiser: String,
    pub place: String,
    pub teaching_weeks: u32,
    pub teaching_weekdays: Vec<Weekday>,
    pub session_starts: NaiveTime,
    pub session_ends: NaiveTime,
    pub session_count: u32,
    pub practicum_weeks: u32,
    pub practicum_hours_per_week: u32,
    pub capacity: u32,
    /// `None`: open to every region.
    pub home_region: Option<Region>,
    pub out_of_region_fee_dkk: Option<u32>,
    pub structure: Structure,
    pub follow_up_days: u32,
    pub supervisions: u32,
    /// The programme's own contact, shown beside the organisation's.
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

impl ProgrammeFacts {
    /// The practicum's weeks, hours and numbers of follow-up days and supervisions.
    pub fn practicum_pattern(&self) -> crate::domain::schedule::PracticumPattern {
        crate::domain::schedule::PracticumPattern {
            weeks: self.practicum_weeks,
            hours_per_week: self.practicum_hours_per_week,
            follow_up_days: self.follow_up_days,
            supervisions: self.supervisions,
        }
    }

    /// Whole teaching hours: sessions times session length (78 for Randers).
    pub fn teaching_hours(&self) -> u32 {
        let minutes = (self.session_ends - self.session_starts).num_minutes().max(0) as u32;
        self.session_count * minutes / 60
    }

    /// The reference programme: Peeruddannelsen, Recoveryskolen Randers.
    pub fn randers() -> Self {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid time");
        Self {
            slug: "peeruddannelsen-randers".into(),
            name: "Peeruddannelsen".into(),
            profile: "randers".into(),
            organiser: "Recoveryskolen Randers".into(),
            place: "Psykiatriens Hus, Randers".into(),
            teaching_weeks: 13,
            teaching_weekdays: vec![Weekday::Mon, Weekday::Wed],
            session_starts: t(9),
            session_ends: t(12),
            session_count: 26,
            practicum_weeks: 13,
            practicum_hours_per_week: 6,
            capacity: 8,
            home_region: Some(Region::Midtjylland),
            out_of_region_fee_dkk: Some(14_000),
            structure: Structure::CourseWithPracticum,
            follow_up_days: 2,
            supervisions: 2,
            contact_email: None,
            contact_phone: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn randers_has_78_hours_over_13_weeks() {
        let p = ProgrammeFacts::randers();
        assert_eq!(p.teaching_hours(), 78);
        assert_eq!(p.session_count, p.teaching_weeks * p.teaching_weekdays.len() as u32);
        assert_eq!(p.capacity, 8);
    }
}
