//! The programme form of `/admin/programmes` (http-contract.md, Version 2,
//! "Organisation and programmes"): text as sent, parsed once into
//! [`ProgrammeFacts`] with every problem named at once.
use chrono::{NaiveTime, Weekday};

pub use super::text::{parse_time, parse_weekdays, weekday_keys};
use super::{ModularRules, ProgrammeFacts, Structure, YearRules, text::slug};
use crate::domain::{
    application::values::PhoneNumber, eligibility::Profile, email_address::EmailAddress, municipality::Region,
};

/// The form as sent. The fields of structures other than the chosen one are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ProgrammeFields {
    pub slug: String,
    pub name: String,
    pub profile: String,
    pub structure: String,
    pub organiser: String,
    pub place: String,
    pub capacity: String,
    pub home_region: String,
    pub out_of_region_fee_dkk: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// `course_with_practicum` and `year_programme`: e.g. `man,ons`.
    pub teaching_weekdays: String,
    /// `HH:MM`, Danish time.
    pub session_starts: String,
    pub session_ends: String,
    pub session_count: String,
    pub practicum_weeks: String,
    pub practicum_hours_per_week: String,
    pub follow_up_days: String,
    pub supervisions: String,
    pub intro_days_peer: String,
    pub intro_days_colleague: String,
    pub module_hours: String,
    pub min_attendance_percent: String,
    pub complete_within_months: String,
    pub months: String,
    pub site_visits: String,
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong,
    /// Not lower-case letters, digits and single hyphens (the table's CHECK).
    BadSlug,
    /// The slug belongs to another programme (found by storage, named here).
    SlugTaken,
    UnknownProfile,
    UnknownStructure,
    UnknownRegion,
    /// Not a whole number within the range (inclusive).
    OutOfRange {
        min: u32,
        max: u32,
    },
    /// Not weekdays like `man,ons`.
    BadWeekdays,
    /// Not `HH:MM`.
    BadTime,
    /// The session ends at or before it starts.
    EndsBeforeStarts,
    NotAnEmail,
    NotAPhone,
}

/// Every field's problem, in the form's order.
pub type Problems = Vec<(&'static str, Problem)>;

const TEXT_MAX: usize = 200;

/// Collects problems while fields are read; each reader returns a value to build with.
struct Reader {
    problems: Problems,
}

impl Reader {
    fn check<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        result.map_err(|p| self.problems.push((field, p))).ok()
    }

    fn text(&mut self, field: &'static str, value: &str, max: usize) -> Option<String> {
        let value = value.trim();
        self.check(
            field,
            match value.chars().count() {
                0 => Err(Problem::Required),
                n if n > max => Err(Problem::TooLong),
                _ => Ok(value.to_string()),
            },
        )
    }

    fn number(&mut self, field: &'static str, value: &str, min: u32, max: u32) -> Option<u32> {
        let n = value.trim().parse::<u32>().ok().filter(|n| (min..=max).contains(n));
        self.check(field, n.ok_or(Problem::OutOfRange { min, max }))
    }

    fn time(&mut self, field: &'static str, value: &str) -> Option<NaiveTime> {
        self.check(field, parse_time(value).ok_or(Problem::BadTime))
    }

    /// The weekdays and the session times, ends after starts.
    fn teaching(&mut self, f: &ProgrammeFields) -> Option<(Vec<Weekday>, NaiveTime, NaiveTime)> {
        let weekdays =
            self.check("teaching_weekdays", parse_weekdays(&f.teaching_weekdays).ok_or(Problem::BadWeekdays));
        let (starts, ends) =
            (self.time("session_starts", &f.session_starts), self.time("session_ends", &f.session_ends));
        let ends = match (starts, ends) {
            (Some(s), Some(e)) if e <= s => self.check("session_ends", Err(Problem::EndsBeforeStarts)),
            _ => ends,
        };
        Some((weekdays?, starts?, ends?))
    }
}

fn optional<T>(value: &str, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
    match value.trim() {
        "" => Ok(None),
        v => parse(v).map(Some),
    }
}

/// The parts of a programme that depend on its structure.
struct Layout {
    structure: Structure,
    weekdays: Vec<Weekday>,
    times: (NaiveTime, NaiveTime),
    session_count: u32,
    practicum: (u32, u32),
    follow_ups: (u32, u32),
}

