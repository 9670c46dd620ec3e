//! A cohort (hold): at most its capacity of people holding a seat, counted
//! as accepted offers plus offers still open.
use chrono::{DateTime, Duration, Utc};

use super::application::Status;

/// How long an offered place waits for an answer.
pub const ANSWER_WINDOW: Duration = Duration::days(7);

/// An offer can be made to an application in these states (the interview is
/// the normal path, not a gate).
pub fn can_be_offered(status: Status) -> bool {
    matches!(status, Status::Submitted | Status::Invited | Status::Interviewed | Status::Waitlisted)
}

/// An open offer holds its seat until its answer-by moment.
pub fn holds_seat(accepted: bool, answer_by: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    accepted || now < answer_by
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_follow_the_contract() {
        for s in [Status::Submitted, Status::Invited, Status::Interviewed, Status::Waitlisted] {
            assert!(can_be_offered(s), "{s:?}");
        }
        for s in [Status::Offered, Status::Admitted, Status::Declined, Status::Rejected, Status::Withdrawn] {
            assert!(!can_be_offered(s), "{s:?}");
        }
    }

    #[test]
    fn an_open_offer_lapses_at_its_answer_by_moment() {
        let t: DateTime<Utc> = "2027-09-01T10:00:00Z".parse().unwrap();
        assert!(holds_seat(false, t, t - Duration::seconds(1)));
        assert!(!holds_seat(false, t, t));
        assert!(holds_seat(true, t, t + Duration::days(30)));
    }
}

/// A participant's attendance so far, in whole percent of the sessions held.
pub fn attendance_percent(present: u32, held: u32) -> Option<u32> {
    (held > 0).then(|| present * 100 / held)
}

/// Below the programme's required share (when it has one).
pub fn attendance_too_low(present: u32, held: u32, threshold_percent: Option<u32>) -> bool {
    match (attendance_percent(present, held), threshold_percent) {
        (Some(share), Some(threshold)) => share < threshold,
        _ => false,
    }
}

#[cfg(test)]
mod attendance_tests {
    use super::*;

    #[test]
    fn eighty_percent_is_enough_and_below_is_flagged_only_where_required() {
        assert_eq!(attendance_percent(4, 5), Some(80));
        assert!(!attendance_too_low(4, 5, Some(80)));
        assert!(attendance_too_low(3, 5, Some(80)));
        assert!(!attendance_too_low(0, 5, None), "no requirement, no warning");
        assert_eq!(attendance_percent(0, 0), None);
    }
}
