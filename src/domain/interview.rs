//! Interview slots and when they may be booked.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotTimes {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotPlanError {
    /// Slots go only on the intake's interview days.
    NotAnInterviewDay,
    /// From must be before to, the length 5 minutes to 8 hours, the buffer 0 to 8 hours.
    BadTimes,
    /// Not even one slot fits between from and to.
    NothingFits,
}

/// Why a slot request's fields did not read as a plan (checked in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotFieldError {
    /// No date, or not a date.
    Date,
    /// From or to is not a time of day.
    Time,
    /// The length or the pause is not a whole number.
    Number,
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

/// A slot lasts 5 minutes to 8 hours; the pause between slots at most 8 hours.
pub const LENGTH_MINUTES: std::ops::RangeInclusive<i64> = 5..=480;
pub const BUFFER_MINUTES: std::ops::RangeInclusive<i64> = 0..=480;

/// The moment a Danish wall-clock time denotes, when it denotes exactly one.
fn single(wall: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    chrono_tz::Europe::Copenhagen.from_local_datetime(&wall).single().map(|t| t.with_timezone(&Utc))
}

/// At most this many slots from one request (a whole day of 5-minute slots is a typo).
pub const MAX_SLOTS_PER_DAY: usize = 40;

impl SlotPlan {
    /// The slots, in Danish wall-clock time converted to instants.
    pub fn slots(&self, interview_days: &[NaiveDate]) -> Result<Vec<SlotTimes>, SlotPlanError> {
        if !interview_days.contains(&self.date) {
            return Err(SlotPlanError::NotAnInterviewDay);
        }
        if self.from >= self.to
            || !LENGTH_MINUTES.contains(&self.length_minutes)
            || !BUFFER_MINUTES.contains(&self.buffer_minutes)
        {
            return Err(SlotPlanError::BadTimes);
        }
        let (length, buffer) = (Duration::minutes(self.length_minutes), Duration::minutes(self.buffer_minutes));
        let day_end = self.date.and_time(self.to);
        let mut start = self.date.and_time(self.from);
        let mut slots = Vec::new();
        while start + length <= day_end && slots.len() < MAX_SLOTS_PER_DAY {
            // On the nights the clocks change a wall-clock start may not exist
            // or exist twice: such starts are skipped, and every slot lasts its
            // real length (one that spans the change ends at the clock's new reading).
            if let Some(starts_at) = single(start) {
                let slot = SlotTimes { starts_at, ends_at: starts_at + length };
                let fits = super::local_time::to_local(slot.ends_at).naive_local() <= day_end;
                if fits && slots.last().is_none_or(|prev: &SlotTimes| prev.ends_at <= slot.starts_at) {
                    slots.push(slot);
                }
            }
            start = start + length + buffer;
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

/// An open task an interview left behind (`follow_up_tasks.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// The applicant did not come.
    NoShow,
}

impl FollowUp {
    pub fn key(&self) -> &'static str {
        match self {
            FollowUp::NoShow => "no_show",
        }
    }
}

impl std::str::FromStr for FollowUp {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        match text {
            "no_show" => Ok(FollowUp::NoShow),
            _ => Err(()),
        }
    }
}

/// What one panel member recorded: a no-show, or a score per criterion
/// (motivation, reflection, distance, competence building), with notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub no_show: bool,
    pub scores: [Option<Score>; 4],
    pub notes: String,
}

impl Assessment {
    /// A no-show needs no scores; otherwise every criterion needs one.
    pub fn is_complete(&self) -> bool {
        self.no_show || self.scores.iter().all(Option::is_some)
    }

    /// The scores as stored: none for a no-show.
    pub fn stored_scores(&self) -> [Option<i16>; 4] {
        if self.no_show { [None; 4] } else { self.scores.map(|s| s.map(|s| s as i16)) }
    }
}

/// The shortest and longest of some interviews, in whole minutes, from
/// their real start and end; none for no interviews.
pub fn length_minutes(spans: impl IntoIterator<Item = (DateTime<Utc>, DateTime<Utc>)>) -> Option<(i64, i64)> {
    spans.into_iter().map(|(s, e)| (e - s).num_minutes()).fold(None, |range, m| match range {
        None => Some((m, m)),
        Some((lo, hi)) => Some((lo.min(m), hi.max(m))),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lengths_are_read_from_the_slots() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let t = at("2027-08-17T08:00:00Z");
        assert_eq!(length_minutes([(t, t + Duration::minutes(45))]), Some((45, 45)));
        let two = [(t, t + Duration::minutes(45)), (t, t + Duration::minutes(60))];
        assert_eq!(length_minutes(two), Some((45, 60)));
        assert_eq!(length_minutes([]), None);
    }

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
    fn lengths_and_pauses_out_of_range_are_refused_not_overflowed() {
        let day = [d("2027-08-27")];
        assert_eq!(plan("09:00", "12:00", 45, 9_000_000_000_000_000_000).slots(&day), Err(SlotPlanError::BadTimes));
        assert_eq!(plan("09:00", "12:00", i64::MAX, 0).slots(&day), Err(SlotPlanError::BadTimes));
        assert_eq!(plan("09:00", "12:00", 45, -1).slots(&day), Err(SlotPlanError::BadTimes));
        assert_eq!(plan("09:00", "12:00", 4, 0).slots(&day), Err(SlotPlanError::BadTimes));
    }

    /// Every slot offered on `date` between 01:00 and 04:00 in 30-minute steps.
    fn night(date: &str) -> Vec<SlotTimes> {
        let p = SlotPlan { date: d(date), ..plan("01:00", "04:00", 30, 0) };
        p.slots(&[d(date)]).unwrap()
    }

    #[test]
    fn on_the_nights_the_clocks_change_every_slot_lasts_its_length_and_none_is_in_the_missing_or_double_hour() {
        // Spring forward (02:00 -> 03:00) and fall back (03:00 -> 02:00), 2027 and 2028.
        for (date, expected) in [
            ("2027-03-28", ["01:00", "01:30", "03:00", "03:30"]),
            ("2028-03-26", ["01:00", "01:30", "03:00", "03:30"]),
            ("2027-10-31", ["01:00", "01:30", "03:00", "03:30"]),
            ("2028-10-29", ["01:00", "01:30", "03:00", "03:30"]),
        ] {
            let slots = night(date);
            assert_eq!(local_starts(&slots), expected, "{date}");
            assert!(slots.iter().all(|s| s.ends_at - s.starts_at == Duration::minutes(30)), "{date}");
            assert!(slots.windows(2).all(|w| w[0].ends_at <= w[1].starts_at), "{date}: no overlap");
        }
        // The night before is an ordinary one.
        assert_eq!(night("2027-03-27").len(), 6);
    }

    #[test]
    fn a_follow_up_reads_back_what_it_writes() {
        assert_eq!(FollowUp::NoShow.key().parse::<FollowUp>(), Ok(FollowUp::NoShow));
        assert!("done".parse::<FollowUp>().is_err());
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
