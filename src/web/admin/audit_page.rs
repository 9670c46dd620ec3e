//! The audit log, for admins and coordinators: newest first, filterable.
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
    domain::staff::Permission,
    i18n::{Lang, dates},
    storage,
    web::{AppState, error::AppResult, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/audit", get(show))
}

#[derive(Deserialize)]
struct AuditQuery {
    action: Option<String>,
    actor: Option<String>,
    page: Option<i64>,
}

struct EntryView {
    when: String,
    actor: String,
    action: String,
    reference: Option<String>,
    detail: String,
    request_id: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageContext,
    a: AdminContext,
    entries: Vec<EntryView>,
    action: String,
    actor: String,
    next_href: Option<String>,
}

const PAGE: i64 = 100;

/// The link to page `page` of the same filter.
fn next_page(action: Option<&str>, actor: Option<&str>, page: i64) -> String {
    let mut qs = url::form_urlencoded::Serializer::new(String::new());
    qs.append_pair("action", action.unwrap_or(""));
    qs.append_pair("actor", actor.unwrap_or(""));
    qs.append_pair("page", &page.to_string());
    format!("/admin/audit?{}", qs.finish())
}

fn entry_view(lang: Lang, e: storage::audit::Entry) -> EntryView {
    EntryView {
        when: dates::long_moment(lang, e.at),
        actor: e.actor.unwrap_or_default(),
        action: e.action,
        reference: e.reference,
        detail: if e.detail.as_object().is_some_and(|o| o.is_empty()) { String::new() } else { e.detail.to_string() },
        request_id: e.request_id.unwrap_or_default(),
    }
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Query(q): Query<AuditQuery>,
) -> AppResult<Html<String>> {
    staff.require(Permission::ReadAuditLog)?;
    let action = q.action.filter(|a| !a.trim().is_empty());
    let actor = q.actor.filter(|a| !a.trim().is_empty());
    let page = crate::domain::paging::page(q.page);
    let entries = storage::audit::list(
        &state.pool,
        action.as_deref(),
        actor.as_deref(),
        PAGE,
        crate::domain::paging::offset(page, PAGE),
    )
    .await?;
    let (ctx, a) = AdminContext::frame(lang, "/admin/audit", &staff, "audit");
    let next_href = (entries.len() as i64 == PAGE).then(|| next_page(action.as_deref(), actor.as_deref(), page + 1));
    let page = AuditPage {
        ctx,
        a,
        entries: entries.into_iter().map(|e| entry_view(lang, e)).collect(),
        action: action.unwrap_or_default(),
        actor: actor.unwrap_or_default(),
        next_href,
    };
    Ok(Html(page.render()?))
}
