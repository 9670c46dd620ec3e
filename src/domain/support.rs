//! A support person at the applicant's side (issue 19): what the applicant
//! may let a helper do, and when that access ends. Pure rules, tested over
//! explicit dates.
//!
//! The permission table (what each tick box allows, and nothing else):
//!
//! | permission         | allows                                                             |
//! |--------------------|--------------------------------------------------------------------|
//! | `Read`             | the application as the applicant sees it (answers, status)          |
//! | `EditDraft`        | the draft form, until the application is sent                       |
//! | `MailCopies`       | copies of the mails about the interview and the offer (no links,   |
//! |                    | no answers), and coordinators see the helper's address              |
//! | `AttendInterview`  | the helper is named to the interview panel beside the application  |
//!
//! No permission lets a helper withdraw, erase, accept or decline, book an
//! interview or see staff notes and assessments: the helper's link is bound
//! to its purpose and opens none of the applicant's own links' pages.
use chrono::{DateTime, Duration, Utc};

use super::{application::Status, email_address::EmailAddress};

/// Access lasts this long after the application is decided (admitted,
/// rejected or declined), so the helper can help with what comes next.
pub const AFTER_DECISION: Duration = Duration::days(30);

/// The address-proving link in the invitation mail works this long.
pub const CONFIRM_LIFETIME: Duration = Duration::days(7);

/// The version of the support-person consent text (src/i18n/support.rs).
pub const CONSENT_VERSION: &str = "2026-11-30";

/// One thing a helper may be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Read,
    EditDraft,
    MailCopies,
    AttendInterview,
}

impl Permission {
    pub const ALL: [Permission; 4] =
        [Permission::Read, Permission::EditDraft, Permission::MailCopies, Permission::AttendInterview];

    /// The form's tick-box value.
    pub fn key(self) -> &'static str {
        match self {
            Permission::Read => "read",
            Permission::EditDraft => "edit_draft",
            Permission::MailCopies => "mail_copies",
            Permission::AttendInterview => "attend_interview",
        }
    }
}

/// What a grant allows: at least one permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Grant {
    pub read: bool,
    pub edit_draft: bool,
    pub mail_copies: bool,
    pub attend_interview: bool,
}

impl Grant {
    /// A grant of exactly `permission`.
    pub fn only(permission: Permission) -> Self {
        let mut g = Grant::default();
        g.set(permission);
        g
    }

    fn set(&mut self, permission: Permission) {
        match permission {
            Permission::Read => self.read = true,
            Permission::EditDraft => self.edit_draft = true,
            Permission::MailCopies => self.mail_copies = true,
            Permission::AttendInterview => self.attend_interview = true,
        }
    }

    pub fn has(&self, permission: Permission) -> bool {
        match permission {
            Permission::Read => self.read,
            Permission::EditDraft => self.edit_draft,
            Permission::MailCopies => self.mail_copies,
            Permission::AttendInterview => self.attend_interview,
        }
    }

    /// The permissions held, in table order.
    pub fn permissions(&self) -> Vec<Permission> {
        Permission::ALL.into_iter().filter(|p| self.has(*p)).collect()
    }

    fn any(&self) -> bool {
        !self.permissions().is_empty()
    }
}

/// What the invitation form's fields can be wrong about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    NameMissing,
    NameTooLong,
    EmailInvalid,
    /// The applicant's own address: a helper is someone else.
    EmailIsApplicants,
    NothingTicked,
}

/// Which field a problem belongs to: `name`, `email` or `permissions`.
impl InviteProblem {
    pub fn field(self) -> &'static str {
        match self {
            InviteProblem::NameMissing | InviteProblem::NameTooLong => "name",
            InviteProblem::EmailInvalid | InviteProblem::EmailIsApplicants => "email",
            InviteProblem::NothingTicked => "permissions",
        }
    }
}

/// A parsed invitation: who, where to, what they may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub name: String,
    pub email: EmailAddress,
    pub grant: Grant,
}

/// Parses the form: a name (1–200 characters), an address that is not the
/// applicant's, and at least one known tick box (unknown values are ignored).
pub fn parse_invitation(
    name: &str,
    email: &str,
    ticked: &[String],
    applicants: &str,
) -> Result<Invitation, Vec<InviteProblem>> {
    let mut problems = Vec::new();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        problems.push(InviteProblem::NameMissing);
    } else if name.chars().count() > 200 {
        problems.push(InviteProblem::NameTooLong);
    }
    let email = match EmailAddress::parse(email) {
        Ok(e) if e.normalised() == applicants.trim().to_lowercase() => {
            problems.push(InviteProblem::EmailIsApplicants);
            None
        }
        Ok(e) => Some(e),
        Err(_) => {
            problems.push(InviteProblem::EmailInvalid);
            None
        }
    };
    let mut grant = Grant::default();
    for p in Permission::ALL.into_iter().filter(|p| ticked.iter().any(|t| t == p.key())) {
        grant.set(p);
    }
    if !grant.any() {
        problems.push(InviteProblem::NothingTicked);
    }
    match email {
        Some(email) if problems.is_empty() => Ok(Invitation { name, email, grant }),
        _ => Err(problems),
    }
}

/// What a grant belongs to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A draft not sent yet.
    Draft,
    /// A sent application; `decided_at` is when it last became admitted,
    /// rejected or declined (None while undecided).
    Application { status: Status, decided_at: Option<DateTime<Utc>> },
}

