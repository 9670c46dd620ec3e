//! The programmes of the seeds as facts, for the demo and the tests. Where a
//! seed is silent (Viborg's weekdays, MB-forløbet's teaching day, capacities
//! of programmes that name none), the value is a plain guess, marked so.
use chrono::{NaiveTime, Weekday};

use super::{ModularRules, ProgrammeFacts, Structure, YearRules};

fn at(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("valid time")
}

impl ProgrammeFacts {
    /// Peer-uddannelsen, Recovery-skolen Viborg (seed `004_...`): 13 weeks of
    /// teaching twice a week, 78 hours, then a 16-week practicum; at most 8.
    /// The weekdays are not in the seed (Tuesday and Thursday is a guess).
    pub fn viborg() -> Self {
        Self {
            slug: "peeruddannelsen-viborg".into(),
            name: "Peer-uddannelsen".into(),
            profile: "viborg".into(),
            organiser: "Recovery-skolen Viborg".into(),
            place: "Recovery-skolen, Center for Mestring, Viborg".into(),
            teaching_weekdays: vec![Weekday::Tue, Weekday::Thu],
            practicum_weeks: 16,
            ..Self::randers()
        }
    }

    /// Peer-uddannelsen i Region Hovedstaden (seed `001_...`): an intro of 3
    /// days (peers) or 4 (colleagues), 4-hour modules, 80 % attendance, every
    /// mandatory module within a year. Open to every region (no residence
    /// criterion); the capacity is a guess.
    pub fn region_h_peer_course() -> Self {
        Self {
            slug: "peer-uddannelsen-region-h".into(),
            name: "Peer-uddannelsen i Region Hovedstaden".into(),
            profile: "region-h-peer-course".into(),
            organiser: "Skolen for Recovery".into(),
            place: "Skolen for Recovery, København".into(),
            contact_email: Some("ln@detsocialenetvaerk.dk".into()),
            contact_phone: Some("+4531143760".into()),
            capacity: 24,
            ..Self::without_sessions(Structure::ModularCourse(ModularRules::region_h()), 4)
        }
    }

    /// MB-forløbet (seed `003_...`): a year of practicum with teaching in
    /// Lyngby and at least three site visits. The teaching day and capacity
    /// are guesses.
    pub fn mb_forloebet() -> Self {
        Self {
            slug: "mb-forloebet".into(),
            name: "MB-forløbet".into(),
            profile: "mb-forloebet".into(),
            organiser: "Det Sociale Netværk".into(),
            place: "Jægersborgvej 19, 2800 Lyngby".into(),
            teaching_weekdays: vec![Weekday::Tue],
            session_starts: at(10),
            session_ends: at(14),
            contact_email: Some("mb@dsinettet.dk".into()),
            contact_phone: Some("+4545873532".into()),
            capacity: 12,
            ..Self::without_sessions(Structure::YearProgramme(YearRules::mb_forloebet()), 3)
        }
    }

    /// Recovery-mentor in Region Hovedstadens Psykiatri (seed `003_...`): a
    /// job, recruited by application, interview and decision; the number of
    /// positions is a guess.
    pub fn recovery_mentor() -> Self {
        Self {
            slug: "recovery-mentor-region-h".into(),
            name: "Recovery-mentor".into(),
            profile: "recovery-mentor".into(),
            organiser: "Region Hovedstadens Psykiatri".into(),
            place: "Region Hovedstadens Psykiatri".into(),
            contact_phone: Some("+4521431804".into()),
            capacity: 3,
            ..Self::without_sessions(Structure::Recruitment, 3)
        }
    }

    /// Randers and the four above, one of each structure.
    pub fn examples() -> Vec<Self> {
        vec![
            Self::randers(),
            Self::viborg(),
            Self::region_h_peer_course(),
            Self::mb_forloebet(),
            Self::recovery_mentor(),
        ]
    }

    /// A programme without weekly sessions, as the programme form makes one:
    /// no weekdays, no session count, a day of `hours` from 09.00.
    fn without_sessions(structure: Structure, hours: u32) -> Self {
        Self {
            teaching_weeks: 0,
            teaching_weekdays: Vec::new(),
            session_starts: at(9),
            session_ends: at(9 + hours),
            session_count: 0,
            practicum_weeks: 0,
            practicum_hours_per_week: 0,
            home_region: None,
            out_of_region_fee_dkk: None,
            structure,
            follow_up_days: 0,
            supervisions: 0,
            ..Self::randers()
        }
    }
}
