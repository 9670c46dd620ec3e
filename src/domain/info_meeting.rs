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

/// Where a sign-up stands: `pending` until its link is opened, `confirmed`
/// holds a seat, `cancelled` gave it back (a later sign-up may renew the row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupStatus {
    Pending,
    Confirmed,
    Cancelled,
}

impl SignupStatus {
    /// The stored text.
    pub fn key(&self) -> &'static str {
        match self {
            SignupStatus::Pending => "pending",
            SignupStatus::Confirmed => "confirmed",
            SignupStatus::Cancelled => "cancelled",
        }
    }
}

/// A text that is no sign-up status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownSignupStatus;

impl std::str::FromStr for SignupStatus {
    type Err = UnknownSignupStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pending" => Ok(SignupStatus::Pending),
            "confirmed" => Ok(SignupStatus::Confirmed),
            "cancelled" => Ok(SignupStatus::Cancelled),
            _ => Err(UnknownSignupStatus),
        }
    }
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

/// A meeting as staff plan it: ends after it starts, 1–1000 seats, a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPlan {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    /// Empty when none were given.
    pub directions: String,
    pub capacity: i32,
}

/// The meeting form's text fields, as typed.
#[derive(Debug, Clone, Copy)]
pub struct PlanFields<'a> {
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub place: &'a str,
    pub directions: &'a str,
    pub capacity: &'a str,
}

impl MeetingPlan {
    /// `None` unless the fields make sense together (times as `parse_local_moment` reads them).
    pub fn parse(f: PlanFields<'_>) -> Option<Self> {
        let starts_at = super::intake::parse_local_moment(f.starts_at)?;
        let ends_at = super::intake::parse_local_moment(f.ends_at).filter(|e| *e > starts_at)?;
        let capacity = f.capacity.trim().parse::<i32>().ok().filter(|c| (1..=1000).contains(c))?;
        let place = Some(f.place.trim().to_string()).filter(|p| !p.is_empty())?;
        Some(Self { starts_at, ends_at, place, directions: f.directions.trim().to_string(), capacity })
    }
}

/// A message from staff to everyone confirmed: subject up to 200 characters,
/// body up to 5000, neither empty (after trimming).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingMessage {
    pub subject: String,
    pub body: String,
}

impl MeetingMessage {
    /// `None` if either is empty or too long; both come back trimmed.
    pub fn parse(subject: &str, body: &str) -> Option<Self> {
        let (subject, body) = (subject.trim().to_string(), body.trim().to_string());
        if subject.is_empty() || body.is_empty() || subject.chars().count() > 200 || body.chars().count() > 5000 {
            return None;
        }
        Some(Self { subject, body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_up_statuses_read_back_what_they_store() {
        for s in [SignupStatus::Pending, SignupStatus::Confirmed, SignupStatus::Cancelled] {
            assert_eq!(s.key().parse::<SignupStatus>(), Ok(s));
        }
        assert!("sent".parse::<SignupStatus>().is_err());
    }

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