fn at(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour.min(23), 0, 0).expect("an hour of the day")
}

fn layout(r: &mut Reader, f: &ProgrammeFields, structure: &str) -> Option<Layout> {
    // Structures without weekly sessions keep no weekdays and no session count;
    // their times are the length of a day of teaching (the table needs some).
    let plain = |structure, hours: u32| Layout {
        structure,
        weekdays: Vec::new(),
        times: (at(9), at(9 + hours.max(1))),
        session_count: 0,
        practicum: (0, 0),
        follow_ups: (0, 0),
    };
    match structure {
        "course_with_practicum" => {
            let teaching = r.teaching(f);
            let count = r.number("session_count", &f.session_count, 1, 200);
            let weeks = r.number("practicum_weeks", &f.practicum_weeks, 0, 104);
            let hours = r.number("practicum_hours_per_week", &f.practicum_hours_per_week, 0, 60);
            let follow_ups = r.number("follow_up_days", &f.follow_up_days, 0, 20);
            let supervisions = r.number("supervisions", &f.supervisions, 0, 20);
            let (weekdays, starts, ends) = teaching?;
            Some(Layout {
                structure: Structure::CourseWithPracticum,
                weekdays,
                times: (starts, ends),
                session_count: count?,
                practicum: (weeks?, hours?),
                follow_ups: (follow_ups?, supervisions?),
            })
        }
        "modular_course" => {
            let rules = ModularRules {
                intro_days_peer: r.number("intro_days_peer", &f.intro_days_peer, 0, 20).unwrap_or_default(),
                intro_days_colleague: r
                    .number("intro_days_colleague", &f.intro_days_colleague, 0, 20)
                    .unwrap_or_default(),
                module_hours: r.number("module_hours", &f.module_hours, 1, 12).unwrap_or_default(),
                min_attendance_percent: r
                    .number("min_attendance_percent", &f.min_attendance_percent, 1, 100)
                    .unwrap_or_default(),
                complete_within_months: r
                    .number("complete_within_months", &f.complete_within_months, 1, 60)
                    .unwrap_or_default(),
            };
            Some(plain(Structure::ModularCourse(rules), rules.module_hours))
        }
        "year_programme" => {
            let months = r.number("months", &f.months, 1, 36);
            let teaching = r.teaching(f);
            let site_visits = r.number("site_visits", &f.site_visits, 0, 20);
            let (weekdays, starts, ends) = teaching?;
            let rules = YearRules { months: months?, site_visits: site_visits? };
            Some(Layout { weekdays, times: (starts, ends), ..plain(Structure::YearProgramme(rules), 0) })
        }
        "recruitment" => Some(plain(Structure::Recruitment, 3)),
        _ => r.check("structure", Err(Problem::UnknownStructure)),
    }
}

