//! Mails given up on (the relay refused them for good, or they ran out of
//! attempts), so a coordinator can reach those people another way.
use askama::Template;
use axum::{Router, extract::State, response::Html, routing::get};

use super::{AdminContext, Staff};
use crate::{
    domain::staff::Permission,
    i18n::{Lang, dates},
    storage,
    web::{AppState, error::AppResult, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/mail", get(show))
}

struct FailedView {
    id: i64,
    when: String,
    recipient: String,
    subject: String,
    error: String,
}

#[derive(Template)]
#[template(path = "admin/mail.html")]
struct MailPage {
    ctx: PageContext,
    a: AdminContext,
    count: i64,
    failed: Vec<FailedView>,
}

/// The newest this many are listed; the count covers all.
const SHOWN: i64 = 100;

async fn show(State(state): State<AppState>, staff: Staff, lang: Lang) -> AppResult<Html<String>> {
    staff.require(Permission::ReadAuditLog)?;
    let storage::outbox::Failed { count, newest: rows } = storage::outbox::failed(&state.pool, SHOWN).await?;
    let (ctx, a) = AdminContext::frame(lang, "/admin/mail", &staff, "mail");
    let failed = rows
        .into_iter()
        .map(|r| FailedView {
            id: r.id,
            when: dates::long_moment(lang, r.created_at),
            recipient: r.recipient,
            subject: r.subject,
            error: r.last_error.unwrap_or_default(),
        })
        .collect();
    Ok(Html(MailPage { ctx, a, count, failed }.render()?))
}
