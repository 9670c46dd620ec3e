//! When a reminder goes out for something booked ahead.
use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::local_time::{from_local, local_date};

/// 18:00 Danish time the day before; none when it was booked less than a
/// day ahead (a reminder would arrive almost with the confirmation).
pub fn evening_before(starts_at: DateTime<Utc>, booked_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if starts_at - booked_at < Duration::days(1) {
        return None;
    }
    let day_before = local_date(starts_at).pred_opt()?;
    let at = from_local(day_before.and_time(NaiveTime::from_hms_opt(18, 0, 0)?));
    Some(at.max(booked_at))
}

/// How long after one reminder to book an interview the next may go
/// (issue 17, item 9: nobody is reminded twice within 24 hours).
pub const BOOKING_REMINDER_GAP: Duration = Duration::hours(24);

/// Whether someone invited and not booked may be reminded at `now`, given
/// when they were last reminded (none: never).
pub fn booking_reminder_due(last_reminded: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_reminded.is_none_or(|last| now - last >= BOOKING_REMINDER_GAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_reminder_waits_a_full_day_after_the_last() {
        let last: DateTime<Utc> = "2027-05-03T09:00:00Z".parse().unwrap();
        assert!(booking_reminder_due(None, last));
        assert!(!booking_reminder_due(Some(last), last));
        assert!(!booking_reminder_due(Some(last), last + Duration::hours(23) + Duration::minutes(59)));
        assert!(booking_reminder_due(Some(last), last + Duration::hours(24)));
        assert!(booking_reminder_due(Some(last), last + Duration::days(3)));
    }

    #[test]
    fn six_in_the_evening_before_in_summer_and_winter() {
        let summer: DateTime<Utc> = "2027-08-27T07:00:00Z".parse().unwrap();
        let winter: DateTime<Utc> = "2027-12-01T08:00:00Z".parse().unwrap();
        let early: DateTime<Utc> = "2027-06-01T10:00:00Z".parse().unwrap();
        assert_eq!(evening_before(summer, early).unwrap().to_rfc3339(), "2027-08-26T16:00:00+00:00");
        assert_eq!(evening_before(winter, early).unwrap().to_rfc3339(), "2027-11-30T17:00:00+00:00");
        assert_eq!(evening_before(summer, summer - Duration::hours(23)), None);
    }
}