impl ProgrammeFields {
    /// The programme, or every field's problem in the form's order.
    pub fn parse(&self) -> Result<ProgrammeFacts, Problems> {
        let f = self;
        let mut r = Reader { problems: Vec::new() };
        let slug = r.check("slug", slug(&f.slug));
        let name = r.text("name", &f.name, TEXT_MAX);
        let profile =
            r.check("profile", Profile::by_key(f.profile.trim()).map(|p| p.key).ok_or(Problem::UnknownProfile));
        let layout = layout(&mut r, f, f.structure.trim());
        let organiser = r.text("organiser", &f.organiser, TEXT_MAX);
        let place = r.text("place", &f.place, TEXT_MAX);
        let capacity = r.number("capacity", &f.capacity, 1, 100);
        let region = optional(&f.home_region, |v| Region::from_key(v).ok_or(Problem::UnknownRegion));
        let home_region = r.check("home_region", region);
        let fee = optional(&f.out_of_region_fee_dkk, |v| {
            v.parse::<u32>().ok().filter(|n| *n <= 1_000_000).ok_or(Problem::OutOfRange { min: 0, max: 1_000_000 })
        });
        let fee = r.check("out_of_region_fee_dkk", fee);
        let email = optional(&f.contact_email, |v| EmailAddress::parse(v).map_err(|_| Problem::NotAnEmail));
        let contact_email = r.check("contact_email", email);
        let phone = optional(&f.contact_phone, |v| PhoneNumber::parse(v).ok_or(Problem::NotAPhone));
        let contact_phone = r.check("contact_phone", phone);
        if !r.problems.is_empty() {
            return Err(sorted(r.problems));
        }
        let (Some(slug), Some(name), Some(profile), Some(l), Some(organiser), Some(place), Some(capacity)) =
            (slug, name, profile, layout, organiser, place, capacity)
        else {
            return Err(sorted(r.problems));
        };
        let per_week = l.weekdays.len().max(1) as u32;
        Ok(ProgrammeFacts {
            slug,
            name,
            profile: profile.to_string(),
            organiser,
            place,
            teaching_weeks: l.session_count.div_ceil(per_week),
            teaching_weekdays: l.weekdays,
            session_starts: l.times.0,
            session_ends: l.times.1,
            session_count: l.session_count,
            practicum_weeks: l.practicum.0,
            practicum_hours_per_week: l.practicum.1,
            capacity,
            home_region: home_region.flatten(),
            out_of_region_fee_dkk: fee.flatten(),
            structure: l.structure,
            follow_up_days: l.follow_ups.0,
            supervisions: l.follow_ups.1,
            contact_email: contact_email.flatten().map(|e| e.as_str().to_string()),
            contact_phone: contact_phone.flatten().map(|p| p.as_str().to_string()),
        })
    }
}

/// The form's order of fields, for the summary at the top.
pub const FIELD_ORDER: [&str; 26] = [
    "slug",
    "name",
    "profile",
    "structure",
    "organiser",
    "place",
    "capacity",
    "home_region",
    "out_of_region_fee_dkk",
    "contact_email",
    "contact_phone",
    "teaching_weekdays",
    "session_starts",
    "session_ends",
    "session_count",
    "practicum_weeks",
    "practicum_hours_per_week",
    "follow_up_days",
    "supervisions",
    "intro_days_peer",
    "intro_days_colleague",
    "module_hours",
    "min_attendance_percent",
    "complete_within_months",
    "months",
    "site_visits",
];

