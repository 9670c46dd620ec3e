//! One interview day: all its slots for coordinators, an interviewer's own otherwise.
use chrono::{NaiveDate, NaiveTime};

use crate::{
    domain::{actor::Actor, local_time::from_local, staff::Permission},
    flows::{Context, Error, FlowResult},
    storage::{self, interviews::DayEntry},
};

/// The slots of `date` in the intake, by start. Errors: `Forbidden` for staff
/// who neither review all applications nor assess interviews.
pub async fn plan(ctx: &Context, actor: &Actor, intake_id: i64, date: NaiveDate) -> FlowResult<Vec<DayEntry>> {
    let only = if actor.may(Permission::ReviewAllApplications) {
        None
    } else if actor.may(Permission::AssessInterviews) {
        Some(actor.user_id().ok_or(Error::Forbidden)?)
    } else {
        return Err(Error::Forbidden);
    };
    let (from, to) = (
        from_local(date.and_time(NaiveTime::MIN)),
        from_local(date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN)),
    );
    Ok(storage::interviews::day_plan(&ctx.pool, &ctx.key, intake_id, from, to, only).await?)
}
