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
