//! The line that confirms a staff action on the page it leads back to: the
//! action redirects with `?done=<kind>&n=<count>`, and the page says it in
//! words, so the coordinator knows it worked without looking for the change.
use axum::{extract::FromRequestParts, http::request::Parts};

use crate::i18n::{Lang, fill};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invited,
    Offered,
    Waitlisted,
    Status,
    Note,
    Verified,
    Slots,
    Released,
    Assessed,
    Attendance,
    Session,
    CohortSaved,
    SlotRemoved,
    SlotChanged,
    Placement,
    IntakeSaved,
    VisitPlanned,
    VisitHeld,
    Reminded,
}

const KINDS: [(Kind, &str); 19] = [
    (Kind::Invited, "invited"),
    (Kind::Offered, "offered"),
    (Kind::Waitlisted, "waitlisted"),
    (Kind::Status, "status"),
    (Kind::Note, "note"),
    (Kind::Verified, "verified"),
    (Kind::Slots, "slots"),
    (Kind::Released, "released"),
    (Kind::Assessed, "assessed"),
    (Kind::Attendance, "attendance"),
    (Kind::Session, "session"),
    (Kind::CohortSaved, "cohort"),
    (Kind::SlotRemoved, "slot_removed"),
    (Kind::SlotChanged, "slot_changed"),
    (Kind::Placement, "placement"),
    (Kind::IntakeSaved, "intake"),
    (Kind::VisitPlanned, "visit_planned"),
    (Kind::VisitHeld, "visit_held"),
    (Kind::Reminded, "reminded"),
];

impl Kind {
    fn key(self) -> &'static str {
        KINDS.iter().find(|(k, _)| *k == self).map(|(_, key)| *key).unwrap_or_default()
    }

    fn parse(key: &str) -> Option<Self> {
        KINDS.iter().find(|(_, k)| *k == key).map(|(kind, _)| *kind)
    }
}

/// Where an action leads: `path` (which may carry a query) with the flag, then `#anchor`.
pub fn to(path: &str, kind: Kind, n: usize, anchor: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    let anchor = if anchor.is_empty() { String::new() } else { format!("#{anchor}") };
    format!("{path}{sep}done={}&n={n}{anchor}", kind.key())
}

/// The action a page was reached from, if any.
#[derive(Debug, Default, PartialEq)]
pub struct Done(Option<(Kind, usize)>);

impl Done {
    fn from_query(query: &str) -> Self {
        let (mut kind, mut n) = (None, 1);
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            match &*key {
                "done" => kind = Kind::parse(&value),
                "n" => n = value.parse().unwrap_or(1),
                _ => {}
            }
        }
        Self(kind.map(|k| (k, n)))
    }

    /// The confirmation in words.
    pub fn line(&self, lang: Lang) -> Option<String> {
        let t = lang.done();
        let (kind, n) = self.0?;
        let counted = |none: &str, one: &str, many: &str| match n {
            0 => fill(none, &[&0]),
            1 => one.to_string(),
            n => fill(many, &[&n]),
        };
        Some(match kind {
            Kind::Invited => counted(t.invited_none, t.invited_one, t.invited_many),
            Kind::Slots => counted(t.slots_many, t.slots_one, t.slots_many),
            Kind::Reminded => counted(t.reminded_none, t.reminded_one, t.reminded_many),
            Kind::Released => counted(t.released_many, t.released_one, t.released_many),
            Kind::Offered => t.offered.to_string(),
            Kind::Waitlisted => t.waitlisted.to_string(),
            Kind::Status => t.status.to_string(),
            Kind::Note => t.note.to_string(),
            Kind::Verified => t.verified.to_string(),
            Kind::Assessed => t.assessed.to_string(),
            Kind::Attendance => t.attendance.to_string(),
            Kind::Session => t.session.to_string(),
            Kind::CohortSaved => t.cohort_saved.to_string(),
            Kind::SlotRemoved => t.slot_removed.to_string(),
            Kind::SlotChanged => t.slot_changed.to_string(),
            Kind::Placement => t.placement.to_string(),
            Kind::IntakeSaved => t.intake_saved.to_string(),
            Kind::VisitPlanned => t.visit_planned.to_string(),
            Kind::VisitHeld => t.visit_held.to_string(),
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Done {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_query(parts.uri.query().unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_goes_before_the_anchor_and_reads_back_with_its_count() {
        let at = to("/admin/applications?status=invited", Kind::Invited, 12, "");
        assert_eq!(at, "/admin/applications?status=invited&done=invited&n=12");
        assert_eq!(to("/admin/cohorts/3", Kind::Offered, 1, "seats"), "/admin/cohorts/3?done=offered&n=1#seats");
        let done = Done::from_query("status=invited&done=invited&n=12");
        assert_eq!(done.line(Lang::Da).as_deref(), Some("12 invitationer sendt."));
        assert_eq!(Done::from_query("done=invited&n=1").line(Lang::Da).as_deref(), Some("1 invitation sendt."));
        assert_eq!(Done::from_query("done=slots&n=0").line(Lang::En).as_deref(), Some("0 interview times created."));
    }

    #[test]
    fn an_unknown_or_missing_flag_says_nothing() {
        assert_eq!(Done::from_query("done=%3Cscript%3E&n=2").line(Lang::Da), None);
        assert_eq!(Done::from_query("").line(Lang::Da), None);
    }
}
