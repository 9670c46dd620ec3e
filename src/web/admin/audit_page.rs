//! The audit log, for admins and coordinators: newest first, in sentences,
//! filtered by kind, staff member and application.
use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    response::Html,
    routing::get,
};
use serde::Deserialize;

use super::{AdminContext, Staff};
use crate::{
    flows::audit_log::{self, Filter},
    i18n::{Lang, audit, dates},
    web::{AppState, error::AppResult, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/audit", get(show))
}

/// Every field is text: a hand-edited address shows the whole log, never an error.
#[derive(Deserialize)]
struct AuditQuery {
    action: Option<String>,
    person: Option<String>,
    application: Option<String>,
    page: Option<String>,
}

impl AuditQuery {
    fn filter(self) -> Filter {
        let given = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        Filter {
            action: given(self.action),
            person: given(self.person).and_then(|p| p.parse().ok()),
            reference: given(self.application),
            page: crate::domain::paging::page(self.page.and_then(|p| p.trim().parse().ok())),
        }
    }
}

struct EntryView {
    when: String,
    sentence: String,
    reference: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageContext,
    a: AdminContext,
    entries: Vec<EntryView>,
    /// (value, label, selected) of each select.
    kinds: Vec<(String, String, bool)>,
    people: Vec<(String, String, bool)>,
    reference: String,
    next_href: Option<String>,
}

/// The link to page `page` of the same filter.
fn next_page(f: &Filter, page: i64) -> String {
    let mut qs = url::form_urlencoded::Serializer::new(String::new());
    qs.append_pair("action", f.action.as_deref().unwrap_or(""));
    qs.append_pair("person", &f.person.map(|p| p.to_string()).unwrap_or_default());
    qs.append_pair("application", f.reference.as_deref().unwrap_or(""));
    qs.append_pair("page", &page.to_string());
    format!("/admin/audit?{}", qs.finish())
}

fn entry_view(lang: Lang, e: crate::storage::audit::Entry) -> EntryView {
    let who = audit::who(&e.action, e.actor.as_deref(), e.by_applicant);
    EntryView {
        when: dates::long_moment(lang, e.at),
        sentence: audit::sentence(lang, &e.action, who, e.reference.as_deref()),
        reference: e.reference,
    }
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Query(q): Query<AuditQuery>,
) -> AppResult<Html<String>> {
    let filter = q.filter();
    let log = audit_log::read(&state, &staff.actor(), &filter).await?;
    let (ctx, a) = AdminContext::frame(lang, "/admin/audit", &staff, "audit");
    let chosen = filter.action.as_deref();
    let kinds = audit::codes().map(|c| (c.to_string(), audit::kind_name(lang, c), Some(c) == chosen)).collect();
    let people = log.staff.iter().map(|s| (s.id.to_string(), s.name.clone(), Some(s.id) == filter.person)).collect();
    let page = AuditPage {
        ctx,
        a,
        entries: log.entries.into_iter().map(|e| entry_view(lang, e)).collect(),
        kinds,
        people,
        reference: filter.reference.clone().unwrap_or_default(),
        next_href: log.more.then(|| next_page(&filter, filter.page + 1)),
    };
    Ok(Html(page.render()?))
}
