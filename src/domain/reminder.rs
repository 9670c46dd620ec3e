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

#[cfg(test)]
mod tests {
    use super::*;

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