fn sorted(mut problems: Problems) -> Problems {
    problems.sort_by_key(|(field, _)| FIELD_ORDER.iter().position(|f| f == field));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn randers_fields() -> ProgrammeFields {
        ProgrammeFacts::randers().fields()
    }

    #[test]
    fn randers_round_trips_through_the_form() {
        let f = randers_fields();
        assert_eq!(f.teaching_weekdays, "man,ons");
        assert_eq!((f.session_starts.as_str(), f.session_ends.as_str()), ("09:00", "12:00"));
        assert_eq!(f.parse().unwrap(), ProgrammeFacts::randers());
    }

    #[test]
    fn every_example_programme_round_trips() {
        for p in ProgrammeFacts::examples() {
            assert_eq!(p.fields().parse().as_ref(), Ok(&p), "{}", p.slug);
        }
    }

    #[test]
    fn teaching_weeks_follow_the_sessions_and_weekdays() {
        let f = ProgrammeFields { session_count: "16".into(), teaching_weekdays: "tue".into(), ..randers_fields() };
        let p = f.parse().unwrap();
        assert_eq!((p.teaching_weeks, p.teaching_weekdays.clone()), (16, vec![Weekday::Tue]));
        let f = ProgrammeFields { session_count: "25".into(), ..randers_fields() };
        assert_eq!(f.parse().unwrap().teaching_weeks, 13, "the odd session makes a week of its own");
    }

    #[test]
    fn the_fields_of_other_structures_are_ignored() {
        let f = ProgrammeFields {
            structure: "recruitment".into(),
            months: "nonsense".into(),
            intro_days_peer: "-1".into(),
            ..randers_fields()
        };
        let p = f.parse().unwrap();
        assert_eq!(p.structure, Structure::Recruitment);
        assert!(p.teaching_weekdays.is_empty());
        assert_eq!((p.session_count, p.teaching_weeks, p.practicum_weeks), (0, 0, 0));
        assert!(p.session_ends > p.session_starts, "the table needs a positive session");
    }

    #[test]
    fn a_modular_course_keeps_its_rules_and_no_weekly_sessions() {
        let f = ProgrammeFields {
            structure: "modular_course".into(),
            intro_days_peer: "3".into(),
            intro_days_colleague: "4".into(),
            module_hours: "4".into(),
            min_attendance_percent: "80".into(),
            complete_within_months: "12".into(),
            teaching_weekdays: "funday".into(),
            ..randers_fields()
        };
        let p = f.parse().unwrap();
        assert_eq!(p.structure, Structure::ModularCourse(ModularRules::region_h()));
        assert_eq!((p.session_count, p.session_ends - p.session_starts), (0, chrono::Duration::hours(4)));
    }

    #[test]
    fn every_problem_is_named_at_once_in_the_form_order() {
        let f = ProgrammeFields {
            slug: "Bad Slug".into(),
            name: " ".into(),
            profile: "aarhus".into(),
            capacity: "0".into(),
            home_region: "fyn".into(),
            out_of_region_fee_dkk: "lots".into(),
            contact_email: "nope".into(),
            contact_phone: "12".into(),
            teaching_weekdays: "mon,funday".into(),
            session_starts: "9".into(),
            session_count: "0".into(),
            ..randers_fields()
        };
        let problems = f.parse().unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("slug", Problem::BadSlug),
                ("name", Problem::Required),
                ("profile", Problem::UnknownProfile),
                ("capacity", Problem::OutOfRange { min: 1, max: 100 }),
                ("home_region", Problem::UnknownRegion),
                ("out_of_region_fee_dkk", Problem::OutOfRange { min: 0, max: 1_000_000 }),
                ("contact_email", Problem::NotAnEmail),
                ("contact_phone", Problem::NotAPhone),
                ("teaching_weekdays", Problem::BadWeekdays),
                ("session_starts", Problem::BadTime),
                ("session_count", Problem::OutOfRange { min: 1, max: 200 }),
            ]
        );
    }

    #[test]
    fn times_weekdays_and_structures_are_checked() {
        let f = ProgrammeFields { session_starts: "12:00".into(), session_ends: "09:00".into(), ..randers_fields() };
        assert_eq!(f.parse().unwrap_err(), vec![("session_ends", Problem::EndsBeforeStarts)]);
        let f = ProgrammeFields { session_ends: "25:00".into(), ..randers_fields() };
        assert_eq!(f.parse().unwrap_err(), vec![("session_ends", Problem::BadTime)]);
        let f = ProgrammeFields { structure: "evening_class".into(), ..randers_fields() };
        assert_eq!(f.parse().unwrap_err(), vec![("structure", Problem::UnknownStructure)]);
        assert_eq!(parse_weekdays("Wed, mon mon"), Some(vec![Weekday::Mon, Weekday::Wed]));
        assert_eq!(parse_weekdays("ons,man"), Some(vec![Weekday::Mon, Weekday::Wed]));
        assert_eq!(parse_weekdays("Tirsdag LØR søn"), Some(vec![Weekday::Tue, Weekday::Sat, Weekday::Sun]));
        assert_eq!(weekday_keys(&[Weekday::Tue, Weekday::Sat]), "tir,lør");
        assert_eq!(parse_weekdays("tir,lør"), Some(vec![Weekday::Tue, Weekday::Sat]));
        assert_eq!(parse_weekdays("man,funday"), None);
        assert_eq!(parse_weekdays(" , "), None);
        assert_eq!(parse_time("09:30:00"), None);
        for bad in ["-a", "a--b", "a-", "æble", "A"] {
            assert_eq!(slug(bad), Err(Problem::BadSlug), "{bad}");
        }
        assert_eq!(slug(&"a".repeat(61)), Err(Problem::TooLong));
    }

    #[test]
    fn an_empty_region_fee_and_contact_are_none() {
        let f = ProgrammeFields {
            home_region: String::new(),
            out_of_region_fee_dkk: " ".into(),
            contact_phone: "89 15 00 00".into(),
            ..randers_fields()
        };
        let p = f.parse().unwrap();
        assert_eq!((p.home_region, p.out_of_region_fee_dkk, p.contact_email), (None, None, None));
        assert_eq!(p.contact_phone.as_deref(), Some("+4589150000"));
    }
}
