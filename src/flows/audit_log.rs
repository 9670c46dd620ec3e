//! Reading the audit log: what staff, applicants and the system did, newest first.
use crate::{
    domain::{actor::Actor, staff::Permission},
    flows::{Context, FlowResult, require},
    storage::{self, audit::Entry, staff::StaffListRow},
};

/// Rows on one page of the log.
pub const PAGE: i64 = 100;

/// What the log is filtered by; `None` is any.
pub struct Filter {
    pub action: Option<String>,
    pub person: Option<i64>,
    pub reference: Option<String>,
    pub page: i64,
}

/// One page of the log, and the staff members to filter by.
pub struct Log {
    pub entries: Vec<Entry>,
    pub staff: Vec<StaffListRow>,
    /// Whether a next page may hold more.
    pub more: bool,
}

/// Page `filter.page` of the entries matching `filter`. `Forbidden` without `ReadAuditLog`.
pub async fn read(ctx: &Context, actor: &Actor, filter: &Filter) -> FlowResult<Log> {
    require(actor, Permission::ReadAuditLog)?;
    let f = storage::audit::Filter {
        action: filter.action.as_deref(),
        actor_id: filter.person,
        reference: filter.reference.as_deref(),
    };
    let offset = crate::domain::paging::offset(filter.page, PAGE);
    let entries = storage::audit::list(&ctx.pool, &f, PAGE, offset).await?;
    let staff = storage::staff::list(&ctx.pool).await?;
    Ok(Log { more: entries.len() as i64 == PAGE, entries, staff })
}
