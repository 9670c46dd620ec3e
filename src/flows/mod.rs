//! The use cases: one module per feature, each function taking a [`Context`]
//! and an [`Actor`](crate::domain::actor::Actor), opening the transaction,
//! calling storage and queueing mail, and returning an outcome. Nothing here
//! knows HTTP or HTML: the web layer parses a request, calls one function and
//! renders what it returns. Mail bodies are built in `crate::mail::messages`.
pub mod apply;
pub mod audit_log;
pub mod cohorts;
mod context;
pub mod enrolments;
mod error;
pub mod intakes;
pub mod interviews;
pub mod meetings;
pub mod modules;
pub mod notify;
pub mod own_page;
pub mod programmes;
pub mod review;
pub mod settings;
pub mod support;
pub mod users;

pub use context::{ConsentIds, Context};
pub use error::{Error, FlowResult, require};

/// Writes an audit row for what `actor` did, outside any transaction.
pub async fn audit(
    ctx: &Context,
    actor: &crate::domain::actor::Actor,
    action: &str,
    application_id: Option<i64>,
    detail: serde_json::Value,
) -> FlowResult<()> {
    let event = crate::storage::audit::Event {
        at: ctx.clock.now(),
        actor_id: actor.user_id(),
        action,
        application_id,
        detail,
        request_id: actor.request_id(),
    };
    crate::storage::audit::record_now(&ctx.pool, &event).await?;
    Ok(())
}

/// Writes an audit row for what the applicant did, in the transaction that
/// did it, so staff read it in the log beside their own actions.
pub(crate) async fn audit_applicant(
    conn: &mut sqlx::PgConnection,
    action: &str,
    application_id: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let event = crate::storage::audit::Event {
        at: now,
        actor_id: None,
        action,
        application_id,
        detail: serde_json::json!({ "by": "applicant" }),
        request_id: None,
    };
    crate::storage::audit::record(conn, &event).await
}
