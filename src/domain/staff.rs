//! Staff roles and what each may do.
use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Coordinator,
    Interviewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Interviewer => "interviewer",
        }
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Role::Admin),
            "coordinator" => Ok(Role::Coordinator),
            "interviewer" => Ok(Role::Interviewer),
            _ => Err(UnknownRole),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the role must be admin, coordinator or interviewer")]
pub struct UnknownRole;

/// A staff member's display name: 1-200 characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a name must have 1 to 200 characters")]
pub struct BadStaffName;

impl StaffName {
    pub fn parse(text: &str) -> Result<Self, BadStaffName> {
        let text = text.trim();
        let len = text.chars().count();
        if len == 0 || len > 200 || text.chars().any(char::is_control) {
            return Err(BadStaffName);
        }
        Ok(Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_unknown_ones_are_refused() {
        for role in [Role::Admin, Role::Coordinator, Role::Interviewer] {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!("root".parse::<Role>(), Err(UnknownRole));
    }

    #[test]
    fn staff_names_are_trimmed_and_bounded() {
        assert_eq!(StaffName::parse("  Lone Ravn ").unwrap().as_str(), "Lone Ravn");
        assert_eq!(StaffName::parse(" "), Err(BadStaffName));
        assert_eq!(StaffName::parse(&"a".repeat(201)), Err(BadStaffName));
        assert!(StaffName::parse(&"å".repeat(200)).is_ok());
    }
}

/// What a staff member may do; everything not granted is denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the list of all applications and any one of them.
    ReviewAllApplications,
    /// Change status, invite, offer, waitlist, add notes on any application.
    DecideApplications,
    ManageIntakes,
    /// Record an interview assessment (interviewers: only their own interviews).
    AssessInterviews,
    ManageUsers,
    /// The school's name, address and contact (the data controller).
    ManageOrganisation,
    ReadAuditLog,
    ExportApplications,
}

impl Role {
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::Coordinator => !matches!(permission, ManageUsers | ManageOrganisation),
            Role::Interviewer => matches!(permission, AssessInterviews),
        }
    }
}

impl Permission {
    /// The least role that holds this permission, to name on a refusal.
    pub fn least_role(self) -> Role {
        [Role::Interviewer, Role::Coordinator, Role::Admin].into_iter().find(|r| r.may(self)).unwrap_or(Role::Admin)
    }
}

#[cfg(test)]
mod permission_tests {
    use super::{Permission::*, Role};

    #[test]
    fn interviewers_may_only_assess_and_only_admins_manage_users() {
        for p in
            [ReviewAllApplications, DecideApplications, ManageIntakes, ManageUsers, ReadAuditLog, ExportApplications]
        {
            assert!(!Role::Interviewer.may(p), "{p:?}");
            assert!(Role::Admin.may(p), "{p:?}");
        }
        assert!(Role::Interviewer.may(AssessInterviews));
        assert!(Role::Coordinator.may(DecideApplications) && Role::Coordinator.may(ManageIntakes));
        assert!(!Role::Coordinator.may(ManageUsers) && !Role::Coordinator.may(ManageOrganisation));
        assert!(!Role::Interviewer.may(ManageOrganisation) && Role::Admin.may(ManageOrganisation));
    }

    #[test]
    fn a_refusal_names_the_least_role_that_may() {
        use super::Permission;
        assert_eq!(Permission::ManageUsers.least_role(), Role::Admin);
        assert_eq!(Permission::ManageOrganisation.least_role(), Role::Admin);
        assert_eq!(Permission::ReadAuditLog.least_role(), Role::Coordinator);
        assert_eq!(Permission::AssessInterviews.least_role(), Role::Interviewer);
    }
}
