use askama::Template;
use axum::{
    extract::{Query, State},
    http::header,
    response::{Html, IntoResponse, Response},
};
use serde::Deserialize;

use super::super::{AdminContext, Staff, done::Done, intakes::status_label};
use crate::{
    domain::{application::Status, paging::Total, staff::Permission},
    flows,
    i18n::{AdminStrings, Lang, dates, fill},
    storage::review::{Filter, ListRow, Sort, Todo},
    web::{AppState, error::AppResult, page::PageContext},
};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    intake: Option<String>,
    status: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    /// One of the overview's items (`new`, `to_verify`, `invited_not_booked`,
    /// `answered`): only the applications it counts.
    todo: Option<String>,
    /// With `todo=answered`: answers after this moment (RFC 3339), the
    /// previous visit of the overview.
    since: Option<String>,
    page: Option<i64>,
}

impl ListQuery {
    fn filter(&self) -> Filter {
        Filter {
            intake_id: self.intake.as_deref().and_then(|i| i.parse().ok()),
            status: self.status.as_deref().and_then(|s| s.parse().ok()),
            q: self.q.clone().filter(|q| !q.trim().is_empty()),
            todo: self.todo(),
        }
    }

    fn todo(&self) -> Option<Todo> {
        let since = || {
            let at = self.since.as_deref()?;
            chrono::DateTime::parse_from_rfc3339(at).ok().map(|t| t.with_timezone(&chrono::Utc))
        };
        match self.todo.as_deref()? {
            "new" => Some(Todo::New),
            "to_verify" => Some(Todo::ToVerify),
            "invited_not_booked" => Some(Todo::InvitedNotBooked),
            "answered" => Some(Todo::AnsweredAfter(since())),
            _ => None,
        }
    }

    fn sort(&self) -> Sort {
        match self.sort.as_deref() {
            Some("oldest") => Sort::Oldest,
            Some("name") => Sort::Name,
            Some("reference") => Sort::Reference,
            _ => Sort::Newest,
        }
    }

    /// The query string for the same filter, e.g. for paging and export links.
    fn query_string(&self, page: Option<i64>) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("intake", &self.intake),
            ("status", &self.status),
            ("q", &self.q),
            ("sort", &self.sort),
            ("todo", &self.todo),
            ("since", &self.since),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                out.append_pair(k, v);
            }
        }
        if let Some(p) = page {
            out.append_pair("page", &p.to_string());
        }
        out.finish()
    }
}

pub struct Row {
    pub href: String,
    pub reference: String,
    pub name: String,
    pub intake: String,
    pub status: &'static str,
    pub status_key: String,
    pub summary: &'static str,
    pub summary_key: String,
    pub submitted: String,
    pub invitable: bool,
    pub select_label: String,
}

pub fn summary_label(s: &AdminStrings, key: &str) -> &'static str {
    match key {
        "no_concerns" => s.summary_no_concerns,
        "to_verify" => s.summary_to_verify,
        _ => s.summary_may_not_meet,
    }
}

