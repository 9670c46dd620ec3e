//! The filtered list of applications for staff, and its CSV export.
use serde_json::json;

use crate::{
    domain::{
        actor::Actor,
        paging::{self, Total},
        staff::Permission,
    },
    flows::{Context, FlowResult, audit, require},
    storage::{
        self,
        review::{Filter, ListRow, Sort},
    },
};

const PAGE_SIZE: i64 = 50;

/// One page of the list: its rows, how many match (counted up to twenty
/// pages ahead), and the intakes (id, name) to filter by.
pub struct Listing {
    pub rows: Vec<ListRow>,
    pub total: Total,
    pub pages: i64,
    pub page: i64,
    pub intakes: Vec<(i64, String)>,
}

/// Page `page` (1 when not given) of the applications `filter` lets
/// through, 50 a page, in `sort` order. `Forbidden` without `ReviewAllApplications`.
pub async fn list(ctx: &Context, actor: &Actor, filter: &Filter, sort: Sort, page: Option<i64>) -> FlowResult<Listing> {
    require(actor, Permission::ReviewAllApplications)?;
    let page = paging::page(page);
    let offset = paging::offset(page, PAGE_SIZE);
    let (found, intakes) = tokio::try_join!(
        storage::review::page(&ctx.pool, filter, sort, PAGE_SIZE, offset, paging::count_limit(offset)),
        storage::intakes::names(&ctx.pool),
    )?;
    let total = match found.matching {
        Some(counted) => Total::counted(offset, counted),
        None if page == 1 => Total::Exact(0),
        // Past the last page: count on its own, so the pager can lead back.
        None => Total::counted(offset, storage::review::count(&ctx.pool, filter, paging::count_limit(offset)).await?),
    };
    let rows = found.rows;
    let pages = total.pages(PAGE_SIZE);
    Ok(Listing { rows, total, pages, page, intakes })
}

/// Every application `filter` lets through (up to 100 000), for the CSV;
/// audited as `applications_exported` with the count and `described` (the
/// filter's query string). `Forbidden` without `ExportApplications`.
pub async fn export(
    ctx: &Context,
    actor: &Actor,
    filter: &Filter,
    sort: Sort,
    described: String,
) -> FlowResult<Vec<ListRow>> {
    require(actor, Permission::ExportApplications)?;
    let rows = storage::review::list(&ctx.pool, filter, sort, 100_000, 0).await?;
    audit(ctx, actor, "applications_exported", None, json!({ "rows": rows.len(), "filter": described })).await?;
    Ok(rows)
}
