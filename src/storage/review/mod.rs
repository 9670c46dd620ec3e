//! The staff side of applications: the filtered list, one application in
//! full, notes, status changes and their history.
mod changes;
mod detail;

pub use changes::{HistoryEntry, Note, StatusChange, add_note, history, notes, set_status};
pub use detail::{Detail, Health, Locked, detail, detail_in, health, lock};

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, QueryBuilder};

use crate::domain::application::Status;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub intake_id: Option<i64>,
    pub status: Option<Status>,
    /// Matches a reference exactly, an e-mail address from its start, a name anywhere.
    pub q: Option<String>,
    /// Only the applications behind one of the overview's items.
    pub todo: Option<Todo>,
}

/// The overview's items that lead to a list: the same conditions as its
/// counts (`storage::overview`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Todo {
    /// Submitted and not yet opened by any staff member.
    New,
    /// Live, with a criterion still to verify.
    ToVerify,
    /// Invited and not booked.
    InvitedNotBooked,
    /// With an offer accepted or declined after this moment (none: ever).
    AnsweredAfter(Option<DateTime<Utc>>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Name,
    Reference,
}

#[derive(Debug, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub reference: String,
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub intake_name: String,
    pub status: Status,
    pub eligibility_summary: String,
    pub submitted_at: DateTime<Utc>,
}

/// The filter's terms: intake, status, exact reference, e-mail prefix, name part.
struct Terms {
    intake_id: Option<i64>,
    status: Option<&'static str>,
    reference: Option<String>,
    email_prefix: Option<String>,
    name_part: Option<String>,
    todo: Option<Todo>,
}

impl Terms {
    /// What the search text looks like decides where to look: `2027-0042`
    /// is a reference, text with `@` the start of an address, anything else
    /// part of a name. One condition each, so each can use its index.
    fn of(f: &Filter) -> Self {
        let q = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_lowercase);
        let escaped = q.as_deref().map(crate::storage::like_escape);
        let is_reference = q.as_ref().is_some_and(|q| q.parse::<crate::domain::application::Reference>().is_ok());
        let is_email = q.as_ref().is_some_and(|q| q.contains('@'));
        Self {
            intake_id: f.intake_id,
            status: f.status.map(|s| s.key()),
            reference: q.clone().filter(|_| is_reference),
            email_prefix: escaped.as_ref().filter(|_| is_email).map(|q| format!("{q}%")),
            name_part: escaped.filter(|_| !is_reference && !is_email).map(|q| format!("%{q}%")),
            todo: f.todo,
        }
    }

    /// Whether one plan serves every value of this shape. A LIKE pattern's
    /// plan depends on the pattern (a prefix can use its index only when the
    /// planner sees it; `%a%` matches nearly every row where `%mette h%`
    /// matches a few), so such searches are planned for their own values.
    fn plan_once(&self) -> bool {
        self.email_prefix.is_none() && self.name_part.is_none()
    }

    /// `WHERE …` with only the conditions in use, each bound: one statement
    /// per shape of filter, whose plan PostgreSQL can keep.
    fn push_where(&self, q: &mut QueryBuilder<Postgres>) {
        q.push(" WHERE true");
        if let Some(id) = self.intake_id {
            q.push(" AND a.intake_id = ").push_bind(id);
        }
        if let Some(status) = self.status {
            q.push(" AND a.status = ").push_bind(status);
        }
        if let Some(reference) = &self.reference {
            q.push(" AND a.reference = ").push_bind(reference.clone());
        }
        if let Some(prefix) = &self.email_prefix {
            q.push(" AND a.email_normalised LIKE ").push_bind(prefix.clone());
        }
        if let Some(part) = &self.name_part {
            q.push(" AND lower(a.full_name) LIKE ").push_bind(part.clone());
        }
        use crate::storage::overview as items;
        match self.todo {
            None => {}
            Some(Todo::New) => {
                q.push(" AND ").push(items::NEW_APPLICATION);
            }
            Some(Todo::ToVerify) => {
                q.push(" AND ").push(items::TO_VERIFY);
            }
            Some(Todo::InvitedNotBooked) => {
                q.push(" AND ").push(items::INVITED_NOT_BOOKED);
            }
            Some(Todo::AnsweredAfter(after)) => {
                q.push(" AND EXISTS (SELECT 1 FROM cohort_offers o WHERE o.application_id = a.id AND ")
                    .push(items::ANSWERED_AFTER)
                    .push("coalesce(")
                    .push_bind(after)
                    .push(", '-infinity'::timestamptz))");
            }
        }
    }
}

fn order_by(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => " ORDER BY a.submitted_at DESC, a.id DESC",
        Sort::Oldest => " ORDER BY a.submitted_at, a.id",
        Sort::Name => " ORDER BY lower(a.full_name), a.id",
        Sort::Reference => " ORDER BY a.reference",
    }
}

const LIST_COLUMNS: &str = "SELECT a.id, a.reference, a.full_name, a.email, a.phone, i.name AS intake_name, a.status,
        a.eligibility_summary, a.submitted_at";