#[derive(Template)]
#[template(path = "admin/applications.html")]
struct ListPage {
    ctx: PageContext,
    a: AdminContext,
    rows: Vec<Row>,
    count_text: String,
    intakes: Vec<(String, String, bool)>,
    statuses: Vec<(&'static str, &'static str, bool)>,
    sorts: Vec<(&'static str, &'static str, bool)>,
    q: String,
    page_text: String,
    prev_href: Option<String>,
    next_href: Option<String>,
    export_href: String,
    may_invite: bool,
    /// The rows the "invite all" button sends, and its label.
    invitable: Vec<String>,
    select_all: String,
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Query(query): Query<ListQuery>,
    done: Done,
) -> AppResult<Html<String>> {
    let filter = query.filter();
    let listing = flows::review::list(&state, &staff.actor(), &filter, query.sort(), query.page).await?;
    let s = lang.admin();
    let (ctx, a) = AdminContext::frame(lang, "/admin/applications", &staff, "applications");
    let (page_no, pages, total) = (listing.page, listing.pages, listing.total);
    let invitable = invitable(&listing.rows);
    let page = ListPage {
        ctx,
        a: AdminContext { done: done.line(lang), ..a },
        rows: listing.rows.iter().map(|r| row(lang, r)).collect(),
        count_text: count_text(s, total),
        intakes: listing
            .intakes
            .into_iter()
            .map(|(id, name)| (id.to_string(), name, Some(id) == filter.intake_id))
            .collect(),
        statuses: Status::ALL.iter().map(|st| (st.key(), status_label(s, *st), Some(*st) == filter.status)).collect(),
        sorts: sorts(s, query.sort.as_deref().unwrap_or("newest")),
        q: query.q.clone().unwrap_or_default(),
        page_text: match total {
            Total::Exact(_) => fill(s.page_of, &[&page_no, &pages]),
            Total::MoreThan(_) => fill(s.page_of_at_least, &[&page_no, &pages]),
        },
        prev_href: (page_no > 1).then(|| format!("/admin/applications?{}", query.query_string(Some(page_no - 1)))),
        next_href: (page_no < pages).then(|| format!("/admin/applications?{}", query.query_string(Some(page_no + 1)))),
        export_href: format!("/admin/applications/export.csv?{}", query.query_string(None)),
        may_invite: staff.role.may(Permission::DecideApplications),
        invitable: invitable.clone(),
        select_all: fill(lang.done().select_all, &[&invitable.len()]),
    };
    Ok(Html(page.render()?))
}

/// The references an "invite all" sends: the shown rows that can be invited.
fn invitable(rows: &[ListRow]) -> Vec<String> {
    rows.iter()
        .filter(|r| matches!(r.status, Status::Submitted | Status::Invited))
        .map(|r| r.reference.clone())
        .collect()
}

fn count_text(s: &AdminStrings, total: Total) -> String {
    match total {
        Total::Exact(1) => s.list_count_one.to_string(),
        Total::Exact(n) => fill(s.list_count, &[&n]),
        Total::MoreThan(n) => fill(s.list_count_more_than, &[&n]),
    }
}

fn row(lang: Lang, r: &ListRow) -> Row {
    let s = lang.admin();
    Row {
        href: format!("/admin/applications/{}", r.reference),
        reference: r.reference.clone(),
        name: r.full_name.clone(),
        intake: r.intake_name.clone(),
        status: status_label(s, r.status),
        status_key: r.status.key().to_string(),
        summary: summary_label(s, &r.eligibility_summary),
        summary_key: r.eligibility_summary.clone(),
        submitted: dates::long_moment(lang, r.submitted_at),
        invitable: matches!(r.status, Status::Submitted | Status::Invited),
        select_label: fill(s.select_label, &[&r.reference]),
    }
}

/// (key, label, chosen) of each order the list can take.
fn sorts(s: &AdminStrings, chosen: &str) -> Vec<(&'static str, &'static str, bool)> {
    [("newest", s.sort_newest), ("oldest", s.sort_oldest), ("name", s.sort_name), ("reference", s.sort_reference)]
        .into_iter()
        .map(|(k, l)| (k, l, chosen == k))
        .collect()
}

/// The filtered list as CSV: contact details and status, no health answers
/// and no reflective text.
pub async fn export(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let described = query.query_string(None);
    let rows = flows::review::export(&state, &staff.actor(), &query.filter(), query.sort(), described).await?;
    let mut csv = String::from("reference;name;email;phone;intake;status;eligibility;submitted\r\n");
    for r in &rows {
        let submitted = crate::domain::local_time::to_local(r.submitted_at).format("%Y-%m-%d %H:%M").to_string();
        let cells = [
            &r.reference,
            &r.full_name,
            &r.email,
            r.phone.as_deref().unwrap_or(""),
            &r.intake_name,
            r.status.key(),
            &r.eligibility_summary,
            &submitted,
        ];
        csv.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
        csv.push_str("\r\n");
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"ansoegninger.csv\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        // A byte-order mark, so spreadsheet programs read æ, ø and å right.
        format!("\u{feff}{csv}"),
    )
        .into_response())
}

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula.
pub fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([';', '"', '\n', '\r', ',']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("Mette"), "Mette");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("+45 12"), "'+45 12");
    }
}
