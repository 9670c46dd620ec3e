//! Link tokens: which kind a link is, and why one stopped working. A link that
//! was never issued is unknown (404); one that was issued and no longer works
//! is gone (410) for one of the reasons here, so the page can say what to do.
use super::application::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    MeetingConfirm,
    MeetingCancel,
    MeetingInvitation,
    InterestConfirm,
    Unsubscribe,
    Draft,
    Receipt,
    OwnPage,
    InterviewBooking,
    Offer,
    Feed,
    StaffActivation,
    /// The enroller's link proving their address (`/enrolments/confirm/{token}`).
    EnrolmentConfirm,
    /// The enrolled person's link (`/enrolments/{token}`).
    Enrolment,
    /// The mailed link a support person proves their address with.
    SupportConfirm,
    /// A support person's own link (`/support/{token}`).
    Support,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retired {
    /// A newer link was sent in its place.
    Superseded,
    /// It did its one job already.
    Used,
    /// Its time ran out.
    Expired,
    /// What it was for is over (the application was sent, decided, withdrawn or erased).
    Over,
}

impl LinkKind {
    pub const ALL: [LinkKind; 16] = [
        LinkKind::MeetingConfirm,
        LinkKind::MeetingCancel,
        LinkKind::MeetingInvitation,
        LinkKind::InterestConfirm,
        LinkKind::Unsubscribe,
        LinkKind::Draft,
        LinkKind::Receipt,
        LinkKind::OwnPage,
        LinkKind::InterviewBooking,
        LinkKind::Offer,
        LinkKind::Feed,
        LinkKind::StaffActivation,
        LinkKind::EnrolmentConfirm,
        LinkKind::Enrolment,
        LinkKind::SupportConfirm,
        LinkKind::Support,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LinkKind::MeetingConfirm => "meeting_confirm",
            LinkKind::MeetingCancel => "meeting_cancel",
            LinkKind::MeetingInvitation => "meeting_invitation",
            LinkKind::InterestConfirm => "interest_confirm",
            LinkKind::Unsubscribe => "unsubscribe",
            LinkKind::Draft => "draft",
            LinkKind::Receipt => "receipt",
            LinkKind::OwnPage => "own_page",
            LinkKind::InterviewBooking => "interview_booking",
            LinkKind::Offer => "offer",
            LinkKind::Feed => "feed",
            LinkKind::StaffActivation => "staff_activation",
            LinkKind::EnrolmentConfirm => "enrolment_confirm",
            LinkKind::Enrolment => "enrolment",
            LinkKind::SupportConfirm => "support_confirm",
            LinkKind::Support => "support",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl Retired {
    pub const ALL: [Retired; 4] = [Retired::Superseded, Retired::Used, Retired::Expired, Retired::Over];

    pub fn key(self) -> &'static str {
        match self {
            Retired::Superseded => "superseded",
            Retired::Used => "used",
            Retired::Expired => "expired",
            Retired::Over => "over",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A booking link is for booking an interview while the application waits for
/// one; once it is decided (or withdrawn) there is nothing to book.
pub fn booking_is_over(status: Status) -> bool {
    !matches!(status, Status::Submitted | Status::Invited | Status::Interviewed)
}

/// The applicant can withdraw from every status but the final "no" ones:
/// an admitted participant too (the seat then goes back).
pub fn can_withdraw(status: Status) -> bool {
    !matches!(status, Status::Withdrawn | Status::Declined | Status::Rejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in LinkKind::ALL {
            assert_eq!(LinkKind::from_key(k.key()), Some(k));
        }
        for r in Retired::ALL {
            assert_eq!(Retired::from_key(r.key()), Some(r));
        }
        assert_eq!(LinkKind::from_key("session"), None);
    }

    #[test]
    fn a_booking_link_is_over_once_the_application_is_decided() {
        use Status::*;
        for s in [Submitted, Invited, Interviewed] {
            assert!(!booking_is_over(s), "{s:?}");
        }
        for s in [Offered, Admitted, Waitlisted, Declined, Rejected, Withdrawn] {
            assert!(booking_is_over(s), "{s:?}");
        }
    }

    #[test]
    fn everyone_but_the_final_no_can_withdraw_admitted_included() {
        use Status::*;
        for s in [Submitted, Invited, Interviewed, Offered, Waitlisted, Admitted] {
            assert!(can_withdraw(s), "{s:?}");
        }
        for s in [Withdrawn, Declined, Rejected] {
            assert!(!can_withdraw(s), "{s:?}");
        }
    }
}
