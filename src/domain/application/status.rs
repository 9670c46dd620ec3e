//! The workflow of an application and the transitions it allows.
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Submitted,
    Invited,
    Interviewed,
    Offered,
    Admitted,
    Waitlisted,
    Declined,
    Rejected,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Submitted,
        Status::Invited,
        Status::Interviewed,
        Status::Offered,
        Status::Admitted,
        Status::Waitlisted,
        Status::Declined,
        Status::Rejected,
        Status::Withdrawn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Invited => "invited",
            Status::Interviewed => "interviewed",
            Status::Offered => "offered",
            Status::Admitted => "admitted",
            Status::Waitlisted => "waitlisted",
            Status::Declined => "declined",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Whether the workflow allows moving from `self` to `to`.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        match (self, to) {
            (_, Withdrawn) => !matches!(self, Withdrawn | Admitted | Declined | Rejected),
            (Submitted, Invited | Offered | Waitlisted | Rejected) => true,
            (Invited, Invited | Interviewed | Offered | Waitlisted | Rejected) => true,
            (Interviewed, Offered | Waitlisted | Rejected) => true,
            (Waitlisted, Offered | Rejected) => true,
            (Offered, Admitted | Declined | Waitlisted) => true,
            _ => false,
        }
    }

    /// The applicant can still change their application themselves.
    pub fn is_editable_by_applicant(self) -> bool {
        self == Status::Submitted
    }
}

impl FromStr for Status {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|st| st.key() == s).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::Status::{self, *};

    #[test]
    fn the_normal_path_is_allowed() {
        for (from, to) in [(Submitted, Invited), (Invited, Interviewed), (Interviewed, Offered), (Offered, Admitted)] {
            assert!(from.can_become(to), "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn final_states_stay_final_and_nothing_skips_back() {
        for to in Status::ALL {
            for from in [Admitted, Declined, Rejected, Withdrawn] {
                assert!(!from.can_become(to), "{from:?} -> {to:?}");
            }
            assert!(!to.can_become(Submitted), "{to:?} -> submitted");
        }
        assert!(!Submitted.can_become(Admitted), "admission needs an offer");
        assert!(!Interviewed.can_become(Invited));
    }

    #[test]
    fn anyone_still_in_the_process_can_withdraw() {
        for from in [Submitted, Invited, Interviewed, Offered, Waitlisted] {
            assert!(from.can_become(Withdrawn), "{from:?}");
        }
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.key().parse(), Ok(s));
        }
    }
}
