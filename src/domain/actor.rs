//! Who does something: a signed-in staff member, the applicant behind a link,
//! or optag itself (a scheduled job). Use cases take an `Actor` instead of an
//! HTTP extractor, so the same rule holds wherever the call comes from.
use super::staff::{Permission, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A fully signed-in staff member; `request_id` ties audit rows to the log.
    Staff { user_id: i64, role: Role, request_id: Option<String> },
    /// Whoever holds an applicant's link (own page, offer, draft).
    Applicant,
    /// optag on its own account: jobs, the outbox, start-up.
    System,
}

impl Actor {
    /// The staff user's id, for `audit_log.actor_id` and `status_changes.actor_id`.
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Actor::Staff { user_id, .. } => Some(*user_id),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Actor::Staff { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether this actor may do what `permission` guards; only staff hold permissions.
    pub fn may(&self, permission: Permission) -> bool {
        matches!(self, Actor::Staff { role, .. } if role.may(permission))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_staff_hold_permissions() {
        let admin = Actor::Staff { user_id: 1, role: Role::Admin, request_id: None };
        assert!(admin.may(Permission::ManageUsers));
        assert!(!Actor::Applicant.may(Permission::ManageUsers));
        assert!(!Actor::System.may(Permission::ManageUsers));
        assert_eq!(admin.user_id(), Some(1));
        assert_eq!(Actor::Applicant.user_id(), None);
    }
}