/// Why a helper's access has ended (the link answers 410).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The applicant took it back.
    Revoked,
    /// The application was withdrawn.
    Withdrawn,
    /// The decision is more than [`AFTER_DECISION`] old.
    Decided,
}

/// Whether the status is a final decision (access then runs [`AFTER_DECISION`] more).
pub fn is_decided(status: Status) -> bool {
    matches!(status, Status::Admitted | Status::Rejected | Status::Declined)
}

/// Whether access has ended at `now`; erasure and retention delete the grant
/// itself (its link is then retired, 410 too).
pub fn ended(revoked_at: Option<DateTime<Utc>>, subject: Subject, now: DateTime<Utc>) -> Option<Ended> {
    if revoked_at.is_some_and(|r| r <= now) {
        return Some(Ended::Revoked);
    }
    match subject {
        Subject::Draft => None,
        Subject::Application { status: Status::Withdrawn, .. } => Some(Ended::Withdrawn),
        Subject::Application { status, decided_at: Some(at) } if is_decided(status) && now >= at + AFTER_DECISION => {
            Some(Ended::Decided)
        }
        Subject::Application { .. } => None,
    }
}

/// What a helper asks to do through their link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the application and its status.
    ReadApplication,
    /// Open or save the draft form.
    EditDraft,
}

/// Why an action is refused while access lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The grant does not include it (403).
    NotGranted,
    /// Granted, but over: the draft was sent (410).
    Sent,
}

/// Whether `grant` allows `action` on `subject`: exactly the matching permission.
pub fn allows(grant: &Grant, action: Action, subject: Subject) -> Result<(), Refusal> {
    match action {
        Action::ReadApplication if grant.read => Ok(()),
        Action::EditDraft if grant.edit_draft => match subject {
            Subject::Draft => Ok(()),
            Subject::Application { .. } => Err(Refusal::Sent),
        },
        _ => Err(Refusal::NotGranted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, day, 12, 0, 0).unwrap()
    }

    fn app(status: Status, decided: Option<DateTime<Utc>>) -> Subject {
        Subject::Application { status, decided_at: decided }
    }

    #[test]
    fn each_permission_alone_allows_exactly_its_action() {
        let draft = Subject::Draft;
        let sent = app(Status::Submitted, None);
        for p in Permission::ALL {
            let g = Grant::only(p);
            assert_eq!(allows(&g, Action::ReadApplication, sent).is_ok(), p == Permission::Read, "{p:?}");
            assert_eq!(allows(&g, Action::ReadApplication, draft).is_ok(), p == Permission::Read, "{p:?}");
            assert_eq!(allows(&g, Action::EditDraft, draft).is_ok(), p == Permission::EditDraft, "{p:?}");
            let expected = if p == Permission::EditDraft { Refusal::Sent } else { Refusal::NotGranted };
            assert_eq!(allows(&g, Action::EditDraft, sent), Err(expected), "{p:?}");
            assert_eq!(g.permissions(), vec![p]);
        }
    }

    #[test]
    fn access_ends_at_revocation_withdrawal_and_thirty_days_after_a_decision() {
        assert_eq!(ended(None, Subject::Draft, at(1)), None);
        assert_eq!(ended(Some(at(1)), Subject::Draft, at(1)), Some(Ended::Revoked));
        assert_eq!(ended(Some(at(2)), Subject::Draft, at(1)), None, "not before it happens");
        assert_eq!(ended(None, app(Status::Withdrawn, None), at(1)), Some(Ended::Withdrawn));
        for s in [Status::Submitted, Status::Invited, Status::Interviewed, Status::Offered, Status::Waitlisted] {
            assert_eq!(ended(None, app(s, None), at(1)), None, "{s:?}");
        }
        for s in [Status::Admitted, Status::Rejected, Status::Declined] {
            let decided = Some(at(1));
            let last_day = at(1) + AFTER_DECISION - Duration::seconds(1);
            assert_eq!(ended(None, app(s, decided), last_day), None, "{s:?}");
            assert_eq!(ended(None, app(s, decided), at(1) + AFTER_DECISION), Some(Ended::Decided), "{s:?}");
        }
        assert_eq!(ended(Some(at(1)), app(Status::Withdrawn, None), at(2)), Some(Ended::Revoked));
    }

    #[test]
    fn the_invitation_needs_a_name_another_address_and_a_tick() {
        let ticks = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let ok = parse_invitation("  Mette   Holm ", "mette@example.dk", &ticks(&["read", "bogus"]), "a@example.dk")
            .unwrap();
        assert_eq!(ok.name, "Mette Holm");
        assert_eq!(ok.grant, Grant::only(Permission::Read));
        let err = parse_invitation("", "nope", &[], "a@example.dk").unwrap_err();
        assert_eq!(err, vec![InviteProblem::NameMissing, InviteProblem::EmailInvalid, InviteProblem::NothingTicked]);
        let err = parse_invitation("M", "A@Example.dk", &ticks(&["read"]), "a@example.dk").unwrap_err();
        assert_eq!(err, vec![InviteProblem::EmailIsApplicants]);
        let long = "x".repeat(201);
        assert_eq!(
            parse_invitation(&long, "m@example.dk", &ticks(&["read"]), "a@example.dk").unwrap_err(),
            vec![InviteProblem::NameTooLong]
        );
    }
}