/// The rows of `f` in `sort` order from `offset`, at most `limit`, and with
/// `count_up_to` also how many match, counted no further than that (a
/// separate capped count is far cheaper than a window over every matching
/// row, and the cap keeps a broad filter from reading every row on every
/// view). Limit and offset are written into the statement: the first page's
/// then is one statement per shape of filter, planned once.
fn list_query(
    f: &Filter,
    sort: Sort,
    limit: i64,
    offset: i64,
    count_up_to: Option<i64>,
) -> (QueryBuilder<Postgres>, bool) {
    let t = Terms::of(f);
    let mut q = QueryBuilder::new(LIST_COLUMNS);
    if let Some(cap) = count_up_to {
        q.push(", (SELECT count(*) FROM (SELECT FROM applications a");
        t.push_where(&mut q);
        q.push(format_args!(" LIMIT {cap}) c) AS matching"));
    }
    q.push(" FROM applications a JOIN intakes i ON i.id = a.intake_id");
    t.push_where(&mut q);
    q.push(order_by(sort)).push(format_args!(" LIMIT {limit} OFFSET {offset}"));
    (q, t.plan_once() && offset == 0)
}

/// Rows of the list (e.g. the CSV export): see [`page`].
pub async fn list(pool: &PgPool, f: &Filter, sort: Sort, limit: i64, offset: i64) -> sqlx::Result<Vec<ListRow>> {
    let (mut q, plan_once) = list_query(f, sort, limit, offset, None);
    q.build_query_as().persistent(plan_once).fetch_all(pool).await
}

/// One page of the list and how many match in one statement.
pub struct Page {
    pub rows: Vec<ListRow>,
    /// How many match, counted up to the cap given; `None` when the page
    /// came back empty (no row to carry the count).
    pub matching: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct PageRow {
    #[sqlx(flatten)]
    row: ListRow,
    matching: i64,
}

/// Page of `limit` rows from `offset`, with the count of matches up to
/// `count_up_to` (see [`list_query`]).
pub async fn page(
    pool: &PgPool,
    f: &Filter,
    sort: Sort,
    limit: i64,
    offset: i64,
    count_up_to: i64,
) -> sqlx::Result<Page> {
    // The pattern is `%text%`.
    if Terms::of(f).name_part.is_some_and(|p| p.chars().count() - 2 >= FEW_MATCHES_FROM_CHARS)
        && let Some(page) = few_matches(pool, f, sort, limit, offset).await?
    {
        return Ok(page);
    }
    let (mut q, plan_once) = list_query(f, sort, limit, offset, Some(count_up_to));
    let rows: Vec<PageRow> = q.build_query_as().persistent(plan_once).fetch_all(pool).await?;
    Ok(into_page(rows))
}

fn into_page(rows: Vec<PageRow>) -> Page {
    let matching = rows.first().map(|r| r.matching);
    Page { rows: rows.into_iter().map(|r| r.row).collect(), matching }
}

/// Up to this many matches, a name search is cheapest read from its
/// matches (the trigram index) and sorted; PostgreSQL would rather walk the
/// order's index testing every row, which for a first name among 10,000
/// reads some 2,000 rows, and in name order, where the matches lie
/// together, half the table (`cargo bench --bench staff_list`).
const FEW_MATCHES: i64 = 300;

/// A search of fewer letters ("sen", "an") is part of most names, so it is
/// not first tried as one with few matches (which would read 301 rows for
/// nothing).
const FEW_MATCHES_FROM_CHARS: usize = 4;

/// The page of a search with at most [`FEW_MATCHES`] matches, from all of
/// them gathered once (rows and count from one reading); `None` when there
/// are more (found after reading a few more than that), none, or the page
/// lies past the last.
async fn few_matches(pool: &PgPool, f: &Filter, sort: Sort, limit: i64, offset: i64) -> sqlx::Result<Option<Page>> {
    let t = Terms::of(f);
    let mut q = QueryBuilder::new(
        "WITH a AS MATERIALIZED (SELECT a.id, a.reference, a.full_name, a.email, a.phone, a.intake_id, a.status,
                a.eligibility_summary, a.submitted_at FROM applications a",
    );
    t.push_where(&mut q);
    q.push(format_args!(" LIMIT {}) ", FEW_MATCHES + 1));
    // With more, nothing is sorted or joined: the one-time filter ends it.
    q.push(LIST_COLUMNS).push(", (SELECT count(*) FROM a) AS matching FROM a JOIN intakes i ON i.id = a.intake_id");
    q.push(format_args!(" WHERE (SELECT count(*) FROM a) <= {FEW_MATCHES}"));
    q.push(order_by(sort)).push(format_args!(" LIMIT {limit} OFFSET {offset}"));
    let rows: Vec<PageRow> = q.build_query_as().persistent(false).fetch_all(pool).await?;
    // No row: more than a few, none at all, or past the last page; the
    // order's index answers each of those cheaply.
    Ok((!rows.is_empty()).then(|| into_page(rows)))
}

/// How many applications match, counting no further than `at_most`.
pub async fn count(pool: &PgPool, f: &Filter, at_most: i64) -> sqlx::Result<i64> {
    let t = Terms::of(f);
    let mut q = QueryBuilder::new("SELECT count(*) FROM (SELECT FROM applications a");
    t.push_where(&mut q);
    q.push(format_args!(" LIMIT {at_most}) c"));
    q.build_query_scalar().persistent(t.plan_once()).fetch_one(pool).await
}
