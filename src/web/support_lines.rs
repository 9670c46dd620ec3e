//! The support person's lines on other pages (issue 19): the applicant's own
//! page (who has access, what they did) and the staff's application page.
//! Kept apart from `web::support` so those pages need not import it back.
use crate::{
    domain::support::Permission,
    i18n::{Lang, SupportStrings, dates, fill},
    storage::support::{GrantRow, Use},
    web::{AppState, error::AppResult},
};

/// The label of each permission on the helper's and the applicant's pages.
pub fn permission_text(s: &SupportStrings, p: Permission) -> &'static str {
    match p {
        Permission::Read => s.perm_read,
        Permission::EditDraft => s.perm_edit_draft,
        Permission::MailCopies => s.perm_mail_copies,
        Permission::AttendInterview => s.perm_attend,
    }
}

/// One grant on the applicant's page.
pub struct Person {
    pub id: i64,
    pub line: String,
    pub may: String,
    pub active: bool,
}

/// The lines of who has (had) access.
pub fn people(lang: Lang, grants: &[GrantRow]) -> Vec<Person> {
    let s = lang.support();
    grants
        .iter()
        .map(|g| {
            let state = match (g.revoked_at, g.confirmed_at) {
                (Some(at), _) => fill(s.state_revoked, &[&dates::long_moment(lang, at)]),
                (None, None) => s.state_waiting.to_string(),
                (None, Some(_)) => s.state_active.to_string(),
            };
            let may: Vec<&str> = g.grant().permissions().into_iter().map(|p| permission_text(s, p)).collect();
            Person {
                id: g.id,
                line: format!("{} ({}): {state}", g.name, g.email),
                may: format!("{} {}", s.may_prefix, may.join(", ")),
                active: g.revoked_at.is_none(),
            }
        })
        .collect()
}

/// "Mette Holm read your application on …", newest first.
pub fn use_lines(lang: Lang, uses: &[Use]) -> Vec<String> {
    let s = lang.support();
    uses.iter()
        .map(|u| {
            let text = match u.action.as_str() {
                "read" => s.use_read,
                "opened_draft" => s.use_opened_draft,
                "edited_draft" => s.use_edited_draft,
                _ => s.use_mail_copy,
            };
            fill(text, &[&u.name, &dates::long_moment(lang, u.at)])
        })
        .collect()
}

/// The own page's section on support persons: who has access, what they did.
pub struct OwnSection {
    pub heading: &'static str,
    pub nobody: &'static str,
    pub link: &'static str,
    pub people: Vec<String>,
    pub uses: Vec<String>,
}

/// The section for application `application_id`.
pub async fn own_section(state: &AppState, lang: Lang, application_id: i64) -> AppResult<OwnSection> {
    let s = lang.support();
    let owner = crate::storage::support::Owner::Application(application_id);
    let overview = crate::flows::support::overview(state, owner).await?;
    Ok(OwnSection {
        heading: s.section_heading,
        nobody: s.nobody,
        link: s.manage_link,
        people: people(lang, &overview.grants).into_iter().map(|p| format!("{} – {}", p.line, p.may)).collect(),
        uses: use_lines(lang, &overview.uses),
    })
}

/// The lines on the staff's application page: who helps and with what.
pub async fn staff_lines(
    state: &AppState,
    lang: Lang,
    actor: &crate::domain::actor::Actor,
    application_id: i64,
) -> AppResult<Vec<String>> {
    let s = lang.support();
    let views = crate::flows::support::for_staff(state, actor, application_id).await?;
    let mut lines = Vec::new();
    for v in views {
        let may: Vec<&str> = v.grant.permissions().into_iter().map(|p| permission_text(s, p)).collect();
        lines.push(fill(s.staff_line, &[&v.name, &may.join(", ")]));
        if let Some(email) = v.email {
            lines.push(fill(s.staff_address, &[&email]));
        }
    }
    Ok(lines)
}
