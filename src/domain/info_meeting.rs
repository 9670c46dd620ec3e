//! Info meetings before an intake's deadline.
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoMeeting {
    pub id: i64,
    pub intake_id: i64,
    pub intake_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub capacity: i32,
}

use chrono::Duration;

use super::{application::values::PersonName, email_address::EmailAddress};

/// An unconfirmed sign-up's link works this long.
pub const CONFIRM_WINDOW: Duration = Duration::hours(48);

/// Seats are counted on confirmed sign-ups only.
pub fn has_room(confirmed: i64, capacity: i32) -> bool {
    confirmed < i64::from(capacity)
}

/// People can sign up until the meeting starts, unless it is cancelled.
pub fn takes_signups(starts_at: DateTime<Utc>, cancelled: bool, now: DateTime<Utc>) -> bool {
    !cancelled && now < starts_at
}

#[derive(Debug, Clone, Default)]
pub struct SignupFields {
    pub name: String,
    pub email: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signup {
    pub name: PersonName,
    pub email: EmailAddress,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupProblem {
    Name,
    Email,
    NoteTooLong,
}

impl SignupFields {
    pub fn parse(&self) -> Result<Signup, Vec<SignupProblem>> {
        let name = PersonName::parse(&self.name);
        let email = EmailAddress::parse(&self.email).ok();
        let note = self.note.trim();
        let mut problems = Vec::new();
        if name.is_none() {
            problems.push(SignupProblem::Name);
        }
        if email.is_none() {
            problems.push(SignupProblem::Email);
        }
        if note.chars().count() > 1000 {
            problems.push(SignupProblem::NoteTooLong);
        }
        match (name, email) {
            (Some(name), Some(email)) if problems.is_empty() => {
                Ok(Signup { name, email, note: Some(note.to_string()).filter(|n| !n.is_empty()) })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_count_confirmed_sign_ups_up_to_capacity() {
        assert!(has_room(29, 30));
        assert!(!has_room(30, 30));
    }

    #[test]
    fn sign_ups_close_when_the_meeting_starts_or_is_cancelled() {
        let start: DateTime<Utc> = "2027-08-10T14:30:00Z".parse().unwrap();
        assert!(takes_signups(start, false, start - Duration::seconds(1)));
        assert!(!takes_signups(start, false, start));
        assert!(!takes_signups(start, true, start - Duration::days(1)));
    }

    #[test]
    fn a_sign_up_needs_a_name_and_an_address() {
        let ok =
            SignupFields { name: " Mette ".into(), email: "m@example.dk".into(), note: " ".into() }.parse().unwrap();
        assert_eq!((ok.name.as_str(), ok.note), ("Mette", None));
        let bad = SignupFields { name: "".into(), email: "x".into(), note: "x".repeat(1001) }.parse().unwrap_err();
        assert_eq!(bad, [SignupProblem::Name, SignupProblem::Email, SignupProblem::NoteTooLong]);
    }
}
