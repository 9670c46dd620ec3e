//! A programme's fixed facts: how teaching and practicum are laid out.
use chrono::{NaiveTime, Weekday};

use super::municipality::Region;

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
    pub home_region: Region,
    pub out_of_region_fee_dkk: Option<u32>,
}

impl ProgrammeFacts {
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
            home_region: Region::Midtjylland,
            out_of_region_fee_dkk: Some(14_000),
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
