//! Interview slots and when they may be booked.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::local_time::from_local;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotTimes {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotPlanError {
    /// Slots go only on the intake's interview days.
    NotAnInterviewDay,
    /// From must be before to, the length positive, the buffer not negative.
    BadTimes,
    /// Not even one slot fits between from and to.
    NothingFits,
}

/// A request to cut a day into slots: `length` minutes each with `buffer`
/// minutes between them, the last one ending no later than `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotPlan {
    pub date: NaiveDate,
    pub from: NaiveTime,
    pub to: NaiveTime,
    pub length_minutes: i64,
    pub buffer_minutes: i64,
}

/// At most this many slots from one request (a whole day of 5-minute slots is a typo).
pub const MAX_SLOTS_PER_DAY: usize = 40;

impl SlotPlan {
    /// The slots, in Danish wall-clock time converted to instants.
    pub fn slots(&self, interview_days: &[NaiveDate]) -> Result<Vec<SlotTimes>, SlotPlanError> {
        if !interview_days.contains(&self.date) {
            return Err(SlotPlanError::NotAnInterviewDay);
        }
        if self.from >= self.to || self.length_minutes <= 0 || self.buffer_minutes < 0 || self.length_minutes > 8 * 60 {
            return Err(SlotPlanError::BadTimes);
        }
        let day_end = self.date.and_time(self.to);
        let mut start = self.date.and_time(self.from);
        let mut slots = Vec::new();
        while start + Duration::minutes(self.length_minutes) <= day_end && slots.len() < MAX_SLOTS_PER_DAY {
            let end = start + Duration::minutes(self.length_minutes);
            slots.push(SlotTimes { starts_at: from_local(start), ends_at: from_local(end) });
            start = end + Duration::minutes(self.buffer_minutes);
        }
        if slots.is_empty() {
            return Err(SlotPlanError::NothingFits);
        }
        Ok(slots)
    }
}

/// How long before a slot booking, changing and cancelling close (default 24 hours).
pub const DEFAULT_BOOKING_CUTOFF: Duration = Duration::hours(24);

/// A slot can be taken or left only while the cut-off lies ahead.
pub fn is_bookable(starts_at: DateTime<Utc>, cutoff: Duration, now: DateTime<Utc>) -> bool {
    now < starts_at - cutoff
}

pub use super::reminder::evening_before as reminder_at;

/// The score a panel member gives one criterion judged at the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Score {
    NotShown = 1,
    Somewhat = 2,
    Clearly = 3,
    Strongly = 4,
}

impl Score {
    pub const ALL: [Score; 4] = [Score::NotShown, Score::Somewhat, Score::Clearly, Score::Strongly];

    pub fn from_value(v: i16) -> Option<Self> {
        Self::ALL.into_iter().find(|s| *s as i16 == v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn plan(from: &str, to: &str, length: i64, buffer: i64) -> SlotPlan {
        SlotPlan { date: d("2027-08-27"), from: t(from), to: t(to), length_minutes: length, buffer_minutes: buffer }
    }

    fn local_starts(slots: &[SlotTimes]) -> Vec<String> {
        slots.iter().map(|s| super::super::local_time::to_local(s.starts_at).format("%H:%M").to_string()).collect()
    }

    #[test]
    fn nine_to_twelve_with_45_and_15_gives_three_slots() {
        let slots = plan("09:00", "12:00", 45, 15).slots(&[d("2027-08-27")]).unwrap();
        assert_eq!(local_starts(&slots), ["09:00", "10:00", "11:00"]);
        assert_eq!(super::super::local_time::to_local(slots[2].ends_at).format("%H:%M").to_string(), "11:45");
    }

    #[test]
    fn the_last_slot_must_end_by_to() {
        let slots = plan("09:00", "11:40", 45, 15).slots(&[d("2027-08-27")]).unwrap();
        assert_eq!(local_starts(&slots), ["09:00", "10:00"]);
        let exact = plan("09:00", "11:45", 45, 15).slots(&[d("2027-08-27")]).unwrap();
        assert_eq!(exact.len(), 3);
    }

    #[test]
    fn only_on_interview_days_and_with_sane_times() {
        assert_eq!(plan("09:00", "12:00", 45, 15).slots(&[d("2027-08-30")]), Err(SlotPlanError::NotAnInterviewDay));
        assert_eq!(plan("12:00", "09:00", 45, 15).slots(&[d("2027-08-27")]), Err(SlotPlanError::BadTimes));
        assert_eq!(plan("09:00", "12:00", 0, 15).slots(&[d("2027-08-27")]), Err(SlotPlanError::BadTimes));
        assert_eq!(plan("09:00", "09:30", 45, 0).slots(&[d("2027-08-27")]), Err(SlotPlanError::NothingFits));
        assert_eq!(plan("00:00", "23:59", 5, 0).slots(&[d("2027-08-27")]).unwrap().len(), MAX_SLOTS_PER_DAY);
    }

    #[test]
    fn summer_time_slots_are_two_hours_ahead_of_utc() {
        let slots = plan("09:00", "10:00", 60, 0).slots(&[d("2027-08-27")]).unwrap();
        assert_eq!(slots[0].starts_at.to_rfc3339(), "2027-08-27T07:00:00+00:00");
        let winter = SlotPlan { date: d("2027-12-01"), ..plan("09:00", "10:00", 60, 0) };
        assert_eq!(winter.slots(&[d("2027-12-01")]).unwrap()[0].starts_at.to_rfc3339(), "2027-12-01T08:00:00+00:00");
    }

    #[test]
    fn booking_closes_at_the_cutoff() {
        let start: DateTime<Utc> = "2027-08-27T07:00:00Z".parse().unwrap();
        assert!(is_bookable(start, DEFAULT_BOOKING_CUTOFF, start - Duration::hours(25)));
        assert!(!is_bookable(start, DEFAULT_BOOKING_CUTOFF, start - Duration::hours(24)));
    }

    #[test]
    fn the_reminder_goes_at_six_the_evening_before_unless_booked_late() {
        let start: DateTime<Utc> = "2027-08-27T07:00:00Z".parse().unwrap();
        let early: DateTime<Utc> = "2027-08-20T10:00:00Z".parse().unwrap();
        assert_eq!(reminder_at(start, early).unwrap().to_rfc3339(), "2027-08-26T16:00:00+00:00");
        assert_eq!(reminder_at(start, start - Duration::hours(23)), None);
        let evening_before: DateTime<Utc> = "2027-08-26T05:00:00Z".parse().unwrap();
        assert_eq!(reminder_at(start, evening_before).unwrap().to_rfc3339(), "2027-08-26T16:00:00+00:00");
    }
}
